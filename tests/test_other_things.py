"""A figure question naming a thing no scheme with rates grants money for borrows no rates.

Through the Engine and the understanding's word sets; the default scheme's rates are read from
the knowledge base, never written here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from bot.understanding.lexicon import WordSet
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 12, 1)


@cache
def engine() -> Engine:
    """Build one engine over the bundled sources."""
    return Engine(load_sources())


def ladder_rates() -> list[int]:
    """Return every per-position rate of the ladder rules."""
    return [
        step.amount
        for scheme in engine().kb.schemes.values()
        for rule in scheme.rules
        if isinstance(rule, LadderRule)
        for step in rule.steps
    ]


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Hvor mye får vi per årsverk i et ACT-team i år 1?", "ACT-team"),
        ("Kva er satsen per årsverk for eit ACT-team?", "ACT-team"),
        ("What do we get per FTE in an ACT team in year 2?", "ACT"),
        ("Hvor mye gis per årsverk til MO-sentre i år 1?", "MO-sentre"),
        ("Hva er satsen per årsverk for arbeidsrehabiliteringstiltak?", "arbeidsrehabilitering"),
        ("hvor mye får vi for arbeidsrehabilitering i år 2?", "arbeidsrehabilitering"),
    ],
)
def test_a_rate_question_naming_another_schemes_thing_gets_no_rates(
    question: str, thing: str
) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.answered is False
    assert thing in answer.text
    assert "ingen satser for" in answer.text or "give no rates for" in answer.text
    for amount in ladder_rates():
        assert fmt.kroner(amount, "nb") not in answer.text
        assert fmt.kroner(amount, "en") not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye er kompetanseutviklingsmidlene per årsverk i år 1?",
        "Hva får vi for nedtrappingsstigens siste år?",
        "Hvor mye får vi i år 3 for stillingene i rusarbeidet?",
    ],
)
def test_inflected_and_compound_forms_of_the_default_schemes_words_still_get_its_rates(
    question: str,
) -> None:
    answer = engine().ask(question, TODAY)
    assert "ingen satser for" not in answer.text
    assert any(fmt.kroner(amount, "nb") in answer.text for amount in ladder_rates())


@pytest.mark.parametrize(
    ("token", "own"),
    [
        ("metodene", True),  # an inflection of a known word
        ("kompetanseutviklingsmidlene", True),  # a long word's own inflection
        ("arbeidsrehabilitering", False),  # only begins like 'arbeidsliv'
        ("arbeidsmetodene", True),  # two known words joined
    ],
)
def test_a_word_is_known_by_its_inflections_and_compounds_not_by_its_first_letters(
    token: str, own: bool
) -> None:
    words = WordSet.of({"metoder", "arbeidsliv", "arbeid", "kompetanseutviklingsmidler"})
    assert words.own(token) is own


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        ("Hvor mye kan man søke om i frisklivstilskuddet?", "frisklivs-og-laeringstilbud"),
        ("Hvor mye kan kommunen søke om fra prosjektskjønnsmidlene?", "prosjektskjonnsmidler"),
        ("Kor mykje kan ein søkje om i kompetanse- og innovasjonstilskotet?", None),
        ("How much can one apply for from the competence and innovation grant?", None),
    ],
)
def test_how_much_one_may_apply_for_is_an_amount_question_not_who_may_apply(
    question: str, scheme: str | None
) -> None:
    answer = engine().ask(question, TODAY)
    assert answer.intent == "amount"
    assert answer.answered is False
    assert "ingen satser for" in answer.text or "give no rates for" in answer.text
    if scheme is not None:
        assert engine().kb.schemes[scheme].names.short in answer.text


def test_how_much_one_may_apply_for_in_a_scheme_with_rates_gets_its_rates() -> None:
    answer = engine().ask("Hvor mye kan vi søke om fra NAV-tilskuddet?", TODAY)
    (cap,) = [r for r in engine().kb.schemes["nav-sosiale-tjenester"].rules if r.kind == "cap"]
    assert answer.intent == "amount"
    assert isinstance(cap, CapRule)
    assert fmt.kroner(cap.per_position, "nb") in answer.text
