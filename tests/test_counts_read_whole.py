"""Every count of positions a question names is read: joined into one total, read as groups, or
declined; a scheme's name inside a start phrase; salary support; someone else's work.

Through the public interface (the Engine); every expected figure is computed here from the
knowledge base's ladder and cap, never written as a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.calc.rules import round_kroner
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


def cap(positions: Fraction) -> int:
    """Return the NAV cap for a number of positions, rounded half up to whole kroner."""
    return round_kroner(positions * int(cap_rule().per_position))


def measure_cap() -> int:
    """Return the NAV cap per measure (competence money)."""
    return int(cap_rule().per_measure)


def ask(question: str, today: dt.date = TODAY) -> tuple[str, bool]:
    """Ask a fresh engine and return the answer text and whether it counts as answered."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Ett NAV-tiltak har én 100 % stilling og én 50 % stilling. Hva er maks tilskudd "
            "med kompetansemidler?",
            lambda: cap(Fraction(3, 2)) + measure_cap(),
        ),
        (
            "NAV-tilskuddet: to hele stillinger og en 40 % stilling i samme tiltak, hva er "
            "øvre grense inkludert kompetanse?",
            lambda: cap(Fraction(12, 5)) + measure_cap(),
        ),
        (
            "NAV grant: one 100% position and one 50% position in one measure, what is the "
            "most we can get with the competence money?",
            lambda: cap(Fraction(3, 2)) + measure_cap(),
        ),
        (
            "NAV-tilskudd: to 100 %-stillinger og én 50 %-stilling i ett tiltak, hva er maks?",
            lambda: cap(Fraction(5, 2)) + measure_cap(),
        ),
        (
            "Ett NAV-tiltak med en hel og en halv stilling – hva er øvre grense med "
            "kompetansemidler?",
            lambda: cap(Fraction(3, 2)) + measure_cap(),
        ),
        (
            "NAV: 100 % + 50 % stilling i samme tiltak, maks tilskudd med kompetanse?",
            lambda: cap(Fraction(3, 2)) + measure_cap(),
        ),
        (
            "To NAV-tiltak med én 100 % stilling hver – hva er samlet maks per år inkludert "
            "kompetanse?",
            lambda: 2 * (cap(Fraction(1)) + measure_cap()),
        ),
    ],
)
def test_counts_of_positions_named_one_after_another_are_one_total(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert fmt.kroner(expected(), "nb") in text or fmt.kroner(expected(), "en") in text


@pytest.mark.parametrize(
    ("question", "positions", "grant_year"),
    [
        (
            "Kommunalt rusarbeid: 2 årsverk og et halvt årsverk i år 1, hva får vi?",
            Fraction(5, 2),
            1,
        ),
        (
            "Ett årsverk og en halv stilling i år 3 – hva blir tilskuddet til kommunalt rusarbeid?",
            Fraction(3, 2),
            3,
        ),
    ],
)
def test_counts_joined_in_one_grant_year_are_one_total_on_the_ladder(
    question: str, positions: Fraction, grant_year: int
) -> None:
    text, answered = ask(question)
    assert answered
    assert fmt.kroner(round_kroner(positions * rate(grant_year)), "nb") in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har tre årsverk i år 2 og ett nytt årsverk i år 1 i kommunalt rusarbeid. "
            "Hva blir samlet tilskudd?",
            lambda: 3 * rate(2) + rate(1),
        ),
        (
            "Kommunen har ett årsverk i år 4 og to nye årsverk i år 1 i kommunalt rusarbeid. "
            "Hva får vi til sammen?",
            lambda: rate(4) + 2 * rate(1),
        ),
        (
            "Vi har ett helt årsverk i år 3 og et halvt årsverk i år 2. Hva blir tilskuddet til "
            "sammen?",
            lambda: rate(3) + rate(2) // 2,
        ),
    ],
)
def test_a_new_position_in_a_grant_year_is_a_group_of_its_own(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert fmt.kroner(expected(), "nb") in text


@pytest.mark.parametrize(
    "question",
    [
        "Ett NAV-tiltak har to 100 % stillinger, og i tillegg en 60 % stilling i et annet "
        "tiltak. Hva er maks?",
        "NAV-tilskuddet: vi har 2 stillinger nå, og vurderer en halv stilling senere. Hva er "
        "maksimalt tilskudd?",
    ],
)
def test_several_counts_no_reading_puts_together_get_no_figure(question: str) -> None:
    text, answered = ask(question)
    assert not answered
    for positions in (Fraction(1), Fraction(2), Fraction(13, 5), Fraction(5, 2)):
        assert fmt.kroner(cap(positions), "nb") not in text
        assert fmt.kroner(cap(positions) + measure_cap(), "nb") not in text


@pytest.mark.parametrize(
    ("question", "start", "asked"),
    [
        (
            "Vi startet to stillinger med tilskudd til kommunalt rusarbeid i 2019. Hva får vi "
            "for dem i 2021?",
            2019,
            2021,
        ),
        (
            "Vi begynte med ett årsverk finansiert av kommunalt rusarbeid i 2018. Hva får vi "
            "i 2020?",
            2018,
            2020,
        ),
    ],
)
def test_a_scheme_name_inside_a_start_phrase_leaves_the_start_year_read(
    question: str, start: int, asked: int
) -> None:
    text, answered = ask(question)
    assert answered
    count = 2 if "to stillinger" in question else 1
    assert fmt.kroner(count * rate(asked - start + 1), "nb") in text.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye lønnsstøtte kan et NAV-tiltak få for én 100 % stilling i alle tre år?",
        "What is the most salary support a NAV measure can get for one full position over "
        "three years?",
    ],
)
def test_salary_support_is_the_positions_money_without_the_competence_money(
    question: str,
) -> None:
    text, answered = ask(question)
    assert answered
    salary = 3 * cap(Fraction(1))
    assert fmt.kroner(salary, "nb") in text or fmt.kroner(salary, "en") in text
    with_measure = 3 * (cap(Fraction(1)) + measure_cap())
    assert fmt.kroner(with_measure, "nb") not in text
    assert fmt.kroner(with_measure, "en") not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye gis per årsverk i tilskuddet til frivillige organisasjoners rusarbeid?",
        "Hva er satsen i år 1 for fylkeskommunens rusarbeid?",
    ],
)
def test_a_scheme_word_owned_by_someone_else_borrows_no_rate(question: str) -> None:
    text, answered = ask(question)
    assert not answered
    for grant_year in range(1, 5):
        assert fmt.kroner(rate(grant_year), "nb") not in text


def test_the_municipalitys_own_work_is_the_scheme_it_names() -> None:
    text, answered = ask("Hvor mye får vi til kommunens rusarbeid i år 2 for ett årsverk?")
    assert answered
    assert fmt.kroner(rate(2), "nb") in text


@pytest.mark.parametrize(
    ("question", "grant_year", "count", "then"),
    [
        (
            "Vi får 1 100 000 kr i år 2 i kommunalt rusarbeid. Hvor mange årsverk er det?",
            2,
            2,
            None,
        ),
        (
            "Hvor mange årsverk i år 3 av kommunalt rusarbeid tilsvarer et tilskudd på "
            "1 320 000 kr?",
            3,
            3,
            None,
        ),
        (
            "Vi fikk 1 980 000 kr i tilskudd for årsverkene våre i år 1. Hvor mange årsverk "
            "er det, og hva får de samme årsverkene i år 2?",
            1,
            3,
            2,
        ),
    ],
)
def test_a_grant_received_in_a_grant_year_gives_the_positions_it_pays_for(
    question: str, grant_year: int, count: int, then: int | None
) -> None:
    text, answered = ask(question)
    assert answered
    assert f"= {count} årsverk" in text
    assert fmt.kroner(count * rate(grant_year), "nb") in text
    if then is not None:
        assert fmt.kroner(count * rate(then), "nb") in text


def test_a_grant_no_whole_count_matches_gives_the_exact_share_of_positions() -> None:
    text, answered = ask(
        "Vi får 500 000 kr i år 2 i kommunalt rusarbeid. Hvor mange årsverk er det?"
    )
    assert answered
    assert fmt.positions(Fraction(500_000, rate(2)), "nb") in text


@pytest.mark.parametrize(
    ("question", "count"),
    [
        (
            "Stillingene våre (2 stk.) fikk første tilskudd til kommunalt rusarbeid i 2019. "
            "Hva får vi for dem i 2021?",
            2,
        ),
        ("Vi har 3 stk. årsverk i år 2 i kommunalt rusarbeid. Hva får vi?", 3),
    ],
)
def test_a_count_in_pieces_is_a_count_of_positions(question: str, count: int) -> None:
    text, answered = ask(question)
    assert answered
    assert fmt.kroner(count * rate(3 if "2019" in question else 2), "nb") in text


def test_a_count_after_what_it_is_for_asks_a_figure_not_the_purpose() -> None:
    engine = Engine(kb())
    answer = engine.ask(
        "How much is the grant per full-time position in year 2 of the municipal substance "
        "abuse grant, and what is it for 3 positions?",
        TODAY,
        chat="c",
    )
    assert answer.answered
    assert fmt.kroner(rate(2), "en") in answer.text
    assert fmt.kroner(3 * rate(2), "en") in answer.text
