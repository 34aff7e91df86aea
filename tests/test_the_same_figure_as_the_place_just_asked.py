"""'Hvilke andre fylker har samme andel?' after one county's figure: the other counties with
that figure in the same column, the county asked left out."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_the_other_counties_with_the_same_share_as_the_one_asked() -> None:
    engine = Engine(kb())
    engine.ask(
        "Hvor stor andel av befolkningen 18–66 år hadde sosialhjelp som hovedinntekt i Rogaland?",
        TODAY,
        chat="same",
    )
    answer = engine.ask("Hvilke andre fylker har samme andel?", TODAY, chat="same")
    assert answer.answered
    assert "Hordaland: 0,9 %" in answer.text
    assert "Finnmark: 0,9 %" in answer.text
    assert "– Rogaland" not in answer.text
    assert "Telemark" not in answer.text
