"""'Legg sammen A og B sine summer inkl. 2020-prognosen' adds the places' printed sums, the
year only naming what the sums include.

Through the public interface; the expected figure is the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def test_the_printed_sums_of_the_places_named_are_added() -> None:
    rows = {r.label: int(str(r.values["sum"])) for r in kb().tables[AGDER].rows}
    text, answered = text_and_answered(
        "Legg sammen Vennesla og Mandal sine summer inkl. 2020-prognosen.", TODAY
    )
    assert answered
    assert f"Til sammen: {grouped(rows['Vennesla'] + rows['Mandal'])} kr" in text
