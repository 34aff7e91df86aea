"""A follow-up after one place's figure: the same place in the table another source prints
('og hva ble det faktisk stående for 2018 i tabellen fra 2020?' after a 2018 prognosis), the
change from a year named to the year just asked ('hvor stor nedgang er det fra 2018?'), and
the figure against the same column of another row ('hvordan står det i forhold til landet?').

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("turns", "figures"),
    [
        (
            [
                "Hva var prognosen for samlet økning 2018 for Lyngdal i 2018-oversikten?",
                "og hva ble det faktisk stående for 2018 i tabellen fra 2020?",
            ],
            ["578 093"],
        ),
        (
            [
                "Hva var prognosen for samlet økning 2018 for Lyngdal i 2018-oversikten?",
                "og hva ble det faktisk stående for 2018 i tabellen fra 2020?",
                "og for Vennesla i samme tabell?",
            ],
            ["990 435"],
        ),
        (
            ["Hva var økningen i rammen for Mandal i 2019?", "hvor stor nedgang er det fra 2018?"],
            ["537 209"],
        ),
        (
            [
                "Hva er andelen barn under 18 år i husholdninger med sosialhjelp 6–12 mnd. i "
                "Hedmark",
                "hvordan står det i forhold til landet?",
            ],
            ["4,2 %", "3,3 %"],
        ),
    ],
)
def test_a_follow_up_sets_the_figure_against_the_one_it_names(
    turns: list[str], figures: list[str]
) -> None:
    engine = Engine(load_sources())
    for turn in turns[:-1]:
        engine.ask(turn, TODAY, chat="c")
    answer = engine.ask(turns[-1], TODAY, chat="c")
    assert answer.answered
    for figure in figures:
        assert figure in answer.text
