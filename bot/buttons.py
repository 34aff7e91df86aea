"""Button payloads: the text behind an inline button, by a short id in the state database.

Telegram's ``callback_data`` holds at most 64 bytes and an option's text (a whole question)
can be longer, so a button carries ``o:<token>`` and the text is a row of ``buttons`` in
``state.db``, bound to the chat it was offered in. Being on disk, a button still works after a
restart. A payload is kept ``KEEP_DAYS`` days (the same day as a chat's context for follow-ups,
plus one), is deleted with the chat's other data on /slettmeg, and is written without waiting
for the disk: losing the newest ones in a power cut only makes their buttons answer "expired".
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable

from bot.statedb import StateDb

PREFIX = "o:"
#: Days a payload is kept after the day it was offered.
KEEP_DAYS = 1
TOKEN_BYTES = 6


class ButtonStore:
    """The texts behind inline buttons, by token, in the ``buttons`` table."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def add_all(self, chat_id: int, texts: Iterable[str], today: dt.date) -> list[str]:
        """Store texts offered in a chat in one transaction; return their callback data."""
        data: list[str] = []
        oldest = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        with self.db.transaction(durable=False) as conn:
            conn.execute("delete from buttons where day < ?", (oldest,))
            for text in texts:
                token = secrets.token_urlsafe(TOKEN_BYTES)
                conn.execute(
                    "insert into buttons (token, chat_id, text, day) values (?, ?, ?, ?)",
                    (token, chat_id, text, today.isoformat()),
                )
                data.append(PREFIX + token)
        return data

    def get(self, chat_id: int, data: str, today: dt.date) -> str | None:
        """Return the text behind a pressed button's data in a chat, if it is still kept."""
        if not data.startswith(PREFIX):
            return None
        oldest = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        with self.db.lock:
            row = self.db.conn.execute(
                "select text from buttons where token = ? and chat_id = ? and day >= ?",
                (data.removeprefix(PREFIX), chat_id, oldest),
            ).fetchone()
        return str(row[0]) if row is not None else None

    def forget(self, chat_id: int) -> int:
        """Delete every payload of a chat; return how many there were."""
        with self.db.transaction() as conn:
            return conn.execute("delete from buttons where chat_id = ?", (chat_id,)).rowcount

    def count(self, chat_id: int | None = None) -> int:
        """Return how many payloads are kept (for one chat, or in all)."""
        where, params = ("where chat_id = ?", (chat_id,)) if chat_id is not None else ("", ())
        with self.db.lock:
            row = self.db.conn.execute(f"select count(*) from buttons {where}", params).fetchone()
        return int(row[0])
