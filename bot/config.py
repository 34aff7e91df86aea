"""The one settings class: everything configurable comes from the environment."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)

KNOWLEDGE_DB = "knowledge.db"
STATE_DB = "state.db"


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line and names it."""


class Settings(BaseModel):
    """Validated configuration read from the environment.

    Each field is read from the variable its alias names (the name in any case); values given
    as keyword arguments by those names override the environment (``Settings(TILSKUDDSBOT_
    DATA_DIR=...)``). A plain model rather than pydantic-settings, which costs a command's
    start some 25–70 ms (it imports asyncio, dotenv and its sources' machinery).
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_URL")
    data_dir: Path = Field(default=Path("data"), alias="TILSKUDDSBOT_DATA_DIR")
    admin_ids: frozenset[int] = Field(default=frozenset(), alias="TILSKUDDSBOT_ADMIN_IDS")
    today: dt.date | None = Field(default=None, alias="TILSKUDDSBOT_TODAY")
    timezone: str = Field(default="Europe/Oslo", alias="TILSKUDDSBOT_TIMEZONE")
    reminder_time: dt.time = Field(default=dt.time(9, 0), alias="TILSKUDDSBOT_REMINDER_TIME")
    webhook_url: str | None = Field(default=None, alias="TILSKUDDSBOT_WEBHOOK_URL")
    webhook_listen: str = Field(default="0.0.0.0", alias="TILSKUDDSBOT_WEBHOOK_LISTEN")
    webhook_port: int = Field(default=8443, ge=1, le=65535, alias="TILSKUDDSBOT_WEBHOOK_PORT")
    webhook_secret: SecretStr | None = Field(default=None, alias="TILSKUDDSBOT_WEBHOOK_SECRET")
    sources_dir: Path | None = Field(default=None, alias="TILSKUDDSBOT_SOURCES_DIR")
    admin_office: str | None = Field(default=None, alias="TILSKUDDSBOT_ADMIN_OFFICE")
    desk_chat_id: int | None = Field(default=None, alias="TILSKUDDSBOT_DESK_CHAT_ID")
    desk_chats: dict[str, int] = Field(default_factory=dict, alias="TILSKUDDSBOT_DESK_CHATS")
    desk_hours: int = Field(default=8, ge=1, le=400, alias="TILSKUDDSBOT_DESK_HOURS")

    @model_validator(mode="before")
    @classmethod
    def _from_environment(cls, given: Any) -> Any:
        """Read every variable from the environment; the values given override it."""
        if not isinstance(given, dict):
            return given
        names = {(field.alias or key).upper() for key, field in cls.model_fields.items()}
        read = {key.upper(): value for key, value in os.environ.items() if key.upper() in names}
        return {**read, **given}

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        """Parse '123, 456' into a set of integers."""
        if isinstance(value, str):
            parts = [p.strip() for p in value.split(",") if p.strip()]
            if not all(p.lstrip("-").isdigit() for p in parts):
                raise ValueError("must be comma-separated Telegram user ids (digits)")
            return frozenset(int(p) for p in parts)
        return value

    @field_validator("desk_chats", mode="before")
    @classmethod
    def _split_desks(cls, value: Any) -> Any:
        """Parse 'agder=-100123, innlandet=-100456' into office ids and desk chat ids."""
        if isinstance(value, str):
            desks: dict[str, int] = {}
            for part in (p.strip() for p in value.split(",") if p.strip()):
                office, _, chat = part.partition("=")
                if not office.strip() or not chat.strip().lstrip("-").isdigit():
                    raise ValueError("must be comma-separated office=chat_id pairs")
                desks[office.strip()] = int(chat)
            return desks
        return value

    @field_validator("desk_chat_id", mode="before")
    @classmethod
    def _blank_chat_is_unset(cls, value: Any) -> Any:
        """Read an empty variable as unset."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("sources_dir", "admin_office", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any) -> Any:
        """Read an empty variable as unset."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("sources_dir")
    @classmethod
    def _existing_folder(cls, value: Path | None) -> Path | None:
        """Reject a sources folder that does not exist."""
        if value is not None and not value.is_dir():
            raise ValueError(f"not a folder: {value}")
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        """Reject a time zone the tz database does not know."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @property
    def knowledge_db(self) -> Path:
        """Return the path of the built knowledge database."""
        return self.data_dir / KNOWLEDGE_DB

    @property
    def state_db(self) -> Path:
        """Return the path of the bot's own state (context, subscriptions, outbox)."""
        return self.data_dir / STATE_DB

    def require_token(self) -> SecretStr:
        """Return the bot token or raise a one-line error."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value():
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set")
        return self.telegram_bot_token


def load_settings() -> Settings:
    """Read settings from the environment, as one clear line per problem."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        name = str(first["loc"][0]) if first["loc"] else "setting"
        raise SettingsError(f"{name}: {first['msg']}") from None
