"""Personal data typed into the chat is masked before anything keeps it; the queue stays private.

The real Application runs against the fake Bot API server with a data folder and a copy of
the YAML sources of its own. What is kept is checked in the files themselves: the bytes of
``state.db`` and its WAL, ``faq.yaml`` and the rebuilt ``knowledge.db``.
"""

from __future__ import annotations

import html
from pathlib import Path

from bot.texts import t
from tests.fakebot import USERNAME
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY
from tests.telegram_state_fixtures import *  # noqa: F403
from tests.telegram_state_fixtures import StateBot

CHAT = 6101
GROUP = -100300
SLOW = 30.0
PERSONAL = (
    "Jeg heter Kari Nordmann, fnr 01010100050, tlf 912 34 567, kari.nordmann@kommune.no: "
    "hvordan blir været i Lillehammer i morgen?"
)
MASKED = (
    "Jeg heter [navn], fnr [fødselsnummer], tlf [telefon], [e-post]: "
    "hvordan blir været i Lillehammer i morgen?"
)
RAW = ("Kari", "Nordmann", "01010100050", "912 34 567", "kari.nordmann")
ALL_KINDS = "fødselsnummer, e-postadresse, telefonnummer, navn"


def kept(*paths: Path) -> bytes:
    """The bytes of the files (a database and its -wal, ...) that exist."""
    found = [p for path in paths for p in (path, Path(f"{path}-wal")) if p.exists()]
    return b"".join(p.read_bytes() for p in found)


def raw_in(data: bytes) -> list[str]:
    """The pieces of personal data found in some bytes."""
    return [piece for piece in RAW if piece.encode() in data]


async def test_an_unanswered_question_is_masked_before_it_is_queued_and_the_user_is_told(
    state_bot: StateBot,
) -> None:
    tg, core = state_bot.tg, state_bot.core
    reply = html.unescape(await tg.say(CHAT, PERSONAL))
    assert "Det vet jeg ikke" in reply
    assert reply.endswith(t("privacy.masked", kinds=ALL_KINDS))
    [entry] = core.review.entries(TODAY)
    assert entry.text == MASKED
    assert raw_in(kept(core.settings.state_db)) == []


async def test_lag_faq_from_the_queue_writes_only_the_masked_text(state_bot: StateBot) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    await tg.say(CHAT, PERSONAL)
    head = html.unescape(await tg.say(ADMIN_ID, "/ubesvart"))
    assert head.startswith("1 spørsmål i 1 grupper")
    listed = html.unescape((await fake.wait_for_texts(ADMIN_ID, 2, SLOW))[1])
    assert listed.startswith(f"1. «{MASKED}»") and raw_in(listed.encode()) == []
    [group] = core.review.grouped(TODAY)
    fake.press_data(ADMIN_ID, f"rv:f:{group.id}", user_id=ADMIN_ID)
    await fake.wait_for_texts(ADMIN_ID, 3, SLOW)
    before = len(fake.texts(ADMIN_ID))
    fake.send_text(ADMIN_ID, "Hva med været? | Det vet vi ikke. | kommunalt rusarbeid")
    saved = html.unescape((await fake.wait_for_texts(ADMIN_ID, before + 1, SLOW))[before])
    assert saved.startswith("Lagret i faq.yaml"), saved
    faq = (state_bot.sources / "faq.yaml").read_bytes()
    assert f'      - "{MASKED}"'.encode() in faq
    assert raw_in(faq) == []
    assert raw_in(kept(core.settings.knowledge_db, core.settings.state_db)) == []
    found = html.unescape(await tg.say(CHAT, "/faq kari nordmann"))
    assert "Kari Nordmann" not in found


async def test_thumbs_down_keeps_the_question_masked_and_says_so(state_bot: StateBot) -> None:
    tg, core = state_bot.tg, state_bot.core
    question = (
        "Hei, jeg heter Kari Nordmann. hva får vi i år 3 for 2 årsverk i kommunalt rusarbeid?"
    )
    assert "880 000 kr" in await tg.say(CHAT, question)
    assert raw_in(kept(core.settings.state_db)) == [], "the text behind 👎 is masked too"
    thanks = html.unescape(await tg.press(CHAT, t("feedback.button")))
    assert thanks == f"{t('feedback.thanks')}\n\n{t('privacy.masked', kinds='navn')}"
    [entry] = core.review.entries(TODAY)
    assert (entry.text, entry.reason) == (
        "Hei, jeg heter [navn]. hva får vi i år 3 for 2 årsverk i kommunalt rusarbeid?",
        "thumbs_down",
    )


async def test_personvern_says_what_the_queue_keeps_and_that_personal_data_is_masked(
    state_bot: StateBot,
) -> None:
    text = html.unescape(await state_bot.tg.say(CHAT, "/personvern"))
    assert t("privacy.review", limit=20) in text
    assert "Jeg lagrer ikke meldingene dine" not in text


async def test_the_queue_and_its_faq_tools_are_refused_to_an_admin_in_a_group(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    core.review.add(PERSONAL, TODAY)
    [group] = core.review.grouped(TODAY)
    refusal = await tg.say(GROUP, f"/ubesvart@{USERNAME}", user_id=ADMIN_ID, chat_type="supergroup")
    assert html.unescape(refusal) == t("review.private_only")
    for data in (f"rv:f:{group.id}", f"rv:a:{group.id}", f"rv:d:{group.id}"):
        fake.press_data(GROUP, data, user_id=ADMIN_ID)
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) == 3)
    notes = {c.fields["text"] for c in fake.requests("answerCallbackQuery")}
    assert notes == {t("review.private_only")}
    assert core.review.grouped(TODAY) == [group]
    assert len(fake.texts(GROUP)) == 1
    assert raw_in("".join(fake.texts(GROUP)).encode()) == []


async def test_slettmeg_leaves_no_copy_of_the_deleted_rows_in_the_database_or_its_wal(
    state_bot: StateBot,
) -> None:
    tg, core = state_bot.tg, state_bot.core
    marker = "Zorblaxtilskudd"
    question = f"hva får vi i år 3 for 2 årsverk i kommunalt rusarbeid? {marker}"
    assert "880 000 kr" in await tg.say(CHAT, question)
    state = core.settings.state_db
    assert marker.encode() in kept(state), "the text behind 👎 was stored"
    assert html.unescape(await tg.say(CHAT, "/slettmeg")) == t("privacy.deleted")
    assert marker.encode() not in kept(state)
