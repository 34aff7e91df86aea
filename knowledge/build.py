"""Build the validated knowledge base into one SQLite database, atomically.

The database holds every entity as JSON (what the bot loads at run time) and
flattened tables for SQL look-ups, plus an FTS5 index for free-text search.
English texts (the ``_en`` fields) travel in the JSON, sit beside the Norwegian in
the flattened tables and are indexed for search in columns of their own.
A build writes a temporary file next to the target and renames it into place,
so a failed build never replaces the last good database.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from knowledge.kb import SCHEMA_VERSION, KnowledgeBase
from knowledge.schema import Topic
from knowledge.text import ascii_fold

DB_NAME = "knowledge.db"


def _sqlite_utils() -> ModuleType:
    """Import sqlite-utils (only when a database is built) without letting it load numpy.

    sqlite-utils imports numpy whenever it is installed, only to map numpy's number types to
    column types; the chart of the statistics brings numpy in, and every bot process would carry
    it (about 14 MB, the Telegram benchmark's memory target). The build never stores numpy
    values, so numpy is hidden while sqlite-utils is imported and can still be loaded later.
    """
    if "sqlite_utils" in sys.modules:
        return sys.modules["sqlite_utils"]
    hidden = "numpy" not in sys.modules
    if hidden:
        sys.modules["numpy"] = None  # type: ignore[assignment]  # 'import numpy' fails here
    try:
        import sqlite_utils
    finally:
        if hidden:
            del sys.modules["numpy"]
    return sqlite_utils


def _dump(model: Any) -> str:
    """Serialise a pydantic model to JSON."""
    return str(model.model_dump_json())


def _joined(*texts: str | None) -> str:
    """Join the texts that are there with ' | '."""
    return " | ".join(t for t in texts if t)


def _search_docs(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """Collect the texts that free-text look-up searches, Norwegian and English apart."""
    docs: list[dict[str, Any]] = []
    for scheme in kb.schemes.values():
        names = scheme.names
        all_names = names.all()
        english = names.english[0] if names.english else None
        docs.append(
            {
                "kind": "scheme",
                "ref": scheme.id,
                "scheme": scheme.id,
                "year": None,
                "title": names.official,
                "body": " | ".join(all_names),
                "title_en": english,
                "body_en": None,
            }
        )
        for i, fact in enumerate(scheme.facts):
            docs.append(
                {
                    "kind": f"fact:{fact.topic.value}",
                    "ref": f"{scheme.id}/facts/{i}",
                    "scheme": scheme.id,
                    "year": fact.years.first,
                    "title": f"{names.short}: {Topic(fact.topic).value}",
                    "body": fact.text,
                    "title_en": f"{english}: {Topic(fact.topic).value}" if english else None,
                    "body_en": fact.text_en,
                }
            )
    for entry in kb.faq.values():
        docs.append(
            {
                "kind": "faq",
                "ref": entry.id,
                "scheme": entry.scheme,
                "year": entry.years.first,
                "title": entry.question,
                "body": " | ".join([entry.answer, *entry.aliases]),
                "title_en": entry.question_en,
                "body_en": entry.answer_en,
            }
        )
    return docs


def write_database(kb: KnowledgeBase, path: Path) -> None:
    """Write a knowledge base into a new SQLite file at path."""
    db = _sqlite_utils().Database(sqlite3.connect(str(path)))
    db.table("meta").insert_all(
        [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "version", "value": kb.version},
        ],
        pk="key",
    )
    db.table("sources").insert_all(
        (
            {
                "file": d.file,
                "title": d.title,
                "title_en": d.title_en,
                "office": d.office,
                "date": d.date.isoformat() if d.date else None,
                "date_text": d.date_text,
                "date_text_en": d.date_text_en,
                "kind": d.kind,
                "json": _dump(d),
            }
            for d in kb.sources.values()
        ),
        pk="file",
        columns={"title_en": str, "date_text_en": str},
    )
    db.table("offices").insert_all(
        (
            {"id": o.id, "name": o.name, "name_en": o.name_en, "kind": o.kind, "json": _dump(o)}
            for o in kb.offices.values()
        ),
        pk="id",
        columns={"name_en": str},
    )
    db.table("contacts").insert_all(
        (
            {
                "office": o.id,
                "name": c.name,
                "name_en": c.name_en,
                "role": c.role,
                "role_en": c.role_en,
                "email": c.email,
                "phone": c.phone,
                "web": c.web,
                "note": c.note,
                "note_en": c.note_en,
                "source": c.source,
            }
            for o in kb.offices.values()
            for c in o.contacts
        ),
        columns={
            "name": str,
            "name_en": str,
            "role": str,
            "role_en": str,
            "email": str,
            "phone": str,
            "web": str,
            "note": str,
            "note_en": str,
        },
    )
    db.table("municipalities").insert_all(
        (
            {
                "number": m.number,
                "name": m.name,
                "county": m.county,
                "county_number": m.county_number,
                "region": m.region,
                "source": m.source,
                "json": _dump(m),
            }
            for m in kb.municipalities.values()
        ),
        pk="number",
        columns={"region": str},
    )
    db.table("schemes").insert_all(
        (
            {
                "id": s.id,
                "kind": s.kind,
                "official": s.names.official,
                "short": s.names.short,
                "json": _dump(s),
            }
            for s in kb.schemes.values()
        ),
        pk="id",
    )
    db.table("scheme_names").insert_all(
        {"scheme": s.id, "name": name, "lang": lang}
        for s in kb.schemes.values()
        for lang, names in (
            ("nb", [s.names.official, s.names.short, *s.names.aliases]),
            ("nn", s.names.nynorsk),
            ("en", s.names.english),
        )
        for name in names
    )
    db.table("facts").insert_all(
        (
            {
                "scheme": s.id,
                "topic": f.topic.value,
                "first_year": f.years.first,
                "last_year": f.years.last,
                "text": f.text,
                "text_en": f.text_en,
                "tentative": f.tentative,
                "source": f.source,
                "office": kb.office_of(f),
            }
            for s in kb.schemes.values()
            for f in s.facts
        ),
        columns={"last_year": int, "text_en": str},
    )
    db.table("deadlines").insert_all(
        (
            {
                "id": e.id,
                "scheme": e.scheme_id,
                "year": e.deadline.year,
                "kind": e.deadline.kind.value,
                "date": e.deadline.date.isoformat() if e.deadline.date else None,
                "text": e.deadline.text,
                "text_en": e.deadline.text_en,
                "unknown": e.deadline.unknown,
                "tentative": e.deadline.tentative,
                "raw": e.deadline.raw,
                "note": e.deadline.note,
                "note_en": e.deadline.note_en,
                "source": e.deadline.source,
                "office": e.office_id,
            }
            for e in kb.deadlines()
        ),
        pk="id",
        columns={"date": str, "text": str, "text_en": str, "note": str, "note_en": str},
    )
    db.table("appropriations").insert_all(
        (
            {
                "scheme": s.id,
                "year": a.year,
                "amount": a.amount,
                "scope": a.scope,
                "approximate": a.approximate,
                "prognosis": a.prognosis,
                "text": a.text,
                "text_en": a.text_en,
                "source": a.source,
                "office": kb.office_of(a),
            }
            for s in kb.schemes.values()
            for a in s.appropriations
        ),
        columns={"text_en": str},
    )
    db.table("budget").insert_all(
        (
            {
                "scheme": s.id,
                "chapter": b.chapter,
                "post": b.post,
                "ministry": b.ministry,
                "ministry_en": b.ministry_en,
                "first_year": b.years.first,
                "last_year": b.years.last,
                "source": b.source,
            }
            for s in kb.schemes.values()
            for b in s.budget
        ),
        columns={"ministry": str, "ministry_en": str, "last_year": int},
    )
    db.table("rules").insert_all(
        (
            {
                "id": r.id,
                "scheme": sid,
                "kind": r.kind,
                "first_year": r.years.first,
                "last_year": r.years.last,
                "source": r.source,
                "json": _dump(r),
            }
            for sid, r in kb.all_rules()
        ),
        pk="id",
        columns={"last_year": int},
    )
    db.table("faq").insert_all(
        (
            {
                "id": q.id,
                "scheme": q.scheme,
                "question": q.question,
                "question_en": q.question_en,
                "answer": q.answer,
                "answer_en": q.answer_en,
                "aliases": json.dumps(q.aliases, ensure_ascii=False),
                "source": q.source,
                "json": _dump(q),
            }
            for q in kb.faq.values()
        ),
        pk="id",
        columns={"scheme": str, "question_en": str, "answer_en": str},
    )
    db.table("language").create({"id": str, "json": str}, pk="id")
    if kb.language is not None:
        db.table("language").insert({"id": "language", "json": _dump(kb.language)})
    db.table("tables").insert_all(
        (
            {
                "id": t.id,
                "title": t.title,
                "title_en": t.title_en,
                "source": t.source,
                "json": _dump(t),
            }
            for t in kb.tables.values()
        ),
        pk="id",
        columns={"title_en": str},
    )
    units = {(t.id, c.id): c.unit for t in kb.tables.values() for c in t.columns}
    db.table("table_cells").insert_all(
        (
            {
                "table_id": t.id,
                "row_key": r.key,
                "row_label": r.label,
                "row_label_en": r.label_en,
                "column": col,
                "value": str(value),
                "unit": units[(t.id, col)],
            }
            for t in kb.tables.values()
            for r in t.rows
            for col, value in r.values.items()
        ),
        columns={"row_label_en": str},
    )
    db.table("discrepancies").insert_all(
        (
            {
                "table_id": t.id,
                "row": d.row,
                "column": d.column,
                "printed": d.printed,
                "computed": d.computed,
                "note": d.note,
                "note_en": d.note_en,
            }
            for t in kb.tables.values()
            for d in t.discrepancies
        ),
        columns={
            "table_id": str,
            "row": str,
            "column": str,
            "printed": int,
            "computed": int,
            "note": str,
            "note_en": str,
        },
    )
    docs = _search_docs(kb)
    for doc in docs:
        texts = (doc["title"], doc["body"], doc["title_en"], doc["body_en"])
        doc["folded"] = ascii_fold(" ".join(t for t in texts if t))
    db.table("search").insert_all(
        docs, columns={"scheme": str, "year": int, "title_en": str, "body_en": str}
    )
    db.table("search").enable_fts(
        ["title", "body", "title_en", "body_en", "folded"],
        tokenize="unicode61 remove_diacritics 2",
    )
    db.conn.commit()
    db.conn.close()


def build_database(kb: KnowledgeBase, target: Path) -> Path:
    """Build the database beside target and rename it into place atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".kb-", suffix=".db.tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        write_database(kb, tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target
