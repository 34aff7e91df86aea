"""'Can it cover costs other than positions?' asks what a scheme funds beside positions, in
English as in Norwegian ('andre utgifter'); a topic card whose first fact opens for what is
asked ('Ordningen åpner for dekking av andre utgifter enn årsverk') is said yes to first.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def _follow_up(first: str, second: str) -> tuple[str, bool]:
    engine = Engine(kb())
    engine.ask(first, TODAY, chat="test")
    answer = engine.ask(second, TODAY, chat="test")
    return answer.text, answer.answered


def test_other_costs_of_the_adult_scheme_asked_in_english_is_yes() -> None:
    text, answered = _follow_up(
        "When was the 2021 deadline for services to adults with long-term complex needs?",
        "May it pay for other expenses than FTEs?",
    )
    assert answered, text
    assert "Yes." in text, text
    assert "other than" in text, text


def test_other_costs_of_the_children_scheme_asked_in_norwegian_is_yes() -> None:
    text, answered = _follow_up(
        "Når var søknadsfristen i 2021 for tilbudet til barn og unge med sammensatte behov?",
        "Kan den tilskuddsordningen dekke andre utgifter enn stillinger?",
    )
    assert answered, text
    assert "Ja." in text, text
