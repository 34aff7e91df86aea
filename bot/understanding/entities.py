"""Entities read from folded text: years, grant years, positions, groups, money, dates."""

from __future__ import annotations

import functools
import re
from fractions import Fraction
from itertools import pairwise

from bot.quantity import Refused, read_kroner, read_positions
from bot.text import lazy_pattern
from bot.understanding.patterns import (
    _FIRST_YEARS,
    _START_YEAR,
    _YEAR_LIST,
    COST_OF_ONE,
    END_YEAR_ASK,
    GRANT_PERCENT,
    ORD_WORD,
    OWN_SHARE_PERCENT,
    POSITION_LIMIT,
    POSITION_STEMS,
    POSITION_WORDS,
    RELATIVE_YEAR,
)
from bot.understanding.words import (
    MORE_NUMBER_WORD,
    MORE_NUMBER_WORDS,
    NATIONAL_WORD,
    NUMBER_WORDS,
    ORDINAL_WORD,
    ORDINALS,
    word_pattern,
    word_tables,
)

#: How many texts the pure readers below remember: the few texts of one question (the
#: question, it with start years blanked, its parts), read again by later steps and by the
#: answers; too few to keep earlier questions, so a new question is read anew.
REMEMBERED = 64


def extract_grant_year_list(folded: str) -> list[int] | None:
    """Read a list of grant years: 'år 1, 2 og 3', 'år 2 og år 3', 'years 1 and 4'."""
    m = _YEAR_LIST.search(folded)
    if not m:
        return None
    values = [int(m.group(1)), *(int(v) for v in re.findall(r"\d{1,2}", m.group(2)))]
    unique = sorted(set(values))
    return unique if len(unique) >= 2 and min(unique) > 0 else None


# 'år 1 til 3', 'years 1 to 3', 'tilskuddsårene 2–4': a span of grant years without 'fra'
_YEAR_SPAN = lazy_pattern(
    r"\b(?:ar|arene|ara|year|years|tilskuddsar\w*|tilskotsar\w*)\s*(\d{1,2})\s*"
    r"(?:til|to|through|-|–)\s*(?:(?:ar|year)\s*)?(\d{1,2})\b"
    rf"(?!\s*(?:%|prosent|[.,]\d|{POSITION_WORDS}|ar\b|years?\b))"
)


# 'de to siste årene', 'the last two grant years', 'dei to siste tilskotsåra': the ladder's end
_LAST_YEARS = lazy_pattern(
    r"\b(?:(?:de|dei|the)\s+(\w+)\s+(?:siste|last|final)|(?:de|dei|the)\s+(?:siste|last|final)"
    r"\s+(\w+))\s+(?:\w+\s+)?(?:arene|ara|years|tilskuddsarene|tilskotsara|aar)\b"
)


def _has_place(slots: dict[str, object]) -> bool:
    """Tell whether the slots name a municipality, group or place."""
    return any(k in slots for k in ("municipality", "group", "place"))


def extract_year_span(folded: str) -> tuple[int, int] | None:
    """Read 'år 1 til 3', 'years 1 to 3': the first and last grant year of a span."""
    m = _YEAR_SPAN.search(folded)
    if not m:
        return None
    first, last = int(m.group(1)), int(m.group(2))
    return (first, last) if 0 < first < last <= 9 else None


def extract_last_years(folded: str) -> int | None:
    """Read 'de to siste årene', 'the last two years': how many grant years up to the last."""
    m = _LAST_YEARS.search(folded)
    if not m:
        return None
    word = next(g for g in m.groups() if g is not None)
    value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if isinstance(value, int) and 2 <= value <= 9:
        return value
    return None


def extract_first_years(folded: str) -> int | None:
    """Read 'de tre første årene', 'the first two years': how many grant years from year 1."""
    m = _FIRST_YEARS.search(folded)
    if not m:
        return None
    word = next(g for g in m.groups() if g is not None)
    value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if isinstance(value, int) and 1 <= value <= 9:
        return value
    return None


_COUNT_OF_YEARS = r"(\d|to|tre|fire|fem|seks|two|three|four|five|six)"


# 'over tre år', 'i alle tre åra', 'over the maximum three years', 'for 2 years': how many
# years a figure is summed over, from the grant year named (or year 1)
_DURATION = lazy_pattern(
    r"\b(?:(?:over|gjennom|across|during)\s+(?:(?:alle|all|hele|heile)\s+)?(?:(?:de|dei|the)\s+)?"
    r"|(?:i|for|in)\s+(?:(?:alle|all|hele|heile)\s+(?:(?:de|dei|the)\s+)?)?|(?:alle|all)\s+(?:(?:de|dei|the)\s+)?)"
    r"(?:(?:maksimalt|maksimale|maksimum|maks|maximum|max|inntil|opptil|hoyst|up to|at most|"
    r"mulige|possible)\s+)?"
    rf"{_COUNT_OF_YEARS}\s+(?:ar|arene|ara|years?|tilskuddsar|tilskuddsarene|tilskotsar|"
    # (a dash that begins a clause ends the count: 'over tre år – hva er …')
    r"tilskotsara|grant years)\b(?!\s*(?:\d|til\s+\d|to\s+\d|[-–]\s*(?:\d|ar\b|year)))"
)


# 'så lenge som mulig', 'over hele fireårsperioden', 'that whole period': every year the rules
# allow (a count in the words, 'fireårsperioden', is that many years)
_DURATION_MAX = lazy_pattern(
    r"\b(?:sa lenge som mulig|sa lenge det gar|lengst mulig|as long as possible|"
    r"(?:(?:over|i|gjennom|for|across|during)\s+)?(?:hele|heile|(?:that|the|this)\s+(?:whole|entire|full))"
    r"\s+(?:(\w+?)ars?periode\w*|tilskuddsperiode\w*|tilskotsperiode\w*|perioden|period|"
    # 'the whole four-year period'
    r"(\w+)[- ]year\s+period)|"
    r"(?:the\s+)?maximum\s+(?:period|duration)|maksimal\w*\s+(?:periode|varighet)|"
    # 'over den lengste tidsperioden ordningen tillater', 'the longest period allowed'
    r"(?:den\s+)?lengste\s+(?:tids|tilskudds|tilskots)?periode\w*|lengst\s+mulig\s+tid|"
    r"(?:the\s+)?longest\s+(?:possible\s+|allowed\s+)?(?:period|time|duration)|"
    r"sa mange ar som mulig|as many years as possible|"
    # 'i maksimalt antall år', 'det høyeste antall år', 'the maximum number of years'
    r"(?:maksimalt|maks|max|hoyeste|flest mulig|storst mulig|det hoyeste)\s+(?:antall\s+)?ar\b|"
    r"(?:the\s+)?(?:maximum|max|largest)\s+number\s+of\s+years|"
    # 'i alle årene det kan få', 'over all the years it can be given'
    r"(?:i|over|for|gjennom|in|across)\s+(?:alle|all)\s+(?:de\s+|dei\s+|the\s+)?"
    r"(?:arene|ara|tilskuddsarene|tilskotsara|years|grant years)(?!\s*\d)|"
    # 'får tilskudd alle årene det er mulig', 'every year possible'
    r"(?:alle|all|every)\s+(?:de\s+|dei\s+|the\s+)?(?:arene|ara|years?|tilskuddsarene)\s+"
    r"(?:(?:det|som)\s+er\s+mulig|det gar|(?:that\s+(?:is|are)\s+)?possible|allowed))\b"
)


# 'og to år?', 'hva med tre år?', 'and two years?': a follow-up that names only a count of years
_FOLLOW_UP_DURATION = lazy_pattern(
    rf"^(?:og|and|men|but|hva med|kva med|what about|how about)\s+(?:(?:for|i|over|in)\s+)?"
    rf"{_COUNT_OF_YEARS}\s+(?:ar|arene|ara|years?)\s*(?:da|then)?\s*[?.!]*\s*$"
)


def extract_duration(folded: str) -> int | None:
    """Read how many years a figure runs over: 'over tre år' (3), 'så lenge som mulig' (-1)."""
    m = _FOLLOW_UP_DURATION.match(folded.strip())
    if m:
        value = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS.get(m.group(1))
        return value if isinstance(value, int) and 1 < value <= 9 else None
    m = _DURATION.search(folded)
    if m:
        word = m.group(1)
        value = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
        return value if isinstance(value, int) and 1 < value <= 9 else None
    m = _DURATION_MAX.search(folded)
    if m:
        value = NUMBER_WORDS.get(m.group(1) or m.group(2) or "")
        return value if isinstance(value, int) and 1 < value <= 9 else -1
    return None


_SINCE = lazy_pattern(r"\b(?:siden|sidan|since)\s+(?:19|20)\d{2}$")


# 'startet i 2019 og 2020', 'started in 2019 and in 2020': more start years after the first
_MORE_START_YEARS = lazy_pattern(
    r"\s*(?:,|og|and)\s*(?:(?:i|in)\s+)?((?:19|20)\d{2})\b(?!\s*(?:-|–))"
    # 'startet i 2019, og 2021 fikk vi …': a year that begins a clause is no start year
    r"(?!\s+(?:fikk|far|fa|er|var|blir|ble|gir|ga|got|get|gets|is|was|will)\b)"
)


def extract_start_years(folded: str) -> list[tuple[int, tuple[int, int]]]:
    """Read each year positions first got a grant, with the span of the words that say so.

    'tilskudd siden 2017' is a start year only against a calendar year asked about ('kan vi
    regne med tilskudd i 2021?', 'i år'); alone it is the year the question is about. A list
    after the words ('startet i 2019 og 2020') gives each of its years.
    """
    return list(_extract_start_years(folded))


@functools.lru_cache(maxsize=REMEMBERED)
def _extract_start_years(folded: str) -> tuple[tuple[int, tuple[int, int]], ...]:
    """extract_start_years, remembered (it is pure): the same text is read several times."""
    found = []
    for m in _START_YEAR.finditer(folded):
        if _SINCE.search(m.group(0)) and not END_YEAR_ASK.search(folded):
            # ('siden 2019 – når er siste år?' asks from a start year)
            rest = folded[: m.start()] + folded[m.end() :]
            if not _YEAR.search(rest) and relative_year(rest) is None:
                continue
        found.append((int(next(g for g in m.groups() if g is not None)), m.span()))
        end = m.end()
        while more := _MORE_START_YEARS.match(folded, end):
            found.append((int(more.group(1)), (end, more.end())))
            end = more.end()
    return tuple(found)


def listed_start_years(folded: str) -> list[int]:
    """Read the start years of one start phrase that lists several ('startet 2019 og 2020').

    Empty when the question has more than one start phrase ('2 som startet i 2020 og 1 som
    startet i 2021'), whose counts belong to each phrase.
    """
    matches = list(_START_YEAR.finditer(folded))
    if len(matches) != 1:
        return []
    m = matches[0]
    years = [int(next(g for g in m.groups() if g is not None))]
    end = m.end()
    while more := _MORE_START_YEARS.match(folded, end):
        years.append(int(more.group(1)))
        end = more.end()
    return years if len(set(years)) >= 2 else []


def relative_year(folded: str) -> int | None:
    """Read 'i fjor' (-1), 'i år' (0), 'neste år' (+1): a year relative to today."""
    m = RELATIVE_YEAR.search(folded)
    if not m:
        return None
    return -1 if m.group(1) else (1 if m.group(2) else 0)


def relative_years(folded: str) -> list[int]:
    """Read every distinct year against today, in order: 'i år og neste år' gives [0, 1]."""
    found: list[int] = []
    for m in RELATIVE_YEAR.finditer(folded):
        value = -1 if m.group(1) else (1 if m.group(2) else 0)
        if value not in found:
            found.append(value)
    if _BEFORE_LAST.search(folded) and -2 not in found:
        found.append(-2)  # 'i fjor og i forfjor'
    return found


_BEFORE_LAST = lazy_pattern(r"\b(?:i forfjor|the year before last)\b")


_QUALIFIER = (
    r"(?:nye\s+|new\s+|slike\s+|sanne\s+|such\s+|hele\s+|helt\s+|heilt\s+|fulle\s+|full\s+|heile\s+|hel\s+|heil\s+|faste\s+|nav\s+|"
    r"ekstra\s+|extra\s+|additional\s+|permanent\s+|full[- ]?time\s+|whole\s+|heltids\s+)?"
)


# A number as typed, whole: a sign, decimals, a fraction, a range or an exponent stay part of
# it ('-2', '1,5', '1/0', '2-3', '1e3'), so the quantity reader (bot.quantity) sees all of it.
_SIGNS = "+\u2212\u2013-"


NUMBER = (
    rf"(?<![\w.,/{_SIGNS}])[{_SIGNS}]?\d"
    rf"(?:\d|[.,](?=\d)|\s*/\s*(?=\d)|[\u2013-](?=\d)|e[+\u2212-]?(?=\d))*"
)


_PERCENT_POSITION = lazy_pattern(
    rf"({NUMBER})\s*(?:%|prosent|percent)\s*(?:av\s+(?:en|ei|et|ett)\s+)?"
    rf"({POSITION_WORDS})?"
)


_POSITION_WORD = lazy_pattern(POSITION_WORDS)


_COUNT_POSITION = lazy_pattern(rf"({NUMBER})\s*{_QUALIFIER}{POSITION_WORDS}")


# 'to av stillingene (våre)', '2 av årsverkene', 'two of our positions'
_PARTITIVE_POSITION = lazy_pattern(
    r"(?<![\w.,])(\d+|to|two|tre|three|fire|four|fem|five|seks|six)\s+(?:av|of)\s+"
    rf"(?:(?:de|dei|vare|vart|our|the|disse|these)\s+)?{POSITION_WORDS}"
)


_WORD_POSITION = word_pattern(
    rf"\b(halvannen|halvannet|en halv|ei halv|et halvt|ett halvt|halvt|halve|halv|a half-time|"
    rf"half-time|half an?|half|one|an|en|et|ett|ei|to|two|tre|three|fire|four|fem|five|seks|six|"
    rf"{MORE_NUMBER_WORD}|"
    rf"begge|both|(?<=hver )sin|(?<=kvar )si|(?<=hvor )si|(?<=hvert )sitt)"
    # ('to 2021-stillinger': positions named by the year they started)
    rf"\s+{_QUALIFIER}(?:(?:19|20)\d{{2}}-)?{POSITION_WORDS}"
)


# 'one and a half positions', 'to og en halv stilling': a whole number and a half
_AND_A_HALF_POSITION = lazy_pattern(
    rf"\b(one|two|three|four|five|six|en|ett|ei|to|tre|fire|fem|seks)\s+(?:and|og)\s+"
    rf"(?:a|an|en|ei|et|ett)\s+(?:half|halv|halvt)\s+{_QUALIFIER}{POSITION_WORDS}"
)


# an article before the number word ('half an FTE', 'en halv stilling') counts nothing
_ARTICLES = frozenset({"a", "an", "en", "ei", "et", "ett"})


# 'per årsverk', 'pr. stilling', 'per FTE', 'each position': the rate for one position.
_PER_POSITION = lazy_pattern(
    rf"\b(?:per|pr|each|every|hvert|hver)\.?\s+(?:100\s*%\s*)?{_QUALIFIER}{POSITION_WORDS}"
)


_COUNTED_POSITIONS = word_pattern(
    rf"(?:{_PERCENT_POSITION.pattern}|{_COUNT_POSITION.pattern}|{_WORD_POSITION.pattern}|"
    rf"{_AND_A_HALF_POSITION.pattern})"
)


# 'stillingen koster 700 000', 'the position costs': one position, implied
# 'en tredjedels stilling', 'to tredjedels årsverk', 'a quarter FTE', '1/3 stilling'.
FRACTION_WORDS: dict[str, Fraction] = {
    "tredjedels": Fraction(1, 3),
    "tredjedel": Fraction(1, 3),
    "third": Fraction(1, 3),
    "totredjedels": Fraction(2, 3),
    "totredjedel": Fraction(2, 3),
    "twothirds": Fraction(2, 3),
    "fjerdedels": Fraction(1, 4),
    "fjerdedel": Fraction(1, 4),
    "kvart": Fraction(1, 4),
    "quarter": Fraction(1, 4),
    "trekvart": Fraction(3, 4),
    "threequarters": Fraction(3, 4),
    "femtedels": Fraction(1, 5),
    "femtedel": Fraction(1, 5),
    "fifth": Fraction(1, 5),
}


_FRACTION_POSITION = lazy_pattern(
    rf"(?:(?<![\w.,/{_SIGNS}])([{_SIGNS}]?\d+\s*/\s*\d+)\s*|\b("
    + "|".join(
        sorted(
            (
                k.replace("to", "to ?", 1)
                if k.startswith("totredje")
                # 'tre kvart stilling' as 'trekvart'; not 'tredjedel'
                else k.replace("tre", "tre ?", 1)
                if k.startswith("trekvart")
                else k.replace("two", "two ?", 1).replace("three", "three ?", 1)
                for k in FRACTION_WORDS
            ),
            key=len,
            reverse=True,
        )
    )
    + rf")\s+(?:(?:av|of)\s+(?:en|ei|et|ett|a|an)\s+)?)(?:{POSITION_WORDS})"
)


# '1 1/2 stilling', '2 3/4 FTE': a whole number and a fraction of a position
_MIXED_POSITION = lazy_pattern(
    rf"(?<![\w.,/])(?<!\bar )(?<!year )(?<!aret )(\d+)\s+(\d+\s*/\s*\d+)\s*(?:{POSITION_WORDS})"
)


# A quantity word before a position word that none of the patterns read ('syv tolvtedels
# stillinger'): the answer must ask instead of assuming one position.
_UNREAD_QUANTITY = lazy_pattern(rf"\b(\w+(?:dels?|tedel\w*))\s+(?:{POSITION_WORDS})")


def unread_positions(folded: str) -> bool:
    """Tell whether the text gives a number of positions in a form not understood."""
    return extract_positions(folded) is None and _UNREAD_QUANTITY.search(folded) is not None


_ONE_POSITION = lazy_pattern(
    r"\b(?:stillingen|arsverket|the position|our position|the fte|our fte)\s+"
    r"(?:koster|kostar|costs?|er pa|is)\b"
)


def _typed_positions(typed: str) -> Fraction | str:
    """Read a typed number of positions; the typed text itself when the reader refuses it."""
    try:
        return read_positions(typed)
    except Refused:
        return typed.strip()


# 'to stillinger på 50 %', 'tre 40 %-stillinger', 'two 50% positions', '2 x 100 % stilling':
# positions of a share each
_COUNT_OF_SHARE = lazy_pattern(
    r"(?<![\w.,])(\d+|to|two|tre|three|fire|four|fem|five|seks|six)(?:\s+|\s*[x×*]\s*)(?:"
    rf"(?:{POSITION_WORDS})\s+(?:pa|of|at)\s+(\d{{1,3}})\s*(?:%|prosent|percent)|"
    rf"(\d{{1,3}})\s*(?:%|prosent|percent)[\s-]*(?:{POSITION_WORDS})|"
    # 'to personer i 100 % stilling', 'tre ansatte i hel stilling', 'two people in 50 % posts'
    r"(?:personer|ansatte|medarbeidere|tilsette|people|persons|employees|staff)\s+"
    r"(?:i|pa|in|on|at)\s+(?:en\s+|ei\s+|a\s+)?(?:(\d{1,3})\s*(?:%|prosent|percent)[\s-]*|"
    rf"(hele|hel|heil|heile|fulle|full|full[- ]time|whole)[\s-]+)(?:{POSITION_WORDS}))"
)


@functools.lru_cache(maxsize=REMEMBERED)
def count_of_shares(folded: str) -> tuple[int, Fraction] | None:
    """Read 'to stillinger på 50 %': how many positions, and the share of a whole each is."""
    m = _COUNT_OF_SHARE.search(folded)
    if not m:
        return None
    token = m.group(1)
    count = int(token) if token.isdigit() else NUMBER_WORDS.get(token)
    share = Fraction(int(m.group(2) or m.group(3) or m.group(4) or 100), 100)
    # 'to 100 % stillinger': whole positions, counted like 'to stillinger'
    if not isinstance(count, int) or not 2 <= count <= 50 or not 0 < share <= 1:
        return None
    return count, share


def _word_count(words: str) -> Fraction | None:
    """Read a count of positions in words: 'to', 'en halv', 'half an' (a half, not one)."""
    parts = words.split()
    first, last = parts[0], parts[-1]
    # 'half an FTE': the half counts; 'en halv stilling', 'to stillinger': the last word does
    value = NUMBER_WORDS.get(first) if first.startswith("hal") else None
    if value is None:
        value = NUMBER_WORDS.get(last, NUMBER_WORDS.get(first))
    return None if value is None else Fraction(value)


# 'årsverkskostnad', 'stillingslønn': a position word that begins a word of cost
_COST_COMPOUND = lazy_pattern(r"(?:kost|lonn|utgift|pris)")


def may_name_positions(folded: str) -> bool:
    """Whether a text may name a count of positions (False: no reading below finds one)."""
    # every reading of a count needs a position word (one of POSITION_STEMS) or a percentage
    # ('50 %'); they replace words with spaces only, so the words they find are in the text
    return "%" in folded or any(stem in folded for stem in POSITION_STEMS)


@functools.lru_cache(maxsize=REMEMBERED)
def compared_positions(folded: str) -> tuple[Fraction, ...]:
    """Read two different counts of positions in one question ('3 årsverk enn 2 årsverk').

    The unit of a cost ('et årsverk koster 700 000') is no count; empty unless two remain.
    """
    if not may_name_positions(folded):
        return ()
    folded = COST_OF_ONE.sub(" ", folded)
    counts: list[Fraction] = []
    for m in _COUNT_POSITION.finditer(folded):
        value = _typed_positions(m.group(1))
        if isinstance(value, Fraction) and not _COST_COMPOUND.search(m.group(0).split()[-1]):
            counts.append(value)
    for m in _WORD_POSITION.finditer(folded):
        if _COST_COMPOUND.search(m.group(0).split()[-1]):
            continue  # 'en årsverkskostnad på 700 000': a cost, not a position
        amount = _word_count(m.group(1))
        if amount is not None:
            counts.append(amount)
    distinct = tuple(sorted(set(counts)))
    return distinct if len(distinct) >= 2 else ()


# 'stillingene våre (2 stk.)', '3 stk. årsverk': a count in pieces, before or after the word
_PIECES_POSITION = re.compile(
    rf"(?:{POSITION_WORDS})(?:\s+(?:vare|vart|vår|our))?\s*\(?\s*"
    r"(\d+|to|tre|fire|fem|seks|two|three|four|five|six)\s*(?:stk|stykk|stykker|pcs)\b\.?\s*\)?"
    r"|(?<![\w.,])(\d+|to|tre|fire|fem|seks|two|three|four|five|six)\s*(?:stk|stykk|stykker|pcs)\b"
    rf"\.?\s+{_QUALIFIER}(?:{POSITION_WORDS})"
)


@functools.lru_cache(maxsize=REMEMBERED)
def extract_positions(folded: str) -> Fraction | str | None:
    """Read '2 årsverk', '1,5 årsverk', '50 % stilling', 'en halv stilling', 'per årsverk'.

    A number the quantity reader (bot.quantity) refuses ('-2 årsverk', '1/0 årsverk',
    '1e3 årsverk') is returned as typed, for the calculation to refuse with the reason.
    """
    if not may_name_positions(folded):
        return None
    # 'minst 20 % egenandel' is a share of the cost, not of a position
    folded = OWN_SHARE_PERCENT.sub(" ", folded)
    # '20 % påslag på tilskuddet' is a change to the grant, not a share of a position
    folded = GRANT_PERCENT.sub(" ", folded)
    # 'et tak på 5 årsverk per kommune' is a limit claimed, not the positions asked about
    folded = POSITION_LIMIT.sub(" ", folded)
    shares = count_of_shares(folded)
    if shares is not None:
        return shares[0] * shares[1]
    m = _PIECES_POSITION.search(folded)
    if m:
        token = m.group(1) or m.group(2)
        return Fraction(int(token)) if token.isdigit() else Fraction(NUMBER_WORDS[token])
    m = _MIXED_POSITION.search(folded)
    if m:  # '1 1/2 stilling': a whole number and a fraction
        whole, frac = _typed_positions(m.group(1)), _typed_positions(m.group(2))
        if isinstance(whole, Fraction) and isinstance(frac, Fraction) and frac < 1:
            return whole + frac
        return frac if isinstance(frac, str) else m.group(0).strip()
    m = _FRACTION_POSITION.search(folded)
    if m:
        if m.group(1) is not None:
            return _typed_positions(m.group(1))
        return FRACTION_WORDS[m.group(2).replace(" ", "")]
    m = _PERCENT_POSITION.search(folded)
    if m and m.group(2) is not None:  # '50 % stilling': a share of a position, whatever it is
        return _typed_positions(f"{m.group(1)} %")
    if m and (_POSITION_WORD.search(folded) or "%" in m.group(0)):
        value = _typed_positions(f"{m.group(1)} %")
        if isinstance(value, Fraction) and value <= 10:
            return value
    m = _COUNT_POSITION.search(folded)
    if m:
        return _typed_positions(m.group(1))
    m = _PARTITIVE_POSITION.search(folded)
    if m:  # 'to av stillingene våre', 'two of our positions': a count of some of them
        word = m.group(1)
        return _typed_positions(word) if word[0].isdigit() else Fraction(NUMBER_WORDS[word])
    m = _AND_A_HALF_POSITION.search(folded)
    if m:
        return Fraction(NUMBER_WORDS[m.group(1)]) + Fraction(1, 2)
    m = _WORD_POSITION.search(folded)
    if m:
        words = m.group(1).split()
        # 'half an FTE', 'a half-time position': the word that counts, not the article
        counted = [w for w in words if w not in _ARTICLES] or words
        more = MORE_NUMBER_WORDS.get(counted[0])
        return Fraction(more) if more else Fraction(_word_count(" ".join(counted)) or 1)
    m = _HIRED_POSITION.search(folded)
    if m:  # 'hvis vi ansetter to', 'if we hire three': a count of people taken on
        word = m.group(1)
        return _typed_positions(word) if word[0].isdigit() else Fraction(NUMBER_WORDS[word])
    if _PER_POSITION.search(folded) or _ONE_POSITION.search(folded):
        return Fraction(1)
    return None


# 'hvis vi ansetter to', 'if we hire three': the people taken on, each a position
_HIRED_POSITION = re.compile(
    r"\b(?:ansetter|ansette|tilsetter|tilsette|hire|hires|employ|employs)\s+"
    r"(\d{1,2}|to|tre|fire|fem|seks|two|three|four|five|six)\b(?!\s*(?:%|prosent|percent|[.,]\d))"
)


# the patterns that each read one count of positions, widest first ('to stillinger på 50 %'
# before '50 %'-stilling), for finding every count a question names
_MENTION_PATTERNS = (
    _PIECES_POSITION,
    _COUNT_OF_SHARE,
    _MIXED_POSITION,
    _AND_A_HALF_POSITION,
    _FRACTION_POSITION,
    lazy_pattern(rf"(?:\b(?:en|ei|et|ett|one|an?)\s+)?{_PERCENT_POSITION.pattern}"),
    _COUNT_POSITION,
    _WORD_POSITION,
)


# counts joined into one total: 'én 100 % stilling og én 50 % stilling', 'to årsverk, en halv'
# 'det ene med 1 stilling og det andre med 0,5', 'tiltak A med … og tiltak B med …': the counts
# of several measures, one after another (the same count twice is two measures' counts)
_MEASURE_JOINT = (
    r"(?:(?:det|den|the)\s+(?:andre|anna|other|second)|(?:tiltak|measure|prosjekt)\w*\s+[a-z0-9])"
    r"(?:\s+(?:tiltaket|measure|prosjektet))?\s+(?:med|with|har|has)\s+"
)
_JOINED = lazy_pattern(rf"\s*(?:,|og|and|pluss|plus|\+|samt|i tillegg til)\s*(?:{_MEASURE_JOINT})?")
_JOINED_BY_MEASURE = lazy_pattern(
    rf"\s*(?:,|og|and|pluss|plus|\+|samt|i tillegg til)\s*{_MEASURE_JOINT}"
)


# 'en hel og en halv stilling', 'en 80 % og en 20 % stilling', '100 % + 50 % stilling': a
# first count whose position word is left out, said before the second's
_ELIDED_POSITION = lazy_pattern(
    r"((?<![\w.,])(?:(?:en|ett|ei|et|one|an?)\s+(?:hel|helt|heil|full|whole)|"
    r"(?:(?:en|ett|ei|et|one|an?)\s+)?\d{1,3}\s*(?:%|prosent|percent)))"
    r"(\s*(?:og|and|\+|pluss|plus)\s+)"
    r"(?=(?:(?:en|ett|ei|et|one|an?)\s+)?(?:halv\w*|half|\d{1,3}\s*(?:%|prosent|percent))"
    rf"[\s-]*({POSITION_WORDS}))"
)


def spell_out_positions(folded: str) -> str:
    """Give each count of positions its position word: 'en hel og en halv stilling' as 'en hel
    stilling og en halv stilling', '50 %-stilling' as '50 % stilling'."""
    folded = re.sub(rf"%-(?={POSITION_WORDS})", "% ", folded)
    return _ELIDED_POSITION.sub(lambda m: f"{m.group(1)} {m.group(3)}{m.group(2)}", folded)


def position_mentions(folded: str) -> list[tuple[Fraction, tuple[int, int]]]:
    """Return every count of positions a text names, in order, with the span of its words.

    The text is read with each count's position word spelt out (``spell_out_positions``; the
    spans are of that text). The unit of a cost ('et årsverk koster'), a cost compound
    ('årsverkskostnad'), a limit claimed and words that count nothing ('begge', 'hver sin')
    are no counts.
    """
    if not may_name_positions(folded):
        return []  # (spelling counts out only copies the position words a text holds)
    folded = spell_out_positions(folded)
    for pattern in (COST_OF_ONE, OWN_SHARE_PERCENT, GRANT_PERCENT, POSITION_LIMIT):
        folded = pattern.sub(lambda m: " " * len(m.group(0)), folded)
    found: list[tuple[Fraction, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in _MENTION_PATTERNS:
        for m in pattern.finditer(folded):
            a, b = m.span()
            words = m.group(0)
            if (
                any(a < y and x < b for x, y in taken)
                or _COST_COMPOUND.search(words.split()[-1])
                or not _POSITION_WORD.search(words)
            ):
                continue
            value = extract_positions(words)
            if not isinstance(value, Fraction) or value <= 0:
                continue
            if pattern is _WORD_POSITION and not _counts(m.group(1)):
                continue
            taken.append((a, b))
            found.append((value, (a, b)))
    return sorted(found, key=lambda item: item[1])


def _counts(word: str) -> bool:
    """Whether a word before a position word counts it ('to', 'en halv'; not 'begge')."""
    return word.split()[-1] not in {"begge", "both", "sin", "si", "sitt"}


def joined_positions(
    folded: str, mentions: list[tuple[Fraction, tuple[int, int]]] | None = None
) -> tuple[Fraction, ...] | None:
    """Read counts of positions named one after another as one total, e.g. 'én 100 % stilling
    og én 50 % stilling' (1,5); None unless two or more are joined by 'og', a comma or 'pluss'
    and no other count is named."""
    if mentions is None:
        mentions = position_mentions(folded)
    if len(mentions) < 2:
        return None
    folded = spell_out_positions(folded)
    for (_v, (_a, end)), (_w, (start, _b)) in pairwise(mentions):
        if not _JOINED.fullmatch(folded[end:start]):
            return None
    return tuple(value for value, _span in mentions)


def joined_by_measure(folded: str, mentions: list[tuple[Fraction, tuple[int, int]]]) -> bool:
    """Whether counts of positions are joined as those of several measures ('det ene med …
    og det andre med …'), so that the same count twice is two counts, not one said twice."""
    folded = spell_out_positions(folded)
    return any(
        _JOINED_BY_MEASURE.fullmatch(folded[end:start])
        for (_v, (_a, end)), (_w, (start, _b)) in pairwise(mentions)
    )


_GRANT_YEAR_PATTERNS = (
    # 'år 3', 'år3', 'year three', 'år nr. 2', 'tilskuddsår 3' (not 'år to årsverk', not
    # 'år 2,5 årsverk'; 'år1 stilling' run together is year 1 all the same)
    word_pattern(
        rf"\b(?:tilskudds|tilskots|drifts)?(?:ar|year|aret)(?:(\d{{1,2}})(?![.,]\d)\b|"
        rf"(?:\s*|-)(?:nr\.?\s*|nummer\s*)?(\d{{1,2}}|{ORD_WORD})\b(?![.,]\d)"
        rf"(?!\s*(?:ar|years?)\b)(?!\s+{POSITION_WORDS}))"
    ),
    # '3. år', '3 året', 'i 3. år', 'for 4 år' at the start, 'year 3'
    lazy_pattern(
        r"(?:(?<![\w.,])(\d{1,2})\.\s*(?:ar|aret)\b|\b(\d{1,2})\s+aret\b|"
        r"\b(?:i|for|in)\s+(\d{1,2})\.?\s*(?:ar|aret|year)\b|^(\d{1,2})\.?\s*ar\b)"
        r"(?!\s*(?:med|with)\b)"
    ),
    # 'tredje år', 'third year', 'første året', 'fjerde driftsår', 'the first-year rate'
    word_pattern(
        rf"\b({ORDINAL_WORD})(?:\s+|-)(?:ar|aret|year|tilskuddsar|tilskuddsaret|driftsar|driftsaret)\b"
    ),
)


# 'tredje og fjerde år', 'the third and fourth year': two grant years sharing the noun
_ORDINAL_PAIR = word_pattern(
    rf"\b({ORDINAL_WORD})\s+(?:og|and|eller|or|til|to)\s+({ORDINAL_WORD})\s+"
    r"(?:ar|aret|arene|year|years|tilskuddsar\w*)\b"
)


def extract_grant_years(folded: str) -> list[int]:
    """Read every grant year: 'år 3', 'tredje år', 'year three', '3. år', 'år 1 og år 2'."""
    return list(_extract_grant_years(folded))


@functools.lru_cache(maxsize=REMEMBERED)
def _extract_grant_years(folded: str) -> tuple[int, ...]:
    """extract_grant_years, remembered (it is pure): the same text is read several times."""
    found: list[tuple[int, int]] = []
    for m in _ORDINAL_PAIR.finditer(folded):
        for group in (1, 2):
            value = ORDINALS.get(m.group(group))
            if value is not None and value > 0:
                found.append((m.start(group), value))
    for pattern in _GRANT_YEAR_PATTERNS:
        for m in pattern.finditer(folded):
            token = next(g for g in m.groups() if g is not None)
            value = ORDINALS.get(token)
            if value is None and token.isdigit():
                value = int(token)
            if value is not None:
                found.append((m.start(), value))
    values: list[int] = []
    for _start, value in sorted(found):
        if value not in values:
            values.append(value)
    return tuple(values)


def extract_grant_year(folded: str) -> int | None:
    """Read the (first) grant year: 'år 3', 'tredje år', 'year three', '3. år', 'siste år'."""
    values = extract_grant_years(folded)
    return values[0] if values else None


_GROUP_COUNT = (
    # 'en 50 % stilling i år 4', 'to 50 %-stillinger i år 2': a count of part positions
    r"((?:(?:en|ei|et|ett|one|an?|to|two|tre|three|fire|four)\s+)?\d{1,3}\s*(?:%|prosent|percent)"
    # 'tre halve stillinger i år 1': a count of half positions
    r"|(?:\d|to|tre|fire|fem|seks|two|three|four|five|six)\s+(?:halve|half)"
    r"|\d+(?:[.,]\d+)?|halvannen|halvannet|en halv|ei halv|et halvt|ett halvt|one|an|en|et|"
    r"ett|ei|to|two|tre|three|fire|four|fem|five|seks|six)"
)


# 'nytt' qualifies a position in a grant year ('og ett nytt årsverk i år 1'); elsewhere
# 'en ny stilling' is what a municipality applies for, no count
_GROUP_QUALIFIER = rf"(?:nytt\s+|ny\s+)?{_QUALIFIER}"


# 'to årsverk i år 1 og ett (årsverk) i år 3', '1,5 stillinger i tredje år og 2 i år 4'
_GROUP = word_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_GROUP_QUALIFIER}({POSITION_WORDS})\s+)?"
    # 'to stillinger som går inn i sitt tredje år', 'two positions entering their third year'
    r"(?:som (?:na\s+)?(?:gar inn|gar|er inne|er|kjem inn|kommer inn)\s+|som\s+|er\s+|"
    r"that are\s+)?(?:i|in|pa|on|entering)\s+"
    r"(?:(?:their|its|sitt|sine|sin|det|the)\s+)?(?:"
    rf"(?:ar|year|aret|tilskuddsar\w*|tilskotsar\w*|grant\s+year)\s*(\d{{1,2}}|{ORD_WORD})\b"
    r"(?!\s*(?:ar|years?)\b)"
    rf"|({ORDINAL_WORD})\s+(?:ar|aret|year|grant\s+year|tilskuddsar\w*)\b"
    r"|(\d{1,2})\.\s*(?:ar|aret)\b"
    # 'og ett i sitt tredje': the year noun left out after a possessive
    rf"|(?:(?<=sitt )|(?<=sine )|(?<=its )|(?<=their ))({ORDINAL_WORD})\b"
    # '2 årsverk i tredje tilskuddsår og 1 årsverk i første?': the noun left out at the end
    # ('og ett i siste i kommunalt rusarbeid?': the scheme's words may follow)
    rf"|({ORDINAL_WORD})(?=\s*(?:[?.!,;:]|$|og\b|and\b|i\s+[a-z]|in\s+the\b)))"
)


# '0,5 årsverk år 2, 1,5 årsverk år 3': a group with its position word and no 'i'
_BARE_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+{_GROUP_QUALIFIER}({POSITION_WORDS})\s+(?:"
    rf"(?:ar|year)\s*(\d{{1,2}})\b(?!\s*(?:ar|years?|til|to|-|–)\b))"
)


# 'ett årsverk i hvert av de fire tilskuddsårene', 'one FTE in each of the four years'
_EACH_OF_YEARS = lazy_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?(?:i|in)\s+"
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:av|of)\s+(?:de|dei|the)\s+(\w+)\s+"
    r"(?:tilskuddsarene|tilskotsara|arene|ara|grant years|years)\b"
)


# 'det ene er i år 1 og det andre i år 4', 'one is in year 2 and the other in year 3'
_PAIR_GROUP = lazy_pattern(
    r"\b(?:(?:det|den|the)\s+(?:ene|eine|forste|first|one)|one)\s+(?:[a-z]+\s+){0,2}?(?:i|in)\s+"
    r"(?:ar|year)\s*(\d{1,2})\b[^.?!;]{0,30}?\b(?:det|den|the)\s+(?:andre|other|second)\s+"
    r"(?:[a-z]+\s+){0,2}?(?:i|in)\s+(?:ar|year)\s*(\d{1,2})\b"
)


# 'to årsverk i kommunalt rusarbeid, begge i år 2': a count the next words place in one year
_BOTH_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+{_QUALIFIER}({POSITION_WORDS})\b[^.?!;:]{{0,40}}?,?\s*"
    r"\b(?:begge|begge to|alle|alle sammen|both|all of them|all)\s+(?:er\s+|are\s+)?(?:i|in)\s+"
    r"(?:ar|year|aret|tilskuddsar\w*)\s*(\d{1,2})\b"
)


# 'ett i hvert av år 1, 2, 3 og 4', 'one FTE in each of years 1, 2 and 4': the years listed
_EACH_LISTED_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?(?:i|in|pa|on)\s+"
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:av\s+|of\s+)?(?:de\s+|dei\s+|the\s+)?"
    r"(?:tilskuddsar\w*|tilskotsar\w*|arene|ara|ar|trinn\w*|steps?|grant years?|years?)\s*"
    r"(\d{1,2}(?:\s*(?:,|og|and|,\s*og|,\s*and)\s*\d{1,2})+)\b"
)


# 'ett (årsverk) i hvert av tilskuddsårene 1 til 4', 'one FTE in each of years 1 to 4'
_EACH_YEAR_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_GROUP_COUNT}\s+(?:{_QUALIFIER}({POSITION_WORDS})\s+)?(?:i|in)\s+"
    r"(?:hvert|hver|kvart|kvar|each)\s+(?:av\s+|of\s+)?(?:de\s+|dei\s+|the\s+)?"
    r"(?:tilskuddsar\w*|tilskotsar\w*|arene|ara|ar|grant years?|years?)\s*"
    # 'i hvert tilskuddsår (år 1 til år 4)', 'in each grant year (year 1 to 4)'
    r"\(?\s*(?:(?:ar|year)\s+)?(\d{1,2})\s*"
    r"(?:til|to|through|-|–|og|and)\s*(?:(?:ar|year)\s+)?(\d{1,2})\b"
)


# 'år 2 x 2 + år 3 x 1,5', '2 x år 2 + 1,5 x år 3': a grant year times a count of positions
_TIMES_GROUP = lazy_pattern(
    r"(?<![\w.,])(?:(?:ar|year)\s*(\d{1,2})\s*(?:x|×|\*|ganger|times)\s*(\d+(?:[.,]\d+)?)"
    r"|(\d+(?:[.,]\d+)?)\s*(?:x|×|\*|ganger|times)\s*(?:ar|year)\s*(\d{1,2}))"
    r"(?![\w]|[.,]\d|\s*(?:kr|nok|%|prosent|percent))"
)


def _times_groups(folded: str) -> list[tuple[Fraction, int]]:
    """Read the groups said as a grant year times a count ('år 2 x 2 + år 3 x 1,5')."""
    groups: list[tuple[Fraction, int]] = []
    for m in _TIMES_GROUP.finditer(folded):
        year, token = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        count = _group_count(token)
        if count is None or count <= 0 or not 0 < int(year) <= 9:
            return []
        groups.append((count, int(year)))
    return groups


def _group_count(token: str) -> Fraction | None:
    """Read the count of a group of positions: '2', '1,5', 'to', 'halvannen', 'en 50 %'."""
    share = _SHARE_COUNT.fullmatch(token)
    if share:
        # 'en 50 % (stilling)': one position of half a whole; 'to 50 %': two of them
        whole = _group_count(share.group(1)) if share.group(1) else Fraction(1)
        part = Fraction(int(share.group(2)), 100)
        return whole * part if whole is not None and 0 < part <= 1 else None
    halves = _HALVES_COUNT.fullmatch(token)
    if halves:
        whole = _group_count(halves.group(1))
        return None if whole is None else whole / 2
    if token[0].isdigit():
        try:
            return read_positions(token)
        except Refused:
            return None
    words = token.split()
    value = NUMBER_WORDS.get(words[-1], NUMBER_WORDS.get(words[0]))
    if value is None and words[-1] in _ARTICLES_OF_ONE:
        # 'ett årsverk fra 2020 og et fra 2021': the bokmål article counts one
        value = 1
    return None if value is None else Fraction(value)


# 'tiltak A med to hele stillinger og tiltak B med én': the positions of one named measure
_MEASURE_WITH = lazy_pattern(
    r"\b(?:tiltak|tiltaket|measure|project|prosjekt|prosjektet)\s+(?:[a-z0-9]\s+)?"
    rf"(?:med|har|far|with|has|gets)\s+{_GROUP_COUNT}(?:\s+{_QUALIFIER}{POSITION_WORDS})?"
    r"(?!\w|[.,]\d)"
)


def measure_positions(folded: str) -> tuple[Fraction, ...]:
    """Read the positions of each measure named with its own ('tiltak A med to stillinger')."""
    counts = [_group_count(m.group(1)) for m in _MEASURE_WITH.finditer(folded)]
    if any(c is None or c <= 0 for c in counts):
        return ()
    return tuple(c for c in counts if c is not None)


# a count of half positions: 'tre halve', 'two half'
_HALVES_COUNT = re.compile(r"(\w+)\s+(?:halve|half)")


# a count of part positions: 'en 50 %', 'to 50 prosent', '80 %'
_SHARE_COUNT = re.compile(r"(?:([a-z]+)\s+)?(\d{1,3})\s*(?:%|prosent|percent)")


# the articles a count of one may be written as where a count is read ('et' beside 'ett')
_ARTICLES_OF_ONE = frozenset({"et", "ein", "eitt"})


@functools.lru_cache(maxsize=REMEMBERED)
def extract_groups(folded: str) -> tuple[tuple[Fraction, int], ...] | None:
    """Read groups of positions in different grant years ('2 årsverk i år 1 og 1 i år 3').

    Two groups or more in different grant years, in a question that counts positions (one
    group named in positions, or positions named elsewhere: '4 årsverk: 2 i år 1 og 2 i år
    2'), else None.
    """
    groups: list[tuple[Fraction, int]] = []
    counted = False
    folded = re.sub(rf"%-(?={POSITION_WORDS})", "% ", folded)  # '50 %-stilling'
    m = _PAIR_GROUP.search(folded)
    if m and m.group(1) != m.group(2):
        # 'det ene er i år 1 og det andre i år 4': one position in each of two grant years
        return ((Fraction(1), int(m.group(1))), (Fraction(1), int(m.group(2))))
    m = _EACH_OF_YEARS.search(folded)
    count = _group_count(m.group(1)) if m else None
    years = NUMBER_WORDS.get(m.group(3), 0) if m else 0
    if m and count is not None and count > 0 and isinstance(years, int) and 1 < years <= 9:
        # 'ett årsverk i hvert av de fire tilskuddsårene': the same count in years 1..n
        return tuple((count, year) for year in range(1, years + 1))
    m = _EACH_LISTED_GROUP.search(folded)
    count = _group_count(m.group(1)) if m else None
    listed = [int(y) for y in re.findall(r"\d+", m.group(3))] if m else []
    if count is not None and count > 0 and len(set(listed)) == len(listed) and min(listed) > 0:
        # 'ett i hvert av år 1, 2, 3 og 4': the same count in each grant year listed
        return tuple((count, year) for year in listed)
    m = _EACH_YEAR_GROUP.search(folded)
    if m:
        # 'ett årsverk i hvert av tilskuddsårene 1 til 4': the same count in each year
        count = _group_count(m.group(1))
        first, last = int(m.group(3)), int(m.group(4))
        if count is not None and count > 0 and 0 < first < last <= 9:
            return tuple((count, year) for year in range(first, last + 1))
    times = _times_groups(folded)
    if len(times) > 1 and len({year for _c, year in times}) == len(times):
        # 'år 2 x 2 + år 3 x 1,5': each grant year times its count of positions
        return tuple(times)
    matches = sorted(
        [*_BOTH_GROUP.finditer(folded), *_GROUP.finditer(folded), *_BARE_GROUP.finditer(folded)],
        key=lambda m: m.start(),
    )
    seen: set[int] = set()
    for m in matches:
        if any(m.start() <= at < m.end() for at in seen):
            continue
        seen.add(m.start())
        if _SHARE_COUNT.fullmatch(m.group(1)) and m.group(2) is None:
            continue  # '50 % i år 2' names no position ('en egenandel på 50 % i år 2')
        count = _group_count(m.group(1))
        token = next(g for g in m.groups()[2:] if g is not None)
        year = ORDINALS.get(token) if not token.isdigit() else int(token)
        # (-1: 'i siste', the ladder's last grant year, placed by the answer)
        if count is None or year is None or count <= 0 or year == 0 or year < -1:
            continue
        counted = counted or m.group(2) is not None
        groups.append((count, year))
    counted = counted or _POSITION_WORD.search(folded) is not None
    if len(groups) < 2 or not counted or len({g for _c, g in groups}) < 2:
        return None
    return tuple(groups)


# the words that say when a group of positions began: 'startet (med tilskudd)', 'fikk
# tilskudd første gang', 'fikk første gang', 'fikk (første) tilskudd', 'got their first grant'
_START_VERB = (
    r"(?:(?:startet|starta|begynte|started|began)(?:\s+(?:med|with)\s+(?:[a-z-]+\s+){0,3}?"
    r"[a-z-]*(?:tilskudd\w*|tilskot\w*|grants?|funding))?"
    r"|fikk\s+(?:[a-z-]*(?:tilskudd|tilskot)\w*\s+)?(?:for\s+)?forste(?:\s+gang|\s+tilskudd\w*)?"
    r"|fikk tilskudd|har fatt\s+[a-z-]*(?:tilskudd|tilskot)\w*|has had\s+(?:a\s+)?grants?"
    r"|got (?:a |its |their )?(?:first )?grant\w*)(?:\s+(?:for\s+)?forste gang)?"
)


# 'ett nytt årsverk fra 2021': 'ny' qualifies a position only where a start year follows
_START_QUALIFIER = rf"(?:nytt\s+|ny\s+)?{_QUALIFIER}"


_START_COUNT = (
    r"(\d+(?:[.,]\d+)?|halvannen|halvannet|one|an|en|et|ett|ei|ein|eitt|to|two|tre|three|"
    r"fire|four|fem|five|seks|six)"
)


# a position word, also as a compound ('én russtilling'), after its qualifiers
_START_POSITION = rf"{_START_QUALIFIER}(?:[a-z]+-?)?(?:{POSITION_WORDS})"


_START_YEAR_AT = r"((?:19|20)\d{2})\b"


# '2 stillinger som startet i 2020 og 1 som startet i 2021': positions by start year
_START_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_START_COUNT}\s+(?:{_START_POSITION}\s+"
    # '2 årsverk i kommunalt rusarbeid som startet i 2020': the scheme's words before 'som'
    r"(?:(?:i|in|til|for|ved|hos)\s+(?:[a-z-]+\s+){1,5}?(?=som\s|that\s|which\s))?)?"
    rf"(?:som\s+|that\s+|which\s+)?{_START_VERB}\s+"
    # 'startet med tilskudd til kommunalt rusarbeid i 2019': the scheme's words after the verb
    r"(?:(?:til|for|i|in|ved)\s+(?:[a-z-]+\s+){1,3}?"
    r"(?=(?:i|in|fra|from|siden|since)\s+(?:19|20)\d{2}))?"
    rf"(?:(?:i|in|fra|from|siden|since)\s+)?{_START_YEAR_AT}"
)


# 'ett årsverk fra 2018, ett fra 2019': a count from a year (not 'fra 2018 til 2020')
_FROM_GROUP = lazy_pattern(
    rf"(?<![\w.,]){_START_COUNT}\s+(?:{_START_POSITION}\s+"
    # 'ett årsverk i rusarbeid fra 2019': the scheme's words before 'fra'
    r"(?:(?:i|in|til|for|ved)\s+(?:[a-z-]+\s+){1,3}?(?=fra\s|from\s))?)?"
    rf"(?:fra|from)\s+{_START_YEAR_AT}(?!\s*(?:til|to|-|–)\s*(?:19|20)?\d)"
)


# 'fikk tilskudd til 2 årsverk i 2019 og til 1 nytt årsverk i 2020': funded from each year (a
# group after it must be new: 'og 1 årsverk i 2020' may be the same positions a year later)
_FUNDED_GROUP = lazy_pattern(
    r"\b(?:fikk|har fatt|fatt|got|received)\s+(?:[a-z-]*(?:tilskudd|tilskot)\w*\s+|grants?\s+|"
    rf"funding\s+)?(?:til|for)\s+{_START_COUNT}\s+{_START_POSITION}\s+(?:i|in|fra|from)\s+"
    rf"{_START_YEAR_AT}"
)


# 'vi startet ett årsverk i 2018 og ett nytt i 2019': the start verb before the count (read
# only with a further group after it: one group alone is the start year's phrase)
_STARTED_GROUP = lazy_pattern(
    r"\b(?:startet|starta|begynte|opprettet|oppretta|started|began|set up|created)\s+"
    rf"{_START_COUNT}\s+{_START_POSITION}\s+"
    r"(?:(?:i|in|til|for|ved)\s+(?:[a-z-]+\s+){1,3}?(?=(?:i|in|fra|from)\s+(?:19|20)\d{2}))?"
    rf"(?:i|in|fra|from)\s+{_START_YEAR_AT}(?!\s*(?:til|to|-|–)\s*(?:19|20)?\d)"
)


_NEW_WORD = lazy_pattern(r"\b(?:ny|nytt|nye|new)\b")


# '… og 1 i 2021', '… and one in 2021', '… og ett nytt årsverk kom til i 2021': a further group
# with its start words left out or said otherwise
_MORE_START_GROUP = lazy_pattern(
    rf"\s*(?:,\s*)?(?:og|and|,)\s+(?:(?:til|for)\s+)?{_START_COUNT}\s+"
    # 'og ett nytt fra 2021': the position word left out after 'nytt'
    rf"(?:{_START_POSITION}\s+|(?:nytt|ny|nye|new)\s+)?"
    rf"(?:(?:som\s+|that\s+)?(?:{_START_VERB}|kom til|kom|ble opprettet|opprettet|ble lagt til|"
    r"came|was added|was set up)\s+)?(?:i|in|fra|from|siden|since)\s+"
    rf"{_START_YEAR_AT}(?!\s*(?:til|to|-|–)\s*(?:19|20)?\d)"
)


# 'det ene startet i 2020 og det andre i 2021', 'one started in 2019 and the other in 2020'
_START_PAIR = lazy_pattern(
    r"\b(?:(?:det|den|the)\s+(?:ene|eine|forste|first|one)|one)\s+(?:[a-z]+\s+){0,2}?"
    rf"{_START_VERB}\s+(?:(?:i|in|fra|from|siden|since)\s+)?((?:19|20)\d{{2}})\b"
    r"[^.?!;]{0,30}?\b(?:det|den|the)\s+(?:andre|other|second)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:(?:i|in|fra|from)\s+)?((?:19|20)\d{2})\b"
)


def _start_group_matches(folded: str) -> list[tuple[re.Match[str], list[re.Match[str]]]]:
    """Return each first start-year group with the further groups that continue it."""
    firsts = sorted(
        [
            *_START_GROUP.finditer(folded),
            *_FROM_GROUP.finditer(folded),
            *_FUNDED_GROUP.finditer(folded),
            *_STARTED_GROUP.finditer(folded),
        ],
        key=lambda m: (m.start(), -m.end()),
    )
    found: list[tuple[re.Match[str], list[re.Match[str]]]] = []
    read_to = 0
    for m in firsts:
        if m.start() < read_to:
            continue  # inside a group already read, or read as the continuation of one
        more: list[re.Match[str]] = []
        end = m.end()
        while further := _MORE_START_GROUP.match(folded, end):
            more.append(further)
            end = further.end()
        # (by the source: the patterns are compiled on first use, so a match's ``re`` is the
        # compiled one, not the module's lazy pattern)
        funded, started = (m.re.pattern == x.pattern for x in (_FUNDED_GROUP, _STARTED_GROUP))
        if funded and not (more and all(_NEW_WORD.search(x[0]) for x in more)):
            continue
        if started and not more:
            continue
        found.append((m, more))
        read_to = end
    return found


def start_group_spans(folded: str) -> list[tuple[int, int]]:
    """Return the spans of the words that say positions' start years, for blanking them."""
    pair = _START_PAIR.search(folded)
    if pair and pair.group(1) != pair.group(2):
        return [pair.span()]
    return [x.span() for m, more in _start_group_matches(folded) for x in (m, *more)]


@functools.lru_cache(maxsize=REMEMBERED)
def extract_start_groups(folded: str) -> tuple[tuple[Fraction, int], ...] | None:
    """Read positions by start year, two groups or more in different start years, else None."""
    groups: list[tuple[Fraction, int]] = []
    pair = _START_PAIR.search(folded)
    if pair and pair.group(1) != pair.group(2):
        return ((Fraction(1), int(pair.group(1))), (Fraction(1), int(pair.group(2))))
    for m, more in _start_group_matches(folded):
        count = _group_count(m.group(1))
        if count is None:
            continue
        groups.append((count, int(m.group(2))))
        for further in more:
            extra = _group_count(further.group(1))
            if extra is None:
                break
            groups.append((extra, int(further.group(2))))
    if len(groups) < 2 or len({y for _c, y in groups}) < 2 or not _POSITION_WORD.search(folded):
        return None
    return tuple(groups)


_YEAR = lazy_pattern(r"(?<![\d.,])((?:19|20)\d{2})(?![\d])")


# An amount as typed, whole (a sign, digit groups, decimals, an exponent), for bot.quantity.
_AMOUNT = (
    rf"[{_SIGNS}]?(?:\d{{1,3}}(?:[ .,]\d{{3}})+(?![\d])"
    rf"|\d(?:\d|[.,](?=\d)|e[+\u2212-]?(?=\d))*)"
)


_AMOUNT_START = rf"(?<![\w.,/{_SIGNS}])"


_MILLIONS = lazy_pattern(
    rf"{_AMOUNT_START}[{_SIGNS}]?\d(?:\d|[.,](?=\d)|e[+\u2212-]?(?=\d))*\s*(?:mill\w*|mnok|m\b)"
)


# ("år 3 millioner" is no amount; "var 455 millioner" is)
_YEAR_WORD_END = lazy_pattern(r"\b(?:ar|year)\s*$")


_KRONER_AFTER = lazy_pattern(rf"{_AMOUNT_START}{_AMOUNT}\s*(?:k\b|kr\b|kroner|nok|,-)")


_KRONER_BEFORE = lazy_pattern(rf"(?:kr\.?|nok)\s*{_AMOUNT}")


_BARE_AMOUNT = lazy_pattern(
    r"(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d{1,3}(?:,\d{3})+(?![.,]?\d)|\d{5,7})(?![\d])"
    # '50 000 innbyggere', '12 000 mottakere': a count of people, not money
    r"(?!\s*(?:innbyggar\w*|innbygger\w*|personer|mennesker|barn|mottaker\w*|brukere|"
    r"ansatte|kommuner|inhabitants|residents|people|persons|recipients|children)\b)"
)


_ISO_DATE = lazy_pattern(r"\b(20\d{2})-(\d{1,2})-(\d{1,2})\b")


_DOTTED_DATE = lazy_pattern(r"\b(\d{1,2})\.(\d{1,2})\.(\d{2,4})\b")


_WORDED_DATE = word_pattern(
    lambda w: rf"\b(\d{{1,2}})\.?\s*({'|'.join(w.months)})\w*\s+(20\d{{2}})\b"
)


_FOUR_DIGITS = lazy_pattern(r"(?<![\d.,])(\d{4})(?![\d])")


_LETTERS = lazy_pattern(r"[a-z]+")


_COUNTY_NUMBER = lazy_pattern(r"\bfylke\s*(\d{2})\b")


_NATIONAL = word_pattern(rf"\b{NATIONAL_WORD}\b")


def extract_years(folded: str) -> list[int]:
    """Return four-digit calendar years (1990–2099) in the text."""
    return [int(y) for y in _YEAR.findall(folded)]


def _typed_kroner(typed: str) -> int | str:
    """Read a typed amount; the typed text itself when the quantity reader refuses it."""
    try:
        return read_kroner(typed)
    except Refused:
        return typed.strip()


def extract_money(folded: str) -> int | str | None:
    """Read '700 000 kr', 'kr 700.000', '700k', '1,2 mill', 'NOK 800,000'.

    An amount the quantity reader (bot.quantity) refuses ('-700 000 kr', '1e23 kr') is
    returned as typed, for the calculation to refuse with the reason.
    """
    m = _MILLIONS.search(folded)
    if m and not _YEAR_WORD_END.search(folded[: m.start()]):
        return _typed_kroner(m.group(0))
    m = _KRONER_AFTER.search(folded) or _KRONER_BEFORE.search(folded)
    if m:
        return _typed_kroner(m.group(0))
    m = _BARE_AMOUNT.search(folded)
    if m:
        value = _typed_kroner(m.group(1))
        if not isinstance(value, int) or (value >= 10_000 and not 1990 <= value <= 2099):
            return value
    return None


# a day and month as a question says it ('1. mars', '15.3', '15 March')
_DAY_MONTH = word_pattern(
    lambda w: (
        r"\b(\d{1,2})\.?\s*(?:("
        + "|".join(m for m in w.months if m.isalpha() and len(m) > 3)
        + r")\b|\.(\d{1,2})\b(?!\.\d))"
    )
)


def extract_day_month(folded: str) -> tuple[int, int] | None:
    """Read the one day and month a text states ('1. mars' -> (1, 3)), else None."""
    found = list(_DAY_MONTH.finditer(folded))
    if len(found) != 1:
        return None
    m = found[0]
    month = word_tables().months.get(m.group(2)) if m.group(2) else int(m.group(3))
    day = int(m.group(1))
    if not isinstance(month, int) or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    return day, month


def extract_date(folded: str) -> tuple[int, int, int] | None:
    """Read '1.3.2022', '15. februar 2022', '2022-02-15' as (year, month, day)."""
    m = _ISO_DATE.search(folded)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _DOTTED_DATE.search(folded)
    if m:
        year = int(m.group(3))
        return (year + 2000 if year < 100 else year), int(m.group(2)), int(m.group(1))
    m = _WORDED_DATE.search(folded)
    if m:
        return int(m.group(3)), word_tables().months[m.group(2)], int(m.group(1))
    return None


# a grant year placed in a calendar year: 'år 3', 'tredje år', 'year 3', 'første tilskuddsår'
_ANCHOR_GRANT_YEAR = (
    # ('fikk full år-1-sats i 2021': a rate of that grant year, a full one)
    r"(?:(?:full|fullt|hel|vanlig)\s+)?"
    r"(?:(?:ar|year|tilskuddsar\w*|tilskotsar\w*)[\s-]*(\d{1,2}|" + ORD_WORD + r")(?:-[a-z]+)?"
    r"|(" + ORD_WORD + r"|\d{1,2}\.)\s+(?:ar|aret|year|tilskuddsar\w*|tilskotsar\w*))\b"
)
_ANCHOR_YEAR = (
    r"(?:(?:i|in)\s+)?(?:((?:19|20)\d{2})\b|(i forfjor|the year before last)|(i fjor|ifjor|"
    r"last year)|(i ar|this year)(?!\s*(?:\d|" + ORD_WORD + r")\b))"
)
_ANCHOR_OWNER = (
    r"(?:(?:stillingens|arsverkets|stillingenes|arsverkenes|deres|dens|sitt|sine|its|their|"
    r"the|det|den)\s+)?"
)


# '2017 var år 1', 'i fjor, det var stillingens første år', '2021 was year 1': the calendar
# year first, then the grant year it was
_YEAR_WAS_GRANT_YEAR = word_pattern(
    rf"{_ANCHOR_YEAR}\)?\s*,?(?:(?:\s+[a-z-]+){{0,6}}?\s+(?:(?:som|that|which|det|den|it)\s+)?"
    r"(?:(?:da|den gang|then)\s+)?|"
    # 'i fjor (2021) fekk vi tilskot til to stillingar i … som då var i år 2': 'da'/'then'
    # ties a year further off to the grant year
    r"(?:\s+[a-z-]+\s*,?){0,10}?\s+(?:som|that|which)\s+(?:(?:da|den gang|then)\s+"
    r"(?=(?:var|was|were)\b)|(?=(?:var|was|were)\s+(?:da|then)\b)))"
    r"(?:var|er|ble|was|is|were|are)\s+(?:(?:da|then)\s+)?"
    # 'i fjor var stillingen vår i rusarbeid i sitt første år': the subject after the verb
    rf"(?:(?:[a-z-]+\s+){{1,5}}?(?=(?:i|in)\s))?(?:(?:i|in)\s+)?{_ANCHOR_OWNER}{_ANCHOR_GRANT_YEAR}"
)


# 'som er i år 3 i år', 'var i år 2 i 2021', 'fikk år 1-tilskudd til rusarbeid i 2020': the
# grant year first, then the calendar year it was or is
_GRANT_YEAR_IN_YEAR = word_pattern(
    r"\b(?:(?:er|var|is|was)\s+(?:na\s+|now\s+)?(?:i|in)|fikk|got|hadde|had|"
    # 'en stilling i sitt tredje år i år': no verb, the owner says whose grant year it is
    r"(?:i|in)(?=\s+(?:sitt|sine|its|their)\s))\s+"
    rf"{_ANCHOR_OWNER}{_ANCHOR_GRANT_YEAR}(?:\s+[a-z-]+){{0,6}}?\s+{_ANCHOR_YEAR}"
)


def extract_grant_year_anchor(
    folded: str,
) -> tuple[int | None, int | None, int, tuple[int, int]] | None:
    """Read a grant year placed in a calendar year: (year, year against today, grant year, span).

    'stillingen er i år 3 i år' gives (None, 0, 3, …), '2017 var år 1' (2017, None, 1, …);
    the start year is the calendar year less the grant year plus one.
    """
    for pattern in (_YEAR_WAS_GRANT_YEAR, _GRANT_YEAR_IN_YEAR):
        m = pattern.search(folded)
        if not m:
            continue
        values = m.groups()
        if pattern is _YEAR_WAS_GRANT_YEAR:
            year_part, grant_part = values[:4], values[4:]
        else:
            grant_part, year_part = values[:2], values[2:]
        token = next((g for g in grant_part if g is not None), None)
        if token is None:
            continue
        token = token.rstrip(".")
        grant = int(token) if token.isdigit() else ORDINALS.get(token)
        if not isinstance(grant, int) or not 1 <= grant <= 9:
            continue
        absolute, before_last, last, this = year_part
        if absolute is not None:
            return int(absolute), None, grant, m.span()
        rel = -2 if before_last else -1 if last else 0 if this else None
        if rel is None:
            continue
        return None, rel, grant, m.span()
    return None


# '700 000 kr i år 1, 720 000 kr i år 2': a yearly cost given for each grant year
_COST_IN_GRANT_YEAR = word_pattern(
    rf"({_AMOUNT_START}{_AMOUNT}\s*(?:k\b|kr\b|kroner|nok|,-)?)\s*(?:(?:per ar|i aret|a year)\s+)?"
    r"(?:i|for|in)\s+(?:(?:ar|year|tilskuddsar|tilskotsar)\s*(\d{1,2})|(" + ORD_WORD + r")\s+"
    r"(?:ar|year|tilskuddsar|tilskotsar))\b"
)


def cost_phrase_spans(folded: str) -> list[tuple[int, int]]:
    """Return the spans of '700 000 kr i år 1'-phrases, for reading the rest without them."""
    return [m.span() for m in _COST_IN_GRANT_YEAR.finditer(folded)]


def extract_costs_by_grant_year(folded: str) -> tuple[tuple[int, int], ...] | None:
    """Read a cost for each of two grant years or more: ((1, 700 000), (2, 720 000), …).

    None unless the costs differ and every grant year has one cost ('700 000 i år 1 og 2'
    is one cost for the years, read elsewhere).
    """
    found: dict[int, int] = {}
    for m in _COST_IN_GRANT_YEAR.finditer(folded):
        value = _typed_kroner(m.group(1))
        token = next((g for g in m.groups()[-2:] if g is not None), None)
        grant = int(token) if token and token.isdigit() else ORDINALS.get(token or "")
        if not isinstance(value, int) or value < 1000 or not isinstance(grant, int):
            continue
        if found.get(grant, value) != value:
            return None
        found[grant] = value
    if len(found) < 2 or len(set(found.values())) < 2:
        return None
    return tuple(sorted(found.items()))
