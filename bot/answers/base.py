"""What every answer family uses: names, declines and the day asked."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from bot import asof, fmt
from bot.answer import Answer, Option, unique_sources
from bot.answers import working
from bot.answers.common import t, text_in
from bot.calc import errors as calc_errors
from bot.calc import results as calc_results
from bot.cards import rule_lines
from bot.text import lazy_pattern
from bot.understanding.patterns import EMAIL_ADDRESS, PREMISE, YES_NO
from bot.understanding.query import Understanding
from bot.vocab import Lang
from knowledge.kb import KnowledgeBase, Provenance
from knowledge.schema import Fact, Scheme, Topic

# 'kan vi få …', 'can we get …': a question that is answered yes or no
CAN_WE = lazy_pattern(r"^(?:og\s+|men\s+|and\s+)?(?:kan|kan vi|kan kommunen|can|could)\b")


def one_address(paragraphs: list[str], lang: Lang) -> list[str]:
    """Drop the where-to-check line's e-mail addresses when the answer gives one already.

    'Hvilken e-post bruker vi for teknisk hjelp?': the address the sources name for that is
    the answer; the office's mailbox beside it would read as a second answer.
    """
    lead = asof.phrase("check", lang, where="").split("  ")[0].rstrip(". ")
    checks = [i for i, p in enumerate(paragraphs) if p.startswith(lead)]
    given = any(EMAIL_ADDRESS.search(p) for i, p in enumerate(paragraphs) if i not in checks)
    if not checks or not given:
        return paragraphs
    out = list(paragraphs)
    for i in checks:
        cleaned = EMAIL_ADDRESS.sub("", out[i])
        cleaned = re.sub(r",\s*(?=[,)])", "", cleaned)
        cleaned = re.sub(r"\(\s*,\s*", "(", cleaned)
        cleaned = re.sub(r"\s*\(\s*\)", "", cleaned)
        out[i] = cleaned
    return out


class AnswerBase:
    """Names, declines and the day asked, shared by every answer family."""

    kb: KnowledgeBase
    words: dict[str, tuple[str, ...]]
    plain_words: frozenset[str]  # function and everyday words (words.yaml)
    function_words: frozenset[str]  # function words alone (words.yaml)
    name_text: str
    place_words: frozenset[str]
    said: dict[str, str]
    handlers: dict[str, Callable[[Understanding, dt.date, Lang], Answer]]

    def answer(
        self,
        u: Understanding,
        lang: Lang,
        paragraphs: list[str],
        *,
        sources: Iterable[Provenance] = (),
        answered: bool = True,
        title: str | None = None,
        scheme: str | None = None,
        options: list[Option] | None = None,
        after_sources: bool = False,
    ) -> Answer:
        """Build an Answer carrying the understanding's intent, slots and confidence."""
        return Answer(
            intent=u.intent,
            answered=answered,
            confidence=u.confidence,
            lang=lang,
            paragraphs=paragraphs,
            title=title,
            scheme=scheme if scheme else u.scheme,
            sources=unique_sources(list(sources)),
            options=options or [],
            slots=dict(u.slots),
            after_sources=after_sources,
        )

    def name(self, scheme_id: str, lang: Lang = "nb") -> str:
        """Return the short name of a scheme, or its English name in an English answer."""
        return asof.scheme_name(self.kb, scheme_id, lang)

    def dont_know(self, u: Understanding, lang: Lang) -> Answer:
        """Decline: say what is not known and what can be answered."""
        return self.answer(u, lang, [t("dont_know", lang)], answered=False)

    def ask_scheme(self, u: Understanding, lang: Lang, candidates: list[str]) -> Answer:
        """Ask which scheme is meant, offering the candidates as options."""
        options = [
            Option(self.name(s, lang), f"{u.text} ({self.name(s, lang)})") for s in candidates[:8]
        ]
        lines = [t("which_scheme", lang)] + [f"– {o.label}" for o in options]
        return self.answer(u, lang, ["\n".join(lines)], answered=False, options=options)

    def schemes_with(self, predicate: Callable[[Scheme], bool]) -> list[str]:
        """Return the ids of schemes that satisfy a predicate, in knowledge-base order."""
        return [sid for sid, s in self.kb.schemes.items() if predicate(s)]

    def facts(self, scheme: Scheme, topics: list[Topic], year: int | None) -> list[Fact]:
        """Return the facts of some topics for a year, or for the newest year that has any."""
        facts = [f for f in scheme.facts if f.topic in topics]
        if year is not None:
            return [f for f in facts if f.years.contains(year)]
        if not facts:
            return []
        newest = max(f.years.first for f in facts)
        return [f for f in facts if f.years.first == newest or f.years.contains(newest)]

    def ladder_lines(self, sid: str, lang: Lang) -> list[str]:
        """Describe a scheme's ladder rules (amounts per grant year, incl. competence money)."""
        lines: list[str] = []
        for rule in self.kb.rules(sid):
            if rule.kind == "ladder":
                lines += rule_lines(rule, lang)
        return lines

    def as_of(self, u: Understanding, today: dt.date) -> dt.date:
        """Return the date a question names ('etter 1.3.2022'), else today."""
        date = u.slots.get("date")
        if date:
            try:
                return dt.date(*date)
            except ValueError:
                return today
        return today

    def calc_answer(
        self,
        u: Understanding,
        lang: Lang,
        result: calc_results.Calculation,
        title: str | None = None,
    ) -> Answer:
        """Render a calculation: working, notes, sources."""
        steps = "\n".join(working.render_step(step, lang) for step in result.steps)
        if result.breakdown:
            steps += "\n" + ("Per kommune:" if lang == "nb" else "By municipality:")
            steps += "".join(f"\n  {n}: {fmt.kroner(a, lang)}" for n, a in result.breakdown)
        notes = [
            working.render_note(n, lang)
            for n in result.notes
            if not (n.quote is not None and n.key is calc_results.NoteKey.RULE_TEXT)
        ]
        paragraphs = [steps] + (["\n".join(f"• {n}" for n in notes)] if notes else [])
        return self.answer(
            u,
            lang,
            paragraphs,
            sources=result.sources,
            title=title,
            scheme=result.scheme_id or u.scheme,
        )

    def calc_error(self, u: Understanding, lang: Lang, error: calc_errors.CalcError) -> Answer:
        """Turn a calculation error into a helpful reply."""
        answered = isinstance(error, calc_errors.InvalidGrantYear)
        text = error.message(lang)
        asks_yes_no = bool(
            PREMISE.search(u.folded) or YES_NO.search(u.folded) or CAN_WE.search(u.folded)
        )
        paragraphs = [text]
        if (
            isinstance(error, calc_errors.InvalidGrantYear)
            and error.reason == "beyond_ladder"
            and asks_yes_no
        ):
            # 'er det riktig at vi får tilskudd også i et femte år?': the answer is no
            paragraphs = [("Nei. " if lang == "nb" else "No. ") + text]
        if isinstance(error, calc_errors.InvalidDuration) and asks_yes_no and u.scheme:
            # 'kan tilskuddet gis i inntil fem år?': no, and what the sources say of the period
            answered = True
            paragraphs = [("Nei. " if lang == "nb" else "No. ") + text]
            scheme = self.kb.schemes[u.scheme]
            durations = [f for f in scheme.facts if f.topic == Topic.DURATION]
            paragraphs += [text_in(f, lang) for f in durations[-1:]]
            sources = [self.kb.provenance(f) for f in durations[-1:]]
            return self.answer(u, lang, paragraphs, sources=sources)
        return self.answer(u, lang, paragraphs, answered=answered)

    def money_as_of(
        self, sid: str, last: int, asked: object, today: dt.date, lang: Lang
    ) -> asof.Dated:
        """Say what the sources say after the newest appropriation, for a later year."""
        year = asked if isinstance(asked, int) else today.year
        if not asof.after(year, last):
            return asof.Dated()
        return asof.later_years(self.kb, sid, last, year, lang)
