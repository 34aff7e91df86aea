"""The caseworker desk in Telegram: its buttons, replies in a thread, posts and the daily job.

The desk (``bot.desk``) does the work through the pipeline; these handlers only read updates
and send what it returns:

- ``k:<id>:<verb>``: the asker's Send / Avbryt, and the caseworkers' Svar, Lag FAQ and Lukk
  buttons on a card (Lag FAQ writes and reloads the knowledge: it runs beside the questions);
- a text that replies to one of the bot's messages: a caseworker's answer in the desk chat,
  or an asker's reply to a relayed answer; a reply to anything else is answered as usual;
- :func:`send_posts` sends the messages a reply has for other chats (a card to the desk, an
  answer to the asker), records their message ids in the thread and reports a message the
  asker could not get (blocked bot, deleted chat) to the desk;
- the repeating job ``DESK_JOB`` announces long-open questions again (``announce_overdue``).

Caseworkers are the bot's admins and the administrators of the desk chats (asked of Telegram,
kept for ``ADMINS_SECONDS``): a button or reply in a desk chat is checked against that chat's
administrators, /statistikk (from any chat) against those of every desk chat, read just before.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Any, cast

from telegram import Bot, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.buttons import matches
from bot.reply import Post
from handlers.registry import command_names
from handlers.reply import deliver, send_message
from handlers.services import BotServices, who

if TYPE_CHECKING:
    from handlers.chat import ChatHandlers

DESK_JOB = "caseworker-desk"
DESK_SECONDS = 1800.0  # how often the job looks for long-open questions
ADMINS_SECONDS = 300.0
CASEWORKER_COMMAND = "statistikk"  # for caseworkers only: the desk chats' administrators too
log = logging.getLogger(__name__)


async def send_posts(services: BotServices, bot: Bot, posts: tuple[Post, ...]) -> None:
    """Send posts to their chats; record each in its thread, report what did not arrive."""
    pipeline = services.pipeline
    queue = list(posts)
    while queue:
        post = queue.pop(0)
        if post.edit is not None:
            await _replace(bot, post)
            continue
        try:
            sent = await send_message(bot, post.chat_id, post.message, post.reply_to)
        except (Forbidden, BadRequest) as exc:
            log.info("A desk message was not delivered: %s", type(exc).__name__)
            queue += await services.run(pipeline.desk_undelivered, post, services.core.now())
            continue
        except TelegramError as exc:
            log.warning("A desk message could not be sent: %s", type(exc).__name__)
            continue
        for i, message in enumerate(sent):
            more = await services.run(pipeline.desk_posted, post, message.message_id)
            if i == 0:
                queue += more


async def _replace(bot: Bot, post: Post) -> None:
    """Replace the text of a message in a chat and remove its buttons."""
    assert post.edit is not None
    try:
        await deliver(lambda: bot.edit_message_text(post.message.html, post.chat_id, post.edit))
    except TelegramError as exc:  # gone, too old, or unchanged: nothing more can be done
        log.info("A desk message was not replaced: %s", type(exc).__name__)


async def announce_overdue(bot: Bot, services: BotServices, now: dt.datetime) -> None:
    """Post the questions open too long (and cards that never reached the desk) again."""
    reply = await services.run(services.pipeline.desk_overdue, now)
    await send_posts(services, bot, reply.posts)


async def reannounce(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The repeating job: announce long-open questions again, once a working day."""
    assert context.job is not None
    services = cast(BotServices, context.job.data)
    await announce_overdue(context.bot, services, services.core.now())


class DeskHandlers:
    """The desk's buttons and thread replies, sharing one ``BotServices``."""

    def __init__(self, services: BotServices, chat: ChatHandlers) -> None:
        """Keep the services and the chat handlers (which show replies)."""
        self.s, self.chat = services, chat
        self._admins: dict[int, tuple[float, frozenset[int]]] = {}

    async def chat_admins(self, bot: Bot, chat_id: int | None) -> frozenset[int]:
        """Return the administrators of a desk chat (nobody for other chats), briefly cached."""
        if chat_id is None or chat_id not in self.s.core.desk.config.desk_chats:
            return frozenset()
        cached = self._admins.get(chat_id)
        if cached is not None and time.monotonic() - cached[0] < ADMINS_SECONDS:
            return cached[1]
        try:
            members = await deliver(lambda: bot.get_chat_administrators(chat_id))
        except TelegramError as exc:
            log.warning("Could not read the desk chat's administrators: %s", type(exc).__name__)
            return frozenset()
        found = frozenset(m.user.id for m in members)
        self._admins[chat_id] = (time.monotonic(), found)
        self.s.core.desk.record_chat_admins(chat_id, found)
        return found

    async def learn_caseworkers(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Before a caseworkers' command: read every desk chat's administrators for the check."""
        for chat_id in sorted(self.s.core.desk.config.desk_chats):
            await self.chat_admins(context.bot, chat_id)

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A desk button."""
        query = update.callback_query
        if query is None or query.data is None:
            return
        sender = who(update)
        admins = await self.chat_admins(context.bot, sender.chat_id)
        pipeline = self.s.pipeline
        run = self.s.run_slow if pipeline.desk_slow(query.data) else self.s.run
        reply = await run(pipeline.desk_press, query.data, sender, self.s.core.now(), admins)
        await self.chat.show(update, context, reply, query)

    async def reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A text replying to one of the bot's messages: a desk thread, or answered as usual."""
        message = update.effective_message
        replied = message.reply_to_message if message is not None else None
        if message is None or message.text is None or replied is None:
            return
        sender = who(update)
        admins = await self.chat_admins(context.bot, sender.chat_id)
        reply = await self.s.run(
            self.s.pipeline.desk_message,
            message.text,
            sender,
            replied.message_id,
            self.s.core.now(),
            admins,
        )
        if reply is None:
            await self.chat.text(update, context)
        else:
            await self.chat.show(update, context, reply)


def register(app: Any, services: BotServices, chat: ChatHandlers) -> None:
    """Register the desk's buttons, its thread replies, and the re-announcement job."""
    from handlers.chat import Addressed

    handlers = DeskHandlers(services, chat)
    app.add_handler(CallbackQueryHandler(handlers.press, pattern=matches("desk")))
    if not services.core.desk.enabled:
        return
    replies = (
        filters.UpdateType.MESSAGE & filters.REPLY & filters.TEXT & ~filters.COMMAND & Addressed()
    )
    app.add_handler(MessageHandler(replies, handlers.reply))
    # in a group of its own, before the pipeline answers the command (group 0)
    caseworkers = CommandHandler(command_names(CASEWORKER_COMMAND), handlers.learn_caseworkers)
    app.add_handler(caseworkers, group=-1)
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            reannounce, DESK_SECONDS, first=60.0, data=services, name=DESK_JOB
        )
