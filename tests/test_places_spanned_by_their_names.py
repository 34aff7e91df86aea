"""A span of municipalities named by the places at its ends ('Risør til Bykle', 'fra Risør
til Bykle', 'Risør–Bykle') is every municipality whose number lies between theirs, as a span of
numbers ('0901–0941') is; the two places alone are not the rows asked.

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


def spanned(first: str, last: str, columns: tuple[str, ...]) -> int:
    """The columns of every municipality numbered from first to last, as the test's own sum."""
    rows = [r for r in KB.tables[AGDER].rows if r.municipality and not r.sum_of_rows]
    return sum(
        int(str(r.values[c]))
        for r in rows
        if first <= (r.municipality or "") <= last
        for c in columns
    )


@pytest.mark.parametrize(
    ("question", "first", "last", "columns"),
    [
        ("Hva fikk kommunene Risør–Bykle til sammen i 2018?", "0901", "0941", ("y2018",)),
        (
            "Hvor mye økte rammen samlet for kommunene fra Risør til Bykle i 2016 og 2017?",
            "0901",
            "0941",
            ("y2016", "y2017"),
        ),
        ("Kor mykje fekk kommunane Grimstad til Åmli samla i 2019?", "0904", "0929", ("y2019",)),
        (
            "How much did the municipalities from Kristiansand to Sirdal get in total in 2016?",
            "1001",
            "1046",
            ("y2016",),
        ),
    ],
)
def test_the_places_at_a_spans_ends_name_every_place_between_them(
    question: str, first: str, last: str, columns: tuple[str, ...]
) -> None:
    text = Engine(KB).ask(question, TODAY, chat="spans").text
    figure = spanned(first, last, columns)
    assert grouped(figure) in text or f"{figure:,}" in text


def test_two_places_added_without_a_span_are_only_those_two() -> None:
    text = Engine(KB).ask("Hva fikk Risør og Bykle til sammen i 2018?", TODAY, chat="spans").text
    both = spanned("0901", "0901", ("y2018",)) + spanned("0941", "0941", ("y2018",))
    assert grouped(both) in text
