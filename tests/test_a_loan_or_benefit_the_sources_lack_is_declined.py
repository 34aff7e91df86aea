"""A loan or benefit the sources do not hold ('startlån', 'bostøtte') is never read as a
misspelt word of the sources, so asking its deadline beside its owner's name ('Husbanken')
is declined, not answered with the deadline of the owner's scheme in the sources.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


@pytest.mark.parametrize(
    "question",
    [
        "Når er søknadsfristen for startlån i Husbanken?",
        "Kva tid må vi søkje Husbanken om startlånet?",
        "Hva er fristen for å søke bostøtte fra Husbanken?",
    ],
)
def test_a_deadline_of_a_loan_the_sources_lack_is_declined(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert "15. februar" not in text, text


def test_the_owner_scheme_in_the_sources_keeps_its_deadline() -> None:
    text, _answered = ask("Når var fristen for Husbankens boligsosiale tiltak i 2022?")
    assert "15. februar" in text, text
