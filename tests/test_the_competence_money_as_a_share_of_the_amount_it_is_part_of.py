"""The competence money asked as a share ('hvor mange prosent av …') is given as a share of
the amount that includes it: of the year-1 amount of the ladder, or of the NAV grant's yearly
cap. Through the public interface; the figures are the sources' (10 000 of 660 000, 10 000 of
610 000 + 10 000)."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_the_ladders_competence_money_in_percent_of_year_one() -> None:
    text, answered = text_and_answered(
        "Hvor mange prosent av tilskuddet i første år i kommunalt rusarbeid er kompetansemidler?",
        TODAY,
    )
    assert answered
    assert "1,5 %" in text


def test_the_ladders_competence_money_as_a_share_in_english() -> None:
    text, answered = text_and_answered(
        "What share of the year 1 amount for municipal substance abuse work is competence money?",
        TODAY,
    )
    assert answered
    assert "1.5%" in text


def test_the_caps_competence_money_in_percent_of_the_yearly_cap() -> None:
    text, answered = text_and_answered(
        "Hvor stor andel av det NAV-tilskuddet maksimalt gir for én stilling er "
        "kompetansemidlene, i prosent?",
        TODAY,
    )
    assert answered
    assert "1,6 %" in text
