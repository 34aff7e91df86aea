"""What one place gets from a scheme, asked in the present tense, is declined like 'fikk'."""

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
        "Hvor mye får Bergen kommune i tilskudd til kommunalt rusarbeid?",
        "Hvor mye får Stavanger i tilskudd fra kommunalt rusarbeid?",
        "Kor mykje får Bergen kommune i tilskot til kommunalt rusarbeid?",
        "How much does Bergen municipality get from the municipal substance abuse grant?",
    ],
)
def test_what_a_place_gets_from_a_scheme_is_declined_as_not_in_the_sources(
    question: str,
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert not answer.answered
    assert "Bergen" in answer.text or "Stavanger" in answer.text
    assert "660 000" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye får kommunen for to årsverk i år 1 i kommunalt rusarbeid?",
        "Hvor mye får Arendal per årsverk i år 1 i kommunalt rusarbeid?",
    ],
)
def test_what_a_place_gets_per_position_is_still_the_rate(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert "660 000" in answer.text
