"""A claim about a region's sum in one year ('stemmer det at Lister-kommunene fikk … i
2019?') is checked against the region's rows added: yes when the figure holds, no when not.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
LISTER = ("Farsund", "Flekkefjord", "Lyngdal", "Hægebostad", "Kvinesdal", "Sirdal")


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def lister(column: str) -> int:
    rows = kb().tables[AGDER].rows
    return sum(int(str(r.values[column])) for r in rows if r.label in LISTER)


def test_the_right_sum_is_confirmed() -> None:
    text, answered = text_and_answered(
        f"Stemmer det at Lister-kommunene til sammen fikk {grouped(lister('y2019'))} i 2019?",
        TODAY,
    )
    assert answered
    assert text.split("\n\n")[1].startswith("Ja, det stemmer.")


def test_a_wrong_sum_is_denied_with_the_right_one() -> None:
    text, answered = text_and_answered(
        f"Er det riktig at kommunene i Lister fikk {grouped(lister('y2017') + 1000)} i 2017?",
        TODAY,
    )
    assert answered
    assert text.split("\n\n")[1].startswith("Nei, det stemmer ikke.")
    assert grouped(lister("y2017")) in text
