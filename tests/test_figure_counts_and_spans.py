"""Counts of whole positions and measures, sums over the ladder and calendar years, start years.

Through the public interface (the Engine); every expected figure is computed here from the
knowledge base's ladder and cap, never written as a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def ladder() -> LadderRule:
    """Return the ladder rule of kommunalt rusarbeid."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    return ladder().steps[grant_year - 1].amount


def cap_rule() -> CapRule:
    """Return the NAV cap rule."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))


def cap() -> int:
    """Return the NAV cap per 100 % position."""
    return int(cap_rule().per_position)


def measure_cap() -> int:
    """Return the NAV cap per measure (competence money)."""
    return int(cap_rule().per_measure)


def shows(text: str, amount: int) -> bool:
    """Tell whether an answer shows an amount, as the bokmål or the English answers write it."""
    return fmt.kroner(amount, "nb") in text or fmt.kroner(amount, "en") in text


def ask(question: str, today: dt.date = TODAY) -> tuple[str, bool]:
    """Ask a fresh engine and return the answer text and whether it counts as answered."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Ett NAV-tiltak med fire 100 % stillinger – hva er maks med kompetansemidler?",
            lambda: 4 * cap() + measure_cap(),
        ),
        (
            "Hva er øvre grense i NAV-tilskuddet for to 100 %-stillinger i samme tiltak?",
            lambda: 2 * cap() + measure_cap(),
        ),
        (
            "NAV grant: one measure with two 100% positions, what is the most we can get?",
            lambda: 2 * cap() + measure_cap(),
        ),
        ("NAV: ett tiltak med tre heltidsstillinger, maks?", lambda: 3 * cap() + measure_cap()),
        ("NAV: 2 x 100 % stilling i ett tiltak, maks?", lambda: 2 * cap() + measure_cap()),
        ("NAV: 4 × 50 % stilling i ett tiltak, maks?", lambda: 2 * cap() + measure_cap()),
    ],
)
def test_a_count_of_full_time_positions_counts_every_position_under_the_cap(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("NAV: 3 tiltak à 1 stilling, maks?", lambda: 3 * cap() + 3 * measure_cap()),
        ("NAV-tilskudd, 2 tiltak a 50 % stilling – maks?", lambda: cap() + 2 * measure_cap()),
        (
            "NAV grant, 2 measures @ 1 position, maximum?",
            lambda: 2 * cap() + 2 * measure_cap(),
        ),
    ],
)
def test_positions_written_with_a_per_sign_are_those_of_each_measure(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "NAV: 2 tiltak, 1,5 stilling i hvert, maks inkl. kompetanse?",
            lambda: 3 * cap() + 2 * measure_cap(),
        ),
        (
            "NAV grant: three measures with one position in each, what is the most?",
            lambda: 3 * cap() + 3 * measure_cap(),
        ),
    ],
)
def test_positions_in_each_measure_are_counted_for_every_measure(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye gir NAV-tilskuddet maksimalt for 2 stillinger i to år uten kompetansemidler?",
        "NAV grant cap for 2 positions over two years, excluding the competence money?",
    ],
)
def test_the_cap_without_the_competence_money_leaves_out_the_measure_money(question: str) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, 2 * 2 * cap())
    assert not shows(text, 2 * (2 * cap() + measure_cap()))


def test_the_position_grant_alone_over_several_years_leaves_out_the_measure_money() -> None:
    text, answered = ask(
        "Hva blir stillingstilskuddet i NAV-ordningen for en halv stilling over to år, maks?"
    )
    assert answered
    assert shows(text, 2 * cap() // 2)
    assert not shows(text, 2 * (cap() // 2 + measure_cap()))


@pytest.mark.parametrize(
    "question",
    [
        "Hva får ett årsverk til sammen over hele nedtrappingsstigen i kommunalt rusarbeid?",
        "Hvor mye gir trappen i kommunalt rusarbeid totalt for én stilling?",
        "How much does the stepped ladder give one FTE in total in kommunalt rusarbeid?",
    ],
)
def test_a_sum_over_the_ladder_is_the_sum_not_its_steps(question: str) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, sum(step.amount for step in ladder().steps))


@pytest.mark.parametrize(
    "question",
    [
        "Med hvor mange kroner trappes tilskuddet ned fra ett år til det neste i rusarbeidet?",
        "By how many kroner does the kommunalt rusarbeid grant step down each year?",
    ],
)
def test_how_many_kroner_asks_for_an_amount_and_is_answered(question: str) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, rate(1) - rate(2))


@pytest.mark.parametrize(
    ("question", "per_cent"),
    [
        ("Hvor mange prosent av år 1-satsen gis i år 4 i kommunalt rusarbeid?", "50 %"),
        ("Hvor mange prosent av satsen i år 1 gis i år 3 i kommunalt rusarbeid?", "66,7 %"),
        ("What percentage of the year 1 rate is the year 4 rate in kommunalt rusarbeid?", "50%"),
    ],
)
def test_how_many_per_cent_of_another_years_rate_is_answered_in_per_cent(
    question: str, per_cent: str
) -> None:
    text, answered = ask(question)
    assert answered
    assert per_cent in text


def test_an_amount_asked_for_a_list_of_calendar_years_from_a_start_is_their_sum() -> None:
    text, answered = ask(
        "Vi fikk tre nye årsverk i kommunalt rusarbeid fra 2018. Hva fikk vi for 2018 og 2019?"
    )
    assert answered
    assert shows(text, 3 * (rate(1) + rate(2)))


def test_the_second_question_of_a_message_keeps_the_groups_of_the_first() -> None:
    cost = 720_000
    text, answered = ask(
        "Hva får ett årsverk i år 1 og ett i år 3 i kommunalt rusarbeid til sammen, og hva blir "
        f"egenandelen når hvert årsverk koster {cost} kr?"
    )
    assert answered
    assert shows(text, rate(1) + rate(3))
    assert shows(text, 2 * cost - rate(1) - rate(3))


@pytest.mark.parametrize(
    ("question", "today"),
    [
        (
            "Vi har hatt tilskudd til kommunalt rusarbeid siden 2016. Får vi noe i 2020?",
            dt.date(2020, 1, 10),
        ),
        (
            "Stillingen har fått rustilskudd siden 2017. Hva får vi i år?",
            dt.date(2021, 1, 10),
        ),
    ],
)
def test_a_grant_held_since_a_year_places_a_later_calendar_year_past_the_ladder(
    question: str, today: dt.date
) -> None:
    text, _answered = ask(question, today)
    assert f"tilskuddsår {len(ladder().steps) + 1}" in text


def test_a_grant_held_since_a_year_is_in_its_ladder_year_when_still_on_the_ladder() -> None:
    text, answered = ask(
        "Vi har fått tilskudd til kommunalt rusarbeid siden 2019. Hva får vi per årsverk i 2020?"
    )
    assert answered
    assert shows(text, rate(2))


@pytest.mark.parametrize(
    "question",
    [
        "Kreves det en egenandel på minst 30 % i kommunalt rusarbeid?",
        "Stemmer det at kommunen må stille med 25 prosent egenandel i rustilskuddet?",
        "Do we need a 20% own share for the kommunalt rusarbeid grant?",
    ],
)
def test_a_percentage_stated_for_the_own_share_is_neither_confirmed_nor_denied(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered
    assert (
        "Kildene sier ikke at egenandelen" in text or "The sources do not say that the own" in text
    )
    assert "Ja, det stemmer" not in text and "Nei, det stemmer ikke" not in text


def test_a_percentage_of_a_position_next_to_the_own_share_is_still_the_position() -> None:
    cost = 600_000
    text, answered = ask(f"egenandel for 50 % stilling i NAV, full stilling koster {cost}")
    assert answered
    assert shows(text, cost // 2 - cap() // 2)


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye kan vi søke om i kompetanse- og innovasjonstilskuddet?",
        "How much can we apply for in the kompetanse- og innovasjonstilskudd?",
    ],
)
def test_how_much_one_can_apply_for_is_a_money_question_not_who_may_apply(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered
    assert "ingen satser" in text or "no rates" in text


def converse(*questions: str) -> list[tuple[str, bool]]:
    """Ask questions in one fresh chat and return each answer's text and answered flag."""
    chat = Engine(kb())
    out = []
    for question in questions:
        answer = chat.ask(question, TODAY, chat="conversation")
        out.append((answer.text, answer.answered))
    return out


def test_a_follow_up_naming_another_grant_year_keeps_the_base_year_of_a_share() -> None:
    *_, (text, answered) = converse(
        "Hvor stor andel av år 1-satsen er år 2-satsen i kommunalt rusarbeid?",
        "og år 4?",
    )
    assert answered
    assert f"av satsen i år 1 ({fmt.kroner(rate(1), 'nb')})" in text
    assert "halvparten" in text


@pytest.mark.parametrize(
    ("question", "grant_year"),
    [
        ("Vi fikk tre nye årsverk i kommunalt rusarbeid fra 2018. Hva fikk vi i 2020?", 3),
        ("Two new FTEs in kommunalt rusarbeid from 2019: what did we get in 2020?", 2),
    ],
)
def test_new_positions_from_a_year_place_a_later_calendar_year_on_the_ladder(
    question: str, grant_year: int
) -> None:
    text, answered = ask(question)
    assert answered
    count = 3 if question.startswith("Vi") else 2
    assert shows(text, count * rate(grant_year))
    assert not shows(text, count * sum(step.amount for step in ladder().steps))


@pytest.mark.parametrize(
    ("question", "today", "grant_year"),
    [
        ("Vi har hatt rustilskudd siden i fjor. Hva får vi i år?", dt.date(2022, 1, 5), 2),
        (
            "Vi har hatt tilskudd til kommunalt rusarbeid siden i forfjor. Hva får vi i år?",
            dt.date(2021, 1, 5),
            3,
        ),
        (
            "Our position has had the kommunalt rusarbeid grant since last year. What do we get "
            "this year?",
            dt.date(2021, 1, 5),
            2,
        ),
    ],
)
def test_a_grant_held_since_a_relative_year_starts_the_ladder_that_year(
    question: str, today: dt.date, grant_year: int
) -> None:
    text, answered = ask(question, today)
    assert answered
    assert shows(text, rate(grant_year))


def test_a_claimed_figure_that_is_one_part_of_the_cap_is_confirmed_with_the_whole() -> None:
    text, answered = ask("Stemmer det at 3 tiltak à 1 stilling i NAV-tilskuddet gir 1 830 000?")
    assert answered
    assert shows(text, 3 * cap())
    assert shows(text, 3 * cap() + 3 * measure_cap())


@pytest.mark.parametrize(
    ("question", "grant_year", "count"),
    [
        ("Vi er i år 2 i 2020. Hva får vi per årsverk i 2021?", 3, 1),
        ("We are in year 1 in 2019. What do we get in 2021 for 2 FTEs?", 3, 2),
    ],
)
def test_a_grant_year_tied_to_one_calendar_year_places_another_year_asked_about(
    question: str, grant_year: int, count: int
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, count * rate(grant_year))
    assert not shows(text, count * (rate(grant_year - 1) + rate(grant_year)))


@pytest.mark.parametrize(
    ("question", "grant_year", "count"),
    [
        ("Vi er i år 2 nå i kommunalt rusarbeid. Hva får vi neste år?", 3, 1),
        ("We are in year 2 now in kommunalt rusarbeid. What do we get next year for 2 FTEs?", 3, 2),
        ("Stillingene er i år 3 i kommunalt rusarbeid. Hva fikk vi for 3 årsverk i fjor?", 2, 3),
    ],
)
def test_a_grant_year_said_of_today_moves_with_a_relative_year(
    question: str, grant_year: int, count: int
) -> None:
    text, answered = ask(question, dt.date(2020, 3, 1))
    assert answered
    assert shows(text, count * rate(grant_year))
