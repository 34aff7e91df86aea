"""Compose answers from an Understanding: facts by year, deadlines, figures, sources.

Every answer names the year its facts apply to and the source document and
office. An answer about a year the sources cover carries no caveat; about a later
year it says which year its rule, figure or deadline is from and what the sources
say about the years after them (``bot.asof``). What the knowledge base does not hold
is never guessed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from fractions import Fraction

from bot import asof, calc, fmt, tableq
from bot.answer import Answer, Option, unique_sources
from bot.cards import deadline_text, rule_lines
from bot.nlu import (
    DIFFERENCE,
    EVERYDAY_WORDS,
    FIGURE_INTENTS,
    FRAMEWORK_INTENTS,
    FRAMEWORK_SCHEME,
    FUNCTION_WORDS,
    GOES_DOWN,
    GOES_UP,
    GRANT_ADMINISTRATION,
    MEASURES,
    PREMISE,
    RATE_ASK,
    SAME_MEASURE,
    Understanding,
    names_a_grant,
    unread_positions,
)
from bot.text import fold, unwrap
from bot.vocab import DEADLINE_LABELS, TOPIC_LABELS, Lang, word
from knowledge.kb import DeadlineEntry, KnowledgeBase, Provenance
from knowledge.schema import (
    Appropriation,
    Column,
    DeadlineKind,
    Fact,
    FlatRule,
    LadderRule,
    Scheme,
    Sourced,
    Table,
    TextRule,
    Topic,
    YearRange,
)

CONFIDENCE_THRESHOLD = 0.5
# Words that state a limit of what a scheme funds ('kun til årsverk', 'ikke rettet mot').
# A fact's reference to a table ('se tabellen opptrappingsplan-nasjonal-ramme').
TABLE_REF = re.compile(r"\btabell(?:en)?\s+([a-z0-9][a-z0-9-]+[a-z0-9])")
LIMIT_WORDS = re.compile(r"\b(?:ikke|kun|bare|only|not)\b", re.IGNORECASE)
# Rule kinds that give a rate or an amount.
RATE_KINDS = ("ladder", "cap", "flat", "same_as")
# Intents that answer with rates, where 'hvor mye fikk Arendal?' asks for an allocation.
ALLOCATION_INTENTS = {"amount", "total", "own_share", "scheme_info", "appropriation"}
# A look-up passage this sure of itself is quoted when the card it belongs beside lacks it.
PASSAGE_SCORE = 0.35
# A passage this sure of itself is quoted beside a scheme's summary card, strong or not.
SUMMARY_PASSAGE = 0.4
# A strong passage (two distinctive words or a concept shared) this sure, beside a summary.
SUMMARY_STRONG = 0.3
# A strong passage this sure of itself answers where the card would ask which scheme is meant.
PASSAGE_ASKED = 0.5
# How a topic card says it has no facts on the topic asked about (see T below).
NO_FACTS_LEADS = (
    "Kildene mine sier ingenting om «",
    "My sources say nothing about “",
    "Jeg har ingen opplysninger om «",
    "I have no information on “",
    "Kildene oppgir ikke kapittel og post for ",
    "The sources give no budget chapter for ",
)
# A passage this sure of itself answers on its own where the card declined.
PASSAGE_ALONE = 0.6
# Intents about deadlines and money already said by year: the grant's end is theirs to tell.
# Intents whose answer is the scheme's whole card, rates of every year included.
CARD_INTENTS = {"scheme_info", "who_may_apply", "apply_how", "status"}
GRANT_END_FREE = {"deadline", "days_left", "next_deadline", "appropriation", "budget"}
# Intents whose answers are figures or lists: a passage is not put before them.
PASSAGE_FREE = FIGURE_INTENTS | {
    *("framework", "framework_sum", "framework_ranking", "statistics"),
    *("deadline", "days_left", "next_deadline", "greeting", "help", "list_schemes", "faq"),
}
# 'hvor mange timer', 'how many hours': the thing a count is asked of
HOW_MANY = re.compile(r"\b(?:hvor mange|how many)\s+(?:flere\s+|more\s+)?([a-z]{3,})")
# a kind of cost asked about: 'reiseutgifter', 'utgifter til reise', 'travel costs'
COST_ASKED = re.compile(
    r"\b(?:(\w{3,}?)s?(?:utgift|utgifter|utgiftene|kostnad|kostnader|kostnadene)|"
    r"(\w{3,}) (?:costs?|expenses?))\b"
)
HOW_MUCH = re.compile(r"\b(?:hvor mye|kor mykje|kor mye|how much)\b")
# intents whose answer says what a scheme covers ('annet enn årsverk' is a limit's question)
COVER_INTENTS = {"funds", "scheme_info", "amount", "who_may_apply"}
# words after 'dekker' that name no thing covered
COVER_IGNORED = {
    "tilskudd",
    "tilskuddet",
    "tilskot",
    "tilskotet",
    "ordningen",
    "ordninga",
    "midlene",
    "grant",
    "scheme",
    "funds",
    "money",
    "pengene",
    "kommunen",
    "kommunalt",
    "oss",
    "vare",
    "also",
    "ogsa",
    "both",
    "grants",
    "dekke",
    "dekker",
    "dekkes",
    "cover",
    "covers",
}
# asking whether something is covered
COVER_ASK = re.compile(r"\b(?:dekk\w*|cover\w*|pay for|brukes til|used for|finansier\w*)\b")
# cost words that name no particular kind ('andre utgifter', 'other costs')
COST_GENERIC = {
    "andre",
    "other",
    "sosiale",
    "social",
    "samlede",
    "total",
    "these",
    "slike",
    "lonn",
    "lonns",
    "salary",
    "staff",
    "egne",
    "such",
    "disse",
    "ekstra",
    "extra",
    "all",
    "alle",
    "cover",
    "covers",
    "any",
    "the",
    "our",
    "their",
    "additional",
    "eligible",
    "pay",
}
# what a question asks the money of: 'tilskuddet til X?', 'the grant for X?'
THING_AFTER = re.compile(r"\b(?:til|for|to|of)\s+([^?!.]+)", re.IGNORECASE)
# number words that may give a count in an answer
NUMBER_WORDS = "en|ett|ei|to|tre|fire|fem|seks|sju|syv|atte|ni|ti|one|two|three|four|five|six|ten"
# Parts of a figure a stated figure may claim only when the question names them.
PART_WORDS: dict[calc.Role, tuple[str, ...]] = {
    calc.Role.COMPETENCE: ("kompetanse", "competence"),
    calc.Role.CAP_MEASURES: ("kompetanse", "competence", "tiltak", "measure"),
}
STATISTICS_TABLE = "nav-sosialtjenestetall"
# 'hvilken kommune', 'which municipality': a place asked for, not named
WHICH_PLACE = re.compile(
    r"\b(?:hvilken|hvilke|hvilket|kva for|kven|which)\s+(?:kommune\w*|fylke\w*|"
    r"municipalit\w*|count(?:y|ies))\b"
)
# a person's name: two or more capitalised words ('Arild Bækkevold')
PERSON = re.compile(r"[A-ZÆØÅ][\w-]+(?: [A-ZÆØÅ][\w-]+)+")
# asking when a call for applications comes out ('kunngjøres', 'utlyst', 'announced')
ANNOUNCE_ASK = re.compile(r"\b(?:kunngj\w*|utlys\w*|announc\w*|published|publiser\w*)")
# 'når var …', 'hvem holdt …': when or who of a source document
DOC_ASK = re.compile(r"^\s*(?:og\s+)?(?:nar|hvem|kven|when|who)\b")
# whether something the sources said still holds now ('er han fortsatt kontaktperson?')
STILL_ASK = re.compile(
    r"\b(?:fortsatt|fremdeles|framleis|enno|still|currently|per i dag|(?:i dag|na|today|now)\?)"
)
# A question about a table itself, not about a row: its sources, colours or use.
TABLE_ABOUT = re.compile(
    r"\b(?:kild\w*|kjeld\w*|hentet|henta|kommer\b.*\bfra|kjem\b.*\bfra|farge\w*|farga\w*|"
    r"malekort\w*|scorecard\w*|colou?r\w*|sources?|comes? from|where\b.*\bfrom)\b"
)
# What of a table is asked about, and the words of the notes that speak of it.
TABLE_ASPECTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (
        re.compile(
            r"\b(?:kild\w*|kjeld\w*|hentet|henta|kommer\b.*\bfra|kjem\b.*\bfra|sources?|"
            r"comes? from|where\b.*\bfrom)\b"
        ),
        ("kilder:", "sources:"),
    ),
    # the source's colour paragraph ends 'Tabellen er ikke et målekort': red and green rank
    # no office's work, so what the colours mean includes that note
    (
        re.compile(r"\b(?:farge\w*|farga\w*|colou?r\w*)\b"),
        ("farge", "colour", "malekort", "scorecard"),
    ),
    (re.compile(r"\b(?:malekort\w*|scorecard\w*)\b"), ("malekort", "scorecard")),
)


def office_in(prov: Provenance, lang: Lang) -> str:
    """Return the name of a source's office in the answer language."""
    return (prov.office_name_en or prov.office_name) if lang == "en" else prov.office_name


def text_in(item: Fact | TextRule, lang: Lang) -> str:
    """Return a fact's or a rule's text in the answer language (English where the source has it)."""
    return unwrap((item.text_en or item.text) if lang == "en" else item.text)


INTENT_TOPICS: dict[str, list[Topic]] = {
    "who_may_apply": [Topic.WHO_MAY_APPLY],
    "funds": [Topic.FUNDS],
    "not_funded": [Topic.NOT_FUNDED],
    "priorities": [Topic.PRIORITIES],
    "reporting": [Topic.REPORTING],
    "audit": [Topic.AUDIT],
    "appeal": [Topic.APPEAL],
    "purpose": [Topic.PURPOSE, Topic.TARGET_GROUP],
    "status": [Topic.STATUS],
    "apply_how": [Topic.APPLY_HOW],
}

T: dict[str, dict[Lang, str]] = {
    "which_scheme": {
        "nb": "Hvilken ordning gjelder det?",
        "en": "Which scheme do you mean?",
    },
    "no_facts_year": {
        "nb": "Jeg har ingen opplysninger om «{topic}» for {scheme} i {year}. "
        "Kildene mine dekker {years}.",
        "en": "I have no information on “{topic}” for {scheme} in {year}. "
        "My sources cover {years}.",
    },
    "no_facts": {
        "nb": "Kildene mine sier ingenting om «{topic}» for {scheme}.",
        "en": "My sources say nothing about “{topic}” for {scheme}.",
    },
    "dont_know": {
        "nb": "Det vet jeg ikke – det står ikke i kildene jeg bygger på. Jeg kan svare på "
        "tilskuddsordningene for rus og psykisk helse og NAV-kontorenes sosiale tjenester: "
        "satser og beregning (f.eks. «hva får vi i år 3 for 2 årsverk?»), søknads- og "
        "rapporteringsfrister, hvem som kan søke, hva som dekkes, klagerett, kontakter, "
        "økningen i rammen per kommune i Agder 2016–2020 og NAVs sosialtjenestetall.",
        "en": "I don't know that – it is not in the sources I rely on. I can answer about the "
        "grant schemes for substance abuse and mental health work and the NAV offices' "
        "social services: rates and calculations (e.g. “how much do we get in year 3 for "
        "2 FTE?”), application and reporting deadlines, who may apply, what is funded, "
        "appeal rights, contacts, the framework increases per Agder municipality "
        "2016–2020 and NAV's social services statistics.",
    },
    "unsure": {
        "nb": "Jeg er ikke sikker på hva du spør om, så jeg vil ikke gjette.",
        "en": "I'm not sure what you are asking, so I won't guess.",
    },
    "passed": {"nb": "passert", "en": "passed"},
    "no_deadline": {
        "nb": "Jeg kjenner ingen {kind} for {scheme}{year}.",
        "en": "I know of no {kind} for {scheme}{year}.",
    },
}


def t(key: str, lang: Lang, **kwargs: object) -> str:
    """Return a phrase in the answer language, filled in."""
    return T[key][lang].format(**kwargs)


def _folded(phrases: list[str]) -> tuple[str, ...]:
    """Phrases folded as questions are ('får' → 'far'), for look-ups in ``_padded`` text."""
    return tuple(fold(p) for p in phrases)


def _padded(text: str) -> str:
    """A text's words between single spaces, e-mail addresses kept whole."""
    return " " + " ".join(re.split(r"[^\w@-]+", text)) + " "


def _says(u: Understanding, phrases: tuple[str, ...]) -> bool:
    """Whether a question (as corrected or as typed) holds one of these folded phrases."""
    padded = _padded(f"{u.folded} {fold(u.text)}")
    return any(f" {p} " in padded for p in phrases)


# shares said in words: 'halvparten (1/2)'
RATIO_WORDS: dict[Fraction, tuple[str, str]] = {
    Fraction(1, 2): ("halvparten", "half"),
    Fraction(1, 4): ("en fjerdedel", "a quarter"),
    Fraction(3, 4): ("tre fjerdedeler", "three quarters"),
    Fraction(1, 3): ("en tredjedel", "a third"),
    Fraction(2, 3): ("to tredjedeler", "two thirds"),
    Fraction(1): ("det samme", "the same"),
    Fraction(2): ("det dobbelte", "double"),
}


def named_thing(text: str, thing: str) -> str:
    """The words a question names a thing by ('tilskuddet til X av Y'), else the thing."""
    first = thing.split()[0].casefold()
    for m in THING_AFTER.finditer(text):
        phrase = m.group(1).strip()
        if first in phrase.casefold() and len(phrase.split()) <= 10:
            return phrase
    return thing


def content_phrases(folded: str) -> list[str]:
    """Runs of two to six words of a question that hold at least two content words.

    A run starts and ends with a content word (four letters or more, no function or
    everyday word): 'gylne regel', 'mestre hele livet', 'oversikt over innovasjonsverktoy'.
    """
    tokens = re.findall(r"[a-z0-9]+", folded)

    def content(t: str) -> bool:
        return len(t) >= 4 and not t.isdigit() and t not in FUNCTION_WORDS | EVERYDAY_WORDS

    out = []
    for i, first in enumerate(tokens):
        if not content(first):
            continue
        for j in range(i + 1, min(i + 6, len(tokens))):
            run = tokens[i : j + 1]
            if content(run[-1]) and sum(map(content, run)) >= 2:
                out.append(" ".join(run))
    return out


class Composer:
    """Turn an Understanding into an Answer, using the knowledge base and calculations."""

    def __init__(self, kb: KnowledgeBase) -> None:
        """Keep the knowledge base; register the intent handlers."""
        self.kb = kb
        # the language words the answers look for, folded once as questions are
        words = kb.language
        contacts = words.contacts if words else None
        self.words: dict[str, tuple[str, ...]] = {
            "received": _folded(words.received if words else []),
            "rates": _folded(words.rates if words else []),
            "phone": _folded(contacts.phone if contacts else []),
            "email": _folded(contacts.email if contacts else []),
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

    # --- helpers ---

    def answer(
        self,
        u: Understanding,
        lang: Lang,
        paragraphs: list[str],
        *,
        sources: Iterable[Provenance] = (),
        answered: bool = True,
        title: str | None = None,
        scheme: str | None = None,
        options: list[Option] | None = None,
    ) -> Answer:
        """Build an Answer carrying the understanding's intent, slots and confidence."""
        return Answer(
            intent=u.intent,
            answered=answered,
            confidence=u.confidence,
            lang=lang,
            paragraphs=paragraphs,
            title=title,
            scheme=scheme if scheme else u.scheme,
            sources=unique_sources(list(sources)),
            options=options or [],
            slots=dict(u.slots),
        )

    def name(self, scheme_id: str) -> str:
        """Return the short name of a scheme."""
        return self.kb.schemes[scheme_id].names.short

    def dont_know(self, u: Understanding, lang: Lang) -> Answer:
        """Decline: say what is not known and what can be answered."""
        return self.answer(u, lang, [t("dont_know", lang)], answered=False)

    def ask_scheme(self, u: Understanding, lang: Lang, candidates: list[str]) -> Answer:
        """Ask which scheme is meant, offering the candidates as options."""
        options = [Option(self.name(s), f"{u.text} ({self.name(s)})") for s in candidates[:8]]
        lines = [t("which_scheme", lang)] + [f"– {o.label}" for o in options]
        return self.answer(u, lang, ["\n".join(lines)], answered=False, options=options)

    def schemes_with(self, predicate: Callable[[Scheme], bool]) -> list[str]:
        """Return the ids of schemes that satisfy a predicate, in knowledge-base order."""
        return [sid for sid, s in self.kb.schemes.items() if predicate(s)]

    # --- compose ---

    def compose(self, u: Understanding, today: dt.date) -> Answer:
        """Answer an understood question as of a date."""
        lang: Lang = "en" if u.lang == "en" else "nb"
        if u.intent == "out_of_scope" or u.confidence < CONFIDENCE_THRESHOLD:
            # 'e-posten til Arild Bækkevold?': a contact person the sources name
            named = self.contact_detail(u, lang, list(self.kb.offices))
            if named is not None:
                return named
        if (
            (u.intent == "out_of_scope" and not u.unknown)
            or (u.intent == "list_schemes" and not u.schemes_mentioned)
            or (u.intent == "scheme_info" and not u.scheme)
        ):
            # a phrase of the question printed word for word in a matching source sentence
            # ('hvor finner vi en oversikt over innovasjonsverktøy?' is no list of schemes)
            quoted = self.phrase_passage(replace(u, intent="faq"), lang)
            if quoted is not None:
                return quoted
        if u.intent == "out_of_scope":
            document = self.source_document(u, lang)
            return document if document is not None else self.dont_know(u, lang)
        if u.confidence < CONFIDENCE_THRESHOLD:
            answer = self.dont_know(u, lang)
            answer.paragraphs.insert(0, t("unsure", lang))
            return answer
        handler = self.handlers.get(u.intent)
        if handler is None:
            return self.dont_know(u, lang)
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
        return self.after_grant_end(u, self.counted(u, answer, lang), today, lang)

    def allocation(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """'Hvor mye fikk Arendal i tilskudd?': the sources give no grants to single places.

        What an office's county got ('Hvor mye fikk Innlandet?') is the office's share of the
        appropriation, when the sources give one.
        """
        s = u.slots
        place = s.get("municipality") or s.get("county") or s.get("place") or s.get("group")
        # 'Hvor mye fikk Arendal i tilskudd til NAV-kontoret?' is no framework increase
        granted = u.intent in FRAMEWORK_INTENTS and names_a_grant(u)
        if (u.intent not in ALLOCATION_INTENTS and not granted) or not _says(
            u, self.words["received"]
        ):
            return None
        much = HOW_MUCH.search(u.folded)
        if not place and much and s.get("office") and u.intent != "appropriation" and u.scheme:
            shared = self.appropriation(u, today, lang)
            return shared if shared.answered else None
        if not place and WHICH_PLACE.search(u.folded) and u.intent in ALLOCATION_INTENTS:
            # 'hvilken kommune fikk mest tilskudd?': allocations per place are not in the sources
            place = "hver kommune" if lang == "nb" else "each municipality"
        if not place:
            return None
        name = self.place_name(str(place))
        scheme = asof.scheme_name(self.kb, u.scheme, lang) if u.scheme in self.kb.schemes else None
        of = f" fra {scheme}" if scheme and lang == "nb" else f" from {scheme}" if scheme else ""
        msg = (
            f"Kildene mine sier ikke hvor mye {name} fikk{of}; de gir satser og regler, ikke "
            "tildelingen til hver kommune eller hvert fylke."
            if lang == "nb"
            else f"My sources do not say how much {name} received{of}; they give rates and "
            "rules, not what each municipality or county was granted."
        )
        return self.answer(u, lang, [msg], answered=False)

    def place_name(self, key: str) -> str:
        """A municipality's or county's name from its number, or the text as given."""
        if key in self.kb.municipalities:
            return self.kb.municipalities[key].name
        for table in self.kb.tables.values():
            for row in table.rows:
                if row.county == key:
                    return row.label
        return key

    def after_grant_end(
        self, u: Understanding, answer: Answer, today: dt.date, lang: Lang
    ) -> Answer:
        """A grant asked for a year after the last one the sources describe is not promised.

        'Kan vi få tilskudd til kommunalt rusarbeid i 2025?' gets what the sources say about
        the end of the scheme first, and counts as not answered, whatever card matched.
        """
        year = u.slots.get("year")
        placed = any(k in u.slots for k in ("grant_year", "groups", "last_years"))
        if year is None and isinstance(u.slots.get("year_rel"), int):
            year = today.year + u.slots["year_rel"]  # 'kan vi søke for neste år?'
        if year is None and asof.asks_this_year(u.folded) and not placed:
            year = today.year  # 'hvor mye får vi i år?' (not 'i år' of positions in år 2)
        sid = answer.scheme or u.scheme
        if not answer.answered or not isinstance(year, int) or sid not in self.kb.schemes:
            return answer
        if u.intent in GRANT_END_FREE:
            return answer
        end = asof.grant_end(self.kb.schemes[sid])
        if end is None or year <= end:
            return answer
        if u.intent in CARD_INTENTS:
            # the scheme's card would show the rates of years that are over: only the end
            later = asof.later_years(self.kb, sid, None, year, lang)
            ended = asof.phrase("ended", lang, name=asof.scheme_name(self.kb, sid, lang), end=end)
            lines = [ended, *(line for line in later.lines if line != ended)]
            return self.answer(u, lang, lines, sources=later.sources, answered=False, scheme=sid)
        name = asof.scheme_name(self.kb, sid, lang)
        answer.paragraphs.insert(0, asof.phrase("ended", lang, name=name, end=end))
        answer.answered = False
        return answer

    def with_passage(self, u: Understanding, answer: Answer, lang: Lang) -> Answer:
        """Put first the source sentence that answers the question when the card lacks it.

        A topic card can be the right scheme's and still miss the sentence asked about ('Hva
        går «den gylne regel» ut på?'); the look-up's best passage, when it clearly matches
        the question and is of the scheme the answer is about, is quoted with its source. A
        scheme's summary card answers no question of its own, so beside it a passage that
        matches fairly well is enough ('hvor ble utlysningen publisert?').
        """
        if not u.passages:
            return answer
        gave_up = bool(answer.options and not u.schemes_mentioned) or any(
            p == t("dont_know", lang) or p.startswith(NO_FACTS_LEADS) for p in answer.paragraphs
        )
        if not answer.answered and gave_up and u.intent not in PASSAGE_FREE:
            # the card has nothing or asks back, but a sentence holds the question's phrase
            quoted = self.phrase_passage(u, lang)
            if quoted is not None:
                return quoted
        key, score = u.passages[0]
        summary = u.intent == "scheme_info" and answer.answered
        # 'hva omfatter avgrensning A?' read as 'not funded' finds no such facts, but the named
        # scheme's sentence the question's words match answers it
        topic_gap = (
            not answer.answered
            and bool(u.schemes_mentioned)
            and score >= PASSAGE_ASKED
            and any(p.startswith(NO_FACTS_LEADS) for p in answer.paragraphs)
        )
        # an FAQ entry whose question says what the asker says is the source's own answer
        asked_faq = key.startswith("faq:") and answer.answered and score >= PASSAGE_ALONE
        if not (
            u.passage_strong or topic_gap or asked_faq or (summary and score >= SUMMARY_PASSAGE)
        ):
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

    def passage_item(self, key: str, lang: Lang) -> tuple[str, Sourced, str | None, bool] | None:
        """Return a look-up passage's text in the answer language, its item, scheme and English."""
        kind, _, rest = key.partition(":")
        if kind == "faq":
            entry = self.kb.faq.get(rest)
            if entry is None:
                return None
            english = lang == "en" and entry.answer_en is not None
            return (
                entry.answer_en if english and entry.answer_en else entry.answer,
                entry,
                (entry.scheme),
                english,
            )
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
        phrases = [p for p in content_phrases(u.folded) if f" {p} " not in self.name_text]
        if not phrases:
            return None
        for key, score in u.passages[:3]:
            if score < PASSAGE_SCORE:
                continue
            found = self.passage_item(key, "nb")
            if found is None:
                continue
            text, _item, sid, _english = found
            if u.schemes_mentioned and sid not in u.schemes_mentioned:
                continue
            padded = _padded(fold(text))
            if any(f" {p} " in padded for p in phrases):
                quoted = self.passage_item(key, lang)
                return self.quote_passage(u, lang, quoted or found)
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
        head, colon, _rest = title.partition(":")
        words = [w for w in re.findall(r"[a-z]+", fold(head)) if len(w) >= 4]
        return bool(colon and words) and all(any(t.startswith(w) for t in tokens) for w in words)

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
        stem = noun[: max(3, min(len(noun) - 1, 5))]
        counts = re.compile(rf"(?:\d|\b(?:{NUMBER_WORDS})\b)[\d\s.,%]*(?:\w+\s+)?{re.escape(stem)}")
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

    # --- facts by topic ---

    def facts(self, scheme: Scheme, topics: list[Topic], year: int | None) -> list[Fact]:
        """Return the facts of some topics for a year, or for the newest year that has any."""
        facts = [f for f in scheme.facts if f.topic in topics]
        if year is not None:
            return [f for f in facts if f.years.contains(year)]
        if not facts:
            return []
        newest = max(f.years.first for f in facts)
        return [f for f in facts if f.years.first == newest or f.years.contains(newest)]

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
        return []

    def topic_fact_list(
        self,
        scheme: Scheme,
        intent: str,
        topics: list[Topic],
        year: int | None,
        passage: Fact | None = None,
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
        if facts and intent == "funds" and year is None:
            # 'kan vi bruke det til utstyr?': a limit the scheme states in another year ('kun
            # til årsverk', 'ikke rettet mot tidsavgrensede prosjekter') answers it as well
            said = {f.text for f in facts}
            for f in scheme.facts:
                limiting = f.topic in (Topic.FUNDS, Topic.PURPOSE) and LIMIT_WORDS.search(f.text)
                if limiting and f.text not in said and not f.tentative:
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

    def report_deadlines(self, sid: str, intent: str, year: int | None) -> list[DeadlineEntry]:
        """Return the reporting or accounts deadlines that go with a reporting question."""
        kinds = (
            {DeadlineKind.REPORT}
            if intent == "reporting"
            else {DeadlineKind.ACCOUNTS, DeadlineKind.REPORT}
        )
        entries = [
            e for e in self.kb.deadlines() if e.scheme_id == sid and e.deadline.kind in kinds
        ]
        if intent == "audit" and any(e.deadline.kind is DeadlineKind.ACCOUNTS for e in entries):
            entries = [e for e in entries if e.deadline.kind is DeadlineKind.ACCOUNTS]
        if year is not None:
            return [
                e
                for e in entries
                if e.deadline.covers_year == year
                or (e.deadline.covers_year is None and e.deadline.year == year)
            ]
        newest = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == newest]

    def newest_deadlines(self, sid: str, year: int | None) -> list[DeadlineEntry]:
        """Return a scheme's deadlines of a year, or of the newest year it has any."""
        entries = [e for e in self.kb.deadlines() if e.scheme_id == sid]
        if year is None:
            year = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == year]

    def topic_facts(
        self, u: Understanding, today: dt.date, lang: Lang, topics: list[Topic] | None = None
    ) -> Answer:
        """Answer a question about one topic of a scheme (who may apply, priorities, ...)."""
        topics = topics or INTENT_TOPICS[u.intent]
        label = TOPIC_LABELS[topics[0]][lang]
        schemes = self.topic_schemes(u, topics)
        if not schemes:
            having = self.schemes_with(lambda s: any(f.topic in topics for f in s.facts))
            return self.ask_scheme(u, lang, having)
        asked = u.slots.get("year")
        late = False  # a year asked after all the topic's facts: answered with the newest
        paragraphs: list[str] = []
        sources: list[Provenance] = []
        years_used: list[int] = []
        answered = False
        shared: dict[str, list[str]] = {}
        dated = asof.Dated()
        for sid in schemes:
            scheme = self.kb.schemes[sid]
            year = self.topic_year(scheme, topics, asked)
            facts = self.topic_fact_list(
                scheme, u.intent, topics, year, self.matching_fact(u, sid, year)
            )
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
                        f"Kildene sier ikke noe eget om status for {scheme.names.short}, men "
                        f"ordningen har disse fristene:"
                        if lang == "nb"
                        else f"The sources say nothing on the status of {scheme.names.short} "
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
                            scheme=scheme.names.short,
                            year=year,
                            years=", ".join(map(str, all_years)),
                        )
                    )
                else:
                    paragraphs.append(
                        t("no_facts", lang, topic=label.lower(), scheme=scheme.names.short)
                    )
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
                    shared.setdefault(text_in(fact, lang), []).append(scheme.names.short)
                    sources.append(self.kb.provenance(fact))
                    years_used.append(fact.years.last or fact.years.first)
                    continue
                mark = (
                    " (foreløpig)"
                    if fact.tentative and lang == "nb"
                    else (" (tentative)" if fact.tentative else "")
                )
                prov = self.kb.provenance(fact)
                paragraphs.append(
                    f"{scheme.names.short}, {fact.years.label()} ({office_in(prov, lang)}): "
                    f"{text_in(fact, lang)}{mark}"
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
        title = f"{label}: {', '.join(self.name(s) for s in schemes)}"
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered and not late,
            title=title,
            scheme=schemes[0] if len(schemes) == 1 else None,
        )

    def scheme_words(self, sid: str) -> str:
        """Everything the sources say about a scheme, folded: facts, rules and FAQ answers."""
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
        for name in self.kb.schemes[sid].names.all():
            rest = rest.replace(fold(name), " ")
        things = [
            t
            for t in re.findall(r"[a-z]{4,}", rest)
            if t not in COVER_IGNORED
            and t not in FUNCTION_WORDS
            and t not in EVERYDAY_WORDS
            and t not in self.place_words
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
        name = self.name(sid)
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

    def ladder_lines(self, sid: str, lang: Lang) -> list[str]:
        """Describe a scheme's ladder rules (amounts per grant year, incl. competence money)."""
        lines: list[str] = []
        for rule in self.kb.rules(sid):
            if rule.kind == "ladder":
                lines += rule_lines(rule, lang)
        return lines

    # --- contacts ---

    def office_contact_lines(self, sources: list[Provenance], lang: Lang) -> list[str]:
        """List the contacts of the offices behind some sources."""
        lines = []
        for office_id in dict.fromkeys(p.office_id for p in sources):
            office = self.kb.offices[office_id]
            for c in office.contacts:
                bits = [b for b in (c.name, c.role, c.email, c.phone, c.web, c.note) if b]
                lines.append(f"{office.name}: " + ", ".join(bits))
        return lines

    def contact(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List contacts: of the named office, of the offices behind a scheme, or all.

        An office the sources do not cover ('statsforvalteren i Vestland') gets no other
        office's contacts.
        """
        office = u.slots.get("office")
        if not office and u.slots.get("unknown_office"):
            known = ", ".join(o.name for o in self.kb.offices.values() if o.contacts)
            name = str(u.slots["unknown_office"])
            msg = (
                f"Jeg har ingen kontaktopplysninger for {name}. Kildene mine har kontakter "
                f"hos: {known}."
                if lang == "nb"
                else f"I have no contact details for {name}. My sources have contacts at: {known}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if office:
            offices = [office]
        elif u.scheme:
            scheme = self.kb.schemes[u.scheme]
            facts = [*scheme.facts, *scheme.deadlines]
            offices = list(dict.fromkeys(self.kb.office_of(f) for f in facts))
        else:
            offices = list(self.kb.offices)
        paragraphs, sources = [], []
        for office_id in offices:
            o = self.kb.offices[office_id]
            for c in o.contacts:
                prov = self.kb.provenance(c)
                english = lang == "en"
                parts = (
                    (c.name_en or c.name, c.role_en or c.role, c.note_en or c.note)
                    if english
                    else (c.name, c.role, c.note)
                )
                where = (
                    f"{o.name_en or o.name} ({prov.date_text_en or prov.date_text})"
                    if english
                    else f"{o.name} ({prov.date_text})"
                )
                who, role, note = parts
                bits = [b for b in (who, role, c.email, c.phone, c.web, note) if b]
                paragraphs.append(f"{where}: " + ", ".join(bits))
                sources.append(prov)
        if not paragraphs:
            return self.dont_know(u, lang)
        title = "Kontakter" if lang == "nb" else "Contacts"
        narrowed = self.contact_detail(u, lang, offices)
        if narrowed is not None:
            return narrowed
        lead = self.contact_gap(u, lang, offices, sources)
        if lead is not None:
            # a detail none of these contacts has, or whether they still hold: not known
            return self.answer(u, lang, [lead, *paragraphs], sources=sources, answered=False)
        return self.answer(u, lang, paragraphs, sources=sources, title=title)

    def contact_gap(
        self, u: Understanding, lang: Lang, offices: list[str], sources: list[Provenance]
    ) -> str | None:
        """Why a contact question is not answered by the contacts listed, or None if it is.

        'telefonnummeret til Statsforvalteren i Innlandet' when none of its contacts has a
        phone number in the sources; 'er han fortsatt kontaktperson?' asks what is true now,
        which sources of a past date cannot tell.
        """
        wanted = next((k for k in ("phone", "email") if _says(u, self.words[k])), None)
        contacts = [c for o in offices for c in self.kb.offices[o].contacts]
        names = ", ".join(self.kb.offices[o].name for o in offices)
        if wanted and not any(getattr(c, wanted) for c in contacts):
            nb, en = {"phone": ("telefonnummer", "phone number"), "email": ("e-post", "e-mail")}[
                wanted
            ]
            return (
                f"Kildene oppgir ikke noe {nb} for {names}. Det de oppgir:"
                if lang == "nb"
                else f"The sources give no {en} for {names}. What they give:"
            )
        if STILL_ASK.search(f" {u.folded} ") and sources:
            dates = ", ".join(
                dict.fromkeys(
                    (p.date_text_en or p.date_text) if lang == "en" else p.date_text
                    for p in sources
                )
            )
            return (
                f"Det kan kildene ikke si: de er fra {dates}, og jeg vet ikke om noen av "
                "kontaktene fortsatt gjelder. Sjekk embetets nettsider. Det kildene oppgir:"
                if lang == "nb"
                else f"The sources cannot tell: they are from {dates}, and I do not know whether "
                "any of these contacts still holds. Check the office's website. What they give:"
            )
        return None

    def contact_detail(self, u: Understanding, lang: Lang, offices: list[str]) -> Answer | None:
        """A named person's detail, or a title's holder the sources do not name.

        'telefonnummeret til Arild Bækkevold' gets his details only, and is told plainly when
        the sources give no phone number for him; 'hvem er statsforvalter i Innlandet' is told
        that the sources name no holder of that title (only the contacts they do give).
        """
        words = self.kb.language.contacts if self.kb.language else None
        if words is None:
            return None
        text = f"{u.folded} {fold(u.text)}"
        padded = _padded(text)
        people = [
            (office_id, c)
            for office_id in self.kb.offices
            for c in self.kb.offices[office_id].contacts
            if c.name and c.email and all(f" {w} " in padded for w in fold(c.name).split())
        ]
        titles = "|".join(re.escape(fold(t)) for t in words.titles)
        head = re.search(rf"\b(?:hvem|who)\s+(?:er|is)\s+(?:the\s+)?(?:{titles})\b", text)
        if head and not people:
            listed = "; ".join(
                f"{c.name} ({c.role})" if c.role else str(c.name)
                for office_id in offices
                for c in self.kb.offices[office_id].contacts
                if c.name
            )
            msg = (
                "Kildene mine navngir ikke hvem som har den stillingen. "
                f"Kontaktene de gir: {listed}."
                if lang == "nb"
                else f"My sources do not name who holds that office. The contacts they give: "
                f"{listed}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if not people:
            return None
        wanted = next((k for k in ("phone", "email") if _says(u, self.words[k])), None)
        lines, sources, missing = [], [], []
        for office_id, c in people:
            o = self.kb.offices[office_id]
            value = getattr(c, wanted) if wanted else None
            bits = [b for b in (c.name, c.role, c.email, c.phone) if b]
            lines.append(f"{o.name}: " + ", ".join(bits))
            sources.append(self.kb.provenance(c))
            if wanted and not value:
                missing.append(str(c.name))
        if missing:
            what = {"phone": ("telefonnummer", "phone number"), "email": ("e-post", "e-mail")}
            nb, en = what[wanted or "phone"]
            lead = (
                f"Kildene oppgir ikke noe {nb} for {', '.join(missing)}. Det de oppgir:"
                if lang == "nb"
                else f"The sources give no {en} for {', '.join(missing)}. What they give:"
            )
            return self.answer(u, lang, [lead, *lines], sources=sources, answered=False)
        title = "Kontakt" if lang == "nb" else "Contact"
        return self.answer(u, lang, lines, sources=sources, title=title)

    # --- deadlines ---

    def deadline_line(self, e: DeadlineEntry, today: dt.date, lang: Lang) -> str:
        """Render one deadline with scheme, kind, office and whether it has passed."""
        d = e.deadline
        office = asof.office_name(self.kb.offices[e.office_id], lang)
        passed = f" ({t('passed', lang)})" if d.date and d.date < today else ""
        label = DEADLINE_LABELS[d.kind][lang]
        name = asof.scheme_name(self.kb, e.scheme_id, lang)
        return f"{label} {name} {d.year}: {deadline_text(d, lang)}{passed} – {office}"

    def deadline(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer when a scheme's deadline is, for a year or the newest year known."""
        kind = DeadlineKind(u.slots.get("kind", "application"))
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        year = self.deadline_year(u, today)
        # 'neste år': a deadline not yet announced, whose last known date is the answer
        relative = u.slots.get("year") is None and int(u.slots.get("year_rel") or 0) > 0
        if not schemes and year is not None:
            return self.deadlines_of_year(u, year, today, lang)
        if not schemes and u.deadline_thing:
            what = fmt.quote(u.deadline_thing)
            msg = (
                f"Kildene har ingen frister for {what}."
                if lang == "nb"
                else f"The sources give no deadlines for {what}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if not schemes:
            return self.deadlines_across_schemes(u, today, lang)
        u.slots.setdefault("kind", kind.value)
        paragraphs, sources, years, answered = [], [], [], False
        for sid in schemes:
            entries = [e for e in self.kb.deadlines() if e.scheme_id == sid]
            of_kind = [e for e in entries if e.deadline.kind == kind]
            chosen = self.choose_deadlines(of_kind, year, today)
            gap = self.deadline_gap(sid, kind, of_kind, chosen, year, today, lang)
            if gap is not None:
                # nothing for the year asked (or today's): the last known ones, with their years;
                # 'neste år' is answered so too, unless the sources say the scheme ends before
                paragraphs += gap.lines
                sources += gap.sources
                end = asof.grant_end(self.kb.schemes[sid])
                ended = end is not None and year is not None and year > end
                dated = any(not e.deadline.unknown for e in of_kind)
                answered = answered or (year is None and bool(chosen))
                answered = answered or (relative and dated and not ended)
                continue
            if not chosen:
                label = DEADLINE_LABELS[kind][lang].lower()
                known = sorted({e.deadline.year for e in of_kind})
                year_text = f" {year}" if year else ""
                name = asof.scheme_name(self.kb, sid, lang)
                line = t("no_deadline", lang, kind=label, scheme=name, year=year_text)
                if known:
                    line += (
                        (" Kjente år: " if lang == "nb" else " Known years: ")
                        + ", ".join(map(str, known))
                        + "."
                    )
                paragraphs.append(line)
                # 'kunngjøres tentativt medio januar 2018': when the year's call was to come
                told = self.facts(self.kb.schemes[sid], [Topic.APPLY_HOW], year) if year else []
                for fact in told:
                    paragraphs.append(text_in(fact, lang))
                    sources.append(self.kb.provenance(fact))
                answered = answered or bool(told and ANNOUNCE_ASK.search(u.folded))
                continue
            # a deadline the source does not know ('????') answers nothing
            answered = answered or any(not e.deadline.unknown for e in chosen)
            for e in sorted(chosen, key=lambda e: e.office_id):
                paragraphs.append(self.deadline_line(e, today, lang))
                note = (e.deadline.note_en or e.deadline.note) if lang == "en" else e.deadline.note
                if note:
                    paragraphs.append(note)
                sources.append(self.kb.provenance(e.deadline))
                years.append(e.deadline.year)
            if kind != DeadlineKind.APPLICATION:
                # what is to be reported or audited by that deadline, as the same source says
                for fact in self.report_facts(sid, chosen, paragraphs):
                    paragraphs.append(text_in(fact, lang))
                    sources.append(self.kb.provenance(fact))
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            answered=answered,
            scheme=schemes[0] if len(schemes) == 1 else None,
        )

    def report_facts(self, sid: str, chosen: list[DeadlineEntry], said: list[str]) -> list[Fact]:
        """The reporting and audit facts of a report deadline's source and year, not yet said."""
        out: list[Fact] = []
        body = " ".join(said)
        for e in chosen:
            for fact in self.kb.schemes[sid].facts:
                if fact.topic not in (Topic.REPORTING, Topic.AUDIT) or fact in out:
                    continue
                same = fact.source == e.deadline.source and fact.years.contains(e.deadline.year)
                if same and fact.text[:40] not in body:
                    out.append(fact)
        return out[:3]

    def deadlines_of_year(self, u: Understanding, year: int, today: dt.date, lang: Lang) -> Answer:
        """List every scheme's deadlines in a year ('hvilke frister er det i 2022?')."""
        asked = u.slots.get("kind")
        entries = [
            e
            for e in self.kb.deadlines()
            if e.deadline.year == year and (asked is None or e.deadline.kind.value == asked)
        ]
        if not entries and asof.stale_schemes(self.kb, year):
            return self.deadlines_after(u, year, asked, lang)
        if not entries:
            known = sorted({e.deadline.year for e in self.kb.deadlines()})
            msg = (
                f"Jeg kjenner ingen frister for {year}. Kjente år: {', '.join(map(str, known))}."
                if lang == "nb"
                else f"I know of no deadlines for {year}. Known years: "
                f"{', '.join(map(str, known))}."
            )
            return self.answer(u, lang, [msg], answered=False)
        order = list(self.kb.schemes)
        entries.sort(key=lambda e: (order.index(e.scheme_id), e.deadline.kind.value, e.office_id))
        paragraphs = [self.deadline_line(e, today, lang) for e in entries]
        sources = [self.kb.provenance(e.deadline) for e in entries]
        return self.answer(u, lang, paragraphs, sources=sources, answered=True)

    @staticmethod
    def choose_deadlines(
        entries: list[DeadlineEntry], year: int | None, today: dt.date
    ) -> list[DeadlineEntry]:
        """Pick the deadlines a question means.

        With a year: that year's, else those whose report covers that grant year. Without:
        the next dated ones from today, else the newest year known.
        """
        if year is not None:
            exact = [e for e in entries if e.deadline.year == year]
            return exact or [e for e in entries if e.deadline.covers_year == year]
        upcoming = [e for e in entries if e.deadline.date and e.deadline.date >= today]
        if upcoming:
            first = min(e.deadline.date for e in upcoming if e.deadline.date)
            return [e for e in upcoming if e.deadline.date == first]
        newest = max((e.deadline.year for e in entries), default=None)
        return [e for e in entries if e.deadline.year == newest]

    def next_deadline(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List the next dated deadlines after today (or a given date), or the newest known."""
        day = self.as_of(u, today)
        outlook = calc.upcoming_deadlines(
            self.kb,
            day,
            scheme_id=u.scheme,
            kind=u.slots.get("kind") if u.scheme else None,
            office=u.slots.get("office"),
            limit=6,
        )
        later = self.outlook_after(u, outlook, lang)
        if later is not None:
            return later
        sources = [i.source for i in (*outlook.upcoming, *outlook.undated, *outlook.latest_known)]
        return self.answer(
            u,
            lang,
            [calc.render_outlook(outlook, lang)],
            sources=sources,
            answered=bool(outlook.upcoming),
        )

    def deadlines_across_schemes(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List, for every scheme, its next deadline of each kind, else the last one known.

        A deadline question that names no scheme ('når er fristen?') is answered for all of
        them, each deadline with its year and whether it has passed as of the day asked.
        """
        day = self.as_of(u, today)
        outlook = calc.upcoming_deadlines(self.kb, day, kind=u.slots.get("kind"))
        chosen: dict[tuple[str, str], list[calc.DeadlineItem]] = {}
        for item in outlook.upcoming:
            key = (item.scheme_id, item.kind.value)
            first = chosen.setdefault(key, [item])[0]
            if item is not first and item.date == first.date:
                chosen[key].append(item)
        for item in (*outlook.undated, *outlook.latest_known):
            chosen.setdefault((item.scheme_id, item.kind.value), []).append(item)
        order = list(self.kb.schemes)
        kinds = [k.value for k in DeadlineKind]
        items = [
            item
            for key in sorted(chosen, key=lambda k: (order.index(k[0]), kinds.index(k[1])))
            for item in chosen[key]
        ]
        nb = lang == "nb"
        date = fmt.long_date(day, lang)
        head = (
            f"Neste eller siste kjente frist for hver ordning, per {date}:"
            if nb
            else f"The next or latest known deadline of each scheme, as of {date}:"
        )
        lines = [head] + [f"- {calc.render_deadline(i, lang)}" for i in items]
        if outlook.outdated:
            year = outlook.newest_source_year
            lines.append(
                f"Kildene er fra {year} og eldre; sjekk nye frister hos statsforvalteren."
                if nb
                else f"The sources date from {year} or earlier; check current deadlines with "
                "the county governor."
            )
        return self.answer(
            u, lang, ["\n".join(lines)], sources=[i.source for i in items], answered=bool(items)
        )

    def days_left(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Say how many days are left until the next deadline (of a scheme)."""
        day = self.as_of(u, today)
        outlook = calc.upcoming_deadlines(
            self.kb, day, scheme_id=u.scheme, kind=u.slots.get("kind", "application"), limit=3
        )
        if outlook.upcoming:
            first = outlook.upcoming[0]
            days = first.days_left or 0
            head = (
                f"Det er {days} dager igjen til fristen."
                if lang == "nb"
                else f"There are {days} days left until the deadline."
            )
            lines = [head] + [calc.render_deadline(i, lang) for i in outlook.upcoming]
            return self.answer(
                u,
                lang,
                lines,
                sources=[i.source for i in outlook.upcoming],
                scheme=u.scheme or first.scheme_id,
            )
        later = self.outlook_after(u, outlook, lang)
        if later is not None:
            return later
        sources = [i.source for i in outlook.latest_known]
        return self.answer(
            u, lang, [calc.render_outlook(outlook, lang)], sources=sources, answered=False
        )

    def as_of(self, u: Understanding, today: dt.date) -> dt.date:
        """Return the date a question names ('etter 1.3.2022'), else today."""
        date = u.slots.get("date")
        if date:
            try:
                return dt.date(*date)
            except ValueError:
                return today
        return today

    # --- calculations ---

    def calc_answer(
        self, u: Understanding, lang: Lang, result: calc.Calculation, title: str | None = None
    ) -> Answer:
        """Render a calculation: working, notes, sources."""
        steps = "\n".join(calc.render_step(step, lang) for step in result.steps)
        if result.breakdown:
            steps += "\n" + ("Per kommune:" if lang == "nb" else "By municipality:")
            steps += "".join(f"\n  {n}: {fmt.kroner(a, lang)}" for n, a in result.breakdown)
        notes = [
            calc.render_note(n, lang)
            for n in result.notes
            if not (n.quote is not None and n.key is calc.NoteKey.RULE_TEXT)
        ]
        paragraphs = [steps] + (["\n".join(f"• {n}" for n in notes)] if notes else [])
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=result.sources,
            title=title,
            scheme=result.scheme_id or u.scheme,
        )

    def calc_error(self, u: Understanding, lang: Lang, error: calc.CalcError) -> Answer:
        """Turn a calculation error into a helpful reply."""
        answered = isinstance(error, calc.InvalidGrantYear)
        return self.answer(u, lang, [error.message(lang)], answered=answered)

    def money_scheme(self, u: Understanding) -> str | None:
        """Return the scheme a money question is about: named, or the only one with a ladder."""
        with_rules = self.schemes_with(lambda s: any(r.kind in RATE_KINDS for r in s.rules))
        for sid in u.schemes_mentioned:
            if sid in with_rules:
                return sid
        if u.scheme in with_rules:
            return u.scheme
        if u.schemes_mentioned:
            return None
        if u.thing:
            # the question names something no scheme with rates speaks of: no default
            return None
        caps = self.schemes_with(lambda s: any(r.kind == "cap" for r in s.rules))
        if (
            len(caps) == 1
            and "grant_year" not in u.slots
            and (
                ("measures" in u.slots and MEASURES.search(u.folded))
                or SAME_MEASURE.search(u.folded)
            )
        ):
            # 'to tiltak med hver sin stilling': measures are what the cap rule counts;
            # 'samme tiltak i tre år': the cap rule's duration is per measure
            return caps[0]
        ladders = self.schemes_with(lambda s: any(r.kind == "ladder" for r in s.rules))
        if len(ladders) == 1 and (
            "grant_year" in u.slots
            or "positions" in u.slots
            or "start_year" in u.slots
            or "operation" in u.slots
            or u.intent in ("total", "own_share")
        ):
            return ladders[0]
        return None

    def figures(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer amount, total and own-share questions with the calculation module.

        An own-share question without a cost ('what must the municipality co-fund?') is
        answered with what the sources say about the own share; a money question about the
        schemes' appropriations (see ``asks_appropriation``) with the appropriations.
        """
        if u.intent in ("amount", "total") and self.asks_appropriation(u):
            u.intent = "appropriation"
            return self.appropriation(u, today, lang)
        if (
            u.intent == "own_share"
            and "cost" not in u.slots
            and u.slots.get("operation") not in ("difference", "steps")
        ):
            return self.topic_facts(u, today, lang, [Topic.OWN_SHARE])
        if "start_year_rel" in u.slots:
            # 'fikk første tilskudd i fjor': the start year against today
            u.slots["start_year"] = today.year + int(u.slots.pop("start_year_rel"))
        if "year_to_rel" in u.slots and "start_year" in u.slots:
            # 'hittil': from the start year up to this year
            last = today.year + int(u.slots.pop("year_to_rel"))
            if last > int(u.slots["start_year"]):
                u.slots["year_from"], u.slots["year_to"] = u.slots["start_year"], last
                u.slots.pop("year", None)
        if (
            "year_rel" in u.slots
            and "year" not in u.slots
            and "year_from" not in u.slots
            and (u.intent == "amount" or "start_year" in u.slots)
        ):
            # 'hva får vi i år?', 'vi startet i 2021, hva får vi neste år?': against today
            u.slots["year"] = today.year + int(u.slots["year_rel"])
        if "positions" not in u.slots and unread_positions(u.folded):
            msg = (
                "Jeg forsto ikke hvor mange årsverk det gjelder. Skriv det som et tall, "
                "f.eks. «0,33 årsverk», «1/3 stilling» eller «50 % stilling»."
                if lang == "nb"
                else "I did not understand how many positions you mean. Write it as a number, "
                "e.g. “0.33 FTE”, “1/3 position” or “50 % position”."
            )
            return self.answer(u, lang, [msg], answered=False)
        scheme = self.money_scheme(u)
        if scheme is None:
            if u.schemes_mentioned:
                return self.no_rates(
                    u, lang, asof.scheme_name(self.kb, u.schemes_mentioned[0], lang)
                )
            if u.thing:
                return self.no_rates(u, lang, fmt.quote(named_thing(u.text, u.thing)))
            with_rules = self.schemes_with(
                lambda s: any(r.kind in ("ladder", "cap") for r in s.rules)
            )
            return self.ask_scheme(u, lang, with_rules)
        u.scheme = scheme
        s = u.slots
        positions = s.get("positions", 1)
        try:
            result, dated = self.compute_as_of(u, scheme, positions, today, lang)
        except calc.CalcError as error:
            return self.calc_error(u, lang, error)
        answer = self.calc_answer(u, lang, result)
        answer.paragraphs[:0] = self.operation_lead(u, result, lang)
        if "positions" not in s and scheme:
            answer.paragraphs.append(
                "Regnet for 1 årsverk; skriv f.eks. «2 årsverk» for flere."
                if lang == "nb"
                else "Calculated for 1 FTE; say e.g. “2 FTE” for more."
            )
        if dated.complete:
            answer.paragraphs += dated.lines
        else:
            # the year asked is not covered: say so first, then the last year the sources cover
            answer.paragraphs = dated.lines[:1] + answer.paragraphs + dated.lines[1:]
            answer.answered = False
        answer.sources = unique_sources([*answer.sources, *dated.sources])
        return answer

    def compute(self, u: Understanding, scheme: str, positions: object) -> calc.Calculation:
        """Pick and run the calculation a money question asks for."""
        s = u.slots
        pos = calc.parse_positions(positions)  # type: ignore[arg-type]
        duration = s.get("duration")
        if scheme != "kommunalt-rusarbeid":
            years = int(s.get("grant_year") or 1) if u.intent == "total" else 1
            if isinstance(duration, int):
                # 'over tre år', 'så lenge som mulig': that many years of the cap
                years = calc.nav_max_years(self.kb) if duration == -1 else duration
            if u.intent == "own_share" and "cost" in s:
                return calc.nav_own_share(
                    self.kb, pos, calc.parse_kroner(s["cost"]), years, bool(s.get("cost_for_all"))
                )
            return calc.nav_grant(
                self.kb, pos, measures=int(s.get("measures", 1)), years=years, year=s.get("year")
            )
        if "last_years" in s and "grant_year" not in s:
            # 'de to siste årene': the last grant years of the ladder
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            if length >= int(s["last_years"]):
                s["grant_year"], s["grant_year_to"] = length - int(s["last_years"]) + 1, length
        if isinstance(duration, int) and not any(
            k in s for k in ("year", "year_from", "start_year", "grant_year_to", "grant_years")
        ):
            # 'over tre år', 'over hele fireårsperioden': the grant years from the one named
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            named = int(s["grant_year"]) if int(s.get("grant_year") or 0) > 0 else 1
            final = length if duration == -1 else named + duration - 1
            if final > named:
                s["grant_year"], s["grant_year_to"] = named, final
        grant_year, year, cost = s.get("grant_year"), s.get("year"), s.get("cost")
        if "start_year" in s:
            timed = self.compute_from_start(u, pos, int(s["start_year"]))
            if timed is not None:
                return timed
        operated = self.compute_operation(u, scheme, pos)
        if operated is not None:
            return operated
        if grant_year == -1:  # 'siste år': the last grant year of the ladder
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            grant_year = max((len(r.steps) for r in ladders), default=None)
        if u.intent == "own_share" and cost is not None and "year_from" in s:
            # 'egenandelen for 2023 og 2024': the own share of those calendar years
            first = s["year_from"]
            if grant_year is not None:
                began = first - grant_year + 1
            else:
                began = self.wind_down_reference(scheme, first) or first
            return calc.rusarbeid_calendar_own_share(
                self.kb,
                first,
                s["year_to"],
                [calc.PositionGroup(began, pos)],
                calc.parse_kroner(cost),
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if u.intent == "own_share" and cost is not None:
            listed = s.get("grant_years")
            through = s.get("grant_year_to") if grant_year is not None else None
            return calc.rusarbeid_own_share(
                self.kb,
                pos,
                grant_year,
                calc.parse_kroner(cost),
                through=None if listed else through,
                grant_years=listed,
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if u.intent == "total":
            if "year_from" in s:
                first = s["year_from"]
                if grant_year is not None:
                    start = first - grant_year + 1
                else:
                    start = self.wind_down_reference(scheme, first) or first
                return calc.rusarbeid_calendar_total(
                    self.kb, first, s["year_to"], [calc.PositionGroup(start, pos)]
                )
            last = s.get("grant_year_to")
            if grant_year is not None and last is not None:
                span = list(range(grant_year, last + 1))
                return calc.rusarbeid_years_total(self.kb, pos, span)
            return calc.rusarbeid_period_total(self.kb, pos)
        if year is not None and grant_year is not None:
            start = year - grant_year + 1
            return calc.rusarbeid_calendar_year(self.kb, year, [calc.PositionGroup(start, pos)])
        if year is not None:
            return self.calendar_year_without_grant_year(scheme, year, pos)
        last = s.get("grant_year_to")
        if grant_year is not None and isinstance(last, int) and last > grant_year:
            # 'hva får vi fra år 2 til år 4?': each year of the span and their sum
            return calc.rusarbeid_years_total(self.kb, pos, list(range(grant_year, last + 1)))
        if grant_year is not None:
            return calc.rusarbeid_grant_year(self.kb, pos, grant_year)
        return calc.rusarbeid_period_total(self.kb, pos)

    # --- operations over figures: differences, what remains, stated figures (issue 10) ---

    def no_rates(self, u: Understanding, lang: Lang, what: str) -> Answer:
        """Say the sources give no rates for what was asked, and which schemes have some."""
        having = self.schemes_with(lambda sc: any(r.kind in RATE_KINDS for r in sc.rules))
        names = ", ".join(asof.scheme_name(self.kb, sid, lang) for sid in having)
        msg = (
            f"Kildene har ingen satser for {what}. Satser og beregningsregler har jeg bare "
            f"for: {names}."
            if lang == "nb"
            else f"The sources give no rates for {what}. I only have rates and rules for: {names}."
        )
        if u.thing and not u.schemes_mentioned:
            msg += (
                " Gjelder det en av dem, skriv navnet på ordningen."
                if lang == "nb"
                else " If you mean one of them, name the scheme."
            )
        return self.answer(u, lang, [msg], answered=False)

    def compute_from_start(
        self, u: Understanding, positions: Fraction, start: int
    ) -> calc.Calculation | None:
        """Run a ladder question about positions that first got a grant in ``start``.

        The start year is grant year 1; a calendar year asked about is then grant year
        ``year − start + 1`` by the rules of that calendar year (the ladder, or the sources'
        wind-down); a grant year asked about is the calendar year ``start + grant year − 1``;
        a sum or own share with no year runs over the ladder's years from the start year, as
        far as the rules go.
        """
        s = u.slots
        groups = [calc.PositionGroup(start, positions)]
        if s.get("start_groups"):
            # '2 stillinger som startet i 2020 og 1 som startet i 2021'
            groups = [calc.PositionGroup(y, p) for p, y in s["start_groups"]]
            start = min(g.start_year for g in groups)
        cost = s.get("cost")
        own = u.intent == "own_share" and cost is not None
        first, last = s.get("year_from"), s.get("year_to")
        if "year" in s:
            first = last = s["year"]
        elif first is None and "grant_year" in s and int(s["grant_year"]) > 0:
            first = start + int(s["grant_year"]) - 1
            last = start + int(s.get("grant_year_to", s["grant_year"])) - 1
        elif first is None and (u.intent == "total" or own):
            ladders = [r for r in self.kb.rules("kommunalt-rusarbeid") if isinstance(r, LadderRule)]
            steps = max((len(r.steps) for r in ladders), default=1)
            covered = [r.years.last or r.years.first for r in self.kb.rules("kommunalt-rusarbeid")]
            first, last = start, min(start + steps - 1, max(covered, default=start))
        if first is None or last is None:
            return None
        if own:
            return calc.rusarbeid_calendar_own_share(
                self.kb,
                int(first),
                int(last),
                groups,
                calc.parse_kroner(s["cost"]),
                cost_for_all=bool(s.get("cost_for_all")),
            )
        if first == last:
            return calc.rusarbeid_calendar_year(self.kb, int(first), groups)
        return calc.rusarbeid_calendar_total(self.kb, int(first), int(last), groups)

    def compute_operation(
        self, u: Understanding, scheme: str, positions: Fraction
    ) -> calc.Calculation | None:
        """Run the operation a ladder question asks for.

        A difference between two grant years (of the grant or of the own share), the steps
        between consecutive grant years, what remains from a grant year, a sum over grant
        years named in a list, and groups of positions in different grant years.
        """
        s = u.slots
        operation = s.get("operation")
        cost = s.get("cost")
        for_all = bool(s.get("cost_for_all"))
        if operation == "difference" and u.intent == "own_share" and "grant_year_to" in s:
            return calc.rusarbeid_own_share_difference(
                self.kb,
                positions,
                int(s["grant_year"]),
                int(s["grant_year_to"]),
                None if cost is None else calc.parse_kroner(cost),
                cost_for_all=for_all,
            )
        if operation == "ratio" and "grant_year_to" in s:
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            length = max((len(r.steps) for r in ladders), default=0)
            a, b = (length if g == -1 else int(g) for g in (s["grant_year"], s["grant_year_to"]))
            return calc.rusarbeid_difference(self.kb, positions, a, b)
        if operation == "difference" and u.intent in ("amount", "total") and "grant_year_to" in s:
            return calc.rusarbeid_difference(
                self.kb, positions, int(s["grant_year"]), int(s["grant_year_to"])
            )
        if operation == "steps" and u.intent in ("amount", "total", "own_share"):
            return calc.rusarbeid_yearly_changes(self.kb, positions)
        if operation is None and s.get("groups") and u.intent == "own_share" and cost is not None:
            # 'to årsverk à 760 000, det ene i år 1 og det andre i år 4': this year's own share
            groups = [calc.LadderGroup(g, p) for p, g in s["groups"]]
            return calc.rusarbeid_mixed_own_share(self.kb, groups, calc.parse_kroner(cost))
        if operation is None and s.get("groups") and u.intent in ("amount", "total"):
            return calc.rusarbeid_mixed(self.kb, [calc.LadderGroup(g, p) for p, g in s["groups"]])
        if operation is None and s.get("grant_years") and u.intent in ("amount", "total"):
            return calc.rusarbeid_years_total(self.kb, positions, s["grant_years"])
        if operation != "remaining" or "grant_year" not in s:
            return None
        if u.intent == "own_share" and "cost" in s:
            ladders = [r for r in self.kb.rules(scheme) if isinstance(r, LadderRule)]
            last = max((len(r.steps) for r in ladders), default=None)
            return calc.rusarbeid_own_share(
                self.kb, positions, int(s["grant_year"]), int(s["cost"]), through=last
            )
        if u.intent in ("amount", "total"):
            return calc.rusarbeid_span_total(self.kb, positions, int(s["grant_year"]))
        return None

    def operation_lead(self, u: Understanding, result: calc.Calculation, lang: Lang) -> list[str]:
        """Return the answer's first lines: a verdict on a stated figure, or the result."""
        lines: list[str] = []
        verdict = self.premise_verdict(u, result, lang)
        if verdict:
            lines.append(verdict)
        if (
            result.kind is calc.CalcKind.RUSARBEID_DIFFERENCE
            and u.slots.get("operation") == "ratio"
        ):
            lines.append(self.ratio_line(result, lang))
        elif result.kind is calc.CalcKind.RUSARBEID_DIFFERENCE:
            lines.append(self.difference_line(result, lang))
        elif result.kind is calc.CalcKind.RUSARBEID_STEPS:
            lines.append(self.steps_line(u, result, lang))
        elif result.kind is calc.CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE:
            lines.append(self.own_share_difference_line(result, lang))
        elif result.kind is calc.CalcKind.RUSARBEID_PERIOD and not verdict and u.intent == "total":
            total = fmt.kroner(result.total, lang)
            final = max(int(k.split("_")[1]) for k in result.figures if k.startswith("year_"))
            lines.append(
                f"Til sammen for år 1–{final}: {total}."
                if lang == "nb"
                else f"In total for years 1–{final}: {total}."
            )
        elif result.kind is calc.CalcKind.NAV_CAP and int(str(result.inputs.get("years", 1))) > 1:
            count, total = int(str(result.inputs["years"])), fmt.kroner(result.total, lang)
            own = "own_share" in result.figures
            if lang == "nb":
                what = "Egenandel i alt" if own else "Inntil i alt"
                lines.append(f"{what} for {count} år: {total}.")
            else:
                what = "Own share in all" if own else "Up to in all"
                lines.append(f"{what} for {count} years: {total}.")
        elif result.kind is calc.CalcKind.RUSARBEID_MIXED and not verdict:
            total = fmt.kroner(result.total, lang)
            lines.append(f"Til sammen: {total}." if lang == "nb" else f"In total: {total}.")
        elif result.kind is calc.CalcKind.RUSARBEID_MIXED_OWN_SHARE and not verdict:
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Egenandel til sammen: {total}."
                if lang == "nb"
                else f"Own share in total: {total}."
            )
        elif (
            result.kind is calc.CalcKind.RUSARBEID_CALENDAR_RANGE
            and u.slots.get("operation") == "difference"
            and not verdict
        ):
            lines.append(self.calendar_difference_line(u, result, lang))
        elif result.kind is calc.CalcKind.RUSARBEID_CALENDAR_RANGE and not verdict:
            first_year, last_year = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first_year)), int(str(last_year)))
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen for {span}: {total}."
                if lang == "nb"
                else f"In total for {span}: {total}."
            )
        elif result.kind is calc.CalcKind.RUSARBEID_CALENDAR_OWN_SHARE and not verdict:
            first_year, last_year = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first_year)), int(str(last_year)))
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Egenandel til sammen for {span}: {total}."
                if lang == "nb"
                else f"Own share in total for {span}: {total}."
            )
        elif result.kind is calc.CalcKind.RUSARBEID_OWN_SHARE and not verdict:
            listed = result.inputs.get("grant_years")
            if isinstance(listed, tuple) and len(listed) > 1:
                named = self.years_text(listed, lang)
                total = fmt.kroner(result.total, lang)
                lines.append(
                    f"Egenandel til sammen for år {named}: {total}."
                    if lang == "nb"
                    else f"Own share in total for years {named}: {total}."
                )
        calendar_year = result.kind is calc.CalcKind.RUSARBEID_CALENDAR_YEAR
        if calendar_year and u.slots.get("start_groups") and not verdict:
            year, total = result.inputs["year"], fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen i {year}: {total}."
                if lang == "nb"
                else f"In total in {year}: {total}."
            )
        elif calendar_year and "start_year" in u.slots:
            lines[:0] = self.start_year_lines(u, result, lang)
        if result.kind is calc.CalcKind.RUSARBEID_SPAN and not verdict:
            first, last = result.inputs["first"], result.inputs["last"]
            years = f"{first}–{last}" if first != last else f"{first}"
            listed = result.inputs.get("grant_years")
            if isinstance(listed, tuple) and len(listed) > 1:
                years = self.years_text(listed, lang)
            total = fmt.kroner(result.total, lang)
            lines.append(
                f"Til sammen for år {years}: {total}."
                if lang == "nb"
                else f"In total for years {years}: {total}."
            )
        return lines

    @staticmethod
    def years_text(years: tuple[object, ...], lang: Lang) -> str:
        """Render grant years: '1–3' when they follow each other, else '1, 2 og 4'."""
        values = [int(str(y)) for y in years]
        if values == list(range(values[0], values[-1] + 1)) and len(values) > 2:
            return f"{values[0]}–{values[-1]}"
        joined = ", ".join(str(v) for v in values[:-1])
        return f"{joined} {'og' if lang == 'nb' else 'and'} {values[-1]}"

    @staticmethod
    def steps_line(u: Understanding, result: calc.Calculation, lang: Lang) -> str:
        """Say how much the grant (or, at the same cost, the own share) changes each year."""
        nb = lang == "nb"
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        unit = calc.quantity(pos, calc.Unit.ARSVERK, lang)
        scope = ("per årsverk" if nb else "per FTE") if pos == 1 else f"for {unit}"
        years = sorted(int(k.split("_")[1]) for k in result.figures if k.startswith("year_"))
        chain = " → ".join(fmt.kroner(result.figures[f"year_{g}"], lang) for g in years)
        own = u.intent == "own_share"
        step = result.figures.get("step")
        if step is not None:
            way = ("ned" if step < 0 else "opp") if nb else ("down" if step < 0 else "up")
            if own:
                way = ("opp" if step < 0 else "ned") if nb else ("up" if step < 0 else "down")
                return (
                    f"Med samme kostnad går egenandelen {way} med {fmt.kroner(abs(step), lang)} "
                    f"{scope} hvert år, fordi tilskuddet trappes ned ({chain})."
                    if nb
                    else f"At the same cost the own share goes {way} by "
                    f"{fmt.kroner(abs(step), lang)} {scope} each year, as the grant steps down "
                    f"({chain})."
                )
            return (
                f"Tilskuddet trappes {way} med {fmt.kroner(abs(step), lang)} {scope} hvert år: "
                f"{chain}."
                if nb
                else f"The grant steps {way} by {fmt.kroner(abs(step), lang)} {scope} each year: "
                f"{chain}."
            )
        parts = []
        for a, b in itertools.pairwise(years):
            change = result.figures[f"change_{a}_{b}"]
            if own:
                change = -change
            way = ("ned" if change < 0 else "opp") if nb else ("down" if change < 0 else "up")
            year = "år" if nb else "year"
            parts.append(f"{year} {a} → {b}: {way} {fmt.kroner(abs(change), lang)}")
        noun = (
            ("Egenandelen" if own else "Tilskuddet")
            if nb
            else ("The own share" if own else "The grant")
        )
        verb = "endres" if nb else "changes"
        return f"{noun} {verb} {scope} slik: " + "; ".join(parts) + f" ({chain})."

    @staticmethod
    def own_share_difference_line(result: calc.Calculation, lang: Lang) -> str:
        """Say how much the own share goes up or down from one grant year to another."""
        nb = lang == "nb"
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        change = result.total
        amount = fmt.kroner(abs(change), lang)
        unit = calc.quantity(pos, calc.Unit.ARSVERK, lang)
        scope = ("per årsverk" if nb else "per FTE") if pos == 1 else f"for {unit}"
        same = result.inputs.get("yearly_cost") is None
        if nb:
            cond = " når kostnaden er den samme" if same else ""
            if change == 0:
                return f"Egenandelen er den samme i år {a} og år {b}{cond}."
            way = "opp" if change > 0 else "ned"
            return f"Egenandelen går {way} med {amount} {scope} fra år {a} til år {b}{cond}."
        cond = " when the cost stays the same" if same else ""
        if change == 0:
            return f"The own share is the same in year {a} and year {b}{cond}."
        way = "up" if change > 0 else "down"
        return f"The own share goes {way} by {amount} {scope} from year {a} to year {b}{cond}."

    @staticmethod
    def start_year_lines(u: Understanding, result: calc.Calculation, lang: Lang) -> list[str]:
        """Say which grant year a calendar year is for positions started in a given year."""
        start, year = u.slots.get("start_year"), result.inputs.get("year")
        if not isinstance(start, int) or not isinstance(year, int) or year < start:
            return []
        grant_year = year - start + 1
        on_ladder = result.total > 0 and any(
            step.grant_year == grant_year and step.op is calc.Op.MULTIPLY
            for step in result.steps
            if step.role is calc.Role.GRANT
        )
        total = fmt.kroner(result.total, lang)
        if lang == "nb":
            line = f"Med første tilskudd i {start} er {year} tilskuddsår {grant_year}" + (
                f": {total}." if on_ladder else "."
            )
            if not on_ladder:
                line += f" I {year} gir reglene {total} (se under)."
            return [line]
        line = f"With the first grant in {start}, {year} is grant year {grant_year}" + (
            f": {total}." if on_ladder else "."
        )
        if not on_ladder:
            line += f" In {year} the rules give {total} (see below)."
        return [line]

    @staticmethod
    def ratio_line(result: calc.Calculation, lang: Lang) -> str:
        """Say what share one grant year's amount is of another's: 'halvparten (1/2)'."""
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        base, part = result.figures["from"], result.figures["to"]
        share = Fraction(part, base) if base else Fraction(0)
        words = RATIO_WORDS.get(share)
        shown = f"{round(float(share * 100), 1):.1f}".removesuffix(".0")
        exact = (share * 1000).denominator == 1
        if lang == "nb":
            about = "" if exact else "omtrent "
            how = (
                f"{words[0]} ({share.numerator}/{share.denominator})"
                if words
                else f"{about}{shown.replace('.', ',')} %"
            )
            return (
                f"År {b} gir {fmt.kroner(part, lang)}, som er {how} av satsen i år {a} "
                f"({fmt.kroner(base, lang)})."
            )
        about = "" if exact else "about "
        how = f"{words[1]} ({share.numerator}/{share.denominator})" if words else f"{about}{shown}%"
        return (
            f"Year {b} gives {fmt.kroner(part, lang)}, which is {how} of the rate in year {a} "
            f"({fmt.kroner(base, lang)})."
        )

    @staticmethod
    def calendar_difference_line(u: Understanding, result: calc.Calculation, lang: Lang) -> str:
        """Say how much a grant goes up or down from one calendar year to the next asked."""
        first, last = int(str(result.inputs["first_year"])), int(str(result.inputs["last_year"]))
        old, new = result.figures.get(f"y{first}", 0), result.figures.get(f"y{last}", 0)
        change = new - old
        amount = fmt.kroner(abs(change), lang)
        shown = f"{fmt.kroner(old, lang)} → {fmt.kroner(new, lang)}"
        if lang == "nb":
            if change == 0:
                return f"Tilskuddet er det samme i {first} og {last}: {fmt.kroner(old, lang)}."
            way = "ned" if change < 0 else "opp"
            return f"Tilskuddet går {way} med {amount} fra {first} til {last} ({shown})."
        if change == 0:
            return f"The grant is the same in {first} and {last}: {fmt.kroner(old, lang)}."
        way = "down" if change < 0 else "up"
        return f"The grant goes {way} by {amount} from {first} to {last} ({shown})."

    @staticmethod
    def difference_line(result: calc.Calculation, lang: Lang) -> str:
        """Say how much a grant goes up or down from one grant year to another."""
        a, b = result.inputs["from_year"], result.inputs["to_year"]
        pos = result.inputs["positions"]
        assert isinstance(pos, Fraction)
        change = result.total
        amount = fmt.kroner(abs(change), lang)
        old, new = fmt.kroner(result.figures["from"], lang), fmt.kroner(result.figures["to"], lang)
        unit = calc.quantity(pos, calc.Unit.ARSVERK, lang)
        if lang == "nb":
            scope = "per årsverk" if pos == 1 else f"for {unit}"
            if change == 0:
                return f"Tilskuddet er det samme i år {a} og år {b}: {old} {scope}."
            way = "ned" if change < 0 else "opp"
            return (
                f"Tilskuddet går {way} med {amount} {scope} fra år {a} til år {b} ({old} → {new})."
            )
        scope = "per FTE" if pos == 1 else f"for {unit}"
        if change == 0:
            return f"The grant is the same in year {a} and year {b}: {old} {scope}."
        way = "down" if change < 0 else "up"
        return (
            f"The grant goes {way} by {amount} {scope} from year {a} to year {b} ({old} → {new})."
        )

    @classmethod
    def premise_figures(
        cls, u: Understanding, result: calc.Calculation, lang: Lang
    ) -> list[tuple[str, int | Fraction]]:
        """Return the figures a stated figure may claim, the one asked about first.

        A figure stated per position is compared with the figures per position. A result
        over several grant years offers each year's figure and their sum.
        """
        nb = lang == "nb"
        pos = result.inputs.get("positions", 1)
        per = Fraction(pos) if u.slots.get("stated_per") and isinstance(pos, Fraction) else 1
        unit = next((step.unit for step in result.steps if step.unit), calc.Unit.ARSVERK)
        per_text = f" per {calc.quantity(Fraction(1), unit, lang).split(' ', 1)[1]}"
        if not u.slots.get("stated_per"):
            per_text = ""
        if result.kind is calc.CalcKind.RUSARBEID_DIFFERENCE:
            a, b = result.inputs["from_year"], result.inputs["to_year"]
            what = f"endringen fra år {a} til år {b}" if nb else f"the change from year {a} to {b}"
            direction = u.slots.get("direction")
            change = abs(result.total) if direction is None else result.total
            if direction == "down":
                change = -result.total
            return [(what + per_text, Fraction(change) / per)]
        special = cls.operation_figures(u, result, lang, per, per_text)
        if special:
            return special
        own = result.kind is calc.CalcKind.RUSARBEID_OWN_SHARE or (
            # the own share under a cap: cost minus the cap
            result.kind is calc.CalcKind.NAV_CAP and "own_share" in result.figures
        )
        noun = (
            ("egenandelen" if nb else "the own share")
            if own
            else ("tilskuddet" if nb else "the grant")
        )
        key = "own_share_year_{}" if own else "year_{}"
        years = sorted(
            int(k.rsplit("_", 1)[1]) for k in result.figures if k.startswith(key.format(""))
        )
        if len(years) <= 1:
            g = u.slots.get("grant_year") or result.inputs.get("grant_year")
            year = u.slots.get("year")
            when = f" i år {g}" if nb and g else (f" in year {g}" if g else "")
            if year and not g:
                when = f" i {year}" if nb else f" in {year}"
            value = Fraction(result.total) / per
            rates = [
                step.rate
                for step in result.steps
                if step.role in (calc.Role.GRANT, calc.Role.CAP_POSITIONS) and step.rate
            ]
            if per_text and not own and rates:
                value = Fraction(rates[0])  # the rate per position, not a share of the total
            return [(f"{noun}{when}{per_text}", value)]
        figures: list[tuple[str, int | Fraction]] = []
        first, last = years[0], years[-1]
        total = "summen" if nb else "the sum"
        span = f" for år {first}–{last}" if nb else f" for years {first}–{last}"
        figures.append((f"{total}{span}{per_text}", Fraction(result.total) / per))
        for g in years:
            when = f" i år {g}" if nb else f" in year {g}"
            figures.append(
                (f"{noun}{when}{per_text}", Fraction(result.figures[key.format(g)]) / per)
            )
        if not u.slots.get("grant_year") and not own:
            figures = figures[1:] + figures[:1]
        return figures

    @staticmethod
    def operation_figures(
        u: Understanding, result: calc.Calculation, lang: Lang, per: Fraction | int, per_text: str
    ) -> list[tuple[str, int | Fraction]]:
        """Return the figures a stated figure may claim of the steps, an own-share change,
        groups of positions or an own share over calendar years (none for other results)."""
        nb = lang == "nb"
        kind = result.kind
        if kind is calc.CalcKind.RUSARBEID_STEPS:
            changes = [(k, v) for k, v in result.figures.items() if k.startswith("change_")]
            out: list[tuple[str, int | Fraction]] = []
            for key, value in changes:
                a, b = key.split("_")[1:]
                what = (
                    f"endringen fra år {a} til år {b}" if nb else f"the change from year {a} to {b}"
                )
                out.append((what + per_text, Fraction(abs(value)) / per))
            step = result.figures.get("step")
            if step is not None:
                what = "nedtrappingen hvert år" if nb else "the step each year"
                return [(what + per_text, Fraction(abs(step)) / per)]
            return out
        if kind is calc.CalcKind.RUSARBEID_OWN_SHARE_DIFFERENCE:
            a, b = str(result.inputs["from_year"]), str(result.inputs["to_year"])
            what = (
                f"endringen i egenandelen fra år {a} til år {b}"
                if nb
                else f"the change in the own share from year {a} to {b}"
            )
            direction = u.slots.get("direction")
            change = abs(result.total) if direction is None else result.total
            if direction == "down":
                change = -result.total
            return [(what + per_text, Fraction(change) / per)]
        if kind is calc.CalcKind.RUSARBEID_MIXED:
            what = "tilskuddet til sammen" if nb else "the grant in total"
            return [(what, Fraction(result.total))]
        if kind is calc.CalcKind.RUSARBEID_MIXED_OWN_SHARE:
            what = "egenandelen til sammen" if nb else "the own share in total"
            return [(what, Fraction(result.total))]
        if kind is calc.CalcKind.RUSARBEID_CALENDAR_OWN_SHARE:
            first, last = result.inputs["first_year"], result.inputs["last_year"]
            span = fmt.year_range(int(str(first)), int(str(last)))
            what = (
                f"egenandelen til sammen for {span}" if nb else f"the own share in total for {span}"
            )
            out = [(what, Fraction(result.total))]
            for key, value in result.figures.items():
                if key.startswith("own_share_y"):
                    year = key.removeprefix("own_share_y")
                    noun = f"egenandelen i {year}" if nb else f"the own share in {year}"
                    out.append((noun, Fraction(value)))
            return out
        return []

    def premise_verdict(self, u: Understanding, result: calc.Calculation, lang: Lang) -> str | None:
        """Confirm or contradict a figure the question states, with the right figure."""
        stated = u.slots.get("stated")
        if stated is None and "stated_years" in u.slots:
            return self.years_verdict(u, result, lang)
        if stated is None:
            return None
        figures = self.premise_figures(u, result, lang)
        nb = lang == "nb"
        claimed = fmt.kroner(int(stated), lang)
        for what, value in figures:
            if value == stated:
                return (
                    f"Ja, det stemmer: {what} er {claimed}."
                    if nb
                    else f"Yes, that is right: {what} is {claimed}."
                )
        # a figure of the working ('610 000 per stilling' of a cap of 620 000) is right too
        per = bool(u.slots.get("stated_per"))
        for step in result.steps:
            words = PART_WORDS.get(step.role)
            if step.role is calc.Role.COST or step.op is calc.Op.NOT_ELIGIBLE:
                continue
            if words is not None and not any(w in u.folded for w in words):
                continue  # a part ('herav til kompetanse') only when the question names it
            if stated == (step.rate if per else step.amount):
                line = calc.render_step(step, lang)
                return f"Ja, det stemmer: {line}." if nb else f"Yes, that is right: {line}."
        verb = " er " if nb else " is "
        right = "; ".join(
            what + verb + fmt.kroner(calc.round_kroner(Fraction(value)), lang)
            for what, value in figures
        )
        if nb:
            return f"Nei, det stemmer ikke: {right} – ikke {claimed}."
        return f"No, that is not right: {right} – not {claimed}."

    def years_verdict(self, u: Understanding, result: calc.Calculation, lang: Lang) -> str:
        """Confirm or contradict a stated number of years: the ladder's years, or the cap's."""
        stated = int(u.slots["stated_years"])
        nb = lang == "nb"
        rules = self.kb.rules(result.scheme_id or "")
        ladders = [r for r in rules if isinstance(r, LadderRule)]
        rule = ladders[0] if ladders else next((r for r in rules if r.kind == "cap"), None)
        text = (rule.text_en or rule.text) if rule is not None and not nb else ""
        text = text or (rule.text if rule is not None else "")
        # the rule's own sentence on its years ('… i inntil tre år til samme tiltak')
        said = next(
            (
                p.strip()
                for p in re.split(r"(?<=[.!?])\s+", unwrap(text))
                if re.search(r"\b(?:inntil|up to)\b", p) and re.search(r"\b(?:år|years?)\b", p)
            ),
            None,
        )
        quote = f" Kilden: «{said}»" if said and nb else (f" The source: “{said}”" if said else "")
        if ladders:
            years = max(len(r.steps) for r in ladders)
            what = (
                f"stigen går over {years} år (tilskuddsår 1–{years})"
                if nb
                else f"the ladder runs over {years} years (grant years 1–{years})"
            )
        else:
            years = calc.nav_max_years(self.kb)
            what = (
                f"tilskudd kan gis i inntil {years} år til samme tiltak"
                if nb
                else f"the grant can be given for up to {years} years for the same measure"
            )
        if stated == years:
            verdict = f"Ja, det stemmer: {what}." if nb else f"Yes, that is right: {what}."
        elif nb:
            verdict = f"Nei, det stemmer ikke: {what} – ikke {stated} år."
        else:
            verdict = f"No, that is not right: {what} – not {stated} years."
        return verdict + quote

    def wind_down_reference(self, scheme: str, year: int) -> int | None:
        """Return the year positions must exist in for a wind-down year, else None.

        In a wind-down year (a flat rule with conditions) every existing position gets the same
        amount, so a position asked about without its grant year is taken to exist in the year
        before the conditions start.
        """
        rules = [r for r in self.kb.rules(scheme) if r.years.contains(year)]
        conditional = [r for r in self.kb.rules(scheme) if getattr(r, "conditions", None)]
        if rules and any(isinstance(r, FlatRule) for r in rules) and conditional:
            return min(r.years.first for r in conditional) - 1
        return None

    def calendar_year_without_grant_year(
        self, scheme: str, year: int, positions: Fraction
    ) -> calc.Calculation:
        """Compute a calendar year when the grant year is not given.

        In a wind-down year (a rule with conditions) every existing position gets the same
        amount, so the position is taken to exist in the reference year; in a ladder year the
        amount depends on the grant year, so every grant year of the ladder is shown.
        """
        rules = [r for r in self.kb.rules(scheme) if r.years.contains(year)]
        reference = self.wind_down_reference(scheme, year)
        if reference is not None:
            return calc.rusarbeid_calendar_year(
                self.kb, year, [calc.PositionGroup(reference, positions)]
            )
        if not rules:
            return calc.rusarbeid_calendar_year(
                self.kb, year, [calc.PositionGroup(year, positions)]
            )
        return calc.rusarbeid_period_total(self.kb, positions)

    def framework_years(self) -> tuple[int, int]:
        """Return the first and last year of the framework-increase table."""
        years = self.kb.tables[calc.FRAMEWORK_TABLE].years
        return years.first, years.last or years.first

    # --- Opptrappingsplan tables and statistics ---

    def framework(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Answer framework-increase questions: one municipality, sums, groups, rankings."""
        answer = self.framework_answer(u, today, lang)
        answer.scheme = FRAMEWORK_SCHEME
        return answer

    def framework_answer(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Compute a framework answer (see framework)."""
        s = u.slots
        if "year_rel" in s and "year" not in s and "year_from" not in s:
            s["year"] = today.year + int(s["year_rel"])  # 'neste år', 'i fjor': against today
        outside = s.get("place") or (
            self.place_name(str(s["county"])) if s.get("county") not in (None, "landet") else None
        )
        if outside and "municipality" not in s and "group" not in s:
            names = ", ".join(sorted(m.name for m in self.kb.municipalities.values()))
            msg = (
                f"{outside} er ikke med i tabellene over økningen i rammen; de gjelder bare "
                f"kommunene i Agder: {names}."
                if lang == "nb"
                else f"{outside} is not in the framework-increase tables; they cover only "
                f"the municipalities in Agder: {names}."
            )
            return self.answer(u, lang, [msg], answered=False)
        try:
            if u.intent == "framework_ranking":
                ranking = calc.framework_ranking(
                    self.kb,
                    s.get("year", s.get("year_from", 2016)),
                    top=5,
                    descending=s.get("order", "desc") == "desc",
                    group=s.get("group"),
                )
                text = calc.render_ranking(ranking, lang).rsplit("\n", 1)[0]
                return self.answer(
                    u, lang, [text], sources=ranking.sources, scheme="opptrappingsplan-rusfeltet"
                )
            span = (s["year_from"], s["year_to"]) if "year_from" in s else None
            if "municipality" in s:
                if span:
                    result = calc.framework_sum(self.kb, s["municipality"], *span)
                elif "year" in s and u.intent != "framework_sum":
                    result = calc.framework_increase(self.kb, s["municipality"], s["year"])
                else:
                    first, last = self.framework_years()
                    result = calc.framework_sum(self.kb, s["municipality"], first, last)
            elif "group" in s:
                years = span or s.get("year") or self.framework_years()
                result = calc.framework_group_total(self.kb, s["group"], years)
            else:
                msg = (
                    "Hvilken kommune (navn eller kommunenummer) eller region (Lister, Aust-Agder,"
                    " Vest-Agder, Agder) gjelder det?"
                    if lang == "nb"
                    else "Which municipality (name or number) or region (Lister, Aust-Agder, "
                    "Vest-Agder, Agder) do you mean?"
                )
                return self.answer(u, lang, [msg], answered=False)
        except calc.CalcError as error:
            return self.calc_error(u, lang, error)
        return self.calc_answer(u, lang, result)

    def table_answer(self, u: Understanding, result: tableq.TableResult) -> Answer:
        """Answer a table query (value, sum, difference, ranking, filter) with its parts."""
        lang: Lang = "en" if u.lang == "en" else "nb"
        table, op = result.table, result.query.op
        schemes = self.kb.schemes.values()
        if any(r.municipality for r in table.rows):
            # the municipalities' framework increases belong to the framework plan
            plans = [s.id for s in schemes if s.kind == "rammeoverføring"]
            scheme = plans[0] if len(plans) == 1 else u.scheme
            summed = op == "sum" or any(
                c.sum_of for c in table.columns if c.id in result.query.columns
            )
            intent = {"rank": "framework_ranking"}.get(
                op, "framework_sum" if summed else "framework"
            )
        else:
            cited = [s.id for s in schemes if any(f.source == table.source for f in s.facts)]
            scheme, intent = (cited[0] if len(cited) == 1 else u.scheme), "statistics"
        title, body = tableq.render(result, lang)
        answer = self.answer(
            u, lang, [body], sources=tableq.provenance(self.kb, result), title=title, scheme=scheme
        )
        columns = [c for c in table.columns if c.id in result.query.columns]
        language = self.kb.language.tables if self.kb.language else None
        words = [*language.actual, *language.without_prognosis] if language else []
        compared = result.query.other is not None  # the final figure is the other side
        if (
            columns
            and not compared
            and all(c.status == "prognose" for c in columns)
            and _says(u, _folded(words))
        ):
            # 'hva fikk de faktisk i 2020, ikke prognosen?': only the prognosis is printed
            years = ", ".join(str(c.year) for c in columns if c.year)
            answer.paragraphs.insert(
                0,
                f"Kildene har bare prognosen for {years}, ikke det endelige tallet. Prognosen er:"
                if lang == "nb"
                else f"The sources only have the prognosis for {years}, not the final figure. "
                "The prognosis is:",
            )
            answer.answered = False
        answer.intent = intent
        answer.confidence = max(answer.confidence, 0.8)
        return answer

    def statistics(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Show a county's row of the NAV social-services statistics, each column defined."""
        table = self.kb.tables.get(STATISTICS_TABLE)
        county = u.slots.get("county")
        if table is not None and county is None and "column" not in u.slots:
            about = self.table_notes(u, table, lang)
            if about is not None:
                return about
        if table is None or county is None:
            msg = (
                "Hvilket fylke? Tabellen har tall for landet og fylkene slik de var i 2019."
                if lang == "nb"
                else "Which county? The table covers the country and the "
                "counties as they were in 2019."
            )
            return self.answer(u, lang, [msg], answered=False)
        row = next((r for r in table.rows if r.county == county or r.key == county), None)
        if row is None:
            return self.dont_know(u, lang)
        lines = []
        wanted = u.slots.get("column")
        year = u.slots.get("year")
        chosen = next((c for c in table.columns if c.id == wanted), None)
        if (
            chosen is not None
            and isinstance(year, int)
            and not tableq.column_covers(table, chosen, year)
        ):
            return self.other_year_count(u, lang, chosen, year, row.label)
        for column in table.columns:
            if wanted and column.id != wanted:
                continue
            value = row.values.get(column.id)
            if value is None:
                continue
            shown = fmt.decimal(value, lang) + (" %" if column.unit == "prosent" else "")
            if column.unit == "antall" and isinstance(value, int):
                shown = fmt.number(value, lang)
            lines.append(f"– {column.definition}: {shown}")
        title = f"{table.title}: {row.label}"
        notes = [n for n in table.notes if "målekort" in n][:1]
        return self.answer(
            u,
            lang,
            ["\n".join(lines), *notes],
            sources=[self.kb.provenance(table)],
            title=title,
            scheme="nav-sosiale-tjenester",
        )

    def other_year_count(
        self, u: Understanding, lang: Lang, column: Column, year: int, place: str
    ) -> Answer:
        """Decline a count asked for a year the table does not count, naming what it has."""
        table = self.kb.tables[STATISTICS_TABLE]
        label = (column.label_en or column.label) if lang == "en" else column.label
        title = re.sub(r"^(?:Tabell|Table):\s*", "", table.title_en or table.title)
        title_nb = re.sub(r"^Tabell:\s*", "", table.title)
        counted = str(column.year) if column.year is not None else table.years.label()
        msg = (
            f"Kildene mine har ikke tallet for {place} i {year}. Tabellen «{title_nb}» har "
            f"bare «{label}», det vil si {counted}; spør om det året om du vil ha det tallet."
            if lang == "nb"
            else f"My sources do not have the figure for {place} in {year}. The table "
            f"«{title}» only has «{label}», that is {counted}; ask "
            "about that year if you want that figure."
        )
        return self.answer(
            u,
            lang,
            [msg],
            sources=[self.kb.provenance(table)],
            answered=False,
            scheme="nav-sosiale-tjenester",
        )

    def table_notes(self, u: Understanding, table: Table, lang: Lang) -> Answer | None:
        """Answer what a table's notes say about it: where its figures come from, its colours.

        'Hvor kommer tallene fra?', 'hva betyr fargene?', 'er tabellen et målekort?' ask about
        the table, not for a row; the notes printed under it answer, each aspect by the notes
        that speak of it (all of the source's notes when the question names none).
        """
        text = f"{u.folded} {fold(u.text)}"
        if not TABLE_ABOUT.search(text):
            return None
        english = lang == "en" and table.notes_en is not None
        notes = list(zip(table.notes, table.notes_en or table.notes, strict=True))
        wanted = [stems for pattern, stems in TABLE_ASPECTS if pattern.search(text)]
        chosen = [
            (nb, en)
            for nb, en in notes
            if any(any(stem in fold(nb) or stem in en.lower() for stem in st) for st in wanted)
        ]
        if not chosen:
            return None
        prov = self.kb.provenance(table)
        title = (table.title_en or table.title) if english else table.title
        return self.answer(
            u,
            lang,
            [en if english else nb for nb, en in chosen],
            sources=[prov],
            title=title,
            scheme="nav-sosiale-tjenester" if table.id == STATISTICS_TABLE else None,
        )

    # --- money and budget ---

    def appropriation(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List appropriations and money tables, for a year or all years.

        A named office ('hos Fylkesmannen i Agder', 'til Innlandet') keeps what that office
        distributes; 'nasjonalt' / 'hele landet' keeps the national figures. Tables of amounts
        the scheme's facts refer to (e.g. the national framework increase per year, the Agder
        prognosis with its printed sum) are shown with their rows as printed.
        """
        if "year_rel" in u.slots and not any(k in u.slots for k in ("year", "year_from")):
            # 'bevilgningen i fjor', 'i år': the calendar year against today
            u.slots["year"] = today.year + int(u.slots["year_rel"])
        arithmetic = self.appropriation_arithmetic(u, lang)
        if arithmetic is not None:
            return arithmetic
        named = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        administered = u.slots.get("office") not in (None, "nasjonal")
        if administered and GRANT_ADMINISTRATION.search(u.folded):
            # 'tilskuddsforvaltningen i Agder 2018': the office's figures for every scheme
            named = []
        schemes = named or self.schemes_with(lambda s: bool(s.appropriations))
        year = u.slots.get("year")
        late = self.late_appropriation_year(schemes, year)
        if late is not None:
            year = late  # a year after every appropriation: the newest, named as such
        national = u.slots.get("county") == "landet" or u.slots.get("office") == "nasjonal"
        office = u.slots.get("office") if u.slots.get("office") != "nasjonal" else None
        found: list[tuple[str, Appropriation]] = [
            (sid, a)
            for sid in schemes
            for a in self.kb.schemes[sid].appropriations
            if year is None or a.year == year
        ]
        scoped = [
            (sid, a)
            for sid, a in found
            if (national and a.scope == "nasjonal")
            or (
                office is not None
                and a.scope == "fylke"
                and self.kb.provenance(a).office_id == office
            )
        ]
        if scoped or national or office:
            found = scoped
        paragraphs: list[str] = []
        sources: list[Provenance] = []
        years: list[int] = []
        # one appropriation the sources give for two schemes together is listed once
        together: dict[tuple[int, int, str, str], list[str]] = {}
        for sid, a in found:
            together.setdefault((a.year, a.amount, a.text, a.source), []).append(self.name(sid))
        shown: set[tuple[int, int, str, str]] = set()
        for _sid, a in sorted(found, key=lambda item: item[1].year):
            key = (a.year, a.amount, a.text, a.source)
            if key in shown:
                continue
            shown.add(key)
            prov = self.kb.provenance(a)
            where = (
                ("nasjonalt" if lang == "nb" else "nationally")
                if a.scope == "nasjonal"
                else prov.office_name
            )
            flags = []
            if a.approximate:
                flags.append("omtrent" if lang == "nb" else "approximately")
            if a.prognosis:
                flags.append("prognose" if lang == "nb" else "prognosis")
            extra = f", {', '.join(flags)}" if flags else ""
            if a.amount >= 1_000_000 and a.amount % 100_000 == 0:
                where = f"{fmt.millions(a.amount, lang)}, {where}"
            paragraphs.append(
                f"{' / '.join(together[key])} {a.year}: {fmt.kroner(a.amount, lang)} "
                f"({where}{extra}) – «{a.text}»"
            )
            sources.append(prov)
            years.append(a.year)
        for table, lines in self.money_tables(named, year, national, office, lang):
            paragraphs.append(f"{table.title}:\n" + "\n".join(lines))
            sources.append(self.kb.provenance(table))
            years.append(table.years.last or table.years.first)
        if not paragraphs:
            names = ", ".join(self.name(s) for s in schemes)
            year_text = f" {year}" if year else ""
            msg = (
                f"Jeg har ingen bevilgning for {names}{year_text} i kildene mine."
                if lang == "nb"
                else f"I have no appropriation for {names}{year_text}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if late is not None:  # the year asked is not covered: said first
            paragraphs.insert(
                0, asof.phrase("appropriation", lang, year=u.slots.get("year"), last=late)
            )
        if len(named) == 1:
            dated = self.money_as_of(named[0], max(years), u.slots.get("year"), today, lang)
            paragraphs += dated.lines
            sources += dated.sources
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=sources,
            scheme=named[0] if len(named) == 1 else None,
            answered=late is None,
        )

    def asks_appropriation(self, u: Understanding) -> bool:
        """Whether a money question without ladder inputs asks for the schemes' appropriations.

        'Hvor stor var ordningen for voksne og barn og unge i 2018?', 'hvor mye mer fikk X enn
        Y?', 'the national KRA grant in 2018': schemes without rates, several schemes, or the
        national money, and nothing a rate is computed from.
        """
        named = u.schemes_mentioned
        if not named or not all(self.kb.schemes[sid].appropriations for sid in named):
            return False
        if RATE_ASK.search(u.folded):
            # 'sats per årsverk i voksne-ordningen?': a rate, which such a scheme has none of
            return False
        inputs = ("grant_year", "start_year", "groups", "duration", "operation", "measures")
        cost = u.slots.get("cost")
        if any(k in u.slots for k in inputs) or (isinstance(cost, int) and cost < 10_000_000):
            return False
        if "positions" in u.slots and "positions" not in u.implicit:
            return False
        rated = [
            sid for sid in named if any(r.kind in RATE_KINDS for r in self.kb.schemes[sid].rules)
        ]
        national = u.slots.get("office") == "nasjonal" or u.slots.get("county") == "landet"
        # 'hvor mye mindre var tilskuddet i 2021 enn i 2018?': with no grant year the ladder
        # gives no one figure per calendar year, the appropriations do
        first, last = u.slots.get("year_from"), u.slots.get("year_to")
        both = first is not None and all(
            {first, last} <= {a.year for a in self.kb.schemes[sid].appropriations} for sid in named
        )
        compared = both and bool(DIFFERENCE.search(u.folded) or GOES_DOWN.search(u.folded))
        return len(named) >= 2 or not rated or national or compared

    def appropriations_exist(self, schemes: list[str], years: list[int], office: str) -> bool:
        """Whether an office has a figure for every scheme in every year asked."""
        return all(
            any(
                a.year == year and a.scope == "fylke" and self.kb.provenance(a).office_id == office
                for a in self.kb.schemes[sid].appropriations
            )
            for sid in schemes
            for year in years
        )

    def appropriation_arithmetic(self, u: Understanding, lang: Lang) -> Answer | None:
        """Sum or compare appropriations when the question asks to (words of language.tables).

        Several schemes in one year summed ('til sammen', 'alle tre'); one scheme (or several)
        in two years compared, the later against the earlier; the schemes named before
        'enn'/'than' against the others. National figures unless an office is named.
        """
        words = self.kb.language.tables if self.kb.language else None
        if words is None:
            return None

        def says(phrases: list[str]) -> bool:
            return any(re.search(rf"\b{re.escape(fold(p))}\b", u.folded) for p in phrases)

        named = [sid for sid in u.schemes_mentioned if self.kb.schemes[sid].appropriations]
        years = [u.slots["year"]] if "year" in u.slots else []
        if "year_from" in u.slots and "year_to" in u.slots:
            years = [u.slots["year_from"], u.slots["year_to"]]
        office = u.slots.get("office") if u.slots.get("office") != "nasjonal" else None
        if not named and len(years) == 1 and says(words.sum):
            # 'prognosen for Agder 2018 i alt', 'alle ordningene i 2021 til sammen': every
            # scheme with a figure that year (national, or of the office named)
            named = [
                sid
                for sid, scheme in self.kb.schemes.items()
                if any(
                    a.year == years[0]
                    and (
                        a.scope == "nasjonal"
                        if office is None
                        else a.scope == "fylke" and self.kb.provenance(a).office_id == office
                    )
                    for a in scheme.appropriations
                )
            ]
        down, up = GOES_DOWN.search(u.folded), GOES_UP.search(u.folded)
        compares = says(words.difference) or bool(DIFFERENCE.search(u.folded) or down or up)
        compares = compares or ((says(words.more) or says(words.less)) and says(words.than))
        # an office's figures that lack a year or scheme asked give way to the national ones
        # ('fra 2018-tallet i Agder-presentasjonen til 2021')
        national_instead = office is not None and not self.appropriations_exist(
            named, years, office
        )
        if national_instead:
            office = None
        try:
            if len(years) == 2 and named and compares:
                earlier, later = min(years), max(years)
                result = calc.appropriation_difference(
                    self.kb,
                    [(sid, later) for sid in named],
                    [(sid, earlier) for sid in named],
                    office,
                )
                change = result.total
                names = fmt.join([self.name(sid) for sid in named], lang)
                a, b = (
                    fmt.millions(result.figures["second"], lang),
                    fmt.millions(result.figures["first"], lang),
                )
                if lang == "nb":
                    way = "økte" if change > 0 else "gikk ned" if change < 0 else "var uendret"
                    lead = f"{names}: bevilgningen {way} fra {earlier} til {later}"
                    lead += f" med {fmt.millions(abs(change), lang)}" if change else ""
                    lead += f" (fra {a} til {b})."
                else:
                    way = "rose" if change > 0 else "fell" if change < 0 else "was unchanged"
                    lead = f"{names}: the appropriation {way} from {earlier} to {later}"
                    lead += f" by {fmt.millions(abs(change), lang)}" if change else ""
                    lead += f" (from {a} to {b})."
                claimed = -1 if down and not up else 1 if up and not down else 0
                if PREMISE.search(u.folded) and claimed:
                    # 'stemmer det at bevilgningen gikk ned?': the direction stated, checked
                    right = claimed * change > 0
                    verdict = (
                        ("Ja, det stemmer." if right else "Nei, det stemmer ikke.")
                        if lang == "nb"
                        else ("Yes, that is right." if right else "No, that is not right.")
                    )
                    lead = f"{verdict} {lead}"
            elif len(years) == 1 and len(named) >= 2 and compares and u.slots.get("schemes_first"):
                first = [sid for sid in named if sid in u.slots["schemes_first"]]
                rest = [sid for sid in named if sid not in first]
                if not first or not rest:
                    return None
                year = years[0]
                result = calc.appropriation_difference(
                    self.kb, [(sid, year) for sid in first], [(sid, year) for sid in rest], office
                )
                one = fmt.join([self.name(sid) for sid in first], lang)
                other = fmt.join([self.name(sid) for sid in rest], lang)
                amount = fmt.millions(abs(result.total), lang)
                if lang == "nb":
                    more = "mer" if result.total >= 0 else "mindre"
                    lead = f"{one} fikk {amount} {more} enn {other} i {year}."
                else:
                    more = "more" if result.total >= 0 else "less"
                    lead = f"{one} got {amount} {more} than {other} in {year}."
            elif len(years) == 1 and len(named) >= 2:
                result = calc.appropriation_sum(self.kb, [(sid, years[0]) for sid in named], office)
                parts = [s.amount for s in result.steps if s.op is calc.Op.VALUE]
                total = " + ".join(fmt.millions(p, lang) for p in parts)
                total += f" = {fmt.millions(result.total, lang)}" if len(parts) > 1 else ""
                lead = (
                    f"Til sammen i {years[0]}: {total}."
                    if lang == "nb"
                    else f"In total in {years[0]}: {total}."
                )
            else:
                return None
        except calc.CalcError:
            return None
        if national_instead:
            lead += " (Nasjonale tall.)" if lang == "nb" else " (National figures.)"
        stated = u.slots.get("cost")
        if (
            isinstance(stated, int)
            and stated >= 1_000_000
            and result.kind is calc.CalcKind.APPROPRIATION_SUM
        ):
            # 'var den totale bevilgningen over 700 millioner?': the sum against the figure
            side = (
                ("over" if result.total > stated else "under" if result.total < stated else "lik")
                if lang == "nb"
                else (
                    "above"
                    if result.total > stated
                    else "below"
                    if result.total < stated
                    else "equal to"
                )
            )
            lead += (
                f" Det er {side} {fmt.millions(stated, lang)}."
                if lang == "nb"
                else f" That is {side} {fmt.millions(stated, lang)}."
            )
        # the question is read as this operation: no passage is put before its working
        u.slots["operation"] = (
            "sum" if result.kind is calc.CalcKind.APPROPRIATION_SUM else "difference"
        )
        answer = self.calc_answer(u, lang, result)
        answer.paragraphs.insert(0, lead)
        return answer

    def money_tables(
        self,
        schemes: list[str],
        year: int | None,
        national: bool,
        office: str | None,
        lang: Lang,
    ) -> list[tuple[Table, list[str]]]:
        """Return tables of amounts (not per municipality) for a question, with their lines.

        With named schemes, the tables their facts refer to; without, every such table. A
        year keeps that year's columns; 'nasjonalt' keeps national rows, an office the tables
        from its documents.
        """
        if schemes:
            ids = {
                m.group(1)
                for sid in schemes
                for f in self.kb.schemes[sid].facts
                for m in TABLE_REF.finditer(f.text)
            }
            tables = [self.kb.tables[i] for i in sorted(ids) if i in self.kb.tables]
        else:
            tables = list(self.kb.tables.values())
        out: list[tuple[Table, list[str]]] = []
        for table in tables:
            if any(r.municipality or r.county for r in table.rows):
                continue
            columns = [
                c for c in table.columns if c.unit == "kr" and (year is None or c.year == year)
            ]
            if not columns:
                continue
            if office is not None and self.kb.provenance(table).office_id != office:
                continue
            rows = [r for r in table.rows if (r.key == "landet") == national]
            lines = []
            for row in rows:
                for column in columns:
                    value = row.values.get(column.id)
                    if value is None:
                        continue
                    label = column.label if len(columns) > 1 else ""
                    flag = f" ({word('prognosis', lang)})" if column.status == "prognose" else ""
                    head = f"{row.label} {label}".strip()
                    lines.append(f"– {head}: {fmt.kroner(int(value), lang)}{flag}")
            if lines:
                out.append((table, lines))
        return out

    def budget(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """Give a scheme's budget chapter and post."""
        schemes = u.schemes_mentioned[:3] or ([u.scheme] if u.scheme else [])
        if not schemes:
            return self.ask_scheme(u, lang, self.schemes_with(lambda s: bool(s.budget)))
        paragraphs, sources, answered = [], [], False
        for sid in schemes:
            budget = self.kb.schemes[sid].budget
            if not budget:
                paragraphs.append(
                    f"Kildene oppgir ikke kapittel og post for {self.name(sid)}."
                    if lang == "nb"
                    else f"The sources give no budget chapter for {self.name(sid)}."
                )
                continue
            answered = True
            for b in budget:
                ministry = f", {b.ministry}" if b.ministry else ""
                word = "post" if lang == "nb" else "item"
                paragraphs.append(
                    f"{self.name(sid)}: kap. {b.chapter} {word} {b.post}{ministry} "
                    f"({b.years.label()})"
                )
                sources.append(self.kb.provenance(b))
        return self.answer(u, lang, paragraphs, sources=sources, answered=answered)

    # --- overview ---

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
            lines.append(f"– {scheme.names.official} ({span})")
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
        for b in scheme.budget:
            paragraphs.append(f"Kap. {b.chapter} post {b.post} ({b.years.label()})")
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
        return self.answer(u, lang, paragraphs, sources=sources, title=scheme.names.official)

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
                + (f", {self.name(entry.scheme)}." if entry.scheme else "."),
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
            f"{scheme.names.short}, {item.years.label()} ({office_in(prov, lang)}): "
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
        return self.answer(u, lang, self.examples(lang), title="Hjelp" if lang == "nb" else "Help")

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

    # --- as of today: the years after the sources (see bot.asof) ---

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

    def compute_in_year(
        self, u: Understanding, scheme: str, positions: object, year: int
    ) -> calc.Calculation:
        """Compute an amount for one calendar year, as if the question had named only that year."""
        saved = dict(u.slots)
        u.slots["year"] = year
        for key in ("grant_year", "grant_year_to", "year_from", "year_to"):
            u.slots.pop(key, None)
        try:
            return self.compute(u, scheme, positions)
        finally:
            u.slots.clear()
            u.slots.update(saved)

    def compute_as_of(
        self, u: Understanding, scheme: str, positions: object, today: dt.date, lang: Lang
    ) -> tuple[calc.Calculation, asof.Dated]:
        """Compute a money question for its year (the asked one, else today's).

        A year the rules cover is answered plainly. An asked year after every rule is answered
        for the last year a rule covers; today's year after the rule used names that rule's years
        and what the sources say after them. When another rule covers today's year (a
        wind-down), an amount is computed for today's year, and the ladder figure is named with
        its years.
        """
        asked = u.slots.get("year")
        try:
            result = self.compute(u, scheme, positions)
        except calc.OutOfRange as error:
            last = asof.last_of(error.covered)
            if u.intent != "amount" or not isinstance(asked, int) or not asof.after(asked, last):
                raise
            assert last is not None
            result = self.compute_in_year(u, scheme, positions, last)
            dated = asof.beyond(self.kb, scheme, "figures_year", last, asked, lang)
            dated.complete = False
            return result, dated
        if asked is not None or result.years is None:
            return result, asof.Dated()
        year, used = today.year, result.years
        if used.contains(year) or year < used.first:
            return result, asof.Dated()
        last = used.last if used.last is not None else used.first
        covering = [r for r in self.kb.rules(scheme) if r.kind != "text" and r.years.contains(year)]
        if not covering:
            return result, asof.beyond(
                self.kb, scheme, "figures", last, year, lang, years=used.label()
            )
        dated = asof.Dated()
        if u.intent == "amount":
            ladder = result
            result = self.compute_in_year(u, scheme, positions, year)
            grant_year = u.slots.get("grant_year")
            if grant_year is not None and ladder.total:
                dated.lines.append(
                    asof.phrase(
                        "ladder_before",
                        lang,
                        years=used.label(),
                        grant_year=grant_year,
                        amount=fmt.kroner(ladder.total, lang),
                        year=year,
                    )
                )
                dated.sources += ladder.sources
            return result, dated
        dated.lines.append(asof.phrase("figures_other", lang, years=used.label(), year=year))
        for rule in covering:
            dated.lines += rule_lines(rule, lang)
            dated.sources.append(self.kb.provenance(rule))
        return result, dated

    def deadline_year(self, u: Understanding, today: dt.date) -> int | None:
        """Return the year a deadline question names, today's for 'i år' / 'this year', or None.

        'neste år' / 'i fjor' / 'next year' count from today, so a deadline asked for next
        year is that year's, not the newest one known.
        """
        year = u.slots.get("year")
        if year is None and isinstance(u.slots.get("year_rel"), int):
            return today.year + int(u.slots["year_rel"])
        if year is None and asof.asks_this_year(u.folded):
            return today.year
        return year if isinstance(year, int) else None

    def deadline_gap(
        self,
        sid: str,
        kind: DeadlineKind,
        of_kind: list[DeadlineEntry],
        chosen: list[DeadlineEntry],
        year: int | None,
        today: dt.date,
        lang: Lang,
    ) -> asof.Dated | None:
        """Say that no deadline is known for the year asked (or today's), or None if one is."""
        target = year if year is not None else today.year
        last = max((e.deadline.year for e in of_kind), default=None)
        if not asof.after(target, last):
            return None
        if year is None and any(e.deadline.date and e.deadline.date >= today for e in chosen):
            return None
        return asof.deadline_gap(self.kb, sid, kind, target, lang)

    def deadlines_after(self, u: Understanding, year: int, kind: str | None, lang: Lang) -> Answer:
        """Answer 'hvilke frister er det i år?' for a year after every deadline in the sources."""
        wanted = DeadlineKind(kind) if kind else None
        stale = asof.stale_schemes(self.kb, year, kind=wanted)
        overview = asof.deadline_overview(self.kb, year, lang, stale, wanted)
        return self.answer(u, lang, overview.lines, sources=overview.sources, answered=False)

    def outlook_after(
        self, u: Understanding, outlook: calc.DeadlineOutlook, lang: Lang
    ) -> Answer | None:
        """Answer /frister, 'neste frist' or 'rekker vi fortsatt' in a year after the sources.

        The schemes with no deadline in the year are grouped, newest known year first, with
        where to check; deadlines still to come (one a caseworker added) are shown first, as
        before. None when every scheme asked about has a deadline in the year.
        """
        day = outlook.today
        kind_value = u.slots.get("kind") if u.scheme else None
        kind = DeadlineKind(kind_value) if kind_value else None
        stale = asof.stale_schemes(self.kb, day.year, u.scheme, kind)
        office = outlook.filters.get("office")
        if office:  # 'neste frist i Innlandet': the schemes that office gave deadlines for
            stale = [
                sid
                for sid in stale
                if any(e.office_id == office for e in asof.scheme_deadlines(self.kb, sid, kind))
            ]
        if not stale:
            return None
        paragraphs: list[str] = []
        rest = replace(
            outlook,
            latest_known=tuple(i for i in outlook.latest_known if i.scheme_id not in stale),
            newest_source_year=max(outlook.newest_source_year, day.year),
        )
        if rest.upcoming or rest.undated or rest.latest_known:
            paragraphs.append(calc.render_outlook(rest, lang))
        what = f" for {asof.scheme_name(self.kb, u.scheme, lang)}" if u.scheme else ""
        overview = asof.deadline_overview(self.kb, day.year, lang, stale, kind, what)
        shown = (*rest.upcoming, *rest.undated, *rest.latest_known)
        sources = [i.source for i in shown] + overview.sources
        return self.answer(
            u,
            lang,
            paragraphs + overview.lines,
            sources=sources,
            answered=bool(rest.upcoming),
            scheme=u.scheme,
        )

    def money_as_of(
        self, sid: str, last: int, asked: object, today: dt.date, lang: Lang
    ) -> asof.Dated:
        """Say what the sources say after the newest appropriation, for a later year."""
        year = asked if isinstance(asked, int) else today.year
        if not asof.after(year, last):
            return asof.Dated()
        return asof.later_years(self.kb, sid, last, year, lang)

    def scheme_as_of(self, sid: str, asked: object, today: dt.date, lang: Lang) -> asof.Dated:
        """Say that the newest on a scheme is from before the question's year, and what follows."""
        year = asked if isinstance(asked, int) else today.year
        last = asof.scheme_last(self.kb, sid)
        if last is None or not asof.after(year, last):
            return asof.Dated()
        return asof.beyond(self.kb, sid, "scheme", last, year, lang)

    def passage_as_of(
        self, sid: str | None, years: YearRange, today: dt.date, lang: Lang
    ) -> asof.Dated:
        """After a passage of some years: what the sources say about the scheme's later years."""
        last = years.last if years.last is not None else years.first
        if sid is None or not asof.after(today.year, last):
            return asof.Dated()
        return asof.later_years(self.kb, sid, last, today.year, lang)

    def late_appropriation_year(self, schemes: list[str], year: object) -> int | None:
        """Return the newest appropriation year when the asked year lies after all of them."""
        newest = max(
            (a.year for sid in schemes for a in self.kb.schemes[sid].appropriations), default=None
        )
        if isinstance(year, int) and asof.after(year, newest):
            return newest
        return None

    def schemes_after(self, u: Understanding, today: dt.date, lang: Lang) -> Answer | None:
        """List the schemes in a year after every deadline in the sources (/ordninger), or None.

        Each scheme with the years the sources cover and its last known application deadline,
        newest year first; that no deadline for the year is known, and where to check.
        """
        year = asof.question_year(u.slots, today)
        if any(e.deadline.year >= year for e in self.kb.deadlines()):
            return None
        overview = asof.scheme_overview(self.kb, year, lang)
        title = "Ordningene jeg kjenner" if lang == "nb" else "The schemes I know"
        options = [Option(s.names.short, s.names.short) for s in self.kb.schemes.values()]
        return self.answer(
            u, lang, overview.lines, sources=overview.sources, title=title, options=options
        )
