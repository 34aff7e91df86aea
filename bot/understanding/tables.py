"""A table question read as one typed query: operation, columns, rows and years."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import partial
from itertools import pairwise
from typing import Literal

from bot import asof
from bot.text import fold
from bot.understanding.lexicon import function_words
from bot.understanding.words import word_tables
from knowledge.kb import KnowledgeBase
from knowledge.schema import Column, Row, Table, TableLanguage

Op = Literal[
    "value",
    "list",
    "sum",
    "difference",
    "rank",
    "filter",
    "portion",
    "position",
    "same",
    "printed",
    "tally",
    "rows",
    "relative",
    "spread",
    "mean",
    "ratio",
]


#: Least word score (a telling word counts 1, a word shared by n columns 1/n) for a column.
COLUMN_SCORE = 2.0


#: Shortest word that counts towards a column ('som', 'med' and 'til' tell nothing).
MIN_WORD = 4


#: Fewest rows a table needs before rankings and filters make sense.
MIN_ROWS = 3


#: Most look-ups kept between questions before the caches start afresh.
CACHE_SIZE = 4096
# How many texts' long forms are kept (the few read while one question is read).
QUESTIONS_KEPT = 8


#: Longest follow-up ("til sammen?", "og 2019?") that may reuse the previous query.
FOLLOW_UP_WORDS = 6


_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


#: Any year a question's years may be read from, inside a word or not (a superset of _YEAR).
_ANY_YEAR = re.compile(r"19[5-9]\d|20[0-4]\d")


# '41 millionene', '41 mill.': a figure in millions as a question says it
_MILLIONS_SAID = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*mill")


#: 'hvilken 09-kommune': the municipalities whose numbers begin so.
_SERIES_NAMED = re.compile(r"\b(\d{2})-(?:kommun|municipalit)\w*")
_TOP_DIGIT = re.compile(r"\b(?:topp|top)\s*-?\s*(\d{1,2})\b")


_TOKENS = re.compile(r"[^\w%]+")


#: A span of years written with a dash ('2016-2020', '2016 – 2020'), not 'fra 2016 til 2020'.
_DASH_SPAN = re.compile(r"(20[0-4]\d)\s*[-–]\s*(20[0-4]\d)")


_FOLLOW_UP_START = ("og ", "enn ", "and ", "what about ", "hva med ", "men ")


#: A figure in a question: '1 million', '3 505', '70 %', '2,5' (not part of a span '18–24').
_FIGURE = re.compile(r"(?<![\w–\-.,])(\d{1,3}(?: \d{3})+|\d+(?:[.,]\d+)?)(?![\w–\-]|[.,]\d)")


#: What a bound word says about the rows kept.
_COMPARE = {"above": ">", "at_least": ">=", "below": "<", "at_most": "<="}

#: What a bound word after a figure says about the rows kept ('70 % eller mer').
_COMPARE_AFTER = {"at_least_after": ">=", "at_most_after": "<="}

#: The second figure of a range, after the first and its unit ('mellom 1,0 og 1,2 %').
_RANGE_END = re.compile(
    r"^\s*(?:%|prosent|percent|kr|kroner)?\s*(?:og|and)\s+(\d{1,3}(?: \d{3})+|\d+(?:[.,]\d+)?)\b"
)

#: A figure's unit, skipped before the bound words that follow it ('1,2 % eller mer').
_UNIT_AFTER = re.compile(r"^ (?:%|prosent|percent|per cent|kr|kroner|nok|mill\w*|million\w*) ")


#: Two compounds sharing their second part ('aust- og vest-agder', 'øst- eller vestlandet').
_SHARED_TAIL = re.compile(r"\b(\w+)- (og|eller|and|or) (\w+)-(\w+)")


#: A share of the population ('andel av befolkningen', 'share of the population'): a share
#: column as printed, never a row's part of the country's count.
_OF_POPULATION = re.compile(
    r" (?:andel|andelen|del|delen|share|proportion|percentage) (?:av|of) (?:the )?"
    r"(?:befolkningen|befolkninga|innbyggerne|innbyggjarane|population|inhabitants) "
)


#: A share of something counted ('andel av barna', 'share of the children'), not of a figure.
_SHARE_OF = re.compile(
    r" (?:andel|andelen|del|delen|share|proportion|percentage) (?:av|of) (?:the |de |dei )?"
    r"(?!(?:befolkningen|befolkninga|innbyggerne|population|inhabitants|prognosen|summen|"
    r"total|sum|det|dette|that|this|it) )\w+"
)


#: The words before a place that say the counted were there ('bodde i', 'lived in').
_LOCATED_VERB = r" (?:var|bodde|budde|befant seg|fantes|lived|were|was|are|is|er)"
_LOCATED = _LOCATED_VERB + r" (?:det )?(?:i|in)"


#: Phrase lists whose one-word phrases also count as the last part of a compound
#: ('tilskuddsprognosen' says 'prognosen').
COMPOUND_TAILS = ("prognosis",)


#: Fewest letters before a compound's last part ('tilskudds' of 'tilskuddsprognosen').
COMPOUND_HEAD = 4


#: Two years written short and joined by a plus ('sum 16+17').
_SHORT_YEARS = re.compile(r"(?<![\w.,+])(\d{2})\s*\+\s*(\d{2})(?![\w.,+])")


#: A series of municipality numbers ('10xx', '09xx').
_NUMBER_SERIES = re.compile(r"\b(\d{2})\s?xx\b")


@dataclass(frozen=True)
class _Cues:
    """The words without which no query against one table is read (``TableReader._may_ask``).

    ``rows``: the words of each name of a row, under the name's longest word;
    ``item_labels``: the first letters of an item's label words; ``telling``: the table's own
    words; ``spelled``: the first letters of a printed sum's label words; ``columns`` and
    ``column_prefixes``: the column headings' words and their first five letters. A table
    of kroner per year (``kroner``) has its columns by year, so it needs a row named and a
    year, and a table of named items (``items``) its own words or an item's prognosis; any
    other table a column's words, beside a row named or a ranking or 'which'.
    """

    kroner: bool
    items: bool
    rows: dict[str, tuple[frozenset[str], ...]]
    item_labels: tuple[tuple[str, ...], ...]
    telling: frozenset[str]
    spelled: tuple[tuple[str, ...], ...]
    columns: frozenset[str]
    column_prefixes: frozenset[str]


@dataclass(frozen=True)
class TableQuery:
    """Rows, columns and what to do with them; rows empty means every data row."""

    table: str
    op: Op
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    top: int = 1
    descending: bool = True
    before_rows: tuple[str, ...] = ()
    before_columns: tuple[str, ...] = ()
    claim: str | None = None
    #: a filter against a figure: rows whose value is ``compare`` (>, >=, <, <=, ==) ``bound``
    bound: Fraction | None = None
    compare: str = ""
    #: the upper end of a range ('mellom 1,0 og 1,2 %'): rows also at most this figure
    upper: Fraction | None = None
    #: the row the bound was taken from ('færre enn Aust-Agder'), left out of the result
    reference: str | None = None
    #: a ranking of the change from the first column to the second ('fra 2017 til 2018')
    change: bool = False
    #: a ranking of one row's columns ('kva år fekk Gjerstad størst auke?')
    across: bool = False
    #: the one place of a ranking asked by its ordinal ('which ranks fifth?'), 0 for none;
    #: for a figure printed under the table, which of the table's totals it is
    place: int = 0
    #: a difference of two sums: the first ``split`` rows against the rest, 0 for none
    split: int = 0
    #: the name of the region or county whose rows the query adds ('Lister')
    group: str = ""
    #: a figure of another table this query's figure is compared with ('2020-tabellen enn
    #: 2018-tabellen'): the difference of this query's figure and the other's
    other: TableQuery | None = None
    #: the step a claimed figure is rounded to ('8,1 millioner' to 100 000), 0 for exact
    rounding: Fraction = Fraction(0)
    #: the rows a ranking's answer named (set once it is answered), for a follow-up that
    #: refers to them ('og hvor mange barn var det der?')
    shown: tuple[str, ...] = ()
    #: a year asked after everything the sources say, 0 for none: the columns are the last
    #: figures known, said to be from their own year ('husholdninger i botilbud i fjor')
    late: int = 0
    #: how many places the question says the rows are ('de 14 kommunene i Aust-Agder') when
    #: the table has another number of them, 0 when it agrees or says none
    miscounted: int = 0
    #: a sum asked for each column on its own ('i 2016 og i 2017'): the rows' sum per column
    each: bool = False
    #: the municipality numbers of the rows asked as well ('kommunenummeret til …')
    numbered: bool = False


#: Two years each with its own preposition ('i 2016 og i 2017', 'in 2016 and in 2017'): each
#: year asked on its own, not the two added.
_EACH_YEAR = re.compile(r" (\w+) (20[0-4]\d) (?:og|and) \1 (20[0-4]\d) ")


def _apart(columns: Sequence[Column]) -> bool:
    """Whether a printed sum is asked beside a column that is not one of its parts ('prognosen
    for 2018 over SUM 2016+2017'): the two can only be set against each other."""
    sums = [c for c in columns if c.sum_of]
    parts = [c for c in columns if not c.sum_of]
    return len(sums) == 1 and all(c.id not in (sums[0].sum_of or ()) for c in parts)


def _figure_unit(after: str) -> bool:
    """Whether a figure is followed by a unit of its own ('70 %', '18 prosent')."""
    return after.startswith((" % ", " prosent ", " percent "))


def _value(raw: object) -> Fraction:
    """Read a printed figure (an integer, or a decimal written as text)."""
    return Fraction(str(raw))


def _phrases(items: Sequence[str]) -> tuple[str, ...]:
    """Fold phrases the way questions are folded (both with and without nynorsk mapping)."""
    out: list[str] = []
    for item in items:
        for variant in (fold(item), fold(item, nynorsk=False)):
            variant = " ".join(_TOKENS.split(variant)).strip()
            if variant and variant not in out:
                out.append(variant)
    return tuple(sorted(out, key=len, reverse=True))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _padded(folded: str) -> str:
    """Words of a folded text between spaces, for phrase look-ups (remembered: it is pure)."""
    return " " + " ".join(_TOKENS.split(folded)).strip() + " "


def _first(padded: str, phrases: Sequence[str]) -> int:
    """Position of the first phrase found, or -1."""
    found = [padded.find(f" {p} ") for p in phrases]
    hits = [i for i in found if i >= 0]
    return min(hits) if hits else -1


def _column_bags(table: Table, long_forms: Callable[[str], str] = str) -> dict[str, frozenset[str]]:
    """Folded words of each column's label and definition, in both languages, short forms
    written out as a question's are ('mnd.' as 'måneder')."""
    bags = {}
    for c in table.columns:
        text = " ".join(filter(None, (c.label, c.label_en, c.definition, c.definition_en)))
        words = [
            w
            for folded in (fold(text), fold(text, nynorsk=False))
            for w in _padded(long_forms(folded)).split()
        ]
        # short words count when the heading writes them as an acronym ('KVP')
        acronyms = {fold(a) for a in re.findall(r"\b[A-ZÆØÅ]{2,}\b", text)}
        bags[c.id] = frozenset(
            w for w in words if len(w) >= MIN_WORD or w.isdigit() or w in acronyms
        )
    return bags


def _items_only(table: Table) -> bool:
    """Whether a table's rows are named items, not places ('Kommunalt rusarbeid', 'SUM')."""
    items = [r for r in table.rows if not r.sum_of_rows]
    return len(items) >= 2 and not any(r.municipality or r.county for r in table.rows)


def _national_only(table: Table) -> bool:
    """Whether a table's one row is the whole country ('Nasjonal økning i rammen per år')."""
    return len(table.rows) == 1 and not (
        table.rows[0].municipality or table.rows[0].county or table.rows[0].sum_of_rows
    )


def _telling_words(tables: Sequence[Table]) -> dict[str, frozenset[str]]:
    """Long words of a table's title and column headings that no other table's text has
    ('tidslinjen' tells the national timeline)."""

    def words(*texts: str | None) -> set[str]:
        found = {w for t in texts if t for w in _padded(fold(t)).split() if len(w) >= 6}
        # a definite form also with its other ending ('tidslinjen', 'tidslinja')
        return found | {w[:-2] + "a" for w in found if w.endswith("en")}

    own = {
        t.id: words(
            t.title,
            t.title_en,
            *(x for c in t.columns for x in (c.label, c.definition, c.label_en, c.definition_en)),
        )
        for t in tables
    }
    every = {t.id: own[t.id] | words(t.description, t.title_en, t.description_en) for t in tables}
    return {
        tid: frozenset(w for w in found if not any(w in every[o] for o in every if o != tid))
        for tid, found in own.items()
    }


def _office_counties(
    kb: KnowledgeBase, table: Table
) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For each office whose names include two or more of a table's counties, the office's
    other names (its region, 'Innlandet') and those counties ('Hedmark', 'Oppland')."""
    counties = {
        " ".join(_TOKENS.split(fold(r.label, nynorsk=False))).strip(): r.key
        for r in data_rows(table)
        if r.county and not r.municipality
    }
    found = []
    for office in kb.offices.values():
        names = [
            " ".join(_TOKENS.split(fold(n, nynorsk=False))).strip()
            for n in (office.name, *office.aliases)
        ]
        keys = tuple(counties[n] for n in names if n in counties)
        # ('Agder' is part of 'Aust-Agder' itself: the counties named by that part are
        # read as a family of names)
        others = tuple(
            n
            for n in names
            if n not in counties and len(n) >= 4 and not any(n in c for c in counties)
        )
        if len(keys) >= 2 and others:
            found.append((tuple(sorted(others, key=len, reverse=True)), keys))
    return found


def _source_year(kb: KnowledgeBase, table: Table) -> int | None:
    """The year of a table's source document: its date, else the year its date text gives."""
    doc = kb.sources.get(table.source)
    if doc is None:
        return None
    if doc.date is not None:
        return doc.date.year
    m = _YEAR.search(doc.date_text or "")
    return int(m.group(1)) if m else None


def _sources_last(kb: KnowledgeBase, table: Table) -> int | None:
    """The last year the sources say anything of the schemes whose facts cite a table's source
    (the newest source's year when none does): a year after it is after the sources."""
    cited = [sid for sid, s in kb.schemes.items() if any(f.source == table.source for f in s.facts)]
    last = [y for y in (asof.scheme_last(kb, sid) for sid in cited) if y is not None]
    if last:
        return max(last)
    dated = [d.date.year for d in kb.sources.values() if d.date is not None]
    return max(dated, default=None)


def _column_pairs(table: Table) -> dict[str, frozenset[str]]:
    """Pairs of adjacent long heading words (or a word and a number, not a year) that one
    column's headings alone have."""
    pairs: dict[str, set[str]] = {}
    for c in table.columns:
        found: set[str] = set()
        for text in filter(None, (c.label, c.label_en)):
            words = _padded(fold(text)).split()
            found |= {
                f"{a} {b}"
                for a, b in pairwise(words)
                if not (_YEAR.fullmatch(a) or _YEAR.fullmatch(b))
                and all(len(w) >= 5 or w.isdigit() for w in (a, b))
            }
        pairs[c.id] = found
    return {
        cid: frozenset(p for p in found if sum(p in other for other in pairs.values()) == 1)
        for cid, found in pairs.items()
    }


def _names(padded: str, label: str) -> bool:
    """Whether a question spells out a column's label ('sum inkl. 2020-prognosen')."""
    words = _label_words(label)
    asked = padded.split()
    return len(words) >= 2 and all(
        any(a.startswith(w if len(w) < 5 else w[:5]) for a in asked) for w in words
    )


@functools.cache
def _label_words(label: str) -> list[str]:
    """The words of three letters or more of a label, folded (labels are the tables' own)."""
    return [w for w in _padded(fold(label)).split() if len(w) >= 3]


def column_covers(table: Table, column: Column, year: int) -> bool:
    """Whether a column counts a year: its own year, else the years of its table."""
    return column.year == year if column.year is not None else table.years.contains(year)


def data_rows(table: Table) -> list[Row]:
    """Rows that are single places, not printed totals or the whole country."""
    return [r for r in table.rows if (r.municipality or r.county) and not r.sum_of_rows]


class TableReader:
    """Read table queries from questions, for every table of one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Fold the language words and index every table's row names."""
        self.kb = kb
        # look-ups repeated for every table while one question is read
        self._present: dict[str, frozenset[str]] = {}
        self._long_forms: dict[str, str] = {}  # by folded text, for the last few questions
        self._rows_asked: dict[str, re.Pattern[str] | None] = {}  # by kind, compiled once
        self._rows_counted: dict[str, re.Pattern[str]] = {}  # by kind, compiled once
        self._rows: dict[tuple[str, str], tuple[str, ...]] = {}
        self._heading_texts: dict[str, str] = {}
        # words that tell no heading ('etter' of 'fordeling etter sosialhjelpsnøkkel')
        self.function = function_words(kb)
        words = kb.language.tables if kb.language else None
        self.words: TableLanguage | None = words
        self.w: dict[str, tuple[str, ...]] = {}
        if words is not None:
            for name, value in words:
                if isinstance(value, list):
                    self.w[name] = _phrases(value)
            # every word for rows, whatever their kind, counts places
            self.w["places"] = (
                *self.w.get("places", ()),
                *self.w.get("municipality_places", ()),
                *self.w.get("county_places", ()),
            )
            self.numbers = {fold(k): v for k, v in words.numbers.items()}
            self.ordinals = {fold(k): v for k, v in words.ordinals.items()}
            # (each with its folded form, which a question must hold for the pattern to match)
            self.short_forms = [
                (fold(k), re.compile(rf"(?<![\w.]){re.escape(fold(k))}(?![\w])"), fold(v))
                for k, v in sorted(words.short_forms.items(), key=lambda kv: -len(kv[0]))
            ]
            spans = [*words.range_to, *words.range_through]
            joins = "|".join(re.escape(fold(w)) for w in sorted(spans, key=len)[::-1])
            self.joins = joins
            self.range = re.compile(rf"\b(20[0-4]\d)\s*(?:{joins})\s*(20[0-4]\d)\b")
            # a span of municipality numbers ('0901–0941', 'fra 1001 til 1046')
            # (each number may carry its place's name: '1001 Kristiansand til 1046 Sirdal')
            self.number_span = re.compile(
                rf"\b(\d{{4}})(?:\s+[^\W\d_]+){{0,3}}?\s*(?:{joins})\s*(\d{{4}})\b"
            )
            # 'uten 2020-prognosen' and 'uten prognosen for 2020' are 'uten prognosen': the
            # year names no column to add; nor does a year said to be left out ('når 2020
            # holdes utenfor')
            without = "|".join(
                re.escape(" ".join(p.split()[:-1]))
                + r"\s+(?:20[0-4]\d\s*-?\s*)?"
                + re.escape(p.split()[-1])
                # (a year after the phrase, not the first of a span: 'uten prognosen 2016–2019')
                + rf"(?:(?:\s+\w{{1,3}})?\s+20[0-4]\d\b(?!\s*(?:{joins})\s*20[0-4]\d))?"
                for p in _phrases(words.without_prognosis)
                if len(p.split()) > 1
            )
            left = "|".join(re.escape(p) for p in _phrases(words.left_out))
            if left:
                without = "|".join(
                    w for w in (without, rf"20[0-4]\d(?:\s*-\s*\w+|\s+\w+)?\s+(?:{left})") if w
                )
            self.without = re.compile(rf"\b(?:{without})\b") if without else None
            denials = "|".join(re.escape(p) for p in sorted(_phrases(words.denied), key=len)[::-1])
            units = "|".join(
                re.escape(p)
                for p in sorted([*self.w.get("share", ()), *self.w.get("count", ())], key=len)[::-1]
                if p.isascii() and p[0].isalpha()
            )
            self.denied = (
                re.compile(rf"\b(?:{denials})\s+(?:{units})\b") if denials and units else None
            )
        # every phrase list's phrases by their first word, to find the lists a question holds
        self.phrase_index: dict[str, list[tuple[str, str]]] = {}
        for name, phrases in self.w.items():
            for phrase in phrases:
                self.phrase_index.setdefault(phrase.split(" ", 1)[0], []).append((name, phrase))
        # tables of places, and tables of the whole country alone (one national row)
        self.tables = [
            t
            for t in kb.tables.values()
            if len(data_rows(t)) >= MIN_ROWS or _national_only(t) or _items_only(t)
        ]
        # a table's telling words, less the words that say what to do ('millioner', 'samlet')
        operations = {w for phrases in self.w.values() for p in phrases for w in p.split()}
        self.item_tables = {t.id for t in self.tables if _items_only(t)}
        self.national_tables = {t.id for t in self.tables if _national_only(t)}
        self.telling = {
            tid: frozenset(w for w in found if w not in operations)
            for tid, found in _telling_words(self.tables).items()
        }
        # every year a column of a table is of ('sum 16+17' writes two of them short)
        self.column_years = {c.year for t in self.tables for c in t.columns if c.year}
        # the year of each table's source, for 'i 2018-presentasjonen', 'the 2020 slides'
        self.source_years = {t.id: _source_year(kb, t) for t in self.tables}
        documents = "|".join(re.escape(p) for p in self.w.get("document", ()))
        # 'tabellen fra januar 2020': the month of the document's date beside its year
        months = "|".join(sorted(word_tables().months, key=len, reverse=True))
        self.document = (
            re.compile(
                rf"\b(20[0-4]\d)\s*-?\s*(?:{documents})\b"
                rf"|\b(?:{documents})\s+(?:fra|from|of|i|in)\s+(?:(?:{months})\s+)?(20[0-4]\d)\b"
            )
            if documents
            else None
        )
        tails = sorted(
            {p for name in COMPOUND_TAILS for p in self.w.get(name, ()) if " " not in p},
            key=len,
            reverse=True,
        )
        alternatives = "|".join(re.escape(t) for t in tails)
        self.tails = re.compile(rf"\b\w{{{COMPOUND_HEAD},}}?({alternatives})\b") if tails else None
        # the last year the sources say anything of the schemes citing each table's source
        self.sources_last = {t.id: _sources_last(kb, t) for t in self.tables}
        self._late: dict[str, int] = {}  # tables read with a year after the sources, by id
        self.place_count = 0  # how many places the question read last says it asks about
        self.fresh = True  # whether the question being read follows no table question
        self.spans = ""  # the folded question being read, for spans of municipality numbers
        self._name_spans: dict[str, re.Pattern[str]] = {}  # by table, compiled once
        # 'inkl. (…) <year>', by year, compiled once
        self._including_year: dict[int, re.Pattern[str] | None] = {}
        self._span_numbers: dict[str, dict[str, str]] = {}  # by table: row name -> number
        self.rounding = Fraction(0)  # the step of the figure the last bound was read from
        self.upper: Fraction | None = None  # the upper end of the last bound read as a range
        self.row_names: dict[str, list[tuple[str, str]]] = {}
        for table in self.tables:
            names: list[tuple[str, str]] = []
            for row in table.rows:
                label = re.sub(r"\(.*?\)", "", row.label)
                for name in {label, row.label_en or "", row.key}:
                    folded = " ".join(_TOKENS.split(fold(name, nynorsk=False))).strip()
                    if len(folded) >= 3:
                        names.append((folded, row.key))
                if row.municipality and row.municipality in kb.municipalities:
                    muni = kb.municipalities[row.municipality]
                    names.append((" ".join(_TOKENS.split(fold(muni.name))).strip(), row.key))
                scheme = kb.schemes.get(row.key)
                if scheme is not None:
                    # a row that is a scheme is named by the scheme's names ('KRA')
                    spelled = [scheme.names.official, scheme.names.short, *scheme.names.aliases]
                    spelled += [*scheme.names.nynorsk, *scheme.names.english]
                    for name in spelled:
                        folded = " ".join(_TOKENS.split(fold(name, nynorsk=False))).strip()
                        if len(folded) >= 3:
                            names.append((folded, row.key))
            self.row_names[table.id] = sorted(set(names), key=lambda kv: -len(kv[0]))
        # each name also with a genitive s ('Kristiansands økning' names Kristiansand)
        self.spelled = {
            tid: [
                (form, key)
                for name, key in names
                for form in ((name, name + "s") if not name.endswith(("s", "x", "z")) else (name,))
            ]
            for tid, names in self.row_names.items()
        }
        shorts = self.long_forms if words is not None else str
        self.column_words = {t.id: _column_bags(t, shorts) for t in self.tables}
        self.column_pairs = {t.id: _column_pairs(t) for t in self.tables}
        # how many columns of a table each word is in, and each word under its first letters
        self.column_counts: dict[str, dict[str, int]] = {}
        self.column_prefixes: dict[str, dict[str, set[str]]] = {}
        for tid, bags in self.column_words.items():
            counts: dict[str, int] = {}
            prefixes: dict[str, set[str]] = {}
            for bag in bags.values():
                for word in bag:
                    counts[word] = counts.get(word, 0) + 1
                    if len(word) >= 5:
                        prefixes.setdefault(word[:5], set()).add(word)
            self.column_counts[tid], self.column_prefixes[tid] = counts, prefixes
        self.groups: dict[str, list[str]] = {}
        for muni in kb.municipalities.values():
            for group in filter(None, (muni.region, muni.county)):
                self.groups.setdefault(group, []).append(muni.number)
        # the words of the regions' and counties' names ('aust', 'agder', 'lister')
        self.group_words = frozenset(w for g in self.groups for w in _padded(fold(g)).split())
        # each group's name as words of a padded text, and in the genitive, longest names first
        self._group_forms = [
            (group, (f" {name} ", f" {name}s "))
            for group in sorted(self.groups, key=len, reverse=True)
            for name in [" ".join(_TOKENS.split(fold(group))).strip()]
        ]
        # an office's region named for the counties it was made of ('Innlandet')
        self.office_counties = {t.id: _office_counties(kb, t) for t in self.tables}
        self.cues = {t.id: self._cues(t) for t in self.tables}
        # the same words for every table at once: a table's own words and printed sums'
        # labels tell a table question whatever the table; a row's name, which table it is of
        self._telling_any = frozenset().union(*(c.telling for c in self.cues.values()))
        self._spelled_any = tuple(dict.fromkeys(x for c in self.cues.values() for x in c.spelled))
        self._row_words: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for tid, cue in self.cues.items():
            for key, forms in cue.rows.items():
                self._row_words.setdefault(key, []).extend((tid, words) for words in forms)

    def _cues(self, table: Table) -> _Cues:
        """The words a question must hold for a query against a table to be read at all,
        taken from what the reading itself looks for (see ``_may_ask``)."""
        # every name of a row (and a word for the whole country, and the shared part of two
        # counties' names) as the set of its words, under its longest word
        names = [name.split() for name, _key in self.spelled[table.id]]
        names += [p.split() for p in self.w.get("national", ())]
        families = (r.label.split("-") for r in data_rows(table) if r.county)
        names += [fold(p[1]).split() for p in families if len(p) == 2]
        rows: dict[str, set[frozenset[str]]] = {}
        for words in filter(None, names):
            rows.setdefault(max(words, key=len), set()).add(frozenset(words))
        # an item named by the first letters of each long word of its label
        items = tuple(
            tuple(w[:5] for w in _padded(fold(label)).split() if len(w) >= 4)
            for r in table.rows
            for label in filter(None, (r.label, r.label_en))
        )
        # a label spelled out ('sum inkl. 2020-prognosen') by the first letters of its words
        labels = [x for t in table.totals for x in (t.label, t.label_en) if x]
        labels += [c.label for c in table.columns if c.sum_of]
        spelled = tuple(
            tuple(w if len(w) < 5 else w[:5] for w in words)
            for words in map(_label_words, labels)
            if len(words) >= 2
        )
        by_year = [c for c in table.columns if c.year is not None and not c.sum_of]
        pairs = self.column_pairs[table.id].values()
        heads = {w for found in pairs for p in found for w in p.split()}
        return _Cues(
            kroner=bool(by_year) and all(c.unit == "kr" for c in table.columns),
            items=table.id in self.item_tables,
            rows={k: tuple(v) for k, v in rows.items()},
            item_labels=tuple(filter(None, items)) if table.id in self.item_tables else (),
            telling=self.telling[table.id],
            spelled=spelled,
            columns=frozenset(heads | set(self.column_counts[table.id])),
            column_prefixes=frozenset(self.column_prefixes[table.id]),
        )

    def _may_ask(self, folded: str, padded: str) -> bool:
        """Whether a question without a previous table query, a column guess or a framework
        reading can be a table question at all: a cheap test of the words every way of
        reading one needs (a table's own words, a printed sum's label, a row's name with a
        year and a printed sum's row or the headings' words for a table of kroner per year,
        an item's prognosis for a table of items, a column found by its words beside a row
        or a ranking for any other table, the framework and document words), so the reading
        runs only then. The words come from the reader's own indexes; the last tests are the
        reader's own look-ups, whose answers it remembers for the reading itself."""
        if "+" in folded or (self.document is not None and self.document.search(folded)):
            return True  # 'summen 2016+2017', 'i 2018-presentasjonen'
        if self.has(padded, "framework") or self.has(padded, "most_columns"):
            return True
        if self._members_asked(folded, padded):
            return True  # 'hvilke kommuner er med i Lister?'
        tokens = set(padded.split())
        if not tokens.isdisjoint(self._telling_any):
            return True
        prefixes = {t[:n] for t in tokens for n in (3, 4, 5)}
        if any(prefixes.issuperset(label) for label in self._spelled_any):
            return True
        named_in = {
            tid for t in tokens for tid, words in self._row_words.get(t, ()) if words <= tokens
        }
        if named_in and self.has(padded, "municipality_number"):
            return True  # 'hva er kommunenummeret til Bykle?'
        years: bool | None = None
        ranks: bool | None = None
        for table in self.tables:
            cue = self.cues[table.id]
            rows = table.id in named_in or any(
                prefixes.issuperset(label) for label in cue.item_labels
            )
            if cue.kroner:
                if not rows and not (
                    self._years_compared_of_kind(table, folded, padded)
                    or self._bounded_of_kind(table, folded, padded)
                ):
                    continue
                if not rows:
                    return True
                if cue.items:
                    # named items are asked by the table's own words, by an item's prognosis,
                    # or beside the table's printed sum quoted ('de 41 millionene')
                    if self.has(padded, "prognosis") or self._sum_said(table, folded):
                        return True
                    continue
                # its columns are its years: a row named with a year, a printed sum's row or
                # the headings' words beside it
                if years is None:
                    years = bool(_ANY_YEAR.search(folded)) or any(
                        self.has(padded, w) for w in ("last_year", "next_year", "this_year")
                    )
                named = self.rows_in(table, padded) if years else []
                if any(r.sum_of_rows and r.key in named for r in table.rows):
                    return True
                by_year = [c for c in table.columns if c.year is not None and not c.sum_of]
                if named and self._echoed_words(padded, by_year) >= 2:
                    return True
                if named and self._years_compared(table, folded, padded):
                    return True
                continue
            if tokens.isdisjoint(cue.columns) and prefixes.isdisjoint(cue.column_prefixes):
                continue
            if ranks is None:
                ranks = any(self.has(padded, w) for w in ("highest", "lowest", "which"))
            # a column by its words, as the reading finds it
            if (rows or ranks) and self._column_by_words(table, padded) is not None:
                return True
        return False

    # --- what the question names ---

    def comparing(self, padded: str) -> bool:
        """Whether a question compares figures: a word of difference, or a word of more or
        less that is no sum's verb ('hvor mye økte rammen i 2019 og 2020 til sammen?' adds)."""
        if self.has(padded, "difference"):
            return True
        if not (self.has(padded, "more") or self.has(padded, "less")):
            return False
        return self.has(padded, "than") or not self.has(padded, "sum")

    def has(self, padded: str, name: str) -> bool:
        """Whether a phrase list's words occur in the question."""
        present = self._present.get(padded)
        if present is None:
            if len(self._present) > CACHE_SIZE:
                self._present.clear()
            present = self._present[padded] = frozenset(
                listed
                for token in set(padded.split())
                for listed, phrase in self.phrase_index.get(token, ())
                if f" {phrase} " in padded
            )
        return name in present

    def _unfigured(self, padded: str) -> str:
        """The question without its words for the figure in question ('tallet', 'personer'),
        which name no column of their own."""
        out = padded
        for phrase in self.w.get("the_figure", ()):
            out = out.replace(f" {phrase} ", " ")
        return out

    def whether(self, padded: str) -> bool:
        """Whether a question starts with its verb ('har Oslo …?'): it asks if a claim holds."""
        return any(padded.startswith(f" {p} ") for p in self.w.get("whether", ()))

    def asks(self, padded: str, name: str, columns: Sequence[Column]) -> bool:
        """Whether a phrase list's words occur other than as the columns' own words
        ('mottok sosialhjelp minst én gang' is the column, not a ranking by the lowest)."""
        own = _padded(
            " ".join(
                fold(text)
                for c in columns
                for text in (c.definition or c.label, c.definition_en or c.label_en)
                if text
            )
        )
        for phrase in self.w.get(name, ()):
            start = 0
            while (i := padded.find(f" {phrase} ", start)) >= 0:
                start = i + 1
                after = padded[i + len(phrase) + 2 :].split()[:1]
                if not after or f" {phrase} {after[0]} " not in own:
                    return True
        return False

    def items_table(self, table_id: str) -> bool:
        """Whether a table's rows are named items rather than places."""
        table = self.kb.tables.get(table_id)
        return table is not None and (table.id in self.item_tables)

    def told(self, table_id: str, folded: str) -> bool:
        """Whether a question names a table by its own words ('tilskuddsforvaltningen')."""
        return self._tells(table_id, _padded(folded))

    def _tells(self, table_id: str, padded: str) -> bool:
        """Whether a padded question holds one of a table's own words, or a compound whose
        first part begins one of them ('tilskuddsprognosen' of 'tilskuddsforvaltning')."""
        telling = self.telling.get(table_id, frozenset())
        if any(w in telling for w in padded.split()):
            return True
        heads = (m[0][: -len(m[1])] for m in self.tails.finditer(padded)) if self.tails else ()
        return any(
            len(h) >= COMPOUND_HEAD + 1 and any(w.startswith(h) for w in telling) for h in heads
        )

    def asks_figure(self, folded: str) -> bool:
        """Whether a question asks for a count or a share ('hvor mange', 'andel')."""
        padded = _padded(folded)
        return self.has(padded, "count") or self.has(padded, "share")

    def rows_in(self, table: Table, padded: str) -> list[str]:
        """Row keys the question names, in the order named, longest names first."""
        key = (table.id, padded)
        found = self._rows.get(key)
        if found is None:
            if len(self._rows) > CACHE_SIZE:
                self._rows.clear()
            found = self._rows[key] = self._rows_in(table, padded)
        return list(found)

    def _rows_in(self, table: Table, padded: str) -> tuple[str, ...]:
        """Row keys the question names (uncached)."""
        taken: list[tuple[int, int]] = []
        found: list[tuple[int, str]] = []
        for name, key in self.spelled[table.id]:  # 'Kristiansands økning' names Kristiansand
            start = 0
            while (i := padded.find(f" {name} ", start)) >= 0:
                span = (i + 1, i + 1 + len(name))  # the name without the spaces around it
                start = i + 1
                if any(a < span[1] and span[0] < b for a, b in taken):
                    continue
                taken.append(span)
                if key not in (k for _, k in found):
                    found.append((i, key))
        if table.id in self.item_tables:
            # 'long-term complex needs' names the row 'Long-term and complex': every long
            # word of the label, by its first five letters
            asked = padded.split()
            for row in table.rows:
                for label in filter(None, (row.label, row.label_en)):
                    words = [w for w in _padded(fold(label)).split() if len(w) >= 4]
                    hits = [
                        next((i for i, a in enumerate(asked) if a[:5] == w[:5]), -1) for w in words
                    ]
                    if words and min(hits) >= 0 and row.key not in (k for _, k in found):
                        found.append((len(" ".join(asked[: min(hits)])), row.key))
        if not found:
            # 'de to Agder-fylkene', 'fylkene i Agder', 'the Agder counties': the counties
            # whose names share that part
            for at, keys in self._county_families(table, padded):
                found += [(at, k) for k in keys]
        national = [r.key for r in table.rows if not (r.municipality or r.county or r.sum_of_rows)]
        if len(national) == 1 and national[0] not in (k for _, k in found):
            i = _first(padded, self.w.get("national", ()))
            if i >= 0:
                found.append((i, national[0]))
        return tuple(key for _, key in sorted(found))

    def _county_families(self, table: Table, padded: str) -> list[tuple[int, list[str]]]:
        """Counties named together by the part their names share, beside a word for
        counties ('Agder-fylkene', 'fylka i Agder', 'the Agder counties')."""
        families: dict[str, list[str]] = {}
        for row in data_rows(table):
            parts = row.label.split("-")
            if row.county and not row.municipality and len(parts) == 2:
                families.setdefault(fold(parts[1]), []).append(row.key)
        found = []
        words = self.w.get("county_places", ())
        for part, keys in families.items():
            if len(keys) < 2:
                continue
            spots = [f" {part} {w} " for w in words] + [f" {w} i {part} " for w in words]
            spots += [f" {w} in {part} " for w in words]
            at = _first(padded, [s.strip() for s in spots])
            counties_only = not any(r.municipality for r in table.rows)
            if (
                at < 0
                and counties_only
                and re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", self.spans)
            ):
                # a table of counties only: the part as a word of its own is the county they
                # were merged into ('Agder samlet' of Aust- and Vest-Agder; not the
                # 'Agder-presentasjonen')
                at = _first(padded, [part])
            if at >= 0:
                found.append((at, keys))
        return found

    def group_named(self, padded: str) -> str | None:
        """The region or county of municipalities a question names ('Lister'), or None."""
        named = self.groups_named(padded)
        return named[0] if named else None

    def groups_named(self, padded: str) -> list[str]:
        """Every region or county of municipalities a question names, longest names first,
        also in the genitive ('Aust-Agders økning')."""
        found: list[str] = []
        rest = padded
        for group, forms in self._group_forms:
            for form in forms:
                if form in rest:
                    if group not in found:
                        found.append(group)
                    rest = rest.replace(form, "  ")
        return found

    def named_by_name(self, table: Table, padded: str, keys: Sequence[str]) -> list[str]:
        """The rows among keys that the question names by their name, not by their number."""
        spelled = {
            key
            for name, key in self.spelled[table.id]
            if not name.isdigit() and f" {name} " in padded
        }
        return [k for k in keys if k in spelled]

    def group_in(self, table: Table, padded: str) -> list[str]:
        """Rows of a region or county named in the question, or of a span or series of
        municipality numbers ('0901–0941', 'kommunene 10xx') (municipality tables)."""
        if not any(r.municipality for r in table.rows):
            # 'Innlandet': an office's region whose other names are counties of the table
            # (the counties before 2020), each of them, when no county is named itself
            for region, counties in self.office_counties.get(table.id, ()):
                if _first(padded, region) >= 0 and not self.rows_in(table, padded):
                    return list(counties)
            return []
        groups = self.groups_named(padded)
        if groups:
            # 'Lister og Aust-Agder': the members of every region named
            members = {m for g in groups for m in self.groups[g]}
            return [r.key for r in data_rows(table) if r.municipality in members]
        numbered = [r for r in data_rows(table) if r.municipality]
        for first, last in self.spans_in(table):
            keys = [r.key for r in numbered if first <= (r.municipality or "") <= last]
            if len(keys) > 1:
                return keys
        for m in _NUMBER_SERIES.finditer(padded):
            keys = [r.key for r in numbered if (r.municipality or "").startswith(m.group(1))]
            if keys:
                return keys
        return []

    def spans_in(self, table: Table) -> list[tuple[str, str]]:
        """The spans of municipality numbers the question being read names, by their numbers
        ('0901–0941') or by the places at their ends ('Risør til Bykle'), lowest first."""
        spans = [(m[1], m[2]) for m in self.number_span.finditer(self.spans) if m[1] < m[2]]
        pattern = self._name_spans.get(table.id)
        if pattern is None:
            names = "|".join(
                re.escape(name)
                for name, _key in self.row_names[table.id]
                if not name.isdigit() and len(name) >= 3
            )
            pattern = self._name_spans[table.id] = re.compile(
                rf"(?<!\w)({names})\s*(?:{self.joins})\s*({names})(?!\w)"
            )
        if not any(r.municipality for r in table.rows):
            return spans
        numbers = self._span_numbers.get(table.id)
        if numbers is None:
            by_key = {row.key: row.municipality for row in table.rows if row.municipality}
            numbers = self._span_numbers[table.id] = {
                name: by_key[key] for name, key in self.row_names[table.id] if key in by_key
            }
        for m in pattern.finditer(self.spans):
            ends = sorted((numbers.get(m[1], ""), numbers.get(m[2], "")))
            if ends[0] and ends[0] < ends[1]:
                spans.append((ends[0], ends[1]))
        return spans

    def years_in(self, folded: str, padded: str, today: dt.date) -> list[int]:
        """Years named, ranges spelled out, 'i fjor' as the year before today."""
        years: list[int] = []
        comparing = self.comparing(padded)
        # 'i hele perioden 2016–2020': the period is summed, whatever is compared
        summing = self.has(padded, "sum") or self.has(padded, "whole_period")
        for m in self.range.finditer(folded):
            first, last = int(m.group(1)), int(m.group(2))
            # 'samlet økning 2016–2020 enn Arendal': a period summed, though rows are compared;
            # 'endringen fra 2016 til 2020' compares the two ends
            # ('forskjellen mellom Mandal og Søgne i 2016–2020': two places compared over a
            # dashed span compare their periods, not the span's two ends)
            period = (summing or self._places_compared(padded)) and bool(
                _DASH_SPAN.fullmatch(m.group(0))
            )
            # ('2016 til og med 2019': every year through the last, whatever is compared)
            through = any(f" {p} " in f" {m.group(0)} " for p in self.w.get("range_through", ()))
            if first < last and (not comparing or period or through):
                years += range(first, last + 1)
        for m in _YEAR.finditer(folded):
            if int(m.group(1)) not in years:
                years.append(int(m.group(1)))
        if self.has(padded, "last_year"):
            years.append(today.year - 1)
        if self.has(padded, "next_year"):
            years.append(today.year + 1)
        this_year = any(
            f" {phrase} " in padded and re.search(rf" {re.escape(phrase)} (?!\d)", padded)
            for phrase in self.w.get("this_year", ())
        )
        if this_year and today.year not in years:
            years.append(today.year)
        return years

    @staticmethod
    def _sums(table: Table) -> set[str]:
        """The ids of a table's printed sum columns."""
        return {c.id for c in table.columns if c.sum_of}

    def _places_compared(self, padded: str) -> bool:
        """Whether a question names two or more places of a table of municipalities (the
        places a comparison is between)."""
        return any(
            len(self.rows_in(t, padded)) >= 2
            for t in self.tables
            if any(r.municipality for r in t.rows)
        )

    def long_forms(self, folded: str) -> str:
        """Short forms written out ('u18' as 'under 18') and a shared second part of two
        compounds given to both ('aust- og vest-agder' as 'aust-agder og vest-agder')."""
        # (read several times for one question: the last few are kept)
        found = self._long_forms.get(folded)
        if found is None:
            if len(self._long_forms) >= QUESTIONS_KEPT:
                self._long_forms.clear()
            found = self._long_forms[folded] = self._written_out(folded)
        return found

    def _written_out(self, folded: str) -> str:
        """The text with its short forms and shared second parts written out (``long_forms``)."""
        for short, pattern, long in self.short_forms:
            if short in folded:
                folded = pattern.sub(long, folded)
        if "+" in folded:
            # 'sum 16+17': two of the tables' years written short
            def full(m: re.Match[str]) -> str:
                years = (2000 + int(m[1]), 2000 + int(m[2]))
                if all(y in self.column_years for y in years):
                    return f"{years[0]}+{years[1]}"
                return m[0]

            folded = _SHORT_YEARS.sub(full, folded)
        return _SHARED_TAIL.sub(r"\1-\4 \2 \3-\4", folded) if "- " in folded else folded

    def compound_tails(self, folded: str) -> str:
        """A compound ending in a word of a tail list followed by that word as well
        ('den samlede tilskuddsprognosen' also says 'prognosen')."""
        if self.tails is None:
            return folded
        return self.tails.sub(lambda m: f"{m[0]} {m[1]}", folded)

    def ordinal_in(self, padded: str) -> int:
        """The place a ranking is asked for by its ordinal ('femte', 'fifth'), or 0."""
        for word, n in self.ordinals.items():
            # 'i tredje år' is a year of a grant, not a place; 'på tredjeplass' is one
            found = f" {word} " in padded
            if found and re.search(rf" {re.escape(word)} (?!(?:ar|year|tilskudd)\w*)", padded):
                return n
            if f" {word}plass " in padded or f" {word}plassen " in padded:
                return n
        return 0

    def top_in(self, padded: str) -> int:
        """How many a ranking asks for ("de tre", "top 5", "nest størst" two); one when not said.

        Places counted on after the first ones are added to them ('hvilket fylke hadde flest,
        og hvilke to fulgte etter?' is three places, 'the top two and the next three' five).
        """
        counted_on = self._counted_on(padded)
        if counted_on is not None:
            first, after = counted_on
            return first + after
        if self.has(padded, "second"):
            return 2
        m = _TOP_DIGIT.search(padded)
        if m:
            return max(1, int(m.group(1)))
        for word, n in self.numbers.items():
            # 'from 2017 to 2018': a word before a figure joins a range, it counts nothing
            if f" {word} " in padded and re.search(rf" {re.escape(word)} (?!\d)", padded):
                return n
        return 1

    def both_ends(self, text: str, table_id: str | None = None) -> bool:
        """Whether a question asks for a ranking's top and bottom at once ('hvilket fylke
        hadde lavest og hvilket høyest …?'), not a second place or the places after one;
        with a table, other than by its columns' own words ('minst én gang')."""
        padded = _padded(self.long_forms(fold(text)))
        table = self.kb.tables.get(table_id) if table_id else None
        columns = table.columns if table is not None else []
        if not (self.asks(padded, "highest", columns) and self.asks(padded, "lowest", columns)):
            return False
        return not any(self.has(padded, w) for w in ("second", "next_places", "premise"))

    def adds(self, text: str) -> bool:
        """Whether a question adds its columns ('samlet 2016–2020', 'over hele perioden')."""
        padded = _padded(self.long_forms(fold(text)))
        return self.has(padded, "sum") or self.has(padded, "whole_period")

    def lowest_first(self, text: str) -> bool:
        """Whether a question names the bottom of a ranking before its top."""
        padded = _padded(self.long_forms(fold(text)))
        lowest, highest = _first(padded, self.w["lowest"]), _first(padded, self.w["highest"])
        return 0 <= lowest < highest or highest < 0

    def counts_on(self, text: str) -> bool:
        """Whether a question counts on after a ranking's first places ('og hvilke to fulgte
        etter?')."""
        return self._counted_on(_padded(self.long_forms(fold(text)))) is not None

    def _counted_on(self, padded: str) -> tuple[int, int] | None:
        """How many first places and how many next ones a question asks for, when it counts
        on after the first ('hvilket fylke hadde flest, og hvilke to fulgte etter?' is one and
        two), else None."""
        if not self.has(padded, "next_places"):
            return None
        # the question as corrected, not the copy as typed after it
        copy = next(c for c in padded.split("  ") if self.has(_padded(c), "next_places"))
        words = copy.split()
        spans = [
            (i, i + len(p.split()))
            for p in self.w.get("next_places", ())
            for i in range(len(words))
            if words[i : i + len(p.split())] == p.split()
        ]
        start, end = min(spans)

        def number(at: int) -> int | None:
            """A number word at a place in the question, not one joining a range."""
            if not 0 <= at < len(words) or words[at] not in self.numbers:
                return None
            following = words[at + 1] if at + 1 < len(words) else ""
            return None if following.isdigit() else self.numbers[words[at]]

        # the next places' count in the words ('de to neste'), just before them ('hvilke to
        # fulgte etter') or just after them ('the next two', 'de neste tre'); one when not said
        near = [start, start - 1, start - 2, end, end + 1]  # 'og de to neste' holds its count
        after = next((n for at in near if (n := number(at)) is not None), 1)
        used = {at for at in near if number(at) is not None}
        first = next(
            (n for at in range(start) if at not in used and (n := number(at)) is not None), None
        )
        if first is None:
            top = _TOP_DIGIT.search(" ".join(words[:start]))
            # 'nest flest, og hvem kom deretter?' counts on from the second place
            second = self.has(_padded(" ".join(words[:start])), "second")
            first = max(1, int(top.group(1))) if top else 2 if second else 1
        return first, after

    # --- the query ---

    def read(
        self,
        folded: str,
        today: dt.date,
        column_hint: str | None,
        previous: TableQuery | None,
        raw: str = "",
        framework: bool = False,
    ) -> TableQuery | None:
        """Read a table query from a folded question, or None when it is not one; shares of
        several rows are listed side by side, never added ('andelen i Oslo og Troms til
        sammen' has no sum without the counts behind each share)."""
        self._late, self.place_count = {}, 0
        query = self._read(folded, today, column_hint, previous, raw, framework)
        query = self._against_prognosis(folded, query)
        if query is not None and self.has(_padded(self.long_forms(folded)), "municipality_number"):
            query = replace(query, numbered=True)
        if (
            query is not None
            and query.op == "filter"
            and query.bound is None
            and len(query.columns) != 2
        ):
            # a follow-up that keeps a comparison of two columns but names one ('og i 2018?')
            # compares nothing: the rows' figures of the column named
            query = replace(query, op="value")
        if query is not None and query.op == "rank" and query.rows and not query.across:
            # the whole country is never ranked among its counties: 'lavest i hele landet'
            # ranks the counties (every one when the country was the only row named)
            asked = self.kb.tables[query.table]
            places = {r.key for r in data_rows(asked)}
            kept = tuple(k for k in query.rows if k in places or _row(asked, k).sum_of_rows)
            if places and kept != query.rows:
                query = replace(query, rows=kept if len(kept) > 1 else ())
        if query is not None and query.table in self._late and query.other is None:
            query = replace(query, late=self._late[query.table])
        said = self.place_count
        if query is not None and said and query.op in ("sum", "list") and query.other is None:
            asked = self.kb.tables[query.table]
            rows = query.rows or tuple(r.key for r in data_rows(asked))
            if len(rows) != said and len(rows) > 1:
                # 'de 14 kommunene i Aust-Agder' of a county of 15: which are meant is unsaid
                query = replace(query, miscounted=said)
        if query is None or query.op != "sum" or query.claim is not None:
            return query
        table = self.kb.tables.get(query.table)
        units = {c.unit for c in table.columns if c.id in query.columns} if table else set()
        return replace(query, op="list") if units == {"prosent"} else query

    def _against_prognosis(self, folded: str, query: TableQuery | None) -> TableQuery | None:
        """'Hvor mye skiller 2018-prognosen for Grimstad fra det faktiske beløpet 2016–2018 i
        tabellen fra 2020?': the figure read in the table named against the prognosis another
        table prints for a year the named table holds as a fact (the same place's)."""
        if query is None or query.other is not None:
            return query
        if query.op not in ("value", "sum", "difference"):
            return query
        if len(query.rows) != 1 or self.document is None:
            return query
        padded = _padded(folded)
        if not self.has(padded, "prognosis") or self.has(padded, "without_prognosis"):
            return query
        if not any(self.has(padded, w) for w in ("difference", "more", "less")):
            return query
        named = {int(m[1] or m[2]) for m in self.document.finditer(folded)}
        if named != {self.source_years.get(query.table)}:
            return query
        table, original = self.kb.tables[query.table], query
        if query.op == "difference":
            # ('… fra de faktiske tallene 2016–2018 i 2020-tabellen': the span's years added,
            # not its two ends compared)
            ends = sorted(c.year or 0 for c in table.columns if c.id in query.columns)
            spans = [(int(m[1]), int(m[2])) for m in _DASH_SPAN.finditer(folded)]
            if len(ends) != 2 or (ends[0], ends[1]) not in spans:
                return query
            years = range(ends[0], ends[1] + 1)
            spanned = [
                c.id
                for c in table.columns
                if c.year in years and not c.sum_of and c.status != "prognose"
            ]
            query = replace(query, op="sum", columns=tuple(spanned))
        place = _row(table, query.rows[0]).municipality
        facts = {c.year for c in table.columns if c.id in query.columns and c.status != "prognose"}
        facts |= {
            y.year
            for c in table.columns
            if c.id in query.columns
            for y in table.columns
            if y.id in c.sum_of and y.status != "prognose"
        }
        asked = {int(y) for y in _ANY_YEAR.findall(self.document.sub(" ", folded))}
        if place is None:
            return original
        for other in self.tables:
            if other.id == table.id:
                continue
            prognoses = [
                c
                for c in other.columns
                if c.status == "prognose" and not c.sum_of and c.year in asked & facts
            ]
            keys = [r.key for r in data_rows(other) if r.municipality == place]
            if len(prognoses) == 1 and len(keys) == 1:
                second = TableQuery(other.id, "value", (keys[0],), (prognoses[0].id,))
                return replace(query, op="difference", other=second)
        return original

    def _read(
        self,
        folded: str,
        today: dt.date,
        column_hint: str | None,
        previous: TableQuery | None,
        raw: str = "",
        framework: bool = False,
    ) -> TableQuery | None:
        """Read a table query from a folded question, or None when it is not one.

        The words are looked up both in the corrected text and in the text as typed, since a
        spelling correction may turn a real word into another ('større' into 'store').
        ``framework`` tells that the understanding already took the question to be about the
        framework increases, so a table of kroner per year needs no framework word of its own
        ('hvor mye mer fikk Valle i 2018 enn i 2017?').
        """
        if self.words is None:
            return None
        self.fresh = previous is None
        folded, raw = self.long_forms(folded), self.long_forms(fold(raw)) if raw else ""
        folded, raw = self.compound_tails(folded), self.compound_tails(raw)
        if self.denied is not None:
            # 'i antall, ikke andel': the unit denied is not asked
            folded, raw = self.denied.sub(" ", folded), self.denied.sub(" ", raw)
        if self.without is not None:
            folded = self.without.sub(lambda m: re.sub(r"20[0-4]\d\s*-?\s*", "", m[0]), folded)
        if previous is None and column_hint is None and not framework:
            early = _padded(folded) + (_padded(raw) if raw else "")
            if not self._may_ask(folded, early):
                return None
        across = self._across_tables(folded, today, column_hint, previous)
        if across is not None:
            return across
        tables = self.tables
        if self.document is not None:
            # 'i 2018-presentasjonen': the year names the table's source, not a column
            named = {int(m[1] or m[2]) for m in self.document.finditer(folded)}
            strip = partial(self.document.sub, lambda m: re.sub(r"20[0-4]\d", "", m[0]))
            folded, raw = strip(folded), strip(raw)
            sourced = [t for t in tables if self.source_years[t.id] in named]
            if len(named) == 1 and sourced:
                # the question names the table: its figures need no framework word of their own
                tables, framework = sourced, True
        padded = _padded(folded) + (_padded(raw) if raw else "")
        self.spans = folded
        years = self.years_in(folded, padded, today)
        follow_up = previous is not None and (
            len(_padded(folded).split()) <= FOLLOW_UP_WORDS or folded.startswith(_FOLLOW_UP_START)
        )
        kept_columns: tuple[str, ...] = ()
        if follow_up and previous is not None and previous.op in ("value", "list", "sum"):
            # 'og Finnmark?': the columns just shown, unless the follow-up names one of its own
            # (the understanding's column guess may be stale)
            shown = self.kb.tables.get(previous.table)
            if (
                shown is not None
                and shown.id in self.column_words
                and not any(c.unit == "kr" for c in shown.columns)
                and self._column_by_words(shown, padded) is None
                and not (self.has(padded, "share") or self.has(padded, "count"))
            ):
                # (a count and then its share asked of one place: both, for the next place)
                kept_columns = self._asked_pair(shown, previous) or previous.columns
                column_hint = previous.columns[0]
        best: TableQuery | None = None
        best_score = 0.0
        # a printed sum named by its heading ('summen for 2016 og 2017') makes the question
        # one about the tables of kroner per year, each of them
        framework = framework or any(
            c.sum_of and _names(padded, c.label)
            for t in self.tables
            if all(c.unit == "kr" for c in t.columns)
            for c in t.columns
        )
        tally = self._tally(tables, padded)
        if tally is not None:
            return tally
        against = self._against_previous(previous, padded, years)
        if against is not None:
            return against
        beside = self._beside_previous(previous, padded, years)
        if beside is not None:
            return beside
        one_of_two = self._one_of_two(previous, padded, years)
        if one_of_two is not None:
            return one_of_two
        of_country = self._share_of_country(previous, padded)
        if of_country is not None:
            return of_country
        of_group = self._share_of_group(previous, padded)
        if of_group is not None:
            return of_group
        same_as = self._same_as_previous(previous, padded)
        if same_as is not None:
            return same_as
        shown_rows = self._of_shown(previous, padded, years, column_hint)
        if shown_rows is not None:
            return shown_rows
        for table in tables:
            if self._other_kind(table, padded):
                continue  # 'hvilke kommuner fikk …?' is not asked of a table of counties
            query, score = self._read_table(table, padded, years, column_hint, framework)
            if query is not None and score > best_score:
                best, best_score = query, score
        operating = any(
            self.has(padded, w)
            for w in ("sum", "difference", "more", "less", "position", "those_asked")
        )
        shown = self.kb.tables.get(previous.table) if previous is not None else None
        # 'hvilket fylke hadde flest, og hvor mange?': the columns just asked, ranked
        ranking = self.has(padded, "highest") or self.has(padded, "lowest")
        ranking = ranking and shown is not None and self._own_kind(shown, padded)
        ranks = self.has(padded, "highest") or self.has(padded, "lowest")
        if shown is not None and ranks and self._stray(shown, padded):
            # 'hvilken ordning har høyest bevilgning?' ranks no table shown, by the column
            # just shown or a guess carried from it
            if best is None:
                return None
            carried = best.table == shown.id and best.op == "rank"
            if carried and self._column_by_words(shown, padded) is None:
                return None
        # 'hvor stor andel av befolkningen 18–66 år er det?' after one place's count: the
        # share of that place, asked back of the figure just given (a long question too)
        back = (
            previous is not None
            and previous.op == "value"
            and len(previous.rows) == 1
            and shown is not None
            and self._unit_asked(padded) is not None
            and self.has(padded, "those_shown")
            and not self.rows_in(shown, padded)
        )
        if best is None and previous is not None and (follow_up or operating or ranking or back):
            statistics = shown is not None and not any(c.unit == "kr" for c in shown.columns)
            if statistics and self.has(padded, "framework"):
                return None  # 'hvor mye økte rammen …' after a statistics question
            # 'hva fikk de to til sammen i 2017?': an operation on what was just asked
            followed = self._follow_up(previous, padded, years)
            if followed is not None and followed.table == previous.table:
                # 'og andelen i Vest-Agder?' after counts: the share printed beside the count
                followed = self._share_of_count(previous, followed, padded) or followed
            return followed
        if best is not None and previous is not None and best.table == previous.table:
            asked = _asked(previous)
            if best.op == "rank" and not best.rows and self.has(padded, "those_asked") and asked:
                # 'hvem av de to hadde størst nedgang fra 2018 til 2019?': the rows just asked
                best = replace(best, rows=asked, top=1)
            shared = self._share_of_count(previous, best, padded)
            if shared is not None:
                best = shared
            if kept_columns and best.columns == (column_hint,) and best.op == "value":
                kept: Op = "list" if len(kept_columns) > len(previous.columns) else previous.op
                best = replace(best, op=kept, columns=kept_columns)
            if follow_up:
                best = _remember(best, previous)
        return self._country_outside(best, padded)

    def _ranked_outside(self, best: TableQuery, table: Table, padded: str) -> TableQuery:
        """'Utenom Arendal og Grimstad – hvilken 09-kommune hadde størst …?': the ranking of
        the other rows of the same kind (of the number series named), not of those named."""
        named = set(best.rows)
        kinds = {bool(r.municipality) for r in table.rows if r.key in named}
        if len(kinds) != 1:
            return best
        by_municipality = kinds.pop()
        series = _SERIES_NAMED.search(self.spans) if by_municipality else None
        rest = tuple(
            r.key
            for r in table.rows
            if r.key not in named
            and not r.sum_of_rows
            and (bool(r.municipality) if by_municipality else bool(r.county))
            and (series is None or str(r.municipality).startswith(series[1]))
        )
        if not rest:
            return best
        return replace(best, rows=rest, top=self.top_in(padded), shown=())

    def _country_outside(self, best: TableQuery | None, padded: str) -> TableQuery | None:
        """'Hvor mange … i landet utenom Oslo?': the country's figure less the place named."""
        table = self.kb.tables.get(best.table) if best is not None else None
        if (
            best is not None
            and table is not None
            and best.op == "rank"
            and best.rows
            and self.has(padded, "outside")
        ):
            return self._ranked_outside(best, table, padded)
        if best is None or table is None or len(best.rows) != 2 or len(best.columns) != 1:
            return best
        if best.op not in ("sum", "list", "value") or not self.has(padded, "outside"):
            return best
        national = [r.key for r in table.rows if not (r.municipality or r.county or r.sum_of_rows)]
        if len(national) != 1 or national[0] not in best.rows:
            return best
        if _column(table, best.columns[0]).unit == "prosent":
            return best  # a share is not the country's less a place's
        other = next(k for k in best.rows if k != national[0])
        return replace(best, op="difference", rows=(national[0], other))

    def _asked_pair(self, table: Table, previous: TableQuery) -> tuple[str, ...]:
        """A count and the share printed beside it, asked in turn ('hvor mange …?' – 'hvor
        stor andel er det?'), in the table's order; () when the last two columns asked are
        not such a pair."""
        if len(previous.columns) != 1 or not previous.before_columns:
            return ()
        ids = {previous.columns[0], previous.before_columns[-1]}
        columns = [c for c in table.columns if c.id in ids]
        if len(columns) != 2 or {c.unit for c in columns} != {"antall", "prosent"}:
            return ()
        count, share = sorted(columns, key=lambda c: c.unit)
        if self._unit_sibling(table, count, "", "prosent").id != share.id:
            return ()
        return (count.id, share.id)

    def _share_whole(self, padded: str, columns: Sequence[Column]) -> Column | None:
        """The column of the year a share is taken of ('andel av 2016-økningen'), or None."""
        shares = "|".join(re.escape(p) for p in self.w.get("share", ()))
        found = re.search(rf" (?:{shares}) (?:av|of) (?:\w+ ){{0,2}}?(20[0-4]\d) ", padded)
        if not shares or found is None:
            return None
        return next((c for c in columns if c.year == int(found[1]) and not c.sum_of), None)

    def _mean_per_year(
        self,
        table: Table,
        padded: str,
        rows: Sequence[str],
        columns: Sequence[Column],
        by_group: bool,
    ) -> TableQuery | None:
        """'Gjennomsnittlig årlig økning for Grimstad over de fem årene': one row's years
        added and divided by how many they are (a printed sum of years stands for its
        years), or None."""
        if by_group or len(rows) != 1 or not self.has(padded, "average"):
            return None
        if not all(c.unit == "kr" for c in table.columns):
            return None
        years: list[str] = []
        for column in columns:
            years += list(column.sum_of) if column.sum_of else [column.id]
        picked = [c for c in table.columns if c.id in years and c.year is not None]
        if len(picked) < 2 or len(picked) != len(set(years)):
            return None
        return TableQuery(table.id, "mean", (rows[0],), tuple(c.id for c in picked))

    def _share_of_own_sum(
        self, table: Table, padded: str, rows: Sequence[str], years: list[int], by_group: bool
    ) -> TableQuery | None:
        """'Hvor stor andel av Arendals samlede sum utgjør 2020-prognosen?': one year's figure
        of a row over the row's own printed sum of the years (the row named before the sum
        word after 'andel av'), or None."""
        if by_group or len(rows) != 1 or not self.has(padded, "share"):
            return None
        shares = "|".join(re.escape(p) for p in self.w.get("share", ()))
        sums = "|".join(re.escape(p) for p in self.w.get("sum", ()))
        names = "|".join(re.escape(n) for n, k in self.spelled[table.id] if k == rows[0])
        if not (shares and sums and names):
            return None
        own = re.search(rf" (?:{shares}) (?:av|of) (?:{names})'? (?:{sums}) ", padded)
        if own is None:
            return None
        wholes = [c for c in table.columns if c.sum_of]
        asked = {y for y in years if any(c.year == y and c.sum_of for c in wholes)}
        parts = [
            c
            for c in table.columns
            if c.year in set(years) - asked and not c.sum_of and c.unit != "prosent"
        ]
        if len(wholes) != 1 or len(parts) != 1 or parts[0].id not in wholes[0].sum_of:
            return None
        return TableQuery(table.id, "portion", (rows[0],), (parts[0].id, wholes[0].id))

    def _whole_named(self, table: Table, padded: str, key: str) -> bool:
        """Whether a share's whole is the row itself ('andel av prognosen for kommunalt
        rusarbeid gikk til Agder' asks a part of that row, not the row's part of the sum)."""
        names = "|".join(re.escape(name) for name, k in self.spelled[table.id] if k == key)
        shares = "|".join(re.escape(p) for p in self.w.get("share", ()))
        if not names or not shares:
            return False
        whole = re.search(
            rf" (?:{shares}) (?:av|of) (?:\w+ ){{0,2}}(\w+) (?:for|til|to|i|in) (?:the )?"
            rf"(?:{names}) ",
            padded,
        )
        if whole is None:
            return False
        noun = whole[1]
        listed = {p for name in ("prognosis", "sum") for p in self.w.get(name, ())}
        return noun.endswith(("en", "et", "ne")) or noun in listed

    def _share_of_count(
        self, previous: TableQuery, best: TableQuery, padded: str
    ) -> TableQuery | None:
        """'Hvilken andel av aldersgruppen var det?' after a count: the share printed beside
        the count just asked, when the question names no share column by its own words."""
        table = self.kb.tables.get(best.table)
        if table is None or best.op != "value" or len(best.columns) != 1:
            return None
        if len(previous.columns) != 1 or not self.has(padded, "share"):
            return None
        counted = next((c for c in table.columns if c.id == previous.columns[0]), None)
        if counted is None or counted.unit != "antall":
            return None
        if self._column_by_words(table, padded) is not None:
            return None  # 'andel under 18' names its own column
        sibling = self._unit_sibling(table, counted, padded, "prosent")
        if sibling.unit != "prosent" or sibling.id == best.columns[0]:
            return None
        return replace(best, columns=(sibling.id,))

    def _columns(
        self,
        table: Table,
        padded: str,
        years: list[int],
        column_hint: str | None,
        framework: bool = False,
    ) -> tuple[list[Column], float]:
        """The columns named (by year or by the statistics column), and how sure."""
        by_year = [c for c in table.columns if c.year is not None and not c.sum_of]
        ranged = {y for m in self.range.finditer(self.spans) for y in (int(m[1]), int(m[2]))}
        if by_year and all(c.unit == "kr" for c in table.columns):
            # 'Sum Lister for 2016 og 2017': the 'sum' of a printed row's name names no column
            unnamed = self._without_printed_rows(table, padded)
            named = [
                c
                for c in table.columns
                if c.sum_of and (_names(unnamed, c.label) or self._joined(c.label))
            ]
            # a printed row of its own ('Sum Lister') tells the table as well as its words
            printed_row = bool(years) and any(
                r.sum_of_rows and r.key in self.rows_in(table, padded) for r in table.rows
            )
            # ('Lister i hele perioden 2016–2020': the years of the printed sum, which it names
            # too, for the rows named)
            summed_years = [{d.year for d in by_year if d.id in c.sum_of} for c in table.columns]
            whole = self.has(padded, "whole_period") and (
                not years
                or (
                    set(years) in summed_years
                    and bool(self.rows_in(table, padded) or self.group_in(table, padded))
                )
            )
            # 'forskjellen mellom Arendal og Grimstad i sum': no year named, the printed sum
            # of every year of the rows named (in a table that prints one)
            whole = whole or (
                framework
                and self.fresh
                and not years
                and not self.has(padded, "years_asked")
                and self.has(padded, "sum")
                and bool(self.rows_in(table, padded) or self.group_in(table, padded))
                and not self.has(padded, "without_prognosis")
                and any(set(c.sum_of or ()) == {d.id for d in by_year} for c in table.columns)
            )
            # a table told by its own words ('tilskuddsforvaltningen'), or a table of named
            # items whose row and prognosis are asked ('forecast … for long-term complex needs')
            items = table.id in self.item_tables
            told = (items or (table.id in self.national_tables)) and (
                self._tells(table.id, padded)
                or (
                    items
                    and self.has(padded, "prognosis")
                    and any(not _row(table, k).sum_of_rows for k in self.rows_in(table, padded))
                )
                or (items and self._quotes_sum(table, by_year))
            )
            if items and (not told or self.has(padded, "national")):
                return [], 0.0  # named items of one office: asked by their own words only
            # a question that spells out the headings of a table of kroner ('fordelingen etter
            # sosialhjelpsnøkkel 2016 og 2017 for Grimstad') needs no framework word of its own
            spelled = bool(years) and bool(self.rows_in(table, padded))
            spelled = spelled and self._echoed_words(padded, by_year) >= 2
            # 'hvilke kommuner fikk mer i 2017 enn i 2016?': the table's own kind of rows
            # compared across two of its years tells it too
            kind = self._years_compared_of_kind(table, self.spans, padded)
            kind = kind or self._bounded_of_kind(table, self.spans, padded)
            # 'kva er skilnaden mellom 2018 og 2017 for Vennesla?': a row named with two of
            # the table's years compared tells it too
            kind = kind or (
                bool(self.rows_in(table, padded))
                and self._years_compared(table, self.spans, padded)
            )
            # ('hvor mye fikk Tvedestrand i alt, uten prognosen?': every year but the prognosis)
            without = self.has(padded, "without_prognosis")
            if not (
                (framework and (years or whole or without)) or self.has(padded, "framework")
            ) and not (named or printed_row or told or spelled or kind):
                return [], 0.0
            if whole:
                # 'minst samlet over hele perioden': the printed sum of every year, or every
                # year added in a table that prints no sum
                summed = [c for c in table.columns if c.sum_of]
                if not summed and table.id in self.national_tables:
                    return by_year, 2.0
                return summed[:1], 2.0 if summed else 0.0
            prognosis = self.has(padded, "prognosis") and not self.has(padded, "without_prognosis")
            included = [y for y in years if y not in ranged and self._included(padded, y)]
            if self.has(padded, "including") and (
                self.has(padded, "sum")
                or (included and self._including_word(padded) and not self.comparing(padded))
            ):
                # 'samlet … inkl. 2020-prognosen': the year only names the printed sum (and so
                # does 'the increase … including the 2020 forecast', with no word for a sum;
                # 'kva med prognosen for 2018?' asks for the prognosis itself)
                years = [y for y in years if y not in included]
                # the prognosis the sum includes is not a prognosis column asked for
                prognosis = prognosis and not included
                named += [
                    c
                    for c in table.columns
                    if c.sum_of
                    and c not in named
                    and years
                    and any(d.id in c.sum_of and d.year in included for d in by_year)
                ]
            picked = sorted(
                (c for c in by_year if c.year in years), key=lambda c: years.index(c.year or 0)
            )
            # a year printed twice (as fact and as prognosis) gives the fact unless the
            # prognosis is asked; a year printed once is taken as it is
            twice = {c.year for c in picked if sum(d.year == c.year for d in picked) > 1}
            if prognosis and years:
                picked = [c for c in picked if c.year not in twice or c.status == "prognose"]
            elif not prognosis:
                picked = [c for c in picked if c.year not in twice or c.status != "prognose"]
            comparing = self.comparing(padded)
            if comparing and len(self.rows_in(table, padded)) <= 1:
                # 'hvor mye lavere var Lister-summen i 2017 enn i 2016?': the years compared
                # (a sum compared with another column, 'prognosen for 2018 og SUM 2016+2017',
                # is one side of the comparison and stays)
                named = [
                    c
                    for c in named
                    if not set(c.sum_of or []) <= {d.id for d in picked}
                    or any(d.id not in (c.sum_of or []) for d in picked)
                ]
            for summed_column in named:
                # a printed sum named by its label ('SUM 2016+2017') stands for its parts
                parts = [c for c in picked if c.id in (summed_column.sum_of or [])]
                if len(parts) < len(summed_column.sum_of or []):
                    parts = []  # 'Åmli i 2016 og summen': the year stays beside the sum
                at = picked.index(parts[0]) if parts else len(picked)
                picked = [c for c in picked if c not in parts]
                picked.insert(min(at, len(picked)), summed_column)
            # a table with a separate prognosis column per year wins when the prognosis is asked
            score = 2.0 + (1.0 if prognosis and any(c.status == "prognose" for c in picked) else 0)
            # and a table whose column headings the question echoes ('i fordelingen etter
            # sosialhjelpsnøkkelen') wins over one whose headings are bare years
            score += 0.5 if self._echoes(padded, picked or by_year) else 0.0
            if not prognosis and any(c.status == "prognose" for c in picked):
                # 'summen for Grimstad for 2016, 2017 og 2018': final figures where a table
                # has them win over a table that has only a prognosis for one of the years
                score -= 0.25
            covered = {c.year for c in picked} | {
                d.year for c in picked if c.sum_of for d in table.columns if d.id in c.sum_of
            }
            if picked and any(y not in covered for y in years):
                # 'mer i 2016 enn i 2020': a table lacking one of the years asked loses to one
                # that has them all
                score -= 1.0
            if not picked and years:
                return self._late_years(table, padded, by_year, years, prognosis)
            if not picked and len(by_year) == 1 and len(table.columns) == 1:
                return by_year, score  # a table of one column needs no year
            if not picked:
                if self.has(padded, "without_prognosis"):
                    return [c for c in by_year if c.status != "prognose"], score
                summed = [c for c in table.columns if c.sum_of]
                if not summed and self.has(padded, "which_year"):
                    return by_year, score - 0.5  # a table of years without a printed sum
                if not summed and self.has(padded, "sum") and table.id in self.national_tables:
                    # 'summen av økningene i tidslinjen': every year added, no sum printed
                    return by_year, score - 0.5
                return summed[:1], score - 0.5
            return picked, score
        column = next((c for c in table.columns if c.id == column_hint), None)
        if column is not None:
            # the question's own words overrule the understanding's guess when a heading's
            # word pair says another column ('andel under 18' is not 'andel 18–66')
            scores = self._column_scores(table, padded)
            paired = [
                c
                for c in table.columns
                if any(f" {p} " in padded for p in self.column_pairs[table.id][c.id])
            ]
            if len(paired) == 1 and scores[paired[0].id] > scores[column.id] + 1:
                column = paired[0]
        if column is None and (
            self.has(padded, "highest")
            or self.has(padded, "lowest")
            or self.rows_in(table, padded)
            or (self.has(padded, "which") and _FIGURE.search(self.spans))
            or (self.has(padded, "which") and self.has(padded, "same"))
        ):
            # a column by its words only for a question that names a row or asks for a ranking
            column = self._column_by_words(table, padded)
        if column is not None:
            column = self._unit_sibling(table, column, padded)
            if years and not any(column_covers(table, column, y) for y in years):
                last = self.sources_last.get(table.id)
                if last is None or not all(y > last for y in years):
                    return [], 0.0  # 'KVP-deltakere i 2020': the table counts another year
                # 'i fjor' after everything the sources say: the last figure known, with its
                # year, for a column the question names by its own words ('mottok sosialhjelp'
                # is no column's count; a table of other years still wins)
                said = self._column_by_words(table, padded)
                if said is None or self._unit_sibling(table, said, padded).id != column.id:
                    return [], 0.0
                self._late[table.id] = max(years)
                return [column], 1.0
            # a year the table has no figures for tells that another table is meant
            return [column], 3.0 if all(table.years.contains(y) for y in years) else 1.0
        return [], 0.0

    @staticmethod
    def _sum_said(table: Table, folded: str) -> bool:
        """Whether a question says a figure in millions that is one of a table's printed sums
        (the cheap test before ``_quotes_sum`` reads it)."""
        sums = {_value(v) for r in table.rows if r.sum_of_rows for v in r.values.values()}
        for m in _MILLIONS_SAID.finditer(folded):
            said = Fraction(m.group(1).replace(",", ".").replace(" ", "")) * 1_000_000
            if said in sums:
                return True
        return False

    def _quotes_sum(self, table: Table, columns: Sequence[Column]) -> bool:
        """Whether a question quotes a table's printed sum beside one of its items ('andel av
        de 41 millionene gjaldt kommunalt rusarbeid?')."""
        if not columns or not self.rows_in(table, _padded(self.spans)):
            return False
        bound = self._bound(table, columns[0])
        if bound is None or bound[0] != "==":
            return False
        sums = {_value(v) for r in table.rows if r.sum_of_rows for v in r.values.values()}
        return bound[1] in sums

    def _late_years(
        self,
        table: Table,
        padded: str,
        by_year: Sequence[Column],
        years: Sequence[int],
        prognosis: bool,
    ) -> tuple[list[Column], float]:
        """The last year's column of a table of places, when every year asked lies after it
        and the question names its places ('Arendal og Grimstad til sammen i 2023'), or
        after everything the sources say: the last figures known, said to be from their
        year; none for a year inside the table's span or a table of named items."""
        if not any(r.municipality or r.county for r in table.rows):
            return [], 0.0  # an office's items: asked by their own year only
        newest = max(c.year or 0 for c in by_year)
        named = bool(self.rows_in(table, padded) or self.group_in(table, padded))
        after = newest if named else max(newest, self.sources_last.get(table.id) or newest)
        if not all(y > after for y in years):
            return [], 0.0  # 'hvem fikk mest i 2021?' ranks no figures the sources have
        last = [c for c in by_year if c.year == newest]
        final = [c for c in last if c.status != "prognose"]
        self._late[table.id] = max(years)
        # the newest table's figures win over an older table's ('2020' over '2018')
        return (final if final and not prognosis else last)[:1], 1.0 + newest / 10_000

    def _bound(self, table: Table, column: Column) -> tuple[str, Fraction] | None:
        """A figure the question bounds the rows by ('over 1 million', 'minst 70 %', '3 505')."""
        folded = self.spans
        # the column's own words, less the figures it quotes from the source («41 millioner»)
        texts = (column.label, column.definition, column.label_en, column.definition_en)
        own = re.sub(r"«[^»]*»", " ", " ".join(filter(None, texts)))
        label = _padded(fold(own))
        # ('1001 Kristiansand til 1046 Sirdal': municipality numbers that span rows bound none)
        spanned = [s.span() for s in self.number_span.finditer(folded)] if self.words else []
        for m in _FIGURE.finditer(folded):
            digits, after = m.group(1), _padded(folded[m.end() :])
            before = _padded(folded[: m.start()])
            if _YEAR.fullmatch(digits) or any(before.endswith(f" {w} ") for w in ("topp", "top")):
                continue
            if any(a <= m.start() < b for a, b in spanned):
                continue
            nxt = (after.split() or [""])[0]
            prev = (before.split() or [""])[-1]
            if f" {digits.replace(' ', ' ')} {nxt} " in label or f" {nxt} " == " år ":
                continue  # 'under 18 år' is the column's own words, not a bound
            if f" {digits} {' '.join(after.split()[:2])} " in self._headings(table):
                continue  # '6 til 12 måneder' quotes a heading of the table, not a bound
            if (
                column.unit == "prosent"
                and f" {prev} {digits} " in label
                and not _figure_unit(after)
            ):
                continue  # 'lågast del under 18 med sosialhjelp': the heading's 'under 18'
            value = Fraction(digits.replace(" ", "").replace(",", "."))
            if any(self._place_words(after).startswith(f" {w} ") for w in self.w.get("places", ())):
                self.place_count = int(value) if value.denominator == 1 else 0
                continue  # 'alle de 15 kommunene', 'de 15 Aust-Agder-kommunene' count places
            self.rounding = Fraction(0)
            between = any(before.endswith(f" {w} ") for w in self.w["between"])
            ends = _RANGE_END.match(folded[m.end() :]) if between else None
            if ends is not None and not any(
                after.startswith(f" {w} ") for w in self.w.get("million", ())
            ):
                # 'mellom 1 og 2 millioner': the unit after the second figure is the first's too
                past = _padded(folded[m.end() + ends.end() :])
                if any(past.startswith(f" {w} ") for w in self.w.get("million", ())):
                    upper = Fraction(ends.group(1).replace(" ", "").replace(",", "."))
                    if upper > value:
                        self.upper = upper * 1_000_000
                        return ">=", value * 1_000_000
            if any(after.startswith(f" {w} ") for w in self.w.get("million", ())):
                value *= 1_000_000
                # '8,1 millioner' is a figure rounded to its last decimal
                decimals = len(re.split(r"[.,]", digits)[1]) if re.search(r"[.,]", digits) else 0
                self.rounding = Fraction(1_000_000, 10**decimals)
            elif " " not in digits and value < 10 and column.unit != "prosent":
                continue  # 'de 3', 'topp 5': a count of places, not a figure
            compare = "=="
            for name, sign in _COMPARE.items():
                if any(before.endswith(f" {w} ") for w in self.w.get(name, ())):
                    compare = sign
            tail = _UNIT_AFTER.sub(" ", after, count=1)
            for name, sign in _COMPARE_AFTER.items():
                if compare == "==" and any(tail.startswith(f" {w} ") for w in self.w.get(name, ())):
                    compare = sign  # '1,2 % eller mer' is at least 1,2 %
            self.upper = None
            if compare == "==" and any(before.endswith(f" {w} ") for w in self.w["between"]):
                # 'mellom 1,0 og 1,2 %': at least the first figure, at most the second
                second = _RANGE_END.match(folded[m.end() :])
                if second is not None:
                    self.upper = Fraction(second.group(1).replace(" ", "").replace(",", "."))
                    past = _padded(folded[m.end() + second.end() :])
                    if any(past.startswith(f" {w} ") for w in self.w.get("million", ())):
                        self.upper *= 1_000_000  # 'mellom 1 million og 1,5 millioner'
                    if self.upper > value:
                        return ">=", value
                    self.upper = None
            if compare == "==" and any(before.endswith(f" {w} ") for w in self.w["lowest"]):
                compare = ">="  # 'minst 70 %' is at least 70 %
            if compare == "==" and any(before.endswith(f" {w} ") for w in self.w["highest"]):
                compare = "<="  # 'mest 3' is at most 3
            return compare, value
        return None

    def _place_words(self, after: str) -> str:
        """The words after a figure less a region's or county's name before a word for places
        ('15 aust agder kommunene' as '15 kommunene')."""
        words = after.split()
        named = 0
        while named < len(words) and words[named] in self.group_words:
            named += 1
        return _padded(" ".join(words[named:]))

    def _joined(self, label: str) -> bool:
        """Whether the question writes a label's years joined by '+' ('2016+2017')."""
        joined = re.findall(r"\d{4}\s*\+\s*\d{4}", label)
        spans = re.sub(r"\s*\+\s*", "+", self.spans)
        return any(re.sub(r"\s*\+\s*", "+", j) in spans for j in joined)

    def _without_printed_rows(self, table: Table, padded: str) -> str:
        """A question without the names of a table's printed sum rows ('Sum Lister')."""
        printed = {r.key for r in table.rows if r.sum_of_rows}
        for name, key in self.spelled[table.id]:
            if key in printed and not name.isdigit():
                padded = padded.replace(f" {name} ", "  ")
        return padded

    def _headings(self, table: Table) -> str:
        """The folded labels and definitions of every column of a table, in both languages."""
        found = self._heading_texts.get(table.id)
        if found is None:
            texts = [
                t
                for c in table.columns
                for t in (c.label, c.definition, c.label_en, c.definition_en)
                if t
            ]
            found = self._heading_texts[table.id] = _padded(fold(" ".join(texts)))
        return found

    def _two_regions(
        self, table: Table, padded: str, named: Sequence[str], years: list[int]
    ) -> TableQuery | None:
        """'Hvor mye økte rammen i Vest-Agder i 2017 sammenlignet med Aust-Agder?': the sums
        of two regions' rows against each other, the region named first first."""
        if not self.comparing(padded) or not any(r.municipality for r in table.rows):
            return None
        groups = self.groups_named(padded)
        if len(groups) != 2 or self.named_by_name(table, padded, named):
            return None
        at = {g: padded.find(f" {' '.join(_TOKENS.split(fold(g))).strip()} ") for g in groups}
        first, second = sorted(groups, key=lambda g: at[g])
        sides = [
            [r.key for r in data_rows(table) if r.municipality in self.groups[g]]
            for g in (first, second)
        ]
        if not sides[0] or not sides[1] or set(sides[0]) == set(sides[1]):
            return None
        columns, _ = self._columns(table, padded, years, None, True)
        if not columns:
            return None
        more, less = self.has(padded, "more"), self.has(padded, "less")
        # 'stemmer det at Vest-Agder fikk mer enn Aust-Agder?': the claimed direction
        claimed = self.has(padded, "premise") and (more or less)
        return TableQuery(
            table.id,
            "difference",
            (*sides[0], *sides[1]),
            tuple(c.id for c in columns),
            claim=("more" if more and not less else "less") if claimed else None,
            split=len(sides[0]),
            group=f"{first}|{second}",
        )

    def _after_row(self, table: Table, padded: str, named: Sequence[str]) -> tuple[str, ...]:
        """The rows named just after a word like 'etter' ('flest etter Oslo', 'etter Oslo og
        Akershus'), when every row named is named there; else none."""
        if not named:
            return ()
        at = _first(padded, self.w.get("after_row", ()))
        if at < 0:
            return ()
        after = set(self.rows_in(table, padded[at:]))
        return tuple(named) if all(k in after for k in named) else ()

    def _after_place(
        self,
        table: Table,
        after: tuple[str, ...],
        among: tuple[str, ...],
        ids: tuple[str, ...],
        descending: bool,
    ) -> TableQuery | None:
        """A ranking down to the first place after some rows: the rows ranked (``among``,
        else every data row), the place after every row at least as high (or low) as them."""
        rows = [_row(table, k) for k in among] if among else data_rows(table)
        references = [_row(table, k) for k in after]
        if any(r.values.get(c) is None for r in references for c in ids):
            return None

        def total(row: Row) -> Fraction:
            return sum((_value(row.values[c]) for c in ids), Fraction(0))

        rows = [r for r in references if r not in rows] + rows
        scored = [r for r in rows if all(r.values.get(c) is not None for c in ids)]
        marks = [total(r) for r in references]
        mark = min(marks) if descending else max(marks)
        # the row named and every row tied with it or ahead of it come first
        ahead = [r for r in scored if (total(r) >= mark if descending else total(r) <= mark)]
        place = len(ahead) + 1
        if place > len(scored):
            return None  # nothing comes after the row named
        keys = tuple(r.key for r in rows) if among else ()
        return TableQuery(table.id, "rank", keys, ids, place, descending, place=place)

    def _other_kind(self, table: Table, padded: str) -> bool:
        """Whether a question asks only for rows of another kind than a table's places."""
        rows = data_rows(table)
        if not rows:
            return False
        municipal = self._asks_rows(padded, "municipality_places")
        county = self._asks_rows(padded, "county_places")
        if municipal == county:
            return False
        if municipal:
            return not any(r.municipality for r in rows)
        return not any(r.county and not r.municipality for r in rows)

    def _counted_rows(self, table: Table, padded: str) -> TableQuery | None:
        """'Hvor mange fylker er med i tabellen over sosialtjenestetall?': the table's rows of
        the kind asked counted, when the question names the table and asks no figure of them."""
        rows = data_rows(table)
        if not rows or not self.has(padded, "count"):
            return None
        documents = self.w.get("document", ())
        # the table named alone or in a compound ('sosialtjenestetabellen')
        named = self.has(padded, "document") or any(
            len(token) > len(d) and token.endswith(d)
            for token in padded.split()
            for d in documents
            if " " not in d and len(d) >= 6
        )
        if not named:
            return None
        singles = {r.key for r in rows}
        if not self._tells(table.id, padded) or singles & set(self.rows_in(table, padded)):
            return None  # the country named is left out ('utenom landet'), a place asks its figure
        if self._bound(table, table.columns[0]) is not None:
            return None
        figures = ("share", "more", "less", "highest", "lowest", "same", "sum", "than")
        if any(self.has(padded, w) for w in figures):
            return None  # 'hvor mange fylker hadde høyere andel enn landet?' asks a filter
        for kind, of_kind in (
            ("county_places", [r for r in rows if r.county and not r.municipality]),
            ("municipality_places", [r for r in rows if r.municipality]),
        ):
            counted = self._rows_counted.get(kind)
            if counted is None:
                asking = "|".join(re.escape(w) for w in self.w["count"])
                words = "|".join(re.escape(w) for w in self.w.get(kind, ()))
                counted = self._rows_counted[kind] = re.compile(rf" (?:{asking}) (?:{words}) ")
            if of_kind and counted.search(padded):
                # 'hvor mange fylker er med', not 'hvor mange i fylket …'
                keys = tuple(r.key for r in of_kind)
                return TableQuery(table.id, "rows", keys, (table.columns[0].id,))
        return None

    def _numbers_only(self, table: Table, padded: str) -> TableQuery | None:
        """'Hva er kommunenummeret til Bykle?': the numbers of the places named, no figure
        of theirs (no year, no operation)."""
        if not self.has(padded, "municipality_number") or _YEAR.search(self.spans):
            return None
        named = [k for k in self.rows_in(table, padded) if _row(table, k).municipality]
        figures = ("share", "more", "less", "highest", "lowest", "sum", "difference")
        if not named or any(self.has(padded, w) for w in figures):
            return None
        return TableQuery(table.id, "rows", tuple(named), (table.columns[0].id,), numbered=True)

    def _members_asked(self, folded: str, padded: str) -> bool:
        """Whether a question asks which municipalities a region is, and no figure of them
        ('hvilke kommuner er med i Lister?')."""
        if not self.groups_named(padded) or not self._asks_rows(padded, "municipality_places"):
            return False
        figures = ("share", "more", "less", "highest", "lowest", "same", "sum", "than")
        if any(self.has(padded, w) for w in (*figures, "difference", "framework")):
            return False
        # (a year may name the document: 'i 2018-oversikten')
        return not any(not _YEAR.fullmatch(m[1]) for m in _FIGURE.finditer(folded))

    def _group_members(self, table: Table, padded: str) -> tuple[TableQuery, float] | None:
        """'Which municipalities make up Lister?': the rows of the region named, as the
        table's printed sum of that region adds them (a table printing it wins)."""
        if not self._members_asked(self.spans, padded) or not any(
            r.municipality for r in table.rows
        ):
            return None
        group = self.groups_named(padded)[0]
        name = f" {' '.join(_TOKENS.split(fold(group))).strip()} "
        printed = [r for r in table.rows if r.sum_of_rows and name in _padded(fold(r.label))]
        if printed:
            keys = tuple(k for k in printed[0].sum_of_rows)
            return TableQuery(table.id, "rows", keys, (table.columns[0].id,), group=group), 3.5
        members = self.group_in(table, padded)
        if not members:
            return None
        return TableQuery(
            table.id, "rows", tuple(members), (table.columns[0].id,), group=group
        ), 3.0

    def _stray(self, table: Table, padded: str) -> bool:
        """Whether a question has a long word that is no function word, no table-operation
        word and no word of the table's headings ('ordning', 'bevilgning')."""
        listed = {w for phrases in self.w.values() for p in phrases for w in p.split()}
        heads = set().union(*self.column_words.get(table.id, {}).values())
        return any(
            len(w) >= 5
            and not w.isdigit()
            and w not in self.function
            and w not in listed
            and not any(w[:5] == h[:5] for h in heads)
            for w in padded.split()
        )

    def _years_compared_of_kind(self, table: Table, folded: str, padded: str) -> bool:
        """Whether a question asks for a table's own kind of rows by comparing two of the
        years its columns are ('hvilke kommuner fikk mer i 2017 enn i 2016?')."""
        if not (self.has(padded, "more") or self.has(padded, "less")):
            return False
        if not self.has(padded, "than") or not self.has(padded, "which"):
            return False
        said = {int(y) for y in _YEAR.findall(folded)}
        by_year = {c.year for c in table.columns if c.year is not None and not c.sum_of}
        return len(said & by_year) == 2 and self._own_kind(table, padded)

    def _bounded_of_kind(self, table: Table, folded: str, padded: str) -> bool:
        """Whether a question asks for a table's own kind of rows by a bound on a figure in
        one of its years ('hvilke kommuner fikk over 1 million i 2018?'), or for the spread
        of their figures in one of its years."""
        said = {int(y) for y in _YEAR.findall(folded)}
        by_year = {c.year for c in table.columns if c.year is not None and not c.sum_of}
        if not said & by_year:
            return False
        if self.has(padded, "spread"):
            # 'kva er spennet mellom kommunane i 2020?': the table's rows of that year
            return self._own_kind(table, padded) or bool(self.groups_named(padded))
        bounds = ("above", "at_least", "below", "at_most", "between")
        if not any(self.has(padded, w) for w in bounds) or not self.has(padded, "which"):
            return False
        figures = [m for m in _FIGURE.finditer(folded) if not _YEAR.fullmatch(m.group(1))]
        return bool(figures) and self._own_kind(table, padded)

    def _years_compared(self, table: Table, folded: str, padded: str) -> bool:
        """Whether a question compares two of the years a table's columns are ('skilnaden
        mellom 2018 og 2017')."""
        if not self.comparing(padded):
            return False
        said = {int(y) for y in _YEAR.findall(folded)}
        by_year = {c.year for c in table.columns if c.year is not None and not c.sum_of}
        return len(said & by_year) == 2

    def _own_kind(self, table: Table, padded: str) -> bool:
        """Whether a question asks for rows of a table's own kind ('hvilket fylke …' of a
        table of counties)."""
        rows = data_rows(table)
        if self._asks_rows(padded, "county_places"):
            return any(r.county and not r.municipality for r in rows)
        if self._asks_rows(padded, "municipality_places"):
            return any(r.municipality for r in rows)
        return False

    def _asks_rows(self, padded: str, kind: str) -> bool:
        """Whether a question asks for rows of one kind ('hvilke kommuner', 'fylker med').

        A word of that kind in a name ('Agder-fylkene') asks for no rows.
        """
        pattern = self._rows_asked.get(kind)
        if pattern is None:
            asking = "|".join(re.escape(w) for w in (*self.w["which"], *self.w["count"]))
            words = "|".join(re.escape(w) for w in self.w.get(kind, ()))
            pattern = self._rows_asked[kind] = (
                re.compile(
                    rf" (?:{asking}) (?:\w+ )?(?:{words}) "
                    rf"| (?:{words}) (?:med|som|with|that|having) "
                )
                if words
                else None
            )
        return pattern is not None and pattern.search(padded) is not None

    def _from_first(self, padded: str, columns: Sequence[Column]) -> bool:
        """Whether the first of two year columns follows a 'fra' ('fra 2017 til 2018')."""
        first = columns[0].year
        return first is not None and any(
            f" {w} {first} " in padded for w in self.w.get("from_year", ())
        )

    def _echoes(self, padded: str, columns: Sequence[Column]) -> bool:
        """Whether the question shares a long word of the columns' headings (not a year)."""
        common = {
            w[:5]
            for name in ("framework", "prognosis", "sum", "including")
            for phrase in self.w.get(name, ())
            for w in phrase.split()
        }
        heads = {
            w[:5]
            for c in columns
            for w in _label_words(c.label)
            if len(w) >= 5 and not w.isdigit() and w[:5] not in common and w not in self.function
        }
        return any(a[:5] in heads for a in padded.split() if len(a) >= 5)

    def _echoed_words(self, padded: str, columns: Sequence[Column]) -> int:
        """How many long heading words of the columns (not years) the question shares."""
        heads = {
            w[:5]
            for c in columns
            for w in _padded(fold(c.label)).split()
            if len(w) >= 5 and not w.isdigit() and w not in self.function
        }
        return len({a[:5] for a in padded.split() if len(a) >= 5} & heads)

    def _including_word(self, padded: str) -> bool:
        """Whether a question says 'including' by a word of its own ('inkludert', 'including'),
        not by a phrase that holds the prognosis ('med prognosen')."""
        prognosis = set(self.w.get("prognosis", ()))
        return any(
            f" {p} " in padded and not prognosis & set(p.split())
            for p in self.w.get("including", ())
        )

    def _included(self, padded: str, year: int) -> bool:
        """Whether a year is named only as what a sum includes ('sum inkl. 2020-prognosen')."""
        if f" {year} " not in padded:
            return False  # (every match ends with the year as a word)
        pattern = self._including_year.get(year)
        if pattern is None:
            including = "|".join(re.escape(inc) for inc in self.w.get("including", ()))
            pattern = self._including_year[year] = (
                re.compile(rf" (?:{including}) (?:\w+ ){{0,3}}{year} ") if including else None
            )
        return pattern is not None and pattern.search(padded) is not None

    def _column_by_words(
        self, table: Table, padded: str, least: float = COLUMN_SCORE
    ) -> Column | None:
        """The column whose label and definition share the most telling words with the question."""
        scores = self._column_scores(table, padded)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < least / 2:
            return None
        tied = [cid for cid, score in ranked if score == ranked[0][1]]
        if ranked[0][1] < least:
            # words that only a family of columns shares ('KVP-deltakere'): the unit asked
            # ('hvor mange') tells the one of them meant, else no column is told
            # (the words themselves, not words sharing their first letters: 'rammeøkning' is
            # no word of 'rammefinansiering')
            exact = self._column_scores(table, padded, exact=True)
            if any(exact[cid] != ranked[0][1] for cid in tied):
                return None
            # (a sum adds counts, never shares: 'og KVP-deltakere i de to samlet?')
            want = self._unit_asked(padded) or ("antall" if self.has(padded, "sum") else None)
            units = [c for c in table.columns if c.id in tied and c.unit == want]
            return units[0] if len(tied) > 1 and len(units) == 1 else None
        if len(tied) > 1:
            # a tie is broken by the unit asked ('hvor mange' a count, 'andel' a share; a
            # sum adds counts)
            want = self._unit_asked(padded) or ("antall" if self.has(padded, "sum") else None)
            units = [c for c in table.columns if c.id in tied and c.unit == want]
            return units[0] if len(units) == 1 else None
        return next(c for c in table.columns if c.id == ranked[0][0])

    def _column_scores(self, table: Table, padded: str, exact: bool = False) -> dict[str, Fraction]:
        """Each column's score: the telling words it shares with the question (``exact``: the
        same words only, not words sharing their first letters), added exactly, so that two
        columns told by as many words tie whatever order the words are added in."""
        bags = self.column_words[table.id]
        counts, prefixes = self.column_counts[table.id], self.column_prefixes[table.id]
        # (the verb that says where the counted were, 'bodde i Oslo', is no word of a heading
        # that says 'bodde i husholdninger')
        padded = self._unlocated(table, padded)
        asked = {t for t in padded.split() if len(t) >= MIN_WORD or t.isdigit() or t in counts}
        # each asked word with the column words it matches (the same word, else the same first
        # five letters: 'sosialhjelp' is not 'sosialhjelpsmottak'), found through the index
        # rather than by scanning every column
        matches = {
            w: {w} if w in counts else set() if exact else prefixes.get(w[:5], set()) for w in asked
        }
        scores: dict[str, Fraction] = {}
        for cid, bag in bags.items():
            score = Fraction(0)
            for found in matches.values():
                hits = found & bag
                if hits:
                    score += Fraction(1, min(counts[w] for w in hits))
            # a pair of words only this column's heading has ('under 18') tells even more
            score += sum(f" {pair} " in padded for pair in self.column_pairs[table.id][cid])
            scores[cid] = score
        return scores

    def _unlocated(self, table: Table, padded: str) -> str:
        """The question without the verbs that say where the counted were before a row's
        name ('bodde i Oslo' reads 'i Oslo')."""
        if not re.search(_LOCATED, padded):
            return padded
        names = "|".join(re.escape(n) for n, _key in self.spelled[table.id])
        if not names:
            return padded
        where = rf"(?= (?:det )?(?:i|in) (?:{names}) )"
        return re.sub(_LOCATED_VERB + where, "", padded)

    def _unit_asked(self, padded: str) -> str | None:
        """'prosent' when a share is asked, 'antall' when a count is, else None."""
        if self.has(padded, "share"):
            return "prosent"
        return "antall" if self.has(padded, "count") else None

    def _unit_sibling(
        self, table: Table, column: Column, padded: str, want: str | None = None
    ) -> Column:
        """A share column when a share is asked, a count column when a count is."""
        want = want or (
            "prosent"
            if self.has(padded, "share")
            else "antall"
            if self.has(padded, "count")
            else None
        )
        if want is None or column.unit == want:
            return column
        index = table.columns.index(column)
        # a count is printed just before its share: a share's count stands before it, a
        # count's share after it (the share after another count is not this count's)
        for step in (-1,) if want == "antall" else (1,):
            j = index + step
            if 0 <= j < len(table.columns) and table.columns[j].unit == want:
                return table.columns[j]
        return column

    def _read_table(
        self,
        table: Table,
        padded: str,
        years: list[int],
        column_hint: str | None,
        framework: bool = False,
    ) -> tuple[TableQuery | None, float]:
        """Read a query against one table, with a score for how well the table fits."""
        for i, printed in enumerate(table.totals):
            # 'samlet økning i perioden ifølge 2018-oversikten': a figure printed under the
            # table, for no row ('Arendals samlede økning i perioden' is Arendal's own sum)
            labels = filter(None, (printed.label, printed.label_en))
            named_rows = self.rows_in(table, padded) or self.group_in(table, padded)
            ranking = self.has(padded, "highest") or self.has(padded, "lowest")
            if not (named_rows or ranking) and any(_names(padded, label) for label in labels):
                first = table.columns[0].id
                return TableQuery(table.id, "printed", (), (first,), place=i), 3.0
        counted = self._counted_rows(table, padded)
        if counted is not None:
            return counted, 3.0
        of_group = self._group_members(table, padded)
        if of_group is not None:
            return of_group
        numbered = self._numbers_only(table, padded)
        if numbered is not None:
            return numbered, 2.5
        columns, score = self._columns(table, padded, years, column_hint, framework)
        if not columns:
            return None, 0.0
        named, group = self.rows_in(table, padded), self.group_in(table, padded)
        if table.id in self.item_tables:
            # a table of named items: the rows named side by side (or summed when a sum is
            # asked), or every row with its printed sum when none is named
            if not named and not self._tells(table.id, padded):
                return None, 0.0
            ids = tuple(c.id for c in columns)
            sums = [r.key for r in table.rows if r.sum_of_rows]
            if all(k in sums for k in named):
                named = []  # 'split by scheme and in total': the parts and the printed sum
            bound = self._bound(table, columns[0]) if len(columns) == 1 else None
            if self.has(padded, "premise") and bound is not None:
                # 'er det riktig at prognosen var 41 millioner samlet?': the row's figure,
                # or the printed sum when no item is named
                parts = tuple(r.key for r in table.rows if not r.sum_of_rows)
                target = tuple(named[:1]) if len(named) == 1 else parts
                checked: Op = "value" if len(target) == 1 else "sum"
                check = TableQuery(table.id, checked, target, ids[:1], claim=target[0])
                check = replace(check, bound=bound[1], compare=bound[0], rounding=self.rounding)
                return check, score + 0.5
            if len(named) > 1 and self.has(padded, "sum"):
                return TableQuery(table.id, "sum", tuple(named), ids[:1]), score + 0.5
            items = [k for k in named if k not in sums]
            if (
                self.has(padded, "share")
                and len(items) == 1
                and len(sums) == 1
                and ids
                and not self._whole_named(table, padded, items[0])
            ):
                # 'hvor stor andel av prognosen gjaldt langvarige …?': the item over the sum
                return TableQuery(table.id, "portion", (items[0], sums[0]), ids[:1]), score + 0.5
            shown = tuple(named) or tuple(r.key for r in table.rows)
            listed: Op = "value" if len(shown) == 1 and len(ids) == 1 else "list"
            return TableQuery(table.id, listed, shown, ids), score + 0.5
        if table.id in self.national_tables:
            # the whole country's table: its row named ('nasjonalt'), or told by the table's
            # own words ('ifølge tidslinjen'); a look-up, sum or change of its years only
            told = self._tells(table.id, padded)
            # rows of places asked ('hvilke kommuner …'), not 'hva blir det?'
            places = self.has(padded, "places") or any(
                self._asks_rows(padded, kind) for kind in ("municipality_places", "county_places")
            )
            # 'hvilket år ble økningen i rammen størst?': the years of no place named are the
            # whole country's
            ranked = self.has(padded, "which_year") and (
                self.has(padded, "highest") or self.has(padded, "lowest")
            )
            placeless = not places and not (set(padded.split()) & self.group_words)
            told = told or (ranked and placeless) or self._quotes_row(table.rows[0])
            if not named and told and not places and not self.rows_in_any(padded, table):
                named = [table.rows[0].key]
            if not named:
                return None, 0.0
            return self._one_row(table, named, columns, padded, score + 0.5)
        merged = group and not any(r.municipality for r in table.rows)
        if merged and any(c.unit == "prosent" for c in columns):
            # 'andelen i Innlandet': the table's shares are of counties merged since, and
            # no share of the merged county can be made from them
            return None, 0.0
        regions = self._two_regions(table, padded, named, years)
        if regions is not None:
            return regions, score + 0.5
        # a named region wins over numbers that only spell its range ('Aust-Agder (0901–0941)')
        by_group = bool(group) and all(k.isdigit() for k in named)
        rows = group if by_group else named or group
        by_group = by_group or not named
        # a place named by its name beside a region, in a question that asks one figure of it
        # (no ranking, count or share: 'nest størst etter Arendal' names a reference)
        asks_one = not any(self.has(padded, w) for w in ("highest", "lowest", "count", "share"))
        single = {r.key for r in data_rows(table) if r.municipality}
        spelled = [
            k for k in (self.named_by_name(table, padded, named) if group else []) if k in single
        ]
        ends = {n for span in self.spans_in(table) for n in span} if group else set()
        if spelled and all(_row(table, k).municipality in ends for k in spelled):
            spelled = []  # 'Risør til Bykle': the places at a span's ends name the span
        if spelled and asks_one:
            outside = [k for k in spelled if k not in group]
            if outside and self.has(padded, "sum"):
                # 'Lister og Arendal til sammen': the region's rows and the places named
                rows, by_group = [*group, *outside], False
            elif outside and self.comparing(padded):
                # 'hvor mye mer fikk Kristiansand enn Lister?': the sides of 'enn' compared
                rows, by_group = [*outside, *group], False
            elif not outside:
                # 'Farsund i Lister': the region only says where the place named lies
                rows, by_group = spelled, False
            else:
                return None, 0.0  # a region and other places, neither summed: not read here
        score += 0.5 if rows else 0.0
        ids = tuple(c.id for c in columns)
        own_share = self._share_of_own_sum(table, padded, rows, years, by_group)
        if own_share is not None:
            return own_share, score + 0.5
        mean = self._mean_per_year(table, padded, rows, columns, by_group)
        if mean is not None:
            return mean, score + 0.5
        if self.has(padded, "times") and len(rows) == 2 and len(ids) == 1 and not by_group:
            # 'hvor mange ganger større er Kristiansands sum enn Mandals?': the first row's
            # figure over the second's
            return TableQuery(table.id, "ratio", tuple(rows), ids), score + 0.5
        # (the words of any of the table's columns: 'andelen 18–24-åringer som mottok
        # sosialhjelp minst én gang' quotes the count column beside the share asked)
        highest = self.asks(padded, "highest", table.columns)
        lowest = self.asks(padded, "lowest", table.columns)
        # 'which municipality ranks fifth?': a place by its ordinal, counted from the top
        place = self.ordinal_in(padded) if self.has(padded, "which") or highest or lowest else 0
        highest = highest or (bool(place) and not lowest)
        more, less = self.has(padded, "more"), self.has(padded, "less")
        than = self.has(padded, "than")
        premise = self.has(padded, "premise") or self.whether(padded)
        printed_sum = [
            c for c in table.columns if c.sum_of and set(c.sum_of) == {d.id for d in columns}
        ]
        if (
            len(columns) > 1
            and printed_sum
            and not named
            and self.has(padded, "which")
            and self._bound(table, printed_sum[0]) is not None
        ):
            # 'hvilke kommuner hadde sum 2016–2020 mellom 1 og 2 millioner?': a bound on the
            # printed sum of the years asked
            columns, ids = printed_sum[:1], (printed_sum[0].id,)
        bound = self._bound(table, columns[0]) if len(columns) == 1 else None
        same = self.has(padded, "same") and self.has(padded, "which") and len(columns) == 1
        if same and (not named or by_group):
            # 'hvilke to fylker hadde like mange …?': the rows that share a figure
            return TableQuery(table.id, "same", tuple(rows), ids), score
        if len(named) == 2 and len(columns) == 1 and self.has(padded, "percentage_points"):
            # 'hvor mange prosentpoeng høyere enn landet lå Telemark på andelen …?': the two
            # rows' shares subtracted, never a count's part of another
            share = self._unit_sibling(table, columns[0], padded, "prosent")
            if share.unit == "prosent":
                return TableQuery(table.id, "difference", tuple(named), (share.id,)), score + 0.5
        if len(columns) == 1 and columns[0].unit in ("antall", "prosent") and len(named) <= 2:
            special = self._share_query(table, padded, named, columns[0])
            if special is not None:
                return special, score + 0.5
        # 'spennet i 2019', 'forskjellen mellom høyeste og laveste': the highest row's figure
        # minus the lowest row's
        spread = self.has(padded, "spread") or (
            highest and lowest and self.has(padded, "difference")
        )
        if spread and (not named or by_group) and not premise:
            return TableQuery(table.id, "spread", tuple(rows), ids), score
        asks_rows = self.has(padded, "which") or self.has(padded, "count")
        if bound is not None and asks_rows and (not named or by_group):
            # 'hvilke kommuner fikk over 1 million i 2018?', 'fylker med minst 70 %'
            compare, value = bound
            return TableQuery(
                table.id, "filter", tuple(rows), ids, bound=value, compare=compare, upper=self.upper
            ), score
        counting = self.has(padded, "count") and self.has(padded, "places")
        if (
            len(named) == 1
            and len(columns) == 1
            and (more or less)
            and than
            and (self.has(padded, "which") or counting)
        ):
            # 'which counties had fewer … than Aust-Agder?': the named row gives the bound
            value = _value(_row(table, named[0]).values.get(ids[0], 0))
            return TableQuery(
                table.id,
                "filter",
                tuple(group),
                ids,
                bound=value,
                compare=">" if more and not less else "<",
                reference=named[0],
            ), score
        asked = {c.id for c in columns}
        whole = [c for c in table.columns if c.sum_of and set(c.sum_of) == asked]
        if self.has(padded, "share") and len(named) == 1 and len(columns) > 1 and whole:
            # 'hvor stor andel av den samlede rammeøkningen 2016–2020 gikk til Kristiansand?':
            # the years asked are the printed sum's parts, so the share is of that sum
            columns, ids = whole[:1], (whole[0].id,)
        if (
            self.has(padded, "share")
            and len(named) == 1
            and len(columns) == 1
            and columns[0].unit == "kr"
            and table.id not in self.national_tables
        ):
            # 'hvor stor andel av Agder-kommunenes samlede økning i 2018 fikk Kristiansand?':
            # the row's figure over the sum of its region's rows, or of every row
            members = group or [r.key for r in data_rows(table)]
            rows_all = (named[0], *[k for k in members if k != named[0]])
            group_name = (self.group_named(padded) or "") if group else ""
            return TableQuery(table.id, "portion", rows_all, ids, split=1, group=group_name), score
        if (highest or lowest) and len(named) <= 1 and self.has(padded, "which_year"):
            # 'kva år fekk Gjerstad størst auke?': that row's years ranked; 'hvilket år var
            # samlet økning størst for kommunene til sammen?': the years' totals ranked
            years_only = [c.id for c in table.columns if c.year is not None and not c.sum_of]
            chosen = tuple(named) if named else tuple(rows if by_group else ())
            return TableQuery(
                table.id,
                "rank",
                chosen,
                tuple(years_only),
                1,
                highest,
                across=True,
                group=self.group_named(padded) or "" if len(chosen) != 1 else "",
            ), score
        if (highest or lowest) and len(columns) == 2 and self._from_first(padded, columns):
            # 'størst økning fra 2017 til 2018': the change from the first year to the second;
            # 'størst nedgang' ranks the change from the most negative up
            descending = (highest and not lowest) != (less and not more)
            top = self.top_in(padded)
            return TableQuery(
                table.id,
                "rank",
                tuple(rows if by_group else ()),
                ids,
                top,
                descending,
                change=True,
            ), score
        if premise and bound is not None and len(named) == 1 and not (highest or lowest):
            # 'er det riktig at Kristiansand fikk over 8 millioner i 2016?': the row's figure
            # (a claim of a first place that also quotes the figure is checked as a ranking)
            compare, value = bound
            query = TableQuery(table.id, "value", tuple(named), ids, claim=named[0])
            return replace(query, bound=value, compare=compare, rounding=self.rounding), score
        if (highest or lowest) and premise and len(named) == 1:
            # 'er det riktig at Bykle hadde lavest …?': rank every row, then check the claim;
            # 'nest færrest' claims the second place
            descending = highest and not lowest
            top = 2 if self.has(padded, "second") else 1
            return (
                TableQuery(table.id, "rank", tuple(group), ids, top, descending, claim=named[0]),
                score,
            )
        two_asked = (highest or lowest) and len(rows) == 2 and not by_group and not premise
        if two_asked and self.has(padded, "difference") and not self.has(padded, "which_year"):
            # 'Sirdal eller Hægebostad – hvem fikk mest …, og hvor stor er forskjellen?': the
            # two rows against each other, the one asked for first
            def total(key: str) -> Fraction:
                values = _row(table, key).values
                return sum((_value(values.get(c, 0)) for c in ids), Fraction(0))

            ordered = tuple(sorted(rows, key=total, reverse=highest and not lowest))
            split = 1 if len(ids) > 1 else 0
            return TableQuery(table.id, "difference", ordered, ids, split=split), score
        after = self._after_row(table, padded, named) if (highest or lowest) else ()
        if after and not premise and not self.has(padded, "second"):
            # 'hvilket fylke hadde flest … etter Oslo?': the place after the rows named
            descending = highest and not lowest
            among = tuple(k for k in group if k not in after)
            next_place = self._after_place(table, after, among, ids, descending)
            if next_place is not None:
                return next_place, score
        if (highest or lowest) and self.has(padded, "second") and len(named) == 1 and not by_group:
            rows = group  # 'nest flest etter Oslo': Oslo is the first place, not the only row
        if (highest or lowest) and (self.has(padded, "which") or len(rows) != 1):
            descending = highest and not (
                lowest and _first(padded, self.w["lowest"]) < _first(padded, self.w["highest"])
            )
            top = self.top_in(padded) if len(rows) < 2 or by_group else 1
            one_each = {r.key for r in data_rows(table)}
            if len(rows) == 2 and set(rows) <= one_each and not (by_group or place):
                # 'Telemark eller Aust-Agder – hvem hadde flest?': both places, in order (a
                # ranking of a total keeps its first place: 'Til sammen' is of the shown)
                top = 1 if self.has(padded, "sum") else 2
            return TableQuery(
                table.id, "rank", tuple(rows), ids, place or top, descending, place=place
            ), score
        two_years = len(columns) == 2 and (more or less) and than
        asks_places = any(
            self._asks_rows(padded, kind) for kind in ("municipality_places", "county_places")
        )
        if two_years and not rows and self.has(padded, "sum") and not asks_places:
            # 'totalt for alle kommunene: hvor mye lavere var 2017 enn 2016?': every row's
            # two totals compared, not the rows whose years differ
            rows = [r.key for r in data_rows(table)]
        if (not rows or (by_group and self.has(padded, "which"))) and two_years:
            # 'hvilke (Aust-Agder-)kommuner fikk mer i 2017 enn i 2016?': the rows (of the
            # region named) whose first column is above (below) their second
            return TableQuery(table.id, "filter", tuple(rows), ids, descending=more), score
        if not rows:
            return None, 0.0
        # ('hvor mye økte rammen samlet mellom summen for 2016+2017 og prognosen for 2018?':
        # a change between a printed sum and another column named after 'mellom', whatever sum
        # word it holds; 'økte rammen mellom 2016 og 2018' is the years' increases added)
        comparing = self.has(padded, "difference") or (
            (more or less)
            and (
                than
                or (len(columns) == 2 and not self.has(padded, "sum"))
                or (
                    len(columns) == 2
                    and any(c.sum_of for c in columns)
                    and (self.has(padded, "between") or _apart(columns))
                )
            )
        )
        if (
            self.has(padded, "per_cent_change")
            and (comparing or self.has(padded, "from_year"))
            and len(rows) == 1
            and len(columns) == 2
            and not by_group
        ):
            # 'hvor mange prosent ble Grimstads økning redusert fra 2016 til 2020?': the
            # change from the first column to the second, in per cent of the first
            return TableQuery(table.id, "relative", tuple(rows), ids), score
        between = self.has(padded, "difference") and self.has(padded, "between")
        if comparing and (than or between) and len(rows) == 2 and len(columns) > 1 and not by_group:
            # 'Kristiansands samlede økning 2016–2020 enn Arendals', 'forskjellen mellom Arendal
            # og Grimstad i samlet rammeøkning 2016–2020': each row's years summed, by the
            # printed sum where the years are exactly its parts
            asked = {c.id for c in columns}
            whole = [c for c in table.columns if c.sum_of and set(c.sum_of) == asked]
            if whole:
                columns, ids = whole[:1], (whole[0].id,)
            else:
                return TableQuery(table.id, "difference", tuple(rows), ids, split=1), score
        pair = (len(rows), len(columns)) in ((2, 1), (1, 2))
        sides = self._sides(table, padded) if comparing and than and len(columns) == 1 else ()
        if sides:
            # 'hadde Søgne og Songdalen til sammen mer enn Mandal?': the rows before 'enn'
            # summed against the rows after it
            claim = (
                ("more" if more and not less else "less") if premise and (more or less) else None
            )
            rows = list(sides[0] + sides[1])
            return TableQuery(
                table.id, "difference", tuple(rows), ids, claim=claim, split=len(sides[0])
            ), score
        if comparing and len(rows) > 1 and len(columns) == 2 and by_group:
            # 'hvor mye lavere var Lister-summen i 2017 enn i 2016?': the group's two totals
            group_name = self.group_named(padded) or ""
            return TableQuery(table.id, "difference", tuple(rows), ids, group=group_name), score
        if comparing and pair:
            # 'er det riktig at Sirdal har høyere … enn Hægebostad?': the claimed direction
            claim = (
                ("more" if more and not less else "less") if premise and (more or less) else None
            )
            return TableQuery(table.id, "difference", tuple(rows), ids, claim=claim), score
        if self.has(padded, "share") and len(rows) == 1 and len(columns) == 2 and not by_group:
            of_year = self._share_whole(padded, columns)
            if of_year is not None:
                # 'hvor stor andel av 2016-økningen utgjør 2020-prognosen for Kristiansand?':
                # the row's figure of one year over its figure of the year after 'andel av'
                part = next(c for c in columns if c.id != of_year.id)
                portion = TableQuery(table.id, "portion", tuple(rows), (part.id, of_year.id))
                return portion, score
        if len(rows) == 1 and len(columns) > 1 and any(c.sum_of for c in columns):
            # 'Åmli i 2016 og summen inkl. prognosen': figures side by side, no total of them
            return TableQuery(table.id, "list", tuple(rows), ids), score
        each = len(columns) > 1 and not any(c.sum_of for c in columns)
        said = _padded(self.spans)
        found = _EACH_YEAR.search(said) if each else None
        # ('i 2016 og i 2017 til sammen' adds the years: a sum word after them)
        each = found is not None and not self.has(" " + said[found.end() :], "sum")
        if each and len(rows) == 1:
            # 'hva fikk Arendal i 2016 og i 2017?': each year's figure, side by side
            return TableQuery(table.id, "list", tuple(rows), ids), score
        if each:
            # 'den samlede økningen for Lister i 2016 og i 2017': the rows' sum in each year
            groups = self.groups_named(padded) if by_group else []
            name = groups[0] if len(groups) == 1 else ""  # 'Lister og Aust-Agder' is no one
            return TableQuery(table.id, "sum", tuple(rows), ids, group=name, each=True), score
        if len(rows) > 1 and len(columns) > 1 and printed_sum and not comparing:
            # 'de 15 kommunene til sammen i 2016–2020': each row's printed sum of exactly
            # those years, added, as a single row's printed sum is given
            return TableQuery(table.id, "sum", tuple(rows), (printed_sum[0].id,)), score
        if len(rows) > 1 or len(columns) > 1:
            summed = TableQuery(table.id, "sum", tuple(rows), ids)
            claims = premise and (len(rows) == 1 or by_group)
            bound = self._bound(table, columns[0]) if claims else None
            if bound is not None and not comparing:
                # 'stemmer det at Arendal fikk 3,4 millioner i 2019 og 2020 til sammen?',
                # 'stemmer det at Lister fikk 2 044 792 i 2016?': the sum checked
                compare, value = bound
                claimed = replace(summed, claim=rows[0], bound=value, compare=compare)
                return replace(claimed, rounding=self.rounding), score
            return summed, score
        return TableQuery(table.id, "value", tuple(rows), ids), score

    def _across_tables(
        self, folded: str, today: dt.date, hint: str | None, previous: TableQuery | None
    ) -> TableQuery | None:
        """A figure of one source's table compared with a figure of another's.

        'Hvor mye høyere var Grimstads økning 2016–2018 (2020-tabellen) enn prognosen for 2018
        i 2018-tabellen?' reads each side in its own table (the second side keeps the rows of
        the first); 'how does that forecast compare with the 2016–2018 figures in the 2020
        slides?' compares the previous answer's figure with the one the new source gives.
        """
        if self.document is None:
            return None
        padded = _padded(folded)
        named = [int(m[1] or m[2]) for m in self.document.finditer(folded)]
        if not any(self.has(padded, w) for w in ("difference", "more", "less")):
            return self._in_other_table(folded, today, hint, previous, named)
        if len(set(named)) == 2:
            joins = [re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in self._joins()]
            at = min((m.start() for m in joins if m), default=-1)
            if at < 0 and self.has(padded, "between"):
                # 'forskjellen mellom A i 2020-tabellen og B i 2018-tabellen': the 'og' after
                # the first source named
                mark = next(self.document.finditer(folded)).end()
                found = re.search(r"\b(?:og|and)\b", folded[mark:])
                at = mark + found.start() if found else -1
            if at < 0:
                return None
            first = self._one_figure(folded[:at], today, hint, ())
            if first is None:
                return None
            second = self._one_figure(folded[at:], today, hint, first.rows, first.table)
            if second is None or second.table == first.table:
                return None
            return replace(first, op="difference", other=second)
        if len(set(named)) == 1 and previous is not None and previous.op in ("value", "sum"):
            year = self.source_years.get(previous.table)
            if year is None or year == named[0] or not previous.rows:
                return None
            fresh = self._one_figure(folded, today, hint, previous.rows, previous.table)
            if fresh is None:
                return None
            return replace(previous, op="difference", other=fresh, before_rows=(), claim=None)
        return None

    def _in_other_table(
        self,
        folded: str,
        today: dt.date,
        hint: str | None,
        previous: TableQuery | None,
        named: list[int],
    ) -> TableQuery | None:
        """'Og hva ble det faktisk stående for 2018 i tabellen fra 2020?' after a figure of
        another source's table: the same place's figure in the table named, or None."""
        if previous is None or len(set(named)) != 1 or not previous.rows:
            return None
        if self.source_years.get(previous.table) == named[0]:
            return None
        shown = self.kb.tables.get(previous.table)
        if shown is None or len(previous.rows) != 1 or self.rows_in(shown, _padded(folded)):
            return None
        fresh = self._one_figure(folded, today, hint, previous.rows, previous.table)
        if fresh is None or self.source_years.get(fresh.table) != named[0]:
            return None
        return fresh

    def _joins(self) -> list[str]:
        """The words that join two sides of a comparison ('enn', 'sammenlignet med')."""
        return [p for p in self.w.get("than", ())] + [
            p for p in self.w.get("difference", ()) if len(p.split()) > 1
        ]

    def _one_figure(
        self,
        padded: str,
        today: dt.date,
        hint: str | None,
        rows: tuple[str, ...],
        but: str = "",
    ) -> TableQuery | None:
        """One side of a comparison across tables: one figure, or one row's sum of years."""
        phrases = [p for n in ("more", "less", "difference", "than") for p in self.w.get(n, ())]
        text = padded
        for phrase in sorted(phrases, key=len, reverse=True):
            text = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", " ", text)
        query = self.read(text, today, hint, None, framework=True)
        if (query is None or not query.rows) and rows:
            # 'enn prognosen for 2018 i 2018-tabellen': the rows of the other side
            labels = {
                fold(r.label) for t in self.tables for k in rows for r in t.rows if r.key == k
            }
            text = f"{text} {' og '.join(sorted(labels))}"
            query = self.read(text, today, hint, None, framework=True)
        if query is None or query.table == but or query.op not in ("value", "sum"):
            return None
        if len(query.rows) != 1:
            return None
        return replace(query, op="sum" if len(query.columns) > 1 else "value")

    def _tally(self, tables: Sequence[Table], padded: str) -> TableQuery | None:
        """'Hvilket fylke hadde lavest verdi i flest kolonner?': rows by how many columns
        they hold the lowest (or highest) figure in, for the one table of places asked."""
        highest, lowest = self.has(padded, "highest"), self.has(padded, "lowest")
        if not self.has(padded, "most_columns") or not (highest or lowest):
            return None
        fitting = [
            t
            for t in tables
            if len(data_rows(t)) >= MIN_ROWS
            and (
                any(w in self.telling[t.id] for w in padded.split())
                or (
                    not self.has(padded, "framework") and not any(c.unit == "kr" for c in t.columns)
                )
            )
        ]
        if len(fitting) != 1:
            return None
        table = fitting[0]
        # 'lavest verdi i flest kolonner': the lowest is what is counted, 'flest' the ranking
        lowest_counted = _first(padded, self.w["lowest"]) >= 0 and (
            not highest or _first(padded, self.w["lowest"]) < _first(padded, self.w["highest"])
        )
        ids = tuple(c.id for c in table.columns if not c.sum_of)
        return TableQuery(table.id, "tally", (), ids, descending=not lowest_counted)

    def rows_in_any(self, padded: str, but: Table) -> bool:
        """Whether the question names a row of another table (a place, not the country)."""
        return any(
            self.rows_in(t, padded) or self.group_in(t, padded) for t in self.tables if t is not but
        )

    def _one_row(
        self, table: Table, named: list[str], columns: list[Column], padded: str, score: float
    ) -> tuple[TableQuery | None, float]:
        """A query on one row's columns: a figure, a sum of years, or the change between two."""
        ids = tuple(c.id for c in columns)
        comparing = self.comparing(padded)
        if self.has(padded, "which_year") and (
            self.has(padded, "highest") or self.has(padded, "lowest")
        ):
            years_only = [c.id for c in table.columns if c.year is not None and not c.sum_of]
            highest = self.has(padded, "highest")
            return TableQuery(
                table.id, "rank", tuple(named), tuple(years_only), 1, highest, across=True
            ), score
        if len(columns) == 2 and comparing:
            return TableQuery(table.id, "difference", tuple(named), ids), score
        if len(columns) > 1:
            return TableQuery(table.id, "sum", tuple(named), ids), score
        return TableQuery(table.id, "value", tuple(named), ids), score

    def _quotes_row(self, row: Row) -> bool:
        """Whether the question being read quotes three or more of a row's figures, as
        printed or in millions ('ifølge figuren (400, 300, 375, 200, 150)')."""
        said = {
            _value(m[1].replace(" ", "").replace(",", ".")) for m in _FIGURE.finditer(self.spans)
        }
        values = [_value(v) for v in row.values.values()]
        quoted = [v for v in values if v in said or v / 1_000_000 in said]
        return len(quoted) >= 3

    def _sides(
        self, table: Table, padded: str
    ) -> tuple[tuple[str, ...], tuple[str, ...]] | tuple[()]:
        """Rows named before 'enn'/'than' and after it, when one side names more than one."""
        padded = padded.split("  ")[0] + " "  # the corrected text, not the text as typed too
        at = _first(padded, self.w.get("than", ()))
        if at < 0:
            return ()
        before, after = padded[: at + 1], padded[at:]
        # a region on one side stands for its rows ('mer enn Lister')
        first = self.rows_in(table, before) or self.group_in(table, before)
        second = self.rows_in(table, after) or self.group_in(table, after)
        if not first or not second or len(first) + len(second) < 3 or set(first) & set(second):
            return ()
        return tuple(first), tuple(second)

    def _share_query(
        self, table: Table, padded: str, named: list[str], column: Column
    ) -> TableQuery | None:
        """A count beside its share, a row's share of the whole country, or a row's place.

        'hvor mange … i Rogaland, og hvor stor andel er det?' lists the count and the share
        printed beside it; 'hvor stor andel av landets KVP-deltakere var i Oslo?' divides
        Oslo's count by the country's (a share the table does not print); 'what share …
        in Troms, and how does it rank?' gives Troms' figure and its place among the rows.
        """
        share, count = self.has(padded, "share"), self.has(padded, "count")
        national = [r.key for r in table.rows if not (r.municipality or r.county or r.sum_of_rows)]
        places = [k for k in named if k not in national]
        if len(named) == 1 and self.has(padded, "position"):
            return TableQuery(table.id, "position", tuple(named), (column.id,))
        # ('hvor mange fylker hadde høyere andel …?' counts places, not a count column)
        places_counted = self._asks_rows(padded, "county_places") or self._asks_rows(
            padded, "municipality_places"
        )
        if share and count and len(named) == 1 and not places_counted:
            pair = [self._unit_sibling(table, column, padded, u) for u in ("antall", "prosent")]
            if pair[0].unit == "antall" and pair[1].unit == "prosent":
                return TableQuery(table.id, "list", tuple(named), tuple(c.id for c in pair))
        of_population = _OF_POPULATION.search(padded) is not None
        ranking = self.has(padded, "highest") or self.has(padded, "lowest")
        single = len(places) == 1 and len(named) == 2 and bool(national)
        if of_population and ranking and single and column.unit == "prosent":
            # 'hvor stor andel av befolkningen er det, og er det høyest i landet?': the row's
            # printed share and its place among the rows, not a ranking of the one row
            return TableQuery(table.id, "position", (places[0],), (column.id,))
        # 'what share of the children … lived in Oslo?': a share of the counted, the country's
        # count the whole even when the country is not named
        share_of = _SHARE_OF.search(padded) is not None and len(named) == 1 and bool(places)
        if share_of:
            # '… bodde i Oslo', '… lived in Oslo': where the counted were; 'andel av barna i
            # Oslo' is the share printed for Oslo
            spelled = [n for n, k in self.spelled[table.id] if k == places[0]]
            share_of = any(re.search(rf"{_LOCATED} {re.escape(n)} ", padded) for n in spelled)
        whole = len(named) == 2 or share_of
        if share and len(places) == 1 and whole and national and not of_population:
            # the share of the country's count, unless the question names a share column
            # ('andel av befolkningen under 18 år … høyest i landet' is the printed share)
            scores = self._column_scores(table, padded)
            best = {
                unit: max((scores[c.id] for c in table.columns if c.unit == unit), default=0.0)
                for unit in ("antall", "prosent")
            }
            counts = [c for c in table.columns if c.unit == "antall"]
            counted = max(counts, key=lambda c: scores[c.id]) if counts else column
            if counted.unit == "antall" and best["antall"] >= best["prosent"] and best["antall"]:
                query = TableQuery(table.id, "portion", (places[0], national[0]), (counted.id,))
                shares = [c for c in table.columns if c.unit == "prosent"]
                bound = self._bound(table, shares[0]) if shares else None
                if self.has(padded, "premise") and bound is not None:
                    # 'er det riktig at Oslo hadde over 25 % av landets KVP-deltakere?'
                    query = replace(query, claim=places[0], compare=bound[0], bound=bound[1])
                return query
        return None

    def _ranked_follow_up(
        self,
        table: Table,
        previous: TableQuery,
        padded: str,
        rows: list[str],
        columns: list[str],
    ) -> TableQuery | None:
        """'kva fylke hadde flest?', 'how does it rank?', 'og hvor stor andel er det?' after
        a question on a table: the same columns ranked, the row's place, the row's share."""
        columns = columns or list(previous.columns)
        if len({_column(table, c).unit for c in columns}) > 1:
            # a count and its share shown side by side: the one of the unit asked (a
            # ranking of the count when none is)
            unit = self._unit_asked(padded) or "antall"
            columns = [c for c in columns if _column(table, c).unit == unit] or columns
        highest, lowest = self.has(padded, "highest"), self.has(padded, "lowest")
        counted_on = self._counted_on(padded)
        further = counted_on is not None and previous.op == "rank" and not previous.across
        if further and counted_on and not (rows or highest or lowest) and previous.claim is None:
            # 'og hvilke to fulgte etter?' after a ranking: the same ranking, further down
            top = max(previous.top, previous.place) + counted_on[1]
            return replace(previous, top=top, place=0, shown=())
        want = self._unit_asked(padded)
        if want and len(columns) == 1 and not self._column_by_words(table, padded):
            # 'og er det det samme fylket som hadde høyest andel?' after a count: the share
            # printed beside it (and a count beside a share)
            column = next(c for c in table.columns if c.id == columns[0])
            sibling = self._unit_sibling(table, column, padded, want)
            if sibling.unit == want and (highest or lowest):
                columns = [sibling.id]
        if (highest or lowest) and not rows and not previous.across:
            asked = _asked(previous) if self.has(padded, "those_asked") else ()
            descending = highest and not (
                lowest and _first(padded, self.w["lowest"]) < _first(padded, self.w["highest"])
            )
            # 'og minst?' after a ranking of Lister's municipalities: the same rows ranked
            among = previous.rows if previous.op == "rank" and not asked else ()
            return TableQuery(
                table.id,
                "rank",
                asked or among,
                tuple(columns[:1]) if len(columns) > 1 and not previous.change else tuple(columns),
                1 if asked else self.top_in(padded),
                descending,
                change=previous.change and len(columns) == 2,
            )
        one = rows[:1] or list(previous.rows[-1:])
        stats = not any(c.unit == "kr" for c in table.columns)
        if self.has(padded, "position") and len(one) == 1 and len(columns) == 1:
            return TableQuery(table.id, "position", tuple(one), tuple(columns))
        want = self._unit_asked(padded)
        if stats and want and len(one) == 1 and len(previous.columns) == 1 and not rows:
            # 'og hvor stor andel er det?': the share printed beside the count just given
            column = next(c for c in table.columns if c.id == previous.columns[0])
            sibling = self._unit_sibling(table, column, padded, want)
            if sibling.id != column.id and not self._column_by_words(table, padded):
                return TableQuery(table.id, "value", tuple(one), (sibling.id,))
        return None

    def _of_shown(
        self, previous: TableQuery | None, padded: str, years: list[int], hint: str | None
    ) -> TableQuery | None:
        """'Og hvor mange barn var det der?' after a ranking: a figure of the rows its answer
        named (the column the follow-up names, or the count or share beside the one ranked),
        never a new ranking by the other column."""
        if previous is None or not previous.shown or not self.has(padded, "those_shown"):
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or self.rows_in(table, padded) or self.group_in(table, padded):
            return None
        # (a question for rows of a kind, 'hvor mange fylker er det?', asks no figure of them)
        operations: tuple[str, ...] = ("highest", "lowest", "sum", "difference", "position")
        operations += ("same", "than", "which", "document")
        if any(self.has(padded, w) for w in operations):
            return None
        if self._asks_rows(padded, "county_places") or self._asks_rows(
            padded, "municipality_places"
        ):
            return None
        if any(c.unit == "kr" for c in table.columns):
            dated = [c.id for c in table.columns if c.year in years and not c.sum_of]
            columns = tuple(dated) or previous.columns
        else:
            # (the column named by the question's own words: 'hvor mange personer var det?'
            # names no column by 'personer', whatever the understanding guessed from it)
            hinted = next((c for c in table.columns if c.id == hint), None)
            unsaid = self._column_by_words(table, _padded(self._unfigured(padded))) is None
            if hinted is not None and unsaid and self._unfigured(padded) != padded:
                hinted = None
            named = hinted or self._column_by_words(
                table, _padded(self._unfigured(padded)), least=COLUMN_SCORE / 2
            )
            base = named or next((c for c in table.columns if c.id in previous.columns[:1]), None)
            if base is None:
                return None
            columns = (self._unit_sibling(table, base, padded).id,)
        rows = previous.shown
        op: Op = "value" if len(rows) == 1 and len(columns) == 1 else "list"
        return TableQuery(table.id, op, rows, columns)

    def _against_previous(
        self, previous: TableQuery | None, padded: str, years: list[int]
    ) -> TableQuery | None:
        """'Hvor mye var det mer enn summen for 2016+2017?' after one figure: that figure
        against another column of the same row, named by its year or heading."""
        if previous is None or previous.op != "value":
            return None
        if len(previous.rows) != 1 or len(previous.columns) != 1:
            return None
        # ('hvor stor nedgang er det fra 2018?': the year the change is from, before the figure)
        # (one year only, and no ranking: 'hvem av de to hadde størst nedgang fra 2018 til
        # 2019?' ranks the rows asked)
        ranks = self.has(padded, "highest") or self.has(padded, "lowest")
        since = self.has(padded, "from_year") and not self.has(padded, "than")
        since = since and len(years) == 1 and not ranks
        if not (self.comparing(padded) and (self.has(padded, "than") or since)):
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or not all(c.unit == "kr" for c in table.columns):
            return None
        if self.rows_in(table, padded) or self.group_in(table, padded):
            return None  # 'mer enn Arendal' compares rows
        columns, _ = self._columns(table, padded, years, None, framework=True)
        ids = [c.id for c in columns if c.id != previous.columns[0]]
        if len(ids) > 1:
            whole = [c.id for c in table.columns if c.sum_of and set(c.sum_of) == set(ids)]
            ids = whole[:1]
        if len(ids) != 1:
            return None
        if since:
            return TableQuery(table.id, "difference", previous.rows, (ids[0], previous.columns[0]))
        return TableQuery(table.id, "difference", previous.rows, (previous.columns[0], ids[0]))

    def _beside_previous(
        self, previous: TableQuery | None, padded: str, years: list[int]
    ) -> TableQuery | None:
        """'Hvordan står det i forhold til landet?' after one place's figure: that figure
        against the same column of the one other row named, when no column is named."""
        if previous is None or previous.op != "value" or years:
            return None
        if len(previous.rows) != 1 or len(previous.columns) != 1:
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or not self.has(padded, "difference") or self.has(padded, "than"):
            return None
        named = [k for k in self.rows_in(table, padded) if k != previous.rows[0]]
        if len(named) != 1 or self.group_in(table, padded):
            return None
        if self._column_by_words(table, padded) is not None:
            return None
        rows = (previous.rows[0], named[0])
        return TableQuery(table.id, "difference", rows, previous.columns, before_rows=rows[:1])

    def _share_of_country(self, previous: TableQuery | None, padded: str) -> TableQuery | None:
        """'Og hvor stor andel av landet er det?' after one place's count (or the sum of some
        places' counts): that count over the whole country's in the same column."""
        if previous is None or previous.op not in ("value", "sum") or not previous.rows:
            return None
        if previous.op == "value" and len(previous.rows) != 1:
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or len(previous.columns) != 1:
            return None
        if not (self.has(padded, "share") and self.has(padded, "national")):
            return None
        counted = next((c for c in table.columns if c.id == previous.columns[0]), None)
        national = [r.key for r in table.rows if not (r.municipality or r.county or r.sum_of_rows)]
        if counted is None or counted.unit != "antall" or len(national) != 1:
            return None
        if national[0] in previous.rows:
            return None
        named = [k for k in self.rows_in(table, padded) if k != national[0]]
        column = self._column_by_words(table, padded)
        if len(named) > 1 or (column is not None and column.id != counted.id):
            return None  # other places or another column asked
        # 'hvor stor andel av hele landet utgjør Oslo?' after Oslo's and Rogaland's counts:
        # the place named over the country
        rows = (named[0], national[0]) if named else (*previous.rows, national[0])
        return TableQuery(table.id, "portion", rows, previous.columns)

    def _share_of_group(self, previous: TableQuery | None, padded: str) -> TableQuery | None:
        """'Hvor stor andel av Lister-summen er det?' after one place's figure or sum of
        years: that figure over the sum of the region's rows in the same columns."""
        if previous is None or previous.op not in ("value", "sum") or len(previous.rows) != 1:
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or not self.has(padded, "share"):
            return None
        if any(c.unit != "kr" for c in table.columns if c.id in previous.columns):
            return None
        group = self.group_in(table, padded)
        row = previous.rows[0]
        named = [k for k in self.rows_in(table, padded) if k not in group]
        if row not in group or named:
            return None  # another place asked, or a region the place is not in
        members = (row, *[k for k in group if k != row])
        name = self.group_named(padded) or ""
        return TableQuery(table.id, "portion", members, previous.columns, split=1, group=name)

    def _same_as_previous(self, previous: TableQuery | None, padded: str) -> TableQuery | None:
        """'Hvilket annet fylke har samme andel?' after one place's figure: the other rows
        with that figure in the same column (the count or share beside it when the other
        unit is asked)."""
        if previous is None or previous.op != "value" or len(previous.rows) != 1:
            return None
        if len(previous.columns) != 1 or not self.has(padded, "same"):
            return None
        table = self.kb.tables.get(previous.table)
        if table is None or any(c.unit == "kr" for c in table.columns):
            return None
        if self.rows_in(table, padded) or self.group_in(table, padded):
            return None
        named = self._column_by_words(table, padded)
        column = self._unit_sibling(table, _column(table, previous.columns[0]), padded)
        if named is not None and named.id != column.id:
            return None  # another column asked
        value = _row(table, previous.rows[0]).values.get(column.id)
        if value is None:
            return None
        return TableQuery(
            table.id,
            "filter",
            (),
            (column.id,),
            bound=_value(value),
            compare="==",
            reference=previous.rows[0],
        )

    def _one_of_two(
        self, previous: TableQuery | None, padded: str, years: list[int]
    ) -> TableQuery | None:
        """'Og hvor mange flere var det i Oslo?' after two rows added or listed: the row named
        against the other one, in the same column."""
        if previous is None or previous.op not in ("sum", "list", "value"):
            return None
        rows = _asked(previous)[-2:] if previous.op == "value" else previous.rows
        if len(rows) != 2 or len(previous.columns) != 1:
            return None
        if not self.has(padded, "how_much_more") or self.has(padded, "than"):
            return None
        if any(self.has(padded, w) for w in ("sum", "highest", "lowest", "share", "premise")):
            return None
        table = self.kb.tables.get(previous.table)
        if table is None:
            return None
        named = self.rows_in(table, padded)
        if len(named) != 1 or named[0] not in rows or self.group_in(table, padded):
            return None
        column = self._column_by_words(table, padded)
        own_years = [c.id for c in table.columns if c.year in years and not c.sum_of]
        if (column is not None and column.id not in previous.columns) or (
            own_years and own_years != list(previous.columns)
        ):
            return None  # another column asked: not the figures just shown
        other = next(k for k in rows if k != named[0])
        return TableQuery(table.id, "difference", (named[0], other), previous.columns)

    def _years_asked(
        self,
        table: Table,
        previous: TableQuery,
        padded: str,
        rows: list[str],
        columns: list[str],
    ) -> TableQuery | None:
        """'Hvor stor er forskjellen mellom de to årene for Grimstad?': the years asked in turn
        as one row's columns (the row named, else the last one asked), compared or summed."""
        if columns or not self.has(padded, "years_asked"):
            return None
        by_year = {c.id for c in table.columns if c.year is not None and not c.sum_of}
        asked: list[str] = []
        for cid in previous.before_columns + previous.columns:
            if cid in by_year and cid not in asked:
                asked.append(cid)
        if len(asked) < 2 or len(rows) > 1:
            return None
        one = tuple(rows) or previous.rows[-1:]
        if len(one) != 1:
            return None
        chosen = tuple(asked[-2:])
        if self.comparing(padded):
            return TableQuery(table.id, "difference", one, chosen)
        op: Op = "sum" if self.has(padded, "sum") else "list"
        return TableQuery(table.id, op, one, chosen)

    def _prognosis_elsewhere(
        self,
        table: Table,
        previous: TableQuery,
        padded: str,
        years: list[int],
        rows: list[str],
    ) -> TableQuery | None:
        """'Og hvor mye var prognosen for 2018?' after a table that holds 2018 as a fact: the
        prognosis of the same places in the table that prints one for those years (their
        printed sum where one adds exactly them), else None."""
        if not years or not self.has(padded, "prognosis") or self.has(padded, "without_prognosis"):
            return None
        own = [c for c in table.columns if c.year in years and not c.sum_of]
        if not own or any(c.status == "prognose" for c in own):
            return None
        places = [_row(table, k).municipality for k in (tuple(rows) or previous.rows)]
        if not places or None in places:
            return None
        for other in self.tables:
            columns = [
                c.id
                for c in other.columns
                if c.year in years and c.status == "prognose" and not c.sum_of
            ]
            by_place = {r.municipality: r.key for r in data_rows(other) if r.municipality}
            if other.id == table.id or len(columns) != len(set(years)):
                continue
            if not all(p in by_place for p in places):
                continue
            keys = tuple(by_place[p] for p in places if p is not None)
            printed = [
                r.key for r in other.rows if r.sum_of_rows and set(r.sum_of_rows) == set(keys)
            ]
            target = tuple(printed[:1]) or keys
            op: Op = "value" if len(target) == 1 and len(columns) == 1 else "sum"
            return TableQuery(other.id, op, target, tuple(columns))
        return None

    def _follow_up(self, previous: TableQuery, padded: str, years: list[int]) -> TableQuery | None:
        """A short follow-up changes one part of the previous query ('til sammen?', 'og 2019?')."""
        table = self.kb.tables.get(previous.table)
        if table is None:
            return None
        rows = self.rows_in(table, padded)
        elsewhere = self._prognosis_elsewhere(table, previous, padded, years, rows)
        if elsewhere is not None:
            return elsewhere
        columns = [c.id for c in table.columns if c.year in years and not c.sum_of]
        if len(columns) > 1 and not all(c.unit == "kr" for c in table.columns):
            columns = []  # a year of several statistics columns names none of them
        by_years = self._years_asked(table, previous, padded, rows, columns)
        if by_years is not None:
            return by_years
        found = previous.before_rows[-1:] + previous.shown
        if (
            previous.op == "rank"
            and not rows
            and len(previous.shown) == 1
            and len(found) == 2
            and len(previous.columns) == 1
            and self.comparing(padded)
            and not (self.has(padded, "highest") or self.has(padded, "lowest"))
        ):
            # 'hva er forskjellen mellom dem?' after the highest and the lowest: the two found
            return TableQuery(table.id, "difference", found, previous.columns)
        ranked = self._ranked_follow_up(table, previous, padded, rows, columns)
        if ranked is not None:
            return _remember(ranked, previous)
        ranks = self.has(padded, "highest") or self.has(padded, "lowest")
        operates = self.comparing(padded) or self.has(padded, "sum")
        if previous.op == "rank" and rows and not (columns or ranks or operates or previous.across):
            # 'hva er landstallet?' after a ranking: the figures of the row named, not a
            # ranking of it (a count and its share ranked in turn both)
            pair = self._asked_pair(table, previous) or previous.columns
            op: Op = "value" if len(rows) == 1 and len(pair) == 1 else "list"
            looked_up = TableQuery(table.id, op, tuple(rows), pair)
            return _remember(looked_up, replace(previous, columns=pair))
        if not rows and not columns and not any(c.unit == "kr" for c in table.columns):
            # 'og hvor mange KVP-deltakere hadde fylket?': another column of the same rows
            column = self._column_by_words(table, padded, least=COLUMN_SCORE / 2)
            if column is not None and column.id not in previous.columns:
                columns = [self._unit_sibling(table, column, padded).id]
        if self.has(padded, "including") and self.has(padded, "sum"):
            # 'and its total including the 2020 forecast?': the printed sum, not the year
            kept = [y for y in years if not self._included(padded, y)]
            if kept != years:
                sums = [c.id for c in table.columns if c.sum_of]
                columns = [c.id for c in table.columns if c.year in kept and not c.sum_of]
                columns += sums[:1]
        query = _remember(
            replace(
                previous,
                rows=tuple(rows) or previous.rows,
                columns=tuple(columns) or previous.columns,
            ),
            previous,
        )
        if previous.op == "rows" and columns:
            # 'og hva fikk kommunen i 2017?' after its number: the figures of the rows named
            several = len(query.rows) > 1 or len(columns) > 1
            query = replace(query, op="list" if several else "value", numbered=False)
        if not rows and not columns:
            # 'til sammen?' after 'Oslo?' and 'og Akershus?': the rows asked about in turn
            if len(query.rows) == 1 and query.before_rows:
                query = replace(query, rows=query.before_rows + query.rows)
            elif len(query.columns) == 1 and query.before_columns:
                query = replace(query, columns=query.before_columns + query.columns)
        comparing = self.comparing(padded)
        operating = comparing or self.has(padded, "sum")
        each = not (rows or operating) and self.has(padded, "those_asked")
        if each and len(query.rows) == 1 and query.before_rows:
            # 'hvilken andel utgjør det i hvert av de to fylkene?': the rows asked in turn,
            # side by side
            many = self.top_in(padded)
            asked = _asked(previous)
            chosen = asked[-many:] if many > 1 else asked
            return replace(query, op="list", rows=chosen)
        if (
            operating
            and len(query.rows) == 1
            and query.before_rows
            and (not rows or len(query.before_rows) == 1)
        ):
            # 'hva fikk de to til sammen i 2017?', 'hvor mye mer fikk Mandal?' after two rows;
            # 'de tre … til sammen' takes the last three asked, 'de to' the last two
            many = self.top_in(padded)
            earlier = query.before_rows[-1:] if comparing else query.before_rows
            if many > 1 and not comparing:
                earlier = query.before_rows[-(many - 1) :]
            query = replace(query, rows=earlier + query.rows)
            if rows:
                query = replace(query, rows=query.rows[::-1])
        units = {c.unit for c in table.columns if c.id in query.columns}
        if len(units) > 1 and (operating or self._unit_asked(padded)):
            # a count and its share shown side by side: 'hvor mange … til sammen?' adds or
            # compares the counts (a share is never added to a count), 'andelen?' the shares
            unit = self._unit_asked(padded) or "antall"
            same_unit = tuple(c for c in query.columns if _column(table, c).unit == unit)
            query = replace(query, columns=same_unit or query.columns)
        n = max(len(query.rows), len(query.columns))
        if self.has(padded, "sum") and n > 1 and not comparing:
            return replace(query, op="sum")
        if query.op == "value" and len(columns) > 1 and not comparing:
            return replace(query, op="sum")  # 'og for 2016+2017?'
        spans = [m for m in _DASH_SPAN.finditer(self.spans) if int(m[1]) < int(m[2])]
        if comparing and len(query.rows) == 2 and len(spans) == 1:
            # 'forskjellen mellom dem i 2016–2020': the two places' periods, not the span's ends
            first, last = int(spans[0][1]), int(spans[0][2])
            period = [c.id for c in table.columns if c.year and first <= c.year <= last]
            query = replace(query, columns=tuple(c for c in period if c not in self._sums(table)))
        if comparing and (n == 2 or len(query.rows) == 2):
            # two rows of several columns each: each row's columns added, one against the
            # other, by the printed sum where the columns are exactly its parts
            if len(query.rows) == 2 and len(query.columns) > 1:
                whole = [
                    c.id for c in table.columns if c.sum_of and set(c.sum_of) == set(query.columns)
                ]
                if whole:
                    return replace(query, op="difference", columns=tuple(whole[:1]), split=0)
                return replace(query, op="difference", split=1)
            return replace(query, op="difference", split=0)
        if n == 1 and query.op in ("sum", "difference", "list"):
            query = replace(query, op="value")
        if rows or columns:
            return query
        return None


def _asked(previous: TableQuery) -> tuple[str, ...]:
    """The rows asked about in turn up to the previous question, without repeats."""
    out: list[str] = []
    for key in previous.before_rows + previous.rows:
        if key not in out:
            out.append(key)
    return tuple(out)


def _remember(query: TableQuery, previous: TableQuery) -> TableQuery:
    """Keep the rows or columns a follow-up replaced, for a later 'til sammen?'."""
    changed = query.rows != previous.rows
    before_rows = previous.before_rows + previous.rows if changed else previous.before_rows
    if previous.op == "rank" and not previous.rows and query.shown != previous.shown:
        # 'og minst?' after the highest: the row the ranking found is one asked about
        before_rows = previous.before_rows + previous.shown
    before_columns = (
        previous.columns if query.columns != previous.columns else previous.before_columns
    )
    return replace(
        query,
        before_rows=tuple(k for k in before_rows if k not in query.rows),
        before_columns=tuple(k for k in before_columns if k not in query.columns),
    )


def _column(table: Table, cid: str) -> Column:
    return next(c for c in table.columns if c.id == cid)


def _row(table: Table, key: str) -> Row:
    return next(r for r in table.rows if r.key == key)
