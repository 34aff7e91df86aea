"""Planning reminders by time travel: the right day, late after downtime, never undated."""

from __future__ import annotations

import datetime as dt
from collections.abc import Set as AbstractSet

import pytest

from bot.fmt import Lang
from bot.reminders import (
    PlannedReminder,
    compose_broadcast,
    compose_reminder,
    dated_deadlines,
    plan_reminders,
)
from bot.state import DEFAULT_OFFSETS, Subscription
from knowledge.kb import DeadlineEntry, KnowledgeBase

RUS = "kommunalt-rusarbeid"
RUS_2022 = "kommunalt-rusarbeid:2022:application:ukjent-statsforvalter"  # 15 February 2022
TENTATIVE_2022 = "voksne-langvarige:2022:application:ukjent-statsforvalter"  # '31.3.22 ??????'


def sub(
    schemes: frozenset[str] | None = frozenset({RUS}),
    since: dt.date = dt.date(2021, 12, 1),
    offsets: tuple[int, ...] = DEFAULT_OFFSETS,
    lang: Lang = "nb",
    chat_id: int = 1,
) -> Subscription:
    """Build a subscription."""
    return Subscription(chat_id, schemes, offsets, lang, True, since, since)


def days(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return every day from first to last, inclusive."""
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def simulate(
    kb: KnowledgeBase,
    subscription: Subscription,
    first: dt.date,
    last: dt.date,
    down: AbstractSet[dt.date] = frozenset(),
) -> list[tuple[dt.date, PlannedReminder]]:
    """Plan once a day from first to last (skipping the days the bot was down), as passes do."""
    outbox: set[str] = set()
    planned: list[tuple[dt.date, PlannedReminder]] = []
    for day in days(first, last):
        if day in down:
            continue
        for item in plan_reminders(kb, [subscription], day, outbox):
            outbox.add(item.key)
            planned.append((day, item))
    return planned


def test_a_deadline_is_reminded_30_14_7_and_1_days_before_and_on_no_other_day(
    kb: KnowledgeBase,
) -> None:
    planned = simulate(kb, sub(), dt.date(2021, 12, 1), dt.date(2022, 3, 1))
    assert [(day, p.offset, p.late, p.deadline_id) for day, p in planned] == [
        (dt.date(2022, 1, 16), 30, False, RUS_2022),
        (dt.date(2022, 2, 1), 14, False, RUS_2022),
        (dt.date(2022, 2, 8), 7, False, RUS_2022),
        (dt.date(2022, 2, 14), 1, False, RUS_2022),
    ]


@pytest.mark.parametrize(
    ("day", "offset"),
    [
        (dt.date(2022, 1, 16), 30),
        (dt.date(2022, 2, 1), 14),
        (dt.date(2022, 2, 8), 7),
        (dt.date(2022, 2, 14), 1),
        (dt.date(2022, 1, 15), None),
        (dt.date(2022, 1, 17), None),
        (dt.date(2022, 2, 15), None),
        (dt.date(2022, 2, 16), None),
    ],
)
def test_a_single_day_plans_exactly_the_offset_due_that_day(
    kb: KnowledgeBase, day: dt.date, offset: int | None
) -> None:
    done = {f"1|{RUS_2022}|{o}" for o in DEFAULT_OFFSETS if o > (offset or 0)}
    if offset is None:
        done = {f"1|{RUS_2022}|{o}" for o in DEFAULT_OFFSETS}
    planned = plan_reminders(kb, [sub()], day, done)
    assert [p.offset for p in planned] == ([offset] if offset else [])


@pytest.mark.parametrize(
    ("down", "expected"),
    [
        # down on the 14-day day: sent late the day the bot is back, once
        (
            days(dt.date(2022, 1, 30), dt.date(2022, 2, 3)),
            [
                (dt.date(2022, 1, 16), 30, False),
                (dt.date(2022, 2, 4), 14, True),
                (dt.date(2022, 2, 8), 7, False),
                (dt.date(2022, 2, 14), 1, False),
            ],
        ),
        # down over two offsets: only the most recent is caught up
        (
            days(dt.date(2022, 1, 10), dt.date(2022, 2, 5)),
            [
                (dt.date(2022, 2, 6), 14, True),
                (dt.date(2022, 2, 8), 7, False),
                (dt.date(2022, 2, 14), 1, False),
            ],
        ),
        # back on the deadline day itself: still worth a late reminder
        (
            days(dt.date(2022, 2, 14), dt.date(2022, 2, 14)),
            [
                (dt.date(2022, 1, 16), 30, False),
                (dt.date(2022, 2, 1), 14, False),
                (dt.date(2022, 2, 8), 7, False),
                (dt.date(2022, 2, 15), 1, True),
            ],
        ),
        # back after the deadline: never
        (
            days(dt.date(2022, 2, 14), dt.date(2022, 2, 16)),
            [
                (dt.date(2022, 1, 16), 30, False),
                (dt.date(2022, 2, 1), 14, False),
                (dt.date(2022, 2, 8), 7, False),
            ],
        ),
    ],
    ids=["one-missed", "two-missed", "back-on-deadline-day", "back-after-deadline"],
)
def test_reminders_missed_during_downtime_are_sent_late_once_while_the_deadline_is_ahead(
    kb: KnowledgeBase, down: list[dt.date], expected: list[tuple[dt.date, int, bool]]
) -> None:
    planned = simulate(kb, sub(), dt.date(2021, 12, 1), dt.date(2022, 3, 1), set(down))
    assert [(day, p.offset, p.late) for day, p in planned] == expected


def test_reminders_due_before_the_chat_subscribed_are_not_caught_up(kb: KnowledgeBase) -> None:
    planned = simulate(kb, sub(since=dt.date(2022, 2, 5)), dt.date(2022, 2, 5), dt.date(2022, 3, 1))
    assert [(day, p.offset, p.late) for day, p in planned] == [
        (dt.date(2022, 2, 8), 7, False),
        (dt.date(2022, 2, 14), 1, False),
    ]


def test_an_offset_of_zero_reminds_on_the_deadline_day(kb: KnowledgeBase) -> None:
    planned = plan_reminders(kb, [sub(offsets=(0,))], dt.date(2022, 2, 15))
    assert [(p.deadline_id, p.offset, p.late) for p in planned] == [(RUS_2022, 0, False)]


def test_tentative_deadlines_are_planned_with_the_mark(kb: KnowledgeBase) -> None:
    subscription = sub(schemes=frozenset({"voksne-langvarige"}))
    planned = plan_reminders(kb, [subscription], dt.date(2022, 3, 24))
    assert [(p.deadline_id, p.offset, p.tentative) for p in planned] == [(TENTATIVE_2022, 7, True)]


def test_unknown_and_worded_deadlines_are_never_planned_on_any_day(kb: KnowledgeBase) -> None:
    everything = sub(schemes=None, offsets=(60, 30, 14, 7, 1, 0), since=dt.date(2019, 1, 1))
    planned = simulate(kb, everything, dt.date(2019, 1, 1), dt.date(2023, 12, 31))
    dated = {e.id for e in dated_deadlines(kb)}
    undated = {e.id for e in kb.deadlines()} - dated
    assert {"voksne-langvarige:2020:application:agder"} <= undated  # '????'
    assert {
        e.id for e in kb.deadlines() if e.deadline.text in ("Vår", "Løpende", "April")
    } <= undated
    assert {p.deadline_id for _, p in planned} == dated  # every dated one, no undated one


def test_a_chat_is_reminded_only_of_the_schemes_it_follows(kb: KnowledgeBase) -> None:
    day = dt.date(2022, 2, 1)
    some = sub(schemes=frozenset({"husbanken-boligsosiale-tiltak"}), chat_id=2)
    every = sub(schemes=None, chat_id=3)
    planned = plan_reminders(kb, [sub(), some, every], day)
    by_chat = {(p.chat_id, p.scheme_id) for p in planned}
    assert by_chat == {
        (1, RUS),
        (2, "husbanken-boligsosiale-tiltak"),
        (3, RUS),
        (3, "husbanken-boligsosiale-tiltak"),
        (3, "nav-sosiale-tjenester"),  # 1 February 2022, the 1-day reminder sent late
    }


def test_inactive_subscriptions_are_never_planned(kb: KnowledgeBase) -> None:
    blocked = Subscription(
        1, None, DEFAULT_OFFSETS, "nb", False, dt.date(2021, 1, 1), dt.date(2021, 1, 1)
    )
    assert plan_reminders(kb, [blocked], dt.date(2022, 2, 1)) == []


def entry(kb: KnowledgeBase, deadline_id: str) -> DeadlineEntry:
    """Return a deadline entry by id."""
    return next(e for e in kb.deadlines() if e.id == deadline_id)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "nb",
            [
                "<b>Påminnelse: søknadsfrist – Kommunalt rusarbeid</b>",
                "Frist: <b>15. februar 2022</b> (om 14 dager).",
                "Kontor: Et statsforvalterembete",
                "Kilde: Et statsforvalterembete (ikke navngitt i kilden), 27. januar 2022",
                "/avslutt",
            ],
        ),
        (
            "en",
            [
                "<b>Reminder: application deadline – ",
                "Deadline: <b>15 February 2022</b> (in 14 days).",
                "Office: ",
                "Source: ",
                "/avslutt",
            ],
        ),
    ],
)
def test_a_reminder_names_scheme_kind_date_days_left_office_and_source(
    kb: KnowledgeBase, lang: Lang, expected: list[str]
) -> None:
    text = compose_reminder(
        kb,
        entry(kb, RUS_2022),
        dt.date(2022, 2, 1),
        lang,
        offset=14,
        due_day=dt.date(2022, 2, 1),
        late=False,
    )
    for part in expected:
        assert part in text
    assert "for sent" not in text and "late" not in text.lower()


@pytest.mark.parametrize(
    ("lang", "phrase", "left"),
    [
        (
            "nb",
            "Sendt for sent: påminnelsen skulle vært sendt 1. februar 2022 (14 dager før",
            "(om 11 dager)",
        ),
        (
            "en",
            "Sent late: this reminder was due on 1 February 2022 (14 days before",
            "(in 11 days)",
        ),
    ],
)
def test_a_late_reminder_says_it_was_sent_late(
    kb: KnowledgeBase, lang: Lang, phrase: str, left: str
) -> None:
    text = compose_reminder(
        kb,
        entry(kb, RUS_2022),
        dt.date(2022, 2, 4),
        lang,
        offset=14,
        due_day=dt.date(2022, 2, 1),
        late=True,
    )
    assert phrase in text
    assert left in text  # days left counted from the day it is sent


def test_a_tentative_reminder_quotes_the_source_text(kb: KnowledgeBase) -> None:
    text = compose_reminder(
        kb,
        entry(kb, TENTATIVE_2022),
        dt.date(2022, 3, 24),
        "nb",
        offset=7,
        due_day=dt.date(2022, 3, 24),
        late=False,
    )
    assert "Foreløpig dato: kilden skriver «31.3.22 ??????»" in text


def test_an_announcement_is_shown_as_plain_text_in_html() -> None:
    assert compose_broadcast(" Møte <i>i morgen</i> & \n", "nb") == (
        "📢 <b>Kunngjøring</b>\n\nMøte &lt;i&gt;i morgen&lt;/i&gt; &amp;"
    )
    assert compose_broadcast("x", "en").startswith("📢 <b>Announcement</b>")
