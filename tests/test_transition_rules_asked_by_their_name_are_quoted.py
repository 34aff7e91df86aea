"""Transition rules asked by their name ('overgangsreglene', 'transition rules') reach the
rule that the sources head so, with its discretionary placing. Through the public
interface."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "question",
    [
        "Hvordan ble kommuner som fikk rustilskudd før 2017 plassert etter overgangsreglene?",
        "Hva gikk overgangsordningen for rustilskuddet ut på for dem som alt hadde tilskudd?",
    ],
)
def test_the_transition_rule_is_quoted(question: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert "Skjønnsmessig vurdering" in text
