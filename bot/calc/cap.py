"""Cap rules: the most a scheme grants per position and measure."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from bot.calc.errors import InvalidArgument, InvalidDuration, OutOfRange
from bot.calc.ladder import _check_cost, own_share_definition, rusarbeid_grant_year
from bot.calc.results import (
    CalcKind,
    Calculation,
    Note,
    NoteKey,
    Op,
    PositionsInput,
    Role,
    Step,
    Unit,
)
from bot.calc.rules import (
    LADDER_RULE,
    NAV_CAP_RULE,
    _is_int,
    _multiply,
    _rounding_note,
    _rule,
    _sum_step,
    parse_positions,
    round_kroner,
)
from knowledge.kb import KnowledgeBase
from knowledge.schema import CapRule, LadderRule


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
        raise InvalidArgument("measures", measures, "measures")
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
        if measures:
            # the positions' part over the period, the competence money left out
            steps.append(
                _multiply(Role.CAP_PERIOD_POSITIONS, Fraction(years), Unit.AR, s_pos.amount, cap.id)
            )
    notes = [
        Note(NoteKey.CAPS_NOT_LADDER),
        Note(NoteKey.DURATION, {"usual": cap.usual_years, "max": cap.max_years}),
        Note(NoteKey.COVERS, {"what": "position"}, cap.position_covers, cap.position_covers_en),
        Note(NoteKey.COVERS, {"what": "measure"}, cap.measure_covers, cap.measure_covers_en),
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


#: (scheme id, year): the appropriation of one scheme in one year.
MoneyItem = tuple[str, int]


def position_rate(
    kb: KnowledgeBase,
    scheme_id: str,
    positions: PositionsInput,
    grant_year: int | None,
    competence: bool = True,
    measures: int = 0,
) -> Calculation:
    """The most a scheme with rates gives a number of positions, with ``measures`` measures.

    A ladder scheme needs the grant year (InvalidGrantYear without one); a cap scheme gives
    its cap per position whatever the grant year, plus its competence money per measure for
    ``measures`` measures. Without ``competence`` the competence money a ladder year includes
    is taken off, and a cap's measure money is left out.
    """
    if scheme_id == _rule(kb, NAV_CAP_RULE, CapRule)[0]:
        return nav_grant(kb, positions, measures=measures if competence else 0)
    if scheme_id == _rule(kb, LADDER_RULE, LadderRule)[0]:
        if grant_year is None:
            raise InvalidArgument("grant_year", grant_year, "grant_years")
        calc = rusarbeid_grant_year(kb, positions, grant_year)
        included = calc.figures.get("competence", 0)
        if competence or not included:
            return calc
        rest = calc.total - included
        step = Step(
            Op.SUBTRACT,
            Role.GRANT,
            rest,
            parts=(calc.total, included),
            grant_year=calc.steps[0].grant_year,
            max_years=calc.steps[0].max_years,
        )
        return replace(
            calc,
            steps=(*calc.steps, step),
            total=rest,
            figures={**calc.figures, "grant": rest, "competence_excluded": included},
        )
    raise InvalidArgument("scheme", scheme_id, "rate_scheme")


def position_rates_difference(
    kb: KnowledgeBase,
    first: str,
    second: str,
    positions: PositionsInput,
    grant_year: int | None,
    competence: bool = True,
    measures: int = 0,
) -> tuple[Calculation, Calculation, int]:
    """Two schemes' rates for the same positions and how much more the first gives."""
    one = position_rate(kb, first, positions, grant_year, competence, measures)
    other = position_rate(kb, second, positions, grant_year, competence, measures)
    return one, other, one.total - other.total
