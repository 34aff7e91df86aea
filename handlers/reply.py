"""Sending replies: split into Telegram-sized parts, buttons, retries, and "typing…".

Delivery is retried (at most ``TRIES`` attempts) on what may pass: flood control
(``RetryAfter`` of at most ``MAX_RETRY_AFTER``; the rate limiter holds the chat back meanwhile
and never retries itself, see ``handlers.ratelimit``), time-outs,
dropped connections and server errors. ``BadRequest`` and ``Forbidden`` are
final. A time-out can hide a request that did arrive, so a retry may deliver an
answer twice: at-least-once is chosen over losing answers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from types import TracebackType
from typing import TypeVar

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    ReplyParameters,
)
from telegram.constants import ChatAction
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from bot import reply as core
from handlers.ordering import waiting
from handlers.split import split_html

T = TypeVar("T")
log = logging.getLogger(__name__)

TRIES = 3
BACKOFF = 0.25  # seconds, times the attempt number
MAX_RETRY_AFTER = 60.0  # flood waits longer than this give up: the answer would be stale
MAX_BUTTONS = 20
TYPING_REPEAT = 4.5  # Telegram shows a chat action for about five seconds


def retry_after_seconds(exc: RetryAfter) -> float:
    """Return how long Telegram asked us to wait, as seconds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


async def deliver(call: Callable[[], Awaitable[T]], tries: int = TRIES) -> T:
    """Make a Bot API call, retrying flood control, time-outs and network errors."""
    for attempt in range(1, tries + 1):
        try:
            return await call()
        except BadRequest:
            raise
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            if attempt == tries or wait > MAX_RETRY_AFTER:
                raise
            log.info("Flood control: retrying in %.1f s", wait)
            async with waiting():  # other chats run meanwhile
                await asyncio.sleep(wait)
        except NetworkError as exc:
            if attempt == tries:
                raise
            log.info("Sending failed (%s): retry %d of %d", type(exc).__name__, attempt, tries - 1)
            async with waiting():
                await asyncio.sleep(BACKOFF * attempt)
    raise AssertionError("unreachable")


async def acknowledge(query: CallbackQuery, text: str | None = None) -> None:
    """Answer a button press (stops the spinner); a late or failed answer is only cosmetic."""
    try:
        await query.answer(text)
    except TelegramError as exc:
        log.info("Could not answer a button press: %s", type(exc).__name__)


def keyboard(rows: Sequence[Sequence[core.Button]]) -> InlineKeyboardMarkup | None:
    """Lay out a message's rows of buttons (at most MAX_BUTTONS); None without any."""
    laid: list[list[InlineKeyboardButton]] = []
    count = 0
    for row in rows:
        buttons = [InlineKeyboardButton(b.label[:64], callback_data=b.data) for b in row if b.data]
        buttons = buttons[: MAX_BUTTONS - count]
        if buttons:
            laid.append(buttons)
            count += len(buttons)
    return InlineKeyboardMarkup(laid) if laid else None


async def send_html(
    bot: Bot,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
    reply_to: int | None = None,
) -> list[Message]:
    """Send HTML in as many parts as needed; buttons go with the last part."""
    parts = split_html(text) or ["…"]
    sent = []
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        quote = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to else None

        async def send(
            part: str = part, last: bool = last, quote: ReplyParameters | None = quote
        ) -> Message:
            return await bot.send_message(
                chat_id, part, reply_markup=markup if last else None, reply_parameters=quote
            )

        sent.append(await deliver(send))
        reply_to = None
    return sent


async def send_message(
    bot: Bot, chat_id: int, message: core.Message, reply_to: int | None = None
) -> list[Message]:
    """Send one message of the core: HTML in parts with its buttons, or a file with a caption."""
    if message.document is not None:
        document = InputFile(message.document.data, filename=message.document.filename)
        sent = await deliver(lambda: bot.send_document(chat_id, document, caption=message.html))
        return [sent]
    return await send_html(bot, chat_id, message.html, keyboard(message.rows), reply_to)


async def edit_message(query: CallbackQuery, message: core.Message) -> None:
    """Replace the text and buttons of the message whose button was pressed."""
    await deliver(
        lambda: query.edit_message_text(message.html, reply_markup=keyboard(message.rows))
    )


class Typing:
    """Show "typing…" while slow work runs: only after ``delay``, and never after the reply.

    Fast answers need no chat action (and save a request against the flood
    limits); a chat action already on its way is awaited before the reply, so it
    cannot arrive after it and leave "typing…" showing.
    """

    def __init__(self, bot: Bot, chat_id: int, delay: float) -> None:
        """Prepare to show typing in a chat."""
        self.bot, self.chat_id, self.delay = bot, chat_id, delay
        self._lock = asyncio.Lock()
        self._stopped = False
        self._timer: asyncio.TimerHandle | None = None
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Typing:
        """Start the timer (a plain timer: most answers are ready long before it fires)."""
        if self.delay > 0:
            self._timer = asyncio.get_running_loop().call_later(self.delay, self._start)
        else:
            self._start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop: wait for a chat action in flight, cancel the rest."""
        self._stopped = True
        if self._timer is not None:
            self._timer.cancel()
        if self._task is not None:
            async with self._lock:
                self._task.cancel()

    def _start(self) -> None:
        """Start sending the chat action."""
        if not self._stopped:
            self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        """Send the chat action now and then every few seconds."""
        while True:
            async with self._lock:
                if self._stopped:
                    return
                try:
                    await self.bot.send_chat_action(self.chat_id, ChatAction.TYPING)
                except Exception as exc:  # cosmetic: never let it fail the reply
                    log.info("Chat action failed: %s", type(exc).__name__)
                    return
            await asyncio.sleep(TYPING_REPEAT)
