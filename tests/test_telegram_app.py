"""The Application as built and run: wiring, and `tilskuddsbot run` with polling and webhook."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.constants import ParseMode

from bot.bootstrap import build_core
from bot.config import Settings, SettingsError
from handlers.app import build_application, run_bot
from handlers.ordering import PerChatUpdateProcessor, QueuedApplication
from handlers.ratelimit import ChatRateLimiter
from tests.fakebot import TOKEN, FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import TODAY, make_settings

ROOT = Path(__file__).resolve().parents[1]


def test_build_application_needs_a_token(shared_core, tmp_path: Path) -> None:
    with (
        build_core(Settings(TILSKUDDSBOT_DATA_DIR=str(tmp_path)), shared_core) as core,
        pytest.raises(SettingsError, match="TELEGRAM_BOT_TOKEN"),
    ):
        build_application(core)


def test_build_application_wires_html_time_zone_rate_limits_and_the_base_url(
    fake: FakeTelegram, telegram_settings: Settings, shared_core
) -> None:
    with build_core(telegram_settings, shared_core) as core:
        app = build_application(core)
        unlimited = build_application(core, rate_limit=False)
    assert app.bot.defaults.parse_mode == ParseMode.HTML
    assert app.bot.defaults.tzinfo == ZoneInfo("Europe/Oslo")
    assert isinstance(app.bot.rate_limiter, ChatRateLimiter)
    assert app.bot.base_url == f"{fake.base_url}{TOKEN}"
    assert isinstance(app, QueuedApplication)
    assert isinstance(app.update_processor, PerChatUpdateProcessor)
    assert app.update_processor.max_concurrent_updates > 1
    assert unlimited.bot.rate_limiter is None


def test_a_webhook_needs_its_secret(fake: FakeTelegram, tmp_path: Path, shared_core) -> None:
    settings = make_settings(
        fake, tmp_path, TILSKUDDSBOT_WEBHOOK_URL="https://example.org/tilskuddsbot"
    )
    with (
        build_core(settings, shared_core) as core,
        pytest.raises(SettingsError, match="TILSKUDDSBOT_WEBHOOK_SECRET"),
    ):
        run_bot(core)


def test_importing_the_handlers_does_nothing() -> None:
    code = (
        "import logging, threading\n"
        "factory = logging.getLogRecordFactory()\n"
        "import handlers.app, handlers.chat, handlers.calculator, handlers.inline\n"
        "assert logging.getLogRecordFactory() is factory\n"
        "assert threading.active_count() == 1\n"
        "assert logging.getLogger('apscheduler').level == logging.NOTSET\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=60)


def free_port() -> int:
    """Return a port that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def bot_process(fake: FakeTelegram, **env: str) -> Iterator[subprocess.Popen[str]]:
    """Run `tilskuddsbot run` against the fake server; stop it with SIGTERM."""
    environ = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    environ.update(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "TILSKUDDSBOT_TODAY": TODAY.isoformat(),
            **env,
        }
    )
    with subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
            process.wait(timeout=20)


def test_tilskuddsbot_run_polls_answers_and_stops_cleanly_on_sigterm(fake: FakeTelegram) -> None:
    with bot_process(fake) as process:
        fake.wait_for_sync(lambda: fake.requests("setMyCommands"), timeout=30)
        fake.send_text(77, "hva får vi i år 3 for 2 årsverk?")
        fake.wait_for_sync(lambda: fake.texts(77), timeout=10)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert process.returncode == 0
    assert "880 000 kr" in fake.texts(77)[0]
    assert TOKEN not in stderr
    assert "Application started" in stderr  # logging is set up, at INFO
    assert "Unclosed" not in stderr  # every aiohttp session and connection was closed


def test_tilskuddsbot_run_reports_a_rejected_token_without_it(fake: FakeTelegram) -> None:
    other = FakeTelegram(token="987654321:AAF-another-fake-token-xyz").start()
    try:
        with bot_process(other) as process:
            _, stderr = process.communicate(timeout=30)
    finally:
        other.stop()
    assert process.returncode == 2
    assert "TELEGRAM_BOT_TOKEN was rejected by Telegram" in stderr
    assert TOKEN not in stderr
    assert "Unclosed" not in stderr  # the failed start closed its connections


def post_update(url: str, update: dict[str, object], secret: str) -> int:
    """POST an update to the webhook as Telegram would; return the HTTP status."""
    request = urllib.request.Request(
        url,
        data=json.dumps(update).encode(),
        headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": secret},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_webhook_mode_checks_the_secret_on_every_request(fake: FakeTelegram) -> None:
    port, secret = free_port(), "webhook-secret-0123456789"
    url = f"http://127.0.0.1:{port}/tilskuddsbot"
    env = {
        "TILSKUDDSBOT_WEBHOOK_URL": url,
        "TILSKUDDSBOT_WEBHOOK_LISTEN": "127.0.0.1",
        "TILSKUDDSBOT_WEBHOOK_PORT": str(port),
        "TILSKUDDSBOT_WEBHOOK_SECRET": secret,
    }
    with bot_process(fake, **env) as process:
        [hook] = fake.wait_for_sync(lambda: fake.requests("setWebhook"), timeout=30)
        assert hook.fields["url"] == url and hook.fields["secret_token"] == secret
        update = {"update_id": 1, "message": fake.message(88, "/hjelp")}
        deadline = time.monotonic() + 10
        while True:
            try:
                status = post_update(url, update, "wrong-secret")
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline, "the webhook server did not start"
                time.sleep(0.1)
        assert status == 403
        assert post_update(url, update, secret) == 200
        fake.wait_for_sync(lambda: fake.texts(88), timeout=10)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=20)
    assert len(fake.texts(88)) == 1 and "/beregn" in fake.texts(88)[0]
    assert process.returncode == 0
    assert secret not in stderr and TOKEN not in stderr
    assert "Unclosed" not in stderr
