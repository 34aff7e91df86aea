"""Run the benchmarks: every bench/bench_*.py module's main(), or the ones named."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import bench


def available() -> list[str]:
    """List the benchmark names (bench_answers -> answers)."""
    return sorted(
        m.name.removeprefix("bench_")
        for m in pkgutil.iter_modules(bench.__path__)
        if m.name.startswith("bench_")
    )


def main(argv: list[str]) -> int:
    """Run the named benchmarks (default: all) and return an exit code."""
    names = argv or available()
    unknown = sorted(set(names) - set(available()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}")
        return 2
    for name in names:
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"bench.bench_{name}")
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
