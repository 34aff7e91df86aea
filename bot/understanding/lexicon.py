"""What the knowledge base names: schemes, places, offices, columns, passages and their words."""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from bot.text import fold, lazy_pattern, unwrap
from bot.understanding.normalise import (
    INFLECTION_LETTERS,
    STEM_ENDINGS,
    _letter_dropped,
    _needle,
    _stem,
    _strings,
    _transposed,
    pad,
)
from bot.understanding.patterns import (
    AMOUNT,
    AMOUNT_DIGITS,
    BUDGET_REF,
    CLIPPED,
    DURATION_ASK,
    DURATION_PHRASE,
    ELIDED,
    ENDINGS,
    GRANT_STEM,
    GRANT_WORDS,
    LADDER_WORDS,
    LIMITED,
    MEASURE_WORDS,
    MIN_CORRECTABLE,
    NUMBER_NAMES,
    OPERATION_WORDS,
    ORGANISATION_WORDS,
    SENTENCE,
    SLOT_WORDS,
    TOPIC_CONCEPTS,
    TOPIC_INTENTS,
    WEB,
    WEB_ADDRESS,
    WEB_ASK,
    WORD,
)
from bot.understanding.query import Doc, Passage, Understanding
from bot.understanding.words import COLUMN_WORDS, GROUPS, NUMBER_WORDS, ORDINALS, word_tables
from knowledge.kb import KnowledgeBase
from knowledge.schema import Table, TextRule, YearRange
from knowledge.text import ASCII_FOLD


def _question_words(lex: Lexicon) -> set[str]:
    """Return the words any question may use: function, everyday, trigger, slot words,
    places and offices."""
    words: set[str] = set(lex.function_words | SLOT_WORDS | OPERATION_WORDS)
    words |= MEASURE_WORDS | LADDER_WORDS | lex.everyday | lex.verbs
    words |= (
        set(lex.concepts)
        | set(ORDINALS)
        | set(NUMBER_WORDS)
        | set(word_tables().months)
        | lex.place_tokens
    )
    for phrases in lex.triggers.values():
        for phrase, _weight in phrases:
            words.update(WORD.findall(phrase))
    for name in lex.offices:
        words.update(WORD.findall(name))
    return words


# how many tokens a word set remembers before it forgets them all
SEEN_SIZE = 8192


def _single_letters(word: str) -> str:
    """A word with each run of one letter written once ('skjønn' as 'skjøn')."""
    return re.sub(r"(\w)\1+", r"\1", word)


@dataclass(frozen=True)
class WordSet:
    """Words a question may use, with their stems' prefixes for inflected and compound forms."""

    words: frozenset[str]
    others: frozenset[str] = frozenset()
    # the tokens already told apart (the sets never change); bounded, as chat words are free
    _seen: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, words: set[str], others: set[str] | None = None) -> WordSet:
        """Index a set of folded words; ``others`` name what belongs to other schemes."""
        return cls(frozenset(words), frozenset(others or ()))

    @functools.cached_property
    def prefixes(self) -> frozenset[str]:
        """The words' first four to seven letters (made when a token first needs them)."""
        return frozenset(w[:n] for w in self.words for n in range(4, min(len(w), 7) + 1))

    @functools.cached_property
    def stems(self) -> frozenset[str]:
        """The words' stems, endings cut (made when a token first needs them)."""
        return frozenset(_whole_stem(w) for w in self.words if len(w) >= 4)

    def own(self, token: str) -> bool:
        """Tell whether a token is one of the words, inflected, or a word's stem."""
        known = self._seen.get(token)
        if known is None:
            if len(self._seen) > SEEN_SIZE:
                self._seen.clear()
            known = self._seen[token] = self._own(token)
        return known

    def _own(self, token: str) -> bool:
        """Tell whether a token is one of the words, inflected, or a word's stem (uncached)."""
        if token in self.others or any(
            token.endswith(e) and token[: -len(e)] in self.others for e in ENDINGS
        ):
            return False
        if token in self.words or token.isdigit() or len(token) < 4:
            return True
        return self._inflected(token) or self._compound(token)

    def _inflected(self, token: str) -> bool:
        """Tell whether a token is one of the words with an ending, or shares a word's stem."""
        for ending in ENDINGS:
            if token.endswith(ending) and token[: -len(ending)] in self.words:
                return True
        # a shared stem is an inflection ('metoder', 'metode'), not a long compound that only
        # begins like a known word ('arbeidsrehabilitering' is no form of 'arbeidsliv')
        if len(token) < 4:
            return False
        if _whole_stem(token) in self.stems:
            return True
        stem = _stem(token)
        return len(token) <= len(stem) + STEM_SLACK and stem in self.prefixes

    def _compound(self, token: str) -> bool:
        """Tell whether a token is two of the words joined ('rus' + 'tjenesten')."""
        for i in range(3, len(token) - 3):
            left, right = token[:i], token[i:]
            if left not in self.words and not (len(left) >= 4 and left in self.prefixes):
                continue
            if right in self.words or self._inflected(right):
                return True
            if right[0] in "se" and (right[1:] in self.words or self._inflected(right[1:])):
                return True
        return False


# How much a passage of no scheme weighs against the named scheme's own passages.
SCHEMELESS = 0.95

#: How near the best score a strong passage must come to go before a weak best one.
STRONG_NEAR = 0.75

#: How near the best score a passage carrying the concept a question asks for ('hvor lenge')
#: must come to go before a best one that lacks it.
ASKED_NEAR = 2 / 3

#: The weight of a passage that shares only words of scheme names with the question.
NAME_WORDS_ONLY = 0.5


# How many letters an inflected form may add to a word's crude (seven-letter) stem.
STEM_SLACK = 5

# How many questions' look-up terms are kept (the few read while one question is understood).
QUESTIONS_REMEMBERED = 8


def _compounded(word: str, part: str) -> bool:
    """Whether a word is a compound of a part and another word ('klyngesamarbeid' of
    'samarbeid', 'kapasitetsøkning' of 'kapasitet'), not an inflection of it."""
    if word.endswith(part):
        return len(word) - len(part) >= 4
    return word.startswith(part) and len(word) - len(part) >= 6


def _whole_stem(token: str) -> str:
    """Cut a word's endings but not its length ('kompetanseutviklingsmidlene' -> '...midl')."""
    for _ in range(2):
        for ending in STEM_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= 4:
                token = token[: -len(ending)]
                break
    return token


def deadline_scheme_words(kb: KnowledgeBase, lex: Lexicon) -> WordSet:
    """Return the words a deadline question may use without naming another thing.

    The question words, and what the deadlines themselves say (their notes and raw text).
    """
    words = _question_words(lex)
    for entry in kb.deadlines():
        d = entry.deadline
        for text in (d.raw, d.note or "", d.text or ""):
            words.update(WORD.findall(fold(text)))
    return WordSet.of(words)


def appropriation_scheme_words(kb: KnowledgeBase, lex: Lexicon) -> WordSet:
    """Return the words an appropriation question may use without naming another thing.

    The question words, the names, appropriation texts and FAQ questions of the schemes
    with appropriations, and the money tables' titles and descriptions. Not the
    schemes' facts: what a scheme funds ('Housing First', 'MO-sentre') has no appropriation
    of its own, and asking for one must not list the schemes'.
    """
    words = _question_words(lex)
    texts: list[str] = []
    for sid, scheme in kb.schemes.items():
        if not scheme.appropriations:
            continue
        texts += scheme.names.all()
        texts += [a.text for a in scheme.appropriations]
        texts += [q for e in kb.faq.values() if e.scheme == sid for q in (e.question, *e.aliases)]
    for table in kb.tables.values():
        texts += [table.title, table.title_en or "", table.description or ""]
        texts += [table.description_en or ""]
    for text in texts:
        words.update(WORD.findall(fold(text)))
    return WordSet.of(words)


def rule_scheme_words(kb: KnowledgeBase, lex: Lexicon) -> WordSet:
    """Return the words a figure question may use without naming another thing.

    The question words, and every word the schemes a figure question defaults to (those
    with a ladder) and their FAQ entries use.
    """
    words = _question_words(lex)
    texts: list[str] = []
    defaults = [sid for sid, sc in kb.schemes.items() if any(r.kind == "ladder" for r in sc.rules)]
    for sid, scheme in kb.schemes.items():
        if sid not in defaults:
            continue
        texts += [*scheme.names.all(), *(f.text for f in scheme.facts)]
        texts += [f.text_en or "" for f in scheme.facts]
        texts += [r.text for r in scheme.rules] + [r.text_en or "" for r in scheme.rules]
        texts += [e.question for e in kb.faq.values() if e.scheme == sid]
        texts += [a for e in kb.faq.values() if e.scheme == sid for a in e.aliases]
    for text in texts:
        words.update(WORD.findall(fold(text)))
    common = set(lex.function_words | OPERATION_WORDS | MEASURE_WORDS | SLOT_WORDS)
    common |= LADDER_WORDS | lex.everyday
    return WordSet.of(words, other_scheme_words(kb, defaults, common))


def rated_rule_words(kb: KnowledgeBase) -> dict[str, WordSet]:
    """Return the words of each rated scheme's rules without a ladder ('design', 'evaluation').

    A figure question that names only what one such scheme's rules speak of ('per measure for
    competence, e.g. design') asks for that scheme's figures, though it names no scheme.
    """
    out: dict[str, WordSet] = {}
    for sid, scheme in kb.schemes.items():
        kinds = {r.kind for r in scheme.rules}
        if "ladder" in kinds or not kinds & {"cap", "flat"}:
            continue
        words: set[str] = set()
        for r in scheme.rules:
            # every text the rule holds: its words, and what each figure covers
            for text in r.model_dump().values():
                if isinstance(text, str):
                    words.update(t for t in WORD.findall(fold(text)) if len(t) >= 4)
        out[sid] = WordSet.of(words)
    return out


def thing_scheme(thing: str, schemes: dict[str, WordSet]) -> str | None:
    """Return the one rated scheme whose rules use every word of a thing, or None."""
    tokens = [t for t in WORD.findall(fold(thing)) if len(t) >= 4]
    owners = [sid for sid, words in schemes.items() if tokens and all(map(words.own, tokens))]
    return owners[0] if len(owners) == 1 else None


# What a scheme is for: words of these topics are its own target groups and fields.
OWN_TOPICS = ("purpose", "target_group", "funds", "priorities", "who_may_apply")
# an abbreviation written in capitals ('ACT', 'FACT', 'MO'), not a marker ('NB!', 'NB:')
ACRONYM = re.compile(r"\b[A-ZÆØÅ]{2,6}\b(?![!:])")


def funded_acronyms(kb: KnowledgeBase) -> frozenset[str]:
    """Return the abbreviations of what the schemes fund or prioritise ('act', 'fact', 'mo').

    Not a word of a scheme's name ('NAV', 'BARN' written in capitals): that names the scheme.
    """
    named = {t for sc in kb.schemes.values() for n in sc.names.all() for t in WORD.findall(fold(n))}
    return frozenset(
        a.lower()
        for scheme in kb.schemes.values()
        for fact in scheme.facts
        if fact.topic.value in ("funds", "priorities")
        for a in ACRONYM.findall(fact.text)
        if a.lower() not in named
    )


def other_scheme_words(kb: KnowledgeBase, defaults: list[str], common: set[str]) -> set[str]:
    """Return the words that name other schemes' target groups and fields ('barn', 'psykisk').

    The words of other schemes' names that neither the default schemes' names nor what they
    are for (purpose, target group, what they fund, priorities, who may apply) use: a figure
    question using one is about another scheme, even when the name is not given in full.
    """
    own: set[str] = set(common)
    for sid in defaults:
        scheme = kb.schemes[sid]
        texts = [*scheme.names.all()]
        texts += [f.text for f in scheme.facts if f.topic.value in OWN_TOPICS]
        texts += [f.text_en or "" for f in scheme.facts if f.topic.value in OWN_TOPICS]
        texts += [r.text for r in scheme.rules] + [r.text_en or "" for r in scheme.rules]
        texts += [q for e in kb.faq.values() if e.scheme == sid for q in (e.question, *e.aliases)]
        for text in texts:
            own.update(WORD.findall(fold(text)))
    others: set[str] = set()
    acronyms: set[str] = set()
    for sid, scheme in kb.schemes.items():
        if sid in defaults:
            continue
        for name in scheme.names.all():
            for token in WORD.findall(fold(name)):
                if (
                    len(token) >= 4
                    and token.isalpha()
                    and not token.startswith(GRANT_WORDS)
                    and token not in ORGANISATION_WORDS
                ):
                    others.add(token)
        # what other schemes fund, named by an abbreviation ('ACT', 'MO-sentre'): a short word
        # the default schemes' other texts may use ('act' in 'Public Administration Act')
        for fact in scheme.facts:
            if fact.topic.value in OWN_TOPICS:
                acronyms |= {a.lower() for a in ACRONYM.findall(fact.text)}
    # an abbreviation in a name of a scheme with rates ('NAV') names that scheme
    rated = [sc for sc in kb.schemes.values() if any(r.kind in ("ladder", "cap") for r in sc.rules)]
    others |= acronyms - {t for sc in rated for n in sc.names.all() for t in WORD.findall(fold(n))}
    own_stems = {_stem(o) for o in own}
    return {w for w in others if w not in own and _stem(w) not in own_stems}


def function_words(kb: KnowledgeBase) -> frozenset[str]:
    """Return the function words of words.yaml (language: function_words), folded."""
    entries = kb.language.function_words if kb.language else []
    return frozenset(w for entry in entries for w in WORD.findall(fold(entry, nynorsk=False)))


def unit_words(kb: KnowledgeBase) -> tuple[str, ...]:
    """Return the units of words.yaml (language: units), folded; a trailing '*' kept."""
    entries = kb.language.units if kb.language else []
    return tuple(w for entry in entries for w in fold(entry).split())


def everyday_words(kb: KnowledgeBase) -> frozenset[str]:
    """Return the everyday words of words.yaml (language: everyday), folded as questions are."""
    entries = kb.language.everyday if kb.language else []
    return frozenset(w for entry in entries for w in WORD.findall(fold(entry)))


def postings(passages: list[Passage]) -> dict[str, tuple[int, ...]]:
    """Index passages by term: each term with the positions of the passages that hold it."""
    out: dict[str, list[int]] = {}
    for i, passage in enumerate(passages):
        for term in passage[2]:
            out.setdefault(term, []).append(i)
    return {term: tuple(found) for term, found in out.items()}


def _printed_texts(shown: Table) -> list[str]:
    """A table's title, description, notes and headings as printed, in both languages."""
    texts = [shown.title, shown.title_en or "", shown.description or ""]
    texts += [shown.description_en or "", *shown.notes, *(shown.notes_en or [])]
    for col in shown.columns:
        texts += [col.label, col.label_en or "", col.definition or "", col.definition_en or ""]
    return texts


# a compound whose head is a position ('ruskonsulentstilling', 'koordinatorårsverket')
POSITION_COMPOUND = lazy_pattern(
    r"(?:stilling|stillingen|stillinger|stillingene|arsverk|arsverket)$"
)
# the nouns of a position's costs: the word before them ('sosiale utgifter') is no thing
COST_NOUNS = frozenset({"utgifter", "utgiftene", "kostnader", "kostnadene", "costs", "expenses"})


def other_thing(u: Understanding, words: WordSet) -> str | None:
    """Return what a question names that no scheme with rates speaks of ('ungdomstiltak').

    A figure may only come from the scheme asked about: a question naming such a thing must
    not be answered from the default scheme. The words are given as the user wrote them.
    """
    # a number however written ('1e308', '3/0') is a quantity for the quantity reader, not a thing
    tokens = WORD.findall(u.folded)
    foreign = [
        t
        for i, t in enumerate(tokens)
        if not words.own(t)
        and not any(c.isdigit() for c in t)
        # 'ruskonsulentstilling' is a position, 'sosiale utgifter' a position's cost
        and not POSITION_COMPOUND.search(t)
        and not (i + 1 < len(tokens) and tokens[i + 1] in COST_NOUNS)
    ]
    if not foreign:
        return None
    # 'ACT-team' as written, when 'act' is what names the thing
    originals = [
        w
        for w in re.findall(r"[\wæøåÆØÅ-]+", u.text)
        if fold(w) in foreign or any(t in foreign for t in WORD.findall(fold(w)))
    ]
    return " ".join(originals or foreign)


def _office_patterns(kb: KnowledgeBase) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Build the patterns of an office named by title and region, and of one region."""
    words = kb.language.offices if kb.language else None
    if words is None:
        return None, None
    regions = sorted({fold(r) for r in words.regions}, key=len, reverse=True)
    titles = sorted({fold(t) for t in words.titles}, key=len, reverse=True)
    region = "|".join(re.escape(r) for r in regions)
    title = "|".join(re.escape(t) for t in titles)
    series = rf"(?:{region})(?:\s*(?:,|\bog\b|\band\b|&)\s*(?:{region}))*"
    named = re.compile(
        rf"(?<![\w-])(?:(?P<title>{title})\s+(?:(?:i|in|of|for|fra|from|hos|at)\s+)?"
        rf"(?:the\s+)?(?P<series>{series})"
        rf"|(?P<series_before>{series})(?:'s|s)?\s+(?:the\s+)?(?P<title_after>{title}))(?![\w-])"
    )
    # 'Oslo kommune' is a municipality, not a county governor's region
    bare = rf"(?<![\w-])(?:{region})(?![\w-])(?!\s+(?:kommune|kommunes|municipality)\b)"
    return named, re.compile(bare)


# the prepositions that say what a column's people were counted in ('deltakere i KVP')
COUNTED_IN = frozenset({"i", "pa", "in", "on"})


class Lexicon:
    """What the knowledge base names and says, folded for matching.

    Scheme names, places, counties, offices, statistics columns, the vocabulary with its
    typo corrections, and the look-up passages (FAQ questions, fact sentences, rules in
    words) with their idf weights.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        """Index the names, the vocabulary and the look-up passages once."""
        # function and everyday words (words.yaml): known, and never a topic of their own
        self.function_words = function_words(kb)
        self.everyday = everyday_words(kb)
        verbs = kb.language.verbs if kb.language else []
        self.verbs = frozenset(w for entry in verbs for w in WORD.findall(fold(entry)))
        units = unit_words(kb)
        self.units = frozenset(w for w in units if not w.endswith("*"))
        self.unit_starts = tuple(w[:-1] for w in units if w.endswith("*"))
        # the trigger phrases of each intent (knowledge/data/language/intents.yaml), folded,
        # and as padded needles (see _needle)
        intents = kb.language.intents if kb.language else None
        self.triggers: dict[str, list[tuple[str, float]]] = {
            intent: [(phrase.translate(ASCII_FOLD), weight) for phrase, weight in phrases.items()]
            for intent, phrases in (intents.triggers.items() if intents else ())
        }
        self.trigger_needles: dict[str, list[tuple[str, float]]] = {
            intent: [(_needle(phrase), weight) for phrase, weight in phrases]
            for intent, phrases in self.triggers.items()
        }
        # the needles by the first word they need, so a question looks at its own words' only;
        # a one-word prefix needle ('frist*') by its first three letters
        self.needles_by_word: dict[str, list[tuple[int, str, str, float]]] = {}
        self.prefixes_by_head: dict[str, list[tuple[int, str, str, float]]] = {}
        flat = [
            (intent, needle, weight)
            for intent, needles in self.trigger_needles.items()
            for needle, weight in needles
        ]
        for serial, (intent, needle, weight) in enumerate(flat):
            core = needle.strip()
            if needle.endswith(" ") or " " in core:
                key, bucket = core.split(" ", 1)[0], self.needles_by_word
            else:
                # a prefix shorter than three letters is looked for in every question
                key, bucket = core[:3], self.prefixes_by_head
            bucket.setdefault(key, []).append((serial, intent, needle, weight))
        self.short_prefixes = [
            entry for key, found in self.prefixes_by_head.items() if len(key) < 3 for entry in found
        ]
        self.scheme_names: dict[str, str] = {}
        for sid, scheme in kb.schemes.items():
            for name in scheme.names.all():
                self.scheme_names[fold(name)] = sid
        # Every name as tokens, indexed by its first token, longest first; the last token
        # may be inflected ('fastlegen').
        self.names_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for name in self.scheme_names:
            name_tokens = tuple(WORD.findall(name))
            if name_tokens:
                self.names_by_first.setdefault(name_tokens[0], []).append((name_tokens, name))
        for entries in self.names_by_first.values():
            entries.sort(key=lambda entry: -len(" ".join(entry[0])))
        self.budget_refs: dict[tuple[str, str], list[str]] = {}
        self.budget_years: dict[tuple[str, str, str], YearRange] = {}
        for sid, scheme in kb.schemes.items():
            for b in scheme.budget:
                self.budget_refs.setdefault((b.chapter.lstrip("0"), b.post), []).append(sid)
                self.budget_years[(sid, b.chapter.lstrip("0"), b.post)] = b.years
        # the national appropriations by amount: 'de 455 millionene' names the scheme they are
        self.appropriated: dict[int, list[tuple[str, int]]] = {}
        for sid, scheme in kb.schemes.items():
            for a in scheme.appropriations:
                if a.scope == "nasjonal":
                    self.appropriated.setdefault(a.amount, []).append((sid, a.year))
        # The stems of the words of scheme names: a passage that shares only such words with a
        # question ('langvarig', 'sammensatt', 'oppfølging') shares no word of what it asks
        self.name_stems = frozenset(
            _stem(t)
            for n in self.scheme_names
            for t in WORD.findall(n)
            if len(t) >= 3 and t not in self.function_words
        )
        # Words of scheme names, for abbreviations ('rusarb.' for 'rusarbeid').
        self.name_words = sorted(
            {t for n in self.scheme_names for t in WORD.findall(n) if len(t) >= 6 and t.isalpha()}
        )
        # The same words with every doubled letter single, for a name typed with a letter
        # doubled or undoubled ('prosjektskjønsmidler' for 'prosjektskjønnsmidler').
        self.name_words_single: dict[str, str] = {}
        for word in self.name_words:
            self.name_words_single.setdefault(_single_letters(word), word)
        # question words typed with a letter doubled ('nårr er fristen?')
        asking = kb.language.question_words if kb.language else []
        self.question_single = {
            _single_letters(w.translate(ASCII_FOLD)): w.translate(ASCII_FOLD)
            for w in asking
            if w.isalpha()
        }
        # Content words of the longer names, for names given with other words in between.
        # A name of one content word and a grant word ('voksne-ordningen', 'adults scheme')
        # also matches that word with another grant word ('voksne-tilskuddet', 'adults grant').
        self.scheme_content: dict[str, frozenset[str]] = {}
        for name in self.scheme_names:
            tokens = WORD.findall(name)
            content = frozenset(
                _stem(t)
                for t in tokens
                if t not in self.function_words
                and not t.startswith(GRANT_WORDS)
                and not t.isdigit()
            )
            single = next(iter(content)) if len(content) == 1 else ""
            if (
                len(single) >= 4
                and single not in self.everyday
                and any(t.startswith(GRANT_WORDS) for t in tokens)
            ):
                content = content | {GRANT_STEM}
            if len(content) >= 2:
                self.scheme_content[name] = content
        # the long names' content words, longest first (a longer name found takes its words)
        self.scheme_content_longest = sorted(
            self.scheme_content.items(), key=lambda kv: -len(kv[1])
        )
        # A name whose words are all words of another scheme's name ('langvarige og
        # sammensatte behov' of the children's 'barn og unge med langvarige/sammensatte
        # behov'): the other schemes it also fits, and each scheme's words of its own names
        words_of: dict[str, set[str]] = {}
        for name, sid in self.scheme_names.items():
            stems = {_stem(t) for t in WORD.findall(name) if t not in self.function_words}
            words_of.setdefault(sid, set()).update(stems)
        self.scheme_words = {sid: frozenset(w) for sid, w in words_of.items()}
        self.shared_names: dict[str, frozenset[str]] = {}
        for name, sid in self.scheme_names.items():
            if any(t.isdigit() for t in WORD.findall(name)):
                continue
            own = self.scheme_content.get(name, frozenset()) - {GRANT_STEM}
            if not own:
                continue
            others = frozenset(
                self.scheme_names[other]
                for other, content in self.scheme_content.items()
                if self.scheme_names[other] != sid and own <= content
            )
            if others:
                self.shared_names[name] = others
        self.municipalities: dict[str, str] = {
            fold(m.name): num for num, m in kb.municipalities.items()
        }
        self.municipality_numbers = set(kb.municipalities)
        self.counties: dict[str, str] = {}
        stats = kb.tables.get("nav-sosialtjenestetall")
        if stats is not None:
            for row in stats.rows:
                if row.county:
                    self.counties[
                        fold(row.label.split(" ", 1)[-1] if row.label[:2].isdigit() else row.label)
                    ] = row.county
        self.offices: dict[str, str] = {}
        for office in kb.offices.values():
            for alias in [office.name, *office.aliases]:
                self.offices[fold(alias)] = office.id
        self.place_tokens = frozenset(
            t
            for name in [*self.municipalities, *self.counties, *GROUPS, "kommune", "fylke"]
            for t in WORD.findall(name)
        )
        self.office_names = sorted(
            (n for n in self.offices if len(n.split()) >= 2), key=len, reverse=True
        )
        self.office_named, self.office_region = _office_patterns(kb)
        office_words = kb.language.offices if kb.language else None
        self.region_names = {fold(r): r for r in (office_words.regions if office_words else [])}
        self.years = sorted(
            {d.deadline.year for d in kb.deadlines()} | {t.years.first for t in kb.tables.values()}
        )
        # Every word the knowledge base, the triggers and plain function words use: a question
        # word outside it (and not an inflection or compound of known words) is either a typo,
        # corrected to the nearest known word, or a topic the knowledge base does not hold.
        # the concepts of words.yaml: one term for several words
        self.concepts: dict[str, str] = {}
        # a concept's phrases ('følger opp' ~ 'oppfølging'), searched before the words
        self.concept_phrases: dict[str, str] = {}
        for name, members in (kb.language.concepts if kb.language else {}).items():
            for member in members:
                kind = self.concept_phrases if " " in member.strip() else self.concepts
                kind.setdefault(fold(member).strip(), f"#{name}")
        # a concept's word compounded of another word of it ('klyngesamarbeid' of
        # 'samarbeid'): the concept and the word itself
        self.concept_compounds = frozenset(
            w
            for w, c in self.concepts.items()
            if any(c == oc and len(o) >= 5 and _compounded(w, o) for o, oc in self.concepts.items())
        )
        words: set[str] = set(self.function_words | set(self.concepts) | set(COLUMN_WORDS))
        words |= {w for phrase in self.concept_phrases for w in phrase.split()}
        words |= self.everyday | self.verbs
        prefixes: set[str] = set()
        # a three-letter word and the stems beside it in one source text ('rød' and 'farge' of
        # 'Farger: … rød og grønn'): a short compound of the two ('rødfargen') is a known word
        self._short_heads: set[tuple[str, str]] = set()
        for text in _strings(kb):
            found = WORD.findall(fold(text))
            words.update(found)
            short = {w for w in found if len(w) == 3 and w.isalpha()}
            if short and len(found) <= 200:
                stems = {w[:5] for w in found if len(w) >= 5}
                self._short_heads.update((h, stem) for h in short for stem in stems)
        for phrases in self.triggers.values():
            for phrase, _weight in phrases:
                tokens = WORD.findall(phrase)
                if phrase.endswith("*") and tokens:
                    prefixes.add(tokens[-1])
                    tokens = tokens[:-1]
                words.update(tokens)
        for table in (
            ORDINALS,
            NUMBER_WORDS,
            word_tables().months,
            SLOT_WORDS,
            OPERATION_WORDS,
            MEASURE_WORDS,
            LADDER_WORDS,
        ):
            words.update(WORD.findall(" ".join(table)))
        self.vocab = frozenset(words)
        # places outside the tables, by folded name: never corrected into a table municipality
        language = kb.language
        self.other_places = frozenset(fold(p) for p in (language.places if language else []))
        # other benefits and loans the sources lack, by folded name: never corrected
        self.other_things = tuple(
            fold(w) for w in (language.other_things if language else []) if w.strip()
        )
        # countries other than Norway, by their folded names padded: the sources hold none
        self.countries = {
            f" {fold(c)} ": c for c in (language.countries if language else []) if c.strip()
        }
        # Every word of the tables and of the words for their operations: what a question
        # may say of a table's figures without naming another thing than the table counts
        table_texts: list[str] = []
        for shown in kb.tables.values():
            table_texts += _printed_texts(shown)
            table_texts += [t for r in shown.rows for t in (r.label, r.label_en or "")]
        if language is not None:
            for _name, value in language.tables:
                if isinstance(value, list):
                    table_texts += value
        self.table_words = frozenset(w for t in table_texts for w in WORD.findall(fold(t)))
        # the words only another table than the statistics table prints ('sosialhjelps-
        # nøkkelen' of the framework tables): no statistics column's word, whatever its stem
        stats_shown = kb.tables.get("nav-sosialtjenestetall")
        stats_words = {
            w
            for t in (_printed_texts(stats_shown) if stats_shown else [])
            for w in WORD.findall(fold(t))
        }
        self.other_table_words = frozenset(
            w
            for tid, shown in kb.tables.items()
            if tid != "nav-sosialtjenestetall"
            # (a table's title and headings, not its notes, name what it is of)
            for t in [shown.title, shown.title_en or "", *(c.label for c in shown.columns)]
            for w in WORD.findall(fold(t))
            if w not in stats_words
        )
        # (and their inflections: 'sosialhjelpsnøkkel' + 'en')
        self.other_table_stems = tuple(w for w in self.other_table_words if len(w) >= 10)
        # The statistics table's columns, by the words of their labels and definitions.
        self.columns: list[tuple[str, frozenset[str]]] = []
        stats_table = kb.tables.get("nav-sosialtjenestetall")
        if stats_table is not None:
            for column in stats_table.columns:
                text = fold(f"{column.label} {column.definition}")
                self.columns.append((column.id, self.column_terms(text)))
        column_df: dict[str, int] = {}
        for _cid, col_terms in self.columns:
            for term in col_terms:
                column_df[term] = column_df.get(term, 0) + 1
        self.column_idf = {t: math.log((len(self.columns) + 1) / n) for t, n in column_df.items()}
        self.column_words = frozenset(column_df)
        # Look-up passages: FAQ questions (with aliases), facts (sentence by sentence, with a
        # tag for the topics a concept names) and rules stated in words.
        self.needles_by_first: dict[str, list[str]] = {}
        for needle in {_needle(n) for n in self.scheme_names}:
            self.needles_by_first.setdefault(needle.split()[0], []).append(needle)
        docs: list[Doc] = []
        docs_en: list[Doc] = []
        extra: list[Doc] = []
        extra_en: list[Doc] = []
        self.passage_intent: dict[str, str] = {}
        for entry in kb.faq.values():
            for q in [entry.question, *entry.aliases]:
                docs.append(
                    (f"faq:{entry.id}", entry.scheme, self.terms(fold(q)), entry.years, False)
                )
        for sid, scheme in kb.schemes.items():
            for i, fact in enumerate(scheme.facts):
                key = f"fact:{sid}:{i}"
                tag = TOPIC_CONCEPTS.get(fact.topic.value)
                # the English text too, for English questions only
                for text, into, led in (
                    (fact.text, docs, extra),
                    (fact.text_en or "", docs_en, extra_en),
                ):
                    for part, whole in self.sentences(text):
                        terms = self.terms(fold(part)) | ({tag} if tag else set())
                        limit = bool(LIMITED.search(fold(part)))
                        # a sentence read whole is searched, but not counted in the idf
                        (led if whole else into).append((key, sid, terms, fact.years, limit))
                if fact.topic.value in TOPIC_INTENTS:
                    self.passage_intent[key] = TOPIC_INTENTS[fact.topic.value]
            for rule in scheme.rules:
                if isinstance(rule, TextRule):
                    key = f"rule:{sid}:{rule.id}"
                    for part in SENTENCE.split(rule.text):
                        terms = self.terms(fold(part))
                        docs.append((key, sid, terms, rule.years, False))
                    for part in SENTENCE.split(rule.text_en or ""):
                        docs_en.append((key, sid, self.terms(fold(part)), rule.years, False))
        self.idf, self.unseen_idf, self.passages = self.index(docs, extra)
        self.key_terms: dict[str, frozenset[str]] = {}
        for key, _sid, terms, _years, _limit in [*docs, *docs_en]:
            self.key_terms[key] = self.key_terms.get(key, frozenset()) | terms
        # an English question is looked up in the Norwegian and the English texts together
        self.idf_en, self.unseen_idf_en, self.passages_en = self.index(
            [*docs, *docs_en], [*extra, *extra_en]
        )
        self.postings, self.postings_en = postings(self.passages), postings(self.passages_en)
        self._prefixes = tuple(sorted(p for p in prefixes if len(p) >= 4))
        # the long words a clipped compound may stand for (see _unclipped)
        self._clip_words = tuple(sorted(w for w in words | prefixes if len(w) >= 9 and w.isalpha()))
        self._choices = sorted(w for w in words if len(w) >= MIN_CORRECTABLE and w.isalpha())
        self._known: dict[str, bool] = {}
        self._compounds: dict[str, tuple[str, str]] = {}
        self._question_terms: dict[tuple[str, int], frozenset[str]] = {}
        self._swaps: dict[str, str] = {}
        self._corrections: dict[str, str | None] = {}

    def trigger_hits(self, padded: str, total_padded: str) -> dict[str, list[float]]:
        """Return each intent's weights of the trigger phrases a padded question holds.

        The total intent reads ``total_padded`` (the question without what a cost covers).
        """
        tokens = set(padded.split()) | set(total_padded.split())
        found = set(self.short_prefixes)
        for token in tokens:
            for entry in self.needles_by_word.get(token, ()):
                found.add(entry)
            for entry in self.prefixes_by_head.get(token[:3], ()):
                found.add(entry)
        hits: dict[str, list[float]] = {}
        for _serial, intent, needle, weight in found:
            if needle in (total_padded if intent == "total" else padded):
                hits.setdefault(intent, []).append(weight)
        return hits

    def budget_year(self, folded: str, schemes: list[str]) -> int | None:
        """Return the one year a cited chapter and post of a named scheme is given for."""
        for m in BUDGET_REF.finditer(folded):
            for sid in schemes:
                years = self.budget_years.get((sid, m.group(1).lstrip("0"), m.group(2)))
                if years is not None and years.last == years.first:
                    return years.first
        return None

    def appropriated_scheme(
        self, amount: int, year: int | None, schemes: list[str]
    ) -> tuple[str, int | None] | None:
        """Return the one scheme (of those named, if any) whose national appropriation is this
        amount in some year (this year, if given and no scheme is named), and that year."""
        found = {
            (sid, y)
            for sid, y in self.appropriated.get(amount, [])
            if (sid in schemes if schemes else year in (None, y))
        }
        if len({sid for sid, _y in found}) != 1:
            return None
        sid, first = min(found)
        return sid, first if len(found) == 1 else None

    def sentences(self, text: str) -> list[tuple[str, bool]]:
        """Split a text into its lines and sentences, then add them read whole (extra: True).

        A wrapped line is searched as printed and joined to the line it continues; a bullet
        also with the terms of its lead-in: 'Vi oppfordrer NAV-kontor til: • … • å se dette
        tilskuddet i sammenheng med …' says what the offices are encouraged to do only with it.
        """
        out = [(part, False) for part in SENTENCE.split(text) if part.strip()]
        lead, bullet, rest = unwrap(text).partition("•")
        whole = [p for p in SENTENCE.split(lead) if p.strip()] if bullet else []
        whole += [p for p in SENTENCE.split(rest if bullet else lead) if p.strip()]
        seen = {part for part, _extra in out}
        out += [(part, True) for part in whole if part not in seen]
        if bullet and lead.strip():
            out += [(f"{lead} {part}", True) for part in SENTENCE.split(rest) if part.strip()]
        return out

    @staticmethod
    def index(
        docs: list[Doc],
        extra: list[Doc] = [],  # noqa: B006 - read only
    ) -> tuple[dict[str, float], float, list[Passage]]:
        """Weigh the look-up passages' terms by idf; return the weights and the passages.

        The extra documents (bullets read with their lead-in) are searched but not counted.
        """
        df: dict[str, int] = {}
        for _key, _sid, terms, _years, _limit in docs:
            for term in terms:
                df[term] = df.get(term, 0) + 1
        idf = {t: math.log((len(docs) + 1) / n) for t, n in df.items()}
        unseen = math.log(len(docs) + 1)
        passages = [
            (key, sid, terms, math.sqrt(sum(idf.get(t, unseen) ** 2 for t in terms)), years, limit)
            for key, sid, terms, years, limit in [*docs, *extra]
            if terms
        ]
        return idf, unseen, passages

    @staticmethod
    def asked_concepts(folded: str) -> frozenset[str]:
        """Return the concepts a question asks for in words of its own ('hvor lenge', 'nett')."""
        padded = pad(folded)
        asked = {TOPIC_CONCEPTS["duration"]} if DURATION_ASK.search(padded) else set()
        return frozenset(asked | ({WEB} if WEB_ASK.search(padded) else set()))

    def column_terms(self, folded: str) -> frozenset[str]:
        """Return the words of a text that can pick a statistics column (digits included)."""
        out = set()
        for token in WORD.findall(folded):
            if token in self.function_words or token in ("ar", "aret", "year"):
                continue
            if len(token) > 2 and token.isdigit() and len(token) != 4:
                continue
            if token in self.other_table_words or token.startswith(self.other_table_stems):
                continue  # 'etter sosialhjelpsnøkkelen': the framework tables' word
            out.add(_stem(COLUMN_WORDS.get(token, token)))
        return frozenset(out)

    def names_other_table(self, folded: str) -> bool:
        """Whether a text says a word of the title or headings of a table other than the
        statistics table ('sosialhjelpsnøkkelen'), where the word shares a statistics stem."""
        return any(
            t in self.other_table_words or t.startswith(self.other_table_stems)
            for t in WORD.findall(folded)
            if len(t) >= 10
        )

    def column_in(self, folded: str) -> str | None:
        """Return the statistics column a question asks about, if it names one.

        The column sharing the most distinctive words wins; on a tie the first (the count
        columns come before their shares) unless the question asks for a share.
        """
        terms = self.column_terms(folded)
        best: tuple[float, str | None] = (0.0, None)
        # a year alone names no column ('som direktoratet signaliserte i 2018'): it only tells
        # columns of the same words apart
        if not any(not t.isdigit() for t in terms & self.column_words):
            return None
        for cid, col_terms in self.columns:
            score = sum(self.column_idf[t] for t in terms & col_terms)
            if score > best[0] + 1e-9:
                best = (score, cid)
        return best[1] if best[0] >= 1.0 else None

    def foreign_counted(self, folded: str, column: str) -> str | None:
        """Return what a question says a column's people were counted in, when the table
        counts no such thing ('deltakere i Individuell jobbstøtte' of the KVP column).

        A telling word of the column's heading (one of at most two columns) followed by
        'i'/'på'/'in' and a word no table, place, time or table-operation word spells is
        another programme than the one counted; None when there is none.
        """
        own = next((terms for cid, terms in self.columns if cid == column), None)
        if not own:
            return None
        telling = {t for t in own if not t.isdigit() and self.column_idf.get(t, 0.0) >= 1.5}
        tokens = WORD.findall(folded)
        for i, token in enumerate(tokens[:-2]):
            if tokens[i + 1] not in COUNTED_IN or token.isdigit():
                continue
            if not self.column_terms(token) & telling:
                continue
            rest = [t for t in tokens[i + 2 :] if t not in ("det", "den", "the")]
            thing: list[str] = []
            for word in rest[:4]:
                if not self._foreign_word(word):
                    break
                thing.append(word)
            if thing and len(thing[0]) >= 4:
                return " ".join([token, tokens[i + 1], *thing])
        return None

    def _foreign_word(self, word: str) -> bool:
        """Whether a word is none of the tables', places', times' or small words."""
        return not (
            word.isdigit()
            or len(word) < 3
            or word in self.function_words
            or word in self.everyday
            or word in self.place_tokens
            or word in self.other_places
            or word in COLUMN_WORDS
            or any(w.startswith(word[: max(5, len(word) - 3)]) for w in self.table_words)
        )

    def bare(self, folded: str) -> bool:
        """Tell whether a text is only a place, a year and small words ('Sogne 2018?')."""
        return all(
            t.isdigit() or t in self.function_words or t in self.everyday or t in self.place_tokens
            for t in WORD.findall(folded)
        )

    def terms(self, folded: str, query: bool = False) -> frozenset[str]:
        """Return the look-up terms of a text: stems of its content words, names removed.

        In a question (query), a compound the passages never use is read as its parts
        ('russtillingane' as 'rus' + 'stillingane').
        """
        if not query:
            return self._terms(folded, False)
        # a question's terms are read several times while it is understood; they depend on
        # the compounds found so far, which only grow, so their count tells them apart
        key = (folded, len(self._compounds))
        found = self._question_terms.get(key)
        if found is None:
            if len(self._question_terms) >= QUESTIONS_REMEMBERED:
                self._question_terms.clear()
            found = self._question_terms[key] = self._terms(folded, True)
        return found

    def _terms(self, folded: str, query: bool) -> frozenset[str]:
        """The look-up terms of a text, read afresh (see ``terms``)."""
        padded = pad(folded)
        candidates = [
            needle
            for token in set(padded.split())
            for needle in self.needles_by_first.get(token, ())
        ]
        for needle in sorted(candidates, key=len, reverse=True):
            if needle in padded:
                padded = padded.replace(needle, "  ")
        # an amount in kroner ('10 000', '610.000') is a term of its own
        out = {f"#kr{AMOUNT_DIGITS.sub('', m.group(0))}" for m in AMOUNT.finditer(folded)}
        if DURATION_PHRASE.search(padded) or (query and DURATION_ASK.search(padded)):
            # 'bare for ett år?', 'i flere år', 'how long', 'forlenges'
            out.add(TOPIC_CONCEPTS["duration"])
        if query and WEB_ASK.search(padded):
            out.add(WEB)
            padded = WEB_ASK.sub("  ", padded)
        elif not query and WEB_ADDRESS.search(folded):
            out.add(WEB)
        for phrase, tag in self.concept_phrases.items():
            if f" {phrase} " in padded:
                out.add(tag)
                padded = padded.replace(f" {phrase} ", "  ")
        for token in padded.split():
            concept = self.concepts.get(token)
            if concept:
                out.add(concept)
                if token in self.concept_compounds:
                    # 'klyngesamarbeid' is cooperation, and the one kind of it the word names
                    out.add(_stem(token))
                continue
            if token in self.function_words or token in self.everyday or token in NUMBER_NAMES:
                continue
            if len(token) < 3 or token.isdigit():
                continue
            stem = _stem(token)
            parts = self._compounds.get(token) if query and stem not in self.idf else None
            if parts:
                out.update(_stem(part) for part in parts if len(part) >= 3)
            else:
                out.add(stem)
        return frozenset(out)

    def look_up(
        self, folded: str, schemes: list[str], year: int | None = None, lang: str = "nb"
    ) -> list[tuple[str, float, bool, bool]]:
        """Return the passages that best explain a question, best first, with scores (0..1).

        The score weighs how much of the question a passage explains (idf-weighted content
        words) more than how much of the passage the question covers; passages of another
        scheme than the ones the question names are left out, and those of no scheme weigh a
        little less than the named scheme's own; one hit per passage. A hit is
        strong when it shares two distinctive content words or a concept ('sammen' ~
        'samarbeid'), and limiting when the matching sentence states a limit ('ikke',
        'kun').
        """
        terms = self.terms(folded, query=True)
        if not terms:
            return []
        english = lang == "en"
        idf = self.idf_en if english else self.idf
        unseen = self.unseen_idf_en if english else self.unseen_idf
        weights = {t: idf.get(t, unseen) for t in terms}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        best: dict[str, float] = {}
        strong: dict[str, bool] = {}
        limited: dict[str, bool] = {}
        passages = self.passages_en if english else self.passages
        index = self.postings_en if english else self.postings
        # only the passages sharing a term, in their order (ties keep the first passage)
        for i in sorted({i for t in terms for i in index.get(t, ())}):
            key, sid, doc_terms, doc_norm, doc_years, doc_limit = passages[i]
            if schemes and sid is not None and sid not in schemes:
                continue
            shared = terms & doc_terms
            if not shared:
                continue
            mass = sum(weights[t] ** 2 for t in shared)
            coverage, precision = mass / norm**2, mass / doc_norm**2
            score = coverage**0.7 * min(1.0, precision) ** 0.3
            if year is not None and not doc_years.contains(year):
                score *= 0.85
            if schemes and sid is None:
                # a passage of the scheme named explains it better than one of no scheme
                score *= SCHEMELESS
            if shared <= self.name_stems:
                # words of a scheme's name tell which scheme, not what is asked about it
                score *= NAME_WORDS_ONLY
            if score > best.get(key, 0.0):
                best[key] = score
                mass_idf = sum(weights[t] for t in shared)
                strong[key] = (
                    len(shared) >= 2 and mass_idf >= 7.0 and not shared <= self.name_stems
                ) or any(t.startswith("#") for t in shared)
                limited[key] = doc_limit
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:8]
        if ranked and not strong[ranked[0][0]]:
            # one rare word shared ('finansiert') explains a question less than two words or
            # a concept shared ('samarbeide … tiltak') by a passage scoring nearly as well
            near = [
                kv for kv in ranked[1:] if strong[kv[0]] and kv[1] >= STRONG_NEAR * ranked[0][1]
            ]
            if near:
                ranked.remove(near[0])
                ranked.insert(0, near[0])
        asked = self.asked_concepts(folded)
        if ranked and asked and not asked & self.key_terms.get(ranked[0][0], frozenset()):
            # 'hvor lenge kan nye team få tilskudd etter avgrensningene?' asks for the duration:
            # a passage carrying it that scores nearly as well explains it better than the one
            # on the limits the other words match
            near = [
                kv
                for kv in ranked[1:]
                if asked & self.key_terms.get(kv[0], frozenset())
                and kv[1] >= ASKED_NEAR * ranked[0][1]
            ]
            if near:
                ranked.remove(near[0])
                ranked.insert(0, near[0])
        return [(key, score, strong[key], limited[key]) for key, score in ranked]

    def _stem_known(self, word: str) -> bool:
        """Tell whether a word is a known word or an inflection of one."""
        if word in self.vocab or word.startswith(self._prefixes):
            return True
        for ending in ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: -len(ending)]
                if stem in self.vocab or (len(stem) >= 4 and stem.startswith(self._prefixes)):
                    return True
        return any(word + ending in self.vocab for ending in ENDINGS if len(word) >= 4)

    def other_thing(self, word: str) -> bool:
        """Whether a folded word is a benefit or loan the sources lack, or one inflected."""
        # (most words start with none of them, which one test of all the starts tells)
        return word.startswith(self.other_things) and any(
            word.startswith(w) and len(word) - len(w) <= INFLECTION_LETTERS
            for w in self.other_things
        )

    def foreign_country(self, text: str) -> str | None:
        """Return the country other than Norway a text names ('i Sverige', 'in Denmark')."""
        padded = pad(fold(text))
        return next((name for key, name in self.countries.items() if key in padded), None)

    def foreign_offices(self, text: str) -> tuple[str, ...]:
        """Return the offices a question names that no office of the sources is.

        'Statsforvalteren i Nordland', 'Fylkesmannen i Hordaland', 'Statsforvaltaren i
        Vestland', 'the County Governor of Troms og Finnmark', 'Nordlands statsforvalter':
        each region of the name that is no name or alias of an office of the sources gives
        one office, written 'Fylkesmannen i X' after the old title, else 'Statsforvalteren i X'.
        """
        if self.office_named is None or self.office_region is None:
            return ()
        folded = fold(text)
        found: list[str] = []
        for m in self.office_named.finditer(folded):
            title = m.group("title") or m.group("title_after") or ""
            head = "Fylkesmannen" if title.startswith(("fylkesmann", "fm")) else "Statsforvalteren"
            series = m.group("series") or m.group("series_before") or ""
            for r in self.office_region.finditer(series):
                region = self.region_names[r.group(0)]
                if fold(region) not in self.offices:
                    found.append(f"{head} i {region}")
        return tuple(dict.fromkeys(found))

    def foreign_regions(self, text: str) -> tuple[str, ...]:
        """Return the regions a text names that no office of the sources has, as spelt."""
        if self.office_region is None:
            return ()
        found = (self.region_names[m.group(0)] for m in self.office_region.finditer(fold(text)))
        return tuple(dict.fromkeys(r for r in found if fold(r) not in self.offices))

    def known(self, word: str) -> bool:
        """Tell whether a word is known: as such, inflected, or a compound of known words."""
        cached = self._known.get(word)
        if cached is not None:
            return cached
        found = self._stem_known(word)
        if not found and len(word) >= 7:
            for i in range(3, len(word) - 3):
                head, tail = word[:i], word[i:]
                head_known = self._stem_known(head) or (
                    head[-1] in "se" and len(head) > 4 and self._stem_known(head[:-1])
                )
                # a three-letter head ('rus') only before a long tail ('stillingane'),
                # lest 'dag' + 'pengene' pass for a known word
                long_enough = (
                    len(head) >= 4 or len(tail) >= 8 or (head, tail[:5]) in self._short_heads
                )
                if head_known and long_enough and len(tail) >= 4 and self._stem_known(tail):
                    found = True
                    if len(self._compounds) < 50_000:
                        self._compounds[word] = (head, tail)
                    break
        if len(self._known) < 50_000:
            self._known[word] = found
        return found

    def correct(self, word: str) -> str | None:
        """Return the known word a misspelt word stands for, or None when there is none."""
        if word in self._corrections:
            return self._corrections[word]
        best = None
        if len(word) >= MIN_CORRECTABLE and word.isalpha():
            # an abbreviation of a word in a scheme name ('rusarb' for 'rusarbeid')
            i = bisect.bisect_left(self.name_words, word)
            if i < len(self.name_words) and self.name_words[i].startswith(word):
                best = self.name_words[i]
        if best is None and len(word) >= MIN_CORRECTABLE and word.isalpha():
            cutoff = 85 if len(word) >= 7 else 88
            found = process.extractOne(word, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found and found[0][0] == word[0]:
                best = found[0]
        if best is None and len(word) >= 10 and word.isalpha():
            # a compound with a misspelt last part ('sosialtjenstene')
            for i in range(4, len(word) - 5):
                head, tail = word[:i], word[i:]
                if self._stem_known(head):
                    fixed = process.extractOne(
                        tail, self._choices, scorer=fuzz.ratio, score_cutoff=88
                    )
                    if fixed and fixed[0][0] == tail[0]:
                        best = head + fixed[0]
                        break
        if len(self._corrections) < 50_000:
            self._corrections[word] = best
        return best

    def swapped(self, word: str) -> str:
        """Return the known word a word has two neighbouring letters swapped from (or a scheme
        name's word it has a letter doubled or undoubled from), else the word."""
        named = self.name_words_single.get(_single_letters(word)) if len(word) >= 8 else None
        if named is None and word not in self.vocab:
            asked = self.question_single.get(_single_letters(word))
            named = asked if asked is not None and asked != word else None
        if named is not None:
            return named
        if word not in self._swaps:
            near = None
            if len(word) >= 8 and word.isalpha():
                for found in process.extract(
                    word, self._choices, scorer=fuzz.ratio, score_cutoff=85, limit=3
                ):
                    # a word read only as a compound one letter off a known word
                    # ('fylkesmanen', 'fylkes' + 'manen') is that word misspelt
                    dropped = word in self._compounds and _letter_dropped(word, found[0])
                    if _transposed(word, found[0]) or dropped:
                        near = found[0]
                        break
            if near is None and word in self._compounds:
                near = self._compound_head_fixed(word)
            if len(self._swaps) < 50_000:
                self._swaps[word] = near or word
            return near or word
        return self._swaps[word]

    def _compound_head_fixed(self, word: str) -> str | None:
        """Return a compound whose head is a known word with a letter left out, spelt whole
        ('kontakperson' as 'kontaktperson'), else None."""
        head, tail = self._compounds[word]
        if len(head) < 5 or head in self.vocab:
            return None
        for found in process.extract(
            head, self._choices, scorer=fuzz.ratio, score_cutoff=85, limit=3
        ):
            # (the letter may be the head's last: 'kontak' + 'person')
            whole = found[0]
            if len(whole) == len(head) + 1 and (
                whole.startswith(head) or _letter_dropped(head, whole)
            ):
                return whole + tail
        return None

    def expand_elided(self, folded: str) -> str:
        """Spell out a compound whose shared last part is left out: 'status- og regnskaps-
        rapporten' as 'statusrapporten og regnskapsrapporten'."""

        def whole(m: re.Match[str]) -> str:
            first, join, second = m.group(1), m.group(2), m.group(3)
            for i in range(3, len(second) - 4):
                tail = second[i:]
                if self._stem_known(first + tail):
                    return f"{first}{tail} {join} {second}"
            return m.group(0)

        return CLIPPED.sub(self._unclipped, ELIDED.sub(whole, folded))

    def _unclipped(self, m: re.Match[str]) -> str:
        """The one known word a clipped compound stands for ('rapp.frist' for
        'rapporteringsfrist'): it starts with the first part and ends with the second."""
        head, tail = m.group(1), m.group(2)
        if self.known(head):
            return m.group(0)  # 'nav.no', 'kap.post': two words of their own
        found = {
            w
            for w in self._clip_words
            if w.startswith(head) and w.endswith(tail) and len(w) > len(head) + len(tail)
        }
        return found.pop() if len(found) == 1 else m.group(0)

    def normalise(
        self, folded: str, acronyms: frozenset[str] = frozenset()
    ) -> tuple[str, list[str]]:
        """Correct misspelt words; return the text and the words that are neither known nor typos.

        Acronyms (written in capitals in the message, e.g. 'BPA') are never corrected.
        """
        unknown: list[str] = []

        def fix(m: re.Match[str]) -> str:
            word = m.group(0)
            if word.isdigit():
                return word
            if word in self.other_places and word not in self.vocab:
                unknown.append(word)  # 'Kristiansund' is a place, not a typo of 'Kristiansand'
                return word
            if self.other_thing(word):
                unknown.append(word)  # 'startlånet' is Husbanken's loan, not a typo of 'starta'
                return word
            if self.known(word):
                # a word known only as a derivation ('soknad…' + 'first') loses to a known
                # word with two letters swapped ('soknadsfrist')
                return word if word in self.vocab else self.swapped(word)
            if word in acronyms:
                unknown.append(word)
                return word
            corrected = self.correct(word)
            if corrected is not None:
                return corrected
            if len(word) >= 4 and not any(ch.isdigit() for ch in word):
                unknown.append(word)
            return word

        return WORD.sub(fix, folded), unknown


#: 'per bolig', 'pr. innbygger', 'for hver deltaker': a unit an amount or count is asked per
PER_UNIT = re.compile(r"\b(?:per|pr\.?|for hver|for each)\s+((?:[a-z-]{2,}\s*){1,3})")


def unknown_unit(lex: Lexicon, folded: str) -> str | None:
    """Return the unit a question asks an amount per when the sources give none per it."""
    if not lex.units and not lex.unit_starts:
        return None  # a language without units declines nothing
    for m in PER_UNIT.finditer(folded):
        words: list[str] = []
        for word in m.group(1).replace("-", " ").split():
            if word in lex.function_words:
                break  # 'per bolig i kommunalt rusarbeid': the unit ends at 'i'
            words.append(word)
        if words and not any(w in lex.units or w.startswith(lex.unit_starts) for w in words):
            return words[0]
    return None
