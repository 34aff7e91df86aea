"""Prose facts: source sentences reached, contacts and deadlines told only as far as known."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


def ask(question: str, today: dt.date = TODAY) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, today)
    return answer.answered, answer.text


def conversation(*questions: str) -> list[tuple[bool, str]]:
    engine = Engine(KB)
    out = []
    for q in questions:
        answer = engine.ask(q, TODAY, chat="prose")
        out.append((answer.answered, answer.text))
    return out


@pytest.mark.parametrize(
    ("office", "detail", "nb"),
    [
        (office.name, detail, nb)
        for office in KB.offices.values()
        if office.contacts
        for detail, nb in (("phone", "telefonnummeret"), ("email", "e-posten"))
    ],
)
def test_an_offices_phone_or_email_is_given_or_said_to_be_missing(
    office: str, detail: str, nb: str
) -> None:
    answered, text = ask(f"Hva er {nb} til {office}?")
    given = [
        getattr(c, detail)
        for o in KB.offices.values()
        if o.name == office
        for c in o.contacts
        if getattr(c, detail)
    ]
    if given:
        assert answered and any(g in text for g in given)
    else:
        assert not answered
        assert "Kildene oppgir ikke noe" in text


@pytest.mark.parametrize(
    "follow_up",
    ["Er han fortsatt kontaktperson i dag?", "Gjelder det fortsatt?", "Is he still the contact?"],
)
def test_whether_a_contact_still_holds_today_is_not_claimed(follow_up: str) -> None:
    first, second = conversation("Hvem er kontaktperson hos Fylkesmannen i Agder?", follow_up)
    assert first[0]
    answered, text = second
    assert not answered
    assert "2020" in text


@pytest.mark.parametrize(
    ("question", "year"),
    [
        ("Hva blir søknadsfristen for kommunalt rusarbeid neste år?", "2027"),
        ("What will the municipal substance abuse grant deadline be next year?", "2027"),
        ("Når er rapporteringsfristen for rustilskuddet neste år?", "2027"),
    ],
)
def test_a_deadline_next_year_for_a_scheme_that_has_ended_says_none_is_known(
    question: str, year: str
) -> None:
    _answered, text = ask(question)
    assert year in text
    assert "2024" in text
    assert "2026" not in text.split("\n")[0]


@pytest.mark.parametrize(
    ("question", "last_known"),
    [
        ("Når er søknadsfristen for NAV-tilskuddet neste år?", "1. februar"),
        ("Når er søknadsfristen for prosjektskjønnsmidler neste år?", "2022"),
    ],
)
def test_a_deadline_next_year_for_a_running_scheme_gives_the_last_known_one(
    question: str, last_known: str
) -> None:
    answered, text = ask(question)
    assert answered
    assert last_known in text
    assert "2027" in text


@pytest.mark.parametrize(
    ("question", "words"),
    [
        # everyday words the sources never use do not make a question unknown
        ("Hva ble foreslått om revisorattestasjon i regelverket for 2018?", ["økonomiansvarlig"]),
        (
            "Kva gjer Statsforvaltaren om hovudregelen for avkorting gir store negative "
            "konsekvensar?",
            ["reduksjonsgrad"],
        ),
        ("Hvem avgjør hvor på avkortningsstigen vi havner i rustilskuddet?", ["Skjønnsmessig"]),
    ],
)
def test_a_question_in_everyday_words_reaches_the_source_sentence(
    question: str, words: list[str]
) -> None:
    answered, text = ask(question)
    assert answered
    for w in words:
        assert w in text


@pytest.mark.parametrize(
    ("question", "limit"),
    [
        ("Kan vi bruke rustilskuddet til utstyr og husleie?", "kun til årsverk"),
        ("Hva dekker tilskuddet til kommunalt rusarbeid, også kontorutgifter?", "kun til årsverk"),
        ("Kan rustilskuddet finansiere et prosjekt på ett år?", "tidsavgrensede prosjekter"),
    ],
)
def test_what_a_scheme_covers_includes_the_limits_it_states_in_any_year(
    question: str, limit: str
) -> None:
    answered, text = ask(question)
    assert answered
    assert limit in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva gis det ikke NAV-utviklingstilskudd til?",
        "Hva dekkes det ikke tilskudd til i NAV-ordningen?",
    ],
)
def test_what_is_not_funded_is_read_with_the_verb_first(question: str) -> None:
    answered, text = ask(question)
    assert answered
    assert "0-24" in text


@pytest.mark.parametrize(
    "question",
    [
        "Which grant in the 2022 table has a rolling deadline?",
        "Which scheme has the earliest deadline in 2022?",
        "Which grant has the latest deadline in 2022?",
    ],
)
def test_which_grant_has_a_deadline_is_answered_with_the_deadlines_in_english(
    question: str,
) -> None:
    answer = Engine(KB).ask(question, TODAY)
    assert answer.intent == "deadline"
    assert answer.answered
    assert "Ongoing/rolling" in answer.text
    assert "Løpende" not in answer.text.split("Source")[0].replace("– Løpende»", "")
    assert "ikke navngitt" not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvilken målgruppe er nytt i NAV-prioriteringene for 2022 sammenlignet med 2020?", "2022"),
        ("Er det en fast frist for kompensasjon til fastleger ved koronafravær?", "Løpende"),
        ("Hvilke fagfelt nevnes i prioritet 3 for voksne i 2022?", "voldsfeltet"),
    ],
)
def test_everyday_words_in_a_topic_question_keep_it_answered(question: str, expected: str) -> None:
    answered, text = ask(question)
    assert answered
    assert expected in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er maksbeløpet vi kan få fra Husbankens boligsosiale tiltak?",
        "Hva er høyeste beløp for frisklivs- og læringstilbud?",
        "What is the maximum amount for the Husbanken social housing grant?",
    ],
)
def test_a_maximum_amount_of_a_scheme_without_rates_is_declined(question: str) -> None:
    answered, text = ask(question)
    assert not answered
    assert "660 000" not in text and "610 000" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken kommune i Innlandet fikk mest tilskudd til kommunalt rusarbeid i 2021?",
        "Hvilke kommuner fikk tilskudd fra NAV-ordningen i 2020?",
        "Which municipality received the most from the municipal substance abuse grant?",
    ],
)
def test_which_place_received_a_grant_is_declined(question: str) -> None:
    answered, text = ask(question)
    assert not answered
    assert "660 000" not in text


def test_the_largest_framework_increase_is_still_a_table_ranking() -> None:
    answered, text = ask("Hvilken kommune fikk størst økning i rammen i 2018?")
    assert answered
    assert "Kristiansand" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva går «den gylne regel» ut på?", "somatikk"),
        ("Hvilke år gjelder strategien Mestre hele livet?", "2017–2022"),
        ("Hvor finner vi oversikt over innovasjonsverktøy?", "Difi"),
        ("Hva menes med «Bolig for velferd» i kunngjøringen?", "2014–2020"),
    ],
)
def test_a_phrase_of_the_question_printed_in_a_source_sentence_gets_that_sentence(
    question: str, expected: str
) -> None:
    answered, text = ask(question)
    assert answered
    assert expected in text
    assert "Kilde" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er «den gylne middelvei» i barnehagen?",
        "Hvem sendte brev til ordførerne om eiendomsskatten?",
    ],
)
def test_a_phrase_the_sources_do_not_print_stays_declined(question: str) -> None:
    answered, _text = ask(question)
    assert not answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Når var søknadsverkstedet i Innlandet?", ["7. januar 2021", "Innlandet"]),
        ("Hvem holdt søknadsverkstedet?", ["Arild Bækkevold", "fmheabe@statsforvalteren.no"]),
        ("When was the application workshop held?", ["7 January 2021"]),
    ],
)
def test_when_or_who_of_a_source_document_is_its_date_office_and_named_people(
    question: str, expected: list[str]
) -> None:
    answered, text = ask(question)
    assert answered
    for e in expected:
        assert e in text
    assert "Postmottak" not in text


@pytest.mark.parametrize(
    ("question", "required"),
    [
        ("Når er rapporteringsfristen for voksne-ordningen i 2021?", "revisorattestert"),
        ("Når er regnskapsfristen for barn og unge i 2021?", "revisorattestert"),
        ("Når må rapporten for kommunalt rusarbeid 2021 være inne?", "egenerklæring"),
    ],
)
def test_a_report_deadline_says_what_is_to_be_reported_by_it(question: str, required: str) -> None:
    answered, text = ask(question)
    assert answered
    assert required in text


@pytest.mark.parametrize(
    ("question", "answered_expected", "expected"),
    [
        ("Når skulle barn og unge-ordningen utlyses i 2018?", True, "medio januar 2018"),
        ("When was the adults scheme to be announced in 2018?", True, "mid-January 2018"),
        ("Hva var søknadsfristen for voksne-ordningen i 2018?", False, "medio januar 2018"),
    ],
)
def test_a_year_without_a_deadline_tells_when_its_call_was_to_come(
    question: str, answered_expected: bool, expected: str
) -> None:
    answered, text = ask(question)
    assert answered is answered_expected
    assert expected in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva kunne tilskuddet til voksne med langvarige og sammensatte behov brukes til i Agder?",
        "Hva kan NAV-tilskuddet brukes til i Innlandet?",
    ],
)
def test_a_place_after_what_a_grant_is_used_for_is_no_cost_asked_about(question: str) -> None:
    answered, text = ask(question)
    assert answered
    assert "Lønn til stillinger" in text


def test_a_cost_the_sources_never_name_stays_unknown_with_a_place() -> None:
    answered, text = ask("Kan barn og unge-tilskuddet brukes til utstyr i Agder?")
    assert not answered
    assert "utstyr" in text


def test_what_the_table_colours_mean_includes_that_the_table_is_no_scorecard() -> None:
    answered, text = ask("Hva betyr de røde og grønne fargene i sosialtjenestetabellen?")
    assert answered
    assert "rød og grønn" in text
    assert "ikke et målekort" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva kalles prinsippet om at helseregionene skal prioritere rusbehandling høyere enn "
        "somatikk?",
        "Hva heter regelen om at helseregionene skal prioritere psykisk helsevern høyere enn "
        "somatikk?",
        "Kva vert prinsippet kalla når helseregionane skal prioritere rusbehandling og psykisk "
        "helsevern framfor somatikk?",
    ],
)
def test_a_question_with_unknown_words_is_answered_by_a_sentence_sharing_three_of_its_words(
    question: str,
) -> None:
    answered, text = ask(question)
    assert answered
    assert "gylne regel" in text


def test_a_question_with_unknown_words_and_no_matching_sentence_stays_out_of_scope() -> None:
    answered, text = ask("Hva kalles været i Tromsø i morgen?")
    assert not answered
    assert "står ikke i kildene" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvordan sender vi inn søknaden om NAV-tilskuddet?",
        "Hvordan søker vi om tilskuddet til de sosiale tjenestene i NAV-kontoret?",
        "How do we send in the application for the NAV social services grant?",
    ],
)
def test_how_to_apply_for_a_named_scheme_is_its_own_answer_not_another_offices(
    question: str,
) -> None:
    answered, text = ask(question)
    assert answered
    assert "signeres" in text or "signed" in text
    assert "sfinpost" not in text and "Lillehammer" not in text


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("Må kommunen dekke minst 20 % egenandel for å få tilskudd til kommunalt rusarbeid?", "20"),
        ("Krev ordninga at kommunen har 30 prosent eigendel i kommunalt rusarbeid?", "30"),
        ("Is an own share of 25 % required for the municipal substance abuse grant?", "25"),
    ],
)
def test_an_own_share_percentage_the_sources_do_not_set_is_said_to_be_unstated(
    question: str, number: str
) -> None:
    answered, text = ask(question)
    assert not answered
    assert f"ikke at egenandelen skal være {number} %" in text or (
        f"do not say that the own share is to be {number} %" in text
    )


def test_an_own_share_question_without_a_percentage_is_answered_from_the_sources() -> None:
    answered, text = ask("Hva sier kildene om egenandelen i kommunalt rusarbeid?")
    assert answered
    assert "ikke at egenandelen skal være" not in text


@pytest.mark.parametrize(
    "sid",
    [
        sid
        for sid, scheme in KB.schemes.items()
        if len({f.years.label() for f in scheme.facts if f.topic.value == "purpose"}) > 1
    ],
)
def test_the_purpose_of_a_scheme_is_every_purpose_the_sources_state_newest_first(sid: str) -> None:
    scheme = KB.schemes[sid]
    answered, text = ask(f"Hva er formålet med {scheme.names.short}?")
    assert answered
    purposes = [f for f in scheme.facts if f.topic.value == "purpose" and not f.tentative]
    for fact in purposes:
        assert fact.text.split()[0] in text
        assert " ".join(fact.text.split()[:6]) in " ".join(text.split())


@pytest.mark.parametrize(
    "question",
    [
        "Kan vi søke om tilskudd til kommunalt rusarbeid for en ny stilling i 2022?",
        "Kven kan søkje om tilskot til kommunalt rusarbeid i 2022?",
        "Who may apply for the municipal substance abuse grant in 2022?",
    ],
)
def test_who_may_apply_in_the_wind_down_year_says_only_existing_positions_continue(
    question: str,
) -> None:
    answered, text = ask(question, dt.date(2022, 1, 27))
    assert answered
    assert "2021" in text
    assert "eksisterende stillinger" in text or "existing positions" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken dato ble søknadsverkstedet holdt?",
        "Kva dato var søknadsverkstedet?",
        "On what date was the application workshop held?",
    ],
)
def test_the_date_of_a_source_document_asked_by_date_is_its_date(question: str) -> None:
    (doc,) = [d for d in KB.sources.values() if d.title.startswith("Søknadsverksted")]
    answered, text = ask(question)
    assert answered
    assert (doc.date_text in text) or ((doc.date_text_en or doc.date_text) in text)


@pytest.mark.parametrize(
    "question",
    [
        "Hvem sto bak søknadsverkstedet hos Statsforvalteren i Innlandet?",
        "Hvem ledet søknadsverkstedet i januar 2021?",
        "hvem holdt søknadsverkstedet hos statsforvalteren i innlandet?",
        "Kven heldt søknadsverkstaden?",
        "Who ran the application workshop in Innlandet in January 2021?",
    ],
)
def test_who_held_a_source_document_named_with_its_office_and_month_is_its_named_people(
    question: str,
) -> None:
    answered, text = ask(question)
    assert answered
    assert "Arild Bækkevold" in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Når blir ordningen for barn og unge utlyst?", "medio januar 2018"),
        ("Kva tid blir tilskotet til barn og unge kunngjort?", "medio januar 2018"),
        ("Når ventes tilskuddet til voksne kunngjort i år?", "medio januar 2018"),
        ("When is the grant for adults with long-term complex needs announced?", "mid-January"),
    ],
)
def test_when_a_scheme_is_announced_asked_without_a_year_gives_the_dated_announcement(
    question: str, expected: str
) -> None:
    answered, text = ask(question, dt.date(2018, 1, 5))
    assert answered
    assert expected in text


def test_when_a_scheme_is_announced_in_a_year_gives_that_years_statement_only() -> None:
    answered, text = ask("Når kunngjøres ordningen for barn og unge i 2021?")
    assert answered
    assert "medio januar 2018" not in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva er tidsperioden for tilskuddet til sosiale tjenester i NAV?", "oppstartsdato"),
        ("Hva sier signalene fra Direktoratet om kommunalt rusarbeid?", "136 kommuner"),
        ("Kva seier signala frå Direktoratet om kommunalt rusarbeid?", "Nye kommuner"),
        ("Hva var avgrensningene for voksne-ordningen i 2018?", "ACT"),
        ("Hva var avgrensningene for barn og unge-ordningen?", "nye metoder"),
        ("Hva er veien videre for kommunalt rusarbeid?", "Veien videre"),
        ("Hva sier oppfølgingen i opptrappingsplanen om evaluering?", "evalueringsprogram"),
    ],
)
def test_a_question_naming_a_section_heading_of_the_sources_gets_that_section(
    question: str, expected: str
) -> None:
    answered, text = ask(question)
    assert answered
    assert expected in text


def test_a_heading_of_another_year_than_the_one_asked_is_not_quoted() -> None:
    _answered, text = ask("Hva sier signalene fra Direktoratet om kommunalt rusarbeid i 2021?")
    assert "136 kommuner" not in text


def test_a_grant_word_in_a_heading_does_not_make_the_question_name_it() -> None:
    # 'Det gis ikke tilskudd til:' heads the exclusions, not every question about a grant
    answered, text = ask("Hva er tidsperioden for NAV-tilskuddet?")
    assert answered
    assert "programfinansiering" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva var begrunnelsen for at de kommunale tjenestene også må styrkes, ifølge Agder?",
        "Kva var grunngjevinga for at dei kommunale tenestene òg må styrkjast i Agder i 2018?",
        "Hva er grunnen til at de kommunale tjenestene også må styrkes?",
    ],
)
def test_asking_for_the_reason_of_a_statement_is_answered_by_the_sentence_giving_it(
    question: str,
) -> None:
    answered, text = ask(question)
    assert answered
    assert "kvalitet og tilgjengelighet" in text


def test_a_heading_named_beside_a_quoted_sentence_brings_its_other_sentences() -> None:
    answered, text = ask(
        "Hvilke kommuner skulle prioriteres ifølge signalene fra Direktoratet om kommunalt "
        "rusarbeid, og hvor mange var ikke omfattet?"
    )
    assert answered
    assert "Nye kommuner" in text
    assert "136" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor stor ytterligere økning i rammen nevnes for 2018, og videreføres de øremerkede "
        "tilskuddene?",
        "Hvor mye ytterligere økning i rammen, og videreføres øremerkede tilskudd?",
    ],
)
def test_a_framework_question_a_sentence_of_the_plan_explains_is_not_asked_back(
    question: str,
) -> None:
    answered, text = ask(question)
    assert answered
    assert "300 millioner" in text


def test_a_framework_question_without_a_municipality_still_asks_for_one() -> None:
    answered, text = ask("Hva var økningen i rammen i 2019?")
    assert not answered
    assert "Hvilken kommune" in text


def test_how_a_question_points_at_the_sources_is_no_topic_word_of_its_own() -> None:
    # 'trekkes fram' says where to look, like 'nevnes'; the model it asks for is in the sentence
    answered, text = ask("Hvilken modell trekkes frem for lavterskeltilbud til barn og unge i 2022")
    assert answered
    assert "Ung Arena" in text


def test_a_deadline_asked_of_the_call_is_the_deadline_without_the_announcement() -> None:
    answered, text = ask("Når er søknadsfristen i utlysningen for voksne-ordningen?")
    assert answered
    assert "15. mars 2021" in text
    assert "medio januar 2018" not in text


@pytest.mark.parametrize(
    ("question", "printed"),
    [
        ('Hva betyr "den gylne regel" for økningen i rammen?', "somatikk"),
        ("Hvor nevnes «Mestre hele livet» i NAV-kunngjøringen?", "Mestre hele livet"),
    ],
)
def test_a_phrase_the_question_quotes_is_answered_by_the_sentence_that_prints_it(
    question: str, printed: str
) -> None:
    answered, text = ask(question)
    assert answered
    assert text.startswith("Kilden sier") and printed in text
