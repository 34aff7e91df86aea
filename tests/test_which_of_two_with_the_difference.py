"""'Sirdal eller Hægebostad – hvem fikk mest …, og hvor stor er forskjellen?' is the two rows
against each other, the one asked for first, so the answer names both and the difference;
without a word of difference the question stays a ranking.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
STATISTICS = "nav-sosialtjenestetall"


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def figure(table: str, label: str, *columns: str) -> int:
    """A row's printed figures added, as the test's own look-up."""
    values = next(r for r in KB.tables[table].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


@pytest.mark.parametrize(
    ("question", "first", "second", "columns"),
    [
        (
            "Sirdal eller Hægebostad – hvem fikk mest økning i rammen totalt inkl. "
            "2020-prognosen, og hvor stor er forskjellen?",
            "Hægebostad",
            "Sirdal",
            ("sum",),
        ),
        (
            "Hvem av Risør og Valle fikk minst i 2018 og 2019 til sammen, og hva er differansen?",
            "Valle",
            "Risør",
            ("y2018", "y2019"),
        ),
        (
            "Kven av Sirdal og Hægebostad fekk mest auke i ramma i 2017, og kor stor er skilnaden?",
            "Sirdal",
            "Hægebostad",
            ("y2017",),
        ),
    ],
)
def test_the_row_asked_for_and_the_difference_to_the_other_are_given(
    question: str, first: str, second: str, columns: tuple[str, ...]
) -> None:
    text = Engine(KB).ask(question, TODAY, chat="two").text
    gap = abs(figure(AGDER, first, *columns) - figure(AGDER, second, *columns))
    assert grouped(gap) in text
    assert text.index(first) < text.index(second)


def test_an_english_question_on_two_counties_gets_the_difference() -> None:
    text = (
        Engine(KB)
        .ask(
            "Which of Oslo and Akershus had the most KVP participants, and what is the difference?",
            TODAY,
            chat="two",
        )
        .text
    )
    gap = figure(STATISTICS, "Oslo", "kvp_deltakere_2019") - figure(
        STATISTICS, "Akershus", "kvp_deltakere_2019"
    )
    assert f"{gap:,}" in text


def test_which_of_two_got_most_without_a_difference_names_the_first_place() -> None:
    text = Engine(KB).ask("Hvem av Sirdal og Hægebostad fikk mest i 2017?", TODAY, chat="two").text
    assert "Sirdal" in text
    assert "Forskjell" not in text
