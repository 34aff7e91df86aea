"""The validated knowledge base in memory: what the core of the bot reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar, cast

from knowledge.schema import (
    Deadline,
    FaqEntry,
    Language,
    Municipality,
    Office,
    Rule,
    Scheme,
    Sourced,
    SourceDoc,
    Table,
)

#: Version of the SQLite layout written by knowledge.build and read by knowledge.store.
SCHEMA_VERSION = 5  # 5: the language carries the word tables (lexicon.yaml)


@dataclass(frozen=True)
class Provenance:
    """Where a fact comes from: the document, its date and the issuing office."""

    file: str
    title: str
    date_text: str
    date: dt.date | None
    office_id: str
    office_name: str
    title_en: str | None = None
    date_text_en: str | None = None
    office_name_en: str | None = None

    def label(self, lang: str = "nb") -> str:
        """Render as 'Statsforvalteren i Innlandet, 7. januar 2021 (002_….txt)', or in English."""
        if lang == "en":
            office = self.office_name_en or self.office_name
            return f"{office}, {self.date_text_en or self.date_text} ({self.file})"
        return f"{self.office_name}, {self.date_text} ({self.file})"


@dataclass(frozen=True)
class DeadlineEntry:
    """A deadline with the scheme it belongs to and a stable id."""

    id: str
    scheme_id: str
    deadline: Deadline
    office_id: str


_T = TypeVar("_T")


@dataclass(frozen=True)
class KnowledgeBase:
    """Every validated fact, indexed for lookup."""

    sources: dict[str, SourceDoc]
    offices: dict[str, Office]
    municipalities: dict[str, Municipality]
    schemes: dict[str, Scheme]
    faq: dict[str, FaqEntry]
    tables: dict[str, Table]
    version: str = ""
    language: Language | None = None
    _deadlines: list[DeadlineEntry] = field(default_factory=list, repr=False)
    # provenances built once per (source, office): the knowledge base never changes
    _provenances: dict[tuple[str, str], Provenance] = field(default_factory=dict, repr=False)
    # what answers derive from it (a scheme's years, where to check), made once per key
    _derived: dict[tuple[object, ...], object] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        """Index the deadlines of every scheme once."""
        entries = [
            DeadlineEntry(
                id=deadline_id(scheme.id, d, self.office_of(d)),
                scheme_id=scheme.id,
                deadline=d,
                office_id=self.office_of(d),
            )
            for scheme in self.schemes.values()
            for d in scheme.deadlines
        ]
        self._deadlines.extend(entries)

    def office_of(self, fact: Sourced) -> str:
        """Return the issuing office of a fact: its own, else its source's."""
        if fact.office:
            return fact.office
        return self.sources[fact.source].office

    def provenance(self, fact: Sourced) -> Provenance:
        """Return the provenance of a fact."""
        key = (fact.source, self.office_of(fact))
        found = self._provenances.get(key)
        if found is None:
            doc, office = self.sources[key[0]], self.offices[key[1]]
            found = self._provenances[key] = Provenance(
                doc.file,
                doc.title,
                doc.date_text,
                doc.date,
                office.id,
                office.name,
                title_en=doc.title_en,
                date_text_en=doc.date_text_en,
                office_name_en=office.name_en,
            )
        return found

    def derived(self, key: tuple[object, ...], make: Callable[[], _T]) -> _T:
        """Return what ``make`` derives from the knowledge base, made once per key (it never
        changes); ``make`` must be pure and its result never changed by the caller."""
        if key not in self._derived:
            self._derived[key] = make()
        return cast(_T, self._derived[key])

    def deadlines(self) -> list[DeadlineEntry]:
        """Return every deadline of every scheme."""
        return list(self._deadlines)

    def rules(self, scheme_id: str) -> list[Rule]:
        """Return the calculation rules of a scheme."""
        return list(self.schemes[scheme_id].rules)

    def all_rules(self) -> Iterator[tuple[str, Rule]]:
        """Yield (scheme id, rule) for every rule."""
        for scheme in self.schemes.values():
            for rule in scheme.rules:
                yield scheme.id, rule

    def newest_year(self) -> int:
        """Return the year of the newest dated source document."""
        years = [d.date.year for d in self.sources.values() if d.date is not None]
        return max(years) if years else 0


def deadline_id(scheme_id: str, deadline: Deadline, office_id: str) -> str:
    """Build the stable id of a deadline: scheme:year:kind:office."""
    return f"{scheme_id}:{deadline.year}:{deadline.kind.value}:{office_id}"
