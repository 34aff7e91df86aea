"""A position whose ladder years have all been used before a wind-down year is not promised
that year's flat rate: the sources leave it open, and the answer says so."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Får en stilling i kommunalt rusarbeid som startet i 2019 tilskudd i 2023?", "4 år"),
        (
            "Does a municipal substance abuse position started in 2019 get a grant in 2024?",
            "4 years",
        ),
    ],
)
def test_a_position_past_its_ladder_years_is_left_open(question: str, said: str) -> None:
    answer = Engine(kb()).ask(question, TODAY, chat="open")
    assert not answer.answered
    assert said in answer.text


def test_a_position_still_within_its_ladder_years_gets_the_flat_rate() -> None:
    answer = Engine(kb()).ask("Hva får en stilling som startet i 2021 i 2023?", TODAY, chat="in")
    assert answer.answered
    assert "330 000" in answer.text
