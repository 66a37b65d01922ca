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

import json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("warparse").joinpath("data", name).read_text(encoding="utf-8")


@cache
def word_set(name: str) -> frozenset[str]:
    """The entries of ``data/NAME.txt`` as a set (comments and blanks dropped)."""
    return frozenset(_lines(_read(f"{name}.txt")))


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The entries of ``data/NAME.txt`` in file order."""
    return tuple(_lines(_read(f"{name}.txt")))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/NAME.tsv`` as dicts keyed by the header's column names."""
    lines = list(_lines(_read(f"{name}.tsv")))
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
    return tuple(rows)


@cache
def document(name: str) -> Any:
    """``data/NAME.json`` parsed."""
    return json.loads(_read(f"{name}.json"))


def _lines(text: str):
    for line in text.splitlines():
        line = line.split("#", 1)[0].rstrip() if not line.startswith("#") else ""
        if line.strip():
            yield line.strip() if "\t" not in line else line
