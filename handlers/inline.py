"""Inline mode: '@botname query' in any chat offers the best answers as articles.

A caseworker can drop an answer, with its source, into a conversation with a
municipality. An empty query offers the overview of the schemes and the deadlines.
"""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import ParseMode
from telegram.ext import ContextTypes

from bot.answer import Answer
from handlers.reply import deliver
from handlers.services import BotServices
from handlers.split import split_html

MAX_RESULTS = 10
CACHE_SECONDS = 10


def article(number: int, title: str, answer: Answer) -> InlineQueryResultArticle:
    """Turn an answer into an inline article whose message is the escaped HTML answer."""
    description = " ".join(answer.paragraphs[0].split())[:120] if answer.paragraphs else ""
    text = (split_html(answer.html()) or [title])[0]
    return InlineQueryResultArticle(
        id=str(number),
        title=title,
        description=description,
        input_message_content=InputTextMessageContent(text, parse_mode=ParseMode.HTML),
    )


class InlineHandlers:
    """The inline query handler, with the services it calls."""

    def __init__(self, services: BotServices) -> None:
        """Keep the services."""
        self.s = services

    async def answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Answer an inline query with up to ten articles."""
        query = update.inline_query
        if query is None:
            return
        found = await self.s.run(
            self.s.pipeline.inline, query.query.strip(), self.s.today(), MAX_RESULTS
        )
        articles = [article(i, title, answer) for i, (title, answer) in enumerate(found)]
        await deliver(lambda: query.answer(articles[:MAX_RESULTS], cache_time=CACHE_SECONDS))
