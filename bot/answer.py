"""Answer objects: what the user sees, and how it renders as plain text, HTML and JSON."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from bot.vocab import Lang
from knowledge.kb import Provenance


@dataclass(frozen=True)
class Option:
    """A choice offered with a clarifying question: a label and the text it sends."""

    label: str
    text: str


@dataclass
class Answer:
    """One reply: paragraphs of text, the sources it rests on, and what was understood."""

    intent: str
    answered: bool
    confidence: float
    lang: Lang
    paragraphs: list[str]
    title: str | None = None
    scheme: str | None = None
    sources: list[Provenance] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    #: answered with the newest facts of an earlier year: the year asked lies after the sources
    after_sources: bool = False

    @property
    def text(self) -> str:
        """Render as plain text, with the sources last."""
        parts = ([self.title] if self.title else []) + self.paragraphs
        if self.sources:
            parts.append(self.source_line())
        return "\n\n".join(parts)

    def source_line(self) -> str:
        """Render the sources as one line."""
        label = "Source" if self.lang == "en" else "Kilde"
        if len(self.sources) > 1:
            label += "s" if self.lang == "en" else "r"
        return f"{label}: " + "; ".join(p.label(self.lang) for p in self.sources)

    def html(self) -> str:
        """Render as Telegram HTML, every piece of text escaped."""
        parts = [f"<b>{html.escape(self.title)}</b>"] if self.title else []
        parts += [html.escape(p) for p in self.paragraphs]
        if self.sources:
            parts.append(f"<i>{html.escape(self.source_line())}</i>")
        return "\n\n".join(parts)

    def to_json(self) -> dict[str, Any]:
        """Return the JSON object of the command-line contract."""
        return {
            "answer": self.text,
            "answered": self.answered,
            "intent": self.intent,
            "scheme": self.scheme,
            "confidence": round(self.confidence, 3),
            "lang": self.lang,
            "slots": {k: _jsonable(v) for k, v in self.slots.items()},
            "sources": [
                {"file": p.file, "office": p.office_name, "date": p.date_text} for p in self.sources
            ],
            "options": [o.label for o in self.options],
        }


def _jsonable(value: Any) -> Any:
    """Make a slot value JSON-friendly (fractions as strings)."""
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    return str(value)


def unique_sources(items: list[Provenance]) -> list[Provenance]:
    """Drop repeated sources, keeping the first order."""
    return list(dict.fromkeys(items))
