"""A question whether a grant covers more than something ('annet enn årsverk', 'andre utgifter
enn stillinger') gets the scheme's statement of any year that it covers more ('Ordningen åpner
for dekking av andre utgifter enn årsverk'), beside the newest year's card.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 4)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    "question",
    [
        "Kan tilskuddet til barn og unge med behov for langvarig/sammensatt oppfølging brukes "
        "til annet enn årsverk?",
        "Kan barn og unge-ordningen brukes til annet enn årsverk?",
        "Kan tilskotet til barn og unge med langvarige behov nyttast til anna enn årsverk?",
    ],
)
def test_a_question_beyond_positions_gets_the_sentence_opening_for_other_costs(
    question: str,
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "andre utgifter enn årsverk" in text, text
