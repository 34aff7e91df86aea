"""Figures composed from the rules: stated figures, differences, sums, no borrowed rates.

Through the public interfaces (`tilskuddsbot ask --json`, the Engine, bot.calc); every expected
figure is read from the knowledge base's ladder, never written here.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from fractions import Fraction
from functools import cache

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot import fmt
from bot.calc import ladder as ladder_calc
from bot.cli import main
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import LadderRule

TODAY = dt.date(2026, 11, 23)
TODAY_ARG = ["--today", TODAY.isoformat()]
MAX_EXAMPLES = settings(max_examples=60, deadline=None)


def ask_json(question: str, today: str = TODAY.isoformat()) -> dict[str, object]:
    """Ask through the CLI with --json and return the parsed object."""
    out = io.StringIO()
    assert main(["ask", question, "--json", "--today", today], out=out) == 0
    obj = json.loads(out.getvalue())
    assert isinstance(obj, dict)
    return obj


def ladder(kb: KnowledgeBase) -> LadderRule:
    """Return the ladder rule of the knowledge base (kommunalt rusarbeid)."""
    rule = next(r for _s, r in kb.all_rules() if isinstance(r, LadderRule))
    return rule


def rate(kb: KnowledgeBase, grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    return ladder(kb).steps[grant_year - 1].amount


@cache
def shared_kb() -> KnowledgeBase:
    """The bundled knowledge base, loaded once (property tests take no fixtures)."""
    return load_sources()


@cache
def shared_engine() -> Engine:
    """One engine over the bundled knowledge base, for the property tests."""
    return Engine(shared_kb())


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    """One engine over the bundled knowledge base."""
    return Engine(kb)


# --- borrowed figures ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        ("Hva er satsen i år 1 for ungdomstiltak?", "ungdomstiltak"),
        ("Hva er satsen i år 1 for ungdom?", "ungdom"),
        ("hvor mye får vi for en miljøterapeut i år 2?", "miljøterapeut"),
        ("What is the rate in year 1 for youth projects?", "youth"),
        ("hva er satsen for barn i år 1?", "barn"),
        ("hva får vi i år 1 for psykisk helse?", "psykisk helse"),
        ("what do we get in year 2 for children?", "children"),
    ],
)
def test_a_figure_question_naming_another_thing_gets_no_rates_of_the_default_scheme(
    kb: KnowledgeBase, question: str, thing: str
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    assert obj["answered"] is False
    assert thing in answer
    assert "ingen satser for" in answer or "give no rates for" in answer
    assert fmt.kroner(rate(kb, 1), "nb") not in answer
    assert fmt.kroner(rate(kb, 1), "en") not in answer


@pytest.mark.parametrize(
    "question",
    [
        "hva er satsen for barn og unge i år 2?",
        "hvor mye får vi per årsverk i prosjektskjønnsmidler?",
    ],
)
def test_a_named_scheme_without_rules_gets_no_rates_rather_than_the_ladder(
    kb: KnowledgeBase, question: str
) -> None:
    obj = ask_json(question)
    assert obj["answered"] is False
    assert "Kildene har ingen satser for" in str(obj["answer"])
    assert fmt.kroner(rate(kb, 2), "nb") not in str(obj["answer"])


def test_a_follow_up_about_another_thing_does_not_borrow_the_previous_schemes_rates(
    engine: Engine, kb: KnowledgeBase
) -> None:
    first = engine.ask("hva får vi i år 2 for 1 årsverk?", TODAY, chat="borrow")
    assert fmt.kroner(rate(kb, 2)) in first.text
    follow = engine.ask("og for ungdomstiltak?", TODAY, chat="borrow")
    assert not follow.answered
    assert fmt.kroner(rate(kb, 2)) not in follow.text
    assert "ungdomstiltak" in follow.text


@pytest.mark.parametrize(
    ("question", "positions", "grant_year"),
    [
        ("hva får vi i år 3 for 2 årsverk?", 2, 3),
        ("hva får vi i år 2 for 2 stillinger i rustjenesten?", 2, 2),
        ("hvor mye er kompetansemidlene i år 1?", 1, 1),
        ("What do we get in year 4 for 3 FTE?", 3, 4),
    ],
)
def test_a_figure_question_naming_nothing_else_still_defaults_to_the_ladder(
    kb: KnowledgeBase, question: str, positions: int, grant_year: int
) -> None:
    obj = ask_json(question)
    assert obj["scheme"] == "kommunalt-rusarbeid"
    lang = "en" if question.startswith("What") else "nb"
    assert fmt.kroner(positions * rate(kb, grant_year), lang) in str(obj["answer"])


# --- deadlines without a scheme --------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "today", "expected"),
    [
        ("når er fristen?", "2026-11-23", ["15. februar 2022", "1. februar 2022", "dager siden"]),
        ("når er fristen?", "2022-01-20", ["1. februar 2022 (om 12 dager)", "15. februar 2022"]),
        ("hva er søknadsfristen?", "2026-11-23", ["1. november 2022", "per 23. november 2026"]),
        ("hva er neste frist?", "2022-01-28", ["1. februar 2022"]),
        ("hva er neste frist?", "2026-11-23", ["Siste kjente frister", "2022"]),
    ],
)
def test_a_deadline_question_naming_no_scheme_lists_deadlines_across_schemes(
    question: str, today: str, expected: list[str]
) -> None:
    obj = ask_json(question, today)
    answer = str(obj["answer"])
    assert "Hvilken ordning" not in answer
    for text in expected:
        assert text in answer
    assert obj["options"] == []


def test_a_deadline_question_about_a_scheme_the_sources_lack_lists_nothing() -> None:
    obj = ask_json("Kva er fristen for tilskot til kommunalt barnevern?")
    assert obj["answered"] is False
    assert "barnevern" in str(obj["answer"])
    assert "15. februar 2022" not in str(obj["answer"])


# --- stated figures (premises) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "verdict", "right"),
    [
        ("Er det riktig at år 3 gir 550 000 per årsverk?", "Nei", (1, 3)),
        ("Stemmer det at år 3 gir 440 000 per årsverk?", "Ja", (1, 3)),
        ("Er det rett at år 3 gjev 550 000 per årsverk?", "Nei", (1, 3)),
        ("Stemmer det at vi får 880 000 for 2 årsverk i år 3?", "Ja", (2, 3)),
        ("Stemmer det at 2 årsverk i år 4 gir 700 000?", "Nei", (2, 4)),
        ("Er det riktig at 2 årsverk i år 3 gir 880 000 per årsverk?", "Nei", (1, 3)),
        ("Er det riktig at 2 årsverk i år 1 gir 20 000 kr?", "Nei", (2, 1)),
        ("Is it true that year 3 gives 550,000 per FTE?", "No", (1, 3)),
        ("Is it true that year 2 gives 550,000 per FTE?", "Yes", (1, 2)),
        ("Får vi 550 000 i år 3?", "Nei", (1, 3)),
        ("gir år 2 550 000 per årsverk?", "Ja", (1, 2)),
        ("Har jeg rett i at år 2 gir 500 000?", "Nei", (1, 2)),
        ("do we get 440,000 in year 3?", "Yes", (1, 3)),
    ],
)
def test_a_stated_figure_is_confirmed_or_contradicted_with_the_right_one(
    kb: KnowledgeBase, question: str, verdict: str, right: tuple[int, int]
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    positions, grant_year = right
    lang = "en" if verdict in ("Yes", "No") else "nb"
    assert obj["intent"] == "amount"
    assert answer.startswith(verdict)
    assert fmt.kroner(positions * rate(kb, grant_year), lang) in answer.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "verdict", "figure"),
    [
        ("er det riktig at NAV-tilskuddet gir inntil 610 000 per stilling?", "Ja", "610 000 kr"),
        ("er det riktig at NAV-tilskuddet gir 700 000 per stilling?", "Nei", "610 000 kr"),
        ("stemmer det at kompetansemidlene er 10 000 per årsverk i år 1?", "Ja", "10 000 kr"),
    ],
)
def test_a_stated_figure_may_be_a_named_part_of_the_working(
    question: str, verdict: str, figure: str
) -> None:
    first = str(ask_json(question)["answer"]).splitlines()[0]
    assert first.startswith(verdict)
    assert figure in first


def test_a_stated_own_share_is_checked_against_cost_minus_grant(kb: KnowledgeBase) -> None:
    right = 700_000 - rate(kb, 3)
    wrong = ask_json(
        "Stemmer det at egenandelen blir 200 000 i år 3 når stillingen koster 700 000?"
    )
    assert str(wrong["answer"]).startswith("Nei")
    assert fmt.kroner(right) in str(wrong["answer"]).splitlines()[0]
    ok = ask_json(
        f"Stemmer det at egenandelen blir {fmt.number(right)} i år 3 når stillingen koster 700 000?"
    )
    assert str(ok["answer"]).startswith("Ja")


@MAX_EXAMPLES
@given(
    grant_year=st.integers(min_value=1, max_value=4),
    positions=st.integers(min_value=1, max_value=9),
    stated=st.integers(min_value=10, max_value=9_000).map(lambda n: n * 1000),
)
def test_a_wrong_stated_figure_is_always_contradicted_and_a_right_one_confirmed(
    grant_year: int, positions: int, stated: int
) -> None:
    engine, kb = shared_engine(), shared_kb()
    right = positions * rate(kb, grant_year)
    question = (
        f"Er det riktig at {positions} årsverk i år {grant_year} gir {fmt.number(stated)} kr?"
    )
    first = engine.ask(question, TODAY).text.splitlines()[0]
    if stated == right:
        assert first.startswith("Ja")
    else:
        assert first.startswith("Nei")
        assert fmt.kroner(right) in first
    checked = f"Er det riktig at {positions} årsverk i år {grant_year} gir {fmt.number(right)} kr?"
    assert engine.ask(checked, TODAY).text.startswith("Ja")


@MAX_EXAMPLES
@given(
    grant_year=st.integers(min_value=1, max_value=4),
    positions=st.integers(min_value=1, max_value=9),
    stated=st.integers(min_value=10, max_value=2_000).map(lambda n: n * 1000),
)
def test_a_figure_stated_per_position_is_compared_with_the_rate_per_position(
    grant_year: int, positions: int, stated: int
) -> None:
    engine, kb = shared_engine(), shared_kb()
    right = rate(kb, grant_year)
    question = (
        f"Stemmer det at {positions} årsverk i år {grant_year} gir {fmt.number(stated)} kr "
        "per årsverk?"
    )
    first = engine.ask(question, TODAY).text.splitlines()[0]
    assert first.startswith("Ja" if stated == right else "Nei")
    assert fmt.kroner(right) in first


# --- short forms ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "intent", "scheme", "expected"),
    [
        ("KRA år 4, 2 årsverk?", "amount", "kommunalt-rusarbeid", "2 årsverk × 330 000 kr"),
        ("frist NAV 2022?", "deadline", "nav-sosiale-tjenester", "1. februar 2022"),
        ("revisor KRA?", "audit", "kommunalt-rusarbeid", "ikke revisorattestert regnskap"),
        ("frist KRA 2022?", "deadline", "kommunalt-rusarbeid", "15. februar 2022"),
    ],
)
def test_short_forms_name_the_scheme_they_abbreviate(
    question: str, intent: str, scheme: str, expected: str
) -> None:
    obj = ask_json(question)
    assert (obj["intent"], obj["scheme"]) == (intent, scheme)
    assert expected in str(obj["answer"])


# --- differences, what remains, sums over years ---------------------------------------------


@pytest.mark.parametrize(
    ("question", "first", "second", "positions"),
    [
        ("hvor mye går tilskuddet ned fra år 1 til år 2?", 1, 2, 1),
        ("forskjellen mellom år 2 og år 4 for 2 årsverk?", 2, 4, 2),
        ("hvor mye mindre får vi i år 4 enn i år 1?", 1, 4, 1),
        ("how much does the grant drop from year 1 to year 3?", 1, 3, 1),
    ],
)
def test_a_difference_question_is_answered_with_the_difference_not_the_ladder(
    kb: KnowledgeBase, question: str, first: int, second: int, positions: int
) -> None:
    obj = ask_json(question)
    answer = str(obj["answer"])
    lang = "en" if question.startswith("how") else "nb"
    change = positions * (rate(kb, first) - rate(kb, second))
    assert fmt.kroner(change, lang) in answer.splitlines()[0]
    assert ("ned" if lang == "nb" else "down") in answer.splitlines()[0]
    untouched = {1, 2, 3, 4} - {first, second}
    for g in untouched:
        assert f"år {g} av" not in answer and f"year {g} of" not in answer


def test_what_remains_from_a_grant_year_sums_that_year_and_the_rest(kb: KnowledgeBase) -> None:
    obj = ask_json("vi er i år 3, hva gjenstår til sammen?")
    expected = rate(kb, 3) + rate(kb, 4)
    assert f"Til sammen for år 3–4: {fmt.kroner(expected)}" in str(obj["answer"])
    assert "år 1 av" not in str(obj["answer"])


def test_the_own_share_over_all_years_is_cost_minus_grant_summed_with_working(
    kb: KnowledgeBase,
) -> None:
    obj = ask_json(
        "Stillingen koster 700 000 kr i året; hva må vi betale selv til sammen over alle fire "
        "årene?"
    )
    answer = str(obj["answer"])
    shares = [700_000 - step.amount for step in ladder(kb).steps]
    for share in shares:
        assert fmt.kroner(share) in answer
    assert fmt.kroner(sum(shares)) in answer


def test_the_own_share_of_the_remaining_years_starts_at_the_year_named(kb: KnowledgeBase) -> None:
    obj = ask_json("vi er i år 2, stillingen koster 700 000 kr, hva må vi betale selv resten?")
    shares = [700_000 - rate(kb, g) for g in (2, 3, 4)]
    assert f"sum år 2–4: {' + '.join(fmt.kroner(s) for s in shares)}" in str(obj["answer"])


@MAX_EXAMPLES
@given(
    a=st.integers(min_value=1, max_value=4),
    b=st.integers(min_value=1, max_value=4),
    positions=st.fractions(min_value=Fraction(1, 100), max_value=50, max_denominator=100),
)
def test_a_difference_is_antisymmetric_and_the_later_grant_minus_the_earlier(
    a: int, b: int, positions: Fraction
) -> None:
    kb = shared_kb()
    forward = ladder_calc.rusarbeid_difference(kb, positions, a, b)
    backward = ladder_calc.rusarbeid_difference(kb, positions, b, a)
    assert forward.total == -backward.total
    grant_a = ladder_calc.rusarbeid_grant_year(kb, positions, a).total
    grant_b = ladder_calc.rusarbeid_grant_year(kb, positions, b).total
    assert forward.total == grant_b - grant_a


@MAX_EXAMPLES
@given(a=st.integers(min_value=1, max_value=4), b=st.integers(min_value=1, max_value=4))
def test_a_difference_asked_both_ways_has_one_amount_and_opposite_directions(
    a: int, b: int
) -> None:
    engine, kb = shared_engine(), shared_kb()
    assume(a != b)
    there = engine.ask(f"hvor mye endres tilskuddet fra år {a} til år {b}?", TODAY).text
    back = engine.ask(f"hvor mye endres tilskuddet fra år {b} til år {a}?", TODAY).text
    amount = fmt.kroner(abs(rate(kb, a) - rate(kb, b)))
    assert amount in there.splitlines()[0] and amount in back.splitlines()[0]
    assert ("ned" in there.splitlines()[0]) != ("ned" in back.splitlines()[0])


@MAX_EXAMPLES
@given(
    first=st.integers(min_value=1, max_value=4),
    last=st.integers(min_value=1, max_value=4),
    positions=st.fractions(min_value=Fraction(1, 100), max_value=50, max_denominator=100),
)
def test_a_sum_over_grant_years_equals_the_sum_of_its_years(
    first: int, last: int, positions: Fraction
) -> None:
    kb = shared_kb()
    span = ladder_calc.rusarbeid_span_total(kb, positions, first, last)
    low, high = sorted((first, last))
    parts = [ladder_calc.rusarbeid_grant_year(kb, positions, g).total for g in range(low, high + 1)]
    assert span.total == sum(parts)


@MAX_EXAMPLES
@given(
    first=st.integers(min_value=1, max_value=4),
    cost=st.integers(min_value=0, max_value=2_000_000),
    positions=st.integers(min_value=1, max_value=10),
)
def test_the_own_share_over_years_equals_the_sum_of_each_years_own_share(
    first: int, cost: int, positions: int
) -> None:
    kb = shared_kb()
    last = len(ladder(kb).steps)
    over = ladder_calc.rusarbeid_own_share(kb, positions, first, cost, through=last)
    parts = [
        ladder_calc.rusarbeid_own_share(kb, positions, g, cost).total
        for g in range(first, last + 1)
    ]
    assert over.total == sum(parts)


def test_a_follow_up_keeps_the_operation_and_changes_one_part_of_it(
    engine: Engine, kb: KnowledgeBase
) -> None:
    engine.ask("hvor mye går tilskuddet ned fra år 1 til år 2?", TODAY, chat="op")
    more = engine.ask("og for 2 årsverk?", TODAY, chat="op").text.splitlines()[0]
    assert fmt.kroner(2 * (rate(kb, 1) - rate(kb, 2))) in more
    single = engine.ask("og år 3?", TODAY, chat="op").text
    assert f"2 årsverk × {fmt.kroner(rate(kb, 3))}" in single
    assert "endring" not in single
