"""The statistics table has the counties from before 2020; 'Agder' named as a word of its own
is Aust-Agder and Vest-Agder, added where counts are asked and side by side for shares."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_count_for_agder_adds_aust_and_vest_agder() -> None:
    text, answered = text_and_answered(
        "Hvor mange 18–24-åringer i Agder mottok sosialhjelp i 2018?", TODAY
    )
    assert answered
    assert "1 926" in text  # 787 + 1 139
    assert "Aust-Agder" in text and "Vest-Agder" in text


def test_a_share_for_agder_lists_both_counties_without_adding_them() -> None:
    text, answered = text_and_answered(
        "Andel av befolkningen under 18 år i husholdninger med sosialhjelp i Agder?", TODAY
    )
    assert answered
    assert "3,0 %" in text and "2,8 %" in text
    assert "Til sammen" not in text
