"""A complaint to the ombudsman and the odds of winning it is legal advice: declined, with
what the sources say of appeals; a count the sources never give is not answered by a sentence
that only shares the office's name."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "Kan du skrive en klage til Sivilombudet for oss på avslaget om rustilskudd og "
            "vurdere om vi vinner fram?",
            "§ 28",
        ),
        ("Vil vi vinne fram hos Sivilombudet med en klage på rustilskuddet?", "Juridiske"),
    ],
)
def test_an_ombudsman_complaint_is_declined_with_what_the_sources_say_of_appeals(
    question: str, said: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY, chat="ombud")
    assert not answer.answered
    assert said in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mange søknader kom inn til Statsforvalteren i Innlandet i 2021?",
    ],
)
def test_a_count_of_applications_the_sources_never_give_is_declined(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY, chat="count")
    assert not answer.answered
    assert "Postboks" not in answer.text


@pytest.mark.parametrize(
    ("question", "region"),
    [
        ("Hva fikk Agder i tilskudd til kommunalt rusarbeid i 2019?", "Agder"),
        ("What did Agder get for municipal substance abuse work in 2019?", "Agder"),
    ],
)
def test_what_a_region_got_in_a_year_without_its_share_is_declined(
    question: str, region: str
) -> None:
    answer = Engine(kb()).ask(question, TODAY, chat="got")
    assert not answer.answered
    assert region in answer.text
    assert "660 000" not in answer.text and "660,000" not in answer.text
