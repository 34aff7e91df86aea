"""The statistics table's row for the whole country is no county: a ranking 'i hele landet'
ranks the counties, and a question for the country's figure and the county at one end gets
both."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_ranking_in_the_whole_country_ranks_the_counties() -> None:
    text, answered = text_and_answered(
        "Hvilket fylke hadde lavest antall KVP-deltakere i hele landet?", TODAY
    )
    assert answered
    assert "Sogn og Fjordane: 35" in text
    assert "Landet" not in text


def test_the_countrys_figure_and_the_county_at_the_top_are_both_answered() -> None:
    text, answered = text_and_answered(
        "Hvor mange 18–24-åringer fikk sosialhjelp i 2018 i landet totalt, og i hvilket fylke "
        "var tallet høyest?",
        TODAY,
    )
    assert answered
    assert "26 391" in text
    assert "Hordaland: 2 774" in text
    assert "1. Landet" not in text
