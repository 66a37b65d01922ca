"""``warparse batch --dask ADDRESS``: the same batch, its parsing spread over a Dask cluster.

Parsing is a pure function of (bytes, options), so a worker needs nothing
but the warparse package: this process reads each input and ships its bytes,
a worker returns the JSON Lines text (``batch.parse_payload``), and this
process writes the output atomically and keeps the manifest. Workers need
no access to IN_DIR or OUT_DIR. At most a few tasks per worker thread are
in flight, so memory stays bounded on big folders.

Needs the optional extra: ``pip install 'warparse[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warparse.batch import BatchError, Options, Result, Task, parse_payload

_PER_THREAD = 4  # tasks in flight per worker thread
CONNECT_TIMEOUT = 20.0  # seconds


def run_on_dask(
    address: str, tasks: list[Task], options: Options, timeout: float = CONNECT_TIMEOUT
) -> Iterator[Result]:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise BatchError("--dask needs the dask extra: pip install 'warparse[dask]'") from None
    try:
        client = Client(address, timeout=f"{timeout}s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        threads = sum(client.nthreads().values()) or 1
        window = max(2, threads * _PER_THREAD)
        pending = iter(tasks)

        def submit(task: Task):  # type: ignore[no-untyped-def]
            try:
                data = Path(task.src).read_bytes()
            except OSError as exc:
                return Result(task.rel, False, message=exc.strerror or str(exc))
            return client.submit(parse_payload, task.rel, data, options, pure=False)

        first = []
        for task in pending:
            item = submit(task)
            if isinstance(item, Result):
                yield item
                continue
            first.append(item)
            if len(first) >= window:
                break
        if not first:
            return
        queue = as_completed(first, loop=client.loop)
        for future in queue:
            yield future.result()
            for task in pending:  # refill the slot that came free
                item = submit(task)
                if isinstance(item, Result):
                    yield item
                    continue
                queue.add(item)
                break
