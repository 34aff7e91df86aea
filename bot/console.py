"""The interactive console chat: the same message pipeline as Telegram, on a terminal.

Every line goes through ``bot.pipeline.Pipeline.handle`` exactly as a Telegram message does
(commands, questions, the review queue); the options of a reply are numbered, and typing a
number presses that option, as a button press in Telegram does.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TextIO

from bot.failures import described
from bot.pipeline import Pipeline
from bot.reply import Reply, Who
from bot.texts import t

WHO = Who("console")
PROMPT = "> "
log = logging.getLogger(__name__)
QUIT = frozenset({"/slutt", "/quit", "/exit"})


def show(reply: Reply, out: TextIO) -> list[str]:
    """Print a reply's messages and number its options; return the options' texts."""
    options: list[str] = []
    for message in reply.messages:
        print(message.text, file=out)
        for button in message.buttons:
            if button.text is not None:
                options.append(button.text)
                print(f"  [{len(options)}] {button.label}", file=out)
    if reply.notice:
        print(reply.notice, file=out)
    print(file=out, flush=True)
    return options


def run_console(
    pipeline: Pipeline, today: Callable[[], dt.date], stdin: TextIO, out: TextIO
) -> int:
    """Read lines until end of input or /slutt; answer each like the Telegram bot."""
    print(t("console.banner"), file=out, flush=True)
    options: list[str] = []
    while True:
        if stdin.isatty():
            print(PROMPT, end="", file=out, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        text = line.strip()
        if text in QUIT:
            return 0
        try:
            if text.isdecimal() and len(text) <= 3 and 0 < int(text) <= len(options):
                reply = pipeline.handle(options[int(text) - 1], WHO, today(), pressed=True)
            else:
                reply = pipeline.handle(text, WHO, today())
        except Exception as exc:  # as in Telegram: apologise, log code not data, go on
            log.error("Console line failed: %s", described(exc))
            reply = Reply.plain(t("sorry"))
        options = show(reply, out)
