"""Opinions asked of the bot, budget references in both forms, the date a sentence holds."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


def ask(question: str, today: dt.date = TODAY) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, today)
    return answer.answered, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hva mener dere om at kommunalt rusarbeid ble avviklet – var det en god beslutning?",
        "Synes dere det var en klok avgjørelse å avvikle tilskuddet til kommunalt rusarbeid?",
        "Kva meiner de om nedtrappinga av kommunalt rusarbeid?",
        "Was it a wise decision to end the municipal substance abuse grant?",
    ],
)
def test_an_opinion_asked_of_the_bot_is_declined_as_advice(question: str) -> None:
    answered, text = ask(question)
    assert not answered
    assert "vurdere selv" in text or "for the municipality to weigh" in text


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("Hvilken kapittelpost er tilskudd til kommunalt rusarbeid?", "765.62"),
        ("Hvilken post på statsbudsjettet er NAV-tilskuddet?", "0621.63"),
    ],
)
def test_a_schemes_budget_reference_is_given_as_chapter_and_item_and_in_its_short_form(
    question: str, reference: str
) -> None:
    chapter, item = reference.split(".")
    answered, text = ask(question)
    assert answered
    assert f"kap. {chapter} post {item}" in text.casefold() and reference in text


@pytest.mark.parametrize(
    "question",
    [
        "Når sendte helseministeren brevet til ordførerne om egenandel?",
        "Når skrev helseministeren til ordførerne om kommunens egeninnsats i rusarbeidet?",
    ],
)
def test_a_when_question_leads_with_the_date_its_source_sentence_holds(question: str) -> None:
    answered, text = ask(question)
    assert answered
    assert text.split("\n\n")[1].startswith("18. desember 2015: «")


def test_a_when_question_about_an_announcement_is_not_given_a_deadlines_date() -> None:
    _, text = ask(
        "Når blir tilskuddet til voksne med langvarige og sammensatte behov kunngjort i år?"
    )
    assert not any(p.startswith("15. mars 2021: «") for p in text.split("\n\n"))
