"""A change in per cent of the first figure is shown like a computed share: with one decimal
and, where the two agree, the whole percent as well ('ca. 24,9 %, rundt 25 %').

Through the public interface; the expected figures are computed from the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def test_a_percent_decrease_also_gives_the_whole_percent() -> None:
    values = next(r for r in kb().tables[AGDER].rows if r.label == "Arendal").values
    first, last = Fraction(str(values["y2018"])), Fraction(str(values["y2019"]))
    change = (first - last) / first * 100
    whole = math.floor(change + Fraction(1, 2))
    tenths = math.floor(change * 10 + Fraction(1, 2))
    assert tenths != whole * 10  # the case: the one-decimal figure is not a whole percent
    text, answered = text_and_answered(
        "Med hvor mange prosent falt Arendals økning i rammen fra 2018 til 2019?", TODAY
    )
    assert answered
    assert f"rundt {whole} %" in text
