"""A later question of one message that says only how far to count ('…, og hvor mye totalt
over alle fire år?') asks the sum of what the question before it asked: an own share stays an
own share over the period.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from knowledge.loader import load_sources
from tests.asking import engine

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Et årsverk koster oss 700 000 kr i året. Hvor mye må kommunen selv dekke i år 2, "
            "og hvor mye totalt over alle fire tilskuddsårene etter de gamle reglene for "
            "kommunalt rusarbeid?",
            ["150 000 kr", "820 000 kr"],
        ),
        (
            "Stillingen koster 700 000 kr i året. Hva blir egenandelen i år 3 i kommunalt "
            "rusarbeid, og hvor mye blir det til sammen over alle fire år?",
            ["260 000 kr", "820 000 kr"],
        ),
        (
            "Eit årsverk kostar 700 000 kr i året. Kor mykje må kommunen dekke sjølv i år 2 i "
            "kommunalt rusarbeid, og kor mykje totalt over alle fire åra?",
            ["150 000 kr", "820 000 kr"],
        ),
        (
            "A position costs us NOK 700,000 a year. How much must the municipality cover "
            "itself in year 2 of kommunalt rusarbeid, and how much in total over all four years?",
            ["NOK 150,000", "NOK 820,000"],
        ),
    ],
)
def test_how_much_in_total_after_an_own_share_sums_the_own_shares(
    question: str, figures: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    for figure in figures:
        assert figure in answer.text


def test_a_second_question_with_its_own_ask_keeps_it() -> None:
    answer = engine().ask(
        "Et årsverk koster oss 700 000 kr i året. Hvor mye må kommunen selv dekke i år 2, "
        "og hvor mye får vi i tilskudd totalt over alle fire år i kommunalt rusarbeid?",
        TODAY,
    )
    assert "150 000 kr" in answer.text
    assert "1 980 000 kr" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er bevilgningen til kommunalt rusarbeid i 2021, og hvor mye er det til sammen for "
        "alle ordningene?",
        "Hva var bevilgningen til kommunalt rusarbeid i 2021, og hvor mye totalt for alle "
        "ordningene?",
    ],
)
def test_how_much_in_total_after_an_appropriation_is_no_sum_of_figures_asked_before(
    question: str,
) -> None:
    answer = engine().ask(question, TODAY)
    total = sum(
        a.amount
        for scheme in load_sources().schemes.values()
        for a in scheme.appropriations
        if a.year == 2021 and a.scope == "nasjonal"
    )
    assert fmt.kroner(total, "nb") in answer.text
    assert "×" not in answer.text
