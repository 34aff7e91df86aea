"""The one reader of the quantities people type: numbers of positions (årsverk) and kroner.

Free text (``bot.understanding`` finds where a quantity is written), the guided calculator
``/beregn`` (``bot.calculator``) and the calculations (``bot.calc``) all read a typed number
through :func:`read_positions` or :func:`read_kroner`, and check a number they were given
with :func:`check_positions` or :func:`check_kroner`. What cannot be read sensibly is refused
with a :class:`Refused` that says why, in bokmål and English (texts in ``bot.texts``):

>>> read_positions("1,5 årsverk"), read_positions("50 %"), read_positions("1/3")
(Fraction(3, 2), Fraction(1, 2), Fraction(1, 3))
>>> read_kroner("750 000 kr"), read_kroner("1,2 mill"), read_kroner("700k")
(750000, 1200000, 700000)

Positions stay exact fractions; kroner are whole. Scientific notation ('1e3') is refused
rather than guessed at, and so are signs, a zero denominator, more digits than any sensible
figure has, and values outside :data:`MIN_POSITIONS`–:data:`MAX_POSITIONS` or above
:data:`MAX_KRONER`.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from bot import fmt
from bot.text import lazy_pattern
from bot.texts import t
from bot.vocab import Lang

#: Fewest positions a calculation is made for: less than 1 % of a position is a typing error.
MIN_POSITIONS = Fraction(1, 100)
#: Most positions a calculation is made for; more is almost certainly a typing error.
MAX_POSITIONS = 1000
#: Most kroner a typed amount may be (a yearly cost, a budget): one billion.
MAX_KRONER = 1_000_000_000
#: Most digits one number (each part of a fraction, or the decimals) may have.
MAX_DIGITS = 15

Kind = Literal["positions", "kroner"]
Reason = Literal[
    "not_a_number",  # no number, or one written in a form not understood ('1,5,5', '2-3')
    "scientific",  # '1e3': scientific notation is not guessed at
    "zero_denominator",  # '1/0', '0/0'
    "not_positive",  # 0 or a negative number
    "too_small",  # fewer positions than MIN_POSITIONS
    "too_many",  # more positions than MAX_POSITIONS, more kroner than MAX_KRONER
]

PositionsValue = Fraction | Decimal | int | float | str

#: The catalogue text (bot.texts) that explains each refusal.
MESSAGES: dict[tuple[Kind, Reason], str] = {
    ("positions", "not_a_number"): "quantity.positions.not_a_number",
    ("positions", "scientific"): "quantity.positions.scientific",
    ("positions", "zero_denominator"): "quantity.positions.zero_denominator",
    ("positions", "not_positive"): "quantity.positions.not_positive",
    ("positions", "too_small"): "quantity.positions.too_small",
    ("positions", "too_many"): "quantity.positions.too_many",
    ("kroner", "not_a_number"): "quantity.kroner.not_a_number",
    ("kroner", "scientific"): "quantity.kroner.scientific",
    ("kroner", "zero_denominator"): "quantity.kroner.zero_denominator",
    ("kroner", "not_positive"): "quantity.kroner.not_positive",
    ("kroner", "too_many"): "quantity.kroner.too_many",
}


class Refused(ValueError):
    """A quantity that cannot be read sensibly; ``message(lang)`` tells the user why."""

    def __init__(self, kind: Kind, reason: Reason, shown: object) -> None:
        """Keep what kind of quantity it is, why it was refused and what was typed."""
        self.kind = kind
        self.reason = reason
        self.shown = shown
        super().__init__(f"{kind}: {reason}")

    def message(self, lang: Lang = "nb") -> str:
        """Explain the refusal and what a readable quantity looks like."""
        shown = str(self.shown).strip()
        if len(shown) > 40:
            shown = shown[:39] + "…"
        least = fmt.positions(MIN_POSITIONS, lang)
        most = fmt.number(MAX_POSITIONS, lang) if self.kind == "positions" else None
        if self.kind == "kroner":
            most = fmt.kroner(MAX_KRONER, lang)
        key = MESSAGES.get((self.kind, self.reason), MESSAGES[self.kind, "not_a_number"])
        return t(key, lang, shown=shown, least=least, most=most)


_SIGN = "+-\u2212\u2013"  # plus, hyphen-minus, minus sign, en dash
_UNIT = lazy_pattern(
    r"\s*(?:årsverk\w*|arsverk\w*|stillinger|stillingar|stillingen|stilling|ftes?|"
    r"positions?|posts?)$"
)
_PERCENT = lazy_pattern(r"\s*(?:%|prosent|percent|pst\.?)$")
_DECIMAL = lazy_pattern(r"(\d+)(?:[.,](\d+))?", re.ASCII)
_FRACTION = lazy_pattern(r"(\d+)\s*/\s*(\d+)", re.ASCII)
_SCIENTIFIC = lazy_pattern(r"\d+(?:[.,]\d+)?\s*e\s*[" + _SIGN + r"]?\d+", re.ASCII | re.I)


def _strip_sign(text: str) -> tuple[str, bool]:
    """Split a leading sign off; tell whether it was a minus."""
    if text and text[0] in _SIGN:
        return text[1:].lstrip(), text[0] != "+"
    return text, False


def _read_number(text: str, kind: Kind, shown: object) -> Fraction:
    """Read '2', '1,5', '1.5', '1/3' or a signed one exactly; refuse what is not that."""
    body, negative = _strip_sign(text)
    if _SCIENTIFIC.fullmatch(body):
        raise Refused(kind, "scientific", shown)
    value: Fraction
    if (m := _DECIMAL.fullmatch(body)) is not None:
        whole, part = m[1], m[2] or ""
        if len(whole.lstrip("0")) > MAX_DIGITS:
            raise Refused(kind, "too_many", shown)
        if len(part) > MAX_DIGITS:
            raise Refused(kind, "not_a_number", shown)
        value = Fraction(int(whole + part), 10 ** len(part))
    elif (m := _FRACTION.fullmatch(body)) is not None:
        top, bottom = m[1].lstrip("0"), m[2].lstrip("0")
        if len(top) > MAX_DIGITS or len(bottom) > MAX_DIGITS:
            raise Refused(kind, "not_a_number", shown)
        if not bottom:
            raise Refused(kind, "zero_denominator", shown)
        value = Fraction(int(top or "0"), int(bottom))
    else:
        raise Refused(kind, "not_a_number", shown)
    return -value if negative else value


def check_positions(value: Fraction, shown: object = None) -> Fraction:
    """Return a number of positions if it lies within the bounds; else refuse it with why."""
    shown = value if shown is None else shown
    if value <= 0:
        raise Refused("positions", "not_positive", shown)
    if value < MIN_POSITIONS:
        raise Refused("positions", "too_small", shown)
    if value > MAX_POSITIONS:
        raise Refused("positions", "too_many", shown)
    return value


def read_positions(value: PositionsValue) -> Fraction:
    """Turn positions as typed or passed into an exact fraction of full positions.

    Reads 2, Fraction(3, 2), Decimal('1.5'), 1.5 (as its shortest decimal), '1,5', '1.5',
    '1,5 årsverk', '50 %', '50 prosent stilling' (1/2) and '1/3'; refuses (:class:`Refused`)
    anything else, and values outside MIN_POSITIONS–MAX_POSITIONS.
    """
    exact: Fraction | None = None
    if isinstance(value, bool):
        exact = None
    elif isinstance(value, Fraction | int):
        exact = Fraction(value)
    elif isinstance(value, Decimal):
        exact = Fraction(value) if value.is_finite() else None
    elif isinstance(value, float):
        exact = Fraction(repr(value)) if math.isfinite(value) else None
    elif isinstance(value, str):
        exact = _positions_text(value)
    if exact is None:
        raise Refused("positions", "not_a_number", value)
    return check_positions(exact, value)


def _positions_text(text: str) -> Fraction:
    """Read a typed number of positions, with an optional unit or percent sign."""
    body = text.strip().casefold()
    while (stripped := _UNIT.sub("", body).rstrip(" -")) != body:
        body = stripped
    scale = Fraction(1)
    if (percent := _PERCENT.sub("", body)) != body:
        body, scale = percent.strip(), Fraction(1, 100)
    return _read_number(body, "positions", text) * scale


_KRONER_BEFORE = lazy_pattern(r"^(?:kr\.?|nok)\s*")
_KRONER_AFTER = lazy_pattern(r"\s*(?:kr\.?|kroner|nok|,-|\.-)$")
_MULTIPLIER = lazy_pattern(r"\s*(k|tusen|mill\w*|mnok|m)$")
_GROUPED = lazy_pattern(r"\d{1,3}(?:[ .,\u00a0]\d{3})+", re.ASCII)


def check_kroner(value: int, shown: object = None) -> int:
    """Return an amount of kroner if it is more than 0 and at most MAX_KRONER; else refuse it."""
    shown = value if shown is None else shown
    if value <= 0:
        raise Refused("kroner", "not_positive", shown)
    if value > MAX_KRONER:
        raise Refused("kroner", "too_many", shown)
    return value


def read_kroner(value: str | int) -> int:
    """Read '750 000', '750 000 kr', 'kr 750.000', '750.000,-', '700k', '1,2 mill' as kroner.

    Refuses (:class:`Refused`) what is not whole kroner, and amounts not above 0 or above
    MAX_KRONER.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return check_kroner(value)
    if not isinstance(value, str):
        raise Refused("kroner", "not_a_number", value)
    body = value.strip().casefold()
    body = _KRONER_BEFORE.sub("", body)
    body = _KRONER_AFTER.sub("", body).strip()
    body, negative = _strip_sign(body)
    scale = 1
    if (m := _MULTIPLIER.search(body)) is not None and body[: m.start()].strip():
        scale = 1000 if m[1] in ("k", "tusen") else 1_000_000
        body = body[: m.start()].strip()
    if scale == 1 and _GROUPED.fullmatch(body):
        body = re.sub(r"[ .,\u00a0]", "", body)
    amount = _read_number(body, "kroner", value) * scale
    if negative:
        amount = -amount
    if amount.denominator != 1:
        raise Refused("kroner", "not_a_number", value)
    return check_kroner(int(amount), value)
