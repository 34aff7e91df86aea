"""Property-based tests (hypothesis) of bot.calc against the real knowledge base."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import fmt
from bot.calc import calendar as calendar_calc
from bot.calc import cap as cap_calc
from bot.calc import deadlines as deadline_calc
from bot.calc import framework as framework_calc
from bot.calc import ladder as ladder_calc
from bot.calc import rules as calc_rules
from bot.calc.errors import InvalidDuration, InvalidGrantYear, OutOfRange
from bot.calc.results import PositionGroup, Role
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, FlatRule, LadderRule, SameAsRule


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """Load the bundled knowledge base once for this module.

    Session scope, like the shared ``kb`` in conftest.py that this overrides, so that
    session fixtures depending on ``kb`` can use it too.
    """
    return load_sources()


# Positions in hundredths (what people type: "1,25", "50 %"): every rate × positions is whole.
hundredths = st.integers(min_value=1, max_value=5_000).map(lambda n: Fraction(n, 100))
# Any exact fraction of a position within the bounds, where rounding may happen.
fractions = st.fractions(min_value=calc_rules.MIN_POSITIONS, max_value=500, max_denominator=1000)
grant_years = st.integers(min_value=1, max_value=4)
years_any = st.integers(min_value=1990, max_value=2100)

MAX_EXAMPLES = settings(max_examples=150, deadline=None)


def ladder_length(kb: KnowledgeBase) -> int:
    """Return how many grant years the ladder has."""
    rule = next(r for _s, r in kb.all_rules() if r.id == calc_rules.LADDER_RULE)
    assert isinstance(rule, LadderRule)
    return len(rule.steps)


def covered_years(kb: KnowledgeBase) -> set[int]:
    """Return every calendar year some amount rule of kommunalt rusarbeid covers."""
    years: set[int] = set()
    for scheme_id, rule in kb.all_rules():
        if scheme_id == "kommunalt-rusarbeid" and isinstance(
            rule, LadderRule | FlatRule | SameAsRule
        ):
            assert rule.years.last is not None
            years |= set(range(rule.years.first, rule.years.last + 1))
    return years


@MAX_EXAMPLES
@given(positions=fractions, grant_year=st.integers(min_value=1, max_value=3))
def test_the_ladder_never_rises_from_one_year_to_the_next(
    kb: KnowledgeBase, positions: Fraction, grant_year: int
) -> None:
    this_year = ladder_calc.rusarbeid_grant_year(kb, positions, grant_year).total
    next_year = ladder_calc.rusarbeid_grant_year(kb, positions, grant_year + 1).total
    assert next_year <= this_year


@MAX_EXAMPLES
@given(positions=hundredths, factor=st.integers(min_value=1, max_value=20), grant_year=grant_years)
def test_amounts_are_linear_in_the_number_of_positions(
    kb: KnowledgeBase, positions: Fraction, factor: int, grant_year: int
) -> None:
    one = ladder_calc.rusarbeid_grant_year(kb, positions, grant_year).total
    many = ladder_calc.rusarbeid_grant_year(kb, positions * factor, grant_year).total
    assert many == factor * one


@MAX_EXAMPLES
@given(a=hundredths, b=hundredths, grant_year=grant_years)
def test_amounts_add_up_over_groups_of_positions(
    kb: KnowledgeBase, a: Fraction, b: Fraction, grant_year: int
) -> None:
    together = ladder_calc.rusarbeid_grant_year(kb, a + b, grant_year).total
    apart = ladder_calc.rusarbeid_grant_year(kb, a, grant_year).total
    apart += ladder_calc.rusarbeid_grant_year(kb, b, grant_year).total
    assert together == apart


@MAX_EXAMPLES
@given(a=fractions, b=fractions, grant_year=grant_years)
def test_rounding_costs_at_most_one_krone_when_groups_are_split(
    kb: KnowledgeBase, a: Fraction, b: Fraction, grant_year: int
) -> None:
    together = ladder_calc.rusarbeid_grant_year(kb, a + b, grant_year).total
    apart = ladder_calc.rusarbeid_grant_year(kb, a, grant_year).total
    apart += ladder_calc.rusarbeid_grant_year(kb, b, grant_year).total
    assert abs(together - apart) <= 1


@MAX_EXAMPLES
@given(positions=fractions, grant_year=grant_years)
def test_an_amount_is_the_exact_product_rounded_half_up(
    kb: KnowledgeBase, positions: Fraction, grant_year: int
) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, positions, grant_year)
    exact = result.figures["rate"] * positions
    assert abs(result.total - exact) <= Fraction(1, 2)
    assert result.total - exact != Fraction(-1, 2)  # half rounds up, never down


@MAX_EXAMPLES
@given(value=st.fractions(min_value=-(10**9), max_value=10**9))
def test_round_kroner_rounds_half_up(value: Fraction) -> None:
    rounded = calc_rules.round_kroner(value)
    assert -Fraction(1, 2) < rounded - value <= Fraction(1, 2)


@MAX_EXAMPLES
@given(positions=fractions)
def test_a_period_total_equals_the_sum_of_its_years(kb: KnowledgeBase, positions: Fraction) -> None:
    result = ladder_calc.rusarbeid_period_total(kb, positions)
    years = [
        ladder_calc.rusarbeid_grant_year(kb, positions, g).total
        for g in range(1, ladder_length(kb) + 1)
    ]
    assert result.total == sum(years)
    assert list(result.steps[-1].parts) == years


@MAX_EXAMPLES
@given(
    groups=st.lists(
        st.tuples(st.integers(min_value=2014, max_value=2021), hundredths), min_size=1, max_size=4
    ),
    first=st.integers(min_value=2021, max_value=2024),
    funded=st.sampled_from([True, False, None]),
)
def test_a_calendar_range_total_equals_the_sum_of_its_years(
    kb: KnowledgeBase,
    groups: list[tuple[int, Fraction]],
    first: int,
    funded: bool | None,
) -> None:
    position_groups = [PositionGroup(start, positions) for start, positions in groups]
    result = calendar_calc.rusarbeid_calendar_total(kb, first, 2024, position_groups, funded)
    years = [
        calendar_calc.rusarbeid_calendar_year(kb, y, position_groups, funded).total
        for y in range(first, 2025)
    ]
    assert result.total == sum(years)


@MAX_EXAMPLES
@given(
    groups=st.lists(
        st.tuples(st.integers(min_value=2010, max_value=2022), hundredths), min_size=1, max_size=5
    ),
    year=st.integers(min_value=2022, max_value=2024),
)
def test_a_calendar_year_total_equals_the_sum_of_its_groups(
    kb: KnowledgeBase, groups: list[tuple[int, Fraction]], year: int
) -> None:
    position_groups = [PositionGroup(start, positions) for start, positions in groups]
    result = calendar_calc.rusarbeid_calendar_year(kb, year, position_groups, True)
    one_by_one = [
        calendar_calc.rusarbeid_calendar_year(kb, year, [group], True).total
        for group in position_groups
    ]
    assert result.total == sum(one_by_one)


@MAX_EXAMPLES
@given(
    start=st.integers(min_value=2010, max_value=2022),
    positions=hundredths,
    year=st.integers(min_value=2023, max_value=2024),
)
def test_wind_down_years_pay_the_flat_rate_or_nothing(
    kb: KnowledgeBase, start: int, positions: Fraction, year: int
) -> None:
    result = calendar_calc.rusarbeid_calendar_year(
        kb, year, [PositionGroup(start, positions)], True
    )
    assert result.total in (0, 330_000 * positions)
    previous = calendar_calc.rusarbeid_calendar_year(
        kb, year - 1, [PositionGroup(start, positions)], True
    )
    if previous.total == 0:
        assert result.total == 0
    funded_elsewhere = calendar_calc.rusarbeid_calendar_year(
        kb, year, [PositionGroup(start, positions)], False
    )
    assert funded_elsewhere.total == 0


@MAX_EXAMPLES
@given(
    positions=fractions,
    grant_year=st.one_of(st.none(), grant_years),
    yearly_cost=st.integers(min_value=0, max_value=5_000_000),
)
def test_the_own_share_is_never_negative(
    kb: KnowledgeBase, positions: Fraction, grant_year: int | None, yearly_cost: int
) -> None:
    result = ladder_calc.rusarbeid_own_share(kb, positions, grant_year, yearly_cost)
    assert result.total >= 0
    cost = calc_rules.round_kroner(yearly_cost * positions)
    years = [grant_year] if grant_year is not None else list(range(1, ladder_length(kb) + 1))
    expected = sum(
        max(0, cost - ladder_calc.rusarbeid_grant_year(kb, positions, g).total) for g in years
    )
    assert result.total == expected


@MAX_EXAMPLES
@given(year=years_any, start=st.integers(min_value=1990, max_value=2100))
def test_no_amount_is_produced_outside_the_years_of_a_rule(
    kb: KnowledgeBase, year: int, start: int
) -> None:
    covered = covered_years(kb)
    group = [PositionGroup(min(start, year), 1)]
    if year in covered:
        result = calendar_calc.rusarbeid_calendar_year(kb, year, group)
        assert result.years is not None and result.years.first == year
    else:
        with pytest.raises(OutOfRange):
            calendar_calc.rusarbeid_calendar_year(kb, year, group)


@MAX_EXAMPLES
@given(grant_year=st.integers(min_value=-50, max_value=50), positions=hundredths)
def test_no_amount_is_produced_outside_the_grant_years_of_the_ladder(
    kb: KnowledgeBase, grant_year: int, positions: Fraction
) -> None:
    if 1 <= grant_year <= ladder_length(kb):
        assert ladder_calc.rusarbeid_grant_year(kb, positions, grant_year).total > 0
    else:
        with pytest.raises(InvalidGrantYear):
            ladder_calc.rusarbeid_grant_year(kb, positions, grant_year)


@MAX_EXAMPLES
@given(years=st.integers(min_value=-5, max_value=10), year=years_any)
def test_no_nav_cap_is_produced_outside_the_rule(kb: KnowledgeBase, years: int, year: int) -> None:
    cap = next(r for _s, r in kb.all_rules() if r.id == calc_rules.NAV_CAP_RULE)
    assert isinstance(cap, CapRule)
    if not 1 <= years <= cap.max_years:
        with pytest.raises(InvalidDuration):
            cap_calc.nav_grant(kb, 1, 1, years)
    elif not cap.years.contains(year):
        with pytest.raises(OutOfRange):
            cap_calc.nav_grant(kb, 1, 1, years, year)
    else:
        assert cap_calc.nav_grant(kb, 1, 1, years, year).total == years * (
            cap.per_position + cap.per_measure
        )


@MAX_EXAMPLES
@given(positions=hundredths, factor=st.integers(min_value=1, max_value=10))
def test_nav_caps_are_linear_in_positions(
    kb: KnowledgeBase, positions: Fraction, factor: int
) -> None:
    one = cap_calc.nav_grant(kb, positions, measures=0).total
    assert cap_calc.nav_grant(kb, positions * factor, measures=0).total == factor * one


@MAX_EXAMPLES
@given(
    municipality=st.sampled_from(
        ["0901", "0906", "0937", "0941", "1001", "1014", "1026", "1034", "1046"]
    ),
    first=st.integers(min_value=2016, max_value=2020),
    length=st.integers(min_value=0, max_value=4),
)
def test_a_framework_sum_equals_the_sum_of_its_years(
    kb: KnowledgeBase, municipality: str, first: int, length: int
) -> None:
    last = min(first + length, 2020)
    result = framework_calc.framework_sum(kb, municipality, first, last)
    years = [
        framework_calc.framework_increase(kb, municipality, y).total for y in range(first, last + 1)
    ]
    assert result.total == sum(years)
    assert result.figures["actual"] + result.figures["prognosis"] == result.total


@MAX_EXAMPLES
@given(
    group=st.sampled_from(["Lister", "Aust-Agder", "Vest-Agder", "Agder"]),
    first=st.integers(min_value=2016, max_value=2020),
    length=st.integers(min_value=0, max_value=4),
)
def test_a_group_total_equals_the_sum_of_its_years_and_its_municipalities(
    kb: KnowledgeBase, group: str, first: int, length: int
) -> None:
    last = min(first + length, 2020)
    result = framework_calc.framework_group_total(kb, group, (first, last))
    per_year = [
        framework_calc.framework_group_total(kb, group, y).total for y in range(first, last + 1)
    ]
    assert result.total == sum(per_year)
    assert result.total == sum(amount for _name, amount in result.breakdown)


@MAX_EXAMPLES
@given(year=years_any)
def test_no_framework_figure_is_produced_outside_the_table(kb: KnowledgeBase, year: int) -> None:
    table = kb.tables[calc_rules.FRAMEWORK_TABLE]
    if table.years.contains(year):
        assert framework_calc.framework_increase(kb, "Arendal", year).total > 0
    else:
        with pytest.raises(OutOfRange):
            framework_calc.framework_increase(kb, "Arendal", year)


@MAX_EXAMPLES
@given(year=st.integers(min_value=2016, max_value=2020), top=st.integers(min_value=1, max_value=30))
def test_a_ranking_is_ordered_and_starts_with_the_largest(
    kb: KnowledgeBase, year: int, top: int
) -> None:
    ranking = framework_calc.framework_ranking(kb, year, top)
    amounts = [e.amount for e in ranking.entries]
    assert amounts == sorted(amounts, reverse=True)
    assert len(amounts) == top
    everyone = [framework_calc.framework_increase(kb, m, year).total for m in kb.municipalities]
    assert amounts[0] == max(everyone)


@MAX_EXAMPLES
@given(positions=hundredths, lang=st.sampled_from(["nb", "en"]))
def test_positions_shown_by_fmt_read_back_to_the_same_number(
    positions: Fraction, lang: fmt.Lang
) -> None:
    shown = fmt.positions(positions, lang)
    digits = shown.replace(",", "") if lang == "en" else shown.replace(" ", "")
    assert calc_rules.parse_positions(digits) == positions


@MAX_EXAMPLES
@given(amount=st.integers(min_value=0, max_value=10**12))
def test_kroner_shown_by_fmt_keep_every_digit(amount: int) -> None:
    shown = fmt.kroner(amount)
    assert shown.endswith(" kr")
    assert int(shown[: -len(" kr")].replace(" ", "")) == amount
    assert int(fmt.kroner(amount, "en").removeprefix("NOK ").replace(",", "")) == amount


@MAX_EXAMPLES
@given(
    today=st.dates(min_value=dt.date(2015, 1, 1), max_value=dt.date(2035, 12, 31)),
)
def test_deadlines_from_any_day_are_on_or_after_it_and_count_the_days(
    kb: KnowledgeBase, today: dt.date
) -> None:
    outlook = deadline_calc.upcoming_deadlines(kb, today)
    for item in outlook.upcoming:
        assert item.date is not None and item.date >= today
        assert item.days_left == (item.date - today).days
    seen = {(i.scheme_id, i.kind) for i in (*outlook.upcoming, *outlook.undated)}
    assert all((i.scheme_id, i.kind) not in seen for i in outlook.latest_known)
    every = {(e.scheme_id, e.deadline.kind) for e in kb.deadlines()}
    shown = seen | {(i.scheme_id, i.kind) for i in outlook.latest_known}
    assert shown == every


@MAX_EXAMPLES
@given(positions=fractions, grant_year=grant_years)
def test_the_competence_part_is_inside_the_year_one_amount(
    kb: KnowledgeBase, positions: Fraction, grant_year: int
) -> None:
    result = ladder_calc.rusarbeid_grant_year(kb, positions, grant_year)
    competence = [s.amount for s in result.steps if s.role is Role.COMPETENCE]
    if grant_year == 1:
        assert competence and 0 < competence[0] <= result.total
    else:
        assert competence == []
