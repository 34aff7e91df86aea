"""The one resolver of scheme, municipality, region, county and office names."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from rapidfuzz import fuzz, process

from bot.calc.errors import UnknownGroup, UnknownMunicipality, UnknownOffice, UnknownScheme
from bot.calc.rules import AGDER
from knowledge.kb import KnowledgeBase
from knowledge.schema import Municipality, Office, Scheme

#: Least rapidfuzz WRatio score (0–100) for accepting a misspelt name.
FUZZY_CUTOFF = 85


#: Least lead of the best fuzzy match over the next one for it to be accepted.
FUZZY_MARGIN = 4


#: Shortest query matched by fuzzy score alone (shorter ones need an exact or first-word match).
FUZZY_MIN_LENGTH = 4


#: Least score for a name to be offered as a suggestion.
SUGGEST_CUTOFF = 70


_TRANSLIT = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "é": "e"})


def _norm(text: str) -> str:
    """Normalise a name for matching: casefold, æøå to ASCII, punctuation to spaces."""
    t = text.casefold().translate(_TRANSLIT).replace("aa", "a")
    t = re.sub(r"[^0-9a-z]+", " ", t)
    return " ".join(t.split())


def _fuzzy(query: str, choices: Sequence[str]) -> list[tuple[str, float]]:
    """Score choices against a query with rapidfuzz WRatio, best first."""
    found = process.extract(query, list(choices), scorer=fuzz.WRatio, limit=len(choices))
    return [(choice, float(score)) for choice, score, _index in found]


def _pick(query: str, options: Mapping[str, str]) -> tuple[str | None, list[str]]:
    """Match a normalised query to normalised option keys: (match or None, suggestions)."""
    if query in options:
        return options[query], []
    words = [k for k in options if k.split()[0] == query or k.startswith(query + " ")]
    if len(words) == 1:
        return options[words[0]], []
    scored = _fuzzy(query, list(options))
    if scored:
        best, score = scored[0]
        runner_up = scored[1][1] if len(scored) > 1 else 0.0
        clear = score >= FUZZY_CUTOFF and score - runner_up >= FUZZY_MARGIN
        if clear and len(query) >= FUZZY_MIN_LENGTH:
            return options[best], []
    suggestions = [options[k] for k, s in scored if s >= SUGGEST_CUTOFF]
    return None, list(dict.fromkeys(suggestions))[:3]


def resolve_municipality(kb: KnowledgeBase, text: str | Municipality) -> Municipality:
    """Find a municipality by number ('0906', '906', '0906 Arendal') or name, tolerating typos.

    Names match case- and æøå-insensitively ('arendal', 'Sogne'), by first word ('Evje') and
    by rapidfuzz WRatio (cutoff FUZZY_CUTOFF, with a clear lead). Raises UnknownMunicipality
    with up to three suggestions.
    """
    if isinstance(text, Municipality):
        return text
    areas = sorted({m.county for m in kb.municipalities.values()})
    raw = text.strip()
    number = re.fullmatch(r"(?:kommune(?:nummer|nr\.?)?\s*)?(\d{1,4})\b.*", raw, re.IGNORECASE)
    if number:
        key = number.group(1).zfill(4)
        if key in kb.municipalities:
            return kb.municipalities[key]
        raise UnknownMunicipality(raw, (), areas)
    query = re.sub(r"\s+kommune$", "", _norm(raw))
    if not query:
        raise UnknownMunicipality(raw, (), areas)
    options = {_norm(m.name): m.number for m in kb.municipalities.values()}
    found, suggestions = _pick(query, options)
    if found is not None:
        return kb.municipalities[found]
    raise UnknownMunicipality(raw, [kb.municipalities[n].name for n in suggestions], areas)


def _groups(kb: KnowledgeBase) -> dict[str, list[Municipality]]:
    """Return every group that can be summed: regions, counties and Agder."""
    groups: dict[str, list[Municipality]] = {}
    for muni in sorted(kb.municipalities.values(), key=lambda m: m.number):
        if muni.region:
            groups.setdefault(muni.region, []).append(muni)
        groups.setdefault(muni.county, []).append(muni)
    agder = [m for m in kb.municipalities.values() if _norm(AGDER) in _norm(m.county)]
    if agder:
        groups[AGDER] = sorted(agder, key=lambda m: m.number)
    return groups


def resolve_group(kb: KnowledgeBase, text: str) -> tuple[str, list[Municipality]]:
    """Find a region ('Lister') or county ('Aust-Agder', 'Vest-Agder', 'Agder') by name."""
    groups = _groups(kb)
    query = _norm(text)
    query = re.sub(r"^(regionen|region|fylket|fylke)\s+|\s+(regionen|region|fylke)$", "", query)
    options = {_norm(name): name for name in groups}
    found, _suggestions = _pick(query, options) if query else (None, [])
    if found is None:
        raise UnknownGroup(text, sorted(groups))
    return found, groups[found]


def _scheme_names(scheme: Scheme) -> list[str]:
    """Return every name of a scheme."""
    return [scheme.id, *scheme.names.all()]


def resolve_scheme(kb: KnowledgeBase, text: str) -> Scheme:
    """Find a scheme by id or any of its names, tolerating typos; raise UnknownScheme."""
    if text in kb.schemes:
        return kb.schemes[text]
    options: dict[str, str] = {}
    for scheme in kb.schemes.values():
        for name in _scheme_names(scheme):
            options.setdefault(_norm(name), scheme.id)
    query = _norm(text)
    found, suggestions = _pick(query, options) if query else (None, [])
    if found is not None:
        return kb.schemes[found]
    names = [kb.schemes[s].names.short for s in dict.fromkeys(suggestions)]
    raise UnknownScheme(text, names)


def find_scheme(kb: KnowledgeBase, text: str) -> Scheme | None:
    """Find a scheme as resolve_scheme does; None when no name is clear."""
    try:
        return resolve_scheme(kb, text)
    except UnknownScheme:
        return None


def resolve_office(kb: KnowledgeBase, text: str) -> Office:
    """Find an office by id, name or alias (case-insensitive); raise UnknownOffice."""
    query = _norm(text)
    for office in kb.offices.values():
        if query in {_norm(n) for n in (office.id, office.name, *office.aliases)}:
            return office
    raise UnknownOffice(text, [o.name for o in kb.offices.values()])
