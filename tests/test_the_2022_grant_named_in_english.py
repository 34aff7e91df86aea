"""The 2022 deck's grant, named in English, is the adults' scheme its Norwegian name is."""

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
        "What did the January 2022 slides say about auditor attestation in the new grant for "
        "long-term/complex needs in substance abuse and mental health?",
        "Is auditor attestation still required in the 2022 grant for long-term/complex needs in "
        "mental health and substance abuse?",
        "What about the auditor's certification in the grant for long-term/complex follow-up/"
        "service needs, substance abuse/mental health, in 2022?",
    ],
)
def test_the_2022_grant_named_in_english_gives_its_audit_rule(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert "removed" in answer.text
