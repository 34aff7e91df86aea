"""Schemes counted, not named ('de tre ordningene'), and the own share said as own funds.

Through the public interface (the Engine); figures are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def national(year: int) -> dict[str, int]:
    """Return each scheme's national appropriation in a year."""
    return {
        sid: a.amount
        for sid, s in kb().schemes.items()
        for a in s.appropriations
        if a.year == year and a.scope == "nasjonal"
    }


def test_the_n_schemes_are_those_with_the_figure_when_as_many_have_it() -> None:
    having = national(2021)
    words = {2: "to", 3: "tre", 4: "fire"}[len(having)]
    answer = Engine(kb()).ask(
        f"Legg sammen bevilgningene for 2021 til de {words} ordningene.", TODAY
    )
    assert answer.answered
    total = sum(having.values())
    assert fmt.millions(total, "nb").split()[0] in answer.text


def test_a_count_of_schemes_that_does_not_match_names_none() -> None:
    having = national(2021)
    wrong = {2: "fire", 3: "fire", 4: "to"}[len(having)]
    answer = Engine(kb()).ask(
        f"Legg sammen bevilgningene for 2021 til de {wrong} ordningene.", TODAY
    )
    total = sum(having.values())
    assert fmt.millions(total, "nb").split()[0] not in answer.text


def test_own_funds_are_the_own_share() -> None:
    ladder = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    first, last = ladder.steps[0].amount, ladder.steps[-1].amount
    answer = Engine(kb()).ask(
        "To stillinger à 700 000 kr per år. Hvor mye mer må kommunen budsjettere med av egne "
        "midler i år 4 enn i år 1?",
        TODAY,
    )
    assert answer.answered
    assert fmt.kroner(2 * (first - last), "nb") in answer.text


def test_a_percentage_of_the_own_share_no_rule_sets_is_declined() -> None:
    answer = Engine(kb()).ask(
        "Hvor stor prosentandel av lønnskostnaden må kommunen minst dekke selv for å få "
        "tilskudd til kommunalt rusarbeid?",
        TODAY,
    )
    assert not answer.answered
    assert "ingen prosentsats" in answer.text


def test_a_total_with_only_a_calendar_year_borrows_no_ladder() -> None:
    ladder = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    whole = sum(step.amount for step in ladder.steps)
    for question in ("Hva fikk kommunene til sammen i 2019?", "Hva fikk alle til sammen i 2017?"):
        answer = Engine(kb()).ask(question, TODAY)
        assert fmt.kroner(whole, "nb") not in answer.text


def test_a_percentage_of_the_own_share_claimed_without_its_name_is_declined() -> None:
    answer = Engine(kb()).ask(
        "Må kommunen dekke minst 35 % av lønnskostnaden selv for å få tilskudd til kommunalt "
        "rusarbeid?",
        TODAY,
    )
    assert not answer.answered
    assert "35 %" in answer.text


def test_words_of_everyday_hedging_leave_a_duration_question_answered() -> None:
    answer = Engine(kb()).ask(
        "Et NAV-tiltak startet i 2020. Hvor lenge kan det samme tiltaket få tilskudd, i hvert "
        "fall i teorien?",
        TODAY,
    )
    assert answer.answered
    assert "2022" in answer.text


def test_a_word_of_the_framework_tables_names_no_statistics_column() -> None:
    table = kb().tables["opptrappingsplan-2018-prognose"]
    row = next(r for r in table.rows if r.label == "Lillesand")
    both = row.values["y2016"] + row.values["y2017"]
    answer = Engine(kb()).ask(
        "Hvor mye fikk Lillesand etter sosialhjelpsnøkkelen i 2016 og 2017 til sammen?", TODAY
    )
    assert answer.answered
    assert fmt.kroner(both, "nb") in answer.text


def test_what_social_assistance_pays_stays_unknown() -> None:
    answer = Engine(kb()).ask("Hvor mye sosialhjelp fikk Lillesand i 2017?", TODAY)
    assert not answer.answered


def test_more_money_on_a_condition_the_sources_never_give_is_declined() -> None:
    ladder = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    for question in (
        "Får kommuner ekstra tilskudd per årsverk hvis de samarbeider interkommunalt i "
        "kommunalt rusarbeid?",
        "Do we get more money per FTE in the municipal substance abuse grant if we cooperate "
        "with another municipality?",
    ):
        answer = Engine(kb()).ask(question, TODAY)
        assert not answer.answered
        for step in ladder.steps:
            assert fmt.kroner(step.amount, "nb") not in answer.text
            assert fmt.kroner(step.amount, "en") not in answer.text


def test_positions_in_a_grant_year_ask_the_ladder_without_a_trigger_word() -> None:
    ladder = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    answer = Engine(kb()).ask("Vi har en halv stilling i første år. Hva er tilskuddet?", TODAY)
    assert answer.answered
    assert fmt.kroner(ladder.steps[0].amount // 2, "nb") in answer.text


def test_the_count_beside_a_cost_of_one_position_is_the_count() -> None:
    ladder = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    cost = 900_000
    own = sum(2 * (cost - ladder.steps[g - 1].amount) for g in (2, 3))
    answer = Engine(kb()).ask(
        f"En stilling koster {fmt.number(cost)} kr i året. Hva betaler kommunen selv i år 2 og "
        "år 3 til sammen for to slike årsverk?",
        TODAY,
    )
    assert answer.answered
    assert fmt.kroner(own, "nb") in answer.text


def test_pri_is_the_slides_short_form_of_a_priority() -> None:
    answer = Engine(kb()).ask(
        "Hvilke tiltak er Pri 2 for voksne i 2022-ordningen for langvarig/sammensatt "
        "tjenestebehov?",
        TODAY,
    )
    assert answer.answered
    assert answer.intent == "priorities"
