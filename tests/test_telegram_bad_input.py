"""Bad input through the fake server: each gets a sensible reply or is ignored, never a crash."""

from __future__ import annotations

import logging
import re

import pytest

from bot.texts import t
from handlers.chat import strip_mention
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, BotHarness

CHAT = 2002


def logged(caplog: pytest.LogCaptureFixture) -> str:
    """Return what is logged at the running level (INFO and up), messages and tracebacks."""
    records = [r for r in caplog.records if r.levelno >= logging.INFO]
    return "\n".join(r.getMessage() + (r.exc_text or "") for r in records)


async def test_a_10000_character_message_gets_a_reply_within_telegrams_limit(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    text = await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk? " + "bla " * 2500)
    assert 0 < len(text) <= 4096


async def test_a_4096_character_message_of_markup_is_escaped(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, ("<b>" * 1366)[:4096])
    await tg.say(CHAT, "/faq " + "<script>alert(1)</script>&" * 100)
    for text in fake.texts(CHAT):
        assert len(text) <= 4096
        assert set(re.findall(r"</?([a-z]+)", text)) <= {"b", "i"}


async def test_markup_injection_is_escaped_everywhere(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "<b>hei</b><script>")
    await tg.say(CHAT, "/faq <b>hei</b><script>")
    await tg.say(CHAT, "/ordninger <b>hei</b><script>")
    fake.inline_query("<b>hei</b><script>")
    await fake.wait_for(lambda: fake.requests("answerInlineQuery"))
    texts = fake.texts(CHAT)
    assert any("&lt;script&gt;" in t for t in texts)
    assert not any("<script>" in t for t in texts)
    for result in fake.requests("answerInlineQuery")[0].fields["results"]:
        assert "<script>" not in result["input_message_content"]["message_text"]


async def test_stickers_photos_and_voice_get_a_polite_reply(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    for kind in ("sticker", "photo", "voice"):
        fake.send_media(CHAT, kind)
    texts = await fake.wait_for_texts(CHAT, 3)
    assert texts == [t("only_text")] * 3


async def test_an_edited_message_is_ignored(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    fake.edit_text(tg.last or {}, "hva får vi i år 4 for 2 årsverk?")
    fake.edit_text(tg.last or {}, "/hjelp")
    text = await tg.say(CHAT, "/kilde")  # same chat, handled in order after the edits
    assert "Kildene bak siste svar" in text
    assert len(fake.texts(CHAT)) == 2


async def test_an_unknown_command_gets_a_hint(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/finnesikke hei")
    assert "Ukjent kommando /finnesikke" in text and "/hjelp" in text


async def test_malformed_updates_are_skipped_and_the_bot_carries_on(
    tg: BotHarness, fake: FakeTelegram, caplog: pytest.LogCaptureFixture
) -> None:
    fake.push({})  # only an update_id
    fake.push({"message": {"text": "no chat, no date"}})
    fake.push({"message": "not an object"})
    fake.push({"callback_query": {"id": "1"}})
    fake.push({"message": {"message_id": 1, "date": 0, "chat": {"id": CHAT}, "text": "hemmelig"}})
    text = await tg.say(CHAT, "/hjelp")
    assert "/beregn" in text
    assert len(fake.texts(CHAT)) == 1
    skipped = [r for r in caplog.records if "malformed update" in r.getMessage()]
    assert len(skipped) == 4
    assert "hemmelig" not in logged(caplog)  # the raw update (personal data) is never logged


async def test_an_empty_mention_in_a_group_gets_help(tg: BotHarness, fake: FakeTelegram) -> None:
    text = await tg.say(-300, "@tilskudd_test_bot", user_id=7, chat_type="group")
    assert "/beregn" in text


def test_strip_mention_removes_only_the_bots_name() -> None:
    assert (
        strip_mention("@Tilskudd_Test_Bot hva er fristen?", "tilskudd_test_bot")
        == "hva er fristen?"
    )
    assert (
        strip_mention("spør @tilskudd_test_botten", "tilskudd_test_bot")
        == "spør @tilskudd_test_botten"
    )


async def test_admin_only_status_refuses_everyone_else(tg: BotHarness, fake: FakeTelegram) -> None:
    refused = await tg.say(CHAT, "/status")
    assert refused == t("admins_only")
    group = await tg.say(-400, "/status", user_id=CHAT, chat_type="group")
    assert group == t("admins_only")


async def test_admin_only_status_serves_an_admin(tg: BotHarness) -> None:
    text = await tg.say(ADMIN_ID, "/status")
    kb = tg.engine.kb
    assert "<b>Status</b>" in text
    assert kb.version in text and f"{len(kb.schemes)} ordninger" in text


async def test_an_error_in_the_core_is_logged_without_personal_data_and_apologised_for(
    tg: BotHarness,
    fake: FakeTelegram,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str, *args: object, **kwargs: object) -> None:
        raise ValueError(f"could not read {text}")

    monkeypatch.setattr(tg.engine, "ask", broken)
    assert await tg.say(CHAT, "Kari Nordmann i Grimstad spør") == t("sorry")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.name for r in errors] == ["handlers.errors"]
    assert "ValueError" in errors[0].getMessage()
    assert "Kari" not in logged(caplog) and "Grimstad" not in logged(caplog)
