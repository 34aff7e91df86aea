"""A place's own figures worked out: one year's share of its own printed sum ('hvor stor andel
av Lyngdals samlede sum utgjør 2016?'), its average per year ('gjennomsnittlig årlig økning for
Vennesla over de fem årene', the printed sum over the years) and one place's figure as a number
of times another's ('hvor mange ganger større er Søgnes sum enn Birkenes'?').

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 7)


@cache
def engine() -> Engine:
    """Build one engine over the bundled knowledge base."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hvor stor andel av Lyngdals samlede sum utgjør 2016?", "24,7 %"),
        ("Hvor stor andel av Mandals samlede økning inkl. prognose kom i 2019?", "14 %"),
        ("Hva var gjennomsnittlig årlig økning for Vennesla over de fem årene?", "731 064 kr"),
        (
            "Hva var gjennomsnittlig årlig rammeøkning for Tvedestrand over de fem årene, "
            "prognosen inkludert?",
            "340 009 kr",
        ),
        ("What was the average yearly increase for Tvedestrand 2016-2020?", "NOK 340,009"),
        ("Hvor mange ganger større er Søgnes sum enn Birkenes'?", "2,3 ganger"),
    ],
)
def test_a_places_own_figures_are_worked_out(question: str, figure: str) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.answered
    assert figure in answer.text
