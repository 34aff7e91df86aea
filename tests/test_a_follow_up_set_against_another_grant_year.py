"""A follow-up that sets the figure just given against another grant year ('hvor mye mer er
det enn i år 3?') is the change between the two grant years, for the same positions. Through
the public interface, in one chat."""

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
        text = engine.ask(q, TODAY, chat="against").text
    return text


def test_less_than_a_hypothetical_first_year_for_the_same_positions() -> None:
    text = conversation(
        "Hva gir 3 årsverk i år 3 i kommunalt rusarbeid?",
        "Og hvor mye mindre er det enn om de tre årsverkene var i år 1?",
    )
    # 3 × 660 000 − 3 × 440 000
    assert "660 000 kr for 3 årsverk" in text
    assert "1 980 000 kr → 1 320 000 kr" in text


def test_more_than_a_later_grant_year_in_english() -> None:
    text = conversation(
        "What do 2 FTE get in year 2 of the municipal substance abuse grant?",
        "How much more is that than in year 4?",
    )
    # 2 × 550 000 − 2 × 330 000
    assert "440,000" in text
