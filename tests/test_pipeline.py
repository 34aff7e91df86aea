"""One message pipeline: the console and Telegram do the same thing for the same input.

The same conversation is held twice: with the real Application against the fake Bot API
server, and with `tilskuddsbot chat` on standard input, each over a data folder of its own.
Every Telegram reply (as text) must be what the console printed, and both must have queued
the same questions for review.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import io
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.reply import Who
from bot.texts import t
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import TODAY, BotHarness, running_bot

CHAT = 7001
WEATHER = "Hvordan blir været i Lillehammer i morgen?"
QUESTION = "hva får vi i år 3 for 2 årsverk?"
CONVERSATION: list[tuple[str, str]] = [
    ("say", "/start"),
    ("press", t("start.help")),
    ("say", QUESTION),
    ("press", t("feedback.button")),
    ("say", "og år 4?"),
    ("say", "/kilde"),
    ("say", "/faq klagerett"),
    ("say", "/ordninger"),
    ("press", "Kommunalt rusarbeid"),
    ("say", "/frister"),
    ("say", WEATHER),
    ("say", "/slettmeg"),
    ("say", "hvem kan søke?"),
    ("press", "Sosiale tjenester i NAV"),
    ("say", "/ukjent"),
    ("say", "/kunngjor Hei alle sammen"),
    ("say", "/avbryt"),
    ("say", "/abonner"),
    ("say", "/personvern"),
]


def plain(part: str) -> str:
    """Turn a Telegram HTML message into the text the console shows."""
    return html.unescape(re.sub(r"<[^<>]*>", "", part))


def review_rows(state_db: Path) -> list[tuple[str, str]]:
    """Return (reason, text) of the review queue in a state database."""
    with sqlite3.connect(state_db) as conn:
        rows = conn.execute("select reason, text from review_questions order by id").fetchall()
    conn.close()
    return [(str(reason), str(text)) for reason, text in rows]


async def settled(fake: FakeTelegram, count: int, quiet: float = 0.5) -> int:
    """Wait for at least count messages in the chat, then until no more arrive for a while."""
    await fake.wait_for_texts(CHAT, count)
    while True:
        before = len(fake.texts(CHAT))
        await asyncio.sleep(quiet)
        if len(fake.texts(CHAT)) == before:
            return before


async def telegram_conversation(fake: FakeTelegram) -> list[tuple[str, int]]:
    """Hold the conversation in Telegram; return each reply's text and the option pressed."""
    replies: list[tuple[str, int]] = []
    for kind, value in CONVERSATION:
        start = len(fake.texts(CHAT))
        number = 0
        if kind == "say":
            fake.send_text(CHAT, value)
        else:
            number = fake.buttons(CHAT).index(value) + 1
            fake.press_button(CHAT, value)
        end = await settled(fake, start + 1)  # every part of a long reply
        replies.append(("\n\n".join(plain(p) for p in fake.texts(CHAT)[start:end]), number))
    return replies


async def test_the_console_and_telegram_answer_a_conversation_alike(
    fake: FakeTelegram,
    telegram_settings,
    shared_core,
    data_folder: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running_bot(fake, telegram_settings, shared_core):
        replies = await telegram_conversation(fake)
    telegram_review = review_rows(telegram_settings.state_db)

    console_dir = data_folder("console")
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(console_dir))
    lines = [
        value if kind == "say" else str(number)
        for (kind, value), (_, number) in zip(CONVERSATION, replies, strict=True)
    ]
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    assert main(["chat", "--today", TODAY.isoformat()], out) == 0
    printed = out.getvalue()

    for (kind, value), (reply, _) in zip(CONVERSATION, replies, strict=True):
        if value == "/abonner":  # reminders are a Telegram thing: the console says so
            assert reply.startswith("Påminnelser\n\nVelg ordningen")
            assert t("alerts.telegram_only") in printed
        elif value == "/personvern":  # Telegram adds the chat's buttons and reminders
            head, context = reply.split("\n\n")[1:3]
            assert f"{head}\n\n{context}" in printed
            assert t("privacy.reminders") in reply and t("privacy.reminders") not in printed
        else:
            assert reply in printed, f"{kind} {value!r}"
    assert telegram_review == review_rows(console_dir / "state.db")
    assert telegram_review == [("thumbs_down", QUESTION), ("unanswered", WEATHER)]


def test_a_pressed_feedback_option_is_feedback_but_the_same_text_typed_is_a_question(
    tg: BotHarness,
) -> None:
    pipeline, who = tg.core.pipeline, Who("x")
    answer = pipeline.handle(QUESTION, who, TODAY)
    [feedback] = [b for b in answer.messages[0].buttons if b.label == t("feedback.button")]
    assert feedback.text is not None and feedback.data == "", "no chat id: nothing stored"
    typed = pipeline.handle(feedback.text, who, TODAY)
    assert typed.text != t("feedback.thanks")
    assert tg.core.review.entries(TODAY) == []
    pressed = pipeline.handle(feedback.text, who, TODAY, pressed=True)
    assert pressed.text == t("feedback.thanks")
    assert [(e.reason, e.text) for e in tg.core.review.entries(TODAY)] == [
        ("thumbs_down", QUESTION)
    ]


@pytest.mark.parametrize(
    "question",
    ["Hva er søknadsfristen for kommunalt rusarbeid i 2026?", "Hva er satsen i år 2 i 2026?"],
)
def test_an_answer_about_a_year_after_the_sources_is_answered_and_still_goes_to_review(
    tg: BotHarness, question: str
) -> None:
    late = dt.date(2026, 12, 1)
    reply = tg.core.pipeline.handle(question, Who("x"), late)
    assert "2026" in reply.text and t("feedback.button") in [
        b.label for m in reply.messages for b in m.buttons
    ]
    assert [(e.reason, e.text) for e in tg.core.review.entries(late)] == [("unanswered", question)]


def test_an_answer_about_a_covered_year_does_not_go_to_review(tg: BotHarness) -> None:
    early = dt.date(2021, 1, 10)
    tg.core.pipeline.handle(
        "Hva er søknadsfristen for kommunalt rusarbeid i 2021?", Who("x"), early
    )
    assert tg.core.review.entries(early) == []


def test_an_admin_command_is_refused_in_the_pipeline_to_everyone_but_the_admins(
    tg: BotHarness,
) -> None:
    from tests.telegram_fixtures import ADMIN_ID

    pipeline = tg.core.pipeline
    for who in (Who("console"), Who("tg:1", 1, 1)):
        assert pipeline.handle("/status", who, TODAY).text == t("admins_only")
    status = pipeline.handle("/status", Who(f"tg:{ADMIN_ID}", ADMIN_ID, ADMIN_ID), TODAY).text
    assert status.startswith(t("status.title")) and tg.core.engine.kb.version in status


def test_options_get_short_ids_in_the_state_database_only_where_buttons_carry_data(
    tg: BotHarness,
) -> None:
    pipeline, buttons = tg.core.pipeline, tg.core.buttons
    console = pipeline.handle("/ordninger", Who("console"), TODAY)
    assert all(b.data == "" for b in console.messages[0].buttons) and buttons.count() == 0
    telegram = pipeline.handle("/ordninger", Who("tg:5", 5, 5), TODAY)
    data = [b.data for b in telegram.messages[0].buttons]
    assert all(d.startswith("o:") and len(d.encode()) <= 64 for d in data)
    assert buttons.count(5) == len(data) == len(tg.core.engine.kb.schemes)
    texts = [b.text for b in telegram.messages[0].buttons]
    assert [buttons.get(5, d, TODAY) for d in data] == texts
    assert buttons.get(6, data[0], TODAY) is None, "a button works only in its own chat"
