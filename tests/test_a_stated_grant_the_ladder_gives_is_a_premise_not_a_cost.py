"""A statement before the question that the municipality receives what the ladder gives for
a grant year ('Vi får 550 000 i år 2.') restates the rule: the question after it is answered
as if the statement were not there, neither as a cost nor as an amount to place on the
ladder. An amount the ladder does not give is still read as before. Through the public
interface."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_restated_rate_then_a_change_in_percent_is_answered() -> None:
    text, answered = text_and_answered(
        "Kommunen mottar 550 000 kr per årsverk i år 2. Hvor mange prosent sank tilskuddet "
        "i kommunalt rusarbeid til år 3?",
        TODAY,
    )
    assert answered
    assert "110 000" in text
    assert "20 %" in text


def test_a_restated_rate_with_a_start_year_then_the_old_ladder_compared() -> None:
    text, answered = text_and_answered(
        "Stillingen vår i kommunalt rusarbeid fikk tilskudd første gang i 2021 (år 1, "
        "660 000 kr). Hvor mye taper vi samlet på nedtrappingen sammenlignet med den gamle "
        "stigen?",
        TODAY,
    )
    assert answered
    assert "110 000" in text  # 1 980 000 by the old ladder, 1 870 000 by the wind-down


def test_an_amount_the_ladder_does_not_give_is_not_taken_for_the_rate() -> None:
    text, answered = text_and_answered(
        "Vi får 600 000 per årsverk i år 2. Hvor mye går tilskuddet i kommunalt rusarbeid ned "
        "til år 3?",
        TODAY,
    )
    assert not answered
    assert "110 000" not in text


def test_a_change_asked_in_the_past_tense_is_a_change() -> None:
    text, answered = text_and_answered(
        "Hvor mye falt tilskuddet til kommunalt rusarbeid per årsverk fra år 2 til år 4?",
        TODAY,
    )
    assert answered
    assert "220 000" in text


def test_a_restated_rate_before_another_grant_year_asks_for_that_year_alone() -> None:
    text, answered = text_and_answered(
        "Vi fikk 1 100 000 kr for to årsverk i år 2 i kommunalt rusarbeid. Hva får vi i år 3?",
        TODAY,
    )
    assert answered
    assert "880 000" in text  # 2 × 440 000
    assert "1 980 000" not in text  # no sum of years 2 and 3


def test_a_restated_rate_then_a_cost_gives_the_own_share_from_that_cost() -> None:
    text, answered = text_and_answered(
        "Vi mottar 440 000 kr per årsverk i år 3 i kommunalt rusarbeid. Hva blir egenandelen "
        "hvis stillingen koster 700 000 kr?",
        TODAY,
    )
    assert answered
    assert "260 000" in text  # 700 000 − 440 000
