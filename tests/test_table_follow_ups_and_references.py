"""Table questions that refer back or aside: the years asked in turn, a whole period, a
figure quoted from a heading, the office an appropriation chat asked for."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATS = "nav-sosialtjenestetall"
PLAN = "opptrappingsplan-2016-2020"


def ask(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="refs").text
    return text


def figure(table: str, label: str, column: str) -> Fraction:
    """A printed figure of the row with a label, as the test's own look-up."""
    row = next(r for r in KB.tables[table].rows if r.label == label)
    return Fraction(str(row.values[column]))


def grouped(value: Fraction | int) -> str:
    return f"{int(value):,}".replace(",", " ")


def county_ranked(column: str) -> list[tuple[str, Fraction]]:
    """The counties of the statistics table by a column, highest first."""
    rows = [r for r in KB.tables[STATS].rows if r.county]
    return sorted(((r.label, Fraction(str(r.values[column]))) for r in rows), key=lambda kv: -kv[1])


@pytest.mark.parametrize(
    ("questions", "place", "first", "second"),
    [
        (
            ["Hvor mye økte rammen for Vennesla i 2016?", "og i 2018?"],
            "Vennesla",
            "y2016",
            "y2018",
        ),
        (
            ["Hva fikk Lyngdal i økning i rammen i 2017?", "Og Farsund?", "enn i 2019?"],
            "Farsund",
            "y2017",
            "y2019",
        ),
    ],
)
def test_the_difference_between_the_two_years_asked_is_one_rows_change(
    questions: list[str], place: str, first: str, second: str
) -> None:
    change = abs(figure(PLAN, place, first) - figure(PLAN, place, second))
    text = ask(*questions, f"Hva er forskjellen mellom de to årene for {place}?")
    assert grouped(change) in text


def test_the_two_years_asked_summed_for_the_place_asked_last() -> None:
    total = figure(PLAN, "Mandal", "y2016") + figure(PLAN, "Mandal", "y2019")
    text = ask(
        "Hvor mye økte rammen for Mandal i 2016?", "og 2019?", "Hva blir begge årene til sammen?"
    )
    assert grouped(total) in text


def test_a_difference_over_the_whole_period_compares_the_printed_sums() -> None:
    gap = figure(PLAN, "Grimstad", "sum") - figure(PLAN, "Lillesand", "sum")
    text = ask(
        "Hvor mye mer fikk Grimstad enn Lillesand i økning i rammen i hele perioden 2016–2020?"
    )
    assert grouped(gap) in text


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        (
            "Hvilket fylke hadde høyest andel barn under 18 i husholdninger med sosialhjelp"
            " 6 til 12 måneder?",
            True,
        ),
        (
            "Which county had the lowest share of children under 18 in households receiving"
            " social assistance for 6 to 12 months?",
            False,
        ),
    ],
)
def test_a_span_quoted_from_a_heading_is_no_bound_on_the_rows(question: str, highest: bool) -> None:
    ranked = county_ranked("andel_under_18")
    name, _ = ranked[0] if highest else ranked[-1]
    text = ask(question)
    assert name in text
    assert " lik 6 " not in text and "equal to 6" not in text  # no filter by the figure


def test_an_appropriation_sum_keeps_the_office_the_chat_asked_for() -> None:
    text = ask(
        "Hva var prognosen for tilskuddsforvaltningen i Agder i 2018 for kommunalt rusarbeid?",
        "og for langvarige og sammensatte?",
        "Hvor mye blir det til sammen?",
    )
    assert "41 millioner" in text
    assert "Agder" in text


@pytest.mark.parametrize("verb", ["was expected to be distributed in", "goes to"])
def test_an_english_follow_up_asks_the_offices_part_of_an_appropriation(verb: str) -> None:
    text = ask(
        "What was the 2021 appropriation for the municipal substance abuse grant?",
        f"And how much of that {verb} Innlandet?",
    )
    assert "32 million" in text


def county_figure(name: str, column: str) -> Fraction:
    return figure(STATS, name, column)


@pytest.mark.parametrize(
    ("question", "column"),
    [
        (
            "Hvor mange husholdninger var i midlertidig botilbud i fylka i Agder til saman?",
            "midlertidig_botilbud_2018",
        ),
        (
            "How many KVP participants were there in the Agder counties combined?",
            "kvp_deltakere_2019",
        ),
        (
            "Hvor mange 18–24-åringer fikk sosialhjelp i 2018 i begge Agder-fylkene til sammen?",
            "unge_18_24_sosialhjelp_2018",
        ),
    ],
)
def test_counties_named_by_the_part_their_names_share_are_those_counties(
    question: str, column: str
) -> None:
    total = county_figure("Aust-Agder", column) + county_figure("Vest-Agder", column)
    text = ask(question)
    assert grouped(total) in text


def test_a_framework_question_after_a_statistics_question_is_no_follow_up_of_it() -> None:
    framework = sum(
        Fraction(str(r.values["y2018"]))
        for r in KB.tables[PLAN].rows
        if r.municipality and not r.sum_of_rows
    )
    text = ask(
        "Hvor mange husholdninger var i midlertidig botilbud i Aust-Agder og Vest-Agder til saman?",
        "Hvor mye økte rammen i Agder-kommunene i 2018 til sammen?",
    )
    assert grouped(framework) in text
    assert "husholdninger" not in text.lower()


def ranked_plan(column: str, members: set[str] | None = None) -> list[tuple[str, Fraction]]:
    """The municipalities of the framework table by a column, highest first."""
    rows = [
        r
        for r in KB.tables[PLAN].rows
        if r.municipality and not r.sum_of_rows and (members is None or r.municipality in members)
    ]
    return sorted(((r.label, Fraction(str(r.values[column]))) for r in rows), key=lambda kv: -kv[1])


@pytest.mark.parametrize("wording", ["etter {}", "bak {}"])
def test_a_ranking_after_a_named_row_gives_the_next_place(wording: str) -> None:
    ranked = ranked_plan("y2018")
    first, (second, value) = ranked[0][0], ranked[1]
    text = ask(f"Hvilken kommune fikk størst økning i rammen i 2018 {wording.format(first)}?")
    assert f"{second}: {grouped(value)} kr ←" in text


def test_a_ranking_after_a_named_row_counts_from_the_bottom_when_the_lowest_is_asked() -> None:
    ranked = county_ranked("kvp_deltakere_2019")[::-1]
    first, (second, value) = ranked[0][0], ranked[1]
    text = ask(f"Which county had the fewest KVP participants after {first}?")
    assert f"{second}: {grouped(value)}" in text
    assert "←" in text.split(second)[1].split("\n")[0]


def test_a_ranking_after_a_named_row_stays_within_the_region_asked() -> None:
    members = {m.number for m in KB.municipalities.values() if m.region == "Lister"}
    ranked = ranked_plan("y2017", members)
    first, (second, value) = ranked[0][0], ranked[1]
    text = ask(f"Hvilken kommune i Lister fikk mest økning i rammen i 2017 etter {first}?")
    assert f"{second}: {grouped(value)} kr ←" in text


@pytest.mark.parametrize(
    "last",
    [
        "Hvilket fylke hadde flest, og hvor mange?",
        "Which county had the most of all, and how many was that?",
        "Kva fylke hadde færrest av alle fylka?",
    ],
)
def test_a_ranking_follow_up_ranks_the_column_just_asked(last: str) -> None:
    ranked = county_ranked("kvp_deltakere_2019")
    name, value = ranked[0] if "færrest" not in last else ranked[-1]
    text = ask("Hvor mange KVP-deltakere var det i Nordland?", "og i Troms?", last)
    assert f"{name}: {grouped(value)}" in text or f"{name}: {int(value):,}" in text


FORECAST = "opptrappingsplan-2018-prognose"


def test_the_sum_of_a_printed_rows_name_names_no_sum_column() -> None:
    text = ask("Hva sto det for Sum Lister i 2016, i 2017 og i prognosen for 2018?")
    for column in ("y2016", "y2017", "prognose_2018"):
        assert grouped(figure(FORECAST, "Sum Lister", column)) in text


def test_years_joined_by_a_plus_name_the_printed_sum_of_a_printed_row() -> None:
    text = ask("Hva er Sum Lister for 2016+2017?")
    assert grouped(figure(FORECAST, "Sum Lister", "sum_2016_2017")) in text


@pytest.mark.parametrize(
    ("questions", "label", "first", "second"),
    [
        (
            ["Hvor mye økte rammen for Lillesand i 2016?", "hvor mye mer var det enn i 2019?"],
            "Lillesand",
            "y2016",
            "y2019",
        ),
        (
            [
                "How much did the framework increase for Froland in 2017, and how much less"
                " was that than in 2018?"
            ],
            "Froland",
            "y2017",
            "y2018",
        ),
    ],
)
def test_a_figure_just_given_is_set_against_another_year_of_the_same_row(
    questions: list[str], label: str, first: str, second: str
) -> None:
    gap = abs(figure(PLAN, label, first) - figure(PLAN, label, second))
    text = ask(*questions)
    assert grouped(gap) in text or f"{int(gap):,}" in text


def test_a_forecast_just_given_is_set_against_the_printed_sum_of_the_same_row() -> None:
    gap = figure(FORECAST, "Arendal", "prognose_2018") - figure(
        FORECAST, "Arendal", "sum_2016_2017"
    )
    text = ask(
        "Hva var prognosen for samlet økning i 2018 for Arendal?",
        "Og hvor mye høyere var det enn SUM 2016+2017?",
    )
    assert grouped(gap) in text


@pytest.mark.parametrize(
    ("first", "share", "sibling"),
    [
        (
            "Hvilket fylke hadde flest barn i husholdninger med sosialhjelp 6–12 måneder?",
            "Og hvilket fylke hadde høyest andel?",
            "andel_under_18",
        ),
        (
            "Which county had the most 18–24-year-olds on social assistance in 2018?",
            "And which one had the highest share?",
            "andel_18_24",
        ),
    ],
)
def test_a_share_ranked_after_a_count_ranks_the_share_printed_beside_it(
    first: str, share: str, sibling: str
) -> None:
    name, _ = county_ranked(sibling)[0]
    printed = str(next(r for r in KB.tables[STATS].rows if r.label == name).values[sibling])
    text = ask(first, share)
    assert f"{name}: {printed.replace('.', ',')} %" in text or f"{name}: {printed} %" in text


@pytest.mark.parametrize(
    "last",
    [
        "Hvor stor andel av befolkningen under 18 år er det i hvert av de to fylkene?",
        "Og andelen under 18 år for begge?",
    ],
)
def test_a_share_asked_for_each_of_the_rows_asked_lists_them_side_by_side(last: str) -> None:
    text = ask(
        "Hvor mange barn bodde i husholdninger med sosialhjelp 6–12 måneder i Nordland?",
        "og i Finnmark?",
        last,
    )
    for name in ("Nordland", "Finnmark"):
        row = next(r for r in KB.tables[STATS].rows if r.label == name)
        value = str(row.values["andel_under_18"]).replace(".", ",")
        assert f"{name}, Andel av befolkningen under 18 år: {value}" in text


def test_a_rows_place_below_the_top_names_the_row_that_is_highest() -> None:
    ranked = county_ranked("andel_18_24")
    name, _ = ranked[0]
    other = ranked[3][0]
    text = ask(
        f"Hvor stor andel av befolkningen 18–24 år i {other} fikk sosialhjelp,"
        " og er det høyest i landet?"
    )
    assert f"Høyest: {name} (" in text


def test_a_computed_share_is_also_given_in_whole_percent() -> None:
    table = KB.tables["tilskuddsforvaltning-2018-agder"]
    part = next(r for r in table.rows if r.key == "kommunalt-rusarbeid").values["prognose"]
    whole = next(r for r in table.rows if r.sum_of_rows).values["prognose"]
    percent = int(Fraction(part) / Fraction(whole) * 100 + Fraction(1, 2))
    text = ask(
        "Hvor mange prosent av prognosen for tilskuddsforvaltningen i Agder 2018 gjaldt"
        " kommunalt rusarbeid?"
    )
    assert f"rundt {percent} %" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange ordninger står i tabellen over tilskudd fra 2022?",
        "Kor mange tilskot står i oversiktstabellen frå januar 2022?",
    ],
)
def test_the_2022_overview_of_grants_is_counted_as_the_source_prints_its_rows(
    question: str,
) -> None:
    engine = Engine(KB)
    answer = engine.ask(question, TODAY, chat="overview")
    assert answer.answered
    assert "9 tilskudd" in answer.text
    assert "Prosjektskjønnsmidler" in answer.text


def test_a_ranking_after_two_named_rows_gives_the_place_after_both() -> None:
    ranked = ranked_plan("y2019")
    (a, _), (b, _), (third, value) = ranked[:3]
    text = ask(f"Hvilken kommune fikk mest økning i rammen i 2019 etter {a} og {b}?")
    assert f"{third}: {grouped(value)} kr ←" in text


@pytest.mark.parametrize("last", ["How much is that in total?", "Kor mykje er det til saman?"])
def test_a_total_after_one_schemes_appropriation_is_no_ladder_total(last: str) -> None:
    text = ask("Hva var bevilgningen til kommunalt rusarbeid i 2021?", last)
    assert "455" in text
    assert "1 980 000" not in text and "1,980,000" not in text


def region_total(region: str, column: str) -> Fraction:
    """A region's (or county's) sum of the framework table's municipalities in a column."""
    members = {m.number for m in KB.municipalities.values() if region in (m.region, m.county)}
    return sum(
        (
            Fraction(str(r.values[column]))
            for r in KB.tables[PLAN].rows
            if r.municipality in members and not r.sum_of_rows
        ),
        Fraction(0),
    )


@pytest.mark.parametrize(
    ("question", "first", "second", "column"),
    [
        (
            "Hvor mye økte rammen i Aust-Agder i 2019 sammenlignet med Vest-Agder?",
            "Aust-Agder",
            "Vest-Agder",
            "y2019",
        ),
        (
            "How much more did Vest-Agder get than Lister in framework increases in 2016?",
            "Vest-Agder",
            "Lister",
            "y2016",
        ),
    ],
)
def test_two_regions_compared_set_their_sums_against_each_other(
    question: str, first: str, second: str, column: str
) -> None:
    gap = abs(region_total(first, column) - region_total(second, column))
    text = ask(question)
    assert grouped(gap) in text or f"{int(gap):,}" in text


def country_share_tenths(name: str, column: str) -> str:
    """A county's share of the country's count in a column, one decimal, comma."""
    share = county_figure(name, column) / figure(STATS, "Landet (fylker fra 2019)", column)
    tenths = int(share * 1000 + Fraction(1, 2))
    return f"{tenths // 10},{tenths % 10} %"


@pytest.mark.parametrize(
    ("question", "name", "column"),
    [
        (
            "Hvor stor andel av KVP-deltakerne var i Nordland?",
            "Nordland",
            "kvp_deltakere_2019",
        ),
        (
            "Hvor stor del av barna i husholdninger med sosialhjelp 6–12 måneder bodde i"
            " Hordaland?",
            "Hordaland",
            "barn_sosialhjelp_6_12_2018",
        ),
    ],
)
def test_a_share_of_the_counted_that_were_in_a_county_is_of_the_countrys_count(
    question: str, name: str, column: str
) -> None:
    assert country_share_tenths(name, column) in ask(question)


def test_a_share_of_the_counted_in_a_county_is_the_share_printed_for_it() -> None:
    row = next(r for r in KB.tables[STATS].rows if r.label == "Nordland")
    printed = str(row.values["andel_under_18"]).replace(".", ",")
    text = ask("Hvor stor andel av barna i Nordland bodde i husholdninger med sosialhjelp?")
    assert f"{printed} %" in text


def test_a_ranking_of_something_else_after_a_table_question_does_not_rank_the_table() -> None:
    text = ask(
        "Hvor mange KVP-deltakere var det i Troms?", "Hvilken ordning har høyest bevilgning?"
    )
    assert "Deltakere i KVP" not in text
