"""What changed between two sets of records: pure functions, no I/O.

Records are matched by identity, in three passes per record type:

1. records whose content is equal (unchanged, whatever their offsets);
2. records with the same identity key: an incident's date, event and
   places; a count's category, outcome, item and context (its evidence
   with the number taken out); a quote's speaker and text;
3. the remaining pairs that are similar enough, best first: an incident
   with the same event sharing its date or places (a place dropped is a
   change, not a new incident), a count with the same category, outcome and
   item (a figure raised), a quote whose text is close (an edited quote).

What is left over is removed (old) or added (new). Offsets, ids, sentence
numbers and rule names are not content: editing one paragraph shifts the
offsets of everything after it. Nor is the evidence text of a count or an
incident: its fields say what changed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable
from typing import Any

Record = dict[str, Any]
DIFF_TYPES = ("incident", "count", "quote")
# not content: they move when unrelated text is edited
_IGNORED = frozenset({"doc", "id", "span", "rules", "sentence", "counts", "part_of"})
_DIGITS = re.compile(r"[\d.,]+")


def _places(rec: Record) -> list[str]:
    return sorted({loc.get("canonical") or loc.get("name", "") for loc in rec.get("locations") or []})


def _weapons(rec: Record) -> list[str]:
    out = set()
    for w in rec.get("weapons") or []:
        out.add(f"{w.get('class')}:{w['name']}" if w.get("name") else str(w.get("class")))
    return sorted(out)


def content(rec: Record) -> dict[str, Any]:
    """The fields that make a record what it is, normalised for comparison.

    A count's or incident's ``text`` is its evidence, which its fields already
    say (25 Menschen -> value 25); a quote's ``text`` is what it is about.
    """
    ignored = _IGNORED if rec.get("type") == "quote" else _IGNORED | {"text"}
    out = {k: v for k, v in rec.items() if k not in ignored and v is not None and v != []}
    if "locations" in rec:
        out["locations"] = _places(rec)
    if "weapons" in rec:
        out["weapons"] = _weapons(rec)
    return out


def identity(rec: Record) -> Hashable:
    t = rec.get("type")
    if t == "incident":
        return (rec.get("date"), rec.get("event"), tuple(_places(rec)))
    if t == "count":
        return (rec.get("category"), rec.get("outcome"), rec.get("item"), _context(rec))
    if t == "quote":
        return (rec.get("speaker"), _norm(rec.get("text", "")))
    return tuple(sorted((k, repr(v)) for k, v in content(rec).items()))


def label(rec: Record) -> str:
    """A short name for a record, for people."""
    t = rec.get("type")
    if t == "incident":
        places = ", ".join(_places(rec)) or "no place"
        return f"{rec.get('date') or 'no date'} {rec.get('event')} {places}"
    if t == "count":
        return f"{rec.get('category')}/{rec.get('outcome')} {rec.get('item')} ({_fmt(rec.get('value'))})"
    if t == "quote":
        text = rec.get("text", "")
        short = text if len(text) <= 36 else text[:35].rstrip() + "…"
        return f"{rec.get('speaker') or 'unknown speaker'}: „{short}“"
    return str(rec.get("doc", t))


def _fmt(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _context(rec: Record) -> str:
    return _norm(_DIGITS.sub(" ", rec.get("text", "")))


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def _jaccard(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return 1.0 if not sa and not sb else len(sa & sb) / len(sa | sb)


def _incident_score(a: Record, b: Record) -> float:
    if a.get("event") != b.get("event"):
        return 0.0
    return (
        0.4 * (a.get("date") == b.get("date"))
        + 0.4 * _jaccard(_places(a), _places(b))
        + 0.2 * _jaccard(_weapons(a), _weapons(b))
    )


def _count_score(a: Record, b: Record) -> float:
    if (a.get("category"), a.get("outcome"), a.get("item")) != (
        b.get("category"),
        b.get("outcome"),
        b.get("item"),
    ):
        return 0.0
    return 0.5 + 0.5 * _similar(_context(a), _context(b))


def _quote_score(a: Record, b: Record) -> float:
    sim = _similar(a.get("text", ""), b.get("text", ""))
    if a.get("speaker") == b.get("speaker"):
        return sim if sim >= 0.45 else 0.0
    return sim if sim >= 0.8 else 0.0  # a different speaker: only the same words make it a change


_SCORES: dict[str, tuple[Callable[[Record, Record], float], float]] = {
    "incident": (_incident_score, 0.5),
    "count": (_count_score, 0.5),
    "quote": (_quote_score, 0.45),
}


def match(
    old: list[Record], new: list[Record], kind: str
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (i_old, i_new) of matched records, then unmatched old and new indices."""
    pairs: list[tuple[int, int]] = []
    free_old, free_new = list(range(len(old))), list(range(len(new)))

    def pair_by(key: Callable[[Record], Hashable]) -> None:
        waiting: dict[Hashable, list[int]] = {}
        for j in free_new:
            waiting.setdefault(key(new[j]), []).append(j)
        for i in list(free_old):
            queue = waiting.get(key(old[i]))
            if queue:
                j = queue.pop(0)
                pairs.append((i, j))
                free_old.remove(i)
                free_new.remove(j)

    pair_by(lambda r: repr(sorted(content(r).items())))
    pair_by(identity)
    score, threshold = _SCORES.get(kind, (lambda a, b: 0.0, 1.0))
    scored = sorted(
        ((score(old[i], new[j]), i, j) for i in free_old for j in free_new),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for s, i, j in scored:
        if s < threshold:
            break
        if i in free_old and j in free_new:
            pairs.append((i, j))
            free_old.remove(i)
            free_new.remove(j)
    return sorted(pairs), free_old, free_new


def changed_fields(a: Record, b: Record) -> dict[str, list[Any]]:
    """{field: [old, new]} for every content field that differs."""
    ca, cb = content(a), content(b)
    return {
        k: [ca.get(k), cb.get(k)]
        for k in sorted(set(ca) | set(cb), key=_field_order)
        if ca.get(k) != cb.get(k)
    }


_ORDER = (
    "date",
    "date_end",
    "event",
    "locations",
    "weapons",
    "value",
    "value_max",
    "speaker",
    "kind",
    "text",
)


def _field_order(name: str) -> tuple[int, str]:
    return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)


def _docs(records: list[Record]) -> list[str]:
    return list(dict.fromkeys(str(r.get("doc")) for r in records if r.get("type") in DIFF_TYPES))


def diff_records(old: list[Record], new: list[Record]) -> list[dict[str, Any]]:
    """Every difference, as change dicts: ``{"change": "added"|"removed"|"changed",
    "type", "key", "old"?, "new"?, "fields"?}`` (fields: ``{name: [old, new]}``).

    Two bulletins (or two outputs of one input each) are compared as a whole.
    When a side holds several documents (``parse a.txt b.txt > day.jsonl``),
    records are compared document by document, and each change names its ``doc``.
    """
    docs_old, docs_new = _docs(old), _docs(new)
    if len(docs_old) <= 1 and len(docs_new) <= 1:
        return _diff_one(old, new)
    out: list[dict[str, Any]] = []
    for doc in dict.fromkeys([*docs_old, *docs_new]):
        a = [r for r in old if str(r.get("doc")) == doc]
        b = [r for r in new if str(r.get("doc")) == doc]
        out.extend({"doc": doc, **change} for change in _diff_one(a, b))
    return out


def _diff_one(old: list[Record], new: list[Record]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for kind in DIFF_TYPES:
        a = [r for r in old if r.get("type") == kind]
        b = [r for r in new if r.get("type") == kind]
        pairs, gone, came = match(a, b, kind)
        changes: list[tuple[int, dict[str, Any]]] = []
        for i, j in pairs:
            fields = changed_fields(a[i], b[j])
            if fields:
                changes.append(
                    (
                        j,
                        {
                            "change": "changed",
                            "type": kind,
                            "key": label(a[i]),
                            "fields": fields,
                            "old": a[i],
                            "new": b[j],
                        },
                    )
                )
        for i in gone:
            # removed records sit where their old neighbours went
            at = max((j + 1 for oi, j in pairs if oi < i), default=0)
            changes.append((at, {"change": "removed", "type": kind, "key": label(a[i]), "old": a[i]}))
        for j in came:
            changes.append((j, {"change": "added", "type": kind, "key": label(b[j]), "new": b[j]}))
        changes.sort(key=lambda c: (c[0], c[1]["change"] != "removed"))
        out.extend(c for _, c in changes)
    return out
