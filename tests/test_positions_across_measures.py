"""Positions counted per measure, by the people in them, and over every year the cap allows.

Through the public interface (the Engine); the cap's figures are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule

TODAY = dt.date(2026, 12, 1)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def cap() -> CapRule:
    """Return the NAV scheme's cap rule."""
    return next(r for r in kb().schemes["nav-sosiale-tjenester"].rules if isinstance(r, CapRule))


def ask(question: str) -> str:
    """Ask a fresh engine and return the answer's text, which must be an answer."""
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    return answer.text


def yearly(positions: Fraction, measures: int) -> int:
    """Return the cap of a year for some positions in some measures, with competence."""
    return int(positions * cap().per_position) + measures * cap().per_measure


@pytest.mark.parametrize(
    ("question", "positions", "measures"),
    [
        (
            "NAV-kontoret har to tiltak, det ene med 2 stillinger og det andre med 0,5 "
            "stilling. Hva er høyeste tilskudd med kompetansemidler?",
            Fraction(5, 2),
            2,
        ),
        (
            "To NAV-tiltak: tiltak 1 med én hel stilling og tiltak 2 med tre stillinger – hva "
            "kan vi maks få i året inkludert kompetanse?",
            Fraction(4),
            2,
        ),
        (
            "We have two NAV measures, one with 1 position and the other with 1 position. "
            "What is the maximum grant per year including competence?",
            Fraction(2),
            2,
        ),
    ],
)
def test_counts_of_several_measures_named_in_turn_are_one_total(
    question: str, positions: Fraction, measures: int
) -> None:
    text = ask(question)
    lang = "en" if question.startswith("We") else "nb"
    assert fmt.kroner(yearly(positions, measures), lang) in text, text


@pytest.mark.parametrize(
    ("question", "positions"),
    [
        ("NAV-kontoret vil ansette 3 personer i 100 % stilling i ett tiltak. Maks tilskudd?", 3),
        ("Vi skal ha to ansatte i 50 % stilling i ett NAV-tiltak; hva er taket?", 1),
        ("Fire medarbeidere i hel stilling i ett NAV-tiltak – hvor mye kan vi maks få?", 4),
    ],
)
def test_people_in_positions_count_as_their_share_of_a_position_each(
    question: str, positions: int
) -> None:
    text = ask(question)
    assert fmt.kroner(positions * cap().per_position, "nb") in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hvis ett NAV-tiltak med én stilling får tilskudd alle årene det er mulig, hva er "
        "maksimal lønnsstøtte til sammen?",
        "What is the most one NAV measure with one position can get every year possible?",
    ],
)
def test_every_year_possible_is_the_most_years_the_cap_allows(question: str) -> None:
    text = ask(question)
    lang = "en" if question.startswith("What") else "nb"
    # salary support ('lønnsstøtte') is the positions' money; the English asks for it all
    competence = cap().per_measure if lang == "en" else 0
    assert fmt.kroner(cap().max_years * (cap().per_position + competence), lang) in text, text
