"""`make bench`: run every ``bench/bench_*.py`` module in one process, one after the other.

Each module exposes ``main() -> None`` and prints its own table. A module that
fails is reported and the others still run; the exit status is then 1.
"""

from __future__ import annotations

import importlib.util
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str]) -> int:
    # bench modules import their helpers (corpus.py) as top-level modules
    sys.path.insert(0, str(HERE))
    wanted = set(argv)
    failed = []
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem
        if wanted and name not in wanted and name.removeprefix("bench_") not in wanted:
            continue
        print(f"\n=== {name} " + "=" * max(0, 66 - len(name)), flush=True)
        t0 = time.perf_counter()
        try:
            _load(path).main()
        except (Exception, SystemExit):
            traceback.print_exc()
            failed.append(name)
        print(f"--- {name}: {time.perf_counter() - t0:.1f} s", flush=True)
    if failed:
        print(f"\nbench: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
