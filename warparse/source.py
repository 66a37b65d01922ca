"""One input -> record dicts, ending with its ``document`` record.

Every command that parses goes through ``records_of`` (a file name or ``-``)
or ``records_of_bytes`` (bytes already read: batch workers, Dask); both
parse through ``warparse.stream`` (bounded-memory, chunked). The last record
is the document record: doc, ref_date, sha256 of the input bytes, encoding,
the number of records of each type, schema version.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from warparse.inputs import InputError, decode, read_bytes, sha256

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

Warn = Callable[[str], None]


def _ignore(_message: str) -> None:
    return None


def records_of(
    name: str,
    *,
    ref_date: str | None = None,
    encoding: str | None = None,
    explain: bool = False,
    warn: Warn | None = None,
) -> Iterator[dict[str, Any]]:
    """The records of the input ``name`` (a path, or ``-`` for stdin).

    Raises ``InputError`` (with a message for people) when it cannot be read.
    """
    from warparse.stream import parse_input  # the grammar: imported only when parsing

    return parse_input(name, ref_date=ref_date, encoding=encoding, explain=explain, warn=warn or _ignore)


def records_of_bytes(
    data: bytes,
    name: str,
    *,
    ref_date: str | None = None,
    encoding: str | None = None,
    explain: bool = False,
    warn: Warn = _ignore,
) -> Iterator[dict[str, Any]]:
    """Decode ``data`` (named ``name`` in ``doc``) and yield its records, document last.

    The same records as ``records_of`` on a file with these bytes: batch
    workers and Dask use this one, since their ``doc`` is not a path here.
    """
    decoded = decode(data, name, encoding)
    for message in decoded.warnings:
        warn(message)
    sha = sha256(data).hexdigest()
    for rec in records_of_text(decoded.text, name, ref_date=ref_date, explain=explain, warn=warn):
        if rec.get("type") == "document":
            rec.update(sha256=sha, encoding=decoded.encoding)
        yield rec


def records_of_text(
    text: str, name: str, *, ref_date: str | None = None, explain: bool = False, warn: Warn = _ignore
) -> Iterator[dict[str, Any]]:
    """The records of decoded ``text``; the document record's sha256 is of its UTF-8."""
    from warparse.stream import parse_string  # chunked, with per-chunk error recovery

    yield from parse_string(text, doc=name, ref_date=ref_date, explain=explain, warn=warn, entities=False)


def error_record(name: str, message: str, line: int | None = None) -> dict[str, Any]:
    """What ``--errors-as-records`` puts in the stream for an input that failed."""
    out: dict[str, Any] = {"type": "error", "doc": name, "id": "e1", "span": [0, 0], "message": message}
    if line is not None:
        out["line"] = line
    return out


def load_records(
    name: str, *, ref_date: str | None = None, encoding: str | None = None
) -> list[dict[str, Any]]:
    """The records of ``name``: a bulletin (parsed) or JSON Lines written by ``parse``.

    Told apart by content: JSON Lines start with a JSON object that has a ``type``.
    """
    import json

    data = read_bytes(name)
    if _looks_like_jsonl(data):
        out = []
        for number, line in enumerate(data.decode("utf-8-sig").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {number}: not a JSON record ({exc.msg})") from None
            if not isinstance(rec, dict) or "type" not in rec:
                raise InputError(f"line {number}: not a warparse record (no 'type')")
            out.append(rec)
        return out
    return list(records_of_bytes(data, name, ref_date=ref_date, encoding=encoding))


def _looks_like_jsonl(data: bytes) -> bool:
    import json

    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{"):
        return False
    first = head.split(b"\n", 1)[0]
    try:
        rec = json.loads(first.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(rec, dict) and "type" in rec
