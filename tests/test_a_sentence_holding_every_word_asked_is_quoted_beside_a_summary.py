"""Beside a scheme's summary card, the source sentence that holds every content word of the
question (leaving out the grant words that point at the scheme, 'NAV-ordninga') is quoted,
though its length lowers its look-up score.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_what_the_nav_scheme_wanted_more_knowledge_of_is_quoted() -> None:
    text, answered = ask("Kva ville NAV-ordninga få meir kunnskap om i 2020?")
    assert answered, text
    assert "prosessevaluering" in text, text
    assert "Kilden sier" in text, text
