"""An ordinal joined to 'year' by a hyphen ('the first-year rate', 'third-year') names that
grant year, so a comparison with another scheme's rate needs no question back.

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
            "How much more per full-time position is the first-year rate for municipal "
            "substance abuse work than the maximum per position in the NAV social services "
            "development grant?",
            "NOK 50,000",
        ),
        (
            "How much more per position is the first-year rate for municipal substance abuse "
            "work than the maximum per position in the NAV social services development grant?",
            "NOK 50,000",
        ),
        (
            "How much more per position is the third-year rate for municipal substance abuse "
            "work than the maximum per position in the NAV social services development grant?",
            "NOK 170,000 less",
        ),
    ],
)
def test_a_hyphenated_ordinal_year_names_the_grant_year_compared(
    question: str, figure: str
) -> None:
    assert figure in engine().ask(question, TODAY).text
