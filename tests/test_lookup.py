"""/faq and inline mode search the knowledge database's one FTS5 index."""

from __future__ import annotations

import sqlite3

import pytest

from bot.reply import Who
from tests.telegram_fixtures import *  # noqa: F403
from tests.telegram_fixtures import TODAY, BotHarness


def faq_text(tg: BotHarness, query: str) -> str:
    """The text of the /faq reply to a query."""
    reply = tg.core.pipeline.handle(f"/faq {query}", Who("lookup"), TODAY)
    assert reply.answer is not None
    return "\n\n".join(reply.answer.paragraphs)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("klagerett", "klage"),
        ("søknadsfrist", "frist"),
        ("soknadsfrist", "frist"),
        ("revisorattestasjon", "revisor"),
        ("klagerettene", "klage"),
        ("hvem er revisoren", "revisor"),
    ],
)
async def test_faq_finds_entries_by_their_words_with_or_without_aeoa(
    tg: BotHarness, query: str, expected: str
) -> None:
    text = faq_text(tg, query)
    assert expected in text.lower()
    assert ".txt)" in text  # each hit with its source document


@pytest.mark.parametrize("query", ["hva er det", "sykkelvei", "hva med det da"])
async def test_faq_finds_nothing_for_function_words_or_what_the_sources_lack(
    tg: BotHarness, query: str
) -> None:
    reply = tg.core.pipeline.handle(f"/faq {query}", Who("lookup"), TODAY)
    assert reply.answer is not None and not reply.answer.answered


async def test_the_look_up_reads_the_index_the_build_wrote(tg: BotHarness) -> None:
    before = tg.core.pipeline.inline("klagerett", TODAY, 5)
    assert before
    with sqlite3.connect(tg.core.settings.knowledge_db) as conn:
        conn.execute("delete from search where kind = 'faq' or kind like 'fact:%'")
        conn.execute("insert into search_fts(search_fts) values ('rebuild')")
    conn.close()
    assert tg.core.pipeline.inline("klagerett", TODAY, 5) == []
