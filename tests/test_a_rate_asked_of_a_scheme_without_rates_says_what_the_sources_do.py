"""A rate or amount asked of a scheme the sources give no rates for is declined, naming the
schemes with rates, and says what the sources do say of it (who may apply, its deadlines);
also when the scheme is named by everyday words of its names ('kompensasjon … fastleger').

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_the_gps_compensation_amount_is_declined_with_its_rolling_deadline() -> None:
    text, answered = ask(
        "Kor mykje kompensasjon kan fastlegane få når dei er borte på grunn av korona?"
    )
    assert not answered, text
    assert "Løpende" in text, text
    assert "Kommuner" in text, text


def test_a_project_discretion_rate_is_declined_with_its_deadline() -> None:
    text, answered = ask("Hva er satsen per tiltak i prosjektskjønnsmidlene?")
    assert not answered, text
    assert "1. november 2022" in text, text


def test_a_gp_co_payment_is_no_question_about_the_scheme() -> None:
    text, answered = ask("Hvor mye er egenandelen hos fastlegen?")
    assert not answered, text
    assert "Løpende" not in text, text
