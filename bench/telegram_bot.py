"""The bot process for bench_telegram: `tilskuddsbot run` without the flood-control rate limiter.

The AIORateLimiter holds the bot to Telegram's 30 messages per second; the bench
measures what the bot itself can do (the target is ten times that), so it runs
the same core and handlers with the limiter off. Everything else is as in
production: settings from the environment, long polling, logging at INFO.
"""

from __future__ import annotations

import sys

from bot.bootstrap import open_knowledge
from bot.commands import CommandService
from bot.config import SettingsError, load_settings
from bot.engine import Engine


def main() -> int:
    """Run the bot until SIGTERM; exit code 2 for a configuration error."""
    from handlers.app import run_bot

    try:
        settings = load_settings()
        engine = Engine(open_knowledge(settings))
        return run_bot(settings, engine, CommandService(engine), rate_limit=False)
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
