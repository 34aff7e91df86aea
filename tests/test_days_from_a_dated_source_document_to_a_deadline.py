"""'Hvor mange dager var det fra Innlandets søknadsverksted til fristen for rusarbeid i 2021?':
a source document named by its title or by its kind and office has a date (sources.yaml), and
a deadline of a scheme in a year has one; the days between them are counted, not declined as a
count the sources never give.

Through the public interface (tests/asking.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "days"),
    [
        # the workshop of 7 January 2021 against the deadline of 10 February 2021
        (
            "Hvor mange dager gikk det fra søknadsverkstedet i Innlandet til fristen for "
            "kommunalt rusarbeid i 2021?",
            "34",
        ),
        ("Hvor lang tid gikk fra Innlandets søknadsverksted til rusarbeid-fristen 2021?", "34"),
        # the Agder slides of 10 January 2020 against the NAV deadline of 1 February 2020
        (
            "Hvor mange dager etter presentasjonen fra Agder kom søknadsfristen for "
            "NAV-tilskuddet i 2020?",
            "22",
        ),
    ],
)
def test_the_days_from_a_document_to_a_deadline_are_counted(question: str, days: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered, text
    assert f"{days} dager" in text, text


def test_the_days_asked_in_english_are_in_english() -> None:
    text, answered = text_and_answered(
        "How many days before the 2020 NAV application deadline were the Agder slides shown?",
        TODAY,
    )
    assert answered, text
    assert "22 days" in text, text
