"""A follow-up that sets a scene for the figure asked before ('og hvis de ble videreført i 2023
etter de nye reglene?') asks that figure in the year named, by that year's rules, not the
scheme's status; a plain status question stays one.

Through the public interface (the Engine).
"""

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
    ("conversation", "figure"),
    [
        (
            [
                "Hvor mye får vi for ett årsverk i år 1 i kommunalt rusarbeid?",
                "og år 3?",
                "for 2 årsverk da?",
                "og hvis de ble videreført i 2023 etter de nye reglene?",
            ],
            "660 000 kr",
        ),
        (
            [
                "Kva får vi for 3 årsverk i år 3 i kommunalt rusarbeid?",
                "om dei vart vidareførte i 2023?",
            ],
            "990 000 kr",
        ),
        (
            [
                "What do we get for 2 FTE in year 3 of kommunalt rusarbeid?",
                "and if they were continued in 2023 under the new rules?",
            ],
            "NOK 660,000",
        ),
    ],
)
def test_a_scenario_after_a_figure_gives_that_figure_in_the_year_named(
    conversation: list[str], figure: str
) -> None:
    engine = Engine(kb())
    for question in conversation[:-1]:
        engine.ask(question, TODAY, chat="c")
    answer = engine.ask(conversation[-1], TODAY, chat="c")
    assert answer.intent in ("amount", "total")
    assert figure in answer.text


def test_a_status_question_after_a_figure_stays_a_status_question() -> None:
    engine = Engine(kb())
    engine.ask("Hvor mye får vi for ett årsverk i år 1 i kommunalt rusarbeid?", TODAY, chat="c")
    answer = engine.ask("og hva er status for ordningen i 2023?", TODAY, chat="c")
    assert answer.intent == "status"
