"""'Hvor mange prosentpoeng høyere enn landet lå Telemark på andelen …?' subtracts the two
rows' printed shares, never a count's part of another row's count.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATISTICS = "nav-sosialtjenestetall"


def share(key: str, column: str) -> Fraction:
    return Fraction(str(next(r for r in KB.tables[STATISTICS].rows if r.key == key).values[column]))


@pytest.mark.parametrize(
    ("question", "first", "second", "column", "decimal"),
    [
        (
            "Hvor mange prosentpoeng høyere enn landet lå Telemark på andelen 18–24-åringer med "
            "sosialhjelp?",
            "08",
            "landet",
            "andel_18_24",
            ",",
        ),
        (
            "How many percentage points higher than the country was Telemark's share of "
            "18–24-year-olds with social assistance?",
            "08",
            "landet",
            "andel_18_24",
            ".",
        ),
        (
            "Kor mange prosentpoeng lågare enn Oslo låg Akershus på delen under 18 år med "
            "sosialhjelp?",
            "03",
            "02",
            "andel_under_18",
            ",",
        ),
    ],
)
def test_two_shares_are_subtracted_in_points(
    question: str, first: str, second: str, column: str, decimal: str
) -> None:
    text = Engine(KB).ask(question, TODAY, chat="points").text
    gap = share(first, column) - share(second, column)
    written = f"{float(gap):.1f}".rstrip("0").rstrip(".").replace(".", decimal)
    assert f"{written} %" in text
