"""The national timeline of framework increases summed when asked by its definite form in
either ending ('tidslinjen', 'tidslinja') and with a closing 'hva blir det?', which asks for
no rows of places.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
NATIONAL = "opptrappingsplan-nasjonal-ramme"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def timeline_total() -> int:
    """The national row's years added, as the test's own sum."""
    row = KB.tables[NATIONAL].rows[0]
    return sum(int(str(v)) for v in row.values.values())


@pytest.mark.parametrize(
    "question",
    [
        "Legg sammen økningene i rammen for 2016 til 2020 som vises på tidslinja i "
        "opptrappingsplanen. Hva blir det?",
        "Legg sammen tallene «i ramma» for 2016–2020 på tidslinjen i opptrappingsplan-lysarket. "
        "Hva blir det?",
        "Kva blir summen av auken i ramma 2016–2020 på tidslinja?",
        "Hva blir økningene i rammen 2016–2020 på tidslinja til sammen?",
    ],
)
def test_the_timeline_years_are_added_whichever_definite_ending_names_it(question: str) -> None:
    answer = Engine(KB).ask(question, TODAY, chat="timeline")
    assert answer.answered
    assert grouped(timeline_total()) in answer.text


def test_a_timeline_question_asking_which_municipality_is_not_the_national_row() -> None:
    answer = Engine(KB).ask(
        "Hvilken kommune fikk mest økning i rammen i 2016 ifølge tidslinja?", TODAY, chat="t"
    )
    assert grouped(timeline_total()) not in answer.text
    assert "400 000 000" not in answer.text
