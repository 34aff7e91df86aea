"""A county of today named in the statistics table of the counties before 2020 ('Innlandet')
is the counties its office is also named by ('Hedmark', 'Oppland'): their counts added, while a
share of it, which the table cannot give, is still declined.

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


def added(column: str, *labels: str) -> int:
    """The counties' printed figures added, as the test's own sum."""
    rows = [r for r in KB.tables[STATISTICS].rows if r.label in labels]
    assert len(rows) == len(labels)
    return sum(int(str(r.values[column])) for r in rows)


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange KVP-deltakere hadde Innlandet?",
        "Kor mange deltakarar i kvalifiseringsprogrammet hadde Innlandet?",
        "How many KVP participants did Innlandet have?",
    ],
)
def test_a_count_of_innlandet_adds_hedmark_and_oppland(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="merged").text
    total = added("kvp_deltakere_2019", "Hedmark", "Oppland")
    assert grouped(total) in text or f"{total:,}" in text


def test_a_follow_up_on_innlandet_today_adds_its_counties() -> None:
    engine = Engine(KB)
    engine.ask(
        "Hvilket fylke hadde flest deltakere i kvalifiseringsprogrammet pr 31. august 2019?",
        TODAY,
        chat="merged",
    )
    engine.ask("og færrest?", TODAY, chat="merged")
    text = engine.ask("og hvor mange har Innlandet i dag?", TODAY, chat="merged").text
    assert grouped(added("kvp_deltakere_2019", "Hedmark", "Oppland")) in text
    assert "2019" in text


def test_a_share_of_innlandet_is_declined() -> None:
    answer = Engine(KB).ask(
        "Hva var andelen sosialhjelpsmottakere i Innlandet fylke i 2018?", TODAY, chat="merged"
    )
    assert not answer.answered


def test_a_timeline_of_the_agder_slides_is_still_the_national_row() -> None:
    text = (
        Engine(KB)
        .ask(
            "Hvor mye ble lagt inn i rammen i 2018 ifølge tidslinjen i Agder-presentasjonen "
            "fra 2020?",
            TODAY,
            chat="merged",
        )
        .text
    )
    assert "375" in text
