"""The spread of a year's figures ('spennet', 'forskjellen mellom høyeste og laveste', 'the
range') is the highest row's figure minus the lowest row's, among the rows asked.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
LISTER = ("Farsund", "Flekkefjord", "Lyngdal", "Hægebostad", "Kvinesdal", "Sirdal")


def grouped(value: int, lang: str = "nb") -> str:
    return f"{value:,}".replace(",", " " if lang == "nb" else ",")


def spread(column: str, labels: tuple[str, ...] = ()) -> int:
    rows = [r for r in kb().tables[AGDER].rows if r.municipality]
    figures = [int(str(r.values[column])) for r in rows if not labels or r.label in labels]
    return max(figures) - min(figures)


@pytest.mark.parametrize(
    ("question", "column", "labels", "lang"),
    [
        (
            "Hvor stort er spennet i rammeøkningen for 2016 mellom kommunene i Agder?",
            "y2016",
            (),
            "nb",
        ),
        (
            "Kva er forskjellen mellom høgaste og lågaste økning i rammen i Lister i 2018?",
            "y2018",
            LISTER,
            "nb",
        ),
        (
            "What was the range of the framework increases across Agder municipalities in 2017?",
            "y2017",
            (),
            "en",
        ),
    ],
)
def test_the_spread_is_the_highest_figure_minus_the_lowest(
    question: str, column: str, labels: tuple[str, ...], lang: str
) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert grouped(spread(column, labels), lang) in text


def test_a_spread_among_a_regions_municipalities_needs_no_framework_word() -> None:
    rows = [r for r in kb().tables[AGDER].rows if (r.municipality or "").startswith("09")]
    figures = [int(str(r.values["y2019"])) for r in rows]
    text, answered = text_and_answered(
        "Kor stort er spennet mellom kommunane i Aust-Agder i 2019?", TODAY
    )
    assert answered
    assert grouped(max(figures) - min(figures)) in text
