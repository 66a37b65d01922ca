"""What the extractors share while one document is parsed.

Data flows one way: the segmented document, then date mentions, counts,
quotes and incidents, each stage reading only what the stages before it
produced.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from warparse.records import Count, Incident, Quote
from warparse.segmenter import Document

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from warparse.grammar.dates import DateMention


@dataclass(slots=True)
class Context:
    """One document on its way through the pipeline: each stage adds its results."""

    doc: Document
    ref_date: dt.date | None = None
    dates: list[DateMention] = field(default_factory=list)
    counts: list[Count] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.text
