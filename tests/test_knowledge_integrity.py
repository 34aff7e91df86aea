"""Integrity of the transcribed tables: every printed sum is recomputed from its parts.

The issue: seven municipality rows in the 2016–2020 table print a sum 1 kr off the sum of
their columns (rounding in the source). The knowledge base keeps the printed figure and
records the discrepancy; any other mismatch is a transcription error and must fail here.

Everything is checked against the BUILT database (built once per module into a temporary
folder, read back with ``load_database``), and the discrepancies also straight from SQLite.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import Table
from knowledge.store import load_database

TABLE_2016_2020 = "opptrappingsplan-2016-2020"
TABLE_2018 = "opptrappingsplan-2018-prognose"

# The seven rows of «Økning i rammen» (000_e550e94ad9bf2c94.txt) whose printed
# «Sum inkl. 2020 prognose» is 1 kr off the sum of 2016–2020: (number, name, printed sum).
ROUNDED_ROWS = [
    ("1014", "Vennesla", 3_655_322),
    ("1026", "Åseral", 213_806),
    ("1032", "Lyngdal", 2_030_059),
    ("1034", "Hægebostad", 319_330),
    ("0901", "Risør", 1_893_157),
    ("0926", "Lillesand", 2_355_041),
    ("0935", "Iveland", 306_352),
]

# «Sum Lister» in 001_a9c6271b54d889f0.txt adds up these six municipalities.
LISTER = {
    "1003": "Farsund",
    "1004": "Flekkefjord",
    "1032": "Lyngdal",
    "1034": "Hægebostad",
    "1037": "Kvinesdal",
    "1046": "Sirdal",
}
# The printed «Sum Lister» row: 2016, 2017, SUM 2016+2017, prognose 2018.
LISTER_PRINTED = (2_044_792, 1_796_571, 3_841_363, 5_637_934)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundled sources into a fresh database once for this module."""
    target = tmp_path_factory.mktemp("integrity") / "knowledge.db"
    return build_database(load_sources(), target)


@pytest.fixture(scope="module")
def built_kb(db_path: Path) -> KnowledgeBase:
    """The knowledge base as read back from the built database."""
    return load_database(db_path)


@pytest.fixture(scope="module")
def conn(db_path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only SQLite connection to the built database."""
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    yield connection
    connection.close()


def as_int(value: Decimal | int) -> int:
    """Return a kroner figure as int, refusing fractions."""
    assert Decimal(value) == int(value), f"not a whole number: {value}"
    return int(value)


def column_sum_checks(table: Table) -> Iterator[tuple[str, str, int, int]]:
    """Yield (row, column, printed, computed) for every printed column sum in a table."""
    for column in table.columns:
        if not column.sum_of:
            continue
        for row in table.rows:
            if column.id not in row.values:
                continue
            parts = [row.values[c] for c in column.sum_of]
            yield row.key, column.id, as_int(row.values[column.id]), sum(as_int(p) for p in parts)


def row_sum_checks(table: Table) -> Iterator[tuple[str, str, int, int]]:
    """Yield (row, column, printed, computed) for every printed row sum in a table."""
    rows = {row.key: row for row in table.rows}
    for row in table.rows:
        if not row.sum_of_rows:
            continue
        for column, printed in row.values.items():
            computed = sum(as_int(rows[key].values[column]) for key in row.sum_of_rows)
            yield row.key, column, as_int(printed), computed


def all_mismatches(built_kb: KnowledgeBase) -> dict[tuple[str, str, str], tuple[int, int]]:
    """Every printed sum that differs from the sum of its parts, keyed by table/row/column."""
    found = {}
    for table in built_kb.tables.values():
        for row, column, printed, computed in [*column_sum_checks(table), *row_sum_checks(table)]:
            if printed != computed:
                found[(table.id, row, column)] = (printed, computed)
    return found


def recorded(built_kb: KnowledgeBase) -> dict[tuple[str, str, str], tuple[int, int]]:
    """Every discrepancy the knowledge base records, keyed by table/row/column."""
    return {
        (table.id, d.row, d.column): (d.printed, d.computed)
        for table in built_kb.tables.values()
        for d in table.discrepancies
    }


# --- printed sums ----------------------------------------------------------------------------


def test_the_tables_have_printed_sums_to_check(built_kb: KnowledgeBase) -> None:
    checks = {
        table.id: len([*column_sum_checks(table), *row_sum_checks(table)])
        for table in built_kb.tables.values()
    }
    # 30 municipality sums; 30 municipality sums + the Lister row (4 columns + its own sum);
    # the 2018 grant prognosis SUM row.
    assert checks[TABLE_2016_2020] == 30
    assert checks[TABLE_2018] == 31 + 4
    assert checks["tilskuddsforvaltning-2018-agder"] == 1


def test_the_only_mismatched_sums_are_the_recorded_discrepancies(built_kb: KnowledgeBase) -> None:
    assert all_mismatches(built_kb) == recorded(built_kb)


def test_the_recorded_discrepancies_are_exactly_the_seven_rounded_rows(
    built_kb: KnowledgeBase,
) -> None:
    expected = {(TABLE_2016_2020, number, "sum") for number, _, _ in ROUNDED_ROWS}
    assert set(recorded(built_kb)) == expected
    assert set(all_mismatches(built_kb)) == expected


@pytest.mark.parametrize(("number", "name", "printed"), ROUNDED_ROWS)
def test_a_rounded_row_keeps_the_printed_sum_one_krone_off(
    built_kb: KnowledgeBase, number: str, name: str, printed: int
) -> None:
    table = built_kb.tables[TABLE_2016_2020]
    row = next(r for r in table.rows if r.key == number)
    assert row.label == name
    assert row.municipality == number
    assert built_kb.municipalities[number].name == name
    computed = sum(as_int(row.values[f"y{year}"]) for year in range(2016, 2021))
    assert as_int(row.values["sum"]) == printed, "the knowledge base must keep the printed sum"
    assert abs(printed - computed) == 1
    discrepancy = next(d for d in table.discrepancies if d.row == number)
    assert (discrepancy.column, discrepancy.printed, discrepancy.computed) == (
        "sum",
        printed,
        computed,
    )
    assert discrepancy.note


def test_every_recorded_discrepancy_matches_the_figures_it_describes(
    built_kb: KnowledgeBase,
) -> None:
    for table in built_kb.tables.values():
        checks = {
            (r, c): (p, s) for r, c, p, s in [*column_sum_checks(table), *row_sum_checks(table)]
        }
        for d in table.discrepancies:
            assert (d.row, d.column) in checks, f"{table.id}: {d.row}/{d.column} is no printed sum"
            assert checks[(d.row, d.column)] == (d.printed, d.computed), f"{table.id}: {d}"
            assert d.printed != d.computed, f"{table.id}: {d.row}/{d.column} is not a discrepancy"


def test_the_discrepancies_table_in_sqlite_lists_exactly_the_seven_rows(
    conn: sqlite3.Connection,
) -> None:
    rows = conn.execute(
        'select table_id, "row", "column", printed, computed from discrepancies'
    ).fetchall()
    assert len(rows) == len(ROUNDED_ROWS)
    assert {(t, r, c, p) for t, r, c, p, _ in rows} == {
        (TABLE_2016_2020, number, "sum", printed) for number, _, printed in ROUNDED_ROWS
    }
    for table_id, row, _column, printed, computed in rows:
        cells = dict(
            conn.execute(
                'select "column", value from table_cells where table_id = ? and row_key = ?',
                (table_id, row),
            ).fetchall()
        )
        assert int(cells["sum"]) == printed
        assert sum(int(cells[f"y{year}"]) for year in range(2016, 2021)) == computed
        assert abs(printed - computed) == 1


def test_every_printed_sum_in_sqlite_adds_up_except_the_seven(conn: sqlite3.Connection) -> None:
    cells: dict[tuple[str, str], dict[str, int]] = {}
    for table_id, row, column, value in conn.execute(
        "select table_id, row_key, \"column\", value from table_cells where unit = 'kr'"
    ):
        cells.setdefault((table_id, row), {})[column] = int(value)
    mismatches = set()
    for (table_id, row), values in cells.items():
        if table_id == TABLE_2016_2020:
            if sum(values[f"y{y}"] for y in range(2016, 2021)) != values["sum"]:
                mismatches.add(row)
        elif table_id == TABLE_2018:
            assert values["y2016"] + values["y2017"] == values["sum_2016_2017"], row
    assert mismatches == {number for number, _, _ in ROUNDED_ROWS}


# --- row sums -------------------------------------------------------------------------------


def test_the_lister_row_is_the_sum_of_its_six_municipalities_in_every_column(
    built_kb: KnowledgeBase,
) -> None:
    table = built_kb.tables[TABLE_2018]
    rows = {row.key: row for row in table.rows}
    lister = rows["lister"]
    assert set(lister.sum_of_rows) == set(LISTER)
    columns = ["y2016", "y2017", "sum_2016_2017", "prognose_2018"]
    printed = tuple(as_int(lister.values[c]) for c in columns)
    assert printed == LISTER_PRINTED
    computed = tuple(sum(as_int(rows[k].values[c]) for k in LISTER) for c in columns)
    assert computed == LISTER_PRINTED


def test_the_grant_prognosis_sum_adds_up(built_kb: KnowledgeBase) -> None:
    rows = {row.key: row for row in built_kb.tables["tilskuddsforvaltning-2018-agder"].rows}
    total = rows["sum"]
    assert as_int(total.values["prognose"]) == 41_000_000
    parts = [as_int(rows[key].values["prognose"]) for key in total.sum_of_rows]
    assert sorted(parts) == [13_000_000, 28_000_000]
    assert sum(parts) == 41_000_000


# --- two sources agreeing ---------------------------------------------------------------------


def municipality_rows(table: Table) -> dict[str, dict[str, Decimal | int]]:
    """Map municipality number to the row's values."""
    return {row.municipality: dict(row.values) for row in table.rows if row.municipality}


def test_both_agder_tables_cover_the_same_thirty_municipalities(built_kb: KnowledgeBase) -> None:
    a = municipality_rows(built_kb.tables[TABLE_2016_2020])
    b = municipality_rows(built_kb.tables[TABLE_2018])
    assert len(a) == 30
    assert set(a) == set(b) == set(built_kb.municipalities)


@pytest.mark.parametrize("year", [2016, 2017])
def test_the_2018_table_agrees_with_the_2016_2020_table_for_every_municipality(
    built_kb: KnowledgeBase, year: int
) -> None:
    a = municipality_rows(built_kb.tables[TABLE_2016_2020])
    b = municipality_rows(built_kb.tables[TABLE_2018])
    column = f"y{year}"
    differing = {n: (a[n][column], b[n][column]) for n in a if a[n][column] != b[n][column]}
    assert differing == {}


# --- municipalities -------------------------------------------------------------------------


def test_every_table_row_with_a_municipality_names_a_known_one(built_kb: KnowledgeBase) -> None:
    checked = 0
    for table in built_kb.tables.values():
        for row in table.rows:
            if row.municipality is None:
                continue
            checked += 1
            assert row.municipality in built_kb.municipalities, f"{table.id}/{row.key}"
            assert built_kb.municipalities[row.municipality].name == row.label, (
                f"{table.id}/{row.key}"
            )
    assert checked == 60


def test_every_municipality_lies_in_the_county_its_number_says(built_kb: KnowledgeBase) -> None:
    counties = {"09": "Aust-Agder", "10": "Vest-Agder"}
    for number, muni in built_kb.municipalities.items():
        assert muni.county_number == number[:2]
        assert muni.county == counties[number[:2]]


def test_the_six_lister_municipalities_are_exactly_those_with_region_lister(
    built_kb: KnowledgeBase, conn: sqlite3.Connection
) -> None:
    in_kb = {n: m.name for n, m in built_kb.municipalities.items() if m.region == "Lister"}
    assert in_kb == LISTER
    in_sql = dict(conn.execute("select number, name from municipalities where region = 'Lister'"))
    assert in_sql == LISTER
    lister_row = next(r for r in built_kb.tables[TABLE_2018].rows if r.key == "lister")
    assert set(lister_row.sum_of_rows) == set(in_kb)
