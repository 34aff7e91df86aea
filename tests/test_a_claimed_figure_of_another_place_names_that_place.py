"""A claim that gives one place another place's figure ('Stemmer det at Troms hadde 57
husholdninger …?') is denied with the place's own figure, and the place whose figure it is
is named."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_claimed_count_that_is_another_countys_names_that_county() -> None:
    text, answered = text_and_answered(
        "Stemmer det at Troms hadde 57 husholdninger i midlertidig botilbud i 2018?", TODAY
    )
    assert answered
    assert "Nei" in text
    assert "154" in text
    assert "57 er tallet for Finnmark" in text


def test_a_claimed_figure_that_no_other_row_has_names_no_row() -> None:
    text, _answered = text_and_answered(
        "Stemmer det at Troms hadde 58 husholdninger i midlertidig botilbud i 2018?", TODAY
    )
    assert "Nei" in text
    assert "er tallet for" not in text
