"""A deadline date the question states that is none of the asked scheme's, but another
scheme's, is said to be that scheme's deadline, with its reservation. Through the public
interface."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the 31 March 2022 deadline for the new grant certain?", "31 March 2022"),
        (
            "Er fristen 31. mars 2022 for det nye tilskuddet psykisk helse/rus sikker?",
            "31. mars 2022",
        ),
    ],
)
def test_the_stated_date_is_given_as_the_other_schemes_deadline(
    question: str, expected: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert expected in answer.text
    assert "31.3.22" in answer.text


def test_a_stated_date_of_the_scheme_itself_adds_nothing() -> None:
    answer = Engine(kb()).ask("Er fristen 15. februar 2022 for kommunalt rusarbeid sikker?", TODAY)
    assert "den fristen står for" not in answer.text
