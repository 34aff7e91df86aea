"""The immutable result of understanding a question: intent, slots, operation and confidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.understanding.patterns import FRAMEWORK_SCHEME, GRANT_WORD
from knowledge.schema import YearRange

# A look-up document: key, scheme, terms, years, and whether it states a limit.
Doc = tuple[str, str | None, frozenset[str], YearRange, bool]


# A look-up passage: key, scheme, terms, norm, years, and whether it states a limit.
Passage = tuple[str, str | None, frozenset[str], float, YearRange, bool]


@dataclass
class Understanding:
    """What a question asks: intent, slots, scheme, language and confidence."""

    text: str
    folded: str
    lang: str
    intent: str
    confidence: float
    scheme: str | None = None
    slots: dict[str, Any] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    schemes_mentioned: list[str] = field(default_factory=list)
    # the schemes the words naming ``scheme`` fit as well ('langvarige og sammensatte behov'
    # fits the adults' and the children's scheme), with those words
    ambiguous_schemes: list[str] = field(default_factory=list)
    shared_name: str | None = None
    follow_up: bool = False
    truncated: bool = False
    faq: str | None = None
    unknown: list[str] = field(default_factory=list)
    weak_scheme: bool = False
    passage: str | None = None
    passage_score: float = 0.0
    passages: list[tuple[str, float]] = field(default_factory=list)
    passage_strong: bool = False
    passage_limit: bool = False
    # the best passage is strong and shares three distinctive words with the question
    passage_explains: bool = False
    # the best passage holds every content word of the question but the scheme's grant words
    # ('hva vil NAV-ordningen ha mer kunnskap om?' of '… for å få mer kunnskap om gode tiltak')
    passage_covers: bool = False
    implicit: set[str] = field(default_factory=set)
    trigger_top: float = 0.0
    trigger_intent: str | None = None
    thing: str | None = None
    thing_scheme: str | None = None
    money_thing: str | None = None
    deadline_thing: str | None = None
    # the slots with the start years read, when a question without figure words had its
    # years read again as calendar years (a follow-up may still ask for figures)
    timed_slots: dict[str, Any] | None = None
    # regions named without an office title that no office of the sources has ('kontaktperson
    # i Nordland'): the office a contact or deadline question is about
    regions: tuple[str, ...] = ()


def names_a_grant(u: Understanding) -> bool:
    """Whether a question firmly names a scheme other than the framework increases.

    'Hvor mye fikk Arendal i tilskudd til NAV-kontoret?' asks for a grant, not the framework.
    """
    return u.scheme not in (None, FRAMEWORK_SCHEME) and (
        not u.weak_scheme or GRANT_WORD.search(u.folded) is not None
    )
