"""The JSON Schema of every record type, kept as files beside this module.

``load("count")`` returns one type's schema; ``bundle()`` the schema of any
record (``oneOf`` the types), which is what ``warparse schema`` prints.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

TYPES = ("count", "incident", "quote", "document", "error")


@cache
def _text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.json").read_text(encoding="utf-8")


def load(name: str) -> dict[str, Any]:
    """The schema of one record type; KeyError for an unknown type."""
    if name not in TYPES:
        raise KeyError(name)
    return json.loads(_text(name))


def bundle() -> dict[str, Any]:
    """One schema for any record: a ``oneOf`` over the record types."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:warparse:schema:record",
        "title": "warparse record",
        "description": "One line of `warparse parse` output. The `type` field says which schema applies.",
        "oneOf": [{"$ref": f"#/$defs/{name}"} for name in TYPES],
        "$defs": {name: load(name) for name in TYPES},
    }
