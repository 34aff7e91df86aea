"""A source document asked of in English by its title's head noun gets its office and date."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered


@pytest.mark.parametrize(
    "question",
    [
        "When was the workshop held?",
        "Who held the workshop?",
        "When was the application workshop?",
    ],
)
def test_the_workshop_asked_of_in_english_is_the_innlandet_slides_of_january_2021(
    question: str,
) -> None:
    text, answered = text_and_answered(question, dt.date(2026, 12, 7))
    assert answered
    assert "7 January 2021" in text
    assert "Innlandet" in text


def test_a_nynorsk_question_whether_a_scheme_goes_on_is_still_about_its_status() -> None:
    text, answered = text_and_answered(
        "Held tilskotet til kommunalt rusarbeid fram etter 2022?", dt.date(2026, 12, 7)
    )
    assert answered
    assert "avvikles" in text


def test_a_mailbox_asked_for_by_its_english_name_is_that_mailbox_only() -> None:
    text, answered = text_and_answered(
        "Which e-mail address do we use for technical support?", dt.date(2026, 12, 7)
    )
    assert answered
    assert "hjelp@statsforvalteren.no" in text
    assert "fmavbvg@fylkesmannen.no" not in text
