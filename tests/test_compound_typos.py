"""A compound misspelt by one letter left out is read as the word it stands for.

Through the public interface (the Engine): the answer's intent and the contact it names.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def contact_names(office: str) -> list[str]:
    """Return the names of an office's contacts in the knowledge base."""
    return [
        c.name
        for o in kb().offices.values()
        if office in o.name.casefold()
        for c in o.contacts
        if c.name
    ]


@pytest.mark.parametrize(
    ("question", "office"),
    [
        ("hvem er kontakperson i statsforvalteren innlandet for rustilskuddet?", "innlandet"),
        ("hvem er kontakperson hos fylkesmanen i agder for tilskuddene?", "agder"),
        ("kontakpersonen hos Statsforvalteren i Innlandet?", "innlandet"),
    ],
)
def test_a_compound_with_a_letter_left_out_reaches_the_contact(question: str, office: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert answer.intent == "contact"
    names = contact_names(office)
    assert names
    assert any(name in answer.text for name in names)
