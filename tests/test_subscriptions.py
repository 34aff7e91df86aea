"""Subscriptions in the bot's own SQLite state: what is stored, and nothing more."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from bot.state import ALL, DEFAULT_OFFSETS, NewMessage, StateStore, check_offsets
from bot.statedb import StateDb, open_state

DAY = dt.date(2022, 1, 10)
LATER = dt.date(2022, 1, 20)
KNOWN = ("kommunalt-rusarbeid", "husbanken-boligsosiale-tiltak", "prosjektskjonnsmidler")


@pytest.fixture
def store(state_db: StateDb) -> StateStore:
    """Open a fresh state database."""
    return StateStore(state_db)


def test_subscribing_to_all_stores_a_star_and_the_default_offsets(store: StateStore) -> None:
    sub = store.subscribe(42, ALL, DAY)
    assert sub.all_schemes and sub.covers("anything")
    assert sub.offsets == DEFAULT_OFFSETS == (30, 14, 7, 1)
    assert (sub.lang, sub.active, sub.created, sub.since) == ("nb", True, DAY, DAY)
    assert store.subscription(42) == sub


def test_subscribing_to_schemes_one_by_one_adds_them_up(store: StateStore) -> None:
    store.subscribe(42, ["kommunalt-rusarbeid"], DAY)
    sub = store.subscribe(42, ["prosjektskjonnsmidler"], LATER, lang="en")
    assert sub.schemes == frozenset({"kommunalt-rusarbeid", "prosjektskjonnsmidler"})
    assert not sub.covers("husbanken-boligsosiale-tiltak")
    assert (sub.lang, sub.created, sub.since) == ("en", DAY, LATER)


def test_subscribing_to_one_scheme_when_following_all_keeps_all(store: StateStore) -> None:
    store.subscribe(42, ALL, DAY)
    assert store.subscribe(42, ["kommunalt-rusarbeid"], DAY).all_schemes


def test_subscribing_to_nothing_is_refused(store: StateStore) -> None:
    with pytest.raises(ValueError):
        store.subscribe(42, [], DAY)


@pytest.mark.parametrize(
    ("start", "scheme", "left"),
    [
        (
            ["kommunalt-rusarbeid", "prosjektskjonnsmidler"],
            "kommunalt-rusarbeid",
            {"prosjektskjonnsmidler"},
        ),
        (ALL, "kommunalt-rusarbeid", {"husbanken-boligsosiale-tiltak", "prosjektskjonnsmidler"}),
        (["kommunalt-rusarbeid"], "kommunalt-rusarbeid", None),
    ],
)
def test_unsubscribing_from_one_scheme_leaves_the_others(
    store: StateStore, start: list[str] | str, scheme: str, left: set[str] | None
) -> None:
    store.subscribe(42, start, DAY)
    sub = store.unsubscribe(42, scheme, known=KNOWN)
    assert (sub.schemes if sub else None) == left
    assert (store.subscription(42) is None) == (left is None)


def test_unsubscribing_from_everything_deletes_the_row(store: StateStore) -> None:
    store.subscribe(42, ALL, DAY)
    assert store.unsubscribe(42) is None
    assert store.subscription(42) is None
    assert store.unsubscribe(42) is None  # twice is harmless


def test_listing_returns_active_subscriptions_by_chat(store: StateStore) -> None:
    store.subscribe(7, ALL, DAY)
    store.subscribe(-100, ["kommunalt-rusarbeid"], DAY)
    store.subscribe(3, ["prosjektskjonnsmidler"], DAY)
    store.deactivate(3)
    assert [s.chat_id for s in store.subscriptions()] == [-100, 7]
    assert [s.chat_id for s in store.subscriptions(active_only=False)] == [-100, 3, 7]


def test_changing_offsets_stores_them_unique_and_largest_first(store: StateStore) -> None:
    store.subscribe(42, ALL, DAY)
    sub = store.set_offsets(42, [3, 10, 3, 0], LATER)
    assert sub is not None and sub.offsets == (10, 3, 0) and sub.since == LATER
    assert store.set_offsets(99, [3], LATER) is None  # not subscribed


@pytest.mark.parametrize("offsets", [[], [-1], [366], list(range(11)), [True]])
def test_bad_offsets_are_refused(offsets: list[int]) -> None:
    with pytest.raises(ValueError):
        check_offsets(offsets)


def test_changing_language_keeps_the_rest(store: StateStore) -> None:
    before = store.subscribe(42, ["kommunalt-rusarbeid"], DAY)
    after = store.set_lang(42, "en")
    assert after is not None and after.lang == "en"
    assert (after.schemes, after.offsets, after.since) == (before.schemes, before.offsets, DAY)


def test_a_deactivated_chat_that_subscribes_again_is_active_with_its_new_choice(
    store: StateStore,
) -> None:
    store.subscribe(42, ALL, DAY)
    store.set_offsets(42, [5], DAY)
    assert store.deactivate(42) and not store.deactivate(42)
    sub = store.subscribe(42, ["prosjektskjonnsmidler"], LATER)
    assert (
        sub.active and sub.schemes == frozenset({"prosjektskjonnsmidler"}) and sub.offsets == (5,)
    )


def test_the_stored_row_holds_only_chat_schemes_offsets_language_flags_and_days(
    store: StateStore,
) -> None:
    store.subscribe(42, ["kommunalt-rusarbeid"], DAY, lang="en")
    conn = sqlite3.connect(store.path)
    conn.row_factory = sqlite3.Row
    row = dict(conn.execute("SELECT * FROM subscriptions").fetchone())
    assert row == {
        "chat_id": 42,
        "schemes": '["kommunalt-rusarbeid"]',
        "offsets": "[30, 14, 7, 1]",
        "lang": "en",
        "active": 1,
        "created": "2022-01-10",
        "since": "2022-01-10",
    }


def test_deleting_a_chat_removes_its_subscription_and_messages(store: StateStore) -> None:
    store.subscribe(42, ALL, DAY)
    store.subscribe(43, ALL, DAY)
    store.enqueue(
        [
            NewMessage(
                key=f"{chat}|x|1",
                chat_id=chat,
                kind="reminder",
                text="t",
                lang="nb",
                planned_day=DAY,
            )
            for chat in (42, 43)
        ]
    )
    assert store.forget_chat(42) == {"subscriptions": 1, "outbox": 1}
    assert store.describe_chat(42) == {"chat_id": 42, "subscription": None, "messages": {}}
    assert store.subscription(43) is not None and len(store.rows()) == 1


def test_describing_a_chat_lists_everything_stored_about_it(store: StateStore) -> None:
    store.subscribe(42, ALL, DAY)
    assert store.describe_chat(42) == {
        "chat_id": 42,
        "subscription": {
            "schemes": "*",
            "offsets": [30, 14, 7, 1],
            "lang": "nb",
            "active": True,
            "created": "2022-01-10",
            "since": "2022-01-10",
        },
        "messages": {},
    }


def test_the_schema_is_created_once_and_data_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "state.db"
    with open_state(path) as first:
        StateStore(first).subscribe(42, ALL, DAY)
    with open_state(path) as second:
        assert StateStore(second).subscription(42) is not None
        mode = second.conn.execute("PRAGMA journal_mode").fetchone()[0]
        busy = second.conn.execute("PRAGMA busy_timeout").fetchone()[0]
        keys = second.conn.execute("PRAGMA foreign_keys").fetchone()[0]
    assert mode == "wal" and busy > 0 and keys == 1


def test_a_migrated_group_keeps_its_subscription_under_the_new_id(store: StateStore) -> None:
    store.subscribe(-5, ["kommunalt-rusarbeid"], DAY)
    store.enqueue(
        [
            NewMessage(
                key="-5|d|7", chat_id=-5, kind="reminder", text="t", lang="nb", planned_day=DAY
            )
        ]
    )
    assert store.migrate_chat(-5, -1009) == ["-1009|d|7"]
    assert store.subscription(-5) is None
    sub = store.subscription(-1009)
    assert sub is not None and sub.schemes == frozenset({"kommunalt-rusarbeid"})
    old, new = store.row("-5|d|7"), store.row("-1009|d|7")
    assert old is not None and old.status == "dead"
    assert new is not None and new.status == "pending" and new.chat_id == -1009
