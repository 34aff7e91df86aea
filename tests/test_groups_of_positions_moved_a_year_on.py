"""Groups of positions in different grant years, followed by a question about another year
('og neste år?'), move along the ladder: each group a grant year further, a group past the
last grant year gets nothing; the change between the two years is asked as one figure.
Through the public interface, in one chat; the figures follow from the ladder."""

from __future__ import annotations

import datetime as dt

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def conversation(*questions: str) -> list[str]:
    """Ask the questions in one chat; return the answers' texts."""
    engine = Engine(kb())
    return [engine.ask(q, TODAY, chat="groups").text for q in questions]


def test_next_year_moves_each_group_one_grant_year_on() -> None:
    answers = conversation(
        "Vi har ett årsverk i år 1 og ett årsverk i år 4 i kommunalt rusarbeid. Hva får vi i år?",
        "Hva får vi neste år, når det ene årsverket har gått ut?",
    )
    assert "990 000" in answers[0]  # 660 000 + 330 000
    assert "Til sammen: 550 000" in answers[1]  # year 2 and a finished position
    assert "tilskudd gis i inntil 4 år" in answers[1]


def test_the_change_from_this_year_to_next_for_the_groups() -> None:
    answers = conversation(
        "Vi har to stillinger i år 2 og én stilling i år 3 i kommunalt rusarbeid. Hva blir "
        "tilskuddet i år?",
        "Hvor mye mindre blir det fra i år til neste år?",
    )
    assert "1 540 000" in answers[0]  # 2 × 550 000 + 440 000
    # next year: 2 × 440 000 + 330 000 = 1 210 000
    assert "330 000" in answers[1]
    assert "1 540 000 kr → 1 210 000 kr" in answers[1]


def test_a_new_count_next_year_is_not_the_groups_moved_on() -> None:
    answers = conversation(
        "Vi har ett årsverk i år 1 og ett i år 3 i kommunalt rusarbeid. Hva får vi i år?",
        "Hva med neste år for 3 årsverk?",
    )
    assert "1 100 000" in answers[0]  # 660 000 + 440 000
    assert "880 000" not in answers[1]  # not the two groups a year on (550 000 + 330 000)


def test_the_year_after_that_moves_the_groups_a_further_year_on() -> None:
    answers = conversation(
        "Vi har ett årsverk i år 1 og to årsverk i år 2 i kommunalt rusarbeid. Hva får vi?",
        "og neste år da?",
        "og året etter det?",
    )
    assert "1 760 000" in answers[0]  # 660 000 + 2 × 550 000
    assert "Til sammen: 1 430 000" in answers[1]  # 550 000 + 2 × 440 000
    assert "Til sammen: 1 100 000" in answers[2]  # 440 000 + 2 × 330 000
