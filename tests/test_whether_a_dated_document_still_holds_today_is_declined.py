"""'Gjelder oppdateringen fra 2022 fortsatt?': whether a source document still holds today is
nothing the sources can say; the bot names the document and its date, says its sources hold
nothing newer, and declines, instead of reciting the scheme as if it held today.

Through the public interface (tests/asking.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "question",
    [
        "Gjelder oppdateringen fra 2022 om rusarbeidet fortsatt?",
        "Er oppdateringa frå 2022 framleis gjeldande?",
    ],
)
def test_the_document_is_named_and_the_question_declined(question: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert not answered, text
    assert "27. januar 2022" in text, text
    assert "ingenting nyere" in text, text


def test_asked_in_english_the_decline_is_in_english() -> None:
    text, answered = text_and_answered("Is the 2022 update still in force today?", TODAY)
    assert not answered, text
    assert "27 January 2022" in text, text
    assert "nothing newer" in text, text
