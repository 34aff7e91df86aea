"""Two years each with its own preposition ('i 2018 og i 2019') ask each year on its own: a
region's sum per year, a place's figure per year; a sum word after them ('… til sammen') still
adds the years.

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


def figure(label: str, column: str) -> int:
    values = next(r for r in kb().tables[AGDER].rows if r.label == label).values
    return int(str(values[column]))


def test_a_regions_sum_is_given_for_each_year_asked() -> None:
    text, answered = text_and_answered(
        "Hvor mye økte rammen samlet for kommunene i Lister i 2018 og i 2019?", TODAY
    )
    assert answered
    for column in ("y2018", "y2019"):
        assert grouped(sum(figure(m, column) for m in LISTER)) in text
    both = sum(figure(m, c) for m in LISTER for c in ("y2018", "y2019"))
    assert grouped(both) not in text


def test_a_sum_word_after_the_years_adds_them() -> None:
    text, answered = text_and_answered("Hvor mye fikk Grimstad i 2018 og i 2019 til sammen?", TODAY)
    assert answered
    assert grouped(figure("Grimstad", "y2018") + figure("Grimstad", "y2019")) in text


def test_two_regions_summed_per_year_are_labelled_by_their_count_not_one_name() -> None:
    text, answered = text_and_answered("Hva fikk Lister og Aust-Agder i 2016 og i 2017?", TODAY)
    assert answered
    assert "21 kommuner til sammen" in text
    assert "Aust-Agder (21 kommuner)" not in text
