"""Legal advice, an amount for a thing or scheme the sources give no rates for, one municipality's
grant, this year's priorities and a year after the scheme's end (today's year stated in the
question) are declined, pointing to what the sources do hold; how up to date the sources are is
the newest document and its age. Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot import fmt
from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


def ask(question: str) -> tuple[str, bool, bool]:
    """Ask a fresh engine; return the text, whether it answered and whether it declined the
    year asked with the newest earlier facts."""
    answer = Engine(kb()).ask(question, TODAY, chat="declines")
    return answer.text, answer.answered, answer.after_sources


def test_legal_advice_is_declined_with_what_the_sources_say_of_appeals() -> None:
    text, answered, _ = ask(
        "Kan vi saksøke staten hvis vi får avslag på rustilskudd? Hva bør vi gjøre juridisk?"
    )
    assert not answered, text
    assert "Juridiske råd" in text, text
    assert "klagerett" in text, text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye tilskudd får et ACT-team per år?",
        "Hvor mye får man pr stilling i barn og unge-ordningen (765 post 60)?",
        "Hvor mange kroner kan man få i frisklivs- og læringstilbud-tilskuddet?",
    ],
)
def test_an_amount_the_sources_give_no_rate_for_is_declined(question: str) -> None:
    text, answered, _ = ask(question)
    assert not answered, text
    assert "ingen satser" in text, text
    assert fmt.kroner(660_000, "nb") not in text, text


def test_one_innlandet_municipalitys_grant_is_declined_by_its_name() -> None:
    text, answered, _ = ask("Hvor mye får Gran kommune i rustilskudd i 2021?")
    assert not answered, text
    assert "Gran" in text, text


def test_this_years_priorities_are_the_newest_ones_said_to_be_older() -> None:
    text, _, after = ask("Hvilke prioriteringer gjelder for NAV-tilskuddet i år?")
    assert after, text
    assert text.index(str(TODAY.year)) < text.index("Prioriteringer 2022"), text


def test_a_year_after_the_schemes_end_with_today_stated_is_that_year_declined() -> None:
    text, answered, after = ask(
        "Kan vi i dag, desember 2026, regne med tilskudd til kommunalt rusarbeid for 2027?"
    )
    assert not answered or after, text
    assert "avvikl" in text, text
    assert "660 000 kr per" not in text, text  # not the card's old rates


@pytest.mark.parametrize(
    "question",
    [
        "Hvor oppdatert er informasjonen du har om disse tilskuddene?",
        "How up to date is your information?",
    ],
)
def test_how_up_to_date_the_sources_are_is_the_newest_document_and_its_age(question: str) -> None:
    newest = max(d.date for d in kb().sources.values() if d.date is not None)
    text, answered, _ = ask(question)
    assert answered, text
    assert str(newest.year) in text, text
    whole = TODAY.year - newest.year - ((TODAY.month, TODAY.day) < (newest.month, newest.day))
    assert f"{whole} år" in text or f"{whole} years" in text, text
