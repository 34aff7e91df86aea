"""Ladder rules: a rate per position by grant year, sums, differences and own share over years."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Mapping, Sequence
from fractions import Fraction

from bot import quantity as typed
from bot.calc.errors import InvalidAmount, InvalidArgument
from bot.calc.results import (
    CalcKind,
    Calculation,
    LadderGroup,
    Note,
    NoteKey,
    Op,
    PositionsInput,
    Reason,
    Role,
    Step,
    Unit,
)
from bot.calc.rules import (
    _check_grant_year,
    _competence_notes,
    _is_int,
    _ladder,
    _ladder_steps,
    _multiply,
    _rounding_note,
    _sum_step,
    _unique,
    _unique_notes,
    parse_positions,
    round_kroner,
)
from knowledge.kb import KnowledgeBase
from knowledge.schema import Topic


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
        raise InvalidArgument("groups", "", "groups")
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


def rusarbeid_mixed_change(
    kb: KnowledgeBase, before: Sequence[LadderGroup], after: Sequence[LadderGroup]
) -> Calculation:
    """Kommunalt rusarbeid: how one year's grant for groups of positions changes when the
    groups stand in other grant years (a year on: each group one grant year further).

    The total is the grant for ``after`` minus the grant for ``before``; a group past the last
    grant year gets nothing, as in :func:`rusarbeid_mixed`.
    """
    first = rusarbeid_mixed(kb, before)
    second = rusarbeid_mixed(kb, after)
    change = second.total - first.total
    ladder = _ladder(kb)[1]
    steps = (
        *first.steps,
        *second.steps,
        Step(
            op=Op.SUBTRACT,
            role=Role.DIFFERENCE,
            amount=change,
            parts=(second.total, first.total),
            unit=Unit(ladder.unit),
        ),
    )
    return Calculation(
        kind=CalcKind.RUSARBEID_MIXED_CHANGE,
        scheme_id=first.scheme_id,
        inputs={"groups": first.inputs["groups"], "groups_to": second.inputs["groups"]},
        rule_ids=first.rule_ids,
        steps=steps,
        total=change,
        figures={"from": first.total, "to": second.total, "difference": change},
        notes=_unique_notes([*first.notes, *second.notes]),
        sources=first.sources,
        years=first.years,
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
    return [Note(NoteKey.OWN_SHARE_SOURCE, {"source": newest.source}, newest.text, newest.text_en)]


def _check_cost(yearly_cost: object) -> int:
    """Return a valid yearly cost in kroner or raise InvalidArgument / InvalidAmount."""
    if not _is_int(yearly_cost) or yearly_cost < 0:  # type: ignore[operator]
        raise InvalidArgument("yearly_cost", yearly_cost, "yearly_cost")
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
    costs_by_grant_year: Mapping[int, int] | None = None,
) -> Calculation:
    """Kommunalt rusarbeid: what the municipality covers itself, never below 0.

    ``yearly_cost`` is the yearly cost in kroner of ONE full position (one årsverk); the cost
    of the positions is ``yearly_cost × positions`` and the own share ``max(0, cost − grant)``.
    With ``cost_for_all`` it is the yearly cost of all the positions together ('samlet
    lønnskostnad'). ``grant_year`` None gives every grant year of the ladder and their total;
    with ``through`` the grant years from ``grant_year`` to ``through`` and their total;
    ``grant_years`` names the grant years to sum ('år 2 og år 3'); ``costs_by_grant_year``
    gives a grant year its own yearly cost ('700 000 kr i år 1, 720 000 kr i år 2').
    """
    scheme_id, ladder = _ladder(kb)
    pos = parse_positions(positions)
    yearly_cost = _check_cost(yearly_cost)
    own_costs = {g: _check_cost(c) for g, c in (costs_by_grant_year or {}).items()}
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
    costs: list[int] = []
    for g in years:
        cost = cost_step.amount
        if g in own_costs and own_costs[g] != yearly_cost:
            year_cost = _cost_step(pos, unit, own_costs[g], ladder.id, cost_for_all)
            steps.append(dataclasses.replace(year_cost, grant_year=g))
            cost = year_cost.amount
        costs.append(cost)
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
    figures["cost"] = costs[0] if len(set(costs)) == 1 else sum(costs)
    surplus = sum(grants) - sum(costs)
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
        raise InvalidArgument("grant_years", "", "grant_years")
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
    if len(per_year) > 1:  # one grant year is its own total
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
