"""A change between two grant years asked in per cent ('reduksjonen i prosent fra år 1 til år
4') is told as a share of the first year's rate too; asked without, it is not.

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def percent(first: int, last: int, lang: str) -> str:
    """Return the fall from one grant year's rate to another's as the answer writes it."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    a, b = rule.steps[first - 1].amount, rule.steps[last - 1].amount
    share = Fraction(a - b, a) * 100
    shown = f"{round(float(share), 1):.1f}".removesuffix(".0")
    return f"{shown.replace('.', ',')} %" if lang == "nb" else f"{shown}%"


@pytest.mark.parametrize(
    ("question", "first", "last", "lang"),
    [
        (
            "Hvor stor er reduksjonen i prosent fra år 1 til år 4 i satsene for kommunalt "
            "rusarbeid?",
            1,
            4,
            "nb",
        ),
        (
            "Kor mykje går satsen ned frå år 2 til år 4 i kommunalt rusarbeid, i prosent?",
            2,
            4,
            "nb",
        ),
        (
            "How much does the kommunalt rusarbeid rate fall from year 1 to year 3, in percent?",
            1,
            3,
            "en",
        ),
    ],
)
def test_a_change_between_grant_years_asked_in_percent_gives_the_percentage(
    question: str, first: int, last: int, lang: str
) -> None:
    assert percent(first, last, lang) in Engine(kb()).ask(question, TODAY).text


def test_a_change_asked_in_kroner_has_no_percentage() -> None:
    answer = Engine(kb()).ask(
        "Hvor mye mindre får vi pr årsverk i år 4 enn i år 1 i kommunalt rusarbeid?", TODAY
    )
    assert "%" not in answer.paragraphs[0]
