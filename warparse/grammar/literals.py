"""Literal pre-filters: the strings a pattern cannot match without.

Why: most clauses contain none of a cue type's words, yet a ``regex``
search tries the whole (case-insensitive) alternation at every position of
the clause. ``required(pattern)`` reads a pattern once and returns strings
of which every match must contain at least one (case-folded), or None when
it cannot tell; a search is then run only where one of them occurs, which
keeps the result exactly that of the search alone.

The pattern is read with CPython's own regex parser (``re._parser``): the
``regex`` module's syntax is a superset, so a pattern using anything beyond
the common subset gets no filter (None) rather than a wrong one.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from collections.abc import Iterable
from functools import lru_cache

import regex

from warparse.lexicons import stored
from warparse.rules import compile_pattern

# regex-module syntax the re parser reads differently or not at all: no filter then
_UNSUPPORTED = re.compile(r"\\[LmMKXGpPNZ]|\(\?[|rVf&]|\(\?\(|--|&&|\|\||~~|\{[^}]*[eids][<=]")
_PROPERTY = re.compile(r"\\[pP]\{[^}]*\}")  # \p{L}: some class of characters, as \w is to re
_MAX_STRINGS = 256  # a cross product larger than this is not kept (the run is cut there)
_Lang = frozenset[str]  # the finite set of strings a sub-pattern matches


def required(pattern: str, verbose: bool = False) -> tuple[str, ...] | None:
    """Case-folded strings of which every match of ``pattern`` contains one; None: no filter.
    ``verbose``: the pattern is compiled with ``regex.VERBOSE``. Kept across runs in the
    lexicon store (reading ~170 patterns costs ~10 ms of every start)."""
    return stored("required", f"{int(verbose)}{pattern}", lambda _: _required(pattern, verbose))


def _required(pattern: str, verbose: bool) -> tuple[str, ...] | None:
    pattern = _PROPERTY.sub(r"\\w", pattern)
    if _UNSUPPORTED.search(pattern) or _nested_set(pattern, verbose):
        return None
    try:
        tree = _parser.parse(pattern, re.VERBOSE if verbose else 0)
    except (re.error, RecursionError, OverflowError):
        return None
    need = _need(list(tree))
    if not need or "" in need:
        return None
    return _minimal(need)


def required_each(patterns: Iterable[str]) -> tuple[tuple[str, ...] | None, ...]:
    """``required`` of every pattern (a lexicon's rows), kept in the lexicon store under one
    key: one look-up at start-up instead of one per row."""
    patterns = tuple(patterns)
    return stored("required_each", "\x00".join(patterns), lambda _: tuple(map(required, patterns)))


def required_any(patterns: Iterable[str]) -> tuple[str, ...] | None:
    """The filter of an alternation of ``patterns``: the union, or None if one has none."""
    patterns = tuple(patterns)
    return stored("required_any", "\x00".join(patterns), lambda _: _required_any(patterns))


def _required_any(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    out: set[str] = set()
    for need in required_each(patterns):
        if need is None:
            return None
        out.update(need)
    return _minimal(out)


def may_match(need: tuple[str, ...] | None, folded: str) -> bool:
    """Whether a text (already ``str.casefold()``-ed) may hold a match: it has one of ``need``."""
    return need is None or any(map(folded.__contains__, need))


def _minimal(strings: Iterable[str]) -> tuple[str, ...]:
    """The strings without those that contain another (it is found whenever they are)."""
    ordered = sorted(set(strings), key=lambda s: (len(s), s))
    out: list[str] = []
    for s in ordered:
        if not any(o in s for o in out):
            out.append(s)
    return tuple(out)


def _nested_set(pattern: str, verbose: bool = False) -> bool:
    """Whether a character class holds a "[" (a nested set to the regex module, a char to re);
    in a verbose pattern also white space or "#" (the two modules may read those differently)."""
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            if in_class:
                return True
            in_class = True
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":  # a leading "]" is a member
                i += 1
            continue
        if c == "]":
            in_class = False
        elif in_class and verbose and (c.isspace() or c == "#"):
            return True
        i += 1
    return False


def _lang(node: tuple) -> _Lang | None:
    """The strings one node matches when finitely many and short, else None."""
    op, av = node
    if op is _c.LITERAL:
        return frozenset({chr(av).casefold()})
    if op is _c.AT:
        return frozenset({""})  # zero-width: the chars around it stay adjacent
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _ in av):
            return frozenset(chr(v).casefold() for _, v in av)
        return None
    if op is _c.SUBPATTERN:
        return _seq_lang(list(av[-1]))
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            lang = _seq_lang(list(alt))
            if lang is None:
                return None
            out |= lang
        return frozenset(out) if len(out) <= _MAX_STRINGS else None
    return None


def _seq_lang(seq: list) -> _Lang | None:
    out: _Lang = frozenset({""})
    for node in seq:
        lang = _lang(node)
        if lang is None or len(out) * len(lang) > _MAX_STRINGS:
            return None
        out = frozenset(a + b for a in out for b in lang)
    return out


def _best(a: _Lang | None, b: _Lang | None) -> _Lang | None:
    """The more selective of two requirements (the longer shortest string)."""
    if a is None or "" in a:
        return b
    if b is None or "" in b:
        return a
    return a if min(map(len, a)) >= min(map(len, b)) else b


def _need(seq: list) -> _Lang | None:
    """Strings one of which every match of the sequence contains."""
    best: _Lang | None = None
    run: _Lang = frozenset({""})  # the finite run of adjacent nodes ending here
    for node in seq:
        op, av = node
        lang = _lang(node)
        if lang is not None and len(run) * len(lang) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in lang)
            continue
        best = _best(best, run)
        run = lang if lang is not None else frozenset({""})
        if lang is None:
            best = _best(best, _inner_need(op, av))
    return _best(best, run)


def _inner_need(op: object, av: object) -> _Lang | None:
    """What a non-finite node itself requires: its body's need, if it must occur at least once."""
    if op is _c.SUBPATTERN or op is _c.ATOMIC_GROUP:
        return _need(list(av[-1] if op is _c.SUBPATTERN else av))  # type: ignore[index]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, _hi, body = av  # type: ignore[misc]
        return _need(list(body)) if lo >= 1 else None
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:  # type: ignore[index]
            need = _need(list(alt))
            if need is None or "" in need:
                return None
            out |= need
        return frozenset(out)
    return None


_WORD_RUN = re.compile(r"\w+")


class Prefilter:
    """Which of several patterns a text may match, from their ``required`` strings.

    Built once per lexicon. A text is split into its runs of word characters, and the
    patterns whose strings occur in each distinct run are looked up (cached per run):
    a dozen lookups per clause instead of a substring test per string. Strings with other
    characters (a space) are tested on the whole text."""

    def __init__(self, needs: Iterable[tuple[str, ...] | None]) -> None:
        needs = tuple(needs)
        # built from the needs alone: kept across runs in the lexicon store (start-up time)
        always, across, closure, scan = stored("prefilter", repr(needs), lambda _: _prefilter_state(needs))
        self.always = frozenset(always)
        self.across: list[tuple[str, int]] = [tuple(a) for a in across]  # no run of word characters
        self._closure: dict[str, frozenset[int]] = closure
        self._scan = compile_pattern(scan) if scan is not None else None
        self._keys_of_run = lru_cache(maxsize=1 << 14)(self._run_keys)  # bounded memory

    def _run_keys(self, run: str) -> frozenset[int]:
        if self._scan is None:
            return frozenset()
        closure = self._closure
        return frozenset(k for m in self._scan.finditer(run) for k in closure[m.group(1)])

    def keys(self, folded: str) -> set[int]:
        """The indices of the patterns that ``folded`` (a ``str.casefold()``-ed text) may match."""
        return self._keys(folded, set(_WORD_RUN.findall(folded)))

    def keys_in(self, text: str, start: int, end: int) -> set[int]:
        """:meth:`keys` of ``text[start:end]``; the folded clause and its runs are shared by the
        lexicons that ask about the same clause in turn."""
        return self._keys(*_folded_runs(text, start, end))

    def _keys(self, folded: str, runs: Iterable[str]) -> set[int]:
        out = set(self.always).union(*map(self._keys_of_run, runs))
        for s, k in self.across:
            if k not in out and s in folded:
                out.add(k)
        return out


def _prefilter_state(needs: tuple[tuple[str, ...] | None, ...]) -> tuple:
    """(always, across, closure, scan pattern) of a Prefilter: plain data."""
    always = frozenset(k for k, need in enumerate(needs) if need is None)
    inside: dict[str, set[int]] = {}
    across: list[tuple[str, int]] = []  # strings that are no run of word characters
    for k, need in enumerate(needs):
        for s in need or ():
            if _WORD_RUN.fullmatch(s):
                inside.setdefault(s, set()).add(k)
            else:
                across.append((s, k))
    # Every string found at a position is a prefix of the longest one found there, so one
    # scan for the longest string at each position (a look-ahead, longest first) finds
    # them all, once each string carries the keys of the strings it begins with.
    closure = {s: frozenset(k for n in range(1, len(s) + 1) for k in inside.get(s[:n], ())) for s in inside}
    ordered = sorted(inside, key=lambda s: (-len(s), s))
    scan = "(?=(" + "|".join(map(regex.escape, ordered)) + "))" if ordered else None
    return always, tuple(across), closure, scan


@lru_cache(maxsize=8)  # the clause just asked about (a chunk's text hashes once: str caches it)
def _folded_runs(text: str, start: int, end: int) -> tuple[str, frozenset[str]]:
    folded = text[start:end].casefold()
    return folded, frozenset(_WORD_RUN.findall(folded))
