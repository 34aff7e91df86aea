"""'Hvor mye mer fikk voksne enn barn og unge?' after those schemes' appropriations were asked
for a year compares them in that year, not in a year of their joint figure.

Every expected figure is computed here from the knowledge base's appropriations.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 4)
ADULTS, YOUNG = "voksne-langvarige", "barn-unge-langvarige"


def national(scheme: str, year: int) -> int:
    """A scheme's national appropriation in a year."""
    (found,) = [
        a.amount
        for a in KB.schemes[scheme].appropriations
        if a.year == year and a.scope == "nasjonal"
    ]
    return found


@pytest.mark.parametrize(
    ("turns", "last"),
    [
        (
            (
                "Kor stor var løyvinga til kommunalt rusarbeid i 2021?",
                "og til vaksne med langvarige og samansette tenestebehov?",
                "og born og unge?",
            ),
            "Kor mykje meir fekk vaksne enn born og unge?",
        ),
        (
            (
                "Hva var bevilgningen til voksne med langvarige behov i 2021?",
                "og til barn og unge?",
            ),
            "Hvor mye mer fikk voksne enn barn og unge?",
        ),
        (
            (
                "What was the 2021 appropriation for adults with long-term and complex needs?",
                "and for children and young people?",
            ),
            "How much more did the adults scheme get than children and young people?",
        ),
    ],
)
def test_the_schemes_just_asked_are_compared_in_their_year(
    turns: tuple[str, ...], last: str
) -> None:
    engine = Engine(KB)
    for turn in turns:
        engine.ask(turn, TODAY, chat="compare")
    text = engine.ask(last, TODAY, chat="compare").text
    gap = (national(ADULTS, 2021) - national(YOUNG, 2021)) // 1_000_000
    assert str(gap) in text
    assert "2021" in text
