"""Deadlines as an iCalendar file (RFC 5545, written with the icalendar library).

One all-day VEVENT per dated deadline of the chosen schemes, with a stable UID (the deadline id
plus ``@tilskuddsbot``, so importing a newer file updates events instead of doubling them), the
scheme and kind in SUMMARY, the office and source in DESCRIPTION and a reminder (VALARM) seven
days before. Tentative deadlines get ``STATUS:TENTATIVE`` and the source's own words in
DESCRIPTION. Deadlines the sources give only in words ('Vår', 'Løpende') or as unknown ('????')
are left out: a calendar entry needs a date, and the bot never invents one.
Pure: the as-of day (used for DTSTAMP) is a parameter and nothing is read from the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Alarm, Calendar, Event

from bot import fmt
from bot.fmt import Lang
from bot.vocab import DEADLINE_LABELS
from knowledge.kb import DeadlineEntry, KnowledgeBase

PRODID = "-//Tilskuddsbot//Tilskuddsfrister//NB"
UID_DOMAIN = "tilskuddsbot"
ALARM_DAYS = 7


def calendar_deadlines(kb: KnowledgeBase, schemes: Iterable[str] | None) -> list[DeadlineEntry]:
    """Return the dated deadlines of the given schemes (None: all), by date and id."""
    wanted = None if schemes is None else set(schemes)
    if wanted is not None and (unknown := wanted - set(kb.schemes)):
        raise ValueError(f"unknown scheme ids: {', '.join(sorted(unknown))}")
    entries = [
        e
        for e in kb.deadlines()
        if e.deadline.date is not None
        and not e.deadline.unknown
        and (wanted is None or e.scheme_id in wanted)
    ]
    return sorted(entries, key=lambda e: (e.deadline.date or dt.date.min, e.id))


def _event(kb: KnowledgeBase, entry: DeadlineEntry, stamp: dt.datetime, lang: Lang) -> Event:
    """Build the all-day event of one dated deadline."""
    d = entry.deadline
    assert d.date is not None
    nb = lang == "nb"
    scheme = kb.schemes[entry.scheme_id]
    name = scheme.names.short if nb else (scheme.names.english or [scheme.names.short])[0]
    summary = f"{DEADLINE_LABELS[d.kind][lang]}: {name}"
    if d.tentative:
        summary += " (foreløpig)" if nb else " (tentative)"
    lines = [f"{'Frist' if nb else 'Deadline'}: {fmt.long_date(d.date, lang)}"]
    if d.covers_year is not None:
        lines.append(f"{'For tilskuddsåret' if nb else 'For grant year'} {d.covers_year}")
    if d.tentative:
        lines.append(
            f"Foreløpig dato: kilden skriver {fmt.quote(d.raw)}. Sjekk datoen med statsforvalteren."
            if nb
            else f"Tentative date: the source says {fmt.quote(d.raw)}. Check the date with the "
            "county governor."
        )
    if d.note:
        lines.append(f"{'Merknad' if nb else 'Note'}: {d.note}")
    lines.append(f"{'Kontor' if nb else 'Office'}: {kb.offices[entry.office_id].name}")
    lines.append(f"{'Kilde' if nb else 'Source'}: {kb.provenance(d).label()}")

    event = Event()
    event.add("uid", f"{entry.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", d.date)
    event.add("dtend", d.date + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", "\n".join(lines))
    event.add("status", "TENTATIVE" if d.tentative else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["Tilskudd" if nb else "Grants"])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", dt.timedelta(days=-ALARM_DAYS))
    alarm.add("description", summary)
    event.add_component(alarm)
    return event


def build_calendar(
    kb: KnowledgeBase, schemes: Iterable[str] | None, today: dt.date, lang: Lang = "nb"
) -> bytes:
    """Return an .ics calendar with the dated deadlines of the given schemes (None: all)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Tilskuddsfrister" if lang == "nb" else "Grant deadlines")
    stamp = dt.datetime.combine(today, dt.time(0, 0), tzinfo=dt.UTC)
    for entry in calendar_deadlines(kb, schemes):
        calendar.add_component(_event(kb, entry, stamp, lang))
    data: bytes = calendar.to_ical()
    return data
