"""Fixtures for the Telegram tests: a fake Bot API server and the real Application against it.

Import them into a test module with ``from tests.telegram_fixtures import *``.
Every test gets a fresh server and a fresh Application (long polling with a
one-second timeout); the knowledge base is the session build from conftest.
After every test, the token must not appear in anything logged.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.bootstrap import Core, build_core
from bot.config import Settings
from bot.engine import ContextStore, Engine
from bot.reply import Reply, Who
from handlers.app import ALLOWED_UPDATES, build_application
from knowledge.kb import KnowledgeBase
from knowledge.store import load_database
from tests.fakebot import TOKEN, FakeTelegram

TODAY = dt.date(2022, 1, 28)
BEFORE_REMINDERS = dt.datetime.combine(TODAY, dt.time(8, 0), ZoneInfo("Europe/Oslo"))
ADMIN_ID = 4242

__all__ = [
    "ADMIN_ID",
    "TODAY",
    "BotHarness",
    "fake",
    "make_settings",
    "no_token_in_logs",
    "running_bot",
    "shared_core",
    "telegram_kb",
    "telegram_settings",
    "tg",
]


@pytest.fixture(scope="session")
def telegram_kb(session_data_dir: Path) -> KnowledgeBase:
    """Load the session's built knowledge base once."""
    return load_database(session_data_dir / "knowledge.db")


@pytest.fixture(scope="session")
def shared_core(telegram_kb: KnowledgeBase) -> Engine:
    """Build the engine (its understanding takes about half a second) once per session."""
    return Engine(telegram_kb)


def fresh_engine(shared: Engine) -> Engine:
    """Return a copy of the shared engine with its own, empty chat contexts."""
    engine = copy.copy(shared)
    engine.contexts = ContextStore()
    return engine


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    """Run a fake Bot API server for one test."""
    with FakeTelegram() as server:
        yield server


@pytest.fixture
def telegram_settings(fake: FakeTelegram, state_dir: Path) -> Settings:
    """Settings for the fake server: a fixed date, one admin, a data folder of the test's own.

    The folder holds a copy of the session's knowledge.db; the bot's state.db starts empty.
    """
    return make_settings(fake, state_dir)


def make_settings(fake: FakeTelegram, data_dir: Path, **extra: Any) -> Settings:
    """Build Settings like the environment would (aliases are the variable names)."""
    values: dict[str, Any] = {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "TILSKUDDSBOT_DATA_DIR": str(data_dir),
        "TILSKUDDSBOT_TODAY": TODAY.isoformat(),
        "TILSKUDDSBOT_ADMIN_IDS": str(ADMIN_ID),
        **extra,
    }
    return Settings(**values)


@pytest.fixture(autouse=True)
def no_token_in_logs(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Capture what is logged at INFO and up, and prove afterwards that the token is not in it.

    (INFO is the running level; DEBUG would format every payload and slow the suite down.
    test_telegram_faults checks DEBUG-level logging separately.)
    """
    monkeypatch.setenv("PTB_TIMEDELTA", "true")  # as run_bot does: RetryAfter as a timedelta
    caplog.set_level(logging.INFO)
    yield
    assert TOKEN not in caplog.text
    for record in caplog.records:
        assert TOKEN not in record.getMessage()


@dataclass
class BotHarness:
    """The running bot with its fake server and core, plus conversation helpers."""

    fake: FakeTelegram
    app: Any
    core: Core
    last: dict[str, Any] | None = None  # the message last sent with say()

    @property
    def engine(self) -> Engine:
        """Return the running bot's engine."""
        return self.core.engine

    def reply(self, text: str, chat: str = "other") -> Reply:
        """Return what the core answers a text with, in a conversation of its own."""
        return self.core.pipeline.handle(text, Who(chat), TODAY)

    async def say(self, chat_id: int, text: str, **kwargs: Any) -> str:
        """Send a text and wait for the next reply in that chat; return its text."""
        before = len(self.fake.texts(chat_id))
        self.last = self.fake.send_text(chat_id, text, **kwargs)
        return (await self.fake.wait_for_texts(chat_id, before + 1))[before]

    async def press(self, chat_id: int, label: str, **kwargs: Any) -> str:
        """Press a button and wait for the next message in that chat; return its text."""
        before = len(self.fake.texts(chat_id))
        self.fake.press_button(chat_id, label, **kwargs)
        return (await self.fake.wait_for_texts(chat_id, before + 1))[before]


@asynccontextmanager
async def running_bot(
    fake: FakeTelegram, settings: Settings, engine: Engine, **options: Any
) -> AsyncIterator[BotHarness]:
    """Build the core as the composition root does and run the real Application on it.

    Unless a test gives its own ``clock``, the bot's local time is 08:00 on TODAY, before the
    reminder time, so no catch-up pass runs by itself.
    """
    options.setdefault("clock", lambda: BEFORE_REMINDERS)
    with build_core(settings, fresh_engine(engine)) as core:
        app = build_application(core, **options)
        async with app:
            await app.post_init(app)
            await app.start()
            await app.updater.start_polling(
                timeout=1, poll_interval=0, allowed_updates=ALLOWED_UPDATES
            )
            try:
                yield BotHarness(fake, app, core)
            finally:
                await app.updater.stop()
                await app.stop()
        await app.post_shutdown(app)


@pytest.fixture
async def tg(
    fake: FakeTelegram, telegram_settings: Settings, shared_core: Engine
) -> AsyncIterator[BotHarness]:
    """A running bot against the fake server."""
    async with running_bot(fake, telegram_settings, shared_core) as harness:
        yield harness
