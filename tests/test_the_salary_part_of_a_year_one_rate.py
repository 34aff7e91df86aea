"""'Lønnsdelen' ('the salary part') of a year's rate is that rate without its competence
money, also when it is set against another scheme's rate per position.

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
            "Hvor mye høyere er lønnsdelen pr årsverk i år 1 av kommunalt rusarbeid enn "
            "maksbeløpet pr 100 % stilling i NAV-tilskuddet?",
            ["650 000 kr", "40 000 kr"],
        ),
        (
            "Hvor mye mer er lønnsandelen i år 1 i kommunalt rusarbeid enn NAV-tilskuddet per "
            "stilling?",
            ["650 000 kr", "40 000 kr"],
        ),
        (
            "How much more is the salary part per FTE in year 1 of kommunalt rusarbeid than the "
            "NAV grant per position?",
            ["NOK 650,000", "NOK 40,000"],
        ),
        (
            "Kor mykje er lønsdelen per årsverk i år 1 i kommunalt rusarbeid?",
            ["650 000 kr"],
        ),
    ],
)
def test_the_salary_part_is_the_rate_without_its_competence_money(
    question: str, figures: list[str]
) -> None:
    text = engine().ask(question, TODAY).text
    for figure in figures:
        assert figure in text


def test_the_salary_part_said_of_the_other_scheme_keeps_the_whole_rate() -> None:
    text = (
        engine()
        .ask(
            "Hvor mye mer får man per årsverk i år 1 i kommunalt rusarbeid enn maksimalt per 100 % "
            "stilling i NAV-tilskuddet (lønnsdelen)?",
            TODAY,
        )
        .text
    )
    assert "660 000 kr − 610 000 kr = 50 000 kr" in text
