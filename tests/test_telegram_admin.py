"""Knowledge upkeep through Telegram: /ny_frist, /oppdater, the review queue, 👎, admin only.

The real Application runs against the fake Bot API server on a copy of the bundled YAML
sources (TILSKUDDSBOT_SOURCES_DIR) and a data folder of its own, so every write-back and
rebuild happens in tmp_path. Admin replies are escaped HTML; the tests read them unescaped.
"""

from __future__ import annotations

import asyncio
import hashlib
import html
import io
import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.kbadmin import ChangeRefused
from bot.reminders import compose_broadcast
from bot.texts import t
from handlers.admin import WATCH_JOB
from knowledge.loader import load_sources
from knowledge.store import read_version
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY, BotHarness, make_settings, running_bot
from tests.telegram_state_fixtures import *  # noqa: F403
from tests.telegram_state_fixtures import StateBot

CHAT = 6001
RUS = "schemes/kommunalt-rusarbeid.yaml"
ASK_2022 = "Når er søknadsfristen for kommunalt rusarbeid 2022?"
ASK_2023 = "Når er søknadsfristen for kommunalt rusarbeid 2023?"
CARS = [
    "Kan vi bruke rustilskuddet til å kjøpe bil?",
    "kan vi bruke rustilskuddet til å kjøpe bil",
    "Kan vi kjøpe bil for rustilskuddet?",
]
COURSES = ["Dekker tilskuddet kurs for ansatte?", "dekker tilskuddet kurs for de ansatte"]
WEATHER = "Hvordan blir været i Lillehammer i morgen?"


def snapshot(folder: Path) -> dict[str, str]:
    """Hash every file below a folder."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


SLOW = 30.0  # seconds: validating, writing and rebuilding take a few seconds on a busy machine


async def says(bot: StateBot | BotHarness, chat_id: int, text: str) -> str:
    """Send a text and wait (long enough for a knowledge change) for the reply, unescaped."""
    fake = bot.fake
    before = len(fake.texts(chat_id))
    fake.send_text(chat_id, text)
    return html.unescape((await fake.wait_for_texts(chat_id, before + 1, SLOW))[before])


async def admin_says(bot: StateBot, text: str) -> str:
    """Send a command as the admin and return the reply, unescaped."""
    return await says(bot, ADMIN_ID, text)


async def edited(fake: FakeTelegram, count: int, timeout: float = SLOW) -> str:
    """Wait for the count-th editMessageText and return its text, unescaped."""
    calls = await fake.wait_for(
        lambda: len(fake.requests("editMessageText")) >= count and fake.requests("editMessageText"),
        timeout,
    )
    return html.unescape(str(calls[count - 1].fields["text"]))


def break_date(sources: Path, old: str, new: str) -> None:
    """Edit a date in the Kommunalt rusarbeid source by hand."""
    path = sources / RUS
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


async def test_every_admin_command_and_button_is_refused_for_everyone_else(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    before = snapshot(state_bot.sources)
    core.review.add(WEATHER, TODAY)
    for command in (
        "/kunngjor Hei",
        "/ny_frist kommunalt rusarbeid 2023 søknad 15.02.2023",
        "/oppdater",
        "/ubesvart",
    ):
        assert await tg.say(CHAT, command) == t("admins_only"), command
    [group] = core.review.grouped(TODAY)
    for data in ("d:1:ok", "d:2:no", "d:99:ok", f"rv:f:{group.id}", f"rv:d:{group.id}"):
        fake.press_data(CHAT, data, user_id=CHAT)
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) == 5)
    assert {c.fields["text"] for c in fake.requests("answerCallbackQuery")} == {t("admins_only")}
    assert snapshot(state_bot.sources) == before
    assert core.audit.entries() == [] and core.state.broadcasts() == []
    assert core.review.grouped(TODAY) == [group]
    assert len(fake.texts(CHAT)) == 4  # the refusals, nothing else


async def test_ny_frist_previews_then_writes_the_yaml_audits_and_answers_with_the_new_date(
    fake: FakeTelegram, state_dir: Path, sources: Path, shared_core
) -> None:
    settings = make_settings(
        fake,
        state_dir,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_ADMIN_OFFICE="innlandet",
    )
    async with running_bot(fake, settings, shared_core) as tg:
        core = tg.core
        before_edit = await tg.say(CHAT, ASK_2023)
        assert "Kildene mine har ingen søknadsfrist for Kommunalt rusarbeid i 2023." in before_edit
        before = snapshot(sources)
        preview = await says(tg, ADMIN_ID, "/ny_frist kommunalt rusarbeid 2023 søknad 15.02.2023")
        assert preview.startswith(
            "Ny frist (ikke lagret ennå): Søknadsfrist for Kommunalt rusarbeid 2023, "
            "Statsforvalteren i Innlandet."
        )
        assert "- Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023" in preview
        assert fake.buttons(ADMIN_ID) == ["Lagre", "Avbryt"]
        assert snapshot(sources) == before, "a preview writes nothing"

        fake.press_button(ADMIN_ID, "Lagre", user_id=ADMIN_ID)
        saved = await edited(fake, 1)
        assert saved.startswith(
            "Lagret i kommunalt-rusarbeid.yaml, sources.yaml og ført i endringsloggen (nr. 1)."
        )
        assert "- Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023" in saved

        text = (sources / RUS).read_text(encoding="utf-8")
        assert "      date: 2023-02-15\n" in text
        assert "      source: admin-2022-01-28-innlandet\n" in text
        [entry] = core.audit.entries()
        assert (entry.who, entry.action, entry.target, entry.old) == (
            ADMIN_ID,
            "deadline_added",
            "kommunalt-rusarbeid:2023:application:innlandet",
            None,
        )
        assert entry.new == "15. februar 2023 [admin-2022-01-28-innlandet]"
        version = load_sources(sources).version
        assert read_version(settings.knowledge_db) == version == tg.engine.kb.version

        answer = await tg.say(CHAT + 1, ASK_2023)
        assert "15. februar 2023" in answer
        assert (
            "Statsforvalteren i Innlandet, 28. januar 2022 (admin-2022-01-28-innlandet)" in answer
        )


async def test_an_invalid_ny_frist_is_refused_with_the_exact_error_and_nothing_changes(
    state_bot: StateBot,
) -> None:
    tg, core = state_bot.tg, state_bot.core
    old_answer = await tg.say(CHAT, ASK_2022)
    before = snapshot(state_bot.sources)
    arguments = "rusarbeid 2023 søknad 2023-02-30"
    with pytest.raises(ChangeRefused) as expected:
        core.upkeep.propose_deadline(arguments, TODAY)
    [problem] = expected.value.problems
    assert problem.startswith(
        "data/schemes/kommunalt-rusarbeid.yaml: scheme (kommunalt-rusarbeid).deadlines[4] "
        "(2023 application): date: Input should be a valid date or datetime, day value is "
        "outside expected range"
    )
    refused = await admin_says(state_bot, f"/ny_frist {arguments}")
    assert refused.startswith("Endringen er avvist, ingenting er lagret.")
    assert refused.splitlines()[1] == problem
    assert "Lagre" not in state_bot.fake.buttons(ADMIN_ID)

    unknown = await admin_says(state_bot, "/ny_frist finnes ikke 2023 søknad 15.02.2023")
    assert unknown.splitlines()[1].startswith(
        "Ukjent ordning «finnes ikke». Kjente ordninger: barn-unge-langvarige, "
    )
    usage = await admin_says(state_bot, "/ny_frist rusarbeid søknad")
    assert "Bruk: /ny_frist ORDNING ÅR TYPE DATO [tentativ]" in usage

    assert snapshot(state_bot.sources) == before
    assert core.audit.entries() == []
    assert await tg.say(CHAT + 1, ASK_2022) == old_answer


async def test_oppdater_after_a_broken_edit_is_refused_and_the_old_answers_are_served(
    state_bot: StateBot,
) -> None:
    tg, settings = state_bot.tg, state_bot.core.settings
    db = settings.knowledge_db.read_bytes()
    old_version = tg.engine.kb.version
    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-13-15")
    refused = await admin_says(state_bot, "/oppdater")
    assert refused.startswith(
        "Kildene har feil, så de er ikke lastet inn. Jeg svarer fortsatt fra kunnskapsbasen "
        f"jeg hadde (versjon {old_version})."
    )
    assert refused.splitlines()[1].startswith(
        "data/schemes/kommunalt-rusarbeid.yaml: scheme (kommunalt-rusarbeid).deadlines[3]"
    )
    assert settings.knowledge_db.read_bytes() == db
    assert tg.engine.kb.version == old_version
    assert "15. februar 2022" in await tg.say(CHAT, ASK_2022)


async def test_oppdater_after_a_valid_edit_swaps_shows_the_diff_and_offers_the_broadcast(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    await tg.say(CHAT, "/abonner kommunalt rusarbeid")
    await tg.say(CHAT + 1, "/abonner nav-sosiale-tjenester")
    assert "Ingen endringer: jeg svarer fra versjon" in await admin_says(state_bot, "/oppdater")

    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-03-01")
    line = "Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022"
    reloaded = await admin_says(state_bot, "/oppdater")
    assert reloaded.startswith("Kunnskapsbasen er oppdatert (versjon ")
    assert f"- {line}" in reloaded
    assert "Vil du sende en oppsummering til de 1 abonnentene som følger dem?" in reloaded
    assert fake.buttons(ADMIN_ID) == ["Send til abonnentene (1)"]
    assert tg.engine.kb.version == load_sources(state_bot.sources).version
    assert "1. mars 2022" in await tg.say(CHAT + 2, ASK_2022)

    [diff_data] = [
        b["callback_data"]
        for row in fake.sent(ADMIN_ID)[-1]["reply_markup"]["inline_keyboard"]
        for b in row
    ]
    fake.press_button(ADMIN_ID, "Send til abonnentene (1)", user_id=ADMIN_ID)
    await fake.wait_for(lambda: any("levert til 1 av 1" in t for t in fake.texts(ADMIN_ID)), SLOW)
    [summary] = fake.texts(CHAT)[1:]
    assert line in html.unescape(summary)
    [broadcast] = core.state.broadcasts()
    assert summary == compose_broadcast(broadcast.text, "nb")
    assert broadcast.text.startswith("Opplysningene om tilskuddsordningene er oppdatert:")
    assert (broadcast.admin_id, broadcast.confirmed_by, broadcast.recipients) == (
        ADMIN_ID,
        ADMIN_ID,
        1,
    )
    assert len(fake.texts(CHAT + 1)) == 1, "not subscribed to the changed scheme"
    assert "sendes til 1 abonnenter" in await edited(fake, 1)

    fake.press_data(ADMIN_ID, diff_data, user_id=ADMIN_ID)  # a second press sends nothing
    await fake.wait_for(lambda: len(fake.requests("answerCallbackQuery")) == 2)
    assert fake.requests("answerCallbackQuery")[-1].fields["text"] == t("draft.sent")
    assert len(core.state.broadcasts()) == 1


async def test_a_reload_from_the_command_line_is_swapped_in_by_the_watcher_job(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    [job] = tg.app.job_queue.get_jobs_by_name(WATCH_JOB)
    assert job.job.trigger.interval.total_seconds() == 10
    await tg.say(CHAT, "/abonner kommunalt rusarbeid")
    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-03-01")
    db = str(core.settings.knowledge_db)
    assert main(["kb", "reload", str(state_bot.sources), "--db", db], io.StringIO()) == 0
    assert "15. februar 2022" in await tg.say(CHAT + 1, ASK_2022), "not swapped in yet"

    await job.run(tg.app)
    [told] = [html.unescape(t) for t in fake.texts(ADMIN_ID)]
    assert told.startswith("Kunnskapsbasen ble lastet inn på nytt utenfra.")
    assert "endret fra 15. februar 2022 til 1. mars 2022" in told
    assert fake.buttons(ADMIN_ID) == ["Send til abonnentene (1)"]
    assert "1. mars 2022" in await tg.say(CHAT + 2, ASK_2022)
    await job.run(tg.app)  # nothing new: the admins are not told again
    assert len(fake.texts(ADMIN_ID)) == 1


async def test_questions_asked_during_a_reload_are_all_answered(state_bot: StateBot) -> None:
    fake = state_bot.fake
    break_date(state_bot.sources, "date: 2022-02-15", "date: 2022-03-01")
    chats = [CHAT + i for i in range(12)]
    fake.command(ADMIN_ID, "/oppdater")
    for chat in chats:
        fake.send_text(chat, ASK_2022)
        await asyncio.sleep(0.02)
    await fake.wait_for(lambda: all(fake.texts(chat) for chat in chats), timeout=SLOW)
    await fake.wait_for(lambda: fake.texts(ADMIN_ID), timeout=SLOW)
    for chat in chats:
        [answer] = fake.texts(chat)
        assert ("15. februar 2022" in answer) != ("1. mars 2022" in answer), answer
    assert "Kunnskapsbasen er oppdatert" in fake.texts(ADMIN_ID)[0]
    assert "1. mars 2022" in await state_bot.tg.say(CHAT + 99, ASK_2022)


async def test_an_unanswered_question_is_queued_with_its_text_only(state_bot: StateBot) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    assert "Det vet jeg ikke" in await tg.say(CHAT, WEATHER)
    assert fake.buttons(CHAT) == [], "no 👎 under an answer that declines"
    [entry] = core.review.entries(TODAY)
    assert (entry.text, entry.reason, entry.day) == (WEATHER, "unanswered", TODAY)
    with sqlite3.connect(core.settings.state_db) as conn:
        columns = [row[1] for row in conn.execute("pragma table_info(review_questions)")]
        rows = conn.execute("select * from review_questions").fetchall()
    assert columns == ["id", "day", "reason", "text", "group_id"]
    assert str(CHAT) not in repr(rows)


async def test_thumbs_down_under_an_answer_queues_the_question(state_bot: StateBot) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    question = "hva får vi i år 3 for 2 årsverk?"
    assert "880 000 kr" in await tg.say(CHAT, question)
    assert fake.buttons(CHAT) == [t("feedback.button")]
    [button] = fake.sent(CHAT)[-1]["reply_markup"]["inline_keyboard"][0]
    assert len(button["callback_data"].encode()) <= 64 and question not in button["callback_data"]
    assert core.review.entries(TODAY) == []

    assert await tg.press(CHAT, t("feedback.button")) == html.escape(t("feedback.thanks"))
    [entry] = core.review.entries(TODAY)
    assert (entry.text, entry.reason) == (question, "thumbs_down")
    assert "reply_markup" not in fake.sent(CHAT)[-1], "no 👎 under the thanks"


async def test_ubesvart_lists_groups_and_resolves_them_as_faq_alias_or_dismissal(
    state_bot: StateBot,
) -> None:
    tg, fake, core = state_bot.tg, state_bot.fake, state_bot.core
    assert "Ingen ubesvarte spørsmål" in await admin_says(state_bot, "/ubesvart")
    for text in CARS:
        core.review.add(text, TODAY)
    for text in COURSES:
        core.review.add(text, TODAY, "thumbs_down")
    core.review.add(WEATHER, TODAY)
    cars, courses, weather = core.review.grouped(TODAY)

    head = await admin_says(state_bot, "/ubesvart")
    assert head == "6 spørsmål i 3 grupper, de vanligste først."
    listed = await fake.wait_for_texts(ADMIN_ID, 5, SLOW)
    assert html.unescape(listed[-3]).startswith(f"1. «{CARS[0]}» – 3 ganger (28.01.2022)")
    assert html.unescape(listed[-2]).startswith(f"2. «{COURSES[0]}» – 2 ganger, 2 👎")
    assert fake.buttons(ADMIN_ID) == ["Lag FAQ", "Nytt alias", "Avvis"]

    # Lag FAQ: the admin answers with 'spørsmål | svar | ordning'.
    fake.press_data(ADMIN_ID, f"rv:f:{cars.id}", user_id=ADMIN_ID)
    prompt = html.unescape((await fake.wait_for_texts(ADMIN_ID, 6, SLOW))[5])
    assert "Skriv: spørsmål | svar | ordning" in prompt
    bad = await admin_says(state_bot, "bare et spørsmål")
    assert "Skriv: spørsmål | svar | ordning (ordningen kan utelates)" in bad
    saved = await admin_says(
        state_bot,
        "Kan vi bruke tilskuddet til kommunalt rusarbeid til å kjøpe bil? | "
        "Nei. Tilskuddet gjelder midler kun til årsverk. | kommunalt rusarbeid",
    )
    assert saved.startswith("Lagret i faq.yaml, sources.yaml og ført i endringsloggen (nr. 1).")
    faq = (state_bot.sources / "faq.yaml").read_text(encoding="utf-8")
    assert '    answer: "Nei. Tilskuddet gjelder midler kun til årsverk."\n' in faq
    assert '      - "Kan vi kjøpe bil for rustilskuddet?"\n' in faq
    answer = await tg.say(CHAT, "Kan vi kjøpe bil for rustilskuddet?")
    assert "Nei. Tilskuddet gjelder midler kun til årsverk." in answer

    # Nytt alias: the admin answers with the id of an existing entry.
    fake.press_data(ADMIN_ID, f"rv:a:{courses.id}", user_id=ADMIN_ID)
    count = len(fake.texts(ADMIN_ID)) + 1
    prompt = html.unescape((await fake.wait_for_texts(ADMIN_ID, count, SLOW))[-1])
    assert "Svar med id-en, eller /avbryt. Forslag:" in prompt
    saved = await admin_says(state_bot, "rusarbeid-annet-enn-arsverk")
    assert saved.startswith("Lagret i faq.yaml og ført i endringsloggen (nr. 2).")
    assert "Ny formulering av «Kan tilskuddet til kommunalt rusarbeid" in saved
    assert load_sources(state_bot.sources).faq["rusarbeid-annet-enn-arsverk"].aliases[-2:] == [
        *COURSES
    ]

    # Avvis: dropped without a change.
    fake.press_data(ADMIN_ID, f"rv:d:{weather.id}", user_id=ADMIN_ID)
    assert await edited(fake, 1) == "Avvist: 1 spørsmål er fjernet fra køen."
    assert core.review.grouped(TODAY) == []
    assert [(e.who, e.action) for e in core.audit.entries()] == [
        (ADMIN_ID, "faq_alias_added"),
        (ADMIN_ID, "faq_added"),
    ]
