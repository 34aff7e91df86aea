"""The year-1 remainder for the position itself is told per position, also for several.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import engine

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Av satsen i år 1 for kommunalt rusarbeid, hvor mye er kompetansemidler, og hva "
            "gjenstår til selve årsverket? Hva utgjør kompetansemidlene for 3 årsverk?",
            ["10 000 kr", "650 000 kr", "30 000 kr"],
        ),
        (
            "Vi har 4 årsverk i år 1 i kommunalt rusarbeid – hvor mye er kompetanseutvikling, "
            "og hva blir igjen per årsverk?",
            ["650 000 kr per årsverk", "40 000 kr"],
        ),
        (
            "Kor mykje av år 1-satsen er kompetansemidlar for 2 årsverk i kommunalt rusarbeid?",
            ["650 000 kr per årsverk", "20 000 kr"],
        ),
        (
            "We have 3 FTEs in year 1 of kommunalt rusarbeid. How much is competence money?",
            ["NOK 650,000 per FTE", "NOK 30,000"],
        ),
    ],
)
def test_several_positions_in_year_one_are_told_the_remainder_of_each(
    question: str, figures: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    for figure in figures:
        assert figure in answer.text


def test_one_position_in_year_one_keeps_the_plain_remainder() -> None:
    question = "Hvor mye av år 1-satsen i kommunalt rusarbeid er til selve årsverket?"
    answer = engine().ask(question, TODAY)
    assert "650 000 kr, er til selve årsverket" in answer.text
