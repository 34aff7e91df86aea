"""Text folding shared by the search index and question understanding."""

from __future__ import annotations

ASCII_FOLD = str.maketrans(
    {
        "æ": "ae",
        "ø": "o",
        "å": "a",
        "é": "e",
        "è": "e",
        "ü": "u",
        "ä": "a",
        "ö": "o",
        "«": " ",
        "»": " ",
        "“": " ",
        "”": " ",
        "’": "'",
    }
)


def ascii_fold(text: str) -> str:
    """Lower-case and fold æøå and accents to ASCII ('Søknadsfrist' -> 'soknadsfrist')."""
    return text.lower().translate(ASCII_FOLD)
