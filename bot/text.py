"""Clean and normalise chat text: control characters, nynorsk forms, æøå folding."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from knowledge.loader import bundled_forms
from knowledge.schema import LanguageForms
from knowledge.text import ASCII_FOLD

MAX_INPUT = 2000

_WORD_SPLIT = re.compile(r"(\W+)")
_WORDS = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?|[a-zæøåéèüäö]+(?:-[a-zæøå]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_SPACE = re.compile(r"\s+")

# A line break followed by indentation (and no bullet): a wrapped line of one sentence or bullet.
WRAPPED = re.compile(r"[ \t]*\n[ \t]+(?=[^\s•])")


@dataclass(frozen=True)
class _Forms:
    """The word forms of knowledge/data/language/forms.yaml, ready for folding and detection."""

    nynorsk: dict[str, str]
    heads: tuple[tuple[str, str], ...]
    head_start: tuple[str, ...]
    tails: tuple[tuple[str, str], ...]
    nynorsk_markers: frozenset[str]
    norwegian_markers: frozenset[str]
    english_markers: frozenset[str]


_active: list[_Forms] = []  # the forms in use: those of the knowledge base answering


def use_forms(forms: LanguageForms) -> None:
    """Fold and detect language with these forms (the knowledge base's, set by the engine)."""
    ready = _ready(forms)
    if _active and _active[0] == ready:
        return
    _active[:] = [ready]
    fold.cache_clear()


def _forms() -> _Forms:
    """The forms in use; the bundled ones until a knowledge base sets its own."""
    if not _active:
        _active.append(_ready(bundled_forms()))
    return _active[0]


def _ready(forms: LanguageForms) -> _Forms:
    """Prepare word forms for folding and language detection."""
    heads = tuple(sorted(forms.nynorsk_heads.items(), key=lambda kv: -len(kv[0])))
    nynorsk_markers = forms.words(forms.nynorsk_markers)
    return _Forms(
        # short forms fold like nynorsk words: one word to the bokmål word(s) it stands for
        nynorsk=dict(forms.short_forms) | dict(forms.nynorsk),
        heads=heads,
        head_start=tuple({head[:3] for head, _bokmal in heads}),
        # a nynorsk last part of a compound ('rustilskotet', 'helsetenestene'), longest first
        tails=tuple(
            sorted(
                ((k, v) for k, v in forms.nynorsk.items() if k.startswith(_TAIL_HEADS)),
                key=lambda kv: -len(kv[0]),
            )
        ),
        nynorsk_markers=nynorsk_markers,
        norwegian_markers=forms.words(forms.norwegian_markers) | nynorsk_markers,
        english_markers=forms.words(forms.english_markers),
    )


_FOLD = ASCII_FOLD


def clean(text: str) -> tuple[str, bool]:
    """Strip control characters and collapse white space; say whether it was cut."""
    text = unicodedata.normalize("NFC", text or "")
    text = _CONTROL.sub(" ", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > MAX_INPUT:
        return text[:MAX_INPUT], True
    return text, False


def words(text: str) -> list[str]:
    """Split lower-cased text into words, keeping digits with , . % together."""
    return _WORDS.findall(text.lower())


def detect_language(text: str) -> str:
    """Guess nb, nn or en from marker words."""
    tokens = words(text)
    if not tokens:
        return "nb"
    forms = _forms()
    english = sum(t in forms.english_markers for t in tokens)
    norwegian = sum(t in forms.norwegian_markers for t in tokens)
    if any(ch in text.lower() for ch in "æøå"):
        norwegian += 1
    if english > norwegian and english >= 1:
        return "en"
    if any(t in forms.nynorsk_markers for t in tokens):
        return "nn"
    return "nb"


def unwrap(text: str) -> str:
    """Join the wrapped lines of a source text: an indented line continues the one before it."""
    return WRAPPED.sub(" ", text)


#: What a compiled pattern offers, taken over by a lazy pattern once it is compiled.
_PATTERN_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "flags",
    "groups",
    "groupindex",
)


class _LazyPattern:
    """A regular expression compiled when it is first used, then used as compiled: its
    methods become the compiled pattern's own, so a use costs what a compiled one's does."""

    def __init__(self, pattern: str, flags: int) -> None:
        """Keep the source; ``pattern`` is there before compiling, for composing others."""
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        """Compile on the first use of anything but the source."""
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A module's regular expression, compiled on first use rather than at import (a
    command starts faster when it needs only some of them)."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


class _GuardedPattern:
    """A lazy pattern that is not run on a text holding none of the words every match of it
    holds: such a text has no match, found at the cost of a substring test."""

    def __init__(self, pattern: str, needles: tuple[str, ...]) -> None:
        """Keep the source and the words; compile on the first text that holds one of them."""
        self.pattern = pattern
        self._compiled = _LazyPattern(pattern, 0)
        self._needles = needles

    def _may_match(self, text: str) -> bool:
        """Whether a text holds one of the words every match holds."""
        return any(needle in text for needle in self._needles)

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        """The first match, as ``re.Pattern.search``."""
        return self._compiled.search(text, *args) if self._may_match(text) else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        """A match at the start, as ``re.Pattern.match``."""
        return self._compiled.match(text, *args) if self._may_match(text) else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        """A match of the whole text, as ``re.Pattern.fullmatch``."""
        return self._compiled.fullmatch(text, *args) if self._may_match(text) else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        """Every match, as ``re.Pattern.finditer``."""
        return self._compiled.finditer(text, *args) if self._may_match(text) else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        """Every match's groups, as ``re.Pattern.findall``."""
        return self._compiled.findall(text, *args) if self._may_match(text) else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        """The text with the matches replaced, as ``re.Pattern.sub``."""
        return self._compiled.sub(repl, text, count) if self._may_match(text) else text

    def __getattr__(self, name: str) -> Any:
        """Anything else (``groups``, ``flags``) from the compiled pattern."""
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._compiled, name)


def guarded_pattern(pattern: str, *needles: str) -> re.Pattern[str]:
    """A lazy pattern run only on a text that holds one of ``needles``, words (substrings, in
    the text's case) that every match of the pattern holds: '%', 'prosent' or 'percent' for a
    percentage. Most questions hold none, and are spared the pattern and its compiling."""
    if not needles:
        raise ValueError("a guarded pattern needs the words every match of it holds")
    return cast("re.Pattern[str]", _GuardedPattern(pattern, needles))


@functools.lru_cache(maxsize=16384)
def fold(text: str, nynorsk: bool = True) -> str:
    """Lower-case, map nynorsk words to bokmål and fold æøå to ASCII (remembered: it is pure).

    English text keeps its words ('tell me about' must not become 'tell vi about').
    """
    parts = _WORD_SPLIT.split(text.lower())
    if nynorsk:
        forms = _forms()
        parts = [
            forms.nynorsk.get(part)
            or (_nynorsk_compound(part) if part.startswith(forms.head_start) else part)
            for part in parts
        ]
        parts = [_nynorsk_tail(p) if _NYNORSK_TAIL_MARK.search(p) else p for p in parts]
    joined = "".join(parts).translate(_FOLD)
    return _SPACE.sub(" ", joined).strip()


_TAIL_HEADS = ("tilskot", "teneste")
_NYNORSK_TAIL_MARK = re.compile(r".{3}(?:tilskot|teneste)")


def _nynorsk_tail(word: str) -> str:
    """Map the nynorsk last part of a compound ('rustilskotet' -> 'rustilskuddet')."""
    for tail, bokmal in _forms().tails:
        if word.endswith(tail) and len(word) - len(tail) >= 3:
            return word[: -len(tail)] + bokmal
    return word


def _nynorsk_compound(word: str) -> str:
    """Map the nynorsk first part of a compound ('tilskotsordningar' -> 'tilskudds…')."""
    forms = _forms()
    if not word.startswith(forms.head_start):
        return word
    for head, bokmal in forms.heads:
        if word.startswith(head) and len(word) > len(head) + 2:
            return bokmal + word[len(head) :]
    return word
