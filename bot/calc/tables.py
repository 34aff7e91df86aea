"""Evaluate a table query: a value, sum, difference, ranking or filter over rows and years."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from bot.understanding.tables import TableQuery, _row, _source_year, _value, data_rows
from knowledge.kb import KnowledgeBase
from knowledge.schema import Column, Row, Table


@dataclass(frozen=True)
class Cell:
    """One figure of the result, with its row and column."""

    row: Row
    column: Column
    value: Fraction
    printed: str


@dataclass(frozen=True)
class TableResult:
    """A computed answer: the cells it rests on, the result figure or ranking, and notes."""

    query: TableQuery
    table: Table
    cells: tuple[Cell, ...]
    total: Fraction | None = None
    ranking: tuple[tuple[Row, Fraction], ...] = ()
    printed: bool = False
    prognosis: bool = False
    #: the claimed row's own figure when a claim about a ranking is checked
    claimed: Fraction | None = None


def _cells(table: Table, rows: Sequence[Row], columns: Sequence[Column]) -> list[Cell]:
    return [
        Cell(row, column, _value(row.values[column.id]), str(row.values[column.id]))
        for row in rows
        for column in columns
        if column.id in row.values
    ]


def _across(kb: KnowledgeBase, query: TableQuery, other: TableQuery) -> TableResult | None:
    """The difference of one table's figure and another table's, each side as one cell."""
    sides: list[Cell] = []
    prognosis = False
    for part in (
        replace(query, op="sum" if len(query.columns) > 1 else "value", other=None),
        other,
    ):
        result = evaluate(kb, part)
        if result is None or result.total is None:
            return None
        table = result.table
        columns = [c for c in table.columns if c.id in part.columns]
        prognosis = prognosis or any(c.status == "prognose" for c in columns)
        year = _source_year(kb, table)
        label = " + ".join(c.label for c in columns)
        label_en = " + ".join(c.label_en or c.label for c in columns)
        column = Column(
            id="across",
            label=f"{label} (tabellen fra {year})",
            label_en=f"{label_en} (the table of {year})",
            definition=table.title,
            unit=columns[0].unit,
            status="prognose" if any(c.status == "prognose" for c in columns) else None,
        )
        sides.append(Cell(result.cells[0].row, column, result.total, ""))
    first = kb.tables[query.table]
    return TableResult(
        query, first, tuple(sides), sides[0].value - sides[1].value, prognosis=prognosis
    )


def _summed(table: Table, rows: Sequence[Row], columns: Sequence[Column], group: str = "") -> Cell:
    """One cell holding the sum of rows in one column (or in several columns added), labelled
    by the rows it adds."""
    column = columns[0]
    total = sum((c.value for c in _cells(table, rows, [column])), Fraction(0))
    if len(columns) > 1:
        # 'Kristiansand enn Arendal i 2016 og 2017 til sammen': each side's columns added
        total = sum((c.value for c in _cells(table, rows, columns)), Fraction(0))
        column = Column(
            id="_".join(c.id for c in columns),
            label=" + ".join(c.label for c in columns),
            label_en=" + ".join(c.label_en or c.label for c in columns),
            definition=column.definition,
            unit=column.unit,
            status="prognose" if any(c.status == "prognose" for c in columns) else None,
        )
        if len(rows) == 1:
            return Cell(rows[0], column, total, "")
    if len(rows) == 1:
        return Cell(rows[0], column, total, str(rows[0].values[column.id]))
    label = " + ".join(r.label for r in rows)
    label_en = " + ".join(r.label_en or r.label for r in rows)
    if group or len(rows) > 3:
        kind = ("kommuner", "municipalities") if rows[0].municipality else ("fylker", "counties")
        label = f"{group} ({len(rows)} {kind[0]})" if group else f"{len(rows)} {kind[0]} til sammen"
        label_en = (
            f"{group} ({len(rows)} {kind[1]})" if group else f"{len(rows)} {kind[1]} combined"
        )
    row = Row(key="+".join(r.key for r in rows), label=label, label_en=label_en, values={})
    return Cell(row, column, total, "")


def _holds(
    value: Fraction, compare: str, bound: Fraction, rounding: Fraction = Fraction(0)
) -> bool:
    """Whether a value stands in the asked relation to a bound; a bound rounded to a step
    ('8,1 millioner') equals the values that round to it."""
    if compare == "==" and rounding:
        return abs(value - bound) * 2 <= rounding
    return {
        ">": value > bound,
        ">=": value >= bound,
        "<": value < bound,
        "<=": value <= bound,
        "==": value == bound,
    }[compare]


def evaluate(kb: KnowledgeBase, query: TableQuery) -> TableResult | None:
    """Compute a table query from the printed figures; None when a figure is missing."""
    if query.other is not None:
        return _across(kb, query, query.other)
    table = kb.tables[query.table]
    columns = [c for c in table.columns if c.id in query.columns]
    columns.sort(key=lambda c: query.columns.index(c.id))
    rows = [_row(table, k) for k in query.rows] if query.rows else data_rows(table)
    prognosis = any(c.status == "prognose" or c.sum_of for c in columns)
    if query.op == "rows":
        # the rows counted: their number, with the rows listed
        return TableResult(
            query, table, (), Fraction(len(rows)), tuple((r, Fraction(1)) for r in rows)
        )
    if query.op == "printed":
        return TableResult(query, table, (), Fraction(table.totals[query.place].value))
    if query.op == "tally":
        # each column's highest (or lowest) figure, ties included, counted per row
        found: list[Cell] = []
        for column in columns:
            cells = _cells(table, rows, [column])
            if not cells:
                continue
            edge = (max if query.descending else min)(c.value for c in cells)
            found += [c for c in cells if c.value == edge]
        counts = {r.key: sum(c.row.key == r.key for c in found) for r in rows}
        ranking = sorted(
            ((r, Fraction(counts[r.key])) for r in rows if counts[r.key]), key=lambda rv: -rv[1]
        )
        return TableResult(query, table, tuple(found), None, tuple(ranking))
    if query.op in ("position", "same"):
        everyone = [(r, _value(r.values[columns[0].id])) for r in data_rows(table)]
        everyone = [rv for rv in everyone if rv[0].values.get(columns[0].id) is not None]
        everyone.sort(key=lambda rv: rv[1], reverse=True)
        if query.op == "same":
            # rows whose figure another row shares, highest figure first
            shared = [(r, v) for r, v in everyone if sum(w == v for _, w in everyone) > 1]
            return TableResult(query, table, (), None, tuple(shared))
        cells = _cells(table, rows[:1], columns)
        if not cells:
            return None
        return TableResult(query, table, tuple(cells), cells[0].value, tuple(everyone))
    if query.op == "spread":
        # the highest row's figure (its columns added) minus the lowest row's
        each_row = [
            _summed(table, [row], columns)
            for row in rows
            if all(c.id in row.values for c in columns)
        ]
        if len(each_row) < 2:
            return None
        top = max(each_row, key=lambda c: c.value)
        bottom = min(each_row, key=lambda c: c.value)
        return TableResult(
            query, table, (top, bottom), top.value - bottom.value, prognosis=prognosis
        )
    if query.op in ("rank", "filter"):
        scored: list[tuple[Row, Fraction]] = []
        for row in rows:
            cells = _cells(table, [row], columns)
            if len(cells) != len(columns):
                continue
            if query.op == "filter" and query.bound is not None:
                within = query.upper is None or cells[0].value <= query.upper
                if (
                    row.key != query.reference
                    and within
                    and _holds(cells[0].value, query.compare, query.bound)
                ):
                    scored.append((row, cells[0].value))
            elif query.op == "filter":
                if len(cells) < 2:
                    # a row compared across two columns needs both ('mer i 2017 enn i 2016')
                    continue
                a, b = cells[0].value, cells[1].value
                if (a > b) if query.descending else (a < b):
                    scored.append((row, a - b))
            elif query.change:
                scored.append((row, cells[1].value - cells[0].value))
            else:
                scored.append((row, sum((c.value for c in cells), Fraction(0))))
        if query.across and rows:
            cells = (
                _cells(table, rows[:1], columns)
                if len(rows) == 1
                else [_summed(table, rows, [c], query.group) for c in columns]
            )
            ranked = sorted(cells, key=lambda c: c.value, reverse=query.descending)
            best = [c for c in ranked if c.value == ranked[0].value] if ranked else []
            return TableResult(query, table, tuple(best), best[0].value if best else None)
        claimed = None
        if query.claim is not None:
            claimed = next((v for r, v in scored if r.key == query.claim), None)
        scored.sort(key=lambda rv: rv[1], reverse=query.descending)
        if query.op == "rank":
            cut = scored[: query.top]
            # a tie at the cut keeps every row with the same figure
            if cut:
                cut += [rv for rv in scored[query.top :] if rv[1] == cut[-1][1]]
            scored = cut
        return TableResult(
            query, table, (), None, tuple(scored), prognosis=prognosis, claimed=claimed
        )
    cells = _cells(table, rows, columns)
    if len(cells) != len(rows) * len(columns):
        return None
    if query.op in ("value", "list"):
        return TableResult(query, table, tuple(cells), cells[0].value, prognosis=prognosis)
    if query.op == "difference" and len(rows) == 2 and len(columns) > 1 and not query.split:
        # two rows of several columns each: each row's columns added, one against the other
        query = replace(query, split=1)
    if query.op == "difference" and (query.split or len(rows) > 2):
        # two sums against each other: rows against rows, or a group's two columns
        if query.split:
            sides = [(rows[: query.split], columns), (rows[query.split :], columns)]
        else:
            sides = [(rows, columns[:1]), (rows, columns[1:])]
        # two regions against each other name each side ('Vest-Agder|Aust-Agder')
        names = query.group.split("|") if "|" in query.group else [query.group] * 2
        pairs = zip(sides, names, strict=True)
        cells = [_summed(table, side, cols, name) for (side, cols), name in pairs]
        return TableResult(
            query, table, tuple(cells), cells[0].value - cells[1].value, prognosis=prognosis
        )
    if query.op == "difference":
        return TableResult(
            query, table, tuple(cells), cells[0].value - cells[1].value, prognosis=prognosis
        )
    if query.op == "relative":
        # the change from the first figure to the second, as a fraction of the first
        if cells[0].value == 0:
            return None
        change = (cells[1].value - cells[0].value) / cells[0].value
        return TableResult(query, table, tuple(cells), change, prognosis=prognosis)
    if query.op == "mean":
        # one row's years added, divided by how many years they are
        if len(cells) != len(columns) or not cells:
            return None
        total = sum((c.value for c in cells), Fraction(0))
        for column in table.columns:
            # the row's printed sum of exactly these years, as a sum of them gives it
            if column.sum_of and set(column.sum_of) == set(query.columns):
                raw = rows[0].values.get(column.id)
                total = _value(raw) if raw is not None else total
        return TableResult(query, table, tuple(cells), total / len(cells), prognosis=prognosis)
    if query.op == "ratio":
        # the first row's figure over the second's
        if len(cells) != 2 or cells[1].value == 0:
            return None
        return TableResult(query, table, tuple(cells), cells[0].value / cells[1].value)
    if query.op == "portion":
        if query.split:
            # the row (its columns added) against the sum of all the rows it is one of
            cells = [_summed(table, rows[:1], columns), _summed(table, rows, columns, query.group)]
        elif len(rows) > 2:
            # several rows added against the last one ('Hedmark og Oppland til sammen' of the
            # whole country)
            cells = [_summed(table, rows[:-1], columns), *_cells(table, rows[-1:], columns)]
        if cells[1].value == 0:
            return None
        return TableResult(query, table, tuple(cells), cells[0].value / cells[1].value)
    if query.op == "sum" and query.each and len(columns) > 1:
        # 'i 2016 og i 2017': the rows' sum in each column on its own
        each = tuple(_summed(table, rows, [c], query.group) for c in columns)
        total = sum((c.value for c in each), Fraction(0))
        return TableResult(query, table, each, total, prognosis=prognosis)
    total = sum((c.value for c in cells), Fraction(0))
    printed = False
    for column in table.columns:
        # a printed row sum (e.g. 'Sum inkl. 2020 prognose') where exactly its parts are asked
        if len(rows) == 1 and column.sum_of and set(column.sum_of) == set(query.columns):
            raw = rows[0].values.get(column.id)
            if raw is not None:
                total, printed = _value(raw), True
    return TableResult(query, table, tuple(cells), total, printed=printed, prognosis=prognosis)
