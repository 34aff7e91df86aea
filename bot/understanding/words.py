"""The word tables of knowledge/data/language/lexicon.yaml in use, and patterns built on them."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

from knowledge.loader import bundled_lexicon
from knowledge.schema import LanguageLexicon


@dataclass(frozen=True)
class Words:
    """The word tables of a knowledge base, ready for look-ups and patterns."""

    # every month word, names and short forms, by its month number
    months: dict[str, int]
    # the months' names alone ('i februar' asks for a month; 'i feb' is no month asked)
    month_names: dict[str, int]


_active: list[Words] = []  # the tables in use: those of the knowledge base answering


def use_words(lexicon: LanguageLexicon) -> None:
    """Read questions with these word tables (the knowledge base's, set by the engine)."""
    ready = _ready(lexicon)
    if _active and _active[0] == ready:
        return
    _active[:] = [ready]
    from bot.understanding.entities import forget_readings  # it reads with these tables

    forget_readings()


def word_tables() -> Words:
    """The word tables in use; the bundled ones until a knowledge base sets its own."""
    if not _active:
        _active.append(_ready(bundled_lexicon()))
    return _active[0]


def _ready(lexicon: LanguageLexicon) -> Words:
    """Prepare word tables for look-ups."""
    return Words(
        months={**lexicon.months, **lexicon.month_short_forms},
        month_names=dict(lexicon.months),
    )


class _WordPattern:
    """A regular expression built from the word tables in use, compiled on first use and
    again whenever the tables change."""

    def __init__(self, build: Callable[[Words], str], flags: int) -> None:
        """Keep the builder; compile on the first use."""
        self._build = build
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
        """The source, for composing others."""
        return self.compiled().pattern

    def __getattr__(self, name: str) -> Any:
        """Anything else (``search``, ``finditer``) from the compiled pattern."""
        if name.startswith("__") or name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)


def word_pattern(build: Callable[[Words], str], flags: int = 0) -> re.Pattern[str]:
    """A module's regular expression over words of the tables in use: ``build`` gives its
    source from the tables, called when it is first used and whenever the tables change."""
    return cast("re.Pattern[str]", _WordPattern(build, flags))
