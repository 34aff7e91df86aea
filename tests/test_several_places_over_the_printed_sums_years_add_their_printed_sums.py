"""Several places asked over exactly the years a printed row sum adds ('kommunene i Vest-Agder
til sammen i 2016–2020') get their printed sums added, as one place gets its printed sum; where
that differs from the yearly figures added (rounding in the source), the answer says both.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
YEARS = ("y2016", "y2017", "y2018", "y2019", "y2020")


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def test_the_printed_sums_are_added_and_the_yearly_total_is_shown_beside() -> None:
    rows = [r for r in kb().tables[AGDER].rows if (r.municipality or "").startswith("10")]
    printed = sum(int(str(r.values["sum"])) for r in rows)
    yearly = sum(int(str(r.values[c])) for r in rows for c in YEARS)
    assert printed != yearly  # the case: the source's rounding shows in the region's total
    text, answered = text_and_answered(
        "Hvor mye fikk kommunene i Vest-Agder (10xx) til sammen i 2016–2020?", TODAY
    )
    assert answered
    assert f"Til sammen: {grouped(printed)} kr" in text
    assert grouped(yearly) in text
