"""What a report must contain is a question about reporting, not a sign of another topic."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered


@pytest.mark.parametrize(
    ("question", "asked_back", "not_known"),
    [
        ("What should the report contain?", "Which scheme", "I don't know"),
        ("What does the final report need to contain?", "Which scheme", "I don't know"),
        ("Kva skal rapporten innehalde?", "Hvilken ordning", "Det vet jeg ikke"),
    ],
)
def test_what_a_report_must_contain_without_a_scheme_asks_which_scheme(
    question: str, asked_back: str, not_known: str
) -> None:
    text, _ = text_and_answered(question, dt.date(2026, 12, 7))
    assert asked_back in text
    assert not_known not in text
    assert "Sosiale tjenester i NAV" in text or "social services in NAV" in text


@pytest.mark.parametrize(
    ("question", "asked_back"),
    [
        ("Hvordan skal kommunen søke?", "Hvilken ordning"),
        ("Korleis kan kommunen søkje?", "Hvilken ordning"),
        ("How can we apply?", "Which scheme"),
    ],
)
def test_how_to_apply_with_a_modal_verb_asks_which_scheme(question: str, asked_back: str) -> None:
    text, _ = text_and_answered(question, dt.date(2026, 12, 7))
    assert asked_back in text
