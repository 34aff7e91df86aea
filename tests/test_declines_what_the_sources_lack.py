"""What the sources do not hold is said plainly, never answered with a neighbouring figure."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


def ask(question: str) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, TODAY)
    return answer.answered, answer.text


def contacts() -> list[tuple[str, str | None, str | None]]:
    return [
        (c.name, c.phone, c.email)
        for o in KB.offices.values()
        for c in o.contacts
        if c.name and c.email and " " in c.name
    ]


@pytest.mark.parametrize(("name", "phone", "email"), contacts())
def test_a_named_persons_phone_is_theirs_or_said_to_be_missing(
    name: str, phone: str | None, email: str | None
) -> None:
    answered, text = ask(f"Hva er telefonnummeret til {name}?")
    others = [p for n, p, _ in contacts() if p and n != name and p != phone]
    assert not any(p in text for p in others)
    if phone:
        assert answered and phone in text
    else:
        assert not answered and "ikke noe telefonnummer" in text


def test_the_holder_of_an_office_title_the_sources_name_nobody_for_is_not_guessed() -> None:
    answered, text = ask("Hvem er statsforvalter i Innlandet?")
    assert not answered
    assert "navngir ikke" in text


@pytest.mark.parametrize(
    "scheme",
    [
        s
        for s in KB.schemes.values()
        if not any(r.kind in ("ladder", "cap", "flat", "same_as") for r in s.rules)
        and s.kind == "tilskudd"
    ][:4],
)
def test_a_rate_asked_of_a_scheme_without_rates_gets_no_figure(scheme) -> None:
    answered, text = ask(f"What is the per-FTE rate in the {scheme.names.short} grant?")
    assert not answered
    assert "no rates" in text
    assert "660,000" not in text and "610,000" not in text


def test_a_count_the_sources_do_not_give_is_declined_not_answered_with_a_card() -> None:
    answered, text = ask("Hvor mange timer ekstern prosessevaluering dekkes i NAV-tilskuddet?")
    assert not answered
    assert "antall timer" in text


def test_a_count_the_sources_give_is_still_answered() -> None:
    answered, text = ask("Hvor mange år kan et tiltak få tilskudd fra NAV-ordningen?")
    assert answered
    assert "år" in text


def test_a_grant_asked_for_a_year_after_the_schemes_end_is_not_promised() -> None:
    from bot import asof

    scheme = next(s for s in KB.schemes.values() if asof.grant_end(s))
    end = asof.grant_end(scheme)
    assert end is not None
    _answered, text = ask(f"Kan vi få tilskudd til {scheme.names.short.lower()} i {end + 1}?")
    assert f"etter {end}" in text


def test_the_source_sentence_a_topic_card_lacks_is_quoted_with_its_source() -> None:
    fact = next(f for s in KB.schemes.values() for f in s.facts if "136 kommuner" in f.text)
    answered, text = ask(
        "Hvor mange kommuner er ikke omfattet av ordningen for kommunalt rusarbeid, "
        "ifølge signalene fra direktoratet?"
    )
    assert answered
    assert fact.text in text
    assert fact.source in text


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Når er fristen for NAV-tilskuddet, og hvem kan søke?", 2),
        ("Hva er satsen i år 1? Hva er den i år 2?", 2),
        ("When is the deadline and who can apply?", 2),
        ("vi har 3 stillinger, hva får vi i år 2?", 1),
        ("hva får vi for to stillinger og tre tiltak?", 1),
    ],
)
def test_a_message_of_two_questions_is_split_only_at_a_second_question_word(
    text: str, parts: int
) -> None:
    from bot.engine import split_questions

    assert KB.language is not None
    assert len(split_questions(text, KB.language.question_words)) == parts


def test_two_questions_in_one_message_get_both_answers_the_second_about_the_first() -> None:
    engine = Engine(KB)
    both = engine.ask("Når er søknadsfristen for NAV-tilskuddet, og hvem kan søke?", TODAY)
    deadline = engine.ask("Når er søknadsfristen for NAV-tilskuddet?", TODAY)
    who = engine.ask("Hvem kan søke om NAV-tilskuddet?", TODAY)
    assert both.answered
    assert deadline.paragraphs[0] in both.text
    assert who.paragraphs[-1] in both.text


def test_a_grant_asked_for_this_year_after_the_schemes_end_is_not_promised() -> None:
    from bot import asof

    scheme = next(s for s in KB.schemes.values() if asof.grant_end(s))
    end = asof.grant_end(scheme)
    assert end is not None
    late = dt.date(end + 2, 3, 1)
    answer = Engine(KB).ask(f"Hvor mye får vi per stilling i {scheme.names.short} i år?", late)
    assert f"etter {end}" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye fikk Arendal kommune i tilskudd til kommunalt rusarbeid i 2020?",
        "How much did Oslo receive from the NAV social services grant in 2020?",
    ],
)
def test_what_one_place_was_granted_is_not_answered_with_the_schemes_rates(question: str) -> None:
    answered, text = ask(question)
    assert not answered
    assert "660 000" not in text and "610,000" not in text


def test_a_message_answered_as_one_question_after_all_leaves_the_chats_context_as_it_was() -> None:
    engine = Engine(KB)
    engine.ask("Hva får vi i år 3 for 2 årsverk i kommunalt rusarbeid?", TODAY, chat="c")
    before = engine.contexts.describe("c")
    # two parts, the second of which cannot be answered on its own
    engine.ask("Hva er satsen i år 1, og hva er prisen på en kopp kaffe?", TODAY, chat="c")
    assert engine.contexts.describe("c") == before
    assert engine.contexts.describe("\0split:c") is None


@pytest.mark.parametrize(
    "question",
    [
        "Hva er tilskuddssatsen for Husbankens boligsosiale tiltak?",
        "Kva er tilskotssatsane for Husbankens boligsosiale tiltak?",
    ],
)
def test_a_rate_asked_in_a_compound_of_a_scheme_without_rates_is_declined(question: str) -> None:
    answered, text = ask(question)
    assert not answered
    assert "ingen satser" in text
