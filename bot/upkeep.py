"""Knowledge upkeep in the running bot: admin edits, reloads and the review queue, end to end.

Every action validates first (``bot.kbadmin``): an invalid change or invalid sources raise
``ChangeRefused`` with the loader's exact lines (``file: entry: field: message``), nothing is
written, and the engine keeps answering from the last good knowledge base. A valid change is
written back to the YAML sources (audited), ``knowledge.db`` is rebuilt atomically and the
``KnowledgeWatcher`` swaps the running engine's knowledge in one assignment
(``Engine.swap``): no restart, and questions in flight finish on the knowledge they started
with. ``tilskuddsbot kb reload`` rebuilds the database from outside; :meth:`Upkeep.poll`
(a repeating job) swaps that in.

The methods block on files and SQLite: call them from a worker thread. The texts they
return are plain (the Telegram layer escapes them).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.editjournal import EditJournal, JournalEntry
from bot.kbadmin import (
    AuditLog,
    Change,
    ChangeRefused,
    Edit,
    KnowledgeWatcher,
    Proposal,
    apply_edit,
    apply_proposal,
    parse_deadline_command,
    propose_deadline,
    propose_faq,
    reload_knowledge,
    restore_files,
)
from bot.kbdiff import KbDiff
from bot.review import Group, ReviewQueue, suggest_faq
from bot.texts import t
from bot.vocab import Lang
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import KnowledgeError, load_sources

FAQ_FORMAT = t("upkeep.faq_format")
SHOWN_LINES = 30
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Refresh:
    """The knowledge the bot answers from after a reload, and what changed (None: nothing)."""

    version: str
    diff: KbDiff | None
    repaired: str | None = None  # the notice, when the database had to be rebuilt first


def parse_faq_reply(text: str) -> tuple[str, str, str | None]:
    """Split 'spørsmål | svar | ordning' (the scheme optional); refuse anything else."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise ChangeRefused([FAQ_FORMAT])
    return parts[0], parts[1], (parts[2] or None) if len(parts) == 3 else None


def diff_lines(diff: KbDiff | None) -> list[str]:
    """Render a diff's lines for an admin, shortened when very long."""
    if diff is None:
        return [t("upkeep.no_changes")]
    lines = [f"- {line}" for line in diff.lines()]
    if len(lines) > SHOWN_LINES:
        lines = [*lines[:SHOWN_LINES], t("upkeep.more", count=len(lines) - SHOWN_LINES)]
    return lines


def refused_text(
    exc: ChangeRefused, version: str, *, reload: bool = False, lang: Lang = "nb"
) -> str:
    """Tell an admin a change or a reload was refused, with the exact problems."""
    head = t("upkeep.reload_refused" if reload else "upkeep.refused", lang)
    kept = t("upkeep.kept", lang, version=version)
    return "\n".join([f"{head} {kept}", *exc.problems])


def refresh_text(refresh: Refresh, change: Change | None = None) -> str:
    """Tell an admin what is now in use (and, after an edit, what was written)."""
    head: list[str] = [refresh.repaired] if refresh.repaired else []
    if change is not None:
        files = ", ".join(p.name for p in change.files)
        head.append(t("upkeep.saved", files=files, audit_id=change.audit_id))
    if refresh.diff is None and change is None:
        return "\n".join([*head, t("upkeep.unchanged", version=refresh.version)])
    head.append(t("upkeep.updated", version=refresh.version))
    return "\n".join([*head, *diff_lines(refresh.diff)])


def group_text(number: int, group: Group) -> str:
    """Describe one group of the review queue."""
    times = t("review.time" if group.count == 1 else "review.times")
    down = f", {group.thumbs_down} 👎" if group.thumbs_down else ""
    days = f"{group.last_day:%d.%m.%Y}"
    if group.first_day != group.last_day:
        days = f"{group.first_day:%d.%m}–{days}"
    head = t(
        "review.group",
        number=number,
        question=group.representative,
        count=group.count,
        times=times,
        down=down,
        days=days,
    )
    return "\n".join([head, *(t("review.also", example=e) for e in group.examples)])


def alias_prompt(kb: KnowledgeBase, group: Group) -> str:
    """Ask which FAQ entry a group's phrasings belong to, suggesting the likeliest."""
    lines = [t("review.alias_prompt", question=group.representative), t("review.alias_hint")]
    suggestions = suggest_faq(kb, group.representative)
    lines += [f"{faq_id} – {question}" for faq_id, question in suggestions]
    return "\n".join(lines)


class Upkeep:
    """Admin edits, reloads and review resolutions for one running engine."""

    def __init__(
        self,
        sources_dir: Path,
        db_path: Path,
        watcher: KnowledgeWatcher,
        audit: AuditLog,
        review: ReviewQueue,
        office: str | None = None,
        journal: EditJournal | None = None,
    ) -> None:
        """Work on these sources and database; ``office`` is the office admin edits name.

        Every edit is journaled (``bot.editjournal``) in the audit log's database unless
        another journal is given.
        """
        self.sources_dir = sources_dir
        self.db_path = db_path
        self.watcher = watcher
        self.audit = audit
        self.review = review
        self.office = office
        self.journal = journal or EditJournal(audit.db)
        self._lock = threading.RLock()  # one change, reload or swap at a time
        self._notices: list[str] = []  # for the admins: what the bot repaired by itself

    @property
    def version(self) -> str:
        """Return the version of the knowledge the bot answers from now."""
        return self.watcher.engine.kb.version

    def sources(self) -> KnowledgeBase:
        """Load and validate the sources as they are on disk; refuse with the exact lines."""
        with _refusing():
            return load_sources(self.sources_dir)

    def refresh(self) -> Refresh:
        """Validate the sources, rebuild the database if they changed or it is broken, swap.

        What changed is told against the knowledge the bot was answering from.
        """
        with self._lock, _refusing():
            serving = self.watcher.engine.kb
            result = reload_knowledge(self.sources_dir, self.db_path, serving=serving)
            self.watcher.check()
        repaired = None
        if result.problem is not None:
            repaired = t("upkeep.repaired", problem=result.problem, version=result.kb.version)
            log.warning(
                "%s: rebuilt from the sources (version %s)", result.problem, result.kb.version
            )
        return Refresh(self.version, result.diff or None, repaired)

    def poll(self) -> KbDiff | None:
        """Repair a missing or broken database; swap in one rebuilt from outside; the diff."""
        with self._lock:
            self.repair()
            return self.watcher.check() or None

    def repair(self) -> str | None:
        """Rebuild the database if it is missing or broken; return the admins' notice, if so.

        It is built from the sources; if they do not validate, from the knowledge the bot
        answers from, so the file matches what is served either way.
        """
        with self._lock:
            problem = self.watcher.problem()
            if problem is None:
                return None
            try:
                kb, key = load_sources(self.sources_dir), "upkeep.repaired"
            except KnowledgeError:
                kb, key = self.watcher.engine.kb, "upkeep.repaired_served"
            try:
                build_database(kb, self.db_path)
            except OSError as exc:
                log.error("%s, and it cannot be rebuilt: %s", problem, exc)
                return None
            log.warning("%s: rebuilt it (version %s)", problem, kb.version)
            notice = t(key, problem=problem, version=kb.version)
            self._notices.append(notice)
            return notice

    def notices(self) -> list[str]:
        """Return (once) what the bot repaired or recovered by itself, for the admins."""
        with self._lock:
            told, self._notices = self._notices, []
            return [*(recovery_text(e) for e in self.journal.unreported()), *told]

    def recover(self) -> list[JournalEntry]:
        """Complete or roll back the edits a crash interrupted (at start); return them."""
        with self._lock:
            entries = self.journal.unfinished()
            for entry in entries:
                self._recover(entry)
            return entries

    def _recover(self, entry: JournalEntry) -> None:
        """Finish one interrupted edit: complete it if it still can be, else put it back."""
        if entry.state == "started" and not self._complete_files(entry):
            return
        try:
            reload_knowledge(self.sources_dir, self.db_path, serving=self.watcher.engine.kb)
        except KnowledgeError as exc:  # invalid sources by now: the edit itself is in them
            log.error("Edit %d recovered, but the sources do not build: %s", entry.id, exc)
        self.watcher.check()
        self.journal.finish(entry.id, "done", "completed")
        log.warning(
            "Completed edit %d (%s %s), interrupted by a restart", entry.id, entry.action,
            entry.target,
        )  # fmt: skip

    def _complete_files(self, entry: JournalEntry) -> bool:
        """Write an edit's files where missing, validate and audit; False if rolled back."""
        root = entry.root
        current = {rel: _read(root / rel) for rel in entry.files}
        before = {rel: old for rel, (old, _) in entry.files.items()}
        foreign = sorted(
            rel for rel, (old, new) in entry.files.items() if current[rel] not in (old, new)
        )
        if foreign:  # changed by someone else since: undo only what the edit wrote
            mine = {
                rel: before[rel] for rel, (_, new) in entry.files.items() if current[rel] == new
            }
            restore_files(root, mine)
            self._rolled_back(entry, "changed:" + ", ".join(foreign))
            return False
        for rel, (_, new) in entry.files.items():
            if current[rel] != new:
                restore_files(root, {rel: new})
        try:
            load_sources(root)
        except KnowledgeError as exc:
            restore_files(root, before)
            self._rolled_back(entry, "invalid:" + str(exc.problems[0]))
            return False
        with self.audit.db.transaction():
            audit_id = self.audit.record(
                day=entry.day,
                who=entry.who,
                action=entry.action,
                target=entry.target,
                old=entry.old,
                new=entry.new,
            )
            self.review.remove(entry.review_ids)
            self.journal.audited(entry.id, audit_id)
        return True

    def _rolled_back(self, entry: JournalEntry, outcome: str) -> None:
        """Close an interrupted edit that was undone."""
        self.journal.finish(entry.id, "rolled_back", outcome)
        log.warning("Rolled back edit %d (%s): %s", entry.id, entry.target, outcome)

    def propose_deadline(self, arguments: str, today: dt.date, lang: Lang = "nb") -> Proposal:
        """Validate '/ny_frist ORDNING ÅR TYPE DATO [tentativ]' on a copy of the sources."""
        command = parse_deadline_command(arguments, lang)
        return propose_deadline(
            self.sources_dir,
            command.scheme,
            command.year,
            command.kind,
            command.value,
            command.tentative,
            kb=self.sources(),
            today=today,
            office=self.office,
            lang=lang,
        )

    def _install(self, change: Change) -> Refresh:
        """Build the database from an edit just written and audited, swap it in, close it."""
        build_database(change.kb, self.db_path)
        self.journal.step("built")
        refresh = Refresh(self.version, self.watcher.check() or None)
        self.journal.step("swapped")
        if change.journal_id is not None:
            self.journal.finish(change.journal_id, "done")
            self.journal.step("done")
        return refresh

    def apply(self, edit: Edit, who: int, today: dt.date) -> tuple[Change, Refresh]:
        """Write a confirmed edit back (journaled, validated again, audited) and swap it in."""
        with self._lock:
            change = apply_edit(
                self.sources_dir, edit, who=who, today=today, audit=self.audit, journal=self.journal
            )
            return change, self._install(change)

    def resolve_faq(
        self, group_id: int, reply: str, who: int, today: dt.date
    ) -> tuple[Change, Refresh]:
        """Turn a review group into an FAQ entry from 'spørsmål | svar | ordning'."""
        question, answer, scheme = parse_faq_reply(reply)
        with self._lock, _refusing():
            change = self.review.resolve_as_faq(
                group_id,
                question,
                answer,
                scheme,
                who=who,
                today=today,
                sources_dir=self.sources_dir,
                audit=self.audit,
                office=self.office,
                journal=self.journal,
            )
            return change, self._install(change)

    def add_faq(
        self,
        question: str,
        answer: str,
        scheme: str | None,
        who: int,
        today: dt.date,
        year: int | None = None,
    ) -> tuple[Change, Refresh]:
        """Write a new FAQ entry (from the caseworker desk) back, audited, and swap it in.

        The entry holds from the year the question concerned (else this year) on.
        """
        with self._lock, _refusing():
            proposal = propose_faq(
                self.sources_dir,
                question,
                answer,
                scheme,
                kb=load_sources(self.sources_dir),
                today=today,
                office=self.office,
                years=f"{year}-" if year is not None else None,
            )
            change = apply_proposal(
                proposal, who=who, today=today, audit=self.audit, journal=self.journal
            )
            return change, self._install(change)

    def resolve_alias(
        self, group_id: int, faq_id: str, who: int, today: dt.date
    ) -> tuple[Change, Refresh]:
        """Add a review group's phrasings to an existing FAQ entry."""
        with self._lock, _refusing():
            change = self.review.resolve_as_alias(
                group_id,
                faq_id.strip(),
                who=who,
                today=today,
                sources_dir=self.sources_dir,
                audit=self.audit,
                journal=self.journal,
            )
            return change, self._install(change)


def _read(path: Path) -> bytes | None:
    """Return a file's bytes, or None if it is not there."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def recovery_text(entry: JournalEntry) -> str:
    """Tell the admins how an edit interrupted by a restart was finished."""
    new = entry.new or "–"
    if entry.outcome == "completed":
        return t("journal.completed", target=entry.target, new=new, audit_id=entry.audit_id)
    kind, _, detail = (entry.outcome or "").partition(":")
    reason = t("journal.changed" if kind == "changed" else "journal.invalid", detail=detail)
    return t("journal.rolled_back", target=entry.target, new=new, reason=reason)


@contextmanager
def _refusing() -> Iterator[None]:
    """Turn invalid sources into a refusal with their exact problems."""
    try:
        yield
    except KnowledgeError as exc:
        raise ChangeRefused([str(p) for p in exc.problems]) from exc
