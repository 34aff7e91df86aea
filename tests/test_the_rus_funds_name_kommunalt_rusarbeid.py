"""'Rusmidlene' / 'rusmidlane' / 'rusmidler' (the substance-abuse funds) name the grant for
kommunalt rusarbeid, so a count in a grant year is answered with its amount.

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
        ("Vi har 3 årsverk i år 2 av rusmidlene. Hva utgjør det?", "1 650 000 kr"),
        ("Vi har 3 årsverk i år 2 av rusmidlane. Kva utgjer det?", "1 650 000 kr"),
        ("Vi har to årsverk i år 3 med rusmidler. Hva utgjør det?", "880 000 kr"),
    ],
)
def test_the_rus_funds_name_the_grant_for_kommunalt_rusarbeid(question: str, figure: str) -> None:
    assert figure in engine().ask(question, TODAY).text
