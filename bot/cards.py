"""Readable cards: everything the knowledge base holds about one scheme, with sources."""

from __future__ import annotations

from bot import fmt
from bot.vocab import DEADLINE_LABELS, TOPIC_LABELS, Lang, word
from knowledge.kb import KnowledgeBase
from knowledge.schema import (
    CapRule,
    Deadline,
    FlatRule,
    LadderRule,
    Rule,
    SameAsRule,
    Scheme,
    Sourced,
    TextRule,
)


class Footnotes:
    """Number the sources a card cites, in order of first use."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Start with no sources cited."""
        self.kb = kb
        self.labels: list[str] = []

    def cite(self, fact: Sourced) -> str:
        """Return the footnote mark for a fact's provenance."""
        label = self.kb.provenance(fact).label()
        if label not in self.labels:
            self.labels.append(label)
        return f"[{self.labels.index(label) + 1}]"

    def render(self, lang: Lang) -> list[str]:
        """Render the list of cited sources."""
        return [f"{word('sources', lang)}:"] + [f"[{i}] {s}" for i, s in enumerate(self.labels, 1)]


def scheme_names(scheme: Scheme) -> list[str]:
    """Return every name a scheme goes by, official name first."""
    return scheme.names.all()


def deadline_text(d: Deadline, lang: Lang = "nb") -> str:
    """Render a deadline's date or words, marked tentative or unknown."""
    if d.unknown:
        return f"{word('unknown', lang)} («{d.raw}»)"
    words = (d.text_en or d.text) if lang == "en" else d.text
    value = fmt.long_date(d.date, lang) if d.date else (words or "")
    if d.tentative:
        value += f" ({word('tentative', lang)}: «{d.raw}»)"
    return value


UNITS_EN = {"årsverk": "FTE", "stilling": "position"}


def rule_lines(rule: Rule, lang: Lang = "nb") -> list[str]:
    """Describe a calculation rule in a few lines."""
    if lang == "en":
        return _rule_lines_en(rule)
    years = rule.years.label()
    if isinstance(rule, LadderRule):
        steps = []
        for step in rule.steps:
            line = f"år {step.grant_year}: {fmt.kroner(step.amount, lang)} per {rule.unit}"
            if step.competence:
                line += f" (inkl. {fmt.kroner(step.competence, lang)} til kompetanseutvikling)"
            steps.append(line)
        return [f"{years}: " + "; ".join(steps) + f". Inntil {len(rule.steps)} år."]
    if isinstance(rule, FlatRule):
        cond = f" Vilkår: {'; '.join(rule.conditions)}." if rule.conditions else ""
        return [f"{years}: {fmt.kroner(rule.amount, lang)} per {rule.unit}.{cond}"]
    if isinstance(rule, SameAsRule):
        cond = f" Vilkår: {'; '.join(rule.conditions)}." if rule.conditions else ""
        return [f"{years}: {rule.text}.{cond}"]
    if isinstance(rule, CapRule):
        return [
            f"{years}: inntil {fmt.kroner(rule.per_position, lang)} per 100 % stilling "
            f"({rule.position_covers}) og inntil {fmt.kroner(rule.per_measure, lang)} per tiltak "
            f"({rule.measure_covers}); primært {rule.usual_years} år, inntil {rule.max_years} år. "
            "Dette er øvre grenser, ikke en avtrappingsstige."
        ]
    assert isinstance(rule, TextRule)
    return [f"{years}: {rule.text}"]


def _rule_lines_en(rule: Rule) -> list[str]:
    """Describe a calculation rule in English, from the rule's English texts where it has them."""
    years = rule.years.label()
    if isinstance(rule, LadderRule):
        steps = []
        for step in rule.steps:
            line = f"year {step.grant_year}: {fmt.kroner(step.amount, 'en')} per FTE"
            if step.competence:
                line += f" (incl. {fmt.kroner(step.competence, 'en')} for competence development)"
            steps.append(line)
        return [f"{years}: " + "; ".join(steps) + f". Up to {len(rule.steps)} years."]
    if isinstance(rule, FlatRule | SameAsRule):
        conditions = rule.conditions_en or rule.conditions
        cond = f" Conditions: {'; '.join(conditions)}." if conditions else ""
        if isinstance(rule, FlatRule):
            unit = UNITS_EN[rule.unit]
            return [f"{years}: {fmt.kroner(rule.amount, 'en')} per {unit}.{cond}"]
        return [f"{years}: {(rule.text_en or rule.text).rstrip('.')}.{cond}"]
    if isinstance(rule, CapRule):
        return [
            f"{years}: up to {fmt.kroner(rule.per_position, 'en')} per 100 % position "
            f"({rule.position_covers_en or rule.position_covers}) and up to "
            f"{fmt.kroner(rule.per_measure, 'en')} per measure "
            f"({rule.measure_covers_en or rule.measure_covers}); primarily {rule.usual_years} "
            f"year(s), up to {rule.max_years} years. These are caps, not a tapering ladder."
        ]
    assert isinstance(rule, TextRule)
    return [f"{years}: {rule.text_en or rule.text}"]


def scheme_card(kb: KnowledgeBase, scheme_id: str, lang: Lang = "nb") -> str:
    """Render everything known about a scheme, grouped by topic and year, with sources."""
    scheme = kb.schemes[scheme_id]
    notes = Footnotes(kb)
    lines = [scheme.names.official, "=" * len(scheme.names.official)]
    others = [n for n in scheme_names(scheme)[1:] if n != scheme.names.official]
    if others:
        lines.append(f"{word('also_called', lang)}: {', '.join(dict.fromkeys(others))}")
    for b in scheme.budget:
        ministry = f", {b.ministry}" if b.ministry else ""
        lines.append(
            f"{word('budget', lang)}: kap. {b.chapter} post {b.post}{ministry} "
            f"({b.years.label()}) {notes.cite(b)}"
        )
    if scheme.administered_by:
        lines.append(f"{word('administered_by', lang)}: {', '.join(scheme.administered_by)}")
    for topic, labels in TOPIC_LABELS.items():
        facts = sorted((f for f in scheme.facts if f.topic == topic), key=lambda f: f.years.first)
        if not facts:
            continue
        lines += ["", labels[lang]]
        for f in facts:
            mark = f" ({word('tentative', lang)})" if f.tentative else ""
            lines.append(f"- {f.years.label()}: {f.text}{mark} {notes.cite(f)}")
    if scheme.appropriations:
        lines += ["", word("appropriations", lang)]
        for a in sorted(scheme.appropriations, key=lambda a: a.year):
            where = (
                word("national", lang)
                if a.scope == "nasjonal"
                else kb.offices[kb.office_of(a)].name
            )
            flags = [word(k, lang) for k in ("approximate", "prognosis") if getattr(a, k)]
            extra = f", {', '.join(flags)}" if flags else ""
            lines.append(
                f"- {a.year}: {fmt.kroner(a.amount, lang)} ({where}{extra}; «{a.text}») "
                f"{notes.cite(a)}"
            )
    entries = sorted(
        (e for e in kb.deadlines() if e.scheme_id == scheme_id),
        key=lambda e: (e.deadline.year, e.deadline.kind.value),
    )
    if entries:
        lines += ["", word("deadlines", lang)]
        for e in entries:
            d = e.deadline
            office = kb.offices[e.office_id].name
            note = f" – {d.note}" if d.note else ""
            lines.append(
                f"- {d.year} {DEADLINE_LABELS[d.kind][lang].lower()}: {deadline_text(d, lang)}"
                f" ({office}){note} {notes.cite(d)}"
            )
    if scheme.rules:
        lines += ["", word("rules", lang)]
        for rule in scheme.rules:
            for line in rule_lines(rule, lang):
                lines.append(f"- {line} {notes.cite(rule)}")
    if scheme.later_years:
        lines += ["", word("later_years", lang)]
        for item in scheme.later_years:
            text = (item.text_en or item.text) if lang == "en" else item.text
            end = item.last_grant_year
            last = f" ({word('last_grant_year', lang)}: {end})" if end else ""
            lines.append(f"- {item.years.label()}: {text}{last} {notes.cite(item)}")
    faq = [q for q in kb.faq.values() if q.scheme == scheme_id]
    if faq:
        lines += ["", word("faq", lang)]
        for q in faq:
            lines.append(f"- {q.question} {q.answer} ({q.years.label()}) {notes.cite(q)}")
    lines += ["", *notes.render(lang)]
    return "\n".join(lines)
