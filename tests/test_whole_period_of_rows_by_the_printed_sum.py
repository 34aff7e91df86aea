"""Several municipalities asked 'i hele perioden 2016–2020' (the years of the printed sum,
named as well) are added by their printed sums, as one municipality's is; without a row named,
the period's words choose no table of municipalities.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def printed_sums(first: str, last: str) -> int:
    """The printed sums of the municipalities numbered from first to last, added."""
    rows = [r for r in KB.tables[AGDER].rows if r.municipality and not r.sum_of_rows]
    return sum(int(str(r.values["sum"])) for r in rows if first <= (r.municipality or "") <= last)


def years_added(first: str, last: str) -> int:
    """The same municipalities' year columns added (which differs from the printed sums)."""
    rows = [r for r in KB.tables[AGDER].rows if r.municipality and not r.sum_of_rows]
    years = ("y2016", "y2017", "y2018", "y2019", "y2020")
    return sum(
        int(str(r.values[y]))
        for r in rows
        if first <= (r.municipality or "") <= last
        for y in years
    )


@pytest.mark.parametrize(
    "question",
    [
        "Kva var den samla auken i ramma for kommunane Risør til Bykle (0901–0941) i heile "
        "perioden 2016–2020?",
        "Hvor mye økte rammen for Aust-Agder i hele perioden 2016–2020?",
        "How much did the framework increase for Aust-Agder over the whole period 2016–2020?",
    ],
)
def test_the_whole_period_of_several_rows_adds_their_printed_sums(question: str) -> None:
    assert printed_sums("0901", "0941") != years_added("0901", "0941")
    text = Engine(KB).ask(question, TODAY, chat="period").text
    figure = printed_sums("0901", "0941")
    assert grouped(figure) in text or f"{figure:,}" in text


def test_the_whole_period_without_a_row_named_takes_no_municipal_printed_sum() -> None:
    text = (
        Engine(KB)
        .ask(
            "Hva var samlet økning i rammen for alle årene 2016–2020 ifølge figuren over "
            "opptrappingsplanen (400, 300, 375, 200, 150)?",
            TODAY,
            chat="period",
        )
        .text
    )
    assert "Sum inkl. 2020 prognose" not in text
