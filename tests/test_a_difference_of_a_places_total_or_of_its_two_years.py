"""A difference asked of two places' totals without years ('forskjellen … i samlet sum') is
their printed sums subtracted; a difference of two years for one place ('differansen mellom
2019 og 2016 for Grimstad') is read as the table's, with no framework word of its own.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def figure(label: str, column: str) -> int:
    values = next(r for r in kb().tables[AGDER].rows if r.label == label).values
    return int(str(values[column]))


def test_two_places_totals_without_years_are_their_printed_sums_subtracted() -> None:
    text, answered = text_and_answered(
        "Hvor stor er forskjellen mellom Lyngdal og Farsund i samlet sum?", TODAY
    )
    assert answered
    assert grouped(figure("Farsund", "sum") - figure("Lyngdal", "sum")) in text


def test_the_nynorsk_total_of_two_places_is_compared_too() -> None:
    text, answered = text_and_answered("Kor stor er skilnaden på Åmli og Valle i samla sum?", TODAY)
    assert answered
    assert grouped(abs(figure("Åmli", "sum") - figure("Valle", "sum"))) in text


def test_two_years_of_one_place_compared_are_read_without_a_framework_word() -> None:
    text, answered = text_and_answered(
        "Hva er differansen mellom 2019 og 2016 for Grimstad?", TODAY
    )
    assert answered
    assert grouped(figure("Grimstad", "y2016") - figure("Grimstad", "y2019")) in text
