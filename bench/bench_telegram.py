"""End-to-end Telegram speed: the real bot in its own process against the fake Bot API server.

Measured through the protocol (getUpdates long polling in, sendMessage out), side by
side for three HTTP clients: httpx (python-telegram-bot's HTTPXRequest), aiohttp (the
bot's transport, handlers.aiohttp_request) and the hand-written client the bot had
before (a baseline copy in bench/baseline_transport.py):

- throughput: N questions from N chats pushed at once; answered messages per second
  (target >= 300, ten times Telegram's own 30 messages/s limit);
- latency: questions paced at 100 per second; p50/p99 from the moment an update is
  queued on the server to the moment its first reply arrives (target p99 <= 50 ms);
- CPU: the bot process's user + system time over both phases, per answered message
  (each answer is one sendMessage plus its share of the getUpdates polls);
- memory: the bot process's peak RSS (VmHWM from /proc; target <= 110 MB);
- first, the Bot API calls alone: sendMessage after sendMessage from this process,
  CPU of the calling thread per call (the fake server runs in other threads).

The bot runs as `python -m bench.telegram_bot`: `tilskuddsbot run` with the
rate limiter off (with it on, the bot is held to 30 messages/s by design).
Each client gets a fresh bot process that runs BENCH_REPEATS bursts and paced
phases (peak RSS is that process's). Machines are shared and noisy: medians over
the repeats, ratios to aiohttp; BENCH_ROUNDS > 1 runs every client again in
fresh processes, in a rotating order, and pools the repeats. The targets are
checked for aiohttp, the one the bot uses. BENCH_TRANSPORTS (comma-separated)
measures only some of the clients.
"""

from __future__ import annotations

import asyncio
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
from dataclasses import dataclass
from pathlib import Path

from telegram import Bot

from bench.telegram_bot import TRANSPORTS, factory
from tests.fakebot import TOKEN, Call, FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "questions.yaml"
REPEATS = int(os.environ.get("BENCH_REPEATS", "3"))  # bursts and paced phases per bot process
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "1"))  # bot processes per transport
BURST = int(os.environ.get("BENCH_TELEGRAM_BURST", "2000"))
PACED_RATE = 100.0  # messages per second
PACED_SECONDS = float(os.environ.get("BENCH_TELEGRAM_SECONDS", "5"))
CALLS = int(os.environ.get("BENCH_TELEGRAM_CALLS", "2000"))  # per repeat, for the calls alone
REPLY = "<b>Prosjektskjønnsmidler</b>: søknadsfristen er 1. mars. " * 8  # a typical answer
TODAY = dt.date(2022, 1, 28)
TARGETS = {"throughput": 300.0, "p99_ms": 50.0, "peak_rss_mb": 110.0}
PRODUCTION = "aiohttp"


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


def start_bot(fake: FakeTelegram, folder: Path, transport: str) -> subprocess.Popen[bytes]:
    """Start the bot process with a transport against the fake server, with its own data folder.

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
        BENCH_TRANSPORT=transport,
    )
    with (folder / "bot.log").open("wb") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "bench.telegram_bot"], cwd=ROOT, env=env, stderr=out
        )


def cpu_seconds(pid: int) -> float:
    """Return a process's user + system CPU time so far, in seconds (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


@dataclass(frozen=True)
class Run:
    """What one bot process measured."""

    throughput: float
    p50: float
    p99: float
    cpu_ms: float  # per answered message
    rss: float


def measure(transport: str, texts: list[str]) -> list[Run]:
    """Start a bot with a transport, warm it up, run REPEATS bursts and paced phases."""
    replies, chats = Replies(), Chats()
    measured: list[tuple[float, float, float, float]] = []
    with FakeTelegram() as fake, tempfile.TemporaryDirectory() as tmp:
        fake.on_call = replies
        bot = start_bot(fake, Path(tmp), transport)
        try:
            fake.wait_for_sync(lambda: fake.requests("setMyCommands"), timeout=60)
            for i, chat in enumerate(warm := chats.take(100)):
                fake.send_text(chat, texts[i % len(texts)])
            replies.expect(set(warm))
            replies.done.wait(60)
            for _ in range(REPEATS):
                cpu = cpu_seconds(bot.pid)
                rate = burst(fake, replies, chats, texts)
                latencies = paced(fake, replies, chats, texts)
                cpu_ms = (cpu_seconds(bot.pid) - cpu) * 1000 / (BURST + len(latencies))
                measured.append(
                    (rate, percentile(latencies, 50), percentile(latencies, 99), cpu_ms)
                )
            rss = peak_rss_mb(bot.pid)
        finally:
            bot.send_signal(signal.SIGTERM)
            bot.wait(timeout=30)
            if bot.returncode != 0:
                print((Path(tmp) / "bot.log").read_text()[-3000:], file=sys.stderr)
    return [Run(*m, rss) for m in measured]


async def calls_alone(transport: str, fake: FakeTelegram) -> tuple[float, float, float]:
    """Make CALLS sendMessage calls one after another through a transport, in this process.

    Return the CPU of the calling thread per call in microseconds (the fake server
    runs in other threads), calls per second and the p99 of a call in ms.
    """
    make = factory(transport)
    url = fake.base_url
    bot = Bot(TOKEN, base_url=url, request=make(url), get_updates_request=make(url))
    async with bot:
        for _ in range(100):  # warm up
            await bot.send_message(1, REPLY)
        took: list[float] = []
        cpu, start = time.thread_time(), time.perf_counter()
        for _ in range(CALLS):
            began = time.perf_counter()
            await bot.send_message(1, REPLY)
            took.append(time.perf_counter() - began)
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - start
    return cpu * 1e6 / CALLS, CALLS / wall, percentile(took, 99) * 1000


def report_calls(transports: list[str]) -> None:
    """Measure the calls alone REPEATS times per transport (interleaved); print the medians."""
    found: dict[str, list[tuple[float, float, float]]] = {t: [] for t in transports}
    with FakeTelegram() as fake:
        for _ in range(REPEATS):
            for transport in transports:
                found[transport].append(asyncio.run(calls_alone(transport, fake)))
    print(
        f"Bot API calls alone ({REPEATS} repeats of {CALLS} sendMessage calls one after another "
        "from one process; CPU of the calling thread; medians):"
    )
    print(f"  {'client':<13}{'CPU us/call':>12}{'calls/s':>9}{'p99 ms':>8}")
    medians = {t: [statistics.median(v) for v in zip(*rs, strict=True)] for t, rs in found.items()}
    for transport, (cpu, rate, p99) in medians.items():
        print(f"  {transport:<13}{cpu:12.0f}{rate:9.0f}{p99:8.2f}")
    base = medians.get(PRODUCTION)
    if base is not None:
        for transport, (cpu, rate, p99) in medians.items():
            if transport != PRODUCTION:
                print(
                    f"  {transport} / aiohttp: CPU per call {cpu / base[0]:.2f}x, "
                    f"calls/s {rate / base[1]:.2f}x, p99 {p99 / base[2]:.2f}x"
                )


def main() -> None:
    """Measure every transport: the calls alone, then the bot end to end (BENCH_ROUNDS times)."""
    chosen = os.environ.get("BENCH_TRANSPORTS", ",".join(TRANSPORTS)).split(",")
    transports = [t for t in TRANSPORTS if t in chosen]
    report_calls(transports)
    texts = questions()
    runs: dict[str, list[Run]] = {t: [] for t in transports}
    for round_ in range(ROUNDS):
        shift = round_ % len(transports)
        for transport in transports[shift:] + transports[:shift]:
            runs[transport] += measure(transport, texts)
    report(runs)


def report(runs: dict[str, list[Run]]) -> None:
    """Print the medians side by side, their ratios to aiohttp, and the targets."""
    medians = {
        t: Run(*(statistics.median(getattr(r, f) for r in rs) for f in Run.__dataclass_fields__))
        for t, rs in runs.items()
    }
    print(
        f"telegram end to end ({ROUNDS} bot process(es) per client, each {REPEATS} repeats of "
        f"{BURST} burst messages and {int(PACED_RATE * PACED_SECONDS)} paced at "
        f"{PACED_RATE:.0f}/s; rate limiter off; medians):"
    )
    print(f"  {'client':<13}{'msgs/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'CPU ms/msg':>12}{'RSS MB':>9}")
    for transport, m in medians.items():
        print(
            f"  {transport:<13}{m.throughput:8.0f}{m.p50:9.1f}{m.p99:9.1f}"
            f"{m.cpu_ms:12.2f}{m.rss:9.1f}"
        )
    base = medians.get(PRODUCTION)
    if base is not None:
        for transport, m in medians.items():
            if transport != PRODUCTION:
                print(
                    f"  {transport} / aiohttp: throughput {m.throughput / base.throughput:.2f}x, "
                    f"p99 {m.p99 / base.p99:.2f}x, CPU {m.cpu_ms / base.cpu_ms:.2f}x, "
                    f"RSS {m.rss - base.rss:+.1f} MB"
                )
        targets(base)
    for transport, rs in runs.items():
        print(
            f"  repeats {transport}: msgs/s {[round(r.throughput) for r in rs]}, "
            f"p99 {[round(r.p99, 1) for r in rs]}, RSS {[round(r.rss, 1) for r in rs]}"
        )


def targets(m: Run) -> None:
    """Print the production transport's medians against the targets."""

    def mark(ok: bool) -> str:
        return "ok" if ok else "MISSED"

    print(
        f"  targets (aiohttp): throughput {m.throughput:.0f} >= {TARGETS['throughput']:.0f} "
        f"{mark(m.throughput >= TARGETS['throughput'])}; "
        f"p99 {m.p99:.1f} ms <= {TARGETS['p99_ms']:.0f} {mark(m.p99 <= TARGETS['p99_ms'])}; "
        f"peak RSS {m.rss:.1f} MB <= {TARGETS['peak_rss_mb']:.0f} "
        f"{mark(m.rss <= TARGETS['peak_rss_mb'])}"
    )


if __name__ == "__main__":
    main()
