"""Deadlines as of a day: the next ones, those passed and those tentative in the sources."""

from __future__ import annotations

import datetime as dt

from bot.calc.errors import InvalidArgument
from bot.calc.results import DeadlineItem, DeadlineOutlook
from bot.calc.rules import _is_int
from bot.names import resolve_office, resolve_scheme
from knowledge.kb import KnowledgeBase
from knowledge.schema import DeadlineKind

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
    raise InvalidArgument("kind", kind, "deadline_kind")


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
        raise InvalidArgument("today", today, "date")
    if limit is not None and (not _is_int(limit) or limit < 1):
        raise InvalidArgument("limit", limit, "count")
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


def deadline_shift(first: dt.date, second: dt.date) -> tuple[int, int]:
    """Days from one deadline to another, and how much later in its year the second falls.

    The second figure compares the dates as days of the year ('dato mot dato': 10 February
    against 15 February is 5), counted in the second date's year.
    """
    if not isinstance(first, dt.date) or not isinstance(second, dt.date):
        raise InvalidArgument("date", first if not isinstance(first, dt.date) else second, "date")
    try:
        same_year = first.replace(year=second.year)
    except ValueError:  # 29 February in a year without it: 1 March
        same_year = dt.date(second.year, 3, 1)
    return (second - first).days, (second - same_year).days
