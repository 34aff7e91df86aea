"""A town outside the statistics is named with the county row it lay in, never given that
row's figure; a framework year after the table says where the table ends before asking
which municipality."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "county", "not_figure"),
    [
        ("Hvor mange KVP-deltakere har Trondheim kommune?", "Trøndelag", "521"),
        ("How many KVP participants does Bergen have?", "Hordaland", "591"),
    ],
)
def test_a_town_outside_the_statistics_names_its_county_row_without_its_figure(
    question: str, county: str, not_figure: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY, chat="town")
    assert not answer.answered
    assert county in answer.text
    assert not_figure not in answer.text


def test_a_framework_increase_last_year_says_the_table_ends_in_2020() -> None:
    answer = Engine(kb()).ask("Hvor mye fikk vi i økning i rammen i fjor?", TODAY, chat="late")
    assert not answer.answered
    assert "2025" in answer.text and "2020" in answer.text
    assert "Hvilken kommune" in answer.text or "hvilken kommune" in answer.text
