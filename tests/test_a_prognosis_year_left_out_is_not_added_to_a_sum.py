"""A sum asked without the prognosis year ('uten prognosen for 2020', 'når 2020-prognosen
holdes utenfor') adds the final years only; 'med prognosen for 2020' is the printed sum."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)
# Vennesla 2016–2019 in the 2020 framework table: 979 856 + 781 044 + 990 435 + 519 073
WITHOUT = "3 270 408"
PRINTED = "3 655 322"


def test_a_year_said_to_be_held_outside_is_left_out() -> None:
    text, answered = text_and_answered(
        "Hva fikk Vennesla i sum for 2016–2019 når 2020-prognosen holdes utenfor?", TODAY
    )
    assert answered
    assert WITHOUT in text
    assert PRINTED not in text


def test_a_sum_apart_from_the_prognosis_adds_the_final_years() -> None:
    text, answered = text_and_answered("Venneslas samlede økning utenom 2020-prognosen?", TODAY)
    assert answered
    assert WITHOUT in text


def test_a_nynorsk_sum_with_the_prognosis_is_the_printed_sum() -> None:
    text, answered = text_and_answered(
        "Kor mykje fekk Vennesla samla, med prognosen for 2020?", TODAY
    )
    assert answered
    assert PRINTED in text


def test_an_english_increase_including_the_forecast_is_the_printed_sum() -> None:
    text, answered = text_and_answered(
        "How large was Vennesla's frame increase including the 2020 forecast?", TODAY
    )
    assert answered
    assert "3,655,322" in text


def test_what_about_the_prognosis_still_asks_for_the_prognosis_itself() -> None:
    text, answered = text_and_answered("kva med prognosen for 2018 for Vennesla?", TODAY)
    assert answered
    assert "2 541 944" in text


def test_a_short_sum_without_the_prognosis_adds_the_final_years() -> None:
    text, answered = text_and_answered("vennesla samlet u/prognose", TODAY)
    assert answered
    assert WITHOUT in text
    assert "3 655 32" not in text


def test_a_follow_up_without_the_prognosis_after_a_sum_over_a_span_drops_the_prognosis() -> None:
    engine = Engine(kb())
    questions = (
        "Hvor mye økte rammen for Vennesla i 2016?",
        "hvor mye totalt 2016–2020 inkl. prognose?",
        "og uten prognosen?",
    )
    answers = [engine.ask(q, TODAY, chat="without").text for q in questions]
    assert PRINTED in answers[1]
    assert WITHOUT in answers[2]
    assert "= " + PRINTED not in answers[2]
