"""Button payloads: one codec for every feature, and option texts kept in the state database."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from bot.buttons import KEEP_DAYS, ButtonStore, Payload, decode, encode, matches
from bot.statedb import StateDb, open_state

ROOT = Path(__file__).resolve().parents[1]

DAY = dt.date(2023, 1, 5)


def test_a_text_behind_a_button_is_found_by_its_data_in_its_own_chat_only(
    state_db: StateDb,
) -> None:
    store = ButtonStore(state_db)
    long_question = "hvem kan søke om tilskudd til kommunalt rusarbeid? " * 5
    data = store.add_all(1, ["/ordninger", long_question], DAY)
    assert all(decode(d, "option") is not None and len(d.encode()) <= 64 for d in data)
    assert len(set(data)) == 2
    assert [store.get(1, d, DAY) for d in data] == ["/ordninger", long_question]
    assert store.get(2, data[0], DAY) is None
    assert store.get(1, "o:forged", DAY) is None and store.get(1, "d:1:ok", DAY) is None


def test_a_button_survives_reopening_the_database(state_db: StateDb) -> None:
    [data] = ButtonStore(state_db).add_all(1, ["/frister"], DAY)
    with open_state(state_db.path) as again:
        assert ButtonStore(again).get(1, data, DAY) == "/frister"


def test_a_button_is_kept_the_day_after_and_then_deleted(state_db: StateDb) -> None:
    store = ButtonStore(state_db)
    [data] = store.add_all(1, ["/frister"], DAY)
    last = DAY + dt.timedelta(days=KEEP_DAYS)
    assert store.get(1, data, last) == "/frister"
    assert store.get(1, data, last + dt.timedelta(days=1)) is None
    store.add_all(2, ["/hjelp"], last + dt.timedelta(days=1))
    assert store.count(1) == 0 and store.count() == 1, "old payloads are deleted, not hidden"


def test_forgetting_a_chat_deletes_its_buttons_only(state_db: StateDb) -> None:
    store = ButtonStore(state_db)
    store.add_all(1, ["a", "b"], DAY)
    [other] = store.add_all(2, ["c"], DAY)
    assert store.forget(1) == 2
    assert store.count(1) == 0 and store.get(2, other, DAY) == "c"


@pytest.mark.parametrize(
    ("data", "feature", "fields"),
    [
        ("o:AbC-_x12", "option", ("AbC-_x12",)),
        ("d:12:ok", "draft", ("12", "ok")),
        ("d:12:no", "draft", ("12", "no")),
        ("rv:f:3", "review", ("f", "3")),
        ("rv:a:3", "review", ("a", "3")),
        ("rv:d:3", "review", ("d", "3")),
        ("k:7:send", "desk", ("7", "send")),
        ("k:7:send:innlandet", "desk", ("7", "send:innlandet")),
        ("k:7:close:done", "desk", ("7", "close:done")),
    ],
)
def test_every_features_payload_is_written_and_read_by_the_one_codec(
    data: str, feature: str, fields: tuple[str, ...]
) -> None:
    payload = decode(data)
    assert payload == Payload(feature, fields)  # type: ignore[arg-type]
    assert encode(payload.feature, *payload.fields) == data
    assert matches(payload.feature)(data)
    assert decode(data, payload.feature) == payload


@pytest.mark.parametrize(
    "data",
    [
        None,
        42,
        "",
        "o",
        "o:",
        "x:1",
        "o:forged!",
        "o:a:b",
        "d:1",
        "d:1:send",
        "d:-1:ok",
        "d:one:ok",
        "d:99999999999999999999:ok",  # no SQLite id has 20 digits
        "d:1:ok:more",
        "rv:x:1",
        "rv:f:",
        "rv:f:1:2",
        "k:",
        "k:x:send",
        "k:1:",
        "k:1:SEND",
        "k:1:send:a:b",
        "b:3",  # the calculator's own payloads are not the codec's
        "k:1:send:" + "x" * 60,  # longer than Telegram's 64 bytes
        "d:1:ok\n",
        "d:１:ok",  # a full-width digit
    ],
)
def test_forged_or_unknown_data_is_refused_in_one_place(data: object) -> None:
    assert decode(data) is None
    assert not any(matches(f)(data) for f in ("option", "draft", "review", "desk"))


def test_data_of_one_feature_never_matches_another_features_pattern() -> None:
    assert decode("d:1:ok", "review") is None
    assert not matches("review")("d:1:ok") and not matches("draft")("rv:d:1")
    assert matches("review", "fa")("rv:f:1") and not matches("review", "fa")("rv:d:1")


def test_the_codec_refuses_to_write_what_it_would_not_read() -> None:
    for feature, fields in [
        ("draft", (1, "maybe")),
        ("review", ("x", 1)),
        ("option", ("a:b",)),
        ("desk", (1, "send:" + "x" * 60)),
    ]:
        with pytest.raises(ValueError):
            encode(feature, *fields)  # type: ignore[arg-type]


def test_no_telegram_handler_matches_button_data_with_a_pattern_of_its_own() -> None:
    own: list[str] = []
    for path in sorted((ROOT / "handlers").glob("*.py")):
        if path.name == "calculator.py":  # the /beregn dialogue moves into the core (issue 14)
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "CallbackQueryHandler"
            ):
                for keyword in node.keywords:
                    if keyword.arg == "pattern" and isinstance(keyword.value, ast.Constant):
                        own.append(f"{path.name}:{node.lineno}")
    assert own == []
