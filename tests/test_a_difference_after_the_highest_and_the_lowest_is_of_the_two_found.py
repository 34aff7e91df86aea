"""'Hva er forskjellen mellom dem?' after the highest and then the lowest of a column is the
difference between the two rows the rankings found, in the column ranked.

Through the public interface (the Engine); the figures are the knowledge base's own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)
TABLE = "opptrappingsplan-2016-2020"


def forecast(key: str) -> int:
    """A municipality's 2020 forecast in the framework table."""
    return int(str(next(r for r in kb().tables[TABLE].rows if r.key == key).values["y2020"]))


@pytest.mark.parametrize(
    "questions",
    [
        (
            "Hvilken Agder-kommune hadde størst prognose for 2020?",
            "og minst?",
            "hva er forskjellen mellom dem?",
        ),
        (
            "Which Agder municipality had the largest 2020 (forecast) framework increase?",
            "and the smallest?",
            "what's the difference between them?",
        ),
    ],
)
def test_the_difference_between_the_highest_and_the_lowest_found_in_turn(
    questions: tuple[str, ...],
) -> None:
    engine = Engine(kb())
    answers = [engine.ask(q, TODAY, chat="ends") for q in questions]
    last = answers[-1]
    assert last.answered
    difference = forecast("1001") - forecast("0941")  # Kristiansand less Bykle
    assert f"{difference:,}".replace(",", " ") in last.text.replace(",", " ")
