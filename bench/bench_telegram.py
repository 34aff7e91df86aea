"""End-to-end Telegram speed: the real bot in its own process against the fake Bot API server.

Measured through the protocol (getUpdates long polling in, sendMessage out):

- throughput: N questions from N chats pushed at once; answered messages per second
  (target >= 300, ten times Telegram's own 30 messages/s limit);
- latency: questions paced at 100 per second; p50/p99 from the moment an update is
  queued on the server to the moment its first reply arrives (target p99 <= 50 ms);
- memory: the bot process's peak RSS (VmHWM from /proc; target <= 100 MB).

The bot runs as `python -m bench.telegram_bot`: `tilskuddsbot run` with the
AIORateLimiter off (with it on, the bot is held to 30 messages/s by design).
Machines are shared and noisy: medians over BENCH_REPEATS repeats.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.fakebot import TOKEN, Call, FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "questions.yaml"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))
BURST = int(os.environ.get("BENCH_TELEGRAM_BURST", "2000"))
PACED_RATE = 100.0  # messages per second
PACED_SECONDS = float(os.environ.get("BENCH_TELEGRAM_SECONDS", "5"))
TODAY = dt.date(2022, 1, 28)
TARGETS = {"throughput": 300.0, "p99_ms": 50.0, "peak_rss_mb": 100.0}


def questions() -> list[str]:
    """Return the single-question texts of the labelled corpus, and a few commands."""
    from bot.evaluate import load_corpus

    texts = [c.q for conv in load_corpus(CORPUS) if len(conv) == 1 for c in conv]
    return [*texts, "/hjelp", "/frister", "/faq klagerett", "/start"]


class Replies:
    """First-reply times per chat, recorded by the fake server as replies arrive."""

    def __init__(self) -> None:
        """Start empty."""
        self.first: dict[int, float] = {}
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.expected: set[int] = set()

    def expect(self, chats: set[int]) -> None:
        """Wait for a first reply in each of these chats."""
        with self.lock:
            self.expected = set(chats) - set(self.first)
            if not self.expected:
                self.done.set()
            else:
                self.done.clear()

    def __call__(self, call: Call) -> None:
        """Record a served sendMessage (called from the server's threads)."""
        if call.method != "sendMessage" or not call.delivered:
            return
        now = time.perf_counter()
        chat = int(call.fields["chat_id"])
        with self.lock:
            if chat not in self.first:
                self.first[chat] = now
                self.expected.discard(chat)
                if not self.expected:
                    self.done.set()


def start_bot(fake: FakeTelegram, folder: Path) -> subprocess.Popen[bytes]:
    """Start the bot process against the fake server, with its own data folder.

    The folder gets a copy of the built knowledge base (TILSKUDDSBOT_DATA_DIR, else data/;
    the bot builds one if there is none), so the bench never writes to the real state.db.
    """
    data = folder / "data"
    data.mkdir()
    built = Path(os.environ.get("TILSKUDDSBOT_DATA_DIR", str(ROOT / "data"))) / "knowledge.db"
    if built.is_file():
        shutil.copy2(built, data / "knowledge.db")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        TILSKUDDSBOT_TODAY=TODAY.isoformat(),
        TILSKUDDSBOT_DATA_DIR=str(data),
    )
    with (folder / "bot.log").open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bench.telegram_bot"], cwd=ROOT, env=env, stderr=out
        )


def peak_rss_mb(pid: int) -> float:
    """Return a process's peak resident set size (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return ordered[index]


class Chats:
    """Hands out fresh chat ids, so every question is its own conversation."""

    def __init__(self) -> None:
        """Start at 1."""
        self.next = 1

    def take(self, count: int) -> list[int]:
        """Return count new chat ids."""
        ids = list(range(self.next, self.next + count))
        self.next += count
        return ids


def burst(fake: FakeTelegram, replies: Replies, chats: Chats, texts: list[str]) -> float:
    """Push BURST questions at once; return answered messages per second."""
    ids = chats.take(BURST)
    replies.expect(set(ids))
    start = time.perf_counter()
    for i, chat in enumerate(ids):
        fake.send_text(chat, texts[i % len(texts)])
    if not replies.done.wait(120):
        raise RuntimeError(f"only {BURST - len(replies.expected)} of {BURST} answered")
    last = max(replies.first[c] for c in ids)
    return BURST / (last - start)


def paced(fake: FakeTelegram, replies: Replies, chats: Chats, texts: list[str]) -> list[float]:
    """Push questions at PACED_RATE per second; return reply latencies in ms."""
    count = int(PACED_RATE * PACED_SECONDS)
    ids = chats.take(count)
    replies.expect(set(ids))
    sent: dict[int, float] = {}
    start = time.perf_counter()
    for i, chat in enumerate(ids):
        delay = start + i / PACED_RATE - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        sent[chat] = time.perf_counter()
        fake.send_text(chat, texts[i % len(texts)])
    if not replies.done.wait(60):
        raise RuntimeError(f"only {count - len(replies.expected)} of {count} answered")
    return [(replies.first[c] - sent[c]) * 1000 for c in ids]


def main() -> None:
    """Run the benchmark and print medians over the repeats."""
    texts = questions()
    replies, chats = Replies(), Chats()
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as tmp:
        fake.on_call = replies
        bot = start_bot(fake, Path(tmp))
        try:
            fake.wait_for_sync(lambda: fake.requests("setMyCommands"), timeout=60)
            for i, chat in enumerate(warm := chats.take(100)):
                fake.send_text(chat, texts[i % len(texts)])
            replies.expect(set(warm))
            replies.done.wait(60)
            rates, p50s, p99s = [], [], []
            for _ in range(REPEATS):
                rates.append(burst(fake, replies, chats, texts))
                latencies = paced(fake, replies, chats, texts)
                p50s.append(percentile(latencies, 50))
                p99s.append(percentile(latencies, 99))
            rss = peak_rss_mb(bot.pid)
        finally:
            bot.send_signal(signal.SIGTERM)
            bot.wait(timeout=30)
            if bot.returncode != 0:
                print((Path(tmp) / "bot.log").read_text()[-3000:], file=sys.stderr)
    report(rates, p50s, p99s, rss)


def report(rates: list[float], p50s: list[float], p99s: list[float], rss: float) -> None:
    """Print the medians against the targets."""
    throughput, p50, p99 = (statistics.median(v) for v in (rates, p50s, p99s))

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    print(
        f"telegram end to end ({REPEATS} repeats of {BURST} burst messages and "
        f"{int(PACED_RATE * PACED_SECONDS)} paced at {PACED_RATE:.0f}/s; rate limiter off):"
    )
    print(
        f"  throughput  {throughput:6.0f} answered msgs/s   "
        f"target >= {TARGETS['throughput']:.0f}  {mark(throughput >= TARGETS['throughput'])}"
    )
    print(
        f"  latency     p99 {p99:.1f} ms (p50 {p50:.1f})   "
        f"target <= {TARGETS['p99_ms']:.0f} ms  {mark(p99 <= TARGETS['p99_ms'])}"
    )
    print(
        f"  peak RSS    {rss:6.1f} MB               "
        f"target <= {TARGETS['peak_rss_mb']:.0f} MB  {mark(rss <= TARGETS['peak_rss_mb'])}"
    )
    print(f"  repeats: throughput {[round(r) for r in rates]}, p99 {[round(p, 1) for p in p99s]}")


if __name__ == "__main__":
    main()
