"""'Prognosen' for a municipality is the framework table's prognosis, in any inflected form."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hva er prognosen for Arendal i år?", "1 483 980"),
        ("Hvor stor er prognosene for Arendal for i år?", "1 483 980"),
        ("Kva er prognosen til Arendal i år?", "1 483 980"),
    ],
)
def test_the_prognosis_asked_in_its_year_is_that_years_prognosis(
    question: str, figure: str
) -> None:
    text, answered = text_and_answered(question, dt.date(2020, 3, 1))
    assert answered
    assert figure in text
    assert "prognose" in text
