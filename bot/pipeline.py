"""The one message pipeline: every command, question, 👎 and button press goes through here.

The console (``bot.console``) and the Telegram handlers (``handlers/``) only translate what
they receive into these calls and the :class:`bot.reply.Reply` into what they show, so the
same input gets the same treatment in both. An input passes the :data:`STEPS` in order until
one answers it:

1. ``feedback``: a pressed 👎 under an answer queues its question for review (text only);
2. ``dialogue``: the guided calculator (``bot.calculator``): ``/beregn`` without arguments
   starts it, its buttons and the positions or cost it waits for move it on, ``/avbryt``
   ends it; every other command and text passes on while it waits;
3. ``command``: ``/name args`` is looked up in the registry (``bot.commands.COMMANDS``); an
   unknown name is answered as such, an admin command is refused to everyone else;
4. ``question``: free text is answered by the engine with the chat's context; a question the
   bot could not answer goes to the review queue, an answered one gets a 👎 option.

Then ``store_buttons`` gives every option of the reply a short id in the state database, for
a channel whose buttons carry data (Telegram), so the buttons work after a restart. Admin
drafts and the review queue have entry points of their own below, and so
has the caseworker desk (``bot.desk``): its buttons, replies in a thread, and what the channel
reports about the posts it sent. A declined question (and a 👎) is offered to the desk when one
is configured, and every question is counted for the statistics (``bot.stats``), without text.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.answer import Answer, Option
from bot.calculator import CANCEL, COMMAND, PREFIX, Calculator
from bot.commands import Command, CommandService, Request, find_command
from bot.privacy import Masked, mask_personal_data, placeholder_kinds
from bot.reply import Button, Delivery, Reply, Who
from bot.text import clean, detect_language
from bot.texts import t
from bot.vocab import Lang

if TYPE_CHECKING:
    from bot.admin import AdminDesk, ReviewKind
    from bot.buttons import ButtonStore
    from bot.desk import Desk
    from bot.reminders import PassReport
    from bot.reply import Post
    from bot.review import Reason, ReviewQueue
    from bot.stats import Events, Kind

log = logging.getLogger(__name__)

#: Starts the text of a 👎 option; the question it is about follows (kept server-side).
FEEDBACK = "\u2063👎 "
#: Answers under which no 👎 is offered.
NO_FEEDBACK_INTENTS = frozenset({"greeting", "help"})
_COMMAND = re.compile(r"/([A-Za-z0-9_]*)(?:@\w+)?(?:\s+(.*))?", re.DOTALL)


@dataclass(frozen=True)
class Input:
    """One input on its way through the steps."""

    text: str
    who: Who
    today: dt.date
    pressed: bool  # it comes from a pressed button, not typed


def parse_command(text: str) -> tuple[str, str] | None:
    """Split '/faq@bot klagerett' into ('faq', 'klagerett'), line breaks kept; None for text."""
    match = _COMMAND.fullmatch(text.strip())
    if match is None:
        return None
    return match[1].lower(), (match[2] or "").strip()


Step = Callable[["Pipeline", Input], "Reply | None"]


class Pipeline:
    """Route inputs through the steps, with the review queue and the button payloads."""

    def __init__(
        self,
        commands: CommandService,
        admin: AdminDesk,
        review: ReviewQueue,
        buttons: ButtonStore,
        desk: Desk | None = None,
        events: Events | None = None,
        calculator: Calculator | None = None,
    ) -> None:
        """Keep the parts the steps use (the calculator: by default on the buttons' database)."""
        self.commands = commands
        self.admin = admin
        self.review = review
        self.buttons = buttons
        self.desk = desk
        self.events = events
        self.calculator = calculator or Calculator(buttons.db, commands)

    # --- the steps ----------------------------------------------------------------------------

    def feedback(self, item: Input) -> Reply | None:
        """A pressed 👎: queue the question it is about as unhelpful (masked)."""
        if not (item.pressed and item.text.startswith(FEEDBACK)):
            return None
        question = item.text.removeprefix(FEEDBACK)
        queued = self.queue_for_review(question, item.today, "thumbs_down", item.who)
        self.count(item.today, "thumbs_down")
        lang: Lang = "en" if detect_language(question) == "en" else "nb"
        note = masked_note(queued, lang)
        text = t("feedback.thanks", lang) + (f"\n\n{note}" if note else "")
        return Reply.plain(text, *self.handover_row(question))

    def dialogue(self, item: Input) -> Reply | None:
        """The guided calculator: start, move on or cancel it; None for what it does not take."""
        calculator = self.calculator
        if item.pressed and item.text.startswith(PREFIX):
            return calculator.press(item.text, item.who, item.today)
        parsed = parse_command(item.text)
        if parsed is None:
            return None if item.pressed else calculator.typed(item.text, item.who, item.today)
        name, args = parsed
        if name == COMMAND:
            if not args:
                return calculator.start(item.who)
            calculator.drop(item.who)  # answered at once by the command: the dialogue ends
        elif name == CANCEL:
            return calculator.cancel(item.who)
        return None

    def command(self, item: Input) -> Reply | None:
        """A command: run it from the registry, if the sender may."""
        parsed = parse_command(item.text)
        if parsed is None:
            return None
        name, raw = parsed
        args = clean(raw)[0]
        lang: Lang = "en" if args and detect_language(args) == "en" else "nb"
        found = find_command(name)
        if found is None:
            return Reply.of(
                Answer("unknown_command", False, 1.0, lang, [t("unknown_command", lang, name=name)])
            )
        admin = self.admin.is_admin(item.who)
        if found.audience == "admin" and not admin:
            return Reply.plain(t("admins_only", lang))
        request = Request(found.name, args, raw, item.who, item.today, lang, admin)
        reply = found.handler(self.commands, request)
        if reply.forget:  # /slettmeg: a calculation under way goes too
            self.calculator.forget(item.who)
        return reply

    def question(self, item: Input) -> Reply:
        """Free text: the engine answers; the unanswered go to review, the answered get 👎.

        An answer with the newest facts of an earlier year (the year asked lies after the
        sources) counts as answered and goes to review too, where a caseworker can add the
        year's deadline or rule.
        """
        answer = self.commands.engine.ask(item.text, item.today, item.who.chat)
        kind: Kind = "answered" if answer.answered else "clarify" if answer.options else "declined"
        self.count(item.today, kind, answer.scheme, answer.intent)
        if answer.answered and answer.after_sources:
            queued = self.queue_for_review(item.text, item.today, "unanswered", item.who)
            if note := masked_note(queued, answer.lang):
                answer = replace(answer, paragraphs=[*answer.paragraphs, note])
        if not answer.answered and not answer.options:  # not a question back: not answered
            queued = self.queue_for_review(item.text, item.today, "unanswered", item.who)
            if note := masked_note(queued, answer.lang):
                answer = replace(answer, paragraphs=[*answer.paragraphs, note])
            if self.desk is not None and self.desk.enabled:
                handover = Option(t("desk.button", answer.lang), self.handover_text(item.text))
                answer = replace(answer, options=[*answer.options, handover])
        elif answer.answered and answer.intent not in NO_FEEDBACK_INTENTS:
            feedback = Option(t("feedback.button", answer.lang), FEEDBACK + item.text)
            answer = replace(answer, options=[*answer.options, feedback])
        return Reply.of(answer)

    def count(
        self, today: dt.date, kind: Kind, scheme: str | None = None, topic: str | None = None
    ) -> None:
        """Count an event for the statistics; a failure never costs the reply."""
        if self.events is None:
            return
        try:
            self.events.record(today, kind, scheme, topic)
        except sqlite3.Error as exc:
            log.warning("Could not count an event: %s", type(exc).__name__)

    @staticmethod
    def handover_text(question: str) -> str:
        """The command an 'Ask a caseworker' option sends."""
        return f"/spor_saksbehandler {question}"

    def handover_row(self, question: str) -> tuple[tuple[Button, ...], ...]:
        """The 'Ask a caseworker' option under a 👎, when a desk is configured."""
        if self.desk is None or not self.desk.enabled:
            return ()
        return ((Button(t("desk.button"), text=self.handover_text(question)),),)

    def store_buttons(self, reply: Reply, who: Who, today: dt.date) -> Reply:
        """Give every option a short id in the state database (channels with button data)."""
        if who.chat_id is None:
            return reply
        texts = [
            b.text for m in reply.messages for b in m.buttons if b.text is not None and not b.data
        ]
        if not texts:
            return reply
        # What is behind a button may quote the question: stored masked, like the queue.
        masked = [mask_personal_data(text).text for text in texts]
        data = iter(self.buttons.add_all(who.chat_id, masked, today))

        def stored(button: Button) -> Button:
            if button.text is None or button.data:
                return button
            return replace(button, data=next(data))

        messages = tuple(
            replace(m, rows=tuple(tuple(stored(b) for b in row) for row in m.rows))
            for m in reply.messages
        )
        return replace(reply, messages=messages)

    def queue_for_review(
        self, text: str, today: dt.date, reason: Reason, who: Who
    ) -> Masked | None:
        """Put a question's masked text in the review queue (within the chat's daily limit).

        Return what was stored, or None; a failure never costs the reply.
        """
        sender = who.chat if who.chat_id is None else str(who.chat_id)
        try:
            return self.review.add(text, today, reason, sender=sender)
        except sqlite3.Error as exc:
            log.warning("Could not queue a question for review: %s", type(exc).__name__)
            return None

    # --- entry points -------------------------------------------------------------------------

    def handle(self, text: str, who: Who, today: dt.date, *, pressed: bool = False) -> Reply:
        """Answer a typed text (or the text of a pressed option)."""
        item = Input(text, who, today, pressed)
        for step in STEPS:
            reply = step(self, item)
            if reply is not None:
                return self.store_buttons(reply, who, today)
        raise AssertionError("the question step answers everything")

    def press(self, data: str, who: Who, today: dt.date) -> Reply:
        """A pressed option button: answer its text as if typed, or say it expired."""
        text = self.buttons.get(who.chat_id, data, today) if who.chat_id is not None else None
        if text is None:
            return Reply.note(t("expired"))
        return self.handle(text, who, today, pressed=True)

    def slow(self, text: str) -> bool:
        """Tell whether answering a text takes seconds (an admin's knowledge change)."""
        parsed = parse_command(text)
        found: Command | None = find_command(parsed[0]) if parsed is not None else None
        return found is not None and found.slow

    def typed_in_dialogue(self, text: str, who: Who, today: dt.date) -> Reply | None:
        """A text the sender's calculator waits for, not addressed to the bot (None: it waits not).

        In a group the bot answers only what is addressed to it; the positions or cost a
        running /beregn asks for are taken without the mention.
        """
        if parse_command(text) is not None:
            return None
        reply = self.calculator.typed(text, who, today)
        return self.store_buttons(reply, who, today) if reply is not None else None

    def inline(self, query: str, today: dt.date, limit: int) -> list[tuple[str, Answer]]:
        """Answers for inline mode: the overview for an empty query, else ranked look-ups."""
        if not query:
            who = Who("inline")
            found = [
                (t("inline.schemes"), self.handle("/ordninger", who, today)),
                (t("inline.deadlines"), self.handle("/frister", who, today)),
            ]
            return [(title, r.answer) for title, r in found if r.answer is not None]
        return [
            (
                hit.title,
                Answer(
                    "faq_lookup",
                    True,
                    hit.score / 100,
                    "nb",
                    [hit.text],
                    title=hit.title,
                    sources=[hit.source],
                ),
            )
            for hit in self.commands.search(query, limit=limit)
        ]

    # --- the admins' buttons and dialogues ----------------------------------------------------

    def decide(self, draft_id: int, verb: str, who: Who, today: dt.date) -> Reply:
        """A draft's button (d:<id>:ok or d:<id>:no)."""
        return self.store_buttons(self.admin.decide(draft_id, verb, who, today), who, today)

    def dismiss(self, group_id: int, who: Who, today: dt.date) -> Reply:
        """The review queue's Avvis button."""
        return self.admin.dismiss(group_id, who, today)

    def start_review(
        self, kind: ReviewKind, group_id: int, who: Who, today: dt.date
    ) -> tuple[Reply, bool]:
        """Lag FAQ / Nytt alias; tell whether the admin's typed answer is awaited."""
        return self.admin.start_review(kind, group_id, who, today)

    def resolve_review(
        self, kind: ReviewKind, group_id: int, text: str, who: Who, today: dt.date
    ) -> tuple[Reply, bool]:
        """The admin's typed answer in the review dialogue; tell whether it is done."""
        reply, done = self.admin.resolve_review(kind, group_id, text, who, today)
        return self.store_buttons(reply, who, today), done

    def cancel_review(self) -> Reply:
        """/avbryt in the review dialogue."""
        return self.admin.cancel_review()

    def poll_knowledge(self, today: dt.date) -> list[tuple[int, Reply]]:
        """Swap in a knowledge base rebuilt from outside; what to tell which admin."""
        return self.admin.poll(today)

    def delivered(self, delivery: Delivery, report: PassReport | None) -> Reply:
        """What to tell the admin once an announcement went out (report None: it could not)."""
        return self.admin.delivered(delivery, report)

    # --- the caseworker desk (bot.desk) -------------------------------------------------------

    def desk_press(
        self, data: str, who: Who, now: dt.datetime, chat_admins: frozenset[int] = frozenset()
    ) -> Reply:
        """A desk button (k:<id>:<verb>): Send / Avbryt, or a caseworker's Svar, FAQ, Lukk."""
        if self.desk is None:
            return Reply.note(t("expired"))
        return self.desk.press(data, who, now, chat_admins)

    def desk_slow(self, data: str) -> bool:
        """Tell whether a desk button takes seconds (an FAQ entry is written and reloaded)."""
        return self.desk is not None and self.desk.slow(data)

    def desk_message(
        self,
        text: str,
        who: Who,
        reply_to: int,
        now: dt.datetime,
        chat_admins: frozenset[int] = frozenset(),
    ) -> Reply | None:
        """A reply to a desk message (None: it is not one; answer the text as usual)."""
        if self.desk is None:
            return None
        return self.desk.message(text, who, reply_to, now, chat_admins)

    def desk_posted(self, post: Post, message_id: int) -> tuple[Post, ...]:
        """A desk post was delivered: remember where; what to post next."""
        return self.desk.posted(post, message_id) if self.desk is not None else ()

    def desk_undelivered(self, post: Post, now: dt.datetime) -> tuple[Post, ...]:
        """A desk post could not be delivered: what to tell the desk."""
        return self.desk.undelivered(post, now) if self.desk is not None else ()

    def desk_overdue(self, now: dt.datetime) -> Reply:
        """The questions to announce again in the desk (once a working day)."""
        return self.desk.overdue(now) if self.desk is not None else Reply()


#: How each kind of masked personal data is named to the user.
KIND_TEXTS = {
    "id_number": "privacy.kind.id_number",
    "email": "privacy.kind.email",
    "phone": "privacy.kind.phone",
    "name": "privacy.kind.name",
}


def masked_note(queued: Masked | None, lang: Lang) -> str:
    """Tell the user which personal data was masked in what was queued ('' if none)."""
    if queued is None:
        return ""
    # A 👎 queues the text behind its button, masked already when the button was made.
    kinds = queued.kinds or placeholder_kinds(queued.text)
    if not kinds:
        return ""
    names = ", ".join(t(KIND_TEXTS[kind], lang) for kind in kinds)
    return t("privacy.masked", lang, kinds=names)


#: The steps an input passes, in order; the first that answers wins.
STEPS: tuple[Step, ...] = (
    Pipeline.feedback,
    Pipeline.dialogue,
    Pipeline.command,
    Pipeline.question,
)
