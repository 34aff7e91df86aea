"""Chat handlers: commands, free text, button presses and media, through the message pipeline.

Each handler reads the update, calls the pipeline (``bot.pipeline``) on the core thread, and
shows the :class:`bot.reply.Reply`: :meth:`ChatHandlers.show` is the one place a reply becomes
Telegram messages, edits, files and button notes. A pressed option goes through the same path
as typed text.
"""

from __future__ import annotations

import html
import re

from telegram import CallbackQuery, Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, filters

from bot.reply import Reply
from bot.texts import t
from handlers.desk import send_posts
from handlers.reply import Typing, acknowledge, edit_message, send_html, send_message
from handlers.services import BotServices, who
from handlers.subscriptions import deliver_announcement


class Addressed(filters.MessageFilter):
    """Private chats always; groups only when the bot is mentioned, replied to or named."""

    def filter(self, message: Message) -> bool:
        """Tell whether a message is meant for this bot."""
        if message.chat.type == ChatType.PRIVATE:
            return True
        bot = message.get_bot()
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == bot.id:
            return True
        name = f"@{bot.username}".casefold()
        kinds: list[str | None] = [MessageEntity.MENTION, MessageEntity.BOT_COMMAND]
        return any(
            text.casefold() == name or text.casefold().endswith(name)
            for text in message.parse_entities(kinds).values()
        )


def strip_mention(text: str, username: str) -> str:
    """Remove '@botname' from a message text."""
    return re.sub(rf"@{re.escape(username)}\b", " ", text, flags=re.IGNORECASE).strip()


def quote_id(update: Update) -> int | None:
    """Return the message to reply to: in groups the user's message, so it is clear whom."""
    message, chat = update.message, update.effective_chat
    if message is None or chat is None or chat.type == ChatType.PRIVATE:
        return None
    return message.message_id


class ChatHandlers:
    """The handlers of everyday chat, sharing one ``BotServices``."""

    def __init__(self, services: BotServices) -> None:
        """Keep the services."""
        self.s = services

    async def show(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        reply: Reply,
        query: CallbackQuery | None = None,
    ) -> None:
        """Show a reply: note the pressed button, replace or send the messages, start a delivery."""
        chat = update.effective_chat
        if query is not None:
            await acknowledge(query, reply.notice)
        if reply.forget and context.user_data is not None:
            context.user_data.clear()  # /slettmeg: whatever PTB keeps for the user
        if chat is None:
            return
        reply_to = quote_id(update)
        for i, message in enumerate(reply.messages):
            if i == 0 and reply.replace and query is not None:
                await edit_message(query, message)
            else:
                await send_message(context.bot, chat.id, message, reply_to)
                reply_to = None
        if reply.delivery is not None:
            deliver_announcement(self.s, context, update, reply.delivery)
        if reply.posts:
            await send_posts(self.s, context.bot, reply.posts)

    async def answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        """Answer a text (command or question) in the update's chat."""
        chat = update.effective_chat
        if chat is None:
            return
        pipeline, sender, today = self.s.pipeline, who(update), self.s.today()
        run = self.s.run_slow if pipeline.slow(text) else self.s.run
        async with Typing(context.bot, chat.id, self.s.typing_delay):
            reply = await run(pipeline.handle, text, sender, today)
        await self.show(update, context, reply)

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Run a command (those of the registry, and unknown ones) through the pipeline."""
        message = update.effective_message
        if message is not None and message.text is not None:
            await self.answer(update, context, message.text)

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer free text; in groups without the mention of the bot."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        text = strip_mention(message.text, context.bot.username)
        await self.answer(update, context, text or "/hjelp")

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a pressed option as if its text had been typed."""
        query = update.callback_query
        if query is None or query.data is None:
            return
        reply = await self.s.run(self.s.pipeline.press, query.data, who(update), self.s.today())
        await self.show(update, context, reply, query)

    async def expired(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a button nobody handles any longer (an old calculator, an old release)."""
        if update.callback_query is not None:
            await acknowledge(update.callback_query, t("expired"))

    async def only_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer stickers, photos, voice and other media politely."""
        if update.effective_chat is not None:
            await send_html(context.bot, update.effective_chat.id, html.escape(t("only_text")))
