"""Schemes counted by a compound or with words before the noun ('de tre helseordningene',
'the three health schemes') are the schemes with a national appropriation that year when
there are as many; one of them asked as a share of them all is its share of their sum.
Through the public interface; the figures are the sources' 2021 appropriations."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_one_schemes_share_of_the_three_counted_by_a_compound() -> None:
    text, answered = text_and_answered(
        "Hvor mange prosent av 2021-bevilgningene til de tre tilskuddsordningene gikk til "
        "voksne med langvarige og sammensatte behov?",
        TODAY,
    )
    assert answered
    assert "687" in text  # 455 + 185 + 47 millioner
    assert "26,9 %" in text  # 185 / 687


def test_the_sum_of_the_three_counted_with_words_before_the_noun() -> None:
    text, answered = text_and_answered(
        "What was the total of the 2021 appropriations for the three health grant schemes?",
        TODAY,
    )
    assert answered
    assert "687" in text


def test_a_count_that_does_not_fit_the_schemes_is_not_read_as_them() -> None:
    text, _answered = text_and_answered(
        "Hva var summen av 2021-bevilgningene til de fire helseordningene?", TODAY
    )
    assert "687" not in text


def test_schemes_named_beside_a_count_are_summed_as_named() -> None:
    text, answered = text_and_answered(
        "Hva er 2018-bevilgningene til de to ordningene kommunalt rusarbeid og voksne og barn "
        "med sammensatte behov til sammen?",
        TODAY,
    )
    assert answered
    assert "699,4" in text  # 472,4 + 227 (one figure for the joint scheme)
