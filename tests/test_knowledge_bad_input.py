"""Bad input: a broken copy of the sources fails `kb check` and `kb build` with one clear line.

Each case copies the bundled YAML sources to a temporary folder, breaks one thing the way a
caseworker editing a copy might, and runs the real command line. Both commands must exit 1
and print a line naming the file, the entry and the field. A failed build must never
replace the last good database and must leave no temporary files behind.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import default_sources, load_sources
from knowledge.store import load_database

Breaker = Callable[[Path], None]


def replace(relative: str, old: str, new: str) -> Breaker:
    """Break a file by replacing the first occurrence of a snippet (which must be there)."""

    def breaker(folder: Path) -> None:
        path = folder / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} no longer contains {old!r}: update this test"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return breaker


def copy(relative: str, to: str) -> Breaker:
    """Add a second copy of a file under another name."""

    def breaker(folder: Path) -> None:
        shutil.copy(folder / relative, folder / to)

    return breaker


def write(relative: str, text: str) -> Breaker:
    """Add a new YAML file."""

    def breaker(folder: Path) -> None:
        (folder / relative).write_text(text, encoding="utf-8")

    return breaker


@dataclass(frozen=True)
class Case:
    """One way to break the sources, and the words the error line must contain."""

    id: str
    breaker: Breaker
    file: str
    entry: tuple[str, ...]
    field: str


PROSJEKT = "schemes/prosjektskjonnsmidler.yaml"
RUS = "schemes/kommunalt-rusarbeid.yaml"
TABLE = "tables/opptrappingsplan-2016-2020.yaml"
AGDER_2018 = "tables/tilskuddsforvaltning-2018-agder.yaml"
NOVEMBER = "1 November)."  # the end of the deadline's note_en, just before its source

LANGUAGE = "language/words.yaml"
INTENTS = "language/intents.yaml"

CASES = [
    # --- a misspelt field ---
    Case(
        "misspelt field in a deadline",
        replace(PROSJEKT, f"{NOVEMBER}\n      source:", f"{NOVEMBER}\n      sourse:"),
        PROSJEKT,
        ("prosjektskjonnsmidler", "deadlines[0]"),
        "sourse",
    ),
    Case(
        "misspelt section of a scheme",
        replace(PROSJEKT, "\n  deadlines:\n", "\n  dedlines:\n"),
        PROSJEKT,
        ("scheme", "prosjektskjonnsmidler"),
        "dedlines",
    ),
    Case(
        "misspelt field in a faq entry",
        replace(
            "faq.yaml",
            'question: "Kan tilskuddet til kommunalt',
            'qestion: "Kan tilskuddet til kommunalt',
        ),
        "faq.yaml",
        ("faq[1]", "rusarbeid-annet-enn-arsverk"),
        "qestion",
    ),
    Case(
        "misspelt field in a table column",
        replace(TABLE, "sum_of: [y2016", "sum_off: [y2016"),
        TABLE,
        ("opptrappingsplan-2016-2020", "columns[5]"),
        "sum_off",
    ),
    Case(
        "unknown top-level section",
        write("ekstra.yaml", "schemes:\n  - id: noe\n"),
        "ekstra.yaml",
        ("schemes",),
        "",
    ),
    # --- a wrong type ---
    Case(
        "amount that is not a number",
        replace(RUS, "amount: 472400000", 'amount: "mange"'),
        RUS,
        ("kommunalt-rusarbeid", "appropriations[0]"),
        "amount",
    ),
    Case(
        "flag that is not true or false",
        replace(
            "schemes/nytt-tilskudd-psykisk-helse-rus.yaml",
            'tentative: true\n      raw: "April(?)"',
            'tentative: kanskje\n      raw: "April(?)"',
        ),
        "schemes/nytt-tilskudd-psykisk-helse-rus.yaml",
        ("nytt-tilskudd-psykisk-helse-rus", "deadlines[0]"),
        "tentative",
    ),
    Case(
        "table figure that is not a number",
        replace(TABLE, "{y2016: 8098380,", "{y2016: mye,"),
        TABLE,
        ("opptrappingsplan-2016-2020", "rows[0]", "1001"),
        "y2016",
    ),
    Case(
        "year range in words",
        replace("faq.yaml", 'years: "2021"', 'years: "i fjor"'),
        "faq.yaml",
        ("faq[0]", "rusarbeid-fact-andel"),
        "years",
    ),
    Case(
        "top level that is a list",
        write("ekstra.yaml", "- noe\n- annet\n"),
        "ekstra.yaml",
        ("top level",),
        "",
    ),
    # --- an impossible date ---
    Case(
        "impossible deadline date as typed",
        replace(RUS, "date: 2021-02-10", "date: 2021-02-30"),
        RUS,
        ("kommunalt-rusarbeid", "deadlines[1]"),
        "date",
    ),
    Case(
        "impossible deadline date in quotes",
        replace(RUS, "date: 2021-02-10", 'date: "2021-02-30"'),
        RUS,
        ("kommunalt-rusarbeid", "deadlines[1]"),
        "date",
    ),
    Case(
        "impossible source date as typed",
        replace("sources.yaml", "date: 2021-01-07", "date: 2021-02-29"),
        "sources.yaml",
        ("sources[2]", "002_5e888543f70d9581.txt"),
        "date",
    ),
    Case(
        "deadline date outside its year",
        replace(PROSJEKT, "date: 2022-11-01", "date: 2019-11-01"),
        PROSJEKT,
        ("prosjektskjonnsmidler", "deadlines[0]"),
        "date",
    ),
    # --- a duplicate id ---
    Case(
        "two scheme files with the same id",
        copy(PROSJEKT, "schemes/zz-kopi.yaml"),
        "schemes/zz-kopi.yaml",
        ("scheme", "prosjektskjonnsmidler"),
        "id",
    ),
    Case(
        "scheme renamed to an id already taken",
        replace(
            "schemes/nytt-tilskudd-psykisk-helse-rus.yaml",
            "id: nytt-tilskudd-psykisk-helse-rus",
            "id: kommunalt-rusarbeid",
        ),
        "schemes/nytt-tilskudd-psykisk-helse-rus.yaml",
        ("scheme", "kommunalt-rusarbeid"),
        "id",
    ),
    Case(
        "two faq entries with one id",
        replace("faq.yaml", "id: rusarbeid-annet-enn-arsverk", "id: rusarbeid-fact-andel"),
        "faq.yaml",
        ("faq[1]", "rusarbeid-fact-andel"),
        "id",
    ),
    Case(
        "two rules with one id",
        replace("schemes/nav-sosiale-tjenester.yaml", "id: nav-tak", "id: rusarbeid-stige"),
        "schemes/nav-sosiale-tjenester.yaml",
        ("nav-sosiale-tjenester", "rules[0]", "rusarbeid-stige"),
        "id",
    ),
    Case(
        "two deadlines of one kind in one year",
        replace(
            RUS, "kind: report\n      date: 2021-02-10", "kind: application\n      date: 2021-02-10"
        ),
        RUS,
        ("kommunalt-rusarbeid", "deadlines[2]"),
        "kind",
    ),
    Case(
        "two municipalities with one number",
        replace("municipalities.yaml", 'number: "0904"', 'number: "0901"'),
        "municipalities.yaml",
        ("municipalities[1]", "0901"),
        "number",
    ),
    # --- a reference to something unknown ---
    Case(
        "faq about an unknown scheme",
        replace("faq.yaml", "scheme: kommunalt-rusarbeid", "scheme: finnes-ikke"),
        "faq.yaml",
        ("faq", "rusarbeid-fact-andel"),
        "scheme",
    ),
    Case(
        "scheme related to an unknown scheme",
        replace(RUS, "    - nav-sosiale-tjenester\n", "    - finnes-ikke\n"),
        RUS,
        ("scheme", "kommunalt-rusarbeid"),
        "related[3]",
    ),
    Case(
        "rule computed as an unknown rule",
        replace(RUS, "rule: rusarbeid-stige", "rule: finnes-ikke"),
        RUS,
        ("kommunalt-rusarbeid", "rules[2]"),
        "rule",
    ),
    Case(
        "table row of an unknown municipality",
        replace(TABLE, 'municipality: "1001"', 'municipality: "9999"'),
        TABLE,
        ("opptrappingsplan-2016-2020", "rows[0]"),
        "municipality",
    ),
    Case(
        "fact issued by an unknown office",
        replace(
            PROSJEKT,
            '      text: "Kommuner."\n',
            '      text: "Kommuner."\n      office: finnes-ikke\n',
        ),
        PROSJEKT,
        ("prosjektskjonnsmidler", "facts[0]"),
        "office",
    ),
    # --- an unknown source file ---
    Case(
        "scheme fact citing an unknown source file",
        replace(PROSJEKT, "source: 004_3cc30d92ddb7e090.txt", "source: 999_finnes-ikke.txt"),
        PROSJEKT,
        ("prosjektskjonnsmidler", "facts[0]"),
        "source",
    ),
    Case(
        "deadline citing an unknown source file",
        replace(
            PROSJEKT,
            f"{NOVEMBER}\n      source: 004_3cc30d92ddb7e090.txt",
            f"{NOVEMBER}\n      source: 999_finnes-ikke.txt",
        ),
        PROSJEKT,
        ("prosjektskjonnsmidler", "deadlines[0]"),
        "source",
    ),
    Case(
        "faq citing an unknown source file",
        replace("faq.yaml", "source: 002_5e888543f70d9581.txt", "source: 999_finnes-ikke.txt"),
        "faq.yaml",
        ("faq", "rusarbeid-fact-andel"),
        "source",
    ),
    Case(
        "table citing an unknown source file",
        replace(TABLE, "source: 000_e550e94ad9bf2c94.txt", "source: 999_finnes-ikke.txt"),
        TABLE,
        ("table", "opptrappingsplan-2016-2020"),
        "source",
    ),
    Case(
        "contact citing an unknown source file",
        replace("offices.yaml", "source: 000_e550e94ad9bf2c94.txt", "source: 999_finnes-ikke.txt"),
        "offices.yaml",
        ("agder", "contacts[0]"),
        "source",
    ),
    Case(
        "municipality citing an unknown source file",
        replace(
            "municipalities.yaml", "source: 000_e550e94ad9bf2c94.txt", "source: 999_finnes-ikke.txt"
        ),
        "municipalities.yaml",
        ("0901",),
        "source",
    ),
    Case(
        "source document of an unknown office",
        replace("sources.yaml", "office: agder", "office: finnes-ikke"),
        "sources.yaml",
        ("sources[0]", "000_e550e94ad9bf2c94.txt"),
        "office",
    ),
    # --- English that does not match its Norwegian ---
    Case(
        "one English condition too few",
        replace(
            RUS,
            '        - "Only municipalities that received a grant in 2021 may apply"\n'
            '        - "Only for the continuation of existing positions"\n',
            '        - "Only municipalities that received a grant in 2021 may apply"\n',
        ),
        RUS,
        ("kommunalt-rusarbeid", "rules[2]", "rusarbeid-2022"),
        "conditions_en",
    ),
    Case(
        "one English administrator too many",
        replace(
            RUS,
            "  administered_by_en:\n",
            '  administered_by_en:\n    - "the Ministry of Health and Care Services"\n',
        ),
        RUS,
        ("scheme", "kommunalt-rusarbeid"),
        "administered_by_en",
    ),
    Case(
        "one English table note too many",
        replace(AGDER_2018, "    notes_en:\n", '    notes_en:\n      - "An extra note."\n'),
        AGDER_2018,
        ("tables[0]", "tilskuddsforvaltning-2018-agder"),
        "notes_en",
    ),
    Case(
        "English deadline text for a dated deadline",
        replace(
            PROSJEKT,
            '      raw: "1. november"\n',
            '      raw: "1. november"\n      text_en: "1 November"\n',
        ),
        PROSJEKT,
        ("prosjektskjonnsmidler", "deadlines[0]"),
        "text_en",
    ),
    Case(
        "empty English text",
        replace(PROSJEKT, '      text_en: "Municipalities."', '      text_en: ""'),
        PROSJEKT,
        ("prosjektskjonnsmidler", "facts[0]"),
        "text_en",
    ),
    # --- invalid YAML ---
    Case(
        "invalid YAML syntax",
        replace(
            "faq.yaml",
            "  - id: rusarbeid-annet-enn-arsverk",
            "  - id: [rusarbeid-annet-enn-arsverk",
        ),
        "faq.yaml",
        ("YAML", "line"),
        "",
    ),
    Case(
        "tab-indented YAML",
        replace(PROSJEKT, "  deadlines:\n    - year: 2022", "  deadlines:\n\t- year: 2022"),
        PROSJEKT,
        ("YAML", "line"),
        "",
    ),
    # --- the language the understanding knows ---
    Case(
        "a table word claimed by two operations",
        replace(LANGUAGE, "    sum:\n      - til sammen", "    sum:\n      - færre"),
        LANGUAGE,
        ("language",),
        "tables",
    ),
    Case(
        "a table word list left empty",
        replace(LANGUAGE, "    than:\n      - enn\n      - than", "    than: []"),
        LANGUAGE,
        ("language",),
        "than",
    ),
    Case(
        "a trigger phrase claimed by two intents",
        replace(INTENTS, "    appeal:\n", '    appeal:\n      "hvor mye": 0.5\n'),
        INTENTS,
        ("intents",),
        "triggers",
    ),
    Case(
        "a shared trigger phrase that only one intent lists",
        replace(INTENTS, "  shared:\n", '  shared:\n    - "klagefrist"\n'),
        INTENTS,
        ("intents",),
        "triggers",
    ),
    Case(
        "a trigger phrase listed twice under one intent",
        replace(INTENTS, '"hvor mye": 0.5\n', '"hvor mye": 0.5\n      "hvor mye": 0.6\n'),
        INTENTS,
        ("YAML", "line"),
        "",
    ),
    Case(
        "a trigger weight out of range",
        replace(INTENTS, '"hvor mye": 0.5', '"hvor mye": 5'),
        INTENTS,
        ("intents",),
        "triggers.amount.hvor mye",
    ),
    Case(
        "a trigger phrase in upper case",
        replace(INTENTS, '"hvor mye": 0.5', '"Hvor mye": 0.5'),
        INTENTS,
        ("intents",),
        "triggers.amount.Hvor mye",
    ),
    Case(
        "an intent the bot does not have",
        replace(INTENTS, "    appeal:\n", "    complaint:\n"),
        INTENTS,
        ("intents",),
        "triggers.complaint",
    ),
    Case(
        "a second intents section",
        copy(INTENTS, "language/intents-2.yaml"),
        INTENTS,
        ("intents",),
        "intents",
    ),
]


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A fresh copy of the bundled sources in a folder of its own."""
    folder = tmp_path / "kilder"
    shutil.copytree(default_sources(), folder)
    return folder


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line; return exit code, standard output and standard error."""
    capsys.readouterr()
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue(), capsys.readouterr().err


def problem_lines(stderr: str) -> list[str]:
    """The problem lines of an error report (everything after the summary line)."""
    return [line.strip() for line in stderr.splitlines()[1:] if line.strip()]


def assert_names_the_problem(stderr: str, folder: Path, case: Case) -> None:
    """Require one line 'file: entry: field: message' naming the file, the entry and the field."""
    lines = problem_lines(stderr)
    assert lines, f"no problem reported:\n{stderr}"
    parts = [line.split(": ", 3) for line in lines]
    for line, part in zip(lines, parts, strict=True):
        assert len(part) == 4, f"not 'file: entry: field: message': {line}"
    file = f"{folder.name}/{case.file}"
    matching = [
        line
        for line, (shown, entry, field, _) in zip(lines, parts, strict=True)
        if shown == file and all(word in entry for word in case.entry) and case.field in field
    ]
    assert matching, (
        f"no line names file {file}, entry {case.entry} and field {case.field!r}:\n{stderr}"
    )


def test_kb_check_accepts_the_bundled_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["kb", "check"], capsys)
    assert code == 0, err
    assert "11 ordninger" in out
    assert "25 frister" in out
    assert err == ""


def test_kb_check_accepts_an_unchanged_copy_of_the_sources(
    sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["kb", "check", str(sources)], capsys)
    assert code == 0, err
    assert "11 ordninger" in out


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_kb_check_rejects_a_broken_copy_naming_file_entry_and_field(
    case: Case, sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.breaker(sources)
    code, out, err = run(["kb", "check", str(sources)], capsys)
    assert code == 1, f"exit {code}\n{out}{err}"
    assert out == ""
    assert_names_the_problem(err, sources, case)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_kb_build_rejects_a_broken_copy_and_writes_no_database(
    case: Case, sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.breaker(sources)
    out_dir = tmp_path / "ut"
    out_dir.mkdir()
    db = out_dir / "knowledge.db"
    code, out, err = run(["kb", "build", str(sources), "--db", str(db)], capsys)
    assert code == 1, f"exit {code}\n{out}{err}"
    assert_names_the_problem(err, sources, case)
    assert list(out_dir.iterdir()) == []


def test_a_failed_build_keeps_the_last_good_database(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "ut"
    db = out_dir / "knowledge.db"
    code, _, err = run(["kb", "build", str(sources), "--db", str(db)], capsys)
    assert code == 0, err
    good = db.read_bytes()

    CASES[0].breaker(sources)
    code, _, err = run(["kb", "build", str(sources), "--db", str(db)], capsys)
    assert code == 1
    assert "sourse" in err

    assert db.read_bytes() == good
    assert len(load_database(db).schemes) == 11
    assert [p.name for p in out_dir.iterdir()] == ["knowledge.db"]


def test_a_build_that_fails_while_writing_keeps_the_last_good_database(tmp_path: Path) -> None:
    kb = load_sources()
    db = build_database(kb, tmp_path / "knowledge.db")
    good = db.read_bytes()
    # A knowledge base that lost one source document: writing its facts fails half-way.
    broken = KnowledgeBase(
        sources={f: d for f, d in kb.sources.items() if not f.startswith("001_")},
        offices=kb.offices,
        municipalities=kb.municipalities,
        schemes=kb.schemes,
        faq=kb.faq,
        tables=kb.tables,
        version="broken",
    )
    with pytest.raises(KeyError):
        build_database(broken, db)
    assert db.read_bytes() == good
    assert load_database(db).version == kb.version
    assert [p.name for p in tmp_path.iterdir()] == ["knowledge.db"]


def test_a_successful_build_replaces_the_database(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "knowledge.db"
    assert run(["kb", "build", str(sources), "--db", str(db)], capsys)[0] == 0
    first = load_database(db).version
    replace(PROSJEKT, 'text: "Kommuner."', 'text: "Kommuner (endret)."')(sources)
    assert run(["kb", "build", str(sources), "--db", str(db)], capsys)[0] == 0
    kb = load_database(db)
    assert kb.version != first
    assert kb.schemes["prosjektskjonnsmidler"].facts[0].text == "Kommuner (endret)."
    assert [p.name for p in tmp_path.iterdir() if p.name != sources.name] == ["knowledge.db"]


def test_kb_check_finds_yaml_in_nested_subfolders(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nested = tmp_path / "kopi"
    moves = {
        "sources.yaml": "a/sources.yaml",
        "offices.yaml": "a/b/offices.yml",
        "municipalities.yaml": "a/b/c/municipalities.yaml",
        "faq.yaml": "d/faq.yaml",
        "schemes": "e/f/g/schemes",
        "tables": "e/tables",
    }
    for old, new in moves.items():
        (nested / new).parent.mkdir(parents=True, exist_ok=True)
        shutil.move(sources / old, nested / new)
    code, out, err = run(["kb", "check", str(nested)], capsys)
    assert code == 0, err
    assert "11 ordninger" in out
    assert "25 frister" in out
    assert "5 tabeller" in out
    assert "30 kommuner" in out

    db = tmp_path / "knowledge.db"
    code, _, err = run(["kb", "build", str(nested), "--db", str(db)], capsys)
    assert code == 0, err
    assert len(load_database(db).schemes) == 11


def test_a_problem_in_a_nested_file_names_its_path(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = sources / "arkiv" / "2022"
    deep.mkdir(parents=True)
    shutil.move(sources / PROSJEKT, deep / "prosjektskjonnsmidler.yaml")
    replace(
        "arkiv/2022/prosjektskjonnsmidler.yaml",
        f"{NOVEMBER}\n      source:",
        f"{NOVEMBER}\n      sourse:",
    )(sources)
    code, _, err = run(["kb", "check", str(sources)], capsys)
    assert code == 1
    lines = [line for line in problem_lines(err) if "sourse" in line]
    assert lines and f"{sources.name}/arkiv/2022/prosjektskjonnsmidler.yaml" in lines[0]


def test_kb_check_on_a_folder_without_yaml_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "tom"
    empty.mkdir()
    code, _, err = run(["kb", "check", str(empty)], capsys)
    assert code == 1
    assert "no YAML files" in err


def test_kb_check_on_a_missing_folder_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["kb", "check", str(tmp_path / "finnes-ikke")], capsys)
    assert code == 1
    assert "no such folder" in err
