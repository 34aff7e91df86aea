"""A deadline asked of a grant named by what it is for, which no scheme of the sources is
('tilskudd til frivillig arbeid innen psykisk helse'), is declined, naming the schemes the
sources have, and never answered with other schemes' deadlines.

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
        "Hva er søknadsfristen for tilskudd til frivillig arbeid innen psykisk helse?",
        "Når er fristen for tilskuddet til frivillig arbeid innen psykisk helse?",
        "Kva er søknadsfristen for tilskot til frivillig arbeid innan psykisk helse?",
        "When is the deadline for the grant for voluntary work in mental health?",
    ],
)
def test_a_deadline_of_an_unknown_scheme_is_declined_without_deadlines(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
    for day in ("15. februar", "1. mars", "31. mars", "15 February", "31 March"):
        assert day not in text, text


def test_the_decline_names_the_schemes_the_sources_have() -> None:
    text, _answered = ask(
        "Hva er søknadsfristen for tilskudd til frivillig arbeid innen psykisk helse?"
    )
    assert "ingen ordning" in text, text
    assert "Kommunalt rusarbeid" in text, text


def test_a_deadline_of_a_known_scheme_is_still_given() -> None:
    text, _answered = ask("Når er søknadsfristen for tilskuddet til kommunalt rusarbeid?")
    assert "15. februar 2022" in text, text
