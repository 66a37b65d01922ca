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

from warparse.grammar.literals import Prefilter, required_any, required_each
from warparse.lexicons import derived, table
from warparse.rules import compile_pattern

_FLAGS = regex.VERSION1 | regex.IGNORECASE
# nationality words on defenders and reporters are no attackers ("ukrainische Luftabwehr"); an article
# after the word starts another phrase ("Russland die Stadt Sumy angegriffen": Russland attacks)
_NOT_ATTACKER = compile_pattern(
    r"\s+(?:(?!(?i:die|der|das|den|dem|des|eine?[nmrs]?)\s)\p{L}+\s+)?(?:Luftverteidigung|Luftabwehr|Flugabwehr|Luftwaffe|Luftstreitkräfte|Verteidiger"
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


@derived
def _cue_alternations() -> tuple[tuple[str, regex.Pattern[str], tuple[str, ...] | None], ...]:
    """One compiled alternation per cue type (one search instead of one per row), with the
    words one of which each of its matches contains (``literals.required``); kept across runs
    (see lexicons.derived)."""
    out = []
    for kind in _cue_types():
        if kind != "institution":
            rows = [r["pattern"] for r in table("event_cues") if r["type"] == kind]
            pattern = compile_pattern("|".join(f"(?:{p})" for p in rows), _FLAGS)
            out.append((kind, pattern, required_any(rows)))
    return tuple(out)


@cache
def _cue_prefilter() -> Prefilter:
    return Prefilter(need for _, _, need in _cue_alternations())


def cues(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The cue types found in ``text[start:end]``."""
    end = len(text) if end is None else end
    # a type none of whose words the clause holds cannot match: its search is skipped
    maybe = _cue_prefilter().keys_in(text, start, end)
    return {
        kind
        for k, (kind, pattern, _) in enumerate(_cue_alternations())
        if k in maybe and pattern.search(text, start, end)
    }


def cue_spans(kind: str, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Where the cues of one type are."""
    end = len(text) if end is None else end
    return sorted(m.span() for p in cue_patterns(kind) for m in p.finditer(text, start, end))


@cache
def _actor_patterns() -> tuple[tuple[regex.Pattern[str], str], ...]:
    return tuple((compile_pattern(r["pattern"], regex.VERSION1), r["actor"]) for r in table("actors"))


@cache
def _actor_prefilter() -> Prefilter:
    return Prefilter(required_each(r["pattern"] for r in table("actors")))


def actors(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """(offset, actor) of each attacker the clause names, in text order; nationality words
    on defenders and reporters ("ukrainische Luftabwehr", "nach russischen Angaben") are skipped."""
    end = len(text) if end is None else end
    out = []
    maybe = _actor_prefilter().keys_in(text, start, end)
    for k, (pattern, actor) in enumerate(_actor_patterns()):
        if k not in maybe:
            continue  # none of the words its matches hold is in the clause
        for m in pattern.finditer(text, start, end):
            if _NOT_ATTACKER.match(text, m.end(), end):
                continue
            before = text[max(start, m.start() - 25) : m.start()]
            if _SOURCE_BEFORE.search(before) and actor != "North Korea":
                continue  # "nach Angaben Moskaus", "laut ukrainischen Angaben": a source
            out.append((m.start(), actor))
    out.sort()
    return out
