"""Admin drafts awaiting a button press: /kunngjor texts, /ny_frist previews, update offers.

A draft is a row of ``drafts`` in the state database with an explicit state::

    pending --(its admin presses confirm)--> confirmed
    pending --(its admin presses cancel, or the confirmed change is refused)--> cancelled
    pending --(KEEP_DAYS days pass, or a sibling offer is confirmed)--> expired

Only a pending draft changes state, and only by one conditional UPDATE in a transaction, so a
replayed, forged or doubled press can never confirm a draft twice, nor confirm one that was
cancelled or has expired. Only the admin who made a draft may settle it. The rows stay as a
record (who drafted, who decided, which day, the broadcast it became). Being in SQLite, a
draft's buttons work after a restart until it expires.

Update offers sent to several admins at once share a ``batch``: when one admin confirms,
the others' offers expire, so the subscribers get the summary once.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Literal, cast

from bot.statedb import StateDb

Kind = Literal["broadcast", "update", "deadline"]
State = Literal["pending", "confirmed", "cancelled", "expired"]
#: A draft can be settled on the day it was made and this many days after.
KEEP_DAYS = 1
#: The ids SQLite can store; a forged button may carry any number.
SQLITE_IDS = range(-(2**63), 2**63)


@dataclass(frozen=True)
class Draft:
    """One draft: what it is, whose, its state and its payload."""

    id: int
    kind: Kind
    admin_id: int
    state: State
    payload: dict[str, Any]
    created: dt.date
    expires: dt.date
    decided: dt.date | None
    decided_by: int | None
    batch: str | None
    broadcast_id: int | None


class DraftClosed(Exception):
    """The draft cannot be settled: unknown, someone else's, or not pending any more."""

    def __init__(self, draft: Draft | None, reason: Literal["unknown", "not_yours", "closed"]):
        """Keep the draft as it is now (None if there is none) and why."""
        super().__init__(reason)
        self.draft = draft
        self.reason = reason


def _draft(row: sqlite3.Row) -> Draft:
    """Build a Draft from a row."""
    return Draft(
        id=int(row["id"]),
        kind=cast(Kind, row["kind"]),
        admin_id=int(row["admin_id"]),
        state=cast(State, row["state"]),
        payload=json.loads(row["payload"]),
        created=dt.date.fromisoformat(row["created"]),
        expires=dt.date.fromisoformat(row["expires"]),
        decided=dt.date.fromisoformat(row["decided"]) if row["decided"] else None,
        decided_by=row["decided_by"],
        batch=row["batch"],
        broadcast_id=row["broadcast_id"],
    )


class Drafts:
    """The admins' drafts in the ``drafts`` table."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def create(
        self,
        kind: Kind,
        admin_id: int,
        payload: dict[str, Any],
        today: dt.date,
        *,
        batch: str | None = None,
        broadcast_id: int | None = None,
    ) -> Draft:
        """Store a pending draft (and expire the overdue ones); return it."""
        with self.db.transaction() as conn:
            self._expire(conn, today)
            cur = conn.execute(
                "insert into drafts (kind, admin_id, state, payload, created, expires, batch, "
                "broadcast_id) values (?, ?, 'pending', ?, ?, ?, ?, ?)",
                (
                    kind,
                    admin_id,
                    json.dumps(payload, ensure_ascii=False, sort_keys=True),
                    today.isoformat(),
                    (today + dt.timedelta(days=KEEP_DAYS)).isoformat(),
                    batch,
                    broadcast_id,
                ),
            )
            found = self.get(int(cur.lastrowid or 0))
        assert found is not None
        return found

    def get(self, draft_id: int) -> Draft | None:
        """Return a draft as stored (None for an id no draft can have, e.g. a forged one)."""
        if draft_id not in SQLITE_IDS:
            return None
        with self.db.lock:
            row = self.db.conn.execute("select * from drafts where id = ?", (draft_id,)).fetchone()
        return _draft(row) if row is not None else None

    def all(self) -> list[Draft]:
        """Return every draft, oldest first (the record of what admins drafted and decided)."""
        with self.db.lock:
            rows = self.db.conn.execute("select * from drafts order by id").fetchall()
        return [_draft(r) for r in rows]

    @staticmethod
    def _expire(conn: sqlite3.Connection, today: dt.date) -> None:
        """Mark pending drafts past their last day as expired."""
        conn.execute(
            "update drafts set state = 'expired', decided = ? "
            "where state = 'pending' and expires < ?",
            (today.isoformat(), today.isoformat()),
        )

    def expire(self, today: dt.date) -> None:
        """Mark pending drafts past their last day as expired (committed at once)."""
        with self.db.transaction() as conn:
            self._expire(conn, today)

    def settle(
        self,
        draft_id: int,
        who: int,
        state: Literal["confirmed", "cancelled"],
        today: dt.date,
    ) -> Draft:
        """Move a pending draft of ``who`` to ``state``, once; raise DraftClosed otherwise.

        Call it inside the transaction that does what the confirmation stands for, so both
        happen or neither does. A draft past its last day is not pending any more, whether or
        not :meth:`expire` has recorded that yet.
        """
        with self.db.transaction() as conn:
            draft = self.get(draft_id)
            if draft is None:
                raise DraftClosed(None, "unknown")
            if draft.admin_id != who:
                raise DraftClosed(draft, "not_yours")
            cur = conn.execute(
                "update drafts set state = ?, decided = ?, decided_by = ? "
                "where id = ? and state = 'pending' and expires >= ?",
                (state, today.isoformat(), who, draft_id, today.isoformat()),
            )
            if cur.rowcount != 1:
                raise DraftClosed(draft, "closed")
            if state == "confirmed" and draft.batch is not None:
                conn.execute(
                    "update drafts set state = 'expired', decided = ? "
                    "where batch = ? and id != ? and state = 'pending'",
                    (today.isoformat(), draft.batch, draft_id),
                )
            settled = self.get(draft_id)
        assert settled is not None
        return settled

    def refuse(self, draft_id: int, today: dt.date) -> None:
        """Record that a confirmed change was refused when it was applied (it is cancelled)."""
        with self.db.transaction() as conn:
            conn.execute(
                "update drafts set state = 'cancelled', decided = ? where id = ?",
                (today.isoformat(), draft_id),
            )

    def link(self, draft_id: int, broadcast_id: int) -> None:
        """Record the announcement a confirmed draft became."""
        with self.db.transaction() as conn:
            conn.execute(
                "update drafts set broadcast_id = ? where id = ?", (broadcast_id, draft_id)
            )
