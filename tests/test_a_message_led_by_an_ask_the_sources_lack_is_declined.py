"""'Hvem vinner kommunevalget i 2027, og vil rusarbeidstilskuddet komme tilbake da?': a message
whose first ask, before ', og' / ', and', is about something the sources do not hold (an
election) is declined as a whole, not answered by the scheme its second ask names; a message
led by an ask the sources hold is still answered.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 1)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    "question",
    [
        "Hvem vinner kommunevalget i 2027, og vil rusarbeidstilskuddet komme tilbake da?",
        "Hvem vinner stortingsvalget i 2029, og kommer rustilskuddet tilbake da?",
        "Hvem vinner valget neste år, og vil tilskuddet til kommunalt rusarbeid komme tilbake?",
        "Who wins the municipal election in 2027, and will the substance abuse grant return?",
    ],
)
def test_a_message_led_by_an_election_question_is_declined(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert "330 000" not in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Når er søknadsfristen for kommunalt rusarbeid, og vil ordningen fortsette?",
        "Hvem kan søke tilskudd til kommunalt rusarbeid, og vil ordningen fortsette?",
    ],
)
def test_a_message_led_by_a_question_the_sources_hold_is_answered(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
