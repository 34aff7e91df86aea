"""Admin buttons and dialogues in Telegram; the admin commands themselves are the pipeline's.

The admins' desk (``bot.admin``) does the work; these handlers read the update, call it
through the pipeline on a thread of their own (a knowledge change takes seconds, and the
questions of others keep being answered), and show the reply. The buttons' patterns and
payloads are the one codec's (``bot.buttons``):

- ``d:<id>:ok`` / ``d:<id>:no``: confirm or cancel a draft (an announcement, a /ny_frist
  preview, the offer to send the summary of a knowledge update), kept in SQLite;
- ``rv:d:<id>``: dismiss a group of the review queue; ``rv:f:<id>`` and ``rv:a:<id>`` start a
  short dialogue (the admin answers in the chat) that turns it into an FAQ entry or into other
  phrasings of one.

The repeating job ``WATCH_JOB`` swaps in a knowledge base rebuilt from outside
(``tilskuddsbot kb reload``) and tells the admins what changed, with the same offer.
"""

from __future__ import annotations

import logging
import warnings
from typing import Any, cast

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.admin import ReviewKind
from bot.buttons import Feature, Payload, decode, matches
from handlers.chat import ChatHandlers
from handlers.registry import command_names
from handlers.reply import send_message
from handlers.services import BotServices, who

WATCH_JOB = "knowledge-watcher"
WATCH_SECONDS = 10.0
WAITING = 0
END = ConversationHandler.END
REVIEW_KEY = "ubesvart"
TIMEOUT = 600  # seconds before an unanswered review dialogue is dropped
log = logging.getLogger(__name__)


def pressed(update: Update, feature: Feature) -> Payload:
    """Return the pressed button's payload (its handler's pattern let only this feature's in)."""
    query = update.callback_query
    payload = decode(query.data if query is not None else None, feature)
    assert payload is not None, "the handler's pattern is matches(feature)"
    return payload


class AdminHandlers:
    """The admin buttons and the review dialogue, sharing one ``BotServices``."""

    def __init__(self, services: BotServices, chat: ChatHandlers) -> None:
        """Keep the services and the chat handlers (which show replies)."""
        self.s, self.chat = services, chat

    async def decide(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A draft's button: confirm or cancel it."""
        payload = pressed(update, "draft")
        reply = await self.s.run_slow(
            self.s.pipeline.decide,
            payload.number(0),
            payload.fields[1],
            who(update),
            self.s.today(),
        )
        await self.chat.show(update, context, reply, update.callback_query)

    async def dismiss(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Avvis button: drop a group without changing the knowledge."""
        group_id = pressed(update, "review").number(1)
        reply = await self.s.run_slow(
            self.s.pipeline.dismiss, group_id, who(update), self.s.today()
        )
        await self.chat.show(update, context, reply, update.callback_query)

    async def start_resolving(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Lag FAQ / Nytt alias: ask the admin for the entry, or for the FAQ id."""
        payload = pressed(update, "review")
        kind, group_id = cast(ReviewKind, payload.fields[0]), payload.number(1)
        reply, waiting = await self.s.run_slow(
            self.s.pipeline.start_review,
            kind,
            group_id,
            who(update),
            self.s.today(),
        )
        await self.chat.show(update, context, reply, update.callback_query)
        if not waiting:
            return END
        if context.user_data is not None:
            context.user_data[REVIEW_KEY] = (kind, group_id)
        return WAITING

    async def resolve(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """The admin's answer: write the FAQ entry or aliases back and swap them in."""
        data = context.user_data if context.user_data is not None else {}
        pending = data.get(REVIEW_KEY)
        message = update.effective_message
        if pending is None or message is None:
            return END
        kind, group_id = pending
        reply, done = await self.s.run_slow(
            self.s.pipeline.resolve_review,
            kind,
            group_id,
            message.text or "",
            who(update),
            self.s.today(),
        )
        await self.chat.show(update, context, reply)
        if not done:
            return WAITING
        data.pop(REVIEW_KEY, None)
        return END

    async def cancel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """/avbryt inside the review dialogue."""
        if context.user_data is not None:
            context.user_data.pop(REVIEW_KEY, None)
        await self.chat.show(update, context, self.s.pipeline.cancel_review())
        return END

    def review_dialogue(self) -> ConversationHandler[Any]:
        """The short dialogue after Lag FAQ / Nytt alias (per chat and user)."""
        typed = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
        with warnings.catch_warnings():  # per_message=False: the answer is a typed message
            warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
            return ConversationHandler(
                entry_points=[
                    CallbackQueryHandler(self.start_resolving, pattern=matches("review", "fa"))
                ],
                states={WAITING: [MessageHandler(typed, self.resolve)]},
                fallbacks=[CommandHandler(command_names("avbryt"), self.cancel)],
                per_message=False,
                allow_reentry=True,
                conversation_timeout=TIMEOUT,
                name="ubesvart",
            )


async def watch_knowledge(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The repeating job: swap in a rebuilt knowledge base and tell the admins what changed."""
    assert context.job is not None
    services = cast(BotServices, context.job.data)
    told = await services.run_slow(services.pipeline.poll_knowledge, services.today())
    for admin_id, reply in told:
        try:
            for message in reply.messages:
                await send_message(context.bot, admin_id, message)
        except TelegramError as exc:  # the admin never opened a chat with the bot
            log.info("Could not tell admin %d about the reload: %s", admin_id, type(exc).__name__)


def register(app: Any, services: BotServices, chat: ChatHandlers) -> None:
    """Register the admin buttons and the review dialogue, and the knowledge watcher job."""
    handlers = AdminHandlers(services, chat)
    app.add_handler(handlers.review_dialogue())
    app.add_handler(CallbackQueryHandler(handlers.decide, pattern=matches("draft")))
    app.add_handler(CallbackQueryHandler(handlers.dismiss, pattern=matches("review", "d")))
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            watch_knowledge, WATCH_SECONDS, first=WATCH_SECONDS, data=services, name=WATCH_JOB
        )
