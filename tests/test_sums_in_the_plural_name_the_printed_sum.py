"""'Legg sammen summene/summer inkl. 2020-prognosen for …': the plural of 'sum' with the
prognosis it includes names the printed sum column only, not the prognosis column besides.
Through the public interface; the figures are the table's."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_the_plural_sums_including_the_prognosis_are_the_printed_sums() -> None:
    text, answered = text_and_answered(
        "Legg sammen Lillesand og Risør sine summer inkl. 2020-prognosen.", TODAY
    )
    assert answered
    assert "4 248 198" in text  # 2 355 041 + 1 893 157
    assert "2020 (prognose)" not in text
