"""Scaling: time and peak memory of ``warparse parse`` at 1, 10 and 100 MB, and on adversarial text.

Every measurement is a fresh subprocess running the real command
(``warparse parse FILE``, output to /dev/null), so peak RSS
(``ru_maxrss``) is that run's own. Inputs are written to a temp dir:
the bench news texts (``corpus.news_texts``) repeated to size, and the
adversarial inputs of issue #7.

Linear means the time per MB of the largest size that ran the grammar
(minus the start-up time: a run on one short bulletin) is within 20 % of
the smallest's; the verdict says which way it goes. The whole
bench keeps to a time budget (``WARPARSE_BENCH_BUDGET`` seconds, default
170; 0 = no limit): a size whose time, extrapolated from the previous one,
does not fit is not run through the grammar; the
streaming machinery alone (read, decode, chunk, shift; ``parse_text``
stubbed out) is measured at that size instead, so the memory bound is still
checked, and the row says so. Each adversarial input gets at most
``WARPARSE_BENCH_ADVERSARIAL_LIMIT`` seconds (default 15; 0 = the budget).
``WARPARSE_BENCH_SIZES`` (MB, default ``0.5,2,10,100``) changes the sizes;
``WARPARSE_BENCH_BUDGET=0 WARPARSE_BENCH_SIZES=1,10,100`` is the full run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import news_texts

MB = 1_000_000
_CHILD = r"""
import json, resource, sys, time
mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if mode == "stub":  # the streaming machinery alone: every chunk parses to nothing
    from warparse import pipeline, stream
    pipeline.parse_text = lambda *a, **k: []
    n = sum(1 for _ in stream.parse_input(path, ref_date="2024-10-28"))
    code = 0
else:
    from warparse.cli import main
    try:
        main(["parse", "--ref-date", "2024-10-28", path])
        code = 0
    except SystemExit as exc:
        code = exc.code or 0
secs = time.perf_counter() - t0
# VmHWM is this process's own peak; ru_maxrss carries the parent's peak over fork and exec
try:
    with open("/proc/self/status") as fh:
        rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("BENCH " + json.dumps({"secs": secs, "rss_mb": rss, "code": code}), file=sys.stderr)
"""

ADVERSARIAL = (
    ("5 MB line without spaces", "x", 5 * MB),
    ("100 000 unbalanced „Wir halten", "„Wir halten ", 100_000 * 12),
    ("100 000 „ alone", "„", 100_000),
    ("1 000 000 digits", "7", 1_000_000),
    ('50 000 x "z. B. "', "z. B. ", 50_000 * 6),
    ("1 MB of dots", ".", MB),
    ('50 000 x "1.000."', "1.000.", 50_000 * 6),
)


def _write_news(path: Path, size: int) -> int:
    block = ("\n\n".join(news_texts()) + "\n\n").encode("utf-8")
    written = 0
    with path.open("wb") as fh:
        while written < size:
            part = block if size - written >= len(block) else (
                block[: size - written].decode("utf-8", "ignore").encode("utf-8")  # whole characters
            )
            if not part:
                break
            fh.write(part)
            written += len(part)
    return written


def _write_repeat(path: Path, unit: str, chars: int) -> int:
    text = unit * (chars // len(unit))
    path.write_text(text, encoding="utf-8")
    return path.stat().st_size


def _measure(path: Path, mode: str = "cli", timeout: float | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, mode, str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
    )
    lines = [ln for ln in proc.stderr.decode("utf-8", "replace").splitlines() if ln.startswith("BENCH ")]
    if not lines:
        raise RuntimeError(f"bench child failed: {proc.stderr[-500:]!r}")
    return json.loads(lines[-1][6:])


def _row(label: str, nbytes: int, m: dict | None, note: str = "") -> str:
    if m is None:
        return f"{label:<34} {nbytes / MB:>8.1f} {'-':>9} {'-':>8} {'-':>9}  {note}"
    rate = nbytes / MB / m["secs"] if m["secs"] else float("inf")
    return f"{label:<34} {nbytes / MB:>8.1f} {m['secs']:>9.2f} {rate:>8.2f} {m['rss_mb']:>9.1f}  {note}"


_STREAM_MB_S = 1.2  # a cautious guess at the streaming-only speed, to keep time for later sizes


def _news_row(
    folder: Path, size: float, deadline: float, last_rate: float | None, startup: float, later_mb: float = 0
) -> float | None:
    """Measure one news size (grammar if it fits the budget, else streaming only); the
    seconds per MB when the grammar ran."""
    path = folder / f"news-{size:g}mb.txt"
    nbytes = _write_news(path, int(size * MB))
    try:
        left = deadline - time.monotonic()
        estimate = last_rate * nbytes / MB if last_rate else 0.0
        if estimate + later_mb / _STREAM_MB_S <= left:
            m = _measure(path)
            print(_row(f"news text {size:g} MB", nbytes, m), flush=True)
            return max(0.0, m["secs"] - startup) / (nbytes / MB)
        note = f"grammar skipped: est. {estimate:.0f} s (+ later sizes) > {max(0, left):.0f} s left"
        m = _measure(path, "stub", timeout=max(5.0, left) if left < float("inf") else None)
        print(_row(f"news text {size:g} MB (streaming only)", nbytes, m, note), flush=True)
    except subprocess.TimeoutExpired:
        print(_row(f"news text {size:g} MB", nbytes, None, "skipped: time budget spent"), flush=True)
    finally:
        path.unlink()
    return None


def main() -> None:
    budget = float(os.environ.get("WARPARSE_BENCH_BUDGET", "170"))
    sizes = [float(s) for s in os.environ.get("WARPARSE_BENCH_SIZES", "0.5,2,10,100").split(",") if s]
    adversarial_limit = float(os.environ.get("WARPARSE_BENCH_ADVERSARIAL_LIMIT", "15"))
    deadline = time.monotonic() + budget if budget > 0 else float("inf")
    header = f"{'input':<34} {'MB':>8} {'seconds':>9} {'MB/s':>8} {'peak MB':>9}  note"
    print(header)
    print("-" * len(header))
    per_mb: list[float] = []
    with tempfile.TemporaryDirectory(prefix="warparse-bench-") as tmp:
        folder = Path(tmp)
        short = folder / "short.txt"  # one bulletin: imports, lexicons, regex caches warmed
        nbytes = _write_news(short, 3000)
        m = _measure(short)
        startup = m["secs"]  # not per MB
        print(_row("one short bulletin (start-up)", nbytes, m), flush=True)
        last_rate = None  # seconds per MB of the previous size that ran the grammar
        small = [s for s in sizes if s <= 2]
        for size in small:
            rate = _news_row(folder, size, deadline, last_rate, startup)
            if rate is not None:
                per_mb.append(rate)
                last_rate = rate
        # adversarial text next: it matters more than the big sizes when time is short
        for label, unit, chars in ADVERSARIAL:
            path = folder / "adversarial.txt"
            nbytes = _write_repeat(path, unit, chars)
            left = deadline - time.monotonic()
            if left < 5:
                print(_row(label, nbytes, None, "skipped: time budget spent"), flush=True)
                continue
            limit = min(left, adversarial_limit) if adversarial_limit > 0 else left
            try:
                m = _measure(path, timeout=limit if limit < float("inf") else None)
                note = "" if m["code"] == 0 else f"exit {m['code']}"
                print(_row(label, nbytes, m, note), flush=True)
            except subprocess.TimeoutExpired:
                print(_row(label, nbytes, None, f"TIMEOUT after {limit:.0f} s"), flush=True)
        big = [s for s in sizes if s > 2]
        for k, size in enumerate(big):
            rate = _news_row(folder, size, deadline, last_rate, startup, sum(big[k + 1 :]))
            if rate is not None:
                per_mb.append(rate)
                last_rate = rate
    if len(per_mb) >= 2:
        growth = per_mb[-1] / per_mb[0] - 1  # the largest size's time per MB against the smallest's
        if abs(growth) <= 0.20:
            verdict = "linear (within 20 %)"
        elif growth < 0:
            verdict = "better than linear: fixed warm-up costs weigh on the small sizes"
        else:
            verdict = "SUPER-LINEAR (more than 20 % slower per MB)"
        rates = ", ".join(f"{r:.1f}" for r in per_mb)
        print(f"grammar runs, seconds per MB after start-up: {rates}; largest vs smallest {growth:+.0%}: "
              f"{verdict}")
