"""Groups of positions by start year counted with an article: 'ett … og et …', 'en', 'ei'.

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


def grant(starts: tuple[int, ...], first: int, last: int) -> int:
    """Return the grant by the rules of each calendar year for one position per start year."""
    groups = [PositionGroup(s, Fraction(1)) for s in starts]
    return calendar_calc.rusarbeid_calendar_total(kb(), first, last, groups).total


@pytest.mark.parametrize(
    ("question", "starts", "first", "last"),
    [
        (
            "Kommunen har ett årsverk som startet i 2020 og et som startet i 2021 i kommunalt "
            "rusarbeid. Hva får vi til sammen for kalenderårene 2021–2023?",
            (2020, 2021),
            2021,
            2023,
        ),
        (
            "Vi har et årsverk fra 2019 og ei stilling som startet i 2021. Hva får vi i 2022?",
            (2019, 2021),
            2022,
            2022,
        ),
        (
            "Et årsverk startet i 2020 og en stilling startet i 2021. Hva får vi til sammen i "
            "2021?",
            (2020, 2021),
            2021,
            2021,
        ),
    ],
)
def test_positions_counted_with_an_article_per_start_year_get_the_grant_of_each_group(
    question: str, starts: tuple[int, ...], first: int, last: int
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(grant(starts, first, last)) in answer.text.splitlines()[0], answer.text
