"""What the handlers share: the core (built by the composition root), one thread for it, the sender.

The core is synchronous and not written for threads. Questions and commands run on one
dedicated worker thread, so the event loop stays free to send and receive while an answer is
composed, and the engine never runs twice at once; an admin's knowledge change, which takes
seconds, runs on a thread of its own (``run_slow``) so questions keep being answered
meanwhile. The reminder sender (a Bot without the rate limiter) is opened in post_init and
shut down in post_shutdown. Nothing of the core is built here.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from telegram import Update
from telegram.error import TelegramError

from bot.bootstrap import Core
from bot.pipeline import Pipeline
from bot.reply import Who
from handlers.sender import TelegramSender, make_sender_bot

P = ParamSpec("P")
T = TypeVar("T")
log = logging.getLogger(__name__)


def chat_key(update: Update) -> str:
    """Return the conversation key: the chat, and in groups also the user."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return f"tg:u{user.id}" if user else "tg:unknown"
    if chat.type == chat.PRIVATE or user is None:
        return f"tg:{chat.id}"
    return f"tg:{chat.id}:{user.id}"


def who(update: Update) -> Who:
    """Say who sent an update, for the pipeline."""
    chat, user = update.effective_chat, update.effective_user
    return Who(
        chat_key(update),
        chat.id if chat is not None else None,
        user.id if user is not None else None,
    )


@dataclass
class BotServices:
    """The core, the thread it runs on, and the reminder sender."""

    core: Core
    typing_delay: float
    executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="core")
    )
    clock: Callable[[], dt.datetime] | None = None  # the local time; None: the real clock
    sender: TelegramSender | None = field(default=None, init=False)
    stopping: asyncio.Event = field(default_factory=asyncio.Event, init=False)  # set on stop
    _sender_lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)

    @property
    def pipeline(self) -> Pipeline:
        """Return the message pipeline."""
        return self.core.pipeline

    def today(self) -> dt.date:
        """Return the as-of date (TILSKUDDSBOT_TODAY, else today in the configured zone)."""
        return self.core.today()

    def now(self) -> dt.datetime:
        """Return the local date and time in the configured zone (the injected clock's)."""
        return self.clock() if self.clock is not None else self.core.now()

    async def run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a core call on the core thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(func, *args, **kwargs))

    async def run_slow(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a core call that takes seconds on a thread of its own, beside the questions."""
        return await asyncio.to_thread(func, *args, **kwargs)

    async def reminder_sender(self) -> TelegramSender | None:
        """Return the reminder sender, opening its Bot once; None if the Bot API is unreachable."""
        async with self._sender_lock:
            if self.sender is None:
                bot = make_sender_bot(self.core.settings)
                try:
                    await bot.initialize()
                except TelegramError as exc:
                    log.warning(
                        "The reminder sender cannot reach the Bot API: %s", type(exc).__name__
                    )
                    return None
                self.sender = TelegramSender(bot)
            return self.sender

    async def close_sender(self) -> None:
        """Shut the reminder sender's Bot down (post_shutdown)."""
        async with self._sender_lock:
            if self.sender is not None:
                await self.sender.bot.shutdown()
                self.sender = None

    def close(self) -> None:
        """Stop the core thread (the composition root closes the core)."""
        self.executor.shutdown(wait=False, cancel_futures=True)
