"""An appropriation asked for a year the documents speak of but give no figure for is pointed to
the newest year, not answered with that year's figure read as the one asked."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Hva fikk Innlandet til fordeling i kommunalt rusarbeid for 2022?", "32 millioner"),
        ("Hvor stor var bevilgningen til kommunalt rusarbeid i 2022?", "455 millioner"),
        ("How large was the appropriation for municipal substance abuse work in 2022?", "455"),
    ],
)
def test_a_year_the_documents_span_without_a_figure_points_to_the_newest_year(
    question: str, figure: str
) -> None:
    text, _ = text_and_answered(question, TODAY)
    assert "2022" in text
    assert "2021" in text
    assert figure not in text


def test_a_year_after_the_documents_still_gets_the_newest_figure_said_to_be_so() -> None:
    text, answered = text_and_answered(
        "Hvor stor var bevilgningen til kommunalt rusarbeid i 2025?", TODAY
    )
    assert answered
    assert "455 millioner" in text
    assert "2021" in text
