"""Table questions of the shapes caseworkers ask beside plain look-ups: shares of the whole
country, a count with its share, a row's place, short forms and follow-ups."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATS = "nav-sosialtjenestetall"


def ask(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="shapes").text
    return text


def figure(row: str, column: str, table: str = STATS) -> Fraction:
    """A printed figure, as the test's own look-up."""
    values = next(r for r in KB.tables[table].rows if r.key == row).values
    return Fraction(str(values[column]))


def grouped(value: Fraction) -> str:
    return f"{int(value):,}".replace(",", " ")


def test_a_rows_share_of_the_country_is_its_count_over_the_countrys_count() -> None:
    column = "midlertidig_botilbud_2018"
    share = figure("11", column) / figure("landet", column)
    tenths = round(share * 1000)
    text = ask("Hvor stor andel av landets husholdninger i midlertidig botilbud var i Rogaland?")
    assert f"{tenths // 10},{tenths % 10} %" in text
    assert grouped(figure("landet", "midlertidig_botilbud_2018")) in text


def test_a_share_column_named_by_its_own_words_is_not_read_as_a_share_of_the_country() -> None:
    text = ask("Hvor stor andel av KVP-deltakerne i Oslo var basert på rammefinansiering?")
    assert "78 %" in text


@pytest.mark.parametrize(
    ("question", "count", "share"),
    [
        (
            "Hvor mange 18–24-åringer i Telemark fikk sosialhjelp i 2018,"
            " og hvor stor andel er det?",
            ("08", "unge_18_24_sosialhjelp_2018"),
            "7,9 %",
        ),
        (
            "How many children in Nordland lived in households on social assistance 6–12 months"
            " in 2018, and what share is that?",
            ("18", "barn_sosialhjelp_6_12_2018"),
            "%",
        ),
    ],
)
def test_a_count_and_its_share_asked_together_are_both_given(
    question: str, count: tuple[str, str], share: str
) -> None:
    text = ask(question)
    value = figure(*count)
    assert grouped(value) in text or f"{int(value):,}" in text
    assert share in text


def test_a_rows_place_among_the_rows_says_highest_or_lowest() -> None:
    best = max(
        (r for r in KB.tables[STATS].rows if r.county),
        key=lambda r: Fraction(str(r.values["kvp_rammefinansiering"])),
    )
    text = ask(
        f"Hvilken plass har {best.label} når det gjelder KVP-deltakere basert på rammefinansiering?"
    )
    assert "høyest" in text


def test_a_ranking_word_that_is_part_of_the_columns_own_words_does_not_rank() -> None:
    column = "unge_18_24_sosialhjelp_2018"
    total = figure("01", column) + figure("07", column)
    text = ask(
        "Hvor mange 18–24-åringer i Østfold og Vestfold til sammen mottok sosialhjelp minst"
        " én gang i 2018?"
    )
    assert f"Til sammen: {grouped(total)}" in text


def test_two_places_sharing_a_second_part_are_both_read() -> None:
    total = figure("09", "midlertidig_botilbud_2018") + figure("10", "midlertidig_botilbud_2018")
    text = ask(
        "Hvor mange husholdninger i midlertidig botilbud hadde Aust- og Vest-Agder til sammen?"
    )
    assert f"Til sammen: {grouped(total)}" in text


def test_short_forms_are_read_as_their_long_forms() -> None:
    printed = next(r for r in KB.tables[STATS].rows if r.key == "11").values["andel_under_18"]
    text = ask("rogaland andel u18 sos.hjelp?")
    assert str(printed).replace(".", ",") + " %" in text
