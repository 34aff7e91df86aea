"""/beregn: the guided calculator (ConversationHandler) through the fake server.

The result comes from ``CommandService.calculation`` (through the pipeline).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.texts import t
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import TODAY, BotHarness

CHAT = 3003


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
