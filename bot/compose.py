"""Compose answers from an Understanding: facts by year, deadlines, figures, sources.

Every answer names the year its facts apply to and the source document and
office; when the as-of date is later than those facts, it says they may have
changed. What the knowledge base does not hold is never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from fractions import Fraction

from bot import calc, fmt
from bot.answer import Answer, Option, unique_sources
from bot.cards import deadline_text
from bot.nlu import Understanding
from bot.vocab import DEADLINE_LABELS, TOPIC_LABELS, Lang
from knowledge.kb import DeadlineEntry, KnowledgeBase, Provenance
from knowledge.schema import DeadlineKind, Fact, FlatRule, Scheme, Topic

CONFIDENCE_THRESHOLD = 0.5
FRAMEWORK_SCHEME = "opptrappingsplan-rusfeltet"
STATISTICS_TABLE = "nav-sosialtjenestetall"

INTENT_TOPICS: dict[str, list[Topic]] = {
    "who_may_apply": [Topic.WHO_MAY_APPLY],
    "funds": [Topic.FUNDS],
    "not_funded": [Topic.NOT_FUNDED],
    "priorities": [Topic.PRIORITIES],
    "reporting": [Topic.REPORTING],
    "audit": [Topic.AUDIT],
    "appeal": [Topic.APPEAL],
    "purpose": [Topic.PURPOSE, Topic.TARGET_GROUP],
    "status": [Topic.STATUS],
    "apply_how": [Topic.APPLY_HOW],
}

T: dict[str, dict[Lang, str]] = {
    "stale": {
        "nb": "Merk: Opplysningene er fra {year} og kan ha endret seg siden. Sjekk gjeldende "
        "utlysning hos Statsforvalteren.",
        "en": "Note: this information is from {year} and may have changed since. Check the "
        "current announcement with the county governor.",
    },
    "which_scheme": {
        "nb": "Hvilken ordning gjelder det?",
        "en": "Which scheme do you mean?",
    },
    "no_facts_year": {
        "nb": "Jeg har ingen opplysninger om «{topic}» for {scheme} i {year}. "
        "Kildene mine dekker {years}.",
        "en": "I have no information on “{topic}” for {scheme} in {year}. "
        "My sources cover {years}.",
    },
    "no_facts": {
        "nb": "Kildene mine sier ingenting om «{topic}» for {scheme}.",
        "en": "My sources say nothing about “{topic}” for {scheme}.",
    },
    "dont_know": {
        "nb": "Det vet jeg ikke – det står ikke i kildene jeg bygger på. Jeg kan svare på "
        "tilskuddsordningene for rus og psykisk helse og NAV-kontorenes sosiale tjenester: "
        "satser og beregning (f.eks. «hva får vi i år 3 for 2 årsverk?»), søknads- og "
        "rapporteringsfrister, hvem som kan søke, hva som dekkes, klagerett, kontakter, "
        "økningen i rammen per kommune i Agder 2016–2020 og NAVs sosialtjenestetall.",
        "en": "I don't know that – it is not in the sources I rely on. I can answer about the "
        "grant schemes for substance abuse and mental health work and the NAV offices' "
        "social services: rates and calculations (e.g. “how much do we get in year 3 for "
        "2 FTE?”), application and reporting deadlines, who may apply, what is funded, "
        "appeal rights, contacts, the framework increases per Agder municipality "
        "2016–2020 and NAV's social services statistics.",
    },
    "unsure": {
        "nb": "Jeg er ikke sikker på hva du spør om, så jeg vil ikke gjette.",
        "en": "I'm not sure what you are asking, so I won't guess.",
    },
    "passed": {"nb": "passert", "en": "passed"},
    "no_deadline": {
        "nb": "Jeg kjenner ingen {kind} for {scheme}{year}.",
        "en": "I know of no {kind} for {scheme}{year}.",
    },
}


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """Return a phrase in the answer language, filled in."""
    return T[key][lang].format(**kwargs)


class Composer:
    """Turn an Understanding into an Answer, using the knowledge base and calculations."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Keep the knowledge base; register the intent handlers."""
        self.kb = kb
        self.handlers: dict[str, Callable[[Understanding, dt.date, Lang], Answer]] = {
            "deadline": self.deadline,
            "next_deadline": self.next_deadline,
            "days_left": self.days_left,
            "contact": self.contact,
            "appropriation": self.appropriation,
            "budget": self.budget,
            "list_schemes": self.list_schemes,
            "scheme_info": self.scheme_info,
            "faq": self.faq,
            "greeting": self.greeting,
            "help": self.help,
        }
        for intent in INTENT_TOPICS:
            self.handlers[intent] = self.topic_facts
        for intent in ("amount", "total", "own_share"):
            self.handlers[intent] = self.figures
        for intent in ("framework", "framework_sum", "framework_ranking"):
            self.handlers[intent] = self.framework
        self.handlers["statistics"] = self.statistics

    # --- helpers ---

    def answer(
        self,
        u: Understanding,
        lang: Lang,
        paragraphs: list[str],
        *,
        sources: Iterable[Provenance] = (),
        answered: bool = True,
        title: str | None = None,
        scheme: str | None = None,
        options: list[Option] | None = None,
    ) -> Answer:
        """Build an Answer carrying the understanding's intent, slots and confidence."""
        return Answer(
            intent=u.intent,
            answered=answered,
            confidence=u.confidence,
            lang=lang,
            paragraphs=paragraphs,
            title=title,
            scheme=scheme if scheme else u.scheme,
            sources=unique_sources(list(sources)),
            options=options or [],
            slots=dict(u.slots),
        )

    def name(self, scheme_id: str) -> str:
        """Return the short name of a scheme."""
        return self.kb.schemes[scheme_id].names.short

    def stale(self, year: int, today: dt.date, lang: Lang) -> list[str]:
        """Say the facts may have changed when today is after their year."""
        return [t("stale", lang, year=year)] if today.year > year else []

    def dont_know(self, u: Understanding, lang: Lang) -> Answer:
        """Decline: say what is not known and what can be answered."""
        return self.answer(u, lang, [t("dont_know", lang)], answered=False)

    def ask_scheme(self, u: Understanding, lang: Lang, candidates: list[str]) -> Answer:
        """Ask which scheme is meant, offering the candidates as options."""
        options = [Option(self.name(s), f"{u.text} ({self.name(s)})") for s in candidates[:8]]
        lines = [t("which_scheme", lang)] + [f"– {o.label}" for o in options]
        return self.answer(u, lang, ["\n".join(lines)], answered=False, options=options)

    def schemes_with(self, predicate: Callable[[Scheme], bool]) -> list[str]:
        """Return the ids of schemes that satisfy a predicate, in knowledge-base order."""
        return [sid for sid, s in self.kb.schemes.items() if predicate(s)]

    # --- compose ---

    def compose(self, u: Understanding, today: dt.date) -> Answer:
        """Answer an understood question as of a date."""
        lang: Lang = "en" if u.lang == "en" else "nb"
        if u.intent == "out_of_scope":
            return self.dont_know(u, lang)
        if u.confidence < CONFIDENCE_THRESHOLD:
            answer = self.dont_know(u, lang)
            answer.paragraphs.insert(0, t("unsure", lang))
            return answer
        handler = self.handlers.get(u.intent)
        if handler is None:
            return self.dont_know(u, lang)
        return handler(u, today, lang)

    # --- facts by topic ---

    def facts(self, scheme: Scheme, topics: list[Topic], year: int | None) -> list[Fact]:
        """Return the facts of some topics for a year, or for the newest year that has any."""
        facts = [f for f in scheme.facts if f.topic in topics]
        if year is not None:
            return [f for f in facts if f.years.contains(year)]
        if not facts:
            return []
        newest = max(f.years.first for f in facts)
        return [f for f in facts if f.years.first == newest or f.years.contains(newest)]

    def topic_facts(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer a question about one topic of a scheme (who may apply, priorities, ...)."""
        topics = INTENT_TOPICS[u.intent]
        label = TOPIC_LABELS[topics[0]][lang]
        schemes = u.schemes_mentioned[:3] if u.schemes_mentioned else []
        if not schemes:
            having = self.schemes_with(lambda s: any(f.topic in topics for f in s.facts))
            if u.intent == "appeal" or len(having) == 1:
                schemes = having
            else:
                return self.ask_scheme(u, lang, having)
        year = u.slots.get("year")
        paragraphs: list[str] = []
        sources: list[Provenance] = []
        years_used: list[int] = []
        answered = False
        shared: dict[str, list[str]] = {}
        for sid in schemes:
            scheme = self.kb.schemes[sid]
            facts = self.facts(scheme, topics, year)
            if not facts:
                all_years = sorted({y.years.first for y in scheme.facts if y.topic in topics})
                if all_years and year is not None:
                    paragraphs.append(
                        t(
                            "no_facts_year",
                            lang,
                            topic=label.lower(),
                            scheme=scheme.names.short,
                            year=year,
                            years=", ".join(map(str, all_years)),
                        )
                    )
                else:
                    paragraphs.append(
                        t("no_facts", lang, topic=label.lower(), scheme=scheme.names.short)
                    )
                continue
            answered = True
            for fact in facts:
                if u.intent == "appeal" and len(schemes) > 1:
                    shared.setdefault(fact.text, []).append(scheme.names.short)
                    sources.append(self.kb.provenance(fact))
                    years_used.append(fact.years.last or fact.years.first)
                    continue
                mark = (
                    " (foreløpig)"
                    if fact.tentative and lang == "nb"
                    else (" (tentative)" if fact.tentative else "")
                )
                prov = self.kb.provenance(fact)
                paragraphs.append(
                    f"{scheme.names.short}, {fact.years.label()} ({prov.office_name}): "
                    f"{fact.text}{mark}"
                )
                sources.append(prov)
                years_used.append(fact.years.last or fact.years.first)
        for text, names in shared.items():
            paragraphs.append(f"{', '.join(names)}: {text}")
        if answered and u.intent == "apply_how":
            paragraphs += self.office_contact_lines(sources, lang)
        if answered and years_used:
            paragraphs += self.stale(max(years_used), today, lang)
        title = f"{label}: {', '.join(self.name(s) for s in schemes)}"
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered,
            title=title,
            scheme=schemes[0] if len(schemes) == 1 else None,
        )

    # --- contacts ---

    def office_contact_lines(self, sources: list[Provenance], lang: Lang) -> list[str]:
        """List the contacts of the offices behind some sources."""
        lines = []
        for office_id in dict.fromkeys(p.office_id for p in sources):
            office = self.kb.offices[office_id]
            for c in office.contacts:
                bits = [b for b in (c.name, c.role, c.email, c.phone, c.web, c.note) if b]
                lines.append(f"{office.name}: " + ", ".join(bits))
        return lines

    def contact(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List contacts: of the named office, of the offices behind a scheme, or all."""
        office = u.slots.get("office")
        if office:
            offices = [office]
        elif u.scheme:
            scheme = self.kb.schemes[u.scheme]
            facts = [*scheme.facts, *scheme.deadlines]
            offices = list(dict.fromkeys(self.kb.office_of(f) for f in facts))
        else:
            offices = list(self.kb.offices)
        paragraphs, sources = [], []
        for office_id in offices:
            o = self.kb.offices[office_id]
            for c in o.contacts:
                bits = [b for b in (c.name, c.role, c.email, c.phone, c.web, c.note) if b]
                prov = self.kb.provenance(c)
                paragraphs.append(f"{o.name} ({prov.date_text}): " + ", ".join(bits))
                sources.append(prov)
        if not paragraphs:
            return self.dont_know(u, lang)
        years = [p.date.year for p in sources if p.date]
        if years:
            paragraphs += self.stale(max(years), today, lang)
        title = "Kontakter" if lang == "nb" else "Contacts"
        return self.answer(u, lang, paragraphs, sources=sources, title=title)

    # --- deadlines ---

    def deadline_line(self, e: DeadlineEntry, today: dt.date, lang: Lang) -> str:
        """Render one deadline with scheme, kind, office and whether it has passed."""
        d = e.deadline
        office = self.kb.offices[e.office_id].name
        passed = f" ({t('passed', lang)})" if d.date and d.date < today else ""
        label = DEADLINE_LABELS[d.kind][lang]
        return (
            f"{label} {self.name(e.scheme_id)} {d.year}: {deadline_text(d, lang)}{passed} "
            f"– {office}"
        )

    def deadline(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer when a scheme's deadline is, for a year or the newest year known."""
        kind = DeadlineKind(u.slots.get("kind", "application"))
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not schemes:
            having = sorted(
                {e.scheme_id for e in self.kb.deadlines()}, key=list(self.kb.schemes).index
            )
            return self.ask_scheme(u, lang, having)
        year = u.slots.get("year")
        u.slots.setdefault("kind", kind.value)
        paragraphs, sources, years, answered = [], [], [], False
        for sid in schemes:
            entries = [e for e in self.kb.deadlines() if e.scheme_id == sid]
            of_kind = [e for e in entries if e.deadline.kind == kind]
            chosen = self.choose_deadlines(of_kind, year, today)
            if not chosen:
                label = DEADLINE_LABELS[kind][lang].lower()
                known = sorted({e.deadline.year for e in of_kind})
                year_text = f" {year}" if year else ""
                line = t("no_deadline", lang, kind=label, scheme=self.name(sid), year=year_text)
                if known:
                    line += (
                        (" Kjente år: " if lang == "nb" else " Known years: ")
                        + ", ".join(map(str, known))
                        + "."
                    )
                paragraphs.append(line)
                continue
            answered = True
            for e in sorted(chosen, key=lambda e: e.office_id):
                paragraphs.append(self.deadline_line(e, today, lang))
                if e.deadline.note:
                    paragraphs.append(e.deadline.note)
                sources.append(self.kb.provenance(e.deadline))
                years.append(e.deadline.year)
        if years:
            paragraphs += self.stale(max(years), today, lang)
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered,
            scheme=schemes[0] if len(schemes) == 1 else None,
        )

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
        outlook = calc.upcoming_deadlines(
            self.kb,
            day,
            scheme_id=u.scheme,
            kind=u.slots.get("kind") if u.scheme else None,
            office=u.slots.get("office"),
            limit=6,
        )
        sources = [i.source for i in (*outlook.upcoming, *outlook.undated, *outlook.latest_known)]
        return self.answer(
            u,
            lang,
            [calc.render_outlook(outlook, lang)],
            sources=sources,
            answered=bool(outlook.upcoming),
        )

    def days_left(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Say how many days are left until the next deadline (of a scheme)."""
        day = self.as_of(u, today)
        outlook = calc.upcoming_deadlines(
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
            lines = [head] + [calc.render_deadline(i, lang) for i in outlook.upcoming]
            return self.answer(u, lang, lines, sources=[i.source for i in outlook.upcoming])
        sources = [i.source for i in outlook.latest_known]
        return self.answer(
            u, lang, [calc.render_outlook(outlook, lang)], sources=sources, answered=False
        )

    def as_of(self, u: Understanding, today: dt.date) -> dt.date:
        """Return the date a question names ('etter 1.3.2022'), else today."""
        date = u.slots.get("date")
        if date:
            try:
                return dt.date(*date)
            except ValueError:
                return today
        return today

    # --- calculations ---

    def calc_answer(
        self, u: Understanding, lang: Lang, result: calc.Calculation, title: str | None = None
    ) -> Answer:
        """Render a calculation: working, notes, sources."""
        steps = "\n".join(calc.render_step(step, lang) for step in result.steps)
        if result.breakdown:
            steps += "\n" + ("Per kommune:" if lang == "nb" else "By municipality:")
            steps += "".join(f"\n  {n}: {fmt.kroner(a, lang)}" for n, a in result.breakdown)
        notes = [
            calc.render_note(n, lang)
            for n in result.notes
            if not (n.quote is not None and n.key is calc.NoteKey.RULE_TEXT)
        ]
        paragraphs = [steps] + (["\n".join(f"• {n}" for n in notes)] if notes else [])
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=result.sources,
            title=title,
            scheme=result.scheme_id or u.scheme,
        )

    def calc_error(self, u: Understanding, lang: Lang, error: calc.CalcError) -> Answer:
        """Turn a calculation error into a helpful reply."""
        answered = isinstance(error, calc.InvalidGrantYear)
        return self.answer(u, lang, [error.message(lang)], answered=answered)

    def money_scheme(self, u: Understanding) -> str | None:
        """Return the scheme a money question is about: named, or the only one with a ladder."""
        with_rules = self.schemes_with(
            lambda s: any(r.kind in ("ladder", "cap", "flat", "same_as") for r in s.rules)
        )
        for sid in u.schemes_mentioned:
            if sid in with_rules:
                return sid
        if u.scheme in with_rules:
            return u.scheme
        if u.schemes_mentioned:
            return None
        ladders = self.schemes_with(lambda s: any(r.kind == "ladder" for r in s.rules))
        if len(ladders) == 1 and (
            "grant_year" in u.slots or "positions" in u.slots or u.intent in ("total", "own_share")
        ):
            return ladders[0]
        return None

    def figures(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer amount, total and own-share questions with the calculation module."""
        scheme = self.money_scheme(u)
        if scheme is None:
            if u.schemes_mentioned:
                name = self.name(u.schemes_mentioned[0])
                msg = (
                    f"Kildene mine har ingen satser eller beregningsregler for {name}."
                    if lang == "nb"
                    else f"My sources hold no rates or rules for {name}."
                )
                return self.answer(u, lang, [msg], answered=False)
            with_rules = self.schemes_with(
                lambda s: any(r.kind in ("ladder", "cap") for r in s.rules)
            )
            return self.ask_scheme(u, lang, with_rules)
        u.scheme = scheme
        s = u.slots
        positions = s.get("positions", 1)
        try:
            result = self.compute(u, scheme, positions)
        except calc.CalcError as error:
            return self.calc_error(u, lang, error)
        answer = self.calc_answer(u, lang, result)
        if "positions" not in s and scheme:
            answer.paragraphs.append(
                "Regnet for 1 årsverk; skriv f.eks. «2 årsverk» for flere."
                if lang == "nb"
                else "Calculated for 1 FTE; say e.g. “2 FTE” for more."
            )
        years = [p.date.year for p in answer.sources if p.date]
        if years:
            answer.paragraphs += self.stale(max(years), today, lang)
        return answer

    def compute(self, u: Understanding, scheme: str, positions: object) -> calc.Calculation:
        """Pick and run the calculation a money question asks for."""
        s = u.slots
        pos = calc.parse_positions(positions)  # type: ignore[arg-type]
        if scheme != "kommunalt-rusarbeid":
            years = int(s.get("grant_year") or 1) if u.intent == "total" else 1
            return calc.nav_grant(
                self.kb, pos, measures=int(s.get("measures", 1)), years=years, year=s.get("year")
            )
        grant_year, year, cost = s.get("grant_year"), s.get("year"), s.get("cost")
        if u.intent == "own_share" and cost is not None:
            return calc.rusarbeid_own_share(self.kb, pos, grant_year, int(cost))
        if u.intent == "total":
            if "year_from" in s:
                start = s["year_from"]
                return calc.rusarbeid_calendar_total(
                    self.kb, s["year_from"], s["year_to"], [calc.PositionGroup(start, pos)]
                )
            return calc.rusarbeid_period_total(self.kb, pos)
        if year is not None and grant_year is not None:
            start = year - grant_year + 1
            return calc.rusarbeid_calendar_year(self.kb, year, [calc.PositionGroup(start, pos)])
        if year is not None:
            return self.calendar_year_without_grant_year(scheme, year, pos)
        if grant_year is not None:
            return calc.rusarbeid_grant_year(self.kb, pos, grant_year)
        return calc.rusarbeid_period_total(self.kb, pos)

    def calendar_year_without_grant_year(
        self, scheme: str, year: int, positions: Fraction
    ) -> calc.Calculation:
        """Compute a calendar year when the grant year is not given.

        In a wind-down year (a rule with conditions) every existing position gets the same
        amount, so the position is taken to exist in the reference year; in a ladder year the
        amount depends on the grant year, so every grant year of the ladder is shown.
        """
        rules = [r for r in self.kb.rules(scheme) if r.years.contains(year)]
        conditional = [r for r in self.kb.rules(scheme) if getattr(r, "conditions", None)]
        if rules and any(isinstance(r, FlatRule) for r in rules) and conditional:
            reference = min(r.years.first for r in conditional) - 1
            return calc.rusarbeid_calendar_year(
                self.kb, year, [calc.PositionGroup(reference, positions)]
            )
        if not rules:
            return calc.rusarbeid_calendar_year(
                self.kb, year, [calc.PositionGroup(year, positions)]
            )
        return calc.rusarbeid_period_total(self.kb, positions)

    def framework_years(self) -> tuple[int, int]:
        """Return the first and last year of the framework-increase table."""
        years = self.kb.tables[calc.FRAMEWORK_TABLE].years
        return years.first, years.last or years.first

    # --- Opptrappingsplan tables and statistics ---

    def framework(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer framework-increase questions: one municipality, sums, groups, rankings."""
        s = u.slots
        try:
            if u.intent == "framework_ranking":
                ranking = calc.framework_ranking(
                    self.kb,
                    s.get("year", s.get("year_from", 2016)),
                    top=5,
                    descending=s.get("order", "desc") == "desc",
                    group=s.get("group"),
                )
                text = calc.render_ranking(ranking, lang).rsplit("\n", 1)[0]
                return self.answer(
                    u, lang, [text], sources=ranking.sources, scheme="opptrappingsplan-rusfeltet"
                )
            span = (s["year_from"], s["year_to"]) if "year_from" in s else None
            if "municipality" in s:
                if span:
                    result = calc.framework_sum(self.kb, s["municipality"], *span)
                elif "year" in s and u.intent != "framework_sum":
                    result = calc.framework_increase(self.kb, s["municipality"], s["year"])
                else:
                    first, last = self.framework_years()
                    result = calc.framework_sum(self.kb, s["municipality"], first, last)
            elif "group" in s:
                years = span or s.get("year") or self.framework_years()
                result = calc.framework_group_total(self.kb, s["group"], years)
            else:
                msg = (
                    "Hvilken kommune (navn eller kommunenummer) eller region (Lister, Aust-Agder,"
                    " Vest-Agder, Agder) gjelder det?"
                    if lang == "nb"
                    else "Which municipality (name or number) or region (Lister, Aust-Agder, "
                    "Vest-Agder, Agder) do you mean?"
                )
                return self.answer(u, lang, [msg], answered=False)
        except calc.CalcError as error:
            return self.calc_error(u, lang, error)
        answer = self.calc_answer(u, lang, result)
        answer.scheme = FRAMEWORK_SCHEME
        return answer

    def statistics(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Show a county's row of the NAV social-services statistics, each column defined."""
        table = self.kb.tables.get(STATISTICS_TABLE)
        county = u.slots.get("county")
        if table is None or county is None:
            msg = (
                "Hvilket fylke? Tabellen har tall for landet og fylkene slik de var i 2019."
                if lang == "nb"
                else "Which county? The table covers the country and the "
                "counties as they were in 2019."
            )
            return self.answer(u, lang, [msg], answered=False)
        row = next((r for r in table.rows if r.county == county or r.key == county), None)
        if row is None:
            return self.dont_know(u, lang)
        lines = []
        wanted = u.slots.get("column")
        for column in table.columns:
            if wanted and column.id != wanted:
                continue
            value = row.values.get(column.id)
            if value is None:
                continue
            shown = fmt.decimal(value, lang) + (" %" if column.unit == "prosent" else "")
            if column.unit == "antall" and isinstance(value, int):
                shown = fmt.number(value, lang)
            lines.append(f"– {column.definition}: {shown}")
        title = f"{table.title}: {row.label}"
        notes = [n for n in table.notes if "målekort" in n][:1]
        return self.answer(
            u,
            lang,
            ["\n".join(lines), *notes],
            sources=[self.kb.provenance(table)],
            title=title,
            scheme="nav-sosiale-tjenester",
        )

    # --- money and budget ---

    def appropriation(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List a scheme's appropriations, for a year or all years."""
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not schemes:
            schemes = self.schemes_with(lambda s: bool(s.appropriations))
        year = u.slots.get("year")
        paragraphs, sources, years = [], [], []
        for sid in schemes:
            items = [
                a for a in self.kb.schemes[sid].appropriations if year is None or a.year == year
            ]
            for a in sorted(items, key=lambda a: a.year):
                prov = self.kb.provenance(a)
                where = (
                    ("nasjonalt" if lang == "nb" else "nationally")
                    if a.scope == "nasjonal"
                    else prov.office_name
                )
                flags = []
                if a.approximate:
                    flags.append("omtrent" if lang == "nb" else "approximately")
                if a.prognosis:
                    flags.append("prognose" if lang == "nb" else "prognosis")
                extra = f", {', '.join(flags)}" if flags else ""
                paragraphs.append(
                    f"{self.name(sid)} {a.year}: {fmt.kroner(a.amount, lang)} "
                    f"({where}{extra}) – «{a.text}»"
                )
                sources.append(prov)
                years.append(a.year)
        if not paragraphs:
            names = ", ".join(self.name(s) for s in schemes)
            year_text = f" {year}" if year else ""
            msg = (
                f"Jeg har ingen bevilgning for {names}{year_text} i kildene mine."
                if lang == "nb"
                else f"I have no appropriation for {names}{year_text}."
            )
            return self.answer(u, lang, [msg], answered=False)
        paragraphs += self.stale(max(years), today, lang)
        return self.answer(
            u, lang, paragraphs, sources=sources, scheme=schemes[0] if len(schemes) == 1 else None
        )

    def budget(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Give a scheme's budget chapter and post."""
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not schemes:
            return self.ask_scheme(u, lang, self.schemes_with(lambda s: bool(s.budget)))
        paragraphs, sources, answered = [], [], False
        for sid in schemes:
            budget = self.kb.schemes[sid].budget
            if not budget:
                paragraphs.append(
                    f"Kildene oppgir ikke kapittel og post for {self.name(sid)}."
                    if lang == "nb"
                    else f"The sources give no budget chapter for {self.name(sid)}."
                )
                continue
            answered = True
            for b in budget:
                ministry = f", {b.ministry}" if b.ministry else ""
                word = "post" if lang == "nb" else "item"
                paragraphs.append(
                    f"{self.name(sid)}: kap. {b.chapter} {word} {b.post}{ministry} "
                    f"({b.years.label()})"
                )
                sources.append(self.kb.provenance(b))
        return self.answer(u, lang, paragraphs, sources=sources, answered=answered)

    # --- overview ---

    def list_schemes(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List every scheme with the years the sources cover."""
        lines, sources = [], []
        for scheme in self.kb.schemes.values():
            years = sorted(
                {f.years.first for f in scheme.facts} | {d.year for d in scheme.deadlines}
            )
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
            lines.append(f"– {scheme.names.official} ({span})")
            sources += [self.kb.provenance(f) for f in scheme.facts[:1]]
        title = "Ordningene jeg kjenner" if lang == "nb" else "The schemes I know"
        options = [Option(s.names.short, s.names.short) for s in self.kb.schemes.values()]
        return self.answer(
            u, lang, ["\n".join(lines)], sources=sources, title=title, options=options
        )

    def scheme_info(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Summarise a scheme: status, purpose, who may apply and deadlines, newest year."""
        if not u.scheme:
            return self.list_schemes(u, today, lang)
        scheme = self.kb.schemes[u.scheme]
        paragraphs, sources, years = [], [], []
        for b in scheme.budget:
            paragraphs.append(f"Kap. {b.chapter} post {b.post} ({b.years.label()})")
            sources.append(self.kb.provenance(b))
        for topic in (Topic.STATUS, Topic.PURPOSE, Topic.WHO_MAY_APPLY, Topic.FUNDS):
            for fact in self.facts(scheme, [topic], None)[:2]:
                paragraphs.append(
                    f"{TOPIC_LABELS[topic][lang]} ({fact.years.label()}): {fact.text}"
                )
                sources.append(self.kb.provenance(fact))
                years.append(fact.years.last or fact.years.first)
        entries = [e for e in self.kb.deadlines() if e.scheme_id == scheme.id]
        newest = max((e.deadline.year for e in entries), default=None)
        for e in entries:
            if e.deadline.year == newest:
                paragraphs.append(self.deadline_line(e, today, lang))
                sources.append(self.kb.provenance(e.deadline))
                years.append(e.deadline.year)
        if years:
            paragraphs += self.stale(max(years), today, lang)
        more = (
            "Mer: /ordninger gir hele kortet med alle år og kilder."
            if lang == "nb"
            else "More: /ordninger shows the full card with every year and source."
        )
        paragraphs.append(more)
        return self.answer(u, lang, paragraphs, sources=sources, title=scheme.names.official)

    def faq(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer from the matching FAQ entry."""
        if not u.faq:
            return self.dont_know(u, lang)
        entry = self.kb.faq[u.faq]
        prov = self.kb.provenance(entry)
        paragraphs = [
            f"{entry.answer}",
            (
                f"Gjelder {entry.years.label()}"
                if lang == "nb"
                else f"Applies to {entry.years.label()}"
            )
            + (f", {self.name(entry.scheme)}." if entry.scheme else "."),
        ]
        paragraphs += self.stale(entry.years.last or entry.years.first, today, lang)
        return self.answer(
            u, lang, paragraphs, sources=[prov], title=entry.question, scheme=entry.scheme
        )

    def greeting(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Greet and say what can be asked."""
        hello = (
            "Hei! Jeg svarer på spørsmål om statlige tilskuddsordninger for kommunene."
            if lang == "nb"
            else "Hello! I answer questions about state grant schemes for municipalities."
        )
        return self.answer(u, lang, [hello, *self.examples(lang)])

    def help(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Explain what the bot can answer, with examples and commands."""
        return self.answer(u, lang, self.examples(lang), title="Hjelp" if lang == "nb" else "Help")

    @staticmethod
    def examples(lang: Lang) -> list[str]:
        """Return example questions and commands."""
        if lang == "en":
            return [
                "Ask for example:\n– How much do we get in year 3 for 2 FTE?\n"
                "– When is the application deadline for the NAV grant?\n"
                "– Who may apply for kommunalt rusarbeid?\n– How much did Arendal get in 2017?",
                "Commands: /ordninger (schemes), /frister (deadlines), /beregn (calculator), "
                "/faq (look-up), /kilde (sources of the last answer), /hjelp.",
            ]
        return [
            "Spør for eksempel:\n– Hva får vi i år 3 for 2 årsverk?\n"
            "– Når er søknadsfristen for NAV-tilskuddet?\n"
            "– Hvem kan søke om tilskudd til kommunalt rusarbeid?\n"
            "– Hvor mye fikk Arendal i 2017?\n– Kan vi søke om midler til kommunens andel i "
            "FACT-teamet?",
            "Kommandoer: /ordninger (ordningene), /frister (frister), /beregn (kalkulator), "
            "/faq (oppslag), /kilde (kildene bak siste svar), /hjelp.",
        ]
