"""Table questions of the shapes caseworkers ask beside plain look-ups: shares of the whole
country, a count with its share, a row's place, short forms and follow-ups."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATS = "nav-sosialtjenestetall"


def ask(*questions: str) -> str:
    """Ask questions in one chat and return the last answer's text."""
    engine = Engine(KB)
    text = ""
    for q in questions:
        text = engine.ask(q, TODAY, chat="shapes").text
    return text


def figure(row: str, column: str, table: str = STATS) -> Fraction:
    """A printed figure, as the test's own look-up."""
    values = next(r for r in KB.tables[table].rows if r.key == row).values
    return Fraction(str(values[column]))


def grouped(value: Fraction) -> str:
    return f"{int(value):,}".replace(",", " ")


def test_a_rows_share_of_the_country_is_its_count_over_the_countrys_count() -> None:
    column = "midlertidig_botilbud_2018"
    share = figure("11", column) / figure("landet", column)
    tenths = round(share * 1000)
    text = ask("Hvor stor andel av landets husholdninger i midlertidig botilbud var i Rogaland?")
    assert f"{tenths // 10},{tenths % 10} %" in text
    assert grouped(figure("landet", "midlertidig_botilbud_2018")) in text


def test_a_share_column_named_by_its_own_words_is_not_read_as_a_share_of_the_country() -> None:
    text = ask("Hvor stor andel av KVP-deltakerne i Oslo var basert på rammefinansiering?")
    assert "78 %" in text


@pytest.mark.parametrize(
    ("question", "count", "share"),
    [
        (
            "Hvor mange 18–24-åringer i Telemark fikk sosialhjelp i 2018,"
            " og hvor stor andel er det?",
            ("08", "unge_18_24_sosialhjelp_2018"),
            "7,9 %",
        ),
        (
            "How many children in Nordland lived in households on social assistance 6–12 months"
            " in 2018, and what share is that?",
            ("18", "barn_sosialhjelp_6_12_2018"),
            "%",
        ),
    ],
)
def test_a_count_and_its_share_asked_together_are_both_given(
    question: str, count: tuple[str, str], share: str
) -> None:
    text = ask(question)
    value = figure(*count)
    assert grouped(value) in text or f"{int(value):,}" in text
    assert share in text


def test_a_rows_place_among_the_rows_says_highest_or_lowest() -> None:
    best = max(
        (r for r in KB.tables[STATS].rows if r.county),
        key=lambda r: Fraction(str(r.values["kvp_rammefinansiering"])),
    )
    text = ask(
        f"Hvilken plass har {best.label} når det gjelder KVP-deltakere basert på rammefinansiering?"
    )
    assert "høyest" in text


def test_a_ranking_word_that_is_part_of_the_columns_own_words_does_not_rank() -> None:
    column = "unge_18_24_sosialhjelp_2018"
    total = figure("01", column) + figure("07", column)
    text = ask(
        "Hvor mange 18–24-åringer i Østfold og Vestfold til sammen mottok sosialhjelp minst"
        " én gang i 2018?"
    )
    assert f"Til sammen: {grouped(total)}" in text


def test_two_places_sharing_a_second_part_are_both_read() -> None:
    total = figure("09", "midlertidig_botilbud_2018") + figure("10", "midlertidig_botilbud_2018")
    text = ask(
        "Hvor mange husholdninger i midlertidig botilbud hadde Aust- og Vest-Agder til sammen?"
    )
    assert f"Til sammen: {grouped(total)}" in text


def test_short_forms_are_read_as_their_long_forms() -> None:
    printed = next(r for r in KB.tables[STATS].rows if r.key == "11").values["andel_under_18"]
    text = ask("rogaland andel u18 sos.hjelp?")
    assert str(printed).replace(".", ",") + " %" in text


FRAMEWORK = "opptrappingsplan-2016-2020"


def kroner(value: Fraction) -> str:
    return f"{grouped(abs(value))} kr"


def test_a_short_follow_up_ranks_the_column_just_asked_about_over_every_row() -> None:
    rows = [r for r in KB.tables[STATS].rows if r.county]
    fewest = min(rows, key=lambda r: Fraction(str(r.values["midlertidig_botilbud_2018"])))
    text = ask(
        "Hvor mange husholdninger i Buskerud var i midlertidig botilbud i 2018?",
        "og i Vestfold?",
        "Hvilket fylke hadde færrest?",
    )
    assert f"1. {fewest.label}:" in text


def test_which_of_the_two_ranks_only_the_rows_just_asked_about() -> None:
    drops = {
        key: figure(key, "y2019", FRAMEWORK) - figure(key, "y2018", FRAMEWORK)
        for key in ("0906", "1002")
    }
    larger = min(drops, key=lambda k: drops[k])
    text = ask(
        "Hvor mye økte rammen for Arendal i 2018?",
        "og Mandal?",
        "Hvem av de to hadde størst nedgang fra 2018 til 2019?",
    )
    assert kroner(drops[larger]) in text
    assert "Kristiansand" not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva var økningen i rammen for Lyngdal i 2019 sammenlignet med 2018?",
        "Hvor mye gikk Lyngdal ned fra 2018 til 2019?",
        "How did Lyngdal's framework increase in 2019 change compared with 2018, up or down?",
    ],
)
def test_a_change_between_two_years_of_one_row_is_their_difference(question: str) -> None:
    diff = figure("1032", "y2019", FRAMEWORK) - figure("1032", "y2018", FRAMEWORK)
    text = ask(question)
    assert kroner(diff) in text or f"NOK {int(abs(diff)):,}" in text


def test_rows_summed_before_than_are_compared_with_the_rows_after_it() -> None:
    left = figure("0911", "sum", FRAMEWORK) + figure("0912", "sum", FRAMEWORK)
    right = figure("0938", "sum", FRAMEWORK)
    text = ask(
        "Er det riktig at Gjerstad og Vegårshei til sammen hadde høyere sum inkl. 2020-prognose"
        " enn Bygland?"
    )
    assert kroner(left) in text and kroner(right) in text
    assert text.count("Ja, det stemmer.") + text.count("Nei, det stemmer ikke.") == 1
    assert ("Ja, det stemmer." in text) == (left > right)


def test_a_regions_two_years_are_compared_as_the_regions_totals() -> None:
    members = ["1003", "1004", "1032", "1034", "1037", "1046"]
    diff = sum(figure(k, "y2019", FRAMEWORK) for k in members) - sum(
        figure(k, "y2018", FRAMEWORK) for k in members
    )
    text = ask("Hvor mye mindre fikk Lister-kommunene i 2019 enn i 2018?")
    assert kroner(diff) in text


def test_final_figures_win_over_a_table_with_only_a_prognosis_for_one_of_the_years() -> None:
    total = sum(figure("0906", f"y{y}", FRAMEWORK) for y in (2016, 2017, 2018))
    text = ask("Hva er summen for Arendal for 2016, 2017 og 2018?")
    assert f"Til sammen: {kroner(total)}" in text


PROGNOSIS_2018 = "opptrappingsplan-2018-prognose"


@pytest.mark.parametrize(
    ("question", "table", "column"),
    [
        ("Hva fikk Lillesand i 2017 ifølge 2018-presentasjonen?", PROGNOSIS_2018, "y2017"),
        ("What did Lillesand get in 2018 according to the 2020 slides?", FRAMEWORK, "y2018"),
        ("Hva var Lillesands tall for 2018 i tabellen fra 2018?", PROGNOSIS_2018, "prognose_2018"),
    ],
)
def test_a_year_that_names_a_source_picks_that_sources_table(
    question: str, table: str, column: str
) -> None:
    value = figure("0926", column, table)
    text = ask(question)
    assert grouped(value) in text or f"{int(value):,}" in text


def test_a_place_asked_by_its_ordinal_is_marked_in_the_ranking() -> None:
    rows = sorted(
        (r for r in KB.tables[FRAMEWORK].rows if r.municipality),
        key=lambda r: -Fraction(str(r.values["y2017"])),
    )
    text = ask("Hvilken kommune hadde fjerde høyest økning i rammen i 2017?")
    assert f"4. {rows[3].label}:" in text and "←" in text


def test_an_ordinal_year_of_a_grant_is_no_place_in_a_ranking() -> None:
    assert "←" not in ask("Hva får vi i fjerde år for ett årsverk i kommunalt rusarbeid?")


def test_the_whole_period_is_the_printed_sum_of_every_year() -> None:
    rows = [r for r in KB.tables[FRAMEWORK].rows if r.municipality]
    top = max(rows, key=lambda r: Fraction(str(r.values["sum"])))
    text = ask("Hvilken kommune fikk størst økning i rammen over hele perioden?")
    assert f"1. {top.label}: {kroner(figure(top.key, 'sum', FRAMEWORK))}" in text


def test_a_nynorsk_column_wording_with_a_ranking_word_is_still_the_column() -> None:
    column = "unge_18_24_sosialhjelp_2018"
    total = figure("14", column) + figure("15", column)
    text = ask(
        "Kor mange 18–24-åringar i Sogn og Fjordane og Møre og Romsdal til saman fekk"
        " sosialhjelp minst éin gong i 2018?"
    )
    assert f"Til sammen: {grouped(total)}" in text


NATIONAL = "opptrappingsplan-nasjonal-ramme"


def test_which_year_for_all_rows_together_ranks_the_years_totals() -> None:
    rows = [r for r in KB.tables[FRAMEWORK].rows if r.municipality]
    years = {y: sum(figure(r.key, f"y{y}", FRAMEWORK) for r in rows) for y in range(2016, 2021)}
    low = min(years, key=lambda y: years[y])
    text = ask("Hvilket år var økningen i rammen minst for alle kommunene til sammen?")
    assert f"{low}" in text and kroner(years[low]) in text


def test_rows_sharing_a_figure_are_listed_together() -> None:
    rows = [r for r in KB.tables[STATS].rows if r.county]
    values = [str(r.values["barn_sosialhjelp_6_12_2018"]) for r in rows]
    shared = [r.label for r, v in zip(rows, values, strict=True) if values.count(v) > 1]
    text = ask("Hvilke fylker hadde like mange barn i husholdninger med sosialhjelp 6–12 mnd.?")
    assert shared and all(f"– {label}:" in text for label in shared)


def test_a_figure_printed_under_a_table_is_given_with_its_note() -> None:
    printed = KB.tables[PROGNOSIS_2018].totals[0]
    text = ask("Hva står det om samlet økning i perioden i 2018-oversikten?")
    assert kroner(Fraction(printed.value)) in text
    assert (printed.note or "")[:40] in text


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("Hvor mye var den nasjonale økningen i rammen i 2019?", (2019,)),
        (
            "Ifølge tidslinjen: hvor mye ble lagt inn i rammen i 2016 og 2017 til sammen?",
            (2016, 2017),
        ),
    ],
)
def test_the_whole_countrys_table_is_read_when_the_country_or_its_own_words_are_named(
    question: str, years: tuple[int, ...]
) -> None:
    total = sum(figure("landet", f"y{y}", NATIONAL) for y in years)
    assert kroner(total) in ask(question)


def test_a_question_on_places_is_not_answered_from_the_whole_countrys_table() -> None:
    assert "Nasjonal økning" not in ask(
        "Hvilke kommuner fikk over 2 millioner i rammeøkning i 2016?"
    )


def test_two_sources_tables_are_compared_side_by_side() -> None:
    actual = sum(figure("0919", f"y{y}", FRAMEWORK) for y in (2016, 2017, 2018))
    forecast = figure("0919", "prognose_2018", PROGNOSIS_2018)
    text = ask(
        "Hva er forskjellen mellom Frolands faktiske økning 2016–2018 i 2020-tabellen og"
        " prognosen for 2018 i 2018-tabellen?"
    )
    assert kroner(actual) in text and kroner(forecast) in text
    assert kroner(actual - forecast) in text


def test_a_follow_up_naming_another_source_compares_with_the_figure_just_given() -> None:
    forecast = figure("0928", "prognose_2018", PROGNOSIS_2018)
    actual = figure("0928", "y2018", FRAMEWORK)
    text = ask(
        "Hva var prognosen for Birkenes for 2018 i 2018-presentasjonen?",
        "Hvordan er det sammenlignet med 2018 i 2020-tabellen?",
    )
    assert kroner(forecast - actual) in text
    assert "2018" in text and "2020" in text


GRANTS = "tilskuddsforvaltning-2018-agder"


def test_a_table_of_named_items_is_listed_with_its_printed_sum_when_no_item_is_named() -> None:
    text = ask("Hva viste prognosen for tilskuddsforvaltningen i Agder for 2018?")
    for row in KB.tables[GRANTS].rows:
        assert f"{row.label}, " in text
        assert kroner(figure(row.key, "prognose", GRANTS)) in text


def test_an_item_is_named_by_its_label_words_or_its_schemes_names() -> None:
    text = ask("How much was forecast for KRA in the grant administration for 2018?")
    assert f"NOK {int(figure('kommunalt-rusarbeid', 'prognose', GRANTS)):,}" in text
    assert "Long-term" not in text


@pytest.mark.parametrize(
    ("question", "right"),
    [
        (
            "Stemmer det at prognosen for tilskuddsforvaltningen i 2018 var 41 millioner i alt?",
            True,
        ),
        (
            "Stemmer det at prognosen for tilskuddsforvaltningen i 2018 var 45 millioner i alt?",
            False,
        ),
    ],
)
def test_a_claim_about_an_items_tables_total_is_checked_against_its_parts(
    question: str, right: bool
) -> None:
    text = ask(question)
    assert ("Ja, det stemmer." in text) == right
    assert ("Nei, det stemmer ikke." in text) == (not right)


def test_whole_millions_are_also_shown_as_millions() -> None:
    text = ask(
        "What was the forecast for long-term and complex needs in the 2018 grant administration?"
    )
    assert "13 million" in text  # "(13 million)" in the table, "NOK 13 million" on the card


def test_an_appropriation_question_keeps_the_appropriation_card() -> None:
    text = ask("Hva var bevilgningen til kommunalt rusarbeid i 2018?")
    assert "Tilskuddsforvaltning 2018" not in text.splitlines()[0]


def test_a_place_written_as_a_compound_is_read_as_the_ordinal() -> None:
    rows = sorted(
        (r for r in KB.tables[FRAMEWORK].rows if r.municipality),
        key=lambda r: -Fraction(str(r.values["y2019"])),
    )
    text = ask("Hvilken kommune kom på andreplass i økning i rammen i 2019?")
    assert f"{rows[1].label}:" in text


def test_a_headings_word_pair_in_the_question_overrules_a_guessed_column() -> None:
    printed = next(r for r in KB.tables[STATS].rows if r.key == "19").values["andel_under_18"]
    text = ask("What share of the population under 18 in Troms lived in such households?")
    assert f"{printed} %" in text


def test_a_rows_share_of_its_regions_total_is_its_figure_over_the_regions_sum() -> None:
    members = ["1003", "1004", "1032", "1034", "1037", "1046"]
    share = figure("1032", "y2019", FRAMEWORK) / sum(figure(k, "y2019", FRAMEWORK) for k in members)
    tenths = round(share * 1000)
    text = ask("Hvor stor andel av Lister-kommunenes økning i 2019 fikk Lyngdal?")
    assert f"{tenths // 10},{tenths % 10} %" in text and "Lister (6 kommuner)" in text


def test_a_count_without_a_share_of_its_own_is_not_given_another_columns_share() -> None:
    text = ask("Kor stor del av alle husstandane i mellombels butilbod i landet var i Troms?")
    assert "rammefinansiering" not in text
    assert grouped(figure("19", "midlertidig_botilbud_2018")) in text


def test_rows_are_counted_by_the_columns_they_hold_the_lowest_figure_in() -> None:
    table = KB.tables[STATS]
    rows = [r for r in table.rows if r.county]
    counts: dict[str, int] = {}
    for column in table.columns:
        low = min(Fraction(str(r.values[column.id])) for r in rows)
        for r in rows:
            if Fraction(str(r.values[column.id])) == low:
                counts[r.label] = counts.get(r.label, 0) + 1
    first = max(counts, key=lambda k: counts[k])
    text = ask("Hvilket fylke har lavest tall i flest kolonner i sosialtjenestetabellen?")
    assert f"1. {first}: {counts[first]} kolonner" in text


@pytest.mark.parametrize(("bound", "right"), [(20, True), (30, False)])
def test_a_claim_about_a_rows_share_of_the_country_is_checked(bound: int, right: bool) -> None:
    share = figure("03", "midlertidig_botilbud_2018") / figure(
        "landet", "midlertidig_botilbud_2018"
    )
    assert (share * 100 > bound) == right
    text = ask(
        f"Stemmer det at Oslo hadde over {bound} % av landets husholdninger i midlertidig botilbud?"
    )
    assert ("Ja, det stemmer." in text) == right


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange fylker er med i tabellen over sosialtjenestetall?",
        "Kor mange fylke er med i tabellen over sosialtenestetala, utanom landet?",
        "How many counties are in the social services figures table?",
    ],
)
def test_the_places_of_a_table_are_counted_when_the_table_itself_is_asked(question: str) -> None:
    counties = [r for r in KB.tables[STATS].rows if r.county and not r.sum_of_rows]
    text = ask(question)
    assert f": {len(counties)}" in text
    assert all(r.label in text for r in counties)


def test_a_count_of_places_with_a_figure_bound_is_a_filter_not_the_tables_size() -> None:
    table = KB.tables[STATS]
    counties = [r for r in table.rows if r.county and not r.sum_of_rows]
    above = [r for r in counties if Fraction(str(r.values["andel_18_24"])) > 6]
    text = ask(
        "Hvor mange fylker hadde over 6 % andel 18–24 år i tabellen over sosialtjenestetall?"
    )
    assert f": {len(above)}" in text
    assert len(above) != len(counties)


@pytest.mark.parametrize(
    ("count_question", "row", "share_column"),
    [
        (
            "Hvor mange 18–24-åringer i Rogaland fikk sosialhjelp i 2018?",
            "12",
            "andel_18_24",
        ),
        (
            "Hvor mange barn i Oslo bodde i husholdninger med sosialhjelp i 6–12 måneder?",
            "19",
            "andel_under_18",
        ),
    ],
)
def test_a_share_asked_after_a_count_is_the_share_printed_beside_that_count(
    count_question: str, row: str, share_column: str
) -> None:
    label = next(r.label for r in KB.tables[STATS].rows if r.key == row)
    text = ask(count_question, f"Hvilken andel av aldersgruppen var det i {label}?")
    shown = f"{float(figure(row, share_column)):.1f}".replace(".", ",")
    assert f"{shown} %" in text


def test_an_items_share_of_a_printed_sum_is_the_item_over_the_sum() -> None:
    table = "tilskuddsforvaltning-2018-agder"
    rows = {r.key: r for r in KB.tables[table].rows}
    total = next(r for r in rows.values() if r.sum_of_rows)
    item = next(r for r in rows.values() if not r.sum_of_rows)
    column = KB.tables[table].columns[0].id
    share = Fraction(str(item.values[column])) / Fraction(str(total.values[column]))
    tenths = round(share * 1000)
    text = ask(f"Hvor stor andel av tilskuddsforvaltningen 2018 i Agder gjaldt {item.label}?")
    assert f"{tenths // 10},{tenths % 10} %" in text


@pytest.mark.parametrize(
    ("question", "row", "column"),
    [
        (
            "Oslo hadde 7 112 barn i husholdninger med sosialhjelp i 6–12 måneder. Hvor stor"
            " andel av befolkningen under 18 år er det, og er det høyest i landet?",
            "03",
            "andel_under_18",
        ),
        (
            "Hvor stor andel av befolkningen 18–24 år i Rogaland fikk sosialhjelp, og er det"
            " lavest i landet?",
            "11",
            "andel_18_24",
        ),
    ],
)
def test_a_share_of_the_population_asked_with_its_rank_is_the_printed_share_and_its_place(
    question: str, row: str, column: str
) -> None:
    rows = [r for r in KB.tables[STATS].rows if r.county and not r.sum_of_rows]
    value = figure(row, column)
    place = 1 + sum(Fraction(str(r.values[column])) > value for r in rows)
    text = ask(question)
    assert f"{float(value):.1f}".replace(".", ",") + " %" in text
    assert (f"nr. {place} av {len(rows)}" if place > 1 else f"høyest av {len(rows)}") in text
    assert "egen utregning" not in text  # no share of the country's count
