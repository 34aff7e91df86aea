"""Figures over several years: a duration, a start year counted through a year, mixed groups.

Through the public interface (the Engine) and bot.calc; every expected figure is computed here
from the knowledge base's ladder and cap, never written as a number.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.calc import cap as cap_calc
from bot.calc import errors as calc_errors
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


def cap_rule() -> CapRule:
    """Return the NAV cap rule."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))


def position_cap() -> int:
    """Return the NAV cap per 100 % position."""
    return int(cap_rule().per_position)


def measure_cap() -> int:
    """Return the NAV cap per measure."""
    return int(cap_rule().per_measure)


def ask(*questions: str) -> str:
    """Ask questions in one fresh chat and return the last answer's text."""
    engine = Engine(kb())
    text = ""
    for question in questions:
        answer = engine.ask(question, TODAY, chat="durations")
        assert answer.answered, answer.text
        text = answer.text
    return text


def shows(text: str, amount: int) -> bool:
    """Tell whether an answer shows an amount, as the bokmål or the English answers write it."""
    return fmt.kroner(amount, "nb") in text or fmt.kroner(amount, "en") in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvor mye kan én stilling i NAV-ordningen få over to år?",
            lambda: 2 * (position_cap() + measure_cap()),
        ),
        (
            "Hva er det meste en halv stilling kan få i lønnsmidler fra NAV-tilskuddet "
            "hvis samme tiltak får støtte så lenge som mulig?",
            lambda: cap_rule().max_years * position_cap() // 2,
        ),
        (
            "Stillingen i NAV-kontoret koster 700 000 kr i året. Hva blir egenandelen over tre år?",
            lambda: 3 * (700_000 - position_cap()),
        ),
        (
            "How much can two NAV positions get at most for salaries over the maximum three years?",
            lambda: 3 * 2 * position_cap(),
        ),
    ],
)
def test_a_cap_asked_over_several_years_is_that_many_years_of_the_cap(
    question: str, expected: object
) -> None:
    assert callable(expected)
    assert shows(ask(question), expected())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har ett årsverk i år 2 i kommunalt rusarbeid. Hva får vi over tre år?",
            lambda: rate(2) + rate(3) + rate(4),
        ),
        (
            "Tre årsverk starter i år 1 og koster 750 000 kr hver. Hva blir egenandelen "
            "over hele fireårsperioden?",
            lambda: 3 * sum(750_000 - rate(g) for g in range(1, 5)),
        ),
        (
            "Hvor mye får vi for 2 årsverk i kommunalt rusarbeid over to år?",
            lambda: 2 * (rate(1) + rate(2)),
        ),
    ],
)
def test_a_ladder_asked_over_several_years_sums_the_grant_years_from_the_one_named(
    question: str, expected: object
) -> None:
    assert callable(expected)
    assert shows(ask(question), expected())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi fikk første tilskudd i 2019 for ett årsverk. Hva har vi fått til og med 2021?",
            lambda: rate(1) + rate(2) + rate(3),
        ),
        (
            "We started in 2018 with two FTEs. How much did we get through 2020?",
            lambda: 2 * (rate(1) + rate(2) + rate(3)),
        ),
        (
            "A position was first funded in 2019. What did it get in 2020 and 2021 combined?",
            lambda: rate(2) + rate(3),
        ),
        (
            "Stillingen startet i 2018. Hvilken sats gjaldt for den i 2020?",
            lambda: rate(3),
        ),
    ],
)
def test_a_start_year_places_each_calendar_year_asked_on_the_ladder(
    question: str, expected: object
) -> None:
    assert callable(expected)
    assert shows(ask(question), expected())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "One FTE in its second year and two FTEs in their fourth year – what is the total "
            "for the grant year in kommunalt rusarbeid?",
            lambda: rate(2) + 2 * rate(4),
        ),
        (
            "To årsverk i sitt første år og ett i sitt tredje år – totalsum for tilskuddsåret?",
            lambda: 2 * rate(1) + rate(3),
        ),
        (
            "Two FTEs in their second year and one in its fourth – what is the total?",
            lambda: 2 * rate(2) + rate(4),
        ),
    ],
)
def test_positions_in_their_own_grant_years_are_summed_for_one_grant_year(
    question: str, expected: object
) -> None:
    assert callable(expected)
    assert shows(ask(question), expected())


def test_the_ladder_steps_asked_with_words_between_the_verb_and_ned_are_the_steps() -> None:
    text = ask("Med hvor mye går tilskuddet for en stilling ned fra ett år til det neste?")
    assert shows(text, rate(1) - rate(2))


def test_a_follow_up_adding_competence_money_with_pluss_adds_one_measure() -> None:
    text = ask(
        "Hva er maks per stilling i tilskuddet til sosiale tjenester i NAV?",
        "og for en halv stilling pluss kompetansemidlene for ett tiltak?",
    )
    assert shows(text, position_cap() // 2 + measure_cap())


def test_nav_own_share_over_years_is_the_yearly_own_share_times_the_years() -> None:
    result = cap_calc.nav_own_share(kb(), 2, 650_000, years=3)
    assert result.figures["own_share"] == 2 * (650_000 - position_cap())
    assert result.total == 3 * result.figures["own_share"]


def test_nav_own_share_refuses_more_years_than_the_rule_allows() -> None:
    with pytest.raises(calc_errors.InvalidDuration):
        cap_calc.nav_own_share(kb(), 1, 650_000, years=cap_rule().max_years + 1)


def test_an_own_share_for_calendar_years_of_the_wind_down_uses_the_wind_down_amount() -> None:
    flat = ask("Hva får vi for én stilling i kommunalt rusarbeid i 2023?")
    assert shows(flat, rate(4))  # the wind-down amount equals the last step in these sources
    text = ask("En stilling koster 800 000 kr. Hva blir egenandelen i 2023 og 2024 til sammen?")
    assert shows(text, 2 * (800_000 - rate(4)))


@pytest.mark.parametrize(
    ("turns", "expected"),
    [
        (
            ("Hva får vi for 2 årsverk i år 1 i kommunalt rusarbeid?", "og i år 4?"),
            lambda: 2 * (rate(1) + rate(4)),
        ),
        (
            ("Kor mykje får vi for eitt årsverk i år 3?", "og i år 2?"),
            lambda: rate(2) + rate(3),
        ),
        (
            ("How much for 3 FTEs in year 2?", "and year 4?"),
            lambda: 3 * (rate(2) + rate(4)),
        ),
    ],
)
def test_the_two_years_after_two_single_year_questions_are_those_grant_years(
    turns: tuple[str, str], expected: object
) -> None:
    assert callable(expected)
    for words in ("hva blir det til sammen for de to årene?", "begge årene samlet?"):
        assert shows(ask(*turns, words), expected())


def test_an_own_share_for_the_two_years_asked_before_sums_their_own_shares() -> None:
    text = ask(
        "Hva får vi for ett årsverk i år 2?",
        "og i år 3?",
        "Årsverket koster 650 000 kr. Hva blir egenandelen for de to årene?",
    )
    assert shows(text, 2 * 650_000 - rate(2) - rate(3))


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("Stemmer det at stigen i kommunalt rusarbeid går over fem år?", False),
        ("Er det riktig at tilskuddet til kommunalt rusarbeid gis over fire år?", True),
        ("Is it true that the NAV grant can be given for up to two years?", False),
    ],
)
def test_a_stated_number_of_years_is_confirmed_or_contradicted_by_the_rule(
    question: str, right: bool
) -> None:
    text = ask(question)
    assert text.startswith(("Ja", "Yes") if right else ("Nei", "No")), text


def test_next_year_beside_two_grant_years_places_the_later_one_not_a_calendar_year() -> None:
    text = ask(
        "Ett årsverk er i år 2 nå og går over i år 3 neste år. Det koster 700 000 kr. "
        "Hva blir egenandelen for de to årene til sammen?"
    )
    assert shows(text, 2 * 700_000 - rate(2) - rate(3))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Vi fikk første tilskudd i fjor for ett årsverk. Hva får vi i år?", lambda: rate(2)),
        ("We started last year with two FTEs. What do we get next year?", lambda: 2 * rate(3)),
        (
            "Vi startet i 2019 med ett årsverk. Hvor mye har vi fått hittil?",
            lambda: rate(1) + rate(2) + rate(3),
        ),
    ],
)
def test_a_start_year_relative_to_today_and_so_far_are_read_against_today(
    question: str, expected: object
) -> None:
    assert callable(expected)
    answer = Engine(kb()).ask(question, dt.date(2021, 3, 1))
    assert answer.answered and shows(answer.text, expected()), answer.text
