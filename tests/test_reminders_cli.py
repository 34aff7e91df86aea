"""`tilskuddsbot remind` against a small fake Bot API: real HTTP through python-telegram-bot."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest

from bot.cli import main
from bot.state import StateStore
from bot.statedb import open_state

pytestmark = pytest.mark.filterwarnings("ignore:Deprecated since version v22.2")  # PTB's RetryAfter

TOKEN = "123456:TEST"
DAY = "2022-02-01"  # 14 days before Kommunalt rusarbeid's deadline, 15 February 2022

# Scripted answers per chat id; anything else is delivered.
ERRORS: dict[int, list[dict[str, Any]]] = {
    2: [{"error_code": 403, "description": "Forbidden: bot was blocked by the user"}],
    3: [{"error_code": 400, "description": "Bad Request: chat not found"}],
    4: [
        {
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        }
    ],
    -5: [
        {
            "error_code": 400,
            "description": "Bad Request: group chat was upgraded to a supergroup chat",
            "parameters": {"migrate_to_chat_id": -1005},
        }
    ],
}


class FakeBotApi(ThreadingHTTPServer):
    """Answer getMe and sendMessage like the Bot API, with scripted errors."""

    def __init__(self) -> None:
        """Listen on a free local port."""
        super().__init__(("127.0.0.1", 0), Handler)
        self.script = {chat: list(answers) for chat, answers in ERRORS.items()}
        self.delivered: list[tuple[int, str]] = []
        self.lock = threading.Lock()

    @property
    def base_url(self) -> str:
        """Return the base URL PTB appends the token to."""
        return f"http://127.0.0.1:{self.server_address[1]}/bot"


class Handler(BaseHTTPRequestHandler):
    """One Bot API request."""

    server: FakeBotApi

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_POST(self) -> None:
        """Answer a Bot API method."""
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        method = self.path.rsplit("/", 1)[-1]
        if method == "getMe":
            reply: dict[str, Any] = {
                "ok": True,
                "result": {"id": 1, "is_bot": True, "first_name": "T", "username": "t_bot"},
            }
        elif method == "sendMessage":
            chat = int(form["chat_id"])
            with self.server.lock:
                scripted = self.server.script.get(chat)
                error = scripted.pop(0) if scripted else None
                if error is None:
                    self.server.delivered.append((chat, form["text"]))
                    number = len(self.server.delivered)
            if error is not None:
                reply = {"ok": False, **error}
            else:
                reply = {
                    "ok": True,
                    "result": {
                        "message_id": number,
                        "date": 0,
                        "chat": {"id": chat, "type": "private"},
                        "text": form["text"],
                    },
                }
        else:
            reply = {"ok": True, "result": True}
        body = json.dumps(reply).encode()
        status = 200 if reply["ok"] else int(reply["error_code"])
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def api() -> Iterator[FakeBotApi]:
    """Run the fake Bot API in a thread."""
    server = FakeBotApi()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def data_dir(tmp_path: Path, session_data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use a private data folder with the built knowledge base."""
    shutil.copy(session_data_dir / "knowledge.db", tmp_path / "knowledge.db")
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path))
    return tmp_path


def run(*argv: str) -> tuple[int, str]:
    """Run the command line; return the exit code and what it printed."""
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_remind_sends_the_days_reminders_through_the_bot_api_and_reports_each(
    api: FakeBotApi, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
    with open_state(data_dir / "state.db") as db:
        store = StateStore(db)
        for chat in (1, 2, 3, 4, -5):
            store.subscribe(chat, ["kommunalt-rusarbeid"], dt.date(2022, 1, 20))

    code, out = run("remind", "--today", DAY)

    assert code == 1, out  # chat 3 does not exist: one failure
    lines = out.splitlines()
    assert {line.split(" chat ")[0] + " " + line.split()[2] for line in lines[:-1]} == {
        "sent 1",
        "deactivated 2",
        "failed 3",
        "sent 4",
        "migrated -5",
        "sent -1005",
    }
    assert lines[-1].startswith("pass 2022-02-01: planned 5, sent 3")
    assert "429 answers 1" in lines[-1] and "failed 1, deactivated 1, migrated 1" in lines[-1]
    assert sorted(chat for chat, _ in api.delivered) == [-1005, 1, 4]
    assert all(
        "<b>Påminnelse: søknadsfrist – Kommunalt rusarbeid</b>" in t for _, t in api.delivered
    )

    again, out = run("remind", "--today", DAY)
    assert again == 0
    assert out.splitlines() == [
        "pass 2022-02-01 (already finished: nothing planned): planned 0, sent 0 (late 0, "
        "re-sent in flight 0 of 0), skipped 0, failed 0, deactivated 0, migrated 0, "
        "429 answers 0, retries 0"
    ]
    assert len(api.delivered) == 3


def test_remind_without_a_token_is_a_configuration_error(data_dir: Path) -> None:
    assert run("remind", "--today", DAY)[0] == 2


def test_remind_says_so_and_fails_when_the_bot_api_cannot_be_reached(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    server = FakeBotApi()  # bound, never serving: take its port, then close it
    base = server.base_url
    server.server_close()
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", base)
    assert run("remind", "--today", DAY)[0] == 1
    assert "cannot use the Bot API" in capsys.readouterr().err


def test_a_token_revoked_during_the_pass_stops_it_at_once_and_the_next_pass_sends_the_rest(
    api: FakeBotApi,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", api.base_url)
    chats = list(range(101, 141))  # paced: the first 401 is back long before the last call
    with open_state(data_dir / "state.db") as db:
        store = StateStore(db)
        for chat in chats:
            store.subscribe(chat, ["kommunalt-rusarbeid"], dt.date(2022, 1, 20))
    refused = {"error_code": 401, "description": "Unauthorized"}
    api.script = {chat: [refused] for chat in chats}
    capsys.readouterr()

    code, _out = run("remind", "--today", DAY)

    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [
        "tilskuddsbot: configuration error: TELEGRAM_BOT_TOKEN was rejected by Telegram"
    ]
    refusals = sum(1 for chat in chats if not api.script[chat])
    assert refusals < len(chats)  # it stopped instead of trying every subscriber
    assert api.delivered == []

    api.script = {}
    code, out = run("remind", "--today", DAY)
    assert code == 0, out
    assert sorted(chat for chat, _ in api.delivered) == chats
