"""Table questions that add years before comparing: 'økte … til sammen' is a sum, a dash span
with a sum word is the whole period, and two rows compared over several years each add theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
Y17_18, Y18_19 = ("y2017", "y2018"), ("y2018", "y2019")


def ask(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="periods").text
    return text


def figure(row: str, *columns: str, table: str = AGDER) -> int:
    """A row's printed figures added, as the test's own look-up."""
    values = next(r for r in KB.tables[table].rows if r.key == row).values
    return sum(int(str(values[c])) for c in columns)


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@pytest.mark.parametrize(
    ("question", "row", "columns"),
    [
        ("Hvor mye økte rammen for Grimstad i 2017 og 2018 til sammen?", "0904", Y17_18),
        ("Hvor mye økte rammen til Mandal samlet i 2016 og 2019?", "1002", ("y2016", "y2019")),
        ("Hvor mykje auka ramma for Lillesand i 2018 og 2019 til saman?", "0926", Y18_19),
    ],
)
def test_a_rise_asked_for_two_years_together_is_their_sum_not_their_difference(
    question: str, row: str, columns: tuple[str, ...]
) -> None:
    text = ask(question)
    assert grouped(figure(row, *columns)) in text
    assert "Forskjell" not in text


def test_a_dash_span_with_a_sum_word_compares_each_rows_whole_period() -> None:
    text = ask("Hvor mye mindre var Grimstads samlede økning 2016-2020 enn Lillesands?")
    expected = abs(figure("0904", "sum") - figure("0926", "sum"))
    assert grouped(expected) in text


def test_two_rows_compared_over_two_years_each_add_their_own_years() -> None:
    text = ask("Hvor mye mer fikk Arendal enn Grimstad i 2018 og 2019 til sammen?")
    first, second = figure("0906", "y2018", "y2019"), figure("0904", "y2018", "y2019")
    assert grouped(first - second) in text
    assert grouped(first) in text and grouped(second) in text


def test_the_change_between_the_ends_of_a_span_is_still_a_change() -> None:
    text = ask("Hvor mye endret økningen for Arendal seg fra 2016 til 2019?")
    assert grouped(figure("0906", "y2016") - figure("0906", "y2019")) in text


STATS = "nav-sosialtjenestetall"
MAIN_INCOME = "sosialhjelp_6_12_hovedinntekt"


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange mottakere med sosialhjelp som hovedinntekt i 6-12 måneder hadde Rogaland"
        " og Hordaland til sammen?",
        "Sosialhjelp 6-12 mnd som hovedinntekt: Rogaland og Hordaland samlet?",
        "Hvor mange sosialhjelpsmottakere hadde sosialhjelp som hovedinntekt 6–12 måneder i"
        " Rogaland og Hordaland til sammen?",
    ],
)
def test_a_column_is_told_by_its_own_word_not_by_a_longer_word_sharing_its_start(
    question: str,
) -> None:
    text = ask(question)
    expected = figure("11", MAIN_INCOME, table=STATS) + figure("12", MAIN_INCOME, table=STATS)
    assert grouped(expected) in text


def test_the_count_and_the_share_asked_by_their_nouns_are_given_side_by_side() -> None:
    text = ask("Hva er antallet og andelen 18-24-åringer med sosialhjelp i Nordland?")
    assert grouped(figure("18", "unge_18_24_sosialhjelp_2018", table=STATS)) in text
    share = next(r for r in KB.tables[STATS].rows if r.key == "18").values["andel_18_24"]
    assert f"{share}".replace(".", ",") in text


@pytest.mark.parametrize(
    ("first", "second", "column"),
    [
        (
            "Hvor stor andel av 18-24-åringene i Oslo fikk sosialhjelp i 2018?",
            "Hvor mange personer er det?",
            "unge_18_24_sosialhjelp_2018",
        ),
        (
            "Hvor mange KVP-deltakere hadde Rogaland?",
            "Og Vestfold?",
            "kvp_deltakere_2019",
        ),
    ],
)
def test_a_follow_up_naming_only_a_row_keeps_the_column_just_shown(
    first: str, second: str, column: str
) -> None:
    text = ask(first, second, "og Finnmark?")
    assert grouped(figure("20", column, table=STATS)) in text
    text = ask(first, second, "og Finnmark?", "Og for hele landet?")
    assert grouped(figure("landet", column, table=STATS)) in text


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        ("hvem kan søke prosjektskjønsmiddler?", "prosjektskjonnsmidler"),
        ("hvem kan søke om kompensasjon til fasstleger ved koronafravær?", None),
    ],
)
def test_a_scheme_name_typed_with_a_letter_doubled_or_undoubled_is_still_the_scheme(
    question: str, scheme: str | None
) -> None:
    u = Engine(KB).understand(question, None, TODAY)
    if scheme is not None:
        assert u.scheme == scheme
    else:
        assert u.scheme is not None


def test_a_second_question_whose_question_word_has_its_last_letter_doubled_is_split_off() -> None:
    text = ask("Hvem kan søke prosjektskjønnsmidler, og nårr er fristen?")
    assert "Kommuner" in text and "1. november" in text


def test_the_number_and_the_share_asked_in_english_are_given_side_by_side() -> None:
    text = ask("What are the number and the share of 18-24 year olds on social assistance in Oslo?")
    assert "2,261" in text and "3.8 %" in text


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("Stemmer det at Grimstad fikk 1,2 millioner i 2017?", True),
        ("Stemmer det at Grimstad fikk 1,3 millioner i 2017?", False),
        (
            "Stemmer det at rammen for Grimstad økte med 2,7 millioner i 2017 og 2018 til sammen?",
            True,
        ),
        (
            "Stemmer det at rammen for Grimstad økte med 2,8 millioner i 2017 og 2018 til sammen?",
            False,
        ),
        ("Is it true that Grimstad got 2.72 million in 2017 and 2018 combined?", True),
    ],
)
def test_a_claimed_figure_in_millions_is_checked_at_the_precision_it_is_given(
    question: str, right: bool
) -> None:
    text = ask(question)
    yes = "Ja, det stemmer" in text or "Yes, that is right" in text
    no = "Nei, det stemmer ikke" in text or "No, that is not right" in text
    assert (yes, no) == (right, not right)


def test_a_claimed_figure_in_kroner_is_checked_exactly() -> None:
    exact = figure("0904", "y2017")
    assert "Ja, det stemmer" in ask(f"Stemmer det at Grimstad fikk {grouped(exact)} kr i 2017?")
    assert "Nei" in ask(f"Stemmer det at Grimstad fikk {grouped(exact + 1)} kr i 2017?")


def test_a_column_family_named_by_a_shared_word_is_told_apart_by_the_unit_asked() -> None:
    text = ask("Hvor mange KVP-deltakere hadde Nordland og Troms til sammen?")
    kvp = "kvp_deltakere_2019"
    assert grouped(figure("18", kvp, table=STATS) + figure("19", kvp, table=STATS)) in text


@pytest.mark.parametrize(
    "questions",
    [
        (
            "Hva var andelen under 18 i husholdninger med sosialhjelp i Oslo og Nordland"
            " til sammen?",
        ),
        (
            "Hvor stor andel av 18-24-åringene i Oslo fikk sosialhjelp?",
            "og Nordland?",
            "til sammen?",
        ),
    ],
)
def test_shares_of_several_rows_are_listed_side_by_side_never_added(
    questions: tuple[str, ...],
) -> None:
    text = ask(*questions)
    assert "Til sammen" not in text
    assert "Oslo" in text and "Nordland" in text


@pytest.mark.parametrize(
    "question",
    [
        "Kva fylke hadde lågast del under 18 med sosialhjelp?",
        "Hvilket fylke hadde lavest andel under 18 i husholdninger med sosialhjelp?",
    ],
)
def test_the_headings_own_figure_is_no_bound_on_the_rows(question: str) -> None:
    rows = [r for r in KB.tables[STATS].rows if r.county]
    lowest = min(rows, key=lambda r: float(str(r.values["andel_under_18"])))
    text = ask(question)
    assert lowest.label in text
    assert "under 18 %" not in text


def test_a_ranking_follow_up_ranks_the_same_region_again() -> None:
    lister = [m.number for m in KB.municipalities.values() if m.region == "Lister"]
    rows = [r for r in KB.tables[AGDER].rows if r.municipality in lister]
    lowest = min(rows, key=lambda r: int(str(r.values["y2018"])))
    text = ask("Hvilken kommune i Lister fikk mest i 2018?", "og minst?")
    assert lowest.label in text


def test_versus_between_two_rows_asks_for_their_difference() -> None:
    text = ask("Arendal vs Grimstad 2019, økning i rammen?")
    assert grouped(figure("0906", "y2019") - figure("0904", "y2019")) in text


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("Stemmer det at Nordland hadde over 3 % andel under 18?", True),
        ("Stemmer det at Nordland hadde under 3 % andel under 18?", False),
    ],
)
def test_a_claimed_share_of_a_county_is_checked_in_the_table(question: str, right: bool) -> None:
    text = ask(question)
    assert ("Ja, det stemmer" in text) is right
    assert "årsverk" not in text


def test_how_many_places_had_fewer_than_a_named_one_counts_them() -> None:
    kvp = "kvp_deltakere_2019"
    bound = figure("18", kvp, table=STATS)
    counties = [r for r in KB.tables[STATS].rows if r.county]
    fewer = [r for r in counties if int(str(r.values[kvp])) < bound]
    text = ask("Hvor mange fylker hadde færre KVP-deltakere enn Nordland?")
    assert f": {len(fewer)}\n" in text


def test_a_question_spelling_out_a_kroner_tables_headings_needs_no_framework_word() -> None:
    text = ask("Hvor mye var fordelingen etter sosialhjelpsnøkkel 2016 og 2017 for Arendal samlet?")
    values = next(r for r in KB.tables["opptrappingsplan-2018-prognose"].rows if r.key == "0906")
    assert grouped(int(str(values.values["y2016"])) + int(str(values.values["y2017"]))) in text
