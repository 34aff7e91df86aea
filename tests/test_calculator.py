"""/beregn through the message pipeline: the console's dialogue, kept in state.db, from the rules.

The guided calculator is the core's (``bot.calculator``); these tests drive it through
``Pipeline.handle`` as the console does (numbered options pressed by their text), and through
``tilskuddsbot chat`` itself. The Telegram side is in ``tests/test_telegram_calculator.py``.
"""

from __future__ import annotations

import dataclasses
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.bootstrap import Core, build_core
from bot.calculator import PREFIX, TIMEOUT, Offer, offers, payload
from bot.cli import main
from bot.config import Settings
from bot.engine import Engine
from bot.reply import Reply, Who
from bot.texts import t
from knowledge.kb import KnowledgeBase
from tests.telegram_fixtures import TODAY, fresh_engine, shared_core, telegram_kb

__all__ = ["shared_core", "telegram_kb"]

CONSOLE = Who("console")
TELEGRAM = Who("tg:5005", 5005, 5005)
RUS, NAV = "kommunalt-rusarbeid", "nav-sosiale-tjenester"


class Clock:
    """A wall clock the test moves on."""

    def __init__(self) -> None:
        """Start at an arbitrary moment."""
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        """Return the moment."""
        return self.now


@pytest.fixture
def settings(state_dir: Path) -> Settings:
    """Settings for a data folder of the test's own."""
    return Settings(TILSKUDDSBOT_DATA_DIR=str(state_dir), TILSKUDDSBOT_TODAY=TODAY.isoformat())


@pytest.fixture
def core(settings: Settings, shared_core: Engine) -> Iterator[Core]:
    """A core as the composition root builds it, on the test's own state."""
    with build_core(settings, fresh_engine(shared_core)) as built:
        yield built


def say(core: Core, text: str, who: Who = CONSOLE) -> Reply:
    """Type a text."""
    return core.pipeline.handle(text, who, TODAY)


def press(core: Core, reply: Reply, label: str, who: Who = CONSOLE) -> Reply:
    """Press an option of a reply by its label, as the console does (by its text)."""
    [button] = [b for m in reply.messages for b in m.buttons if b.label == label]
    assert button.text is not None
    return core.pipeline.handle(button.text, who, TODAY, pressed=True)


def labels(reply: Reply) -> list[str]:
    """Return the labels of a reply's buttons."""
    return [b.label for m in reply.messages for b in m.buttons]


def rows(core: Core) -> list[tuple[str, str, str | None, int | None, str | None]]:
    """Return the stored dialogues: conversation, step, scheme, year, positions."""
    with sqlite3.connect(core.settings.state_db) as conn:
        found = conn.execute(
            "select key, step, scheme, year, positions from calculator_dialogues order by key"
        ).fetchall()
    conn.close()
    return [tuple(r) for r in found]


def test_the_schemes_and_years_offered_are_those_of_the_knowledge_base_rules(
    telegram_kb: KnowledgeBase,
) -> None:
    assert offers(telegram_kb) == {
        RUS: Offer(RUS, "Kommunalt rusarbeid", (1, 2, 3, 4), cost=True),
        NAV: Offer(NAV, "Sosiale tjenester i NAV", (), cost=False),
    }


def test_an_edited_rule_changes_what_the_calculator_offers(telegram_kb: KnowledgeBase) -> None:
    rus, nav = telegram_kb.schemes[RUS], telegram_kb.schemes[NAV]
    [ladder] = [r for r in rus.rules if r.kind == "ladder"]
    fifth = ladder.steps[-1].model_copy(update={"grant_year": 5})
    longer = ladder.model_copy(update={"steps": [*ladder.steps, fifth]})
    rules = [longer if r is ladder else r for r in rus.rules]
    schemes = {
        **telegram_kb.schemes,
        RUS: rus.model_copy(update={"rules": rules}),
        NAV: nav.model_copy(update={"rules": []}),
    }
    edited = dataclasses.replace(telegram_kb, schemes=schemes)
    assert offers(edited) == {RUS: Offer(RUS, "Kommunalt rusarbeid", (1, 2, 3, 4, 5), cost=True)}


def test_beregn_guides_the_console_through_scheme_year_positions_and_cost(core: Core) -> None:
    first = say(core, "/beregn")
    assert first.text == "Beregning: velg ordning\n\nHvilken ordning vil du beregne?"
    assert labels(first) == ["Kommunalt rusarbeid", "Sosiale tjenester i NAV", "Avbryt"]
    assert all(b.data == "" for b in first.messages[0].buttons), "the console stores nothing"
    year = press(core, first, "Kommunalt rusarbeid")
    assert year.replace and year.text.startswith("Beregning: Kommunalt rusarbeid\n\n")
    assert labels(year) == ["År 1", "År 2", "År 3", "År 4", "Avbryt"]
    positions = press(core, year, "År 3")
    assert "Beregning: Kommunalt rusarbeid, år 3" in positions.text
    assert labels(positions) == ["0,5", "1", "1,5", "2", "3", "Avbryt"]
    cost = press(core, positions, "2")
    assert "år 3, 2 årsverk" in cost.text and t("calc.ask_cost") in cost.text
    assert rows(core) == [("console", "cost", RUS, 3, "2")]
    result = say(core, "800 000 kr")
    expected = core.commands.calculation(RUS, 3, "2", 800_000, TODAY)
    assert result.text == expected.text and "880 000 kr" in result.text
    assert result.messages[0].html == expected.html() and not result.replace
    assert rows(core) == [], "a finished dialogue is deleted"


def test_the_console_chat_runs_beregn_with_numbered_options(
    core: Core, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = ["/beregn", "2", "mange", "1,5"]
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(settings.data_dir))
    core.close()  # the console opens the data folder itself
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    assert main(["chat", "--today", TODAY.isoformat()], out) == 0
    printed = out.getvalue()
    assert "Hvilken ordning vil du beregne?\n  [1] Kommunalt rusarbeid\n" in printed
    assert "  [2] Sosiale tjenester i NAV\n  [3] Avbryt\n" in printed
    assert "Beregning: Sosiale tjenester i NAV\n\nHvor mange årsverk?" in printed
    assert "«mange» er ikke et antall årsverk jeg forstår" in printed
    assert t("calc.bad_positions", reason="").strip() in printed
    with build_core(settings) as again:
        expected = again.commands.calculation(NAV, None, "1,5", None, TODAY)
    assert expected.text in printed
    assert t("calculate.usage") not in printed, "the console runs the dialogue, not the usage"


def test_a_bad_quantity_is_refused_with_the_reason_and_the_step_stays(core: Core) -> None:
    positions = press(core, press(core, say(core, "/beregn"), "Kommunalt rusarbeid"), "År 4")
    for typed, reason in [("mange", "er ikke et antall årsverk"), ("1/0", "deler på null")]:
        refused = say(core, typed)
        assert (
            reason in refused.text and "Skriv antall årsverk på nytt, eller /avbryt" in refused.text
        )
        assert refused.text.startswith("Beregning: Kommunalt rusarbeid, år 4\n\n")
        assert labels(refused) == ["Avbryt"] and not refused.replace
        assert t("sorry") not in refused.text
    assert rows(core) == [("console", "positions", RUS, 4, None)]
    assert labels(positions)[:1] == ["0,5"]
    cost = say(core, "2 årsverk")
    refused = say(core, "dyrt")
    assert "helt antall kroner" in refused.text and labels(refused) == ["Hopp over", "Avbryt"]
    result = press(core, refused, "Hopp over")
    assert t("calc.ask_cost") in cost.text
    assert result.text == core.commands.calculation(RUS, 4, "2 årsverk", None, TODAY).text


def test_avbryt_and_the_cancel_button_end_the_dialogue(core: Core) -> None:
    first = say(core, "/beregn")
    cancelled = press(core, first, "Avbryt")
    assert cancelled.text == t("calc.cancelled") and cancelled.replace
    assert press(core, first, "Kommunalt rusarbeid").notice == t("expired")
    press(core, say(core, "/beregn"), "Sosiale tjenester i NAV")
    assert say(core, "/avbryt").text == t("calc.cancelled")
    assert say(core, "/avbryt").text == t("cancel.nothing")
    assert t("calc.ask_positions") not in say(core, "2").text, "a number is a question again"
    assert rows(core) == []


def test_old_forged_and_doubled_presses_are_answered_as_expired_and_change_nothing(
    core: Core,
) -> None:
    first = say(core, "/beregn")
    year = press(core, first, "Kommunalt rusarbeid")
    assert press(core, first, "Sosiale tjenester i NAV").notice == t("expired"), "an old step"
    [dialogue] = [core.pipeline.calculator.current(CONSOLE)]
    assert dialogue is not None
    for forged in (
        payload(dialogue.nonce, "y", "9"),
        payload(dialogue.nonce, "y", "-1"),
        payload(dialogue.nonce, "y", "9" * 40),
        payload(dialogue.nonce, "p", "2"),  # not the step
        payload(dialogue.nonce, "s", "ukjent"),
        payload("abcdefghij", "y", "3"),  # another dialogue's
        PREFIX,
        PREFIX + "::::",
    ):
        assert say(core, forged).notice is None, "typed, it is no button press"
        assert core.pipeline.handle(forged, CONSOLE, TODAY, pressed=True).notice == t("expired")
    assert rows(core) == [("console", "year", RUS, None, None)]
    press(core, year, "År 2")
    assert press(core, year, "År 3").notice == t("expired"), "a doubled press moves it once"
    assert rows(core) == [("console", "positions", RUS, 2, None)]


def test_a_new_beregn_starts_afresh_and_the_old_buttons_expire(core: Core) -> None:
    old = press(core, say(core, "/beregn"), "Kommunalt rusarbeid")
    new = say(core, "/beregn")
    assert press(core, old, "År 3").notice == t("expired")
    assert labels(press(core, new, "Kommunalt rusarbeid"))[0] == "År 1"


def test_a_dialogue_survives_a_restart_of_the_core(settings: Settings, shared_core: Engine) -> None:
    with build_core(settings, fresh_engine(shared_core)) as core:
        year = press(core, say(core, "/beregn", TELEGRAM), "Kommunalt rusarbeid", TELEGRAM)
        data = {b.label: b.data for b in year.messages[0].buttons}
        assert all(d.startswith("o:") for d in data.values()), "stored like every option"
    with build_core(settings, fresh_engine(shared_core)) as core:
        positions = core.pipeline.press(data["År 3"], TELEGRAM, TODAY)
        assert "Beregning: Kommunalt rusarbeid, år 3" in positions.text and positions.replace
        assert t("calc.ask_cost") in say(core, "2", TELEGRAM).text
        result = say(core, "800 000 kr", TELEGRAM)
        assert result.text == core.commands.calculation(RUS, 3, "2", 800_000, TODAY).text


def test_a_dialogue_silent_for_ten_minutes_is_dropped(core: Core) -> None:
    clock = Clock()
    core.pipeline.calculator.clock = clock
    positions = press(core, say(core, "/beregn"), "Sosiale tjenester i NAV")
    clock.now += TIMEOUT - 1
    assert "er ikke et antall årsverk" in say(core, "mange").text, "a refusal keeps it alive"
    clock.now += TIMEOUT - 1
    expected = core.commands.calculation(NAV, None, "1", None, TODAY)
    assert press(core, positions, "1").text == expected.text
    press(core, say(core, "/beregn"), "Sosiale tjenester i NAV")
    clock.now += TIMEOUT + 1
    assert t("calc.ask_positions") not in say(core, "2").text, "a number is a question again"
    assert press(core, positions, "1").notice == t("expired")
    assert say(core, "/avbryt").text == t("cancel.nothing")


def test_other_commands_pass_while_the_dialogue_waits_and_beregn_with_words_ends_it(
    core: Core,
) -> None:
    press(core, say(core, "/beregn"), "Sosiale tjenester i NAV")
    assert "/personvern" in say(core, "/hjelp").text
    assert rows(core) == [("console", "positions", NAV, None, None)]
    direct = say(core, "/beregn år 3, 2 årsverk")
    assert "880 000 kr" in direct.text
    assert rows(core) == []


def test_each_conversation_has_its_own_dialogue(core: Core) -> None:
    other = Who("tg:-100:7", -100, 7)
    mine = say(core, "/beregn")
    press(core, say(core, "/beregn", other), "Kommunalt rusarbeid", other)
    assert press(core, mine, "Kommunalt rusarbeid", other).notice == t("expired")
    assert [r[:2] for r in rows(core)] == [("console", "scheme"), ("tg:-100:7", "year")]


def test_slettmeg_deletes_a_dialogue_under_way(core: Core) -> None:
    positions = press(core, say(core, "/beregn", TELEGRAM), "Sosiale tjenester i NAV", TELEGRAM)
    say(core, "/slettmeg", TELEGRAM)
    assert rows(core) == []
    assert press(core, positions, "1", TELEGRAM).notice == t("expired")
