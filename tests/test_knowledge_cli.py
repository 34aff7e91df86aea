"""The `tilskuddsbot kb` commands: build into the data folder, show a card, free-text search.

`kb show` must print a correct card for every scheme in the sources: its official name,
every year it has a deadline, the source files it cites, and the key figures and dates
the sources give (written by hand below from ../shared/seeds).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.kb import KnowledgeBase
from knowledge.loader import load_sources
from knowledge.schema import Scheme
from knowledge.store import load_database, search

SCHEME_IDS = [
    "kommunalt-rusarbeid",
    "voksne-langvarige",
    "barn-unge-langvarige",
    "nav-sosiale-tjenester",
    "opptrappingsplan-rusfeltet",
    "nytt-tilskudd-psykisk-helse-rus",
    "frisklivs-og-laeringstilbud",
    "husbanken-boligsosiale-tiltak",
    "kompensasjon-fastleger-korona",
    "prosjektskjonnsmidler",
    "kompetanse-og-innovasjonstilskudd",
]

# What a correct card of each scheme shows, from the sources: budget post, deadlines,
# amounts, and who issued them.
CARD_WORDS = {
    "kommunalt-rusarbeid": [
        "kap. 765 post 62",
        "1. mars 2020",  # 000, Agder
        "10. februar 2021",  # 002, Innlandet: application and report
        "15. februar 2022",  # 004
        "455 000 000 kr",  # 002: Bevilgning 2021
        "472 400 000 kr",  # 001: 472,4 mill. kr
        "660 000 kr",
        "550 000 kr",
        "440 000 kr",
        "330 000 kr",
        "10 000 kr",  # competence part of year 1
        "Fylkesmannen i Agder",
        "Statsforvalteren i Innlandet",
    ],
    "voksne-langvarige": [
        "kap. 765 post 60",
        "????",  # 000: the 2020 deadline is unknown
        "15. mars 2021",
        "31. mars 2022",
        "185 000 000 kr",
        "227 000 000 kr",
    ],
    "barn-unge-langvarige": [
        "kap. 765 post 60",
        "1. mars 2020",
        "15. mars 2021",
        "31. mars 2022",
        "47 000 000 kr",
        "227 000 000 kr",
    ],
    "nav-sosiale-tjenester": [
        "kap. 0621 post 63",
        "Arbeids- og sosialdepartementet",
        "1. februar 2020",
        "1. februar 2021",
        "1. februar 2022",
        "610 000 kr",
        "10 000 kr",
    ],
    "opptrappingsplan-rusfeltet": ["Opptrappingsplanen for rusfeltet", "2016"],
    "nytt-tilskudd-psykisk-helse-rus": ["April", "April(?)"],
    "frisklivs-og-laeringstilbud": ["Vår"],
    "husbanken-boligsosiale-tiltak": ["15. februar 2022", "Kommuner m.fl."],
    "kompensasjon-fastleger-korona": ["Løpende"],
    "prosjektskjonnsmidler": ["1. november 2022"],
    "kompetanse-og-innovasjonstilskudd": ["1. april 2022"],
}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the database with `kb build` into a TILSKUDDSBOT_DATA_DIR, once per module."""
    folder = tmp_path_factory.mktemp("data")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TILSKUDDSBOT_DATA_DIR", str(folder))
        assert main(["kb", "build"], out=io.StringIO()) == 0
    yield folder


@pytest.fixture(scope="module")
def built_kb(data_dir: Path) -> KnowledgeBase:
    """The knowledge base as built."""
    return load_database(data_dir / "knowledge.db")


@pytest.fixture
def env(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the settings at the built data folder for one test."""
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(data_dir))
    return data_dir


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Run the command line; return exit code, standard output and standard error."""
    capsys.readouterr()
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue(), capsys.readouterr().err


def cited_files(scheme: Scheme, built_kb: KnowledgeBase) -> set[str]:
    """Every source file a scheme's facts, figures, deadlines, rules and FAQ cite."""
    items = [
        *scheme.budget,
        *scheme.facts,
        *scheme.appropriations,
        *scheme.deadlines,
        *scheme.rules,
        *(q for q in built_kb.faq.values() if q.scheme == scheme.id),
    ]
    return {item.source for item in items}


def test_kb_build_creates_the_database_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path / "data"))
    code, out, err = run(["kb", "build"], capsys)
    assert code == 0, err
    db = tmp_path / "data" / "knowledge.db"
    assert db.is_file()
    assert str(db) in out
    assert "11 ordninger" in out
    assert set(load_database(db).schemes) == set(SCHEME_IDS)


def test_kb_build_with_db_writes_where_it_is_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path / "data"))
    db = tmp_path / "elsewhere" / "kb.db"
    code, _, err = run(["kb", "build", "--db", str(db)], capsys)
    assert code == 0, err
    assert db.is_file()
    assert not (tmp_path / "data" / "knowledge.db").exists()


def test_the_built_database_holds_what_the_sources_validate_to(built_kb: KnowledgeBase) -> None:
    sources = load_sources()
    assert built_kb.version == sources.version
    assert built_kb.schemes == sources.schemes
    assert built_kb.tables == sources.tables
    assert built_kb.faq == sources.faq


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_kb_show_prints_a_correct_card_for_every_scheme(
    scheme_id: str, env: Path, built_kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    code, card, err = run(["kb", "show", scheme_id], capsys)
    assert code == 0, err
    scheme = built_kb.schemes[scheme_id]
    assert card.splitlines()[0] == scheme.names.official
    for year in {d.year for d in scheme.deadlines}:
        assert str(year) in card, f"deadline year {year} missing from the card"
    for file in cited_files(scheme, built_kb):
        assert file in card, f"source {file} not cited on the card"
    for words in CARD_WORDS[scheme_id]:
        assert words in card, f"«{words}» missing from the card of {scheme_id}"


@pytest.mark.parametrize("scheme_id", SCHEME_IDS)
def test_every_deadline_appears_on_its_card(
    scheme_id: str, env: Path, built_kb: KnowledgeBase, capsys: pytest.CaptureFixture[str]
) -> None:
    _, card, _ = run(["kb", "show", scheme_id], capsys)
    lines = card.splitlines()
    start = lines.index("Frister") if built_kb.schemes[scheme_id].deadlines else None
    deadline_lines = []
    if start is not None:
        for line in lines[start + 1 :]:
            if not line.startswith("- "):
                break
            deadline_lines.append(line)
    assert len(deadline_lines) == len(built_kb.schemes[scheme_id].deadlines)


def test_kb_show_reads_the_database_given_with_db(
    tmp_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(tmp_path / "empty"))
    db = data_dir / "knowledge.db"
    code, card, err = run(["kb", "show", "prosjektskjonnsmidler", "--db", str(db)], capsys)
    assert code == 0, err
    assert card.startswith("Prosjektskjønnsmidler")
    assert not (tmp_path / "empty" / "knowledge.db").exists()


@pytest.mark.parametrize(
    ("typed", "scheme_id"),
    [
        ("komunalt rusarbied", "kommunalt-rusarbeid"),
        ("765.62", "kommunalt-rusarbeid"),
        ("Tilskudd til kommunalt rusarbeid", "kommunalt-rusarbeid"),
        ("Prosjektskjønnsmidler", "prosjektskjonnsmidler"),
        ("Husbankens boligsosiale tiltak", "husbanken-boligsosiale-tiltak"),
    ],
)
def test_kb_show_finds_a_scheme_by_name_alias_or_typo(
    typed: str,
    scheme_id: str,
    env: Path,
    built_kb: KnowledgeBase,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, card, err = run(["kb", "show", typed], capsys)
    assert code == 0, err
    assert card.splitlines()[0] == built_kb.schemes[scheme_id].names.official


@pytest.mark.parametrize(
    "unknown",
    [
        "finnes-ikke",
        # a grant 003 mentions by name but the sources do not describe
        "Arbeidsrehabilitering etter modell av Individuell jobbstøtte",
        # a grant the sources never mention: must not fall back to the nearest «Tilbud til …»
        "tilskudd til sykkelveier",
    ],
)
def test_kb_show_of_an_unknown_scheme_lists_the_known_ids(
    unknown: str, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["kb", "show", unknown], capsys)
    assert code == 2, f"showed a card for {unknown!r}:\n{out[:200]}"
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert unknown in err
    for scheme_id in SCHEME_IDS:
        assert scheme_id in err


def test_kb_show_with_a_missing_database_file_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        ["kb", "show", "prosjektskjonnsmidler", "--db", str(tmp_path / "x.db")], capsys
    )
    assert code == 2  # a data file the bot cannot use, like a broken state.db
    assert "kb build" in err and str(tmp_path / "x.db") in err


def test_search_finds_the_fact_faq_for_fact_team_andel(data_dir: Path) -> None:
    hits = search(data_dir / "knowledge.db", "FACT team andel")
    assert hits, "no hits"
    top = hits[0]
    assert top["kind"] == "faq"
    assert top["scheme"] == "kommunalt-rusarbeid"
    assert "FACT" in str(top["title"])
    assert "opprettholde kapasitet" in str(top["body"])


@pytest.mark.parametrize(
    ("query", "scheme_id"),
    [
        ("klagerett", None),
        ("revisorattestert regnskap", None),
        ("Husbanken", "husbanken-boligsosiale-tiltak"),
        ("Prosjektskjønnsmidler", "prosjektskjonnsmidler"),
    ],
)
def test_search_finds_scheme_texts(data_dir: Path, query: str, scheme_id: str | None) -> None:
    hits = search(data_dir / "knowledge.db", query)
    assert hits, f"no hits for {query!r}"
    if scheme_id is not None:
        assert hits[0]["scheme"] == scheme_id


def test_search_with_no_words_finds_nothing(data_dir: Path) -> None:
    assert search(data_dir / "knowledge.db", " ?!. ") == []
