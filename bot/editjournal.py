"""Admin edits as one recoverable transaction: a journal in state.db, finished after a crash.

An admin edit (``/ny_frist``, an FAQ entry or aliases from the review queue) changes three
things that cannot share one transaction: the YAML sources, the audit log (with the review
queue) in ``state.db``, and the built ``knowledge.db``. So every edit is journaled first:

1. ``begin``: one committed row with the intent (who, what, old and new value) and the old
   and new bytes of every file it writes, state ``started``;
2. the YAML files are written (each by an atomic rename) and the real tree is validated;
3. the audit entry, the removal of the review questions it resolves and the state
   ``audited`` are committed in one SQLite transaction;
4. ``knowledge.db`` is rebuilt and swapped in, and the row is marked ``done``.

A process killed anywhere in between leaves a row that is not ``done``. At the next start
(``bot.upkeep.Upkeep.recover``) a ``started`` edit is completed: the new bytes are written
where they are missing and the tree is validated again, then audited; if the tree no longer
validates, or a file was changed by someone else meanwhile, what the edit wrote is put back
(rolled back) instead. An ``audited`` edit only needs the rebuild. Either way the row keeps
its outcome and the admins are told once (``reported``).

``checkpoint`` is called with the name of every step as it completes (``journaled``,
``written <file>``, ``validated``, ``audited``, ``built``, ``swapped``, ``done``): a public
hook for crash tests, which kill the process there.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bot.statedb import StateDb

State = Literal["started", "audited", "done", "rolled_back"]
Checkpoint = Callable[[str], None]


def _encode(data: bytes | None) -> str | None:
    """Keep file bytes as text."""
    return None if data is None else base64.b64encode(data).decode("ascii")


def _decode(text: str | None) -> bytes | None:
    """Read file bytes back."""
    return None if text is None else base64.b64decode(text)


@dataclass(frozen=True)
class JournalEntry:
    """One journaled edit: its intent, the files before and after, and how far it got."""

    id: int
    day: dt.date
    who: int
    root: Path
    action: str
    target: str
    old: str | None
    new: str | None
    files: dict[str, tuple[bytes | None, bytes]]  # relative path: (before, after)
    review_ids: tuple[int, ...]
    state: State
    audit_id: int | None
    outcome: str | None


class EditJournal:
    """The journal of admin edits, a table ``edit_journal`` in the state database."""

    def __init__(self, db: StateDb, checkpoint: Checkpoint | None = None) -> None:
        """Use an open state database; ``checkpoint`` is told every step (for crash tests)."""
        self.db = db
        self.checkpoint = checkpoint

    def step(self, name: str) -> None:
        """Report that a step of an edit is complete."""
        if self.checkpoint is not None:
            self.checkpoint(name)

    def begin(
        self,
        *,
        day: dt.date,
        who: int,
        root: Path,
        action: str,
        target: str,
        old: str | None,
        new: str | None,
        files: Mapping[str, tuple[bytes | None, bytes]],
        review_ids: tuple[int, ...] = (),
    ) -> int:
        """Record an edit about to be written (committed before any file changes)."""
        encoded = {rel: [_encode(before), _encode(after)] for rel, (before, after) in files.items()}
        with self.db.transaction() as conn:
            cur = conn.execute(
                "insert into edit_journal (day, who, root, action, target, old, new, files,"
                " review_ids) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    day.isoformat(),
                    who,
                    str(root),
                    action,
                    target,
                    old,
                    new,
                    json.dumps(encoded),
                    json.dumps(list(review_ids)),
                ),
            )
            entry_id = int(cur.lastrowid or 0)
        self.step("journaled")
        return entry_id

    def audited(self, entry_id: int, audit_id: int) -> None:
        """Mark an edit written, validated and audited (inside the audit's transaction)."""
        with self.db.transaction() as conn:
            conn.execute(
                "update edit_journal set state = 'audited', audit_id = ? where id = ?",
                (audit_id, entry_id),
            )

    def finish(
        self, entry_id: int, state: Literal["done", "rolled_back"], outcome: str | None = None
    ) -> None:
        """Close an edit; ``outcome`` (after a restart) is told to the admins once."""
        with self.db.transaction() as conn:
            conn.execute(
                "update edit_journal set state = ?, outcome = ?, files = '{}', reported = ?"
                " where id = ?",
                (state, outcome, 0 if outcome else 1, entry_id),
            )

    def _entries(self, where: str) -> list[JournalEntry]:
        """Return the entries matching a condition, oldest first."""
        with self.db.transaction() as conn:
            rows = conn.execute(
                "select id, day, who, root, action, target, old, new, files, review_ids, state,"
                f" audit_id, outcome from edit_journal where {where} order by id"
            ).fetchall()
        entries = []
        for r in rows:
            files = {
                rel: (_decode(before), _decode(after) or b"")
                for rel, (before, after) in json.loads(r[8]).items()
            }
            entries.append(
                JournalEntry(
                    id=r[0],
                    day=dt.date.fromisoformat(r[1]),
                    who=r[2],
                    root=Path(r[3]),
                    action=r[4],
                    target=r[5],
                    old=r[6],
                    new=r[7],
                    files=files,
                    review_ids=tuple(json.loads(r[9])),
                    state=r[10],
                    audit_id=r[11],
                    outcome=r[12],
                )
            )
        return entries

    def unfinished(self) -> list[JournalEntry]:
        """Return the edits a crash interrupted (neither done nor rolled back)."""
        return self._entries("state in ('started', 'audited')")

    def unreported(self) -> list[JournalEntry]:
        """Return (once) the edits finished after a restart that the admins have not heard of."""
        entries = self._entries("reported = 0")
        if entries:
            with self.db.transaction() as conn:
                conn.executemany(
                    "update edit_journal set reported = 1 where id = ?", [(e.id,) for e in entries]
                )
        return entries
