"""'So what's the total for the three?' after the appropriations of three schemes asked in
turn is their sum, as 'til sammen' already was; 'the total' and 'totalen' are words of a sum.

Every expected figure is computed here from the knowledge base's appropriations.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 4)
SCHEMES = ("kommunalt-rusarbeid", "voksne-langvarige", "barn-unge-langvarige")


def national(scheme: str, year: int) -> int:
    """A scheme's national appropriation in a year."""
    (found,) = [
        a.amount
        for a in KB.schemes[scheme].appropriations
        if a.year == year and a.scope == "nasjonal"
    ]
    return found


def millions(total: int) -> str:
    return f"{total // 1_000_000}"


@pytest.mark.parametrize(
    ("turns", "last"),
    [
        (
            (
                "What was the 2021 appropriation for the municipal substance abuse work grant?",
                "And for adults with long-term and complex service needs?",
                "and children and young people?",
            ),
            "So what's the total for the three?",
        ),
        (
            (
                "What was the 2021 appropriation for the municipal substance abuse work grant?",
                "And for adults with long-term and complex service needs?",
                "and children and young people?",
            ),
            "What's the total?",
        ),
        (
            (
                "Hva var bevilgningen i 2021 til kommunalt rusarbeid?",
                "Og til voksne med langvarige og sammensatte tjenestebehov?",
                "og barn og unge?",
            ),
            "Hva blir totalen?",
        ),
    ],
)
def test_the_total_after_three_appropriations_is_their_sum(
    turns: tuple[str, ...], last: str
) -> None:
    engine = Engine(KB)
    for turn in turns:
        engine.ask(turn, TODAY, chat="total")
    text = engine.ask(last, TODAY, chat="total").text
    total = sum(national(s, 2021) for s in SCHEMES)
    assert millions(total) in text
    assert "+" in text
