"""After two rows added or listed, 'og hvor mange flere var det i Oslo?' is the named row
against the other one in the same column (also as the second question of one message); a verb
of change ('hvor mye økte rammen for Arendal?') asks no difference.

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
CHILDREN = "barn_sosialhjelp_6_12_2018"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def figure(table: str, label: str, column: str) -> int:
    """One printed figure by its row's label, as the test's own look-up."""
    return int(str(next(r for r in KB.tables[table].rows if r.label == label).values[column]))


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange barn bodde i husholdninger med sosialhjelpsmottak 6–12 måneder i 2018 i "
        "Oslo og Akershus til sammen, og hvor mange flere var det i Oslo?",
        "Kor mange barn budde i hushald med sosialhjelp 6–12 månader i 2018 i Oslo og Akershus "
        "til saman, og kor mange fleire var det i Oslo?",
    ],
)
def test_a_sum_and_how_many_more_in_one_row_are_both_answered(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="more").text
    oslo, akershus = (figure(STATISTICS, n, CHILDREN) for n in ("Oslo", "Akershus"))
    assert grouped(oslo + akershus) in text
    assert grouped(oslo - akershus) in text


def test_an_english_sum_and_how_many_more_are_both_answered() -> None:
    text = (
        Engine(KB)
        .ask(
            "How many children lived in households receiving social assistance for 6–12 months in "
            "2018 in Oslo and Akershus combined, and how many more were in Oslo?",
            TODAY,
            chat="more",
        )
        .text
    )
    oslo, akershus = (figure(STATISTICS, n, CHILDREN) for n in ("Oslo", "Akershus"))
    assert f"{oslo - akershus:,}" in text


@pytest.mark.parametrize(
    "follow_up", ["Hvor mye mer fikk Arendal?", "Kor mykje meir fekk Arendal?"]
)
def test_how_much_more_after_two_municipalities_added_is_their_difference(
    follow_up: str,
) -> None:
    engine = Engine(KB)
    engine.ask("Hva fikk Arendal og Grimstad til sammen i 2017?", TODAY, chat="more")
    text = engine.ask(follow_up, TODAY, chat="more").text
    arendal, grimstad = (figure(AGDER, n, "y2017") for n in ("Arendal", "Grimstad"))
    assert grouped(arendal - grimstad) in text


def test_a_verb_of_change_after_two_rows_asks_no_difference() -> None:
    engine = Engine(KB)
    engine.ask("Hva fikk Arendal og Grimstad til sammen i 2018?", TODAY, chat="more")
    text = engine.ask("Hvor mye økte rammen for Arendal?", TODAY, chat="more").text
    arendal, grimstad = (figure(AGDER, n, "y2018") for n in ("Arendal", "Grimstad"))
    assert grouped(arendal - grimstad) not in text
