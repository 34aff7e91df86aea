"""Button payloads: one codec for every feature's buttons, and the texts behind option buttons.

**The codec.** Every inline button the bot makes carries ``<prefix>:<field>[:<field>…]``, made
by :func:`encode` and read back by :func:`decode`, the one parser. Each feature has its prefix
and the exact grammar of its fields (:data:`SCHEMES`)::

    o:<token>                    an option: the text behind it is in the state database
    d:<draft id>:ok|no           an admin's draft (bot.drafts): confirm or cancel
    rv:f|a|d:<group id>          a group of the review queue (bot.review): FAQ, alias, dismiss
    k:<question id>:<verb>       the caseworker desk (bot.desk): send, drop, answer, faq, close

Data that does not fit its feature's grammar exactly, has an unknown prefix or is longer than
Telegram's 64 bytes is refused here, once: :func:`decode` returns None, no feature's handler
matches (:func:`matches` is their pattern), and the press is answered as expired. What a
decoded payload names (a draft, a question) is checked again by its feature's own router.
The /beregn calculator's ``b:`` payloads are its dialogue's own.

**Options.** Telegram's ``callback_data`` holds at most 64 bytes and an option's text (a whole
question) can be longer, so an option button carries ``o:<token>`` and the text is a row of
``buttons`` in ``state.db``, bound to the chat it was offered in. Being on disk, a button still
works after a restart. A payload is kept ``KEEP_DAYS`` days (the same day as a chat's context
for follow-ups, plus one), is deleted with the chat's other data on /slettmeg, and is written
without waiting for the disk: losing the newest ones in a power cut only makes their buttons
answer "expired".
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from typing import Literal

from bot.statedb import StateDb

Feature = Literal["option", "draft", "review", "desk"]
#: Telegram's limit on a button's callback data.
MAX_BYTES = 64
_ID = r"([0-9]{1,19})"  # an id SQLite can hold has at most 19 digits
_MAX_ID = 2**63 - 1  # and is at most this (19 nines are more)
#: Each feature's prefix and the grammar of its fields (one regex group per field).
SCHEMES: dict[Feature, tuple[str, re.Pattern[str]]] = {
    "option": ("o", re.compile(r"([A-Za-z0-9_-]{1,43})")),
    "draft": ("d", re.compile(_ID + r":(ok|no)")),
    "review": ("rv", re.compile(r"([fad]):" + _ID)),
    "desk": ("k", re.compile(_ID + r":([a-z]{1,16}(?::[^:]{1,48})?)")),  # send:<office>
}
_FEATURES: dict[str, Feature] = {prefix: feature for feature, (prefix, _) in SCHEMES.items()}
#: Days a payload is kept after the day it was offered.
KEEP_DAYS = 1
TOKEN_BYTES = 6


@dataclass(frozen=True)
class Payload:
    """A decoded button payload: the feature it belongs to and its fields."""

    feature: Feature
    fields: tuple[str, ...]

    def number(self, index: int) -> int:
        """Return a field that the grammar makes a number (an id)."""
        return int(self.fields[index])


def decode(data: object, feature: Feature | None = None) -> Payload | None:
    """Read a pressed button's data; None for anything forged, unknown or another feature's."""
    if not isinstance(data, str) or len(data.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None
    prefix, colon, rest = data.partition(":")
    found = _FEATURES.get(prefix)
    if not colon or found is None or (feature is not None and found != feature):
        return None
    match = SCHEMES[found][1].fullmatch(rest)
    if match is None or any(
        g is not None and g.isdigit() and int(g) > _MAX_ID for g in match.groups()
    ):
        return None
    return Payload(found, match.groups())


def encode(feature: Feature, *fields: object) -> str:
    """Write a feature's button data; raise ValueError for what :func:`decode` would refuse."""
    data = ":".join((SCHEMES[feature][0], *(str(f) for f in fields)))
    decoded = decode(data, feature)
    if decoded is None or ":".join(decoded.fields) != data.partition(":")[2]:
        raise ValueError(f"not a valid {feature} payload: {data!r}")
    return data


def matches(feature: Feature, first: Container[str] | None = None) -> Callable[[object], bool]:
    """Return a pattern for a handler: data of this feature (and, if given, this first field)."""

    def pattern(data: object) -> bool:
        payload = decode(data, feature)
        return payload is not None and (first is None or payload.fields[0] in first)

    return pattern


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
                data.append(encode("option", token))
        return data

    def get(self, chat_id: int, data: str, today: dt.date) -> str | None:
        """Return the text behind a pressed button's data in a chat, if it is still kept."""
        payload = decode(data, "option")
        if payload is None:
            return None
        oldest = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        with self.db.lock:
            row = self.db.conn.execute(
                "select text from buttons where token = ? and chat_id = ? and day >= ?",
                (payload.fields[0], chat_id, oldest),
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
