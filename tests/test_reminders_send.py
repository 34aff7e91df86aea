"""Sending a reminder pass: once, within Telegram's limits, through every kind of failure.

Pacing runs on a fake monotonic clock (sleeping advances it), so limits measured in seconds
and minutes are checked exactly and the tests take milliseconds.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from collections.abc import Iterable

import pytest

from bot.reminders import (
    InFlightPolicy,
    NotAdmin,
    Pacing,
    PassReport,
    SendResult,
    confirm_broadcast,
    plan_reminders,
    planned_messages,
    prepare_broadcast,
    run_pass,
    send_pending,
)
from bot.state import ALL, StateStore
from bot.statedb import StateDb
from bot.texts import t
from knowledge.kb import KnowledgeBase

RUS = "kommunalt-rusarbeid"
RUS_2022 = "kommunalt-rusarbeid:2022:application:ukjent-statsforvalter"  # 15 February 2022
SINCE = dt.date(2022, 1, 20)
DAY14 = dt.date(2022, 2, 1)  # 14 days before 15 February 2022
DAY7 = dt.date(2022, 2, 8)


class FakeClock:
    """A monotonic clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        """Start at an arbitrary time."""
        self.now = 1000.0

    def __call__(self) -> float:
        """Return the current fake time."""
        return self.now

    async def sleep(self, seconds: float) -> None:
        """Advance the clock instead of waiting."""
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)


class FakeSender:
    """Record every call; answer from a per-chat script first, then 'ok'."""

    def __init__(self, clock: FakeClock, script: dict[int, list[SendResult]] | None = None) -> None:
        """Start with no calls."""
        self.clock = clock
        self.script = {chat: list(results) for chat, results in (script or {}).items()}
        self.calls: list[tuple[float, int, str]] = []
        self.delivered: list[tuple[int, str]] = []

    async def send(self, chat_id: int, html: str) -> SendResult:
        """Answer the next scripted result for the chat, or deliver."""
        self.calls.append((self.clock(), chat_id, html))
        if self.script.get(chat_id):
            return self.script[chat_id].pop(0)
        self.delivered.append((chat_id, html))
        return SendResult.ok(len(self.delivered))

    def times(self, chat_id: int | None = None) -> list[float]:
        """Return the call times (to one chat)."""
        return [t for t, chat, _ in self.calls if chat_id is None or chat == chat_id]


@pytest.fixture
def store(state_db: StateDb) -> StateStore:
    """Open a fresh state database."""
    return StateStore(state_db)


@pytest.fixture
def clock() -> FakeClock:
    """Return a fresh fake clock."""
    return FakeClock()


def subscribe(store: StateStore, chats: Iterable[int]) -> None:
    """Subscribe chats to Kommunalt rusarbeid since SINCE."""
    for chat in chats:
        store.subscribe(chat, [RUS], SINCE)


def status(store: StateStore, key: str) -> str:
    """Return the outbox status of a row."""
    row = store.row(key)
    assert row is not None
    return row.status


async def run(
    store: StateStore,
    kb: KnowledgeBase,
    day: dt.date,
    sender: FakeSender,
    clock: FakeClock,
    pacing: Pacing | None = None,
    in_flight: InFlightPolicy = "resend",
) -> PassReport:
    """Run a pass on the fake clock."""
    return await run_pass(
        store, kb, day, sender, pacing=pacing, in_flight=in_flight, clock=clock, sleep=clock.sleep
    )


async def test_a_pass_sends_every_planned_reminder_once(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2, 3])
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.planned, report.sent, report.failed, report.late) == (3, 3, 0, 0)
    assert sorted(chat for chat, _ in sender.delivered) == [1, 2, 3]
    assert {r.status for r in store.rows()} == {"sent"}
    assert sorted(r.message_id or 0 for r in store.rows()) == [1, 2, 3]
    record = store.pass_record(DAY14)
    assert record is not None and record.status == "finished"


async def test_running_a_finished_day_again_plans_and_sends_nothing(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2])
    sender = FakeSender(clock)
    await run(store, kb, DAY14, sender, clock)
    again = await run(store, kb, DAY14, sender, clock)
    assert again.already_finished and (again.planned, again.sent) == (0, 0)
    assert len(sender.calls) == 2
    record = store.pass_record(DAY14)
    assert record is not None and record.runs == 1


async def test_a_pass_stopped_after_planning_sends_only_what_is_left(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2, 3])
    store.start_pass(DAY14)
    store.enqueue(planned_messages(kb, plan_reminders(kb, store.subscriptions(), DAY14), DAY14))
    store.mark_sent(f"2|{RUS_2022}|14", 99, DAY14)
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.planned, report.sent) == (0, 2)
    assert sorted(chat for chat, _ in sender.delivered) == [1, 3]


@pytest.mark.parametrize(
    ("down", "expected"),
    [
        (
            set(),
            [
                ("2022-02-01", "om 14 dager"),
                ("2022-02-08", "om 7 dager"),
                ("2022-02-14", "i morgen"),
            ],
        ),
        (
            {dt.date(2022, 2, 1), dt.date(2022, 2, 2)},
            [
                ("2022-02-03", "Sendt for sent"),
                ("2022-02-08", "om 7 dager"),
                ("2022-02-14", "i morgen"),
            ],
        ),
    ],
    ids=["every-day", "down-two-days"],
)
async def test_daily_passes_over_a_season_send_each_reminder_on_its_day(
    store: StateStore,
    kb: KnowledgeBase,
    clock: FakeClock,
    down: set[dt.date],
    expected: list[tuple[str, str]],
) -> None:
    subscribe(store, [1])
    sender = FakeSender(clock)
    got: list[tuple[str, str]] = []
    day = SINCE
    while day <= dt.date(2022, 3, 1):
        if day not in down:
            before = len(sender.delivered)
            await run(store, kb, day, sender, clock)
            got += [(day.isoformat(), html) for _, html in sender.delivered[before:]]
        day += dt.timedelta(days=1)
    assert [d for d, _ in got] == [d for d, _ in expected]
    for (_, html), (_, phrase) in zip(got, expected, strict=True):
        assert phrase in html
    # subscribed on 20 January, after the 30-day reminder was due: that one is not owed


async def test_retry_after_pauses_every_send_for_the_time_asked_then_sends(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2, 3])
    sender = FakeSender(clock, {1: [SendResult.throttled(5)]})
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.throttled, report.sent, report.failed) == (1, 3, 0)
    throttled_at, *later = sender.times()  # chat 1 is first and gets the 429
    assert len(later) == 3 and min(later) >= throttled_at + 5  # every chat waited
    assert sorted(chat for chat, _ in sender.delivered) == [1, 2, 3]


async def test_a_chat_that_blocked_the_bot_is_deactivated_and_gets_nothing_more(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2])
    sender = FakeSender(clock, {2: [SendResult.blocked()]})
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.sent, report.deactivated, report.failed) == (1, 1, 0)
    assert report.ok
    sub = store.subscription(2)
    assert sub is not None and not sub.active
    assert status(store, f"2|{RUS_2022}|14") == "dead"
    later = await run(store, kb, DAY7, sender, clock)
    assert later.sent == 1 and [c for c, _ in sender.delivered] == [1, 1]


async def test_transient_errors_are_retried_with_growing_backoff_then_sent(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1])
    errors = [SendResult.transient("502"), SendResult.transient("timeout")]
    sender = FakeSender(clock, {1: errors})
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.retried, report.sent, report.failed) == (2, 1, 0)
    t0, t1, t2 = sender.times()
    assert t1 - t0 >= 1.0 and t2 - t1 >= 2.0


async def test_a_sender_that_raises_is_treated_as_a_transient_error(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    class Flaky(FakeSender):
        async def send(self, chat_id: int, html: str) -> SendResult:
            if not self.calls:
                self.calls.append((self.clock(), chat_id, html))
                raise ConnectionResetError("reset by peer")
            return await super().send(chat_id, html)

    subscribe(store, [1])
    report = await run(store, kb, DAY14, Flaky(clock), clock)
    assert (report.retried, report.sent) == (1, 1)


async def test_rows_that_keep_failing_are_kept_and_sent_late_in_the_next_pass(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1])
    sender = FakeSender(clock, {1: [SendResult.transient("down")] * 3})
    report = await run(store, kb, DAY14, sender, clock, pacing=Pacing(max_attempts=3))
    assert (report.sent, report.failed, report.ok) == (0, 1, False)
    assert status(store, f"1|{RUS_2022}|14") == "failed"
    nxt = await run(store, kb, DAY14 + dt.timedelta(days=1), sender, clock)
    assert (nxt.sent, nxt.late, nxt.failed) == (1, 1, 0)
    html = sender.delivered[0][1]
    assert "om 13 dager" in html and "Sendt for sent" in html


async def test_a_bad_request_fails_once_and_is_not_retried(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1])
    sender = FakeSender(clock, {1: [SendResult.bad_request("400 chat not found")]})
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.failed, report.sent, len(sender.calls)) == (1, 0, 1)
    assert status(store, f"1|{RUS_2022}|14") == "dead"
    await run(store, kb, DAY14 + dt.timedelta(days=1), sender, clock)
    assert len(sender.calls) == 1


async def test_a_group_that_became_a_supergroup_gets_its_reminder_at_the_new_id(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [-5])
    sender = FakeSender(clock, {-5: [SendResult.migrated(-1005)]})
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.migrated, report.sent, report.failed) == (1, 1, 0)
    assert [chat for chat, _ in sender.delivered] == [-1005]
    assert store.subscription(-5) is None and store.subscription(-1005) is not None


async def test_messages_to_one_chat_are_a_second_apart_while_others_go_in_between(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    for chat in (1, 2):  # 14-day reminders of two schemes plus the NAV deadline that day
        store.subscribe(chat, ALL, SINCE)
        store.set_offsets(chat, [14, 0], SINCE)
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert report.sent == 6
    for chat in (1, 2):
        times = sender.times(chat)
        assert len(times) == 3
        assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))
    assert max(sender.times()) - min(sender.times()) < 2.5  # interleaved, not 5 s in a row


async def test_a_group_chat_gets_at_most_twenty_messages_a_minute(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [-7])
    admins = {99}
    for n in range(25):
        broadcast, _ = prepare_broadcast(store, admins, 99, f"melding {n}", DAY14)
        confirm_broadcast(store, admins, 99, broadcast.id, DAY14)
    sender = FakeSender(clock)
    report = await send_pending(store, kb, DAY14, sender, clock=clock, sleep=clock.sleep)
    assert report.sent == 25
    times = sender.times(-7)
    assert all(times[i + 20] - times[i] >= 60.0 for i in range(len(times) - 20))


async def test_the_overall_rate_never_exceeds_thirty_messages_in_any_second(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, range(1, 121))
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert report.sent == 120
    times = sender.times()
    assert all(times[i + 30] - times[i] >= 1.0 - 1e-9 for i in range(len(times) - 30))
    assert all(b - a >= 0.5 / 30 - 1e-9 for a, b in itertools.pairwise(times))  # no bursts
    assert 119 / (times[-1] - times[0]) > 29.5  # and the windows above keep it under 30/s


async def test_rows_left_sending_by_a_killed_pass_are_resent_once_and_counted(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2, 3])
    store.start_pass(DAY14)
    store.enqueue(planned_messages(kb, plan_reminders(kb, store.subscriptions(), DAY14), DAY14))
    store.mark_sent(f"1|{RUS_2022}|14", 1, DAY14)  # confirmed before the kill
    assert store.claim(f"2|{RUS_2022}|14", "text")  # in flight at the kill
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.in_flight, report.resent_in_flight, report.sent) == (1, 1, 2)
    delivered = dict(sender.delivered)
    assert sorted(delivered) == [2, 3]
    note = t("reminder.resent")
    assert note in delivered[2] and note not in delivered[3]


async def test_the_skip_policy_never_resends_what_was_in_flight(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2])
    store.start_pass(DAY14)
    store.enqueue(planned_messages(kb, plan_reminders(kb, store.subscriptions(), DAY14), DAY14))
    assert store.claim(f"2|{RUS_2022}|14", "text")
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock, in_flight="skip")
    assert (report.in_flight, report.resent_in_flight, report.skipped, report.sent) == (1, 0, 1, 1)
    assert [chat for chat, _ in sender.delivered] == [1]
    assert status(store, f"2|{RUS_2022}|14") == "dead"


async def test_a_chat_that_unsubscribed_before_sending_gets_nothing(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2])
    store.enqueue(planned_messages(kb, plan_reminders(kb, store.subscriptions(), DAY14), DAY14))
    store.unsubscribe(2)
    sender = FakeSender(clock)
    report = await run(store, kb, DAY14, sender, clock)
    assert (report.sent, report.skipped) == (1, 1)
    assert [chat for chat, _ in sender.delivered] == [1]


async def test_a_failed_reminder_is_dropped_once_its_deadline_has_passed(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1])
    sender = FakeSender(clock, {1: [SendResult.transient("down")]})
    await run(store, kb, DAY14, sender, clock, pacing=Pacing(max_attempts=1))
    store.set_offsets(1, [14], DAY14)  # no newer reminder for this deadline
    report = await run(store, kb, dt.date(2022, 2, 16), sender, clock)
    assert (report.sent, report.skipped) == (0, 1)
    row = store.row(f"1|{RUS_2022}|14")
    assert row is not None and (row.status, row.last_error) == ("dead", "the deadline has passed")


async def test_an_older_failed_reminder_gives_way_to_a_newer_one_for_the_same_deadline(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1])
    sender = FakeSender(clock, {1: [SendResult.transient("down")]})
    await run(store, kb, DAY14, sender, clock, pacing=Pacing(max_attempts=1))
    report = await run(store, kb, DAY7, sender, clock)
    assert (report.sent, report.skipped) == (1, 1)
    assert "om 7 dager" in sender.delivered[0][1]


async def test_two_passes_started_together_never_send_twice(
    store: StateStore, kb: KnowledgeBase
) -> None:
    subscribe(store, range(1, 21))
    clock = FakeClock()
    sender = FakeSender(clock)
    pacing = Pacing(rate=1000.0)
    first, second = await asyncio.gather(
        run_pass(store, kb, DAY14, sender, pacing=pacing, lock_poll=0.001),
        run_pass(store, kb, DAY14, sender, pacing=pacing, lock_poll=0.001),
    )
    assert sorted([first.sent, second.sent]) == [0, 20]
    assert len(sender.delivered) == 20


async def test_a_confirmed_announcement_reaches_every_active_subscriber_once(
    store: StateStore, kb: KnowledgeBase, clock: FakeClock
) -> None:
    subscribe(store, [1, 2, 3])
    store.set_lang(3, "en")
    store.deactivate(2)
    admins = {500}
    broadcast, preview = prepare_broadcast(store, admins, 500, "Nytt <skjema> ute", DAY14)
    assert preview == "📢 <b>Kunngjøring</b>\n\nNytt &lt;skjema&gt; ute"
    assert confirm_broadcast(store, admins, 500, broadcast.id, DAY14) == 2
    assert confirm_broadcast(store, admins, 500, broadcast.id, DAY14) == 0  # a double click
    sender = FakeSender(clock)
    report = await send_pending(store, kb, DAY14, sender, clock=clock, sleep=clock.sleep)
    assert report.sent == 2
    assert sorted(sender.delivered) == [
        (1, preview),
        (3, "📢 <b>Announcement</b>\n\nNytt &lt;skjema&gt; ute"),
    ]
    (audit,) = store.broadcasts()
    assert (audit.admin_id, audit.confirmed_by, audit.confirmed, audit.recipients) == (
        500,
        500,
        DAY14,
        2,
    )


@pytest.mark.parametrize("step", ["prepare", "confirm"])
def test_only_admins_may_announce(store: StateStore, step: str) -> None:
    admins = {500}
    if step == "prepare":
        with pytest.raises(NotAdmin):
            prepare_broadcast(store, admins, 501, "hei", DAY14)
    else:
        broadcast, _ = prepare_broadcast(store, admins, 500, "hei", DAY14)
        with pytest.raises(NotAdmin):
            confirm_broadcast(store, admins, 501, broadcast.id, DAY14)
    assert store.rows() == []


@pytest.mark.parametrize("text", ["", "   ", "x" * 4100])
def test_an_empty_or_too_long_announcement_is_refused(store: StateStore, text: str) -> None:
    with pytest.raises(ValueError):
        prepare_broadcast(store, {1}, 1, text, DAY14)
