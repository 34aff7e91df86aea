"""Two places set against each other ('hvor mye skiller A og B', 'hvem fikk mest, og med hvor
mye?', 'forskjellen mellom A og B i sum'): the difference of their figures, by the printed sum
of every year when no year is named, also when the message asks two things.

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
        ("Hvor mye skiller Farsund og Flekkefjord i sum inkl. prognose?", "32 248"),
        ("Søgne og Vennesla – hvem fikk mest i 2018, og med hvor mye?", "241 579"),
        ("Forskjellen mellom Mandal og Vennesla i sum?", "459 945"),
        (
            "Mandal vs Vennesla: hvem hadde størst samlet rammeøkning, og hvor stor er "
            "differansen?",
            "459 945",
        ),
        ("Hvor mye øker prognosen for 2018 over SUM 2016+2017 for Åmli?", "115 029"),
    ],
)
def test_two_figures_set_against_each_other_give_their_difference(
    question: str, figure: str
) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.answered
    assert figure in answer.text


def test_the_sums_of_two_places_added_are_their_printed_sums_added() -> None:
    answer = engine().ask("Legg sammen sumkolonnen for Farsund og Lyngdal i rammetabellen.", TODAY)
    assert answer.answered
    assert "4 078 343" in answer.text
