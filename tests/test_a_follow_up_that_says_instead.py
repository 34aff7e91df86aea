"""A follow-up that says its new value replaces the old one ('og hvis de er i år 1 i stedet?',
'… i staden?', '… instead?') is the previous figure question with that value, not a decline.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from itertools import count

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 4)
CHATS = count(1)


@cache
def engine() -> Engine:
    """Build one engine over the bundled knowledge base."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("first", "follow_up", "figure"),
    [
        (
            "Hvor mye gir kommunalt rusarbeid for 2 årsverk i år 4?",
            "og hvis de er i år 1 i stedet?",
            "1 320 000 kr",
        ),
        (
            "Hvor mye gir kommunalt rusarbeid for 2 årsverk i år 4?",
            "og i år 2 istedet?",
            "1 100 000 kr",
        ),
        (
            "Kor mykje gir kommunalt rusarbeid for 2 årsverk i år 4?",
            "og om dei er i år 1 i staden?",
            "1 320 000 kr",
        ),
        (
            "How much does the municipal substance abuse grant give for 2 FTEs in year 4?",
            "and if they are in year 1 instead?",
            "NOK 1,320,000",
        ),
    ],
)
def test_a_follow_up_saying_instead_replaces_the_value_it_names(
    first: str, follow_up: str, figure: str
) -> None:
    chat = next(CHATS)
    engine().ask(first, TODAY, chat=chat)
    assert figure in engine().ask(follow_up, TODAY, chat=chat).text
