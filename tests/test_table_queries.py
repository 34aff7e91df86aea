"""Table questions as one query: values, sums, differences, rankings and filters."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calc.tables import evaluate
from bot.engine import Engine
from bot.understanding.tables import TableQuery, data_rows
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


# --- filters against a figure or a named row, counts asked outside the scheme words -----------

STATS = "nav-sosialtjenestetall"


def counties(column: str) -> dict[str, int | float]:
    """Every county's printed figure in a statistics column, as the test's own look-up."""
    table = KB.tables[STATS]
    return {r.label: float(str(r.values[column])) for r in data_rows(table)}


@pytest.mark.parametrize(
    ("question", "keep"),
    [
        (
            "Hvilke kommuner fikk over 2 millioner i rammeøkning i 2016?",
            lambda v: v > 2_000_000,
        ),
        (
            "Hvor mange Agder-kommuner fikk under 100 000 kr i rammeøkning i 2019, og hvilke?",
            lambda v: v < 100_000,
        ),
    ],
)
def test_a_figure_after_over_or_under_filters_the_municipalities(question: str, keep) -> None:
    year = "y2016" if "2016" in question else "y2019"
    rows = data_rows(KB.tables[FRAMEWORK])
    kept = [r for r in rows if keep(figure(FRAMEWORK, r.key, year))]
    left = [r for r in rows if not keep(figure(FRAMEWORK, r.key, year))]
    text = ask(question)
    assert f": {len(kept)}\n" in text
    assert all(f"– {r.label}:" in text for r in kept)
    assert not any(f"– {r.label}:" in text for r in left)


def test_minst_before_a_share_means_at_least() -> None:
    shares = counties("andel_18_24")
    text = ask("Hvilke fylker hadde minst 7 % av befolkningen 18–24 år med sosialhjelp?")
    assert all((f"– {name}:" in text) == (share >= 7) for name, share in shares.items())


def test_a_printed_figure_finds_the_counties_that_have_it() -> None:
    kvp = counties("kvp_deltakere_2019")
    name, value = next(iter(kvp.items()))
    text = ask(f"Hvilke fylker hadde {int(value):,} deltakere i KVP?".replace(",", " "))
    assert f"– {name}:" in text


def test_a_named_row_gives_the_bound_of_a_comparison_filter() -> None:
    kids = counties("barn_sosialhjelp_6_12_2018")
    text = ask("Which counties had more children in households with social assistance than Troms?")
    assert all((f"– {n}:" in text) == (v > kids["Troms"]) for n, v in kids.items() if n != "Troms")


def test_a_count_of_places_is_no_bound() -> None:
    total = sum(figure(FRAMEWORK, r.key, "y2017") for r in data_rows(KB.tables[FRAMEWORK]))
    assert kr(total) in ask("Hva er samlet rammeøkning i 2017 for alle de 30 kommunene i Agder?")


def test_a_count_asked_in_english_outside_the_scheme_words_is_answered() -> None:
    table = KB.tables[STATS]
    nordland = next(r for r in table.rows if r.label == "Nordland")
    text = ask("How many households in Nordland were in temporary accommodation in 2018?")
    assert str(nordland.values["midlertidig_botilbud_2018"]) in text


def test_names_listed_next_to_each_other_are_all_read() -> None:
    keys = ["0926", "0928", "0929"]
    total = sum(figure(FRAMEWORK, k, "y2019") for k in keys)
    assert kr(total) in ask("Lillesand, Birkenes, Åmli – samlet rammeøkning 2019?")


# --- follow-ups that operate on what was asked before -----------------------------------------


def test_til_sammen_after_three_rows_in_turn_sums_the_three() -> None:
    keys = ["03", "02", "12"]
    total = sum(figure(STATS, k, "kvp_deltakere_2019") for k in keys)
    text = ask(
        "Hvor mange deltakere i KVP hadde Oslo per 31.8.2019?",
        "og Akershus?",
        "og Hordaland?",
        "Hvor mange er de tre fylkene til sammen?",
    )
    assert f"Til sammen: {total:,}".replace(",", " ") in text


def test_how_much_more_after_two_rows_compares_the_named_row_with_the_other() -> None:
    diff = figure(FRAMEWORK, "0904", "y2019") - figure(FRAMEWORK, "0926", "y2019")
    text = ask(
        "Hva fikk Grimstad i rammeøkning i 2019?", "og Lillesand?", "hvor mye mer fikk Grimstad?"
    )
    assert kr(abs(diff)) in text


def test_an_operation_with_a_new_year_on_the_two_rows_just_asked() -> None:
    total = figure(FRAMEWORK, "1002", "y2019") + figure(FRAMEWORK, "1032", "y2019")
    text = ask(
        "Hva fikk Mandal i økning i rammen i 2018?",
        "og Lyngdal?",
        "Hva fikk de to kommunene til sammen i 2019?",
    )
    assert kr(total) in text


def test_a_follow_up_naming_two_years_of_the_overview_gives_its_printed_sum() -> None:
    text = ask("Hva er Arendals fordeling etter sosialhjelpsnøkkelen i 2016?", "og for 2016+2017?")
    assert text.startswith("Fordeling etter sosialhjelpsnøkkel")
    assert kr(figure(OVERVIEW_2018, "0906", "sum_2016_2017")) in text


def test_a_question_echoing_the_overview_headings_reads_the_overview() -> None:
    text = ask("Hva var Lister-summen i fordelingen etter sosialhjelpsnøkkelen for 2017?")
    assert kr(figure(OVERVIEW_2018, "lister", "y2017")) in text


def test_a_message_asking_two_figures_of_one_row_gets_both() -> None:
    text = ask("Hva fikk Birkenes i 2018 og hva er kommunens sum inkl. 2020-prognose?")
    assert kr(figure(FRAMEWORK, "0928", "y2018")) in text
    assert kr(figure(FRAMEWORK, "0928", "sum")) in text


def test_a_second_question_on_another_column_keeps_the_row() -> None:
    kvp = figure(STATS, "19", "kvp_deltakere_2019")
    text = ask(
        "Hvor mange husholdninger i Troms var i midlertidig botilbud i 2018, "
        "og hvor mange KVP-deltakere hadde fylket?"
    )
    assert f"{kvp:,}".replace(",", " ") in text


def test_a_fall_between_two_years_after_asking_them_in_turn() -> None:
    diff = figure(FRAMEWORK, "0911", "y2018") - figure(FRAMEWORK, "0911", "y2019")
    text = ask(
        "Kor mykje fekk Gjerstad i auke i ramma i 2018?",
        "og i 2019?",
        "Kor stor er nedgangen frå 2018 til 2019?",
    )
    assert kr(abs(diff)) in text


# --- rankings of a change, of one row's years, and a checked claim's own figure ---------------


def test_largest_increase_from_one_year_to_the_next_ranks_the_change() -> None:
    rows = data_rows(KB.tables[FRAMEWORK])
    change = {
        r.label: figure(FRAMEWORK, r.key, "y2019") - figure(FRAMEWORK, r.key, "y2018") for r in rows
    }
    least = min(change, key=lambda k: change[k])
    text = ask("Hvilken kommune hadde minst økning fra 2018 til 2019?")
    assert f"1. {least}: {kr(change[least])}" in text


@pytest.mark.parametrize("english", [False, True])
def test_which_year_ranks_one_rows_years(english: bool) -> None:
    years = {y: figure(FRAMEWORK, "1018", f"y{y}") for y in range(2016, 2021)}
    best = max(years, key=lambda y: years[y])
    question = (
        "Which year did Søgne get the largest framework increase?"
        if english
        else "Hvilket år fikk Søgne størst økning i rammen?"
    )
    text = ask(question)
    assert str(best) in text
    assert (f"NOK {years[best]:,}" if english else kr(years[best])) in text


def test_a_wrong_claim_about_the_top_row_shows_the_claimed_rows_own_figure() -> None:
    text = ask("Er det riktig at Finnmark hadde flest deltakere i KVP?")
    assert text.split("\n\n")[1].startswith("Nei")
    own = figure(STATS, "20", "kvp_deltakere_2019")
    assert f"Finnmark: {own}" in text


def test_an_english_range_word_is_no_count_of_places() -> None:
    text = ask("Which municipality had the largest framework increase from 2016 to 2017?")
    assert "2. " not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye øker rammen for Grimstad neste år?",
        "How much will Lister's framework rise next year?",
    ],
)
def test_next_year_past_the_table_gives_the_table_s_last_year_said_to_be_so(question: str) -> None:
    answer = Engine(KB).ask(question, TODAY)
    last = KB.tables[FRAMEWORK].years.last
    assert answer.answered and answer.after_sources
    assert str(TODAY.year + 1) in answer.text and f"{last}:" in answer.text


def test_last_year_inside_the_table_gives_that_years_figure() -> None:
    text = ask("Hvor mye økte rammen for Froland i fjor?", today=dt.date(2019, 5, 1))
    assert kr(figure(FRAMEWORK, "0919", "y2018")) in text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Er det riktig at Arendal fikk over 3 millioner i rammeøkning i 2019?", "Nei"),
        ("Stemmer det at Arendal fikk under 2 millioner i rammeøkning i 2019?", "Ja"),
        ("Er det riktig at Akershus hadde nest flest deltakere i KVP?", "Nei"),
        ("Is it true that Bykle had the lowest framework increase in Aust-Agder in 2017?", "Yes"),
    ],
)
def test_a_claim_about_one_row_is_checked_against_a_figure_or_a_place(
    question: str, verdict: str
) -> None:
    assert ask(question).split("\n\n")[1].startswith(verdict)
