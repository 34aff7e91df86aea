"""'The three Health Directorate schemes', 'de tre Helsedirektoratets ordningene': schemes
counted with a word or two between the count and the word for schemes are the schemes with a
national appropriation that year, as 'de tre ordningene' is, when there are that many.

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
        "What were the 2021 appropriations of the three directorate grants combined?",
        "Hva var bevilgningene i 2021 til de tre Helsedirektoratets ordningene til sammen?",
    ],
)
def test_the_three_schemes_of_2021_are_added(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "687" in text, text
