"""An office's estimated share of an appropriation asked beside the national figure, as what the
office was not to get, by a compound of the scheme's name, against the figure a source 'oppga'
in another year, as the actual amount (only an estimate is given), and the last two of three
appropriations summed. Through the public interface (the Engine); figures from the knowledge base.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from knowledge.schema import Appropriation
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)
KRA = "kommunalt-rusarbeid"


def appropriation(sid: str, year: int, scope: str = "nasjonal") -> Appropriation:
    """Return a scheme's appropriation of a year (national, or the one office's)."""
    return next(
        a
        for a in kb().schemes[sid].appropriations
        if a.year == year and a.scope == scope and not a.prognosis
    )


def millions(amount: int) -> str:
    """Render an amount in millions as the answers do ('423 millioner kr')."""
    return fmt.millions(amount, "nb")


def conversation(*questions: str) -> tuple[str, bool]:
    """Ask the questions in one chat; return the last answer's text and whether it answered."""
    engine = Engine(kb())
    text, answered = "", False
    for q in questions:
        answer = engine.ask(q, TODAY, chat="appropriations")
        text, answered = answer.text, answer.answered
    return text, answered


@pytest.mark.parametrize(
    "question",
    [
        "What was the 2021 appropriation for municipal substance abuse work, and roughly how "
        "much was expected for Innlandet?",
        "What was the 2021 budget for municipal substance abuse work nationally, and roughly "
        "how much was expected for Innlandet?",
    ],
)
def test_the_national_figure_and_the_offices_estimate_asked_together_are_both_given(
    question: str,
) -> None:
    text, answered = conversation(question)
    national, office = appropriation(KRA, 2021), appropriation(KRA, 2021, "fylke")
    assert answered, text
    assert f"{national.amount:,}" in text, text
    assert text.count(f"{office.amount:,}") == 1, text  # said once, not once per question


def test_what_was_assumed_not_to_go_to_the_office_is_the_national_figure_less_its_share() -> None:
    text, _ = conversation(
        "Hvor mye av den nasjonale rusarbeid-potten i 2021 var antatt å ikke gå til Innlandet?"
    )
    rest = appropriation(KRA, 2021).amount - appropriation(KRA, 2021, "fylke").amount
    assert millions(rest) in text, text


def test_the_appropriation_named_as_one_compound_is_the_schemes() -> None:
    text, answered = conversation(
        "Hvor mye av rusarbeidsbevilgningen i 2021 var ventet å gå til Innlandet?"
    )
    assert answered, text
    assert millions(appropriation(KRA, 2021, "fylke").amount) in text, text


def test_a_figure_a_source_oppga_in_another_year_is_compared() -> None:
    text, answered = conversation(
        "Hvor mye lavere var rusarbeid-bevilgningen 2021 enn beløpet Fylkesmannen oppga for "
        "ordningen i 2018-presentasjonen?"
    )
    change = appropriation(KRA, 2018).amount - appropriation(KRA, 2021).amount
    assert answered, text
    assert millions(change) in text, text


def test_the_actual_amount_of_an_estimated_share_is_declined_with_the_estimate() -> None:
    text, answered = conversation("Hvor mye fikk Innlandet faktisk tildelt i rusmidler i 2021?")
    assert not answered, text
    assert "anslag" in text, text
    assert fmt.kroner(appropriation(KRA, 2021, "fylke").amount, "nb") in text, text


def test_the_sum_of_the_last_two_of_three_appropriations_leaves_out_the_first() -> None:
    text, _ = conversation(
        "Hvor mye var bevilgningen til kommunalt rusarbeid i 2021?",
        "og til voksne med langvarige og sammensatte tjenestebehov?",
        "og barn og unge?",
        "hva blir summen av de to siste?",
    )
    both = (
        appropriation("voksne-langvarige", 2021).amount
        + appropriation("barn-unge-langvarige", 2021).amount
    )
    assert millions(both) in text, text
    assert millions(both + appropriation(KRA, 2021).amount) not in text, text
