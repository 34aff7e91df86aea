"""'Vil ordningen for kommunalt rusarbeid endres neste år?': 'neste år' is read against today,
so a status question asked in 2021 is about 2022, and it gets the statement of 2021 that speaks
of 2022 ('Hvis det skulle bli endringer fra og med 2022 … statsbudsjettet for 2021') beside
what the sources say of 2022 itself.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2021, 1, 10)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    "question",
    [
        "Vil ordningen for kommunalt rusarbeid endres neste år?",
        "Blir det endringer i rustilskuddet fra neste år?",
        "Vil ordninga for kommunalt rusarbeid endrast neste år?",
    ],
)
def test_a_change_asked_of_next_year_names_the_state_budget(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "statsbudsjettet for 2021" in text, text
