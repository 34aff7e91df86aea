"""An amount to share out divided by a grant year's rate: how many (whole) positions it pays
for ('hvor mange helt nye årsverk ville 32 millioner holdt til?').

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 12, 4)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def rate(grant_year: int) -> int:
    """Return the rusarbeid ladder's rate of a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


@pytest.mark.parametrize(
    ("question", "amount", "grant_year", "lang"),
    [
        (
            "Med ca. 32 millioner til fordeling i Innlandet i 2021, hvor mange helt nye årsverk "
            "(år 1-sats) ville det i teorien holdt til i kommunalt rusarbeid?",
            32_000_000,
            1,
            "nb",
        ),
        (
            "Vi har 3 millionar kroner. Kor mange heile årsverk i år 2 i kommunalt rusarbeid "
            "rekk det til?",
            3_000_000,
            2,
            "nb",
        ),
        (
            "We have NOK 5 million to share out. How many whole new FTEs at the year 1 rate of "
            "kommunalt rusarbeid would that be enough for?",
            5_000_000,
            1,
            "en",
        ),
    ],
)
def test_an_amount_to_share_out_is_told_the_whole_positions_it_pays_for(
    question: str, amount: int, grant_year: int, lang: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    whole = amount // rate(grant_year)
    assert answer.answered
    assert fmt.kroner(whole * rate(grant_year), "en" if lang == "en" else "nb") in answer.text
    assert (f"{whole} hele årsverk" if lang == "nb" else f"{whole} whole FTE") in answer.text


def test_an_amount_received_for_positions_keeps_the_plain_count() -> None:
    answer = Engine(kb()).ask(
        "Vi fikk 1 000 000 kr i år 1 i kommunalt rusarbeid. Hvor mange årsverk er det?", TODAY
    )
    assert "hele årsverk" not in answer.text
