"""The word tables of the understanding are data in knowledge/data/language/: a word added there
reaches the engine, and a broken entry is refused with its file, entry and field."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine
from knowledge.loader import KnowledgeError, default_sources, load_sources

TODAY = dt.date(2026, 12, 7)
WORDS = Path("language") / "words.yaml"


@pytest.fixture
def sources(tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the bundled sources in a folder of its own."""
    folder = tmp_path / "kilder"
    shutil.copytree(default_sources(), folder)
    yield folder
    Engine(load_sources())  # the bundled words again, for the tests after this one


def edit(folder: Path, file: Path, old: str, new: str) -> None:
    """Replace a snippet of a language file, which must be there."""
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{file} no longer contains {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refusal(folder: Path) -> str:
    """The problems loading a folder of sources reports, as one text."""
    with pytest.raises(KnowledgeError) as caught:
        load_sources(folder)
    return str(caught.value)


@pytest.mark.parametrize(
    ("concept", "word", "question", "quoted"),
    [
        (
            "system",
            "plattformer",
            "Sendes søknad og rapport om kommunalt rusarbeid i ulike plattformer?",
            "samme elektroniske løsning",
        ),
        (
            "capacity",
            "personellforsterkning",
            "Kan vi få NAV-tilskuddet til en søknad som bare handler om personellforsterkning?",
            "kapasitetsøkning",
        ),
    ],
)
def test_a_word_added_to_a_concept_meets_the_concepts_other_words(
    sources: Path, concept: str, word: str, question: str, quoted: str
) -> None:
    before = Engine(load_sources(sources)).ask(question, TODAY)
    assert quoted not in before.text
    edit(sources, WORDS, f"    {concept}:\n", f"    {concept}:\n      - {word}\n")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert quoted in after.text, after.text


def test_a_word_listed_under_two_concepts_is_refused_with_its_file_entry_and_field(
    sources: Path,
) -> None:
    edit(sources, WORDS, "    system:\n", "    system:\n      - samarbeid\n")
    message = refusal(sources)
    assert "words.yaml: language: concepts:" in message, message
    assert "'samarbeid' is under both coop and system" in message, message


LEXICON = Path("language") / "lexicon.yaml"


def test_a_month_name_added_to_the_lexicon_filters_the_deadlines_by_it(sources: Path) -> None:
    question = "Hvilke frister er det i fbr. 2022?"
    before = Engine(load_sources(sources)).ask(question, TODAY)
    assert "31. mars 2022" in before.text, before.text
    edit(sources, LEXICON, "  months:\n", "  months:\n    fbr: 2\n")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert "15. februar 2022" in after.text, after.text
    assert "31. mars 2022" not in after.text, after.text


@pytest.mark.parametrize(
    ("old", "new", "where", "why"),
    [
        (
            "    januar: 1\n",
            "    januar: 13\n",
            "lexicon: months.januar:",
            "less than or equal to 12",
        ),
        ("    mai: 5\n", "    Mai: 5\n", "lexicon: months:", "must be written folded"),
        ("    okt: 10\n", "    okt: oktober\n", "lexicon: month_short_forms.okt:", "integer"),
        ("    lister: Lister\n", "    Lister: Lister\n", "lexicon: groups:", "written folded"),
    ],
)
def test_a_broken_lexicon_entry_is_refused_with_its_file_entry_and_field(
    sources: Path, old: str, new: str, where: str, why: str
) -> None:
    edit(sources, LEXICON, old, new)
    message = refusal(sources)
    assert f"lexicon.yaml: {where}" in message, message
    assert why in message, message


RATE = "Hva er satsen i {} for {} i kommunalt rusarbeid?"


@pytest.mark.parametrize(
    ("section", "entry", "question", "answer"),
    [
        # an ordinal names the grant year ('annet år' as 'andre år')
        ("ordinals", "annet: 2", RATE.format("annet år", "én stilling"), "1 årsverk × 550 000 kr"),
        # a count above six said as a word counts the positions
        (
            "more_numbers",
            "tretten: 13",
            RATE.format("år 2", "tretten stillinger"),
            "13 årsverk × 550 000",
        ),
    ],
)
def test_a_number_word_added_to_the_lexicon_is_read_by_the_engine(
    sources: Path, section: str, entry: str, question: str, answer: str
) -> None:
    assert not Engine(load_sources(sources)).ask(question, TODAY).text.startswith(answer)
    edit(sources, LEXICON, f"  {section}:\n", f"  {section}:\n    {entry}\n")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert after.text.startswith(answer), after.text


@pytest.mark.parametrize(
    ("section", "entry", "where", "why"),
    [
        ("ordinals", "to: 2", "lexicon: (the entry itself):", "'to' is under both ordinals and"),
        ("numbers", "sju: 8", "lexicon: (the entry itself):", "'sju' is 7 under cardinals but 8"),
        ("numbers", "kvart: 1/0", "lexicon: numbers.kvart", "neither a whole number nor"),
        ("more_numbers", "seks: 6", "lexicon: more_numbers.seks:", "greater than or equal to 7"),
    ],
)
def test_a_broken_number_word_is_refused_with_its_file_entry_and_field(
    sources: Path, section: str, entry: str, where: str, why: str
) -> None:
    edit(sources, LEXICON, f"  {section}:\n", f"  {section}:\n    {entry}\n")
    message = refusal(sources)
    assert f"lexicon.yaml: {where}" in message, message
    assert why in message, message


def test_a_name_added_for_a_group_of_municipalities_names_the_group(sources: Path) -> None:
    question = "Hvor mye fikk kommunene i Listerregionen til sammen i 2019?"
    before = Engine(load_sources(sources)).ask(question, TODAY)
    assert not before.text.startswith("Lister sum 2019"), before.text
    edit(sources, LEXICON, "  groups:\n", "  groups:\n    listerregionen: Lister\n")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert after.text.startswith("Lister sum 2019: 321 829 kr + 297 064 kr"), after.text


def test_a_word_added_as_pointing_back_to_a_person_asks_for_the_person_last_named(
    sources: Path,
) -> None:
    def ask_after_a_list_of_who_may_apply() -> bool:
        engine = Engine(load_sources(sources))
        engine.ask("Hvem kan søke om tilskudd til kommunalt rusarbeid?", TODAY, chat="c")
        return engine.ask("Hva er e-posten hass?", TODAY, chat="c").answered

    # 'hass' is no known word for 'his': the question is read as one for the contacts
    assert ask_after_a_list_of_who_may_apply()
    edit(sources, LEXICON, "refers_back: [", "refers_back: [hass, ")
    # now it asks for a person the last answer did not name, and is declined
    assert not ask_after_a_list_of_who_may_apply()


def test_a_word_added_for_a_statistics_column_picks_that_column(sources: Path) -> None:
    question = "How many benefit recipients were there in Agder?"
    assert not Engine(load_sources(sources)).ask(question, TODAY).answered
    edit(sources, LEXICON, "  column_words:\n", "  column_words:\n    recipients: sosialhjelp\n")
    after = Engine(load_sources(sources)).ask(question, TODAY)
    assert after.answered, after.text
    assert "Total: 1,435" in after.text, after.text


def test_kb_check_names_each_broken_lexicon_entry_by_file_entry_and_field(
    sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(sources, LEXICON, "    januar: 1\n", "    januar: 13\n")
    edit(sources, LEXICON, "why: [hvorfor", "why: [Hvorfor")
    assert main(["kb", "check", str(sources)], out=io.StringIO()) != 0
    err = capsys.readouterr().err
    assert "language/lexicon.yaml: lexicon: months.januar: " in err, err
    assert "language/lexicon.yaml: lexicon: why: " in err, err
