"""One bot per data folder: a second `tilskuddsbot run` or `chat` on it is refused in one line.

Real processes against the fake Bot API server; the lock is a flock the kernel drops when its
holder dies, so a bot killed with kill -9 never blocks the next start.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.test_telegram_app import ROOT, bot_process


def second(command: str, fake: FakeTelegram, data: Path) -> subprocess.CompletedProcess[str]:
    """Run another bot command on the same data folder and wait for it."""
    environ = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    environ.update(
        TELEGRAM_BOT_TOKEN="123456789:AAF-fake-token-for-tests-only_xyz",
        TELEGRAM_API_BASE_URL=fake.base_url,
        TILSKUDDSBOT_DATA_DIR=str(data),
    )
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", command],
        cwd=ROOT,
        env=environ,
        input="hei\n",
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_second_bot_on_the_same_data_folder_is_refused_and_a_killed_one_does_not_block(
    fake: FakeTelegram, state_dir: Path
) -> None:
    data = {"TILSKUDDSBOT_DATA_DIR": str(state_dir)}
    with bot_process(fake, **data) as first:
        fake.send_text(76, "/hjelp")
        fake.wait_for_sync(lambda: fake.texts(76), timeout=30)  # up and answering
        starts = len(fake.requests("getMe"))
        for command in ("run", "chat"):
            refused = second(command, fake, state_dir)
            assert refused.returncode == 2, refused.stderr
            [line] = refused.stderr.strip().splitlines()
            assert line == (
                f"tilskuddsbot: another Tilskuddsbot (pid {first.pid}) is already running on "
                f"the data folder {state_dir}: stop it first, or give this one a "
                "TILSKUDDSBOT_DATA_DIR of its own"
            )
        assert len(fake.requests("getMe")) == starts, "the refused bots never talked to Telegram"
        fake.send_text(77, "hva får vi i år 3 for 2 årsverk?")
        fake.wait_for_sync(lambda: fake.texts(77), timeout=10)  # the first bot still answers
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)

    with bot_process(fake, **data) as again:  # the lock died with its holder
        fake.send_text(78, "hva får vi i år 3 for 2 årsverk?")
        fake.wait_for_sync(lambda: fake.texts(78), timeout=30)
        again.send_signal(signal.SIGTERM)
        _, stderr = again.communicate(timeout=20)
    assert again.returncode == 0, stderr
    assert "880 000 kr" in fake.texts(78)[0]
