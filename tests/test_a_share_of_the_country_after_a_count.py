"""'Og hvor stor andel av landet er det?' after one place's count is that count over the whole
country's in the same column, also as the second question of one message.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATISTICS = "nav-sosialtjenestetall"
KVP = "kvp_deltakere_2019"


def figure(key: str) -> int:
    return int(str(next(r for r in KB.tables[STATISTICS].rows if r.key == key).values[KVP]))


def per_cent(key: str) -> str:
    """A county's share of the country's count, in whole per cent, as the test's own sum."""
    share = Fraction(figure(key), figure("landet")) * 100
    return str(round(share))


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange deltakere i kvalifiseringsprogrammet hadde Oslo per 31. august 2019, og "
        "hvor stor andel av landet er det?",
        "Kor mange deltakarar i KVP hadde Oslo, og kor stor del av landet er det?",
    ],
)
def test_a_message_with_a_count_and_its_share_of_the_country_gets_both(question: str) -> None:
    text = Engine(KB).ask(question, TODAY, chat="share").text
    assert f"{figure('03'):,}".replace(",", " ") in text
    assert f"{per_cent('03')} %" in text


@pytest.mark.parametrize(
    "follow_up",
    [
        "Og hvor stor andel av alle KVP-deltakerne i landet utgjør det?",
        "og kor stor del av landet er det?",
    ],
)
def test_a_follow_up_asks_the_share_of_the_country(follow_up: str) -> None:
    engine = Engine(KB)
    engine.ask("Hvor mange KVP-deltakere hadde Rogaland?", TODAY, chat="share")
    text = engine.ask(follow_up, TODAY, chat="share").text
    assert f"{per_cent('11')} %" in text


def test_the_share_of_the_country_of_a_place_named_after_two_places_counts() -> None:
    engine = Engine(KB)
    questions = (
        "Hvor mange KVP-deltakere hadde Oslo per 31. august 2019?",
        "og Rogaland?",
        "hvor stor andel av hele landet utgjør Oslo?",
    )
    text = [engine.ask(q, TODAY, chat="named").text for q in questions][-1]
    assert f"rundt {per_cent('03')} %" in text
    assert "1 654 av 6 266" in text
