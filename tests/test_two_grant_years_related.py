"""A grant year related to another ('hvordan forholder det seg til år 1?') is a share of it.

Through the public interface (the Engine); the rates are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb, ladder, rate

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "lang", "later", "base"),
    [
        (
            "Hvor mye gis i år 4 per årsverk i kommunalt rusarbeid, og hvordan forholder det seg "
            "til år 1?",
            "nb",
            4,
            1,
        ),
        ("Hva er satsen i år 3 i forhold til år 1?", "nb", 3, 1),
        ("What is the year 4 rate, and how does it compare with year 1?", "en", 4, 1),
    ],
)
def test_a_later_grant_year_related_to_an_earlier_is_given_as_its_share_and_change(
    question: str, lang: str, later: int, base: int
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    first = answer.text.splitlines()[0]
    assert answer.answered, answer.text
    share = round(100 * rate(later) / rate(base), 1)
    percent = f"{share:g}".replace(".", "," if lang == "nb" else ".")
    assert fmt.kroner(rate(later), lang) in first and fmt.kroner(rate(base), lang) in first, first
    assert percent in first, first
    assert fmt.kroner(rate(base) - rate(later), lang) in first, first


def test_the_year_named_after_the_share_words_is_the_base_of_the_share() -> None:
    answer = Engine(kb()).ask(
        "Hvor mye får man per årsverk i det siste tilskuddsåret i kommunalt rusarbeid, og hvor "
        "stor del av år 1-satsen er det?",
        TODAY,
    )
    last = len(ladder().steps)
    first = answer.text.splitlines()[0]
    assert first.startswith(f"År {last} gir {fmt.kroner(rate(last), 'nb')}"), first
    assert f"av satsen i år 1 ({fmt.kroner(rate(1), 'nb')})" in first, first
