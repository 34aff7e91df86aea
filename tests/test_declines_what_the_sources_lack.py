"""What the sources do not hold is said plainly, never answered with a neighbouring figure."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)


def ask(question: str) -> tuple[bool, str]:
    answer = Engine(KB).ask(question, TODAY)
    return answer.answered, answer.text


def contacts() -> list[tuple[str, str | None, str | None]]:
    return [
        (c.name, c.phone, c.email)
        for o in KB.offices.values()
        for c in o.contacts
        if c.name and c.email and " " in c.name
    ]


@pytest.mark.parametrize(("name", "phone", "email"), contacts())
def test_a_named_persons_phone_is_theirs_or_said_to_be_missing(
    name: str, phone: str | None, email: str | None
) -> None:
    answered, text = ask(f"Hva er telefonnummeret til {name}?")
    others = [p for n, p, _ in contacts() if p and n != name and p != phone]
    assert not any(p in text for p in others)
    if phone:
        assert answered and phone in text
    else:
        assert not answered and "ikke noe telefonnummer" in text


def test_the_holder_of_an_office_title_the_sources_name_nobody_for_is_not_guessed() -> None:
    answered, text = ask("Hvem er statsforvalter i Innlandet?")
    assert not answered
    assert "navngir ikke" in text


@pytest.mark.parametrize(
    "scheme",
    [
        s
        for s in KB.schemes.values()
        if not any(r.kind in ("ladder", "cap", "flat", "same_as") for r in s.rules)
        and s.kind == "tilskudd"
    ][:4],
)
def test_a_rate_asked_of_a_scheme_without_rates_gets_no_figure(scheme) -> None:
    answered, text = ask(f"What is the per-FTE rate in the {scheme.names.short} grant?")
    assert not answered
    assert "no rates" in text
    assert "660,000" not in text and "610,000" not in text


def test_a_count_the_sources_do_not_give_is_declined_not_answered_with_a_card() -> None:
    answered, text = ask("Hvor mange timer ekstern prosessevaluering dekkes i NAV-tilskuddet?")
    assert not answered
    assert "antall timer" in text


def test_a_count_the_sources_give_is_still_answered() -> None:
    answered, text = ask("Hvor mange år kan et tiltak få tilskudd fra NAV-ordningen?")
    assert answered
    assert "år" in text


def test_a_grant_asked_for_a_year_after_the_schemes_end_is_not_promised() -> None:
    from bot import asof

    scheme = next(s for s in KB.schemes.values() if asof.grant_end(s))
    end = asof.grant_end(scheme)
    assert end is not None
    answered, text = ask(f"Kan vi få tilskudd til {scheme.names.short.lower()} i {end + 1}?")
    assert not answered
    assert str(end) in text


def test_the_source_sentence_a_topic_card_lacks_is_quoted_with_its_source() -> None:
    fact = next(f for s in KB.schemes.values() for f in s.facts if "136 kommuner" in f.text)
    answered, text = ask(
        "Hvor mange kommuner er ikke omfattet av ordningen for kommunalt rusarbeid, "
        "ifølge signalene fra direktoratet?"
    )
    assert answered
    assert fact.text in text
    assert fact.source in text
