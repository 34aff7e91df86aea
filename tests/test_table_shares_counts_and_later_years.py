"""A row's share of a printed sum, counts of rows that filter nothing, rankings counted on
after the first places, and table figures asked for a year after the sources."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.answer import Answer
from bot.engine import Engine
from bot.understanding.normalise import inflected
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


def chat(questions: list[str], today: dt.date = TODAY) -> list[Answer]:
    """Ask questions in turn in one chat."""
    engine = Engine(KB)
    return [engine.ask(q, today, chat="test") for q in questions]


@pytest.mark.parametrize(
    ("question", "share", "absent"),
    [
        (
            "Hvor mange prosent av tilskuddsprognosen for Agder i 2018 var langvarige og "
            "sammensatte?",
            "31,7",
            "5,9",
        ),
        (
            "Hvor stor del av den samlede prognosen på 41 mill. i Agder gjaldt kommunalt "
            "rusarbeid?",
            "68,3",
            "5,9",
        ),
        (
            "Hvor stor andel av Agder-prognosen på 41 millioner i 2018 utgjorde kommunalt "
            "rusarbeid?",
            "68,3",
            "472",
        ),
        (
            "What share of the 2018 forecast for the Agder counties was municipal substance "
            "abuse work?",
            "68.3",
            "5.9",
        ),
    ],
)
def test_an_items_share_of_a_printed_sum_is_the_item_over_the_sum(
    question: str, share: str, absent: str
) -> None:
    (answer,) = chat([question])
    assert answer.answered
    assert share in answer.text
    assert absent not in answer.text


def test_a_share_whose_whole_is_the_item_itself_gives_no_share_of_the_sum() -> None:
    (answer,) = chat(["Hvor stor andel av prognosen for kommunalt rusarbeid gikk til Agder?"])
    assert "68,3" not in answer.text


@pytest.mark.parametrize(
    ("token", "word", "same"),
    [
        ("tilskuddet", "tilskudd", True),
        ("kommunale", "kommunalt", True),
        ("tilskuddsforvaltningen", "tilskudd", False),
        ("rusarbeidstilskuddet", "rusarbeid", False),
    ],
)
def test_an_inflected_form_is_the_word_and_a_compound_on_it_is_not(
    token: str, word: str, same: bool
) -> None:
    assert inflected(token, word) is same


@pytest.mark.parametrize(
    ("question", "today", "figure", "year"),
    [
        (
            "Hva var prognosen i fjor for tilskuddsforvaltningen til kommunalt rusarbeid i Agder?",
            dt.date(2019, 2, 1),
            "28 000 000",
            "2018",
        ),
        (
            "Hva var prognosen for tilskuddsforvaltningen til langvarige og sammensatte i "
            "Agder i fjor?",
            dt.date(2019, 6, 1),
            "13 000 000",
            "2018",
        ),
    ],
)
def test_an_offices_overview_is_asked_by_a_year_relative_to_today(
    question: str, today: dt.date, figure: str, year: str
) -> None:
    (answer,) = chat([question], today)
    assert answer.answered
    assert figure in answer.text and year in answer.text


def test_an_offices_prognosis_asked_after_every_appropriation_gives_its_own_last_year() -> None:
    (answer,) = chat(
        ["Hva er prognosen for tilskuddsforvaltningen til kommunalt rusarbeid i Agder i 2026?"]
    )
    assert answer.answered and answer.after_sources
    assert "28 000 000" in answer.text and "2018" in answer.text
    assert "32 000 000" not in answer.text  # Innlandet's figure, not Agder's


def test_an_offices_prognosis_asked_for_a_year_the_sources_span_gives_no_other_years() -> None:
    (answer,) = chat(["Hva var prognosen for kommunalt rusarbeid i Agder i 2020?"])
    assert "28 000 000" not in answer.text and "28 millioner" not in answer.text


@pytest.mark.parametrize(
    ("question", "total"),
    [
        (
            "Hva ble økningen i rammen i 2019 til sammen for de 15 Aust-Agder-kommunene?",
            "4 546 676",
        ),
        ("Summen for de 6 Lister-kommunene i 2017 i økningen i rammen?", "1 796 571"),
        ("Hvor mye fikk alle de 15 kommunene i Vest-Agder til sammen i 2016?", "14 053 064"),
    ],
)
def test_a_count_of_the_rows_of_a_region_filters_nothing(question: str, total: str) -> None:
    (answer,) = chat([question])
    assert answer.answered
    assert total in answer.text


def test_a_region_named_in_the_genitive_keeps_its_own_rows() -> None:
    (answer,) = chat(["Hvor stor andel av Vest-Agders økning i 2019 fikk Kristiansand?"])
    assert answer.answered
    assert "15 kommuner" in answer.text or "Vest-Agder" in answer.text
    assert "30 kommuner" not in answer.text


@pytest.mark.parametrize(
    ("question", "places"),
    [
        (
            "Hvilken kommune fikk mest i økning i rammen i 2017, og hvilke to kom etter?",
            ["Kristiansand", "Arendal", "Grimstad"],
        ),
        (
            "Hvilke to fylker hadde flest KVP-deltakere, og hvem fulgte etter?",
            ["Oslo", "Rogaland", "Hordaland"],
        ),
        (
            "Which county had the most households in temporary accommodation, and which two "
            "followed?",
            ["1.", "2.", "3."],
        ),
    ],
)
def test_a_ranking_counted_on_after_the_first_places_lists_them_all(
    question: str, places: list[str]
) -> None:
    (answer,) = chat([question])
    assert answer.answered
    for place in places:
        assert place in answer.text
    assert "\n4. " not in answer.text
    assert answer.text.count("\n1. ") == 1  # one ranking, not the first place and then more


def test_a_follow_up_asking_for_the_next_places_extends_the_ranking() -> None:
    first, more = chat(["Hvilken kommune fikk minst i 2020?", "og hvilke tre fulgte etter?"])
    assert first.answered and more.answered
    assert "\n4. " in more.text and "\n5. " not in more.text


@pytest.mark.parametrize(
    ("question", "figure", "year"),
    [
        (
            "Hvor mange husholdninger i Hordaland var innom midlertidig botilbud i fjor?",
            "503",
            "2018",
        ),
        ("Hvor mange KVP-deltakere hadde Finnmark i 2024?", "40", "2019"),
        (
            "Hvilket fylke hadde flest husholdninger i midlertidig botilbud i 2025?",
            "Oslo",
            "2018",
        ),
    ],
)
def test_a_statistics_column_asked_after_the_sources_gives_its_last_figure_with_its_year(
    question: str, figure: str, year: str
) -> None:
    (answer,) = chat([question])
    assert answer.answered and answer.after_sources
    assert figure in answer.text and year in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange fikk sosialhjelp i Troms i 2024?",  # no column counts everyone helped
        "Hvor mange husholdninger i Oslo var i midlertidig botilbud i 2021?",  # in the sources
    ],
)
def test_a_statistics_question_after_or_inside_the_sources_without_its_figure_is_declined(
    question: str,
) -> None:
    (answer,) = chat([question])
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "shown", "year"),
    [
        ("Hva fikk Risør og Tvedestrand til sammen i 2024?", "378 373", "2020"),
        ("Hvor mye mer fikk Mandal enn Vennesla i 2023?", "48 433", "2020"),
        ("Hvilken kommune i Lister fikk mest i 2022?", "Flekkefjord", "2020"),
    ],
)
def test_named_places_asked_after_the_framework_table_get_its_last_year_with_that_year(
    question: str, shown: str, year: str
) -> None:
    (answer,) = chat([question])
    assert answer.answered and answer.after_sources
    assert shown in answer.text and year in answer.text


def test_a_ranking_of_every_place_in_a_year_the_sources_span_is_still_declined() -> None:
    (answer,) = chat(["Hvilken kommune fikk minst økning i rammen i 2022?"])
    assert not answer.answered


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("Hvor stor andel av de 41 millionene gjaldt langvarige og sammensatte?", "31,7"),
        ("Hva var den samlede tilskuddsprognosen i Agder i 2018?", "41 000 000"),
    ],
)
def test_the_grant_administration_table_is_named_by_its_sum_or_a_compound_of_its_words(
    question: str, share: str
) -> None:
    (answer,) = chat([question])
    assert answer.answered
    assert share in answer.text
    assert "22 635 303" not in answer.text  # the framework increase, not the grant prognosis


def test_counting_on_from_the_second_place_lists_down_to_the_place_after_it() -> None:
    (answer,) = chat(["Hvilket fylke hadde nest flest KVP-deltakere, og hvilket kom deretter?"])
    assert answer.answered
    assert "Rogaland" in answer.text and "Hordaland" in answer.text
    assert "\n4. " not in answer.text


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("Hvor stor andel av økningen i 2017 utgjorde Arendals økning i 2019?", "65,2"),
        ("Hvor mange prosent av 2018-beløpet fikk Grimstad i 2019?", "52,9"),
    ],
)
def test_one_places_figure_of_one_year_as_a_share_of_its_figure_of_another(
    question: str, share: str
) -> None:
    (answer,) = chat([question])
    assert answer.answered
    assert share in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor stor andel av Lister-summen for 2016 og 2017 fikk Sirdal?",
        "Hvor stor andel av økningen i 2018 fikk Kristiansand og Arendal til sammen?",
    ],
)
def test_a_share_the_table_reads_as_a_sum_is_declined_without_the_sum(question: str) -> None:
    (answer,) = chat([question])
    assert not answer.answered
    assert "Til sammen" not in answer.text


def test_a_count_of_places_the_table_does_not_have_asks_which_are_meant() -> None:
    (answer,) = chat(["Hva fikk de 13 kommunene i Vest-Agder til sammen i 2019?"])
    assert not answer.answered
    assert "15" in answer.text and "13" in answer.text
    assert "7 404 763" not in answer.text  # the sum of all 15
