"""Event cues and actors: what a clause says happened, and who did it.

The cue lexicon is ``data/event_cues.tsv`` (regex a row, grouped by type:
attack, launch, impact, shootdown, ground, deployment, exchange, casualty,
damage, split, anaphor, background, ...); the actor lexicon is
``data/actors.tsv``. :func:`cues` returns the set of cue types a clause
contains; :func:`actors` the actors it names, in order.
"""

from __future__ import annotations

from functools import cache

import regex

from warparse.lexicons import table
from warparse.rules import compile_pattern

_FLAGS = regex.VERSION1 | regex.IGNORECASE
# nationality words on defenders and reporters are no attackers ("ukrainische Luftabwehr")
_NOT_ATTACKER = compile_pattern(
    r"\s+(?:\p{L}+\s+)?(?:Luftverteidigung|Luftabwehr|Flugabwehr|Luftwaffe|Luftstreitkräfte|Verteidiger"
    r"|Angaben|Generalstab\w*|Präsident\w*|Staatsanwaltschaft|Behörden?|Regierung|Ombudsfrau"
    r"|Verteidigungsministerium\w*|Ministerium\w*|Militärgeheimdienst\w*|Oberbefehlshaber\w*|Seite|Zivilisten"
    r"|Militärblogger|Staatsagentur|Sprecher\w*|Dienst|Gefangenschaft|Kriegsgefangene\w*|Vertreter\w*"
    r"|\w*[Gg]ebiet\w*|Region\w*|Grenzregion\w*|\w*[Ss]tadt|Territorium|Boden)\b"
)

_SOURCE_BEFORE = compile_pattern(r"\b(?i:nach|laut|zufolge)\s+(?:\p{L}+\s+){0,2}$")


@cache
def cue_patterns(kind: str) -> tuple[regex.Pattern[str], ...]:
    """The compiled patterns of one cue type."""
    return tuple(compile_pattern(r["pattern"], _FLAGS) for r in table("event_cues") if r["type"] == kind)


@cache
def _cue_types() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r["type"] for r in table("event_cues")))


@cache
def _cue_alternations() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """One compiled alternation per cue type (one search instead of one per row)."""
    out = []
    for kind in _cue_types():
        if kind != "institution":
            rows = [r["pattern"] for r in table("event_cues") if r["type"] == kind]
            out.append((kind, compile_pattern("|".join(f"(?:{p})" for p in rows), _FLAGS)))
    return tuple(out)


def cues(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The cue types found in ``text[start:end]``."""
    end = len(text) if end is None else end
    return {kind for kind, pattern in _cue_alternations() if pattern.search(text, start, end)}


def cue_spans(kind: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the cues of one type are."""
    end = len(text) if end is None else end
    return sorted(m.span() for p in cue_patterns(kind) for m in p.finditer(text, start, end))


@cache
def _actor_patterns() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple((compile_pattern(r["pattern"], regex.VERSION1), r["actor"]) for r in table("actors"))


def actors(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, actor) of each attacker the clause names, in text order; nationality words
    on defenders and reporters ("ukrainische Luftabwehr", "nach russischen Angaben") are skipped."""
    end = len(text) if end is None else end
    out = []
    for pattern, actor in _actor_patterns():
        for m in pattern.finditer(text, start, end):
            if _NOT_ATTACKER.match(text, m.end(), end):
                continue
            before = text[max(start, m.start() - 25) : m.start()]
            if _SOURCE_BEFORE.search(before) and actor != "North Korea":
                continue  # "nach Angaben Moskaus", "laut ukrainischen Angaben": a source
            out.append((m.start(), actor))
    out.sort()
    return out
