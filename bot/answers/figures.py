"""Figure answers: grants, own shares, caps and premises, with their working."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from fractions import Fraction

from bot import asof, fmt
from bot.answer import Answer, unique_sources
from bot.answers import working
from bot.answers.common import (
    PART_WORDS,
    RATE_KINDS,
    RATIO_WORDS,
    heading,
    named_thing,
    office_in,
)
from bot.answers.facts import FactAnswers
from bot.answers.tables import TableAnswers
from bot.calc import appropriation as appropriation_calc
from bot.calc import calendar as calendar_calc
from bot.calc import cap as cap_calc
from bot.calc import errors as calc_errors
from bot.calc import ladder as ladder_calc
from bot.calc import results as calc_results
from bot.calc import rules as calc_rules
from bot.cards import rule_lines
from bot.text import lazy_pattern, unwrap
from bot.understanding.entities import unread_positions
from bot.understanding.patterns import (
    AVERAGE_ASK,
    COST_SHARE_ASK,
    DIFFERENCE,
    EXISTING,
    FROM_ON,
    GRANT_YEAR_NOW,
    MEASURES,
    PER_MEASURE,
    PER_PART_OF_YEAR,
    POSITIONS_ASK,
    SAME_MEASURE,
    SHARE_ASK,
    SUM_ASK,
    WHICH_GRANT_YEAR,
    WHOLE_LADDER,
    WHOLE_POSITIONS,
)
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.kb import Provenance
from knowledge.schema import CapRule, FlatRule, LadderRule, Topic

# an amount the municipality says it receives: no cost to reckon an own share or a sum from
RECEIVED_ONLY: dict[Lang, str] = {
    "nb": "Beløpet du oppgir, leser jeg som tilskudd dere får, ikke som en kostnad. Jeg kan "
    "si hvilket tilskuddsår det svarer til («vi får 880 000 kr for 2 årsverk – hvilket "
    "tilskuddsår er vi i?»), eller regne ut tilskuddet for et år du oppgir.",
    "en": "I read the amount you give as a grant you receive, not as a cost. I can say which "
    "grant year it matches (“we get NOK 880,000 for 2 FTE – which grant year are we in?”), or "
    "work out the grant for a year you give.",
}
# 'snitt per årsverk', 'average per FTE': an average over positions, not over years
PER_POSITION_WORD = lazy_pattern(r"\b(?:per|pr\.?)\s+(?:arsverk|stilling\w*|position|fte)\b")
# 'hvor mye får vi i snitt i år 2?': an average needs a sum over several years
AVERAGE_ONLY: dict[Lang, str] = {
    "nb": "Et gjennomsnitt regner jeg bare per år over flere tilskuddsår, for alle årsverkene "
    "samlet. Skriv f.eks. «gjennomsnitt per år over de fire årene for 1 årsverk».",
    "en": "I only work out an average per year over several grant years, for all the positions "
    "together. Write e.g. “average per year over the four years for 1 FTE”.",
}
# 'per måned', 'per kvartal': the sources give yearly amounts only
PER_YEAR_ONLY: dict[Lang, str] = {
    "nb": "Kildene oppgir tilskuddet per år, ikke per måned, kvartal eller uke, og sier ikke "
    "hvordan det fordeles over året. Beløpene under gjelder et helt tilskuddsår.",
    "en": "The sources give the grant per year, not per month, quarter or week, and do not "
    "say how it is spread over the year. The amounts below are for a whole grant year.",
}

# 'uten kompetansemidlene' on a reckoning the competence money cannot simply be taken off
WITHOUT_COMPETENCE_ONLY: dict[Lang, str] = {
    "nb": "Uten kompetansemidlene regner jeg bare tilskuddsbeløp (ett år, flere år eller en "
    "sum), ikke endringer, egenandeler eller andeler. Spør f.eks. «hva får 2 årsverk i år 1 "
    "uten kompetansemidlene?».",
    "en": "Without the competence money I only work out grant amounts (one year, several years "
    "or a sum), not changes, own shares or shares. Ask e.g. “what do 2 FTE get in year 1 "
    "without the competence money?”.",
}
# the kinds whose total is a grant the competence money can be taken off
GRANT_TOTALS = frozenset(
    {
        calc_results.CalcKind.RUSARBEID_GRANT_YEAR,
        calc_results.CalcKind.RUSARBEID_MIXED,
        calc_results.CalcKind.RUSARBEID_PERIOD,
        calc_results.CalcKind.RUSARBEID_CALENDAR_YEAR,
        calc_results.CalcKind.RUSARBEID_CALENDAR_RANGE,
    }
)


# 'for alle ordningene', 'all the schemes': every scheme, not the one a ladder belongs to
ALL_SCHEMES = lazy_pattern(
    r"\b(?:alle|samtlige|all)\s+(?:de\s+|dei\s+|the\s+)?(?:ordning\w*|tilskuddsordning\w*|"
    r"schemes?|grant schemes?)\b"
)


#: 'i prosent', 'how many per cent', 'as a percentage': a change asked as a share of the first
IN_PERCENT = lazy_pattern(
    r"(?<![\d\s])\s*\b(?:prosent\w*|percent\w*|per cent|prosentvis|percentage)\b"
)


#: the competence money a year-1 amount includes: 'kompetanseutviklingsmidlene', 'competence money'
COMPETENCE_MONEY = lazy_pattern(
    r"\b(?:kompetansemid\w*|kompetanseutviklingsmid\w*|kompetansepeng\w*|kompetansedel\w*|"
    r"kompetanseutvikling|competence (?:funds?|money|development))\b"
)


#: a change to the grant by a percentage the sources never give ('20 % påslag')
UNSAID_CHANGE: dict[Lang, str] = {
    "nb": "Kildene sier ingenting om at tilskuddet{where} endres med {percent} % (et påslag, "
    "tillegg, trekk eller en justering), så jeg regner ikke med noe slikt. Jeg regner bare med "
    "satsene og grensene kildene oppgir.",
    "en": "The sources say nothing about the grant{where} changing by {percent} % (a "
    "supplement, addition, deduction or adjustment), so I do not reckon with any. I only "
    "reckon with the rates and limits the sources give.",
}

#: more of a grant on a condition the sources never give
UNSAID_EXTRA: dict[Lang, str] = {
    "nb": "Kildene sier ingenting om ekstra tilskudd{where} på et slikt vilkår, så jeg regner "
    "ikke med noe tillegg. Jeg regner bare med satsene og grensene kildene oppgir.",
    "en": "The sources say nothing about extra grant money{where} on such a condition, so I do "
    "not reckon with any. I only reckon with the rates and limits the sources give.",
}

#: a limit on positions per municipality the sources never give
UNSAID_LIMIT: dict[Lang, str] = {
    "nb": "Kildene sier ingenting om et tak på antall årsverk eller stillinger per "
    "kommune{where}, så jeg regner ikke med et tak på {count}. Jeg regner bare med satsene og "
    "grensene kildene oppgir.",
    "en": "The sources say nothing about a limit on the number of positions per "
    "municipality{where}, so I do not reckon with a limit of {count}. I only reckon with the "
    "rates and limits the sources give.",
}


# a sentence that gives a rule's years in words ('… kan gis i inntil tre år til samme tiltak')
DURATION_SENTENCE = re.compile(r"\b(?:inntil|opptil|up to)\b[^.]*\b(?:år|years?)\b", re.IGNORECASE)


def duration_words(rule: CapRule | LadderRule, lang: Lang) -> str | None:
    """Return the sentence of a rule's text that gives its years, in the answer language.

    A heading before a colon ('Beregningsregler (…): Tilskudd har blitt gitt … inntil 4 år')
    is left out.
    """
    text = unwrap((rule.text_en or rule.text) if lang == "en" else rule.text)
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        m = DURATION_SENTENCE.search(sentence)
        if m:
            head = sentence.rfind(": ", 0, m.start())
            return sentence[head + 2 :] if head >= 0 else sentence
    return None


def _only_year_said(slots: dict[str, object]) -> bool:
    """Whether a question says nothing of positions, costs or grant years, only a year."""
    return "year" in slots and not any(
        k in slots for k in ("cost", "duration", "grant_year_to", "year_rel", "start_year_rel")
    )


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
        caps = self.schemes_with(lambda s: any(r.kind == "cap" for r in s.rules))
        if len(caps) == 1 and "grant_year" not in u.slots and PER_MEASURE.search(u.folded):
            # 'hvor mye gis per tiltak til kompetanse?': only the cap rule counts money per
            # measure (what the measure money covers, e.g. design or evaluation, is its text)
            return caps[0]
        if u.thing:
            # the question names something no scheme with rates speaks of: no default, unless
            # only one scheme's rules speak of it ('per measure for competence, e.g. design')
            return u.thing_scheme
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
            or (u.intent in ("total", "own_share") and not _only_year_said(u.slots))
        ):
            # ('hva fikk kommunene til sammen i 2019?': a calendar year alone says no ladder)
            return ladders[0]
        return None

    def figures(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer amount, total and own-share questions with the calculation module.

        An own-share question without a cost ('what must the municipality co-fund?') is
        answered with what the sources say about the own share; a money question about the
        schemes' appropriations (see ``asks_appropriation``) with the appropriations.
        """
        if u.slots.get("asks_end") and not any(
            k in u.slots for k in ("start_year", "start_year_rel")
        ):
            ended = self.end_without_start(u, today, lang)
            if ended is not None:
                return ended
        year = u.slots.get("year")
        if u.intent in ("amount", "total") and ALL_SCHEMES.search(u.folded):
            # 'hvor mye er det til sammen for alle ordningene (i 2021)?': the money of every
            # scheme with a national appropriation that year, never one scheme's ladder
            with_money = [
                sid
                for sid, item in self.kb.schemes.items()
                if isinstance(year, int)
                and any(a.year == year and a.scope == "nasjonal" for a in item.appropriations)
            ]
            if len(with_money) >= 2:
                u.intent, u.schemes_mentioned = "appropriation", with_money
                u.scheme = with_money[0]
                u.slots.pop("schemes_first", None)
                return self.appropriation(u, today, lang)
            msg = (
                "Jeg forsto ikke hvilke ordningers penger du vil ha summert. Nevn året og "
                "ordningene, f.eks. «bevilgningene til alle ordningene i 2021 til sammen»."
                if lang == "nb"
                else "I did not understand which schemes' money to add up. Give the year and "
                "the schemes, e.g. “the appropriations of all the schemes in 2021 together”."
            )
            return self.answer(u, lang, [msg], answered=False)
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
        if "year_rel_to" in u.slots:
            # 'i år og neste år': the two years against today as a span
            first = today.year + int(u.slots.pop("year_rel"))
            u.slots["year_from"] = first
            u.slots["year_to"] = today.year + int(u.slots.pop("year_rel_to"))
            u.slots.pop("year", None)
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
        if u.slots.get("asks_end") and "start_year" in u.slots:
            ended = self.end_year(u, today, lang)
            if ended is not None:
                return ended
        if "positions" not in u.slots and unread_positions(u.folded):
            msg = (
                "Jeg forsto ikke hvor mange årsverk det gjelder. Skriv det som et tall, "
                "f.eks. «0,33 årsverk», «1/3 stilling» eller «50 % stilling»."
                if lang == "nb"
                else "I did not understand how many positions you mean. Write it as a number, "
                "e.g. “0.33 FTE”, “1/3 position” or “50 % position”."
            )
            return self.answer(u, lang, [msg], answered=False)
        unread = u.slots.get("positions_unread")
        if unread:
            # several counts of positions that no reading put together: no figure for one
            counts = ", ".join(fmt.positions(Fraction(c), lang) for c in unread)
            msg = (
                f"Jeg forsto ikke hvordan antallene årsverk du nevner ({counts}) henger sammen. "
                "Skriv f.eks. «2 årsverk i år 3 og 1 årsverk i år 1» eller «1,5 årsverk i år 2»."
                if lang == "nb"
                else f"I did not understand how the numbers of positions you give ({counts}) "
                "fit together. Write e.g. “2 FTE in year 3 and 1 FTE in year 1” or “1.5 FTE in "
                "year 2”."
            )
            return self.answer(u, lang, [msg], answered=False)
        if "received" in u.slots:
            return self.received_amount(u, lang)
        funded = u.slots.get("funded_year")
        scheme_named = u.scheme or (u.schemes_mentioned[0] if u.schemes_mentioned else None)
        if isinstance(funded, int) and "start_year" not in u.slots and scheme_named:
            # positions funded in a year, grant year unknown: only the wind-down's years, where
            # every existing position gets the same amount, can be answered
            since = u.slots.get("year", u.slots.get("year_from"))
            until = u.slots.get("year", u.slots.get("year_to"))
            asked = range(int(since), int(until) + 1) if since and until else range(0)
            if asked and all(self.wind_down_reference(scheme_named, y) == funded for y in asked):
                u.slots["start_year"] = funded
            else:
                msg = (
                    f"Jeg vet ikke hvilket tilskuddsår stillingene er i; at de fikk tilskudd i "
                    f"{funded}, sier ikke det. Skriv når de fikk tilskudd første gang, f.eks. "
                    f"«første tilskudd i {funded - 1}»."
                    if lang == "nb"
                    else f"I do not know which grant year the positions are in; a grant in "
                    f"{funded} does not say. Write when they first got a grant, e.g. “first "
                    f"grant in {funded - 1}”."
                )
                return self.answer(u, lang, [msg], answered=False)
        if "received_with_cost" in u.slots and isinstance(u.slots.get("cost"), int):
            # the question gives the cost and the grant: the own share is their difference
            cost, got = int(u.slots["cost"]), int(u.slots["received_with_cost"])
            own = max(0, cost - got)
            text = (
                f"Med de tallene du oppgir: {fmt.kroner(cost, lang)} − {fmt.kroner(got, lang)} = "
                f"{fmt.kroner(own, lang)} i egenandel (aldri under 0 kr)."
                if lang == "nb"
                else f"With the figures you give: {fmt.kroner(cost, lang)} − "
                f"{fmt.kroner(got, lang)} = {fmt.kroner(own, lang)} own share (never below 0)."
            )
            return self.answer(u, lang, [text], answered=u.intent == "own_share")
        scattered = u.slots.get("years_scattered")
        if scattered:
            listed = ", ".join(str(y) for y in scattered)
            msg = (
                f"Jeg forsto ikke hva hvert av årene ({listed}) står for. Skriv f.eks. "
                "«1 årsverk som startet i 2018 og 1 som startet i 2020 – hva får vi i 2021?»."
                if lang == "nb"
                else f"I did not understand what each of the years ({listed}) stands for. "
                "Write e.g. “1 FTE that started in 2018 and 1 that started in 2020 – what do "
                "we get in 2021?”."
            )
            return self.answer(u, lang, [msg], answered=False)
        compared = u.slots.get("positions_compared")
        if compared:
            # 'hvor mye mer får 3 årsverk enn 2?': one count of positions at a time
            counts = " og ".join(fmt.positions(c, lang) for c in compared)
            msg = (
                f"Jeg regner for ett antall årsverk om gangen, og spørsmålet nevner flere "
                f"({counts}). Spør f.eks. «hva får 3 årsverk i år 1?» og «og 2 årsverk?»."
                if lang == "nb"
                else f"I work out one number of positions at a time, and the question names "
                f"several ({counts.replace(' og ', ' and ')}). Ask e.g. “what do 3 FTE get in "
                "year 1?” and then “and 2 FTE?”."
            )
            return self.answer(u, lang, [msg], answered=False)
        began = u.slots.get("start_years")
        groups = u.slots.get("start_groups") or ()
        if began and not set(began) <= {year for _count, year in groups}:
            # 'tre årsverk som startet i 2019 og 2020': how many started when is not said (a
            # group the start-year reader missed, 'ett nytt årsverk fra 2021', may be more)
            msg = (
                "Jeg forsto ikke hvor mange årsverk som startet i hvert år ("
                + ", ".join(str(y) for y in began)
                + "). Skriv det f.eks. som «2 årsverk som startet i 2019 og 1 som startet i "
                "2020»."
                if lang == "nb"
                else "I did not understand how many positions started in each year ("
                + ", ".join(str(y) for y in began)
                + "). Write it e.g. as “2 FTE that started in 2019 and 1 that started in 2020”."
            )
            return self.answer(u, lang, [msg], answered=False)
        compared = self.rates_compared(u)
        if compared is not None:
            return self.rates_difference(u, compared, lang)
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
        if not dated.shows_figures:
            answer.paragraphs = []
        answer.paragraphs[:0] = self.operation_lead(u, result, lang)
        beyond = self.beyond_ladder(u, result, scheme, lang)
        if beyond:
            # 'får en stilling som startet i 2019 tilskudd i 2023?': past the ladder's years,
            # a flat rate for existing positions leaves it open
            answer.paragraphs.insert(0, beyond)
            answer.answered = False
        if (
            dated.shows_figures
            and COMPETENCE_MONEY.search(u.folded)
            and (IN_PERCENT.search(u.folded) or SHARE_ASK.search(u.folded))
        ):
            # 'hvor mye utgjør kompetansemidlene i prosent av år 1-satsen?': the competence
            # money's share of the grant-year amount that includes it
            share = self.competence_share_line(result, lang)
            if share:
                answer.paragraphs.insert(0, share)
        if (
            result.kind is calc_results.CalcKind.NAV_CAP
            and u.intent == "total"
            and not any(k in s for k in ("duration", "grant_year", "year_from"))
            and dated.shows_figures
        ):
            # 'hva kan vi maks få i alt for 2 stillinger?' with no years: the cap of one year,
            # and of the most years the same measure can get
            answer.paragraphs[:0] = self.cap_period_lead(scheme, result, lang)
        if u.intent == "own_share" and COST_SHARE_ASK.search(u.folded):
            share = self.cost_share_line(result, lang)
            if share:
                answer.paragraphs.insert(0, share)
        if AVERAGE_ASK.search(u.folded) and (
            (PER_POSITION_WORD.search(u.folded) and s.get("positions", 1) != 1)
            or not self.average_lead(answer, result, lang)
        ):
            # an average per position of several, or of one year, is not worked out
            return self.answer(u, lang, [AVERAGE_ONLY[lang]], answered=False)
        if s.get("no_competence") and dated.shows_figures:
            # 'uten kompetansemidlene': the grant less the competence money it includes
            taken = sum(
                step.amount for step in result.steps if step.role is calc_results.Role.COMPETENCE
            )
            first_year = any(step.grant_year == 1 for step in result.steps)
            if (taken or first_year) and result.kind not in GRANT_TOTALS:
                # (a change or own share from year 1 holds its competence money unseen)
                return self.answer(u, lang, [WITHOUT_COMPETENCE_ONLY[lang]], answered=False)
            if taken:
                gross, less = fmt.kroner(result.total, lang), fmt.kroner(taken, lang)
                net = fmt.kroner(result.total - taken, lang)
                answer.paragraphs.insert(
                    0,
                    f"Uten kompetansemidlene: {gross} − {less} = {net}."
                    if lang == "nb"
                    else f"Without the competence money: {gross} − {less} = {net}.",
                )
        if PER_PART_OF_YEAR.search(u.folded):
            # 'hvor mye får vi per måned?': the sources give amounts per year only
            answer.paragraphs.insert(0, PER_YEAR_ONLY[lang])
            answer.answered = False
        counted = "positions" in s or s.get("start_groups") or s.get("groups")
        if not counted and scheme and dated.shows_figures:
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
            answer.after_sources = True
        answer.sources = unique_sources([*answer.sources, *dated.sources])
        return answer

    def rates_compared(self, u: Understanding) -> tuple[str, str] | None:
        """Return the two schemes with rates whose rates a question sets against each other.

        'Hvor mye mer gir A per stilling enn B i år 2?': the schemes named before 'enn' first.
        """
        first = u.slots.get("schemes_first")
        if not first or u.intent != "amount" or not DIFFERENCE.search(u.folded):
            return None
        with_rules = self.schemes_with(lambda s: any(r.kind in ("ladder", "cap") for r in s.rules))
        named = [sid for sid in dict.fromkeys(u.schemes_mentioned) if sid in with_rules]
        if len(named) != 2 or len(set(u.schemes_mentioned)) != 2:
            return None
        ahead = [sid for sid in named if sid in first]
        if len(ahead) != 1:
            return None
        return ahead[0], next(sid for sid in named if sid != ahead[0])

    def unsaid_change(self, u: Understanding, percent: str, lang: Lang) -> Answer | None:
        """Decline a change to the grant by a percentage ('20 % påslag') the sources never give.

        None when the sources of the schemes asked about state that percentage.
        """
        stated = rf"(?<![\d.,]){re.escape(percent)}\s*(?:%|prosent|per cent|percent)"
        return self.unsaid(u, lang, stated, UNSAID_CHANGE, percent=percent)

    def unsaid_extra(self, u: Understanding, lang: Lang) -> Answer | None:
        """Decline more of a grant on a condition ('hvis de samarbeider') the sources never
        give: None when a scheme asked about speaks of extra money or a supplement at all."""
        stated = r"\b(?:ekstra|tillegg|paslag|okt tilskudd)\b"
        return self.unsaid(u, lang, stated, UNSAID_EXTRA)

    def unsaid_limit(self, u: Understanding, count: str, lang: Lang) -> Answer | None:
        """Decline a limit on positions per municipality the sources never give, else None."""
        return self.unsaid(u, lang, r"\b(?:per|pr\.?|hver)\s+kommune", UNSAID_LIMIT, count=count)

    def unsaid(
        self, u: Understanding, lang: Lang, stated: str, text: dict[Lang, str], **values: str
    ) -> Answer | None:
        """Decline a rule the sources of the schemes asked about never state (None if they do)."""
        sids = list(dict.fromkeys(u.schemes_mentioned)) or ([u.scheme] if u.scheme else [])
        if any(re.search(stated, said) for said in (self.scheme_words(sid) for sid in sids)):
            return None
        names = " og ".join(asof.scheme_name(self.kb, sid, lang) for sid in sids)
        if lang == "nb":
            where = f" i {names}" if names else ""
        else:
            where = f" in the {names.replace(' og ', ' and ')}" if names else ""
        return self.answer(u, lang, [text[lang].format(where=where, **values)], answered=False)

    def rates_of_year(self, schemes: tuple[str, str], year: int) -> bool:
        """Tell whether each scheme's rate rule covers a calendar year ('NAV-ordningen 2020')."""
        for sid in schemes:
            rated = [r for r in self.kb.schemes[sid].rules if r.kind in ("ladder", "cap")]
            if not rated or not all(r.years.contains(year) for r in rated):
                return False
        return True

    def rates_difference(self, u: Understanding, schemes: tuple[str, str], lang: Lang) -> Answer:
        """Answer how much more one scheme's rate per position is than another's."""
        s = u.slots
        if any(k in s for k in ("year_from", "start_year", "cost", "grant_year_to")) or (
            "year" in s and not self.rates_of_year(schemes, s["year"])
        ):
            # calendar years, costs or two grant years on top: not read as one comparison
            msg = (
                "Jeg sammenligner to ordningers satser per stilling for ett tilskuddsår om "
                "gangen, uten kalenderår eller kostnader. Spør f.eks. «hvor mye mer gir "
                "NAV-tilskuddet per stilling enn kommunalt rusarbeid i år 2?»."
                if lang == "nb"
                else "I compare two schemes' rates per position for one grant year at a time, "
                "without calendar years or costs. Ask e.g. “how much more does the NAV grant "
                "give per position than kommunalt rusarbeid in year 2?”."
            )
            return self.answer(u, lang, [msg], answered=False)
        grant_year = s.get("grant_year")
        positions = s.get("positions", 1)
        if not isinstance(grant_year, int) and any(
            any(r.kind == "ladder" for r in self.kb.schemes[sid].rules) for sid in schemes
        ):
            # a ladder's rate depends on the grant year: without one there is no single figure
            msg = (
                "Satsen i en nedtrappingsstige avhenger av tilskuddsåret. Skriv hvilket "
                "tilskuddsår du vil sammenligne, f.eks. «i år 2»."
                if lang == "nb"
                else "A ladder's rate depends on the grant year. Say which grant year to "
                "compare, e.g. “in year 2”."
            )
            return self.answer(u, lang, [msg], answered=False)
        try:
            one, other, change = cap_calc.position_rates_difference(
                self.kb,
                schemes[0],
                schemes[1],
                positions,
                grant_year if isinstance(grant_year, int) else None,
                competence=not s.get("no_competence"),
                measures=int(s.get("measures") or 0),
            )
        except calc_errors.CalcError as error:
            return self.calc_error(u, lang, error)
        pos = one.inputs["positions"]
        assert isinstance(pos, Fraction)
        if lang == "nb":
            count = "per stilling" if pos == 1 else f"for {fmt.positions(pos, lang)} stillinger"
            year = f" i år {grant_year}" if isinstance(grant_year, int) else ""
        else:
            count = "per position" if pos == 1 else f"for {fmt.positions(pos, lang)} positions"
            year = f" in year {grant_year}" if isinstance(grant_year, int) else ""

        def rate(calc: calc_results.Calculation) -> str:
            """One scheme's figure, 'inntil' when it is a cap."""
            upto = calc.kind is calc_results.CalcKind.NAV_CAP
            ladder = calc.kind is calc_results.CalcKind.RUSARBEID_GRANT_YEAR
            lead = ("inntil " if lang == "nb" else "up to ") if upto else ""
            figure = fmt.kroner(calc.total, lang)
            taken = calc.figures.get("competence_excluded", 0)
            if taken:
                # 'uten kompetansemidlene': the ladder year's amount less its competence money
                gross = fmt.kroner(calc.total + taken, lang)
                less = fmt.kroner(taken, lang)
                figure = (
                    f"{gross} − {less} kompetansemidler = {figure}"
                    if lang == "nb"
                    else f"{gross} − {less} competence money = {figure}"
                )
            return f"{lead}{figure} {count}" + (year if ladder else "")

        a, b = (asof.scheme_name(self.kb, sid, lang) for sid in schemes)
        big_a, big_b = heading(a), heading(b)
        ka, kb_, kd = (fmt.kroner(x, lang) for x in (one.total, other.total, abs(change)))
        if lang == "nb":
            more = "mer" if change >= 0 else "mindre"
            lines = [
                f"{big_a}: {rate(one)}. {big_b}: {rate(other)}.",
                f"{ka} − {kb_} = {fmt.kroner(change, lang)}: {a} gir {kd} {more} enn {b}.",
            ]
        else:
            more = "more" if change >= 0 else "less"
            lines = [
                f"{big_a}: {rate(one)}. {big_b}: {rate(other)}.",
                f"{ka} − {kb_} = {fmt.kroner(change, lang)}: the {a} gives {kd} {more} "
                f"than the {b}.",
            ]
        for name, calc in zip((big_a, big_b), (one, other), strict=True):
            counted = int(str(calc.inputs.get("measures", 0)))
            if calc.kind is calc_results.CalcKind.NAV_CAP and counted:
                lines.append(
                    f"{name}: beløpet er en øvre grense («inntil»), med kompetansemidler for "
                    f"{counted} tiltak."
                    if lang == "nb"
                    else f"{name}: the amount is an upper limit (“up to”), with the competence "
                    f"money for {counted} measure{'s' if counted > 1 else ''}."
                )
            elif calc.kind is calc_results.CalcKind.NAV_CAP:
                lines.append(
                    f"{name}: beløpet er en øvre grense («inntil») per 100 % stilling, uten "
                    "kompetansemidler per tiltak."
                    if lang == "nb"
                    else f"{name}: the amount is an upper limit (“up to”) per 100 % position, "
                    "without the competence money per measure."
                )
        ranges = [
            f"{name} {c.years.label()}"
            for name, c in zip((a, b), (one, other), strict=True)
            if c.years
        ]
        if ranges:
            lines.append(
                "Satsene er fra reglene for " + ", ".join(ranges) + "."
                if lang == "nb"
                else "The rates are from the rules for " + ", ".join(ranges) + "."
            )
        return self.answer(u, lang, lines, sources=[*one.sources, *other.sources])

    def cap_period_lead(
        self, scheme: str, result: calc_results.Calculation, lang: Lang
    ) -> list[str]:
        """Say a cap total asked with no years: per year, and over the most years."""
        inputs = result.inputs
        most = cap_calc.nav_max_years(self.kb)
        if most <= 1:
            return []
        period = cap_calc.nav_grant(
            self.kb,
            inputs["positions"],  # type: ignore[arg-type]
            measures=int(inputs["measures"]),  # type: ignore[call-overload]
            years=most,
        )
        year, whole = fmt.kroner(result.total, lang), fmt.kroner(period.total, lang)
        return [
            f"Inntil {year} per år. Spørsmålet sier ikke hvor mange år; tilskudd gis primært "
            f"for ett år, men kan gis i inntil {most} år til samme tiltak: inntil {most} × "
            f"{year} = {whole} i alt, om hvert år innvilges."
            if lang == "nb"
            else f"Up to {year} per year. The question does not say how many years; grants are "
            f"primarily given for one year, but for up to {most} years for the same measure: "
            f"up to {most} × {year} = {whole} in all, if each year is granted."
        ]

    def received_amount(self, u: Understanding, lang: Lang) -> Answer:
        """Answer 'vi får 880 000 kr for 2 årsverk – hvilket tilskuddsår er vi i?'.

        The grant years whose rate times the positions is the amount received; anything else
        asked about an amount received is declined, since it is no cost to reckon with.
        """
        nb = lang == "nb"
        received = u.slots["received"]
        positions = u.slots.get("positions", 1)
        scheme = self.money_scheme(u)
        ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)] if scheme else []
        if not (isinstance(received, int) and isinstance(positions, Fraction | int) and ladders):
            return self.answer(u, lang, [RECEIVED_ONLY[lang]], answered=False)
        if POSITIONS_ASK.search(u.folded) and isinstance(u.slots.get("grant_year"), int):
            return self.positions_received(u, lang, received, ladders, scheme)
        if not WHICH_GRANT_YEAR.search(u.folded):
            return self.answer(u, lang, [RECEIVED_ONLY[lang]], answered=False)
        matches = sorted(
            {
                (step.grant_year, step.amount)
                for rule in ladders
                for step in rule.steps
                if Fraction(positions) * step.amount == received
            }
        )
        count = fmt.positions(Fraction(positions), lang)
        amount = fmt.kroner(received, lang)
        if not matches:
            text = (
                f"Ingen tilskuddsår gir {amount} for {count} årsverk etter stigen i kildene."
                if nb
                else f"No grant year gives {amount} for {count} FTE by the ladder in the sources."
            )
            return self.answer(u, lang, [text], answered=False)
        lines = [
            (
                f"{amount} for {count} årsverk svarer til tilskuddsår {g}: {count} × "
                f"{fmt.kroner(rate, lang)} = {amount}."
                if nb
                else f"{amount} for {count} FTE matches grant year {g}: {count} × "
                f"{fmt.kroner(rate, lang)} = {amount}."
            )
            for g, rate in matches
        ]
        sources = [self.kb.provenance(r) for r in ladders]
        return self.answer(u, lang, lines, sources=unique_sources(sources), scheme=scheme)

    def positions_of_appropriation(self, u: Understanding, lang: Lang) -> Answer | None:
        """Answer 'hvis hele Innlandet-potten i 2021 gikk til nye årsverk i år 1, hvor mange
        hele årsverk ville det dekket?': the scheme's own money that year over its rate.

        None unless the question names one scheme with a ladder, a calendar year and a grant
        year, and the sources give that scheme's money for the year (national or the office's).
        """
        scheme, year, grant_year = u.scheme, u.slots.get("year"), u.slots.get("grant_year")
        if not (POSITIONS_ASK.search(u.folded) and isinstance(grant_year, int) and grant_year > 0):
            return None
        if scheme is None or not isinstance(year, int) or len(set(u.schemes_mentioned)) > 1:
            return None
        ladders = [
            r for r in self.kb.rules(scheme) if isinstance(r, LadderRule) and r.years.contains(year)
        ]
        office = u.slots.get("office")
        try:
            pot = appropriation_calc.appropriation_sum(
                self.kb, [(scheme, year)], None if office in (None, "nasjonal") else office
            )
        except calc_errors.CalcError:
            return None
        if not ladders:
            return None
        answer = self.positions_received(u, lang, pot.total, ladders, scheme)
        name = asof.scheme_name(self.kb, scheme, lang)
        if office in (None, "nasjonal"):
            said = " (nasjonalt)" if lang == "nb" else " (nationally)"
        else:
            said = f" ({office_in(pot.sources[0], lang)})" if pot.sources else ""
        given = [a for a in self.kb.schemes[scheme].appropriations if a.year == year]
        about = (
            ("ca. " if lang == "nb" else "approx. ")
            if any(a.approximate and a.amount == pot.total for a in given)
            else ""
        )
        guess = any(a.prognosis and a.amount == pot.total for a in given)
        told = f"{about}{fmt.kroner(pot.total, lang)}" + (
            (" (prognose)" if lang == "nb" else " (forecast)") if guess else ""
        )
        answer.paragraphs.insert(0, f"{heading(name)} {year}{said}: {told}.")
        answer.sources = unique_sources([*pot.sources, *answer.sources])
        return answer

    def positions_received(
        self,
        u: Understanding,
        lang: Lang,
        received: int,
        ladders: list[LadderRule],
        scheme: str | None,
    ) -> Answer:
        """Answer 'vi fikk 1 320 000 kr i år 1 – hvor mange årsverk er det, og hva får de i
        år 2?': the positions the amount is at the first grant year's rate, and the grant
        for them in the other grant years asked."""
        nb = lang == "nb"
        first = int(u.slots["grant_year"])
        last = int(u.slots.get("grant_year_to", first))
        wanted = [g for g in (u.slots.get("grant_years") or range(first, last + 1)) if g > 0]
        rates = {
            g: {step.amount for rule in ladders for step in rule.steps if step.grant_year == g}
            for g in wanted
        }
        if any(len(found) != 1 for found in rates.values()):
            # a grant year the ladders give no rate, or different rates, for: no count
            return self.answer(u, lang, [RECEIVED_ONLY[lang]], answered=False)
        rate = next(iter(rates[first]))
        positions = Fraction(received, rate)
        count, amount = fmt.positions(positions, lang), fmt.kroner(received, lang)
        lines = [
            f"{amount} i tilskuddsår {first} svarer til {amount} / {fmt.kroner(rate, lang)} = "
            f"{count} årsverk."
            if nb
            else f"{amount} in grant year {first} matches {amount} / {fmt.kroner(rate, lang)} "
            f"= {count} FTE."
        ]
        whole = positions.numerator // positions.denominator
        if positions.denominator != 1 and WHOLE_POSITIONS.search(u.folded):
            # 'hvor mange hele årsverk ville det holdt til?': what is left pays for no position
            paid = fmt.kroner(whole * rate, lang)
            lines.append(
                f"Det holder til {whole} hele årsverk ({whole} × {fmt.kroner(rate, lang)} = "
                f"{paid}); resten, {fmt.kroner(received - whole * rate, lang)}, dekker ikke et "
                "helt årsverk til."
                if nb
                else f"That is enough for {whole} whole FTE ({whole} × {fmt.kroner(rate, lang)} "
                f"= {paid}); the rest, {fmt.kroner(received - whole * rate, lang)}, does not "
                "cover another whole FTE."
            )
        for g in wanted[1:]:
            other = next(iter(rates[g]))
            total = fmt.kroner(calc_rules.round_kroner(positions * other), lang)
            lines.append(
                f"Tilskuddsår {g}: {count} årsverk × {fmt.kroner(other, lang)} = {total}."
                if nb
                else f"Grant year {g}: {count} FTE × {fmt.kroner(other, lang)} = {total}."
            )
        sources = [self.kb.provenance(r) for r in ladders]
        return self.answer(u, lang, lines, sources=unique_sources(sources), scheme=scheme)

    @staticmethod
    def cost_share_line(result: calc_results.Calculation, lang: Lang) -> str | None:
        """Say the own share and the grant as shares of the cost, when the cost is all covered.

        The cost is the grant plus the own share only while no year's grant exceeds its cost
        (an own share is never below 0); otherwise no share is said.
        """
        figures = result.figures
        if not all(k in figures for k in ("grant", "own_share")):
            return None
        yearly = [v for k, v in figures.items() if k.startswith("own_share_")]
        if not yearly or any(v <= 0 for v in yearly):
            return None
        cost = figures["grant"] + figures["own_share"]
        own = Fraction(figures["own_share"], cost)
        covered = 1 - own

        def shown(part: Fraction) -> str:
            text = f"{round(float(part * 100), 1):.1f}".removesuffix(".0")
            about = (
                "" if (part * 1000).denominator == 1 else ("omtrent " if lang == "nb" else "about ")
            )
            return about + (text.replace(".", ",") + " %" if lang == "nb" else text + "%")

        own_kroner, cost_kroner = fmt.kroner(figures["own_share"], lang), fmt.kroner(cost, lang)
        if lang == "nb":
            return (
                f"Egenandelen er {shown(own)} av kostnaden ({own_kroner} av {cost_kroner}); "
                f"tilskuddet dekker {shown(covered)}."
            )
        return (
            f"The own share is {shown(own)} of the cost ({own_kroner} of {cost_kroner}); "
            f"the grant covers {shown(covered)}."
        )

    @staticmethod
    def average_lead(answer: Answer, result: calc_results.Calculation, lang: Lang) -> bool:
        """Lead a sum over several years with its average per year; False for one year.

        'gjennomsnittlig tilskudd per år over fire år': the sum divided by the years summed,
        exact, or rounded half up to whole kroner and said to be rounded.
        """
        own = "own_share" in result.figures
        pattern = r"own_share_(?:year_\d+|y\d{4})" if own else r"year_\d+|y\d{4}"
        years = [k for k in result.figures if re.fullmatch(pattern, k)]
        if len(years) < 2:
            return False
        total_amount = result.figures["own_share"] if own else result.total
        mean = Fraction(total_amount, len(years))
        shown = fmt.kroner(calc_rules.round_kroner(mean), lang)
        total = fmt.kroner(total_amount, lang)
        rounded = mean.denominator != 1
        if lang == "nb":
            lead = ("Egenandel i gjennomsnitt" if own else "Gjennomsnitt") + " per år: "
            lead += f"{total} / {len(years)} år = {shown}"
            lead += " (avrundet)." if rounded else "."
        else:
            lead = ("Average own share" if own else "Average") + " per year: "
            lead += f"{total} / {len(years)} years = {shown}"
            lead += " (rounded)." if rounded else "."
        answer.paragraphs.insert(0, lead)
        return True

    def end_year(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """Answer 'startet i 2018 – til og med hvilket år?': the last calendar year of a grant.

        The count of years is the rules' (the ladder's grant years, the cap's most years for
        the same measure); for a scheme without such rules, the count the question states,
        shown beside what the sources say of the duration. None when no scheme is named.
        """
        scheme = u.scheme or (u.schemes_mentioned[0] if u.schemes_mentioned else None)
        if scheme is None:
            return None
        stated = u.slots.get("duration")
        stated = stated if isinstance(stated, int) and stated > 0 else None
        end = asof.grant_end(self.kb.schemes[scheme])
        period = calendar_calc.grant_period(self.kb, scheme, u.slots["start_year"], stated, end)
        durations = [f for f in self.kb.schemes[scheme].facts if f.topic == Topic.DURATION]
        if period is not None and period.basis == "fact" and EXISTING.search(u.folded):
            # the years a fact gives are a new project's; an existing one's are in its words
            period = None
        if period is None:
            return self.topic_facts(u, today, lang, [Topic.DURATION]) if durations else None
        nb = lang == "nb"
        full = period.start + period.years - 1
        if period.basis == "ladder":
            return self.ladder_end_year(u, scheme, period, lang)
        lines = [
            (f"Til og med {period.end}." if nb else f"Through {period.end}."),
            (
                f"Startår {period.start} er tilskuddsår 1: {period.start} + {period.years} år "
                f"− 1 = {full} (tilskuddsårene {period.start}–{full})."
                if nb
                else f"Start year {period.start} is grant year 1: {period.start} + "
                f"{period.years} years − 1 = {full} (grant years {period.start}–{full})."
            ),
        ]
        rules = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule | CapRule)]
        if period.basis == "ladder":
            lines.append(
                f"Stigen har {period.years} tilskuddsår."
                if nb
                else f"The ladder has {period.years} grant years."
            )
        elif period.basis == "cap":
            caps = [r for r in rules if isinstance(r, CapRule) and r.max_years == period.years]
            # the rule of the start year, else the one whose years were used (said below)
            cap = next((r for r in caps if r.years.contains(period.start)), None)
            cap = cap or (caps[-1] if caps else None)
            said = duration_words(cap, lang) if cap is not None else None
            if said is not None:
                # 'hvor lenge?': the rule's own words ('… i inntil tre år til samme tiltak')
                lines.append(
                    f"Kilden sier: «{said}» Hvert år søkes og vurderes for seg, så dette er det "
                    "seneste året, ikke et løfte."
                    if nb
                    else f"The source says: «{said}» Each year is applied for and assessed on "
                    "its own, so this is the latest year, not a promise."
                )
            else:
                lines.append(
                    f"Tilskudd kan gis i inntil {period.years} år til samme tiltak; hvert år "
                    "søkes og vurderes for seg, så dette er det seneste året, ikke et løfte."
                    if nb
                    else f"A grant can be given for up to {period.years} years for the same "
                    "measure; each year is applied for and assessed on its own, so this is the "
                    "latest year, not a promise."
                )
        covering = [r for r in rules if r.years.contains(period.start)]
        if rules and not covering:
            # 'tiltaket startet i fjor': the count of years is from rules of other years
            spans = ", ".join(sorted({r.years.label() for r in rules}))
            lines.append(
                f"Antall år er fra reglene for {spans}; kildene mine har ingen regler for "
                f"{period.start}, så sjekk gjeldende utlysning."
                if nb
                else f"The count of years is from the rules for {spans}; my sources have no "
                f"rules for {period.start}, so check the current call for applications."
            )
        if period.basis != "stated" and stated is not None and stated != period.years:
            lines.append(
                f"Du oppgir {stated} år; reglene i kildene sier {period.years}."
                if nb
                else f"You give {stated} years; the rules in the sources say {period.years}."
            )
        if period.cut_at is not None:
            name = asof.scheme_name(self.kb, scheme, lang)
            lines.append(
                f"Kildene beskriver ikke noe tilskudd til {name} etter {period.cut_at}, så "
                f"{period.cut_at} er det siste året."
                if nb
                else f"The sources describe no {name} after {period.cut_at}, so "
                f"{period.cut_at} is the last year."
            )
        sources = [self.kb.provenance(r) for r in rules]
        if period.basis == "fact":
            lines.append(
                f"Regnet med de inntil {period.years} årene kildene gir nye prosjekter/team. "
                "Om varigheten sier kildene:"
                if nb
                else f"Reckoned with the up to {period.years} years the sources give new "
                "projects/teams. On the duration the sources say:"
            )
        if period.basis == "stated":
            lines.append(
                f"Regnet med de {period.years} årene du oppgir. Om varigheten sier kildene:"
                if nb
                else f"Reckoned with the {period.years} years you give. On the duration the "
                "sources say:"
            )
        if period.basis in ("stated", "fact"):
            for fact in durations:
                text = (fact.text_en or fact.text) if lang == "en" else fact.text
                lines.append(f"• {unwrap(text)} ({fact.years.label()})")
                sources.append(self.kb.provenance(fact))
        return self.answer(u, lang, lines, sources=unique_sources(sources), scheme=scheme)

    def end_without_start(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """Answer 'til og med hvilket år gis tilskuddet?' with no start year given.

        The last year the sources describe a grant for, when they describe an end; the years
        one position or measure can get counted from its start, which the question must give.
        """
        scheme = u.scheme or (u.schemes_mentioned[0] if u.schemes_mentioned else None)
        if scheme is None:
            return None
        nb = lang == "nb"
        item = self.kb.schemes[scheme]
        name = asof.scheme_name(self.kb, scheme, lang)
        end = asof.grant_end(item)
        lines: list[str] = []
        sources: list[Provenance] = []
        if end is not None:
            lines.append(
                f"Kildene beskriver tilskudd til {name} til og med {end}."
                if nb
                else f"The sources describe the {name} up to and including {end}."
            )
            for later in item.later_years:
                text = (later.text_en or later.text) if not nb else later.text
                lines.append(f"• {unwrap(text)} ({later.years.label()})")
                sources.append(self.kb.provenance(later))
        rules = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule | CapRule)]
        for rule in rules:
            if isinstance(rule, LadderRule):
                count = len(rule.steps)
                lines.append(
                    f"For en enkelt stilling avhenger siste år av når den fikk tilskudd første "
                    f"gang: stigen har {count} tilskuddsår ({rule.years.label()})."
                    if nb
                    else f"For one position the last year depends on when it first got a "
                    f"grant: the ladder has {count} grant years ({rule.years.label()})."
                )
            else:
                lines.append(
                    f"For et tiltak avhenger siste år av oppstarten: tilskudd gis primært for "
                    f"{rule.usual_years} år, men kan gis i inntil {rule.max_years} år til samme "
                    f"tiltak ({rule.years.label()})."
                    if nb
                    else f"For a measure the last year depends on its start: grants are given "
                    f"primarily for {rule.usual_years} year(s), but for up to {rule.max_years} "
                    f"years for the same measure ({rule.years.label()})."
                )
            sources.append(self.kb.provenance(rule))
        if not rules:
            for fact in (f for f in item.facts if f.topic == Topic.DURATION):
                text = (fact.text_en or fact.text) if not nb else fact.text
                lines.append(f"• {unwrap(text)} ({fact.years.label()})")
                sources.append(self.kb.provenance(fact))
        if not lines:
            return None
        lines.append(
            "Skriv startåret, f.eks. «vi startet i 2019», så regner jeg ut siste år."
            if nb
            else "Give the start year, e.g. “we started in 2019”, and I will work out the last "
            "year."
        )
        u.scheme = scheme
        return self.answer(
            u, lang, lines, sources=unique_sources(sources), answered=end is not None, scheme=scheme
        )

    def ladder_end_year(
        self, u: Understanding, scheme: str, period: calendar_calc.GrantPeriod, lang: Lang
    ) -> Answer | None:
        """Answer the last year of a ladder grant from the grants of each calendar year.

        A wind-down may end the grant earlier or keep it later than the ladder's years, so
        each year from the start is computed by the calendar rules and the last year with a
        grant is the answer. None when the start year itself is not computed (the ordinary
        answer, for the start year, explains why).
        """
        nb = lang == "nb"
        one = calc_results.PositionGroup(period.start, Fraction(1))
        granted: list[tuple[int, int]] = []
        sources: list[Provenance] = []
        for year in range(period.start, period.start + period.years + 4):
            try:
                result = calendar_calc.rusarbeid_calendar_year(self.kb, year, [one])
            except calc_errors.CalcError:
                break
            if result.total <= 0:
                break
            granted.append((year, result.total))
            sources += result.sources
        if not granted:
            # no grant from the start year on: answered as the start year's figure, which
            # says why ('ny stilling; nedtrappingen gjelder bare videreføring')
            u.slots["year"] = period.start
            return None
        last = granted[-1][0]
        lines = [
            f"Til og med {last}." if nb else f"Through {last}.",
            "\n".join(
                f"{year}: {fmt.kroner(amount, lang)}" + (" per årsverk" if nb else " per FTE")
                for year, amount in granted
            ),
        ]
        full = period.start + period.years - 1
        if last == full:
            lines.append(
                f"Startår {period.start} er tilskuddsår 1, og stigen har {period.years} "
                f"tilskuddsår ({period.start}–{full})."
                if nb
                else f"Start year {period.start} is grant year 1, and the ladder has "
                f"{period.years} grant years ({period.start}–{full})."
            )
            ladders = [
                r
                for r in self.kb.rules(scheme)
                if isinstance(r, LadderRule) and r.years.contains(period.start)
            ]
            said = duration_words(ladders[0], lang) if ladders else None
            if said is not None:
                # 'hvor lenge?': the rule's own words ('… årsverk inntil 4 år, …')
                lines.append(f"Kilden sier: «{said}»" if nb else f"The source says: «{said}»")
                sources.append(self.kb.provenance(ladders[0]))
        else:
            lines.append(
                f"Etter stigen alene ({period.years} tilskuddsår) ville siste år vært {full}; "
                f"reglene for hvert kalenderår gir tilskudd til og med {last}."
                if nb
                else f"By the ladder alone ({period.years} grant years) the last year would be "
                f"{full}; the rules of each calendar year give a grant through {last}."
            )
        if period.cut_at is not None and last >= period.cut_at:
            name = asof.scheme_name(self.kb, scheme, lang)
            lines.append(
                f"Kildene beskriver ikke noe tilskudd til {name} etter {period.cut_at}."
                if nb
                else f"The sources describe no {name} after {period.cut_at}."
            )
        return self.answer(u, lang, lines, sources=unique_sources(sources), scheme=scheme)

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
        costs = s.get("costs_by_grant_year")
        if (
            costs
            and u.intent == "own_share"
            and not any(k in s for k in ("start_year", "year_from", "groups", "operation"))
        ):
            # '700 000 kr i år 1, 720 000 kr i år 2 …': each grant year with its own cost
            by_year = {int(g): calc_rules.parse_kroner(c) for g, c in costs}
            lowest = int(s.get("grant_year") or min(by_year))
            highest = int(s.get("grant_year_to") or lowest)
            if not set(range(lowest, highest + 1)) <= set(by_year):
                # a grant year asked without a cost of its own: no one cost stands for it
                raise calc_errors.InvalidArgument(
                    "cost",
                    f"år {lowest}" if lowest == highest else f"år {lowest}–{highest}",
                    "cost_per_grant_year",
                )
            return ladder_calc.rusarbeid_own_share(
                self.kb,
                pos,
                lowest,
                by_year[lowest],
                through=highest,
                cost_for_all=bool(s.get("cost_for_all")),
                costs_by_grant_year=by_year,
            )
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
            if isinstance(grant_year, int) and grant_year > 1:
                # 'tre årsverk i år 3 – hva blir summen?': the sum over the positions of that
                # grant year; 'fra år 2', 'resten': the years from it to the ladder's last
                ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
                length = max((len(r.steps) for r in ladders), default=grant_year)
                final = length if FROM_ON.search(u.folded) else grant_year
                span = list(range(grant_year, max(final, grant_year) + 1))
                return ladder_calc.rusarbeid_years_total(self.kb, pos, span)
            if grant_year == 1 and not FROM_ON.search(u.folded):
                return ladder_calc.rusarbeid_years_total(self.kb, pos, [1])
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
        old_vs_new = s.get("operation") == "old_vs_new" and not own
        first, last = s.get("year_from"), s.get("year_to")
        if "year" in s:
            first = last = s["year"]
        elif first is None and "grant_year" in s and int(s["grant_year"]) > 0:
            first = start + int(s["grant_year"]) - 1
            last = start + int(s.get("grant_year_to", s["grant_year"])) - 1
        elif first is None and (u.intent == "total" or own or old_vs_new):
            ladders = [r for r in self.kb.rules("kommunalt-rusarbeid") if isinstance(r, LadderRule)]
            steps = max((len(r.steps) for r in ladders), default=1)
            covered = [r.years.last or r.years.first for r in self.kb.rules("kommunalt-rusarbeid")]
            first, last = start, min(start + steps - 1, max(covered, default=start))
        if first is None or last is None:
            return None
        if old_vs_new:
            # the rules of each calendar year (the wind-down) against the old ladder run on
            return calendar_calc.rusarbeid_old_vs_new(self.kb, int(first), int(last), groups)
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
        year, grant_year = s.get("year"), s.get("grant_year")
        if operation == "year_vs_old" and isinstance(year, int) and isinstance(grant_year, int):
            # 'år 2 etter gamle regler mot 2023-reglene': the year's rules for positions that
            # were continued, against the old ladder in that grant year
            reference = self.wind_down_reference(scheme, year)
            if reference is not None and grant_year > 0:
                return calendar_calc.rusarbeid_year_vs_old(
                    self.kb, year, grant_year, positions, reference
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
        if s.get("groups"):
            # 'fire i første tilskuddsår og to i siste': the last grant year (-1) of the ladder
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            placed = [
                calc_results.LadderGroup(length if g == -1 else int(g), p) for p, g in s["groups"]
            ]
        if operation is None and s.get("groups") and u.intent == "own_share" and cost is not None:
            # 'to årsverk à 760 000, det ene i år 1 og det andre i år 4': this year's own share
            return ladder_calc.rusarbeid_mixed_own_share(
                self.kb, placed, calc_rules.parse_kroner(cost)
            )
        if operation is None and s.get("groups") and u.intent in ("amount", "total"):
            return ladder_calc.rusarbeid_mixed(self.kb, placed)
        if operation == "groups_change" and s.get("groups") and s.get("groups_to"):
            # 'hvor mye går tilskuddet ned fra i år til neste år?' for groups a year on
            later = [
                calc_results.LadderGroup(length if g == -1 else int(g), p)
                for p, g in s["groups_to"]
            ]
            return ladder_calc.rusarbeid_mixed_change(self.kb, placed, later)
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
            line = self.difference_line(result, lang)
            if IN_PERCENT.search(u.folded):
                # 'hvor stor er reduksjonen i prosent fra år 1 til år 4?': the change's share
                line += self.change_tail(result.figures["from"], result.figures["to"], lang)
            lines.append(line)
        elif result.kind is calc_results.CalcKind.RUSARBEID_OLD_VS_NEW and not verdict:
            lines.append(self.old_vs_new_line(result, lang))
        elif result.kind is calc_results.CalcKind.RUSARBEID_STEPS:
            line = self.steps_line(u, result, lang)
            if IN_PERCENT.search(u.folded) and u.intent != "own_share":
                # 'hvor mange prosent går tilskuddet ned fra år 1 til år 2, fra år 2 til år 3
                # …?': each step's change as a share of the year before it
                line += self.steps_percent_tail(result, lang)
            lines.append(line)
        elif result.kind is calc_results.CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE:
            lines.append(self.own_share_difference_line(result, lang))
        elif (
            result.kind is calc_results.CalcKind.RUSARBEID_PERIOD
            and not verdict
            # 'hva får et halvt årsverk over alle fire tilskuddsårene?': a sum asked too
            and (u.intent == "total" or SUM_ASK.search(u.folded) or WHOLE_LADDER.search(u.folded))
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
                what = "Egenandel" if own else "Inntil"
                lines.append(f"{what} {total} i alt for {count} år.")
            else:
                what = "Own share" if own else "Up to"
                lines.append(f"{what} {total} in all for {count} years.")
        elif result.kind is calc_results.CalcKind.RUSARBEID_MIXED and not verdict:
            total = fmt.kroner(result.total, lang)
            lines.append(f"Til sammen: {total}." if lang == "nb" else f"In total: {total}.")
        elif result.kind is calc_results.CalcKind.RUSARBEID_MIXED_CHANGE and not verdict:
            lines.append(self.mixed_change_line(result, lang))
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
            plural = (
                "years"
                if first != last or (isinstance(listed, tuple) and len(listed) > 1)
                else "year"
            )
            lines.append(
                f"Til sammen for år {years}: {total}."
                if lang == "nb"
                else f"In total for {plural} {years}: {total}."
            )
        return lines

    @staticmethod
    def old_vs_new_line(result: calc_results.Calculation, lang: Lang) -> str:
        """Say what the rules of each year give against the old ladder, and the difference."""
        assert result.years is not None and result.years.last is not None
        span = fmt.year_range(result.years.first, result.years.last)
        new, old = result.figures["new"], result.figures["old"]
        gap = fmt.kroner(abs(result.figures["difference"]), lang)
        nb = lang == "nb"
        if nb:
            lead = (
                f"For {span}: {fmt.kroner(new, lang)} med nedtrappingen, "
                f"{fmt.kroner(old, lang)} etter den gamle avkortningsstigen."
            )
            if old > new:
                return f"{lead} Nedtrappingen gir {gap} mindre."
            if new > old:
                return f"{lead} Nedtrappingen gir {gap} mer."
            return f"{lead} Det blir det samme."
        lead = (
            f"For {span}: {fmt.kroner(new, lang)} with the wind-down, "
            f"{fmt.kroner(old, lang)} by the old ladder."
        )
        if old > new:
            return f"{lead} The wind-down gives {gap} less."
        if new > old:
            return f"{lead} The wind-down gives {gap} more."
        return f"{lead} It comes to the same."

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
    def mixed_change_line(result: calc_results.Calculation, lang: Lang) -> str:
        """Say how the grant for groups of positions changes when they move a year on."""
        old, new = result.figures["from"], result.figures["to"]
        change = fmt.kroner(abs(new - old), lang)
        chain = f"{fmt.kroner(old, lang)} → {fmt.kroner(new, lang)}"
        share = f", {FigureAnswers.percent(Fraction(abs(new - old), old), lang)}" if old else ""
        if new == old:
            return (
                f"Tilskuddet blir det samme: {fmt.kroner(new, lang)}."
                if lang == "nb"
                else f"The grant stays the same: {fmt.kroner(new, lang)}."
            )
        if lang == "nb":
            way = "ned" if new < old else "opp"
            return f"Tilskuddet går {way} med {change}{share} ({chain})."
        way = "down" if new < old else "up"
        return f"The grant goes {way} by {change}{share} ({chain})."

    @staticmethod
    def percent(share: Fraction, lang: Lang) -> str:
        """Render a share in per cent to one decimal, 'omtrent' where it is rounded."""
        shown = f"{round(float(share * 100), 1):.1f}".removesuffix(".0")
        exact = (share * 1000).denominator == 1
        if lang == "nb":
            return f"{'' if exact else 'omtrent '}{shown.replace('.', ',')} %"
        return f"{'' if exact else 'about '}{shown}%"

    @staticmethod
    def competence_share_line(result: calc_results.Calculation, lang: Lang) -> str | None:
        """Say what share of its grant year's amount the competence money is, per position."""
        money = [s for s in result.steps if s.role is calc_results.Role.COMPETENCE]
        measures = [s for s in result.steps if s.role is calc_results.Role.CAP_MEASURES]
        capped = [s for s in result.steps if s.role is calc_results.Role.CAP_YEAR]
        if not money and len(measures) == 1 and len(capped) == 1 and capped[0].amount:
            # the cap's competence money per measure, of the year's cap it is part of
            part, whole = measures[0].amount, capped[0].amount
            shown = FigureAnswers.percent(Fraction(part, whole), lang)
            if lang == "nb":
                return (
                    f"Kompetansemidlene ({fmt.kroner(part, lang)}) utgjør {shown} av det "
                    f"høyeste beløpet per år ({fmt.kroner(whole, lang)})."
                )
            return (
                f"The competence money ({fmt.kroner(part, lang)}) is {shown} of the most that "
                f"may be granted per year ({fmt.kroner(whole, lang)})."
            )
        if len(money) != 1 or money[0].grant_year is None:
            return None
        year = money[0].grant_year
        grants = [
            s
            for s in result.steps
            if s.role is calc_results.Role.GRANT
            and s.grant_year == year
            and s.op is calc_results.Op.MULTIPLY
        ]
        if len(grants) != 1 or not grants[0].amount:
            return None
        part, whole = money[0].amount, grants[0].amount
        shown = FigureAnswers.percent(Fraction(part, whole), lang)
        if lang == "nb":
            return (
                f"Kompetansemidlene ({fmt.kroner(part, lang)}) utgjør {shown} av beløpet i år "
                f"{year} ({fmt.kroner(whole, lang)})."
            )
        return (
            f"The competence money ({fmt.kroner(part, lang)}) is {shown} of the amount in year "
            f"{year} ({fmt.kroner(whole, lang)})."
        )

    @staticmethod
    def steps_percent_tail(result: calc_results.Calculation, lang: Lang) -> str:
        """Say each step's change in per cent of the grant year before it."""
        years = sorted(int(k.split("_")[1]) for k in result.figures if k.startswith("year_"))
        parts = []
        for a, b in itertools.pairwise(years):
            base, part = result.figures[f"year_{a}"], result.figures[f"year_{b}"]
            if base:
                shown = FigureAnswers.percent(Fraction(abs(part - base), base), lang)
                parts.append(f"{'år' if lang == 'nb' else 'year'} {a} → {b}: {shown}")
        if not parts:
            return ""
        if lang == "nb":
            return " I prosent av året før: " + "; ".join(parts) + "."
        return " In per cent of the year before: " + "; ".join(parts) + "."

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

    def beyond_ladder(
        self, u: Understanding, result: calc_results.Calculation, scheme: str, lang: Lang
    ) -> str:
        """Say the sources leave open a grant in a year after a start year's ladder has run out.

        A position started in 2019 has had its four years by 2022; the 2023–2024 rate is for
        existing positions, and the sources do not say whether one past its years is one.
        """
        start, year = u.slots.get("start_year"), result.inputs.get("year")
        if result.kind is not calc_results.CalcKind.RUSARBEID_CALENDAR_YEAR:
            return ""
        if not isinstance(start, int) or not isinstance(year, int) or result.total <= 0:
            return ""
        if u.slots.get("start_groups") or scheme not in self.kb.schemes:
            return ""
        ladders = [r for r in self.kb.schemes[scheme].rules if isinstance(r, LadderRule)]
        if not ladders:
            return ""
        n = len(ladders[-1].steps)
        grant_year = year - start + 1
        if grant_year <= n:
            return ""
        used = start + n - 1
        if lang == "nb":
            return (
                f"Det avklarer ikke kildene sikkert: tilskuddet gis inntil {n} år, og en stilling "
                f"med første tilskudd i {start} har brukt sine {n} år i {used}. Reglene for "
                f"{year} gjelder videreføring av eksisterende stillinger, men kildene sier ikke "
                f"om en stilling i sitt {grant_year}. år er med. Beløpet under gjelder bare "
                "hvis den er det."
            )
        return (
            f"The sources do not settle this: the grant is given for up to {n} years, and a "
            f"position first funded in {start} has had its {n} years by {used}. The rules for "
            f"{year} continue existing positions, but the sources do not say whether a position "
            f"in its year {grant_year} is one. The amount below applies only if it is."
        )

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
                f"({fmt.kroner(base, lang)}){tail}." + FigureAnswers.change_tail(base, part, lang)
            )
        about = "" if exact else "about "
        how = f"{words[1]} ({share.numerator}/{share.denominator})" if words else f"{about}{shown}%"
        tail = f", i.e. {about}{shown}%" if words else ""
        return (
            f"Year {b} gives {fmt.kroner(part, lang)}, which is {how} of the rate in year {a} "
            f"({fmt.kroner(base, lang)}){tail}." + FigureAnswers.change_tail(base, part, lang)
        )

    @staticmethod
    def change_tail(base: int, part: int, lang: Lang) -> str:
        """Say the change from one figure to another in kroner and per cent of the first.

        'hvor mange prosent går tilskuddet ned fra år 1 til år 2?' asks for the change, not
        the share: 'Nedgangen er 110 000 kr, omtrent 16,7 %.'
        """
        if not base or base == part:
            return ""
        change = Fraction(abs(part - base), base)
        shown = f"{round(float(change * 100), 1):.1f}".removesuffix(".0")
        exact = (change * 1000).denominator == 1
        kroner = fmt.kroner(abs(part - base), lang)
        if lang == "nb":
            word = "Nedgangen" if part < base else "Økningen"
            about = "" if exact else "omtrent "
            return f" {word} er {kroner}, {about}{shown.replace('.', ',')} %."
        word = "The decrease" if part < base else "The increase"
        about = "" if exact else "about "
        return f" {word} is {kroner}, {about}{shown}%."

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
            end = asof.grant_end(self.kb.schemes[scheme])
            try:
                result = self.compute_in_year(u, scheme, positions, last)
            except calc_errors.CalcError:
                if end is not None and asked > end:
                    # 'startet i fjor – hva får vi i år?' after the end: the year is not covered
                    raise error from None
                raise
            if end is not None and asked > end:
                # 'hva gis per stilling i 2025?' after the grant's described end: the last
                # year's figure with its year, said not to apply (issue 13), and that the
                # sources describe no grant after the end
                dated = asof.beyond(self.kb, scheme, "figures_ended", last, asked, lang)
            else:
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
