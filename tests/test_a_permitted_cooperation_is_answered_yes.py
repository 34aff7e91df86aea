"""A yes/no question that a permissive source sentence answers ('Kommuner kan velge å inngå
interkommunalt samarbeid …') quotes that sentence and leads with yes.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 4)


def ask(question: str) -> tuple[str, list[str], bool]:
    """Ask a fresh engine; return the answer's text, paragraphs and whether it answered."""
    answer = Engine(kb()).ask(question, TODAY)
    return answer.text, answer.paragraphs, answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "Kan kommunen samarbeide med andre om tiltak finansiert av kommunalt rusarbeid?",
        "Kan vi samarbeide med private eller frivillige om tiltak finansiert av rustilskuddet?",
        "Kan kommunen samarbeide med frivillige om tiltak som er finansiert av kommunalt "
        "rusarbeid?",
        "Kan kommunane samarbeide med frivillige om tiltak i kommunalt rusarbeid?",
    ],
)
def test_a_cooperation_question_is_answered_yes_with_the_source_sentence(question: str) -> None:
    text, paragraphs, answered = ask(question)
    assert answered, text
    assert any(p.startswith("Ja.") for p in paragraphs[:2]), text
    assert "interkommunalt samarbeid" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Can a municipality cooperate with other municipalities or the voluntary sector in the "
        "substance abuse grant?",
        "Can municipalities cooperate with the voluntary sector in the municipal substance abuse "
        "grant?",
    ],
)
def test_an_english_cooperation_question_is_answered_yes(question: str) -> None:
    text, paragraphs, answered = ask(question)
    assert answered, text
    assert any(p.startswith("Yes.") for p in paragraphs[:2]), text
    assert "inter-municipal cooperation" in text, text


def test_a_negated_condition_gets_no_permissive_yes() -> None:
    text, paragraphs, _answered = ask(
        "Kan en kommune som ikke fikk tilskudd i 2021, søke om kommunalt rusarbeid?"
    )
    assert paragraphs[0] != "Ja.", text
