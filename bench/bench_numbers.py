"""The numeral grammar beside text2num (``alpha2digit``, German) on the phrasing table.

Both tools get the same expressions of ``tests/data/numerals.tsv``.

- *value*: the first number read has the expected value (for text2num: the
  first figure in ``alpha2digit``'s output, read with German digit grouping),
  or nothing is read where the table expects no numeral.
- *exact*: value, upper bound of a range and qualifier all as expected.
  text2num has no qualifiers or ranges, so it can be exact only on plain rows.
- *expr/s*: expressions per second, in-process, best of a few runs.

A last line gives ``find_numerals`` throughput on the news texts (MB/s).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Callable
from pathlib import Path

import regex
from corpus import bench_text

from warparse.grammar.numbers import find_numerals, parse_numeral

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "numerals.tsv"
_FIGURE = regex.compile(r"\d{1,3}(?:[.  ’']\d{3})+(?:,\d+)?|\d+(?:,\d+)?")

Reading = tuple[float | None, float | None, str]


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _expected(r: dict[str, str]) -> Reading:
    if r["value"] == "-":
        return None, None, ""
    return float(r["value"]), float(r["value_max"]) if r["value_max"] else None, r["qualifier"]


def _warparse(text: str) -> Reading:
    m = parse_numeral(text)
    if m is None:
        return None, None, ""
    return float(m.value), None if m.value_max is None else float(m.value_max), m.qualifier


def _text2num() -> Callable[[str], Reading] | None:
    try:
        from text_to_num import alpha2digit
    except ImportError:
        return None

    def read(text: str) -> Reading:
        out = alpha2digit(text, "de")
        m = _FIGURE.search(out)
        if m is None:
            return None, None, ""
        value = float(regex.sub(r"[.  ’']", "", m.group()).replace(",", "."))
        return value, None, "exact"

    return read


def _score(rows, got: list[Reading]) -> tuple[float, float]:
    value = exact = 0
    for r, g in zip(rows, got, strict=True):
        e = _expected(r)
        value += g[0] == e[0]
        exact += g == e
    return value / len(rows), exact / len(rows)


def _speed(fn: Callable[[str], Reading], texts: list[str], runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return len(texts) / best if best else float("inf")


def main() -> None:
    rows = _rows()
    texts = [r["text"] for r in rows]
    tools: list[tuple[str, Callable[[str], Reading]]] = [("warparse", _warparse)]
    t2n = _text2num()
    if t2n is not None:
        tools.append(("text2num alpha2digit", t2n))
    print(f"{len(rows)} expressions from {TABLE.relative_to(TABLE.parent.parent.parent)}")
    print(f"{'tool':<22}{'value':>8}{'exact':>8}{'expr/s':>12}")
    for name, fn in tools:
        value, exact = _score(rows, [fn(t) for t in texts])
        print(f"{name:<22}{value:>8.1%}{exact:>8.1%}{_speed(fn, texts):>12,.0f}")
    if t2n is None:
        print("text2num not installed (pip install -e '.[bench]')")
    text = bench_text(1_000_000)
    t0 = time.perf_counter()
    found = len(find_numerals(text))
    secs = time.perf_counter() - t0
    size = len(text.encode("utf-8")) / 1e6
    print(f"find_numerals on news text: {size:.1f} MB, {found} numerals, {size / secs:.2f} MB/s")
