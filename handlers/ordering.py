"""Process updates concurrently across chats, one at a time within a chat.

A follow-up ("og år 4?") must be answered after the question it follows, and
the /beregn ConversationHandler needs a chat's updates one by one; different
chats need not wait for each other.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

MAX_CONCURRENT = 16  # enough to overlap network waits; the core runs one at a time


class _Slot:
    """A chat's lock and how many updates hold or wait for it."""

    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()
        self.users = 0


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Run updates concurrently, except two updates of the same chat (or user)."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT) -> None:
        """Allow up to ``max_concurrent_updates`` updates in flight."""
        super().__init__(max_concurrent_updates)
        self._slots: dict[tuple[str, int], _Slot] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Wait for the chat's earlier updates (first come, first served), then process."""
        key = _key(update)
        if key is None:
            await coroutine
            return
        slot = self._slots.setdefault(key, _Slot())
        slot.users += 1
        try:
            async with slot.lock:
                await coroutine
        finally:
            slot.users -= 1
            if slot.users == 0:
                del self._slots[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""


def _key(update: object) -> tuple[str, int] | None:
    """Return what an update must be ordered by: its chat, else its user."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return ("chat", update.effective_chat.id)
    if update.effective_user is not None:
        return ("user", update.effective_user.id)
    return None
