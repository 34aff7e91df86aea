"""'Hva slags …' / 'kva slags …' asks the same as 'hvilke …': 'slags' weighs nothing in look-ups."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


@pytest.mark.parametrize(
    "question",
    [
        "Kva slags overgangsreglar gjeld frå 2017 for kommunar som alt får tilskot til kommunalt "
        "rusarbeid?",
        "Hva slags overgangsregler gjelder fra 2017 for kommuner som allerede får tilskudd til "
        "kommunalt rusarbeid?",
        "Hva slags overgangsordning gjelder fra 2017 for kommuner som allerede har tilskudd til "
        "kommunalt rusarbeid?",
    ],
)
def test_what_kind_of_transition_rules_reaches_the_transition_rule(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert "fire år" in answer.text
