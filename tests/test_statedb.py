"""The one state database: opened one way, versioned, upgraded without losing a row.

``tests/data/state-v1.sql`` is a state.db written by the release before the versioned schema
(commit 62c84af), through that release's own classes, and dumped with sqlite3's iterdump.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot.kbadmin import AuditLog
from bot.review import ReviewQueue
from bot.state import StateStore
from bot.statedb import MIGRATIONS, SCHEMA_VERSION, StateError, open_state

RELEASE_1 = Path(__file__).parent / "data" / "state-v1.sql"
DAY = dt.date(2022, 1, 28)
RELEASE_1_TABLES = (
    "subscriptions",
    "outbox",
    "passes",
    "broadcasts",
    "review_questions",
    "audit_log",
)


def restore(path: Path, dump: str) -> Path:
    """Write a database from an SQL dump."""
    with sqlite3.connect(path) as conn:
        conn.executescript(dump)
    conn.close()
    return path


def rows(path: Path, table: str) -> list[tuple[object, ...]]:
    """Return every row of a table, in rowid order."""
    with sqlite3.connect(path) as conn:
        found = conn.execute(f"select * from {table} order by rowid").fetchall()
    conn.close()
    return found


def schema(path: Path) -> dict[str, object]:
    """Describe the tables (columns, types, defaults, keys) and index names of a database."""
    with sqlite3.connect(path) as conn:
        names = conn.execute(
            "select type, name from sqlite_master where name not like 'sqlite_%' order by name"
        ).fetchall()
        described: dict[str, object] = {}
        for kind, name in names:
            if kind == "table":
                described[name] = conn.execute(f"pragma table_info({name})").fetchall()
            else:
                described[name] = kind
    conn.close()
    return described


def test_a_new_state_database_has_the_current_schema_version(tmp_path: Path) -> None:
    with open_state(tmp_path / "state.db") as db:
        assert db.version == SCHEMA_VERSION == MIGRATIONS[-1].version
    tables = {name for name, kind in schema(tmp_path / "state.db").items() if kind != "index"}
    assert set(RELEASE_1_TABLES) | {"drafts", "buttons"} <= tables


def test_the_migrations_are_numbered_one_by_one_from_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def test_a_database_of_the_previous_release_is_upgraded_without_losing_a_row(
    tmp_path: Path,
) -> None:
    old = restore(tmp_path / "state.db", RELEASE_1.read_text(encoding="utf-8"))
    before = {table: rows(old, table) for table in RELEASE_1_TABLES}
    assert all(before.values()), "the fixture has rows in every table"
    with sqlite3.connect(old) as conn:
        assert conn.execute("pragma user_version").fetchone()[0] == 1
    conn.close()

    with open_state(old) as db:
        assert db.version == SCHEMA_VERSION
    after = {table: rows(old, table) for table in RELEASE_1_TABLES}
    assert {t: [r[: len(before[t][0])] for r in found] for t, found in after.items()} == before
    fresh = tmp_path / "fresh.db"
    open_state(fresh).close()
    assert schema(old) == schema(fresh)


def test_the_stores_read_what_the_previous_release_wrote(tmp_path: Path) -> None:
    path = restore(tmp_path / "state.db", RELEASE_1.read_text(encoding="utf-8"))
    with open_state(path) as db:
        store = StateStore(db)
        sub = store.subscription(5003)
        assert sub is not None and not sub.active and sub.offsets == (14, 1)
        assert sub.schemes == {"kommunalt-rusarbeid", "nav-sosiale-tjenester"}
        assert store.counts() == {"sent": 1, "sending": 1, "failed": 1, "pending": 2}
        pass_record = store.pass_record(DAY)
        assert pass_record is not None and pass_record.counts == {"failed": 1, "sent": 1}
        assert [(b.id, b.confirmed_by) for b in store.broadcasts()] == [(1, 4242), (2, None)]
        queue = ReviewQueue(db)
        assert [q.reason for q in queue.entries(DAY)] == ["unanswered", "thumbs_down", "unanswered"]
        assert queue.add("Et nytt spørsmål", DAY)
        assert [q.id for q in queue.entries(DAY)] == [1, 2, 3, 4]
        audit = AuditLog(db)
        assert [e.who for e in audit.entries()] == [4243, 4242]
        assert audit.record(day=DAY, who=1, action="a", target="t", old=None, new=None) == 3


def test_a_release_1_database_without_the_lazily_made_tables_is_upgraded(tmp_path: Path) -> None:
    dump = RELEASE_1.read_text(encoding="utf-8")
    statements = [
        line
        for line in dump.splitlines()
        if not any(word in line for word in ("review_questions", "audit_log", "sqlite_sequence"))
    ]
    path = restore(tmp_path / "state.db", "\n".join(statements))
    subscriptions = rows(path, "subscriptions")
    with open_state(path) as db:
        assert ReviewQueue(db).entries(DAY) == []
        assert AuditLog(db).entries() == []
    assert rows(path, "subscriptions") == subscriptions


def test_opening_an_upgraded_database_again_changes_nothing(tmp_path: Path) -> None:
    path = restore(tmp_path / "state.db", RELEASE_1.read_text(encoding="utf-8"))
    open_state(path).close()
    first = {table: rows(path, table) for table in (*RELEASE_1_TABLES, "drafts", "buttons")}
    open_state(path).close()
    assert {table: rows(path, table) for table in first} == first


def test_a_database_of_a_newer_release_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as conn:
        conn.execute(f"pragma user_version={SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StateError) as refused:
        open_state(path)
    message = str(refused.value)
    assert str(path) in message and "newer than this release" in message
    assert "\n" not in message
    assert schema(path) == {}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"this is not a database at all" * 100, "is not a readable state database"),
        (b"SQLite format 3\x00" + b"\xff" * 4000, "is not a readable state database"),
    ],
    ids=["garbage", "broken-header"],
)
def test_a_corrupted_state_file_is_refused_with_one_line_naming_it(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "state.db"
    path.write_bytes(content)
    with pytest.raises(StateError) as refused:
        open_state(path)
    message = str(refused.value)
    assert message.startswith(str(path)) and expected in message
    assert "restore it from a backup" in message and "\n" not in message
    assert path.read_bytes() == content, "a broken file is never overwritten"


def test_a_folder_where_the_state_file_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "state.db").mkdir()
    with pytest.raises(StateError, match="is not a file"):
        open_state(tmp_path / "state.db")


def test_a_data_folder_that_cannot_be_made_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file, not a folder")
    with pytest.raises(StateError, match="cannot create the data folder"):
        open_state(tmp_path / "blocker" / "state.db")


def test_nested_transactions_commit_once_and_roll_back_together(tmp_path: Path) -> None:
    with open_state(tmp_path / "state.db") as db:
        store = StateStore(db)
        with pytest.raises(RuntimeError), db.transaction():
            store.subscribe(1, "*", DAY)
            with db.transaction():
                store.subscribe(2, "*", DAY)
            raise RuntimeError("undo both")
        assert store.subscriptions() == []
        with db.transaction():
            store.subscribe(1, "*", DAY)
            with db.transaction(durable=False):
                store.subscribe(2, "*", DAY)
        assert [s.chat_id for s in store.subscriptions()] == [1, 2]
        assert db.conn.execute("pragma synchronous").fetchone()[0] == 2  # FULL again
