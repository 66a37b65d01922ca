"""warparse: German war-news bulletins -> JSON Lines of incidents, quotes and counts.

Library use::

    import warparse
    for tok in warparse.tokenize("Am 27. Oktober ..."):
        print(tok.text, tok.start, tok.end)
    records = warparse.parse_text(text, ref_date="2024-10-28", doc="bulletin.txt")
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__", "parse_text", "tokenize"]

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

    from warparse.tokenizer import Token


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, each with ``text``, ``start``, ``end``, ``sentence``, ``paragraph``."""
    from warparse.segmenter import segment

    return list(segment(text).tokens)


def parse_text(text: str, ref_date: Any = None, doc: str = "-", explain: bool = False) -> list[dict]:
    """The records of ``text`` as dicts (see the record contract in the README)."""
    from warparse.pipeline import parse_text as _parse

    return _parse(text, ref_date=ref_date, doc=doc, explain=explain)
