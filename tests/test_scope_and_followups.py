"""Years after a scheme's end, follow-ups that step a year on, and short follow-ups of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answer import Answer
from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


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
def test_a_grant_asked_for_a_year_after_its_end_says_it_ended_without_old_rates(
    question: str, today: dt.date
) -> None:
    (answer,) = chat([question], today)
    assert answer.answered
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
    assert answers[2].slots.get("year") == 2025
    assert "etter 2024" in answers[2].text


def test_the_year_after_means_nothing_without_a_previous_year() -> None:
    (answer,) = chat(["og året etter det?"], dt.date(2023, 5, 1))
    assert "year_shift" not in answer.slots
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
        ("How many KVP participants did Troms have in 2021?", "2019"),
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


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Stemmer det at NAV-tilskuddet bare gis for ett år?", "tre år"),
        ("Kan samme NAV-tiltak få tilskudd i flere år?", "tre år"),
        ("Hvor mange år kan et tiltak i NAV-kontoret få utviklingstilskuddet?", "tre år"),
        ("Is the NAV social services grant only for one year?", "three years"),
    ],
)
def test_a_question_about_how_many_years_a_grant_runs_gets_the_duration(
    question: str, wanted: str
) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert answer.answered
    assert wanted in answer.text
    assert "610 000 kr" not in answer.text


@pytest.mark.parametrize(
    ("question", "wanted", "norwegian"),
    [
        (
            "Does the municipal substance abuse grant require audited accounts in 2021?",
            "self-declaration",
            "egenerklæring",
        ),
        (
            "Is an auditor needed for the accounts of the grant for adults with complex needs?",
            "Auditor-certified accounts are required",
            "Krav om",
        ),
    ],
)
def test_an_english_question_gets_the_english_rendering_of_the_source_sentence(
    question: str, wanted: str, norwegian: str
) -> None:
    (answer,) = chat([question], dt.date(2021, 1, 10))
    assert wanted in answer.text
    assert norwegian not in answer.text


@pytest.mark.parametrize(
    ("question", "cost"),
    [
        ("Dekker NAV-tilskuddet husleieutgifter?", "husleieutgifter"),
        ("Kan tilskuddet til kommunalt rusarbeid dekke bilkostnader?", "bilkostnader"),
        ("Does the NAV grant cover travel expenses?", "travel expenses"),
    ],
)
def test_a_cost_the_sources_never_name_is_not_said_to_be_covered(question: str, cost: str) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert not answer.answered
    assert cost in answer.text


def test_a_cost_the_sources_do_name_is_still_answered() -> None:
    (answer,) = chat(["Dekker NAV-tilskuddet lønnsutgifter?"], dt.date(2020, 3, 1))
    assert answer.answered


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Hvor mye gis i tilskudd til Individuell jobbstøtte?", "Individuell jobbstøtte"),
        ("How much is the grant for Individuell jobbstøtte?", "Individuell jobbstøtte"),
    ],
)
def test_the_rate_of_a_thing_only_named_in_passing_is_declined_by_its_name(
    question: str, named: str
) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert not answer.answered
    assert named in answer.text
    assert "610 000" not in answer.text and "660 000" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hva var den endelige økningen i rammen for Grimstad i 2020?",
        "What was Vennesla's final framework increase in 2020?",
    ],
)
def test_the_final_figure_of_a_year_with_only_a_prognosis_is_declined_showing_the_prognosis(
    question: str,
) -> None:
    (answer,) = chat([question], dt.date(2026, 12, 1))
    assert not answer.answered
    assert "prognos" in answer.text


def test_the_actual_figure_of_a_year_with_a_final_figure_is_answered() -> None:
    (answer,) = chat(["Hva var den faktiske økningen i rammen for Grimstad i 2017?"], TODAY)
    assert answer.answered


@pytest.mark.parametrize(
    "question",
    [
        "How large is the competence money per measure in the NAV grant in 2025?",
        "Hvor stor er satsen per stilling i NAV-tilskuddet i 2024?",
    ],
)
def test_a_rate_asked_for_a_year_after_the_sources_gives_the_last_known_with_its_year(
    question: str,
) -> None:
    (answer,) = chat([question], TODAY)
    assert answer.intent == "amount"
    assert answer.answered
    assert "2020" in answer.text


@pytest.mark.parametrize(
    ("question", "today", "wanted"),
    [
        (
            "Når skulle status- og regnskapsrapporten for NAV-tilskuddet 2020 leveres?",
            dt.date(2021, 6, 1),
            "1. februar 2021",
        ),
        (
            "Hva var søknadsfristen for NAV-tilskuddet i 2022, året kommunalt rusarbeid ble "
            "avviklet?",
            TODAY,
            "1. februar 2022",
        ),
        (
            "Når ble ordningen for barn og unge med sammensatte behov kunngjort i 2018?",
            TODAY,
            "januar 2018",
        ),
    ],
)
def test_a_deadline_or_announcement_asked_with_other_words_around_it_gets_its_date(
    question: str, today: dt.date, wanted: str
) -> None:
    (answer,) = chat([question], today)
    assert answer.answered
    assert wanted in answer.text


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Hvor mye fikk Grimstad i tilskudd til NAV-kontoret i 2020?", "Grimstad"),
        ("Hvor mye fikk Lister i 2021 fra tilskuddet til voksne med sammensatte behov?", "Lister"),
        ("How much did Farsund get from the municipal substance abuse grant?", "Farsund"),
    ],
)
def test_what_a_place_got_from_a_grant_scheme_is_declined_not_read_from_the_framework_table(
    question: str, place: str
) -> None:
    (answer,) = chat([question], TODAY)
    assert not answer.answered
    assert place in answer.text
    assert " kr" not in answer.text and "NOK" not in answer.text


def test_what_an_office_distributes_is_its_share_of_the_appropriation() -> None:
    (answer,) = chat(
        ["Hvor mye fikk Innlandet av tilskuddet til kommunalt rusarbeid i 2021?"], TODAY
    )
    assert answer.answered and "32" in answer.text


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Dekker tilskuddet til voksne med sammensatte behov møbler?", "møbler"),
        ("Kan NAV-tilskuddet dekke leasingbil?", "leasingbil"),
    ],
)
def test_a_thing_the_sources_never_name_is_not_said_to_be_covered(
    question: str, thing: str
) -> None:
    (answer,) = chat([question], TODAY)
    assert not answer.answered
    assert thing in answer.text


def test_asking_for_more_than_positions_gets_the_limit() -> None:
    (answer,) = chat(
        ["Kan rustilskuddet brukes til annet enn årsverk, f.eks. driftsutgifter?"], TODAY
    )
    assert answer.intent == "not_funded"


@pytest.mark.parametrize(
    "question", ["Hvor mye økte rammen for Oslo i 2018?", "Troms 2019 rammeøkning?"]
)
def test_a_county_outside_agder_is_said_to_be_outside_the_framework_tables(question: str) -> None:
    (answer,) = chat([question], TODAY)
    assert not answer.answered
    assert "ikke med i tabellene" in answer.text


@pytest.mark.parametrize(
    ("question", "wanted"),
    [
        ("Stemmer det at voksne-ordningen gis i inntil 4 år for nye team?", "inntil 4 år"),
        ("Hvor mange år kan vi få NAV-midler til samme tiltak?", "inntil tre år"),
    ],
)
def test_a_duration_named_with_any_number_of_years_finds_the_duration(
    question: str, wanted: str
) -> None:
    (answer,) = chat([question], dt.date(2021, 1, 15))
    assert answer.answered and wanted in answer.text


def test_this_year_is_not_a_duration() -> None:
    (answer,) = chat(["Hva får vi for 2 årsverk i år 2 i kommunalt rusarbeid i år?"], TODAY)
    assert answer.intent == "amount"
