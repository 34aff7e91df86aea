"""Appropriations: a scheme's money in a year, summed over schemes or compared."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction

from bot.calc.cap import MoneyItem
from bot.calc.errors import KnowledgeMissing, UnknownScheme
from bot.calc.results import CalcKind, Calculation, Note, NoteKey, Op, Role, Step
from bot.calc.rules import _unique, _unique_notes, _year_range
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import Appropriation


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


def _office_and_national(
    kb: KnowledgeBase, item: MoneyItem, office: str
) -> tuple[Appropriation, Appropriation]:
    """An office's appropriation of a scheme and year, and the national one beside it."""
    return _appropriation(kb, item, office), _appropriation(kb, item, None)


def appropriation_share(
    kb: KnowledgeBase, item: MoneyItem, office: str
) -> tuple[Fraction, Appropriation, Appropriation]:
    """An office's appropriation of a scheme and year as an exact share of the national one."""
    part, whole = _office_and_national(kb, item, office)
    if whole.amount <= 0:
        raise KnowledgeMissing(f"national appropriation {item[0]} {item[1]}")
    return Fraction(part.amount, whole.amount), part, whole


def appropriation_outside(kb: KnowledgeBase, item: MoneyItem, office: str) -> Calculation:
    """The national appropriation of a scheme and year minus the share one office distributes.

    'Hvor mye gikk til resten av landet utenom Innlandet?': what the sources leave for the other
    offices together. Raises KnowledgeMissing when either figure is missing.
    """
    part, whole = _office_and_national(kb, item, office)
    rest = whole.amount - part.amount
    if rest < 0:
        raise KnowledgeMissing(f"office share above national {item[0]} {item[1]}")
    name = kb.schemes[item[0]].names.short
    prov = kb.provenance(part)
    steps = (
        Step(
            op=Op.VALUE, role=Role.APPROPRIATION, amount=whole.amount, subject=name, year=whole.year
        ),
        Step(
            op=Op.VALUE,
            role=Role.APPROPRIATION,
            amount=part.amount,
            subject=f"{name}, {prov.office_name}",
            year=part.year,
        ),
        Step(
            op=Op.SUBTRACT,
            role=Role.DIFFERENCE,
            amount=rest,
            parts=(whole.amount, part.amount),
        ),
    )
    notes = [Note(NoteKey.PROGNOSIS, {"years": str(a.year)}) for a in (whole, part) if a.prognosis]
    return Calculation(
        kind=CalcKind.APPROPRIATION_DIFFERENCE,
        scheme_id=item[0],
        inputs={"first": (item,), "second": (item,), "office": office},
        rule_ids=(),
        steps=steps,
        total=rest,
        figures={"first": whole.amount, "second": part.amount, "difference": rest},
        notes=_unique_notes(notes),
        sources=_unique([kb.provenance(whole), prov]),
        years=_year_range(item[1], item[1]),
    )
