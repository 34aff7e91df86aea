"""Masking of personal data people type: identity numbers, phone numbers, e-mail, names.

One function, ``mask_personal_data``, is used before any question text is stored or shown to
anyone but its author (the review queue, the caseworker desk). It replaces each finding with a
placeholder such as ``[fødselsnummer]`` and says which kinds it found, so the caller can tell
the user. Masking is deliberately eager: a false positive costs a word of a question, a false
negative leaks a person's data.

- Identity numbers: 11 digits (a space, dot or hyphen allowed after the date part) whose two
  mod-11 check digits are valid (fødselsnummer and D-numbers).
- Phone numbers: Norwegian 8-digit numbers (optionally +47/0047, grouped 2-2-2-2, 3-2-3 or
  4-4) and international numbers with a leading +; not an amount ("12345678 kr").
- E-mail addresses.
- Names the user introduces: "jeg heter Kari Nordmann", "mitt navn er ...", "eg heiter ...",
  "my name is ...", "I'm ...", and sign-offs ("hilsen Kari", "mvh Ola N.", "regards Jane");
  after "jeg heter", "mitt navn er", "hilsen" and the like also in lower case ("hilsen kari").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Placeholders per kind, in the order kinds are reported.
PLACEHOLDERS = {
    "id_number": "[fødselsnummer]",
    "email": "[e-post]",
    "phone": "[telefon]",
    "name": "[navn]",
}

_W1 = (3, 7, 6, 1, 8, 9, 4, 5, 2)
_W2 = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)

_ID = re.compile(r"(?<![\d+])(\d{6})[ .-]?(\d{5})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_PHONE = re.compile(
    r"(?<![\w+])"
    r"(?:(?:\+|00)47[ .-]?)?"
    r"(?:\d{8}|\d{2}(?:[ .-]\d{2}){3}|\d{3}[ .-]\d{2}[ .-]\d{3}|\d{4}[ .-]\d{4})"
    r"(?![\d])"
    r"|(?<![\w+])\+\d{1,3}(?:[ .-]?\d){6,12}(?!\d)"
)
# An amount is not a phone number: "12345678 kr", "kr 12 34 56 78", "15000000 kroner".
_AMOUNT_AFTER = re.compile(r"\s*(?:kr\b|kroner|nok\b|,-)", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:\bkr\.?|\bnok)\s*$", re.IGNORECASE)
# "2021-2024" is a range of years, not a phone number.
_YEARS = re.compile(r"(?:19|20)\d\d[ .-](?:19|20)\d\d")
# Up to three words after an introduction: how many of them are the name is decided below.
_NAME = r"(?P<name>[^\W\d_][\w'-]*\.?(?:[ \t]+[^\W\d_][\w'-]*\.?){0,2})"
_INTRO = re.compile(
    r"\b(?P<intro>jeg\s+heter|eg\s+heiter|mitt\s+(?:navn|namn)\s+er|(?:navnet|namnet)\s+mitt\s+er"
    r"|jeg\s+er|eg\s+er|my\s+name\s+is|i\s+am|i'm|this\s+is"
    r"|hilsen|helsing|mvh|vennlig\s+hilsen|med\s+vennlig\s+hilsen|regards|best\s+regards"
    r"|kind\s+regards|cheers)\s*,?\s+" + _NAME,
    re.IGNORECASE,
)
# Introductions that also introduce roles ("jeg er NAV-leder"): an all-caps or hyphenated
# word after them is not taken for a name.
_WEAK = frozenset({"jeg er", "eg er", "i am", "i'm", "this is"})
# Words after "jeg er"/"I am" that are not names (roles, states): never masked.
_NOT_NAMES = frozenset(
    {
        "koordinator",
        "rådgiver",
        "leder",
        "saksbehandler",
        "kommunen",
        "fra",
        "i",
        "på",
        "usikker",
        "ny",
        "nav",
        "a",
        "an",
        "the",
        "not",
        "new",
        "from",
        "in",
        "at",
        "unsure",
        "working",
    }
)


@dataclass(frozen=True)
class Masked:
    """A text with personal data replaced, and the kinds that were found."""

    text: str
    kinds: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """Whether anything was masked."""
        return bool(self.kinds)


def placeholder_kinds(text: str) -> tuple[str, ...]:
    """The kinds whose placeholder a (masked) text holds, in the order kinds are reported."""
    return tuple(kind for kind, placeholder in PLACEHOLDERS.items() if placeholder in text)


def valid_id_number(digits: str) -> bool:
    """Whether 11 digits carry valid mod-11 check digits (fødselsnummer or D-number)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    numbers = [int(c) for c in digits]
    for weights, position in ((_W1, 9), (_W2, 10)):
        check = 11 - sum(w * n for w, n in zip(weights, numbers, strict=False)) % 11
        if check == 11:
            check = 0
        if check == 10 or check != numbers[position]:
            return False
    return True


# Words that end a name said after "jeg heter", "hilsen", ... (so "jeg heter kari og lurer"
# masks "kari" only); a name after such a strong introduction may be written in lower case.
_AFTER_NAME = frozenset(
    {
        "og",
        "eller",
        "i",
        "på",
        "fra",
        "frå",
        "som",
        "jeg",
        "eg",
        "er",
        "har",
        "vil",
        "skal",
        "kan",
        "lurer",
        "spør",
        "til",
        "for",
        "med",
        "om",
        "hos",
        "and",
        "or",
        "from",
        "in",
        "at",
        "of",
        "am",
        "is",
        "want",
        "would",
        "have",
        "here",
    }
)


def _name_words(words: list[str], weak: bool) -> int:
    """How many of the words after an introduction are the name (0: none)."""
    # A full stop after a word (not an initial, "N.") ends the sentence, and the name.
    ends = [i for i, word in enumerate(words) if word.endswith(".") and len(word) > 2]
    if ends:
        words = words[: ends[0] + 1]
    first = words[0].strip(".,")
    if first.casefold() in _NOT_NAMES or first.casefold() in _AFTER_NAME:
        return 0
    if weak:  # "jeg er ...": only capitalised words, and not a role like NAV-leder
        if not first[0].isupper() or first.isupper() or "-" in first:
            return 0
        count = 1
        while count < len(words) and words[count][0].isupper():
            count += 1
        return count
    count = 1
    while count < len(words) and words[count].strip(".,").casefold() not in _AFTER_NAME:
        count += 1
    return count


def _mask_names(text: str, found: set[str]) -> str:
    def replace(match: re.Match[str]) -> str:
        weak = " ".join(match.group("intro").casefold().split()) in _WEAK
        words = match.group("name").split()
        count = _name_words(words, weak)
        if not count:
            return match.group(0)
        found.add("name")
        start = match.start("name") - match.start(0)
        rest = match.group("name")
        for number, word in enumerate(words[:count], 1):
            if number == count and len(word) > 2:
                word = word.rstrip(".")  # a full stop after the name is the sentence's
            rest = rest[rest.index(word) + len(word) :]
        return match.group(0)[:start] + PLACEHOLDERS["name"] + rest

    return _INTRO.sub(replace, text)


def mask_personal_data(text: str) -> Masked:
    """Replace identity numbers, e-mail addresses, phone numbers and introduced names."""
    found: set[str] = set()

    def id_number(match: re.Match[str]) -> str:
        if valid_id_number(match.group(1) + match.group(2)):
            found.add("id_number")
            return PLACEHOLDERS["id_number"]
        return match.group(0)

    def email(match: re.Match[str]) -> str:
        found.add("email")
        return PLACEHOLDERS["email"]

    def phone(match: re.Match[str]) -> str:
        before, after = match.string[: match.start()], match.string[match.end() :]
        if (
            _YEARS.fullmatch(match.group(0))
            or _AMOUNT_AFTER.match(after)
            or _AMOUNT_BEFORE.search(before)
        ):
            return match.group(0)
        found.add("phone")
        return PLACEHOLDERS["phone"]

    masked = _ID.sub(id_number, text)
    masked = _EMAIL.sub(email, masked)
    masked = _PHONE.sub(phone, masked)
    masked = _mask_names(masked, found)
    return Masked(masked, tuple(k for k in PLACEHOLDERS if k in found))
