"""'Hva hører til prioritet 2?': the verb of belonging is an everyday word, not another topic."""

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
        "Hva er prioritet 1 og hva hører til prioritet 2 i det nye tilskuddet for voksne (2022)?",
        "Hva hører til prioritet 2 i det nye tilskuddet for voksne i 2022?",
        "Kva høyrer til prioritet 2 i det nye tilskotet for vaksne i 2022?",
        "What belongs to priority 2 in the new grant for adults in 2022?",
    ],
)
def test_what_belongs_to_a_priority_gives_the_priorities_of_that_year(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert "FACT" in answer.text
    assert "Housing First" in answer.text
