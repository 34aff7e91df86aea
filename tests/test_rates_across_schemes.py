"""Two schemes' rates set against each other, and money per measure with no scheme named."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import asof, fmt
from bot.calc import cap as cap_calc
from bot.calc import errors as calc_errors
from bot.calc import ladder as ladder_calc
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.schema import CapRule

TODAY = dt.date(2026, 12, 1)
NAV = "nav-sosiale-tjenester"
RUS = "kommunalt-rusarbeid"


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    """One engine over the bundled knowledge base."""
    return Engine(kb)


def cap(kb: KnowledgeBase) -> CapRule:
    """The NAV cap rule."""
    return next(r for r in kb.schemes[NAV].rules if isinstance(r, CapRule))


def ladder_rate(kb: KnowledgeBase, grant_year: int) -> int:
    """The ladder's figure for one position in a grant year."""
    return ladder_calc.rusarbeid_grant_year(kb, 1, grant_year).total


@pytest.mark.parametrize("grant_year", [1, 2, 3, 4])
def test_the_rate_difference_of_two_schemes_is_the_cap_per_position_minus_the_ladder_rate(
    kb: KnowledgeBase, grant_year: int
) -> None:
    one, _other, change = cap_calc.position_rates_difference(kb, NAV, RUS, 1, grant_year)
    assert one.total == cap(kb).per_position
    assert change == cap(kb).per_position - ladder_rate(kb, grant_year)


def test_a_ladder_rate_without_a_grant_year_is_an_error(kb: KnowledgeBase) -> None:
    with pytest.raises(calc_errors.CalcError):
        cap_calc.position_rate(kb, RUS, 1, None)


@pytest.mark.parametrize(
    ("question", "first", "grant_year", "lang"),
    [
        (
            "Hvor mye mer gir NAV-tilskuddet per stilling enn kommunalt rusarbeid i år 3?",
            NAV,
            3,
            "nb",
        ),
        (
            "Hvor mye mindre gir rusarbeid-tilskuddet i år 4 enn NAV-tilskuddet per stilling?",
            RUS,
            4,
            "nb",
        ),
        (
            "Hvor stor er forskjellen på NAV-ordningen og kommunalt rusarbeid per årsverk i år 1?",
            NAV,
            1,
            "nb",
        ),
        (
            "How much more does the NAV grant give per position than rusarbeid in year 2?",
            NAV,
            2,
            "en",
        ),
    ],
)
def test_a_question_setting_two_schemes_rates_against_each_other_gets_their_difference(
    engine: Engine, kb: KnowledgeBase, question: str, first: str, grant_year: int, lang: str
) -> None:
    answer = engine.ask(question, TODAY)
    text = answer.text
    change = abs(cap(kb).per_position - ladder_rate(kb, grant_year))
    assert answer.answered
    assert fmt.kroner(change, lang) in text  # type: ignore[arg-type]
    assert fmt.kroner(cap(kb).per_position, lang) in text  # type: ignore[arg-type]


def test_two_schemes_rates_without_the_ladders_grant_year_ask_for_it(engine: Engine) -> None:
    answer = engine.ask(
        "Hvor mye mer gir NAV-tilskuddet per stilling enn kommunalt rusarbeid?", TODAY
    )
    assert not answer.answered
    assert "tilskuddsår" in "\n".join(answer.paragraphs)


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Hvor mye kan man få per tiltak til kompetanse?", "nb"),
        ("Hvor mye gis det per tiltak til kompetanse, f.eks. evaluering?", "nb"),
        ("How much is given per measure for competence such as design?", "en"),
        ("Hvor mye kan NAV-tilskuddet gi til kompetanse per tiltak?", "nb"),
    ],
)
def test_money_per_measure_with_no_scheme_named_is_the_cap_rules_measure_money(
    engine: Engine, kb: KnowledgeBase, question: str, lang: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.intent == "amount"
    assert fmt.kroner(cap(kb).per_measure, lang) in "\n".join(answer.paragraphs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "grant_year", "lang"),
    [
        ("What is the grant per full-time position (årsverk) in year 2 of rusarbeid?", 2, "en"),
        ("Hva gis per hel stilling (årsverk) i år 4 i kommunalt rusarbeid?", 4, "nb"),
        ("What does the substance abuse grant give per FTE (årsverk) in year 1?", 1, "en"),
    ],
)
def test_a_rate_per_position_of_a_grant_year_is_the_ladder_figure_not_a_passage_on_arsverk(
    engine: Engine, kb: KnowledgeBase, question: str, grant_year: int, lang: str
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.intent == "amount"
    assert fmt.kroner(ladder_rate(kb, grant_year), lang) in answer.text  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("question", "scheme", "answered"),
    [
        ("Til og med hvilket år gis tilskudd til kommunalt rusarbeid?", RUS, True),
        ("Up to which year is the municipal substance abuse grant given?", RUS, True),
        ("Til og med hvilket år kan NAV-tilskuddet gis?", NAV, False),
        ("Fram til hvilket år kan et nytt team i voksne-ordningen få tilskudd?", None, False),
    ],
)
def test_the_last_year_asked_without_a_start_year_is_the_described_end_or_asks_for_the_start(
    engine: Engine, kb: KnowledgeBase, question: str, scheme: str | None, answered: bool
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.answered is answered
    end = asof.grant_end(kb.schemes[scheme]) if scheme else None
    if end is not None:
        assert str(end) in answer.text
    else:
        assert "startår" in answer.text or "start year" in answer.text
    # never a ladder amount or an appropriation for a question about a year
    assert "×" not in answer.text and "millioner" not in answer.text


@pytest.mark.parametrize(
    ("question", "positions", "lang"),
    [
        ("Hva kan vi maks få i alt for 2 stillinger i NAV-tilskuddet?", 2, "nb"),
        ("What is the most we can get in total for one position in the NAV grant?", 1, "en"),
    ],
)
def test_a_cap_total_asked_with_no_years_gives_the_year_and_the_most_years(
    engine: Engine, kb: KnowledgeBase, question: str, positions: int, lang: str
) -> None:
    answer = engine.ask(question, TODAY)
    most = cap_calc.nav_max_years(kb)
    year = cap_calc.nav_grant(kb, positions).total
    whole = cap_calc.nav_grant(kb, positions, years=most).total
    assert fmt.kroner(year, lang) in answer.text  # type: ignore[arg-type]
    assert fmt.kroner(whole, lang) in answer.text  # type: ignore[arg-type]


def national(kb: KnowledgeBase, scheme: str, year: int) -> int:
    """A scheme's national appropriation in a year."""
    return next(
        a.amount
        for a in kb.schemes[scheme].appropriations
        if a.year == year and a.scope == "nasjonal"
    )


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye mer fikk kommunalt rusarbeid i 2021 enn de to andre ordningene til sammen?",
        "How much more did the substance abuse grant get in 2021 than the two other schemes?",
    ],
)
def test_the_other_schemes_of_a_comparison_are_those_with_money_that_year(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    others = [
        sid
        for sid, s in kb.schemes.items()
        if sid != RUS and any(a.year == 2021 and a.scope == "nasjonal" for a in s.appropriations)
    ]
    change = national(kb, RUS, 2021) - sum(national(kb, sid, 2021) for sid in others)
    assert answer.intent == "appropriation"
    assert f"{change // 1_000_000}" in answer.text
    assert "×" not in answer.text


def test_a_count_of_other_schemes_that_does_not_fit_resolves_nothing(engine: Engine) -> None:
    u = engine.understand(
        "Hvor mye mer fikk kommunalt rusarbeid i 2021 enn de fire andre ordningene?", None, TODAY
    )
    assert "schemes_first" not in u.slots


@pytest.mark.parametrize(
    ("last", "lead"),
    [
        ("hvilken av dem går ut først?", "Først ut"),
        ("hvilken av de to har siste frist?", "Sist ut"),
        ("which of them is first?", "First"),
    ],
)
def test_which_of_the_deadlines_asked_before_comes_first_or_last(
    kb: KnowledgeBase, last: str, lead: str
) -> None:
    engine = Engine(kb)
    engine.ask("Søknadsfrist for kommunalt rusarbeid i 2022?", TODAY, chat="t")
    engine.ask("og NAV-tilskuddet?", TODAY, chat="t")
    answer = engine.ask(last, TODAY, chat="t")
    assert answer.intent == "deadline"
    assert answer.text.startswith(lead)
    dates = {
        sid: min(
            e.deadline.date
            for e in kb.deadlines()
            if e.scheme_id == sid
            and e.deadline.year == 2022
            and e.deadline.date
            and e.deadline.kind.value == "application"
        )
        for sid in (RUS, NAV)
    }
    pick = min if lead in ("Først ut", "First") else max
    day = pick(dates.values())
    lang = "en" if lead == "First" else "nb"
    assert fmt.long_date(day, lang) in answer.text.split("\n")[0]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "first",
    [
        "Vi hadde rustilskudd i 2021. Kan vi søke nå?",
        "Kommunen fikk NAV-tilskudd i 2020. Kan vi søke igjen?",
    ],
)
def test_a_year_a_grant_was_had_is_not_the_year_a_follow_up_asks_about(
    kb: KnowledgeBase, first: str
) -> None:
    engine = Engine(kb)
    day = dt.date(2022, 1, 28)
    engine.ask(first, day, chat="f")
    answer = engine.ask("Hva er fristen?", day, chat="f")
    assert answer.intent == "deadline"
    assert "year" not in answer.slots
    assert "2022" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hva er bevilgningen til kommunalt rusarbeid i 2021, og hvor mye er det til sammen for "
        "alle ordningene?",
        "Hvor mye får alle ordningene til sammen i 2021?",
    ],
)
def test_money_of_all_the_schemes_is_their_appropriations_summed_never_a_ladder_total(
    engine: Engine, kb: KnowledgeBase, question: str
) -> None:
    answer = engine.ask(question, TODAY)
    funded = [
        sid
        for sid, s in kb.schemes.items()
        if any(a.year == 2021 and a.scope == "nasjonal" for a in s.appropriations)
    ]
    total = sum(national(kb, sid, 2021) for sid in funded)
    assert fmt.kroner(total, "nb") in answer.text
    assert "×" not in answer.text


def test_money_of_all_the_schemes_with_no_year_is_not_guessed(engine: Engine) -> None:
    answer = engine.ask("Hvor mye får alle ordningene til sammen?", TODAY)
    assert not answer.answered
    assert "×" not in answer.text


@pytest.mark.parametrize(
    ("question", "grant_year"),
    [
        ("Hvilket år i nedtrappingen er vi i 2021 hvis vi startet i 2019?", 3),
        ("Hvilket år på stigen er vi i 2020 når stillingen startet i 2019?", 2),
    ],
)
def test_which_year_of_the_wind_down_a_start_and_a_calendar_year_give_is_a_grant_year(
    engine: Engine, kb: KnowledgeBase, question: str, grant_year: int
) -> None:
    answer = engine.ask(question, TODAY)
    assert answer.intent == "amount"
    assert f"tilskuddsår {grant_year}" in answer.text
    assert fmt.kroner(ladder_rate(kb, grant_year), "nb") in answer.text
