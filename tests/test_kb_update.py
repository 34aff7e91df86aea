"""Updating the knowledge without a redeploy: validated edits, write-back, audit, reload, swap.

Every test works on a copy of the bundled YAML sources in tmp_path (the repository's
knowledge/data is never touched) with real SQLite files, real YAML and a real engine.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import io
import os
import shutil
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.engine import Engine
from bot.kbadmin import (
    AuditLog,
    ChangeRefused,
    DeadlineValue,
    KnowledgeWatcher,
    apply_proposal,
    parse_deadline_command,
    parse_deadline_value,
    parse_kind,
    propose_deadline,
    reload_knowledge,
)
from bot.statedb import StateDb
from knowledge.build import build_database
from knowledge.kb import KnowledgeBase
from knowledge.loader import KnowledgeError, default_sources, load_sources, source_paths
from knowledge.store import load_database, read_version

TODAY = dt.date(2023, 1, 5)
ADMIN = 4242
RUS = "schemes/kommunalt-rusarbeid.yaml"
ASK_2023 = "Når er søknadsfristen for kommunalt rusarbeid 2023?"
ASK_2022 = "Når er søknadsfristen for kommunalt rusarbeid 2022?"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """Copy the bundled sources to a folder named like the original."""
    folder = tmp_path / "data"
    shutil.copytree(default_sources(), folder)
    return folder


@pytest.fixture
def audit(state_db: StateDb) -> AuditLog:
    """An audit log in a fresh state database."""
    return AuditLog(state_db)


def snapshot(folder: Path) -> dict[str, str]:
    """Hash every file below a folder."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def add_2023(sources: Path, kb: KnowledgeBase, audit: AuditLog, value: str = "15.02.2023") -> None:
    """Add the 2023 application deadline of Kommunalt rusarbeid for Innlandet."""
    proposal = propose_deadline(
        sources, "kommunalt rusarbeid", 2023, "søknad", value, False, kb=kb, today=TODAY,
        office="innlandet",
    )  # fmt: skip
    apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)


# --- parsing what the admin types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15.02.2023", DeadlineValue(raw="15.02.2023", date="2023-02-15")),
        ("2023-02-15", DeadlineValue(raw="2023-02-15", date="2023-02-15")),
        ("15. februar 2023", DeadlineValue(raw="15. februar 2023", date="2023-02-15")),
        ("15 feb 2023", DeadlineValue(raw="15 feb 2023", date="2023-02-15")),
        ("15. februar", DeadlineValue(raw="15. februar", date="2023-02-15")),
        ("1.3.23", DeadlineValue(raw="1.3.23", date="2023-03-01")),
        ("30.02.2023", DeadlineValue(raw="30.02.2023", date="2023-02-30")),
        ("Løpende", DeadlineValue(raw="Løpende", text="Løpende")),
        ("ukjent", DeadlineValue(raw="ukjent", unknown=True)),
    ],
)
def test_a_date_is_read_in_the_forms_caseworkers_type(typed: str, expected: DeadlineValue) -> None:
    assert parse_deadline_value(typed, 2023) == expected


@pytest.mark.parametrize("typed", ["15. febuary 2023", "15/2-2023", ""])
def test_an_unreadable_date_is_refused_with_how_to_write_it(typed: str) -> None:
    with pytest.raises(ChangeRefused) as refused:
        parse_deadline_value(typed, 2023)
    assert "15.02.2023" in str(refused.value)


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("søknad", "application"),
        ("Søknadsfrist", "application"),
        ("application", "application"),
        ("rapport", "report"),
        ("report", "report"),
        ("regnskap", "accounts"),
        ("accounts", "accounts"),
        ("xyz", "xyz"),
    ],
)
def test_kind_words_map_to_deadline_kinds_and_others_pass_to_the_validator(
    word: str, kind: str
) -> None:
    assert parse_kind(word) == kind


@pytest.mark.parametrize(
    ("arguments", "scheme", "year", "kind", "value", "tentative"),
    [
        ("kommunalt rusarbeid 2023 søknad 15.02.2023", "kommunalt rusarbeid", 2023, "søknad",
         "15.02.2023", False),
        ("rusarbeid 2023 rapport 15. februar 2023 tentativ", "rusarbeid", 2023, "rapport",
         "15. februar 2023", True),
        ("kap 765 post 62 2022 søknad 1.3.2022", "kap 765 post 62", 2022, "søknad", "1.3.2022",
         False),
    ],
)  # fmt: skip
def test_the_ny_frist_arguments_are_split_into_scheme_year_kind_and_date(
    arguments: str, scheme: str, year: int, kind: str, value: str, tentative: bool
) -> None:
    command = parse_deadline_command(arguments)
    assert (command.scheme, command.year, command.kind, command.value, command.tentative) == (
        scheme,
        year,
        kind,
        value,
        tentative,
    )


@pytest.mark.parametrize("arguments", ["", "rusarbeid", "rusarbeid 2023", "rusarbeid søknad 15.02"])
def test_ny_frist_without_year_kind_and_date_is_refused_with_the_usage(arguments: str) -> None:
    with pytest.raises(ChangeRefused, match="Bruk: /ny_frist"):
        parse_deadline_command(arguments)


def test_an_english_speaking_admin_is_refused_and_shown_the_usage_in_english() -> None:
    with pytest.raises(ChangeRefused, match=r"^Usage: /ny_frist SCHEME YEAR KIND DATE"):
        parse_deadline_command("rusarbeid 2023", "en")
    with pytest.raises(ChangeRefused, match=r"I do not recognise the date «15\.02\.20233»"):
        parse_deadline_value("15.02.20233", 2023, "en")
    with pytest.raises(ChangeRefused, match="I do not recognise the month «frebruar»"):
        parse_deadline_value("15. frebruar", 2023, "en")


def test_an_english_speaking_admin_previews_a_new_deadline_in_english(sources: Path) -> None:
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "kommunalt rusarbeid", 2023, "søknad", "15. februar 2023", False, kb=kb,
        today=TODAY, office="innlandet", lang="en",
    )  # fmt: skip
    lines = proposal.preview.splitlines()
    assert lines[0].startswith("New deadline (not saved yet): Application deadline for ")
    assert lines[0].endswith(" 2023, Statsforvalteren i Innlandet.")
    assert lines[1].startswith("- Application deadline for ") and ": new, " in lines[1]
    assert lines[-1].startswith("To be written to ")
    with pytest.raises(ChangeRefused, match=r"^Unknown scheme «finnes ikke»\. Known schemes: "):
        propose_deadline(
            sources, "finnes ikke", 2023, "søknad", "15.02.2023", False, kb=kb, today=TODAY,
            lang="en",
        )  # fmt: skip


# --- a valid change ---------------------------------------------------------------------------


def test_the_bundled_sources_round_trip_byte_for_byte_through_the_yaml_writer() -> None:
    from bot.kbadmin import _yaml

    for path in source_paths(default_sources()):
        text = path.read_text(encoding="utf-8")
        buf = io.StringIO()
        rt = _yaml()
        rt.dump(rt.load(text), buf)
        assert buf.getvalue() == text, path.name


def test_a_valid_new_deadline_is_previewed_then_written_back_with_comments_and_layout_kept(
    sources: Path, audit: AuditLog
) -> None:
    before = (sources / RUS).read_text(encoding="utf-8")
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "kommunalt rusarbeid", 2023, "søknad", "15. februar 2023", False, kb=kb,
        today=TODAY, office="innlandet",
    )  # fmt: skip
    assert (sources / RUS).read_text(encoding="utf-8") == before, "a proposal writes nothing"
    assert proposal.preview.splitlines()[0] == (
        "Ny frist (ikke lagret ennå): Søknadsfrist for Kommunalt rusarbeid 2023, "
        "Statsforvalteren i Innlandet."
    )
    assert "- Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023" in proposal.preview

    change = apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)

    after = (sources / RUS).read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "+    - year: 2023",
        "+      kind: application",
        "+      date: 2023-02-15",
        '+      raw: "15. februar 2023"',
        '+      note: "Registrert av saksbehandler 5. januar 2023."',
        "+      source: admin-2023-01-05-innlandet",
    ]
    assert after.index("      source: admin-2023-01-05-innlandet\n\n  rules:") > 0
    assert load_sources(sources).version == change.kb.version
    assert change.action == "deadline_added"
    assert change.files == (sources / RUS, sources / "sources.yaml")


def test_the_engine_answers_with_the_new_deadline_after_the_swap(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    engine = Engine(kb)
    assert "15. februar 2023" not in engine.ask(ASK_2023, TODAY).text
    proposal = propose_deadline(
        sources, "rusarbeid", 2023, "søknad", "15.02.2023", False, kb=kb, today=TODAY,
        office="innlandet",
    )  # fmt: skip
    change = apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)
    engine.swap(change.kb)
    answer = engine.ask(ASK_2023, TODAY)
    assert answer.answered
    assert "15. februar 2023" in answer.text
    assert "Registrert av saksbehandler 5. januar 2023." in answer.text
    assert [s.label() for s in answer.sources] == [
        "Statsforvalteren i Innlandet, 5. januar 2023 (admin-2023-01-05-innlandet)"
    ]


def test_edits_of_one_day_and_office_share_one_admin_source_entry(
    sources: Path, audit: AuditLog
) -> None:
    add_2023(sources, load_sources(sources), audit)
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "rusarbeid", 2023, "rapport", "1.9.2023", True, kb=kb, today=TODAY,
        office="innlandet",
    )  # fmt: skip
    change = apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)
    text = (sources / "sources.yaml").read_text(encoding="utf-8")
    assert text.count("admin-2023-01-05-innlandet") == 1
    doc = change.kb.sources["admin-2023-01-05-innlandet"]
    assert (doc.kind, doc.office, doc.date, doc.date_text) == (
        "admin",
        "innlandet",
        TODAY,
        "5. januar 2023",
    )
    report = next(e for e in change.kb.deadlines() if e.id.endswith(":2023:report:innlandet"))
    assert report.deadline.tentative
    assert report.deadline.date == dt.date(2023, 9, 1)


def test_correcting_an_existing_deadline_shows_and_audits_the_old_and_new_value(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "kommunalt-rusarbeid", 2022, "application", "1. mars 2022", False, kb=kb,
        today=TODAY,
    )  # fmt: skip
    assert proposal.action == "deadline_changed"
    assert "Nå: 15. februar 2022 [004_3cc30d92ddb7e090.txt]" in proposal.preview
    assert (
        "- Søknadsfrist for Kommunalt rusarbeid 2022: endret fra 15. februar 2022 til "
        "1. mars 2022" in proposal.preview
    )
    change = apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)
    [entry] = audit.entries()
    assert (entry.day, entry.who, entry.action, entry.target) == (
        TODAY,
        ADMIN,
        "deadline_changed",
        "kommunalt-rusarbeid:2022:application:ukjent-statsforvalter",
    )
    assert entry.old == "15. februar 2022 [004_3cc30d92ddb7e090.txt]"
    assert entry.new == "1. mars 2022 [admin-2023-01-05-ukjent-statsforvalter]"
    assert entry.id == change.audit_id
    corrected = next(e for e in change.kb.deadlines() if e.id == entry.target).deadline
    assert corrected.note is not None and "før: 15. februar 2022" in corrected.note
    engine = Engine(change.kb)
    assert "1. mars 2022" in engine.ask(ASK_2022, TODAY).text
    text = (sources / RUS).read_text(encoding="utf-8")
    assert text.count("kind: application") == 3, "corrected in place, not added"


def test_the_audit_log_keeps_every_change_newest_first(sources: Path, audit: AuditLog) -> None:
    add_2023(sources, load_sources(sources), audit, "15.02.2023")
    add_2023(sources, load_sources(sources), audit, "1.03.2023")
    entries = audit.entries()
    assert [(e.action, e.old, e.new) for e in entries] == [
        (
            "deadline_changed",
            "15. februar 2023 [admin-2023-01-05-innlandet]",
            "1. mars 2023 [admin-2023-01-05-innlandet]",
        ),
        ("deadline_added", None, "15. februar 2023 [admin-2023-01-05-innlandet]"),
    ]
    assert entries[0].render() == (
        "2023-01-05 4242: deadline_changed kommunalt-rusarbeid:2023:application:innlandet: "
        "15. februar 2023 [admin-2023-01-05-innlandet] → 1. mars 2023 [admin-2023-01-05-innlandet]"
    )
    columns = [
        row[1] for row in sqlite3.connect(audit.db.path).execute("pragma table_info(audit_log)")
    ]
    assert columns == ["id", "day", "who", "action", "target", "old", "new"]


def test_the_same_deadline_again_is_refused_as_already_registered(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    with pytest.raises(ChangeRefused, match="allerede registrert"):
        propose_deadline(
            sources, "rusarbeid", 2022, "søknad", "15.02.2022", False, kb=kb, today=TODAY
        )


# --- invalid changes ----------------------------------------------------------------------------

RUS_SHOWN = "data/schemes/kommunalt-rusarbeid.yaml: scheme (kommunalt-rusarbeid)"


@pytest.mark.parametrize(
    ("scheme", "year", "kind", "value", "office", "expected"),
    [
        ("rusarbeid", 2023, "søknad", "2023-02-30", "innlandet",
         f"{RUS_SHOWN}.deadlines[4] (2023 application): date: Input should be a valid date or "
         "datetime, day value is outside expected range"),
        ("rusarbeid", 2023, "søknad", "30. februar 2023", "innlandet",
         f"{RUS_SHOWN}.deadlines[4] (2023 application): date: Input should be a valid date or "
         "datetime, day value is outside expected range"),
        ("rusarbeid", 2023, "xyz", "2023-02-15", "innlandet",
         f"{RUS_SHOWN}.deadlines[4] (2023 xyz): kind: Input should be 'application', 'report' "
         "or 'accounts'"),
        ("rusarbeid", 2023, "søknad", "2025-02-15", "innlandet",
         f"{RUS_SHOWN}.deadlines[4] (2023 application): "),
        ("rusarbeid", 1850, "søknad", "1.3.1850", "innlandet",
         f"{RUS_SHOWN}.deadlines[4] (1850 application): year: Input should be greater than or "
         "equal to 1990"),
        ("rusarbeid", 2023, "søknad", "2023-02-15", "oslo",
         "sources.yaml: sources[5] (admin-2023-01-05-oslo): office: unknown office 'oslo'"),
        ("finnes ikke", 2023, "søknad", "2023-02-15", "innlandet",
         "Ukjent ordning «finnes ikke». Kjente ordninger: barn-unge-langvarige, "),
    ],
)  # fmt: skip
def test_an_invalid_deadline_is_refused_with_the_exact_loader_error_and_nothing_is_written(
    sources: Path,
    audit: AuditLog,
    scheme: str,
    year: int,
    kind: str,
    value: str,
    office: str,
    expected: str,
) -> None:
    before = snapshot(sources)
    kb = load_sources(sources)
    engine = Engine(kb)
    old_answer = engine.ask(ASK_2022, TODAY).text
    with pytest.raises(ChangeRefused) as refused:
        propose_deadline(
            sources, scheme, year, kind, value, False, kb=kb, today=TODAY, office=office
        )
    assert expected in refused.value.problems[0]
    if value == "2025-02-15":
        assert refused.value.problems[0].endswith("date 2025-02-15 does not belong to year 2023")
    assert snapshot(sources) == before
    assert audit.entries() == []
    assert engine.ask(ASK_2022, TODAY).text == old_answer


def test_the_refusal_lines_are_those_kb_check_prints_for_the_same_edit_by_hand(
    sources: Path,
) -> None:
    kb = load_sources(sources)
    with pytest.raises(ChangeRefused) as refused:
        propose_deadline(
            sources, "rusarbeid", 2023, "søknad", "2023-02-30", False, kb=kb, today=TODAY,
            office="innlandet",
        )  # fmt: skip
    path = sources / RUS
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  rules:\n",
            "    - year: 2023\n      kind: application\n      date: \"2023-02-30\"\n"
            "      raw: x\n      source: 002_5e888543f70d9581.txt\n  rules:\n",
            1,
        ),
        encoding="utf-8",
    )  # fmt: skip
    with pytest.raises(KnowledgeError) as by_hand:
        load_sources(sources)
    assert refused.value.problems == tuple(str(p) for p in by_hand.value.problems)


def test_a_proposal_is_validated_again_when_confirmed_and_refused_if_the_sources_broke(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "rusarbeid", 2023, "søknad", "15.02.2023", False, kb=kb, today=TODAY,
        office="innlandet",
    )  # fmt: skip
    faq = sources / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace('years: "2021"', 'years: "20x1"', 1))
    before = snapshot(sources)
    with pytest.raises(ChangeRefused) as refused:
        apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)
    assert refused.value.problems[0].startswith("data/faq.yaml: faq[0] (rusarbeid-fact-andel)")
    assert snapshot(sources) == before
    assert audit.entries() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_write_that_fails_half_way_restores_the_files_already_written(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    proposal = propose_deadline(
        sources, "rusarbeid", 2023, "søknad", "15.02.2023", False, kb=kb, today=TODAY,
        office="innlandet",
    )  # fmt: skip
    before = snapshot(sources)
    (sources / "schemes").chmod(0o555)
    try:
        with pytest.raises(ChangeRefused, match="Kunne ikke skrive kildene"):
            apply_proposal(proposal, who=ADMIN, today=TODAY, audit=audit)
    finally:
        (sources / "schemes").chmod(0o755)
    assert snapshot(sources) == before
    assert audit.entries() == []


def test_two_admins_confirming_at_the_same_time_lose_no_update(
    sources: Path, audit: AuditLog
) -> None:
    kb = load_sources(sources)
    proposals = [
        propose_deadline(
            sources, "rusarbeid", 2023, kind, "15.02.2023", False, kb=kb, today=TODAY,
            office="innlandet",
        )
        for kind in ("søknad", "rapport", "regnskap")
    ]  # fmt: skip
    errors: list[BaseException] = []

    def confirm(index: int) -> None:
        try:
            apply_proposal(proposals[index], who=ADMIN + index, today=TODAY, audit=audit)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=confirm, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    ids = {e.id for e in load_sources(sources).deadlines()}
    for kind in ("application", "report", "accounts"):
        assert f"kommunalt-rusarbeid:2023:{kind}:innlandet" in ids
    assert len(audit.entries()) == 3


# --- reload and the running bot -----------------------------------------------------------------


def test_reload_rebuilds_the_database_and_the_watcher_swaps_the_running_engine(
    sources: Path, audit: AuditLog, tmp_path: Path
) -> None:
    db = tmp_path / "knowledge.db"
    build_database(load_sources(sources), db)
    engine = Engine(load_database(db))
    watcher = KnowledgeWatcher(db, engine)
    assert watcher.check() is None
    add_2023(sources, load_sources(sources), audit)

    out = io.StringIO()
    assert main(["kb", "reload", str(sources), "--db", str(db)], out) == 0
    printed = out.getvalue()
    assert "- Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023" in printed
    assert read_version(db) == load_sources(sources).version

    diff = watcher.check()
    assert diff is not None
    assert "Søknadsfrist for Kommunalt rusarbeid 2023: ny, 15. februar 2023" in diff.lines()
    assert diff.affected_schemes == {"kommunalt-rusarbeid"}
    assert "15. februar 2023" in engine.ask(ASK_2023, TODAY).text
    assert watcher.check() is None, "nothing new the second time"

    again = io.StringIO()
    assert main(["kb", "reload", str(sources), "--db", str(db)], again) == 0
    assert again.getvalue().startswith("Ingen endringer")


def test_reload_with_invalid_sources_exits_1_and_leaves_the_database_untouched(
    sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "knowledge.db"
    build_database(load_sources(sources), db)
    good = db.read_bytes()
    path = sources / RUS
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2022-02-15", "date: 2022-13-15")
    )

    assert main(["kb", "reload", str(sources), "--db", str(db)], io.StringIO()) == 1
    err = capsys.readouterr().err
    assert "data/schemes/kommunalt-rusarbeid.yaml: scheme (kommunalt-rusarbeid).deadlines[3]" in err
    assert db.read_bytes() == good
    engine = Engine(load_database(db))
    assert "15. februar 2022" in engine.ask(ASK_2022, TODAY).text
    with pytest.raises(KnowledgeError):
        reload_knowledge(sources, db)
    assert db.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kb-")] == []


def test_reload_into_a_missing_database_builds_it(sources: Path, tmp_path: Path) -> None:
    db = tmp_path / "new" / "knowledge.db"
    result = reload_knowledge(sources, db)
    assert result.rebuilt and result.previous_version is None
    assert read_version(db) == result.kb.version


def test_the_watcher_keeps_the_old_knowledge_when_the_database_is_unreadable(
    tmp_path: Path, kb: KnowledgeBase
) -> None:
    db = tmp_path / "knowledge.db"
    engine = Engine(kb)
    watcher = KnowledgeWatcher(db, engine)
    assert watcher.check() is None
    assert watcher.last_error is not None and "no knowledge database" in watcher.last_error
    db.write_bytes(b"not a database")
    assert watcher.check() is None
    assert engine.kb is kb


def test_questions_asked_during_repeated_swaps_each_come_from_one_knowledge_base(
    sources: Path, kb: KnowledgeBase
) -> None:
    # The other knowledge base moves a date and adds a name only its understander knows, so
    # an answer that mixed one's understanding with the other's composing would show.
    path = sources / RUS
    text = path.read_text(encoding="utf-8").replace("date: 2022-02-15", "date: 2022-03-01")
    alias = '      - "municipal substance abuse"\n'
    path.write_text(text.replace(alias, alias + '      - "rusmiddeltilskuddet"\n'))
    other = load_sources(sources)
    questions = [
        ASK_2022,
        "Når er søknadsfristen for rusmiddeltilskuddet 2022?",
        "Hva er fristene for kommunalt rusarbeid?",
        "hei",
    ]
    expected = {
        q: {Engine(kb).ask(q, TODAY).text, Engine(other).ask(q, TODAY).text} for q in questions
    }
    assert all(len(texts) == 2 for q, texts in expected.items() if q != "hei")

    engine = Engine(kb)
    engine.ask(ASK_2022, TODAY, chat="kept")
    stop = threading.Event()
    errors: list[BaseException] = []
    seen: list[tuple[str, str]] = []

    def ask(worker: int) -> None:
        try:
            while not stop.is_set():
                for q in questions:
                    seen.append((q, engine.ask(q, TODAY).text))
                    time.sleep(0.001)  # let the swapping thread run too
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def swap() -> None:
        try:
            for i in range(10):
                engine.swap(other if i % 2 == 0 else kb)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            stop.set()

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(3)]
    threads.append(threading.Thread(target=swap))
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert errors == []
    assert len(seen) > 12
    for question, text in seen:
        assert text in expected[question]
    answers_2022 = {text for q, text in seen if q == ASK_2022}
    assert len(answers_2022) == 2, "both knowledge bases answered during the swaps"
    assert engine.contexts.describe("kept") is not None, "contexts survive a swap"
