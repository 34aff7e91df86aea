"""The entity readers remember the few texts of a question: the same text read again gives the
same reading, and a reading given as a list is the caller's own to change.

Through the readers of bot.understanding.entities and the Engine.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from bot.text import fold
from bot.understanding.entities import (
    REMEMBERED,
    extract_grant_years,
    extract_groups,
    extract_positions,
    extract_start_years,
)
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    "question",
    [
        "vi har 2 arsverk i ar 1 og 1 i ar 3, hva far vi?",
        "hva er egenandelen i ar 2 og ar 3 for en halv stilling?",
        "two positions in year 2 and one in year 4",
    ],
)
def test_a_grant_year_list_read_again_is_a_new_list_of_the_same_years(question: str) -> None:
    first = extract_grant_years(question)
    first.append(99)
    assert 99 not in extract_grant_years(question)
    assert extract_grant_years(question) == first[:-1]


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("stillingen fikk tilskudd forste gang i 2019, hva far vi i 2021?", 2019),
        ("to stillinger startet i 2018 og 2020", 2018),
        ("our position first got the grant in 2020. what do we get in 2022?", 2020),
    ],
)
def test_a_start_year_list_read_again_is_a_new_list(question: str, start: int) -> None:
    first = extract_start_years(question)
    assert first[0][0] == start
    first.clear()
    assert extract_start_years(question)[0][0] == start


def test_the_readers_remember_too_few_texts_to_keep_earlier_questions() -> None:
    texts = [f"vi har {n} arsverk i ar 1 og 1 i ar 3" for n in range(2, 2 + 3 * REMEMBERED)]
    readings = [extract_groups(t) for t in texts]
    assert extract_groups.cache_info().currsize <= REMEMBERED  # type: ignore[attr-defined]
    assert [extract_groups(t) for t in texts] == readings
    assert readings[0] == ((Fraction(2), 1), (Fraction(1), 3))
    assert extract_positions(fold("en halv stilling")) == Fraction(1, 2)


@pytest.mark.parametrize(
    "question",
    [
        "Vi har 2 årsverk i år 1 og 1 i år 3 i kommunalt rusarbeid. Hva får vi?",
        "Stillingen fikk tilskudd første gang i 2019. Hva får vi i 2021 og 2022?",
        "Hva betaler vi selv i år 2 og år 3 for en halv stilling som koster 400 000 kr?",
    ],
)
def test_a_question_asked_twice_gets_the_same_answer(question: str) -> None:
    engine = Engine(load_sources())
    first = engine.ask(question, TODAY)
    assert engine.ask(question, TODAY).text == first.text
    assert first.answered
