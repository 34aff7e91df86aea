"""What the message pipeline takes and gives: who asks, and the messages that answer them.

A channel (the console, the Telegram handlers) turns what it receives into a call of
``bot.pipeline.Pipeline`` with a :class:`Who`, and turns the :class:`Reply` into what it can
show: plain text and numbered options on a terminal, HTML messages with inline buttons,
documents, edits and button notes in Telegram. Nothing here knows about Telegram.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from bot.answer import Answer

_TAG = re.compile(r"<[^<>]*>")


@dataclass(frozen=True)
class Who:
    """Who sent the input: the conversation key, and the Telegram ids when there are any."""

    chat: str  # the conversation ('tg:42', 'tg:-100:42' in a group, 'console')
    chat_id: int | None = None  # the Telegram chat
    user_id: int | None = None  # the Telegram user (admins are recognised by it)

    @property
    def private(self) -> bool:
        """Whether only the sender reads the replies: a private chat (its id is the user's)."""
        return self.chat_id is None or self.chat_id == self.user_id


@dataclass(frozen=True)
class Button:
    """A button: either an option (its text is sent as if typed) or a fixed payload."""

    label: str
    data: str = ""  # what a press sends back; '' for an option not stored (the console)
    text: str | None = None  # an option's text


@dataclass(frozen=True)
class Document:
    """A file sent with a message (its text is the caption)."""

    filename: str
    data: bytes


@dataclass(frozen=True)
class Message:
    """One message: plain text for a terminal, HTML for Telegram, rows of buttons, a file."""

    text: str
    html: str
    rows: tuple[tuple[Button, ...], ...] = ()
    document: Document | None = None

    @classmethod
    def of(cls, answer: Answer, *rows: tuple[Button, ...]) -> Message:
        """Render an answer; its options become buttons, one per row, before any others."""
        options = tuple((Button(o.label, text=o.text),) for o in answer.options)
        return cls(answer.text, answer.html(), options + rows)

    @classmethod
    def plain(cls, text: str, *rows: tuple[Button, ...]) -> Message:
        """A plain text message (escaped for Telegram)."""
        return cls(text, html.escape(text), rows)

    @classmethod
    def markup(cls, markup: str, *rows: tuple[Button, ...]) -> Message:
        """A message already written as Telegram HTML."""
        return cls(html.unescape(_TAG.sub("", markup)), markup, rows)

    @property
    def buttons(self) -> tuple[Button, ...]:
        """Return every button, row by row."""
        return tuple(b for row in self.rows for b in row)


@dataclass(frozen=True)
class Delivery:
    """An announcement just queued: the channel sends the outbox now and reports to the admin."""

    broadcast_id: int
    queued: int
    admin_chat: int


@dataclass(frozen=True)
class Post:
    """A message for another chat than the sender's: the caseworkers' group, or an asker.

    ``thread`` is the desk question it belongs to (``bot.desk``): the channel reports the
    message id it got, or that it could not be delivered, so replies find their thread.
    """

    chat_id: int
    message: Message
    reply_to: int | None = None
    thread: int | None = None
    kind: str = ""  # what it is to the desk: 'desk', 'relay', 'notice', 'note'
    edit: int | None = None  # replace this message of the chat (text, no buttons) instead


@dataclass(frozen=True)
class Reply:
    """What the pipeline answers one input with."""

    messages: tuple[Message, ...] = ()
    notice: str | None = None  # a short note on the pressed button (None: none)
    replace: bool = False  # the first message replaces the one whose button was pressed
    delivery: Delivery | None = None
    forget: bool = False  # the chat's data was deleted: drop what the channel keeps as well
    answer: Answer | None = None  # the answer behind the first message, if it is one
    posts: tuple[Post, ...] = ()  # messages for other chats (the caseworker desk)

    @classmethod
    def of(cls, answer: Answer, *rows: tuple[Button, ...]) -> Reply:
        """Reply with one answer."""
        return cls((Message.of(answer, *rows),), answer=answer)

    @classmethod
    def plain(cls, text: str, *rows: tuple[Button, ...]) -> Reply:
        """Reply with one plain text."""
        return cls((Message.plain(text, *rows),))

    @classmethod
    def note(cls, notice: str | None) -> Reply:
        """Only a note on the pressed button."""
        return cls(notice=notice)

    @property
    def text(self) -> str:
        """Return the plain text of every message."""
        return "\n\n".join(m.text for m in self.messages)
