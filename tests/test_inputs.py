"""Decoding inputs (warparse.inputs) and chunked, streaming parsing (warparse.stream)."""

from __future__ import annotations

import codecs
import hashlib
import io
from pathlib import Path

import pytest

from warparse import inputs, stream
from warparse.inputs import InputError, decode, decode_entities, open_bytes
from warparse.pipeline import parse_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

BULLETIN = (
    "Nächtlicher Angriff auf die Region Odessa\n"
    "\n"
    "In der Nacht zum Dienstag hat Russland die Ukraine mit 42 Drohnen angegriffen. "
    "Die Luftabwehr schoss 31 Drohnen ab, teilte die Luftwaffe mit.\n"
    "In Odessa wurden 3 Menschen verletzt.\n"
)


def _texts(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


# -- character sets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (BULLETIN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + BULLETIN.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + BULLETIN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + BULLETIN.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + BULLETIN.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings_give_the_same_text_without_bom(data: bytes, encoding: str) -> None:
    decoded = decode(data, "b.txt")
    assert decoded.text == BULLETIN
    assert decoded.encoding == encoding
    assert decoded.warnings == []


def test_utf16_without_bom_is_recognised_with_a_warning() -> None:
    decoded = decode(BULLETIN.encode("utf-16-le"), "b.txt")
    assert decoded.text == BULLETIN
    assert decoded.encoding == "utf-16-le"
    assert decoded.warnings == ["no byte order mark, but the text looks like UTF-16; decoded as utf-16-le"]


def test_cp1252_is_detected_with_a_warning_naming_the_line() -> None:
    text = "Lagebericht\nGrößere Schäden in Cherson – „schwere Nacht“ …\n"
    decoded = decode(text.encode("cp1252"), "alt.txt")
    assert decoded.text == text
    assert decoded.encoding == "cp1252"
    assert decoded.warnings == ["not valid UTF-8 (first at line 2); decoded as cp1252"]


def test_bytes_cp1252_leaves_undefined_are_read_as_latin1() -> None:
    decoded = decode(b"Gr\xf6\xdfe \x81 \x8d Ende", "alt.txt")
    assert decoded.text == "Größe \x81 \x8d Ende"


def test_a_stray_legacy_byte_after_the_first_block_is_read_as_cp1252() -> None:
    head = ("Die Lage bleibt angespannt.\n" * 3000).encode("utf-8")
    assert len(head) > inputs.BLOCK
    data = head + "Schäden – groß\n".encode() + b"Gr\xf6\xdfe\n"
    warnings: list[str] = []
    source = open_bytes(data, "mixed.txt", warn=warnings.append)
    text = source.read_all()
    assert text.endswith("Schäden – groß\nGröße\n")
    assert source.encoding == "utf-8"
    assert warnings == ["invalid UTF-8 byte(s) from line 3002 on, read as cp1252"]


def test_encoding_option_overrides_detection() -> None:
    data = "Schäden in Charkiw".encode("latin-1")
    decoded = decode(data, "x.txt", encoding="latin-1")
    assert (decoded.text, decoded.encoding, decoded.warnings) == ("Schäden in Charkiw", "iso8859-1", [])
    # UTF-8 read as Latin-1 on request: mojibake, but exactly what was asked for
    assert decode("ä".encode(), "x.txt", encoding="latin-1").text == "Ã¤"


def test_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingonisch'"):
        decode(b"abc", "x.txt", encoding="klingonisch")


def test_multibyte_characters_split_between_blocks_survive() -> None:
    text = "a" * (inputs.BLOCK - 1) + "„Größe“ ✓ 𝔄\n"
    assert decode(text.encode("utf-8"), "x.txt").text == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), "x.txt").text == text


def test_source_reads_block_by_block() -> None:
    data = ("Kiew meldete neue Angriffe.\n" * 10_000).encode()
    source = open_bytes(data, "big.txt")
    pieces = list(source.pieces())
    assert len(pieces) == -(-len(data) // inputs.BLOCK)
    assert max(len(p) for p in pieces) <= inputs.BLOCK
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.chars == len(data)


# -- binary and unreadable inputs ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Kiew\nOdessa\x00\x00\x01", "binary file (NUL byte at line 2), not a text bulletin"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary file (PDF document), not a text bulletin"),
        (b"PK\x03\x04\x14\x00", "binary file (ZIP archive (docx, odt, ...)), not a text bulletin"),
        (bytes(range(1, 9)) * 8 + b"text", "binary file (64 control bytes in the first 68), not a text bulletin"),  # noqa: E501
    ],
)
def test_binary_inputs_are_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "x.bin")
    assert str(info.value) == message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^no such file$"):
        inputs.open_input(str(tmp_path / "fehlt.txt"))
    with pytest.raises(InputError, match=r"^is a directory, not a file$"):
        inputs.open_input(str(tmp_path))


def test_parse_input_raises_before_yielding(tmp_path: Path) -> None:
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="PNG image"):
        stream.parse_input(str(tmp_path / "bild.png"))  # no iteration needed: raised at the call


def test_malformed_ref_date_is_refused_before_reading() -> None:
    with pytest.raises(ValueError):
        stream.parse_string("Text", ref_date="28.10.2024")


# -- line ends, invisible characters, entities --------------------------------------------------


def _spans_equal_evidence(text: str, recs: list[dict]) -> None:
    for rec in recs:
        start, end = rec["span"]
        assert 0 <= start <= end <= len(text)
        if rec["type"] == "count":
            assert text[start:end] == rec["text"]


def _lf_offset(crlf_text: str, pos: int) -> int:
    return pos - crlf_text.count("\r\n", 0, pos)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_records_of_lf_with_offsets_into_the_text_as_is(newline: str) -> None:
    text = BULLETIN.replace("\n", newline)
    recs = list(stream.parse_string(text, ref_date="2024-11-05"))[:-1]
    lf = parse_text(BULLETIN, "2024-11-05")
    assert recs, "the bulletin has records"
    _spans_equal_evidence(text, recs)
    assert [r["text"] for r in recs if "text" in r] == [r["text"] for r in lf if "text" in r]
    if newline == "\r\n":
        assert [[_lf_offset(text, p) for p in r["span"]] for r in recs] == [r["span"] for r in lf]
    else:
        assert [r["span"] for r in recs] == [r["span"] for r in lf]


def test_invisible_characters_stay_in_the_text_and_spans_slice_to_the_evidence() -> None:
    text = (
        "Die Luftabwehr schoss 31\u00a0Droh\u00adnen ab. "
        "Im Gebiet Sumy wurden\u2009200\u200b000 Menschen evakuiert."
    )
    recs = list(stream.parse_string(text, ref_date="2024-11-05"))
    doc = recs.pop()
    assert doc["chars"] == len(text)
    counts = [r for r in recs if r["type"] == "count"]
    assert counts
    _spans_equal_evidence(text, recs)
    assert decode(text.encode(), "x.txt").text == text


def test_decode_entities_replaces_well_formed_entities_only() -> None:
    raw = "&#8222;Wir halten&#8220; &amp; &quot;Kiew&quot;&nbsp;&#x201C; &foo; AT&T &amp &#99999999;"
    text, n = decode_entities(raw)
    assert text == "„Wir halten“ & \"Kiew\"\u00a0“ &foo; AT&T &amp &#99999999;"
    assert n == 7


def test_entities_are_decoded_and_offsets_refer_to_the_decoded_text() -> None:
    raw = "Die Luftwaffe meldete&nbsp;12 Drohnen &#8222;über Kiew&#8220;.\n"
    plain = "Die Luftwaffe meldete\u00a012 Drohnen „über Kiew“.\n"
    warnings: list[str] = []
    source = open_bytes(raw.encode(), "e.txt", warn=warnings.append)
    assert source.read_all() == plain
    assert source.entities == 3
    assert warnings == ["HTML entities decoded (first '&nbsp;'); offsets refer to the decoded text"]
    recs = list(stream.parse_string(raw, ref_date="2024-11-05"))[:-1]
    assert recs == parse_text(plain, "2024-11-05")
    assert list(stream.parse_string(raw, entities=False))[-1]["chars"] == len(raw)


def test_an_entity_split_between_blocks_is_still_decoded() -> None:
    head = "x" * (inputs.BLOCK - 3)
    data = (head + "&#8222;Angriff&#8220;\n").encode()
    assert decode(data, "e.txt").text == head + "„Angriff“\n"


# -- chunks -------------------------------------------------------------------------------------


def _rejoin(text: str, chunk_chars: int, piece: int = 1000) -> list[tuple[int, str]]:
    pieces = (text[i : i + piece] for i in range(0, len(text), piece))
    out = list(stream.chunks(pieces, chunk_chars))
    assert "".join(c for _, c in out) == text
    assert [o for o, _ in out] == [sum(len(c) for _, c in out[:i]) for i in range(len(out))]
    return out


def test_chunks_are_cut_after_blank_lines() -> None:
    para = "Kiew meldete in der Nacht neue Angriffe mit Drohnen.\nDie Abwehr war aktiv.\n\n"
    out = _rejoin(para * 200, 1000)
    assert len(out) > 5
    assert all(c.endswith("\n\n") for _, c in out)
    assert all(500 <= len(c) <= 1500 for _, c in out[:-1])


def test_chunks_are_not_cut_before_a_hard_wrapped_line() -> None:
    # lines that start in lower case continue the paragraph: cut only before "Die"
    para = "In der Nacht griff Russland die Region\nmit Drohnen an, und\nzwar aus Süden.\nDie Abwehr hielt.\n"
    out = _rejoin(para * 100, 500)
    assert all(c.endswith("hielt.\n") for _, c in out)


def test_one_enormous_paragraph_is_cut_at_sentence_ends_then_white_space_then_anywhere() -> None:
    sentences = "Die Lage bleibt angespannt. " * 200
    assert all(c.endswith("angespannt. ") for _, c in _rejoin(sentences, 1000)[:-1])
    words = "drohnen " * 500
    assert all(c.endswith(" ") for _, c in _rejoin(words, 1000)[:-1])
    nospace = "x" * 10_000
    assert [len(c) for _, c in _rejoin(nospace, 1000)] == [1000] * 10


def test_crlf_is_never_split() -> None:
    text = "Abwehr aktiv.\r\n" * 1000
    for _, c in _rejoin(text, 1000, piece=999):
        assert c.endswith("\r\n") and not c.startswith("\n")


def test_a_cut_at_white_space_does_not_split_crlf() -> None:
    buf = "a" * 50 + " " * 48 + "\r\n" + "b" * 200
    cut = stream._find_cut(buf, 100, 100)
    assert buf[cut - 2 : cut] == "\r\n"


def _corpus() -> list[Path]:
    return _texts(ROOT / "samples") + _texts(SHARED / "corpus")


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: p.name)
def test_streaming_gives_exactly_the_records_of_parse_text(path: Path) -> None:
    recs = list(stream.parse_input(str(path), ref_date="2024-10-28", explain=True))
    doc = recs.pop()
    text = inputs.decoded_text(str(path))
    assert recs == parse_text(text, "2024-10-28", str(path), True)
    data = path.read_bytes()
    assert doc["sha256"] == hashlib.sha256(data).hexdigest()
    assert doc["chars"] == len(text)
    assert doc["records"]["count"] == sum(r["type"] == "count" for r in recs)


def test_many_chunks_keep_spans_ids_and_sentences_document_relative() -> None:
    para = "Am Montag wurden 12 Drohnen abgeschossen. Zwei Menschen wurden verletzt.\n\n"
    text = para * 60
    one = parse_text(para, "2024-11-04")
    assert one
    recs = list(stream.parse_string(text, ref_date="2024-11-04", chunk_chars=400))
    doc = recs.pop()
    assert doc["records"]["count"] == 60 * sum(r["type"] == "count" for r in one)
    _spans_equal_evidence(text, recs)
    ids = [r["id"] for r in recs]
    assert len(set(ids)) == len(ids)
    counts = [r for r in recs if r["type"] == "count"]
    assert [r["id"] for r in counts] == [f"c{i}" for i in range(1, len(counts) + 1)]
    per_para = [r for r in one if r["type"] == "count"]
    # every paragraph repeats the records of the first, shifted by its offset and sentence count
    for k in range(60):
        got = counts[k * len(per_para) : (k + 1) * len(per_para)]
        assert [r["span"] for r in got] == [[s + k * len(para) for s in r["span"]] for r in per_para]
        assert [r["sentence"] for r in got] == [r["sentence"] + k * 2 for r in per_para]


def test_shift_renames_references_to_ids() -> None:
    state = stream._Doc("d", None, False, None, parse_text)
    state.id_base.update(c=5, i=2)
    recs = [
        {"type": "count", "id": "c1", "span": [0, 3]},
        {"type": "count", "id": "c2", "span": [4, 9], "part_of": "c1"},
        {"type": "incident", "id": "i1", "span": [0, 9], "counts": ["c1", "c2"]},
    ]
    stream._shift(recs, 100, state)
    assert recs == [
        {"type": "count", "id": "c6", "span": [100, 103]},
        {"type": "count", "id": "c7", "span": [104, 109], "part_of": "c6"},
        {"type": "incident", "id": "i3", "span": [100, 109], "counts": ["c6", "c7"]},
    ]
    assert state.id_base == {"c": 7, "i": 3}


# -- failures inside a chunk --------------------------------------------------------------------


def test_a_chunk_that_times_out_becomes_an_error_record_and_the_rest_is_parsed(monkeypatch) -> None:
    from warparse import pipeline

    def fragile(text: str, *args, **kwargs):
        if "Zeitbombe" in text:
            raise TimeoutError("regex timed out")
        return parse_text(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_text", fragile)
    para = "In Charkiw wurden 4 Häuser beschädigt.\n\n"
    text = para * 10 + "Eine Zeitbombe aus Regex.\n\n" + para * 10
    warnings: list[str] = []
    recs = list(stream.parse_string(text, ref_date="2024-11-05", chunk_chars=10_000, warn=warnings.append))
    doc = recs.pop()
    errors = [r for r in recs if r["type"] == "error"]
    assert len(errors) == 1
    assert errors[0]["line"] == 21
    assert errors[0]["message"] == "lines 21-21: parsing timed out (regex MATCH_TIMEOUT); records skipped"
    start, end = errors[0]["span"]
    assert "Zeitbombe" in text[start:end] and "Häuser" not in text[start:end]
    assert warnings == [errors[0]["message"]]
    assert doc["records"]["count"] == 20 * sum(r["type"] == "count" for r in parse_text(para, "2024-11-05"))
    assert doc["records"]["error"] == 1


def test_a_read_error_mid_way_keeps_what_was_read(monkeypatch) -> None:
    class Flaky(io.RawIOBase):
        def __init__(self) -> None:
            self.calls = 0

        def readable(self) -> bool:
            return True

        def read(self, n: int = -1) -> bytes:
            self.calls += 1
            if self.calls > 2:
                raise OSError(5, "Input/output error")
            return ("Kiew meldete 5 Verletzte.\n" * 2600).encode()[:n]

    source = inputs.Source("flaky.txt", Flaky())
    monkeypatch.setattr(inputs, "open_input", lambda *a, **k: source)
    recs = list(stream.parse_input("flaky.txt", ref_date="2024-11-05"))
    doc = recs.pop()
    assert recs[-1]["type"] == "error"
    assert recs[-1]["message"].startswith("read error: Input/output error (after line")
    assert doc["chars"] > inputs.BLOCK


def test_error_record_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = pytest.importorskip("warparse.schema")
    rec = stream.error_record("x.txt", "binary file (PDF document), not a text bulletin")
    assert rec == {
        "type": "error",
        "doc": "x.txt",
        "id": "e1",
        "span": [0, 0],
        "message": "binary file (PDF document), not a text bulletin",
    }
    jsonschema.validate(rec, schema.load("error"))
    jsonschema.validate(stream.error_record("x.txt", "m", line=3), schema.load("error"))
