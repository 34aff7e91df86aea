"""The `tilskuddsbot` command line: the composition root of the application.

Everything is built here, inside the command that needs it; nothing happens at
import time. Exit codes: 0 success, 1 the work failed (invalid sources, a failed
send), 2 bad usage or configuration, or a data file (knowledge.db, state.db) or
folder the bot cannot use: one line naming it and what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from bot.answer import Answer
from bot.bootstrap import UsageError, build_core, open_knowledge, resolve_today
from bot.config import Settings, SettingsError, load_settings
from bot.engine import Engine
from bot.failures import described
from bot.statedb import StateError
from bot.texts import t
from bot.vocab import Lang
from knowledge.kb import KnowledgeBase
from knowledge.loader import KnowledgeError, default_sources, load_sources
from knowledge.store import StoreError, load_database

Command = Callable[[argparse.Namespace, Settings, TextIO], int]
log = logging.getLogger(__name__)


def _date(value: str) -> dt.date:
    """Parse YYYY-MM-DD for argparse."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


# --- kb ---------------------------------------------------------------------------------------


def _cmd_kb_check(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Validate the sources without building."""
    kb = load_sources(args.sources)
    print(
        f"OK: {len(kb.schemes)} ordninger, {len(kb.deadlines())} frister, "
        f"{len(kb.tables)} tabeller, {len(kb.faq)} spørsmål og svar, "
        f"{len(kb.municipalities)} kommuner (versjon {kb.version})",
        file=out,
    )
    return 0


def _cmd_kb_build(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Validate the sources and build the database atomically."""
    from knowledge.build import build_database

    kb = load_sources(args.sources)
    target = args.db or settings.knowledge_db
    build_database(kb, target)
    print(
        f"Bygget {target}: {len(kb.schemes)} ordninger, {len(kb.deadlines())} frister, "
        f"{len(kb.tables)} tabeller (versjon {kb.version})",
        file=out,
    )
    return 0


def _cmd_kb_show(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print a readable card of one scheme."""
    from bot.cards import scheme_card
    from bot.names import find_scheme

    kb = load_database(args.db) if args.db else open_knowledge(settings)
    scheme = find_scheme(kb, args.scheme)
    if scheme is None:
        known = ", ".join(sorted(kb.schemes))
        raise UsageError(f"ukjent ordning {args.scheme!r}; kjente: {known}")
    print(scheme_card(kb, scheme.id), file=out)
    return 0


def _knowledge_at(path: Path) -> KnowledgeBase:
    """Load a knowledge base from a built database file or from a folder of YAML sources."""
    if path.is_dir():
        return load_sources(path)
    if path.is_file():
        return load_database(path)
    raise UsageError(f"finnes ikke: {path} (oppgi en .db-fil eller en mappe med YAML-kilder)")


def _cmd_kb_diff(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print what changed between two knowledge bases, in a caseworker's words."""
    from bot.kbdiff import diff_knowledge

    diff = diff_knowledge(_knowledge_at(args.old), _knowledge_at(args.new))
    print(diff.render(), file=out)
    return 0


def _cmd_kb_reload(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Validate the sources and rebuild the database so a running bot picks it up."""
    from bot.kbadmin import reload_knowledge

    result = reload_knowledge(args.sources, args.db or settings.knowledge_db)
    if not result.rebuilt:
        print(
            f"Ingen endringer: {result.db_path} er allerede versjon {result.kb.version}.", file=out
        )
        return 0
    kb = result.kb
    if result.previous_version is None:
        print(
            f"Bygget {result.db_path} (versjon {kb.version}, ny database): "
            f"{len(kb.schemes)} ordninger, {len(kb.deadlines())} frister.",
            file=out,
        )
        return 0
    print(
        f"Bygget {result.db_path} (versjon {result.previous_version} → {kb.version}). Endringer:",
        file=out,
    )
    print(result.diff.render(), file=out)
    return 0


# --- answering ----------------------------------------------------------------------------------


def _engine(settings: Settings) -> Engine:
    """Build the answering engine over the built knowledge base."""
    return Engine(open_knowledge(settings))


def _error_line(number: int, error: str, lang: Lang = "nb") -> dict[str, object]:
    """The JSON line for an input line that got no answer: a polite text and what went wrong."""
    answer = Answer("error", False, 0.0, lang, [t("sorry", lang)]).to_json()
    return {**answer, "error": f"line {number}: {error}"}


def _answer_line(engine: Engine, number: int, line: str, default_today: dt.date) -> object:
    """Answer one --jsonl input line: plain text or {"text", "chat", "today"}."""
    text, chat, today = line.rstrip("\n"), f"line-{number}", default_today
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            obj = json.loads(stripped)
            text = str(obj.get("text", ""))
            chat = f"chat-{obj['chat']}" if obj.get("chat") is not None else chat
            if obj.get("today"):
                today = dt.date.fromisoformat(str(obj["today"]))
        except (ValueError, TypeError, AttributeError) as exc:
            return _error_line(number, str(exc))
    try:
        return engine.ask(text, today, chat=chat).to_json()
    except Exception as exc:  # one line's failure never stops the batch
        log.error("ask --jsonl: line %d failed: %s", number, described(exc))
        return _error_line(number, "internal error")


def _cmd_ask(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Answer one question, or one per input line with --jsonl (every line gets a line)."""
    engine = _engine(settings)
    default_today = resolve_today(args.today, settings)
    if args.jsonl:
        for number, line in enumerate(sys.stdin, 1):
            answered = _answer_line(engine, number, line, default_today)
            print(dump_json(answered), file=out, flush=True)
        return 0
    if args.question is None:
        raise UsageError("ask needs a QUESTION, or --jsonl to read questions from standard input")
    answer = engine.ask(args.question, default_today)
    print(dump_json(answer.to_json()) if args.json else answer.text, file=out)
    return 0


def _cmd_chat(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Chat in the console through the same pipeline as Telegram."""
    from bot.console import run_console

    def today() -> dt.date:
        return resolve_today(args.today, settings)

    with build_core(settings) as core:
        return run_console(core.pipeline, today, sys.stdin, out)


def _cmd_eval(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Evaluate the engine on the labelled corpus."""
    from bot.evaluate import evaluate, load_corpus

    report = evaluate(
        Engine(load_sources(args.sources)), load_corpus(args.corpus), blind=args.blind
    )
    print(report.render(), file=out)
    return 0


def _cmd_run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Start the Telegram bot (long polling, or a webhook when configured)."""
    settings.require_token()
    from handlers.app import run_bot  # the composition root is the only importer of handlers

    with build_core(settings) as core:
        return run_bot(core)


# --- reminders and calendar ---------------------------------------------------------------------


def _cmd_remind(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Run one reminder pass and print what was sent, skipped and failed."""
    import asyncio

    from bot.reminders import PassReport, SenderUnavailable, run_pass
    from bot.state import StateStore
    from bot.statedb import open_state
    from handlers.sender import TOKEN_REJECTED, open_sender  # the root may import handlers

    settings.require_token()
    kb = open_knowledge(settings)
    today = resolve_today(args.today, settings)

    async def one_pass(store: StateStore) -> PassReport:
        async with open_sender(settings) as sender:
            return await run_pass(store, kb, today, sender)

    with open_state(settings.state_db) as db:
        try:
            report = asyncio.run(one_pass(StateStore(db)))
        except SenderUnavailable as exc:
            print(f"tilskuddsbot: {exc}", file=sys.stderr)
            return 1
    for event in report.events:
        print(f"{event.outcome} chat {event.chat_id} {event.key} {event.detail}".rstrip(), file=out)
    print(report.summary(), file=out)
    if report.token_rejected:  # the rest waits in the outbox for the next pass
        raise SettingsError(TOKEN_REJECTED)
    return 0 if report.ok else 1


def _cmd_ics(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Write the dated deadlines of the chosen schemes (default all) as an .ics calendar."""
    from bot.ics import build_calendar
    from bot.names import find_scheme

    kb = open_knowledge(settings)
    ids: list[str] | None = None
    if args.scheme:
        found = [(name, find_scheme(kb, name)) for name in args.scheme]
        if missing := [name for name, scheme in found if scheme is None]:
            raise UsageError(f"ukjent ordning: {', '.join(missing)}")
        ids = [scheme.id for _, scheme in found if scheme is not None]
    data = build_calendar(kb, ids, resolve_today(args.today, settings), args.lang)
    if args.out is None:
        out.write(data.decode("utf-8"))
    else:
        args.out.write_bytes(data)
        print(f"Skrev {data.count(b'BEGIN:VEVENT')} frister til {args.out}", file=out)
    return 0


# --- statistics ---------------------------------------------------------------------------------


def _cmd_stats(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    """Print what the bot achieves per week and in total (and write the chart, if asked)."""
    from bot.review import ReviewQueue
    from bot.statedb import open_state
    from bot.stats import Events, chart_png, render, summarize

    start, end = args.start, args.end
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    with open_state(settings.state_db) as db:
        today = end or resolve_today(None, settings)
        clusters = [(g.representative, g.count) for g in ReviewQueue(db).grouped(today)]
        stats = summarize(Events(db).between(start, end), clusters)
    names: dict[str, str] = {}
    if settings.knowledge_db.exists():  # the schemes' names, when the knowledge is built
        kb = load_database(settings.knowledge_db)
        names = {sid: scheme.names.short for sid, scheme in kb.schemes.items()}
    print(render(stats, args.lang, names), file=out)
    if args.chart is not None:
        args.chart.write_bytes(chart_png(stats, args.lang))
        print(f"Skrev diagrammet til {args.chart}", file=out)
    return 0


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every subcommand."""
    parser = argparse.ArgumentParser(prog="tilskuddsbot", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    kb = sub.add_parser("kb", help="knowledge base: check, build, show, reload, diff")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    for name, func, helptext in (
        ("check", _cmd_kb_check, "validate the YAML sources only"),
        ("build", _cmd_kb_build, "validate and build the SQLite database"),
    ):
        p = kb_sub.add_parser(name, help=helptext)
        p.add_argument(
            "sources",
            nargs="?",
            type=Path,
            default=None,
            help=f"folder of YAML sources (default: {default_sources()})",
        )
        if name == "build":
            p.add_argument("--db", type=Path, default=None, help="target database file")
        p.set_defaults(func=func)
    reload_ = kb_sub.add_parser(
        "reload", help="validate and rebuild the database; a running bot swaps it in"
    )
    reload_.add_argument(
        "sources", nargs="?", type=Path, default=None, help="folder of YAML sources"
    )
    reload_.add_argument("--db", type=Path, default=None, help="target database file")
    reload_.set_defaults(func=_cmd_kb_reload)
    diff = kb_sub.add_parser("diff", help="list what changed between two databases or folders")
    diff.add_argument("old", type=Path, help="old knowledge.db or folder of YAML sources")
    diff.add_argument("new", type=Path, help="new knowledge.db or folder of YAML sources")
    diff.set_defaults(func=_cmd_kb_diff)
    show = kb_sub.add_parser("show", help="print a readable card of one scheme")
    show.add_argument("scheme", help="scheme id, name or alias")
    show.add_argument("--db", type=Path, default=None)
    show.set_defaults(func=_cmd_kb_show)

    ask = sub.add_parser("ask", help="answer a question (or --jsonl lines from stdin)")
    ask.add_argument("question", nargs="?", default=None)
    ask.add_argument("--today", type=_date, default=None, help="as-of date YYYY-MM-DD")
    ask.add_argument("--json", action="store_true", help="print one JSON object")
    ask.add_argument("--jsonl", action="store_true", help="read lines from stdin, write JSON lines")
    ask.set_defaults(func=_cmd_ask)

    chat = sub.add_parser("chat", help="interactive console chat")
    chat.add_argument("--today", type=_date, default=None)
    chat.set_defaults(func=_cmd_chat)

    run = sub.add_parser("run", help="start the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    run.set_defaults(func=_cmd_run)

    ev = sub.add_parser("eval", help="evaluate on the labelled question corpus")
    ev.add_argument("--corpus", type=Path, default=Path("tests/data/questions.yaml"))
    ev.add_argument("--sources", type=Path, default=None, help="YAML sources to evaluate")
    ev.add_argument(
        "--blind",
        action="store_true",
        help="score only figures, traps and answered/declined (a batch written without labels)",
    )
    ev.set_defaults(func=_cmd_eval)

    remind = sub.add_parser("remind", help="run one reminder pass (for cron) and exit")
    remind.add_argument("--today", type=_date, default=None, help="pass day YYYY-MM-DD")
    remind.set_defaults(func=_cmd_remind)

    ics = sub.add_parser("ics", help="write the deadlines as an iCalendar (.ics) file")
    ics.add_argument("--scheme", action="append", default=[], help="scheme id or name (repeat)")
    ics.add_argument("--out", type=Path, default=None, help="file to write (default: stdout)")
    ics.add_argument("--lang", choices=("nb", "en"), default="nb")
    ics.add_argument("--today", type=_date, default=None, help="as-of date YYYY-MM-DD")
    ics.set_defaults(func=_cmd_ics)

    stats = sub.add_parser("stats", help="what the bot achieves, per week and in total")
    stats.add_argument("--from", dest="start", type=_date, default=None, help="first day")
    stats.add_argument("--to", dest="end", type=_date, default=None, help="last day")
    stats.add_argument("--chart", type=Path, default=None, help="also write the chart (PNG)")
    stats.add_argument("--lang", choices=("nb", "en"), default="nb")
    stats.set_defaults(func=_cmd_stats)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    from handlers.logsafe import RedactingStream  # the composition root may import handlers

    stream: TextIO = RedactingStream(out or sys.stdout)  # type: ignore[assignment]
    with contextlib.redirect_stderr(RedactingStream(sys.stderr)):
        return _run(args, stream)


def _guard_secrets(settings: Settings) -> None:
    """Redact the token and the webhook secret from every log record and printed line."""
    from handlers.logsafe import install_redaction

    secrets = (settings.telegram_bot_token, settings.webhook_secret)
    install_redaction(*(s.get_secret_value() for s in secrets if s is not None))


def _run(args: argparse.Namespace, stream: TextIO) -> int:
    """Run the chosen command with its settings; turn every known failure into one line."""
    try:
        settings = load_settings()
        _guard_secrets(settings)
        func: Command = args.func
        return func(args, settings, stream)
    except SettingsError as exc:
        print(f"tilskuddsbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except UsageError as exc:
        print(f"tilskuddsbot: {exc}", file=sys.stderr)
        return 2
    except KnowledgeError as exc:
        print(
            f"tilskuddsbot: the knowledge sources are invalid ({len(exc.problems)} problems):",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except (StoreError, StateError) as exc:  # a data file the bot cannot use: one line
        print(f"tilskuddsbot: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file or folder the bot may not read or write
        print(f"tilskuddsbot: {os_problem(exc)}", file=sys.stderr)
        return 2


def os_problem(exc: OSError) -> str:
    """Say in one line which file could not be used, why, and what to do."""
    where = f"{exc.filename}: " if exc.filename else ""
    return (
        f"{where}{exc.strerror or exc}: check that the bot's user may read and write it "
        "and its folder"
    )


def dump_json(obj: object) -> str:
    """Serialise an answer object as one JSON line."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    raise SystemExit(main())
