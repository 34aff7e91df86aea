"""A data file or folder the bot cannot use stops it with one clear line and exit code 2.

Through the command line (`tilskuddsbot ask/chat/run/remind`): a corrupted, unreadable or
read-only state.db or knowledge.db, or a data folder the bot may not write, is named in one
line on stderr with what to do; never a traceback, and the broken file is left as it was.
(The bot itself, `chat` and `run`, rebuilds a corrupted knowledge.db from the sources and keeps
the broken file beside it: see test_knowledge_repair.)
Permissions are tested in a subprocess; as root, it runs without the capabilities that let
root ignore file permissions (CAP_DAC_OVERRIDE and friends), as the bot's own user would.
"""

from __future__ import annotations

import ctypes
import io
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.statedb import open_state
from tests.fakebot import TOKEN, FakeTelegram

ROOT = Path(__file__).resolve().parents[1]
GARBAGE = b"this is not a database, it is a broken file\n" * 50
PR_CAPBSET_DROP = 24
ROOT_OVERRIDES = (1, 2, 3)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
COMMANDS = {
    "ask": ["ask", "hva får vi i år 3 for 2 årsverk?"],
    "chat": ["chat"],
    "run": ["run"],
    "remind": ["remind"],
}


@pytest.fixture
def data(state_dir: Path) -> Path:
    """A data folder with a good knowledge.db and no state yet."""
    return state_dir


@pytest.fixture
def telegram(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeTelegram]:
    """A fake Bot API server the bot would talk to, with the token set."""
    with FakeTelegram() as fake:
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", fake.base_url)
        yield fake


def run(
    args: list[str], data: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    """Run the command line in this process; return the exit code and stderr."""
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(data))
    monkeypatch.setattr("sys.stdin", io.StringIO("hei\n"))
    code = main(args, io.StringIO())
    return code, capsys.readouterr().err


def one_clear_line(err: str, *words: str) -> str:
    """Check that stderr is one line naming what went wrong; return it."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err and lines[0].startswith("tilskuddsbot: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.mark.parametrize("command", ["ask", "remind"])
def test_a_corrupted_knowledge_database_stops_a_one_off_command_with_one_line(
    command: str,
    data: Path,
    telegram: FakeTelegram,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (data / "knowledge.db").write_bytes(GARBAGE)
    code, err = run(COMMANDS[command], data, capsys, monkeypatch)
    assert code == 2
    one_clear_line(err, str(data / "knowledge.db"), "kb build")
    assert (data / "knowledge.db").read_bytes() == GARBAGE
    assert telegram.requests() == [], "Telegram is not contacted"


@pytest.mark.parametrize("command", ["chat", "run", "remind"])
@pytest.mark.parametrize(
    ("broken", "words"),
    [
        ("garbage", ("is not a readable state database", "restore it from a backup")),
        ("folder", ("is not a file", "move it away")),
    ],
)
def test_a_broken_state_database_stops_the_bot_with_one_line(
    command: str,
    broken: str,
    words: tuple[str, ...],
    data: Path,
    telegram: FakeTelegram,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    state = data / "state.db"
    if broken == "garbage":
        state.write_bytes(GARBAGE)
    else:
        state.mkdir()
    code, err = run(COMMANDS[command], data, capsys, monkeypatch)
    assert code == 2
    one_clear_line(err, str(state), *words)
    assert telegram.requests() == [], "the bot stops before it talks to Telegram"
    if broken == "garbage":
        assert state.read_bytes() == GARBAGE, "a broken file is never overwritten"


@pytest.mark.parametrize("command", ["ask", "chat"])
def test_a_data_folder_that_is_a_file_stops_with_one_line(
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    code, err = run(COMMANDS[command], blocker, capsys, monkeypatch)
    assert code == 2
    one_clear_line(err, str(blocker), "TILSKUDDSBOT_DATA_DIR")


def without_root_overrides() -> None:
    """In the child: drop the capabilities that let root ignore file permissions."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in ROOT_OVERRIDES:
            libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0)


def run_as_a_user(args: list[str], data: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess bound by file permissions."""
    environ = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    environ.update(TILSKUDDSBOT_DATA_DIR=str(data), **env)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=ROOT,
        env=environ,
        input="hei\n",
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=without_root_overrides,
    )


@pytest.fixture
def restore_permissions(data: Path) -> Iterator[None]:
    """Make everything writable again after the test, so tmp_path can be cleaned up."""
    yield
    for path in (data, *data.iterdir()):
        path.chmod(path.stat().st_mode | stat.S_IRWXU)


@pytest.mark.usefixtures("restore_permissions")
@pytest.mark.parametrize("command", ["chat", "run", "remind"])
@pytest.mark.parametrize("read_only", ["file", "folder"])
def test_a_read_only_state_database_or_data_folder_stops_the_bot_with_one_line(
    command: str, read_only: str, data: Path, telegram: FakeTelegram
) -> None:
    state = data / "state.db"
    if read_only == "file":
        open_state(state).close()
        state.chmod(0o444)
    else:
        data.chmod(0o555)
    files = sorted(p for p in data.iterdir() if p.suffix == ".db")  # not SQLite's -wal, -shm
    before = [p.read_bytes() for p in files]
    done = run_as_a_user(COMMANDS[command], data)
    assert done.returncode == 2, done.stderr
    said = "is read-only" if read_only == "file" else "cannot open"
    one_clear_line(done.stderr, str(state), said, "write", str(data))
    assert [p.read_bytes() for p in files] == before
    assert telegram.requests() == []


@pytest.mark.usefixtures("restore_permissions")
def test_ask_in_a_read_only_data_folder_without_a_knowledge_database_says_so(data: Path) -> None:
    (data / "knowledge.db").unlink()
    data.chmod(0o555)
    done = run_as_a_user(COMMANDS["ask"], data)
    assert done.returncode == 2, done.stderr
    one_clear_line(done.stderr, str(data / "knowledge.db"), "cannot be built there", "writable")


@pytest.mark.usefixtures("restore_permissions")
@pytest.mark.parametrize("name", ["knowledge.db", "state.db"])
def test_an_unreadable_data_file_stops_with_one_line(
    name: str, data: Path, telegram: FakeTelegram
) -> None:
    open_state(data / "state.db").close()
    (data / name).chmod(0o000)
    done = run_as_a_user(COMMANDS["chat"], data)
    assert done.returncode == 2, done.stderr
    one_clear_line(done.stderr, str(data / name), "cannot open")
