"""Admin commands in Telegram: /kunngjor, /ny_frist, /oppdater, /ubesvart, and their buttons.

Only the users in TILSKUDDSBOT_ADMIN_IDS may run them (commands through ``admin_only``,
buttons checked on every press). The work is done by the core (``bot.reminders`` for
announcements, ``bot.upkeep`` for knowledge changes and the review queue) on a worker
thread, so questions keep being answered meanwhile; these handlers read the update, call
it and reply.

Buttons (callback data at most 64 bytes; what they stand for stays here, bounded):

- ``kg:<id>`` send announcement ``id`` to every subscriber, ``kx:<id>`` drop it;
- ``kd:<token>`` send the summary of a knowledge update to the subscribers of the schemes
  it changed (the text and schemes stay server-side; one press sends it, once);
- ``nf:<token>`` save a previewed /ny_frist change, ``nx:<token>`` drop it;
- ``rv:f:<id>``, ``rv:a:<id>``, ``rv:d:<id>``: turn a review group into an FAQ entry, into
  other phrasings of one (both a short dialogue: the admin answers in the chat), or dismiss it.

The repeating job ``WATCH_JOB`` swaps in a knowledge base rebuilt from outside
(``tilskuddsbot kb reload``) and tells the admins what changed, with the same offer.
"""

from __future__ import annotations

import asyncio
import html
import logging
import re
import secrets
import warnings
from collections import OrderedDict
from typing import Any, Generic, TypeVar, cast

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    CallbackContext,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.alerts import update_summary
from bot.kbadmin import ChangeRefused, Proposal
from bot.reminders import (
    MAX_MESSAGE,
    NotAdmin,
    PassReport,
    confirm_broadcast,
    prepare_broadcast,
    recipients,
)
from bot.review import UnknownGroup
from bot.upkeep import Refresh, alias_prompt, group_text, refresh_text, refused_text
from handlers.auth import REFUSAL, admin_only, is_admin
from handlers.chat import EXPIRED
from handlers.reply import acknowledge, deliver, send_html
from handlers.services import BotServices
from handlers.subscriptions import send_outbox

T = TypeVar("T")
WATCH_JOB = "knowledge-watcher"
WATCH_SECONDS = 10.0
MAX_PENDING = 200
MAX_GROUPS = 10
FAQ_TEXT, ALIAS_TEXT = range(2)
END = ConversationHandler.END
REVIEW_KEY = "ubesvart"
TIMEOUT = 600  # seconds before an unanswered review dialogue is dropped
ANNOUNCE_USAGE = "Skriv teksten etter kommandoen: /kunngjor Søknadsfristen er flyttet …"
GONE = "Denne gruppen er ikke i køen lenger."
TOO_LONG = (
    f"Kunngjøringen er for lang: en melding har plass til {MAX_MESSAGE} tegn med overskriften."
)
log = logging.getLogger(__name__)


class Pending(Generic[T]):
    """What a button stands for, by a short token; bounded, the oldest go first."""

    def __init__(self, max_items: int = MAX_PENDING) -> None:
        """Start empty."""
        self._items: OrderedDict[str, T] = OrderedDict()
        self.max_items = max_items

    def add(self, value: T) -> str:
        """Keep a value; return its token."""
        token = secrets.token_urlsafe(6)
        self._items[token] = value
        while len(self._items) > self.max_items:
            self._items.popitem(last=False)
        return token

    def pop(self, token: str) -> T | None:
        """Take a value out (a second press finds nothing)."""
        return self._items.pop(token, None)


def buttons(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Lay out rows of (label, callback data)."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


def command_text(update: Update) -> str:
    """Return what follows the command, line breaks kept."""
    message = update.effective_message
    text = message.text if message is not None and message.text else ""
    return re.sub(r"^/\S*\s*", "", text, count=1).strip()


async def say(
    bot: Bot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Send plain text (escaped) with optional buttons."""
    await send_html(bot, chat_id, html.escape(text), markup)


async def edit(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the text (and buttons) of the message whose button was pressed."""
    query = update.callback_query
    if query is not None:
        await deliver(lambda: query.edit_message_text(html.escape(text), reply_markup=markup))


class AdminHandlers:
    """The admin handlers, sharing one ``BotServices`` and the pending buttons."""

    def __init__(self, services: BotServices) -> None:
        """Keep the services; nothing is pending yet."""
        self.s = services
        self.admins = services.settings.admin_ids
        self.proposals: Pending[Proposal] = Pending()
        self.offers: Pending[tuple[str, frozenset[str]]] = Pending()
        self.dropped: set[int] = set()  # announcements cancelled with Avbryt

    async def guard(self, update: Update) -> int | None:
        """Return the admin's user id for a button press; refuse everyone else."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or not is_admin(update, self.admins):
            if query is not None:
                await acknowledge(query, REFUSAL)
            return None
        return user.id

    def token(self, update: Update, prefix: str) -> str:
        """Return the part of the pressed button's data after its prefix."""
        query = update.callback_query
        data = query.data if query is not None and query.data else ""
        return data.removeprefix(prefix)

    # --- announcements ------------------------------------------------------------------------

    async def announce(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/kunngjor TEXT: store the announcement and show its preview with a Send button."""
        chat, user, store = update.effective_chat, update.effective_user, self.s.state
        if chat is None or user is None:
            return
        text, today = command_text(update), self.s.today()
        if not text:
            await say(context.bot, chat.id, ANNOUNCE_USAGE)
            return
        try:
            draft, preview = await asyncio.to_thread(
                prepare_broadcast, store, self.admins, user.id, text, today
            )
        except (ValueError, NotAdmin):
            await say(context.bot, chat.id, TOO_LONG)
            return
        count = len(await asyncio.to_thread(recipients, store))
        head = f"<b>Forhåndsvisning</b> – sendes til {count} abonnenter når du trykker «Send»:"
        markup = buttons([("Send", f"kg:{draft.id}"), ("Avbryt", f"kx:{draft.id}")])
        await send_html(context.bot, chat.id, f"{head}\n\n{preview}", markup)

    async def send_announcement(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Send button: queue the announcement for every subscriber, once, and send it."""
        who = await self.guard(update)
        if who is None or update.callback_query is None:
            return
        draft_id = int(self.token(update, "kg:"))
        draft = await asyncio.to_thread(self.s.state.broadcast, draft_id)
        if draft is None or draft_id in self.dropped:
            await acknowledge(update.callback_query, EXPIRED)
            return
        if draft.confirmed is not None:
            await acknowledge(update.callback_query, "Denne kunngjøringen er allerede sendt.")
            return
        await acknowledge(update.callback_query)
        today = self.s.today()
        queued = await asyncio.to_thread(
            confirm_broadcast, self.s.state, self.admins, who, draft_id, today
        )
        await edit(
            update, f"Kunngjøring nr. {draft_id} sendes til {queued} abonnenter:\n\n{draft.text}"
        )
        self.deliver(context, update, draft_id, queued)

    async def drop_announcement(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Avbryt button of a preview."""
        if await self.guard(update) is not None and update.callback_query is not None:
            self.dropped.add(int(self.token(update, "kx:")))
            await acknowledge(update.callback_query)
            await edit(update, "Kunngjøringen er avbrutt og ikke sendt.")

    async def send_update(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The offer after a knowledge update: send its summary to the affected subscribers."""
        who = await self.guard(update)
        if who is None or update.callback_query is None:
            return
        offer = self.offers.pop(self.token(update, "kd:"))
        await acknowledge(update.callback_query, None if offer else EXPIRED)
        if offer is None:
            return
        text, schemes = offer
        draft_id, queued = await asyncio.to_thread(self.queue_update, who, text, schemes)
        await edit(
            update, f"Oppsummeringen sendes til {queued} abonnenter (kunngjøring nr. {draft_id})."
        )
        self.deliver(context, update, draft_id, queued)

    def queue_update(self, who: int, text: str, schemes: frozenset[str]) -> tuple[int, int]:
        """Store and confirm an update summary for the subscribers of some schemes (a thread)."""
        today = self.s.today()
        draft, _ = prepare_broadcast(self.s.state, self.admins, who, text, today)
        queued = confirm_broadcast(self.s.state, self.admins, who, draft.id, today, schemes=schemes)
        return draft.id, queued

    def deliver(
        self, context: ContextTypes.DEFAULT_TYPE, update: Update, draft_id: int, queued: int
    ) -> None:
        """Send the outbox in the background, then tell the admin how it went."""
        chat = update.effective_chat
        if chat is None or queued == 0:
            return

        async def run() -> None:
            report = await send_outbox(self.s)
            await say(context.bot, chat.id, delivery_text(draft_id, queued, report))

        context.application.create_task(run(), update=update)

    async def offer(self, refresh: Refresh) -> tuple[str, InlineKeyboardMarkup | None]:
        """Offer to send a knowledge update's summary to the subscribers of what changed."""
        diff = refresh.diff
        if diff is None or not diff.affected_schemes:
            return "", None
        schemes = diff.affected_schemes
        count = len(await asyncio.to_thread(recipients, self.s.state, schemes))
        if count == 0:
            return "\n\nIngen abonnenter følger ordningene som ble endret.", None
        token = self.offers.add((update_summary(diff), schemes))
        text = f"\n\nVil du sende en oppsummering til de {count} abonnentene som følger dem?"
        return text, buttons([(f"Send til abonnentene ({count})", f"kd:{token}")])

    async def report(self, bot: Bot, chat_id: int, refresh: Refresh, text: str) -> None:
        """Tell an admin what is now in use, with the offer to notify subscribers."""
        extra, markup = await self.offer(refresh)
        await say(bot, chat_id, text + extra, markup)

    # --- knowledge changes --------------------------------------------------------------------

    async def new_deadline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/ny_frist ORDNING ÅR TYPE DATO [tentativ]: validate, then preview with Lagre."""
        chat = update.effective_chat
        if chat is None:
            return
        upkeep = self.s.upkeep
        try:
            proposal = await asyncio.to_thread(
                upkeep.propose_deadline, command_text(update), self.s.today()
            )
        except ChangeRefused as exc:
            await say(context.bot, chat.id, refused_text(exc, upkeep.version))
            return
        token = self.proposals.add(proposal)
        markup = buttons([("Lagre", f"nf:{token}"), ("Avbryt", f"nx:{token}")])
        await say(context.bot, chat.id, proposal.preview, markup)

    async def save_deadline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Lagre button: write the change back, audit it, and swap it in."""
        who = await self.guard(update)
        if who is None or update.callback_query is None:
            return
        proposal = self.proposals.pop(self.token(update, "nf:"))
        await acknowledge(update.callback_query, None if proposal else EXPIRED)
        if proposal is None:
            return
        upkeep = self.s.upkeep
        try:
            change, refresh = await asyncio.to_thread(upkeep.apply, proposal, who, self.s.today())
        except ChangeRefused as exc:
            await edit(update, refused_text(exc, upkeep.version))
            return
        extra, markup = await self.offer(refresh)
        await edit(update, refresh_text(refresh, change) + extra, markup)

    async def drop_deadline(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Avbryt button of a /ny_frist preview."""
        if await self.guard(update) is not None and update.callback_query is not None:
            self.proposals.pop(self.token(update, "nx:"))
            await acknowledge(update.callback_query)
            await edit(update, "Endringen er avbrutt; ingenting er lagret.")

    async def reload(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/oppdater: validate the edited sources and swap them in, or refuse and keep the old."""
        chat, upkeep = update.effective_chat, self.s.upkeep
        if chat is None:
            return
        try:
            refresh = await asyncio.to_thread(upkeep.refresh)
        except ChangeRefused as exc:
            await say(context.bot, chat.id, refused_text(exc, upkeep.version, reload=True))
            return
        await self.report(context.bot, chat.id, refresh, refresh_text(refresh))

    # --- the review queue ---------------------------------------------------------------------

    async def unanswered(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/ubesvart: the review queue grouped by similarity, most frequent first."""
        chat = update.effective_chat
        if chat is None:
            return
        groups = await asyncio.to_thread(self.s.review.grouped, self.s.today())
        if not groups:
            await say(context.bot, chat.id, "Ingen ubesvarte spørsmål de siste 90 dagene.")
            return
        total = sum(g.count for g in groups)
        shown = f" (de {MAX_GROUPS} største vises)" if len(groups) > MAX_GROUPS else ""
        head = f"{total} spørsmål i {len(groups)} grupper, de vanligste først{shown}."
        await say(context.bot, chat.id, head)
        for number, group in enumerate(groups[:MAX_GROUPS], 1):
            markup = buttons(
                [
                    ("Lag FAQ", f"rv:f:{group.id}"),
                    ("Nytt alias", f"rv:a:{group.id}"),
                    ("Avvis", f"rv:d:{group.id}"),
                ]
            )
            await say(context.bot, chat.id, group_text(number, group), markup)

    async def dismiss(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The Avvis button: drop a group without changing the knowledge."""
        if await self.guard(update) is None or update.callback_query is None:
            return
        group_id = int(self.token(update, "rv:d:"))
        try:
            count = await asyncio.to_thread(self.s.review.dismiss, group_id, self.s.today())
        except UnknownGroup:
            await acknowledge(update.callback_query, GONE)
            return
        await acknowledge(update.callback_query)
        await edit(update, f"Avvist: {count} spørsmål er fjernet fra køen.")

    async def start_resolving(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """Lag FAQ / Nytt alias: ask the admin for the entry, or for the FAQ id."""
        if await self.guard(update) is None or update.callback_query is None:
            return END
        kind, group_id = self.token(update, "rv:").split(":")
        try:
            group = await asyncio.to_thread(self.s.review.group, int(group_id), self.s.today())
        except UnknownGroup:
            await acknowledge(update.callback_query, GONE)
            return END
        await acknowledge(update.callback_query)
        if context.user_data is not None:
            context.user_data[REVIEW_KEY] = (kind, group.id)
        chat = update.effective_chat
        assert chat is not None
        if kind == "f":
            prompt = (
                f"Lag spørsmål og svar av «{group.representative}» ({group.count} ganger). "
                "Skriv: spørsmål | svar | ordning (ordningen kan utelates), eller /avbryt."
            )
            await say(context.bot, chat.id, prompt)
            return FAQ_TEXT
        await say(context.bot, chat.id, alias_prompt(self.s.engine.kb, group))
        return ALIAS_TEXT

    async def resolve(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """The admin's answer: write the FAQ entry or aliases back and swap them in."""
        chat, user, message = update.effective_chat, update.effective_user, update.effective_message
        data = context.user_data if context.user_data is not None else {}
        pending = data.get(REVIEW_KEY)
        if chat is None or user is None or message is None or pending is None:
            return END
        kind, group_id = pending
        upkeep = self.s.upkeep
        action = upkeep.resolve_alias if kind == "a" else upkeep.resolve_faq
        try:
            change, refresh = await asyncio.to_thread(
                action, group_id, message.text or "", user.id, self.s.today()
            )
        except UnknownGroup:
            data.pop(REVIEW_KEY, None)
            await say(context.bot, chat.id, GONE)
            return END
        except ChangeRefused as exc:
            retry = refused_text(exc, upkeep.version) + "\nPrøv igjen, eller /avbryt."
            await say(context.bot, chat.id, retry)
            return ALIAS_TEXT if kind == "a" else FAQ_TEXT
        data.pop(REVIEW_KEY, None)
        await self.report(context.bot, chat.id, refresh, refresh_text(refresh, change))
        return END

    async def cancel(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> int:
        """/avbryt inside the review dialogue."""
        if context.user_data is not None:
            context.user_data.pop(REVIEW_KEY, None)
        if update.effective_chat is not None:
            await say(context.bot, update.effective_chat.id, "Avbrutt; køen er uendret.")
        return END

    def review_dialogue(self) -> ConversationHandler[Any]:
        """The short dialogue after Lag FAQ / Nytt alias (per chat and user)."""
        typed = filters.UpdateType.MESSAGE & filters.TEXT & ~filters.COMMAND
        with warnings.catch_warnings():  # per_message=False: the answer is a typed message
            warnings.filterwarnings("ignore", "If 'per_message=False'", PTBUserWarning)
            return ConversationHandler(
                entry_points=[CallbackQueryHandler(self.start_resolving, pattern=r"^rv:[fa]:\d+$")],
                states={
                    FAQ_TEXT: [MessageHandler(typed, self.resolve)],
                    ALIAS_TEXT: [MessageHandler(typed, self.resolve)],
                },
                fallbacks=[CommandHandler("avbryt", self.cancel)],
                per_message=False,
                allow_reentry=True,
                conversation_timeout=TIMEOUT,
                name="ubesvart",
            )


def delivery_text(draft_id: int, queued: int, report: PassReport | None) -> str:
    """Tell the admin how an announcement went out."""
    if report is None:
        return (
            f"Kunngjøring nr. {draft_id}: Telegram svarer ikke nå; de {queued} meldingene ligger "
            "i utboksen og sendes ved neste påminnelsesrunde."
        )
    key = f"|broadcast:{draft_id}"
    sent = sum(1 for e in report.events if e.outcome == "sent" and e.key.endswith(key))
    text = f"Kunngjøring nr. {draft_id}: levert til {sent} av {queued}."
    return text if sent == queued else text + " Resten prøves igjen ved neste påminnelsesrunde."


async def watch_knowledge(context: CallbackContext[Any, Any, Any, Any]) -> None:
    """The repeating job: swap in a rebuilt knowledge base and tell the admins what changed."""
    assert context.job is not None
    handlers = cast(AdminHandlers, context.job.data)
    diff = await asyncio.to_thread(handlers.s.upkeep.poll)
    if diff is None:
        return
    refresh = Refresh(handlers.s.upkeep.version, diff)
    extra, markup = await handlers.offer(refresh)
    text = "Kunnskapsbasen ble lastet inn på nytt utenfra.\n" + refresh_text(refresh) + extra
    for admin_id in sorted(handlers.admins):
        try:
            await say(context.bot, admin_id, text, markup)
        except TelegramError as exc:  # the admin never opened a chat with the bot
            log.info("Could not tell admin %d about the reload: %s", admin_id, type(exc).__name__)


def register(app: Any, services: BotServices) -> None:
    """Register the admin commands, buttons and dialogue, and the knowledge watcher job."""
    handlers = AdminHandlers(services)
    admin = admin_only(services.settings.admin_ids)
    new = filters.UpdateType.MESSAGE
    app.add_handler(handlers.review_dialogue())
    app.add_handler(CommandHandler("kunngjor", admin(handlers.announce), new))
    app.add_handler(CommandHandler("ny_frist", admin(handlers.new_deadline), new))
    app.add_handler(CommandHandler("oppdater", admin(handlers.reload), new))
    app.add_handler(CommandHandler("ubesvart", admin(handlers.unanswered), new))
    for pattern, callback in (
        (r"^kg:\d+$", handlers.send_announcement),
        (r"^kx:\d+$", handlers.drop_announcement),
        (r"^kd:", handlers.send_update),
        (r"^nf:", handlers.save_deadline),
        (r"^nx:", handlers.drop_deadline),
        (r"^rv:d:\d+$", handlers.dismiss),
    ):
        app.add_handler(CallbackQueryHandler(callback, pattern=pattern))
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            watch_knowledge, WATCH_SECONDS, first=WATCH_SECONDS, data=handlers, name=WATCH_JOB
        )
