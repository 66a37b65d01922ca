"""The lexicons: data files in ``warparse/data`` that the grammar reads.

Every list the grammar depends on (abbreviations, speech verbs, counted
nouns and their categories, weapons, places) lives in a data file, so it
can be extended without touching code. Files are read once, on first use.

Formats:
- ``NAME.txt``: one entry a line; ``#`` starts a comment.
- ``NAME.tsv``: a header line naming the columns, then one row a line.
- ``NAME.json``: any JSON document.
"""

from __future__ import annotations

import atexit
import json
import marshal
import os
import sys
from collections.abc import Callable
from functools import cache, wraps

import regex

import warparse
from warparse.rules import build_pattern
from warparse.startup import cache_dir, read_bytes, write_bytes

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any, TypeVar

    T = TypeVar("T")

_PACKAGE = os.path.dirname(os.path.abspath(__file__))
_DATA = os.path.join(_PACKAGE, "data")


def _read(name: str) -> str:
    try:
        with open(os.path.join(_DATA, name), encoding="utf-8") as fh:
            return fh.read()
    except OSError:  # not a plain directory (a zip, a frozen app): ask importlib
        from importlib import resources

        return resources.files("warparse").joinpath("data", name).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------
# A persistent cache of the parsed lexicons (see warparse.startup).
#
# Why: reading and splitting the ~30 data files costs several ms on every start of the CLI;
# one marshal.loads of their parsed form costs a fraction. The same goes for what the grammar
# builds from them (``derived``: alternations of hundreds of escaped words, patterns). The
# file holds plain data only (str, tuples, dicts, frozensets, a pattern's opcodes) and is
# valid for one state of the package: its key is, like a .pyc's, the size and mtime of every
# data file and every module (the builders are code), plus the package version, the versions
# of the interpreter (marshal's format) and of regex (opcodes), and the package directory.
# A stale, foreign or unreadable file is ignored and replaced.


_MISSING = object()


class _Store:
    """(kind, name) -> the marshalled lexicon. Entries stay bytes until asked for, so that
    what is written back is never a lexicon some caller has changed in place."""

    def __init__(self) -> None:
        directory = cache_dir()
        tag = sys.implementation.cache_tag
        # one file per installation, so that two checkouts do not overwrite each other's
        name = f"lexicons-{warparse.__version__}-{tag}-{_fold(_DATA)}.marshal"
        self.path = os.path.join(directory, name) if directory and tag else None
        self.entries: dict[tuple[str, str], bytes] | None = None  # loaded on first use
        self.key: tuple | None = None
        self.dirty = False

    @staticmethod
    def _key() -> tuple:
        stamps = []
        todo = [_PACKAGE, _DATA]
        while todo:
            with os.scandir(todo.pop()) as it:
                for e in it:
                    if e.is_dir() and e.name != "__pycache__" and e.path != _DATA:
                        todo.append(e.path)
                    elif e.is_file() and (e.name.endswith(".py") or e.path.startswith(_DATA)):
                        st = e.stat()
                        stamps.append((e.path, st.st_size, st.st_mtime_ns))
        # the regex version too: a derived pattern is kept as the opcodes of that version
        return (warparse.__version__, sys.version, regex.__version__, _DATA, tuple(sorted(stamps)))

    def _load(self) -> dict[tuple[str, str], bytes]:
        if self.entries is None:
            self.entries = {}
            try:
                self.key = self._key()
            except OSError:  # no data directory to stat (a zip): no cache
                return self.entries
            data = read_bytes(self.path) if self.path else None
            try:
                loaded = marshal.loads(data) if data else None
                if isinstance(loaded, tuple) and len(loaded) == 2 and loaded[0] == self.key:
                    if isinstance(loaded[1], dict):
                        self.entries = loaded[1]
            except (EOFError, ValueError, TypeError):
                pass
        return self.entries

    def get(self, kind: str, name: str, build: Callable[[str], Any]) -> Any:
        """The cached ``build(name)``, built and stored when missing."""
        value = self.lookup(kind, name)
        if value is _MISSING:
            value = build(name)
            self.put(kind, name, value)
        return value

    def lookup(self, kind: str, name: str) -> Any:
        """The stored value, or _MISSING."""
        if self.path is None:
            return _MISSING
        data = self._load().get((kind, name))
        if data is not None:
            try:
                return marshal.loads(data)
            except (EOFError, ValueError, TypeError):  # a damaged entry: build it afresh
                pass
        return _MISSING

    def put(self, kind: str, name: str, value: Any) -> None:
        if self.path is None:
            return
        try:
            self._load()[(kind, name)] = marshal.dumps(value)
        except ValueError:  # not plain data: just not kept
            return
        if not self.dirty and self.key is not None:
            self.dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the file (at exit, when something was new); a failure only costs speed."""
        if self.path is not None and self.entries is not None and self.key is not None:
            write_bytes(self.path, marshal.dumps((self.key, self.entries)))


def stored(kind: str, name: str, build: Callable[[str], Any]) -> Any:
    """``build(name)``, kept across runs in the lexicon store: for plain data that depends on
    nothing but the package's code and data (see ``derived``)."""
    return _STORE.get(kind, name, build)


_PATTERN = "\x00pattern"  # marks a compiled pattern in a derived value (its constructor data)


def _encode(value: Any) -> Any:
    if isinstance(value, regex.Pattern):
        return (_PATTERN, value._pickled_data)
    if type(value) is tuple:
        return tuple(_encode(v) for v in value)
    return value


def _has_pattern(value: Any) -> bool:
    return isinstance(value, regex.Pattern) or (type(value) is tuple and any(map(_has_pattern, value)))


def _decode(value: Any) -> Any:
    if type(value) is tuple:
        if len(value) == 2 and value[0] == _PATTERN:
            return build_pattern(value[1])
        return tuple(_decode(v) for v in value)
    return value


def derived(fn: Callable[[], T]) -> Callable[[], T]:
    """``functools.cache`` for a builder without arguments whose result depends on nothing but
    the lexicons and the code (an alternation of the speech verbs, a pattern built on it):
    kept across runs as well, in the store of the lexicons (whose key covers every module).
    The result must be plain data (str, numbers, tuples, lists, dicts, sets) or compiled
    patterns, alone or in tuples; anything else is simply built on every run."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    @cache
    @wraps(fn)
    def wrapper() -> T:
        stored = _STORE.lookup("derived", name)
        if type(stored) is tuple and len(stored) == 2:
            patterns, value = stored
            # only a value that held patterns is walked (a table of tuples need not be)
            return _decode(value) if patterns else value
        value = fn()
        patterns = _has_pattern(value)
        _STORE.put("derived", name, (patterns, _encode(value) if patterns else value))
        return value

    return wrapper


def _fold(text: str) -> str:
    """A short stable tag of ``text`` for a file name (not hash(): that changes per process)."""
    h = 0
    for ch in text:
        h = (h * 131 + ord(ch)) % 0xFFFFFFFB
    return f"{h:08x}"


_STORE = _Store()


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` as a set (comments and blanks dropped)."""
    return _STORE.get("word_set", name, _word_set)


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME.txt`` in file order."""
    return _STORE.get("word_list", name, _word_list)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/NAME.tsv`` as dicts keyed by the header's column names."""
    return _STORE.get("table", name, _table)


@cache
def document(name: str) -> Any:
    """``data/NAME.json`` parsed."""
    return _STORE.get("document", name, _document)


def _word_set(name: str) -> frozenset[str]:
    return frozenset(_lines(_read(f"{name}.txt")))


def _word_list(name: str) -> tuple[str, ...]:
    return tuple(_lines(_read(f"{name}.txt")))


def _table(name: str) -> tuple[dict[str, str], ...]:
    lines = list(_lines(_read(f"{name}.tsv")))
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
    return tuple(rows)


def _document(name: str) -> Any:
    return json.loads(_read(f"{name}.json"))


def _lines(text: str):
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            yield line.strip() if "\t" not in line else line
