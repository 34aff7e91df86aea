"""A yes/no question whose topic card permits what is asked in a later fact (after a newer,
narrower one) is answered yes, when the permitting fact shares the asked thing's word.
Through the public interface."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "question",
    [
        "Does the adults' scheme cover costs other than salaries?",
        "Does the grant for adults with complex needs fund costs other than positions?",
    ],
)
def test_a_later_fact_that_allows_the_costs_asked_gives_yes(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert answer.paragraphs[0] == "Yes."
    assert "costs other than" in answer.text


def test_a_thing_no_fact_permits_is_not_said_yes_to() -> None:
    answer = Engine(kb()).ask("Does the adults' scheme cover rent?", TODAY)
    assert "Yes." not in answer.paragraphs[:1]
