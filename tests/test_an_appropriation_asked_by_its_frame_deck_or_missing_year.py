"""A scheme's appropriation asked as its frame ('tilskuddsrammen'), as 'hvor mye var det til',
or by the office that held the deck ('Agder-presentasjonen') gives the year's figures; a year
without a figure is declined with what another year's figure is said to be compared with it.
Through the public interface."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvor stor var tilskuddsrammen for rustilskuddet i 2021?", "455"),
        ("Hvor stor var tilskuddsrammen for kommunalt rusarbeid i 2018?", "472,4"),
        ("Hvor mye var det til kommunalt rusarbeid i 2018?", "472,4"),
        ("Hvor mye var det til rusarbeid i 2018 ifølge Agder-lysbildene?", "472,4"),
    ],
)
def test_the_frame_or_the_money_of_a_year_is_its_appropriation(
    question: str, expected: str
) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert expected in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Hva var bevilgningen til rustilskuddet i 2020?", "455 000 000 kr"),
        ("What was the appropriation for the KRA grant in 2020?", "NOK 455,000,000"),
    ],
)
def test_a_year_without_a_figure_is_declined_with_what_is_compared_with_it(
    question: str, said: str
) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert not answered
    assert said in text
    assert "2020" in text
    assert "472,4" not in text and "472.4" not in text


def test_a_year_nothing_is_compared_with_is_declined_without_figures() -> None:
    text, answered = text_and_answered("Hva var bevilgningen til rustilskuddet i 2019?", TODAY)
    assert not answered
    assert "455" not in text and "472" not in text
