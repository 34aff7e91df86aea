"""Arithmetic over the rules: shares of a position, spans of grant years, groups, caps.

Through the public interface (the Engine); every expected figure is computed here from the
knowledge base's ladder and cap, never written as a number.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from bot import fmt
from bot.calc import ladder as ladder_calc
from bot.calc import results as calc_results
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


@cache
def engine() -> Engine:
    """Build one engine over the knowledge base."""
    return Engine(kb())


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return rule.steps[grant_year - 1].amount


def cap() -> int:
    """Return the NAV cap per 100 % position."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return int(rule.per_position)


def shows(text: str, amount: int) -> bool:
    """Tell whether an answer shows an amount, as the bokmål or the English answers write it."""
    return fmt.kroner(amount, "nb") in text or fmt.kroner(amount, "en") in text


def ask(question: str) -> tuple[str, bool]:
    """Ask the engine and return the answer text and whether it counts as answered."""
    answer = engine().ask(question, TODAY)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Ei 60 %-stilling i kommunalt rusarbeid kostar 450 000 kr i år 2. Kva blir eigendelen?",
            lambda: 450_000 - rate(2) * 3 // 5,
        ),
        (
            "En halv stilling i år 4 av kommunalt rusarbeid koster 300 000 kr. Egenandel?",
            lambda: 300_000 - rate(4) // 2,
        ),
        (
            "En 50 % stilling i NAV-tilskuddet koster 400 000 kr. Hva betaler kommunen selv?",
            lambda: 400_000 - cap() // 2,
        ),
    ],
)
def test_a_cost_stated_for_one_share_of_a_position_is_what_that_position_costs(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


def test_a_cost_stated_for_a_whole_position_is_still_scaled_by_the_share() -> None:
    text, _ = ask(
        "Vi har en 50 % stilling i kommunalt rusarbeid i år 2; et helt årsverk koster "
        "800 000 kr. Hva blir egenandelen?"
    )
    assert shows(text, 400_000 - rate(2) // 2)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Stillingen i kommunalt rusarbeid koster 720 000 kr. "
            "Egenandel til sammen for år 2 til 4?",
            lambda: sum(720_000 - rate(y) for y in (2, 3, 4)),
        ),
        (
            "A position costs NOK 750,000. What is our own share over the first three grant "
            "years of kommunalt rusarbeid?",
            lambda: sum(750_000 - rate(y) for y in (1, 2, 3)),
        ),
        (
            "Hva får vi i kommunalt rusarbeid for de tre siste årene til sammen for ett årsverk?",
            lambda: rate(2) + rate(3) + rate(4),
        ),
        (
            "Hva får vi for to årsverk i kommunalt rusarbeid i år 1 til 2 til sammen?",
            lambda: 2 * (rate(1) + rate(2)),
        ),
    ],
)
def test_a_span_of_grant_years_named_without_fra_is_summed_over_that_span(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har to årsverk i hvert av tilskuddsårene 2 til 4 i kommunalt rusarbeid. "
            "Hva blir tilskuddet i år?",
            lambda: 2 * (rate(2) + rate(3) + rate(4)),
        ),
        (
            "Kombinert: 1,5 årsverk år 1 og 0,5 årsverk år 3 i kommunalt rusarbeid. Sum?",
            lambda: rate(1) * 3 // 2 + rate(3) // 2,
        ),
        (
            "Vi har ett årsverk i år 1 og to årsverk i år 3 i kommunalt rusarbeid. "
            "Hva får vi i år?",
            lambda: rate(1) + 2 * rate(3),
        ),
    ],
)
def test_groups_of_positions_in_named_grant_years_are_answered_even_when_asked_for_i_ar(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


def test_i_ar_without_a_grant_year_is_still_the_calendar_year() -> None:
    text, _answered = ask("Hvor mye får vi i kommunalt rusarbeid for 2 årsverk i år?")
    assert "etter 2024" in text


def test_nynorsk_aukar_asks_how_much_the_own_share_grows() -> None:
    text, answered = ask(
        "Stillinga kostar 700 000 kr. Kor mykje aukar eigendelen frå år 1 til år 2?"
    )
    assert answered
    assert shows(text, rate(1) - rate(2))


def measure_cap() -> int:
    """Return the NAV cap per measure (competence money)."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
    return int(rule.per_measure)


def competence() -> int:
    """Return the competence money included per årsverk in grant year 1."""
    rule = next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))
    return int(rule.steps[0].competence or 0)


@pytest.mark.parametrize(
    ("question", "positions"),
    [
        ("Hvor mye blir igjen til lønn av år 1-satsen når kompetansemidlene trekkes fra?", 1),
        ("Vi har 3 årsverk i år 1 i kommunalt rusarbeid. Hvor mye går til selve lønnen?", 3),
        ("How much of the year 1 rate for 2 FTEs is left for the positions themselves?", 2),
    ],
)
def test_the_year_one_amount_says_what_is_left_for_the_position_after_competence_money(
    question: str, positions: int
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, positions * (rate(1) - competence()))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har fire ulike tiltak med hver sin 25 %-stilling i NAV. Hva er maks inkludert "
            "kompetansemidler?",
            lambda: cap() + 4 * measure_cap(),
        ),
        (
            "Two separate measures in the NAV grant, each with a half-time position: "
            "what is the maximum?",
            lambda: cap() + 2 * measure_cap(),
        ),
        (
            "To tiltak med en hel stilling hver i NAV-tilskuddet. Maks tilskudd?",
            lambda: 2 * cap() + 2 * measure_cap(),
        ),
        (
            "Vi søker to tiltak med hver sin stilling, kompetansemidler til begge. Hva er maks?",
            lambda: 2 * cap() + 2 * measure_cap(),
        ),
    ],
)
def test_positions_each_measure_has_are_counted_for_every_measure_under_the_cap(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("NAV-tilskuddet for 2,5 stillinger, bare lønn?", (5, 2)),
        ("Maks NAV-tilskudd for 0,75 stilling, kun lønn og sosiale utgifter?", (3, 4)),
    ],
)
def test_salary_only_asks_for_the_positions_cap_without_measure_money(
    question: str, share: tuple[int, int]
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, cap() * share[0] // share[1])
    assert "× 10 000 kr = 0 kr" not in text


@pytest.mark.parametrize(
    ("groups", "cost"),
    [
        (((1, 1), (1, 4)), 760_000),
        (((2, 2), (1, 3)), 500_000),
        (((1, 3), (1, 5)), 600_000),
    ],
)
def test_the_own_share_of_groups_in_different_grant_years_is_the_sum_of_each_groups_share(
    groups: tuple[tuple[int, int], ...], cost: int
) -> None:
    result = ladder_calc.rusarbeid_mixed_own_share(
        kb(), [calc_results.LadderGroup(year, count) for count, year in groups], cost
    )
    expected = sum(
        max(0, count * cost - (count * rate(year) if year <= 4 else 0)) for count, year in groups
    )
    assert result.total == expected


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har 2 årsverk i år 1 og 1 årsverk i år 3 i kommunalt rusarbeid, hvert årsverk "
            "koster 700 000 kr. Hva blir egenandelen i år?",
            lambda: 2 * (700_000 - rate(1)) + (700_000 - rate(3)),
        ),
        (
            "Two FTEs in kommunalt rusarbeid cost NOK 650,000 each; one is in year 2 and the "
            "other in year 4. What is our own share this year?",
            lambda: (650_000 - rate(2)) + (650_000 - rate(4)),
        ),
        (
            "To årsverk til 720 000 kr hver i kommunalt rusarbeid, det ene i år 3 og det andre "
            "i år 1. Hvor mye må vi finansiere selv?",
            lambda: (720_000 - rate(3)) + (720_000 - rate(1)),
        ),
    ],
)
def test_an_own_share_question_about_groups_in_grant_years_sums_the_groups_this_year(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


@pytest.mark.parametrize(
    ("question", "grant_year"),
    [
        (
            "Stillingen fikk første tilskudd i kommunalt rusarbeid i 2018. Hvilket tilskuddsår "
            "er vi i 2020, og hva er satsen da?",
            3,
        ),
        ("En stilling fikk rusarbeidstilskudd fra 2019. Hva var satsen i 2019?", 1),
        ("Vi fikk tilskudd til kommunalt rusarbeid fra 2018. Hva er satsen i 2021?", 4),
    ],
)
def test_a_start_year_and_a_calendar_year_place_the_position_on_the_ladder(
    question: str, grant_year: int
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, rate(grant_year))


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "Hvor mye mindre får vi i 2021 enn i 2020 for en stilling som fikk første "
            "tilskudd i kommunalt rusarbeid i 2019?",
            2,
            3,
        ),
        (
            "A position in kommunalt rusarbeid first got a grant in 2018. How much less do we "
            "get in 2020 than in 2019?",
            2,
            3,
        ),
    ],
)
def test_a_difference_between_calendar_years_from_a_start_year_says_the_change(
    question: str, first: int, second: int
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, rate(first) - rate(second))


def test_fikk_tilskudd_from_one_year_to_another_is_a_span_not_a_start() -> None:
    u = engine().understander.understand("Hva fikk vi i tilskudd fra 2018 til 2020?")
    assert "start_year" not in u.slots


@pytest.mark.parametrize(
    ("question", "words"),
    [
        (
            "Hvor stor del av satsen i år 1 får vi det siste året i kommunalt rusarbeid?",
            "halvparten",
        ),
        ("What share of the year 1 rate do we get in year 3 of kommunalt rusarbeid?", "two thirds"),
        ("Kor stor del av satsen i år 2 får vi i år 4 i kommunalt rusarbeid?", "er 60 %"),
    ],
)
def test_a_share_of_one_grant_years_rate_in_another_is_said_in_words_or_per_cent(
    question: str, words: str
) -> None:
    text, answered = ask(question)
    assert answered
    assert words in text


def test_a_share_below_an_exact_tenth_of_a_per_cent_is_marked_as_approximate() -> None:
    text, _ = ask("Hvor stor andel av år 1-satsen får vi i år 2 i kommunalt rusarbeid?")
    assert "omtrent 83,3 %" in text


@pytest.mark.parametrize(
    "question",
    [
        "To spørsmål: hva er satsen i år 2 i kommunalt rusarbeid, og hva er maks per stilling "
        "i NAV-tilskuddet?",
        "Two questions: what is the year 2 rate in kommunalt rusarbeid, and what is the NAV "
        "grant's maximum per position?",
    ],
)
def test_a_short_lead_in_before_two_questions_still_gets_both_answers(question: str) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, rate(2))
    assert shows(text, cap())


def converse(today: dt.date, *questions: str) -> list[tuple[str, bool]]:
    """Ask questions in one fresh chat and return each answer's text and answered flag."""
    chat = Engine(kb())
    out = []
    for question in questions:
        answer = chat.ask(question, today, chat="conversation")
        out.append((answer.text, answer.answered))
    return out


def test_a_follow_up_adding_the_competence_money_keeps_the_positions_and_the_scheme() -> None:
    *_, (text, answered) = converse(
        TODAY,
        "Hva er maks NAV-tilskudd for en 60 % stilling, bare lønn?",
        "og med kompetansemidlene i tillegg?",
    )
    assert answered
    assert shows(text, cap() * 3 // 5 + measure_cap())


def test_the_year_after_that_follows_the_year_of_the_previous_question() -> None:
    answers = converse(
        dt.date(2021, 3, 1),
        "Vi fikk tilskudd til en ny stilling i kommunalt rusarbeid første gang i 2020. "
        "Hva får vi i år?",
        "og satsen neste år?",
        "enn året etter det?",
    )
    assert [answered for _t, answered in answers] == [True, True, True]
    assert shows(answers[0][0], rate(2))
    assert "2022" in answers[1][0]
    assert "2023" in answers[2][0]


def test_a_new_relative_year_is_not_overridden_by_the_previous_questions_year() -> None:
    *_, (text, _answered) = converse(
        dt.date(2022, 1, 28),
        "Hvem kunne søke kommunalt rusarbeid i 2021?",
        "Og satsen neste år?",
    )
    assert "2023" in text


def test_how_much_less_than_this_year_compares_the_previous_questions_year_with_today() -> None:
    *_, (text, answered) = converse(
        dt.date(2021, 3, 1),
        "Vi fikk tilskudd til en ny stilling i kommunalt rusarbeid første gang i 2020. "
        "Hva får vi i år?",
        "og neste år?",
        "Hvor mye mindre er det enn i år?",
    )
    assert answered
    assert shows(text, rate(2) - rate(3))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har ett årsverk i hvert av de fire tilskuddsårene i kommunalt rusarbeid. "
            "Hva får vi i år?",
            lambda: sum(rate(y) for y in (1, 2, 3, 4)),
        ),
        (
            "To årsverk i hvert av de tre tilskuddsårene i kommunalt rusarbeid – hva blir det?",
            lambda: 2 * sum(rate(y) for y in (1, 2, 3)),
        ),
        (
            "NAV: tre tiltak, hvert med 0,5 stilling. Maks?",
            lambda: cap() * 3 // 2 + 3 * measure_cap(),
        ),
        (
            "Kor mykje får vi i NAV-tilskotet for to tiltak med kvar si halve stilling?",
            lambda: cap() + 2 * measure_cap(),
        ),
    ],
)
def test_counts_given_for_each_year_or_each_measure_are_multiplied_out(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


def test_what_is_left_after_the_competence_money_is_not_the_rest_of_the_ladder() -> None:
    text, answered = ask(
        "How much of the year-1 amount is left for salary after the competence funds?"
    )
    assert answered
    assert shows(text, rate(1) - competence())
    assert "years 1–4" not in text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Stemmer det at NAV gir 1 220 000 kr for 2 stillinger, bare lønn?", "Ja"),
        ("Stemmer det at NAV gir 1 230 000 kr for 2 stillinger, kun lønn?", "Nei"),
        (
            "Stemmer det at vi får 1 320 000 kr i år for ett årsverk i hvert av "
            "tilskuddsårene 2 til 4?",
            "Ja",
        ),
        (
            "Stemmer det at en 50 %-stilling i NAV som koster 400 000 kr gir 95 000 kr i "
            "egenandel?",
            "Ja",
        ),
    ],
)
def test_a_figure_claimed_for_positions_gets_a_verdict(question: str, verdict: str) -> None:
    text, answered = ask(question)
    assert answered
    assert text.startswith(verdict)


def test_a_wrong_own_share_under_the_nav_cap_is_corrected_as_an_own_share() -> None:
    text, _ = ask(
        "Stemmer det at en 50 %-stilling i NAV som koster 400 000 kr gir 50 000 kr i egenandel?"
    )
    assert text.startswith("Nei")
    assert "egenandelen er " + fmt.kroner(400_000 - cap() // 2) in text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Tre 40 %-stillinger i år 2 av kommunalt rusarbeid, hva får vi?",
            lambda: rate(2) * 6 // 5,
        ),
        (
            "Vi har to stillinger på 50 % i NAV som koster 350 000 kr hver. Egenandel?",
            lambda: 700_000 - cap(),
        ),
        (
            "To stillingar på 50 % i NAV kostar 350 000 kr kvar. Kva blir eigendelen?",
            lambda: 700_000 - cap(),
        ),
        (
            "Two 50% positions in year 1 of kommunalt rusarbeid cost NOK 380,000 each. Own share?",
            lambda: 760_000 - rate(1),
        ),
    ],
)
def test_several_positions_of_one_share_each_count_as_their_sum_and_cost_each(
    question: str, expected: object
) -> None:
    text, answered = ask(question)
    assert answered
    assert shows(text, expected())  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "Stemmer det at NAV-tilskuddet bare gis i ett år?",
        "Hvor mange år kan et tiltak få NAV-tilskuddet?",
        "Kor mange år kan NAV-kontoret få tilskot til same tiltak?",
    ],
)
def test_a_question_about_how_many_years_a_grant_runs_gets_the_duration(question: str) -> None:
    text, answered = ask(question)
    assert answered
    assert "tre år" in text


def test_an_english_answer_quotes_the_translation_of_the_source_sentence() -> None:
    text, answered = ask("For how long is the NAV grant usually given, and can it be extended?")
    assert answered
    assert "three years" in text
