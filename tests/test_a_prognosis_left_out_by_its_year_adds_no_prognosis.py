"""A prognosis left out with its year after it ('uten prognosen for 2020', 'utan prognosen i
2020') names no column to add: the sum is of the other years only, never the printed sum
that includes the prognosis.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Hvor mye fikk Tvedestrand i alt, uten prognosen for 2020?", "Tvedestrand"),
        ("Kor mykje fekk Vegårshei samla 2016–2019, utan prognosen i 2020?", "Vegårshei"),
    ],
)
def test_the_years_without_the_prognosis_are_added(question: str, label: str) -> None:
    values = next(r for r in kb().tables[AGDER].rows if r.label == label).values
    actual = sum(int(str(values[c])) for c in ("y2016", "y2017", "y2018", "y2019"))
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert grouped(actual) in text
    assert grouped(int(str(values["sum"]))) not in text
