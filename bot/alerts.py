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
from bot.cards import find_scheme
from bot.engine import Engine
from bot.ics import build_calendar, calendar_deadlines
from bot.kbdiff import KbDiff
from bot.reminders import dated_deadlines
from bot.state import DEFAULT_OFFSETS, MAX_OFFSET, MAX_OFFSETS, StateStore, Subscription
from bot.vocab import DEADLINE_LABELS
from knowledge.kb import DeadlineEntry, KnowledgeBase

ALL_WORDS = frozenset({"alle", "all", "alt", "*", "alle ordninger"})
ALL_LABEL = "Alle ordninger"
UPCOMING_SHOWN = 5
OFFSETS_USAGE = (
    "Skriv hvor mange dager før fristen du vil ha påminnelse, for eksempel «/varsler 30 7 1» "
    f"(1 til {MAX_OFFSETS} tall fra 0 til {MAX_OFFSET})."
)
NOT_SUBSCRIBED = "Du har ingen varsler. Skriv /abonner for å velge ordninger."


def _answer(paragraphs: list[str], *, title: str | None = None, answered: bool = True) -> Answer:
    """Build an answer of a reminder command."""
    return Answer("subscription", answered, 1.0, "nb", paragraphs, title=title)


def offsets_text(offsets: Iterable[int]) -> str:
    """Render offsets in words: '30, 14, 7 og 1 dag før fristen'."""
    values = sorted(set(offsets), reverse=True)
    unit = "dag" if values[-1] == 1 else "dager"
    return f"{fmt.join([str(v) for v in values])} {unit} før fristen"


def parse_offsets(text: str) -> list[int] | None:
    """Read '30 7 1', '30, 7 og 1' or '30,7,1' as whole days; None if that is not what it is."""
    words = [w for w in re.split(r"[\s,;]+|\bog\b", text.strip().lower()) if w]
    if not words or not all(re.fullmatch(r"\d{1,4}", w) for w in words):
        return None
    return [int(w) for w in words]


class Alerts:
    """Subscription commands over the state store and the engine's current knowledge."""

    def __init__(self, store: StateStore, engine: Engine) -> None:
        """Keep the store and the engine (its knowledge may be swapped while running)."""
        self.store = store
        self.engine = engine

    @property
    def kb(self) -> KnowledgeBase:
        """Return the knowledge answers come from now."""
        return self.engine.kb

    def run(self, name: str, args: str, chat_id: int, today: dt.date) -> Answer:
        """Run /abonner, /avslutt, /mine_varsler or /varsler for a chat."""
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
            return "alle ordningene (også nye)"
        return fmt.join(sorted(self._name(s) for s in sub.schemes))

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
        entries = self._upcoming(sub, today)
        if not entries:
            return (
                "Ingen kommende frister med dato er kjent for disse ordningene ennå. "
                "Frister som bare er oppgitt i ord, varsles ikke."
            )
        lines = ["Kommende frister:"]
        for e in entries[:UPCOMING_SHOWN]:
            d = e.deadline
            assert d.date is not None
            label = DEADLINE_LABELS[d.kind]["nb"]
            mark = " (foreløpig)" if d.tentative else ""
            lines.append(
                f"– {fmt.long_date(d.date)}{mark}: {label}, {self._name(e.scheme_id)} "
                f"({fmt.days((d.date - today).days)})"
            )
        if len(entries) > UPCOMING_SHOWN:
            lines.append(f"… og {len(entries) - UPCOMING_SHOWN} til.")
        return "\n".join(lines)

    def _scheme(self, text: str) -> str | None:
        """Find a scheme id by id, name or alias."""
        found = find_scheme(self.kb, text)
        return found.id if found is not None else None

    def _unknown(self, text: str) -> Answer:
        """Say a scheme name is not known."""
        return _answer(
            [f"Jeg kjenner ingen ordning som heter «{text}». Skriv /abonner for listen."],
            answered=False,
        )

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
        return _answer(
            [
                f"Du får nå påminnelser om fristene for {self._followed(sub)}, "
                f"{offsets_text(sub.offsets)}.",
                self._upcoming_lines(sub, today),
                "Endre dagene med /varsler, se alt med /mine_varsler, avslutt med /avslutt. "
                "/kalender gir fristene som kalenderfil.",
            ],
            title="Påminnelser",
        )

    def offer(self, chat_id: int) -> Answer:
        """List the schemes not followed yet as options, with 'all schemes'."""
        sub = self.store.subscription(chat_id)
        current = sub if sub is not None and sub.active else None
        paragraphs = [] if current is None else [f"Du følger nå {self._followed(current)}."]
        if current is not None and current.schemes is None:
            return _answer([*paragraphs, "Avslutt med /avslutt."], title="Påminnelser")
        days = offsets_text(current.offsets if current is not None else DEFAULT_OFFSETS)
        paragraphs.append(
            "Velg ordningen du vil ha påminnelser om, så varsler jeg før hver frist med dato: "
            f"{days} (andre dager velger du med /varsler)."
        )
        followed = (current.schemes if current is not None else None) or frozenset()
        answer = _answer(paragraphs, title="Påminnelser")
        answer.options = [
            Option(s.names.short, f"/abonner {sid}")
            for sid, s in self.kb.schemes.items()
            if sid not in followed
        ]
        answer.options.append(Option(ALL_LABEL, "/abonner alle"))
        return answer

    def unsubscribe(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/avslutt: stop everything; /avslutt ORDNING: stop one scheme."""
        sub = self.store.subscription(chat_id)
        if sub is None:
            return _answer([NOT_SUBSCRIBED])
        if not args or args.lower() in ALL_WORDS:
            self.store.unsubscribe(chat_id)
            return _answer(
                ["Du får ingen flere påminnelser, og valgene dine er slettet. "
                 "Skriv /abonner for å begynne igjen."]
            )  # fmt: skip
        scheme_id = self._scheme(args)
        if scheme_id is None:
            return self._unknown(args)
        if not sub.covers(scheme_id):
            return _answer([f"Du får ikke påminnelser om {self._name(scheme_id)}."])
        left = self.store.unsubscribe(chat_id, scheme_id, known=self.kb.schemes)
        done = f"Du får ikke lenger påminnelser om {self._name(scheme_id)}."
        if left is None:
            return _answer([done, "Du følger ingen ordninger nå. Skriv /abonner for å velge."])
        return _answer([done, f"Du følger fortsatt {self._followed(left)}."])

    def mine(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/mine_varsler: what the chat follows, how early, and the next deadlines."""
        sub = self.store.subscription(chat_id)
        if sub is None:
            return _answer([NOT_SUBSCRIBED])
        paragraphs = [
            f"Du følger {self._followed(sub)}.",
            f"Påminnelse {offsets_text(sub.offsets)} (endre med /varsler).",
            self._upcoming_lines(sub, today),
        ]
        if not sub.active:
            paragraphs.insert(
                0, "Påminnelsene er stanset fordi meldinger til deg ikke kom fram. "
                "Skriv /abonner for å starte dem igjen.",
            )  # fmt: skip
        answer = _answer(paragraphs, title="Dine påminnelser")
        schemes = sorted(sub.schemes or (), key=self._name)
        answer.options = [Option(f"Avslutt {self._name(s)}", f"/avslutt {s}") for s in schemes]
        answer.options.append(Option("Avslutt alle", "/avslutt alle"))
        return answer

    def offsets(self, args: str, chat_id: int, today: dt.date) -> Answer:
        """/varsler 30 7 1: change how many days before a deadline the chat is reminded."""
        sub = self.store.subscription(chat_id)
        if sub is None:
            return _answer([NOT_SUBSCRIBED])
        if not args:
            return _answer([f"Du får påminnelse {offsets_text(sub.offsets)}.", OFFSETS_USAGE])
        values = parse_offsets(args)
        try:
            changed = self.store.set_offsets(chat_id, values or [], today) if values else None
        except ValueError:
            changed = None
        if changed is None:
            return _answer([f"Jeg forstod ikke «{args}». {OFFSETS_USAGE}"], answered=False)
        return _answer([f"Nå får du påminnelse {offsets_text(changed.offsets)}."])

    def calendar(self, args: str, chat_id: int, today: dt.date) -> tuple[bytes | None, Answer]:
        """/kalender: an .ics file of the deadlines followed (/kalender alle: every scheme)."""
        if args.strip().lower() in ALL_WORDS:
            schemes: list[str] | None = None
            what = "alle ordningene"
        else:
            sub = self.store.subscription(chat_id)
            if sub is None:
                return None, _answer(
                    ["Du har ingen varsler å lage kalender av. Skriv /abonner for å velge "
                     "ordninger, eller /kalender alle for fristene til alle ordningene."]
                )  # fmt: skip
            schemes = None if sub.schemes is None else sorted(sub.schemes & set(self.kb.schemes))
            what = self._followed(sub)
        count = len(calendar_deadlines(self.kb, schemes))
        if count == 0:
            return None, _answer(
                [f"Det finnes ingen frister med dato for {what}, så kalenderen ville vært tom."]
            )
        data = build_calendar(self.kb, schemes, today)
        caption = (
            f"{count} {'frist' if count == 1 else 'frister'} for {what}. Åpne filen for å legge "
            "dem i kalenderen din; en nyere fil oppdaterer de samme avtalene."
        )
        return data, _answer([caption])


#: Longest update summary sent to subscribers (the announcement frame adds a little).
MAX_SUMMARY = 3500


def update_summary(diff: KbDiff) -> str:
    """Write what subscribers of the changed schemes are told after a knowledge update."""
    lines = diff.lines(only=diff.affected_schemes)
    out = ["Opplysningene om tilskuddsordningene er oppdatert:"]
    size = len(out[0])
    for i, line in enumerate(lines):
        if size + len(line) + 3 > MAX_SUMMARY:
            out.append(f"… og {len(lines) - i} endringer til.")
            break
        out.append(f"- {line}")
        size += len(line) + 3
    out.append("Spør meg om detaljene, eller se /mine_varsler.")
    return "\n".join(out)
