"""Sentences of the 2018 and 2021 decks reached by questions in other words than theirs."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 7)


def ask(question: str) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, TODAY)
    return answer.answered, answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # what the report's accounts must be is part of how to report
        (
            "Hva må rapporteringen for voksenordningen inneholde for midlene fra 2020?",
            "revisorattestert",
        ),
        ("Hvordan rapporterer kommunen på kommunalt rusarbeid i 2021?", "egenerklæring"),
    ],
)
def test_a_reporting_question_gets_the_accounts_the_report_needs(question: str, said: str) -> None:
    answered, text = ask(question)
    assert answered and said in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Må kommunen levere revisorattestert regnskap for voksenmidlene fra 2020?",
            "revisorattestert",
        ),
        ("Hvordan blir voksenmidlene fordelt til fylkene?", "søknadsgrunnlag"),
    ],
)
def test_the_adults_money_names_the_adults_scheme(question: str, said: str) -> None:
    answered, text = ask(question)
    assert answered and said in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva skjer om kommunene ikke følger opp opptrappingsplanen?",
        "Hva gjør regjeringen dersom rapporteringen viser at kommunene ikke følger opp "
        "opptrappingsplanen?",
    ],
)
def test_not_following_up_the_plan_reaches_the_stronger_measures(question: str) -> None:
    answered, text = ask(question)
    assert answered and "sterkere virkemidler" in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Kan vi samarbeide med nabokommuner eller private aktører i rusarbeid-tilskuddet?",
            "interkommunalt",
        ),
        (
            "Kan vi jobbe sammen med frivillige om årsverk finansiert av rusarbeidstilskuddet?",
            "interkommunalt",
        ),
        ("Åpnet ordningen for kommunalt rusarbeid for nye tiltak i 2021?", "«nye» tiltak"),
    ],
)
def test_a_cooperation_or_opening_asked_in_other_words_is_its_sentence(
    question: str, said: str
) -> None:
    answered, text = ask(question)
    assert answered and said in text


def test_how_long_after_the_limits_is_the_duration_sentence() -> None:
    answered, text = ask(
        "Hvor lenge kan nye team få tilskudd etter avgrensningene for voksne i 2018?"
    )
    assert answered and "inntil 4 år" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilket proposisjonsnummer står i ordningen for kommunalt rusarbeid?",
        "Hvilket prop.-nummer har opptrappingsplanen?",
    ],
)
def test_a_document_number_asked_with_hvilket_is_its_sentence(question: str) -> None:
    answered, text = ask(question)
    assert answered and "Prop. 15 S" in text


def test_a_requirement_the_source_says_is_taken_away_is_said_no_to() -> None:
    answered, text = ask("Kreves revisorattestasjon for voksne med langvarige behov i 2022?")
    assert answered and text.split("\n\n")[1] == "Nei."


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hvor mye var 2018-prognosen for kommunalt rusarbeid i Agder?", "28 000 000 kr"),
        ("Hva var prognosen for langvarige og sammensatte i Agder i 2018?", "13 000 000 kr"),
    ],
)
def test_a_schemes_prognosis_asked_is_the_offices_prognosis_of_its_money(
    question: str, figure: str
) -> None:
    answered, text = ask(question)
    assert answered and figure in text


@pytest.mark.parametrize(
    ("question", "yes"),
    [
        (
            "Er det riktig at 136 kommuner ikke var omfattet av tilskudd til kommunalt rusarbeid?",
            True,
        ),
        (
            "Stemmer det at 150 kommuner ikke var omfattet av tilskudd til kommunalt rusarbeid?",
            False,
        ),
    ],
)
def test_a_count_stated_in_a_premise_is_said_yes_to_by_the_sentence_stating_it(
    question: str, yes: bool
) -> None:
    _answered, text = ask(question)
    assert ("Ja, det stemmer." in text) is yes
    assert "136 kommuner er ikke omfattet" in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # a framework question whose passage holds every content word needs no municipality
        (
            "Hvor mye var ytterligere økning i rammen som lysbildet fra 2018 nevner?",
            "300 millioner",
        ),
        # a second named scheme whose fact the question's words clearly match answers too
        (
            "Hva sa HOD om ordningen for kommunalt rusarbeid da opptrappingsplanen ble avsluttet "
            "i 2020?",
            "videreføres i 2021",
        ),
        # the size of the scheme's framework is its appropriation
        ("Hvor stor var rammen for kommunalt rusarbeid i 2018?", "472,4"),
        # 'foreslo' meets 'Foreslår'
        (
            "Hvilke endringer foreslo direktoratet om regnskapet i regelverket for 2018?",
            "økonomiansvarlig",
        ),
        # a section heading named though no scheme is, beside the sentence the words match
        (
            "Hvilke avgrensninger hadde det nye regelverket som direktoratet signaliserte i 2018?",
            "nye metoder",
        ),
        # no scheme named, but the sentence carrying the duration asked for explains it
        (
            "Kor lenge kan nye team få tilskot etter signala om nytt regelverk i 2018?",
            "inntil 4 år",
        ),
    ],
)
def test_a_sentence_reached_beside_or_instead_of_the_card(question: str, said: str) -> None:
    answered, text = ask(question)
    assert answered and said in text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        # 'felt' is an everyday word: the fields a priority names
        ("Hvilke felt nevnes under prioritet 3 for voksne i 2022?", "voldsfeltet"),
        ("Kva felt er med i prioritet 3 for vaksne i 2022?", "voldsfeltet"),
        # the newest applicants given with reservations, and the last firm statement beside
        (
            "Hvem kan søke i ordningen for voksne med langvarige og sammensatte behov?",
            "helseforetak",
        ),
    ],
)
def test_a_field_or_applicant_asked_of_the_adults_scheme(question: str, said: str) -> None:
    answered, text = ask(question)
    assert answered and said in text


def test_a_figure_read_from_a_table_is_not_led_by_the_sentence_pointing_to_it() -> None:
    answered, text = ask("Hva viser figuren i opptrappingsplanen om rammen nasjonalt i 2018?")
    assert answered and "375 000 000 kr" in text
    assert "400 i ramma" not in text


def test_a_scheme_with_nothing_on_a_topic_gets_what_its_deck_says_of_the_related_scheme() -> None:
    answered, text = ask("Kreves det revisorattestasjon i Nytt tilskudd psykisk helse/rus i 2022?")
    assert "Kildene mine sier ingenting om «regnskap og revisjon»" in text
    assert answered and "Samme kilde sier om" in text and "Revisorattestasjon tas bort" in text
