"""The bot process for bench_telegram: `tilskuddsbot run` without the flood-control rate limiter.

The rate limiter holds the bot to Telegram's 30 messages per second; the bench
measures what the bot itself can do (the target is ten times that), so it runs
the same core and handlers with the limiter off. Everything else is as in
production: settings from the environment, long polling, logging at INFO.

BENCH_TRANSPORT picks the HTTP client: ``aiohttp`` (production, the default),
or a baseline swapped in for comparison only: ``httpx`` (python-telegram-bot's
HTTPXRequest) or ``hand-written`` (the old client, bench/baseline_transport.py).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from bot.bootstrap import build_core
from bot.config import SettingsError, load_settings

TRANSPORTS = ("httpx", "aiohttp", "hand-written")


def factory(name: str) -> Callable[..., Any]:
    """Return a function (base_url, pool) -> BaseRequest that builds the named client."""
    if name == "aiohttp":
        from handlers.botapi import http_request

        return http_request
    if name == "httpx":
        from telegram.request import HTTPXRequest

        def httpx(base_url: str = "", pool: int = 1, **_: Any) -> Any:
            return HTTPXRequest(connection_pool_size=pool, httpx_kwargs={"trust_env": False})

        return httpx
    if name == "hand-written":
        from bench.baseline_transport import PlainHttpRequest

        def hand_written(base_url: str = "", pool: int = 1, **_: Any) -> Any:
            return PlainHttpRequest(connection_pool_size=pool)

        return hand_written
    raise SystemExit(f"BENCH_TRANSPORT must be one of {', '.join(TRANSPORTS)}, not {name!r}")


def use_transport(name: str) -> None:
    """Make handlers.botapi build the named client for both of the bot's slots."""
    import handlers.botapi as botapi

    if name != "aiohttp":
        botapi.http_request = botapi.PollingRequest = factory(name)


def main() -> int:
    """Run the bot until SIGTERM; exit code 2 for a configuration error."""
    from handlers.app import run_bot

    use_transport(os.environ.get("BENCH_TRANSPORT", "aiohttp"))
    try:
        settings = load_settings()
        with build_core(settings) as core:
            return run_bot(core, rate_limit=False)
    except SettingsError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
