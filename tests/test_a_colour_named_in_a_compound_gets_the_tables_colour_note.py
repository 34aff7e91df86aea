"""'Hva betyr rødfargen i sosialtjenestetabellen?': a short colour word compounded with
'farge' ('rødfargen', 'grønnfargen') is a known word when the sources use its parts together
(«Farger: … rød og grønn …»), and a colour named in a compound asks for the table's colour
note as 'fargene' does.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)


def ask(question: str) -> tuple[str, bool]:
    """Ask a fresh engine; return the answer's text and whether it answered."""
    answer = Engine(kb()).ask(question, TODAY)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "Hva betyr rødfargen i sosialtjenestetabellen?",
        "Hva betyr grønnfargen i sosialtjenestetabellen?",
        "Hva står rødfargen for i tabellen over sosialtjenestetall?",
    ],
)
def test_a_compound_colour_is_answered_with_the_colour_note(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "Høyeste og laveste verdi" in text, text
