"""Table questions as one query: values, sums, differences, rankings and filters."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.engine import Engine
from bot.tableq import TableQuery, data_rows, evaluate
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
TABLES = [t for t in KB.tables.values() if len(data_rows(t)) >= 3]


def ask(*questions: str, today: dt.date = TODAY) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, today, chat="t").text
    return text


def figure(table_id: str, row: str, column: str) -> int:
    """A printed figure, as the test's own look-up."""
    table = KB.tables[table_id]
    value = next(r for r in table.rows if r.key == row).values[column]
    return int(str(value))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Farsund og Flekkefjord til sammen i 2018 – hvor stor rammeøkning?", "Til sammen:"),
        ("Hvor mye større var rammeøkningen for Mandal i 2018 enn i 2017?", "Forskjell:"),
        ("Kva kommunar fekk større rammeauke i 2017 enn i 2016?", "høyere enn"),
        ("List opp de tre Agder-kommunene med høyest samlet rammeøkning", "3. "),
        ("Which three counties had the most households in temporary accommodation?", "3. "),
    ],
)
def test_each_operation_is_read_from_the_words_of_the_question(
    question: str, expected: str
) -> None:
    assert expected in ask(question)


def test_a_sum_of_two_municipalities_adds_their_printed_figures() -> None:
    total = figure("opptrappingsplan-2016-2020", "1003", "y2018") + figure(
        "opptrappingsplan-2016-2020", "1004", "y2018"
    )
    text = ask("Farsund og Flekkefjord til sammen i 2018 – hvor stor rammeøkning?")
    assert f"Til sammen: {total:,} kr".replace(",", " ") in text


def test_a_difference_between_two_years_is_the_first_minus_the_second() -> None:
    diff = figure("opptrappingsplan-2016-2020", "1002", "y2018") - figure(
        "opptrappingsplan-2016-2020", "1002", "y2017"
    )
    text = ask("Hvor mye større var rammeøkningen for Mandal i 2018 enn i 2017?")
    assert f"{abs(diff):,} kr".replace(",", " ") in text


def test_follow_ups_collect_the_rows_asked_about_in_turn_and_then_sum_them() -> None:
    oslo = figure("nav-sosialtjenestetall", "03", "sosialhjelp_6_12_hovedinntekt")
    akershus = figure("nav-sosialtjenestetall", "02", "sosialhjelp_6_12_hovedinntekt")
    text = ask(
        "Hvor mange personer i Oslo hadde sosialhjelp 6–12 mnd og sosialhjelp som hovedinntekt?",
        "og Akershus?",
        "til sammen?",
    )
    assert f"{oslo + akershus:,}".replace(",", " ") in text


def test_a_share_is_given_when_a_share_is_asked_and_a_count_when_a_count_is() -> None:
    share = ask("Hvor stor andel av 18–24-åringene i Finnmark mottok sosialhjelp i 2018?")
    count = ask("Hvor mange 18–24-åringer i Finnmark mottok sosialhjelp i 2018?")
    assert "%" in share.split("\n\n")[1]
    assert "%" not in count.split("\n\n")[1]


def test_english_questions_get_english_table_answers() -> None:
    text = ask("By how much did Kristiansand's framework increase drop from 2018 to 2019?")
    assert text.startswith("Increase in the framework")
    assert "Difference:" in text


# --- properties of the evaluator -----------------------------------------------------------


def _queries(kb: KnowledgeBase) -> st.SearchStrategy[tuple[TableQuery, TableQuery]]:
    """Pairs of a two-part query and the same query with its parts swapped."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[TableQuery, TableQuery]:
        table = draw(st.sampled_from(TABLES))
        rows = draw(
            st.lists(
                st.sampled_from([r.key for r in data_rows(table)]),
                min_size=2,
                max_size=2,
                unique=True,
            )
        )
        column = draw(st.sampled_from([c.id for c in table.columns]))
        op = draw(st.sampled_from(["sum", "difference"]))
        query = TableQuery(table.id, op, tuple(rows), (column,))
        return query, TableQuery(table.id, op, tuple(reversed(rows)), (column,))

    return build()


@settings(max_examples=200, deadline=None)
@given(_queries(KB))
def test_a_sum_equals_the_sum_of_its_parts_and_a_difference_is_antisymmetric(
    pair: tuple[TableQuery, TableQuery],
) -> None:
    query, swapped = pair
    a, b = evaluate(KB, query), evaluate(KB, swapped)
    if a is None or b is None:
        return  # a row without that figure: nothing to compare
    assert a.total is not None and b.total is not None
    if query.op == "sum":
        assert a.total == sum((c.value for c in a.cells), Fraction(0)) == b.total
    else:
        assert a.total == -b.total == a.cells[0].value - a.cells[1].value


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(TABLES).flatmap(
        lambda t: st.tuples(
            st.just(t), st.sampled_from(t.columns), st.booleans(), st.integers(1, 40)
        )
    )
)
def test_a_ranking_is_sorted_and_holds_the_top_rows(args: tuple) -> None:
    table, column, descending, top = args
    result = evaluate(KB, TableQuery(table.id, "rank", (), (column.id,), top, descending))
    assert result is not None
    values = [v for _, v in result.ranking]
    assert values == sorted(values, reverse=descending)
    everything = [
        Fraction(str(r.values[column.id])) for r in data_rows(table) if column.id in r.values
    ]
    best = sorted(everything, reverse=descending)[: min(top, len(everything))]
    assert values[: len(best)] == best


@pytest.mark.parametrize("descending", [True, False])
def test_a_claim_about_the_top_row_is_checked_against_the_whole_ranking(descending: bool) -> None:
    table = KB.tables["opptrappingsplan-2016-2020"]
    rows = sorted(
        data_rows(table), key=lambda r: Fraction(str(r.values["y2019"])), reverse=descending
    )
    word = "høyeste" if descending else "laveste"
    right, wrong = rows[0].label, rows[1].label
    yes = ask(f"Er det riktig at {right} hadde den {word} rammeøkningen i 2019?")
    no = ask(f"Er det riktig at {wrong} hadde den {word} rammeøkningen i 2019?")
    assert "Ja, det stemmer." in yes
    assert "Nei, det stemmer ikke." in no
    assert right in no


# --- framework questions without framework words, spans, genitives, printed sums --------------

FRAMEWORK = "opptrappingsplan-2016-2020"
OVERVIEW_2018 = "opptrappingsplan-2018-prognose"


def kr(value: int) -> str:
    """A figure as the answers print kroner."""
    return f"{value:,} kr".replace(",", " ")


def test_a_framework_question_without_a_framework_word_still_reads_the_table() -> None:
    diff = figure(FRAMEWORK, "0911", "y2019") - figure(FRAMEWORK, "0911", "y2016")
    assert kr(abs(diff)) in ask("Hvor mye mer fikk Gjerstad i 2019 enn i 2016?")


@pytest.mark.parametrize(
    ("question", "first", "last"),
    [
        ("Hva ble summen for 2017 for kommunene 0926–0940?", "0926", "0940"),
        ("Summen av 2018 for kommunane frå 1014 til 1029?", "1014", "1029"),
    ],
)
def test_a_span_of_municipality_numbers_sums_every_municipality_in_it(
    question: str, first: str, last: str
) -> None:
    year = "y2017" if "2017" in question else "y2018"
    rows = [r for r in data_rows(KB.tables[FRAMEWORK]) if first <= r.key <= last]
    assert len(rows) > 2
    assert kr(sum(figure(FRAMEWORK, r.key, year) for r in rows)) in ask(question)


def test_a_series_of_municipality_numbers_ranks_only_that_series() -> None:
    rows = [r for r in data_rows(KB.tables[FRAMEWORK]) if r.key.startswith("09")]
    top = max(rows, key=lambda r: figure(FRAMEWORK, r.key, "y2017"))
    text = ask("Hvilken kommune blant 09xx fikk høyest rammeøkning i 2017?")
    assert top.label in text and kr(figure(FRAMEWORK, top.key, "y2017")) in text


def test_a_genitive_names_the_municipality() -> None:
    diff = figure(FRAMEWORK, "0906", "y2017") - figure(FRAMEWORK, "0906", "y2016")
    assert kr(abs(diff)) in ask("Hvor mye endret Arendals økning i rammen seg fra 2016 til 2017?")


def test_a_year_named_in_without_the_prognosis_is_left_out_of_the_sum() -> None:
    total = sum(figure(FRAMEWORK, "0904", f"y{y}") for y in range(2016, 2020))
    text = ask("Hva fikk Grimstad i rammeøkning totalt 2016–2019, uten 2020-prognosen?")
    assert kr(total) in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken kommune i Aust-Agder hadde nest størst rammeøkning i 2017?",
        "Which Aust-Agder municipality had the second-largest framework increase in 2017?",
    ],
)
def test_second_largest_lists_the_first_two_places(question: str) -> None:
    rows = [r for r in data_rows(KB.tables[FRAMEWORK]) if r.key.startswith("09")]
    second = sorted(rows, key=lambda r: -figure(FRAMEWORK, r.key, "y2017"))[1]
    assert second.label in ask(question)


def test_a_year_and_the_printed_sum_are_given_side_by_side() -> None:
    text = ask("Hva fikk Risør i 2017 og hva er Risørs sum inkl. 2020-prognose?")
    assert kr(figure(FRAMEWORK, "0901", "y2017")) in text
    assert kr(figure(FRAMEWORK, "0901", "sum")) in text
    assert "Til sammen" not in text


def test_a_printed_sum_named_by_its_label_stands_for_its_parts() -> None:
    text = ask("Hva er Vennesla sin SUM 2016+2017 og prognosen for samlet økning 2018?")
    assert kr(figure(OVERVIEW_2018, "1014", "sum_2016_2017")) in text
    assert kr(figure(OVERVIEW_2018, "1014", "prognose_2018")) in text
