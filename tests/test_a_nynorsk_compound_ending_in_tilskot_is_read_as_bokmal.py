"""'Kven kan søkje rustilskotet?': a compound whose last part is nynorsk ('rustilskotet',
'rustilskot', 'helsetenestene') is read with that part in bokmål ('rustilskuddet'), so the
scheme it names is found as for the bokmål word.

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
        "Kven kan søkje rustilskotet?",
        "Kven kan søkje om rustilskot?",
        "Kor mykje er rustilskotet per årsverk i år 2?",
    ],
)
def test_a_nynorsk_compound_names_the_substance_abuse_grant(question: str) -> None:
    engine = Engine(kb())
    u = engine.understand(question, None, TODAY)
    answer = engine.ask(question, TODAY)
    assert u.scheme == "kommunalt-rusarbeid", u.folded
    assert answer.answered, answer.text
