"""The weapons grammar: weapon nouns and model names -> class and model.

The lexicon is ``data/weapons.tsv``. Word patterns are searched inside each
word, so German compounds resolve ("Kampfdrohnen", "Shahed-Drohnen",
"Raketenangriff" -> drone/drone/missile), and the first row that matches a
word wins: models before air defence before generic nouns, so
"S-300-Flugabwehrraketen" is an S-300, "Abwehrraketen" no weapon and
"Raketenwerfer" an MLRS.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from warparse.grammar.literals import Prefilter, required_any
from warparse.lexicons import table
from warparse.rules import compile_pattern

_WORD = compile_pattern(r"[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*-?")
# a model name that is also a common word needs one of these beside it
_OF_TYPE = compile_pattern(r"\s+(?:vom\s+Typ|des\s+Typs|der\s+Typen?|vom\s+Modell)\s+[„»\"'‚]?")
_QUOTE_AFTER = compile_pattern(r"[“«\"'‘]")
_TYPE_CONTEXT = compile_pattern(r"(?:\bTyps?\s+[„»\"'‚]?|[„»\"'‚])$")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """A row of weapons.tsv with its compiled pattern."""

    scope: str  # word or phrase
    pattern: regex.Pattern[str]
    cls: str
    name: str | None
    kind: str  # model, generic, carrier, decoy, none
    sub: str  # what a tally counts: drone, decoy, cruise, ballistic, missile, bomb, ...
    context: bool


@dataclass(frozen=True, slots=True)
class WeaponMention:
    """A weapon named in the text."""

    span: tuple[int, int]
    text: str
    cls: str
    name: str | None
    kind: str
    sub: str


@cache
def lexicon() -> tuple[LexEntry, ...]:
    out = []
    for row in table("weapons"):
        flags = regex.VERSION1 | (regex.IGNORECASE if row["scope"] == "phrase" else 0)
        out.append(
            LexEntry(
                scope=row["scope"],
                pattern=compile_pattern(row["pattern"], flags),
                cls=row["class"],
                name=row.get("name") or None,
                kind=row["kind"],
                sub=row.get("sub") or row["class"],
                context=row.get("context") == "1",
            )
        )
    return tuple(out)


@cache
def _word_prefilter() -> Prefilter:
    """Whether a clause may hold a word that a word row matches: one of the strings each such
    word contains (``literals``) occurs in it."""
    return Prefilter([required_any(e.pattern.pattern for e in lexicon() if e.scope == "word")])


@lru_cache(maxsize=1 << 16)  # bounded: a long input of ever new words must not grow it forever
def _word_entries(low: str) -> tuple[LexEntry, ...]:
    """The word rows that match a lower-cased word, in file order (words repeat: cached)."""
    return tuple(e for e in lexicon() if e.scope == "word" and e.pattern.search(low))


def classify_word(word: str, before: str = "", after: str = "") -> LexEntry | None:
    """The lexicon row for one word (compounds included), or None."""
    for entry in _word_entries(word.lower()):
        if entry.context and not (_TYPE_CONTEXT.search(before) or "-" in word or _QUOTE_AFTER.match(after)):
            continue
        return entry
    return None


def find_weapons(text: str, start: int = 0, end: int | None = None) -> list[WeaponMention]:
    """Weapon mentions in ``text[start:end]``, air defence ("Luftabwehr") included as kind "none"."""
    end = len(text) if end is None else end
    out: list[WeaponMention] = []
    entries = _word_entries
    # no word of the clause can hold a word row when none of their strings occurs in it
    words = _WORD.finditer(text, start, end) if _word_prefilter().keys_in(text, start, end) else ()
    for m in words:
        word = m.group().rstrip("-")
        if not entries(word.lower()):
            continue  # most words: no row, and no context to cut out
        entry = classify_word(word, text[max(start, m.start() - 12) : m.start()], text[m.end() : m.end() + 1])
        if entry is not None:
            out.append(
                WeaponMention(
                    (m.start(), m.start() + len(word)), word, entry.cls, entry.name, entry.kind, entry.sub
                )
            )
    for entry in lexicon():
        if entry.scope != "phrase":
            continue
        for m in entry.pattern.finditer(text, start, end):
            out.append(WeaponMention(m.span(), m.group(), entry.cls, entry.name, entry.kind, entry.sub))
    out.sort(key=lambda w: w.span)
    # "Raketen vom Typ HIMARS": the generic noun names the model's kind, not a weapon of its own
    return [
        w
        for i, w in enumerate(out)
        if not (
            w.kind == "generic"
            and i + 1 < len(out)
            and out[i + 1].kind == "model"
            and _OF_TYPE.fullmatch(text, w.span[1], out[i + 1].span[0])
        )
    ]


def sub_of(item: str, category: str) -> str:
    """What a count's item counts, for tallies: "kinschal-rakete" -> ballistic."""
    entry = classify_word(item) if item else None
    if entry is None or entry.kind == "none":
        return category
    return entry.sub
