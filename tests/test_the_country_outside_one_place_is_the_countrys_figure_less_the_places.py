"""'Hvor mange … i landet utenom Oslo?' is the whole country's figure less the place named,
not the two added. Through the public interface; the figures are the knowledge base's own."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)
TABLE = "nav-sosialtjenestetall"


def figure(key: str, column: str) -> int:
    """A row's count in the statistics table."""
    return int(str(next(r for r in kb().tables[TABLE].rows if r.key == key).values[column]))


@pytest.mark.parametrize(
    ("question", "column"),
    [
        (
            "Hvor mange personer med langvarig sosialhjelp var det i landet utenom Oslo?",
            "sosialhjelp_6_12_hovedinntekt",
        ),
        ("How many KVP participants were there in the country outside Oslo?", "kvp_deltakere_2019"),
    ],
)
def test_the_country_outside_a_place_is_the_countrys_count_less_the_places(
    question: str, column: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    rest = figure("landet", column) - figure("03", column)
    added = figure("landet", column) + figure("03", column)
    text = answer.text.replace(",", " ")
    assert f"{rest:,}".replace(",", " ") in text
    assert f"{added:,}".replace(",", " ") not in text


def test_a_ranking_outside_the_places_named_ranks_the_other_rows_of_the_series() -> None:
    answer = Engine(kb()).ask(
        "Utenom Arendal og Grimstad – hvilken 09-kommune hadde størst 2020-prognose i "
        "opptrappingstabellen?",
        TODAY,
    )
    table = kb().tables["opptrappingsplan-2016-2020"]
    rest = [
        r
        for r in table.rows
        if str(r.municipality or "").startswith("09") and r.key not in ("0906", "0904")
    ]
    top = max(rest, key=lambda r: int(str(r.values["y2020"])))
    assert answer.answered
    assert f"1. {top.label}:" in answer.text
    assert "Arendal:" not in answer.text


def test_a_county_ranking_but_for_the_counties_named_leaves_them_out() -> None:
    text = (
        Engine(kb())
        .ask("Bortsett fra Oslo og Viken, hvilket fylke hadde flest KVP-deltakere?", TODAY)
        .text
    )
    assert "1. Oslo" not in text
    assert "1. Rogaland: 596" in text
