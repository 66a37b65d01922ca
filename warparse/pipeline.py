"""text -> records: the library entry point behind every command.

``parse_text`` is a pure function of its arguments: no global state is
read or written, so it can run in notebooks, worker processes or a Dask
cluster alike.
"""

from __future__ import annotations

import datetime as dt

from warparse.context import Context
from warparse.extract import counts, incidents, quotes
from warparse.grammar import dates
from warparse.records import Record
from warparse.segmenter import segment

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any


def _as_date(ref_date: str | dt.date | None) -> dt.date | None:
    if ref_date is None or isinstance(ref_date, dt.date):
        return ref_date
    return dt.date.fromisoformat(ref_date)


def analyse(text: str, ref_date: str | dt.date | None = None) -> Context:
    """Run every stage over ``text`` and return the filled context."""
    ctx = Context(segment(text), _as_date(ref_date))
    ctx.dates = dates.find_dates(ctx.doc, ctx.ref_date)
    ctx.counts = counts.extract(ctx)
    ctx.quotes = quotes.extract(ctx)
    ctx.incidents = incidents.extract(ctx)
    return ctx


def records(ctx: Context) -> list[Record]:
    """All records of a context in document order."""
    out: list[Record] = [*ctx.counts, *ctx.incidents, *ctx.quotes]
    out.sort(key=lambda r: (r.span[0], r.span[1]))
    return out


def parse_text(
    text: str, ref_date: str | dt.date | None = None, doc: str = "-", explain: bool = False
) -> list[dict[str, Any]]:
    """The records of ``text`` as JSON-ready dicts (the ``warparse parse`` output)."""
    return [r.to_dict(doc, explain) for r in records(analyse(text, ref_date))]
