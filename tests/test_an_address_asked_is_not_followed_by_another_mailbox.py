"""An e-mail address asked for ('hvilken e-post for teknisk hjelp?') is the one the sources
give; the where-to-check line then names the office without its other mailbox. Through the
public interface."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken e-postadresse skal vi bruke ved teknisk support på søknadsskjemaet for rusarbeid?",
        "Hvilken e-post bruker vi for teknisk hjelp med rapporteringsskjemaet for rustilskuddet?",
    ],
)
def test_the_technical_support_address_is_the_only_address(question: str) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert "hjelp@statsforvalteren.no" in text
    assert "sfinpost@statsforvalteren.no" not in text
