"""Property tests (hypothesis): parsing never raises, spans hold, output is deterministic and valid.

Two kinds of text: any Unicode at all, and bulletin-like text glued from
fragments of the grammar's constructions (numbers, quotation marks, speech
verbs, dates, abbreviations, line ends, invisible characters), which
reaches deeper into the extractors. ``max_examples`` is kept moderate so
the file stays well under a minute; ``make fuzz`` runs the long search.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from warparse import inputs, stream
from warparse.pipeline import parse_text

FRAGMENTS = [
    "66 Drohnen", "abgeschossen", "„", "“", "»", "«", '"', "‚", "‘", "sagte Selenskyj", ", so Peskow",
    "teilte die Luftwaffe mit", "z. B.", "u. a.", "28. Oktober", "in der Nacht zum Montag", "mehr als",
    "1.000", "1 000", "2,5", "Dutzende", "bis zu", "rund", "darunter fünf Kinder", "Kiew", "Charkiw",
    "Region Odessa", "Raketen", "Menschen wurden verletzt", "getötet", ".", ",", ":", ";", "!", "?", "…",
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u2009", "\u00ad", "\u200b", "&#8222;", "&quot;",
    "&nbsp;", "Der Sprecher", "er", "sei", "habe", "dass", "(dpa)", "–", "-", "155.", "Nr. 3", "24 Stunden",
    "im Alter von 13 Jahren", "um 4:30 Uhr", "2024", "Iskander-M", "Shahed", "Ch-101", "https://x.ua/a",
]

bulletin_text = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join) | st.lists(
    st.sampled_from(FRAGMENTS), max_size=60
).map("".join)
any_text = st.text(max_size=400)
texts = any_text | bulletin_text

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, recs: list[dict]) -> None:
    for rec in recs:
        start, end = rec["span"]
        assert 0 <= start <= end <= len(text), rec
        if rec["type"] == "count":
            assert text[start:end] == rec["text"], rec


@SETTINGS
@given(texts)
def test_parse_text_never_raises_and_spans_slice_to_the_evidence(text: str) -> None:
    recs = parse_text(text, "2024-10-28", "p.txt")
    _check_spans(text, recs)


@SETTINGS
@given(bulletin_text)
def test_parsing_is_deterministic(text: str) -> None:
    assert parse_text(text, "2024-10-28", "p.txt", True) == parse_text(text, "2024-10-28", "p.txt", True)


@SETTINGS
@given(texts, st.integers(min_value=16, max_value=200))
def test_chunked_parsing_keeps_spans_in_the_whole_text(text: str, chunk_chars: int) -> None:
    recs = list(stream.parse_string(text, ref_date="2024-10-28", chunk_chars=chunk_chars))
    doc = recs.pop()
    prepared = inputs.prepare_text(text)
    assert doc["type"] == "document" and doc["chars"] == len(prepared)
    assert [r for r in recs if r["type"] == "error"] == []
    _check_spans(prepared, recs)
    ids = [r["id"] for r in recs]
    assert len(ids) == len(set(ids))
    assert sum(doc["records"].values()) == len(recs)


@SETTINGS
@given(texts)
def test_one_chunk_gives_exactly_the_records_of_parse_text(text: str) -> None:
    recs = list(stream.parse_string(text, ref_date="2024-10-28", entities=False))[:-1]
    assert recs == parse_text(text, "2024-10-28", "-")


@SETTINGS
@given(st.text(max_size=3000), st.integers(min_value=16, max_value=500))
def test_chunks_spell_the_text_and_never_split_crlf(text: str, chunk_chars: int) -> None:
    pieces = (text[i : i + 97] for i in range(0, len(text), 97))
    out = list(stream.chunks(pieces, chunk_chars))
    assert "".join(c for _, c in out) == text
    offset = 0
    for start, chunk in out:
        assert start == offset and chunk
        assert not (chunk.startswith("\n") and offset and text[offset - 1] == "\r")
        offset += len(chunk)


@SETTINGS
@given(st.binary(max_size=600))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        decoded = inputs.decode(data, "b.bin")
    except inputs.InputError as exc:
        assert str(exc).startswith("binary file")
    else:
        assert isinstance(decoded.text, str)
        assert not any("\udc80" <= c <= "\udcff" for c in decoded.text)


text_chars = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff")
text_chars |= st.sampled_from("\n\r\t")


@SETTINGS
@given(st.text(text_chars, max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_files_decode_to_their_text(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assume(encoding != "utf-8" or inputs.sniff_binary(data) is None)
    assume(encoding != "utf-8" or inputs._utf16_without_bom(data) is None)
    decoded = inputs.decode(data, "t.txt")
    assert decoded.text == inputs.prepare_text(text)
    if encoding in ("utf-8", "utf-8-sig"):
        assert decoded.encoding == encoding
    if not text.isascii() and encoding == "utf-8":
        assert decoded.warnings == [] or decoded.warnings[0].startswith("HTML entities")


latin1_letters = st.characters(min_codepoint=0x20, max_codepoint=0x7E) | st.characters(
    min_codepoint=0xA0, max_codepoint=0xFF
)


@SETTINGS
@given(st.text(latin1_letters, max_size=200))
def test_latin1_text_is_read_as_cp1252_letter_for_letter(text: str) -> None:
    # cp1252 and Latin-1 agree outside 0x80-0x9F, which this alphabet leaves out
    data = text.encode("latin-1")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        assume(False)  # also valid UTF-8 (e.g. pure ASCII): read as such
    # "þÿ", "ÿþ", "ï»¿" are the bytes of a byte-order mark, which names the encoding
    assume(not data.startswith((b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf")))
    decoded = inputs.decode(data, "alt.txt")
    assert decoded.encoding == "cp1252"
    assert decoded.text == inputs.prepare_text(text)
    assert decoded.warnings[0].startswith("not valid UTF-8 (first at line 1)")


@pytest.fixture(scope="module")
def validators():
    jsonschema = pytest.importorskip("jsonschema")
    schema = pytest.importorskip("warparse.schema")
    return {t: jsonschema.Draft202012Validator(schema.load(t)) for t in schema.TYPES}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(texts)
def test_output_validates_against_the_schema(validators, text: str) -> None:
    for rec in stream.parse_string(text, ref_date="2024-10-28", explain=True, chunk_chars=150):
        errors = list(validators[rec["type"]].iter_errors(rec))
        assert not errors, (rec, [e.message for e in errors])
