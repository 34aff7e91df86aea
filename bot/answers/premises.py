"""A premise the question states ('stemmer det at fristen var 1. mars?') checked against the
figure or date the answer gives: yes, about, or no, said before the answer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from bot import fmt
from bot.answer import Answer
from bot.answers.common import t
from bot.text import fold
from bot.understanding.entities import extract_date, extract_day_month, extract_money
from bot.understanding.patterns import PREMISE
from bot.understanding.words import word_tables
from bot.vocab import Lang

T = TypeVar("T")

# a claim of more or less than a figure ('over 5 millioner') is no figure to compare
_BOUND = re.compile(
    r"\b(?:over|under|mer enn|meir enn|mindre enn|minst|hoyst|hogst|more than|less than|"
    r"at least|at most|above|below)\b"
)

# a kroner amount as the answers write it ('8 098 380 kr', 'NOK 8,098,380')
_KRONER = re.compile(
    r"(?<!\d)(?<!\d )(\d{1,3}(?: \d{3})*) kr\b|\bNOK (\d{1,3}(?:,\d{3})*)\b(?![.,]?\d| million)"
)

# a date as the answers write it ('10. februar 2021', '10 February 2021')
_ANSWER_DATE = re.compile(
    r"\b(\d{1,2})\.? (" + "|".join(fmt.MONTHS["nb"] + fmt.MONTHS["en"]) + r")\b(?: (\d{4})\b)?"
)


# 'kan en kommune som ikke fikk tilskudd i 2021, søke?': a yes/no question on a condition it
# negates (the words after 'ikke', up to the asking verb or a comma)
_YES_NO_START = re.compile(r"^(?:og\s+)?(?:kan|kunne|far|gis|gjelder|can|could|may|does|do)\b")
_NEGATED = re.compile(
    r"\b(?:ikke|ikkje|not|didn't|did not|haven't|have not)\s+((?:[a-z0-9]+\s+){1,8}?[a-z0-9]+)"
    r"(?=\s*[,?]|\s+(?:soke|soker|sok|apply|fa|get|ga|delta)\b)"
)
# a sentence that makes something the only case ('Bare kommuner som fikk tilskudd i 2021 …')
_ONLY = re.compile(r"\b(?:bare|kun|only|utelukkende)\b")


def condition_verdict(folded: str, answer: Answer, lang: Lang) -> Answer:
    """Say no before an answer whose sentence makes the condition a question negates the only
    case ('kan en kommune som ikke fikk tilskudd i 2021 søke?' against 'Bare kommuner som fikk
    tilskudd i 2021 kan søke'); any other answer is left as it is."""
    if not answer.answered or not answer.paragraphs or not _YES_NO_START.match(folded):
        return answer
    m = _NEGATED.search(folded)
    if m is None:
        return answer
    words = [w for w in m.group(1).split() if len(w) >= 3 or w.isdigit()]
    if _decided(answer):
        return answer
    for paragraph in answer.paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            said = fold(sentence)
            if _ONLY.search(said) and says_condition(words, said):
                answer.paragraphs.insert(0, t("condition_no", lang, sentence=sentence.strip()))
                return answer
    return answer


# a yes/no question of whether one may apply or get the grant, after any premise stated
_MAY_WE = re.compile(
    r"\b(?:kan|kunne|far|gis|can|could|may|do|does)\s+(?:vi|dere|kommunen|en kommune|me|we|"
    r"you|they|the municipality|a municipality)\b"
)
# the lead of a list of what gets no grant ('Det gis ikke tilskudd til:', 'No grants are given')
_EXCLUDED = re.compile(r"(?:det gis ikke tilskudd til|no grants? (?:is|are) given)[^:•]*:?")


def exclusion_verdict(folded: str, answer: Answer, lang: Lang, plain: frozenset[str]) -> Answer:
    """Say no before an answer to a may-we question whose quoted list of what gets no grant
    has an item the question states of itself ('vi får programfinansiering gjennom
    0-24-satsingen – kan vi søke til samme målgruppe?' against '• kommuner som mottar
    programfinansiering gjennom 0-24-satsningen og som søker om tiltak til samme
    målgruppe'): most of the item's content words, its numbers all."""
    if not answer.answered or not _MAY_WE.search(folded) or _decided(answer):
        return answer
    asked = set(re.findall(r"[a-z0-9]+", folded))
    for paragraph in answer.paragraphs:
        said = fold(paragraph)
        lead = _EXCLUDED.search(said)
        if lead is None:
            continue
        items = re.split(r"\s*•\s*", said[lead.end() :])
        originals = re.split(r"\s*•\s*", paragraph)[-len(items) :] if len(items) > 1 else []
        for n, item in enumerate(items):
            words = [w for w in re.findall(r"[a-z0-9]+", item) if w.isdigit() or w not in plain]
            words = [w for w in words if w.isdigit() or len(w) >= 4]
            if len(words) < 3 or any(w.isdigit() and w not in asked for w in words):
                continue
            if sum(w in asked for w in words) >= 0.6 * len(words):
                shown = originals[n] if n < len(originals) else item
                sentence = shown.strip().rstrip("»").strip()
                answer.paragraphs.insert(0, t("condition_no", lang, sentence=sentence))
                return answer
    return answer


# a sentence that leaves something to the municipality's choice or opens for it ('Kommuner
# kan velge å inngå interkommunalt samarbeid', 'Ordningen åpner for dekking av …')
_PERMITS = re.compile(
    r"\b(?:kan (?:selv )?velge|star fritt til|har anledning til|apner for|may (?:choose|opt)|"
    r"are free to|is free to|allows?)\b"
)

# how an answer quotes the source sentence it rests on (bot.answers.facts)
_QUOTE = re.compile(
    r"^(?:Kilden sier|The source says) \([^)]*(?:\([^)]*\)[^)]*)*\)[^«]*«(.+)»$", re.S
)


# how a topic card gives a scheme's fact: 'Scheme, 2021 (office): sentence'
_FACT_LINE = re.compile(r"^[^:«\n]+, \d{4}(?:–\d{4})? \((?:[^()]|\([^)]*\))*\): (.+)$", re.S)


def permission_verdict(folded: str, answer: Answer, lang: Lang) -> Answer:
    """Say yes before an answer to a yes/no question whose quoted source sentence permits
    what is asked ('kan kommunen samarbeide med andre?' against 'Kommuner kan velge å inngå
    interkommunalt samarbeid'); a question that negates a condition is left to
    condition_verdict."""
    if not answer.answered or not answer.paragraphs or not _YES_NO_START.match(folded):
        return answer
    if _NEGATED.search(folded) or _decided(answer):
        return answer
    quoted = _QUOTE.match(answer.paragraphs[0])
    if quoted is None:
        # a topic card's first fact ('Voksne …, 2021 (office): Ordningen åpner for …')
        quoted = _FACT_LINE.match(answer.paragraphs[0])
    if quoted is None or not _PERMITS.search(fold(quoted.group(1))):
        quoted = _permitting_fact(folded, answer.paragraphs[1:3])
    if quoted is None:
        return answer
    answer.paragraphs.insert(0, t("permission_yes", lang))
    return answer


def _permitting_fact(folded: str, paragraphs: list[str]) -> re.Match[str] | None:
    """A later fact of a topic card that permits what is asked, by a longer word they share.

    'Does the adults' scheme cover costs other than salaries?': the 2021 fact «The scheme
    allows costs other than full-time equivalents to be covered» after the 2022 one.
    """
    asked = {w for w in re.findall(r"[a-z]+", folded) if len(w) >= 5}
    for paragraph in paragraphs:
        line = _FACT_LINE.match(paragraph)
        if line is None:
            continue
        said = fold(line.group(1))
        shared = asked & set(re.findall(r"[a-z]+", said))
        if _PERMITS.search(said) and shared - {"scheme", "ordningen", "tilskuddet", "grant"}:
            return line
    return None


def _decided(answer: Answer) -> bool:
    """Tell whether an answer already says yes or no in its first paragraphs."""
    head = "\n".join(answer.paragraphs[:3])
    return re.search(r"(?m)^(?:ja|nei|yes|no)\b", head.lower()) is not None


def says_condition(words: list[str], said: str) -> bool:
    """Tell whether a sentence says a condition: its numbers and most of its words (the
    scheme's name, said in the question, may be left out of the sentence)."""
    tokens = set(re.findall(r"[a-z0-9]+", said))
    if not words or any(w.isdigit() and w not in tokens for w in words):
        return False
    return sum(w in tokens for w in words) >= 0.6 * len(words)


def premise_verdict(folded: str, answer: Answer, lang: Lang) -> Answer:
    """Say before an answer whether the figure or date a premise states is the one it gives.

    Only a premise ('stemmer det at …', 'is it true that …') with one amount or one day and
    month is checked, against the first figure or date of the answer's first paragraphs; an
    answer that already says yes or no, or gives no figure of the kind, is left as it is.
    """
    if not answer.answered or not answer.paragraphs or not PREMISE.search(folded):
        return answer
    if _BOUND.search(folded) or _decided(answer):
        return answer
    stated = extract_money(folded)
    if isinstance(stated, int) and stated > 0:
        given = _one_figure(answer.paragraphs[:3], _kroner_in)
        if given is None:
            return answer
        if given == stated:
            lead = t("premise_yes", lang)
        elif _rounded_to(given, stated) == stated:
            # '8 millioner' of 8 098 380 kr: the figure rounded as the question rounds it
            lead = t("premise_about", lang, figure=fmt.kroner(given, lang))
        else:
            lead = t(
                "premise_no", lang, figure=fmt.kroner(given, lang), stated=fmt.kroner(stated, lang)
            )
        answer.paragraphs.insert(0, lead)
        return answer
    day_month = extract_day_month(folded)
    if day_month is None:
        return answer
    # 'var fristen 1. februar 2020?': the year is checked too when both say one
    full = extract_date(folded)
    stated_year = full[0] if full is not None and (full[2], full[1]) == day_month else None
    dated = _one_date(answer.paragraphs[:3], stated_year)
    if dated is None:
        return answer
    day, month, given_year = dated
    given_day = (day, month)
    if given_day == day_month and (stated_year is None or given_year in (None, stated_year)):
        lead = t("premise_yes", lang)
    else:
        with_years = stated_year is not None and given_year is not None
        lead = t(
            "premise_no",
            lang,
            figure=_day_month_text(given_day, lang, given_year if with_years else None),
            stated=_day_month_text(day_month, lang, stated_year if with_years else None),
        )
    answer.paragraphs.insert(0, lead)
    return answer


def _one_figure(paragraphs: list[str], found_in: Callable[[str], list[T]]) -> T | None:
    """Return the one figure the first paragraph giving any gives, else None (a paragraph
    with two figures, 'inntil 610 000 kr per stilling og 10 000 kr per tiltak', is no one
    figure to hold a premise against)."""
    for paragraph in paragraphs:
        figures = set(found_in(paragraph))
        if figures:
            return figures.pop() if len(figures) == 1 else None
    return None


def _one_date(paragraphs: list[str], year: int | None) -> tuple[int, int, int | None] | None:
    """Return the one date the first paragraph giving any gives: the one of the stated year
    when it lists several years' dates, the day and month alone when they are all the same."""
    for paragraph in paragraphs:
        dates = set(_dates_in(paragraph))
        if not dates:
            continue
        if len(dates) == 1:
            return dates.pop()
        of_year = [d for d in dates if d[2] == year] if year is not None else []
        if len(of_year) == 1:
            return of_year[0]
        days = {(d, m) for d, m, _y in dates}
        if len(days) == 1 and year is None:
            ((d, m),) = days
            return d, m, None
        return None
    return None


def _kroner_in(text: str) -> list[int]:
    """Return the kroner amounts a text writes, in whole kroner."""
    return [
        int((m.group(1) or m.group(2)).replace(" ", "").replace(",", ""))
        for m in _KRONER.finditer(text)
    ]


def _dates_in(text: str) -> list[tuple[int, int, int | None]]:
    """Return the days, months and years (None when not written) of the dates a text writes."""
    return [
        (
            int(m.group(1)),
            word_tables().months[m.group(2).lower()],
            int(m.group(3)) if m.group(3) else None,
        )
        for m in _ANSWER_DATE.finditer(text)
    ]


def _day_month_text(day_month: tuple[int, int], lang: Lang, year: int | None = None) -> str:
    """Write a day and month, with a year if given: '10. februar 2021', '10 February'."""
    day, month = day_month
    name = fmt.MONTHS[lang][month - 1]
    text = f"{day}. {name}" if lang == "nb" else f"{day} {name}"
    return f"{text} {year}" if year is not None else text


def _rounded_to(given: int, stated: int) -> int:
    """Round a figure to the last non-zero digit of a stated one: (8 098 380, 8 000 000) ->
    8 000 000; a stated figure with no zeros at the end is its own precision."""
    step = 1
    while stated % (step * 10) == 0:
        step *= 10
    return (given + step // 2) // step * step if step > 1 else given


# a yes/no question on whether something is required ('is an auditor-attested account
# required?', 'er det krav om revisorattestert regnskap?', 'kreves det …?')
_REQUIRED_START = re.compile(
    r"^(?:og\s+)?(?:er|is|are|kreves|krevst|ma|must|do|does|stilles|gjelder|blir)\b"
)
_REQUIRED = re.compile(
    r"\b(?:required|requirement|requirements|krav|kravet|kreves|krevst|pakrevd|"
    r"obligatorisk\w*|mandatory)\b"
)
# a requirement the source says is dropped ('Revisorattestasjon tas bort')
_DROPPED = re.compile(
    r"\b(?:tas bort|fjernes|fjernet|bortfaller|faller bort|removed|dropped|no longer)\b"
)


def requirement_verdict(folded: str, answer: Answer, lang: Lang) -> Answer:
    """Say yes (or no) before an answer to 'is X required?' whose first source sentence on a
    requirement states it (or says it is dropped); any other answer is left as it is."""
    if not answer.answered or not answer.paragraphs or _decided(answer):
        return answer
    if not _REQUIRED_START.match(folded) or not _REQUIRED.search(folded):
        return answer
    if _NEGATED.search(folded) or PREMISE.search(folded):
        return answer
    for paragraph in answer.paragraphs[:2]:
        said = fold(paragraph)
        # 'Revisorattestasjon tas bort' says no to 'kreves revisorattestasjon?' without 'krav'
        dropped = _DROPPED.search(said) is not None
        if not (_REQUIRED.search(said) or dropped):
            continue
        lead = ("Nei." if lang == "nb" else "No.") if dropped else t("permission_yes", lang)
        answer.paragraphs.insert(0, lead)
        return answer
    return answer
