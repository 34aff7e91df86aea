"""Questions about one sentence of the sources reach that sentence, in the asker's language.

The look-up passages (FAQ entries, fact sentences, rules in words, table notes) answer what no
template covers; an English question gets the English text the knowledge base holds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from bot.text import fold, unwrap
from knowledge.loader import load_sources

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def engine() -> Engine:
    """One engine over the bundled sources."""
    return Engine(load_sources())


@pytest.mark.parametrize(
    ("question", "english", "norwegian"),
    [
        (
            "What does the grant for municipal substance abuse work aim at?",
            "capacity",
            "kapasitetsvekst",
        ),
        (
            "Who may apply for the grant for adults with long-term and complex needs in 2022?",
            "Municipalities",
            "Kommuner (med forbehold",
        ),
    ],
)
def test_an_english_topic_question_is_answered_with_the_english_text_of_the_source(
    engine: Engine, question: str, english: str, norwegian: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert english in answer.text
    assert norwegian not in answer.text
    assert "in Norwegian" not in answer.text
    assert "ikke navngitt" not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva sier overgangsreglene fra 2017 om kommunalt rusarbeid?", "avkortningsstige"),
        (
            "Hvor er utlysningen av tilskudd til kommunalt rusarbeid lagt ut?",
            "helsedirektoratet.no",
        ),
        (
            "Where is the call for applications for kommunalt rusarbeid published?",
            "helsedirektoratet.no",
        ),
    ],
)
def test_a_question_about_one_sentence_of_a_scheme_gets_that_sentence_before_the_summary(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.paragraphs[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva er nettsiden til Fylkesmannen i Agder?", "fylkesmannen.no/av"),
        ("Kva er heimesida til Fylkesmannen i Agder?", "fylkesmannen.no/av"),
        ("What is the website of the County Governor of Agder?", "fylkesmannen.no/av"),
        ("Hva er e-postadressen til faggruppelederen hos Fylkesmannen i Agder?", "fmavbvg@"),
    ],
)
def test_asking_for_an_offices_web_address_or_email_gets_its_contact_card(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert answer.intent == "contact"
    assert expected in answer.text


def test_an_english_contact_card_names_the_office_and_role_in_english(engine: Engine) -> None:
    answer = engine.ask("What is the website of the County Governor of Agder?", TODAY)
    assert "Website and Facebook" in answer.text
    assert "Nettside og Facebook" not in answer.text
    assert "10 January 2020" in answer.text


def test_a_web_question_about_something_the_sources_do_not_hold_is_still_declined(
    engine: Engine,
) -> None:
    answer = engine.ask("Hvor finner jeg barnetrygden på nett?", TODAY)
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("Hvor er tallene i sosialtjenestetabellen hentet fra?", "KOSTRA", "målekort"),
        ("Hva står fargene for i tabellen over sosialtjenestetall?", "rød og grønn", "KOSTRA"),
        ("Kva tyder fargane i tabellen over sosialtenestetal?", "rød og grønn", "KOSTRA"),
        ("Er sosialtjenestetabellen et målekort?", "ikke et målekort", "KOSTRA"),
        (
            "Where do the social services figures in the table come from?",
            "Statistics Norway",
            "SSB og NAV",
        ),
        (
            "What do the colours in the social services statistics table mean?",
            "red and green",
            "rød",
        ),
    ],
)
def test_a_question_about_a_table_itself_is_answered_by_the_notes_printed_under_it(
    engine: Engine, question: str, expected: str, absent: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text
    assert absent not in answer.text


def test_a_figure_question_about_the_table_without_a_county_still_asks_for_one(
    engine: Engine,
) -> None:
    answer = engine.ask("Hvor mange mottok sosialhjelp?", TODAY)
    assert not answer.answered
    assert "fylke" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvor lenge kan et tiltak få NAV-tilskuddet?", "tre år"),
        (
            "Kor mange år kan same tiltak få tilskot til utvikling av sosiale tenester i NAV?",
            "tre år",
        ),
        ("How many years can one measure get the NAV social services grant?", "three years"),
    ],
)
def test_asking_how_long_a_grant_runs_gets_the_duration_sentence_not_the_rates(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text
    assert "610 000 kr" not in answer.text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hva bør NAV-kontorene se utviklingstilskuddet i sammenheng med?",
            "«Tilskudd til kommunalt rusarbeid»",
        ),
        (
            "Hva skal NAV-kontorene kartlegge og legge til grunn for utviklingsarbeidet?",
            "brukerreiser",
        ),
    ],
)
def test_a_bullet_is_found_with_its_lead_in_and_quoted_without_its_line_breaks(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hvilken e-postadresse gjelder for teknisk hjelp med søknadsskjemaet?", "hjelp@"),
        ("Which address do we write to for technical support with the reporting form?", "hjelp@"),
        ("Følger kommuner med tilskudd fra før 2021 den samme avkortningsstigen?", "Skjønnsmessig"),
    ],
)
def test_a_sentence_that_clearly_answers_needs_no_question_back_about_the_scheme(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text
    assert not answer.options


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Hva går avgrensning A ut på i 2018 for barn og unge med sammensatte behov?", "FACT-team"),
        ("Hvem skal evaluere effektene av opptrappingsplanen?", "Helsedirektoratet"),
        (
            "Hvilket skjema skal brukes til å følge ressursinnsatsen i opptrappingsplanen?",
            "IS-24/8",
        ),
    ],
)
def test_a_card_with_no_facts_on_its_topic_gives_way_to_the_named_schemes_matching_sentence(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvem kan søke om opptrappingsplanen for rusfeltet?",
        "Hva er klagefristen for barnetrygd?",
    ],
)
def test_a_topic_the_sources_do_not_describe_is_still_declined(
    engine: Engine, question: str
) -> None:
    assert not engine.ask(question, TODAY).answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvem kan søke tilskudd til voksne med langvarige og sammensatte behov (765.60)?",
            "helseforetak",
        ),
        (
            "Who may apply under kap. 765 post 60 for adults with long-term complex needs?",
            "health trusts",
        ),
    ],
)
def test_a_cited_chapter_and_post_of_one_year_answers_for_that_year(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text
    assert "2021" in answer.text


def test_every_fact_of_the_sources_is_found_by_its_own_words_within_its_scheme(
    engine: Engine,
) -> None:
    lex = engine.understander.lex
    missed = []
    for sid, scheme in engine.kb.schemes.items():
        for i, fact in enumerate(scheme.facts):
            for lang, text in (("nb", fact.text), ("en", fact.text_en or "")):
                folded = fold(unwrap(text))
                if not text or not lex.terms(folded, query=True):
                    continue  # only everyday words: the topic cards answer it
                found = [key for key, *_ in lex.look_up(folded, [sid], None, lang)[:3]]
                if f"fact:{sid}:{i}" not in found:
                    missed.append((lang, sid, i, text[:60]))
    assert not missed


def test_a_question_sharing_three_distinctive_words_with_one_sentence_is_answered_by_it(
    engine: Engine,
) -> None:
    answer = engine.ask(
        "Hvem skrev at egeninnsatsen må økes i takt med at tilskuddsmidlene avkortes?",
        TODAY,
    )
    assert answer.answered
    assert "helseministeren" in answer.text


def test_a_question_sharing_only_everyday_words_with_the_sources_stays_declined(
    engine: Engine,
) -> None:
    assert not engine.ask("Hvem sendte brev til ordførerne om eiendomsskatten?", TODAY).answered


def test_a_follow_up_asking_for_his_email_after_a_contact_answer_gets_that_contact(
    engine: Engine,
) -> None:
    engine.ask("Hvem er kontaktperson for rustilskuddene i Innlandet?", TODAY, chat="ref-1")
    answer = engine.ask("Og e-postadressen hans?", TODAY, chat="ref-1")
    assert answer.answered
    assert "fmheabe@statsforvalteren.no" in answer.text


def test_his_email_after_an_answer_that_named_no_person_is_declined(engine: Engine) -> None:
    engine.ask("Hvem kan søke om tilskudd til kommunalt rusarbeid?", TODAY, chat="ref-2")
    assert not engine.ask("Hva er e-posten hans?", TODAY, chat="ref-2").answered


def test_an_faq_question_the_asker_repeats_is_answered_before_the_topic_card(
    engine: Engine,
) -> None:
    answer = engine.ask("Kan vi søke om helt nye tiltak i kommunalt rusarbeid i 2021?", TODAY)
    assert answer.answered
    assert "nye" in answer.paragraphs[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "In its 2018 signals, how many municipalities did the Directorate say kommunalt "
            "rusarbeid did not cover?",
            "136 municipalities",
        ),
        (
            "Hvilke kommuner skal prioriteres i kommunalt rusarbeid i 2018, og hvor mange "
            "kommuner er ikke omfattet?",
            "136 kommuner",
        ),
    ],
)
def test_a_count_the_card_lacks_is_taken_from_a_matching_sentence_of_the_scheme(
    engine: Engine, question: str, expected: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert expected in answer.text


def test_a_count_no_sentence_gives_is_still_declined(engine: Engine) -> None:
    answer = engine.ask("Hvor mange timer prosessevaluering dekkes i NAV-tilskuddet?", TODAY)
    assert not answer.answered
