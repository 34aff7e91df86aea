"""The caseworker desk through Telegram: handover, answers both ways, FAQ, restart, re-announcing.

The real Application runs against the fake Bot API server with a caseworkers' group
(TILSKUDDSBOT_DESK_CHAT_ID), a copy of the bundled sources and a data folder of its own.
The group's administrators are what the fake server answers to getChatAdministrators.
"""

from __future__ import annotations

import datetime as dt
import html
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.engine import Engine
from bot.texts import t
from handlers.desk import DESK_JOB, announce_overdue
from tests.fakebot import FakeTelegram, Fault
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY, BotHarness, make_settings, running_bot
from tests.telegram_state_fixtures import *  # noqa: F403

DESK = -100900
ASKER = 6101
CASEWORKER = 7001
STRANGER = 7999
WEATHER = "Hvordan blir været i Lillehammer i morgen?"
CAR = "Kan vi bruke rustilskuddet til å kjøpe bil?"
ANSWER = "Nei. Tilskuddet til kommunalt rusarbeid dekker bare årsverk, ikke bil."
OSLO = ZoneInfo("Europe/Oslo")
SLOW = 30.0


def desk_settings(fake: FakeTelegram, state_dir: Path, sources: Path, **extra: Any) -> Settings:
    """Settings with a desk chat whose administrator is CASEWORKER."""
    fake.chat(DESK, "supergroup")
    fake.chat_admins[DESK] = [CASEWORKER]
    return make_settings(
        fake,
        state_dir,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_DESK_CHAT_ID=str(DESK),
        **extra,
    )


@pytest.fixture
async def desk(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core: Engine
) -> AsyncIterator[BotHarness]:
    """A running bot with a caseworkers' group."""
    async with running_bot(fake, desk_settings(fake, state_dir, sources), shared_core) as tg:
        yield tg


def plain(text: str) -> str:
    """Unescape a message's HTML."""
    return html.unescape(text)


def newest(fake: FakeTelegram, chat_id: int) -> dict[str, Any]:
    """Return the bot's newest message in a chat (as the fake server keeps it)."""
    messages = [m for (chat, _), m in fake.messages.items() if chat == chat_id]
    return max(messages, key=lambda m: m["message_id"])


async def threaded(tg: BotHarness, chat_id: int) -> dict[str, Any]:
    """Wait until the bot's newest message in a chat is part of a desk thread; return it."""
    side = "desk" if chat_id == DESK else "asker"

    def recorded() -> dict[str, Any] | None:
        message = newest(tg.fake, chat_id)
        found = tg.core.desk.thread(chat_id, message["message_id"], side)
        return message if found is not None else None

    found: dict[str, Any] = await tg.fake.wait_for(recorded, SLOW)
    return found


async def texts(fake: FakeTelegram, chat_id: int, count: int) -> list[str]:
    """Wait for a chat to have count messages; return them unescaped."""
    return [plain(x) for x in await fake.wait_for_texts(chat_id, count, SLOW)]


async def edited(fake: FakeTelegram, count: int) -> str:
    """Wait for the count-th editMessageText; return its text unescaped."""
    calls = await fake.wait_for(
        lambda: len(fake.requests("editMessageText")) >= count and fake.requests("editMessageText"),
        SLOW,
    )
    return plain(str(calls[count - 1].fields["text"]))


async def notes(fake: FakeTelegram, count: int) -> list[str]:
    """Wait for count button notes (answerCallbackQuery); return their texts."""
    calls = await fake.wait_for(
        lambda: (
            len(fake.requests("answerCallbackQuery")) >= count
            and fake.requests("answerCallbackQuery")
        ),
        SLOW,
    )
    return [str(c.fields.get("text", "")) for c in calls]


async def says(tg: BotHarness, chat_id: int, text: str, **kwargs: Any) -> str:
    """Send a text and wait (long enough for a slow command) for the reply, unescaped."""
    before = len(tg.fake.texts(chat_id))
    tg.fake.send_text(chat_id, text, **kwargs)
    return (await texts(tg.fake, chat_id, before + 1))[before]


async def hand_over(tg: BotHarness, chat_id: int = ASKER, question: str = WEATHER) -> str:
    """Ask a question the bot declines, press 'Ask a caseworker' and Send; return the card."""
    fake = tg.fake
    assert "Det vet jeg ikke" in await tg.say(chat_id, question)
    assert fake.buttons(chat_id) == [t("desk.button")]
    before = len(fake.texts(DESK))
    preview = plain(await tg.press(chat_id, t("desk.button")))
    assert fake.buttons(chat_id) == [t("desk.send"), t("desk.drop")]
    assert fake.texts(DESK)[before:] == [], "nothing is sent before Send"
    edits = len(fake.requests("editMessageText"))
    fake.press_button(chat_id, t("desk.send"))
    assert (await edited(fake, edits + 1)).startswith("Sendt til saksbehandlerne hos")
    assert preview.startswith("Dette sendes til saksbehandlerne hos")
    card = (await texts(fake, DESK, before + 1))[before]
    await threaded(tg, DESK)
    return card


def caseworker_replies(
    fake: FakeTelegram, text: str, to: dict[str, Any], user_id: int = CASEWORKER
) -> None:
    """A member of the desk chat replies to one of the bot's messages there."""
    fake.send_text(DESK, text, user_id=user_id, chat_type="supergroup", reply_to=to)


def rows(core_db: Path, table: str) -> list[tuple[Any, ...]]:
    """Return every row of a table of the state database."""
    with sqlite3.connect(core_db) as conn:
        found = conn.execute(f"select * from {table}").fetchall()
    conn.close()
    return found


async def test_a_handover_is_shown_first_sent_on_confirmation_and_answered_both_ways(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    card = await hand_over(desk)
    assert card.startswith("Spørsmål nr. 1 til ")
    assert f"«{WEATHER}»" in card and "Botens svar:\nDet vet jeg ikke" in card
    assert fake.buttons(DESK) == [
        t("desk.answer"),
        t("desk.faq"),
        t("desk.close.done"),
        t("desk.close.scope"),
        t("desk.close.duplicate"),
    ]
    card_message = newest(fake, DESK)

    caseworker_replies(fake, "Det vet vi heller ikke, men yr.no gjør.", card_message)
    relay = (await texts(fake, ASKER, 3))[2]
    assert relay.startswith("Svar fra en saksbehandler hos ")
    assert "på spørsmålet ditt (nr. 1):\n\nDet vet vi heller ikke, men yr.no gjør." in relay
    assert (await texts(fake, DESK, 2))[1] == "Svaret er sendt til spørreren (nr. 1)."

    # The asker replies to the answer: it goes back to the same thread in the desk.
    fake.send_text(ASKER, "Takk! Og i overmorgen?", reply_to=await threaded(desk, ASKER))
    assert (await texts(fake, ASKER, 4))[3] == "Sendt videre til saksbehandlerne (spørsmål nr. 1)."
    follow_up = (await texts(fake, DESK, 3))[2]
    assert follow_up.startswith("Oppfølging fra spørreren på nr. 1:\n\n«Takk! Og i overmorgen?»")
    assert fake.sent(DESK)[2]["reply_parameters"]["message_id"] == card_message["message_id"]

    caseworker_replies(fake, "Også yr.no.", await threaded(desk, DESK))
    assert "Også yr.no." in (await texts(fake, ASKER, 5))[4]
    [question] = desk.core.desk.questions()
    assert (question.state, question.chat_id, question.text) == ("answered", ASKER, WEATHER)


async def test_an_abandoned_handover_sends_and_keeps_nothing(desk: BotHarness) -> None:
    fake = desk.fake
    await desk.say(ASKER, WEATHER)
    preview = plain(await desk.press(ASKER, t("desk.button")))
    assert f"«{WEATHER}»" in preview
    fake.press_button(ASKER, t("desk.drop"))
    assert await edited(fake, 1) == t("desk.dropped")
    assert desk.core.desk.questions() == []
    fake.press_button(ASKER, t("desk.button"))  # the old option still works: a new preview
    await texts(fake, ASKER, 3)
    assert fake.texts(DESK) == []


async def test_the_command_hands_over_typed_text_and_a_second_send_does_nothing(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    preview = plain(await desk.say(ASKER, f"/spor_saksbehandler {CAR}"))
    assert "Ordning: Kommunalt rusarbeid" in preview
    [send, drop] = [
        b["callback_data"] for b in fake.sent(ASKER)[-1]["reply_markup"]["inline_keyboard"][0]
    ]
    fake.press_data(ASKER + 1, send)  # another chat cannot send it
    fake.press_data(ASKER, send)
    card = (await texts(fake, DESK, 1))[0]
    assert "Ordning: Kommunalt rusarbeid" in card
    fake.press_data(ASKER, send)
    fake.press_data(ASKER, drop)
    assert await notes(fake, 4) == [t("expired"), "", *[t("desk.already_sent")] * 2]
    assert len(fake.texts(DESK)) == 1
    assert "Skriv spørsmålet etter kommandoen" in plain(
        await desk.say(ASKER, "/spor_saksbehandler")
    )


async def test_a_reply_or_press_in_the_desk_by_anyone_but_a_caseworker_is_ignored(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    await hand_over(desk)
    card_message = newest(fake, DESK)
    caseworker_replies(fake, "Jeg er ikke saksbehandler.", card_message, user_id=STRANGER)
    fake.press_button(DESK, t("desk.close.done"), user_id=STRANGER)
    assert (await notes(fake, 3))[2] == t("desk.caseworkers_only")
    # The admin of the bot counts as a caseworker too; only their answer reaches the asker.
    caseworker_replies(fake, "Svar fra admin.", card_message, user_id=ADMIN_ID)
    relayed = (await texts(fake, ASKER, 3))[2]
    assert "Svar fra admin." in relayed
    await texts(fake, DESK, 2)
    assert len(fake.texts(ASKER)) == 3 and len(fake.texts(DESK)) == 2
    assert "Jeg er ikke saksbehandler." not in " ".join(fake.texts(ASKER))
    assert desk.core.desk.questions()[0].state == "answered"


async def test_closing_with_a_reason_marks_the_card_and_tells_the_asker(desk: BotHarness) -> None:
    fake = desk.fake
    await hand_over(desk)
    fake.press_button(DESK, t("desk.close.scope"), user_id=CASEWORKER)
    card = await edited(fake, 2)
    assert card.startswith("Lukket (Lukk: ikke vårt område).\n\nSpørsmål nr. 1")
    notice = (await texts(fake, ASKER, 3))[2]
    assert notice.startswith("Saksbehandlerne hos ")
    assert notice.endswith(f"har lukket spørsmålet ditt (nr. 1): {t('desk.reason.scope')}")
    [question] = desk.core.desk.questions()
    assert (question.state, question.reason) == ("closed", "scope")
    # An answer to a closed question is not relayed.
    caseworker_replies(fake, "For sent.", newest(fake, DESK))
    assert (await texts(fake, DESK, 2))[1] == "Spørsmål nr. 1 er lukket."
    assert len(fake.texts(ASKER)) == 3
    # Kept 30 days after it was closed, then deleted with its thread.
    assert desk.core.desk.purge(TODAY + dt.timedelta(days=30)) == 0
    assert desk.core.desk.purge(TODAY + dt.timedelta(days=31)) == 1
    assert desk.core.desk.questions() == []
    assert rows(desk.core.settings.state_db, "desk_messages") == []


async def test_a_relay_the_asker_cannot_get_is_reported_to_the_desk(desk: BotHarness) -> None:
    fake = desk.fake
    await hand_over(desk)
    fake.fail("sendMessage", Fault.forbidden())
    caseworker_replies(fake, "Her er svaret.", newest(fake, DESK))
    report = (await texts(fake, DESK, 2))[1]
    assert report == t("desk.undelivered", id=1)
    assert fake.sent(DESK)[1]["reply_parameters"]["message_id"] == newest_card_id(fake)
    [question] = desk.core.desk.questions()
    assert (question.state, question.reason) == ("closed", "undeliverable")


def newest_card_id(fake: FakeTelegram) -> int:
    """Return the message id of the first card in the desk."""
    return min(m["message_id"] for (chat, _), m in fake.messages.items() if chat == DESK)


async def test_a_desk_answer_becomes_an_faq_entry_the_bot_then_answers_with(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core: Engine
) -> None:
    settings = desk_settings(fake, state_dir, sources, TILSKUDDSBOT_ADMIN_OFFICE="innlandet")
    async with running_bot(fake, settings, shared_core) as tg:
        answer = plain(await tg.say(ASKER, CAR))
        assert ANSWER not in answer
        assert fake.buttons(ASKER) == [t("feedback.button")]
        thanks = plain(await tg.press(ASKER, t("feedback.button")))
        assert thanks == t("feedback.thanks")
        assert fake.buttons(ASKER) == [t("desk.button")]
        await tg.press(ASKER, t("desk.button"))
        fake.press_button(ASKER, t("desk.send"))
        await texts(fake, DESK, 1)
        card_message = await threaded(tg, DESK)

        fake.press_button(DESK, t("desk.faq"), user_id=CASEWORKER)  # no answer yet
        assert (await notes(fake, 4))[3] == t("desk.faq_needs_answer")
        caseworker_replies(fake, ANSWER, card_message)
        await texts(fake, DESK, 2)
        fake.press_data(DESK, "k:1:faq", user_id=CASEWORKER)
        saved = (await texts(fake, DESK, 3))[2]
        assert saved.startswith(t("desk.faq_made", id=1))
        assert "Lagret i faq.yaml, sources.yaml og ført i endringsloggen (nr. 1)." in saved
        faq = (sources / "faq.yaml").read_text(encoding="utf-8")
        assert f'    answer: "{ANSWER}"\n' in faq
        assert "    scheme: kommunalt-rusarbeid\n" in faq
        assert '    years: "2022-"\n' in faq  # the question named no year: from this year on
        [entry] = tg.core.audit.entries()
        assert (entry.who, entry.action) == (CASEWORKER, "faq_added")

        assert ANSWER in plain(await tg.say(ASKER + 1, CAR))
        fake.press_data(DESK, "k:1:faq", user_id=CASEWORKER)
        assert (await notes(fake, 6))[5].startswith("Allerede lagt inn")


async def test_open_questions_survive_a_restart(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core: Engine
) -> None:
    settings = desk_settings(fake, state_dir, sources)
    async with running_bot(fake, settings, shared_core) as tg:
        await hand_over(tg)
        await hand_over(tg, ASKER + 1)
    cards = sorted(
        (m for (chat, _), m in fake.messages.items() if chat == DESK),
        key=lambda m: m["message_id"],
    )
    async with running_bot(fake, settings, shared_core) as tg:
        assert [q.state for q in tg.core.desk.questions()] == ["open", "open"]
        caseworker_replies(fake, "Svar etter omstart.", cards[1])
        relayed = (await texts(fake, ASKER + 1, 3))[2]
        assert "(nr. 2):\n\nSvar etter omstart." in relayed
        assert len(fake.texts(ASKER)) == 2


async def test_a_question_open_too_long_is_announced_again_once_a_working_day(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core: Engine
) -> None:
    settings = desk_settings(fake, state_dir, sources, TILSKUDDSBOT_DESK_HOURS="9")
    async with running_bot(fake, settings, shared_core) as tg:
        [job] = tg.app.job_queue.get_jobs_by_name(DESK_JOB)
        assert job.job.trigger.interval.total_seconds() == 1800
        services = job.data
        await hand_over(tg)  # on Friday 28 January 2022: at most 8 working hours that day
        friday_night = dt.datetime(2022, 1, 28, 23, 0, tzinfo=OSLO)
        saturday = dt.datetime(2022, 1, 29, 12, 0, tzinfo=OSLO)
        tuesday = dt.datetime(2022, 2, 1, 10, 0, tzinfo=OSLO)  # 8 on Monday + 2: over 9
        for now in (friday_night, saturday):
            await announce_overdue(tg.app.bot, services, now)
        assert len(fake.texts(DESK)) == 1
        await announce_overdue(tg.app.bot, services, tuesday)
        again = (await texts(fake, DESK, 2))[1]
        assert again.startswith("Fortsatt ubesvart etter 1")
        assert "arbeidstimer:\n\nSpørsmål nr. 1" in again
        await announce_overdue(tg.app.bot, services, tuesday + dt.timedelta(hours=3))
        await announce_overdue(tg.app.bot, services, tuesday + dt.timedelta(days=1))
        await texts(fake, DESK, 3)
        assert len(fake.texts(DESK)) == 3, "once on Tuesday, once on Wednesday"

        caseworker_replies(fake, "Svar på påminnelsen.", await threaded(tg, DESK))
        assert "Svar på påminnelsen." in (await texts(fake, ASKER, 3))[2]
        await texts(fake, DESK, 4)  # the receipt
        await announce_overdue(tg.app.bot, services, tuesday + dt.timedelta(days=2))
        assert len(fake.texts(DESK)) == 4, "an answered question is not announced again"


async def test_slettmeg_during_an_open_question_deletes_it_closes_it_and_tells_the_desk(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    await hand_over(desk)
    privacy = plain(await desk.say(ASKER, "/personvern"))
    assert "Hos saksbehandlerne: 1 spørsmål (nr. 1: åpent)" in privacy
    deleted = plain(await desk.say(ASKER, "/slettmeg"))
    assert deleted == t("privacy.deleted")
    assert (await texts(fake, DESK, 2))[1] == t("desk.deleted", id=1)
    card = await fake.wait_for(lambda: newest_card(fake).get("edit_date") and newest_card(fake))
    assert card["text"] == t("desk.deleted_card", id=1)  # the question's text is gone
    assert "reply_markup" not in card  # and so are its buttons
    assert desk.core.desk.questions() == []
    db = desk.core.settings.state_db
    assert rows(db, "desk_messages") == [] and rows(db, "desk_replies") == []
    caseworker_replies(fake, "Svar til ingen.", newest_card(fake))
    assert "Hos saksbehandlerne" not in plain(await desk.say(ASKER, "/personvern"))
    assert len(fake.texts(DESK)) == 2
    assert not any("Svar til ingen." in x for x in fake.texts(ASKER))


def newest_card(fake: FakeTelegram) -> dict[str, Any]:
    """Return the first card the bot posted in the desk."""
    cards = [m for (chat, _), m in fake.messages.items() if chat == DESK]
    return min(cards, key=lambda m: m["message_id"])


async def test_personal_data_is_masked_before_it_is_shown_stored_or_sent(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    typed = (
        "Jeg heter Kari Nordmann, fnr 01010100050, tlf 912 34 567, kari@example.no. "
        "Kan vi søke om tilskudd til rusarbeid for 2023?"
    )
    preview = plain(await desk.say(ASKER, f"/spor_saksbehandler {typed}"))
    masked = (
        "Jeg heter [navn], fnr [fødselsnummer], tlf [telefon], [e-post]. "
        "Kan vi søke om tilskudd til rusarbeid for 2023?"
    )
    assert f"«{masked}»" in preview
    assert "Personopplysninger er fjernet før sending: fødselsnummer, e-postadresse, " in preview
    fake.press_button(ASKER, t("desk.send"))
    card = (await texts(fake, DESK, 1))[0]
    assert f"«{masked}»" in card
    caseworker_replies(fake, "Ja.", await threaded(desk, DESK))
    fake.send_text(ASKER, "Ring meg på 99887766", reply_to=await threaded(desk, ASKER))
    follow_up = (await texts(fake, DESK, 3))[2]
    assert "«Ring meg på [telefon]»" in follow_up
    stored = repr(rows(desk.core.settings.state_db, "desk_questions"))
    stored += repr(rows(desk.core.settings.state_db, "desk_replies"))
    for secret in ("Kari Nordmann", "01010100050", "912 34 567", "kari@example.no", "99887766"):
        assert secret not in stored
        assert not any(secret in x for x in fake.texts(DESK))


async def test_without_a_desk_chat_no_handover_is_offered(tg: BotHarness) -> None:
    assert "Det vet jeg ikke" in await tg.say(ASKER, WEATHER)
    assert tg.fake.buttons(ASKER) == []
    assert plain(await tg.say(ASKER, f"/spor_saksbehandler {WEATHER}")) == t("desk.none")


async def test_statistikk_shows_the_figures_and_a_png_chart_to_caseworkers_only(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    await hand_over(desk)
    caseworker_replies(fake, "Svar.", newest(fake, DESK))
    await texts(fake, DESK, 2)
    refused = await says(desk, ASKER, "/statistikk")
    assert refused == t("desk.caseworkers_only")
    shown = await says(desk, ADMIN_ID, "/statistikk")
    assert shown.startswith("Effekt, uke for uke")
    assert "2022-W04: 1 / 0 / 1 / 0 / 1 / 1 (" in shown
    [document] = await fake.wait_for(lambda: fake.requests("sendDocument"), SLOW)
    assert document.fields["chat_id"] == ADMIN_ID
    assert document.fields["document"]["filename"] == "statistikk.png"
    assert document.fields["uploads"]["document"].startswith(b"\x89PNG")
    in_desk = await says(desk, DESK, "/statistikk", chat_type="supergroup", user_id=CASEWORKER)
    assert in_desk.startswith("Effekt, uke for uke")


async def test_statistikk_is_for_the_desk_chats_administrators_in_any_chat_not_its_members(
    desk: BotHarness,
) -> None:
    in_private = await says(desk, CASEWORKER, "/statistikk")
    assert in_private == t("stats.empty"), "an administrator of the desk chat sees the figures"
    member = await says(desk, DESK, "/statistikk", chat_type="supergroup", user_id=STRANGER)
    assert member == t("desk.caseworkers_only"), "a member of the desk chat, not its admin"
    assert await says(desk, STRANGER, "/statistikk") == t("desk.caseworkers_only")


async def test_a_question_goes_to_the_desk_of_its_office_or_the_one_the_user_chooses(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core: Engine
) -> None:
    agder, innlandet = -100901, -100902
    for chat in (agder, innlandet):
        fake.chat(chat, "supergroup")
        fake.chat_admins[chat] = [CASEWORKER]
    settings = make_settings(
        fake,
        state_dir,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_DESK_CHATS=f"agder={agder}, innlandet={innlandet}",
    )
    async with running_bot(fake, settings, shared_core) as tg:
        framework = "Hvorfor fikk Arendal så lite av opptrappingsplanen for rusfeltet?"
        preview = await says(tg, ASKER, f"/spor_saksbehandler {framework}")
        assert preview.startswith("Dette sendes til saksbehandlerne hos Fylkesmannen i Agder")
        fake.press_button(ASKER, t("desk.send"))
        assert f"«{framework}»" in (await texts(fake, agder, 1))[0]

        preview = await says(tg, ASKER, f"/spor_saksbehandler {WEATHER}")
        assert preview.startswith("Velg hvilke saksbehandlere som skal få dette")
        assert fake.buttons(ASKER) == [
            "Send til Fylkesmannen i Agder",
            "Send til Statsforvalteren i Innlandet",
            t("desk.drop"),
        ]
        fake.press_button(ASKER, "Send til Statsforvalteren i Innlandet")
        card = (await texts(fake, innlandet, 1))[0]
        assert card.startswith("Spørsmål nr. 2 til Statsforvalteren i Innlandet")
        assert len(fake.texts(agder)) == 1
        caseworker = newest(fake, innlandet)
        await fake.wait_for(
            lambda: tg.core.desk.thread(innlandet, caseworker["message_id"], "desk")
        )
        fake.send_text(innlandet, "Svar fra Innlandet.", user_id=CASEWORKER, reply_to=caseworker)
        relay = (await texts(fake, ASKER, 3))[2]
        assert relay.startswith("Svar fra en saksbehandler hos Statsforvalteren i Innlandet")


async def test_an_english_question_is_answered_in_english_labels(desk: BotHarness) -> None:
    fake = desk.fake
    question = "Can we use the grant for municipal substance abuse work to buy a car?"
    preview = await says(desk, ASKER, f"/spor_saksbehandler {question}")
    assert preview.startswith("This is sent to the caseworkers at ")
    assert fake.buttons(ASKER) == ["Send", "Cancel"]
    fake.press_button(ASKER, "Send")
    assert "språk: en" in (await texts(fake, DESK, 1))[0]
    caseworker_replies(fake, "Nei, bare årsverk.", await threaded(desk, DESK))
    relay = (await texts(fake, ASKER, 2))[1]
    assert relay.startswith("Answer from a caseworker at ")
    assert "to your question (no. 1):\n\nNei, bare årsverk." in relay


async def test_a_card_that_did_not_reach_the_desk_is_posted_by_the_next_job_run(
    desk: BotHarness,
) -> None:
    fake = desk.fake
    await desk.say(ASKER, WEATHER)
    await desk.press(ASKER, t("desk.button"))
    fake.fail("sendMessage", Fault.bad_request("Bad Request: chat not found"))
    fake.press_button(ASKER, t("desk.send"))
    assert (await edited(fake, 1)).startswith("Sendt til saksbehandlerne")
    await fake.wait_for(lambda: fake.requests("sendMessage", delivered=False)[-1].fault)
    assert fake.texts(DESK) == []
    [job] = desk.app.job_queue.get_jobs_by_name(DESK_JOB)
    await announce_overdue(desk.app.bot, job.data, dt.datetime(2022, 1, 28, 12, tzinfo=OSLO))
    card = (await texts(fake, DESK, 1))[0]
    assert card.startswith("Spørsmål nr. 1 til ")
    caseworker_replies(fake, "Svar likevel.", await threaded(desk, DESK))
    assert "Svar likevel." in (await texts(fake, ASKER, 3))[2]
