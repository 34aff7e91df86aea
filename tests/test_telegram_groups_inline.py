"""Group chats (answer only when addressed) and inline mode, through the fake server."""

from __future__ import annotations

from tests.fakebot import USERNAME, FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import BotHarness

GROUP = -100200
ALICE, BOB = 501, 502


async def test_a_group_is_ignored_unless_the_bot_is_addressed(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.send_text(GROUP, "hva får vi i år 3 for 2 årsverk?", user_id=ALICE, chat_type="group")
    fake.send_text(GROUP, "/ukjent", user_id=ALICE, chat_type="group")
    fake.send_text(GROUP, "/hjelp@en_annen_bot", user_id=ALICE, chat_type="group")
    fake.send_media(GROUP, "sticker", user_id=ALICE, chat_type="group")
    # Updates of one chat are handled in order: once this is answered, the others were seen.
    text = await tg.say(GROUP, "/hjelp", user_id=ALICE, chat_type="group")
    assert "/beregn" in text
    assert len(fake.texts(GROUP)) == 1


async def test_a_group_mention_is_answered_without_the_mention(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    question = f"@{USERNAME} hva får vi i år 3 for 2 årsverk?"
    text = await tg.say(GROUP, question, user_id=ALICE, chat_type="group")
    assert "880 000 kr" in text
    assert tg.last is not None
    [sent] = fake.sent(GROUP)
    assert sent["reply_parameters"]["message_id"] == tg.last["message_id"]  # quotes the question


async def test_a_reply_to_the_bot_is_answered_as_a_follow_up(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(
        GROUP, f"@{USERNAME} hva får vi i år 3 for 2 årsverk?", user_id=ALICE, chat_type="group"
    )
    bot_message = fake.requests("sendMessage")[-1].result
    text = await tg.say(GROUP, "og år 4?", user_id=ALICE, chat_type="group", reply_to=bot_message)
    assert "660 000 kr" in text


async def test_group_context_is_per_user(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(
        GROUP, f"@{USERNAME} hva får vi i år 3 for 2 årsverk?", user_id=ALICE, chat_type="group"
    )
    text = await tg.say(GROUP, f"@{USERNAME} og år 4?", user_id=BOB, chat_type="group")
    assert "660 000 kr" not in text


async def test_a_command_addressed_to_the_bot_in_a_group_is_answered(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    assert "/beregn" in await tg.say(
        GROUP, f"/hjelp@{USERNAME}", user_id=ALICE, chat_type="supergroup"
    )
    unknown = await tg.say(GROUP, f"/ukjent@{USERNAME}", user_id=ALICE, chat_type="supergroup")
    assert "Ukjent kommando" in unknown


async def test_inline_query_offers_the_best_answers_as_articles(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.inline_query("klagerett")
    [call] = await fake.wait_for(lambda: fake.requests("answerInlineQuery"))
    results = call.fields["results"]
    hits = tg.core.commands.search("klagerett", limit=10)
    assert 1 <= len(results) == len(hits) <= 10
    assert [r["title"] for r in results] == [h.title for h in hits]
    first = results[0]
    assert first["type"] == "article" and first["description"]
    content = first["input_message_content"]
    assert content["parse_mode"] == "HTML"
    assert "klagerett" in content["message_text"].lower() and "Kilde" in content["message_text"]
    assert len({r["id"] for r in results}) == len(results)
    assert call.fields["cache_time"] <= 60


async def test_an_empty_inline_query_offers_the_overview(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.inline_query("")
    [call] = await fake.wait_for(lambda: fake.requests("answerInlineQuery"))
    titles = [r["title"] for r in call.fields["results"]]
    assert titles == ["Ordningene", "Frister"]
    overview = tg.reply("/ordninger").messages[0].html
    assert call.fields["results"][0]["input_message_content"]["message_text"] == overview


async def test_an_inline_query_without_hits_answers_with_no_articles(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    fake.inline_query("zzqqxx")
    [call] = await fake.wait_for(lambda: fake.requests("answerInlineQuery"))
    assert call.fields["results"] == []
