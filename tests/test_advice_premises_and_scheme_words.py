"""Advice is declined, tag questions and dated premises are checked, and a scheme's own words
('hvor mye hadde ordningen', 'totalbevilgningen', 'kapittel og post', 'hvor lenge') are read.

Through the public interface (the Engine); expected figures come from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb, ladder

TODAY = dt.date(2026, 12, 4)


def ask(question: str) -> tuple[str, bool]:
    """Ask a fresh engine; return the answer's text and whether it counts as answered."""
    answer = Engine(kb()).ask(question, TODAY)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "Bør vi søke NAV-tilskuddet eller kommunalt rusarbeid for en ny miljøterapeut?",
        "Hva anbefaler du: kommunalt rusarbeid eller voksne-ordningen?",
        "Bør vi heller søke NAV-tilskuddet enn voksne-ordningen for prosjektet vårt?",
        "Hva synes du om at tilskuddet til kommunalt rusarbeid avvikles?",
        "Var opptrappingsplanen for rusfeltet en suksess, synes du?",
        "Should we apply for the NAV grant or kommunalt rusarbeid?",
        "What do you think of the phase-down of kommunalt rusarbeid?",
    ],
)
def test_advice_or_an_opinion_asked_of_the_bot_is_declined_without_figures(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert " kr" not in text and "NOK" not in text, text


def test_a_should_question_the_sources_answer_is_no_advice() -> None:
    text, answered = ask("bør vi se NAV-tilskuddet i sammenheng med andre tilskudd?")
    assert answered, text


@pytest.mark.parametrize(
    ("question", "tag"),
    [
        ("Tilskuddet i år 3 er 550 000 per årsverk, ikke sant?", "ikke sant"),
        ("Tilskotet i år 3 er 550 000 per årsverk, ikkje sant?", "ikkje sant"),
        ("Tilskuddet i år 3 er 550 000 per årsverk, eller hva?", "eller hva"),
    ],
)
def test_a_claim_with_a_tag_question_is_checked_as_a_premise(question: str, tag: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert text.startswith("Nei"), (tag, text)
    assert fmt.kroner(ladder().steps[2].amount, "nb") in text.splitlines()[0], text


def test_a_dated_premise_with_the_wrong_year_is_contradicted_with_the_right_date() -> None:
    nav = kb().schemes["nav-sosiale-tjenester"]
    report = next(d for d in nav.deadlines if d.kind == "report" and d.date.year == 2021)
    wrong = report.date.replace(year=report.date.year - 1)
    question = (
        f"Rapporteringsfristen for NAV-tilskuddet 2020 var {wrong.day}. februar {wrong.year}, "
        "ikke sant?"
    )
    text, answered = ask(question)
    first = text.splitlines()[0]
    assert answered and first.startswith("Nei"), text
    assert f"{report.date.day}. februar {report.date.year}" in first, text


def test_the_money_a_scheme_had_in_a_year_is_its_appropriation() -> None:
    rusarbeid = kb().schemes["kommunalt-rusarbeid"]
    national = next(a for a in rusarbeid.appropriations if a.year == 2018 and a.scope == "nasjonal")
    for question in (
        "Hvor mye hadde tilskudd til kommunalt rusarbeid i 2018 ifølge direktoratets signaler?",
        "Hvor mye hadde ordningen for kommunalt rusarbeid i 2018?",
    ):
        text, answered = ask(question)
        assert answered and fmt.kroner(national.amount, "nb") in text, text


def test_a_total_appropriation_of_a_scheme_without_one_is_declined() -> None:
    assert not kb().schemes["nav-sosiale-tjenester"].appropriations
    text, answered = ask(
        "Hva var totalbevilgningen til NAV-tilskuddet for sosiale tjenester i 2020?"
    )
    assert not answered, text
    assert "610 000" not in text, text


def test_a_budget_chapter_is_also_given_in_its_short_form() -> None:
    budget = kb().schemes["kommunalt-rusarbeid"].budget[0]
    text, _answered = ask(
        "Hvilket kapittel og post i statsbudsjettet hører kommunalt rusarbeid til?"
    )
    assert f"{budget.chapter}.{budget.post}" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor lenge kunne et årsverk få tilskudd i kommunalt rusarbeid etter de tidligere reglene?",
        "Hvor mange år kan ett årsverk få tilskudd til kommunalt rusarbeid?",
        "How many years can one FTE get the kommunalt rusarbeid grant?",
    ],
)
def test_how_long_one_position_is_funded_is_the_length_of_the_ladder(question: str) -> None:
    text, answered = ask(question)
    years = len(ladder().steps)
    assert answered and (f"inntil {years} år" in text or f"up to {years} years" in text), text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilket brev viser til at kommunens egeninnsats må økes i takt med avkortingen, og når "
        "ble det sendt?",
        "Hvilket brev fra helseministeren omtaler egenandelen, og når ble det sendt?",
    ],
)
def test_a_verb_of_the_question_is_no_thing_without_rates(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "18.12.2015" in text, text


def test_a_word_for_the_sources_update_does_not_make_a_question_unknown() -> None:
    text, answered = ask("Hvilke tiltak står under pri 2 for voksne i 2022-oppdateringen?")
    assert answered and "Housing First" in text, text


@pytest.mark.parametrize(
    ("claimed", "verdict"),
    [("1. mars 2020", "Nei"), ("1. februar 2020", "Ja"), ("1. mars", "Nei")],
)
def test_a_dated_premise_is_held_against_the_date_of_its_year_among_several(
    claimed: str, verdict: str
) -> None:
    text, answered = ask(f"Var søknadsfristen for NAV-tilskuddet {claimed}, stemmer det?")
    assert answered and text.startswith(verdict), text


@pytest.mark.parametrize(
    "question",
    [
        "Kan en kommune som ikke fikk tilskudd til kommunalt rusarbeid i 2021, søke i 2022?",
        "Kan vi søke om tilskudd til kommunalt rusarbeid i 2022 når vi ikke hadde tilskudd i 2021?",
    ],
)
def test_a_condition_the_question_negates_and_the_sources_make_the_only_case_gets_no(
    question: str,
) -> None:
    text, answered = ask(question)
    assert answered and "\nNei. Kilden: «Bare" in text, text


@pytest.mark.parametrize(
    ("question", "sid", "right"),
    [
        (
            "Stemmer det at tilskudd til kommunalt rusarbeid er kap. 765 post 60?",
            "kommunalt-rusarbeid",
            False,
        ),
        (
            "Er det riktig at kommunalt rusarbeid ligger på kap. 765 post 62?",
            "kommunalt-rusarbeid",
            True,
        ),
        ("Stemmer det at NAV-tilskuddet er kap. 765.62?", "nav-sosiale-tjenester", False),
        ("Is the NAV grant on chapter 0621 item 63, right?", "nav-sosiale-tjenester", True),
    ],
)
def test_a_cited_budget_reference_is_checked_against_the_named_scheme(
    question: str, sid: str, right: bool
) -> None:
    budget = kb().schemes[sid].budget[0]
    text, answered = ask(question)
    first = text.splitlines()[0]
    assert answered, text
    assert first.startswith(("Ja", "Yes") if right else ("Nei", "No")), text
    if not right:
        assert f"{budget.chapter}.{budget.post}" in first, text
