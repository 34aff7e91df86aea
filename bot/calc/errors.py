"""Why a calculation cannot be made; the messages in bokmål and English are in bot.texts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot import fmt
from bot import quantity as typed
from bot.fmt import Lang
from bot.texts import t
from knowledge.schema import YearRange


class CalcError(Exception):
    """Base of every error this module raises; ``message(lang)`` explains it to a user."""

    code = "calc_error"

    def __init__(self) -> None:
        """Use the bokmål message as the exception text."""
        super().__init__(self.message("nb"))

    def message(self, lang: Lang = "nb") -> str:
        """Explain the error in the answer language."""
        return t("calc.error", lang)


class KnowledgeMissing(CalcError):
    """The knowledge base lacks a rule or table this module needs."""

    code = "knowledge_missing"

    def __init__(self, what: str) -> None:
        """Name the missing rule or table."""
        self.what = what
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain which rule or table is missing."""
        return t("calc.knowledge_missing", lang, what=self.what)


class InvalidPositions(CalcError):
    """A number of positions the quantity reader (bot.quantity) refuses, with its reason.

    ``reason`` is one of :data:`bot.quantity.Reason`: not_a_number, scientific,
    zero_denominator, not_positive, too_small or too_many.
    """

    code = "invalid_positions"

    def __init__(self, value: object, reason: typed.Reason) -> None:
        """Keep the value and why it was refused."""
        self.value = value
        self.reason = reason
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain why the number of positions was refused (texts in bot.texts)."""
        return typed.Refused("positions", self.reason, self.value).message(lang)


class InvalidAmount(CalcError):
    """An amount of kroner the quantity reader (bot.quantity) refuses, with its reason."""

    code = "invalid_amount"

    def __init__(self, value: object, reason: typed.Reason) -> None:
        """Keep the value and why it was refused."""
        self.value = value
        self.reason = reason
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain why the amount was refused (texts in bot.texts)."""
        return typed.Refused("kroner", self.reason, self.value).message(lang)


class InvalidGrantYear(CalcError):
    """A grant year (1, 2, …) below 1 or beyond the last step of the ladder."""

    code = "invalid_grant_year"

    def __init__(self, grant_year: object, max_years: int) -> None:
        """Keep the year asked for and how many grant years the ladder has."""
        self.grant_year = grant_year
        self.max_years = max_years
        super().__init__()

    @property
    def reason(self) -> str:
        """'beyond_ladder' (year 5 or later: not eligible) or 'not_positive' (year 0)."""
        if isinstance(self.grant_year, int) and self.grant_year > self.max_years:
            return "beyond_ladder"
        return "not_positive"

    def message(self, lang: Lang = "nb") -> str:
        """Explain that grants are given for at most max_years years, or that years start at 1."""
        key = (
            "calc.grant_year.beyond_ladder"
            if self.reason == "beyond_ladder"
            else "calc.grant_year.not_positive"
        )
        return t(key, lang, year=self.grant_year, n=self.max_years)


class OutOfRange(CalcError):
    """A calendar year that no rule or table in the sources covers."""

    code = "out_of_range"

    def __init__(self, year: object, covered: Sequence[YearRange], subject: str) -> None:
        """Keep the year, the ranges the rules do cover and what was asked about."""
        self.year = year
        self.covered = tuple(covered)
        self.subject = subject
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Name the years the sources do cover."""
        spans = fmt.join([r.label() for r in _merge_ranges(self.covered)], lang)
        return t("calc.out_of_range", lang, year=self.year, subject=self.subject, spans=spans)


class UnknownMunicipality(CalcError):
    """A municipality name or number the sources do not have."""

    code = "unknown_municipality"

    def __init__(
        self, text: str, suggestions: Sequence[str] = (), areas: Sequence[str] = ()
    ) -> None:
        """Keep what was asked for, up to three close names and the counties the sources cover."""
        self.text = text
        self.suggestions = tuple(suggestions)
        self.areas = tuple(areas)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Offer the closest names, or say which counties the sources cover."""
        text = t("calc.unknown_municipality", lang, text=self.text)
        if self.suggestions:
            return text + t("calc.did_you_mean", lang, names=fmt.join(list(self.suggestions), lang))
        if self.areas:
            return text + t("calc.municipality_areas", lang, areas=fmt.join(list(self.areas), lang))
        return text


class UnknownGroup(CalcError):
    """A region or county the sources do not have."""

    code = "unknown_group"

    def __init__(self, text: str, options: Sequence[str]) -> None:
        """Keep what was asked for and the groups there are."""
        self.text = text
        self.options = tuple(options)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """List the groups that can be summed."""
        options = fmt.join(list(self.options), lang)
        return t("calc.unknown_group", lang, text=self.text, options=options)


class UnknownScheme(CalcError):
    """A scheme id or name the knowledge base does not have."""

    code = "unknown_scheme"

    def __init__(self, text: str, suggestions: Sequence[str] = ()) -> None:
        """Keep what was asked for and close scheme names."""
        self.text = text
        self.suggestions = tuple(suggestions)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Offer the closest scheme names, if any."""
        text = t("calc.unknown_scheme", lang, text=self.text)
        if self.suggestions:
            return text + t("calc.did_you_mean", lang, names=fmt.join(list(self.suggestions), lang))
        return text


class UnknownOffice(CalcError):
    """An office id or name the knowledge base does not have."""

    code = "unknown_office"

    def __init__(self, text: str, options: Sequence[str]) -> None:
        """Keep what was asked for and the offices there are."""
        self.text = text
        self.options = tuple(options)
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """List the offices the sources name."""
        options = fmt.join(list(self.options), lang)
        return t("calc.unknown_office", lang, text=self.text, options=options)


class InvalidDuration(CalcError):
    """A number of grant years outside 1..max for a capped scheme."""

    code = "invalid_duration"

    def __init__(self, years: object, usual_years: int, max_years: int) -> None:
        """Keep the years asked for and the usual and maximum duration."""
        self.years = years
        self.usual_years = usual_years
        self.max_years = max_years
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain the usual and the longest duration."""
        return t(
            "calc.invalid_duration",
            lang,
            years=self.years,
            usual=self.usual_years,
            most=self.max_years,
        )


class InvalidStartYear(CalcError):
    """A group of positions said to start after the year asked about."""

    code = "invalid_start_year"

    def __init__(self, start_year: object, year: int) -> None:
        """Keep the start year and the calendar year."""
        self.start_year = start_year
        self.year = year
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Explain that a position cannot get a grant before it starts."""
        return t("calc.invalid_start_year", lang, start=self.start_year, year=self.year)


class InvalidArgument(CalcError):
    """Any other input this module cannot use (a count, a kind, a date, a year range)."""

    code = "invalid_argument"

    def __init__(self, name: str, value: object, expected: str) -> None:
        """Keep the argument, its value and what was expected (a key of EXPECTED)."""
        self.name = name
        self.value = value
        self.expected = expected
        super().__init__()

    def message(self, lang: Lang = "nb") -> str:
        """Say what was expected."""
        expected = t(EXPECTED[self.expected], lang)
        return t("calc.invalid_argument", lang, value=self.value, expected=expected)


# What an argument must be, by the name the calculations give it (texts in bot.texts).
EXPECTED = {
    "deadline_kind": "calc.expected.deadline_kind",
    "date": "calc.expected.date",
    "count": "calc.expected.count",
    "groups": "calc.expected.groups",
    "start_groups": "calc.expected.start_groups",
    "year_order": "calc.expected.year_order",
    "year_span": "calc.expected.year_span",
    "measures": "calc.expected.measures",
    "yearly_cost": "calc.expected.yearly_cost",
    "grant_years": "calc.expected.grant_years",
    "cost_per_grant_year": "calc.expected.cost_per_grant_year",
    "rate_scheme": "calc.expected.rate_scheme",
}


def _merge_ranges(ranges: Iterable[YearRange]) -> list[YearRange]:
    """Merge overlapping or adjacent year ranges."""
    merged: list[YearRange] = []
    for r in sorted(ranges, key=lambda r: r.first):
        if merged:
            last = merged[-1]
            if last.last is None or r.first <= last.last + 1:
                end = None if last.last is None or r.last is None else max(last.last, r.last)
                merged[-1] = YearRange(first=last.first, last=end)
                continue
        merged.append(r)
    return merged
