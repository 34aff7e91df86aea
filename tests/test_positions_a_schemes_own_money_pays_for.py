"""A scheme's own money in a year (national or an office's) over a grant year's rate: 'hvis
hele Innlandet-potten i 2021 gikk til nye årsverk i år 1, hvor mange hele årsverk?'.

Through the public interface (the Engine); the money and the rates are read from the
knowledge base.
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

TODAY = dt.date(2026, 12, 1)
KRA = "kommunalt-rusarbeid"


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def money(year: int, office: str | None) -> int:
    """Return the scheme's national or an office's money in a year."""
    found = [
        a.amount
        for a in kb().schemes[KRA].appropriations
        if a.year == year
        and (
            a.scope == "nasjonal"
            if office is None
            else a.scope == "fylke" and kb().provenance(a).office_id == office
        )
    ]
    assert len(found) == 1
    return found[0]


def rate(grant_year: int) -> int:
    """Return the ladder's rate of a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


@pytest.mark.parametrize(
    ("question", "office", "lang"),
    [
        (
            "Hvis hele den antatte Innlandet-potten for kommunalt rusarbeid i 2021 gikk til nye "
            "årsverk i år 1, hvor mange hele årsverk ville det dekket?",
            "innlandet",
            "nb",
        ),
        (
            "Om heile potten til Innlandet for kommunalt rusarbeid i 2021 gjekk til nye årsverk "
            "i år 1, kor mange heile årsverk ville det dekt?",
            "innlandet",
            "nb",
        ),
        (
            "If the whole national appropriation for kommunalt rusarbeid in 2021 went to new "
            "FTEs in year 1, how many whole FTEs would it cover?",
            None,
            "en",
        ),
    ],
)
def test_a_schemes_money_in_a_year_is_divided_by_the_rate_into_whole_positions(
    question: str, office: str | None, lang: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    whole = money(2021, office) // rate(1)
    shown = "en" if lang == "en" else "nb"
    assert answer.answered
    assert fmt.kroner(money(2021, office), shown) in answer.text
    assert fmt.kroner(whole * rate(1), shown) in answer.text


def test_an_appropriation_asked_without_positions_is_only_the_appropriation() -> None:
    answer = Engine(kb()).ask(
        "Hvor mye hadde Innlandet til fordeling i kommunalt rusarbeid i 2021?", TODAY
    )
    assert "hele årsverk" not in answer.text
