"""Groups written as a grant year times a count ('år 2 x 2 + år 3 x 1,5', '2 x år 2') are
positions in those grant years, summed.

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
        ("KRA år 2 x 2 + år 3 x 1,5?", "1 760 000 kr"),
        ("Kommunalt rusarbeid: 2 x år 2 + 1,5 x år 3?", "1 760 000 kr"),
        ("KRA år 1 x 3 + år 2 x 2, hva blir det?", "3 080 000 kr"),
        ("Rusarbeid år 1 x 1 og år 4 x 2, kor mykje blir det til saman?", "1 320 000 kr"),
        ("Substance abuse grant, year 2 x 2 + year 3 x 1.5?", "NOK 1,760,000"),
    ],
)
def test_a_grant_year_times_a_count_is_a_group_of_positions(question: str, total: str) -> None:
    assert total in engine().ask(question, TODAY).text
