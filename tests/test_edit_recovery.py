"""kill -9 at every step of an admin edit: after the restart, YAML, audit log and database agree.

Each edit runs in a real process built as the composition root builds the bot; the journal's
public ``checkpoint`` hook kills it (SIGKILL) right after the named step. The next start
(``build_core``) completes the edit, or rolls it back when it can no longer be completed, and
the admins are told, in Telegram too (real PTB client, fake Bot API server).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import Core, build_core
from bot.config import Settings
from handlers.admin import WATCH_JOB
from knowledge.loader import load_sources
from knowledge.store import load_database
from tests.fakebot import FakeTelegram
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import ADMIN_ID, TODAY, make_settings, running_bot
from tests.telegram_state_fixtures import *  # noqa: F403
from tests.test_telegram_admin import ASK_2023, CARS, says

ROOT = Path(__file__).resolve().parents[1]
RUS = "schemes/kommunalt-rusarbeid.yaml"
NAV = "schemes/nav-sosiale-tjenester.yaml"
TARGET = "kommunalt-rusarbeid:2023:application:innlandet"
FAQ = "kommunalt-kan-vi-kjope-bil-for-rustilskuddet"

# The edit in a process of its own; argv: the step to be killed after ("" none), the edit.
WORKER = """
import datetime as dt, os, signal, sys
from bot.bootstrap import build_core
from bot.config import load_settings

step, kind = sys.argv[1:]
today = dt.date(2022, 1, 28)
core = build_core(load_settings())
steps = []
def checkpoint(name):
    steps.append(name)
    if name == step:
        os.kill(os.getpid(), signal.SIGKILL)
core.upkeep.journal.checkpoint = checkpoint
if kind == "deadline":
    proposal = core.upkeep.propose_deadline("kommunalt rusarbeid 2023 søknad 15.02.2023", today)
    core.upkeep.apply(proposal.edit, 4242, today)
else:
    for text in sys.stdin.read().splitlines():
        core.review.add(text, today)
    [group] = core.review.grouped(today)
    reply = "Kan vi kjøpe bil for rustilskuddet? | Nei, ikke til bil. | kommunalt rusarbeid"
    core.upkeep.resolve_faq(group.id, reply, 4242, today)
print("\\n".join(steps))
"""

DEADLINE_STEPS = [
    "journaled",
    "written sources.yaml",
    f"written {RUS}",
    "validated",
    "audited",
    "built",
    "swapped",
    "done",
]


@pytest.fixture
def settings(fake: FakeTelegram, state_dir: Path, sources: Path) -> Settings:
    """Settings with this test's data folder and a copy of the sources; one office."""
    return make_settings(
        fake,
        state_dir,
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_ADMIN_OFFICE="innlandet",
    )


def edit(settings: Settings, step: str, kind: str = "deadline") -> subprocess.CompletedProcess[str]:
    """Run an edit in its own process, killed right after ``step`` ('' for not at all)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "TILSKUDDSBOT_DATA_DIR": str(settings.data_dir),
        "TILSKUDDSBOT_SOURCES_DIR": str(settings.sources_dir),
        "TILSKUDDSBOT_ADMIN_IDS": str(ADMIN_ID),
        "TILSKUDDSBOT_ADMIN_OFFICE": "innlandet",
        "TILSKUDDSBOT_TODAY": TODAY.isoformat(),
    }
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-c", WORKER, step, kind],
        cwd=ROOT,
        env=env,
        input="\n".join(CARS[:2]),
        capture_output=True,
        text=True,
        timeout=120,
    )


def killed(done: subprocess.CompletedProcess[str]) -> None:
    """Check that a worker died by SIGKILL (so the step it was to die at exists)."""
    assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr


@pytest.fixture
def restarted(settings: Settings) -> Iterator[Core]:
    """Start the core again on the data folder (what `run` and `chat` do first)."""
    with build_core(settings) as core:
        yield core


def agree(core: Core, sources: Path) -> str:
    """Check that the sources, the database and the served knowledge are one version."""
    version = load_sources(sources).version
    assert load_database(core.settings.knowledge_db).version == version
    assert core.engine.kb.version == version
    assert core.upkeep.journal.unfinished() == []
    return version


def test_the_steps_of_an_edit_are_the_ones_the_crash_tests_kill_at(settings: Settings) -> None:
    done = edit(settings, "")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:-1] == DEADLINE_STEPS


@pytest.mark.parametrize("step", DEADLINE_STEPS)
def test_a_deadline_edit_killed_at_any_step_is_completed_at_the_next_start(
    step: str, settings: Settings, sources: Path
) -> None:
    killed(edit(settings, step))
    with build_core(settings) as core:
        agree(core, sources)
        [deadline] = [e for e in core.engine.kb.deadlines() if e.id == TARGET]
        assert deadline.deadline.date == dt.date(2023, 2, 15)
        [entry] = core.audit.entries()
        assert (entry.who, entry.action, entry.target) == (ADMIN_ID, "deadline_added", TARGET)
        told = core.admin.poll(TODAY)
        if step == "done":  # finished before the kill: nothing was interrupted
            assert told == []
        else:
            [(admin, reply)] = told
            assert admin == ADMIN_ID
            assert reply.messages[0].text == (
                "En endring ble avbrutt av en omstart før den var ferdig, og er nå fullført: "
                f"{TARGET}: 15. februar 2023 [admin-2022-01-28-innlandet] (logg nr. {entry.id})."
            )
        assert core.admin.poll(TODAY) == [], "told once"
    with build_core(settings) as again:  # a second restart changes nothing
        assert len(again.audit.entries()) == 1
        assert again.admin.poll(TODAY) == []


@pytest.mark.parametrize("step", ["written faq.yaml", "audited"])
def test_an_faq_resolution_killed_mid_way_leaves_the_queue_and_the_audit_log_agreeing(
    step: str, settings: Settings, sources: Path
) -> None:
    killed(edit(settings, step, "faq"))
    with build_core(settings) as core:
        agree(core, sources)
        assert FAQ in core.engine.kb.faq
        [entry] = core.audit.entries()
        assert (entry.action, entry.target) == ("faq_added", f"faq:{FAQ}")
        assert core.review.entries(TODAY) == [], "the resolved questions left with the audit"


def test_an_edit_that_no_longer_validates_is_rolled_back_at_the_next_start(
    settings: Settings, sources: Path
) -> None:
    killed(edit(settings, f"written {RUS}"))
    text = (sources / NAV).read_text(encoding="utf-8")
    broken = text.replace("date: 2022-", "date: 2022-13-", 1)
    assert broken != text
    (sources / NAV).write_text(broken, encoding="utf-8")  # someone broke another file meanwhile
    originals = {
        rel: (ROOT / "knowledge" / "data" / rel).read_bytes() for rel in (RUS, "sources.yaml")
    }
    with build_core(settings) as core:
        assert {rel: (sources / rel).read_bytes() for rel in originals} == originals
        assert core.audit.entries() == []
        assert core.upkeep.journal.unfinished() == []
        assert TARGET not in {e.id for e in core.engine.kb.deadlines()}
        [(_, reply)] = core.admin.poll(TODAY)
        said = reply.messages[0].text
        assert said.startswith("En endring ble avbrutt av en omstart og er rullet tilbake")
        assert "kildene godtas ikke lenger med den: data/schemes/nav-sosiale-tjenester.yaml" in said


def test_an_edit_whose_files_were_changed_meanwhile_is_rolled_back_and_the_change_kept(
    settings: Settings, sources: Path
) -> None:
    killed(edit(settings, "written sources.yaml"))  # the scheme's file is not written yet
    by_hand = (sources / RUS).read_text(encoding="utf-8") + "# edited by hand\n"
    (sources / RUS).write_text(by_hand, encoding="utf-8")
    with build_core(settings) as core:
        original = (ROOT / "knowledge" / "data" / "sources.yaml").read_bytes()
        assert (sources / "sources.yaml").read_bytes() == original, "what the edit wrote is undone"
        assert (sources / RUS).read_text(encoding="utf-8") == by_hand, "the other change is kept"
        assert core.audit.entries() == []
        [(_, reply)] = core.admin.poll(TODAY)
        assert f"filene var endret av andre i mellomtiden: {RUS}" in reply.messages[0].text


async def test_the_bot_restarted_after_a_killed_ny_frist_tells_the_admin_and_answers_with_it(
    fake: FakeTelegram, settings: Settings, shared_core
) -> None:
    killed(edit(settings, "validated"))
    async with running_bot(fake, settings, shared_core) as tg:
        [job] = tg.app.job_queue.get_jobs_by_name(WATCH_JOB)
        await job.run(tg.app)
        [told] = [html.unescape(t) for t in fake.texts(ADMIN_ID)]
        assert told.startswith("En endring ble avbrutt av en omstart før den var ferdig")
        assert "15. februar 2023" in await says(tg, 6201, ASK_2023)
        await job.run(tg.app)
        assert len(fake.texts(ADMIN_ID)) == 1
