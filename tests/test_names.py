"""One resolver of scheme names: kb show, ics, /abonner, /ny_frist and /beregn all go through it."""

from __future__ import annotations

import pytest

from bot.calc.errors import UnknownScheme
from bot.names import find_scheme, resolve_scheme
from knowledge.kb import KnowledgeBase
from knowledge.text import ascii_fold


def test_every_name_of_every_scheme_finds_that_scheme(kb: KnowledgeBase) -> None:
    for scheme in kb.schemes.values():
        for name in [scheme.id, *scheme.names.all()]:
            found = find_scheme(kb, name)
            assert found is not None and found.id == scheme.id, name


def test_a_name_typed_without_aeoa_or_in_other_case_finds_its_scheme(kb: KnowledgeBase) -> None:
    for scheme in kb.schemes.values():
        typed = ascii_fold(scheme.names.official).upper()
        found = find_scheme(kb, typed)
        assert found is not None and found.id == scheme.id, typed


@pytest.mark.parametrize(
    ("typed", "scheme_id"),
    [
        ("kommunalt rusarbied", "kommunalt-rusarbeid"),
        ("Prosjektskjonnsmidler", "prosjektskjonnsmidler"),
    ],
)
def test_a_misspelt_name_finds_the_scheme_it_is_closest_to(
    kb: KnowledgeBase, typed: str, scheme_id: str
) -> None:
    found = find_scheme(kb, typed)
    assert found is not None and found.id == scheme_id


@pytest.mark.parametrize("typed", ["tilskudd til sykkelveier", "ungdomstiltak", "", "xx"])
def test_a_name_no_scheme_has_finds_none_and_resolving_it_says_why(
    kb: KnowledgeBase, typed: str
) -> None:
    assert find_scheme(kb, typed) is None
    with pytest.raises(UnknownScheme) as caught:
        resolve_scheme(kb, typed)
    assert caught.value.message("nb") and caught.value.message("en")
