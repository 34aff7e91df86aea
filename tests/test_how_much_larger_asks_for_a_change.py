"""'Hvor mye større var …?', 'how much larger …?': the comparative of size asks for a change
as 'hvor mye mer' does, so two years' appropriations are set against each other. Through
the public interface; the figures are the sources' (227 millioner for both schemes in 2018,
185 + 47 millioner in 2021)."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_how_much_larger_two_schemes_were_than_their_joint_figure_before() -> None:
    text, answered = text_and_answered(
        "Voksne og barn og unge med langvarige og sammensatte behov hadde 227 mill. samlet i "
        "2018. Hvor mye større var bevilgningene til de to i 2021?",
        TODAY,
    )
    assert answered
    assert "232" in text
    assert "5 millioner" in text


def test_how_much_larger_in_english() -> None:
    text, answered = text_and_answered(
        "The municipal substance abuse appropriation in 2021 and in 2018: how much larger "
        "was it in 2018?",
        TODAY,
    )
    assert answered
    assert "17.4" in text  # 472,4 − 455 millioner
