"""The knowledge base and its rules as the tests read expected figures from them."""

from __future__ import annotations

from functools import cache

from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import CapRule, LadderRule


@cache
def kb() -> KnowledgeBase:
    """Load the knowledge base once."""
    return load_sources()


def ladder() -> LadderRule:
    """Return the knowledge base's ladder rule."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, LadderRule))


def rate(grant_year: int) -> int:
    """Return the ladder's amount per årsverk in a grant year."""
    return ladder().steps[grant_year - 1].amount


def nav_cap() -> CapRule:
    """Return the knowledge base's cap rule (the NAV scheme's)."""
    return next(r for _s, r in kb().all_rules() if isinstance(r, CapRule))
