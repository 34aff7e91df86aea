"""The change between a scheme's appropriations in two years, asked in per cent, is given as
a share of the earlier figure; asked as a follow-up after the two years were asked in turn
('og i 2021?' – 'hvor stor er nedgangen?'), it is the change between those two years.
Through the public interface."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_a_change_between_two_appropriations_in_percent() -> None:
    text, answered = text_and_answered(
        "Med hvor mange prosent ble bevilgningen til kommunalt rusarbeid redusert fra 2018 "
        "til 2021?",
        TODAY,
    )
    assert answered
    assert "17,4" in text  # 472,4 − 455 millioner
    assert "3,7 %" in text


def test_the_change_after_two_years_asked_in_turn() -> None:
    engine = Engine(kb())
    engine.ask("Hva var bevilgningen til kommunalt rusarbeid i 2018?", TODAY, chat="a")
    engine.ask("Hva med 2021?", TODAY, chat="a")
    answer = engine.ask("Og hvor stor er reduksjonen i prosent?", TODAY, chat="a")
    assert answer.answered
    assert "3,7 %" in answer.text
