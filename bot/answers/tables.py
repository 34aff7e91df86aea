"""Table answers: the framework increase, statistics, appropriations and budgets."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from bot import asof, fmt
from bot.answer import Answer, Option
from bot.answers import table_rendering, working
from bot.answers.common import (
    ALLOCATION_INTENTS,
    HOW_MANY,
    HOW_MUCH,
    RATE_KINDS,
    SCORECARD,
    STATISTICS_TABLE,
    TABLE_ABOUT,
    TABLE_ASPECTS,
    TABLE_REF,
    WHICH_PLACE,
    _folded,
    _says,
    heading,
    named_thing,
    raw_words,
    t,
)
from bot.answers.declines import DeclineAnswers
from bot.calc import appropriation as appropriation_calc
from bot.calc import errors as calc_errors
from bot.calc import framework as framework_calc
from bot.calc import results as calc_results
from bot.calc import rules as calc_rules
from bot.calc import tables as table_calc
from bot.text import fold
from bot.understanding import tables as table_query
from bot.understanding.patterns import (
    DIFFERENCE,
    FRAMEWORK_INTENTS,
    FRAMEWORK_SCHEME,
    GOES_DOWN,
    GOES_UP,
    GRANT_ADMINISTRATION,
    MUNICIPAL_SUBJECT,
    OFFICE_DOCUMENT,
    PREMISE,
    RATE_ASK,
)
from bot.understanding.query import Understanding, names_a_grant
from bot.vocab import Lang, word
from knowledge.kb import Provenance
from knowledge.schema import Appropriation, Column, Table

#: A share asked of figures whose sum the question reads as (a sum is no share).
UNSHARED: dict[Lang, str] = {
    "nb": "Jeg regner ut én rads andel av én kolonne i tabellen (f.eks. «hvor stor andel av "
    "økningen i 2018 fikk Arendal?», eller av en regions sum: «… av Listers økning i 2018 …»), "
    "men ikke andelen slik dette spørsmålet er stilt. Spør om ett år og én kommune om gangen.",
    "en": "I work out one row's share of one column of the table (e.g. “what share of the 2018 "
    "increase did Arendal get?”, or of a region's sum: “… of Lister's increase in 2018 …”), but "
    "not the share as this question puts it. Ask about one year and one municipality at a time.",
}


# 'hva fikk Agder …?', 'what did Innlandet get …?': an amount received, asked without 'how much'
WHAT_GOT = re.compile(r"\b(?:hva|kva|what) (?:fikk|fekk|ble tildelt|did \w+ (?:get|receive))\b")

# 'i prosent', 'how many per cent': a change asked as a share of the earlier figure
PER_CENT = re.compile(r"\b(?:prosent\w*|percent\w*|per cent|percentage)\b")


class TableAnswers(DeclineAnswers):
    """Answer table questions."""

    def allocation(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """'Hvor mye fikk Arendal i tilskudd?': the sources give no grants to single places.

        What an office's county got ('Hvor mye fikk Innlandet?') is the office's share of the
        appropriation, when the sources give one.
        """
        s = u.slots
        # ('the rest of the country outside Innlandet': the country is no place granted money)
        county = s.get("county") if s.get("county") != "landet" else None
        place = s.get("municipality") or county or s.get("place") or s.get("group")
        own_region = bool(place) and place in (county, s.get("group"))
        if s.get("office") and own_region and "municipality" not in s:
            # 'andre fylker enn Agder': the region named is the office's own, whose share of
            # the appropriation the sources may give (or that they give none of)
            place = None
        # 'Hvor mye fikk Arendal i tilskudd til NAV-kontoret?' is no framework increase
        granted = u.intent in FRAMEWORK_INTENTS and names_a_grant(u)
        if (u.intent not in ALLOCATION_INTENTS and not granted) or not (
            _says(u, self.words["received"]) or self.receives(u)
        ):
            return None
        # ('hva fikk Agder i 2019?': what a region got is asked as much as 'hvor mye')
        much = HOW_MUCH.search(u.folded) or WHAT_GOT.search(u.folded)
        if not place and much and s.get("office") and u.intent != "appropriation" and u.scheme:
            shared = self.appropriation(u, today, lang)
            return shared if shared.answered or own_region else None
        if not place and WHICH_PLACE.search(u.folded) and u.intent in ALLOCATION_INTENTS:
            # 'hvilken kommune fikk mest tilskudd?': allocations per place are not in the sources
            place = "hver kommune" if lang == "nb" else "each municipality"
        if not place:
            return None
        name = self.place_name(str(place))
        scheme = asof.scheme_name(self.kb, u.scheme, lang) if u.scheme in self.kb.schemes else None
        of = f" fra {scheme}" if scheme and lang == "nb" else f" from {scheme}" if scheme else ""
        msg = (
            f"Kildene mine sier ikke hvor mye {name} fikk{of}; de gir satser og regler, ikke "
            "tildelingen til hver kommune eller hvert fylke."
            if lang == "nb"
            else f"My sources do not say how much {name} received{of}; they give rates and "
            "rules, not what each municipality or county was granted."
        )
        return self.answer(u, lang, [msg], answered=False)

    def receives(self, u: Understanding) -> bool:
        """Whether a question asks in the present tense what a place gets, not a rate or a count."""
        inputs = ("positions", "grant_year", "start_year", "groups", "duration", "cost")
        if any(k in u.slots for k in inputs) or _says(u, self.words["rates"]):
            return False
        if HOW_MANY.search(u.folded):
            return False  # 'how many FTEs did Arendal get?' is a count the sources do not give
        return _says(u, self.words["receives"])

    def _without_prognosis(self, u: Understanding) -> bool:
        """Whether a question leaves the prognosis out ('uten prognosen', 'u/prognose')."""
        language = self.kb.language.tables if self.kb.language else None
        if language is None:
            return False
        without = {fold(p) for p in language.without_prognosis}
        short = [k for k, v in language.short_forms.items() if fold(v) in without]
        phrases = [*without, *(" ".join(re.split(r"[^\w@-]+", fold(k))) for k in short)]
        return _says(u, tuple(phrases))

    def framework_years(self) -> tuple[int, int]:
        """Return the first and last year of the framework-increase table."""
        years = self.kb.tables[calc_rules.FRAMEWORK_TABLE].years
        return years.first, years.last or years.first

    def framework(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer framework-increase questions: one municipality, sums, groups, rankings."""
        answer = self.framework_answer(u, today, lang)
        answer.scheme = FRAMEWORK_SCHEME
        return answer

    def framework_answer(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Compute a framework answer (see framework)."""
        s = u.slots
        if "year_rel" in s and "year" not in s and "year_from" not in s:
            s["year"] = today.year + int(s["year_rel"])  # 'neste år', 'i fjor': against today
        outside = s.get("place") or (
            self.place_name(str(s["county"])) if s.get("county") not in (None, "landet") else None
        )
        if outside and "municipality" not in s and "group" not in s:
            names = ", ".join(sorted(m.name for m in self.kb.municipalities.values()))
            msg = (
                f"{outside} er ikke med i tabellene over økningen i rammen; de gjelder bare "
                f"kommunene i Agder: {names}."
                if lang == "nb"
                else f"{outside} is not in the framework-increase tables; they cover only "
                f"the municipalities in Agder: {names}."
            )
            return self.answer(u, lang, [msg], answered=False)
        try:
            if u.intent == "framework_ranking":
                ranking = framework_calc.framework_ranking(
                    self.kb,
                    s.get("year", s.get("year_from", 2016)),
                    top=5,
                    descending=s.get("order", "desc") == "desc",
                    group=s.get("group"),
                )
                text = working.render_ranking(ranking, lang).rsplit("\n", 1)[0]
                if self.sum_asked(u):
                    # 'hvor mye fikk de fem største til sammen?': the places listed, added up
                    total = sum(e.amount for e in ranking.entries)
                    text += (
                        f"\n{'Til sammen' if lang == 'nb' else 'Total'}: {fmt.kroner(total, lang)}"
                    )
                return self.answer(
                    u, lang, [text], sources=ranking.sources, scheme="opptrappingsplan-rusfeltet"
                )
            span = (s["year_from"], s["year_to"]) if "year_from" in s else None
            last = self.framework_years()[1]
            asked = s.get("year")
            placed = "municipality" in s or "group" in s
            if placed and isinstance(asked, int) and last < asked <= self.kb.newest_year():
                # 'hva var økningen for Sirdal i 2021?': a year the documents span but the table
                # leaves out has no figure; the table's last year would be read as that year's
                first = self.framework_years()[0]
                forecast = framework_calc.is_prognosis(self.kb, last)
                msg = (
                    f"Kildene har ingen tall for økningen i rammen i {asked}; tabellen går til "
                    f"{last}{f' (og {last} er en prognose)' if forecast else ''}. Spør gjerne "
                    f"om {last} eller om {first}–{last}."
                    if lang == "nb"
                    else f"The sources have no framework increase for {asked}; the table ends "
                    f"in {last}{f' (and {last} is a forecast)' if forecast else ''}. Ask about "
                    f"{last} or {first}–{last} instead."
                )
                return self.answer(u, lang, [msg], answered=False)
            if placed and isinstance(asked, int) and asked > last and not span:
                # 'hvor mye får Lindesnes i 2024?': after the documents, the table's last year,
                # said to be so
                result = (
                    framework_calc.framework_increase(self.kb, s["municipality"], last)
                    if "municipality" in s
                    else framework_calc.framework_group_total(self.kb, s["group"], last)
                )
                answer = self.calc_answer(u, lang, result)
                lead = (
                    f"Kildene har ingen tall for økningen i rammen i {asked}; tabellen går til "
                    f"{last}. Det siste kjente tallet, for {last}:"
                    if lang == "nb"
                    else f"The sources have no framework increase for {asked}; the table ends "
                    f"in {last}. The last known figure, for {last}:"
                )
                answer.paragraphs.insert(0, lead)
                answer.after_sources = True
                return answer
            if "municipality" in s:
                if span:
                    first, last = span
                    while (
                        last > first
                        and framework_calc.is_prognosis(self.kb, last)
                        and self._without_prognosis(u)
                    ):
                        last -= 1  # 'og uten prognosen?' after a sum 2016–2020: the final years
                    result = framework_calc.framework_sum(self.kb, s["municipality"], first, last)
                elif "year" in s and u.intent != "framework_sum":
                    result = framework_calc.framework_increase(
                        self.kb, s["municipality"], s["year"]
                    )
                else:
                    first, last = self.framework_years()
                    while (
                        last > first
                        and framework_calc.is_prognosis(self.kb, last)
                        and self._without_prognosis(u)
                    ):
                        last -= 1  # 'Arendal sum u/prognose': the final years only
                    result = framework_calc.framework_sum(self.kb, s["municipality"], first, last)
            elif "group" in s:
                years = span or s.get("year") or self.framework_years()
                result = framework_calc.framework_group_total(self.kb, s["group"], years)
            else:
                msg = (
                    "Hvilken kommune (navn eller kommunenummer) eller region (Lister, Aust-Agder,"
                    " Vest-Agder, Agder) gjelder det?"
                    if lang == "nb"
                    else "Which municipality (name or number) or region (Lister, Aust-Agder, "
                    "Vest-Agder, Agder) do you mean?"
                )
                if isinstance(asked, int) and asked > last and not span:
                    # 'hvor mye fikk vi i økning i rammen i fjor?': a year after the table's
                    # last, said to have no figure for any place before asking which one
                    forecast = framework_calc.is_prognosis(self.kb, last)
                    msg = (
                        f"Kildene har ingen tall for økningen i rammen i {asked}; tabellen går "
                        f"til {last}{f' (og {last} er en prognose)' if forecast else ''}. "
                        f"Vil du ha tallet for {last}: {msg[0].lower()}{msg[1:]}"
                        if lang == "nb"
                        else f"The sources have no framework increase for {asked}; the table "
                        f"ends in {last}{f' (and {last} is a forecast)' if forecast else ''}. "
                        f"For the figure for {last}: {msg[0].lower()}{msg[1:]}"
                    )
                return self.answer(u, lang, [msg], answered=False)
        except calc_errors.CalcError as error:
            return self.calc_error(u, lang, error)
        return self.calc_answer(u, lang, result)

    def table_answer(self, u: Understanding, result: table_calc.TableResult) -> Answer:
        """Answer a table query (value, sum, difference, ranking, filter) with its parts."""
        lang: Lang = "en" if u.lang == "en" else "nb"
        table, op = result.table, result.query.op
        schemes = self.kb.schemes.values()
        if any(r.municipality for r in table.rows):
            # the municipalities' framework increases belong to the framework plan
            plans = [s.id for s in schemes if s.kind == "rammeoverføring"]
            scheme = plans[0] if len(plans) == 1 else u.scheme
            summed = op == "sum" or any(
                c.sum_of for c in table.columns if c.id in result.query.columns
            )
            intent = {"rank": "framework_ranking"}.get(
                op, "framework_sum" if summed else "framework"
            )
        else:
            cited = [s.id for s in schemes if any(f.source == table.source for f in s.facts)]
            scheme, intent = (cited[0] if len(cited) == 1 else u.scheme), "statistics"
        shown = [c for c in table.columns if c.id in result.query.columns]
        language = self.kb.language.tables if self.kb.language else None
        shares = _folded(language.share) if language else ()
        if (
            op == "sum"
            and result.query.claim is None
            and shown
            and all(c.unit == "kr" for c in shown)
            and _says(u, shares)
        ):
            # 'hvor stor andel av Lister-summen for 2016 og 2017 fikk Sirdal?': a share the
            # sum of the figures does not give; said, never a figure for another ask
            return self.answer(u, lang, [UNSHARED[lang]], answered=False, scheme=scheme)
        if result.query.miscounted:
            # 'de 14 kommunene i Aust-Agder' of 15 rows: no sum of rows the question left unsaid
            n, said = (
                len(result.query.rows) or len(table_query.data_rows(table)),
                result.query.miscounted,
            )
            msg = (
                f"Tabellen har {n} rader for det du spør om, ikke {said}. Si hvilke du mener, "
                "så regner jeg ut tallet for dem."
                if lang == "nb"
                else f"The table has {n} rows for what you ask about, not {said}. Say which "
                "you mean and I will work out the figure for them."
            )
            return self.answer(u, lang, [msg], answered=False, scheme=scheme)
        title, body = table_rendering.render(result, lang)
        if (
            op == "rank"
            and result.ranking
            and len(shown) == 1
            and shown[0].unit != "prosent"
            and not result.query.across
            and self.sum_asked(u)
        ):
            # 'hva fikk de tre med lavest økning til sammen?': the rows listed, added up
            total = sum((v for _row, v in result.ranking), Fraction(0))
            figure = table_rendering._figure(total, shown[0], lang)
            body += f"\n{'Til sammen' if lang == 'nb' else 'Total'}: {figure}"
        answer = self.answer(
            u,
            lang,
            [body],
            sources=table_rendering.provenance(self.kb, result),
            title=title,
            scheme=scheme,
        )
        columns = [c for c in table.columns if c.id in result.query.columns]
        words = [*language.actual, *language.without_prognosis] if language else []
        compared = result.query.other is not None  # the final figure is the other side
        if (
            columns
            and not compared
            and all(c.status == "prognose" for c in columns)
            and _says(u, _folded(words))
        ):
            # 'hva fikk de faktisk i 2020, ikke prognosen?': only the prognosis is printed
            years = ", ".join(str(c.year) for c in columns if c.year)
            answer.paragraphs.insert(
                0,
                f"Kildene har bare prognosen for {years}, ikke det endelige tallet. Prognosen er:"
                if lang == "nb"
                else f"The sources only have the prognosis for {years}, not the final figure. "
                "The prognosis is:",
            )
            answer.answered = False
        if result.query.late and columns:
            # a year after everything the sources say: the last figures known, with their year
            known = sorted({c.year or table.years.last or table.years.first for c in columns})
            answer.paragraphs.insert(
                0,
                asof.phrase(
                    "table_late",
                    lang,
                    year=result.query.late,
                    last=", ".join(str(y) for y in known),
                ),
            )
            answer.after_sources = True
        answer.intent = intent
        answer.confidence = max(answer.confidence, 0.8)
        return answer

    def statistics(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Show a county's row of the NAV social-services statistics, each column defined."""
        table = self.kb.tables.get(STATISTICS_TABLE)
        county = u.slots.get("county")
        declined = self.uncounted(u, lang)
        if declined is not None:
            return declined
        # ('som målekort' asks of the table's use whatever column the question names:
        # 'kan vi bruke sosialhjelpstabellen som målekort?')
        asks_use = SCORECARD.search(u.folded) is not None
        if table is not None and county is None and ("column" not in u.slots or asks_use):
            about = self.table_notes(u, table, lang)
            if about is not None:
                return about
        place = u.slots.get("place")
        if table is not None and county is None and isinstance(place, str):
            # 'og Bergen?': a place that is no row of the table, never the place asked before
            msg = (
                f"Tabellen har ingen tall for {place}; den har bare tall for landet og fylkene "
                "slik de var i 2019, ikke for kommuner."
                if lang == "nb"
                else f"The table has no figures for {place}; it only has figures for the "
                "country and the counties as they were in 2019, not for municipalities."
            )
            counties = self.kb.language.place_counties if self.kb.language else {}
            number = next((v for k, v in counties.items() if fold(k) == fold(place)), None)
            row = next((r for r in table.rows if number and r.county == number), None)
            if row is not None:
                # 'hvor mange KVP-deltakere har Trondheim?': the county row it lies in, named
                # as the county's, never as the place's figure
                msg += (
                    f" {place} lå i {row.label} ({row.county}); tabellens tall for {row.label} "
                    "gjelder hele fylket – spør om det fylket om du vil ha dem."
                    if lang == "nb"
                    else f" {place} lay in {row.label} ({row.county}); the table's figures for "
                    f"{row.label} cover the whole county – ask about that county for them."
                )
            return self.answer(u, lang, [msg], answered=False)
        wanted_column = next(
            (c for c in (table.columns if table else []) if c.id == u.slots.get("column")), None
        )
        group = u.slots.get("group")
        year_asked = u.slots.get("year")
        if (
            table is not None
            and county is None
            and wanted_column is not None
            and isinstance(group, str)
            and isinstance(year_asked, int)
            and not table_query.column_covers(table, wanted_column, year_asked)
        ):
            # 'husholdninger i Agder i botilbud i 2020': a year the column does not count
            return self.other_year_count(u, lang, wanted_column, year_asked, group)
        if table is not None and county is None and wanted_column is not None:
            dated = self.column_dated(u, table, wanted_column, lang)
            if dated is not None:
                return dated
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
        year = u.slots.get("year")
        chosen = next((c for c in table.columns if c.id == wanted), None)
        if (
            chosen is not None
            and isinstance(year, int)
            and not table_query.column_covers(table, chosen, year)
        ):
            return self.other_year_count(u, lang, chosen, year, row.label)
        english = lang == "en"
        for column in table.columns:
            if wanted and column.id != wanted:
                continue
            value = row.values.get(column.id)
            if value is None:
                continue
            # a share as printed ('5.0' is '5,0 %', not '5 %')
            printed = str(value) if not isinstance(value, int) else ""
            decimal = printed.replace(".", ",") if printed and not english else printed
            shown = (decimal or fmt.decimal(value, lang)) + (
                " %" if column.unit == "prosent" else ""
            )
            if column.unit == "antall" and isinstance(value, int):
                shown = fmt.number(value, lang)
            defined = (column.definition_en or column.definition) if english else column.definition
            lines.append(f"– {defined}: {shown}")
        heading = (table.title_en or table.title) if english else table.title
        place = (row.label_en or row.label) if english else row.label
        title = f"{heading}: {place}"
        # the note that the table is no scorecard, in the language asked
        scorecard = [i for i, n in enumerate(table.notes) if "målekort" in n][:1]
        notes = [
            (
                table.notes_en[i]
                if english and table.notes_en and i < len(table.notes_en)
                else table.notes[i]
            )
            for i in scorecard
        ]
        return self.answer(
            u,
            lang,
            ["\n".join(lines), *notes],
            sources=[self.kb.provenance(table)],
            title=title,
            scheme="nav-sosiale-tjenester",
        )

    def uncounted(self, u: Understanding, lang: Lang) -> Answer | None:
        """Decline people a question says were counted in something the table does not count
        ('flest deltakere i Individuell jobbstøtte'), naming what its column of such people
        does count; None when the question says no such thing."""
        table = self.kb.tables.get(STATISTICS_TABLE)
        thing = u.slots.get("uncounted")
        if table is None or not isinstance(thing, str):
            return None
        column = next((c for c in table.columns if c.id == u.slots.get("column")), None)
        said = fmt.quote(raw_words(u.text, thing))
        title = re.sub(
            r"^(?:Tabell|Table):\s*",
            "",
            (table.title_en or table.title) if lang == "en" else table.title,
        )
        if column is not None:
            label = (
                (column.definition_en or column.label_en or column.label)
                if lang == "en"
                else (column.definition or column.label)
            )
            counted = f" Den har bare «{label}»." if lang == "nb" else f" It only has «{label}»."
        else:
            counted = ""
        msg = (
            f"Tabellen «{title}» har ingen tall for {said}.{counted}"
            if lang == "nb"
            else f"The table «{title}» has no figures for {said}.{counted}"
        )
        return self.answer(
            u,
            lang,
            [msg],
            sources=[self.kb.provenance(table)],
            answered=False,
            scheme="nav-sosiale-tjenester",
        )

    def column_dated(
        self, u: Understanding, table: Table, column: Column, lang: Lang
    ) -> Answer | None:
        """Answer which year or date a column's figures are from ('hvilket år gjelder tallene
        for 18–24-åringer?'), as its heading and definition give it; None when not asked."""
        words = self.kb.language.tables if self.kb.language else None
        if words is None or not _says(u, _folded([*words.which_year, *words.which_date])):
            return None
        english = lang == "en"
        label = (column.label_en or column.label) if english else column.label
        defined = (column.definition_en or column.definition) if english else column.definition
        heading = (table.title_en or table.title) if english else table.title
        if column.year is not None:
            msg = (
                f"The column «{label}» is from {column.year}: {defined}."
                if english
                else f"Kolonnen «{label}» gjelder {column.year}: {defined}."
            )
        else:
            msg = (
                f"The column «{label}» gives no year of its own; the table has figures from "
                f"{table.years.label()}."
                if english
                else f"Kolonnen «{label}» oppgir ikke noe eget år; tabellen har tall fra "
                f"{table.years.label()}."
            )
        return self.answer(
            u,
            lang,
            [msg],
            sources=[self.kb.provenance(table)],
            title=heading,
            scheme="nav-sosiale-tjenester",
        )

    def other_year_count(
        self, u: Understanding, lang: Lang, column: Column, year: int, place: str
    ) -> Answer:
        """Decline a count asked for a year the table does not count, naming what it has."""
        table = self.kb.tables[STATISTICS_TABLE]
        label = (column.label_en or column.label) if lang == "en" else column.label
        title = re.sub(r"^(?:Tabell|Table):\s*", "", table.title_en or table.title)
        title_nb = re.sub(r"^Tabell:\s*", "", table.title)
        counted = str(column.year) if column.year is not None else table.years.label()
        msg = (
            f"Kildene mine har ikke tallet for {place} i {year}. Tabellen «{title_nb}» har "
            f"bare «{label}», det vil si {counted}; spør om det året om du vil ha det tallet."
            if lang == "nb"
            else f"My sources do not have the figure for {place} in {year}. The table "
            f"«{title}» only has «{label}», that is {counted}; ask "
            "about that year if you want that figure."
        )
        return self.answer(
            u,
            lang,
            [msg],
            sources=[self.kb.provenance(table)],
            answered=False,
            scheme="nav-sosiale-tjenester",
        )

    def table_notes(self, u: Understanding, table: Table, lang: Lang) -> Answer | None:
        """Answer what a table's notes say about it: where its figures come from, its colours.

        'Hvor kommer tallene fra?', 'hva betyr fargene?', 'er tabellen et målekort?' ask about
        the table, not for a row; the notes printed under it answer, each aspect by the notes
        that speak of it (all of the source's notes when the question names none).
        """
        text = f"{u.folded} {fold(u.text)}"
        if not TABLE_ABOUT.search(text):
            return None
        english = lang == "en" and table.notes_en is not None
        notes = list(zip(table.notes, table.notes_en or table.notes, strict=True))
        wanted = [stems for pattern, stems in TABLE_ASPECTS if pattern.search(text)]
        chosen = [
            (nb, en)
            for nb, en in notes
            if any(any(stem in fold(nb) or stem in en.lower() for stem in st) for st in wanted)
        ]
        if not chosen:
            return None
        prov = self.kb.provenance(table)
        title = (table.title_en or table.title) if english else table.title
        return self.answer(
            u,
            lang,
            [en if english else nb for nb, en in chosen],
            sources=[prov],
            title=title,
            scheme="nav-sosiale-tjenester" if table.id == STATISTICS_TABLE else None,
        )

    def appropriation(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List appropriations and money tables, for a year or all years.

        A named office ('hos Fylkesmannen i Agder', 'til Innlandet') keeps what that office
        distributes; 'nasjonalt' / 'hele landet' keeps the national figures. Tables of amounts
        the scheme's facts refer to (e.g. the national framework increase per year, the Agder
        prognosis with its printed sum) are shown with their rows as printed.
        """
        if "year_rel" in u.slots and not any(k in u.slots for k in ("year", "year_from")):
            # 'bevilgningen i fjor', 'i år': the calendar year against today
            u.slots["year"] = today.year + int(u.slots["year_rel"])
        named = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not named and u.money_thing:
            # 'bevilget til rask psykisk helsehjelp': no scheme's money, not every scheme's
            return self.no_appropriation(u, lang, fmt.quote(named_thing(u.text, u.money_thing)))
        shared = [
            sid
            for sid in u.ambiguous_schemes
            if sid not in named and self.kb.schemes[sid].appropriations
        ]
        lead: list[str] = []
        meant = [sid for sid in named if sid not in u.schemes_mentioned[1:]][:1]
        if shared and self.told_apart([*meant, *shared], u.slots.get("year")):
            # 'bevilgningen til langvarige og sammensatte behov i 2021': words two schemes'
            # names share, the schemes with figures of their own; each is listed, none summed
            if self.money_arithmetic(u) or len(named) > 1:
                return self.ask_shared(u, lang, [*meant, *shared])
            names = fmt.join([self.name(sid, lang) for sid in [*named, *shared]], lang)
            said = fmt.quote(raw_words(u.text, u.shared_name or ""))
            lead = [
                f"{said} kan gjelde flere ordninger i kildene: {names}. Tallene for hver:"
                if lang == "nb"
                else f"{said} may mean more than one scheme in the sources: {names}. The "
                "figures of each:"
            ]
            named = [*named, *shared]
        arithmetic = self.appropriation_arithmetic(u, lang) if not lead else None
        if arithmetic is not None:
            return arithmetic
        administered = u.slots.get("office") not in (None, "nasjonal")
        asked = named
        if administered and GRANT_ADMINISTRATION.search(u.folded):
            # 'tilskuddsforvaltningen i Agder 2018': the office's figures for every scheme,
            # the scheme named first ('tilskuddsforvaltningen til kommunalt rusarbeid')
            named = []
        schemes = named or self.schemes_with(lambda s: bool(s.appropriations))
        year = u.slots.get("year")
        national = u.slots.get("county") == "landet" or u.slots.get("office") == "nasjonal"
        office = u.slots.get("office") if u.slots.get("office") != "nasjonal" else None
        held = OFFICE_DOCUMENT.search(u.folded)
        if held and held["region"] not in u.folded.replace(held[0], " "):
            # 'i 2018-tallene fra Agder-presentasjonen': every figure of that year, the office
            # named only as the one who held the document
            office = None
        late = self.late_appropriation_year(schemes, year)
        if late is not None:
            # a year after every appropriation: the newest, named as such; of the office or
            # the nation asked when the question names one (the Agder prognosis ends in 2018)
            year = self.late_appropriation_year(schemes, year, office, national) or late
        found: list[tuple[str, Appropriation]] = [
            (sid, a)
            for sid in schemes
            for a in self.kb.schemes[sid].appropriations
            if year is None or a.year == year
        ]
        scoped = [
            (sid, a)
            for sid, a in found
            if (national and a.scope == "nasjonal")
            or (
                office is not None
                and a.scope == "fylke"
                and self.kb.provenance(a).office_id == office
            )
        ]
        if scoped or national or office:
            found = scoped
        paragraphs: list[str] = []
        sources: list[Provenance] = []
        years: list[int] = []
        # one appropriation the sources give for two schemes together is listed once
        together: dict[tuple[int, int, str, str], list[str]] = {}
        for sid, a in found:
            together.setdefault((a.year, a.amount, a.text, a.source), []).append(
                self.name(sid, lang)
            )
        shown: set[tuple[int, int, str, str]] = set()
        for _sid, a in sorted(found, key=lambda item: (item[1].year, item[0] not in asked)):
            key = (a.year, a.amount, a.text, a.source)
            if key in shown:
                continue
            shown.add(key)
            prov = self.kb.provenance(a)
            where = (
                ("nasjonalt" if lang == "nb" else "nationally")
                if a.scope == "nasjonal"
                else prov.office_name
                if lang == "nb"
                else prov.office_name_en or prov.office_name
            )
            flags = []
            if a.approximate:
                flags.append("omtrent" if lang == "nb" else "approximately")
            if a.prognosis:
                flags.append("prognose" if lang == "nb" else "prognosis")
            extra = f", {', '.join(flags)}" if flags else ""
            if a.amount >= 1_000_000 and a.amount % 100_000 == 0:
                where = f"{fmt.millions(a.amount, lang)}, {where}"
            paragraphs.append(
                f"{heading(' / '.join(together[key]))} {a.year}: {fmt.kroner(a.amount, lang)} "
                f"({where}{extra}) – «{a.text}»"
            )
            sources.append(prov)
            years.append(a.year)
        for table, lines in self.money_tables(named, year, national, office, lang):
            title = (table.title_en or table.title) if lang == "en" else table.title
            paragraphs.append(f"{title}:\n" + "\n".join(lines))
            sources.append(self.kb.provenance(table))
            years.append(table.years.last or table.years.first)
        if not paragraphs and office is not None and office in self.kb.offices and named:
            # 'hvor mye fikk Innlandet fra barn og unge-ordningen?': no figure of that office;
            # the national one is said as such, never another scheme's office figure
            return self.no_office_appropriation(u, lang, named, year, office)
        if not paragraphs and isinstance(year, int) and len(named) == 1 and not office:
            # 'bevilgningen i 2020?': none for it, what another year's figure is said to be
            # compared with it ('kun en liten reduksjon fra 2020')
            compared = self.compared_appropriations(named[0], year)
            if compared:
                return self.between_appropriations(u, lang, named[0], year, compared)
        if not paragraphs:
            names = ", ".join(asof.scheme_name(self.kb, s, lang) for s in schemes)
            year_text = f" {year}" if year else ""
            msg = (
                f"Jeg har ingen bevilgning for {names}{year_text} i kildene mine."
                if lang == "nb"
                else f"I have no appropriation for {names}{year_text}."
            )
            return self.answer(u, lang, [msg], answered=False)
        paragraphs[:0] = lead
        language = self.kb.language.tables if self.kb.language else None
        rough = [a for _sid, a in found if a.approximate or a.prognosis]
        estimated = bool(found) and len(rough) == len(found)
        if estimated and language is not None and _says(u, _folded(language.actual)):
            # 'hvor mye fikk Innlandet faktisk tildelt i 2021?': only an estimate is given
            said = ", ".join(str(y) for y in sorted({a.year for a in rough}))
            paragraphs.insert(
                0,
                f"Kildene har bare et anslag for {said}, ikke det faktiske beløpet. Anslaget er:"
                if lang == "nb"
                else f"The sources only have an estimate for {said}, not the actual amount. "
                "The estimate is:",
            )
            return self.answer(
                u,
                lang,
                paragraphs,
                sources=sources,
                answered=False,
                scheme=named[0] if len(named) == 1 else None,
            )
        asked_year = u.slots.get("year")
        if late is not None and isinstance(asked_year, int) and asked_year <= self.kb.newest_year():
            # 'bevilgningen i 2022?': a year the documents span but give no figure for; the
            # newest year's figure would be read as that year's, so it is pointed to, not given
            paragraphs = [asof.phrase("appropriation_within", lang, year=asked_year, last=year)]
        elif late is not None:  # the year asked is not covered: said first
            paragraphs.insert(0, asof.phrase("appropriation", lang, year=asked_year, last=year))
        if len(named) == 1:
            dated = self.money_as_of(named[0], max(years), u.slots.get("year"), today, lang)
            paragraphs += dated.lines
            sources += dated.sources
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            scheme=named[0] if len(named) == 1 else None,
            after_sources=late is not None,
        )

    def ask_shared(self, u: Understanding, lang: Lang, schemes: list[str]) -> Answer:
        """Ask which scheme words several schemes' names share mean, each option the question
        with the words replaced by that scheme's name."""
        said = raw_words(u.text, u.shared_name or "")
        options = [
            Option(
                self.name(sid, lang),
                u.text.replace(said, self.name(sid, lang), 1)
                if said in u.text
                else f"{u.text} ({self.name(sid, lang)})",
            )
            for sid in schemes
        ]
        lines = [
            f"{fmt.quote(said)} kan gjelde flere ordninger, med hvert sitt tall i kildene. "
            "Hvilken mener du?"
            if lang == "nb"
            else f"{fmt.quote(said)} may mean more than one scheme, each with its own figure in "
            "the sources. Which one do you mean?"
        ] + [f"– {o.label}" for o in options]
        return self.answer(u, lang, ["\n".join(lines)], answered=False, options=options)

    def told_apart(self, schemes: list[str], year: object) -> bool:
        """Whether schemes have appropriations of their own (not one figure for them all) in
        the year asked, or in some year when none is asked."""
        years = (
            {year}
            if isinstance(year, int)
            else {a.year for sid in schemes for a in self.kb.schemes[sid].appropriations}
        )
        for y in years:
            keys = [
                {
                    (a.amount, a.text, a.source, a.scope)
                    for a in self.kb.schemes[sid].appropriations
                    if a.year == y
                }
                for sid in schemes
            ]
            if all(keys) and any(k != keys[0] for k in keys[1:]):
                return True
        return False

    def money_arithmetic(self, u: Understanding) -> bool:
        """Whether a money question asks to add, compare, split or take a share of figures."""
        words = self.kb.language.tables if self.kb.language else None
        if words is None:
            return False
        lists = [words.sum, words.difference, words.share, words.outside]
        said = [any(re.search(rf"\b{re.escape(fold(p))}\b", u.folded) for p in ws) for ws in lists]
        more = any(
            re.search(rf"\b{re.escape(fold(p))}\b", u.folded) for p in words.more + words.less
        )
        than = any(re.search(rf"\b{re.escape(fold(p))}\b", u.folded) for p in words.than)
        changed = (
            DIFFERENCE.search(u.folded) or GOES_DOWN.search(u.folded) or GOES_UP.search(u.folded)
        )
        return any(said) or (more and than) or bool(changed) or "year_from" in u.slots

    def compared_appropriations(self, sid: str, year: int) -> list[Appropriation]:
        """The scheme's national appropriations of other years whose words name a year."""
        said = re.compile(rf"(?<!\d){year}(?!\d)")
        return [
            a
            for a in self.kb.schemes[sid].appropriations
            if a.scope == "nasjonal" and a.year != year and said.search(a.text)
        ]

    def between_appropriations(
        self, u: Understanding, lang: Lang, sid: str, year: int, compared: list[Appropriation]
    ) -> Answer:
        """Decline a year without an appropriation, saying what the sources compare with it.

        'Bevilgningen i 2020?': «455 millioner i 2021, dvs kun en liten reduksjon fra 2020»
        gives no 2020 figure; the clause naming 2020 and its own year's amount are said.
        """
        name = self.name(sid, lang)
        lines = [
            f"Kildene mine har ingen bevilgning for {name} i {year}."
            if lang == "nb"
            else f"My sources have no appropriation for the {name} in {year}."
        ]
        for a in sorted(compared, key=lambda a: a.year):
            text = a.text if lang == "nb" else a.text_en or a.text
            clause = next(
                (c.strip(" .") for c in text.split(",") if str(year) in c), text.strip(" .")
            )
            lines.append(
                f"De sier bare om bevilgningen i {a.year} ({fmt.kroner(a.amount, lang)}): "
                f"«{clause}»."
                if lang == "nb"
                else f"They only say of the appropriation in {a.year} "
                f"({fmt.kroner(a.amount, lang)}): «{clause}»."
            )
        sources = [self.kb.provenance(a) for a in compared]
        return self.answer(u, lang, lines, sources=sources, answered=False, scheme=sid)

    def no_office_appropriation(
        self, u: Understanding, lang: Lang, named: list[str], year: int | None, office: str
    ) -> Answer:
        """Decline an office's appropriation the sources lack, giving the national one known."""
        place = self.kb.offices[office]
        where = place.name if lang == "nb" else place.name_en or place.name
        names = fmt.join([self.name(sid, lang) for sid in named], lang)
        year_text = (f" i {year}" if lang == "nb" else f" in {year}") if year else ""
        lines = [
            f"Kildene har ingen tall for hva {where} fikk til fordeling fra {names}{year_text}."
            if lang == "nb"
            else f"The sources give no figure for what {where} got to distribute from "
            f"{names}{year_text}."
        ]
        sources: list[Provenance] = []
        for sid in named:
            for a in self.kb.schemes[sid].appropriations:
                if a.scope != "nasjonal" or (year is not None and a.year != year):
                    continue
                amount = fmt.millions(a.amount, lang)
                lines.append(
                    f"Nasjonalt {a.year} ({self.name(sid, lang)}): {amount} – «{a.text}»"
                    if lang == "nb"
                    else f"Nationally {a.year} ({self.name(sid, lang)}): {amount} – "
                    f"«{a.text_en or a.text}»"
                )
                sources.append(self.kb.provenance(a))
        return self.answer(u, lang, lines, sources=sources, answered=False)

    def asks_appropriation(self, u: Understanding) -> bool:
        """Whether a money question without ladder inputs asks for the schemes' appropriations.

        'Hvor stor var ordningen for voksne og barn og unge i 2018?', 'hvor mye mer fikk X enn
        Y?', 'the national KRA grant in 2018': schemes without rates, several schemes, or the
        national money, and nothing a rate is computed from.
        """
        named = u.schemes_mentioned
        if not named or not all(self.kb.schemes[sid].appropriations for sid in named):
            return False
        if RATE_ASK.search(u.folded):
            # 'sats per årsverk i voksne-ordningen?': a rate, which such a scheme has none of
            return False
        inputs = ("grant_year", "start_year", "groups", "duration", "operation", "measures")
        cost = u.slots.get("cost")
        if any(k in u.slots for k in inputs) or (isinstance(cost, int) and cost < 10_000_000):
            return False
        if "positions" in u.slots and "positions" not in u.implicit:
            return False
        rated = [
            sid for sid in named if any(r.kind in RATE_KINDS for r in self.kb.schemes[sid].rules)
        ]
        national = u.slots.get("office") == "nasjonal" or u.slots.get("county") == "landet"
        # 'hvor mye fikk Innlandet i 2021?': an office's share of the money, no one's rate
        office_money = u.slots.get("office") not in (None, "nasjonal") and not (
            MUNICIPAL_SUBJECT.search(u.folded)
        )
        # 'hvor mye mindre var tilskuddet i 2021 enn i 2018?': with no grant year the ladder
        # gives no one figure per calendar year, the appropriations do
        first, last = u.slots.get("year_from"), u.slots.get("year_to")
        both = first is not None and all(
            {first, last} <= {a.year for a in self.kb.schemes[sid].appropriations} for sid in named
        )
        compared = both and bool(DIFFERENCE.search(u.folded) or GOES_DOWN.search(u.folded))
        return len(named) >= 2 or not rated or national or compared or office_money

    def sum_asked(self, u: Understanding) -> bool:
        """Whether a question asks for a sum in words ('til sammen', 'samlet', 'in total')."""
        words = self.kb.language.tables.sum if self.kb.language else []
        padded = f" {' '.join(re.findall(r'[a-z0-9]+', u.folded))} "
        return any(f" {' '.join(re.findall(r'[a-z0-9]+', fold(w)))} " in padded for w in words)

    def joint_appropriation(
        self, named: list[str], years: list[int], office: str | None
    ) -> tuple[Appropriation, list[str]] | None:
        """An appropriation used for a scheme asked that the sources give for it together with
        a scheme not asked, with the schemes it is given for; None when there is none."""
        for sid in named:
            for a in self.kb.schemes[sid].appropriations:
                if a.year not in years or a.scope != ("nasjonal" if office is None else "fylke"):
                    continue
                key = (a.year, a.amount, a.text, a.source)
                sharing = [
                    other
                    for other, scheme in self.kb.schemes.items()
                    if any(
                        (b.year, b.amount, b.text, b.source) == key for b in scheme.appropriations
                    )
                ]
                if any(other not in named for other in sharing):
                    return a, sharing
        return None

    def joint_answer(
        self, u: Understanding, lang: Lang, a: Appropriation, schemes: list[str]
    ) -> Answer:
        """Decline a comparison needing a figure the sources give for several schemes together."""
        names = fmt.join([self.name(sid, lang) for sid in schemes], lang)
        amount = fmt.millions(a.amount, lang)
        msg = (
            f"Kildene gir {amount} for {a.year} samlet for {names} – ikke et eget tall for hver "
            "ordning – så endringen for én av dem kan ikke regnes ut fra kildene."
            if lang == "nb"
            else f"The sources give {amount} for {a.year} for {names} together – no figure for "
            "each scheme – so the change for one of them cannot be worked out from the sources."
        )
        return self.answer(
            u, lang, [msg, f"«{a.text}»"], sources=[self.kb.provenance(a)], answered=False
        )

    def appropriations_exist(self, schemes: list[str], years: list[int], office: str) -> bool:
        """Whether an office has a figure for every scheme in every year asked."""
        return all(
            any(
                a.year == year and a.scope == "fylke" and self.kb.provenance(a).office_id == office
                for a in self.kb.schemes[sid].appropriations
            )
            for sid in schemes
            for year in years
        )

    def appropriation_share(
        self, sid: str, year: int, office: str, lang: Lang
    ) -> tuple[list[str], list[Provenance]] | None:
        """An office's appropriation as a share of the national one, with its working."""
        try:
            share, part, whole = appropriation_calc.appropriation_share(
                self.kb, (sid, year), office
            )
        except calc_errors.CalcError:
            return None
        prov = self.kb.provenance(part)
        where = prov.office_name if lang == "nb" else prov.office_name_en or prov.office_name
        name = self.name(sid, lang)
        a, b = fmt.millions(part.amount, lang), fmt.millions(whole.amount, lang)
        lead = (
            f"{name} {year}: {where} {a} av {b} nasjonalt = {fmt.share(share, lang)}."
            if lang == "nb"
            else f"{name} {year}: {where} {a} of {b} nationally = {fmt.share(share, lang)}."
        )
        lines = [lead, f"«{part.text}»", f"«{whole.text}»"]
        return lines, [prov, self.kb.provenance(whole)]

    def share_of_schemes(
        self,
        u: Understanding,
        lang: Lang,
        sid: str,
        schemes: list[str],
        year: int,
        office: str | None,
    ) -> Answer | None:
        """One scheme's appropriation as a share of the sum of several schemes' in a year."""
        try:
            total = appropriation_calc.appropriation_sum(
                self.kb, [(other, year) for other in schemes], office
            )
            part = appropriation_calc.appropriation_sum(self.kb, [(sid, year)], office)
        except calc_errors.CalcError:
            return None
        if not total.total:
            return None
        parts = [s.amount for s in total.steps if s.op is calc_results.Op.VALUE]
        summed = " + ".join(fmt.millions(p, lang) for p in parts)
        share = fmt.share(Fraction(part.total, total.total), lang)
        name = self.name(sid, lang)
        a, b = fmt.millions(part.total, lang), fmt.millions(total.total, lang)
        lead = (
            f"{name} {year}: {a} av {b} ({summed}) = {share}."
            if lang == "nb"
            else f"{name} {year}: {a} of {b} ({summed}) = {share}."
        )
        u.slots["operation"] = "sum"
        answer = self.calc_answer(u, lang, total)
        answer.paragraphs.insert(0, lead)
        return answer

    def appropriation_outside(
        self, u: Understanding, lang: Lang, sid: str, years: list[int], office: str
    ) -> Answer | None:
        """The national appropriation minus an office's, with its working; None without both."""
        if not years:
            # no year asked: the one year the office has a figure of the scheme for, if one
            held = {
                a.year
                for a in self.kb.schemes[sid].appropriations
                if a.scope == "fylke" and self.kb.provenance(a).office_id == office
            }
            if len(held) != 1:
                return None
            years = sorted(held)
        try:
            result = appropriation_calc.appropriation_outside(self.kb, (sid, years[0]), office)
        except calc_errors.CalcError:
            return None
        found = [
            a
            for a in self.kb.schemes[sid].appropriations
            if a.year == years[0]
            and (
                a.scope == "nasjonal"
                or (a.scope == "fylke" and self.kb.provenance(a).office_id == office)
            )
        ]
        rough = any(a.approximate for a in found)
        place = self.kb.offices[office]
        where = place.name if lang == "nb" else place.name_en or place.name
        name = heading(self.name(sid, lang))
        whole, part = result.figures["first"], result.figures["second"]
        about = ("omtrent " if lang == "nb" else "approximately ") if rough else ""
        lead = (
            f"{name} {years[0]}: av {fmt.millions(whole, lang)} nasjonalt fordeler {where} "
            f"{about}{fmt.millions(part, lang)}, så resten av landet får "
            f"{about}{fmt.millions(result.total, lang)}."
            if lang == "nb"
            else f"{name} {years[0]}: of {fmt.millions(whole, lang)} nationally, {where} "
            f"distributes {about}{fmt.millions(part, lang)}, so the rest of the country gets "
            f"{about}{fmt.millions(result.total, lang)}."
        )
        u.slots["operation"] = "difference"
        answer = self.calc_answer(u, lang, result)
        answer.paragraphs.insert(0, lead)
        answer.paragraphs[1:1] = [
            f"«{a.text_en if lang == 'en' and a.text_en else a.text}»" for a in found
        ]
        return answer

    def appropriation_arithmetic(self, u: Understanding, lang: Lang) -> Answer | None:
        """Sum or compare appropriations when the question asks to (words of language.tables).

        Several schemes in one year summed ('til sammen', 'alle tre'); one scheme (or several)
        in two years compared, the later against the earlier; the schemes named before
        'enn'/'than' against the others. National figures unless an office is named.
        """
        words = self.kb.language.tables if self.kb.language else None
        if words is None:
            return None

        def says(phrases: list[str]) -> bool:
            return any(
                fold(p) in u.folded and re.search(rf"\b{re.escape(fold(p))}\b", u.folded)
                for p in phrases
            )

        named = [sid for sid in u.schemes_mentioned if self.kb.schemes[sid].appropriations]
        years = [u.slots["year"]] if "year" in u.slots else []
        if "year_from" in u.slots and "year_to" in u.slots:
            years = [u.slots["year_from"], u.slots["year_to"]]
        office = u.slots.get("office") if u.slots.get("office") != "nasjonal" else None
        # 'enn de to andre ordningene til sammen': the understanding named the others too
        first_named = u.slots.get("schemes_first")
        if not named and len(years) == 1 and says(words.sum) and "schemes_counted" not in u.slots:
            # 'prognosen for Agder 2018 i alt', 'alle ordningene i 2021 til sammen': every
            # scheme with a figure that year (national, or of the office named)
            named = [
                sid
                for sid, scheme in self.kb.schemes.items()
                if any(
                    a.year == years[0]
                    and (
                        a.scope == "nasjonal"
                        if office is None
                        else a.scope == "fylke" and self.kb.provenance(a).office_id == office
                    )
                    for a in scheme.appropriations
                )
            ]
        if office is not None and len(named) == 1 and len(years) <= 1 and says(words.outside):
            # 'hvor mye gikk til resten av landet utenom Innlandet?': national minus the office's
            outside = self.appropriation_outside(u, lang, named[0], years, office)
            if outside is not None:
                return outside
        down, up = GOES_DOWN.search(u.folded), GOES_UP.search(u.folded)
        compares = says(words.difference) or bool(DIFFERENCE.search(u.folded) or down or up)
        compares = compares or ((says(words.more) or says(words.less)) and says(words.than))
        # an office's figures that lack a year or scheme asked give way to the national ones
        # ('fra 2018-tallet i Agder-presentasjonen til 2021')
        national_instead = office is not None and not self.appropriations_exist(
            named, years, office
        )
        if national_instead:
            office = None
        # (across years only: within one year the joint figure is the joint scheme's own)
        across = compares and len(years) == 2
        joint = self.joint_appropriation(named, years, office) if across else None
        if joint is not None:
            # 'hvor mye økte bevilgningen til barn og unge fra 2018 til 2021?': the 2018 figure
            # is one for two schemes together, no figure of the one asked
            return self.joint_answer(u, lang, *joint)
        whole = [sid for sid in u.slots.get("share_of", ()) if self.kb.schemes[sid].appropriations]
        if len(named) == 1 and len(years) == 1 and whole and says(words.share):
            # 'hvor stor andel av 2021-bevilgningene til de tre ordningene gikk til X?'
            of_all = self.share_of_schemes(u, lang, named[0], whole, years[0], office)
            if of_all is not None:
                return of_all
        if office is not None and len(named) == 1 and len(years) == 1 and says(words.share):
            # 'hvor stor andel av den nasjonale bevilgningen gikk til Innlandet?'
            shared = self.appropriation_share(named[0], years[0], office, lang)
            if shared is not None:
                return self.answer(u, lang, shared[0], sources=shared[1], scheme=named[0])
        stated = u.slots.get("cost")
        # 'summen var 227 mill. før; hvor mye høyere var den i 2021?': the sum against a figure
        stated_money = isinstance(stated, int) and stated >= 1_000_000
        try:
            if len(years) == 2 and named and compares:
                earlier, later = min(years), max(years)
                result = appropriation_calc.appropriation_difference(
                    self.kb,
                    [(sid, later) for sid in named],
                    [(sid, earlier) for sid in named],
                    office,
                )
                change = result.total
                names = fmt.join([self.name(sid, lang) for sid in named], lang)
                a, b = (
                    fmt.millions(result.figures["second"], lang),
                    fmt.millions(result.figures["first"], lang),
                )
                if lang == "nb":
                    way = "økte" if change > 0 else "gikk ned" if change < 0 else "var uendret"
                    lead = f"{names}: bevilgningen {way} fra {earlier} til {later}"
                    lead += f" med {fmt.millions(abs(change), lang)}" if change else ""
                    lead += f" (fra {a} til {b})."
                else:
                    way = "rose" if change > 0 else "fell" if change < 0 else "was unchanged"
                    lead = f"{names}: the appropriation {way} from {earlier} to {later}"
                    lead += f" by {fmt.millions(abs(change), lang)}" if change else ""
                    lead += f" (from {a} to {b})."
                base = result.figures["second"]  # the earlier year's figure
                if change and base and (says(words.per_cent_change) or PER_CENT.search(u.folded)):
                    # 'hvor mange prosent er nedgangen?': the change as a share of the earlier
                    share = Fraction(abs(change), base)
                    shown = f"{round(float(share * 100), 1):.1f}".removesuffix(".0")
                    exact = (share * 1000).denominator == 1
                    if lang == "nb":
                        about = "" if exact else "omtrent "
                        lead += f" Det er {about}{shown.replace('.', ',')} % av {a}."
                    else:
                        about = "" if exact else "about "
                        lead += f" That is {about}{shown}% of {a}."
                claimed = -1 if down and not up else 1 if up and not down else 0
                if PREMISE.search(u.folded) and claimed:
                    # 'stemmer det at bevilgningen gikk ned?': the direction stated, checked
                    right = claimed * change > 0
                    verdict = (
                        ("Ja, det stemmer." if right else "Nei, det stemmer ikke.")
                        if lang == "nb"
                        else ("Yes, that is right." if right else "No, that is not right.")
                    )
                    lead = f"{verdict} {lead}"
            elif len(years) == 1 and len(named) >= 2 and compares and first_named:
                first = [sid for sid in named if sid in first_named]
                rest = [sid for sid in named if sid not in first]
                if not first or not rest:
                    return None
                year = years[0]
                result = appropriation_calc.appropriation_difference(
                    self.kb, [(sid, year) for sid in first], [(sid, year) for sid in rest], office
                )
                one = fmt.join([self.name(sid, lang) for sid in first], lang)
                other = fmt.join([self.name(sid, lang) for sid in rest], lang)
                amount = fmt.millions(abs(result.total), lang)
                if lang == "nb":
                    more = "mer" if result.total >= 0 else "mindre"
                    lead = f"{one} fikk {amount} {more} enn {other} i {year}."
                else:
                    more = "more" if result.total >= 0 else "less"
                    lead = f"{one} got {amount} {more} than {other} in {year}."
            elif len(years) == 1 and len(named) >= 2 and (not compares or stated_money):
                result = appropriation_calc.appropriation_sum(
                    self.kb, [(sid, years[0]) for sid in named], office
                )
                parts = [s.amount for s in result.steps if s.op is calc_results.Op.VALUE]
                total = " + ".join(fmt.millions(p, lang) for p in parts)
                total += f" = {fmt.millions(result.total, lang)}" if len(parts) > 1 else ""
                where = ""
                if office is not None and office in self.kb.offices:
                    # an office's figures ('prognosen i Agder') are said to be that office's
                    found = self.kb.offices[office]
                    name = found.name if lang == "nb" else found.name_en or found.name
                    where = f" ({name})"
                lead = (
                    f"Til sammen i {years[0]}{where}: {total}."
                    if lang == "nb"
                    else f"In total in {years[0]}{where}: {total}."
                )
            else:
                return None
        except calc_errors.CalcError:
            return None
        if national_instead:
            lead += " (Nasjonale tall.)" if lang == "nb" else " (National figures.)"
        if (
            isinstance(stated, int)
            and stated_money
            and result.kind is calc_results.CalcKind.APPROPRIATION_SUM
        ):
            # 'var den totale bevilgningen over 700 millioner?': the sum against the figure
            side = (
                ("over" if result.total > stated else "under" if result.total < stated else "lik")
                if lang == "nb"
                else (
                    "above"
                    if result.total > stated
                    else "below"
                    if result.total < stated
                    else "equal to"
                )
            )
            gap = abs(result.total - stated)
            by = f"{fmt.millions(gap, lang)} " if gap else ""
            lead += (
                f" Det er {by}{side} {fmt.millions(stated, lang)}."
                if lang == "nb"
                else f" That is {by}{side} {fmt.millions(stated, lang)}."
            )
        # the question is read as this operation: no passage is put before its working
        u.slots["operation"] = (
            "sum" if result.kind is calc_results.CalcKind.APPROPRIATION_SUM else "difference"
        )
        answer = self.calc_answer(u, lang, result)
        answer.paragraphs.insert(0, lead)
        return answer

    def money_tables(
        self,
        schemes: list[str],
        year: int | None,
        national: bool,
        office: str | None,
        lang: Lang,
    ) -> list[tuple[Table, list[str]]]:
        """Return tables of amounts (not per municipality) for a question, with their lines.

        With named schemes, the tables their facts refer to; without, every such table. A
        year keeps that year's columns; 'nasjonalt' keeps national rows, an office the tables
        from its documents.
        """
        if schemes:
            ids = {
                m.group(1)
                for sid in schemes
                for f in self.kb.schemes[sid].facts
                for m in TABLE_REF.finditer(f.text)
            }
            tables = [self.kb.tables[i] for i in sorted(ids) if i in self.kb.tables]
        else:
            tables = list(self.kb.tables.values())
        out: list[tuple[Table, list[str]]] = []
        for table in tables:
            if any(r.municipality or r.county for r in table.rows):
                continue
            columns = [
                c for c in table.columns if c.unit == "kr" and (year is None or c.year == year)
            ]
            if not columns:
                continue
            if office is not None and self.kb.provenance(table).office_id != office:
                continue
            rows = [r for r in table.rows if (r.key == "landet") == national]
            lines = []
            for row in rows:
                for column in columns:
                    value = row.values.get(column.id)
                    if value is None:
                        continue
                    english = lang == "en"
                    label = (column.label_en or column.label) if english else column.label
                    label = label if len(columns) > 1 else ""
                    flag = f" ({word('prognosis', lang)})" if column.status == "prognose" else ""
                    row_label = (row.label_en or row.label) if english else row.label
                    head = f"{row_label} {label}".strip()
                    lines.append(f"– {head}: {fmt.kroner(int(value), lang)}{flag}")
            if lines:
                out.append((table, lines))
        return out

    def budget(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Give a scheme's budget chapter and post."""
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not schemes:
            return self.ask_scheme(u, lang, self.schemes_with(lambda s: bool(s.budget)))
        if u.slots.get("cited_budget") is not None:
            schemes = schemes[:1]
        paragraphs, sources, answered = [], [], False
        for sid in schemes:
            budget = self.kb.schemes[sid].budget
            if not budget:
                paragraphs.append(
                    f"Kildene oppgir ikke kapittel og post for {self.name(sid, lang)}."
                    if lang == "nb"
                    else f"The sources give no budget chapter for {self.name(sid, lang)}."
                )
                continue
            answered = True
            for b in budget:
                ministry = f", {b.ministry}" if b.ministry else ""
                ref = f"kap. {b.chapter} post" if lang == "nb" else f"chapter {b.chapter}, item"
                # the budget's short form as the sources print it ('765.62')
                short = f"{b.chapter}.{b.post}"
                paragraphs.append(
                    f"{heading(self.name(sid, lang))}: {ref} {b.post}{ministry} "
                    f"({short}, {b.years.label()})"
                )
                sources.append(self.kb.provenance(b))
        cited = u.slots.get("cited_budget")
        if cited is not None and answered:
            # 'stemmer det at … er kap. 765 post 60?': the cited reference checked
            chapter, post = cited
            # the scheme named, not one the cited reference itself points to
            named = self.kb.schemes[schemes[0]].budget
            if any((b.chapter.lstrip("0"), b.post) == (chapter.lstrip("0"), post) for b in named):
                lead = t("premise_yes", lang)
            else:
                figure = " / ".join(dict.fromkeys(f"{b.chapter}.{b.post}" for b in named))
                lead = t("premise_no", lang, figure=figure, stated=f"{chapter}.{post}")
            paragraphs.insert(0, lead)
        return self.answer(u, lang, paragraphs, sources=sources, answered=answered)
