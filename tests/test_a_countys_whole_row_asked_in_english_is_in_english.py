"""A county's whole row of the statistics, asked in English, is shown wholly in English, each
share as the table prints it ('5.0 %', not '5 %')."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_countys_row_asked_in_english_has_english_headings_and_printed_shares() -> None:
    text, answered = text_and_answered("What are the social services figures for Troms?", TODAY)
    assert answered
    assert "Share of the population aged 18-24: 5.0 %" in text
    assert "Andel av befolkningen" not in text
    assert "målekort" not in text
