"""A municipality's name written short as typed in a hurry ('krs' for Kristiansand) names
that municipality. Through the public interface; the figure is the knowledge base's own."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize("question", ["krs 2019 ramme?", "hvor mye økte rammen for krs i 2019?"])
def test_krs_is_kristiansand_in_the_framework_table(question: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    row = next(r for r in kb().tables["opptrappingsplan-2016-2020"].rows if r.key == "1001")
    assert answered
    assert "Kristiansand" in text
    assert f"{int(str(row.values['y2019'])):,}".replace(",", " ") in text
