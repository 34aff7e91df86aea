"""A thing listed under language: concepts in words.yaml is one look-up term for all its words:
a question's 'systemer' meets the source's 'samme elektroniske løsning'.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_one_system_for_application_and_report_is_the_same_solution() -> None:
    text, answered = ask("Sendes søknad og rapport om kommunalt rusarbeid i ulike systemer?")
    assert answered, text
    assert "Kilden sier" in text, text
    assert "samme elektroniske løsning" in text, text
