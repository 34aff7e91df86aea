"""A follow-up that changes some of the positions asked before to a share ('hvis en av dem
bare er 50 %?') reckons with the others whole and those at the share.

Through the public interface (the Engine); rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def cap(positions: Fraction) -> int:
    """Return the NAV cap for positions in one measure, competence money included."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return int(positions * rule.per_position) + rule.per_measure


def ladder(positions: Fraction, grant_year: int) -> int:
    """Return the rusarbeid grant for positions in a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return int(positions * rule.steps[grant_year - 1].amount)


@pytest.mark.parametrize(
    ("first", "follow_up", "expected", "lang"),
    [
        (
            "Og for 3 stillinger i ett tiltak i NAV-tilskuddet, med kompetansemidler?",
            "hvis en av dem bare er 50 %?",
            cap(Fraction(5, 2)),
            "nb",
        ),
        (
            "Hvor mye kan NAV-kontoret maks få for 4 stillinger i samme tiltak?",
            "og om to av dem er halve stillinger?",
            cap(Fraction(3)),
            "nb",
        ),
        (
            "What is the maximum NAV grant for 3 positions in one measure?",
            "and if one of them is only 50 %?",
            cap(Fraction(5, 2)),
            "en",
        ),
        (
            "Vi har 3 årsverk i år 2 i kommunalt rusarbeid, kva får vi?",
            "kva om ein av dei berre er 50 %?",
            ladder(Fraction(5, 2), 2),
            "nb",
        ),
    ],
)
def test_a_follow_up_changing_some_positions_to_a_share_counts_the_rest_whole(
    first: str, follow_up: str, expected: int, lang: str
) -> None:
    engine = Engine(kb())
    engine.ask(first, TODAY, chat="c")
    answer = engine.ask(follow_up, TODAY, chat="c")
    assert fmt.kroner(expected, "en" if lang == "en" else "nb") in answer.text


def test_a_share_asked_on_its_own_after_positions_replaces_the_count() -> None:
    engine = Engine(kb())
    engine.ask("Hvor mye kan NAV-kontoret maks få for 3 stillinger i ett tiltak?", TODAY, chat="c")
    answer = engine.ask("og for en 50 % stilling?", TODAY, chat="c")
    assert fmt.kroner(cap(Fraction(1, 2)), "nb") in answer.text
