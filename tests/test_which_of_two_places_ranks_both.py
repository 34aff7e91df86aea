"""'Hadde Telemark eller Aust-Agder flest …?' ranks the two places and shows both figures in
order; a place against the whole country ('og var det høyest i landet?') still shows the place
alone.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATISTICS = "nav-sosialtjenestetall"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def figure(label: str, column: str) -> int:
    values = next(r for r in KB.tables[STATISTICS].rows if r.label == label).values
    return int(str(values[column]))


@pytest.mark.parametrize(
    "question",
    [
        "Hadde Telemark eller Aust-Agder flest husholdninger innom midlertidig botilbud i 2018?",
        "Hvem hadde flest husholdninger i midlertidig botilbud i 2018, Telemark eller Aust-Agder?",
        "Hadde Telemark eller Aust-Agder flest hushald i mellombels butilbod i 2018?",
    ],
)
def test_both_places_are_shown_in_order(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="two").text
    column = "midlertidig_botilbud_2018"
    first, second = grouped(figure("Aust-Agder", column)), grouped(figure("Telemark", column))
    assert first in text and second in text
    assert text.index("Aust-Agder") < text.index("Telemark")


def test_a_place_against_the_whole_country_shows_the_place_alone() -> None:
    text = (
        Engine(KB)
        .ask(
            "Hvor høy var andelen KVP-deltakere basert på rammefinansiering i Vest-Agder, og "
            "var det høyest i landet?",
            TODAY,
            chat="two",
        )
        .text
    )
    assert "Landet" not in text
