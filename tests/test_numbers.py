"""The numeral grammar: the phrasing table (tests/data/numerals.tsv) and the
finder on sentences."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from warparse.grammar.numbers import find_in_sentence, find_numerals, parse_numeral
from warparse.segmenter import segment

TABLE = Path(__file__).resolve().parent / "data" / "numerals.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_table_is_broad():
    assert len([r for r in ROWS if r["value"] != "-"]) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[r["text"] for r in ROWS])
def test_phrasing_table(row):
    m = parse_numeral(row["text"])
    if row["value"] == "-":
        assert m is None
        return
    assert m is not None
    assert m.value == pytest.approx(float(row["value"]))
    assert m.value_max == (pytest.approx(float(row["value_max"])) if row["value_max"] else None)
    assert m.qualifier == row["qualifier"]


def test_whole_numbers_are_int():
    assert type(parse_numeral("600.000").value) is int
    assert type(parse_numeral("1,5 Millionen").value) is int
    assert type(parse_numeral("zweieinhalb").value) is float


def test_vague_amounts_are_flagged():
    assert parse_numeral("Dutzende").vague
    assert not parse_numeral("ein Dutzend").vague


def test_rules_are_named():
    assert parse_numeral("rund 600.000").rules == ("num.qualifier", "num.digits")
    assert parse_numeral("2,5 Mrd.").rules == ("num.digits", "num.scale")
    assert parse_numeral("zwischen 20 und 25").rules == ("num.digits", "num.range_between")
    assert parse_numeral("zwanzig bis dreißig").rules == ("num.words", "num.range")
    assert parse_numeral("eine halbe Million").rules == ("num.article_scale",)
    assert parse_numeral("Hunderte").rules == ("num.vague",)


def test_parse_needs_the_whole_text():
    assert parse_numeral("100 Drohnen") is None
    assert parse_numeral("  100  ").value == 100
    assert parse_numeral("") is None


def test_finder_spans_in_a_sentence():
    text = "Bis zu 945 Soldaten und 102 Fahrzeuge, darunter zwölf Panzer, sowie Hunderte Granaten."
    found = find_numerals(text)
    assert [(m.text, m.value, m.qualifier) for m in found] == [
        ("Bis zu 945", 945, "up_to"),
        ("102", 102, "exact"),
        ("zwölf", 12, "exact"),
        ("Hunderte", 200, "approx"),
    ]
    assert all(text[m.start : m.end] == m.text for m in found)


def test_finder_skips_glued_numbers_and_articles():
    text = "Ein 16-stöckiges Haus, eine S-300 und eine Shahed-136 trafen einen Block; sechs- bis achtmal."
    assert find_numerals(text) == []


def test_finder_respects_token_starts_and_end():
    text = "Vom Typ Ch-101 waren 7 Raketen. Dann 8 weitere."
    found = find_numerals(text, starts=[21], end=30)
    assert [m.value for m in found] == [7]


def test_range_does_not_run_backwards():
    found = find_numerals("Von 25 bis 20 Uhr")
    assert [(m.value, m.value_max) for m in found] == [(25, None), (20, None)]


def test_thin_and_no_break_spaces_group_thousands():
    assert parse_numeral("600\u202f000").value == 600000
    assert parse_numeral("600\u00a0000").value == 600000


def test_finder_over_a_sentences_tokens():
    text = "Erst 5 Drohnen. Dann am 27.10. rund 1.200 Drohnen und die S-300."
    second = list(segment(text).sentences)[1]
    assert [(m.text, m.value) for m in find_in_sentence(text, second)] == [("rund 1.200", 1200)]
