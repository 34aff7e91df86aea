"""Coverage: every scheme, deadline, amount, contact and rule the sources state is in the database.

The tables below are written by hand from the source documents in ../shared/seeds (read
with the slide-layout notes in mind: in 000 each scheme slide's deadline box follows its
bullets; in 002 slide titles come after their content). They are NOT generated from the
YAML. Each row is checked with SQL against a database built once for this module.

Source files:
    000_e550e94ad9bf2c94.txt  Fylkesmannen i Agder, 10.1.2020 (schemes of 2020, «Økning i rammen»)
    001_a9c6271b54d889f0.txt  Fylkesmannen, Agder, 2018 (distribution 2016/2017, prognosis 2018)
    002_5e888543f70d9581.txt  Statsforvalteren i Innlandet, 7.1.2021 (application workshop)
    003_1cfb0de1099b9b37.txt  national announcement 2020 (NAV social services grant)
    004_3cc30d92ddb7e090.txt  unnamed county governor's office, 27.1.2022 (update 2022)
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from knowledge.build import build_database
from knowledge.loader import load_sources

S000 = "000_e550e94ad9bf2c94.txt"
S001 = "001_a9c6271b54d889f0.txt"
S002 = "002_5e888543f70d9581.txt"
S003 = "003_1cfb0de1099b9b37.txt"
S004 = "004_3cc30d92ddb7e090.txt"

RUS = "kommunalt-rusarbeid"
VOKSNE = "voksne-langvarige"
BARN = "barn-unge-langvarige"
NAV = "nav-sosiale-tjenester"
PLAN = "opptrappingsplan-rusfeltet"
NYTT = "nytt-tilskudd-psykisk-helse-rus"
FRISKLIV = "frisklivs-og-laeringstilbud"
HUSBANKEN = "husbanken-boligsosiale-tiltak"
FASTLEGER = "kompensasjon-fastleger-korona"
SKJONN = "prosjektskjonnsmidler"
KOMPETANSE = "kompetanse-og-innovasjonstilskudd"

AGDER, INNLANDET, NASJONAL, UKJENT = "agder", "innlandet", "nasjonal", "ukjent-statsforvalter"


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """Build the bundled sources once and open the database read-only."""
    target = tmp_path_factory.mktemp("coverage") / "knowledge.db"
    build_database(load_sources(), target)
    connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def norm(text: str | None) -> str:
    """Compare texts loosely: case, dashes, hyphens and line breaks do not matter."""
    text = (text or "").casefold().replace("–", "-").replace("—", "-").replace("-", " ")
    return " ".join(text.split())


def covering(year: int) -> str:
    """SQL condition: a first_year/last_year range covers the year."""
    return f"first_year <= {int(year)} and coalesce(last_year, 9999) >= {int(year)}"


# --- sources and offices ----------------------------------------------------------------------

# (file, issuing office, date or None, words of the date as printed)
SOURCES = [
    (S000, AGDER, "2020-01-10", "2020"),
    (S001, AGDER, None, "2018"),
    (S002, INNLANDET, "2021-01-07", "2021"),
    (S003, NASJONAL, None, "2020"),
    (S004, UKJENT, "2022-01-27", "2022"),
]


@pytest.mark.parametrize(("file", "office", "date", "year"), SOURCES)
def test_every_source_document_is_recorded_with_its_office_and_date(
    conn: sqlite3.Connection, file: str, office: str, date: str | None, year: str
) -> None:
    row = conn.execute("select * from sources where file = ?", (file,)).fetchone()
    assert row is not None, f"source {file} missing"
    assert row["office"] == office
    assert row["date"] == date
    assert year in row["date_text"]


# (office id, words its name must contain)
OFFICES = [
    (AGDER, "Fylkesmannen i Agder"),
    (INNLANDET, "Statsforvalteren i Innlandet"),
    (NASJONAL, "nasjonal"),
    (UKJENT, "statsforvalter"),
]


@pytest.mark.parametrize(("office", "name"), OFFICES)
def test_every_issuing_office_is_recorded(conn: sqlite3.Connection, office: str, name: str) -> None:
    row = conn.execute("select name from offices where id = ?", (office,)).fetchone()
    assert row is not None, f"office {office} missing"
    assert norm(name) in norm(row["name"])


def test_there_are_exactly_the_four_offices(conn: sqlite3.Connection) -> None:
    assert {r[0] for r in conn.execute("select id from offices")} == {o for o, _ in OFFICES}


# --- schemes ----------------------------------------------------------------------------------

# (scheme id, its name as the sources print it)
SCHEMES = [
    (RUS, "Tilskudd til kommunalt rusarbeid"),  # 001, 002, 003, 004
    (VOKSNE, "Tilbud til voksne med langvarige og sammensatte tjenestebehov"),  # 000, 002
    (BARN, "Tilbud til barn og unge med behov for langvarig/sammensatt oppfølging"),  # 000, 002
    (NAV, "Tilskudd til utvikling av de sosiale tjenestene i NAV-kontoret"),  # 003
    (PLAN, "Opptrappingsplanen for rusfeltet"),  # 000, 001
    (NYTT, "Nytt tilskudd psykisk helse/rus"),  # 004 table
    (FRISKLIV, "Frisklivs- og læringstilbud"),  # 004 table
    (HUSBANKEN, "Husbankens boligsosiale tiltak"),  # 004 table
    (FASTLEGER, "Kompensasjon til næringsdrivende fastleger ved fravær knyttet til koronavirus"),
    (SKJONN, "Prosjektskjønnsmidler"),  # 004 table
    (KOMPETANSE, "Kompetanse og innovasjonstilskudd"),  # 004 table
]


@pytest.mark.parametrize(("scheme", "name"), SCHEMES)
def test_every_scheme_in_the_sources_is_in_the_database_under_its_printed_name(
    conn: sqlite3.Connection, scheme: str, name: str
) -> None:
    row = conn.execute("select official from schemes where id = ?", (scheme,)).fetchone()
    assert row is not None, f"scheme {scheme} missing"
    names = [
        r[0] for r in conn.execute("select name from scheme_names where scheme = ?", (scheme,))
    ]
    assert any(norm(name) in norm(n) for n in [row["official"], *names]), names


def test_there_are_exactly_the_eleven_schemes(conn: sqlite3.Connection) -> None:
    assert {r[0] for r in conn.execute("select id from schemes")} == {s for s, _ in SCHEMES}


# (scheme, chapter, post, ministry or None, year, source) — only where a source states it
BUDGET = [
    (RUS, "765", "62", None, 2021, S002),  # «765.62 – kommunalt rusarbeid»
    (VOKSNE, "765", "60", None, 2021, S002),  # «… tjenestebehov – kap. 765.60»
    (BARN, "765", "60", None, 2021, S002),  # «… oppfølging. Kap 765 post 60»
    (NAV, "0621", "63", "Arbeids- og sosialdepartementet", 2020, S003),  # «Kapittel 0621 post 63»
]


@pytest.mark.parametrize(("scheme", "chapter", "post", "ministry", "year", "source"), BUDGET)
def test_every_budget_chapter_and_post_is_in_the_database(
    conn: sqlite3.Connection,
    scheme: str,
    chapter: str,
    post: str,
    ministry: str | None,
    year: int,
    source: str,
) -> None:
    rows = conn.execute(
        f"select * from budget where scheme = ? and chapter = ? and post = ? and {covering(year)}",
        (scheme, chapter, post),
    ).fetchall()
    assert len(rows) == 1, f"{scheme}: kap. {chapter} post {post} ({year}) missing"
    assert rows[0]["source"] == source
    if ministry is not None:
        assert rows[0]["ministry"] == ministry


def test_no_scheme_has_a_budget_post_the_sources_do_not_state(conn: sqlite3.Connection) -> None:
    found = {(r[0], r[1], r[2]) for r in conn.execute("select scheme, chapter, post from budget")}
    assert found == {(s, c, p) for s, c, p, *_ in BUDGET}


# --- deadlines --------------------------------------------------------------------------------

# (scheme, year, kind, office, date, text, unknown, tentative, source)
DEADLINES = [
    # 000, Fylkesmannen i Agder, 2020: «Søknadsfrist» box after each scheme slide's bullets
    (RUS, 2020, "application", AGDER, "2020-03-01", None, False, False, S000),  # «1. mars»
    (BARN, 2020, "application", AGDER, "2020-03-01", None, False, False, S000),  # «1. mars»
    (VOKSNE, 2020, "application", AGDER, None, None, True, False, S000),  # «????»
    (NAV, 2020, "application", AGDER, "2020-02-01", None, False, False, S000),  # «1. februar»
    # 002, Statsforvalteren i Innlandet, 2021
    (RUS, 2021, "application", INNLANDET, "2021-02-10", None, False, False, S002),
    (RUS, 2021, "report", INNLANDET, "2021-02-10", None, False, False, S002),
    (VOKSNE, 2021, "application", INNLANDET, "2021-03-15", None, False, True, S002),  # vi antar
    (VOKSNE, 2021, "report", INNLANDET, "2021-03-15", None, False, True, S002),  # antatt
    (VOKSNE, 2021, "accounts", INNLANDET, "2021-03-15", None, False, True, S002),  # antatt innen
    (BARN, 2021, "application", INNLANDET, "2021-03-15", None, False, True, S002),  # antatt
    (BARN, 2021, "report", INNLANDET, "2021-03-15", None, False, True, S002),  # antatt
    (BARN, 2021, "accounts", INNLANDET, "2021-03-15", None, False, True, S002),  # regnskapsfrist
    # 003, national announcement 2020
    (NAV, 2020, "application", NASJONAL, "2020-02-01", None, False, False, S003),
    (NAV, 2021, "report", NASJONAL, "2021-02-01", None, False, False, S003),  # statusrapportering
    (NAV, 2021, "accounts", NASJONAL, "2021-02-01", None, False, False, S003),  # regnskap
    # 004, unnamed office, 2022: slides and the table of grants
    (RUS, 2022, "application", UKJENT, "2022-02-15", None, False, False, S004),
    (VOKSNE, 2022, "application", UKJENT, "2022-03-31", None, False, True, S004),  # 31.3.22 ???
    (BARN, 2022, "application", UKJENT, "2022-03-31", None, False, True, S004),  # 31.3.22 ???
    (NAV, 2022, "application", UKJENT, "2022-02-01", None, False, False, S004),
    (FRISKLIV, 2022, "application", UKJENT, None, "Vår", False, False, S004),
    (HUSBANKEN, 2022, "application", UKJENT, "2022-02-15", None, False, False, S004),
    (FASTLEGER, 2022, "application", UKJENT, None, "Løpende", False, False, S004),
    (SKJONN, 2022, "application", UKJENT, "2022-11-01", None, False, False, S004),
    (KOMPETANSE, 2022, "application", UKJENT, "2022-04-01", None, False, False, S004),
    (NYTT, 2022, "application", UKJENT, None, "April", False, True, S004),  # «April(?)»
]


@pytest.mark.parametrize(
    ("scheme", "year", "kind", "office", "date", "text", "unknown", "tentative", "source"),
    DEADLINES,
    ids=[f"{d[0]}-{d[1]}-{d[2]}-{d[3]}" for d in DEADLINES],
)
def test_every_deadline_in_the_sources_is_in_the_database(
    conn: sqlite3.Connection,
    scheme: str,
    year: int,
    kind: str,
    office: str,
    date: str | None,
    text: str | None,
    unknown: bool,
    tentative: bool,
    source: str,
) -> None:
    rows = conn.execute(
        "select * from deadlines where scheme = ? and year = ? and kind = ? and office = ?",
        (scheme, year, kind, office),
    ).fetchall()
    assert len(rows) == 1, f"{scheme} {year} {kind} ({office}) missing"
    row = rows[0]
    assert row["date"] == date
    assert norm(row["text"]) == norm(text)
    assert bool(row["unknown"]) is unknown
    assert bool(row["tentative"]) is tentative
    assert row["source"] == source
    assert row["raw"], "the deadline as printed must be kept"


def test_the_database_holds_no_deadline_the_sources_do_not_state(conn: sqlite3.Connection) -> None:
    found = {
        (r["scheme"], r["year"], r["kind"], r["office"])
        for r in conn.execute("select scheme, year, kind, office from deadlines")
    }
    assert found == {d[:4] for d in DEADLINES}


def test_the_unknown_deadline_keeps_the_question_marks(conn: sqlite3.Connection) -> None:
    raw = conn.execute(
        "select raw from deadlines where scheme = ? and year = 2020 and office = ?", (VOKSNE, AGDER)
    ).fetchone()[0]
    assert "????" in raw


# --- amounts ----------------------------------------------------------------------------------

# (schemes the amount belongs to, year, kroner, scope, office for a county amount,
#  approximate, prognosis, source)
APPROPRIATIONS = [
    # 001: «Tilskudd til kommunalt rusarbeid (472,4 mill. kr)»
    ((RUS,), 2018, 472_400_000, "nasjonal", None, False, False, S001),
    # 001: one amount for adults and children together: «(227 mil. kr)»
    ((VOKSNE, BARN), 2018, 227_000_000, "nasjonal", None, False, False, S001),
    # 001: «Tilskuddsforvaltning 2018 – Agder fylkene, Prognose: Kommunalt rusarbeid – 28 mill.»
    ((RUS,), 2018, 28_000_000, "fylke", AGDER, False, True, S001),
    # 001: «Langvarige og sammensatte – 13 mill.»
    ((VOKSNE, BARN), 2018, 13_000_000, "fylke", AGDER, False, True, S001),
    # 002: «Bevilgning 2021: 455 millioner til kommunalt rusarbeid»
    ((RUS,), 2021, 455_000_000, "nasjonal", None, False, False, S002),
    # 002: «antatt ca 32 millioner til fordeling i Innlandet»
    ((RUS,), 2021, 32_000_000, "fylke", INNLANDET, True, False, S002),
    # 002: voksne (title after content): «Bevilgning 2021: 185 millioner»
    ((VOKSNE,), 2021, 185_000_000, "nasjonal", None, False, False, S002),
    # 002: barn og unge: «Bevilgning 2021: 47 millioner»
    ((BARN,), 2021, 47_000_000, "nasjonal", None, False, False, S002),
]


@pytest.mark.parametrize(
    ("schemes", "year", "amount", "scope", "office", "approximate", "prognosis", "source"),
    APPROPRIATIONS,
    ids=[f"{a[0][0]}-{a[1]}-{a[2]}" for a in APPROPRIATIONS],
)
def test_every_appropriation_in_the_sources_is_in_the_database(
    conn: sqlite3.Connection,
    schemes: tuple[str, ...],
    year: int,
    amount: int,
    scope: str,
    office: str | None,
    approximate: bool,
    prognosis: bool,
    source: str,
) -> None:
    for scheme in schemes:
        rows = conn.execute(
            "select * from appropriations where scheme = ? and year = ? and amount = ?",
            (scheme, year, amount),
        ).fetchall()
        assert len(rows) == 1, f"{scheme} {year}: {amount} kr missing"
        row = rows[0]
        assert row["scope"] == scope
        if office is not None:
            assert row["office"] == office
        assert bool(row["approximate"]) is approximate
        assert bool(row["prognosis"]) is prognosis
        assert row["source"] == source
        assert row["text"], "the figure as printed must be kept"


def rule_json(conn: sqlite3.Connection, scheme: str, kind: str, year: int) -> dict[str, Any]:
    """Return the one rule of a kind that covers a year for a scheme."""
    rows = conn.execute(
        f"select json from rules where scheme = ? and kind = ? and {covering(year)}",
        (scheme, kind),
    ).fetchall()
    assert len(rows) == 1, f"{scheme}: one {kind} rule for {year} expected, found {len(rows)}"
    return dict(json.loads(rows[0][0]))


# 002 «Tidligere beregningsregler for ordningen til kommunalt rusarbeid»:
# (grant year, kroner per årsverk, of which competence development)
LADDER = [(1, 660_000, 10_000), (2, 550_000, 0), (3, 440_000, 0), (4, 330_000, 0)]


@pytest.mark.parametrize(("grant_year", "amount", "competence"), LADDER)
def test_every_step_of_the_rusarbeid_ladder_is_in_the_database(
    conn: sqlite3.Connection, grant_year: int, amount: int, competence: int
) -> None:
    rule = rule_json(conn, RUS, "ladder", 2021)
    assert rule["source"] == S002
    assert rule["unit"] == "årsverk"
    steps = {s["grant_year"]: (s["amount"], s.get("competence", 0)) for s in rule["steps"]}
    assert steps[grant_year] == (amount, competence)


def test_the_rusarbeid_ladder_has_four_steps_and_halves_in_the_last_year(
    conn: sqlite3.Connection,
) -> None:
    rule = rule_json(conn, RUS, "ladder", 2021)
    amounts = [s["amount"] for s in sorted(rule["steps"], key=lambda s: s["grant_year"])]
    assert len(amounts) == 4  # «inntil 4 år»
    assert amounts[-1] * 2 == amounts[0]  # «halvt årsverksats siste år»


def test_the_2022_rusarbeid_grant_is_computed_as_before(conn: sqlite3.Connection) -> None:
    # 004: «Nedtrapping • 2022 → Beregnes som tidligere»
    rule = rule_json(conn, RUS, "same_as", 2022)
    assert rule["source"] == S004
    ladder = rule_json(conn, RUS, "ladder", 2021)
    assert rule["rule"] == ladder["id"]


@pytest.mark.parametrize("year", [2023, 2024])
def test_the_flat_wind_down_amount_is_in_the_database(conn: sqlite3.Connection, year: int) -> None:
    # 004: «2023 – 2024 → 330 000 pr. stilling»
    rule = rule_json(conn, RUS, "flat", year)
    assert rule["amount"] == 330_000
    assert rule["unit"] == "stilling"
    assert rule["source"] == S004


@pytest.mark.parametrize("year", [2017, 2021])
def test_the_rusarbeid_transition_rules_from_2017_are_in_the_database(
    conn: sqlite3.Connection, year: int
) -> None:
    # 002: «Overgangsregler fra 2017: … maksimalt kunne motta tilskudd i fire år»
    rule = rule_json(conn, RUS, "text", year)
    assert rule["source"] == S002
    assert "overgangsregler fra 2017" in norm(rule["text"])
    assert "fire år" in norm(rule["text"])
    assert "skjønnsmessig" in norm(rule["text"])


def test_the_nav_caps_are_in_the_database(conn: sqlite3.Connection) -> None:
    # 003: «inntil 610 000 kroner per 100% stilling (lønn og sosiale utgifter) og inntil
    # 10 000 kroner per tiltak til kompetanse»; «primært for ett år … inntil tre år»
    rule = rule_json(conn, NAV, "cap", 2020)
    assert rule["source"] == S003
    assert rule["per_position"] == 610_000
    assert rule["per_measure"] == 10_000
    assert (rule["usual_years"], rule["max_years"]) == (1, 3)
    assert "sosiale utgifter" in norm(rule["position_covers"])
    assert "kompetanse" in norm(rule["measure_covers"])


def test_the_database_holds_exactly_the_calculation_rules_the_sources_state(
    conn: sqlite3.Connection,
) -> None:
    found = sorted((r[0], r[1]) for r in conn.execute("select scheme, kind from rules"))
    assert found == sorted(
        [(RUS, "ladder"), (RUS, "text"), (RUS, "same_as"), (RUS, "flat"), (NAV, "cap")]
    )


# --- contacts ---------------------------------------------------------------------------------

# (office, words that must all be on one contact, source)
CONTACTS = [
    (
        AGDER,
        ["Bjørn Vidar Gundersen", "Faggruppeleder", "fmavbvg@fylkesmannen.no", "37 01 75 19"],
        S000,
    ),
    (AGDER, ["fylkesmannen.no/av"], S000),
    (AGDER, ["Facebook", "Fylkesmannen i Agder"], S000),
    (INNLANDET, ["Arild Bækkevold", "fmheabe@statsforvalteren.no"], S002),
    (INNLANDET, ["sfinpost@statsforvalteren.no", "postmottak"], S002),
    (INNLANDET, ["Statsforvalteren i Innlandet", "Postboks 987", "2604 Lillehammer"], S002),
    (INNLANDET, ["hjelp@statsforvalteren.no", "teknisk support"], S002),
    (INNLANDET, ["www.statsforvalteren.no"], S002),
    (INNLANDET, ["www.helsedirektoratet.no"], S002),
    (NASJONAL, ["fylkesmannen.no", "fylke"], S003),
]


@pytest.mark.parametrize(
    ("office", "words", "source"), CONTACTS, ids=[f"{c[0]}-{c[1][0]}" for c in CONTACTS]
)
def test_every_contact_in_the_sources_is_in_the_database(
    conn: sqlite3.Connection, office: str, words: list[str], source: str
) -> None:
    rows = conn.execute("select * from contacts where office = ?", (office,)).fetchall()
    texts = [
        (norm(" ".join(str(value or "") for value in tuple(row))), row["source"]) for row in rows
    ]
    matching = [src for text, src in texts if all(norm(w) in text for w in words)]
    assert matching, f"no {office} contact with {words}"
    assert source in matching


def test_the_agder_phone_number_is_stored_as_printed(conn: sqlite3.Connection) -> None:
    phones = {r[0] for r in conn.execute("select phone from contacts where phone is not null")}
    assert phones == {"37 01 75 19"}


# --- municipalities ---------------------------------------------------------------------------

# The municipality rows of «Økning i rammen» (000), exactly as the text extraction prints them:
# number, name, 2016, 2017, 2018, 2019, 2020 (prognose), «Sum inkl. 2020 prognose».
OKNING_I_RAMMEN_AS_PRINTED = """
1001 Kristiansand 8 098 380 6 026 151 7 652 359 4 047 588 3 039 445 28 863 923
1002 Mandal 1 087 028 905 418 1 113 341 576 132 433 348 4 115 267
1003 Farsund 503 872 439 203 567 690 321 829 215 690 2 048 284
1004 Flekkefjord 516 616 460 464 587 303 297 064 219 085 2 080 532
1014 Vennesla 979 856 781 044 990 435 519 073 384 915 3 655 322
1017 Songdalen 497 744 411 792 552 675 295 729 206 903 1 964 843
1018 Søgne 767 416 592 230 748 856 407 319 296 103 2 811 924
1021 Marnardal 135 520 125 574 153 731 84 606 58 781 558 212
1026 Åseral 52 476 47 760 60 551 30 504 22 514 213 806
1027 Audnedal 78 112 68 814 78 724 42 927 31 610 300 187
1029 Lindesnes 311 740 258 981 330 296 173 451 126 461 1 200 929
1032 Lyngdal 500 828 434 643 578 093 302 724 213 770 2 030 059
1034 Hægebostad 77 152 70 101 91 335 47 115 33 626 319 330
1037 Kvinesdal 372 256 321 228 400 958 209 959 153 523 1 457 924
1046 Sirdal 74 068 70 932 91 838 48 743 33 612 319 193
0901 Risør 472 764 422 649 530 869 267 520 199 354 1 893 157
0904 Grimstad 1 578 608 1 191 189 1 528 211 808 796 601 052 5 707 856
0906 Arendal 3 970 208 2 986 512 3 704 329 1 947 506 1 483 980 14 092 535
0911 Gjerstad 157 420 160 149 200 670 96 434 72 345 687 018
0912 Vegårshei 113 832 102 237 128 790 68 633 48 666 462 158
0914 Tvedestrand 460 176 369 651 455 531 235 668 179 019 1 700 045
0919 Froland 386 184 320 304 385 605 210 913 153 359 1 456 365
0926 Lillesand 609 544 508 512 642 090 346 904 247 992 2 355 041
0928 Birkenes 313 688 264 000 337 643 174 883 128 314 1 218 528
0929 Åmli 122 004 115 029 141 803 76 172 53 553 508 561
0935 Iveland 75 772 66 747 82 125 49 449 32 260 306 352
0937 Evje og Hornnes 280 500 225 636 277 781 142 104 108 989 1 035 010
0938 Bygland 58 724 61 116 78 008 41 150 28 129 267 127
0940 Valle 62 908 68 415 86 940 47 577 31 288 297 128
0941 Bykle 45 720 47 106 56 723 32 967 21 481 203 997
"""

# The rows of the 2018 table (001), as printed: number, name, «Fordeling etter
# sosialhjelps-nøkkel 2016», «… 2017», «SUM 2016+2017», «Prognose samlet økning 2018».
FORDELING_2018_AS_PRINTED = """
0901 Risør 472 764           422 649              895 413 1 318 062
0904 Grimstad 1 578 608        1 191 189          2 769 797 3 960 986
0906 Arendal 3 970 208        2 986 512          6 956 720 9 943 232
0911 Gjerstad 157 420           160 149              317 569 477 718
0912 Vegårshei 113 832           102 237              216 069 318 306
0914 Tvedestrand 460 176           369 651              829 827 1 199 478
0919 Froland 386 184           320 304              706 488 1 026 792
0926 Lillesand 609 544           508 512              1 118 056 1 626 568
0928 Birkenes 313 688           264 000              577 688 841 688
0929 Åmli 122 004           115 029              237 033 352 062
0935 Iveland 75 772             66 747                142 519 209 266
0937 Evje og Hornnes 280 500           225 636              506 136 731 772
0938 Bygland 58 724             61 116                119 840 180 956
0940 Valle 62 908             68 415                131 323 199 738
0941 Bykle 45 720             47 106                92 826 139 932
1001 Kristiansand 8 098 380        6 026 151          14 124 531 20 150 682
1002 Mandal 1 087 028        905 418              1 992 446 2 897 864
1003 Farsund 503 872           439 203              943 075 1 382 278
1004 Flekkefjord 516 616           460 464              977 080 1 437 544
1014 Vennesla 979 856           781 044              1 760 900 2 541 944
1017 Songdalen 497 744           411 792              909 536 1 321 328
1018 Søgne 767 416           592 230              1 359 646 1 951 876
1021 Marnardal 135 520           125 574              261 094 386 668
1026 Åseral 52 476             47 760                100 236 147 996
1027 Audnedal 78 112             68 814                146 926 215 740
1029 Lindesnes 311 740           258 981              570 721 829 702
1032 Lyngdal 500 828           434 643              935 471 1 370 114
1034 Hægebostad 77 152             70 101                147 253 217 354
1037 Kvinesdal 372 256           321 228              693 484 1 014 712
1046 Sirdal 74 068             70 932                145 000 215 932
lister Sum Lister 2 044 792 1 796 571 3 841 363 5 637 934
"""

# «Tabell: Utvalgte sosialtjenestetall» (003), as printed: county number, name, then nine
# figures (counts, and shares with a decimal comma followed by «%»).
SOSIALTJENESTETALL_AS_PRINTED = """
landet Landet 29 301 0,86 % 26 391 5,6 % 37 275 3,3 % 6 266 68 % 4 282
01 Østfold 2 034 1,1 % 1 642 6,7 % 2 514 4,1 % 348 60 % 289
02 Akershus 2 553 0,6 % 1 863 3,7 % 3 505 2,4 % 544 57 % 411
03 Oslo 5 552 1,2 % 2 261 3,8 % 7 112 5,4 % 1 654 78 % 912
04 Hedmark 1 427 1,2 % 1 175 7,0 % 1 548 4,2 % 186 64 % 63
05 Oppland 756 0,6 % 997 6,0 % 1 234 3,4 % 130 51 % 139
06 Buskerud 1 476 0,8 % 1 233 5,4 % 1 979 3,3 % 217 46 % 228
07 Vestfold 1 938 1,2 % 1 573 7,4 % 1 925 3,8 % 249 56 % 273
08 Telemark 1 585 1,5 % 1 187 7,9 % 1 897 5,5 % 220 70 % 44
09 Aust-Agder 540 0,7 % 787 7,7 % 754 3,0 % 104 55 % 48
10 Vest-Agder 895 0,8 % 1 139 5,9 % 1 170 2,8 % 300 97 % 175
11 Rogaland 2 630 0,9 % 2 662 6,2 % 3 019 2,7 % 596 84 % 500
12 Hordaland 3 003 0,9 % 2 774 5,6 % 3 505 3,1 % 591 73 % 503
14 Sogn og Fjordane 326 0,5 % 486 4,7 % 561 2,4 % 35 30 % 21
15 Møre og Romsdal 799 0,5 % 1 143 4,9 % 1 127 2,0 % 196 63 % 64
50 Trøndelag 2 040 0,7 % 2 621 5,7 % 2 599 2,7 % 521 78 % 278
18 Nordland 838 0,6 % 1 470 6,7 % 1 551 3,2 % 202 63 % 123
19 Troms 445 0,4 % 819 5,0 % 744 2,2 % 133 60 % 154
20 Finnmark 464 0,9 % 559 7,6 % 531 3,5 % 40 37 % 57
"""


def cut_into_numbers(groups: list[str], count: int) -> Iterator[list[int]]:
    """Every way to read space-separated digit groups as `count` numbers.

    A number is one group of 1-3 digits followed by groups of exactly 3 digits, so
    "313 688 264 000" may be 313 688 + 264 000, or 313 + 688 264 000, and so on.
    """
    if count == 0:
        if not groups:
            yield []
        return
    for end in range(1, len(groups) + 1):
        head, tail = groups[:end], groups[end:]
        if not 1 <= len(head[0]) <= 3 or any(len(g) != 3 for g in head[1:]):
            continue
        for rest in cut_into_numbers(tail, count - 1):
            yield [int("".join(head)), *rest]


def printed_rows(text: str) -> Iterator[tuple[str, str, list[str]]]:
    """Split printed lines into (key, name, digit groups)."""
    for line in text.strip().splitlines():
        match = re.fullmatch(r"(\S+) (\D+?) ([\d ]+)", line.strip())
        assert match, line
        yield match.group(1), match.group(2), match.group(3).split()


def okning_i_rammen() -> list[tuple[str, str, list[int]]]:
    """Read the 000 table, using the printed sum (±1 kr rounding) to separate the numbers."""
    rows = []
    for number, name, groups in printed_rows(OKNING_I_RAMMEN_AS_PRINTED):
        readings = [n for n in cut_into_numbers(groups, 6) if abs(sum(n[:5]) - n[5]) <= 1]
        assert len(readings) == 1, f"{number} {name}: {readings}"
        rows.append((number, name, readings[0]))
    return rows


def fordeling_2018() -> list[tuple[str, str, list[int]]]:
    """Read the 001 table, using «SUM 2016+2017» to separate the numbers."""
    rows = []
    for key, name, groups in printed_rows(FORDELING_2018_AS_PRINTED):
        readings = [n for n in cut_into_numbers(groups, 4) if n[0] + n[1] == n[2]]
        assert len(readings) == 1, f"{key} {name}: {readings}"
        rows.append((key, name, readings[0]))
    return rows


def sosialtjenestetall() -> list[tuple[str, str, list[Decimal]]]:
    """Read the 003 table: a share is the last token before each «%»."""
    rows = []
    for line in SOSIALTJENESTETALL_AS_PRINTED.strip().splitlines():
        match = re.fullmatch(r"(\S+) (\D+?) (\d.*)", line.strip())
        assert match, line
        *segments, last = match.group(3).split("%")
        values: list[Decimal] = []
        for segment in segments:
            *count, share = segment.split()
            values += [Decimal("".join(count)), Decimal(share.replace(",", "."))]
        values.append(Decimal("".join(last.split())))
        assert len(values) == 9, line
        rows.append((match.group(1), match.group(2), values))
    return rows


def cells(conn: sqlite3.Connection, table: str, row: str) -> dict[str, Decimal]:
    """Return a table row from table_cells as column -> value."""
    return {
        r[0]: Decimal(r[1])
        for r in conn.execute(
            'select "column", value from table_cells where table_id = ? and row_key = ?',
            (table, row),
        )
    }


def test_the_printed_tables_read_unambiguously() -> None:
    assert len(okning_i_rammen()) == 30
    assert len(fordeling_2018()) == 31
    assert len(sosialtjenestetall()) == 19


@pytest.mark.parametrize(("number", "name"), [(n, name) for n, name, _ in okning_i_rammen()])
def test_every_municipality_in_the_sources_is_in_the_database(
    conn: sqlite3.Connection, number: str, name: str
) -> None:
    row = conn.execute("select * from municipalities where number = ?", (number,)).fetchone()
    assert row is not None, f"{number} {name} missing"
    assert row["name"] == name
    # 003 numbers the counties: 09 Aust-Agder, 10 Vest-Agder
    assert (row["county_number"], row["county"]) == {
        "09": ("09", "Aust-Agder"),
        "10": ("10", "Vest-Agder"),
    }[number[:2]]


def test_there_are_exactly_the_thirty_agder_municipalities(conn: sqlite3.Connection) -> None:
    found = {r[0] for r in conn.execute("select number from municipalities")}
    assert found == {n for n, _, _ in okning_i_rammen()}


@pytest.mark.parametrize(
    ("number", "name", "figures"), okning_i_rammen(), ids=[r[1] for r in okning_i_rammen()]
)
def test_every_figure_of_okning_i_rammen_is_in_the_database(
    conn: sqlite3.Connection, number: str, name: str, figures: list[int]
) -> None:
    columns = ["y2016", "y2017", "y2018", "y2019", "y2020", "sum"]
    row = cells(conn, "opptrappingsplan-2016-2020", number)
    assert row == dict(zip(columns, map(Decimal, figures), strict=True)), name


@pytest.mark.parametrize(
    ("key", "name", "figures"), fordeling_2018(), ids=[r[1] for r in fordeling_2018()]
)
def test_every_figure_of_the_2018_distribution_is_in_the_database(
    conn: sqlite3.Connection, key: str, name: str, figures: list[int]
) -> None:
    columns = ["y2016", "y2017", "sum_2016_2017", "prognose_2018"]
    row = cells(conn, "opptrappingsplan-2018-prognose", key)
    assert row == dict(zip(columns, map(Decimal, figures), strict=True)), name


@pytest.mark.parametrize(
    ("key", "name", "figures"), sosialtjenestetall(), ids=[r[1] for r in sosialtjenestetall()]
)
def test_every_figure_of_the_nav_county_table_is_in_the_database(
    conn: sqlite3.Connection, key: str, name: str, figures: list[Decimal]
) -> None:
    columns = [
        "sosialhjelp_6_12_hovedinntekt",
        "andel_18_66",
        "unge_18_24_sosialhjelp_2018",
        "andel_18_24",
        "barn_sosialhjelp_6_12_2018",
        "andel_under_18",
        "kvp_deltakere_2019",
        "kvp_rammefinansiering",
        "midlertidig_botilbud_2018",
    ]
    row = cells(conn, "nav-sosialtjenestetall", key)
    assert row == dict(zip(columns, figures, strict=True)), name


def test_the_tables_hold_no_row_the_sources_do_not_print(conn: sqlite3.Connection) -> None:
    def keys(table: str) -> set[str]:
        query = "select distinct row_key from table_cells where table_id = ?"
        return {r[0] for r in conn.execute(query, (table,))}

    assert keys("opptrappingsplan-2016-2020") == {k for k, _, _ in okning_i_rammen()}
    assert keys("opptrappingsplan-2018-prognose") == {k for k, _, _ in fordeling_2018()}
    assert keys("nav-sosialtjenestetall") == {k for k, _, _ in sosialtjenestetall()}


# Other figures printed on the slides: (table, row, column, kroner)
OTHER_FIGURES = [
    # 000 timeline: «400 i ramma», «300 i ramma», «375 i ramma», «200 i ramma», «150 i ramma»
    ("opptrappingsplan-nasjonal-ramme", "landet", "y2016", 400_000_000),
    ("opptrappingsplan-nasjonal-ramme", "landet", "y2017", 300_000_000),
    ("opptrappingsplan-nasjonal-ramme", "landet", "y2018", 375_000_000),
    ("opptrappingsplan-nasjonal-ramme", "landet", "y2019", 200_000_000),
    ("opptrappingsplan-nasjonal-ramme", "landet", "y2020", 150_000_000),
    # 001 «Tilskuddsforvaltning 2018 – Agder fylkene, Prognose»
    ("tilskuddsforvaltning-2018-agder", "kommunalt-rusarbeid", "prognose", 28_000_000),
    ("tilskuddsforvaltning-2018-agder", "langvarige-sammensatte", "prognose", 13_000_000),
    ("tilskuddsforvaltning-2018-agder", "sum", "prognose", 41_000_000),
]


@pytest.mark.parametrize(("table", "row", "column", "amount"), OTHER_FIGURES)
def test_every_other_printed_amount_is_in_the_database(
    conn: sqlite3.Connection, table: str, row: str, column: str, amount: int
) -> None:
    assert cells(conn, table, row).get(column) == Decimal(amount)


def test_the_total_increase_printed_under_the_2018_table_is_in_the_database(
    conn: sqlite3.Connection,
) -> None:
    # 001: «Samlet økning i perioden: 58 600 000»
    raw = conn.execute(
        "select json from tables where id = 'opptrappingsplan-2018-prognose'"
    ).fetchone()[0]
    totals = json.loads(raw)["totals"]
    assert [t["value"] for t in totals] == [58_600_000]
    assert "samlet økning i perioden" in norm(totals[0]["label"])


# --- rules, conditions and other statements ---------------------------------------------------

# (scheme, year, words a fact of that year must contain, source, tentative or None = either)
STATEMENTS = [
    # 001 (2018)
    (RUS, 2018, "Nye kommuner skal prioriteres", S001, None),
    (RUS, 2018, "136 kommuner er ikke omfattet av ordningen", S001, None),
    (RUS, 2018, "revisorattestasjon bortfaller", S001, True),  # «(under utarbeidelse)»
    (RUS, 2018, "bekreftelse på stillingene fra økonomiansvarlig", S001, True),
    (RUS, 2018, "Questback", S001, True),
    (VOKSNE, 2018, "nytt regelverk", S001, None),
    (BARN, 2018, "nytt regelverk", S001, None),
    (VOKSNE, 2018, "FACT-team", S001, None),
    (VOKSNE, 2018, "prøving og evaluering av nye metoder", S001, None),
    (VOKSNE, 2018, "Tilskuddet gis inntil 4 år", S001, None),
    (VOKSNE, 2018, "Overgangsordning inntil 2 år", S001, None),
    (BARN, 2018, "Tilskuddet gis inntil 4 år", S001, None),
    (BARN, 2018, "Overgangsordning inntil 2 år", S001, None),
    (VOKSNE, 2018, "medio januar 2018", S001, True),  # «Kunngjøres tentativt»
    (PLAN, 2018, "300 millioner", S001, None),
    (PLAN, 2018, "IS-24/8", S001, None),
    (PLAN, 2018, "Den gylne regel", S001, None),
    (PLAN, 2018, "sterkere virkemidler", S001, None),
    (PLAN, 2018, "Brukerkompetanse inn i tjenestene", S001, None),
    # 000 (Agder, 2020)
    (PLAN, 2016, "rask psykisk helsehjelp", S000, None),
    (PLAN, 2020, "mestre boforholdet", S000, None),
    (PLAN, 2021, "Videreføring?", S000, True),  # «2021??»
    (RUS, 2020, "Lønn til stillinger", S000, None),
    (RUS, 2020, "varig kapasitetsvekst", S000, None),
    (RUS, 2020, "ikke rettet mot tidsavgrensede prosjekter", S000, None),
    (RUS, 2020, "egenfinansiering må økes i takt med at tilskuddsmidlene avkortes", S000, None),
    (BARN, 2020, "Lønn til stillinger", S000, None),
    (BARN, 2020, "Kommuner, statlige foretak (HF/RHF)", S000, None),
    (BARN, 2020, "Implementering av kunnskapsbaserte metoder", S000, None),
    (BARN, 2020, "Tidlig innsats/mestring/sosial inkludering", S000, None),
    (VOKSNE, 2020, "Lønn til stillinger", S000, None),
    (VOKSNE, 2020, "Kommuner, statlige foretak (HF/RHF)", S000, None),
    (VOKSNE, 2020, "Etablering av prioriterte tiltak", S000, None),
    (NAV, 2020, "Kommuner v/NAV-kontoret", S000, None),
    (NAV, 2020, "Klyngesamarbeid", S000, None),
    # 002 (Innlandet, 2021)
    (RUS, 2021, "midler kun til årsverk", S002, None),
    (RUS, 2021, "ikke revisorattestert regnskap", S002, None),
    (RUS, 2021, "søknad og rapportering i samme elektroniske løsning", S002, None),
    (RUS, 2021, "interkommunalt samarbeid", S002, None),
    (RUS, 2021, "Brukerplan", S002, None),
    (RUS, 2021, "egeninnsats må økes i takt med at tilskuddsmidlene avkortes", S002, None),
    (RUS, 2021, "18.12.2015", S002, None),
    (RUS, 2021, "Lavterskeltjenester", S002, None),
    (RUS, 2021, "opprettholde kapasitet", S002, None),  # the FACT question
    (RUS, 2021, "videreføres i 2021", S002, None),
    (RUS, 2021, "styrking av eksisterende tiltak", S002, None),
    (RUS, 2021, "forvaltningsloven § 28", S002, None),
    (VOKSNE, 2021, "store tjenestebehov", S002, None),
    (VOKSNE, 2021, "helseforetak", S002, None),
    (VOKSNE, 2021, "andre utgifter enn årsverk", S002, None),
    (VOKSNE, 2021, "etablering av FACT", S002, None),
    (VOKSNE, 2021, "fortsetter etter 2021", S002, None),
    (VOKSNE, 2021, "Krav om revisorattestert regnskap", S002, None),
    (VOKSNE, 2021, "Helsedirektoratet utmåler en fordeling", S002, None),
    (VOKSNE, 2021, "forvaltningsloven § 28", S002, None),
    (BARN, 2021, "helseforetak", S002, None),
    (BARN, 2021, "andre utgifter enn årsverk", S002, None),
    (BARN, 2021, "FACT Ung", S002, None),
    (BARN, 2021, "fortsetter etter 2021", S002, None),
    (BARN, 2021, "krav om revisorattestert regnskap", S002, None),
    (BARN, 2021, "forvaltningsloven § 28", S002, None),
    (PLAN, 2020, "avsluttes ved utgangen av 2020", S002, None),
    # 003 (national announcement 2020)
    (NAV, 2020, "NAV-kontor", S003, None),
    (NAV, 2020, "primært for ett år", S003, None),
    (NAV, 2020, "inntil tre år", S003, None),
    (NAV, 2020, "sosialtjenesteloven", S003, None),
    (NAV, 2020, "sosialt og økonomisk vanskeligstilte", S003, None),
    (NAV, 2020, "Bruk av ordinært arbeidsliv", S003, None),
    (NAV, 2020, "løslatelse etter straffegjennomføring", S003, None),
    (NAV, 2020, "programfinansiering gjennom 0-24", S003, None),
    (NAV, 2020, "ferdig utviklede metoder", S003, None),
    (NAV, 2020, "kapasitetsøkning", S003, None),
    (NAV, 2020, "klyngesamarbeid og ekstern prosessevaluering", S003, None),
    (NAV, 2020, "sendes til fylkesmannen i ditt fylke", S003, None),
    # 004 (2022)
    (RUS, 2022, "avvikles", S004, None),
    (RUS, 2022, "Bare kommuner som fikk tilskudd i 2021 kan søke", S004, None),
    (RUS, 2022, "videreføring av eksisterende stillinger", S004, None),
    (RUS, 2023, "330 000 pr. stilling", S004, None),
    (VOKSNE, 2022, "ACT/FACT", S004, True),  # «Med forbehold - endringer i regelverket kommer»
    (VOKSNE, 2022, "MO-sentre", S004, True),
    (VOKSNE, 2022, "Housing First", S004, True),
    (VOKSNE, 2022, "voldsfeltet", S004, True),
    (VOKSNE, 2022, "Revisorattestasjon tas bort", S004, True),
    (BARN, 2022, "ACT/FACT", S004, True),
    (BARN, 2022, "Ung Arena", S004, True),
    (BARN, 2022, "Revisorattestasjon tas bort", S004, True),
    (NAV, 2022, "Inntil tre år", S004, None),
    (NAV, 2022, "langtidsmottakere av sosiale tjenester", S004, None),
    (NAV, 2022, "barnevernet og NAV", S004, None),
    (NAV, 2022, "Klyngesamarbeid", S004, None),
    # 004 table of grants 2022: «Hvem kan søke»
    (FRISKLIV, 2022, "Kommuner", S004, None),
    (HUSBANKEN, 2022, "Kommuner m.fl.", S004, None),
    (FASTLEGER, 2022, "Kommuner", S004, None),
    (SKJONN, 2022, "Kommuner", S004, None),
    (KOMPETANSE, 2022, "Kommuner", S004, None),
    (NYTT, 2022, "Kommuner(?)", S004, True),
    (VOKSNE, 2022, "Kommuner", S004, True),
    (BARN, 2022, "Kommuner", S004, True),
]


@pytest.mark.parametrize(
    ("scheme", "year", "words", "source", "tentative"),
    STATEMENTS,
    ids=[f"{s[0]}-{s[1]}-{s[2][:30]}" for s in STATEMENTS],
)
def test_every_rule_and_condition_in_the_sources_is_in_the_database(
    conn: sqlite3.Connection,
    scheme: str,
    year: int,
    words: str,
    source: str,
    tentative: bool | None,
) -> None:
    rows = conn.execute(
        f"select text, source, tentative from facts where scheme = ? and {covering(year)}",
        (scheme,),
    ).fetchall()
    matching = [r for r in rows if norm(words) in norm(r["text"]) and r["source"] == source]
    assert matching, f"{scheme} {year}: no fact from {source} says «{words}»"
    if tentative is not None:
        assert any(bool(r["tentative"]) is tentative for r in matching), (
            f"{scheme} {year}: «{words}» should be tentative={tentative}"
        )


# (scheme or None, words of the question, words of the answer, source)
FAQ = [
    (RUS, "FACT", "opprettholde kapasitet", S002),
    (None, "klage", "ikke klagerett", S002),
    (None, "sender", "Postboks 987", S002),
    (NAV, "Hvor mye", "610 000", S003),
]


@pytest.mark.parametrize(("scheme", "question", "answer", "source"), FAQ)
def test_the_questions_the_sources_answer_are_in_the_faq(
    conn: sqlite3.Connection, scheme: str | None, question: str, answer: str, source: str
) -> None:
    rows = conn.execute("select * from faq where source = ?", (source,)).fetchall()
    matching = [
        r
        for r in rows
        if norm(question) in norm(r["question"])
        and norm(answer) in norm(r["answer"])
        and r["scheme"] == scheme
    ]
    assert matching, f"no FAQ on «{question}» answering «{answer}»"
