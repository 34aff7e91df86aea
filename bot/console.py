"""The interactive console chat: the same engine and commands as Telegram, on a terminal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TextIO

from bot.answer import Answer
from bot.commands import CommandService
from bot.engine import Engine

CHAT = "console"
PROMPT = "> "


def parse_command(text: str) -> tuple[str, str] | None:
    """Split '/faq klagerett' into ('faq', 'klagerett'); None for free text."""
    if not text.startswith("/"):
        return None
    name, _, args = text[1:].partition(" ")
    return name.split("@", 1)[0].lower(), args.strip()


def show(answer: Answer, out: TextIO) -> None:
    """Print an answer and its numbered options."""
    print(answer.text, file=out)
    for i, option in enumerate(answer.options, 1):
        print(f"  [{i}] {option.label}", file=out)
    print(file=out, flush=True)


def run_console(
    engine: Engine,
    commands: CommandService,
    today: Callable[[], dt.date],
    stdin: TextIO,
    out: TextIO,
) -> int:
    """Read lines until end of input or /slutt; answer each like the Telegram bot."""
    print(
        "Tilskuddsbot (konsoll). Skriv et spørsmål, /hjelp for hjelp, /slutt for å avslutte.",
        file=out,
        flush=True,
    )
    options: list[str] = []
    while True:
        if stdin.isatty():
            print(PROMPT, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        text = line.strip()
        if text in {"/slutt", "/quit", "/exit"}:
            return 0
        if text.isdigit() and 0 < int(text) <= len(options):
            text = options[int(text) - 1]
        command = parse_command(text)
        if command is not None:
            answer = commands.run(command[0], command[1], CHAT, today())
        else:
            answer = engine.ask(text, today(), chat=CHAT)
        options = [o.text for o in answer.options]
        show(answer, out)
