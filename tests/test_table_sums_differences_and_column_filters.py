"""Table questions over printed sums and pairs of columns: a difference named 'differansen',
a printed sum compared with another column, rows added by 'legg sammen', a table named by its
month and year, and rows filtered by comparing two of their years.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
PROGNOSIS_2018 = "opptrappingsplan-2018-prognose"


def ask(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="sums").text
    return text


def figure(row: str, column: str, table: str = AGDER) -> int:
    """One printed figure of a row, as the test's own look-up."""
    values = next(r for r in KB.tables[table].rows if r.key == row).values
    return int(str(values[column]))


def key(label: str, table: str = AGDER) -> str:
    """The key of a row by its label."""
    return next(r.key for r in KB.tables[table].rows if r.label == label)


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "Differansen mellom Arendals og Grimstads sum inkl. 2020-prognose?",
            "Arendal",
            "Grimstad",
        ),
        ("Hva er differansen mellom Lillesand og Froland i 2018?", "Lillesand", "Froland"),
        ("Differansen mellom Mandal og Farsund i 2017?", "Mandal", "Farsund"),
    ],
)
def test_a_difference_asked_as_differansen_is_a_difference_of_the_rows_named(
    question: str, first: str, second: str
) -> None:
    column = "sum" if "sum" in question else f"y{question[-5:-1]}"
    text = ask(question)
    assert grouped(abs(figure(key(first), column) - figure(key(second), column))) in text


@pytest.mark.parametrize(
    ("question", "row"),
    [
        (
            "I 2018-oversikten: hva er differansen mellom Arendals prognose for samlet økning "
            "2018 og SUM 2016+2017?",
            "Arendal",
        ),
        ("Hva er forskjellen mellom Grimstads SUM 2016+2017 og prognosen for 2018?", "Grimstad"),
        (
            "Hvor mye økte rammen for Lister samlet mellom summen for 2016+2017 og prognosen "
            "for samlet økning 2018?",
            "Sum Lister",
        ),
        (
            "Hvor mye økte Kristiansands ramme mellom SUM 2016+2017 og prognosen for 2018?",
            "Kristiansand",
        ),
    ],
)
def test_a_printed_sum_compared_with_another_column_is_one_side_of_the_difference(
    question: str, row: str
) -> None:
    k = key(row, PROGNOSIS_2018)
    expected = figure(k, "prognose_2018", PROGNOSIS_2018) - figure(
        k, "sum_2016_2017", PROGNOSIS_2018
    )
    text = ask(question)
    assert f"Forskjell: {grouped(abs(expected))} kr" in text


@pytest.mark.parametrize(
    ("question", "rows"),
    [
        (
            "Hva er summene inkl. 2020-prognosen for Kristiansand, Arendal og Grimstad?",
            ("Kristiansand", "Arendal", "Grimstad"),
        ),
        ("Summene inkl. 2020-prognosen for Arendal og Froland?", ("Arendal", "Froland")),
        (
            "Hva blir Kristiansand og Arendal sine summer inkl. 2020-prognosen til sammen?",
            ("Kristiansand", "Arendal"),
        ),
    ],
)
def test_printed_sums_including_the_prognosis_are_added_without_the_prognosis_year_again(
    question: str, rows: tuple[str, ...]
) -> None:
    text = ask(question)
    assert f"Til sammen: {grouped(sum(figure(key(r), 'sum') for r in rows))} kr" in text


@pytest.mark.parametrize(
    ("question", "row", "years"),
    [
        (
            "Risør: hvor mye økte rammen til sammen 2016–2018 etter tabellen fra januar 2020?",
            "Risør",
            (2016, 2017, 2018),
        ),
        (
            "Hvor mye fikk Arendal i 2016 og 2017 til sammen ifølge tabellen fra januar 2020?",
            "Arendal",
            (2016, 2017),
        ),
    ],
)
def test_a_table_named_by_its_month_and_year_adds_no_column_of_that_year(
    question: str, row: str, years: tuple[int, ...]
) -> None:
    text = ask(question)
    assert f"Til sammen: {grouped(sum(figure(key(row), f'y{y}') for y in years))} kr" in text


def rows_above(first: str, second: str, region: str = "") -> set[str]:
    """The labels of the municipalities whose first column is above their second."""
    table = KB.tables[AGDER]
    return {
        r.label
        for r in table.rows
        if r.municipality
        and (not region or r.municipality.startswith(region))
        and int(str(r.values[first])) > int(str(r.values[second]))
    }


@pytest.mark.parametrize(
    ("question", "first", "second", "region"),
    [
        ("Hvilke kommuner fikk mer i 2017 enn i 2016?", "y2017", "y2016", ""),
        (
            "Hvilke Aust-Agder-kommuner fikk mer i 2017 enn i 2016 i rammeøkning?",
            "y2017",
            "y2016",
            "09",
        ),
        ("Hvilke kommuner i Vest-Agder fikk mer i 2018 enn i 2017?", "y2018", "y2017", "10"),
        ("Hvilke kommuner fikk mindre i 2017 enn i 2016?", "y2016", "y2017", ""),
    ],
)
def test_rows_are_filtered_by_comparing_two_of_their_years(
    question: str, first: str, second: str, region: str
) -> None:
    text = ask(question)
    expected = rows_above(first, second, region)
    assert expected
    for label in expected:
        assert label in text
    others = {r.label for r in KB.tables[AGDER].rows if r.municipality} - expected
    assert not any(f"– {label} (" in text for label in others)


def per_cent(value: Fraction) -> str:
    """A fraction as the per cent the answers print: one decimal, half up, comma."""
    tenths = math.floor(abs(value) * 1000 + Fraction(1, 2))
    whole, decimal = divmod(tenths, 10)
    return f"{whole},{decimal} %" if decimal else f"{whole} %"


@pytest.mark.parametrize(
    ("question", "row", "first", "second"),
    [
        (
            "Hvor mange prosent ble Grimstads årlige rammeøkning redusert fra 2016 til "
            "2020-prognosen?",
            "Grimstad",
            "y2016",
            "y2020",
        ),
        ("Hvor mange prosent økte Arendals ramme fra 2017 til 2018?", "Arendal", "y2017", "y2018"),
        (
            "Med hvor mange prosent gikk økningen for Kristiansand ned fra 2016 til 2019?",
            "Kristiansand",
            "y2016",
            "y2019",
        ),
        (
            "Hva var den prosentvise endringen for Lillesand fra 2016 til 2018?",
            "Lillesand",
            "y2016",
            "y2018",
        ),
    ],
)
def test_a_change_asked_in_per_cent_is_the_change_over_the_first_figure(
    question: str, row: str, first: str, second: str
) -> None:
    a, b = figure(key(row), first), figure(key(row), second)
    text = ask(question)
    assert per_cent(Fraction(b - a, a)) in text
    assert ("Nedgang" if b < a else "Økning") in text
    assert "Forskjell" not in text
