"""Fuzzing the one message pipeline at length: how many inputs were tried, and what failed.

The inputs and checks are those of ``tests/test_pipeline_fuzz.py`` (``tests/fuzzing.py``):
any text, any command with any arguments, any button data, any /beregn input, any review or
draft button, from a private chat, a group, an admin and the console, on any day. Every
exception is counted (by type and the place it was raised) instead of stopping the run, and
the first input that raised each one is printed, so a run reports everything it found.

``BENCH_FUZZ_EXAMPLES`` sets the number of inputs (default 5000; each is 1–4 actions run in a
row on one core whose state carries over), ``BENCH_FUZZ_SEED`` the random seed (default: a
new one, printed, so a failing run can be repeated).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings

from tests.fuzzing import Action, fuzz_core, inputs

EXAMPLES = int(os.environ.get("BENCH_FUZZ_EXAMPLES", "5000"))
SEED = int(os.environ.get("BENCH_FUZZ_SEED", str(random.randrange(2**32))))


def signature(error: BaseException) -> str:
    """Name a failure by its type and the place it was raised."""
    frames = traceback.extract_tb(error.__traceback__)
    last = frames[-1] if frames else None
    place = f"{Path(last.filename).name}:{last.lineno} in {last.name}" if last else "?"
    return f"{type(error).__name__} at {place}"


def main() -> None:
    """Fuzz the pipeline and print how many inputs and actions were tried, and every failure."""
    failures: Counter[str] = Counter()
    first: dict[str, str] = {}
    count = {"inputs": 0}
    with tempfile.TemporaryDirectory() as folder, fuzz_core(Path(folder)) as harness:

        @seed(SEED)
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(steps=inputs)
        def fuzz(steps: list[Action]) -> None:
            count["inputs"] += 1
            for action in steps:
                try:
                    harness.run(action)
                except Exception as exc:  # counted and reported, the run goes on
                    key = signature(exc)
                    failures[key] += 1
                    first.setdefault(key, f"{action}"[:500])

        start = time.perf_counter()
        fuzz()
        elapsed = time.perf_counter() - start
        actions = harness.tried
    print(f"{'seed':>16}: {SEED}")
    print(f"{'inputs':>16}: {count['inputs']}")
    print(f"{'actions':>16}: {actions}")
    print(f"{'seconds':>16}: {elapsed:.1f}")
    print(f"{'actions per s':>16}: {actions / elapsed:.0f}")
    print(f"{'failures':>16}: {sum(failures.values())} ({len(failures)} kinds)")
    for key, times in failures.most_common():
        print(f"  {times} x {key}\n     first: {first[key]}")
