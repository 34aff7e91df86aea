"""The review queue: questions the bot could not answer, and answers users found unhelpful.

What is stored is the question text only (cleaned, at most ``MAX_TEXT`` characters), the day
and why it is there (``unanswered`` or ``thumbs_down``): never a user id or a chat id. Entries
are kept at most ``KEEP_DAYS`` days; every write and every listing purges older ones.

Admins see the queue grouped by similarity (rapidfuzz ``token_set_ratio`` on folded text),
most frequent first, and turn a group into a new FAQ entry or into other phrasings of an
existing one; both go through the same validate-then-write path as every other change
(``bot.kbadmin``) and then leave the queue. The table lives in the state database
(``bot.statedb``), with its own ``review_`` prefix.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from rapidfuzz import fuzz, process

from bot.kbadmin import AuditLog, Change, apply_proposal, propose_alias, propose_faq
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
#: Examples shown per group.
MAX_EXAMPLES = 5


class UnknownGroup(LookupError):
    """No group in the queue holds that id (it was resolved or has expired)."""


@dataclass(frozen=True)
class QueuedQuestion:
    """One entry: the question text, the day, and why it is in the queue."""

    id: int
    day: dt.date
    reason: Reason
    text: str


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


class ReviewQueue:
    """The review queue in the state database (table ``review_questions``)."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def add(self, text: str, today: dt.date, reason: Reason = "unanswered") -> bool:
        """Queue a question's text; tell whether anything was stored."""
        if reason not in ("unanswered", "thumbs_down"):
            raise ValueError(f"unknown reason {reason!r}")
        cleaned = clean(text)[0][:MAX_TEXT].strip()
        if not cleaned:
            return False
        with self.db.transaction() as conn:
            conn.execute(
                "insert into review_questions (day, reason, text) values (?, ?, ?)",
                (today.isoformat(), reason, cleaned),
            )
            self._purge(conn, today, KEEP_DAYS)
        return True

    @staticmethod
    def _purge(conn: sqlite3.Connection, today: dt.date, keep_days: int) -> int:
        """Delete entries older than keep_days and beyond MAX_ENTRIES."""
        oldest_kept = (today - dt.timedelta(days=keep_days - 1)).isoformat()
        removed = conn.execute("delete from review_questions where day < ?", (oldest_kept,))
        count = removed.rowcount
        over = conn.execute(
            "delete from review_questions where id not in "
            "(select id from review_questions order by id desc limit ?)",
            (MAX_ENTRIES,),
        )
        return count + over.rowcount

    def purge(self, today: dt.date, keep_days: int = KEEP_DAYS) -> int:
        """Delete entries kept longer than keep_days; return how many went."""
        with self.db.transaction() as conn:
            return self._purge(conn, today, keep_days)

    def entries(self, today: dt.date) -> list[QueuedQuestion]:
        """Return every entry still within the retention limit, oldest first."""
        with self.db.transaction() as conn:
            self._purge(conn, today, KEEP_DAYS)
            rows = conn.execute(
                "select id, day, reason, text from review_questions order by id"
            ).fetchall()
        return [QueuedQuestion(r[0], dt.date.fromisoformat(r[1]), r[2], r[3]) for r in rows]

    def grouped(self, today: dt.date) -> list[Group]:
        """Group similar questions, most frequent first."""
        return group_questions(self.entries(today))

    def group(self, group_id: int, today: dt.date) -> Group:
        """Return the group that holds an entry id, or raise UnknownGroup."""
        for group in self.grouped(today):
            if group_id in group.ids:
                return group
        raise UnknownGroup(group_id)

    def remove(self, ids: tuple[int, ...]) -> int:
        """Delete entries by id; return how many went."""
        with self.db.transaction() as conn:
            cur = conn.executemany("delete from review_questions where id = ?", [(i,) for i in ids])
            return cur.rowcount

    def dismiss(self, group_id: int, today: dt.date) -> int:
        """Drop a group without changing the knowledge; return how many entries went."""
        return self.remove(self.group(group_id, today).ids)

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
            aliases=(group.representative, *group.examples),
            office=office,
        )
        change = apply_proposal(proposal, who=who, today=today, audit=audit)
        self.remove(group.ids)
        return change

    def resolve_as_alias(
        self,
        group_id: int,
        faq_id: str,
        *,
        who: int,
        today: dt.date,
        sources_dir: Path,
        audit: AuditLog,
    ) -> Change:
        """Add a group's phrasings to an existing FAQ entry."""
        group = self.group(group_id, today)
        kb: KnowledgeBase = load_sources(sources_dir)
        proposal = propose_alias(
            sources_dir, faq_id, (group.representative, *group.examples), kb=kb, today=today
        )
        change = apply_proposal(proposal, who=who, today=today, audit=audit)
        self.remove(group.ids)
        return change


def _key(text: str) -> str:
    """Fold a question to the words that matter for grouping: no case, accents or punctuation."""
    return " ".join(re.findall(r"\w+", fold(text)))


def group_questions(entries: list[QueuedQuestion]) -> list[Group]:
    """Group questions whose folded texts are similar, most frequent first."""
    same: dict[str, list[QueuedQuestion]] = {}
    for entry in entries:
        same.setdefault(_key(entry.text), []).append(entry)
    distinct = sorted(same.items(), key=lambda kv: (-len(kv[1]), kv[1][0].id))
    leaders: list[str] = []
    members: list[list[list[QueuedQuestion]]] = []
    for folded, items in distinct:
        best = process.extractOne(
            folded, leaders, scorer=fuzz.token_set_ratio, processor=None, score_cutoff=SIMILARITY
        )
        if best is None:
            leaders.append(folded)
            members.append([items])
        else:
            members[best[2]].append(items)
    groups = []
    for clusters in members:
        flat = [q for items in clusters for q in items]
        texts = [items[0].text for items in clusters]
        groups.append(
            Group(
                id=min(q.id for q in flat),
                representative=texts[0],
                count=len(flat),
                examples=tuple(texts[1 : MAX_EXAMPLES + 1]),
                first_day=min(q.day for q in flat),
                last_day=max(q.day for q in flat),
                thumbs_down=sum(q.reason == "thumbs_down" for q in flat),
                ids=tuple(sorted(q.id for q in flat)),
            )
        )
    return sorted(groups, key=lambda g: (-g.count, -g.last_day.toordinal(), g.id))


def suggest_faq(kb: KnowledgeBase, text: str, limit: int = 5) -> list[tuple[str, str]]:
    """Return (id, question) of the FAQ entries most like a question, best first."""
    choices = {fid: fold(" ".join([e.question, *e.aliases])) for fid, e in kb.faq.items()}
    found = process.extract(fold(text), choices, scorer=fuzz.token_set_ratio, limit=limit)
    return [(str(key), kb.faq[str(key)].question) for _, _, key in found]
