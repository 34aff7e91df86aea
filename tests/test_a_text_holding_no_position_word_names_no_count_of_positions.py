"""A text holding none of the position stems names no count of positions (a cheap test)."""

from __future__ import annotations

import re

import pytest

from bot.understanding.entities import (
    compared_positions,
    extract_positions,
    may_name_positions,
    position_mentions,
)
from bot.understanding.patterns import POSITION_STEMS, POSITION_WORDS


@pytest.mark.parametrize(
    "word",
    [
        "arsverk",
        "arsverkene",
        "stilling",
        "stillingene",
        "heltidsstillingen",
        "fte",
        "ftes",
        "full-time",
        "full time",
        "position",
        "positions",
        "hjemmel",
        "hjemler",
        "ansatte",
    ],
)
def test_every_position_word_holds_one_of_the_position_stems(word: str) -> None:
    assert re.fullmatch(POSITION_WORDS, word)
    assert any(stem in word for stem in POSITION_STEMS)


@pytest.mark.parametrize(
    "folded",
    [
        "hvor mye far vi for 2 arsverk i ar 3",
        "en halv stilling",
        "to stillinger pa 50 %",
        "50 % stilling",
        "stillingen koster 700 000",
        "two full-time positions",
        "3 ansatte",
        "hvis vi ansetter tre i ar 2 til 600 000 kr hver",
        "if we hire two in year 1",
    ],
)
def test_a_text_naming_positions_may_name_them(folded: str) -> None:
    assert may_name_positions(folded)
    assert extract_positions(folded) is not None


@pytest.mark.parametrize(
    "folded",
    [
        "nar er soknadsfristen for kommunalt rusarbeid",
        "hvor mye fikk arendal i 2019",
        "hvem kan soke om tilskudd til to tiltak",
    ],
)
def test_a_text_holding_no_position_stem_names_no_count(folded: str) -> None:
    assert not may_name_positions(folded)
    assert extract_positions(folded) is None
    assert position_mentions(folded) == []
    assert compared_positions(folded) == ()
