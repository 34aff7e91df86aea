"""'Hvilke kommuner hører til Lister?' asks the municipalities of a region, no figure of
them: the rows the table's printed sum of that region adds, listed and counted, in bokmål or
English.

Through the public interface; the expected rows are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
OVERVIEW = "opptrappingsplan-2018-prognose"


def members() -> list[str]:
    table = kb().tables[OVERVIEW]
    printed = next(r for r in table.rows if r.sum_of_rows)
    return [next(r.label for r in table.rows if r.key == k) for k in printed.sum_of_rows]


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke kommuner hører til Lister?",
        "Kva kommunar høyrer til Lister i oversikten frå 2018?",
        "Which municipalities belong to Lister?",
    ],
)
def test_the_regions_municipalities_are_listed(question: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert all(label in text for label in members())
    assert f": {len(members())}" in text
