"""One bot per data folder: an exclusive lock on a file in it, held while the bot runs.

Two bots on the same ``state.db`` would answer each other's buttons ("utløpt") and race
for the reminder passes. :func:`lock_data_folder` takes an exclusive ``flock`` on
``tilskuddsbot.lock`` in the data folder (and writes the holder's pid into it, for the
message); a second bot is refused with one line. The kernel drops the lock when the holder
exits in any way, also by kill -9, so a stale file never blocks the next start.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from bot.statedb import StateError

LOCK_FILE = "tilskuddsbot.lock"


class AlreadyRunning(StateError):
    """Another bot holds the data folder; the message says which and what to do."""


class DataLock:
    """A held lock on a data folder; :meth:`release` (or the process's end) gives it back."""

    def __init__(self, path: Path, fd: int | None) -> None:
        """Keep the lock file's descriptor (use :func:`lock_data_folder`)."""
        self.path = path
        self._fd: int | None = fd

    def release(self) -> None:
        """Give the lock back (once)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def lock_data_folder(folder: Path) -> DataLock:
    """Take the data folder for this process, or raise AlreadyRunning / StateError."""
    path = Path(folder) / LOCK_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    except PermissionError:  # a read-only folder: no bot can run there; state.db says why
        return DataLock(path, None)
    except OSError as exc:
        raise StateError(
            f"cannot use the data folder {path.parent} ({exc.strerror}): create it, or set "
            "TILSKUDDSBOT_DATA_DIR to a folder the bot's user may write to"
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise AlreadyRunning(
            f"another Tilskuddsbot (pid {holder}) is already running on the data folder "
            f"{path.parent}: stop it first, or give this one a TILSKUDDSBOT_DATA_DIR of its own"
        ) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    return DataLock(path, fd)
