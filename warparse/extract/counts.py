"""Count records: a number and the thing it counts. (First version: digits
followed by a noun; the full grammar is issue #3.)"""

from __future__ import annotations

import regex

from warparse.context import Context
from warparse.records import Count

_DIGITS_NOUN = regex.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)\s+(?:\w+e[nrs]?\s+)?(\p{Lu}\w+)")


def extract(ctx: Context) -> list[Count]:
    out: list[Count] = []
    for s in ctx.doc.sentences:
        for m in _DIGITS_NOUN.finditer(s.text):
            value = int(m.group(1).replace(".", ""))
            noun = m.group(2)
            out.append(
                Count(
                    (s.start + m.start(), s.start + m.end()),
                    rules=["count.digits_noun"],
                    id=f"c{len(out) + 1}",
                    value=value,
                    item=noun.lower(),
                    text=m.group(),
                    sentence=s.index,
                )
            )
    return out
