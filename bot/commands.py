"""Chat commands in the core, shared by the console chat and the Telegram handlers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, utils

from bot.answer import Answer, Option, unique_sources
from bot.cards import find_scheme, scheme_card
from bot.engine import Engine
from bot.nlu import Understanding
from bot.text import clean, detect_language, fold
from bot.vocab import TOPIC_LABELS, Lang
from knowledge.kb import KnowledgeBase, Provenance

if TYPE_CHECKING:  # the reminder modules load SQLite and calendar libraries: only when used
    from bot.state import StateStore

COMMANDS: dict[str, str] = {
    "start": "Velkommen og hovedvalg",
    "hjelp": "Hva jeg kan svare på",
    "ordninger": "Tilskuddsordningene",
    "frister": "Kommende og siste kjente frister",
    "beregn": "Beregn tilskudd og egenandel",
    "faq": "Slå opp i spørsmål og svar",
    "kilde": "Kildene bak siste svar",
    "abonner": "Få påminnelser før frister",
    "mine_varsler": "Dine påminnelser",
    "varsler": "Hvor mange dager før fristen",
    "avslutt": "Slutt å få påminnelser",
    "kalender": "Fristene dine som kalenderfil (.ics)",
    "personvern": "Hva som er lagret om deg",
    "slettmeg": "Slett det som er lagret om deg",
}

#: The commands of bot.alerts: they need the bot's state store and a Telegram chat.
REMINDER_COMMANDS = frozenset({"abonner", "mine_varsler", "varsler", "avslutt", "kalender"})


@dataclass(frozen=True)
class LookupHit:
    """One ranked look-up result with its source."""

    score: float
    title: str
    text: str
    source: Provenance


class CommandService:
    """Run chat commands against the engine; return Answers like free text does."""

    def __init__(self, engine: Engine, state: StateStore | None = None) -> None:
        """Keep the engine (and through it the knowledge base and contexts).

        With ``state`` (the Telegram bot's store), /personvern and /slettmeg also cover the
        chat's reminder subscription and its messages, given the chat's Telegram id.
        """
        self.engine = engine
        self.state = state
        self._lookup: tuple[str, list[tuple[str, str, str, Provenance]]] = ("", [])

    @property
    def kb(self) -> KnowledgeBase:
        """Return the engine's current knowledge base (it may be swapped while running)."""
        return self.engine.kb

    @property
    def _lookup_index(self) -> list[tuple[str, str, str, Provenance]]:
        """Return the look-up index for the current knowledge base, rebuilt after a swap."""
        kb = self.kb
        if self._lookup[0] != kb.version or not self._lookup[1]:
            self._lookup = (kb.version, self._build_lookup())
        return self._lookup[1]

    def _blank(self, intent: str, lang: Lang = "nb") -> Understanding:
        """Return an Understanding for a command (no free text to read)."""
        return Understanding(text="", folded="", lang=lang, intent=intent, confidence=1.0)

    def run(
        self, name: str, args: str, chat: str, today: dt.date, *, chat_id: int | None = None
    ) -> Answer:
        """Run one command by name ('hjelp', 'ordninger', ...).

        ``chat_id`` is the chat's Telegram id, when there is one (for /personvern, /slettmeg).
        """
        args, _ = clean(args)
        lang: Lang = "en" if args and detect_language(args) == "en" else "nb"
        if name == "personvern":
            return self.privacy(args, chat, today, lang, chat_id=chat_id)
        if name == "slettmeg":
            return self.delete_me(args, chat, today, lang, chat_id=chat_id)
        if name in REMINDER_COMMANDS:
            return self.reminders(name, args, today, lang, chat_id=chat_id)
        handler = {
            "start": self.start,
            "hjelp": self.help,
            "help": self.help,
            "ordninger": self.schemes,
            "frister": self.deadlines,
            "faq": self.lookup,
            "kilde": self.sources,
            "beregn": self.calculate,
        }.get(name)
        if handler is None:
            return Answer(
                intent="unknown_command",
                answered=False,
                confidence=1.0,
                lang=lang,
                paragraphs=[f"Ukjent kommando /{name}. Skriv /hjelp for å se hva jeg kan."],
            )
        return handler(args, chat, today, lang)

    def start(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """Welcome the user with the main tasks as options."""
        answer = self.engine.composer.greeting(self._blank("greeting", lang), today, lang)
        answer.options = [
            Option("Ordninger", "/ordninger"),
            Option("Frister", "/frister"),
            Option("Beregn tilskudd", "/beregn"),
            Option("Hjelp", "/hjelp"),
        ]
        return answer

    def help(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """List what can be asked and the commands."""
        answer = self.engine.composer.help(self._blank("help", lang), today, lang)
        answer.paragraphs.append("\n".join(f"/{c} – {d}" for c, d in COMMANDS.items()))
        return answer

    def schemes(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """List the schemes, or show one scheme's card."""
        if args:
            scheme = find_scheme(self.kb, args)
            if scheme is None:
                return Answer(
                    intent="scheme_card",
                    answered=False,
                    confidence=1.0,
                    lang=lang,
                    paragraphs=[
                        f"Jeg kjenner ingen ordning som heter «{args}». "
                        "Skriv /ordninger for listen."
                    ],
                )
            card = scheme_card(self.kb, scheme.id, lang)
            sources = [self.kb.provenance(f) for f in scheme.facts]
            return Answer(
                intent="scheme_card",
                answered=True,
                confidence=1.0,
                lang=lang,
                paragraphs=card.split("\n\n"),
                scheme=scheme.id,
                sources=[],
                slots={"sources": len(unique_sources(sources))},
            )
        answer = self.engine.composer.list_schemes(self._blank("list_schemes", lang), today, lang)
        answer.options = [
            Option(s.names.short, f"/ordninger {s.id}") for s in self.kb.schemes.values()
        ]
        return answer

    def deadlines(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """List upcoming deadlines and the most recent known ones."""
        u = self._blank("next_deadline", lang)
        if args:
            scheme = find_scheme(self.kb, args)
            if scheme is not None:
                u.scheme = scheme.id
                u.schemes_mentioned = [scheme.id]
        return self.engine.composer.next_deadline(u, today, lang)

    def calculate(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """Run a calculation from words ('år 3 2 årsverk 800000 kr')."""
        if not args:
            return Answer(
                intent="help",
                answered=True,
                confidence=1.0,
                lang=lang,
                paragraphs=[
                    "Skriv for eksempel «/beregn år 3, 2 årsverk» eller "
                    "«/beregn år 2, 1,5 årsverk, stillingen koster 750 000 kr» "
                    "(kommunalt rusarbeid), eller «/beregn NAV 50 % stilling»."
                ],
            )
        text = (
            args
            if any(w in fold(args) for w in ("hvor mye", "how much", "egenandel"))
            else f"hvor mye {args}"
        )
        return self.engine.ask(text, today, chat)

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
        u = self._blank("own_share" if cost is not None else "amount", lang)
        u.scheme = scheme_id
        u.schemes_mentioned = [scheme_id]
        u.slots = {"positions": positions}
        if grant_year is not None:
            u.slots["grant_year"] = grant_year
        if cost is not None:
            u.slots["cost"] = cost
        return self.engine.composer.figures(u, today, lang)

    def sources(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """Show the sources of the chat's last answer."""
        found = self.engine.last_sources(chat, today)
        if not found:
            return Answer(
                intent="sources",
                answered=False,
                confidence=1.0,
                lang=lang,
                paragraphs=["Jeg har ikke gitt deg noe svar med kilder ennå."],
            )
        lines = [f"– {p.title}: {p.label()}" for p in found]
        return Answer(
            intent="sources",
            answered=True,
            confidence=1.0,
            lang=lang,
            title="Kildene bak siste svar",
            paragraphs=["\n".join(lines)],
        )

    def privacy(
        self, args: str, chat: str, today: dt.date, lang: Lang, *, chat_id: int | None = None
    ) -> Answer:
        """Say exactly what is stored about this chat."""
        stored = self.engine.contexts.describe(chat)
        lines = [
            "Jeg lagrer ikke meldingene dine. Om denne chatten husker jeg bare det som "
            "trengs for oppfølgingsspørsmål, i høyst ett døgn:"
        ]
        if stored:
            lines.append(
                f"– siste tema: {stored['intent']}, ordning: {stored['scheme'] or '–'}, "
                f"detaljer: {stored['slots'] or '–'}, dato: {stored['day']}"
            )
        else:
            lines.append("– ingenting akkurat nå.")
        lines += self._stored_reminders(chat_id)
        lines.append("Skriv /slettmeg for å slette det.")
        return Answer(
            intent="privacy",
            answered=True,
            confidence=1.0,
            lang=lang,
            title="Personvern",
            paragraphs=lines,
        )

    def reminders(
        self, name: str, args: str, today: dt.date, lang: Lang, *, chat_id: int | None = None
    ) -> Answer:
        """Run a reminder command for a Telegram chat (see bot.alerts); elsewhere say where."""
        if self.state is None or chat_id is None or name == "kalender":
            return Answer(
                intent="subscription",
                answered=False,
                confidence=1.0,
                lang=lang,
                paragraphs=["Påminnelser og kalenderfil får du i Telegram: skriv /abonner der."],
            )
        from bot.alerts import Alerts

        return Alerts(self.state, self.engine).run(name, args, chat_id, today)

    def _stored_reminders(self, chat_id: int | None) -> list[str]:
        """Describe the chat's reminder subscription and messages, if the bot keeps any."""
        if self.state is None or chat_id is None:
            return []
        data = self.state.describe_chat(chat_id)
        sub, messages = data["subscription"], data["messages"]
        lines = ["Påminnelser om frister (lagret til du skriver /avslutt eller /slettmeg):"]
        if sub is None:
            lines.append("– ingen abonnement.")
        else:
            schemes = sub["schemes"]
            from bot.state import ALL

            followed = "alle ordninger" if schemes == ALL else ", ".join(schemes)
            days = ", ".join(str(o) for o in sub["offsets"])
            lines.append(
                f"– chat-id {chat_id}, ordninger: {followed}; dager før frist: {days}; "
                f"språk: {sub['lang']}; aktiv: {'ja' if sub['active'] else 'nei'}; "
                f"startet {sub['created']}, sist endret {sub['since']}"
            )
        if messages:
            counts = ", ".join(f"{status}: {n}" for status, n in sorted(messages.items()))
            lines.append(f"– påminnelser og kunngjøringer til deg i utboksen ({counts})")
        lines.append(
            "Spørsmål jeg ikke kunne svare på, og svar som er merket 👎, lagres uten chat-id "
            "eller navn i høyst 90 dager, så svarene kan bli bedre."
        )
        return lines

    def delete_me(
        self, args: str, chat: str, today: dt.date, lang: Lang, *, chat_id: int | None = None
    ) -> Answer:
        """Delete everything stored about this chat."""
        had = self.engine.contexts.forget(chat)
        if self.state is not None and chat_id is not None:
            deleted = self.state.forget_chat(chat_id)
            had = had or any(deleted.values())
        text = (
            "Slettet. Jeg husker ikke lenger noe om denne chatten."
            if had
            else "Det var ingenting lagret om deg."
        )
        return Answer(intent="privacy", answered=True, confidence=1.0, lang=lang, paragraphs=[text])

    # --- caseworker look-up ---

    def _build_lookup(self) -> list[tuple[str, str, str, Provenance]]:
        """Index FAQ entries and scheme facts as (search text, title, text, source)."""
        items = []
        for entry in self.kb.faq.values():
            haystack = fold(" ".join([entry.question, *entry.aliases, entry.answer]))
            items.append(
                (
                    haystack,
                    entry.question,
                    f"{entry.answer} ({entry.years.label()})",
                    self.kb.provenance(entry),
                )
            )
        for scheme in self.kb.schemes.values():
            for fact in scheme.facts:
                label = TOPIC_LABELS[fact.topic]["nb"]
                title = f"{scheme.names.short} – {label} ({fact.years.label()})"
                haystack = fold(f"{scheme.names.short} {label} {fact.text}")
                items.append((haystack, title, fact.text, self.kb.provenance(fact)))
        return items

    def search(self, query: str, limit: int = 5) -> list[LookupHit]:
        """Rank FAQ entries and facts against a query."""
        q = fold(clean(query)[0])
        if not q:
            return []
        scored = []
        for haystack, title, text, source in self._lookup_index:
            score = (
                fuzz.token_set_ratio(q, haystack, processor=utils.default_process) * 0.5
                + fuzz.partial_token_sort_ratio(q, haystack) * 0.5
            )
            scored.append(LookupHit(score, title, text, source))
        scored.sort(key=lambda h: -h.score)
        return [h for h in scored[:limit] if h.score >= 50]

    def lookup(self, args: str, chat: str, today: dt.date, lang: Lang) -> Answer:
        """Answer /faq QUERY with the best matching answers, ranked, each with its source."""
        if not args:
            return Answer(
                intent="faq_lookup",
                answered=False,
                confidence=1.0,
                lang=lang,
                paragraphs=[
                    "Skriv hva du leter etter, f.eks. «/faq FACT-team andel» "
                    "eller «/faq klagerett»."
                ],
            )
        hits = self.search(args)
        if not hits:
            return Answer(
                intent="faq_lookup",
                answered=False,
                confidence=1.0,
                lang=lang,
                paragraphs=[
                    f"Fant ingenting om «{args}». Prøv andre ord, eller /ordninger for oversikten."
                ],
            )
        paragraphs = [
            f"{i}. {h.title}\n{h.text}\n({h.source.label()})" for i, h in enumerate(hits, 1)
        ]
        return Answer(
            intent="faq_lookup",
            answered=True,
            confidence=1.0,
            lang=lang,
            title=f"Treff for «{args}»",
            paragraphs=paragraphs,
            sources=unique_sources([h.source for h in hits]),
        )
