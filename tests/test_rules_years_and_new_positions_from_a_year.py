"""The year a set of rules came from ('2022-reglene', 'varslet i 2022') is no calendar year
asked about when the positions' start is given, and 'et nytt årsverk fra 2021' starts then;
so the wind-down against the old ladder runs over the whole period from the start.

Through the public interface (the Engine).
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.asking import engine

TODAY = dt.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Hvor mye taper vi på nedtrappingen i 2022-reglene, sammenlignet med gammel stige, "
            "for én stilling i kommunalt rusarbeid som startet i 2021?",
            ["1 870 000 kr", "1 980 000 kr", "110 000 kr"],
        ),
        (
            "Én stilling i kommunalt rusarbeid startet i 2021. Hvor mye mindre får vi etter "
            "reglene fra 2022 enn etter den gamle stigen?",
            ["1 870 000 kr", "110 000 kr"],
        ),
        (
            "Vi fikk tilskudd til kommunalt rusarbeid for et nytt årsverk fra 2021. Hva blir "
            "samlet tilskudd 2021–2024 med nedtrappingen som ble varslet i 2022, og hvor mye "
            "mindre er det enn om de gamle fireårsreglene hadde gjeldt hele veien?",
            ["1 870 000 kr", "1 980 000 kr", "110 000 kr"],
        ),
        (
            "Ein stilling i kommunalt rusarbeid starta i 2021. Kor mykje taper vi på "
            "nedtrappinga som vart varsla i 2022, samanlikna med den gamle stigen?",
            ["1 870 000 kr", "110 000 kr"],
        ),
        (
            "One position in kommunalt rusarbeid started in 2021. How much less do we get "
            "under the 2022 rules than under the old ladder?",
            ["NOK 1,870,000", "NOK 110,000"],
        ),
    ],
)
def test_the_wind_down_against_the_old_ladder_runs_from_the_start_over_the_period(
    question: str, figures: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    for figure in figures:
        assert figure in answer.text


def test_a_year_asked_about_after_a_start_is_still_that_year() -> None:
    answer = engine().ask(
        "Én stilling i kommunalt rusarbeid startet i 2021. Hva taper vi i 2023 på "
        "nedtrappingen sammenlignet med den gamle stigen?",
        TODAY,
    )
    assert "110 000 kr" in answer.text
    assert "1 870 000" not in answer.text


@pytest.mark.parametrize(
    ("question", "figures"),
    [
        (
            "Hvor mye taper vi pr stilling på de nye nedtrappingsreglene fra 2022 sammenlignet "
            "med den gamle stigen, for en stilling som startet i 2021?",
            ["1 870 000 kr", "110 000 kr"],
        ),
        (
            "Vi fikk tilskudd til en ny stilling i kommunalt rusarbeid i 2021. Hvor mye får vi "
            "samlet for den stillingen 2021–2024 med nedtrappingen fra 2022, og hvor mye mindre "
            "er det enn med den gamle stigen?",
            ["1 870 000 kr", "1 980 000 kr", "110 000 kr"],
        ),
        (
            "We got a grant for one new position in kommunalt rusarbeid in 2021. How much less "
            "do we get in all under the wind-down from 2022 than under the old ladder?",
            ["NOK 1,870,000", "NOK 110,000"],
        ),
    ],
)
def test_compound_rule_words_and_a_new_position_granted_in_a_year_run_from_that_start(
    question: str, figures: list[str]
) -> None:
    answer = engine().ask(question, TODAY)
    for figure in figures:
        assert figure in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "En stilling som startet i 2021 – hva er forskjellen på det vi får i 2023 etter de nye "
        "reglene og det vi ville fått i år 3 etter den gamle stigen?",
        "Ein stilling starta i 2021. Kva er skilnaden på det vi får i 2023 etter dei nye "
        "reglane og det vi ville fått etter den gamle stigen?",
        "A position started in 2021. What is the difference between what we get in 2023 under "
        "the new rules and what the old ladder would have given?",
    ],
)
def test_the_difference_between_the_new_rules_and_the_old_ladder_is_an_old_against_new(
    question: str,
) -> None:
    text = engine().ask(question, TODAY).text
    assert any(f in text for f in ("440 000 kr", "NOK 440,000"))
    assert any(f in text for f in ("110 000 kr", "NOK 110,000"))
