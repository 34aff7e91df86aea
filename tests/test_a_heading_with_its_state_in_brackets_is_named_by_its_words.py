"""A source section headed with its state in brackets ('Regelverket 2018 (under
utarbeidelse): …') is named by the heading's words ('regelverket for 2018'), as other headed
sections are, and quoted beside the summary card; a topic card that already quotes one of its
sections is left as it is.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from tests.asking import text_and_answered

ask = partial(text_and_answered, today=dt.date(2026, 12, 7))


def test_the_2018_rules_are_quoted_when_named_in_nynorsk() -> None:
    text, answered = ask("Kva stod i regelverket for 2018 for kommunalt rusarbeid?")
    assert answered, text
    assert "revisorattestasjon bortfaller" in text, text
    assert "Questback" in text, text


def test_the_2018_rules_are_quoted_when_named_in_english() -> None:
    text, answered = ask(
        "What did the 2018 regulations for the municipal substance abuse grant say?"
    )
    assert answered, text
    assert "auditor" in text, text


def test_a_topic_card_quoting_one_section_gets_no_other() -> None:
    text, _answered = ask(
        "Hvordan skulle rapporteringen i kommunalt rusarbeid skje etter regelverket 2018?"
    )
    assert "Questback" in text, text
    assert "bortfaller" not in text, text
