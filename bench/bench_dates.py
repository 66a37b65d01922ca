"""The date grammar beside dateparser (``search_dates``, German) on the phrasing table.

Both tools get the same expressions of ``tests/data/dates.tsv`` with the same
reference date (dateparser: ``RELATIVE_BASE``, ``PREFER_DATES_FROM=past``).

- *day*: the first day found has the expected month-day (what the corpus
  scorer compares), or nothing is found where the table expects nothing.
- *exact*: date (with year, or ``--MM-DD``), last day of a span and time of
  day all as expected. dateparser has no spans or times of day, so it can be
  exact only on rows that have neither.
- *expr/s*: expressions resolved per second, in-process, best of a few runs
  (warparse includes tokenizing and segmenting each expression).

Then ``find_dates`` throughput on the news texts (MB/s), and, when
``../shared/corpus`` is there, how many of the gold incidents' days appear
among the usable mentions (day or inferred precision, not "until"/"from",
not ``reported``): the ceiling for the incident extractor's ``dates``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import time
from pathlib import Path

from corpus import SHARED, bench_text

from warparse.grammar.dates import find_dates, resolve
from warparse.segmenter import segment

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "dates.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        r["ref"] = None if r["ref_date"] == "-" else r["ref_date"]
    return rows


def _md(iso: str | None) -> str | None:
    return iso[-5:] if iso else None


def _score(rows, got) -> tuple[float, float]:
    day = exact = 0
    for r, (date, end, tod) in zip(rows, got, strict=True):
        if not r["date"]:
            day += date is None
            exact += date is None
            continue
        day += _md(date) == _md(r["date"])
        exact += (date, end or "", tod or "") == (r["date"], r["date_end"], r["time_of_day"])
    return day / len(rows), exact / len(rows)


def _warparse(rows):
    out = []
    for r in rows:
        m = resolve(r["expression"], r["ref"])
        out.append((m.date, m.date_end, m.time_of_day) if m else (None, None, None))
    return out


def _dateparser(rows):
    from dateparser.search import search_dates

    out = []
    for r in rows:
        settings = {"PREFER_DATES_FROM": "past"}
        if r["ref"]:
            settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(r["ref"])
        found = search_dates(r["expression"], languages=["de"], settings=settings)
        if not found:
            out.append((None, None, None))
            continue
        day = found[0][1].date()
        # without a reference date the year is a guess: write it as the table does
        out.append(
            (
                day.isoformat()
                if r["ref"] or str(day.year) in r["expression"]
                else f"--{day.month:02d}-{day.day:02d}",
                None,
                None,
            )
        )
    return out


def _rate(fn, rows, min_seconds: float) -> float:
    best = float("inf")
    runs = 0
    start = time.process_time()
    while runs < 3 or time.process_time() - start < min_seconds:
        t0 = time.process_time()
        fn(rows)
        best = min(best, time.process_time() - t0)
        runs += 1
        if runs >= 20:
            break
    return len(rows) / best


def main() -> None:
    rows = _rows()
    print(
        f"table: {TABLE.relative_to(TABLE.parents[2])} ({len(rows)} expressions, "
        f"{sum(1 for r in rows if not r['date'])} without a date)"
    )
    results = []
    wp = _warparse(rows)
    results.append(("warparse.grammar.dates", *_score(rows, wp), _rate(_warparse, rows, 1.0)))
    try:
        import dateparser  # noqa: F401
    except ImportError:
        print("dateparser not installed: pip install -e '.[bench]'")
    else:
        _dateparser(rows[:3])  # load its language data before timing
        dp = _dateparser(rows)
        results.append(("dateparser.search_dates (de)", *_score(rows, dp), _rate(_dateparser, rows, 0.0)))
    base = results[-1][3]
    print(f"{'tool':<30} {'day':>7} {'exact':>7} {'expr/s':>10} {'speed':>7}")
    for name, day, exact, rate in results:
        print(f"{name:<30} {day:>7.1%} {exact:>7.1%} {rate:>10,.0f} {rate / base:>6.1f}x")
    text = bench_text(1_000_000)
    doc = segment(text)
    t0 = time.process_time()
    n = len(find_dates(doc, dt.date(2024, 10, 28)))
    secs = time.process_time() - t0
    mb = len(text.encode("utf-8")) / 1e6
    print(f"find_dates on {mb:.1f} MB of news (segmented beforehand): {mb / secs:.2f} MB/s, {n:,} mentions")
    _gold_coverage()


def _days(start: str, end: str | None) -> set[str]:
    first = dt.date.fromisoformat("2000" + start[-6:] if start.startswith("--") else start)
    last = dt.date.fromisoformat("2000" + end[-6:] if end and end.startswith("--") else end or start)
    if last < first:
        last = last.replace(year=first.year + 1)
    return {(first + dt.timedelta(days=i)).strftime("%m-%d") for i in range(min((last - first).days, 30) + 1)}


def _gold_coverage() -> None:
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        return
    found = total = extra = 0
    for gold_path in sorted(corpus.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
        want = {d for inc in gold.get("incidents", []) for d in inc.get("dates", [])}
        have: set[str] = set()
        for m in find_dates(segment(text), gold.get("ref_date")):
            if m.precision in ("day", "inferred") and m.relation not in ("until", "from") and not m.reported:
                have |= _days(m.date, m.date_end)
        found, total, extra = found + len(want & have), total + len(want), extra + len(have - want)
    print(
        f"gold incident days among usable mentions ({corpus.relative_to(SHARED.parent)}): "
        f"{found}/{total}; days no incident has: {extra}"
    )


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
