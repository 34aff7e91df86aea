"""A phrase the question quotes in «» that one source text prints ('«Den gylne regel»') is
answered with that text, quoted with its office and date, however low its look-up score.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_the_golden_rule_quoted_is_the_sentence_that_prints_it() -> None:
    text, answered = ask("Hva menes med «den gylne regel» i sakene om helse?")
    assert answered, text
    assert "somatikk" in text, text
    assert "Fylkesmannen i Agder" in text, text


def test_a_quoted_phrase_no_source_prints_is_not_answered_with_a_quote() -> None:
    text, answered = ask("Hva menes med «den sølvblanke regel» i rusarbeidet?")
    assert not answered, text
