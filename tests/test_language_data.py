"""What the understanding knows about language is data: an edit to intents.yaml counts."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from bot.engine import Engine
from knowledge.loader import KnowledgeError, default_sources, load_sources

TODAY = dt.date(2026, 12, 1)
INTENTS = Path("language") / "intents.yaml"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A fresh copy of the bundled sources in a folder of its own."""
    folder = tmp_path / "kilder"
    shutil.copytree(default_sources(), folder)
    return folder


def edit(folder: Path, old: str, new: str) -> None:
    """Replace a snippet of the intents file, which must be there."""
    path = folder / INTENTS
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{INTENTS} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_trigger_phrase_added_to_the_intents_file_is_understood(sources: Path) -> None:
    question = "Kan vi komme med innsigelse mot vedtaket?"
    assert Engine(load_sources(sources)).ask(question, TODAY).intent != "appeal"
    edit(sources, "    appeal:\n", '    appeal:\n      "innsigelse": 1.0\n')
    assert Engine(load_sources(sources)).ask(question, TODAY).intent == "appeal"


def test_a_trigger_phrase_may_be_written_with_aeoa(sources: Path) -> None:
    question = "Hva er fremgangsmåten for å få pengene utbetalt etter tildelingen?"
    assert Engine(load_sources(sources)).ask(question, TODAY).intent != "apply_how"
    edit(sources, "    apply_how:\n", '    apply_how:\n      "fremgangsmåten": 1.0\n')
    assert Engine(load_sources(sources)).ask(question, TODAY).intent == "apply_how"


def test_the_trigger_phrases_removed_from_an_intent_no_longer_choose_it(sources: Path) -> None:
    question = "Har vi klagerett?"
    assert Engine(load_sources(sources)).ask(question, TODAY).intent == "appeal"
    for phrase in ('"klage*": 1.0\n', '"klagerett*": 1.0\n'):
        edit(sources, f"      {phrase}", "")
    assert Engine(load_sources(sources)).ask(question, TODAY).intent != "appeal"


@pytest.mark.parametrize(
    ("phrase", "question", "chosen"),
    [
        # a trailing * matches the start of a word, however it is inflected
        ("innsig*", "Kan vi komme med innsigelsene våre mot vedtaket?", True),
        # a phrase of several words matches those words in that order
        ("komme med innsigelse", "Kan vi komme med innsigelse mot vedtaket?", True),
        ("komme med innsigelse", "Kan vi med innsigelse komme mot vedtaket?", False),
        # a prefix shorter than three letters is looked for too
        ("ny*", "Kan vi få vurdert vedtaket på nytt?", True),
    ],
)
def test_a_trigger_phrase_matches_whole_words_and_a_starred_phrase_word_starts(
    sources: Path, phrase: str, question: str, chosen: bool
) -> None:
    assert Engine(load_sources(sources)).ask(question, TODAY).intent != "appeal"
    edit(sources, "    appeal:\n", f'    appeal:\n      "{phrase}": 2.0\n')
    assert (Engine(load_sources(sources)).ask(question, TODAY).intent == "appeal") is chosen


WORDS = Path("language") / "words.yaml"


@pytest.mark.parametrize("section", ["everyday", "function_words"])
def test_a_plain_word_added_to_the_words_file_is_no_longer_a_thing_without_rates(
    sources: Path, section: str
) -> None:
    question = "Hva er satsen i år 2 for én stilling, sjefen spør?"
    before = Engine(load_sources(sources)).ask(question, TODAY)
    assert not before.answered and "sjefen" in before.text
    path = sources / WORDS
    text = path.read_text(encoding="utf-8")
    head = f"  {section}:\n"
    assert head in text, f"{WORDS} no longer has a {section} list: update this test"
    path.write_text(text.replace(head, f'{head}    - "sjefen spør"\n', 1), "utf-8")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert after.answered and "550 000 kr" in after.text


FORMS = Path("language") / "forms.yaml"


def edit_forms(folder: Path, old: str, new: str) -> None:
    """Replace a snippet of the forms file, which must be there."""
    path = folder / FORMS
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{FORMS} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_nynorsk_form_added_to_the_forms_file_is_read_as_its_bokmal_word(
    sources: Path,
) -> None:
    question = "Kva er tidsgrensa for tilskot til kommunalt rusarbeid i 2021?"
    assert Engine(load_sources(sources)).ask(question, TODAY).intent != "deadline"
    edit_forms(sources, "  nynorsk:\n", '  nynorsk:\n    "tidsgrensa": "fristen"\n')
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert after.intent == "deadline"
    assert "10. februar 2021" in after.text
    Engine(load_sources())  # the bundled forms again, for the tests after this one


def test_a_form_written_in_capitals_is_refused_with_its_file_and_field(sources: Path) -> None:
    edit_forms(sources, "  nynorsk:\n", '  nynorsk:\n    "Tidsgrensa": "fristen"\n')
    with pytest.raises(KnowledgeError) as caught:
        load_sources(sources)
    message = str(caught.value)
    assert "forms.yaml" in message
    assert "nynorsk" in message
    assert "lower case" in message
