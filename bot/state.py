"""The bot's own state in SQLite: subscriptions, the message outbox, reminder passes, broadcasts.

One :class:`StateStore` per process, built by the composition root over the one state
database (``bot.statedb``: WAL mode, a ``busy_timeout``, ``synchronous=FULL``, a versioned
schema). Every method commits before it returns (autocommit, or one explicit transaction):
a row marked ``sent`` is on disk before the next message goes out, which is what makes the
outbox exactly-once up to the messages in flight.

What is stored about a chat is only this: its id, the schemes it follows (a JSON list, or
``"*"`` for all), the reminder offsets in days, its language, an active flag and two days (when
it first subscribed and when its settings last changed). The outbox holds the messages planned
for it. Broadcast rows keep the admin's user id as an audit of who sent what.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any, Concatenate, Literal, ParamSpec, TypeVar, cast, get_args

from bot.fmt import Lang
from bot.statedb import StateDb

ALL = "*"
DEFAULT_OFFSETS: tuple[int, ...] = (30, 14, 7, 1)
MAX_OFFSET = 365
MAX_OFFSETS = 10

Status = Literal["pending", "sending", "sent", "failed", "dead"]
MessageKind = Literal["reminder", "broadcast"]
OPEN_STATUSES: tuple[Status, ...] = ("pending", "sending", "failed")


P = ParamSpec("P")
R = TypeVar("R")


def _locked(
    method: Callable[Concatenate[StateStore, P], R],
) -> Callable[Concatenate[StateStore, P], R]:
    """Run a store method under the store's lock (one thread at a time on the connection)."""

    @wraps(method)
    def wrapper(self: StateStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with self.lock:
            return method(self, *args, **kwargs)

    return wrapper


def reminder_key(chat_id: int, deadline_id: str, offset: int) -> str:
    """Return the outbox key of a reminder: 'chat|deadline id|offset'."""
    return f"{chat_id}|{deadline_id}|{offset}"


def broadcast_key(chat_id: int, broadcast_id: int) -> str:
    """Return the outbox key of a broadcast: 'chat|broadcast:id'."""
    return f"{chat_id}|broadcast:{broadcast_id}"


def _day(value: str | None) -> dt.date | None:
    """Parse an ISO day stored as text."""
    return dt.date.fromisoformat(value) if value else None


def _lang(value: str) -> Lang:
    """Read a stored language, falling back to bokmål."""
    return cast(Lang, value) if value in get_args(Lang) else "nb"


def check_offsets(offsets: Iterable[int]) -> tuple[int, ...]:
    """Validate reminder offsets (0..365 days, 1..10 of them); return them unique, largest first."""
    values = sorted(set(offsets), reverse=True)
    if not values or len(values) > MAX_OFFSETS:
        raise ValueError(f"give between 1 and {MAX_OFFSETS} offsets")
    for value in values:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_OFFSET:
            raise ValueError(f"an offset is a whole number of days from 0 to {MAX_OFFSET}")
    return tuple(values)


@dataclass(frozen=True)
class Subscription:
    """What one chat follows and how early it wants to hear about a deadline."""

    chat_id: int
    schemes: frozenset[str] | None  # None: every scheme, including ones added later
    offsets: tuple[int, ...]
    lang: Lang
    active: bool
    created: dt.date
    since: dt.date  # the day the current settings took effect

    @property
    def all_schemes(self) -> bool:
        """Tell whether the chat follows every scheme."""
        return self.schemes is None

    def covers(self, scheme_id: str) -> bool:
        """Tell whether the chat follows a scheme."""
        return self.schemes is None or scheme_id in self.schemes


@dataclass(frozen=True)
class NewMessage:
    """A message to put in the outbox."""

    key: str
    chat_id: int
    kind: MessageKind
    text: str
    lang: Lang
    planned_day: dt.date
    late: bool = False
    tentative: bool = False
    scheme_id: str | None = None
    deadline_id: str | None = None
    offset: int | None = None
    due_day: dt.date | None = None
    deadline_day: dt.date | None = None
    broadcast_id: int | None = None


@dataclass(frozen=True)
class OutboxRow:
    """A message in the outbox and how far it got."""

    key: str
    chat_id: int
    kind: MessageKind
    text: str
    lang: Lang
    status: Status
    attempts: int
    planned_day: dt.date
    late: bool
    tentative: bool
    scheme_id: str | None
    deadline_id: str | None
    offset: int | None
    due_day: dt.date | None
    deadline_day: dt.date | None
    broadcast_id: int | None
    last_error: str | None
    message_id: int | None
    sent_day: dt.date | None


@dataclass(frozen=True)
class PassRecord:
    """One day's reminder pass: started, or finished with its counts."""

    day: dt.date
    status: Literal["started", "finished"]
    runs: int
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Broadcast:
    """An admin announcement and the audit of who confirmed it."""

    id: int
    admin_id: int
    text: str
    created: dt.date
    confirmed: dt.date | None
    confirmed_by: int | None
    recipients: int


class PassLock:
    """An exclusive, non-blocking lock on a file next to the database (one pass at a time).

    The kernel drops the lock when the holder dies, even by kill -9, so a killed pass never
    blocks the next one.
    """

    def __init__(self, path: Path) -> None:
        """Prepare the lock file path; nothing is opened yet."""
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Try to take the lock; return False if another pass holds it."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Give the lock back."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


class StateStore:
    """Subscriptions, outbox, passes and broadcasts, in the state database."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db
        self.path = db.path
        self.conn = db.conn
        self.lock = db.lock

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run statements in one write transaction, committed on success (holding the lock)."""
        with self.db.transaction() as conn:
            yield conn

    def pass_lock(self) -> PassLock:
        """Return a fresh lock object for running a pass."""
        return PassLock(self.path.with_name(self.path.name + ".lock"))

    # --- subscriptions ------------------------------------------------------------------------

    @staticmethod
    def _subscription(row: sqlite3.Row) -> Subscription:
        """Build a Subscription from a row."""
        schemes = json.loads(row["schemes"])
        return Subscription(
            chat_id=int(row["chat_id"]),
            schemes=None if schemes == ALL else frozenset(str(s) for s in schemes),
            offsets=tuple(int(o) for o in json.loads(row["offsets"])),
            lang=_lang(row["lang"]),
            active=bool(row["active"]),
            created=dt.date.fromisoformat(row["created"]),
            since=dt.date.fromisoformat(row["since"]),
        )

    def _save(self, sub: Subscription) -> Subscription:
        """Insert or replace a subscription row."""
        schemes: str | list[str] = ALL if sub.schemes is None else sorted(sub.schemes)
        self.conn.execute(
            "INSERT INTO subscriptions (chat_id, schemes, offsets, lang, active, created, since) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(chat_id) DO UPDATE SET "
            "schemes=excluded.schemes, offsets=excluded.offsets, lang=excluded.lang, "
            "active=excluded.active, created=excluded.created, since=excluded.since",
            (
                sub.chat_id,
                json.dumps(schemes),
                json.dumps(list(sub.offsets)),
                sub.lang,
                int(sub.active),
                sub.created.isoformat(),
                sub.since.isoformat(),
            ),
        )
        return sub

    @_locked
    def subscription(self, chat_id: int) -> Subscription | None:
        """Return a chat's subscription, active or not, or None."""
        row = self.conn.execute(
            "SELECT * FROM subscriptions WHERE chat_id = ?", (chat_id,)
        ).fetchone()
        return self._subscription(row) if row else None

    @_locked
    def subscriptions(self, active_only: bool = True) -> list[Subscription]:
        """Return every subscription (only active ones by default), by chat id."""
        where = "WHERE active = 1" if active_only else ""
        rows = self.conn.execute(f"SELECT * FROM subscriptions {where} ORDER BY chat_id")
        return [self._subscription(r) for r in rows]

    @_locked
    def subscribe(
        self,
        chat_id: int,
        schemes: Iterable[str] | Literal["*"],
        today: dt.date,
        lang: Lang | None = None,
    ) -> Subscription:
        """Follow more schemes ('*' for all); keep earlier choices, offsets and language."""
        old = self.subscription(chat_id)
        wanted: frozenset[str] | None
        if schemes == ALL:
            wanted = None
        else:
            wanted = frozenset(schemes)
            if not wanted:
                raise ValueError("name at least one scheme, or '*' for all")
            if old is not None and old.active:
                wanted = None if old.schemes is None else old.schemes | wanted
        sub = Subscription(
            chat_id=chat_id,
            schemes=wanted,
            offsets=old.offsets if old else DEFAULT_OFFSETS,
            lang=lang or (old.lang if old else "nb"),
            active=True,
            created=old.created if old else today,
            since=today,
        )
        return self._save(sub)

    @_locked
    def unsubscribe(
        self, chat_id: int, scheme: str | None = None, known: Iterable[str] = ()
    ) -> Subscription | None:
        """Stop following one scheme, or everything (the row is deleted); return what is left.

        ``known`` lists every scheme id, needed to take one scheme out of 'all'.
        """
        old = self.subscription(chat_id)
        if old is None:
            return None
        if scheme is not None:
            current = frozenset(known) if old.schemes is None else old.schemes
            left = current - {scheme}
            if left:
                return self._save(
                    Subscription(
                        old.chat_id, left, old.offsets, old.lang, old.active, old.created, old.since
                    )
                )
        self.conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
        return None

    @_locked
    def set_offsets(
        self, chat_id: int, offsets: Iterable[int], today: dt.date
    ) -> Subscription | None:
        """Change how many days before a deadline the chat is reminded; None if not subscribed."""
        old = self.subscription(chat_id)
        if old is None:
            return None
        values = check_offsets(offsets)
        return self._save(
            Subscription(old.chat_id, old.schemes, values, old.lang, old.active, old.created, today)
        )

    @_locked
    def set_lang(self, chat_id: int, lang: Lang) -> Subscription | None:
        """Change the language reminders are written in; None if not subscribed."""
        old = self.subscription(chat_id)
        if old is None:
            return None
        return self._save(
            Subscription(
                old.chat_id, old.schemes, old.offsets, lang, old.active, old.created, old.since
            )
        )

    @_locked
    def deactivate(self, chat_id: int) -> bool:
        """Stop sending to a chat (it blocked the bot); return whether it was active."""
        cur = self.conn.execute(
            "UPDATE subscriptions SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,)
        )
        return cur.rowcount == 1

    @_locked
    def migrate_chat(self, old_id: int, new_id: int) -> list[str]:
        """Move a group that became a supergroup to its new id; return the moved outbox keys."""
        moved: list[str] = []
        with self.transaction():
            row = self.conn.execute(
                "SELECT * FROM subscriptions WHERE chat_id = ?", (old_id,)
            ).fetchone()
            if row is not None:
                self.conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (new_id,))
                self.conn.execute(
                    "UPDATE subscriptions SET chat_id = ? WHERE chat_id = ?", (new_id, old_id)
                )
            placeholders = ",".join("?" * len(OPEN_STATUSES))
            for r in self.conn.execute(
                f"SELECT * FROM outbox WHERE chat_id = ? AND status IN ({placeholders})",
                (old_id, *OPEN_STATUSES),
            ).fetchall():
                old_key: str = r["key"]
                new_key = f"{new_id}|{old_key.split('|', 1)[1]}"
                values = dict(r)
                values.update(key=new_key, chat_id=new_id, status="pending", last_error=None)
                columns = ", ".join(f'"{c}"' for c in values)
                cur = self.conn.execute(
                    f"INSERT OR IGNORE INTO outbox ({columns}) "
                    f"VALUES ({','.join('?' * len(values))})",
                    tuple(values.values()),
                )
                if cur.rowcount == 1:
                    moved.append(new_key)
                self.conn.execute(
                    "UPDATE outbox SET status = 'dead', last_error = ? WHERE key = ?",
                    (f"chat migrated to {new_id}", old_key),
                )
        return moved

    @_locked
    def forget_chat(self, chat_id: int) -> dict[str, int]:
        """Delete everything stored about a chat (for /slettmeg); return what was deleted."""
        with self.transaction():
            subs = self.conn.execute("DELETE FROM subscriptions WHERE chat_id = ?", (chat_id,))
            outbox = self.conn.execute("DELETE FROM outbox WHERE chat_id = ?", (chat_id,))
        return {"subscriptions": subs.rowcount, "outbox": outbox.rowcount}

    @_locked
    def describe_chat(self, chat_id: int) -> dict[str, Any]:
        """Return everything stored about a chat, as plain data (for /personvern)."""
        sub = self.subscription(chat_id)
        counts = {
            str(r["status"]): int(r["n"])
            for r in self.conn.execute(
                "SELECT status, count(*) AS n FROM outbox WHERE chat_id = ? GROUP BY status",
                (chat_id,),
            )
        }
        data: dict[str, Any] = {"chat_id": chat_id, "subscription": None, "messages": counts}
        if sub is not None:
            data["subscription"] = {
                "schemes": ALL if sub.schemes is None else sorted(sub.schemes),
                "offsets": list(sub.offsets),
                "lang": sub.lang,
                "active": sub.active,
                "created": sub.created.isoformat(),
                "since": sub.since.isoformat(),
            }
        return data

    # --- outbox -------------------------------------------------------------------------------

    @staticmethod
    def _outbox_row(r: sqlite3.Row) -> OutboxRow:
        """Build an OutboxRow from a row."""
        return OutboxRow(
            key=r["key"],
            chat_id=int(r["chat_id"]),
            kind=cast(MessageKind, r["kind"]),
            text=r["text"],
            lang=_lang(r["lang"]),
            status=cast(Status, r["status"]),
            attempts=int(r["attempts"]),
            planned_day=dt.date.fromisoformat(r["planned_day"]),
            late=bool(r["late"]),
            tentative=bool(r["tentative"]),
            scheme_id=r["scheme_id"],
            deadline_id=r["deadline_id"],
            offset=r["offset_days"],
            due_day=_day(r["due_day"]),
            deadline_day=_day(r["deadline_day"]),
            broadcast_id=r["broadcast_id"],
            last_error=r["last_error"],
            message_id=r["message_id"],
            sent_day=_day(r["sent_day"]),
        )

    def _insert_messages(self, messages: Iterable[NewMessage]) -> list[str]:
        """Insert messages that are not in the outbox yet (inside a transaction)."""
        inserted: list[str] = []
        for m in messages:
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO outbox (key, chat_id, kind, text, lang, status, attempts, "
                "planned_day, late, tentative, scheme_id, deadline_id, offset_days, due_day, "
                "deadline_day, broadcast_id) "
                "VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    m.key,
                    m.chat_id,
                    m.kind,
                    m.text,
                    m.lang,
                    m.planned_day.isoformat(),
                    int(m.late),
                    int(m.tentative),
                    m.scheme_id,
                    m.deadline_id,
                    m.offset,
                    m.due_day.isoformat() if m.due_day else None,
                    m.deadline_day.isoformat() if m.deadline_day else None,
                    m.broadcast_id,
                ),
            )
            if cur.rowcount == 1:
                inserted.append(m.key)
        return inserted

    @_locked
    def enqueue(self, messages: Iterable[NewMessage]) -> list[str]:
        """Add messages to the outbox in one transaction, ignoring keys already there."""
        with self.transaction():
            return self._insert_messages(messages)

    @_locked
    def row(self, key: str) -> OutboxRow | None:
        """Return one outbox row."""
        r = self.conn.execute("SELECT * FROM outbox WHERE key = ?", (key,)).fetchone()
        return self._outbox_row(r) if r else None

    @_locked
    def rows(self, statuses: Sequence[Status] | None = None) -> list[OutboxRow]:
        """Return outbox rows (of the given statuses), oldest plan first, then by chat and key."""
        where, params = "", tuple[str, ...]()
        if statuses:
            where = f"WHERE status IN ({','.join('?' * len(statuses))})"
            params = tuple(statuses)
        cur = self.conn.execute(
            f"SELECT * FROM outbox {where} ORDER BY planned_day, chat_id, key", params
        )
        return [self._outbox_row(r) for r in cur]

    @_locked
    def reminder_keys(self, from_deadline_day: dt.date) -> set[str]:
        """Return the keys of reminders whose deadline is on or after a day."""
        cur = self.conn.execute(
            "SELECT key FROM outbox WHERE kind = 'reminder' AND deadline_day >= ?",
            (from_deadline_day.isoformat(),),
        )
        return {r["key"] for r in cur}

    @_locked
    def counts(self) -> dict[str, int]:
        """Return how many outbox rows have each status."""
        cur = self.conn.execute("SELECT status, count(*) AS n FROM outbox GROUP BY status")
        return {str(r["status"]): int(r["n"]) for r in cur}

    @_locked
    def claim(self, key: str, text: str) -> bool:
        """Mark a row 'sending' with the text about to go out, committed before the send."""
        cur = self.conn.execute(
            "UPDATE outbox SET status = 'sending', attempts = attempts + 1, text = ? "
            "WHERE key = ? AND status IN ('pending', 'failed')",
            (text, key),
        )
        return cur.rowcount == 1

    @_locked
    def mark_sent(self, key: str, message_id: int | None, today: dt.date) -> None:
        """Record that Telegram confirmed a message (committed at once)."""
        self.conn.execute(
            "UPDATE outbox SET status = 'sent', message_id = ?, sent_day = ?, last_error = NULL "
            "WHERE key = ?",
            (message_id, today.isoformat(), key),
        )

    @_locked
    def release(self, key: str, error: str | None = None) -> None:
        """Put a row back to 'pending' (to be retried), noting why."""
        self.conn.execute(
            "UPDATE outbox SET status = 'pending', last_error = ? "
            "WHERE key = ? AND status != 'sent'",
            (error, key),
        )

    @_locked
    def mark_failed(self, key: str, error: str) -> None:
        """Give up on a row for this pass; the next pass tries it again."""
        self.conn.execute(
            "UPDATE outbox SET status = 'failed', last_error = ? WHERE key = ?", (error, key)
        )

    @_locked
    def mark_dead(self, key: str, reason: str) -> None:
        """Never send a row (blocked, unsubscribed, deadline passed, rejected); keep why."""
        self.conn.execute(
            "UPDATE outbox SET status = 'dead', last_error = ? WHERE key = ? AND status != 'sent'",
            (reason, key),
        )

    @_locked
    def supersede(self) -> list[OutboxRow]:
        """Retire open reminders for which a reminder closer to the same deadline exists."""
        with self.transaction():
            cur = self.conn.execute(
                "SELECT * FROM outbox AS o WHERE kind = 'reminder' "
                "AND status IN ('pending', 'failed') AND EXISTS (SELECT 1 FROM outbox AS n "
                "WHERE n.kind = 'reminder' AND n.chat_id = o.chat_id "
                "AND n.deadline_id = o.deadline_id AND n.offset_days < o.offset_days "
                "AND n.status != 'dead')"
            )
            rows = [self._outbox_row(r) for r in cur.fetchall()]
            for r in rows:
                self.conn.execute(
                    "UPDATE outbox SET status = 'dead', last_error = ? WHERE key = ?",
                    ("superseded by a reminder closer to the deadline", r.key),
                )
        return rows

    @_locked
    def prune(self, before: dt.date) -> int:
        """Delete finished rows whose deadline (or, for broadcasts, plan day) is before a day."""
        cur = self.conn.execute(
            "DELETE FROM outbox WHERE status IN ('sent', 'dead') "
            "AND coalesce(deadline_day, planned_day) < ?",
            (before.isoformat(),),
        )
        return cur.rowcount

    # --- passes -------------------------------------------------------------------------------

    @_locked
    def pass_record(self, day: dt.date) -> PassRecord | None:
        """Return the record of a day's pass, if one was started."""
        r = self.conn.execute("SELECT * FROM passes WHERE day = ?", (day.isoformat(),)).fetchone()
        if r is None:
            return None
        return PassRecord(
            day=day,
            status=cast(Literal["started", "finished"], r["status"]),
            runs=int(r["runs"]),
            counts=json.loads(r["counts"] or "{}"),
        )

    @_locked
    def start_pass(self, day: dt.date) -> None:
        """Record that a day's pass started (again)."""
        self.conn.execute(
            "INSERT INTO passes (day, status, runs, counts) VALUES (?, 'started', 1, '{}') "
            "ON CONFLICT(day) DO UPDATE SET runs = runs + 1",
            (day.isoformat(),),
        )

    @_locked
    def finish_pass(self, day: dt.date, counts: dict[str, int]) -> None:
        """Record that a day's pass finished, with its counts; it is never planned again."""
        self.conn.execute(
            "UPDATE passes SET status = 'finished', counts = ? WHERE day = ?",
            (json.dumps(counts, sort_keys=True), day.isoformat()),
        )

    # --- broadcasts ---------------------------------------------------------------------------

    @staticmethod
    def _broadcast(r: sqlite3.Row) -> Broadcast:
        """Build a Broadcast from a row."""
        return Broadcast(
            id=int(r["id"]),
            admin_id=int(r["admin_id"]),
            text=r["text"],
            created=dt.date.fromisoformat(r["created"]),
            confirmed=_day(r["confirmed"]),
            confirmed_by=r["confirmed_by"],
            recipients=int(r["recipients"] or 0),
        )

    @_locked
    def create_broadcast(self, admin_id: int, text: str, today: dt.date) -> Broadcast:
        """Store an unconfirmed announcement by an admin."""
        cur = self.conn.execute(
            "INSERT INTO broadcasts (admin_id, text, created, recipients) VALUES (?, ?, ?, 0)",
            (admin_id, text, today.isoformat()),
        )
        found = self.broadcast(int(cur.lastrowid or 0))
        assert found is not None
        return found

    @_locked
    def broadcast(self, broadcast_id: int) -> Broadcast | None:
        """Return one announcement."""
        r = self.conn.execute("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,)).fetchone()
        return self._broadcast(r) if r else None

    @_locked
    def broadcasts(self) -> list[Broadcast]:
        """Return every announcement, oldest first (the audit log)."""
        cur = self.conn.execute("SELECT * FROM broadcasts ORDER BY id")
        return [self._broadcast(r) for r in cur]

    @_locked
    def confirm_broadcast(
        self, broadcast_id: int, admin_id: int, today: dt.date, messages: Sequence[NewMessage]
    ) -> int:
        """Mark an announcement confirmed and queue its messages, once; return how many queued."""
        with self.transaction():
            r = self.conn.execute(
                "SELECT confirmed FROM broadcasts WHERE id = ?", (broadcast_id,)
            ).fetchone()
            if r is None:
                raise KeyError(f"no broadcast {broadcast_id}")
            if r["confirmed"] is not None:
                return 0
            queued = self._insert_messages(messages)
            self.conn.execute(
                "UPDATE broadcasts SET confirmed = ?, confirmed_by = ?, recipients = ? "
                "WHERE id = ?",
                (today.isoformat(), admin_id, len(queued), broadcast_id),
            )
        return len(queued)
