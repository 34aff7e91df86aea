"""'Har Oslo flest …?' asks whether a claim holds, as 'stemmer det at …' does: the answer says
yes or no and names the place that is first, with its figure."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_wrong_first_place_put_as_a_question_is_denied_with_the_true_first() -> None:
    text, answered = text_and_answered(
        "Hadde Hordaland flest husholdninger i midlertidig botilbud i 2018?", TODAY
    )
    assert answered
    assert "Nei" in text
    assert "Oslo: 912" in text


def test_a_right_last_place_put_as_a_question_in_english_is_confirmed() -> None:
    text, answered = text_and_answered(
        "Did Sogn og Fjordane have the fewest KVP participants on 31 August 2019?", TODAY
    )
    assert answered
    assert "Yes" in text
    assert "Sogn og Fjordane: 35" in text
