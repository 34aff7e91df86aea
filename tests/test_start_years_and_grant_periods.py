"""Start years against calendar years, the last year of a grant, and follow-ups on them.

Through the Engine and bot.calc; the ladder's figures are read from the knowledge base.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.calc import calendar as calendar_calc
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, FlatRule, LadderRule

TODAY = dt.date(2026, 12, 1)


@cache
def kb() -> KnowledgeBase:
    """Load the bundled knowledge base once."""
    return load_sources()


def engine() -> Engine:
    """Return a fresh engine (fresh chat contexts) over the bundled knowledge base."""
    return Engine(kb())


def ladder() -> dict[int, int]:
    """Return the kommunalt rusarbeid ladder: grant year -> amount per årsverk."""
    rule = next(r for r in kb().rules("kommunalt-rusarbeid") if isinstance(r, LadderRule))
    return {step.grant_year: step.amount for step in rule.steps}


def cap() -> CapRule:
    """Return the NAV development grant's cap rule."""
    return next(r for r in kb().rules("nav-sosiale-tjenester") if isinstance(r, CapRule))


def kroner(amount: int | Fraction) -> str:
    """Render kroner as the answers do."""
    return fmt.kroner(int(amount), "nb")


def ask(*turns: str) -> list[str]:
    """Ask the turns of one conversation and return the answers' texts."""
    bot = engine()
    return [bot.ask(turn, TODAY, chat="c").text for turn in turns]


@pytest.mark.parametrize(
    ("question", "groups", "year"),
    [
        (
            "Vi har 2 stillinger i rusarbeidet i kommunen som startet i 2020 og 1 stilling "
            "som startet i 2021. Hva får vi for 2021 i kommunalt rusarbeid?",
            ((2, 2020), (1, 2021)),
            2021,
        ),
        (
            "Kommunen har tre årsverk for kommunalt rusarbeid som begynte i 2019 og ett "
            "årsverk som begynte i 2020. Hvor mye får vi i 2020?",
            ((3, 2019), (1, 2020)),
            2020,
        ),
    ],
)
def test_positions_from_several_start_years_are_summed_by_calendar_year(
    question: str, groups: tuple[tuple[int, int], ...], year: int
) -> None:
    steps = ladder()
    expected = sum(count * steps[year - start + 1] for count, start in groups)
    assert kroner(expected) in ask(question)[0]


@pytest.mark.parametrize(
    "question",
    [
        "Vi har tre årsverk i kommunalt rusarbeid som startet i 2019 og 2020. Hva får vi i 2021?",
        "Fem stillinger i kommunalt rusarbeid startet i 2018, 2019 og 2020. Hva får vi i 2020?",
    ],
)
def test_start_years_without_the_count_of_each_are_declined_not_guessed(question: str) -> None:
    answer = engine().ask(question, TODAY)
    assert not answer.answered
    assert "hvor mange årsverk som startet i hvert år" in answer.text


def test_as_many_positions_as_listed_start_years_are_one_from_each_year() -> None:
    steps = ladder()
    text = ask(
        "Hva får to årsverk i kommunalt rusarbeid (startet 2019 og 2020) i 2021?",
    )[0]
    assert kroner(steps[3] + steps[2]) in text


def test_a_new_count_of_positions_after_start_groups_asks_which_started_when() -> None:
    first, second = ask(
        "Vi har ett årsverk som startet i 2018 og ett som startet i 2019. Hva får vi i "
        "kommunalt rusarbeid i 2020?",
        "og for 4 årsverk?",
    )
    steps = ladder()
    assert kroner(steps[3] + steps[2]) in first
    assert "hvor mange årsverk som startet i hvert år" in second


@pytest.mark.parametrize(
    ("question", "last"),
    [
        (
            "Hva er egenandelen for de to første tilskuddsårene i kommunalt rusarbeid når et "
            "årsverk koster 700 000 kr?",
            2,
        ),
        (
            "Hva blir egenandelen de tre første tilskuddsårene for ett årsverk i kommunalt "
            "rusarbeid som koster 800 000 kr i året?",
            3,
        ),
    ],
)
def test_the_first_grant_years_named_with_tilskuddsår_bound_the_own_share(
    question: str, last: int
) -> None:
    cost = 700_000 if "700 000" in question else 800_000
    steps = ladder()
    expected = sum(cost - steps[g] for g in range(1, last + 1))
    assert kroner(expected) in ask(question)[0]


@pytest.mark.parametrize(
    ("question", "positions", "years", "measures"),
    [
        ("Hva er taket for lønnsdelen for 2 stillinger i NAV-tilskuddet over tre år?", 2, 3, 0),
        (
            "Hva kan NAV-kontoret høyest mulig få for 3 stillinger i ett tiltak, inkludert "
            "kompetansemidler?",
            3,
            1,
            1,
        ),
    ],
)
def test_the_nav_cap_with_and_without_competence_money(
    question: str, positions: int, years: int, measures: int
) -> None:
    rule = cap()
    expected = years * (positions * rule.per_position + measures * rule.per_measure)
    text = ask(question)[0]
    assert kroner(expected) in text.split("\n\n")[0]


def test_a_duration_follow_up_counts_from_grant_year_one_not_from_the_last_year_asked() -> None:
    steps = ladder()
    answers = ask(
        "Hva er satsen for ett årsverk i år 3 i kommunalt rusarbeid?",
        "Hva blir summen for alle fire årene?",
        "og for 1,5 årsverk da?",
        "og år 2?",
    )
    whole = sum(steps.values())
    assert kroner(whole) in answers[1]
    assert kroner(Fraction(3, 2) * whole) in answers[2]
    assert kroner(Fraction(3, 2) * steps[2]) in answers[3]
    assert "sum" not in answers[3]


def test_one_grant_year_after_a_span_names_that_year_alone() -> None:
    steps = ladder()
    span, single = ask("Hva får 2 årsverk fra år 1 til år 3 i kommunalt rusarbeid?", "og år 2?")
    assert kroner(2 * (steps[1] + steps[2] + steps[3])) in span
    assert single.startswith(f"2 årsverk × {kroner(steps[2])}")


def test_the_grant_period_is_the_rules_years_from_the_start_year() -> None:
    rule = cap()
    period = calendar_calc.grant_period(kb(), "nav-sosiale-tjenester", 2019)
    assert period is not None
    assert (period.end, period.basis) == (2019 + rule.max_years - 1, "cap")
    stated = calendar_calc.grant_period(kb(), "voksne-langvarige", 2017, stated=3)
    assert stated is not None and (stated.end, stated.basis) == (2019, "stated")
    assert calendar_calc.grant_period(kb(), "voksne-langvarige", 2017) is None
    assert calendar_calc.grant_period(kb(), "kommunalt-rusarbeid", 2030, described_end=2024) is None


@pytest.mark.parametrize(
    ("question", "last"),
    [
        (
            "Tiltaket vårt med NAV-tilskudd startet i 2021. Til og med hvilket år kan vi få "
            "tilskudd til samme tiltak?",
            "2023",
        ),
        (
            "Et nytt team i ordningen for barn og unge med langvarige og sammensatte behov "
            "startet i 2019, og nye team kan få tilskudd i inntil 4 år. Fram til hvilket år?",
            "2022",
        ),
        (
            "Vi fikk første tilskudd til kommunalt rusarbeid i 2017. Hvilket år er det siste "
            "året med tilskudd?",
            "2020",
        ),
        (
            "Our NAV measure started in 2020. Until which year can it get the development grant?",
            "2022",
        ),
    ],
)
def test_the_last_year_of_a_grant_is_reckoned_from_the_start_year(question: str, last: str) -> None:
    text = ask(question)[0]
    assert text.split("\n")[0] in (f"Til og med {last}.", f"Through {last}.")


def test_the_last_year_of_a_new_team_is_reckoned_from_the_years_the_sources_give_new_teams() -> (
    None
):
    answer = engine().ask(
        "Et team i voksne-ordningen startet i 2019. Til og med hvilket år kan det få tilskudd?",
        TODAY,
    )
    assert answer.text.startswith("Til og med 2022.")  # 2019 + the 2018 rule's 4 years - 1
    assert "inntil 4 år" in answer.text


def test_the_last_year_of_an_existing_team_is_not_reckoned_from_the_new_teams_years() -> None:
    answer = engine().ask(
        "Et eksisterende team i voksne-ordningen har fått tilskudd siden 2017. Til og med "
        "hvilket år kan det få tilskudd?",
        TODAY,
    )
    assert "Til og med" not in answer.text
    assert "Overgangsordning inntil 2 år" in answer.text


def test_a_position_that_cannot_start_in_the_wind_down_gets_no_last_year() -> None:
    text = ask(
        "Stillingen vår i kommunalt rusarbeid startet i 2022. Til og med hvilket år får vi "
        "tilskudd?"
    )[0]
    assert "Til og med" not in text
    assert "0 kr" in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye gis per stilling i kommunalt rusarbeid i 2026?",
        "Hva får vi for 2 årsverk i kommunalt rusarbeid i 2028?",
    ],
)
def test_a_year_after_the_grant_s_described_end_shows_no_figure_of_an_earlier_year(
    question: str,
) -> None:
    answer = engine().ask(question, TODAY)
    assert "etter 2024" in answer.text
    assert " kr" not in answer.text.split("Kilde")[0].replace("kroner", "")


@pytest.mark.parametrize(
    ("question", "groups", "year"),
    [
        (
            "Vi har 4 årsverk i kommunalt rusarbeid: 3 startet i 2019 og 1 i 2020. Hva får vi "
            "i 2021?",
            ((3, 2019), (1, 2020)),
            2021,
        ),
        (
            "Vi har to årsverk i kommunalt rusarbeid. Det ene startet i 2019 og det andre i "
            "2021. Hva får vi i 2022?",
            ((1, 2019), (1, 2021)),
            2022,
        ),
        (
            "Vi har 1 årsverk i kommunalt rusarbeid som startet 2018 og 2 som startet 2020. "
            "Hva får vi i 2021?",
            ((1, 2018), (2, 2020)),
            2021,
        ),
    ],
)
def test_start_groups_with_words_left_out_keep_their_years_out_of_the_calendar_years(
    question: str, groups: tuple[tuple[int, int], ...], year: int
) -> None:
    steps = ladder()
    expected = sum(count * steps[year - start + 1] for count, start in groups)
    text = ask(question)[0]
    assert text.startswith(f"Til sammen i {year}: {kroner(expected)}")


def test_a_follow_up_that_moves_the_start_year_keeps_the_calendar_year() -> None:
    steps = ladder()
    first, second = ask(
        "Hva får vi i 2021 for ett årsverk i kommunalt rusarbeid som startet i 2018?",
        "og hvis det startet i 2020?",
    )
    assert kroner(steps[4]) in first
    assert kroner(steps[2]) in second and "tilskuddsår 2" in second


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange år kan et NAV-tiltak som startet i 2021 få utviklingstilskudd?",
        "Hvor lenge kan NAV-tiltaket vårt få tilskudd når det startet i 2021?",
    ],
)
def test_how_long_with_a_start_year_is_answered_with_the_last_year(question: str) -> None:
    last = 2021 + cap().max_years - 1
    assert ask(question)[0].startswith(f"Til og med {last}.")


def test_the_last_year_from_rules_of_other_years_says_so() -> None:
    text = ask("Tiltaket startet i 2025. Til og med hvilket år kan NAV-tiltaket få tilskudd?")[0]
    assert "ingen regler for 2025" in text


def test_a_fall_in_per_cent_is_given_beside_the_share() -> None:
    steps = ladder()
    text = ask(
        "Med hvor mange prosent reduseres tilskuddet til kommunalt rusarbeid fra år 2 til år 3?"
    )[0]
    fall = Fraction(steps[2] - steps[3], steps[2]) * 100
    assert f"Nedgangen er {kroner(steps[2] - steps[3])}" in text
    assert f"{round(float(fall), 1):.1f}".replace(".", ",").removesuffix(",0") + " %" in text


@pytest.mark.parametrize(
    ("question", "years"),
    [
        (
            "Hva er gjennomsnittlig tilskudd per år i år 2 til 4 for ett årsverk i kommunalt "
            "rusarbeid?",
            (2, 3, 4),
        ),
        (
            "What is the average grant per year over the first two years for one FTE in "
            "municipal substance abuse work?",
            (1, 2),
        ),
    ],
)
def test_an_average_per_year_is_the_sum_over_the_years_divided_by_them(
    question: str, years: tuple[int, ...]
) -> None:
    steps = ladder()
    mean = Fraction(sum(steps[g] for g in years), len(years))
    assert mean.denominator == 1
    text = ask(question)[0]
    assert fmt.kroner(int(mean), "en" if "What" in question else "nb") in text.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    [
        "Hva får vi i snitt for 2 årsverk i år 3 i kommunalt rusarbeid?",
        "Hva er snittet per årsverk over fire år for 3 årsverk i kommunalt rusarbeid?",
    ],
)
def test_an_average_of_one_year_or_per_position_of_several_is_declined(question: str) -> None:
    assert not engine().ask(question, TODAY).answered


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye får vi per måned for 2 årsverk i år 3 i kommunalt rusarbeid?",
        "How much is the monthly grant for one FTE in year 1 of municipal substance abuse work?",
    ],
)
def test_a_part_of_a_year_is_no_figure_the_sources_give(question: str) -> None:
    answer = engine().ask(question, TODAY)
    assert not answer.answered
    assert "per år" in answer.text or "per year" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye mer får 4 årsverk enn 3 årsverk i år 2 i kommunalt rusarbeid?",
        "What do we get for 2 FTE instead of 1.5 FTE in year 3 of municipal substance abuse work?",
    ],
)
def test_two_counts_of_positions_set_against_each_other_are_not_merged(question: str) -> None:
    answer = engine().ask(question, TODAY)
    assert not answer.answered


def test_the_cost_of_an_exactly_covered_share_is_given_in_per_cent() -> None:
    steps = ladder()
    cost = 2 * steps[4]
    text = ask(
        f"Hvor mange prosent av kostnaden er egenandelen i år 4 i kommunalt rusarbeid når "
        f"årsverket koster {kroner(cost)}?"
    )[0]
    assert text.startswith("Egenandelen er 50 % av kostnaden")


def test_the_cost_of_one_position_in_a_follow_up_keeps_the_positions_asked_before() -> None:
    steps = ladder()
    _first, own = ask(
        "Hva får vi for 4 årsverk i år 2 i kommunalt rusarbeid?",
        "og egenandelen hvis ett årsverk koster 650 000?",
    )
    assert kroner(4 * (650_000 - steps[2])) in own


def test_groups_in_grant_years_may_leave_out_the_last_year_noun() -> None:
    steps = ladder()
    text = ask(
        "Hva får vi i kommunalt rusarbeid for 3 årsverk i fjerde tilskuddsår og 2 årsverk i andre?"
    )[0]
    assert text.startswith(f"Til sammen: {kroner(3 * steps[4] + 2 * steps[2])}")


@pytest.mark.parametrize(
    "question",
    [
        "Vi har 2 årsverk i kommunalt rusarbeid i dag og vil ha 4 årsverk. Hva får vi i år 1?",
    ],
)
def test_counts_or_years_the_question_does_not_tie_together_are_declined(question: str) -> None:
    assert not engine().ask(question, TODAY).answered


def test_one_position_from_one_year_and_a_new_one_from_another_are_two_start_groups() -> None:
    steps = ladder()
    question = (
        "Vi fikk tilskudd til ett årsverk fra 2017 og til ett nytt fra 2019. Hva får vi i "
        "kommunalt rusarbeid i 2020?"
    )
    answer = engine().ask(question, TODAY)
    assert answer.answered
    assert kroner(steps[4] + steps[2]) in answer.text


def test_a_cost_said_to_be_for_all_positions_together_is_shared_among_them() -> None:
    steps = ladder()
    text = ask(
        "Hva blir egenandelen i år 3 for 2 årsverk i kommunalt rusarbeid når lønnskostnaden "
        "samlet er 1 200 000 kr?"
    )[0]
    assert kroner(1_200_000 - 2 * steps[3]) in text


def test_english_follow_ups_change_the_period_and_then_the_positions() -> None:
    steps = ladder()
    whole = sum(steps.values())
    _first, period, half = ask(
        "What do we get for 3 FTE in year 2 of municipal substance abuse work?",
        "and for the whole four-year period?",
        "and for half an FTE?",
    )
    assert fmt.kroner(3 * whole, "en") in period
    assert fmt.kroner(whole // 2, "en") in half


def test_the_last_year_is_understood_in_nynorsk() -> None:
    last = 2021 + cap().max_years - 1
    text = ask("Eit tiltak med NAV-tilskot starta i 2021. Til og med kva år kan det få tilskot?")[0]
    assert text.startswith(f"Til og med {last}.")


def test_follow_ups_move_the_calendar_year_and_sum_through_a_year_from_the_start() -> None:
    steps = ladder()
    first, after, through = ask(
        "Vi startet 3 årsverk i kommunalt rusarbeid i 2019. Hva får vi i 2020?",
        "og året etter?",
        "og hva har vi fått til sammen til og med 2021?",
    )
    assert kroner(3 * steps[2]) in first
    assert kroner(3 * steps[3]) in after and "2021" in after
    assert kroner(3 * (steps[1] + steps[2] + steps[3])) in through


def test_a_follow_up_of_a_count_of_years_sums_the_nav_cap_over_them() -> None:
    rule = cap()
    _first, years, salary = ask(
        "Hva er maks NAV-tilskudd for 2 stillinger?",
        "og tre år?",
        "og lønnsdelen alene?",
    )
    assert kroner(3 * (2 * rule.per_position + rule.per_measure)) in years
    assert kroner(3 * 2 * rule.per_position) in salary


def test_the_last_years_in_a_follow_up_replace_the_first_years() -> None:
    steps = ladder()
    _first, last = ask(
        "Hva får ett årsverk i de to første årene i kommunalt rusarbeid?",
        "og de to siste årene?",
    )
    assert kroner(steps[3] + steps[4]) in last


@pytest.mark.parametrize(
    ("question", "last"),
    [
        (
            "Vi fikk første tilskudd til kommunalt rusarbeid i 2018. Hvilket år får vi "
            "tilskudd siste gang?",
            "2021",
        ),
        (
            "Vi har hatt NAV-tilskudd til samme tiltak siden 2020. Når er siste år vi kan få det?",
            "2022",
        ),
        ("NAV-tiltaket startet i 2019. Til og med når kan det få tilskudd?", "2021"),
    ],
)
def test_other_wordings_of_the_last_year_with_a_start_year(question: str, last: str) -> None:
    assert ask(question)[0].startswith(f"Til og med {last}.")


def test_how_long_for_a_new_team_of_a_scheme_without_rules_shows_the_reckoning_and_the_rule() -> (
    None
):
    answer = engine().ask(
        "Et nytt team for voksne med langvarige og sammensatte behov startet i 2018. Hvor "
        "lenge kan det få tilskudd?",
        TODAY,
    )
    assert answer.text.startswith("Til og med 2021.")
    assert "2018 + 4 år − 1 = 2021" in answer.text and "inntil 4 år" in answer.text


@pytest.mark.parametrize(("positions", "grant_year"), [(2, 3), (3, 1), (1, 4)])
def test_an_amount_received_is_matched_to_its_grant_year(positions: int, grant_year: int) -> None:
    steps = ladder()
    received = positions * steps[grant_year]
    text = ask(
        f"Vi får {kroner(received)} for {positions} årsverk i kommunalt rusarbeid. Hvilket "
        "tilskuddsår er vi i?"
    )[0]
    assert f"svarer til tilskuddsår {grant_year}" in text


def test_an_amount_received_is_never_taken_for_a_cost() -> None:
    answer = engine().ask(
        "Vi får 880 000 kr for 2 årsverk i kommunalt rusarbeid. Hva blir egenandelen?", TODAY
    )
    assert "kostnad:" not in answer.text.casefold()
    assert "egenandel til sammen" not in answer.text.casefold()


def test_a_cost_and_a_grant_both_given_give_their_difference() -> None:
    text = ask(
        "Stillingen koster 640 000 kr og vi får 440 000 kr. Hva er egenandelen i "
        "kommunalt rusarbeid?"
    )[0]
    assert kroner(200_000) in text


def test_all_the_years_a_cap_can_be_given_are_its_most_years() -> None:
    rule = cap()
    text = ask("Hva er maks NAV-tilskudd for 1 stilling i alle årene det kan gis?")[0]
    assert kroner(rule.max_years * (rule.per_position + rule.per_measure)) in text


def test_an_average_own_share_is_the_own_share_summed_over_the_years_divided_by_them() -> None:
    steps = ladder()
    own = sum(760_000 - steps[g] for g in steps)
    text = ask(
        "Hva blir egenandelen i gjennomsnitt per år over alle fire årene når ett årsverk "
        "koster 760 000 kr i kommunalt rusarbeid?"
    )[0]
    assert text.startswith(f"Egenandel i gjennomsnitt per år: {kroner(own)} / 4 år")
    assert kroner(Fraction(own, 4)) in text.split("\n")[0]


def test_a_start_after_the_grant_s_end_asked_for_a_later_year_names_the_years_covered() -> None:
    answer = engine().ask(
        "Vi startet i 2025 med ett årsverk i kommunalt rusarbeid. Hva får vi i 2026?", TODAY
    )
    assert not answer.answered
    assert "2017–2024" in answer.text and "2025, kan ikke" not in answer.text


def test_positions_funded_in_the_reference_year_get_the_wind_down_s_flat_amount() -> None:
    rule = next(r for r in kb().rules("kommunalt-rusarbeid") if isinstance(r, FlatRule))
    first = rule.years.first
    text = ask(
        f"Vi har tre stillinger i kommunalt rusarbeid som fikk tilskudd i {first - 2}. Hva "
        f"får vi i {first}?"
    )[0]
    assert kroner(3 * rule.amount) in text


def test_positions_funded_in_a_year_without_their_grant_year_are_not_placed_on_the_ladder() -> None:
    answer = engine().ask(
        "Vi har to stillinger i kommunalt rusarbeid som fikk tilskudd i 2020. Hva får vi i 2021?",
        TODAY,
    )
    assert not answer.answered
    assert "hvilket tilskuddsår" in answer.text


def test_groups_in_numbered_tilskuddsår_are_summed() -> None:
    steps = ladder()
    text = ask(
        "Vi har 3 årsverk i tilskuddsår 2 og 2 årsverk i tilskuddsår 4 i kommunalt rusarbeid. "
        "Hva får vi til sammen?"
    )[0]
    assert text.startswith(f"Til sammen: {kroner(3 * steps[2] + 2 * steps[4])}")


def test_a_cost_per_position_word_is_no_second_count_of_positions() -> None:
    steps = ladder()
    text = ask(
        "Med en stillingskostnad på 650 000 kr, hva blir egenandelen for 3 årsverk i år 2 i "
        "kommunalt rusarbeid?"
    )[0]
    assert kroner(3 * (650_000 - steps[2])) in text


def test_the_whole_period_as_a_setting_leaves_the_grant_year_asked() -> None:
    steps = ladder()
    text = ask(
        "Vi får tilskudd til 3 årsverk i alle fire årene i kommunalt rusarbeid. Hva får vi i år 3?"
    )[0]
    assert text.startswith(f"3 årsverk × {kroner(steps[3])} = {kroner(3 * steps[3])}")
