"""The one formatting helper for every figure, date and count the bot shows.

Norwegian bokmål (``nb``, the default) and English (``en``):

>>> kroner(880000), kroner(880000, "en")
('880 000 kr', 'NOK 880,000')
>>> positions(Fraction(3, 2)), positions(Fraction(3, 2), "en"), positions(2)
('1,5', '1.5', '2')
>>> long_date(dt.date(2022, 2, 15)), long_date(dt.date(2022, 2, 15), "en")
('15. februar 2022', '15 February 2022')
>>> days(12), days(12, "en")
('om 12 dager', 'in 12 days')
>>> percent(Fraction(1, 2)), percent(Fraction(1, 2), "en")
('50 %', '50%')

Digit groups are separated by a plain space (U+0020) in Norwegian, because that is what
people type and what tests compare with; English uses a comma. Pure functions, no I/O.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

Lang = Literal["nb", "en"]

MONTHS: dict[Lang, tuple[str, ...]] = {
    "nb": (
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

#: Most decimals a number of positions is shown with before it is shown rounded.
POSITION_DECIMALS = 3


def number(value: int, lang: Lang = "nb") -> str:
    """Group the digits of a whole number: 880000 -> '880 000' (nb) or '880,000' (en)."""
    sign = "-" if value < 0 else ""
    return sign + f"{abs(value):,}".replace(",", " " if lang == "nb" else ",")


def kroner(amount: int, lang: Lang = "nb") -> str:
    """Render whole kroner: '880 000 kr' (nb) or 'NOK 880,000' (en)."""
    if lang == "en":
        sign = "-" if amount < 0 else ""
        return f"{sign}NOK {number(abs(amount), lang)}"
    return f"{number(amount, lang)} kr"


def _decimal_text(value: Fraction, lang: Lang) -> tuple[str, bool]:
    """Render a fraction with at most POSITION_DECIMALS decimals; say whether it is exact."""
    scale = 10**POSITION_DECIMALS
    scaled = value * scale
    exact = scaled.denominator == 1
    rounded = int(scaled) if exact else math.floor(scaled + Fraction(1, 2))
    whole, part = divmod(abs(rounded), scale)
    sign = "-" if rounded < 0 else ""
    text = f"{sign}{number(whole, lang)}"
    decimals = f"{part:0{POSITION_DECIMALS}d}".rstrip("0")
    if decimals:
        text += ("," if lang == "nb" else ".") + decimals
    return text, exact


def decimal(value: Fraction | Decimal | int, lang: Lang = "nb") -> str:
    """Render a number with a decimal comma (nb) or point (en), whole numbers without decimals.

    Values that need more than three decimals are rounded and marked 'ca.' / 'approx.'.
    """
    text, exact = _decimal_text(Fraction(value), lang)
    if exact:
        return text
    return ("ca. " if lang == "nb" else "approx. ") + text


def millions(amount: int, lang: Lang = "nb") -> str:
    """Render kroner in millions: 17 400 000 -> '17,4 millioner kr' (nb), 'NOK 17.4 million'."""
    value = decimal(Fraction(amount, 1_000_000), lang)
    return f"{value} millioner kr" if lang == "nb" else f"NOK {value} million"


def positions(value: Fraction | Decimal | int, lang: Lang = "nb") -> str:
    """Render a number of positions (årsverk): Fraction(3, 2) -> '1,5' (nb) or '1.5' (en)."""
    return decimal(value, lang)


def long_date(value: dt.date, lang: Lang = "nb") -> str:
    """Render a date in words: '15. februar 2022' (nb) or '15 February 2022' (en)."""
    month = MONTHS[lang][value.month - 1]
    if lang == "en":
        return f"{value.day} {month} {value.year}"
    return f"{value.day}. {month} {value.year}"


def days(count: int, lang: Lang = "nb") -> str:
    """Render a distance in days from today: 'om 12 dager' / 'in 12 days', 'i dag' / 'today'."""
    if lang == "en":
        if count == 0:
            return "today"
        if count == 1:
            return "tomorrow"
        if count == -1:
            return "yesterday"
        return f"in {count} days" if count > 0 else f"{-count} days ago"
    if count == 0:
        return "i dag"
    if count == 1:
        return "i morgen"
    if count == -1:
        return "i går"
    return f"om {count} dager" if count > 0 else f"for {-count} dager siden"


def percent(ratio: Fraction | Decimal | int, lang: Lang = "nb") -> str:
    """Render a ratio as a percentage: Fraction(1, 2) -> '50 %' (nb) or '50%' (en)."""
    text = decimal(Fraction(ratio) * 100, lang)
    return f"{text} %" if lang == "nb" else f"{text}%"


def share(ratio: Fraction, lang: Lang = "nb") -> str:
    """A computed share as a percentage with one decimal (half up), 'ca.' when rounded."""
    tenths = ratio * 1000
    rounded = Fraction(math.floor(tenths + Fraction(1, 2)), 10)
    text = decimal(rounded, lang)
    if tenths.denominator != 1:
        text = ("ca. " if lang == "nb" else "approx. ") + text
    return f"{text} %" if lang == "nb" else f"{text}%"


def year_range(first: int, last: int | None) -> str:
    """Render a range of calendar years: '2016–2020', '2022' or '2022–'."""
    if last == first:
        return str(first)
    return f"{first}–{last if last is not None else ''}"


def join(items: Sequence[str], lang: Lang = "nb") -> str:
    """Join words in running text: 'a, b og c' (nb) or 'a, b and c' (en)."""
    if len(items) <= 1:
        return "".join(items)
    word = " og " if lang == "nb" else " and "
    return ", ".join(items[:-1]) + word + items[-1]


def quote(text: str) -> str:
    """Quote source text the Norwegian way: «…»."""
    return f"«{text}»"
