"""'Nationwide', 'countrywide' and 'landsdekkende' name the whole country's row of the
statistics table, as 'hele landet' does."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_count_asked_nationwide_is_the_countrys_row() -> None:
    text, answered = text_and_answered(
        "How many households stayed in temporary accommodation in 2018 nationwide?", TODAY
    )
    assert answered
    assert "4,282" in text


def test_a_count_asked_countrywide_is_the_countrys_row() -> None:
    text, answered = text_and_answered(
        "How many children lived in households with social assistance for 6-12 months in 2018 "
        "countrywide?",
        TODAY,
    )
    assert answered
    assert "37,275" in text
