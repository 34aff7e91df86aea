"""The review queue: unanswered and thumbed-down questions, grouped, kept 90 days, resolved.

Real SQLite in tmp_path, real YAML in a copy of the bundled sources, no mocks. Time travel is
done by passing another `today`.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.kbadmin import AuditLog, ChangeRefused
from bot.review import KEEP_DAYS, MAX_TEXT, ReviewQueue, UnknownGroup
from bot.statedb import StateDb, open_state
from knowledge.loader import default_sources, load_sources

TODAY = dt.date(2023, 1, 5)
ADMIN = 777

CARS = [
    "Kan vi bruke rustilskuddet til å kjøpe bil?",
    "kan vi bruke rustilskuddet til å kjøpe bil",
    "Kan vi kjøpe bil for rustilskuddet?",
    "Kan rustilskuddet brukes til å kjøpe en bil?",
]
COURSES = [
    "Dekker tilskuddet kurs for ansatte?",
    "dekker tilskuddet kurs for de ansatte",
]
WEATHER = ["Hvordan blir været i Lillehammer i morgen?"]


@pytest.fixture
def state(state_db: StateDb) -> Path:
    """The path of the fresh state database."""
    return state_db.path


@pytest.fixture
def queue(state_db: StateDb) -> ReviewQueue:
    """An empty review queue."""
    return ReviewQueue(state_db)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the bundled sources."""
    folder = tmp_path / "data"
    shutil.copytree(default_sources(), folder)
    return folder


def fill(queue: ReviewQueue) -> None:
    """Queue four car questions, two course questions and one about the weather."""
    for i, text in enumerate(CARS):
        queue.add(text, TODAY - dt.timedelta(days=10 - i))
    queue.add(COURSES[0], TODAY - dt.timedelta(days=3), "thumbs_down")
    queue.add(COURSES[1], TODAY, "thumbs_down")
    queue.add(WEATHER[0], TODAY)


def columns(path: Path, table: str) -> list[str]:
    """List the columns of a table."""
    with sqlite3.connect(path) as conn:
        return [row[1] for row in conn.execute(f"pragma table_info({table})")]


def test_the_queue_stores_only_the_question_text_the_day_the_reason_and_its_group(
    queue: ReviewQueue, state: Path
) -> None:
    queue.add("Kan vi søke om bil?", TODAY)
    assert columns(state, "review_questions") == ["id", "day", "reason", "text", "group_id"]
    with sqlite3.connect(state) as conn:
        rows = conn.execute("select * from review_questions").fetchall()
        groups = conn.execute("select * from review_groups").fetchall()
    assert rows == [(1, "2023-01-05", "unanswered", "Kan vi søke om bil?", 1)]
    assert groups == [(1, "kan vi soke om bil")]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  Kan vi\tsøke\x00 om   bil? ", "Kan vi søke om bil?"),
        ("x" * 3000, "x" * MAX_TEXT),
        ("e\u0301ple", "\u00e9ple"),
    ],
)
def test_the_text_is_cleaned_and_capped(queue: ReviewQueue, typed: str, stored: str) -> None:
    assert queue.add(typed, TODAY)
    [entry] = queue.entries(TODAY)
    assert entry.text == stored


@pytest.mark.parametrize("typed", ["", "   ", "\x00\x01"])
def test_an_empty_question_is_not_queued(queue: ReviewQueue, typed: str) -> None:
    assert not queue.add(typed, TODAY)
    assert queue.entries(TODAY) == []


def test_an_unknown_reason_is_refused(queue: ReviewQueue) -> None:
    with pytest.raises(ValueError, match="unknown reason"):
        queue.add("Kan vi søke?", TODAY, "spam")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("days_later", "kept"),
    [(0, True), (1, True), (KEEP_DAYS - 1, True), (KEEP_DAYS, False), (KEEP_DAYS + 30, False)],
)
def test_a_question_is_kept_at_most_90_days(
    queue: ReviewQueue, state: Path, days_later: int, kept: bool
) -> None:
    queue.add("Kan vi søke om bil?", TODAY)
    later = TODAY + dt.timedelta(days=days_later)
    assert bool(queue.grouped(later)) == kept
    with sqlite3.connect(state) as conn:
        left = conn.execute("select count(*) from review_questions").fetchone()[0]
    assert left == (1 if kept else 0), "expired questions are deleted, not just hidden"


def test_adding_a_question_purges_the_expired_ones(queue: ReviewQueue) -> None:
    queue.add("gammelt spørsmål", TODAY)
    queue.add("nytt spørsmål", TODAY + dt.timedelta(days=KEEP_DAYS))
    assert [e.text for e in queue.entries(TODAY + dt.timedelta(days=KEEP_DAYS))] == [
        "nytt spørsmål"
    ]


def test_purge_takes_a_shorter_retention(queue: ReviewQueue) -> None:
    queue.add("a", TODAY - dt.timedelta(days=10))
    queue.add("b", TODAY)
    assert queue.purge(TODAY, keep_days=5) == 1
    assert [e.text for e in queue.entries(TODAY)] == ["b"]


def test_similar_questions_are_grouped_most_frequent_first(queue: ReviewQueue) -> None:
    fill(queue)
    groups = queue.grouped(TODAY)
    assert [(g.representative, g.count) for g in groups] == [
        (CARS[0], 4),
        (COURSES[0], 2),
        (WEATHER[0], 1),
    ]
    cars, courses, weather = groups
    assert cars.examples == tuple(CARS[2:])  # CARS[1] folds to the same text as CARS[0]
    assert (cars.first_day, cars.last_day) == (
        TODAY - dt.timedelta(days=10),
        TODAY - dt.timedelta(days=7),
    )
    assert (cars.thumbs_down, courses.thumbs_down, weather.thumbs_down) == (0, 2, 0)
    assert courses.examples == (COURSES[1],)
    assert len({g.id for g in groups}) == 3
    assert sorted(i for g in groups for i in g.ids) == list(range(1, 8))


def test_a_group_is_found_by_any_of_its_entry_ids(queue: ReviewQueue) -> None:
    fill(queue)
    cars = queue.grouped(TODAY)[0]
    assert queue.group(cars.ids[-1], TODAY) == cars
    with pytest.raises(UnknownGroup):
        queue.group(999, TODAY)


def test_a_dismissed_group_leaves_the_queue(queue: ReviewQueue) -> None:
    fill(queue)
    weather = queue.grouped(TODAY)[2]
    assert queue.dismiss(weather.id, TODAY) == 1
    assert [g.representative for g in queue.grouped(TODAY)] == [CARS[0], COURSES[0]]


def test_a_group_resolved_as_faq_is_written_to_faq_yaml_validated_audited_and_answered(
    queue: ReviewQueue, state: Path, sources: Path
) -> None:
    fill(queue)
    audit = AuditLog(queue.db)
    cars = queue.grouped(TODAY)[0]
    before = (sources / "faq.yaml").read_text(encoding="utf-8")
    change = queue.resolve_as_faq(
        cars.id,
        "Kan vi bruke tilskuddet til kommunalt rusarbeid til å kjøpe bil?",
        "Nei. Tilskuddet gjelder midler kun til årsverk.",
        "kommunalt rusarbeid",
        who=ADMIN,
        today=TODAY,
        sources_dir=sources,
        audit=audit,
        office="innlandet",
    )
    after = (sources / "faq.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.rstrip("\n") + "\n\n  - id: kommunalt-kan-vi-bruke-tilskuddet")
    assert after.endswith(
        '    years: "2023-"\n'
        '    question: "Kan vi bruke tilskuddet til kommunalt rusarbeid til å kjøpe bil?"\n'
        '    answer: "Nei. Tilskuddet gjelder midler kun til årsverk."\n'
        "    aliases:\n"
        '      - "Kan vi bruke rustilskuddet til å kjøpe bil?"\n'
        '      - "Kan vi kjøpe bil for rustilskuddet?"\n'
        '      - "Kan rustilskuddet brukes til å kjøpe en bil?"\n'
        "    source: admin-2023-01-05-innlandet\n"
    )
    kb = load_sources(sources)
    entry = kb.faq[change.target.removeprefix("faq:")]
    assert entry.scheme == "kommunalt-rusarbeid"
    assert kb.provenance(entry).label() == (
        "Statsforvalteren i Innlandet, 5. januar 2023 (admin-2023-01-05-innlandet)"
    )
    assert [g.representative for g in queue.grouped(TODAY)] == [COURSES[0], WEATHER[0]]
    [record] = audit.entries()
    assert (record.who, record.action, record.target) == (ADMIN, "faq_added", change.target)
    assert change.diff.lines() == [
        "Nytt spørsmål og svar (Kommunalt rusarbeid): "
        "«Kan vi bruke tilskuddet til kommunalt rusarbeid til å kjøpe bil?»",
        "Ny kilde: Endring registrert av saksbehandler i Tilskuddsbot "
        "(Statsforvalteren i Innlandet, 5. januar 2023)",
    ]
    answer = Engine(change.kb).ask("Kan vi kjøpe bil for rustilskuddet?", TODAY)
    assert "Nei. Tilskuddet gjelder midler kun til årsverk." in answer.text


def test_a_group_resolved_as_alias_adds_its_phrasings_to_the_existing_entry(
    queue: ReviewQueue, state: Path, sources: Path
) -> None:
    fill(queue)
    audit = AuditLog(queue.db)
    courses = queue.grouped(TODAY)[1]
    change = queue.resolve_as_alias(
        courses.id,
        "rusarbeid-annet-enn-arsverk",
        who=ADMIN,
        today=TODAY,
        sources_dir=sources,
        audit=audit,
    )
    text = (sources / "faq.yaml").read_text(encoding="utf-8")
    assert (
        '      - "Dekker tilskuddet kurs for ansatte?"\n'
        '      - "dekker tilskuddet kurs for de ansatte"\n'
        "    source: 002_5e888543f70d9581.txt\n" in text
    )
    kb = load_sources(sources)
    assert kb.faq["rusarbeid-annet-enn-arsverk"].aliases[-2:] == COURSES
    question = "«Kan tilskuddet til kommunalt rusarbeid brukes til annet enn årsverk?»"
    assert change.diff.lines() == [
        f"Ny formulering av {question}: «Dekker tilskuddet kurs for ansatte?»",
        f"Ny formulering av {question}: «dekker tilskuddet kurs for de ansatte»",
    ]
    [record] = audit.entries()
    assert (record.action, record.target) == ("faq_alias_added", "faq:rusarbeid-annet-enn-arsverk")
    assert record.new is not None and record.new.endswith(" | ".join(COURSES))
    assert [g.representative for g in queue.grouped(TODAY)] == [CARS[0], WEATHER[0]]


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("faq with unknown scheme", "Ukjent ordning «finnes ikke»"),
        ("faq without answer", "Både spørsmål og svar må fylles ut."),
        ("alias of unknown faq", "Ukjent spørsmål 'finnes-ikke'."),
    ],
)
def test_a_refused_resolution_writes_nothing_and_keeps_the_group(
    queue: ReviewQueue, state: Path, sources: Path, how: str, message: str
) -> None:
    fill(queue)
    audit = AuditLog(queue.db)
    before = (sources / "faq.yaml").read_bytes()
    cars = queue.grouped(TODAY)[0]
    common = {"who": ADMIN, "today": TODAY, "sources_dir": sources, "audit": audit}
    with pytest.raises(ChangeRefused) as refused:
        if how == "faq with unknown scheme":
            queue.resolve_as_faq(cars.id, "Bil?", "Nei.", "finnes ikke", **common)  # type: ignore[arg-type]
        elif how == "faq without answer":
            queue.resolve_as_faq(cars.id, "Bil?", "  ", None, **common)  # type: ignore[arg-type]
        else:
            queue.resolve_as_alias(cars.id, "finnes-ikke", **common)  # type: ignore[arg-type]
    assert str(refused.value).startswith(message)
    assert (sources / "faq.yaml").read_bytes() == before
    assert queue.grouped(TODAY)[0] == cars
    assert audit.entries() == []


def test_resolving_a_group_that_is_gone_says_so(
    queue: ReviewQueue, state: Path, sources: Path
) -> None:
    with pytest.raises(UnknownGroup):
        queue.resolve_as_alias(
            1,
            "rusarbeid-annet-enn-arsverk",
            who=ADMIN,
            today=TODAY,
            sources_dir=sources,
            audit=AuditLog(queue.db),
        )


def test_the_review_and_audit_tables_share_the_state_database_with_their_own_names(
    queue: ReviewQueue, state: Path
) -> None:
    queue.add("Kan vi søke om bil?", TODAY)
    AuditLog(queue.db).entries()
    with sqlite3.connect(state) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    assert {"review_questions", "audit_log"} <= tables
    assert not {t for t in tables if "user" in t or "chat" in t}
    assert not [c for c in columns(state, "review_questions") if "user" in c or "chat" in c]


def test_questions_queued_by_an_earlier_release_are_masked_and_grouped_at_the_first_use(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.db"
    dump = (Path(__file__).parent / "data" / "state-v1.sql").read_text(encoding="utf-8")
    with sqlite3.connect(path) as conn:
        conn.executescript(dump)
        conn.execute(
            "insert into review_questions (day, reason, text) values (?, ?, ?)",
            ("2022-01-28", "unanswered", "Jeg heter Kari Nordmann, tlf 91234567. Frist?"),
        )
    conn.close()
    with open_state(path) as db:
        groups = ReviewQueue(db).grouped(dt.date(2022, 1, 28))
    assert [(g.representative, g.count) for g in groups] == [
        ("Kan vi bruke rustilskuddet til å kjøpe bil?", 2),
        ("Hvordan blir været i morgen?", 1),
        ("Jeg heter [navn], tlf [telefon]. Frist?", 1),
    ]
    with sqlite3.connect(path) as conn:
        texts = " ".join(r[0] for r in conn.execute("select text from review_questions"))
        ungrouped = conn.execute("select count(*) from review_questions where group_id is null")
        assert ungrouped.fetchone() == (0,)
    conn.close()
    assert "Kari" not in texts and "91234567" not in texts


@pytest.mark.parametrize("group_id", [0, -1, 2**63, 10**30])
def test_a_group_id_no_group_can_have_is_unknown_not_an_error(
    queue: ReviewQueue, group_id: int
) -> None:
    with pytest.raises(UnknownGroup):
        queue.group(group_id, dt.date(2026, 12, 1))
