"""Positions said to be entering a grant year ('som går inn i sitt tredje år', 'entering
their third year') are a group in that grant year, summed with the other groups.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)


@cache
def engine() -> Engine:
    """Build one engine over the bundled knowledge base."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("question", "total"),
    [
        (
            "Vi har en ny stilling i første tilskuddsår og to stillinger som går inn i sitt "
            "tredje år. Hvor mye rustilskudd blir det til sammen?",
            "1 540 000 kr",
        ),
        (
            "Kommunen har to årsverk som går inn i år 2 og ett årsverk i år 4 i kommunalt "
            "rusarbeid. Hva blir samlet tilskudd?",
            "1 430 000 kr",
        ),
        (
            "Vi har ei ny stilling i første tilskotsår og to stillingar som går inn i sitt "
            "tredje år. Kor mykje rustilskot blir det til saman?",
            "1 540 000 kr",
        ),
        (
            "We have one new position in its first grant year and two positions entering "
            "their third year. How much substance abuse grant is that in total?",
            "NOK 1,540,000",
        ),
    ],
)
def test_positions_entering_a_grant_year_are_a_group_in_that_year(
    question: str, total: str
) -> None:
    assert total in engine().ask(question, TODAY).text
