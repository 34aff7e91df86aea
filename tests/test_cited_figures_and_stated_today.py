"""Figures and dates a question cites, and rates asked of schemes without rates.

Through the public interface (the Engine); every figure is read from the knowledge base and
the questions are made from it, never written as the sources give them.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from functools import cache

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import Topic

TODAY = dt.date(2026, 12, 1)
KRA = "kommunalt-rusarbeid"


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def appropriation(sid: str, year: int, scope: str = "nasjonal") -> int:
    """Return a scheme's appropriation of a year (national, or the one office's)."""
    return next(
        a.amount
        for a in kb().schemes[sid].appropriations
        if a.year == year and a.scope == scope and not a.prognosis
    )


def millions(amount: int, lang: str = "nb") -> str:
    """Say an amount in millions as the answers and questions do ('17,4 millioner')."""
    return fmt.decimal(Fraction(amount, 1_000_000), lang)


def office_year() -> int:
    """Return the year an office's share of the scheme's money is given for."""
    return next(
        a.year for a in kb().schemes[KRA].appropriations if a.scope == "fylke" and a.approximate
    )


def ask(question: str, today: dt.date = TODAY) -> tuple[str, bool, str | None]:
    """Ask a fresh engine; return the answer's text, whether it answered, and its scheme."""
    answer = Engine(kb()).ask(question, today)
    return answer.text, answer.answered, answer.scheme


def test_an_amount_cited_as_one_schemes_appropriation_names_that_scheme() -> None:
    year = office_year()
    cited = millions(appropriation(KRA, year))
    office = millions(appropriation(KRA, year, "fylke"))
    for question in (
        f"Hvor stor andel av de {cited} millionene i {year} gikk til Innlandet?",
        f"Hvor stor del av de {cited} mill. skulle Innlandet få i {year}?",
    ):
        text, answered, scheme = ask(question)
        assert answered and scheme == KRA, text
        assert f"{office} millioner" in text, text


def test_an_amount_cited_of_another_year_is_compared_with_the_year_asked() -> None:
    years = sorted(a.year for a in kb().schemes[KRA].appropriations if a.scope == "nasjonal")
    first, last = years[0], years[-1]
    before, after = appropriation(KRA, first), appropriation(KRA, last)
    question = (
        f"Hvor mye ble bevilgningen til kommunalt rusarbeid redusert fra {millions(before)} "
        f"millioner til bevilgningen i {last}?"
    )
    text, answered, _scheme = ask(question)
    assert answered, text
    assert f"{millions(before - after)} millioner" in text, text


def test_a_wrong_cited_amount_of_the_year_asked_is_still_a_premise_to_contradict() -> None:
    years = sorted(a.year for a in kb().schemes[KRA].appropriations if a.scope == "nasjonal")
    wrong = millions(appropriation(KRA, years[0]))
    text, answered, _scheme = ask(
        f"Er det riktig at bevilgningen til kommunalt rusarbeid i {years[-1]} var {wrong} "
        "millioner?"
    )
    assert answered and text.startswith("Nei"), text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye fikk Innlandet til kommunalt rusarbeid i {year}?",
        "Innlandet ca hvor mye kommunalt rusarbeid {year}",
        "Hvor mye gikk til Statsforvalteren i Innlandet av rusarbeidsmidlene i {year}?",
    ],
)
def test_an_office_that_got_money_is_given_its_share_not_a_rate(question: str) -> None:
    year = office_year()
    text, answered, _scheme = ask(question.format(year=year))
    assert answered, text
    assert f"{millions(appropriation(KRA, year, 'fylke'))} millioner" in text, text
    assert "årsverk ×" not in text, text


def test_an_office_asked_for_a_year_without_its_figure_is_told_so() -> None:
    text, answered, _scheme = ask(
        f"Hvor mye fikk Innlandet i kommunalt rusarbeid i {office_year() - 2}?"
    )
    assert not answered, text
    assert "årsverk ×" not in text, text


def test_a_municipality_asking_with_an_office_named_still_gets_the_rate() -> None:
    rate = next(r for r in kb().schemes[KRA].rules if r.kind == "ladder").steps[0].amount
    text, answered, _scheme = ask("Hvor mye kan kommunen vår i Innlandet få i år 1?")
    assert answered and fmt.kroner(rate, "nb") in text, text


@pytest.mark.parametrize(
    ("question", "today"),
    [
        ("Vi er i desember 2019. Når må søknaden om NAV-tilskuddet for neste år være inne?", 2020),
        ("Det er nå 2019 – når er søknadsfristen for NAV-tilskuddet neste år?", 2020),
        ("It is now 2019. When is next year's application deadline for the NAV grant?", 2020),
    ],
)
def test_a_year_said_to_be_now_is_what_next_year_counts_from(question: str, today: int) -> None:
    deadline = next(
        e.deadline.date
        for e in kb().deadlines()
        if e.scheme_id == "nav-sosiale-tjenester"
        and e.deadline.year == today
        and e.deadline.kind == "application"
    )
    text, answered, _scheme = ask(question)
    lang = "en" if question.startswith("It") else "nb"
    assert answered and fmt.long_date(deadline, lang) in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilken årsverkssats gjelder for voksne-ordningen?",
        "Hvor mye gis det pr. årsverk i tilskuddet til barn og unge med sammensatte behov?",
        "Hva er stillingssatsen for 765.60?",
        "Hvilken årsverkssats har kap 765 post 60?",
    ],
)
def test_a_rate_asked_of_a_scheme_without_rates_is_declined(question: str) -> None:
    rated = {
        step.amount
        for scheme in kb().schemes.values()
        for rule in scheme.rules
        for step in getattr(rule, "steps", [])
    }
    text, answered, _scheme = ask(question)
    assert not answered, text
    assert "ingen satser" in text, text
    assert not any(fmt.kroner(amount, "nb") in text for amount in rated), text


def test_that_figure_together_with_another_sums_the_last_figure_and_the_other() -> None:
    year = 2021
    engine = Engine(kb())
    engine.ask(f"Hva var bevilgningen til kommunalt rusarbeid i {year}?", TODAY, chat=7)
    engine.ask("og til barn og unge?", TODAY, chat=7)
    last = engine.ask("and how much is that together with the adults scheme?", TODAY, chat=7)
    both = appropriation("barn-unge-langvarige", year) + appropriation("voksne-langvarige", year)
    assert f"NOK {millions(both, 'en')} million" in last.text, last.text
    every = engine.ask("og alle tre til sammen?", TODAY, chat=7)
    assert f"{millions(both + appropriation(KRA, year))} millioner" in every.text, every.text


def test_what_it_comes_to_with_another_scheme_adds_it_to_every_figure_asked() -> None:
    year = 2021
    engine = Engine(kb())
    engine.ask(f"Hva var bevilgningen til voksne-ordningen i {year}?", TODAY, chat=8)
    engine.ask("og til barn og unge?", TODAY, chat=8)
    last = engine.ask(
        "og hvis vi tar med kommunalt rusarbeid, hva blir det til sammen?", TODAY, chat=8
    )
    every = sum(appropriation(s, year) for s in (KRA, "barn-unge-langvarige", "voksne-langvarige"))
    assert f"{millions(every)} millioner" in last.text, last.text


@pytest.mark.parametrize(
    "question",
    [
        "Når var søknadsfristen for rusarbeidsordningen i 2021?",
        "Kva var søknadsfristen for rusarbeidsordninga i 2021?",
    ],
)
def test_a_one_word_scheme_name_compounded_with_ordning_names_the_scheme(question: str) -> None:
    _text, answered, scheme = ask(question)
    assert answered and scheme == KRA


def test_a_topic_asked_of_a_year_only_one_scheme_has_it_for_needs_no_scheme_named() -> None:
    audited = {
        sid: [f for f in s.facts if f.topic == Topic.AUDIT and f.years.contains(2018)]
        for sid, s in kb().schemes.items()
    }
    only = [sid for sid, facts in audited.items() if facts]
    assert len(only) == 1
    text, answered, scheme = ask("Hvilke krav til regnskap ble foreslått i 2018?")
    assert answered and scheme == only[0], text


def test_a_report_asked_about_its_accounts_gives_the_audit_facts_too() -> None:
    sid = "voksne-langvarige"
    audit = next(f for f in kb().schemes[sid].facts if f.topic == Topic.AUDIT)
    text, answered, _scheme = ask(
        "Hva kreves av regnskapet i rapporteringen for voksne med langvarige og sammensatte "
        f"behov for {audit.years.first - 1}?"
    )
    assert answered and audit.text.rstrip(".") in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Jeg har hørt at NAV-tilskuddet kan gis i inntil {n} år. Riktig?",
        "NAV-tilskuddet kan gis i {n} år til samme tiltak, stemmer det?",
        "I heard that the NAV grant can be given for {n} years, right?",
    ],
)
def test_a_duration_claimed_after_the_fact_is_checked(question: str) -> None:
    cap = next(r for r in kb().schemes["nav-sosiale-tjenester"].rules if r.kind == "cap")
    text, answered, _scheme = ask(question.format(n=cap.max_years + 2))
    assert answered and text.startswith(("Nei", "No")), text


@pytest.mark.parametrize("follow_up", ["og i 2018?", "Hvor mye var den samlede økningen i 2018?"])
def test_a_follow_up_naming_one_year_after_a_comparison_of_two_is_answered(
    follow_up: str,
) -> None:
    engine = Engine(kb())
    engine.ask("Hvilke kommuner fikk mer økning i rammen i 2017 enn i 2016?", TODAY, chat=9)
    answer = engine.ask(follow_up, TODAY, chat=9)
    assert answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Legg sammen 2021-bevilgningene til de tre {chapter}-ordningene.",
        "Hva fikk kommunalt rusarbeid og de to andre {chapter}-tilskuddene i 2021 til sammen?",
    ],
)
def test_schemes_counted_by_their_budget_chapter_are_those_of_the_chapter(question: str) -> None:
    chapter = next(b.chapter for b in kb().schemes[KRA].budget)
    of_chapter = [
        sid for sid, s in kb().schemes.items() if any(b.chapter == chapter for b in s.budget)
    ]
    assert len(of_chapter) == 3
    total = sum(appropriation(sid, 2021) for sid in of_chapter)
    text, answered, _scheme = ask(question.format(chapter=chapter))
    assert answered and f"{millions(total)} millioner kr." in text, text
