"""The small pieces under the reminder and upkeep commands: offsets, summaries, recipients."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.alerts import MAX_SUMMARY, offsets_text, parse_offsets, update_summary
from bot.kbadmin import ChangeRefused
from bot.kbdiff import KbChange, KbDiff
from bot.reminders import confirm_broadcast, prepare_broadcast, recipients
from bot.state import StateStore
from bot.statedb import StateDb
from bot.upkeep import FAQ_FORMAT, parse_faq_reply

TODAY = dt.date(2022, 1, 28)
ADMIN = 4242


@pytest.mark.parametrize(
    ("typed", "days"),
    [("30 7 1", [30, 7, 1]), ("30, 7 og 1", [30, 7, 1]), ("14,1", [14, 1]), ("0", [0])],
)
def test_offsets_are_read_as_whole_days(typed: str, days: list[int]) -> None:
    assert parse_offsets(typed) == days


@pytest.mark.parametrize("typed", ["", "tretti", "30 dager", "-1", "1.5"])
def test_anything_else_is_not_offsets(typed: str) -> None:
    assert parse_offsets(typed) is None


def test_offsets_are_written_largest_first_in_words() -> None:
    assert offsets_text([1, 30, 7, 14]) == "30, 14, 7 og 1 dag før fristen"
    assert offsets_text([7, 30]) == "30 og 7 dager før fristen"


def test_an_update_summary_lists_the_scheme_changes_and_stays_short() -> None:
    changes = [KbChange("a", "deadline", f"Frist {i}: endret " + "x" * 80) for i in range(100)]
    changes.append(KbChange(None, "source", "Ny kilde: noe"))
    summary = update_summary(KbDiff("v1", "v2", tuple(changes)))
    assert summary.startswith("Opplysningene om tilskuddsordningene er oppdatert:\n- Frist 0:")
    assert "Ny kilde" not in summary
    assert len(summary) <= MAX_SUMMARY + 100
    assert "endringer til." in summary


def test_a_broadcast_limited_to_schemes_reaches_only_their_subscribers(state_db: StateDb) -> None:
    store = StateStore(state_db)
    store.subscribe(1, ["kommunalt-rusarbeid"], TODAY)
    store.subscribe(2, "*", TODAY)
    store.subscribe(3, ["nav-sosiale-tjenester"], TODAY)
    wanted = frozenset({"kommunalt-rusarbeid"})
    assert [s.chat_id for s in recipients(store, wanted)] == [1, 2]
    assert [s.chat_id for s in recipients(store)] == [1, 2, 3]
    draft, _ = prepare_broadcast(store, {ADMIN}, ADMIN, "Endret frist", TODAY)
    assert confirm_broadcast(store, {ADMIN}, ADMIN, draft.id, TODAY, schemes=wanted) == 2
    assert sorted(r.chat_id for r in store.rows(["pending"])) == [1, 2]


def test_an_faq_reply_is_question_answer_and_an_optional_scheme() -> None:
    assert parse_faq_reply(" Bil? | Nei. | rusarbeid ") == ("Bil?", "Nei.", "rusarbeid")
    assert parse_faq_reply("Bil? | Nei.") == ("Bil?", "Nei.", None)
    assert parse_faq_reply("Bil? | Nei. | ") == ("Bil?", "Nei.", None)
    for bad in ("Bil?", "Bil? |", "| Nei.", "a | b | c | d"):
        with pytest.raises(ChangeRefused) as refused:
            parse_faq_reply(bad)
        assert refused.value.problems == (FAQ_FORMAT,)


def test_the_sources_folder_and_admin_office_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.config import SettingsError, load_settings

    assert (load_settings().sources_dir, load_settings().admin_office) == (None, None)
    monkeypatch.setenv("TILSKUDDSBOT_SOURCES_DIR", str(tmp_path))
    monkeypatch.setenv("TILSKUDDSBOT_ADMIN_OFFICE", "innlandet")
    settings = load_settings()
    assert (settings.sources_dir, settings.admin_office) == (tmp_path, "innlandet")
    monkeypatch.setenv("TILSKUDDSBOT_SOURCES_DIR", str(tmp_path / "missing"))
    with pytest.raises(SettingsError, match=r"TILSKUDDSBOT_SOURCES_DIR: .*not a folder"):
        load_settings()
