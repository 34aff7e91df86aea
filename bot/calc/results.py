"""Typed results of a calculation: steps, notes, figures and their sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from knowledge.kb import Provenance
from knowledge.schema import DeadlineKind, YearRange

PositionsInput = Fraction | Decimal | int | float | str


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
    CAP_PERIOD_POSITIONS = "cap_period_positions"  # the positions' part of a period's cap
    OWN_SHARE_PERIOD = "own_share_period"
    APPROPRIATION = "appropriation"
    TOTAL = "total"
    FRAMEWORK = "framework"
    OTHER_FIGURE = "other_figure"
    DIFFERENCE = "difference"
    OWN_SHARE_DIFFERENCE = "own_share_difference"
    OLD_GRANT = "old_grant"  # the grant had the ladder gone on instead of a wind-down


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
    RUSARBEID_MIXED_CHANGE = "rusarbeid_mixed_change"
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
    RUSARBEID_OLD_VS_NEW = "rusarbeid_old_vs_new"
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
    quote_en: str | None = None


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
