"""English counterparts: every Norwegian text in the bundled sources has a faithful English one.

The schema keeps the English optional (an edit made from Telegram may have none yet), so these
tests hold the bundled sources to more: every human-readable text has its ``_en`` sibling, the
English is not a copy of the Norwegian, and it keeps the figures, e-mail addresses and URLs of
the Norwegian exactly. The built database carries the English and finds it in free-text search.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from bot.kbadmin import AuditLog, apply_proposal, propose_deadline
from bot.statedb import StateDb
from knowledge import schema
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import default_sources, load_sources
from knowledge.schema import EN_SUFFIX, Contact, Fact, Row
from knowledge.store import load_database, search

#: Words spelled the same in both languages, allowed as an English text equal to the Norwegian.
SAME_IN_BOTH = {"April"}

#: Figures, e-mail addresses and URLs: what a translation must keep exactly.
KEPT = re.compile(
    r"(?:https?://|www\.)[^\s»)]+[^\s»).,;:]"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\d+(?: \d{3})*(?:,\d+)?"  # a figure as Norwegian prints it: 660 000, 472,4
)

#: A figure as English prints it: 660,000 (the same figure as the Norwegian 660 000).
ENGLISH_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")


def norwegian_figures(english: str) -> str:
    """An English text with its figures printed the Norwegian way, to compare the figures."""
    return ENGLISH_THOUSANDS.sub(lambda m: m.group(0).replace(",", " "), english)


@dataclass(frozen=True)
class Pair:
    """One Norwegian text field and its English sibling, where they sit in the sources."""

    where: str
    model: BaseModel
    field: str
    norwegian: str | list[str] | None
    english: str | list[str] | None


def pairs_in(value: object, where: str) -> Iterator[Pair]:
    """Yield every (Norwegian, English) field pair in a model tree."""
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name.endswith(EN_SUFFIX):
                field = name.removesuffix(EN_SUFFIX)
                yield Pair(where, value, field, getattr(value, field), getattr(value, name))
            else:
                yield from pairs_in(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            label = getattr(item, "id", None) or getattr(item, "key", None)
            yield from pairs_in(item, f"{where}[{i}]" + (f" ({label})" if label else ""))


def all_pairs(kb: KnowledgeBase) -> list[Pair]:
    """Every text pair of the knowledge base."""
    groups: dict[str, Mapping[str, BaseModel]] = {
        "sources": kb.sources,
        "offices": kb.offices,
        "municipalities": kb.municipalities,
        "schemes": kb.schemes,
        "faq": kb.faq,
        "tables": kb.tables,
    }
    return [
        pair
        for group, entries in groups.items()
        for key, model in entries.items()
        for pair in pairs_in(model, f"{group}[{key}]")
    ]


def has_words(text: str | list[str] | None) -> bool:
    """Tell whether a text (or any text of a list) has letters, so language."""
    texts = text if isinstance(text, list) else [text or ""]
    return any(c.isalpha() for t in texts for c in t)


def is_a_name(pair: Pair) -> bool:
    """Tell whether the text is a proper name that English writes the same way."""
    if isinstance(pair.model, Row) and pair.field == "label":
        return pair.model.municipality is not None or pair.model.county is not None
    if isinstance(pair.model, Contact) and pair.field == "name":
        words = str(pair.norwegian).split()
        return len(words) >= 2 and all(w[0].isupper() for w in words)  # a person's name
    return False


def texts(value: str | list[str] | None) -> list[str]:
    """A text or list of texts as a list."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def pairs(kb: KnowledgeBase) -> list[Pair]:
    """Every text pair of the bundled sources."""
    return all_pairs(kb)


def test_every_english_field_is_declared_after_its_norwegian_sibling() -> None:
    models = [
        obj
        for obj in vars(schema).values()
        if isinstance(obj, type)
        and issubclass(obj, BaseModel)
        and obj.__module__ == schema.__name__
    ]
    seen = 0
    for model in models:
        names = list(model.model_fields)
        for i, name in enumerate(names):
            if name.endswith(EN_SUFFIX):
                seen += 1
                sibling = name.removesuffix(EN_SUFFIX)
                assert sibling in names[:i], f"{model.__name__}.{name} must follow {sibling}"
    assert seen >= 30, "the schema should have an English sibling for every text field"


def test_every_text_in_the_bundled_sources_has_its_english_counterpart(pairs: list[Pair]) -> None:
    missing = [
        f"{p.where}: {p.field}_en"
        for p in pairs
        if has_words(p.norwegian) and not is_a_name(p) and p.english is None
    ]
    assert not missing, "texts without English:\n" + "\n".join(missing)


def test_there_is_no_english_text_without_a_norwegian_one(pairs: list[Pair]) -> None:
    orphans = [f"{p.where}: {p.field}_en" for p in pairs if p.english and not p.norwegian]
    assert not orphans


def test_english_lists_have_one_text_per_norwegian_text(pairs: list[Pair]) -> None:
    for p in pairs:
        if isinstance(p.norwegian, list) and p.english is not None:
            assert len(texts(p.english)) == len(p.norwegian), f"{p.where}: {p.field}_en"


def test_english_texts_are_not_copies_of_the_norwegian(pairs: list[Pair]) -> None:
    copies = [
        f"{p.where}: {p.field}_en = {en!r}"
        for p in pairs
        for nb, en in zip(texts(p.norwegian), texts(p.english), strict=False)
        if en.strip() == nb.strip() and has_words(nb) and nb not in SAME_IN_BOTH
    ]
    assert not copies, "English equal to the Norwegian:\n" + "\n".join(copies)


def test_english_texts_keep_the_figures_addresses_and_urls_of_the_norwegian(
    pairs: list[Pair],
) -> None:
    lost = []
    for p in pairs:
        for nb, en in zip(texts(p.norwegian), texts(p.english), strict=False):
            gone = sorted(set(KEPT.findall(nb)) - set(KEPT.findall(norwegian_figures(en))))
            if gone:
                lost.append(f"{p.where}: {p.field}_en lacks {gone}")
    assert not lost, "\n".join(lost)


@pytest.mark.parametrize(
    ("norwegian", "english"),
    [("Vår", "Spring"), ("Løpende", "Ongoing/rolling"), ("April", "April")],
)
def test_deadlines_given_in_words_have_them_in_english(
    kb: KnowledgeBase, norwegian: str, english: str
) -> None:
    found = [e.deadline for e in kb.deadlines() if e.deadline.text == norwegian]
    assert found, f"no deadline reads {norwegian!r}"
    assert all(d.text_en == english for d in found)


def test_the_law_reference_is_translated_with_its_section(pairs: list[Pair]) -> None:
    appeal = [
        en
        for p in pairs
        for nb, en in zip(texts(p.norwegian), texts(p.english), strict=False)
        if "forvaltningsloven § 28" in nb
    ]
    assert appeal
    assert all("the Public Administration Act § 28" in en for en in appeal)


def test_tentative_texts_keep_their_uncertainty_in_english(kb: KnowledgeBase) -> None:
    markers = {
        "antatt": "assumed",
        "vi antar": "we assume",
        "tentativt": "tentatively",
        "med forbehold": "with reservations",
        "under utarbeidelse": "being drawn up",
    }
    checked = 0
    for p in all_pairs(kb):
        for nb, en in zip(texts(p.norwegian), texts(p.english), strict=False):
            for word, translation in markers.items():
                if word in nb.lower():
                    checked += 1
                    assert translation in en.lower(), (
                        f"{p.where}: {p.field}_en lacks {translation!r}"
                    )
    assert checked >= 20


def test_offices_are_named_in_english_with_their_norwegian_name(kb: KnowledgeBase) -> None:
    innlandet = kb.offices["innlandet"]
    assert innlandet.name_en == "the County Governor of Innlandet (Statsforvalteren i Innlandet)"
    assert kb.offices["agder"].name_en == "the County Governor of Agder (Fylkesmannen i Agder)"


def test_the_provenance_of_a_fact_carries_the_english_title_date_and_office(
    kb: KnowledgeBase,
) -> None:
    fact = next(f for f in kb.schemes["kommunalt-rusarbeid"].facts if f.source.startswith("002_"))
    provenance = kb.provenance(fact)
    assert provenance.date_text_en == "7 January 2021"
    assert provenance.office_name_en == kb.offices["innlandet"].name_en
    assert provenance.title_en and provenance.title_en.startswith("Application workshop")


def test_a_text_without_english_is_still_valid() -> None:
    fact = Fact.model_validate(
        {"topic": "note", "years": "2023", "text": "Ny merknad.", "source": "admin.txt"}
    )
    assert fact.text_en is None


# --- the built database ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Path:
    """Build the bundled sources into a fresh database once for this module."""
    return build_database(kb, tmp_path_factory.mktemp("english") / "knowledge.db")


def test_a_build_and_load_round_trips_every_english_text(kb: KnowledgeBase, db_path: Path) -> None:
    loaded = load_database(db_path)
    assert [(p.where, p.english) for p in all_pairs(loaded)] == [
        (p.where, p.english) for p in all_pairs(kb)
    ]
    assert loaded.schemes == kb.schemes
    assert loaded.tables == kb.tables
    assert loaded.faq == kb.faq
    assert loaded.offices == kb.offices
    assert loaded.sources == kb.sources


@pytest.mark.parametrize(
    ("table", "column", "model_count"),
    [
        ("facts", "text_en", lambda kb: sum(len(s.facts) for s in kb.schemes.values())),
        ("faq", "answer_en", lambda kb: len(kb.faq)),
        ("deadlines", "note_en", lambda kb: sum(1 for e in kb.deadlines() if e.deadline.note)),
        ("sources", "title_en", lambda kb: len(kb.sources)),
        ("offices", "name_en", lambda kb: len(kb.offices)),
    ],
)
def test_the_flattened_tables_hold_the_english_beside_the_norwegian(
    kb: KnowledgeBase,
    db_path: Path,
    table: str,
    column: str,
    model_count: Callable[[KnowledgeBase], int],
) -> None:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        (count,) = conn.execute(f"select count({column}) from {table}").fetchone()
    finally:
        conn.close()
    assert count == model_count(kb)


@pytest.mark.parametrize(
    ("query", "ref"),
    [
        ("right of appeal", "klagerett-innlandet-2021"),
        ("technical support application form", "teknisk-hjelp-skjema-2021"),
        ("share in setting up a FACT team", "rusarbeid-fact-andel"),
    ],
)
def test_english_look_ups_find_the_english_texts(db_path: Path, query: str, ref: str) -> None:
    hits = search(db_path, query)
    assert hits, f"no hits for {query!r}"
    assert hits[0]["ref"] == ref
    assert hits[0]["body_en"], "the English answer comes with the hit"


def test_norwegian_look_ups_keep_the_norwegian_body(db_path: Path) -> None:
    hits = search(db_path, "klagerett")
    assert hits
    assert "forvaltningsloven § 28" in str(hits[0]["body"])
    assert "Public Administration Act" not in str(hits[0]["body"])


# --- edits made from Telegram (bot.kbadmin) -------------------------------------------------


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A copy of the bundled sources an edit may write to."""
    folder = tmp_path / "data"
    shutil.copytree(default_sources(), folder)
    return folder


@pytest.mark.parametrize(
    ("scheme", "value"),
    [("frisklivs-og-laeringstilbud", "15.03.2022"), ("kommunalt-rusarbeid", "20.02.2022")],
)
def test_correcting_a_deadline_from_telegram_leaves_no_stale_english(
    sources_copy: Path, state_db: StateDb, scheme: str, value: str
) -> None:
    today = dt.date(2022, 2, 1)
    office = "ukjent-statsforvalter"
    kb = load_sources(sources_copy)
    proposal = propose_deadline(
        sources_copy, scheme, 2022, "søknad", value, False, kb=kb, today=today, office=office
    )
    apply_proposal(proposal, who=1, today=today, audit=AuditLog(state_db))
    after = load_sources(sources_copy)
    entry = next(e for e in after.deadlines() if e.id == f"{scheme}:2022:application:{office}")
    old_note_en = next(e for e in kb.deadlines() if e.id == entry.id).deadline.note_en
    assert entry.deadline.text_en is None
    assert entry.deadline.note_en != old_note_en
