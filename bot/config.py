"""The one settings class: everything configurable comes from the environment."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

KNOWLEDGE_DB = "knowledge.db"
STATE_DB = "state.db"


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line and names it."""


class Settings(BaseSettings):
    """Validated configuration read from the environment."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", frozen=True)

    telegram_bot_token: SecretStr | None = Field(default=None, alias="TELEGRAM_BOT_TOKEN")
    telegram_api_base_url: str | None = Field(default=None, alias="TELEGRAM_API_BASE_URL")
    data_dir: Path = Field(default=Path("data"), alias="TILSKUDDSBOT_DATA_DIR")
    admin_ids: Annotated[frozenset[int], NoDecode] = Field(
        default=frozenset(), alias="TILSKUDDSBOT_ADMIN_IDS"
    )
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
    desk_chats: Annotated[dict[str, int], NoDecode] = Field(
        default_factory=dict, alias="TILSKUDDSBOT_DESK_CHATS"
    )
    desk_hours: int = Field(default=8, ge=1, le=400, alias="TILSKUDDSBOT_DESK_HOURS")

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
