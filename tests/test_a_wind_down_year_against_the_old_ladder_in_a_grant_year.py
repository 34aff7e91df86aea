"""A wind-down year's rules set against the old ladder in a named grant year ('hva ville år 3
gitt etter den gamle stigen, og hva gir 2024-reglene?') gives both figures and their
difference, for positions the wind-down continues. Through the public interface; the figures
are the sources' (the old ladder, 330 000 per position in 2023–2024)."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_grant_year_by_the_old_ladder_against_a_wind_down_year() -> None:
    text, answered = text_and_answered(
        "For to årsverk i år 3 i kommunalt rusarbeid: hva ville de fått etter den gamle "
        "stigen, sammenlignet med reglene for 2024?",
        TODAY,
    )
    assert answered
    assert "880 000" in text  # 2 × 440 000 by the old ladder
    assert "660 000" in text  # 2 × 330 000 in 2024
    assert "220 000" in text


def test_how_much_less_a_wind_down_year_gives_than_the_old_first_year() -> None:
    text, answered = text_and_answered(
        "How much less does one position get in 2023 than in year 1 under the old ladder "
        "for municipal substance abuse work?",
        TODAY,
    )
    assert answered
    assert "330,000" in text  # 660 000 − 330 000
    assert "less" in text
