"""The bot object: HTML by default, the time zone, flood control, the Bot API URL, bad updates.

Flood control is ``handlers.ratelimit.ChatRateLimiter``: a 429 holds back only its chat.

Every Bot API URL goes through one transport, ``AiohttpRequest``: two per bot,
since the getUpdates long poll must not hold a connection that sends need.

``TolerantBot`` survives malformed updates. python-telegram-bot parses a whole
getUpdates batch at once: one unreadable update fails the batch, PTB logs the
raw batch (personal data) at CRITICAL, and since the offset never advances the
same batch is fetched again, forever. Here the getUpdates transport keeps the
body of its last reply, the failure is caught, and that batch is read update
by update: an unreadable update becomes a bare ``Update(update_id)`` that
confirms it and that no handler answers. The common case costs nothing extra
(the body is parsed again only after a failure). A logging filter drops PTB's
record that quotes the batch.
"""

from __future__ import annotations

import json
import logging
from typing import Any
from zoneinfo import ZoneInfo

from telegram import Bot, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Defaults, ExtBot

from bot.config import Settings
from handlers.aiohttp_request import AiohttpRequest
from handlers.ordering import MAX_CONCURRENT
from handlers.ratelimit import ChatRateLimiter

POOL_SIZE = MAX_CONCURRENT  # connections for sending: one per chat running
PTB_BOT_LOGGER = "telegram.ext.ExtBot"
TELEGRAM_URL = "https://api.telegram.org/bot"
log = logging.getLogger(__name__)


class _DropRawUpdates(logging.Filter):
    """Drop PTB's log record that quotes a whole unreadable getUpdates batch."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every other record."""
        return not str(record.msg).startswith("Error while parsing updates")


DROP_RAW_UPDATES = _DropRawUpdates()


class PollingRequest(AiohttpRequest):
    """The getUpdates transport: it keeps the body of the last reply, raw."""

    __slots__ = ("last_reply",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Make the transport; no reply yet."""
        super().__init__(*args, **kwargs)
        self.last_reply = b""

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Send one request; keep the body of its reply."""
        status, self.last_reply = await super().do_request(*args, **kwargs)
        return status, self.last_reply

    def take_batch(self) -> list[Any]:
        """Return the updates of the last reply as raw JSON ([] if none) and forget the reply."""
        reply, self.last_reply = self.last_reply, b""
        try:
            result = json.loads(reply).get("result")
        except (ValueError, AttributeError):
            return []
        return result if isinstance(result, list) else []


def bot_api_url(settings: Settings) -> str:
    """Return the configured Bot API base URL, Telegram's own by default."""
    return settings.telegram_api_base_url or TELEGRAM_URL


def env_proxy(base_url: str) -> bool:
    """Tell whether a Bot API URL is reached through the environment's proxy settings.

    Telegram's own URL is, as python-telegram-bot's default client does; a
    configured Bot API server (self-hosted, or the fake server) is reached directly.
    """
    return base_url == TELEGRAM_URL


def http_request(base_url: str, pool: int = 1) -> AiohttpRequest:
    """Return a transport for sending to a Bot API URL, with ``pool`` keep-alive connections."""
    return AiohttpRequest(connection_pool_size=pool, trust_env=env_proxy(base_url))


class ClosingBot(Bot):
    """A Bot that shuts its transports down when initialize() fails.

    PTB's Application (and anyone who only calls ``initialize()``) never shuts
    down a bot that failed to initialise, e.g. for a rejected token: its aiohttp
    sessions would stay open ("Unclosed client session" at exit).
    """

    async def initialize(self) -> None:
        """Initialise (open the transports, getMe); shut the transports down if that fails."""
        try:
            await super().initialize()
        except BaseException:
            await self.shutdown()
            raise


class TolerantBot(ClosingBot, ExtBot[Any]):
    """An ExtBot that skips an update it cannot read instead of fetching it forever."""

    def __init__(self, token: str, *, get_updates_request: PollingRequest, **kwargs: Any) -> None:
        """Make the bot; getUpdates goes through a PollingRequest."""
        super().__init__(token, get_updates_request=get_updates_request, **kwargs)
        self._polling = get_updates_request

    async def get_updates(
        self,
        offset: int | None = None,
        limit: int | None = None,
        timeout: Any = None,
        allowed_updates: Any = None,
        **kwargs: Any,
    ) -> tuple[Update, ...]:
        """Fetch updates; read a batch update by update when it fails as a whole."""
        try:
            return await super().get_updates(offset, limit, timeout, allowed_updates, **kwargs)
        except TelegramError:
            raise
        except Exception:
            return tuple(u for u in map(self._read, self._polling.take_batch()) if u is not None)

    def _read(self, item: Any) -> Update | None:
        """Read one update; a bare update (its id only) when unreadable, None without an id."""
        try:
            return Update.de_json(item, self)
        except Exception as exc:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            log.warning("Skipped a malformed update %s (%s)", update_id, type(exc).__name__)
            return Update(update_id) if isinstance(update_id, int) else None


def make_bot(settings: Settings, token: str, rate_limit: bool) -> TolerantBot:
    """Make the bot: HTML, the time zone, the rate limiter, and the configured Bot API URL."""
    logging.getLogger(PTB_BOT_LOGGER).addFilter(DROP_RAW_UPDATES)
    defaults = Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(settings.timezone))
    limiter = ChatRateLimiter() if rate_limit else None
    base = bot_api_url(settings)
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base
    return TolerantBot(
        token,
        base_url=base,
        base_file_url=file_base,
        request=http_request(base, POOL_SIZE),
        get_updates_request=PollingRequest(trust_env=env_proxy(base)),
        defaults=defaults,
        rate_limiter=limiter,
    )
