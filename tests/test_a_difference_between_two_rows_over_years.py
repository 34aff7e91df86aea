"""A difference asked 'mellom A og B' over a span of years ('forskjellen mellom Arendal og
Grimstad i samlet rammeøkning 2016–2020') is each row's years summed, then subtracted; not
the two rows added.

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
    ("question", "figure"),
    [
        (
            "Hvor stor forskjell var det mellom Arendal og Grimstad i samlet rammeøkning "
            "2016–2020?",
            "8 384 679 kr",
        ),
        (
            "Kor stor skilnad var det mellom Arendal og Grimstad i samla rammeauke 2016–2020?",
            "8 384 679 kr",
        ),
        (
            "What was the difference between Arendal and Grimstad in the total framework "
            "increase 2016–2020?",
            "NOK 8,384,679",
        ),
    ],
)
def test_a_difference_between_two_rows_over_a_span_subtracts_their_sums(
    question: str, figure: str
) -> None:
    assert figure in engine().ask(question, TODAY).text
