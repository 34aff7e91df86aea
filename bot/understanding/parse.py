"""Question understanding: intent, entities and a confidence, from chat text."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from rapidfuzz import fuzz, process

from bot.text import clean, detect_language, fold
from bot.understanding.entities import (
    _COUNTED_POSITIONS,
    _COUNTY_NUMBER,
    _FOUR_DIGITS,
    _LETTERS,
    _NATIONAL,
    _has_place,
    compared_positions,
    cost_phrase_spans,
    count_of_shares,
    extract_costs_by_grant_year,
    extract_date,
    extract_duration,
    extract_first_years,
    extract_grant_year_anchor,
    extract_grant_year_list,
    extract_grant_years,
    extract_groups,
    extract_last_years,
    extract_money,
    extract_positions,
    extract_start_groups,
    extract_start_years,
    extract_year_span,
    extract_years,
    joined_by_measure,
    joined_positions,
    listed_start_years,
    measure_positions,
    position_mentions,
    relative_year,
    relative_years,
    start_group_spans,
)
from bot.understanding.lexicon import (
    Lexicon,
    appropriation_scheme_words,
    deadline_scheme_words,
    funded_acronyms,
    other_thing,
    rated_rule_words,
    rule_scheme_words,
    thing_scheme,
    unknown_unit,
)
from bot.understanding.normalise import _has, _needle, _stem, generic_name, inflected, pad
from bot.understanding.operations import read_ladder_operation, read_operation, stated_amounts
from bot.understanding.patterns import (
    _START_RELATIVE,
    ACRONYM,
    AGDER_GROUP,
    AMOUNT_ASK,
    ANCHOR_SLOTS,
    ANCHOR_TRIGGER,
    ANY_WORD,
    ASKS_DEADLINE,
    BEYOND,
    BUDGET_REF,
    BUDGET_WORD,
    CHAPTER_SCHEMES,
    COMMAND,
    COMMANDS,
    COOPERATION,
    COST_FOR_ALL,
    COST_OF_ONE,
    COST_WORD,
    COUNTED_SCHEMES,
    DATE_ASK,
    DIFFERENCE,
    EACH_MEASURE,
    END_YEAR_ASK,
    EXTRA_IF,
    FIGURE_INTENTS,
    FOLLOW_UP,
    FRAMEWORK_INTENTS,
    FRAMEWORK_SCHEME,
    FUNDED_IN,
    GOES_DOWN,
    GOES_UP,
    GRANT_ADMINISTRATION,
    GRANT_PERCENT,
    GRANT_STEM,
    GRANT_TOKEN,
    GRANT_WORDS,
    HOW_MANY_YEARS,
    KIND_ACCOUNTS,
    KIND_APPLICATION,
    KIND_REPORT,
    LIMITED,
    LIST_ASK,
    MEASURE_EACH_POSITION,
    MEASURES,
    MONTH_ONLY,
    MOST_ASK,
    NAME_ENDINGS,
    OFFICE_NAME,
    ONE_YEAR,
    ORDER_ASC,
    ORDER_DESC,
    OTHER_COUNTS,
    OTHER_SCHEMES,
    PER_UNIT,
    PLACE_MONEY_INTENTS,
    PLACE_SLOTS,
    PLACE_WORD,
    POSITION_LIMIT,
    POSITIONS_ASK,
    POSTCODE_BEFORE,
    PREMISE,
    RATE_ASK,
    RECEIVED_AMOUNT,
    RESTATED_YEAR,
    RULES_OF_YEAR,
    SALARY_ONLY,
    SALARY_PART,
    SCHEME_FREE,
    SCHEME_HAD,
    SERVES,
    SO_FAR,
    STAFF_ADDED,
    STATED_NOW,
    THROUGH_YEAR,
    TOPIC_CONCEPTS,
    WHICH_GRANT_YEAR,
    WHO_APPLIES,
    WHOLE_PERIOD,
    WIND_DOWN,
    WITH_COMPETENCE,
    WITHOUT_COMPETENCE,
    YEAR_SHIFT,
    YES_NO,
)
from bot.understanding.query import Understanding
from bot.understanding.words import GROUPS, NUMBER_WORDS, word_pattern, word_tables
from knowledge.kb import KnowledgeBase
from knowledge.schema import LadderRule

# a word this strong a trigger asks for something on its own ('Frist for X, og hvem …?')
ASKING_WORD = 0.6

# 'hva fikk vi det året?', 'that year': the year just named
_THAT_YEAR = re.compile(r"\b(?:det|dette|samme|that|the same)\s+(?:aret|year)\b")


# 'år 1-satsen på 660 000', 'satsen på': the amount after it is the rate, restated
_RATE_OF = re.compile(r"\b(?:\w+-)?(?:satsen|sats|satser|satsene|rate|the rate)\s+(?:pa|of)\s*$")


# words that compare counts rather than add them ('enn', 'forskjellen på', 'i stedet for')
COMPARED = re.compile(
    r"\b(?:enn|than|forskjell\w*|mellom|difference|between|sammenlign\w*|compare\w*|versus|"
    r"vs|eller|or|i stedet|istedenfor|instead|om vi hadde|if we had)\b"
)


# 'for 3 positions', 'for to årsverk': a count the question asks a figure for
_FOR_COUNT = re.compile(
    r"\bfor\s+(?:\d+(?:[.,]\d+)?|en|ett|ei|to|tre|fire|fem|one|two|three|four|five)\s+"
    r"(?:\w+\s+)?(?:arsverk\w*|stilling\w*|positions?|ftes?)\b"
)


# the word a scheme's name stands as when its words are read as one
_NAME_WORD = "tilskuddsordningen"


# '2021 til og med 2024', 'fra 2019 til 2022', '2020–2023': calendar years given as a span
_EXPLICIT_SPAN = re.compile(
    r"\b((?:19|20)\d{2})\s*(?:til og med|til|to|through|until|-|–)\s*((?:19|20)\d{2})\b"
)


# a word that says something began: 'startet', 'første gang', 'first time'
_BEGAN = re.compile(
    r"\b(?:startet|starta|begynte|started|began|opprettet|oppretta|forste gang|"
    r"forste tilskudd\w*|first time|first grant|its first|their first)\b"
)


# 'i dag, desember 2026', 'vi er nå i desember 2026': the year the asker is in, said as today
_TODAY_STATED = word_pattern(
    lambda w: (
        r"\b(?:i dag|idag|na|today|now|vi er i|we are in)\s*,?\s*(?:i\s+|in\s+)?"
        r"(?:(?:" + "|".join(m for m in w.months if len(m) > 3) + r")\s+)((?:19|20)\d{2})\b"
    )
)


def year_slots(s: dict[str, Any], timed: str, folded: str) -> None:
    """Fill the calendar-year slots (and a date) from a text; ``timed`` has the start year's
    words blanked out, ``folded`` is the text as read."""
    years = sorted(set(extract_years(timed)))
    stated = {int(m.group(1)) for m in _TODAY_STATED.finditer(timed)}
    if stated and set(years) - stated:
        # 'kan vi i dag, desember 2026, regne med tilskudd for 2027?': the year asked is 2027
        years = [y for y in years if y not in stated]
    date = extract_date(folded)
    if date:
        s["date"] = date
        years = [y for y in years if y != date[0]]
    if len(years) == 1:
        s["year"] = years[0]
    elif len(years) >= 2:
        s["year_from"], s["year_to"] = min(years), max(years)
    spanned = _EXPLICIT_SPAN.search(timed)
    if (
        len(years) >= 3
        and years != list(range(years[0], years[-1] + 1))
        and not (
            spanned and (int(spanned.group(1)), int(spanned.group(2))) == (years[0], years[-1])
        )
    ):
        # '… fra 2018 og ett nytt fra 2020 – hva får vi i 2021?': years that are no span
        s["years_scattered"] = tuple(years)


def salary_part_of_grant_year(folded: str) -> bool:
    """Whether the salary part is asked of a grant year ('lønnsdelen i år 1 … enn NAV').

    Each side of an 'enn' is read on its own: 'enn NAV-tilskuddet (lønnsdelen)' says what the
    other scheme's figure is, not that a grant year's competence money is left out.
    """
    for side in re.split(r"\b(?:enn|than)\b", folded):
        if SALARY_PART.search(side) and extract_grant_years(side):
            return True
    return False


def restore_years(u: Understanding) -> None:
    """Read the years and grant years again without taking one of them as a start year."""
    s = u.slots
    relative = s.get("year_rel")
    timed = any(k in s for k in ("year", "year_from"))
    started = ("start_year", "start_years", "start_groups", "funded_year")
    for key in (*started, "year_rel", "year", "year_from", "year_to", "date", "years_scattered"):
        s.pop(key, None)
    if relative is not None and not timed:
        # 'fikk tilskudd i 2021 for en stilling i sitt første år – kan vi søke i år?': the
        # only year asked about is the one against today
        s["year_rel"] = relative
        return
    year_slots(s, u.folded, u.folded)
    grant_years = extract_grant_years(u.folded)
    if grant_years and "grant_year" not in s:
        s["grant_year"] = grant_years[0]
        if len(grant_years) > 1 and min(grant_years) > 0:
            s["grant_year"], s["grant_year_to"] = min(grant_years), max(grant_years)


# The money of a scheme as the last part of a compound ('rusarbeidsmidlene', 'NAV-pengene').
# words a compound of a one-word scheme name ends in: its money ('rusarbeidsmidler') or the
# scheme itself ('rusarbeidsordningen', 'rusarbeidstilskotet')
MONEY_HEADS = (
    "midlene",
    "midlane",
    "midlar",
    "midler",
    "pengene",
    "penger",
    "ordningen",
    "ordninga",
    "ordning",
    "tilskotet",
    "tilskot",
)


def money_compound_base(token: str) -> str | None:
    """Return the first part of a compound that ends in a word for money, or None."""
    for head in MONEY_HEADS:
        if token.endswith(head) and len(token) > len(head) + 3:
            base = token[: -len(head)].rstrip("-")
            # the joining 's' of 'rusarbeidsmidler'
            return (
                base[:-1] if base.endswith("s") and not token[: -len(head)].endswith("-") else base
            )
    return None


_PER_POSITION = re.compile(
    r"\b(?:per|pr|for each|a)\s+(?:(?:full[- ]?time|hel|heil)\s+)?"
    r"(?:arsverk|stilling|position|fte)\b"
)


# 'selv', 'sjølv', 'ourselves': a cost borne by the municipality itself
_SELF = re.compile(r"\b(?:selv|sjol|sjolv|ourselves|itself|themselves)\b")


#: Most chunks of words whose municipality lookalike is remembered before starting afresh.
LOOKALIKES_SIZE = 50_000


#: Most words of a follow-up naming only a place ('og for Bergen kommune alene?').
FOLLOW_UP_PLACE_WORDS = 6


class Understander:
    """Turn chat text into an Understanding, using names from the knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Build the lexicon once."""
        self.kb = kb
        self.lex = Lexicon(kb)
        self._names_seen: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
        self._name_orders: dict[str, list[tuple[list[str], list[str]]]] = {}
        # a lookalike of a municipality name has the name's length, give or take two: the names
        # a chunk of each length may be a lookalike of
        keys = list(self.lex.municipalities)
        lengths = {len(k) + d for k in keys for d in range(-2, 3)}
        self._muni_near: dict[int, list[str]] = {
            n: [k for k in keys if abs(len(k) - n) <= 2] for n in lengths
        }
        # the names of municipalities, counties (longest first) and offices (longest first, of
        # four letters or more) as whole words of a padded text (see ``pad``), as looked for
        self._municipality_needles = [
            (_needle(name), number) for name, number in self.lex.municipalities.items()
        ]
        self._county_needles = [
            (_needle(name), code)
            for name, code in sorted(self.lex.counties.items(), key=lambda kv: -len(kv[0]))
        ]
        self._office_needles = [
            (_needle(name), office)
            for name, office in sorted(self.lex.offices.items(), key=lambda kv: -len(kv[0]))
            if len(name) >= 4
        ]
        # the words that say a grant was or is received ('fikk', 'får', 'got'), folded
        words = kb.language
        self._received_words = tuple(
            fold(w)
            for w in (*(words.received if words else []), *(words.receives if words else []))
        )
        # the names that may start at each token (tokens recur)
        self._candidates_seen: dict[str, tuple[list[tuple[tuple[str, ...], str]], str | None]] = {}
        # the lookalike found for each chunk of words (the chunks of questions recur)
        self._muni_lookalikes: dict[str, str | None] = {}
        # the long names whose every content word a question must have, by one of those words
        # (the word fewest names share), in the order they are tried
        self._content_by_stem: dict[str, list[int]] = {}
        self._content_always: list[int] = []
        shared: dict[str, int] = {}
        for _name, content in self.lex.scheme_content_longest:
            for stem in content:
                shared[stem] = shared.get(stem, 0) + 1
        for i, (_name, content) in enumerate(self.lex.scheme_content_longest):
            if not content:
                self._content_always.append(i)
                continue
            key = min(sorted(content), key=lambda stem: shared[stem])
            self._content_by_stem.setdefault(key, []).append(i)
        self.rule_words = rule_scheme_words(kb, self.lex)
        # what a source document is called by its kind ('Søknadsverksted: …', 'Kunngjøring
        # 2020: …'): 'søknadsverkstedet' names where something is said, not a thing with rates
        self.document_words = tuple(
            sorted(
                {
                    head
                    for doc in kb.sources.values()
                    if ":" in doc.title
                    for head in fold(doc.title.split(":")[0]).split()[:1]
                    if len(head) >= 6
                }
            )
        )
        self.deadline_words = deadline_scheme_words(kb, self.lex)
        tables = kb.language.tables if kb.language else None
        including = sorted({fold(w).rstrip(".") for w in (tables.including if tables else [])})
        prognosis = sorted({fold(w) for w in (tables.prognosis if tables else [])})
        # 'prognosen', '2018-prognosen', 'prognoseåret': a prognosis word, alone or in a compound
        self.prognosis_said = re.compile(
            rf"(?:\b|-)(?:{'|'.join(map(re.escape, prognosis or ['prognose']))})\w*"
        )
        # 'inkludert prognosen for 2020', 'inkl. 2020', 'including the forecast for 2020': the
        # year names what a sum takes in (its printed 'Sum inkl. 2020 prognose'), not a year
        # asked for
        self.included_year = (
            re.compile(
                rf"\b(?:{'|'.join(map(re.escape, including))})\b\.?"
                r"(?:\s+(?:den|det|the))?"
                rf"(?:\s+(?:{'|'.join(map(re.escape, [*prognosis, 'forecast', 'prognosis']))}))?"
                r"(?:\s+(?:for|fra|of|from|i|in))?(?:\s+(?:aret|year))?\s+(\d{4})\b"
            )
            if including
            else None
        )
        self.rated_words = rated_rule_words(kb)
        self.money_words = appropriation_scheme_words(kb, self.lex)
        self.funded_acronyms = funded_acronyms(kb)

    # --- entities ---

    def schemes_in(self, folded: str) -> list[str]:
        """Return the schemes a text names, best first; typos tolerated."""
        return [sid for sid, _name in self.scheme_matches(folded)]

    def names_in(self, tokens: list[str]) -> list[str]:
        """Return the scheme names in a token list, longest first at each place, not overlapping.

        The last word of a name may carry an inflection ending ('fastlegen', 'voksne-
        ordningene'). The names of the last question read are remembered (asked twice).
        """
        key, seen = tuple(tokens), self._names_seen  # one read: another thread may swap it
        if key == seen[0]:
            return list(seen[1])
        names = self._names_in(tokens)
        self._names_seen = (key, tuple(names))
        return names

    def _names_in(self, tokens: list[str]) -> list[str]:
        """Find the scheme names in a token list (see names_in)."""
        names: list[str] = []
        i = 0
        while i < len(tokens):
            matched = None
            candidates, money_base = self._name_candidates(tokens[i])
            for name_tokens, name in candidates:
                n = len(name_tokens)
                if i + n > len(tokens) or tuple(tokens[i : i + n - 1]) != name_tokens[:-1]:
                    continue
                last, want = tokens[i + n - 1], name_tokens[-1]
                if n == 1 and money_base == want:
                    matched = (name, n)
                    break
                if last == want or (last.startswith(want) and last[len(want) :] in NAME_ENDINGS):
                    matched = (name, n)
                    break
            if matched:
                names.append(matched[0])
                i += matched[1]
            else:
                i += 1
        return names

    def _name_candidates(self, token: str) -> tuple[list[tuple[tuple[str, ...], str]], str | None]:
        """The names that may start at a token, longest first, and the token's money compound
        base (remembered per token: they depend on the token alone)."""
        found = self._candidates_seen.get(token)
        if found is None:
            candidates = list(self.lex.names_by_first.get(token, []))
            for ending in NAME_ENDINGS:
                if token.endswith(ending):
                    base = token[: -len(ending)]
                    candidates += [
                        c for c in self.lex.names_by_first.get(base, []) if len(c[0]) == 1
                    ]
            money_base = money_compound_base(token)
            if money_base:
                # 'rusarbeidsmidler', 'rusarbeidspengene': a one-word name and the money of it
                candidates += [
                    c for c in self.lex.names_by_first.get(money_base, []) if len(c[0]) == 1
                ]
            candidates.sort(key=lambda entry: -len(" ".join(entry[0])))
            if len(self._candidates_seen) > LOOKALIKES_SIZE:
                self._candidates_seen.clear()
            found = self._candidates_seen[token] = (candidates, money_base)
        return found

    def _shared(self, u: Understanding, matches: list[tuple[str, str]]) -> None:
        """Note the other schemes the words naming a scheme fit as well, unless the question
        has a word of that scheme's own names only ('voksne', 'tjenestebehov')."""
        stems = {_stem(t) for t in pad(u.folded).split()}
        for sid, name in matches:
            others = self.lex.shared_names.get(name, frozenset()) - {s for s, _n in matches}
            if others and not self._own_words(stems, sid, others):
                u.ambiguous_schemes = sorted(others)
                u.shared_name = name
                return

    def scheme_matches(self, folded: str) -> list[tuple[str, str]]:
        """Return (scheme, the name that matched) for the schemes a text names, best first."""
        padded = pad(folded)
        found: dict[str, tuple[float, str]] = {}
        for name in self.names_in(padded.split()):
            sid = self.lex.scheme_names[name]
            score = 100.0 + len(name)
            if score > found.get(sid, (0.0, ""))[0]:
                found[sid] = (score, name)
        # A budget chapter and post ('0621 post 63', 'kap. 765.62') when no name is given.
        if not found:
            for m in BUDGET_REF.finditer(folded):
                for sid in self.lex.budget_refs.get((m.group(1).lstrip("0"), m.group(2)), []):
                    found.setdefault(sid, (105.0, m.group(0)))
        # A long name whose every content word occurs somewhere in the question ('the adults
        # with long-term complex needs grant' names 'adults with complex needs').
        stems = {_stem(t) for t in padded.split()}
        if GRANT_TOKEN.search(folded):
            stems.add(GRANT_STEM)
        # the words of a name given in full belong to that scheme ('tilbud til barn og unge med
        # behov for langvarig/sammensatt oppfølging' names no adults' scheme)
        named_stems = {
            sid: {_stem(t) for t in pad(name).split()} for sid, (_score, name) in found.items()
        }
        # longest first: the words of a longer name found so belong to its scheme too ('new
        # mental health and substance abuse grant' leaves 'substance abuse grant' unnamed)
        taken: list[tuple[str, set[str] | frozenset[str]]] = list(named_stems.items())
        tried = {i for stem in stems for i in self._content_by_stem.get(stem, ())}
        for i in sorted(tried.union(self._content_always)):
            name, content = self.lex.scheme_content_longest[i]
            if not content <= stems:
                continue
            sid = self.lex.scheme_names[name]
            # (a grant word names no scheme: 'ordningen for barn og unge med langvarig
            # oppfølging' leaves 'langvarig-ordningen' to the children's scheme)
            own = content - {GRANT_STEM}
            if any(own and own <= other for o, other in taken if o != sid):
                continue
            taken.append((sid, content))
            score = 50.0 + len(content)
            if score > found.get(sid, (0.0, ""))[0]:
                found[sid] = (score, name)
        ordered = sorted(found.items(), key=lambda kv: -kv[1][0])
        matched = [(sid, name) for sid, (_score, name) in ordered]
        # words two schemes' names share, beside a name of the other scheme, describe that
        # one ('barn og unge med langvarige og sammensatte behov' names no adults' scheme)
        return [
            (sid, name)
            for sid, name in matched
            if not (
                self.lex.shared_names.get(name, frozenset()) & {o for o, _n in matched}
                and not self._own_words(stems, sid, self.lex.shared_names[name])
            )
        ]

    def _own_words(self, stems: set[str], sid: str, others: frozenset[str]) -> bool:
        """Whether a question has a word of one scheme's names that no other scheme's has."""
        rest = set().union(*(self.lex.scheme_words.get(o, frozenset()) for o in others))
        return bool(stems & (self.lex.scheme_words.get(sid, frozenset()) - rest))

    def municipality_in(self, folded: str) -> str | None:
        """Return the kommunenummer a text names (number or name, typos tolerated)."""
        padded = pad(folded)
        for m in _FOUR_DIGITS.finditer(folded):
            if m.group(1) in self.lex.municipality_numbers:
                return m.group(1)
        for needle, number in self._municipality_needles:
            if needle in padded:
                return number
        tokens = _LETTERS.findall(folded)
        elsewhere = [t in self.lex.other_places for t in tokens]
        for n in (3, 2, 1):
            for i in range(len(tokens) - n + 1):
                if any(elsewhere[i : i + n]):
                    continue  # a place outside the tables is not a lookalike of one in them
                chunk = " ".join(tokens[i : i + n])
                near = self._muni_near.get(len(chunk))
                if len(chunk) < 5 or not near:
                    continue  # too short, or no name within two letters of its length
                if chunk not in self._muni_lookalikes:
                    if len(self._muni_lookalikes) > LOOKALIKES_SIZE:
                        self._muni_lookalikes.clear()
                    best = process.extractOne(chunk, near, scorer=fuzz.ratio, score_cutoff=84)
                    self._muni_lookalikes[chunk] = best[0] if best else None
                found = self._muni_lookalikes[chunk]
                if found is not None:
                    return self.lex.municipalities[found]
        return None

    def county_in(self, folded: str) -> str | None:
        """Return the county code a text names (statistics table)."""
        padded = pad(folded)
        for needle, code in self._county_needles:
            if needle in padded:
                return code
        m = _COUNTY_NUMBER.search(folded)
        if m and m.group(1) in self.lex.counties.values():
            return m.group(1)
        if _NATIONAL.search(folded):
            return "landet"
        return None

    def group_in(self, folded: str) -> str | None:
        """Return Lister, Aust-Agder, Vest-Agder or Agder when named (also in the genitive:
        'Listers kommuner')."""
        padded = pad(folded)
        # the longest name first; the whole of Agder is read below, not when it names an office
        for key in sorted(GROUPS, key=len, reverse=True):
            if GROUPS[key] != "Agder" and (_has(padded, key) or _has(padded, f"{key}s")):
                return GROUPS[key]
        if AGDER_GROUP.search(folded):
            return "Agder"
        return None

    def office_in(self, folded: str) -> str | None:
        """Return the office a text names (Agder, Innlandet, national)."""
        padded = pad(folded)
        for needle, office in self._office_needles:
            if needle in padded:
                return office
        for name, office in self.lex.offices.items():
            # 'Innlandets del': a one-word name in the genitive
            if len(name) >= 4 and " " not in name and f" {name}s " in padded:
                return office
        return None

    def _unknown_office(self, u: Understanding) -> tuple[str, ...]:
        """Return an office named by title and a place word the sources do not know at all."""
        m = OFFICE_NAME.search(u.text.lower())
        if m is None:
            return ()
        said = u.text[m.start() : m.end()]
        place = said.split()[2]
        if not place[:1].isupper() or fold(place) not in u.unknown:
            return ()  # 'fylkesmannen i ditt fylke' names no office
        head = "Fylkesmannen" if fold(said).startswith("fylkesmann") else "Statsforvalteren"
        return (f"{head} i {place}",)

    # --- the whole question ---

    def _restated_rate(self, u: Understanding) -> None:
        """Drop a stated grant that only restates the ladder's rate for the grant year beside it.

        'Vi får 660 000 pr årsverk i år 1. Hvor mye har tilskuddet falt når vi kommer til år 4?',
        'Vi fikk første tilskudd i 2021 (år 1, 660 000). …': a statement, before the question,
        that the municipality receives what the ladder gives for that grant year is neither a
        cost to reckon an own share from nor an amount received to place on the ladder; the
        question is read without it. An amount the ladder does not give stays as it was.
        """
        s, f = u.slots, u.folded
        cost = s.get("cost")
        if not isinstance(cost, int):
            return
        positions = s.get("positions", Fraction(1))
        if not isinstance(positions, Fraction | int):
            return
        amounts = stated_amounts(f)
        for start, value in amounts:
            if value != cost:
                continue
            begin = max(f.rfind(".", 0, start), f.rfind("?", 0, start), f.rfind("!", 0, start))
            end = min((i for i in (f.find(c, start) for c in ".?!") if i >= 0), default=len(f))
            sentence = f[begin + 1 : end + 1]
            if sentence.endswith("?") or end + 1 >= len(f.rstrip()):
                return  # the question itself states it: a figure asked of, not a premise
            padded = " " + " ".join(re.split(r"[^\w]+", sentence)) + " "
            if not any(f" {w} " in padded for w in self._received_words):
                return
            years = [g for g in extract_grant_years(sentence) if g > 0]
            rates = {
                step.amount
                for sid, rule in self.kb.all_rules()
                if isinstance(rule, LadderRule) and sid in self._ladder_schemes(u)
                for step in rule.steps
                if step.grant_year in years
            }
            if not any(value in (rate, positions * rate) for rate in rates):
                return
            rest = f[: begin + 1] + f[end + 1 :]
            others = [v for at, v in amounts if not begin < at <= end]
            if COST_WORD.search(rest) and others:
                # 'Vi får 440 000 i år 3. Hva blir egenandelen når stillingen koster 700 000?':
                # the cost is the other amount, in the grant year restated
                s["cost"] = others[0]
                return
            if COST_WORD.search(f):
                return  # a cost word and no other amount: the amount may be the cost
            s.pop("cost")
            s.pop("cost_for_all", None)
            asked = extract_grant_years(rest)
            if "start_year" in s and not asked:
                # ('første tilskudd i 2021 (år 1, 660 000)': the start year places the
                # grant years; the one restated beside the rate asks for none)
                s.pop("grant_year", None)
                s.pop("grant_year_to", None)
            elif len(set(asked)) == 1 and asked[0] > 0 and not DIFFERENCE.search(rest):
                # 'Vi fikk 1 320 000 for 2 årsverk i år 1. Hva får vi i år 2?': the year asked,
                # not a span from the year restated (a change from it keeps both)
                s["grant_year"] = asked[0]
                s.pop("grant_year_to", None)
            return

    def _restated_figures(self, u: Understanding) -> None:
        """Drop amounts that only restate the ladder's figures for the grant year named.

        'Kommer kompetansemidlene på 10 000 i tillegg til 660 000 i år 1?': the year's rate and
        the competence money it includes are the rules restated, no cost or amount received;
        the question is read without them. An amount the ladder does not give beside them
        ('… så vi får 670 000 per årsverk?') is the claim to check.
        """
        s, f = u.slots, u.folded
        if COST_WORD.search(f) or not any(k in s for k in ("cost", "received")):
            return
        years = {g for g in extract_grant_years(f) if g > 0}
        figures = {
            figure
            for sid, rule in self.kb.all_rules()
            if isinstance(rule, LadderRule) and sid in self._ladder_schemes(u)
            for step in rule.steps
            if step.grant_year in years
            for figure in (step.amount, step.competence)
            if figure
        }
        amounts = stated_amounts(f)
        restated = [(at, v) for at, v in amounts if v in figures]
        named = [at for at, _v in restated if _RATE_OF.search(f[:at])]
        if len(restated) < 2 and not named:
            # one amount may be what the question asks about ('får vi 550 000 i år 2?'), unless
            # the words before it name it the rate ('år 1-satsen på 660 000')
            return
        s["restated"] = tuple(v for _at, v in restated)
        s.pop("cost", None)
        s.pop("cost_for_all", None)
        s.pop("received", None)
        claims = [(at, v) for at, v in amounts if v not in figures]
        if claims:
            at, value = claims[-1]
            s["stated"] = value
            if PER_UNIT.match(re.sub(r"^[\d .,]+\s*(?:k\b|kr\.?|kroner|nok|,-)?\s*", "", f[at:])):
                s["stated_per"] = True

    def _ladder_schemes(self, u: Understanding) -> set[str]:
        """The schemes with a ladder a question may be about: the one named, else all."""
        named = {u.scheme} if u.scheme else set(u.schemes_mentioned)
        having = {sid for sid, rule in self.kb.all_rules() if isinstance(rule, LadderRule)}
        return having & named if named else having if len(having) == 1 else set()

    def asks_for(self, word: str) -> bool:
        """Whether one word alone asks for something the sources say in words ('Frist',
        'Søknadsfrist', 'Kontakt'): a trigger phrase of an intent that is no figure's,
        weighing at least ASKING_WORD ('Samlet …, og hvor mye …' is one sum asked)."""
        padded = pad(fold(word))
        hits = self.lex.trigger_hits(padded, padded)
        figures = {*FIGURE_INTENTS, *FRAMEWORK_INTENTS, "appropriation", "statistics"}
        return any(
            w >= ASKING_WORD
            for intent, weights in hits.items()
            if intent not in figures
            for w in weights
        )

    def read_words(self, raw: str) -> Understanding:
        """Read a message's words alone: its language, folded text and unknown words (which
        the rest of understanding may only take from), no intent yet."""
        text, truncated = clean(raw)
        lang = detect_language(text)
        acronyms = frozenset(fold(a) for a in ACRONYM.findall(text))
        folded = self.lex.expand_elided(fold(text, nynorsk=lang != "en"))
        folded, unknown = self.lex.normalise(folded, acronyms)
        return Understanding(
            text=text,
            folded=folded,
            lang=lang,
            intent="out_of_scope",
            confidence=0.0,
            truncated=truncated,
            unknown=unknown,
        )

    def understand(self, raw: str) -> Understanding:
        """Read intent, entities and confidence from one message."""
        u = self.read_words(raw)
        folded = u.folded
        if not ANY_WORD.search(folded):
            return u
        command = COMMAND.match(folded)
        if command and command.group(1) in COMMANDS:
            u.intent, u.confidence = COMMANDS[command.group(1)], 1.0
            return u
        self._entities(u)
        self._score(u)
        if "start_year" in u.slots and u.intent not in FIGURE_INTENTS:
            # a start year only times ladder figures; other questions keep the year as written
            u.timed_slots = dict(u.slots)
            restore_years(u)
        elif "start_year" in u.slots and "year" in u.slots and u.slots.get("grant_year") == -1:
            # 'fra 2017 – satsen i 2020, det siste året av planen': the start and the calendar
            # year place the position on the ladder; 'siste år' describes the calendar year
            del u.slots["grant_year"]
        if u.thing and u.intent in FIGURE_INTENTS:
            u.slots["thing"] = u.thing
        return u

    @staticmethod
    def _anchor_start(
        s: dict[str, Any], timed: str, anchored: tuple[int | None, int | None, int, tuple[int, int]]
    ) -> str:
        """Set the start year from a grant year placed in a calendar year; return ``timed`` blanked.

        '2017 var år 1' starts in 2017, 'er i år 3 i år' two years before today. The words and
        earlier mentions of that calendar year are no year asked about. Only another year asked
        about makes it a start: 'i 2022 er stillingen i år 2' alone asks about that year.
        """
        year, rel, grant, (a, b) = anchored
        blanked = timed[:a] + " " * (b - a) + timed[b:]
        if year is not None:
            # 'startet i 2017, og 2017 var år 1': the year said before the anchor sets the
            # scene; said after it ('… i 2022. Hva får vi for 2022 og 2023?') it is asked about
            blanked = re.sub(rf"(?<![\d.,]){year}(?!\d)", "    ", blanked[:a]) + blanked[a:]
            restated = RESTATED_YEAR.search(blanked[:a])
            if restated:
                # 'i fjor (2021) … som da var i år 2': the year against today said again
                blanked = blanked[: restated.start()] + " " * (a - restated.start()) + blanked[a:]
        if not extract_years(blanked) and relative_year(blanked) is None:
            return timed
        if year is not None:
            start = year - grant + 1
            if s.get("start_year", start) != start:
                return timed  # two start years that disagree: read neither from the anchor
            s["start_year"] = start
        elif "start_year" in s or rel is None:
            return timed
        else:
            s["start_year_rel"] = rel - grant + 1
        return blanked

    def _entities(self, u: Understanding) -> None:
        """Fill the slots of an Understanding."""
        f = u.folded
        s = u.slots
        matches = self.scheme_matches(f)
        schemes = [sid for sid, _name in matches]
        u.schemes_mentioned = schemes
        if schemes:
            u.scheme = schemes[0]
            u.weak_scheme = all(generic_name(name) for _sid, name in matches)
            self._shared(u, matches)
        than = re.search(r"\b(?:enn|than)\b", f)
        if than and len(schemes) >= 2:
            # 'mer fikk kommunalt rusarbeid enn de to andre': the schemes compared against
            before = [sid for sid, _name in self.scheme_matches(f[: than.start()])]
            if before and set(before) < set(schemes):
                s["schemes_first"] = tuple(before)
            elif not before and len(schemes) == 2:
                # 'hvor mye mer enn A fikk B?': the scheme just after 'enn' is the other side
                named = self.names_in(pad(f[than.end() :]).split())
                other = self.lex.scheme_names[named[0]] if named else None
                if other in schemes:
                    s["schemes_first"] = tuple(sid for sid in schemes if sid != other)
        between = re.search(
            r"\b(?:mellom|between)\b|\b(?:forskjell\w*|difference)\s+(?:pa|of)\b", f
        )
        if between and not than and len(schemes) == 2:
            # 'forskjellen mellom A og B': the first one named against the other
            named = [
                self.lex.scheme_names[n] for n in self.names_in(pad(f[between.end() :]).split())
            ]
            if set(named) == set(schemes):
                s["schemes_first"] = (named[0],)
        positions = extract_positions(f)
        if positions is not None:
            unit = COST_OF_ONE.search(f)
            rest = f[: unit.start()] + " " + f[unit.end() :] if unit else f
            beside = extract_positions(rest) if unit else None
            if beside is not None and _COUNTED_POSITIONS.search(rest):
                # 'en stilling koster 900 000 … for to slike årsverk': the count, not the unit
                positions = beside
            s["positions"] = positions
            if not _COUNTED_POSITIONS.search(rest) and (unit is None or positions == 1):
                # 'og egenandelen hvis et årsverk koster 700 000?': the cost's unit, no count
                u.implicit.add("positions")
        # the year positions first got a grant is a start year, not a calendar year asked about
        # (read with each scheme name as one word: 'startet to stillinger med tilskudd til
        # kommunalt rusarbeid i 2021' says the start year as near as without the name)
        worded = self._names_as_words(f, matches)
        timed = f
        for i, (start, (a, b)) in enumerate(extract_start_years(worded)):
            if i == 0:
                s["start_year"] = start
            timed = timed[:a] + " " * (b - a) + timed[b:]
        # (a scheme's name read as one word, so a long name leaves the anchor's words near)
        anchored = extract_grant_year_anchor(self._names_as_words(timed, matches))
        if anchored is not None:
            timed = self._anchor_start(s, timed, anchored)
        funded = FUNDED_IN.search(timed)
        if funded and "start_year" not in s:
            # 'to stillinger som fikk tilskudd i 2021 – hva får vi i 2023?': existing positions
            s["funded_year"] = int(funded.group(1))
            timed = (
                timed[: funded.start()]
                + " " * (funded.end() - funded.start())
                + timed[funded.end() :]
            )
        m = _START_RELATIVE.search(timed)
        if m and "start_year" not in s and "start_year_rel" not in s:
            # 'fikk første tilskudd i fjor': a start year against today, read by the composer
            s["start_year_rel"] = -2 if m.group(1) else -1
            timed = timed[: m.start()] + " " * (m.end() - m.start()) + timed[m.end() :]
        if SO_FAR.search(timed) and ("start_year" in s or "start_year_rel" in s):
            # 'hvor mye har vi fått hittil?': every year from the start up to this one
            s["year_to_rel"] = 0
        compared = compared_positions(f)
        start_groups = extract_start_groups(worded)
        several = self._groups_in(f, matches) or start_groups or MEASURES.search(f)
        if compared and not several and count_of_shares(f) is None:
            # 'hvor mye mer får 3 årsverk enn 2 årsverk?': two counts, not one
            s["positions_compared"] = compared
        asks_end = END_YEAR_ASK.search(f) or HOW_MANY_YEARS.search(f)
        if asks_end and ("start_year" in s or "start_year_rel" in s):
            # 'startet i 2018 – til og med hvilket år kan det få tilskudd?': the period's end
            s["asks_end"] = True
        elif END_YEAR_ASK.search(f) and u.scheme and not s.get("year_from"):
            # 'til og med hvilket år gis tilskuddet?': the scheme's last year, no start given
            s["asks_end"] = True
        if start_groups:
            s["start_groups"] = start_groups
            # 'ett årsverk fra 2018 og ett fra 2019': the first group's year starts the reckoning
            s.setdefault("start_year", min(year for _count, year in start_groups))
            for a, b in start_group_spans(worded):
                # '2 startet i 2020 og 1 i 2021': the groups' years are no calendar years
                timed = timed[:a] + " " * (b - a) + timed[b:]
        starts = sorted({start for start, _span in extract_start_years(worded)})
        if len(starts) >= 2:
            # 'startet i 2019 og 2020': positions in several start years
            s["start_years"] = tuple(starts)
            counted = positions is not None and "positions" not in u.implicit
            one_list = listed_start_years(worded)
            if not start_groups and counted and positions == len(starts) == len(one_list):
                # 'de to årsverkene (startet 2019 og 2020)': one position from each year
                s["start_groups"] = tuple((Fraction(1), year) for year in starts)
        relative = relative_year(timed)
        if relative is not None:
            s["year_rel"] = relative
            both = relative_years(timed)
            if len(both) == 2 and not extract_years(timed):
                # 'i år og neste år (til sammen)': two years against today, the span between
                s["year_rel"], s["year_rel_to"] = min(both), max(both)
        grant_years = extract_grant_years(timed)
        if grant_years:
            s["grant_year"] = grant_years[0]
            if len(grant_years) > 1 and min(grant_years) > 0:
                s["grant_year"], s["grant_year_to"] = min(grant_years), max(grant_years)
        listed = extract_grant_year_list(timed)
        if listed:
            s["grant_years"] = tuple(listed)
            s["grant_year"], s["grant_year_to"] = listed[0], listed[-1]
        span = extract_year_span(timed)
        if span and "grant_years" not in s:
            s["grant_year"], s["grant_year_to"] = span
        first_years = extract_first_years(timed)
        starts_at_one = s.get("grant_year") == 1 and "grant_year_to" not in s
        if first_years and ("grant_year" not in s or (starts_at_one and first_years > 1)):
            # ('2 årsverk fra år 1 – de to første årene til sammen?': years 1 and 2)
            s["grant_year"], s["grant_year_to"] = 1, first_years
        last_years = extract_last_years(timed)
        if last_years and "grant_year" not in s:
            s["last_years"] = last_years
        groups = self._groups_in(timed, matches)
        if groups:
            s["groups"] = groups
        duration = extract_duration(timed)
        if duration is not None and not groups and "grant_year_to" not in s:
            s["duration"] = duration
            if s.get("grant_year", 0) > 0 and WHOLE_PERIOD.search(timed):
                # 'tilskudd i alle fire år …, hva betaler vi selv i år 4?': the whole period
                # is the setting, the grant year named is what is asked
                del s["duration"]
        if s.get("year_rel") == 1 and "grant_year_to" in s and "grant_years" not in s:
            # 'i år 3 nå og går over i år 4 neste år': 'neste år' places the later grant year
            del s["year_rel"]
        if s.get("year_rel") == 0 and ("grant_year" in s or groups or last_years):
            # 'vi har 2 årsverk i år 2 og 3 i år 4, hva får vi i år?': the grant years say
            # where the positions are; 'i år' is their current year, not a calendar year
            del s["year_rel"]
        if any(k in s for k in ("start_year", "start_year_rel", "funded_year")):
            # 'som startet i 2021 – hvor mye taper vi på 2022-reglene?': the years follow from
            # the start; the rules' year is none of them
            for m in RULES_OF_YEAR.finditer(timed):
                a, b = next(m.span(g) for g in (1, 2, 3) if m.group(g) is not None)
                timed = timed[:a] + " " * (b - a) + timed[b:]
        if self.included_year is not None:
            for m in self.included_year.finditer(timed):
                a, b = m.span(1)
                timed = timed[:a] + " " * (b - a) + timed[b:]
        year_slots(s, timed, f)
        if (
            END_YEAR_ASK.search(f)
            and isinstance(s.get("year"), int)
            and not any(k in s for k in ("start_year", "start_year_rel", "year_rel"))
            and _BEGAN.search(f)
        ):
            # 'et nytt team startet med tilskudd fra ordningen for … i 2019 – til og med hvilket
            # år?': the one year said with a start word, far from it, is the start year
            s["start_year"] = s.pop("year")
            s["asks_end"] = True
        began = s.get("start_year")
        if (
            isinstance(began, int)
            and not any(k in s for k in ("year", "year_from", "year_rel", "grant_year"))
            and _THAT_YEAR.search(f)
        ):
            # 'fikk tilskudd første gang i 2021. Hva fikk vi det året?': the start year itself
            s["year"] = began
        through = THROUGH_YEAR.search(timed)
        if through and began and s.get("year") == int(through.group(1)) > began:
            # 'første tilskudd i 2020 – hva har vi fått til og med 2022?': every year from start
            s["year_from"], s["year_to"] = s["start_year"], s.pop("year")
        if not any(k in s for k in ("year", "year_from", "year_rel")):
            # 'tilskot til vaksne (765.60)': a chapter and post the sources give for some
            # years only are the grant of those years
            cited = self.lex.budget_year(f, u.schemes_mentioned)
            if cited is not None:
                s["year"] = cited
        cited_ref = BUDGET_REF.search(f)
        rest = f[: cited_ref.start()] + f[cited_ref.end() :] if cited_ref else f
        if (
            cited_ref
            and BUDGET_WORD.search(f)
            and (PREMISE.search(f) or YES_NO.search(f))
            and extract_money(rest) is None
        ):
            # 'stemmer det at kommunalt rusarbeid er kap. 765 post 60?': a chapter and post to check
            s["cited_budget"] = (cited_ref.group(1), cited_ref.group(2))
        self._counts_read(s, f)
        money = extract_money(f)
        if money is not None:
            s["cost"] = money
            if isinstance(money, int):
                self._cited_appropriation(u, money)
        costs = extract_costs_by_grant_year(f)
        if costs is not None:
            # '700 000 kr i år 1, 720 000 kr i år 2': the grant years are those with a cost
            s["costs_by_grant_year"] = costs
            s["cost"] = costs[0][1]
            s["grant_year"], s["grant_year_to"] = costs[0][0], costs[-1][0]
            s.pop("grant_years", None)
            rest = f
            for a, b in cost_phrase_spans(f):
                rest = rest[:a] + " " * (b - a) + rest[b:]
            asked = extract_grant_years(rest)
            if asked and min(asked) > 0:
                # '… 720 000 kr i år 2. Hva er egenandelen i år 2?': the grant years asked
                s["grant_year"] = min(asked)
                s["grant_year_to"] = max(asked)
                if len(asked) == 1:
                    del s["grant_year_to"]
        shift = YEAR_SHIFT.search(f)
        if shift and "year" not in s and "year_rel" not in s:
            s["year_shift"] = 1 if shift.group(1) else -1
        per_unit = unknown_unit(self.lex, f)
        if per_unit is not None:
            # 'hvor mye gis per bolig?': an amount per something the sources give none per
            s["per_unit"] = per_unit
        limit = POSITION_LIMIT.search(f)
        if limit:
            # 'er det et tak på 5 årsverk per kommune?': a limit the question claims
            s["claimed_limit"] = limit.group(1)
        if EXTRA_IF.search(f) and not GRANT_PERCENT.search(f):
            # 'får kommuner ekstra tilskudd per årsverk hvis de samarbeider?': a condition for
            # more money, which only the sources could state
            s["claimed_extra"] = True
        claimed = GRANT_PERCENT.search(f)
        if claimed:
            # 'får distriktskommuner 20 % påslag?': a change to the grant the question claims
            s["claimed_percent"] = next(g for g in claimed.groups() if g is not None)
        if WITHOUT_COMPETENCE.search(f) or salary_part_of_grant_year(f):
            # 'når man ser bort fra kompetansemidlene': the rates without competence money
            s["no_competence"] = True
        elif WITH_COMPETENCE.search(f) and "measures" not in s:
            # 'med kompetansemidlene i tillegg?': one measure's competence money
            s["measures"] = 1
        m = MEASURES.search(f)
        each_own = MEASURE_EACH_POSITION.search(f)
        named_positions = s.get("positions")
        if (
            not m
            and each_own
            and isinstance(named_positions, Fraction)
            and named_positions.denominator == 1
            and named_positions > 1
        ):
            # 'og hvis de to stillingene er i hvert sitt tiltak?': a measure for each position
            s["measures"] = int(named_positions)
        if m:
            count = m.group(1)
            s["measures"] = int(count) if count.isdigit() else int(NUMBER_WORDS.get(count, 1))
            each = s.get("positions")
            if s["measures"] > 1 and isinstance(each, Fraction) and EACH_MEASURE.search(f):
                # 'tre tiltak med en halv stilling hver': the positions of all the measures
                s["positions"] = each * s["measures"]
        per_measure = measure_positions(f)
        if len(per_measure) >= 2 and s.get("measures", len(per_measure)) == len(per_measure):
            # 'tiltak A med to hele stillinger og tiltak B med én': the positions of them all
            s["measures"] = len(per_measure)
            s["positions"] = sum(per_measure, Fraction(0))
        municipality = self.municipality_in(f)
        if municipality:
            s["municipality"] = municipality
        # 'Fylkesmannen i Agder' names the office, not the Agder municipalities
        without_office = f
        for name in self.lex.office_names:
            without_office = without_office.replace(name, " ")
        group = self.group_in(without_office)
        if group:
            s["group"] = group
        county = self.county_in(f)
        if county:
            s["county"] = county
        column = self.lex.column_in(f)
        if column:
            s["column"] = column
            uncounted = self.lex.foreign_counted(f, column)
            if uncounted:
                # 'deltakere i Individuell jobbstøtte': people the table does not count
                s["uncounted"] = uncounted
        office = self.office_in(f)
        if office:
            s["office"] = office
        foreign = self.lex.foreign_offices(u.text) or self._unknown_office(u)
        if foreign:
            # 'Statsforvalteren i Nordland': an office the sources hold nothing from
            s["unknown_office"] = foreign
        country = self.lex.foreign_country(u.text)
        if country:
            # 'tilskudd til rusarbeid i Sverige': a country whose grants the sources do not hold
            s["foreign_country"] = country
            u.unknown = [w for w in u.unknown if f" {w} " not in pad(fold(country))]
        if not office:
            # 'kontaktperson i Nordland?' (not 'hos Innlandet for kommuner i Nordland')
            u.regions = self.lex.foreign_regions(u.text)
        application, report = KIND_APPLICATION.search(f), KIND_REPORT.search(f)
        if application and report:
            # 'mellom søknadsfristen og rapporteringsfristen': two kinds, in the order named
            first = "application" if application.start() < report.start() else "report"
            s["kinds"] = (first, "report" if first == "application" else "application")
        if KIND_REPORT.search(f):
            s["kind"] = "report"
        elif KIND_ACCOUNTS.search(f):
            s["kind"] = "accounts"
        elif KIND_APPLICATION.search(f):
            s["kind"] = "application"
        month = MONTH_ONLY.search(f)
        if month:
            # 'hvilke frister er i februar 2022?': a month without a day, for filtering dates
            s["month"] = word_tables().months[month.group(1)]
        now = STATED_NOW.search(f)
        if now and isinstance(s.get("year_rel"), int) and "year_rel_to" not in s:
            # 'vi er i desember 2019 – fristen neste år?': the year said is today's, the year
            # asked is counted from it
            s["year"] = int(now.group(2)) + s.pop("year_rel")
            s.pop("year_from", None)
            s.pop("year_to", None)
            if now.group(1):
                s.pop("month", None)
        if ORDER_ASC.search(f):
            s["order"] = "asc"
        elif ORDER_DESC.search(f):
            s["order"] = "desc"
        u.follow_up = bool(FOLLOW_UP.match(f)) and len(f.split()) <= 8
        self._restated_rate(u)
        self._restated_figures(u)
        read_operation(u)
        read_ladder_operation(u)
        got = RECEIVED_AMOUNT.search(f)
        if "cost" in s and (got or POSITIONS_ASK.search(f)) and not COST_WORD.search(f):
            # 'vi får 880 000 kr for 2 årsverk – hvilket tilskuddsår er vi i?': a grant received
            # ('hvor mange årsverk tilsvarer et tilskudd på 1 320 000 kr?': no cost either)
            s["received"] = s.pop("cost")
            s.pop("cost_for_all", None)
        elif "cost" in s and got:
            received = extract_money(f[got.end() - 1 :])
            if isinstance(received, int) and received != s["cost"]:
                # 'et årsverk koster 700 000 og vi får 550 000': both figures are given
                s["received_with_cost"] = received
        self._other_schemes(u)
        owned = self._owned_by_other(f, matches) if u.weak_scheme else None
        if owned:
            # 'tilskuddet til frivillige organisasjoners rusarbeid': someone else's work, not
            # the scheme whose one-word name it shares
            u.scheme, u.schemes_mentioned, u.weak_scheme = None, [], False
            u.thing = owned
        elif not u.schemes_mentioned:
            u.thing = other_thing(u, self.rule_words)
            if u.thing and all(fold(w).startswith(self.document_words) for w in u.thing.split()):
                u.thing = None  # 'hvilket brev viser søknadsverkstedet til?': the source
            if u.thing:
                u.thing_scheme = thing_scheme(u.thing, self.rated_words)
            u.deadline_thing = other_thing(u, self.deadline_words)
            u.money_thing = other_thing(u, self.money_words) or self.money_acronym(u.text)

    def _owned_by_other(self, f: str, matches: list[tuple[str, str]]) -> str | None:
        """Return 'frivillige organisasjoners rusarbeid': a one-word scheme name owned, by a
        genitive before it, by someone none of that scheme's names speaks of."""
        for sid, name in matches:
            if " " in name:
                continue
            m = re.search(rf"\b(?:([a-z]+e)\s+)?([a-z]{{4,}}s)\s+{re.escape(name)}\b", f)
            if not m:
                continue
            owner = m.group(2)
            if owner in self.lex.function_words or owner in self.lex.everyday:
                continue
            own = self.lex.scheme_words.get(sid, frozenset())
            if any(word[:5] == owner[:5] for word in own):
                continue  # 'kommunens rusarbeid' is the municipal work the scheme names
            return m.group(0)
        return None

    @staticmethod
    def _names_as_words(f: str, matches: list[tuple[str, str]]) -> str:
        """Return the text with each scheme name said in it as one word, padded to its length."""
        for _sid, name in matches:
            if len(name) > len(_NAME_WORD) and " " in name:
                f = re.sub(rf"\b{re.escape(name)}\b", _NAME_WORD.ljust(len(name)), f)
        return f

    @classmethod
    def _groups_in(
        cls, f: str, matches: list[tuple[str, str]]
    ) -> tuple[tuple[Fraction, int], ...] | None:
        """Read groups of positions, also with a scheme's name between a group's count and its
        grant year ('en stilling i kommunalt rusarbeid i år 2 og to i år 4')."""
        return extract_groups(f) or extract_groups(cls._without_names(f, matches))

    @staticmethod
    def _without_names(f: str, matches: list[tuple[str, str]]) -> str:
        """Return the text without the scheme names said in it, with their prepositions."""
        for _sid, name in matches:
            f = re.sub(
                rf"\s*\b(?:(?:i|in|for|til|under|innen|within)\s+)?(?:the\s+)?{re.escape(name)}\b"
                r"(?:\s+(?:work|grant|scheme|field)\b)?",
                "",
                f,
            )
        return f

    @staticmethod
    def _counts_read(s: dict[str, Any], f: str) -> None:
        """Join counts of positions named one after another; note counts no reading took."""
        if any(k in s for k in ("groups", "start_groups")):
            return
        mentions = position_mentions(f)
        joined = joined_positions(f, mentions)
        if "positions_compared" in s and (COMPARED.search(f) or joined is None):
            return  # '3 årsverk enn 2 årsverk', 'forskjellen på 2 og 3 årsverk'
        if len({value for value, _span in mentions}) < 2 and not (
            joined is not None and joined_by_measure(f, mentions)
        ):
            return  # one count, or one count said twice ('en halv stilling (0,5 årsverk)')
        if joined is not None:
            # 'én 100 % stilling og én 50 % stilling': one total of 1,5 positions
            s["positions"] = sum(joined, Fraction(0))
            s["positions_joined"] = joined
            s.pop("positions_compared", None)
        else:
            # 'to årsverk … og ett nytt årsverk …' read as neither groups nor a total
            s["positions_unread"] = tuple(value for value, _span in mentions)

    def money_acronym(self, text: str) -> str | None:
        """Return a funded measure's abbreviation ('ACT-team', 'MO-sentre') as written, or None.

        Short words pass as question words, so the abbreviations of what schemes fund are
        looked up alone: no appropriation is given for them.
        """
        for m in re.finditer(r"[\wæøåÆØÅ-]+", text):
            head = m.group(0).split("-")[0]
            if ACRONYM.fullmatch(head) and fold(head) in self.funded_acronyms:
                return m.group(0)
        return None

    def _cited_appropriation(self, u: Understanding, money: int) -> None:
        """Read an amount that is a scheme's appropriation as that scheme's, in its year."""
        s = u.slots
        cited = self.lex.appropriated_scheme(money, s.get("year"), u.schemes_mentioned)
        if cited is None:
            return
        sid, year = cited
        if not u.schemes_mentioned:
            # 'hvor stor andel av de 455 millionene gikk til Innlandet?': the figure cited
            # names the scheme (and its year)
            u.scheme, u.schemes_mentioned = sid, [sid]
        if year is None or "year_from" in s:
            return
        if "year" not in s:
            s["year"] = year
        elif s["year"] != year and (GOES_DOWN.search(u.folded) or GOES_UP.search(u.folded)):
            # 'redusert fra 472,4 mill. til 2021-bevilgningen': the figure cited is another
            # year's, so the change asked is between the two years
            s["year_from"], s["year_to"] = sorted((year, s.pop("year")))
            s.setdefault("operation", "difference")

    def _other_schemes(self, u: Understanding) -> None:
        """Read 'enn de to andre ordningene (i 2021)' as the other schemes with money that year.

        The other side of a comparison named only as 'the (N) other schemes' is every other
        scheme with a national appropriation in the year asked, when there are as many as
        the question counts; otherwise nothing is read (and the comparison stays unresolved).
        """
        f, s = u.folded, u.slots
        chapter = CHAPTER_SCHEMES.search(f)
        if chapter:
            # 'kommunalt rusarbeid og de to 765-ordningene': the schemes of that chapter not
            # named besides, when there are as many as counted (or all of them)
            of_chapter = [
                sid
                for sid, scheme in self.kb.schemes.items()
                if any(b.chapter.lstrip("0") == chapter[2].lstrip("0") for b in scheme.budget)
            ]
            unnamed = [sid for sid in of_chapter if sid not in u.schemes_mentioned]
            count = OTHER_COUNTS.get(chapter[1] or "")
            if count is None and re.match(r"(?:begge|both)\b", chapter[0]):
                count = 2
            if count is None or count == len(unnamed):
                u.schemes_mentioned = [*dict.fromkeys(u.schemes_mentioned), *unnamed]
            elif count == len(of_chapter):
                u.schemes_mentioned = of_chapter
            u.scheme = u.schemes_mentioned[0] if u.schemes_mentioned else u.scheme
            return
        m = OTHER_SCHEMES.search(f)
        year = s.get("year")
        counted = COUNTED_SCHEMES.search(f)
        if counted and not m and isinstance(year, int):
            # 'legg sammen bevilgningene for 2021 til de tre ordningene': the schemes with a
            # national appropriation that year, when there are as many as the question counts
            having = [
                sid
                for sid, scheme in self.kb.schemes.items()
                if any(a.year == year and a.scope == "nasjonal" for a in scheme.appropriations)
            ]
            if len(having) != OTHER_COUNTS[counted.group(1)]:
                if not u.schemes_mentioned:
                    # 'de fire ordningene' when three have figures that year: not those three
                    s["schemes_counted"] = OTHER_COUNTS[counted.group(1)]
                return
            if not u.schemes_mentioned:
                u.schemes_mentioned = having
                u.scheme = having[0]
            elif set(u.schemes_mentioned) < set(having):
                # 'hvor stor andel av bevilgningene til de tre ordningene gikk til X?': X is a
                # part of the schemes counted
                s["share_of"] = tuple(having)
            return
        if not m or not isinstance(year, int) or not u.schemes_mentioned:
            return
        others = [
            sid
            for sid, scheme in self.kb.schemes.items()
            if sid not in u.schemes_mentioned
            and any(a.year == year and a.scope == "nasjonal" for a in scheme.appropriations)
        ]
        said = m[1] or m[2]
        count = OTHER_COUNTS[said] if said else None
        if not others or (count is not None and len(others) != count):
            return
        s["schemes_first"] = tuple(dict.fromkeys(u.schemes_mentioned))
        u.schemes_mentioned = [*dict.fromkeys(u.schemes_mentioned), *others]

    def _long_names(self, sid: str) -> list[tuple[list[str], list[str]]]:
        """Return the word stems and the words, in order, of a scheme's names of four or
        more words."""
        if sid not in self._name_orders:
            names = self.kb.schemes[sid].names.all()
            spelled = [pad(fold(name)).replace("/", " ").split() for name in names]
            self._name_orders[sid] = [
                ([_stem(t) for t in words], words) for words in spelled if len(words) >= 4
            ]
        return self._name_orders[sid]

    def _without_name_runs(self, padded: str, schemes: list[str]) -> str:
        """Blank the runs of four or more words, three of them content words, that follow a
        named scheme's long name in order ('barn og unge med behov for langvarig oppfølging' of
        'tilbud til barn og unge med behov for langvarig/sammensatt oppfølging'): they name,
        they ask nothing."""
        tokens = padded.split()
        if len(tokens) < 4 or not schemes:
            return padded
        stems = [_stem(t) for t in tokens]
        blank = [False] * len(tokens)
        seen = set(stems)
        for sid in schemes:
            for order, words in self._long_names(sid):
                if len(seen.intersection(order)) < 4:
                    continue  # too few of the name's words to make a run of four
                start = 0
                while start < len(tokens):
                    at, end = -1, start
                    while end < len(tokens) and stems[end] in order[at + 1 :]:
                        at = order.index(stems[end], at + 1)
                        if not inflected(tokens[end], words[at]):
                            break  # 'tilskuddsforvaltningen' is a compound, not 'tilskudd'
                        end += 1
                    content = [t for t in tokens[start:end] if t not in self.lex.function_words]
                    if end - start >= 4 and len(content) >= 3:
                        blank[start:end] = [True] * (end - start)
                        start = end
                    else:
                        start += 1
        if not any(blank):
            return padded
        return pad(" ".join("_" if b else t for t, b in zip(tokens, blank, strict=True)))

    def _score(self, u: Understanding) -> None:
        """Score every intent and choose one, with a confidence."""
        f, s = u.folded, u.slots
        padded = pad(f)
        for name in self.names_in(padded.split()):
            spaced = pad(name)
            if len(spaced.split()) >= 4:
                # 'tilbud til barn og unge med behov for langvarig/sammensatt oppfølging': the
                # words of a long scheme name ask nothing ('oppfølging' is no reporting question)
                padded = padded.replace(spaced, " " * (len(spaced) - 1), 1)
        padded = self._without_name_runs(padded, u.schemes_mentioned)
        scores = {intent: 0.0 for intent in self.lex.triggers}
        # 'samlet lønnskostnad' says what the cost covers, not that a total is asked for
        total_padded = pad(COST_FOR_ALL.sub(" ", f)) if s.get("cost_for_all") else padded
        for intent, weights in self.lex.trigger_hits(padded, total_padded).items():
            hits = sorted(weights, reverse=True)
            scores[intent] = hits[0] + 0.25 * sum(hits[1:3])
        if STAFF_ADDED.search(f) and scores["contact"] > 0:
            # 'en søknad som bare handler om flere saksbehandlere': the staff a grant would
            # fund, so the weight of the caseworker word goes to what is funded
            scores["funds"] = max(scores["funds"], scores["contact"])
            scores["contact"] = 0.0
        if "year" in s and RATE_ASK.search(f) and u.scheme and self.kb.schemes[u.scheme].rules:
            # 'med hvilken sats i 2025?': the rules of a year, even one the sources lack
            scores["amount"] = max(scores["amount"], 0.6)
        if "cited_budget" in s:
            scores["budget"] = max(scores["budget"], 1.2)
        if u.scheme and SCHEME_HAD.search(padded):
            # 'hvor mye hadde tilskuddet til kommunalt rusarbeid i 2018?': the scheme's money
            scores["appropriation"] = max(scores["appropriation"], 0.9)
        if (
            u.scheme
            and "municipality" not in s
            and self.prognosis_said.search(f)
            and any(
                a.prognosis and s.get("year", a.year) == a.year
                for a in self.kb.schemes[u.scheme].appropriations
            )
        ):
            # 'hvor mye av 2018-prognosen for Agder gjaldt kommunalt rusarbeid?': the office's
            # prognosis of the scheme's money that year, not the scheme's card (nor a cost:
            # 'hvor mye av de 41 millionene …, og hvor mye resten?')
            scores["appropriation"] = max(scores["appropriation"], 1.0)
        if "start_year" in s and ("year" in s or "year_from" in s or "grant_year" in s):
            # 'første tilskudd i 2019 – hva får vi i 2021?': the grant in a calendar year
            scores["amount"] = max(scores["amount"], 0.5)
            if RATE_ASK.search(f):
                # 'hvilket år i nedtrappingen er vi i 2021, og hvor mye er satsen?'
                scores["amount"] += 0.4
        rated = (
            any(r.kind in ("ladder", "cap") for r in self.kb.schemes[u.scheme].rules)
            if u.scheme
            else bool(re.search(r"\b(?:\w*stige\w*|ladder|nedtrapp\w*)\b", f))
        )
        if "stated_years" in s and not rated:
            # 'gis voksne-ordningen i inntil 4 år?': a scheme without rules has its years in words
            del s["stated_years"]
        if "stated_years" in s:
            # 'går stigen over tre år?': the rule's years are figures of the rule
            scores["amount"] = max(scores["amount"], 0.8)
        figures_asked = max(scores["total"], scores["own_share"]) >= 0.5
        if "duration" in s and not figures_asked and (AMOUNT_ASK.search(f) or MOST_ASK.search(f)):
            # 'hva kan en stilling få over to år?': the figures of those years
            scores["amount"] = max(scores["amount"], 0.7)
        if "schemes_first" in s and AMOUNT_ASK.search(f):
            # 'hvor mye mer fikk X enn Y?': the schemes' money against each other
            scores["appropriation"] = max(scores["appropriation"], 1.0)
        if s.get("operation") in ("difference", "steps", "remaining"):
            # an operation over the ladder asks for figures, even without 'hvor mye'
            scores["amount"] = max(scores["amount"], 0.5)
            if scores["own_share"] >= 0.7:
                # 'hvor mye øker egenandelen fra år 1 til år 4': the operation is on the own share
                scores["own_share"] += 1.0
        if len(u.schemes_mentioned) >= 2 and AMOUNT_ASK.search(f) and scores["list_schemes"] < 1.0:
            # 'hvor mye høyere var summen av de to ordningene?': the named schemes' money,
            # not the list of every scheme
            scores["list_schemes"] *= 0.5
        if LIST_ASK.search(f) and not u.schemes_mentioned and scores["deadline"] < 0.5:
            # 'which grant has the latest deadline?' asks for deadlines, not the list
            scores["list_schemes"] = max(scores["list_schemes"], 1.5)
        if COOPERATION.search(f):
            # applying together is a question about cooperation, not about who may apply
            scores["who_may_apply"] *= 0.5
        elif WHO_APPLIES.search(f):
            scores["who_may_apply"] = max(scores["who_may_apply"], 0.8)
        if "positions" in s and "positions" not in u.implicit and _FOR_COUNT.search(f):
            # 'and what is it for 3 positions?': a figure for a count, not what it is for
            scores["purpose"] *= 0.3
        raw = dict(scores)
        u.trigger_top = max(raw.values())
        u.trigger_intent = max(raw, key=lambda k: raw[k]) if u.trigger_top > 0 else None
        self._place(u, raw)
        # The passage that best explains the question votes for the intent of its topic.
        found = self.lex.look_up(f, u.schemes_mentioned, s.get("year"), u.lang)
        u.passages = [(key, score) for key, score, _strong, _limit in found]
        if found:
            u.passage, u.passage_score, u.passage_strong, u.passage_limit = found[0]
            u.passage_explains = self._explained(u, 0.5)
            u.passage_covers = self._covered(u)
        topic_intent = self.lex.passage_intent.get(u.passage or "")
        if topic_intent in ("reporting", "audit") and s.get("kind") == "application":
            # 'søke … med frist 1. februar 2020?': the application deadline, though the
            # reporting sentence shares the words 'frist' and 'februar'
            topic_intent = None
        if topic_intent and u.passage_score >= 0.45:
            strong = u.passage_strong and u.passage_score >= 0.6
            scores[topic_intent] += (0.8 if strong else 0.4) * u.passage_score
        # slot evidence
        ladder = "grant_year" in s or "positions" in s
        if ladder:
            scores["amount"] += 0.7
        if "grant_year" in s and "cost" not in s and _PER_POSITION.search(f):
            # 'the grant per full-time position in year 3': a rate of the ladder, not a passage
            # ('if a position costs NOK 800,000' states a cost: the own share's question)
            scores["amount"] += 0.3
        if HOW_MANY_YEARS.search(f) and "positions" not in s and "grant_year" not in s:
            # 'hvor mange år kan samme tiltak maksimalt få?': a duration, not an amount
            scores["amount"] *= 0.3
        if RATE_ASK.search(f) and ("year_rel" in s or "year_shift" in s) and not _has_place(s):
            # 'og satsen neste år?': the rate for a year, not a passage about it
            scores["amount"] += 0.5
        if "positions" in s and "positions" not in u.implicit and SALARY_ONLY.search(f):
            # 'NAV-tilskudd for 1,5 stilling, bare lønn': the cap for those positions
            scores["amount"] += 0.6
        if "received" in s and POSITIONS_ASK.search(f):
            # 'we received NOK 880,000 in year 3 – how many FTEs is that?': a count from a grant
            scores["amount"] += 1.0
        if "cost" in s and ladder:
            scores["own_share"] += 1.0
        elif "cost" in s and scores["own_share"]:
            scores["own_share"] += 0.5
        if "cost" in s and _SELF.search(f):
            # 'hvor mye må kommunen ut med selv når stillingen koster …': what is paid oneself
            scores["own_share"] += 1.0
        place = "municipality" in s or "group" in s or "place" in s
        if place:
            for key in ("framework", "framework_sum", "framework_ranking"):
                if scores[key]:
                    scores[key] += 0.3
            scores["framework"] += 0.5
            if "year_from" in s or s.get("group"):
                scores["framework_sum"] += 0.3
        if "county" in s and s["county"] not in ("09", "10"):
            scores["statistics"] += 0.4
        if scores["framework_ranking"] and (
            "year" in s or _has(padded, "fikk") or _has(padded, "okning")
        ):
            scores["framework_ranking"] += 0.3
        if scores["days_left"] and scores["deadline"]:
            scores["days_left"] += 0.3
        if scores["next_deadline"] >= 0.9 and scores["deadline"]:
            scores["next_deadline"] += 0.3
        if "year" in s and 0 < raw["next_deadline"] < 1.0:
            # 'hvilke frister er det i 2022?' lists that year's deadlines
            scores["deadline"] += 0.6
        # asking when a report, the accounts or the application are due is a deadline question
        if (
            DATE_ASK.search(f)
            and not raw["days_left"]
            and (raw["reporting"] or raw["audit"] or raw["apply_how"])
        ):
            topic = max(scores["reporting"], scores["audit"], scores["apply_how"])
            scores["deadline"] = max(scores["deadline"] + 0.7, topic + 0.2)
        if raw["deadline"] >= 0.9 and raw["status"] and ASKS_DEADLINE.match(f):
            # 'Hva var søknadsfristen i 2022, da ordningen ble avviklet?': the end is context
            scores["deadline"] = max(scores["deadline"], scores["status"] + 0.1)
        if scores["not_funded"] >= 0.8:
            scores["funds"] *= 0.5
        if scores["total"] and ladder and "municipality" not in s:
            scores["total"] += 0.7
        if scores["total"] and ONE_YEAR.search(f):
            # 'totalbeløp for året': the whole amount of one year, not of the period
            scores["amount"] = max(scores["amount"], scores["total"] + 0.1)
        if place:
            scores["total"] = 0.0
            scores["amount"] *= 0.3
            if scores["framework_sum"]:
                scores["framework_sum"] += 0.4
        else:
            scores["framework_sum"] *= 0.2
            scores["framework"] *= 0.6 if u.scheme != FRAMEWORK_SCHEME else 1.0
        if not place and s.get("county") == "landet" and any(raw[k] for k in FRAMEWORK_INTENTS):
            # the national framework increase is a national appropriation, not a municipality's
            scores["appropriation"] += max(scores[k] for k in FRAMEWORK_INTENTS) + 0.2
        if GRANT_ADMINISTRATION.search(f):
            # 'tilskuddsforvaltning 2018 – Agder': the offices' grant money, not the framework
            for key in FRAMEWORK_INTENTS:
                scores[key] *= 0.3
        if u.scheme and u.scheme != FRAMEWORK_SCHEME and not u.weak_scheme:
            # a grant scheme named by name: 'ramme' and 'Agder' are about its money, not the
            # framework increases of the Opptrappingsplan
            for key in FRAMEWORK_INTENTS:
                scores[key] *= 0.3
        elif "positions" in s and "positions" not in u.implicit and not place:
            # '4 hele stillinger i ett tiltak – høyeste mulige tilskudd?': counted positions
            # are a grant's rate or cap, never a ranking of framework increases
            for key in FRAMEWORK_INTENTS:
                scores[key] *= 0.3
        one_position = s.get("positions") == 1 and not ("cost" in s or "grant_year" in s)
        if HOW_MANY_YEARS.search(f) and (one_position or not ("positions" in s or "cost" in s)):
            # 'hvor mange år kan samme tiltak få tilskudd?', 'hvor lenge kan et årsverk få
            # tilskudd?': the grant's duration, not money
            for key in ("amount", "total"):
                scores[key] *= 0.3
        if WHICH_GRANT_YEAR.search(f) and "start_year" in s and "year" in s:
            # 'hvilket år i nedtrappingen er vi i 2021 hvis vi startet i 2019?': the grant year
            # the start and the calendar year place the position in, not the wind-down's status
            scores["amount"] = max(scores["amount"], max(scores.values()) + 0.1)
        if (
            "start_year" in s
            and ("year" in s or "year_from" in s)
            and WIND_DOWN.search(f)
            and max(raw["amount"], raw["total"]) >= 0.3
        ):
            # 'stillingen hadde år 2 i 2021 – hva får vi i 2022 etter at ordningen avvikles?':
            # a start and a calendar year ask the grant by the wind-down's rules, not its status
            best = "total" if raw["total"] > raw["amount"] else "amount"
            scores[best] = max(scores[best], scores["status"] + 0.2)
        if s.get("operation") == "old_vs_new":
            # 'hvor mye taper vi på avviklingsreglene mot den gamle stigen?': the wind-down's
            # words name the rules the figures are reckoned by, not a question of its status
            scores["amount"] = max(scores["amount"], max(scores.values()) + 0.2, 1.0)
        if s.get("asks_end"):
            # 'til og med hvilket år?', 'hvor lenge?' with a start year: a year reckoned from
            # the rules, not the duration's passage
            scores["amount"] = max(scores["amount"], max(scores.values()) + 0.2, 1.0)
        self._limits(u, scores)
        if self._declined(u, scores, raw):
            u.scores = {k: round(v, 3) for k, v in scores.items() if v}
            u.intent, u.confidence = "out_of_scope", 0.0
            return
        # Looked-up passages (FAQ entries, notes, rules in words) are a fallback: structured
        # intents answer with figures and years.
        # a question in words that name a concept ('hvor mange år', 'på nett') whose passage
        # carries it is about that passage, not about the figures its trigger words suggest
        asked = self.lex.asked_concepts(f) & self.lex.key_terms.get(u.passage or "", frozenset())
        if (
            asked
            and u.passage_score >= 0.4
            and not ladder
            # ('stillingen startet i 2021 – samlet for 2021 til 2024?': a ladder's start)
            and "start_year" not in s
            and "cost" not in s
            and not s.get("asks_end")
        ):
            for key in FIGURE_INTENTS:
                scores[key] = min(scores[key], 0.3)
            if TOPIC_CONCEPTS["duration"] in asked:
                # 'hvor lenge kan NAV-tilskuddet gis til samme tiltak?': the duration's passage,
                # not the intent of a weak trigger word ('kan nav')
                for key, hit in raw.items():
                    if hit < 0.8:
                        scores[key] = min(scores[key], 0.5)
        other = max(v for k, v in scores.items() if k not in ("greeting", "help"))
        look = u.passage_score
        anchored = any(k in s for k in ANCHOR_SLOTS)
        clear = (
            look >= 0.6
            or (u.passage_strong and look >= 0.5)
            or (bool(asked) and look >= 0.4)
            or self._explained(u, 0.5)
        )
        # 'hvor mye er tilskuddet til <noe uten satser>?' asks for figures the sources lack;
        # a passage that only names the thing in passing does not answer it
        priced_thing = bool(u.thing) and raw["amount"] >= 0.5 and bool(AMOUNT_ASK.search(f))
        if (
            u.passage
            and not anchored
            and not priced_thing
            and self.lex.passage_intent.get(u.passage) is None
            and clear
            and other < 0.6
        ):
            scores["faq"] = max(other + 0.1, look)
            u.faq = u.passage
        elif u.scheme and other < 0.5:
            # a scheme named with no question about it: summarise the scheme
            scores["scheme_info"] += 0.6
        if (
            s.get("county") in ("09", "10")
            and "column" in s
            and raw["statistics"] >= 0.9
            and not raw["framework"]
            and not raw["framework_ranking"]
        ):
            # 'unge 18–24 med sosialhjelp i Aust-Agder og Vest-Agder til sammen': the Agder
            # counties as rows of the statistics, not the municipalities' framework increases
            framework = max(scores[k] for k in FRAMEWORK_INTENTS)
            scores["statistics"] = max(scores["statistics"], framework + 0.3)
        best = max(scores, key=lambda k: scores[k])
        ordered = sorted(scores.values(), reverse=True)
        top, second = ordered[0], ordered[1]
        u.scores = {k: round(v, 3) for k, v in scores.items() if v}
        if top <= 0:
            u.intent, u.confidence = "out_of_scope", 0.0
            return
        margin = top - second
        u.intent = best
        if best != "statistics":
            s.pop("column", None)
        u.confidence = round(min(1.0, 0.35 + 0.35 * min(top, 1.5) + 0.4 * min(margin, 1.0)), 3)

    def _limits(self, u: Understanding, scores: dict[str, float]) -> None:
        """Turn 'can it be used for X?' into 'what is not funded' when the sources limit it.

        Asking whether a scheme covers more than what it is known to fund ('ikke bare
        lønn', 'annet enn årsverk', 'other than salaries'), or about something a matching
        passage rules out ('ikke rettet mot tidsavgrensede prosjekter'), is answered by the
        limits when the scheme's own statements of what it funds are limited ('kun til
        årsverk'); a scheme that 'åpner for dekking av andre utgifter' stays a funds answer.
        """
        if scores["funds"] <= 0 or scores["funds"] < scores["not_funded"] or not u.scheme:
            return
        ruled_out = u.passage_limit and u.passage_strong and u.passage_score >= 0.5
        if not (BEYOND.search(u.folded) or ruled_out):
            return
        if not BEYOND.search(u.folded) and "grant_year" in u.slots and "positions" in u.slots:
            # 'the grant per full-time position (årsverk) in year 3': the ladder's rate, however
            # well the words match a passage limiting the scheme to årsverk
            return
        year = u.slots.get("year")
        funds = [
            f
            for f in self.kb.schemes[u.scheme].facts
            if f.topic.value in ("funds", "purpose") and (year is None or f.years.contains(year))
        ]
        if ruled_out or any(LIMITED.search(fold(f.text)) for f in funds):
            scores["not_funded"] = scores["funds"] + 0.1

    def _explained(self, u: Understanding, least: float) -> bool:
        """Tell whether the best passage is strong and shares three distinctive words."""
        asked = self.lex.terms(u.folded, query=True)
        shared = asked & self.lex.key_terms.get(u.passage or "", frozenset())
        # a long sentence holding every distinctive word of the question explains it, though
        # its length lowers its score
        floor = least * 0.8 if shared == asked else least
        return u.passage_strong and len(shared) >= 3 and u.passage_score >= floor

    def _covered(self, u: Understanding) -> bool:
        """Tell whether the best passage holds every content word of the question, leaving out
        the grant words that only point at the scheme named ('NAV-ordningen')."""
        asked = {
            t
            for t in self.lex.terms(u.folded, query=True)
            if not (
                u.schemes_mentioned and any(t.startswith(g) or g.startswith(t) for g in GRANT_WORDS)
            )
        }
        return bool(asked) and asked <= self.lex.key_terms.get(u.passage or "", frozenset())

    def _place(self, u: Understanding, raw: dict[str, float]) -> None:
        """Read a place the knowledge base does not hold ('Bergen') in a framework question.

        A capitalised unknown word in a question about the framework increase of a year is
        a municipality outside the table; it becomes the 'place' slot, so that the answer
        says the table does not cover it instead of answering for another municipality.
        """
        s = u.slots
        framework_words = any(raw[k] for k in FRAMEWORK_INTENTS) and u.scheme in (
            None,
            FRAMEWORK_SCHEME,
        )
        if s.get("county") not in (None, "09", "10", "landet") and framework_words:
            # 'Hvor mye økte rammen for Oslo?': a county outside the Agder framework tables
            if not raw["statistics"] and "municipality" not in s:
                names = [m.group(0) for m in PLACE_WORD.finditer(u.text)]
                named = [n for n in names if self.lex.counties.get(fold(n)) == s["county"]]
                s["place"] = named[0] if named else str(s["county"])
                del s["county"]
            return
        if "municipality" in s or "county" in s:
            return
        words = re.findall(r"[\w-]+", u.folded)  # ('og drammen?': the words without the '?')
        if not u.unknown and not any(t in self.lex.other_places for t in words):
            return
        # 'og Bergen?': a follow-up naming only a place
        # ('og for Bergen kommune alene?': the place beside small words and words for places)
        others = [w for w in words if not self.lex.bare(w) and w not in self.lex.other_places]
        follow_up = bool(FOLLOW_UP.match(u.folded)) and (
            len(u.folded.split()) <= 3 or (not others and len(words) <= FOLLOW_UP_PLACE_WORDS)
        )
        framework = any(raw[k] for k in FRAMEWORK_INTENTS) or u.scheme == FRAMEWORK_SCHEME
        placed = follow_up or ("year" in s and framework) or raw["statistics"]
        # a known place outside the tables ('Lillehammer') asked for money or a year's figure
        listed = placed or "year" in s or any(raw[k] for k in PLACE_MONEY_INTENTS)
        for m in PLACE_WORD.finditer(u.text):
            # ('Og Drammen?': the capitalised words run together, the place is the last ones)
            spans = [m.group(0)]
            if FOLLOW_UP.match(fold(m.group(0))) and " " in m.group(0):
                spans.append(m.group(0).split(" ", 1)[1])
            for said in spans:
                word = fold(said)
                if placed and word in u.unknown:
                    s["place"] = said
                    u.unknown.remove(word)
                    return
                if (
                    listed
                    and word in self.lex.other_places
                    and not POSTCODE_BEFORE.search(u.text[: m.start()])
                ):
                    s["place"] = said
                    if word in u.unknown:
                        u.unknown.remove(word)
                    return

    def _declined(self, u: Understanding, scores: dict[str, float], raw: dict[str, float]) -> bool:
        """Tell whether a question is outside what the knowledge base holds.

        A question that uses words the knowledge base does not know ('barnetrygden',
        'fritidsklubb', 'BPA') is about something else unless it names a scheme by a specific
        name, or names a place or figure together with a clear trigger ('Arendal 2017
        økning'). A place or figure anchors only the questions it can answer: 'regn i Arendal
        i morgen' asks nothing about Arendal's framework. Without a scheme, anchor or matching
        passage, weak trigger words are not enough. A bare everyday word for a scheme ('NAV',
        'Husbanken') is weak evidence, and asking such a scheme for figures it has no rules
        for is asking about something else ('egenandelen hos fastlegen').
        """
        s = u.slots
        best = max(scores, key=lambda k: scores[k])
        top = scores[best]
        trigger_top = max(raw.values())
        bare = trigger_top == 0 and (self.lex.bare(u.folded) or "place" in s)
        entities = [
            k
            for k in ANCHOR_SLOTS
            if k in s
            and (
                bare
                or (trigger_top == 0 and k not in PLACE_SLOTS)
                or not SERVES.get(k)
                or any(raw[i] >= ANCHOR_TRIGGER.get(k, 0.01) for i in SERVES[k])
                or (k in ("municipality", "place") and "year" in s)
            )
        ]
        strong_scheme = bool(u.scheme and not u.weak_scheme)
        free = best in SCHEME_FREE and top >= 0.8
        if (
            raw["statistics"]
            and "county" not in s
            and not u.scheme
            and AMOUNT_ASK.search(u.folded)
            and not self.lex.names_other_table(u.folded)
        ):
            # the statistics count people and households; what social assistance pays is
            # not in the sources ('etter sosialhjelpsnøkkelen' names the framework tables)
            return True
        if s.get("restated") and "grant_year" in s and not u.unknown:
            # 'kommer kompetansemidlene på 10 000 i tillegg til 660 000 i år 1?': the rules of a
            # grant year restated, asked about
            return False
        claimed = "stated" in s and any(k in s for k in ("positions", "grant_year", "groups"))
        if claimed and (not u.unknown or strong_scheme):
            # 'stemmer det at vi får 1 980 000 kr for ett årsverk i hvert år?': a figure claimed
            # for positions is a figure question
            return False
        if (
            "positions" in s
            and "positions" not in u.implicit
            and isinstance(s.get("grant_year"), int)
            and not u.unknown
            and best in FIGURE_INTENTS
        ):
            # 'vi har en halv stilling i første år – hva er tilskuddet?': positions counted in
            # a grant year ask the ladder's figure, whatever the trigger words
            return False
        if "received" in s and POSITIONS_ASK.search(u.folded) and not u.unknown:
            # 'vi fikk 1 980 000 kr i år 1 – hvor mange årsverk er det?': the positions of a
            # grant received are a figure question, however it is worded
            return False
        if u.unknown:
            if strong_scheme:
                return False
            if entities:
                return trigger_top < 0.5
            # 'hva kalles prinsippet om at ...': a sentence of the sources sharing three of the
            # question's distinctive words explains it, whatever else it says
            return not free and not self._explained(u, 0.5)
        if strong_scheme or entities or free:
            return False
        if not u.scheme:
            # a sentence sharing three of the question's distinctive words anchors it as well,
            # and so does one carrying the concept the question asks for in words of its own
            # ('kor lenge kunne nye team få tilskot etter signala om nytt regelverk i 2018?')
            carried = self.lex.asked_concepts(u.folded) & self.lex.key_terms.get(
                u.passage or "", frozenset()
            )
            return trigger_top < 0.5 and not (
                (u.passage_strong and u.passage_score >= 0.6)
                or self._explained(u, 0.5)
                or (bool(carried) and u.passage_strong and u.passage_score >= 0.4)
            )
        if best == "contact":
            # 'fastlegens telefonnummer', 'telefon til NAV': not the scheme's caseworkers; but
            # a sentence of the scheme that clearly answers names the contact ('teknisk support
            # knyttet til søknadsskjemaet: hjelp@statsforvalteren.no')
            return not self._explained(u, 0.6)
        if best in FIGURE_INTENTS:
            return not self.kb.schemes[u.scheme].rules
        return False
