"""Whose figure a question asks for: the rest of the country beside one office, one scheme's
office figure never standing for another's, the places a ranking just named, and people a
table does not count. Through bot.calc and the Engine; expected figures are looked up here.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from bot import fmt
from bot.calc import appropriation as appropriation_calc
from bot.calc import errors as calc_errors
from bot.engine import Engine
from knowledge.loader import load_sources

KB = load_sources()
TODAY = dt.date(2026, 12, 1)
STATS = "nav-sosialtjenestetall"
KRA, YOUNG = "kommunalt-rusarbeid", "barn-unge-langvarige"


def ask(*questions: str) -> tuple[str, bool]:
    """Ask questions in one chat; return the last answer's text and whether it answered."""
    engine = Engine(KB)
    text, answered = "", False
    for q in questions:
        answer = engine.ask(q, TODAY, chat="whose")
        text, answered = answer.text, answer.answered
    return text, answered


def appropriation(scheme: str, year: int, office: str | None) -> int:
    """A scheme's appropriation in a year: national, or the one an office distributes."""
    (found,) = [
        a.amount
        for a in KB.schemes[scheme].appropriations
        if a.year == year
        and (
            a.scope == "nasjonal"
            if office is None
            else a.scope == "fylke" and KB.provenance(a).office_id == office
        )
    ]
    return found


def test_the_rest_outside_an_office_is_the_national_figure_minus_the_offices() -> None:
    result = appropriation_calc.appropriation_outside(KB, (KRA, 2021), "innlandet")
    expected = appropriation(KRA, 2021, None) - appropriation(KRA, 2021, "innlandet")
    assert result.total == expected


def test_the_rest_outside_an_office_without_a_figure_of_its_own_is_refused() -> None:
    with pytest.raises(calc_errors.KnowledgeMissing):
        appropriation_calc.appropriation_outside(KB, (YOUNG, 2021), "innlandet")


@pytest.mark.parametrize(
    ("question", "year", "office"),
    [
        (
            "Hvor mye av pengene til kommunalt rusarbeid i 2021 gikk utenom Innlandet?",
            2021,
            "innlandet",
        ),
        (
            "Kommunalt rusarbeid 2021: hvor mye var igjen til de andre fylkene når Innlandet hadde "
            "fått sin del?",
            2021,
            "innlandet",
        ),
        (
            "Hvor mye av bevilgningen til kommunalt rusarbeid i 2018 gikk til andre fylker "
            "enn Agder?",
            2018,
            "agder",
        ),
        (
            "Hva var igjen av 2021-bevilgningen til kommunalt rusarbeid når Innlandets del er "
            "trukket fra?",
            2021,
            "innlandet",
        ),
        (
            "How much of the 2021 money for municipal substance abuse work went to the rest of "
            "the country outside Innlandet?",
            2021,
            "innlandet",
        ),
    ],
)
def test_the_rest_of_the_country_beside_an_office_is_answered_with_its_working(
    question: str, year: int, office: str
) -> None:
    text, answered = ask(question)
    lang = "en" if question.startswith("How") else "nb"
    rest = appropriation(KRA, year, None) - appropriation(KRA, year, office)
    assert answered
    assert fmt.millions(rest, lang) in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye fikk Innlandet til fordeling fra ordningen for barn og unge med langvarig "
        "oppfølging i 2021?",
        "Hvor mye fikk Statsforvalteren i Innlandet fra barn og unge-ordningen i 2021?",
        "How much did Innlandet get to distribute from the children and young people scheme "
        "in 2021?",
    ],
)
def test_an_office_figure_of_one_scheme_never_answers_for_another(question: str) -> None:
    text, answered = ask(question)
    office_figure = appropriation(KRA, 2021, "innlandet")
    assert not answered
    assert fmt.millions(office_figure, "nb") not in text
    assert fmt.millions(office_figure, "en") not in text
    national = appropriation(YOUNG, 2021, None)
    lang = "en" if question.startswith("How") else "nb"
    assert fmt.millions(national, lang) in text  # the national figure, said to be national


def test_a_scheme_named_in_full_with_a_grant_word_names_no_other_scheme() -> None:
    engine = Engine(KB)
    u = engine.understand(
        "Hva var bevilgningen til ordningen for barn og unge med behov for langvarig "
        "oppfølging i 2021?",
        None,
        TODAY,
    )
    assert u.schemes_mentioned == [YOUNG]


def county(label: str, column: str) -> Fraction:
    """A county's printed figure in the statistics table."""
    row = next(r for r in KB.tables[STATS].rows if r.label == label)
    return Fraction(str(row.values[column]))


def top_county(column: str, highest: bool = True) -> str:
    """The county with the highest (or lowest) figure in a column."""
    rows = [r for r in KB.tables[STATS].rows if r.county]
    ordered = sorted(rows, key=lambda r: Fraction(str(r.values[column])), reverse=highest)
    return ordered[0].label


def grouped(value: Fraction, lang: str = "nb") -> str:
    """A count as the answer prints it: '1 897' (nb), '1,897' (en)."""
    return f"{int(value):,}".replace(",", " " if lang == "nb" else ",")


@pytest.mark.parametrize(
    ("question", "highest"),
    [
        (
            "Hvilket fylke hadde høyest andel 18–24-åringer som mottok sosialhjelp minst én gang?",
            True,
        ),
        ("Hvor var andelen unge som fikk sosialhjelp minst én gang i 2018 lavest?", False),
    ],
)
def test_a_columns_own_words_are_no_ranking_word(question: str, highest: bool) -> None:
    text, answered = ask(question)
    assert answered
    assert top_county("andel_18_24", highest) in text


@pytest.mark.parametrize(
    ("ranking", "follow_up", "ranked", "asked"),
    [
        (
            "Hvilket fylke hadde lavest andel av befolkningen under 18 år i husholdninger med "
            "sosialhjelp?",
            "og hvor mange barn var det der?",
            "andel_under_18",
            "barn_sosialhjelp_6_12_2018",
        ),
        (
            "Hvilket fylke hadde flest husholdninger i midlertidig botilbud i 2018?",
            "Hvor mange KVP-deltakere var det i det fylket?",
            "midlertidig_botilbud_2018",
            "kvp_deltakere_2019",
        ),
        (
            "Which county had the highest share of 18-24-year-olds on social assistance?",
            "And how many young people was that in that county?",
            "andel_18_24",
            "unge_18_24_sosialhjelp_2018",
        ),
    ],
)
def test_a_follow_up_on_the_place_a_ranking_named_gives_that_places_figure(
    ranking: str, follow_up: str, ranked: str, asked: str
) -> None:
    highest = "lavest" not in ranking
    place = top_county(ranked, highest)
    text, answered = ask(ranking, follow_up)
    assert answered
    assert place in text
    lang = "en" if ranking.startswith("Which") else "nb"
    assert grouped(county(place, asked), lang) in text
    other = top_county(asked, True)
    if other != place:
        assert other not in text  # no new ranking by the column asked next


def test_a_ranking_and_a_count_there_in_one_message_give_the_ranked_places_count() -> None:
    text, answered = ask(
        "Hvilket fylke hadde høyest andel 18–66 med langvarig sosialhjelp, og hvor mange "
        "personer var det der?"
    )
    place = top_county("andel_18_66")
    assert answered
    assert grouped(county(place, "sosialhjelp_6_12_hovedinntekt")) in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvilket fylke hadde flest deltakere i introduksjonsprogrammet?",
        "Hvor mange deltakere på arbeidsmarkedskurs var det i Telemark?",
        "Hvilket fylke hadde flest barn i barnevernstiltak?",
    ],
)
def test_people_counted_in_something_the_table_does_not_count_are_declined(
    question: str,
) -> None:
    text, answered = ask(question)
    assert not answered
    kvp = county("Oslo", "kvp_deltakere_2019")
    assert grouped(kvp) not in text


@pytest.mark.parametrize(
    ("question", "label", "column"),
    [
        ("Hvor mange deltakere i KVP var det i Telemark?", "Telemark", "kvp_deltakere_2019"),
        (
            "Hvor mange deltakere i kvalifiseringsprogrammet hadde Rogaland?",
            "Rogaland",
            "kvp_deltakere_2019",
        ),
        (
            "Hvor mange barn i husholdninger med sosialhjelp var det i Hedmark?",
            "Hedmark",
            "barn_sosialhjelp_6_12_2018",
        ),
    ],
)
def test_people_counted_in_what_the_table_counts_are_answered(
    question: str, label: str, column: str
) -> None:
    text, answered = ask(question)
    assert answered
    assert grouped(county(label, column)) in text


ADULTS = "voksne-langvarige"


@pytest.mark.parametrize(
    "question",
    [
        "Hva var bevilgningen til langvarige og sammensatte behov i 2021?",
        "bevilgning langvarig-ordningen 2021",
        "What was the 2021 appropriation for long-term and complex needs (langvarige og "
        "sammensatte behov)?",
    ],
)
def test_words_two_schemes_names_share_list_each_schemes_figure_and_add_none(
    question: str,
) -> None:
    text, answered = ask(question)
    lang = "en" if question.startswith("What") else "nb"
    adults, young = appropriation(ADULTS, 2021, None), appropriation(YOUNG, 2021, None)
    assert answered
    assert fmt.millions(adults, lang) in text
    assert fmt.millions(young, lang) in text
    assert fmt.millions(adults + young, lang) not in text


@pytest.mark.parametrize(
    "question",
    [
        "Hvor mye fikk langvarige og sammensatte behov og kommunalt rusarbeid til sammen i 2021?",
        "Hvor mye mer fikk kommunalt rusarbeid enn langvarige og sammensatte behov i 2021?",
    ],
)
def test_arithmetic_on_words_two_schemes_names_share_asks_which_is_meant(question: str) -> None:
    answer = Engine(KB).ask(question, TODAY, chat="which")
    assert not answer.answered
    assert len(answer.options) == 2
    for option in answer.options:
        picked = Engine(KB).ask(option.text, TODAY, chat="picked")
        assert picked.answered, option.text


@pytest.mark.parametrize(
    ("question", "scheme"),
    [
        (
            "Hva var bevilgningen til barn og unge med langvarige og sammensatte behov i 2021?",
            YOUNG,
        ),
        ("Hva var bevilgningen til voksne med langvarige og sammensatte behov i 2021?", ADULTS),
        ("bevilgning langvarige og sammensatte tjenestebehov 2021", ADULTS),
    ],
)
def test_a_word_of_one_schemes_own_names_settles_the_shared_words(
    question: str, scheme: str
) -> None:
    text, answered = ask(question)
    other = YOUNG if scheme == ADULTS else ADULTS
    assert answered
    assert fmt.millions(appropriation(scheme, 2021, None), "nb") in text
    assert fmt.millions(appropriation(other, 2021, None), "nb") not in text


def test_words_two_schemes_share_in_a_year_of_one_joint_figure_give_that_figure_once() -> None:
    text, answered = ask("Hva var bevilgningen til langvarige og sammensatte behov i 2018?")
    joint = appropriation(ADULTS, 2018, None)
    assert joint == appropriation(YOUNG, 2018, None)
    assert answered
    assert text.count(fmt.millions(joint, "nb")) == 1


def test_a_follow_up_on_the_places_of_a_top_three_gives_each_places_figure() -> None:
    text, answered = ask(
        "Hvilke tre fylker hadde flest KVP-deltakere?",
        "Hvor mange husholdninger i midlertidig botilbud hadde de?",
    )
    rows = [r for r in KB.tables[STATS].rows if r.county]
    top = sorted(rows, key=lambda r: -Fraction(str(r.values["kvp_deltakere_2019"])))[:3]
    assert answered
    for row in top:
        assert f"{row.label}, " in text
        assert grouped(county(row.label, "midlertidig_botilbud_2018")) in text
