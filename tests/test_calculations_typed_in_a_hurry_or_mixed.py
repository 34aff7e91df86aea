"""Calculation questions typed in a hurry ('åv', 'stil', 'komp', 'år1'), positions mixed over
grant years or measures, the NAV caps over several years, the old ladder beside the wind-down,
own shares of people taken on and rules restated in the question are answered with the figure
the rules give. Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot.calc.cap import nav_grant
from bot.calc.results import Role
from bot.engine import Engine
from tests.asking import text_and_answered
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        # short forms of årsverk, stillinger, kompetanse and the scheme's name
        ("3 åv år 3 rus?", "1 320 000"),
        ("0,5 årsv år 4 kra?", "165 000"),
        ("NAV 3 stil + komp", "1 840 000"),
        ("egenandel år2 stilling 600k krusarbeid", "50 000"),
        # 'år 2,5 årsverk' is 2,5 positions, not grant year 2
        ("KRA totalt 4 år 1,5 årsverk?", "2 970 000"),
        # groups of half positions, and English grant years
        ("To halve stillinger i år 2 og én hel stilling i år 3 – hva blir tilskuddet?", "990 000"),
        ("One position in grant year 1 and two in grant year 3: what is the total?", "1,540,000"),
        ("Vi har to ulike stillinger: én i år 1 og én i år 3. Totalt tilskudd?", "1 100 000"),
        # each measure with its own positions, and the years of the cap
        (
            "Tiltak A har én stilling og tiltak B har to stillinger. Hva er taket i NAV?",
            "1 850 000",
        ),
        (
            "To stillinger i samme NAV-tiltak over to år – hva er maks lønnstilskudd i sum?",
            "2 440 000",
        ),
        ("Vi har 1,5 stillinger i ett tiltak. Hva er taket inkl. kompetanse?", "925 000"),
        ("What is the NAV ceiling for salary funding for two full-time positions?", "1,220,000"),
        # people taken on, each a position with the cost given for each
        ("Hvis vi ansetter tre i år 2 til 600 000 kr hver, hva betaler kommunen selv?", "150 000"),
        # the old ladder against the wind-down, for a position named by its start year
        ("Hvor mye mindre får to 2021-stillinger i 2023 enn etter den gamle stigen?", "220 000"),
        (
            "Hvor mye taper vi på 2022-omleggingen for to årsverk startet i 2021, "
            "sammenlignet med full gammel stige?",
            "220 000",
        ),
        # the rate and its competence money restated: no cost, and a claim checked against it
        ("Kommer kompetansemidlene på 10 000 i tillegg til 660 000 i år 1?", "inkluderer"),
        (
            "Kompetansemidlene på 10 000 kommer vel i tillegg til 660 000 i år 1, så vi får "
            "670 000 per årsverk?",
            "ikke 670 000",
        ),
        # an average over the ladder's years
        ("Hva er gjennomsnittlig årlig sats over fire år for to årsverk?", "990 000"),
        # start years said with a noun, a compound or 'stillingen fra'
        ("To stillinger (start 2019 og 2020): hva ble samlet tilskudd i 2020?", "1 210 000"),
        (
            "En stilling fikk første rusarbeid-tilskudd i 2018. Hvilket år var siste tilskuddsår "
            "etter fireårsregelen?",
            "Til og med 2021",
        ),
        ("Hva får stillingen vår fra 2020 i 2022?", "440 000"),
        # a full year-1 rate placed in a calendar year starts the reckoning
        (
            "Anta at et årsverk fikk full år-1-sats i 2020. Hva blir samlet tilskudd for 2020 "
            "og 2021?",
            "1 210 000",
        ),
    ],
)
def test_a_calculation_typed_in_short_or_mixed_gives_the_rules_figure(
    question: str, figure: str
) -> None:
    text, answered = text_and_answered(question, TODAY)
    assert answered, text
    assert figure in text, text


@pytest.mark.parametrize(
    ("turns", "figure"),
    [
        # the old rules asked after a calendar year's figure from a start year
        (
            [
                "Stillingen vår fikk rusarbeid-tilskudd første gang i 2022. Hva får vi i 2023?",
                "hva ville det vært etter de gamle reglene?",
            ],
            "550 000",
        ),
        # a position placed in a grant year in one calendar year, asked a year on
        (
            [
                "Et årsverk i kommunalt rusarbeid fikk i 2020 tilskudd som år 1. Hvor mye var det?",
                "og i 2021?",
            ],
            "550 000",
        ),
    ],
)
def test_a_follow_up_calculation_keeps_the_position_it_was_about(
    turns: list[str], figure: str
) -> None:
    engine = Engine(kb())
    answer = None
    for turn in turns:
        answer = engine.ask(turn, TODAY, chat="c")
    assert answer is not None
    assert answer.answered, answer.text
    assert figure in answer.text, answer.text


def test_that_year_after_a_start_year_is_the_start_year_alone() -> None:
    text, answered = text_and_answered(
        "Stillingen fikk rustilskudd første gang i 2020. Hva fikk vi det året?", TODAY
    )
    assert answered, text
    assert "660 000" in text, text
    assert "550 000" not in text, text  # that one year, not the ladder's four


def test_a_period_cap_with_competence_money_shows_the_positions_part_as_well() -> None:
    calc = nav_grant(kb(), Fraction(5, 2), measures=1, years=3)
    assert calc.total == 4_605_000  # 3 × (1 525 000 + 10 000)
    parts = [s.amount for s in calc.steps if s.role is Role.CAP_PERIOD_POSITIONS]
    assert parts == [4_575_000]  # 3 × 1 525 000, the competence money left out


def test_how_the_grant_is_tapered_asked_in_english_is_its_wind_down_alone() -> None:
    text, answered = text_and_answered(
        "How was the municipal substance abuse grant to be tapered in 2023 and 2024?", TODAY
    )
    assert answered, text
    assert "330,000" in text, text
    assert "440,000" not in text, text  # the old ladder is not how it is tapered
