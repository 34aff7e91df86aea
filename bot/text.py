"""Clean and normalise chat text: control characters, nynorsk forms, æøå folding."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any, cast

from knowledge.text import ASCII_FOLD

MAX_INPUT = 2000

_WORD_SPLIT = re.compile(r"(\W+)")
_WORDS = re.compile(r"[0-9]+(?:[.,][0-9]+)*%?|[a-zæøåéèüäö]+(?:-[a-zæøå]+)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f]")
_SPACE = re.compile(r"\s+")

# Nynorsk (and common dialect) forms mapped to the bokmål form the triggers use.
NYNORSK: dict[str, str] = {
    "kva": "hva",
    "kven": "hvem",
    "kor": "hvor",
    "korleis": "hvordan",
    "kvifor": "hvorfor",
    "mykje": "mye",
    "tilskot": "tilskudd",
    "tilskotet": "tilskuddet",
    "tilskota": "tilskuddene",
    "søkje": "søke",
    "søkjer": "søker",
    "søkjast": "søkes",
    "ikkje": "ikke",
    "eg": "jeg",
    "me": "vi",
    "dykk": "dere",
    "kommunen": "kommunen",
    "får": "får",
    "fekk": "fikk",
    "frå": "fra",
    "verkstad": "verksted",
    "verkstaden": "verkstedet",
    "søknadsverkstad": "søknadsverksted",
    "søknadsverkstaden": "søknadsverkstedet",
    "årsverka": "årsverk",
    "dagar": "dager",
    "søknadsfristen": "søknadsfristen",
    "kjem": "kommer",
    "høyrer": "hører",
    "gjeld": "gjelder",
    "berre": "bare",
    "sjølv": "selv",
    "skal": "skal",
    "må": "må",
    "nokon": "noen",
    "noko": "noe",
    "kvar": "hvor",
    "sende": "sende",
    "rapportera": "rapportere",
    "vere": "være",
    "vert": "blir",
    "heile": "hele",
    "fyrste": "første",
    "tredje": "tredje",
    "fjerde": "fjerde",
    "andre": "andre",
    "pengar": "penger",
    "eigenandel": "egenandel",
    "eigendel": "egenandel",
    "eigen": "egen",
    "kommunar": "kommuner",
    "stillingar": "stillinger",
    "ordningar": "ordninger",
    "ordninga": "ordningen",
    "søknaden": "søknaden",
    "fristar": "frister",
    "prioriterte": "prioriterte",
    "klagerett": "klagerett",
    "føremål": "formål",
    "føremålet": "formålet",
    "gjev": "gir",
    "gje": "gi",
    "vart": "ble",
    "saman": "sammen",
    "mellombels": "midlertidig",
    "butilbod": "botilbud",
    "husstand": "husholdning",
    "husstandar": "husholdninger",
    "husstandane": "husholdningene",
    "hushald": "husholdning",
    "hushaldet": "husholdningen",
    "hushalda": "husholdningene",
    "hushaldningar": "husholdninger",
    "hushaldningane": "husholdningene",
    "eitt": "ett",
    "eit": "et",
    "ein": "en",
    "éin": "en",
    "gong": "gang",
    "gonger": "ganger",
    "auka": "økte",
    "auke": "økning",
    "aukinga": "økningen",
    "auken": "økningen",
    "aukar": "øker",
    "minkar": "minker",
    "eigendelen": "egenandelen",
    "eigeninnsats": "egeninnsats",
    "eigeninnsatsen": "egeninnsatsen",
    "eigenfinansiering": "egenfinansiering",
    "eigenfinansieringa": "egenfinansieringen",
    "avkorta": "avkortet",
    "avkortast": "avkortes",
    "gjere": "gjøre",
    "eigenandelen": "egenandelen",
    "dekkje": "dekke",
    "åra": "årene",
    "løyvd": "bevilget",
    "løyvt": "bevilget",
    "løyving": "bevilgning",
    "løyvinga": "bevilgningen",
    "morgon": "morgen",
    "rekneskap": "regnskap",
    "rekneskapen": "regnskapet",
    "midlane": "midlene",
    "midlar": "midler",
    "tenester": "tjenester",
    "tenestene": "tjenestene",
    "nyttast": "brukes",
    "nytte": "bruke",
    "treng": "trenger",
    "sjå": "se",
    "hovudinntekt": "hovedinntekt",
    "stillinga": "stillingen",
    "kunne": "kan",
    "ytterlegare": "ytterligere",
    "øyremerkte": "øremerkede",
    "øyremerka": "øremerkede",
    "øyremerkt": "øremerket",
    "halde": "holde",
    "speglast": "speiles",
    "spegla": "speilet",
    "grunngjeving": "begrunnelse",
    "grunngjevinga": "begrunnelsen",
    "styrkjast": "styrkes",
    "styrkje": "styrke",
    "ifølgje": "ifølge",
    "følgje": "følge",
    "nemner": "nevner",
    "nemnt": "nevnt",
    "nemnde": "nevnte",
    "tyder": "betyr",
    "fargane": "fargene",
    "ramma": "rammen",
    "vaksne": "voksne",
    "born": "barn",
    "borna": "barna",
    "samansette": "sammensatte",
    "samansett": "sammensatt",
    "heldt": "holdt",
    "òg": "også",
}

# Nynorsk first parts of compounds and their bokmål form.
# A line break followed by indentation (and no bullet): a wrapped line of one sentence or bullet.
WRAPPED = re.compile(r"[ \t]*\n[ \t]+(?=[^\s•])")

NYNORSK_HEADS = (("tilskots", "tilskudds"), ("tilskot", "tilskudd"), ("teneste", "tjeneste"))

_NYNORSK_HEAD_START = tuple({head[:3] for head, _bokmal in NYNORSK_HEADS})

NYNORSK_MARKERS = frozenset(
    {
        "kva",
        "kven",
        "korleis",
        "mykje",
        "tilskot",
        "tilskotet",
        "søkje",
        "ikkje",
        "eg",
        "dykk",
        "fekk",
        "frå",
        "berre",
        "sjølv",
        "nokon",
        "noko",
        "kvar",
        "heile",
        "fyrste",
        "pengar",
        "eigenandel",
        "kommunar",
        "stillingar",
        "ordningar",
        "gjev",
        "vert",
        "kjem",
        "dagar",
    }
)

ENGLISH_MARKERS = frozenset(
    {
        "what",
        "when",
        "how",
        "much",
        "many",
        "who",
        "which",
        "the",
        "is",
        "are",
        "can",
        "do",
        "does",
        "we",
        "our",
        "for",
        "deadline",
        "grant",
        "grants",
        "apply",
        "year",
        "get",
        "of",
        "please",
        "hello",
        "hi",
        "tell",
        "me",
        "about",
        "where",
        "send",
        "application",
        "funding",
        "municipality",
        "scheme",
        "schemes",
        "positions",
        "fte",
        "there",
        "any",
        "and",
        "next",
        "days",
        "left",
        "until",
        "report",
        "contact",
        "appeal",
        "right",
        "purpose",
        "budget",
        "chapter",
        "who's",
        "what's",
        "whats",
        "it",
        "in",
        "to",
        "a",
        "an",
        "with",
        "cover",
        "ourselves",
        "excluded",
        "priorities",
        "eligible",
        "rules",
        "audit",
        "thanks",
        "help",
        "framework",
        "increase",
        "combined",
        "total",
        "money",
        "got",
        "did",
        "municipal",
        "substance",
        "abuse",
        "children",
        "young",
        "people",
        "adults",
        "needs",
        "complex",
        "social",
        "services",
        "office",
        "rate",
        "own",
        "share",
        "cost",
        "costs",
        "position",
        "deadlines",
        "coming",
        "participants",
        "households",
        "months",
        "assistance",
        "allocated",
        "whole",
        "period",
        "escalation",
    }
)
NORWEGIAN_MARKERS = frozenset(
    {
        "hva",
        "når",
        "hvor",
        "hvem",
        "hvilke",
        "hvordan",
        "er",
        "og",
        "vi",
        "får",
        "på",
        "til",
        "det",
        "en",
        "et",
        "av",
        "som",
        "kan",
        "med",
        "om",
        "for",
        "i",
        "å",
        "år",
        "frist",
        "tilskudd",
        "kommunen",
        "mye",
        "søke",
        "ikke",
        "skal",
        "må",
        "har",
        "fikk",
        "årsverk",
        "stilling",
        "hei",
        "takk",
        "meg",
        "oss",
        "dere",
        "jeg",
        "du",
        "neste",
        "mange",
        "dager",
        # 'sum for de to?': the pronoun weighs against English 'for' and 'to'
        "de",
        "dem",
    }
    | NYNORSK_MARKERS
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
    english = sum(t in ENGLISH_MARKERS for t in tokens)
    norwegian = sum(t in NORWEGIAN_MARKERS for t in tokens)
    if any(ch in text.lower() for ch in "æøå"):
        norwegian += 1
    if english > norwegian and english >= 1:
        return "en"
    if any(t in NYNORSK_MARKERS for t in tokens):
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
        parts = [
            NYNORSK.get(part)
            or (_nynorsk_compound(part) if part.startswith(_NYNORSK_HEAD_START) else part)
            for part in parts
        ]
        parts = [_nynorsk_tail(p) if _NYNORSK_TAIL_MARK.search(p) else p for p in parts]
    joined = "".join(parts).translate(_FOLD)
    return _SPACE.sub(" ", joined).strip()


# a nynorsk last part of a compound ('rustilskotet', 'helsetenestene'), longest first
_NYNORSK_TAILS = tuple(
    sorted(
        ((k, v) for k, v in NYNORSK.items() if k.startswith(("tilskot", "teneste"))),
        key=lambda kv: -len(kv[0]),
    )
)
_NYNORSK_TAIL_MARK = re.compile(r".{3}(?:tilskot|teneste)")


def _nynorsk_tail(word: str) -> str:
    """Map the nynorsk last part of a compound ('rustilskotet' -> 'rustilskuddet')."""
    for tail, bokmal in _NYNORSK_TAILS:
        if word.endswith(tail) and len(word) - len(tail) >= 3:
            return word[: -len(tail)] + bokmal
    return word


def _nynorsk_compound(word: str) -> str:
    """Map the nynorsk first part of a compound ('tilskotsordningar' -> 'tilskudds…')."""
    if not word.startswith(_NYNORSK_HEAD_START):
        return word
    for head, bokmal in NYNORSK_HEADS:
        if word.startswith(head) and len(word) > len(head) + 2:
            return bokmal + word[len(head) :]
    return word
