"""A thing asked which scheme it belongs to ('fact ung hvilken ordning?') is answered with the
scheme of the one source sentence that names it, quoted; a thing no sentence names is still
declined. Through the public interface."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.engine import Engine
from tests.rules import kb

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    "question",
    ["FACT Ung – hvilket tilskudd?", "hvilken ordning, fact ung?"],
)
def test_the_scheme_of_the_sentence_naming_the_thing_is_given(question: str) -> None:
    answer = Engine(kb()).ask(question, TODAY)
    assert answer.answered
    assert answer.scheme == "barn-unge-langvarige"
    assert "FACT Ung" in answer.text


def test_a_thing_no_sentence_names_is_declined() -> None:
    answer = Engine(kb()).ask("hvilken ordning gjelder kaffe?", TODAY)
    assert not answer.answered
