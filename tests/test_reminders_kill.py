"""Kill -9 in the middle of a reminder pass, restart it: nothing lost, only in-flight repeated."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bot.state import StateStore
from bot.statedb import open_state

ROOT = Path(__file__).resolve().parents[1]
CHATS = 200
KILL_AFTER = 60
CONCURRENCY = 4

# A pass in its own process. The sender stands for Telegram: the message "arrives" when its
# chat id is appended (and fsynced) to the log, half-way through the call, so a kill can land
# before the arrival, between arrival and confirmation, or after both.
WORKER = """
import asyncio, datetime as dt, json, os, sys
from pathlib import Path
from bot.reminders import Pacing, SendResult, run_pass
from bot.state import StateStore
from bot.statedb import open_state
from knowledge.store import load_database

class FileSender:
    def __init__(self, path):
        self.log = open(path, "a")
        self.count = 0

    async def send(self, chat_id, html):
        await asyncio.sleep(0.002)
        self.log.write(f"{chat_id}\\n")
        self.log.flush()
        os.fsync(self.log.fileno())
        await asyncio.sleep(0.002)
        self.count += 1
        return SendResult.ok(self.count)

async def main():
    state, kb, log, day, concurrency = sys.argv[1:]
    store = StateStore(open_state(Path(state)))
    pacing = Pacing(rate=5000.0, concurrency=int(concurrency))
    report = await run_pass(
        store, load_database(Path(kb)), dt.date.fromisoformat(day), FileSender(log), pacing=pacing
    )
    print(json.dumps(report.counts()))

asyncio.run(main())
"""


def worker(state: Path, kb: Path, log: Path) -> subprocess.Popen[str]:
    """Start a pass in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = [str(state), str(kb), str(log), "2022-02-01", str(CONCURRENCY)]
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines(log: Path) -> list[str]:
    """Return the chat ids the fake Telegram received."""
    return log.read_text().split() if log.exists() else []


def test_a_pass_killed_mid_way_and_restarted_sends_all_and_repeats_only_in_flight(
    tmp_path: Path, session_data_dir: Path
) -> None:
    state, log, kb = tmp_path / "state.db", tmp_path / "received.log", session_data_dir
    with open_state(state) as db:
        store = StateStore(db)
        for chat in range(1, CHATS + 1):
            store.subscribe(chat, ["kommunalt-rusarbeid"], dt.date(2022, 1, 20))

    first = worker(state, kb / "knowledge.db", log)
    deadline = time.monotonic() + 60
    while len(lines(log)) < KILL_AFTER:
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline, "the pass did not get going"
        time.sleep(0.005)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL

    with open_state(state) as db:
        store = StateStore(db)
        in_flight = {row.chat_id for row in store.rows(["sending"])}
        sent_before = {row.chat_id for row in store.rows(["sent"])}
        record = store.pass_record(dt.date(2022, 2, 1))
    assert record is not None and record.status == "started"
    assert len(in_flight) <= CONCURRENCY
    assert KILL_AFTER - CONCURRENCY <= len(sent_before) < CHATS

    second = worker(state, kb / "knowledge.db", log)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    counts = json.loads(out.strip().splitlines()[-1])

    received = Counter(int(chat) for chat in lines(log))
    assert set(received) == set(range(1, CHATS + 1))  # nothing lost
    repeated = {chat for chat, n in received.items() if n > 1}
    print(f"in flight {sorted(in_flight)} repeated {sorted(repeated)}")
    assert repeated <= in_flight  # only what was in flight at the kill
    assert max(received.values()) <= 2
    assert counts["in_flight"] == len(in_flight) == counts["resent_in_flight"]
    assert counts["sent"] == CHATS - len(sent_before) and counts["planned"] == 0
    with open_state(state) as db:
        store = StateStore(db)
        assert store.counts() == {"sent": CHATS}
        finished = store.pass_record(dt.date(2022, 2, 1))
        assert finished is not None and finished.status == "finished"
