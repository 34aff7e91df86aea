"""The python-telegram-bot side of the reminder Sender: one sendMessage, its answer mapped.

``bot.reminders`` paces and retries; this class only sends and translates what the Bot API
said into a :class:`bot.reminders.SendResult`. Give it a Bot without ``AIORateLimiter`` (see
:func:`make_sender_bot`), so that 429 answers reach the reminder pass, which pauses everything.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Bot, LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)

from bot.config import Settings, SettingsError
from bot.reminders import SenderUnavailable, SendResult
from handlers.botapi import ClosingBot, bot_api_url, http_request
from handlers.logsafe import redact
from handlers.reply import retry_after_seconds

#: What a rejected token is reported as, by every command (one line, exit code 2).
TOKEN_REJECTED = "TELEGRAM_BOT_TOKEN was rejected by Telegram"

#: Connections kept open: at least the pass's concurrency, so no call waits for the pool.
POOL_SIZE = 16


class TelegramSender:
    """Send reminders and announcements as HTML messages through a PTB Bot."""

    def __init__(self, bot: Bot) -> None:
        """Keep the bot (initialised by the caller)."""
        self.bot = bot

    async def send(self, chat_id: int, html: str) -> SendResult:
        """Send one message; map every Bot API answer to a SendResult."""
        try:
            message = await self.bot.send_message(
                chat_id=chat_id,
                text=html,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        except RetryAfter as exc:
            return SendResult.throttled(retry_after_seconds(exc))
        except Forbidden as exc:
            return SendResult.blocked(f"403 {exc.message}")
        except ChatMigrated as exc:
            return SendResult.migrated(int(exc.new_chat_id))
        except BadRequest as exc:  # a subclass of NetworkError: must come first
            return SendResult.bad_request(f"400 {exc.message}")
        except InvalidToken:  # 401: the token was revoked while the pass ran
            return SendResult.unauthorized()
        except NetworkError as exc:  # includes TimedOut: the message may or may not have gone
            return SendResult.transient(redact(f"{type(exc).__name__}: {exc.message}"))
        except TelegramError as exc:  # Conflict, ...: kept and retried next pass
            return SendResult.transient(redact(f"{type(exc).__name__}: {exc.message}"))
        return SendResult.ok(message.message_id)


def make_sender_bot(settings: Settings) -> Bot:
    """Build a plain Bot (no rate limiter) for the configured token and Bot API URL."""
    token = settings.require_token().get_secret_value()
    base = bot_api_url(settings)
    return ClosingBot(
        token,
        base_url=base,
        request=http_request(base, POOL_SIZE),
        get_updates_request=http_request(base),  # never used: the sender does not poll
    )


@asynccontextmanager
async def open_sender(settings: Settings) -> AsyncIterator[TelegramSender]:
    """Yield a sender over an initialised Bot, shut down afterwards.

    Raises SettingsError when Telegram rejects the token, SenderUnavailable when the Bot API
    cannot be used otherwise; neither message holds the token.
    """
    bot = make_sender_bot(settings)
    try:
        await bot.initialize()
    except InvalidToken:
        raise SettingsError(TOKEN_REJECTED) from None
    except TelegramError as exc:
        message = f"cannot use the Bot API: {type(exc).__name__}: {exc.message}"
        raise SenderUnavailable(redact(message)) from None
    try:
        yield TelegramSender(bot)
    finally:
        await bot.shutdown()
