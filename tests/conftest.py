"""Shared fixtures: one validated knowledge base and one built database per test session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.statedb import StateDb, open_state
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources

ISOLATED_ENV = (
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_API_BASE_URL",
    "TILSKUDDSBOT_ADMIN_IDS",
    "TILSKUDDSBOT_TODAY",
    "TILSKUDDSBOT_WEBHOOK_URL",
    "TILSKUDDSBOT_WEBHOOK_SECRET",
    "TILSKUDDSBOT_SOURCES_DIR",
    "TILSKUDDSBOT_ADMIN_OFFICE",
)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """Load the bundled knowledge sources once."""
    return load_sources()


@pytest.fixture(scope="session")
def session_data_dir(tmp_path_factory: pytest.TempPathFactory, kb: KnowledgeBase) -> Path:
    """Build the bundled knowledge base into a session data folder."""
    folder = tmp_path_factory.mktemp("data")
    build_database(kb, folder / "knowledge.db")
    return folder


@pytest.fixture
def data_folder(tmp_path: Path, session_data_dir: Path) -> Callable[[str], Path]:
    """Make data folders of the test's own: a copy of the session's knowledge.db, no state."""

    def make(name: str = "data") -> Path:
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy2(session_data_dir / "knowledge.db", folder / "knowledge.db")
        return folder

    return make


@pytest.fixture
def state_dir(data_folder: Callable[[str], Path]) -> Path:
    """A data folder with the session's knowledge.db and no state yet."""
    return data_folder("data")


@pytest.fixture
def state_db(tmp_path: Path) -> Iterator[StateDb]:
    """Open a fresh state database in the test's folder."""
    with open_state(tmp_path / "state.db") as db:
        yield db


@pytest.fixture(autouse=True)
def isolated_env(monkeypatch: pytest.MonkeyPatch, session_data_dir: Path) -> Iterator[None]:
    """Run every test with the session database and no Telegram settings from the machine."""
    for name in ISOLATED_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(session_data_dir))
    yield
