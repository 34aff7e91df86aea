"""'Hvor stor var ordningen i 2021?': the size of a scheme is its appropriation for the year,
not a grant per position; a scheme the sources give no appropriation for is declined. Through
the public interface."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_how_large_the_scheme_was_in_a_year_is_the_appropriation() -> None:
    text, answered = text_and_answered(
        "Hvor stor var tilskuddsordningen til kommunalt rusarbeid i 2021?", TODAY
    )
    assert answered
    assert "455" in text
    assert "660 000" not in text


def test_the_size_of_the_scheme_in_the_year_of_the_question_before() -> None:
    engine = Engine(kb())
    engine.ask("Hva skulle kommunene rapportere i kommunalt rusarbeid i 2018?", TODAY, chat="s")
    answer = engine.ask("Og hvor stor var ordningen det året?", TODAY, chat="s")
    assert answer.answered
    assert "472,4" in answer.text


def test_how_big_a_scheme_without_an_appropriation_is_declined() -> None:
    text, answered = text_and_answered("How big is the scheme for prosjektskjønnsmidler?", TODAY)
    assert not answered
    assert "610 000" not in text and "660 000" not in text
