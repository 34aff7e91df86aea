"""Positions 'i hvert sitt tiltak' are as many measures as positions, also in a follow-up.

Through the public interface (the Engine); the cap is read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
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


def cap(positions: int, measures: int) -> int:
    """Return the cap for positions and measures, competence money included."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return positions * rule.per_position + measures * rule.per_measure


@pytest.mark.parametrize(
    ("conversation", "positions", "lang"),
    [
        (
            [
                "Hva er maks NAV-tilskudd for én hel stilling med kompetansemidler?",
                "for 2 stillinger i samme tiltak?",
                "og hvis de to stillingene er i hvert sitt tiltak?",
            ],
            2,
            "nb",
        ),
        (
            [
                "Hvor mye kan vi maks få for tre stillinger i ulike tiltak med kompetansemidler "
                "i NAV-tilskuddet?"
            ],
            3,
            "nb",
        ),
        (
            [
                "What is the most for 2 positions in separate measures in the NAV grant, with "
                "competence money?"
            ],
            2,
            "en",
        ),
    ],
)
def test_positions_in_a_measure_each_get_the_competence_money_of_as_many_measures(
    conversation: list[str], positions: int, lang: str
) -> None:
    engine = Engine(kb())
    for question in conversation:
        answer = engine.ask(question, TODAY, chat="measures")
    assert answer.answered, answer.text
    assert fmt.kroner(cap(positions, positions), "en" if lang == "en" else "nb") in answer.text
