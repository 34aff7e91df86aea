"""The admin guard: commands only the users in TILSKUDDSBOT_ADMIN_IDS may run."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update
from telegram.ext import ContextTypes

from handlers.reply import send_html

Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]
REFUSAL = "Denne kommandoen er bare for administratorer."
log = logging.getLogger(__name__)


def is_admin(update: Update, admin_ids: frozenset[int]) -> bool:
    """Tell whether the update comes from an admin (a user, not a channel or anonymous admin)."""
    user = update.effective_user
    return user is not None and user.id in admin_ids


def admin_only(admin_ids: frozenset[int]) -> Callable[[Callback], Callback]:
    """Wrap a handler callback so that everyone but the admins gets a refusal."""

    def wrap(callback: Callback) -> Callback:
        @functools.wraps(callback)
        async def guarded(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            if is_admin(update, admin_ids):
                await callback(update, context)
                return
            log.info("Refused %s for a non-admin", callback.__name__)
            if update.effective_chat is not None:
                await send_html(context.bot, update.effective_chat.id, REFUSAL)

        return guarded

    return wrap
