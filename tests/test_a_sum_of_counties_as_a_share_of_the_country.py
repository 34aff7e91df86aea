"""'Hvor stor andel av landet er det?' after a sum of some counties' counts: that sum over the
whole country's count in the same column."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_two_counties_added_are_a_share_of_the_whole_country() -> None:
    engine = Engine(kb())
    engine.ask(
        "Hvor mange husholdninger i Troms og Finnmark var i midlertidig botilbud i 2018 til "
        "sammen?",
        TODAY,
        chat="part",
    )
    answer = engine.ask("Hvor stor andel av hele landet er det?", TODAY, chat="part")
    assert answer.answered
    assert "211 av 4 282" in answer.text  # 154 + 57 of the country's 4 282
    assert "4,9 %" in answer.text
