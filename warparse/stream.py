"""Parsing one input in bounded memory: decode, cut into chunks, parse, shift, stream.

``parse_input(name)`` reads an input block by block (``warparse.inputs``),
groups the decoded text into *chunks* of whole paragraphs near
``chunk_chars`` code points, runs ``pipeline.parse_text`` on each chunk and
yields its records as soon as the chunk is done, with every span shifted by
the chunk's offset (so spans refer to the whole decoded text) and ids
renumbered to stay unique in the document (``c1``... continue across
chunks; ``part_of``/``counts`` references follow). The last item is the
``document`` record.

Where a chunk is cut, best first: after a blank line; before a line that
cannot continue the paragraph above (it starts with anything but a lower
case letter; the segmenter's hard-wrap rule); before any line; after a
sentence end; at white space; anywhere (a 5 MB line without spaces).
Cutting at a paragraph boundary changes nothing: an input no longer than
1.5 x ``chunk_chars`` is one chunk, and its records are exactly those of
``parse_text`` on the whole text.

A chunk whose parsing fails (the regex ``MATCH_TIMEOUT`` guard raises
``TimeoutError``, or any bug) is split in two and retried, down to single
paragraphs; what still fails becomes an ``error`` record naming its line
(and a ``warn`` message), and the rest of the input is still parsed.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from warparse import inputs
from warparse.inputs import InputError, Warn
from warparse.records import SCHEMA_VERSION, Error
from warparse.rules import compile_pattern

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

    from warparse.segmenter import Document

    Parse = Callable[..., list[dict[str, Any]]]

__all__ = ["InputError", "error_record", "parse_input", "parse_string"]

CHUNK_CHARS = 1 << 16
# record fields that hold ids of other records of the same document
REF_KEYS = ("part_of", "counts", "quotes", "incidents", "parent")
# record fields that count document units from 0; shifted like spans
_INDEX_KEYS = ("sentence", "paragraph")
_ID_RE = compile_pattern(r"(\D*)(\d+)")

_BREAK_RE = compile_pattern(r"\r\n|\r|\n")
_PEEK = 4096  # how far to look for the first character of a line
_SENTENCE_END_RE = compile_pattern(r"[.!?…][\"“”»«’')\]]{0,3}\s+(?=[\p{Lu}\p{N}„»\"(])")
_SPACE_RE = compile_pattern(r"\s+")
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"



def error_record(
    name: str, message: str, line: int | None = None, span: tuple[int, int] = (0, 0), n: int = 1
) -> dict[str, Any]:
    """An ``error`` record (``--errors-as-records``): ``name`` could not be (fully) parsed."""
    rec = Error(span, rules=[], id=f"e{n}", message=message, line=line).to_dict(name)
    if line is None:
        rec.pop("line", None)
    return rec


# -- chunking -----------------------------------------------------------------------------------


def _is_blank(line: str) -> bool:
    return not line.strip()


def _not_in_crlf(buf: str, cut: int) -> int:
    return cut + 1 if buf[cut - 1] == "\r" and buf[cut] == "\n" else cut


def _find_cut(buf: str, target: int, hi: int) -> int:
    """Where to end the chunk that starts ``buf``: a position in [target/2, hi]."""
    lo = max(1, target // 2)
    hi = min(hi, len(buf) - 1)  # the char at the cut must be known (CRLF, the next line's start)
    best: list[int | None] = [None] * 3  # after/before a blank line, a new paragraph, any line
    dist = [0] * 3

    def offer(prio: int, pos: int) -> None:
        d = abs(pos - target)
        if best[prio] is None or d < dist[prio]:
            best[prio], dist[prio] = pos, d

    # lines that start in the window: walk the line breaks from the line holding ``lo``
    # (a search for the breaks alone, never a scan of each line to its end: linear)
    start = max(buf.rfind("\n", 0, lo), buf.rfind("\r", 0, lo)) + 1
    prev_blank = False
    line_start = start
    for m in _BREAK_RE.finditer(buf, start, hi + 1):
        pos = m.end()  # a line starts here
        prev_blank = _is_blank(buf[line_start : m.start()])
        if lo <= pos <= hi:
            nxt = _BREAK_RE.search(buf, pos, min(len(buf), pos + _PEEK))
            line = buf[pos : nxt.start() if nxt else pos + _PEEK]
            first = line.lstrip()[:1]
            if prev_blank or (nxt and not first):
                offer(0, pos)
            else:  # a line starting in lower case may continue the paragraph (hard wrap)
                offer(1 if first and not first.islower() else 2, pos)
        line_start = pos
    for prio in range(3):
        if best[prio] is not None:
            return best[prio]  # type: ignore[return-value]
    # one enormous paragraph: a sentence end, else white space, else anywhere
    for pattern in (_SENTENCE_END_RE, _SPACE_RE):
        cut = None
        for m in pattern.finditer(buf, lo, hi):
            if cut is not None and m.end() > target:
                if abs(m.end() - target) < abs(cut - target):
                    cut = m.end()
                break
            cut = m.end()
        if cut is not None and lo <= cut <= hi:
            return _not_in_crlf(buf, cut)
    cut = min(target, hi)
    # not between a letter and its combining marks or an invisible joiner
    for _ in range(32):
        c = buf[cut]
        if cut > lo and (unicodedata.category(c).startswith("M") or c in _INVISIBLE):
            cut -= 1
        else:
            break
    return _not_in_crlf(buf, cut)


def chunks(pieces: Iterator[str], chunk_chars: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) of consecutive chunks of the text that ``pieces`` spell."""
    target = max(16, chunk_chars)
    hi = target + target // 2
    buf = ""
    base = 0
    for piece in pieces:
        buf += piece
        while len(buf) > hi:
            cut = _find_cut(buf, target, hi)
            yield base, buf[:cut]
            base += cut
            buf = buf[cut:]
    if buf:
        yield base, buf


# -- records of chunks --------------------------------------------------------------------------


@dataclass(slots=True)
class _Doc:
    """What the chunks of one document share while it is parsed."""

    name: str
    ref_date: str | None
    explain: bool
    warn: Warn | None
    parse: Parse
    id_base: Counter[str] = field(default_factory=Counter)
    index_base: Counter[str] = field(default_factory=Counter)
    tally: Counter[str] = field(default_factory=Counter)
    errors: int = 0


def _units(text: str) -> Counter[str]:
    """How many sentences and paragraphs ``text`` has (to continue their numbering)."""
    from warparse.segmenter import segment

    try:
        doc = segment(text)
    except Exception:  # the chunk failed to parse anyway; its records are not there
        return Counter()
    return _doc_units(doc)


def _doc_units(doc: Document) -> Counter[str]:
    return Counter(paragraph=len(doc.paragraphs), sentence=sum(len(p.sentences) for p in doc.paragraphs))


def _parse(state: _Doc, text: str) -> tuple[list[dict[str, Any]], Counter[str] | None]:
    """The records of one chunk, and its units when the parse gives them on the way."""
    from warparse import pipeline

    code = getattr(state.parse, "__code__", None)
    if code is not None and code.co_name == "parse_text" and code.co_filename == pipeline.__file__:
        # the grammar itself, not a stand-in or a wrapper (``parse_text`` step by step): the
        # chunk's segmentation then also gives its units, which would otherwise cost a second
        # segmentation (perf, issue #7)
        ctx = pipeline.analyse(text, state.ref_date)
        return [r.to_dict(state.name, state.explain) for r in pipeline.records(ctx)], _doc_units(ctx.doc)
    return state.parse(text, state.ref_date, state.name, state.explain), None


def _shift(recs: list[dict[str, Any]], offset: int, state: _Doc) -> None:
    """Make chunk-relative records document-relative, in place."""
    renamed: dict[str, str] = {}
    top: Counter[str] = Counter()
    for rec in recs:
        rid = rec.get("id")
        if isinstance(rid, str) and (m := _ID_RE.fullmatch(rid)):
            prefix, n = m.group(1), int(m.group(2)) + state.id_base[m.group(1)]
            renamed[rid] = f"{prefix}{n}"
            top[prefix] = max(top[prefix], n)
    for rec in recs:
        span = rec.get("span")
        if isinstance(span, list) and len(span) == 2:
            rec["span"] = [span[0] + offset, span[1] + offset]
        if renamed:
            if rec.get("id") in renamed:
                rec["id"] = renamed[rec["id"]]
            for key in REF_KEYS:
                value = rec.get(key)
                if isinstance(value, str):
                    rec[key] = renamed.get(value, value)
                elif isinstance(value, list):
                    rec[key] = [renamed.get(v, v) if isinstance(v, str) else v for v in value]
        for key in _INDEX_KEYS:
            if isinstance(rec.get(key), int) and state.index_base[key]:
                rec[key] += state.index_base[key]
    for prefix, n in top.items():
        state.id_base[prefix] = max(state.id_base[prefix], n)


def _parse_chunk(state: _Doc, offset: int, text: str, line: int, last: bool) -> Iterator[dict[str, Any]]:
    """The records of one chunk, document-relative; on failure, halves, then an error record."""
    try:
        recs, units = _parse(state, text)
    except Exception as exc:
        yield from _failed(state, offset, text, line, last, exc)
        return
    _shift(recs, offset, state)
    if not last:
        state.index_base.update(units if units is not None else _units(text))
    for rec in recs:
        state.tally[rec.get("type", "record")] += 1
        yield rec


def _failed(
    state: _Doc, offset: int, text: str, line: int, last: bool, exc: Exception
) -> Iterator[dict[str, Any]]:
    body = text.strip()
    if "\n" in body or "\r" in body:  # more than one line: retry the halves
        mid = _find_cut(text, len(text) // 2, len(text) - 1)
        if 0 < mid < len(text):
            head, tail = text[:mid], text[mid:]
            yield from _parse_chunk(state, offset, head, line, False)
            yield from _parse_chunk(state, offset + mid, tail, line + inputs._breaks(head), last)
            return
    what = "timed out (regex MATCH_TIMEOUT)" if isinstance(exc, TimeoutError) else (
        f"internal error {type(exc).__name__}: {exc}"
    )
    message = f"lines {line}-{line + inputs._breaks(text.rstrip())}: parsing {what}; records skipped"
    state.errors += 1
    if state.warn is not None:
        state.warn(message)
    if not last:
        state.index_base.update(_units(text))
    state.tally["error"] += 1
    yield error_record(state.name, message, line, (offset, offset + len(text)), state.errors)


def _document(state: _Doc, sha256: str, encoding: str, chars: int) -> dict[str, Any]:
    records = {t: state.tally[t] for t in ("count", "incident", "quote")}
    records.update({t: n for t, n in sorted(state.tally.items()) if t not in records})
    return {
        "type": "document",
        "doc": state.name,
        "span": [0, chars],
        "ref_date": state.ref_date,
        "sha256": sha256,
        "encoding": encoding,
        "chars": chars,
        "records": records,
        "schema_version": SCHEMA_VERSION,
    }


def _check_ref_date(ref_date: str | dt.date | None) -> str | None:
    if ref_date is None:
        return None
    if isinstance(ref_date, dt.date):
        return ref_date.isoformat()
    return dt.date.fromisoformat(ref_date).isoformat()  # ValueError before anything is read


def _records(
    state: _Doc,
    pieces: Iterator[str],
    chunk_chars: int,
    resolve_ref: bool,
    finish: Callable[[], tuple[str, str, int]],
) -> Iterator[dict[str, Any]]:
    line = 1
    failed_read: InputError | None = None
    pending: tuple[int, str] | None = None
    it = chunks(pieces, chunk_chars)
    while True:
        try:
            nxt = next(it, None)
        except InputError as exc:  # a read error after the start: keep what was parsed
            failed_read, nxt = exc, None
        if pending is not None:
            offset, text = pending
            if resolve_ref and offset == 0:
                state.ref_date = _resolve_ref(state.name, text)
            yield from _parse_chunk(state, offset, text, line, last=nxt is None)
            line += inputs._breaks(text)
        if nxt is None:
            break
        pending = nxt
    if failed_read is not None:
        message = f"{failed_read} (after line {line}); the rest of the input is missing"
        state.errors += 1
        state.tally["error"] += 1
        if state.warn is not None:
            state.warn(message)
        yield error_record(state.name, message, line, n=state.errors)
    yield _document(state, *finish())


def _resolve_ref(name: str, head: str) -> str | None:
    """No ``ref_date`` given: a dateline at the top, else a date in the file name."""
    try:
        from warparse.refdate import from_name, from_text
    except ImportError:  # pragma: no cover - refdate belongs to the CLI and may move
        return None
    return from_text(head) or from_name(name)


def _parse_text() -> Parse:
    from warparse.pipeline import parse_text  # the grammar: imported only when parsing

    return parse_text


def parse_input(
    name: str,
    *,
    ref_date: str | dt.date | None = None,
    encoding: str | None = None,
    explain: bool = False,
    warn: Warn | None = None,
    chunk_chars: int = CHUNK_CHARS,
    entities: bool = True,
) -> Iterator[dict[str, Any]]:
    """The records of input ``name`` (a path, or ``-`` for stdin), document record last.

    Raises ``InputError`` right away (before anything is yielded) when the
    input is missing, unreadable, a directory or binary; ``ValueError`` for
    a malformed ``ref_date``. Without ``ref_date``, a dateline at the top of
    the text or a YYYY-MM-DD in the file name is used (``warparse.refdate``).
    """
    ref = _check_ref_date(ref_date)
    source = inputs.open_input(name, encoding, warn=warn, entities=entities)
    state = _Doc(name, ref, explain, warn, _parse_text())

    def finish() -> tuple[str, str, int]:
        return source.sha256, source.encoding, source.chars

    return _records(state, source.pieces(), chunk_chars, ref is None, finish)


def parse_string(
    text: str,
    *,
    doc: str = "-",
    ref_date: str | dt.date | None = None,
    explain: bool = False,
    warn: Warn | None = None,
    chunk_chars: int = CHUNK_CHARS,
    entities: bool = True,
) -> Iterator[dict[str, Any]]:
    """``parse_input`` for a string in memory (named ``doc``): spans refer to
    ``inputs.prepare_text(text)`` (``text`` with HTML entities decoded)."""
    ref = _check_ref_date(ref_date)
    state = _Doc(doc, ref, explain, warn, _parse_text())
    sha = inputs.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    n_entities = 0
    if entities:
        text, n_entities = inputs.decode_entities(text)
        if n_entities and warn is not None:
            warn("HTML entities decoded; offsets refer to the decoded text")
    final = text

    def pieces() -> Iterator[str]:
        for i in range(0, len(final), CHUNK_CHARS):
            yield final[i : i + CHUNK_CHARS]

    def finish() -> tuple[str, str, int]:
        return sha, "utf-8", len(final)

    return _records(state, pieces(), chunk_chars, ref is None, finish)
