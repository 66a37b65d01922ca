"""The reference (publication) date of a bulletin when ``--ref-date`` is not given.

Order: the ``--ref-date`` option, then a dateline at the top of the text
("KIEW, 28. Oktober 2024 (dpa) –", "Stand: 28.10.2024"), then a
``YYYY-MM-DD`` in the file name (``2024-10-28-kyiv.txt``), else none.
The dateline wins over the file name because it is the bulletin's own claim.

Only a date in dateline position counts: "Seit dem 24. Februar 2022" in the
first paragraph is history, not the publication date.
"""

from __future__ import annotations

import datetime as dt
import os

import regex

from warparse.rules import compile_pattern

# own table: the date grammar's internals may change, a dateline's months do not
MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "januar jänner jan",
            "februar feb",
            "märz maerz mär",
            "april apr",
            "mai",
            "juni jun",
            "juli jul",
            "august aug",
            "september sept sep",
            "oktober okt",
            "november nov",
            "dezember dez",
        ]
    )
    for name in names.split()
}
_HEAD_CHARS = 600  # a dateline sits in the first lines
_HEAD_LINES = 5
_WEEKDAYS = "Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag"
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_DATE = rf"""
    (?:(?P<d1>\d{{1,2}})\.\s*(?P<mname>{_MONTH_RE})\.?\s+(?P<y1>\d{{4}})
      |(?P<d2>\d{{1,2}})\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}})
      |(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))
"""
# optional lead: "Stand:" or a place (with agency) and comma, then an optional weekday
_DATELINE = compile_pattern(
    rf"""
    ^[ \t]*
    (?:(?:Stand|Datum|Veröffentlicht(?:\s+am)?|Aktualisiert(?:\s+am)?)\s*:?\s*
      |\p{{Lu}}[\p{{L}}./\- ]{{0,30}}(?:\s*\([^()\n]{{1,20}}\))?\s*,\s*)?
    (?:(?:{_WEEKDAYS}),?\s+(?:den\s+)?)?
    {_DATE}
    (?=[ \t]*(?:$|[(\-–—:,|]|\d{{1,2}}[:.]\d{{2}}))
    """,
    regex.VERBOSE | regex.MULTILINE | regex.IGNORECASE | regex.VERSION1,
)
_NAME_DATE = compile_pattern(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _make(year: str, month: str | int, day: str) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def from_text(text: str) -> str | None:
    """The date of a dateline in the first lines of ``text``, as YYYY-MM-DD."""
    head = "\n".join(text[:_HEAD_CHARS].splitlines()[:_HEAD_LINES])
    for m in _DATELINE.finditer(head):
        if m.group("y1"):
            found = _make(m.group("y1"), MONTHS[m.group("mname").lower()], m.group("d1"))
        elif m.group("y2"):
            found = _make(m.group("y2"), m.group("m2"), m.group("d2"))
        else:
            found = _make(m.group("y3"), m.group("m3"), m.group("d3"))
        if found:
            return found
    return None


def from_name(name: str) -> str | None:
    """A YYYY-MM-DD in the file's base name (``-`` for stdin has none)."""
    if not name or name == "-":
        return None
    for m in _NAME_DATE.finditer(os.path.basename(name)):
        found = _make(*m.groups())
        if found:
            return found
    return None


def resolve(given: str | None, name: str, text: str) -> str | None:
    """``--ref-date`` if given, else the dateline, else the file name, else None."""
    return given or from_text(text) or from_name(name)


def check(value: str) -> str:
    """Validate a ``--ref-date`` value; ValueError with a readable message if bad."""
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None
