"""'Kven av dei har størst del?' asks for the share printed beside the count just asked of two
places: the part said with its superlative ('høgast del', 'største del') is a share."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def test_the_largest_part_of_two_counties_asked_in_turn_ranks_their_shares() -> None:
    engine = Engine(kb())
    engine.ask("Kor mange 18–24-åringar i Troms fekk sosialhjelp i 2018?", TODAY, chat="del")
    engine.ask("og i Nordland?", TODAY, chat="del")
    answer = engine.ask("Kven av dei to har størst del?", TODAY, chat="del")
    assert answer.answered
    assert "Nordland: 6,7 %" in answer.text
    assert "1 470" not in answer.text  # Nordland's count, not its share
