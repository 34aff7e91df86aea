"""A deadline a caseworker adds for this year (/ny_frist) is used at once and offered as reminder.

The real Application runs against the fake Bot API server as of 10 January 2026, on a copy of
the bundled sources (which end in January 2022). Before the edit the bot says no 2026 deadline
is known; after it, answers about this year give the new date, /frister lists it first, the
update summary sent to the scheme's subscribers offers a reminder for it, and the reminder pass
plans that reminder.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from bot.reminders import plan_reminders
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, BotHarness, make_settings, running_bot
from tests.telegram_state_fixtures import *  # noqa: F403

NOW = dt.date(2026, 1, 10)
CHAT = 6101
ASK = "Når er søknadsfristen i år for NAV-tilskuddet?"
SLOW = 30.0  # seconds: validating, writing and rebuilding take a few seconds on a busy machine
NEW_LINE = "Søknadsfrist for Sosiale tjenester i NAV 2026: ny, 1. februar 2026"
REMINDER = (
    "Påminnelse: følger du Sosiale tjenester i NAV, minner jeg deg på søknadsfrist "
    "1. februar 2026 etter varslingsdagene dine"
)


async def says(bot: BotHarness, chat_id: int, text: str) -> str:
    """Send a text and wait (long enough for a knowledge change) for the reply, unescaped."""
    fake = bot.fake
    before = len(fake.texts(chat_id))
    fake.send_text(chat_id, text)
    return html.unescape((await fake.wait_for_texts(chat_id, before + 1, SLOW))[before])


async def edited(fake: FakeTelegram, count: int) -> str:
    """Wait for the count-th editMessageText and return its text, unescaped."""
    calls = await fake.wait_for(
        lambda: len(fake.requests("editMessageText")) >= count and fake.requests("editMessageText"),
        SLOW,
    )
    return html.unescape(str(calls[count - 1].fields["text"]))


async def test_a_deadline_added_for_this_year_is_answered_at_once_and_offered_as_a_reminder(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core
) -> None:
    settings = make_settings(
        fake,
        state_dir,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_ADMIN_OFFICE="innlandet",
        TILSKUDDSBOT_TODAY=NOW.isoformat(),
    )
    async with running_bot(fake, settings, shared_core) as tg:
        core = tg.core
        await tg.say(CHAT, "/abonner nav-sosiale-tjenester")
        before = html.unescape(await tg.say(CHAT + 1, ASK))
        assert "Kildene mine har ingen søknadsfrist for Sosiale tjenester i NAV i 2026." in before
        assert "1. februar i både 2020 og 2022 – et mønster fra tidligere år" in before

        preview = await says(tg, ADMIN_ID, "/ny_frist nav-sosiale-tjenester 2026 søknad 01.02.2026")
        assert f"- {NEW_LINE}" in preview
        fake.press_button(ADMIN_ID, "Lagre", user_id=ADMIN_ID)
        saved = await edited(fake, 1)
        assert f"- {NEW_LINE}" in saved
        assert "Vil du sende en oppsummering til de 1 abonnentene som følger dem?" in saved
        assert "Oppsummeringen tilbyr dem påminnelse om 1 kommende frist(er)." in saved
        assert fake.buttons(ADMIN_ID) == ["Send til abonnentene (1)"]

        after = html.unescape(await tg.say(CHAT + 2, ASK))
        assert "Søknadsfrist Sosiale tjenester i NAV 2026: 1. februar 2026" in after
        assert "ingen søknadsfrist" not in after and "mønster" not in after

        deadlines = html.unescape(await tg.say(CHAT + 3, "/frister"))
        assert deadlines.startswith("Neste frister fra 10. januar 2026:\n- Sosiale tjenester i NAV")
        assert "Kildene mine har ingen frister for 2026." in deadlines
        assert "\nSosiale tjenester i NAV:\n" not in deadlines, "not among the schemes without one"

        fake.press_button(ADMIN_ID, "Send til abonnentene (1)", user_id=ADMIN_ID)
        await fake.wait_for(lambda: len(fake.texts(CHAT)) == 2, SLOW)
        summary = html.unescape(fake.texts(CHAT)[1])
        assert NEW_LINE in summary
        assert REMINDER in summary

        planned = plan_reminders(core.engine.kb, core.state.subscriptions(), dt.date(2026, 1, 25))
        assert [(p.chat_id, p.deadline_id, p.offset) for p in planned] == [
            (CHAT, "nav-sosiale-tjenester:2026:application:innlandet", 7)
        ]
