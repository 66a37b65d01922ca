"""Paragraphs, headlines, datelines and sentences, on bulletin-style text written for these tests.

Names follow SoMaJo's test suite (``test_<phenomenon>_<nn>``); expected
sentences are written out in full. ``xfail(strict=True)`` marks a known gap.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from warparse.segmenter import segment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _sentences(text: str) -> list[str]:
    return [s.text for s in segment(text).sentences]


# --- sentence ends -------------------------------------------------------------------


def test_sentence_splitter_01():
    assert _sentences(
        "Am 27. Oktober griffen 40 Drohnen an. Laut Dr. Kowalenko wurden u. a. Schulen getroffen."
    ) == [
        "Am 27. Oktober griffen 40 Drohnen an.",
        "Laut Dr. Kowalenko wurden u. a. Schulen getroffen.",
    ]


def test_sentence_splitter_02():
    assert _sentences("Wer schoss zuerst? Niemand weiß es! 2025 wird es geklärt.") == [
        "Wer schoss zuerst?",
        "Niemand weiß es!",
        "2025 wird es geklärt.",
    ]


def test_sentence_splitter_03():
    # a lower-case word after the period: no new sentence ("ca.", ordinal "3.")
    assert _sentences("Die Front verlief am 3. bzw. 4. Tag ca. drei Kilometer weiter östlich.") == [
        "Die Front verlief am 3. bzw. 4. Tag ca. drei Kilometer weiter östlich."
    ]


def test_sentence_splitter_04():
    assert _sentences("Die Zahl stieg auf 17. Mehr als 70 Menschen sind verletzt.") == [
        "Die Zahl stieg auf 17.",
        "Mehr als 70 Menschen sind verletzt.",
    ]


@pytest.mark.xfail(strict=True, reason="'Mio.' before a capitalised word is always read as mid-sentence")
def test_sentence_splitter_05():
    assert _sentences("Der Schaden beträgt 5 Mio. Die Regierung will zahlen.") == [
        "Der Schaden beträgt 5 Mio.",
        "Die Regierung will zahlen.",
    ]


def test_sentence_splitter_06():
    # an agency signature glued to the last sentence is cut off
    assert _sentences("Mehr als 600 000 Soldaten wurden verwundet./abc/DP/xy") == [
        "Mehr als 600 000 Soldaten wurden verwundet.",
        "/abc/DP/xy",
    ]


# --- quotations -----------------------------------------------------------------------


def test_quote_sentences_01():
    # a sentence that ends inside a quotation keeps its closing mark
    assert _sentences("„Die Lage ist ernst.“ Danach verließ der Gouverneur den Raum.") == [
        "„Die Lage ist ernst.“",
        "Danach verließ der Gouverneur den Raum.",
    ]


def test_quote_sentences_02():
    # ellipses inside a quotation end neither the quotation nor the sentence
    assert _sentences("„Wir warten … und hoffen...“, sagte die Ärztin. Dann kam Alarm.") == [
        "„Wir warten … und hoffen...“, sagte die Ärztin.",
        "Dann kam Alarm.",
    ]


def test_quote_sentences_03():
    assert _sentences("„Wo bleibt die Hilfe?“, fragte sie. »Bald!«, rief er.") == [
        "„Wo bleibt die Hilfe?“, fragte sie.",
        "»Bald!«, rief er.",
    ]


def test_quote_sentences_04():
    # two sentences inside one quotation
    assert _sentences("„Das stimmt. Aber wir bleiben hier“, so der Bürgermeister.") == [
        "„Das stimmt.",
        "Aber wir bleiben hier“, so der Bürgermeister.",
    ]


def test_quote_sentences_05():
    # «…» (Swiss style) and “…” (English style) pair up like „…“
    assert _sentences("«Wir halten durch.» Er lächelte. “Es ist genug.” Sie nickte.") == [
        "«Wir halten durch.»",
        "Er lächelte.",
        "“Es ist genug.”",
        "Sie nickte.",
    ]


def test_quote_sentences_06():
    # a closing mark set off by a space still closes (text rebuilt from tokens)
    assert _sentences("Er sagte : „ Das war alles . “ Dann ging er .") == [
        "Er sagte : „ Das war alles . “",
        "Dann ging er .",
    ]


def test_quote_sentences_07():
    # straight quotes: the second one closes the first
    assert _sentences('"Wir kämpfen weiter." Die Sirenen verstummten.') == [
        '"Wir kämpfen weiter."',
        "Die Sirenen verstummten.",
    ]


# --- headlines and paragraphs ---------------------------------------------------------------


def test_headlines_01():
    doc = segment(
        "Raketenangriff auf Region Sumy\nIn der Nacht schlugen zwei Raketen ein. Es gab Verletzte.\n"
    )
    assert [(p.text, p.headline) for p in doc.paragraphs] == [
        ("Raketenangriff auf Region Sumy", True),
        ("In der Nacht schlugen zwei Raketen ein. Es gab Verletzte.", False),
    ]
    assert [(s.text, s.headline) for s in doc.sentences] == [
        ("Raketenangriff auf Region Sumy", True),
        ("In der Nacht schlugen zwei Raketen ein.", False),
        ("Es gab Verletzte.", False),
    ]


def test_headlines_02():
    # ticker lines with times are headlines of their own
    doc = segment(
        "+++ 06:10 Uhr +++ Luftalarm in Kiew\n14:15 Uhr: Drohnen über Odessa gesichtet\nAlles ruhig.\n"
    )
    assert [(p.text, p.headline) for p in doc.paragraphs] == [
        ("+++ 06:10 Uhr +++ Luftalarm in Kiew", True),
        ("14:15 Uhr: Drohnen über Odessa gesichtet", True),
        ("Alles ruhig.", False),
    ]


def test_headlines_03():
    # a headline may end with a quotation; a quoted sentence is no headline
    doc = segment("Peskow: „Wir verhandeln weiter“\n„Wir verhandeln weiter.“\n")
    assert [p.headline for p in doc.paragraphs] == [True, False]


def test_headlines_04():
    # a long line without final punctuation is body text, not a headline
    line = " ".join(["Drohnen"] * 25)
    assert [p.headline for p in segment(line).paragraphs] == [False]


def test_headlines_05():
    # bullet lines are paragraphs of their own
    doc = segment("Die Bilanz der Nacht:\n- 23 Drohnen über Charkiw\n- 5 Raketen über Sumy\n")
    assert [(p.text, p.headline) for p in doc.paragraphs] == [
        ("Die Bilanz der Nacht:", False),
        ("- 23 Drohnen über Charkiw", True),
        ("- 5 Raketen über Sumy", True),
    ]


def test_paragraphs_01():
    # a hard-wrapped line continues its paragraph; a blank line ends it
    doc = segment("Die Luftwaffe meldete in der Nacht\nzahlreiche Abschüsse.\n\nDanach war es still.")
    assert [p.text for p in doc.paragraphs] == [
        "Die Luftwaffe meldete in der Nacht\nzahlreiche Abschüsse.",
        "Danach war es still.",
    ]


def test_paragraphs_02():
    text = (
        "Angriff auf Sumy\r\nZwei Drohnen trafen ein Depot.\r\n\r\n"
        "Drei Menschen starben.\u2028Die Polizei ermittelt."
    )
    doc = segment(text)
    assert [p.text for p in doc.paragraphs] == [
        "Angriff auf Sumy",
        "Zwei Drohnen trafen ein Depot.",
        "Drei Menschen starben.",
        "Die Polizei ermittelt.",
    ]
    assert all(text[p.start : p.end] == p.text for p in doc.paragraphs)


# --- datelines ------------------------------------------------------------------------


def test_datelines_01():
    doc = segment("Angriffe im Osten\nKIEW (dpa) - Die Luftwaffe meldete 17 Abschüsse. Das Netz hielt.\n")
    assert [(s.text, s.dateline) for s in doc.sentences] == [
        ("Angriffe im Osten", False),
        ("KIEW (dpa) -", True),
        ("Die Luftwaffe meldete 17 Abschüsse.", False),
        ("Das Netz hielt.", False),
    ]


def test_datelines_02():
    doc = segment("Berlin: Die Bundesregierung sagte weitere Hilfe zu.\nMoskau: Dort blieb es ruhig.\n")
    assert [(s.text, s.dateline) for s in doc.sentences] == [
        ("Berlin:", True),
        ("Die Bundesregierung sagte weitere Hilfe zu.", False),
        # only the first body paragraph opens with a dateline of this form
        ("Moskau: Dort blieb es ruhig.", False),
    ]


def test_datelines_03():
    # a speaker before a colon is no dateline
    doc = segment("Selenskyj: Wir werden das Land wieder aufbauen.")
    assert [(s.text, s.dateline) for s in doc.sentences] == [
        ("Selenskyj: Wir werden das Land wieder aufbauen.", False)
    ]


def test_datelines_04():
    doc = segment("Odessa/Kiew (AFP/Reuters) – Bei Angriffen starben zwei Menschen.")
    assert [(s.text, s.dateline) for s in doc.sentences] == [
        ("Odessa/Kiew (AFP/Reuters) –", True),
        ("Bei Angriffen starben zwei Menschen.", False),
    ]


# --- structure invariants ---------------------------------------------------------------


def _check_structure(text: str) -> None:
    doc = segment(text)
    sents = list(doc.sentences)
    assert [s.index for s in sents] == list(range(len(sents)))
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text
        for s in p.sentences:
            assert s.paragraph == p.index and s.headline == p.headline
            assert text[s.start : s.end] == s.text
            assert p.start <= s.start and s.end <= p.end
            assert all(t.sentence == s.index and t.paragraph == p.index for t in s.tokens)
            assert all(text[t.start : t.end] == t.text for t in s.tokens)


def test_structure_01():
    _check_structure(
        "Nacht der Drohnen\n\nKIEW (dpa) - In der Nacht zum 28. Oktober griffen 100 Drohnen an. "
        "„Die Lage … ist ernst.“ Laut Gouverneur u. a. in Sumy.\r\n14:15 Uhr: Entwarnung\n"
    )


@pytest.mark.parametrize("folder", ["corpus", "corpus-quotes"])
def test_structure_shared_corpus(folder: str):
    paths = sorted((SHARED / folder).glob("*.txt"))
    if not paths:
        pytest.skip(f"../shared/{folder} not present")
    for path in paths:
        _check_structure(path.read_text(encoding="utf-8"))


def test_datelines_05():
    # a dash after a word in prose is no dateline, a dash after an upper-case place is
    doc = segment("Russland – das betonte der Kreml – will verhandeln.\nCHERSON – 12 Häuser brannten.")
    assert [(s.text, s.dateline) for s in doc.sentences] == [
        ("Russland – das betonte der Kreml – will verhandeln.", False),
        ("CHERSON –", True),
        ("12 Häuser brannten.", False),
    ]
