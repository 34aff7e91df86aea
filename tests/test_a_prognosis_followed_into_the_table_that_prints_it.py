"""A follow-up asking the prognosis of a year ('og hvor mye var prognosen for 2018?') after a
table that holds that year as a fact is read in the table that prints the prognosis, for the
same places (their printed sum where one adds exactly them), also as the second question of
one message.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
PROGNOSIS = "opptrappingsplan-2018-prognose"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def figure(table: str, key: str, column: str) -> int:
    """One printed figure, as the test's own look-up."""
    return int(str(next(r for r in KB.tables[table].rows if r.key == key).values[column]))


def lister() -> list[str]:
    return [m.number for m in KB.municipalities.values() if m.region == "Lister"]


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye økte rammen samlet for Lister-kommunene i 2016 og 2017, og hvor mye var "
        "prognosen for 2018?",
        "Hva fikk Lister-kommunene til sammen i 2016 og 2017, og hva var prognosen for 2018?",
    ],
)
def test_the_second_question_of_a_message_takes_the_printed_prognosis(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="prognosis").text
    both = sum(figure(AGDER, k, y) for k in lister() for y in ("y2016", "y2017"))
    assert grouped(both) in text
    assert grouped(figure(PROGNOSIS, "lister", "prognose_2018")) in text


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Hvor mye fikk Farsund i 2017?", "og hva var prognosen for 2018?"),
        ("Kor mykje fekk Farsund i 2016?", "og kva var prognosen for 2018?"),
        ("How much did Farsund get in 2017?", "and what was the 2018 forecast?"),
    ],
)
def test_a_follow_up_on_the_prognosis_reads_the_table_that_prints_it(
    first: str, follow_up: str
) -> None:
    engine = Engine(KB)
    engine.ask(first, TODAY, chat="prognosis")
    text = engine.ask(follow_up, TODAY, chat="prognosis").text
    value = figure(PROGNOSIS, "1003", "prognose_2018")
    assert grouped(value) in text or f"{value:,}" in text
    assert grouped(figure(AGDER, "1003", "y2018")) not in text
