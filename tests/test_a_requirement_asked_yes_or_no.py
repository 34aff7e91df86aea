"""'Is an auditor-attested account required?' is answered yes or no before the source's words."""

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
    ("question", "lead"),
    [
        (
            "Is an auditor-attested account required for the children and young people scheme "
            "in 2021?",
            "Yes.",
        ),
        (
            "Are auditor-certified accounts required in the children and young people scheme in "
            "2021?",
            "Yes.",
        ),
        (
            "Er det krav om revisorattestert regnskap for barn og unge-ordningen i 2021?",
            "Ja.",
        ),
    ],
)
def test_a_requirement_the_source_states_is_answered_yes(question: str, lead: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert answer.paragraphs[0] == lead


def test_a_requirement_asked_after_a_scheme_in_a_chat_is_answered_yes() -> None:
    engine = Engine(kb())
    engine.ask("And the children and young people scheme's 2021 deadline?", TODAY, chat="c")
    answer = engine.ask("Is an auditor-attested account required?", TODAY, chat="c")
    assert answer.answered
    assert answer.text.lower().count("yes") >= 1
