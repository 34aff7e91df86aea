"""Figure answers: grants, own shares, caps and premises, with their working."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from fractions import Fraction

from bot import asof, fmt
from bot.answer import Answer, unique_sources
from bot.answers import working
from bot.answers.common import PART_WORDS, RATE_KINDS, RATIO_WORDS, named_thing
from bot.answers.facts import FactAnswers
from bot.answers.tables import TableAnswers
from bot.calc import calendar as calendar_calc
from bot.calc import cap as cap_calc
from bot.calc import errors as calc_errors
from bot.calc import ladder as ladder_calc
from bot.calc import results as calc_results
from bot.calc import rules as calc_rules
from bot.cards import rule_lines
from bot.text import unwrap
from bot.understanding.entities import unread_positions
from bot.understanding.patterns import (
    GRANT_YEAR_NOW,
    MEASURES,
    SAME_MEASURE,
)
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.schema import FlatRule, LadderRule, Topic


class FigureAnswers(FactAnswers, TableAnswers):
    """Answer figure questions with their working."""

    def money_scheme(self, u: Understanding) -> str | None:
        """Return the scheme a money question is about: named, or the only one with a ladder."""
        with_rules = self.schemes_with(lambda s: any(r.kind in RATE_KINDS for r in s.rules))
        for sid in u.schemes_mentioned:
            if sid in with_rules:
                return sid
        if u.scheme in with_rules:
            return u.scheme
        if u.schemes_mentioned:
            return None
        if u.thing:
            # the question names something no scheme with rates speaks of: no default, unless
            # only one scheme's rules speak of it ('per measure for competence, e.g. design')
            return u.thing_scheme
        caps = self.schemes_with(lambda s: any(r.kind == "cap" for r in s.rules))
        if (
            len(caps) == 1
            and "grant_year" not in u.slots
            and (
                ("measures" in u.slots and MEASURES.search(u.folded))
                or SAME_MEASURE.search(u.folded)
            )
        ):
            # 'to tiltak med hver sin stilling': measures are what the cap rule counts;
            # 'samme tiltak i tre år': the cap rule's duration is per measure
            return caps[0]
        ladders = self.schemes_with(lambda s: any(r.kind == "ladder" for r in s.rules))
        if len(ladders) == 1 and (
            "grant_year" in u.slots
            or "positions" in u.slots
            or "start_year" in u.slots
            or "operation" in u.slots
            or u.intent in ("total", "own_share")
        ):
            return ladders[0]
        return None

    def figures(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer amount, total and own-share questions with the calculation module.

        An own-share question without a cost ('what must the municipality co-fund?') is
        answered with what the sources say about the own share; a money question about the
        schemes' appropriations (see ``asks_appropriation``) with the appropriations.
        """
        if u.intent in ("amount", "total") and self.asks_appropriation(u):
            u.intent = "appropriation"
            return self.appropriation(u, today, lang)
        if (
            u.intent == "own_share"
            and "cost" not in u.slots
            and u.slots.get("operation") not in ("difference", "steps")
        ):
            if u.thing and not u.schemes_mentioned and not u.thing_scheme:
                # 'egenandel for ACT-team?': no scheme's own share, not the only one's
                return self.no_rates(u, lang, fmt.quote(named_thing(u.text, u.thing)))
            return self.topic_facts(u, today, lang, [Topic.OWN_SHARE])
        if "start_year_rel" in u.slots:
            # 'fikk første tilskudd i fjor': the start year against today
            u.slots["start_year"] = today.year + int(u.slots.pop("start_year_rel"))
        if "year_to_rel" in u.slots and "start_year" in u.slots:
            # 'hittil': from the start year up to this year
            last = today.year + int(u.slots.pop("year_to_rel"))
            if last > int(u.slots["start_year"]):
                u.slots["year_from"], u.slots["year_to"] = u.slots["start_year"], last
                u.slots.pop("year", None)
        if (
            int(u.slots.get("year_rel") or 0) != 0
            and isinstance(u.slots.get("grant_year"), int)
            and int(u.slots["grant_year"]) > 0
            and not any(k in u.slots for k in ("year", "year_from", "start_year"))
            and GRANT_YEAR_NOW.search(u.folded)
        ):
            # 'vi er i år 2 nå – hva får vi neste år?': the grant year is this year's
            u.slots["start_year"] = today.year - int(u.slots.pop("grant_year")) + 1
            u.slots.pop("grant_year_to", None)
        if (
            "year_rel" in u.slots
            and "year" not in u.slots
            and "year_from" not in u.slots
            and (u.intent == "amount" or "start_year" in u.slots)
        ):
            # 'hva får vi i år?', 'vi startet i 2021, hva får vi neste år?': against today
            u.slots["year"] = today.year + int(u.slots["year_rel"])
        if "positions" not in u.slots and unread_positions(u.folded):
            msg = (
                "Jeg forsto ikke hvor mange årsverk det gjelder. Skriv det som et tall, "
                "f.eks. «0,33 årsverk», «1/3 stilling» eller «50 % stilling»."
                if lang == "nb"
                else "I did not understand how many positions you mean. Write it as a number, "
                "e.g. “0.33 FTE”, “1/3 position” or “50 % position”."
            )
            return self.answer(u, lang, [msg], answered=False)
        scheme = self.money_scheme(u)
        if scheme is None:
            if u.schemes_mentioned:
                return self.no_rates(
                    u, lang, asof.scheme_name(self.kb, u.schemes_mentioned[0], lang)
                )
            if u.thing:
                return self.no_rates(u, lang, fmt.quote(named_thing(u.text, u.thing)))
            with_rules = self.schemes_with(
                lambda s: any(r.kind in ("ladder", "cap") for r in s.rules)
            )
            return self.ask_scheme(u, lang, with_rules)
        u.scheme = scheme
        s = u.slots
        positions = s.get("positions", 1)
        try:
            result, dated = self.compute_as_of(u, scheme, positions, today, lang)
        except calc_errors.CalcError as error:
            return self.calc_error(u, lang, error)
        answer = self.calc_answer(u, lang, result)
        answer.paragraphs[:0] = self.operation_lead(u, result, lang)
        if "positions" not in s and scheme:
            answer.paragraphs.append(
                "Regnet for 1 årsverk; skriv f.eks. «2 årsverk» for flere."
                if lang == "nb"
                else "Calculated for 1 FTE; say e.g. “2 FTE” for more."
            )
        if dated.complete:
            answer.paragraphs += dated.lines
        else:
            # the year asked is not covered: say so first, then the last year the sources cover
            answer.paragraphs = dated.lines[:1] + answer.paragraphs + dated.lines[1:]
            answer.answered = False
        answer.sources = unique_sources([*answer.sources, *dated.sources])
        return answer

    def compute(self, u: Understanding, scheme: str, positions: object) -> calc_results.Calculation:
        """Pick and run the calculation a money question asks for."""
        s = u.slots
        pos = calc_rules.parse_positions(positions)  # type: ignore[arg-type]
        duration = s.get("duration")
        if scheme != "kommunalt-rusarbeid":
            years = int(s.get("grant_year") or 1) if u.intent == "total" else 1
            if isinstance(duration, int):
                # 'over tre år', 'så lenge som mulig': that many years of the cap
                years = cap_calc.nav_max_years(self.kb) if duration == -1 else duration
            if u.intent == "own_share" and "cost" in s:
                return cap_calc.nav_own_share(
                    self.kb,
                    pos,
                    calc_rules.parse_kroner(s["cost"]),
                    years,
                    bool(s.get("cost_for_all")),
                )
            return cap_calc.nav_grant(
                self.kb, pos, measures=int(s.get("measures", 1)), years=years, year=s.get("year")
            )
        if "last_years" in s and "grant_year" not in s:
            # 'de to siste årene': the last grant years of the ladder
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            if length >= int(s["last_years"]):
                s["grant_year"], s["grant_year_to"] = length - int(s["last_years"]) + 1, length
        if isinstance(duration, int) and not any(
            k in s for k in ("year", "year_from", "start_year", "grant_year_to", "grant_years")
        ):
            # 'over tre år', 'over hele fireårsperioden': the grant years from the one named
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            named = int(s["grant_year"]) if int(s.get("grant_year") or 0) > 0 else 1
            final = length if duration == -1 else named + duration - 1
            if final > named:
                s["grant_year"], s["grant_year_to"] = named, final
        grant_year, year, cost = s.get("grant_year"), s.get("year"), s.get("cost")
        if "start_year" in s:
            timed = self.compute_from_start(u, pos, int(s["start_year"]))
            if timed is not None:
                return timed
        operated = self.compute_operation(u, scheme, pos)
        if operated is not None:
            return operated
        if grant_year == -1:  # 'siste år': the last grant year of the ladder
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            grant_year = max((len(r.steps) for r in ladders), default=None)
        if u.intent == "own_share" and cost is not None and "year_from" in s:
            # 'egenandelen for 2023 og 2024': the own share of those calendar years
            first = s["year_from"]
            if grant_year is not None:
                began = first - grant_year + 1
            else:
                began = self.wind_down_reference(scheme, first) or first
            return calendar_calc.rusarbeid_calendar_own_share(
                self.kb,
                first,
                s["year_to"],
                [calc_results.PositionGroup(began, pos)],
                calc_rules.parse_kroner(cost),
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if u.intent == "own_share" and cost is not None:
            listed = s.get("grant_years")
            through = s.get("grant_year_to") if grant_year is not None else None
            return ladder_calc.rusarbeid_own_share(
                self.kb,
                pos,
                grant_year,
                calc_rules.parse_kroner(cost),
                through=None if listed else through,
                grant_years=listed,
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if u.intent == "amount" and "year_from" in s and grant_year is not None:
            # 'vi er i år 2 i 2020 – hva får vi i 2021?': the grant year places the first
            # year; the year asked is the last
            start = int(s["year_from"]) - int(grant_year) + 1
            return calendar_calc.rusarbeid_calendar_year(
                self.kb, int(s["year_to"]), [calc_results.PositionGroup(start, pos)]
            )
        if u.intent == "total" or (u.intent == "amount" and "year_from" in s):
            # 'hvor mye fikk vi for 2019, 2020 og 2021?': the sum of those calendar years
            if "year_from" in s:
                first = s["year_from"]
                if grant_year is not None:
                    start = first - grant_year + 1
                else:
                    start = self.wind_down_reference(scheme, first) or first
                return calendar_calc.rusarbeid_calendar_total(
                    self.kb, first, s["year_to"], [calc_results.PositionGroup(start, pos)]
                )
            last = s.get("grant_year_to")
            if grant_year is not None and last is not None:
                span = list(range(grant_year, last + 1))
                return ladder_calc.rusarbeid_years_total(self.kb, pos, span)
            return ladder_calc.rusarbeid_period_total(self.kb, pos)
        if year is not None and grant_year is not None:
            start = year - grant_year + 1
            return calendar_calc.rusarbeid_calendar_year(
                self.kb, year, [calc_results.PositionGroup(start, pos)]
            )
        if year is not None:
            return self.calendar_year_without_grant_year(scheme, year, pos)
        last = s.get("grant_year_to")
        if grant_year is not None and isinstance(last, int) and last > grant_year:
            # 'hva får vi fra år 2 til år 4?': each year of the span and their sum
            return ladder_calc.rusarbeid_years_total(
                self.kb, pos, list(range(grant_year, last + 1))
            )
        if grant_year is not None:
            return ladder_calc.rusarbeid_grant_year(self.kb, pos, grant_year)
        return ladder_calc.rusarbeid_period_total(self.kb, pos)

    def compute_from_start(
        self, u: Understanding, positions: Fraction, start: int
    ) -> calc_results.Calculation | None:
        """Run a ladder question about positions that first got a grant in ``start``.

        The start year is grant year 1; a calendar year asked about is then grant year
        ``year − start + 1`` by the rules of that calendar year (the ladder, or the sources'
        wind-down); a grant year asked about is the calendar year ``start + grant year − 1``;
        a sum or own share with no year runs over the ladder's years from the start year, as
        far as the rules go.
        """
        s = u.slots
        groups = [calc_results.PositionGroup(start, positions)]
        if s.get("start_groups"):
            # '2 stillinger som startet i 2020 og 1 som startet i 2021'
            groups = [calc_results.PositionGroup(y, p) for p, y in s["start_groups"]]
            start = min(g.start_year for g in groups)
        cost = s.get("cost")
        own = u.intent == "own_share" and cost is not None
        first, last = s.get("year_from"), s.get("year_to")
        if "year" in s:
            first = last = s["year"]
        elif first is None and "grant_year" in s and int(s["grant_year"]) > 0:
            first = start + int(s["grant_year"]) - 1
            last = start + int(s.get("grant_year_to", s["grant_year"])) - 1
        elif first is None and (u.intent == "total" or own):
            ladders = [r for r in self.kb.rules("kommunalt-rusarbeid") if isinstance(r, LadderRule)]
            steps = max((len(r.steps) for r in ladders), default=1)
            covered = [r.years.last or r.years.first for r in self.kb.rules("kommunalt-rusarbeid")]
            first, last = start, min(start + steps - 1, max(covered, default=start))
        if first is None or last is None:
            return None
        if own:
            return calendar_calc.rusarbeid_calendar_own_share(
                self.kb,
                int(first),
                int(last),
                groups,
                calc_rules.parse_kroner(s["cost"]),
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if first == last:
            return calendar_calc.rusarbeid_calendar_year(self.kb, int(first), groups)
        return calendar_calc.rusarbeid_calendar_total(self.kb, int(first), int(last), groups)

    def compute_operation(
        self, u: Understanding, scheme: str, positions: Fraction
    ) -> calc_results.Calculation | None:
        """Run the operation a ladder question asks for.

        A difference between two grant years (of the grant or of the own share), the steps
        between consecutive grant years, what remains from a grant year, a sum over grant
        years named in a list, and groups of positions in different grant years.
        """
        s = u.slots
        operation = s.get("operation")
        cost = s.get("cost")
        for_all = bool(s.get("cost_for_all"))
        if operation == "difference" and u.intent == "own_share" and "grant_year_to" in s:
            return ladder_calc.rusarbeid_own_share_difference(
                self.kb,
                positions,
                int(s["grant_year"]),
                int(s["grant_year_to"]),
                None if cost is None else calc_rules.parse_kroner(cost),
                cost_for_all=for_all,
            )
        if operation == "ratio" and "grant_year_to" in s:
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            a, b = (length if g == -1 else int(g) for g in (s["grant_year"], s["grant_year_to"]))
            return ladder_calc.rusarbeid_difference(self.kb, positions, a, b)
        if operation == "difference" and u.intent in ("amount", "total") and "grant_year_to" in s:
            return ladder_calc.rusarbeid_difference(
                self.kb, positions, int(s["grant_year"]), int(s["grant_year_to"])
            )
        if operation == "steps" and u.intent in ("amount", "total", "own_share"):
            return ladder_calc.rusarbeid_yearly_changes(self.kb, positions)
        if operation is None and s.get("groups") and u.intent == "own_share" and cost is not None:
            # 'to årsverk à 760 000, det ene i år 1 og det andre i år 4': this year's own share
            groups = [calc_results.LadderGroup(g, p) for p, g in s["groups"]]
            return ladder_calc.rusarbeid_mixed_own_share(
                self.kb, groups, calc_rules.parse_kroner(cost)
            )
        if operation is None and s.get("groups") and u.intent in ("amount", "total"):
            return ladder_calc.rusarbeid_mixed(
                self.kb, [calc_results.LadderGroup(g, p) for p, g in s["groups"]]
            )
        if operation is None and s.get("grant_years") and u.intent in ("amount", "total"):
            return ladder_calc.rusarbeid_years_total(self.kb, positions, s["grant_years"])
        if operation != "remaining" or "grant_year" not in s:
            return None
        if u.intent == "own_share" and "cost" in s:
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            last = max((len(r.steps) for r in ladders), default=None)
            return ladder_calc.rusarbeid_own_share(
                self.kb, positions, int(s["grant_year"]), int(s["cost"]), through=last
            )
        if u.intent in ("amount", "total"):
            return ladder_calc.rusarbeid_span_total(self.kb, positions, int(s["grant_year"]))
        return None

    def operation_lead(
        self, u: Understanding, result: calc_results.Calculation, lang: Lang
    ) -> list[str]:
        """Return the answer's first lines: a verdict on a stated figure, or the result."""
        lines: list[str] = []
        verdict = self.premise_verdict(u, result, lang)
        if verdict:
            lines.append(verdict)
        if (
            result.kind is calc_results.CalcKind.RUSARBEID_DIFFERENCE
            and u.slots.get("operation") == "ratio"
        ):
            lines.append(self.ratio_line(result, lang))
        elif result.kind is calc_results.CalcKind.RUSARBEID_DIFFERENCE:
            lines.append(self.difference_line(result, lang))
        elif result.kind is calc_results.CalcKind.RUSARBEID_STEPS:
            lines.append(self.steps_line(u, result, lang))
        elif result.kind is calc_results.CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE:
            lines.append(self.own_share_difference_line(result, lang))
        elif (
            result.kind is calc_results.CalcKind.RUSARBEID_PERIOD
            and not verdict
            and u.intent == "total"
        ):
            total = fmt.kroner(result.total, lang)
            final = max(int(k.split("_")[1]) for k in result.figures if k.startswith("year_"))
            lines.append(
                f"Til sammen for år 1–{final}: {total}."
                if lang == "nb"
                else f"In total for years 1–{final}: {total}."
            )
        elif (
            result.kind is calc_results.CalcKind.NAV_CAP
            and int(str(result.inputs.get("years", 1))) > 1
        ):
            count, total = int(str(result.inputs["years"])), fmt.kroner(result.total, lang)
            own = "own_share" in result.figures
            if lang == "nb":
                what = "Egenandel i alt" if own else "Inntil i alt"
                lines.append(f"{what} for {count} år: {total}.")
            else:
                what = "Own share in all" if own else "Up to in all"
                lines.append(f"{what} for {count} years: {total}.")
        elif result.kind is calc_results.CalcKind.RUSARBEID_MIXED and not verdict:
            total = fmt.kroner(result.total, lang)
            lines.append(f"Til sammen: {total}." if lang == "nb" else f"In total: {total}.")
        elif result.kind is calc_results.CalcKind.RUSARBEID_MIXED_OWN_SHARE and not verdict:
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Egenandel til sammen: {total}."
                if lang == "nb"
                else f"Own share in total: {total}."
            )
        elif (
            result.kind is calc_results.CalcKind.RUSARBEID_CALENDAR_RANGE
            and u.slots.get("operation") == "difference"
            and not verdict
        ):
            lines.append(self.calendar_difference_line(u, result, lang))
        elif result.kind is calc_results.CalcKind.RUSARBEID_CALENDAR_RANGE and not verdict:
            first_year, last_year = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first_year)), int(str(last_year)))
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen for {span}: {total}."
                if lang == "nb"
                else f"In total for {span}: {total}."
            )
        elif result.kind is calc_results.CalcKind.RUSARBEID_CALENDAR_OWN_SHARE and not verdict:
            first_year, last_year = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first_year)), int(str(last_year)))
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Egenandel til sammen for {span}: {total}."
                if lang == "nb"
                else f"Own share in total for {span}: {total}."
            )
        elif result.kind is calc_results.CalcKind.RUSARBEID_OWN_SHARE and not verdict:
            listed = result.inputs.get("grant_years")
            if isinstance(listed, tuple) and len(listed) > 1:
                named = self.years_text(listed, lang)
                total = fmt.kroner(result.total, lang)
                lines.append(
                    f"Egenandel til sammen for år {named}: {total}."
                    if lang == "nb"
                    else f"Own share in total for years {named}: {total}."
                )
        calendar_year = result.kind is calc_results.CalcKind.RUSARBEID_CALENDAR_YEAR
        if calendar_year and u.slots.get("start_groups") and not verdict:
            year, total = result.inputs["year"], fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen i {year}: {total}."
                if lang == "nb"
                else f"In total in {year}: {total}."
            )
        elif calendar_year and "start_year" in u.slots:
            lines[:0] = self.start_year_lines(u, result, lang)
        if result.kind is calc_results.CalcKind.RUSARBEID_SPAN and not verdict:
            first, last = result.inputs["first"], result.inputs["last"]
            years = f"{first}–{last}" if first != last else f"{first}"
            listed = result.inputs.get("grant_years")
            if isinstance(listed, tuple) and len(listed) > 1:
                years = self.years_text(listed, lang)
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen for år {years}: {total}."
                if lang == "nb"
                else f"In total for years {years}: {total}."
            )
        return lines

    @staticmethod
    def years_text(years: tuple[object, ...], lang: Lang) -> str:
        """Render grant years: '1–3' when they follow each other, else '1, 2 og 4'."""
        values = [int(str(y)) for y in years]
        if values == list(range(values[0], values[-1] + 1)) and len(values) > 2:
            return f"{values[0]}–{values[-1]}"
        joined = ", ".join(str(v) for v in values[:-1])
        return f"{joined} {'og' if lang == 'nb' else 'and'} {values[-1]}"

    @staticmethod
    def steps_line(u: Understanding, result: calc_results.Calculation, lang: Lang) -> str:
        """Say how much the grant (or, at the same cost, the own share) changes each year."""
        nb = lang == "nb"
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        unit = working.quantity(pos, calc_results.Unit.ARSVERK, lang)
        scope = ("per årsverk" if nb else "per FTE") if pos == 1 else f"for {unit}"
        years = sorted(int(k.split("_")[1]) for k in result.figures if k.startswith("year_"))
        chain = " → ".join(fmt.kroner(result.figures[f"year_{g}"], lang) for g in years)
        own = u.intent == "own_share"
        step = result.figures.get("step")
        if step is not None:
            way = ("ned" if step < 0 else "opp") if nb else ("down" if step < 0 else "up")
            if own:
                way = ("opp" if step < 0 else "ned") if nb else ("up" if step < 0 else "down")
                return (
                    f"Med samme kostnad går egenandelen {way} med {fmt.kroner(abs(step), lang)} "
                    f"{scope} hvert år, fordi tilskuddet trappes ned ({chain})."
                    if nb
                    else f"At the same cost the own share goes {way} by "
                    f"{fmt.kroner(abs(step), lang)} {scope} each year, as the grant steps down "
                    f"({chain})."
                )
            return (
                f"Tilskuddet trappes {way} med {fmt.kroner(abs(step), lang)} {scope} hvert år: "
                f"{chain}."
                if nb
                else f"The grant steps {way} by {fmt.kroner(abs(step), lang)} {scope} each year: "
                f"{chain}."
            )
        parts = []
        for a, b in itertools.pairwise(years):
            change = result.figures[f"change_{a}_{b}"]
            if own:
                change = -change
            way = ("ned" if change < 0 else "opp") if nb else ("down" if change < 0 else "up")
            year = "år" if nb else "year"
            parts.append(f"{year} {a} → {b}: {way} {fmt.kroner(abs(change), lang)}")
        noun = (
            ("Egenandelen" if own else "Tilskuddet")
            if nb
            else ("The own share" if own else "The grant")
        )
        verb = "endres" if nb else "changes"
        return f"{noun} {verb} {scope} slik: " + "; ".join(parts) + f" ({chain})."

    @staticmethod
    def own_share_difference_line(result: calc_results.Calculation, lang: Lang) -> str:
        """Say how much the own share goes up or down from one grant year to another."""
        nb = lang == "nb"
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        change = result.total
        amount = fmt.kroner(abs(change), lang)
        unit = working.quantity(pos, calc_results.Unit.ARSVERK, lang)
        scope = ("per årsverk" if nb else "per FTE") if pos == 1 else f"for {unit}"
        same = result.inputs.get("yearly_cost") is None
        if nb:
            cond = " når kostnaden er den samme" if same else ""
            if change == 0:
                return f"Egenandelen er den samme i år {a} og år {b}{cond}."
            way = "opp" if change > 0 else "ned"
            return f"Egenandelen går {way} med {amount} {scope} fra år {a} til år {b}{cond}."
        cond = " when the cost stays the same" if same else ""
        if change == 0:
            return f"The own share is the same in year {a} and year {b}{cond}."
        way = "up" if change > 0 else "down"
        return f"The own share goes {way} by {amount} {scope} from year {a} to year {b}{cond}."

    @staticmethod
    def start_year_lines(
        u: Understanding, result: calc_results.Calculation, lang: Lang
    ) -> list[str]:
        """Say which grant year a calendar year is for positions started in a given year."""
        start, year = u.slots.get("start_year"), result.inputs.get("year")
        if not isinstance(start, int) or not isinstance(year, int) or year < start:
            return []
        grant_year = year - start + 1
        on_ladder = result.total > 0 and any(
            step.grant_year == grant_year and step.op is calc_results.Op.MULTIPLY
            for step in result.steps
            if step.role is calc_results.Role.GRANT
        )
        total = fmt.kroner(result.total, lang)
        if lang == "nb":
            line = f"Med første tilskudd i {start} er {year} tilskuddsår {grant_year}" + (
                f": {total}." if on_ladder else "."
            )
            if not on_ladder:
                line += f" I {year} gir reglene {total} (se under)."
            return [line]
        line = f"With the first grant in {start}, {year} is grant year {grant_year}" + (
            f": {total}." if on_ladder else "."
        )
        if not on_ladder:
            line += f" In {year} the rules give {total} (see below)."
        return [line]

    @staticmethod
    def ratio_line(result: calc_results.Calculation, lang: Lang) -> str:
        """Say what share one grant year's amount is of another's: 'halvparten (1/2)'."""
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        base, part = result.figures["from"], result.figures["to"]
        share = Fraction(part, base) if base else Fraction(0)
        words = RATIO_WORDS.get(share)
        shown = f"{round(float(share * 100), 1):.1f}".removesuffix(".0")
        exact = (share * 1000).denominator == 1
        if lang == "nb":
            about = "" if exact else "omtrent "
            how = (
                f"{words[0]} ({share.numerator}/{share.denominator})"
                if words
                else f"{about}{shown.replace('.', ',')} %"
            )
            # the percentage too, for 'hvor mange prosent av år 1-satsen …?'
            tail = f", dvs. {about}{shown.replace('.', ',')} %" if words else ""
            return (
                f"År {b} gir {fmt.kroner(part, lang)}, som er {how} av satsen i år {a} "
                f"({fmt.kroner(base, lang)}){tail}."
            )
        about = "" if exact else "about "
        how = f"{words[1]} ({share.numerator}/{share.denominator})" if words else f"{about}{shown}%"
        tail = f", i.e. {about}{shown}%" if words else ""
        return (
            f"Year {b} gives {fmt.kroner(part, lang)}, which is {how} of the rate in year {a} "
            f"({fmt.kroner(base, lang)}){tail}."
        )

    @staticmethod
    def calendar_difference_line(
        u: Understanding, result: calc_results.Calculation, lang: Lang
    ) -> str:
        """Say how much a grant goes up or down from one calendar year to the next asked."""
        first, last = int(str(result.inputs["first_year"])), int(str(result.inputs["last_year"]))
        old, new = result.figures.get(f"y{first}", 0), result.figures.get(f"y{last}", 0)
        change = new - old
        amount = fmt.kroner(abs(change), lang)
        shown = f"{fmt.kroner(old, lang)} → {fmt.kroner(new, lang)}"
        if lang == "nb":
            if change == 0:
                return f"Tilskuddet er det samme i {first} og {last}: {fmt.kroner(old, lang)}."
            way = "ned" if change < 0 else "opp"
            return f"Tilskuddet går {way} med {amount} fra {first} til {last} ({shown})."
        if change == 0:
            return f"The grant is the same in {first} and {last}: {fmt.kroner(old, lang)}."
        way = "down" if change < 0 else "up"
        return f"The grant goes {way} by {amount} from {first} to {last} ({shown})."

    @staticmethod
    def difference_line(result: calc_results.Calculation, lang: Lang) -> str:
        """Say how much a grant goes up or down from one grant year to another."""
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        change = result.total
        amount = fmt.kroner(abs(change), lang)
        old, new = fmt.kroner(result.figures["from"], lang), fmt.kroner(result.figures["to"], lang)
        unit = working.quantity(pos, calc_results.Unit.ARSVERK, lang)
        if lang == "nb":
            scope = "per årsverk" if pos == 1 else f"for {unit}"
            if change == 0:
                return f"Tilskuddet er det samme i år {a} og år {b}: {old} {scope}."
            way = "ned" if change < 0 else "opp"
            return (
                f"Tilskuddet går {way} med {amount} {scope} fra år {a} til år {b} ({old} → {new})."
            )
        scope = "per FTE" if pos == 1 else f"for {unit}"
        if change == 0:
            return f"The grant is the same in year {a} and year {b}: {old} {scope}."
        way = "down" if change < 0 else "up"
        return (
            f"The grant goes {way} by {amount} {scope} from year {a} to year {b} ({old} → {new})."
        )

    @classmethod
    def premise_figures(
        cls, u: Understanding, result: calc_results.Calculation, lang: Lang
    ) -> list[tuple[str, int | Fraction]]:
        """Return the figures a stated figure may claim, the one asked about first.

        A figure stated per position is compared with the figures per position. A result
        over several grant years offers each year's figure and their sum.
        """
        nb = lang == "nb"
        pos = result.inputs.get("positions", 1)
        per = Fraction(pos) if u.slots.get("stated_per") and isinstance(pos, Fraction) else 1
        unit = next((step.unit for step in result.steps if step.unit), calc_results.Unit.ARSVERK)
        per_text = f" per {working.quantity(Fraction(1), unit, lang).split(' ', 1)[1]}"
        if not u.slots.get("stated_per"):
            per_text = ""
        if result.kind is calc_results.CalcKind.RUSARBEID_DIFFERENCE:
            a, b = result.inputs["from_year"], result.inputs["to_year"]
            what = f"endringen fra år {a} til år {b}" if nb else f"the change from year {a} to {b}"
            direction = u.slots.get("direction")
            change = abs(result.total) if direction is None else result.total
            if direction == "down":
                change = -result.total
            return [(what + per_text, Fraction(change) / per)]
        special = cls.operation_figures(u, result, lang, per, per_text)
        if special:
            return special
        own = result.kind is calc_results.CalcKind.RUSARBEID_OWN_SHARE or (
            # the own share under a cap: cost minus the cap
            result.kind is calc_results.CalcKind.NAV_CAP and "own_share" in result.figures
        )
        noun = (
            ("egenandelen" if nb else "the own share")
            if own
            else ("tilskuddet" if nb else "the grant")
        )
        key = "own_share_year_{}" if own else "year_{}"
        years = sorted(
            int(k.rsplit("_", 1)[1]) for k in result.figures if k.startswith(key.format(""))
        )
        if len(years) <= 1:
            g = u.slots.get("grant_year") or result.inputs.get("grant_year")
            year = u.slots.get("year")
            when = f" i år {g}" if nb and g else (f" in year {g}" if g else "")
            if year and not g:
                when = f" i {year}" if nb else f" in {year}"
            value = Fraction(result.total) / per
            rates = [
                step.rate
                for step in result.steps
                if step.role in (calc_results.Role.GRANT, calc_results.Role.CAP_POSITIONS)
                and step.rate
            ]
            if per_text and not own and rates:
                value = Fraction(rates[0])  # the rate per position, not a share of the total
            return [(f"{noun}{when}{per_text}", value)]
        figures: list[tuple[str, int | Fraction]] = []
        first, last = years[0], years[-1]
        total = "summen" if nb else "the sum"
        span = f" for år {first}–{last}" if nb else f" for years {first}–{last}"
        figures.append((f"{total}{span}{per_text}", Fraction(result.total) / per))
        for g in years:
            when = f" i år {g}" if nb else f" in year {g}"
            figures.append(
                (f"{noun}{when}{per_text}", Fraction(result.figures[key.format(g)]) / per)
            )
        if not u.slots.get("grant_year") and not own:
            figures = figures[1:] + figures[:1]
        return figures

    @staticmethod
    def operation_figures(
        u: Understanding,
        result: calc_results.Calculation,
        lang: Lang,
        per: Fraction | int,
        per_text: str,
    ) -> list[tuple[str, int | Fraction]]:
        """Return the figures a stated figure may claim of the steps, an own-share change,
        groups of positions or an own share over calendar years (none for other results)."""
        nb = lang == "nb"
        kind = result.kind
        if kind is calc_results.CalcKind.RUSARBEID_STEPS:
            changes = [(k, v) for k, v in result.figures.items() if k.startswith("change_")]
            out: list[tuple[str, int | Fraction]] = []
            for key, value in changes:
                a, b = key.split("_")[1:]
                what = (
                    f"endringen fra år {a} til år {b}" if nb else f"the change from year {a} to {b}"
                )
                out.append((what + per_text, Fraction(abs(value)) / per))
            step = result.figures.get("step")
            if step is not None:
                what = "nedtrappingen hvert år" if nb else "the step each year"
                return [(what + per_text, Fraction(abs(step)) / per)]
            return out
        if kind is calc_results.CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE:
            a, b = str(result.inputs["from_year"]), str(result.inputs["to_year"])
            what = (
                f"endringen i egenandelen fra år {a} til år {b}"
                if nb
                else f"the change in the own share from year {a} to {b}"
            )
            direction = u.slots.get("direction")
            change = abs(result.total) if direction is None else result.total
            if direction == "down":
                change = -result.total
            return [(what + per_text, Fraction(change) / per)]
        if kind is calc_results.CalcKind.RUSARBEID_MIXED:
            what = "tilskuddet til sammen" if nb else "the grant in total"
            return [(what, Fraction(result.total))]
        if kind is calc_results.CalcKind.RUSARBEID_MIXED_OWN_SHARE:
            what = "egenandelen til sammen" if nb else "the own share in total"
            return [(what, Fraction(result.total))]
        if kind is calc_results.CalcKind.RUSARBEID_CALENDAR_OWN_SHARE:
            first, last = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first)), int(str(last)))
            what = (
                f"egenandelen til sammen for {span}" if nb else f"the own share in total for {span}"
            )
            out = [(what, Fraction(result.total))]
            for key, value in result.figures.items():
                if key.startswith("own_share_y"):
                    year = key.removeprefix("own_share_y")
                    noun = f"egenandelen i {year}" if nb else f"the own share in {year}"
                    out.append((noun, Fraction(value)))
            return out
        return []

    def premise_verdict(
        self, u: Understanding, result: calc_results.Calculation, lang: Lang
    ) -> str | None:
        """Confirm or contradict a figure the question states, with the right figure."""
        stated = u.slots.get("stated")
        if stated is None and "stated_years" in u.slots:
            return self.years_verdict(u, result, lang)
        if stated is None:
            return None
        figures = self.premise_figures(u, result, lang)
        nb = lang == "nb"
        claimed = fmt.kroner(int(stated), lang)
        for what, value in figures:
            if value == stated:
                return (
                    f"Ja, det stemmer: {what} er {claimed}."
                    if nb
                    else f"Yes, that is right: {what} is {claimed}."
                )
        # a figure of the working ('610 000 per stilling' of a cap of 620 000) is right too
        per = bool(u.slots.get("stated_per"))
        for step in result.steps:
            words = PART_WORDS.get(step.role)
            if step.role is calc_results.Role.COST or step.op is calc_results.Op.NOT_ELIGIBLE:
                continue
            if words is not None and not any(w in u.folded for w in words):
                continue  # a part ('herav til kompetanse') only when the question names it
            if stated == (step.rate if per else step.amount):
                line = working.render_step(step, lang)
                if not per and step.amount != result.total and result.total:
                    # 'to tiltak à 1 stilling gir maks 1 220 000?': right for that part; the
                    # whole (with the competence money) is said too
                    whole = fmt.kroner(result.total, lang)
                    line += f"; i alt blir det {whole}" if nb else f"; the whole comes to {whole}"
                return f"Ja, det stemmer: {line}." if nb else f"Yes, that is right: {line}."
        verb = " er " if nb else " is "
        right = "; ".join(
            what + verb + fmt.kroner(calc_rules.round_kroner(Fraction(value)), lang)
            for what, value in figures
        )
        if nb:
            return f"Nei, det stemmer ikke: {right} – ikke {claimed}."
        return f"No, that is not right: {right} – not {claimed}."

    def years_verdict(self, u: Understanding, result: calc_results.Calculation, lang: Lang) -> str:
        """Confirm or contradict a stated number of years: the ladder's years, or the cap's."""
        stated = int(u.slots["stated_years"])
        nb = lang == "nb"
        rules = self.kb.rules(result.scheme_id or "")
        ladders = [r for r in rules if isinstance(r, LadderRule)]
        rule = ladders[0] if ladders else next((r for r in rules if r.kind == "cap"), None)
        text = (rule.text_en or rule.text) if rule is not None and not nb else ""
        text = text or (rule.text if rule is not None else "")
        # the rule's own sentence on its years ('… i inntil tre år til samme tiltak')
        said = next(
            (
                p.strip()
                for p in re.split(r"(?<=[.!?])\s+", unwrap(text))
                if re.search(r"\b(?:inntil|up to)\b", p) and re.search(r"\b(?:år|years?)\b", p)
            ),
            None,
        )
        quote = f" Kilden: «{said}»" if said and nb else (f" The source: “{said}”" if said else "")
        if ladders:
            years = max(len(r.steps) for r in ladders)
            what = (
                f"stigen går over {years} år (tilskuddsår 1–{years})"
                if nb
                else f"the ladder runs over {years} years (grant years 1–{years})"
            )
        else:
            years = cap_calc.nav_max_years(self.kb)
            what = (
                f"tilskudd kan gis i inntil {years} år til samme tiltak"
                if nb
                else f"the grant can be given for up to {years} years for the same measure"
            )
        if stated == years:
            verdict = f"Ja, det stemmer: {what}." if nb else f"Yes, that is right: {what}."
        elif nb:
            verdict = f"Nei, det stemmer ikke: {what} – ikke {stated} år."
        else:
            verdict = f"No, that is not right: {what} – not {stated} years."
        return verdict + quote

    def wind_down_reference(self, scheme: str, year: int) -> int | None:
        """Return the year positions must exist in for a wind-down year, else None.

        In a wind-down year (a flat rule with conditions) every existing position gets the same
        amount, so a position asked about without its grant year is taken to exist in the year
        before the conditions start.
        """
        rules = [r for r in self.kb.rules(scheme) if r.years.contains(year)]
        conditional = [r for r in self.kb.rules(scheme) if getattr(r, "conditions", None)]
        if rules and any(isinstance(r, FlatRule) for r in rules) and conditional:
            return min(r.years.first for r in conditional) - 1
        return None

    def calendar_year_without_grant_year(
        self, scheme: str, year: int, positions: Fraction
    ) -> calc_results.Calculation:
        """Compute a calendar year when the grant year is not given.

        In a wind-down year (a rule with conditions) every existing position gets the same
        amount, so the position is taken to exist in the reference year; in a ladder year the
        amount depends on the grant year, so every grant year of the ladder is shown.
        """
        rules = [r for r in self.kb.rules(scheme) if r.years.contains(year)]
        reference = self.wind_down_reference(scheme, year)
        if reference is not None:
            return calendar_calc.rusarbeid_calendar_year(
                self.kb, year, [calc_results.PositionGroup(reference, positions)]
            )
        if not rules:
            return calendar_calc.rusarbeid_calendar_year(
                self.kb, year, [calc_results.PositionGroup(year, positions)]
            )
        return ladder_calc.rusarbeid_period_total(self.kb, positions)

    def compute_in_year(
        self, u: Understanding, scheme: str, positions: object, year: int
    ) -> calc_results.Calculation:
        """Compute an amount for one calendar year, as if the question had named only that year."""
        saved = dict(u.slots)
        u.slots["year"] = year
        for key in ("grant_year", "grant_year_to", "year_from", "year_to"):
            u.slots.pop(key, None)
        try:
            return self.compute(u, scheme, positions)
        finally:
            u.slots.clear()
            u.slots.update(saved)

    def compute_as_of(
        self, u: Understanding, scheme: str, positions: object, today: dt.date, lang: Lang
    ) -> tuple[calc_results.Calculation, asof.Dated]:
        """Compute a money question for its year (the asked one, else today's).

        A year the rules cover is answered plainly. An asked year after every rule is answered
        for the last year a rule covers; today's year after the rule used names that rule's years
        and what the sources say after them. When another rule covers today's year (a
        wind-down), an amount is computed for today's year, and the ladder figure is named with
        its years.
        """
        asked = u.slots.get("year")
        try:
            result = self.compute(u, scheme, positions)
        except calc_errors.OutOfRange as error:
            last = asof.last_of(error.covered)
            if u.intent != "amount" or not isinstance(asked, int) or not asof.after(asked, last):
                raise
            assert last is not None
            result = self.compute_in_year(u, scheme, positions, last)
            dated = asof.beyond(self.kb, scheme, "figures_year", last, asked, lang)
            dated.complete = False
            return result, dated
        if asked is not None or result.years is None:
            return result, asof.Dated()
        year, used = today.year, result.years
        if used.contains(year) or year < used.first:
            return result, asof.Dated()
        last = used.last if used.last is not None else used.first
        covering = [r for r in self.kb.rules(scheme) if r.kind != "text" and r.years.contains(year)]
        if not covering:
            return result, asof.beyond(
                self.kb, scheme, "figures", last, year, lang, years=used.label()
            )
        dated = asof.Dated()
        if u.intent == "amount":
            ladder = result
            result = self.compute_in_year(u, scheme, positions, year)
            grant_year = u.slots.get("grant_year")
            if grant_year is not None and ladder.total:
                dated.lines.append(
                    asof.phrase(
                        "ladder_before",
                        lang,
                        years=used.label(),
                        grant_year=grant_year,
                        amount=fmt.kroner(ladder.total, lang),
                        year=year,
                    )
                )
                dated.sources += ladder.sources
            return result, dated
        dated.lines.append(asof.phrase("figures_other", lang, years=used.label(), year=year))
        for rule in covering:
            dated.lines += rule_lines(rule, lang)
            dated.sources.append(self.kb.provenance(rule))
        return result, dated
