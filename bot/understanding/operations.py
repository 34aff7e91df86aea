"""The operation a figure question asks for: a value, sum, difference, own share, premise."""

from __future__ import annotations

import re
from fractions import Fraction

from bot.understanding.entities import _YEAR, count_of_shares, extract_grant_years
from bot.understanding.patterns import (
    _ANY_AMOUNT,
    AMOUNT_ASK,
    COMPARED,
    COST_FOR_ALL,
    COST_OF_WHOLE,
    COST_PER_UNIT,
    COST_WORD,
    DIFFERENCE,
    GOES_DOWN,
    GOES_UP,
    OLD_RULES,
    PER_UNIT,
    PREMISE,
    RELATION_ASK,
    REMAINING,
    SALARY_ASK,
    SALARY_ONLY,
    SAME_COST,
    SHARE_ASK,
    SHARE_OF_ONE,
    STEP_CHANGE,
    STEP_SPAN,
    SUM_ASK,
    THAN,
    WITH_COMPETENCE,
    YES_NO,
)
from bot.understanding.query import Understanding


def stated_amounts(folded: str) -> list[tuple[int, int]]:
    """Return (position in the text, kroner) of every amount of money a text states."""
    out: list[tuple[int, int]] = []
    for m in _ANY_AMOUNT.finditer(folded):
        digits = m.group(1)
        start = m.start()
        lead = _GRANT_YEAR_LEAD.search(folded[: m.start()])
        if lead and re.match(r"\d{1,2} \d{3}", digits):
            # 'år 2 550 000': the grant year, then the amount
            head, digits = digits.split(" ", 1)
            start += len(head) + 1
        value = int(_GROUPING.sub("", digits))
        if m.group(2) == "k":
            value *= 1000
        if 1990 <= value <= 2099 and m.group(2) is None:
            continue
        if value >= 1000:
            out.append((start, value))
    return out


_GRANT_YEAR_LEAD = re.compile(r"\b(?:ar|year|aret)\s*$")


_GROUPING = re.compile(r"[ .,]")


def read_operation(u: Understanding) -> None:
    """Read the operation a figure question asks for into the slots.

    A stated figure the question asks to confirm ('stemmer det at år 3 gir 550 000?') is
    ``stated`` (with ``stated_per`` when it is per position), not a cost; two grant years
    with a word of change ('går ned fra år 1 til år 2') ask for the ``difference``; a grant
    year with a word of what is left ('vi er i år 3, hva gjenstår?') for the ``remaining``
    years.
    """
    f, s = u.folded, u.slots
    if PREMISE.search(f) or YES_NO.search(f):
        amounts = stated_amounts(f)
        masked = SALARY_ONLY.sub(lambda m: " " * len(m.group()), f)  # 'bare lønn' states no cost
        cost = COST_WORD.search(SAME_COST.sub(lambda m: " " * len(m.group()), masked))
        if cost and len(amounts) >= 2:
            after = [a for a in amounts if a[0] > cost.start()]
            cost_at, cost_value = after[0] if after else amounts[-1]
            s["cost"] = cost_value
            amounts = [a for a in amounts if a[0] != cost_at]
        elif amounts and not cost:
            s.pop("cost", None)
        elif amounts:
            amounts = []
        if amounts:
            at, value = amounts[0]
            s["stated"] = value
            if PER_UNIT.match(_KRONER_TAIL.sub("", f[at:], count=1)):
                s["stated_per"] = True
        elif int(s.get("duration") or 0) > 0 and "cost" not in s:
            # 'stemmer det at stigen går over tre år?': a stated number of grant years
            s["stated_years"] = s.pop("duration")
    if (
        _CAN_WE_GET.match(f)
        and int(s.get("duration") or 0) > 0
        and not any(k in s for k in ("cost", "positions", "grant_year"))
        and not AMOUNT_ASK.search(f)
    ):
        # 'kan vi få tilskudd i seks år?': a number of grant years to confirm or deny
        s["stated_years"] = s.pop("duration")
    years = extract_grant_years(f)
    if (
        OLD_RULES.search(f)
        and (COMPARED.search(f) or _WOULD_HAVE.search(f))
        and "start_year" in s
        and "cost" not in s
        and "grant_year_to" not in s
    ):
        # 'hvor mye taper vi på nedtrappingen sammenlignet med den gamle avkortningsstigen?':
        # the grant by the rules of each calendar year against the ladder run on alone
        s["operation"] = "old_vs_new"
        return
    pairs = [(int(a), int(b)) for a, b in _FROM_TO_GRANT_YEAR.findall(f)]
    changes = DIFFERENCE.search(f) or GOES_DOWN.search(f) or GOES_UP.search(f)
    if len(pairs) >= 2 and all(b == a + 1 for a, b in pairs) and "operation" not in s and changes:
        # 'fra år 1 til år 2, fra år 2 til år 3 og fra år 3 til år 4': the ladder's steps
        s["operation"] = "steps"
        for key in ("grant_year", "grant_year_to"):
            s.pop(key, None)
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"
        return
    if (
        OLD_RULES.search(f)
        and (COMPARED.search(f) or DIFFERENCE.search(f))
        and "year" in s
        and len(years) == 1
        and years[0] > 0
        and not any(k in s for k in ("start_year", "cost", "groups", "operation"))
    ):
        # 'hva ville et årsverk i år 2 gitt etter gamle regler, og hva gir 2023-reglene?', 'hvor
        # mye mindre får 3 stillinger i 2023 enn i år 1 etter gammel stige?': that year's rules
        # against the old ladder in the grant year named
        s["operation"] = "year_vs_old"
        s["grant_year"] = years[0]
        s.pop("grant_year_to", None)
        return
    share = SHARE_ASK.search(f) if len(years) >= 2 else None
    if share and _CHANGED_BY.match(f[share.end() :]):
        # 'hvor mange prosent sank tilskuddet til år 3?': a change in per cent, not a share
        share = None
    if share and years[0] != years[1]:
        # 'hvor stor del av satsen for år 1 gis det siste året?': the second as a share of the
        # first (-1, the last grant year, is resolved against the ladder)
        s["operation"] = "ratio"
        base, other = years[0], years[1]
        named_after = extract_grant_years(f[share.end() :])
        if named_after and named_after[0] == years[1]:
            # 'hva får man det siste året, og hvor stor del av år 1-satsen er det?': the year
            # named after the share words is the base
            base, other = years[1], years[0]
        s["grant_year"], s["grant_year_to"] = base, other
    elif len(years) >= 2 and min(years) > 0 and years[0] != years[1] and RELATION_ASK.search(f):
        # 'hvordan forholder år 4 seg til år 1?': the later year as a share of the earlier,
        # with the change between them
        s["operation"] = "ratio"
        s["grant_year"], s["grant_year_to"] = min(years[:2]), max(years[:2])
    elif len(years) >= 2 and min(years) > 0 and DIFFERENCE.search(f):
        s["operation"] = "difference"
        # 'fra år 1 til år 2' changes from the first; 'mindre i år 4 enn i år 1' from the second
        first, second = years[0], years[1]
        since = _FROM_GRANT_YEAR.search(f)
        if THAN.search(f) or (since and int(since.group(1)) == second != first):
            # ('vi fikk 550 000 i år 2 – hvor mye gikk det ned fra år 1?': from the year after
            # 'fra')
            first, second = second, first
        s["grant_year"], s["grant_year_to"] = first, second
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"
    elif (
        "grant_year" in s
        and "grant_year_to" not in s
        and REMAINING.search(f)
        and not re.search(r"\b(?:kompetanse\w*|competence)\b", f)
        and not _LEFT_TO_PAY.search(f)
    ):
        # (what is left of year 1 after the competence money is the year-1 amount itself)
        s["operation"] = "remaining"
    elif (
        "year_rel" in s
        and "year" not in s
        and "year_from" not in s
        and "grant_year" not in s
        and DIFFERENCE.search(f)
        and re.search(r"\b(?:enn|than)\b", f)
    ):
        # 'hvor mye mindre er det enn i år?': the year before against this one (the previous
        # question's year comes from the chat)
        s["operation"] = "difference"
    elif (
        "start_year" in s
        and "year_from" in s
        and "grant_year" not in s
        and DIFFERENCE.search(f)
        and not COST_WORD.search(f)
    ):
        # 'hvor mye mindre får vi i 2023 enn i 2022, med første tilskudd i 2021?'
        s["operation"] = "difference"
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"


# 'hvor mange prosent [sank tilskuddet]', 'what percentage [does it drop]': share words
# followed by a word of change ask for the change, not for one year as a share of another
_CHANGED_BY = re.compile(
    r"\s+(?:(?:har|hadde|vil|skal|does|did|will|has|is)\s+)?(?:(?:tilskuddet|tilskotet|"
    r"satsen|belopet|the grant|the rate|it)\s+)?(?:synker|sank|faller|falt|minker|minket|"
    r"reduseres|redusert|oker|okte|drops?|dropped|decreases?|decreased|falls?|fell|rises?|rose|"
    r"increases?|increased|(?:gar|gikk|gjekk|goes|go|went)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:ned|opp|down|up))\b"
)


# 'hva ville vi fått med de gamle reglene?': what the old rules would have given, beside the new
_WOULD_HAVE = re.compile(r"\b(?:ville|hadde|would)\b")


# 'fra år 1', 'from year 2': the grant year a change is counted from
_FROM_GRANT_YEAR = re.compile(r"\b(?:fra|from|since)\s+(?:ar|year|aret|tilskuddsar)\s*(\d{1,2})\b")


# 'fra år 1 til år 2', 'from year 2 to year 3': one step between two grant years
_FROM_TO_GRANT_YEAR = re.compile(
    r"\b(?:fra|from)\s+(?:ar|year|aret|tilskuddsar|tilskotsar)\s*(\d{1,2})\s+(?:til|to)\s+"
    r"(?:(?:ar|year|aret|tilskuddsar|tilskotsar)\s*)?(\d{1,2})\b"
)


# 'hva gjenstår for kommunen å finansiere i år 3?': what is left to pay, not the years left
_LEFT_TO_PAY = re.compile(
    r"\b(?:gjenstar|star igjen|resten)\s+(?:\w+\s+){0,3}?(?:a\s+)?(?:finansiere|dekke|betale|"
    r"fund|pay|cover)\b|\bleft (?:\w+\s+){0,3}?to (?:pay|fund|cover)\b"
)


# 'kan vi få …', 'can we get …': a yes/no question about what may be granted
_CAN_WE_GET = re.compile(
    r"^(?:og\s+|men\s+)?(?:kan|kan vi|kan kommunen|kan man|kan en|can we|can the municipality|"
    r"can a municipality)\s+(?:fa|get|receive|motta)\b"
)


_KRONER_TAIL = re.compile(r"^[\d .,]+\s*(?:k\b|kr\.?|kroner|nok|,-)?\s*")


def read_ladder_operation(u: Understanding) -> None:
    """Read the ladder readings that need no stated figure into the slots.

    A word of change with a word of each year ('trappes ned fra ett år til det neste', 'hvor
    mye reduseres tilskuddet hvert år') asks for the ``steps`` between consecutive grant
    years; a cost 'samlet' or 'til sammen' is the cost of all the positions
    (``cost_for_all``); 'kun lønn' asks for the cap for positions without measures.
    """
    f, s = u.folded, u.slots
    if (
        "operation" not in s
        and "grant_year_to" not in s
        and (
            (STEP_SPAN.search(f) and (STEP_CHANGE.search(f) or DIFFERENCE.search(f)))
            # 'hvor mye trappes tilskuddet ned?': no year named, so the ladder's own steps
            or (
                STEP_CHANGE.search(f)
                and AMOUNT_ASK.search(f)
                and not _YEAR.search(f)
                and not (SUM_ASK.search(f) and not (GOES_DOWN.search(f) or DIFFERENCE.search(f)))
            )
        )
    ):
        s["operation"] = "steps"
        if GOES_DOWN.search(f):
            s["direction"] = "down"
        elif GOES_UP.search(f):
            s["direction"] = "up"
    if "cost" in s and COST_FOR_ALL.search(f) and not COST_PER_UNIT.search(f):
        s["cost_for_all"] = True
    shares = count_of_shares(f)
    each = re.search(r"\b(?:hver|each|apiece)\b", f) or re.search(r"\bkvar\b", u.text.lower())
    if shares and "cost" in s and not s.get("cost_for_all") and each:
        # 'to stillinger på 50 % som koster 300 000 kr hver': the cost of each such position
        s["cost"] = shares[0] * int(s["cost"])
        s["cost_for_all"] = True
    positions = s.get("positions")
    if (
        "cost" in s
        and isinstance(positions, Fraction)
        and positions < 1
        and SHARE_OF_ONE.search(f)
        and not COST_OF_WHOLE.search(f)
        and not COST_PER_UNIT.search(f)
    ):
        # 'en 80 %-stilling koster 560 000': the cost of that share of a position
        s["cost_for_all"] = True
    if SALARY_ONLY.search(f) or (SALARY_ASK.search(f) and not WITH_COMPETENCE.search(f)):
        s["measures"] = 0
