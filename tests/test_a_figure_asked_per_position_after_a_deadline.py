"""'Hva får man per stilling i 2023 og 2024?' asks for a figure by its own words, also as the
second question of a message or chat that asked for a deadline first.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2022, 1, 30)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


@pytest.mark.parametrize(
    "message",
    [
        "Når er søknadsfristen for kommunalt rusarbeid i år, og kva får ein per stilling i 2023 "
        "og 2024?",
        "Når er fristen for kommunalt rusarbeid i år, og hva får man per stilling i 2023?",
        "Når er søknadsfristen for kommunalt rusarbeid? Og hva får en per stilling i 2024?",
    ],
)
def test_a_figure_per_position_after_a_deadline_in_one_message_is_reckoned(message: str) -> None:
    text = Engine(kb()).ask(message, TODAY).text
    assert "15. februar" in text
    assert "330 000 kr" in text


def test_a_figure_per_position_after_a_deadline_in_a_chat_is_reckoned() -> None:
    engine = Engine(kb())
    engine.ask("Når er søknadsfristen for kommunalt rusarbeid i år?", TODAY, chat="c")
    answer = engine.ask("hva får man per stilling i 2023?", TODAY, chat="c")
    assert answer.intent in ("amount", "total")
    assert "330 000 kr" in answer.text
