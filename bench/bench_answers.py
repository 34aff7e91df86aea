"""Answering speed over the labelled corpus: latency per question, throughput, cold start, memory.

Targets (issue 4): p99 <= 2 ms per question in one process, cold `tilskuddsbot ask` <= 0.6 s
median, peak memory <= 80 MB RSS. Machines are shared and noisy: medians over repeats, and the
CPU time per question beside the wall time (a process waiting for a core loses wall time only).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "questions.yaml"
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
COLD_RUNS = int(os.environ.get("BENCH_COLD_RUNS", "7"))


def questions() -> list[tuple[str, str, dt.date]]:
    """Return (chat, text, today) for every corpus question, conversations kept together."""
    from bot.evaluate import load_corpus

    return [(c.chat, c.q, c.today) for conv in load_corpus(CORPUS) for c in conv]


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return ordered[index]


def in_process() -> dict[str, float]:
    """Time every corpus question in one process, REPEATS times; return medians."""
    from bot.engine import Engine
    from knowledge.loader import load_sources

    engine = Engine(load_sources())
    gc.freeze()  # as the composition root does once everything is built
    items = questions()
    medians, p99s, rates, cpu_medians, cpu_p99s = [], [], [], [], []
    for _ in range(REPEATS):
        engine.contexts = type(engine.contexts)()
        latencies, cpu = [], []
        start = time.perf_counter()
        for chat, text, today in items:
            t0, c0 = time.perf_counter(), time.thread_time()
            engine.ask(text, today, chat=chat)
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
        elapsed = time.perf_counter() - start
        medians.append(statistics.median(latencies))
        p99s.append(percentile(latencies, 99))
        cpu_medians.append(statistics.median(cpu))
        cpu_p99s.append(percentile(cpu, 99))
        rates.append(len(items) / elapsed)
    return {
        "questions": len(items),
        "median_ms": statistics.median(medians),
        "p99_ms": statistics.median(p99s),
        "cpu_median_ms": statistics.median(cpu_medians),
        "cpu_p99_ms": statistics.median(cpu_p99s),
        "questions_per_s": statistics.median(rates),
    }


def cold_start() -> dict[str, float]:
    """Time `tilskuddsbot ask` as a fresh process; read its peak RSS from the kernel.

    Bytecode is compiled first, as pip does when it installs the package (the Docker image):
    this machine sets PYTHONDONTWRITEBYTECODE=1, so an editable checkout would otherwise
    recompile every module of the project on every start.
    """
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "bot", "knowledge", "handlers"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    exe = Path(sys.executable).with_name("tilskuddsbot")
    walls, peaks = [], []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            ["/usr/bin/env", "time", "-f", "%M", str(exe), "ask", "hva får vi i år 3?"]
            if Path("/usr/bin/time").exists()
            else [str(exe), "ask", "hva får vi i år 3?"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        _, err = proc.communicate(timeout=60)
        walls.append(time.perf_counter() - t0)
        tail = err.strip().splitlines()[-1:] if err else []
        if tail and tail[0].isdigit():
            peaks.append(int(tail[0]) / 1024)
    result = {"cold_median_s": statistics.median(walls)}
    if peaks:
        result["cold_peak_rss_mb"] = statistics.median(peaks)
    return result


def peak_rss_mb() -> float:
    """Return this process's peak resident memory in MB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    """Run the answering benchmark and print its figures."""
    figures = in_process()
    figures["in_process_peak_rss_mb"] = peak_rss_mb()
    figures.update(cold_start())
    for key, value in figures.items():
        print(f"{key:>24}: {value:.3f}" if isinstance(value, float) else f"{key:>24}: {value}")
    print(
        f"{'targets':>24}: p99 <= 2 ms ({figures['p99_ms'] / 2:.2f}x), cold <= 0.6 s "
        f"({figures['cold_median_s'] / 0.6:.2f}x), RSS <= 80 MB"
    )
