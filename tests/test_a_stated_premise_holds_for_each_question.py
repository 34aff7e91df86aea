"""A premise stated before two figure questions holds for each: both figures are answered.

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


def years() -> int:
    """Return the number of grant years on the ladder."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return len(rule.steps)


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
