"""Word-level normalisation: stems, transpositions and padded phrase needles."""

from __future__ import annotations

from functools import lru_cache

from bot.understanding.patterns import GRANT_WORDS, ORGANISATION_WORDS, WORD
from bot.understanding.words import SAME_WORD
from knowledge.kb import KnowledgeBase

STEM_ENDINGS = ("inga", "ing", "ene", "ane", "er", "ar", "en", "et", "e", "s", "a")


def _transposed(a: str, b: str) -> bool:
    """Tell whether two words differ only by two neighbouring letters swapped."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


def _letter_dropped(a: str, b: str) -> bool:
    """Tell whether the shorter of two words is the longer with one inner letter left out."""
    short, long = sorted((a, b), key=len)
    if len(long) != len(short) + 1:
        return False
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return 0 < i < len(short) and short[i:] == long[i + 1 :]


@lru_cache(maxsize=16384)
def _stem(token: str) -> str:
    """Cut a word to a crude stem so that inflected forms compare equal ('metoder', 'metode')."""
    return _unending(token)[:7]


@lru_cache(maxsize=16384)
def _unending(token: str) -> str:
    """A word without its inflectional endings, uncut ('tilskuddene' as 'tilskudd')."""
    token = SAME_WORD.get(token, token)
    for _ in range(4):
        for ending in STEM_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 4:
                token = token[: -len(ending)]
                break
    return token


#: Most letters an inflected form may add to a word beyond its stem ('kommunalt', 'kommunal').
INFLECTION_LETTERS = 3


def inflected(token: str, word: str) -> bool:
    """Whether a token is a form of a word, not a compound built on it ('tilskuddet' is a form
    of 'tilskudd', 'tilskuddsforvaltningen' is not)."""
    short, long = sorted((_unending(token), _unending(word)), key=len)
    return long.startswith(short) and len(long) - len(short) <= INFLECTION_LETTERS


def generic_name(name: str) -> bool:
    """Tell whether a scheme name is one everyday word ('nav', 'husbanken', 'voksne').

    Such a name alone is weak evidence: 'dagpengene fra NAV' is not about the NAV grant.
    So is such a word with 'kontor' ('NAV-kontoret'): it names the organisation.
    """
    tokens = WORD.findall(name)
    content = [t for t in tokens if t not in ORGANISATION_WORDS]
    return (
        len(content) == 1
        and content[0].isalpha()
        and not any(word in content[0] for word in GRANT_WORDS)
    )


def _strings(kb: KnowledgeBase) -> list[str]:
    """Return every text in the knowledge base (names, facts, FAQ, tables, offices, language)."""
    out: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for group in (kb.schemes, kb.faq, kb.tables, kb.offices, kb.municipalities, kb.sources):
        for model in group.values():
            walk(model.model_dump())
    if kb.language is not None:
        # the words of operations ('større', 'eller mer') are known words, never typos
        walk(kb.language.model_dump())
    return list(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def _needle(phrase: str) -> str:
    """Turn a folded phrase into a padded token string; a trailing * matches a word prefix."""
    prefix = phrase.endswith("*")
    core = " ".join(WORD.findall(phrase.rstrip("*")))
    return f" {core}" if prefix else f" {core} "


@lru_cache(maxsize=8192)
def pad(folded: str) -> str:
    """Return the text as space-separated alphanumeric tokens with a space at both ends
    (remembered: it is pure)."""
    return " " + " ".join(WORD.findall(folded)) + " "


def _has(padded: str, phrase: str) -> bool:
    """Tell whether a folded phrase occurs as whole words in padded text (see pad)."""
    return _needle(phrase) in padded
