"""Bounds written after a figure, appropriations compared in words, and source sentences reached.

Through the Engine and bot.understanding; every expected figure is computed here from the
knowledge base's tables and appropriations, never written here.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from bot.understanding.normalise import _stem
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 11, 23)
KRA, ADULTS = "kommunalt-rusarbeid", "voksne-langvarige"


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def ask(question: str) -> tuple[bool, str]:
    """Ask one question in a fresh chat; return whether it was answered and its text."""
    answer = Engine(kb()).ask(question, TODAY)
    return answer.answered, answer.text


def shares(column: str) -> dict[str, Fraction]:
    """The statistics table's counties and their figure in a column."""
    table = kb().tables["nav-sosialtjenestetall"]
    return {
        row.label: Fraction(str(row.values[column]))
        for row in table.rows
        if row.county and row.values.get(column) is not None
    }


def national(scheme: str, year: int) -> int:
    """Return a scheme's national appropriation in a year."""
    (found,) = [
        a.amount
        for a in kb().schemes[scheme].appropriations
        if a.year == year and a.scope == "nasjonal"
    ]
    return found


@pytest.mark.parametrize(
    ("question", "keep"),
    [
        (
            "Hvor mange fylker har 1,2 % eller mer av befolkningen 18–66 år med langvarig "
            "sosialhjelp?",
            lambda v: v >= Fraction(12, 10),
        ),
        (
            "Hvor mange fylker har en andel på 0,6 prosent eller lavere av befolkningen 18–66 år "
            "med langvarig sosialhjelp?",
            lambda v: v <= Fraction(6, 10),
        ),
        (
            "How many counties have 1.0 % or more of the population aged 18–66 on long-term "
            "social assistance?",
            lambda v: v >= 1,
        ),
    ],
)
def test_a_bound_written_after_the_figure_counts_the_rows_on_its_side(
    question: str, keep: object
) -> None:
    values = shares("andel_18_66")
    expected = sum(1 for v in values.values() if keep(v))  # type: ignore[operator]
    answered, text = ask(question)
    assert answered, text
    assert f": {expected}\n" in text, text


def test_a_word_of_the_operations_is_never_corrected_into_another_word() -> None:
    u = Engine(kb()).understand("Hvor mye større var bevilgningen?", None, TODAY)
    assert "storre" in u.folded


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye større var 2021-bevilgningen til kommunalt rusarbeid enn bevilgningen til "
        "voksne-ordningen?",
        "Hva er forskjellen mellom bevilgningen til kommunalt rusarbeid og voksne-ordningen i "
        "2021?",
        "How much bigger was the 2021 appropriation for kommunalt rusarbeid than for the "
        "adults scheme?",
    ],
)
def test_two_schemes_compared_in_one_year_give_their_difference_not_their_sum(
    question: str,
) -> None:
    lang = "en" if question.startswith("How") else "nb"
    difference = national(KRA, 2021) - national(ADULTS, 2021)
    total = national(KRA, 2021) + national(ADULTS, 2021)
    answered, text = ask(question)
    assert answered, text
    assert fmt.millions(difference, lang) in text
    assert fmt.kroner(total, lang) not in text


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (("fordeling", "fordeles", "fordele"), True),
        (("regjeringen", "regjeringens", "regjering"), True),
        (("evaluering", "evaluere"), True),
    ],
)
def test_inflections_and_verbal_nouns_share_one_stem(forms: tuple[str, ...], same: bool) -> None:
    assert (len({_stem(f) for f in forms}) == 1) is same


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Hvordan fordeles midlene i voksne-ordningen mellom statsforvalterne?", "utmåler"),
        ("Hvordan fordeles pengene til voksne med sammensatte behov til embetene?", "utmåler"),
        ("Hva innebærer den gylne regel?", "somatikk"),
    ],
)
def test_a_how_question_is_answered_by_the_source_sentence_it_asks_about(
    question: str, said: str
) -> None:
    answered, text = ask(question)
    assert answered, text
    assert said in text


def printed_sum(municipality: str) -> int:
    """A municipality's printed sum including the prognosis year, from the framework table."""
    table = kb().tables["opptrappingsplan-2016-2020"]
    column = next(c for c in table.columns if c.sum_of)
    row = next(r for r in table.rows if r.label == municipality)
    return int(row.values[column.id])


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("Hva er Arendals samlede økning i rammen inkludert prognosen for 2020?", "Arendal"),
        ("Hvor mye økte rammen til Grimstad totalt, medregnet prognosen for 2020?", "Grimstad"),
        ("What was Mandal's total framework increase including the forecast for 2020?", "Mandal"),
    ],
)
def test_a_year_named_as_what_a_sum_includes_gives_the_printed_sum(
    question: str, place: str
) -> None:
    lang = "en" if question.startswith("What") else "nb"
    answered, text = ask(question)
    assert answered, text
    assert fmt.kroner(printed_sum(place), lang) in text


def test_the_sum_of_two_schemes_against_a_stated_figure_gives_the_gap() -> None:
    total = national(ADULTS, 2021) + national("barn-unge-langvarige", 2021)
    stated = 200_000_000
    answered, text = ask(
        "De to ordningene for voksne og for barn og unge med sammensatte behov var en gang "
        "200 mill. kr til sammen. Hvor mye høyere var summen av de to ordningene i 2021?"
    )
    assert answered, text
    assert f"{fmt.millions(total - stated, 'nb')} over {fmt.millions(stated, 'nb')}" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er hovedprioriteten i den nye ordningen for voksne med langvarig/sammensatt "
        "oppfølging i 2022?",
        "Hva har toppprioritet for voksne med langvarige og sammensatte behov i 2022?",
        "Which measures come first in the 2022 priorities for the adults scheme and the new "
        "mental health and substance abuse grant?",
    ],
)
def test_a_years_priorities_come_from_the_scheme_that_states_them_that_year(
    question: str,
) -> None:
    stated = [
        f
        for f in kb().schemes[ADULTS].facts
        if f.topic.value == "priorities" and f.years.contains(2022)
    ]
    assert stated
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert answer.paragraphs[0].startswith(("Voksne", "Priorities", "Prioriteringer")) or (
        "ACT/FACT" in answer.paragraphs[0]
    ), answer.text
    assert "ACT/FACT" in answer.text
    # no sentence on another topic (an audit answer) is put before the priorities
    assert "revisor" not in answer.paragraphs[0].lower()


@pytest.mark.parametrize(
    "question",
    [
        "Kan flere kommuner samarbeide om stillinger som er finansiert med rustilskuddet?",
        "Kan kommunen gå sammen med en ideell organisasjon om tiltak finansiert av tilskudd til "
        "kommunalt rusarbeid?",
    ],
)
def test_a_cooperation_question_is_answered_by_the_cooperation_sentence(question: str) -> None:
    answered, text = ask(question)
    assert answered, text
    assert "interkommunalt" in text


def test_a_strong_passage_nearly_as_good_goes_before_a_weak_best_one() -> None:
    lex = Engine(kb()).understander.lex
    found = lex.look_up(
        "kan kommuner samarbeide med andre om tiltak finansiert av tilskuddet?", [KRA]
    )
    assert found and found[0][2], found


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke kommuner fikk over 1 million i 2018?",
        "Which municipalities had more than 500 participants in 2019?",
    ],
)
def test_rows_of_one_kind_are_never_answered_from_a_table_of_another_kind(
    question: str,
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    counties = {r.label for r in kb().tables["nav-sosialtjenestetall"].rows if r.county}
    assert not any(f"– {c}:" in answer.text for c in counties), answer.text
    assert "sosialhjelp 2018 (antall)" not in answer.text


def test_a_county_word_inside_a_name_asks_for_no_rows_of_its_own() -> None:
    table = kb().tables["opptrappingsplan-2018-prognose"]
    assert table.rows
    answered, text = ask(
        "Hva var samlet økning i perioden ifølge 2018-oversikten for Agder-fylkene?"
    )
    assert answered, text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Hva bør kommunene gjøre med økningen i rammen, ifølge oppsummeringen?", "budsjett"),
        ("Hva skal rammeøkningen gjenspeiles i hos kommunene i Agder?", "budsjett"),
    ],
)
def test_a_what_should_question_about_the_framework_gets_the_slide_not_a_sum(
    question: str, said: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert said in answer.text
    assert " kr" not in answer.text


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("Hvor mye mer enn voksne-ordningen fikk kommunalt rusarbeid i 2021?", KRA),
        ("How much less than kommunalt rusarbeid did the adults scheme get in 2021?", ADULTS),
    ],
)
def test_the_scheme_just_after_than_is_the_one_compared_against(question: str, first: str) -> None:
    u = Engine(kb()).understand(question, None, TODAY)
    assert u.slots.get("schemes_first") == (first,)


def test_than_is_no_look_up_word() -> None:
    u = Engine(kb()).understand("Hvor mye mer enn voksne-ordningen fikk de i 2021?", None, TODAY)
    assert not any(key.startswith("faq:rusarbeid-annet") for key, _score in u.passages)


def framework(number_or_group: str, year: int) -> int:
    """A municipality's framework increase in a year, or a region's sum, from the table."""
    table = kb().tables["opptrappingsplan-2016-2020"]
    column = next(c for c in table.columns if c.year == year and not c.sum_of)
    members = {
        m.number for m in kb().municipalities.values() if number_or_group in (m.region, m.county)
    }
    wanted = members or {number_or_group}
    return sum(
        int(r.values[column.id])
        for r in table.rows
        if r.municipality in wanted and not r.sum_of_rows
    )


def number(name: str) -> str:
    """A municipality's number by its name."""
    return next(m.number for m in kb().municipalities.values() if m.name == name)


@pytest.mark.parametrize(
    ("question", "parts", "year"),
    [
        ("Hvor mye fikk Lister og Grimstad til sammen i 2017?", ("Lister", "Grimstad"), 2017),
        ("Hva fikk Lister og Aust-Agder samlet i 2019?", ("Lister", "Aust-Agder"), 2019),
        ("Hvor mye fikk Lyngdal i Lister i 2018?", ("Lyngdal",), 2018),
    ],
)
def test_regions_and_places_named_together_give_the_rows_of_each(
    question: str, parts: tuple[str, ...], year: int
) -> None:
    groups = {g for m in kb().municipalities.values() for g in (m.region, m.county) if g}
    expected = sum(framework(p if p in groups else number(p), year) for p in parts)
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(expected, "nb") in answer.paragraphs[0].split("\n")[0], answer.text


@pytest.mark.parametrize(
    ("question", "shows_figures"),
    [
        ("Hva var gjennomsnittlig økning i rammen per kommune i Lister i 2017?", True),
        ("What was the average number of KVP participants per county?", False),
        ("Hvor mye fikk kommunene i Aust-Agder i snitt i 2019?", True),
    ],
)
def test_an_average_asked_for_is_said_not_to_be_computed(
    question: str, shows_figures: bool
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert not answer.answered
    if shows_figures:
        # figures shown beside the question are said not to be the average asked for
        assert "Jeg regner ikke ut gjennomsnitt" in answer.paragraphs[0], answer.text
        assert " kr" in answer.text
    else:
        assert " kr" not in answer.text and "NOK" not in answer.text, answer.text


def test_a_nynorsk_compound_priority_word_asks_for_the_priorities() -> None:
    answered, text = ask("Kva har fyrsteprioritet for vaksne i 2022?")
    assert answered, text
    assert "ACT/FACT" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye økte bevilgningen til barn og unge fra 2018 til 2021?",
        "How much less did the adults scheme get in 2021 than in 2018?",
    ],
)
def test_a_change_needing_a_figure_given_for_two_schemes_together_is_declined(
    question: str,
) -> None:
    (joint,) = {
        a.amount
        for a in kb().schemes[ADULTS].appropriations
        if a.year == 2018 and a.scope == "nasjonal"
    }
    wrong = {abs(national(s, 2021) - joint) for s in (ADULTS, "barn-unge-langvarige")}
    answer = Engine(kb()).ask(question, TODAY)
    assert not answer.answered, answer.text
    lang = "en" if question.startswith("How") else "nb"
    assert not any(fmt.millions(w, lang) in answer.text for w in wrong), answer.text


def test_the_two_schemes_of_a_joint_figure_compared_together_are_answered() -> None:
    total = national(ADULTS, 2021) + national("barn-unge-langvarige", 2021)
    answered, text = ask(
        "Hvor mye endret bevilgningen til voksne og barn og unge seg til sammen fra 2018 til 2021?"
    )
    assert answered, text
    assert fmt.millions(total, "nb") in text


@pytest.mark.parametrize(
    ("question", "low", "high"),
    [
        (
            "Hvilke fylker har mellom 1,0 og 1,2 % av befolkningen 18–66 år på langvarig "
            "sosialhjelp?",
            Fraction(1),
            Fraction(12, 10),
        ),
        (
            "How many counties have between 0.5 % and 0.7 % of the population aged 18–66 on "
            "long-term social assistance?",
            Fraction(5, 10),
            Fraction(7, 10),
        ),
    ],
)
def test_a_range_between_two_figures_counts_the_rows_within_it(
    question: str, low: Fraction, high: Fraction
) -> None:
    values = shares("andel_18_66")
    expected = sum(1 for v in values.values() if low <= v <= high)
    answered, text = ask(question)
    assert answered, text
    assert f": {expected}\n" in text, text


@pytest.mark.parametrize(
    ("question", "first", "second", "year"),
    [
        ("Hvor mye mer fikk Arendal enn Lister i 2016?", "Arendal", "Lister", 2016),
        (
            "Hvor mye mindre fikk Aust-Agder enn Kristiansand i 2017?",
            "Aust-Agder",
            "Kristiansand",
            2017,
        ),
    ],
)
def test_a_place_compared_with_a_region_gives_their_difference(
    question: str, first: str, second: str, year: int
) -> None:
    groups = {g for m in kb().municipalities.values() for g in (m.region, m.county) if g}

    def figure(part: str) -> int:
        return framework(part if part in groups else number(part), year)

    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered, answer.text
    gap = abs(figure(first) - figure(second))
    assert fmt.kroner(gap, "nb") in answer.paragraphs[0], answer.text


def column_of_year(year: int) -> dict[str, int]:
    """Every municipality's framework increase in a year, by name."""
    table = kb().tables["opptrappingsplan-2016-2020"]
    column = next(c for c in table.columns if c.year == year and not c.sum_of)
    return {
        kb().municipalities[r.municipality].name: int(r.values[column.id])
        for r in table.rows
        if r.municipality and not r.sum_of_rows
    }


@pytest.mark.parametrize(
    ("question", "year", "n", "highest"),
    [
        ("Hvor mye fikk de fem største kommunene til sammen i 2016?", 2016, 5, True),
        ("Hva fikk de tre kommunene med lavest økning i 2017 til sammen?", 2017, 3, False),
    ],
)
def test_the_places_of_a_ranking_asked_together_are_added_up(
    question: str, year: int, n: int, highest: bool
) -> None:
    figures = sorted(column_of_year(year).values(), reverse=highest)[:n]
    answered, text = ask(question)
    assert answered, text
    assert f"Til sammen: {fmt.kroner(sum(figures), 'nb')}" in text, text


def test_the_agder_counties_summed_in_the_statistics_are_not_the_framework_increases() -> None:
    table = kb().tables["nav-sosialtjenestetall"]
    column = "kvp_deltakere_2019"
    expected = sum(int(r.values[column]) for r in table.rows if r.county in ("09", "10"))
    answer = Engine(kb()).ask(
        "Hvor mange KVP-deltakere var det i Aust-Agder og Vest-Agder til sammen?", TODAY
    )
    assert answer.answered, answer.text
    assert f"Til sammen: {fmt.number(expected, 'nb')}" in answer.text, answer.text
    assert " kr" not in answer.paragraphs[0]


def test_a_table_lacking_a_year_asked_loses_to_the_table_with_both() -> None:
    y2016, y2019 = column_of_year(2016)["Arendal"], column_of_year(2019)["Arendal"]
    answer = Engine(kb()).ask("Hvor mye fikk Arendal mer i 2016 enn i 2019?", TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(y2016 - y2019, "nb") in answer.paragraphs[0], answer.text


def test_a_region_summed_including_the_prognosis_year_sums_every_year() -> None:
    years = [2016, 2017, 2018, 2019, 2020]
    expected = sum(sum(column_of_year(y).values()) for y in years)
    answer = Engine(kb()).ask("Hvor mye fikk Agder totalt inkludert prognosen for 2020?", TODAY)
    assert answer.answered, answer.text
    assert fmt.kroner(expected, "nb") in answer.text, answer.text


def test_a_year_a_sum_includes_is_no_year_slot() -> None:
    question = "Samlet økning for Lister inkludert prognosen for 2020?"
    u = Engine(kb()).understand(question, None, TODAY)
    assert "year" not in u.slots


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye er bevilget til tilskuddet for tidlig innsats i skolen i 2021?",
        "Hva var bevilgningen til barnevern i 2021?",
    ],
)
def test_an_appropriation_of_a_grant_the_sources_do_not_know_is_declined(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert not answer.answered, answer.text
    assert not any(fmt.millions(national(s, 2021), "nb") in answer.text for s in (KRA, ADULTS)), (
        answer.text
    )
