"""Bad quantities on the command line: a batch answers every line, the console never exits.

"1/0 årsverk" (and 0/0, 3/0) used to raise ZeroDivisionError: `ask --jsonl` stopped the
whole batch at that line and `tilskuddsbot chat` exited with a traceback.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.answers.composer import Composer
from bot.cli import main
from bot.texts import t
from bot.understanding.query import Understanding

TODAY = "2021-01-20"
GOOD = "hva får vi i år 3 for 2 årsverk?"  # 2 årsverk × 440 000 kr = 880 000 kr


def run(argv: list[str], stdin: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the CLI in-process on a standard input; return what it printed (exit code 0)."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    assert main(argv, out=out) == 0
    return out.getvalue()


def jsonl(lines: list[str], monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Answer lines with `ask --jsonl`; return the objects printed."""
    out = run(["ask", "--jsonl", "--today", TODAY], "\n".join(lines) + "\n", monkeypatch)
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("hva får vi i år 3 for 1/0 årsverk?", "«1/0» deler på null"),
        ("hva får vi i år 3 for 0/0 årsverk?", "«0/0» deler på null"),
        ("hva får vi i år 3 for 3/0 årsverk?", "«3/0» deler på null"),
        ("hva får vi i år 3 for -2 årsverk?", "større enn 0 (fikk «-2»)"),
        ("hva får vi i år 3 for 1e3 årsverk?", "«1e3» er skrevet som en tierpotens"),
        ("hva får vi i år 3 for 1e308 årsverk?", "«1e308» er skrevet som en tierpotens"),
        ("hva får vi i år 3 for 1/100000000 årsverk?", "det minste er 0,01 årsverk"),
        ("hva får vi i år 3 for 0 årsverk?", "større enn 0 (fikk «0»)"),
        (
            "hva blir egenandelen i år 2 for 1 årsverk som koster 100000000000000000000000 kr?",
            "urimelig stort beløp",
        ),
        ("hva blir egenandelen i år 2 for 1 årsverk som koster 1e23 kr?", "tierpotens"),
    ],
)
def test_a_bad_quantity_in_a_question_is_refused_with_the_reason(
    question: str, reason: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    [answer] = jsonl([question], monkeypatch)
    assert reason in str(answer["answer"])
    assert answer["answered"] is False
    assert "×" not in str(answer["answer"]), "no figure is computed"


def test_jsonl_answers_every_line_around_bad_quantities_and_a_broken_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [
        GOOD,
        "hva får vi i år 3 for 1/0 årsverk?",
        '{"text": "0/0 årsverk", "today": "2021-01-20"}',
        '{"text": "hei", "today": "not-a-date"}',
        "{broken json",
        "3/0 årsverk i år 1",
        GOOD,
    ]
    objs = jsonl(lines, monkeypatch)
    assert len(objs) == len(lines)
    assert "880 000 kr" in str(objs[0]["answer"]) and "880 000 kr" in str(objs[-1]["answer"])
    for index in (1, 2, 5):
        assert "deler på null" in str(objs[index]["answer"]), lines[index]
    for index in (3, 4):
        assert objs[index]["answered"] is False
        assert str(objs[index]["error"]).startswith(f"line {index + 1}:")
        assert objs[index]["answer"] == t("sorry")


@pytest.fixture
def one_line_fails(monkeypatch: pytest.MonkeyPatch) -> str:
    """Fault injection: composing the answer to one question raises, with a secret in its text."""
    secret = "123456:SECRET-token-in-the-error"
    real = Composer.compose

    def compose(self: Composer, u: Understanding, today: object) -> object:
        if "explode" in u.text:
            raise RuntimeError(f"internal failure near {secret} for {u.text}")
        return real(self, u, today)  # type: ignore[arg-type]

    monkeypatch.setattr(Composer, "compose", compose)
    return secret


def test_an_internal_error_on_one_line_gives_a_polite_line_and_the_batch_goes_on(
    one_line_fails: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    objs = jsonl([GOOD, "please explode: Ola Nordmann 12345678", GOOD], monkeypatch)
    assert len(objs) == 3
    assert objs[1]["answered"] is False and objs[1]["answer"] == t("sorry")
    assert objs[1]["error"] == "line 2: internal error"
    assert "880 000 kr" in str(objs[2]["answer"])
    assert "RuntimeError" in caplog.text and "line 2" in caplog.text
    for leaked in (one_line_fails, "Ola Nordmann", "explode"):
        assert leaked not in caplog.text
        assert all(leaked not in json.dumps(o, ensure_ascii=False) for o in objs)


def test_the_console_chat_refuses_bad_quantities_and_keeps_answering(
    data_folder: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(data_folder("console")))
    lines = [
        "hva får vi i år 3 for 1/0 årsverk?",
        "/beregn år 3 0/0 årsverk",
        "/beregn år 3 -2 årsverk",
        "/beregn år 3, 2 årsverk",
    ]
    out = run(["chat", "--today", TODAY], "\n".join(lines) + "\n", monkeypatch)
    assert "«1/0» deler på null" in out
    assert "«0/0» deler på null" in out
    assert "(fikk «-2»)" in out
    assert "880 000 kr" in out, "the line after the bad ones is answered"
    assert "Traceback" not in out and t("sorry") not in out


def test_the_console_chat_apologises_for_an_internal_error_and_goes_on(
    one_line_fails: str,
    data_folder: Callable[[str], Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(data_folder("console")))
    out = run(["chat", "--today", TODAY], f"explode now\n{GOOD}\n", monkeypatch)
    assert t("sorry") in out
    assert "880 000 kr" in out.split(t("sorry"))[1]
    assert one_line_fails not in caplog.text and "explode" not in caplog.text
