"""Deadline reminders and announcements: plan them, write them, send them exactly once.

**Planning** (:func:`plan_reminders`, pure): a chat that follows a scheme is reminded of each of
its dated deadlines ``offset`` days before, for each of its offsets (30, 14, 7 and 1 by default).
If the bot was down on the day a reminder was due and the deadline is still ahead, the reminder
is sent late and says so; only the most recent missed one per deadline is caught up (a 30-day and
a 14-day reminder missed in the same outage become one late 14-day reminder), and never one that
fell due before the chat subscribed or last changed its settings. Tentative deadlines are sent
marked as tentative with the source's own words. Deadlines the sources give only in words
('Vår', 'Løpende', 'April(?)') or as unknown ('????') are never reminded as dates.

**Sending** (:func:`run_pass`): the plan goes into a persistent outbox (SQLite, one row per chat,
deadline and offset, inserted with INSERT OR IGNORE), then every open row is sent. A row is
marked ``sending`` and committed right before the Bot API call, and marked ``sent`` with
Telegram's message id and committed as soon as Telegram confirms. A finished day's pass is
recorded and never planned again; a pass is never run twice at once (a file lock that the
kernel releases when its holder dies).

**In-flight policy**: Telegram has no idempotency key, so a message handed to the Bot API when
the process was killed may or may not have arrived. Such rows are found in ``sending`` by the
next pass. The default policy (``in_flight="resend"``) sends them again with a line saying it may
be a repeat: at-least-once for these few messages only, because a missed deadline costs more
than a rare duplicate. The window is what is really in flight: at most ``Pacing.concurrency``
rows (4 by default) are ``sending`` at once, and of those at most one is still waiting for its
rate slot (resending that one cannot double it). The other policy (``"skip"``) never resends
them (at-most-once) and reports them as skipped. The report counts the in-flight rows either way
(``in_flight``, ``resent_in_flight``). A transient error after the request left (a timeout) is
the same uncertainty and is retried the same way.

**Limits**: at most ``int(rate)`` (30) calls in any second, counted from the *answer* of the
call 30 back, so no window at Telegram's end can hold more whatever the network jitter; calls
at least half of 1/rate apart (no bursts); one a second per chat; 20 a minute per group chat
(negative id). A 429 ``retry_after`` pauses every send; 403 (blocked) deactivates the chat; a
migrated group is moved to its new id and sent to there; 400 is reported as failed and not
retried; transient errors are retried with exponential backoff, and after ``max_attempts`` the
row is kept as ``failed`` for the next pass: nothing is lost. Store writes run in a worker thread
so an fsync never stalls the event loop (or the pacing). Pacing time comes from an injectable
monotonic clock and sleep; the day comes only from the ``today`` parameter.

The core never imports telegram: the Bot API side is a :class:`Sender` (see
``handlers/sender.py``).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import heapq
import html
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Literal, ParamSpec, Protocol, TypeVar

from bot import fmt
from bot.fmt import Lang
from bot.state import (
    Broadcast,
    NewMessage,
    OutboxRow,
    PassRecord,
    StateStore,
    Subscription,
    broadcast_key,
    reminder_key,
)
from bot.texts import t
from bot.vocab import DEADLINE_LABELS
from knowledge.kb import DeadlineEntry, KnowledgeBase

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

MAX_MESSAGE = 4096
SMOOTHING = 0.5  # two calls are at least this share of 1/rate apart (no bursts)
POLL = 0.05  # seconds between looks at a call still waiting for its answer
PRUNE_AFTER_DAYS = 90

InFlightPolicy = Literal["resend", "skip"]
Outcome = Literal["sent", "skipped", "failed", "deactivated", "migrated"]
ResultKind = Literal[
    "ok", "retry_after", "blocked", "chat_migrated", "bad_request", "transient", "unauthorized"
]


# --- the Bot API side ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SendResult:
    """What the Bot API answered to one message."""

    kind: ResultKind
    message_id: int | None = None
    retry_after: float = 0.0
    new_chat_id: int | None = None
    error: str = ""

    @classmethod
    def ok(cls, message_id: int | None) -> SendResult:
        """Return a delivered result with Telegram's message id."""
        return cls("ok", message_id=message_id)

    @classmethod
    def throttled(cls, seconds: float) -> SendResult:
        """Return a 429 'retry after' result."""
        return cls("retry_after", retry_after=float(seconds), error=f"429 retry after {seconds}s")

    @classmethod
    def blocked(cls, error: str = "403 the user blocked the bot") -> SendResult:
        """Return a 403 result: the chat blocked the bot or was deleted."""
        return cls("blocked", error=error)

    @classmethod
    def migrated(cls, new_chat_id: int) -> SendResult:
        """Return a result saying the group became a supergroup with a new id."""
        return cls("chat_migrated", new_chat_id=new_chat_id, error=f"migrated to {new_chat_id}")

    @classmethod
    def bad_request(cls, error: str) -> SendResult:
        """Return a 400 result: the request can never succeed as it is."""
        return cls("bad_request", error=error)

    @classmethod
    def transient(cls, error: str) -> SendResult:
        """Return a network or server error worth retrying."""
        return cls("transient", error=error)

    @classmethod
    def unauthorized(cls, error: str = "401 the token was rejected") -> SendResult:
        """Return a 401: the bot's token no longer works, so no message of this pass can go."""
        return cls("unauthorized", error=error)


class SenderUnavailable(RuntimeError):
    """The Bot API cannot be reached or refuses the token: no pass can run."""


class Sender(Protocol):
    """Send one HTML message to a chat through the Bot API."""

    async def send(self, chat_id: int, html: str) -> SendResult:
        """Send a message and report what Telegram answered."""
        ...


@dataclass(frozen=True)
class Pacing:
    """How fast and how persistently to send."""

    rate: float = 30.0  # messages per second overall: at most int(rate) in any window
    window_margin: float = 0.0  # extra seconds added to that window, if ever wanted
    per_chat_interval: float = 1.0  # seconds between two messages to the same chat
    group_per_minute: int = 20  # messages per minute to one group (negative chat id)
    concurrency: int = 4  # Bot API calls in flight at once: the duplicate window after a kill
    max_attempts: int = 5  # tries per pass for transient errors
    backoff: float = 1.0  # first retry delay in seconds, doubled each time
    max_backoff: float = 60.0
    max_throttles: int = 20  # 429 answers for one row in one pass before it counts as failed


# --- planning -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedReminder:
    """One reminder to send: a chat, a deadline and the offset it is for."""

    chat_id: int
    deadline_id: str
    scheme_id: str
    offset: int
    due_day: dt.date
    deadline_day: dt.date
    late: bool
    tentative: bool
    lang: Lang

    @property
    def key(self) -> str:
        """Return the outbox key."""
        return reminder_key(self.chat_id, self.deadline_id, self.offset)


def dated_deadlines(kb: KnowledgeBase) -> list[DeadlineEntry]:
    """Return the deadlines that have a date (unknown and worded ones are left out)."""
    return [e for e in kb.deadlines() if e.deadline.date is not None and not e.deadline.unknown]


def plan_reminders(
    kb: KnowledgeBase,
    subscriptions: Iterable[Subscription],
    today: dt.date,
    already: AbstractSet[str] = frozenset(),
) -> list[PlannedReminder]:
    """Plan the reminders due on ``today``, and the latest missed one per deadline, sent late.

    ``already`` holds outbox keys that exist; those are not planned again.
    """
    ahead = [e for e in dated_deadlines(kb) if e.deadline.date and e.deadline.date >= today]
    planned: list[PlannedReminder] = []
    for sub in subscriptions:
        if not sub.active:
            continue
        for entry in ahead:
            if not sub.covers(entry.scheme_id):
                continue
            date = entry.deadline.date
            assert date is not None
            left = (date - today).days
            due = [o for o in sub.offsets if o >= left and date - dt.timedelta(days=o) >= sub.since]
            if not due:
                continue
            offset = min(due)
            due_day = date - dt.timedelta(days=offset)
            item = PlannedReminder(
                chat_id=sub.chat_id,
                deadline_id=entry.id,
                scheme_id=entry.scheme_id,
                offset=offset,
                due_day=due_day,
                deadline_day=date,
                late=due_day < today,
                tentative=entry.deadline.tentative,
                lang=sub.lang,
            )
            if item.key not in already:
                planned.append(item)
    return planned


# --- messages -----------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Escape text for Telegram HTML."""
    return html.escape(text, quote=False)


def compose_reminder(
    kb: KnowledgeBase,
    entry: DeadlineEntry,
    today: dt.date,
    lang: Lang,
    *,
    offset: int,
    due_day: dt.date,
    late: bool,
) -> str:
    """Write a reminder in Telegram HTML: scheme, kind, date, days left, office and source."""
    d = entry.deadline
    assert d.date is not None
    scheme = kb.schemes[entry.scheme_id]
    name = scheme.names.short if lang == "nb" else (scheme.names.english or [scheme.names.short])[0]
    kind = DEADLINE_LABELS[d.kind][lang].lower()
    if d.covers_year is not None:
        kind += f" ({t('reminder.covers', lang, year=d.covers_year)})"
    left = fmt.days((d.date - today).days, lang)
    date = fmt.long_date(d.date, lang)
    lines = [
        f"<b>{t('reminder.head', lang, kind=_e(kind), name=_e(name))}</b>",
        t("reminder.deadline", lang, date=date, left=left),
    ]
    if d.tentative:
        lines.append(t("reminder.tentative", lang, raw=_e(fmt.quote(d.raw))))
    if late:
        unit = t("alerts.day" if offset == 1 else "alerts.days", lang)
        ahead = t("reminder.ahead", lang, offset=offset, unit=unit)
        lines.append(t("reminder.late", lang, due=fmt.long_date(due_day, lang), ahead=ahead))
    if d.note:
        lines.append(t("reminder.note", lang, note=_e(d.note)))
    lines.append(t("reminder.office", lang, office=_e(kb.offices[entry.office_id].name)))
    lines.append(t("reminder.source", lang, source=_e(kb.provenance(d).label())))
    lines.append(t("reminder.footer", lang))
    return "\n".join(lines)


def compose_broadcast(text: str, lang: Lang) -> str:
    """Write an admin announcement in Telegram HTML (the admin's text is shown as plain text)."""
    return f"📢 <b>{t('broadcast.title', lang)}</b>\n\n{_e(text.strip())}"


def planned_messages(
    kb: KnowledgeBase, plan: Iterable[PlannedReminder], today: dt.date
) -> list[NewMessage]:
    """Turn planned reminders into outbox messages, written in each chat's language."""
    entries = {e.id: e for e in dated_deadlines(kb)}
    return [
        NewMessage(
            key=item.key,
            chat_id=item.chat_id,
            kind="reminder",
            text=compose_reminder(
                kb,
                entries[item.deadline_id],
                today,
                item.lang,
                offset=item.offset,
                due_day=item.due_day,
                late=item.late,
            ),
            lang=item.lang,
            planned_day=today,
            late=item.late,
            tentative=item.tentative,
            scheme_id=item.scheme_id,
            deadline_id=item.deadline_id,
            offset=item.offset,
            due_day=item.due_day,
            deadline_day=item.deadline_day,
        )
        for item in plan
    ]


# --- broadcasts ---------------------------------------------------------------------------------


class NotAdmin(PermissionError):
    """Only the user ids in TILSKUDDSBOT_ADMIN_IDS may broadcast."""


def prepare_broadcast(
    store: StateStore, admin_ids: AbstractSet[int], user_id: int, text: str, today: dt.date
) -> tuple[Broadcast, str]:
    """Store an announcement awaiting confirmation; return it and its preview (HTML)."""
    if user_id not in admin_ids:
        raise NotAdmin(f"user {user_id} is not an admin")
    text = text.strip()
    if not text:
        raise ValueError("the announcement is empty")
    preview = compose_broadcast(text, "nb")
    if max(len(preview), len(compose_broadcast(text, "en"))) > MAX_MESSAGE:
        raise ValueError(f"the announcement is longer than {MAX_MESSAGE} characters")
    broadcast = store.create_broadcast(user_id, text, today)
    log.info("broadcast %d drafted by admin %d", broadcast.id, user_id)
    return broadcast, preview


def recipients(store: StateStore, schemes: AbstractSet[str] | None = None) -> list[Subscription]:
    """Return the active subscribers, or only those following at least one of some schemes."""
    subs = store.subscriptions(active_only=True)
    if schemes is None:
        return subs
    return [sub for sub in subs if any(sub.covers(s) for s in schemes)]


def confirm_broadcast(
    store: StateStore,
    admin_ids: AbstractSet[int],
    user_id: int,
    broadcast_id: int,
    today: dt.date,
    *,
    schemes: AbstractSet[str] | None = None,
) -> int:
    """Queue a confirmed announcement for every active subscriber, once; return how many.

    With ``schemes`` only the subscribers following at least one of them get it (e.g. the
    summary of a knowledge update, for the schemes it changed).
    """
    if user_id not in admin_ids:
        raise NotAdmin(f"user {user_id} is not an admin")
    broadcast = store.broadcast(broadcast_id)
    if broadcast is None:
        raise KeyError(f"no broadcast {broadcast_id}")
    messages = [
        NewMessage(
            key=broadcast_key(sub.chat_id, broadcast_id),
            chat_id=sub.chat_id,
            kind="broadcast",
            text=compose_broadcast(broadcast.text, sub.lang),
            lang=sub.lang,
            planned_day=today,
            broadcast_id=broadcast_id,
        )
        for sub in recipients(store, schemes)
    ]
    queued = store.confirm_broadcast(broadcast_id, user_id, today, messages)
    log.info(
        "broadcast %d (drafted by %d) confirmed by admin %d: %d messages queued",
        broadcast_id,
        broadcast.admin_id,
        user_id,
        queued,
    )
    return queued


# --- sending ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PassEvent:
    """What happened to one outbox row in a pass."""

    outcome: Outcome
    chat_id: int
    key: str
    detail: str = ""


@dataclass
class PassReport:
    """What a pass did: counts and one event per row it touched."""

    day: dt.date
    already_finished: bool = False
    planned: int = 0
    sent: int = 0
    late: int = 0
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0
    migrated: int = 0
    in_flight: int = 0  # rows found 'sending' at start: a killed or cancelled pass's last calls
    resent_in_flight: int = 0  # of those, re-sent and confirmed (may be duplicates)
    throttled: int = 0  # 429 answers
    retried: int = 0  # transient errors retried
    stopped: bool = False  # asked to stop before the end: the next pass completes it
    token_rejected: bool = False  # a 401 stopped the pass: the next pass completes it
    events: list[PassEvent] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Tell whether nothing failed."""
        return self.failed == 0

    def counts(self) -> dict[str, int]:
        """Return the counts as a dict."""
        names = [
            "planned",
            "sent",
            "late",
            "skipped",
            "failed",
            "deactivated",
            "migrated",
            "in_flight",
            "resent_in_flight",
            "throttled",
            "retried",
        ]
        return {name: int(getattr(self, name)) for name in names}

    def summary(self) -> str:
        """Describe the pass in one line."""
        head = f"pass {self.day.isoformat()}" + (
            " (already finished: nothing planned)" if self.already_finished else ""
        )
        if self.stopped:
            head += " (stopped before the end: the next pass completes it)"
        return (
            f"{head}: planned {self.planned}, sent {self.sent} (late {self.late}, "
            f"re-sent in flight {self.resent_in_flight} of {self.in_flight}), "
            f"skipped {self.skipped}, failed {self.failed}, deactivated {self.deactivated}, "
            f"migrated {self.migrated}, 429 answers {self.throttled}, retries {self.retried}"
        )


Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class _Call:
    """When one Bot API call started and when its answer came (None: still in flight)."""

    start: float
    done: float | None = None


class _Dispatcher:
    """Send every open outbox row within Telegram's limits (one pass's sending half)."""

    def __init__(
        self,
        store: StateStore,
        kb: KnowledgeBase,
        today: dt.date,
        sender: Sender,
        report: PassReport,
        pacing: Pacing,
        in_flight: InFlightPolicy,
        clock: Clock,
        sleep: Sleep,
        drain: float = 0.0,
    ) -> None:
        """Prepare empty queues and limiters; ``drain``: how long a stop waits for calls."""
        if pacing.rate <= 0 or pacing.concurrency < 1 or pacing.max_attempts < 1:
            raise ValueError("rate, concurrency and max_attempts must be positive")
        self.store, self.kb, self.today, self.sender = store, kb, today, sender
        self.report, self.pacing, self.policy = report, pacing, in_flight
        self.clock, self.sleep = clock, sleep
        self.entries = {e.id: e for e in dated_deadlines(kb)}
        self.heap: list[tuple[float, int, str]] = []
        self.rows: dict[str, OutboxRow] = {}
        self.seen: set[str] = set()
        self.recovered: set[str] = set()
        self.seq = 0
        self.tasks: set[asyncio.Task[None]] = set()
        self.calling: set[asyncio.Task[Any]] = set()  # sends handed to the Bot API
        self.halt = asyncio.Event()  # set when the token is rejected: nothing more can go
        self.drain = drain
        self.gate = asyncio.Lock()
        self.burst = max(1, int(pacing.rate))
        self.window = self.burst / pacing.rate + pacing.window_margin
        self.gap = SMOOTHING / pacing.rate
        self.calls: deque[_Call] = deque(maxlen=self.burst)
        self.pause_until = float("-inf")
        self.busy: set[int] = set()
        self.last_sent: dict[int, float] = {}
        self.group_sent: dict[int, deque[float]] = {}
        self.attempts: dict[str, int] = {}
        self.throttles: dict[str, int] = {}
        self.dead_chats: set[int] = set()

    def _event(self, outcome: Outcome, row: OutboxRow, detail: str = "") -> None:
        """Record what happened to a row."""
        self.report.events.append(PassEvent(outcome, row.chat_id, row.key, detail))

    def _push(self, key: str, ready_at: float) -> None:
        """Queue a row to be tried no earlier than ready_at."""
        self.seq += 1
        heapq.heappush(self.heap, (ready_at, self.seq, key))

    def _recover(self) -> None:
        """Apply the in-flight policy to rows a killed or cancelled pass left 'sending'."""
        for row in self.store.rows(["sending"]):
            self.report.in_flight += 1
            if self.policy == "resend":
                self.store.release(row.key, "in flight when the last pass stopped")
                self.recovered.add(row.key)
            else:
                reason = "in flight when the last pass stopped; may have arrived: not re-sent"
                self.store.mark_dead(row.key, reason)
                self.report.skipped += 1
                self._event("skipped", row, reason)

    def _load(self) -> bool:
        """Queue open rows not seen in this pass; return whether there were any."""
        now = self.clock()
        found = False
        for row in self.store.rows(["pending", "failed"]):
            if row.key in self.seen:
                continue
            self.seen.add(row.key)
            self.rows[row.key] = row
            self._push(row.key, now)
            found = True
        return found

    def _chat_ready_at(self, chat_id: int, now: float) -> float:
        """Return when the next message to a chat may go (now or later)."""
        if chat_id in self.busy:
            return now + self.pacing.per_chat_interval
        ready = self.last_sent.get(chat_id, float("-inf")) + self.pacing.per_chat_interval
        window = self.group_sent.get(chat_id)
        if chat_id < 0 and window is not None and len(window) >= self.pacing.group_per_minute:
            ready = max(ready, window[0] + 60.0)
        return max(ready, now)

    def _stamp(self, chat_id: int, now: float) -> None:
        """Record a send to a chat for the per-chat and per-group limits."""
        self.last_sent[chat_id] = now
        if chat_id < 0:
            window = self.group_sent.setdefault(
                chat_id, deque(maxlen=max(self.pacing.group_per_minute, 1))
            )
            window.append(now)

    def _undeliverable(self, row: OutboxRow) -> str | None:
        """Return why a row must not be sent any more, or None."""
        if row.chat_id in self.dead_chats:
            return "the chat blocked the bot"
        sub = self.store.subscription(row.chat_id)
        if sub is None or not sub.active:
            return "the chat is not subscribed"
        if row.kind == "reminder":
            if row.deadline_day is not None and row.deadline_day < self.today:
                return "the deadline has passed"
            if row.scheme_id is not None and not sub.covers(row.scheme_id):
                return "the chat no longer follows the scheme"
        return None

    def _text(self, row: OutboxRow) -> tuple[str, bool]:
        """Return the text to send now and whether it goes out late."""
        text, late = row.text, row.late
        entry = self.entries.get(row.deadline_id or "")
        if row.kind == "reminder" and row.planned_day != self.today:
            late = True
            if entry is not None and row.offset is not None and row.due_day is not None:
                text = compose_reminder(
                    self.kb,
                    entry,
                    self.today,
                    row.lang,
                    offset=row.offset,
                    due_day=row.due_day,
                    late=True,
                )
        note = t("reminder.resent", row.lang)
        if row.key in self.recovered and note not in text:
            text += "\n\n" + note
        return text, late

    async def _db(self, func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Run a store call in a worker thread, so an fsync never stalls the event loop."""
        return await asyncio.to_thread(func, *args, **kwargs)

    async def _wait(self, delay: float) -> None:
        """Wait for a delay, or less if a send finishes first."""
        if self.tasks:
            await asyncio.wait(self.tasks, timeout=delay, return_when=asyncio.FIRST_COMPLETED)
        else:
            await self.sleep(delay)

    async def _slot(self) -> None:
        """Wait until the overall rate and any 429 pause allow the next call.

        Telegram counts a message when it arrives, somewhere between the start of our call and
        its answer. So call k starts only once ``int(rate) / rate + window_margin`` seconds (1 s
        at 30/s) have passed since the *answer* to call k - int(rate): no window at the server
        can hold more than ``int(rate)`` messages, whatever the network jitter. Calls are also
        at least half of ``1 / rate`` apart (no bursts), so a late wake-up is caught up. The
        cost is the round trip: about ``rate / (1 + rtt)`` messages a second.
        """
        while True:
            now = self.clock()
            target, waiting = self.pause_until, False
            if self.calls:
                target = max(target, self.calls[-1].start + self.gap)
                if len(self.calls) == self.burst:
                    oldest = self.calls[0]
                    waiting = oldest.done is None
                    answered = now + POLL if oldest.done is None else oldest.done
                    target = max(target, answered + self.window)
            delay = target - now
            if delay <= 0:
                return
            await self.sleep(min(delay, POLL) if waiting else delay)

    async def run(self) -> None:
        """Send every open row; return when none is left to try in this pass."""
        self._recover()
        for row in self.store.supersede():
            self.report.skipped += 1
            self._event("skipped", row, "superseded by a reminder closer to the deadline")
        try:
            while True:
                if not self.heap:
                    if self.tasks:
                        await asyncio.wait(self.tasks, return_when=asyncio.FIRST_COMPLETED)
                    elif not self._load():
                        return
                    continue
                if len(self.tasks) >= self.pacing.concurrency:
                    await asyncio.wait(self.tasks, return_when=asyncio.FIRST_COMPLETED)
                    continue
                now = self.clock()
                ready_at, _, key = self.heap[0]
                if ready_at > now:
                    await self._wait(ready_at - now)
                    continue
                heapq.heappop(self.heap)
                row = self.rows[key]
                chat_at = self._chat_ready_at(row.chat_id, now)
                if chat_at > now:
                    self._push(key, chat_at)
                    continue
                self.busy.add(row.chat_id)
                task = asyncio.create_task(self._deliver(row))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
        finally:
            await self._wind_down()

    async def _wind_down(self) -> None:
        """Cancel the sends not yet handed to the Bot API; give those in flight ``drain`` s.

        A send cancelled before its call releases its row (it is simply sent next time); one
        cancelled during its call stays ``sending`` and the next pass applies the in-flight
        policy. Waiting a moment for the calls in flight keeps that window small on a stop.
        """
        for task in list(self.tasks):
            if task not in self.calling:
                task.cancel()
        calling = [task for task in self.tasks if task in self.calling]
        if calling and self.drain > 0:
            await asyncio.wait(calling, timeout=self.drain)
        for task in list(self.tasks):
            task.cancel()
        if self.tasks:
            await asyncio.gather(*self.tasks, return_exceptions=True)

    async def run_until(self, stop: asyncio.Event | None) -> bool:
        """Run, or stop early when ``stop`` (or a rejected token) says so; return whether the
        pass ran to its end."""
        if stop is not None and stop.is_set():
            return False
        main = asyncio.create_task(self.run())
        stoppers = [asyncio.create_task(e.wait()) for e in (stop, self.halt) if e is not None]
        try:
            await asyncio.wait({main, *stoppers}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for stopper in stoppers:
                stopper.cancel()
            if not main.done():
                main.cancel()
            results = await asyncio.gather(main, return_exceptions=True)
        if main.cancelled():
            return False
        if isinstance(results[0], BaseException):
            raise results[0]
        return not self.halt.is_set()

    async def _claim(self, key: str, text: str) -> bool:
        """Claim a row in a thread; a stop during the commit releases the row it claimed."""
        claim = asyncio.ensure_future(self._db(self.store.claim, key, text))
        try:
            return await asyncio.shield(claim)
        except asyncio.CancelledError:  # the commit goes on in its thread: undo what it claims
            if await claim:
                self.store.release(key, "the pass stopped before sending")
            raise

    async def _deliver(self, row: OutboxRow) -> None:
        """Check and claim one row, send it when its slot comes and record the answer."""
        try:
            reason = await self._db(self._undeliverable, row)
            if reason is not None:
                await self._db(self.store.mark_dead, row.key, reason)
                self.report.skipped += 1
                self._event("skipped", row, reason)
                return
            async with self.gate:
                # Claim (one fsync'd commit, in a thread) while the previous slot runs out,
                # so the commit never lengthens the spacing between calls.
                text, late = self._text(row)
                if not await self._claim(row.key, text):
                    return
                try:
                    await self._slot()
                except asyncio.CancelledError:  # stopped before the call: not in flight
                    self.store.release(row.key, "the pass stopped before sending")
                    raise
                now = self.clock()
                call = _Call(now)
                self.calls.append(call)
                self._stamp(row.chat_id, now)
            # No await between the slot and the call: the spacing is between real calls.
            current = asyncio.current_task()
            if current is not None:
                self.calling.add(current)
            try:
                result = await self.sender.send(row.chat_id, text)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # a sender bug or an unmapped error: retry, never lose
                result = SendResult.transient(f"{type(exc).__name__}: {exc}")
            finally:
                call.done = self.clock()
            await self._handle(row, result, late)
        finally:
            self.busy.discard(row.chat_id)
            self.calling.discard(asyncio.current_task())

    async def _handle(self, row: OutboxRow, result: SendResult, late: bool) -> None:
        """Record the Bot API's answer for a row and decide what comes next."""
        key, report, now = row.key, self.report, self.clock()
        if result.kind == "ok":
            await self._db(self.store.mark_sent, key, result.message_id, self.today)
            report.sent += 1
            report.late += int(late)
            if key in self.recovered:
                report.resent_in_flight += 1
            detail = "late" if late else ""
            if key in self.recovered:
                detail = (detail + ", " if detail else "") + "re-sent after interruption"
            self._event("sent", row, detail)
        elif result.kind == "retry_after":
            report.throttled += 1
            self.pause_until = max(self.pause_until, now + max(result.retry_after, 0.0))
            count = self.throttles[key] = self.throttles.get(key, 0) + 1
            if count > self.pacing.max_throttles:
                await self._db(self.store.mark_failed, key, result.error)
                report.failed += 1
                self._event("failed", row, result.error)
            else:
                await self._db(self.store.release, key, result.error)
                self._push(key, self.pause_until)
        elif result.kind == "blocked":
            self.dead_chats.add(row.chat_id)
            await self._db(self.store.mark_dead, key, result.error)
            if await self._db(self.store.deactivate, row.chat_id):
                report.deactivated += 1
            self._event("deactivated", row, result.error)
        elif result.kind == "chat_migrated" and result.new_chat_id is not None:
            moved = await self._db(self.store.migrate_chat, row.chat_id, result.new_chat_id)
            report.migrated += 1
            self._event("migrated", row, result.error)
            for new_key in moved:
                new_row = self.store.row(new_key)
                if new_row is not None and new_key not in self.seen:
                    self.seen.add(new_key)
                    self.rows[new_key] = new_row
                    if key in self.recovered:
                        self.recovered.add(new_key)
                    self._push(new_key, now)
        elif result.kind == "unauthorized":  # every other call would be refused too
            await self._db(self.store.release, key, result.error)
            report.token_rejected = True
            self.halt.set()
        elif result.kind == "transient":
            count = self.attempts[key] = self.attempts.get(key, 0) + 1
            if count < self.pacing.max_attempts:
                report.retried += 1
                await self._db(self.store.release, key, result.error)
                delay = min(self.pacing.backoff * 2 ** (count - 1), self.pacing.max_backoff)
                self._push(key, now + delay)
            else:
                await self._db(self.store.mark_failed, key, result.error)
                report.failed += 1
                self._event("failed", row, f"{result.error} (kept for the next pass)")
        else:  # bad_request, or a migration without a new id: retrying cannot help
            await self._db(self.store.mark_dead, key, result.error or result.kind)
            report.failed += 1
            self._event("failed", row, result.error or result.kind)


async def _acquire(
    store: StateStore, sleep: Sleep, poll: float, stop: asyncio.Event | None = None
) -> Callable[[], None] | None:
    """Wait for the pass lock; return the function that releases it (None: asked to stop)."""
    lock = store.pass_lock()
    while not lock.acquire():
        if stop is not None and stop.is_set():
            return None
        await sleep(poll)
    return lock.release


#: Seconds a stopped pass waits for the Bot API calls in flight before it cancels them.
STOP_DRAIN = 3.0


async def send_pending(
    store: StateStore,
    kb: KnowledgeBase,
    today: dt.date,
    sender: Sender,
    *,
    pacing: Pacing | None = None,
    in_flight: InFlightPolicy = "resend",
    clock: Clock = time.monotonic,
    sleep: Sleep = asyncio.sleep,
    lock_poll: float = 0.5,
    stop: asyncio.Event | None = None,
    drain: float = STOP_DRAIN,
) -> PassReport:
    """Send every open outbox row (e.g. a confirmed broadcast) without planning reminders."""
    report = PassReport(day=today)
    release = await _acquire(store, sleep, lock_poll, stop)
    if release is None:
        report.stopped = True
        return report
    try:
        dispatcher = _Dispatcher(
            store, kb, today, sender, report, pacing or Pacing(), in_flight, clock, sleep, drain
        )
        report.stopped = not await dispatcher.run_until(stop)
    finally:
        release()
    return report


def pass_due(record: PassRecord | None, now: dt.time, at: dt.time) -> bool:
    """Tell whether a day's pass should run now: its time has come and it has not finished.

    ``now`` is the local time of day (the caller reads the clock), ``at`` the configured
    reminder time; a pass that was started and stopped or killed is due again.
    """
    return now >= at and (record is None or record.status != "finished")


async def run_pass(
    store: StateStore,
    kb: KnowledgeBase,
    today: dt.date,
    sender: Sender,
    *,
    pacing: Pacing | None = None,
    in_flight: InFlightPolicy = "resend",
    clock: Clock = time.monotonic,
    sleep: Sleep = asyncio.sleep,
    lock_poll: float = 0.5,
    stop: asyncio.Event | None = None,
    drain: float = STOP_DRAIN,
) -> PassReport:
    """Plan the reminders for ``today`` (once per day) and send every open outbox row.

    When ``stop`` is set the pass stops soon (within ``drain`` seconds plus a database write):
    no new call is started, the calls in flight get ``drain`` seconds, the day is not marked
    finished, and the next pass of the day completes it from the outbox.
    """
    report = PassReport(day=today)
    release = await _acquire(store, sleep, lock_poll, stop)
    if release is None:
        report.stopped = True
        return report
    try:
        record = store.pass_record(today)
        if record is not None and record.status == "finished":
            report.already_finished = True
        else:
            store.start_pass(today)
            plan = plan_reminders(
                kb, store.subscriptions(active_only=True), today, store.reminder_keys(today)
            )
            inserted = store.enqueue(planned_messages(kb, plan, today))
            report.planned = len(inserted)
        dispatcher = _Dispatcher(
            store, kb, today, sender, report, pacing or Pacing(), in_flight, clock, sleep, drain
        )
        report.stopped = not await dispatcher.run_until(stop)
        if not report.stopped:
            if not report.already_finished:
                store.finish_pass(today, report.counts())
            store.prune(today - dt.timedelta(days=PRUNE_AFTER_DAYS))
    finally:
        release()
    log.info("%s", report.summary())
    return report
