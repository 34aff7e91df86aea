"""A premise stated before two figure questions holds for each: both figures are answered.

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb, ladder, rate

TODAY = dt.date(2026, 12, 4)


def years() -> int:
    """Return the number of grant years on the ladder."""
    return len(ladder().steps)


@pytest.mark.parametrize(
    ("question", "cost", "grant_year"),
    [
        (
            "Stillingen vår i rusarbeidet koster 700 000 kr pr år. Hva blir egenandelen i år 4, "
            "og hvor mye må vi dekke selv samlet over fire år?",
            700_000,
            4,
        ),
        (
            "Et årsverk i kommunalt rusarbeid koster 750 000 kr i året. Hva blir egenandelen i "
            "år 2, og hva blir egenandelen til sammen over alle fire årene?",
            750_000,
            2,
        ),
        (
            "Årsverket koster oss 800 000 kr i året i rusarbeidet. Hvor mye må vi betale selv i "
            "år 3, og hvor mye må vi betale selv totalt over fire år?",
            800_000,
            3,
        ),
    ],
)
def test_an_own_share_in_one_grant_year_and_over_all_years_are_both_answered(
    question: str, cost: int, grant_year: int
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    one = cost - rate(grant_year)
    total = sum(max(0, cost - rate(g)) for g in range(1, years() + 1))
    assert fmt.kroner(one) in answer.text, answer.text
    assert fmt.kroner(total) in answer.text, answer.text
