"""What an unexpected failure may say about itself in a log: code, never data.

A message, a question or a token may be in an exception's text, so the logs name only the
exception's type and the place it was raised (:func:`where`).
"""

from __future__ import annotations

import traceback
from pathlib import Path


def where(error: BaseException | None) -> str:
    """Return where an exception was raised ('engine.py:151 in ask'): code, never data."""
    frames = traceback.extract_tb(error.__traceback__) if error is not None else []
    if not frames:
        return "?"
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def described(error: BaseException) -> str:
    """Return an exception's type and place ('ZeroDivisionError at fractions.py:157 in …')."""
    return f"{type(error).__name__} at {where(error)}"
