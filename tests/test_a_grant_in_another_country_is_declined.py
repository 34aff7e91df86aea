"""A grant asked of a country other than Norway ('i Sverige', 'in Denmark') is declined: the
sources hold only Norwegian state grants, so no Norwegian rate or deadline is given for it.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("Hva er satsen per årsverk for kommunalt rusarbeid i Danmark?", "Danmark"),
        ("Kva får ein kommune i Sverige per stilling i rustilskotet?", "Sverige"),
        ("How much per FTE does a municipality in Sweden get for substance abuse work?", "Sweden"),
        ("When is the NAV social services grant deadline in Finland?", "Finland"),
    ],
)
def test_a_grant_in_another_country_is_declined_without_norwegian_figures(
    question: str, country: str
) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert country in text, text
    for figure in ("660 000", "660,000", "550 000", "610 000", "1 February", "1. februar"):
        assert figure not in text, text


def test_a_norwegian_municipality_still_gets_the_rate() -> None:
    text, answered = ask("Hva er satsen per årsverk i år 2 for kommunalt rusarbeid i Bergen?")
    assert answered, text
    assert "550 000" in text, text
