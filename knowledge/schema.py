"""Pydantic v2 models for the YAML knowledge sources.

Every YAML file under a sources folder is one ``SourceFile``: a mapping whose
top-level keys name what it holds (``scheme``, ``sources``, ``offices``,
``municipalities``, ``tables``, ``faq``). Every model forbids unknown fields,
so a misspelt key is an error that names the file, the entry and the field.

Every human-readable Norwegian text has an optional English sibling named with
an ``_en`` suffix (``text`` and ``text_en``, ``conditions`` and ``conditions_en``).
The English is optional, since an edit made from Telegram may have none yet; when
given, it needs its Norwegian text, and a list needs one English text per
Norwegian one.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from knowledge.text import ASCII_FOLD

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=SLUG)]
Kroner = Annotated[int, Field(ge=0)]

EN_SUFFIX = "_en"


def _norwegian_of(info: ValidationInfo) -> tuple[str, Any, bool]:
    """Return the Norwegian sibling of an English field: name, value, and whether it validated."""
    name = str(info.field_name).removesuffix(EN_SUFFIX)
    return name, info.data.get(name), name in info.data


def _english_text(value: str | None, info: ValidationInfo) -> str | None:
    """Refuse an English text whose Norwegian text is missing."""
    name, norwegian, valid = _norwegian_of(info)
    if value is not None and valid and not norwegian:
        raise ValueError(f"{info.field_name} is given but {name} is empty: give {name} as well")
    return value


def _english_texts(value: list[str] | None, info: ValidationInfo) -> list[str] | None:
    """Require one English text per Norwegian text, in the same order."""
    name, norwegian, valid = _norwegian_of(info)
    count = len(norwegian or [])
    if value is not None and valid and len(value) != count:
        raise ValueError(
            f"{info.field_name} has {len(value)} English text(s) but {name} has {count}: "
            "give one English text for each Norwegian one, in the same order"
        )
    return value


#: The English counterpart of a Norwegian text field; declare it right after that field.
English = Annotated[str | None, Field(min_length=1), AfterValidator(_english_text)]
#: The English counterparts of a Norwegian list of texts; declare it right after that list.
EnglishList = Annotated[
    list[Annotated[str, Field(min_length=1)]] | None, AfterValidator(_english_texts)
]


class Model(BaseModel):
    """Base for every knowledge model: strict keys, frozen values."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class YearRange(Model):
    """Inclusive calendar-year range; ``last`` None means open-ended."""

    first: int = Field(ge=1990, le=2100)
    last: int | None = Field(default=None, ge=1990, le=2100)

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, value: Any) -> Any:
        """Accept 2021, "2021", "2016-2020" and "2022-" as well as a mapping."""
        if isinstance(value, int):
            return {"first": value, "last": value}
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{4})\s*(?:(-|–)\s*(\d{4})?)?\s*", value)
            if not match:
                raise ValueError(f"year range must look like 2021, 2016-2020 or 2022-: {value!r}")
            first = int(match.group(1))
            if match.group(2) is None:
                return {"first": first, "last": first}
            return {"first": first, "last": int(match.group(3)) if match.group(3) else None}
        return value

    @model_validator(mode="after")
    def _ordered(self) -> YearRange:
        """Reject a range that ends before it starts."""
        if self.last is not None and self.last < self.first:
            raise ValueError(f"year range ends ({self.last}) before it starts ({self.first})")
        return self

    def contains(self, year: int) -> bool:
        """Tell whether the range covers a calendar year."""
        return self.first <= year and (self.last is None or year <= self.last)

    def label(self) -> str:
        """Render as 2021, 2016–2020 or 2022–."""
        if self.last == self.first:
            return str(self.first)
        return f"{self.first}–{self.last if self.last is not None else ''}"


class Sourced(Model):
    """A fact with provenance: the source document and, where it differs, the office."""

    source: str = Field(description="file name of the source document (see sources.yaml)")
    office: Slug | None = Field(default=None, description="issuing office, default the source's")


# --- sources and offices ----------------------------------------------------------------------


class SourceDoc(Model):
    """One source document in ../shared/seeds, or a day of admin edits (kind "admin")."""

    file: str
    title: str
    title_en: English = None
    office: Slug
    date: dt.date | None = None
    date_text: str = Field(
        description="the date as a person should read it, e.g. '10. januar 2020'"
    )
    date_text_en: English = Field(default=None, description="e.g. '10 January 2020'")
    kind: Literal["slides", "announcement", "admin"]  # admin: an edit made from Telegram


class Contact(Sourced):
    """A named person or mailbox at an office."""

    name: str | None = None
    name_en: English = Field(
        default=None, description="only for a mailbox or function, not a person"
    )
    role: str | None = None
    role_en: English = None
    email: str | None = None
    phone: str | None = None
    web: str | None = None
    note: str | None = None
    note_en: English = None


class Office(Model):
    """A county governor's office, a directorate or a national body."""

    id: Slug
    name: str
    name_en: English = Field(
        default=None,
        description="e.g. 'the County Governor of Innlandet (Statsforvalteren i Innlandet)'",
    )
    aliases: list[str] = []
    kind: Literal["statsforvalter", "direktorat", "nasjonal", "ukjent"]
    contacts: list[Contact] = []


# --- municipalities ---------------------------------------------------------------------------


class Municipality(Sourced):
    """A municipality as numbered in the sources (numbers before the 2020 reform)."""

    number: Annotated[str, Field(pattern=r"^\d{4}$")]
    name: str
    county: str
    county_number: Annotated[str, Field(pattern=r"^\d{2}$")]
    region: str | None = None


# --- schemes ----------------------------------------------------------------------------------


class Topic(StrEnum):
    """What a scheme fact is about."""

    PURPOSE = "purpose"
    TARGET_GROUP = "target_group"
    WHO_MAY_APPLY = "who_may_apply"
    FUNDS = "funds"
    NOT_FUNDED = "not_funded"
    PRIORITIES = "priorities"
    REPORTING = "reporting"
    AUDIT = "audit"
    STATUS = "status"
    APPLY_HOW = "apply_how"
    APPEAL = "appeal"
    OWN_SHARE = "own_share"
    DURATION = "duration"
    ADMINISTRATION = "administration"
    NOTE = "note"


class Fact(Sourced):
    """One statement about a scheme, valid for some years."""

    topic: Topic
    years: YearRange
    text: str
    text_en: English = None
    tentative: bool = False
    new_max_years: int | None = Field(
        default=None, ge=1, le=10, description="the most grant years for a new project or team"
    )


class Budget(Sourced):
    """Budget chapter and post of a scheme in some years."""

    chapter: Annotated[str, Field(pattern=r"^\d{3,4}$")]
    post: Annotated[str, Field(pattern=r"^\d{2}$")]
    ministry: str | None = None
    ministry_en: English = None
    years: YearRange


class Appropriation(Sourced):
    """Money set aside for a scheme in one year, nationally or for one office."""

    year: int = Field(ge=1990, le=2100)
    amount: Kroner
    scope: Literal["nasjonal", "fylke"]
    approximate: bool = False
    prognosis: bool = False
    text: str = Field(description="the figure as the source prints it")
    text_en: English = None


class DeadlineKind(StrEnum):
    """What a deadline is for."""

    APPLICATION = "application"
    REPORT = "report"
    ACCOUNTS = "accounts"


class Deadline(Sourced):
    """A deadline: a date, or the words the source gives instead, perhaps tentative."""

    year: int = Field(ge=1990, le=2100)
    kind: DeadlineKind
    date: dt.date | None = None
    text: str | None = Field(default=None, description="e.g. 'Vår', 'Løpende', 'April'")
    text_en: English = Field(default=None, description="e.g. 'Spring', 'Ongoing/rolling'")
    unknown: bool = False
    tentative: bool = False
    raw: str = Field(description="the deadline exactly as printed, e.g. '31.3.22 ??????'")
    covers_year: int | None = Field(
        default=None, ge=1990, le=2100, description="grant year a report/accounts deadline is for"
    )
    note: str | None = None
    note_en: English = None

    @field_validator("date")
    @classmethod
    def _date_in_year(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        """Require the date to fall in the deadline's year (or the next, for reports)."""
        year = info.data.get("year")
        if value is not None and year is not None and value.year not in (year, year + 1):
            raise ValueError(f"date {value} does not belong to year {year}")
        return value

    @model_validator(mode="after")
    def _one_form(self) -> Deadline:
        """Require exactly one of a date, a text or the unknown flag."""
        forms = [self.date is not None, self.text is not None, self.unknown]
        if sum(forms) != 1:
            raise ValueError("a deadline needs exactly one of: date, text, unknown: true")
        return self


class LadderStep(Model):
    """One grant year of a rate ladder."""

    grant_year: int = Field(ge=1, le=10)
    amount: Kroner
    competence: Kroner = Field(default=0, description="part of amount earmarked for competence")


class LadderRule(Sourced):
    """Amount per position (årsverk) that depends on the grant year."""

    kind: Literal["ladder"]
    id: Slug
    years: YearRange
    unit: Literal["årsverk"]
    steps: list[LadderStep] = Field(min_length=1)
    text: str
    text_en: English = None

    @model_validator(mode="after")
    def _consecutive(self) -> LadderRule:
        """Require grant years 1..n, in order, with competence within the amount."""
        numbers = [step.grant_year for step in self.steps]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"steps must be grant years 1..{len(numbers)} in order: {numbers}")
        for step in self.steps:
            if step.competence > step.amount:
                raise ValueError(f"grant year {step.grant_year}: competence exceeds amount")
        return self


class FlatRule(Sourced):
    """A fixed amount per position for each calendar year in range."""

    kind: Literal["flat"]
    id: Slug
    years: YearRange
    unit: Literal["stilling", "årsverk"]
    amount: Kroner
    conditions: list[str] = []
    conditions_en: EnglishList = None
    text: str
    text_en: English = None


class SameAsRule(Sourced):
    """Calendar years computed by another rule ("beregnes som tidligere")."""

    kind: Literal["same_as"]
    id: Slug
    years: YearRange
    rule: Slug
    conditions: list[str] = []
    conditions_en: EnglishList = None
    text: str
    text_en: English = None


class CapRule(Sourced):
    """Upper limits, not a ladder: per full position and per measure."""

    kind: Literal["cap"]
    id: Slug
    years: YearRange
    per_position: Kroner = Field(description="cap per 100 % position")
    position_covers: str
    position_covers_en: English = None
    per_measure: Kroner = Field(description="cap per measure (tiltak) for competence")
    measure_covers: str
    measure_covers_en: English = None
    usual_years: int = Field(ge=1)
    max_years: int = Field(ge=1)
    text: str
    text_en: English = None


class TextRule(Sourced):
    """A rule the sources state only in words (e.g. transition rules)."""

    kind: Literal["text"]
    id: Slug
    years: YearRange
    text: str
    text_en: English = None


Rule = Annotated[
    LadderRule | FlatRule | SameAsRule | CapRule | TextRule, Field(discriminator="kind")
]


class SchemeNames(Model):
    """Official name and every other way people refer to a scheme."""

    official: str
    short: str
    nynorsk: list[str] = []
    english: list[str] = []
    aliases: list[str] = []

    def all(self) -> list[str]:
        """Return every name, official name first."""
        return [self.official, self.short, *self.nynorsk, *self.english, *self.aliases]


class LaterYearsKind(StrEnum):
    """What a source says about a scheme's years after it."""

    WIND_DOWN = "wind_down"  # the scheme is being wound down ("avvikles", "nedtrapping")
    REPLACED = "replaced"  # a new scheme takes its place ("ny tilskuddsordning")
    RESERVATION = "reservation"  # the rules are to change ("med forbehold – endringer kommer")


class LaterYears(Sourced):
    """What a source itself says about the years after it: a wind-down, a successor, a caveat.

    ``years`` are the years the statement speaks of; ``last_grant_year`` is the last year the
    sources describe a grant for, when they describe an end (after it, there is none).
    """

    kind: LaterYearsKind
    years: YearRange
    last_grant_year: int | None = Field(default=None, ge=1990, le=2100)
    text: str
    text_en: English = None

    @model_validator(mode="after")
    def _end_in_range(self) -> LaterYears:
        """Require the last grant year to lie within the years the statement speaks of."""
        if self.last_grant_year is not None and not self.years.contains(self.last_grant_year):
            raise ValueError(
                f"last_grant_year {self.last_grant_year} lies outside years {self.years.label()}"
            )
        return self


class Scheme(Model):
    """A grant scheme (or the framework plan) with its facts by year."""

    id: Slug
    kind: Literal["tilskudd", "rammeoverføring"] = "tilskudd"
    names: SchemeNames
    administered_by: list[str] = []
    administered_by_en: EnglishList = None
    related: list[Slug] = []
    budget: list[Budget] = []
    facts: list[Fact] = []
    appropriations: list[Appropriation] = []
    deadlines: list[Deadline] = []
    rules: list[Rule] = []
    later_years: list[LaterYears] = Field(
        default=[], description="what the sources say about the years after them"
    )


# --- FAQ --------------------------------------------------------------------------------------


class FaqEntry(Sourced):
    """A question the sources answer, with the answer as the source gives it."""

    id: Slug
    scheme: Slug | None = None
    years: YearRange
    question: str
    question_en: English = None
    answer: str
    answer_en: English = None
    aliases: list[str] = []


# --- tables -----------------------------------------------------------------------------------

Number = Decimal | int


class Column(Model):
    """A table column; a printed sum names the columns it adds up."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9_]+$")]
    label: str
    label_en: English = None
    definition: str
    definition_en: English = None
    unit: Literal["kr", "antall", "prosent"]
    year: int | None = None
    status: Literal["faktisk", "prognose"] | None = None
    sum_of: list[str] = []


class Row(Model):
    """A table row: a municipality, a county or a printed total."""

    key: str
    label: str
    label_en: English = Field(default=None, description="only where the label is not a name")
    municipality: str | None = None
    county: str | None = None
    sum_of_rows: list[str] = []
    values: dict[str, Number]


class Discrepancy(Model):
    """A printed sum that differs from the sum of its parts (source rounding)."""

    row: str
    column: str
    printed: int
    computed: int
    note: str
    note_en: English = None


class Total(Model):
    """A figure printed under a table without a stated derivation."""

    label: str
    label_en: English = None
    value: Kroner
    note: str | None = None
    note_en: English = None


class Table(Sourced):
    """A table transcribed from a source, figures exactly as printed."""

    id: Slug
    title: str
    title_en: English = None
    description: str
    description_en: English = None
    years: YearRange
    columns: list[Column] = Field(min_length=1)
    rows: list[Row] = Field(min_length=1)
    discrepancies: list[Discrepancy] = []
    totals: list[Total] = []
    notes: list[str] = []
    notes_en: EnglishList = None

    @model_validator(mode="after")
    def _consistent(self) -> Table:
        """Require every row value and sum reference to name a known column or row."""
        columns = {c.id for c in self.columns}
        rows = {r.key for r in self.rows}
        for column in self.columns:
            unknown = set(column.sum_of) - columns
            if unknown:
                raise ValueError(f"column {column.id}: sum_of names unknown {sorted(unknown)}")
        for row in self.rows:
            unknown = set(row.values) - columns
            if unknown:
                raise ValueError(f"row {row.key}: values for unknown columns {sorted(unknown)}")
            missing_rows = set(row.sum_of_rows) - rows
            if missing_rows:
                raise ValueError(f"row {row.key}: sum_of_rows names {sorted(missing_rows)}")
        for item in self.discrepancies:
            if item.row not in rows or item.column not in columns:
                raise ValueError(f"discrepancy names unknown row/column {item.row}/{item.column}")
        return self


# --- a source file ----------------------------------------------------------------------------


class TableLanguage(Model):
    """Words that say what to do with a table's figures, in bokmål, nynorsk and English.

    Each list holds folded phrases (lower case, æøå as written); a phrase may belong to one
    list only, so a question's words never point two ways.
    """

    sum: list[str] = Field(min_length=1)
    difference: list[str] = Field(min_length=1)
    more: list[str] = Field(min_length=1)
    less: list[str] = Field(min_length=1)
    than: list[str] = Field(min_length=1)
    highest: list[str] = Field(min_length=1)
    lowest: list[str] = Field(min_length=1)
    which: list[str] = Field(min_length=1)
    share: list[str] = Field(min_length=1)
    count: list[str] = Field(min_length=1)
    without_prognosis: list[str] = Field(min_length=1)
    # a year said to be left out ('når 2020 holdes utenfor'): it names no column to add
    left_out: list[str] = Field(default_factory=list)
    including: list[str] = Field(min_length=1)
    prognosis: list[str] = Field(min_length=1)
    actual: list[str] = []
    last_year: list[str] = Field(min_length=1)
    this_year: list[str] = Field(min_length=1)
    national: list[str] = Field(min_length=1)
    premise: list[str] = Field(min_length=1)
    range_to: list[str] = Field(min_length=1)
    # 'til og med', 'through': a span (beside range_to) that takes every year in it, even where the
    # question compares ('hvor mye økte rammen 2016 til og med 2019?' adds 2016–2019)
    range_through: list[str] = Field(default_factory=list)
    framework: list[str] = Field(min_length=1)
    # 'nest størst', 'second-largest': a ranking down to the second place
    second: list[str] = Field(default_factory=list)
    # 'flest etter Oslo', 'largest after Arendal': a ranking's next place after a named row
    after_row: list[str] = Field(default_factory=list)
    # 'og hvilke to fulgte etter?', 'and the next two': places counted on after the first ones
    next_places: list[str] = Field(default_factory=list)
    # 'neste år': the year after today's
    next_year: list[str] = Field(default_factory=list)
    # the word before the first of two years that asks for the change between them
    # ("størst økning fra 2017 til 2018")
    from_year: list[str] = Field(default_factory=list)
    # a ranking of one row's columns ("kva år fekk Gjerstad størst auke?")
    which_year: list[str] = Field(default_factory=list)
    # a column's date asked ('hvilken dato gjelder KVP-tallene?'): answered with the year or
    # date its heading gives, like 'which_year' when no row is named
    which_date: list[str] = Field(default_factory=list)
    # words just before a share or count word that deny it ('i antall, ikke andel'): the
    # denied word is no word of the question
    denied: list[str] = Field(default_factory=list)
    # words just before a figure that make it a bound ('over 1 million', 'minst 70 %')
    above: list[str] = Field(default_factory=list)
    at_least: list[str] = Field(default_factory=list)
    below: list[str] = Field(default_factory=list)
    at_most: list[str] = Field(default_factory=list)
    # words just after a figure (and its unit) that make it a bound ('1,2 % eller mer', '70 %
    # or less')
    at_least_after: list[str] = Field(default_factory=list)
    at_most_after: list[str] = Field(default_factory=list)
    # words just after a figure that multiply it ('1 million', '2,5 mill.')
    million: list[str] = Field(default_factory=list)
    # words for the rows themselves: a figure just before them counts places ('alle 15 kommunene')
    places: list[str] = Field(default_factory=list)
    # an average asked for ('gjennomsnittlig økning per kommune'): only one row's average per
    # year is computed ('gjennomsnittlig årlig økning for Grimstad'), no other
    average: list[str] = Field(default_factory=list)
    # one figure as a number of times another ('hvor mange ganger større er A enn B?')
    times: list[str] = Field(default_factory=list)
    # the same words by the kind of row they ask for ('hvilke kommuner …', 'hvor mange fylker …')
    municipality_places: list[str] = Field(default_factory=list)
    county_places: list[str] = Field(default_factory=list)
    # a row's place among the others ("how does it rank?", "hvilken plass har Troms?")
    position: list[str] = Field(default_factory=list)
    # the rows just asked about in turn ("hvem av de to …?", "which of them …?")
    those_asked: list[str] = Field(default_factory=list)
    # the years just asked about in turn ("forskjellen mellom de to årene", "both years")
    years_asked: list[str] = Field(default_factory=list)
    # rows with the same figure ("which two counties had the same number …?")
    same: list[str] = Field(default_factory=list)
    # a source document by its year ("i 2018-presentasjonen", "the 2020 slides")
    document: list[str] = Field(default_factory=list)
    # rows counted by the columns they hold the lowest or highest figure in
    most_columns: list[str] = Field(default_factory=list)
    # the word before the first of two things compared ("forskjellen mellom A og B")
    between: list[str] = Field(default_factory=list)
    # how far one figure is above or below another, asked as an amount ("hvor mange flere",
    # "how much more"), not a verb of change ("hvor mye økte")
    how_much_more: list[str] = Field(default_factory=list)
    # a difference of two shares asked in points ("hvor mange prosentpoeng høyere")
    percentage_points: list[str] = Field(default_factory=list)
    # a change asked in per cent of the first figure ("hvor mange prosent ble den redusert")
    per_cent_change: list[str] = Field(default_factory=list)
    # a municipality's number asked beside its figure ("hva er kommunenummeret til …")
    municipality_number: list[str] = Field(default_factory=list)
    # the highest figure minus the lowest ("spennet", "the range between the highest and …")
    spread: list[str] = Field(default_factory=list)
    # every year of a table ("over hele perioden", "over the whole period"): its printed sum
    whole_period: list[str] = Field(default_factory=list)
    # the rows a ranking's answer just named ("hvor mange var det der?", "in that county")
    those_shown: list[str] = Field(default_factory=list)
    # the rest beside a place named ('resten av landet utenom Innlandet', 'outside Agder')
    outside: list[str] = Field(default_factory=list)
    # a question that starts with its verb asks whether something holds ('Har Oslo den
    # høyeste andelen …?', 'Did Troms have the fewest …?'): a claim the answer says yes or no to
    whether: list[str] = Field(default_factory=list)
    # the figure in question said without its heading ('i hvilket fylke var tallet lavest?'):
    # a word of the question about the table, not of something else
    the_figure: list[str] = Field(default_factory=list)
    numbers: dict[str, Annotated[int, Field(ge=1, le=50)]] = Field(min_length=1)
    # a place in a ranking by its ordinal ("femte", "fifth"): the ranking down to it
    ordinals: dict[str, Annotated[int, Field(ge=1, le=50)]] = Field(default_factory=dict)
    # short forms written in quick questions, read as their long forms ("u18", "sos.hjelp")
    short_forms: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_meaning(self) -> TableLanguage:
        """Refuse a phrase claimed by two operation lists."""
        seen: dict[str, str] = {}
        for name, value in self:
            if not isinstance(value, list):
                continue
            for phrase in value:
                if phrase in seen and seen[phrase] != name:
                    raise ValueError(f"{phrase!r} is in both {seen[phrase]} and {name}")
                seen[phrase] = name
        return self


class ContactLanguage(Model):
    """Words that ask for one kind of contact detail, or for a person by an office title."""

    phone: list[str] = Field(min_length=1)
    email: list[str] = Field(min_length=1)
    titles: list[str] = Field(min_length=1)
    # titles of people the sources mention only by title ('fra helseministeren', 'ifølge
    # statsråden'): who held one is a name the sources do not give
    roles: list[str] = []


class OfficeLanguage(Model):
    """The titles and regions a county governor's office is named by ('Statsforvalteren i X')."""

    titles: list[str] = Field(min_length=1)
    regions: list[str] = Field(min_length=1)


#: Every intent the understanding can choose; each has its answer family in bot.answers.
Intent = Literal[
    "amount",
    "total",
    "own_share",
    "deadline",
    "next_deadline",
    "days_left",
    "who_may_apply",
    "funds",
    "not_funded",
    "priorities",
    "reporting",
    "audit",
    "appeal",
    "purpose",
    "appropriation",
    "budget",
    "contact",
    "apply_how",
    "framework",
    "framework_sum",
    "framework_ranking",
    "statistics",
    "list_schemes",
    "scheme_info",
    "status",
    "faq",
    "greeting",
    "help",
    "out_of_scope",
]


def _trigger(phrase: str) -> str:
    """Check a trigger phrase: lower case, single spaces, a trailing * for a word prefix."""
    core = phrase.removesuffix("*")
    if not core.strip() or core != " ".join(core.split()) or core != core.lower() or "*" in core:
        raise ValueError(f"{phrase!r} is not a trigger phrase (lower case, optional * at the end)")
    return phrase


class IntentLanguage(Model):
    """The trigger phrases of each intent with their weights, and phrases shared on purpose."""

    shared: list[Annotated[str, AfterValidator(_trigger)]] = []
    triggers: dict[
        Intent,
        dict[Annotated[str, AfterValidator(_trigger)], Annotated[float, Field(gt=0, le=2)]],
    ] = Field(min_length=1)

    @field_validator("triggers")
    @classmethod
    def _one_intent(
        cls, triggers: dict[str, dict[str, float]], info: ValidationInfo
    ) -> dict[str, dict[str, float]]:
        """Refuse a phrase two intents claim unless it is shared, and a share nobody uses."""
        shared = {phrase.translate(ASCII_FOLD) for phrase in info.data.get("shared", [])}
        claimed: dict[str, list[str]] = {}
        for intent, phrases in triggers.items():
            for phrase in phrases:
                claimed.setdefault(phrase.translate(ASCII_FOLD), []).append(intent)
        for phrase, intents in claimed.items():
            if len(intents) > 1 and phrase not in shared:
                raise ValueError(
                    f"{phrase!r} is a trigger of both {intents[0]} and {intents[1]}; "
                    "list it under shared if both are meant"
                )
        stale = sorted(phrase for phrase in shared if len(claimed.get(phrase, [])) < 2)
        if stale:
            raise ValueError(f"shared lists {stale}, which fewer than two intents list")
        return triggers


class LanguageForms(Model):
    """How words are written beyond bokmål, and the words that tell a question's language."""

    # a nynorsk word -> its bokmål form, and a nynorsk first part of a compound -> its bokmål
    nynorsk: dict[str, str] = Field(min_length=1)
    nynorsk_heads: dict[str, str] = {}
    # a short form or run-together spelling of a Norwegian word -> the word ('åv' -> 'årsverk')
    short_forms: dict[str, str] = {}
    # marker words, several to an entry separated by spaces
    nynorsk_markers: list[str] = []
    norwegian_markers: list[str] = []
    english_markers: list[str] = []

    @field_validator("nynorsk", "nynorsk_heads", "short_forms")
    @classmethod
    def _lower_case(cls, forms: dict[str, str]) -> dict[str, str]:
        """Refuse a form not written in lower case, as questions are matched lower-cased."""
        for word, bokmal in forms.items():
            if word != word.lower() or bokmal != bokmal.lower():
                raise ValueError(f"{word!r}: {bokmal!r} must be written in lower case")
        return forms

    def words(self, markers: list[str]) -> frozenset[str]:
        """Return the single words of a list of marker entries."""
        return frozenset(w for entry in markers for w in entry.lower().split())


def _fraction(value: str) -> str:
    """Check a number written as a fraction: 'a/b', both whole and above zero."""
    if not re.fullmatch(r"[1-9]\d*/[1-9]\d*", value):
        raise ValueError(f"{value!r} is neither a whole number nor a fraction 'a/b'")
    return value


class LanguageLexicon(Model):
    """The word tables the understanding reads dates, numbers and places by."""

    # a month's name, as questions are folded ('mai', 'desember', 'december') -> 1-12
    months: dict[str, Annotated[int, Field(ge=1, le=12)]] = Field(min_length=12)
    # a month's short form ('okt', 'dec'), read in a date but never as a month alone
    month_short_forms: dict[str, Annotated[int, Field(ge=1, le=12)]] = {}
    # a place in order said as a word ('tredje år', 'the third year'); 'siste' is the last (-1)
    ordinals: dict[str, Annotated[int, Field(ge=-1, le=50)]] = Field(min_length=1)
    # a number said as a word that also names a place in order ('år to', 'year two')
    cardinals: dict[str, Annotated[int, Field(ge=1, le=50)]] = Field(min_length=1)
    # a count said as a word ('to stillinger', 'halvannen', 'begge'): a whole number or 'a/b'
    numbers: dict[str, int | Annotated[str, AfterValidator(_fraction)]] = Field(min_length=1)
    # counts of positions above six said as words ('sju årsverk', 'ten positions')
    more_numbers: dict[str, Annotated[int, Field(ge=7, le=50)]] = {}
    # a group of municipalities by the words that name it ('aust agder') -> its name
    groups: dict[str, str] = {}
    # words for the statistics table's columns -> the word its definitions use ('unge' ->
    # 'aringer', as in '18-24-åringer')
    column_words: dict[str, str] = {}
    # irregular forms compared as one word ('nye', 'nytt', 'new' -> 'ny')
    same_words: dict[str, str] = {}
    # words that name the whole country ('hele landet', 'national'): the national figures
    national: list[str] = Field(min_length=1)
    # words for a distance in days or weeks ('hvor mange dager', 'how many weeks')
    days: list[str] = Field(min_length=1)
    # words that set two dates against each other ('mellom', 'etter', 'fra … til')
    apart: list[str] = Field(min_length=1)
    # question words asking why ('hvorfor'): alone, a follow-up asking why of the last answer
    why: list[str] = Field(min_length=1)
    # words pointing back to a person the previous answer named ('e-posten hans', 'her phone')
    refers_back: list[str] = Field(min_length=1)
    # the starts of words that ask for a parliamentary document ('prop', 'melding'), not for
    # what it is about
    document_references: list[str] = Field(min_length=1)

    @field_validator(
        "months",
        "month_short_forms",
        "ordinals",
        "cardinals",
        "numbers",
        "more_numbers",
        "groups",
        "column_words",
        "same_words",
        "national",
        "days",
        "apart",
        "why",
        "refers_back",
        "document_references",
    )
    @classmethod
    def _folded(cls, words: dict[str, Any] | list[str]) -> dict[str, Any] | list[str]:
        """Refuse a word not written as questions are folded (lower case a-z), as no folded
        question could hold it."""
        for word in words:
            if not re.fullmatch(r"[a-z0-9]+(?:[ -][a-z0-9]+)*", word):
                raise ValueError(f"{word!r} must be written folded (lower case, a-z, no æøå)")
        return words

    @model_validator(mode="after")
    def _one_meaning(self) -> LanguageLexicon:
        """Refuse a word that is both an ordinal and a cardinal, or a count of two values."""
        both = sorted(set(self.ordinals) & set(self.cardinals))
        if both:
            raise ValueError(f"{both[0]!r} is under both ordinals and cardinals")
        for name in ("cardinals", "more_numbers"):
            for word, value in getattr(self, name).items():
                said = self.numbers.get(word, value)
                if said != value:
                    raise ValueError(f"{word!r} is {value} under {name} but {said} under numbers")
        return self


class Language(Model):
    """What the understanding knows about language, beyond the names in the sources."""

    tables: TableLanguage
    contacts: ContactLanguage | None = None
    # an office named by a region no office of the sources has ('Statsforvalteren i Nordland')
    offices: OfficeLanguage | None = None
    rates: list[str] = []
    question_words: list[str] = []
    received: list[str] = []
    # present tense of 'received' ('hvor mye får Bergen?'): an allocation unless a rate is asked
    receives: list[str] = []
    places: list[str] = []
    # the county (its number in the statistics table, counties as they were in 2019) a place
    # outside the tables lies in ('Trondheim': '50'): named beside the answer that the table
    # has no figures for the place, never its figure given as the place's
    place_counties: dict[str, str] = {}
    # countries other than Norway ('i Sverige', 'in Denmark'): the sources hold only Norwegian
    # state grants, so a question about one is declined, never answered with Norway's figures
    countries: list[str] = []
    # other benefits, loans and schemes the sources do not hold ('startlån', 'bostøtte'): words
    # never corrected into a word of the sources, so a question about one stays unknown
    other_things: list[str] = []
    # words that stand for one thing in a look-up, by the thing's name ('system': 'løsning',
    # 'systemer', 'solution'): a question's word meets a source sentence's other word for it
    concepts: dict[str, list[str]] = {}
    # function words: known words that say nothing about the topic, dropped by every look-up
    function_words: list[str] = []
    # everyday words the sources happen not to use: known words, never a sign of another topic
    everyday: list[str] = []
    # verbs that say how a text relates to another ('viser til', 'henviser'): known words, never
    # a thing of their own, but still look-up terms (an FAQ alias may use them)
    verbs: list[str] = []
    # what the sources give amounts or counts per ('per årsverk', 'per kommune'): an amount
    # asked per anything else ('per bolig', 'per innbygger') is one they do not give
    units: list[str] = []
    # a source document named by its kind ('Agder-presentasjonen', 'kunngjøringen'), by the
    # kinds of sources.yaml: with the office that held it, the document and so its date
    documents: dict[Literal["slides", "announcement"], list[str]] = {}
    # words that ask how long lies between two things ('hvor lang tid', 'how long')
    durations: list[str] = []
    # words that ask whether something still holds today ('fortsatt gjeldende', 'still valid')
    still_valid: list[str] = []
    # from the intents section (knowledge/data/language/intents.yaml), set by the loader
    intents: IntentLanguage | None = None
    # from the forms section (knowledge/data/language/forms.yaml), set by the loader
    forms: LanguageForms | None = None
    # from the lexicon section (knowledge/data/language/lexicon.yaml), set by the loader
    lexicon: LanguageLexicon | None = None

    @field_validator("concepts")
    @classmethod
    def _one_concept(cls, concepts: dict[str, list[str]]) -> dict[str, list[str]]:
        """Refuse a word that stands for two things, as a look-up would read it as either."""
        owner: dict[str, str] = {}
        for name, members in concepts.items():
            for member in members:
                word = member.lower().translate(ASCII_FOLD)
                if owner.setdefault(word, name) != name:
                    raise ValueError(f"{member!r} is under both {owner[word]} and {name}")
        return concepts


class SourceFile(Model):
    """One YAML file: any combination of the sections below."""

    sources: list[SourceDoc] = []
    offices: list[Office] = []
    municipalities: list[Municipality] = []
    scheme: Scheme | None = None
    faq: list[FaqEntry] = []
    tables: list[Table] = []
    language: Language | None = None
    intents: IntentLanguage | None = None
    forms: LanguageForms | None = None
    lexicon: LanguageLexicon | None = None

    @field_validator("sources", "offices", "municipalities", "faq", "tables", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        """Treat an empty YAML section as an empty list."""
        return [] if value is None else value
