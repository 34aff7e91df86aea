"""Grant years placed in calendar years, start groups said verb first, and pairs of years
against today ('i år og neste år').

Through the public interface (the Engine); expected figures come from the knowledge base's
ladder, or from the same question asked with its start year written plainly.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


def ask(question: str, today: dt.date) -> tuple[str, bool]:
    """Ask a fresh engine and return the answer text and whether it counts as answered."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered


def lead(question: str, today: dt.date) -> str:
    """Return the first line of an answered answer."""
    text, answered = ask(question, today)
    assert answered, text
    return text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har tre årsverk i kommunalt rusarbeid, og 2016 var år 1 for dem. Hva fikk vi "
            "til sammen i 2017 og 2018?",
            lambda: 3 * (rate(2) + rate(3)),
        ),
        (
            "Stillingen hadde år 2-tilskudd fra kommunalt rusarbeid i 2018. Hvor mye fikk vi "
            "for den i 2019 og 2020 til sammen?",
            lambda: rate(3) + rate(4),
        ),
        (
            "Rusarbeid: to stillinger var i år 1 i 2017. Hva ble det i 2018 og 2019 til sammen?",
            lambda: 2 * (rate(2) + rate(3)),
        ),
    ],
)
def test_a_calendar_year_said_to_be_a_grant_year_sets_the_start_of_a_sum(
    question: str, expected: object
) -> None:
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    assert callable(expected)
    assert fmt.kroner(expected(), "nb") in text.splitlines()[0]


@pytest.mark.parametrize(
    ("anchored", "plain", "today"),
    [
        (
            "Vi har en russtilling som er i år 2 i år. Hva får vi for den neste år?",
            "Vi har en russtilling som startet i 2021. Hva får vi for den i 2023?",
            dt.date(2022, 4, 1),
        ),
        (
            "I fjor var stillingen vår i kommunalt rusarbeid i sitt første år. Hva får vi "
            "for den i år?",
            "Stillingen vår i kommunalt rusarbeid startet i 2021. Hva får vi for den i 2022?",
            dt.date(2022, 4, 1),
        ),
        (
            "Årsverket i kommunalt rusarbeid fikk år 1-tilskudd i 2019. Hva får vi i 2021 og "
            "2022 til sammen?",
            "Årsverket i kommunalt rusarbeid startet i 2019. Hva får vi i 2021 og 2022 til sammen?",
            dt.date(2026, 11, 23),
        ),
    ],
)
def test_a_grant_year_placed_in_a_year_reads_as_the_start_year_it_implies(
    anchored: str, plain: str, today: dt.date
) -> None:
    assert lead(anchored, today).split(":")[-1] == lead(plain, today).split(":")[-1]


def test_a_grant_year_in_the_only_year_asked_keeps_the_question_about_that_year() -> None:
    text, answered = ask(
        "Hvor mye får vi i 2019 for et årsverk som er i år 3?", dt.date(2026, 1, 5)
    )
    assert answered
    assert fmt.kroner(rate(3), "nb") in text


def test_start_groups_said_with_the_verb_first_add_up_each_groups_ladder() -> None:
    text, answered = ask(
        "Vi opprettet to stillinger i 2017 og en ny stilling i 2018 med tilskudd til "
        "kommunalt rusarbeid. Hva fikk vi til sammen i 2018 og 2019?",
        dt.date(2026, 11, 23),
    )
    assert answered
    expected = 2 * (rate(2) + rate(3)) + rate(1) + rate(2)
    assert fmt.kroner(expected, "nb") in text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "today"),
    [
        (
            "Vi har to stillinger i kommunalt rusarbeid som startet i 2019. Hva får vi i år "
            "og neste år til sammen?",
            dt.date(2020, 3, 1),
        ),
        (
            "Kommunalt rusarbeid, to stillinger som startet i 2019: hvor mye i fjor og i år "
            "samlet?",
            dt.date(2021, 3, 1),
        ),
    ],
)
def test_two_years_against_today_are_summed_as_the_span_they_name(
    question: str, today: dt.date
) -> None:
    first = today.year if "neste" in question else today.year - 1
    steps = (first - 2019 + 1, first - 2019 + 2)
    text, answered = ask(question, today)
    assert answered
    assert fmt.kroner(2 * sum(rate(s) for s in steps), "nb") in text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "costs"),
    [
        (
            "Et årsverk i kommunalt rusarbeid koster 650 000 kr i år 1, 700 000 kr i år 2 og "
            "720 000 kr i år 3. Hva blir egenandelen til sammen for de tre årene?",
            {1: 650_000, 2: 700_000, 3: 720_000},
        ),
        (
            "Rusarbeid: stillingen koster oss 690 000 kr i første år og 710 000 kr i andre år. "
            "Hvor mye må vi dekke selv totalt?",
            {1: 690_000, 2: 710_000},
        ),
    ],
)
def test_a_cost_for_each_grant_year_is_set_against_that_years_grant(
    question: str, costs: dict[int, int]
) -> None:
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    expected = sum(max(0, cost - rate(g)) for g, cost in costs.items())
    assert fmt.kroner(expected, "nb") in text.splitlines()[0]


def nav_cap() -> tuple[int, int]:
    """Return the NAV cap per 100 % position and per measure (competence money)."""
    from knowledge.schema import CapRule

    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return int(rule.per_position), int(rule.per_measure)


@pytest.mark.parametrize(
    ("question", "positions", "measures"),
    [
        ("NAV: fire tiltak som hvert har én hel stilling – maks med kompetansemidler?", 4, 4),
        ("NAV-tilskudd: to tiltak der hvert har to 100 %-stillinger, maks inkl. kompetanse?", 4, 2),
        ("NAV grant: three measures that each have one full-time position, maximum?", 3, 3),
    ],
)
def test_measures_that_each_have_positions_count_the_positions_of_every_measure(
    question: str, positions: int, measures: int
) -> None:
    per_position, per_measure = nav_cap()
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    expected = positions * per_position + measures * per_measure
    assert fmt.kroner(expected, "nb") in text or fmt.kroner(expected, "en") in text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er det høyeste lønnstilskuddet én 100 %-stilling i et NAV-tiltak kan få over den "
        "lengste perioden?",
        "NAV: the salary grant for one full-time position over the longest period allowed?",
    ],
)
def test_the_longest_period_is_the_most_years_the_nav_grant_allows(question: str) -> None:
    per_position, _per_measure = nav_cap()
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    three = 3 * per_position
    assert fmt.kroner(three, "nb") in text or fmt.kroner(three, "en") in text


def test_a_deadline_asked_for_this_year_is_not_the_start_years_deadline() -> None:
    text, answered = ask(
        "Vi fikk tilskudd til kommunalt rusarbeid i 2021 for et årsverk som da var i sitt "
        "første år. Når er søknadsfristen i år?",
        dt.date(2022, 1, 20),
    )
    assert answered
    assert "2022" in text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "last"),
    [
        (
            "Et nytt team startet med tilskudd fra ordningen for barn og unge med behov for "
            "langvarig og sammensatt oppfølging i 2019. Til og med hvilket år kan det få "
            "tilskudd?",
            "2022",
        ),
        (
            "Et nytt ACT-team fikk første gang tilskudd fra ordningen for voksne med langvarige "
            "og sammensatte behov i 2020. Til og med hvilket år kan teamet få tilskudd?",
            "2023",
        ),
    ],
)
def test_a_new_teams_last_year_counts_the_years_the_sources_give_new_teams(
    question: str, last: str
) -> None:
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    assert last in text.splitlines()[0]


def test_an_existing_team_is_not_given_the_new_teams_count_of_years() -> None:
    text, _answered = ask(
        "Vårt eksisterende ACT-team fikk tilskudd fra ordningen for voksne med langvarige og "
        "sammensatte behov første gang i 2018. Til og med hvilket år kan det få tilskudd?",
        dt.date(2026, 11, 23),
    )
    assert "2021" not in text.splitlines()[0]


def test_a_start_year_given_in_a_deadline_question_times_a_later_money_follow_up() -> None:
    engine = Engine(kb())
    today = dt.date(2022, 2, 3)
    engine.ask(
        "Vi startet en ny stilling i kommunalt rusarbeid i 2020. Når er søknadsfristen i år?",
        today,
        chat="anchored",
    )
    second = engine.ask("Hvor mye får vi for stillingen i år?", today, chat="anchored")
    assert second.answered
    assert fmt.kroner(rate(3), "nb") in second.text.splitlines()[0]


def test_a_grant_year_asked_among_costs_per_grant_year_is_that_years_own_share() -> None:
    text, answered = ask(
        "Et årsverk i kommunalt rusarbeid koster 690 000 kr i år 1 og 730 000 kr i år 2. "
        "Hva er egenandelen i år 2?",
        dt.date(2026, 11, 23),
    )
    assert answered
    assert fmt.kroner(730_000 - rate(2), "nb") in text


def test_a_grant_year_asked_without_a_cost_of_its_own_gets_no_figure() -> None:
    text, answered = ask(
        "Et årsverk i kommunalt rusarbeid koster 690 000 kr i år 1 og 730 000 kr i år 2. "
        "Hva er egenandelen i år 4?",
        dt.date(2026, 11, 23),
    )
    assert not answered
    assert fmt.kroner(690_000 - rate(4), "nb") not in text
    assert fmt.kroner(730_000 - rate(4), "nb") not in text


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("Rusarbeid: tre av stillingene våre er i år 2. Hva får vi for dem?", 3),
        ("Kommunalt rusarbeid: 2 av årsverkene er i år 3. Hvor mye gir det?", 2),
    ],
)
def test_a_count_of_some_of_the_positions_is_the_count_asked_about(
    question: str, count: int
) -> None:
    text, answered = ask(question, dt.date(2026, 11, 23))
    assert answered
    grant_year = 2 if "år 2" in question else 3
    assert fmt.kroner(count * rate(grant_year), "nb") in text


def test_a_grant_year_this_year_without_a_verb_places_the_years_before() -> None:
    text, answered = ask(
        "Kommunalt rusarbeid: to årsverk i sitt tredje år i år. Hva fikk vi for dem i fjor "
        "og i forfjor til sammen?",
        dt.date(2020, 6, 1),
    )
    assert answered
    assert fmt.kroner(2 * (rate(1) + rate(2)), "nb") in text.splitlines()[0]
