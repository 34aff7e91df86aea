"""The Application the bot runs: it winds its own background work down before it stops.

python-telegram-bot's ``Application.stop`` waits for every running job, so a reminder pass of
many minutes would hold a stop far past Docker's 10-second stop timeout. Work that can be
resumed registers a hook in ``stop_hooks``; the hooks run first, so the pass stops within a few
seconds and the next start completes it from the outbox.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from handlers.ordering import QueuedApplication

StopHook = Callable[[], Awaitable[None]]


class BotApplication(QueuedApplication):
    """The Application (with its per-chat queues), with hooks that run before it stops."""

    def __init__(self, **kwargs: Any) -> None:
        """Build the Application (see ``ApplicationBuilder.application_class``)."""
        super().__init__(**kwargs)
        self.stop_hooks: list[StopHook] = []

    async def stop(self) -> None:
        """Run the stop hooks, then stop (dropping the updates still queued per chat)."""
        for hook in self.stop_hooks:
            await hook()
        await super().stop()
