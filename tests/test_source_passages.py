"""Questions about one sentence of the sources reach that sentence, in the asker's language.

The look-up passages (FAQ entries, fact sentences, rules in words, table notes) answer what no
template covers; an English question gets the English text the knowledge base holds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
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
            "ADULTS",
            "her: VOKSNE",
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
