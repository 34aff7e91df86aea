"""Flood control per chat: Telegram's limits, and a 429 holds back only the chat it was for.

python-telegram-bot's ``AIORateLimiter`` pauses *every* request when any one gets a 429
(``RetryAfter``), and sleeps out waits of any length itself, so one chat's flood wait stalled
all chats and the cap on flood waits in ``handlers.reply`` never took effect. This limiter
keeps Telegram's limits (30 messages a second overall, 20 a minute per group; a 429 holds
back the chat it was for, or, for a call without a chat, that method) and does not retry:
the ``RetryAfter`` goes to the caller (``handlers.reply.deliver``), which waits and retries
when the wait is within the cap. A call to a chat held for longer than the cap fails at once
with the ``RetryAfter`` of what is left, without asking Telegram, whose answer would be the
same. While a chat waits for its limits it lends its running place to other chats
(``handlers.ordering.waiting``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
import time
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.constants import FloodLimit
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from handlers.ordering import waiting
from handlers.reply import MAX_RETRY_AFTER, retry_after_seconds

Result = bool | dict[str, Any] | list[dict[str, Any]]
HoldKey = tuple[str, int | str]
TIDY_AT = 512  # group limiters and holds kept before the idle ones are forgotten


class ChatRateLimiter(BaseRateLimiter[int]):
    """Telegram's overall and per-group limits, with flood waits held per chat."""

    def __init__(
        self,
        overall_rate: float = FloodLimit.MESSAGES_PER_SECOND,
        overall_period: float = 1.0,
        group_rate: float = FloodLimit.MESSAGES_PER_MINUTE_PER_GROUP,
        group_period: float = 60.0,
        max_wait: float = MAX_RETRY_AFTER,
    ) -> None:
        """Allow ``overall_rate`` calls to chats per period, ``group_rate`` per group per period."""
        self._overall = AsyncLimiter(overall_rate, overall_period)
        self._group_rate, self._group_period = group_rate, group_period
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._holds: dict[HoldKey, float] = {}  # until when (monotonic) Telegram said to wait
        self.max_wait = max_wait

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        """Wait out the chat's flood wait and limits, make the call, note a new flood wait."""
        chat = _chat_id(data)
        key: HoldKey = ("chat", chat) if chat is not None else ("method", endpoint)
        await self._wait_for_hold(key)
        if chat is not None:
            if _is_group(chat):
                await _take(self._group(chat))
            await _take(self._overall)
        try:
            return await callback(*args, **kwargs)
        except RetryAfter as exc:
            self._hold(key, retry_after_seconds(exc))
            raise

    async def _wait_for_hold(self, key: HoldKey) -> None:
        """Wait while Telegram holds this chat (or method) back; fail at once beyond the cap."""
        while (until := self._holds.get(key)) is not None:
            left = until - time.monotonic()
            if left <= 0:
                if self._holds.get(key) == until:
                    del self._holds[key]
                return
            if left > self.max_wait:
                raise _retry_after(left)
            async with waiting():
                await asyncio.sleep(left)

    def _hold(self, key: HoldKey, seconds: float) -> None:
        """Hold a chat (or method) back for as long as Telegram said."""
        now = time.monotonic()
        if len(self._holds) >= TIDY_AT:
            self._holds = {k: until for k, until in self._holds.items() if until > now}
        self._holds[key] = max(self._holds.get(key, 0.0), now + seconds)

    def _group(self, chat: int | str) -> AsyncLimiter:
        """Return a group's limiter, forgetting those of groups idle for a whole period."""
        if chat not in self._groups and len(self._groups) >= TIDY_AT:
            self._groups = {
                k: limiter
                for k, limiter in self._groups.items()
                if not limiter.has_capacity(limiter.max_rate)
            }
        return self._groups.setdefault(chat, AsyncLimiter(self._group_rate, self._group_period))


async def _take(limiter: AsyncLimiter) -> None:
    """Take one call's capacity; lend the running place if that means waiting."""
    if limiter.has_capacity():
        await limiter.acquire()
        return
    async with waiting():
        await limiter.acquire()


def _retry_after(seconds: float) -> RetryAfter:
    """Return the RetryAfter Telegram would answer (without PTB's deprecation warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        return RetryAfter(dt.timedelta(seconds=math.ceil(seconds)))


def _chat_id(data: dict[str, Any]) -> int | str | None:
    """Return the chat a call goes to: an id, or a channel's @username; None without one."""
    chat = data.get("chat_id")
    if chat is None:
        return None
    try:
        return int(chat)
    except (TypeError, ValueError):
        return str(chat)


def _is_group(chat: int | str) -> bool:
    """Tell whether a chat is a group, supergroup or channel (negative id, or an @username)."""
    return isinstance(chat, str) or chat < 0
