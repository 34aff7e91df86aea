"""'Hvor mye blir det til sammen for de to?' after two ladder figures asked in turn (positions
in one grant year each) is the grant for all of those positions. Through the public
interface, in one chat."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def conversation(*questions: str) -> str:
    """Ask the questions in one chat; return the last answer's text."""
    engine = Engine(kb())
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="figures").text
    return text


def test_two_figures_asked_in_turn_are_summed() -> None:
    text = conversation(
        "Hva gir to årsverk i år 1 i kommunalt rusarbeid?",
        "Og ett årsverk i år 4?",
        "Hvor mye blir det til sammen for de to?",
    )
    assert "1 650 000" in text  # 2 × 660 000 + 330 000


def test_the_sum_of_both_in_english() -> None:
    text = conversation(
        "What is the municipal substance abuse grant for half an FTE in year 2?",
        "And for 1 FTE in year 3?",
        "What do both come to together?",
    )
    assert "715,000" in text  # 275 000 + 440 000
