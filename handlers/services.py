"""What the handlers share: settings, the core, button texts, and one thread for the core.

The core (Engine, CommandService) is synchronous and not written for threads.
It runs on one dedicated worker thread, so the event loop stays free to send and
receive while an answer is composed, and the core never runs twice at once.

The bot's own state is opened here too, in one place, from the settings: the state
store (subscriptions and the reminder outbox), the review queue and the audit log
(tables in the same ``state.db``), the watcher that swaps in a rebuilt knowledge
base, the YAML sources admin edits are written to, and the reminder sender (a Bot
without the rate limiter, opened in post_init and shut down in post_shutdown).
Questions the bot could not answer go to the review queue (their text only), and
answered questions get a 👎 option that queues them as unhelpful.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import secrets
import sqlite3
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ParamSpec, TypeVar

from telegram import Update
from telegram.error import TelegramError

from bot.alerts import Alerts
from bot.answer import Answer, Option
from bot.bootstrap import resolve_today
from bot.commands import CommandService
from bot.config import Settings
from bot.console import parse_command
from bot.engine import Engine
from bot.kbadmin import AuditLog, KnowledgeWatcher
from bot.review import Reason, ReviewQueue
from bot.state import StateStore
from bot.statedb import StateDb, open_state
from bot.upkeep import Upkeep
from handlers.sender import TelegramSender, make_sender_bot
from knowledge.loader import default_sources

P = ParamSpec("P")
T = TypeVar("T")

MAX_OPTIONS = 5_000
#: Starts the text of a 👎 option; the question it is about follows (kept server-side).
FEEDBACK = "\u2063👎 "
FEEDBACK_LABEL = "👎 Ikke nyttig"
FEEDBACK_THANKS = (
    "Takk! Spørsmålet er lagt til gjennomgang (bare teksten, uten navn eller chat-id), "
    "så svaret kan bli bedre."
)
NO_FEEDBACK_INTENTS = frozenset({"greeting", "help"})
log = logging.getLogger(__name__)


class OptionStore:
    """The texts behind inline buttons, by a short token, bounded in size.

    ``callback_data`` holds at most 64 bytes, and an option's text (a whole
    question) can be longer, so a button carries ``o:<token>`` and the text
    stays here, bound to the chat it was offered in. The oldest entries go first.
    """

    def __init__(self, max_items: int = MAX_OPTIONS) -> None:
        """Start empty."""
        self._items: OrderedDict[str, tuple[int, str]] = OrderedDict()
        self.max_items = max_items

    def add(self, chat_id: int, text: str) -> str:
        """Store an option text for a chat; return its token."""
        token = secrets.token_urlsafe(6)
        self._items[token] = (chat_id, text)
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)
        return token

    def get(self, chat_id: int, token: str) -> str | None:
        """Return the text behind a token pressed in a chat, if it is still known."""
        item = self._items.get(token)
        return item[1] if item is not None and item[0] == chat_id else None

    def forget(self, chat_id: int) -> int:
        """Drop every option of a chat; return how many there were."""
        tokens = [t for t, (chat, _) in self._items.items() if chat == chat_id]
        for token in tokens:
            del self._items[token]
        return len(tokens)

    def __len__(self) -> int:
        """Return the number of stored options."""
        return len(self._items)


def chat_key(update: Update) -> str:
    """Return the conversation key: the chat, and in groups also the user."""
    chat, user = update.effective_chat, update.effective_user
    if chat is None:
        return f"tg:u{user.id}" if user else "tg:unknown"
    if chat.type == chat.PRIVATE or user is None:
        return f"tg:{chat.id}"
    return f"tg:{chat.id}:{user.id}"


@dataclass
class BotServices:
    """The core and the little state the Telegram layer keeps."""

    settings: Settings
    engine: Engine
    commands: CommandService
    typing_delay: float
    options: OptionStore = field(default_factory=OptionStore)
    executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(1, thread_name_prefix="core")
    )
    db: StateDb = field(init=False)
    state: StateStore = field(init=False)
    alerts: Alerts = field(init=False)
    review: ReviewQueue = field(init=False)
    audit: AuditLog = field(init=False)
    watcher: KnowledgeWatcher = field(init=False)
    sources_dir: Path = field(init=False)
    upkeep: Upkeep = field(init=False)
    sender: TelegramSender | None = field(default=None, init=False)
    _sender_lock: asyncio.Lock = field(default_factory=asyncio.Lock, init=False)

    def __post_init__(self) -> None:
        """Open the bot's own state and knowledge upkeep from the settings."""
        self.db = open_state(self.settings.state_db)
        self.state = StateStore(self.db)
        self.commands.state = self.state  # /personvern and /slettmeg cover subscriptions too
        self.alerts = Alerts(self.state, self.engine)
        self.review = ReviewQueue(self.db)
        self.audit = AuditLog(self.db)
        self.watcher = KnowledgeWatcher(self.settings.knowledge_db, self.engine)
        self.sources_dir = self.settings.sources_dir or default_sources()
        self.upkeep = Upkeep(
            self.sources_dir,
            self.settings.knowledge_db,
            self.watcher,
            self.audit,
            self.review,
            self.settings.admin_office,
        )

    def today(self) -> dt.date:
        """Return the as-of date (TILSKUDDSBOT_TODAY, else today in the configured zone)."""
        return resolve_today(None, self.settings)

    async def run(self, func: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a core call on the core thread."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, functools.partial(func, *args, **kwargs))

    async def answer(self, text: str, chat: str) -> Answer:
        """Answer a typed or pressed text: commands go to the commands, the rest to the engine."""
        command = parse_command(text)
        if command is not None:
            return await self.run(self.commands.run, command[0], command[1], chat, self.today())
        if text.startswith(FEEDBACK):
            await self.queue_for_review(text[len(FEEDBACK) :], "thumbs_down")
            return Answer("feedback", True, 1.0, "nb", [FEEDBACK_THANKS])
        answer = await self.run(self.engine.ask, text, self.today(), chat)
        if not answer.answered and not answer.options:  # not a question back: not answered
            await self.queue_for_review(text, "unanswered")
        elif answer.answered and answer.intent not in NO_FEEDBACK_INTENTS:
            answer = replace(
                answer, options=[*answer.options, Option(FEEDBACK_LABEL, FEEDBACK + text)]
            )
        return answer

    async def queue_for_review(self, text: str, reason: Reason) -> None:
        """Put a question's text in the review queue; a failure never costs the reply."""
        try:
            await asyncio.to_thread(self.review.add, text, self.today(), reason)
        except sqlite3.Error as exc:
            log.warning("Could not queue a question for review: %s", type(exc).__name__)

    async def reminder_sender(self) -> TelegramSender | None:
        """Return the reminder sender, opening its Bot once; None if the Bot API is unreachable."""
        async with self._sender_lock:
            if self.sender is None:
                bot = make_sender_bot(self.settings)
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
        """Stop the core thread and close the state store."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.db.close()
