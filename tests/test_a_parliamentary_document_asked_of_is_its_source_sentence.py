"""'Hvilken prop. bygger opptrappingsplanen for rusfeltet på?': a question asking which
parliamentary document (prop., proposisjon, stortingsmelding, bill) something rests on is
answered with the source sentence naming it ('Prop. 15 S (2015–2016) …'), from whichever
scheme's facts hold it; a scheme no such sentence speaks of gets none borrowed.

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
        "Hvilken prop. bygger opptrappingsplanen for rusfeltet på?",
        "Hvilken stortingsproposisjon ligger til grunn for opptrappingsplanen?",
        "Kva for proposisjon byggjer opptrappingsplanen for rusfeltet på?",
        "Which bill is the escalation plan for the substance abuse field based on?",
    ],
)
def test_the_document_the_escalation_plan_rests_on_is_quoted(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "Prop. 15 S (2015–2016)" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken prop. styrer ordningen for NAV-tilskuddet?",
        "Hvilken proposisjon gjelder tilskuddet til sosiale tjenester i NAV?",
    ],
)
def test_no_document_is_borrowed_for_a_scheme_no_sentence_names(question: str) -> None:
    text, _answered = ask(question)
    assert "15 S" not in text, text
