"""A prognosis one table prints for a year that a later table holds as a fact, set against
the later table's figures ('hvor mye avviker 2018-prognosen fra de faktiske tallene 2016–2018
i 2020-tabellen?'): the difference of the two, each from its own table.

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
        (
            "Hvor mye avviker prognosen for samlet økning 2018 for Lyngdal fra faktisk "
            "2016–2018 i 2020-tabellen?",
            "143 450",
        ),
        (
            "Hvor mye skiller 2018-prognosen for Mandal fra det faktiske beløpet 2016–2018 i "
            "tabellen fra 2020?",
            "207 923",
        ),
        (
            "Mandal: prognose for samlet økning 2018 mot faktisk 2016–2018 i 2020-tabellen – "
            "hva er differansen?",
            "207 923",
        ),
    ],
)
def test_a_prognosis_against_the_actual_years_is_their_difference(
    question: str, figure: str
) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.answered
    assert figure in answer.text
