"""What the bot achieves, counted: events without message text or user ids, per week and in all.

The pipeline and the caseworker desk record one row in ``desk_events`` per event: the day,
what happened (:data:`KINDS`), the scheme and topic (the intent) when known, and for an
answer from a caseworker the seconds it took. Nothing else: no text, no chat or user id.
:func:`summarize` turns the events of a period into :class:`Stats` (per ISO week and in
total), :func:`render` into text for /statistikk and ``tilskuddsbot stats``, and
:func:`chart_png` into a PNG, with matplotlib imported only when a chart is asked for.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.statedb import StateDb
from bot.texts import t
from bot.vocab import Lang

Kind = Literal[
    "answered",  # a question the bot answered
    "declined",  # a question the bot could not answer
    "clarify",  # a question the bot answered with a question back
    "thumbs_down",
    "handover",  # a question sent to the caseworkers
    "desk_answer",  # the first answer from a caseworker (seconds: since the handover)
    "faq_created",  # an FAQ entry made from a desk answer
    "closed",  # a desk question closed (topic: the reason)
]
KINDS: tuple[Kind, ...] = (
    "answered",
    "declined",
    "clarify",
    "thumbs_down",
    "handover",
    "desk_answer",
    "faq_created",
    "closed",
)
QUESTION_KINDS = frozenset({"answered", "declined", "clarify"})
TOP = 5


@dataclass(frozen=True)
class Event:
    """One counted event."""

    day: dt.date
    kind: str
    scheme: str | None = None
    topic: str | None = None
    seconds: int | None = None


class Events:
    """The events table in the state database."""

    def __init__(self, db: StateDb) -> None:
        """Use an open state database (see ``bot.statedb.open_state``)."""
        self.db = db

    def record(
        self,
        day: dt.date,
        kind: Kind,
        scheme: str | None = None,
        topic: str | None = None,
        seconds: int | None = None,
    ) -> None:
        """Count one event (written without waiting for the disk: a count may be lost)."""
        if kind not in KINDS:
            raise ValueError(f"unknown event {kind!r}")
        with self.db.transaction(durable=False) as conn:
            conn.execute(
                "insert into desk_events (day, kind, scheme, topic, seconds)"
                " values (?, ?, ?, ?, ?)",
                (day.isoformat(), kind, scheme, topic, seconds),
            )

    def between(self, start: dt.date | None = None, end: dt.date | None = None) -> list[Event]:
        """Return the events from start to end (both included; None: open-ended), oldest first."""
        low = (start or dt.date.min).isoformat()
        high = (end or dt.date.max).isoformat()
        with self.db.lock:
            rows = self.db.conn.execute(
                "select day, kind, scheme, topic, seconds from desk_events"
                " where day >= ? and day <= ? order by day, id",
                (low, high),
            ).fetchall()
        return [Event(dt.date.fromisoformat(r[0]), r[1], r[2], r[3], r[4]) for r in rows]


@dataclass
class Figures:
    """The counts of one period."""

    questions: int = 0
    answered: int = 0
    declined: int = 0
    thumbs_down: int = 0
    handed_over: int = 0
    desk_answered: int = 0
    faq_created: int = 0
    seconds: list[int] = field(default_factory=list)

    @property
    def median_hours(self) -> float | None:
        """Return the median time to a caseworker's answer, in hours (None: no answer)."""
        return statistics.median(self.seconds) / 3600 if self.seconds else None

    def add(self, event: Event) -> None:
        """Count one event."""
        if event.kind in QUESTION_KINDS:
            self.questions += 1
        if event.kind == "answered":
            self.answered += 1
        elif event.kind == "declined":
            self.declined += 1
        elif event.kind == "thumbs_down":
            self.thumbs_down += 1
        elif event.kind == "handover":
            self.handed_over += 1
        elif event.kind == "desk_answer":
            self.desk_answered += 1
            if event.seconds is not None:
                self.seconds.append(event.seconds)
        elif event.kind == "faq_created":
            self.faq_created += 1


@dataclass
class Stats:
    """The figures per ISO week ('2022-W04') and in total, the top schemes, topics, clusters."""

    weeks: dict[str, Figures]
    total: Figures
    schemes: list[tuple[str, int]]
    topics: list[tuple[str, int]]
    clusters: list[tuple[str, int]]


def week_of(day: dt.date) -> str:
    """Return the ISO week of a day, as '2022-W04'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def summarize(events: Iterable[Event], clusters: Sequence[tuple[str, int]] = ()) -> Stats:
    """Count events per week and in total; the clusters come from the review queue."""
    weeks: dict[str, Figures] = {}
    total = Figures()
    schemes: Counter[str] = Counter()
    topics: Counter[str] = Counter()
    for event in events:
        weeks.setdefault(week_of(event.day), Figures()).add(event)
        total.add(event)
        if event.kind in QUESTION_KINDS:
            if event.scheme:
                schemes[event.scheme] += 1
            if event.topic:
                topics[event.topic] += 1
    return Stats(
        dict(sorted(weeks.items())),
        total,
        sorted(schemes.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP],
        sorted(topics.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP],
        list(clusters[:TOP]),
    )


def _hours(value: float | None, lang: Lang) -> str:
    """Render a median in hours ('–' without one)."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nb" else text


def _line(label: str, f: Figures, lang: Lang) -> str:
    """Render the figures of one period on one line."""
    return t(
        "stats.line",
        lang,
        label=label,
        questions=f.questions,
        answered=f.answered,
        declined=f.declined,
        down=f.thumbs_down,
        handed=f.handed_over,
        desk=f.desk_answered,
        median=_hours(f.median_hours, lang),
        faq=f.faq_created,
    )


def render(stats: Stats, lang: Lang = "nb", names: Mapping[str, str] | None = None) -> str:
    """Render the statistics as plain text; ``names`` gives the schemes' names by id."""
    names = names or {}
    if not stats.weeks and not stats.clusters:
        return t("stats.empty", lang)
    lines = [t("stats.head", lang), t("stats.legend", lang)]
    lines += [_line(week, f, lang) for week, f in stats.weeks.items()]
    lines.append(_line(t("stats.total", lang), stats.total, lang))
    if stats.schemes:
        top = ", ".join(f"{names.get(scheme, scheme)} ({n})" for scheme, n in stats.schemes)
        lines.append(t("stats.schemes", lang, top=top))
    if stats.topics:
        top = ", ".join(f"{name} ({n})" for name, n in stats.topics)
        lines.append(t("stats.topics", lang, top=top))
    if stats.clusters:
        lines.append(t("stats.clusters", lang))
        lines += [f"– «{text}» ({n})" for text, n in stats.clusters]
    return "\n".join(lines)


def chart_png(stats: Stats, lang: Lang = "nb") -> bytes:
    """Draw the weekly figures as a PNG (matplotlib is loaded here, only when asked)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    weeks = list(stats.weeks)
    series = [
        (t("stats.chart_questions", lang), [f.questions for f in stats.weeks.values()]),
        (t("stats.chart_answered", lang), [f.answered for f in stats.weeks.values()]),
        (t("stats.chart_handed", lang), [f.handed_over for f in stats.weeks.values()]),
        (t("stats.chart_desk", lang), [f.desk_answered for f in stats.weeks.values()]),
    ]
    figure = Figure(figsize=(8, 4.5), dpi=100)
    axes = figure.subplots()
    positions = list(range(len(weeks)))
    for label, values in series:
        axes.plot(positions, values, marker="o", label=label)
    axes.set_xticks(positions, weeks, rotation=45, ha="right")
    axes.set_title(t("stats.chart_title", lang))
    axes.set_ylabel(t("stats.chart_count", lang))
    axes.legend(loc="upper left")
    axes.grid(alpha=0.3)
    figure.tight_layout()
    out = io.BytesIO()
    figure.savefig(out, format="png")
    return out.getvalue()
