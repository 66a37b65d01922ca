"""Reading inputs: bytes -> text, incrementally, with every decision documented.

What offsets refer to (the README's "Input and offsets" says the same):
the *decoded text* of an input is

1. its bytes decoded by the detected (or ``--encoding``) character set,
   with a byte order mark dropped;
2. with leftover HTML entities (``&quot;`` ``&nbsp;`` ``&#8222;``
   ``&#x201C;``; only well-formed ones, ending in ``;``) replaced by their
   character, because the grammar must see „ where the file says
   ``&#8222;``. Each replacement is reported once as a warning.

Nothing else is changed: CRLF and CR line ends, NBSP, thin spaces, soft
hyphens and zero-width characters stay as they are (the tokenizer knows
them), so for a file without entities every ``text[start:end]`` is the
evidence exactly as the file has it. ``decoded_text(name)`` returns the text
the offsets refer to.

Detection, on the first block (64 KiB) of the input:

- a UTF-32/UTF-16 BOM -> that codec; a UTF-8 BOM -> UTF-8;
- NUL bytes (without a UTF-16 pattern), a known binary signature (PDF, ZIP,
  gzip, PNG, ...) or more than 10 % control bytes -> ``InputError``
  (binary file);
- UTF-16 without BOM (every other byte NUL) -> UTF-16 with a warning;
- valid UTF-8 -> UTF-8; a stray invalid byte further on is read as cp1252
  (with a warning naming the line), so mixed files still parse;
- else cp1252 with a warning (the five bytes cp1252 leaves undefined are
  read as Latin-1).

The input is read block by block through an incremental decoder, so a
100 MB file is never in memory as a whole (``Source.pieces``).
"""

from __future__ import annotations

import codecs
import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import regex

from warparse.rules import compile_pattern

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import BinaryIO

# The SHA-256 of the document record, from CPython's own module where there is one:
# hashlib loads OpenSSL first, 3 ms of every start. Same digest either way.
try:
    from _sha256 import sha256  # Python 3.11
except ImportError:
    try:
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        from hashlib import sha256

BLOCK = 1 << 16  # bytes read at a time; also the size of the sniffed first block

Warn = Callable[[str], None]


class InputError(Exception):
    """An input that cannot be read as a bulletin; the message names the reason."""


@dataclass(slots=True)
class Decoded:
    """An input's text as decoded, the encoding used and what decoding had to warn about."""

    name: str
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


# -- byte level ---------------------------------------------------------------------------------

_BOMS = (  # UTF-32 first: its LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx, odt, ...)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "executable"),
    (b"{\\rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
)
# bytes that do not occur in text: C0 controls other than \t \n \v \f \r, and DEL
_CONTROL = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_TABLE = bytes.maketrans(b"", b"")
_MAX_CONTROL_RATIO = 0.10

# cp1252, with the five bytes it leaves undefined read as Latin-1 (C1 controls)
_LEGACY = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
# a byte the decoder could not read arrives as a lone surrogate (errors="surrogateescape")
_ESCAPED_RE = compile_pattern("[\udc80-\udcff]")
_FROM_ESCAPED_CP1252 = {0xDC00 + b: _LEGACY[b] for b in range(128, 256)}
_FROM_ESCAPED_LATIN1 = {0xDC00 + b: chr(b) for b in range(128, 256)}


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def sniff_binary(block: bytes) -> str | None:
    """Why ``block`` (the start of an input, BOM-less) is not text, or None."""
    for magic, what in _SIGNATURES:
        if block.startswith(magic):
            return f"binary file ({what}), not a text bulletin"
    nul = block.find(b"\x00")
    if nul >= 0:
        return f"binary file (NUL byte at line {_line_of(block, nul)}), not a text bulletin"
    if block:
        controls = len(block) - len(block.translate(_CONTROL_TABLE, _CONTROL))
        if controls / len(block) > _MAX_CONTROL_RATIO:
            return f"binary file ({controls} control bytes in the first {len(block)}), not a text bulletin"
    return None


def _utf16_without_bom(block: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII-heavy UTF-16)."""
    if len(block) < 4:
        return None
    even, odd = block[0::2], block[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / max(1, len(odd))
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


# -- text level ---------------------------------------------------------------------------------

_ENTITY_RE = compile_pattern(r"&(?:\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# the start of an entity cut off by the end of a block: held back for the next one
_PARTIAL_ENTITY_RE = compile_pattern(r"&(?:\#[xX]?[0-9A-Fa-f]{0,7}|[A-Za-z][A-Za-z0-9]{0,31})?\Z")


def _entity(m: regex.Match[str]) -> str:
    import html  # only for inputs with entities: html.entities is a big table to load
    import html.entities

    s = m.group()
    if s[1] == "#":
        return html.unescape(s)  # numeric; invalid code points become U+FFFD as in browsers
    return html.entities.html5.get(s[1:], s)  # unknown names stay as written


def decode_entities(text: str) -> tuple[str, int]:
    """``text`` with its well-formed HTML entities replaced, and how many were."""
    if "&" not in text:
        return text, 0
    n = 0

    def repl(m: regex.Match[str]) -> str:
        nonlocal n
        out = _entity(m)
        n += out != m.group()
        return out

    return _ENTITY_RE.sub(repl, text), n


def prepare_text(text: str) -> str:
    """What offsets refer to for an in-memory string: entities decoded, nothing else."""
    return decode_entities(text)[0]


class _LineCounter:
    """Line numbers over a text that arrives in pieces (\\n, \\r\\n and \\r all end a line)."""

    def __init__(self) -> None:
        self.breaks = 0
        self._cr_at_end = False

    def line_at(self, piece: str, pos: int) -> int:
        """1-based line of ``piece[pos]``, ``piece`` being the next unread piece."""
        return self.breaks + _breaks(piece[:pos], self._cr_at_end) + 1

    def feed(self, piece: str) -> None:
        self.breaks += _breaks(piece, self._cr_at_end)
        if piece:
            self._cr_at_end = piece[-1] == "\r"


def _breaks(s: str, cr_before: bool = False) -> int:
    n = s.count("\n") + s.count("\r") - s.count("\r\n")
    if cr_before and s.startswith("\n"):
        n -= 1  # the \n of a \r\n split between two pieces
    return n


# -- sources ------------------------------------------------------------------------------------


class Source:
    """One opened input: sniffed and ready to be read as text, piece by piece.

    ``open_input``/``open_bytes`` make one and raise ``InputError`` for what
    cannot be read at all. Afterwards ``pieces()`` yields the decoded text
    (see the module doc) in order; ``sha256``, ``nbytes`` and ``chars`` are
    complete once it is exhausted. Warnings go to ``warn`` as they arise and
    are kept in ``warnings``.
    """

    def __init__(
        self,
        name: str,
        stream: BinaryIO,
        *,
        encoding: str | None = None,
        warn: Warn | None = None,
        entities: bool = True,
        block: int = BLOCK,
        close: bool = True,
    ) -> None:
        self.name = name
        self.warnings: list[str] = []
        self.nbytes = 0
        self.chars = 0
        self.entities = 0
        self._stream = stream
        self._close = close
        self._warn = warn
        self._decode_entities = entities
        self._block = block
        self._hash = sha256()
        self._lines = _LineCounter()
        self._fallback_warned = False
        first = self._read_first()
        self.encoding, skip, self._escaped = self._detect(first, encoding)
        self._first = first[skip:]
        errors = "surrogateescape" if self._escaped is not None else "replace"
        codec = "utf-8" if self.encoding == "utf-8-sig" else self.encoding
        self._decoder = codecs.getincrementaldecoder(codec)(errors=errors)
        self._at_eof = len(first) < block

    @property
    def sha256(self) -> str:
        return self._hash.hexdigest()

    def warning(self, message: str) -> None:
        self.warnings.append(message)
        if self._warn is not None:
            self._warn(message)

    def _read(self) -> bytes:
        try:
            data = self._stream.read(self._block)
        except OSError as exc:
            raise InputError(f"read error: {exc.strerror or exc}") from None
        data = data or b""
        self._hash.update(data)
        self.nbytes += len(data)
        return data

    def _read_first(self) -> bytes:
        data = self._read()
        # a pipe may deliver less than asked: fill the block we sniff
        while data and len(data) < self._block:
            more = self._read()
            if not more:
                break
            data += more
        return data

    def _detect(self, first: bytes, encoding: str | None) -> tuple[str, int, dict[int, str] | None]:
        """(codec, BOM bytes to skip, map for escaped bytes or None for U+FFFD)."""
        if encoding:
            try:
                name = codecs.lookup(encoding).name
            except LookupError:
                raise InputError(f"unknown encoding {encoding!r}") from None
            skip = 0
            if name in ("utf-8", "utf-8-sig") and first.startswith(codecs.BOM_UTF8):
                name, skip = "utf-8-sig", 3
            if name in ("utf-16", "utf-32"):  # BOM decides the byte order; default LE
                for bom, enc in _BOMS:
                    if enc.startswith(name) and first.startswith(bom):
                        return enc, len(bom), None
                return f"{name}-le", 0, None
            return name, skip, None
        for bom, enc in _BOMS:
            if first.startswith(bom):
                if enc == "utf-8-sig":
                    return self._utf8_or_legacy(first, len(bom), enc)
                return enc, len(bom), None
        utf16 = _utf16_without_bom(first)
        if utf16:
            self.warning(f"no byte order mark, but the text looks like UTF-16; decoded as {utf16}")
            return utf16, 0, None
        reason = sniff_binary(first)
        if reason:
            raise InputError(reason)
        return self._utf8_or_legacy(first, 0, "utf-8")

    def _utf8_or_legacy(self, first: bytes, skip: int, enc: str) -> tuple[str, int, dict[int, str]]:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(first[skip:], final=self._eof_after(first))
        except UnicodeDecodeError as exc:
            line = _line_of(first, skip + exc.start)
            self.warning(f"not valid UTF-8 (first at line {line}); decoded as cp1252")
            self._fallback_warned = True
            return "cp1252", skip, _FROM_ESCAPED_LATIN1
        return enc, skip, _FROM_ESCAPED_CP1252

    def _eof_after(self, first: bytes) -> bool:
        return len(first) < self._block

    def _text(self, data: bytes, final: bool) -> str:
        piece = self._decoder.decode(data, final)
        if self._escaped is not None and _ESCAPED_RE.search(piece):
            if self._escaped is _FROM_ESCAPED_CP1252 and not self._fallback_warned:
                pos = _ESCAPED_RE.search(piece).start()
                line = self._lines.line_at(piece, pos)
                self.warning(f"invalid UTF-8 byte(s) from line {line} on, read as cp1252")
                self._fallback_warned = True
            piece = piece.translate(self._escaped)
        elif self._escaped is None and "\ufffd" in piece and not self._fallback_warned:
            line = self._lines.line_at(piece, piece.index("\ufffd"))
            self.warning(f"bytes not valid in {self.encoding} from line {line} on, replaced by U+FFFD")
            self._fallback_warned = True
        self._lines.feed(piece)
        return piece

    def _raw_pieces(self) -> Iterator[str]:
        yield self._text(self._first, self._at_eof)
        self._first = b""
        while not self._at_eof:
            data = self._read()
            self._at_eof = not data
            yield self._text(data, self._at_eof)

    def pieces(self) -> Iterator[str]:
        """The decoded text, in order, a block at a time. Closes the input at the end."""
        try:
            held = ""
            for raw in self._raw_pieces():
                piece = held + raw
                held = ""
                if self._decode_entities and "&" in piece:
                    if not self._at_eof:
                        m = _PARTIAL_ENTITY_RE.search(piece, max(0, len(piece) - 40))
                        if m:
                            piece, held = piece[: m.start()], piece[m.start() :]
                    piece = self._entities_in(piece)
                if piece:
                    self.chars += len(piece)
                    yield piece
            if held:
                self.chars += len(held)
                yield held
        finally:
            self.close()

    def _entities_in(self, piece: str) -> str:
        out, n = decode_entities(piece)
        if n and not self.entities:
            m = _ENTITY_RE.search(piece)
            where = f" (first {m.group()!r})" if m else ""
            self.warning(f"HTML entities decoded{where}; offsets refer to the decoded text")
        self.entities += n
        return out

    def read_all(self) -> str:
        return "".join(self.pieces())

    def close(self) -> None:
        if self._close:
            try:
                self._stream.close()
            except OSError:
                pass


def open_input(
    name: str, encoding: str | None = None, *, warn: Warn | None = None, entities: bool = True
) -> Source:
    """Open a file name, or ``-`` for standard input, and sniff its start.

    Raises ``InputError`` for a missing, unreadable, binary input or a
    directory; the message says what (not the name: the caller adds it).
    """
    if name == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:
            raise InputError("no standard input")
        return Source(name, stdin, encoding=encoding, warn=warn, entities=entities, close=False)
    stream = _open_file(name)  # closed by Source.pieces/close
    try:
        return Source(name, stream, encoding=encoding, warn=warn, entities=entities)
    except BaseException:
        stream.close()
        raise


def _open_file(name: str) -> BinaryIO:
    """``name`` opened for reading bytes; InputError saying why when it cannot be."""
    try:
        return open(name, "rb")
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def read_bytes(name: str) -> bytes:
    """The raw bytes of a file, or of stdin for ``-``, read whole (diff, show, batch)."""
    if name == "-":
        return sys.stdin.buffer.read()
    with _open_file(name) as fh:
        return fh.read()


def open_bytes(
    data: bytes, name: str, encoding: str | None = None, *, warn: Warn | None = None, entities: bool = True
) -> Source:
    """A ``Source`` over bytes already in memory (batch workers, tests)."""
    return Source(name, io.BytesIO(data), encoding=encoding, warn=warn, entities=entities)


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    """Decode bytes in memory as a file would be: the text offsets refer to."""
    source = open_bytes(data, name, encoding)
    text = source.read_all()
    return Decoded(name, text, source.encoding, source.warnings)


def read_input(name: str, encoding: str | None = None) -> Decoded:
    """Read a file name, or ``-`` for standard input, and decode it whole."""
    source = open_input(name, encoding)
    text = source.read_all()
    return Decoded(name, text, source.encoding, source.warnings)


def decoded_text(name: str, encoding: str | None = None) -> str:
    """The text that the offsets of ``warparse parse NAME`` refer to."""
    return read_input(name, encoding).text
