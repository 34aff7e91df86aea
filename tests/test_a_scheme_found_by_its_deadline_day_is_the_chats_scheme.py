"""The one scheme found by a deadline's day ('hvilket tilskudd har frist 1. februar 2022?')
is the chat's scheme: 'hvem kan søke det?' follows it. Through the public interface."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("Hvilket tilskudd har søknadsfrist 1. februar 2022?", "hvem kan søke på det?", "NAV"),
        ("Hvilket tilskudd har frist 1. februar i 2022-oversikten?", "hvem kan søke det?", "NAV"),
    ],
)
def test_a_follow_up_after_a_deadline_day_asks_of_its_scheme(
    first: str, then: str, expected: str
) -> None:
    engine = Engine(kb())
    engine.ask(first, TODAY, chat="a")
    answer = engine.ask(then, TODAY, chat="a")
    assert answer.answered
    assert expected in answer.text
