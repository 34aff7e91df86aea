"""Every figure the bot shows: grant amounts, caps, framework increases and deadlines.

Pure functions over a :class:`~knowledge.kb.KnowledgeBase`: no I/O, no clock and no rate, year
or date written into this module. Every rate, cap, grant-year count and calendar year is read
from the rules (``LadderRule``, ``SameAsRule``, ``FlatRule``, ``CapRule``, ``TextRule``) and
tables in the knowledge base; the only literals here are rule ids, table ids and group names.

Results are typed objects (:class:`Calculation`, :class:`Ranking`, :class:`DeadlineOutlook`)
carrying the inputs, the rules applied, every step of the working, the figures and the
sources, so that an answer can show
``2 årsverk × 440 000 kr = 880 000 kr (år 3 av 4; kilde: …)``. Rendering lives here too
(:func:`render_calculation`, :func:`render_step`, :func:`render_ranking`,
:func:`render_outlook`); every number and date goes through :mod:`bot.fmt`.

Money is whole kroner (``int``). Positions are exact :class:`~fractions.Fraction` values
("1,5 årsverk" is ``Fraction(3, 2)``, "50 % stilling" is ``Fraction(1, 2)``).

Rounding rule (the only one): an amount ``rate × positions`` is computed exactly and then
rounded once, half up, to whole kroner by :func:`round_kroner` (``x.5`` becomes ``x + 1``).
Sums and differences are taken of those rounded amounts, so a total always equals the sum of
the figures shown above it.

Own share (:func:`rusarbeid_own_share`): ``yearly_cost`` is what ONE full position (100 %,
one årsverk) costs the municipality for a year; the cost of the positions is
``yearly_cost × positions`` and the own share is ``max(0, cost − grant)``.

Wind-down of kommunalt rusarbeid (:func:`rusarbeid_calendar_year`): the rules that carry
conditions (the same-as rule for 2022 and the flat rule for 2023–2024) make up the wind-down;
the reference year is the year before the first of them (2021 in the sources). In a wind-down
year a position gets a grant only if the municipality was funded in the reference year, the
position existed then (started no later than the reference year), and — under the ladder —
it is still within the ladder's grant years; under the flat rule it must have had a grant
the year before (the sources speak of *continuing existing positions*). See the notes each
result carries for what the sources leave open.

Errors are subclasses of :class:`CalcError`; each has ``message(lang)`` in bokmål and
English for the answering layer.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot import fmt
from bot import quantity as typed
from bot.fmt import Lang
from bot.vocab import DEADLINE_LABELS
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import (
    Appropriation,
    CapRule,
    Column,
    DeadlineKind,
    FlatRule,
    LadderRule,
    Municipality,
    Office,
    Row,
    SameAsRule,
    Scheme,
    Table,
    TextRule,
    Topic,
    YearRange,
)

# --- ids of the rules and tables this module reads ---------------------------------------------

LADDER_RULE = "rusarbeid-stige"
TRANSITION_RULE = "rusarbeid-overgang-2017"
NAV_CAP_RULE = "nav-tak"
FRAMEWORK_TABLE = "opptrappingsplan-2016-2020"
FRAMEWORK_TABLES = (FRAMEWORK_TABLE, "opptrappingsplan-2018-prognose")
#: The group name that means every municipality in a county whose name contains it.
AGDER = "Agder"

#: Bounds of a number of positions (the quantity reader's, see bot.quantity).
MIN_POSITIONS, MAX_POSITIONS = typed.MIN_POSITIONS, typed.MAX_POSITIONS
#: Least rapidfuzz WRatio score (0–100) for accepting a misspelt name.
FUZZY_CUTOFF = 85
#: Least lead of the best fuzzy match over the next one for it to be accepted.
FUZZY_MARGIN = 4
#: Shortest query matched by fuzzy score alone (shorter ones need an exact or first-word match).
FUZZY_MIN_LENGTH = 4
#: Least score for a name to be offered as a suggestion.
SUGGEST_CUTOFF = 70

PositionsInput = Fraction | Decimal | int | float | str


# --- errors ------------------------------------------------------------------------------------


class CalcError(Exception):
    """Base of every error this module raises; ``message(lang)`` explains it to a user."""

    code = "calc_error"

    def __init__(self) -> None:
        """Use the bokmål message as the exception text."""
        super().__init__(self.message("nb"))

    def message(self, lang: Lang = "nb") -> str:
        """Explain the error in the answer language."""
        return "Beregningen kunne ikke gjøres." if lang == "nb" else "Could not calculate."


class KnowledgeMissing(CalcError):
    """The knowledge base lacks a rule or table this module needs."""

    code = "knowledge_missing"

    def __init__(self, what: str) -> None:
        """Name the missing rule or table."""
        self.what = what
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain which rule or table is missing."""
        if lang == "nb":
            return f"Kunnskapsbasen mangler {self.what}, så jeg kan ikke regne ut dette."
        return f"The knowledge base lacks {self.what}, so I cannot calculate this."


class InvalidPositions(CalcError):
    """A number of positions the quantity reader (bot.quantity) refuses, with its reason.

    ``reason`` is one of :data:`bot.quantity.Reason`: not_a_number, scientific,
    zero_denominator, not_positive, too_small or too_many.
    """

    code = "invalid_positions"

    def __init__(self, value: object, reason: typed.Reason) -> None:
        """Keep the value and why it was refused."""
        self.value = value
        self.reason = reason
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain why the number of positions was refused (texts in bot.texts)."""
        return typed.Refused("positions", self.reason, self.value).message(lang)


class InvalidAmount(CalcError):
    """An amount of kroner the quantity reader (bot.quantity) refuses, with its reason."""

    code = "invalid_amount"

    def __init__(self, value: object, reason: typed.Reason) -> None:
        """Keep the value and why it was refused."""
        self.value = value
        self.reason = reason
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain why the amount was refused (texts in bot.texts)."""
        return typed.Refused("kroner", self.reason, self.value).message(lang)


class InvalidGrantYear(CalcError):
    """A grant year (1, 2, …) below 1 or beyond the last step of the ladder."""

    code = "invalid_grant_year"

    def __init__(self, grant_year: object, max_years: int) -> None:
        """Keep the year asked for and how many grant years the ladder has."""
        self.grant_year = grant_year
        self.max_years = max_years
        super().__init__()

    @property
    def reason(self) -> str:
        """'beyond_ladder' (year 5 or later: not eligible) or 'not_positive' (year 0)."""
        if isinstance(self.grant_year, int) and self.grant_year > self.max_years:
            return "beyond_ladder"
        return "not_positive"

    def message(self, lang: Lang = "nb") -> str:
        """Explain that grants are given for at most max_years years, or that years start at 1."""
        n = self.max_years
        if self.reason == "beyond_ladder":
            if lang == "nb":
                return (
                    f"År {self.grant_year} gir ikke tilskudd: tilskudd gis i inntil {n} år "
                    f"per årsverk (år 1–{n})."
                )
            return (
                f"Year {self.grant_year} is not eligible: the grant is given for at most {n} "
                f"years per position (years 1–{n})."
            )
        if lang == "nb":
            return (
                f"Tilskuddsår «{self.grant_year}» finnes ikke: år 1 er det første året med "
                f"tilskudd, og stigen har år 1–{n}."
            )
        return (
            f"There is no grant year “{self.grant_year}”: year 1 is the first year with a "
            f"grant, and the ladder has years 1–{n}."
        )


class OutOfRange(CalcError):
    """A calendar year that no rule or table in the sources covers."""

    code = "out_of_range"

    def __init__(self, year: object, covered: Sequence[YearRange], subject: str) -> None:
        """Keep the year, the ranges the rules do cover and what was asked about."""
        self.year = year
        self.covered = tuple(covered)
        self.subject = subject
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Name the years the sources do cover."""
        spans = fmt.join([r.label() for r in _merge_ranges(self.covered)], lang)
        if lang == "nb":
            return (
                f"Kildene har ingen regel eller tall for {self.year} for {self.subject}; "
                f"de dekker {spans}."
            )
        return (
            f"The sources have no rule or figure for {self.year} for {self.subject}; "
            f"they cover {spans}."
        )


class UnknownMunicipality(CalcError):
    """A municipality name or number the sources do not have."""

    code = "unknown_municipality"

    def __init__(
        self, text: str, suggestions: Sequence[str] = (), areas: Sequence[str] = ()
    ) -> None:
        """Keep what was asked for, up to three close names and the counties the sources cover."""
        self.text = text
        self.suggestions = tuple(suggestions)
        self.areas = tuple(areas)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Offer the closest names, or say which counties the sources cover."""
        names = fmt.join(list(self.suggestions), lang)
        areas = fmt.join(list(self.areas), lang)
        if lang == "nb":
            text = f"Jeg finner ingen kommune «{self.text}» i kildene."
            if self.suggestions:
                return text + f" Mente du {names}?"
            return text + (f" Kildene har tall for kommunene i {areas}." if areas else "")
        text = f"I cannot find a municipality “{self.text}” in the sources."
        if self.suggestions:
            return text + f" Did you mean {names}?"
        return text + (
            f" The sources have figures for the municipalities of {areas}." if areas else ""
        )


class UnknownGroup(CalcError):
    """A region or county the sources do not have."""

    code = "unknown_group"

    def __init__(self, text: str, options: Sequence[str]) -> None:
        """Keep what was asked for and the groups there are."""
        self.text = text
        self.options = tuple(options)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """List the groups that can be summed."""
        options = fmt.join(list(self.options), lang)
        if lang == "nb":
            return (
                f"Jeg kjenner ikke regionen eller fylket «{self.text}». Jeg kan summere {options}."
            )
        return f"I do not know the region or county “{self.text}”. I can total {options}."


class UnknownScheme(CalcError):
    """A scheme id or name the knowledge base does not have."""

    code = "unknown_scheme"

    def __init__(self, text: str, suggestions: Sequence[str] = ()) -> None:
        """Keep what was asked for and close scheme names."""
        self.text = text
        self.suggestions = tuple(suggestions)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Offer the closest scheme names, if any."""
        names = fmt.join(list(self.suggestions), lang)
        if lang == "nb":
            text = f"Jeg kjenner ingen tilskuddsordning «{self.text}»."
            return text + (f" Mente du {names}?" if self.suggestions else "")
        text = f"I know no grant scheme “{self.text}”."
        return text + (f" Did you mean {names}?" if self.suggestions else "")


class UnknownOffice(CalcError):
    """An office id or name the knowledge base does not have."""

    code = "unknown_office"

    def __init__(self, text: str, options: Sequence[str]) -> None:
        """Keep what was asked for and the offices there are."""
        self.text = text
        self.options = tuple(options)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """List the offices the sources name."""
        options = fmt.join(list(self.options), lang)
        if lang == "nb":
            return f"Jeg kjenner ikke embetet «{self.text}». Kildene har {options}."
        return f"I do not know the office “{self.text}”. The sources have {options}."


class InvalidDuration(CalcError):
    """A number of grant years outside 1..max for a capped scheme."""

    code = "invalid_duration"

    def __init__(self, years: object, usual_years: int, max_years: int) -> None:
        """Keep the years asked for and the usual and maximum duration."""
        self.years = years
        self.usual_years = usual_years
        self.max_years = max_years
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain the usual and the longest duration."""
        if lang == "nb":
            return (
                f"«{self.years}» år går ikke: tilskuddet gis primært for {self.usual_years} år "
                f"og i inntil {self.max_years} år til samme tiltak."
            )
        return (
            f"“{self.years}” years is not possible: the grant is primarily for "
            f"{self.usual_years} year(s) and at most {self.max_years} years for one measure."
        )


class InvalidStartYear(CalcError):
    """A group of positions said to start after the year asked about."""

    code = "invalid_start_year"

    def __init__(self, start_year: object, year: int) -> None:
        """Keep the start year and the calendar year."""
        self.start_year = start_year
        self.year = year
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain that a position cannot get a grant before it starts."""
        if lang == "nb":
            return (
                f"Stillinger som starter i {self.start_year}, kan ikke få tilskudd i {self.year}. "
                "Oppgi et startår som er et heltall og ikke senere enn året du spør om."
            )
        return (
            f"Positions starting in {self.start_year} cannot get a grant in {self.year}. "
            "Give a start year that is a whole number no later than the year asked about."
        )


class InvalidArgument(CalcError):
    """Any other input this module cannot use (a count, a kind, a date, a year range)."""

    code = "invalid_argument"

    def __init__(self, name: str, value: object, expected_nb: str, expected_en: str) -> None:
        """Keep the argument, its value and what was expected, in both languages."""
        self.name = name
        self.value = value
        self.expected = {"nb": expected_nb, "en": expected_en}
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Say what was expected."""
        if lang == "nb":
            return f"«{self.value}» kan ikke brukes her: {self.expected['nb']}."
        return f"“{self.value}” cannot be used here: {self.expected['en']}."


# --- result types ------------------------------------------------------------------------------


class Op(StrEnum):
    """The arithmetic of a step."""

    MULTIPLY = "multiply"
    SUM = "sum"
    SUBTRACT = "subtract"
    CLAMP = "clamp"
    VALUE = "value"
    NOT_ELIGIBLE = "not_eligible"


class Role(StrEnum):
    """What the figure of a step is."""

    GRANT = "grant"
    COMPETENCE = "competence"
    COST = "cost"
    OWN_SHARE = "own_share"
    CAP_POSITIONS = "cap_positions"
    CAP_MEASURES = "cap_measures"
    CAP_YEAR = "cap_year"
    CAP_PERIOD = "cap_period"
    OWN_SHARE_PERIOD = "own_share_period"
    APPROPRIATION = "appropriation"
    TOTAL = "total"
    FRAMEWORK = "framework"
    OTHER_FIGURE = "other_figure"
    DIFFERENCE = "difference"
    OWN_SHARE_DIFFERENCE = "own_share_difference"


class Unit(StrEnum):
    """What a quantity counts."""

    ARSVERK = "årsverk"
    STILLING = "stilling"
    TILTAK = "tiltak"
    AR = "år"


class Status(StrEnum):
    """Whether a table figure is actual or a prognosis."""

    FAKTISK = "faktisk"
    PROGNOSE = "prognose"


class Reason(StrEnum):
    """Why positions get no grant in a year."""

    BEYOND_LADDER = "beyond_ladder"
    NEW_POSITION = "new_position"
    NOT_CONTINUED = "not_continued"
    MUNICIPALITY_NOT_FUNDED = "municipality_not_funded"


class CalcKind(StrEnum):
    """What a calculation computes."""

    RUSARBEID_GRANT_YEAR = "rusarbeid_grant_year"
    RUSARBEID_MIXED = "rusarbeid_mixed"
    RUSARBEID_PERIOD = "rusarbeid_period"
    RUSARBEID_OWN_SHARE = "rusarbeid_own_share"
    RUSARBEID_CALENDAR_YEAR = "rusarbeid_calendar_year"
    RUSARBEID_CALENDAR_RANGE = "rusarbeid_calendar_range"
    RUSARBEID_DIFFERENCE = "rusarbeid_difference"
    RUSARBEID_SPAN = "rusarbeid_span"
    RUSARBEID_STEPS = "rusarbeid_steps"
    RUSARBEID_OWN_SHARE_DIFFERENCE = "rusarbeid_own_share_difference"
    RUSARBEID_CALENDAR_OWN_SHARE = "rusarbeid_calendar_own_share"
    RUSARBEID_MIXED_OWN_SHARE = "rusarbeid_mixed_own_share"
    NAV_CAP = "nav_cap"
    APPROPRIATION_SUM = "appropriation_sum"
    APPROPRIATION_DIFFERENCE = "appropriation_difference"
    FRAMEWORK_INCREASE = "framework_increase"
    FRAMEWORK_SUM = "framework_sum"
    FRAMEWORK_GROUP = "framework_group"


@dataclass(frozen=True)
class Step:
    """One line of the working, structured so it can be rendered in any language."""

    op: Op
    role: Role
    amount: int
    quantity: Fraction | None = None
    unit: Unit | None = None
    rate: int | None = None
    parts: tuple[int, ...] = ()
    grant_year: int | None = None
    max_years: int | None = None
    grant_years: tuple[int, int] | None = None
    year: int | None = None
    years: tuple[int, int] | None = None
    start_year: int | None = None
    status: Status | None = None
    subject: str | None = None
    reason: Reason | None = None
    reference_year: int | None = None
    exact: Fraction | None = None
    rule_id: str | None = None


class NoteKey(StrEnum):
    """What a note says."""

    RULE_TEXT = "rule_text"
    COMPETENCE_INCLUDED = "competence_included"
    ROUNDING = "rounding"
    OWN_SHARE_DEFINITION = "own_share_definition"
    OWN_SHARE_SOURCE = "own_share_source"
    SURPLUS = "surplus"
    SAME_COST = "same_cost"
    CONDITION = "condition"
    CONDITION_ASSUMED = "condition_assumed"
    FLAT_RATE = "flat_rate"
    CONTINUATION = "continuation"
    TRANSITION = "transition"
    TRANSITION_PLACEMENT = "transition_placement"
    CAPS_NOT_LADDER = "caps_not_ladder"
    DURATION = "duration"
    PERIOD_CAP = "period_cap"
    COVERS = "covers"
    PROGNOSIS = "prognosis"
    PRINTED_MATCH = "printed_match"
    PRINTED_DIFFERS = "printed_differs"
    OTHER_FIGURE = "other_figure"
    GROUP_MEMBERS = "group_members"


@dataclass(frozen=True)
class Note:
    """A remark on a result: a key, its parameters and perhaps a quote from the source."""

    key: NoteKey
    params: Mapping[str, int | str] = field(default_factory=dict)
    quote: str | None = None


@dataclass(frozen=True)
class Calculation:
    """A computed figure with its inputs, rules, working, notes and sources."""

    kind: CalcKind
    scheme_id: str | None
    inputs: Mapping[str, object]
    rule_ids: tuple[str, ...]
    steps: tuple[Step, ...]
    total: int
    figures: Mapping[str, int]
    notes: tuple[Note, ...]
    sources: tuple[Provenance, ...]
    years: YearRange | None
    eligible: bool = True
    breakdown: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class PositionGroup:
    """Positions (årsverk) that started in the same calendar year."""

    start_year: int
    positions: PositionsInput


@dataclass(frozen=True)
class LadderGroup:
    """Positions (årsverk) in the same grant year of the ladder."""

    grant_year: int
    positions: PositionsInput


@dataclass(frozen=True)
class RankEntry:
    """One municipality in a ranking."""

    rank: int
    number: str
    name: str
    amount: int


@dataclass(frozen=True)
class Ranking:
    """Municipalities ordered by their framework increase in one year."""

    year: int
    status: Status | None
    descending: bool
    group: str | None
    entries: tuple[RankEntry, ...]
    count: int
    table_id: str
    sources: tuple[Provenance, ...]


@dataclass(frozen=True)
class SumCheck:
    """A printed sum in a table next to the sum this module computes from its parts."""

    table_id: str
    row: str
    label: str
    column: str
    kind: str
    printed: int
    computed: int
    known: bool

    @property
    def matches(self) -> bool:
        """Tell whether the printed sum equals the computed one."""
        return self.printed == self.computed


@dataclass(frozen=True)
class DeadlineItem:
    """A deadline seen from a given day."""

    id: str
    scheme_id: str
    scheme_name: str
    scheme_name_en: str
    kind: DeadlineKind
    office_id: str
    office_name: str
    year: int
    date: dt.date | None
    text: str | None
    unknown: bool
    tentative: bool
    raw: str
    note: str | None
    days_left: int | None
    source: Provenance

    @property
    def undated(self) -> bool:
        """Tell whether the source gives words ('Vår', 'Løpende') instead of a date."""
        return self.date is None and not self.unknown

    @property
    def passed(self) -> bool:
        """Tell whether the date lies before the day asked about."""
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class DeadlineOutlook:
    """Deadlines from a given day: the next dated ones, undated ones, and the latest known."""

    today: dt.date
    filters: Mapping[str, str]
    upcoming: tuple[DeadlineItem, ...]
    undated: tuple[DeadlineItem, ...]
    latest_known: tuple[DeadlineItem, ...]
    newest_source_year: int

    @property
    def outdated(self) -> bool:
        """Tell whether the day asked about lies after the newest source's year."""
        return self.today.year > self.newest_source_year


# --- numbers -----------------------------------------------------------------------------------


def round_kroner(amount: Fraction) -> int:
    """Round an exact amount to whole kroner, half up: 0.5 -> 1, 2.5 -> 3, -0.5 -> 0."""
    return math.floor(amount + Fraction(1, 2))


def parse_positions(value: PositionsInput) -> Fraction:
    """Turn positions as typed or passed into an exact fraction of full positions.

    Accepts 2, Fraction(3, 2), Decimal('1.5'), 1.5 (read as its shortest decimal), '1,5',
    '1.5', '1,5 årsverk', '50 %', '50%', '50 % stilling' (-> 1/2) and '1/2', through the one
    quantity reader (:func:`bot.quantity.read_positions`). Raises InvalidPositions with its
    reason for what that reader refuses: non-numbers, scientific notation, a zero
    denominator, 0 or less, fewer than MIN_POSITIONS and more than MAX_POSITIONS.
    """
    try:
        return typed.read_positions(value)
    except typed.Refused as refused:
        raise InvalidPositions(value, refused.reason) from None


def parse_kroner(value: int | str) -> int:
    """Turn an amount as typed or passed into whole kroner (see bot.quantity.read_kroner).

    Raises InvalidAmount with its reason for non-amounts, 0 or less and more than MAX_KRONER.
    """
    try:
        return typed.read_kroner(value)
    except typed.Refused as refused:
        raise InvalidAmount(value, refused.reason) from None


def _whole(value: int | Decimal) -> int:
    """Return a table value as whole kroner."""
    return int(value)


def _is_int(value: object) -> bool:
    """Tell whether a value is an int and not a bool."""
    return isinstance(value, int) and not isinstance(value, bool)


# --- rules -------------------------------------------------------------------------------------

RuleT = TypeVar("RuleT")
AmountRule = LadderRule | FlatRule | SameAsRule


def _rule(kb: KnowledgeBase, rule_id: str, kind: type[RuleT]) -> tuple[str, RuleT]:
    """Find a rule by id and check its kind; return (scheme id, rule)."""
    for scheme_id, rule in kb.all_rules():
        if rule.id == rule_id:
            if isinstance(rule, kind):
                return scheme_id, rule
            raise KnowledgeMissing(f"regelen {rule_id} av typen {kind.__name__}")
    raise KnowledgeMissing(f"regelen {rule_id}")


def _optional_rule(kb: KnowledgeBase, rule_id: str, kind: type[RuleT]) -> RuleT | None:
    """Find a rule by id, or None when the knowledge base lacks it."""
    try:
        return _rule(kb, rule_id, kind)[1]
    except KnowledgeMissing:
        return None


def _amount_rules(kb: KnowledgeBase, scheme_id: str) -> list[AmountRule]:
    """Return the rules of a scheme that produce amounts."""
    return [r for r in kb.rules(scheme_id) if isinstance(r, LadderRule | FlatRule | SameAsRule)]


def _span(years: YearRange) -> float:
    """Return the length of a year range (open-ended counts as infinite)."""
    return math.inf if years.last is None else years.last - years.first + 1


def _rule_for_year(rules: Sequence[AmountRule], year: int) -> AmountRule | None:
    """Return the most specific (narrowest) amount rule covering a calendar year."""
    covering = [r for r in rules if r.years.contains(year)]
    return min(covering, key=lambda r: _span(r.years)) if covering else None


def _ladder_of(kb: KnowledgeBase, rule: LadderRule | SameAsRule) -> LadderRule:
    """Return the ladder a rule computes by."""
    if isinstance(rule, LadderRule):
        return rule
    return _rule(kb, rule.rule, LadderRule)[1]


def _conditions(rule: AmountRule) -> list[str]:
    """Return the conditions of a rule (ladders have none)."""
    return [] if isinstance(rule, LadderRule) else list(rule.conditions)


def _reference_year(rules: Sequence[AmountRule]) -> int | None:
    """Return the year before the first rule with conditions (the wind-down), if any."""
    firsts = [r.years.first for r in rules if _conditions(r)]
    return min(firsts) - 1 if firsts else None


def _merge_ranges(ranges: Iterable[YearRange]) -> list[YearRange]:
    """Merge overlapping or adjacent year ranges."""
    merged: list[YearRange] = []
    for r in sorted(ranges, key=lambda r: r.first):
        if merged:
            last = merged[-1]
            if last.last is None or r.first <= last.last + 1:
                end = None if last.last is None or r.last is None else max(last.last, r.last)
                merged[-1] = YearRange(first=last.first, last=end)
                continue
        merged.append(r)
    return merged


def _unique(items: Iterable[Provenance]) -> tuple[Provenance, ...]:
    """Drop repeated sources, keeping the order."""
    return tuple(dict.fromkeys(items))


def _unique_notes(notes: Iterable[Note]) -> tuple[Note, ...]:
    """Drop repeated notes, keeping the order."""
    seen: list[Note] = []
    for note in notes:
        if note not in seen:
            seen.append(note)
    return tuple(seen)


def _year_range(first: int, last: int) -> YearRange:
    """Build a year range."""
    return YearRange(first=first, last=last)


def _rounding_note(steps: Iterable[Step]) -> list[Note]:
    """Return the rounding note when any step was rounded."""
    return [Note(NoteKey.ROUNDING)] if any(s.exact is not None for s in steps) else []


def _multiply(
    role: Role, quantity: Fraction, unit: Unit, rate: int, rule_id: str, **context: int | None
) -> Step:
    """Build a 'quantity × rate = amount' step, rounded half up to whole kroner."""
    exact = rate * quantity
    return Step(
        op=Op.MULTIPLY,
        role=role,
        amount=round_kroner(exact),
        quantity=quantity,
        unit=unit,
        rate=rate,
        exact=None if exact.denominator == 1 else exact,
        rule_id=rule_id,
        grant_year=context.get("grant_year"),
        max_years=context.get("max_years"),
        year=context.get("year"),
        start_year=context.get("start_year"),
    )


def _sum_step(role: Role, parts: Sequence[int], **context: object) -> Step:
    """Build an 'a + b + … = total' step."""
    grant_years = context.get("grant_years")
    years = context.get("years")
    year = context.get("year")
    status = context.get("status")
    subject = context.get("subject")
    return Step(
        op=Op.SUM,
        role=role,
        amount=sum(parts),
        parts=tuple(parts),
        grant_years=grant_years if isinstance(grant_years, tuple) else None,
        years=years if isinstance(years, tuple) else None,
        year=year if isinstance(year, int) else None,
        status=status if isinstance(status, Status) else None,
        subject=subject if isinstance(subject, str) else None,
    )


# --- kommunalt rusarbeid: the ladder -----------------------------------------------------------


def _ladder(kb: KnowledgeBase) -> tuple[str, LadderRule]:
    """Return the scheme id and the grant-year ladder of kommunalt rusarbeid."""
    return _rule(kb, LADDER_RULE, LadderRule)


def _check_grant_year(ladder: LadderRule, grant_year: object) -> int:
    """Return a valid grant year or raise InvalidGrantYear (year 0, year 5+, not a number)."""
    if not _is_int(grant_year):
        raise InvalidGrantYear(grant_year, len(ladder.steps))
    assert isinstance(grant_year, int)
    if not 1 <= grant_year <= len(ladder.steps):
        raise InvalidGrantYear(grant_year, len(ladder.steps))
    return grant_year


def _ladder_steps(
    ladder: LadderRule,
    positions: Fraction,
    grant_year: int,
    year: int | None = None,
    start_year: int | None = None,
) -> list[Step]:
    """Return the grant step for one grant year and, in year 1, its competence part."""
    rung = ladder.steps[grant_year - 1]
    context: dict[str, int | None] = {
        "grant_year": grant_year,
        "max_years": len(ladder.steps),
        "year": year,
        "start_year": start_year,
    }
    unit = Unit(ladder.unit)
    steps = [_multiply(Role.GRANT, positions, unit, rung.amount, ladder.id, **context)]
    if rung.competence:
        steps.append(
            _multiply(Role.COMPETENCE, positions, unit, rung.competence, ladder.id, **context)
        )
    return steps


def _competence_notes(ladder: LadderRule, steps: Sequence[Step]) -> list[Note]:
    """Say how much of a year-1 amount is for competence development."""
    notes = []
    for i, step in enumerate(steps):
        if step.role is Role.COMPETENCE and step.rate is not None:
            params = {"per_position": step.rate, "total": step.amount, "grant_year": 1}
            if i > 0 and steps[i - 1].amount >= step.amount:
                # what the year-1 amount leaves for the position itself (pay)
                params["rest"] = steps[i - 1].amount - step.amount
            notes.append(Note(NoteKey.COMPETENCE_INCLUDED, params))
    return notes


def rusarbeid_grant_year(
    kb: KnowledgeBase, positions: PositionsInput, grant_year: int
) -> Calculation:
    """Kommunalt rusarbeid: the grant for a number of positions in grant year 1, 2, 3 or 4.

    Raises InvalidPositions, and InvalidGrantYear for year 0 or a year past the ladder
    (``.reason == 'beyond_ladder'``: grants are given for at most as many years as it has steps).
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    g = _check_grant_year(ladder, grant_year)
    steps = _ladder_steps(ladder, pos, g)
    grant = steps[0]
    figures = {"rate": grant.rate or 0, "grant": grant.amount, "competence": 0}
    if len(steps) > 1:
        figures["competence"] = steps[1].amount
    notes = [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    return Calculation(
        kind=CalcKind.RUSARBEID_GRANT_YEAR,
        scheme_id=scheme_id,
        inputs={"positions": pos, "grant_year": g},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=grant.amount,
        figures=figures,
        notes=tuple(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def rusarbeid_mixed(kb: KnowledgeBase, groups: Sequence[LadderGroup]) -> Calculation:
    """Kommunalt rusarbeid: one year's grant for positions in different grant years.

    A group past the last grant year gets a not-eligible step (0 kr) with the reason; a group
    in grant year 0 or below raises InvalidGrantYear.
    """
    scheme_id, ladder = _ladder(kb)
    if not groups:
        raise InvalidArgument(
            "groups", "", "oppgi minst én gruppe årsverk", "give at least one group"
        )
    steps: list[Step] = []
    amounts: list[int] = []
    inputs: list[tuple[Fraction, int]] = []
    for group in groups:
        pos = parse_positions(group.positions)
        inputs.append((pos, group.grant_year))
        if _is_int(group.grant_year) and group.grant_year > len(ladder.steps):
            steps.append(
                Step(
                    op=Op.NOT_ELIGIBLE,
                    role=Role.GRANT,
                    amount=0,
                    quantity=pos,
                    unit=Unit(ladder.unit),
                    grant_year=group.grant_year,
                    max_years=len(ladder.steps),
                    reason=Reason.BEYOND_LADDER,
                    rule_id=ladder.id,
                )
            )
            amounts.append(0)
            continue
        g = _check_grant_year(ladder, group.grant_year)
        group_steps = _ladder_steps(ladder, pos, g)
        steps.extend(group_steps)
        amounts.append(group_steps[0].amount)
    if len(groups) > 1:
        steps.append(_sum_step(Role.TOTAL, amounts))
    total = sum(amounts)
    notes = [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    competence = sum(s.amount for s in steps if s.role is Role.COMPETENCE)
    return Calculation(
        kind=CalcKind.RUSARBEID_MIXED,
        scheme_id=scheme_id,
        inputs={"groups": tuple(inputs)},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=total,
        figures={"grant": total, "competence": competence},
        notes=_unique_notes(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
        eligible=total > 0,
    )


def rusarbeid_mixed_own_share(
    kb: KnowledgeBase, groups: Sequence[LadderGroup], yearly_cost: int
) -> Calculation:
    """Kommunalt rusarbeid: one year's own share for positions in different grant years.

    ``yearly_cost`` is the yearly cost of ONE full position; each group's own share is
    ``max(0, positions × cost − grant)`` and the result their sum. A group past the ladder
    gets no grant, so it pays its whole cost.
    """
    grants = rusarbeid_mixed(kb, groups)
    _scheme_id, ladder = _ladder(kb)
    cost_value = _check_cost(yearly_cost)
    unit = Unit(ladder.unit)
    # each group's steps: its grant (or not-eligible) step, then any competence step
    by_group: list[list[Step]] = []
    for step in grants.steps:
        if step.role is Role.GRANT:
            by_group.append([step])
        elif step.role is not Role.TOTAL and by_group:
            by_group[-1].append(step)
    steps: list[Step] = []
    shares: list[int] = []
    figures: dict[str, int] = {}
    for group, group_steps in zip(groups, by_group, strict=True):
        grant_step, grant_year = group_steps[0], group.grant_year
        pos = parse_positions(group.positions)
        cost_step = _multiply(Role.COST, pos, unit, cost_value, ladder.id)
        steps.append(cost_step)
        steps.extend(group_steps)
        difference = cost_step.amount - grant_step.amount
        steps.append(
            Step(
                op=Op.SUBTRACT,
                role=Role.OWN_SHARE,
                amount=difference,
                parts=(cost_step.amount, grant_step.amount),
                grant_year=grant_year,
                max_years=len(ladder.steps),
            )
        )
        if difference < 0:
            steps.append(
                Step(
                    op=Op.CLAMP,
                    role=Role.OWN_SHARE,
                    amount=0,
                    parts=(difference,),
                    grant_year=grant_year,
                )
            )
        shares.append(max(0, difference))
        key = f"own_share_year_{grant_year}"
        figures[key] = figures.get(key, 0) + max(0, difference)
    if len(shares) > 1:
        steps.append(_sum_step(Role.TOTAL, shares))
    total = sum(shares)
    figures.update({"grant": grants.total, "own_share": total})
    return Calculation(
        kind=CalcKind.RUSARBEID_MIXED_OWN_SHARE,
        scheme_id=grants.scheme_id,
        inputs={**grants.inputs, "yearly_cost": cost_value},
        rule_ids=grants.rule_ids,
        steps=tuple(steps),
        total=total,
        figures=figures,
        notes=_unique_notes([own_share_definition(False), *grants.notes]),
        sources=grants.sources,
        years=grants.years,
    )


def rusarbeid_period_total(kb: KnowledgeBase, positions: PositionsInput) -> Calculation:
    """Kommunalt rusarbeid: the grant for a number of positions over every grant year."""
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    steps: list[Step] = []
    per_year: list[int] = []
    figures: dict[str, int] = {}
    for rung in ladder.steps:
        year_steps = _ladder_steps(ladder, pos, rung.grant_year)
        steps.extend(year_steps)
        per_year.append(year_steps[0].amount)
        figures[f"year_{rung.grant_year}"] = year_steps[0].amount
    n = len(ladder.steps)
    steps.append(_sum_step(Role.TOTAL, per_year, grant_years=(1, n)))
    figures["total"] = sum(per_year)
    figures["competence"] = sum(s.amount for s in steps if s.role is Role.COMPETENCE)
    notes = [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    return Calculation(
        kind=CalcKind.RUSARBEID_PERIOD,
        scheme_id=scheme_id,
        inputs={"positions": pos},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=figures["total"],
        figures=figures,
        notes=tuple(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def _own_share_facts(kb: KnowledgeBase, scheme_id: str) -> list[Note]:
    """Quote the newest thing the sources say about the own share, if anything."""
    facts = [f for f in kb.schemes[scheme_id].facts if f.topic is Topic.OWN_SHARE]
    if not facts:
        return []
    newest = max(facts, key=lambda f: (len(f.text) > 0, f.years.first))
    return [Note(NoteKey.OWN_SHARE_SOURCE, {"source": newest.source}, newest.text)]


def _check_cost(yearly_cost: object) -> int:
    """Return a valid yearly cost in kroner or raise InvalidArgument / InvalidAmount."""
    if not _is_int(yearly_cost) or yearly_cost < 0:  # type: ignore[operator]
        raise InvalidArgument(
            "yearly_cost",
            yearly_cost,
            "årlig kostnad per årsverk må være et helt antall kroner, 0 eller mer",
            "the yearly cost per position must be whole kroner, 0 or more",
        )
    assert isinstance(yearly_cost, int)
    if yearly_cost > typed.MAX_KRONER:
        raise InvalidAmount(yearly_cost, "too_many")
    return yearly_cost


def own_share_definition(cost_for_all: bool) -> Note:
    """Say how the own share is computed: from a cost per position or the cost stated for all."""
    return Note(NoteKey.OWN_SHARE_DEFINITION, {"for_all": 1} if cost_for_all else {})


def _cost_step(pos: Fraction, unit: Unit, yearly_cost: int, rule_id: str, for_all: bool) -> Step:
    """Build the cost step: positions × cost per position, or the cost stated for all."""
    if for_all:
        return Step(
            op=Op.VALUE,
            role=Role.COST,
            amount=yearly_cost,
            quantity=pos,
            unit=unit,
            rule_id=rule_id,
        )
    return _multiply(Role.COST, pos, unit, yearly_cost, rule_id)


def rusarbeid_own_share(
    kb: KnowledgeBase,
    positions: PositionsInput,
    grant_year: int | None,
    yearly_cost: int,
    through: int | None = None,
    grant_years: Sequence[int] | None = None,
    cost_for_all: bool = False,
) -> Calculation:
    """Kommunalt rusarbeid: what the municipality covers itself, never below 0.

    ``yearly_cost`` is the yearly cost in kroner of ONE full position (one årsverk); the cost
    of the positions is ``yearly_cost × positions`` and the own share ``max(0, cost − grant)``.
    With ``cost_for_all`` it is the yearly cost of all the positions together ('samlet
    lønnskostnad'). ``grant_year`` None gives every grant year of the ladder and their total;
    with ``through`` the grant years from ``grant_year`` to ``through`` and their total;
    ``grant_years`` names the grant years to sum ('år 2 og år 3').
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    yearly_cost = _check_cost(yearly_cost)
    years = [r.grant_year for r in ladder.steps]
    if grant_years:
        years = sorted({_check_grant_year(ladder, g) for g in grant_years})
    elif grant_year is not None and through is not None:
        first = _check_grant_year(ladder, grant_year)
        years = list(range(first, _check_grant_year(ladder, through) + 1))
    elif grant_year is not None:
        years = [_check_grant_year(ladder, grant_year)]
    unit = Unit(ladder.unit)
    cost_step = _cost_step(pos, unit, yearly_cost, ladder.id, cost_for_all)
    cost = cost_step.amount
    steps: list[Step] = [cost_step]
    shares: list[int] = []
    grants: list[int] = []
    figures: dict[str, int] = {"cost": cost}
    for g in years:
        grant_steps = _ladder_steps(ladder, pos, g)
        grant = grant_steps[0].amount
        steps.extend(grant_steps)
        difference = cost - grant
        steps.append(
            Step(
                op=Op.SUBTRACT,
                role=Role.OWN_SHARE,
                amount=difference,
                parts=(cost, grant),
                grant_year=g,
                max_years=len(ladder.steps),
            )
        )
        if difference < 0:
            steps.append(
                Step(op=Op.CLAMP, role=Role.OWN_SHARE, amount=0, parts=(difference,), grant_year=g)
            )
        share = max(0, difference)
        shares.append(share)
        grants.append(grant)
        figures[f"grant_year_{g}"] = grant
        figures[f"own_share_year_{g}"] = share
    if len(years) > 1:
        span = (years[0], years[-1]) if years == list(range(years[0], years[-1] + 1)) else None
        steps.append(_sum_step(Role.TOTAL, shares, grant_years=span))
    total = sum(shares)
    figures["grant"] = sum(grants)
    figures["own_share"] = total
    surplus = sum(grants) - cost * len(years)
    notes = [own_share_definition(cost_for_all)]
    if surplus > 0 and total == 0:
        notes.append(Note(NoteKey.SURPLUS, {"amount": surplus}))
    notes += [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        *_own_share_facts(kb, scheme_id),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    sources = [kb.provenance(ladder)]
    sources += [
        kb.provenance(f) for f in kb.schemes[scheme_id].facts if f.topic is Topic.OWN_SHARE
    ][-1:]
    return Calculation(
        kind=CalcKind.RUSARBEID_OWN_SHARE,
        scheme_id=scheme_id,
        inputs={
            "positions": pos,
            "grant_year": grant_year,
            "grant_years": tuple(years),
            "yearly_cost": yearly_cost,
            "cost_for_all": cost_for_all,
        },
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=total,
        figures=figures,
        notes=tuple(notes),
        sources=_unique(sources),
        years=ladder.years,
    )


def rusarbeid_difference(
    kb: KnowledgeBase, positions: PositionsInput, from_year: int, to_year: int
) -> Calculation:
    """Kommunalt rusarbeid: how the grant changes from one grant year to another.

    The total is the grant in ``to_year`` minus the grant in ``from_year`` (negative when it
    goes down), so swapping the years changes only the sign.
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    a = _check_grant_year(ladder, from_year)
    b = _check_grant_year(ladder, to_year)
    first = _ladder_steps(ladder, pos, a)[0]
    second = _ladder_steps(ladder, pos, b)[0]
    change = second.amount - first.amount
    steps = (
        first,
        second,
        Step(
            op=Op.SUBTRACT,
            role=Role.DIFFERENCE,
            amount=change,
            parts=(second.amount, first.amount),
            grant_years=(a, b),
            quantity=pos,
            unit=Unit(ladder.unit),
        ),
    )
    per_position = Fraction(change) / pos
    return Calculation(
        kind=CalcKind.RUSARBEID_DIFFERENCE,
        scheme_id=scheme_id,
        inputs={"positions": pos, "from_year": a, "to_year": b},
        rule_ids=(ladder.id,),
        steps=steps,
        total=change,
        figures={
            "from": first.amount,
            "to": second.amount,
            "difference": change,
            "per_position": round_kroner(per_position),
        },
        notes=(*_rounding_note(steps), Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text)),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def rusarbeid_span_total(
    kb: KnowledgeBase, positions: PositionsInput, first: int, last: int | None = None
) -> Calculation:
    """Kommunalt rusarbeid: the grant for the same positions over grant years first..last.

    ``last`` None means the last grant year of the ladder ('vi er i år 3, hva gjenstår?').
    The total is the sum of the years' grants.
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    a = _check_grant_year(ladder, first)
    b = _check_grant_year(ladder, len(ladder.steps) if last is None else last)
    if b < a:
        a, b = b, a
    steps: list[Step] = []
    per_year: list[int] = []
    figures: dict[str, int] = {}
    for g in range(a, b + 1):
        year_steps = _ladder_steps(ladder, pos, g)
        steps.extend(year_steps)
        per_year.append(year_steps[0].amount)
        figures[f"year_{g}"] = year_steps[0].amount
    steps.append(_sum_step(Role.TOTAL, per_year, grant_years=(a, b)))
    figures["total"] = sum(per_year)
    notes = [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    return Calculation(
        kind=CalcKind.RUSARBEID_SPAN,
        scheme_id=scheme_id,
        inputs={"positions": pos, "first": a, "last": b},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=figures["total"],
        figures=figures,
        notes=tuple(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def rusarbeid_years_total(
    kb: KnowledgeBase, positions: PositionsInput, grant_years: Sequence[int]
) -> Calculation:
    """Kommunalt rusarbeid: the grant for the same positions summed over the grant years named.

    'år 1, 2 og 3', 'år 1 og år 3': each year once, in order; the total is the sum of the
    years' grants.
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    years = sorted({_check_grant_year(ladder, g) for g in grant_years})
    if not years:
        raise InvalidArgument("grant_years", "", "oppgi minst ett tilskuddsår", "give a grant year")
    steps: list[Step] = []
    per_year: list[int] = []
    figures: dict[str, int] = {}
    for g in years:
        year_steps = _ladder_steps(ladder, pos, g)
        steps.extend(year_steps)
        per_year.append(year_steps[0].amount)
        figures[f"year_{g}"] = year_steps[0].amount
    a, b = years[0], years[-1]
    span = (a, b) if years == list(range(a, b + 1)) else None
    steps.append(_sum_step(Role.TOTAL, per_year, grant_years=span))
    figures["total"] = sum(per_year)
    notes = [
        *_competence_notes(ladder, steps),
        *_rounding_note(steps),
        Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text),
    ]
    return Calculation(
        kind=CalcKind.RUSARBEID_SPAN,
        scheme_id=scheme_id,
        inputs={"positions": pos, "first": a, "last": b, "grant_years": tuple(years)},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=figures["total"],
        figures=figures,
        notes=tuple(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def rusarbeid_yearly_changes(kb: KnowledgeBase, positions: PositionsInput) -> Calculation:
    """Kommunalt rusarbeid: how much the grant changes from each grant year to the next.

    One difference step per pair of consecutive grant years (the later minus the earlier);
    ``figures['step']`` is the change when every step of the ladder is the same. The total is
    the sum of the changes (the last year's grant minus the first's).
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    grants = [_ladder_steps(ladder, pos, rung.grant_year)[0] for rung in ladder.steps]
    steps: list[Step] = list(grants)
    figures: dict[str, int] = {}
    changes: list[int] = []
    for earlier, later in itertools.pairwise(grants):
        assert earlier.grant_year is not None and later.grant_year is not None
        change = later.amount - earlier.amount
        changes.append(change)
        figures[f"change_{earlier.grant_year}_{later.grant_year}"] = change
        steps.append(
            Step(
                op=Op.SUBTRACT,
                role=Role.DIFFERENCE,
                amount=change,
                parts=(later.amount, earlier.amount),
                grant_years=(earlier.grant_year, later.grant_year),
                quantity=pos,
                unit=Unit(ladder.unit),
            )
        )
    for g in grants:
        figures[f"year_{g.grant_year}"] = g.amount
    if changes and len(set(changes)) == 1:
        figures["step"] = changes[0]
    return Calculation(
        kind=CalcKind.RUSARBEID_STEPS,
        scheme_id=scheme_id,
        inputs={"positions": pos},
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=sum(changes),
        figures=figures,
        notes=(*_rounding_note(steps), Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text)),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


def rusarbeid_own_share_difference(
    kb: KnowledgeBase,
    positions: PositionsInput,
    from_year: int,
    to_year: int,
    yearly_cost: int | None = None,
    cost_for_all: bool = False,
) -> Calculation:
    """Kommunalt rusarbeid: how the own share changes from one grant year to another.

    With a cost: the own share in ``to_year`` minus the own share in ``from_year`` (each never
    below 0). Without one the cost is the same in both years and at least the grant, so the own
    share changes by as much as the grant, the other way: grant(from) − grant(to).
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    a = _check_grant_year(ladder, from_year)
    b = _check_grant_year(ladder, to_year)
    first = _ladder_steps(ladder, pos, a)[0]
    second = _ladder_steps(ladder, pos, b)[0]
    steps: list[Step] = []
    notes: list[Note] = []
    if yearly_cost is None:
        steps += [first, second]
        parts = (first.amount, second.amount)
        figures = {"from": first.amount, "to": second.amount}
        notes.append(Note(NoteKey.SAME_COST))
    else:
        shares = rusarbeid_own_share(
            kb, pos, None, yearly_cost, grant_years=sorted({a, b}), cost_for_all=cost_for_all
        )
        steps += [s for s in shares.steps if s.role is not Role.TOTAL]
        share_a = shares.figures[f"own_share_year_{a}"]
        share_b = shares.figures[f"own_share_year_{b}"]
        parts = (share_b, share_a)
        figures = {"from": share_a, "to": share_b, "cost": shares.figures["cost"]}
        notes.append(own_share_definition(cost_for_all))
    change = parts[0] - parts[1]
    steps.append(
        Step(
            op=Op.SUBTRACT,
            role=Role.OWN_SHARE_DIFFERENCE,
            amount=change,
            parts=parts,
            grant_years=(a, b),
            quantity=pos,
            unit=Unit(ladder.unit),
        )
    )
    figures["difference"] = change
    figures["per_position"] = round_kroner(Fraction(change) / pos)
    notes += [*_rounding_note(steps), Note(NoteKey.RULE_TEXT, {"rule": ladder.id}, ladder.text)]
    return Calculation(
        kind=CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE,
        scheme_id=scheme_id,
        inputs={
            "positions": pos,
            "from_year": a,
            "to_year": b,
            "yearly_cost": yearly_cost,
            "cost_for_all": cost_for_all,
        },
        rule_ids=(ladder.id,),
        steps=tuple(steps),
        total=change,
        figures=figures,
        notes=tuple(notes),
        sources=(kb.provenance(ladder),),
        years=ladder.years,
    )


# --- kommunalt rusarbeid by calendar year (with the wind-down) ---------------------------------


@dataclass(frozen=True)
class _YearStatus:
    """Whether positions started in some year get a grant in a calendar year, and why not."""

    funded: bool
    rule: AmountRule
    ladder: LadderRule | None
    grant_year: int | None
    reason: Reason | None = None


def _year_status(
    kb: KnowledgeBase,
    rule: AmountRule,
    year: int,
    start: int,
    reference: int | None,
    previous_funded: bool | None,
) -> _YearStatus:
    """Decide one calendar year for positions started in ``start``."""
    ladder = None if isinstance(rule, FlatRule) else _ladder_of(kb, rule)
    grant_year = year - start + 1
    if reference is not None and year > reference and start > reference:
        return _YearStatus(False, rule, ladder, grant_year, Reason.NEW_POSITION)
    if isinstance(rule, FlatRule):
        if previous_funded is False:
            return _YearStatus(False, rule, None, grant_year, Reason.NOT_CONTINUED)
        return _YearStatus(True, rule, None, None)
    assert ladder is not None
    if grant_year > len(ladder.steps):
        return _YearStatus(False, rule, ladder, grant_year, Reason.BEYOND_LADDER)
    return _YearStatus(True, rule, ladder, grant_year)


def _position_status(
    kb: KnowledgeBase, rules: Sequence[AmountRule], start: int, year: int, reference: int | None
) -> _YearStatus:
    """Follow positions from their start year to ``year`` and return the status in ``year``."""
    previous: bool | None = None
    status: _YearStatus | None = None
    for y in range(start, year + 1):
        rule = _rule_for_year(rules, y)
        if rule is None:
            previous = None
            continue
        status = _year_status(kb, rule, y, start, reference, previous)
        previous = status.funded
    if status is None:  # pragma: no cover - the caller checks that ``year`` is covered
        raise KnowledgeMissing(f"en regel for {year}")
    return status


def _rusarbeid_context(
    kb: KnowledgeBase,
) -> tuple[str, Scheme, LadderRule, list[AmountRule], int | None]:
    """Return scheme id, scheme, ladder, amount rules and reference year of kommunalt rusarbeid."""
    scheme_id, ladder = _ladder(kb)
    rules = _amount_rules(kb, scheme_id)
    return scheme_id, kb.schemes[scheme_id], ladder, rules, _reference_year(rules)


def _check_calendar_year(rules: Sequence[AmountRule], year: object, subject: str) -> int:
    """Return a calendar year some rule covers, or raise OutOfRange naming the covered years."""
    if not _is_int(year):
        raise OutOfRange(year, [r.years for r in rules], subject)
    assert isinstance(year, int)
    if _rule_for_year(rules, year) is None:
        raise OutOfRange(year, [r.years for r in rules], subject)
    return year


def rusarbeid_calendar_year(
    kb: KnowledgeBase,
    year: int,
    groups: Sequence[PositionGroup],
    funded_in_2021: bool | None = None,
) -> Calculation:
    """Kommunalt rusarbeid in one calendar year, for positions that started in various years.

    Before the wind-down each group is in grant year ``year - start_year + 1`` of the ladder.
    In the wind-down (the rules with conditions; 2022 by the ladder, 2023–2024 flat in the
    sources) only municipalities funded in the reference year (``funded_in_2021``; None states
    the condition as a note) and only positions that existed then and still had a grant the
    year before get anything. Years no rule covers raise OutOfRange.
    """
    scheme_id, scheme, ladder, rules, reference = _rusarbeid_context(kb)
    y = _check_calendar_year(rules, year, scheme.names.short)
    if not groups:
        raise InvalidArgument(
            "groups", "", "oppgi minst én gruppe stillinger med startår", "give at least one group"
        )
    rule = _rule_for_year(rules, y)
    assert rule is not None
    winddown = reference is not None and y > reference
    steps: list[Step] = []
    amounts: list[int] = []
    notes: list[Note] = []
    used: list[AmountRule] = [rule]
    inputs: list[tuple[int, Fraction]] = []
    text_rule = _optional_rule(kb, TRANSITION_RULE, TextRule)
    for group in groups:
        pos = parse_positions(group.positions)
        start = group.start_year
        if not _is_int(start) or start > y:
            raise InvalidStartYear(start, y)
        inputs.append((start, pos))
        unit = Unit(rule.unit if isinstance(rule, FlatRule) else ladder.unit)
        if winddown and funded_in_2021 is False:
            steps.append(
                Step(
                    op=Op.NOT_ELIGIBLE,
                    role=Role.GRANT,
                    amount=0,
                    quantity=pos,
                    unit=unit,
                    year=y,
                    start_year=start,
                    reason=Reason.MUNICIPALITY_NOT_FUNDED,
                    reference_year=reference,
                    rule_id=rule.id,
                )
            )
            amounts.append(0)
            continue
        status = _position_status(kb, rules, start, y, reference)
        if status.ladder is not None and status.ladder not in used:
            used.append(status.ladder)
        if not status.funded:
            steps.append(
                Step(
                    op=Op.NOT_ELIGIBLE,
                    role=Role.GRANT,
                    amount=0,
                    quantity=pos,
                    unit=unit,
                    grant_year=status.grant_year,
                    max_years=len(ladder.steps),
                    year=y,
                    start_year=start,
                    reason=status.reason,
                    reference_year=reference,
                    rule_id=status.rule.id,
                )
            )
            amounts.append(0)
            continue
        if isinstance(status.rule, FlatRule):
            flat = status.rule
            step = _multiply(
                Role.GRANT, pos, Unit(flat.unit), flat.amount, flat.id, year=y, start_year=start
            )
            steps.append(step)
            amounts.append(step.amount)
            continue
        assert status.ladder is not None and status.grant_year is not None
        group_steps = _ladder_steps(status.ladder, pos, status.grant_year, y, start)
        steps.extend(group_steps)
        amounts.append(group_steps[0].amount)
        if start < status.ladder.years.first:
            notes.append(
                Note(
                    NoteKey.TRANSITION_PLACEMENT,
                    {
                        "first": status.ladder.years.first,
                        "start": start,
                        "grant_year": status.grant_year,
                    },
                )
            )
    if len(groups) > 1:
        steps.append(_sum_step(Role.TOTAL, amounts, year=y))
    total = sum(amounts)
    notes = [*_competence_notes(ladder, steps), *notes]
    if winddown:
        for condition in _conditions(rule):
            notes.append(Note(NoteKey.CONDITION, quote=condition))
        if funded_in_2021 is None and reference is not None:
            notes.append(Note(NoteKey.CONDITION_ASSUMED, {"reference": reference}))
    if isinstance(rule, FlatRule):
        notes.append(
            Note(
                NoteKey.FLAT_RATE,
                {"amount": rule.amount, "years": rule.years.label(), "unit": rule.unit},
            )
        )
        notes.append(
            Note(NoteKey.CONTINUATION, {"years": rule.years.label(), "max": len(ladder.steps)})
        )
    early_start = any(start < ladder.years.first for start, _ in inputs)
    if text_rule is not None and (text_rule.years.contains(y) or early_start):
        notes.append(
            Note(
                NoteKey.TRANSITION,
                {"rule": text_rule.id, "first": ladder.years.first},
                text_rule.text,
            )
        )
    notes += _rounding_note(steps)
    for r in used:
        notes.append(Note(NoteKey.RULE_TEXT, {"rule": r.id}, r.text))
    sources = [kb.provenance(r) for r in used]
    rule_ids = [r.id for r in used]
    if any(n.key is NoteKey.TRANSITION for n in notes) and text_rule is not None:
        sources.append(kb.provenance(text_rule))
        rule_ids.append(text_rule.id)
    return Calculation(
        kind=CalcKind.RUSARBEID_CALENDAR_YEAR,
        scheme_id=scheme_id,
        inputs={"year": y, "groups": tuple(inputs), "funded_in_2021": funded_in_2021},
        rule_ids=tuple(dict.fromkeys(rule_ids)),
        steps=tuple(steps),
        total=total,
        figures={
            "grant": total,
            "competence": sum(s.amount for s in steps if s.role is Role.COMPETENCE),
        },
        notes=_unique_notes(notes),
        sources=_unique(sources),
        years=_year_range(y, y),
        eligible=total > 0,
    )


def rusarbeid_calendar_total(
    kb: KnowledgeBase,
    first_year: int,
    last_year: int,
    groups: Sequence[PositionGroup],
    funded_in_2021: bool | None = None,
) -> Calculation:
    """Kommunalt rusarbeid summed over calendar years; groups count from their start year."""
    scheme_id, scheme, _ladder_rule, rules, _reference = _rusarbeid_context(kb)
    first = _check_calendar_year(rules, first_year, scheme.names.short)
    last = _check_calendar_year(rules, last_year, scheme.names.short)
    if first > last:
        raise InvalidArgument(
            "years",
            f"{first_year}–{last_year}",
            "første år må komme før siste år",
            "the first year must not come after the last",
        )
    for y in range(first, last + 1):
        _check_calendar_year(rules, y, scheme.names.short)
    steps: list[Step] = []
    notes: list[Note] = []
    sources: list[Provenance] = []
    rule_ids: list[str] = []
    per_year: list[int] = []
    figures: dict[str, int] = {}
    for y in range(first, last + 1):
        active = [g for g in groups if _is_int(g.start_year) and g.start_year <= y]
        if not active:
            continue
        calc = rusarbeid_calendar_year(kb, y, active, funded_in_2021)
        steps.extend(s for s in calc.steps if s.role is not Role.TOTAL)
        notes.extend(calc.notes)
        sources.extend(calc.sources)
        rule_ids.extend(calc.rule_ids)
        per_year.append(calc.total)
        figures[f"y{y}"] = calc.total
    if not per_year:
        raise InvalidStartYear(min((g.start_year for g in groups), default=last), last)
    steps.append(_sum_step(Role.TOTAL, per_year, years=(first, last)))
    figures["total"] = sum(per_year)
    return Calculation(
        kind=CalcKind.RUSARBEID_CALENDAR_RANGE,
        scheme_id=scheme_id,
        inputs={
            "first_year": first,
            "last_year": last,
            "groups": tuple((g.start_year, parse_positions(g.positions)) for g in groups),
            "funded_in_2021": funded_in_2021,
        },
        rule_ids=tuple(dict.fromkeys(rule_ids)),
        steps=tuple(steps),
        total=figures["total"],
        figures=figures,
        notes=_unique_notes(notes),
        sources=_unique(sources),
        years=_year_range(first, last),
        eligible=figures["total"] > 0,
    )


def rusarbeid_calendar_own_share(
    kb: KnowledgeBase,
    first_year: int,
    last_year: int,
    groups: Sequence[PositionGroup],
    yearly_cost: int,
    cost_for_all: bool = False,
    funded_in_2021: bool | None = None,
) -> Calculation:
    """Kommunalt rusarbeid: the own share summed over calendar years, with the wind-down.

    Each calendar year's grant is :func:`rusarbeid_calendar_year` for the groups started by
    then (by the ladder, or the sources' flat amount in the wind-down years); the own share of
    a year is ``max(0, cost − grant)`` and the total their sum. ``yearly_cost`` is per full
    position, or with ``cost_for_all`` the cost of all the positions together.
    """
    grants = rusarbeid_calendar_total(kb, first_year, last_year, groups, funded_in_2021)
    cost_value = _check_cost(yearly_cost)
    positions = sum((parse_positions(g.positions) for g in groups), Fraction(0))
    _scheme, ladder = _ladder(kb)
    cost_step = _cost_step(positions, Unit(ladder.unit), cost_value, ladder.id, cost_for_all)
    cost = cost_step.amount
    steps: list[Step] = [cost_step]
    shares: list[int] = []
    figures: dict[str, int] = {"cost": cost}
    years = list(
        range(int(str(grants.inputs["first_year"])), int(str(grants.inputs["last_year"])) + 1)
    )
    by_year = {y: [s for s in grants.steps if s.year == y] for y in years}
    for y in years:
        if f"y{y}" not in grants.figures:
            continue
        grant = grants.figures[f"y{y}"]
        steps.extend(by_year[y])
        difference = cost - grant
        steps.append(
            Step(
                op=Op.SUBTRACT, role=Role.OWN_SHARE, amount=difference, parts=(cost, grant), year=y
            )
        )
        if difference < 0:
            steps.append(
                Step(op=Op.CLAMP, role=Role.OWN_SHARE, amount=0, parts=(difference,), year=y)
            )
        share = max(0, difference)
        shares.append(share)
        figures[f"grant_y{y}"] = grant
        figures[f"own_share_y{y}"] = share
    first, last = years[0], years[-1]
    steps.append(_sum_step(Role.TOTAL, shares, years=(first, last)))
    figures["grant"] = grants.total
    figures["own_share"] = sum(shares)
    notes = [own_share_definition(cost_for_all), *grants.notes]
    return Calculation(
        kind=CalcKind.RUSARBEID_CALENDAR_OWN_SHARE,
        scheme_id=grants.scheme_id,
        inputs={**grants.inputs, "yearly_cost": cost_value, "cost_for_all": cost_for_all},
        rule_ids=grants.rule_ids,
        steps=tuple(steps),
        total=figures["own_share"],
        figures=figures,
        notes=_unique_notes(notes),
        sources=grants.sources,
        years=grants.years,
    )


# --- NAV social services: caps -----------------------------------------------------------------


def nav_grant(
    kb: KnowledgeBase,
    positions: PositionsInput,
    measures: int = 1,
    years: int = 1,
    year: int | None = None,
) -> Calculation:
    """NAV social-services development grant: the most that can be granted (caps, not a ladder).

    Per year: ``positions × cap per 100 % position + measures × cap per measure``; over
    ``years`` years (primarily one, at most the rule's maximum) that many times the yearly cap.
    ``year`` (optional) is checked against the years the rule covers.
    """
    scheme_id, cap = _rule(kb, NAV_CAP_RULE, CapRule)
    pos = parse_positions(positions)
    if not _is_int(measures) or measures < 0:
        raise InvalidArgument(
            "measures",
            measures,
            "antall tiltak må være et helt tall, 0 eller mer",
            "the number of measures must be a whole number, 0 or more",
        )
    if not _is_int(years) or not 1 <= years <= cap.max_years:
        raise InvalidDuration(years, cap.usual_years, cap.max_years)
    if year is not None and (not _is_int(year) or not cap.years.contains(year)):
        raise OutOfRange(year, [cap.years], kb.schemes[scheme_id].names.short)
    s_pos = _multiply(Role.CAP_POSITIONS, pos, Unit.STILLING, cap.per_position, cap.id)
    s_measure = _multiply(
        Role.CAP_MEASURES, Fraction(measures), Unit.TILTAK, cap.per_measure, cap.id
    )
    s_year = _sum_step(Role.CAP_YEAR, [s_pos.amount, s_measure.amount])
    # salary only ('bare lønn'): no measure money, so the positions' cap is the year's cap
    steps = [s_pos, s_measure, s_year] if measures else [s_pos]
    total = s_year.amount
    if years > 1:
        s_period = _multiply(Role.CAP_PERIOD, Fraction(years), Unit.AR, s_year.amount, cap.id)
        steps.append(s_period)
        total = s_period.amount
    notes = [
        Note(NoteKey.CAPS_NOT_LADDER),
        Note(NoteKey.DURATION, {"usual": cap.usual_years, "max": cap.max_years}),
        Note(NoteKey.COVERS, {"what": "position"}, cap.position_covers),
        Note(NoteKey.COVERS, {"what": "measure"}, cap.measure_covers),
    ]
    if years > 1:
        notes.append(Note(NoteKey.PERIOD_CAP, {"years": years}))
    notes += [*_rounding_note(steps), Note(NoteKey.RULE_TEXT, {"rule": cap.id}, cap.text)]
    return Calculation(
        kind=CalcKind.NAV_CAP,
        scheme_id=scheme_id,
        inputs={"positions": pos, "measures": measures, "years": years, "year": year},
        rule_ids=(cap.id,),
        steps=tuple(steps),
        total=total,
        figures={
            "cap_positions": s_pos.amount,
            "cap_measures": s_measure.amount,
            "cap_per_year": s_year.amount,
            "cap_total": total,
        },
        notes=tuple(notes),
        sources=(kb.provenance(cap),),
        years=cap.years,
    )


def nav_max_years(kb: KnowledgeBase) -> int:
    """Return the most years the NAV cap rule lets the same measure be funded."""
    return _rule(kb, NAV_CAP_RULE, CapRule)[1].max_years


def nav_own_share(
    kb: KnowledgeBase,
    positions: PositionsInput,
    yearly_cost: object,
    years: int = 1,
    cost_for_all: bool = False,
) -> Calculation:
    """Own share under the NAV caps: the positions' cost minus the most they can get, per year.

    The cap per 100 % position covers pay and social costs; the competence money per measure
    is for competence, not pay, so it does not reduce the own share. Since the grant is at
    most the cap, the own share is at least this; over ``years`` years (at most the rule's
    maximum) that many times the yearly own share.
    """
    pos = parse_positions(positions)
    cost_per_year = _check_cost(yearly_cost)
    cap = nav_grant(kb, pos, measures=0)
    _scheme_id, rule = _rule(kb, NAV_CAP_RULE, CapRule)
    if not _is_int(years) or not 1 <= years <= rule.max_years:
        raise InvalidDuration(years, rule.usual_years, rule.max_years)
    granted = cap.figures["cap_positions"]
    exact = Fraction(cost_per_year) if cost_for_all else cost_per_year * pos
    cost = round_kroner(exact)
    cost_step = (
        # 'en 80 %-stilling koster 560 000': the cost stated is that of all the positions
        Step(op=Op.VALUE, role=Role.COST, amount=cost, quantity=pos, unit=Unit.STILLING)
        if cost_for_all
        else Step(
            op=Op.MULTIPLY,
            role=Role.COST,
            amount=cost,
            quantity=pos,
            unit=Unit.STILLING,
            rate=cost_per_year,
            exact=None if exact.denominator == 1 else exact,
        )
    )
    steps = [
        cost_step,
        *(step for step in cap.steps if step.role is Role.CAP_POSITIONS),
        Step(op=Op.SUBTRACT, role=Role.OWN_SHARE, amount=cost - granted, parts=(cost, granted)),
    ]
    if cost < granted:
        steps.append(Step(op=Op.CLAMP, role=Role.OWN_SHARE, amount=0, parts=(cost - granted,)))
    share = max(0, cost - granted)
    total = share
    if years > 1:
        period = _multiply(Role.OWN_SHARE_PERIOD, Fraction(years), Unit.AR, share, rule.id)
        steps.append(period)
        total = period.amount
    notes = (
        own_share_definition(cost_for_all),
        *(
            n
            for n in cap.notes
            if n.key is not NoteKey.COVERS or n.params.get("what") == "position"
        ),
    )
    return Calculation(
        kind=cap.kind,
        scheme_id=cap.scheme_id,
        inputs={
            "positions": pos,
            "yearly_cost": cost_per_year,
            "cost_for_all": cost_for_all,
            "years": years,
        },
        rule_ids=cap.rule_ids,
        steps=tuple(steps),
        total=total,
        figures={"cost": cost, "grant": granted, "own_share": share, "own_share_total": total},
        notes=notes,
        sources=cap.sources,
        years=cap.years,
    )


# --- appropriations: sums and differences over schemes and years -----------------------------

#: (scheme id, year): the appropriation of one scheme in one year.
MoneyItem = tuple[str, int]


def _appropriation(kb: KnowledgeBase, item: MoneyItem, office: str | None) -> Appropriation:
    """Return a scheme's appropriation in a year: national, or the one an office distributes."""
    sid, year = item
    if sid not in kb.schemes:
        raise UnknownScheme(sid)
    found = [
        a
        for a in kb.schemes[sid].appropriations
        if a.year == year
        and (
            a.scope == "nasjonal"
            if office is None
            else a.scope == "fylke" and kb.provenance(a).office_id == office
        )
    ]
    if len(found) != 1:
        raise KnowledgeMissing(f"appropriation {sid} {year}")
    return found[0]


def _appropriation_steps(
    kb: KnowledgeBase, items: Sequence[MoneyItem], office: str | None
) -> tuple[list[Step], list[Provenance], list[Note]]:
    """One value step per appropriation; one the sources give for two schemes counts once."""
    steps: list[Step] = []
    sources: list[Provenance] = []
    notes: list[Note] = []
    seen: dict[tuple[int, int, str, str], int] = {}
    for item in items:
        a = _appropriation(kb, item, office)
        name = kb.schemes[item[0]].names.short
        key = (a.year, a.amount, a.text, a.source)
        if key in seen:
            # 'voksne og barn og unge 2018': one figure for both schemes, counted once
            at = seen[key]
            steps[at] = replace(steps[at], subject=f"{steps[at].subject} / {name}")
            continue
        seen[key] = len(steps)
        steps.append(
            Step(op=Op.VALUE, role=Role.APPROPRIATION, amount=a.amount, subject=name, year=a.year)
        )
        sources.append(kb.provenance(a))
        if a.prognosis:
            notes.append(Note(NoteKey.PROGNOSIS, {"years": str(a.year)}))
    return steps, sources, notes


def appropriation_sum(
    kb: KnowledgeBase, items: Sequence[MoneyItem], office: str | None = None
) -> Calculation:
    """The sum of appropriations (national, or an office's) of schemes and years.

    An appropriation the sources give for two schemes together is counted once.
    """
    steps, sources, notes = _appropriation_steps(kb, items, office)
    total = sum(s.amount for s in steps)
    if len(steps) > 1:
        steps.append(
            Step(
                op=Op.SUM,
                role=Role.APPROPRIATION,
                amount=total,
                parts=tuple(s.amount for s in steps),
            )
        )
    return Calculation(
        kind=CalcKind.APPROPRIATION_SUM,
        scheme_id=items[0][0] if len({sid for sid, _y in items}) == 1 else None,
        inputs={"items": tuple(items), "office": office},
        rule_ids=(),
        steps=tuple(steps),
        total=total,
        figures={"total": total},
        notes=_unique_notes(notes),
        sources=_unique(sources),
        years=_year_range(min(y for _s, y in items), max(y for _s, y in items)),
    )


def appropriation_difference(
    kb: KnowledgeBase,
    first: Sequence[MoneyItem],
    second: Sequence[MoneyItem],
    office: str | None = None,
) -> Calculation:
    """The first appropriations' sum minus the second's (negative when the first is smaller)."""
    one, two = appropriation_sum(kb, first, office), appropriation_sum(kb, second, office)
    difference = one.total - two.total
    steps = [
        *one.steps,
        *two.steps,
        Step(
            op=Op.SUBTRACT,
            role=Role.DIFFERENCE,
            amount=difference,
            parts=(one.total, two.total),
        ),
    ]
    items = (*first, *second)
    return Calculation(
        kind=CalcKind.APPROPRIATION_DIFFERENCE,
        scheme_id=items[0][0] if len({sid for sid, _y in items}) == 1 else None,
        inputs={"first": tuple(first), "second": tuple(second), "office": office},
        rule_ids=(),
        steps=tuple(steps),
        total=difference,
        figures={"first": one.total, "second": two.total, "difference": difference},
        notes=_unique_notes([*one.notes, *two.notes]),
        sources=_unique([*one.sources, *two.sources]),
        years=_year_range(min(y for _s, y in items), max(y for _s, y in items)),
    )


# --- Opptrappingsplanen: framework increases ---------------------------------------------------

_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e"})


def _norm(text: str) -> str:
    """Normalise a name for matching: casefold, æøå to ASCII, punctuation to spaces."""
    t = text.casefold().translate(_TRANSLIT).replace("aa", "a")
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return " ".join(t.split())


def _fuzzy(query: str, choices: Sequence[str]) -> list[tuple[str, float]]:
    """Score choices against a query with rapidfuzz WRatio, best first."""
    found = process.extract(query, list(choices), scorer=fuzz.WRatio, limit=len(choices))
    return [(choice, float(score)) for choice, score, _index in found]


def _pick(query: str, options: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """Match a normalised query to normalised option keys: (match or None, suggestions)."""
    if query in options:
        return options[query], []
    words = [k for k in options if k.split()[0] == query or k.startswith(query + " ")]
    if len(words) == 1:
        return options[words[0]], []
    scored = _fuzzy(query, list(options))
    if scored:
        best, score = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else 0.0
        clear = score >= FUZZY_CUTOFF and score - runner_up >= FUZZY_MARGIN
        if clear and len(query) >= FUZZY_MIN_LENGTH:
            return options[best], []
    suggestions = [options[k] for k, s in scored if s >= SUGGEST_CUTOFF]
    return None, list(dict.fromkeys(suggestions))[:3]


def resolve_municipality(kb: KnowledgeBase, text: str | Municipality) -> Municipality:
    """Find a municipality by number ('0906', '906', '0906 Arendal') or name, tolerating typos.

    Names match case- and æøå-insensitively ('arendal', 'Sogne'), by first word ('Evje') and
    by rapidfuzz WRatio (cutoff FUZZY_CUTOFF, with a clear lead). Raises UnknownMunicipality
    with up to three suggestions.
    """
    if isinstance(text, Municipality):
        return text
    areas = sorted({m.county for m in kb.municipalities.values()})
    raw = text.strip()
    number = re.fullmatch(r"(?:kommune(?:nummer|nr\.?)?\s*)?(\d{1,4})\b.*", raw, re.IGNORECASE)
    if number:
        key = number.group(1).zfill(4)
        if key in kb.municipalities:
            return kb.municipalities[key]
        raise UnknownMunicipality(raw, (), areas)
    query = re.sub(r"\s+kommune$", "", _norm(raw))
    if not query:
        raise UnknownMunicipality(raw, (), areas)
    options = {_norm(m.name): m.number for m in kb.municipalities.values()}
    found, suggestions = _pick(query, options)
    if found is not None:
        return kb.municipalities[found]
    raise UnknownMunicipality(raw, [kb.municipalities[n].name for n in suggestions], areas)


def _table(kb: KnowledgeBase, table_id: str) -> Table:
    """Return a table or raise KnowledgeMissing."""
    if table_id not in kb.tables:
        raise KnowledgeMissing(f"tabellen {table_id}")
    return kb.tables[table_id]


def _year_columns(table: Table) -> dict[int, Column]:
    """Return the single-year columns of a table by year (printed sums excluded)."""
    columns: dict[int, Column] = {}
    for column in table.columns:
        if column.year is not None and not column.sum_of and column.unit == "kr":
            columns.setdefault(column.year, column)
    return columns


def _status(column: Column) -> Status | None:
    """Return a column's status (actual or prognosis)."""
    return Status(column.status) if column.status else None


def _row_of(table: Table, municipality: Municipality) -> Row | None:
    """Return the row of a municipality in a table."""
    for row in table.rows:
        if row.municipality == municipality.number:
            return row
    return None


def _framework(kb: KnowledgeBase) -> tuple[Table, dict[int, Column]]:
    """Return the main framework table and its year columns."""
    table = _table(kb, FRAMEWORK_TABLE)
    return table, _year_columns(table)


def _check_years(table: Table, columns: Mapping[int, Column], years: Iterable[object]) -> None:
    """Raise OutOfRange for any year the table has no column for."""
    for year in years:
        if not _is_int(year) or year not in columns:
            raise OutOfRange(year, [table.years], table.title)


def _value(table: Table, row: Row, column: Column, municipality: str) -> int:
    """Return a row's value in a column, or raise KnowledgeMissing."""
    if column.id not in row.values:
        raise KnowledgeMissing(f"tallet for {municipality} i kolonnen {column.label} ({table.id})")
    return _whole(row.values[column.id])


def _known(table: Table, row: str, column: str) -> bool:
    """Tell whether a table records a discrepancy for a printed sum."""
    return any(d.row == row and d.column == column for d in table.discrepancies)


def _printed_sum(
    kb: KnowledgeBase,
    statuses: Mapping[int, Status | None],
    row_matches: Callable[[Table, Row], bool],
) -> list[tuple[Table, Row, Column, int]]:
    """Find sums the framework tables print for the same years (and statuses) and row.

    A sum column counts when it adds up exactly these years with the same statuses; a
    single-year column counts only in a printed sum row (like 'Sum Lister').
    """
    wanted = set(statuses)
    found: list[tuple[Table, Row, Column, int]] = []
    for table_id in FRAMEWORK_TABLES:
        table = kb.tables.get(table_id)
        if table is None:
            continue
        by_id = {c.id: c for c in table.columns}
        for row in table.rows:
            if not row_matches(table, row):
                continue
            for column in table.columns:
                if column.id not in row.values or column.unit != "kr":
                    continue
                if not column.sum_of and not row.sum_of_rows:
                    continue
                parts = [by_id[c] for c in column.sum_of] if column.sum_of else [column]
                if len(parts) != len(wanted) or {c.year for c in parts} != wanted:
                    continue
                if any(c.year is None or _status(c) != statuses[c.year] for c in parts):
                    continue
                found.append((table, row, column, _whole(row.values[column.id])))
    return found


def _printed_notes(found: Sequence[tuple[Table, Row, Column, int]], computed: int) -> list[Note]:
    """Say whether each printed figure matches the computed one."""
    notes = []
    for table, row, column, printed in found:
        params: dict[str, int | str] = {
            "printed": printed,
            "computed": computed,
            "label": column.label,
            "table": table.title,
        }
        if printed == computed:
            notes.append(Note(NoteKey.PRINTED_MATCH, params))
        else:
            params["known"] = int(_known(table, row.key, column.id))
            notes.append(Note(NoteKey.PRINTED_DIFFERS, params))
    return notes


def _prognosis_notes(statuses: Mapping[int, Status | None]) -> list[Note]:
    """Say which years are prognoses."""
    years = [y for y, s in sorted(statuses.items()) if s is Status.PROGNOSE]
    return [Note(NoteKey.PROGNOSIS, {"years": ", ".join(map(str, years))})] if years else []


def framework_increase(
    kb: KnowledgeBase, municipality: str | Municipality, year: int
) -> Calculation:
    """Opptrappingsplanen: a municipality's framework increase in one year, actual or prognosis.

    Figures other tables give for the same year with another status (the 2018 prognosis) are
    added as separate, labelled steps; they never replace the main figure.
    """
    muni = resolve_municipality(kb, municipality)
    table, columns = _framework(kb)
    _check_years(table, columns, [year])
    column = columns[year]
    row = _row_of(table, muni)
    if row is None:
        raise UnknownMunicipality(muni.name)
    status = _status(column)
    value = _value(table, row, column, muni.name)
    steps = [
        Step(
            op=Op.VALUE,
            role=Role.FRAMEWORK,
            amount=value,
            year=year,
            status=status,
            subject=muni.name,
        )
    ]
    figures = {"increase": value}
    notes = _prognosis_notes({year: status})
    sources = [kb.provenance(table)]
    for other_id in FRAMEWORK_TABLES[1:]:
        other = kb.tables.get(other_id)
        if other is None:
            continue
        other_row = _row_of(other, muni)
        other_column = _year_columns(other).get(year)
        if other_row is None or other_column is None or _status(other_column) == status:
            continue
        if other_column.id not in other_row.values:
            continue
        amount = _whole(other_row.values[other_column.id])
        steps.append(
            Step(
                op=Op.VALUE,
                role=Role.OTHER_FIGURE,
                amount=amount,
                year=year,
                status=_status(other_column),
                subject=other_column.label,
            )
        )
        figures[other_column.id] = amount
        notes.append(
            Note(
                NoteKey.OTHER_FIGURE,
                {"label": other_column.label, "table": other.title, "amount": amount},
                other_column.definition,
            )
        )
        sources.append(kb.provenance(other))
    return Calculation(
        kind=CalcKind.FRAMEWORK_INCREASE,
        scheme_id=None,
        inputs={"municipality": muni.number, "year": year},
        rule_ids=(table.id,),
        steps=tuple(steps),
        total=value,
        figures=figures,
        notes=tuple(notes),
        sources=_unique(sources),
        years=_year_range(year, year),
    )


def _year_span(first_year: int, last_year: int) -> list[int]:
    """Return the years first..last, or raise InvalidArgument when they are reversed."""
    if not (_is_int(first_year) and _is_int(last_year)) or first_year > last_year:
        raise InvalidArgument(
            "years",
            f"{first_year}–{last_year}",
            "første år må være et årstall som ikke kommer etter siste år",
            "the first year must be a year no later than the last",
        )
    return list(range(first_year, last_year + 1))


def framework_sum(
    kb: KnowledgeBase, municipality: str | Municipality, first_year: int, last_year: int
) -> Calculation:
    """Opptrappingsplanen: a municipality's framework increases summed over a year range.

    ``total`` is the sum of the years shown. Where a table prints a sum for exactly these
    years, ``figures['printed']`` holds it and a note says whether it matches (and whether a
    difference is a known rounding in the source).
    """
    muni = resolve_municipality(kb, municipality)
    table, columns = _framework(kb)
    years = _year_span(first_year, last_year)
    _check_years(table, columns, years)
    row = _row_of(table, muni)
    if row is None:
        raise UnknownMunicipality(muni.name)
    statuses = {y: _status(columns[y]) for y in years}
    steps = [
        Step(
            op=Op.VALUE,
            role=Role.FRAMEWORK,
            amount=_value(table, row, columns[y], muni.name),
            year=y,
            status=statuses[y],
            subject=muni.name,
        )
        for y in years
    ]
    parts = [s.amount for s in steps]
    steps.append(_sum_step(Role.TOTAL, parts, years=(years[0], years[-1]), subject=muni.name))
    total = sum(parts)
    figures = {"computed": total}
    figures["actual"] = sum(s.amount for s in steps[:-1] if s.status is not Status.PROGNOSE)
    figures["prognosis"] = sum(s.amount for s in steps[:-1] if s.status is Status.PROGNOSE)
    found = _printed_sum(kb, statuses, lambda _t, r: r.municipality == muni.number)
    if found:
        figures["printed"] = found[0][3]
    notes = [*_prognosis_notes(statuses), *_printed_notes(found, total)]
    sources = [kb.provenance(table), *(kb.provenance(t) for t, _r, _c, _v in found)]
    return Calculation(
        kind=CalcKind.FRAMEWORK_SUM,
        scheme_id=None,
        inputs={"municipality": muni.number, "first_year": years[0], "last_year": years[-1]},
        rule_ids=tuple(dict.fromkeys([table.id, *(t.id for t, _r, _c, _v in found)])),
        steps=tuple(steps),
        total=total,
        figures=figures,
        notes=tuple(notes),
        sources=_unique(sources),
        years=_year_range(years[0], years[-1]),
    )


def _groups(kb: KnowledgeBase) -> dict[str, list[Municipality]]:
    """Return every group that can be summed: regions, counties and Agder."""
    groups: dict[str, list[Municipality]] = {}
    for muni in sorted(kb.municipalities.values(), key=lambda m: m.number):
        if muni.region:
            groups.setdefault(muni.region, []).append(muni)
        groups.setdefault(muni.county, []).append(muni)
    agder = [m for m in kb.municipalities.values() if _norm(AGDER) in _norm(m.county)]
    if agder:
        groups[AGDER] = sorted(agder, key=lambda m: m.number)
    return groups


def resolve_group(kb: KnowledgeBase, text: str) -> tuple[str, list[Municipality]]:
    """Find a region ('Lister') or county ('Aust-Agder', 'Vest-Agder', 'Agder') by name."""
    groups = _groups(kb)
    query = _norm(text)
    query = re.sub(r"^(regionen|region|fylket|fylke)\s+|\s+(regionen|region|fylke)$", "", query)
    options = {_norm(name): name for name in groups}
    found, _suggestions = _pick(query, options) if query else (None, [])
    if found is None:
        raise UnknownGroup(text, sorted(groups))
    return found, groups[found]


def framework_group_total(
    kb: KnowledgeBase, group: str, years: int | tuple[int, int]
) -> Calculation:
    """Opptrappingsplanen: the framework increases of a region or county in a year or range.

    Steps give each year's group total (actual or prognosis), then the total over the range;
    ``breakdown`` lists each municipality's share, largest first. A printed group row (the
    'Sum Lister' row) is compared where one exists.
    """
    name, members = resolve_group(kb, group)
    first, last = (years, years) if isinstance(years, int) else years
    span = _year_span(first, last)
    table, columns = _framework(kb)
    _check_years(table, columns, span)
    rows = [(m, _row_of(table, m)) for m in members]
    present = [(m, r) for m, r in rows if r is not None]
    statuses = {y: _status(columns[y]) for y in span}
    steps: list[Step] = []
    per_member: dict[str, int] = {m.name: 0 for m, _r in present}
    for y in span:
        values = [_value(table, r, columns[y], m.name) for m, r in present]
        for (m, _r), v in zip(present, values, strict=True):
            per_member[m.name] += v
        steps.append(_sum_step(Role.FRAMEWORK, values, year=y, status=statuses[y], subject=name))
    year_totals = [s.amount for s in steps]
    if len(span) > 1:
        steps.append(_sum_step(Role.TOTAL, year_totals, years=(first, last), subject=name))
    total = sum(year_totals)
    numbers = {m.number for m, _r in present}

    def is_group_row(table: Table, row: Row) -> bool:
        keyed = {r.key: r.municipality for r in table.rows}
        return bool(row.sum_of_rows) and {keyed.get(k) for k in row.sum_of_rows} == numbers

    found = _printed_sum(kb, statuses, is_group_row)
    figures = {"computed": total, **{f"y{y}": t for y, t in zip(span, year_totals, strict=True)}}
    if found:
        figures["printed"] = found[0][3]
    notes = [
        Note(NoteKey.GROUP_MEMBERS, {"group": name, "names": ", ".join(per_member)}),
        *_prognosis_notes(statuses),
        *_printed_notes(found, total),
    ]
    sources = [kb.provenance(table), *(kb.provenance(t) for t, _r, _c, _v in found)]
    breakdown = tuple(sorted(per_member.items(), key=lambda item: (-item[1], item[0])))
    return Calculation(
        kind=CalcKind.FRAMEWORK_GROUP,
        scheme_id=None,
        inputs={"group": name, "first_year": first, "last_year": last},
        rule_ids=tuple(dict.fromkeys([table.id, *(t.id for t, _r, _c, _v in found)])),
        steps=tuple(steps),
        total=total,
        figures=figures,
        notes=tuple(notes),
        sources=_unique(sources),
        years=_year_range(first, last),
        breakdown=breakdown,
    )


def framework_ranking(
    kb: KnowledgeBase,
    year: int,
    top: int | None = 5,
    descending: bool = True,
    group: str | None = None,
) -> Ranking:
    """Opptrappingsplanen: municipalities ordered by their framework increase in a year."""
    table, columns = _framework(kb)
    _check_years(table, columns, [year])
    if top is not None and (not _is_int(top) or top < 1):
        raise InvalidArgument(
            "top", top, "antall må være 1 eller mer", "the count must be 1 or more"
        )
    column = columns[year]
    allowed: set[str] | None = None
    group_name = None
    if group is not None:
        group_name, members = resolve_group(kb, group)
        allowed = {m.number for m in members}
    rows = [
        r
        for r in table.rows
        if r.municipality is not None
        and column.id in r.values
        and (allowed is None or r.municipality in allowed)
    ]
    ordered = sorted(
        rows,
        key=lambda r: (
            -_whole(r.values[column.id]) if descending else _whole(r.values[column.id]),
            kb.municipalities[r.municipality or ""].name,
        ),
    )
    chosen = ordered if top is None else ordered[:top]
    entries = tuple(
        RankEntry(
            rank=i,
            number=r.municipality or "",
            name=kb.municipalities[r.municipality or ""].name,
            amount=_whole(r.values[column.id]),
        )
        for i, r in enumerate(chosen, 1)
    )
    return Ranking(
        year=year,
        status=_status(column),
        descending=descending,
        group=group_name,
        entries=entries,
        count=len(rows),
        table_id=table.id,
        sources=(kb.provenance(table),),
    )


def printed_sums_check(
    kb: KnowledgeBase, table_ids: Sequence[str] = FRAMEWORK_TABLES
) -> list[SumCheck]:
    """Recompute every printed sum (sum columns and sum rows) of the framework tables."""
    checks: list[SumCheck] = []
    for table_id in table_ids:
        table = _table(kb, table_id)
        rows = {r.key: r for r in table.rows}
        for row in table.rows:
            for column in table.columns:
                if not column.sum_of or column.id not in row.values:
                    continue
                if any(c not in row.values for c in column.sum_of):
                    continue
                computed = sum(_whole(row.values[c]) for c in column.sum_of)
                printed = _whole(row.values[column.id])
                checks.append(
                    SumCheck(
                        table.id,
                        row.key,
                        row.label,
                        column.id,
                        "columns",
                        printed,
                        computed,
                        _known(table, row.key, column.id),
                    )
                )
            if row.sum_of_rows:
                for column_id, value in row.values.items():
                    parts = [rows[k].values.get(column_id) for k in row.sum_of_rows]
                    if any(p is None for p in parts):
                        continue
                    computed = sum(_whole(p) for p in parts if p is not None)
                    checks.append(
                        SumCheck(
                            table.id,
                            row.key,
                            row.label,
                            column_id,
                            "rows",
                            _whole(value),
                            computed,
                            _known(table, row.key, column_id),
                        )
                    )
    return checks


# --- deadlines ---------------------------------------------------------------------------------


def _scheme_names(scheme: Scheme) -> list[str]:
    """Return every name of a scheme."""
    return [scheme.id, *scheme.names.all()]


def resolve_scheme(kb: KnowledgeBase, text: str) -> Scheme:
    """Find a scheme by id or any of its names, tolerating typos; raise UnknownScheme."""
    if text in kb.schemes:
        return kb.schemes[text]
    options: dict[str, str] = {}
    for scheme in kb.schemes.values():
        for name in _scheme_names(scheme):
            options.setdefault(_norm(name), scheme.id)
    query = _norm(text)
    found, suggestions = _pick(query, options) if query else (None, [])
    if found is not None:
        return kb.schemes[found]
    names = [kb.schemes[s].names.short for s in dict.fromkeys(suggestions)]
    raise UnknownScheme(text, names)


def resolve_office(kb: KnowledgeBase, text: str) -> Office:
    """Find an office by id, name or alias (case-insensitive); raise UnknownOffice."""
    query = _norm(text)
    for office in kb.offices.values():
        if query in {_norm(n) for n in (office.id, office.name, *office.aliases)}:
            return office
    raise UnknownOffice(text, [o.name for o in kb.offices.values()])


_KIND_WORDS = {
    DeadlineKind.APPLICATION: ("application", "søknad", "soknad", "apply"),
    DeadlineKind.REPORT: ("report", "rapport"),
    DeadlineKind.ACCOUNTS: ("accounts", "regnskap", "revisjon"),
}


def _deadline_kind(kind: DeadlineKind | str) -> DeadlineKind:
    """Read a deadline kind from its value or a Norwegian or English word."""
    if isinstance(kind, DeadlineKind):
        return kind
    word = kind.strip().casefold()
    for value, stems in _KIND_WORDS.items():
        if any(word.startswith(stem) for stem in stems):
            return value
    raise InvalidArgument(
        "kind",
        kind,
        "fristtypen må være søknad, rapportering eller regnskap",
        "the deadline kind must be application, report or accounts",
    )


def upcoming_deadlines(
    kb: KnowledgeBase,
    today: dt.date,
    scheme_id: str | None = None,
    kind: DeadlineKind | str | None = None,
    office: str | None = None,
    limit: int | None = None,
) -> DeadlineOutlook:
    """Deadlines seen from ``today`` (always a parameter; the clock is never read).

    ``upcoming``: dated deadlines on or after today, soonest first, with days left (at most
    ``limit``). ``undated``: deadlines of today's year or later that the source gives only in
    words or as unknown. ``latest_known``: for each scheme and kind with neither, the newest
    deadlines the sources give (with their year, perhaps long past).
    """
    if isinstance(today, dt.datetime):
        today = today.date()
    if not isinstance(today, dt.date):
        raise InvalidArgument("today", today, "dagen må være en dato", "today must be a date")
    if limit is not None and (not _is_int(limit) or limit < 1):
        raise InvalidArgument(
            "limit", limit, "antall må være 1 eller mer", "the count must be 1 or more"
        )
    filters: dict[str, str] = {}
    wanted_scheme = None
    if scheme_id is not None:
        wanted_scheme = resolve_scheme(kb, scheme_id).id
        filters["scheme"] = wanted_scheme
    wanted_kind = None
    if kind is not None:
        wanted_kind = _deadline_kind(kind)
        filters["kind"] = wanted_kind.value
    wanted_office = None
    if office is not None:
        wanted_office = resolve_office(kb, office).id
        filters["office"] = wanted_office
    items: list[DeadlineItem] = []
    for entry in kb.deadlines():
        d = entry.deadline
        if wanted_scheme is not None and entry.scheme_id != wanted_scheme:
            continue
        if wanted_kind is not None and d.kind != wanted_kind:
            continue
        if wanted_office is not None and entry.office_id != wanted_office:
            continue
        scheme = kb.schemes[entry.scheme_id]
        items.append(
            DeadlineItem(
                id=entry.id,
                scheme_id=entry.scheme_id,
                scheme_name=scheme.names.short,
                scheme_name_en=(scheme.names.english or [scheme.names.short])[0],
                kind=d.kind,
                office_id=entry.office_id,
                office_name=kb.offices[entry.office_id].name,
                year=d.year,
                date=d.date,
                text=d.text,
                unknown=d.unknown,
                tentative=d.tentative,
                raw=d.raw,
                note=d.note,
                days_left=(d.date - today).days if d.date is not None else None,
                source=kb.provenance(d),
            )
        )
    upcoming = sorted(
        (i for i in items if i.date is not None and i.date >= today),
        key=lambda i: (i.date or today, i.scheme_name, i.kind.value, i.office_name),
    )
    undated = sorted(
        (i for i in items if i.date is None and i.year >= today.year),
        key=lambda i: (i.year, i.scheme_name, i.kind.value, i.office_name),
    )
    covered = {(i.scheme_id, i.kind) for i in (*upcoming, *undated)}
    newest: dict[tuple[str, DeadlineKind], int] = {}
    for i in items:
        key = (i.scheme_id, i.kind)
        if key not in covered:
            newest[key] = max(newest.get(key, i.year), i.year)
    latest = sorted(
        (i for i in items if newest.get((i.scheme_id, i.kind)) == i.year),
        key=lambda i: (i.scheme_name, i.kind.value, i.office_name),
    )
    return DeadlineOutlook(
        today=today,
        filters=filters,
        upcoming=tuple(upcoming if limit is None else upcoming[:limit]),
        undated=tuple(undated),
        latest_known=tuple(latest),
        newest_source_year=kb.newest_year(),
    )


# --- rendering ---------------------------------------------------------------------------------

_UNIT_WORDS: dict[Unit, dict[Lang, tuple[str, str]]] = {
    Unit.ARSVERK: {"nb": ("årsverk", "årsverk"), "en": ("FTE", "FTE")},
    Unit.STILLING: {"nb": ("stilling", "stillinger"), "en": ("position", "positions")},
    Unit.TILTAK: {"nb": ("tiltak", "tiltak"), "en": ("measure", "measures")},
    Unit.AR: {"nb": ("år", "år"), "en": ("year", "years")},
}

_STATUS_WORDS: dict[Status, dict[Lang, str]] = {
    Status.FAKTISK: {"nb": "faktisk", "en": "actual"},
    Status.PROGNOSE: {"nb": "prognose", "en": "prognosis"},
}


def quantity(value: Fraction, unit: Unit, lang: Lang = "nb") -> str:
    """Render a quantity with its unit: '1,5 årsverk', '2 stillinger', '1.5 FTE', '3 years'."""
    singular, plural = _UNIT_WORDS[unit][lang]
    return f"{fmt.positions(value, lang)} {singular if value == 1 else plural}"


def _k(amount: int, lang: Lang) -> str:
    """Render kroner."""
    return fmt.kroner(amount, lang)


def _prefix(step: Step, lang: Lang) -> str:
    """Render the calendar year and start year a step belongs to."""
    if step.year is not None and step.start_year is not None:
        started = "startet" if lang == "nb" else "started"
        return f"{step.year}, {started} {step.start_year}: "
    if step.year is not None and step.subject is None:
        return f"{step.year}: "
    return ""


def _context(step: Step, lang: Lang) -> list[str]:
    """Render what a step's figure refers to: 'år 3 av 4', 'prognose'."""
    parts = []
    if step.grant_year is not None and step.max_years is not None:
        if lang == "nb":
            parts.append(f"år {step.grant_year} av {step.max_years}")
        else:
            parts.append(f"year {step.grant_year} of {step.max_years}")
    if step.status is not None:
        parts.append(_STATUS_WORDS[step.status][lang])
    return parts


def _reason_text(step: Step, lang: Lang) -> str:
    """Explain why positions get no grant."""
    nb = lang == "nb"
    if step.reason is Reason.BEYOND_LADDER:
        if nb:
            return f"år {step.grant_year}, men tilskudd gis i inntil {step.max_years} år"
        return f"year {step.grant_year}, but grants are given for at most {step.max_years} years"
    if step.reason is Reason.NEW_POSITION:
        if nb:
            return (
                f"ny stilling; nedtrappingen gjelder bare videreføring av stillinger som fantes "
                f"i {step.reference_year}"
            )
        return (
            f"a new position; the wind-down only continues positions that existed in "
            f"{step.reference_year}"
        )
    if step.reason is Reason.NOT_CONTINUED:
        previous = (step.year or 0) - 1
        if nb:
            return (
                f"stillingen hadde ikke tilskudd i {previous}, og nedtrappingen gjelder bare "
                "videreføring av eksisterende stillinger"
            )
        return (
            f"the position had no grant in {previous}, and the wind-down only continues "
            "existing positions"
        )
    if nb:
        return f"bare kommuner som fikk tilskudd i {step.reference_year}, kan søke"
    return f"only municipalities that had a grant in {step.reference_year} may apply"


def _sum_label(step: Step, lang: Lang) -> str:
    """Render the label of a sum step."""
    word = "sum" if lang == "nb" else "total"
    subject = f"{step.subject} " if step.subject else ""
    if step.grant_years is not None:
        first, last = step.grant_years
        years = "år" if lang == "nb" else "years"
        return f"{word} {years} {first}–{last}" if first != last else f"{word} {years} {first}"
    if step.years is not None:
        return f"{subject}{word} {fmt.year_range(*step.years)}".strip()
    if step.year is not None:
        return f"{subject}{word} {step.year}"
    return word


def _sum_text(step: Step, lang: Lang, noun: tuple[str, str] | None = None) -> str:
    """Render 'a + b + c = total', or 'sum of n … = total' for long sums."""
    if len(step.parts) > 6:
        if noun is None:
            noun = ("beløp", "amounts")
        if lang == "nb":
            return f"sum av {len(step.parts)} {noun[0]} = {_k(step.amount, lang)}"
        return f"total of {len(step.parts)} {noun[1]} = {_k(step.amount, lang)}"
    return " + ".join(_k(p, lang) for p in step.parts) + f" = {_k(step.amount, lang)}"


def render_step(step: Step, lang: Lang = "nb", source: Provenance | None = None) -> str:
    """Render one step: '2 årsverk × 440 000 kr = 880 000 kr (år 3 av 4; kilde: …)'."""
    nb = lang == "nb"
    context = _context(step, lang)
    if source is not None:
        context.append(f"{'kilde' if nb else 'source'}: {source.label()}")
    tail = f" ({'; '.join(context)})" if context else ""
    qty = quantity(step.quantity, step.unit, lang) if step.quantity and step.unit else ""
    product = f"{qty} × {_k(step.rate or 0, lang)} = {_k(step.amount, lang)}"
    if step.op is Op.MULTIPLY:
        labels: dict[Role, tuple[str, str]] = {
            Role.GRANT: ("", ""),
            Role.COMPETENCE: (
                "herav til kompetanseutvikling: ",
                "of which competence development: ",
            ),
            Role.COST: ("kostnad: ", "cost: "),
            Role.CAP_POSITIONS: ("stillinger, inntil: ", "positions, up to: "),
            Role.CAP_MEASURES: (
                "kompetanse per tiltak, inntil: ",
                "competence per measure, up to: ",
            ),
            Role.CAP_PERIOD: ("inntil i alt: ", "up to in all: "),
            Role.OWN_SHARE_PERIOD: ("egenandel i alt: ", "own share in all: "),
        }
        label = labels.get(step.role, ("", ""))[0 if nb else 1]
        return f"{_prefix(step, lang)}{label}{product}{tail}"
    if step.op is Op.NOT_ELIGIBLE:
        none = "ikke tilskudd" if nb else "no grant"
        text = f"{_prefix(step, lang)}{qty}: {none} – {_reason_text(step, lang)} = {_k(0, lang)}"
        return text + (f" ({context[-1]})" if source is not None else "")
    if step.op is Op.SUBTRACT and step.role is Role.DIFFERENCE and step.grant_years:
        first, last = step.grant_years
        label = f"endring år {first} → år {last}" if nb else f"change year {first} → year {last}"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT and step.role is Role.OWN_SHARE_DIFFERENCE and step.grant_years:
        first, last = step.grant_years
        label = (
            f"endring i egenandel år {first} → år {last}"
            if nb
            else f"change in own share year {first} → year {last}"
        )
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT and step.role is Role.DIFFERENCE:
        label = "forskjell" if nb else "difference"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{label}: {minus} = {_k(step.amount, lang)}"
    if step.op is Op.SUBTRACT:
        label = "egenandel" if nb else "own share"
        minus = f"{_k(step.parts[0], lang)} − {_k(step.parts[1], lang)}"
        return f"{_prefix(step, lang)}{label}: {minus} = {_k(step.amount, lang)}{tail}"
    if step.op is Op.VALUE and step.role is Role.COST and qty:
        label = f"kostnad for {qty}" if nb else f"cost of {qty}"
        return f"{label}: {_k(step.amount, lang)}"
    if step.op is Op.CLAMP:
        if nb:
            return f"egenandelen kan ikke bli negativ: {_k(step.parts[0], lang)} → {_k(0, lang)}"
        return f"the own share cannot be negative: {_k(step.parts[0], lang)} → {_k(0, lang)}"
    if step.op is Op.VALUE:
        subject = f"{step.subject} " if step.subject else ""
        dated = step.role in (Role.FRAMEWORK, Role.APPROPRIATION)
        year = str(step.year) if dated and step.year is not None else ""
        label = f"{subject}{year}".strip()
        return f"{label}: {_k(step.amount, lang)}{tail}"
    # Op.SUM
    if step.role is Role.CAP_YEAR:
        label = "inntil per år" if nb else "up to per year"
        return f"{label}: {_sum_text(step, lang)}{tail}"
    if step.role is Role.FRAMEWORK:
        total = _sum_text(step, lang, ("kommuner", "municipalities"))
        return f"{_sum_label(step, lang)}: {total}{tail}"
    return f"{_sum_label(step, lang)}: {_sum_text(step, lang)}{tail}"


def _quoted(note: Note, lang: Lang) -> str:
    """Render a note's quote, marked as Norwegian source text in English answers."""
    if note.quote is None:
        return ""
    return (
        fmt.quote(note.quote)
        if lang == "nb"
        else f"(Norwegian source text) {fmt.quote(note.quote)}"
    )


def _param_int(note: Note, key: str) -> int:
    """Return an integer parameter of a note."""
    value = note.params.get(key, 0)
    return value if isinstance(value, int) else 0


def render_note(note: Note, lang: Lang = "nb") -> str:
    """Render one note in the answer language."""
    nb = lang == "nb"
    p = note.params
    q = _quoted(note, lang)
    key = note.key
    if key is NoteKey.RULE_TEXT:
        return f"{'Regel' if nb else 'Rule'} ({p.get('rule')}): {q}"
    if key is NoteKey.COMPETENCE_INCLUDED:
        per, total = _k(_param_int(note, "per_position"), lang), _k(_param_int(note, "total"), lang)
        rest = _k(_param_int(note, "rest"), lang) if "rest" in note.params else None
        one = _param_int(note, "total") <= _param_int(note, "per_position")
        if nb:
            text = f"År 1 inkluderer {per} per årsverk til kompetanseutvikling ({total} i alt)"
            noun = "årsverket" if one else "årsverkene"
            return text + (
                f"; resten av år 1-beløpet, {rest}, er til selve {noun}." if rest else "."
            )
        text = f"Year 1 includes {per} per FTE for competence development ({total} in all)"
        noun = "the FTE itself" if one else "the FTEs themselves"
        return text + (f"; the rest of the year-1 amount, {rest}, is for {noun}." if rest else ".")
    if key is NoteKey.ROUNDING:
        if nb:
            return "Beløp er avrundet til hele kroner (en halv krone rundes opp)."
        return "Amounts are rounded to whole kroner (half a krone rounds up)."
    if key is NoteKey.OWN_SHARE_DEFINITION and note.params.get("for_all"):
        if nb:
            return "Egenandel = oppgitt kostnad for stillingen(e) − tilskudd, aldri under 0 kr."
        return "Own share = the stated cost of the position(s) − grant, never below 0."
    if key is NoteKey.OWN_SHARE_DEFINITION:
        if nb:
            return (
                "Egenandel = årlig kostnad for ett helt årsverk × antall årsverk − tilskudd, "
                "aldri under 0 kr."
            )
        return "Own share = yearly cost of one full position × positions − grant, never below 0."
    if key is NoteKey.OWN_SHARE_SOURCE:
        return f"{'Om egenandelen sier kilden' if nb else 'On the own share, the source says'}: {q}"
    if key is NoteKey.SAME_COST:
        if nb:
            return (
                "Med samme kostnad begge år endres egenandelen like mye som tilskuddet, men "
                "motsatt vei (så lenge kostnaden er minst like stor som tilskuddet)."
            )
        return (
            "With the same cost in both years the own share changes by as much as the grant, "
            "the other way (as long as the cost is at least the grant)."
        )
    if key is NoteKey.SURPLUS:
        amount = _k(_param_int(note, "amount"), lang)
        if nb:
            return f"Tilskuddet er {amount} høyere enn kostnaden du oppga."
        return f"The grant exceeds the cost you gave by {amount}."
    if key is NoteKey.CONDITION:
        return f"{'Vilkår' if nb else 'Condition'}: {q}"
    if key is NoteKey.CONDITION_ASSUMED:
        ref = p.get("reference")
        if nb:
            return f"Beløpet forutsetter at kommunen fikk tilskudd i {ref}; ellers gis ingenting."
        return (
            f"The amount assumes the municipality had a grant in {ref}; otherwise nothing is given."
        )
    if key is NoteKey.FLAT_RATE:
        amount = _k(_param_int(note, "amount"), lang)
        unit = str(p.get("unit", ""))
        unit_en = _UNIT_WORDS[Unit(unit)]["en"][0] if unit in set(Unit) else unit
        if nb:
            return (
                f"I {p.get('years')} gis et fast beløp på {amount} per {unit}, uansett hvor "
                "langt stillingen har kommet på stigen."
            )
        return (
            f"In {p.get('years')} a flat {amount} per {unit_en} applies, whatever the "
            "position's step on the ladder."
        )
    if key is NoteKey.CONTINUATION:
        if nb:
            return (
                f"Kilden sier at {p.get('years')} bare gjelder videreføring av eksisterende "
                "stillinger. Her får en stilling bare tilskudd hvis den hadde tilskudd året før; "
                f"stillinger som har brukt opp sine {p.get('max')} år på stigen, er ikke med."
            )
        return (
            f"The source says {p.get('years')} only continues existing positions. Here a "
            "position gets a grant only if it had one the year before; positions that have "
            f"used up their {p.get('max')} years on the ladder are not included."
        )
    if key is NoteKey.TRANSITION:
        if nb:
            return f"Overgangsregler for kommuner som fikk tilskudd før {p.get('first')}: {q}"
        return f"Transition rules for municipalities funded before {p.get('first')}: {q}"
    if key is NoteKey.TRANSITION_PLACEMENT:
        if nb:
            return (
                f"Stillinger fra før {p.get('first')} (startet {p.get('start')}): hvor på stigen "
                "de plasseres, er et skjønn hos statsforvalteren; her regnet som år "
                f"{p.get('grant_year')} etter hovedregelen."
            )
        return (
            f"Positions from before {p.get('first')} (started {p.get('start')}): their step on "
            "the ladder is at the county governor's discretion; counted here as year "
            f"{p.get('grant_year')} under the main rule."
        )
    if key is NoteKey.CAPS_NOT_LADDER:
        if nb:
            return (
                "Dette er øvre grenser («inntil»), ikke faste satser og ingen nedtrappingsstige; "
                "tilskuddet kan bli lavere."
            )
        return (
            "These are caps (“up to”), not fixed rates and no tapering ladder; "
            "the grant may be lower."
        )
    if key is NoteKey.DURATION:
        if nb:
            return (
                f"Tilskudd gis primært for {p.get('usual')} år fra oppstartsdato, men kan gis i "
                f"inntil {p.get('max')} år til samme tiltak."
            )
        return (
            f"The grant is primarily for {p.get('usual')} year(s) from the start date, but can "
            f"be given for up to {p.get('max')} years for the same measure."
        )
    if key is NoteKey.PERIOD_CAP:
        if nb:
            return (
                f"Taket for {p.get('years')} år er taket per år ganget med antall år; hvert år "
                "søkes og vurderes for seg."
            )
        return (
            f"The cap for {p.get('years')} years is the yearly cap times the years; each year "
            "is applied for and assessed separately."
        )
    if key is NoteKey.COVERS:
        if p.get("what") == "position":
            return f"{'Per 100 % stilling dekkes' if nb else 'Per 100% position it covers'}: {q}"
        return f"{'Per tiltak dekkes' if nb else 'Per measure it covers'}: {q}"
    if key is NoteKey.PROGNOSIS:
        if nb:
            return f"Tallet for {p.get('years')} er en prognose, ikke et faktisk tall."
        return f"The figure for {p.get('years')} is a prognosis, not an actual figure."
    if key is NoteKey.PRINTED_MATCH:
        printed = _k(_param_int(note, "printed"), lang)
        if nb:
            return f"Kilden trykker samme sum: {printed} («{p.get('label')}», {p.get('table')})."
        return (
            f"The source prints the same total: {printed} (“{p.get('label')}”, {p.get('table')})."
        )
    if key is NoteKey.PRINTED_DIFFERS:
        printed = _k(_param_int(note, "printed"), lang)
        diff = _param_int(note, "printed") - _param_int(note, "computed")
        known = bool(p.get("known"))
        if nb:
            way = "mer" if diff > 0 else "mindre"
            why = "et kjent avrundingsavvik i kilden" if known else "ikke forklart i kilden"
            return (
                f"Kilden trykker {printed} («{p.get('label')}»), {_k(abs(diff), lang)} {way} enn "
                f"summen av årene ({why})."
            )
        way = "more" if diff > 0 else "less"
        why = (
            "a known rounding difference in the source" if known else "not explained by the source"
        )
        return (
            f"The source prints {printed} (“{p.get('label')}”), {_k(abs(diff), lang)} {way} than "
            f"the sum of the years ({why})."
        )
    if key is NoteKey.OTHER_FIGURE:
        amount = _k(_param_int(note, "amount"), lang)
        if nb:
            return (
                f"Tabellen «{p.get('table')}» har også «{p.get('label')}»: {amount}. Det er et "
                f"annet tall enn økningen i rammen for året. {q}"
            )
        return (
            f"The table “{p.get('table')}” also has “{p.get('label')}”: {amount}. That is a "
            f"different figure from the year's framework increase. {q}"
        )
    # NoteKey.GROUP_MEMBERS
    return f"{p.get('group')}: {p.get('names')}."


def render_calculation(calc: Calculation, lang: Lang = "nb", quotes: bool = True) -> str:
    """Render a calculation: its steps, a breakdown, notes and sources, one per line.

    ``quotes=False`` leaves out notes that only quote the source text.
    """
    lines = [render_step(step, lang) for step in calc.steps]
    if calc.breakdown:
        lines.append("Per kommune:" if lang == "nb" else "By municipality:")
        lines += [f"  {name}: {_k(amount, lang)}" for name, amount in calc.breakdown]
    for note in calc.notes:
        if not quotes and note.quote is not None and note.key is NoteKey.RULE_TEXT:
            continue
        lines.append(f"• {render_note(note, lang)}")
    label = ("Kilde" if len(calc.sources) == 1 else "Kilder") if lang == "nb" else "Source"
    if lang == "en" and len(calc.sources) > 1:
        label = "Sources"
    lines.append(f"{label}: " + "; ".join(s.label() for s in calc.sources))
    return "\n".join(lines)


def render_ranking(ranking: Ranking, lang: Lang = "nb") -> str:
    """Render a ranking, one municipality per line, with the status and source."""
    status = f" ({_STATUS_WORDS[ranking.status][lang]})" if ranking.status else ""
    where = f" i {ranking.group}" if ranking.group and lang == "nb" else ""
    if ranking.group and lang == "en":
        where = f" in {ranking.group}"
    if lang == "nb":
        order = "høyest" if ranking.descending else "lavest"
        head = f"Økning i rammen {ranking.year}{status}{where}, {order} først:"
    else:
        order = "highest" if ranking.descending else "lowest"
        head = f"Framework increase {ranking.year}{status}{where}, {order} first:"
    lines = [head]
    lines += [f"{e.rank}. {e.name} ({e.number}): {_k(e.amount, lang)}" for e in ranking.entries]
    label = "Kilde" if lang == "nb" else "Source"
    lines.append(f"{label}: " + "; ".join(s.label() for s in ranking.sources))
    return "\n".join(lines)


def render_deadline(item: DeadlineItem, lang: Lang = "nb", with_source: bool = False) -> str:
    """Render a deadline: 'Kommunalt rusarbeid – søknadsfrist: 15. februar 2022 (om 18 dager)'."""
    nb = lang == "nb"
    name = item.scheme_name if nb else item.scheme_name_en
    kind = DEADLINE_LABELS[item.kind][lang].lower()
    if item.unknown:
        value = f"{item.year}: " + (
            f"ukjent (kilden: {fmt.quote(item.raw)})"
            if nb
            else f"unknown (source: {fmt.quote(item.raw)})"
        )
    elif item.date is None:
        undated = "ingen dato" if nb else "no date"
        value = f"{fmt.quote(item.text or item.raw)} {item.year} ({undated})"
    else:
        value = fmt.long_date(item.date, lang)
        if item.days_left is not None:
            value += f" ({fmt.days(item.days_left, lang)})"
    if item.tentative:
        value += (" – foreløpig: " if nb else " – tentative: ") + fmt.quote(item.raw)
    text = f"{name} – {kind}: {value} – {item.office_name}"
    if with_source:
        text += f" ({'kilde' if nb else 'source'}: {item.source.label()})"
    return text


def render_outlook(outlook: DeadlineOutlook, lang: Lang = "nb") -> str:
    """Render a deadline outlook: next deadlines, undated ones and the latest known."""
    nb = lang == "nb"
    day = fmt.long_date(outlook.today, lang)
    lines: list[str] = []
    if outlook.upcoming:
        lines.append(f"Neste frister fra {day}:" if nb else f"Next deadlines from {day}:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.upcoming]
    else:
        lines.append(
            f"Kildene har ingen daterte frister etter {day}."
            if nb
            else f"The sources have no dated deadlines after {day}."
        )
    if outlook.undated:
        lines.append("Uten dato i kildene:" if nb else "Without a date in the sources:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.undated]
    if outlook.latest_known:
        lines.append("Siste kjente frister:" if nb else "Latest known deadlines:")
        lines += [f"- {render_deadline(i, lang)}" for i in outlook.latest_known]
    if outlook.outdated:
        year = outlook.newest_source_year
        lines.append(
            f"Kildene er fra {year} og eldre; sjekk nye frister hos statsforvalteren."
            if nb
            else f"The sources date from {year} or earlier; check current deadlines with the "
            "county governor."
        )
    return "\n".join(lines)
