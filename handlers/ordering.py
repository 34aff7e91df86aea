"""Process updates in one queue per chat: in order within a chat, independently across chats.

A follow-up ("og år 4?") must be answered after the question it follows, and the /beregn
ConversationHandler needs a chat's updates one by one; different chats must never wait for
each other. So every chat (or, without a chat, every user) has its own queue:

- A chat's updates run one at a time, in the order they arrived.
- At most ``max_running`` chats run at once (as many as there are connections for sending).
  A chat that waits for Telegram (its group's 20 messages a minute, a flood wait, a retry's
  back-off) gives its place to another chat meanwhile (:func:`waiting`), so a busy or
  rate-limited chat waits alone and a private question is answered at once during a group flood.
- At most ``max_backlog`` updates wait per chat: a group sending more than that is flooding,
  and a reply to them would come minutes late, so further updates of that chat are dropped
  (logged, without content) until it has caught up.
- When the application stops, the updates still waiting are dropped (logged), so a flooded
  group cannot hold a stop up for minutes; the updates already running finish.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Coroutine
from contextlib import asynccontextmanager
from contextvars import ContextVar
from typing import Any

from telegram import Update
from telegram.ext import Application, BaseUpdateProcessor

MAX_CONCURRENT = 16  # chats running at once: enough to overlap network waits
MAX_BACKLOG = 20  # updates waiting per chat: a minute of replies at a group's 20 a minute
MAX_PENDING = 10_000  # PTB's own bound on updates held; per-chat backlogs bind long before
log = logging.getLogger(__name__)

Key = tuple[str, int]


class _Slot:
    """One of the running places, held by the task processing a chat's update."""

    __slots__ = ("held", "owner", "semaphore")

    def __init__(self, semaphore: asyncio.Semaphore) -> None:
        """Prepare a place (not yet held) for the current task."""
        self.semaphore = semaphore
        self.owner = asyncio.current_task()
        self.held = False

    async def acquire(self) -> None:
        """Take the place, waiting for one to be free."""
        await self.semaphore.acquire()
        self.held = True

    def release(self) -> None:
        """Give the place back (if held)."""
        if self.held:
            self.held = False
            self.semaphore.release()


_SLOT: ContextVar[_Slot | None] = ContextVar("tilskuddsbot_running_slot", default=None)


@asynccontextmanager
async def waiting() -> AsyncIterator[None]:
    """Let another chat run while this one waits for Telegram; no-op outside a chat's update.

    The chat keeps its turn (its later updates still wait), only the running place is lent.
    """
    slot = _SLOT.get()
    if slot is None or not slot.held or slot.owner is not asyncio.current_task():
        yield
        return
    slot.release()
    try:
        yield
    finally:
        await slot.acquire()


class _Chat:
    """A chat's queue: whether an update of it runs, the updates waiting, how many were dropped."""

    __slots__ = ("busy", "dropped", "waiters")

    def __init__(self) -> None:
        """An idle chat with nothing waiting."""
        self.busy = False
        self.waiters: deque[asyncio.Future[bool]] = deque()
        self.dropped = 0


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Process each chat's updates in order, chats independently, with bounded backlogs."""

    def __init__(self, max_running: int = MAX_CONCURRENT, max_backlog: int = MAX_BACKLOG) -> None:
        """Run up to ``max_running`` chats at once, with up to ``max_backlog`` waiting per chat."""
        super().__init__(MAX_PENDING)
        self.max_running, self.max_backlog = max_running, max_backlog
        self._running = asyncio.Semaphore(max_running)
        self._chats: dict[Key, _Chat] = {}
        self._closing = False

    @property
    def waiting_updates(self) -> int:
        """Return how many updates wait for their chat's turn."""
        return sum(len(chat.waiters) for chat in self._chats.values())

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's turn (first come, first served), then process the update."""
        key = _key(update)
        if key is None:
            await self._run(coroutine)
            return
        chat = self._chats.setdefault(key, _Chat())
        if chat.busy:
            if self._closing or len(chat.waiters) >= self.max_backlog:
                self._drop(update, coroutine, chat)
                return
            turn: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
            chat.waiters.append(turn)
            try:
                go = await turn
            except asyncio.CancelledError:
                if turn.done() and not turn.cancelled() and turn.result():
                    self._next(key, chat)  # the turn had been given: pass it on
                _close(coroutine)
                raise
            if not go:
                self._drop(update, coroutine, chat)
                return
        chat.busy = True
        try:
            await self._run(coroutine)
        finally:
            self._next(key, chat)

    async def _run(self, coroutine: Awaitable[Any]) -> None:
        """Process an update in a running place, which ``waiting()`` may lend meanwhile."""
        slot = _Slot(self._running)
        await slot.acquire()
        token = _SLOT.set(slot)
        try:
            await coroutine
        finally:
            _SLOT.reset(token)
            slot.release()

    def _next(self, key: Key, chat: _Chat) -> None:
        """Give the chat's turn to its next waiting update, or forget the idle chat."""
        while chat.waiters:
            turn = chat.waiters.popleft()
            if not turn.done():
                turn.set_result(not self._closing)
                return
        chat.busy = False
        if self._chats.get(key) is chat:
            del self._chats[key]
        if chat.dropped and not self._closing:
            log.warning("A flooding chat caught up; %d of its updates were dropped", chat.dropped)

    def _drop(self, update: object, coroutine: Awaitable[Any], chat: _Chat) -> None:
        """Drop an update that may not wait: its chat's backlog is full, or the bot stops."""
        _close(coroutine)
        chat.dropped += 1
        if chat.dropped == 1 and not self._closing:
            update_id = update.update_id if isinstance(update, Update) else "?"
            log.warning(
                "Update %s dropped: its chat already has %d updates waiting",
                update_id,
                self.max_backlog,
            )

    def stop_waiting(self) -> int:
        """Drop every update still waiting for its chat's turn (the bot stops); return how many."""
        self._closing = True
        dropped = 0
        for chat in self._chats.values():
            for turn in chat.waiters:
                if not turn.done():
                    turn.set_result(False)
                    dropped += 1
        if dropped:
            log.warning("Stopping: %d updates that were still waiting are dropped", dropped)
        return dropped

    async def initialize(self) -> None:
        """Accept updates again (after a stop)."""
        self._closing = False

    async def shutdown(self) -> None:
        """Nothing to free."""


class QueuedApplication(Application[Any, Any, Any, Any, Any, Any]):
    """An Application whose stop does not wait for the updates still queued per chat."""

    async def stop(self) -> None:
        """Drop the updates waiting for their chat's turn, then stop as PTB does."""
        processor = self.update_processor
        if isinstance(processor, PerChatUpdateProcessor):
            processor.stop_waiting()
        await super().stop()


def _close(coroutine: Awaitable[Any]) -> None:
    """Discard an update's processing that will never run (no "never awaited" warning)."""
    if isinstance(coroutine, Coroutine):
        coroutine.close()


def _key(update: object) -> Key | None:
    """Return what an update must be ordered by: its chat, else its user."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None
