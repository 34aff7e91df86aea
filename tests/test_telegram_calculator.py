"""/beregn: the guided calculator through the real PTB client and the fake Bot API server.

The dialogue is the core's (``bot.calculator``), driven by the message pipeline: its buttons
are stored options, its step a row of state.db, so a restart in the middle loses nothing.
The result comes from ``CommandService.calculation``.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest

from bot.config import Settings
from bot.engine import Engine
from bot.reply import Reply, Who
from bot.texts import t
from tests.fakebot import USERNAME, FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import TODAY, BotHarness, running_bot

CHAT = 3003
GROUP, ALICE, BOB = -100300, 601, 602


async def edited(fake: FakeTelegram, count: int) -> dict[str, Any]:
    """Wait for the count-th editMessageText and return its fields."""
    calls = await fake.wait_for(
        lambda: len(fake.requests("editMessageText")) >= count and fake.requests("editMessageText")
    )
    return calls[count - 1].fields


async def test_beregn_guides_through_scheme_year_positions_and_cost(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    first = await tg.say(CHAT, "/beregn")
    assert "Hvilken ordning" in first
    assert fake.buttons(CHAT) == ["Kommunalt rusarbeid", "Sosiale tjenester i NAV", "Avbryt"]
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    step = await edited(fake, 1)
    assert "Hvilket tilskuddsår?" in step["text"] and "Kommunalt rusarbeid" in step["text"]
    assert fake.buttons(CHAT) == ["År 1", "År 2", "År 3", "År 4", "Avbryt"]
    fake.press_button(CHAT, "År 3")
    step = await edited(fake, 2)
    assert "Hvor mange årsverk?" in step["text"] and "år 3" in step["text"]
    fake.press_button(CHAT, "2")
    step = await edited(fake, 3)
    assert "Hva koster stillingen" in step["text"]
    assert "Hopp over" in fake.buttons(CHAT)
    result = await tg.say(CHAT, "800 000 kr")
    expected = tg.core.commands.calculation("kommunalt-rusarbeid", 3, "2", 800_000, TODAY)
    assert result == expected.html()
    assert "880 000 kr" in result
    assert len(fake.requests("answerCallbackQuery")) == 3  # every press is acknowledged


async def test_beregn_reads_typed_positions_and_a_skipped_cost(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    await edited(fake, 1)
    fake.press_button(CHAT, "År 4")
    await edited(fake, 2)
    assert "«mange» er ikke et antall årsverk jeg forstår" in await tg.say(CHAT, "mange")
    assert "Hva koster stillingen" in await tg.say(CHAT, "2 årsverk")
    assert "helt antall kroner" in await tg.say(CHAT, "dyrt")
    result = await tg.press(CHAT, "Hopp over")
    assert "660 000 kr" in result
    expected = tg.core.commands.calculation(
        "kommunalt-rusarbeid", 4, "2 årsverk", None, TODAY, lang="nb"
    )
    assert result == expected.html()


async def test_beregn_for_nav_asks_positions_only(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Sosiale tjenester i NAV")
    step = await edited(fake, 1)
    assert "Hvor mange årsverk?" in step["text"]
    result = await tg.press(CHAT, "1,5")
    expected = tg.core.commands.calculation("nav-sosiale-tjenester", None, "1,5", None, TODAY)
    assert result == expected.html()


async def test_beregn_can_be_cancelled_with_the_button_and_with_avbryt(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Avbryt")
    assert "avbrutt" in (await edited(fake, 1))["text"]
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    await edited(fake, 2)
    assert "avbrutt" in await tg.say(CHAT, "/avbryt")
    # After cancelling, numbers are questions again and old buttons have expired.
    assert "Hvilket tilskuddsår" not in await tg.say(CHAT, "/avbryt")
    fake.press_data(CHAT, "b:y:3")
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) >= 3)
    assert "utløpt" in fake.requests("answerCallbackQuery")[-1].fields["text"]


async def test_other_commands_still_work_during_the_dialogue(tg: BotHarness) -> None:
    await tg.say(CHAT, "/beregn")
    assert "/personvern" in await tg.say(CHAT, "/hjelp")


async def test_beregn_with_arguments_answers_at_once(tg: BotHarness) -> None:
    text = await tg.say(CHAT, "/beregn år 3, 2 årsverk")
    assert "880 000 kr" in text
    assert text == tg.reply("/beregn år 3, 2 årsverk").messages[0].html


async def test_a_forged_grant_year_is_refused(tg: BotHarness, fake: FakeTelegram) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    await edited(fake, 1)
    fake.press_data(CHAT, "b:y:9")
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) >= 2)
    assert "utløpt" in fake.requests("answerCallbackQuery")[-1].fields["text"]
    fake.press_button(CHAT, "År 2")  # the real buttons still work
    assert "Hvor mange årsverk?" in (await edited(fake, 2))["text"]


async def test_beregn_refuses_a_zero_denominator_with_the_reason_and_goes_on(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Kommunalt rusarbeid")
    await edited(fake, 1)
    fake.press_button(CHAT, "År 3")
    await edited(fake, 2)
    for typed in ("1/0", "0/0", "3/0"):
        refusal = await tg.say(CHAT, typed)
        assert f"«{typed}» deler på null" in refusal and "Skriv antall årsverk på nytt" in refusal
    assert "(fikk «-2»)" in await tg.say(CHAT, "-2")
    assert "tierpotens" in await tg.say(CHAT, "1e3")
    assert "det minste er 0,01 årsverk" in await tg.say(CHAT, "1/100000000")
    assert "Hva koster stillingen" in await tg.say(CHAT, "2")
    assert "urimelig stort beløp" in await tg.say(CHAT, "100000000000000000000000 kr")
    assert "tierpotens" in await tg.say(CHAT, "1e23")
    result = await tg.say(CHAT, "800 000 kr")
    assert "880 000 kr" in result
    assert not any(t("sorry") in text for text in fake.texts(CHAT))


@pytest.mark.parametrize(
    "text",
    ["/beregn år 3 1/0 årsverk", "/beregn år 3, 0/0 årsverk", "hva får vi i år 3 for 3/0 årsverk?"],
)
async def test_a_zero_denominator_in_a_command_or_question_is_refused_not_apologised_for(
    tg: BotHarness, fake: FakeTelegram, text: str
) -> None:
    answer = await tg.say(CHAT, text)
    assert "deler på null" in answer
    assert t("sorry") not in answer
    assert "880 000 kr" in await tg.say(CHAT, "/beregn år 3, 2 årsverk"), "the chat goes on"


def plain(part: str) -> str:
    """Turn a Telegram HTML message into the text the console shows."""
    return html.unescape(re.sub(r"<[^<>]*>", "", part))


async def newest(fake: FakeTelegram, sent: int, edits: int) -> tuple[str, list[str]]:
    """Wait for a new message or edit in CHAT; return its text (as plain) and button labels."""

    def arrived() -> dict[str, Any] | None:
        messages = fake.sent(CHAT)
        changed = [r.fields for r in fake.requests("editMessageText")]
        if len(messages) > sent:
            return messages[-1]
        return changed[-1] if len(changed) > edits else None

    fields = await fake.wait_for(arrived)
    rows = fields.get("reply_markup", {}).get("inline_keyboard", [])
    return plain(str(fields["text"])), [b["text"] for row in rows for b in row]


async def test_the_console_and_telegram_show_the_same_dialogue(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    console, pipeline = Who("console"), tg.core.pipeline
    steps = [("say", "/beregn"), ("press", "Kommunalt rusarbeid"), ("press", "År 2")]
    steps += [("say", "1/0"), ("press", "1,5"), ("say", "dyrt"), ("say", "700 000 kr")]
    shown, options = Reply(), {}  # the console's options, newest first, as Telegram's buttons
    for kind, value in steps:
        sent, edits = len(fake.sent(CHAT)), len(fake.requests("editMessageText"))
        if kind == "say":
            fake.send_text(CHAT, value)
            shown = pipeline.handle(value, console, TODAY)
        else:
            fake.press_button(CHAT, value)
            shown = pipeline.handle(options[value], console, TODAY, pressed=True)
        options |= {b.label: b.text for b in shown.messages[0].buttons if b.text is not None}
        labels = [b.label for b in shown.messages[0].buttons]
        assert await newest(fake, sent, edits) == (shown.text, labels), f"{kind} {value!r}"
    assert "egenandel" in shown.text


async def test_a_restart_in_the_middle_of_the_dialogue_loses_nothing(
    fake: FakeTelegram, telegram_settings: Settings, shared_core: Engine
) -> None:
    async with running_bot(fake, telegram_settings, shared_core) as tg:
        await tg.say(CHAT, "/beregn")
        fake.press_button(CHAT, "Kommunalt rusarbeid")
        assert "Hvilket tilskuddsår?" in (await edited(fake, 1))["text"]
    async with running_bot(fake, telegram_settings, shared_core) as tg:
        fake.press_button(CHAT, "År 3")
        step = await edited(fake, 2)
        assert "Hvor mange årsverk?" in step["text"] and "år 3" in step["text"]
        assert "deler på null" in await tg.say(CHAT, "3/0")
        assert "Hva koster stillingen" in await tg.say(CHAT, "2")
    async with running_bot(fake, telegram_settings, shared_core) as tg:
        assert "helt antall kroner" in await tg.say(CHAT, "dyrt")
        result = await tg.say(CHAT, "800 000 kr")
        expected = tg.core.commands.calculation("kommunalt-rusarbeid", 3, "2", 800_000, TODAY)
        assert result == expected.html()
        notes = [r.fields.get("text") for r in fake.requests("answerCallbackQuery")]
        assert notes == [None, None], "both presses worked, none was 'expired'"


async def test_the_start_menu_button_starts_the_dialogue(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/start")
    assert "Hvilken ordning vil du beregne?" in await tg.press(CHAT, t("start.calculate"))
    assert fake.buttons(CHAT) == ["Kommunalt rusarbeid", "Sosiale tjenester i NAV", "Avbryt"]


async def test_slettmeg_in_the_middle_of_the_dialogue_ends_it(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    await tg.say(CHAT, "/beregn")
    fake.press_button(CHAT, "Sosiale tjenester i NAV")
    await edited(fake, 1)
    await tg.say(CHAT, "/slettmeg")
    fake.press_button(CHAT, "2")
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) >= 2)
    assert fake.requests("answerCallbackQuery")[-1].fields["text"] == t("expired")
    assert t("calc.ask_positions") not in await tg.say(CHAT, "/hjelp")


async def test_in_a_group_the_number_the_dialogue_waits_for_needs_no_mention(
    tg: BotHarness, fake: FakeTelegram
) -> None:
    group = {"chat_type": "supergroup"}
    await tg.say(GROUP, "/beregn", user_id=ALICE, **group)
    fake.press_button(GROUP, "Sosiale tjenester i NAV", user_id=BOB)  # not Bob's dialogue
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) >= 1)
    assert fake.requests("answerCallbackQuery")[-1].fields["text"] == t("expired")
    fake.press_button(GROUP, "Sosiale tjenester i NAV", user_id=ALICE)
    assert "Hvor mange årsverk?" in (await edited(fake, 1))["text"]
    fake.send_text(GROUP, "2", user_id=BOB, **group)  # Bob has no dialogue: not for the bot
    fake.send_text(GROUP, "vi ses i morgen", user_id=ALICE, **group)  # not a number: refused
    refusal = (await fake.wait_for_texts(GROUP, 2))[1]
    assert "er ikke et antall årsverk" in refusal
    result = await tg.say(GROUP, "1,5", user_id=ALICE, **group)
    expected = tg.core.commands.calculation("nav-sosiale-tjenester", None, "1,5", None, TODAY)
    assert result == expected.html()
    question = f"@{USERNAME} hva får vi i år 3 for 2 årsverk?"
    assert "880 000 kr" in await tg.say(GROUP, question, user_id=ALICE, **group)
    fake.send_text(GROUP, "3", user_id=ALICE, **group)  # the dialogue is over: ignored again
    assert "/beregn" in await tg.say(GROUP, f"/hjelp@{USERNAME}", user_id=ALICE, **group)
    assert len(fake.texts(GROUP)) == 5
