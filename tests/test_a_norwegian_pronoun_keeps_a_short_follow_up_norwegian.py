"""A short follow-up whose only other words are shared with English ('sum for de to?') is
Norwegian by its pronoun ('de', 'dem'): it is answered in bokmål, figures with spaces.

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


@pytest.mark.parametrize("follow_up", ["sum for de to?", "summen for de to?", "sum for dem to?"])
def test_a_sum_follow_up_with_a_norwegian_pronoun_is_answered_in_bokmal(follow_up: str) -> None:
    chat = next(CHATS)
    engine().ask(
        "Hvor mange personer i Telemark hadde sosialhjelp 6–12 mnd som hovedinntekt?",
        TODAY,
        chat=chat,
    )
    engine().ask("og Vestfold?", TODAY, chat=chat)
    answer = engine().ask(follow_up, TODAY, chat=chat)
    assert "3 523" in answer.text
    assert answer.lang == "nb"
