"""A part position counted in one of several grant-year groups ('en 50 % stilling i år 4')
is reckoned at its share, not dropped. Through the public interface."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_half_position_in_the_last_grant_year_is_added_to_the_other_groups() -> None:
    text, answered = text_and_answered(
        "Kommunen har to hele stillinger i år 2 og en 50 % stilling i år 4 i kommunalt "
        "rusarbeid. Hvor mye får vi til sammen?",
        TODAY,
    )
    assert answered
    # 2 × 550 000 + 0,5 × 330 000
    assert "1 265 000" in text
    assert "165 000" in text


def test_a_share_in_percent_words_counts_as_part_of_a_position() -> None:
    text, answered = text_and_answered(
        "Vi har ett årsverk i år 1 og en 80 prosent stilling i år 3 i kommunalt rusarbeid. "
        "Hva blir tilskuddet?",
        TODAY,
    )
    assert answered
    # 660 000 + 0,8 × 440 000
    assert "352 000" in text
    assert "1 012 000" in text


def test_a_percent_with_no_position_word_is_no_group() -> None:
    text, _answered = text_and_answered(
        "Vi har ett årsverk i år 1 og to årsverk i år 2 i kommunalt rusarbeid. Hva får vi?",
        TODAY,
    )
    assert "1 760 000" in text
