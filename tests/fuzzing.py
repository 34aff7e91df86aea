"""Property-based fuzzing of the one message pipeline (``bot.pipeline``): never an exception.

Any text, any command with any arguments, any button data, any /beregn input and any review
or draft button, from anyone (a private chat, a group, an admin, the console), on any day,
must get an answer or a polite refusal. Shared by ``tests/test_pipeline_fuzz.py`` (a bounded
amount in ``make test``) and ``bench/bench_fuzz.py`` (a large amount in ``make bench``).

An input is a short sequence of :data:`Action` values run on one core whose state carries
over from input to input (buttons stored, drafts made, questions queued for review), so a
later press can hit what an earlier input created. The knowledge sources are a copy of the
bundled ones: an admin's confirmed change is written there, never to ``knowledge/data``.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from bot.admin import ReviewKind
from bot.bootstrap import Core, build_core
from bot.buttons import decode
from bot.calculator import PREFIX, SCHEME, SKIP, YEAR, payload
from bot.commands import COMMANDS
from bot.config import Settings
from bot.engine import Engine
from bot.pipeline import FEEDBACK
from bot.reply import Reply, Who
from knowledge.build import build_database
from knowledge.loader import default_sources, load_sources

ADMIN_ID = 4242
WHOS = (
    Who("tg:5001", 5001, 5001),  # a private chat
    Who("tg:-1005:5002", -1005, 5002),  # someone in a group
    Who(f"tg:{ADMIN_ID}", ADMIN_ID, ADMIN_ID),  # an admin in a private chat
    Who("console"),  # the console: no Telegram ids, options are not stored
)
NAMES = tuple(name for c in COMMANDS for name in (c.name, *c.aliases))
SCHEMES = ("kommunalt-rusarbeid", "nav-sosiale-tjenester", "ukjent", "")

#: Pieces people and attackers type where a number belongs.
NUMBER_PIECES = (
    "1/0",
    "0/0",
    "3/0",
    "-2",
    "−2",
    "1e3",
    "1e308",
    "1e-308",
    "1/100000000",
    "0",
    "0,0001",
    "1" + "0" * 23,
    "9" * 40,
    "NaN",
    "inf",
    "50 %",
    "-50 %",
    "1,5,5",
    "2-3",
    "½",
    "٣",
    "²",
    "0x10",
    "1_000",
)
WORDS = (
    "hva",
    "får",
    "vi",
    "i",
    "år",
    "for",
    "årsverk",
    "stilling",
    "FTE",
    "kr",
    "mill",
    "egenandel",
    "koster",
    "frist",
    "søknadsfrist",
    "rusarbeid",
    "NAV",
    "Grimstad",
    "Agder",
    "opptrappingsplan",
    "totalt",
    "og",
    "how much",
    "year",
    "deadline",
    "2022",
    "1.3.2022",
    "2022-13-45",
    "31. februar 2022",
    "00.00.0000",
    "fylke 99",
    "kommune 9999",
    "siste år",
    "tredje år",
    "@bot",
    "<b>",
    "&amp;",
    "\x00",
    "\u202e",
    "\n",
)


def _joined(parts: list[str]) -> str:
    """Join pieces with single spaces."""
    return " ".join(parts)


#: Free text: anything, or questions built from the bot's own words and odd numbers.
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS + NUMBER_PIECES), max_size=12).map(_joined),
    st.lists(
        st.one_of(
            st.sampled_from(WORDS + NUMBER_PIECES),
            st.integers().map(str),
            st.fractions().map(str),
            st.floats().map(str),
            st.decimals().map(str),
        ),
        max_size=8,
    ).map(_joined),
)
#: Arguments the commands take (schemes, years, deadline kinds, dates, reminder offsets).
ARGUMENTS = (
    "kommunalt-rusarbeid",
    "rusarbeid",
    "nav-sosiale-tjenester",
    "NAV",
    "alle",
    "2022",
    "2023",
    "2099",
    "1899",
    "søknad",
    "søknadsfrist",
    "rapport",
    "regnskap",
    "1.3.2023",
    "2023-03-01",
    "31.02.2023",
    "29.02.2023",
    "tentativ",
    "30",
    "14",
    "7",
    "1",
    "-1",
    "400",
    "klagerett",
    "år",
    "årsverk",
)
#: A command: a known name (or any word) with any arguments, or with its own kind of them.
commands = st.one_of(
    st.builds(
        lambda slash, name, mention, args: f"{slash}{name}{mention} {args}",
        st.sampled_from(("/", "/", "/", " /")),
        st.one_of(
            st.sampled_from(NAMES), st.text(alphabet="abcdefghijklmnopqrstuvwxyz_0123456789")
        ),
        st.sampled_from(("", "", "@tilskuddsbot", "@")),
        texts,
    ),
    st.builds(
        lambda name, args: f"/{name} {_joined(args)}",
        st.sampled_from(NAMES),
        st.lists(st.sampled_from(ARGUMENTS + NUMBER_PIECES), max_size=6),
    ),
    st.builds(  # a deadline edit close to a valid one, so its Lagre button gets pressed too
        lambda parts: f"/ny_frist {_joined(parts)}",
        st.tuples(
            st.sampled_from(("kommunalt-rusarbeid", "nav-sosiale-tjenester", "rusarbeid", "x")),
            st.sampled_from(("2023", "2024", "2031", "1999", "0", "99999")),
            st.sampled_from(("søknad", "rapport", "regnskap", "frist")),
            st.sampled_from(("1.3.2023", "2024-02-01", "31.02.2023", "1.1.1", "i morgen")),
            st.sampled_from(("", "tentativ")),
        ),
    ),
)
#: What a button can send back: forged or stored data, any option text.
button_data = st.one_of(
    st.text(max_size=64),
    st.integers(min_value=-5, max_value=5000).map(str),
    st.builds(lambda s: f"o:{s}", st.text(max_size=62)),
    st.builds(lambda n, v: f"d:{n}:{v}", st.integers(min_value=0), st.sampled_from(("ok", "no"))),
    st.builds(lambda k, n: f"rv:{k}:{n}", st.sampled_from("fad"), st.integers(min_value=0)),
    st.builds(
        lambda n, v: f"k:{n}:{v}",
        st.integers(min_value=0),
        st.sampled_from(("send", "drop", "answer", "faq", "close:done", "send:agder", "x")),
    ),
)
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
ids = st.integers(min_value=-(2**63), max_value=2**63)
small_ids = st.integers(min_value=-2, max_value=40)


@dataclass(frozen=True)
class Action:
    """One call of a pipeline entry point, with its arguments."""

    entry: str
    who: Who
    today: dt.date
    args: tuple[Any, ...]

    def __str__(self) -> str:
        """Show the call as it would be written."""
        return f"{self.entry}{self.args!r} by {self.who.chat} on {self.today}"


def _action(entry: str, *args: st.SearchStrategy[Any]) -> st.SearchStrategy[Action]:
    """Build actions of one entry point from strategies of its arguments."""
    return st.builds(
        lambda who, today, values: Action(entry, who, today, values),
        st.sampled_from(WHOS),
        days,
        st.tuples(*args),
    )


actions = st.one_of(
    _action("say", texts, st.booleans()),
    _action("say", commands, st.booleans()),
    _action("say", st.builds(lambda t: FEEDBACK + t, texts), st.just(True)),
    _action("say", st.builds(lambda t: PREFIX + t, texts), st.booleans()),  # forged /beregn
    _action("press", button_data),
    _action("route", button_data),
    _action("press_last", st.integers(min_value=0, max_value=20)),
    _action(
        "calculation",
        st.sampled_from(SCHEMES),
        st.one_of(st.none(), st.integers(min_value=-3, max_value=8)),
        st.one_of(st.sampled_from(NUMBER_PIECES), texts),
        st.one_of(st.none(), st.integers(min_value=-(10**30), max_value=10**30)),
    ),
    _action("decide", st.one_of(small_ids, ids), st.sampled_from(("ok", "no", "", "OK", "x"))),
    _action("dismiss", st.one_of(small_ids, ids)),
    _action("review", st.sampled_from(("f", "a")), st.one_of(small_ids, ids), texts),
    _action(
        "review_queued",
        st.sampled_from(("f", "a")),
        st.integers(min_value=0, max_value=20),
        st.one_of(texts, st.sampled_from(("1", "faq-1", "Svar: ja.", "/avbryt", ""))),
    ),
    _action("inline", texts, st.integers(min_value=0, max_value=60)),
)
#: One fuzzed input: a few actions in a row (so a press can follow what made its button).
inputs = st.lists(actions, min_size=1, max_size=4)


class Harness:
    """A core on a data folder of its own, and the entry points the actions call."""

    def __init__(self, core: Core) -> None:
        """Keep the core; no options pressed yet."""
        self.core = core
        self.last: dict[str, list[str]] = {}  # per chat: the data of the last reply's buttons
        self.tried = 0

    def run(self, action: Action) -> object:
        """Run one action; return what the pipeline answered."""
        self.tried += 1
        p, who, today, a = self.core.pipeline, action.who, action.today, action.args
        result: object
        if action.entry == "say":
            result = p.handle(a[0], who, today, pressed=a[1])
        elif action.entry == "press":
            result = p.press(a[0], who, today)
        elif action.entry == "press_last":
            data = self.last.get(who.chat, [])
            if not data:
                return Reply()
            return self.run(Action("route", who, today, (data[a[0] % len(data)],)))
        elif action.entry == "route":  # button data as the Telegram handlers route it
            result = self.route(a[0], who, today)
        elif action.entry == "calculation":
            result = self.calculate(who, today, *a)
        elif action.entry == "decide":
            result = p.decide(a[0], a[1], who, today)
        elif action.entry == "dismiss":
            result = p.dismiss(a[0], who, today)
        elif action.entry == "review":
            reply, waiting = p.start_review(a[0], a[1], who, today)
            check(reply)
            result = p.resolve_review(a[0], a[1], a[2], who, today)[0] if waiting else reply
        elif action.entry == "review_queued":  # a queued question's real group, any answer
            groups = self.core.review.grouped(today)
            if not groups:
                return Reply()
            group = groups[a[1] % len(groups)].id
            reply, waiting = p.start_review(a[0], group, who, today)
            check(reply)
            result = p.resolve_review(a[0], group, a[2], who, today)[0] if waiting else reply
        elif action.entry == "inline":
            result = p.inline(a[0], today, a[1])
        else:  # pragma: no cover - the strategies name only the entries above
            raise AssertionError(action.entry)
        check(result)
        if isinstance(result, Reply):
            data = [b.data for m in result.messages for b in m.buttons if b.data]
            if data:
                self.last[who.chat] = data
        return result

    def calculate(
        self,
        who: Who,
        today: dt.date,
        scheme: str,
        year: int | None,
        positions: str,
        cost: int | None,
    ) -> object:
        """Run the /beregn dialogue with any choices, the forged ones included."""
        p = self.core.pipeline
        check(p.handle("/beregn", who, today))
        dialogue = p.calculator.current(who)
        assert dialogue is not None
        chosen = [payload(dialogue.nonce, SCHEME, scheme)]
        chosen += [payload(dialogue.nonce, YEAR, str(year))] if year is not None else []
        for text in chosen:
            check(p.handle(text, who, today, pressed=True))
        check(p.handle(positions, who, today))
        if cost is None:
            return p.handle(payload(dialogue.nonce, SKIP, "-"), who, today, pressed=True)
        return p.handle(str(cost), who, today)

    def route(self, data: str, who: Who, today: dt.date) -> object:
        """Send button data where the Telegram handlers send it (their callback patterns)."""
        p = self.core.pipeline
        payload = decode(data)
        if payload is not None and payload.feature == "draft":
            return p.decide(payload.number(0), payload.fields[1], who, today)
        if payload is not None and payload.feature == "desk":
            return p.desk_press(data, who, dt.datetime.combine(today, dt.time(10)))
        if payload is not None and payload.feature == "review" and payload.fields[0] == "d":
            return p.dismiss(payload.number(1), who, today)
        if payload is not None and payload.feature == "review":
            kind: ReviewKind = "f" if payload.fields[0] == "f" else "a"
            group = payload.number(1)
            reply, waiting = p.start_review(kind, group, who, today)
            check(reply)
            answer = "Svar: se retningslinjene." if kind == "f" else "1"
            return p.resolve_review(kind, group, answer, who, today)[0] if waiting else reply
        return p.press(data, who, today)


def check(result: object) -> None:
    """Assert that a result is an answer or a polite refusal, never empty-handed."""
    if isinstance(result, Reply):
        assert result.messages or result.notice is not None or result.forget, "an empty reply"
        for message in result.messages:
            assert message.text.strip() or message.document is not None, "an empty message"
            assert "Traceback" not in message.text
    elif isinstance(result, list):  # inline: (title, answer) pairs
        for title, answer in result:
            assert isinstance(title, str) and answer.text.strip()
    else:
        raise AssertionError(f"not a reply: {result!r}")


@contextmanager
def fuzz_core(folder: Path, engine: Engine | None = None) -> Iterator[Harness]:
    """Build a core over a copy of the bundled sources and a fresh state in a folder."""
    sources = folder / "sources"
    if not sources.exists():
        shutil.copytree(default_sources(), sources)
    data = folder / "data"
    data.mkdir(exist_ok=True)
    if not (data / "knowledge.db").exists():
        build_database(load_sources(sources), data / "knowledge.db")
    settings = Settings(
        TILSKUDDSBOT_DATA_DIR=str(data),
        TILSKUDDSBOT_ADMIN_IDS=str(ADMIN_ID),
        TILSKUDDSBOT_SOURCES_DIR=str(sources),
        TILSKUDDSBOT_TODAY="2022-01-28",
    )
    with build_core(settings, engine) as core:
        yield Harness(core)
