"""'Hvor store er prosjektskjønnsmidlene?': the plural 'hvor store' asks an amount as 'hvor stor'
does, so a scheme the sources give no rates for is declined, never given a card as if that
answered it, and a scheme with rates is still answered with its figures.

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
        "Hvor store er prosjektskjønnsmidlene vi kan søke om?",
        "Kor store er prosjektskjønnsmidlane?",
        "Hvor store beløp kan vi få i prosjektskjønnsmidler?",
    ],
)
def test_how_large_the_project_discretionary_funds_are_is_declined(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert "ingen satser" in text, text
    assert "610 000" not in text and "660 000" not in text, text


def test_how_large_a_rated_schemes_grant_is_still_answered() -> None:
    text, answered = ask("Hvor store er tilskuddene til kommunalt rusarbeid per årsverk?")
    assert answered, text
    assert "660 000" in text, text
