"""Contact answers: offices, named people and their details."""

from __future__ import annotations

import datetime as dt
import functools
import re

from bot import asof, fmt
from bot.answer import Answer
from bot.answers.base import AnswerBase
from bot.answers.common import PERSON, STILL_ASK, _padded, _says, heading, t
from bot.text import fold
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.kb import Provenance


class ContactAnswers(AnswerBase):
    """Answer contact questions."""

    def office_contact_lines(self, sources: list[Provenance], lang: Lang) -> list[str]:
        """List the contacts of the offices behind some sources."""
        lines = []
        for office_id in dict.fromkeys(p.office_id for p in sources):
            office = self.kb.offices[office_id]
            name = heading(asof.office_name(office, lang))
            for c in office.contacts:
                role, note = (
                    (c.role, c.note) if lang == "nb" else (c.role_en or c.role, c.note_en or c.note)
                )
                bits = [b for b in (c.name, role, c.email, c.phone, c.web, note) if b]
                lines.append(f"{name}: " + ", ".join(bits))
        return lines

    def foreign_office(self, u: Understanding) -> Answer | None:
        """Decline a question naming an office the sources hold nothing from, naming it.

        'Hvilke tilskudd gir Statsforvalteren i Nordland?' gets no other office's schemes,
        deadlines, figures or contacts, whatever else it asks.
        """
        named = u.slots.get("unknown_office")
        if not named:
            return None
        lang: Lang = "en" if u.lang == "en" else "nb"
        offices = [str(n) for n in (named if isinstance(named, tuple | list) else [named])]
        if lang == "en":
            offices = [f"the County Governor of {n.split(' i ', 1)[-1]}" for n in offices]
        known = fmt.join(
            [
                # 'et statsforvalterembete (ikke navngitt i kilden)' inside the sentence
                name if o.kind == "statsforvalter" else name[:1].lower() + name[1:]
                for o in self.kb.offices.values()
                for name in [asof.office_name(o, lang)]
            ],
            lang,
        )
        office = fmt.join(offices, lang)
        return self.answer(
            u, lang, [t("foreign_office", lang, office=office, known=known)], answered=False
        )

    @functools.cached_property
    def _role_asked(self) -> re.Pattern[str] | None:
        """The holder of a title asked ('hvem var helseminister'), of words.yaml's roles
        (built once); None without roles."""
        words = self.kb.language.contacts if self.kb.language else None
        if words is None or not words.roles:
            return None
        roles = "|".join(re.escape(fold(r)) for r in sorted(words.roles, key=len, reverse=True))
        return re.compile(
            rf"\b(?:(?:hvem|kven|who)\s+(?:var|er|vart|was|is|were)\s+(?:the\s+)?"
            rf"|(?:navnet|namnet|name)\s+(?:pa|til|of)\s+(?:the\s+)?"
            rf"|(?:hva|kva|what)\s+(?:het|heter|heitte|heiter|was|is)\s+(?:the\s+)?)"
            rf"(?P<role>{roles})\b"
        )

    def role_unnamed(self, u: Understanding, answer: Answer) -> Answer | None:
        """Decline a name asked of a title the sources give no name for, with what they say.

        'Hvem var helseminister da brevet ble sendt?': the sources say the letter was from
        'helseministeren' and never who that was; the title is no answer to who held it.
        """
        role_asked = self._role_asked
        asked = role_asked.search(u.folded) if role_asked is not None else None
        if asked is None:
            return None
        text = fold(answer.text)
        if any(
            PERSON.fullmatch(c.name or "") and fold(c.name or "") in text
            for o in self.kb.offices.values()
            for c in o.contacts
        ):
            return None
        said = asked.group("role").split()
        role = " ".join(
            w for w in re.findall(r"[\wæøåÆØÅ-]+", u.text) if fold(w) in said
        ) or asked.group("role")
        lang: Lang = "en" if u.lang == "en" else "nb"
        lines = [t("role_unnamed", lang, role=role)]
        if answer.answered and answer.paragraphs:
            lines.append(
                ("Det kildene sier: " if lang == "nb" else "What they say: ") + answer.paragraphs[0]
            )
        sources = answer.sources if answer.answered else []
        return self.answer(u, lang, lines, sources=sources, answered=False)

    def foreign_country(self, u: Understanding) -> Answer | None:
        """Decline a question about a grant in a country other than Norway, naming it.

        'Hvor mye får vi til rusarbeid i Sverige?' gets no Norwegian scheme's figures: the
        sources hold only Norwegian state grants.
        """
        country = u.slots.get("foreign_country")
        if not country:
            return None
        lang: Lang = "en" if u.lang == "en" else "nb"
        return self.answer(u, lang, [t("foreign_country", lang, country=country)], answered=False)

    def contact(self, u: Understanding, today: dt.date, lang: Lang) -> Answer:
        """List contacts: of the named office, of the offices behind a scheme, or all.

        An office the sources do not cover ('statsforvalteren i Vestland') gets no other
        office's contacts.
        """
        office = u.slots.get("office")
        if office:
            offices = [office]
        elif u.scheme:
            scheme = self.kb.schemes[u.scheme]
            facts = [*scheme.facts, *scheme.deadlines]
            offices = list(dict.fromkeys(self.kb.office_of(f) for f in facts))
        else:
            offices = list(self.kb.offices)
        paragraphs, sources = [], []
        for office_id in offices:
            o = self.kb.offices[office_id]
            for c in o.contacts:
                prov = self.kb.provenance(c)
                english = lang == "en"
                parts = (
                    (c.name_en or c.name, c.role_en or c.role, c.note_en or c.note)
                    if english
                    else (c.name, c.role, c.note)
                )
                where = (
                    f"{o.name_en or o.name} ({prov.date_text_en or prov.date_text})"
                    if english
                    else f"{o.name} ({prov.date_text})"
                )
                who, role, note = parts
                bits = [b for b in (who, role, c.email, c.phone, c.web, note) if b]
                paragraphs.append(f"{where}: " + ", ".join(bits))
                sources.append(prov)
        if not paragraphs:
            return self.dont_know(u, lang)
        title = "Kontakter" if lang == "nb" else "Contacts"
        narrowed = self.contact_detail(u, lang, offices)
        if narrowed is not None:
            return narrowed
        lead = self.contact_gap(u, lang, offices, sources)
        if lead is not None:
            # a detail none of these contacts has, or whether they still hold: not known
            return self.answer(u, lang, [lead, *paragraphs], sources=sources, answered=False)
        return self.answer(u, lang, paragraphs, sources=sources, title=title)

    def contact_gap(
        self, u: Understanding, lang: Lang, offices: list[str], sources: list[Provenance]
    ) -> str | None:
        """Why a contact question is not answered by the contacts listed, or None if it is.

        'telefonnummeret til Statsforvalteren i Innlandet' when none of its contacts has a
        phone number in the sources; 'er han fortsatt kontaktperson?' asks what is true now,
        which sources of a past date cannot tell.
        """
        wanted = next((k for k in ("phone", "email") if _says(u, self.words[k])), None)
        contacts = [c for o in offices for c in self.kb.offices[o].contacts]
        names = ", ".join(self.kb.offices[o].name for o in offices)
        if wanted and not any(getattr(c, wanted) for c in contacts):
            nb, en = {"phone": ("telefonnummer", "phone number"), "email": ("e-post", "e-mail")}[
                wanted
            ]
            return (
                f"Kildene oppgir ikke noe {nb} for {names}. Det de oppgir:"
                if lang == "nb"
                else f"The sources give no {en} for {names}. What they give:"
            )
        if STILL_ASK.search(f" {u.folded} ") and sources:
            dates = ", ".join(
                dict.fromkeys(
                    (p.date_text_en or p.date_text) if lang == "en" else p.date_text
                    for p in sources
                )
            )
            return (
                f"Det kan kildene ikke si: de er fra {dates}, og jeg vet ikke om noen av "
                "kontaktene fortsatt gjelder. Sjekk embetets nettsider. Det kildene oppgir:"
                if lang == "nb"
                else f"The sources cannot tell: they are from {dates}, and I do not know whether "
                "any of these contacts still holds. Check the office's website. What they give:"
            )
        return None

    def contact_detail(self, u: Understanding, lang: Lang, offices: list[str]) -> Answer | None:
        """A named person's detail, or a title's holder the sources do not name.

        'telefonnummeret til Arild Bækkevold' gets his details only, and is told plainly when
        the sources give no phone number for him; 'hvem er statsforvalter i Innlandet' is told
        that the sources name no holder of that title (only the contacts they do give).
        """
        words = self.kb.language.contacts if self.kb.language else None
        if words is None:
            return None
        text = f"{u.folded} {fold(u.text)}"
        padded = _padded(text)
        people = [
            (office_id, c)
            for office_id in self.kb.offices
            for c in self.kb.offices[office_id].contacts
            if c.name
            and c.email
            and any(
                name and all(f" {w} " in padded for w in fold(name).split())
                for name in (c.name, c.name_en)
            )
        ]
        titles = "|".join(re.escape(fold(t)) for t in words.titles)
        head = re.search(rf"\b(?:hvem|who)\s+(?:er|is)\s+(?:the\s+)?(?:{titles})\b", text)
        if head and not people:
            listed = "; ".join(
                f"{c.name} ({c.role if lang == 'nb' else c.role_en or c.role})"
                if c.role
                else str(c.name)
                for office_id in offices
                for c in self.kb.offices[office_id].contacts
                if c.name
            )
            msg = (
                "Kildene mine navngir ikke hvem som har den stillingen. "
                f"Kontaktene de gir: {listed}."
                if lang == "nb"
                else f"My sources do not name who holds that office. The contacts they give: "
                f"{listed}."
            )
            return self.answer(u, lang, [msg], answered=False)
        if not people:
            return None
        wanted = next((k for k in ("phone", "email") if _says(u, self.words[k])), None)
        lines, sources, missing = [], [], []
        for office_id, c in people:
            o = self.kb.offices[office_id]
            value = getattr(c, wanted) if wanted else None
            role = c.role if lang == "nb" else c.role_en or c.role
            name = c.name if lang == "nb" else c.name_en or c.name
            bits = [b for b in (name, role, c.email, c.phone) if b]
            lines.append(f"{heading(asof.office_name(o, lang))}: " + ", ".join(bits))
            sources.append(self.kb.provenance(c))
            if wanted and not value:
                missing.append(str(c.name))
        if missing:
            what = {"phone": ("telefonnummer", "phone number"), "email": ("e-post", "e-mail")}
            nb, en = what[wanted or "phone"]
            lead = (
                f"Kildene oppgir ikke noe {nb} for {', '.join(missing)}. Det de oppgir:"
                if lang == "nb"
                else f"The sources give no {en} for {', '.join(missing)}. What they give:"
            )
            return self.answer(u, lang, [lead, *lines], sources=sources, answered=False)
        title = "Kontakt" if lang == "nb" else "Contact"
        return self.answer(u, lang, lines, sources=sources, title=title)
