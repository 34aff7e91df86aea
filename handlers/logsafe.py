"""Keep the bot token (and the webhook secret) out of every log line.

The Bot API URL contains the token, and python-telegram-bot puts the token
into the message of ``InvalidToken``. The transport (aiohttp) never logs a URL
and its errors never quote one; on top of that every log record is redacted
when it is created, whichever logger made it: its message, and its traceback,
which is formatted and redacted up front. The scheduler's chatty INFO lines
are raised to WARNING.
"""

from __future__ import annotations

import logging
from typing import Any

REDACTED = "[REDACTED]"
QUIET_LOGGERS = ("apscheduler",)

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


def install_redaction(*secrets: str) -> None:
    """Redact these secrets from every log record from now on; quiet the URL loggers."""
    global _installed
    _secrets.update(s for s in secrets if len(s) >= 8)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        if _secrets:
            _redact_record(record)
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
