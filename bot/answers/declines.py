"""Answers that say what the sources do not hold: grants after their end, later years."""

from __future__ import annotations

import datetime as dt

from bot import asof
from bot.answer import Answer, Option
from bot.answers.base import AnswerBase
from bot.answers.common import CARD_INTENTS, GRANT_END_FREE, RATE_KINDS
from bot.cards import deadline_text
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.kb import Provenance
from knowledge.schema import YearRange


class DeclineAnswers(AnswerBase):
    """Say what the sources do not hold."""

    def place_name(self, key: str) -> str:
        """A municipality's or county's name from its number, or the text as given."""
        if key in self.kb.municipalities:
            return self.kb.municipalities[key].name
        for table in self.kb.tables.values():
            for row in table.rows:
                if row.county == key:
                    return row.label
        return key

    def after_grant_end(
        self, u: Understanding, answer: Answer, today: dt.date, lang: Lang
    ) -> Answer:
        """A grant asked for a year after the last one the sources describe is not promised.

        'Kan vi få tilskudd til kommunalt rusarbeid i 2025?' gets what the sources say about
        the end of the scheme first, and counts as not answered, whatever card matched.
        """
        year = u.slots.get("year")
        placed = any(k in u.slots for k in ("grant_year", "groups", "last_years"))
        if year is None and isinstance(u.slots.get("year_rel"), int):
            year = today.year + u.slots["year_rel"]  # 'kan vi søke for neste år?'
        if year is None and asof.asks_this_year(u.folded) and not placed:
            year = today.year  # 'hvor mye får vi i år?' (not 'i år' of positions in år 2)
        sid = answer.scheme or u.scheme
        if not answer.answered or not isinstance(year, int) or sid not in self.kb.schemes:
            return answer
        if u.intent in GRANT_END_FREE:
            return answer
        end = asof.grant_end(self.kb.schemes[sid])
        if end is None or year <= end:
            return answer
        if u.intent in CARD_INTENTS:
            # the scheme's card would show the rates of years that are over: only the end
            later = asof.later_years(self.kb, sid, None, year, lang)
            ended = asof.phrase("ended", lang, name=asof.scheme_name(self.kb, sid, lang), end=end)
            lines = [ended, *(line for line in later.lines if line != ended)]
            return self.answer(
                u, lang, lines, sources=later.sources, scheme=sid, after_sources=True
            )
        name = asof.scheme_name(self.kb, sid, lang)
        answer.paragraphs.insert(0, asof.phrase("ended", lang, name=name, end=end))
        answer.after_sources = True
        return answer

    def no_rates(self, u: Understanding, lang: Lang, what: str) -> Answer:
        """Say the sources give no rates for what was asked, and which schemes have some."""
        having = self.schemes_with(lambda sc: any(r.kind in RATE_KINDS for r in sc.rules))
        names = ", ".join(asof.scheme_name(self.kb, sid, lang) for sid in having)
        msg = (
            f"Kildene har ingen satser for {what}. Satser og beregningsregler har jeg bare "
            f"for: {names}."
            if lang == "nb"
            else f"The sources give no rates for {what}. I only have rates and rules for: {names}."
        )
        if u.thing and not u.schemes_mentioned:
            msg += (
                " Gjelder det en av dem, skriv navnet på ordningen."
                if lang == "nb"
                else " If you mean one of them, name the scheme."
            )
        said = self.said_of(u.schemes_mentioned[0], lang) if len(u.schemes_mentioned) == 1 else None
        return self.answer(
            u,
            lang,
            [msg, *([said[0]] if said else [])],
            sources=said[1] if said else [],
            answered=False,
        )

    def said_of(self, sid: str, lang: Lang) -> tuple[str, list[Provenance]] | None:
        """What the sources say of a scheme without rates: who may apply and its deadlines
        ('Kommuner; søknadsfrist 2022: Løpende'), with their sources; None when nothing."""
        scheme = self.kb.schemes[sid]
        who = [f for f in scheme.facts if f.topic.value == "who_may_apply"]
        # the newest application deadline (a report's or the accounts' is no deadline to apply)
        dated = sorted(
            (d for d in scheme.deadlines if d.kind.value == "application"), key=lambda d: d.year
        )[-1:]
        if not who and not dated:
            return None
        bits = []
        if who:
            text = (who[-1].text_en or who[-1].text) if lang == "en" else who[-1].text
            text = text.rstrip(". ")
            bits.append(("Who may apply: " if lang == "en" else "Hvem kan søke: ") + text)
        for d in dated:
            label = "application deadline" if lang == "en" else "søknadsfrist"
            bits.append(f"{label} {d.year}: {deadline_text(d, lang)}")
        name = asof.scheme_name(self.kb, sid, lang)
        lead = (
            f"What the sources say of {name}: " if lang == "en" else f"Det kildene sier om {name}: "
        )
        sources = [self.kb.provenance(x) for x in [*who[-1:], *dated]]
        return lead + "; ".join(bits) + ".", sources

    def no_appropriation(self, u: Understanding, lang: Lang, what: str) -> Answer:
        """Say the sources give no appropriation for what was asked, and which have one."""
        having = self.schemes_with(lambda s: bool(s.appropriations))
        names = ", ".join(asof.scheme_name(self.kb, sid, lang) for sid in having)
        msg = (
            f"Kildene har ingen tall for bevilgningen til {what}. Bevilgninger har jeg bare "
            f"for: {names}. Gjelder det en av dem, skriv navnet på ordningen."
            if lang == "nb"
            else f"The sources have no figures for an appropriation for {what}. I only have "
            f"appropriations for: {names}. If you mean one of them, name the scheme."
        )
        return self.answer(u, lang, [msg], answered=False)

    def scheme_as_of(self, sid: str, asked: object, today: dt.date, lang: Lang) -> asof.Dated:
        """Say that the newest on a scheme is from before the question's year, and what follows."""
        year = asked if isinstance(asked, int) else today.year
        last = asof.scheme_last(self.kb, sid)
        if last is None or not asof.after(year, last):
            return asof.Dated()
        return asof.beyond(self.kb, sid, "scheme", last, year, lang)

    def passage_as_of(
        self, sid: str | None, years: YearRange, today: dt.date, lang: Lang
    ) -> asof.Dated:
        """After a passage of some years: what the sources say about the scheme's later years."""
        last = years.last if years.last is not None else years.first
        if sid is None or not asof.after(today.year, last):
            return asof.Dated()
        return asof.later_years(self.kb, sid, last, today.year, lang)

    def late_appropriation_year(
        self, schemes: list[str], year: object, office: str | None = None, national: bool = False
    ) -> int | None:
        """Return the newest appropriation year when the asked year lies after all of them;
        of the office's or the national figures alone when the question names that scope (the
        Agder prognosis ends in 2018, though Innlandet's figures go on)."""
        newest = max(
            (
                a.year
                for sid in schemes
                for a in self.kb.schemes[sid].appropriations
                if not (national or office)
                or (national and a.scope == "nasjonal")
                or (
                    office is not None
                    and a.scope == "fylke"
                    and self.kb.provenance(a).office_id == office
                )
            ),
            default=None,
        )
        if isinstance(year, int) and asof.after(year, newest):
            return newest
        return None

    def schemes_after(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """List the schemes in a year after every deadline in the sources (/ordninger), or None.

        Each scheme with the years the sources cover and its last known application deadline,
        newest year first; that no deadline for the year is known, and where to check.
        """
        year = asof.question_year(u.slots, today)
        if any(e.deadline.year >= year for e in self.kb.deadlines()):
            return None
        overview = asof.scheme_overview(self.kb, year, lang)
        title = "Ordningene jeg kjenner" if lang == "nb" else "The schemes I know"
        options = [Option(s.names.short, s.names.short) for s in self.kb.schemes.values()]
        return self.answer(
            u, lang, overview.lines, sources=overview.sources, title=title, options=options
        )
