"""A contact question about a scheme named only by an everyday word ('rusarbeid') that a source
sentence clearly answers ('teknisk support … hjelp@statsforvalteren.no') names that contact,
while contact questions about others' services are still declined.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 4)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    "question",
    [
        "Vi får ikke søknadsskjemaet for rusarbeid til å fungere teknisk. Hvem kontakter vi?",
        "Hvem kontakter vi ved tekniske problemer med søknadsskjemaet for rusarbeid?",
        "Hvem tar vi kontakt med når søknadsskjemaet for rustilskuddet ikke virker teknisk?",
        "Kven kontaktar vi om det tekniske med søknadsskjemaet for rusarbeid?",
    ],
)
def test_a_technical_problem_with_the_form_gets_the_help_address(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "hjelp@statsforvalteren.no" in text, text


@pytest.mark.parametrize("question", ["Hva er telefonnummeret til fastlegen?", "Telefon til NAV?"])
def test_a_contact_of_someone_elses_service_is_still_declined(question: str) -> None:
    text, answered = ask(question)
    assert not answered, text
