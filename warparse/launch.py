"""The ``warparse`` script and ``python -m warparse``: one command line, in a process of
its own.

Not ``warparse.cli``: that module imports click, and a plain ``warparse parse`` line runs
without it (``warparse.parse_command.fast_path``). The process is also set up to start and
end faster (``warparse.startup``). Library and test code call ``warparse.cli.main``.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any


def run(**kwargs: Any) -> None:
    from warparse.startup import exit_now, prepare_process

    # `parse` imports on one thread only: there a deferred import is safe (see defer_import)
    prepare_process(deferred=("inspect",) if sys.argv[1:2] == ["parse"] else ())
    try:
        from warparse.parse_command import fast_path

        fast_path(sys.argv[1:])
        from warparse.cli import main

        main(**kwargs)
    except SystemExit as exc:
        exit_now(exc.code)
        raise
