"""'Hva betyr rødfargen i sosialtjenestetabellen?': a short colour word compounded with
'farge' ('rødfargen', 'grønnfargen') is a known word when the sources use its parts together
(«Farger: … rød og grønn …»), and a colour named in a compound asks for the table's colour
note as 'fargene' does.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 1)


ask = partial(text_and_answered, today=TODAY)


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
