"""A county typed without its hyphen or its 'og' ('austagder', 'sogn fjordane'), and a
shortened word ('midl.'), still name the statistics row and column."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_county_run_together_is_the_county() -> None:
    text, answered = text_and_answered("antall kvp-deltakere austagder", TODAY)
    assert answered
    assert "104" in text  # Aust-Agder, KVP pr. 31.8.2019


def test_a_county_without_og_and_a_shortened_word_are_understood() -> None:
    text, answered = text_and_answered("midl botilbud sogn fjordane antall", TODAY)
    assert answered
    assert "21" in text  # Sogn og Fjordane, midlertidig botilbud 2018
