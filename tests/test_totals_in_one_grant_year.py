"""A total for positions in one grant year is that year's sum; 'fra år 2' runs to the ladder's end.

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb, ladder, nav_cap, rate

TODAY = dt.date(2026, 12, 4)


def competence() -> int:
    """Return the ladder's competence money per årsverk in year 1."""
    return ladder().steps[0].competence or 0


def lead(question: str, lang: str = "nb") -> str:
    """Return the first line of an answered answer."""
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    return answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Tre årsverk som alle er i sitt tredje tilskuddsår – hva blir summen?",
            lambda: 3 * rate(3),
        ),
        (
            "Vi har 2 årsverk i år 2 i kommunalt rusarbeid. Hvor mye får vi til sammen?",
            lambda: 2 * rate(2),
        ),
        (
            "Vi har tre årsverk i år 1 i tilskuddet til kommunalt rusarbeid. Hvor mye får vi "
            "til sammen?",
            lambda: 3 * rate(1),
        ),
        (
            "Vi har 2 årsverk i år 2. Hvor mye får vi til sammen fra år 2 og ut perioden?",
            lambda: 2 * sum(rate(g) for g in range(2, 5)),
        ),
        (
            "Ett årsverk er i år 3 nå. Hva gjenstår til sammen av tilskuddet for det?",
            lambda: rate(3) + rate(4),
        ),
        (
            "Tre årsverk i år 3 etter de gamle reglene – hva blir summen?",
            lambda: 3 * rate(3),
        ),
    ],
)
def test_a_total_in_one_grant_year_sums_that_year_and_from_on_sums_to_the_end(
    question: str, expected: Callable[[], int]
) -> None:
    assert fmt.kroner(expected(), "nb") in lead(question)


def test_an_english_total_for_one_year_says_year_in_the_singular() -> None:
    line = lead("We have two positions in year 2 of kommunalt rusarbeid. What is the total grant?")
    assert line.startswith("In total for year 2:"), line
    assert fmt.kroner(2 * rate(2), "en") in line


def test_competence_money_kept_out_of_both_compares_the_rest_with_the_nav_cap() -> None:
    answer = Engine(kb()).ask(
        "Hvor mye mer gir kommunalt rusarbeid i år 1 enn NAV-tilskuddet per hel stilling, "
        "når vi holder kompetansemidlene utenfor begge?",
        TODAY,
    )
    gap = rate(1) - competence() - nav_cap().per_position
    assert fmt.kroner(gap, "nb") in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "En ruskonsulentstilling koster oss 750 000 i året inkludert sosiale utgifter. Hvor mye "
        "må kommunen selv dekke i år 2?",
        "Koordinatorårsverket koster 750 000 kr med sosiale kostnader. Egenandel i år 2?",
    ],
)
def test_a_position_compound_and_its_costs_are_no_other_thing_than_the_scheme(
    question: str,
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(750_000 - rate(2), "nb") in answer.text, answer.text
