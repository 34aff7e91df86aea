"""'Og Drammen?' after a county's figure names a place the statistics table has no row for:
the answer says so, and never repeats the county asked before."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def chat(*questions: str) -> tuple[str, bool]:
    """Ask questions in one chat; return the last answer's text and whether it answered."""
    engine = Engine(kb())
    answer = None
    for q in questions:
        answer = engine.ask(q, TODAY, chat="outside")
    assert answer is not None
    return answer.text, answer.answered


def test_a_town_asked_after_a_county_is_said_to_be_outside_the_table() -> None:
    text, answered = chat(
        "Hvor mange husholdninger i Buskerud var innom midlertidig botilbud i 2018?",
        "Og Drammen?",
    )
    assert not answered
    assert "Drammen" in text
    assert "228" not in text  # Buskerud's figure


def test_a_city_asked_in_english_after_a_county_is_declined_in_english() -> None:
    text, answered = chat(
        "How many KVP participants did Hordaland have on 31 August 2019?",
        "What about Bergen?",
    )
    assert not answered
    assert "Bergen" in text and "table" in text
    assert "591" not in text  # Hordaland's figure


def test_a_municipality_asked_alone_after_its_county_is_outside_the_table() -> None:
    text, answered = chat(
        "Hvor mange KVP-deltakere hadde Trøndelag?",
        "og i Trondheim kommune alene?",
    )
    assert not answered
    assert "Trondheim" in text
