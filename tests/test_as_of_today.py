"""Answers right as of today: the same questions asked in 2021, 2022, 2024 and 2026.

The sources end in January 2022. A question about a year they cover is answered plainly, with
no caveat. About a later year, the answer names the year its rule, figure or deadline is from,
says what the sources themselves say about the years after them (the ``later_years`` of the
YAML: kommunalt rusarbeid wound down, the adults' and children's schemes replaced, "med
forbehold"), that they describe no grant for kommunalt rusarbeid after 2024, and where to check;
it never presents an old figure or date as this year's. Such an answer counts as answered: it
is the answer the sources allow (issue 13), not a question for a person.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.calc.rules import FRAMEWORK_TABLE
from bot.cli import main
from bot.engine import Engine
from bot.kbdiff import diff_knowledge
from knowledge.kb import KnowledgeBase
from knowledge.loader import KnowledgeError, default_sources, load_sources

GENERIC = ("kan ha endret seg", "may have changed since", "Kildene er fra 2022 og eldre")
NEGATION = re.compile(r"\b(?:ingen|ikke|ingenting|no|not|nothing)\b", re.IGNORECASE)

YEAR_3 = "hva får vi i år 3?"
NAV_CAP = "hva er maks per stilling for NAV-tilskuddet?"
WIND_DOWN_2023 = "hva får vi per stilling i 2023 på kommunalt rusarbeid?"
WIND_DOWN_2025 = "hvor mye får vi pr stilling i 2025 på rusarbeid?"
TABLE_2022 = "hvilke frister er det i 2022?"
TABLE_NOW = "hvilke frister er det i år?"
RUS_NOW = "når er søknadsfristen for kommunalt rusarbeid i år?"
NAV_NOW = "når er søknadsfristen i år for NAV-tilskuddet?"
NAV_STILL = "rekker vi fortsatt å søke NAV-tilskuddet?"
ENDED = "Kildene beskriver ikke noe tilskudd til Kommunalt rusarbeid etter 2024."
WOUND_DOWN = "2023–2024: 330 000 kr pr. stilling"
NAV_SILENT = "Kildene mine sier ingenting om Sosiale tjenester i NAV etter 2022."
NAV_PATTERN = (
    "Søknadsfristen var 1. februar i både 2020 og 2022 – et mønster fra tidligere år, "
    "ikke en frist for {year}."
)
CHECK = "Sjekk gjeldende utlysning og frister hos"


@dataclass(frozen=True)
class Case:
    """A question asked on a day: what the answer must say, and what it must not."""

    question: str
    today: str
    has: tuple[str, ...]
    lacks: tuple[str, ...] = ()
    after: bool = False  # the year asked about lies after the sources: no claim for it

    @property
    def day(self) -> dt.date:
        """Return the as-of date."""
        return dt.date.fromisoformat(self.today)

    def __str__(self) -> str:
        """Name the case in the test id."""
        return f"{self.today} {self.question}"


def ladder(today: str) -> Case:
    """The ladder's year 3 in a year the ladder covers: plain, no caveat."""
    return Case(YEAR_3, today, ("440 000 kr", "år 3 av 4"), ("avvikles", "Beløpene er fra"))


def nav_cap(today: str, year: int) -> Case:
    """NAV's caps are from 2020: named as such in every later year."""
    has = (
        "610 000 kr",
        "10 000 kr",
        f"reglene for 2020 – kildene mine har ingen satser eller grenser for {year}.",
    )
    if year > 2022:
        has += (NAV_SILENT, CHECK)
    return Case(NAV_CAP, today, has, ("610 000 kr per stilling i år",), after=True)


def scheme_deadline(name: str, date: str, today: str = "2022-02-01") -> Case:
    """A scheme's 2022 deadline asked in 2022: the date, no caveat."""
    return Case(f"når er søknadsfristen for {name} i år?", today, (date,), ("ingen søknadsfrist",))


def scheme_deadline_later(name: str, short: str, date: str, today: str) -> Case:
    """A scheme's deadline asked 'i år' after the sources: none known, the last with its year."""
    year = today[:4]
    return Case(
        f"når er søknadsfristen for {name} i år?",
        today,
        (f"Kildene mine har ingen søknadsfrist for {short} i {year}.", f"– 2022: {date}", CHECK),
        ("mønster",),
        after=True,
    )


CASES = [
    # --- the ladder: plain while it applies; in 2024 the wind-down rate; in 2026 named -------
    ladder("2021-06-01"),
    ladder("2022-06-01"),
    Case(
        YEAR_3,
        "2024-06-01",
        (
            "2024, startet 2021: 1 stilling × 330 000 kr = 330 000 kr",
            "Bare kommuner som fikk tilskudd i 2021 kan søke",
            "Stigen for 2017–2022 ga 440 000 kr i år 3; den gjelder ikke for 2024.",
        ),
        (ENDED,),
    ),
    Case(
        YEAR_3,
        "2026-03-01",
        (
            "440 000 kr",
            "Beløpene er fra reglene for 2017–2022 – kildene mine har ingen satser eller "
            "grenser for 2026.",
            "tilskudd til kommunalt rusarbeid avvikles",
            WOUND_DOWN,
            "Bare kommuner som fikk tilskudd i 2021 kan søke",
            ENDED,
            CHECK + " Statsforvalteren i Innlandet (www.statsforvalteren.no",
        ),
        after=True,
    ),
    # --- the wind-down: 2023 is covered whenever asked; 2025 is after the last grant year ---
    *(
        Case(WIND_DOWN_2023, day, ("2023", "330 000 kr", "fikk tilskudd i 2021"), (ENDED,))
        for day in ("2021-06-01", "2022-06-01", "2024-06-01", "2026-03-01")
    ),
    *(
        Case(
            WIND_DOWN_2025,
            day,
            # a year after the grant's described end: the last year's figure, said not to apply
            ("Kildene mine har ingen regel eller sats for 2025.", "330 000 kr", "er 2024", ENDED),
            after=True,
        )
        for day in ("2021-06-01", "2022-06-01", "2024-06-01", "2026-03-01")
    ),
    # --- NAV's caps: from the 2020 announcement, in every later year -------------------------
    nav_cap("2021-06-01", 2021),
    nav_cap("2022-06-01", 2022),
    nav_cap("2024-06-01", 2024),
    nav_cap("2026-03-01", 2026),
    # --- deadlines of each scheme --------------------------------------------------------------
    Case(RUS_NOW, "2021-06-01", ("10. februar 2021",), ("ingen søknadsfrist",)),
    scheme_deadline("kommunalt rusarbeid", "15. februar 2022"),
    Case(
        RUS_NOW,
        "2024-06-01",
        (
            "Kildene mine har ingen søknadsfrist for Kommunalt rusarbeid i 2024.",
            "– 2022: 15. februar 2022",
            "– 2021: 10. februar 2021",
            "– 2020: 1. mars 2020",
            WOUND_DOWN,
        ),
        ("mønster", ENDED),
        after=True,
    ),
    Case(
        RUS_NOW,
        "2026-03-01",
        ("ingen søknadsfrist for Kommunalt rusarbeid i 2026.", "– 2022: 15. februar 2022", ENDED),
        ("mønster",),
        after=True,
    ),
    scheme_deadline("NAV-tilskuddet", "1. februar 2022", "2022-01-20"),
    Case(NAV_STILL, "2022-01-20", ("12 dager igjen", "1. februar 2022")),
    *(
        Case(
            question,
            day,
            ("– 2022: ", "1. februar 2022", "1. februar 2020", NAV_PATTERN.format(year=day[:4])),
            after=True,
        )
        for question in (NAV_NOW, NAV_STILL)
        for day in ("2024-06-01", "2026-03-01")
    ),
    scheme_deadline("barn og unge", "31. mars 2022"),
    scheme_deadline("voksne med langvarige og sammensatte behov", "31. mars 2022"),
    scheme_deadline("husbanken boligsosiale tiltak", "15. februar 2022"),
    scheme_deadline("kompetanse og innovasjonstilskudd", "1. april 2022"),
    scheme_deadline("prosjektskjønnsmidler", "1. november 2022"),
    scheme_deadline("frisklivs- og læringstilbud", "Vår"),
    scheme_deadline("nytt tilskudd psykisk helse/rus", "April"),
    scheme_deadline_later(
        "barn og unge",
        "Barn og unge med langvarige/sammensatte behov",
        "31. mars 2022",
        "2026-03-01",
    ),
    scheme_deadline_later(
        "voksne med langvarige og sammensatte behov",
        "Voksne med langvarige og sammensatte behov",
        "31. mars 2022",
        "2024-06-01",
    ),
    scheme_deadline_later(
        "husbanken boligsosiale tiltak",
        "Husbankens boligsosiale tiltak",
        "15. februar 2022",
        "2026-03-01",
    ),
    scheme_deadline_later(
        "kompetanse og innovasjonstilskudd",
        "Kompetanse- og innovasjonstilskudd",
        "1. april 2022",
        "2026-03-01",
    ),
    scheme_deadline_later(
        "prosjektskjønnsmidler", "Prosjektskjønnsmidler", "1. november 2022", "2024-06-01"
    ),
    scheme_deadline_later(
        "frisklivs- og læringstilbud", "Frisklivs- og læringstilbud", "Vår", "2026-03-01"
    ),
    scheme_deadline_later(
        "nytt tilskudd psykisk helse/rus", "Nytt tilskudd psykisk helse/rus", "April", "2026-03-01"
    ),
    # --- the 2022 table of new schemes ---------------------------------------------------------
    *(
        Case(
            TABLE_2022,
            day,
            ("1. februar 2022", "15. februar 2022", "1. april 2022", "1. november 2022", "Vår"),
            ("Kildene mine har ingen frister",),
        )
        for day in ("2021-06-01", "2022-06-01", "2024-06-01", "2026-03-01")
    ),
    Case(TABLE_NOW, "2022-06-01", ("1. november 2022", "Løpende"), ("ingen frister",)),
    *(
        Case(
            TABLE_NOW,
            day,
            (
                f"Kildene mine har ingen frister for {day[:4]}.",
                "Prosjektskjønnsmidler:\n– 2022: søknadsfrist 1. november 2022",
                "Kommunalt rusarbeid (ikke noe tilskudd beskrevet etter 2024):"
                if day > "2025"
                else "Kommunalt rusarbeid:\n– 2022: søknadsfrist 15. februar 2022",
                NAV_PATTERN.format(year=day[:4]),
                CHECK,
            ),
            after=True,
        )
        for day in ("2024-06-01", "2026-03-01")
    ),
    Case("hvem kan søke prosjektskjønnsmidler?", "2022-06-01", ("2022", "Kommuner."), ("ingen",)),
    Case(
        "hvem kan søke prosjektskjønnsmidler?",
        "2026-03-01",
        (
            "Prosjektskjønnsmidler, 2022",
            "Dette er det nyeste kildene sier om dette (2022); de har ingenting for 2026.",
            "Kildene mine sier ingenting om Prosjektskjønnsmidler etter 2022.",
        ),
        after=True,
    ),
    Case(
        "hvem kan søke om tilskudd til voksne med langvarige behov?",
        "2026-03-01",
        (
            "I 2022 beskriver kildene en ny tilskuddsordning",
            "Med forbehold – endringer i regelverket kommer.",
        ),
        after=True,
    ),
    # --- English: wholly English statements ----------------------------------------------------
    Case(
        "how much do we get in year 3?",
        "2026-03-01",
        (
            "NOK 440,000",
            "The amounts are from the rules for 2017–2022 – my sources have no rates or limits "
            "for 2026.",
            "is being discontinued",
            "The sources describe no municipal substance abuse grant after 2024.",
            "Check the current call for applications and deadlines with",
        ),
        ("Kildene", "avvikles", "Beløpene", "Sjekk"),
        after=True,
    ),
    Case(
        "when is this year's deadline for the NAV grant?",
        "2026-03-01",
        (
            "My sources have no application deadline for the grant for developing social "
            "services in NAV offices in 2026.",
            "– 2022: 1 February 2022",
            "The application deadline was 1 February in both 2020 and 2022 – a pattern from "
            "earlier years, not a deadline for 2026.",
        ),
        ("Kildene", "Siste kjente", "Samme frist", "mønster"),
        after=True,
    ),
    Case("how much do we get in year 3?", "2021-06-01", ("NOK 440,000",), ("discontinued",)),
]


@pytest.fixture(scope="module")
def engine(kb: KnowledgeBase) -> Engine:
    """One engine over the bundled sources."""
    return Engine(kb)


def claims_about(text: str, year: int) -> list[str]:
    """Return the sentences that name a year on its own (not in a range) and deny nothing."""
    alone = re.compile(rf"(?<![–-]){year}(?![–-])")
    sentences = re.split(r"(?<=[.:;])\s+|\n", text)
    return [s for s in sentences if alone.search(s) and not NEGATION.search(s)]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_the_same_question_is_answered_right_as_of_each_day(engine: Engine, case: Case) -> None:
    answer = engine.ask(case.question, case.day)
    text = answer.text
    for expected in case.has:
        assert expected in text, f"{expected!r} missing from:\n{text}"
    for unwanted in (*case.lacks, *GENERIC):
        assert unwanted not in text, f"{unwanted!r} in:\n{text}"
    assert answer.answered, text
    if case.after:
        asked = re.search(r"\b(20\d\d)\b", case.question)
        year = int(asked.group(1)) if asked else case.day.year
        assert claims_about(text, year) == [], text


def test_a_question_about_a_covered_year_carries_no_caveat(engine: Engine) -> None:
    text = engine.ask("hva får vi i år 2 for 2 årsverk?", dt.date(2021, 3, 1)).text
    assert "1 100 000 kr" in text
    assert "Beløpene er fra" not in text and "Sjekk gjeldende" not in text
    assert "Merk" not in text


def console(monkeypatch: pytest.MonkeyPatch, folder: Path, today: str, *lines: str) -> str:
    """Run the console chat on some lines as of a day; return what it printed."""
    monkeypatch.setenv("TILSKUDDSBOT_DATA_DIR", str(folder))
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(lines) + "\n"))
    out = io.StringIO()
    assert main(["chat", "--today", today], out) == 0
    return out.getvalue()


def test_frister_after_the_sources_groups_by_scheme_newest_year_first_and_says_where_to_check(
    monkeypatch: pytest.MonkeyPatch, data_folder
) -> None:
    printed = console(monkeypatch, data_folder("data"), "2026-03-01", "/frister")
    assert "Kildene mine har ingen frister for 2026. Siste kjente frister per ordning" in printed
    rus = printed.split("Kommunalt rusarbeid (ikke noe tilskudd beskrevet etter 2024):\n")[1]
    rus = rus.split("\n\n")[0].splitlines()
    assert rus == [
        "– 2022: søknadsfrist 15. februar 2022 (Et statsforvalterembete (ikke navngitt i kilden))",
        "– 2021: søknadsfrist 10. februar 2021 (Statsforvalteren i Innlandet)",
        "– 2021: rapporteringsfrist 10. februar 2021 (Statsforvalteren i Innlandet)",
        "– 2020: søknadsfrist 1. mars 2020 (Fylkesmannen i Agder)",
    ]
    assert NAV_PATTERN.format(year=2026) in printed
    assert (
        "Sjekk gjeldende utlysning og frister hos Statsforvalteren i Innlandet "
        "(www.statsforvalteren.no, sfinpost@statsforvalteren.no)" in printed
    )
    assert "Neste frister fra" not in printed and "dager siden" not in printed


def test_frister_while_the_sources_cover_the_year_lists_the_next_deadlines_as_before(
    monkeypatch: pytest.MonkeyPatch, data_folder
) -> None:
    printed = console(monkeypatch, data_folder("data"), "2022-01-28", "/frister")
    assert "Neste frister fra 28. januar 2022:" in printed
    assert "Kildene mine har ingen frister" not in printed


def test_ordninger_after_the_sources_lists_each_scheme_with_its_years_and_last_deadline(
    monkeypatch: pytest.MonkeyPatch, data_folder
) -> None:
    printed = console(monkeypatch, data_folder("data"), "2026-03-01", "/ordninger")
    assert "Kildene mine har ingen frister for 2026." in printed
    assert (
        "– Tilskudd til kommunalt rusarbeid (kildene dekker 2017–2024; siste kjente "
        "søknadsfrist: 15. februar 2022; ikke noe tilskudd beskrevet etter 2024)" in printed
    )
    assert "– Prosjektskjønnsmidler (kildene dekker 2022; siste kjente søknadsfrist: " in printed
    assert "Sjekk gjeldende utlysning og frister hos" in printed
    first = printed.index("Tilskudd til kommunalt rusarbeid (")
    assert first < printed.index("Opptrappingsplanen for rusfeltet (2016–2020) ("), "newest first"


def copy_sources(tmp_path: Path) -> Path:
    """Copy the bundled sources to edit them."""
    folder = tmp_path / "data"
    shutil.copytree(default_sources(), folder)
    return folder


def test_the_later_years_statements_come_from_the_yaml_not_the_code(tmp_path: Path) -> None:
    folder = copy_sources(tmp_path)
    path = folder / "schemes" / "kommunalt-rusarbeid.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n  # Hva kildene selv sier")] + "\n", encoding="utf-8")
    answer = Engine(load_sources(folder)).ask(YEAR_3, dt.date(2026, 3, 1)).text
    assert "440 000 kr" in answer and "ingen satser eller grenser for 2026" in answer
    assert "avvikles" not in answer and ENDED not in answer
    assert "Kildene mine sier ingenting om Kommunalt rusarbeid etter 2024." in answer


def test_a_last_grant_year_outside_the_years_it_speaks_of_is_refused_with_file_and_field(
    tmp_path: Path,
) -> None:
    folder = copy_sources(tmp_path)
    path = folder / "schemes" / "kommunalt-rusarbeid.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("last_grant_year: 2024", "last_grant_year: 2030"), "utf-8")
    with pytest.raises(KnowledgeError) as error:
        load_sources(folder)
    [problem] = [str(p) for p in error.value.problems]
    assert problem.startswith(
        "data/schemes/kommunalt-rusarbeid.yaml: scheme (kommunalt-rusarbeid).later_years[0]: "
    )
    assert problem.endswith("last_grant_year 2030 lies outside years 2022–2024")


def test_a_changed_later_years_statement_is_named_in_the_update_summary(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    folder = copy_sources(tmp_path)
    path = folder / "schemes" / "kommunalt-rusarbeid.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kildene sier at tilskudd", "Kilden sier at tilskudd"), "utf-8")
    diff = diff_knowledge(kb, load_sources(folder))
    assert diff.affected_schemes == {"kommunalt-rusarbeid"}
    assert [line.split(": ", 1)[0] for line in diff.lines()] == [
        "Om årene etter kildene for Kommunalt rusarbeid 2022–2024",
        "Om årene etter kildene for Kommunalt rusarbeid 2022–2024",
    ]
    assert "ny opplysning: «Kilden sier at tilskudd" in diff.lines()[0]
    assert "fjernet: «Kildene sier at tilskudd" in diff.lines()[1]


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Hvor mye får Lindesnes i økning i rammen i 2025?", "nb"),
        ("How much will Grimstad's framework increase be in 2023?", "en"),
    ],
)
def test_a_framework_increase_after_the_table_gives_its_last_year_said_to_be_so(
    engine: Engine, kb: KnowledgeBase, question: str, lang: str
) -> None:
    years = kb.tables[FRAMEWORK_TABLE].years
    last = years.last or years.first
    answer = engine.ask(question, dt.date(2026, 12, 1))
    assert answer.answered
    assert f"{last}:" in answer.text
    assert ("ingen tall for økningen" if lang == "nb" else "no framework increase") in answer.text


@pytest.mark.parametrize(
    ("question", "lang"),
    [
        ("Hvor mye får Lindesnes i økning i rammen i 2021?", "nb"),
        ("Kva var økinga i ramma for Sirdal i 2022?", "nb"),
        ("How much did Arendal's framework increase in 2021?", "en"),
    ],
)
def test_a_framework_increase_for_a_year_the_documents_span_but_the_table_leaves_out_is_declined(
    engine: Engine, kb: KnowledgeBase, question: str, lang: str
) -> None:
    years = kb.tables[FRAMEWORK_TABLE].years
    last = years.last or years.first
    answer = engine.ask(question, dt.date(2026, 12, 1))
    assert not answer.answered
    assert ("ingen tall for økningen" if lang == "nb" else "no framework increase") in answer.text
    assert f"{last}:" not in answer.text and " kr" not in answer.text
