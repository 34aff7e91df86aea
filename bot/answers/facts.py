"""Answers from the sources' prose: topic facts, passages, FAQ, scheme lists and help."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from bot import asof, fmt
from bot.answer import Answer, Option, unique_sources
from bot.answers.common import (
    COST_ASKED,
    COST_GENERIC,
    COVER_ASK,
    COVER_IGNORED,
    DOC_ASK,
    HOW_MANY,
    INTENT_TOPICS,
    LIMIT_WORDS,
    NO_FACTS_LEADS,
    NUMBER_WORDS,
    PASSAGE_ALONE,
    PASSAGE_ASKED,
    PASSAGE_FREE,
    PASSAGE_SCORE,
    PERSON,
    RATE_KINDS,
    SUMMARY_PASSAGE,
    SUMMARY_STRONG,
    TABLE_REF,
    _padded,
    _says,
    content_phrases,
    heading,
    names_document,
    office_in,
    t,
    text_in,
)
from bot.answers.contacts import ContactAnswers
from bot.answers.deadlines import DeadlineAnswers
from bot.answers.declines import DeclineAnswers
from bot.cards import rule_lines
from bot.text import fold, lazy_pattern
from bot.understanding.normalise import _stem
from bot.understanding.patterns import BEYOND, GRANT_WORDS, HOW_MANY_YEARS, KIND_ACCOUNTS
from bot.understanding.query import Understanding
from bot.vocab import TOPIC_LABELS, Lang, word
from knowledge.kb import Provenance
from knowledge.schema import Fact, LadderRule, Scheme, Sourced, TextRule, Topic

# a number in a sentence, in figures or words, and the words after it ('12 søknader')
COUNT_IN_TEXT = lazy_pattern(
    r"\b(?:\d[\d ]*|to|tre|fire|fem|seks|sju|syv|atte|ni|ti|tolv|tjue|hundre|"
    r"two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred)"
    r"((?:\s+[a-z]+){1,3})"
)


def counts(text: str, noun: str) -> bool:
    """Whether a folded text gives a number of the noun a count question asks about."""
    stem = noun[:5]
    return any(
        any(w.startswith(stem) for w in m.group(1).split()) for m in COUNT_IN_TEXT.finditer(text)
    )


# 'hvor mange år har gått siden …', 'how many years ago': time elapsed, not a grant's period
SINCE = lazy_pattern(r"\b(?:siden|sidan|since|ago)\b")

# the heading of a section of a source text ('Tidsperiode: …', 'Signaler fra Direktoratet: …')
# ('Regelverket 2018 (under utarbeidelse): …' is headed 'Regelverket 2018', its state in brackets)
HEADING = lazy_pattern(r"^\s*([^:\n.?!«»()]{3,45}?)\s*(?:\([^()\n]{1,40}\))?:")

# a neighbouring passage scoring this share of the best is quoted with it
NEIGHBOUR_SHARE = 0.9

# an answer that is only a yes or a no and a few words: it is quoted with its question
BARE_REPLY = lazy_pattern(r"^\s*(?:ja|nei|yes|no)\b[,.:;!]?(?:\s+\S+){0,6}\s*$", re.IGNORECASE)

# topics whose statements stand until the sources change them
STANDING_INTENTS = ("purpose",)

# a share in per cent named with the own share ('minst 20 % egenandel', 'own share of 25 %')
_PERCENT = r"(?P<{g}>\d+(?:[.,]\d+)?)\s*(?:%|prosent|per cent|percent)"
_SHARE = r"(?:egenandel\w*|egenfinansier\w*|medfinansier\w*|own share|co-?financ\w*)"
CLAIMED_SHARE = lazy_pattern(
    rf"{_PERCENT.format(g='a')}\s+(?:\w+\s+){{0,2}}{_SHARE}"
    rf"|{_SHARE}\s+(?:\w+\s+){{0,3}}{_PERCENT.format(g='b')}"
)

# a percentage claimed in an own-share question that names no share word ('minst 30 % av
# lønnskostnaden selv')
_CLAIMED_OWN_PERCENT = lazy_pattern(rf"{_PERCENT.format(g='a')}")

# 'hvor oppdatert er informasjonen?', 'how up to date are your sources?': the sources' age
FRESHNESS_ASK = lazy_pattern(
    r"\b(?:hvor|kor)\s+(?:oppdatert\w*|ny|nye|fersk\w*|gammel|gamle|aktuell\w*)\b"
    r"|\bsist\s+oppdatert|\bhow\s+(?:up[ -]to[ -]date|current|old|recent|new)\b"
    r"|\blast\s+updated\b"
)


# 'egenandelen i prosent av lønnskostnaden', 'hvor mange prosent', 'as a percentage': the own
# share asked for as a percentage, which only a cost stated makes one
ASKED_PERCENT = lazy_pattern(
    r"\b(?:i prosent|i prosentandel|hvor mange prosent|hvor mange %|hvilken prosent\w*|"
    r"kor mange prosent|prosentandel\w*|prosentsats\w*|prosentvis|what percentage|"
    r"which percentage|as a percentage|in per ?cent|what per ?cent|how many per ?cent)\b"
)


# a text that speaks of the report ('Rapporteringen inkluderer …', 'Rapportering for 2020')
REPORT_WORD = lazy_pattern(r"\brapport\w*")


def names_grant(word: str, names: list[str]) -> bool:
    """Whether a word is a scheme's name joined to a grant word ('rusarbeidstilskuddet')."""
    for name in names:
        if len(name) >= 4 and " " not in name and word.startswith(name):
            tail = word[len(name) :]
            if tail in COVER_IGNORED or (tail[1:] in COVER_IGNORED and tail[:1] in "se"):
                return True
    return False


class FactAnswers(DeclineAnswers, DeadlineAnswers, ContactAnswers):
    """Answer from the sources' prose."""

    def with_passage(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """Put first the source sentence that answers the question when the card lacks it.

        A topic card can be the right scheme's and still miss the sentence asked about ('Hva
        går «den gylne regel» ut på?'); the look-up's best passage, when it clearly matches
        the question and is of the scheme the answer is about, is quoted with its source. A
        scheme's summary card answers no question of its own, so beside it a passage that
        matches fairly well is enough ('hvor ble utlysningen publisert?').
        """
        gave_up = bool(answer.options and not u.schemes_mentioned) or any(
            p == t("dont_know", lang) or p.startswith(NO_FACTS_LEADS) for p in answer.paragraphs
        )
        before = list(answer.paragraphs)
        found = self.passage_quote(u, answer, lang, gave_up)
        quoted = found is not answer or found.paragraphs != before
        # the sections whose heading the question names, beside the sentence quoted or alone
        headed = self.headed_quote(u, found, lang, gave_up and not quoted)
        return headed if headed is not None else found

    def passage_quote(self, u: Understanding, answer: Answer, lang: Lang, gave_up: bool) -> Answer:
        """Quote the look-up's best passage where the card lacks it (see with_passage)."""
        if not u.passages:
            return answer
        if not answer.answered and gave_up and u.intent not in PASSAGE_FREE:
            # the card has nothing or asks back, but a sentence holds the question's phrase
            quoted = self.phrase_passage(u, lang)
            if quoted is not None:
                return quoted
        key, score = u.passages[0]
        summary = u.intent == "scheme_info" and answer.answered
        # 'hva omfatter avgrensning A?' read as 'not funded' finds no such facts, but the named
        # scheme's sentence the question's words match answers it (a strong match of two
        # distinctive words or a concept is enough: 'hva skjer hvis rapporteringen viser at
        # kommunene ikke følger opp?' of 'Dersom resultatrapporteringen viser manglende
        # oppfølging i kommunene, …')
        topic_gap = (
            not answer.answered
            and bool(u.schemes_mentioned)
            and (score >= PASSAGE_ASKED or (u.passage_strong and score >= PASSAGE_SCORE))
            and any(p.startswith(NO_FACTS_LEADS) for p in answer.paragraphs)
        )
        # an FAQ entry whose question says what the asker says is the source's own answer
        asked_faq = key.startswith("faq:") and answer.answered and score >= PASSAGE_ALONE
        # beside a summary card, a sentence holding every content word of the question answers
        # it though its length lowers its score
        beside = summary and (
            score >= SUMMARY_PASSAGE or (u.passage_covers and score >= SUMMARY_STRONG)
        )
        if not (u.passage_strong or topic_gap or asked_faq or beside):
            return answer
        generic = bool(answer.paragraphs) and answer.paragraphs[0] == t("dont_know", lang)
        # 'Hvilken ordning gjelder det?' asks back; a sentence that clearly answers needs no scheme
        asks_back = bool(answer.options) and not u.schemes_mentioned
        alone = PASSAGE_ASKED if asks_back else PASSAGE_ALONE
        if not answer.answered and not topic_gap and (score < alone or not (generic or asks_back)):
            # a decline that says what is missing stays; only 'det vet jeg ikke' gives way
            return answer
        if u.intent in PASSAGE_FREE or (u.intent == "appropriation" and "operation" in u.slots):
            return answer
        if score < (SUMMARY_STRONG if summary else PASSAGE_SCORE):
            return answer
        found = self.passage_item(key, lang)
        if found is None:
            return answer
        text, item, sid, english = found
        # a sentence about another scheme, or about none when one is named, is never borrowed
        if u.schemes_mentioned and sid not in u.schemes_mentioned:
            return answer
        body = " ".join(answer.paragraphs)
        if text[:60] in body:
            return answer
        if answer.answered and self.shows_table_of(text, body):
            # a sentence pointing to the table the answer reads its figure from ('… «375 i
            # ramma» … (se tabellen opptrappingsplan-nasjonal-ramme)') says the year's
            # figure no better, and its other years' figures only confuse
            return answer
        text = self.with_neighbour(u, key, score, text, lang)
        prov = self.kb.provenance(item)
        office = prov.office_name_en or prov.office_name
        date = prov.date_text_en or prov.date_text
        quote = (
            f"Kilden sier ({prov.office_name}, {prov.date_text}): «{text}»"
            if lang == "nb"
            else f"The source says ({office}, {date}): «{text}»"
            if english
            else f"The source says ({office}, {date}), in Norwegian: «{text}»"
        )
        if not answer.answered:
            # the card declined, but one source sentence clearly answers: that sentence alone
            return self.answer(u, lang, [quote], sources=[prov], scheme=sid)
        answer.paragraphs.insert(0, quote)
        answer.sources = unique_sources([prov, *answer.sources])
        return answer

    def with_neighbour(
        self, u: Understanding, key: str, score: float, text: str, lang: Lang
    ) -> str:
        """A passage's text with the one printed next to it in the same source, when that one
        matches the question nearly as well ('Vi oppfordrer NAV-kontor til …' beside
        'Eksempler fra satsninger og strategier NAV-kontorene oppfordres til …'), in the
        source's order."""
        kind, _, rest = key.partition(":")
        if kind != "fact" or len(u.passages) < 2:
            return text
        other, other_score = u.passages[1]
        okind, _, orest = other.partition(":")
        sid, _, index = rest.partition(":")
        osid, _, oindex = orest.partition(":")
        if okind != "fact" or osid != sid or abs(int(index) - int(oindex)) != 1:
            return text
        if other_score < NEIGHBOUR_SHARE * score:
            return text
        facts = self.kb.schemes[sid].facts
        first, second = sorted((int(index), int(oindex)))
        if facts[first].source != facts[second].source or facts[first].years != facts[second].years:
            return text
        return "\n".join(text_in(facts[i], lang) for i in (first, second))

    def shows_table_of(self, text: str, body: str) -> bool:
        """Whether an answer shows a table a source text refers to ('se tabellen X')."""
        for m in TABLE_REF.finditer(text):
            table = self.kb.tables.get(m.group(1))
            if table is not None and (table.title in body or (table.title_en or "\0") in body):
                return True
        return False

    def headed_quote(
        self, u: Understanding, answer: Answer, lang: Lang, gave_up: bool
    ) -> Answer | None:
        """Quote the named scheme's section whose heading the question names ('Tidsperiode:').

        A source sentence headed 'Tidsperiode:', 'Avgrensninger:' or 'Signaler fra
        Direktoratet:' is what a question naming that heading asks about ('hva er
        tidsperioden?', 'avgrensningene', 'ifølge signalene fra Direktoratet'), whatever
        other words it uses. It is quoted first beside a summary card or a topic card that
        lacks it, and alone where the card found nothing.
        """
        # no scheme named: the schemes of the strong passages that explain the question ('de to
        # avgrensningene i det nye regelverket direktoratet signaliserte i 2018?')
        named = u.schemes_mentioned or (
            list(
                dict.fromkeys(
                    rest.split(":")[0]
                    for key, score in u.passages[:4]
                    for kind, _, rest in [key.partition(":")]
                    if kind == "fact" and score >= PASSAGE_SCORE
                )
            )
            if u.passage_strong
            else []
        )
        if u.intent in PASSAGE_FREE or not named:
            return None
        if not (u.intent == "scheme_info" or gave_up or u.intent in INTENT_TOPICS):
            return None
        asked = {_stem(w) for w in re.findall(r"[a-z]+", u.folded) if len(w) >= 4}
        year = u.slots.get("year")
        body = " ".join(answer.paragraphs)
        found: list[tuple[str, Fact]] = []
        for sid in named:
            # a word of the scheme's own name tells which scheme, not which section
            own = " ".join(_padded(fold(n)) for n in self.kb.schemes[sid].names.all())
            for fact in self.kb.schemes[sid].facts:
                if year is not None and not fact.years.contains(year):
                    continue
                # the heading as printed, or, asked in English, as the English text gives it
                heads = [HEADING.match(fact.text)]
                if lang == "en" and fact.text_en:
                    heads.append(HEADING.match(fact.text_en))
                heading_named = False
                for head in heads:
                    if head is None:
                        continue
                    if answer.answered and "(" in head.group(0) and head.group(0) in body:
                        # a heading with its state in brackets ('Regelverket 2018 (under
                        # utarbeidelse):') whose section the card quotes: the one it chose
                        continue
                    words = [
                        w
                        for w in re.findall(r"[a-z]+", fold(head.group(1)))
                        if len(w) >= 4
                        and w not in self.plain_words
                        and not w.startswith(GRANT_WORDS)
                        and f" {w} " not in own
                    ]
                    heading_named = heading_named or (
                        bool(words) and all(_stem(w) in asked for w in words)
                    )
                # (the same section of two schemes once)
                text = text_in(fact, lang)
                said = {text_in(f, lang) for _sid, f in found}
                if heading_named and text[:60] not in body and text not in said:
                    found.append((sid, fact))
        if not found:
            return None
        quotes, sources = [], []
        for _sid, fact in found[:3]:
            prov = self.kb.provenance(fact)
            text = text_in(fact, lang)
            english = lang == "en" and fact.text_en is not None
            office = prov.office_name_en or prov.office_name
            date = prov.date_text_en or prov.date_text
            quotes.append(
                f"Kilden sier ({prov.office_name}, {prov.date_text}): «{text}»"
                if lang == "nb"
                else f"The source says ({office}, {date}): «{text}»"
                if english
                else f"The source says ({office}, {date}), in Norwegian: «{text}»"
            )
            sources.append(prov)
        if not answer.answered or gave_up:
            one = found[0][0] if len({of for of, _f in found}) == 1 else None
            return self.answer(u, lang, quotes, sources=sources, scheme=one)
        answer.paragraphs[0:0] = quotes
        answer.sources = unique_sources([*sources, *answer.sources])
        return answer

    def passage_item(self, key: str, lang: Lang) -> tuple[str, Sourced, str | None, bool] | None:
        """Return a look-up passage's text in the answer language, its item, scheme and English."""
        kind, _, rest = key.partition(":")
        if kind == "faq":
            entry = self.kb.faq.get(rest)
            if entry is None:
                return None
            english = lang == "en" and entry.answer_en is not None
            said = entry.answer_en if english and entry.answer_en else entry.answer
            if BARE_REPLY.match(said):
                # 'Ja, stikkord: opprettholde kapasitet.' says nothing without its question
                asked = entry.question_en if english and entry.question_en else entry.question
                said = f"{asked} {said}"
            return said, entry, entry.scheme, english
        sid, _, ref = rest.partition(":")
        if sid not in self.kb.schemes:
            return None
        scheme = self.kb.schemes[sid]
        item: Fact | TextRule | None = None
        if kind == "fact":
            item = scheme.facts[int(ref)]
        elif kind == "rule":
            item = next((r for r in scheme.rules if isinstance(r, TextRule) and r.id == ref), None)
        if item is None:
            return None
        return text_in(item, lang), item, sid, lang == "en" and item.text_en is not None

    def phrase_passage(self, u: Understanding, lang: Lang) -> Answer | None:
        """Quote the source sentence that holds a phrase of the question word for word.

        'Hva er «Den gylne regel»?', 'strategien Mestre hele livet', 'oversikt over
        innovasjonsverktøy': two or more content words in a row, printed so in a matching
        passage of the scheme asked about (or of any, when none is named), name what the
        sentence is about; names of schemes alone do not count.
        """
        phrases = [
            p for p in content_phrases(u.folded, self.plain_words) if f" {p} " not in self.name_text
        ]
        if not phrases:
            return None
        asked = HOW_MANY.search(u.folded)
        counted = asked.group(1) if asked and not HOW_MANY_YEARS.search(u.folded) else None
        for key, score in u.passages[:3]:
            if score < PASSAGE_SCORE:
                continue
            found = self.passage_item(key, "nb")
            if found is None:
                continue
            text, _item, sid, _english = found
            if u.schemes_mentioned and sid not in u.schemes_mentioned:
                continue
            quoted = self.passage_item(key, lang) if lang != "nb" else None
            # the phrase as printed in the Norwegian text or, asked in English, in its English
            padded = _padded(fold(text)) + (_padded(fold(quoted[0])) if quoted else "")
            if counted is not None and not counts(padded, counted):
                # 'hvor mange søknader kom inn til Statsforvalteren i Innlandet?': a sentence
                # that shares the office's name but counts nothing does not answer a count
                continue
            if any(f" {p} " in padded for p in phrases):
                return self.quote_passage(u, lang, quoted or found)
        return None

    def scheme_passage(self, u: Understanding, lang: Lang, sid: str) -> Answer | None:
        """Quote the best look-up passage of one scheme, when it matches well enough."""
        for key, score in u.passages[:3]:
            if score < PASSAGE_SCORE:
                break
            found = self.passage_item(key, lang)
            if found is not None and found[2] == sid:
                return self.quote_passage(u, lang, found)
        return None

    def source_document(self, u: Understanding, lang: Lang) -> Answer | None:
        """'Når var søknadsverkstedet?', 'hvem holdt det?': a source document's date and office.

        A document is named by the head of its title ('Søknadsverksted: …', 'Kunngjøring
        2020: …'); a question asking when or who of it gets the document's office, date and
        the people it names.
        """
        if not DOC_ASK.match(u.folded):
            return None
        tokens = re.findall(r"[a-z0-9]+", u.folded)
        for doc in self.kb.sources.values():
            if not self.names_document(tokens, doc.title) and not (
                doc.title_en and self.names_document(tokens, doc.title_en)
            ):
                continue
            office = self.kb.offices[doc.office]
            people = [
                c
                for c in office.contacts
                if c.source == doc.file and c.email and PERSON.fullmatch(c.name or "")
            ]
            title = (doc.title_en or doc.title) if lang == "en" else doc.title
            when = (doc.date_text_en or doc.date_text) if lang == "en" else doc.date_text
            named = ", ".join(f"{c.name} ({c.email})" for c in people)
            line = (
                f"«{title}» er fra {office.name}, {when}."
                + (f" Kontakt i kilden: {named}." if named else "")
                if lang == "nb"
                else f"«{title}» is from {asof.office_name(office, lang)}, {when}."
                + (f" Contact named in the source: {named}." if named else "")
            )
            prov = [self.kb.provenance(c) for c in people[:1]]
            return self.answer(replace(u, intent="faq"), lang, [line], sources=prov)
        return None

    @staticmethod
    def names_document(tokens: list[str], title: str) -> bool:
        """Whether a question's words name a document by its title's head ('Søknadsverksted:')."""
        return names_document(tokens, title)

    def quote_passage(
        self, u: Understanding, lang: Lang, found: tuple[str, Sourced, str | None, bool]
    ) -> Answer:
        """An answer of one source sentence, quoted with its office and date."""
        text, item, sid, english = found
        prov = self.kb.provenance(item)
        office = prov.office_name_en or prov.office_name
        date = prov.date_text_en or prov.date_text
        quote = (
            f"Kilden sier ({prov.office_name}, {prov.date_text}): «{text}»"
            if lang == "nb"
            else f"The source says ({office}, {date}): «{text}»"
            if english
            else f"The source says ({office}, {date}), in Norwegian: «{text}»"
        )
        return self.answer(u, lang, [quote], sources=[prov], scheme=sid)

    def counted(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """A 'hvor mange timer …?' answer must give a number of that thing, else it declines.

        The card for the topic may be the right card and still not hold the count asked for
        ('hvor mange timer prosessevaluering dekkes?'): then the bot says the sources give no
        such number instead of answering with text that does not count anything.
        """
        asked = HOW_MANY.search(u.folded)
        if not asked or not answer.answered:
            return answer
        noun = asked.group(1)
        if noun in self.function_words:
            # 'hvor mange var ikke omfattet?': a verb, not the thing counted
            return answer
        stem = noun[: max(3, min(len(noun) - 1, 5))]
        if noun.startswith(("prosent", "percent")):
            stem = "%"  # 'hvor mange prosent': '50 %' gives the number asked for
        # 'NOK 660,000 per FTE' is a rate, not a count of FTEs
        counts = re.compile(
            rf"(?:\d|\b(?:{NUMBER_WORDS})\b)[\d\s.,%]*(?:(?!(?:per|pr|each)\b)\w+\s+)?"
            rf"{re.escape(stem)}"
        )
        if counts.search(fold(" ".join(answer.paragraphs))):
            return answer
        for key, score in u.passages[:3]:
            # a matching sentence of the same scheme that gives the count is quoted first
            found = self.passage_item(key, lang) if score >= PASSAGE_SCORE else None
            if found is None or found[2] not in {answer.scheme, u.scheme} or found[2] is None:
                continue
            text, item, _sid, _english = found
            if counts.search(fold(text)):
                prov = self.kb.provenance(item)
                lead = "Kilden sier" if lang == "nb" else "The source says"
                office = office_in(prov, lang)
                date = (prov.date_text_en or prov.date_text) if lang == "en" else prov.date_text
                answer.paragraphs.insert(0, f"{lead} ({office}, {date}): «{text}»")
                answer.sources = unique_sources([prov, *answer.sources])
                return answer
        msg = (
            f"Kildene mine oppgir ikke noe antall {asked.group(1)} for dette."
            if lang == "nb"
            else f"My sources give no number of {asked.group(1)} for this."
        )
        return self.answer(
            u, lang, [msg, *answer.paragraphs], sources=answer.sources, answered=False
        )

    def topic_schemes(self, u: Understanding, topics: list[Topic]) -> list[str]:
        """Return the schemes a topic question is about; empty when it must ask.

        Named schemes first; else the only scheme with facts on the topic; else, for a
        question with a grant year or positions, the scheme with the ladder; else the
        scheme of a fact on the topic that clearly matches the question's words.
        """
        if u.schemes_mentioned:
            return u.schemes_mentioned[:3]
        having = self.schemes_with(lambda s: any(f.topic in topics for f in s.facts))
        if u.intent == "appeal" or len(having) == 1:
            return having
        office = u.slots.get("office")
        if office:
            # 'søknadsadresse i Innlandet': the schemes that office says something about
            at_office = [
                sid
                for sid in having
                if any(
                    f.topic in topics and self.kb.office_of(f) == office
                    for f in self.kb.schemes[sid].facts
                )
            ]
            if at_office:
                return at_office[:3]
        if "grant_year" in u.slots or "positions" in u.slots:
            ladder = self.schemes_with(lambda s: any(r.kind == "ladder" for r in s.rules))
            if len(ladder) == 1:
                return ladder
        for key, score in u.passages[:3]:
            kind, _, rest = key.partition(":")
            if kind == "fact" and u.passage_strong and score >= 0.45:
                sid, _, index = rest.partition(":")
                if self.kb.schemes[sid].facts[int(index)].topic in topics:
                    return [sid]
        year = u.slots.get("year")
        if isinstance(year, int):
            # 'revisorattestasjon i forslaget til regelverk for 2018?': the one scheme with a
            # fact on the topic that year
            dated = [
                sid
                for sid in having
                if any(
                    f.topic in topics and f.years.contains(year) for f in self.kb.schemes[sid].facts
                )
            ]
            if len(dated) == 1:
                return dated
        return []

    def topic_fact_list(
        self,
        scheme: Scheme,
        intent: str,
        topics: list[Topic],
        year: int | None,
        passage: Fact | None = None,
        beyond: bool = False,
    ) -> list[Fact]:
        """Return the facts that answer a topic question for a scheme and year.

        Reporting and audit for a grant year are described in the next year's sources
        ('rapportering for 2020-midlene' is in the 2021 announcement). When a scheme states
        no exclusions, what it does not fund is read from the limits it does state ('kun til
        årsverk', 'ikke rettet mot tidsavgrensede prosjekter').
        """
        facts = self.facts(scheme, topics, year)
        if passage is not None and passage not in facts and passage.topic in topics:
            # the fact that matches the question's words, also from another year
            facts.append(passage)
        if not facts and year is not None and intent in ("reporting", "audit"):
            facts = self.facts(scheme, topics, year + 1)
        if year is not None and intent == "status":
            # 'endres ordningen neste år?': an earlier statement on what happens in the year
            # asked ('hvis det skulle bli endringer fra og med 2022') speaks of it as well
            said = {f.text for f in facts}
            named = re.compile(rf"\b{year}\b")
            for f in scheme.facts:
                if (
                    f.topic in topics
                    and f.years.first < year
                    and f.text not in said
                    and not f.tentative
                    and named.search(f.text)
                ):
                    facts.append(f)
                    said.add(f.text)
        if facts and intent in STANDING_INTENTS and year is None:
            # what a scheme is for stands until the sources change it: the purpose stated in
            # an earlier year ('Formål: å øke kapasiteten ...') is given with the newest
            said = {f.text for f in facts}
            for f in sorted(scheme.facts, key=lambda f: -(f.years.last or f.years.first)):
                if f.topic in topics and f.text not in said and not f.tentative:
                    facts.append(f)
                    said.add(f.text)
        if facts and intent == "who_may_apply" and year is None and all(f.tentative for f in facts):
            # 'hvem kan søke?' where the newest word is given with reservations ('Kommuner (med
            # forbehold – endringer i regelverket kommer)'): the last firm statement beside it
            firm = [f for f in scheme.facts if f.topic in topics and not f.tentative]
            if firm:
                newest = max(f.years.first for f in firm)
                facts += [f for f in firm if f.years.first == newest]
        if facts and intent == "funds" and year is None:
            # 'kan vi bruke det til utstyr?': a limit the scheme states in another year ('kun
            # til årsverk', 'ikke rettet mot tidsavgrensede prosjekter') answers it as well
            said = {f.text for f in facts}
            for f in scheme.facts:
                limiting = f.topic in (Topic.FUNDS, Topic.PURPOSE) and LIMIT_WORDS.search(f.text)
                # 'annet enn årsverk?': a statement of another year on more than that ('åpner
                # for dekking av andre utgifter enn årsverk') answers it as well
                widening = beyond and f.topic == Topic.FUNDS and BEYOND.search(fold(f.text))
                if (limiting or widening) and f.text not in said and not f.tentative:
                    facts.append(f)
                    said.add(f.text)
        if not facts and intent == "not_funded":
            limits = [
                f
                for f in scheme.facts
                if f.topic in (Topic.FUNDS, Topic.PURPOSE)
                and (year is None or f.years.contains(year))
                and LIMIT_WORDS.search(f.text)
            ]
            unique: dict[str, Fact] = {}
            for f in limits:
                unique.setdefault(f.text, f)
            facts = list(unique.values())
        return facts

    def same_deck_facts(
        self, scheme: Scheme, topics: list[Topic], year: int | None
    ) -> list[tuple[list[str], list[Fact]]]:
        """For a scheme with nothing on a topic, what its related schemes' facts on it say in
        the scheme's one source document (the 2022 deck's 'Nytt tilskudd psykisk helse/rus'
        beside the new scheme for long-term needs it shows: 'Revisorattestasjon tas bort'),
        the same statements of several schemes once, with their ids."""
        own = {f.source for f in scheme.facts} | {d.source for d in scheme.deadlines}
        if any(f.topic in topics for f in scheme.facts) or len(own) != 1:
            # only a scheme one document names in passing (a row of its table) borrows the
            # words that document gives the schemes beside it
            return []
        said: dict[tuple[str, ...], list[str]] = {}
        facts: dict[tuple[str, ...], list[Fact]] = {}
        for other in scheme.related:
            related = self.kb.schemes.get(other)
            if related is None:
                continue
            found = list(
                {
                    f.text: f
                    for f in related.facts
                    if f.topic in topics
                    and f.source in own
                    and (year is None or f.years.contains(year))
                }.values()
            )
            if found:
                key = tuple(f.text for f in found)
                said.setdefault(key, []).append(other)
                facts.setdefault(key, found)
        return [(said[key], facts[key]) for key in said]

    @staticmethod
    def report_accounts(scheme: Scheme, facts: list[Fact]) -> list[Fact]:
        """The audit facts of the years a reporting answer speaks of that say they are about
        the report: what its accounts must be ('Rapporteringen inkluderer egenerklæring …, dvs.
        ikke revisorattestert regnskap', 'Rapportering for 2020: Krav om revisorattestert
        regnskap') is part of how to report; a section of its own on the accounts ('Foreslår at
        krav til regnskap … bortfaller') is not."""
        said = {f.text for f in facts}
        firsts = {f.years.first for f in facts}
        return [
            f
            for f in scheme.facts
            if f.topic is Topic.AUDIT
            and f.text not in said
            and REPORT_WORD.search(fold(f.text))
            and any(f.years.contains(y) for y in firsts)
        ]

    def matching_topic_fact(self, u: Understanding, sid: str, topics: list[Topic]) -> Fact | None:
        """Return the scheme's fact on the topics that the question's words clearly match."""
        fact = self.matching_fact(u, sid, None)
        return fact if fact is not None and fact.topic in topics else None

    def matching_fact(self, u: Understanding, sid: str, year: int | None) -> Fact | None:
        """Return the scheme's fact that clearly matches the question's words, if any."""
        if not u.passage_strong:
            return None
        for key, score in u.passages[:3]:
            kind, _, rest = key.partition(":")
            fact_sid, _, index = rest.partition(":")
            if kind == "fact" and fact_sid == sid and score >= 0.3:
                fact = self.kb.schemes[sid].facts[int(index)]
                if year is None or fact.years.contains(year):
                    return fact
        return None

    def topic_facts(
        self, u: Understanding, today: dt.date, lang: Lang, topics: list[Topic] | None = None
    ) -> Answer:
        """Answer a question about one topic of a scheme (who may apply, priorities, ...)."""
        topics = topics or INTENT_TOPICS[u.intent]
        if topics == [Topic.REPORTING] and KIND_ACCOUNTS.search(u.folded):
            # 'hva kreves av regnskap i rapporteringen?': the report's accounts and audit too
            topics = [Topic.REPORTING, Topic.AUDIT]
        label = TOPIC_LABELS[topics[0]][lang]
        schemes = self.topic_schemes(u, topics)
        if not schemes:
            having = self.schemes_with(lambda s: any(f.topic in topics for f in s.facts))
            return self.ask_scheme(u, lang, having)
        asked = u.slots.get("year")
        if asked is None and isinstance(u.slots.get("year_rel"), int):
            # 'endres ordningen neste år?': the status of the year after today's; 'hvilke
            # prioriteringer gjelder i år?': this year's, which the sources may not reach
            asked = today.year + int(u.slots["year_rel"])
        if asked is not None and len(schemes) > 1:
            # 'prioriteringene i den nye ordningen for voksne i 2022' naming two or three
            # schemes: those with something on the topic for that year answer it; the others'
            # older statements are not that year's
            # (a scheme whose fact on the topic the question's words clearly match answers too:
            # 'hva sa HOD om ordningen etter at planen ble avsluttet i 2020?')
            current = [
                sid
                for sid in schemes
                if (
                    self.facts(self.kb.schemes[sid], topics, asked)
                    and self.topic_year(self.kb.schemes[sid], topics, asked) is not None
                )
                or self.matching_topic_fact(u, sid, topics) is not None
            ]
            if current:
                schemes = current
        late = False  # a year asked after all the topic's facts: answered with the newest
        paragraphs: list[str] = []
        sources: list[Provenance] = []
        years_used: list[int] = []
        answered = False
        shared: dict[str, list[str]] = {}
        dated = asof.Dated()
        for sid in schemes:
            scheme = self.kb.schemes[sid]
            name = asof.scheme_name(self.kb, sid, lang)
            year = self.topic_year(scheme, topics, asked)
            facts = self.topic_fact_list(
                scheme,
                u.intent,
                topics,
                year,
                self.matching_fact(u, sid, year)
                or (self.matching_topic_fact(u, sid, topics) if len(schemes) > 1 else None),
                beyond=bool(BEYOND.search(u.folded)),
            )
            facts = self.announcements(u, scheme, topics, facts) + facts
            if topics == [Topic.REPORTING]:
                facts += self.report_accounts(scheme, facts)
            due = (
                self.report_deadlines(sid, u.intent, year)
                if u.intent in ("reporting", "audit")
                else []
            )
            if u.intent == "status" and not facts:
                # no statement on its status: the newest deadlines show whether it runs
                due = self.newest_deadlines(sid, year)
                if due:
                    paragraphs.append(
                        f"Kildene sier ikke noe eget om status for {name}, men "
                        f"ordningen har disse fristene:"
                        if lang == "nb"
                        else f"The sources say nothing on the status of {name} "
                        f"as such, but it has these deadlines:"
                    )
            if not facts and (not due or u.intent == "audit"):
                # a deadline alone does not say whether the accounts must be audited
                for e in due:
                    paragraphs.append(self.deadline_line(e, today, lang))
                    sources.append(self.kb.provenance(e.deadline))
                all_years = sorted({y.years.first for y in scheme.facts if y.topic in topics})
                if all_years and year is not None:
                    paragraphs.append(
                        t(
                            "no_facts_year",
                            lang,
                            topic=label.lower(),
                            scheme=name,
                            year=year,
                            years=", ".join(map(str, all_years)),
                        )
                    )
                else:
                    paragraphs.append(t("no_facts", lang, topic=label.lower(), scheme=name))
                    beside = self.same_deck_facts(scheme, topics, asked)
                    for others, said in beside:
                        names = [asof.scheme_name(self.kb, o, lang) for o in others]
                        joined = (" og " if lang == "nb" else " and ").join(names)
                        paragraphs.append(t("same_deck", lang, scheme=joined))
                        for fact in said:
                            paragraphs.append(f"{text_in(fact, lang)}")
                            sources.append(self.kb.provenance(fact))
                    answered = answered or bool(beside)
                continue
            answered = True
            dated.extend(self.topic_as_of(sid, topics, asked, today, lang))
            late = late or (asked is not None and year is None)
            for fact in facts:
                if (
                    len(schemes) > 1
                    and sum(
                        fact.text in (f.text for f in self.kb.schemes[other].facts)
                        for other in schemes
                    )
                    > 1
                ):
                    # the same statement for several schemes is given once, with their names
                    shared.setdefault(text_in(fact, lang), []).append(name)
                    sources.append(self.kb.provenance(fact))
                    years_used.append(fact.years.last or fact.years.first)
                    continue
                mark = f" ({word('tentative', lang)})" if fact.tentative else ""
                prov = self.kb.provenance(fact)
                paragraphs.append(
                    f"{heading(name)}, {fact.years.label()} "
                    f"({office_in(prov, lang)}): {text_in(fact, lang)}{mark}"
                )
                sources.append(prov)
                years_used.append(fact.years.last or fact.years.first)
            for e in due:
                paragraphs.append(self.deadline_line(e, today, lang))
                sources.append(self.kb.provenance(e.deadline))
                years_used.append(e.deadline.year)
            if u.intent == "funds" and "grant_year" in u.slots:
                paragraphs += self.ladder_lines(sid, lang)
            if u.intent == "status" and facts:
                # what the status means in money: the rules of the years it speaks of
                since = min(f.years.first for f in facts)
                for rule in self.kb.rules(sid):
                    if rule.kind != "text" and (
                        rule.years.first >= since or rule.years.contains(since)
                    ):
                        paragraphs += rule_lines(rule, lang)
        for text, names in shared.items():
            paragraphs.append(f"{', '.join(names)}: {text}")
        if answered and u.intent == "apply_how":
            paragraphs += self.office_contact_lines(sources, lang)
        # a year asked after the topic's facts is said first; today's year after them, last
        paragraphs = dated.lines[:1] + paragraphs + dated.lines[1:] if late else paragraphs
        paragraphs += [] if late else dated.lines
        sources += dated.sources
        claim = self.unstated_share(u, paragraphs, lang) if answered else None
        if claim is not None:
            # 'må kommunen dekke minst 20 % egenandel?': a percentage the sources do not set
            paragraphs.insert(0, claim)
            answered = False
        title = f"{label}: {', '.join(asof.scheme_name(self.kb, s, lang) for s in schemes)}"
        # a year said against today ('i år', 'neste år') after the topic's facts: the newest
        # facts, said to be older than that year (a year named outright is declined)
        relative = "year" not in u.slots and isinstance(u.slots.get("year_rel"), int)
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered and not (late and not relative),
            title=title,
            scheme=schemes[0] if len(schemes) == 1 else None,
            after_sources=late,
        )

    @staticmethod
    def unstated_share(u: Understanding, paragraphs: list[str], lang: Lang) -> str | None:
        """Say that a share in per cent the question names is set nowhere in the facts given."""
        m = CLAIMED_SHARE.search(u.folded)
        if m is None and u.intent == "own_share":
            # 'må kommunen dekke minst 30 % av lønnskostnaden selv?': the own share, said so
            m = _CLAIMED_OWN_PERCENT.search(u.folded)
        said = fold(" ".join(paragraphs))
        if m is None:
            # ('hvor stor prosentandel må kommunen dekke selv?': the own share, however named)
            named = re.search(_SHARE, u.folded) or u.intent == "own_share"
            if not (ASKED_PERCENT.search(u.folded) and named):
                return None
            if re.search(r"\d\s*(?:%|prosent|per cent|percent)", said):
                return None
            # 'hvor stor er egenandelen i prosent av lønnskostnaden?': no rule sets one
            return (
                "Kildene oppgir ingen prosentsats for egenandelen; i prosent avhenger den av hva "
                "stillingen koster og hva tilskuddet blir. Dette er det kildene sier:"
                if lang == "nb"
                else "The sources set no percentage for the own share; as a percentage it "
                "depends on what the position costs and what the grant comes to. This is what "
                "the sources say:"
            )
        number = m.group("a") or m.group("b")
        if re.search(rf"\b{number}\s*(?:%|prosent|per cent|percent)", said):
            return None
        return (
            f"Kildene sier ikke at egenandelen skal være {number} %, og oppgir ingen "
            "prosentsats for egenandelen; dette er det de sier:"
            if lang == "nb"
            else f"The sources do not say that the own share is to be {number} %, and set no "
            "percentage for the own share; this is what they say:"
        )

    def scheme_words(self, sid: str) -> str:
        """Everything the sources say about a scheme, folded: facts, rules and FAQ answers."""
        if sid not in self.said:
            self.said[sid] = self._scheme_words(sid)
        return self.said[sid]

    def _scheme_words(self, sid: str) -> str:
        """Fold everything the sources say about a scheme (see scheme_words)."""
        scheme = self.kb.schemes[sid]
        texts = [f"{f.text} {f.text_en or ''}" for f in scheme.facts]
        texts += [
            f"{getattr(r, 'text', '')} {getattr(r, 'text_en', '') or ''}" for r in scheme.rules
        ]
        texts += [c for r in scheme.rules for c in getattr(r, "conditions", [])]
        faq = [e for e in self.kb.faq.values() if e.scheme == sid]
        texts += [f"{e.question} {' '.join(e.aliases)} {e.answer} {e.answer_en or ''}" for e in faq]
        return fold(" ".join(texts))

    def unsaid_cost(self, u: Understanding, sid: str) -> str | None:
        """A kind of cost the question asks to be covered that the sources never name.

        'Dekker NAV-tilskuddet reiseutgifter?': the sources speak of salaries and competence,
        never of travel, so whether travel is covered is not known.
        """
        said = self.scheme_words(sid)
        folded = fold(u.text)
        for m in COST_ASKED.finditer(folded):
            head = m.group(1) or m.group(2)
            if not head or head in COST_GENERIC:
                continue
            stem = head[: max(4, len(head) - 2)]
            if not re.search(rf"\b{re.escape(stem)}", said):
                return m.group(0)
        cover = COVER_ASK.search(folded)
        if cover is None or COST_ASKED.search(folded):
            return None
        # 'dekker tilskuddet utstyr og PC-er?': each thing named after the verb
        rest = folded[cover.end() :]
        names = [fold(name) for name in self.kb.schemes[sid].names.all()]
        for name in names:
            rest = re.sub(rf"\b{re.escape(name)}\b", " ", rest)
        things = [
            t
            for t in re.findall(r"[a-z]{4,}", rest)
            if t not in COVER_IGNORED
            and t not in self.plain_words
            and t not in self.place_words
            and not names_grant(t, names)
        ]
        missing = [
            t for t in things if not re.search(rf"\b{re.escape(t[: max(4, len(t) - 2)])}", said)
        ]
        if things and len(missing) == len(things):
            originals = [w for w in re.findall(r"[\wæøåÆØÅ-]+", u.text) if fold(w) in missing]
            return (
                " og ".join(originals or missing)
                if u.lang != "en"
                else " and ".join(originals or missing)
            )
        return None

    def cost_not_named(
        self, u: Understanding, today: dt.date, lang: Lang, sid: str, cost: str
    ) -> Answer:
        """Decline whether a cost the sources never name is covered; say what is funded."""
        name = self.name(sid, lang)
        known = self.topic_facts(replace(u, intent="funds", text="", folded=""), today, lang)
        lead = (
            f"Kildene sier ikke noe om {cost} i {name}, så jeg vet ikke om det dekkes. "
            "Dette sier de om hva tilskuddet dekker:"
            if lang == "nb"
            else f"The sources say nothing about {cost} in {name}, so I do not know whether "
            "they are covered. This is what they say the grant covers:"
        )
        return self.answer(
            u, lang, [lead, *known.paragraphs], sources=known.sources, answered=False, scheme=sid
        )

    def list_schemes(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List every scheme with the years the sources cover."""
        later = self.schemes_after(u, today, lang)
        if later is not None:
            return later
        lines, sources = [], []
        for scheme in self.kb.schemes.values():
            years = sorted(
                {f.years.first for f in scheme.facts} | {d.year for d in scheme.deadlines}
            )
            span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
            if lang == "nb":
                lines.append(f"– {scheme.names.official} ({span})")
            else:  # the English name, and the Norwegian one the documents use
                official = fmt.quote(scheme.names.official)
                lines.append(f"– {self.english_name(scheme.id)} ({official}, {span})")
            sources += [self.kb.provenance(f) for f in scheme.facts[:1]]
        title = "Ordningene jeg kjenner" if lang == "nb" else "The schemes I know"
        options = [Option(s.names.short, s.names.short) for s in self.kb.schemes.values()]
        return self.answer(
            u, lang, ["\n".join(lines)], sources=sources, title=title, options=options
        )

    def scheme_info(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Summarise a scheme: status, purpose, who may apply and deadlines, newest year."""
        if not u.scheme:
            return self.list_schemes(u, today, lang)
        scheme = self.kb.schemes[u.scheme]
        if _says(u, self.words["rates"]) and not any(r.kind in RATE_KINDS for r in scheme.rules):
            return self.no_rates(u, lang, asof.scheme_name(self.kb, scheme.id, lang))
        paragraphs, sources, years = [], [], []
        if HOW_MANY_YEARS.search(u.folded) and not SINCE.search(u.folded):
            # 'hvor lenge kan et årsverk få tilskudd?': a ladder's length is the period
            for rule in scheme.rules:
                if isinstance(rule, LadderRule):
                    paragraphs.append(ladder_period(rule, lang))
                    sources.append(self.kb.provenance(rule))
        for b in scheme.budget:
            ref = (
                f"Kap. {b.chapter} post {b.post}"
                if lang == "nb"
                else f"Chapter {b.chapter}, item {b.post}"
            )
            # the short form '765.62' is how budget references are often written and searched
            paragraphs.append(f"{ref} ({b.chapter}.{b.post}, {b.years.label()})")
            sources.append(self.kb.provenance(b))
        for topic in (Topic.STATUS, Topic.PURPOSE, Topic.WHO_MAY_APPLY, Topic.FUNDS):
            for fact in self.facts(scheme, [topic], None)[:2]:
                paragraphs.append(
                    f"{TOPIC_LABELS[topic][lang]} ({fact.years.label()}): {text_in(fact, lang)}"
                )
                sources.append(self.kb.provenance(fact))
                years.append(fact.years.last or fact.years.first)
        for rule in scheme.rules:
            if rule.kind != "text":
                paragraphs += rule_lines(rule, lang)
                sources.append(self.kb.provenance(rule))
        entries = [e for e in self.kb.deadlines() if e.scheme_id == scheme.id]
        newest = max((e.deadline.year for e in entries), default=None)
        for e in entries:
            if e.deadline.year == newest:
                paragraphs.append(self.deadline_line(e, today, lang))
                sources.append(self.kb.provenance(e.deadline))
                years.append(e.deadline.year)
        dated = self.scheme_as_of(scheme.id, u.slots.get("year"), today, lang)
        paragraphs += dated.lines
        sources += dated.sources
        more = (
            "Mer: /ordninger gir hele kortet med alle år og kilder."
            if lang == "nb"
            else "More: /ordninger shows the full card with every year and source."
        )
        paragraphs.append(more)
        title = scheme.names.official if lang == "nb" else self.english_name(scheme.id)
        return self.answer(u, lang, paragraphs, sources=sources, title=title)

    def english_name(self, sid: str) -> str:
        """A scheme's English name, capitalised as a heading ('Grant for developing ...')."""
        return heading(asof.scheme_name(self.kb, sid, "en"))

    def passage_scheme(self, key: str) -> str | None:
        """Return the scheme of a look-up passage ('faq:ID', 'fact:SCHEME:I', 'rule:SCHEME:ID')."""
        kind, _, rest = key.partition(":")
        if kind == "faq":
            entry = self.kb.faq.get(rest)
            return entry.scheme if entry else None
        return rest.split(":", 1)[0]

    def faq(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer from the best matching passage: an FAQ entry, a note or a rule in words.

        When the chat's scheme is known (a follow-up), a passage of that scheme is preferred.
        """
        key = u.faq
        if u.scheme and key and self.passage_scheme(key) not in (u.scheme, None):
            same = [
                k
                for k, score in u.passages
                if self.passage_scheme(k) in (u.scheme, None) and score >= 0.5
            ]
            key = same[0] if same else None
        if not key:
            return self.dont_know(u, lang)
        kind, _, rest = key.partition(":")
        if kind == "faq":
            entry = self.kb.faq[rest]
            prov = self.kb.provenance(entry)
            english = lang == "en" and entry.answer_en is not None
            paragraphs = [
                f"{entry.answer_en if english else entry.answer}",
                (
                    f"Gjelder {entry.years.label()}"
                    if lang == "nb"
                    else f"Applies to {entry.years.label()}"
                )
                + (f", {self.name(entry.scheme, lang)}." if entry.scheme else "."),
            ]
            dated = self.passage_as_of(entry.scheme, entry.years, today, lang)
            return self.answer(
                u,
                lang,
                paragraphs + dated.lines,
                sources=[prov, *dated.sources],
                title=(entry.question_en or entry.question) if english else entry.question,
                scheme=entry.scheme,
            )
        sid, _, ref = rest.partition(":")
        scheme = self.kb.schemes[sid]
        if kind == "fact":
            item: Fact | TextRule = scheme.facts[int(ref)]
        else:
            item = next(r for r in scheme.rules if isinstance(r, TextRule) and r.id == ref)
        prov = self.kb.provenance(item)
        paragraphs = [
            f"{heading(self.name(sid, lang))}, {item.years.label()} ({office_in(prov, lang)}): "
            f"{text_in(item, lang)}"
        ]
        dated = self.passage_as_of(sid, item.years, today, lang)
        return self.answer(
            u, lang, paragraphs + dated.lines, sources=[prov, *dated.sources], scheme=sid
        )

    def greeting(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Greet and say what can be asked."""
        hello = (
            "Hei! Jeg svarer på spørsmål om statlige tilskuddsordninger for kommunene."
            if lang == "nb"
            else "Hello! I answer questions about state grant schemes for municipalities."
        )
        return self.answer(u, lang, [hello, *self.examples(lang)])

    def help(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Explain what the bot can answer, with examples and commands."""
        if FRESHNESS_ASK.search(u.folded):
            return self.freshness(u, today, lang)
        return self.answer(u, lang, self.examples(lang), title="Hjelp" if lang == "nb" else "Help")

    def freshness(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """'Hvor oppdatert er informasjonen?': the newest source document and its age today."""
        dated = [(doc.date, key) for key, doc in self.kb.sources.items() if doc.date is not None]
        if not dated:
            return self.answer(u, lang, [t("fresh_none", lang)], answered=False)
        when, key = max(dated)
        doc = self.kb.sources[key]
        years = today.year - when.year - ((today.month, today.day) < (when.month, when.day))
        title = (doc.title_en or doc.title) if lang == "en" else doc.title
        date_text = (doc.date_text_en or doc.date_text) if lang == "en" else doc.date_text
        office = asof.office_name(self.kb.offices[doc.office], lang)
        if office.startswith(("Et ", "En ", "A ")):
            office = office[0].lower() + office[1:]  # 'fra et statsforvalterembete'
        line = t(
            "fresh_newest",
            lang,
            count=str(len(self.kb.sources)),
            title=title,
            office=office,
            date=date_text,
            today=fmt.long_date(today, lang),
            years=str(max(years, 0)),
        )
        return self.answer(u, lang, [line, t("fresh_check", lang)], sources=[])

    @staticmethod
    def examples(lang: Lang) -> list[str]:
        """Return example questions and commands."""
        if lang == "en":
            return [
                "Ask for example:\n– How much do we get in year 3 for 2 FTE?\n"
                "– When is the application deadline for the NAV grant?\n"
                "– Who may apply for kommunalt rusarbeid?\n– How much did Arendal get in 2017?",
                "Commands: /ordninger (schemes), /frister (deadlines), /beregn (calculator), "
                "/faq (look-up), /kilde (sources of the last answer), /hjelp.",
            ]
        return [
            "Spør for eksempel:\n– Hva får vi i år 3 for 2 årsverk?\n"
            "– Når er søknadsfristen for NAV-tilskuddet?\n"
            "– Hvem kan søke om tilskudd til kommunalt rusarbeid?\n"
            "– Hvor mye fikk Arendal i 2017?\n– Kan vi søke om midler til kommunens andel i "
            "FACT-teamet?",
            "Kommandoer: /ordninger (ordningene), /frister (frister), /beregn (kalkulator), "
            "/faq (oppslag), /kilde (kildene bak siste svar), /hjelp.",
        ]

    def topic_year(self, scheme: Scheme, topics: list[Topic], asked: int | None) -> int | None:
        """Return the year to read a topic's facts for: the asked one, or None (the newest).

        A year after everything the sources say on the topic is answered with the newest facts.
        """
        if asked is not None and asof.after(asked, asof.topic_last(scheme, topics)):
            return None
        return asked

    def topic_as_of(
        self, sid: str, topics: list[Topic], asked: int | None, today: dt.date, lang: Lang
    ) -> asof.Dated:
        """Say that a topic's newest facts are from before the question's year, and what follows."""
        scheme = self.kb.schemes[sid]
        year = asked if asked is not None else today.year
        last = asof.topic_last(scheme, topics)
        if last is None or not asof.after(year, last):
            return asof.Dated()
        newest = max(
            (f.years for f in scheme.facts if f.topic in topics),
            key=lambda r: (r.last if r.last is not None else r.first, r.first),
        )
        return asof.beyond(self.kb, sid, "facts", last, year, lang, years=newest.label())


def ladder_period(rule: LadderRule, lang: Lang) -> str:
    """Say how many grant years a ladder runs and from which amount to which."""
    n, first, last = len(rule.steps), rule.steps[0].amount, rule.steps[-1].amount
    if lang == "nb":
        return (
            f"Etter reglene for {rule.years.label()} gis tilskudd i inntil {n} år per årsverk "
            f"(år 1–{n}), trappet ned fra {fmt.kroner(first, lang)} til "
            f"{fmt.kroner(last, lang)}."
        )
    return (
        f"Under the rules for {rule.years.label()} a grant is given for up to {n} years per FTE "
        f"(years 1–{n}), stepped down from {fmt.kroner(first, lang)} to "
        f"{fmt.kroner(last, lang)}."
    )
