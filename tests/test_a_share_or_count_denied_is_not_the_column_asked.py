"""A share or count the question denies ('i antall, ikke andel') is not the column asked: the
other one of the pair is ranked."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_count_asked_with_the_share_denied_ranks_the_count() -> None:
    text, answered = text_and_answered(
        "Hvilket fylke har lavest antall barn i husholdninger med sosialhjelp 6–12 mnd., "
        "ikke andelen?",
        TODAY,
    )
    assert answered
    assert "(antall)" in text
    assert "%" not in text
