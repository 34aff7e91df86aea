"""Deadline answers: one scheme's, the next across schemes, days left, as of a day."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import replace

from bot import asof, fmt
from bot.answer import Answer
from bot.answers import working
from bot.answers.base import AnswerBase
from bot.answers.common import (
    ANNOUNCE_ASK,
    WHEN_ASK,
    heading,
    named_thing,
    names_document,
    t,
    text_in,
)
from bot.calc import deadlines as deadline_calc
from bot.calc import results as calc_results
from bot.cards import deadline_text
from bot.text import fold, lazy_pattern
from bot.understanding.entities import extract_day_month
from bot.understanding.normalise import _stem
from bot.understanding.query import Understanding
from bot.understanding.words import APART_WORDS, DAYS_WORDS, word_pattern
from bot.vocab import DEADLINE_LABELS, Lang
from knowledge.kb import DeadlineEntry, Provenance
from knowledge.schema import DeadlineKind, Fact, Scheme, SourceDoc, Topic

# which of the deadlines named comes first or last ('går ut først', 'the latest')
FIRST_ASK = lazy_pattern(r"\b(?:forst|forste|fyrst|fyrste|tidligst\w*|first|earliest|soonest)\b")
LAST_ASK = lazy_pattern(r"\b(?:sist|siste|senest\w*|seinast\w*|last|latest)\b")
WHICH_ASK = lazy_pattern(r"\b(?:hvilken|hvilke|hvilket|kva for|kven|which)\b")
# 'hvor mange dager', 'how many days', 'uker': a distance in days asked for
DAYS_WORD = word_pattern(rf"\b{DAYS_WORDS}\b")
WEEKS_WORD = lazy_pattern(r"\b(?:uker|veker|weeks)\b")
# 'mellom', 'etter', 'senere', 'fra … til': two dates set against each other
APART_WORD = word_pattern(rf"\b{APART_WORDS}\b")

# a question that names the deadline itself ('når er søknadsfristen i utlysningen?')
ASKS_FOR_DEADLINE = lazy_pattern(r"frist|deadline|due\b")

# 'er fristen sikker?', 'is that deadline final?': whether the date is settled
CERTAIN_ASK = lazy_pattern(r"\b(?:sikker|sikkert|bekreftet|bekrefta|certain|sure|confirmed)\b")

# a month or a date named in a statement ('medio januar 2018', '15.3.2021')
DATED = word_pattern(
    lambda w: rf"\b(?:{'|'.join(m for m in w.months if len(m) > 3)})\b|\b\d{{1,2}}\.\d{{1,2}}\."
)


# a grant named by what it is for ('tilskudd til frivillig arbeid innen psykisk helse', 'the
# grant for voluntary work'), up to the end of the clause
NAMED_GRANT = lazy_pattern(
    r"\b(?:tilskudd|tilskuddet|tilskot|tilskotet|tilskuddsordning\w*|grant|grants|scheme)\s+"
    r"(?:til|for|to)\s+((?:[a-z0-9/-]+\s*){1,7})"
)


def one_scheme(entries: list[DeadlineEntry]) -> str | None:
    """The one scheme of some deadlines found by their day: the chat's scheme after them.

    'Hvilket tilskudd har frist 1. februar?' then 'hvem kan søke det?': that scheme.
    """
    found = {e.scheme_id for e in entries}
    return found.pop() if len(found) == 1 else None


class DeadlineAnswers(AnswerBase):
    """Answer deadline questions."""

    def report_deadlines(self, sid: str, intent: str, year: int | None) -> list[DeadlineEntry]:
        """Return the reporting or accounts deadlines that go with a reporting question."""
        kinds = (
            {DeadlineKind.REPORT}
            if intent == "reporting"
            else {DeadlineKind.ACCOUNTS, DeadlineKind.REPORT}
        )
        entries = [
            e for e in self.kb.deadlines() if e.scheme_id == sid and e.deadline.kind in kinds
        ]
        if intent == "audit" and any(e.deadline.kind is DeadlineKind.ACCOUNTS for e in entries):
            entries = [e for e in entries if e.deadline.kind is DeadlineKind.ACCOUNTS]
        if year is not None:
            return [
                e
                for e in entries
                if e.deadline.covers_year == year
                or (e.deadline.covers_year is None and e.deadline.year == year)
            ]
        newest = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == newest]

    def newest_deadlines(self, sid: str, year: int | None) -> list[DeadlineEntry]:
        """Return a scheme's deadlines of a year, or of the newest year it has any."""
        entries = [e for e in self.kb.deadlines() if e.scheme_id == sid]
        if year is None:
            year = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == year]

    @staticmethod
    def announcements(
        u: Understanding, scheme: Scheme, topics: list[Topic], facts: list[Fact]
    ) -> list[Fact]:
        """'Når kunngjøres ordningen?': the statements of when its call comes, of any year.

        Asked without a year, the newest facts on applying may say only where the call is
        published; a statement of another year naming the month or date it was to come out
        ('Kunngjøres tentativt medio januar 2018') answers the question asked.
        """
        if u.slots.get("year") is not None or not (
            ANNOUNCE_ASK.search(u.folded) and WHEN_ASK.search(u.folded)
        ):
            return []
        return [
            f
            for f in scheme.facts
            if f.topic in topics
            and f not in facts
            and ANNOUNCE_ASK.search(fold(f.text))
            and DATED.search(fold(f.text))
        ]

    def deadline_line(self, e: DeadlineEntry, today: dt.date, lang: Lang) -> str:
        """Render one deadline with scheme, kind, office and whether it has passed."""
        d = e.deadline
        office = asof.office_name(self.kb.offices[e.office_id], lang)
        passed = f" ({t('passed', lang)})" if d.date and d.date < today else ""
        label = DEADLINE_LABELS[d.kind][lang]
        name = asof.scheme_name(self.kb, e.scheme_id, lang)
        if lang == "en":
            # the name the scheme is applied for under, as the office's is given beside it
            name += f" ({self.kb.schemes[e.scheme_id].names.short})"
        return f"{label} {name} {d.year}: {deadline_text(d, lang)}{passed} – {office}"

    def deadline(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer when a scheme's deadline is, for a year or the newest year known."""
        kind = DeadlineKind(u.slots.get("kind", "application"))
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        year = self.deadline_year(u, today)
        if not schemes and year is not None:
            return self.deadlines_of_year(u, year, today, lang)
        if not schemes and not u.deadline_thing:
            dated = self.deadlines_on_day(u, today, lang)
            if dated is not None:
                return dated
        if not schemes and u.deadline_thing:
            what = fmt.quote(named_thing(u.text, u.deadline_thing))
            msg = (
                f"Kildene har ingen frister for {what}."
                if lang == "nb"
                else f"The sources give no deadlines for {what}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if not schemes:
            unknown = self.unknown_grant(u)
            if unknown is not None:
                return self.no_such_scheme(u, lang, unknown)
            return self.deadlines_across_schemes(u, today, lang)
        u.slots.setdefault("kind", kind.value)
        paragraphs, sources, years, answered, after = [], [], [], False, False
        other = self.other_kind_asked(u, kind, schemes, year, today)
        if other is not None:
            # 'felles søknads- og rapporteringsfrist … og i 2022?': the year has only the
            # other kind asked; that one is given, the missing one said to be missing
            year_text = f" {year}" if year else ""
            for sid in schemes:
                name = asof.scheme_name(self.kb, sid, lang)
                label = DEADLINE_LABELS[kind][lang].lower()
                paragraphs.append(t("no_deadline", lang, kind=label, scheme=name, year=year_text))
            kind = other
        firsts: list[tuple[dt.date, str]] = []
        for sid in schemes:
            entries = [e for e in self.kb.deadlines() if e.scheme_id == sid]
            of_kind = [e for e in entries if e.deadline.kind == kind]
            chosen = self.choose_deadlines(of_kind, year, today)
            gap = self.deadline_gap(sid, kind, of_kind, chosen, year, today, lang)
            if gap is not None:
                # nothing for the year asked (or today's): the last known ones, with their years;
                # 'neste år' is answered so too, unless the sources say the scheme ends before
                paragraphs += gap.lines
                sources += gap.sources
                answered = answered or any(not e.deadline.unknown for e in of_kind)
                after = True
                continue
            if not chosen:
                label = DEADLINE_LABELS[kind][lang].lower()
                known = sorted({e.deadline.year for e in of_kind})
                year_text = f" {year}" if year else ""
                name = asof.scheme_name(self.kb, sid, lang)
                line = t("no_deadline", lang, kind=label, scheme=name, year=year_text)
                if known:
                    line += (
                        (" Kjente år: " if lang == "nb" else " Known years: ")
                        + ", ".join(map(str, known))
                        + "."
                    )
                paragraphs.append(line)
                # 'kunngjøres tentativt medio januar 2018': when the year's call was to come
                told = self.facts(self.kb.schemes[sid], [Topic.APPLY_HOW], year) if year else []
                for fact in told:
                    paragraphs.append(text_in(fact, lang))
                    sources.append(self.kb.provenance(fact))
                answered = answered or bool(told and ANNOUNCE_ASK.search(u.folded))
                continue
            # a deadline the source does not know ('????') answers nothing
            answered = answered or any(not e.deadline.unknown for e in chosen)
            dates = [e.deadline.date for e in chosen if e.deadline.date and not e.deadline.unknown]
            if dates:
                firsts.append((min(dates), sid))
            given = [e for e in chosen if not e.deadline.unknown]
            if given and CERTAIN_ASK.search(u.folded):
                # 'er den fristen sikker?': no, when the source gives it with a reservation
                unsure = all(e.deadline.tentative for e in given)
                paragraphs.append(t("deadline_unsure" if unsure else "deadline_firm", lang))
            for e in sorted(chosen, key=lambda e: e.office_id):
                paragraphs.append(self.deadline_line(e, today, lang))
                note = (e.deadline.note_en or e.deadline.note) if lang == "en" else e.deadline.note
                if note:
                    paragraphs.append(note)
                sources.append(self.kb.provenance(e.deadline))
                years.append(e.deadline.year)
            if kind != DeadlineKind.APPLICATION:
                # what is to be reported or audited by that deadline, as the same source says
                for fact in self.report_facts(sid, chosen, paragraphs):
                    paragraphs.append(text_in(fact, lang))
                    sources.append(self.kb.provenance(fact))
        stated = self.stated_date_elsewhere(u, schemes, kind, today, lang)
        check = asof.phrase("check", lang, where="").split(" hos ")[0].split(" with ")[0]
        at = next((i for i, p in enumerate(paragraphs) if p.startswith(check)), len(paragraphs))
        paragraphs[at:at] = stated
        sources += [self.kb.provenance(e.deadline) for e in self.on_stated_date(u, schemes, kind)]
        if kind == DeadlineKind.APPLICATION and not ASKS_FOR_DEADLINE.search(u.folded):
            # 'when is it announced?': when the call was to come, before the deadline it sets
            announced = [
                (of, said)
                for of in schemes
                for said in self.announcements(u, self.kb.schemes[of], [Topic.APPLY_HOW], [])
            ]
            for of, said in reversed(announced):
                name = heading(asof.scheme_name(self.kb, of, lang))
                paragraphs.insert(0, f"{name}, {said.years.label()}: {text_in(said, lang)}")
                sources.insert(0, self.kb.provenance(said))
        first = FIRST_ASK.search(u.folded)
        ranked = WHICH_ASK.search(u.folded) and (first or LAST_ASK.search(u.folded))
        if ranked and len(schemes) >= 2 and len(firsts) == len(dict.fromkeys(schemes)):
            # 'hvilken av de tre går ut først?': the named schemes' deadlines in order
            pick = min if first else max
            day, sid = pick(firsts)
            name = asof.scheme_name(self.kb, sid, lang)
            when = fmt.long_date(day, lang)
            paragraphs.insert(
                0,
                (f"Først ut: {name} – {when}." if pick is min else f"Sist ut: {name} – {when}.")
                if lang == "nb"
                else (f"First: {name} – {when}." if pick is min else f"Last: {name} – {when}."),
            )
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered,
            scheme=schemes[0] if len(schemes) == 1 else None,
            after_sources=after,
        )

    def on_stated_date(
        self, u: Understanding, schemes: list[str], kind: DeadlineKind
    ) -> list[DeadlineEntry]:
        """Other schemes' deadlines on a date the question states, when none asked has it."""
        stated = u.slots.get("date")
        if not (isinstance(stated, tuple) and len(stated) == 3):
            return []
        day = dt.date(*stated)
        on_day = [
            e for e in self.kb.deadlines() if e.deadline.date == day and e.deadline.kind == kind
        ]
        if any(e.scheme_id in schemes for e in on_day):
            return []
        return on_day

    def stated_date_elsewhere(
        self, u: Understanding, schemes: list[str], kind: DeadlineKind, today: dt.date, lang: Lang
    ) -> list[str]:
        """Say whose deadline a stated date is when it is none of the schemes asked.

        'Is the deadline of 31 March 2022 for the new grant confirmed?': the new grant's is
        April(?); 31 March 2022 is the (uncertain) deadline of the adults' and children's.
        """
        entries = self.on_stated_date(u, schemes, kind)
        if not entries:
            return []
        when = fmt.long_date(entries[0].deadline.date or today, lang)
        names = fmt.join([asof.scheme_name(self.kb, sid, lang) for sid in schemes], lang)
        lead = (
            f"Kildene gir ikke {when} som frist for {names}; den fristen står for:"
            if lang == "nb"
            else f"The sources do not give {when} as a deadline for the {names}; that "
            "deadline is given for:"
        )
        return [lead, *(self.deadline_line(e, today, lang) for e in entries)]

    def other_kind_asked(
        self,
        u: Understanding,
        kind: DeadlineKind,
        schemes: list[str],
        year: int | None,
        today: dt.date,
    ) -> DeadlineKind | None:
        """The other of two kinds asked together, when only it has deadlines in the year."""
        asked = [DeadlineKind(k) for k in u.slots.get("kinds", ())]
        if year is None or kind not in asked or len(asked) < 2:
            return None

        def has(of: DeadlineKind) -> bool:
            entries = [e for e in self.kb.deadlines() if e.deadline.kind == of]
            return all(
                self.choose_deadlines([e for e in entries if e.scheme_id == sid], year, today)
                for sid in schemes
            )

        if has(kind):
            return None
        return next((k for k in asked if k != kind and has(k)), None)

    def deadlines_on_day(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """'Hvilket tilskudd har søknadsfrist 1. november?': the deadlines of every year on
        that day, each with the note of the row it is printed in; None when no day is named
        or no deadline falls on it."""
        day_month = extract_day_month(u.folded)
        if day_month is None:
            return None
        asked = u.slots.get("kind")
        day, month = day_month
        entries = [
            e
            for e in self.kb.deadlines()
            if e.deadline.date
            and (e.deadline.date.day, e.deadline.date.month) == (day, month)
            and (asked is None or e.deadline.kind.value == asked)
        ]
        if not entries:
            return None
        order = list(self.kb.schemes)
        entries.sort(key=lambda e: (e.deadline.year, order.index(e.scheme_id), e.office_id))
        paragraphs: list[str] = []
        for e in entries:
            paragraphs.append(self.deadline_line(e, today, lang))
            note = (e.deadline.note_en or e.deadline.note) if lang == "en" else e.deadline.note
            if note and note not in paragraphs:
                paragraphs.append(note)
        sources = [self.kb.provenance(e.deadline) for e in entries]
        scheme = one_scheme(entries)
        return self.answer(u, lang, paragraphs, sources=sources, answered=True, scheme=scheme)

    def report_facts(self, sid: str, chosen: list[DeadlineEntry], said: list[str]) -> list[Fact]:
        """The reporting and audit facts of a report deadline's source and year, not yet said."""
        out: list[Fact] = []
        body = " ".join(said)
        for e in chosen:
            for fact in self.kb.schemes[sid].facts:
                if fact.topic not in (Topic.REPORTING, Topic.AUDIT) or fact in out:
                    continue
                same = fact.source == e.deadline.source and fact.years.contains(e.deadline.year)
                if same and fact.text[:40] not in body:
                    out.append(fact)
        return out[:3]

    def deadlines_of_year(self, u: Understanding, year: int, today: dt.date, lang: Lang) -> Answer:
        """List every scheme's deadlines in a year ('hvilke frister er det i 2022?')."""
        asked = u.slots.get("kind")
        entries = [
            e
            for e in self.kb.deadlines()
            if e.deadline.year == year and (asked is None or e.deadline.kind.value == asked)
        ]
        month = u.slots.get("month")
        day_month = extract_day_month(u.folded)
        if day_month is not None:
            month = day_month[1]
        if isinstance(month, int) and entries:
            # 'hvilke frister er i februar 2022?', '… har frist 15. februar?': the dated
            # deadlines of that month (and day) only
            in_month = [
                e
                for e in entries
                if e.deadline.date
                and e.deadline.date.month == month
                and (day_month is None or e.deadline.date.day == day_month[0])
            ]
            if not in_month:
                name = fmt.MONTHS[lang][month - 1]
                msg = (
                    f"Jeg kjenner ingen frister i {name} {year}."
                    if lang == "nb"
                    else f"I know of no deadlines in {name} {year}."
                )
                lines = [msg, *(self.deadline_line(e, today, lang) for e in entries)]
                return self.answer(u, lang, lines, answered=False)
            entries = in_month
        if not entries and asof.stale_schemes(self.kb, year):
            return self.deadlines_after(u, year, asked, lang)
        if not entries:
            known = sorted({e.deadline.year for e in self.kb.deadlines()})
            msg = (
                f"Jeg kjenner ingen frister for {year}. Kjente år: {', '.join(map(str, known))}."
                if lang == "nb"
                else f"I know of no deadlines for {year}. Known years: "
                f"{', '.join(map(str, known))}."
            )
            return self.answer(u, lang, [msg], answered=False)
        order = list(self.kb.schemes)
        entries.sort(key=lambda e: (order.index(e.scheme_id), e.deadline.kind.value, e.office_id))
        paragraphs = [self.deadline_line(e, today, lang) for e in entries]
        if day_month is not None:
            # '… har søknadsfrist 1. april?': the schemes of that day, each with the note of
            # the row it is printed in ('«Kompetanse og innovasjonstilskudd – Kommuner – 1. april»')
            paragraphs = []
            for e in entries:
                paragraphs.append(self.deadline_line(e, today, lang))
                note = (e.deadline.note_en or e.deadline.note) if lang == "en" else e.deadline.note
                if note and note not in paragraphs:
                    paragraphs.append(note)
        sources = [self.kb.provenance(e.deadline) for e in entries]
        scheme = one_scheme(entries) if day_month is not None else None
        return self.answer(u, lang, paragraphs, sources=sources, answered=True, scheme=scheme)

    @staticmethod
    def choose_deadlines(
        entries: list[DeadlineEntry], year: int | None, today: dt.date
    ) -> list[DeadlineEntry]:
        """Pick the deadlines a question means.

        With a year: that year's, else those whose report covers that grant year. Without:
        the next dated ones from today, else the newest year known.
        """
        if year is not None:
            exact = [e for e in entries if e.deadline.year == year]
            return exact or [e for e in entries if e.deadline.covers_year == year]
        upcoming = [e for e in entries if e.deadline.date and e.deadline.date >= today]
        if upcoming:
            first = min(e.deadline.date for e in upcoming if e.deadline.date)
            return [e for e in upcoming if e.deadline.date == first]
        newest = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == newest]

    def next_deadline(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List the next dated deadlines after today (or a given date), or the newest known."""
        day = self.as_of(u, today)
        outlook = deadline_calc.upcoming_deadlines(
            self.kb,
            day,
            scheme_id=u.scheme,
            kind=u.slots.get("kind") if u.scheme else None,
            office=u.slots.get("office"),
            limit=6,
        )
        later = self.outlook_after(u, outlook, lang)
        if later is not None:
            return later
        sources = [i.source for i in (*outlook.upcoming, *outlook.undated, *outlook.latest_known)]
        return self.answer(
            u,
            lang,
            [working.render_outlook(outlook, lang)],
            sources=sources,
            answered=bool(outlook.upcoming),
        )

    def unknown_grant(self, u: Understanding) -> str | None:
        """The grant a question names that no scheme's name speaks of, as written ('tilskudd
        til frivillig arbeid innen psykisk helse'), or None.

        A grant named by what it is for, with a content word no scheme's names hold, is a
        scheme the sources do not have; its deadline is not any other scheme's.
        """
        found = NAMED_GRANT.search(u.folded)
        if found is None:
            return None
        words = [
            w
            for w in re.findall(r"[a-z]+", found.group(1))
            if len(w) >= 4 and w not in self.plain_words and w not in self.place_words
        ]
        named = {_stem(w) for w in re.findall(r"[a-z]+", self.name_text) if len(w) >= 4}
        if len(words) < 2 or all(_stem(w) in named for w in words):
            return None
        return found.group(1).strip()

    def no_such_scheme(self, u: Understanding, lang: Lang, named: str) -> Answer:
        """Say the sources hold no scheme by that name, and which schemes they hold."""
        names = ", ".join(asof.scheme_name(self.kb, sid, lang) for sid in self.kb.schemes)
        said = fmt.quote(named_thing(u.text, named))
        msg = (
            f"Kildene mine har ingen ordning for {said}, og derfor ingen frister for den. "
            f"Ordningene de har, er: {names}."
            if lang == "nb"
            else f"My sources have no scheme for {said}, so no deadlines for it. The schemes "
            f"they have are: {names}."
        )
        return self.answer(u, lang, [msg], answered=False)

    def deadlines_across_schemes(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List, for every scheme, its next deadline of each kind, else the last one known.

        A deadline question that names no scheme ('når er fristen?') is answered for all of
        them, each deadline with its year and whether it has passed as of the day asked.
        """
        day = self.as_of(u, today)
        outlook = deadline_calc.upcoming_deadlines(self.kb, day, kind=u.slots.get("kind"))
        chosen: dict[tuple[str, str], list[calc_results.DeadlineItem]] = {}
        for item in outlook.upcoming:
            key = (item.scheme_id, item.kind.value)
            first = chosen.setdefault(key, [item])[0]
            if item is not first and item.date == first.date:
                chosen[key].append(item)
        for item in (*outlook.undated, *outlook.latest_known):
            chosen.setdefault((item.scheme_id, item.kind.value), []).append(item)
        order = list(self.kb.schemes)
        kinds = [k.value for k in DeadlineKind]
        items = [
            item
            for key in sorted(chosen, key=lambda k: (order.index(k[0]), kinds.index(k[1])))
            for item in chosen[key]
        ]
        nb = lang == "nb"
        date = fmt.long_date(day, lang)
        head = (
            f"Neste eller siste kjente frist for hver ordning, per {date}:"
            if nb
            else f"The next or latest known deadline of each scheme, as of {date}:"
        )
        lines = [head] + [f"- {working.render_deadline(i, lang)}" for i in items]
        if outlook.outdated:
            year = outlook.newest_source_year
            lines.append(
                f"Kildene er fra {year} og eldre; sjekk nye frister hos statsforvalteren."
                if nb
                else f"The sources date from {year} or earlier; check current deadlines with "
                "the county governor."
            )
        return self.answer(
            u, lang, ["\n".join(lines)], sources=[i.source for i in items], answered=bool(items)
        )

    def deadline_pair(self, u: Understanding) -> list[tuple[str, DeadlineKind, int]] | None:
        """Return the two deadlines (scheme, kind, year) a question sets apart, or None.

        One scheme's deadline in two years ('fristen i 2022 mot fristen i 2021'), two kinds in
        one year ('mellom søknadsfristen og rapporteringsfristen i 2021') or two schemes' in
        one year ('fra NAV-fristen til rusarbeid-fristen i 2020').
        """
        s = u.slots
        if not (DAYS_WORD.search(u.folded) and APART_WORD.search(u.folded)):
            return None
        with_deadlines = {e.scheme_id for e in self.kb.deadlines()}
        schemes = [sid for sid in dict.fromkeys(u.schemes_mentioned) if sid in with_deadlines]
        if not schemes and u.scheme in with_deadlines:
            schemes = [u.scheme]
        kinds = [DeadlineKind(k) for k in s.get("kinds", ())] or [
            DeadlineKind(s.get("kind", "application"))
        ]
        first, second, year = s.get("year_from"), s.get("year_to"), s.get("year")
        if (
            len(schemes) == 1
            and len(kinds) == 1
            and isinstance(first, int)
            and isinstance(second, int)
        ):
            return [(schemes[0], kinds[0], first), (schemes[0], kinds[0], second)]
        if len(schemes) == 1 and len(kinds) == 2 and isinstance(year, int):
            return [(schemes[0], kinds[0], year), (schemes[0], kinds[1], year)]
        if len(schemes) == 2 and len(kinds) == 1 and isinstance(year, int):
            return [(schemes[0], kinds[0], year), (schemes[1], kinds[0], year)]
        return None

    def deadlines_apart(self, u: Understanding, lang: Lang) -> Answer | None:
        """Answer how many days lie between two deadlines, or None if that is not asked.

        The days from the one date to the other, and, for two years, how much later in the
        year the second fell (date against date). One dated deadline for each, or declined.
        """
        pair = self.deadline_pair(u)
        if pair is None:
            return None
        found: list[DeadlineEntry] = []
        for sid, kind, year in pair:
            dated = [
                e
                for e in self.kb.deadlines()
                if e.scheme_id == sid
                and e.deadline.kind == kind
                and e.deadline.year == year
                and e.deadline.date is not None
            ]
            if len({e.deadline.date for e in dated}) != 1:
                # none, or several dates (offices) for that deadline: no one distance
                label = DEADLINE_LABELS[kind][lang].lower()
                name = asof.scheme_name(self.kb, sid, lang)
                msg = (
                    f"Jeg finner ikke én datert {label} for {name} i {year}, så jeg kan ikke "
                    "regne ut avstanden mellom fristene."
                    if lang == "nb"
                    else f"I do not find one dated {label} for the {name} in {year}, so I "
                    "cannot work out the distance between the deadlines."
                )
                return self.answer(u, lang, [msg], answered=False)
            found.append(dated[0])
        a, b = found
        assert a.deadline.date is not None and b.deadline.date is not None
        between, later = deadline_calc.deadline_shift(a.deadline.date, b.deadline.date)
        nb = lang == "nb"
        lines = []
        for e in found:
            label = DEADLINE_LABELS[e.deadline.kind][lang]
            name = asof.scheme_name(self.kb, e.scheme_id, lang)
            day = fmt.long_date(e.deadline.date, lang) if e.deadline.date else ""
            lines.append(f"{label} for {name}: {day}." if nb else f"{label}, the {name}: {day}.")
        weeks = (
            (
                f" ({between // 7} uker og {between % 7} dager)"
                if nb
                else f" ({between // 7} weeks and {between % 7} days)"
            )
            if WEEKS_WORD.search(u.folded) and abs(between) >= 7
            else ""
        )
        lines.append(
            f"Fra den første til den andre datoen er det {between} dager{weeks}."
            if nb
            else f"From the first date to the second it is {between} days{weeks}."
        )
        if a.deadline.year != b.deadline.year:
            if nb:
                shift = (
                    f"{later} dager senere på året"
                    if later > 0
                    else (f"{-later} dager tidligere på året" if later < 0 else "på samme dato")
                )
                lines.append(
                    f"Dato mot dato kom fristen i {b.deadline.year} {shift} enn i "
                    f"{a.deadline.year}."
                )
            else:
                shift = (
                    f"{later} days later in the year"
                    if later > 0
                    else (f"{-later} days earlier in the year" if later < 0 else "on the same date")
                )
                lines.append(
                    f"Date against date, the {b.deadline.year} deadline came {shift} than the "
                    f"{a.deadline.year} one."
                )
        if a.office_id != b.office_id:
            offices = [self.kb.offices[e.office_id].name for e in (a, b)]
            lines.append(
                f"Fristene er fra ulike embeter: {offices[0]} og {offices[1]}."
                if nb
                else f"The deadlines are from different offices: {offices[0]} and {offices[1]}."
            )
        sources = [self.kb.provenance(a.deadline), self.kb.provenance(b.deadline)]
        return self.answer(u, lang, lines, sources=sources)

    def named_document(self, u: Understanding, dated: bool = True) -> SourceDoc | None:
        """Return the one dated source document a question names, or None.

        A document is named by the head of its title ('søknadsverkstedet': «Søknadsverksted:
        …») or by a word for its kind (words.yaml: documents) beside the office that held it
        ('Agder-presentasjonen'). Undated documents have no date to count from.
        """
        tokens = re.findall(r"[a-z0-9]+", u.folded)
        padded = f" {' '.join(tokens)} "
        words = self.kb.language.documents if self.kb.language else {}
        office = u.slots.get("office")
        named = []
        for doc in self.kb.sources.values():
            if doc.kind == "admin" or (dated and doc.date is None):
                continue
            by_title = names_document(tokens, doc.title) or bool(
                doc.title_en and names_document(tokens, doc.title_en)
            )
            by_kind = doc.office == office and any(
                f" {' '.join(re.findall(r'[a-z0-9]+', fold(w)))} " in padded
                for w in words.get(doc.kind, [])
            )
            if by_title or by_kind:
                named.append(doc)
        return named[0] if len(named) == 1 else None

    @functools.cached_property
    def _still_valid_words(self) -> list[frozenset[str]]:
        """The words of each entry of words.yaml's still_valid, folded (once)."""
        entries = self.kb.language.still_valid if self.kb.language else []
        return [frozenset(re.findall(r"[a-z0-9]+", fold(w))) for w in entries]

    def document_still_valid(self, u: Understanding, lang: Lang) -> Answer | None:
        """'Gjelder 2022-oppdateringen fortsatt?': the document and its date, then a decline.

        Whether a document still holds today is nothing the sources say; the bot names it, says
        what the newest source is, and that it holds nothing newer. Asked by the words of an
        entry of words.yaml: still_valid, in any order ('gjelder den … fortsatt').
        """
        tokens = set(re.findall(r"[a-z0-9]+", u.folded))
        if not any(words <= tokens for words in self._still_valid_words):
            return None
        doc = self.named_document(u, dated=False)
        if doc is None:
            return None
        nb = lang == "nb"
        office = asof.office_name(self.kb.offices[doc.office], lang)
        title = doc.title if nb else (doc.title_en or doc.title)
        when = doc.date_text if nb else (doc.date_text_en or doc.date_text)
        dated = [d for d in self.kb.sources.values() if d.kind != "admin" and d.date]
        newest = max(dated, key=lambda d: d.date or dt.date.min) if dated else doc
        newest_when = newest.date_text if nb else (newest.date_text_en or newest.date_text)
        if nb:
            lines = [
                f"«{title}» er fra {office}, {when}.",
                (
                    "Det er det nyeste kildene mine har; de har ingenting nyere"
                    if newest is doc
                    else f"Den nyeste kilden min er fra {newest_when}; kildene har ingenting nyere"
                )
                + ", så jeg kan ikke si om det fortsatt gjelder i dag. Sjekk gjeldende "
                "utlysning hos statsforvalteren.",
            ]
        else:
            lines = [
                f"«{title}» is from {office}, {when}.",
                (
                    "It is the newest of my sources; they hold nothing newer"
                    if newest is doc
                    else f"My newest source is from {newest_when}; they hold nothing newer"
                )
                + ", so I cannot say whether it still holds today. Check the current "
                "announcement with the county governor.",
            ]
        return self.answer(u, lang, lines, answered=False)

    def document_to_deadline(self, u: Understanding, lang: Lang) -> Answer | None:
        """Answer how many days lie between a dated source document and a deadline, or None.

        'Hvor mange dager før fristen ble Agder-presentasjonen holdt?': the document's date
        (sources.yaml) against the one date of the scheme's deadline of the year asked (the
        document's office's deadline first). Asked only with a word for days or for how long.
        """
        durations = self.kb.language.durations if self.kb.language else []
        if not (
            DAYS_WORD.search(u.folded) or any(fold(w) in u.folded for w in durations)
        ) or not APART_WORD.search(u.folded):
            return None
        schemes = list(dict.fromkeys(u.schemes_mentioned)) or ([u.scheme] if u.scheme else [])
        if len(schemes) != 1 or not ASKS_FOR_DEADLINE.search(u.folded):
            return None
        doc = self.named_document(u)
        if doc is None or doc.date is None:
            return None
        kind = DeadlineKind(u.slots.get("kind", "application"))
        year = u.slots.get("year")
        year = year if isinstance(year, int) else doc.date.year
        dated = [
            e
            for e in self.kb.deadlines()
            if e.scheme_id == schemes[0]
            and e.deadline.kind == kind
            and e.deadline.year == year
            and e.deadline.date is not None
        ]
        own = [e for e in dated if e.office_id == doc.office]
        dated = own or dated
        if len({e.deadline.date for e in dated}) != 1:
            return None
        entry = dated[0]
        assert entry.deadline.date is not None
        between = (entry.deadline.date - doc.date).days
        nb = lang == "nb"
        office = self.kb.offices[doc.office]
        title = (doc.title_en or doc.title) if not nb else doc.title
        when = fmt.long_date(doc.date, lang)
        label = DEADLINE_LABELS[kind][lang]
        name = asof.scheme_name(self.kb, schemes[0], lang)
        day = fmt.long_date(entry.deadline.date, lang)
        lines = [
            f"«{title}» ({asof.office_name(office, lang)}) er datert {when}."
            if nb
            else f"«{title}» ({asof.office_name(office, lang)}) is dated {when}.",
            f"{label} for {name} {year}: {day}." if nb else f"{label}, the {name} {year}: {day}.",
        ]
        if nb:
            lines.append(
                f"Dokumentet er {between} dager før fristen."
                if between > 0
                else f"Dokumentet er {-between} dager etter fristen."
                if between < 0
                else "Dokumentet er fra samme dag som fristen."
            )
        else:
            lines.append(
                f"The document is {between} days before the deadline."
                if between > 0
                else f"The document is {-between} days after the deadline."
                if between < 0
                else "The document is from the day of the deadline."
            )
        prov = Provenance(
            doc.file,
            doc.title,
            doc.date_text,
            doc.date,
            office.id,
            office.name,
            title_en=doc.title_en,
            date_text_en=doc.date_text_en,
            office_name_en=office.name_en,
        )
        return self.answer(u, lang, lines, sources=[prov, self.kb.provenance(entry.deadline)])

    def days_left(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Say how many days are left until the next deadline (of a scheme).

        Asked of a year ('rekker vi det i år?') whose deadlines of the scheme have all passed,
        it is that year's deadline, said to be passed, not the next year's.
        """
        day = self.as_of(u, today)
        year = self.deadline_year(u, day)
        passed: list[dt.date] = []
        if u.scheme:
            kind = DeadlineKind(u.slots.get("kind", "application"))
            dated = [
                e.deadline.date
                for e in self.kb.deadlines()
                if e.scheme_id == u.scheme
                and e.deadline.kind == kind
                and e.deadline.year == (year or day.year)
            ]
            passed = sorted({d for d in dated if d is not None and d < day})
            if year is not None and dated and len(passed) == len(dated):
                return self.deadline(u, day, lang)
        outlook = deadline_calc.upcoming_deadlines(
            self.kb, day, scheme_id=u.scheme, kind=u.slots.get("kind", "application"), limit=3
        )
        if outlook.upcoming:
            first = outlook.upcoming[0]
            days = first.days_left or 0
            head = (
                f"Det er {days} dager igjen til fristen."
                if lang == "nb"
                else f"There are {days} days left until the deadline."
            )
            lines = [head] + [working.render_deadline(i, lang) for i in outlook.upcoming]
            if passed and year is None:
                # this year's deadline is behind us: say so before the next one
                when = fmt.long_date(passed[-1], lang)
                lines.insert(
                    0,
                    f"Fristen i {day.year} ({when}) er passert."
                    if lang == "nb"
                    else f"The {day.year} deadline ({when}) has passed.",
                )
            return self.answer(
                u,
                lang,
                lines,
                sources=[i.source for i in outlook.upcoming],
                scheme=u.scheme or first.scheme_id,
            )
        later = self.outlook_after(u, outlook, lang)
        if later is not None:
            return later
        sources = [i.source for i in outlook.latest_known]
        return self.answer(
            u,
            lang,
            [working.render_outlook(outlook, lang)],
            sources=sources,
            answered=bool(outlook.latest_known),
            after_sources=True,
        )

    def deadline_year(self, u: Understanding, today: dt.date) -> int | None:
        """Return the year a deadline question names, today's for 'i år' / 'this year', or None.

        'neste år' / 'i fjor' / 'next year' count from today, so a deadline asked for next
        year is that year's, not the newest one known.
        """
        year = u.slots.get("year")
        if year is None and isinstance(u.slots.get("year_rel"), int):
            return today.year + int(u.slots["year_rel"])
        if year is None and asof.asks_this_year(u.folded):
            return today.year
        return year if isinstance(year, int) else None

    def deadline_gap(
        self,
        sid: str,
        kind: DeadlineKind,
        of_kind: list[DeadlineEntry],
        chosen: list[DeadlineEntry],
        year: int | None,
        today: dt.date,
        lang: Lang,
    ) -> asof.Dated | None:
        """Say that no deadline is known for the year asked (or today's), or None if one is."""
        target = year if year is not None else today.year
        last = max((e.deadline.year for e in of_kind), default=None)
        if not asof.after(target, last):
            return None
        if year is None and any(e.deadline.date and e.deadline.date >= today for e in chosen):
            return None
        return asof.deadline_gap(self.kb, sid, kind, target, lang)

    def deadlines_after(self, u: Understanding, year: int, kind: str | None, lang: Lang) -> Answer:
        """Answer 'hvilke frister er det i år?' for a year after every deadline in the sources."""
        wanted = DeadlineKind(kind) if kind else None
        stale = asof.stale_schemes(self.kb, year, kind=wanted)
        overview = asof.deadline_overview(self.kb, year, lang, stale, wanted)
        return self.answer(
            u,
            lang,
            overview.lines,
            sources=overview.sources,
            answered=bool(overview.sources),
            after_sources=True,
        )

    def outlook_after(
        self, u: Understanding, outlook: calc_results.DeadlineOutlook, lang: Lang
    ) -> Answer | None:
        """Answer /frister, 'neste frist' or 'rekker vi fortsatt' in a year after the sources.

        The schemes with no deadline in the year are grouped, newest known year first, with
        where to check; deadlines still to come (one a caseworker added) are shown first, as
        before. None when every scheme asked about has a deadline in the year.
        """
        day = outlook.today
        kind_value = u.slots.get("kind") if u.scheme else None
        kind = DeadlineKind(kind_value) if kind_value else None
        stale = asof.stale_schemes(self.kb, day.year, u.scheme, kind)
        office = outlook.filters.get("office")
        if office:  # 'neste frist i Innlandet': the schemes that office gave deadlines for
            stale = [
                sid
                for sid in stale
                if any(e.office_id == office for e in asof.scheme_deadlines(self.kb, sid, kind))
            ]
        if not stale:
            return None
        paragraphs: list[str] = []
        rest = replace(
            outlook,
            latest_known=tuple(i for i in outlook.latest_known if i.scheme_id not in stale),
            newest_source_year=max(outlook.newest_source_year, day.year),
        )
        if rest.upcoming or rest.undated or rest.latest_known:
            paragraphs.append(working.render_outlook(rest, lang))
        what = f" for {asof.scheme_name(self.kb, u.scheme, lang)}" if u.scheme else ""
        overview = asof.deadline_overview(self.kb, day.year, lang, stale, kind, what)
        shown = (*rest.upcoming, *rest.undated, *rest.latest_known)
        sources = [i.source for i in shown] + overview.sources
        return self.answer(
            u,
            lang,
            paragraphs + overview.lines,
            sources=sources,
            answered=bool(shown or overview.sources),
            scheme=u.scheme,
            after_sources=True,
        )
