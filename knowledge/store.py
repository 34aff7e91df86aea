"""Read the built SQLite knowledge base: what the bot uses at run time."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from knowledge.kb import SCHEMA_VERSION, KnowledgeBase
from knowledge.schema import (
    FaqEntry,
    Language,
    Municipality,
    Office,
    Scheme,
    SourceDoc,
    Table,
)
from knowledge.text import ascii_fold

REBUILD = "rebuild it with 'tilskuddsbot kb build'"


class StoreError(Exception):
    """The database is missing, unreadable or of another schema version; one line, what to do."""


def unreadable(path: Path, exc: Exception) -> StoreError:
    """Say in one line that a knowledge database cannot be read, and what to do."""
    return StoreError(f"{path} is not a readable knowledge database ({exc}): {REBUILD}")


def open_readonly(path: Path) -> sqlite3.Connection:
    """Open a database read-only, refusing a missing or unopenable file."""
    if not path.is_file():
        raise StoreError(f"no knowledge database at {path}: run 'tilskuddsbot kb build' first")
    try:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(
            f"cannot open {path} ({exc}): the bot's user must be able to read it and its "
            f"folder, or {REBUILD}"
        ) from None


def load_database(path: Path) -> KnowledgeBase:
    """Load every entity from a built database into a KnowledgeBase."""
    conn = open_readonly(path)
    try:
        meta = dict(conn.execute("select key, value from meta").fetchall())
        if meta.get("schema_version") != str(SCHEMA_VERSION):
            raise StoreError(
                f"{path} has schema version {meta.get('schema_version')}, "
                f"expected {SCHEMA_VERSION}: {REBUILD}"
            )

        def rows(table: str, key: str) -> list[tuple[str, str]]:
            return conn.execute(f"select {key}, json from {table} order by rowid").fetchall()

        return KnowledgeBase(
            sources={k: SourceDoc.model_validate_json(j) for k, j in rows("sources", "file")},
            offices={k: Office.model_validate_json(j) for k, j in rows("offices", "id")},
            municipalities={
                k: Municipality.model_validate_json(j) for k, j in rows("municipalities", "number")
            },
            schemes={k: Scheme.model_validate_json(j) for k, j in rows("schemes", "id")},
            faq={k: FaqEntry.model_validate_json(j) for k, j in rows("faq", "id")},
            tables={k: Table.model_validate_json(j) for k, j in rows("tables", "id")},
            version=meta.get("version", ""),
            language=next(
                (Language.model_validate_json(j) for _, j in rows("language", "id")), None
            ),
        )
    except (sqlite3.Error, ValueError) as exc:  # ValueError: a row the schema rejects
        raise unreadable(path, exc) from None
    finally:
        conn.close()


def check_database(path: Path) -> str | None:
    """Say in one line what is wrong with a built database (None: it is sound and current).

    Checks that the file is there and opens, that SQLite finds its pages sound
    (``PRAGMA quick_check``) and that it has this release's schema version and a content
    version: a deleted, truncated, overwritten or foreign file is found before it is used.
    A file that cannot be opened at all (permissions) is not damaged: StoreError.
    """
    if not path.is_file():
        return f"{path} is missing"
    conn = open_readonly(path)
    try:
        [check] = conn.execute("PRAGMA quick_check(1)").fetchone()
        if check != "ok":
            return f"{path} is damaged ({check})"
        meta = dict(conn.execute("select key, value from meta").fetchall())
    except sqlite3.Error as exc:
        return f"{path} is not a readable knowledge database ({exc})"
    finally:
        conn.close()
    if meta.get("schema_version") != str(SCHEMA_VERSION):
        found = meta.get("schema_version")
        return f"{path} has schema version {found}, expected {SCHEMA_VERSION}"
    if not meta.get("version"):
        return f"{path} has no version"
    return None


def read_version(path: Path) -> str:
    """Return the content version (``meta.version``) of a built database, cheaply."""
    conn = open_readonly(path)
    try:
        row = conn.execute("select value from meta where key = 'version'").fetchone()
    except sqlite3.Error as exc:
        raise unreadable(path, exc) from None
    finally:
        conn.close()
    if row is None:
        raise StoreError(f"{path} has no version: {REBUILD}")
    return str(row[0])


def search(path: Path, query: str, limit: int = 10) -> list[dict[str, object]]:
    """Search the FTS5 index, Norwegian and English; return ranked rows of the search table."""
    folded = ascii_fold(query)
    terms = [t for t in "".join(c if c.isalnum() else " " for c in folded).split() if t]
    if not terms:
        return []
    match = " OR ".join(f'"{t}"*' for t in terms)
    conn = open_readonly(path)
    try:
        cur = conn.execute(
            "select search.kind, search.ref, search.scheme, search.title, search.body, "
            "search.title_en, search.body_en "
            "from search join search_fts on search.rowid = search_fts.rowid "
            "where search_fts match ? order by search_fts.rank limit ?",
            (match, limit),
        )
        names = [c[0] for c in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]
    finally:
        conn.close()
