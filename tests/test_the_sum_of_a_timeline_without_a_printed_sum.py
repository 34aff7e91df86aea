"""A sum asked of the national timeline with no year named ('summen av økningene på
tidslinjen', 'over hele perioden') adds every year of it: the table prints no sum of its own.

Through the public interface; the expected figure is the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
NATIONAL = "opptrappingsplan-nasjonal-ramme"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye utgjør økningene i rammen på tidslinjen til sammen?",
        "Hva var økningen i rammen ifølge tidslinjen over hele perioden?",
    ],
)
def test_every_year_of_the_timeline_is_added(question: str) -> None:
    row = kb().tables[NATIONAL].rows[0]
    total = sum(int(str(v)) for v in row.values.values())
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert grouped(total) in text
