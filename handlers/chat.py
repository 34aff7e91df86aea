"""Chat handlers: commands, free text, button presses, media, and the admin /status.

Each handler reads the update, calls the core through ``BotServices``, and
replies. A pressed option goes through the same path as typed text.
"""

from __future__ import annotations

import re

from telegram import Message, MessageEntity, Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes, filters

from bot.answer import Answer
from bot.console import parse_command
from handlers.reply import Typing, acknowledge, send_answer, send_html
from handlers.services import BotServices, chat_key

EXPIRED = "Dette valget er utløpt. Spør på nytt."
ONLY_TEXT = "Jeg forstår bare tekst. Skriv spørsmålet ditt, eller /hjelp for å se hva jeg kan."


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

    async def reply(self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str) -> None:
        """Answer a text (command or question) in the update's chat."""
        chat = update.effective_chat
        if chat is None:
            return
        async with Typing(context.bot, chat.id, self.s.typing_delay):
            answer = await self.s.answer(text, chat_key(update))
        await send_answer(context.bot, self.s.options, chat.id, answer, quote_id(update))

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Run a command (/hjelp, /ordninger ..., and unknown ones) through the core."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        command = parse_command(message.text)
        if command is not None and command[0] == "slettmeg":
            self.forget(update, context)
        await self.reply(update, context, message.text)

    def forget(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/slettmeg: drop what the Telegram layer holds too (buttons, calculator state)."""
        if update.effective_chat is not None:
            self.s.options.forget(update.effective_chat.id)
        if context.user_data is not None:
            context.user_data.clear()

    async def text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer free text; in groups without the mention of the bot."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        text = strip_mention(message.text, context.bot.username)
        await self.reply(update, context, text or "/hjelp")

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a pressed option as if its text had been typed."""
        query = update.callback_query
        if query is None or query.data is None:
            return
        text = self.s.options.get(query.message.chat.id, query.data[2:]) if query.message else None
        await acknowledge(query, None if text else EXPIRED)
        if text is not None:
            await self.reply(update, context, text)

    async def expired(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer a button nobody handles any longer (an old calculator, a restart)."""
        if update.callback_query is not None:
            await acknowledge(update.callback_query, EXPIRED)

    async def only_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer stickers, photos, voice and other media politely."""
        if update.effective_chat is not None:
            await send_html(context.bot, update.effective_chat.id, ONLY_TEXT)

    async def status(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Admins only: the knowledge base and what is held in memory."""
        kb, chat = self.s.engine.kb, update.effective_chat
        if chat is None:
            return
        lines = [
            f"Kunnskapsbase versjon {kb.version}",
            f"{len(kb.schemes)} ordninger, {len(kb.deadlines())} frister, "
            f"{len(kb.faq)} spørsmål og svar, {len(kb.tables)} tabeller",
            f"{len(self.s.options)} knappevalg i minnet",
        ]
        answer = Answer("status", True, 1.0, "nb", lines, title="Status")
        await send_answer(context.bot, self.s.options, chat.id, answer)
