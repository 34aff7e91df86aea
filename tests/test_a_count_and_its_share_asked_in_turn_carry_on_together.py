"""A count and the share printed beside it, asked one after the other, stay the subject of
the chat: the next place gets both, a sum adds only the counts, a ranking ranks the unit
asked, and the country's row named after a ranking is looked up, not ranked."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def chat(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(kb())
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="pair").text
    return text


COUNT_THEN_SHARE = (
    "Hvor mange 18–24-åringer i Rogaland fikk sosialhjelp minst én gang i 2018?",
    "Og hvor stor andel av befolkningen 18–24 år utgjør det?",
)


def test_the_next_place_after_a_count_and_its_share_gets_both_figures() -> None:
    text = chat(*COUNT_THEN_SHARE, "Hva med Nordland?")
    assert "1 470" in text
    assert "6,7 %" in text


def test_a_sum_after_a_count_and_its_share_adds_the_counts_only() -> None:
    text = chat(
        *COUNT_THEN_SHARE,
        "Hva med Nordland?",
        "Hvor mange blir det i Rogaland og Nordland til sammen?",
    )
    assert "4 132" in text
    assert "%" not in text.split("Til sammen", 1)[1].splitlines()[0]


def test_a_ranking_after_a_count_and_its_share_ranks_the_unit_asked() -> None:
    text = chat(*COUNT_THEN_SHARE, "Hva med Nordland?", "Hvilket fylke har lavest andel?")
    assert "Akershus: 3,7 %" in text


def test_the_country_named_after_two_rankings_gives_its_count_and_share() -> None:
    text = chat(
        "Hvilket fylke hadde færrest deltakere i KVP per 31.8.2019?",
        "Og lavest andel basert på rammefinansiering?",
        "Hva er tallet for hele landet?",
    )
    assert "6 266" in text
    assert "68 %" in text
    assert "Lavest" not in text


def test_the_share_asked_of_one_place_after_a_sum_of_counts_is_the_share_beside_the_count() -> None:
    text = chat(
        "Hvor mange barn bodde i husholdninger med sosialhjelp 6–12 måneder i Aust-Agder i 2018?",
        "og Vest-Agder?",
        "til sammen?",
        "og andelen i Vest-Agder?",
    )
    assert "2,8 %" in text  # Vest-Agder's share under 18 printed beside its count
    assert "1 170" not in text
