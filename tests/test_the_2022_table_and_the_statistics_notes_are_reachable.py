"""Sentences of the 2020 announcement and rows of the 2022 table that no query reached.

The notes under the statistics table answer what its colours mean, that it is no scorecard
and when the figures say anything of the social work, also when a column is named; a topic
before a dash, or a question without a question word before ', og hvem …', is split into its
questions; a deadline day asked without a scheme names the schemes of that day with the row
they are printed in; a clipped compound ('Rapp.frist') is read as the word it stands for;
'når kan kommunen søke' asks when, and an application deadline is not read as the reporting
sentence that shares its words.

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
        ("Er fargene i tabellen et målekort?", "ikke et målekort"),
        ("Kan vi bruke KVP-tallene i tabellen som målekort for NAV-kontoret?", "ikke et målekort"),
        ("Sier tabellen noe om det sosialfaglige arbeidet i fylkene?", "justert for slike lokale"),
    ],
)
def test_the_statistics_tables_notes_answer_what_the_table_is_for(
    question: str, expected: str
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert expected in text, text


@pytest.mark.parametrize(
    ("question", "deadline", "applicant"),
    [
        (
            "Kompetanse og innovasjonstilskudd – når er fristen og hvem kan søke?",
            "1. april",
            "Kommuner",
        ),
        (
            "Søknadsfrist for kommunalt rusarbeid 2022, og hvem kan søke?",
            "15. februar",
            "Bare kommuner",
        ),
    ],
)
def test_a_deadline_and_the_applicants_asked_together_are_both_answered(
    question: str, deadline: str, applicant: str
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert deadline in text, text
    assert "Hvem kan søke" in text and applicant in text, text


@pytest.mark.parametrize(
    ("question", "printed"),
    [
        (
            "Hvilket tilskudd har søknadsfrist 1. november?",
            "«Prosjektskjønnsmidler – Kommuner – 1. november»",
        ),
        (
            "Which grant has its deadline on 1 April?",
            "«Kompetanse og innovasjonstilskudd – Kommuner",
        ),
    ],
)
def test_a_deadline_day_names_the_schemes_with_the_row_they_are_printed_in(
    question: str, printed: str
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert printed in text, text


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("Rapp.frist NAV 2020?", "1. februar 2021", "Søknadsfrist"),
        (
            "Når kan kommunen søke kompensasjon for fastleger ved koronafravær?",
            "Løpende",
            "Hvem kan søke",
        ),
        (
            "Kan vi fortsatt søke NAV-tilskuddet med fristen 1. februar 2020?",
            "1. februar 2020",
            "Rapportering:",
        ),
    ],
)
def test_short_and_when_worded_deadline_questions_get_the_deadline_asked(
    question: str, expected: str, not_expected: str
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert expected in text, text
    assert not_expected not in text, text
