"""A pattern guarded by the words every match of it holds finds what the pattern finds.

The claims a question makes (a percentage change of the grant, a percentage own share, a limit
on positions per municipality, the unit of a cost) are read by patterns that run only on a
text holding their words ('%', 'prosent', 'kommune', 'koster'); a question without them is
spared the pattern. Through ``guarded_pattern`` and the Engine.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.text import fold, guarded_pattern
from bot.understanding import patterns
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)
DATA = Path(__file__).parent / "data"
GUARDED = ("GRANT_PERCENT", "OWN_SHARE_PERCENT", "POSITION_LIMIT", "COST_OF_ONE")


@cache
def engine() -> Engine:
    """Build the engine once."""
    return Engine(load_sources())


@cache
def corpus_texts() -> list[str]:
    """Every question of the corpus and the batches, folded as the understanding reads it."""
    found = re.findall(r"\bq: (.+)", (DATA / "questions.yaml").read_text(encoding="utf-8"))
    for batch in sorted((DATA / "batches").glob("*.yaml")):
        found += re.findall(r"\bq: (.+)", batch.read_text(encoding="utf-8"))
    return [fold(text.strip("'\"")) for text in found]


OWN_WORDINGS = [
    "far distriktskommuner 20 % paslag pa tilskuddet?",
    "is there a 10 per cent uplift on the grant?",
    "blir tilskuddet redusert med 5 prosent?",
    "stemmer det at egenandelen er minst 25 prosent?",
    "er det et tak pa 3 arsverk per kommune?",
    "a limit of two positions per municipality",
    "et arsverk koster 700 000 kr",
    "one position costs 650,000",
    "hva far vi i ar 3?",
]


@pytest.mark.parametrize("name", GUARDED)
def test_a_guarded_pattern_finds_what_its_pattern_finds_in_every_question(name: str) -> None:
    guarded = getattr(patterns, name)
    plain = re.compile(guarded.pattern)
    for text in [*corpus_texts(), *OWN_WORDINGS]:
        found, expected = guarded.search(text), plain.search(text)
        assert (found and found.span()) == (expected and expected.span()), text
        assert guarded.sub(" ", text) == plain.sub(" ", text), text
        assert [m.span() for m in guarded.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_a_guarded_pattern_needs_the_words_every_match_holds() -> None:
    with pytest.raises(ValueError):
        guarded_pattern(r"\d+ %")
    percent = guarded_pattern(r"(\d+) ?(?:%|prosent)", "%", "prosent")
    assert percent.search("20 prosent").group(1) == "20"  # type: ignore[union-attr]
    assert percent.search("20 kroner") is None
    assert percent.findall("5 % og 7 prosent") == ["5", "7"]
    assert percent.sub("X", "uten tall") == "uten tall"
    assert percent.groups == 1


@pytest.mark.parametrize(
    ("question", "slot", "value"),
    [
        ("Får distriktskommuner 20 % påslag på tilskuddet til kommunalt rusarbeid?",
         "claimed_percent", "20"),
        ("Is there a 10 percent uplift on the grant for rural municipalities?",
         "claimed_percent", "10"),
        ("Stemmer det at tilskuddet økes med 5 prosent hvert år?", "claimed_percent", "5"),
        ("Er det et tak på 3 årsverk per kommune i kommunalt rusarbeid?", "claimed_limit", "3"),
        ("Kan vi ha maks to stillinger per kommune i kommunalt rusarbeid?",
         "claimed_limit", "to"),
    ],
)  # fmt: skip
def test_a_claim_in_a_question_is_still_read_through_its_guarded_pattern(
    question: str, slot: str, value: str
) -> None:
    assert engine().ask(question, TODAY).slots.get(slot) == value


@pytest.mark.parametrize(
    "question",
    [
        "Ett årsverk koster 700 000 kr, hva er egenandelen i år 2?",
        "Hvis en stilling koster 650 000 kr, hva betaler vi selv i år 3?",
        "One position costs NOK 700,000. What is our own share in year 2?",
    ],
)
def test_the_unit_of_a_cost_is_one_position_and_no_count(question: str) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.slots.get("positions") == 1
    assert "positions" in answer.slots and answer.intent == "own_share"
