"""The `tilskuddsbot ask` contract: one answer, --json, --jsonl with chats and dates."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main

EXPECTED_KEYS = {"answer", "answered", "intent", "scheme", "confidence", "sources"}


def run(argv: list[str], stdin: str = "", monkeypatch: pytest.MonkeyPatch | None = None) -> str:
    """Run the CLI in-process and return what it printed."""
    if monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    assert main(argv, out=out) == 0
    return out.getvalue()


def test_ask_prints_the_figure_with_its_working_and_source() -> None:
    text = run(["ask", "hva får vi i år 3 for 2 årsverk?", "--today", "2021-01-20"])
    assert "2 årsverk × 440 000 kr = 880 000 kr" in text
    assert "002_5e888543f70d9581.txt" in text


def test_ask_json_prints_one_object_with_the_contract_fields() -> None:
    obj = json.loads(run(["ask", "når er søknadsfristen for NAV-tilskuddet 2020?", "--json"]))
    assert set(obj) >= EXPECTED_KEYS
    assert obj["answered"] is True
    assert obj["intent"] == "deadline"
    assert obj["scheme"] == "nav-sosiale-tjenester"
    assert 0 <= obj["confidence"] <= 1
    assert "1. februar 2020" in obj["answer"]
    assert any(s["file"].startswith("00") for s in obj["sources"])


def test_jsonl_writes_exactly_one_line_per_input_line_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [
        "hva får vi i år 1 for 1 årsverk?",
        json.dumps({"text": "hva får vi i år 3 for 2 årsverk?", "chat": "a"}),
        json.dumps({"text": "og år 4?", "chat": "a"}),
        json.dumps({"text": "og år 4?", "chat": "b"}),
        "",
        "hvem vant fotballkampen i går?",
    ]
    out = run(["ask", "--jsonl", "--today", "2021-01-20"], "\n".join(lines) + "\n", monkeypatch)
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == len(lines)
    assert all(set(o) >= EXPECTED_KEYS for o in objs)
    assert "660 000 kr" in objs[0]["answer"]
    assert "660 000 kr" in objs[2]["answer"], "the follow-up in chat a keeps 2 årsverk"
    assert "660 000 kr" not in objs[3]["answer"], "chat b does not share chat a's context"
    assert objs[4]["answered"] is False
    assert objs[5]["answered"] is False


def test_jsonl_takes_the_date_from_each_line(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [
        json.dumps({"text": "neste søknadsfrist?", "today": "2022-01-28"}),
        json.dumps({"text": "neste søknadsfrist?", "today": "2026-11-23"}),
    ]
    early, late = (
        json.loads(x) for x in run(["ask", "--jsonl"], "\n".join(lines), monkeypatch).splitlines()
    )
    assert "om 4 dager" in early["answer"]
    assert early["answered"] is True
    assert late["answered"] is True  # the last known deadlines with their years (issue 13)
    assert "2022" in late["answer"]
    assert "ingen frister for 2026" in late["answer"]


def test_a_bad_jsonl_line_gets_an_error_object_and_the_rest_still_answered(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = ['{"text": "hei", "today": "not-a-date"}', "hjelp"]
    objs = [
        json.loads(x) for x in run(["ask", "--jsonl"], "\n".join(lines), monkeypatch).splitlines()
    ]
    assert len(objs) == 2
    assert objs[0]["answered"] is False and "error" in objs[0]
    assert objs[1]["intent"] == "help"


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        "x" * 10_000,
        "🙂🙂🙂",
        "hei\x00\x07\x1b[31m rød",
        "<b>hei</b><script>alert(1)</script>",
        "'; DROP TABLE schemes; --",
        "**fet** _kursiv_ [lenke](http://example.com)",
    ],
)
def test_odd_input_gets_a_polite_answer_and_nothing_is_executed(question: str) -> None:
    obj = json.loads(run(["ask", question, "--json"]))
    assert isinstance(obj["answer"], str) and obj["answer"]
    assert "\x00" not in obj["answer"] and "\x1b" not in obj["answer"]
    again = json.loads(run(["ask", "hvem kan søke om kommunalt rusarbeid i 2022?", "--json"]))
    assert again["answered"] is True, "the knowledge base is intact after odd input"


def test_the_console_script_answers_in_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("tilskuddsbot")
    result = subprocess.run(
        [str(exe), "ask", "how much do we get in year 2 for 1.5 FTE?", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    obj = json.loads(result.stdout)
    assert obj["lang"] == "en"
    assert "825,000" in obj["answer"]


def test_usage_errors_exit_2_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
