"""Questions put to the engine over the bundled knowledge base, as the behaviour tests ask them."""

from __future__ import annotations

import datetime as dt
from functools import cache

from bot.engine import Engine
from tests.rules import kb


@cache
def engine() -> Engine:
    """Build one engine over the bundled knowledge base."""
    return Engine(kb())


def text_and_answered(question: str, today: dt.date) -> tuple[str, bool]:
    """Ask a fresh engine; return the answer's text and whether it answered."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered
