"""The answering engine: understanding, per-chat context for follow-ups, composition.

The console chat, the `ask` command and the Telegram handlers all call
``Engine.ask``; nothing is written twice. Context holds only what follow-ups
need (intent, scheme, slots, language, the sources of the last answer), never
the message text, and it is forgotten after ``CONTEXT_TURNS_TTL`` idle days or
on request.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import lru_cache
from typing import Any

from bot.answer import Answer
from bot.answers.composer import Composer
from bot.calc.tables import evaluate
from bot.text import lazy_pattern, use_forms
from bot.understanding.parse import Understander
from bot.understanding.patterns import (
    AMOUNT_ASK,
    DIFFERENCE,
    FIGURE_INTENTS,
    FRAMEWORK_INTENTS,
    OFFICE_INTENTS,
    OLD_RULES,
    OTHER_COUNTS,
    THAN_GRANT_YEAR,
    THROUGH_YEAR,
)
from bot.understanding.query import Understanding, names_a_grant
from bot.understanding.tables import TableQuery, TableReader
from bot.understanding.words import NUMBER_WORDS, use_words, word_tables
from knowledge.kb import KnowledgeBase, Provenance

MAX_CHATS = 10_000
CONTEXT_TTL_DAYS = 1


def split_questions(
    text: str, question_words: list[str], asking: Callable[[str], bool] | None = None
) -> list[str]:
    """Split 'Når er fristen for X, og hvem kan søke?' into its questions, or keep it whole.

    Only a message that starts with a question word (after a short lead-in such as 'To
    spørsmål:'), or with a word that asks for something (``asking``: 'Frist for X, og hvem
    kan søke?'), is split, at '?' or at ', og' / ' and' followed by another question word;
    each part keeps at least two words. A topic before a dash ('Husbankens boligsosiale
    tiltak – når er fristen og hvem kan søke?') is what each question is about.
    """
    return _split(text, question_words, asking)[0]


def _split(
    text: str, question_words: list[str], asking: Callable[[str], bool] | None = None
) -> tuple[list[str], bool]:
    """The questions of a message, and whether a statement before them starts each one."""
    if not question_words:
        return [text], False
    first, joins = _question_patterns(tuple(question_words))
    lead = _LEAD.match(text)
    body = text[lead.end() :] if lead and first.match(text[lead.end() :]) else text
    premise = ""
    topic = _TOPIC_LEAD.match(body)
    if topic and not first.match(body) and first.match(body[topic.end() :]):
        # 'X – når er fristen og hvem kan søke?': both questions are about X
        premise, body = body[: topic.end()], body[topic.end() :]
        pieces = joins.split(body)
        parts = [p.strip(" ,") for p in pieces if p.strip(" ,")]
        if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
            return [text], False
        return [premise + (p if p.endswith("?") else p + "?") for p in parts], False
    words = body.split()
    if not first.match(body) and asking is not None and words and asking(words[0]):
        # 'Frist for X ifølge 2022-tabellen, og hvem kan søke?': a question without a
        # question word, asking for a deadline, before the second question
        pieces = joins.split(body)
        parts = [p.strip(" ,") for p in pieces if p.strip(" ,")]
        if len(parts) == 2 and all(len(p.split()) >= 2 for p in parts):
            return [p if p.endswith("?") else p + "?" for p in parts], False
    if not first.match(body):
        # 'Stillingen koster 700 000 kr. Hva blir egenandelen i år 4, og hvor mye …?': what
        # the sentences before the questions state holds for each of them
        ends = [m.end() for m in _SENTENCE_END.finditer(text) if "?" not in text[: m.end()]]
        asked = [end for end in ends if first.match(text[end:])]
        if not asked:
            return [text], False
        premise, body = text[: asked[0]], text[asked[0] :]
    pieces = joins.split(body)
    parts = [p.strip(" ,") for p in pieces if p.strip(" ,")]
    if len(parts) < 2 or any(len(p.split()) < 2 for p in parts):
        return [text], False
    if premise:
        parts = [premise + p[0].upper() + p[1:] for p in parts]
    return [p if p.endswith("?") else p + "?" for p in parts], bool(premise)


# 'hvor mye totalt over alle fire år?', 'and how much in total?': a question that says only
# how far to count, leaving out what the question before it asked
_ELLIPTIC = lazy_pattern(
    r"(?:^|[.!?:]\s+)(?:hvor mye|hvor mykje|kor mykje|kor mye|hva|kva|how much|what)\s+"
    r"(?:(?:blir|blei|ble|er|vert|is|will)\s+(?:det|it|that)\s+|(?:is|will)\s+(?:it|that)\s+be\s+)?"
    r"(?:totalt|til sammen|tilsammen|til saman|i alt|samla|samlet|in total|altogether|overall)"
    r"(?=\s+(?:over|for|gjennom|i|pa|across|in|during)\b|\s*[?,.]|\s*$)",
    re.IGNORECASE,
)


def elliptic(question: str) -> bool:
    """Whether a question says only how far to count ('hvor mye totalt over fire år?')."""
    return _ELLIPTIC.search(question) is not None


# where a message's first clause ends and another ask starts ('…i 2027, og vil …')
_CLAUSE_JOIN = lazy_pattern(r",\s+(?:og|and)\s+", re.IGNORECASE)


# the end of a stated sentence: 'Stillingen koster 700 000 kr pr år. Hva …' (not '1.5 mill')
_SENTENCE_END = lazy_pattern(r"[.!]\s+(?=[A-ZÆØÅ])")


# 'To spørsmål: hva …', 'Two questions: what …': a short lead-in before the questions
_LEAD = lazy_pattern(r"\s*[^:?.!\d]{1,30}:\s+")


# 'Husbankens boligsosiale tiltak – når …': the topic a message's questions are about
_TOPIC_LEAD = lazy_pattern(r"\s*[^:?.!\d–—-][^:?.!–—]{2,60}?\s+[–—-]\s+")


@lru_cache(maxsize=4)
def _question_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A message's first question word, and where a second question starts (built once)."""
    # a last letter typed twice still starts a question ('og nårr er fristen?')
    starts = "|".join(
        re.escape(w) + re.escape(w[-1]) + "?" for w in sorted(words, key=len, reverse=True)
    )
    return (
        re.compile(rf"\s*(?:{starts})\b", re.IGNORECASE),
        re.compile(rf"(?:\?\s+|,?\s+(?:og|and|og så)\s+)(?=(?:{starts})\b)", re.IGNORECASE),
    )


def combine(answers: list[Answer]) -> Answer:
    """One answer of several: each part's title and text in turn, their sources together."""
    first = answers[0]
    paragraphs: list[str] = []
    sources: list[Provenance] = []
    for a in answers:
        # a paragraph an earlier part already said is said once ('the 2021 appropriation,
        # and how much for Innlandet?': the office's figure is in both parts)
        said = ([a.title] if a.title else []) + a.paragraphs
        paragraphs += [p for p in said if not (p and p in paragraphs)]
        sources += [s for s in a.sources if s not in sources]
    return replace(first, title=None, paragraphs=paragraphs, sources=sources, options=[])


# Intents a plain table look-up ("Vennesla i 2019") may answer instead of the intent's own card.
TABLE_INTENTS = {"framework", "framework_sum", "framework_ranking", "statistics", "out_of_scope"}
# what only the sources' prose says: no table answers it
PROSE_ONLY = {"appeal"}


def _table_answers(
    query: TableQuery,
    u: Understanding,
    kb: KnowledgeBase,
    reader: TableReader,
    previous: TableQuery | None = None,
) -> bool:
    """Whether a table query answers the question rather than the intent's own card.

    Sums, differences, rankings and filters always do; a plain look-up does when the question
    is about a table, and a look-up the understanding declined in a table of municipal
    framework increases (whose words the table reader requires) or when the question asks
    for a count or a share ('how many households in Telemark …', 'hvor stor andel …'), or
    when it follows a question on the same table ('og i Rogaland?').
    """
    municipal = any(r.municipality for r in kb.tables[query.table].rows)
    if u.intent in PROSE_ONLY and u.trigger_intent == u.intent and u.trigger_top >= 1.0:
        # 'does the Public Administration Act give us a right of appeal?': no table holds
        # appeal rights, whatever table word ('administration') the question shares
        return False
    if u.slots.get("uncounted"):
        # 'flest deltakere i Individuell jobbstøtte': the KVP column counts other people
        return False
    if municipal and query.late and query.op == "value":
        # 'hvor mye får Lindesnes i 2021?': the framework card says the table's last year
        return False
    if municipal and names_a_grant(u):
        # 'Hvor mye fikk Arendal i tilskudd til NAV-kontoret?': a grant, not the framework
        return False
    if reader.items_table(query.table) and u.intent in ("appropriation", "budget"):
        # the scheme's appropriation card gives the same figures with the office's total; a
        # question naming the table by its words ('tilskuddsforvaltningen 2018') for the whole
        # table or for a sum or claim over it is about the table
        whole = query.op != "list" or any(
            r.sum_of_rows and r.key in query.rows for r in kb.tables[query.table].rows
        )
        if query.op == "portion":
            # 'hvor stor andel av prognosen på 41 millioner gjaldt kommunalt rusarbeid?': an
            # item's part of the printed sum, which the card (a share of the national
            # appropriation) does not give
            return True
        # an item the understanding named no scheme for ('long-term and complex needs' is
        # two schemes' words): the card would have no scheme to show, the table's row answers
        unnamed = not u.schemes_mentioned and not u.scheme and bool(query.rows)
        if not ((whole or unnamed) and reader.told(query.table, u.folded)):
            return False
        if unnamed:
            return True
    if query.op != "value":
        return True
    if query.claim is not None and not municipal and query.rows:
        # 'stemmer det at Oslo hadde over 5 % andel under 18?': a county's figure claimed
        # ('5 %' is no share of a position)
        return True
    followed = previous is not None and previous.table == query.table
    if followed and u.intent in ("total", "amount") and not u.schemes_mentioned:
        # 'til sammen?' then 'og hvor stor andel var basert på rammefinansiering i Oppland?':
        # a figure of the table just asked, not a scheme's rate (none is named)
        return True
    if u.intent in ("out_of_scope", "help"):
        # 'oslo andel u18 sos.hjelp?': the 'hjelp' of a short form is not a call for help
        followed = previous is not None and previous.table == query.table
        municipal = any(r.municipality for r in kb.tables[query.table].rows)
        items = reader.items_table(query.table)  # 'how much of the 2018 forecast was …'
        return municipal or followed or items or reader.asks_figure(u.folded)
    return u.intent in TABLE_INTENTS


# Intents whose follow-ups inherit the previous slots ("og år 4?", "og Grimstad?").
SLOT_INTENTS = {
    "amount",
    "total",
    "own_share",
    "framework",
    "framework_sum",
    "framework_ranking",
    "statistics",
    "deadline",
    "days_left",
    "appropriation",
}
NEEDS_SCHEME = {
    "amount",
    "total",
    "own_share",
    "deadline",
    "days_left",
    "who_may_apply",
    "funds",
    "not_funded",
    "priorities",
    "reporting",
    "audit",
    "purpose",
    "appropriation",
    "budget",
    "contact",
    "apply_how",
    "status",
    "scheme_info",
}
# Slots a follow-up may carry over from the previous question.
CARRY = (
    "grant_year",
    "positions",
    "year",
    "year_from",
    "year_to",
    "cost",
    "municipality",
    "group",
    "county",
    "kind",
    # 'felles søknads- og rapporteringsfrist … og i 2022?': both kinds asked before
    "kinds",
    "measures",
    "order",
    "office",
    "start_year",
    "start_years",
    "start_groups",
    "duration",
)


@dataclass
class ChatContext:
    """What a chat's next question may refer back to."""

    intent: str
    scheme: str | None
    slots: dict[str, Any]
    lang: str
    day: dt.date
    sources: list[Provenance] = field(default_factory=list)
    table_query: TableQuery | None = None


class ContextStore:
    """Per-chat context in memory, bounded in size and age."""

    def __init__(self, max_chats: int = MAX_CHATS) -> None:
        """Start empty."""
        self._items: OrderedDict[str, ChatContext] = OrderedDict()
        self.max_chats = max_chats

    def get(self, chat: str, today: dt.date) -> ChatContext | None:
        """Return a chat's context unless it is missing or too old."""
        ctx = self._items.get(chat)
        if ctx is None:
            return None
        if (today - ctx.day).days > CONTEXT_TTL_DAYS:
            del self._items[chat]
            return None
        return ctx

    def put(self, chat: str, ctx: ChatContext) -> None:
        """Store a chat's context, evicting the least recently used chat when full."""
        self._items[chat] = ctx
        self._items.move_to_end(chat)
        while len(self._items) > self.max_chats:
            self._items.popitem(last=False)

    def forget(self, chat: str) -> bool:
        """Delete a chat's context; tell whether there was one."""
        return self._items.pop(chat, None) is not None

    def describe(self, chat: str) -> dict[str, Any] | None:
        """Return what is stored about a chat, for /personvern."""
        ctx = self._items.get(chat)
        if ctx is None:
            return None
        return {
            "intent": ctx.intent,
            "scheme": ctx.scheme,
            "slots": dict(ctx.slots),
            "lang": ctx.lang,
            "day": ctx.day.isoformat(),
        }


@dataclass(frozen=True)
class _Core:
    """One knowledge base with the understander and composer built for it."""

    kb: KnowledgeBase
    understander: Understander
    composer: Composer
    tables: TableReader

    @classmethod
    def build(cls, kb: KnowledgeBase) -> _Core:
        """Build the understander, table reader and composer for a knowledge base."""
        if kb.language is not None and kb.language.forms is not None:
            use_forms(kb.language.forms)  # its nynorsk forms fold every question from now
        if kb.language is not None and kb.language.lexicon is not None:
            use_words(kb.language.lexicon)  # its word tables read every question from now
        return cls(kb, Understander(kb), Composer(kb), TableReader(kb))


class Engine:
    """Answer questions with per-chat context, from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, contexts: ContextStore | None = None) -> None:
        """Build the understander and composer for a knowledge base."""
        self._core = _Core.build(kb)
        self.contexts = contexts or ContextStore()

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge base answers currently come from."""
        return self._core.kb

    @property
    def understander(self) -> Understander:
        """Return the current understander."""
        return self._core.understander

    @property
    def composer(self) -> Composer:
        """Return the current composer."""
        return self._core.composer

    def swap(self, kb: KnowledgeBase) -> None:
        """Switch to another knowledge base in one assignment; chat contexts are kept.

        The new understander and composer are built first; a question in flight keeps
        the core it started with, so it never mixes two knowledge bases.
        """
        self._core = _Core.build(kb)

    def understand(
        self,
        text: str,
        chat: str | None,
        today: dt.date,
        *,
        core: _Core | None = None,
        continued: bool = False,
    ) -> Understanding:
        """Understand a message in the light of the chat's previous question.

        ``continued``: the message is a later question of one message that leaves out what
        the one before it asked ('…, og hvor mye totalt over alle fire år?').
        """
        u = (core or self._core).understander.understand(text)
        ctx = self.contexts.get(chat, today) if chat is not None else None
        if ctx is not None:
            if continued and u.intent in FAMILY_OF_FIGURES and ctx.intent in FAMILY_OF_FIGURES:
                # 'hvor mye totalt …' after a figure: the sum of what was asked before
                u.follow_up = True
                u.intent = "total"
            apply_context(u, ctx)
        u.slots.pop("year_shift", None)  # 'året etter det' means nothing without a previous year
        if u.regions and "unknown_office" not in u.slots and u.intent in OFFICE_INTENTS:
            # 'kontaktperson i Nordland?', 'og i Vestland?' after a deadline: that region's
            # office, which the sources hold nothing from
            u.slots["unknown_office"] = tuple(f"Statsforvalteren i {r}" for r in u.regions)
        return u

    def ask(self, text: str, today: dt.date, chat: str | None = None) -> Answer:
        """Answer one message as of a date; remember context when a chat is given.

        A message of two questions ('Når er fristen for X, og hvem kan søke?') gets both
        answers, the second read in the light of the first; when either cannot be answered
        on its own, the message is answered as one question.
        """
        core = self._core
        words = core.kb.language
        parts, premised = _split(
            text, words.question_words if words else [], core.understander.asks_for
        )
        whole = None
        if len(parts) > 1 or core.tables.both_ends(text):
            # the whole message is read once, for the test below and for its answer as one
            whole = self._read(text, today, chat, core)
            ends = self._both_ends(text, today, chat, core, whole)
            if ends is not None:
                return ends
            if whole[1] is not None and whole[1].op in ("list", "position"):
                # 'Hva fikk Åmli i 2016 og hva er kommunens sum?': one row's figures side by side
                parts = [text]
            elif (
                whole[1] is not None
                and whole[1].op == "difference"
                and len(whole[1].rows) == 2
                and whole[1].other is None
            ):
                # 'Kvinesdal vs Lindesnes: hvem hadde størst …, og hvor stor er differansen?':
                # the two rows against each other, the larger named first
                parts = [text]
            elif whole[0].slots.get("operation") in ("ratio", "old_vs_new"):
                # 'hva gis i år 4, og hvordan forholder det seg til år 1?': one year against another
                parts = [text]
            elif whole[1] is not None and whole[1].op == "rank" and core.tables.counts_on(text):
                # 'hvilket fylke hadde flest, og hvilke to fulgte etter?': one ranking, further
                parts = [text]
        if len(parts) > 1:
            # the parts are asked in a scratch chat that starts from this chat's context, so a
            # message answered as one question after all leaves the chat's context untouched
            scratch = f"\0split:{chat}"
            before = self.contexts.get(chat, today) if chat is not None else None
            if before is not None:
                self.contexts.put(scratch, before)
            answers = [
                self._ask_one(part, today, scratch, core, continued=i > 0 and elliptic(part))
                for i, part in enumerate(parts)
            ]
            after = self.contexts.get(scratch, today)
            self.contexts.forget(scratch)
            # a premise stated before the questions is held by figures reckoned from it ('koster
            # 700 000 kr'); other questions read it with the whole message
            if all(a.answered for a in answers) and (
                not premised or all(a.intent in FIGURE_INTENTS for a in answers)
            ):
                if chat is not None and after is not None:
                    self.contexts.put(chat, after)
                return combine(answers)
        lead = self._foreign_lead(text, today, core)
        if lead is not None:
            return lead
        return self._ask_one(text, today, chat, core, whole)

    def _foreign_lead(self, text: str, today: dt.date, core: _Core) -> Answer | None:
        """The decline of a message whose first ask, before ', og' / ', and', is about
        something the sources do not hold ('Hvem vinner kommunevalget i 2027, og vil …?')."""
        words = core.kb.language
        if words is None:
            return None
        first, _joins = _question_patterns(tuple(words.question_words))
        clause = _CLAUSE_JOIN.split(text, maxsplit=1)
        if len(clause) < 2 or len(clause[0].split()) < 3 or not first.match(clause[0]):
            return None
        asked = clause[0].strip(" ,") + "?"
        if not core.understander.read_words(asked).unknown:
            return None  # (understanding only drops unknown words: it would find none either)
        u = self.understand(asked, None, today, core=core)
        if u.intent != "out_of_scope" or not u.unknown or u.scheme or u.schemes_mentioned:
            return None
        if any(k in u.slots for k in ("municipality", "place", "county", "office", "column")):
            return None
        answer = core.composer.compose(u, today)
        return None if answer.answered else answer

    def _both_ends(
        self,
        text: str,
        today: dt.date,
        chat: str | None,
        core: _Core,
        whole: tuple[Understanding, TableQuery | None],
    ) -> Answer | None:
        """'Hvilket fylke hadde lavest og hvilket høyest andel …?': one column ranked from
        both ends, each end answered in the order asked; None when the message is no such
        ranking."""
        u, query = whole
        if query is None or query.op != "rank":
            return None
        if len(query.columns) != 1 and not core.tables.adds(text):
            return None  # 'mest i 2016 og minst i 2017' ranks no one column from both ends
        if query.change or query.across or query.claim is not None or query.place:
            return None
        if not core.tables.both_ends(text, query.table):
            return None
        first_lowest = core.tables.lowest_first(text)
        answers = [
            self._ask_one(text, today, chat, core, (u, replace(query, descending=descending)))
            for descending in ((False, True) if first_lowest else (True, False))
        ]
        return combine(answers) if all(a.answered for a in answers) else None

    def _read(
        self, text: str, today: dt.date, chat: str | None, core: _Core, continued: bool = False
    ) -> tuple[Understanding, TableQuery | None]:
        """Understand a question in its chat and read it as a table query, if it is one."""
        ctx = self.contexts.get(chat, today) if chat is not None else None
        u = self.understand(text, chat, today, core=core, continued=continued)
        query = core.tables.read(
            u.folded,
            today,
            u.slots.get("column"),
            ctx.table_query if ctx else None,
            u.text,
            framework=u.intent in FRAMEWORK_INTENTS,
        )
        return u, query

    def _ask_one(
        self,
        text: str,
        today: dt.date,
        chat: str | None,
        core: _Core,
        read: tuple[Understanding, TableQuery | None] | None = None,
        continued: bool = False,
    ) -> Answer:
        """Answer one question as of a date from one knowledge base (``core``, read once by
        ``ask``); remember context when a chat is given."""
        ctx = self.contexts.get(chat, today) if chat is not None else None
        u, query = read or self._read(text, today, chat, core, continued)
        declined = core.composer.foreign_office(u) or core.composer.per_unit(u)
        result = evaluate(core.kb, query) if query is not None and declined is None else None
        if declined is not None:
            query, answer = None, declined
        elif (
            result is not None
            and query is not None
            and _table_answers(query, u, core.kb, core.tables, ctx.table_query if ctx else None)
        ):
            answer = core.composer.table_answer(u, result)
            if result.query.op != "mean":
                answer = core.composer.no_average(u, answer, "en" if u.lang == "en" else "nb")
        else:
            query = None
            answer = core.composer.compose(u, today)
        if query is not None and result is not None and query.op == "rank" and result.ranking:
            # the places the ranking named, for a follow-up's 'der' ('hvor mange var det der?')
            query = replace(query, shown=tuple(row.key for row, _value in result.ranking))
        if chat is not None and answer.answered:
            slots = dict(u.slots)
            if u.intent in FAMILY_OF_FIGURES:
                before = ctx.slots.get(ASKED_GRANT_YEARS, ()) if ctx else ()
                slots[ASKED_GRANT_YEARS] = asked_grant_years(before, u.slots)
                figure = asked_figure(u)
                earlier = ctx.slots.get(ASKED_FIGURES, ()) if ctx else ()
                slots[ASKED_FIGURES] = latest(earlier, [figure]) if figure else ()
            asked = {"deadline": ASKED_DEADLINE_SCHEMES, "appropriation": ASKED_SCHEMES}
            if u.intent in asked:
                key = asked[u.intent]
                named = u.schemes_mentioned or ([answer.scheme] if answer.scheme else [])
                slots[key] = latest(ctx.slots.get(key, ()) if ctx else (), named)
            began = (u.timed_slots or {}).get("start_year")
            if u.intent not in FIGURE_INTENTS and isinstance(began, int):
                slots[ASKED_START] = began
            if u.intent == "appropriation":
                earlier_years = ctx.slots.get(ASKED_YEARS, ()) if ctx else ()
                named_years = [u.slots[k] for k in ("year_from", "year_to", "year") if k in u.slots]
                slots[ASKED_YEARS] = latest(
                    earlier_years, [y for y in named_years if isinstance(y, int)]
                )
                # the office whose figures the chat asked for ('prognosen i Agder'), kept
                # while its appropriation questions go on, for a later 'til sammen?'
                before_office = ctx.slots.get(ASKED_OFFICE) if ctx else None
                office = u.slots.get("office", before_office)
                if office is not None:
                    slots[ASKED_OFFICE] = office
            self.contexts.put(
                chat,
                ChatContext(
                    u.intent,
                    answer.scheme or u.scheme,
                    slots,
                    u.lang,
                    today,
                    answer.sources,
                    query,
                ),
            )
        return answer

    def last_sources(self, chat: str, today: dt.date) -> list[Provenance]:
        """Return the sources of the chat's last answer."""
        ctx = self.contexts.get(chat, today)
        return list(ctx.sources) if ctx else []


# Intents that answer the same kind of question; a follow-up may switch within a family.
FAMILIES = {
    "amount": "figures",
    "total": "figures",
    "own_share": "figures",
    "framework": "framework",
    "framework_sum": "framework",
    "framework_ranking": "framework",
    "deadline": "deadlines",
    "days_left": "deadlines",
    "next_deadline": "deadlines",
}
# A follow-up's own intent mapped into the previous question's family ('og summen?' after a
# framework question asks for the framework sum, not a ladder total).
FAMILY_EQUIVALENT = {
    ("total", "framework"): "framework_sum",
    ("amount", "framework"): "framework",
}
# Slots that exclude each other: a new one drops the carried other.
REPLACES = {
    "municipality": ("group", "place", "county"),
    "group": ("municipality", "place", "county"),
    "place": ("municipality", "group", "county"),
    "county": ("municipality", "group", "place"),
    "year": ("year_from", "year_to", "year_rel"),
    "year_from": ("year", "year_rel"),
    "year_to": ("year", "year_rel"),
    # 'og år 4?' – 'hva blir det totalt for alle fire årene?': the years counted from year 1
    "grant_year": ("grant_year_to", "duration", "last_years"),
    "grant_year_to": ("duration", "last_years"),
    "duration": ("grant_year", "grant_years", "year", "year_from", "start_year", "groups"),
    # 'ett årsverk i år 2 og ett i år 4 …, og egenandelen?': the same years and positions
    "grant_years": (
        "grant_year",
        "year",
        "year_from",
        "start_year",
        "groups",
        "duration",
        "last_years",
    ),
    "groups": ("positions", "grant_year", "grant_years", "year", "year_from", "start_year"),
    # 'og for 3 årsverk?' after positions from two start years: how many started when is open
    "start_groups": ("positions", "start_year"),
    "start_years": ("start_year",),
}
WORDS = lazy_pattern(r"[a-z]+")
MORE_CARRY = (
    "grant_year_to",
    "place",
    "column",
    "operation",
    "grant_years",
    "groups",
    "groups_year_rel",
)
# Intents about no particular scheme: a follow-up does not inherit the previous scheme.
SCHEME_FREE = {"greeting", "help", "list_schemes", "next_deadline", "out_of_scope"}
# Intents that are no question about a scheme, never taken from a follow-up's trigger word.
CHAT_INTENTS = {"faq", "scheme_info", "greeting", "help"}
# Intents that answer 'hvor mye': a follow-up's 'hvor mye' stays with the previous one.
MONEY_INTENTS = {
    "amount",
    "total",
    "own_share",
    "appropriation",
    "budget",
    "framework",
    "framework_sum",
    "framework_ranking",
    "statistics",
}


# 'og fra år 2?', 'and from year 2?': a follow-up that moves the start of a span of grant years
FROM_YEAR = lazy_pattern(r"\b(?:fra|from|fom|f\.o\.m\.)\s+(?:og med\s+)?(?:ar|year)\b")


# The grant years a chat's figure questions named in turn ('år 2?', 'og i år 3?'), so that
# 'for de to årene' or 'begge årene' can sum them.
ASKED_GRANT_YEARS = "asked_grant_years"
FAMILY_OF_FIGURES = ("amount", "total", "own_share")
# 'for dei to åra', 'begge årene', 'the two years', 'those years': the grant years asked before
BACK_YEARS = lazy_pattern(
    r"\b(?:(?:de|dei|the|disse|desse|these|those)\s+(?:(to|tre|fire|two|three|four|\d)\s+)?"
    r"|(begge|both)\s+(?:de\s+|dei\s+|the\s+)?)(?:ar|arene|ara|years|tilskuddsarene|tilskotsara)\b"
)


# The schemes a chat's appropriation questions named in turn ('og barn og unge?'), so that
# 'summen av alle tre?' or 'og sammen med kommunalt rusarbeid?' can sum them.
ASKED_SCHEMES = "asked_schemes"
# The office a chat's appropriation questions named last ('i Agder', 'nasjonalt'), so that
# 'til sammen?' sums that office's figures of the schemes asked, not the national ones.
ASKED_OFFICE = "asked_office"
# The start year a question that was no figure question gave ('vi fikk tilskudd i 2021 for en
# stilling i sitt første år – når er fristen?'), for a later 'hvor mye får vi i år?'
ASKED_START = "asked_start_year"
# The schemes a chat's deadline questions named in turn, so that 'hvilken av de tre går ut
# først?' can set their deadlines against each other.
ASKED_DEADLINE_SCHEMES = "asked_deadline_schemes"
# 'hvilken av de tre', 'which of them', 'kven av dei': a choice among the schemes asked before
WHICH_OF_THEM = lazy_pattern(
    r"\b(?:hvilken|hvilke|hvilket|kva for ein|kva for|kven|which)\s+(?:av|of)\s+"
    r"(?:(?:de|dei|the|disse|desse|these|those)\s+)?(?:(to|tre|fire|two|three|four)|dem|dei|them)\b"
)
# 'og hvis de ble videreført i 2023?', 'and if they were continued in 2023?': a follow-up that
# sets a scene for the figure asked before
SCENARIO = lazy_pattern(r"^(?:(?:og|men|and|but|so)\s+)?(?:hvis|om|dersom|viss|if|what if)\b")
# 'hvis en av dem bare er 50 %', 'if one of them is half-time': some of the positions asked
# before changed to the share the follow-up gives
SOME_OF_THEM = lazy_pattern(
    r"\b(en|ett|ei|ein|eitt|one|to|two|tre|three|\d+)\s+(?:av|of)\s+"
    r"(?:dem|dei|them|those|these|disse|desse|(?:de|dei|the)\s+\w+|stillingene|stillingane|"
    r"arsverkene|arsverka|positions|ftes)\b"
)
# 'summen av alle tre', 'til sammen', 'sammen med', 'all three together': the figures asked so far
BACK_SUM = lazy_pattern(
    r"\b(?:summen|sum|til sammen|tilsammen|til saman|sammen med|saman med|samla|samlet|totalt|"
    r"in total|the total|altogether|combined|together|all three|alle tre|alle dei tre|"
    r"alle de tre|totalen|sum total)\b"
)
# 'and how much is that together with X?': the one figure just given, not every figure asked
# so far ('hva blir det til sammen' is no reference: 'det' there points at nothing)
THAT_FIGURE = lazy_pattern(
    r"\b(?:that|this|dette|denne|det (?:belopet|tallet)|den (?:summen|bevilgningen))\b"
)
# 'summen av de to siste', 'the last two': only the newest of the figures asked before
LAST_ASKED = lazy_pattern(
    r"\b(?:de|dei|the)\s+(?:(\w+)\s+(?:siste|last)|siste\s+(\w+))\b|\blast\s+(\w+)\b"
)
ALL_FIGURES = lazy_pattern(
    r"\b(?:alle|alt|all|disse|desse|dem|deim|dei|de|these|those|them|both|begge|summen)\b"
)


def asked_grant_years(before: tuple[int, ...], slots: dict[str, Any]) -> tuple[int, ...]:
    """Add the grant years a question names to those asked before, the latest last."""
    named: list[int] = []
    if slots.get("grant_years"):
        named = [int(g) for g in slots["grant_years"]]
    elif isinstance(slots.get("grant_year"), int) and slots["grant_year"] > 0:
        last = slots.get("grant_year_to", slots["grant_year"])
        named = list(range(int(slots["grant_year"]), int(last) + 1))
    return latest(before, named)


def asked_figure(u: Understanding) -> tuple[Fraction, int] | None:
    """The positions and grant year of a plain ladder figure ('0,5 årsverk i år 3'), or None."""
    s = u.slots
    g, positions = s.get("grant_year"), s.get("positions", Fraction(1))
    if u.intent != "amount" or not isinstance(g, int) or g < 1:
        return None
    if any(k in s for k in ("grant_year_to", "grant_years", "groups", "operation", "cost")):
        return None
    if any(k in s for k in ("start_year", "year", "year_from", "start_groups")):
        return None
    return (Fraction(positions), g) if isinstance(positions, Fraction | int) else None


def refer_to_asked_figures(u: Understanding, ctx: ChatContext) -> bool:
    """Read 'kor mykje er det samla for dei to?' after plain ladder figures as their sum.

    The last figures asked (positions in one grant year each) become groups of positions, so
    the sum is the grant for all of them; False when the question is no such sum.
    """
    asked = ctx.slots.get(ASKED_FIGURES, ())
    m = BACK_FIGURES.search(u.folded)
    if not m or not BACK_SUM.search(u.folded) or ctx.intent not in FAMILY_OF_FIGURES:
        return False
    new_slots = set(u.slots) - {"kind"} - u.implicit
    if new_slots or u.schemes_mentioned not in ([], [ctx.scheme]):
        return False
    word = m.group(1) or "2"
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if not isinstance(count, int) or not 2 <= count <= len(asked):
        return False
    chosen = tuple(asked[-count:])
    u.intent, u.confidence = "amount", max(u.confidence, 0.8)
    u.slots["groups"] = chosen
    u.slots["positions"] = sum((p for p, _g in chosen), Fraction(0))
    years = [g for _p, g in chosen]
    u.slots["grant_year"], u.slots["grant_year_to"] = min(years), max(years)
    if ctx.scheme:
        u.scheme, u.schemes_mentioned = ctx.scheme, [ctx.scheme]
    return True


def compare_asked_years(u: Understanding, ctx: ChatContext, new_slots: set[str]) -> None:
    """Read 'hvor mange prosent er nedgangen?' after appropriations of two years asked in
    turn ('i 2018?' – 'og i 2021?') as the change between the last two years asked."""
    asked = ctx.slots.get(ASKED_YEARS, ())
    if len(asked) < 2 or new_slots & {"year", "year_from", "year_to", "year_rel"}:
        return
    if not DIFFERENCE.search(u.folded):
        return
    earlier, later = sorted(asked[-2:])
    u.slots.pop("year", None)
    u.slots["year_from"], u.slots["year_to"] = earlier, later


# The calendar years a chat's appropriation questions named in turn, so that 'hvor stor er
# nedgangen?' can set the last two against each other.
ASKED_YEARS = "asked_years"


# The plain ladder figures a chat asked in turn (positions, grant year), so that 'hvor mye er
# det til sammen for de to?' can sum them.
ASKED_FIGURES = "asked_figures"
# 'de to', 'dei to', 'begge', 'the two', 'both': the figures asked before, not two years or
# two schemes (those are read elsewhere)
BACK_FIGURES = lazy_pattern(
    r"\b(?:(?:de|dei|the|disse|desse|these|those)\s+(to|tre|fire|two|three|four)|begge|both)\b"
    r"(?!\s+(?:ar|arene|ara|years|tilskuddsarene|tilskotsara|ordning\w*|schemes?|tilskudd\w*)\b)"
)


def latest(before: tuple[Any, ...], named: list[Any]) -> tuple[Any, ...]:
    """Add what a question names to what was asked before, the latest last, four at most."""
    kept = [x for x in before if x not in named] + list(named)
    return tuple(kept[-4:])


def refer_to_asked_years(u: Understanding, ctx: ChatContext, new_slots: set[str]) -> None:
    """Read 'for de to årene' after questions on single grant years as those grant years."""
    asked = ctx.slots.get(ASKED_GRANT_YEARS, ())
    m = BACK_YEARS.search(u.folded)
    if not m or new_slots & {"grant_year", "grant_years", "year", "year_from", "start_year"}:
        return
    word = m.group(1) or ("2" if m.group(2) else None)
    if word is None:
        count: object = len(asked)
    else:
        count = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if not isinstance(count, int) or not 2 <= count <= len(asked):
        return
    chosen = sorted(asked[-count:])
    u.slots["grant_years"] = tuple(chosen)
    u.slots["grant_year"], u.slots["grant_year_to"] = chosen[0], chosen[-1]
    u.slots.pop("duration", None)


def apply_context(u: Understanding, ctx: ChatContext) -> None:
    """Fill a follow-up question from the previous one: intent, scheme and slots.

    A follow-up ('og år 4?', 'og Grimstad?', 'hva med 2 årsverk?', 'og barn og unge?',
    'hvorfor ikke?') is short or starts with 'og'/'hva med'/'and'/'what about', or has no
    intent of its own. It keeps the previous intent unless it asks its own question, and
    inherits the previous slots it does not replace. A new question that names no scheme
    ('når må vi rapportere?', 'hvor mye er bevilget der?', 'and who can apply?') is about
    the previous scheme and year. A question with words the knowledge base does not know
    stays declined.
    """
    if u.intent == "out_of_scope" and u.unknown:
        return
    which = WHICH_OF_THEM.search(u.folded)
    asked_deadlines = list(ctx.slots.get(ASKED_DEADLINE_SCHEMES, ()))
    if which and ctx.intent == "deadline" and not u.schemes_mentioned and len(asked_deadlines) >= 2:
        # 'hvilken av de tre går ut først?': the deadlines of the schemes asked before
        count = OTHER_COUNTS.get(which.group(1) or "")
        if count is None or count <= len(asked_deadlines):
            chosen = asked_deadlines[-count:] if count else asked_deadlines
            u.intent, u.confidence = "deadline", max(u.confidence, 0.8)
            u.schemes_mentioned = chosen
            u.scheme = chosen[0]
            for key in ("year", "kind"):
                if key in ctx.slots and key not in u.slots:
                    u.slots[key] = ctx.slots[key]
            return
    tokens = u.folded.split()
    if ctx.lang == "en" and u.lang != "en" and len(tokens) <= 4:
        u.lang = "en"
    if refer_to_asked_figures(u, ctx):
        return
    carried = {k: v for k, v in ctx.slots.items() if k in CARRY or k in MORE_CARRY}
    new_slots = set(u.slots) - {"kind"} - u.implicit
    own_scheme = bool(u.schemes_mentioned)
    began = carried.get("start_year", ctx.slots.get(ASKED_START))
    if (
        isinstance(began, int)
        and u.intent in {*CHAT_INTENTS, "out_of_scope"}
        and not u.unknown
        and AMOUNT_ASK.search(u.folded)
        and new_slots & {"year", "year_rel"}
        and new_slots <= {"year", "year_rel", "positions"}
        and (not own_scheme or ctx.scheme in u.schemes_mentioned)
    ):
        # 'hvor mye får vi for stillingen i år?' after a start year: that year's figure on the
        # ladder, not the rates in general
        u.intent, u.confidence = "amount", max(u.confidence, 0.8)
        u.slots["start_year"] = began
        new_slots.add("start_year")
    if (
        isinstance(began, int)
        and ctx.intent in FAMILY_OF_FIGURES
        and u.intent in {*CHAT_INTENTS, "out_of_scope", "amount"}
        and not u.unknown
        and OLD_RULES.search(u.folded)
        and new_slots <= {"year", "year_rel", "positions"}
        and (not own_scheme or ctx.scheme in u.schemes_mentioned)
    ):
        # 'hva hadde det vært etter de gamle reglene?' after a figure from a start year: the
        # same year by its own rules against the old ladder run on
        u.intent, u.confidence = "amount", max(u.confidence, 0.8)
        u.slots["start_year"] = began
        u.slots["operation"] = "old_vs_new"
        new_slots |= {"start_year", "operation"}
    if (
        u.intent == "status"
        and ctx.intent in FAMILY_OF_FIGURES
        and SCENARIO.match(u.folded)
        and len(tokens) <= 12
        and not own_scheme
        and "year" in new_slots
        and new_slots <= {"year", "positions"}
    ):
        # 'og hvis de ble videreført i 2023 etter de nye reglene?' after a figure: the same
        # figure in that year, by that year's rules, not the scheme's status
        u.intent, u.confidence = ctx.intent, max(u.confidence, 0.8)
    weak = u.confidence < 0.75 or u.intent in {"out_of_scope", "greeting", "scheme_info"}
    follow_up = u.follow_up or len(tokens) <= 4
    why = bool(tokens) and tokens[0] in word_tables().why and len(tokens) <= 3
    ctx_family = FAMILIES.get(ctx.intent, ctx.intent)
    # a declined question is only taken as a follow-up when it says so ('og 2018?') or adds
    # a slot or a scheme; 'hvem er helseminister' after a grant question stays declined
    # 'hva er e-posten hans?' after a contact answer asks about the person it named
    pronoun = bool(word_tables().refers_back.intersection(WORDS.findall(u.folded)))
    refers = ctx.intent == "contact" and pronoun
    if pronoun and u.intent == "contact" and ctx.intent != "contact" and not u.schemes_mentioned:
        # 'hva er e-posten hans?' after an answer that named no person: whose is not known
        u.intent, u.confidence = "out_of_scope", 0.0
        return
    # 'summen av alle tre?' after appropriations: the sum of the figures asked so far
    asked_schemes = {*ctx.slots.get(ASKED_SCHEMES, ()), *u.schemes_mentioned}
    sums = len(asked_schemes) >= 2 and bool(BACK_SUM.search(u.folded))
    # ('alle tre ordningene' reads as a list of schemes, a bare 'together?' as a look-up)
    loose = u.intent == "list_schemes" or (
        u.intent in ("out_of_scope", "faq", "scheme_info") and u.trigger_top < 0.5
    )
    sums = sums and ctx.intent == "appropriation" and (u.intent in MONEY_INTENTS or loose)
    # 'how much is that in total?' after one scheme's appropriation: that appropriation again,
    # not a ladder total nobody asked for
    again = (
        ctx.intent == "appropriation"
        and len(asked_schemes) == 1
        and bool(BACK_SUM.search(u.folded))
        and u.intent in MONEY_INTENTS
        and not own_scheme
        and new_slots <= {"year"}
        and len(tokens) <= 7  # 'hvor mye er det til sammen for alle ordningene?' asks more
        and not {"alle", "all", "every"} & set(tokens)
    )
    sums = sums or again
    adds = new_slots or own_scheme or u.follow_up or refers or sums
    inherit = why or (
        (weak or u.trigger_top == 0)
        and (adds if u.intent == "out_of_scope" else (follow_up or adds))
        and ctx.intent not in {"greeting", "help", "list_schemes"}
    )
    if not inherit and follow_up and u.trigger_top == 0 and new_slots:
        inherit = True
    inherit = inherit or sums
    if inherit and own_question(u, ctx.intent):
        # 'Hva er fristen?' after who may apply: a short question with its own trigger word
        u.intent = str(u.trigger_intent)
        u.confidence = max(u.confidence, 0.8)
    elif inherit:
        u.intent = ctx.intent
        u.confidence = max(u.confidence, 0.8)
    else:
        family = FAMILIES.get(u.intent, u.intent)
        mapped = FAMILY_EQUIVALENT.get((u.intent, ctx_family))
        if mapped and (follow_up or not own_scheme) and ctx_family != family:
            u.intent, family = mapped, ctx_family
    if u.intent == "out_of_scope":
        return
    if u.timed_slots is not None and u.intent in FIGURE_INTENTS:
        # 'og hvis det startet i 2020?' after a figure question: the year is a start year
        u.slots.clear()
        u.slots.update(u.timed_slots)
        new_slots = set(u.slots) - {"kind"} - u.implicit
    family = FAMILIES.get(u.intent, u.intent)
    same = inherit or family == ctx_family
    # 'hvor mye mer fikk voksne enn barn og unge?' after their appropriations: the schemes
    # just asked, in the year they were asked for
    back = (
        u.intent == ctx.intent == "appropriation"
        and own_scheme
        and set(u.schemes_mentioned) <= set(ctx.slots.get(ASKED_SCHEMES, ()))
    )
    if same and (follow_up or not own_scheme or inherit or back):
        fresh = u.intent == "total" and ctx.intent != "total"
        if fresh and ctx.intent == "own_share" and "cost" in carried:
            # 'hva blir det totalt over alle fire år?' after an own share: the sum of own shares
            u.intent = "own_share"
        summing = u.intent == "framework_sum" and ctx.intent != "framework_sum"
        for key, value in carried.items():
            if key in new_slots or any(k in new_slots for k in REPLACES.get(key, ())):
                continue
            if fresh and key in ("grant_year", "grant_year_to", "grant_years", "groups", "year"):
                continue
            if summing and key == "year" and "municipality" in u.slots:
                continue
            if key in ("kind", "kinds") and "kind" in u.slots:
                continue
            if key == "office" and own_scheme and ctx.intent == "appropriation":
                # 'og voksne-ordningen?' after Innlandet's share: that scheme's own figures
                continue
            if ctx.intent == "statistics" and key in ("group", "municipality"):
                continue
            u.slots[key] = value
        if ctx.intent == "statistics" and u.intent == "statistics":
            u.slots.pop("group", None)
        drop_stale_operation(u, new_slots)
        changed = changed_positions(u, ctx.slots.get("positions"), new_slots)
        if changed is not None:
            u.slots["positions"] = changed
        if (
            "grant_year" in new_slots
            and "grant_year_to" not in new_slots
            and "grant_year_to" in u.slots
            and u.slots.get("operation") != "ratio"
            and not FROM_YEAR.search(u.folded)
        ):
            # 'og år 3?' after the sum of years 1-4 names one grant year; 'og fra år 2?' keeps
            # the end of the span
            u.slots.pop("grant_year_to", None)
        move_groups(u, ctx, new_slots)
        placed_in, placed_year = ctx.slots.get("grant_year"), ctx.slots.get("year")
        if (
            u.intent in FIGURE_INTENTS
            and new_slots == {"year"}
            and isinstance(placed_in, int)
            and placed_in > 0
            and isinstance(placed_year, int)
            and isinstance(u.slots.get("year"), int)
            and u.slots["year"] > placed_year
            and "start_year" not in u.slots
            and not any(k in u.slots for k in ("grant_year_to", "groups", "operation"))
        ):
            # 'fikk i 2021 tilskudd som år 1 …' then 'og i 2022?': the same position a year
            # on, from the start its grant year in that calendar year gives
            u.slots["start_year"] = placed_year - placed_in + 1
            u.slots.pop("grant_year", None)
        before = carried.get("grant_year")
        if (
            u.intent in FIGURE_INTENTS
            and "grant_year" in new_slots
            and "grant_year_to" not in u.slots
            and "operation" not in u.slots
            and not u.slots.get("groups")
            and isinstance(before, int)
            and before > 0
            and before != u.slots["grant_year"]
            and DIFFERENCE.search(u.folded)
            and THAN_GRANT_YEAR.search(u.folded)
        ):
            # 'hvor mye mindre er det enn om de samme årsverkene var i år 1?' after a figure for
            # year 4: the change from the grant year named to the one asked before
            u.slots["operation"] = "difference"
            u.slots["grant_year_to"] = before
        if (
            u.slots.get("operation") == "ratio"
            and "operation" not in new_slots
            and "grant_year" in new_slots
            and "grant_year_to" not in new_slots
            and "grant_year" in carried
        ):
            # 'og år 4?' after 'hvor mange prosent av år 1-satsen er år 3?': the same base
            u.slots["grant_year_to"], u.slots["grant_year"] = (
                u.slots["grant_year"],
                carried["grant_year"],
            )
        if u.intent in FAMILY_OF_FIGURES:
            refer_to_asked_years(u, ctx, new_slots)
        if u.intent == ctx.intent == "appropriation":
            compare_asked_years(u, ctx, new_slots)
    elif (
        not own_scheme
        and "year" in carried
        and not any(k in u.slots for k in ("year", "year_rel", "year_from"))
    ):
        u.slots["year"] = carried["year"]
    through = THROUGH_YEAR.search(u.folded)
    began = u.slots.get("start_year")
    if (
        through
        and isinstance(began, int)
        and "year" in new_slots
        and u.slots.get("year") == int(through.group(1)) > began
    ):
        # 'og hva har vi fått til sammen til og med 2022?' after a start year: every year
        u.slots["year_from"], u.slots["year_to"] = began, u.slots.pop("year")
        new_slots.discard("year")
    previous = ctx.slots.get("year")
    if (
        u.intent in FIGURE_INTENTS
        and u.slots.get("operation") == "difference"
        and "year_rel" in u.slots
        and isinstance(previous, int)
    ):
        # 'hvor mye mindre er det enn i år?': the previous question's year against this one
        other = ctx.day.year + int(u.slots.pop("year_rel"))
        if other != previous:
            u.slots.pop("year", None)
            u.slots["year_from"], u.slots["year_to"] = min(other, previous), max(other, previous)
    shift = u.slots.pop("year_shift", None)
    if isinstance(shift, int) and isinstance(ctx.slots.get("year"), int):
        # 'enn året etter det?': the year next to the previous question's
        u.slots["year"] = ctx.slots["year"] + shift
        new_slots.add("year")
    if "year" in u.slots and "year" in new_slots:
        u.slots.pop("year_from", None)
        u.slots.pop("year_to", None)
    if u.thing and u.intent in FIGURE_INTENTS:
        # 'og for ungdomstiltak?': a figure of something else is not the previous scheme's
        u.slots["thing"] = u.thing
        return
    if not own_scheme and ctx.scheme and u.intent not in SCHEME_FREE:
        u.scheme = ctx.scheme
        u.schemes_mentioned = [ctx.scheme]
    if sums and u.intent == "appropriation":
        # the schemes asked before, and one the question adds ('og sammen med X')
        asked = list(ctx.slots[ASKED_SCHEMES])
        own = [sid for sid in u.schemes_mentioned if sid not in asked] if own_scheme else []
        if (
            own
            and ctx.scheme in asked
            and ctx.slots.get("operation") != "sum"
            and THAT_FIGURE.search(u.folded)
            and not ALL_FIGURES.search(u.folded)
        ):
            # 'and how much is that together with the adults scheme?': the last figure and X
            asked = [ctx.scheme]
        last = LAST_ASKED.search(u.folded)
        newest = NUMBER_WORDS.get(next(g for g in last.groups() if g), 0) if last else 0
        if not own and isinstance(newest, int) and 2 <= newest < len(asked):
            # 'hva blir summen av de to siste?' after three figures: the last two asked
            asked = asked[-newest:]
        u.schemes_mentioned = asked + own
        u.scheme = u.schemes_mentioned[0]
        office = ctx.slots.get(ASKED_OFFICE)
        if office is not None and "office" not in new_slots and "county" not in new_slots:
            u.slots["office"] = office
        if own and re.search(r"\b(?:enn|than)\b", u.folded):
            # 'hvor mye mer fikk X enn disse to?': the scheme named against those asked before
            u.slots["schemes_first"] = tuple(own)


def move_groups(u: Understanding, ctx: ChatContext, new_slots: set[str]) -> None:
    """Move groups of positions in different grant years along the ladder with the year asked.

    'Og neste år?' after 'en i år 2 og en i år 4 – hva får vi i år?': each group a grant year
    further (the one past the last grant year gets nothing); 'hvor mye går tilskuddet ned fra
    i år til neste år?': the groups as they stand in each of the two years, and the change.
    The year the groups were last placed in is kept (``groups_year_rel``, this year when none).
    """
    groups = ctx.slots.get("groups")
    rel = u.slots.get("year_rel")
    shift = u.slots.get("year_shift")
    if "year_rel" not in new_slots and isinstance(shift, int) and GROUPS_YEAR_REL in ctx.slots:
        # 'og året etter det?' after 'neste år da?': a year on from where the groups stand
        rel = int(ctx.slots[GROUPS_YEAR_REL]) + shift
    elif "year_rel" not in new_slots:
        rel = None
    if (
        u.intent not in FIGURE_INTENTS
        or not groups
        or new_slots & {"groups", "positions", "start_year", "start_groups", "cost"}
        or not isinstance(rel, int)
        or any(g < 1 for _p, g in groups)
    ):
        return
    base = int(ctx.slots.get(GROUPS_YEAR_REL, 0))

    def moved(by: int) -> tuple[tuple[Fraction, int], ...] | None:
        out = tuple((p, g + by) for p, g in groups)
        return out if all(g >= 1 for _p, g in out) else None

    to = u.slots.get("year_rel_to")
    now, later = moved(rel - base), moved(int(to) - base) if isinstance(to, int) else None
    if now is None or (isinstance(to, int) and later is None):
        return
    named = u.slots.get("grant_year") if "grant_year" in new_slots else None
    if named is not None and named not in {g for _p, g in now}:
        return  # 'og neste år i år 2?': a grant year of its own, not the groups moved on
    for key in (
        "year_rel",
        "year_rel_to",
        "year_shift",
        "year",
        "grant_year",
        "grant_year_to",
        "operation",
    ):
        u.slots.pop(key, None)
    u.slots["groups"] = now
    u.slots[GROUPS_YEAR_REL] = rel
    if later is not None and later != now:
        u.slots["groups_to"] = later
        u.slots["operation"] = "groups_change"
    u.thing = None  # 'når den ene er ferdig': what the move says, no thing of its own


# the relative year (0 this year) the groups of positions carried in a chat stand in
GROUPS_YEAR_REL = "groups_year_rel"


def changed_positions(u: Understanding, before: object, new_slots: set[str]) -> Fraction | None:
    """Return the positions asked before with some of them changed to the share now given.

    'hvis en av dem bare er 50 %?' after 3 positions: two whole positions and a half.
    """
    m = SOME_OF_THEM.search(u.folded)
    share = u.slots.get("positions")
    if m is None or "positions" not in new_slots or not isinstance(share, Fraction):
        return None
    if not isinstance(before, (int, Fraction)) or not 0 < share < 1:
        return None
    word = m.group(1)
    word = {"ein": "en", "eitt": "ett"}.get(word, word)
    count = int(word) if word.isdigit() else NUMBER_WORDS.get(word)
    if not isinstance(count, int) or not 1 <= count <= before:
        return None
    return Fraction(before) - count + count * share


def own_question(u: Understanding, ctx_intent: str) -> bool:
    """Whether a short follow-up asks its own kind of question by a clear trigger word.

    'Hva er fristen?' or 'og satsen neste år?' after a question about who may apply asks for
    the deadline or the rate of the same scheme, not again who may apply.
    """
    asked = u.trigger_intent
    if asked is None or u.trigger_top < 0.5 or asked in SCHEME_FREE or asked in CHAT_INTENTS:
        return False
    if asked in MONEY_INTENTS and ctx_intent in MONEY_INTENTS:
        # 'hvor mye av det går til Innlandet?' after an appropriation: still about that money
        return False
    return FAMILIES.get(asked, asked) != FAMILIES.get(ctx_intent, ctx_intent)


def drop_stale_operation(u: Understanding, new_slots: set[str]) -> None:
    """Keep a carried operation only while its grant years still fit it.

    'og for 2 årsverk?' after 'hvor mye går tilskuddet ned fra år 1 til år 2?' is the same
    difference for 2 årsverk; 'og år 3?' names one grant year and asks for that year alone.
    """
    if "operation" in new_slots:
        return
    if u.slots.get("operation") == "difference" and "grant_year" in new_slots:
        u.slots.pop("operation", None)
        u.slots.pop("grant_year_to", None)
