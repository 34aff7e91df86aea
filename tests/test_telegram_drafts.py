"""Drafts and buttons live in state.db: they survive a restart and settle once, by their admin.

Each test runs the real Application against the fake Bot API server, stops it, and starts a
new one on the same data folder (as a restart or a deploy does); the fake server keeps the
messages, so a button sent by the first bot is pressed in the second.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.config import Settings
from bot.reminders import compose_broadcast
from bot.texts import t
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY, make_settings, running_bot
from tests.telegram_state_fixtures import *  # noqa: F403

SUBSCRIBER = 8001
OTHER_ADMIN = 4343
RUS = "schemes/kommunalt-rusarbeid.yaml"
SLOW = 30.0


def settings_for(fake: FakeTelegram, folder: Path, sources: Path, **extra: Any) -> Settings:
    """Settings for this test's data folder and sources, with two admins."""
    return make_settings(
        fake,
        folder,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_ADMIN_IDS=f"{ADMIN_ID},{OTHER_ADMIN}",
        **extra,
    )


def later(settings: Settings, days: int) -> Settings:
    """The same settings, some days later."""
    return settings.model_copy(update={"today": TODAY + dt.timedelta(days=days)})


async def notice(fake: FakeTelegram, count: int) -> str:
    """Wait for the count-th answered button press and return its note ('' for none)."""
    calls = await fake.wait_for(
        lambda: (
            len(fake.requests("answerCallbackQuery")) >= count
            and fake.requests("answerCallbackQuery")
        ),
        SLOW,
    )
    return str(calls[count - 1].fields.get("text", ""))


async def draft_announcement(fake: FakeTelegram, settings: Settings, engine: Any) -> None:
    """Subscribe a chat and let the admin draft an announcement, in a first run of the bot."""
    async with running_bot(fake, settings, engine) as tg:
        await tg.say(SUBSCRIBER, "/abonner alle")
        preview = await tg.say(ADMIN_ID, "/kunngjor Søknadsfristen er flyttet.")
        assert "Forhåndsvisning" in preview
        assert fake.buttons(ADMIN_ID) == [t("announce.send"), t("announce.cancel")]


@pytest.fixture
def settings(fake: FakeTelegram, state_dir: Path, sources: Path) -> Settings:
    """Settings with two admins for this test's own data folder."""
    return settings_for(fake, state_dir, sources)


async def test_an_announcement_drafted_before_a_restart_is_sent_once_after_it(
    fake: FakeTelegram, settings: Settings, shared_core
) -> None:
    await draft_announcement(fake, settings, shared_core)
    async with running_bot(fake, settings, shared_core) as tg:
        fake.press_button(ADMIN_ID, t("announce.send"), user_id=ADMIN_ID)
        await fake.wait_for(lambda: any("levert til 1 av 1" in x for x in fake.texts(ADMIN_ID)))
        assert fake.texts(SUBSCRIBER)[1:] == [compose_broadcast("Søknadsfristen er flyttet.", "nb")]
        fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)  # replayed
        assert await notice(fake, 2) == t("draft.sent")
        [draft] = tg.core.drafts.all()
        assert (draft.kind, draft.state, draft.decided_by) == ("broadcast", "confirmed", ADMIN_ID)
        [broadcast] = tg.core.state.broadcasts()
        assert broadcast.id == draft.broadcast_id and broadcast.recipients == 1
    assert len(fake.texts(SUBSCRIBER)) == 2


async def test_a_cancelled_announcement_is_never_sent_by_a_replayed_or_forged_press(
    fake: FakeTelegram, settings: Settings, shared_core
) -> None:
    await draft_announcement(fake, settings, shared_core)
    async with running_bot(fake, settings, shared_core):
        fake.press_button(ADMIN_ID, t("announce.cancel"), user_id=ADMIN_ID)
        [edited] = await fake.wait_for(lambda: fake.requests("editMessageText"))
        assert edited.fields["text"] == t("announce.cancelled")
    async with running_bot(fake, settings, shared_core) as tg:
        fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)
        assert await notice(fake, 2) == t("draft.cancelled")
        [draft] = tg.core.drafts.all()
        assert draft.state == "cancelled"
        assert [b.confirmed for b in tg.core.state.broadcasts()] == [None]
    assert len(fake.texts(SUBSCRIBER)) == 1, "only the answer to /abonner"


@pytest.mark.parametrize(("days", "sent"), [(1, True), (2, False), (30, False)])
async def test_a_draft_can_be_confirmed_the_next_day_but_then_it_expires(
    fake: FakeTelegram, settings: Settings, shared_core, days: int, sent: bool
) -> None:
    await draft_announcement(fake, settings, shared_core)
    async with running_bot(fake, later(settings, days), shared_core) as tg:
        fake.press_button(ADMIN_ID, t("announce.send"), user_id=ADMIN_ID)
        note = await notice(fake, 1)
        [draft] = tg.core.drafts.all()
        if sent:
            await fake.wait_for(lambda: len(fake.texts(SUBSCRIBER)) == 2)
            assert note == "" and draft.state == "confirmed"
        else:
            assert note == t("draft.expired")
            assert (draft.state, draft.decided) == ("expired", TODAY + dt.timedelta(days=days))
            assert [b.confirmed for b in tg.core.state.broadcasts()] == [None]
    assert len(fake.texts(SUBSCRIBER)) == (2 if sent else 1)


async def test_only_the_admin_who_made_a_draft_can_settle_it(
    fake: FakeTelegram, settings: Settings, shared_core
) -> None:
    await draft_announcement(fake, settings, shared_core)
    async with running_bot(fake, settings, shared_core) as tg:
        for user in (OTHER_ADMIN, SUBSCRIBER):
            for data in ("d:1:ok", "d:1:no"):
                fake.press_data(ADMIN_ID, data, user_id=user)
                await notice(fake, len(fake.requests("answerCallbackQuery")) + 1)
        assert [c.fields["text"] for c in fake.requests("answerCallbackQuery")] == [
            t("draft.not_yours"),
            t("draft.not_yours"),
            t("admins_only"),
            t("admins_only"),
        ]
        assert fake.requests("editMessageText") == []
        [draft] = tg.core.drafts.all()
        assert draft.state == "pending", "a press by anyone else changes nothing"
        fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)
        await fake.wait_for(lambda: len(fake.texts(SUBSCRIBER)) == 2)


async def test_a_forged_or_unknown_draft_button_does_nothing(
    fake: FakeTelegram, settings: Settings, shared_core
) -> None:
    async with running_bot(fake, settings, shared_core) as tg:
        fake.press_data(ADMIN_ID, "d:77:ok", user_id=ADMIN_ID)
        assert await notice(fake, 1) == t("expired")
        fake.press_data(ADMIN_ID, "d:1:send", user_id=ADMIN_ID)  # no handler matches
        assert await notice(fake, 2) == t("expired")
        assert tg.core.drafts.all() == [] and tg.core.state.broadcasts() == []


async def test_a_ny_frist_preview_made_before_a_restart_is_saved_once_after_it(
    fake: FakeTelegram, settings: Settings, shared_core, sources: Path
) -> None:
    async with running_bot(fake, settings, shared_core) as tg:
        preview = await tg.say(ADMIN_ID, "/ny_frist kommunalt rusarbeid 2023 søknad 15.02.2023")
        assert html.unescape(preview).startswith("Ny frist (ikke lagret ennå)")
    before = (sources / RUS).read_text(encoding="utf-8")
    async with running_bot(fake, settings, shared_core) as tg:
        fake.press_button(ADMIN_ID, t("deadline.save"), user_id=ADMIN_ID)
        [saved] = await fake.wait_for(lambda: fake.requests("editMessageText"), SLOW)
        assert html.unescape(saved.fields["text"]).startswith("Lagret i kommunalt-rusarbeid.yaml")
        assert "15. februar 2023" in await tg.say(
            SUBSCRIBER, "Når er søknadsfristen for kommunalt rusarbeid 2023?"
        )
        fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)  # replayed
        assert await notice(fake, 2) == t("draft.saved")
        [entry] = tg.core.audit.entries()
        assert entry.action == "deadline_added" and entry.who == ADMIN_ID
        [draft] = tg.core.drafts.all()
        assert (draft.kind, draft.state) == ("deadline", "confirmed")
    after = (sources / RUS).read_text(encoding="utf-8")
    assert after != before and after.count("date: 2023-02-15") == 1


async def test_a_refused_ny_frist_is_cancelled_and_cannot_be_pressed_again(
    fake: FakeTelegram, settings: Settings, shared_core, sources: Path
) -> None:
    async with running_bot(fake, settings, shared_core) as tg:
        await tg.say(ADMIN_ID, "/ny_frist kommunalt rusarbeid 2023 søknad 15.02.2023")
        path = sources / RUS  # the sources break between the preview and the press
        path.write_text(path.read_text(encoding="utf-8").replace("2022-02-15", "2022-13-15"))
        fake.press_button(ADMIN_ID, t("deadline.save"), user_id=ADMIN_ID)
        [refused] = await fake.wait_for(lambda: fake.requests("editMessageText"), SLOW)
        assert html.unescape(refused.fields["text"]).startswith(t("upkeep.refused"))
        fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)
        assert await notice(fake, 2) == t("draft.cancelled")
        assert tg.core.audit.entries() == []


async def test_an_update_offer_to_two_admins_is_sent_once_whoever_presses(
    fake: FakeTelegram, settings: Settings, shared_core, sources: Path
) -> None:
    async with running_bot(fake, settings, shared_core) as tg:
        await tg.say(SUBSCRIBER, "/abonner kommunalt rusarbeid")
        path = sources / RUS
        path.write_text(path.read_text(encoding="utf-8").replace("2022-02-15", "2022-03-01"))
        db = str(settings.knowledge_db)
        assert main(["kb", "reload", str(sources), "--db", db], io.StringIO()) == 0
        [job] = tg.app.job_queue.get_jobs_by_name("knowledge-watcher")
        await job.run(tg.app)
        label = t("offer.button", count=1)
        assert fake.buttons(ADMIN_ID) == [label] and fake.buttons(OTHER_ADMIN) == [label]
    async with running_bot(fake, settings, shared_core) as tg:
        fake.press_button(OTHER_ADMIN, label, user_id=OTHER_ADMIN)
        await fake.wait_for(lambda: len(fake.texts(SUBSCRIBER)) == 2, SLOW)
        fake.press_button(ADMIN_ID, label, user_id=ADMIN_ID)
        assert await notice(fake, 2) == t("draft.expired")
        states = sorted((d.admin_id, d.state) for d in tg.core.drafts.all())
        assert states == [(ADMIN_ID, "expired"), (OTHER_ADMIN, "confirmed")]
    assert "1. mars 2022" in html.unescape(fake.texts(SUBSCRIBER)[1])
    assert len(fake.texts(SUBSCRIBER)) == 2


@pytest.mark.parametrize(("days", "works"), [(0, True), (1, True), (2, False)])
async def test_an_answer_option_still_works_after_a_restart_until_it_is_two_days_old(
    fake: FakeTelegram, settings: Settings, shared_core, days: int, works: bool
) -> None:
    async with running_bot(fake, settings, shared_core) as tg:
        await tg.say(SUBSCRIBER, "hvem kan søke?")
        assert "Kommunalt rusarbeid" in fake.buttons(SUBSCRIBER)
    async with running_bot(fake, later(settings, days), shared_core) as tg:
        fake.press_button(SUBSCRIBER, "Kommunalt rusarbeid")
        note = await notice(fake, 1)
        if works:
            [_, answer] = await fake.wait_for_texts(SUBSCRIBER, 2)
            asked = tg.reply("hvem kan søke? (Kommunalt rusarbeid)").messages[0].html
            assert note == "" and answer.split("\n\n")[0] == asked.split("\n\n")[0]
        else:
            assert note == t("expired") and len(fake.texts(SUBSCRIBER)) == 1
