"""Faults injected by the fake server: the bot survives each and loses no answer it can deliver."""

from __future__ import annotations

import logging
import threading
import time

import pytest

from bot.bootstrap import build_core
from bot.texts import t
from handlers.app import build_application
from tests.fakebot import TOKEN, FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import BotHarness, running_bot

CHAT = 4004
QUESTION = "hva får vi i år 3 for 2 årsverk?"


def delivered(fake: FakeTelegram, chat_id: int) -> int:
    """Count the messages a chat really received."""
    return len(fake.texts(chat_id))


async def test_flood_control_429_is_waited_out_and_the_answer_arrives_once(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", Fault.flood(retry_after=1))
    started = time.monotonic()
    assert "880 000 kr" in await tg.say(CHAT, QUESTION)
    assert time.monotonic() - started >= 1.0  # retry_after was respected
    assert len(fake.requests("sendMessage", delivered=False)) == 2
    assert delivered(fake, CHAT) == 1


@pytest.mark.parametrize("fault", [Fault.server_error(500), Fault.server_error(502), Fault.drop()])
async def test_a_server_error_or_dropped_connection_is_retried_and_the_answer_arrives_once(
    tg: BotHarness, fake: FakeTelegram, fault: Fault
) -> None:
    fake.fail("sendMessage", fault)
    assert "880 000 kr" in await tg.say(CHAT, QUESTION)
    assert len(fake.requests("sendMessage", delivered=False)) == 2
    assert delivered(fake, CHAT) == 1


async def test_a_slow_reply_in_one_chat_does_not_hold_up_another(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    gate = threading.Event()
    held = Fault.hold(gate)
    fake.fail("sendMessage", held, chat_id=CHAT)  # held until the other chat is answered
    fake.send_text(CHAT, QUESTION)
    assert held.entered is not None
    try:
        await fake.wait_for(held.entered.is_set)
        other = await tg.say(CHAT + 1, "/hjelp")
        assert "/beregn" in other
        assert delivered(fake, CHAT) == 0  # still on its way
    finally:
        gate.set()
    texts = await fake.wait_for_texts(CHAT, 1, timeout=15)
    assert "880 000 kr" in texts[0]
    assert delivered(fake, CHAT) == 1


async def test_a_blocked_user_403_is_logged_and_the_bot_carries_on(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("sendMessage", Fault.forbidden())
    fake.send_text(CHAT, QUESTION)
    await fake.wait_for(lambda: fake.requests("sendMessage", delivered=False))
    assert "/beregn" in await tg.say(CHAT + 1, "/hjelp")
    await fake.wait_for(lambda: "refused the reply (Forbidden)" in caplog.text)
    assert len(fake.requests("sendMessage", delivered=False)) == 2  # no retry, no apology to CHAT
    assert delivered(fake, CHAT) == 0


async def test_failures_in_get_updates_are_survived(tg: BotHarness, fake: FakeTelegram) -> None:
    fake.fail("getUpdates", Fault.drop())  # PTB backs off for a second, then polls again
    text = await tg.say(CHAT, QUESTION)
    assert "880 000 kr" in text
    assert delivered(fake, CHAT) == 1


async def test_a_late_button_acknowledgement_does_not_lose_the_answer(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/start")
    fake.fail("answerCallbackQuery", Fault.bad_request("Bad Request: query is too old"))
    text = await tg.press(CHAT, "Hjelp")
    assert "/beregn" in text
    assert t("sorry") not in fake.texts(CHAT)


async def test_an_answer_that_cannot_be_delivered_is_given_up_after_three_tries(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("sendMessage", *[Fault.server_error()] * 3)
    fake.send_text(CHAT, QUESTION)
    apology = await fake.wait_for_texts(CHAT, 1)
    assert apology == [t("sorry")]  # the error handler answered politely once sending works again
    assert len(fake.requests("sendMessage", delivered=False)) == 4
    assert "NetworkError" in caplog.text


async def test_commands_that_cannot_be_registered_do_not_stop_the_bot(
    fake: FakeTelegram, telegram_settings, shared_core, caplog: pytest.LogCaptureFixture
) -> None:
    fake.fail("setMyCommands", *[Fault.server_error()] * 3)
    async with running_bot(fake, telegram_settings, shared_core) as bot:
        assert "/beregn" in await bot.say(CHAT, "/hjelp")
    assert "Could not register the commands: NetworkError" in caplog.text


async def test_the_token_never_reaches_the_logs_even_at_debug_level(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # PTB, aiohttp and asyncio log everything they have
    fake.fail("getUpdates", Fault.drop())  # the polling error is logged with its message
    fake.fail("sendMessage", Fault.drop())
    assert "/beregn" in await tg.say(CHAT, "/hjelp")
    calls = [
        r for r in caplog.records if r.levelno == logging.DEBUG and "sendMessage" in r.getMessage()
    ]
    assert calls  # PTB did log its Bot API calls
    assert "ServerDisconnectedError" in caplog.text  # and the transport's errors
    assert TOKEN not in caplog.text


async def test_a_rejected_token_is_reported_without_the_token(
    fake: FakeTelegram, telegram_settings, shared_core, caplog: pytest.LogCaptureFixture
) -> None:
    from telegram.error import InvalidToken

    # This server expects another token, so it rejects the bot's with 401 (InvalidToken),
    # whose message quotes the bot's token.
    wrong = FakeTelegram(token="987654321:AAF-another-fake-token-xyz").start()
    try:
        settings = telegram_settings.model_copy(update={"telegram_api_base_url": wrong.base_url})
        with build_core(settings, shared_core) as core:
            app = build_application(core)
            with pytest.raises(InvalidToken) as raised:
                await app.initialize()
            await app.bot.request.shutdown()  # PTB does not shut down what failed to initialise
        logging.getLogger("test").error("start failed", exc_info=raised.value)
    finally:
        wrong.stop()
    assert "start failed" in caplog.text and "[REDACTED]" in caplog.text
