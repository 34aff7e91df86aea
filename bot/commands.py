"""Chat commands, declared once: the registry and the core that answers them.

:data:`COMMANDS` is the one list of commands. Each entry names the command, describes it in
bokmål and English, says who may use it (everyone, or the admins in TILSKUDDSBOT_ADMIN_IDS)
and names its handler, a method of :class:`CommandService` taking a :class:`Request`. The
message pipeline (``bot.pipeline``) routes commands through it for the console and Telegram
alike; the Telegram menus (``set_my_commands``, and a per-admin menu with the admin commands),
/hjelp and the Telegram handler registration all read it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bot.answer import Answer, Option, unique_sources
from bot.cards import scheme_card
from bot.engine import Engine
from bot.names import find_scheme
from bot.reply import Document, Message, Post, Reply, Who
from bot.review import MAX_PER_CHAT_DAY
from bot.text import clean, fold
from bot.texts import t
from bot.understanding.lexicon import function_words
from bot.understanding.normalise import _stem
from bot.understanding.patterns import WORD
from bot.understanding.query import Understanding
from bot.vocab import TOPIC_LABELS, Lang
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.store import StoreError, search
from knowledge.text import ascii_fold

if TYPE_CHECKING:  # the reminder and admin modules load SQLite, YAML and calendar libraries
    from bot.admin import AdminDesk
    from bot.buttons import ButtonStore
    from bot.desk import Desk
    from bot.state import StateStore

Audience = Literal["everyone", "admin"]


@dataclass(frozen=True)
class Request:
    """One command as the pipeline received it."""

    name: str
    args: str  # cleaned: control characters out, white space collapsed
    raw: str  # as typed after the command, line breaks kept (an announcement's text)
    who: Who
    today: dt.date
    lang: Lang
    admin: bool  # the sender is one of the admins


Handler = Callable[["CommandService", Request], Reply]


@dataclass(frozen=True)
class Command:
    """A command: its name, what it does in nb and en, who may use it, and its handler."""

    name: str
    nb: str
    en: str
    audience: Audience
    handler: Handler
    menu: bool = True  # listed in Telegram's menu and in /hjelp
    aliases: tuple[str, ...] = ()
    slow: bool = False  # takes seconds (validation, rebuilds): run beside the questions

    def description(self, lang: Lang = "nb") -> str:
        """Return what the command does, in a language."""
        return self.nb if lang == "nb" else self.en


@dataclass(frozen=True)
class LookupHit:
    """One ranked look-up result with its source."""

    score: float
    title: str
    text: str
    source: Provenance


def _answer(
    intent: str,
    paragraphs: list[str],
    lang: Lang,
    *,
    answered: bool = True,
    title: str | None = None,
) -> Answer:
    """Build the answer of a command."""
    return Answer(intent, answered, 1.0, lang, paragraphs, title=title)


class CommandService:
    """Answer the commands of the registry against the engine and the bot's state."""

    def __init__(
        self,
        engine: Engine,
        state: StateStore,
        buttons: ButtonStore,
        admin: AdminDesk,
        desk: Desk | None = None,
        knowledge_db: Path | None = None,
    ) -> None:
        """Keep the engine (and through it the knowledge base and contexts) and the stores.

        ``knowledge_db`` is the built knowledge database whose FTS5 index /faq and inline mode
        search; without it (a knowledge base loaded from the YAML sources) they find nothing.
        """
        self.engine = engine
        self.state = state
        self.buttons = buttons
        self.admin = admin
        self.desk = desk
        self.knowledge_db = knowledge_db

    @property
    def kb(self) -> KnowledgeBase:
        """Return the engine's current knowledge base (it may be swapped while running)."""
        return self.engine.kb

    def _blank(self, intent: str, lang: Lang = "nb") -> Understanding:
        """Return an Understanding for a command (no free text to read)."""
        return Understanding(text="", folded="", lang=lang, intent=intent, confidence=1.0)

    # --- everyday -----------------------------------------------------------------------------

    def start(self, req: Request) -> Reply:
        """Welcome the user with the main tasks as options."""
        answer = self.engine.composer.greeting(
            self._blank("greeting", req.lang), req.today, req.lang
        )
        answer.options = [
            Option(t("start.schemes", req.lang), "/ordninger"),
            Option(t("start.deadlines", req.lang), "/frister"),
            Option(t("start.calculate", req.lang), "/beregn"),
            Option(t("start.help", req.lang), "/hjelp"),
        ]
        return Reply.of(answer)

    def help(self, req: Request) -> Reply:
        """List what can be asked and the commands (the admin commands too, for an admin)."""
        answer = self.engine.composer.help(self._blank("help", req.lang), req.today, req.lang)
        answer.paragraphs.append(command_list("everyone", req.lang))
        if req.admin:
            answer.paragraphs.append(
                f"{t('help.admin', req.lang)}\n{command_list('admin', req.lang)}"
            )
        return Reply.of(answer)

    def schemes(self, req: Request) -> Reply:
        """List the schemes, or show one scheme's card."""
        lang, kb = req.lang, self.kb
        if req.args:
            scheme = find_scheme(kb, req.args)
            if scheme is None:
                text = t("schemes.unknown", lang, name=req.args)
                return Reply.of(_answer("scheme_card", [text], lang, answered=False))
            card = scheme_card(kb, scheme.id, lang)
            sources = [kb.provenance(f) for f in scheme.facts]
            answer = _answer("scheme_card", card.split("\n\n"), lang)
            answer.scheme = scheme.id
            answer.slots = {"sources": len(unique_sources(sources))}
            return Reply.of(answer)
        answer = self.engine.composer.list_schemes(
            self._blank("list_schemes", lang), req.today, lang
        )
        answer.options = [Option(s.names.short, f"/ordninger {s.id}") for s in kb.schemes.values()]
        return Reply.of(answer)

    def deadlines(self, req: Request) -> Reply:
        """List upcoming deadlines and the most recent known ones."""
        u = self._blank("next_deadline", req.lang)
        if req.args:
            scheme = find_scheme(self.kb, req.args)
            if scheme is not None:
                u.scheme = scheme.id
                u.schemes_mentioned = [scheme.id]
        return Reply.of(self.engine.composer.next_deadline(u, req.today, req.lang))

    def calculate(self, req: Request) -> Reply:
        """Run a calculation from words ('år 3 2 årsverk 800000 kr')."""
        if not req.args:
            return Reply.of(_answer("help", [t("calculate.usage", req.lang)], req.lang))
        args = req.args
        text = (
            args
            if any(w in fold(args) for w in ("hvor mye", "how much", "egenandel"))
            else f"hvor mye {args}"
        )
        return Reply.of(self.engine.ask(text, req.today, req.who.chat))

    def calculation(
        self,
        scheme_id: str,
        grant_year: int | None,
        positions: str,
        cost: int | None,
        today: dt.date,
        lang: Lang = "nb",
    ) -> Answer:
        """Compute a guided calculation (/beregn): grant, or own share when a cost is given."""
        if scheme_id not in self.kb.schemes:  # a forged or outdated choice
            unknown = t("schemes.unknown", lang, name=scheme_id)
            return _answer("amount", [unknown], lang, answered=False)
        u = self._blank("own_share" if cost is not None else "amount", lang)
        u.scheme = scheme_id
        u.schemes_mentioned = [scheme_id]
        u.slots = {"positions": positions}
        if grant_year is not None:
            u.slots["grant_year"] = grant_year
        if cost is not None:
            u.slots["cost"] = cost
        return self.engine.composer.figures(u, today, lang)

    def cancel(self, req: Request) -> Reply:
        """/avbryt outside a dialogue: there is nothing to cancel."""
        return Reply.plain(t("cancel.nothing", req.lang))

    def sources(self, req: Request) -> Reply:
        """Show the sources of the chat's last answer."""
        lang = req.lang
        found = self.engine.last_sources(req.who.chat, req.today)
        if not found:
            return Reply.of(_answer("sources", [t("sources.none", lang)], lang, answered=False))
        lines = [f"– {p.title}: {p.label()}" for p in found]
        title = t("sources.title", lang)
        return Reply.of(_answer("sources", ["\n".join(lines)], lang, title=title))

    # --- privacy ------------------------------------------------------------------------------

    def privacy(self, req: Request) -> Reply:
        """Say exactly what is stored about this chat."""
        lang, chat_id = req.lang, req.who.chat_id
        stored = self.engine.contexts.describe(req.who.chat)
        lines = [t("privacy.head", lang)]
        if stored:
            lines.append(
                t(
                    "privacy.context",
                    lang,
                    intent=stored["intent"],
                    scheme=stored["scheme"] or "–",
                    slots=stored["slots"] or "–",
                    day=stored["day"],
                )
            )
        else:
            lines.append(t("privacy.nothing", lang))
        if chat_id is not None and (count := self.buttons.count(chat_id)):
            lines.append(t("privacy.buttons", lang, count=count))
        lines += self._stored_reminders(chat_id, lang)
        lines.append(t("privacy.review", lang, limit=MAX_PER_CHAT_DAY))
        if chat_id is not None and self.desk is not None:
            lines += self.desk.describe(chat_id, lang)
        lines.append(t("privacy.delete", lang))
        title = t("privacy.title", lang)
        return Reply.of(_answer("privacy", lines, lang, title=title))

    def _stored_reminders(self, chat_id: int | None, lang: Lang) -> list[str]:
        """Describe the chat's reminder subscription and messages (Telegram chats only)."""
        if chat_id is None:
            return []
        data = self.state.describe_chat(chat_id)
        sub, messages = data["subscription"], data["messages"]
        lines = [t("privacy.reminders", lang)]
        if sub is None:
            lines.append(t("privacy.no_subscription", lang))
        else:
            from bot.state import ALL

            schemes = sub["schemes"]
            lines.append(
                t(
                    "privacy.subscription",
                    lang,
                    chat_id=chat_id,
                    schemes=t("privacy.all_schemes", lang)
                    if schemes == ALL
                    else ", ".join(schemes),
                    days=", ".join(str(o) for o in sub["offsets"]),
                    lang=sub["lang"],
                    active=t("privacy.yes" if sub["active"] else "privacy.no", lang),
                    created=sub["created"],
                    since=sub["since"],
                )
            )
        if messages:
            counts = ", ".join(f"{status}: {n}" for status, n in sorted(messages.items()))
            lines.append(t("privacy.outbox", lang, counts=counts))
        return lines

    def delete_me(self, req: Request) -> Reply:
        """Delete everything stored about this chat."""
        had = self.engine.contexts.forget(req.who.chat)
        posts: tuple[Post, ...] = ()
        if req.who.chat_id is not None:
            deleted = self.state.forget_chat(req.who.chat_id)
            buttons = self.buttons.forget(req.who.chat_id)
            had = had or any(deleted.values()) or buttons > 0
            if self.desk is not None:
                questions, posts = self.desk.forget(req.who.chat_id, req.today)
                had = had or questions > 0
            self.state.db.scrub()  # no copy of the deleted rows is left in the WAL
        text = t("privacy.deleted" if had else "privacy.nothing_stored", req.lang)
        answer = _answer("privacy", [text], req.lang)
        return Reply((Message.of(answer),), forget=True, answer=answer, posts=posts)

    # --- the caseworker desk (bot.desk) -------------------------------------------------------

    def handover(self, req: Request) -> Reply:
        """/spor_saksbehandler TEKST: show what would go to the caseworkers, with Send."""
        if self.desk is None:
            return Reply.plain(t("desk.none", req.lang))
        return self.desk.prepare(req.raw, req.who, req.today, req.lang)

    def statistics(self, req: Request) -> Reply:
        """/statistikk [UKER]: what the bot achieves, per week and in total, with a chart."""
        if self.desk is None:
            return Reply.plain(t("desk.caseworkers_only", req.lang))
        return self.desk.statistics(req.who, req.today, req.lang, req.args)

    # --- reminders (bot.alerts) ---------------------------------------------------------------

    def reminders(self, req: Request) -> Reply:
        """Run /abonner, /avslutt, /mine_varsler or /varsler for a Telegram chat."""
        if req.who.chat_id is None:
            return self._telegram_only(req)
        from bot.alerts import Alerts

        alerts = Alerts(self.state, self.engine, req.lang)
        return Reply.of(alerts.run(req.name, req.args, req.who.chat_id, req.today))

    def calendar(self, req: Request) -> Reply:
        """/kalender: the deadlines of the chat's subscription as an .ics file."""
        if req.who.chat_id is None:
            return self._telegram_only(req)
        from bot.alerts import CALENDAR_FILE, Alerts

        alerts = Alerts(self.state, self.engine, req.lang)
        data, answer = alerts.calendar(req.args, req.who.chat_id, req.today)
        if data is None:
            return Reply.of(answer)
        message = Message.of(answer)
        document = Message(message.text, message.html, document=Document(CALENDAR_FILE, data))
        return Reply((document,), answer=answer)

    def _telegram_only(self, req: Request) -> Reply:
        """Say that reminders are a Telegram thing."""
        text = t("alerts.telegram_only", req.lang)
        return Reply.of(_answer("subscription", [text], req.lang, answered=False))

    # --- admins (bot.admin) -------------------------------------------------------------------

    def announce(self, req: Request) -> Reply:
        """/kunngjor TEXT: preview an announcement to every subscriber."""
        return self.admin.announce(req)

    def new_deadline(self, req: Request) -> Reply:
        """/ny_frist ORDNING ÅR TYPE DATO [tentativ]: preview a deadline change."""
        return self.admin.new_deadline(req)

    def reload(self, req: Request) -> Reply:
        """/oppdater: validate the edited sources and swap them in."""
        return self.admin.reload(req)

    def unanswered(self, req: Request) -> Reply:
        """/ubesvart: the review queue, grouped."""
        return self.admin.unanswered(req)

    def status(self, req: Request) -> Reply:
        """/status: the knowledge base and what the bot keeps."""
        return self.admin.status(req)

    # --- caseworker look-up -------------------------------------------------------------------

    def _hit(self, row: dict[str, object], matched: float) -> LookupHit | None:
        """Turn a row of the full-text index into a hit on the current knowledge base."""
        kind, ref = str(row["kind"]), str(row["ref"])
        if kind == "faq" and ref in self.kb.faq:
            entry = self.kb.faq[ref]
            text = f"{entry.answer} ({entry.years.label()})"
            return LookupHit(matched, entry.question, text, self.kb.provenance(entry))
        scheme_id, _, index = ref.partition("/facts/")
        if kind.startswith("fact:") and scheme_id in self.kb.schemes and index.isdigit():
            scheme = self.kb.schemes[scheme_id]
            if int(index) < len(scheme.facts):
                fact = scheme.facts[int(index)]
                label = TOPIC_LABELS[fact.topic]["nb"]
                title = f"{scheme.names.short} – {label} ({fact.years.label()})"
                return LookupHit(matched, title, fact.text, self.kb.provenance(fact))
        return None  # a scheme's names, or a row of a database the swap has not reached

    def search(self, query: str, limit: int = 5) -> list[LookupHit]:
        """Rank FAQ entries and facts against a query with the knowledge database's FTS5 index.

        Function words are dropped and the others cut to their stems; a hit must hold at least
        half of the stems as word prefixes (æøå folded), and hits come in the index's bm25 order.
        """
        folded = WORD.findall(fold(clean(query)[0]))
        plain = function_words(self.kb)
        words = list(dict.fromkeys(_stem(w) for w in folded if w not in plain))
        if not words or self.knowledge_db is None:
            return []
        try:
            rows = search(self.knowledge_db, " ".join(words), limit=limit * 4 + 10)
        except StoreError:
            return []  # no database to search (yet): nothing found, the bot goes on
        hits = []
        for row in rows:
            text = ascii_fold(" ".join(str(row[k] or "") for k in ("title", "body")))
            found = set(WORD.findall(text))
            matched = sum(any(t.startswith(w) for t in found) for w in words) / len(words)
            hit = self._hit(row, 100 * matched) if matched >= 0.5 else None
            if hit is not None:
                hits.append(hit)
        return hits[:limit]

    def lookup(self, req: Request) -> Reply:
        """Answer /faq QUERY with the best matching answers, ranked, each with its source."""
        lang, query = req.lang, req.args
        if not query:
            return Reply.of(_answer("faq_lookup", [t("lookup.usage", lang)], lang, answered=False))
        hits = self.search(query)
        if not hits:
            text = t("lookup.none", lang, query=query)
            return Reply.of(_answer("faq_lookup", [text], lang, answered=False))
        paragraphs = [
            f"{i}. {h.title}\n{h.text}\n({h.source.label()})" for i, h in enumerate(hits, 1)
        ]
        answer = _answer("faq_lookup", paragraphs, lang, title=t("lookup.title", lang, query=query))
        answer.sources = unique_sources([h.source for h in hits])
        return Reply.of(answer)


EVERYONE: Audience = "everyone"
ADMIN: Audience = "admin"
S = CommandService

#: Every command, in the order of the menus and /hjelp.
COMMANDS: tuple[Command, ...] = (
    Command("start", "Velkommen og hovedvalg", "Welcome and main choices", EVERYONE, S.start),
    Command(
        "hjelp", "Hva jeg kan svare på", "What I can answer", EVERYONE, S.help, aliases=("help",)
    ),
    Command("ordninger", "Tilskuddsordningene", "The grant schemes", EVERYONE, S.schemes),
    Command(
        "frister",
        "Kommende og siste kjente frister",
        "Upcoming and latest known deadlines",
        EVERYONE,
        S.deadlines,
    ),
    Command(
        "beregn",
        "Beregn tilskudd og egenandel",
        "Calculate a grant and own share",
        EVERYONE,
        S.calculate,
    ),
    Command(
        "faq", "Slå opp i spørsmål og svar", "Look up questions and answers", EVERYONE, S.lookup
    ),
    Command(
        "kilde", "Kildene bak siste svar", "The sources of the last answer", EVERYONE, S.sources
    ),
    Command(
        "abonner",
        "Få påminnelser før frister",
        "Get reminders before deadlines",
        EVERYONE,
        S.reminders,
    ),
    Command("mine_varsler", "Dine påminnelser", "Your reminders", EVERYONE, S.reminders),
    Command(
        "varsler",
        "Hvor mange dager før fristen",
        "How many days before the deadline",
        EVERYONE,
        S.reminders,
    ),
    Command("avslutt", "Slutt å få påminnelser", "Stop the reminders", EVERYONE, S.reminders),
    Command(
        "kalender",
        "Fristene dine som kalenderfil (.ics)",
        "Your deadlines as a calendar file (.ics)",
        EVERYONE,
        S.calendar,
    ),
    Command(
        "personvern", "Hva som er lagret om deg", "What is stored about you", EVERYONE, S.privacy
    ),
    Command(
        "slettmeg",
        "Slett det som er lagret om deg",
        "Delete what is stored about you",
        EVERYONE,
        S.delete_me,
    ),
    Command(
        "spor_saksbehandler",
        "Send spørsmålet til en saksbehandler",
        "Send the question to a caseworker",
        EVERYONE,
        S.handover,
    ),
    Command(
        "avbryt", "Avbryt en beregning", "Cancel a calculation", EVERYONE, S.cancel, menu=False
    ),
    Command(
        "statistikk",
        "Hva boten oppnår, uke for uke (saksbehandlere)",
        "What the bot achieves, week by week (caseworkers)",
        EVERYONE,  # the desk checks: admins, and the caseworkers' group
        S.statistics,
        menu=False,
        slow=True,
    ),
    Command(
        "kunngjor",
        "Send en kunngjøring til alle abonnenter",
        "Send an announcement to every subscriber",
        ADMIN,
        S.announce,
        slow=True,
    ),
    Command(
        "ny_frist",
        "Legg til eller rett en frist",
        "Add or correct a deadline",
        ADMIN,
        S.new_deadline,
        slow=True,
    ),
    Command(
        "oppdater",
        "Last inn de redigerte kildene",
        "Load the edited sources",
        ADMIN,
        S.reload,
        slow=True,
    ),
    Command(
        "ubesvart",
        "Spørsmål jeg ikke kunne svare på",
        "Questions I could not answer",
        ADMIN,
        S.unanswered,
        slow=True,
    ),
    Command(
        "status", "Kunnskapsbasen og lagret tilstand", "Knowledge base and state", ADMIN, S.status
    ),
)

_BY_NAME = {name: c for c in COMMANDS for name in (c.name, *c.aliases)}


def find_command(name: str) -> Command | None:
    """Return the command with a name or alias."""
    return _BY_NAME.get(name)


def menu(audience: Audience) -> tuple[Command, ...]:
    """Return the commands of one audience that menus and /hjelp list."""
    return tuple(c for c in COMMANDS if c.audience == audience and c.menu)


def command_list(audience: Audience, lang: Lang = "nb") -> str:
    """List the menu commands of an audience, one per line: '/faq – Slå opp …'."""
    return "\n".join(f"/{c.name} – {c.description(lang)}" for c in menu(audience))
