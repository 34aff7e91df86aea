"""Reminders through Telegram: subscribing, the daily pass, the calendar and announcements.

The real Application runs against the fake Bot API server with a state.db of its own; the
daily pass is run by calling its job (with the as-of day moved forward) instead of waiting
for 09:00.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.ics import build_calendar, calendar_deadlines
from bot.reminders import compose_broadcast, compose_reminder, dated_deadlines
from bot.texts import t
from handlers.subscriptions import REMINDER_JOB
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY
from tests.telegram_state_fixtures import *  # noqa: F403
from tests.telegram_state_fixtures import StateBot

CHAT = 5001
RUS = "kommunalt-rusarbeid"


def callback_data(bot: StateBot, chat_id: int) -> list[str]:
    """Return the callback data of the newest keyboard sent to a chat."""
    for fields in reversed(bot.fake.sent(chat_id)):
        if "reply_markup" in fields:
            return [b["callback_data"] for row in fields["reply_markup"]["inline_keyboard"]
                    for b in row]  # fmt: skip
    return []


async def test_abonner_offers_the_schemes_as_buttons_and_a_press_subscribes(
    state_bot: StateBot,
) -> None:
    tg, kb = state_bot.tg, state_bot.core.engine.kb
    text = await tg.say(CHAT, "/abonner")
    assert "Velg ordningen" in text
    names = [s.names.short for s in kb.schemes.values()]
    assert state_bot.fake.buttons(CHAT) == [*names, "Alle ordninger"]
    assert all(d.startswith("o:") and len(d.encode()) <= 64 for d in callback_data(state_bot, CHAT))

    done = await tg.press(CHAT, "Kommunalt rusarbeid")
    assert "Du får nå påminnelser om fristene for Kommunalt rusarbeid" in done
    assert "30, 14, 7 og 1 dag før fristen" in done
    assert "15. februar 2022" in done and "om 18 dager" in done
    sub = state_bot.core.state.subscription(CHAT)
    assert sub is not None and sub.schemes == {RUS}

    await tg.say(CHAT, "/abonner")
    assert "Kommunalt rusarbeid" not in state_bot.fake.buttons(CHAT)
    assert "Alle ordninger" in state_bot.fake.buttons(CHAT)


async def test_abonner_alle_and_abonner_with_a_name_subscribe_directly(
    state_bot: StateBot,
) -> None:
    tg, store = state_bot.tg, state_bot.core.state
    assert "alle ordningene (også nye)" in await tg.say(CHAT, "/abonner alle")
    sub = store.subscription(CHAT)
    assert sub is not None and sub.all_schemes and sub.offsets == (30, 14, 7, 1)

    assert "Kommunalt rusarbeid" in await tg.say(CHAT + 1, "/abonner kommunalt rusarbeid")
    assert "Sosiale tjenester i NAV" in await tg.say(CHAT + 1, "/abonner nav-sosiale-tjenester")
    sub = store.subscription(CHAT + 1)
    assert sub is not None and sub.schemes == {RUS, "nav-sosiale-tjenester"}

    unknown = await tg.say(CHAT + 2, "/abonner finnes ikke")
    assert "Jeg kjenner ingen ordning som heter «finnes ikke»" in unknown
    assert store.subscription(CHAT + 2) is None


async def test_avslutt_stops_one_scheme_or_everything(state_bot: StateBot) -> None:
    tg, store = state_bot.tg, state_bot.core.state
    assert "Du har ingen varsler" in await tg.say(CHAT, "/avslutt")
    await tg.say(CHAT, f"/abonner {RUS}")
    await tg.say(CHAT, "/abonner nav-sosiale-tjenester")

    one = await tg.say(CHAT, "/avslutt kommunalt rusarbeid")
    assert "Du får ikke lenger påminnelser om Kommunalt rusarbeid." in one
    assert "Du følger fortsatt Sosiale tjenester i NAV." in one
    sub = store.subscription(CHAT)
    assert sub is not None and sub.schemes == {"nav-sosiale-tjenester"}

    assert "Du får ingen flere påminnelser" in await tg.say(CHAT, "/avslutt")
    assert store.subscription(CHAT) is None


async def test_mine_varsler_lists_what_is_followed_with_buttons_to_stop(
    state_bot: StateBot,
) -> None:
    tg = state_bot.tg
    assert "Du har ingen varsler" in await tg.say(CHAT, "/mine_varsler")
    await tg.say(CHAT, f"/abonner {RUS}")
    text = await tg.say(CHAT, "/mine_varsler")
    assert "<b>Dine påminnelser</b>" in text
    assert "Du følger Kommunalt rusarbeid." in text
    assert "Påminnelse 30, 14, 7 og 1 dag før fristen" in text
    assert "15. februar 2022: Søknadsfrist, Kommunalt rusarbeid (om 18 dager)" in text
    assert state_bot.fake.buttons(CHAT) == ["Avslutt Kommunalt rusarbeid", "Avslutt alle"]

    assert "Du får ingen flere påminnelser" in await tg.press(CHAT, "Avslutt alle")
    assert state_bot.core.state.subscription(CHAT) is None


async def test_varsler_changes_the_days_before_a_deadline(state_bot: StateBot) -> None:
    tg, store = state_bot.tg, state_bot.core.state
    assert "Du har ingen varsler" in await tg.say(CHAT, "/varsler 30 7 1")
    await tg.say(CHAT, "/abonner alle")
    assert "Nå får du påminnelse 30, 7 og 1 dag før fristen." in await tg.say(
        CHAT, "/varsler 30 7 1"
    )
    sub = store.subscription(CHAT)
    assert sub is not None and sub.offsets == (30, 7, 1)
    assert "Jeg forstod ikke «400 dager»" in await tg.say(CHAT, "/varsler 400 dager")
    assert "Jeg forstod ikke «400»" in await tg.say(CHAT, "/varsler 400")
    sub = store.subscription(CHAT)
    assert sub is not None and sub.offsets == (30, 7, 1)
    assert "30, 7 og 1 dag før fristen" in await tg.say(CHAT, "/varsler")


async def test_the_daily_job_runs_at_nine_oslo_time_and_sends_the_reminder_due(
    state_bot: StateBot,
) -> None:
    tg, core, fake = state_bot.tg, state_bot.core, state_bot.fake
    [job] = tg.app.job_queue.get_jobs_by_name(REMINDER_JOB)
    assert job.job.misfire_grace_time == 3600 and job.job.coalesce
    assert job.next_t.astimezone(ZoneInfo("Europe/Oslo")).time() == dt.time(9, 0)

    await tg.say(CHAT, f"/abonner {RUS}")
    await job.run(tg.app)  # subscribed today: nothing is due yet
    assert len(fake.texts(CHAT)) == 1

    day = dt.date(2022, 2, 1)  # 14 days before the deadline of 15 February 2022
    core.settings = core.settings.model_copy(update={"today": day})
    await job.run(tg.app)
    kb = core.engine.kb
    entry = next(
        e for e in dated_deadlines(kb) if e.id == f"{RUS}:2022:application:ukjent-statsforvalter"
    )
    expected = compose_reminder(kb, entry, day, "nb", offset=14, due_day=day, late=False)
    assert fake.texts(CHAT)[1:] == [expected]
    assert fake.sent(CHAT)[-1]["parse_mode"] == "HTML"
    assert "om 14 dager" in expected and "/avslutt" in expected

    await job.run(tg.app)  # the day is done: never twice
    assert len(fake.texts(CHAT)) == 2
    record = core.state.pass_record(day)
    assert record is not None and record.status == "finished" and record.counts["sent"] == 1


async def test_kalender_sends_an_ics_file_of_the_followed_deadlines(state_bot: StateBot) -> None:
    tg, fake, kb = state_bot.tg, state_bot.fake, state_bot.core.engine.kb
    assert "Du har ingen varsler å lage kalender av" in await tg.say(CHAT, "/kalender")
    await tg.say(CHAT, f"/abonner {RUS}")
    fake.command(CHAT, "/kalender")
    [call] = await fake.wait_for(lambda: fake.requests("sendDocument"))
    assert call.fields["chat_id"] == CHAT
    assert call.fields["document"]["filename"] == "tilskuddsfrister.ics"
    data = call.fields["uploads"]["document"]
    assert data == build_calendar(kb, [RUS], TODAY)
    count = len(calendar_deadlines(kb, [RUS]))
    assert count > 1 and data.count(b"BEGIN:VEVENT") == count
    unfolded = data.replace(b"\r\n ", b"")  # iCalendar folds lines at 75 octets
    assert (
        b"UID:kommunalt-rusarbeid:2022:application:ukjent-statsforvalter@tilskuddsbot" in unfolded
    )
    assert call.fields["caption"].startswith(f"{count} frister for Kommunalt rusarbeid.")

    fake.command(CHAT + 1, "/kalender alle")
    await fake.wait_for(lambda: len(fake.requests("sendDocument")) == 2)
    every = fake.requests("sendDocument")[1].fields["uploads"]["document"]
    assert every.count(b"BEGIN:VEVENT") == len(calendar_deadlines(kb, None))


async def test_kunngjor_previews_then_sends_to_every_subscriber_once(state_bot: StateBot) -> None:
    tg, fake, store = state_bot.tg, state_bot.fake, state_bot.core.state
    chats = [CHAT, CHAT + 1, CHAT + 2]
    for chat in chats:
        await tg.say(chat, "/abonner alle")
    text = "Søknadsfristen for 2023 kommer snart. <Les mer> på nettsidene."
    preview = await tg.say(ADMIN_ID, f"/kunngjor {text}")
    assert "<b>Forhåndsvisning</b> – sendes til 3 abonnenter" in preview
    assert compose_broadcast(text, "nb") in preview
    assert fake.buttons(ADMIN_ID) == ["Send", "Avbryt"]

    fake.press_button(ADMIN_ID, "Send")
    report = await fake.wait_for(
        lambda: [t for t in fake.texts(ADMIN_ID) if "levert til" in t], timeout=30
    )
    assert report == ["Kunngjøring nr. 1: levert til 3 av 3."]
    for chat in chats:
        assert fake.texts(chat)[1:] == [compose_broadcast(text, "nb")]
    [broadcast] = store.broadcasts()
    assert (broadcast.admin_id, broadcast.confirmed_by, broadcast.recipients) == (
        ADMIN_ID,
        ADMIN_ID,
        3,
    )
    [edited] = fake.requests("editMessageText")
    assert "sendes til 3 abonnenter" in edited.fields["text"]

    fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)  # pressed again: never twice
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) == 2)
    assert "allerede sendt" in fake.requests("answerCallbackQuery")[-1].fields["text"]
    assert all(len(fake.texts(chat)) == 2 for chat in chats)


async def test_kunngjor_is_refused_for_everyone_but_the_admins(state_bot: StateBot) -> None:
    tg, fake = state_bot.tg, state_bot.fake
    await tg.say(CHAT, "/abonner alle")
    assert await tg.say(CHAT + 1, "/kunngjor Hei alle sammen") == t("admins_only")
    assert state_bot.core.state.broadcasts() == []
    await tg.say(ADMIN_ID, "/kunngjor Hei alle sammen")
    fake.press_data(CHAT + 1, "d:1:ok", user_id=CHAT + 1)  # a forged press of the Send button
    await fake.wait_for(lambda: fake.requests("answerCallbackQuery"))
    assert fake.requests("answerCallbackQuery")[0].fields["text"] == t("admins_only")
    [draft] = state_bot.core.state.broadcasts()
    assert draft.confirmed is None
    assert len(fake.texts(CHAT)) == 1


async def test_an_empty_long_or_cancelled_announcement_is_not_sent(state_bot: StateBot) -> None:
    tg, fake, store = state_bot.tg, state_bot.fake, state_bot.core.state
    await tg.say(CHAT, "/abonner alle")
    assert "Skriv teksten etter kommandoen" in await tg.say(ADMIN_ID, "/kunngjor")
    assert "Kunngjøringen er for lang" in await tg.say(ADMIN_ID, "/kunngjor " + "x" * 5000)
    assert store.broadcasts() == []

    await tg.say(ADMIN_ID, "/kunngjor Hei")
    fake.press_button(ADMIN_ID, "Avbryt", user_id=ADMIN_ID)
    [cancelled] = await fake.wait_for(lambda: fake.requests("editMessageText"))
    assert cancelled.fields["text"] == "Kunngjøringen er avbrutt og ikke sendt."
    fake.press_data(ADMIN_ID, "d:1:ok", user_id=ADMIN_ID)
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) == 2)
    assert fake.requests("answerCallbackQuery")[-1].fields["text"] == t("draft.cancelled")
    [draft] = store.broadcasts()
    assert draft.confirmed is None and len(fake.texts(CHAT)) == 1


async def test_personvern_shows_the_subscription_and_slettmeg_deletes_it(
    state_bot: StateBot,
) -> None:
    tg, store = state_bot.tg, state_bot.core.state
    assert "– ingen abonnement." in await tg.say(CHAT, "/personvern")
    await tg.say(CHAT, f"/abonner {RUS}")
    await tg.say(CHAT, "/varsler 14 1")
    stored = await tg.say(CHAT, "/personvern")
    assert f"chat-id {CHAT}, ordninger: kommunalt-rusarbeid; dager før frist: 14, 1" in stored
    assert "lagres i høyst 90 dager" in stored and "navn du oppgir, byttes ut" in stored

    assert "Slettet" in await tg.say(CHAT, "/slettmeg")
    assert store.subscription(CHAT) is None
    assert store.describe_chat(CHAT)["messages"] == {}
    after = await tg.say(CHAT, "/personvern")
    assert "– ingen abonnement." in after and "kommunalt-rusarbeid" not in after
