"""'… bodde i Nordland' says where the people counted lived; the verb is no word of the heading
'Barn som bodde i husholdninger …', so it never turns a question about persons on social
assistance into one about children."""

from __future__ import annotations

import datetime as dt

from tests.asking import text_and_answered

TODAY = dt.date(2026, 12, 7)


def test_a_countys_part_of_the_persons_on_social_assistance_is_of_that_count() -> None:
    text, answered = text_and_answered(
        "Hvor mange prosent av alle i landet med sosialhjelp i 6-12 måneder som viktigste "
        "inntekt bodde i Nordland?",
        TODAY,
    )
    assert answered
    assert "838 av 29 301" in text
    assert "37 275" not in text  # the children's count
