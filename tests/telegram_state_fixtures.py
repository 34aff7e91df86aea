"""Fixtures for the Telegram tests of reminders and knowledge upkeep: a bot with its own state.

Every test gets a copy of the bundled YAML sources (TILSKUDDSBOT_SOURCES_DIR, so the
repository's knowledge/data is never written) and a data folder of its own holding a
copy of the session's built knowledge.db (the same version as the sources) and a fresh
state.db. Import with ``from tests.telegram_state_fixtures import *``.
"""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.bootstrap import Core
from bot.config import Settings
from bot.engine import Engine
from knowledge.loader import default_sources
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import BotHarness, make_settings, running_bot

__all__ = ["StateBot", "sources", "state_bot", "state_settings"]


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the bundled sources, named like the original folder."""
    folder = tmp_path / "sources" / "data"
    shutil.copytree(default_sources(), folder)
    return folder


@pytest.fixture
def state_settings(fake: FakeTelegram, state_dir: Path, sources: Path) -> Settings:
    """Settings for the fake server with this test's data folder and sources."""
    return make_settings(fake, state_dir, TILSKUDDSBOT_SOURCES_DIR=str(sources))


@dataclass
class StateBot:
    """The running bot, its core and its sources."""

    tg: BotHarness
    sources: Path

    @property
    def core(self) -> Core:
        """Return the core the bot runs on (built as the composition root builds it)."""
        return self.tg.core

    @property
    def fake(self) -> FakeTelegram:
        """Return the fake Bot API server."""
        return self.tg.fake


@pytest.fixture
async def state_bot(
    fake: FakeTelegram,
    state_settings: Settings,
    shared_core: Engine,
    sources: Path,
) -> AsyncIterator[StateBot]:
    """A running bot with its own state and sources."""
    async with running_bot(fake, state_settings, shared_core) as harness:
        yield StateBot(harness, sources)
