"""'Rekker vi det?' asked after this year's deadline says it has passed, not only the next one."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

FEB_20_2021 = dt.date(2021, 2, 20)


@pytest.mark.parametrize(
    "question",
    [
        "Rekker vi å søke om tilskudd til kommunalt rusarbeid i år?",
        "Kan vi fortsatt sende inn søknaden om kommunalt rusarbeid?",
        "Kan vi enda sende søknad om rustilskuddet?",
    ],
)
def test_asking_whether_there_is_still_time_after_the_deadline_says_it_has_passed(
    question: str,
) -> None:
    text, answered = text_and_answered(question, FEB_20_2021)
    assert answered
    assert "10. februar 2021" in text
    assert "passert" in text


def test_asking_before_the_deadline_counts_the_days_and_says_nothing_passed() -> None:
    text, answered = text_and_answered(
        "Rekker vi å søke om tilskudd til kommunalt rusarbeid i år?", dt.date(2021, 1, 20)
    )
    assert answered
    assert "21 dager" in text
    assert "passert" not in text


def test_an_english_question_after_the_deadline_says_so_in_english() -> None:
    text, _ = text_and_answered(
        "Can we still send the application for the municipal substance abuse grant?",
        FEB_20_2021,
    )
    assert "10 February 2021" in text
    assert "passed" in text
