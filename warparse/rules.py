"""Rules: a named pattern plus the function that builds its result.

Every record names the rules that built it (``--explain``), so a reader can
go from any output line to the pattern behind it: ``grep -rn 'RULE_NAME'``
finds it in ``warparse/``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

import regex

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
    return Rule(name, regex.compile(pattern, flags | regex.VERSION1 | regex.VERBOSE), build)
