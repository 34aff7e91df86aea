"""The one quantity reader (bot.quantity): what it reads, what it refuses, and why.

Free text, /beregn and the calculations share it, so the same typed number is read (or
refused, with the same reason) wherever it is typed.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from bot.calc import errors as calc_errors
from bot.calc import ladder as ladder_calc
from bot.calc import rules as calc_rules
from bot.quantity import (
    MAX_KRONER,
    MAX_POSITIONS,
    MIN_POSITIONS,
    Refused,
    read_kroner,
    read_positions,
)
from bot.text import fold
from bot.understanding.entities import extract_money, extract_positions
from knowledge.kb import KnowledgeBase


@pytest.mark.parametrize(
    ("typed", "positions"),
    [
        ("2", Fraction(2)),
        ("1,5", Fraction(3, 2)),
        ("1.5", Fraction(3, 2)),
        ("0,75", Fraction(3, 4)),
        ("1,5 årsverk", Fraction(3, 2)),
        ("3 stillinger", Fraction(3)),
        ("50 %", Fraction(1, 2)),
        ("50 prosent stilling", Fraction(1, 2)),
        ("150 %", Fraction(3, 2)),
        ("1/3", Fraction(1, 3)),
        ("2 / 3 stilling", Fraction(2, 3)),
        ("+2", Fraction(2)),
        ("0,01", MIN_POSITIONS),
        ("1 %", MIN_POSITIONS),
        ("1/100", MIN_POSITIONS),
        ("1000", Fraction(MAX_POSITIONS)),
        ("0,333333333333333", Fraction(333_333_333_333_333, 10**15)),
        (Fraction(1, 7), Fraction(1, 7)),
        (Decimal("2.5"), Fraction(5, 2)),
        (0.1, Fraction(1, 10)),
    ],
)
def test_positions_are_read_exactly(typed: str | Fraction, positions: Fraction) -> None:
    assert read_positions(typed) == positions
    assert isinstance(read_positions(typed), Fraction)


@pytest.mark.parametrize(
    ("typed", "reason", "nb", "en"),
    [
        ("1/0", "zero_denominator", "deler på null", "divides by zero"),
        ("0/0", "zero_denominator", "deler på null", "divides by zero"),
        ("3/0", "zero_denominator", "deler på null", "divides by zero"),
        ("-2", "not_positive", "større enn 0 (fikk «-2»)", "greater than 0"),
        ("−2", "not_positive", "større enn 0", "greater than 0"),
        ("-50 %", "not_positive", "større enn 0", "greater than 0"),
        ("0", "not_positive", "større enn 0", "greater than 0"),
        ("0 %", "not_positive", "større enn 0", "greater than 0"),
        ("0/5", "not_positive", "større enn 0", "greater than 0"),
        ("1e3", "scientific", "tierpotens", "scientific notation"),
        ("1e308", "scientific", "tierpotens", "scientific notation"),
        ("1E-3", "scientific", "tierpotens", "scientific notation"),
        ("1/100000000", "too_small", "det minste er 0,01 årsverk", "the least is 0.01"),
        ("1/101", "too_small", "det minste er 0,01 årsverk", "the least is 0.01"),
        ("0,009", "too_small", "det minste er 0,01 årsverk", "the least is 0.01"),
        ("1001", "too_many", "høyst 1 000", "at most 1,000"),
        ("1" + "0" * 23, "too_many", "urimelig mange", "implausibly many"),
        ("9" * 5000, "too_many", "urimelig mange", "implausibly many"),
        ("1/" + "9" * 40, "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("2-3", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("1,5,5", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("mange", "not_a_number", "«mange» er ikke et antall årsverk", "“mange” is not"),
        ("", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("NaN", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("inf", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("0x10", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("1_000", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("½", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
        ("٣", "not_a_number", "ikke et antall årsverk", "not a number of positions"),
    ],
)
def test_positions_that_cannot_be_read_sensibly_are_refused_with_the_reason(
    typed: str, reason: str, nb: str, en: str
) -> None:
    with pytest.raises(Refused) as caught:
        read_positions(typed)
    assert caught.value.kind == "positions"
    assert caught.value.reason == reason
    assert nb in caught.value.message("nb")
    assert en in caught.value.message("en")


@pytest.mark.parametrize(
    ("typed", "kroner"),
    [
        ("750000", 750_000),
        ("750 000", 750_000),
        ("750 000 kr", 750_000),
        ("kr 750.000", 750_000),
        ("kr. 750 000", 750_000),
        ("750.000,-", 750_000),
        ("NOK 800,000", 800_000),
        ("700k", 700_000),
        ("1,2 mill", 1_200_000),
        ("1.5 millioner", 1_500_000),
        ("2 mnok", 2_000_000),
        ("1", 1),
        ("1 000 000 000", MAX_KRONER),
        (750_000, 750_000),
    ],
)
def test_kroner_are_read_in_every_common_notation(typed: str | int, kroner: int) -> None:
    assert read_kroner(typed) == kroner


@pytest.mark.parametrize(
    ("typed", "reason", "nb", "en"),
    [
        ("100000000000000000000000", "too_many", "høyst 1 000 000 000 kr", "NOK 1,000,000,000"),
        ("1" + "0" * 23 + " kr", "too_many", "urimelig stort beløp", "implausibly large"),
        ("1 000 000 001 kr", "too_many", "urimelig stort beløp", "implausibly large"),
        ("2000 mill", "too_many", "urimelig stort beløp", "implausibly large"),
        (10**23, "too_many", "urimelig stort beløp", "implausibly large"),
        ("1e23", "scientific", "tierpotens", "scientific notation"),
        ("1e23 kr", "scientific", "tierpotens", "scientific notation"),
        ("-700 000 kr", "not_positive", "større enn 0 kr", "more than NOK 0"),
        ("0 kr", "not_positive", "større enn 0 kr", "more than NOK 0"),
        (0, "not_positive", "større enn 0 kr", "more than NOK 0"),
        ("750,50 kr", "not_a_number", "helt antall kroner", "whole kroner"),
        ("1/0 kr", "zero_denominator", "deler på null", "divides by zero"),
        ("dyrt", "not_a_number", "«dyrt» er ikke et beløp", "“dyrt” is not an amount"),
        ("", "not_a_number", "ikke et beløp", "not an amount"),
    ],
)
def test_amounts_that_cannot_be_read_sensibly_are_refused_with_the_reason(
    typed: str | int, reason: str, nb: str, en: str
) -> None:
    with pytest.raises(Refused) as caught:
        read_kroner(typed)
    assert caught.value.kind == "kroner"
    assert caught.value.reason == reason
    assert nb in caught.value.message("nb")
    assert en in caught.value.message("en")


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("hva får vi for 1/0 årsverk", "1/0"),
        ("0/0 årsverk", "0/0"),
        ("-2 årsverk", "-2"),
        ("1e3 årsverk", "1e3"),
        ("1e308 stillinger", "1e308"),
        ("1/100000000 årsverk", "1/100000000"),
        ("-50 % stilling", "-50 %"),
        ("0 % stilling", "0 %"),
        ("1/3 stilling", Fraction(1, 3)),
        ("år 3, 2 årsverk", Fraction(2)),
    ],
)
def test_free_text_finds_the_whole_typed_number_and_hands_a_refused_one_on_as_typed(
    text: str, positions: Fraction | str
) -> None:
    assert extract_positions(fold(text)) == positions


@pytest.mark.parametrize(
    ("text", "kroner"),
    [
        ("koster 100000000000000000000000 kr", "100000000000000000000000 kr"),
        ("koster 1e23 kr", "1e23 kr"),
        ("koster -700 000 kr", "-700 000 kr"),
        ("koster kr700000", 700_000),
    ],
)
def test_free_text_hands_a_refused_amount_on_as_typed(text: str, kroner: int | str) -> None:
    assert extract_money(fold(text)) == kroner


@pytest.mark.parametrize("typed", ["1/0", "-2", "1e3", "1/100000000", "0"])
def test_the_calculations_refuse_what_the_reader_refuses_with_the_same_reason(typed: str) -> None:
    with pytest.raises(Refused) as read:
        read_positions(typed)
    with pytest.raises(calc_errors.InvalidPositions) as calculated:
        calc_rules.parse_positions(typed)
    assert calculated.value.reason == read.value.reason
    assert calculated.value.message("nb") == read.value.message("nb")


def test_a_yearly_cost_beyond_the_money_bound_is_refused_by_the_calculation(
    kb: KnowledgeBase,
) -> None:
    with pytest.raises(calc_errors.InvalidAmount) as caught:
        ladder_calc.rusarbeid_own_share(kb, 1, 2, 10**23)
    assert caught.value.reason == "too_many"
