"""A grant year placed in a year with 'som da var' / 'that were then' sets the start year, also
with a long scheme name between and a year against today restated in brackets ('i fjor
(2021)'); the years asked are then summed by the rules of each year. A stated writing date
('vi skriver dette i januar 2022') is today for the years counted against it.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import engine

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "total"),
    [
        (
            "Kommunen fikk i fjor (2021) tilskudd til to stillinger i kommunalt rusarbeid som "
            "da var i år 2. Hva får vi for dem i 2022 og 2023 til sammen? Vi skriver dette i "
            "januar 2022.",
            "1 540 000 kr",
        ),
        (
            "I fjor (2021) fekk vi tilskot til to stillingar i kommunalt rusarbeid som då var i "
            "år 2. Kva får vi for dei i 2022 og 2023 til saman?",
            "1 540 000 kr",
        ),
        (
            "I 2021 fikk kommunen tilskudd til to stillinger i kommunalt rusarbeid, som da var "
            "i sitt andre år. Hva får vi i 2022 og 2023 til sammen?",
            "1 540 000 kr",
        ),
        (
            "Last year (2021) we got a grant for two positions in kommunalt rusarbeid that were "
            "then in year 2. What do we get for them in 2022 and 2023 together?",
            "NOK 1,540,000",
        ),
    ],
)
def test_positions_placed_on_the_ladder_in_a_named_year_are_summed_over_the_years_asked(
    question: str, total: str
) -> None:
    assert total in engine().ask(question, TODAY).text


def test_a_stated_writing_date_is_today_for_next_year() -> None:
    answer = engine().ask(
        "Vi skriver dette i januar 2022. Hva får 2 årsverk som startet i 2021 i "
        "kommunalt rusarbeid neste år?",
        TODAY,
    )
    assert "2023" in answer.text
    assert "660 000 kr" in answer.text
