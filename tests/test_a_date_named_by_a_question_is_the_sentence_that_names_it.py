"""A question naming a date the sources print in figures ('brevet av 18.12.2015', 'the letter
of 18 December 2015') gets the one source text that names that date, quoted with its office
and date, where it would otherwise be declined.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_the_letter_of_a_date_is_quoted_in_norwegian() -> None:
    text, answered = ask("Hva sto det i brevet som ble sendt 18. desember 2015?")
    assert answered, text
    assert "ordførere" in text, text
    assert "Statsforvalteren i Innlandet" in text, text


def test_the_letter_of_a_date_is_quoted_in_english() -> None:
    text, answered = ask("What did the letter dated 18 December 2015 concern?")
    assert answered, text
    assert "mayors" in text, text


def test_a_date_no_source_names_is_still_declined() -> None:
    _text, answered = ask("Hva sto det i brevet som ble sendt 3. mai 2016?")
    assert not answered


def test_who_sent_a_letter_named_beside_another_scheme_is_its_dated_sentence() -> None:
    text, answered = ask(
        "Når ble brevet om opptrappingsplanen og egenandelen sendt til landets ordførere?"
    )
    assert answered, text
    assert "18. desember 2015" in text, text
    assert "helseministeren" in text, text
