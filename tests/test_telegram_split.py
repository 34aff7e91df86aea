"""split_html: Telegram-sized parts, cut at paragraphs first, never inside a tag or an entity."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.split import TELEGRAM_LIMIT, size, split_html

TAG = re.compile(r"<(/?)([a-z]+)>")
ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x27);")


def visible(text: str) -> str:
    """Return the text a reader sees, without white space (cuts may drop a separator)."""
    return re.sub(r"\s", "", html.unescape(TAG.sub("", text)))


def balanced(part: str) -> bool:
    """Tell whether every tag in a part is closed in order."""
    stack: list[str] = []
    for closing, name in TAG.findall(part):
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def entities_whole(part: str) -> bool:
    """Tell whether every '&' in a part starts a whole entity."""
    return all(ENTITY.match(part, m.start()) for m in re.finditer("&", part))


plain = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
    min_size=0,
    max_size=300,
)
paragraph = st.builds(
    lambda text, wrap: wrap.format(html.escape(text)),
    plain,
    st.sampled_from(["{}", "<b>{}</b>", "<i>{}</i>"]),
)
answer_html = st.lists(paragraph, min_size=1, max_size=30).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(answer_html, st.integers(min_value=64, max_value=700))
def test_parts_fit_keep_the_content_and_stay_valid_html(text: str, limit: int) -> None:
    parts = split_html(text, limit)
    assert all(size(part) <= limit for part in parts)
    assert all(balanced(part) and entities_whole(part) for part in parts)
    assert all(visible(part) for part in parts)  # never an empty message
    assert "".join(visible(p) for p in parts) == visible(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abc æøå😀<>&", min_size=1, max_size=60), min_size=1, max_size=40))
def test_paragraphs_that_fit_are_never_cut(paragraphs: list[str]) -> None:
    escaped = [html.escape(p).strip() or "x" for p in paragraphs]
    text = "\n\n".join(escaped)
    for part in split_html(text, 200):
        assert all(piece in escaped for piece in part.split("\n\n"))


def test_a_text_that_fits_comes_back_whole() -> None:
    text = "<b>Tittel</b>\n\nEn linje &amp; en til."
    assert split_html(text) == [text]
    assert split_html("   ") == []


def test_a_long_answer_is_split_at_paragraphs_within_telegrams_limit() -> None:
    paragraphs = [f"Avsnitt {i}: " + "ord " * 200 for i in range(30)]
    parts = split_html("\n\n".join(paragraphs))
    assert len(parts) > 1
    assert all(len(p) <= TELEGRAM_LIMIT for p in parts)
    assert "\n\n".join(parts) == "\n\n".join(paragraphs)


def test_a_long_bold_paragraph_is_closed_and_reopened() -> None:
    text = "<b>" + "lang " * 2000 + "</b>"
    parts = split_html(text)
    assert len(parts) == 3
    assert all(p.startswith("<b>") and p.endswith("</b>") for p in parts)


def test_a_word_longer_than_the_limit_is_cut_outside_entities() -> None:
    text = "&amp;" * 2000
    parts = split_html(text, 100)
    assert all(size(p) <= 100 and entities_whole(p) for p in parts)
    assert "".join(parts) == text


def test_sizes_count_utf16_units_like_telegram() -> None:
    text = "😀" * 3000  # 6000 UTF-16 units
    parts = split_html(text)
    assert len(parts) == 2
    assert all(size(p) <= TELEGRAM_LIMIT for p in parts)


def test_a_too_small_limit_is_refused() -> None:
    with pytest.raises(ValueError):
        split_html("x" * 100, 10)
