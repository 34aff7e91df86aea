"""/beregn: a guided calculator as a ConversationHandler.

Steps: scheme -> grant year (schemes that have one) -> positions -> position cost
(optional, schemes that use it) -> the result with its working, from the core's
``CommandService.calculation``. Buttons drive every step; positions and cost
may also be typed. /avbryt or the "Avbryt" button cancels. ``/beregn år 3, 2
årsverk`` (with arguments) answers at once without the dialogue.

``per_message=False`` is deliberate: the dialogue starts with a command and reads
typed numbers, which only a per-chat-and-user conversation can follow. Every
button carries its step (``b:s:``, ``b:y:``, ``b:p:``, ``b:c:``), so an old
button from an earlier step matches no handler of the current one and is
answered as expired.
"""

from __future__ import annotations

import html
import warnings
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.quantity import Refused, read_kroner, read_positions
from bot.texts import t
from handlers.chat import ChatHandlers, quote_id
from handlers.reply import Typing, acknowledge, deliver, send_html
from handlers.services import BotServices, who

# Schemes with calculation rules, and their grant years (none: positions only).
CALCULATORS: dict[str, tuple[int, ...]] = {
    "kommunalt-rusarbeid": (1, 2, 3, 4),
    "nav-sosiale-tjenester": (),
}
WITH_COST = frozenset({"kommunalt-rusarbeid"})
POSITION_CHOICES = ("0,5", "1", "1,5", "2", "3")
SCHEME, YEAR, POSITIONS, COST = range(4)
END = ConversationHandler.END
KEY = "beregn"
TIMEOUT = 600  # seconds of silence before the dialogue is dropped
CANCEL = "b:x"


def cancel_button() -> InlineKeyboardButton:
    """The Avbryt button of every step."""
    return InlineKeyboardButton(t("calc.cancel"), callback_data=CANCEL)


def buttons(*choices: tuple[str, str]) -> InlineKeyboardMarkup:
    """Lay out choices (label, callback data) in one row with Avbryt below."""
    row = [InlineKeyboardButton(label, callback_data=data) for label, data in choices]
    return InlineKeyboardMarkup([row, [cancel_button()]] if row else [[cancel_button()]])


class Calculator:
    """The /beregn dialogue; state lives in ``context.user_data['beregn']``."""

    def __init__(self, services: BotServices, chat: ChatHandlers) -> None:
        """Keep the services and the chat handlers (for /beregn with arguments)."""
        self.s, self.chat = services, chat

    def handler(self) -> ConversationHandler[Any]:
        """Build the ConversationHandler."""
        typed = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
        with warnings.catch_warnings():  # per_message=False is chosen; see the module doc
            warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
            return ConversationHandler(
                entry_points=[CommandHandler("beregn", self.start, filters.UpdateType.MESSAGE)],
                states={
                    SCHEME: [CallbackQueryHandler(self.scheme, pattern=r"^b:s:")],
                    YEAR: [CallbackQueryHandler(self.year, pattern=r"^b:y:\d+$")],
                    POSITIONS: [
                        CallbackQueryHandler(self.positions, pattern=r"^b:p:"),
                        MessageHandler(typed, self.positions),
                    ],
                    COST: [
                        CallbackQueryHandler(self.cost, pattern=r"^b:c:-$"),
                        MessageHandler(typed, self.cost),
                    ],
                },
                fallbacks=[
                    CommandHandler("avbryt", self.cancel),
                    CallbackQueryHandler(self.cancel, pattern=rf"^{CANCEL}$"),
                ],
                per_message=False,
                allow_reentry=True,
                conversation_timeout=TIMEOUT,
                name="beregn",
            )

    def state(self, context: ContextTypes.DEFAULT_TYPE) -> dict[str, Any]:
        """Return this user's dialogue state."""
        data = context.user_data if context.user_data is not None else {}
        state: dict[str, Any] = data.setdefault(KEY, {})
        return state

    def heading(self, context: ContextTypes.DEFAULT_TYPE) -> str:
        """Return the choices so far as an HTML heading ('Kommunalt rusarbeid, år 3')."""
        state = self.state(context)
        kb = self.s.core.engine.kb
        parts = [kb.schemes[state["scheme"]].names.short] if "scheme" in state else []
        parts += [t("calc.year", year=state["year"])] if state.get("year") else []
        parts += [t("calc.positions", positions=state["positions"])] if "positions" in state else []
        choices = html.escape(", ".join(parts) or t("calc.choose"))
        return f"<b>{t('calc.heading', choices=choices)}</b>\n\n"

    async def prompt(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, text: str, markup: Any
    ) -> None:
        """Ask the next question: edit the message whose button was pressed, else send anew."""
        body = self.heading(context) + html.escape(text)
        query = update.callback_query
        if query is not None:
            await acknowledge(query)
            await deliver(lambda: query.edit_message_text(body, reply_markup=markup))
        elif update.effective_chat is not None:
            await send_html(context.bot, update.effective_chat.id, body, markup, quote_id(update))

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """/beregn: with arguments answer at once, else offer the schemes."""
        if context.args:
            await self.chat.command(update, context)
            return END
        self.state(context).clear()
        kb = self.s.core.engine.kb
        choices = [(kb.schemes[s].names.short, f"b:s:{s}") for s in CALCULATORS if s in kb.schemes]
        markup = InlineKeyboardMarkup(
            [[InlineKeyboardButton(label, callback_data=d)] for label, d in choices]
            + [[cancel_button()]]
        )
        await self.prompt(update, context, t("calc.which_scheme"), markup)
        return SCHEME

    async def scheme(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """A scheme was chosen: ask for the grant year, or straight for positions."""
        assert update.callback_query is not None and update.callback_query.data is not None
        scheme = update.callback_query.data.removeprefix("b:s:")
        if scheme not in CALCULATORS:
            await acknowledge(update.callback_query, t("expired"))
            return END
        self.state(context)["scheme"] = scheme
        if CALCULATORS[scheme]:
            years = [(t("calc.year_button", year=y), f"b:y:{y}") for y in CALCULATORS[scheme]]
            await self.prompt(update, context, t("calc.which_year"), buttons(*years))
            return YEAR
        return await self.ask_positions(update, context)

    async def year(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """A grant year was chosen: ask for positions."""
        assert update.callback_query is not None and update.callback_query.data is not None
        year = int(update.callback_query.data.removeprefix("b:y:"))
        if year not in CALCULATORS.get(self.state(context).get("scheme", ""), ()):
            await acknowledge(update.callback_query, t("expired"))
            return YEAR
        self.state(context)["year"] = year
        return await self.ask_positions(update, context)

    async def ask_positions(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Offer common numbers of positions."""
        choices = [(p, f"b:p:{p}") for p in POSITION_CHOICES]
        await self.prompt(update, context, t("calc.ask_positions"), buttons(*choices))
        return POSITIONS

    async def positions(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Positions pressed or typed: ask for the cost, or calculate."""
        query, message = update.callback_query, update.effective_message
        text = query.data.removeprefix("b:p:") if query and query.data else None
        text = text or (message.text if message and message.text else "")
        try:
            read_positions(text)  # the core's one quantity reader; refused with the reason
        except Refused as refused:
            bad = t("calc.bad_positions", reason=refused.message())
            await self.prompt(update, context, bad, buttons())
            return POSITIONS
        self.state(context)["positions"] = text.strip()
        if self.state(context)["scheme"] in WITH_COST:
            skip = (t("calc.skip"), "b:c:-")
            await self.prompt(update, context, t("calc.ask_cost"), buttons(skip))
            return COST
        return await self.finish(update, context, None)

    async def cost(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """The cost typed (or skipped): calculate."""
        if update.callback_query is not None:
            return await self.finish(update, context, None)
        message = update.effective_message
        try:
            cost = read_kroner((message.text or "") if message else "")
        except Refused as refused:
            skip = (t("calc.skip"), "b:c:-")
            bad = t("calc.bad_cost", reason=refused.message())
            await self.prompt(update, context, bad, buttons(skip))
            return COST
        return await self.finish(update, context, cost)

    async def finish(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, cost: int | None
    ) -> int:
        """Send the result with its working and end the dialogue."""
        state, chat = self.state(context), update.effective_chat
        if context.user_data is not None:
            context.user_data.pop(KEY, None)
        if update.callback_query is not None:
            await acknowledge(update.callback_query)
        if chat is None or "scheme" not in state:
            return END
        calc = self.s.pipeline.calculation
        args = (state["scheme"], state.get("year"), state["positions"], cost)
        async with Typing(context.bot, chat.id, self.s.typing_delay):
            reply = await self.s.run(calc, who(update), self.s.today(), *args)
        await self.chat.show(update, context, reply)
        return END

    async def cancel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """/avbryt or the Avbryt button: drop the dialogue."""
        if context.user_data is not None:
            context.user_data.pop(KEY, None)
        query = update.callback_query
        if query is not None:
            await acknowledge(query)
            await deliver(lambda: query.edit_message_text(t("calc.cancelled")))
        elif update.effective_chat is not None:
            await send_html(context.bot, update.effective_chat.id, t("calc.cancelled"))
        return END
