"""Settings are read from the environment; values given by the variables' names override it.

Through the public interface (``load_settings`` and ``Settings``), without pydantic-settings.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError, load_settings


@pytest.mark.parametrize(
    ("variable", "value", "field", "expected"),
    [
        ("TILSKUDDSBOT_TODAY", "2021-03-04", "today", dt.date(2021, 3, 4)),
        ("TILSKUDDSBOT_ADMIN_IDS", "12, 34", "admin_ids", frozenset({12, 34})),
        ("TILSKUDDSBOT_DESK_CHATS", "agder=-100901, innlandet=-2", "desk_chats",
         {"agder": -100901, "innlandet": -2}),
        ("TILSKUDDSBOT_WEBHOOK_PORT", "8080", "webhook_port", 8080),
        ("TILSKUDDSBOT_REMINDER_TIME", "07:30", "reminder_time", dt.time(7, 30)),
        ("TILSKUDDSBOT_DESK_CHAT_ID", "", "desk_chat_id", None),
        ("tilskuddsbot_desk_hours", "12", "desk_hours", 12),
    ],
)  # fmt: skip
def test_a_variable_of_the_environment_is_read_into_its_setting(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, field: str, expected: object
) -> None:
    monkeypatch.setenv(variable, value)
    assert getattr(load_settings(), field) == expected


@pytest.mark.parametrize(
    ("variable", "in_environment", "given", "field", "expected"),
    [
        ("TILSKUDDSBOT_DATA_DIR", "/srv/a", "/srv/b", "data_dir", Path("/srv/b")),
        ("TILSKUDDSBOT_ADMIN_IDS", "1", "2, 3", "admin_ids", frozenset({2, 3})),
        ("TILSKUDDSBOT_TODAY", "2020-01-01", "2022-01-28", "today", dt.date(2022, 1, 28)),
    ],
)
def test_a_value_given_by_the_variables_name_overrides_the_environment(
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    in_environment: str,
    given: str,
    field: str,
    expected: object,
) -> None:
    monkeypatch.setenv(variable, in_environment)
    settings = Settings(**{variable: given})
    assert getattr(settings, field) == expected
    # the rest still comes from the environment
    monkeypatch.setenv("TILSKUDDSBOT_TIMEZONE", "UTC")
    assert Settings(**{variable: given}).timezone == "UTC"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TILSKUDDSBOT_WEBHOOK_PORT", "0"),
        ("TILSKUDDSBOT_ADMIN_IDS", "abc"),
        ("TILSKUDDSBOT_TIMEZONE", "Mars/Olympus"),
        ("TILSKUDDSBOT_TODAY", "2020-13-01"),
    ],
)
def test_a_bad_variable_is_one_line_that_names_it(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert str(raised.value).startswith(f"{variable}: ")
    assert "\n" not in str(raised.value)


def test_settings_are_read_without_pydantic_settings_and_asyncio() -> None:
    import subprocess

    code = (
        "import sys; from bot.config import load_settings; load_settings(); "
        "print(sorted(m for m in ('pydantic_settings', 'asyncio', 'dotenv') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
