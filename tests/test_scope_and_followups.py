"""Years after a scheme's end, follow-ups that step a year on, and short follow-ups of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answer import Answer
from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()


def chat(questions: list[str], today: dt.date) -> list[Answer]:
    """Ask questions in turn in one chat."""
    engine = Engine(KB)
    return [engine.ask(q, today, chat="test") for q in questions]


@pytest.mark.parametrize(
    ("question", "today"),
    [
        ("Får vi tilskudd til kommunalt rusarbeid neste år?", dt.date(2024, 9, 1)),
        ("Hvem kan søke tilskudd til kommunalt rusarbeid neste år?", dt.date(2025, 2, 1)),
        ("Kan kommunen søke om rustilskuddet til kommunalt rusarbeid i år?", dt.date(2026, 1, 5)),
        ("Can we apply for the municipal substance abuse grant next year?", dt.date(2024, 8, 1)),
    ],
)
def test_a_grant_asked_for_a_year_after_its_end_is_declined_without_old_rates(
    question: str, today: dt.date
) -> None:
    (answer,) = chat([question], today)
    assert not answer.answered
    assert "2024" in answer.text
    for stale in ("660 000", "660,000", "550 000", "550,000", "440 000", "440,000"):
        assert stale not in answer.text


def test_a_grant_asked_for_next_year_within_the_sources_is_still_answered() -> None:
    question = "Hvem kan søke tilskudd til kommunalt rusarbeid neste år?"
    (answer,) = chat([question], dt.date(2021, 3, 1))
    assert answer.answered


def test_the_year_after_that_steps_on_from_the_previous_answer_until_the_grant_ends() -> None:
    answers = chat(
        [
            "Hva får vi for 3 stillinger i kommunalt rusarbeid i år?",
            "og neste år?",
            "og året etter det?",
        ],
        dt.date(2023, 5, 1),
    )
    assert answers[0].answered and "990 000 kr" in answers[0].text
    assert answers[1].answered and answers[1].slots.get("year") == 2024
    assert "990 000 kr" in answers[1].text
    assert not answers[2].answered
    assert answers[2].slots.get("year") == 2025


def test_the_year_after_means_nothing_without_a_previous_year() -> None:
    (answer,) = chat(["og året etter det?"], dt.date(2023, 5, 1))
    assert "year_step" not in answer.slots
    assert not answer.answered


@pytest.mark.parametrize(
    ("first", "follow_up", "intent"),
    [
        ("Hvem kan søke Husbankens boligsosiale tiltak?", "Hva er fristen?", "deadline"),
        ("Hvem kan søke prosjektskjønnsmidler?", "Når er søknadsfristen?", "deadline"),
        ("Hvem kan søke tilskudd til kommunalt rusarbeid?", "Og hva er satsen neste år?", "amount"),
    ],
)
def test_a_short_follow_up_with_its_own_question_word_asks_that_question(
    first: str, follow_up: str, intent: str
) -> None:
    answers = chat([first, follow_up], dt.date(2022, 1, 20))
    assert answers[0].intent == "who_may_apply"
    assert answers[1].intent == intent
    assert answers[1].scheme == answers[0].scheme


def test_how_much_after_an_appropriation_stays_with_that_money() -> None:
    answers = chat(
        ["bevilgning kommunalt rusarbeid 2021", "og hvor mye av det går til Innlandet?"],
        dt.date(2026, 12, 1),
    )
    assert answers[1].intent == "appropriation"


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Hva var økningen i rammen for Kristiansund i 2017?", "Kristiansund"),
        ("Kristiansund 2019 rammeøkning?", "Kristiansund"),
        ("Hvor mye fikk Lillehammer i tilskudd til NAV-kontoret i 2020?", "Lillehammer"),
        ("Hvor mye fikk Hamar kommune fra kommunalt rusarbeid i 2021?", "Hamar"),
        ("How much did Molde receive from the NAV grant in 2020?", "Molde"),
    ],
)
def test_a_place_outside_the_tables_is_declined_and_never_read_as_a_lookalike(
    question: str, place: str
) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert not answer.answered
    assert place in answer.text
    assert "municipality" not in answer.slots
    assert "7 652 359" not in answer.text and "660 000" not in answer.text


def test_a_table_municipality_typed_with_a_typo_is_still_found() -> None:
    (answer,) = chat(["kristiansnad økning i rammen 2018"], dt.date(2026, 12, 1))
    assert answer.answered and "7 652 359" in answer.text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("Hvor mange KVP-deltakere hadde Rogaland i 2021?", "2019"),
        ("Hvor mange husholdninger i Nordland var i midlertidig botilbud i 2020?", "2018"),
        ("How many KVP participants did Troms have in 2023?", "2019"),
    ],
)
def test_a_count_asked_for_a_year_the_table_does_not_count_is_declined(
    question: str, shown: str
) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert not answer.answered
    assert shown in answer.text


def test_a_count_asked_for_the_year_the_table_counts_is_answered() -> None:
    (answer,) = chat(["Hvor mange KVP-deltakere hadde Rogaland i 2019?"], dt.date(2026, 12, 1))
    assert answer.answered
