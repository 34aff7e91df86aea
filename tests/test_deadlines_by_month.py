"""Deadlines of a year filtered by the month (and day) a question names, in nb and en.

Through the public interface (the Engine); the deadlines expected are read from the knowledge
base.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def dated(year: int) -> list[tuple[str, dt.date]]:
    """Return (scheme short name, date) of every dated application deadline in a year."""
    return [
        (kb().schemes[e.scheme_id].names.short, e.deadline.date)
        for e in kb().deadlines()
        if e.deadline.year == year and e.deadline.date and e.deadline.kind == "application"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke søknadsfrister er i februar 2022?",
        "Hvilke tilskudd har søknadsfrist i februar 2022?",
        "Which application deadlines are in February 2022?",
    ],
)
def test_the_deadlines_of_a_month_are_those_of_that_month_only(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    in_month = [(name, d) for name, d in dated(2022) if d.month == 2]
    others = [(name, d) for name, d in dated(2022) if d.month != 2]
    assert in_month and others
    lang = "en" if question.startswith("Which") else "nb"
    for name, d in in_month:
        assert name in answer.text
        assert fmt.long_date(d, lang) in answer.text
    for _name, d in others:
        assert fmt.long_date(d, lang) not in answer.text


def test_the_deadlines_of_a_day_and_month_are_those_of_that_day() -> None:
    first = min(d for _n, d in dated(2022) if d.month == 2)
    said = f"{first.day}. {fmt.MONTHS['nb'][first.month - 1]}"
    answer = Engine(kb()).ask(f"Hvilke ordninger har søknadsfrist {said} i 2022?", TODAY)
    assert answer.answered
    for name, d in dated(2022):
        if d == first:
            assert name in answer.text
        else:
            assert fmt.long_date(d, "nb") not in answer.text


def test_a_month_without_deadlines_is_said_to_have_none() -> None:
    months = {d.month for _n, d in dated(2022)}
    empty = next(m for m in range(1, 13) if m not in months)
    name = fmt.MONTHS["nb"][empty - 1]
    answer = Engine(kb()).ask(f"Hvilke frister er i {name} 2022?", TODAY)
    assert not answer.answered
    assert f"ingen frister i {name} 2022" in answer.text
