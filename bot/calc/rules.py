"""Rule lookup and exact arithmetic shared by the rule kinds: the rule of a year, rounding."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from bot import quantity as typed
from bot.calc.errors import InvalidAmount, InvalidGrantYear, InvalidPositions, KnowledgeMissing
from bot.calc.results import Note, NoteKey, Op, PositionsInput, Role, Status, Step, Unit
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import FlatRule, LadderRule, SameAsRule, YearRange

LADDER_RULE = "rusarbeid-stige"


TRANSITION_RULE = "rusarbeid-overgang-2017"


NAV_CAP_RULE = "nav-tak"


FRAMEWORK_TABLE = "opptrappingsplan-2016-2020"


FRAMEWORK_TABLES = (FRAMEWORK_TABLE, "opptrappingsplan-2018-prognose")


#: The group name that means every municipality in a county whose name contains it.
AGDER = "Agder"


#: Bounds of a number of positions (the quantity reader's, see bot.quantity).
MIN_POSITIONS, MAX_POSITIONS = typed.MIN_POSITIONS, typed.MAX_POSITIONS


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
                rate = steps[i - 1].rate
                if rate is not None and rate >= step.rate and params["rest"] != rate - step.rate:
                    # several positions: what each one's year-1 amount leaves for its pay
                    params["rest_per_position"] = rate - step.rate
            notes.append(Note(NoteKey.COMPETENCE_INCLUDED, params))
    return notes
