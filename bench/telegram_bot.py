"""The bot process for bench_telegram: `tilskuddsbot run` without the flood-control rate limiter.

The AIORateLimiter holds the bot to Telegram's 30 messages per second; the bench
measures what the bot itself can do (the target is ten times that), so it runs
the same core and handlers with the limiter off. Everything else is as in
production: settings from the environment, long polling, logging at INFO.
"""

from __future__ import annotations

import sys

from bot.bootstrap import build_core
from bot.config import SettingsError, load_settings


def main() -> int:
    """Run the bot until SIGTERM; exit code 2 for a configuration error."""
    from handlers.app import run_bot

    try:
        settings = load_settings()
        with build_core(settings) as core:
            return run_bot(core, rate_limit=False)
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
