"""The wind-down against the old ladder: each rule set's total for a start year and the difference.

Through the public interfaces (the Engine and the calc function); the figures are read from the
knowledge base: the ladder's steps and the wind-down's rules of each calendar year.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.calc import calendar as calendar_calc
from bot.calc.results import PositionGroup
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def ladder() -> LadderRule:
    """Return the grant-year ladder."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))


def old_total(start: int, first: int, last: int, positions: int = 1) -> int:
    """Return the old ladder's grant over calendar years for positions started in ``start``."""
    steps = ladder().steps
    return sum(
        positions * steps[y - start].amount
        for y in range(first, last + 1)
        if 0 <= y - start < len(steps)
    )


def new_total(start: int, first: int, last: int, positions: int = 1) -> int:
    """Return the grant by the rules of each calendar year (the wind-down) for the same."""
    groups = [PositionGroup(start, Fraction(positions))]
    return sum(
        calendar_calc.rusarbeid_calendar_year(kb(), y, groups).total
        for y in range(max(first, start), last + 1)
    )


def test_the_old_ladder_and_the_wind_down_are_both_computed_with_their_difference() -> None:
    result = calendar_calc.rusarbeid_old_vs_new(
        kb(), 2021, 2024, [PositionGroup(2021, Fraction(1))]
    )
    assert result.figures["old"] == old_total(2021, 2021, 2024)
    assert result.figures["new"] == new_total(2021, 2021, 2024)
    assert result.figures["difference"] == old_total(2021, 2021, 2024) - new_total(2021, 2021, 2024)
    assert result.figures["difference"] > 0


@pytest.mark.parametrize(
    ("question", "start", "first", "last", "positions"),
    [
        (
            "Stilling startet i 2021. Hvor mye taper vi i 2023 på avviklingsreglene "
            "sammenlignet med den gamle avkortningsstigen?",
            2021,
            2023,
            2023,
            1,
        ),
        (
            "Hvor mye taper vi på den nye nedtrappingen for en stilling som startet i 2021, "
            "sammenlignet med den gamle avkortningsstigen?",
            2021,
            2021,
            2024,
            1,
        ),
        (
            "Et årsverk startet i 2021. Hva blir samlet tilskudd 2021–2024 med nedtrappingen, "
            "og hvor mye er det mindre enn etter de gamle reglene?",
            2021,
            2021,
            2024,
            1,
        ),
        (
            "Vi har 2 årsverk som startet i 2020. Hvor mye mister vi i 2022–2023 på "
            "nedtrappingsreglene sammenlignet med den gamle stigen?",
            2020,
            2022,
            2023,
            2,
        ),
        (
            "Hvor mye mindre gir avviklingsreglene enn den gamle ordningen i 2024 for ett "
            "årsverk som startet i 2022?",
            2022,
            2024,
            2024,
            1,
        ),
    ],
)
def test_a_loss_to_the_wind_down_against_the_old_ladder_gives_both_totals_and_the_difference(
    question: str, start: int, first: int, last: int, positions: int
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    old, new = old_total(start, first, last, positions), new_total(start, first, last, positions)
    lead = answer.text.splitlines()[0]
    assert fmt.kroner(old) in lead, answer.text
    assert fmt.kroner(new) in lead, answer.text
    assert fmt.kroner(old - new) in lead, answer.text


def test_a_total_with_the_wind_down_alone_does_not_bring_in_the_old_ladder() -> None:
    answer = Engine(kb()).ask(
        "Et årsverk i kommunalt rusarbeid startet i 2021. Hva blir samlet tilskudd 2021–2024 "
        "med nedtrappingen?",
        TODAY,
    )
    assert answer.answered, answer.text
    assert fmt.kroner(new_total(2021, 2021, 2024)) in answer.text
    assert fmt.kroner(old_total(2021, 2021, 2024)) not in answer.text
