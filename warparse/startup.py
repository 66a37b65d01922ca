"""Start-up of the ``warparse`` process: the caches that make a short run short.

A ``warparse parse`` of one bulletin spends most of its time getting ready: importing
the grammar, which builds ~40 dataclasses, reads the lexicons and compiles patterns.
Three persistent caches cut that down, each holding what a run would rebuild exactly the
same way (like ``__pycache__`` does for modules), each in the user's cache directory:

- compiled patterns (``warparse.rules``), keyed by pattern;
- the parsed lexicons and what the grammar builds from them alone (``warparse.lexicons``,
  ``derived``), valid for the sizes and mtimes of the package's data files and modules;
- the code ``dataclasses`` generates for every class (``__init__``, ``__repr__``, ...),
  keyed by its source text (this module; only in the CLI process, see ``prepare_process``).

The output never depends on them. A missing, stale, damaged or foreign file is ignored
and replaced; an unwritable cache directory (read-only HOME) only costs speed.
``WARPARSE_REGEX_CACHE=off`` turns them all off; ``WARPARSE_REGEX_CACHE=PATH`` names the
pattern file, and the others are kept beside it.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import types

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

CACHE_OFF = ("", "off", "0")  # values of WARPARSE_REGEX_CACHE that switch the caches off
# An entry not used by the last this many writes of its file is dropped (an edited class).
KEEP_GENERATIONS = 8
_GEN0_THRESHOLD = 50_000


def cache_dir() -> str | None:
    """The directory of warparse's caches, or None when they are off (or there is no home)."""
    setting = os.environ.get("WARPARSE_REGEX_CACHE")
    if setting is not None:
        return None if setting in CACHE_OFF else os.path.dirname(os.path.abspath(setting))
    home = os.path.expanduser("~")
    if not os.environ.get("XDG_CACHE_HOME") and home.startswith("~"):
        return None  # no home directory: no cache, rather than one in the working directory
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    return os.path.join(base, "warparse")


def read_bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def write_bytes(path: str, data: bytes) -> bool:
    """Write ``path`` atomically (temp file + rename); False, and nothing left, on failure."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # a concurrent reader sees the old file or the new one
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False


class GenerationStore:
    """Key -> value, kept in one marshal file that several processes may write.

    Loaded on first use; written at exit when a value was added. A save merges with what
    other processes wrote meanwhile, and drops the entries that no run used in the last
    ``KEEP_GENERATIONS`` saves (an edited pattern or class leaves its old entry behind).
    ``header`` (e.g. the interpreter version) must match, or the file is ignored.
    """

    def __init__(self, path: str | None, header: str | None = None) -> None:
        self.path = path
        self.header = header
        self.generation = 0
        self.entries: dict[Any, tuple[int, Any]] | None = None  # loaded on first use
        self.used: set[Any] = set()
        self.dirty = False

    def _read(self) -> tuple[int, dict[Any, tuple[int, Any]]]:
        data = read_bytes(self.path) if self.path else None
        if data:
            try:
                loaded = marshal.loads(data)
                if self.header is not None:
                    loaded = loaded[1:] if loaded[0] == self.header else None
                if isinstance(loaded, tuple) and len(loaded) == 2 and isinstance(loaded[1], dict):
                    return int(loaded[0]), loaded[1]
            except (EOFError, ValueError, TypeError, IndexError, KeyError):
                pass
        return 0, {}

    def get(self, key: Any) -> Any:
        """The value stored for ``key``, or None; marks ``key`` as used by this run."""
        if self.entries is None:
            self.generation, self.entries = self._read()
        self.used.add(key)
        entry = self.entries.get(key)
        return None if entry is None else entry[1]

    def put(self, key: Any, value: Any) -> None:
        if self.entries is None:
            self.generation, self.entries = self._read()
        self.used.add(key)
        self.entries[key] = (self.generation, value)
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)

    def save(self) -> None:
        """Write the file (atomically); a failure (read-only home) only costs speed."""
        if not self.path or self.entries is None:
            return
        disk_gen, disk = self._read()
        gen = max(self.generation, disk_gen) + 1
        merged = {**disk, **self.entries}
        try:
            keep = {
                key: (gen if key in self.used else g, value)
                for key, (g, value) in merged.items()
                if key in self.used or g > gen - KEEP_GENERATIONS
            }
            body: tuple = (gen, keep)
            data = marshal.dumps(body if self.header is None else (self.header, *body))
        except (TypeError, ValueError):  # a damaged file on disk: this run's entries only
            body = (gen, {key: (gen, self.entries[key][1]) for key in self.used if key in self.entries})
            data = marshal.dumps(body if self.header is None else (self.header, *body))
        write_bytes(self.path, data)


class CodeCache(GenerationStore):
    """Source text -> code object of what ``dataclasses`` compiles.

    Compiling the generated methods is most of the cost of a dataclass (~0.3 ms each, and
    the grammar has ~40). A code object is what ``__pycache__`` stores too: marshal of the
    same source compiled by the same interpreter, hence the interpreter's cache tag in the
    file name and its version as the header. ``exec`` of the cached code is ``exec`` of the text.
    """

    def __init__(self, path: str | None) -> None:
        super().__init__(path, header=sys.version)

    def code(self, source: str) -> Any:
        """The code object of ``source`` (compiled as ``exec(source)`` would compile it)."""
        cached = self.get(source)
        if isinstance(cached, types.CodeType):
            return cached
        # dont_inherit: not this module's __future__ flags, exactly like exec() in dataclasses
        code = compile(source, "<string>", "exec", dont_inherit=True)
        self.put(source, code)
        return code

    def exec(self, source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            source = self.code(source)
        exec(source, globals, locals)


_prepared = False


def exit_now(code: Any) -> None:
    """End a process set up by ``prepare_process`` as ``sys.exit(code)`` would, minus the
    interpreter's tear-down (freeing every object one by one: ~5 ms for nothing).

    The exit handlers run and stdout and stderr are flushed first; anything else (other
    threads or processes, a code that is not a number, a flush that fails) returns, and
    the normal exit takes over.
    """
    if not _prepared or not (code is None or isinstance(code, int)):
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None or "multiprocessing" in sys.modules:
        return
    run_exit_handlers()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return  # Python's own exit reports it
    os._exit(code or 0)


class _DeferredModule(types.ModuleType):
    """Stands in ``sys.modules`` for a module that is imported but may never be used; the
    first attribute asked of it imports the real module, which then replaces it everywhere
    (``sys.modules``, and this object's own namespace for those who hold it already).

    Unlike ``importlib.util.LazyLoader``, whose module loads when an ``import`` statement
    only checks that it is there (Python 3.11 reads its ``__spec__``), it answers that check
    from its own namespace. Not thread-safe: for a process that imports on one thread."""

    def __getattr__(self, name: str) -> Any:
        real = self.__dict__.get("_real")
        if real is None:
            import importlib

            del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
            vars(self).update(vars(real), _real=real)
        return getattr(real, name)


def defer_import(name: str) -> None:
    """Put a ``_DeferredModule`` for the module ``name`` in ``sys.modules``, unless it is
    imported already. (Not looked up first: importlib.util costs as much as it would save;
    a module that does not exist raises its ImportError on first use instead.)"""
    if name not in sys.modules:
        sys.modules[name] = _DeferredModule(name)  # __spec__ None: not "being initialised"


def prepare_process(deferred: tuple[str, ...] = ()) -> None:
    """Speed up the start (and end) of a warparse process; called by the CLI entry only.

    - The modules named in ``deferred`` are imported when first used (``defer_import``):
      ``parse`` defers ``inspect``, which ``dataclasses`` imports (with ast, dis and tokenize,
      a tenth of the start-up) but uses only to write the docstring of a class that has
      none, and every warparse dataclass has one (a test checks).

    - The code dataclasses generates comes from the code cache (``dataclasses`` looks
      ``exec`` up among its module globals first: this process's classes, warparse's and
      any other's, get the very same methods).
    - A higher threshold for the garbage collector's youngest generation.
    - At exit, the objects still alive are frozen (``gc.freeze``), so that the garbage
      collections of the interpreter's shutdown skip them: every output file is closed,
      and stdout flushed, by then.

    Not done on import: a library user's process is left alone.
    """
    global _prepared
    if _prepared:
        return
    _prepared = True
    for name in deferred:
        defer_import(name)
    import gc

    # The grammar is some 100,000 objects that live until exit: with the default threshold
    # the collector walks them again and again while they are built, for nothing. Fewer
    # young collections (cyclic garbage waits a little longer) save a few ms.
    threshold = gc.get_threshold()
    if threshold[0]:
        gc.set_threshold(max(threshold[0], _GEN0_THRESHOLD), *threshold[1:])
    atexit.register(gc.freeze)  # registered first: runs after the caches' save handlers
    directory = cache_dir()
    tag = sys.implementation.cache_tag
    if directory is None or not tag:
        return
    import dataclasses

    if "exec" not in vars(dataclasses):
        cache = CodeCache(os.path.join(directory, f"dataclasses-{tag}.marshal"))
        dataclasses.exec = cache.exec  # type: ignore[attr-defined]
