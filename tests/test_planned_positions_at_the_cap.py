"""Positions a municipality plans ('vi tenker 2,5 stillinger i ett tiltak') get the cap's figures.

With no scheme named, the words of the cap (positions per measure, competence money) mean the
only scheme whose rule caps per position and per measure. Through the public interface (the
Engine); the cap is read from the knowledge base.
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
from knowledge.schema import CapRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def cap(positions: Fraction, measures: int) -> int:
    """Return the cap for positions and measures, competence money included."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return int(positions * rule.per_position) + measures * rule.per_measure


@pytest.mark.parametrize(
    ("question", "positions", "measures", "lang"),
    [
        (
            "Vi tenker 2,5 stillinger i ett tiltak, med kompetansemidler – maks?",
            Fraction(5, 2),
            1,
            "nb",
        ),
        (
            "Vi planlegger 3 stillinger i to tiltak, med kompetansemidler – maks?",
            Fraction(3),
            2,
            "nb",
        ),
        (
            "Kommunen vurderer 2 stillinger i ett tiltak med kompetansemidler. Maks?",
            Fraction(2),
            1,
            "nb",
        ),
        (
            "We are planning 2 positions in one measure, with competence money – the most we "
            "can get?",
            Fraction(2),
            1,
            "en",
        ),
    ],
)
def test_planned_positions_in_measures_with_competence_money_get_the_cap(
    question: str, positions: Fraction, measures: int, lang: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(cap(positions, measures), "en" if lang == "en" else "nb") in answer.text
