"""Two places compared over a dashed span ('forskjellen mellom Lillesand og Grimstad i
2017–2019', also as a follow-up 'mellom dem') compare each place's years of the span added,
never the span's two end years added.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
SPAN = ("y2017", "y2018", "y2019")


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def period(label: str, *columns: str) -> int:
    values = next(r for r in kb().tables[AGDER].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


def test_two_places_named_compare_their_periods() -> None:
    text, answered = text_and_answered(
        "Hva er forskjellen mellom Grimstad og Lillesand i 2017–2019?", TODAY
    )
    assert answered
    assert grouped(period("Grimstad", *SPAN) - period("Lillesand", *SPAN)) in text
    ends = ("y2017", "y2019")
    assert grouped(period("Grimstad", *ends) - period("Lillesand", *ends)) not in text


def test_a_follow_up_on_the_two_places_compares_their_periods() -> None:
    engine = Engine(kb())
    engine.ask("Hvor mye fikk Grimstad i 2016?", TODAY, chat="dash")
    engine.ask("Og Lillesand?", TODAY, chat="dash")
    answer = engine.ask("Hvor stor er forskjellen mellom dem i 2017–2019?", TODAY, chat="dash")
    assert answer.answered
    assert grouped(period("Grimstad", *SPAN) - period("Lillesand", *SPAN)) in answer.text
