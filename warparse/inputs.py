"""Reading inputs: bytes -> text, with the decoding documented in the README.

The decoded text is what every offset refers to: the file's characters
after decoding (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252
with a warning), with the BOM dropped. Nothing else is changed, so
``text[start:end]`` of any record is the evidence as it stands in the file.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass, field
from pathlib import Path


class InputError(Exception):
    """An input that cannot be read as a bulletin; the message names the reason."""


@dataclass(slots=True)
class Decoded:
    name: str
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str, encoding: str | None = None) -> Decoded:
    if encoding:
        try:
            return Decoded(name, data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}") from None
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(name, data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(name, data[2:].decode(enc), "utf-16")
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid UTF-16: {exc}") from None
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text bulletin")
    try:
        return Decoded(name, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        line = data[: exc.start].count(b"\n") + 1
        return Decoded(name, text, "cp1252", [f"not valid UTF-8 (line {line}); decoded as cp1252"])


def read_input(name: str, encoding: str | None = None) -> Decoded:
    """Read a file name, or ``-`` for standard input, and decode it."""
    if name == "-":
        return decode(sys.stdin.buffer.read(), name, encoding)
    path = Path(name)
    if path.is_dir():
        raise InputError("is a directory")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    return decode(data, name, encoding)
