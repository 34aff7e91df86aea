"""A question that quotes three or more of the national timeline's figures ('ifølge figuren
(400, 300, 375, 200, 150)') names that table, whatever it calls the graphic.

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


def total() -> int:
    return sum(int(str(v)) for v in KB.tables[NATIONAL].rows[0].values.values())


@pytest.mark.parametrize(
    "question",
    [
        "Hva var samlet økning i rammen for alle årene 2016–2020 ifølge figuren over "
        "opptrappingsplanen (400, 300, 375, 200, 150)?",
        "Kva var den samla auken i ramma 2016–2020 etter grafikken (400, 300, 375, 200 og 150)?",
        "What was the combined increase in the framework 2016–2020 according to the graphic "
        "(400, 300, 375, 200, 150)?",
    ],
)
def test_the_quoted_figures_name_the_national_timeline(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="quoted").text
    assert grouped(total()) in text or f"{total():,}" in text
