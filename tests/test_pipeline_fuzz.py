"""Fuzzing the one message pipeline: any input gets an answer or a polite refusal, never a crash.

A bounded amount here (``make test``); ``python -m bench fuzz`` runs many more (``make bench``).
The inputs and the checks are in ``tests/fuzzing.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings

from tests.fuzzing import WHOS, Action, Harness, fuzz_core, inputs

#: Inputs per run in the test suite (a few seconds); the benchmark runs thousands.
EXAMPLES = 250
DAY = dt.date(2022, 1, 28)
PRIVATE, GROUP, ADMIN, CONSOLE = WHOS


@pytest.fixture(scope="module")
def harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Harness]:
    """One core for the whole run: state carries over from input to input."""
    with fuzz_core(tmp_path_factory.mktemp("fuzz")) as built:
        yield built


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(steps=inputs)
@example(steps=[Action("say", PRIVATE, DAY, ("hva får vi i år 3 for 1/0 årsverk?", False))])
@example(steps=[Action("say", CONSOLE, DAY, ("/beregn år 3 0/0 årsverk", False))])
@example(steps=[Action("calculation", GROUP, DAY, ("ukjent", 3, "3/0", None))])
@example(steps=[Action("decide", ADMIN, DAY, (2**63, "ok"))])
@example(steps=[Action("route", ADMIN, DAY, ("d:99999999999999999999:ok",))])
@example(steps=[Action("route", PRIVATE, DAY, ("k:9999999999999999999:send",))])
def test_any_text_command_button_or_calculation_gets_an_answer_and_never_an_exception(
    harness: Harness, steps: list[Action]
) -> None:
    for action in steps:
        harness.run(action)
