"""The date grammar: date and time-of-day expressions resolved against the
bulletin's reference date. (First version: absolute "28. Oktober" only;
the full grammar is issue #3.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from warparse.segmenter import Document

MONTHS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
}


@dataclass(slots=True)
class DateMention:
    """A date expression: ``date``/``date_end`` are ``YYYY-MM-DD`` or ``--MM-DD``."""

    span: tuple[int, int]
    date: str
    date_end: str | None = None
    time_of_day: str | None = None
    sentence: int = -1
    rules: list[str] = field(default_factory=list)


_DAY_MONTH = regex.compile(r"\b(\d{1,2})\.\s*(" + "|".join(MONTHS) + r")\b", regex.IGNORECASE)


def _iso(day: int, month: int, ref: dt.date | None) -> str:
    if ref is None:
        return f"--{month:02d}-{day:02d}"
    return f"{ref.year:04d}-{month:02d}-{day:02d}"


def find_dates(doc: Document, ref_date: dt.date | None) -> list[DateMention]:
    out = []
    for s in doc.sentences:
        for m in _DAY_MONTH.finditer(s.text):
            day, month = int(m.group(1)), MONTHS[m.group(2).lower()]
            out.append(
                DateMention(
                    (s.start + m.start(), s.start + m.end()),
                    _iso(day, month, ref_date),
                    sentence=s.index,
                    rules=["date.day_month"],
                )
            )
    return out
