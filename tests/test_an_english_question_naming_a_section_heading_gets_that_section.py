"""An English question naming a section of the sources by its English heading ('what did the
directorate signal', 'the signals from the Directorate') gets the sentences under that heading
('Signals from the Directorate: 136 municipalities are not covered by the scheme').

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
        "What did the directorate signal about which municipalities should be prioritised in "
        "kommunalt rusarbeid, and how many were not covered?",
        "According to the signals from the Directorate, how many municipalities are not covered "
        "by the municipal substance abuse grant?",
        "What were the Directorate's signals on priorities in the municipal substance abuse grant?",
    ],
)
def test_the_directorates_signals_are_quoted_when_asked_in_english(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "Signals from the Directorate" in text, text
    assert "136" in text, text
