"""Button payloads: short ids in the state database, bound to their chat, kept a little while."""

from __future__ import annotations

import datetime as dt

from bot.buttons import KEEP_DAYS, PREFIX, ButtonStore
from bot.statedb import StateDb, open_state

DAY = dt.date(2023, 1, 5)


def test_a_text_behind_a_button_is_found_by_its_data_in_its_own_chat_only(
    state_db: StateDb,
) -> None:
    store = ButtonStore(state_db)
    long_question = "hvem kan søke om tilskudd til kommunalt rusarbeid? " * 5
    data = store.add_all(1, ["/ordninger", long_question], DAY)
    assert all(d.startswith(PREFIX) and len(d.encode()) <= 64 for d in data)
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
