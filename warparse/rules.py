"""Rules: a named pattern plus the function that builds its result.

Every record names the rules that built it (``--explain``), so a reader can
go from any output line to the pattern behind it: ``grep -rn 'RULE_NAME'``
finds it in ``warparse/``.
"""

from __future__ import annotations

import atexit
import copyreg
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import regex

from warparse.startup import write_bytes

T = TypeVar("T")

# The last guard against pathological backtracking: a rule that runs longer
# than this on one piece of text raises TimeoutError (see warparse.pipeline).
MATCH_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Rule(Generic[T]):
    """``name``: stable identifier shown by --explain; ``pattern``: compiled
    ``regex`` pattern; ``build``: turns a match into a result, or None to
    reject it."""

    name: str
    pattern: regex.Pattern[str]
    build: Callable[[regex.Match[str]], T | None]

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[tuple[regex.Match[str], T]]:
        end = len(text) if endpos is None else endpos
        for m in self.pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT):
            result = self.build(m)
            if result is not None:
                yield m, result


def compile_rule(
    name: str, pattern: str, build: Callable[[regex.Match[str]], T | None], flags: int = 0
) -> Rule[T]:
    return Rule(name, compile_pattern(pattern, flags | regex.VERSION1 | regex.VERBOSE), build)


# ---------------------------------------------------------------------------
# A persistent cache of compiled patterns (what __pycache__ is for modules).
#
# Why: the regex module parses and compiles a pattern in Python, which costs ~250 ms for the
# grammar's ~400 patterns on every start of the CLI, more than all the rest of a parse. A
# compiled pattern is a list of opcodes the C engine runs; rebuilding a pattern from them
# (what unpickling a pattern does) takes microseconds. So the opcodes of every pattern
# compiled are kept in one file, keyed by pattern, flags, named lists and the regex version,
# and rebuilt from there on the next start. Matching is identical: the C engine gets the very
# same code. The file holds only plain data (str, int, bytes, dicts, lists, tuples,
# frozensets) in marshal format, which has no way to name a class or function (and needs no
# import, unlike pickle); any unreadable or foreign file is ignored (and replaced).
# ``WARPARSE_REGEX_CACHE`` names the file; set it to "off" (or "") to compile every pattern
# afresh (and to switch off the other start-up caches, see warparse.startup).

_Key = tuple[str, int, int, tuple[tuple[str, frozenset], ...]]
# An entry not used by the last this many writes of the file is dropped (an edited pattern).
_KEEP_GENERATIONS = 8
# the C constructor that unpickling a pattern calls (regex registers it with copyreg)
_BUILD_PATTERN = copyreg.dispatch_table[regex.Pattern](regex.compile(""))[0]


class _PatternCache:
    """Pattern key -> (generation last used, constructor arguments of the compiled pattern)."""

    def __init__(self) -> None:
        self.path = self._path()
        self.generation = 0
        self.entries: dict[_Key, tuple[int, tuple]] | None = None  # loaded on first use
        self.used: set[_Key] = set()
        self.dirty = False

    @staticmethod
    def _path() -> str | None:
        # plain str paths: pathlib costs a few ms of start-up, and this runs on every start
        setting = os.environ.get("WARPARSE_REGEX_CACHE")
        if setting is not None:
            return setting if setting not in ("", "off", "0") else None
        home = os.path.expanduser("~")
        if not os.environ.get("XDG_CACHE_HOME") and home.startswith("~"):
            return None  # no home directory: no cache, rather than one in the working directory
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
        version = f"regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
        return os.path.join(base, "warparse", f"patterns-{version}.marshal")

    def _read(self) -> tuple[int, dict[_Key, tuple[int, tuple]]]:
        """(generation, entries) of the file; nothing when it is missing or unreadable."""
        if self.path is not None:
            try:
                with open(self.path, "rb") as fh:
                    data = marshal.loads(fh.read())
                if isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], dict):
                    return int(data[0]), data[1]
            except (OSError, EOFError, ValueError, TypeError):
                pass
        return 0, {}

    def _load(self) -> dict[_Key, tuple[int, tuple]]:
        if self.entries is None:
            self.generation, self.entries = self._read()
        return self.entries

    def compile(self, pattern: str, flags: int, named_lists: dict[str, Any]) -> regex.Pattern[str]:
        if self.path is None or not isinstance(pattern, str):
            return regex.compile(pattern, flags, **named_lists)
        lists = tuple(sorted((k, frozenset(v)) for k, v in named_lists.items()))
        # ints, not RegexFlag: the file must hold no classes
        key: _Key = (pattern, int(flags), int(regex.DEFAULT_VERSION), lists)
        entries = self._load()
        self.used.add(key)
        entry = entries.get(key)
        if entry is not None:
            try:
                return _BUILD_PATTERN(*entry[1])
            except Exception:  # a damaged entry: compile afresh and replace it
                pass
        compiled = regex.compile(pattern, flags, **named_lists)
        entries[key] = (self.generation, compiled._pickled_data)
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)
        return compiled

    def save(self) -> None:
        """Write the cache (at exit, when a pattern was new); a failure only costs speed."""
        if self.path is None or self.entries is None:
            return
        # merge with what other processes wrote since this one read the file
        disk_gen, disk = self._read()
        gen = max(self.generation, disk_gen) + 1
        merged = {**disk, **self.entries}
        try:
            entries = {
                k: (gen if k in self.used else g, data)
                for k, (g, data) in merged.items()
                if k in self.used or g > gen - _KEEP_GENERATIONS
            }
            data = marshal.dumps((gen, entries))
        except (TypeError, ValueError):  # a damaged file on disk: write this run's entries only
            data = marshal.dumps((gen, {k: (gen, self.entries[k][1]) for k in self.used}))
        write_bytes(self.path, data)  # atomic; a failure (read-only home) only costs speed


def build_pattern(data: tuple) -> regex.Pattern[str]:
    """The pattern whose constructor data (``pattern._pickled_data``) is ``data``."""
    return _BUILD_PATTERN(*data)


_PATTERNS = _PatternCache()


def compile_pattern(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags, **named_lists)``, rebuilt from the persistent cache when
    this pattern was compiled before (see above): same pattern object, a fraction of the cost."""
    return _PATTERNS.compile(pattern, flags, named_lists)
