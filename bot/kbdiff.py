"""What changed between two knowledge bases, in words a caseworker understands.

``diff_knowledge(old, new)`` compares two validated knowledge bases (from YAML sources or
from built databases) and lists every change a caseworker or a subscriber cares about:

- schemes added, removed or renamed, and names (aliases) added or removed;
- deadlines new, changed, removed or changed between tentative and confirmed
  ("Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023");
- appropriations, calculation rules (rates), facts per topic, FAQ entries and their
  alternative phrasings, source documents, offices and tables.

Every change names the scheme it concerns, so ``KbDiff.affected_schemes`` tells whom to
notify and ``KbDiff.lines(only=...)`` gives the lines for one subscriber. Pure functions,
no I/O.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot import fmt
from bot.cards import rule_lines, scheme_names
from bot.texts import t
from bot.vocab import DEADLINE_LABELS, TOPIC_LABELS, Lang
from knowledge.kb import KnowledgeBase
from knowledge.schema import (
    Appropriation,
    CapRule,
    Deadline,
    DeadlineKind,
    Fact,
    FlatRule,
    LadderRule,
    LaterYears,
    Rule,
    Scheme,
    Topic,
)

#: Longest quotation of a fact, question or answer inside one change line.
QUOTE_CHARS = 90


def _quote(text: str) -> str:
    """Quote a text the Norwegian way, shortened to QUOTE_CHARS."""
    text = " ".join(text.split())
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1].rstrip() + "…"
    return fmt.quote(text)


@dataclass(frozen=True)
class KbChange:
    """One change, in words, with the scheme it concerns (None: no single scheme)."""

    scheme: str | None
    what: str
    text: str


@dataclass(frozen=True)
class KbDiff:
    """Every change between two knowledge bases."""

    old_version: str
    new_version: str
    changes: tuple[KbChange, ...] = field(default_factory=tuple)

    def __bool__(self) -> bool:
        """Tell whether anything changed."""
        return bool(self.changes)

    @property
    def affected_schemes(self) -> frozenset[str]:
        """Return the ids of the schemes some change concerns."""
        return frozenset(c.scheme for c in self.changes if c.scheme is not None)

    def lines(self, only: Iterable[str] | None = None) -> list[str]:
        """Return the change lines, all of them or only those about some schemes."""
        if only is None:
            return [c.text for c in self.changes]
        wanted = set(only)
        return [c.text for c in self.changes if c.scheme in wanted]

    def render(self, only: Iterable[str] | None = None, lang: Lang = "nb") -> str:
        """Render the changes as a bulleted list, or say there are none."""
        lines = self.lines(only)
        if not lines:
            return t("upkeep.no_changes", lang)
        return "\n".join(f"- {line}" for line in lines)


class _Differ:
    """Collect the changes between two knowledge bases."""

    def __init__(self, old: KnowledgeBase, new: KnowledgeBase, lang: Lang) -> None:
        """Start with no changes found."""
        self.old, self.new, self.lang = old, new, lang
        self.changes: list[KbChange] = []

    def add(self, scheme: str | None, what: str, text: str) -> None:
        """Record one change."""
        self.changes.append(KbChange(scheme, what, text))

    def name(self, scheme_id: str) -> str:
        """Return the short name of a scheme, from the new knowledge base if it is there."""
        scheme = self.new.schemes.get(scheme_id) or self.old.schemes[scheme_id]
        return scheme.names.short

    def office_name(self, office_id: str) -> str:
        """Return the name of an office, from either knowledge base."""
        office = self.new.offices.get(office_id) or self.old.offices.get(office_id)
        return office.name if office else office_id

    def run(self) -> list[KbChange]:
        """Compare everything and return the changes in a stable order."""
        old_ids, new_ids = set(self.old.schemes), set(self.new.schemes)
        for sid in self.new.schemes:
            if sid not in old_ids:
                self.scheme_added(self.new.schemes[sid])
        for sid in self.old.schemes:
            if sid not in new_ids:
                self.add(
                    sid,
                    "scheme",
                    t("diff.scheme_removed", self.lang, name=self.old.schemes[sid].names.official),
                )
        for sid in self.new.schemes:
            if sid in old_ids:
                self.scheme_changed(self.old.schemes[sid], self.new.schemes[sid])
        self.deadlines()
        self.faq()
        self.sources_and_offices()
        self.tables_and_municipalities()
        return self.changes

    # --- schemes ------------------------------------------------------------------------------

    def scheme_added(self, scheme: Scheme) -> None:
        """Record a new scheme."""
        self.add(scheme.id, "scheme", t("diff.scheme_new", self.lang, name=scheme.names.official))

    def scheme_changed(self, old: Scheme, new: Scheme) -> None:
        """Record what changed in a scheme present in both."""
        if old == new:
            return
        lang, sid = self.lang, new.id
        if old.names.official != new.names.official:
            text = t("diff.scheme_renamed", lang, old=old.names.official, new=new.names.official)
            self.add(sid, "scheme", text)
        elif old.names.short != new.names.short:
            text = t(
                "diff.short_renamed",
                lang,
                name=new.names.official,
                old=old.names.short,
                new=new.names.short,
            )
            self.add(sid, "scheme", text)
        old_names = {n.casefold(): n for n in scheme_names(old)[2:]}
        new_names = {n.casefold(): n for n in scheme_names(new)[2:]}
        for key, alias in new_names.items():
            if key not in old_names:
                self.add(sid, "name", t("diff.name_new", lang, name=new.names.short, alias=alias))
        for key, alias in old_names.items():
            if key not in new_names:
                self.add(
                    sid, "name", t("diff.name_removed", lang, name=new.names.short, alias=alias)
                )
        if old.budget != new.budget:
            text = ", ".join(
                t("diff.budget_item", lang, chapter=b.chapter, post=b.post, years=b.years.label())
                for b in new.budget
            )
            self.add(sid, "budget", t("diff.budget", lang, name=new.names.short, text=text or "–"))
        self.appropriations(sid, old.appropriations, new.appropriations)
        self.rules(sid, old.rules, new.rules)
        self.facts(sid, old.facts, new.facts)
        self.later_years(sid, old.later_years, new.later_years)

    def later_years(self, sid: str, old: list[LaterYears], new: list[LaterYears]) -> None:
        """Record what the sources say about later years, added or removed."""
        label = t("diff.later_years", self.lang, name=self.name(sid))

        def keyed(items: list[LaterYears]) -> dict[tuple[str, str, str], LaterYears]:
            return {(i.kind.value, i.years.label(), " ".join(i.text.split())): i for i in items}

        before, after = keyed(old), keyed(new)
        for key in [k for k in after if k not in before]:
            text = f"{key[1]}: {t('diff.fact_new', self.lang, text=_quote(key[2]))}"
            self.add(sid, "later_years", f"{label} {text}")
        for key in [k for k in before if k not in after]:
            text = f"{key[1]}: {t('diff.fact_removed', self.lang, text=_quote(key[2]))}"
            self.add(sid, "later_years", f"{label} {text}")

    def appropriations(self, sid: str, old: list[Appropriation], new: list[Appropriation]) -> None:
        """Record appropriations new, changed or removed, keyed by year, scope and office."""

        def key(kb: KnowledgeBase, a: Appropriation) -> tuple[int, str, str, bool]:
            return (a.year, a.scope, kb.office_of(a) if a.scope == "fylke" else "", a.prognosis)

        def value(a: Appropriation) -> str:
            flags = [t("diff.approximate", self.lang)] if a.approximate else []
            return " ".join([*flags, fmt.kroner(a.amount, self.lang)])

        def label(k: tuple[int, str, str, bool]) -> str:
            year, scope, office, prognosis = k
            where = (
                t("diff.national", self.lang) if scope == "nasjonal" else self.office_name(office)
            )
            extra = f", {t('diff.prognosis', self.lang)}" if prognosis else ""
            return (
                t("diff.appropriation", self.lang, name=self.name(sid), year=year)
                + f" ({where}{extra})"
            )

        before: dict[tuple[int, str, str, bool], list[Appropriation]] = defaultdict(list)
        after: dict[tuple[int, str, str, bool], list[Appropriation]] = defaultdict(list)
        for a in old:
            before[key(self.old, a)].append(a)
        for a in new:
            after[key(self.new, a)].append(a)
        for k in sorted(set(before) | set(after)):
            was, now = before.get(k, []), after.get(k, [])
            olds, news = [value(a) for a in was], [value(a) for a in now]
            if olds == news:
                continue
            if len(was) == 1 and len(now) == 1:
                change = t("diff.changed", self.lang, old=olds[0], new=news[0])
            elif not was:
                change = f"{t('diff.new', self.lang)}, {', '.join(news)}"
            elif not now:
                change = t("diff.removed", self.lang, old=", ".join(olds))
            else:
                change = t("diff.changed", self.lang, old=", ".join(olds), new=", ".join(news))
            self.add(sid, "appropriation", f"{label(k)}: {change}")

    def rules(self, sid: str, old: list[Rule], new: list[Rule]) -> None:
        """Record calculation rules new, changed or removed, rates in kroner."""
        lang, name = self.lang, self.name(sid)
        before, after = {r.id: r for r in old}, {r.id: r for r in new}
        for rid, rule in after.items():
            if rid not in before:
                new_rule = f"{t('diff.new', lang)}, {rule_lines(rule, lang)[0]}"
                text = f"{t('diff.rule', lang, name=name)}: {new_rule}"
                self.add(sid, "rule", text)
        for rid, rule in before.items():
            if rid not in after:
                gone = f"{t('diff.removed_plain', lang)} ({rule.years.label()}: {rid})"
                text = f"{t('diff.rule', lang, name=name)}: {gone}"
                self.add(sid, "rule", text)
        for rid, rule in after.items():
            if rid in before and before[rid] != rule:
                self.rule_changed(sid, before[rid], rule)

    def rule_changed(self, sid: str, old: Rule, new: Rule) -> None:
        """Describe how one rule changed: the rates where possible, else the new wording."""
        lang, name, years = self.lang, self.name(sid), new.years.label()
        kr = fmt.kroner
        per = t("diff.per", lang)
        lines: list[str] = []
        if old.years != new.years:
            text = t("diff.rule_years", lang, new=new.years.label(), old=old.years.label())
            lines.append(f"{t('diff.rule', lang, name=name)} ({new.id}): {text}")
        rates: list[str] = []
        if isinstance(old, FlatRule) and isinstance(new, FlatRule) and old.amount != new.amount:
            change = t("diff.changed", lang, old=kr(old.amount, lang), new=kr(new.amount, lang))
            rates.append(
                f"{t('diff.rate', lang, name=name, years=years)}: {change} {per} {new.unit}"
            )
        elif isinstance(old, LadderRule) and isinstance(new, LadderRule):
            was = {s.grant_year: s.amount for s in old.steps}
            now = {s.grant_year: s.amount for s in new.steps}
            for step in sorted(set(was) | set(now)):
                label = t("diff.rate_step", lang, name=name, years=years, step=step)
                if step not in was:
                    rates.append(
                        f"{label}: {t('diff.new', lang)}, {kr(now[step], lang)} {per} {new.unit}"
                    )
                elif step not in now:
                    rates.append(f"{label}: {t('diff.removed', lang, old=kr(was[step], lang))}")
                elif was[step] != now[step]:
                    change = t(
                        "diff.changed", lang, old=kr(was[step], lang), new=kr(now[step], lang)
                    )
                    rates.append(f"{label}: {change} {per} {new.unit}")
        elif isinstance(old, CapRule) and isinstance(new, CapRule):
            for attr, key in (
                ("per_position", "diff.cap_position"),
                ("per_measure", "diff.cap_measure"),
            ):
                a, b = getattr(old, attr), getattr(new, attr)
                if a != b:
                    change = t("diff.changed", lang, old=kr(a, lang), new=kr(b, lang))
                    rates.append(f"{t(key, lang, name=name, years=years)}: {change}")
        lines += rates
        if not rates and old.model_copy(update={"years": new.years}) != new:
            text = t("diff.rule_changed", lang, text=rule_lines(new, lang)[0])
            lines.append(f"{t('diff.rule', lang, name=name)} ({new.id}): {text}")
        for line in lines:
            self.add(sid, "rule", line)

    def facts(self, sid: str, old: list[Fact], new: list[Fact]) -> None:
        """Record facts added, removed or changed in certainty, per topic."""
        lang, name = self.lang, self.name(sid)

        def keyed(facts: list[Fact]) -> Counter[tuple[Topic, str, str, bool]]:
            return Counter(
                (f.topic, f.years.label(), " ".join(f.text.split()), f.tentative) for f in facts
            )

        before, after = keyed(old), keyed(new)
        added, removed = after - before, before - after
        order = list(Topic)
        for topic, years, text, tentative in sorted(
            set(added) | set(removed), key=lambda k: (order.index(k[0]), k[1], k[2], k[3])
        ):
            label = f"{TOPIC_LABELS[topic][lang]} {t('diff.for', lang)} {name} {years}"
            if (topic, years, text, tentative) in added:
                if (topic, years, text, not tentative) in removed:
                    key = "diff.fact_tentative" if tentative else "diff.fact_confirmed"
                    self.add(sid, "fact", f"{label}: {t(key, lang, text=_quote(text))}")
                else:
                    self.add(sid, "fact", f"{label}: {t('diff.fact_new', lang, text=_quote(text))}")
            elif (topic, years, text, not tentative) not in added:
                self.add(sid, "fact", f"{label}: {t('diff.fact_removed', lang, text=_quote(text))}")

    # --- deadlines ----------------------------------------------------------------------------

    def deadline_value(self, d: Deadline, mark_tentative: bool = True) -> str:
        """Render a deadline's date or words, marked tentative."""
        if d.unknown:
            value = t("diff.unknown", self.lang)
        elif d.date is not None:
            value = fmt.long_date(d.date, self.lang)
        else:
            value = d.text or ""
        if mark_tentative and d.tentative:
            value += f" ({t('diff.tentative', self.lang)})"
        return value

    def deadlines(self) -> None:
        """Record deadlines new, changed or removed, by scheme, year, kind and office."""
        lang = self.lang
        before = {e.id: e for e in self.old.deadlines()}
        after = {e.id: e for e in self.new.deadlines()}
        offices: dict[tuple[str, int, DeadlineKind], set[str]] = defaultdict(set)
        for e in [*before.values(), *after.values()]:
            offices[(e.scheme_id, e.deadline.year, e.deadline.kind)].add(e.office_id)
        schemes = list(self.new.schemes) + [
            s for s in self.old.schemes if s not in self.new.schemes
        ]
        kinds = list(DeadlineKind)

        def order(key: str) -> tuple[int, int, int, str]:
            e = after.get(key) or before[key]
            return (
                schemes.index(e.scheme_id),
                e.deadline.year,
                kinds.index(e.deadline.kind),
                e.office_id,
            )

        for key in sorted(set(before) | set(after), key=order):
            was, now = before.get(key), after.get(key)
            entry = now or was
            assert entry is not None
            d, sid = entry.deadline, entry.scheme_id
            if sid not in self.new.schemes:
                continue  # the scheme itself is reported removed
            label = (
                f"{DEADLINE_LABELS[d.kind][lang]} {t('diff.for', lang)} {self.name(sid)} {d.year}"
            )
            if len(offices[(sid, d.year, d.kind)]) > 1:
                label += f" ({self.office_name(entry.office_id)})"
            text: str | None
            if was is None:
                text = f"{t('diff.new', lang)}, {self.deadline_value(d)}"
            elif now is None:
                text = t("diff.removed", lang, old=self.deadline_value(was.deadline))
            else:
                text = self.deadline_change(was.deadline, now.deadline)
            if text is not None:
                self.add(sid, "deadline", f"{label}: {text}")

    def deadline_change(self, old: Deadline, new: Deadline) -> str | None:
        """Describe how a deadline changed, or None when it did not."""
        if old == new:
            return None
        lang = self.lang
        old_value, new_value = self.deadline_value(old, False), self.deadline_value(new, False)
        if old_value != new_value:
            return t(
                "diff.changed", lang, old=self.deadline_value(old), new=self.deadline_value(new)
            )
        if old.tentative != new.tentative:
            return t(
                "diff.now_tentative" if new.tentative else "diff.confirmed", lang, value=new_value
            )
        if (old.source, old.office) != (new.source, new.office):
            source = self.new.provenance(new).label()
            return t("diff.new_source", lang, value=new_value, source=source)
        if old.note != new.note and new.note:
            return t("diff.new_note", lang, note=_quote(new.note))
        return t("diff.details", lang, value=_quote(new.raw))

    # --- FAQ, sources, offices, tables ----------------------------------------------------------

    def faq(self) -> None:
        """Record FAQ entries new, removed or changed, and their phrasings."""
        lang = self.lang

        def where(scheme: str | None, kb: KnowledgeBase) -> str:
            if scheme is None or scheme not in kb.schemes:
                return ""
            return f" ({kb.schemes[scheme].names.short})"

        for fid, entry in self.new.faq.items():
            q = _quote(entry.question)
            if fid not in self.old.faq:
                self.add(
                    entry.scheme,
                    "faq",
                    t("diff.faq_new", lang, scheme=where(entry.scheme, self.new), q=q),
                )
                continue
            was = self.old.faq[fid]
            if was == entry:
                continue
            if was.question != entry.question:
                self.add(
                    entry.scheme,
                    "faq",
                    t("diff.faq_question", lang, old=_quote(was.question), new=q),
                )
            if was.answer != entry.answer:
                self.add(
                    entry.scheme, "faq", t("diff.faq_answer", lang, q=q, a=_quote(entry.answer))
                )
            if was.years != entry.years:
                text = t(
                    "diff.faq_years", lang, q=q, new=entry.years.label(), old=was.years.label()
                )
                self.add(entry.scheme, "faq", text)
            old_aliases = {a.casefold() for a in was.aliases}
            new_aliases = {a.casefold() for a in entry.aliases}
            for alias in entry.aliases:
                if alias.casefold() not in old_aliases:
                    self.add(
                        entry.scheme, "faq", t("diff.faq_alias_new", lang, q=q, alias=_quote(alias))
                    )
            for alias in was.aliases:
                if alias.casefold() not in new_aliases:
                    text = t("diff.faq_alias_removed", lang, q=q, alias=_quote(alias))
                    self.add(entry.scheme, "faq", text)
        for fid, entry in self.old.faq.items():
            if fid not in self.new.faq:
                text = t(
                    "diff.faq_removed",
                    lang,
                    scheme=where(entry.scheme, self.old),
                    q=_quote(entry.question),
                )
                self.add(entry.scheme, "faq", text)

    def sources_and_offices(self) -> None:
        """Record source documents and offices added, removed or changed."""
        lang = self.lang
        for key, doc in self.new.sources.items():
            if key not in self.old.sources:
                where_ = f"{self.office_name(doc.office)}, {doc.date_text}"
                self.add(None, "source", t("diff.source_new", lang, title=doc.title, where=where_))
        for key, doc in self.old.sources.items():
            if key not in self.new.sources:
                self.add(None, "source", t("diff.source_removed", lang, title=doc.title))
        for key, office in self.new.offices.items():
            if key not in self.old.offices:
                self.add(None, "office", t("diff.office_new", lang, name=office.name))
            elif self.old.offices[key] != office:
                self.add(None, "office", t("diff.office_changed", lang, name=office.name))
        for key, office in self.old.offices.items():
            if key not in self.new.offices:
                self.add(None, "office", t("diff.office_removed", lang, name=office.name))

    def tables_and_municipalities(self) -> None:
        """Record tables added, removed or changed, and a count of municipality changes."""
        lang = self.lang
        for key, table in self.new.tables.items():
            if key not in self.old.tables:
                self.add(None, "table", t("diff.table_new", lang, title=_quote(table.title)))
            elif self.old.tables[key] != table:
                self.add(None, "table", t("diff.table_changed", lang, title=_quote(table.title)))
        for key, table in self.old.tables.items():
            if key not in self.new.tables:
                self.add(None, "table", t("diff.table_removed", lang, title=_quote(table.title)))
        old_m, new_m = self.old.municipalities, self.new.municipalities
        added = len(set(new_m) - set(old_m))
        removed = len(set(old_m) - set(new_m))
        changed = sum(1 for k in set(old_m) & set(new_m) if old_m[k] != new_m[k])
        if added or removed or changed:
            text = t("diff.municipalities", lang, added=added, removed=removed, changed=changed)
            self.add(None, "municipality", text)


def diff_knowledge(old: KnowledgeBase, new: KnowledgeBase, lang: Lang = "nb") -> KbDiff:
    """List what changed from one knowledge base to another, in a caseworker's words."""
    changes = tuple(_Differ(old, new, lang).run())
    return KbDiff(old.version, new.version, changes)


def empty_knowledge() -> KnowledgeBase:
    """Return a knowledge base with nothing in it, to diff a first build against."""
    return KnowledgeBase(
        sources={}, offices={}, municipalities={}, schemes={}, faq={}, tables={}, version=""
    )
