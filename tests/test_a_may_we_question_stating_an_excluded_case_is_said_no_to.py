"""A may-we question whose stated case is an item of the source's list of what gets no grant
('Det gis ikke tilskudd til: • kommuner som mottar programfinansiering gjennom
0-24-satsningen …') is said no to first, with that item.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_programme_funding_for_the_same_target_group_is_no() -> None:
    text, answered = ask(
        "Kommunen har programfinansiering gjennom 0-24-satsingen. "
        "Kan vi da få NAV-tilskudd til tiltak for samme målgruppe?"
    )
    assert answered, text
    assert "Nei. Kilden" in text, text


def test_a_case_not_in_the_list_gets_no_no() -> None:
    text, _answered = ask("Kan vi få NAV-tilskudd til et tiltak for ungdom?")
    assert "Nei. Kilden" not in text, text
