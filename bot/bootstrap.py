"""The composition root's parts: everything the bot is made of is built here, once.

:func:`build_core` opens the knowledge database and the state database and builds the stores,
the engine, the admins' desk, the commands and the message pipeline on them, for the console
chat and the Telegram bot alike (the Telegram layer adds only its Application, built in
``handlers.app`` from this core). The modules are imported when the core is built, so a
command that needs less (``tilskuddsbot ask``) loads less.
"""

from __future__ import annotations

import datetime as dt
import gc
import logging
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.config import Settings
from knowledge.kb import KnowledgeBase
from knowledge.store import StoreError, load_database

if TYPE_CHECKING:
    from bot.admin import AdminDesk
    from bot.buttons import ButtonStore
    from bot.commands import CommandService
    from bot.datalock import DataLock
    from bot.desk import Desk
    from bot.drafts import Drafts
    from bot.engine import Engine
    from bot.kbadmin import AuditLog
    from bot.pipeline import Pipeline
    from bot.review import ReviewQueue
    from bot.state import StateStore
    from bot.statedb import StateDb
    from bot.stats import Events
    from bot.upkeep import Upkeep


log = logging.getLogger(__name__)


class UsageError(Exception):
    """Bad arguments or input: reported in one line with exit code 2."""


def resolve_today(given: dt.date | None, settings: Settings) -> dt.date:
    """Return the as-of date: the given one, else TILSKUDDSBOT_TODAY, else today in Oslo."""
    if given is not None:
        return given
    if settings.today is not None:
        return settings.today
    return dt.datetime.now(ZoneInfo(settings.timezone)).date()


def open_knowledge(settings: Settings, *, repair: bool = False) -> KnowledgeBase:
    """Load the built knowledge base, building it from the sources if absent.

    With ``repair`` (the bot's start) a database that is damaged, not a database or of
    another schema version is kept beside as ``knowledge.db.broken`` and rebuilt from the
    sources; without it such a file is reported (StoreError) and left as it is.
    """
    path = settings.knowledge_db
    if repair and path.exists():
        from knowledge.store import check_database

        problem = check_database(path)
        if problem is not None:
            kept = path.with_name(path.name + ".broken")
            os.replace(path, kept)
            log.warning("%s: kept it as %s, rebuilding it from the sources", problem, kept)
    if not path.exists():
        from knowledge.build import build_database  # only when there is no database yet
        from knowledge.loader import default_sources, load_sources

        try:
            build_database(load_sources(settings.sources_dir or default_sources()), path)
        except OSError as exc:
            raise StoreError(
                f"no knowledge database at {path}, and it cannot be built there "
                f"({exc.strerror}): make {path.parent} writable for the bot's user, or set "
                "TILSKUDDSBOT_DATA_DIR to a folder it may write to"
            ) from None
    return load_database(path)


@dataclass
class Core:
    """The core of a running bot, built once: the engine, the state and the pipeline."""

    settings: Settings
    engine: Engine
    db: StateDb
    state: StateStore
    review: ReviewQueue
    audit: AuditLog
    drafts: Drafts
    buttons: ButtonStore
    upkeep: Upkeep
    admin: AdminDesk
    commands: CommandService
    pipeline: Pipeline
    desk: Desk
    events: Events
    lock: DataLock | None = None  # the data folder, held while the core is open

    def today(self) -> dt.date:
        """Return the as-of date (TILSKUDDSBOT_TODAY, else today in the configured zone)."""
        return resolve_today(None, self.settings)

    def now(self) -> dt.datetime:
        """Return the moment in the configured zone, on the as-of date when one is fixed."""
        now = dt.datetime.now(ZoneInfo(self.settings.timezone))
        return dt.datetime.combine(self.today(), now.timetz())

    def close(self) -> None:
        """Close the state database and give the data folder back."""
        self.db.close()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> Core:
        """Use the core as a context manager that closes it."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close the core."""
        self.close()


def build_core(settings: Settings, engine: Engine | None = None) -> Core:
    """Open the knowledge and the state database and build everything on them.

    ``engine`` reuses an engine already built (its understanding takes a moment), e.g. in
    tests; by default it is built over the knowledge database. The data folder is locked
    first: a second bot on it raises AlreadyRunning. Raises StoreError or StateError (one
    line each) when a data file cannot be used.
    """
    from bot.datalock import lock_data_folder

    lock = lock_data_folder(settings.data_dir)
    try:
        core = _build_core(settings, engine)
    except BaseException:
        lock.release()
        raise
    core.lock = lock
    return core


def _build_core(settings: Settings, engine: Engine | None) -> Core:
    """Build the core on a locked data folder (see build_core)."""
    from bot.admin import AdminDesk
    from bot.buttons import ButtonStore
    from bot.calculator import Calculator
    from bot.commands import CommandService
    from bot.desk import Desk, DeskConfig
    from bot.drafts import Drafts
    from bot.engine import Engine
    from bot.kbadmin import AuditLog, KnowledgeWatcher
    from bot.pipeline import Pipeline
    from bot.review import ReviewQueue
    from bot.state import StateStore
    from bot.statedb import open_state
    from bot.stats import Events
    from bot.upkeep import Upkeep
    from knowledge.loader import default_sources

    engine = engine or Engine(open_knowledge(settings, repair=True))
    db = open_state(settings.state_db)
    state, review, audit = StateStore(db), ReviewQueue(db), AuditLog(db)
    drafts, buttons = Drafts(db), ButtonStore(db)
    upkeep = Upkeep(
        settings.sources_dir or default_sources(),
        settings.knowledge_db,
        KnowledgeWatcher(settings.knowledge_db, engine),
        audit,
        review,
        settings.admin_office,
    )
    upkeep.recover()  # an admin edit a crash interrupted: completed or rolled back
    upkeep.repair()  # a database deleted or damaged while the bot was down
    admin = AdminDesk(settings.admin_ids, state, drafts, review, buttons, upkeep)
    events = Events(db)
    desks = dict(settings.desk_chats)
    if settings.desk_chat_id is not None:
        desks[""] = settings.desk_chat_id
    config = DeskConfig(desks, settings.admin_ids, settings.desk_hours, settings.admin_office)
    desk = Desk(db, config, engine, upkeep, events, review)
    commands = CommandService(engine, state, buttons, admin, desk, settings.knowledge_db)
    calculator = Calculator(db, commands)
    pipeline = Pipeline(commands, admin, review, buttons, desk, events, calculator)
    # The knowledge and the understanding built on it live as long as the process: moved out of
    # the collector's sight, a question no longer pays for scanning them (p99 in bench answers).
    gc.freeze()
    return Core(
        settings,
        engine,
        db,
        state,
        review,
        audit,
        drafts,
        buttons,
        upkeep,
        admin,
        commands,
        pipeline,
        desk,
        events,
    )
