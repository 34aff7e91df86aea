"""The error handler: log what failed without personal data, and apologise in the chat."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, RetryAfter, TelegramError
from telegram.ext import ContextTypes

from bot.failures import where
from bot.texts import t
from handlers.reply import retry_after_seconds, send_html

log = logging.getLogger(__name__)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the exception type, place and update id only; answer politely when there is a chat."""
    error, kind = context.error, type(context.error).__name__
    if not isinstance(update, Update):  # polling: no personal data in these messages
        log.warning("Telegram connection problem: %s: %s", kind, error)
        return
    if isinstance(error, Forbidden):
        log.warning("Update %s: Telegram refused the reply (%s)", update.update_id, kind)
        return
    if isinstance(error, RetryAfter):  # the chat is held back: an apology could not go either
        wait = retry_after_seconds(error)
        log.warning("Update %s: reply given up, flood control for %.0f s", update.update_id, wait)
        return
    log.error("Update %s failed: %s at %s", update.update_id, kind, where(error))
    if update.effective_chat is not None:
        try:
            await send_html(context.bot, update.effective_chat.id, t("sorry"))
        except TelegramError as exc:
            log.warning("Update %s: could not apologise (%s)", update.update_id, type(exc).__name__)
