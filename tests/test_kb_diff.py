"""What changed between two knowledge bases, in a caseworker's words, and `kb diff OLD NEW`.

Each case edits a copy of the bundled YAML sources the way a caseworker would and checks the
exact lines the diff prints. The repository's knowledge/data is never touched.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main
from bot.kbdiff import diff_knowledge, empty_knowledge
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import default_sources, load_sources

RUS = "schemes/kommunalt-rusarbeid.yaml"
VOKSNE = "schemes/voksne-langvarige.yaml"
NEW_2023 = """    - year: 2023
      kind: application
      date: 2023-02-15
      raw: "15. februar 2023"
      source: 004_3cc30d92ddb7e090.txt
"""
NEW_SCHEME = """scheme:
  id: nye-tiltak
  names:
    official: "Tilskudd til nye tiltak"
    short: "Nye tiltak"
  deadlines:
    - year: 2023
      kind: application
      date: 2023-03-01
      raw: "1. mars 2023"
      source: 004_3cc30d92ddb7e090.txt
"""
FACT_2023 = """    - topic: note
      years: "2023"
      text: "Ordningen er avviklet."
      source: 004_3cc30d92ddb7e090.txt
"""
DEADLINE_2020 = """    - year: 2020
      kind: application
      date: 2020-03-01
      raw: "1. mars"
      note: "Fylkesmannen i Agder, lysbilder 10. januar 2020."
      note_en: "The County Governor of Agder (Fylkesmannen i Agder), slides of 10 January 2020."
      source: 000_e550e94ad9bf2c94.txt
"""
CONFIRMED = ('      tentative: true\n      raw: "vi antar 15.3.2021"', '      raw: "15.3.2021"')
ANSWER = "«Kan tilskuddet til kommunalt rusarbeid brukes til annet enn årsverk?»"

Edit = Callable[[Path], None]


def replace(relative: str, old: str, new: str) -> Edit:
    """Edit a file by replacing the first occurrence of a snippet (which must be there)."""

    def edit(folder: Path) -> None:
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} no longer contains {old!r}: update this test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def write(relative: str, text: str) -> Edit:
    """Add a new YAML file."""

    def edit(folder: Path) -> None:
        (folder / relative).write_text(text, encoding="utf-8")

    return edit


@dataclass(frozen=True)
class Case:
    """One edit and the exact lines the diff must print for it."""

    name: str
    edit: Edit
    lines: list[str]
    schemes: set[str]


CASES = [
    Case(
        "new deadline",
        replace(RUS, "\n\n  rules:\n", "\n" + NEW_2023 + "\n  rules:\n"),
        ["Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "changed date",
        replace(RUS, "date: 2022-02-15", "date: 2022-03-01"),
        ["Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "removed deadline",
        replace(RUS, DEADLINE_2020, ""),
        ["Søknadsfrist for Kommunalt rusarbeid 2020: fjernet (var 1. mars 2020)"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "deadline becomes tentative",
        replace(RUS, 'raw: "15. februar"\n', 'raw: "15. februar"\n      tentative: true\n'),
        ["Søknadsfrist for Kommunalt rusarbeid 2022: nå foreløpig, 15. februar 2022"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "tentative deadline confirmed",
        replace(VOKSNE, *CONFIRMED),
        [
            "Søknadsfrist for Voksne med langvarige og sammensatte behov 2021: bekreftet, "
            "15. mars 2021 (var foreløpig)"
        ],
        {"voksne-langvarige"},
    ),
    Case(
        "new scheme with a deadline",
        write("schemes/nye-tiltak.yaml", NEW_SCHEME),
        [
            "Ny ordning: Tilskudd til nye tiltak",
            "Søknadsfrist for Nye tiltak 2023: ny, 1. mars 2023",
        ],
        {"nye-tiltak"},
    ),
    Case(
        "scheme renamed",
        replace(
            RUS,
            'official: "Tilskudd til kommunalt rusarbeid"',
            'official: "Tilskudd til kommunalt rus- og avhengighetsarbeid"',
        ),
        [
            "Ordningen «Tilskudd til kommunalt rusarbeid» har fått nytt navn: "
            "«Tilskudd til kommunalt rus- og avhengighetsarbeid»"
        ],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "new scheme alias",
        replace(
            RUS,
            '      - "municipal substance abuse"\n',
            '      - "municipal substance abuse"\n      - "rusmiddeltilskuddet"\n',
        ),
        ["Nytt navn for Kommunalt rusarbeid: «rusmiddeltilskuddet»"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "ladder rate changed",
        replace(RUS, "{grant_year: 2, amount: 550000}", "{grant_year: 2, amount: 560000}"),
        [
            "Sats for Kommunalt rusarbeid 2017–2022, år 2: endret fra 550 000 kr til "
            "560 000 kr per årsverk"
        ],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "flat rate changed",
        replace(RUS, "      amount: 330000\n", "      amount: 300000\n"),
        [
            "Sats for Kommunalt rusarbeid 2023–2024: endret fra 330 000 kr til 300 000 kr "
            "per stilling"
        ],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "appropriation changed",
        replace(RUS, "amount: 472400000", "amount: 480000000"),
        [
            "Bevilgning til Kommunalt rusarbeid 2018 (nasjonalt): endret fra 472 400 000 kr til "
            "480 000 000 kr"
        ],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "fact added",
        replace(RUS, "\n\n  appropriations:\n", "\n" + FACT_2023 + "\n  appropriations:\n"),
        ["Merknader for Kommunalt rusarbeid 2023: ny opplysning: «Ordningen er avviklet.»"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "FAQ answer changed",
        replace(
            "faq.yaml",
            'answer: "Nei. Tilskuddet gjelder midler kun til årsverk."',
            'answer: "Nei. Bare årsverk."',
        ),
        [f"Nytt svar på {ANSWER}: «Nei. Bare årsverk.»"],
        {"kommunalt-rusarbeid"},
    ),
    Case(
        "FAQ phrasing added",
        replace(
            "faq.yaml",
            '      - "Dekker rustilskuddet andre utgifter enn stillinger?"\n',
            '      - "Dekker rustilskuddet andre utgifter enn stillinger?"\n'
            '      - "Kan vi bruke pengene til kurs?"\n',
        ),
        [f"Ny formulering av {ANSWER}: «Kan vi bruke pengene til kurs?»"],
        {"kommunalt-rusarbeid"},
    ),
]  # fmt: skip


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """Copy the bundled sources to tmp_path."""
    folder = tmp_path / "data"
    shutil.copytree(default_sources(), folder)
    return folder


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_diff_says_what_changed_in_a_caseworkers_words(
    case: Case, copy: Path, kb: KnowledgeBase
) -> None:
    case.edit(copy)
    diff = diff_knowledge(kb, load_sources(copy))
    assert diff.lines() == case.lines
    assert diff.affected_schemes == case.schemes


def test_the_same_knowledge_has_no_changes(kb: KnowledgeBase) -> None:
    diff = diff_knowledge(kb, kb)
    assert not diff
    assert diff.lines() == []
    assert diff.render() == "Ingen endringer."
    assert diff.affected_schemes == frozenset()


def test_the_diff_can_be_read_in_english(copy: Path, kb: KnowledgeBase) -> None:
    replace(RUS, "date: 2022-02-15", "date: 2022-03-01")(copy)
    diff = diff_knowledge(kb, load_sources(copy), lang="en")
    assert diff.lines() == [
        "Application deadline for Kommunalt rusarbeid 2022: changed from 15 February 2022 "
        "to 1 March 2022"
    ]


def test_subscribers_of_a_scheme_get_only_the_lines_about_it(copy: Path, kb: KnowledgeBase) -> None:
    replace(RUS, "date: 2022-02-15", "date: 2022-03-01")(copy)
    replace(VOKSNE, *CONFIRMED)(copy)
    diff = diff_knowledge(kb, load_sources(copy))
    assert diff.affected_schemes == {"kommunalt-rusarbeid", "voksne-langvarige"}
    assert diff.lines(only=["kommunalt-rusarbeid"]) == [
        "Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022"
    ]
    assert diff.render(only=["kommunalt-rusarbeid"]) == (
        "- Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022"
    )
    assert diff.lines(only=["barn-unge-langvarige"]) == []


def test_a_first_build_lists_every_scheme_as_new(kb: KnowledgeBase) -> None:
    diff = diff_knowledge(empty_knowledge(), kb)
    assert diff.affected_schemes == set(kb.schemes)
    assert f"Ny ordning: {kb.schemes['kommunalt-rusarbeid'].names.official}" in diff.lines()


# --- the command line -------------------------------------------------------------------------

CHANGED = (
    "- Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til 1. mars 2022\n"
)


@pytest.mark.parametrize("old_kind", ["folder", "db"])
@pytest.mark.parametrize("new_kind", ["folder", "db"])
def test_kb_diff_compares_two_folders_two_databases_or_one_of_each(
    tmp_path: Path, copy: Path, kb: KnowledgeBase, old_kind: str, new_kind: str
) -> None:
    replace(RUS, "date: 2022-02-15", "date: 2022-03-01")(copy)
    paths = {"old": default_sources(), "new": copy}
    if old_kind == "db":
        paths["old"] = build_database(kb, tmp_path / "old.db")
    if new_kind == "db":
        paths["new"] = build_database(load_sources(copy), tmp_path / "new.db")
    out = io.StringIO()
    assert main(["kb", "diff", str(paths["old"]), str(paths["new"])], out) == 0
    assert out.getvalue() == CHANGED


def test_kb_diff_of_the_same_sources_says_there_are_no_changes(tmp_path: Path) -> None:
    out = io.StringIO()
    assert main(["kb", "diff", str(default_sources()), str(default_sources())], out) == 0
    assert out.getvalue() == "Ingen endringer.\n"


def test_kb_diff_with_a_missing_path_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.db"
    assert main(["kb", "diff", str(default_sources()), str(missing)], io.StringIO()) == 2
    assert "nowhere.db" in capsys.readouterr().err


def test_kb_diff_with_invalid_sources_exits_1_with_the_problems(
    copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replace(RUS, "date: 2022-02-15", 'date: "2022-02-30"')(copy)
    assert main(["kb", "diff", str(default_sources()), str(copy)], io.StringIO()) == 1
    assert "data/schemes/kommunalt-rusarbeid.yaml" in capsys.readouterr().err
