"""The statistics table's national row asked by 'landstallet', 'landssnittet', and a claim about
a ranking put as a tag ('Oslo har vel den høyeste andelen …?', '…, ikke sant?'): checked against
the table, with the true first place named.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources
from knowledge.schema import Row

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATISTICS = KB.tables["nav-sosialtjenestetall"]


def ask(question: str) -> str:
    """Ask one question and return the answer's text."""
    answer = Engine(KB).ask(question, TODAY)
    assert answer.answered, answer.text
    return answer.text


def printed(row: Row, column: str) -> str:
    """A figure as the answers print it: a decimal comma, thousands grouped by a space."""
    value = row.values[column]
    if isinstance(value, int):
        return f"{value:,}".replace(",", " ")
    return str(value).replace(".", ",")


def national() -> Row:
    return next(r for r in STATISTICS.rows if r.key == "landet")


def counties() -> list[Row]:
    return [r for r in STATISTICS.rows if r.county and r.key != "landet"]


def by_label(label: str) -> Row:
    return next(r for r in STATISTICS.rows if r.label == label)


@pytest.mark.parametrize(
    ("question", "column"),
    [
        (
            "Hva er landstallet for andel KVP-deltakere basert på rammefinansiering?",
            "kvp_rammefinansiering",
        ),
        ("Hva er landssnittet for andelen 18–24 år med sosialhjelp?", "andel_18_24"),
        (
            "Hva er landsgjennomsnittet for andel av befolkningen 18–66 år med sosialhjelp?",
            "andel_18_66",
        ),
    ],
)
def test_the_national_row_is_asked_by_the_words_for_the_country_s_figure(
    question: str, column: str
) -> None:
    text = ask(question)
    assert f"{national().label}, " in text
    assert f"{printed(national(), column)} %" in text


@pytest.mark.parametrize(
    ("question", "claimed", "column", "highest"),
    [
        (
            "Oslo har vel den høyeste andelen KVP-deltakere basert på rammefinansiering?",
            "Oslo",
            "kvp_rammefinansiering",
            True,
        ),
        (
            "Troms hadde vel flest barn i husholdninger med sosialhjelp 6–12 mnd?",
            "Troms",
            "barn_sosialhjelp_6_12_2018",
            True,
        ),
        (
            "Finnmark har vel lavest andel 18-24 år med sosialhjelp, ikke sant?",
            "Finnmark",
            "andel_18_24",
            False,
        ),
    ],
)
def test_a_ranking_claim_put_as_a_tag_is_checked_and_the_true_first_place_named(
    question: str, claimed: str, column: str, highest: bool
) -> None:
    rows = [r for r in counties() if r.values.get(column) is not None]
    edge = (max if highest else min)(float(str(r.values[column])) for r in rows)
    first = [r for r in rows if float(str(r.values[column])) == edge]
    text = ask(question)
    right = any(r.label == claimed for r in first)
    assert ("Ja, det stemmer." if right else "Nei, det stemmer ikke.") in text
    assert any(f"1. {r.label}: {printed(r, column)}" in text for r in first)
    assert f"{claimed}: {printed(by_label(claimed), column)}" in text


@pytest.mark.parametrize(
    ("question", "column", "above"),
    [
        (
            "Hvor mange fylker hadde høyere andel 18–24-åringer med sosialhjelp i 2018 enn "
            "landet som helhet?",
            "andel_18_24",
            True,
        ),
        (
            "Hvor mange fylker hadde lavere andel KVP-deltakere basert på rammefinansiering "
            "enn landet?",
            "kvp_rammefinansiering",
            False,
        ),
        (
            "Hvilke fylker hadde høyere andel av befolkningen 18–66 år med sosialhjelp enn "
            "landssnittet?",
            "andel_18_66",
            True,
        ),
    ],
)
def test_counties_counted_against_the_national_row_compare_the_share_asked(
    question: str, column: str, above: bool
) -> None:
    bound = float(str(national().values[column]))
    rows = [r for r in counties() if r.values.get(column) is not None]
    kept = [r for r in rows if (float(str(r.values[column])) > bound) == above]
    kept = [r for r in kept if float(str(r.values[column])) != bound]
    text = ask(question)
    assert f"): {len(kept)}\n" in text
    for r in kept:
        assert f"– {r.label}: {printed(r, column)} %" in text
