"""Turn an Understanding into an Answer: pick the answer family for the intent."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from bot import asof, fmt
from bot.answer import Answer, unique_sources
from bot.answers.base import one_address
from bot.answers.common import (
    CONFIDENCE_THRESHOLD,
    COVER_ASK,
    COVER_INTENTS,
    DOC_ASK,
    DOC_REF,
    DOC_REF_ASK,
    HOW_MANY,
    INTENT_TOPICS,
    LETTER_ASK,
    NUMERIC_DATE,
    PASSAGE_ASKED,
    RATE_KINDS,
    WHEN_ASK,
    _folded,
    _padded,
    _says,
    dated_sentence,
    doc_ref_sentence,
    t,
    text_in,
)
from bot.answers.figures import FigureAnswers
from bot.answers.premises import (
    condition_verdict,
    exclusion_verdict,
    permission_verdict,
    premise_verdict,
    requirement_verdict,
    says_condition,
)
from bot.text import fold, lazy_pattern
from bot.understanding.entities import extract_date, extract_money
from bot.understanding.lexicon import everyday_words, function_words
from bot.understanding.patterns import (
    ADDRESS_ASK,
    ADVICE_ASK,
    FIGURE_INTENTS,
    FRAMEWORK_INTENTS,
    FRAMEWORK_SCHEME,
    LEGAL_ASK,
    MONEY_ASK,
    PREMISE,
    PROSE_ASK,
    QUANTITY_ASK,
    WHICH_SCHEME,
)
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import Fact, Sourced, Topic

# a count stated in a premise ('at 136 kommuner ikke var med'): a number, not a year, and a noun
COUNT_STATED = lazy_pattern(r"\b(?!(?:19|20)\d\d\b)(\d+)\s+([a-z]{4,})")

#: a phrase the question quotes ('hva menes med «Den gylne regel»?'): looked for as printed
QUOTED_PHRASE = lazy_pattern(r"[«\"“”]\s*\w+(?:\s+\w+)+\s*[»\"“”]")


#: a letter named ('brevet', 'brev om dette', 'the letter'): a dated sentence may say which
LETTER_WORD = lazy_pattern(r"\b(?:brev|brevet|breva|brevene|letter|letters)\b")


#: the intents that answer with dates of their own (deadlines, days left)
DATED_INTENTS = frozenset({"deadline", "days_left", "next_deadline"})


#: the intents whose figures are counted in tables and appropriations, not a grant's rules
COUNTED_INTENTS = frozenset({*FRAMEWORK_INTENTS, "statistics", "appropriation", "budget"})


#: the intents whose answers give amounts or counts, declined for a unit the sources lack
PER_UNIT_INTENTS = (
    FIGURE_INTENTS
    | set(FRAMEWORK_INTENTS)
    | {
        "statistics",
        "appropriation",
        "scheme_info",
        "faq",
        "budget",
    }
)

#: the intents a rate asked of a scheme without rates is declined from ('sats', 'per årsverk')
RATE_ASK_INTENTS = FIGURE_INTENTS | {"appropriation", "scheme_info", "faq", "budget"}

# a word of deadlines ('frist', 'søknadsfristen', 'deadline')
DEADLINE_WORD = lazy_pattern(r"\b\w*frist\w*|\bdeadlines?\b")


class Composer(FigureAnswers):
    """Turn an Understanding into an Answer, using the knowledge base and calculations."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Keep the knowledge base; register the intent handlers."""
        self.kb = kb
        # function and everyday words: never a thing a question names, nor a content word
        self.function_words = function_words(kb)
        self.plain_words = self.function_words | everyday_words(kb)
        # the language words the answers look for, folded once as questions are
        words = kb.language
        contacts = words.contacts if words else None
        self.words: dict[str, tuple[str, ...]] = {
            "received": _folded(words.received if words else []),
            "receives": _folded(words.receives if words else []),
            "rates": _folded(words.rates if words else []),
            "phone": _folded(contacts.phone if contacts else []),
            "email": _folded(contacts.email if contacts else []),
            "average": _folded(words.tables.average if words else []),
        }
        # the words of places and offices: 'brukes til i Agder?' asks of no cost named 'Agder'
        places = [n for o in kb.offices.values() for n in (o.name, *o.aliases)]
        places += [m.name for m in kb.municipalities.values()]
        places += [r.label for tb in kb.tables.values() for r in tb.rows]
        self.place_words = frozenset(w for p in places for w in re.findall(r"[a-z]+", fold(p)))
        # every scheme name, folded and padded: a phrase of a name alone anchors no sentence
        self.name_text = " ".join(
            _padded(fold(n)) for sc in kb.schemes.values() for n in sc.names.all()
        )
        self.said: dict[str, str] = {}  # what the sources say of each scheme, folded once
        self.handlers: dict[str, Callable[[Understanding, dt.date, Lang], Answer]] = {
            "deadline": self.deadline,
            "next_deadline": self.next_deadline,
            "days_left": self.days_left,
            "contact": self.contact,
            "appropriation": self.appropriation,
            "budget": self.budget,
            "list_schemes": self.list_schemes,
            "scheme_info": self.scheme_info,
            "faq": self.faq,
            "greeting": self.greeting,
            "help": self.help,
        }
        for intent in INTENT_TOPICS:
            self.handlers[intent] = self.topic_facts
        for intent in ("amount", "total", "own_share"):
            self.handlers[intent] = self.figures
        for intent in ("framework", "framework_sum", "framework_ranking"):
            self.handlers[intent] = self.framework
        self.handlers["statistics"] = self.statistics

    def per_unit(self, u: Understanding) -> Answer | None:
        """Decline an amount or count asked per a unit the sources give none per ('per bolig')."""
        unit = u.slots.get("per_unit")
        if not unit or u.intent not in PER_UNIT_INTENTS or not QUANTITY_ASK.search(u.folded):
            return None
        lang: Lang = "en" if u.lang == "en" else "nb"
        said = next((w for w in re.findall(r"[\w-]+", u.text) if fold(w) == unit), unit)
        return self.answer(u, lang, [t("per_unit", lang, unit=said)], answered=False)

    def rate_of_rateless(self, u: Understanding, lang: Lang) -> Answer | None:
        """Decline a rate asked of schemes the sources give no rates for, whatever the intent."""
        named = u.schemes_mentioned or ([u.scheme] if u.scheme else [])
        if (
            not u.schemes_mentioned
            or u.intent not in RATE_ASK_INTENTS
            or not _says(u, self.words["rates"])
            or any(r.kind in RATE_KINDS for sid in named for r in self.kb.schemes[sid].rules)
        ):
            return None
        return self.no_rates(u, lang, asof.scheme_name(self.kb, named[0], lang))

    def compose(self, u: Understanding, today: dt.date) -> Answer:
        """Answer an understood question as of a date."""
        answer = self._compose(u, today)
        lang: Lang = "en" if u.lang == "en" else "nb"
        if u.intent not in DATED_INTENTS and (
            DOC_ASK.search(u.folded) or LETTER_ASK.search(u.folded)
        ):
            answer = self.dated_fact(u, answer, lang)
        if DOC_REF_ASK.search(u.folded) and not DOC_REF.search(answer.text):
            answer = self.doc_reference(u, answer, lang)
        if not answer.answered and u.scheme and HOW_MANY.search(u.folded):
            # 'how many municipalities were not covered by the scheme in 2018?'
            answer = self.count_of_scheme(u, answer, lang)
        if u.scheme in self.kb.schemes and PREMISE.search(u.folded):
            # 'stemmer det at 136 kommuner ikke var med i ordningen?'
            answer = self.counted_premise(u, answer, lang)
        if not answer.answered and u.intent not in DATED_INTENTS and "date" in u.slots:
            # 'hva handlet brevet av 18. desember 2015 om?': the sentence naming that date
            answer = self.of_date(u, answer, lang)
        if not answer.answered and u.intent == "out_of_scope" and WHICH_SCHEME.search(u.folded):
            answer = self.scheme_of_passage(u, answer, lang)
        if ADDRESS_ASK.search(u.folded):
            # 'hvilken e-post for teknisk hjelp?': the address given, not the office mailbox too
            answer = replace(answer, paragraphs=one_address(answer.paragraphs, lang))
        # 'hvem var helseminister …?': a title the sources name nobody by
        return self.role_unnamed(u, answer) or answer

    def legal_advice(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Decline legal advice, and give what the sources say of appeals of the scheme asked."""
        lines = [t("legal", lang)]
        sources: list[Provenance] = []
        sid = u.scheme if u.scheme in self.kb.schemes else None
        if sid is not None and any(f.topic is Topic.APPEAL for f in self.kb.schemes[sid].facts):
            said = self.topic_facts(replace(u, intent="appeal"), today, lang, [Topic.APPEAL])
            lines += [t("legal_known", lang), *said.paragraphs]
            sources = list(said.sources)
        return self.answer(u, lang, lines, sources=sources, answered=False, scheme=sid)

    def rateless_named(self, u: Understanding) -> bool:
        """Whether a declined figure question names, by two words of its names, one scheme the
        sources give no rates for ('kompensasjon' and 'fastleger' of the GPs' compensation)."""
        if u.unknown or not u.scheme or u.scheme not in self.kb.schemes:
            return False
        if len(u.schemes_mentioned) != 1 or u.trigger_intent not in FIGURE_INTENTS:
            return False
        scheme = self.kb.schemes[u.scheme]
        if any(r.kind in RATE_KINDS for r in scheme.rules):
            return False
        names = {
            w[:6]
            for n in scheme.names.all()
            for w in re.findall(r"[a-z]+", fold(n))
            if len(w) >= 6 and w not in self.plain_words
        }
        asked = {w[:6] for w in re.findall(r"[a-z]+", u.folded) if len(w) >= 6}
        return len(names & asked) >= 2

    def quoted_fact(self, u: Understanding, lang: Lang) -> Answer | None:
        """'Hva menes med «Den gylne regel»?': the one source text (of the scheme named, if
        any) that prints the phrase the question quotes, however low its look-up score."""
        m = QUOTED_PHRASE.search(u.text)
        if m is None:
            return None
        phrase = " ".join(re.findall(r"[a-z0-9]+", fold(m.group(0))))
        if not phrase or f" {phrase} " in self.name_text:
            return None
        found: list[tuple[Fact, str]] = []
        for sid, scheme in self.kb.schemes.items():
            if u.schemes_mentioned and sid not in u.schemes_mentioned:
                continue
            for fact in scheme.facts:
                words = " ".join(re.findall(r"[a-z0-9]+", fold(fact.text)))
                if f" {phrase} " in _padded(words) and all(f.text != fact.text for f, _ in found):
                    found.append((fact, sid))
        if len(found) != 1:
            return None
        fact, sid = found[0]
        return self.quote_passage(
            u, lang, (text_in(fact, lang), fact, sid, bool(lang == "en" and fact.text_en))
        )

    def scheme_of_passage(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """'fact ung hvilken ordning?': the scheme of the one sentence that names the thing,
        named and the sentence quoted; a weak or shared match leaves the decline."""
        if not u.passage_strong or not u.passages or u.passages[0][1] < 0.45:
            return answer
        found = self.passage_item(u.passages[0][0], lang)
        if found is None or found[2] is None:
            return answer
        quoted = self.quote_passage(u, lang, found)
        name = self.name(found[2], lang)
        lead = f"Det gjelder {name}." if lang == "nb" else f"It is the {name}."
        return replace(quoted, paragraphs=[lead, *quoted.paragraphs], scheme=found[2])

    def count_of_scheme(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """A declined 'hvor mange X …?' of a named scheme: the one fact of that scheme (and of
        the year asked, if any) that gives a number of X and shares another of the question's
        words ('136 kommuner er ikke omfattet av ordningen'), quoted with its office and date."""
        asked = HOW_MANY.search(u.folded)
        sid = u.scheme
        if asked is None or sid not in self.kb.schemes:
            return answer
        noun = asked.group(1)
        if noun in self.function_words:
            return answer
        stem = re.escape(noun[: max(3, min(len(noun) - 1, 5))])
        counts = re.compile(rf"\b\d[\d\s]*\s+(?:\w+\s+)?{stem}")
        own = " ".join(_padded(fold(n)) for n in self.kb.schemes[sid].names.all())
        words = {
            w
            for w in re.findall(r"[a-z]+", u.folded)
            if len(w) >= 4
            and w not in self.function_words
            and not w.startswith(noun[:5])
            and f" {w} " not in own
        }
        year = u.slots.get("year")
        found: list[tuple[str, Fact]] = []
        for fact in self.kb.schemes[sid].facts:
            if isinstance(year, int) and not fact.years.contains(year):
                continue
            text = text_in(fact, lang)
            folded = fold(f"{fact.text} {fact.text_en or ''}")
            # a word shared as written or inflected ('cover', 'covered')
            said = {w[:5] for w in re.findall(r"[a-z]+", folded) if len(w) >= 4}
            if counts.search(fold(text)) and any(w[:5] in said for w in words):
                found.append((text, fact))
        if len(found) != 1:
            return answer
        text, fact = found[0]
        return self.quote_passage(u, lang, (text, fact, sid, bool(lang == "en" and fact.text_en)))

    def counted_premise(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """A premise stating a count of something ('stemmer det at 136 kommuner ikke var med?')
        that one fact of the named scheme states with that number and most of the premise's
        words: yes, with that sentence quoted; any other answer is left as it is."""
        m = COUNT_STATED.search(u.folded)
        sid = str(u.scheme)
        if m is None or not isinstance(u.slots.get("year", 0), int):
            return answer
        number, noun = m.group(1), m.group(2)
        if noun in self.function_words or extract_money(u.folded) is not None:
            return answer
        stem = re.escape(noun[: max(3, min(len(noun) - 1, 5))])
        stated = re.compile(rf"\b{number}\s+(?:\w+\s+)?{stem}")
        claim = PREMISE.split(u.folded, maxsplit=1)[-1]
        # the scheme's name, said in the question, is left out of its sentence
        own = " ".join(_padded(fold(n)) for n in self.kb.schemes[sid].names.all())
        words = [
            w
            for w in re.findall(r"[a-z0-9]+", claim)
            if (w.isdigit() or len(w) >= 3)
            and w not in self.function_words
            and w != "at"
            and f" {w} " not in own
        ]
        found: dict[str, Fact] = {}
        for fact in self.kb.schemes[sid].facts:
            text = text_in(fact, lang)
            folded = fold(text)
            if stated.search(folded) and says_condition(words, folded):
                found.setdefault(text, fact)
        if len(found) != 1:
            return answer
        [(text, fact)] = found.items()
        quoted = self.quote_passage(u, lang, (text, fact, sid, bool(lang == "en" and fact.text_en)))
        quoted.paragraphs.insert(0, t("premise_yes", lang))
        return quoted

    def of_date(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """A declined question naming a date ('the letter of 18 December 2015'): the one
        source text that names that date in figures, quoted with its office and date, of the
        scheme named if any."""
        asked = u.slots["date"]
        found: list[tuple[Fact, str]] = []
        for sid, scheme in self.kb.schemes.items():
            if u.schemes_mentioned and sid not in u.schemes_mentioned:
                continue
            for fact in scheme.facts:
                folded = fold(fact.text)
                days = {extract_date(m.group(0)) for m in NUMERIC_DATE.finditer(folded)}
                if asked in days and all(fact.text != f.text for f, _sid in found):
                    found.append((fact, sid))
        if len(found) != 1:
            return answer
        fact, sid = found[0]
        return self.quote_passage(
            u, lang, (text_in(fact, lang), fact, sid, bool(lang == "en" and fact.text_en))
        )

    def doc_reference(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """'Hvilken prop. bygger opptrappingsplanen på?': the source sentence naming the
        parliamentary document ('Prop. 15 S (2015–2016) …') that shares most of the question's
        words, from any scheme's facts, quoted first."""
        own = self.kb.schemes.get(answer.scheme or "")
        names = [fold(n) for n in own.names.all()] if own is not None else []
        best: tuple[int, str, Sourced, str] | None = None
        for sid, scheme in self.kb.schemes.items():
            for fact in scheme.facts:
                found = doc_ref_sentence(u.folded, text_in(fact, lang), self.plain_words)
                if found is None or (best is not None and found[0] <= best[0]):
                    continue
                ref = DOC_REF.search(found[1])
                # another scheme's sentence counts when it shares two of the question's words
                # or names the answered scheme's document ('Prop. 15 S' of the plan)
                named = ref is not None and any(fold(ref.group(0)) in n for n in names)
                if sid == answer.scheme or found[0] >= 2 or named:
                    best = (found[0], found[1], fact, sid)
        if best is None:
            return answer
        _shared, sentence, item, sid = best
        prov = self.kb.provenance(item)
        name = asof.scheme_name(self.kb, sid, lang)
        line = (
            f"Kildene sier om {name}: «{sentence}»"
            if lang == "nb"
            else f"The sources say of {name}: «{sentence}»"
        )
        if not answer.answered:
            return self.answer(u, lang, [line], sources=[prov], scheme=sid)
        answer.paragraphs.insert(0, line)
        answer.sources = unique_sources([prov, *answer.sources])
        return answer

    def dated_fact(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """'Når sendte helseministeren brevet?', 'hvilken dato …', 'hvilket brev …': the date
        of the sentence the card quotes, else of the answered scheme's facts or, where the card
        declined, of the strong look-up passage that clearly answers."""
        found = (
            dated_sentence(u.folded, answer.paragraphs, self.plain_words)
            if answer.answered
            else None
        )
        source = None
        if found is None and (WHEN_ASK.search(u.folded) or LETTER_ASK.search(u.folded)):
            for text, item, sid in self.dated_candidates(u, answer, lang):
                found = dated_sentence(u.folded, [text], self.plain_words)
                if found is not None:
                    source = (item, sid)
                    break
        if found is None and not answer.answered and not u.unknown and LETTER_WORD.search(u.folded):
            # 'hvem skrev brevet til landets ordførere, og når?', declined by a card of the plan
            # it names: the one dated sentence of any scheme about that letter
            dated = [
                (hit, fact, sid)
                for sid, scheme in self.kb.schemes.items()
                for fact in scheme.facts
                for hit in [dated_sentence(u.folded, [text_in(fact, lang)], self.plain_words)]
                if hit is not None and LETTER_WORD.search(fold(hit[1]))
            ]
            if len({hit for hit, _fact, _sid in dated}) == 1:
                found, source = dated[0][0], (dated[0][1], dated[0][2])
        if found is None or fmt.long_date(found[0], lang) in answer.text:
            return answer
        day, sentence = found
        line = f"{fmt.long_date(day, lang)}: «{sentence}»"
        if source is not None and not answer.answered:
            prov = self.kb.provenance(source[0])
            return self.answer(u, lang, [line], sources=[prov], scheme=source[1])
        answer.paragraphs.insert(0, line)
        if source is not None:
            answer.sources = unique_sources([self.kb.provenance(source[0]), *answer.sources])
        return answer

    def dated_candidates(
        self, u: Understanding, answer: Answer, lang: Lang
    ) -> list[tuple[str, Sourced, str | None]]:
        """The texts a date asked of a fact may be read from: an answered card's scheme's
        facts; for a decline, the look-up's best passage when strong and clearly matching."""
        if answer.answered:
            sid = answer.scheme
            if sid not in self.kb.schemes:
                return []
            return [(text_in(f, lang), f, sid) for f in self.kb.schemes[sid].facts]
        if not u.passage_strong or not u.passages or u.passages[0][1] < PASSAGE_ASKED:
            return []
        found = self.passage_item(u.passages[0][0], lang)
        if found is None or (u.schemes_mentioned and found[2] not in u.schemes_mentioned):
            return []
        return [(found[0], found[1], found[2])]

    def _compose(self, u: Understanding, today: dt.date) -> Answer:
        """Pick the answer family for an understood question."""
        lang: Lang = "en" if u.lang == "en" else "nb"
        foreign = self.foreign_office(u) or self.foreign_country(u)
        if foreign is not None:
            return foreign
        still = self.document_still_valid(u, lang)
        if still is not None:
            # 'er 2022-oppdateringen fortsatt gjeldende?': nothing the sources can say
            return still
        if LEGAL_ASK.search(u.folded):
            # 'kan vi saksøke staten hvis vi får avslag?': no legal advice; what the sources
            # say of appeals, when they say something of the scheme asked
            return self.legal_advice(u, today, lang)
        if ADVICE_ASK.search(u.folded):
            # 'bør vi søke A eller B – hva anbefaler du?': advice the sources cannot give
            return self.answer(u, lang, [t("advice", lang)], answered=False)
        if u.intent == "out_of_scope" or u.confidence < CONFIDENCE_THRESHOLD:
            # 'e-posten til Arild Bækkevold?': a contact person the sources name
            named = self.contact_detail(u, lang, list(self.kb.offices))
            if named is not None:
                return named
        if u.intent in ("out_of_scope", "faq") or u.confidence < CONFIDENCE_THRESHOLD:
            # 'hvem holdt søknadsverkstedet hos Statsforvalteren i Innlandet?': a document
            # named by its title, however weakly the words read as an intent, and before a
            # sentence that only shares the office's name
            document = self.source_document(u, lang)
            if document is not None:
                return document
        if (
            (u.intent == "out_of_scope" and not u.unknown)
            or (u.intent == "list_schemes" and not u.schemes_mentioned)
            or (u.intent == "scheme_info" and not u.scheme)
            or QUOTED_PHRASE.search(u.text)
        ):
            # a phrase of the question printed word for word in a matching source sentence
            # ('hvor finner vi en oversikt over innovasjonsverktøy?' is no list of schemes)
            quoted = self.quoted_fact(replace(u, intent="faq"), lang) or self.phrase_passage(
                replace(u, intent="faq"), lang
            )
            if quoted is not None:
                return quoted
        if u.intent == "out_of_scope" and self.rateless_named(u):
            # 'hvor mye kompensasjon får fastleger ved koronafravær?': a scheme without rates
            # named by its words, not one everyday word ('egenandelen hos fastlegen')
            return self.no_rates(u, lang, asof.scheme_name(self.kb, str(u.scheme), lang))
        if u.intent == "out_of_scope":
            return self.dont_know(u, lang)
        if u.confidence < CONFIDENCE_THRESHOLD:
            answer = self.dont_know(u, lang)
            answer.paragraphs.insert(0, t("unsure", lang))
            return answer
        if u.intent == "appropriation":
            # 'hvor mange hele årsverk i år 1 ville Innlandet-potten i 2021 dekket?'
            counted = self.positions_of_appropriation(u, lang)
            if counted is not None:
                return counted
        handler = self.handlers.get(u.intent)
        if handler is None:
            return self.dont_know(u, lang)
        if u.intent == "list_schemes" and "year" in u.slots and DEADLINE_WORD.search(u.folded):
            # 'hvilke tilskudd har frist i februar 2022?': the deadlines of the year, not a list
            handler = self.deadline
        per_unit = self.per_unit(u) or self.rate_of_rateless(u, lang)
        if per_unit is not None:
            return per_unit
        if u.intent in FRAMEWORK_INTENTS:
            # 'hvilket fylke hadde flest barn i barnevernstiltak?': no table counts them
            uncounted = self.uncounted(u, lang)
            if uncounted is not None:
                return uncounted
        document = self.document_to_deadline(u, lang)
        if document is not None:
            # 'hvor mange dager før fristen ble Agder-presentasjonen holdt?'
            return document
        apart = self.deadlines_apart(u, lang)
        if apart is not None:
            # 'hvor mange dager mellom søknadsfristen og rapporteringsfristen i 2021?'
            return apart
        limit = u.slots.get("claimed_limit")
        if limit is not None and (u.intent in FIGURE_INTENTS or u.intent == "scheme_info"):
            # 'er det et tak på 5 årsverk per kommune?': a limit the sources never give
            declined = self.unsaid_limit(u, str(limit), lang)
            if declined is not None:
                return declined
        if u.slots.get("claimed_extra") and u.intent not in COUNTED_INTENTS:
            # 'ekstra tilskudd hvis de samarbeider?': more money on a condition never stated
            declined = self.unsaid_extra(u, lang)
            if declined is not None:
                return declined
        claimed = u.slots.get("claimed_percent")
        if claimed is not None and u.intent not in COUNTED_INTENTS:
            # 'får kommunen 20 % ekstra hvis den samarbeider?' asks that change, whatever the
            # passage about cooperation says; tables and appropriations count their own figures
            # 'får distriktskommuner 20 % påslag?': a change to the grant the sources never give
            declined = self.unsaid_change(u, str(claimed), lang)
            if declined is not None:
                return declined
        if (
            u.intent in FRAMEWORK_INTENTS
            and "municipality" not in u.slots
            and PROSE_ASK.match(u.folded)
            and not MONEY_ASK.search(u.folded)
        ):
            # 'hva bør økningen i rammen gjenspeiles i?': what the plan's slides say, no sum
            quoted = self.scheme_passage(u, lang, FRAMEWORK_SCHEME)
            if quoted is not None:
                return quoted
        allocated = self.allocation(u, today, lang)
        if allocated is not None:
            return allocated
        if (
            u.intent in COVER_INTENTS
            and COVER_ASK.search(u.folded)
            and len(u.schemes_mentioned) == 1
        ):
            # 'Dekker NAV-tilskuddet utstyr?': a thing the sources never name is not known
            unsaid = self.unsaid_cost(u, u.schemes_mentioned[0])
            if unsaid is not None:
                return self.cost_not_named(u, today, lang, u.schemes_mentioned[0], unsaid)
        answer = self.with_passage(u, handler(u, today, lang), lang)
        if (
            u.intent in FRAMEWORK_INTENTS
            and not answer.answered
            and not any(k in u.slots for k in ("municipality", "group", "place", "county"))
            and (u.passage_explains or (u.passage_covers and u.passage_score >= PASSAGE_ASKED))
        ):
            # 'hvor mye ytterligere økning i rammen nevnes, og videreføres de øremerkede
            # tilskuddene?': no municipality to ask for when a sentence of the plan says it
            # (or holds every content word of 'hvor mye var ytterligere økning i rammen?')
            quoted = self.scheme_passage(u, lang, FRAMEWORK_SCHEME)
            if quoted is not None:
                return quoted
        answer = self.after_grant_end(u, self.counted(u, answer, lang), today, lang)
        answer = premise_verdict(u.folded, self.no_average(u, answer, lang), lang)
        answer = condition_verdict(u.folded, answer, lang)
        answer = exclusion_verdict(u.folded, answer, lang, self.function_words)
        answer = permission_verdict(u.folded, answer, lang)
        return requirement_verdict(u.folded, answer, lang)

    def no_average(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """Say that no average is computed when one is asked; the figures shown are not one."""
        padded = _padded(u.folded)
        if not answer.answered or not any(f" {w} " in padded for w in self.words["average"]):
            return answer
        if u.intent in FIGURE_INTENTS:
            return answer  # the figures work out an average per year themselves, or decline it
        lead = (
            "Jeg regner ikke ut gjennomsnitt, og kildene oppgir ikke noe gjennomsnitt for dette. "
            "Dette er tallene kildene gir:"
            if lang == "nb"
            else "I do not compute averages, and the sources give no average for this. These "
            "are the figures the sources give:"
        )
        answer.paragraphs.insert(0, lead)
        answer.answered = False
        return answer
