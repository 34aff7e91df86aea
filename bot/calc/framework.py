"""The framework-increase table: a place's figure, sums over years, group totals and rankings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from bot.calc.errors import InvalidArgument, KnowledgeMissing, OutOfRange, UnknownMunicipality
from bot.calc.results import (
    CalcKind,
    Calculation,
    Note,
    NoteKey,
    Op,
    RankEntry,
    Ranking,
    Role,
    Status,
    Step,
    SumCheck,
)
from bot.calc.rules import (
    FRAMEWORK_TABLE,
    FRAMEWORK_TABLES,
    _is_int,
    _sum_step,
    _unique,
    _whole,
    _year_range,
)
from bot.names import resolve_group, resolve_municipality
from knowledge.kb import KnowledgeBase
from knowledge.schema import Column, Municipality, Row, Table


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


def is_prognosis(kb: KnowledgeBase, year: int) -> bool:
    """Whether the framework table's figures for a year are a prognosis."""
    column = _year_columns(_table(kb, FRAMEWORK_TABLE)).get(year)
    return column is not None and _status(column) is Status.PROGNOSE


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
        raise InvalidArgument("years", f"{first_year}–{last_year}", "year_span")
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
        raise InvalidArgument("top", top, "count")
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
