"""The German tokenizer: token boundaries, kinds and offsets on sentences written for these tests.

Test names follow SoMaJo's test suite: one ``test_<phenomenon>_<nn>`` per
case, and the expectation written as the tokens joined by " | ".
``xfail(strict=True)`` marks a documented gap: it fails the suite the day
the gap is closed, so the marker gets removed.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import warparse
from warparse.cli import main
from warparse.tokenizer import INVISIBLE, tokenize

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _equal(text: str, expected: str) -> None:
    """``text`` splits into exactly the tokens of ``expected`` (joined by " | ")."""
    toks = warparse.tokenize(text)
    assert " | ".join(t.text for t in toks) == expected
    assert all(text[t.start : t.end] == t.text for t in toks)


def _kinds(text: str) -> dict[str, str]:
    return {t.text: t.kind for t in warparse.tokenize(text)}


# --- abbreviations ---------------------------------------------------------------


def test_abbreviations_01():
    _equal(
        "Drohnen, z. B. vom Typ Shahed, u. a. über Sumy.",
        "Drohnen | , | z. | B. | vom | Typ | Shahed | , | u. | a. | über | Sumy | .",
    )


def test_abbreviations_02():
    _equal(
        "Laut Dr. Kowalenko wurden ca. 40 Häuser bzw. Garagen beschädigt.",
        "Laut | Dr. | Kowalenko | wurden | ca. | 40 | Häuser | bzw. | Garagen | beschädigt | .",
    )


def test_abbreviations_03():
    _equal(
        "Schäden von 1,5 Mio. Euro und 2 Mrd. Hrywnja.",
        "Schäden | von | 1,5 | Mio. | Euro | und | 2 | Mrd. | Hrywnja | .",
    )


def test_abbreviations_04():
    _equal(
        "Nach Abs. 3 der Verordnung Nr. 12 gilt das.",
        "Nach | Abs. | 3 | der | Verordnung | Nr. | 12 | gilt | das | .",
    )


def test_abbreviations_05():
    # "Art." only abbreviates before a number; "gefährdete Art." ends the sentence
    _equal(
        "Gemäß Art. 51 gilt das. Der Luchs ist eine gefährdete Art. Er lebt dort.",
        "Gemäß | Art. | 51 | gilt | das | . | Der | Luchs | ist | eine | gefährdete | Art | . "
        "| Er | lebt | dort | .",
    )


def test_abbreviations_06():
    _equal(
        "Kabel, Masten usw. Die Reparatur dauert.", "Kabel | , | Masten | usw. | Die | Reparatur | dauert | ."
    )
    assert [
        s.text for s in warparse.segmenter.segment("Kabel, Masten usw. Die Reparatur dauert.").sentences
    ] == [
        "Kabel, Masten usw.",
        "Die Reparatur dauert.",
    ]


def test_abbreviations_07():
    # initials keep their period
    _equal("Generalmajor W. Hnatow sprach.", "Generalmajor | W. | Hnatow | sprach | .")


# --- ordinals and dates ------------------------------------------------------------


def test_ordinals_01():
    _equal(
        "In der Nacht des 28. Oktober griffen Drohnen an.",
        "In | der | Nacht | des | 28. | Oktober | griffen | Drohnen | an | .",
    )


def test_ordinals_02():
    _equal(
        "Am Abend des 27. und in der Nacht des 28. Oktober",
        "Am | Abend | des | 27. | und | in | der | Nacht | des | 28. | Oktober",
    )


def test_ordinals_03():
    toks = warparse.tokenize("Die 155. Mechanisierte Brigade verlegte.")
    assert [(t.text, t.kind) for t in toks[:2]] == [("Die", "word"), ("155.", "ordinal")]


def test_ordinals_04():
    # a number at a sentence end stays a number followed by a period
    _equal(
        "Die Zahl der Verletzten stieg auf 21. Rettungskräfte suchen weiter.",
        "Die | Zahl | der | Verletzten | stieg | auf | 21 | . | Rettungskräfte | suchen | weiter | .",
    )


def test_ordinals_05():
    # a year after "bis" is not an ordinal
    _equal(
        "Der Vertrag gilt bis 2026. Danach wird verhandelt.",
        "Der | Vertrag | gilt | bis | 2026 | . | Danach | wird | verhandelt | .",
    )


@pytest.mark.xfail(
    strict=True, reason="ordinal after an adjective before a capitalised noun is read as a sentence end"
)
def test_ordinals_06():
    _equal(
        "Soldaten des dort stationierten 3. Bataillons",
        "Soldaten | des | dort | stationierten | 3. | Bataillons",
    )


def test_dates_01():
    toks = warparse.tokenize("Stand: 27.10.2024, Lage vom 28.10. und 1.11.24")
    assert [(t.text, t.kind) for t in toks if t.kind == "date"] == [
        ("27.10.2024", "date"),
        ("28.10.", "date"),
        ("1.11.24", "date"),
    ]


# --- numbers ---------------------------------------------------------------------


def test_numbers_01():
    _equal("Mehr als 600.000 Soldaten", "Mehr | als | 600.000 | Soldaten")


def test_numbers_02():
    # space, no-break space and thin space group thousands
    _equal(
        "rund 600 000, 29\u00a0000 und 12\u2009500 Menschen",
        "rund | 600 000 | , | 29\u00a0000 | und | 12\u2009500 | Menschen",
    )


def test_numbers_03():
    _equal("1,5 Millionen und 2.300 Soldaten", "1,5 | Millionen | und | 2.300 | Soldaten")


def test_numbers_04():
    toks = warparse.tokenize("Um 14:15 Uhr und um 17.46 Uhr heulten Sirenen.")
    assert [(t.text, t.kind) for t in toks if t.kind == "time"] == [("14:15", "time"), ("17.46", "time")]


def test_numbers_05():
    _equal("Systeme S-300 und Ch-101 sowie Tu-95MS", "Systeme | S-300 | und | Ch-101 | sowie | Tu-95MS")


def test_numbers_06():
    _equal(
        "eine 30-jährige Frau und ein 3.000-Tonnen-Frachter",
        "eine | 30-jährige | Frau | und | ein | 3.000-Tonnen-Frachter",
    )


def test_numbers_07():
    _equal("Der Preis: 1200,- Euro.", "Der | Preis | : | 1200,- | Euro | .")


def test_numbers_08():
    # a long digit run is one token, not one per digit
    digits = "7" * 5000
    assert [t.text for t in tokenize(digits)] == [digits]


# --- hyphenated compounds ----------------------------------------------------------


def test_compounds_01():
    _equal(
        "NATO-Generalsekretär lobt Tornado-S aus Primorsko-Achtarsk.",
        "NATO-Generalsekretär | lobt | Tornado-S | aus | Primorsko-Achtarsk | .",
    )


def test_compounds_02():
    # a truncated compound keeps its hyphen before "und" and before a comma
    _equal(
        "Luft- und Raketenangriffe, Strom-, Gas- oder Wassernetze",
        "Luft- | und | Raketenangriffe | , | Strom- | , | Gas- | oder | Wassernetze",
    )


def test_compounds_03():
    _equal(
        "Der Dash – ein Gedankenstrich – trennt.", "Der | Dash | – | ein | Gedankenstrich | – | trennt | ."
    )


def test_compounds_04():
    _equal(
        "Kämpfe bei Kurachowe-Süd und in L'Aiguillon-sur-Mer",
        "Kämpfe | bei | Kurachowe-Süd | und | in | L'Aiguillon-sur-Mer",
    )


# --- quotation marks and ellipses ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("„Wir halten“", ["„", "“"]),
        ("“Wir halten”", ["“", "”"]),
        ('"Wir halten"', ['"', '"']),
        ("»Wir halten«", ["»", "«"]),
        ("«Wir halten»", ["«", "»"]),
        ("‚Wir halten‘", ["‚", "‘"]),
        ("''Wir halten''", ["''", "''"]),
    ],
)
def test_quotes_01(text: str, marks: list[str]):
    toks = warparse.tokenize(text)
    assert [t.text for t in toks] == [marks[0], "Wir", "halten", marks[1]]
    assert toks[0].kind == toks[-1].kind == "quote"


def test_quotes_02():
    # an apostrophe inside a word is no quotation mark
    _equal("„So geht’s nicht“, sagte er.", "„ | So | geht’s | nicht | “ | , | sagte | er | .")


def test_ellipsis_01():
    _equal("„Wir warten … und hoffen...“", "„ | Wir | warten | … | und | hoffen | ... | “")
    assert _kinds("„Wir warten … und hoffen...“")["..."] == "ellipsis"


# --- web addresses, e-mail, hashtags ---------------------------------------------------


def test_urls_01():
    _equal(
        "Details unter https://www.example.org/lage?id=5. Mehr dazu",
        "Details | unter | https://www.example.org/lage?id=5 | . | Mehr | dazu",
    )


def test_urls_02():
    _equal(
        "laut www.ukrinform.ua und kyivindependent.com/news,",
        "laut | www.ukrinform.ua | und | kyivindependent.com/news | ,",
    )
    assert _kinds("laut kyivindependent.com/news.")["kyivindependent.com/news"] == "url"


def test_emails_01():
    _equal(
        "Hinweise an presse.kiew@example.org senden.", "Hinweise | an | presse.kiew@example.org | senden | ."
    )
    assert _kinds("an presse.kiew@example.org")["presse.kiew@example.org"] == "email"


def test_hashtags_01():
    _equal("#Charkiw und @Luftwaffe_UA melden", "#Charkiw | und | @Luftwaffe_UA | melden")
    assert _kinds("#Charkiw")["#Charkiw"] == "hashtag"


# --- white space and invisible characters ------------------------------------------------


def test_spaces_01():
    # no-break space, thin space and narrow no-break space separate words
    _equal("Region\u00a0Sumy,\u2009Stadt\u202fKonotop", "Region | Sumy | , | Stadt | Konotop")


def test_spaces_02():
    # a soft hyphen or zero-width space inside a word stays in the token; .norm drops it
    text = "Tscher\u00adkassy und Mykola\u200bjiw"
    toks = warparse.tokenize(text)
    assert [t.text for t in toks] == ["Tscher\u00adkassy", "und", "Mykola\u200bjiw"]
    assert [t.norm for t in toks] == ["Tscherkassy", "und", "Mykolajiw"]


def test_spaces_03():
    # CRLF line ends: offsets stay code points into the exact input
    text = "Angriff auf Sumy\r\nDrohnen trafen ein Depot.\r\n\r\nZwei Menschen starben.\r\n"
    toks = warparse.tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert sorted({t.paragraph for t in toks}) == [0, 1, 2]
    assert "\r" not in "".join(t.text for t in toks)


def test_spaces_04():
    _equal("Ein\u200b \ufeffSatz", "Ein\u200b | Satz")


# --- offsets ------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_offsets_samples(path: Path):
    text = path.read_text(encoding="utf-8")
    toks = warparse.tokenize(text)
    assert toks
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))


_ALPHABET = st.sampled_from(
    [
        *"abcßäöüABCÄÖÜ0123456789 .,;:!?-–/()@#'\"„“”»«‚‘’…+\n\r\t",
        "\u00a0",
        "\u2009",
        "\u202f",
        "\u00ad",
        "\u200b",
        "\u2028",
        "www.",
        "https://",
        ".de",
        "Nr.",
        "27.",
        "...",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join) | st.text(max_size=80))
def test_offsets_random(text: str):
    toks = warparse.tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in toks)
    assert all(t.text and not t.text.isspace() for t in toks)
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))
    # every visible character is inside some token
    covered = {i for t in toks for i in range(t.start, t.end)}
    visible = {i for i, c in enumerate(text) if not c.isspace() and c not in INVISIBLE}
    assert visible <= covered


def test_offsets_slice():
    # tokenizing a slice gives offsets into the whole text
    text = "Vorspann. Am 27. Oktober fielen Bomben."
    toks = tokenize(text, 10, len(text), paragraph=3)
    assert toks[0].text == "Am" and toks[0].start == 10
    assert {t.paragraph for t in toks} == {3}


# --- the `warparse tokens` view -----------------------------------------------------------


def test_cli_tokens_01():
    text = "Drohnen über Sumy\n\nAm 27. Oktober fielen 12 Bomben. „Es war laut“, sagte er.\n"
    result = CliRunner().invoke(main, ["tokens", "-"], input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert {"text", "start", "end", "sentence", "paragraph"} <= set(rows[0])
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    by_text = {r["text"]: r for r in rows}
    assert (by_text["Sumy"]["paragraph"], by_text["Sumy"]["sentence"]) == (0, 0)
    assert (by_text["27."]["paragraph"], by_text["27."]["sentence"]) == (1, 1)
    assert (by_text["laut"]["paragraph"], by_text["laut"]["sentence"]) == (1, 2)


def test_adversarial_01():
    # long runs come out as few tokens, not one per character (no timing here: `make bench`
    # and the robustness tests measure speed)
    assert [t.text for t in tokenize("a-" * 20_000)] == ["a-" * 19_999 + "a", "-"]
    assert len(tokenize("x" * 100_000)) == 1
    hyphens = "Kiew" + "-" * 10_000
    assert [t.text for t in tokenize(hyphens)][:2] == ["Kiew", "-"]


def test_adversarial_02():
    # an unclosed quotation repeated many times still gives every mark its own token
    text = "„Wir halten " * 5_000
    toks = warparse.tokenize(text)
    assert sum(t.kind == "quote" for t in toks) == 5_000
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_marks_are_the_tokens_that_can_end_a_sentence_or_quote():
    from warparse.tokenizer import MARK_KINDS, tokenize_marks

    # "z." becomes an abbreviation (a mark) when its period is merged; "28." an ordinal (none)
    text = "Am 28. Oktober gab es z. B. Alarm… „Ruhe!“, sagte er. Dann kam Nr. 5."
    tokens, marks = tokenize_marks(text)
    assert tokens == tokenize(text)
    assert marks == [i for i, t in enumerate(tokens) if t.kind in MARK_KINDS]
    assert [tokens[i].text for i in marks] == ["z.", "B.", "…", "„", "!", "“", ",", ".", "Nr.", "."]
