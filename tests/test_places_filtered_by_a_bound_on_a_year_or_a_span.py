"""'Which municipalities …' with a bound on a year's figure or on a span's sum is a filter of
the framework table's rows, with no framework word of its own; a range whose unit follows its
second figure ('mellom 2 og 3 millioner') bounds both ends in that unit, and a span that is
exactly the printed sum's parts is bounded by the printed sum.

Through the public interface; the expected rows are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def rows_where(column: str, low: int | None = None, high: int | None = None) -> set[str]:
    found = set()
    for row in kb().tables[AGDER].rows:
        if not row.municipality:
            continue
        value = int(str(row.values[column]))
        if (low is None or value >= low) and (high is None or value <= high):
            found.add(row.label)
    return found


def listed(text: str) -> set[str]:
    labels = {r.label for r in kb().tables[AGDER].rows if r.municipality}
    return {label for label in labels if f"– {label}:" in text}


def test_municipalities_under_a_bound_in_one_year_are_listed() -> None:
    text, answered = text_and_answered("Hvilke kommuner fikk under 50 000 i 2019?", TODAY)
    assert answered
    assert listed(text) == rows_where("y2019", high=49_999)


def test_a_range_in_millions_on_the_span_sum_bounds_the_printed_sums() -> None:
    text, answered = text_and_answered(
        "Hvilke kommuner hadde samlet 2016–2020 mellom 2 og 3 millioner?", TODAY
    )
    assert answered
    assert listed(text) == rows_where("sum", 2_000_000, 3_000_000)
    assert listed(text)
