"""The review queue: questions the bot could not answer, and answers users found unhelpful.

What is stored is the question text only, with personal data masked first
(``bot.privacy.mask_personal_data``: identity numbers, phone numbers, e-mail addresses and
names people introduce), cleaned and at most ``MAX_TEXT`` characters, the day and why it is
there (``unanswered`` or ``thumbs_down``): never a user id or a chat id. Entries are kept at
most ``KEEP_DAYS`` days and at most ``MAX_ENTRIES``; every write and every listing purges.

One chat may add at most ``MAX_PER_CHAT_DAY`` questions a day, so a flood of junk from one
chat cannot fill the queue and push the others' questions out. What is counted is keyed by a
hash of the chat with a salt of the day (``review_quota``, ``review_salt``); both are deleted
when the day is over, so the count cannot be tied to a chat afterwards.

Similar questions form a group (rapidfuzz ``token_set_ratio`` on folded text): a question is
assigned to a group when it is queued, the first group whose representative (the folded text
of the group's first question, in ``review_groups``) it matches, or a new one. So listing the
queue, finding a group and pressing its buttons read only what they show, and take
milliseconds at the cap. Entries of an earlier release (no group yet) are masked and grouped
the first time the queue is used. Admins see the groups most frequent first, and turn one
into a new FAQ entry or into other phrasings of an existing one; both go through the same
validate-then-write path as every other change (``bot.kbadmin``) and then leave the queue.
The tables live in the state database (``bot.statedb``), with their own ``review_`` prefix.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from bot.editjournal import EditJournal
from bot.kbadmin import (
    AuditLog,
    Change,
    Proposal,
    apply_proposal,
    propose_alias,
    propose_faq,
)
from bot.privacy import Masked, mask_personal_data
from bot.statedb import StateDb
from bot.text import clean, fold
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

Reason = Literal["unanswered", "thumbs_down"]

#: Longest question text kept.
MAX_TEXT = 500
#: Days an entry is kept.
KEEP_DAYS = 90
#: token_set_ratio from which two questions count as the same.
SIMILARITY = 80
#: Most entries kept; the oldest go first beyond this.
MAX_ENTRIES = 10_000
#: Most questions one chat may add to the queue in a day.
MAX_PER_CHAT_DAY = 20
#: Largest id SQLite stores; a button's id beyond it names no group.
SQLITE_MAX_INT = 2**63 - 1
#: Examples shown per group.
MAX_EXAMPLES = 5

_ROW = "select id, day, reason, text, group_id from review_questions"


class UnknownGroup(LookupError):
    """No group in the queue holds that id (it was resolved or has expired)."""


@dataclass(frozen=True)
class QueuedQuestion:
    """One entry: the question text, the day, and why it is in the queue."""

    id: int
    day: dt.date
    reason: Reason
    text: str
    group_id: int = 0


@dataclass(frozen=True)
class Group:
    """Similar questions: a representative, how often, examples, first and last day."""

    id: int
    representative: str
    count: int
    examples: tuple[str, ...]
    first_day: dt.date
    last_day: dt.date
    thumbs_down: int
    ids: tuple[int, ...]


@dataclass(frozen=True)
class Overview:
    """The queue at a glance: how many questions and groups, and the largest groups."""

    total: int
    groups: int
    top: tuple[Group, ...]


class ReviewQueue:
    """The review queue in the state database (table ``review_questions``)."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def add(
        self, text: str, today: dt.date, reason: Reason = "unanswered", *, sender: str | None = None
    ) -> Masked | None:
        """Queue a question's text, masked; return what was stored, or None if nothing was.

        ``sender`` names the chat it came from (only to count it against the chat's daily
        limit; it is not stored): nothing is stored once the chat has reached the limit.
        """
        if reason not in ("unanswered", "thumbs_down"):
            raise ValueError(f"unknown reason {reason!r}")
        masked = mask_personal_data(clean(text)[0])
        stored = masked.text[:MAX_TEXT].strip()
        if not stored:
            return None
        with self.db.transaction() as conn:
            self._purge(conn, today, KEEP_DAYS)
            if sender is not None and not _count_in(conn, sender, today):
                return None
            cur = conn.execute(
                "insert into review_questions (day, reason, text) values (?, ?, ?)",
                (today.isoformat(), reason, stored),
            )
            assert cur.lastrowid is not None
            _assign(conn, cur.lastrowid, stored)
            self._purge(conn, today, KEEP_DAYS)
        return Masked(stored, masked.kinds)

    @staticmethod
    def _purge(conn: sqlite3.Connection, today: dt.date, keep_days: int) -> int:
        """Delete entries older than keep_days and beyond MAX_ENTRIES, and the old counts."""
        day = today.isoformat()
        conn.execute("delete from review_quota where day < ?", (day,))
        conn.execute("delete from review_salt where day < ?", (day,))
        _backfill(conn)
        oldest_kept = (today - dt.timedelta(days=keep_days - 1)).isoformat()
        count = conn.execute("delete from review_questions where day < ?", (oldest_kept,)).rowcount
        newest_dropped = conn.execute(
            "select id from review_questions order by id desc limit 1 offset ?", (MAX_ENTRIES,)
        ).fetchone()
        if newest_dropped is not None:
            count += conn.execute(
                "delete from review_questions where id <= ?", (newest_dropped[0],)
            ).rowcount
        if count:
            _drop_empty_groups(conn)
        return count

    def purge(self, today: dt.date, keep_days: int = KEEP_DAYS) -> int:
        """Delete entries kept longer than keep_days; return how many went."""
        with self.db.transaction() as conn:
            return self._purge(conn, today, keep_days)

    def entries(self, today: dt.date) -> list[QueuedQuestion]:
        """Return every entry still within the retention limit, oldest first."""
        with self.db.transaction() as conn:
            self._purge(conn, today, KEEP_DAYS)
            rows = conn.execute(f"{_ROW} order by id").fetchall()
        return [_entry(row) for row in rows]

    def grouped(self, today: dt.date) -> list[Group]:
        """Every group, most frequent first."""
        by_group: dict[int, list[QueuedQuestion]] = {}
        for entry in self.entries(today):
            by_group.setdefault(entry.group_id, []).append(entry)
        return _ordered([_group(gid, items) for gid, items in by_group.items()])

    def overview(self, today: dt.date, limit: int) -> Overview:
        """How many questions and groups there are, and the ``limit`` most frequent groups."""
        with self.db.transaction() as conn:
            self._purge(conn, today, KEEP_DAYS)
            total, groups = conn.execute(
                "select count(*), count(distinct group_id) from review_questions"
            ).fetchone()
            top = conn.execute(
                "select group_id from review_questions group by group_id"
                " order by count(*) desc, max(day) desc, group_id limit ?",
                (limit,),
            ).fetchall()
            found = [_members(conn, row[0]) for row in top]
        return Overview(total, groups, tuple(_group(items[0].group_id, items) for items in found))

    def group(self, group_id: int, today: dt.date) -> Group:
        """Return the group with this id (or holding an entry with this id), or UnknownGroup."""
        if not 0 < group_id <= SQLITE_MAX_INT:
            raise UnknownGroup(group_id)  # a forged button's id beyond SQLite's integers
        with self.db.transaction() as conn:
            self._purge(conn, today, KEEP_DAYS)
            items = _members(conn, group_id)
            if not items:
                row = conn.execute(
                    "select group_id from review_questions where id = ?", (group_id,)
                ).fetchone()
                items = _members(conn, row[0]) if row is not None else []
        if not items:
            raise UnknownGroup(group_id)
        return _group(items[0].group_id, items)

    def remove(self, ids: tuple[int, ...]) -> int:
        """Delete entries by id; return how many went."""
        with self.db.transaction() as conn:
            cur = conn.executemany("delete from review_questions where id = ?", [(i,) for i in ids])
            _drop_empty_groups(conn)
            return cur.rowcount

    def dismiss(self, group_id: int, today: dt.date) -> int:
        """Drop a group without changing the knowledge; return how many entries went."""
        return self.remove(self.group(group_id, today).ids)

    def _apply(
        self,
        proposal: Proposal,
        group: Group,
        who: int,
        today: dt.date,
        audit: AuditLog,
        journal: EditJournal | None,
    ) -> Change:
        """Write a resolution back; its questions leave the queue with the audit entry."""
        ids = group.ids
        return apply_proposal(
            proposal,
            who=who,
            today=today,
            audit=audit,
            journal=journal,
            review_ids=ids,
            then=lambda: self.remove(ids),
        )

    def resolve_as_faq(
        self,
        group_id: int,
        question: str,
        answer: str,
        scheme: str | None,
        *,
        who: int,
        today: dt.date,
        sources_dir: Path,
        audit: AuditLog,
        office: str | None = None,
        journal: EditJournal | None = None,
    ) -> Change:
        """Turn a group into a new FAQ entry (its other phrasings become aliases)."""
        group = self.group(group_id, today)
        kb = load_sources(sources_dir)
        proposal = propose_faq(
            sources_dir,
            question,
            answer,
            scheme,
            kb=kb,
            today=today,
            aliases=_phrasings(group),
            office=office,
        )
        return self._apply(proposal, group, who, today, audit, journal)

    def resolve_as_alias(
        self,
        group_id: int,
        faq_id: str,
        *,
        who: int,
        today: dt.date,
        sources_dir: Path,
        audit: AuditLog,
        journal: EditJournal | None = None,
    ) -> Change:
        """Add a group's phrasings to an existing FAQ entry."""
        group = self.group(group_id, today)
        kb: KnowledgeBase = load_sources(sources_dir)
        proposal = propose_alias(sources_dir, faq_id, _phrasings(group), kb=kb, today=today)
        return self._apply(proposal, group, who, today, audit, journal)


def _phrasings(group: Group) -> tuple[str, ...]:
    """A group's phrasings for the FAQ, masked (again: nothing raw may reach faq.yaml)."""
    return tuple(mask_personal_data(text).text for text in (group.representative, *group.examples))


def _key(text: str) -> str:
    """Fold a question to the words that matter for grouping: no case, accents or punctuation."""
    return " ".join(re.findall(r"\w+", fold(text)))


def _entry(row: sqlite3.Row) -> QueuedQuestion:
    """Read one row of review_questions."""
    return QueuedQuestion(row[0], dt.date.fromisoformat(row[1]), row[2], row[3], row[4])


def _members(conn: sqlite3.Connection, group_id: int) -> list[QueuedQuestion]:
    """The entries of one group, oldest first."""
    rows = conn.execute(f"{_ROW} where group_id = ? order by id", (group_id,)).fetchall()
    return [_entry(row) for row in rows]


def _assign(conn: sqlite3.Connection, entry_id: int, text: str) -> int:
    """Put an entry into the group it matches, or found a new group with it; return the id."""
    key = _key(text)
    same = conn.execute("select id from review_groups where key = ? limit 1", (key,)).fetchone()
    if same is not None:
        group_id = int(same[0])
    else:
        leaders = dict(conn.execute("select id, key from review_groups").fetchall())
        best = process.extractOne(
            key, leaders, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=SIMILARITY
        )
        if best is not None:
            group_id = int(best[2])
        else:
            group_id = entry_id
            conn.execute("insert into review_groups (id, key) values (?, ?)", (group_id, key))
    conn.execute("update review_questions set group_id = ? where id = ?", (group_id, entry_id))
    return group_id


def _backfill(conn: sqlite3.Connection) -> None:
    """Mask and group the entries an earlier release queued (once, at the first use)."""
    rows = conn.execute(
        "select id, text from review_questions where group_id is null order by id"
    ).fetchall()
    for entry_id, text in rows:
        masked = mask_personal_data(str(text)).text
        if masked != text:
            conn.execute("update review_questions set text = ? where id = ?", (masked, entry_id))
        _assign(conn, int(entry_id), masked)


def _drop_empty_groups(conn: sqlite3.Connection) -> None:
    """Forget the groups that have no entries left."""
    conn.execute(
        "delete from review_groups where not exists"
        " (select 1 from review_questions q where q.group_id = review_groups.id)"
    )


def _count_in(conn: sqlite3.Connection, sender: str, today: dt.date) -> bool:
    """Count one more question from a chat today; False if it has reached the daily limit."""
    day = today.isoformat()
    conn.execute(
        "insert or ignore into review_salt (day, salt) values (?, ?)", (day, secrets.token_hex(16))
    )
    [salt] = conn.execute("select salt from review_salt where day = ?", (day,)).fetchone()
    chat_hash = hashlib.sha256(f"{salt}:{sender}".encode()).hexdigest()
    row = conn.execute(
        "select count from review_quota where day = ? and chat_hash = ?", (day, chat_hash)
    ).fetchone()
    if row is not None and int(row[0]) >= MAX_PER_CHAT_DAY:
        return False
    conn.execute(
        "insert into review_quota (day, chat_hash, count) values (?, ?, 1)"
        " on conflict (day, chat_hash) do update set count = count + 1",
        (day, chat_hash),
    )
    return True


def _group(group_id: int, items: list[QueuedQuestion]) -> Group:
    """Summarise one group's entries: the most frequent phrasing first, then the others."""
    same: dict[str, list[QueuedQuestion]] = {}
    for entry in items:
        same.setdefault(_key(entry.text), []).append(entry)
    clusters = sorted(same.values(), key=lambda c: (-len(c), c[0].id))
    texts = [cluster[0].text for cluster in clusters]
    return Group(
        id=group_id,
        representative=texts[0],
        count=len(items),
        examples=tuple(texts[1 : MAX_EXAMPLES + 1]),
        first_day=min(q.day for q in items),
        last_day=max(q.day for q in items),
        thumbs_down=sum(q.reason == "thumbs_down" for q in items),
        ids=tuple(sorted(q.id for q in items)),
    )


def _ordered(groups: list[Group]) -> list[Group]:
    """Most frequent first, then the most recent, then the oldest group."""
    return sorted(groups, key=lambda g: (-g.count, -g.last_day.toordinal(), g.id))


def suggest_faq(kb: KnowledgeBase, text: str, limit: int = 5) -> list[tuple[str, str]]:
    """Return (id, question) of the FAQ entries most like a question, best first."""
    choices = {fid: fold(" ".join([e.question, *e.aliases])) for fid, e in kb.faq.items()}
    found = process.extract(fold(text), choices, scorer=fuzz.token_set_ratio, limit=limit)
    return [(str(key), kb.faq[str(key)].question) for _, _, key in found]
