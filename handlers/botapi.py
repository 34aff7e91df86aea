"""The bot object: HTML by default, the time zone, flood control, the Bot API URL, bad updates.

``TolerantBot`` survives malformed updates. python-telegram-bot parses a whole
getUpdates batch at once: one unreadable update fails the batch, PTB logs the
raw batch (personal data) at CRITICAL, and since the offset never advances the
same batch is fetched again, forever. Here the raw batch is kept, the failure
is caught, and the batch is read update by update: an unreadable update becomes
a bare ``Update(update_id)`` that confirms it and that no handler answers. The
common case costs nothing extra (no second parse).
"""

from __future__ import annotations

import functools
import logging
import ssl
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, Defaults, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from handlers.ordering import MAX_CONCURRENT
from handlers.transport import PlainHttpRequest

RATE_LIMIT_RETRIES = 2  # flood-control (429) retries inside the rate limiter
POOL_SIZE = MAX_CONCURRENT  # connections for sending: one per update in flight
PTB_BOT_LOGGER = "telegram.ext.ExtBot"
TELEGRAM_URL = "https://api.telegram.org/bot"
log = logging.getLogger(__name__)


class _DropRawUpdates(logging.Filter):
    """Drop PTB's log record that quotes a whole unreadable getUpdates batch."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every other record."""
        return not str(record.msg).startswith("Error while parsing updates")


DROP_RAW_UPDATES = _DropRawUpdates()


class TolerantBot(ExtBot[Any]):
    """An ExtBot that skips an update it cannot read instead of fetching it forever."""

    _last_batch: list[Any] | None = None

    async def _do_post(self, endpoint: str, data: Any, **kwargs: Any) -> Any:
        """Post a request; keep the raw getUpdates batch in case it cannot be read."""
        result = await super()._do_post(endpoint, data, **kwargs)
        if endpoint == "getUpdates":
            self._last_batch = result if isinstance(result, list) else None
        return result

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
            batch, self._last_batch = self._last_batch or [], None
            return tuple(u for u in map(self._read, batch) if u is not None)

    def _read(self, item: Any) -> Update | None:
        """Read one update; a bare update (its id only) when unreadable, None without an id."""
        try:
            return Update.de_json(item, self)
        except Exception as exc:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            log.warning("Skipped a malformed update %s (%s)", update_id, type(exc).__name__)
            return Update(update_id) if isinstance(update_id, int) else None


@functools.cache
def tls_context() -> ssl.SSLContext:
    """Return one TLS context for every client (loading the CA bundle takes ~30 ms each)."""
    return httpx.create_ssl_context(trust_env=False)


def http_request(base_url: str, pool: int = 1) -> BaseRequest:
    """Return the HTTP client for a Bot API URL.

    Telegram's own URL: httpx, with proxy settings from the environment. Another
    https URL: httpx without them. A plain-http URL (a local Bot API server):
    the lean keep-alive client of handlers.transport.
    """
    if base_url == TELEGRAM_URL:
        return HTTPXRequest(connection_pool_size=pool)
    if base_url.startswith("http://"):
        return PlainHttpRequest(connection_pool_size=pool)
    kwargs = {"trust_env": False, "verify": tls_context()}
    return HTTPXRequest(connection_pool_size=pool, httpx_kwargs=kwargs)


def make_bot(settings: Settings, token: str, rate_limit: bool) -> TolerantBot:
    """Make the bot: HTML, the time zone, the rate limiter, and the configured Bot API URL."""
    logging.getLogger(PTB_BOT_LOGGER).addFilter(DROP_RAW_UPDATES)
    defaults = Defaults(parse_mode=ParseMode.HTML, tzinfo=ZoneInfo(settings.timezone))
    limiter = AIORateLimiter(max_retries=RATE_LIMIT_RETRIES) if rate_limit else None
    base = settings.telegram_api_base_url or TELEGRAM_URL
    file_base = base[: -len("/bot")] + "/file/bot" if base.endswith("/bot") else base
    return TolerantBot(
        token,
        base_url=base,
        base_file_url=file_base,
        request=http_request(base, POOL_SIZE),
        get_updates_request=http_request(base),
        defaults=defaults,
        rate_limiter=limiter,
    )
