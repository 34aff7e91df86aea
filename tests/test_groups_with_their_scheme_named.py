"""Positions in several grant years are read with the scheme's name between count and year,
in English with 'full-time'; a NAV cap 'i maksimalt antall år' runs over the most years.

Through the public interface (the Engine); the figures are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb, nav_cap, rate

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        (
            "Vi har en hel stilling i kommunalt rusarbeid i år 2 og to stillinger i år 4. Hva er "
            "samlet tilskudd?",
            "nb",
        ),
        (
            "We have one full-time position in municipal substance abuse work in year 2 and two "
            "positions in year 4. What is the total grant?",
            "en",
        ),
        ("We have one full-time position in year 2 and two positions in year 4. Total?", "en"),
    ],
)
def test_groups_of_positions_are_read_around_the_scheme_name(question: str, lang: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(rate(2) + 2 * rate(4), lang) in answer.text.splitlines()[0], answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvis samme NAV-tiltak med én full stilling får tilskudd i maksimalt antall år, hva blir "
        "samlet maksimum for lønn?",
        "NAV-tilskuddet, én stilling uten kompetansemidler, i det høyeste antall år: i alt?",
    ],
)
def test_a_cap_for_the_maximum_number_of_years_runs_over_the_most_years(question: str) -> None:
    cap = nav_cap()
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(cap.max_years * cap.per_position, "nb") in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Vi har 4 årsverk: ett i hvert tilskuddsår (år 1 til år 4). Hva blir samlet tilskudd?",
        "We have four FTEs, one in each grant year (year 1 to year 4). Total grant?",
    ],
)
def test_one_position_in_each_grant_year_of_a_bracketed_range_sums_the_ladder(
    question: str,
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    lang = "en" if question.startswith("We") else "nb"
    total = sum(rate(g) for g in range(1, 5))
    assert answer.answered and fmt.kroner(total, lang) in answer.text.splitlines()[0], answer.text
