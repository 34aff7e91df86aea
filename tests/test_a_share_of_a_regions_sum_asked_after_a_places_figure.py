"""'Hvor stor andel av Lister-summen er det?' after a place's figure (one year or a sum of
years) is that figure over the sum of the region's rows in the same years.

Through the public interface (the Engine); the expected figures are the knowledge base's own.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
AGDER = "opptrappingsplan-2016-2020"
LISTER = ("Farsund", "Flekkefjord", "Lyngdal", "Hægebostad", "Kvinesdal", "Sirdal")


def figure(label: str, *columns: str) -> int:
    values = next(r for r in KB.tables[AGDER].rows if r.label == label).values
    return sum(int(str(values[c])) for c in columns)


def one_decimal(ratio: Fraction) -> str:
    tenths = math.floor(ratio * 1000 + Fraction(1, 2))
    return f"{tenths // 10},{tenths % 10} %"


def test_a_sum_of_two_years_over_the_regions_sum_of_them() -> None:
    engine = Engine(KB)
    engine.ask("Hva fikk Kvinesdal i 2018 og 2019 til sammen?", TODAY, chat="lister")
    answer = engine.ask("Hvor stor del av Lister-summen utgjør det?", TODAY, chat="lister")
    years = ("y2018", "y2019")
    share = Fraction(figure("Kvinesdal", *years), sum(figure(m, *years) for m in LISTER))
    assert answer.answered
    assert one_decimal(share) in answer.text


def test_one_years_figure_over_the_regions_sum_that_year() -> None:
    engine = Engine(KB)
    engine.ask("Hvor mye fikk Lyngdal i 2019?", TODAY, chat="one")
    answer = engine.ask("Hvor stor andel av Listers sum er det?", TODAY, chat="one")
    share = Fraction(figure("Lyngdal", "y2019"), sum(figure(m, "y2019") for m in LISTER))
    assert answer.answered
    assert one_decimal(share) in answer.text
