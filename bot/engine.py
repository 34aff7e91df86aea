"""The answering engine: understanding, per-chat context for follow-ups, composition.

The console chat, the `ask` command and the Telegram handlers all call
``Engine.ask``; nothing is written twice. Context holds only what follow-ups
need (intent, scheme, slots, language, the sources of the last answer), never
the message text, and it is forgotten after ``CONTEXT_TURNS_TTL`` idle days or
on request.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from bot.answer import Answer
from bot.compose import Composer
from bot.nlu import Understander, Understanding
from knowledge.kb import KnowledgeBase, Provenance

MAX_CHATS = 10_000
CONTEXT_TTL_DAYS = 1

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
    "measures",
    "order",
    "office",
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


class Engine:
    """Answer questions with per-chat context, from one knowledge base."""

    def __init__(self, kb: KnowledgeBase, contexts: ContextStore | None = None) -> None:
        """Build the understander and composer for a knowledge base."""
        self.kb = kb
        self.understander = Understander(kb)
        self.composer = Composer(kb)
        self.contexts = contexts or ContextStore()

    def understand(self, text: str, chat: str | None, today: dt.date) -> Understanding:
        """Understand a message in the light of the chat's previous question."""
        u = self.understander.understand(text)
        ctx = self.contexts.get(chat, today) if chat is not None else None
        if ctx is not None:
            apply_context(u, ctx)
        return u

    def ask(self, text: str, today: dt.date, chat: str | None = None) -> Answer:
        """Answer one message as of a date; remember context when a chat is given."""
        u = self.understand(text, chat, today)
        answer = self.composer.compose(u, today)
        if chat is not None and answer.answered:
            self.contexts.put(
                chat,
                ChatContext(
                    u.intent,
                    answer.scheme or u.scheme,
                    dict(u.slots),
                    u.lang,
                    today,
                    answer.sources,
                ),
            )
        return answer

    def last_sources(self, chat: str, today: dt.date) -> list[Provenance]:
        """Return the sources of the chat's last answer."""
        ctx = self.contexts.get(chat, today)
        return list(ctx.sources) if ctx else []


def apply_context(u: Understanding, ctx: ChatContext) -> None:
    """Fill a follow-up question from the previous one: intent, scheme and slots."""
    carried = {k: v for k, v in ctx.slots.items() if k in CARRY}
    new_slots = set(u.slots) - {"kind"}
    weak = u.confidence < 0.75 or u.intent in {"out_of_scope", "greeting", "scheme_info"}
    if ctx.lang == "en" and u.lang != "en" and len(u.folded.split()) <= 4:
        u.lang = "en"
    same_kind = u.intent == ctx.intent or (
        u.intent in {"framework", "framework_sum"} and ctx.intent.startswith("framework")
    )
    if (
        (u.follow_up or weak)
        and new_slots
        and ctx.intent in SLOT_INTENTS
        and (weak or same_kind or u.follow_up)
    ):
        if not (
            u.schemes_mentioned
            and u.schemes_mentioned[0] != ctx.scheme
            and u.intent not in {"out_of_scope", "scheme_info"}
            and not weak
        ):
            u.intent = ctx.intent
            if u.confidence < 0.8:
                u.confidence = 0.8
        u.slots = {**carried, **u.slots}
        if "year" in u.slots and "year" in new_slots:
            u.slots.pop("year_from", None)
            u.slots.pop("year_to", None)
    elif same_kind and u.intent in SLOT_INTENTS:
        for key in CARRY:
            if key not in u.slots and key in carried and key in ("positions", "grant_year"):
                u.slots[key] = carried[key]
    elif u.follow_up and not new_slots and u.schemes_mentioned and ctx.intent in NEEDS_SCHEME:
        u.intent = ctx.intent
        u.confidence = max(u.confidence, 0.8)
    if u.intent in NEEDS_SCHEME and not u.schemes_mentioned and ctx.scheme:
        u.scheme = ctx.scheme
        u.schemes_mentioned = [ctx.scheme]
