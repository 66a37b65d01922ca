"""The bench text: the project's samples and the shared news corpora, repeated to a fixed size.

``news_texts()`` gives the unique documents (for agreement measurements);
``bench_text()`` repeats them until the text holds at least ``min_bytes``
UTF-8 bytes (for throughput). Documents are joined by a blank line, so each
stays its own paragraph block.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SOURCES = (ROOT / "samples", SHARED / "corpus", SHARED / "corpus-quotes")


@cache
def news_texts() -> tuple[str, ...]:
    """Every ``*.txt`` of the samples and the shared corpora, in a fixed order."""
    texts = []
    for folder in SOURCES:
        if folder.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return tuple(t for t in texts if t.strip())


def sources() -> list[str]:
    """The folders that contributed text, with their file counts (for the bench header)."""
    return [f"{p.relative_to(ROOT.parent)} ({len(list(p.glob('*.txt')))})" for p in SOURCES if p.is_dir()]


def bench_text(min_bytes: int = 2_000_000) -> str:
    """The news texts repeated until the result holds at least ``min_bytes`` UTF-8 bytes."""
    texts = news_texts()
    if not texts:
        raise SystemExit("bench: no text found in samples/ or ../shared/corpus*")
    unit = "\n\n".join(t.strip("\n") for t in texts) + "\n\n"
    reps = -(-min_bytes // len(unit.encode("utf-8")))
    return unit * reps


def paragraphs(text: str) -> list[str]:
    """The blank-line separated blocks of ``text`` (what SoMaJo and spaCy are fed)."""
    return [p for p in text.split("\n\n") if p.strip()]
