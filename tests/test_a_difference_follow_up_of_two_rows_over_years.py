"""'Hva er differansen?' after two rows asked over two years (a ranking or a sum of them) is
each row's years added, one row against the other, never a failure.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def years(label: str, *columns: str) -> int:
    """A row's years added, as the test's own sum."""
    values = next(r for r in KB.tables[AGDER].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Hvem av Risør og Valle fikk minst i 2018 og 2019 til sammen?", "hva er differansen?"),
        ("Hvem av Risør og Valle fikk mest i 2018 og 2019 til sammen?", "og forskjellen?"),
        ("Kven av Risør og Valle fekk minst i 2018 og 2019 til saman?", "kva er skilnaden?"),
    ],
)
def test_each_rows_years_are_added_and_compared(first: str, follow_up: str) -> None:
    engine = Engine(KB)
    engine.ask(first, TODAY, chat="gap")
    text = engine.ask(follow_up, TODAY, chat="gap").text
    gap = years("Risør", "y2018", "y2019") - years("Valle", "y2018", "y2019")
    assert grouped(gap) in text
