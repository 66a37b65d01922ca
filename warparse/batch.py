"""``warparse batch IN_DIR OUT_DIR``: a folder of bulletins mirrored to JSON Lines, for cron.

- Every ``IN_DIR/**/*.txt`` (hidden files and folders skipped) becomes
  ``OUT_DIR/<same relative path>.jsonl``, written atomically (temp file +
  rename): a run killed at any point leaves complete outputs or none.
- Incremental: ``OUT_DIR/.warparse-manifest.json`` remembers the SHA-256 of
  every input and the options it was parsed with; an input whose content
  and options are unchanged (and whose output still exists) is skipped.
  The manifest is saved every few seconds and at the end, so a killed run
  only redoes the files it finished after the last save.
- Outputs whose input is gone are removed (only files the manifest lists).
- One run at a time per OUT_DIR: ``fcntl.flock`` on ``OUT_DIR/.warparse.lock``.
  A second run fails fast (``BatchLocked``, exit status 3) or, with
  ``wait``, blocks until the first is done and then finds little to do.
  Holding the lock also makes it safe to sweep temp files a killed run left.
- Work runs in-process (``jobs=1``), on local processes
  (``concurrent.futures.ProcessPoolExecutor``), or on a Dask cluster
  (``warparse.dask_runner``). Workers only turn bytes into JSON Lines text
  (a pure function); this process writes files and the manifest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from warparse import __version__
from warparse.output import TMP_PREFIX, atomic_write, dumps
from warparse.records import SCHEMA_VERSION

MANIFEST = ".warparse-manifest.json"
LOCK = ".warparse.lock"
_SAVE_EVERY = 2.0  # seconds between manifest saves during a run

Report = Callable[[str], None]


class BatchLocked(Exception):
    """Another batch run holds the lock of the output folder."""


class BatchError(Exception):
    """The batch cannot run at all (bad setup, unreachable cluster)."""


@dataclass(frozen=True, slots=True)
class Options:
    """What the output depends on besides the input bytes."""

    ref_date: str | None = None
    encoding: str | None = None
    explain: bool = False

    def fingerprint(self) -> str:
        # a new warparse version may parse differently: its outputs are redone
        return json.dumps({**asdict(self), "version": __version__, "schema": SCHEMA_VERSION}, sort_keys=True)


@dataclass(frozen=True, slots=True)
class Task:
    """One input of a batch run and the output it goes to."""

    rel: str  # relative POSIX path of the input: also the records' "doc"
    src: str
    dst: str


@dataclass(slots=True)
class Result:
    """What a worker reports for one input."""

    rel: str
    ok: bool
    sha256: str = ""
    records: int = 0
    message: str = ""
    warnings: list[str] = field(default_factory=list)
    text: str | None = None  # the JSON Lines, when the worker does not write them itself


@dataclass(slots=True)
class Summary:
    """The counts of a batch run, for its closing line."""

    out_dir: str
    total: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        text = (
            f"warparse batch: {self.total} input{'s' * (self.total != 1)}: {self.parsed} parsed, "
            f"{self.unchanged} unchanged, {len(self.failed)} failed"
        )
        if self.removed:
            text += f", {self.removed} removed"
        text += f" ({self.seconds:.1f} s) -> {self.out_dir}"
        if self.failed:
            text += "; failed: " + ", ".join(rel for rel, _ in self.failed[:5])
            if len(self.failed) > 5:
                text += f" and {len(self.failed) - 5} more"
        return text


# -- the pure part: bytes -> JSON Lines --------------------------------------------------------------


def render_jsonl(data: bytes, rel: str, options: Options) -> tuple[str, int, list[str]]:
    """The output file's text for one input: records, then the document record."""
    from warparse.source import records_of_bytes

    warnings: list[str] = []
    lines = [
        dumps(rec) + "\n"
        for rec in records_of_bytes(
            data,
            rel,
            ref_date=options.ref_date,
            encoding=options.encoding,
            explain=options.explain,
            warn=warnings.append,
        )
    ]
    return "".join(lines), len(lines) - 1, warnings


def parse_payload(rel: str, data: bytes, options: Options) -> Result:
    """Worker entry for remote workers (Dask): bytes in, JSON Lines text out."""
    from warparse.inputs import InputError

    sha = hashlib.sha256(data).hexdigest()
    try:
        text, n, warnings = render_jsonl(data, rel, options)
    except InputError as exc:
        return Result(rel, False, sha, message=str(exc))
    except Exception as exc:  # one bad input must not stop the batch
        return Result(rel, False, sha, message=f"internal error: {type(exc).__name__}: {exc}")
    return Result(rel, True, sha, n, warnings=warnings, text=text)


def process_file(task: Task, options: Options) -> Result:
    """Worker entry for local processes: read the input, write its output atomically."""
    try:
        data = Path(task.src).read_bytes()
    except OSError as exc:
        return Result(task.rel, False, message=exc.strerror or str(exc))
    result = parse_payload(task.rel, data, options)
    if result.ok and result.text is not None:
        with atomic_write(task.dst) as fh:
            fh.write(result.text)
        result.text = None
    return result


# -- the folder part ----------------------------------------------------------------------------------


def discover(in_dir: str | Path, skip: Path | None = None) -> list[str]:
    """Relative POSIX paths of every *.txt under ``in_dir``, sorted; hidden ones skipped."""
    root = Path(in_dir)
    skip_resolved = skip.resolve() if skip is not None else None
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (here / d).resolve() != skip_resolved
        )
        for name in filenames:
            if name.endswith(".txt") and not name.startswith("."):
                found.append((here / name).relative_to(root).as_posix())
    return sorted(found)


def output_for(out_dir: Path, rel: str) -> Path:
    return out_dir / (rel[: -len(".txt")] + ".jsonl")


@contextlib.contextmanager
def locked(out_dir: Path, wait: bool, report: Report) -> Iterator[None]:
    """Hold OUT_DIR/.warparse.lock for the whole run (released by the kernel if we die)."""
    import fcntl

    path = out_dir / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip()
            who = f" (pid {holder})" if holder.isdigit() else ""
            if not wait:
                raise BatchLocked(
                    f"another warparse batch{who} is working on {out_dir} (lock {path}); "
                    "try again later, or use --wait to queue behind it"
                ) from None
            report(f"waiting for another warparse batch{who} to finish with {out_dir}")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing drops the flock


def sweep_temp_files(out_dir: Path) -> int:
    """Remove temp files of a run that was killed (safe: we hold the lock)."""
    n = 0
    for path in out_dir.rglob(TMP_PREFIX + "*"):
        with contextlib.suppress(OSError):
            path.unlink()
            n += 1
    return n


def load_manifest(out_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: everything is redone, nothing is lost
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def save_manifest(out_dir: Path, files: dict[str, dict[str, Any]]) -> None:
    with atomic_write(out_dir / MANIFEST) as fh:
        json.dump({"warparse": __version__, "files": dict(sorted(files.items()))}, fh, indent=1)
        fh.write("\n")


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def run(
    in_dir: str | Path,
    out_dir: str | Path,
    options: Options | None = None,
    *,
    jobs: int = 1,
    force: bool = False,
    wait: bool = False,
    dask_address: str | None = None,
    dask_timeout: float = 20.0,
    progress: bool = False,
    report: Report = lambda _m: None,
) -> Summary:
    """Bring OUT_DIR up to date with IN_DIR; ``report`` gets one message per problem."""
    options = options or Options()
    src_root, out = Path(in_dir), Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    summary = Summary(str(out_dir))
    with locked(out, wait, report):
        sweep_temp_files(out)
        manifest = load_manifest(out)
        rels = discover(src_root, skip=out)
        summary.total = len(rels)
        fingerprint = options.fingerprint()
        todo: list[Task] = []
        for rel in rels:
            src, dst = src_root / rel, output_for(out, rel)
            entry = manifest.get(rel)
            try:
                sha = _sha256(src)
            except OSError as exc:
                summary.failed.append((rel, exc.strerror or str(exc)))
                report(f"error: {rel}: {exc.strerror or exc}")
                continue
            if (
                not force
                and entry
                and entry.get("sha256") == sha
                and entry.get("options") == fingerprint
                and dst.exists()
            ):
                summary.unchanged += 1
                continue
            todo.append(Task(rel, str(src), str(dst)))
        summary.removed = _remove_stale(out, manifest, set(rels))

        last_save = time.monotonic()

        def done(result: Result) -> None:
            nonlocal last_save
            for message in result.warnings:
                report(f"warning: {result.rel}: {message}")
            if result.ok:
                if result.text is not None:  # a remote worker: we write the file
                    with atomic_write(output_for(out, result.rel)) as fh:
                        fh.write(result.text)
                manifest[result.rel] = {
                    "sha256": result.sha256,
                    "options": fingerprint,
                    "output": output_for(out, result.rel).relative_to(out).as_posix(),
                    "records": result.records,
                }
                summary.parsed += 1
            else:
                manifest.pop(result.rel, None)
                summary.failed.append((result.rel, result.message))
                report(f"error: {result.rel}: {result.message}")
            if time.monotonic() - last_save > _SAVE_EVERY:
                save_manifest(out, manifest)
                last_save = time.monotonic()

        try:
            for result in _with_progress(
                _execute(todo, options, jobs, dask_address, dask_timeout), len(todo), progress
            ):
                done(result)
        finally:
            save_manifest(out, manifest)
    summary.seconds = time.monotonic() - started
    return summary


def _remove_stale(out: Path, manifest: dict[str, dict[str, Any]], present: set[str]) -> int:
    n = 0
    for rel in sorted(set(manifest) - present):
        entry = manifest.pop(rel)
        target = out / entry.get("output", "")
        if target.is_file() and target.suffix == ".jsonl":
            with contextlib.suppress(OSError):
                target.unlink()
                n += 1
    return n


def _execute(
    todo: list[Task], options: Options, jobs: int, dask_address: str | None, dask_timeout: float
) -> Iterator[Result]:
    if not todo:
        return
    if dask_address:
        from warparse.dask_runner import run_on_dask

        yield from run_on_dask(dask_address, todo, options, dask_timeout)
    elif jobs <= 1 or len(todo) == 1:
        for task in todo:
            yield process_file(task, options)
    else:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            # chunks keep the inter-process chatter low for many small files
            chunk = max(1, min(16, len(todo) // (jobs * 4)))
            yield from pool.map(process_file, todo, [options] * len(todo), chunksize=chunk)


def _with_progress(results: Iterable[Result], total: int, show: bool) -> Iterator[Result]:
    if not show or not total:
        yield from results
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("parse", total=total)
        for result in results:
            yield result
            bar.advance(task)
