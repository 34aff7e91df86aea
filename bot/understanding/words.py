"""The word tables of knowledge/data/language/lexicon.yaml in use, and patterns built on them."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, cast

from bot.text import lazy_pattern
from knowledge.loader import bundled_lexicon
from knowledge.schema import LanguageLexicon


@dataclass(frozen=True)
class Words:
    """The word tables of a knowledge base, ready for look-ups and patterns."""

    # every month word, names and short forms, by its month number
    months: dict[str, int]
    # the months' names alone ('i februar' asks for a month; 'i feb' is no month asked)
    month_names: dict[str, int]
    # a place in order by its ordinal, cardinal or digit ('tredje', 'tre', '3'); the last -1
    ordinals: dict[str, int]
    # a count said as a word ('to', 'halvannen': 3/2)
    number_words: dict[str, int | Fraction]
    # counts above six said as words ('sju', 'ten')
    more_number_words: dict[str, int]
    # a group of municipalities by the words that name it ('aust agder': 'Aust-Agder')
    groups: dict[str, str]
    # words for the statistics table's columns -> the words its definitions use ('unge')
    column_words: dict[str, str]
    # irregular forms compared as one word ('nye': 'ny')
    same_words: dict[str, str]
    # question words asking why ('hvorfor')
    why: frozenset[str]
    # words pointing back to a person the previous answer named ('hans', 'her')
    refers_back: frozenset[str]
    # the starts of words that ask for a parliamentary document ('prop', 'melding')
    document_references: tuple[str, ...]
    # the alternations a pattern's placeholder (?lexicon:NAME) stands for
    alternations: dict[str, str]

    def expand(self, source: str) -> str:
        """A pattern's source with each (?lexicon:NAME) replaced by the words it stands for."""
        return _PLACEHOLDER.sub(lambda m: f"(?:{self.alternations[m.group(1)]})", source)


# a place in a pattern's source for the words of a table: an error until it is expanded
_PLACEHOLDER = lazy_pattern(r"\(\?lexicon:(\w+)\)")

#: any place in order: an ordinal, a cardinal or a digit ('tredje', 'tre', '3')
ANY_ORDINAL = "(?lexicon:ordinals)"
#: an ordinal word alone ('tredje', 'third', 'siste')
ORDINAL_WORD = "(?lexicon:ordinal_words)"
#: a count above six said as a word ('sju', 'ten')
MORE_NUMBER_WORD = "(?lexicon:more_numbers)"
#: a word naming the whole country ('hele landet', 'national')
NATIONAL_WORD = "(?lexicon:national)"
#: a word for a distance in days or weeks ('dager', 'weeks')
DAYS_WORDS = "(?lexicon:days)"
#: a word setting two dates against each other ('mellom', 'etter')
APART_WORDS = "(?lexicon:apart)"


_active: list[Words] = []  # the tables in use: those of the knowledge base answering


def use_words(lexicon: LanguageLexicon) -> None:
    """Read questions with these word tables (the knowledge base's, set by the engine)."""
    ready = _ready(lexicon)
    if _active and _active[0] == ready:
        return
    _active[:] = [ready]
    _forget_readings()


# the modules whose readers remember what they read with the tables (functools caches)
_READERS = ("bot.understanding.entities", "bot.understanding.normalise")


def _forget_readings() -> None:
    """Forget what the readers remember: they read it with other word tables."""
    for name in _READERS:
        module = sys.modules.get(name)  # a module not imported yet remembers nothing
        for value in vars(module).values() if module is not None else ():
            if getattr(value, "__module__", None) == name and hasattr(value, "cache_clear"):
                value.cache_clear()


def word_tables() -> Words:
    """The word tables in use; the bundled ones until a knowledge base sets its own."""
    if not _active:
        _active.append(_ready(bundled_lexicon()))
    return _active[0]


def _ready(lexicon: LanguageLexicon) -> Words:
    """Prepare word tables for look-ups."""
    # a place in order may be written as a digit too ('år 3'), up to the sixth and the zeroth
    digits = {str(n): n for n in range(7)}
    ordinals = {**lexicon.ordinals, **lexicon.cardinals, **digits}
    return Words(
        months={**lexicon.months, **lexicon.month_short_forms},
        month_names=dict(lexicon.months),
        ordinals=ordinals,
        number_words={w: _number(v) for w, v in lexicon.numbers.items()},
        more_number_words=dict(lexicon.more_numbers),
        groups=dict(lexicon.groups),
        column_words=dict(lexicon.column_words),
        same_words=dict(lexicon.same_words),
        why=frozenset(lexicon.why),
        refers_back=frozenset(lexicon.refers_back),
        document_references=tuple(lexicon.document_references),
        alternations={
            "ordinals": "|".join(sorted((re.escape(k) for k in ordinals), key=len, reverse=True)),
            "ordinal_words": "|".join(sorted(lexicon.ordinals, key=len, reverse=True)),
            "more_numbers": "|".join(lexicon.more_numbers),
            **{
                name: "|".join(re.escape(w) for w in getattr(lexicon, name))
                for name in ("national", "days", "apart")
            },
        },
    )


def _number(value: int | str) -> int | Fraction:
    """A count as written in the lexicon: a whole number, or a fraction 'a/b'."""
    return value if isinstance(value, int) else Fraction(value)


class _Table(Mapping[str, Any]):
    """One word table of those in use, read when it is used (never at import)."""

    def __init__(self, name: str) -> None:
        """Name the table of Words this one reads."""
        self._name = name

    def _table(self) -> Mapping[str, Any]:
        """The table itself, of the tables in use."""
        return cast("Mapping[str, Any]", getattr(word_tables(), self._name))

    def __getitem__(self, word: str) -> Any:
        """The value of a word of the table."""
        return self._table()[word]

    def __iter__(self) -> Iterator[str]:
        """The words of the table."""
        return iter(self._table())

    def __len__(self) -> int:
        """How many words the table holds."""
        return len(self._table())


#: a place in order by its ordinal, cardinal or digit ('tredje', 'tre', '3'), the last as -1
ORDINALS = cast("Mapping[str, int]", _Table("ordinals"))
#: a count said as a word ('to', 'halvannen': 3/2)
NUMBER_WORDS = cast("Mapping[str, int | Fraction]", _Table("number_words"))
#: counts above six said as words ('sju', 'ten')
MORE_NUMBER_WORDS = cast("Mapping[str, int]", _Table("more_number_words"))
#: a group of municipalities by the words that name it ('aust agder': 'Aust-Agder')
GROUPS = cast("Mapping[str, str]", _Table("groups"))
#: words for the statistics table's columns -> the words its definitions use ('unge')
COLUMN_WORDS = cast("Mapping[str, str]", _Table("column_words"))
#: irregular forms compared as one word ('nye': 'ny')
SAME_WORD = cast("Mapping[str, str]", _Table("same_words"))


class _WordPattern:
    """A regular expression built from the word tables in use, compiled on first use and
    again whenever the tables change."""

    def __init__(self, build: Callable[[Words], str], flags: int, source: str | None) -> None:
        """Keep the builder (and the source its placeholders are expanded in); compile on the
        first use."""
        self._build = build
        self._source = source
        self._flags = flags
        self._for: Words | None = None
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The pattern for the tables in use."""
        tables = word_tables()
        if self._compiled is None or self._for is not tables:
            self._compiled = re.compile(self._build(tables), self._flags)
            self._for = tables
        return self._compiled

    @property
    def pattern(self) -> str:
        """The source, for composing others: with its placeholders, when it has them."""
        return self._source if self._source is not None else self.compiled().pattern

    def __getattr__(self, name: str) -> Any:
        """Anything else (``search``, ``finditer``) from the compiled pattern."""
        if name.startswith("__") or name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def word_pattern(build: Callable[[Words], str] | str, flags: int = 0) -> re.Pattern[str]:
    """A module's regular expression over words of the tables in use: ``build`` gives its
    source from the tables, called when it is first used and whenever the tables change; or
    ``build`` is the source, its placeholders (ANY_ORDINAL, ...) expanded from the tables."""
    if isinstance(build, str):
        source = build
        return cast("re.Pattern[str]", _WordPattern(lambda w: w.expand(source), flags, source))
    return cast("re.Pattern[str]", _WordPattern(build, flags, None))
