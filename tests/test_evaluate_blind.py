"""`tilskuddsbot eval --blind`: scoring a batch written without the code's labels."""

from __future__ import annotations

import io
from pathlib import Path

from bot.cli import main

BATCH = """
- q: "hva får vi i år 3 for 2 årsverk?"
  intent: whatever-the-writer-called-it
  must_contain: ["880 000 kr"]
  today: "2021-01-20"
- q: "hva får vi i år 3 for 2 årsverk?"
  intent: a-trap
  must_contain: ["880 000 kr"]
  must_not_contain: ["880 000 kr"]
- q: "hva er prisen på en kopp kaffe i Oslo?"
  intent: out-of-scope-in-the-writer's-words
  answered: false
"""


def score(tmp_path: Path, *flags: str) -> str:
    corpus = tmp_path / "batch.yaml"
    corpus.write_text(BATCH, encoding="utf-8")
    out = io.StringIO()
    assert main(["eval", "--corpus", str(corpus), *flags], out=out) == 0
    return out.getvalue()


def test_a_blind_batch_is_scored_on_figures_traps_and_declines_not_on_intent_labels(
    tmp_path: Path,
) -> None:
    text = score(tmp_path, "--blind")
    assert "questions: 3  accuracy: 66.7%" in text
    assert "wrong figures: 1" in text
    assert "out-of-scope answered: 0" in text
    assert "contains '880 000 kr'" in text


def test_without_blind_the_writers_intent_labels_count(tmp_path: Path) -> None:
    assert "accuracy: 0.0%" in score(tmp_path)


def scored(tmp_path: Path, batch: str) -> str:
    corpus = tmp_path / "batch.yaml"
    corpus.write_text(batch, encoding="utf-8")
    out = io.StringIO()
    assert main(["eval", "--blind", "--corpus", str(corpus)], out=out) == 0
    return out.getvalue()


def test_saying_the_sources_have_nothing_for_a_later_year_meets_a_label_to_decline(
    tmp_path: Path,
) -> None:
    text = scored(
        tmp_path,
        """
- q: "Når er søknadsfristen for kommunalt rusarbeid i 2027?"
  answered: false
  today: "2026-12-07"
- q: "Når er søknadsfristen for kommunalt rusarbeid i 2027?"
  answered: true
  must_contain: ["15. februar", "2022"]
  today: "2026-12-07"
- q: "Når er søknadsfristen for kommunalt rusarbeid i 2027?"
  answered: false
  must_not_contain: ["15. februar"]
  today: "2026-12-07"
""",
    )
    assert "questions: 3  accuracy: 66.7%" in text
    assert "contains '15. februar'" in text


def test_an_english_answers_comma_grouped_figure_meets_a_space_grouped_label_and_trap(
    tmp_path: Path,
) -> None:
    text = scored(
        tmp_path,
        """
- q: "What is the grant per FTE in year 2 of the municipal substance abuse grant?"
  must_contain: ["550 000"]
  lang: en
- q: "What is the grant per FTE in year 2 of the municipal substance abuse grant?"
  must_contain: ["550,000"]
  must_not_contain: ["550 000"]
  lang: en
""",
    )
    assert "questions: 2  accuracy: 50.0%" in text
    assert "contains '550 000'" in text


def test_an_english_answers_decimal_point_meets_a_label_written_with_a_decimal_comma(
    tmp_path: Path,
) -> None:
    text = scored(
        tmp_path,
        """
- q: "What share of the population aged 18-66 in Oslo had long-term social assistance?"
  must_contain: ["1,2 %"]
  lang: en
- q: "What share of the population aged 18-66 in Oslo had long-term social assistance?"
  must_contain: ["1,3 %"]
  lang: en
""",
    )
    assert "questions: 2  accuracy: 50.0%" in text
    assert "missing '1,3 %'" in text
