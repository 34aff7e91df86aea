"""Caseworkers counted or hired ('flere saksbehandlere', 'ansette nye saksbehandlere', 'hire
more caseworkers') are staff a grant might fund, not a contact asked for; and a capacity
increase ('kapasitetsøkning', 'øke kapasiteten', 'capacity') is one concept, so the NAV
grant's exclusion of applications that only describe one is quoted.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 4)


def ask(question: str) -> tuple[str, str, bool]:
    """Ask a fresh engine; return the answer's text, intent and whether it answered."""
    answer = Engine(kb()).ask(question, TODAY)
    return answer.text, answer.intent, answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "Kan NAV-kontoret få utviklingstilskudd til en søknad som bare handler om flere "
        "saksbehandlere, altså kapasitetsøkning?",
        "Kan vi få NAV-tilskuddet til en søknad som bare handler om kapasitetsøkning?",
        "Kan NAV-kontoret søke utviklingstilskudd bare for å ansette flere saksbehandlere og øke "
        "kapasiteten?",
    ],
)
def test_an_application_only_about_capacity_gets_the_exclusion(question: str) -> None:
    text, intent, answered = ask(question)
    assert answered, text
    assert intent != "contact", text
    assert "kapasitetsøkning" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Kan vi få NAV-tilskuddet til å ansette flere saksbehandlere?",
        "Can we get the NAV grant to hire more caseworkers?",
    ],
)
def test_hiring_caseworkers_is_no_contact_question(question: str) -> None:
    text, intent, _answered = ask(question)
    assert intent != "contact", text
    assert "fmavbvg@fylkesmannen.no" not in text, text


def test_asking_who_the_caseworker_is_still_gets_the_contacts() -> None:
    text, intent, answered = ask("Hvem er saksbehandler for NAV-tilskuddet?")
    assert answered, text
    assert intent == "contact", text
