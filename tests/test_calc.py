"""Table-driven tests of bot.calc and bot.fmt against the real knowledge base."""

from __future__ import annotations

import datetime as dt
import io
import tokenize
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from bot import fmt, names
from bot.answers import working
from bot.calc import calendar as calendar_calc
from bot.calc import cap as cap_calc
from bot.calc import deadlines as deadline_calc
from bot.calc import framework as framework_calc
from bot.calc import ladder as ladder_calc
from bot.calc import results as calc_results
from bot.calc import rules as calc_rules
from bot.calc.errors import (
    CalcError,
    InvalidArgument,
    InvalidDuration,
    InvalidGrantYear,
    InvalidPositions,
    InvalidStartYear,
    OutOfRange,
    UnknownGroup,
    UnknownMunicipality,
    UnknownOffice,
    UnknownScheme,
)
from bot.calc.results import LadderGroup, NoteKey, Op, PositionGroup, Reason, Role, Status
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, DeadlineKind, FlatRule, LadderRule, SameAsRule, TextRule

SOURCE_002 = "Statsforvalteren i Innlandet, 7. januar 2021 (002_5e888543f70d9581.txt)"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """Load the bundled knowledge base once for this module.

    Session scope, like the shared ``kb`` in conftest.py that this overrides, so that
    session fixtures depending on ``kb`` can use it too.
    """
    return load_sources()


def notes(result: calc_results.Calculation, key: NoteKey) -> list[calc_results.Note]:
    """Return the notes of one kind."""
    return [n for n in result.notes if n.key is key]


# --- formatting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "nb", "en"),
    [
        (880000, "880 000 kr", "NOK 880,000"),
        (0, "0 kr", "NOK 0"),
        (999, "999 kr", "NOK 999"),
        (1000, "1 000 kr", "NOK 1,000"),
        (28863923, "28 863 923 kr", "NOK 28,863,923"),
        (-60000, "-60 000 kr", "-NOK 60,000"),
    ],
)
def test_kroner_are_grouped_with_plain_spaces_in_norwegian_and_commas_in_english(
    amount: int, nb: str, en: str
) -> None:
    assert fmt.kroner(amount) == nb
    assert fmt.kroner(amount, "en") == en


@pytest.mark.parametrize(
    ("value", "nb", "en"),
    [
        (Fraction(3, 2), "1,5", "1.5"),
        (Fraction(1, 2), "0,5", "0.5"),
        (2, "2", "2"),
        (Fraction(4, 2), "2", "2"),
        (Decimal("0.75"), "0,75", "0.75"),
        (Fraction(1, 3), "ca. 0,333", "approx. 0.333"),
        (1500, "1 500", "1,500"),
    ],
)
def test_positions_use_a_decimal_comma_in_norwegian_and_whole_numbers_without_decimals(
    value: Fraction | int | Decimal, nb: str, en: str
) -> None:
    assert fmt.positions(value) == nb
    assert fmt.positions(value, "en") == en


@pytest.mark.parametrize(
    ("day", "nb", "en"),
    [
        (dt.date(2022, 2, 15), "15. februar 2022", "15 February 2022"),
        (dt.date(2021, 1, 7), "7. januar 2021", "7 January 2021"),
        (dt.date(2022, 12, 31), "31. desember 2022", "31 December 2022"),
    ],
)
def test_dates_are_written_out_in_words(day: dt.date, nb: str, en: str) -> None:
    assert fmt.long_date(day) == nb
    assert fmt.long_date(day, "en") == en


@pytest.mark.parametrize(
    ("count", "nb", "en"),
    [
        (12, "om 12 dager", "in 12 days"),
        (1, "i morgen", "tomorrow"),
        (0, "i dag", "today"),
        (-3, "for 3 dager siden", "3 days ago"),
    ],
)
def test_days_left_read_naturally(count: int, nb: str, en: str) -> None:
    assert fmt.days(count) == nb
    assert fmt.days(count, "en") == en


def test_percent_uses_a_space_before_the_sign_in_norwegian_only() -> None:
    assert fmt.percent(Fraction(1, 2)) == "50 %"
    assert fmt.percent(Fraction(1, 2), "en") == "50%"
    assert fmt.percent(Fraction(86, 10000)) == "0,86 %"


# --- every rate and cap in the sources ------------------------------------------------------------


@pytest.mark.parametrize(
    ("grant_year", "rate"),
    [(1, 660_000), (2, 550_000), (3, 440_000), (4, 330_000)],
)
def test_each_grant_year_pays_the_rate_the_sources_give_per_position(
    kb: KnowledgeBase, grant_year: int, rate: int
) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, 1, grant_year)
    assert result.total == rate
    assert result.figures["rate"] == rate
    assert result.rule_ids == ("rusarbeid-stige",)


def test_the_rules_hold_every_rate_and_cap_printed_in_the_sources(kb: KnowledgeBase) -> None:
    rules = {rule.id: rule for _scheme, rule in kb.all_rules()}
    ladder = rules["rusarbeid-stige"]
    assert isinstance(ladder, LadderRule)
    assert [s.amount for s in ladder.steps] == [660_000, 550_000, 440_000, 330_000]
    assert [s.competence for s in ladder.steps] == [10_000, 0, 0, 0]
    assert (ladder.years.first, ladder.years.last) == (2017, 2022)
    same = rules["rusarbeid-2022"]
    assert isinstance(same, SameAsRule)
    assert (same.rule, same.years.first, same.years.last) == ("rusarbeid-stige", 2022, 2022)
    flat = rules["rusarbeid-nedtrapping"]
    assert isinstance(flat, FlatRule)
    assert (flat.amount, flat.years.first, flat.years.last) == (330_000, 2023, 2024)
    assert len(flat.conditions) == 2
    assert isinstance(rules["rusarbeid-overgang-2017"], TextRule)
    cap = rules["nav-tak"]
    assert isinstance(cap, CapRule)
    assert (cap.per_position, cap.per_measure) == (610_000, 10_000)
    assert (cap.usual_years, cap.max_years) == (1, 3)


def test_year_three_pays_440_000_per_position_and_shows_its_working(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, 2, 3)
    assert result.total == 880_000
    line = working.render_step(result.steps[0], "nb", result.sources[0])
    assert line == f"2 årsverk × 440 000 kr = 880 000 kr (år 3 av 4; kilde: {SOURCE_002})"
    english = working.render_step(result.steps[0], "en")
    assert english == "2 FTE × NOK 440,000 = NOK 880,000 (year 3 of 4)"
    assert result.inputs == {"positions": Fraction(2), "grant_year": 3}
    assert result.sources[0].file == "002_5e888543f70d9581.txt"


def test_year_one_shows_the_10_000_for_competence_development(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, 1, 1)
    competence = [s for s in result.steps if s.role is Role.COMPETENCE]
    assert [s.amount for s in competence] == [10_000]
    assert result.total == 660_000
    assert result.figures["competence"] == 10_000
    assert notes(result, NoteKey.COMPETENCE_INCLUDED)
    text = working.render_calculation(result)
    assert "herav til kompetanseutvikling: 1 årsverk × 10 000 kr = 10 000 kr" in text
    assert "competence development" in working.render_calculation(result, "en")


def test_later_years_have_no_competence_part(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, 1, 2)
    assert not [s for s in result.steps if s.role is Role.COMPETENCE]
    assert result.figures["competence"] == 0


@pytest.mark.parametrize(
    ("positions", "grant_year", "amount"),
    [
        ("1,5 årsverk", 3, 660_000),
        ("1,5", 1, 990_000),
        ("1.5", 4, 495_000),
        ("50 % stilling", 2, 275_000),
        ("50%", 1, 330_000),
        (Fraction(3, 2), 2, 825_000),
        (Decimal("0.25"), 3, 110_000),
        (0.5, 4, 165_000),
    ],
)
def test_fractional_positions_are_exact(
    kb: KnowledgeBase, positions: calc_results.PositionsInput, grant_year: int, amount: int
) -> None:
    assert ladder_calc.rusarbeid_grant_year(kb, positions, grant_year).total == amount


def test_half_a_position_in_year_one_has_half_the_competence_part(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, "50 % stilling", 1)
    assert result.figures["competence"] == 5_000
    assert "0,5 årsverk × 660 000 kr = 330 000 kr (år 1 av 4)" in working.render_calculation(result)


def test_a_third_of_a_position_is_rounded_half_up_to_whole_kroner(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, "1/3", 4)
    assert result.total == 110_000
    seventh = ladder_calc.rusarbeid_grant_year(kb, Fraction(1, 7), 1)
    assert seventh.total == 94_286  # 660 000 / 7 = 94 285.71…
    assert seventh.steps[0].exact == Fraction(660_000, 7)
    assert notes(seventh, NoteKey.ROUNDING)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1,5", Fraction(3, 2)),
        ("1.5", Fraction(3, 2)),
        ("50 %", Fraction(1, 2)),
        ("50%", Fraction(1, 2)),
        ("50 % stilling", Fraction(1, 2)),
        ("100 % stilling", Fraction(1)),
        ("2 årsverk", Fraction(2)),
        ("3 stillinger", Fraction(3)),
        (" 0,75 ", Fraction(3, 4)),
        ("1/2", Fraction(1, 2)),
        (2, Fraction(2)),
        (Fraction(5, 4), Fraction(5, 4)),
        (Decimal("2.5"), Fraction(5, 2)),
        (0.1, Fraction(1, 10)),
    ],
)
def test_positions_are_parsed_from_what_people_type(
    value: calc_results.PositionsInput, expected: Fraction
) -> None:
    assert calc_rules.parse_positions(value) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (0, "not_positive"),
        ("0", "not_positive"),
        (-1, "not_positive"),
        ("-1,5", "not_positive"),
        ("0 %", "not_positive"),
        (1001, "too_many"),
        ("abc", "not_a_number"),
        ("", "not_a_number"),
        ("1,5,5", "not_a_number"),
        (True, "not_a_number"),
        (float("nan"), "not_a_number"),
        (Decimal("Infinity"), "not_a_number"),
    ],
)
def test_bad_positions_raise_a_typed_error_with_the_reason(
    value: calc_results.PositionsInput, reason: str
) -> None:
    with pytest.raises(InvalidPositions) as caught:
        calc_rules.parse_positions(value)
    assert caught.value.reason == reason
    assert caught.value.message("nb") and caught.value.message("en")


@pytest.mark.parametrize("grant_year", [5, 6, 12])
def test_year_five_or_later_is_not_eligible_because_grants_last_at_most_four_years(
    kb: KnowledgeBase, grant_year: int
) -> None:
    with pytest.raises(InvalidGrantYear) as caught:
        ladder_calc.rusarbeid_grant_year(kb, 1, grant_year)
    assert caught.value.reason == "beyond_ladder"
    assert caught.value.max_years == 4
    assert "inntil 4 år" in caught.value.message("nb")
    assert "at most 4 years" in caught.value.message("en")


@pytest.mark.parametrize("grant_year", [0, -1])
def test_grant_year_zero_or_below_is_rejected(kb: KnowledgeBase, grant_year: int) -> None:
    with pytest.raises(InvalidGrantYear) as caught:
        ladder_calc.rusarbeid_grant_year(kb, 1, grant_year)
    assert caught.value.reason == "not_positive"


def test_the_whole_period_for_one_position_is_1_980_000(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_period_total(kb, 1)
    assert result.total == 1_980_000
    assert [result.figures[f"year_{g}"] for g in range(1, 5)] == [
        660_000,
        550_000,
        440_000,
        330_000,
    ]
    assert result.steps[-1].op is Op.SUM
    assert result.steps[-1].parts == (660_000, 550_000, 440_000, 330_000)
    assert "sum år 1–4" in working.render_calculation(result)


def test_the_whole_period_for_one_and_a_half_positions(kb: KnowledgeBase) -> None:
    assert ladder_calc.rusarbeid_period_total(kb, "1,5 årsverk").total == 2_970_000


def test_positions_in_different_grant_years_are_added(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_mixed(
        kb, [LadderGroup(grant_year=1, positions=1), LadderGroup(grant_year=3, positions=2)]
    )
    assert result.total == 660_000 + 880_000
    assert result.figures["competence"] == 10_000


def test_a_group_past_year_four_adds_nothing_and_says_why(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_mixed(kb, [LadderGroup(2, "1,5"), LadderGroup(5, 1)])
    assert result.total == 825_000
    refused = [s for s in result.steps if s.op is Op.NOT_ELIGIBLE]
    assert [(s.reason, s.grant_year, s.amount) for s in refused] == [(Reason.BEYOND_LADDER, 5, 0)]
    assert "inntil 4 år" in working.render_calculation(result)


# --- own share ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("positions", "grant_year", "yearly_cost", "own_share"),
    [
        (2, 3, 700_000, 520_000),
        (1, 1, 700_000, 40_000),
        (1, 4, 650_000, 320_000),
        ("50 %", 2, 700_000, 75_000),
        (1, 1, 600_000, 0),
        (1, 2, 550_000, 0),
        (1, 3, 0, 0),
    ],
)
def test_own_share_is_cost_minus_grant_and_never_negative(
    kb: KnowledgeBase,
    positions: calc_results.PositionsInput,
    grant_year: int,
    yearly_cost: int,
    own_share: int,
) -> None:
    result = ladder_calc.rusarbeid_own_share(kb, positions, grant_year, yearly_cost)
    assert result.total == own_share
    assert result.figures["own_share"] == own_share


def test_own_share_when_the_grant_exceeds_the_cost_shows_the_clamp(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_own_share(kb, 1, 1, 600_000)
    assert [s.op for s in result.steps if s.role is Role.OWN_SHARE] == [Op.SUBTRACT, Op.CLAMP]
    assert notes(result, NoteKey.SURPLUS)
    assert "kan ikke bli negativ" in working.render_calculation(result)


def test_own_share_over_the_whole_period_adds_the_years(kb: KnowledgeBase) -> None:
    result = ladder_calc.rusarbeid_own_share(kb, 1, None, 600_000)
    assert result.total == 0 + 50_000 + 160_000 + 270_000
    assert result.figures["grant"] == 1_980_000


def test_own_share_rejects_a_negative_cost(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidArgument):
        ladder_calc.rusarbeid_own_share(kb, 1, 1, -5)


# --- calendar years and the wind-down ----------------------------------------------------------


@pytest.mark.parametrize(
    ("start_year", "grant_year", "amount"),
    [(2019, 4, 330_000), (2020, 3, 440_000), (2021, 2, 550_000)],
)
def test_2022_is_computed_as_before_by_the_ladder(
    kb: KnowledgeBase, start_year: int, grant_year: int, amount: int
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, 2022, [PositionGroup(start_year, 1)], True)
    assert result.total == amount
    assert result.steps[0].grant_year == grant_year
    assert result.rule_ids[0] == "rusarbeid-2022"
    assert "rusarbeid-stige" in result.rule_ids
    assert result.total == ladder_calc.rusarbeid_grant_year(kb, 1, grant_year).total


@pytest.mark.parametrize(
    ("year", "start_year", "amount"),
    [(2017, 2017, 660_000), (2018, 2017, 550_000), (2020, 2018, 440_000), (2021, 2018, 330_000)],
)
def test_years_before_the_wind_down_follow_the_ladder(
    kb: KnowledgeBase, year: int, start_year: int, amount: int
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, year, [PositionGroup(start_year, 1)])
    assert result.total == amount
    assert not notes(result, NoteKey.CONDITION_ASSUMED)


@pytest.mark.parametrize("year", [2023, 2024])
@pytest.mark.parametrize(("start_year", "positions"), [(2019, 1), (2020, "1,5"), (2021, 2)])
def test_wind_down_years_pay_330_000_per_existing_position(
    kb: KnowledgeBase, year: int, start_year: int, positions: calc_results.PositionsInput
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(
        kb, year, [PositionGroup(start_year, positions)], True
    )
    assert result.total == 330_000 * calc_rules.parse_positions(positions)
    assert result.rule_ids == ("rusarbeid-nedtrapping",)
    assert notes(result, NoteKey.FLAT_RATE)
    assert result.steps[0].grant_year is None


def test_several_groups_in_2022_are_added_and_new_positions_get_nothing(
    kb: KnowledgeBase,
) -> None:
    groups = [PositionGroup(2019, 1), PositionGroup(2020, 2), PositionGroup(2022, 1)]
    result = calendar_calc.rusarbeid_calendar_year(kb, 2022, groups)
    assert result.total == 330_000 + 880_000
    refused = [s for s in result.steps if s.op is Op.NOT_ELIGIBLE]
    assert [(s.start_year, s.reason) for s in refused] == [(2022, Reason.NEW_POSITION)]
    assert result.steps[-1].parts == (330_000, 880_000, 0)


@pytest.mark.parametrize("year", [2023, 2024])
def test_a_position_that_finished_its_four_years_is_not_continued_in_the_wind_down(
    kb: KnowledgeBase, year: int
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, year, [PositionGroup(2018, 1)], True)
    assert result.total == 0
    assert not result.eligible
    assert result.steps[0].reason is Reason.NOT_CONTINUED


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_a_municipality_not_funded_in_2021_gets_nothing_in_the_wind_down(
    kb: KnowledgeBase, year: int
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, year, [PositionGroup(2021, 1)], False)
    assert result.total == 0
    assert not result.eligible
    assert result.steps[0].reason is Reason.MUNICIPALITY_NOT_FUNDED
    assert "fikk tilskudd i 2021" in working.render_calculation(result)


def test_funded_in_2021_does_not_matter_before_the_wind_down(kb: KnowledgeBase) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, 2021, [PositionGroup(2020, 1)], False)
    assert result.total == 550_000


def test_an_unknown_funding_status_is_stated_as_a_condition(kb: KnowledgeBase) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, 2023, [PositionGroup(2021, 1)])
    assert result.total == 330_000
    assumed = notes(result, NoteKey.CONDITION_ASSUMED)
    assert [n.params["reference"] for n in assumed] == [2021]
    assert len(notes(result, NoteKey.CONDITION)) == 2


def test_the_transition_rules_for_earlier_recipients_are_given_as_text(
    kb: KnowledgeBase,
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(kb, 2017, [PositionGroup(2015, 1)])
    assert result.total == 440_000
    transition = notes(result, NoteKey.TRANSITION)
    assert transition and transition[0].quote and "Overgangsregler" in transition[0].quote
    assert notes(result, NoteKey.TRANSITION_PLACEMENT)
    assert "rusarbeid-overgang-2017" in result.rule_ids


def test_a_position_started_in_2021_gets_1_870_000_through_the_wind_down(
    kb: KnowledgeBase,
) -> None:
    result = calendar_calc.rusarbeid_calendar_total(kb, 2021, 2024, [PositionGroup(2021, 1)], True)
    assert result.total == 660_000 + 550_000 + 330_000 + 330_000
    assert [result.figures[f"y{y}"] for y in range(2021, 2025)] == [
        660_000,
        550_000,
        330_000,
        330_000,
    ]


@pytest.mark.parametrize("year", [2030, 2010, 2016, 2025])
def test_a_calendar_year_no_rule_covers_is_out_of_range(kb: KnowledgeBase, year: int) -> None:
    with pytest.raises(OutOfRange) as caught:
        calendar_calc.rusarbeid_calendar_year(kb, year, [PositionGroup(2010, 1)])
    assert "2017–2024" in caught.value.message("nb")
    assert "2017–2024" in caught.value.message("en")


def test_positions_starting_after_the_year_are_rejected(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidStartYear):
        calendar_calc.rusarbeid_calendar_year(kb, 2020, [PositionGroup(2021, 1)])


# --- NAV social services: caps -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("positions", "measures", "per_year"),
    [
        (1, 1, 620_000),
        ("100 %", 0, 610_000),
        ("50 % stilling", 1, 315_000),
        ("1,5", 2, 935_000),
        (2, 3, 1_250_000),
    ],
)
def test_nav_caps_are_610_000_per_full_position_and_10_000_per_measure(
    kb: KnowledgeBase, positions: calc_results.PositionsInput, measures: int, per_year: int
) -> None:
    result = cap_calc.nav_grant(kb, positions, measures)
    assert result.total == per_year
    assert result.figures["cap_per_year"] == per_year
    assert result.rule_ids == ("nav-tak",)


def test_nav_caps_are_stated_as_caps_not_a_ladder(kb: KnowledgeBase) -> None:
    result = cap_calc.nav_grant(kb, 1)
    assert notes(result, NoteKey.CAPS_NOT_LADDER)
    duration = notes(result, NoteKey.DURATION)
    assert duration[0].params == {"usual": 1, "max": 3}
    text = working.render_calculation(result)
    assert "inntil" in text and "ingen nedtrappingsstige" in text
    assert "primært for 1 år" in text and "inntil 3 år" in text
    assert "caps" in working.render_calculation(result, "en")


@pytest.mark.parametrize(("years", "total"), [(1, 620_000), (2, 1_240_000), (3, 1_860_000)])
def test_nav_grant_over_up_to_three_years(kb: KnowledgeBase, years: int, total: int) -> None:
    assert cap_calc.nav_grant(kb, 1, 1, years).total == total


@pytest.mark.parametrize("years", [0, 4, 10])
def test_nav_grant_beyond_three_years_is_refused(kb: KnowledgeBase, years: int) -> None:
    with pytest.raises(InvalidDuration) as caught:
        cap_calc.nav_grant(kb, 1, 1, years)
    assert "inntil 3 år" in caught.value.message("nb")


def test_nav_grant_checks_the_calendar_year_against_the_rule(kb: KnowledgeBase) -> None:
    assert cap_calc.nav_grant(kb, 1, year=2020).total == 620_000
    with pytest.raises(OutOfRange):
        cap_calc.nav_grant(kb, 1, year=2030)


def test_nav_grant_rejects_negative_measures(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidArgument):
        cap_calc.nav_grant(kb, 1, measures=-1)


# --- Opptrappingsplanen ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "name", "amount", "status"),
    [
        ("Kristiansand", 2016, "Kristiansand", 8_098_380, Status.FAKTISK),
        ("Kristansand", 2018, "Kristiansand", 7_652_359, Status.FAKTISK),
        ("arendal", 2017, "Arendal", 2_986_512, Status.FAKTISK),
        ("0906", 2019, "Arendal", 1_947_506, Status.FAKTISK),
        ("906", 2016, "Arendal", 3_970_208, Status.FAKTISK),
        ("Evje", 2020, "Evje og Hornnes", 108_989, Status.PROGNOSE),
        ("Hagebostad", 2016, "Hægebostad", 77_152, Status.FAKTISK),
        ("Sogne", 2019, "Søgne", 407_319, Status.FAKTISK),
        ("åmli", 2020, "Åmli", 53_553, Status.PROGNOSE),
        ("Lilesand", 2017, "Lillesand", 508_512, Status.FAKTISK),
    ],
)
def test_framework_increase_by_name_with_typos_or_number(
    kb: KnowledgeBase, text: str, year: int, name: str, amount: int, status: Status
) -> None:
    result = framework_calc.framework_increase(kb, text, year)
    assert result.total == amount
    assert result.steps[0].subject == name
    assert result.steps[0].status is status


def test_the_2020_figure_is_labelled_a_prognosis(kb: KnowledgeBase) -> None:
    result = framework_calc.framework_increase(kb, "Kristiansand", 2020)
    assert result.total == 3_039_445
    assert notes(result, NoteKey.PROGNOSIS)
    assert "(prognose)" in working.render_calculation(result)
    assert "(prognosis)" in working.render_calculation(result, "en")


def test_the_2018_prognosis_is_shown_apart_from_the_actual_figure(kb: KnowledgeBase) -> None:
    result = framework_calc.framework_increase(kb, "Risør", 2018)
    assert result.total == 530_869
    assert result.steps[0].status is Status.FAKTISK
    other = [s for s in result.steps if s.role is Role.OTHER_FIGURE]
    assert [(s.amount, s.status) for s in other] == [(1_318_062, Status.PROGNOSE)]


def test_every_printed_municipality_sum_is_reproduced_except_the_seven_rounding_rows(
    kb: KnowledgeBase,
) -> None:
    table = kb.tables["opptrappingsplan-2016-2020"]
    differing = set()
    for row in table.rows:
        assert row.municipality is not None
        result = framework_calc.framework_sum(kb, row.municipality, 2016, 2020)
        assert result.figures["printed"] == row.values["sum"]
        if result.total != result.figures["printed"]:
            differing.add(row.key)
            assert abs(result.total - result.figures["printed"]) == 1
            differs = notes(result, NoteKey.PRINTED_DIFFERS)
            assert differs and differs[0].params["known"] == 1
        else:
            assert notes(result, NoteKey.PRINTED_MATCH)
    recorded = {d.row for d in table.discrepancies}
    assert len(recorded) == 7
    assert differing == recorded


def test_every_printed_2016_2017_sum_in_the_2018_table_is_reproduced(kb: KnowledgeBase) -> None:
    table = kb.tables["opptrappingsplan-2018-prognose"]
    rows = [r for r in table.rows if r.municipality is not None]
    assert len(rows) == 30
    for row in rows:
        assert row.municipality is not None
        result = framework_calc.framework_sum(kb, row.municipality, 2016, 2017)
        assert result.total == row.values["sum_2016_2017"]
        assert result.figures["printed"] == row.values["sum_2016_2017"]


def test_printed_sums_check_finds_exactly_the_recorded_discrepancies(kb: KnowledgeBase) -> None:
    checks = framework_calc.printed_sums_check(kb)
    recorded = {
        (table_id, d.row, d.column)
        for table_id in calc_rules.FRAMEWORK_TABLES
        for d in kb.tables[table_id].discrepancies
    }
    differing = {(c.table_id, c.row, c.column) for c in checks if not c.matches}
    assert differing == recorded
    assert len(recorded) == 7
    assert all(c.known for c in checks if not c.matches)
    assert not any(c.known for c in checks if c.matches)
    # 30 sums in each table, plus the four columns of the Lister row
    assert len(checks) == 30 + 31 + 4
    lister = [c for c in checks if c.row == "lister"]
    assert {c.kind for c in lister} == {"rows", "columns"}
    assert all(c.matches for c in lister)


@pytest.mark.parametrize(
    ("years", "total"),
    [(2016, 2_044_792), (2017, 1_796_571), ((2016, 2017), 3_841_363)],
)
def test_the_lister_sum_row_is_reproduced(
    kb: KnowledgeBase, years: int | tuple[int, int], total: int
) -> None:
    result = framework_calc.framework_group_total(kb, "Lister", years)
    assert result.total == total
    assert result.figures["printed"] == total
    assert notes(result, NoteKey.PRINTED_MATCH)
    assert len(result.breakdown) == 6


def test_the_lister_prognosis_for_2018_is_not_compared_with_the_actual_2018_sum(
    kb: KnowledgeBase,
) -> None:
    result = framework_calc.framework_group_total(kb, "lister", 2018)
    assert result.total == 2_317_217
    assert "printed" not in result.figures
    assert result.steps[0].status is Status.FAKTISK


@pytest.mark.parametrize(
    ("group", "years", "total"),
    [
        ("Aust-Agder", 2016, 8_708_052),
        ("Vest-Agder", 2016, 14_053_064),
        ("Agder", 2016, 22_761_116),
        ("vest agder", (2016, 2020), 14_053_064 + 11_014_335 + 13_998_185 + 7_404_763 + 5_469_386),
        ("Agder", (2016, 2020), 84_130_612),
    ],
)
def test_county_and_agder_totals(
    kb: KnowledgeBase, group: str, years: int | tuple[int, int], total: int
) -> None:
    result = framework_calc.framework_group_total(kb, group, years)
    assert result.total == total
    assert result.total == sum(amount for _name, amount in result.breakdown)


def test_a_county_total_over_a_range_labels_the_prognosis_year(kb: KnowledgeBase) -> None:
    result = framework_calc.framework_group_total(kb, "Aust-Agder", (2019, 2020))
    assert [s.status for s in result.steps[:2]] == [Status.FAKTISK, Status.PROGNOSE]
    assert notes(result, NoteKey.PROGNOSIS)


def test_who_got_most_in_2016_is_kristiansand(kb: KnowledgeBase) -> None:
    ranking = framework_calc.framework_ranking(kb, 2016)
    assert [e.name for e in ranking.entries] == [
        "Kristiansand",
        "Arendal",
        "Grimstad",
        "Mandal",
        "Vennesla",
    ]
    assert ranking.entries[0].amount == 8_098_380
    assert ranking.status is Status.FAKTISK
    assert ranking.count == 30
    assert "1. Kristiansand (1001): 8 098 380 kr" in working.render_ranking(ranking)


def test_ranking_ascending_and_within_a_group(kb: KnowledgeBase) -> None:
    assert (
        framework_calc.framework_ranking(kb, 2016, top=1, descending=False).entries[0].name
        == "Bykle"
    )
    lister = framework_calc.framework_ranking(kb, 2016, top=None, group="Lister")
    assert lister.entries[0].name == "Flekkefjord"
    assert len(lister.entries) == 6
    assert framework_calc.framework_ranking(kb, 2020).status is Status.PROGNOSE


@pytest.mark.parametrize("year", [2015, 2021, 2030])
def test_framework_years_outside_the_table_are_out_of_range(kb: KnowledgeBase, year: int) -> None:
    with pytest.raises(OutOfRange) as caught:
        framework_calc.framework_increase(kb, "Arendal", year)
    assert "2016–2020" in caught.value.message("nb")


def test_a_reversed_year_range_is_rejected(kb: KnowledgeBase) -> None:
    with pytest.raises(InvalidArgument):
        framework_calc.framework_sum(kb, "Arendal", 2019, 2016)


@pytest.mark.parametrize(
    ("text", "suggestion"), [("Oslo", None), ("9999", None), ("Åse", "Åseral")]
)
def test_an_unknown_municipality_raises_with_suggestions(
    kb: KnowledgeBase, text: str, suggestion: str | None
) -> None:
    with pytest.raises(UnknownMunicipality) as caught:
        names.resolve_municipality(kb, text)
    if suggestion is None:
        assert caught.value.suggestions == ()
    else:
        assert suggestion in caught.value.suggestions
        assert suggestion in caught.value.message("nb")


def test_an_unknown_group_lists_the_groups_there_are(kb: KnowledgeBase) -> None:
    with pytest.raises(UnknownGroup) as caught:
        framework_calc.framework_group_total(kb, "Telemark", 2016)
    assert {"Lister", "Aust-Agder", "Vest-Agder", "Agder"} <= set(caught.value.options)


# --- deadlines ---------------------------------------------------------------------------------


def test_next_deadline_for_kommunalt_rusarbeid_from_28_january_2022(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(
        kb, dt.date(2022, 1, 28), scheme_id="kommunalt-rusarbeid"
    )
    first = outlook.upcoming[0]
    assert (first.date, first.days_left, first.kind) == (
        dt.date(2022, 2, 15),
        18,
        DeadlineKind.APPLICATION,
    )
    assert "15. februar 2022 (om 18 dager)" in working.render_deadline(first)
    assert "15 February 2022 (in 18 days)" in working.render_deadline(first, "en")
    assert not outlook.outdated


def test_upcoming_deadlines_are_sorted_soonest_first_and_limited(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 28), limit=3)
    assert len(outlook.upcoming) == 3
    dates = [i.date for i in outlook.upcoming]
    assert dates == sorted(d for d in dates if d is not None)
    assert outlook.upcoming[0].date == dt.date(2022, 2, 1)
    assert outlook.upcoming[0].days_left == 4


def test_a_deadline_on_the_day_itself_counts_as_today(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(kb, dt.date(2022, 2, 15), "kommunalt-rusarbeid")
    assert outlook.upcoming[0].days_left == 0
    assert "i dag" in working.render_deadline(outlook.upcoming[0])


def test_years_after_the_sources_list_the_latest_known_deadlines(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(
        kb, dt.date(2026, 11, 23), scheme_id="kommunalt-rusarbeid"
    )
    assert outlook.upcoming == ()
    assert outlook.outdated
    latest = {(i.kind, i.year, i.date) for i in outlook.latest_known}
    assert (DeadlineKind.APPLICATION, 2022, dt.date(2022, 2, 15)) in latest
    assert all(i.passed for i in outlook.latest_known if i.date is not None)
    assert "2022" in working.render_outlook(outlook)


def test_tentative_deadlines_are_flagged(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(
        kb, dt.date(2022, 1, 28), scheme_id="voksne-langvarige", kind="søknadsfrist"
    )
    item = outlook.upcoming[0]
    assert (item.date, item.tentative) == (dt.date(2022, 3, 31), True)
    assert "foreløpig" in working.render_deadline(item)


def test_deadlines_in_words_are_flagged_undated_and_unknown_ones_unknown(
    kb: KnowledgeBase,
) -> None:
    outlook = deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 28))
    words = {i.text for i in outlook.undated if i.undated}
    assert {"Vår", "Løpende"} <= words
    old = deadline_calc.upcoming_deadlines(kb, dt.date(2020, 1, 10), scheme_id="voksne-langvarige")
    unknown = [i for i in old.undated if i.unknown]
    assert [(i.year, i.kind) for i in unknown] == [(2020, DeadlineKind.APPLICATION)]
    assert "ukjent" in working.render_deadline(unknown[0])


def test_deadlines_can_be_filtered_by_office_and_kind(kb: KnowledgeBase) -> None:
    outlook = deadline_calc.upcoming_deadlines(
        kb, dt.date(2021, 1, 7), office="Innlandet", kind="report"
    )
    assert outlook.upcoming
    assert {i.office_id for i in outlook.upcoming} == {"innlandet"}
    assert {i.kind for i in outlook.upcoming} == {DeadlineKind.REPORT}
    first = outlook.upcoming[0]
    assert (first.scheme_id, first.days_left) == ("kommunalt-rusarbeid", 34)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (
            lambda kb: deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 1), "no-such"),
            UnknownScheme,
        ),
        (
            lambda kb: deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 1), office="Mars"),
            UnknownOffice,
        ),
        (
            lambda kb: deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 1), kind="x"),
            InvalidArgument,
        ),
        (
            lambda kb: deadline_calc.upcoming_deadlines(kb, dt.date(2022, 1, 1), limit=0),
            InvalidArgument,
        ),
    ],
)
def test_bad_deadline_filters_raise_typed_errors(
    kb: KnowledgeBase, call: Callable[[KnowledgeBase], object], error: type[CalcError]
) -> None:
    with pytest.raises(error):
        call(kb)


# --- errors and the module itself --------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda kb: ladder_calc.rusarbeid_grant_year(kb, -1, 1),
        lambda kb: ladder_calc.rusarbeid_grant_year(kb, 0, 1),
        lambda kb: ladder_calc.rusarbeid_grant_year(kb, 1, 0),
        lambda kb: ladder_calc.rusarbeid_grant_year(kb, 1, 5),
        lambda kb: calendar_calc.rusarbeid_calendar_year(kb, 2030, [PositionGroup(2020, 1)]),
        lambda kb: framework_calc.framework_increase(kb, "Narnia", 2016),
        lambda kb: cap_calc.nav_grant(kb, 1, years=4),
        lambda kb: framework_calc.framework_group_total(kb, "Telemark", 2016),
    ],
)
def test_bad_input_raises_a_calc_error_with_messages_in_both_languages(
    kb: KnowledgeBase, call: Callable[[KnowledgeBase], object]
) -> None:
    with pytest.raises(CalcError) as caught:
        call(kb)
    nb, en = caught.value.message("nb"), caught.value.message("en")
    assert nb and en and nb != en
    assert str(caught.value) == nb


def test_the_calculation_modules_hold_no_rate_year_or_clock() -> None:
    package = Path(__file__).parents[1] / "bot" / "calc"
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    numbers = [
        tok.string
        for tok in tokenize.generate_tokens(io.StringIO(source).readline)
        if tok.type == tokenize.NUMBER
    ]
    assert numbers, "the tokenizer should see the module's small numbers"
    assert all(float(n.replace("_", "")) <= 1000 for n in numbers), numbers
    for clock in ("date.today", "datetime.now", "time.time", "utcnow"):
        assert clock not in source
