"""'How many X …?' of a named scheme, declined by the topic cards, gets the one fact of that
scheme (and year) that gives a number of X and shares another word of the question ('136
municipalities are not covered by the scheme'), quoted with its office and date.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_the_count_of_municipalities_outside_the_scheme_is_given_in_english() -> None:
    text, answered = ask(
        "In 2018, how many municipalities did the substance abuse scheme not cover?"
    )
    assert answered, text
    assert "136" in text, text
    assert "Agder" in text, text


def test_a_count_the_scheme_gives_no_number_of_is_still_declined() -> None:
    text, answered = ask("How many municipalities received the substance abuse grant in 2021?")
    assert not answered, text
    assert "136" not in text, text
