"""Reminders in Telegram: /abonner, /avslutt, /mine_varsler, /varsler, /kalender, the daily pass.

The commands are answered by the core (``CommandService`` with the chat's Telegram id, see
``bot.alerts``); /personvern and /slettmeg are answered here too, so that they cover the
chat's subscription. Buttons carry ``al:<token>``: the command they run stays in the
``OptionStore``, so a pressed button and a typed command take the same path.

The daily job (``REMINDER_JOB``, at TILSKUDDSBOT_REMINDER_TIME in TILSKUDDSBOT_TIMEZONE)
runs ``bot.reminders.run_pass`` through the reminder sender (a Bot without the rate limiter,
so that the pass sees 429 answers and paces itself). What must survive a restart is in the
outbox in SQLite; a pass missed while the bot was down is caught up by the next one.
"""

from __future__ import annotations

import logging
from typing import Any, cast
from zoneinfo import ZoneInfo

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import (
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    filters,
)

from bot.answer import Answer
from bot.console import parse_command
from bot.reminders import PassReport, run_pass, send_pending
from handlers.chat import EXPIRED, ChatHandlers, quote_id
from handlers.reply import MAX_BUTTONS, acknowledge, deliver, send_html
from handlers.services import BotServices, chat_key

REMINDER_JOB = "daily-reminders"
PRESS = "al:"
COMMANDS = ("abonner", "avslutt", "mine_varsler", "varsler")
CALENDAR_FILE = "tilskuddsfrister.ics"
#: A late daily pass still runs within this many seconds (e.g. after a restart at 09:20).
MISFIRE_GRACE = 3600
log = logging.getLogger(__name__)


def keyboard(services: BotServices, chat_id: int, answer: Answer) -> InlineKeyboardMarkup | None:
    """Turn an answer's options (commands) into ``al:`` buttons, one per row."""
    rows = [
        [
            InlineKeyboardButton(
                o.label[:64], callback_data=PRESS + services.options.add(chat_id, o.text)
            )
        ]
        for o in answer.options[:MAX_BUTTONS]
    ]
    return InlineKeyboardMarkup(rows) if rows else None


class SubscriptionHandlers:
    """The reminder commands, sharing one ``BotServices``."""

    def __init__(self, services: BotServices) -> None:
        """Keep the services."""
        self.s = services
        self.chat = ChatHandlers(services)

    async def run(
        self, bot: Bot, chat_id: int, key: str, text: str, reply_to: int | None = None
    ) -> None:
        """Run a typed or pressed command for a chat and send the answer with its buttons."""
        command = parse_command(text)
        if command is None:
            return
        answer = await self.s.run(
            self.s.commands.run, command[0], command[1], key, self.s.today(), chat_id=chat_id
        )
        markup = keyboard(self.s, chat_id, answer)
        await send_html(bot, chat_id, answer.html(), markup, reply_to)

    async def command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/abonner, /avslutt, /mine_varsler, /varsler, /personvern, and /slettmeg."""
        message, chat = update.effective_message, update.effective_chat
        if message is None or message.text is None or chat is None:
            return
        if (parse_command(message.text) or ("", ""))[0] == "slettmeg":
            self.chat.forget(update, context)  # the buttons and dialogue state too
        await self.run(context.bot, chat.id, chat_key(update), message.text, quote_id(update))

    async def press(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A pressed reminder button: run its command."""
        query = update.callback_query
        if query is None or query.data is None or query.message is None:
            return
        chat_id = query.message.chat.id
        text = self.s.options.get(chat_id, query.data.removeprefix(PRESS))
        await acknowledge(query, None if text else EXPIRED)
        if text is not None:
            await self.run(context.bot, chat_id, chat_key(update), text)

    async def calendar(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/kalender: the deadlines of the chat's subscription as an .ics file."""
        chat = update.effective_chat
        if chat is None:
            return
        args = " ".join(context.args or [])
        data, answer = await self.s.run(self.s.alerts.calendar, args, chat.id, self.s.today())
        if data is None:
            await send_html(context.bot, chat.id, answer.html(), reply_to=quote_id(update))
            return
        document = InputFile(data, filename=CALENDAR_FILE)
        await deliver(lambda: context.bot.send_document(chat.id, document, caption=answer.html()))


async def send_outbox(services: BotServices) -> PassReport | None:
    """Send what waits in the outbox now (a confirmed announcement); None without a sender."""
    sender = await services.reminder_sender()
    if sender is None:
        return None
    return await send_pending(services.state, services.engine.kb, services.today(), sender)


async def daily_reminders(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The daily job: plan today's reminders once and send every open outbox row."""
    assert context.job is not None
    services = cast(BotServices, context.job.data)
    sender = await services.reminder_sender()
    if sender is None:
        log.warning(
            "Reminder pass skipped: the Bot API cannot be reached; the next pass catches up"
        )
        return
    await run_pass(services.state, services.engine.kb, services.today(), sender)


def register(app: Any, services: BotServices) -> None:
    """Register the reminder commands and buttons, and schedule the daily reminder pass."""
    handlers = SubscriptionHandlers(services)
    new = filters.UpdateType.MESSAGE
    names = [*COMMANDS, "personvern", "slettmeg"]
    app.add_handler(CommandHandler(names, handlers.command, new))
    app.add_handler(CommandHandler("kalender", handlers.calendar, new))
    app.add_handler(CallbackQueryHandler(handlers.press, pattern=f"^{PRESS}"))
    if app.job_queue is None:  # python-telegram-bot without its job-queue extra
        log.warning("No job queue: the daily reminder pass is not scheduled")
        return
    settings = services.settings
    when = settings.reminder_time.replace(tzinfo=ZoneInfo(settings.timezone))
    app.job_queue.run_daily(
        daily_reminders,
        when,
        data=services,
        name=REMINDER_JOB,
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
    )
