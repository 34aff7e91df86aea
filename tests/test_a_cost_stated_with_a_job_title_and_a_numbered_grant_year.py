"""A position's cost stated by its job title, its year as 'tilskuddsår N', and English spans
'across all four years' are calculations, not other things without rates."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_grant_year_written_as_tilskuddsar_and_a_number_is_that_year() -> None:
    text, answered = text_and_answered(
        "Stillingen koster 600 000 kr. Den er nå i tilskuddsår 4. Egenandel?", TODAY
    )
    assert answered
    assert "270 000 kr" in text  # 600 000 − 330 000 in year 4


def test_a_cost_of_the_position_named_by_its_job_title_gives_the_own_share() -> None:
    text, answered = text_and_answered(
        "Ruskonsulenten koster oss 800 000 kr årlig og er i tilskuddsår 2. Hva er egenandelen?",
        TODAY,
    )
    assert answered
    assert "250 000 kr" in text  # 800 000 − 550 000


def test_a_total_across_all_the_grant_years_in_english_is_the_ladder_sum() -> None:
    text, answered = text_and_answered(
        "What do two FTEs get altogether across the four grant years?", TODAY
    )
    assert answered
    assert "3,960,000" in text
