"""'Stillingen fikk sitt første rustilskudd i 2021' names the start year as 'første tilskudd'
does, so a later year and a later sum count from 2021. Through the public interface."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_a_first_grant_named_by_a_compound_is_the_start_of_the_later_years() -> None:
    engine = Engine(kb())
    questions = (
        "Stillingen vår fikk sitt første rustilskudd i 2021. Hva får vi i 2022?",
        "og 2023?",
        "hva blir det til sammen for 2022–2024?",
    )
    answers = [engine.ask(q, TODAY, chat="start").text for q in questions]
    assert "550 000 kr (år 2 av 4)" in answers[0]  # 2022 is grant year 2
    assert "1 210 000" in answers[2]  # 550 000 + 330 000 + 330 000 (the wind-down)
