"""No chat holds up the others: a flooding, slow or flood-waited chat waits alone, in order.

Through the real Application, its rate limiter (Telegram's 30 a second, 20 a minute per group)
and the fake server with faults for one chat only.
"""

from __future__ import annotations

import re
import time

import pytest

from handlers.ordering import MAX_BACKLOG, PerChatUpdateProcessor
from handlers.reply import MAX_RETRY_AFTER
from tests.fakebot import USERNAME, FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import BotHarness, running_bot

PRIVATE = 5005
OTHER = 5006
GROUP = -100777
FLOOD = 100  # commands one group sends at once
GROUP_BURST = 20  # Telegram's 20 messages a minute per group: the burst the limiter lets through
QUESTION = "hva får vi i år 3 for 2 årsverk?"


def flood(
    fake: FakeTelegram, chat_id: int, count: int, chat_type: str = "group", start: int = 0
) -> None:
    """Send ``count`` numbered commands (/n0, /n1, …) to the bot in one chat at once."""
    suffix = f"@{USERNAME}" if chat_type != "private" else ""
    for i in range(start, start + count):
        fake.command(chat_id, f"/n{i}{suffix}", chat_type=chat_type, user_id=700 + i % 7)


async def flood_a_group_at_its_limit(fake: FakeTelegram, tg: BotHarness) -> None:
    """Use up a group's burst of 20 replies, then send FLOOD more commands to it at once."""
    flood(fake, GROUP, GROUP_BURST)
    await fake.wait_for_texts(GROUP, GROUP_BURST, timeout=20)
    flood(fake, GROUP, FLOOD, start=GROUP_BURST)
    await fake.wait_for(lambda: processor(tg).waiting_updates == MAX_BACKLOG)


def numbers(texts: list[str]) -> list[int]:
    """Return which numbered command each reply answers ("Ukjent kommando /n7")."""
    return [int(m[1]) for text in texts if (m := re.search(r"/n(\d+)\b", text))]


def calls_to(fake: FakeTelegram, chat_id: int) -> list[float]:
    """Return when each sendMessage to a chat arrived, served or not."""
    calls = fake.requests("sendMessage", delivered=False)
    return [c.at for c in calls if c.fields["chat_id"] == chat_id]


async def answer_time(tg: BotHarness, chat_id: int, text: str = "/hjelp") -> float:
    """Send a text and return the seconds until its reply arrived."""
    started = time.monotonic()
    reply = await tg.say(chat_id, text)
    assert "/beregn" in reply or "kr" in reply
    return time.monotonic() - started


def processor(tg: BotHarness) -> PerChatUpdateProcessor:
    """Return the running bot's update processor."""
    assert isinstance(tg.app.update_processor, PerChatUpdateProcessor)
    return tg.app.update_processor


async def test_a_private_question_is_answered_within_a_second_while_a_group_floods(
    tg: BotHarness,
    fake: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
    record_property: pytest.RecordProperty,
) -> None:
    await flood_a_group_at_its_limit(fake, tg)
    seconds = await answer_time(tg, PRIVATE)
    record_property("private_answer_seconds", round(seconds, 3))
    assert seconds < 1.0
    answered = numbers(fake.texts(GROUP))
    assert answered == list(range(len(answered)))  # in order; the rest waits for its turn
    assert len(answered) < GROUP_BURST + 3  # one more every 3 s
    assert processor(tg).waiting_updates >= MAX_BACKLOG - 1  # the rest of the flood was dropped
    assert "dropped: its chat already has" in caplog.text


async def test_a_slow_group_does_not_hold_up_a_private_chat(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", *[Fault.delay(1.5)] * 30, chat_id=GROUP)
    flood(fake, GROUP, 30)
    await fake.wait_for(lambda: processor(tg).waiting_updates > 0)
    assert await answer_time(tg, PRIVATE) < 1.0
    answered = numbers(fake.texts(GROUP))
    assert answered == list(range(len(answered)))


@pytest.mark.parametrize(
    ("held", "chat_type"),
    [(PRIVATE, "private"), (GROUP, "group")],
    ids=["private chat", "group"],
)
async def test_a_flood_wait_for_one_chat_does_not_delay_another(
    tg: BotHarness, fake: FakeTelegram, held: int, chat_type: str
) -> None:
    fake.fail("sendMessage", Fault.flood(retry_after=3), chat_id=held)
    text = f"@{USERNAME} {QUESTION}" if chat_type == "group" else QUESTION
    fake.send_text(held, text, chat_type=chat_type)
    await fake.wait_for(lambda: calls_to(fake, held))
    assert await answer_time(tg, OTHER) < 1.0
    assert not fake.texts(held)  # still held back
    replies = await fake.wait_for_texts(held, 1, timeout=10)
    assert "880 000 kr" in replies[0]
    refused, served = calls_to(fake, held)  # nothing was sent to it during its wait
    assert served - refused >= 3.0


async def test_a_flood_wait_beyond_the_cap_gives_the_reply_up_at_once_for_that_chat_only(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    wait = int(MAX_RETRY_AFTER) * 60
    fake.fail("sendMessage", Fault.flood(retry_after=wait), chat_id=PRIVATE)
    fake.send_text(PRIVATE, QUESTION)
    await fake.wait_for(lambda: "reply given up, flood control" in caplog.text)
    assert len(calls_to(fake, PRIVATE)) == 1  # neither waited out nor retried
    assert await answer_time(tg, OTHER) < 1.0
    fake.send_text(PRIVATE, "/hjelp")  # while it is held, nothing more is sent to that chat
    await fake.wait_for(lambda: caplog.text.count("reply given up, flood control") == 2)
    assert len(calls_to(fake, PRIVATE)) == 1
    assert not fake.texts(PRIVATE)


async def test_a_chat_s_updates_are_answered_in_the_order_they_arrived(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", Fault.delay(0.5), chat_id=PRIVATE)  # the first answer is slow
    flood(fake, PRIVATE, 15, chat_type="private")
    flood(fake, OTHER, 15, chat_type="private")
    for chat_id in (PRIVATE, OTHER):
        texts = await fake.wait_for_texts(chat_id, 15, timeout=15)
        assert numbers(texts) == list(range(15))


async def test_a_chat_flooding_faster_than_it_is_answered_has_its_backlog_bounded(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    sent = 2 * MAX_BACKLOG
    fake.fail("sendMessage", Fault.delay(1.0), chat_id=PRIVATE)  # the others queue meanwhile
    flood(fake, PRIVATE, sent, chat_type="private")
    await fake.wait_for(lambda: "flooding chat caught up" in caplog.text, timeout=15)
    kept = MAX_BACKLOG + 1  # the one running and those waiting
    assert numbers(fake.texts(PRIVATE)) == list(range(kept))
    assert f"{sent - kept} of its updates were dropped" in caplog.text
    assert "Ukjent kommando /n99" in await tg.say(PRIVATE, "/n99")  # answered again


async def test_stopping_during_a_group_flood_drops_what_waits_instead_of_waiting_minutes(
    fake: FakeTelegram, telegram_settings, shared_core, caplog: pytest.LogCaptureFixture
) -> None:
    async with running_bot(fake, telegram_settings, shared_core) as bot:
        await flood_a_group_at_its_limit(fake, bot)
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 6.0  # the update running waits 3 s for its turn at most
    assert re.search(r"Stopping: \d+ updates that were still waiting are dropped", caplog.text)
