"""A claim about who may apply ('can only be applied for by the council') gets who may apply."""

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
        "Is it true that the NAV development grant can only be applied for by the municipal "
        "council?",
        "Is it correct that the grant for developing social services in NAV can only be applied "
        "for by the council?",
        "Stemmer det at utviklingstilskuddet til NAV bare kan søkes av kommunestyret?",
    ],
)
def test_a_claimed_applicant_is_answered_with_who_may_apply(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert answer.intent == "who_may_apply"
    assert "NAV" in answer.text
