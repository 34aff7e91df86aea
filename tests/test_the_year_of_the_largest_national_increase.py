"""'Hvilket år ble økningen i rammen størst?' with no place named ranks the whole country's
years on the national timeline; a region or municipality named keeps its own table.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
NATIONAL = "opptrappingsplan-nasjonal-ramme"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def national_edge(highest: bool) -> int:
    """The national row's largest (smallest) year, as the test's own look-up."""
    values = [int(str(v)) for v in KB.tables[NATIONAL].rows[0].values.values()]
    return max(values) if highest else min(values)


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        ("Hvilket år ble økningen i rammen under opptrappingsplanen størst?", True),
        ("Kva år var auken i ramma minst?", False),
        ("In which year was the framework increase largest?", True),
    ],
)
def test_a_year_ranked_without_a_place_is_the_whole_countrys(question: str, highest: bool) -> None:
    text = Engine(KB).ask(question, TODAY, chat="year").text
    figure = national_edge(highest)
    assert grouped(figure) in text or f"{figure:,}" in text


def test_a_year_ranked_for_a_region_is_not_the_whole_countrys() -> None:
    text = (
        Engine(KB)
        .ask("Hvilket år var økningen i rammen størst i Aust-Agder?", TODAY, chat="year")
        .text
    )
    assert grouped(national_edge(True)) not in text
