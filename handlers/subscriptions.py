"""Reminders in Telegram: the daily pass, and sending the outbox after an announcement.

The reminder commands (/abonner, /avslutt, /mine_varsler, /varsler, /kalender) are answered by
the pipeline like every other command (``bot.alerts``); their buttons are options.

The daily job (``REMINDER_JOB``, at TILSKUDDSBOT_REMINDER_TIME in TILSKUDDSBOT_TIMEZONE)
runs ``bot.reminders.run_pass`` through the reminder sender (a Bot without the rate limiter,
so that the pass sees 429 answers and paces itself). What must survive a restart is in the
outbox in SQLite; a pass missed while the bot was down is caught up by the next one.
"""

from __future__ import annotations

import logging
from typing import Any, cast
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import CallbackContext, ContextTypes

from bot.reminders import PassReport, run_pass, send_pending
from bot.reply import Delivery
from handlers.reply import send_message
from handlers.services import BotServices

REMINDER_JOB = "daily-reminders"
#: A late daily pass still runs within this many seconds (e.g. after a restart at 09:20).
MISFIRE_GRACE = 3600
log = logging.getLogger(__name__)


async def send_outbox(services: BotServices) -> PassReport | None:
    """Send what waits in the outbox now (a confirmed announcement); None without a sender."""
    sender = await services.reminder_sender()
    if sender is None:
        return None
    core = services.core
    return await send_pending(core.state, core.engine.kb, services.today(), sender)


def deliver_announcement(
    services: BotServices, context: ContextTypes.DEFAULT_TYPE, update: Update, delivery: Delivery
) -> None:
    """Send the outbox in the background, then tell the admin how it went."""

    async def run() -> None:
        report = await send_outbox(services)
        for message in services.pipeline.delivered(delivery, report).messages:
            await send_message(context.bot, delivery.admin_chat, message)

    context.application.create_task(run(), update=update)


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
    core = services.core
    await run_pass(core.state, core.engine.kb, services.today(), sender)


def register(app: Any, services: BotServices) -> None:
    """Schedule the daily reminder pass."""
    if app.job_queue is None:  # python-telegram-bot without its job-queue extra
        log.warning("No job queue: the daily reminder pass is not scheduled")
        return
    settings = services.core.settings
    when = settings.reminder_time.replace(tzinfo=ZoneInfo(settings.timezone))
    app.job_queue.run_daily(
        daily_reminders,
        when,
        data=services,
        name=REMINDER_JOB,
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
    )
