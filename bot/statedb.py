"""The bot's own state database (``state.db``): one opener, one versioned schema, clear failures.

Every table of the bot's own state lives in this one SQLite file and is reached through one
:class:`StateDb`: the subscriptions, outbox, passes and broadcasts (``bot.state``), the review
queue (``bot.review``), the audit log (``bot.kbadmin``), the admins' drafts (``bot.drafts``),
the button payloads (``bot.buttons``), the caseworker desk (``bot.desk``), the statistics'
events (``bot.stats``), the journal of admin edits (``bot.editjournal``) and the guided
calculator's dialogues (``bot.calculator``).
:func:`open_state` is the only way to open it: WAL mode, a ``busy_timeout``, foreign keys on,
``synchronous=FULL`` and ``secure_delete`` (a deleted row is overwritten; :meth:`StateDb.scrub`
also empties the WAL), then the migrations.

The schema is versioned with ``PRAGMA user_version``. :data:`MIGRATIONS` lists every step from
an empty file; a database is brought up to :data:`SCHEMA_VERSION` in one write transaction when
it is opened, so a second process opening it at the same moment waits and then finds it done.
Migrations only add: a database made by an earlier release keeps every row.

A file that cannot be used (corrupted, not a database, unreadable, read-only, in a folder the
bot may not write, or made by a newer release) raises :class:`StateError`, whose message is one
line naming the file and what to do; the command line turns it into exit code 2.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_MS = 10_000


class StateError(Exception):
    """The state database or its folder cannot be used; the message says which and what to do."""


@dataclass(frozen=True)
class Migration:
    """One step of the schema: the version it leads to, what it does, its statements."""

    version: int
    summary: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "subscriptions, the outbox, reminder passes and broadcasts",
        (
            """CREATE TABLE IF NOT EXISTS "subscriptions" (
   "chat_id" INTEGER PRIMARY KEY,
   "schemes" TEXT NOT NULL,
   "offsets" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "active" INTEGER NOT NULL,
   "created" TEXT NOT NULL,
   "since" TEXT NOT NULL
)""",
            """CREATE TABLE IF NOT EXISTS "outbox" (
   "key" TEXT PRIMARY KEY,
   "chat_id" INTEGER NOT NULL,
   "kind" TEXT NOT NULL,
   "text" TEXT NOT NULL,
   "lang" TEXT NOT NULL,
   "status" TEXT NOT NULL DEFAULT 'pending',
   "attempts" INTEGER NOT NULL DEFAULT 0,
   "planned_day" TEXT NOT NULL,
   "late" INTEGER DEFAULT 0,
   "tentative" INTEGER DEFAULT 0,
   "scheme_id" TEXT,
   "deadline_id" TEXT,
   "offset_days" INTEGER,
   "due_day" TEXT,
   "deadline_day" TEXT,
   "broadcast_id" INTEGER,
   "last_error" TEXT,
   "message_id" INTEGER,
   "sent_day" TEXT
)""",
            'CREATE INDEX IF NOT EXISTS "idx_outbox_status" ON "outbox" ("status")',
            'CREATE INDEX IF NOT EXISTS "idx_outbox_chat_id_deadline_id" '
            'ON "outbox" ("chat_id", "deadline_id")',
            """CREATE TABLE IF NOT EXISTS "passes" (
   "day" TEXT PRIMARY KEY,
   "status" TEXT NOT NULL,
   "runs" INTEGER NOT NULL,
   "counts" TEXT
)""",
            """CREATE TABLE IF NOT EXISTS "broadcasts" (
   "id" INTEGER PRIMARY KEY,
   "admin_id" INTEGER NOT NULL,
   "text" TEXT NOT NULL,
   "created" TEXT NOT NULL,
   "confirmed" TEXT,
   "confirmed_by" INTEGER,
   "recipients" INTEGER DEFAULT 0
)""",
        ),
    ),
    Migration(
        2,
        "the review queue and audit log under the schema version; drafts and button payloads",
        (
            # Release 1 created these two lazily, outside the version: they may exist already.
            "create table if not exists review_questions ("
            " id integer primary key autoincrement,"
            " day text not null,"
            " reason text not null check (reason in ('unanswered', 'thumbs_down')),"
            " text text not null)",
            "create index if not exists review_questions_day on review_questions (day)",
            "create table if not exists audit_log ("
            " id integer primary key autoincrement,"
            " day text not null,"
            " who integer not null,"
            " action text not null,"
            " target text not null,"
            " old text,"
            " new text)",
            "create table drafts ("
            " id integer primary key autoincrement,"
            " kind text not null check (kind in ('broadcast', 'update', 'deadline')),"
            " admin_id integer not null,"
            " state text not null default 'pending'"
            "  check (state in ('pending', 'confirmed', 'cancelled', 'expired')),"
            " payload text not null,"
            " created text not null,"
            " expires text not null,"
            " decided text,"
            " decided_by integer,"
            " batch text,"
            " broadcast_id integer references broadcasts (id))",
            "create index drafts_batch on drafts (batch)",
            "create table buttons ("
            " token text primary key,"
            " chat_id integer not null,"
            " text text not null,"
            " day text not null)",
            "create index buttons_day on buttons (day)",
            "create index buttons_chat on buttons (chat_id)",
        ),
    ),
    Migration(
        3,
        "review queue groups assigned at insert time; per-chat daily quota under a salted hash",
        (
            "alter table review_questions add column group_id integer",
            "create index review_questions_group on review_questions (group_id)",
            "create table review_groups (id integer primary key, key text not null)",
            "create index review_groups_key on review_groups (key)",
            "create table review_salt (day text primary key, salt text not null)",
            "create table review_quota ("
            " day text not null,"
            " chat_hash text not null,"
            " count integer not null,"
            " primary key (day, chat_hash)) without rowid",
        ),
    ),
    Migration(
        4,
        "the caseworker desk: questions handed over, their messages and replies; events",
        (
            "create table desk_questions ("
            " id integer primary key autoincrement,"
            " state text not null default 'pending'"
            "  check (state in ('pending', 'open', 'answered', 'closed')),"
            " chat_id integer not null,"
            " lang text not null,"
            " office text,"
            " desk_chat integer not null,"
            " scheme text,"
            " year integer,"
            " text text not null,"
            " attempt text not null,"
            " masked text not null default '',"
            " created text not null,"
            " opened text,"
            " answered text,"
            " closed text,"
            " reason text,"
            " announced text,"
            " faq_id text)",
            "create index desk_questions_chat on desk_questions (chat_id)",
            "create index desk_questions_state on desk_questions (state)",
            "create table desk_messages ("
            " chat_id integer not null,"
            " message_id integer not null,"
            " question_id integer not null references desk_questions (id) on delete cascade,"
            " side text not null check (side in ('desk', 'asker')),"
            " primary key (chat_id, message_id))",
            "create index desk_messages_question on desk_messages (question_id)",
            "create table desk_replies ("
            " id integer primary key autoincrement,"
            " question_id integer not null references desk_questions (id) on delete cascade,"
            " at text not null,"
            " author text not null check (author in ('caseworker', 'asker')),"
            " text text not null)",
            "create index desk_replies_question on desk_replies (question_id)",
            # Counted for the statistics: no message text, no user or chat id.
            "create table desk_events ("
            " id integer primary key autoincrement,"
            " day text not null,"
            " kind text not null,"
            " scheme text,"
            " topic text,"
            " seconds integer)",
            "create index desk_events_day on desk_events (day)",
        ),
    ),
    Migration(
        5,
        "the journal of admin edits (bot.editjournal), so an interrupted edit is recovered",
        (
            "create table edit_journal ("
            " id integer primary key autoincrement,"
            " day text not null,"
            " who integer not null,"
            " root text not null,"
            " action text not null,"
            " target text not null,"
            " old text,"
            " new text,"
            " files text not null,"
            " review_ids text not null default '[]',"
            " state text not null default 'started'"
            "  check (state in ('started', 'audited', 'done', 'rolled_back')),"
            " audit_id integer references audit_log (id),"
            " outcome text,"
            " reported integer not null default 1)",
            "create index edit_journal_state on edit_journal (state)",
        ),
    ),
    Migration(
        6,
        "the guided calculator's dialogues (bot.calculator), so a restart keeps their step",
        (
            "create table calculator_dialogues ("
            " key text primary key,"
            " chat_id integer,"
            " nonce text not null,"
            " step text not null check (step in ('scheme', 'year', 'positions', 'cost')),"
            " lang text not null,"
            " scheme text,"
            " year integer,"
            " positions text,"
            " touched real not null)",
            "create index calculator_dialogues_chat on calculator_dialogues (chat_id)",
        ),
    ),
)

#: The version a database has once it is opened by this release.
SCHEMA_VERSION = MIGRATIONS[-1].version


class StateDb:
    """One open state database: a connection shared by the stores, its lock, transactions.

    The connection is in autocommit mode: a single statement commits on its own, and
    :meth:`transaction` groups statements (it nests: only the outermost one commits).
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        """Wrap an open, migrated connection (use :func:`open_state`)."""
        self.path = path
        self.conn = conn
        self.lock = threading.RLock()
        self._depth = 0

    @property
    def version(self) -> int:
        """Return the schema version of the file."""
        with self.lock:
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """Run statements in one write transaction, committed on success (holding the lock).

        ``durable=False`` commits without waiting for the disk (``synchronous=NORMAL``: a
        power cut may lose the last commits, a crash of the bot does not); for data that
        can be lost, such as button payloads, so a reply never waits for an fsync.
        """
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            if not durable:
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            else:
                self.conn.execute("COMMIT")
            finally:
                self._depth = 0
                if not durable:
                    self.conn.execute("PRAGMA synchronous=FULL")

    def scrub(self) -> bool:
        """Copy the WAL into the file and empty it, so deleted rows leave no copy behind.

        With ``secure_delete`` (set by :func:`open_state`) deleted rows are zeroed in the
        file; this removes the WAL's older copies of their pages. Tell whether it was done
        (another process reading at that moment makes it wait for the next scrub).
        """
        with self.lock:
            busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return not busy

    def close(self) -> None:
        """Close the connection."""
        with self.lock:
            self.conn.close()

    def __enter__(self) -> StateDb:
        """Use the database as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the database."""
        self.close()


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Bring a database up to SCHEMA_VERSION in one transaction; return the version it had."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if found > SCHEMA_VERSION:
            raise StateError(
                f"{path} has state schema version {found}, newer than this release knows "
                f"({SCHEMA_VERSION}): run the newer release, or restore a backup of the file"
            )
        for migration in MIGRATIONS:
            if migration.version > found:
                for statement in migration.statements:
                    conn.execute(statement)
        if found < SCHEMA_VERSION:
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return found


def _problem(path: Path, exc: sqlite3.Error) -> str:
    """Say in one line what is wrong with a state file and what to do about it."""
    code = getattr(exc, "sqlite_errorname", "")
    folder = path.parent
    if code.startswith("SQLITE_READONLY"):
        return (
            f"{path} is read-only ({exc}): give the bot's user write access to the file "
            f"and to {folder}"
        )
    if code.startswith("SQLITE_CANTOPEN") or code.startswith("SQLITE_PERM"):
        return (
            f"cannot open {path} ({exc}): it must be a file the bot's user may read and "
            f"write, in a folder ({folder}) it may write to"
        )
    if code in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or isinstance(exc, sqlite3.DatabaseError):
        return (
            f"{path} is not a readable state database ({exc}): restore it from a backup, "
            "or move it away to start with empty state (subscriptions and queues are lost)"
        )
    return f"cannot use {path} ({exc}): check the file and the folder {folder}"


def open_state(path: Path) -> StateDb:
    """Open (creating if needed) the state database, check it and migrate it; or StateError."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StateError(
            f"cannot create the data folder {path.parent} ({exc.strerror}): create it, or set "
            "TILSKUDDSBOT_DATA_DIR to a folder the bot's user may write to"
        ) from None
    if path.exists() and not path.is_file():
        raise StateError(f"{path} is not a file: move it away so the bot can create its state")
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(
            str(path),
            isolation_level=None,
            check_same_thread=False,
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten, not left behind
        [check] = conn.execute("PRAGMA quick_check(1)").fetchone()
        if check != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {check}")
        migrate(conn, path)
        # Some read-only cases only show at the first write after the schema is current.
        conn.execute("PRAGMA user_version=" + str(SCHEMA_VERSION))
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        raise StateError(_problem(path, exc)) from None
    except BaseException:
        if conn is not None:
            conn.close()
        raise
    return StateDb(path, conn)
