"""Sums and differences of appropriations over schemes and years, through bot.calc and the Engine.

Every expected figure is computed here from the knowledge base's appropriations.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.calc import appropriation as appropriation_calc
from bot.calc import errors as calc_errors
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

TODAY = dt.date(2026, 11, 23)
KRA, ADULTS, YOUNG = "kommunalt-rusarbeid", "voksne-langvarige", "barn-unge-langvarige"


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def national(scheme: str, year: int) -> int:
    """Return a scheme's national appropriation in a year."""
    (found,) = [
        a.amount
        for a in kb().schemes[scheme].appropriations
        if a.year == year and a.scope == "nasjonal"
    ]
    return found


def ask(question: str) -> str:
    """Ask one question in a fresh chat; it must be answered."""
    answer = Engine(kb()).ask(question, TODAY, chat="money")
    assert answer.answered, answer.text
    return answer.text


def test_a_sum_of_schemes_adds_their_national_appropriations() -> None:
    result = appropriation_calc.appropriation_sum(
        kb(), [(KRA, 2021), (ADULTS, 2021), (YOUNG, 2021)]
    )
    assert result.total == national(KRA, 2021) + national(ADULTS, 2021) + national(YOUNG, 2021)


def test_one_appropriation_given_for_two_schemes_together_is_counted_once() -> None:
    result = appropriation_calc.appropriation_sum(kb(), [(ADULTS, 2018), (YOUNG, 2018)])
    assert result.total == national(ADULTS, 2018) == national(YOUNG, 2018)


def test_a_difference_is_the_first_side_minus_the_second() -> None:
    result = appropriation_calc.appropriation_difference(
        kb(), [(KRA, 2021)], [(ADULTS, 2021), (YOUNG, 2021)]
    )
    assert result.total == national(KRA, 2021) - national(ADULTS, 2021) - national(YOUNG, 2021)


def test_a_missing_appropriation_is_refused_not_guessed() -> None:
    with pytest.raises(calc_errors.KnowledgeMissing):
        appropriation_calc.appropriation_sum(kb(), [(KRA, 2019)])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Hvor mye fikk barn og unge-ordningen og kommunalt rusarbeid til sammen i 2021?",
            lambda: national(YOUNG, 2021) + national(KRA, 2021),
        ),
        (
            "Hvor mye mindre fikk barn og unge-ordningen enn kommunalt rusarbeid i 2021?",
            lambda: national(KRA, 2021) - national(YOUNG, 2021),
        ),
        (
            "How much did the KRA appropriation change from 2018 to 2021?",
            lambda: national(KRA, 2018) - national(KRA, 2021),
        ),
        (
            "Hvor stor var voksenordningen i 2021 sammen med barn og unge-ordningen?",
            lambda: national(ADULTS, 2021) + national(YOUNG, 2021),
        ),
    ],
)
def test_appropriations_asked_together_or_against_each_other_are_computed(
    question: str, expected: object
) -> None:
    assert callable(expected)
    text = ask(question)
    amount = expected()
    assert fmt.millions(amount, "nb") in text or fmt.millions(amount, "en") in text, text


@pytest.mark.parametrize(
    ("question", "right"),
    [
        ("Stemmer det at bevilgningen til kommunalt rusarbeid økte fra 2018 til 2021?", False),
        ("Stemmer det at bevilgningen til kommunalt rusarbeid gikk ned fra 2018 til 2021?", True),
    ],
)
def test_a_stated_change_of_an_appropriation_is_checked(question: str, right: bool) -> None:
    assert ask(question).startswith("Ja" if right else "Nei")


def test_a_sum_stated_against_a_figure_says_which_side_it_is_on() -> None:
    text = ask("Var bevilgningen til voksne og barn og unge til sammen over 250 millioner i 2021?")
    total = national(ADULTS, 2021) + national(YOUNG, 2021)
    assert fmt.millions(total, "nb") in text
    assert ("under" if total < 250_000_000 else "over") + " 250 millioner" in text


def chat(*questions: str) -> str:
    """Ask questions in one chat; return the last answer, which must be answered."""
    engine = Engine(kb())
    answer = None
    for question in questions:
        answer = engine.ask(question, TODAY, chat="money-chat")
    assert answer is not None and answer.answered, answer
    return answer.text


@pytest.mark.parametrize(
    "last",
    ["til sammen?", "hva blir summen av dem?", "and all three together?"],
)
def test_a_sum_after_single_appropriations_adds_the_schemes_asked(last: str) -> None:
    text = chat(
        "Hva var bevilgningen til kommunalt rusarbeid i 2021?",
        "og til voksne-ordningen?",
        "og barn og unge?",
        last,
    )
    total = national(KRA, 2021) + national(ADULTS, 2021) + national(YOUNG, 2021)
    assert fmt.millions(total, "nb") in text or fmt.millions(total, "en") in text


def test_a_scheme_added_to_the_schemes_asked_is_summed_with_them() -> None:
    text = chat(
        "Hva fikk barn og unge-ordningen bevilget i 2021?",
        "og sammen med kommunalt rusarbeid?",
    )
    assert fmt.millions(national(YOUNG, 2021) + national(KRA, 2021), "nb") in text


def test_an_office_share_asked_before_is_not_carried_to_another_scheme() -> None:
    text = chat(
        "Hva var bevilgningen til kommunalt rusarbeid i 2021?",
        "Hvor mye av dette var ventet til Innlandet?",
        "Og hvor mye hadde voksne-ordningen?",
    )
    assert fmt.millions(national(ADULTS, 2021), "nb") in text


def office_forecast(office: str, year: int) -> list[int]:
    """Return the distinct amounts an office's appropriations give for a year."""
    found = {
        (a.amount, a.text)
        for scheme in kb().schemes.values()
        for a in scheme.appropriations
        if a.year == year and a.scope == "fylke" and kb().provenance(a).office_id == office
    }
    return sorted(amount for amount, _text in found)


@pytest.mark.parametrize(
    "question",
    [
        "Hva var prognosen for tilskuddsforvaltningen i Agder i 2018, til sammen?",
        "What did the 2018 grant administration in Agder expect in total?",
    ],
)
def test_an_office_grant_administration_in_total_sums_every_scheme_of_it(question: str) -> None:
    parts = office_forecast("agder", 2018)
    text = ask(question)
    assert len(parts) >= 2
    for amount in (*parts, sum(parts)):
        # in millions on the appropriation card, in kroner in the office's own table
        shown = [fmt.millions(amount, lang) for lang in ("nb", "en")]
        shown += [fmt.kroner(amount, lang) for lang in ("nb", "en")]
        assert any(form in text for form in shown), text


def test_all_schemes_of_a_year_in_total_sums_the_national_appropriations() -> None:
    text = ask("Hva var den samlede bevilgningen til alle ordningene i 2021?")
    total = sum(
        a.amount
        for scheme in kb().schemes.values()
        for a in scheme.appropriations
        if a.year == 2021 and a.scope == "nasjonal"
    )
    assert fmt.millions(total, "nb") in text


@pytest.mark.parametrize("question", ["Hva var bevilgningen til voksne-ordningen i fjor?"])
def test_an_appropriation_in_a_relative_year_the_sources_lack_gives_the_last_known_with_its_year(
    question: str,
) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert f"ingen bevilgning for {TODAY.year - 1}" in answer.text
    assert "2021: 185 000 000 kr" in answer.text


def test_a_scheme_against_the_schemes_asked_before_is_their_difference() -> None:
    text = chat(
        "Hva var bevilgningen til barn og unge-ordningen i 2021?",
        "og til voksne-ordningen?",
        "Hvor mye mer fikk kommunalt rusarbeid enn disse to til sammen?",
    )
    difference = national(KRA, 2021) - national(ADULTS, 2021) - national(YOUNG, 2021)
    assert fmt.millions(difference, "nb") in text


def test_two_calendar_years_without_a_grant_year_compare_the_appropriations() -> None:
    text = ask("Hvor mye lavere var tilskuddet til kommunalt rusarbeid i 2021 enn i 2018?")
    assert fmt.millions(national(KRA, 2018) - national(KRA, 2021), "nb") in text


def test_an_office_without_figures_for_the_years_asked_gives_the_national_ones() -> None:
    text = ask("Hvor mye endret bevilgningen til rusarbeid seg fra 2018 til 2021 i Agder?")
    assert fmt.millions(national(KRA, 2018) - national(KRA, 2021), "nb") in text
    assert "Nasjonale tall" in text


def test_a_scheme_named_in_full_is_not_also_another_scheme_its_words_contain() -> None:
    text = ask(
        "Hva var budsjettet i 2021 for tilbud til barn og unge med behov for "
        "langvarig/sammensatt oppfølging?"
    )
    assert fmt.millions(national(YOUNG, 2021), "nb") in text
    assert fmt.millions(national(ADULTS, 2021), "nb") not in text


@pytest.mark.parametrize(
    ("question", "first", "rest"),
    [
        (
            "Hvor mye mer ble bevilget til kommunalt rusarbeid i 2021 enn til de to andre"
            " ordningene til sammen?",
            KRA,
            (ADULTS, YOUNG),
        ),
        (
            "Hvor mye mindre fikk voksne-ordningen i 2021 enn de to andre tilskuddene?",
            ADULTS,
            (KRA, YOUNG),
        ),
        (
            "How much more was appropriated to municipal substance abuse work in 2021 than"
            " to the other two schemes together?",
            KRA,
            (ADULTS, YOUNG),
        ),
    ],
)
def test_a_scheme_against_the_other_schemes_of_that_year_is_its_figure_less_their_sum(
    question: str, first: str, rest: tuple[str, ...]
) -> None:
    difference = national(first, 2021) - sum(national(s, 2021) for s in rest)
    text = ask(question)
    assert fmt.kroner(abs(difference), "en" if question.startswith("How") else "nb") in text


def test_the_other_schemes_counted_wrong_give_no_difference() -> None:
    text = ask("Hvor mye mer fikk kommunalt rusarbeid i 2021 enn de tre andre ordningene?")
    wrong = national(KRA, 2021) - national(ADULTS, 2021) - national(YOUNG, 2021)
    assert fmt.kroner(wrong, "nb") not in text


def office_share(scheme: str, year: int, office: str) -> tuple[int, int]:
    """Return an office's appropriation of a scheme and year and the national one."""
    (part,) = [
        a.amount
        for a in kb().schemes[scheme].appropriations
        if a.year == year and a.scope == "fylke" and kb().provenance(a).office_id == office
    ]
    return part, national(scheme, year)


def test_an_office_s_share_of_the_national_appropriation_is_their_exact_ratio() -> None:
    office = next(
        kb().provenance(a).office_id
        for a in kb().schemes[KRA].appropriations
        if a.scope == "fylke" and a.year == 2021
    )
    part, whole = office_share(KRA, 2021, office)
    share, *_ = appropriation_calc.appropriation_share(kb(), (KRA, 2021), office)
    assert share == Fraction(part, whole) and 0 < share < 1


def test_an_office_s_share_of_a_year_without_a_national_figure_is_not_computed() -> None:
    with pytest.raises(calc_errors.CalcError):
        appropriation_calc.appropriation_share(kb(), (KRA, 2030), "innlandet")


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        (
            "Hvor stor andel av den nasjonale bevilgningen til kommunalt rusarbeid i 2021 fikk "
            "Innlandet?",
            "nb",
        ),
        ("Hvor mange prosent av rustilskuddet i 2021 skulle fordeles i Innlandet?", "nb"),
        (
            "What share of the 2021 national appropriation for municipal substance abuse work "
            "went to Innlandet?",
            "en",
        ),
    ],
)
def test_a_share_of_the_national_appropriation_shows_both_figures_and_the_percentage(
    question: str, lang: fmt.Lang
) -> None:
    part, whole = office_share(KRA, 2021, "innlandet")
    text = ask(question)
    assert fmt.millions(part, lang) in text and fmt.millions(whole, lang) in text
    assert fmt.share(Fraction(part, whole), lang) in text


def test_a_nynorsk_question_about_the_children_s_scheme_gets_that_scheme_s_money() -> None:
    text = ask("Kva var løyvinga i 2021 til tilbodet for born og unge med samansette behov?")
    assert fmt.millions(national(YOUNG, 2021), "nb") in text
    assert fmt.millions(national(ADULTS, 2021), "nb") not in text
