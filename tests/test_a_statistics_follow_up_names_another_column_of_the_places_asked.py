"""A follow-up on the statistics table that names another column of the places just asked:
'og KVP-deltakere i de to samlet?' adds the two places' counts of that column (a sum adds
counts, never the share beside them), and 'og hvor stor andel var basert på
rammefinansiering i Akershus?' after 'til sammen?' is the table's share, not a scheme's rate.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("turns", "figure"),
    [
        (
            [
                "Hvor mange hadde sosialhjelp 6–12 mnd. som hovedinntekt i Østfold?",
                "og Akershus?",
                "til sammen?",
                "og KVP-deltakere i de to samlet?",
            ],
            "892",
        ),
        (
            [
                "Hvor mange KVP-deltakere hadde Østfold?",
                "og Akershus?",
                "til sammen?",
                "og hvor stor andel var basert på rammefinansiering i Akershus?",
            ],
            "57 %",
        ),
    ],
)
def test_a_follow_up_naming_another_column_gives_that_column(turns: list[str], figure: str) -> None:
    engine = Engine(load_sources())
    for turn in turns[:-1]:
        engine.ask(turn, TODAY, chat="c")
    answer = engine.ask(turns[-1], TODAY, chat="c")
    assert answer.answered
    assert figure in answer.text
