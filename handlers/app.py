"""Build and run the python-telegram-bot Application: everything is wired here, at call time.

``build_application`` makes the bot (HTML by default, the configured time zone,
flood-control rate limiting, the configured Bot API base URL) over a core built by the
composition root (``bot.bootstrap.build_core``) and registers the handlers, one per
command of the registry (``bot.commands.COMMANDS``); ``run_bot`` runs it with long
polling, or as a webhook when TILSKUDDSBOT_WEBHOOK_URL is set. Nothing happens at
import time.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.bootstrap import Core
from bot.buttons import matches
from bot.commands import COMMANDS, menu
from bot.config import SettingsError
from bot.vocab import Lang
from handlers import admin as admin_handlers
from handlers import calculator, desk, subscriptions
from handlers.botapi import make_bot
from handlers.chat import Addressed, ChatHandlers
from handlers.errors import on_error
from handlers.inline import InlineHandlers
from handlers.lifecycle import BotApplication
from handlers.logsafe import install_redaction
from handlers.ordering import PerChatUpdateProcessor
from handlers.reply import deliver
from handlers.services import BotServices

App = Application[Any, Any, Any, Any, Any, Any]
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]
TYPING_DELAY = 0.3  # seconds of work before "typing…" is shown
log = logging.getLogger(__name__)


def add_handlers(app: App, services: BotServices) -> None:
    """Register every handler, most specific first, and the error handler.

    The review queue's dialogue comes first; then one CommandHandler for the commands of the
    registry, which all go to the pipeline, as do unknown commands, text and option buttons
    (the /beregn dialogue's too: it is the pipeline's).
    """
    chat, inline = ChatHandlers(services), InlineHandlers(services)
    new = filters.UpdateType.MESSAGE  # edited messages and channel posts are ignored
    admin_handlers.register(app, services, chat)  # draft buttons, review dialogue, watcher
    subscriptions.register(app, services)  # the daily reminder pass
    desk.register(app, services, chat)  # the caseworker desk: buttons, thread replies, job
    calculator.register(app, services, chat)  # group text a running /beregn waits for
    names = [name for command in COMMANDS for name in (command.name, *command.aliases)]
    app.add_handler(CommandHandler(names, chat.command, new))
    app.add_handler(MessageHandler(new & filters.COMMAND & Addressed(), chat.command))
    app.add_handler(MessageHandler(new & filters.TEXT & Addressed(), chat.text))
    app.add_handler(
        MessageHandler(new & filters.ChatType.PRIVATE & filters.ATTACHMENT, chat.only_text)
    )
    app.add_handler(CallbackQueryHandler(chat.press, pattern=matches("option")))
    app.add_handler(CallbackQueryHandler(chat.expired))
    app.add_handler(InlineQueryHandler(inline.answer))
    app.add_error_handler(on_error)


def bot_commands(lang: Lang, *, admin: bool = False) -> list[BotCommand]:
    """The menu of the registry: everyone's commands, and for an admin theirs too."""
    commands = menu("everyone") + (menu("admin") if admin else ())
    return [BotCommand(c.name, c.description(lang)) for c in commands]


async def register_commands(app: App, admin_ids: frozenset[int]) -> None:
    """Register the menus with Telegram (post_init): nb, en, and each admin's; never fatal.

    The default menu is in bokmål, with an English one for English clients; each admin
    gets a menu of their own chat (BotCommandScopeChat) that adds the admin commands.
    """
    menus: list[tuple[list[BotCommand], BotCommandScopeChat | None, str | None]] = [
        (bot_commands("nb"), None, None),
        (bot_commands("en"), None, "en"),
    ]
    for admin_id in sorted(admin_ids):
        menus += [
            (bot_commands("nb", admin=True), BotCommandScopeChat(admin_id), None),
            (bot_commands("en", admin=True), BotCommandScopeChat(admin_id), "en"),
        ]
    for commands, scope, language in menus:

        async def register(
            c: list[BotCommand] = commands,
            s: BotCommandScopeChat | None = scope,
            lc: str | None = language,
        ) -> bool:
            return bool(await app.bot.set_my_commands(c, scope=s, language_code=lc))

        try:
            await deliver(register)
        except TelegramError as exc:  # e.g. an admin who never opened a chat with the bot
            log.warning("Could not register the commands: %s", type(exc).__name__)


def build_application(
    core: Core,
    *,
    rate_limit: bool = True,
    typing_delay: float = TYPING_DELAY,
    clock: Callable[[], dt.datetime] | None = None,
) -> App:
    """Build the Application over a core with its handlers; raise SettingsError without a token.

    ``clock`` gives the local time (for the reminder catch-up); by default the real clock.
    """
    settings = core.settings
    token = settings.require_token().get_secret_value()
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    install_redaction(token, secret)
    services = BotServices(core, typing_delay, clock=clock)

    async def start(app: App) -> None:
        await register_commands(app, settings.admin_ids)
        await services.reminder_sender()  # a failure is logged; the daily pass tries again

    async def shutdown(app: App) -> None:
        await services.close_sender()
        services.close()

    app: App = (
        ApplicationBuilder()
        .application_class(BotApplication)
        .bot(make_bot(settings, token, rate_limit))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(start)
        .post_shutdown(shutdown)
        .build()
    )
    add_handlers(app, services)
    return app


def configure_logging() -> None:
    """Log at INFO to stderr unless logging is already set up."""
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )


def run_bot(core: Core, *, rate_limit: bool = True) -> int:
    """Run the bot until stopped (SIGINT/SIGTERM); long polling, or a webhook when configured.

    Raises SettingsError for a missing or rejected token and for a webhook
    without its secret; returns 1 when Telegram cannot be reached at start.
    """
    settings = core.settings
    settings.require_token()
    if settings.webhook_url and settings.webhook_secret is None:
        raise SettingsError("TILSKUDDSBOT_WEBHOOK_SECRET must be set with TILSKUDDSBOT_WEBHOOK_URL")
    configure_logging()
    os.environ.setdefault("PTB_TIMEDELTA", "true")  # opt in to PTB 23's RetryAfter.retry_after
    app = build_application(core, rate_limit=rate_limit)
    try:
        if settings.webhook_url and settings.webhook_secret is not None:
            app.run_webhook(
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=settings.webhook_secret.get_secret_value(),
                allowed_updates=ALLOWED_UPDATES,
            )
        else:
            app.run_polling(allowed_updates=ALLOWED_UPDATES)
    except InvalidToken:
        raise SettingsError("TELEGRAM_BOT_TOKEN was rejected by Telegram") from None
    except TelegramError as exc:
        log.error("Could not start the bot: %s", type(exc).__name__)
        return 1
    return 0
