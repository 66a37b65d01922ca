"""Scaling: time and peak memory of the real ``warparse parse`` at 1, 10 and 100 MB, and on adversarial text.

Every measurement is a fresh subprocess running the real command
(``warparse parse --ref-date … FILE``, the full grammar, output to
/dev/null), so its peak RSS (``VmHWM``) is that run's own. Inputs are
written to a temp dir: the bench news texts (``corpus.news_texts``: the
samples and the shared corpora) repeated to size, and the adversarial
inputs of issue #7 (a 5 MB line without spaces, 100 000 unbalanced
quotation marks, 1 000 000 digits, deeply repeated abbreviations, ...).

Linear means the CPU time per MB after start-up (the CPU time of a run on one
short bulletin) of the largest size is within 20 % of the smallest size's.
CPU time (the child's ``process_time``), because on a shared machine the wall
time of a long run also counts the time it waited for a core (a 100 MB run
can wait a third of its time); the wall time is printed beside it. The memory
bound: peak RSS under 150 MB at every size (records stream out chunk by
chunk). Both verdicts are printed.

This takes minutes: the full grammar runs at roughly 0.3 to 0.5 MB/s on one
core, so 100 MB alone is about 4 to 6 minutes (and more on a busy machine).
``BENCH_SCALING_MAX_MB`` caps the sizes for a quick run (``BENCH_SCALING_MAX_MB=10``:
1 and 10 MB only); ``WARPARSE_BENCH_SIZES`` (MB, default ``1,10,100``) sets them.
Each adversarial input gets at most ``WARPARSE_BENCH_ADVERSARIAL_LIMIT``
seconds (default 120; 0 = no limit).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from corpus import news_texts

MB = 1_000_000
MEMORY_BOUND_MB = 150
_CHILD = r"""
import json, resource, sys, time
path = sys.argv[1]
t0 = time.perf_counter()
from warparse.cli import main
try:
    main(["parse", "--ref-date", "2024-10-28", path])
    code = 0
except SystemExit as exc:
    code = exc.code or 0
secs = time.perf_counter() - t0
cpu = time.process_time()
# VmHWM is this process's own peak; ru_maxrss carries the parent's peak over fork and exec
try:
    with open("/proc/self/status") as fh:
        rss = next(int(l.split()[1]) for l in fh if l.startswith("VmHWM:")) / 1024
except (OSError, StopIteration):
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print("BENCH " + json.dumps({"secs": secs, "cpu": cpu, "rss_mb": rss, "code": code}), file=sys.stderr)
"""

ADVERSARIAL = (
    ("5 MB line without spaces", "x", 5 * MB),
    ("100 000 unbalanced „Wir halten", "„Wir halten ", 100_000 * 12),
    ("100 000 „ alone", "„", 100_000),
    ("1 000 000 digits", "7", 1_000_000),
    ('50 000 x "z. B. "', "z. B. ", 50_000 * 6),
    ('100 000 x "Nr. 1 u. a. "', "Nr. 1 u. a. ", 100_000 * 12),
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


def _measure(path: Path, timeout: float | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)],
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
        return f"{label:<34} {nbytes / MB:>7.1f} {'-':>9} {'-':>9} {'-':>7} {'-':>7} {'-':>8}  {note}"
    rate = nbytes / MB / m["secs"] if m["secs"] else float("inf")
    cpu_rate = nbytes / MB / m["cpu"] if m["cpu"] else float("inf")
    return (
        f"{label:<34} {nbytes / MB:>7.1f} {m['secs']:>9.2f} {m['cpu']:>9.2f} {rate:>7.3f} {cpu_rate:>7.3f}"
        f" {m['rss_mb']:>8.1f}  {note}"
    )


def _sizes() -> list[float]:
    sizes = [float(s) for s in os.environ.get("WARPARSE_BENCH_SIZES", "1,10,100").split(",") if s.strip()]
    cap = os.environ.get("BENCH_SCALING_MAX_MB")
    if cap:
        sizes = [s for s in sizes if s <= float(cap)]
    return sorted(sizes)


def main() -> None:
    sizes = _sizes()
    limit = float(os.environ.get("WARPARSE_BENCH_ADVERSARIAL_LIMIT", "120"))
    cols = f"{'seconds':>9} {'cpu s':>9} {'MB/s':>7} {'cpu':>7} {'peak MB':>8}"  # MB/s: wall, cpu: CPU
    header = f"{'input':<34} {'MB':>7} {cols}  note"
    print(header)
    print("-" * len(header))
    per_mb: list[tuple[float, float]] = []  # (size, CPU seconds per MB after start-up)
    peaks: list[float] = []
    with tempfile.TemporaryDirectory(prefix="warparse-bench-") as tmp:
        folder = Path(tmp)
        short = folder / "short.txt"  # one bulletin: imports, lexicons, regex caches warmed
        nbytes = _write_news(short, 3000)
        m = _measure(short)
        startup = m["cpu"]  # not per MB
        print(_row("one short bulletin (start-up)", nbytes, m), flush=True)
        for size in sizes:
            path = folder / f"news-{size:g}mb.txt"
            nbytes = _write_news(path, int(size * MB))
            try:
                m = _measure(path)
            finally:
                path.unlink()
            peaks.append(m["rss_mb"])
            note = "" if m["code"] == 0 else f"exit {m['code']}"
            if m["rss_mb"] >= MEMORY_BOUND_MB:
                note += f" OVER {MEMORY_BOUND_MB} MB"
            print(_row(f"news text {size:g} MB (full grammar)", nbytes, m, note.strip()), flush=True)
            per_mb.append((size, max(0.0, m["cpu"] - startup) / (nbytes / MB)))
        for label, unit, chars in ADVERSARIAL:
            path = folder / "adversarial.txt"
            nbytes = _write_repeat(path, unit, chars)
            try:
                m = _measure(path, timeout=limit if limit > 0 else None)
                note = "" if m["code"] == 0 else f"exit {m['code']}"
                print(_row(label, nbytes, m, note), flush=True)
            except subprocess.TimeoutExpired:
                print(_row(label, nbytes, None, f"TIMEOUT after {limit:.0f} s"), flush=True)
    if len(per_mb) >= 2:
        (small, first), (large, last) = per_mb[0], per_mb[-1]
        growth = last / first - 1 if first else 0.0
        if abs(growth) <= 0.20:
            verdict = "linear (within 20 %)"
        elif growth < 0:
            verdict = "better than linear: fixed warm-up costs weigh on the small sizes"
        else:
            verdict = "SUPER-LINEAR (more than 20 % slower per MB)"
        rates = ", ".join(f"{s:g} MB: {r:.2f}" for s, r in per_mb)
        print(f"CPU seconds per MB after start-up: {rates}; ", end="")
        print(f"{large:g} MB vs {small:g} MB {growth:+.0%}: {verdict}")
    if peaks:
        top = max(peaks)
        ok = "under" if top < MEMORY_BOUND_MB else "OVER"
        print(f"peak memory of the news runs: {top:.1f} MB, {ok} the {MEMORY_BOUND_MB} MB bound")
