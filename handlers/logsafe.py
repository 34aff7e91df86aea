"""Keep the bot token (and the webhook secret) out of every log line and every printed line.

The Bot API URL contains the token, and python-telegram-bot puts the token
into the message of ``InvalidToken``. The transport (aiohttp) never logs a URL
and its errors never quote one; on top of that every log record is redacted
when it is created, whichever logger made it: its message, and its traceback,
which is formatted and redacted up front. The command line also writes its own
output and errors through :class:`RedactingStream`. The scheduler's chatty INFO
lines are raised to WARNING, and PTB's start-up retry loop does not log the
traceback of a start-up failure the caller reports in one line itself.
"""

from __future__ import annotations

import logging
from typing import Any, TextIO

REDACTED = "[REDACTED]"
QUIET_LOGGERS = ("apscheduler",)
#: PTB's logger of its network retry loop (``telegram.ext._utils.networkloop``).
PTB_LOOP_LOGGER = "telegram.ext"

_secrets: set[str] = set()
_installed = False


def redact(text: str) -> str:
    """Replace every registered secret in a text."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def _redact_record(record: logging.LogRecord) -> None:
    """Redact a record's message and traceback in place."""
    try:
        message = record.getMessage()
    except Exception:  # a malformed call: leave it for logging to report
        return
    if any(secret in message for secret in _secrets):
        record.msg, record.args = redact(message), None
    if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))


class _DropStartupAborts(logging.Filter):
    """Drop the start-up retry loop's traceback of the failure that ends it.

    The start fails with that error, and the command line says it in one line. The loops of
    a running bot (polling) keep every record.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep every record but an aborting start-up ("Bootstrap ...") loop's."""
        from telegram.error import TelegramError

        failed = record.exc_info is not None and isinstance(record.exc_info[1], TelegramError)
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: leave it for logging to report
            return True
        return not (failed and "Bootstrap" in message and "Abort" in message)


DROP_STARTUP_ABORTS = _DropStartupAborts()


class RedactingStream:
    """A text stream that redacts the registered secrets from everything written to it."""

    def __init__(self, inner: TextIO) -> None:
        """Wrap a stream (stdout, stderr, a file)."""
        self.inner = inner

    def write(self, text: str) -> int:
        """Write the text with every secret replaced."""
        return self.inner.write(redact(text))

    def writelines(self, lines: Any) -> None:
        """Write each line, redacted."""
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        """Everything else (flush, isatty, encoding, ...) is the wrapped stream's."""
        return getattr(self.inner, name)


def install_redaction(*secrets: str) -> None:
    """Redact these secrets from every log record from now on; quiet the URL loggers."""
    global _installed
    _secrets.update(s for s in secrets if len(s) >= 8)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    if _installed:
        return
    logging.getLogger(PTB_LOOP_LOGGER).addFilter(DROP_STARTUP_ABORTS)
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _secrets:
            _redact_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
