"""'Hvilket brev om egenandelen viser søknadsverkstedet til?': a word naming a source document
by its kind ('søknadsverkstedet', from the title «Søknadsverksted: …») says where something is
said, not a thing the sources give no rates for, so the letter is named from the own-share
facts instead of a decline for «søknadsverkstedet».

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilket brev om egenandelen viser søknadsverkstedet til?",
        "Hvilket brev om egenandelen nevner søknadsverkstedet?",
        "Hvilket brev om egenandel viser de til i søknadsverkstedet?",
    ],
)
def test_the_letter_the_workshop_refers_to_is_named(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert "18.12.2015" in answer.text, answer.text
    assert "ingen satser" not in answer.text, answer.text
