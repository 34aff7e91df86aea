"""No borrowed appropriations, a scheme's whole budget asked by its words, English rate questions.

Through the public interfaces (the Engine and `tilskuddsbot ask --json`); every expected figure
is read from the knowledge base, never written here.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 11, 23)
# a thousands group written the Norwegian way ('330 000'), which an English answer must not hold
SPACED_THOUSANDS = re.compile(r"\b\d{1,3}(?: \d{3})+\b")


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    """One engine over the bundled knowledge base."""
    return Engine(kb)


def appropriation_figures(kb: KnowledgeBase) -> set[str]:
    """Every appropriation of every scheme, as the answers print it in both languages."""
    out: set[str] = set()
    for scheme in kb.schemes.values():
        for a in scheme.appropriations:
            out |= {fmt.kroner(a.amount, "nb"), fmt.kroner(a.amount, "en")}
    return out


def ladder(kb: KnowledgeBase) -> LadderRule:
    """The ladder rule of the knowledge base."""
    return next(r for _s, r in kb.all_rules() if isinstance(r, LadderRule))


def cap(kb: KnowledgeBase) -> CapRule:
    """The cap rule of the knowledge base."""
    return next(r for _s, r in kb.all_rules() if isinstance(r, CapRule))


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Hvor mye er bevilget til tilskuddet for rask psykisk helsehjelp i 2021?", "rask"),
        ("Hva var bevilgningen til internettassistert behandling i 2021?", "internettassistert"),
        ("Kor mykje er løyvd til tilskot for rask psykisk helsehjelp i 2021?", "rask"),
        ("How much was appropriated for the rapid mental health grant in 2021?", "rapid"),
        ("Hvor mye er satt av til MO-sentre i 2022?", "MO-sentre"),
        ("Hva er bevilgningen til ACT-team i 2021?", "ACT-team"),
        ("Hvor stor er potten for lavterskel substitusjonsbehandling?", "substitusjonsbehandling"),
    ],
)
def test_an_appropriation_of_something_no_scheme_holds_is_declined_without_other_figures(
    engine: Engine, kb: KnowledgeBase, question: str, thing: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert not answer.answered
    assert thing in answer.text
    assert "ingen tall for bevilgningen" in answer.text or "no figures for" in answer.text
    assert not any(figure in answer.text for figure in appropriation_figures(kb))


@pytest.mark.parametrize(
    "question",
    [
        "Hva er bevilgningen til kommunalt rusarbeid i 2021?",
        "Hvor mye er bevilget i 2021?",
        "Hva er totalrammen for kommunalt rusarbeid i 2021?",
        "Hvor mye bevilget HOD til ordningene i 2021?",
        "How much did the Storting appropriate in 2021?",
    ],
)
def test_an_appropriation_of_a_known_scheme_or_of_all_is_still_given(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert any(figure in answer.text for figure in appropriation_figures(kb))


@pytest.mark.parametrize(
    "question",
    [
        "Hva er totalrammen for NAV-tilskuddet i 2020?",
        "Hva er den samlede rammen for tilskuddet til sosiale tjenester i NAV i 2020?",
        "Kva er totalramma for NAV-tilskotet i 2020?",
    ],
)
def test_the_whole_budget_of_a_scheme_without_appropriations_is_no_cap_calculation(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert not answer.answered
    assert answer.intent == "appropriation"
    assert fmt.kroner(cap(kb).per_position, "nb") not in answer.text
    assert not any(figure in answer.text for figure in appropriation_figures(kb))


@pytest.mark.parametrize(
    ("question", "grant_year"),
    [
        (
            "What is the grant per full-time position (årsverk) in year 3 of the municipal "
            "substance abuse grant (kommunalt rusarbeid)?",
            3,
        ),
        ("What is the grant per position in year 2 of kommunalt rusarbeid?", 2),
        ("How much can be granted per FTE in year 4 of the substance abuse grant?", 4),
    ],
)
def test_an_english_rate_question_gets_the_ladder_rate_wholly_in_english(
    engine: Engine, kb: KnowledgeBase, question: str, grant_year: int
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered
    assert answer.intent == "amount"
    assert fmt.kroner(ladder(kb).steps[grant_year - 1].amount, "en") in answer.text
    assert not SPACED_THOUSANDS.search(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "How much can be granted per measure for competence, e.g. design or evaluation?",
        "How much can we get per measure for design and evaluation?",
        "Hvor mye kan man få per tiltak til design eller evaluering?",
    ],
)
def test_a_figure_named_only_by_one_cap_rules_words_gets_that_rule(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    rule = cap(kb)
    assert answer.answered
    assert answer.scheme == "nav-sosiale-tjenester"
    lang = "en" if question.isascii() else "nb"
    assert fmt.kroner(rule.per_measure, lang) in answer.text
    assert fmt.kroner(ladder(kb).steps[0].amount, lang) not in answer.text
    if lang == "en":
        assert "(Norwegian source text)" not in answer.text
        assert not SPACED_THOUSANDS.search(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye får vi per årsverk til ungdomstiltak?",
        "What is the rate per FTE for youth clubs in year 1?",
    ],
)
def test_a_thing_no_rated_rule_speaks_of_still_gets_no_rates(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert not answer.answered
    assert fmt.kroner(cap(kb).per_position, "nb") not in answer.text
    assert fmt.kroner(ladder(kb).steps[0].amount, "nb") not in answer.text


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        ("Hva kan rusarbeidsmidlene brukes til?", "kommunalt-rusarbeid"),
        ("Kan rusarbeidsmidler brukes til en ny stilling?", "kommunalt-rusarbeid"),
        ("Hvem kan søke voksne-midlene?", "voksne-langvarige"),
        ("Kva kan NAV-pengane brukast til?", "nav-sosiale-tjenester"),
    ],
)
def test_a_compound_of_a_scheme_name_and_its_money_names_the_scheme(
    engine: Engine, question: str, scheme: str
) -> None:
    assert engine.understander.understand(question).schemes_mentioned[:1] == [scheme]


@pytest.mark.parametrize(
    "question",
    [
        "What are the priorities in the new 2022 grant for adults with long-term and complex "
        "needs in substance abuse and mental health?",
        "What does the new mental health and substance abuse grant fund in 2022?",
    ],
)
def test_words_of_a_longer_english_name_do_not_name_a_shorter_one_too(
    engine: Engine, question: str
) -> None:
    assert "kommunalt-rusarbeid" not in engine.understander.understand(question).schemes_mentioned


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Who could apply for the NAV grant in 2020?", "who_may_apply"),
        ("What costs could the grant for adults with complex needs cover?", "funds"),
        ("Hvilke kostnader kan NAV-tilskuddet dekke?", "funds"),
        ("How much could we get for 2 FTE in year 2 of kommunalt rusarbeid?", "amount"),
    ],
)
def test_english_and_norwegian_wordings_reach_the_same_intent(
    engine: Engine, question: str, intent: str
) -> None:
    assert engine.understander.understand(question).intent == intent


def test_an_english_scheme_card_is_headed_and_referenced_in_english(engine: Engine) -> None:
    answer = engine.ask("Tell me about the NAV grant for social services", TODAY)
    assert answer.title is not None and answer.title.startswith("Grant for")
    assert "Kap." not in answer.text
    assert "Tilskudd til" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor stor egenandel må kommunen ha for ACT-team?",
        "What own share must we pay for a MO centre?",
    ],
)
def test_an_own_share_of_a_thing_no_scheme_holds_is_not_the_default_schemes(
    engine: Engine, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert not answer.answered
    assert answer.scheme is None
    assert "egenfinansiering" not in answer.text and "own funding" not in answer.text


def test_a_deadline_of_a_thing_no_scheme_holds_names_it_as_asked(engine: Engine) -> None:
    answer = engine.ask("Når er søknadsfristen for tilskudd til rask psykisk helsehjelp?", TODAY)
    assert not answer.answered
    assert "rask psykisk helsehjelp" in answer.text


def test_an_english_own_share_quotes_the_source_in_english(engine: Engine) -> None:
    answer = engine.ask("What is our own share in year 2 for 1 FTE costing NOK 720,000?", TODAY)
    assert answer.answered
    assert "(Norwegian source text)" not in answer.text
    assert not SPACED_THOUSANDS.search(answer.text), answer.text


@pytest.mark.parametrize(
    "question",
    [
        "What did the Innlandet office say about kommunalt rusarbeid after 2021?",
        "Tell me about the NAV grant for social services",
        "What is the cap for competence funding per measure in the NAV grant?",
    ],
)
def test_english_scheme_cards_give_the_rules_in_english(engine: Engine, question: str) -> None:
    text = engine.ask(question, TODAY).text
    for norwegian in ("per årsverk", "Inntil", "Vilkår", "primært", "øvre grenser", " og inntil"):
        assert norwegian not in text
    assert not SPACED_THOUSANDS.search(text), text


def test_a_rate_per_fte_is_not_a_count_of_ftes(engine: Engine) -> None:
    answer = engine.ask("How many FTEs did Arendal get through kommunalt rusarbeid in 2019?", TODAY)
    assert not answer.answered
    assert "no number of" in answer.text


def test_english_contacts_give_roles_and_offices_in_english(engine: Engine) -> None:
    text = engine.ask("Who is the contact for the adults scheme at Innlandet?", TODAY).text
    assert "Saksbehandler" not in text
    assert "County Governor of Innlandet" in text


@pytest.mark.parametrize(
    "question",
    [
        "What was the 2021 appropriation for the children and young people scheme?",
        "Which budget chapter is the NAV social services grant on?",
        "How much was expected for KRA in the 2018 grant administration forecast for Agder?",
    ],
)
def test_english_appropriation_and_budget_lines_name_schemes_in_english(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    body = re.sub(r"«[^»]*»", "", answer.text)
    for sid in kb.schemes:
        assert kb.schemes[sid].names.short not in body, body
    assert "kap." not in body


@pytest.mark.parametrize(
    ("question", "grant_year", "cost"),
    [
        (
            "What must the municipality pay itself in year 4 for one FTE costing NOK 650,000?",
            4,
            650_000,
        ),
        (
            "How much must the municipality cover itself in year 2 if a position costs "
            "NOK 800,000?",
            2,
            800_000,
        ),
    ],
)
def test_an_english_own_share_with_a_reflexive_is_computed(
    engine: Engine, kb: KnowledgeBase, question: str, grant_year: int, cost: int
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.intent == "own_share"
    share = cost - ladder(kb).steps[grant_year - 1].amount
    assert fmt.kroner(share, "en") in answer.text


@pytest.mark.parametrize(
    ("question", "positions"),
    [
        ("How much is the grant for half a position in year 1?", Fraction(1, 2)),
        ("How much for half an FTE in year 2?", Fraction(1, 2)),
        ("What do we get for one and a half positions in year 2?", Fraction(3, 2)),
        ("What do we get for two and a half FTEs in year 3?", Fraction(5, 2)),
        ("Hva får vi for to og en halv stilling i år 2?", Fraction(5, 2)),
        ("Hva får vi for en halv stilling i år 4?", Fraction(1, 2)),
        ("What do we get for a quarter position in year 3?", Fraction(1, 4)),
        ("What do we get for three quarters of a position in year 2?", Fraction(3, 4)),
        ("Hva får vi for tre kvart stilling i år 2?", Fraction(3, 4)),
        ("Hva får vi for sju årsverk i år 2?", Fraction(7)),
        ("What do we get for twelve FTEs in year 1?", Fraction(12)),
        ("Hva får vi for 1 1/2 stilling i år 2?", Fraction(3, 2)),
    ],
)
def test_a_fraction_of_a_position_in_words_is_read_alike_in_both_languages(
    engine: Engine, kb: KnowledgeBase, question: str, positions: Fraction
) -> None:
    answer = engine.ask(question, TODAY)
    grant_year = int(re.findall(r"\d", question)[-1])
    amount = positions * ladder(kb).steps[grant_year - 1].amount
    assert amount.denominator == 1
    lang = "en" if question.isascii() else "nb"
    assert fmt.kroner(int(amount), lang) in answer.text
