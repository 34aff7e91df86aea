"""Ladder questions as operations: groups, lists of years, steps, own shares, start years.

Through the public interfaces (`tilskuddsbot ask --json`, the Engine, bot.calc). Every expected
figure is computed here from the knowledge base's rules (the ladder, the wind-down's flat
amount, the NAV cap), never copied from an answer.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from fractions import Fraction
from functools import cache
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot import fmt
from bot.calc import calendar as calendar_calc
from bot.calc import ladder as ladder_calc
from bot.calc import results as calc_results
from bot.calc import rules as calc_rules
from bot.cli import main
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import default_sources, load_sources
from knowledge.schema import CapRule, FlatRule, LadderRule, SameAsRule

TODAY = dt.date(2026, 11, 23)
MAX_EXAMPLES = settings(max_examples=40, deadline=None)
SCHEME = "kommunalt-rusarbeid"


@cache
def shared_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once (property tests take no fixtures)."""
    return load_sources()


@cache
def shared_engine() -> Engine:
    """One engine over the bundled knowledge base."""
    return Engine(shared_kb())


def ask_json(question: str, today: dt.date = TODAY) -> dict[str, object]:
    """Ask through the CLI with --json and return the parsed object."""
    out = io.StringIO()
    assert main(["ask", question, "--json", "--today", today.isoformat()], out=out) == 0
    obj = json.loads(out.getvalue())
    assert isinstance(obj, dict)
    return obj


def ladder(kb: KnowledgeBase) -> LadderRule:
    """Return the grant-year ladder of the knowledge base."""
    return next(r for _s, r in kb.all_rules() if isinstance(r, LadderRule))


def rate(kb: KnowledgeBase, grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    return ladder(kb).steps[grant_year - 1].amount


def grant(kb: KnowledgeBase, positions: Fraction | int, grant_year: int) -> int:
    """Return the grant for positions in a grant year, rounded as the rules round."""
    return calc_rules.round_kroner(Fraction(positions) * rate(kb, grant_year))


def calendar_rate(kb: KnowledgeBase, start: int, year: int) -> int:
    """Return the amount per position in a calendar year for a position first funded in start.

    The rule covering the year decides: a flat wind-down amount whatever the grant year, or the
    ladder (directly or 'beregnes som tidligere') at grant year ``year - start + 1``.
    """
    rules = [r for r in kb.rules(SCHEME) if r.kind != "text" and r.years.contains(year)]
    assert rules, year
    rule = rules[0]
    if isinstance(rule, FlatRule):
        return rule.amount
    assert isinstance(rule, LadderRule | SameAsRule)
    return rate(kb, year - start + 1)


def first_line(text: str) -> str:
    """Return the first line of an answer."""
    return text.splitlines()[0]


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    """One engine over the bundled knowledge base."""
    return Engine(kb)


# --- groups of positions in different grant years ------------------------------------------


@pytest.mark.parametrize(
    ("question", "groups", "lang"),
    [
        (
            "Vi har to årsverk i år 1 og ett årsverk i år 3. Hva får kommunen samlet?",
            [(2, 1), (1, 3)],
            "nb",
        ),
        ("3 stillinger i år 2 og 1 stilling i år 4, hva blir tilskuddet?", [(3, 2), (1, 4)], "nb"),
        (
            "1,5 årsverk i år 1 og 2 årsverk i år 2 – hva får vi?",
            [(Fraction(3, 2), 1), (2, 2)],
            "nb",
        ),
        ("to årsverk i andre år og ett i fjerde år, hva får vi?", [(2, 2), (1, 4)], "nb"),
        ("Vi har 4 årsverk: 2 i år 1 og 2 i år 2. Hva blir tilskuddet?", [(2, 1), (2, 2)], "nb"),
        (
            "We have 2 FTE in year 1 and 1 FTE in year 4. What is the total grant?",
            [(2, 1), (1, 4)],
            "en",
        ),
    ],
)
def test_positions_in_different_grant_years_are_summed_group_by_group(
    kb: KnowledgeBase, question: str, groups: list[tuple[Fraction | int, int]], lang: str
) -> None:
    obj = ask_json(question)
    expected = sum(grant(kb, p, g) for p, g in groups)
    assert obj["scheme"] == SCHEME
    assert fmt.kroner(expected, lang) in first_line(str(obj["answer"]))  # type: ignore[arg-type]
    for p, g in groups:
        assert fmt.kroner(grant(kb, p, g), lang) in str(obj["answer"])  # type: ignore[arg-type]


@MAX_EXAMPLES
@given(
    a=st.integers(min_value=1, max_value=9),
    b=st.integers(min_value=1, max_value=9),
    x=st.integers(min_value=1, max_value=4),
    y=st.integers(min_value=1, max_value=4),
)
def test_the_sum_of_groups_equals_the_sum_of_each_groups_grant(
    a: int, b: int, x: int, y: int
) -> None:
    assume(x != y)
    kb = shared_kb()
    answer = shared_engine().ask(
        f"Vi har {a} årsverk i år {x} og {b} årsverk i år {y}. Hva får vi til sammen?", TODAY
    )
    assert fmt.kroner(grant(kb, a, x) + grant(kb, b, y)) in first_line(answer.text)


# --- the steps of the ladder, sums over whole periods and lists of years -------------------


@pytest.mark.parametrize(
    ("question", "positions", "lang"),
    [
        ("Med hvor mye trappes tilskuddet ned fra ett år til det neste?", 1, "nb"),
        ("Hvor mye reduseres tilskuddet hvert år?", 1, "nb"),
        ("Hvor stor er den årlige nedtrappingen per årsverk?", 1, "nb"),
        ("Hvor mye går tilskuddet ned hvert år for 2 årsverk?", 2, "nb"),
        ("How much does the grant drop each year per FTE?", 1, "en"),
    ],
)
def test_the_step_between_consecutive_grant_years_is_answered_not_the_ladder(
    kb: KnowledgeBase, question: str, positions: int, lang: str
) -> None:
    obj = ask_json(question)
    line = first_line(str(obj["answer"]))
    steps = ladder(kb).steps
    changes = {
        grant(kb, positions, s.grant_year) - grant(kb, positions, s.grant_year + 1)
        for s in steps[:-1]
    }
    assert len(changes) == 1  # the bundled ladder steps down evenly; each step is named
    assert fmt.kroner(changes.pop(), lang) in line
    assert ("ned" if lang == "nb" else "down") in line


def test_uneven_steps_are_listed_one_by_one(tmp_path: Path) -> None:
    folder = tmp_path / "sources"
    shutil.copytree(default_sources(), folder)
    path = folder / "schemes" / f"{SCHEME}.yaml"
    text = path.read_text(encoding="utf-8")
    last = "{grant_year: 4, amount: 330000}"
    assert last in text
    path.write_text(text.replace(last, "{grant_year: 4, amount: 300000}"), encoding="utf-8")
    changed = load_sources(folder)
    steps = ladder(changed).steps
    assert "step" not in ladder_calc.rusarbeid_yearly_changes(changed, 1).figures
    line = first_line(Engine(changed).ask("hvor mye trappes tilskuddet ned hvert år?", TODAY).text)
    for g in (1, 2, 3):
        change = steps[g - 1].amount - steps[g].amount
        assert f"år {g} → {g + 1}: ned {fmt.kroner(change)}" in line


@pytest.mark.parametrize(
    ("question", "positions", "years", "lang"),
    [
        ("2 årsverk gjennom hele fireårsperioden – hva blir summen?", 2, [1, 2, 3, 4], "nb"),
        ("Hva får 3 årsverk i hele tilskuddsperioden?", 3, [1, 2, 3, 4], "nb"),
        ("Hvor mye har vi fått totalt etter år 1, 2 og 3 for to årsverk?", 2, [1, 2, 3], "nb"),
        ("Hva blir tilskuddet til sammen for år 1 og år 3 med 2 årsverk?", 2, [1, 3], "nb"),
        ("Hvor mye får vi for år 2, 3 og 4 til sammen for ett årsverk?", 1, [2, 3, 4], "nb"),
        ("Hva får vi totalt de to første årene for 3 årsverk?", 3, [1, 2], "nb"),
        ("Total grant for years 1, 2 and 3 for one FTE?", 1, [1, 2, 3], "en"),
    ],
)
def test_a_sum_over_named_grant_years_adds_exactly_those_years(
    kb: KnowledgeBase, question: str, positions: int, years: list[int], lang: str
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    assert fmt.kroner(sum(grant(kb, positions, g) for g in years), lang) in first_line(answer)
    for g in set(range(1, 5)) - set(years):
        assert f"år {g} av" not in answer and f"year {g} of" not in answer


@pytest.mark.parametrize(
    ("question", "positions", "first", "second"),
    [
        ("Hva er forskjellen i tilskudd mellom år 1 og år 4 når vi har 3 årsverk?", 3, 1, 4),
        ("Hvor stor er forskjellen mellom år 2 og år 4 for 1,5 årsverk?", Fraction(3, 2), 2, 4),
        ("Differansen i tilskudd mellom tredje og fjerde år?", 1, 3, 4),
    ],
)
def test_a_difference_between_two_grant_years_is_the_difference_of_their_grants(
    kb: KnowledgeBase, question: str, positions: Fraction | int, first: int, second: int
) -> None:
    line = first_line(str(ask_json(question)["answer"]))
    assert fmt.kroner(grant(kb, positions, first) - grant(kb, positions, second)) in line


# --- own shares ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "positions", "first", "second"),
    [
        (
            "Hvor mye øker egenandelen vår per årsverk fra år 1 til år 4 hvis lønnskostnaden "
            "holder seg lik?",
            1,
            1,
            4,
        ),
        (
            "Hva er forskjellen i egenandel mellom år 2 og år 3 for 2 årsverk med samme kostnad?",
            2,
            2,
            3,
        ),
        (
            "Hvor mye mer må kommunen betale selv i år 3 enn i år 2 per årsverk, med samme lønn?",
            1,
            2,
            3,
        ),
        (
            "How much does our own share increase from year 1 to year 3 per FTE if the cost "
            "stays the same?",
            1,
            1,
            3,
        ),
    ],
)
def test_at_the_same_cost_the_own_share_changes_as_much_as_the_grant_the_other_way(
    kb: KnowledgeBase, question: str, positions: int, first: int, second: int
) -> None:
    obj = ask_json(question)
    lang = str(obj["lang"])
    line = first_line(str(obj["answer"]))
    assert obj["intent"] == "own_share"
    change = grant(kb, positions, first) - grant(kb, positions, second)
    assert fmt.kroner(change, lang) in line  # type: ignore[arg-type]
    assert ("opp" if lang == "nb" else "up") in line


@MAX_EXAMPLES
@given(
    a=st.integers(min_value=1, max_value=4),
    b=st.integers(min_value=1, max_value=4),
    cost=st.one_of(st.none(), st.integers(min_value=0, max_value=1_500_000)),
    positions=st.fractions(min_value=Fraction(1, 10), max_value=10, max_denominator=10),
)
def test_an_own_share_difference_is_antisymmetric_and_the_difference_of_own_shares(
    a: int, b: int, cost: int | None, positions: Fraction
) -> None:
    kb = shared_kb()
    forward = ladder_calc.rusarbeid_own_share_difference(kb, positions, a, b, cost)
    backward = ladder_calc.rusarbeid_own_share_difference(kb, positions, b, a, cost)
    assert forward.total == -backward.total
    if cost is None:
        assert forward.total == grant(kb, positions, a) - grant(kb, positions, b)
    else:
        share = {g: ladder_calc.rusarbeid_own_share(kb, positions, g, cost).total for g in (a, b)}
        assert forward.total == share[b] - share[a]


@pytest.mark.parametrize(
    ("question", "cost", "positions", "years", "for_all"),
    [
        (
            "Lønn og sos. utg. er 820 000 kr per årsverk. Hva blir samlet egenandel for år 2 "
            "og år 3?",
            820_000,
            1,
            [2, 3],
            False,
        ),
        (
            "Lønnskostnaden er 900 000 kr per årsverk. Hva blir egenandelen til sammen for år 1 "
            "og år 4?",
            900_000,
            1,
            [1, 4],
            False,
        ),
        (
            "Stillingen koster 800 000. Hva betaler vi selv i år 3 og 4 til sammen?",
            800_000,
            1,
            [3, 4],
            False,
        ),
        (
            "Vi har 1,5 årsverk i år 4 med samlet lønnskostnad 1 100 000 kr. Hva blir egenandelen?",
            1_100_000,
            Fraction(3, 2),
            [4],
            True,
        ),
        (
            "Vi har 2 årsverk i år 3 og en samlet lønnskostnad på 1 500 000 kr. Hva blir "
            "egenandelen?",
            1_500_000,
            2,
            [3],
            True,
        ),
        (
            "To stillinger i år 1 koster til sammen 1 400 000 kr. Hvor mye må vi dekke selv?",
            1_400_000,
            2,
            [1],
            True,
        ),
        (
            "Hva blir egenandelen i år 3 når to årsverk koster 1 600 000 kr til sammen?",
            1_600_000,
            2,
            [3],
            True,
        ),
        (
            "Vi har 2 årsverk i år 3 med samlet lønnskostnad per årsverk på 800 000 kr. Hva blir "
            "egenandelen?",
            800_000,
            2,
            [3],
            False,
        ),
        ("The position costs 700,000. What is our own share in year 2?", 700_000, 1, [2], False),
    ],
)
def test_the_own_share_is_the_cost_minus_the_grant_of_each_year_named(
    kb: KnowledgeBase,
    question: str,
    cost: int,
    positions: Fraction | int,
    years: list[int],
    for_all: bool,
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    total_cost = cost if for_all else calc_rules.round_kroner(Fraction(positions) * cost)
    shares = [max(0, total_cost - grant(kb, positions, g)) for g in years]
    lang = str(obj["lang"])
    assert obj["intent"] == "own_share"
    assert f"= {fmt.kroner(sum(shares), lang)}" in answer  # type: ignore[arg-type]
    if for_all:
        assert f"{fmt.kroner(total_cost)} − {fmt.kroner(grant(kb, positions, years[0]))}" in answer


@MAX_EXAMPLES
@given(
    years=st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=4, unique=True),
    cost=st.integers(min_value=0, max_value=2_000_000),
    positions=st.integers(min_value=1, max_value=5),
)
def test_an_own_share_over_a_list_of_years_is_the_sum_of_each_years_own_share(
    years: list[int], cost: int, positions: int
) -> None:
    kb = shared_kb()
    over = ladder_calc.rusarbeid_own_share(kb, positions, None, cost, grant_years=years)
    parts = [ladder_calc.rusarbeid_own_share(kb, positions, g, cost).total for g in years]
    assert over.total == sum(parts)


def test_a_follow_up_asking_for_the_total_keeps_the_own_share(
    engine: Engine, kb: KnowledgeBase
) -> None:
    engine.ask("Lønnskostnaden er 700 000 kr per årsverk. Hva blir egenandelen i år 3?", TODAY, "o")
    follow = engine.ask("hva blir det totalt over alle fire år?", TODAY, chat="o")
    shares = [max(0, 700_000 - s.amount) for s in ladder(kb).steps]
    assert follow.intent == "own_share"
    assert fmt.kroner(sum(shares)) in first_line(follow.text)
    more = engine.ask("og for 2 årsverk?", TODAY, chat="o")
    assert fmt.kroner(sum(max(0, 1_400_000 - 2 * s.amount) for s in ladder(kb).steps)) in more.text


# --- start year, calendar year, grant year -------------------------------------------------


@pytest.mark.parametrize(
    ("question", "start", "year", "positions", "lang"),
    [
        (
            "Stillingen vår fikk tilskudd første gang i 2019. Hva får vi per årsverk i 2021?",
            2019,
            2021,
            1,
            "nb",
        ),
        (
            "Første tilskuddsår for stillingen var 2020. Hva får vi for den i 2022?",
            2020,
            2022,
            1,
            "nb",
        ),
        ("Vi startet med tilskudd i 2020 for to årsverk. Hva får vi i 2021?", 2020, 2021, 2, "nb"),
        ("Vi har 3 stillinger som startet i 2021, hva får vi i 2023?", 2021, 2023, 3, "nb"),
        ("Our position first got a grant in 2019. What do we get in 2022?", 2019, 2022, 1, "en"),
    ],
)
def test_a_calendar_year_counts_grant_years_from_the_start_year_by_that_years_rules(
    kb: KnowledgeBase, question: str, start: int, year: int, positions: int, lang: str
) -> None:
    obj = ask_json(question)
    line = first_line(str(obj["answer"]))
    assert str(year - start + 1) in line and str(start) in line
    assert fmt.kroner(positions * calendar_rate(kb, start, year), lang) in line


def test_a_position_first_funded_after_the_reference_year_gets_nothing_in_the_wind_down(
    kb: KnowledgeBase,
) -> None:
    flat = next(r for r in kb.rules(SCHEME) if isinstance(r, FlatRule))
    start = flat.years.first - 1
    obj = ask_json(f"Stillingen startet i {start}. Hva får vi i {flat.years.first}?")
    line = first_line(str(obj["answer"]))
    assert f"gir reglene {fmt.kroner(0)}" in line
    assert "ny stilling" in str(obj["answer"])


def test_a_sum_over_calendar_years_from_a_start_year_follows_each_years_rules(
    kb: KnowledgeBase,
) -> None:
    obj = ask_json("hvor mye får vi til sammen for 2021-2023 for en stilling som startet i 2021?")
    expected = sum(calendar_rate(kb, 2021, y) for y in (2021, 2022, 2023))
    assert fmt.kroner(expected) in first_line(str(obj["answer"]))


@pytest.mark.parametrize(
    ("question", "groups", "years"),
    [
        (
            "Vi har 2 stillinger som startet i 2020 og 1 som startet i 2021. Hva får vi i 2022?",
            [(2, 2020), (1, 2021)],
            [2022],
        ),
        (
            "I 2021 har vi to stillinger som fikk tilskudd første gang i 2018 og én stilling som "
            "startet i 2020. Hva får vi?",
            [(2, 2018), (1, 2020)],
            [2021],
        ),
        (
            "Vi har 1 årsverk som startet i 2019 og 2 som startet i 2020. Hva får vi til sammen "
            "i 2020–2021?",
            [(1, 2019), (2, 2020)],
            [2020, 2021],
        ),
    ],
)
def test_positions_with_different_start_years_are_each_in_their_own_grant_year(
    kb: KnowledgeBase, question: str, groups: list[tuple[int, int]], years: list[int]
) -> None:
    obj = ask_json(question)
    expected = sum(p * calendar_rate(kb, start, y) for p, start in groups for y in years)
    assert fmt.kroner(expected) in first_line(str(obj["answer"]))


def test_which_grant_year_a_calendar_year_is_names_the_year_and_its_rate(kb: KnowledgeBase) -> None:
    line = first_line(
        str(
            ask_json(
                "Vi startet med tilskudd i 2018 for én stilling. Hvilket tilskuddsår var 2021 "
                "for oss, og hva var satsen?"
            )["answer"]
        )
    )
    assert "2021 tilskuddsår 4" in line
    assert fmt.kroner(rate(kb, 4)) in line


@pytest.mark.parametrize(
    ("question", "start", "first", "last", "cost"),
    [
        (
            "Vi fikk første tilskudd til en stilling i kommunalt rusarbeid i 2020. Stillingen "
            "koster 780 000 kr i året. Hvor mye har kommunen betalt selv for 2020–2023 til sammen?",
            2020,
            2020,
            2023,
            780_000,
        ),
        (
            "Stillingen fikk første tilskudd i 2019 og koster 800 000 kr i året. Hva har vi betalt "
            "selv i 2019–2021?",
            2019,
            2019,
            2021,
            800_000,
        ),
    ],
)
def test_the_own_share_over_calendar_years_follows_each_years_rules(
    kb: KnowledgeBase, question: str, start: int, first: int, last: int, cost: int
) -> None:
    obj = ask_json(question)
    shares = [max(0, cost - calendar_rate(kb, start, y)) for y in range(first, last + 1)]
    assert fmt.kroner(sum(shares)) in first_line(str(obj["answer"]))
    for share in shares:
        assert fmt.kroner(share) in str(obj["answer"])


@MAX_EXAMPLES
@given(
    start=st.integers(min_value=2017, max_value=2021),
    span=st.integers(min_value=0, max_value=3),
    cost=st.integers(min_value=0, max_value=1_500_000),
    positions=st.integers(min_value=1, max_value=4),
)
def test_a_calendar_own_share_is_the_sum_of_each_years_cost_minus_grant(
    start: int, span: int, cost: int, positions: int
) -> None:
    kb = shared_kb()
    last = min(start + span, 2024)
    groups = [calc_results.PositionGroup(start, positions)]
    over = calendar_calc.rusarbeid_calendar_own_share(kb, start, last, groups, cost)
    grants = [
        calendar_calc.rusarbeid_calendar_year(kb, y, groups).total for y in range(start, last + 1)
    ]
    assert over.total == sum(max(0, positions * cost - g) for g in grants)


@pytest.mark.parametrize(
    ("question", "today", "year"),
    [
        ("Hvor mye får vi per stilling i kommunalt rusarbeid i år?", dt.date(2023, 3, 1), 2023),
        ("hva er satsen per stilling neste år i kommunalt rusarbeid?", dt.date(2023, 3, 1), 2024),
        ("Hva fikk vi per stilling i fjor i kommunalt rusarbeid?", dt.date(2024, 6, 1), 2023),
    ],
)
def test_a_year_relative_to_today_is_answered_by_that_years_rules(
    kb: KnowledgeBase, question: str, today: dt.date, year: int
) -> None:
    obj = ask_json(question, today)
    flat = next(r for r in kb.rules(SCHEME) if isinstance(r, FlatRule))
    assert flat.years.contains(year)
    assert obj["answered"] is True
    assert fmt.kroner(flat.amount) in str(obj["answer"])
    assert fmt.kroner(rate(kb, 1)) not in str(obj["answer"])


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye får vi per stilling i kommunalt rusarbeid i år?",
        "Kan vi få tilskudd til kommunalt rusarbeid i 2027, og med hvilken sats?",
    ],
)
def test_a_rate_for_a_year_after_the_sources_says_so_and_gives_the_last_known(
    kb: KnowledgeBase, question: str
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    last = max(r.years.last or r.years.first for r in kb.rules(SCHEME))
    assert obj["answered"] is True
    assert "ingen regel eller sats for" in answer
    assert str(last) in answer


@pytest.mark.parametrize(
    ("question", "place"),
    [
        (
            "How much did Oslo municipality receive from the NAV social services grant in 2020?",
            "Oslo",
        ),
        ("Hvor mye fikk Oslo fra NAV-tilskuddet i 2020?", "Oslo"),
    ],
)
def test_what_a_named_place_received_is_not_computed_from_the_caps(
    kb: KnowledgeBase, question: str, place: str
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    assert obj["answered"] is False
    assert place in answer
    cap = nav_cap(kb).per_position
    assert fmt.kroner(cap, "nb") not in answer and fmt.kroner(cap, "en") not in answer


# --- the NAV cap ------------------------------------------------------------------------


def nav_cap(kb: KnowledgeBase) -> CapRule:
    """Return the NAV cap rule."""
    return next(r for _s, r in kb.all_rules() if isinstance(r, CapRule))


@pytest.mark.parametrize(
    ("question", "positions", "lang"),
    [
        (
            "What's the maximum NAV development grant for an 80% position (salary only)?",
            Fraction(4, 5),
            "en",
        ),
        ("Hva er maksimalt NAV-tilskudd for en 50 % stilling, bare lønn?", Fraction(1, 2), "nb"),
        ("What is the maximum NAV grant for 2 positions, salary only?", Fraction(2), "en"),
    ],
)
def test_a_cap_for_salary_only_is_the_positions_times_the_cap_per_position(
    kb: KnowledgeBase, question: str, positions: Fraction, lang: str
) -> None:
    obj = ask_json(question)
    expected = calc_rules.round_kroner(positions * nav_cap(kb).per_position)
    assert obj["scheme"] == "nav-sosiale-tjenester"
    assert fmt.kroner(expected, lang) in first_line(str(obj["answer"]))
    with_measure = expected + nav_cap(kb).per_measure
    assert fmt.kroner(with_measure, lang) not in str(obj["answer"])
