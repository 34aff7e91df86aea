"""Several steps of the ladder asked at once ('fra år 2 til år 3 og fra år 3 til år 4') are
each answered, and in per cent of the year before when asked in per cent. Through the public
interface; the figures follow from the ladder 660 000 / 550 000 / 440 000 / 330 000."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_two_listed_steps_in_percent_give_each_steps_share() -> None:
    text, answered = text_and_answered(
        "Med hvor mange prosent reduseres kommunalt rusarbeid-tilskuddet fra år 2 til år 3 "
        "og fra år 3 til år 4?",
        TODAY,
    )
    assert answered
    assert "20 %" in text  # 110 000 of 550 000
    assert "25 %" in text  # 110 000 of 440 000


def test_the_yearly_step_asked_in_percent_gives_each_steps_share() -> None:
    text, answered = text_and_answered(
        "How many per cent does the municipal substance abuse grant per FTE drop each year?",
        TODAY,
    )
    assert answered
    assert "16.7%" in text
    assert "25%" in text


def test_listed_steps_in_kroner_name_every_step() -> None:
    text, answered = text_and_answered(
        "Hvor mye faller tilskuddet til kommunalt rusarbeid fra år 1 til år 2 og fra år 2 til "
        "år 3?",
        TODAY,
    )
    assert answered
    assert "440 000" in text  # the year-3 rate: the second step is answered too


def test_listed_spans_without_a_word_of_change_are_no_steps() -> None:
    text, _answered = text_and_answered(
        "Hva får ett årsverk i kommunalt rusarbeid fra år 1 til år 2 og fra år 2 til år 3?",
        TODAY,
    )
    assert "trappes ned med 110 000" not in text
