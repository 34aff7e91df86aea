"""A row's share of every row's total over a span of years ('andelen av den samlede
rammeøkningen 2016–2020 … til Kristiansand') is its printed sum over the sum column's total,
when the years asked are that sum's parts.

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
            "Hvor stor andel av den samlede rammeøkningen 2016–2020 for alle Agder-kommunene "
            "i tabellen gikk til Kristiansand? Svar i hele prosent.",
            "34 %",
        ),
        (
            "Kor stor del av den samla rammeauken 2016–2020 for alle Agder-kommunane gjekk "
            "til Kristiansand?",
            "34 %",
        ),
        (
            "What share of the total framework increase 2016–2020 for all the Agder "
            "municipalities went to Kristiansand?",
            "34%",
        ),
    ],
)
def test_a_share_over_a_span_of_years_is_of_the_printed_sum(question: str, figure: str) -> None:
    assert figure in engine().ask(question, TODAY).text
