"""Who held a title the sources name nobody by ('fra helseministeren', 'ifølge statsråden')
is a name they do not give: the question is declined, with what the sources do say as
context, and never answered with the title as if it were the name.

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
        "Hvem var helseminister da ordførerne fikk brevet om egenandelen?",
        "Who was health minister when the letter of December 2015 went to the mayors?",
    ],
)
def test_a_name_asked_of_a_title_is_declined(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text


def test_a_named_contact_is_still_given() -> None:
    text, answered = ask("Hvem er faggruppeleder hos Fylkesmannen i Agder?")
    assert answered, text
    assert "Bjørn Vidar Gundersen" in text, text
