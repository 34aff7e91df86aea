"""The caseworker desk: a question the bot cannot answer reaches a person; the answer returns.

A user hands a question over with ``/spor_saksbehandler TEKST`` or the button under an answer
that declines or was marked 👎. The text is masked (``bot.privacy``) and shown, with the office
it goes to, before anything is sent: a *pending* question, sent only when the user presses
Send (``k:<id>:send``; Avbryt ``k:<id>:drop`` deletes it). Sent, it is *open*: a card in the
caseworkers' group chat (one per office, or one for all) with the question, the bot's own
attempt, scheme and year, and buttons to answer, turn it into an FAQ entry, or close it with
a reason.

A caseworker (an admin of the bot, or an administrator of the desk chat) answers by replying
to the card; the answer is relayed to the asker, who can reply to it in turn, and that reply
goes back to the same thread. Every message of a thread is recorded in ``desk_messages`` so a
reply finds its question after a restart. Anyone else's reply in the group is ignored.

The desk keeps the masked text and the asker's chat id while a question is open and for
``KEEP_DAYS`` days after it was answered or closed; /personvern shows them, /slettmeg deletes
them (closing the question). Questions open longer than the configured working hours are
announced again, once a working day. Nothing here knows about Telegram; the time is given.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from bot.buttons import decode, encode
from bot.privacy import mask_personal_data
from bot.reply import Button, Document, Message, Post, Reply, Who
from bot.statedb import StateDb
from bot.stats import Events, chart_png, render, summarize
from bot.text import clean
from bot.texts import t
from bot.vocab import Lang

if TYPE_CHECKING:
    from bot.engine import Engine
    from bot.review import ReviewQueue
    from bot.upkeep import Upkeep

COMMAND = "spor_saksbehandler"
#: Days the text and chat id of a question are kept after it was answered or closed.
KEEP_DAYS = 30
#: Days an unconfirmed handover is kept before it is dropped.
PENDING_DAYS = 1
MAX_TEXT = 1000
MAX_ATTEMPT = 1500
#: The working day, local time, Monday to Friday except public holidays.
WORK_START = dt.time(8, 0)
WORK_END = dt.time(16, 0)
#: Reasons a caseworker can close a question with (buttons); the others are the desk's own.
CLOSE_REASONS = ("done", "scope", "duplicate")
STATS_WEEKS = 12
#: The catalogue keys of the masked kinds, the close buttons, the reasons and the states.
KIND_KEYS = {
    "id_number": "desk.kind.id_number",
    "email": "desk.kind.email",
    "phone": "desk.kind.phone",
    "name": "desk.kind.name",
}
CLOSE_KEYS = {
    "done": "desk.close.done",
    "scope": "desk.close.scope",
    "duplicate": "desk.close.duplicate",
}
REASON_KEYS = {
    "done": "desk.reason.done",
    "scope": "desk.reason.scope",
    "duplicate": "desk.reason.duplicate",
}
STATE_KEYS = {
    "pending": "desk.state.pending",
    "open": "desk.state.open",
    "answered": "desk.state.answered",
    "closed": "desk.state.closed",
}
State = Literal["pending", "open", "answered", "closed"]
Side = Literal["desk", "asker"]
_COLUMNS = (
    "id, state, chat_id, lang, office, desk_chat, scheme, year, text, attempt, masked, "
    "created, opened, answered, closed, reason, announced, faq_id"
)


@dataclass(frozen=True)
class DeskConfig:
    """Where the desks are (office id to chat id, '' for the default) and who the admins are."""

    chats: Mapping[str, int]
    admins: frozenset[int]
    hours: int = 8
    default_office: str | None = None

    @property
    def enabled(self) -> bool:
        """Tell whether any desk chat is configured."""
        return bool(self.chats)

    def chat_for(self, office: str | None) -> int | None:
        """Return the desk chat of an office, else the default one, else the only one."""
        if office and office in self.chats:
            return self.chats[office]
        if "" in self.chats:
            return self.chats[""]
        if len(set(self.chats.values())) == 1:
            return next(iter(self.chats.values()))
        return None

    @property
    def desk_chats(self) -> frozenset[int]:
        """Return every desk chat."""
        return frozenset(self.chats.values())


@dataclass(frozen=True)
class Question:
    """One question handed to the caseworkers."""

    id: int
    state: State
    chat_id: int
    lang: Lang
    office: str | None
    desk_chat: int
    scheme: str | None
    year: int | None
    text: str
    attempt: str
    masked: tuple[str, ...]
    created: dt.date
    opened: dt.datetime | None
    answered: dt.datetime | None
    closed: dt.datetime | None
    reason: str | None
    announced: dt.date | None
    faq_id: str | None


def _when(value: str | None) -> dt.datetime | None:
    """Read a stored moment."""
    return dt.datetime.fromisoformat(value) if value else None


def _question(row: sqlite3.Row) -> Question:
    """Read a question from its row."""
    return Question(
        id=row["id"],
        state=row["state"],
        chat_id=row["chat_id"],
        lang="en" if row["lang"] == "en" else "nb",
        office=row["office"],
        desk_chat=row["desk_chat"],
        scheme=row["scheme"],
        year=row["year"],
        text=row["text"],
        attempt=row["attempt"],
        masked=tuple(k for k in row["masked"].split(",") if k),
        created=dt.date.fromisoformat(row["created"]),
        opened=_when(row["opened"]),
        answered=_when(row["answered"]),
        closed=_when(row["closed"]),
        reason=row["reason"],
        announced=dt.date.fromisoformat(row["announced"]) if row["announced"] else None,
        faq_id=row["faq_id"],
    )


def easter(year: int) -> dt.date:
    """Return Easter Sunday of a year (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month, day = divmod(h + weekday - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holidays(year: int) -> frozenset[dt.date]:
    """Return Norway's public holidays of a year that can fall on a weekday."""
    sunday = easter(year)
    moving = (-3, -2, 1, 39, 50)  # Maundy Thursday, Good Friday, Easter Monday, Ascension, Whit
    fixed = ((1, 1), (5, 1), (5, 17), (12, 25), (12, 26))
    return frozenset(
        [sunday + dt.timedelta(days=n) for n in moving] + [dt.date(year, m, d) for m, d in fixed]
    )


def working_day(day: dt.date) -> bool:
    """Tell whether a day is a working day: Monday to Friday, not a public holiday."""
    return day.weekday() < 5 and day not in holidays(day.year)


def working_hours(start: dt.datetime, end: dt.datetime) -> float:
    """Return the working hours (working days, WORK_START to WORK_END) between two moments."""
    if end <= start:
        return 0.0
    zone = start.tzinfo
    total = 0.0
    day = start.date()
    while day <= end.date():
        if working_day(day):
            low = max(start, dt.datetime.combine(day, WORK_START, zone))
            high = min(end, dt.datetime.combine(day, WORK_END, zone))
            if high > low:
                total += (high - low).total_seconds()
        day += dt.timedelta(days=1)
    return total / 3600


def button(label: str, question: int, verb: str) -> Button:
    """A desk button: ``k:<question id>:<verb>`` (see ``bot.buttons``)."""
    return Button(label, encode("desk", question, verb))


class Desk:
    """The caseworker desk over the state database."""

    def __init__(
        self,
        db: StateDb,
        config: DeskConfig,
        engine: Engine,
        upkeep: Upkeep,
        events: Events,
        review: ReviewQueue,
    ) -> None:
        """Keep the store, where the desks are, and what answers and edits the knowledge."""
        self.db = db
        self.config = config
        self.engine = engine
        self.upkeep = upkeep
        self.events = events
        self.review = review
        self._chat_admins: Mapping[int, frozenset[int]] = {}

    @property
    def enabled(self) -> bool:
        """Tell whether questions can be handed over (a desk chat is configured)."""
        return self.config.enabled

    def record_chat_admins(self, chat_id: int, admins: frozenset[int]) -> None:
        """Remember the administrators of a desk chat, as the channel last read them."""
        if chat_id in self.config.desk_chats:
            self._chat_admins = {**self._chat_admins, chat_id: admins}

    def caseworkers(self) -> frozenset[int]:
        """Return the caseworkers known: the bot's admins and every desk chat's administrators."""
        return frozenset(self.config.admins).union(*self._chat_admins.values())

    def is_caseworker(self, who: Who, chat_admins: frozenset[int] | None = None) -> bool:
        """Tell whether a sender is a caseworker: an admin, or an administrator of a desk chat.

        ``chat_admins`` are the administrators of the desk chat a button or reply comes from;
        without it, those of every desk chat as last recorded (``record_chat_admins``).
        """
        if who.user_id is None:
            return False
        if chat_admins is None:
            return who.user_id in self.caseworkers()
        return who.user_id in self.config.admins or who.user_id in chat_admins

    # --- the store ----------------------------------------------------------------------------

    def get(self, question_id: int) -> Question | None:
        """Return a question by id."""
        with self.db.lock:
            row = self.db.conn.execute(
                f"select {_COLUMNS} from desk_questions where id = ?", (question_id,)
            ).fetchone()
        return _question(row) if row is not None else None

    def questions(self, chat_id: int | None = None) -> list[Question]:
        """Return the questions kept (of one asker's chat, or all), oldest first."""
        where, params = ("where chat_id = ?", (chat_id,)) if chat_id is not None else ("", ())
        with self.db.lock:
            rows = self.db.conn.execute(
                f"select {_COLUMNS} from desk_questions {where} order by id", params
            ).fetchall()
        return [_question(r) for r in rows]

    def thread(self, chat_id: int, message_id: int, side: Side) -> Question | None:
        """Return the question a message belongs to (a card, a relayed answer), if any."""
        with self.db.lock:
            row = self.db.conn.execute(
                "select question_id from desk_messages"
                " where chat_id = ? and message_id = ? and side = ?",
                (chat_id, message_id, side),
            ).fetchone()
        return self.get(int(row[0])) if row is not None else None

    def _card_id(self, question: Question) -> int | None:
        """Return the first message of a question in its desk chat (its card)."""
        with self.db.lock:
            row = self.db.conn.execute(
                "select min(message_id) from desk_messages where question_id = ? and side = 'desk'",
                (question.id,),
            ).fetchone()
        return int(row[0]) if row is not None and row[0] is not None else None

    def _last_answer(self, question: Question) -> str | None:
        """Return the newest answer of a caseworker to a question."""
        with self.db.lock:
            row = self.db.conn.execute(
                "select text from desk_replies where question_id = ? and author = 'caseworker'"
                " order by id desc limit 1",
                (question.id,),
            ).fetchone()
        return str(row[0]) if row is not None else None

    def _set(self, question_id: int, **values: object) -> None:
        """Update columns of a question."""
        columns = ", ".join(f"{name} = ?" for name in values)
        with self.db.transaction() as conn:
            conn.execute(
                f"update desk_questions set {columns} where id = ?", (*values.values(), question_id)
            )

    def purge(self, today: dt.date) -> int:
        """Drop unconfirmed handovers after a day, answered and closed ones after KEEP_DAYS."""
        pending = (today - dt.timedelta(days=PENDING_DAYS)).isoformat()
        done = (today - dt.timedelta(days=KEEP_DAYS)).isoformat()
        with self.db.transaction() as conn:
            gone = conn.execute(
                "delete from desk_questions where state = 'pending' and created < ?", (pending,)
            ).rowcount
            gone += conn.execute(
                "delete from desk_questions where state in ('answered', 'closed')"
                " and substr(coalesce(closed, answered), 1, 10) < ?",
                (done,),
            ).rowcount
        return gone

    # --- handover -----------------------------------------------------------------------------

    def _office(self, scheme: str | None) -> str | None:
        """Return the office a question concerns: the issuer of its scheme's newest deadline."""
        kb = self.engine.kb
        if scheme and scheme in kb.schemes:
            entries = sorted(
                (e for e in kb.deadlines() if e.scheme_id == scheme),
                key=lambda e: -e.deadline.year,
            )
            candidates = [e.office_id for e in entries]
            candidates += [kb.office_of(f) for f in reversed(kb.schemes[scheme].facts)]
            for office in candidates:
                found = kb.offices.get(office)
                if found is not None and found.kind == "statsforvalter":
                    return office
        return self.config.default_office

    def choices(self, office: str | None) -> list[str]:
        """Return the offices the user may choose from (when the question's has no desk)."""
        offices = sorted(o for o in self.config.chats if o)
        if len(offices) < 2 or office in offices:
            return []
        return offices

    def office_name(self, office: str | None, lang: Lang = "nb") -> str:
        """Return an office's name ('Statsforvalteren i Agder'), or a general one."""
        found = self.engine.kb.offices.get(office or "")
        if found is None:
            return t("desk.no_office", lang)
        return (found.name_en or found.name) if lang == "en" else found.name

    def scheme_name(self, scheme: str | None, lang: Lang = "nb") -> str:
        """Return a scheme's short name, or a dash."""
        found = self.engine.kb.schemes.get(scheme or "")
        return found.names.short if found is not None else "–"

    def prepare(self, raw: str, who: Who, today: dt.date, lang: Lang) -> Reply:
        """/spor_saksbehandler TEKST: store the masked question as pending and show it first."""
        if who.chat_id is None:
            return Reply.plain(t("desk.telegram_only", lang))
        if not self.enabled:
            return Reply.plain(t("desk.none", lang))
        text = clean(raw)[0][:MAX_TEXT].strip()
        if not text:
            return Reply.plain(t("desk.usage", lang))
        masked = mask_personal_data(text)
        understood = self.engine.understand(text, None, today)
        attempt = self.engine.ask(text, today)  # no chat: the chat's context is left alone
        scheme = attempt.scheme or understood.scheme
        year = understood.slots.get("year") or understood.slots.get("grant_year")
        office = self._office(scheme)
        offices = self.choices(office)
        desk_chat = self.config.chat_for(office)
        if desk_chat is None and offices:  # until the user chooses
            desk_chat = self.config.chats[offices[0]]
        if desk_chat is None:
            return Reply.plain(t("desk.none", lang))
        self.purge(today)
        with self.db.transaction() as conn:
            cursor = conn.execute(
                "insert into desk_questions (state, chat_id, lang, office, desk_chat, scheme,"
                " year, text, attempt, masked, created) values"
                " ('pending', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    who.chat_id,
                    lang,
                    office,
                    desk_chat,
                    scheme,
                    year if isinstance(year, int) else None,
                    masked.text,
                    mask_personal_data(attempt.text).text[:MAX_ATTEMPT],
                    ",".join(masked.kinds),
                    today.isoformat(),
                ),
            )
            question_id = int(cursor.lastrowid or 0)
        question = self.get(question_id)
        assert question is not None
        lines = [
            t("desk.preview", lang, office=self.office_name(office, lang), text=masked.text),
            t(
                "desk.preview_about",
                lang,
                scheme=self.scheme_name(scheme, lang),
                year=question.year or "–",
            ),
        ]
        if masked.kinds:
            lines.append(t("desk.preview_masked", lang, kinds=self._kinds(masked.kinds, lang)))
        lines.append(t("desk.preview_kept", lang, days=KEEP_DAYS))
        drop = (button(t("desk.drop", lang), question_id, "drop"),)
        if not offices:
            row = (button(t("desk.send", lang), question_id, "send"), *drop)
            return Reply.plain("\n\n".join(lines), row)
        lines[0] = t("desk.preview_choose", lang, text=masked.text)
        rows = [
            (
                button(
                    t("desk.send_to", lang, office=self.office_name(o, lang)),
                    question_id,
                    f"send:{o}",
                ),
            )
            for o in offices
        ]
        return Reply.plain("\n\n".join(lines), *rows, drop)

    @staticmethod
    def _kinds(kinds: tuple[str, ...], lang: Lang) -> str:
        """Name the kinds of personal data that were masked."""
        return ", ".join(t(KIND_KEYS[k], lang) for k in kinds if k in KIND_KEYS)

    def card(self, question: Question, head: str = "") -> Message:
        """The question as the caseworkers see it, with its buttons."""
        lines = [head] if head else []
        lines.append(
            t(
                "desk.card",
                id=question.id,
                office=self.office_name(question.office),
                scheme=self.scheme_name(question.scheme),
                year=question.year or "–",
                lang=question.lang,
                text=question.text,
                attempt=question.attempt,
            )
        )
        if question.masked:
            lines.append(t("desk.card_masked", kinds=self._kinds(question.masked, "nb")))
        lines.append(t("desk.card_hint"))
        rows = (
            (
                button(t("desk.answer"), question.id, "answer"),
                button(t("desk.faq"), question.id, "faq"),
            ),
            tuple(
                button(t(CLOSE_KEYS[code]), question.id, f"close:{code}") for code in CLOSE_REASONS
            ),
        )
        return Message.plain("\n\n".join(lines), *rows)

    def _post_card(self, question: Question, head: str = "") -> Post:
        """The card of a question, for its desk chat."""
        return Post(question.desk_chat, self.card(question, head), thread=question.id, kind="desk")

    # --- buttons ------------------------------------------------------------------------------

    @staticmethod
    def parse(data: str) -> tuple[int, str] | None:
        """Read ``k:<id>:<verb>`` as (id, verb) with the one codec; None for anything else."""
        payload = decode(data, "desk")
        return (payload.number(0), payload.fields[1]) if payload is not None else None

    def slow(self, data: str) -> bool:
        """Tell whether a press takes seconds (making an FAQ entry)."""
        parsed = self.parse(data)
        return parsed is not None and parsed[1] == "faq"

    def press(
        self, data: str, who: Who, now: dt.datetime, chat_admins: frozenset[int] = frozenset()
    ) -> Reply:
        """A desk button: the asker's Send / Avbryt, or a caseworker's Svar, Lag FAQ, Lukk."""
        parsed = self.parse(data)
        question = self.get(parsed[0]) if parsed is not None else None
        if parsed is None or question is None:
            return Reply.note(t("expired"))
        verb = parsed[1]
        if verb in ("send", "drop") or verb.startswith("send:"):
            if who.chat_id != question.chat_id:
                return Reply.note(t("expired"))
            if question.state != "pending":
                return Reply.note(t("desk.already_sent", question.lang))
            if verb == "drop":
                return self._abandon(question)
            chosen = verb.removeprefix("send").removeprefix(":")
            if chosen:
                if chosen not in self.choices(question.office):
                    return Reply.note(t("expired"))
                self._set(question.id, office=chosen, desk_chat=self.config.chats[chosen])
                question = self.get(question.id) or question
            return self._confirm(question, now)
        if who.chat_id != question.desk_chat and who.chat_id not in self.config.desk_chats:
            return Reply.note(t("expired"))
        if not self.is_caseworker(who, chat_admins):
            return Reply.note(t("desk.caseworkers_only"))
        if question.state == "closed":
            return Reply.note(t("desk.is_closed", id=question.id))
        if verb == "answer":
            return Reply.note(t("desk.answer_hint"))
        if verb == "faq":
            assert who.user_id is not None
            return self._faq(question, who.user_id, now.date())
        code = verb.removeprefix("close:")
        if verb.startswith("close:") and code in CLOSE_REASONS:
            return self._close(question, code, now)
        return Reply.note(t("expired"))

    def _confirm(self, question: Question, now: dt.datetime) -> Reply:
        """Send: open the question and post its card to the desk."""
        self._set(question.id, state="open", opened=now.isoformat())
        self.events.record(now.date(), "handover", question.scheme)
        opened = self.get(question.id)
        assert opened is not None
        lang = question.lang
        text = t("desk.sent", lang, office=self.office_name(question.office, lang), id=question.id)
        return Reply((Message.plain(text),), replace=True, posts=(self._post_card(opened),))

    def _abandon(self, question: Question) -> Reply:
        """Avbryt: delete the pending question; nothing was sent."""
        with self.db.transaction() as conn:
            conn.execute("delete from desk_questions where id = ?", (question.id,))
        return Reply((Message.plain(t("desk.dropped", question.lang)),), replace=True)

    def _close(self, question: Question, reason: str, now: dt.datetime) -> Reply:
        """Lukk: close with a reason, mark the card, and tell the asker."""
        self._set(question.id, state="closed", closed=now.isoformat(), reason=reason)
        self.events.record(now.date(), "closed", question.scheme, reason)
        closed = self.get(question.id)
        assert closed is not None
        head = t("desk.closed_head", reason=t(CLOSE_KEYS[reason]))
        card = self.card(closed, head)
        lang = question.lang
        notice = t(
            "desk.closed_notice",
            lang,
            office=self.office_name(question.office, lang),
            id=question.id,
            reason=t(REASON_KEYS[reason], lang),
        )
        post = Post(question.chat_id, Message.plain(notice), thread=question.id, kind="notice")
        return Reply((Message.plain(card.text),), replace=True, posts=(post,))

    def _faq(self, question: Question, user: int, today: dt.date) -> Reply:
        """Lag FAQ: write the question and the caseworker's answer as an FAQ entry, reloaded."""
        from bot.kbadmin import ChangeRefused
        from bot.upkeep import refresh_text, refused_text

        if question.faq_id is not None:
            return Reply.note(t("desk.faq_exists", id=question.faq_id))
        answer = self._last_answer(question)
        if answer is None:
            return Reply.note(t("desk.faq_needs_answer"))
        try:
            change, refresh = self.upkeep.add_faq(
                question.text, answer, question.scheme, user, today, question.year
            )
        except ChangeRefused as exc:
            return Reply.plain(refused_text(exc, self.upkeep.version))
        self._set(question.id, faq_id=change.target.removeprefix("faq:"))
        self.events.record(today, "faq_created", question.scheme)
        head = t("desk.faq_made", id=question.id)
        return Reply.plain(f"{head}\n{refresh_text(refresh, change)}")

    # --- replies in a thread --------------------------------------------------------------------

    def message(
        self,
        text: str,
        who: Who,
        reply_to: int,
        now: dt.datetime,
        chat_admins: frozenset[int] = frozenset(),
    ) -> Reply | None:
        """A reply to a desk message: a caseworker's answer or an asker's follow-up.

        Returns None when an asker's message replied to belongs to no question (the channel
        answers it as usual), and an empty reply when it is ignored (not a caseworker, or not
        a thread of the desk chat).
        """
        if who.chat_id is None:
            return None
        if who.chat_id in self.config.desk_chats:
            question = self.thread(who.chat_id, reply_to, "desk")
            if question is None:  # the desk chat is for threads: other replies are ignored
                return Reply()
            if not self.is_caseworker(who, chat_admins):
                return Reply()
            return self._answer(question, text, now)
        question = self.thread(who.chat_id, reply_to, "asker")
        if question is None:
            return None
        return self._follow_up(question, text, now)

    def _add_reply(self, question: Question, author: str, text: str, now: dt.datetime) -> None:
        """Keep a message of the thread."""
        with self.db.transaction() as conn:
            conn.execute(
                "insert into desk_replies (question_id, at, author, text) values (?, ?, ?, ?)",
                (question.id, now.isoformat(), author, text),
            )

    def _answer(self, question: Question, raw: str, now: dt.datetime) -> Reply:
        """A caseworker's answer: keep it and relay it to the asker."""
        if question.state == "closed":
            return Reply.plain(t("desk.is_closed", id=question.id))
        text = clean(raw)[0]
        if not text:
            return Reply()
        self._add_reply(question, "caseworker", text, now)
        if question.answered is None and question.opened is not None:
            seconds = int((now - question.opened).total_seconds())
            self.events.record(now.date(), "desk_answer", question.scheme, seconds=seconds)
        self._set(question.id, state="answered", answered=now.isoformat())
        lang = question.lang
        relay = t(
            "desk.relay",
            lang,
            office=self.office_name(question.office, lang),
            id=question.id,
            text=text,
        )
        post = Post(question.chat_id, Message.plain(relay), thread=question.id, kind="relay")
        return Reply(posts=(post,))

    def _follow_up(self, question: Question, raw: str, now: dt.datetime) -> Reply:
        """The asker's reply to a relayed answer: back to the same thread in the desk."""
        lang = question.lang
        if question.state == "closed":
            return Reply.plain(t("desk.closed_already", lang, id=question.id))
        masked = mask_personal_data(clean(raw)[0][:MAX_TEXT])
        if not masked.text:
            return Reply()
        self._add_reply(question, "asker", masked.text, now)
        self._set(question.id, state="open")
        text = t("desk.follow_up", id=question.id, text=masked.text)
        post = Post(
            question.desk_chat,
            Message.plain(text),
            reply_to=self._card_id(question),
            thread=question.id,
            kind="desk",
        )
        sent = Message.plain(t("desk.follow_up_sent", lang, id=question.id))
        return Reply((sent,), posts=(post,))

    # --- what the channel reports back --------------------------------------------------------

    def posted(self, post: Post, message_id: int) -> tuple[Post, ...]:
        """A post was delivered: record its message in the thread; a relay gets a receipt."""
        if post.thread is None:
            return ()
        question = self.get(post.thread)
        if question is None:
            return ()
        side: Side = "desk" if post.chat_id in self.config.desk_chats else "asker"
        with self.db.transaction() as conn:
            conn.execute(
                "insert or ignore into desk_messages (chat_id, message_id, question_id, side)"
                " values (?, ?, ?, ?)",
                (post.chat_id, message_id, question.id, side),
            )
        if post.kind != "relay":
            return ()
        receipt = Message.plain(t("desk.relayed", id=question.id))
        return (
            Post(
                question.desk_chat,
                receipt,
                reply_to=self._card_id(question),
                thread=question.id,
                kind="note",
            ),
        )

    def undelivered(self, post: Post, now: dt.datetime) -> tuple[Post, ...]:
        """A post could not be delivered: a message to an asker is reported to the desk."""
        question = self.get(post.thread) if post.thread is not None else None
        if question is None or post.chat_id in self.config.desk_chats:
            return ()  # a card that did not reach the desk is posted again by overdue()
        if question.state != "closed":
            self._set(question.id, state="closed", closed=now.isoformat(), reason="undeliverable")
            self.events.record(now.date(), "closed", question.scheme, "undeliverable")
        text = t("desk.undelivered", id=question.id)
        return (
            Post(
                question.desk_chat,
                Message.plain(text),
                reply_to=self._card_id(question),
                thread=question.id,
                kind="note",
            ),
        )

    # --- the daily re-announcement ------------------------------------------------------------

    def overdue(self, now: dt.datetime) -> Reply:
        """Announce again, once a working day, the questions open longer than the hours allowed.

        A card that never reached its desk (the group was unreachable) is posted now.
        """
        today = now.date()
        self.purge(today)
        posts: list[Post] = []
        for question in self.questions():
            if question.state != "open" or question.opened is None:
                continue
            if self._card_id(question) is None:
                posts.append(self._post_card(question))
                self._set(question.id, announced=today.isoformat())
                continue
            if not working_day(today) or question.announced == today:
                continue
            hours = working_hours(question.opened, now)
            if hours < self.config.hours:
                continue
            head = t("desk.reannounce", hours=int(hours))
            posts.append(self._post_card(question, head))
            self._set(question.id, announced=today.isoformat())
        return Reply(posts=tuple(posts))

    # --- privacy ------------------------------------------------------------------------------

    def describe(self, chat_id: int, lang: Lang) -> list[str]:
        """Say what the desk keeps about a chat (for /personvern)."""
        kept = [q for q in self.questions(chat_id) if q.state != "pending"]
        if not kept:
            return []
        listed = ", ".join(
            t("desk.privacy_item", lang, id=q.id, state=t(STATE_KEYS[q.state], lang)) for q in kept
        )
        return [t("desk.privacy", lang, count=len(kept), listed=listed, days=KEEP_DAYS)]

    def forget(self, chat_id: int, today: dt.date) -> tuple[int, tuple[Post, ...]]:
        """Delete a chat's questions (/slettmeg), closing the open ones; tell their desks, and
        replace the text of every card that showed them."""
        posts: list[Post] = []
        found = self.questions(chat_id)
        for question in found:
            if question.state in ("open", "answered"):
                self.events.record(today, "closed", question.scheme, "deleted")
                posts.append(
                    Post(
                        question.desk_chat,
                        Message.plain(t("desk.deleted", id=question.id)),
                        reply_to=self._card_id(question),
                        kind="note",
                    )
                )
            scrubbed = Message.plain(t("desk.deleted_card", id=question.id))
            for desk_chat, message_id in self._cards(question):
                posts.append(Post(desk_chat, scrubbed, kind="note", edit=message_id))
        with self.db.transaction() as conn:
            conn.execute("delete from desk_questions where chat_id = ?", (chat_id,))
        return len(found), tuple(posts)

    def _cards(self, question: Question) -> list[tuple[int, int]]:
        """Return (chat, message id) of every card of a question posted in a desk."""
        with self.db.lock:
            rows = self.db.conn.execute(
                "select chat_id, message_id from desk_messages"
                " where question_id = ? and side = 'desk' order by message_id",
                (question.id,),
            ).fetchall()
        return [(int(r[0]), int(r[1])) for r in rows]

    # --- statistics ---------------------------------------------------------------------------

    def statistics(self, who: Who, today: dt.date, lang: Lang, weeks: str = "") -> Reply:
        """/statistikk [UKER]: the figures per week and in total, and the chart as a PNG."""
        if not self.is_caseworker(who):
            return Reply.plain(t("desk.caseworkers_only", lang))
        count = int(weeks) if weeks.isdigit() and 0 < int(weeks) <= 520 else STATS_WEEKS
        start = today - dt.timedelta(weeks=count)
        clusters = [(g.representative, g.count) for g in self.review.grouped(today)]
        stats = summarize(self.events.between(start, today), clusters)
        names = {sid: scheme.names.short for sid, scheme in self.engine.kb.schemes.items()}
        text = render(stats, lang, names)
        messages = [Message.plain(text)]
        if stats.weeks:
            chart = Document("statistikk.png", chart_png(stats, lang))
            caption = t("stats.chart_title", lang)
            messages.append(Message(caption, caption, document=chart))
        return Reply(tuple(messages))
