"""Reminders in Telegram: the daily pass, and sending the outbox after an announcement.

The reminder commands (/abonner, /avslutt, /mine_varsler, /varsler, /kalender) are answered by
the pipeline like every other command (``bot.alerts``); their buttons are options.

The daily job (``REMINDER_JOB``, at TILSKUDDSBOT_REMINDER_TIME in TILSKUDDSBOT_TIMEZONE)
runs ``bot.reminders.run_pass`` through the reminder sender (a Bot without the rate limiter,
so that the pass sees 429 answers and paces itself). What must survive a restart is in the
outbox in SQLite; a pass missed while the bot was down is caught up by the next one.

A scheduler only fires what falls due while it runs, so ``CATCH_UP_JOB`` checks at start and
every minute after (a late start, a suspended machine, an unreachable Bot API at 09:00) that
the day's pass has finished once its time has come, and runs it if not. One pass runs at a
time (:class:`ReminderPasses`); a stop asks it to stop, and waits at most ``STOP_TIMEOUT``
seconds, so the bot stops within Docker's 10 seconds and the next start completes the pass.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any, cast
from zoneinfo import ZoneInfo

from telegram import Update
from telegram.ext import CallbackContext, ContextTypes

from bot.reminders import PassReport, pass_due, run_pass, send_pending
from bot.reply import Delivery
from handlers.lifecycle import BotApplication
from handlers.reply import send_message
from handlers.services import BotServices

REMINDER_JOB = "daily-reminders"
CATCH_UP_JOB = "reminder-catch-up"
#: A late daily pass still runs within this many seconds (e.g. after a restart at 09:20).
MISFIRE_GRACE = 3600
#: How often the bot checks that the day's pass has run once its time has come.
CATCH_UP_SECONDS = 60.0
#: How long a stop waits for a running pass to wind down (Docker gives 10 s in all).
STOP_TIMEOUT = 5.0
log = logging.getLogger(__name__)


async def send_outbox(services: BotServices) -> PassReport | None:
    """Send what waits in the outbox now (a confirmed announcement); None without a sender."""
    sender = await services.reminder_sender()
    if sender is None:
        return None
    core = services.core
    return await send_pending(
        core.state, core.engine.kb, services.today(), sender, stop=services.stopping
    )


def deliver_announcement(
    services: BotServices, context: ContextTypes.DEFAULT_TYPE, update: Update, delivery: Delivery
) -> None:
    """Send the outbox in the background, then tell the admin how it went."""

    async def run() -> None:
        report = await send_outbox(services)
        for message in services.pipeline.delivered(delivery, report).messages:
            await send_message(context.bot, delivery.admin_chat, message)

    context.application.create_task(run(), update=update)


class ReminderPasses:
    """The reminder passes of the running bot: one at a time, caught up when due, stoppable."""

    def __init__(self, services: BotServices) -> None:
        """Run passes over the services' core and reminder sender."""
        self.services = services
        self.task: asyncio.Task[PassReport | None] | None = None

    def running(self) -> bool:
        """Tell whether a pass is running now."""
        return self.task is not None and not self.task.done()

    async def run(self, *, plan: bool = True) -> PassReport | None:
        """Run today's pass (or join the one running); None if it could not run.

        ``plan=False`` only sends what waits in the outbox (e.g. an announcement a stop
        interrupted after the day's pass had finished).
        """
        if self.services.stopping.is_set():
            return None
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._pass(plan), name="reminder-pass")
        return await asyncio.shield(self.task)

    async def _pass(self, plan: bool) -> PassReport | None:
        """Run one pass through the reminder sender, stoppable by a stop of the bot."""
        sender = await self.services.reminder_sender()
        if sender is None:
            log.warning("Reminder pass skipped: the Bot API cannot be reached; it is tried again")
            return None
        core, stop = self.services.core, self.services.stopping
        run = run_pass if plan else send_pending
        return await run(core.state, core.engine.kb, self.services.today(), sender, stop=stop)

    def due(self) -> bool:
        """Tell whether today's pass should run now (its time has come, not finished)."""
        core = self.services.core
        record = core.state.pass_record(self.services.today())
        return pass_due(record, self.services.now().time(), core.settings.reminder_time)

    async def catch_up(self, *, at_start: bool = False) -> None:
        """Run today's pass if it is due and not running; log when it was caught up.

        At start, what waits in the outbox (an announcement a stop interrupted) is sent
        even when the day's pass is not due.
        """
        if self.services.stopping.is_set() or self.running():
            return
        if not self.due():
            counts = self.services.core.state.counts()
            if at_start and (counts.get("pending", 0) or counts.get("sending", 0)):
                log.info("Sending what a stop left in the outbox")
                await self.run(plan=False)
            return
        now, at = self.services.now(), self.services.core.settings.reminder_time
        log.info(
            "Reminder pass of %s not finished at %s (due at %s): running it now",
            self.services.today().isoformat(),
            now.strftime("%H:%M"),
            at.strftime("%H:%M"),
        )
        started = time.monotonic()
        report = await self.run()
        if report is not None and not report.stopped:
            log.info("Reminder pass caught up in %.1f s: %s", time.monotonic() - started,
                     report.summary())  # fmt: skip

    async def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Ask a running pass (and announcement) to stop; wait at most ``timeout`` seconds."""
        self.services.stopping.set()
        task = self.task
        if task is None or task.done():
            return
        done, _ = await asyncio.wait({task}, timeout=timeout)
        if not done:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
        log.info("Reminder pass stopped; the next start completes it")


async def daily_reminders(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The daily job: plan today's reminders once and send every open outbox row."""
    assert context.job is not None
    await cast(ReminderPasses, context.job.data).run()


async def catch_up_reminders(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The repeating job: run the day's pass if its time has come and it has not finished."""
    assert context.job is not None
    passes = cast(ReminderPasses, context.job.data)
    context.application.create_task(passes.catch_up(), name="reminder-catch-up")


async def catch_up_at_start(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The first check at start: also send what a stop left in the outbox."""
    assert context.job is not None
    passes = cast(ReminderPasses, context.job.data)
    context.application.create_task(passes.catch_up(at_start=True), name="reminder-catch-up")


def register(app: Any, services: BotServices) -> None:
    """Schedule the daily reminder pass and its catch-up check; stop passes before a stop."""
    passes = ReminderPasses(services)
    if isinstance(app, BotApplication):
        app.stop_hooks.append(passes.stop)
    if app.job_queue is None:  # python-telegram-bot without its job-queue extra
        log.warning("No job queue: the daily reminder pass is not scheduled")
        return
    settings = services.core.settings
    when = settings.reminder_time.replace(tzinfo=ZoneInfo(settings.timezone))
    app.job_queue.run_daily(
        daily_reminders,
        when,
        data=passes,
        name=REMINDER_JOB,
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
    )
    late_ok = {"misfire_grace_time": None, "coalesce": True}  # however late it gets to run
    app.job_queue.run_once(
        catch_up_at_start, 0, data=passes, name=f"{CATCH_UP_JOB}-at-start", job_kwargs=late_ok
    )
    app.job_queue.run_repeating(
        catch_up_reminders, CATCH_UP_SECONDS, data=passes, name=CATCH_UP_JOB, job_kwargs=late_ok
    )
