"""The deadlines calendar: RFC 5545 that Outlook imports, dated deadlines only."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from bot.cli import main
from bot.ics import build_calendar, calendar_deadlines
from knowledge.kb import KnowledgeBase

TODAY = dt.date(2022, 1, 27)


def events(data: bytes) -> dict[str, Component]:
    """Parse a calendar and return its events by UID."""
    calendar = Calendar.from_ical(data)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_every_dated_deadline_of_the_chosen_schemes_is_one_all_day_event(kb: KnowledgeBase) -> None:
    data = build_calendar(kb, ["kommunalt-rusarbeid"], TODAY)
    found = events(data)
    assert sorted(found) == [
        "kommunalt-rusarbeid:2020:application:agder@tilskuddsbot",
        "kommunalt-rusarbeid:2021:application:innlandet@tilskuddsbot",
        "kommunalt-rusarbeid:2021:report:innlandet@tilskuddsbot",
        "kommunalt-rusarbeid:2022:application:ukjent-statsforvalter@tilskuddsbot",
    ]
    event = found["kommunalt-rusarbeid:2022:application:ukjent-statsforvalter@tilskuddsbot"]
    assert event.decoded("DTSTART") == dt.date(2022, 2, 15)
    assert event.decoded("DTEND") == dt.date(2022, 2, 16)
    assert (
        "VALUE=DATE"
        in data.decode().split("UID:kommunalt-rusarbeid:2022")[0].rsplit("BEGIN:VEVENT", 1)[1]
    )
    assert str(event["SUMMARY"]) == "Søknadsfrist: Kommunalt rusarbeid"
    assert str(event["STATUS"]) == "CONFIRMED"
    description = str(event["DESCRIPTION"])
    assert "Frist: 15. februar 2022" in description
    assert "Kontor: Et statsforvalterembete" in description and "Kilde: " in description
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -dt.timedelta(days=7)
    assert str(alarm["ACTION"]) == "DISPLAY"


def test_the_file_is_a_valid_publishable_calendar(kb: KnowledgeBase) -> None:
    data = build_calendar(kb, None, TODAY)
    text = data.decode()
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")
    assert "\r\nMETHOD:PUBLISH\r\n" in text and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))  # folded lines
    for event in Calendar.from_ical(data).walk("VEVENT"):
        assert event.decoded("DTSTAMP") == dt.datetime(2022, 1, 27, tzinfo=dt.UTC)


def test_tentative_deadlines_are_tentative_events_quoting_the_source(kb: KnowledgeBase) -> None:
    found = events(build_calendar(kb, ["voksne-langvarige"], TODAY))
    event = found["voksne-langvarige:2022:application:ukjent-statsforvalter@tilskuddsbot"]
    assert str(event["STATUS"]) == "TENTATIVE"
    assert str(event["SUMMARY"]).endswith("(foreløpig)")
    assert "kilden skriver «31.3.22 ??????»" in str(event["DESCRIPTION"])


def test_unknown_and_worded_deadlines_are_left_out(kb: KnowledgeBase) -> None:
    found = events(build_calendar(kb, None, TODAY))
    dated = {e.id for e in kb.deadlines() if e.deadline.date is not None}
    assert {uid.removesuffix("@tilskuddsbot") for uid in found} == dated
    for left_out in (
        "voksne-langvarige:2020:application:agder",  # '????'
        "frisklivs-og-laeringstilbud:2022:application:ukjent-statsforvalter",  # 'Vår'
        "kompensasjon-fastleger-korona:2022:application:ukjent-statsforvalter",  # 'Løpende'
    ):
        assert f"{left_out}@tilskuddsbot" not in found


def test_an_english_calendar_uses_english_words(kb: KnowledgeBase) -> None:
    (event,) = [
        e
        for uid, e in events(build_calendar(kb, ["kommunalt-rusarbeid"], TODAY, "en")).items()
        if ":2022:" in uid
    ]
    assert str(event["SUMMARY"]).startswith("Application deadline: ")
    assert "Deadline: 15 February 2022" in str(event["DESCRIPTION"])


def test_the_same_input_gives_the_same_bytes(kb: KnowledgeBase) -> None:
    assert build_calendar(kb, ["kommunalt-rusarbeid"], TODAY) == build_calendar(
        kb, ["kommunalt-rusarbeid"], TODAY
    )


def test_an_unknown_scheme_id_is_refused(kb: KnowledgeBase) -> None:
    with pytest.raises(ValueError, match="no-such-scheme"):
        calendar_deadlines(kb, ["no-such-scheme"])


def test_the_ics_command_writes_the_file_for_the_named_schemes(tmp_path: Path) -> None:
    target = tmp_path / "frister.ics"
    out = io.StringIO()
    code = main(
        ["ics", "--scheme", "Kommunalt rusarbeid", "--out", str(target), "--today", "2022-01-27"],
        out,
    )
    assert code == 0
    assert out.getvalue() == f"Skrev 4 frister til {target}\n"
    assert len(events(target.read_bytes())) == 4


def test_the_ics_command_prints_to_standard_output_by_default() -> None:
    out = io.StringIO()
    assert main(["ics", "--today", "2022-01-27"], out) == 0
    assert out.getvalue().startswith("BEGIN:VCALENDAR")


def test_the_ics_command_refuses_an_unknown_scheme() -> None:
    assert main(["ics", "--scheme", "qqqqqqq"], io.StringIO()) == 2
