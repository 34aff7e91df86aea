"""Which year or date a statistics column counts, asked without a county, is answered from the
column's heading and definition, not with 'which county?'; a year the column does not count,
asked for Agder, is declined with the year it has."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_the_date_of_the_kvp_column_is_its_heading_date() -> None:
    text, answered = text_and_answered("Fra hvilken dato er tallet på KVP-deltakere?", TODAY)
    assert answered
    assert "31. august 2019" in text
    assert "Hvilket fylke" not in text


def test_the_year_of_the_children_column_is_2018() -> None:
    text, answered = text_and_answered(
        "Hvilket år er tallene for barn i husholdninger med sosialhjelp fra?", TODAY
    )
    assert answered
    assert "2018" in text
    assert "Hvilket fylke" not in text


def test_agder_asked_for_a_year_the_column_lacks_is_declined_with_its_year() -> None:
    text, answered = text_and_answered(
        "Hvor mange husholdninger i Agder var i midlertidig botilbud i 2021?", TODAY
    )
    assert not answered
    assert "2018" in text
    assert "Hvilket fylke" not in text
