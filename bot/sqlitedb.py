"""Open the bot's state database for modules that keep a table of their own there."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path


@contextmanager
def connect(path: Path, *schema: str) -> Iterator[sqlite3.Connection]:
    """Open the database, run the idempotent schema statements, commit on success."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=30)) as conn, conn:
        for statement in schema:
            conn.execute(statement)
        yield conn
