"""Start-up: wall time of `warparse parse` on one bulletin against `python -c "import json"`.

Both run as real subprocesses, each ``RUNS`` times after one warm-up run; the
median wall times and their ratio are printed (target: ratio <= 2.5). The
baseline is the base interpreter the venv was made from (``python3`` without
the venv's site-packages, no pyenv shim); the venv's own python, which also
loads the editable-install finder, is shown beside it. Then
``python -X importtime`` of the same command lists the slowest imports
(cumulative), so a regression shows where it comes from.

The package is byte-compiled first (what ``make pyc`` and an installed package do): with
PYTHONDONTWRITEBYTECODE set, a module edited since the last compile would otherwise be
compiled from source on every run, and that would be measured. The runs after the warm-up
one find warparse's start-up caches filled (warparse/startup.py), as any second run does.
"""

from __future__ import annotations

import compileall
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 9
TARGET = 2.5


def _bulletin() -> Path:
    for candidate in [*sorted((ROOT / "samples").glob("*.txt")), ROOT.parent / "shared/corpus/seed-000.txt"]:
        if candidate.is_file():
            return candidate
    raise SystemExit("bench_startup: no bulletin found in samples/")


def _median_wall(cmd: list[str]) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of the child, in seconds."""
    subprocess.run(cmd, check=True, capture_output=True)  # warm the file cache
    walls, cpus = [], []
    for _ in range(RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _slowest_imports(cmd: list[str], top: int = 12) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) of the slowest imports, from -X importtime."""
    err = subprocess.run(cmd, capture_output=True, text=True).stderr
    rows = []
    for line in err.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        _self, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        if cumulative.isdigit():
            rows.append((int(cumulative), name))
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    compileall.compile_dir(ROOT / "warparse", quiet=1)
    bulletin = _bulletin()
    warparse = [sys.executable, "-m", "warparse"]
    script = Path(sys.executable).with_name("warparse")
    if script.is_file():
        warparse = [str(script)]
    parse = [*warparse, "parse", "--ref-date", "2024-10-28", str(bulletin)]
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    if not base_python.is_file():
        base_python = Path(sys.executable)
    base = [str(base_python), "-c", "import json"]
    venv_base = [sys.executable, "-c", "import json"]

    (t_base, c_base), (t_venv, c_venv), (t_parse, c_parse) = map(_median_wall, (base, venv_base, parse))
    ratio = t_parse / t_base
    size = bulletin.stat().st_size
    print(f"bulletin: {bulletin.relative_to(ROOT.parent)} ({size:,} bytes); median of {RUNS} runs")
    rows = [
        ("python3 -c 'import json'  (base interpreter)", t_base, c_base),
        (".venv/bin/python -c 'import json'", t_venv, c_venv),
        ("warparse parse (one bulletin)", t_parse, c_parse),
    ]
    print(f"{'command':50} {'wall ms':>9} {'cpu ms':>9}")
    for label, wall, cpu in rows:
        print(f"{label:50} {wall * 1000:9.1f} {cpu * 1000:9.1f}")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(
        f"ratio: {ratio:.2f}x (target <= {TARGET}x: {verdict}); "
        f"against the venv python: {t_parse / t_venv:.2f}x"
    )
    print(f"cpu-time ratio (less sensitive to a busy machine): {c_parse / max(c_base, 1e-6):.2f}x")

    print("\nslowest imports of `warparse parse` (python -X importtime, cumulative ms):")
    for micros, name in _slowest_imports(
        [sys.executable, "-X", "importtime", "-m", "warparse", *parse[len(warparse) :]]
    ):
        print(f"{micros / 1000:9.1f}  {name}")
