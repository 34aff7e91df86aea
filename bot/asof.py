"""As of today: what the sources cover for a scheme and topic, and what they say after that.

The core never reads the clock: every function here takes the year a question is about (the
year it names, or today's). An answer about a year the sources cover carries no caveat. About
a later year, the answer names the year its rule, figure or deadline is from and adds what the
sources themselves say about the years after them (``Scheme.later_years`` in the YAML: a
wind-down, a new scheme, a reservation), says when they describe no grant after some year, and
where to check (the office's contact from the sources). A deadline pattern is stated only when
the sources show the same date in several years, and then as a past pattern. Nothing here knows
a scheme by its id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot import fmt
from bot.cards import deadline_text
from bot.text import lazy_pattern
from bot.vocab import DEADLINE_LABELS, Lang
from knowledge.kb import DeadlineEntry, KnowledgeBase, Provenance
from knowledge.schema import (
    Deadline,
    DeadlineKind,
    LaterYears,
    Office,
    Scheme,
    Topic,
    YearRange,
)

PHRASES: dict[str, dict[Lang, str]] = {
    "figures": {
        "nb": "Beløpene er fra reglene for {years} – kildene mine har ingen satser eller grenser "
        "for {year}.",
        "en": "The amounts are from the rules for {years} – my sources have no rates or limits "
        "for {year}.",
    },
    "figures_year": {
        "nb": "Kildene mine har ingen regel eller sats for {year}. Det siste året kildene "
        "beskriver, er {last}:",
        "en": "My sources have no rule or rate for {year}. The last year the sources describe "
        "is {last}:",
    },
    "figures_ended": {
        "nb": "Kildene mine har ingen regel eller sats for {year}. Det siste året kildene "
        "beskriver, er {last}, og satsen for {last} gjelder ikke for {year}.",
        "en": "My sources have no rule or rate for {year}. The last year the sources describe "
        "is {last}, and the rate for {last} does not apply to {year}.",
    },
    "figures_other": {
        "nb": "Beløpene er fra reglene for {years}; for {year} sier kildene:",
        "en": "The amounts are from the rules for {years}; for {year} the sources say:",
    },
    "ladder_before": {
        "nb": "Stigen for {years} ga {amount} i år {grant_year}; den gjelder ikke for {year}.",
        "en": "The ladder for {years} gave {amount} in year {grant_year}; it does not apply to "
        "{year}.",
    },
    "facts": {
        "nb": "Dette er det nyeste kildene sier om dette ({years}); de har ingenting for {year}.",
        "en": "This is the newest the sources say on this ({years}); they have nothing for {year}.",
    },
    "scheme": {
        "nb": "Det nyeste kildene sier om ordningen, er fra {years}; de har ingenting for {year}.",
        "en": "The newest the sources say about the scheme is from {years}; they have nothing "
        "for {year}.",
    },
    "table_late": {
        "nb": "Kildene mine har ingen tall for {year}; det siste kjente er fra {last}:",
        "en": "My sources have no figure for {year}; the last known is from {last}:",
    },
    "appropriation": {
        "nb": "Kildene mine har ingen bevilgning for {year}; den nyeste er fra {last}.",
        "en": "My sources have no appropriation for {year}; the newest is from {last}.",
    },
    "appropriation_within": {
        "nb": "Kildene mine har ingen bevilgning for {year}, selv om de omtaler ordningen det "
        "året; den nyeste bevilgningen er fra {last}. Spør gjerne om {last}.",
        "en": "My sources have no appropriation for {year}, though they speak of the scheme "
        "that year; the newest appropriation is from {last}. Ask about {last} instead.",
    },
    "deadline_none": {
        "nb": "Kildene mine har ingen {kind} for {scheme} i {year}.",
        "en": "My sources have no {kind} for the {scheme} in {year}.",
    },
    "deadline_known": {
        "nb": "Siste kjente, nyeste først:",
        "en": "The latest known, newest first:",
    },
    "pattern": {
        "nb": "{kind}en var {day} i {years} – et mønster fra tidligere år, ikke en frist for "
        "{year}.",
        "en": "The {kind} was {day} in {years} – a pattern from earlier years, not a deadline "
        "for {year}.",
    },
    "overview_none": {
        "nb": "Kildene mine har ingen frister for {year}{what}. Siste kjente frister per "
        "ordning, nyeste år først:",
        "en": "My sources have no deadlines for {year}{what}. The latest known deadlines per "
        "scheme, newest year first:",
    },
    "list_none": {
        "nb": "Kildene mine har ingen frister for {year}. Ordningene med årene kildene dekker "
        "og siste kjente søknadsfrist, nyeste år først:",
        "en": "My sources have no deadlines for {year}. The schemes with the years the sources "
        "cover and the latest known application deadline, newest year first:",
    },
    "covers": {"nb": "kildene dekker {years}", "en": "the sources cover {years}"},
    "last_deadline": {
        "nb": "siste kjente søknadsfrist: {date}",
        "en": "latest known application deadline: {date}",
    },
    "ended": {
        "nb": "Kildene beskriver ikke noe tilskudd til {name} etter {end}.",
        "en": "The sources describe no {name} after {end}.",
    },
    "ended_plan": {
        "nb": "Kildene beskriver ikke {name} etter {end}.",
        "en": "The sources do not describe {name} after {end}.",
    },
    "ended_short": {
        "nb": "ikke noe tilskudd beskrevet etter {end}",
        "en": "no grant described after {end}",
    },
    "ended_short_plan": {
        "nb": "ikke beskrevet etter {end}",
        "en": "not described after {end}",
    },
    "silent": {
        "nb": "Kildene mine sier ingenting om {name} etter {last}.",
        "en": "My sources say nothing about the {name} after {last}.",
    },
    "check": {
        "nb": "Sjekk gjeldende utlysning og frister hos {where}.",
        "en": "Check the current call for applications and deadlines with {where}.",
    },
}

THIS_YEAR = lazy_pattern(
    r"\b(?:i ar|i aar|dette aret|iar|this year|this year's|current year)\b(?!\s*\d)"
)


def phrase(key: str, lang: Lang, **values: object) -> str:
    """Return a phrase in the answer language, filled in."""
    return PHRASES[key][lang].format(**values)


@dataclass
class Dated:
    """What an answer adds about the years after the sources: lines and their sources."""

    lines: list[str] = field(default_factory=list)
    sources: list[Provenance] = field(default_factory=list)
    complete: bool = True  # False: the year the question names is not covered; lines[0] leads
    shows_figures: bool = True  # False: the year lies after the grant's described end

    def extend(self, other: Dated) -> Dated:
        """Add another's lines and sources; return self."""
        self.lines += other.lines
        self.sources += other.sources
        self.complete = self.complete and other.complete
        return self


def asks_this_year(folded: str) -> bool:
    """Tell whether a question says 'i år' / 'this year' (not 'i år 3', a grant year)."""
    return bool(THIS_YEAR.search(folded))


def question_year(slots: dict[str, object], today: dt.date) -> int:
    """Return the calendar year a question is about: the one it names, else today's."""
    year = slots.get("year")
    return year if isinstance(year, int) else today.year


# --- what the sources cover -------------------------------------------------------------------


def last_of(ranges: Iterable[YearRange]) -> int | None:
    """Return the last year some ranges cover (an open range counts from its first year)."""
    years = [r.last if r.last is not None else r.first for r in ranges]
    return max(years, default=None)


def span(years: Iterable[int]) -> str:
    """Render a set of years as '2017–2024' or '2022'."""
    known = sorted(set(years))
    return fmt.year_range(known[0], known[-1]) if known else ""


def scheme_years(kb: KnowledgeBase, scheme_id: str) -> list[int]:
    """Return every year the sources state something for a scheme (facts, rules, money, dates)."""
    return list(kb.derived(("scheme_years", scheme_id), lambda: tuple(_years(kb, scheme_id))))


def _years(kb: KnowledgeBase, scheme_id: str) -> list[int]:
    """Every year the sources state something for a scheme (see scheme_years)."""
    scheme = kb.schemes[scheme_id]
    ranges = [
        *(f.years for f in scheme.facts),
        *(r.years for r in scheme.rules),
        *(b.years for b in scheme.budget),
    ]
    years = {y for r in ranges for y in range(r.first, (r.last or r.first) + 1)}
    years |= {a.year for a in scheme.appropriations} | {d.year for d in scheme.deadlines}
    return sorted(years)


def scheme_last(kb: KnowledgeBase, scheme_id: str) -> int | None:
    """Return the last year the sources state something for a scheme."""
    years = scheme_years(kb, scheme_id)
    return years[-1] if years else None


def topic_last(scheme: Scheme, topics: Iterable[Topic]) -> int | None:
    """Return the last year the sources state something on some topics of a scheme."""
    wanted = set(topics)
    return last_of(f.years for f in scheme.facts if f.topic in wanted)


def grant_end(scheme: Scheme) -> int | None:
    """Return the last year the sources describe a grant for, when they describe an end."""
    ends = [item.last_grant_year for item in scheme.later_years if item.last_grant_year]
    return max(ends, default=None)


def scheme_deadlines(
    kb: KnowledgeBase, scheme_id: str, kind: DeadlineKind | None = None
) -> list[DeadlineEntry]:
    """Return a scheme's deadlines (of one kind), newest year first."""
    entries = [
        e
        for e in kb.deadlines()
        if e.scheme_id == scheme_id and (kind is None or e.deadline.kind == kind)
    ]
    kinds = list(DeadlineKind)
    return sorted(
        entries, key=lambda e: (-e.deadline.year, kinds.index(e.deadline.kind), e.office_id)
    )


def deadline_last(
    kb: KnowledgeBase, scheme_id: str, kind: DeadlineKind | None = None
) -> int | None:
    """Return the newest year of a scheme's deadlines (of one kind)."""
    return max((e.deadline.year for e in scheme_deadlines(kb, scheme_id, kind)), default=None)


def after(year: int, last: int | None) -> bool:
    """Tell whether a year lies after what the sources cover (nothing covered: not after)."""
    return last is not None and year > last


# --- names ------------------------------------------------------------------------------------


def scheme_name(kb: KnowledgeBase, scheme_id: str, lang: Lang) -> str:
    """Return a scheme's short name, or its first English name in an English answer."""
    names = kb.schemes[scheme_id].names
    return (names.english or [names.short])[0] if lang == "en" else names.short


def office_name(office: Office, lang: Lang) -> str:
    """Return an office's name in the answer language."""
    return (office.name_en or office.name) if lang == "en" else office.name


def later_text(item: LaterYears, lang: Lang) -> str:
    """Return a later-years statement in the answer language."""
    return (item.text_en or item.text) if lang == "en" else item.text


def where_to_check(kb: KnowledgeBase, scheme_ids: Iterable[str], lang: Lang) -> str | None:
    """Name up to two offices behind some schemes with their contact, newest source first.

    An office's contact is its web address and its mailbox (a contact with an English name is
    a mailbox or function, not a person), else a person's e-mail. When no office behind the
    schemes has contacts, the office of the newest dated source that has some is named.
    """
    ids = tuple(scheme_ids)
    return kb.derived(("where_to_check", ids, lang), lambda: _where_to_check(kb, ids, lang))


def _where_to_check(kb: KnowledgeBase, scheme_ids: tuple[str, ...], lang: Lang) -> str | None:
    """Name the offices to check with (see where_to_check)."""
    dated: dict[str, dt.date] = {}
    for sid in scheme_ids:
        scheme = kb.schemes[sid]
        for item in (*scheme.facts, *scheme.deadlines, *scheme.rules):
            prov = kb.provenance(item)
            day = prov.date or dt.date.min
            dated[prov.office_id] = max(dated.get(prov.office_id, day), day)
    order = sorted(dated, key=lambda o: dated[o], reverse=True)
    named = [o for o in order if _contact(kb.offices[o])]
    if not named:
        newest: dict[str, dt.date] = {}
        for doc in kb.sources.values():
            if doc.date is not None and doc.kind != "admin":
                newest[doc.office] = max(newest.get(doc.office, doc.date), doc.date)
        by_date = sorted(newest, key=lambda o: newest[o], reverse=True)
        named = [o for o in by_date if o in kb.offices and _contact(kb.offices[o])][:1]
    if not named:
        return None
    parts = [f"{office_name(kb.offices[o], lang)} ({_contact(kb.offices[o])})" for o in named[:2]]
    return phrase("check", lang, where=fmt.join(parts, lang))


def _contact(office: Office) -> str:
    """Render an office's contact: its web address and mailbox, else a person's e-mail."""
    web = next((c.web for c in office.contacts if c.web), None)
    mailbox = next((c.email for c in office.contacts if c.email and c.name_en), None)
    found = [x for x in (web, mailbox) if x]
    if not found:
        found = [c.email for c in office.contacts if c.email][:1]
    return ", ".join(found)


# --- what to say about the years after the sources --------------------------------------------


def later_years(
    kb: KnowledgeBase, scheme_id: str, last: int | None, year: int, lang: Lang
) -> Dated:
    """Say what the sources say about the years after ``last``, up to the question's year.

    The scheme's later-years statements that reach past ``last``; then, when the question's
    year lies after the end they describe, that they describe no grant after it, or, when it
    lies after everything the sources say about the scheme, that they say nothing after that;
    and in both cases where to check.
    """
    scheme = kb.schemes[scheme_id]
    out = Dated()
    for item in scheme.later_years:
        reach = item.years.last
        if last is None or reach is None or reach > last:
            out.lines.append(later_text(item, lang))
            out.sources.append(kb.provenance(item))
    end, newest = grant_end(scheme), scheme_last(kb, scheme_id)
    name = scheme_name(kb, scheme_id, lang)
    if end is not None and year > end:
        key = "ended" if scheme.kind == "tilskudd" else "ended_plan"
        out.lines.append(phrase(key, lang, name=name, end=end))
    elif newest is not None and year > newest:
        out.lines.append(phrase("silent", lang, name=name, last=newest))
    if newest is not None and year > newest:
        check = where_to_check(kb, [scheme_id], lang)
        if check:
            out.lines.append(check)
    return out


def beyond(
    kb: KnowledgeBase, scheme_id: str, key: str, last: int, year: int, lang: Lang, **values: object
) -> Dated:
    """A statement that the answer is from ``last``, not the question's year, and what follows."""
    values.setdefault("years", last)
    head = phrase(key, lang, year=year, last=last, **values)
    return Dated([head]).extend(later_years(kb, scheme_id, last, year, lang))


# --- deadlines --------------------------------------------------------------------------------


def day_month(day: dt.date, lang: Lang) -> str:
    """Render a day without its year: '1. februar' / '1 February'."""
    month = fmt.MONTHS[lang][day.month - 1]
    return f"{day.day}. {month}" if lang == "nb" else f"{day.day} {month}"


def years_text(years: list[int], lang: Lang) -> str:
    """Render years in running text: 'både 2020 og 2022' / 'both 2020 and 2022', or a list."""
    words = [str(y) for y in sorted(years)]
    if len(words) == 2:
        return (
            f"både {words[0]} og {words[1]}" if lang == "nb" else f"both {words[0]} and {words[1]}"
        )
    return fmt.join(words, lang)


def pattern(entries: Iterable[DeadlineEntry], year: int, lang: Lang) -> list[str]:
    """State each date a kind of deadline had in several years, as a past pattern.

    Only firm dates count: a tentative or unknown deadline shows no pattern.
    """
    seen: dict[tuple[DeadlineKind, int, int], set[int]] = {}
    for e in entries:
        d = e.deadline
        if d.date is None or d.tentative or d.unknown or d.year >= year:
            continue
        seen.setdefault((d.kind, d.date.month, d.date.day), set()).add(d.year)
    lines = []
    for (kind, month, day), years in seen.items():
        if len(years) < 2:
            continue
        label = DEADLINE_LABELS[kind][lang]
        lines.append(
            phrase(
                "pattern",
                lang,
                kind=label if lang == "nb" else label.lower(),
                day=day_month(dt.date(2000, month, day), lang),
                years=years_text(sorted(years), lang),
                year=year,
            )
        )
    return lines


def when(d: Deadline, lang: Lang) -> str:
    """Render a deadline's date or words in the answer language, marked tentative or unknown."""
    if lang == "en" and d.text is not None and d.text_en:
        d = d.model_copy(update={"text": d.text_en})
    return deadline_text(d, lang)


def ended_short(scheme: Scheme, end: int, lang: Lang) -> str:
    """Say briefly that the sources describe nothing after a scheme's end."""
    key = "ended_short" if scheme.kind == "tilskudd" else "ended_short_plan"
    return phrase(key, lang, end=end)


def deadline_item(kb: KnowledgeBase, entry: DeadlineEntry, lang: Lang, *, kind: bool) -> str:
    """Render one known deadline with its year and office: '2022: 15. februar 2022 (…)'."""
    d = entry.deadline
    label = f"{DEADLINE_LABELS[d.kind][lang].lower()} " if kind else ""
    office = office_name(kb.offices[entry.office_id], lang)
    return f"– {d.year}: {label}{when(d, lang)} ({office})"


def note_text(entry: DeadlineEntry, lang: Lang) -> str | None:
    """Return a deadline's note in the answer language."""
    d = entry.deadline
    return (d.note_en or d.note) if lang == "en" else d.note


def deadline_gap(
    kb: KnowledgeBase, scheme_id: str, kind: DeadlineKind, year: int, lang: Lang
) -> Dated:
    """Say that no deadline of a kind is known for a year; give the last known ones and more."""
    entries = scheme_deadlines(kb, scheme_id, kind)
    label = DEADLINE_LABELS[kind][lang].lower()
    name = scheme_name(kb, scheme_id, lang)
    out = Dated([phrase("deadline_none", lang, kind=label, scheme=name, year=year)])
    earlier = [e for e in entries if e.deadline.year < year]
    if earlier:
        items = [deadline_item(kb, e, lang, kind=False) for e in earlier]
        out.lines.append("\n".join([phrase("deadline_known", lang), *items]))
        out.sources += [kb.provenance(e.deadline) for e in earlier]
        newest = earlier[0].deadline.year
        notes = [note_text(e, lang) for e in earlier if e.deadline.year == newest]
        out.lines += [n for n in dict.fromkeys(notes) if n]
        out.lines += pattern(earlier, year, lang)
    last = max((e.deadline.year for e in entries), default=None)
    return out.extend(later_years(kb, scheme_id, last, year, lang))


def stale_schemes(
    kb: KnowledgeBase, year: int, scheme_id: str | None = None, kind: DeadlineKind | None = None
) -> list[str]:
    """Return the schemes with deadlines, none of them in or after a year (newest year first)."""
    ids = [scheme_id] if scheme_id else list(kb.schemes)
    lasts = {sid: deadline_last(kb, sid, kind) for sid in ids}
    stale = [sid for sid in ids if after(year, lasts[sid])]
    return sorted(stale, key=lambda sid: -(lasts[sid] or 0))


def deadline_overview(
    kb: KnowledgeBase,
    year: int,
    lang: Lang,
    scheme_ids: list[str],
    kind: DeadlineKind | None = None,
    what: str = "",
) -> Dated:
    """List the last known deadlines of schemes with none in a year, grouped, newest year first."""
    out = Dated([phrase("overview_none", lang, year=year, what=what)])
    for sid in scheme_ids:
        entries = scheme_deadlines(kb, sid, kind)
        head = scheme_name(kb, sid, lang)
        end = grant_end(kb.schemes[sid])
        if end is not None and year > end:
            head += f" ({ended_short(kb.schemes[sid], end, lang)})"
        lines = [f"{head}:", *(deadline_item(kb, e, lang, kind=True) for e in entries)]
        lines += pattern(entries, year, lang)
        out.lines.append("\n".join(lines))
        out.sources += [kb.provenance(e.deadline) for e in entries]
    check = where_to_check(kb, scheme_ids, lang)
    if check:
        out.lines.append(check)
    return out


def scheme_overview(kb: KnowledgeBase, year: int, lang: Lang) -> Dated:
    """List every scheme with the years the sources cover and its last known deadline."""
    out = Dated([phrase("list_none", lang, year=year)])
    lines = []

    def newest(sid: str) -> int:
        years = scheme_years(kb, sid)
        return years[-1] if years else 0

    for sid in sorted(kb.schemes, key=lambda s: -newest(s)):
        scheme = kb.schemes[sid]
        years = scheme_years(kb, sid)
        bits = [phrase("covers", lang, years=span(years))] if years else []
        applications = scheme_deadlines(kb, sid, DeadlineKind.APPLICATION)
        if applications:
            d = applications[0].deadline
            date = when(d, lang) if d.date else f"{when(d, lang)} {d.year}"
            bits.append(phrase("last_deadline", lang, date=date))
            out.sources.append(kb.provenance(d))
        end = grant_end(scheme)
        if end is not None and year > end:
            bits.append(ended_short(scheme, end, lang))
        official = scheme.names.official if lang == "nb" else scheme_name(kb, sid, lang)
        lines.append(f"– {official}" + (f" ({'; '.join(bits)})" if bits else ""))
    out.lines.append("\n".join(lines))
    check = where_to_check(kb, list(kb.schemes), lang)
    if check:
        out.lines.append(check)
    return out
