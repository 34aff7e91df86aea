"""The caseworker desk's core, without Telegram: the console, forged buttons, an FAQ's years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.bootstrap import Core, build_core
from bot.config import Settings, SettingsError, load_settings
from bot.engine import Engine
from bot.reply import Who
from bot.texts import t
from knowledge.loader import load_sources
from tests.telegram_fixtures import TODAY, fresh_engine, shared_core, telegram_kb
from tests.telegram_state_fixtures import sources

__all__ = ["shared_core", "sources", "telegram_kb"]

DESK = -100900
NOW = dt.datetime(2022, 1, 28, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))
ASKER = Who("tg:6101", 6101, 6101)


@pytest.fixture
def core(state_dir: Path, sources: Path, shared_core: Engine) -> Iterator[Core]:
    """A core with a desk chat, its own state and a copy of the sources."""
    settings = Settings(
        TILSKUDDSBOT_DATA_DIR=str(state_dir),
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_DESK_CHAT_ID=str(DESK),
        TILSKUDDSBOT_ADMIN_IDS="4242",
    )
    with build_core(settings, fresh_engine(shared_core)) as built:
        yield built


def test_the_console_cannot_hand_a_question_over(core: Core) -> None:
    reply = core.pipeline.handle("/spor_saksbehandler Hvem kan søke?", Who("console"), TODAY)
    assert reply.text == t("desk.telegram_only")
    assert core.desk.questions() == []


@pytest.mark.parametrize(
    "data", ["k:", "k:x:send", "k:99:send", "k:1:nonsense", "k:1:close:forever", "k:1:send:mars"]
)
def test_a_forged_or_stale_desk_button_changes_nothing(core: Core, data: str) -> None:
    core.pipeline.handle("/spor_saksbehandler Hvem kan søke?", ASKER, TODAY)
    desk_who = Who(f"tg:{DESK}:4242", DESK, 4242)
    for who in (ASKER, desk_who):
        reply = core.pipeline.desk_press(data, who, NOW)
        assert reply.messages == () and reply.posts == ()
    [question] = core.desk.questions()
    assert question.state == "pending"


def test_an_faq_entry_from_the_desk_holds_from_the_year_the_question_concerned(
    core: Core, sources: Path
) -> None:
    change, _ = core.upkeep.add_faq(
        "Kan vi bruke tilskuddet til bil i 2021?", "Nei.", "kommunalt rusarbeid", 4242, TODAY, 2021
    )
    entry = load_sources(sources).faq[change.target.removeprefix("faq:")]
    assert (entry.scheme, entry.years.label(), entry.answer) == (
        "kommunalt-rusarbeid",
        "2021–",
        "Nei.",
    )


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TILSKUDDSBOT_DESK_CHATS", "agder"),
        ("TILSKUDDSBOT_DESK_CHATS", "agder=gruppe"),
        ("TILSKUDDSBOT_DESK_CHATS", "=-100"),
        ("TILSKUDDSBOT_DESK_CHAT_ID", "gruppa"),
        ("TILSKUDDSBOT_DESK_HOURS", "0"),
    ],
)
def test_a_malformed_desk_setting_stops_with_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"^{variable}: "):
        load_settings()


def test_the_desk_settings_name_one_group_or_one_per_office(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DESK_CHATS", " agder=-100901 , innlandet=-100902")
    monkeypatch.setenv("TILSKUDDSBOT_DESK_CHAT_ID", "-100900")
    settings = load_settings()
    assert settings.desk_chats == {"agder": -100901, "innlandet": -100902}
    assert (settings.desk_chat_id, settings.desk_hours) == (-100900, 8)
