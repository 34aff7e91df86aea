"""A start year said as the first year of the scheme by a compound ('sitt første
rusarbeid-år i 2020', 'its first KRA-year in 2020') places the positions on the ladder, so a
calendar year or a span of calendar years gets its figures. Through the public interface."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_calendar_year_after_a_first_year_said_by_a_compound() -> None:
    text, answered = text_and_answered(
        "To årsverk hadde sitt første rusarbeid-år i 2020. Hva får vi for dem i 2022?",
        TODAY,
    )
    assert answered
    assert "2022 tilskuddsår 3: 880 000 kr" in text  # 2 × 440 000
    assert "2020–2022" not in text  # 2020 is the start year, not a year asked for


def test_a_span_of_calendar_years_after_a_first_year_said_by_a_compound() -> None:
    text, answered = text_and_answered(
        "Our FTE had its first KRA-year in 2020. What does it get in total for 2021 and 2022?",
        TODAY,
    )
    assert answered
    assert "990,000" in text  # 550 000 + 440 000
