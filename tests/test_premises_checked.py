"""A premise the question states is checked against the figure or date the answer gives.

Through the public interface (the Engine); the figures and dates compared are read from the
knowledge base, and the stated ones are made from them, never written as the sources give them.
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

TODAY = dt.date(2026, 11, 23)
SCHEME = "kommunalt-rusarbeid"


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def national(year: int) -> int:
    """Return the scheme's national appropriation in a year."""
    return next(
        a.amount
        for a in kb().schemes[SCHEME].appropriations
        if a.year == year and a.scope == "nasjonal"
    )


def application_deadline(year: int) -> dt.date:
    """Return the scheme's application deadline in a year."""
    return next(
        e.deadline.date
        for e in kb().deadlines()
        if e.scheme_id == SCHEME and e.deadline.year == year and e.deadline.kind == "application"
    )


def millions(amount: int) -> str:
    """Say an amount in millions as a question would ('455 millioner')."""
    return f"{fmt.decimal(Fraction(amount, 1_000_000), 'nb')} millioner"


def first_line(question: str) -> str:
    """Ask a fresh engine and return the answer's first paragraph."""
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    return answer.paragraphs[0]


def test_a_right_appropriation_premise_is_confirmed() -> None:
    line = first_line(
        f"Stemmer det at bevilgningen til kommunalt rusarbeid i 2021 var "
        f"{millions(national(2021))}?"
    )
    assert line.startswith("Ja")


@pytest.mark.parametrize("off", [17_400_000, -40_000_000, 100_000])
def test_a_wrong_appropriation_premise_is_contradicted_with_the_figure(off: int) -> None:
    stated = national(2021) + off
    line = first_line(
        f"Er det riktig at bevilgningen til kommunalt rusarbeid i 2021 var {millions(stated)}?"
    )
    assert line.startswith("Nei")
    assert fmt.kroner(national(2021), "nb") in line


def test_an_english_premise_is_answered_in_english() -> None:
    stated = national(2021) + 20_000_000
    millions_en = fmt.decimal(Fraction(stated, 1_000_000), "en")
    line = first_line(
        f"Is it true that the 2021 appropriation for the municipal substance abuse grant was "
        f"NOK {millions_en} million?"
    )
    assert line.startswith("No")
    assert fmt.kroner(national(2021), "en") in line


def test_a_round_premise_of_a_figure_it_rounds_is_confirmed_roughly() -> None:
    given = national(2021)
    stated = round(given, -8)  # to the hundred million
    assert stated != given
    line = first_line(
        f"Stemmer det at bevilgningen til kommunalt rusarbeid i 2021 var {millions(stated)}?"
    )
    assert line.startswith("Omtrent")


@pytest.mark.parametrize("shift", [0, 7, -20])
def test_a_deadline_premise_is_checked_by_day_and_month(shift: int) -> None:
    deadline = application_deadline(2021)
    stated = deadline + dt.timedelta(days=shift)
    said = f"{stated.day}. {fmt.MONTHS['nb'][stated.month - 1]}"
    line = first_line(f"Er det riktig at søknadsfristen for kommunalt rusarbeid i 2021 var {said}?")
    if shift == 0:
        assert line.startswith("Ja")
    else:
        assert line.startswith("Nei")
        assert f"{deadline.day}. {fmt.MONTHS['nb'][deadline.month - 1]}" in line


def test_a_claim_of_more_than_a_figure_gets_no_verdict_on_it() -> None:
    line = first_line(
        f"Stemmer det at bevilgningen til kommunalt rusarbeid i 2021 var over "
        f"{millions(national(2021) - 50_000_000)}?"
    )
    assert not line.startswith(("Ja", "Nei", "Omtrent"))
