"""A municipality's number asked beside its figure ('hvilket kommunenummer har …, og hva
fikk …?') is given with the figure, as the table prints it.

Through the public interface; the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"


def grouped(value: int, lang: str) -> str:
    return f"{value:,}".replace(",", " " if lang == "nb" else ",")


@pytest.mark.parametrize(
    ("question", "label", "column", "lang"),
    [
        (
            "Hvilket kommunenummer har Lyngdal, og hva fikk Lyngdal i 2018?",
            "Lyngdal",
            "y2018",
            "nb",
        ),
        (
            "What is Gjerstad's municipality number and its increase in 2019?",
            "Gjerstad",
            "y2019",
            "en",
        ),
    ],
)
def test_the_number_is_given_with_the_figure(
    question: str, label: str, column: str, lang: str
) -> None:
    row = next(r for r in kb().tables[AGDER].rows if r.label == label)
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert grouped(int(str(row.values[column])), lang) in text
    assert str(row.municipality) in text


@pytest.mark.parametrize(
    ("question", "labels"),
    [
        ("Hva er kommunenummeret til Bykle?", ("Bykle",)),
        ("Which municipality numbers do Iveland and Valle have?", ("Iveland", "Valle")),
    ],
)
def test_the_number_asked_alone_is_given_from_the_table(
    question: str, labels: tuple[str, ...]
) -> None:
    rows = [r for r in kb().tables[AGDER].rows if r.label in labels]
    text, answered = text_and_answered(question, TODAY)
    assert answered
    assert all(f"{r.label} {r.municipality}" in text for r in rows)


def test_the_number_and_a_figure_asked_as_two_clauses_are_both_given() -> None:
    row = next(r for r in kb().tables[AGDER].rows if r.label == "Vegårshei")
    text, answered = text_and_answered(
        "Hva er kommunenummeret til Vegårshei, og hva fikk kommunen i 2016?", TODAY
    )
    assert answered
    assert str(row.municipality) in text
    assert grouped(int(str(row.values["y2016"])), "nb") in text
