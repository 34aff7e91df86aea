"""Nynorsk words of the own share and of a grant being reduced ('eigeninnsatsen', 'avkorta',
'gjere') are read as their bokmål forms, so the source sentence on the own effort answers.

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
        "Kva skal kommunen gjere med eigeninnsatsen når tilskotet til kommunalt rusarbeid blir "
        "avkorta?",
        "Kva må kommunen gjere med eigeninnsatsen når tilskotet til rusarbeid vert avkorta?",
        "Hva skal kommunen gjøre med egeninnsatsen når tilskuddet til kommunalt rusarbeid blir "
        "avkortet?",
    ],
)
def test_the_own_effort_when_the_grant_is_reduced_is_the_in_step_sentence(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "i takt med" in text, text
