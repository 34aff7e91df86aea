"""The 2020 NAV announcement's sentences answer questions asked in other words.

'øke bemanningen' is what 'kapasitetsøkning i tjenesten' speaks of, 'innføre' what
'implementering' does and 'en klynge' is cooperation (concepts in words.yaml), while a
compound of a concept's word ('klyngesamarbeid') is also itself, and 'startet' is what
'fra oppstartsdato' counts from (not where a start year places a ladder); 'kan ikkje få
tilskot' asks what is not funded; a source's reply that is only 'Ja, …' is quoted with its
question; a sentence printed next to the one quoted, matching nearly as well, is quoted with
it.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


ask = partial(text_and_answered, today=TODAY)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi ønsker bare å øke bemanningen i sosialtjenesten. "
            "Kan NAV-tilskuddet brukes til det?",
            "kapasitetsøkning",
        ),
        (
            "Kan NAV-kontoret få tilskudd for å innføre en ferdig utviklet arbeidsmåte "
            "som er prøvd ut andre steder?",
            "ferdig utviklede",
        ),
        ("Kan NAV-kontoret være med i en klynge med andre kommuner?", "klyngesamarbeid"),
        ("Kva tiltak kan ikkje få tilskot frå NAV-ordninga?", "0-24"),
        ("Hvilke tiltak kan ikke få NAV-tilskudd?", "ferdig utviklede"),
    ],
)
def test_the_announcements_limits_answer_questions_in_other_words(
    question: str, expected: str
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert expected in text, text


def test_a_bare_yes_from_the_source_is_quoted_with_its_question() -> None:
    text, answered = ask(
        "Kan kommunen søke midler fra kommunalt rusarbeid til sin andel i et FACT-team?"
    )
    assert answered, text
    assert "FACT-team? Ja, stikkord: opprettholde kapasitet." in text, text


def test_the_sentence_printed_beside_the_one_quoted_is_quoted_with_it() -> None:
    text, answered = ask("Hva slags ting oppfordres NAV-kontorene til når de lager tiltak?")
    assert answered, text
    assert "å kartlegge aktuelle brukerreiser" in text, text
    assert "Eksempler fra satsninger og strategier" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hva menes med klyngesamarbeid i tilskuddet til NAV-kontoret? Er det et krav?",
        "Hva menes med klyngesamarbeid i utviklingstilskuddet? Er det et krav?",
    ],
)
def test_a_compound_of_a_concept_word_finds_the_sentence_that_prints_it(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "klyngesamarbeid" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "NAV-tiltaket startet 1. mars 2020. Følger tilskuddet kalenderåret?",
        "Tiltaket vårt i NAV startet i oktober 2020. Følger tilskuddsåret kalenderåret?",
    ],
)
def test_a_measure_that_started_gets_the_sentence_on_the_start_date(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    assert "ett år fra oppstartsdato" in text, text
