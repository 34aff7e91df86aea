"""No command prints or logs the bot token, and a start-up or token failure is one line.

Every command that talks to Telegram runs as a real `tilskuddsbot` process against the fake
Bot API server: one that expects another token (so it rejects the bot's with 401, and
python-telegram-bot quotes the rejected token in its error), one that is not there, and one
that turns the token down in the middle of a run. The token is recognisable, so a leak in
stdout, stderr, a log line or the state database would be found.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fakebot import TOKEN, FakeTelegram, Fault
from tests.telegram_fixtures import ADMIN_ID, TODAY

ROOT = Path(__file__).resolve().parents[1]
OTHER_TOKEN = "987654321:AAF-another-fake-token-xyz"
#: The secret part of the token: no part of it may show either.
SECRET = TOKEN.split(":", 1)[1]


def environment(base_url: str, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a bot process: the token, the Bot API URL, a data folder."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=base_url,
        TILSKUDDSBOT_DATA_DIR=str(data_dir),
        TILSKUDDSBOT_TODAY=TODAY.isoformat(),
        **extra,
    )
    return env


def tilskuddsbot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run one command to its end."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def leaks(*texts: str) -> bool:
    """Whether the token, or its secret part, appears in any of the texts."""
    return any(TOKEN in text or SECRET in text for text in texts)


@pytest.fixture
def fake() -> Iterator[FakeTelegram]:
    """A Bot API server that accepts the bot's token."""
    with FakeTelegram() as server:
        yield server


@pytest.fixture
def rejecting() -> Iterator[FakeTelegram]:
    """A Bot API server that rejects the bot's token (it expects another)."""
    with FakeTelegram(token=OTHER_TOKEN) as server:
        yield server


@pytest.fixture
def nowhere() -> str:
    """The URL of a Bot API server that is not there (a port nobody listens on)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/bot"


@pytest.mark.parametrize("command", [["remind"], ["run"]])
def test_a_rejected_token_is_one_line_without_the_token_and_exit_code_2(
    rejecting: FakeTelegram, state_dir: Path, command: list[str]
) -> None:
    done = tilskuddsbot(environment(rejecting.base_url, state_dir), *command)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "tilskuddsbot: configuration error: TELEGRAM_BOT_TOKEN was rejected by Telegram"
    ]
    assert done.stdout == ""
    assert not leaks(done.stdout, done.stderr)
    assert rejecting.connections > 0, "the token was tried"


@pytest.mark.parametrize(("command", "code"), [(["remind"], 1), (["run"], 1)])
def test_a_bot_api_that_cannot_be_reached_is_one_line_without_the_token(
    nowhere: str, state_dir: Path, command: list[str], code: int
) -> None:
    done = tilskuddsbot(environment(nowhere, state_dir), *command)
    assert done.returncode == code, done.stderr
    [line] = done.stderr.splitlines()
    assert "NetworkError" in line
    assert not leaks(done.stdout, done.stderr)


@pytest.mark.parametrize(
    "command",
    [
        ["ask", "hva får vi i år 3 for 2 årsverk?"],
        ["kb", "show", "finnes-ikke"],
        ["ics", "--scheme", "finnes-ikke"],
        ["remind", "--today", "not-a-day"],
    ],
)
def test_commands_that_do_not_talk_to_telegram_never_print_the_token_either(
    rejecting: FakeTelegram, state_dir: Path, command: list[str]
) -> None:
    done = tilskuddsbot(environment(rejecting.base_url, state_dir), *command)
    assert not leaks(done.stdout, done.stderr)
    assert rejecting.requests() == []


@contextmanager
def running(env: dict[str, str]) -> Iterator[subprocess.Popen[str]]:
    """Run `tilskuddsbot run` until the block ends; then stop it with SIGTERM."""
    with subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "run"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            yield process
        finally:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)


def test_a_token_turned_down_while_the_bot_runs_never_reaches_the_log_or_the_state(
    fake: FakeTelegram, state_dir: Path
) -> None:
    env = environment(fake.base_url, state_dir, TILSKUDDSBOT_ADMIN_IDS=str(ADMIN_ID))
    reader = 5001
    with running(env) as process:
        fake.wait_for_sync(lambda: fake.requests("setMyCommands"), timeout=60)
        fake.send_text(reader, "/abonner alle")
        fake.wait_for_sync(lambda: fake.texts(reader), timeout=20)
        fake.send_text(ADMIN_ID, "/kunngjor Husk fristen")
        fake.wait_for_sync(lambda: fake.buttons(ADMIN_ID), timeout=20)
        unauthorized = Fault("status", 401, "Unauthorized")
        for method in ("answerCallbackQuery", "editMessageText", "sendMessage"):
            fake.fail(method, unauthorized)
        fake.press_button(ADMIN_ID, fake.buttons(ADMIN_ID)[0])
        fake.wait_for_sync(
            lambda: len([c for c in fake.calls if c.fault == "http401"]) == 3, timeout=30
        )
        time.sleep(3)  # let the bot log what it makes of them
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "InvalidToken" in stderr, "the refusals were logged"
    assert not leaks(stdout, stderr)
    for name in ("state.db", "state.db-wal"):
        path = state_dir / name
        assert not path.exists() or SECRET.encode() not in path.read_bytes()
