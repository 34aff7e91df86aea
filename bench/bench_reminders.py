"""Reminder pass throughput: N subscribers, one reminder each, against a fake Telegram at 30/s.

Targets (the broadcasts issue): sustained rate >= 28 messages/s, zero 429 answers, zero lost,
zero duplicates; and the same with a kill -9 half way and a restart, with nothing lost or
doubled beyond the messages in flight at the kill.

Two variants:

- ``in-process``: ``run_pass`` with the default pacing and a fake sender that stands for
  Telegram: 20 ms each way, and at most 30 arrivals in any one-second window (strict sliding
  window, stricter than Telegram); an arrival over the limit gets a 429 with retry_after 1.
- ``kill -9``: the real ``tilskuddsbot remind`` in a subprocess, through python-telegram-bot
  and HTTP to a fake Bot API server in this process (same limit, counted at arrival). It is
  killed with SIGKILL after half the messages arrived, then run again to completion.

N is ``BENCH_REMINDERS_N`` (default 10 000: about six minutes per variant at 30/s).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parents[1]
N = int(os.environ.get("BENCH_REMINDERS_N", "10000"))
LIMIT = 30  # messages per WINDOW seconds, counted at arrival
WINDOW = 1.0
LATENCY = 0.02  # seconds each way, in-process variant
DAY = dt.date(2022, 2, 1)  # 14 days before Kommunalt rusarbeid's deadline
SCHEME = "kommunalt-rusarbeid"
TOKEN = "123456:BENCH"


class Telegram:
    """Server-side accounting: a strict sliding-window limit, what arrived and when."""

    def __init__(self, limit: int = LIMIT, window: float = WINDOW) -> None:
        """Start empty."""
        self.limit, self.window = limit, window
        self.lock = threading.Lock()
        self.recent: deque[float] = deque()
        self.received: Counter[int] = Counter()
        self.times: list[float] = []
        self.throttled = 0

    def arrive(self, chat_id: int) -> bool:
        """Accept a message unless it would make more than `limit` in any window."""
        with self.lock:
            now = time.monotonic()
            while self.recent and self.recent[0] <= now - self.window:
                self.recent.popleft()
            if len(self.recent) >= self.limit:
                self.throttled += 1
                return False
            self.recent.append(now)
            self.received[chat_id] += 1
            self.times.append(now)
            return True

    def count(self) -> int:
        """Return how many messages were accepted."""
        with self.lock:
            return len(self.times)

    def figures(self, n: int, split: float | None = None) -> dict[str, Any]:
        """Return lost, duplicates, 429s and the sustained rate (per run, split at a time)."""
        with self.lock:
            times = list(self.times)
            parts = (
                [times]
                if split is None
                else [
                    [t for t in times if t < split],
                    [t for t in times if t >= split],
                ]
            )
            lost = sum(1 for chat in range(1, n + 1) if self.received[chat] == 0)
            duplicates = sum(c - 1 for c in self.received.values() if c > 1)
            return {
                "messages": len(times),
                "lost": lost,
                "duplicates": duplicates,
                "doubled_chats": sorted(c for c, k in self.received.items() if k > 1),
                "429": self.throttled,
                "rate": min(rate(part) for part in parts),
                "rates": [rate(part) for part in parts],
                "max_in_window": max_in_window(times, self.window),
            }


def rate(times: list[float]) -> float:
    """Return the sustained rate between the first and the last arrival."""
    return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 else 0.0


def max_in_window(times: list[float], window: float) -> int:
    """Return the most arrivals in any half-open window of the given length."""
    best, start = 0, 0
    for end, t in enumerate(times):
        while times[start] <= t - window:
            start += 1
        best = max(best, end - start + 1)
    return best


def populate(state: Path, n: int) -> None:
    """Subscribe chats 1..n to one scheme so each gets one reminder on DAY."""
    from bot.state import StateStore
    from bot.statedb import open_state

    with open_state(state) as db, db.transaction():
        store = StateStore(db)
        for chat in range(1, n + 1):
            store.subscribe(chat, [SCHEME], dt.date(2022, 1, 20))


# --- in-process ---------------------------------------------------------------------------------


class FakeTelegramSender:
    """The reminder Sender protocol against the in-process fake Telegram."""

    def __init__(self, telegram: Telegram) -> None:
        """Keep the server-side accounting."""
        self.telegram = telegram
        self.count = 0

    async def send(self, chat_id: int, html: str) -> Any:
        """Travel, arrive (or get a 429), travel back."""
        from bot.reminders import SendResult

        await asyncio.sleep(LATENCY)
        accepted = self.telegram.arrive(chat_id)
        await asyncio.sleep(LATENCY)
        if not accepted:
            return SendResult.throttled(1)
        self.count += 1
        return SendResult.ok(self.count)


def in_process(n: int, workdir: Path) -> dict[str, Any]:
    """Run one pass in this process; return the figures."""
    from bot.reminders import run_pass
    from bot.state import StateStore
    from bot.statedb import open_state
    from knowledge.loader import load_sources

    kb = load_sources()
    state = workdir / "inproc.db"
    populate(state, n)
    telegram = Telegram()
    with open_state(state) as db:
        store = StateStore(db)
        start = time.perf_counter()
        report = asyncio.run(run_pass(store, kb, DAY, FakeTelegramSender(telegram)))
        elapsed = time.perf_counter() - start
    figures = telegram.figures(n)
    figures.update(seconds=elapsed, sent=report.sent, failed=report.failed)
    return figures


# --- kill -9 through HTTP -----------------------------------------------------------------------


class BotApi(ThreadingHTTPServer):
    """A fake Bot API: getMe and sendMessage, limited by a Telegram accounting object."""

    daemon_threads = True

    def __init__(self, telegram: Telegram) -> None:
        """Listen on a free local port."""
        super().__init__(("127.0.0.1", 0), BotApiHandler)
        self.telegram = telegram

    @property
    def base_url(self) -> str:
        """Return the base URL the token is appended to."""
        return f"http://127.0.0.1:{self.server_address[1]}/bot"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore connections the killed client dropped."""


class BotApiHandler(BaseHTTPRequestHandler):
    """One Bot API request."""

    server: BotApi
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_POST(self) -> None:
        """Answer getMe, sendMessage (or 429) and anything else with true."""
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        method = self.path.rsplit("/", 1)[-1]
        status, reply = 200, {"ok": True, "result": True}
        if method == "getMe":
            reply["result"] = {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}
        elif method == "sendMessage":
            chat = int(form["chat_id"])
            if self.server.telegram.arrive(chat):
                reply["result"] = {
                    "message_id": self.server.telegram.count(),
                    "date": 0,
                    "chat": {"id": chat, "type": "private"},
                    "text": "",
                }
            else:
                status = 429
                reply = {
                    "ok": False,
                    "error_code": 429,
                    "description": "Too Many Requests: retry after 1",
                    "parameters": {"retry_after": 1},
                }
        body = json.dumps(reply).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def remind(data_dir: Path, base_url: str, log: Path) -> subprocess.Popen[bytes]:
    """Start `tilskuddsbot remind` for DAY in a subprocess."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": base_url,
        "TILSKUDDSBOT_DATA_DIR": str(data_dir),
        "PTB_TIMEDELTA": "1",
    }
    command = [sys.executable, "-m", "bot.cli", "remind", "--today", DAY.isoformat()]
    with log.open("ab") as out:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def killed(n: int, workdir: Path) -> dict[str, Any]:
    """Run `tilskuddsbot remind`, kill -9 it half way, run it again; return the figures."""
    from bot.state import StateStore
    from bot.statedb import open_state
    from knowledge.build import build_database
    from knowledge.loader import load_sources

    data = workdir / "data"
    data.mkdir()
    build_database(load_sources(), data / "knowledge.db")
    populate(data / "state.db", n)
    telegram = Telegram()
    server = BotApi(telegram)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    log = workdir / "remind.log"
    try:
        start = time.perf_counter()
        first = remind(data, server.base_url, log)
        while telegram.count() < n // 2:
            if first.poll() is not None:
                raise RuntimeError(f"the first pass ended early: {log.read_text()[-2000:]}")
            time.sleep(0.01)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        killed_at = time.monotonic()
        at_kill = telegram.count()
        with open_state(data / "state.db") as db:
            in_flight = sorted(row.chat_id for row in StateStore(db).rows(["sending"]))
        second = remind(data, server.base_url, log)
        code = second.wait()
        elapsed = time.perf_counter() - start
    finally:
        server.shutdown()
        server.server_close()
    figures = telegram.figures(n, split=killed_at)
    summary = [line for line in log.read_text().splitlines() if line.startswith("pass ")]
    figures.update(
        seconds=elapsed,
        arrived_before_kill=at_kill,
        in_flight_at_kill=in_flight,
        restart_exit_code=code,
        restart_summary=summary[-1] if summary else "",
    )
    return figures


def verdict(figures: dict[str, Any], allowed_doubles: set[int]) -> str:
    """Check a run against the targets."""
    extra = set(figures["doubled_chats"]) - allowed_doubles
    ok = figures["rate"] >= 28 and figures["429"] == 0 and figures["lost"] == 0 and not extra
    return "OK" if ok else "MISSED"


def main() -> None:
    """Run both variants and print the figures."""
    with tempfile.TemporaryDirectory(prefix="bench-reminders-") as tmp:
        workdir = Path(tmp)
        a = in_process(N, workdir)
        print(
            f"in-process  N={N}: sent {a['messages']} in {a['seconds']:.1f} s, "
            f"sustained {a['rate']:.2f} msg/s (max {a['max_in_window']} in any 1 s), "
            f"429 answers {a['429']}, lost {a['lost']}, duplicates {a['duplicates']} "
            f"-> {verdict(a, set())}",
            flush=True,
        )
        b = killed(N, workdir)
        doubled = b["doubled_chats"]
        print(
            f"kill -9     N={N}: {b['arrived_before_kill']} arrived before the kill, "
            f"{len(b['in_flight_at_kill'])} in flight {b['in_flight_at_kill']}; after the restart "
            f"{b['messages']} arrived in {b['seconds']:.1f} s (incl. restart), sustained "
            f"{b['rates'][0]:.2f} msg/s before the kill and {b['rates'][1]:.2f} after the restart "
            f"(max {b['max_in_window']} in any 1 s), 429 answers {b['429']}, "
            f"lost {b['lost']}, duplicates {b['duplicates']} {doubled} "
            f"(all in flight: {set(doubled) <= set(b['in_flight_at_kill'])}), "
            f"restart exit {b['restart_exit_code']} "
            f"-> {verdict(b, set(b['in_flight_at_kill']))}",
            flush=True,
        )
        print(f"            restart: {b['restart_summary']}", flush=True)
        shutil.rmtree(workdir / "data", ignore_errors=True)


if __name__ == "__main__":
    main()
