"""Split Telegram HTML into messages of at most 4096 characters.

Telegram never splits a message itself. Parts are cut at paragraph boundaries
("\\n\\n") when possible, else at line breaks, else at spaces, else anywhere, but
never inside a tag or an entity (``&amp;``). A tag open at a cut is closed at the
end of the part and opened again at the start of the next one, so every part is
valid HTML on its own. Sizes are counted in UTF-16 code units, as Telegram counts
them, and on the HTML text: a safe upper bound of what Telegram measures.
"""

from __future__ import annotations

import bisect
import re

TELEGRAM_LIMIT = 4096
_ATOM = re.compile(r"<[^<>]*>|&#?\w+;")
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^<>]*>")
_BREAKS = ("\n\n", "\n", " ")


def size(text: str) -> int:
    """Return the length of a text in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def split_html(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split HTML into parts of at most ``limit`` units; a fitting text comes back whole."""
    if limit < 64:
        raise ValueError("limit must be at least 64")
    if size(text) <= limit:
        return [text] if _visible(text).strip() else []
    atoms = [(m.start(), m.end()) for m in _ATOM.finditer(text)]
    starts = [a[0] for a in atoms]
    parts: list[str] = []
    stack: list[tuple[str, str]] = []  # open tags: (name, opening tag as written)
    pos = 0
    while pos < len(text):
        prefix = "".join(tag for _, tag in stack)
        budget = limit - size(prefix) - _closing_size(stack) - 16
        for _ in range(8):
            if budget < 1:
                break
            cut, resume = _cut(text, pos, budget, atoms, starts)
            inner_stack = _walk(text[pos:cut], stack)
            part = prefix + text[pos:cut] + _closing(inner_stack)
            over = size(part) - limit
            if over <= 0:
                break
            budget -= over
        else:
            raise ValueError("cannot split: a tag or entity longer than the limit")
        if budget < 1:
            raise ValueError("cannot split: the open tags leave no room for text")
        if _visible(part).strip():
            parts.append(part)
        stack, pos = inner_stack, resume
    return parts


def _cut(
    text: str, pos: int, budget: int, atoms: list[tuple[int, int]], starts: list[int]
) -> tuple[int, int]:
    """Choose where the part starting at ``pos`` ends, and where the next one starts."""
    end = min(len(text), pos + max(budget, 1))
    while end > pos + 1 and size(text[pos:end]) > budget:
        end -= max(1, size(text[pos:end]) - budget)
    if end >= len(text):
        return len(text), len(text)
    for sep in _BREAKS:
        at = text.rfind(sep, pos + 1, end)
        while at > pos and _inside_atom(at, atoms, starts):
            at = text.rfind(sep, pos + 1, at)
        if at > pos:
            return at, at + len(sep)
    at = end
    inside = _atom_at(at, atoms, starts)
    if inside is not None:
        at = inside[0] if inside[0] > pos else inside[1]
    return at, at


def _atom_at(index: int, atoms: list[tuple[int, int]], starts: list[int]) -> tuple[int, int] | None:
    """Return the tag or entity that a cut at ``index`` would fall inside."""
    i = bisect.bisect_right(starts, index) - 1
    if i >= 0 and atoms[i][0] < index < atoms[i][1]:
        return atoms[i]
    return None


def _inside_atom(index: int, atoms: list[tuple[int, int]], starts: list[int]) -> bool:
    """Tell whether a separator at ``index`` lies inside a tag or entity."""
    i = bisect.bisect_right(starts, index) - 1
    return i >= 0 and atoms[i][0] <= index < atoms[i][1]


def _walk(chunk: str, stack: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the open tags after a chunk, starting from ``stack``."""
    result = list(stack)
    for m in _TAG.finditer(chunk):
        name = m.group(2).lower()
        if not m.group(1):
            result.append((name, m.group(0)))
            continue
        for i in range(len(result) - 1, -1, -1):
            if result[i][0] == name:
                del result[i]
                break
    return result


def _closing(stack: list[tuple[str, str]]) -> str:
    """Return the closing tags for the open tags, innermost first."""
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def _closing_size(stack: list[tuple[str, str]]) -> int:
    """Return the size of the closing tags of a stack."""
    return size(_closing(stack))


def _visible(part: str) -> str:
    """Return a part's text without tags (entities kept)."""
    return _TAG.sub("", part)
