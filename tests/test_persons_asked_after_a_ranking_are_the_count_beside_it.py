"""'Og hvor mange personer var det?' after a ranking by a share: the count printed beside
that share for the place ranked, never the one column whose heading happens to say
'personer'."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_persons_after_the_lowest_share_of_young_people_are_their_count() -> None:
    text, answered = text_and_answered(
        "Hvilket fylke hadde lavest andel 18–24-åringer med sosialhjelp i 2018, og hvor mange "
        "personer var det?",
        TODAY,
    )
    assert answered
    assert "Akershus: 3,7 %" in text
    assert "1 863" in text  # Akershus's 18–24-year-olds with social assistance
    assert "2 553" not in text  # its persons with social assistance as main income
