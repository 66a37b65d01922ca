"""Rules: a named pattern plus the function that builds its result.

Every record names the rules that built it (``--explain``), so a reader can
go from any output line to the pattern behind it: ``grep -rn 'RULE_NAME'``
finds it in ``warparse/``.
"""

from __future__ import annotations

import copyreg
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

import regex

from warparse.startup import CACHE_OFF, GenerationStore, cache_dir

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

# The last guard against pathological backtracking: a rule that runs longer
# than this on one piece of text raises TimeoutError (see warparse.pipeline).
MATCH_TIMEOUT = 2.0


@dataclass(frozen=True, slots=True)
class Rule:
    """``name``: stable identifier shown by --explain; ``pattern``: compiled
    ``regex`` pattern; ``build``: turns a match into a result, or None to
    reject it."""

    name: str
    pattern: regex.Pattern[str]
    build: Callable[[regex.Match[str]], Any]

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[tuple[regex.Match[str], Any]]:
        end = len(text) if endpos is None else endpos
        for m in self.pattern.finditer(text, pos, end, timeout=MATCH_TIMEOUT):
            result = self.build(m)
            if result is not None:
                yield m, result


def compile_rule(
    name: str, pattern: str, build: Callable[[regex.Match[str]], Any], flags: int = 0
) -> Rule:
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
# the C constructor that unpickling a pattern calls (regex registers it with copyreg)
_BUILD_PATTERN = copyreg.dispatch_table[regex.Pattern](regex.compile(""))[0]


class _PatternCache(GenerationStore):
    """Pattern key -> constructor arguments of the compiled pattern (see GenerationStore)."""

    def __init__(self) -> None:
        super().__init__(self._path())

    @staticmethod
    def _path() -> str | None:
        setting = os.environ.get("WARPARSE_REGEX_CACHE")
        if setting is not None and setting not in CACHE_OFF:
            return setting
        directory = cache_dir()
        if directory is None:
            return None
        version = f"regex{regex.__version__}-py{sys.version_info[0]}{sys.version_info[1]}"
        return os.path.join(directory, f"patterns-{version}.marshal")

    def compile(self, pattern: str, flags: int, named_lists: dict[str, Any]) -> regex.Pattern[str]:
        if self.path is None or not isinstance(pattern, str):
            return regex.compile(pattern, flags, **named_lists)
        lists = tuple(sorted((k, frozenset(v)) for k, v in named_lists.items()))
        # ints, not RegexFlag: the file must hold no classes
        key: _Key = (pattern, int(flags), int(regex.DEFAULT_VERSION), lists)
        data = self.get(key)
        if data is not None:
            try:
                return _BUILD_PATTERN(*data)
            except Exception:  # a damaged entry: compile afresh and replace it
                pass
        compiled = regex.compile(pattern, flags, **named_lists)
        self.put(key, compiled._pickled_data)
        return compiled


def build_pattern(data: tuple) -> regex.Pattern[str]:
    """The pattern whose constructor data (``pattern._pickled_data``) is ``data``."""
    return _BUILD_PATTERN(*data)


_PATTERNS = _PatternCache()


def compile_pattern(pattern: str, flags: int = 0, **named_lists: Any) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags, **named_lists)``, rebuilt from the persistent cache when
    this pattern was compiled before (see above): same pattern object, a fraction of the cost."""
    return _PATTERNS.compile(pattern, flags, named_lists)


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    r"""A pattern written where it is used (``rx(r",\s*").search(text)``): compiled once per
    process, through the persistent cache; ``regex.search(r"…", …)`` compiles it anew in every
    process, which costs start-up time."""
    return compile_pattern(pattern)
