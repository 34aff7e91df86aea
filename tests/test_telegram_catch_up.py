"""The day's reminder pass is caught up after a late start or an outage, and stops on time.

The real Application runs against the fake Bot API server with a state.db of its own and an
injected local clock; nothing calls the job by hand: what the bot does at start is tested.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import signal
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.engine import Engine
from bot.reminders import compose_broadcast, compose_reminder, confirm_broadcast, dated_deadlines
from bot.state import StateStore
from bot.statedb import open_state
from handlers.subscriptions import CATCH_UP_JOB
from tests.fakebot import FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, make_settings, running_bot
from tests.test_telegram_app import bot_process

OSLO = ZoneInfo("Europe/Oslo")
DAY = dt.date(2022, 2, 1)  # 14 days before the application deadline of 15 February 2022
RUS = "kommunalt-rusarbeid"
CHAT = 5001


def at(hour: int, minute: int = 0) -> dt.datetime:
    """Return a local time on DAY."""
    return dt.datetime.combine(DAY, dt.time(hour, minute), OSLO)


def subscribe(data: Path, chats: list[int]) -> None:
    """Subscribe chats to Kommunalt rusarbeid well before DAY, as an earlier run would have."""
    with open_state(data / "state.db") as db:
        store = StateStore(db)
        for chat in chats:
            store.subscribe(chat, {RUS}, DAY - dt.timedelta(days=20))


def expected_reminder(engine: Engine) -> str:
    """Return the 14-day reminder of the rusarbeid deadline, as sent on DAY."""
    kb = engine.kb
    entry = next(
        e for e in dated_deadlines(kb) if e.id == f"{RUS}:2022:application:ukjent-statsforvalter"
    )
    return compose_reminder(kb, entry, DAY, "nb", offset=14, due_day=DAY, late=False)


@pytest.fixture
def settings(fake: FakeTelegram, state_dir: Path) -> Settings:
    """Settings for DAY with the default reminder time, 09:00."""
    return make_settings(fake, state_dir, TILSKUDDSBOT_TODAY=DAY.isoformat())


async def test_a_bot_started_after_the_reminder_time_sends_the_due_reminder_at_start(
    fake: FakeTelegram,
    settings: Settings,
    state_dir: Path,
    shared_core: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    subscribe(state_dir, [CHAT])
    started = time.monotonic()
    async with running_bot(fake, settings, shared_core, clock=lambda: at(10, 30)) as tg:
        [text] = await fake.wait_for_texts(CHAT, 1, timeout=10)
        caught_up = time.monotonic() - started
        assert text == expected_reminder(tg.engine)
        record = await fake.wait_for(
            lambda: (r := tg.core.state.pass_record(DAY)) and r.status == "finished" and r
        )
    assert record.counts["sent"] == 1
    assert "not finished at 10:30 (due at 09:00): running it now" in caplog.text
    assert "Reminder pass caught up in" in caplog.text
    assert caught_up < 5, f"the reminder arrived {caught_up:.2f} s after the start"
    logging.getLogger(__name__).warning("catch-up after a late start: %.2f s", caught_up)

    async with running_bot(fake, settings, shared_core, clock=lambda: at(11)) as again:
        await again.say(CHAT + 1, "/hjelp")  # the bot is up: its catch-up check ran at start
        [job] = again.app.job_queue.get_jobs_by_name(CATCH_UP_JOB)
        await job.run(again.app)  # and once more
        await asyncio.sleep(0.5)
    assert fake.texts(CHAT) == [text], "a finished day is never sent twice"


async def test_before_the_reminder_time_nothing_is_sent_and_the_check_catches_up_later(
    fake: FakeTelegram, settings: Settings, state_dir: Path, shared_core: Engine
) -> None:
    subscribe(state_dir, [CHAT])
    now = [at(8, 59)]
    async with running_bot(fake, settings, shared_core, clock=lambda: now[0]) as tg:
        await tg.say(CHAT + 1, "/hjelp")
        [job] = tg.app.job_queue.get_jobs_by_name(CATCH_UP_JOB)
        await job.run(tg.app)
        assert fake.texts(CHAT) == []
        assert tg.core.state.pass_record(DAY) is None

        now[0] = at(13, 5)  # e.g. the Bot API was unreachable, or the machine slept, at 09:00
        await job.run(tg.app)
        assert await fake.wait_for_texts(CHAT, 1, timeout=10) == [expected_reminder(tg.engine)]


async def test_a_stop_during_a_pass_returns_within_seconds_and_the_next_start_completes_it(
    fake: FakeTelegram, settings: Settings, state_dir: Path, shared_core: Engine
) -> None:
    chats = list(range(7001, 7121))
    subscribe(state_dir, chats)
    fake.fail("sendMessage", *[Fault.delay(0.25)] * len(chats))  # a slow Telegram: ~16/s
    bot = running_bot(fake, settings, shared_core, clock=lambda: at(9, 30))
    await bot.__aenter__()
    await fake.wait_for(lambda: len(fake.texts()) >= 20, timeout=15)
    stopping = time.monotonic()
    await bot.__aexit__(None, None, None)  # what SIGTERM does: stop the updater, the app
    stop_took = time.monotonic() - stopping
    first = len(fake.texts())
    logging.getLogger(__name__).warning(
        "stop during a pass: %.2f s, %d of %d sent before it", stop_took, first, len(chats)
    )
    assert stop_took < 5, f"the stop took {stop_took:.1f} s"
    assert first < len(chats), "the pass was stopped before its end"
    with open_state(state_dir / "state.db") as db:
        store = StateStore(db)
        record = store.pass_record(DAY)
        assert record is not None and record.status == "started"
        assert store.counts().get("sending", 0) == 0, "the calls in flight were let finish"

    async with running_bot(fake, settings, shared_core, clock=lambda: at(9, 45)) as tg:
        await fake.wait_for(lambda: len(fake.texts()) >= len(chats), timeout=30)
        await fake.wait_for(
            lambda: getattr(tg.core.state.pass_record(DAY), "status", "") == "finished"
        )
    received = [int(f["chat_id"]) for f in fake.sent()]
    assert sorted(received) == chats, "every chat got its reminder exactly once"


def test_tilskuddsbot_run_started_late_sends_at_once_and_a_sigterm_mid_pass_stops_in_time(
    fake: FakeTelegram, state_dir: Path
) -> None:
    chats = list(range(8001, 8101))
    subscribe(state_dir, chats)
    env = {
        "TILSKUDDSBOT_DATA_DIR": str(state_dir),
        "TILSKUDDSBOT_TODAY": DAY.isoformat(),
        "TILSKUDDSBOT_REMINDER_TIME": "00:00",  # whenever this runs, the time has come
    }
    fake.fail("sendMessage", *[Fault.delay(0.25)] * len(chats))
    with bot_process(fake, **env) as process:
        fake.wait_for_sync(lambda: len(fake.texts()) >= 10, timeout=60)
        stopping = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
        stop_took = time.monotonic() - stopping
    assert process.returncode == 0, stderr
    assert stop_took < 10, f"SIGTERM took {stop_took:.1f} s (Docker kills after 10 s)"
    assert "Reminder pass stopped; the next start completes it" in stderr
    first = len(fake.texts())
    assert first < len(chats)
    logging.getLogger(__name__).warning(
        "tilskuddsbot run: SIGTERM mid-pass stopped in %.2f s after %d of %d",
        stop_took,
        first,
        len(chats),
    )

    with bot_process(fake, **env) as process:
        fake.wait_for_sync(lambda: len(fake.texts()) >= len(chats), timeout=60)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0, stderr
    assert sorted(int(f["chat_id"]) for f in fake.sent()) == chats
    assert "Unclosed" not in stderr


async def test_an_announcement_left_in_the_outbox_by_a_stop_is_sent_at_the_next_start(
    fake: FakeTelegram, settings: Settings, state_dir: Path, shared_core: Engine
) -> None:
    chats = [CHAT, CHAT + 1, CHAT + 2]
    subscribe(state_dir, chats)
    with open_state(state_dir / "state.db") as db:
        store = StateStore(db)
        store.start_pass(DAY)
        store.finish_pass(DAY, {})  # the day's reminders went out this morning
        broadcast = store.create_broadcast(ADMIN_ID, "Husk fristen.", DAY)
        queued = confirm_broadcast(store, {ADMIN_ID}, ADMIN_ID, broadcast.id, DAY)
        assert queued == 3  # confirmed, then the bot was stopped before it sent them
    async with running_bot(fake, settings, shared_core, clock=lambda: at(14)):
        await fake.wait_for(lambda: len(fake.texts()) == 3, timeout=10)
    assert sorted(int(f["chat_id"]) for f in fake.sent()) == chats
    assert set(fake.texts()) == {compose_broadcast("Husk fristen.", "nb")}
