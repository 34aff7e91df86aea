"""Whole private conversations through the real Application and the fake Bot API server."""

from __future__ import annotations

import html

from bot.commands import menu
from handlers.split import split_html
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY, BotHarness, running_bot

CHAT = 1001


def callback_data(fake: FakeTelegram, chat_id: int) -> list[str]:
    """Return the callback data of the newest keyboard in a chat."""
    for fields in reversed(fake.sent(chat_id)):
        if "reply_markup" in fields:
            rows = fields["reply_markup"]["inline_keyboard"]
            return [b["callback_data"] for row in rows for b in row]
    return []


async def test_set_my_commands_registers_the_norwegian_commands_at_start(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    [call, *_] = fake.requests("setMyCommands")
    assert "scope" not in call.fields and "language_code" not in call.fields
    assert [c["command"] for c in call.fields["commands"]] == [c.name for c in menu("everyone")]
    assert [c["description"] for c in call.fields["commands"]] == [c.nb for c in menu("everyone")]
    assert fake.requests("getMe") and fake.requests("deleteWebhook")


async def test_the_menus_come_from_the_registry_in_both_languages_and_per_admin(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    menus = {
        (str(c.fields.get("scope")), c.fields.get("language_code")): [
            (command["command"], command["description"]) for command in c.fields["commands"]
        ]
        for c in fake.requests("setMyCommands")
    }
    everyone, admin = menu("everyone"), menu("everyone") + menu("admin")
    admin_scope = str({"chat_id": ADMIN_ID, "type": "chat"})
    assert menus == {
        ("None", None): [(c.name, c.nb) for c in everyone],
        ("None", "en"): [(c.name, c.en) for c in everyone],
        (admin_scope, None): [(c.name, c.nb) for c in admin],
        (admin_scope, "en"): [(c.name, c.en) for c in admin],
    }


async def test_hjelp_lists_the_admin_commands_for_an_admin(tg: BotHarness) -> None:
    text = await tg.say(ADMIN_ID, "/hjelp")
    for command in menu("everyone") + menu("admin"):
        assert f"/{command.name} – {command.nb}" in text


async def test_start_welcomes_with_buttons_for_the_main_tasks(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    text = await tg.say(CHAT, "/start")
    assert text.startswith("Hei!")
    assert fake.buttons(CHAT) == ["Ordninger", "Frister", "Beregn tilskudd", "Hjelp"]
    [sent] = fake.sent(CHAT)
    assert sent["parse_mode"] == "HTML"
    assert all(len(data.encode()) <= 64 for data in callback_data(fake, CHAT))


async def test_a_start_button_runs_its_command(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "/start")
    text = await tg.press(CHAT, "Hjelp")
    assert "/beregn" in text and "/personvern" in text
    [answer] = fake.requests("answerCallbackQuery")
    assert "text" not in answer.fields  # no alert: the option was known


async def test_hjelp_lists_every_command(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/hjelp")
    for command in menu("everyone"):
        assert f"/{command.name} – {command.nb}" in text
    for command in menu("admin"):
        assert f"/{command.name}" not in text, "the admin commands are for the admins"


async def test_ordninger_lists_schemes_as_buttons_and_a_button_opens_the_card(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    listing = await tg.say(CHAT, "/ordninger")
    assert "<b>Ordningene jeg kjenner</b>" in listing
    labels = fake.buttons(CHAT)
    assert "Kommunalt rusarbeid" in labels and len(labels) == len(tg.engine.kb.schemes)
    assert all(len(data.encode()) <= 64 for data in callback_data(fake, CHAT))
    await tg.press(CHAT, "Kommunalt rusarbeid")
    expected = split_html(tg.reply("/ordninger kommunalt-rusarbeid").messages[0].html)
    assert len(expected) > 1  # the card is longer than one Telegram message
    texts = await fake.wait_for_texts(CHAT, 1 + len(expected))
    assert texts[1:] == expected
    assert all(len(t) <= 4096 for t in texts)


async def test_frister_lists_upcoming_deadlines(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/frister")
    assert text == tg.reply("/frister").messages[0].html
    assert "2022" in text


async def test_faq_ranks_answers_with_their_sources(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/faq klagerett")
    assert "Treff for «klagerett»" in text
    assert "klagerett" in text.lower() and "Kilde" in text


async def test_free_text_with_a_follow_up_keeps_the_chat_context(tg: BotHarness) -> None:
    first = await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    assert "880 000 kr" in first
    follow_up = await tg.say(CHAT, "og år 4?")
    assert "660 000 kr" in follow_up


async def test_context_is_per_chat(tg: BotHarness) -> None:
    await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    other = await tg.say(CHAT + 1, "og år 4?")
    assert "660 000 kr" not in other


async def test_an_ambiguous_question_offers_options_and_a_press_answers_it(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    question = await tg.say(CHAT, "hvem kan søke?")
    assert "Kommunalt rusarbeid" in fake.buttons(CHAT)
    assert "Kommunalt rusarbeid" in question
    answer = await tg.press(CHAT, "Kommunalt rusarbeid")
    expected = tg.engine.ask("hvem kan søke? (Kommunalt rusarbeid)", TODAY, "other").html()
    assert answer == expected


async def test_a_forgotten_option_is_answered_as_expired(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.press_data(CHAT, "o:unknown1")
    await fake.wait_for(lambda: fake.requests("answerCallbackQuery"))
    [answer] = fake.requests("answerCallbackQuery")
    assert "utløpt" in answer.fields["text"]
    assert fake.texts(CHAT) == []


async def test_kilde_shows_the_sources_of_the_last_answer(tg: BotHarness) -> None:
    assert "ikke gitt deg noe svar" in await tg.say(CHAT, "/kilde")
    await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    text = await tg.say(CHAT, "/kilde")
    assert "<b>Kildene bak siste svar</b>" in text
    assert "Statsforvalteren i Innlandet" in text


async def test_personvern_then_slettmeg_then_nothing_is_stored(tg: BotHarness) -> None:
    await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    stored = await tg.say(CHAT, "/personvern")
    assert "kommunalt-rusarbeid" in stored
    assert "Slettet" in await tg.say(CHAT, "/slettmeg")
    after = await tg.say(CHAT, "/personvern")
    assert "ingenting akkurat nå" in after
    assert "kommunalt-rusarbeid" not in after


async def test_slettmeg_also_forgets_the_chats_buttons(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "hvem kan søke?")
    assert len(tg.app.bot_data) == 0  # nothing about the user is kept in PTB's stores
    await tg.say(CHAT, "/slettmeg")
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    await fake.wait_for(lambda: fake.requests("answerCallbackQuery"))
    assert "utløpt" in fake.requests("answerCallbackQuery")[-1].fields["text"]


async def test_replies_escape_user_text(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/faq <b>&amp;")
    assert "«&lt;b&gt;&amp;amp;»" in text


async def test_typing_shows_while_working_and_never_after_the_reply(
    fake: FakeTelegram, telegram_settings, shared_core
) -> None:
    async with running_bot(fake, telegram_settings, shared_core, typing_delay=0) as bot:
        await bot.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
        methods = [
            c.method for c in fake.requests() if c.method in ("sendChatAction", "sendMessage")
        ]
        assert methods == ["sendChatAction", "sendMessage"]
        [action] = fake.requests("sendChatAction")
        assert action.fields == {"chat_id": CHAT, "action": "typing"}


async def test_a_fast_answer_needs_no_typing_action(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "/hjelp")
    assert fake.requests("sendChatAction") == []


async def test_html_in_answers_is_what_the_core_renders(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "hva får vi i år 3 for 2 årsverk?")
    assert html.unescape(text.replace("<i>", "").replace("</i>", "")).count("<") == 0
