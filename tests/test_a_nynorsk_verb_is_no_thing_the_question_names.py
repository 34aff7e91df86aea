"""A nynorsk verb ('seier', 'givast') is a word of the question, not a thing with rates or an
unknown topic: the question is answered from the sentence it asks about.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_what_the_rules_say_of_own_financing_is_the_sentence_on_it() -> None:
    text, answered = ask(
        "Kva seier reglane om eigenfinansieringa til kommunen når midlane vert avkorta?"
    )
    assert answered, text
    assert "egenfinansiering" in text, text
    assert "«seier»" not in text, text


def test_how_long_the_nav_grant_may_be_given_is_its_three_years() -> None:
    text, answered = ask(
        "Kor mange år kan tilskotet til NAV-kontoret givast til eitt og same tiltak?"
    )
    assert answered, text
    assert "tre år" in text, text


def test_special_priority_asked_in_english_is_the_priorities_sentence() -> None:
    text, answered = ask(
        "What was given special priority in the 2020 grant for social services in NAV?"
    )
    assert answered, text
    assert "immigrants" in text, text


def test_gjekk_is_no_thing_with_rates() -> None:
    text, _answered = ask("Kven var helseminister då brevet om eigendelen gjekk til ordførarane?")
    assert "«gjekk»" not in text, text
