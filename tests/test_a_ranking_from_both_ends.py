"""'Hvilket fylke hadde lavest og hvilket høyest andel …?' ranks one column from both ends and
answers each end in the order asked, never a part without its column; a column's own words
('minst én gang') ask for no bottom.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATISTICS = "nav-sosialtjenestetall"
AGDER = "opptrappingsplan-2016-2020"


def ends(table: str, column: str) -> tuple[str, str]:
    """The rows with the lowest and the highest figure of a column, as the test's own look-up."""
    rows = [r for r in KB.tables[table].rows if (r.municipality or r.county) and not r.sum_of_rows]
    rows = [r for r in rows if r.values.get(column) is not None]
    ranked = sorted(rows, key=lambda r: float(str(r.values[column]).replace(",", ".")))
    return ranked[0].label, ranked[-1].label


@pytest.mark.parametrize(
    ("question", "lowest_first"),
    [
        (
            "Hvilket fylke hadde lavest og hvilket høyest andel KVP-deltakere basert på "
            "rammefinansiering?",
            True,
        ),
        (
            "Hvilket fylke hadde høyest og lavest andel KVP-deltakere basert på rammefinansiering?",
            False,
        ),
        (
            "Kva fylke hadde lågast og kva fylke hadde høgast del KVP-deltakarar basert på "
            "rammefinansiering?",
            True,
        ),
        (
            "Which county had the lowest and which the highest share of KVP participants "
            "based on framework funding?",
            True,
        ),
    ],
)
def test_both_ends_of_a_column_are_named_in_the_order_asked(
    question: str, lowest_first: bool
) -> None:
    text = Engine(KB).ask(question, TODAY, chat="ends").text
    low, high = ends(STATISTICS, "kvp_rammefinansiering")
    assert low in text and high in text
    assert (text.index(low) < text.index(high)) == lowest_first


def test_both_ends_of_a_years_framework_increases_are_named() -> None:
    text = (
        Engine(KB)
        .ask(
            "Hvilken kommune fikk mest og hvilken fikk minst økning i rammen i 2018?",
            TODAY,
            chat="ends",
        )
        .text
    )
    low, high = ends(AGDER, "y2018")
    assert low in text and high in text


def test_a_columns_own_words_ask_for_no_bottom() -> None:
    text = (
        Engine(KB)
        .ask(
            "Hvilket fylke hadde høyest andel 18–24-åringer som mottok sosialhjelp minst én gang?",
            TODAY,
            chat="ends",
        )
        .text
    )
    low, high = ends(STATISTICS, "andel_18_24")
    assert high in text and low not in text


def test_a_columns_own_english_words_ask_for_no_bottom() -> None:
    text = (
        Engine(KB)
        .ask(
            "Which county had the highest share of 18–24 year olds who received social assistance "
            "at least once in 2018?",
            TODAY,
            chat="ends",
        )
        .text
    )
    low, high = ends(STATISTICS, "andel_18_24")
    assert high in text and low not in text


def row_total(label: str, *columns: str) -> int:
    """A municipality's years added, as the test's own sum."""
    values = next(r for r in KB.tables[AGDER].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken Agder-kommune hadde størst samlet rammeøkning 2016–2020, og hvilken minst?",
        "Kva kommune i Agder fekk størst samla auke i ramma 2016–2020, og kva kommune minst?",
    ],
)
def test_both_ends_of_years_added_are_ranked_by_the_same_years(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="ends").text
    years = ("y2016", "y2017", "y2018", "y2019", "y2020")
    assert grouped(row_total("Kristiansand", *years)) in text
    assert grouped(row_total("Bykle", *years)) in text


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")
