"""Build the core in one place: settings, knowledge base, state, engine."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.config import Settings
from knowledge.kb import KnowledgeBase
from knowledge.store import StoreError, load_database


class UsageError(Exception):
    """Bad arguments or input: reported in one line with exit code 2."""


def resolve_today(given: dt.date | None, settings: Settings) -> dt.date:
    """Return the as-of date: the given one, else TILSKUDDSBOT_TODAY, else today in Oslo."""
    if given is not None:
        return given
    if settings.today is not None:
        return settings.today
    return dt.datetime.now(ZoneInfo(settings.timezone)).date()


def open_knowledge(settings: Settings) -> KnowledgeBase:
    """Load the built knowledge base, building it from the bundled sources if absent."""
    path = settings.knowledge_db
    if not path.exists():
        from knowledge.build import build_database  # only when there is no database yet
        from knowledge.loader import load_sources

        try:
            build_database(load_sources(), path)
        except OSError as exc:
            raise StoreError(
                f"no knowledge database at {path}, and it cannot be built there "
                f"({exc.strerror}): make {path.parent} writable for the bot's user, or set "
                "TILSKUDDSBOT_DATA_DIR to a folder it may write to"
            ) from None
    return load_database(path)
