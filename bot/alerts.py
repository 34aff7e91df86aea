"""The reminder commands a chat uses: /abonner, /avslutt, /mine_varsler, /varsler and /kalender.

Each command reads the chat's subscription in the :class:`bot.state.StateStore`, changes it
if asked, and answers with an :class:`bot.answer.Answer` like every other command. Buttons are
options whose text is the command they run ("/abonner kommunalt-rusarbeid"), so a pressed
button and a typed command take the same path. Scheme names are read the way /ordninger reads
them (id, name or alias, typos tolerated). The as-of day is always a parameter.

Only dated deadlines are reminded and put in the calendar: deadlines the sources give only in
words ('Vår', 'Løpende') or as unknown ('????') are not, and the answers say so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from bot import fmt
from bot.answer import Answer, Option
from bot.engine import Engine
from bot.ics import build_calendar, calendar_deadlines
from bot.kbdiff import KbDiff
from bot.names import find_scheme
from bot.reminders import dated_deadlines
from bot.state import DEFAULT_OFFSETS, MAX_OFFSET, MAX_OFFSETS, StateStore, Subscription
from bot.texts import t
from bot.vocab import DEADLINE_LABELS, Lang
from knowledge.kb import DeadlineEntry, KnowledgeBase

ALL_WORDS = frozenset({"alle", "all", "alt", "*", "alle ordninger"})
UPCOMING_SHOWN = 5
CALENDAR_FILE = "tilskuddsfrister.ics"


def offsets_text(offsets: Iterable[int], lang: Lang = "nb") -> str:
    """Render offsets in words: '30, 14, 7 og 1 dag før fristen'."""
    values = sorted(set(offsets), reverse=True)
    unit = t("alerts.day" if values[-1] == 1 else "alerts.days", lang)
    return t("alerts.offsets_text", lang, days=fmt.join([str(v) for v in values], lang), unit=unit)


def offsets_usage(lang: Lang = "nb") -> str:
    """Say how to give the reminder days."""
    return t("alerts.offsets_usage", lang, most=MAX_OFFSETS, longest=MAX_OFFSET)


def parse_offsets(text: str) -> list[int] | None:
    """Read '30 7 1', '30, 7 og 1' or '30,7,1' as whole days; None if that is not what it is."""
    words = [w for w in re.split(r"[\s,;]+|\bog\b", text.strip().lower()) if w]
    if not words or not all(re.fullmatch(r"\d{1,4}", w) for w in words):
        return None
    return [int(w) for w in words]


class Alerts:
    """Subscription commands over the state store and the engine's current knowledge."""

    def __init__(self, store: StateStore, engine: Engine, lang: Lang = "nb") -> None:
        """Keep the store and the engine (its knowledge may be swapped while running)."""
        self.store = store
        self.engine = engine
        self.lang = lang

    def _answer(
        self, paragraphs: list[str], *, title: str | None = None, answered: bool = True
    ) -> Answer:
        """Build an answer of a reminder command."""
        return Answer("subscription", answered, 1.0, self.lang, paragraphs, title=title)

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge answers come from now."""
        return self.engine.kb

    def run(self, name: str, args: str, chat_id: int, today: dt.date) -> Answer:
        """Run /abonner, /avslutt, /mine_varsler or /varsler for a chat (in self.lang)."""
        commands: dict[str, Callable[[str, int, dt.date], Answer]] = {
            "abonner": self.subscribe,
            "avslutt": self.unsubscribe,
            "mine_varsler": self.mine,
            "varsler": self.offsets,
        }
        command = commands.get(name)
        if command is None:
            raise KeyError(f"not a reminder command: {name}")
        return command(args.strip(), chat_id, today)

    # --- helpers ------------------------------------------------------------------------------

    def _name(self, scheme_id: str) -> str:
        """Return a scheme's short name (its id if it is no longer known)."""
        scheme = self.kb.schemes.get(scheme_id)
        return scheme.names.short if scheme is not None else scheme_id

    def _followed(self, sub: Subscription) -> str:
        """Name what a subscription follows."""
        if sub.schemes is None:
            return t("alerts.all_followed", self.lang)
        return fmt.join(sorted(self._name(s) for s in sub.schemes), self.lang)

    def _upcoming(self, sub: Subscription | None, today: dt.date) -> list[DeadlineEntry]:
        """Return the dated deadlines from today on for what a chat follows, soonest first."""
        entries = [
            e
            for e in dated_deadlines(self.kb)
            if e.deadline.date is not None
            and e.deadline.date >= today
            and (sub is None or sub.covers(e.scheme_id))
        ]
        return sorted(entries, key=lambda e: (e.deadline.date or dt.date.max, e.id))

    def _upcoming_lines(self, sub: Subscription, today: dt.date) -> str:
        """List the next few dated deadlines of a subscription, or say there are none."""
        lang = self.lang
        entries = self._upcoming(sub, today)
        if not entries:
            return t("alerts.none_upcoming", lang)
        lines = [t("alerts.upcoming", lang)]
        for e in entries[:UPCOMING_SHOWN]:
            d = e.deadline
            assert d.date is not None
            lines.append(
                t(
                    "alerts.upcoming_line",
                    lang,
                    date=fmt.long_date(d.date, lang),
                    mark=t("alerts.tentative_mark", lang) if d.tentative else "",
                    label=DEADLINE_LABELS[d.kind][lang],
                    scheme=self._name(e.scheme_id),
                    left=fmt.days((d.date - today).days, lang),
                )
            )
        if len(entries) > UPCOMING_SHOWN:
            lines.append(t("alerts.more", lang, count=len(entries) - UPCOMING_SHOWN))
        return "\n".join(lines)

    def _scheme(self, text: str) -> str | None:
        """Find a scheme id by id, name or alias."""
        found = find_scheme(self.kb, text)
        return found.id if found is not None else None

    def _unknown(self, text: str) -> Answer:
        """Say a scheme name is not known."""
        return self._answer([t("alerts.unknown_scheme", self.lang, name=text)], answered=False)

    # --- commands -----------------------------------------------------------------------------

    def subscribe(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/abonner: offer the schemes; /abonner alle or /abonner ORDNING: subscribe."""
        if not args:
            return self.offer(chat_id)
        if args.lower() in ALL_WORDS:
            sub = self.store.subscribe(chat_id, "*", today)
        else:
            scheme_id = self._scheme(args)
            if scheme_id is None:
                return self._unknown(args)
            sub = self.store.subscribe(chat_id, [scheme_id], today)
        lang = self.lang
        subscribed = t(
            "alerts.subscribed",
            lang,
            schemes=self._followed(sub),
            offsets=offsets_text(sub.offsets, lang),
        )
        return self._answer(
            [subscribed, self._upcoming_lines(sub, today), t("alerts.subscribed_help", lang)],
            title=t("alerts.title", lang),
        )

    def offer(self, chat_id: int) -> Answer:
        """List the schemes not followed yet as options, with 'all schemes'."""
        lang, title = self.lang, t("alerts.title", self.lang)
        sub = self.store.subscription(chat_id)
        current = sub if sub is not None and sub.active else None
        paragraphs = []
        if current is not None:
            paragraphs.append(t("alerts.following", lang, schemes=self._followed(current)))
        if current is not None and current.schemes is None:
            return self._answer([*paragraphs, t("alerts.stop_hint", lang)], title=title)
        days = offsets_text(current.offsets if current is not None else DEFAULT_OFFSETS, lang)
        paragraphs.append(t("alerts.choose", lang, days=days))
        followed = (current.schemes if current is not None else None) or frozenset()
        answer = self._answer(paragraphs, title=title)
        answer.options = [
            Option(s.names.short, f"/abonner {sid}")
            for sid, s in self.kb.schemes.items()
            if sid not in followed
        ]
        answer.options.append(Option(t("alerts.all_label", lang), "/abonner alle"))
        return answer

    def unsubscribe(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/avslutt: stop everything; /avslutt ORDNING: stop one scheme."""
        lang = self.lang
        sub = self.store.subscription(chat_id)
        if sub is None:
            return self._answer([t("alerts.not_subscribed", lang)])
        if not args or args.lower() in ALL_WORDS:
            self.store.unsubscribe(chat_id)
            return self._answer([t("alerts.stopped_all", lang)])
        scheme_id = self._scheme(args)
        if scheme_id is None:
            return self._unknown(args)
        name = self._name(scheme_id)
        if not sub.covers(scheme_id):
            return self._answer([t("alerts.not_following", lang, scheme=name)])
        left = self.store.unsubscribe(chat_id, scheme_id, known=self.kb.schemes)
        done = t("alerts.stopped_one", lang, scheme=name)
        if left is None:
            return self._answer([done, t("alerts.nothing_left", lang)])
        return self._answer([done, t("alerts.still_following", lang, schemes=self._followed(left))])

    def mine(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/mine_varsler: what the chat follows, how early, and the next deadlines."""
        lang = self.lang
        sub = self.store.subscription(chat_id)
        if sub is None:
            return self._answer([t("alerts.not_subscribed", lang)])
        paragraphs = [
            t("alerts.follows", lang, schemes=self._followed(sub)),
            t("alerts.offsets_now", lang, offsets=offsets_text(sub.offsets, lang)),
            self._upcoming_lines(sub, today),
        ]
        if not sub.active:
            paragraphs.insert(0, t("alerts.paused", lang))
        answer = self._answer(paragraphs, title=t("alerts.mine_title", lang))
        schemes = sorted(sub.schemes or (), key=self._name)
        answer.options = [
            Option(t("alerts.stop_button", lang, scheme=self._name(s)), f"/avslutt {s}")
            for s in schemes
        ]
        answer.options.append(Option(t("alerts.stop_all_button", lang), "/avslutt alle"))
        return answer

    def offsets(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/varsler 30 7 1: change how many days before a deadline the chat is reminded."""
        lang = self.lang
        sub = self.store.subscription(chat_id)
        if sub is None:
            return self._answer([t("alerts.not_subscribed", lang)])
        if not args:
            current = t("alerts.offsets_current", lang, offsets=offsets_text(sub.offsets, lang))
            return self._answer([current, offsets_usage(lang)])
        values = parse_offsets(args)
        try:
            changed = self.store.set_offsets(chat_id, values or [], today) if values else None
        except ValueError:
            changed = None
        if changed is None:
            bad = t("alerts.offsets_bad", lang, typed=args, usage=offsets_usage(lang))
            return self._answer([bad], answered=False)
        done = t("alerts.offsets_changed", lang, offsets=offsets_text(changed.offsets, lang))
        return self._answer([done])

    def calendar(self, args: str, chat_id: int, today: dt.date) -> tuple[bytes | None, Answer]:
        """/kalender: an .ics file of the deadlines followed (/kalender alle: every scheme)."""
        lang = self.lang
        if args.strip().lower() in ALL_WORDS:
            schemes: list[str] | None = None
            what = t("alerts.calendar_all", lang)
        else:
            sub = self.store.subscription(chat_id)
            if sub is None:
                return None, self._answer([t("alerts.calendar_none", lang)])
            schemes = None if sub.schemes is None else sorted(sub.schemes & set(self.kb.schemes))
            what = self._followed(sub)
        count = len(calendar_deadlines(self.kb, schemes))
        if count == 0:
            return None, self._answer([t("alerts.calendar_empty", lang, what=what)])
        data = build_calendar(self.kb, schemes, today, lang)
        unit = t("alerts.calendar_one" if count == 1 else "alerts.calendar_many", lang)
        caption = t("alerts.calendar_caption", lang, count=count, unit=unit, what=what)
        return data, self._answer([caption])


#: Longest update summary sent to subscribers (the announcement frame adds a little).
MAX_SUMMARY = 3500


def update_summary(diff: KbDiff, reminders: Iterable[str] = ()) -> str:
    """Write what subscribers of the changed schemes are told after a knowledge update.

    ``reminders`` (see :func:`reminder_offers`) offer a reminder for new coming deadlines.
    """
    lines = diff.lines(only=diff.affected_schemes)
    out = [t("alerts.summary_head")]
    size = len(out[0])
    for i, line in enumerate(lines):
        if size + len(line) + 3 > MAX_SUMMARY:
            out.append(t("alerts.summary_more", count=len(lines) - i))
            break
        out.append(f"- {line}")
        size += len(line) + 3
    for line in reminders:
        if size + len(line) + 1 > MAX_SUMMARY:
            break
        out.append(line)
        size += len(line) + 1
    out.append(t("alerts.summary_tail"))
    return "\n".join(out)


def reminder_offers(kb: KnowledgeBase, diff: KbDiff, today: dt.date) -> list[str]:
    """Offer a reminder for each coming dated deadline of the schemes whose deadlines changed.

    A deadline a caseworker adds (/ny_frist) is reminded like every dated deadline; the
    summary sent to the scheme's subscribers says so, with the date.
    """
    changed = {c.scheme for c in diff.changes if c.what == "deadline" and c.scheme}
    return [
        t(
            "alerts.summary_reminder",
            scheme=kb.schemes[e.scheme_id].names.short,
            kind=DEADLINE_LABELS[e.deadline.kind]["nb"].lower(),
            date=fmt.long_date(e.deadline.date),
        )
        for e in dated_deadlines(kb)
        if e.scheme_id in changed and e.deadline.date is not None and e.deadline.date >= today
    ]
