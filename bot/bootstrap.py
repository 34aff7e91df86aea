"""Build the core in one place: settings, knowledge base, state, engine."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.config import Settings
from knowledge.kb import KnowledgeBase
from knowledge.store import load_database


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
    if not settings.knowledge_db.is_file():
        from knowledge.build import build_database  # only when there is no database yet
        from knowledge.loader import load_sources

        build_database(load_sources(), settings.knowledge_db)
    return load_database(settings.knowledge_db)
