"""A follow-up asking the difference of two places over a span of years ('forskjellen i sum
2016–2020 mellom dem') after a comparison of them in one year is each place's span summed, one
against the other (by the printed sums where the span is
exactly their parts), never a failure.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def span(label: str, *columns: str) -> int:
    values = next(r for r in KB.tables[AGDER].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


def test_the_span_sums_of_the_two_places_compared_are_subtracted() -> None:
    engine = Engine(KB)
    engine.ask("Hvor mye fikk Lillesand i 2018?", TODAY, chat="span")
    engine.ask("Fikk Birkenes mer eller mindre det året?", TODAY, chat="span")
    answer = engine.ask("Og forskjellen mellom dem i sum 2016–2020?", TODAY, chat="span")
    # the years 2016–2020 are exactly the printed sum's parts: the printed sums are compared
    gap = span("Lillesand", "sum") - span("Birkenes", "sum")
    assert answer.answered
    assert grouped(gap) in answer.text


def test_a_span_short_of_the_printed_sum_adds_each_places_years() -> None:
    engine = Engine(KB)
    engine.ask("Hvor mye fikk Lillesand i 2018?", TODAY, chat="part")
    engine.ask("Fikk Birkenes mer eller mindre det året?", TODAY, chat="part")
    answer = engine.ask(
        "Hva er forskjellen mellom de to i samlet sum for 2017–2019?", TODAY, chat="part"
    )
    years = ("y2017", "y2018", "y2019")
    gap = span("Lillesand", *years) - span("Birkenes", *years)
    assert answer.answered
    assert grouped(gap) in answer.text
