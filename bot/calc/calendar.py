"""Grants by calendar year for positions with start years, through a scheme's wind-down rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from bot.calc.errors import InvalidArgument, InvalidStartYear, KnowledgeMissing, OutOfRange
from bot.calc.ladder import _check_cost, _cost_step, own_share_definition
from bot.calc.results import (
    CalcKind,
    Calculation,
    Note,
    NoteKey,
    Op,
    PositionGroup,
    PositionsInput,
    Reason,
    Role,
    Step,
    Unit,
)
from bot.calc.rules import (
    TRANSITION_RULE,
    AmountRule,
    _amount_rules,
    _competence_notes,
    _conditions,
    _is_int,
    _ladder,
    _ladder_of,
    _ladder_steps,
    _multiply,
    _optional_rule,
    _reference_year,
    _rounding_note,
    _rule_for_year,
    _sum_step,
    _unique,
    _unique_notes,
    _year_range,
    parse_positions,
)
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import CapRule, FlatRule, LadderRule, Scheme, TextRule, Topic


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
        raise InvalidArgument("groups", "", "start_groups")
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
        raise InvalidArgument("years", f"{first_year}–{last_year}", "year_order")
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


def rusarbeid_old_vs_new(
    kb: KnowledgeBase,
    first_year: int,
    last_year: int,
    groups: Sequence[PositionGroup],
    funded_in_2021: bool | None = None,
) -> Calculation:
    """Kommunalt rusarbeid over calendar years by the wind-down against the old ladder alone.

    The wind-down total is :func:`rusarbeid_calendar_total`; the old rules' total runs every
    group down the grant-year ladder from its start year (grant year ``year − start + 1``, no
    grant after the ladder's last step) as if no wind-down rule had come. The difference is
    the old total less the wind-down total (what the wind-down takes away when positive).
    """
    new = rusarbeid_calendar_total(kb, first_year, last_year, groups, funded_in_2021)
    _scheme, ladder = _ladder(kb)
    assert new.years is not None and new.years.last is not None
    first, last = new.years.first, new.years.last
    # (one calendar year needs no sum of its years)
    steps: list[Step] = [s for s in new.steps if s.role is not Role.TOTAL or first != last]
    old_amounts: list[int] = []
    figures: dict[str, int] = {}
    for y in range(first, last + 1):
        amount = 0
        for group in groups:
            if not _is_int(group.start_year) or group.start_year > y:
                continue
            grant_year = y - group.start_year + 1
            if grant_year > len(ladder.steps):
                continue
            step = _ladder_steps(ladder, parse_positions(group.positions), grant_year, y)[0]
            steps.append(replace(step, role=Role.OLD_GRANT, start_year=group.start_year))
            amount += step.amount
        old_amounts.append(amount)
        figures[f"old_y{y}"] = amount
        if f"y{y}" in new.figures:
            figures[f"new_y{y}"] = new.figures[f"y{y}"]
    old = sum(old_amounts)
    if first != last:
        steps.append(
            Step(
                op=Op.SUM,
                role=Role.OLD_GRANT,
                amount=old,
                parts=tuple(old_amounts),
                years=(first, last),
            )
        )
    difference = old - new.total
    steps.append(
        Step(op=Op.SUBTRACT, role=Role.DIFFERENCE, amount=difference, parts=(old, new.total))
    )
    figures.update({"new": new.total, "old": old, "difference": difference})
    rule_ids = tuple(dict.fromkeys([*new.rule_ids, ladder.id]))
    sources = _unique([*new.sources, kb.provenance(ladder)])
    return Calculation(
        kind=CalcKind.RUSARBEID_OLD_VS_NEW,
        scheme_id=new.scheme_id,
        inputs=dict(new.inputs),
        rule_ids=rule_ids,
        steps=tuple(steps),
        total=difference,
        figures=figures,
        notes=new.notes,
        sources=sources,
        years=new.years,
        eligible=new.eligible,
    )


def rusarbeid_year_vs_old(
    kb: KnowledgeBase, year: int, grant_year: int, positions: PositionsInput, reference: int
) -> Calculation:
    """Kommunalt rusarbeid: a wind-down year's rules against the old ladder in a grant year.

    'For et årsverk i år 2 – hva ville det gitt etter gamle regler, og hva gir 2023-reglene?':
    the positions by the rules of ``year``, taken to be positions that existed in
    ``reference`` (the wind-down continues only those), against the same positions in
    ``grant_year`` of the old ladder. The difference is the old amount less the new one.
    """
    pos = parse_positions(positions)
    new = rusarbeid_calendar_year(kb, year, [PositionGroup(reference, pos)])
    _scheme, ladder = _ladder(kb)
    old_step = replace(_ladder_steps(ladder, pos, grant_year)[0], role=Role.OLD_GRANT)
    difference = old_step.amount - new.total
    steps = (
        *new.steps,
        old_step,
        Step(
            op=Op.SUBTRACT,
            role=Role.DIFFERENCE,
            amount=difference,
            parts=(old_step.amount, new.total),
        ),
    )
    return Calculation(
        kind=CalcKind.RUSARBEID_OLD_VS_NEW,
        scheme_id=new.scheme_id,
        inputs={**new.inputs, "grant_year": grant_year},
        rule_ids=tuple(dict.fromkeys([*new.rule_ids, ladder.id])),
        steps=steps,
        total=difference,
        figures={"new": new.total, "old": old_step.amount, "difference": difference},
        notes=new.notes,
        sources=_unique([*new.sources, kb.provenance(ladder)]),
        years=new.years,
        eligible=new.eligible,
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


@dataclass(frozen=True)
class GrantPeriod:
    """The calendar years a grant runs from a start year: grant year 1 is the start year."""

    start: int
    years: int  # the grant years counted (the rule's, else the question's)
    end: int  # the last calendar year with a grant
    basis: str  # "ladder", "cap", "fact" or "stated": where the count of years comes from
    stated: int | None  # the count the question gave, if any
    cut_at: int | None  # the described end of the grant when it cuts the period short


def grant_period(
    kb: KnowledgeBase,
    scheme_id: str,
    start: object,
    stated: int | None = None,
    described_end: int | None = None,
) -> GrantPeriod | None:
    """Return the years a grant from ``start`` runs: start + years − 1, as far as it is given.

    The count of grant years is the ladder's steps or the cap rule's most years for the same
    measure; for a scheme without such rules, the count the question states. None when
    neither gives one, the start is no whole year, or it lies after the end the sources
    describe.
    """
    if not _is_int(start):
        return None
    first = int(str(start))
    counts: list[tuple[int, str]] = []
    for rule in kb.rules(scheme_id):
        if isinstance(rule, LadderRule):
            counts.append((len(rule.steps), "ladder"))
        elif isinstance(rule, CapRule):
            counts.append((rule.max_years, "cap"))
    # 'Nye prosjekter/team: Tilskuddet gis inntil 4 år': the most years a fact gives a new one
    # (a start before the fact's years was no new one under it)
    given = [
        f.new_max_years
        for f in kb.schemes[scheme_id].facts
        if f.topic is Topic.DURATION and f.new_max_years is not None and first >= f.years.first
    ]
    if counts:
        years, basis = max(counts)
    elif given:
        years, basis = max(given), "fact"
    elif stated is not None and stated > 0:
        years, basis = stated, "stated"
    else:
        return None
    if described_end is not None and first > described_end:
        return None
    end = first + years - 1
    cut = described_end if described_end is not None and end > described_end else None
    return GrantPeriod(first, years, cut if cut is not None else end, basis, stated, cut)
