"""Amounts asked per a unit: per position, FTE or measure is answered; per anything else the
sources give no figure for ('per bolig', 'per innbygger') is declined, whatever the family."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from bot.understanding.lexicon import Lexicon, unknown_unit
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 1)


@cache
def engine() -> Engine:
    """One engine over the bundled sources."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("Hvor stort tilskudd gis det per bolig i Husbankens boligsosiale tiltak?", "bolig"),
        ("Hvor mye får vi per bruker i kommunalt rusarbeid?", "bruker"),
        ("Hvor mye økte rammen per innbygger i Grimstad i 2017?", "innbygger"),
        ("Hvor mange kroner gis det for hver deltaker i NAV-tilskuddet?", "deltaker"),
        ("How much is the grant per resident in the NAV grant?", "resident"),
    ],
)
def test_an_amount_per_a_unit_the_sources_lack_is_declined_and_names_the_unit(
    question: str, unit: str
) -> None:
    answer = engine().ask(question, TODAY)
    assert not answer.answered
    assert f"per {unit}" in answer.text
    assert "kr" not in answer.text.replace("kroner", "") and "NOK" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye får vi per årsverk i år 2?",
        "What is the year-1 rate per full-time equivalent in kommunalt rusarbeid?",
        "Hvor mye er kompetansemidlene per tiltak i NAV-tilskuddet?",
        "Hva er maks per 100 % stilling i NAV-tilskuddet?",
        "Hvor mye økte rammen per kommune i Agder i 2017?",
    ],
)
def test_an_amount_per_a_unit_the_sources_give_is_answered(question: str) -> None:
    assert engine().ask(question, TODAY).answered


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("hvor mye per arsverk i ar 2", None),
        ("status per i dag", None),
        ("sendt per brev til ordforerne", None),
        ("hvor mye per bolig i kommunalt rusarbeid", "bolig"),
        ("per full-time equivalent", None),
        ("pr. innbygger", "innbygger"),
    ],
)
def test_the_unit_ends_at_a_function_word_and_is_known_by_its_start(
    text: str, unit: str | None
) -> None:
    lex = Lexicon(load_sources())
    assert unknown_unit(lex, text) == unit


def test_a_unit_added_to_the_language_data_is_no_longer_declined() -> None:
    kb = load_sources()
    assert kb.language is not None
    kb.language.units.append("bolig*")
    assert unknown_unit(Lexicon(kb), "hvor mye per bolig") is None
