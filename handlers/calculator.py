"""/beregn in groups: the numbers a running calculation waits for, typed without the mention.

The guided calculator is the core's (``bot.calculator``), driven by the message pipeline like
every command, button and text: /beregn is registered from the registry, its buttons are
options (``o:``), and in private chats, or addressed to the bot in a group, what is typed
goes to the pipeline anyway. The one thing left here is a group message not addressed to the
bot: it is offered to the sender's calculation, and ignored when none waits for it.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import ContextTypes, MessageHandler, filters

from handlers.chat import Addressed, ChatHandlers
from handlers.services import BotServices, who


class CalculatorHandlers:
    """Offer unaddressed group text to the sender's running calculation."""

    def __init__(self, services: BotServices, chat: ChatHandlers) -> None:
        """Keep the services and the chat handlers (which show replies)."""
        self.s, self.chat = services, chat

    async def typed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Show the calculation's next step, if it waited for this text."""
        message = update.effective_message
        if message is None or message.text is None:
            return
        typed = self.s.pipeline.typed_in_dialogue
        reply = await self.s.run(typed, message.text, who(update), self.s.today())
        if reply is not None:
            await self.chat.show(update, context, reply)


def register(app: Any, services: BotServices, chat: ChatHandlers) -> None:
    """Register the handler of unaddressed group text (addressed text is the chat's)."""
    handlers = CalculatorHandlers(services, chat)
    unaddressed = (
        filters.UpdateType.MESSAGE
        & filters.ChatType.GROUPS
        & filters.TEXT
        & ~filters.COMMAND
        & ~Addressed()
    )
    app.add_handler(MessageHandler(unaddressed, handlers.typed))
