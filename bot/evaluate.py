"""Evaluate the engine on the labelled question corpus (tests/data/questions.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml

from bot.engine import Engine

CORPUS_TODAY = dt.date(2026, 11, 23)


@dataclass(frozen=True)
class Case:
    """One labelled question, possibly a turn in a conversation."""

    q: str
    intent: str
    scheme: str | None
    has_scheme: bool
    slots: dict[str, Any]
    must_contain: list[str]
    must_not_contain: list[str]
    answered: bool
    lang: str
    today: dt.date
    chat: str


@dataclass
class Outcome:
    """How the engine did on one case."""

    case: Case
    intent: str
    scheme: str | None
    answered: bool
    answer: str
    problems: list[str]

    @property
    def correct(self) -> bool:
        """Tell whether every expectation held."""
        return not self.problems

    blind: bool = False
    #: the answer said the sources have nothing for the year asked and gave the newest earlier facts
    after_sources: bool = False

    @property
    def wrong_figure(self) -> bool:
        """An answer given with the right intent that lacks an expected figure or gives a trap."""
        if not self.answered:
            return False
        if any(p.startswith("contains") for p in self.problems):
            return True
        return (
            self.case.answered
            and any(p.startswith("missing") for p in self.problems)
            and (self.blind or self.intent == self.case.intent)
        )


@dataclass
class Report:
    """The evaluation's figures."""

    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Share of cases fully correct."""
        return sum(o.correct for o in self.outcomes) / max(1, len(self.outcomes))

    @property
    def abstain_rate(self) -> float:
        """Share of answerable cases the engine declined."""
        answerable = [o for o in self.outcomes if o.case.answered]
        return sum(not o.answered for o in answerable) / max(1, len(answerable))

    @property
    def wrong_figures(self) -> int:
        """Number of answers given with a missing or wrong figure."""
        return sum(o.wrong_figure for o in self.outcomes)

    def out_of_scope_failures(self) -> list[Outcome]:
        """Out-of-scope questions (or ones to decline) that were answered anyway."""
        return [
            o
            for o in self.outcomes
            if o.answered
            and (o.case.intent == "out_of_scope" or (o.blind and not o.case.answered))
            and not (o.blind and not o.case.answered and o.after_sources)
        ]

    def per_intent(self) -> dict[str, tuple[int, int]]:
        """Return (correct, total) per expected intent."""
        table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for o in self.outcomes:
            table[o.case.intent][0] += o.correct
            table[o.case.intent][1] += 1
        return {k: (v[0], v[1]) for k, v in sorted(table.items())}

    def render(self) -> str:
        """Render the report as text."""
        lines = [f"{'intent':<20} {'correct':>7} {'total':>5} {'accuracy':>8}"]
        for intent, (ok, total) in self.per_intent().items():
            lines.append(f"{intent:<20} {ok:>7} {total:>5} {ok / total:>8.1%}")
        lines.append("")
        lines.append(
            f"questions: {len(self.outcomes)}  accuracy: {self.accuracy:.1%}  "
            f"abstain rate: {self.abstain_rate:.1%}  wrong figures: {self.wrong_figures}"
            f"  out-of-scope answered: {len(self.out_of_scope_failures())}"
        )
        wrong = [o for o in self.outcomes if not o.correct]
        if wrong:
            lines += ["", "misclassified or incomplete:"]
            for o in wrong:
                lines.append(
                    f"- {o.case.q!r} [{o.case.chat}]: expected {o.case.intent}, got "
                    f"{o.intent}; " + "; ".join(o.problems)
                )
        return "\n".join(lines)


_EN_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_EN_DECIMAL = re.compile(r"(?<=\d)\.(?=\d)")


def _grouped(text: str, lang: str) -> str:
    """Casefold; in English read thousands' commas as spaces and decimal points as commas."""
    folded = text.casefold()
    if lang != "en":
        return folded
    return _EN_DECIMAL.sub(",", _EN_THOUSANDS.sub(" ", folded))


def _norm(value: Any) -> Any:
    """Normalise slot values for comparison (fractions, numbers as strings)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, str):
        try:
            return Fraction(value.replace(",", "."))
        except (ValueError, ZeroDivisionError):
            return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Fraction(value)
    return value


def load_corpus(path: Path) -> list[list[Case]]:
    """Read the corpus: a list of conversations, each a list of cases."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    conversations: list[list[Case]] = []
    for i, item in enumerate(data):
        turns = item.get("conversation", [item])
        lang = item.get("lang", "nb")
        chat = f"eval-{i}"
        cases = []
        for turn in turns:
            today = turn.get("today", item.get("today"))
            cases.append(
                Case(
                    q=str(turn["q"]),
                    intent=str(turn.get("intent", "")),
                    scheme=turn.get("scheme"),
                    has_scheme="scheme" in turn,
                    slots=dict(turn.get("slots") or {}),
                    must_contain=[str(s) for s in turn.get("must_contain") or []],
                    must_not_contain=[str(s) for s in turn.get("must_not_contain") or []],
                    answered=turn.get("answered", turn.get("intent") != "out_of_scope"),
                    lang=turn.get("lang", lang),
                    today=dt.date.fromisoformat(str(today)) if today else CORPUS_TODAY,
                    chat=chat,
                )
            )
        conversations.append(cases)
    return conversations


def evaluate(engine: Engine, corpus: list[list[Case]], *, blind: bool = False) -> Report:
    """Run every conversation through the engine and check each answer.

    ``blind`` scores a batch written without the code's labels: only the figures and words an
    answer must (not) contain and whether it answered or declined count, not intents or slots.
    """
    report = Report()
    for conversation in corpus:
        for case in conversation:
            answer = engine.ask(case.q, case.today, chat=case.chat)
            problems = []
            if not blind:
                if answer.intent != case.intent:
                    problems.append(f"intent {answer.intent}")
                if case.has_scheme and answer.scheme != case.scheme and case.scheme is not None:
                    problems.append(f"scheme {answer.scheme}")
                for key, expected in case.slots.items():
                    got = answer.slots.get(key)
                    if _norm(got) != _norm(expected):
                        problems.append(f"slot {key}={got!r}, expected {expected!r}")
            # Blind labels write every figure with spaces; English answers group with commas.
            lang = answer.lang if blind else "nb"
            said = _grouped(answer.text, lang)
            for text in case.must_contain:
                if _grouped(text, lang) not in said:
                    problems.append(f"missing {text!r}")
            for text in case.must_not_contain:
                if _grouped(text, lang) in said:
                    problems.append(f"contains {text!r}")
            # An answer that says the sources have nothing for the year asked, and then gives the
            # newest earlier facts said to be so, declines that year: it meets a blind label to
            # decline as well as one that expects the last known figure (its traps still count).
            declined = not answer.answered or answer.after_sources
            declined_as_expected = blind and not case.answered and declined
            if answer.answered != case.answered and not declined_as_expected:
                problems.append(f"answered={answer.answered}")
            report.outcomes.append(
                Outcome(
                    case,
                    answer.intent,
                    answer.scheme,
                    answer.answered,
                    answer.text,
                    problems,
                    blind,
                    answer.after_sources,
                )
            )
    return report


def intent_counts(corpus: list[list[Case]]) -> Counter[str]:
    """Count cases per intent."""
    return Counter(c.intent for conv in corpus for c in conv)
