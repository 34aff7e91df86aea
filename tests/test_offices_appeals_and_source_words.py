"""Offices the sources hold nothing from, appeals asked in many words, rules in their own words."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from bot.text import fold
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
OFFICE_NAMES = {n for o in KB.offices.values() for n in [o.name, *o.aliases]}
CONTACT_WORDS = [
    word
    for office in KB.offices.values()
    for contact in office.contacts
    for word in (contact.name, contact.email, contact.phone, contact.web)
    if word and word not in OFFICE_NAMES
]
KNOWN_REGIONS = {fold(a) for o in KB.offices.values() for a in [o.name, *o.aliases]}
LANGUAGE = KB.language
assert LANGUAGE is not None and LANGUAGE.offices is not None
FOREIGN_REGIONS = [r for r in LANGUAGE.offices.regions if fold(r) not in KNOWN_REGIONS]


def ask(question: str, today: dt.date = TODAY) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, today)
    return answer.answered, answer.text


def conversation(*questions: str, today: dt.date = TODAY) -> list[tuple[bool, str]]:
    engine = Engine(KB)
    return [(a.answered, a.text) for a in (engine.ask(q, today, chat="offices") for q in questions)]


def borrowed(text: str) -> list[str]:
    """The contact names, e-mails and phone numbers of the sources' offices in an answer."""
    return [w for w in CONTACT_WORDS if w in text]


@pytest.mark.parametrize("region", FOREIGN_REGIONS)
@pytest.mark.parametrize(
    "template",
    [
        "Hvem er kontaktperson hos Statsforvalteren i {r}?",
        "Hvilke tilskudd gir Fylkesmannen i {r} til rusarbeid?",
        "Når er søknadsfristen for kommunalt rusarbeid hos Statsforvalteren i {r}?",
        "Kven er kontaktperson hjå Statsforvaltaren i {r}?",
        "Who is the grant contact at the County Governor of {r}?",
        "What deadlines does the {r} County Governor set for the NAV grant?",
    ],
)
def test_an_office_the_sources_hold_nothing_from_is_named_and_gets_no_other_offices_facts(
    region: str, template: str
) -> None:
    answered, text = ask(template.format(r=region))
    assert not answered
    assert region in text
    assert "ingenting fra" in text or "hold nothing from" in text
    assert borrowed(text) == []


@pytest.mark.parametrize(
    "question",
    [
        "Hvem er kontaktperson hos Statsforvalteren i Agder?",
        "Hvem er kontaktperson hos Fylkesmannen i Aust- og Vest-Agder?",
        "Hva er e-posten til saksbehandleren hos Statsforvalteren i Innlandet?",
        "who is the contact person at the county governor in Agder?",
    ],
)
def test_an_office_the_sources_have_is_answered_with_its_contacts(question: str) -> None:
    answered, text = ask(question)
    assert answered and borrowed(text)


@pytest.mark.parametrize(
    "question",
    [
        "Hvem er fylkesmannen i ditt fylke for NAV-tilskuddet?",
        "Skal søknaden om NAV-tilskuddet sendes til fylkesmannen i eget fylke?",
    ],
)
def test_the_county_governor_of_ones_own_county_names_no_office(question: str) -> None:
    _answered, text = ask(question)
    assert "ingenting fra" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvem er kontaktperson i Nordland?",
        "Når er søknadsfristen for kommunalt rusarbeid i Vestland?",
        "Who is the contact person in Trøndelag?",
        "Hvor sender vi søknaden i Rogaland?",
    ],
)
def test_a_region_asked_for_its_contacts_or_deadlines_is_its_office(question: str) -> None:
    answered, text = ask(question)
    assert not answered and borrowed(text) == []
    assert "15. februar" not in text and "10. februar" not in text


def test_a_follow_up_naming_another_region_gets_none_of_the_first_offices_contacts() -> None:
    (first, text1), (second, text2) = conversation(
        "Hvem er kontaktperson hos Statsforvalteren i Innlandet?", "og i Nordland?"
    )
    assert first and "Bækkevold" in text1
    assert not second and "Nordland" in text2 and borrowed(text2) == []


def test_a_region_in_a_statistics_question_is_still_the_tables_row() -> None:
    answered, text = ask("Hvor mange i Nordland hadde sosialhjelp 6–12 måneder som hovedinntekt?")
    assert answered and "838" in text


def test_a_two_part_question_naming_an_unknown_office_is_declined_whole() -> None:
    question = "Hvilke ordninger har Statsforvalteren i Troms, og hvem kan vi kontakte der?"
    answered, text = ask(question)
    assert not answered and "Troms" in text and borrowed(text) == []


@pytest.mark.parametrize(
    "question",
    [
        "If our application is turned down by the county governor, can we appeal?",
        "Can we challenge a refused grant decision?",
        "Our application was rejected – is it possible to complain?",
        "Is there any way to contest a rejection of our application?",
        "What can we do if the county governor denies our application?",
        "If we disagree with the decision on the grant, can we have it reviewed?",
        "Does the Public Administration Act give us a right to complain about the grant decision?",
        "Kan vi klage hvis søknaden blir avslått?",
        "Kan vi påklage avslaget på søknaden?",
        "Kan tildelingen overprøves?",
        "Kva kan vi gjere viss søknaden vert avslått?",
    ],
)
def test_an_appeal_asked_in_any_words_gets_the_rule_that_there_is_none(question: str) -> None:
    answered, text = ask(question, dt.date(2021, 1, 10))
    assert answered
    assert "28" in text
    assert "enkeltvedtak" in text


@pytest.mark.parametrize(
    "question",
    [
        "How much extra can we get per measure for competence in the NAV grant?",
        "What is the competence money per measure in the NAV grant?",
        "Hvor mye ekstra kan NAV-kontoret få per tiltak til kompetanse?",
    ],
)
def test_the_competence_money_per_measure_is_reached_standalone(question: str) -> None:
    answered, text = ask(question)
    assert answered
    assert "10,000" in text or "10 000" in text


def test_the_competence_money_per_measure_is_reached_as_a_follow_up_in_english() -> None:
    answers = conversation(
        "What is the maximum NAV development grant per 100% position?",
        "How much extra is there per measure for competence?",
    )
    assert all(answered for answered, _ in answers)
    assert "NOK 10,000" in answers[1][1]


def test_a_claimed_percentage_on_top_is_declined_whatever_else_the_question_asks() -> None:
    answered, text = ask("Får kommunen 15 % ekstra til kommunalt rusarbeid om den samarbeider?")
    assert not answered and "15 %" in text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "Vi startet NAV-tiltaket i 2021 – hvor lenge kan vi få tilskudd til samme tiltak?",
            "inntil tre år til samme tiltak",
        ),
        (
            "We started the NAV measure in 2020. Until which year can it get the grant?",
            "up to three years for the same measure",
        ),
        ("Hvor lenge kan NAV-tilskuddet gis til samme tiltak?", "inntil tre år til samme tiltak"),
        (
            "Første tilskudd til kommunalt rusarbeid fikk vi i 2017. Til og med hvilket år får vi?",
            "årsverk inntil 4 år",
        ),
    ],
)
def test_a_duration_is_answered_in_the_rules_own_words(question: str, words: str) -> None:
    answered, text = ask(question, dt.date(2020, 3, 1))
    assert answered and words in text


@pytest.mark.parametrize(
    ("question", "today", "words"),
    [
        (
            "Når er søknadsfristen for voksne-ordningen i 2021?",
            dt.date(2021, 1, 7),
            "antatt og foreløpig",
        ),
        (
            "When is the application deadline for the adults scheme in 2021?",
            dt.date(2021, 1, 7),
            "assumed and tentative",
        ),
        ("Når er neste søknadsfrist for voksne-ordningen?", dt.date(2022, 1, 28), "antatt"),
    ],
)
def test_a_date_the_source_assumes_is_marked_assumed_in_every_answer(
    question: str, today: dt.date, words: str
) -> None:
    answered, text = ask(question, today)
    assert answered and words in text


def test_a_municipality_named_like_a_region_is_no_office() -> None:
    _answered, text = ask("Hvilke tilskudd kan Oslo kommune søke på?")
    assert "ingenting fra" not in text


def test_a_region_beside_a_named_office_asks_that_offices_contacts() -> None:
    question = "Hvem er kontaktperson hos Statsforvalteren i Innlandet for kommuner i Troms?"
    answered, text = ask(question)
    assert answered and "Bækkevold" in text


@pytest.mark.parametrize(
    "question",
    [
        "Får vi refusjon for lønnsutgifter i NAV-tilskuddet?",
        "Hvor mye kan vi få per tiltak til kompetanse i NAV-tilskuddet?",
        "Kan kompetansemidlene brukes til kurs?",
    ],
)
def test_words_near_an_appeal_ask_no_appeal(question: str) -> None:
    assert Engine(KB).ask(question, TODAY).intent != "appeal"
