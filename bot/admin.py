"""The admins' desk: announcements, knowledge changes, the review queue, and their buttons.

Only the users in TILSKUDDSBOT_ADMIN_IDS get here: the pipeline refuses the admin commands to
everyone else, and every button is checked again on each press. What an admin previews
(/kunngjor, /ny_frist, the offer to send the summary of a knowledge update) is a draft in
SQLite (``bot.drafts``); its buttons carry ``d:<draft id>:ok`` or ``d:<draft id>:no`` and only
settle it if it is still pending and the one pressing made it. The review queue's buttons
carry the group's id (``rv:f:<id>``, ``rv:a:<id>``, ``rv:d:<id>``).

The knowledge changes block on files and SQLite for seconds (``bot.upkeep``): the channels call
them beside the questions, not in front of them. The texts are plain or already escaped HTML,
from the catalogue (``bot.texts``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from bot.alerts import reminder_offers, update_summary
from bot.answer import Answer
from bot.buttons import ButtonStore, encode
from bot.drafts import Draft, DraftClosed, Drafts
from bot.kbadmin import ChangeRefused, DeadlineEdit, deadline_edit_data, deadline_edit_from
from bot.kbdiff import KbDiff
from bot.reminders import (
    MAX_MESSAGE,
    NotAdmin,
    PassReport,
    confirm_broadcast,
    prepare_broadcast,
    recipients,
)
from bot.reply import Button, Delivery, Message, Reply, Who
from bot.review import ReviewQueue, UnknownGroup
from bot.state import StateStore
from bot.texts import t
from bot.upkeep import Refresh, Upkeep, alias_prompt, group_text, refresh_text, refused_text

if TYPE_CHECKING:
    from bot.commands import Request

MAX_GROUPS = 10
ReviewKind = Literal["f", "a"]


def draft_button(label: str, draft: Draft, verb: Literal["ok", "no"]) -> Button:
    """A button that settles a draft: confirm ('ok') or cancel ('no')."""
    return Button(label, encode("draft", draft.id, verb))


class AdminDesk:
    """What the admins do, over the bot's state and the knowledge upkeep."""

    def __init__(
        self,
        admins: frozenset[int],
        state: StateStore,
        drafts: Drafts,
        review: ReviewQueue,
        buttons: ButtonStore,
        upkeep: Upkeep,
    ) -> None:
        """Keep the admins' ids and the stores they work on."""
        self.admins = admins
        self.state = state
        self.drafts = drafts
        self.review = review
        self.buttons = buttons
        self.upkeep = upkeep

    def is_admin(self, who: Who) -> bool:
        """Tell whether a sender is one of the admins."""
        return who.user_id is not None and who.user_id in self.admins

    # --- announcements ------------------------------------------------------------------------

    def announce(self, req: Request) -> Reply:
        """/kunngjor TEXT: store the announcement as a draft and show its preview."""
        user = req.who.user_id
        if not req.raw or user is None:
            return Reply.plain(t("announce.usage", req.lang))
        try:
            with self.state.transaction():
                broadcast, preview = prepare_broadcast(
                    self.state, self.admins, user, req.raw, req.today
                )
                draft = self.drafts.create(
                    "broadcast", user, {}, req.today, broadcast_id=broadcast.id
                )
        except (ValueError, NotAdmin):
            return Reply.plain(t("announce.too_long", req.lang, limit=MAX_MESSAGE))
        head = t("announce.preview", req.lang, count=len(recipients(self.state)))
        row = (
            draft_button(t("announce.send", req.lang), draft, "ok"),
            draft_button(t("announce.cancel", req.lang), draft, "no"),
        )
        return Reply((Message.markup(f"{head}\n\n{preview}", row),))

    def offer(
        self, diff: KbDiff | None, admins: Iterable[int], today: dt.date
    ) -> tuple[str, dict[int, tuple[Button, ...]]]:
        """Offer to send a knowledge update's summary to the subscribers of what changed.

        Returns the text to add and, per admin, the row with the button of their own draft.
        """
        if diff is None or not diff.affected_schemes:
            return "", {}
        schemes = diff.affected_schemes
        count = len(recipients(self.state, schemes))
        if count == 0:
            return t("offer.nobody"), {}
        reminders = reminder_offers(self.upkeep.watcher.engine.kb, diff, today)
        payload = {"text": update_summary(diff, reminders), "schemes": sorted(schemes)}
        ids = sorted(set(admins))
        batch = secrets.token_hex(8) if len(ids) > 1 else None
        label = t("offer.button", count=count)
        rows: dict[int, tuple[Button, ...]] = {}
        for admin in ids:
            draft = self.drafts.create("update", admin, payload, today, batch=batch)
            rows[admin] = (draft_button(label, draft, "ok"),)
        question = t("offer.question", count=count)
        if reminders:
            question += t("offer.reminder", count=len(reminders))
        return question, rows

    def delivered(self, delivery: Delivery, report: PassReport | None) -> Reply:
        """Tell the admin how an announcement went out."""
        bid, queued = delivery.broadcast_id, delivery.queued
        if report is None:
            return Reply.plain(t("announce.offline", id=bid, count=queued))
        key = f"|broadcast:{bid}"
        sent = sum(1 for e in report.events if e.outcome == "sent" and e.key.endswith(key))
        text = t("announce.delivered", id=bid, sent=sent, count=queued)
        return Reply.plain(text if sent == queued else text + t("announce.retry"))

    # --- drafts -------------------------------------------------------------------------------

    def decide(self, draft_id: int, verb: str, who: Who, today: dt.date) -> Reply:
        """A draft's button: confirm or cancel it, if it is the presser's and still pending."""
        if not self.is_admin(who) or who.user_id is None:
            return Reply.note(t("admins_only"))
        self.drafts.expire(today)
        draft = self.drafts.get(draft_id)
        if draft is None or verb not in ("ok", "no"):
            return Reply.note(t("expired"))
        try:
            if verb == "no":
                return self._cancel(draft, who.user_id, today)
            if draft.kind == "deadline":
                return self._save_deadline(draft, who.user_id, today)
            return self._send(draft, who, today)
        except DraftClosed as exc:
            return self._closed(exc, draft)

    def _closed(self, exc: DraftClosed, draft: Draft) -> Reply:
        """Say why a draft's button does nothing now."""
        if exc.reason == "not_yours":
            return Reply.note(t("draft.not_yours"))
        now = self.drafts.get(draft.id) or draft
        if now.state == "confirmed":
            return Reply.note(t("draft.saved" if now.kind == "deadline" else "draft.sent"))
        if now.state == "cancelled":
            return Reply.note(t("draft.cancelled"))
        return Reply.note(t("draft.expired"))

    def _cancel(self, draft: Draft, user: int, today: dt.date) -> Reply:
        """Cancel a pending draft."""
        self.drafts.settle(draft.id, user, "cancelled", today)
        key = {
            "broadcast": "announce.cancelled",
            "deadline": "deadline.cancelled",
            "update": "offer.cancelled",
        }[draft.kind]
        return Reply((Message.plain(t(key)),), replace=True)

    def _send(self, draft: Draft, who: Who, today: dt.date) -> Reply:
        """Confirm an announcement or an update summary and queue it, in one transaction."""
        user = who.user_id
        assert user is not None
        with self.state.transaction():
            self.drafts.settle(draft.id, user, "confirmed", today)
            if draft.kind == "broadcast":
                assert draft.broadcast_id is not None
                bid = draft.broadcast_id
                queued = confirm_broadcast(self.state, self.admins, user, bid, today)
            else:
                schemes = frozenset(draft.payload["schemes"])
                text = str(draft.payload["text"])
                broadcast, _ = prepare_broadcast(self.state, self.admins, user, text, today)
                bid = broadcast.id
                queued = confirm_broadcast(
                    self.state, self.admins, user, bid, today, schemes=schemes
                )
                self.drafts.link(draft.id, bid)
        if draft.kind == "broadcast":
            broadcast_text = self.state.broadcast(bid)
            body = broadcast_text.text if broadcast_text is not None else ""
            text = t("announce.sending", id=bid, count=queued, text=body)
        else:
            text = t("offer.sending", count=queued, id=bid)
        chat = who.chat_id
        delivery = Delivery(bid, queued, chat) if queued and chat is not None else None
        return Reply((Message.plain(text),), replace=True, delivery=delivery)

    # --- knowledge changes --------------------------------------------------------------------

    def new_deadline(self, req: Request) -> Reply:
        """/ny_frist ORDNING ÅR TYPE DATO [tentativ]: validate, then preview with Lagre."""
        upkeep, user = self.upkeep, req.who.user_id
        assert user is not None
        try:
            proposal = upkeep.propose_deadline(req.raw, req.today, req.lang)
        except ChangeRefused as exc:
            return Reply.plain(refused_text(exc, upkeep.version, lang=req.lang))
        assert isinstance(proposal.edit, DeadlineEdit)
        payload = {"edit": deadline_edit_data(proposal.edit)}
        draft = self.drafts.create("deadline", user, payload, req.today)
        row = (
            draft_button(t("deadline.save", req.lang), draft, "ok"),
            draft_button(t("deadline.cancel", req.lang), draft, "no"),
        )
        return Reply.plain(proposal.preview, row)

    def _save_deadline(self, draft: Draft, user: int, today: dt.date) -> Reply:
        """Lagre: write the change back, audit it, and swap it in (or refuse, and cancel it)."""
        self.drafts.settle(draft.id, user, "confirmed", today)
        upkeep = self.upkeep
        try:
            change, refresh = upkeep.apply(deadline_edit_from(draft.payload["edit"]), user, today)
        except ChangeRefused as exc:
            self.drafts.refuse(draft.id, today)
            return Reply((Message.plain(refused_text(exc, upkeep.version)),), replace=True)
        reply = self._report(refresh, refresh_text(refresh, change), user, today)
        return replace(reply, replace=True)

    def reload(self, req: Request) -> Reply:
        """/oppdater: validate the edited sources and swap them in, or refuse and keep the old."""
        upkeep, user = self.upkeep, req.who.user_id
        try:
            refresh = upkeep.refresh()
        except ChangeRefused as exc:
            return Reply.plain(refused_text(exc, upkeep.version, reload=True))
        return self._report(refresh, refresh_text(refresh), user, req.today)

    def _report(self, refresh: Refresh, text: str, user: int | None, today: dt.date) -> Reply:
        """Tell an admin what is now in use, with the offer to notify subscribers."""
        extra, rows = self.offer(refresh.diff, [] if user is None else [user], today)
        row = rows.get(user) if user is not None else None
        return Reply.plain(text + extra, *([row] if row else []))

    def poll(self, today: dt.date) -> list[tuple[int, Reply]]:
        """Repair or swap in the knowledge base when it changed on disk; what to tell each admin.

        The admins hear of a database the bot had to rebuild, of an interrupted edit it
        completed or undid at start, and of a knowledge base rebuilt from outside.
        """
        diff = self.upkeep.poll()
        parts = self.upkeep.notices()
        rows: dict[int, tuple[Button, ...]] = {}
        if diff is not None:
            refresh = Refresh(self.upkeep.version, diff)
            extra, rows = self.offer(diff, self.admins, today)
            parts.append(f"{t('upkeep.reloaded_outside')}\n{refresh_text(refresh)}{extra}")
        if not parts:
            return []
        text = "\n\n".join(parts)
        told = []
        for admin in sorted(self.admins):
            row = rows.get(admin)
            told.append((admin, Reply.plain(text, *([row] if row else []))))
        return told

    # --- the review queue ---------------------------------------------------------------------

    def unanswered(self, req: Request) -> Reply:
        """/ubesvart: the review queue grouped by similarity, most frequent first."""
        lang = req.lang
        if not req.who.private:
            return Reply.plain(t("review.private_only", lang))
        found = self.review.overview(req.today, MAX_GROUPS)
        if not found.total:
            return Reply.plain(t("review.empty", lang))
        shown = t("review.shown", lang, count=MAX_GROUPS) if found.groups > MAX_GROUPS else ""
        head = t("review.head", lang, total=found.total, groups=found.groups, shown=shown)
        messages = [Message.plain(head)]
        for number, group in enumerate(found.top, 1):
            row = (
                Button(t("review.faq", lang), encode("review", "f", group.id)),
                Button(t("review.alias", lang), encode("review", "a", group.id)),
                Button(t("review.dismiss", lang), encode("review", "d", group.id)),
            )
            messages.append(Message.plain(group_text(number, group), row))
        return Reply(tuple(messages))

    def dismiss(self, group_id: int, who: Who, today: dt.date) -> Reply:
        """Avvis: drop a group without changing the knowledge."""
        if not self.is_admin(who):
            return Reply.note(t("admins_only"))
        if not who.private:
            return Reply.note(t("review.private_only"))
        try:
            count = self.review.dismiss(group_id, today)
        except UnknownGroup:
            return Reply.note(t("review.gone"))
        return Reply((Message.plain(t("review.dismissed", count=count)),), replace=True)

    def start_review(
        self, kind: ReviewKind, group_id: int, who: Who, today: dt.date
    ) -> tuple[Reply, bool]:
        """Lag FAQ / Nytt alias: ask for the entry or the FAQ id; tell whether to wait for it."""
        if not self.is_admin(who):
            return Reply.note(t("admins_only")), False
        if not who.private:
            return Reply.note(t("review.private_only")), False
        try:
            group = self.review.group(group_id, today)
        except UnknownGroup:
            return Reply.note(t("review.gone")), False
        if kind == "f":
            prompt = t(
                "review.faq_prompt",
                question=group.representative,
                count=group.count,
                format=t("upkeep.faq_format"),
            )
        else:
            prompt = alias_prompt(self.upkeep.watcher.engine.kb, group)
        return Reply.plain(prompt), True

    def resolve_review(
        self, kind: ReviewKind, group_id: int, text: str, who: Who, today: dt.date
    ) -> tuple[Reply, bool]:
        """The admin's answer: write the FAQ entry or aliases back; tell whether it is done."""
        user = who.user_id
        if not self.is_admin(who) or user is None:
            return Reply.plain(t("admins_only")), True
        if not who.private:
            return Reply.plain(t("review.private_only")), True
        upkeep = self.upkeep
        action = upkeep.resolve_alias if kind == "a" else upkeep.resolve_faq
        try:
            change, refresh = action(group_id, text, user, today)
        except UnknownGroup:
            return Reply.plain(t("review.gone")), True
        except ChangeRefused as exc:
            retry = f"{refused_text(exc, upkeep.version)}\n{t('upkeep.retry')}"
            return Reply.plain(retry), False
        return self._report(refresh, refresh_text(refresh, change), user, today), True

    def cancel_review(self) -> Reply:
        """/avbryt inside the review dialogue."""
        return Reply.plain(t("review.cancelled"))

    # --- status -------------------------------------------------------------------------------

    def status(self, req: Request) -> Reply:
        """/status: the knowledge base and what the bot keeps."""
        lang, kb = req.lang, self.upkeep.watcher.engine.kb
        pending = sum(1 for d in self.drafts.all() if d.state == "pending")
        lines = [
            t("status.version", lang, version=kb.version),
            t(
                "status.counts",
                lang,
                schemes=len(kb.schemes),
                deadlines=len(kb.deadlines()),
                faq=len(kb.faq),
                tables=len(kb.tables),
            ),
            t("status.buttons", lang, count=self.buttons.count()),
            t("status.drafts", lang, count=pending),
        ]
        return Reply.of(Answer("status", True, 1.0, lang, lines, title=t("status.title", lang)))
