"""Where records go: atomic files, a pipe-safe stdout, and the colour decision.

Three small jobs every command shares:

- ``atomic_write(path)``: write to a temp file beside ``path``, fsync, then
  ``os.replace``: readers (and a cron job killed mid-way) never see a
  half-written output, only the old file or the new one.
- ``StdoutSink``: writes lines to stdout and turns a closed pipe
  (``warparse parse ... | head -1``) into a quiet stop instead of a traceback.
- ``use_color(choice, stream)``: ``--color always|never|auto``; ``auto`` means
  colour only on a terminal and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import IO, Any

# Temp files start with this prefix, so a batch run can sweep the leftovers of
# a run that was killed (see warparse.batch).
TMP_PREFIX = ".warparse-tmp-"


def dumps(record: dict[str, Any], pretty: bool = False) -> str:
    """One record as JSON: a single line, or indented with ``pretty``."""
    return json.dumps(record, ensure_ascii=False, indent=2 if pretty else None)


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w") -> Iterator[IO[Any]]:
    """Open a temp file beside ``path``; on success it replaces ``path`` in one step.

    On any exception the temp file is removed and ``path`` is left untouched.
    """
    import tempfile  # here, not at the top: `parse` to stdout starts faster without it
    from pathlib import Path

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX + target.name + ".", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding, newline=None if "b" in mode else "\n") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class PipeClosed(Exception):
    """The reader of stdout went away (``| head``): stop writing, exit quietly."""


class StdoutSink:
    """Line writer for stdout that survives ``| head -1``.

    On BrokenPipeError it points stdout at /dev/null (so the interpreter's own
    flush at exit cannot raise again) and raises ``PipeClosed`` once.
    """

    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stdout

    def write(self, line: str) -> None:
        try:
            self.stream.write(line)
        except BrokenPipeError:
            self._closed()

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            self._closed()

    def _closed(self) -> None:
        silence_stdout()
        raise PipeClosed


def silence_stdout() -> None:
    """Send whatever is still buffered for stdout to /dev/null."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def use_color(choice: str = "auto", stream: IO[str] | None = None) -> bool:
    """Whether to colour: ``always``/``never`` win; ``auto`` = a tty and no NO_COLOR."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR", ""):
        return False
    stream = stream if stream is not None else sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def is_terminal(stream: IO[str] | None = None) -> bool:
    stream = stream if stream is not None else sys.stdout
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
