"""The statistics: a known sequence of events counted per week and in total, the CLI, the chart."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.desk import working_day, working_hours
from bot.review import ReviewQueue
from bot.statedb import MIGRATIONS, SCHEMA_VERSION, StateDb, open_state
from bot.stats import Events, Kind, render, summarize

MONDAY = dt.date(2022, 1, 24)  # ISO week 2022-W04
NEXT_MONDAY = dt.date(2022, 1, 31)  # 2022-W05
RUS, NAV = "kommunalt-rusarbeid", "nav-sosiale-tjenester"
SEQUENCE: list[tuple[dt.date, Kind, str | None, str | None, int | None]] = [
    (MONDAY, "answered", RUS, "deadline", None),
    (MONDAY, "answered", RUS, "deadline", None),
    (MONDAY, "declined", None, "out_of_scope", None),
    (MONDAY, "thumbs_down", None, None, None),
    (MONDAY, "handover", None, None, None),
    (MONDAY + dt.timedelta(days=1), "answered", NAV, "amount", None),
    (MONDAY + dt.timedelta(days=1), "declined", None, "out_of_scope", None),
    (MONDAY + dt.timedelta(days=1), "clarify", None, "amount", None),
    (MONDAY + dt.timedelta(days=1), "handover", RUS, None, None),
    (MONDAY + dt.timedelta(days=1), "desk_answer", None, None, 3600),
    (MONDAY + dt.timedelta(days=2), "desk_answer", RUS, None, 7200),
    (MONDAY + dt.timedelta(days=2), "faq_created", RUS, None, None),
    (NEXT_MONDAY, "answered", NAV, "amount", None),
    (NEXT_MONDAY, "declined", None, "out_of_scope", None),
    (NEXT_MONDAY, "handover", None, None, None),
    (NEXT_MONDAY + dt.timedelta(days=4), "desk_answer", None, None, 36000),
    (NEXT_MONDAY + dt.timedelta(days=4), "closed", None, "done", None),
]


def record_sequence(db: StateDb) -> Events:
    """Record the known sequence of events."""
    events = Events(db)
    for day, kind, scheme, topic, seconds in SEQUENCE:
        events.record(day, kind, scheme, topic, seconds)
    return events


def test_a_known_sequence_of_events_is_counted_per_week_and_in_total(state_db: StateDb) -> None:
    stats = summarize(record_sequence(state_db).between(), [("Kan vi kjøpe bil?", 3)])
    w04, w05 = stats.weeks["2022-W04"], stats.weeks["2022-W05"]
    assert list(stats.weeks) == ["2022-W04", "2022-W05"]
    figures = [
        (f.questions, f.answered, f.declined, f.thumbs_down, f.handed_over, f.desk_answered)
        for f in (w04, w05, stats.total)
    ]
    assert figures == [(6, 3, 2, 1, 2, 2), (2, 1, 1, 0, 1, 1), (8, 4, 3, 1, 3, 3)]
    assert (w04.median_hours, w05.median_hours, stats.total.median_hours) == (1.5, 10.0, 2.0)
    assert (w04.faq_created, w05.faq_created, stats.total.faq_created) == (1, 0, 1)
    assert stats.schemes == [(RUS, 2), (NAV, 2)]
    assert stats.topics == [("amount", 3), ("out_of_scope", 3), ("deadline", 2)]
    assert render(stats).splitlines() == [
        "Effekt, uke for uke",
        "uke: spørsmål / besvart av boten / ikke besvart / 👎 / til saksbehandler / "
        "besvart av saksbehandler (median timer) / nye FAQ",
        "2022-W04: 6 / 3 / 2 / 1 / 2 / 2 (1,5) / 1",
        "2022-W05: 2 / 1 / 1 / 0 / 1 / 1 (10,0) / 0",
        "Totalt: 8 / 4 / 3 / 1 / 3 / 3 (2,0) / 1",
        f"Mest spurt om: {RUS} (2), {NAV} (2)",
        "Vanligste tema: amount (3), out_of_scope (3), deadline (2)",
        "Største grupper av ubesvarte spørsmål:",
        "– «Kan vi kjøpe bil?» (3)",
    ]
    assert render(stats, "en").splitlines()[4] == "Total: 8 / 4 / 3 / 1 / 3 / 3 (2.0) / 1"


@pytest.mark.parametrize(
    ("start", "end", "weeks"),
    [
        (None, None, ["2022-W04", "2022-W05"]),
        (NEXT_MONDAY, None, ["2022-W05"]),
        (None, MONDAY + dt.timedelta(days=6), ["2022-W04"]),
        (dt.date(2023, 1, 1), None, []),
    ],
)
def test_the_events_of_a_period_are_those_from_its_first_to_its_last_day(
    state_db: StateDb, start: dt.date | None, end: dt.date | None, weeks: list[str]
) -> None:
    assert list(summarize(record_sequence(state_db).between(start, end)).weeks) == weeks


def test_an_event_of_an_unknown_kind_is_refused(state_db: StateDb) -> None:
    with pytest.raises(ValueError, match="unknown event"):
        Events(state_db).record(MONDAY, "visited")  # type: ignore[arg-type]


def test_events_are_stored_without_text_or_ids(state_db: StateDb) -> None:
    record_sequence(state_db)
    columns = [r[1] for r in state_db.conn.execute("pragma table_info(desk_events)")]
    assert columns == ["id", "day", "kind", "scheme", "topic", "seconds"]


def test_the_stats_command_prints_the_figures_of_a_period_and_writes_the_chart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path))
    with open_state(tmp_path / "state.db") as db:
        record_sequence(db)
        ReviewQueue(db).add("Kan vi kjøpe bil?", NEXT_MONDAY)
    out = io.StringIO()
    chart = tmp_path / "chart.png"
    argv = ["stats", "--from", "2022-01-31", "--to", "2022-02-06", "--chart", str(chart)]
    assert main(argv, out) == 0
    lines = out.getvalue().splitlines()
    assert lines[2:4] == [
        "2022-W05: 2 / 1 / 1 / 0 / 1 / 1 (10,0) / 0",
        "Totalt: 2 / 1 / 1 / 0 / 1 / 1 (10,0) / 0",
    ]
    assert "– «Kan vi kjøpe bil?» (1)" in lines
    assert lines[-1] == f"Skrev diagrammet til {chart}"
    assert chart.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")

    out = io.StringIO()
    assert main(["stats", "--lang", "en"], out) == 0
    assert "Total: 8 / 4 / 3 / 1 / 3 / 3 (2.0) / 1" in out.getvalue()
    assert f"Asked about most: {RUS} (2), {NAV} (2)" in out.getvalue(), "no knowledge.db here"


def test_the_stats_command_names_the_schemes_from_the_knowledge_base(
    data_folder: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = data_folder("data")
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(folder))
    with open_state(folder / "state.db") as db:
        record_sequence(db)
    out = io.StringIO()
    assert main(["stats"], out) == 0
    assert "Mest spurt om: Kommunalt rusarbeid (2), Sosiale tjenester i NAV (2)" in out.getvalue()


def test_the_stats_command_refuses_a_period_that_ends_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path))
    assert main(["stats", "--from", "2022-02-01", "--to", "2022-01-01"], io.StringIO()) == 2
    assert capsys.readouterr().err == "tilskuddsbot: --from 2022-02-01 is after --to 2022-01-01\n"
    assert not (tmp_path / "state.db").exists()


def test_the_stats_command_says_so_when_nothing_was_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path))
    out = io.StringIO()
    assert main(["stats"], out) == 0
    assert out.getvalue() == "Ingen hendelser i perioden ennå.\n"


def test_the_plotting_library_is_loaded_only_when_a_chart_is_asked_for() -> None:
    code = (
        "import sys, bot.cli, bot.bootstrap, bot.desk, bot.stats, bot.pipeline, handlers.app\n"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_a_knowledge_build_does_not_load_the_charts_numpy_but_a_chart_still_can(
    tmp_path: Path,
) -> None:
    code = (
        "import sys\n"
        "from bot.cli import main\n"
        f"main(['kb', 'build', '--db', {str(tmp_path / 'k.db')!r}])\n"
        "print('numpy' in sys.modules)\n"
        "from bot.stats import Stats, chart_png\n"
        "import numpy\n"
        "print(numpy.__name__)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split()[-2:] == ["False", "numpy"], result.stderr


OSLO = ZoneInfo("Europe/Oslo")


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A moment in January/February 2022, Oslo time (24 January is a Monday)."""
    return dt.datetime(2022, 1, 1, tzinfo=OSLO) + dt.timedelta(
        days=day - 1, hours=hour, minutes=minute
    )


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (at(24, 9), at(24, 11), 2.0),  # within a Monday
        (at(24, 6), at(24, 20), 8.0),  # a whole working day
        (at(24, 15), at(25, 9), 2.0),  # over a night
        (at(28, 15), at(31, 9), 2.0),  # Friday to Monday: the weekend does not count
        (at(29, 10), at(30, 18), 0.0),  # within a weekend
        (at(24, 12, 30), at(24, 12, 45), 0.25),
        (at(24, 11), at(24, 9), 0.0),  # the end before the start
        (at(24, 8), at(31, 8), 40.0),  # a whole week
        (  # Easter week 2022: Thursday, Friday and Monday are public holidays
            dt.datetime(2022, 4, 13, 9, tzinfo=OSLO),
            dt.datetime(2022, 4, 20, 9, tzinfo=OSLO),
            16.0,
        ),
    ],
)
def test_working_hours_count_monday_to_friday_from_eight_to_four(
    start: dt.datetime, end: dt.datetime, hours: float
) -> None:
    assert working_hours(start, end) == hours


def test_a_state_database_of_the_previous_schema_gets_the_desk_tables_keeping_its_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.db"
    with sqlite3.connect(path) as conn:
        for migration in MIGRATIONS[:2]:
            for statement in migration.statements:
                conn.execute(statement)
        conn.execute("insert into buttons values ('tok', 42, 'hei', '2022-01-28')")
        conn.execute("pragma user_version=2")
    conn.close()
    with open_state(path) as db:
        assert db.version == SCHEMA_VERSION
        tables = {
            r[0] for r in db.conn.execute("select name from sqlite_master where type='table'")
        }
        assert {"desk_questions", "desk_messages", "desk_replies", "desk_events"} <= tables
        assert [tuple(r) for r in db.conn.execute("select * from buttons")] == [
            ("tok", 42, "hei", "2022-01-28")
        ]


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2022, 4, 13), True),  # the Wednesday before Easter
        (dt.date(2022, 4, 14), False),  # Maundy Thursday
        (dt.date(2022, 4, 15), False),  # Good Friday
        (dt.date(2022, 4, 18), False),  # Easter Monday
        (dt.date(2022, 5, 17), False),  # Constitution Day, a Tuesday
        (dt.date(2022, 5, 26), False),  # Ascension Day
        (dt.date(2022, 6, 6), False),  # Whit Monday
        (dt.date(2024, 3, 28), False),  # Maundy Thursday 2024
        (dt.date(2022, 12, 26), False),
        (dt.date(2022, 12, 27), True),
        (dt.date(2022, 1, 29), False),  # a Saturday
    ],
)
def test_working_days_leave_out_weekends_and_public_holidays(day: dt.date, working: bool) -> None:
    assert working_day(day) is working
