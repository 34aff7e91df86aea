"""Question understanding: the entity extractors, folding, language, and the whole corpus."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.evaluate import evaluate, load_corpus
from bot.text import detect_language, fold
from bot.understanding.entities import (
    extract_date,
    extract_grant_year,
    extract_money,
    extract_positions,
)
from bot.understanding.parse import Understander
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

CORPUS = Path(__file__).parent / "data" / "questions.yaml"


@pytest.fixture(scope="module")
def understander(kb: KnowledgeBase) -> Understander:
    """One understander over the bundled knowledge base."""
    return Understander(kb)


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("1,5 årsverk", Fraction(3, 2)),
        ("1.5 FTE", Fraction(3, 2)),
        ("2 årsverk", Fraction(2)),
        ("50 % stilling", Fraction(1, 2)),
        ("80 prosent stilling", Fraction(4, 5)),
        ("en halv stilling", Fraction(1, 2)),
        ("ei halv stilling", Fraction(1, 2)),
        ("halvannen stilling", Fraction(3, 2)),
        ("to årsverk", Fraction(2)),
        ("et årsverk", Fraction(1)),
        ("eitt årsverk", Fraction(1)),
        ("per årsverk", Fraction(1)),
        ("pr. stilling", Fraction(1)),
        ("stillingen koster 700 000", Fraction(1)),
    ],
)
def test_positions_are_read_from_counts_percentages_words_and_per_position(
    text: str, positions: Fraction
) -> None:
    assert extract_positions(fold(text)) == positions


@pytest.mark.parametrize("text", ["hva får vi i år 3?", "søknadsfrist 2022", "over fire år"])
def test_no_positions_are_read_where_none_are_named(text: str) -> None:
    assert extract_positions(fold(text)) is None


@pytest.mark.parametrize(
    ("text", "grant_year"),
    [
        ("tredje år", 3),
        ("year three", 3),
        ("år 3", 3),
        ("år3", 3),
        ("3. år", 3),
        ("første året", 1),
        ("the fourth year", 4),
        ("i 2022, stillingen er i år 2 på stigen", 2),
        ("siste år", -1),
    ],
)
def test_grant_years_are_read_as_numbers_ordinals_and_english_words(
    text: str, grant_year: int
) -> None:
    assert extract_grant_year(fold(text)) == grant_year


@pytest.mark.parametrize(
    "text", ["over fire år", "i år to årsverk", "søknadsfrist 2022", "totalt for 2 årsverk"]
)
def test_durations_calendar_years_and_counts_are_not_grant_years(text: str) -> None:
    assert extract_grant_year(fold(text)) is None


@pytest.mark.parametrize(
    ("text", "kroner"),
    [
        ("700k", 700_000),
        ("700 000 kr", 700_000),
        ("kr 700.000", 700_000),
        ("NOK 800,000", 800_000),
        ("1,2 mill", 1_200_000),
        ("koster 750 000", 750_000),
    ],
)
def test_money_is_read_in_every_common_notation(text: str, kroner: int) -> None:
    assert extract_money(fold(text)) == kroner


@pytest.mark.parametrize("text", ["i 2022 for 2 årsverk", "765.62 år 3", "år 5"])
def test_years_posts_and_small_numbers_are_not_money(text: str) -> None:
    assert extract_money(fold(text)) is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("etter 1.3.2022", (2022, 3, 1)),
        ("etter 1.3.22", (2022, 3, 1)),
        ("15. februar 2022", (2022, 2, 15)),
        ("15 February 2022", (2022, 2, 15)),
        ("2022-02-15", (2022, 2, 15)),
    ],
)
def test_dates_are_read_with_dots_month_names_and_iso(
    text: str, date: tuple[int, int, int]
) -> None:
    assert extract_date(fold(text)) == date


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Kristansand 2019", "1001"),
        ("grimsatd 2020", "0904"),
        ("hva fikk Lillsand i 2016", "0926"),
        ("Tvedstrand 2018", "0914"),
        ("Vennsla 2019", "1014"),
        ("kommune 0906", "0906"),
    ],
)
def test_municipalities_are_found_despite_typos_and_by_number(
    understander: Understander, text: str, number: str
) -> None:
    assert understander.understand(text).slots.get("municipality") == number


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("kva er tilskotet", "hva er tilskuddet"),
        ("kor mykje fekk vi", "hvor mye fikk vi"),
        ("kven kan søkje?", "hvem kan soke?"),
        ("til saman over fire år", "til sammen over fire ar"),
        ("kva tilskotsordningar finst", "hva tilskuddsordningar finst"),
        ("Søknadsfrist Åseral Ørsta", "soknadsfrist aseral orsta"),
    ],
)
def test_nynorsk_words_are_folded_to_bokmal_and_letters_to_ascii(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_english_text_keeps_words_that_are_also_nynorsk() -> None:
    assert fold("tell me about", nynorsk=False) == "tell me about"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("hva får vi i år 3 for 2 årsverk?", "nb"),
        ("kor mykje får vi i år 1 for eitt årsverk?", "nn"),
        ("how much do we get in year 2 for 1.5 FTE?", "en"),
        ("Kristiansand 2018 framework increase", "en"),
        ("søknadsfrist nav 2021?", "nb"),
    ],
)
def test_language_is_detected_from_marker_words(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "hvor mye er barnetrygden",
        "tilskudd til idrettsanlegg, frist?",
        "hvor mye er dagpengene fra NAV",
        "blir det regn i Arendal i morgen?",
        "how do I apply for BPA?",
        "hvem er helseminister",
    ],
)
def test_questions_about_what_the_knowledge_base_does_not_hold_are_out_of_scope(
    understander: Understander, text: str
) -> None:
    assert understander.understand(text).intent == "out_of_scope"


def test_misspelt_words_are_corrected_to_the_words_the_knowledge_base_uses(
    understander: Understander,
) -> None:
    u = understander.understand("sokandsfrist komunalt rusarbied 2022")
    assert u.intent == "deadline"
    assert u.scheme == "kommunalt-rusarbeid"
    assert u.slots["year"] == 2022


def test_the_whole_corpus_is_answered_correctly_and_out_of_scope_questions_are_declined() -> None:
    report = evaluate(Engine(load_sources()), load_corpus(CORPUS))
    declined_wrongly = [o.case.q for o in report.out_of_scope_failures()]
    assert declined_wrongly == []
    assert report.accuracy >= 0.99, report.render()
    assert report.wrong_figures == 0, report.render()


@pytest.mark.parametrize(
    ("text", "reporting"),
    [
        (
            "Hvor mye fikk Innlandet til barn og unge med behov for langvarig oppfølging i 2021?",
            False,
        ),
        ("Hva var bevilgningen til voksne med langvarige og sammensatte behov i 2021?", False),
        ("Hvordan er oppfølging og rapportering for barn og unge-ordningen?", True),
    ],
)
def test_the_words_of_a_scheme_s_long_name_in_its_order_ask_nothing(
    understander: Understander, text: str, reporting: bool
) -> None:
    assert (understander.understand(text).intent == "reporting") is reporting


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("som direktoratet signaliserte i 2018", False),
        ("hvor mange 18-24-åringer mottok sosialhjelp i 2018", True),
    ],
)
def test_a_year_alone_names_no_statistics_column(
    understander: Understander, text: str, named: bool
) -> None:
    assert (understander.lex.column_in(fold(text)) is not None) is named
