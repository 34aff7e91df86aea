"""The drafts' states: pending until their admin settles them once, or until they expire."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from bot.drafts import KEEP_DAYS, DraftClosed, Drafts
from bot.statedb import StateDb, open_state

DAY = dt.date(2023, 1, 5)
ADMIN, OTHER = 7, 8


@pytest.fixture
def drafts(state_db: StateDb) -> Drafts:
    """No drafts yet."""
    return Drafts(state_db)


@pytest.mark.parametrize("state", ["confirmed", "cancelled"])
def test_a_pending_draft_is_settled_once(drafts: Drafts, state: str) -> None:
    draft = drafts.create("broadcast", ADMIN, {"text": "hei"}, DAY)
    assert (draft.state, draft.expires) == ("pending", DAY + dt.timedelta(days=KEEP_DAYS))
    settled = drafts.settle(draft.id, ADMIN, state, DAY)  # type: ignore[arg-type]
    assert (settled.state, settled.decided, settled.decided_by) == (state, DAY, ADMIN)
    for again in ("confirmed", "cancelled"):
        with pytest.raises(DraftClosed) as closed:
            drafts.settle(draft.id, ADMIN, again, DAY)  # type: ignore[arg-type]
        assert closed.value.reason == "closed"
    assert drafts.get(draft.id) == settled


def test_someone_elses_draft_cannot_be_settled(drafts: Drafts) -> None:
    draft = drafts.create("deadline", ADMIN, {}, DAY)
    with pytest.raises(DraftClosed) as closed:
        drafts.settle(draft.id, OTHER, "confirmed", DAY)
    assert closed.value.reason == "not_yours"
    assert drafts.get(draft.id) == draft


def test_an_unknown_draft_cannot_be_settled(drafts: Drafts) -> None:
    with pytest.raises(DraftClosed) as closed:
        drafts.settle(99, ADMIN, "confirmed", DAY)
    assert closed.value.reason == "unknown" and closed.value.draft is None


def test_a_draft_expires_after_its_last_day_and_is_then_never_confirmed(drafts: Drafts) -> None:
    draft = drafts.create("broadcast", ADMIN, {}, DAY)
    too_late = draft.expires + dt.timedelta(days=1)
    with pytest.raises(DraftClosed):
        drafts.settle(draft.id, ADMIN, "confirmed", too_late)
    drafts.expire(too_late)
    expired = drafts.get(draft.id)
    assert expired is not None and (expired.state, expired.decided) == ("expired", too_late)


def test_confirming_one_offer_of_a_batch_expires_the_others(drafts: Drafts) -> None:
    mine = drafts.create("update", ADMIN, {"text": "x"}, DAY, batch="b1")
    theirs = drafts.create("update", OTHER, {"text": "x"}, DAY, batch="b1")
    unrelated = drafts.create("update", OTHER, {"text": "y"}, DAY, batch="b2")
    drafts.settle(theirs.id, OTHER, "confirmed", DAY)
    assert [d.state for d in drafts.all()] == ["expired", "confirmed", "pending"]
    with pytest.raises(DraftClosed):
        drafts.settle(mine.id, ADMIN, "confirmed", DAY)
    assert drafts.get(unrelated.id) == unrelated


def test_presses_at_the_same_moment_from_two_connections_confirm_once(state_db: StateDb) -> None:
    draft = Drafts(state_db).create("broadcast", ADMIN, {}, DAY)
    won: list[int] = []
    barrier = threading.Barrier(8)

    def press(number: int) -> None:
        with open_state(state_db.path) as db:
            barrier.wait()
            try:
                Drafts(db).settle(draft.id, ADMIN, "confirmed", DAY)
            except DraftClosed:
                return
            won.append(number)

    threads = [threading.Thread(target=press, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(won) == 1
