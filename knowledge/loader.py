"""Load and validate a tree of YAML sources into a KnowledgeBase.

Every problem is reported as one line naming the file, the entry and the field,
so a caseworker who edited a copy of the sources knows exactly what to fix.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from knowledge.kb import KnowledgeBase, deadline_id
from knowledge.schema import (
    IntentLanguage,
    Language,
    LanguageForms,
    LanguageLexicon,
    SameAsRule,
    SourceFile,
)

if TYPE_CHECKING:
    import yaml


@dataclass(frozen=True)
class Problem:
    """One thing wrong in the sources."""

    file: str
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        """Render as one line: file: entry: field: message."""
        return f"{self.file}: {self.entry}: {self.field}: {self.message}"


class KnowledgeError(Exception):
    """The sources do not validate; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        """Keep the problems; the message lists them one per line."""
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """A safe YAML loader that leaves dates as text and refuses a key given twice in a
    mapping (built on first use: PyYAML is imported only when sources are read, never by a
    command that answers from the built database)."""
    import yaml

    class _Loader(yaml.SafeLoader):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
            """Build a mapping; a key listed twice is an error at its second line, not a
            silent loss."""
            seen: set[Any] = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        f"the key {key!r} is given twice in one mapping",
                        None,
                        "a second entry would silently replace the first",
                        key_node.start_mark,
                    )
                seen.add(key)
            return super().construct_mapping(node, deep=deep)

    _Loader.yaml_implicit_resolvers = {
        key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return _Loader


def default_sources() -> Path:
    """Return the folder of the bundled YAML sources."""
    return Path(str(resources.files("knowledge") / "data"))


def _entry_and_field(raw: Any, loc: tuple[int | str, ...]) -> tuple[str, str]:
    """Split a pydantic error location into a readable entry and field path."""
    last_index = max((i for i, part in enumerate(loc) if isinstance(part, int)), default=-1)
    if last_index < 0:
        entry_parts, field_parts = loc[:1], loc[1:]
        if loc and loc[0] == "scheme":
            entry_parts, field_parts = ("scheme",), loc[1:]
    else:
        entry_parts, field_parts = loc[: last_index + 1], loc[last_index + 1 :]
    entry = ""
    node = raw
    for part in entry_parts:
        if isinstance(part, int):
            entry += f"[{part}]"
        else:
            entry += f".{part}" if entry else str(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
        if isinstance(node, dict):
            label = node.get("id") or node.get("key") or node.get("number") or node.get("file")
            if label is None and isinstance(part, int) and "year" in node and "kind" in node:
                label = f"{node.get('year')} {node.get('kind')}"
            if label is not None:
                entry += f" ({label})"
    field = ".".join(str(p) for p in field_parts) or "(the entry itself)"
    return entry or "(top level)", field


def _parse_file(path: Path, shown: str) -> tuple[SourceFile | None, list[Problem]]:
    """Parse and validate one YAML file."""
    import yaml

    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_loader())
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "?"
        return None, [Problem(shown, f"YAML syntax at {where}", "-", str(exc).splitlines()[0])]
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, "(file)", "-", f"not UTF-8 text: {exc}")]
    if raw is None:
        return SourceFile(), []
    if not isinstance(raw, dict):
        return None, [Problem(shown, "(top level)", "-", "expected a mapping of sections")]
    try:
        return SourceFile.model_validate(raw), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            entry, field = _entry_and_field(raw, tuple(error["loc"]))
            problems.append(Problem(shown, entry, field, error["msg"]))
        return None, problems


FORMS_FILE = Path("language") / "forms.yaml"


def bundled_forms() -> LanguageForms:
    """Read and validate the bundled word forms (nynorsk, language markers)."""
    root = default_sources()
    path = root / FORMS_FILE
    item, problems = _parse_file(path, str(Path(root.name) / FORMS_FILE))
    if item is not None and item.forms is None:
        problems = [Problem(str(FORMS_FILE), "forms", "-", "no forms section")]
    if problems or item is None or item.forms is None:
        raise KnowledgeError(problems)
    return item.forms


LEXICON_FILE = Path("language") / "lexicon.yaml"


def bundled_lexicon() -> LanguageLexicon:
    """Read and validate the bundled word tables (months, numbers, places)."""
    root = default_sources()
    item, problems = _parse_file(root / LEXICON_FILE, str(Path(root.name) / LEXICON_FILE))
    if item is not None and item.lexicon is None:
        problems = [Problem(str(LEXICON_FILE), "lexicon", "-", "no lexicon section")]
    if problems or item is None or item.lexicon is None:
        raise KnowledgeError(problems)
    return item.lexicon


def source_paths(folder: Path) -> list[Path]:
    """List the YAML files below a folder, recursively, in a stable order."""
    return sorted(p for p in folder.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_sources(folder: Path | None = None) -> KnowledgeBase:
    """Load every YAML file below a folder, validate it all, and return the knowledge base."""
    root = folder or default_sources()
    if not root.is_dir():
        raise KnowledgeError([Problem(str(root), "(folder)", "-", "no such folder")])
    paths = source_paths(root)
    if not paths:
        raise KnowledgeError([Problem(str(root), "(folder)", "-", "no YAML files found")])
    parsed: list[tuple[str, SourceFile]] = []
    problems: list[Problem] = []
    digest = hashlib.sha256()
    for path in paths:
        shown = str(path.relative_to(root.parent)) if root.parent in path.parents else str(path)
        digest.update(path.read_bytes())
        item, errors = _parse_file(path, shown)
        problems.extend(errors)
        if item is not None:
            parsed.append((shown, item))
    if problems:
        raise KnowledgeError(problems)
    kb, problems = _assemble(parsed, digest.hexdigest()[:12])
    if problems or kb is None:
        raise KnowledgeError(problems)
    return kb


class _Registry:
    """Collect entries by key and report duplicates with both places."""

    def __init__(self, what: str, problems: list[Problem]) -> None:
        """Start an empty registry for one kind of entry."""
        self.what = what
        self.seen: dict[str, str] = {}
        self.problems = problems

    def add(self, key: str, file: str, entry: str, field: str) -> bool:
        """Register a key; report and return False when it is already taken."""
        if key in self.seen:
            self.problems.append(
                Problem(
                    file, entry, field, f"duplicate {self.what} {key!r} (first in {self.seen[key]})"
                )
            )
            return False
        self.seen[key] = file
        return True


def _assemble(
    parsed: Iterable[tuple[str, SourceFile]], version: str
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Merge parsed files, check ids and references across files."""
    problems: list[Problem] = []
    sources, offices, municipalities, schemes, faq, tables = {}, {}, {}, {}, {}, {}
    where: dict[str, str] = {}
    language: Language | None = None
    reg = {
        name: _Registry(name, problems)
        for name in (
            "source",
            "office",
            "municipality",
            "scheme",
            "faq",
            "table",
            "rule",
            "language",
            "intents",
            "forms",
            "lexicon",
        )
    }
    intents: tuple[str, IntentLanguage] | None = None
    forms: tuple[str, LanguageForms] | None = None
    lexicon: tuple[str, LanguageLexicon] | None = None
    for file, item in parsed:
        if item.language is not None and reg["language"].add(
            "language", file, "language", "language"
        ):
            language = item.language
        if item.intents is not None and reg["intents"].add("intents", file, "intents", "intents"):
            intents = (file, item.intents)
        if item.forms is not None and reg["forms"].add("forms", file, "forms", "forms"):
            forms = (file, item.forms)
        if item.lexicon is not None and reg["lexicon"].add("lexicon", file, "lexicon", "lexicon"):
            lexicon = (file, item.lexicon)
        for i, doc in enumerate(item.sources):
            if reg["source"].add(doc.file, file, f"sources[{i}] ({doc.file})", "file"):
                sources[doc.file] = doc
                where[f"source:{doc.file}"] = f"{file}\0sources[{i}] ({doc.file})"
        for i, office in enumerate(item.offices):
            if reg["office"].add(office.id, file, f"offices[{i}] ({office.id})", "id"):
                offices[office.id] = office
                where[f"office:{office.id}"] = f"{file}\0offices[{i}] ({office.id})"
        for i, muni in enumerate(item.municipalities):
            entry = f"municipalities[{i}] ({muni.number})"
            if reg["municipality"].add(muni.number, file, entry, "number"):
                municipalities[muni.number] = muni
                where[f"municipality:{muni.number}"] = f"{file}\0{entry}"
        if item.scheme is not None and reg["scheme"].add(
            item.scheme.id, file, f"scheme ({item.scheme.id})", "id"
        ):
            schemes[item.scheme.id] = item.scheme
            where[f"scheme:{item.scheme.id}"] = file
        for i, entry_ in enumerate(item.faq):
            if reg["faq"].add(entry_.id, file, f"faq[{i}] ({entry_.id})", "id"):
                faq[entry_.id] = entry_
                where[f"faq:{entry_.id}"] = file
        for i, table in enumerate(item.tables):
            if reg["table"].add(table.id, file, f"tables[{i}] ({table.id})", "id"):
                tables[table.id] = table
                where[f"table:{table.id}"] = file

    def check_ref(file: str, entry: str, field: str, source: str, office: str | None) -> None:
        if source not in sources:
            problems.append(Problem(file, entry, field + "source", f"unknown source {source!r}"))
        elif sources[source].office not in offices:
            problems.append(Problem(file, entry, field + "source", "source names unknown office"))
        if office is not None and office not in offices:
            problems.append(Problem(file, entry, field + "office", f"unknown office {office!r}"))

    for doc in sources.values():
        file, entry = where[f"source:{doc.file}"].split("\0")
        if doc.office not in offices:
            problems.append(Problem(file, entry, "office", f"unknown office {doc.office!r}"))
    for office in offices.values():
        file, entry = where[f"office:{office.id}"].split("\0")
        for j, contact in enumerate(office.contacts):
            check_ref(file, f"{entry} contacts[{j}]", "", contact.source, contact.office)
    for muni in municipalities.values():
        file, entry = where[f"municipality:{muni.number}"].split("\0")
        check_ref(file, entry, "", muni.source, muni.office)

    alias_owner: dict[str, str] = {}
    for scheme in schemes.values():
        file = where[f"scheme:{scheme.id}"]
        base = f"scheme ({scheme.id})"
        for part in ("budget", "facts", "appropriations", "deadlines", "rules", "later_years"):
            for j, fact in enumerate(getattr(scheme, part)):
                check_ref(file, f"{base} {part}[{j}]", "", fact.source, fact.office)
        for j, related in enumerate(scheme.related):
            if related not in schemes:
                problems.append(Problem(file, base, f"related[{j}]", f"unknown scheme {related!r}"))
        for name in scheme.names.all():
            key = name.casefold()
            if alias_owner.setdefault(key, scheme.id) != scheme.id:
                problems.append(
                    Problem(
                        file, base, "names", f"name {name!r} is also used by {alias_owner[key]}"
                    )
                )
        rule_ids = {r.id for r in scheme.rules}
        for j, rule in enumerate(scheme.rules):
            reg["rule"].add(rule.id, file, f"{base} rules[{j}] ({rule.id})", "id")
            if isinstance(rule, SameAsRule) and rule.rule not in rule_ids:
                problems.append(
                    Problem(
                        file,
                        f"{base} rules[{j}] ({rule.id})",
                        "rule",
                        f"unknown rule {rule.rule!r}",
                    )
                )
        seen_deadlines: set[str] = set()
        for j, d in enumerate(scheme.deadlines):
            if d.source in sources:
                key = deadline_id(scheme.id, d, d.office or sources[d.source].office)
                if key in seen_deadlines:
                    problems.append(
                        Problem(
                            file,
                            f"{base} deadlines[{j}]",
                            "year/kind/office",
                            f"duplicate deadline {key}",
                        )
                    )
                seen_deadlines.add(key)
    for entry_ in faq.values():
        file = where[f"faq:{entry_.id}"]
        check_ref(file, f"faq ({entry_.id})", "", entry_.source, entry_.office)
        if entry_.scheme is not None and entry_.scheme not in schemes:
            problems.append(
                Problem(file, f"faq ({entry_.id})", "scheme", f"unknown scheme {entry_.scheme!r}")
            )
    for table in tables.values():
        file = where[f"table:{table.id}"]
        check_ref(file, f"table ({table.id})", "", table.source, table.office)
        for j, row in enumerate(table.rows):
            if row.municipality is not None and row.municipality not in municipalities:
                problems.append(
                    Problem(
                        file,
                        f"table ({table.id}) rows[{j}] ({row.key})",
                        "municipality",
                        f"unknown municipality {row.municipality!r}",
                    )
                )
    if intents is not None:
        file, given = intents
        if language is None:
            problems.append(Problem(file, "intents", "intents", "intents need a language section"))
        elif language.intents is not None:
            problems.append(
                Problem(file, "intents", "intents", "intents are also given under language")
            )
        else:
            language = language.model_copy(update={"intents": given})
    if forms is not None:
        file, written = forms
        if language is None:
            problems.append(Problem(file, "forms", "forms", "forms need a language section"))
        else:
            language = language.model_copy(update={"forms": written})
    if lexicon is not None:
        file, word_tables = lexicon
        if language is None:
            problems.append(
                Problem(file, "lexicon", "lexicon", "a lexicon needs a language section")
            )
        else:
            language = language.model_copy(update={"lexicon": word_tables})
    if problems:
        return None, problems
    kb = KnowledgeBase(
        sources=sources,
        offices=offices,
        municipalities=municipalities,
        schemes=schemes,
        faq=faq,
        tables=tables,
        version=version,
        language=language,
    )
    return kb, []
