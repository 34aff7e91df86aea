"""The nynorsk 'hushald' (and its inflections) is 'husholdning': a statistics question about
children in households on social assistance, asked in nynorsk, gets the table's figures.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)


@cache
def engine() -> Engine:
    """Build one engine over the bundled knowledge base."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Kva fylke hadde lågast tal på barn i hushald med sosialhjelp 6–12 månader i 2018?",
            ("Finnmark", "531"),
        ),
        (
            "Kva fylke hadde flest barn i hushald med sosialhjelp 6–12 månader i 2018?",
            ("Oslo", "7 112"),
        ),
        (
            "Kor mange barn i hushald med sosialhjelp 6–12 månader var det i Finnmark i 2018?",
            ("531",),
        ),
    ],
)
def test_a_nynorsk_household_question_gets_the_tables_figures(
    question: str, figures: tuple[str, ...]
) -> None:
    text = engine().ask(question, TODAY).text
    assert all(figure in text for figure in figures)
