"""Words the answers use for topics, deadline kinds and offices, in bokmål and English."""

from __future__ import annotations

from bot.fmt import Lang as Lang  # the one definition, re-exported for the answer modules
from knowledge.schema import DeadlineKind, Topic

TOPIC_LABELS: dict[Topic, dict[Lang, str]] = {
    Topic.PURPOSE: {"nb": "Formål", "en": "Purpose"},
    Topic.TARGET_GROUP: {"nb": "Målgruppe", "en": "Target group"},
    Topic.WHO_MAY_APPLY: {"nb": "Hvem kan søke", "en": "Who may apply"},
    Topic.FUNDS: {"nb": "Hva det gis tilskudd til", "en": "What it funds"},
    Topic.NOT_FUNDED: {"nb": "Det gis ikke tilskudd til", "en": "What it does not fund"},
    Topic.PRIORITIES: {"nb": "Prioriteringer", "en": "Priorities"},
    Topic.REPORTING: {"nb": "Rapportering", "en": "Reporting"},
    Topic.AUDIT: {"nb": "Regnskap og revisjon", "en": "Accounts and audit"},
    Topic.STATUS: {"nb": "Status", "en": "Status"},
    Topic.APPLY_HOW: {"nb": "Slik søker du", "en": "How to apply"},
    Topic.APPEAL: {"nb": "Klagerett", "en": "Right of appeal"},
    Topic.OWN_SHARE: {"nb": "Egenandel", "en": "Own share"},
    Topic.DURATION: {"nb": "Varighet", "en": "Duration"},
    Topic.ADMINISTRATION: {"nb": "Forvaltning", "en": "Administration"},
    Topic.NOTE: {"nb": "Merknader", "en": "Notes"},
}

DEADLINE_LABELS: dict[DeadlineKind, dict[Lang, str]] = {
    DeadlineKind.APPLICATION: {"nb": "Søknadsfrist", "en": "Application deadline"},
    DeadlineKind.REPORT: {"nb": "Rapporteringsfrist", "en": "Reporting deadline"},
    DeadlineKind.ACCOUNTS: {"nb": "Regnskapsfrist", "en": "Accounts deadline"},
}

WORDS: dict[str, dict[Lang, str]] = {
    # a date or statement the source itself marks as assumed ('vi antar 15.3.2021', 'April(?)'):
    # every answer marks it with these words, the source's own word family ('antatt') first
    "tentative": {
        "nb": "antatt og foreløpig, usikker i kilden",
        "en": "assumed and tentative, uncertain in the source",
    },
    "unknown": {
        "nb": "ukjent: kilden oppgir ingen dato",
        "en": "unknown: the source gives no date",
    },
    "source": {"nb": "Kilde", "en": "Source"},
    "sources": {"nb": "Kilder", "en": "Sources"},
    "also_called": {"nb": "Også kalt", "en": "Also called"},
    "budget": {"nb": "Kapittel og post", "en": "Budget chapter and post"},
    "administered_by": {"nb": "Forvaltes av", "en": "Administered by"},
    "appropriations": {"nb": "Bevilgninger", "en": "Appropriations"},
    "deadlines": {"nb": "Frister", "en": "Deadlines"},
    "rules": {"nb": "Beregningsregler", "en": "Calculation rules"},
    "faq": {"nb": "Spørsmål og svar", "en": "Questions and answers"},
    "approximate": {"nb": "omtrent", "en": "approximately"},
    "prognosis": {"nb": "prognose", "en": "prognosis"},
    "national": {"nb": "nasjonalt", "en": "nationally"},
    "later_years": {
        "nb": "Det kildene sier om årene etter",
        "en": "What the sources say about the years after them",
    },
    "last_grant_year": {"nb": "siste tilskuddsår", "en": "last grant year"},
}


def word(key: str, lang: Lang = "nb") -> str:
    """Return a shared word in the answer language."""
    return WORDS[key][lang]
