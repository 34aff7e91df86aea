"""An appropriation question may name the document and the directorate the figures come from
('the three Health Directorate schemes presented at the Innlandet application workshop'): an
office named as a document's author ('the Innlandet application workshop') asks for no share of
that office, and the office's and document's own words name no other thing.

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


@pytest.mark.parametrize(
    "question",
    [
        "Sum of the 2021 appropriations for the three Health Directorate schemes presented at "
        "the Innlandet application workshop?",
        "What were the 2021 appropriations of the three schemes presented at the Innlandet "
        "application workshop combined?",
    ],
)
def test_the_schemes_of_a_workshop_are_added_nationally(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="workshop").text
    total = sum(national(s, 2021) for s in SCHEMES) // 1_000_000
    assert str(total) in text


def test_an_office_asked_for_its_own_figure_keeps_it() -> None:
    text = (
        Engine(KB)
        .ask(
            "What was the 2021 appropriation for the municipal substance abuse grant in Innlandet?",
            TODAY,
            chat="workshop",
        )
        .text
    )
    assert "Innlandet" in text
    assert "32" in text
