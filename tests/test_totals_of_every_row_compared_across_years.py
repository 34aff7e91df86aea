"""A question that asks how much one year's total of every municipality was below (above)
another year's is the difference of the two totals, not the municipalities whose years differ;
'hvilke kommuner …' still lists the rows.

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


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def english(value: int) -> str:
    return f"{value:,}"


def total(column: str) -> int:
    """One year's figures of every municipality added, as the test's own sum."""
    rows = [r for r in KB.tables[AGDER].rows if r.municipality and not r.sum_of_rows]
    return sum(int(str(r.values[column])) for r in rows)


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "Totalt for alle Agder-kommunene: hvor mye lavere var 2017-økningen enn 2016-økningen?",
            "y2017",
            "y2016",
        ),
        ("Hvor mye mer fikk kommunene i Agder samlet i 2018 enn i 2019?", "y2018", "y2019"),
        (
            "Kor mykje lågare var den samla auken i 2019 enn i 2018 for alle kommunane?",
            "y2019",
            "y2018",
        ),
    ],
)
def test_two_years_totals_are_subtracted_when_a_total_is_asked(
    question: str, first: str, second: str
) -> None:
    text = Engine(KB).ask(question, TODAY, chat="totals").text
    assert grouped(abs(total(first) - total(second))) in text


def test_an_english_question_on_the_totals_gets_their_difference() -> None:
    text = (
        Engine(KB)
        .ask(
            "All Agder municipalities combined: how much lower was the 2017 increase than the "
            "2016 increase?",
            TODAY,
            chat="totals",
        )
        .text
    )
    assert english(total("y2016") - total("y2017")) in text


def test_which_municipalities_got_more_still_lists_the_rows() -> None:
    text = (
        Engine(KB)
        .ask("Hvilke kommuner fikk samlet mer i 2018 enn i 2017?", TODAY, chat="totals")
        .text
    )
    assert "Kristiansand" in text and "Bykle" in text
    assert grouped(total("y2018") - total("y2017")) not in text
