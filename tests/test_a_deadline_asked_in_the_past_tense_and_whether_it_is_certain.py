"""A deadline asked in the past tense ('når måtte søknaden være inne?'), followed to other schemes
and years (both kinds asked together carry on), asked as what was 'oppgitt', and asked whether
it is certain: no for a date the source gives with a reservation. Through the public interface
(the Engine); dates from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

from bot import fmt
from bot.engine import Engine
from knowledge.schema import Deadline, DeadlineKind
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def deadline(sid: str, year: int, kind: DeadlineKind = DeadlineKind.APPLICATION) -> Deadline:
    """Return a scheme's one dated deadline of a kind and year."""
    return next(
        e.deadline
        for e in kb().deadlines()
        if e.scheme_id == sid and e.deadline.year == year and e.deadline.kind == kind
    )


def said(d: Deadline) -> str:
    """The date as an answer writes it ('10. februar 2021')."""
    assert d.date is not None
    return fmt.long_date(d.date, "nb")


def conversation(*questions: str) -> tuple[str, bool]:
    """Ask the questions in one chat; return the last answer's text and whether it answered."""
    engine = Engine(kb())
    text, answered = "", False
    for q in questions:
        answer = engine.ask(q, TODAY, chat="deadlines")
        text, answered = answer.text, answer.answered
    return text, answered


ASKED = (
    "Når måtte søknaden om rustilskudd (765.62) være inne hos Statsforvalteren i Innlandet i 2021?"
)


def test_when_the_application_had_to_be_in_is_the_deadline_of_that_year() -> None:
    text, answered = conversation(ASKED)
    assert answered, text
    assert said(deadline("kommunalt-rusarbeid", 2021)) in text, text


def test_the_past_tense_question_is_followed_to_the_other_schemes() -> None:
    adults = "og for voksne med langvarige og sammensatte tjenestebehov?"
    text, _ = conversation(ASKED, adults)
    assert said(deadline("voksne-langvarige", 2021)) in text, text
    text, _ = conversation(ASKED, adults, "og barn og unge?")
    assert said(deadline("barn-unge-langvarige", 2021)) in text, text


def test_both_kinds_asked_together_carry_on_to_a_year_with_only_one_of_them() -> None:
    text, answered = conversation(
        "Hvilken dato gjaldt som felles søknads- og rapporteringsfrist for 765.62 i Innlandet "
        "i 2021?",
        "og i 2022?",
    )
    assert answered, text
    assert said(deadline("kommunalt-rusarbeid", 2022)) in text, text
    assert "10. februar 2022" not in text, text


def test_the_deadline_that_was_oppgitt_is_the_one_of_the_scheme_asked() -> None:
    text, answered = conversation(
        "Hva er prioritet 1 i den nye ordningen for voksne i 2022?",
        "hvilken frist var oppgitt?",
    )
    assert answered, text
    assert said(deadline("voksne-langvarige", 2022)) in text, text


def test_a_tentative_deadline_is_not_certain() -> None:
    assert deadline("voksne-langvarige", 2022).tentative
    text, answered = conversation(
        "Hva var søknadsfristen for tilskuddet til voksne med langvarige og sammensatte behov "
        "i 2022?",
        "Er den fristen sikker?",
    )
    assert answered, text
    assert text.startswith("Nei"), text


def test_who_may_apply_and_whether_the_deadline_is_certain_are_both_answered() -> None:
    text, answered = conversation(
        "Hva er prioritet 1 i det nye tilskuddet for voksne med langvarig/sammensatt "
        "tjenestebehov i 2022?",
        "hvem kan søke, og er fristen sikker?",
    )
    assert answered, text
    assert "Kommuner" in text, text
    assert said(deadline("voksne-langvarige", 2022)) in text, text
    assert "ikke sikker" in text, text


def test_a_deadline_given_without_a_reservation_is_said_to_be_so() -> None:
    assert not deadline("kommunalt-rusarbeid", 2021).tentative
    text, _ = conversation("Er søknadsfristen for rusarbeid i 2021 sikker?")
    assert "uten forbehold" in text, text
    assert not text.startswith("Nei"), text
