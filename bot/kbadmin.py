"""Keep the knowledge current without a redeploy: validated edits, reloads and an audit log.

Caseworkers (the admins in ``TILSKUDDSBOT_ADMIN_IDS``) change the knowledge in two ways:
they edit the YAML sources and reload, or they add or correct a deadline (or an FAQ entry,
see ``bot.review``) from Telegram. Either way the sources stay the single truth:

1. ``propose_*`` turns a request into a ``Proposal``: it applies the change to a temporary
   copy of the source tree and runs ``load_sources`` on it. An invalid change raises
   ``ChangeRefused`` carrying the loader's exact lines (``file: entry: field: message``).
2. ``apply_proposal`` repeats that under a lock, writes the changed YAML files back with
   ruamel.yaml round-trip (comments, quoting and layout preserved), validates the real tree
   and restores the original bytes if anything fails; then it records the change in the
   ``AuditLog`` (who, day, what, old and new value).
3. ``reload_knowledge`` validates the sources and rebuilds ``knowledge.db`` atomically; a
   running bot's ``KnowledgeWatcher.check()`` notices the new ``meta.version`` and swaps the
   engine's knowledge in one assignment (``Engine.swap``), with a ``KbDiff`` of what changed.

Provenance of an edit made from Telegram: every fact must name a source document listed in
``sources.yaml``. An admin edit names a source entry of kind ``admin``, one per day and
office, added to ``sources.yaml`` the first time it is needed::

    - file: admin-2023-01-05-innlandet      # admin-<day>-<office>
      title: "Endring registrert av saksbehandler i Tilskuddsbot"
      office: innlandet
      date: 2023-01-05
      date_text: "5. januar 2023"
      kind: admin

so an answer cites "Statsforvalteren i Innlandet, 5. januar 2023 (admin-2023-01-05-innlandet)",
and the deadline's ``note`` says it was registered (or corrected, with the old value and its
source) by a caseworker on that day. The admin's Telegram user id is not shown to users;
it is in the audit log. The office is the one given (the Telegram layer can pass a
configured office); without one, it is the office of the deadline being corrected, else the
office that issued the scheme's newest deadline, else the office of the scheme's newest
dated source.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from copy import deepcopy
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot import fmt
from bot.cards import deadline_text
from bot.editjournal import EditJournal
from bot.engine import Engine
from bot.kbdiff import KbDiff, diff_knowledge, empty_knowledge
from bot.names import find_scheme
from bot.statedb import StateDb
from bot.text import clean, fold
from bot.texts import t
from bot.vocab import DEADLINE_LABELS, Lang
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import KnowledgeError, default_sources, load_sources, source_paths
from knowledge.schema import DeadlineKind
from knowledge.store import StoreError, check_database, load_database, read_version

ADMIN_SOURCE_TITLE = "Endring registrert av saksbehandler i Tilskuddsbot"

#: Words an admin may use for the kind of deadline; anything else goes to the validator as is.
KIND_WORDS: dict[str, str] = {
    **{w: "application" for w in ("søknad", "søknadsfrist", "soknad", "soknadsfrist")},
    **{w: "application" for w in ("søk", "application", "apply", "søknadsfristen")},
    **{w: "report" for w in ("rapport", "rapportering", "rapporteringsfrist", "report")},
    **{w: "report" for w in ("reporting", "rapportfrist")},
    **{w: "accounts" for w in ("regnskap", "regnskapsfrist", "rekneskap", "accounts")},
    **{w: "accounts" for w in ("account", "revisjon", "revisorattestert")},
}

MONTH_WORDS: dict[str, int] = {
    **{name: i for i, name in enumerate(fmt.MONTHS["nb"], 1)},
    **{name.lower(): i for i, name in enumerate(fmt.MONTHS["en"], 1)},
    **{name[:3]: i for i, name in enumerate(fmt.MONTHS["nb"], 1)},
    **{name[:3].lower(): i for i, name in enumerate(fmt.MONTHS["en"], 1)},
    "sept": 9,
}

UNKNOWN_WORDS = frozenset({"ukjent", "unknown", "?", "??", "???", "????"})
TENTATIVE_WORDS = frozenset({"tentativ", "tentative", "foreløpig", "usikker", "antatt"})


#: Keys of a deadline an edit rewrites, in the order they are written.
DEADLINE_ORDER = (
    "year",
    "kind",
    "date",
    "text",
    "text_en",
    "unknown",
    "raw",
    "tentative",
    "office",
    "note",
    "note_en",
    "source",
)

_LOCK = threading.RLock()


class ChangeRefused(Exception):
    """A change is refused; carries the lines to show the admin, exactly as found."""

    def __init__(self, problems: list[str] | tuple[str, ...]) -> None:
        """Keep the problem lines; the message lists them one per line."""
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


# --- audit log ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change: who, which day, what, and the old and new value."""

    id: int
    day: dt.date
    who: int
    action: str
    target: str
    old: str | None
    new: str | None

    def render(self) -> str:
        """Render as one line for an admin."""
        old = self.old if self.old is not None else "–"
        new = self.new if self.new is not None else "–"
        return f"{self.day.isoformat()} {self.who}: {self.action} {self.target}: {old} → {new}"


class AuditLog:
    """The audit log of knowledge changes, a table ``audit_log`` in the state database."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def record(
        self, *, day: dt.date, who: int, action: str, target: str, old: str | None, new: str | None
    ) -> int:
        """Append one entry and return its id."""
        with self.db.transaction() as conn:
            cur = conn.execute(
                "insert into audit_log (day, who, action, target, old, new) "
                "values (?, ?, ?, ?, ?, ?)",
                (day.isoformat(), who, action, target, old, new),
            )
            return int(cur.lastrowid or 0)

    def entries(self, limit: int | None = None) -> list[AuditEntry]:
        """Return the entries, newest first."""
        with self.db.transaction() as conn:
            rows = conn.execute(
                "select id, day, who, action, target, old, new from audit_log "
                "order by id desc limit ?",
                (-1 if limit is None else limit,),
            ).fetchall()
        return [
            AuditEntry(r[0], dt.date.fromisoformat(r[1]), r[2], r[3], r[4], r[5], r[6])
            for r in rows
        ]


# --- parsing what an admin types ------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineValue:
    """A deadline as typed: an ISO date (perhaps impossible), words, or unknown."""

    raw: str
    date: str | None = None
    text: str | None = None
    unknown: bool = False


def parse_kind(word: str) -> str:
    """Map søknad/rapport/regnskap (and English) to a deadline kind; pass anything else on."""
    key = clean(word)[0].lower()
    return KIND_WORDS.get(key, key)


def _iso(year: int, month: int, day: int) -> str:
    """Write a date as YYYY-MM-DD without checking it exists (the validator does)."""
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_deadline_value(text: str, year: int, lang: Lang = "nb") -> DeadlineValue:
    """Read 15.02.2023, 2023-02-15, 15. februar 2023, 15. februar, 'Løpende' or 'ukjent'."""
    raw = clean(text)[0]
    low = raw.lower()
    if not low:
        raise ChangeRefused([t("kb.date_missing", lang, usage=t("kb.usage", lang))])
    if low in UNKNOWN_WORDS:
        return DeadlineValue(raw=raw, unknown=True)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", low):
        return DeadlineValue(raw=raw, date=_iso(int(m[1]), int(m[2]), int(m[3])))
    if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})", low):
        full = int(m[3]) if len(m[3]) == 4 else 2000 + int(m[3])
        return DeadlineValue(raw=raw, date=_iso(full, int(m[2]), int(m[1])))
    if m := re.fullmatch(r"(\d{1,2})[./](\d{1,2})\.?", low):
        return DeadlineValue(raw=raw, date=_iso(year, int(m[2]), int(m[1])))
    if m := re.fullmatch(r"(\d{1,2})\.?\s*([a-zæøå]+)\.?(?:\s+(\d{4}))?", low):
        month = MONTH_WORDS.get(m[2])
        if month is None:
            usage = t("kb.usage", lang)
            raise ChangeRefused([t("kb.month_unknown", lang, month=m[2], raw=raw, usage=usage)])
        return DeadlineValue(raw=raw, date=_iso(int(m[3] or year), month, int(m[1])))
    if not any(ch.isdigit() for ch in low):
        return DeadlineValue(raw=raw, text=raw)
    raise ChangeRefused([t("kb.date_unknown", lang, raw=raw)])


@dataclass(frozen=True)
class DeadlineCommand:
    """The arguments of /ny_frist: scheme words, year, kind word, date words, tentative."""

    scheme: str
    year: int
    kind: str
    value: str
    tentative: bool


def parse_deadline_command(arguments: str, lang: Lang = "nb") -> DeadlineCommand:
    """Split 'SCHEME YEAR KIND DATE [tentativ]'; the scheme may be several words."""
    tokens = clean(arguments)[0].split()
    for i in range(1, len(tokens) - 2):
        if re.fullmatch(r"\d{4}", tokens[i]):
            rest = tokens[i + 2 :]
            tentative = rest[-1].lower() in TENTATIVE_WORDS and len(rest) > 1
            if tentative:
                rest = rest[:-1]
            return DeadlineCommand(
                scheme=" ".join(tokens[:i]),
                year=int(tokens[i]),
                kind=tokens[i + 1],
                value=" ".join(rest),
                tentative=tentative,
            )
    raise ChangeRefused([t("kb.usage", lang)])


# --- edits ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineEdit:
    """Add a deadline, or correct the one with the same scheme, year, kind and office."""

    scheme_id: str
    year: int
    kind: str
    office: str
    value: DeadlineValue
    tentative: bool


@dataclass(frozen=True)
class FaqEdit:
    """Add an FAQ entry."""

    faq_id: str
    scheme_id: str | None
    question: str
    answer: str
    aliases: tuple[str, ...]
    office: str
    years: str | None = None  # e.g. '2023-'; None: from the year of the edit on


@dataclass(frozen=True)
class AliasEdit:
    """Add other phrasings (aliases) to an FAQ entry."""

    faq_id: str
    aliases: tuple[str, ...]


Edit = DeadlineEdit | FaqEdit | AliasEdit


def deadline_edit_data(edit: DeadlineEdit) -> dict[str, Any]:
    """Write a deadline edit as plain data (kept in a draft until it is confirmed)."""
    return asdict(edit)


def deadline_edit_from(data: dict[str, Any]) -> DeadlineEdit:
    """Read a deadline edit back from plain data."""
    return DeadlineEdit(**{**data, "value": DeadlineValue(**data["value"])})


@dataclass(frozen=True)
class Proposal:
    """A validated change, not yet written: what it changes and a preview to confirm."""

    sources_dir: Path
    edit: Edit
    today: dt.date
    action: str
    target: str
    old: str | None
    new: str
    files: tuple[str, ...]
    diff: KbDiff
    preview: str


@dataclass(frozen=True)
class Change:
    """A change written to the sources and recorded in the audit log."""

    action: str
    target: str
    old: str | None
    new: str
    files: tuple[Path, ...]
    kb: KnowledgeBase
    diff: KbDiff
    audit_id: int
    journal_id: int | None = None  # its row in the edit journal, until it is swapped in


def _yaml() -> YAML:
    """Return a round-trip YAML reader/writer in the layout of the bundled sources."""
    rt = YAML()
    rt.preserve_quotes = True
    rt.width = 4096
    rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def _q(text: str) -> DoubleQuotedScalarString:
    """Write a text in double quotes, as the sources do."""
    quoted: DoubleQuotedScalarString = DoubleQuotedScalarString(text)
    return quoted


def _tail_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Find where the comment after a block node is kept: (collection, key, slot)."""
    if isinstance(node, CommentedMap) and len(node) and not node.fa.flow_style():
        key = list(node)[-1]
        deeper = _tail_slot(node[key])
        return deeper or (node, key, 2)
    if isinstance(node, CommentedSeq) and len(node) and not node.fa.flow_style():
        deeper = _tail_slot(node[-1])
        return deeper or (node, len(node) - 1, 0)
    return None


def _get_tail(node: Any) -> Any:
    """Return the comment token after a block node, if any."""
    slot = _tail_slot(node)
    if slot is None:
        return None
    owner, key, index = slot
    item = owner.ca.items.get(key)
    return item[index] if item and len(item) > index else None


def _set_tail(node: Any, token: Any) -> None:
    """Put a comment token after a block node (None removes it)."""
    slot = _tail_slot(node)
    if slot is None:
        return
    owner, key, index = slot
    item = owner.ca.items.setdefault(key, [None, None, None, None])
    item[index] = token
    if not any(item):
        del owner.ca.items[key]


def _append(seq: CommentedSeq, item: Any) -> None:
    """Append to a block sequence, keeping what followed it after it and the separators."""
    if not len(seq):
        seq.append(item)
        return
    tail = _get_tail(seq[-1])
    before = _get_tail(seq[-2]) if len(seq) >= 2 else None
    separator = deepcopy(before) if before is not None and not before.value.strip() else None
    _set_tail(seq[-1], None)
    seq.append(item)
    _set_tail(seq[-2], separator)
    _set_tail(seq[-1], tail)


def _edit_map(mapping: CommentedMap, edit: Callable[[CommentedMap], None]) -> None:
    """Edit a mapping in place, keeping the comment that followed it at its end."""
    tail = _get_tail(mapping)
    _set_tail(mapping, None)
    edit(mapping)
    _set_tail(mapping, tail)


class _Tree:
    """A source tree being edited: YAML documents loaded round-trip, written on save."""

    def __init__(self, root: Path) -> None:
        """Work on the YAML files below root."""
        self.root = root
        self.rt = _yaml()
        self.docs: dict[str, Any] = {}

    def plain(self) -> Iterator[tuple[str, Any]]:
        """Yield (relative path, plain data) for every YAML file that parses."""
        for path in source_paths(self.root):
            rel = path.relative_to(self.root).as_posix()
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=_FastLoader)
            except (yaml.YAMLError, ValueError, UnicodeDecodeError):
                continue
            yield rel, data

    def doc(self, rel: str) -> Any:
        """Return the round-trip document of a file, loading it once."""
        if rel not in self.docs:
            self.docs[rel] = self.rt.load((self.root / rel).read_text(encoding="utf-8"))
        return self.docs[rel]

    def find(self, wanted: Callable[[Any], bool]) -> str | None:
        """Return the first file whose plain data matches."""
        return next((rel for rel, data in self.plain() if wanted(data)), None)

    def render(self, rel: str) -> bytes:
        """Serialise an edited document."""
        buf = io.StringIO()
        self.rt.dump(self.docs[rel], buf)
        return buf.getvalue().encode("utf-8")

    def save(self) -> list[str]:
        """Write every loaded document back; return the relative paths written."""
        for rel in self.docs:
            _write_atomic(self.root / rel, self.render(rel))
        return list(self.docs)


_FastLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a file by renaming a temporary file over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if path.exists():
            shutil.copymode(path, tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _admin_source_file(today: dt.date, office: str) -> str:
    """Return the source name of one day's admin edits for an office."""
    return f"admin-{today.isoformat()}-{office}"


def _ensure_admin_source(tree: _Tree, today: dt.date, office: str) -> str:
    """Add (once) the sources.yaml entry that admin edits of today cite; return its name."""
    name = _admin_source_file(today, office)
    rel = tree.find(lambda d: isinstance(d, dict) and "sources" in d)
    if rel is None:
        rel = "sources.yaml"
        (tree.root / rel).write_text("sources:\n", encoding="utf-8")
    doc = tree.doc(rel)
    if doc.get("sources") is None:
        doc["sources"] = CommentedSeq()
    if any(str(item.get("file")) == name for item in doc["sources"]):
        return name
    entry = CommentedMap()
    entry["file"] = name
    entry["title"] = _q(ADMIN_SOURCE_TITLE)
    entry["office"] = office
    entry["date"] = today
    entry["date_text"] = _q(fmt.long_date(today))
    entry["kind"] = "admin"
    _append(doc["sources"], entry)
    return name


def _deadline_label(
    kb: KnowledgeBase, scheme_id: str, year: int, kind: str, lang: Lang = "nb"
) -> str:
    """Name a deadline the way the diff does: 'Søknadsfrist for Kommunalt rusarbeid 2023'."""
    try:
        label = DEADLINE_LABELS[DeadlineKind(kind)][lang]
    except ValueError:
        label = t("kb.deadline_other", lang, kind=kind)
    scheme = kb.schemes[scheme_id].names.short
    return t("kb.deadline_label", lang, kind=label, scheme=scheme, year=year)


def _apply_deadline(
    tree: _Tree, edit: DeadlineEdit, today: dt.date, kb: KnowledgeBase, lang: Lang
) -> str:
    """Write a deadline edit into the tree; return the file changed."""
    source = _ensure_admin_source(tree, today, edit.office)
    rel = tree.find(
        lambda d: (
            isinstance(d, dict)
            and isinstance(d.get("scheme"), dict)
            and d["scheme"].get("id") == edit.scheme_id
        )
    )
    if rel is None:
        raise ChangeRefused([t("kb.scheme_file_missing", lang, scheme=repr(edit.scheme_id))])
    scheme = tree.doc(rel)["scheme"]
    if scheme.get("deadlines") is None:
        scheme["deadlines"] = CommentedSeq()
    deadlines = scheme["deadlines"]

    def office_of(item: Any) -> str | None:
        if item.get("office"):
            return str(item["office"])
        doc = kb.sources.get(str(item.get("source")))
        return doc.office if doc else None

    existing = next(
        (
            item
            for item in deadlines
            if item.get("year") == edit.year
            and str(item.get("kind")) == edit.kind
            and office_of(item) == edit.office
        ),
        None,
    )
    value = edit.value
    if value.date is not None:
        try:
            date_value: Any = dt.date.fromisoformat(value.date)
        except ValueError:
            date_value = _q(value.date)  # an impossible date: let the validator say so
        form: tuple[str, Any] = ("date", date_value)
    elif value.text is not None:
        form = ("text", _q(value.text))
    else:
        form = ("unknown", True)
    when = fmt.long_date(today)
    if existing is None:
        note = f"Registrert av saksbehandler {when}."
    else:
        before = next(
            e.deadline
            for e in kb.deadlines()
            if e.id == f"{edit.scheme_id}:{edit.year}:{edit.kind}:{edit.office}"
        )
        prov = kb.provenance(before)
        note = (
            f"Rettet av saksbehandler {when}; før: {deadline_text(before)} "
            f"({prov.office_name}, {prov.date_text}, {prov.file})."
        )

    def fill(m: CommentedMap) -> None:
        kept = {k: m[k] for k in m if k not in DEADLINE_ORDER}
        year, kind = m.get("year", edit.year), m.get("kind", edit.kind)
        for key in list(m):
            del m[key]
        m["year"], m["kind"] = year, kind
        m[form[0]] = form[1]
        m["raw"] = _q(value.raw)
        if edit.tentative:
            m["tentative"] = True
        m.update(kept)
        m["note"] = _q(note)
        m["source"] = source

    if existing is None:
        entry = CommentedMap()
        fill(entry)
        _append(deadlines, entry)
    else:
        _edit_map(existing, fill)
    return rel


def _apply_faq(tree: _Tree, edit: FaqEdit, today: dt.date) -> str:
    """Write a new FAQ entry next to the other entries of its scheme; return the file."""
    source = _ensure_admin_source(tree, today, edit.office)

    def has_faq(d: Any, scheme: str | None = None) -> bool:
        if not isinstance(d, dict) or not isinstance(d.get("faq"), list):
            return False
        return scheme is None or any(
            isinstance(e, dict) and e.get("scheme") == scheme for e in d["faq"]
        )

    rel = tree.find(lambda d: has_faq(d, edit.scheme_id)) or tree.find(has_faq)
    if rel is None:
        rel = "faq.yaml"
        (tree.root / rel).write_text("faq:\n", encoding="utf-8")
    doc = tree.doc(rel)
    if doc.get("faq") is None:
        doc["faq"] = CommentedSeq()
    entry = CommentedMap()
    entry["id"] = edit.faq_id
    entry["scheme"] = edit.scheme_id
    entry["years"] = _q(edit.years or f"{today.year}-")
    entry["question"] = _q(edit.question)
    entry["answer"] = _q(edit.answer)
    if edit.aliases:
        entry["aliases"] = CommentedSeq(_q(a) for a in edit.aliases)
    entry["source"] = source
    _append(doc["faq"], entry)
    return rel


def _apply_alias(tree: _Tree, edit: AliasEdit, lang: Lang) -> str:
    """Add phrasings to an FAQ entry; return the file."""

    def holds(d: Any) -> bool:
        return isinstance(d, dict) and any(
            isinstance(e, dict) and e.get("id") == edit.faq_id for e in d.get("faq") or []
        )

    rel = tree.find(holds)
    if rel is None:
        raise ChangeRefused([t("kb.faq_missing", lang, faq_id=repr(edit.faq_id))])
    entry = next(e for e in tree.doc(rel)["faq"] if e.get("id") == edit.faq_id)

    def add(m: CommentedMap) -> None:
        if m.get("aliases") is None:
            keys = list(m)
            at = keys.index("source") if "source" in keys else len(keys)
            m.insert(at, "aliases", CommentedSeq())
        for alias in edit.aliases:
            _append(m["aliases"], _q(alias))

    _edit_map(entry, add)
    return rel


def _apply(tree: _Tree, edit: Edit, today: dt.date, kb: KnowledgeBase, lang: Lang) -> str:
    """Apply any edit to a tree; return the main file changed."""
    if isinstance(edit, DeadlineEdit):
        return _apply_deadline(tree, edit, today, kb, lang)
    if isinstance(edit, FaqEdit):
        return _apply_faq(tree, edit, today)
    return _apply_alias(tree, edit, lang)


# --- validate, describe, write ------------------------------------------------------------------


def _load_or_refuse(folder: Path) -> KnowledgeBase:
    """Load a source tree, turning validation problems into a refusal with the exact lines."""
    try:
        return load_sources(folder)
    except KnowledgeError as exc:
        raise ChangeRefused([str(p) for p in exc.problems]) from exc


@dataclass
class _Trial:
    """An edit applied to a temporary copy of the tree and validated there."""

    before: KnowledgeBase
    after: KnowledgeBase
    main_file: str
    files: dict[str, bytes] = field(default_factory=dict)


def _trial(sources_dir: Path, edit: Edit, today: dt.date, lang: Lang = "nb") -> _Trial:
    """Apply an edit to a temporary copy of the sources and validate the result."""
    before = _load_or_refuse(sources_dir)
    with tempfile.TemporaryDirectory(prefix="tilskuddsbot-edit-") as tmp:
        copy = Path(tmp) / sources_dir.name
        shutil.copytree(sources_dir, copy, ignore=shutil.ignore_patterns(".*"))
        tree = _Tree(copy)
        main_file = _apply(tree, edit, today, before, lang)
        written = tree.save()
        after = _load_or_refuse(copy)
        files = {rel: (copy / rel).read_bytes() for rel in written}
    return _Trial(before, after, main_file, files)


def _describe(edit: Edit, trial: _Trial) -> tuple[str, str, str | None, str]:
    """Return (action, target, old value, new value) in a caseworker's words."""
    before, after = trial.before, trial.after
    if isinstance(edit, DeadlineEdit):
        target = f"{edit.scheme_id}:{edit.year}:{edit.kind}:{edit.office}"
        old_entry = next((e for e in before.deadlines() if e.id == target), None)
        new_entry = next(e for e in after.deadlines() if e.id == target)
        new = f"{deadline_text(new_entry.deadline)} [{new_entry.deadline.source}]"
        if old_entry is None:
            return "deadline_added", target, None, new
        old = f"{deadline_text(old_entry.deadline)} [{old_entry.deadline.source}]"
        return "deadline_changed", target, old, new
    if isinstance(edit, FaqEdit):
        return "faq_added", f"faq:{edit.faq_id}", None, f"{edit.question} – {edit.answer}"
    old_aliases = before.faq[edit.faq_id].aliases
    return (
        "faq_alias_added",
        f"faq:{edit.faq_id}",
        " | ".join(old_aliases) or None,
        " | ".join(after.faq[edit.faq_id].aliases),
    )


def _preview(
    proposal_head: str, action: str, old: str | None, trial: _Trial, diff: KbDiff, lang: Lang
) -> str:
    """Write the text an admin reads before confirming."""
    lines = [proposal_head]
    if old is not None and action == "deadline_changed":
        lines.append(t("kb.now", lang, old=old))
    lines += [f"- {line}" for line in diff.lines()]
    lines.append(t("kb.written_to", lang, file=trial.main_file))
    return "\n".join(lines)


def _propose(sources_dir: Path, edit: Edit, today: dt.date, head: str, lang: Lang) -> Proposal:
    """Validate an edit on a copy and wrap it as a proposal with a preview."""
    with _LOCK:
        trial = _trial(sources_dir, edit, today, lang)
    action, target, old, new = _describe(edit, trial)
    diff = diff_knowledge(trial.before, trial.after, lang)
    return Proposal(
        sources_dir=sources_dir,
        edit=edit,
        today=today,
        action=action,
        target=target,
        old=old,
        new=new,
        files=tuple(sorted(trial.files)),
        diff=diff,
        preview=_preview(head, action, old, trial, diff, lang),
    )


def _default_office(
    kb: KnowledgeBase, scheme_id: str | None, year: int, kind: str, lang: Lang = "nb"
) -> str:
    """Choose the office of an admin edit when none is given (see the module docstring)."""
    entries = [e for e in kb.deadlines() if e.scheme_id == scheme_id]
    same = sorted(
        {e.office_id for e in entries if e.deadline.year == year and e.deadline.kind.value == kind}
    )
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        names = ", ".join(f"{kb.offices[o].name} ({o})" for o in same)
        raise ChangeRefused([t("kb.offices_many", lang, names=names)])
    for pool in ([e for e in entries if e.deadline.kind.value == kind], entries):
        if pool:
            newest = max(pool, key=lambda e: (e.deadline.year, e.office_id))
            return newest.office_id
    facts = list(kb.schemes[scheme_id].facts) if scheme_id in kb.schemes else []
    docs = [kb.sources[f.source] for f in facts] or list(kb.sources.values())
    dated = [d for d in docs if d.date is not None]
    if dated:
        return max(dated, key=lambda d: (d.date or dt.date.min, d.file)).office
    raise ChangeRefused([t("kb.office_unknown", lang)])


def propose_deadline(
    sources_dir: Path,
    scheme: str,
    year: int,
    kind: str,
    date_or_text: str,
    tentative: bool,
    *,
    kb: KnowledgeBase,
    today: dt.date,
    office: str | None = None,
    lang: Lang = "nb",
) -> Proposal:
    """Validate adding or correcting a deadline; raise ChangeRefused with the exact problems."""
    found = find_scheme(kb, scheme)
    if found is None:
        known = ", ".join(sorted(kb.schemes))
        raise ChangeRefused([t("kb.scheme_unknown_known", lang, scheme=scheme, known=known)])
    kind_value = parse_kind(kind)
    value = parse_deadline_value(date_or_text, year, lang)
    chosen = office or _default_office(kb, found.id, year, kind_value, lang)
    target = f"{found.id}:{year}:{kind_value}:{chosen}"
    current = next((e.deadline for e in kb.deadlines() if e.id == target), None)
    if (
        current is not None
        and current.tentative == tentative
        and current.unknown == value.unknown
        and current.text == value.text
        and (current.date.isoformat() if current.date else None) == value.date
    ):
        shown = deadline_text(current, lang)
        raise ChangeRefused([t("kb.deadline_same", lang, deadline=shown)])
    edit = DeadlineEdit(found.id, year, kind_value, chosen, value, tentative)
    office_name = kb.offices[chosen].name if chosen in kb.offices else chosen
    label = _deadline_label(kb, found.id, year, kind_value, lang)
    key = "kb.deadline_new" if current is None else "kb.deadline_changed"
    head = t(key, lang, label=label, office=office_name)
    return _propose(sources_dir, edit, today, head, lang)


def propose_faq(
    sources_dir: Path,
    question: str,
    answer: str,
    scheme: str | None,
    *,
    kb: KnowledgeBase,
    today: dt.date,
    aliases: tuple[str, ...] = (),
    office: str | None = None,
    years: str | None = None,
    lang: Lang = "nb",
) -> Proposal:
    """Validate adding an FAQ entry with some other phrasings of the question."""
    scheme_id: str | None = None
    if scheme:
        found = find_scheme(kb, scheme)
        if found is None:
            raise ChangeRefused([t("kb.scheme_unknown", lang, scheme=scheme)])
        scheme_id = found.id
    question, answer = clean(question)[0], clean(answer)[0]
    if not question or not answer:
        raise ChangeRefused([t("kb.faq_empty", lang)])
    chosen = office or _default_office(kb, scheme_id, today.year, "application", lang)
    unique = _new_aliases(aliases, [question])
    faq_id = _faq_id(kb, question, scheme_id)
    edit = FaqEdit(faq_id, scheme_id, question, answer, unique, chosen, years)
    return _propose(sources_dir, edit, today, t("kb.faq_new", lang, question=question), lang)


def propose_alias(
    sources_dir: Path,
    faq_id: str,
    aliases: tuple[str, ...],
    *,
    kb: KnowledgeBase,
    today: dt.date,
    lang: Lang = "nb",
) -> Proposal:
    """Validate adding other phrasings to an existing FAQ entry."""
    entry = kb.faq.get(faq_id)
    if entry is None:
        raise ChangeRefused([t("kb.faq_unknown", lang, faq_id=repr(faq_id))])
    new = _new_aliases(aliases, [entry.question, *entry.aliases])
    if not new:
        raise ChangeRefused([t("kb.alias_exists", lang)])
    head = t("kb.alias_new", lang, question=entry.question)
    return _propose(sources_dir, AliasEdit(faq_id, new), today, head, lang)


MAX_NEW_ALIASES = 5


def _new_aliases(candidates: tuple[str, ...], existing: list[str]) -> tuple[str, ...]:
    """Clean candidate phrasings, dropping empty ones and those already present."""
    seen = {e.casefold() for e in existing}
    out: list[str] = []
    for text in candidates:
        cleaned = clean(text)[0]
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return tuple(out[:MAX_NEW_ALIASES])


def _faq_id(kb: KnowledgeBase, question: str, scheme_id: str | None) -> str:
    """Make a unique slug id for a new FAQ entry from its question."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(question)).split()
    base = "-".join(words)[:48].strip("-") or "sporsmal"
    if scheme_id:
        base = f"{scheme_id.split('-')[0]}-{base}"[:56].strip("-")
    candidate, n = base, 2
    while candidate in kb.faq:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def apply_proposal(
    proposal: Proposal,
    *,
    who: int,
    today: dt.date,
    audit: AuditLog,
    journal: EditJournal | None = None,
    review_ids: tuple[int, ...] = (),
    then: Callable[[], object] | None = None,
    lang: Lang = "nb",
) -> Change:
    """Write a proposal to the sources, validate the real tree, and audit it; or refuse."""
    return apply_edit(
        proposal.sources_dir,
        proposal.edit,
        who=who,
        today=today,
        audit=audit,
        journal=journal,
        review_ids=review_ids,
        then=then,
        lang=lang,
    )


def restore_files(root: Path, files: dict[str, bytes | None]) -> None:
    """Put files back as they were (None: the file did not exist)."""
    for rel, original in files.items():
        if original is None:
            (root / rel).unlink(missing_ok=True)
        else:
            _write_atomic(root / rel, original)


def apply_edit(
    root: Path,
    edit: Edit,
    *,
    who: int,
    today: dt.date,
    audit: AuditLog,
    journal: EditJournal | None = None,
    review_ids: tuple[int, ...] = (),
    then: Callable[[], object] | None = None,
    lang: Lang = "nb",
) -> Change:
    """Apply an edit to the sources below root, validated again on the real tree, audited.

    With a ``journal`` the edit is recorded before any file is written (see
    ``bot.editjournal``), so a crash part-way is completed or undone at the next start;
    ``then`` (e.g. removing the review questions it resolves) runs in the audit's transaction.
    """
    with _LOCK:
        trial = _trial(root, edit, today, lang)
        originals = {
            rel: (root / rel).read_bytes() if (root / rel).exists() else None for rel in trial.files
        }
        action, target, old, new = _describe(edit, trial)
        entry_id = None
        if journal is not None:
            files = {rel: (originals[rel], data) for rel, data in trial.files.items()}
            entry_id = journal.begin(
                day=today,
                who=who,
                root=root,
                action=action,
                target=target,
                old=old,
                new=new,
                files=files,
                review_ids=review_ids,
            )
        try:
            for rel, data in trial.files.items():
                _write_atomic(root / rel, data)
                if journal is not None:
                    journal.step(f"written {rel}")
            kb = _load_or_refuse(root)
        except (ChangeRefused, OSError) as exc:
            restore_files(root, originals)
            if journal is not None and entry_id is not None:
                journal.finish(entry_id, "rolled_back")
            if isinstance(exc, OSError):
                raise ChangeRefused([t("kb.write_failed", lang, error=exc)]) from exc
            raise
        if journal is not None:
            journal.step("validated")
        with audit.db.transaction():
            audit_id = audit.record(
                day=today, who=who, action=action, target=target, old=old, new=new
            )
            if then is not None:
                then()
            if journal is not None and entry_id is not None:
                journal.audited(entry_id, audit_id)
        if journal is not None:
            journal.step("audited")
    return Change(
        action=action,
        target=target,
        old=old,
        new=new,
        files=tuple(root / rel for rel in sorted(trial.files)),
        kb=kb,
        diff=diff_knowledge(trial.before, kb),
        audit_id=audit_id,
        journal_id=entry_id,
    )


# --- reload -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReloadResult:
    """A reload: the new knowledge base, what changed, and whether the database was rebuilt."""

    kb: KnowledgeBase
    diff: KbDiff
    rebuilt: bool
    db_path: Path
    previous_version: str | None
    problem: str | None = None  # what was wrong with the database before, if anything


def reload_knowledge(
    sources_dir: Path | None, db_path: Path, serving: KnowledgeBase | None = None
) -> ReloadResult:
    """Validate the sources and rebuild the database atomically; raise KnowledgeError if invalid.

    On invalid sources the database is not touched, so the bot keeps the last good knowledge.
    A database that is missing, damaged or of another schema version is rebuilt. The diff
    is against ``serving`` (what a running bot answers from) when given, else against the
    database as it was: a deleted database does not make every scheme look new.
    """
    with _LOCK:
        kb = load_sources(sources_dir or default_sources())
        try:
            problem = check_database(db_path)
        except StoreError as exc:
            problem = str(exc)
        old: KnowledgeBase | None = None
        if problem is None:
            try:
                old = load_database(db_path)
            except StoreError as exc:
                problem = str(exc)
        rebuilt = old is None or old.version != kb.version
        if rebuilt:
            build_database(kb, db_path)
    diff = diff_knowledge(serving or old or empty_knowledge(), kb)
    return ReloadResult(kb, diff, rebuilt, db_path, old.version if old else None, problem)


class KnowledgeWatcher:
    """Swap an engine's knowledge when the database on disk has a new version."""

    def __init__(self, db_path: Path, engine: Engine) -> None:
        """Watch one database file for one engine."""
        self.db_path = db_path
        self.engine = engine
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._sound: tuple[int, int, int, int] | None = None  # the file last found sound

    def problem(self) -> str | None:
        """Say what is wrong with the database file now (None: sound), checking it only anew.

        A file seen sound before is not read again until it changes (another inode, size or
        modification time), so this is one ``stat`` per call in the normal case.
        """
        try:
            st = self.db_path.stat()
        except OSError:
            self._sound = None
            return f"{self.db_path} is missing"
        signature = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if signature == self._sound:
            return None
        try:
            problem = check_database(self.db_path)
        except StoreError as exc:  # cannot even be opened: rebuilding replaces it too
            problem = str(exc)
        self._sound = signature if problem is None else None
        return problem

    def check(self) -> KbDiff | None:
        """Swap in the database's knowledge if its version changed; return what changed."""
        with self._lock:
            try:
                if read_version(self.db_path) == self.engine.kb.version:
                    return None
                new = load_database(self.db_path)
            except StoreError as exc:
                self.last_error = str(exc)  # keep answering from the knowledge we have
                return None
            self.last_error = None
            diff = diff_knowledge(self.engine.kb, new)
            self.engine.swap(new)
            return diff
