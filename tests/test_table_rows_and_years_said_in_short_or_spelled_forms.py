"""Rows and years of a table said in short or spelled-out forms: two years written short
('sum 16+17'), a span through its last year ('2017 til og med 2019' adds every year, even
with 'økte'), a span of municipality numbers with their names ('0901 Risør til 0941 Bykle'), a
region's printed sum in the prognosis column ('Sum Lister i prognosekolonnen') and a ranking
of a region's places by their printed sums ('de to største i Vest-Agder (sum inkl. prognose)').

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
    ("question", "figures", "absent"),
    [
        ("Lyngdal sum 16+17", ["935 471"], []),
        ("Mandal: hvor mye økte rammen 2017 til og med 2019?", ["2 594 891"], []),
        (
            "Hva er summen av 2017-tallene for Aust-Agder-kommunene (0901 Risør til 0941 Bykle)?",
            ["6 909 252"],
            [],
        ),
        ("Hva er Sum Lister i prognosekolonnen for 2018?", ["5 637 934"], ["2 317 217"]),
        (
            "Rangér de to største i Vest-Agder (sum inkl. prognose).",
            ["Kristiansand", "Mandal"],
            ["Vennesla"],
        ),
    ],
)
def test_a_short_or_spelled_form_reads_the_rows_and_years_meant(
    question: str, figures: list[str], absent: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.answered
    for figure in figures:
        assert figure in answer.text
    for figure in absent:
        assert figure not in answer.text
