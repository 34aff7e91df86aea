"""Ladder questions of many shapes: start-year groups, listed grant years, the whole ladder, costs.

Through the public interface (the Engine); every expected figure is computed here from the
knowledge base's ladder, never written as a number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cache

import pytest

from bot import fmt
from bot.calc import deadlines as deadline_calc
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule

TODAY = dt.date(2026, 11, 23)


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def ladder() -> LadderRule:
    """Return the ladder rule of kommunalt rusarbeid."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    return ladder().steps[grant_year - 1].amount


def whole_ladder() -> int:
    """Return the sum of the ladder's amounts per årsverk over all its grant years."""
    return sum(step.amount for step in ladder().steps)


def shows(text: str, amount: int) -> bool:
    """Tell whether an answer shows an amount, as the bokmål or the English answers write it."""
    return fmt.kroner(amount, "nb") in text or fmt.kroner(amount, "en") in text


def ask(question: str, today: dt.date = TODAY) -> tuple[str, bool]:
    """Ask a fresh engine and return the answer text and whether it counts as answered."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har ett årsverk som fikk rustilskudd første gang i 2019 og ett som fikk første "
            "gang i 2020. Hva får vi for dem i 2021?",
            lambda: rate(3) + rate(2),
        ),
        (
            "Tre stillinger startet med tilskudd til kommunalt rusarbeid i 2019 og én startet i "
            "2021. Hva fikk vi i 2021?",
            lambda: 3 * rate(3) + rate(1),
        ),
        (
            "I 2021 hadde vi to årsverk i kommunalt rusarbeid som startet i 2019 og ett nytt "
            "årsverk fra 2021. Hva ble tilskuddet det året?",
            lambda: 2 * rate(3) + rate(1),
        ),
        (
            "Én ruskonsulentstilling fikk tilskudd for første gang i 2018 og én i 2020. Hva fikk "
            "de i kommunalt rusarbeid i 2021?",
            lambda: rate(4) + rate(2),
        ),
        (
            "Hva får vi i 2021 for ett årsverk i rusarbeid fra 2019 og to fra 2020?",
            lambda: rate(3) + 2 * rate(2),
        ),
        (
            "Vi har to russtillinger: den ene fikk tilskudd første gang i 2018, den andre i 2020. "
            "Hva får vi i 2021?",
            lambda: rate(4) + rate(2),
        ),
        (
            "To årsverk har fått rustilskudd siden 2020, og ett nytt årsverk kom til i 2021. Hva "
            "er tilskuddet i 2021?",
            lambda: 2 * rate(2) + rate(1),
        ),
        (
            "Kommunen fikk tilskudd til 1 årsverk i 2019 og til 2 nye årsverk i 2021 i "
            "kommunalt rusarbeid. Hva fikk vi i 2021?",
            lambda: rate(3) + 2 * rate(1),
        ),
        (
            "One FTE got its first grant in 2019 and two in 2021. What does the municipal "
            "substance abuse grant give us in 2021?",
            lambda: rate(3) + 2 * rate(1),
        ),
    ],
)
def test_positions_grouped_by_start_year_in_many_wordings_get_the_ladder_year_of_each_group(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Vi har fire stillinger i kommunalt rusarbeid, én i hvert av år 1, 2, 3 og 4. Hva "
            "får vi til sammen?",
            lambda: whole_ladder(),
        ),
        (
            "Kommunalt rusarbeid: to årsverk i hvert av år 2 og 4 – hva blir tilskuddet samlet?",
            lambda: 2 * (rate(2) + rate(4)),
        ),
        (
            "Municipal substance abuse grant: one FTE in each of years 1, 3 and 4. What is the "
            "total grant?",
            lambda: rate(1) + rate(3) + rate(4),
        ),
    ],
)
def test_the_same_count_in_each_grant_year_listed_is_one_group_per_year(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Tre årsverk følger hele avkortningsstigen i kommunalt rusarbeid. Hva blir samlet "
            "tilskudd?",
            lambda: 3 * whole_ladder(),
        ),
        (
            "Hva får ett årsverk til sammen gjennom hele nedtrappingsstigen fra år 1 til år 4 i "
            "kommunalt rusarbeid?",
            lambda: whole_ladder(),
        ),
        (
            "Ett årsverk i kommunalt rusarbeid koster 700 000 kr i året. Hva blir samlet "
            "egenandel over fire år med full avkortingsstige?",
            lambda: 4 * 700_000 - whole_ladder(),
        ),
    ],
)
def test_a_ladder_named_by_its_reduction_word_is_no_question_of_change(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text
    assert "endring år" not in text, text


@pytest.mark.parametrize(
    ("question", "cost_of_share"),
    [
        (
            "Hva blir egenandelen over fire år for et halvt årsverk i kommunalt rusarbeid når "
            "det halve årsverket koster 380 000 kr i året?",
            380_000,
        ),
        (
            "Et halvt årsverk i kommunalt rusarbeid; den halve stillingen koster 390 000 kr i "
            "året. Hva betaler kommunen selv i alle fire årene?",
            390_000,
        ),
    ],
)
def test_a_cost_stated_for_the_half_position_itself_is_not_halved_again(
    question: str, cost_of_share: int
) -> None:
    text, answered = ask(question)
    assert answered, text
    half_grants = sum(step.amount // 2 for step in ladder().steps)
    assert shows(text, 4 * cost_of_share - half_grants), text


def nav_cap() -> int:
    """Return the NAV cap per 100 % position."""
    return int(next(r for _s, r in kb().all_rules() if isinstance(r, CapRule)).per_position)


def competence(grant_year: int) -> int:
    """Return the competence money a ladder year includes per årsverk (0 when none)."""
    return ladder().steps[grant_year - 1].competence or 0


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvor mye mer gir år 1 i rusarbeid enn NAV-tilskuddet per stilling når vi ser bort "
            "fra kompetansemidlene?",
            lambda: rate(1) - competence(1) - nav_cap(),
        ),
        (
            "Forskjellen per stilling mellom NAV-tilskuddet og år 1 i kommunalt rusarbeid, når "
            "kompetansemidlene holdes utenfor?",
            lambda: nav_cap() - (rate(1) - competence(1)),
        ),
        (
            "How much more does year 1 of the municipal substance abuse grant give than the NAV "
            "grant per position, excluding the competence money?",
            lambda: rate(1) - competence(1) - nav_cap(),
        ),
        (
            "Hva er differansen mellom maksbeløpet per stilling i NAV-tilskuddet 2020 og satsen "
            "for år 1 i kommunalt rusarbeid?",
            lambda: nav_cap() - rate(1),
        ),
    ],
)
def test_two_schemes_rates_compare_without_competence_money_and_in_a_year_both_rules_cover(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text


def test_rates_compared_in_a_year_one_scheme_has_no_rule_for_give_no_figure() -> None:
    text, answered = ask(
        "Hva er forskjellen mellom maks stillingstilskudd i NAV-ordningen 2023 og år 1 i "
        "kommunalt rusarbeid?"
    )
    assert not answered, text
    assert not shows(text, abs(nav_cap() - rate(1))), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hva får to årsverk i år 1 i kommunalt rusarbeid uten kompetansemidlene?",
            lambda: 2 * (rate(1) - competence(1)),
        ),
        (
            "Hva får ett årsverk gjennom hele stigen i kommunalt rusarbeid, eksklusive "
            "kompetansemidler?",
            lambda: whole_ladder() - competence(1),
        ),
    ],
)
def test_a_grant_without_its_competence_money_leads_with_the_grant_less_that_money(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert text.splitlines()[0].endswith(fmt.kroner(expected(), "nb") + "."), text


def test_a_change_from_year_1_without_competence_money_is_declined_not_reckoned_with_it() -> None:
    text, answered = ask(
        "Hvor mye mindre gir år 2 enn år 1 i kommunalt rusarbeid når vi ser bort fra "
        "kompetansemidlene?"
    )
    assert not answered, text
    assert not shows(text, rate(1) - rate(2)), text


@pytest.mark.parametrize(
    "question",
    [
        "Stemmer det at et årsverk i kommunalt rusarbeid får tilskudd i år 5 også?",
        "Kan vi få rustilskudd for et sjette år for samme årsverk?",
        "Is it true that the municipal substance abuse grant gives 200 000 per FTE in year 5?",
    ],
)
def test_a_premise_about_a_grant_year_past_the_ladder_is_answered_no(question: str) -> None:
    text, _answered = ask(question)
    assert text.startswith(("Nei", "No")), text


@pytest.mark.parametrize(
    "question",
    [
        "Får små kommuner 15 % påslag på tilskuddet til kommunalt rusarbeid?",
        "Hva blir tilskuddet i år 2 for ett årsverk i rusarbeid med et tillegg på 10 %?",
        "Gir NAV-tilskuddet 5 % ekstra per stilling for distriktskommuner?",
        "Is there a 10% uplift on the municipal substance abuse grant for rural municipalities?",
        "Hvor mye blir rustilskuddet i år 3 med 2,5 % lønnsjustering?",
        "Blir tilskuddet til kommunalt rusarbeid indeksregulert med 4 % i året?",
        "Kan vi få 110 % av satsen i rusarbeid for en stilling i en distriktskommune?",
    ],
)
def test_a_percentage_change_to_the_grant_the_sources_never_give_is_declined_not_reckoned(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert "årsverk ×" not in text and "FTE ×" not in text, text
    assert not shows(text, rate(1) // 10) and not shows(text, rate(3) // 40), text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange prosent av lønnskostnaden må kommunen selv dekke i kommunalt rusarbeid?",
        "Hva er egenandelen i prosent for tilskuddet til kommunalt rusarbeid?",
        "What percentage is the own share in the municipal substance abuse grant?",
    ],
)
def test_an_own_share_asked_as_a_percentage_without_a_cost_says_the_rules_set_none(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered, text
    said = ("ingen prosentsats", "ikke noe antall prosent", "no percentage", "no number of per")
    assert any(words in text for words in said), text


def test_an_own_share_percentage_with_a_cost_is_still_worked_out() -> None:
    text, answered = ask(
        "Hvor mange prosent av lønnskostnaden betaler vi selv i år 3 når et årsverk i "
        "kommunalt rusarbeid koster 880 000 kr?"
    )
    assert answered, text
    assert "50 %" in text and shows(text, 880_000 - rate(3)), text


@pytest.mark.parametrize(
    ("first", "second", "between", "later"),
    [
        (dt.date(2021, 2, 10), dt.date(2022, 2, 15), 370, 5),
        (dt.date(2020, 3, 1), dt.date(2021, 2, 10), 346, -19),
        (dt.date(2020, 2, 29), dt.date(2021, 3, 1), 366, 0),
        (dt.date(2021, 5, 1), dt.date(2021, 5, 1), 0, 0),
    ],
)
def test_deadline_shift_counts_the_days_between_and_date_against_date(
    first: dt.date, second: dt.date, between: int, later: int
) -> None:
    assert deadline_calc.deadline_shift(first, second) == (between, later)


def deadline_of(scheme: str, year: int) -> dt.date:
    """Return the one dated application deadline of a scheme in a year."""
    dates = [
        e.deadline.date
        for e in kb().deadlines()
        if e.scheme_id == scheme
        and e.deadline.year == year
        and e.deadline.kind.value == "application"
        and e.deadline.date is not None
    ]
    assert len(dates) == 1
    return dates[0]


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange dager senere kom søknadsfristen for rusarbeid i 2022 enn i 2021?",
        "Hvor mange dager var det mellom søknadsfristen i 2021 og 2022 for kommunalt rusarbeid?",
        "How many days later was the application deadline for the municipal substance abuse "
        "grant in 2022 than in 2021?",
    ],
)
def test_two_years_deadlines_are_set_apart_in_days_and_date_against_date(question: str) -> None:
    text, answered = ask(question)
    assert answered, text
    first, second = (deadline_of("kommunalt-rusarbeid", y) for y in (2021, 2022))
    between, later = deadline_calc.deadline_shift(first, second)
    assert f"{between} " in text and f"{later} " in text, text
    assert fmt.long_date(second, "nb") in text or fmt.long_date(second, "en") in text, text


def test_positions_funded_in_two_years_without_a_new_word_are_no_start_groups() -> None:
    # 'fikk tilskudd til 2 årsverk i 2019 og 1 årsverk i 2020' may be the same positions
    text, _answered = ask(
        "Kommunen fikk tilskudd til 2 årsverk i 2019 og 1 årsverk i 2020 i kommunalt "
        "rusarbeid. Hva får vi i 2021?"
    )
    assert not shows(text, 2 * rate(3) + rate(2)), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvor mye får et halvt årsverk i rusarbeid over alle fire tilskuddsårene?",
            lambda: sum(step.amount // 2 for step in ladder().steps),
        ),
        (
            "Hele avkortingsstigen for 1,5 årsverk i kommunalt rusarbeid – hva blir det?",
            lambda: 3 * whole_ladder() // 2,
        ),
    ],
)
def test_a_sum_over_the_whole_ladder_leads_with_the_sum_whatever_the_intent(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert text.splitlines()[0].endswith(fmt.kroner(expected(), "nb") + "."), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvor mye må kommunen ut med selv i alle fire årene når stillingen i rusarbeid "
            "koster 780 000 kr i året?",
            lambda: 4 * 780_000 - whole_ladder(),
        ),
        (
            "Hvor mye betaler vi selv i år 2 når et årsverk i rusarbeid koster 720 000?",
            lambda: 720_000 - rate(2),
        ),
        (
            "Hva gjenstår for kommunen å finansiere i år 3 når en russtilling koster 830 000?",
            lambda: 830_000 - rate(3),
        ),
    ],
)
def test_a_cost_borne_by_the_municipality_itself_asks_for_the_own_share(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text
    assert "egenandel" in text.lower(), text


@pytest.mark.parametrize(
    ("question", "first", "second"),
    [
        (
            "Hvor mange dager er det mellom søknadsfristen og rapporteringsfristen for kommunalt "
            "rusarbeid i 2021?",
            ("kommunalt-rusarbeid", "application", 2021),
            ("kommunalt-rusarbeid", "report", 2021),
        ),
        (
            "Hvor mange dager var det fra søknadsfristen for NAV-tilskuddet i 2020 til fristen "
            "for rusarbeid i 2020?",
            ("nav-sosiale-tjenester", "application", 2020),
            ("kommunalt-rusarbeid", "application", 2020),
        ),
    ],
)
def test_two_kinds_or_two_schemes_deadlines_are_set_apart_in_days(
    question: str, first: tuple[str, str, int], second: tuple[str, str, int]
) -> None:
    text, answered = ask(question)
    assert answered, text

    def date_of(scheme: str, kind: str, year: int) -> dt.date:
        """Return the one date of a deadline."""
        dates = {
            e.deadline.date
            for e in kb().deadlines()
            if e.scheme_id == scheme and e.deadline.kind.value == kind and e.deadline.year == year
        }
        assert len(dates) == 1
        (date,) = dates
        assert date is not None
        return date

    between, _later = deadline_calc.deadline_shift(date_of(*first), date_of(*second))
    assert f"er det {between} dager" in text, text
    assert "igjen til fristen" not in text, text


def nav_measure() -> int:
    """Return the NAV competence money per measure."""
    return int(next(r for _s, r in kb().all_rules() if isinstance(r, CapRule)).per_measure)


def test_rates_compared_with_competence_money_count_one_measure_of_the_cap() -> None:
    text, answered = ask(
        "Hvor mye mer gir NAV-tilskuddet per stilling med kompetansemidler enn år 4 i "
        "kommunalt rusarbeid?"
    )
    assert answered, text
    assert shows(text, nav_cap() + nav_measure() - rate(4)), text


@pytest.mark.parametrize(
    "question",
    [
        "Er det et tak på 4 årsverk per kommune i kommunalt rusarbeid?",
        "Is there a limit of two positions per municipality in the substance abuse grant?",
    ],
)
def test_a_limit_on_positions_per_municipality_the_sources_never_give_is_declined(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered, text
    assert "×" not in text, text


def test_a_count_of_inhabitants_is_no_cost() -> None:
    text, _answered = ask("Får kommuner med over 40 000 innbyggere lavere sats i rusarbeid?")
    assert not shows(text, 40_000), text


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        ("Er det riktig at man får rustilskudd i maks seks år?", "Nei"),
        ("Kan vi få tilskudd til kommunalt rusarbeid i fem år?", "Nei"),
        ("Kan vi få NAV-tilskuddet i tre år til samme tiltak?", "Ja"),
        ("Can we get the municipal substance abuse grant for six years?", "No"),
    ],
)
def test_a_number_of_grant_years_asked_yes_or_no_is_confirmed_or_denied(
    question: str, verdict: str
) -> None:
    text, _answered = ask(question)
    assert text.startswith(verdict), text


@pytest.mark.parametrize(
    ("question", "cost_of_half"),
    [
        (
            "Half an FTE in the substance abuse grant costs NOK 410,000 a year. What is the own "
            "share in year 2?",
            410_000,
        ),
        (
            "Half an FTE in the substance abuse grant: what is the own share in year 2 if a full "
            "FTE costs NOK 820,000?",
            410_000,
        ),
    ],
)
def test_a_half_fte_in_english_reads_its_cost_as_english_says_it(
    question: str, cost_of_half: int
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, cost_of_half - rate(2) // 2), text


def test_a_new_group_without_its_position_word_still_counts() -> None:
    text, answered = ask(
        "Eitt årsverk starta i 2019, eitt i 2020 og eitt nytt frå 2021. Kva blir tilskotet i 2021?"
    )
    assert answered, text
    assert shows(text, rate(3) + rate(2) + rate(1)), text


def test_a_count_placed_in_one_grant_year_by_both_is_one_group() -> None:
    text, answered = ask(
        "Vi har tre årsverk i kommunalt rusarbeid, alle i år 3, og ett i år 1. Hva får vi i år?"
    )
    assert answered, text
    assert shows(text, 3 * rate(3) + rate(1)), text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hva får tre årsverk i første tilskuddsår og ett i siste i kommunalt rusarbeid?",
            lambda: 3 * rate(1) + rate(len(ladder().steps)),
        ),
        (
            "Hva får vi for to årsverk i år 2 og ett i det siste året i rusarbeid?",
            lambda: 2 * rate(2) + rate(len(ladder().steps)),
        ),
    ],
)
def test_a_group_in_the_last_grant_year_is_placed_in_the_ladders_last_year(
    question: str, expected: Callable[[], int]
) -> None:
    text, answered = ask(question)
    assert answered, text
    assert shows(text, expected()), text
