"""The year a set of rules came from ('2022-reglene', 'varslet i 2022') is no calendar year
asked about when the positions' start is given, and 'et nytt årsverk fra 2021' starts then;
so the wind-down against the old ladder runs over the whole period from the start.

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
            "Hvor mye taper vi på nedtrappingen i 2022-reglene, sammenlignet med gammel stige, "
            "for én stilling i kommunalt rusarbeid som startet i 2021?",
            ["1 870 000 kr", "1 980 000 kr", "110 000 kr"],
        ),
        (
            "Én stilling i kommunalt rusarbeid startet i 2021. Hvor mye mindre får vi etter "
            "reglene fra 2022 enn etter den gamle stigen?",
            ["1 870 000 kr", "110 000 kr"],
        ),
        (
            "Vi fikk tilskudd til kommunalt rusarbeid for et nytt årsverk fra 2021. Hva blir "
            "samlet tilskudd 2021–2024 med nedtrappingen som ble varslet i 2022, og hvor mye "
            "mindre er det enn om de gamle fireårsreglene hadde gjeldt hele veien?",
            ["1 870 000 kr", "1 980 000 kr", "110 000 kr"],
        ),
        (
            "Ein stilling i kommunalt rusarbeid starta i 2021. Kor mykje taper vi på "
            "nedtrappinga som vart varsla i 2022, samanlikna med den gamle stigen?",
            ["1 870 000 kr", "110 000 kr"],
        ),
        (
            "One position in kommunalt rusarbeid started in 2021. How much less do we get "
            "under the 2022 rules than under the old ladder?",
            ["NOK 1,870,000", "NOK 110,000"],
        ),
    ],
)
def test_the_wind_down_against_the_old_ladder_runs_from_the_start_over_the_period(
    question: str, figures: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    for figure in figures:
        assert figure in answer.text


def test_a_year_asked_about_after_a_start_is_still_that_year() -> None:
    answer = engine().ask(
        "Én stilling i kommunalt rusarbeid startet i 2021. Hva taper vi i 2023 på "
        "nedtrappingen sammenlignet med den gamle stigen?",
        TODAY,
    )
    assert "110 000 kr" in answer.text
    assert "1 870 000" not in answer.text
