"""The wind-down's words with a start and a calendar year ask a figure, not the wind-down's status.

Through the public interfaces (the Engine and the calc function); the figures are read from the
rules of each calendar year in the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.calc import calendar as calendar_calc
from bot.calc.results import PositionGroup
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def grant(start: int, first: int, last: int, positions: int = 1) -> int:
    """Return the grant by the rules of each calendar year for positions started in ``start``."""
    groups = [PositionGroup(start, Fraction(positions))]
    return sum(
        calendar_calc.rusarbeid_calendar_year(kb(), y, groups).total for y in range(first, last + 1)
    )


@pytest.mark.parametrize(
    ("question", "start", "first", "last", "positions"),
    [
        (
            "Stillingen vår hadde år 2 i 2021. Hva får vi i 2022 etter at ordningen avvikles?",
            2020,
            2022,
            2022,
            1,
        ),
        (
            "Stillingen startet i 2019. Hva får vi i 2022 etter at rustilskuddet avvikles?",
            2019,
            2022,
            2022,
            1,
        ),
        (
            "Vi fikk tilskudd til en ny stilling første gang i 2021. Hva blir samlet tilskudd for "
            "stillingen i 2021–2024 når nedtrappingen fra 2022 legges til grunn?",
            2021,
            2021,
            2024,
            1,
        ),
        (
            "Vi har to årsverk som startet i 2020. Hvor mye får vi i 2023 med nedtrappingen?",
            2020,
            2023,
            2023,
            2,
        ),
    ],
)
def test_a_start_and_a_calendar_year_with_the_wind_down_words_get_the_grant_of_those_years(
    question: str, start: int, first: int, last: int, positions: int
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert answer.intent in ("amount", "total"), answer.intent
    assert fmt.kroner(grant(start, first, last, positions)) in answer.text.splitlines()[0]
