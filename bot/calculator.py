"""The guided calculator (/beregn without arguments): its steps, kept in the state database.

Steps: scheme -> grant year (schemes whose rules have one) -> positions -> yearly cost
(optional, schemes whose own share can be calculated) -> the result with its working, from
``CommandService.calculation``. Buttons drive every step; positions and cost may also be
typed. /avbryt or the Avbryt button cancels; ``/beregn`` again starts afresh.

The schemes and years offered come from the knowledge base's rules (:func:`offers`), so an
edited rule changes the dialogue without a code change. The message pipeline
(``bot.pipeline``) drives the dialogue for the console and Telegram alike; its buttons are
options whose text is a payload (:data:`PREFIX`), stored by the pipeline's ``ButtonStore``
like every other option, so they work after a restart.

A dialogue is a row of ``calculator_dialogues`` (one per conversation, ``Who.chat``) with its
step and a random ``nonce`` that each of its buttons carries. A press moves the dialogue on
only if the nonce and step match, by one conditional UPDATE, so a button of an earlier step
or of an ended dialogue, a replayed or doubled press, and a forged value are answered as
expired. A dialogue silent for :data:`TIMEOUT` seconds is dropped; /slettmeg deletes it.
"""

from __future__ import annotations

import html
import secrets
import string
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal, cast

from bot.quantity import Refused, read_kroner, read_positions
from bot.reply import Button, Message, Reply, Who
from bot.statedb import StateDb
from bot.texts import t
from bot.vocab import Lang
from knowledge.kb import KnowledgeBase

if TYPE_CHECKING:
    import datetime as dt

    from bot.commands import CommandService

Step = Literal["scheme", "year", "positions", "cost"]
#: Starts the text behind every calculator button; ``<nonce>:<verb>:<value>`` follows.
PREFIX = "\u2063🧮 "
#: The command that starts the dialogue (without arguments), and the one that cancels it.
COMMAND, CANCEL = "beregn", "avbryt"
#: Seconds of silence before a dialogue is dropped.
TIMEOUT = 600
#: Common numbers of positions, offered as buttons.
POSITION_CHOICES = ("0,5", "1", "1,5", "2", "3")
#: The verbs a button carries: choose a scheme, a year, positions; skip the cost; cancel.
SCHEME, YEAR, POSITIONS, SKIP, QUIT = "s", "y", "p", "c", "x"
#: Letters only: a nonce of digits could be masked as a phone number where buttons are stored.
NONCE_LETTERS, NONCE_LENGTH = string.ascii_lowercase, 10


@dataclass(frozen=True)
class Offer:
    """A scheme the calculator offers: its grant years (none: positions only), and the cost."""

    scheme: str
    label: str
    years: tuple[int, ...]
    cost: bool  # the own share can be calculated from a yearly cost


def offers(kb: KnowledgeBase) -> dict[str, Offer]:
    """The schemes with rules to calculate by, in the knowledge base's order.

    A rate ladder gives an amount per position and grant year (its steps are the years
    offered) and so an own share from a cost; a cap gives an amount per position only.
    """
    found: dict[str, Offer] = {}
    for scheme in kb.schemes.values():
        ladders = [rule for rule in scheme.rules if rule.kind == "ladder"]
        if not ladders and not any(rule.kind == "cap" for rule in scheme.rules):
            continue
        years = sorted({step.grant_year for rule in ladders for step in rule.steps})
        found[scheme.id] = Offer(scheme.id, scheme.names.short, tuple(years), bool(ladders))
    return found


@dataclass(frozen=True)
class Dialogue:
    """One conversation's dialogue as stored: its step and the choices so far."""

    key: str
    nonce: str
    step: Step
    lang: Lang
    scheme: str | None = None
    year: int | None = None
    positions: str | None = None


def payload(nonce: str, verb: str, value: str = "") -> str:
    """The text behind a calculator button."""
    return f"{PREFIX}{nonce}:{verb}:{value}"


class Calculator:
    """The /beregn dialogue over the ``calculator_dialogues`` table."""

    def __init__(
        self,
        db: StateDb,
        commands: CommandService,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Use an open state database, the commands (knowledge and results), and a clock."""
        self.db = db
        self.commands = commands
        self.clock = clock

    @property
    def kb(self) -> KnowledgeBase:
        """Return the current knowledge base (it may be swapped while running)."""
        return self.commands.kb

    # --- the state -----------------------------------------------------------------------------

    def current(self, who: Who) -> Dialogue | None:
        """Return the conversation's dialogue, unless there is none or it has timed out."""
        oldest = self.clock() - TIMEOUT
        with self.db.lock:
            row = self.db.conn.execute(
                "select * from calculator_dialogues where key = ? and touched >= ?",
                (who.chat, oldest),
            ).fetchone()
        if row is None:
            return None
        return Dialogue(
            key=str(row["key"]),
            nonce=str(row["nonce"]),
            step=cast(Step, row["step"]),
            lang=cast(Lang, row["lang"]),
            scheme=row["scheme"],
            year=row["year"],
            positions=row["positions"],
        )

    def _begin(self, who: Who, lang: Lang) -> Dialogue:
        """Store a new dialogue at the scheme step, replacing the conversation's old one."""
        nonce = "".join(secrets.choice(NONCE_LETTERS) for _ in range(NONCE_LENGTH))
        now = self.clock()
        with self.db.transaction(durable=False) as conn:
            conn.execute("delete from calculator_dialogues where touched < ?", (now - TIMEOUT,))
            conn.execute(
                "insert or replace into calculator_dialogues "
                "(key, chat_id, nonce, step, lang, touched) values (?, ?, ?, 'scheme', ?, ?)",
                (who.chat, who.chat_id, nonce, lang, now),
            )
        return Dialogue(who.chat, nonce, "scheme", lang)

    def _advance(self, dialogue: Dialogue, moved: Dialogue) -> Dialogue | None:
        """Move a dialogue on from its step to ``moved``, once; None if it moved or ended."""
        with self.db.transaction(durable=False) as conn:
            count = conn.execute(
                "update calculator_dialogues set step = ?, scheme = ?, year = ?, positions = ?, "
                "touched = ? where key = ? and nonce = ? and step = ?",
                (
                    moved.step,
                    moved.scheme,
                    moved.year,
                    moved.positions,
                    self.clock(),
                    dialogue.key,
                    dialogue.nonce,
                    dialogue.step,
                ),
            ).rowcount
        return moved if count == 1 else None

    def _touch(self, dialogue: Dialogue) -> None:
        """Count a refused answer as activity, so the dialogue does not time out meanwhile."""
        with self.db.transaction(durable=False) as conn:
            conn.execute(
                "update calculator_dialogues set touched = ? where key = ? and nonce = ?",
                (self.clock(), dialogue.key, dialogue.nonce),
            )

    def _end(self, dialogue: Dialogue) -> bool:
        """Delete a dialogue at its step, once; tell whether it was still there."""
        with self.db.transaction(durable=False) as conn:
            return (
                conn.execute(
                    "delete from calculator_dialogues where key = ? and nonce = ? and step = ?",
                    (dialogue.key, dialogue.nonce, dialogue.step),
                ).rowcount
                == 1
            )

    def drop(self, who: Who) -> None:
        """End the conversation's dialogue, if any (``/beregn`` with arguments answers at once)."""
        with self.db.transaction(durable=False) as conn:
            conn.execute("delete from calculator_dialogues where key = ?", (who.chat,))

    def forget(self, who: Who) -> int:
        """Delete the dialogues of a chat (for /slettmeg); return how many there were."""
        with self.db.transaction() as conn:
            by_chat = who.chat_id is not None  # in a group: everyone's, as its buttons go too
            deleted = conn.execute(
                f"delete from calculator_dialogues where {'chat_id' if by_chat else 'key'} = ?",
                (who.chat_id if by_chat else who.chat,),
            ).rowcount
        if deleted:
            self.db.scrub()
        return int(deleted)

    # --- the steps -----------------------------------------------------------------------------

    def start(self, who: Who, lang: Lang = "nb") -> Reply:
        """/beregn: offer the schemes, one per row."""
        found = offers(self.kb)
        if not found:
            return Reply.plain(t("calculate.usage", lang))
        dialogue = self._begin(who, lang)
        rows = [
            (Button(o.label, text=payload(dialogue.nonce, SCHEME, o.scheme)),)
            for o in found.values()
        ]
        return self._prompt(dialogue, t("calc.which_scheme", lang), rows, edit=False)

    def press(self, text: str, who: Who, today: dt.date) -> Reply:
        """A pressed calculator button: the next step, the result, or 'expired'."""
        nonce, _, rest = text.removeprefix(PREFIX).partition(":")
        verb, _, value = rest.partition(":")
        dialogue = self.current(who)
        if dialogue is None or dialogue.nonce != nonce:
            return Reply.note(t("expired"))
        if verb == QUIT:
            return self._cancel(dialogue, edit=True)
        if verb == SCHEME and dialogue.step == "scheme":
            return self._scheme(dialogue, value)
        if verb == YEAR and dialogue.step == "year":
            return self._year(dialogue, value)
        if verb == POSITIONS and dialogue.step == "positions" and value in POSITION_CHOICES:
            return self._positions(dialogue, value, today, edit=True)
        if verb == SKIP and dialogue.step == "cost":
            return self._finish(dialogue, None, today)
        return Reply.note(t("expired", dialogue.lang))

    def typed(self, text: str, who: Who, today: dt.date) -> Reply | None:
        """A typed text: the positions or the cost the dialogue waits for; None if it waits not."""
        dialogue = self.current(who)
        if dialogue is None:
            return None
        if dialogue.step == "positions":
            return self._positions(dialogue, text, today, edit=False)
        if dialogue.step == "cost":
            return self._cost(dialogue, text, today)
        return None  # a scheme or a year is chosen with the buttons; text is a question

    def cancel(self, who: Who) -> Reply | None:
        """/avbryt: end the conversation's dialogue (None: it has none)."""
        dialogue = self.current(who)
        return self._cancel(dialogue, edit=False) if dialogue is not None else None

    def _cancel(self, dialogue: Dialogue, *, edit: bool) -> Reply:
        """End a dialogue at whatever step it is; replace the pressed message, or say so anew."""
        with self.db.transaction(durable=False) as conn:
            conn.execute(
                "delete from calculator_dialogues where key = ? and nonce = ?",
                (dialogue.key, dialogue.nonce),
            )
        return Reply((Message.plain(t("calc.cancelled", dialogue.lang)),), replace=edit)

    def _scheme(self, dialogue: Dialogue, scheme: str) -> Reply:
        """A scheme was chosen: ask for the grant year, or straight for positions."""
        offer = offers(self.kb).get(scheme)
        if offer is None:
            return Reply.note(t("expired", dialogue.lang))
        step: Step = "year" if offer.years else "positions"
        moved = self._advance(dialogue, replace(dialogue, step=step, scheme=scheme))
        if moved is None:
            return Reply.note(t("expired", dialogue.lang))
        if not offer.years:
            return self._ask_positions(moved, edit=True)
        lang = moved.lang
        row = tuple(
            Button(t("calc.year_button", lang, year=y), text=payload(moved.nonce, YEAR, str(y)))
            for y in offer.years
        )
        return self._prompt(moved, t("calc.which_year", lang), [row], edit=True)

    def _year(self, dialogue: Dialogue, value: str) -> Reply:
        """A grant year was chosen: ask for positions."""
        offer = offers(self.kb).get(dialogue.scheme or "")
        year = int(value) if value.isascii() and value.isdecimal() and len(value) <= 2 else None
        if offer is None or year not in offer.years:
            return Reply.note(t("expired", dialogue.lang))
        moved = self._advance(dialogue, replace(dialogue, step="positions", year=year))
        if moved is None:
            return Reply.note(t("expired", dialogue.lang))
        return self._ask_positions(moved, edit=True)

    def _ask_positions(self, dialogue: Dialogue, *, edit: bool) -> Reply:
        """Offer common numbers of positions."""
        row = tuple(Button(p, text=payload(dialogue.nonce, POSITIONS, p)) for p in POSITION_CHOICES)
        return self._prompt(dialogue, t("calc.ask_positions", dialogue.lang), [row], edit)

    def _positions(self, dialogue: Dialogue, text: str, today: dt.date, *, edit: bool) -> Reply:
        """Positions pressed or typed: ask for the cost, or calculate; refuse what is unreadable."""
        lang = dialogue.lang
        try:
            read_positions(text)  # the core's one quantity reader; refused with the reason
        except Refused as refused:
            self._touch(dialogue)
            bad = t("calc.bad_positions", lang, reason=refused.message(lang))
            return self._prompt(dialogue, bad, [], edit=False)
        offer = offers(self.kb).get(dialogue.scheme or "")
        if offer is not None and offer.cost:
            moved = self._advance(dialogue, replace(dialogue, step="cost", positions=text.strip()))
            if moved is None:
                return Reply.note(t("expired", lang))
            return self._prompt(moved, t("calc.ask_cost", lang), [self._skip(moved)], edit)
        return self._finish(replace(dialogue, positions=text.strip()), None, today)

    def _cost(self, dialogue: Dialogue, text: str, today: dt.date) -> Reply:
        """The yearly cost typed: calculate; refuse what is not an amount of kroner."""
        try:
            cost = read_kroner(text)
        except Refused as refused:
            self._touch(dialogue)
            bad = t("calc.bad_cost", dialogue.lang, reason=refused.message(dialogue.lang))
            return self._prompt(dialogue, bad, [self._skip(dialogue)], edit=False)
        return self._finish(dialogue, cost, today)

    def _finish(self, dialogue: Dialogue, cost: int | None, today: dt.date) -> Reply:
        """End the dialogue and reply with the result and its working."""
        if not self._end(dialogue) or dialogue.scheme is None or dialogue.positions is None:
            return Reply.note(t("expired", dialogue.lang))
        answer = self.commands.calculation(
            dialogue.scheme, dialogue.year, dialogue.positions, cost, today, dialogue.lang
        )
        return Reply.of(answer)

    # --- the messages --------------------------------------------------------------------------

    def _skip(self, dialogue: Dialogue) -> tuple[Button, ...]:
        """The row with Hopp over (the cost step)."""
        return (Button(t("calc.skip", dialogue.lang), text=payload(dialogue.nonce, SKIP, "-")),)

    def heading(self, dialogue: Dialogue) -> str:
        """The choices so far as an HTML heading ('Beregning: Kommunalt rusarbeid, år 3')."""
        lang, parts = dialogue.lang, []
        if dialogue.scheme is not None:
            scheme = self.kb.schemes.get(dialogue.scheme)
            parts.append(scheme.names.short if scheme is not None else dialogue.scheme)
        if dialogue.year:
            parts.append(t("calc.year", lang, year=dialogue.year))
        if dialogue.positions is not None:
            parts.append(t("calc.positions", lang, positions=dialogue.positions))
        choices = html.escape(", ".join(parts) or t("calc.choose", lang))
        return f"<b>{t('calc.heading', lang, choices=choices)}</b>\n\n"

    def _prompt(
        self,
        dialogue: Dialogue,
        text: str,
        rows: Sequence[tuple[Button, ...]],
        edit: bool,
    ) -> Reply:
        """Ask the next question under the heading, with the rows and Avbryt below."""
        cancel = (Button(t("calc.cancel", dialogue.lang), text=payload(dialogue.nonce, QUIT)),)
        body = self.heading(dialogue) + html.escape(text)
        return Reply((Message.markup(body, *rows, cancel),), replace=edit)
