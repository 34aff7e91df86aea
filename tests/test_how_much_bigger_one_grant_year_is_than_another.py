"""'Hvor mye større er tilskuddet i år 1 enn i år 4?' asks the difference between the two
grant years' rates, like 'hvor mye mer'. Through the public interface (the Engine)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hvor mye større er tilskuddet per årsverk i år 1 enn i år 4?", "330 000"),  # 660-330
        ("Kor mykje større er tilskotet i år 2 enn i år 3?", "110 000"),  # 550 000 − 440 000
        ("How much bigger is the grant per position in year 1 than in year 4?", "330,000"),
    ],
)
def test_how_much_bigger_a_grant_year_is_is_the_difference_of_the_rates(
    question: str, figure: str
) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered, text
    assert figure in text


def test_the_first_two_years_from_year_one_are_years_one_and_two_added() -> None:
    text, answered = text_and_answered(
        "Vi planlegger 2 årsverk fra år 1. Hvor mye tilskudd får vi de to første årene til sammen?",
        TODAY,
    )
    assert answered, text
    assert "2 420 000" in text  # 2 × 660 000 + 2 × 550 000
