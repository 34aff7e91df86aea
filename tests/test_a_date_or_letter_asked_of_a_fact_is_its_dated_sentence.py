"""A date or a letter asked of a fact ('hvilken dato hadde brevet …', 'hvilket brev viser de
til …', 'what date …') is answered with the source sentence holding the date, and that date.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 4)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken dato hadde brevet fra helseministeren til landets ordførere om egenandelen?",
        "Hvilket brev viser Statsforvalteren til når de presiserer egenandelen i "
        "rusarbeidsordningen?",
        "Hvilken dato er brevet om egenandelen i rustilskuddet datert?",
        "Kva dato hadde brevet frå helseministeren til ordførarane om eigenandelen?",
    ],
)
def test_a_date_or_letter_asked_in_norwegian_gets_the_letters_date(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "18. desember 2015" in text, text
    assert "18.12.2015" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "What date was the letter from the Minister of Health to the mayors about the own share?",
        "Which letter about the own contribution does the County Governor refer to in "
        "kommunalt rusarbeid?",
    ],
)
def test_a_date_or_letter_asked_in_english_gets_the_letters_date(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "18 December 2015" in text, text
