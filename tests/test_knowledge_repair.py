"""A knowledge.db deleted, damaged or replaced while the bot runs (or while it is down) is found,
rebuilt from the sources, and what changed is told against what the bot was answering from.

The real Application runs against the fake Bot API server; the watcher job is run by hand
instead of waiting its 10 seconds.
"""

from __future__ import annotations

import html
import io
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.bootstrap import build_core
from bot.cli import main
from handlers.admin import WATCH_JOB
from knowledge.loader import load_sources
from knowledge.store import check_database, load_database
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID
from tests.telegram_state_fixtures import *  # noqa: F403
from tests.telegram_state_fixtures import StateBot
from tests.test_telegram_admin import ASK_2022, admin_says, break_date

CHAT = 6101
GARBAGE = b"this is not a database\n" * 40


def delete(db: Path) -> None:
    """Delete the database."""
    db.unlink()


def garble(db: Path) -> None:
    """Overwrite the database with bytes that are no SQLite file."""
    db.write_bytes(GARBAGE)


def truncate(db: Path) -> None:
    """Cut the database file in half, as a failed copy would."""
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def foreign_schema(db: Path) -> None:
    """Replace the database with one of another schema version."""
    conn = sqlite3.connect(db)
    conn.execute("update meta set value = '0' where key = 'schema_version'")
    conn.commit()
    conn.close()


BREAKAGES: dict[str, Callable[[Path], None]] = {
    "deleted": delete,
    "garbage": garble,
    "truncated": truncate,
    "other schema": foreign_schema,
}


@pytest.mark.parametrize("breakage", BREAKAGES)
async def test_a_database_broken_while_the_bot_runs_is_rebuilt_and_the_admins_are_told(
    breakage: str, state_bot: StateBot
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    db, version = core.settings.knowledge_db, tg.engine.kb.version
    await tg.say(CHAT, "/abonner kommunalt rusarbeid")
    [job] = tg.app.job_queue.get_jobs_by_name(WATCH_JOB)
    await job.run(tg.app)
    assert fake.texts(ADMIN_ID) == [], "a sound database is left alone"

    BREAKAGES[breakage](db)
    assert check_database(db) is not None
    await job.run(tg.app)
    [told] = [html.unescape(t) for t in fake.texts(ADMIN_ID)]
    assert told.startswith("Kunnskapsdatabasen var borte eller ødelagt (")
    assert told.endswith(f"den er bygget på nytt fra kildene (versjon {version}).")
    assert fake.buttons(ADMIN_ID) == [], "nothing changed: no offer to notify subscribers"
    assert check_database(db) is None and load_database(db).version == version
    assert "15. februar 2022" in await tg.say(CHAT + 1, ASK_2022)
    await job.run(tg.app)
    assert len(fake.texts(ADMIN_ID)) == 1, "told once"


@pytest.mark.parametrize("breakage", ["deleted", "garbage"])
async def test_oppdater_after_the_database_went_missing_reports_only_what_really_changed(
    breakage: str, state_bot: StateBot
) -> None:
    tg, core = state_bot.tg, state_bot.core
    await tg.say(CHAT, "/abonner kommunalt rusarbeid")
    BREAKAGES[breakage](core.settings.knowledge_db)
    unchanged = await admin_says(state_bot, "/oppdater")
    assert unchanged.startswith("Kunnskapsdatabasen var borte eller ødelagt (")
    assert unchanged.splitlines()[-1].startswith("Ingen endringer: jeg svarer fra versjon")
    assert "Vil du sende" not in unchanged

    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-03-01")
    BREAKAGES[breakage](core.settings.knowledge_db)
    reloaded = await admin_says(state_bot, "/oppdater")
    changes = [line for line in reloaded.splitlines() if line.startswith("- ")]
    assert changes == [
        "- Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022"
    ]
    assert "Vil du sende en oppsummering til de 1 abonnentene som følger dem?" in reloaded
    assert load_database(core.settings.knowledge_db).version == tg.engine.kb.version


async def test_a_database_deleted_while_the_sources_are_invalid_is_rebuilt_from_what_is_served(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    version = tg.engine.kb.version
    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-13-15")
    core.settings.knowledge_db.unlink()
    [job] = tg.app.job_queue.get_jobs_by_name(WATCH_JOB)
    await job.run(tg.app)
    [told] = [html.unescape(t) for t in fake.texts(ADMIN_ID)]
    assert "kildene er ugyldige, så den er bygget på nytt fra kunnskapen jeg svarer fra" in told
    assert load_database(core.settings.knowledge_db).version == version


def test_chat_with_a_damaged_database_rebuilds_it_and_keeps_the_damaged_file(
    state_dir: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = state_dir / "knowledge.db"
    db.write_bytes(GARBAGE)
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(state_dir))
    monkeypatch.setattr("sys.stdin", io.StringIO("hva får vi i år 3 for 2 årsverk?\n"))
    out = io.StringIO()
    assert main(["chat", "--today", "2022-01-28"], out) == 0
    assert "880 000 kr" in out.getvalue()
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert line.startswith(f"{db} is not a readable knowledge database")
    assert line.endswith(f"kept it as {db}.broken, rebuilding it from the sources")
    assert (state_dir / "knowledge.db.broken").read_bytes() == GARBAGE
    assert check_database(db) is None


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_the_bot_started_on_a_broken_database_answers_from_one_rebuilt_from_the_sources(
    breakage: str,
    state_dir: Path,
    sources: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.config import load_settings

    BREAKAGES[breakage](state_dir / "knowledge.db")
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(state_dir))
    monkeypatch.setenv("TILSKUDDSBOT_SOURCES_DIR", str(sources))
    caplog.set_level(logging.WARNING)
    with build_core(load_settings()) as core:  # what `tilskuddsbot run` builds
        assert core.engine.kb.version == load_sources(sources).version
        assert check_database(core.settings.knowledge_db) is None
    if breakage != "deleted":  # a missing database is simply built
        assert "rebuilding it from the sources" in caplog.text
        assert (state_dir / "knowledge.db.broken").is_file()
