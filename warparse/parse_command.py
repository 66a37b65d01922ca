"""``warparse parse``: the command's work, and the fast path that runs it without click.

``parse`` is the command cron jobs and shell pipelines start over and over, one bulletin
at a time, so its start-up is most of its cost. Importing click (with the standard
modules it pulls in: uuid, platform, gettext) is about a fifth of that start-up. So the
``warparse`` script first tries ``fast_path(argv)``: a plain command line of ``parse``
(known options, valid values) is read here and run without importing click. Anything
else (``--help``, an unknown or misspelt option, a missing or bad value, another
command) returns None and goes to click (``warparse.cli``), which reads the line the same
way or prints the usage error. The options are declared once for click in ``cli.py``;
``tests/test_parse_command.py`` checks that the tables below name the same options and
that both paths print the same bytes and exit with the same status.

The rest of the module is what both paths run: the inputs (globs), the record types,
the loop over inputs with its exit status, and the policy for what escapes a command
(a closed pipe, Ctrl-C, a bug). No click, no grammar import at module level.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

RECORD_TYPES = ("count", "incident", "quote", "document", "error")
EXIT_FAILED, EXIT_ERROR, EXIT_LOCKED = 1, 2, 3

# The options of `parse` (see the click command in cli.py): option string -> parameter name.
VALUE_OPTIONS = {
    "--ref-date": "ref_date",
    "--type": "types",
    "-o": "output",
    "--output": "output",
    "--encoding": "encoding",
}
FLAG_OPTIONS = {"--pretty": "pretty", "--explain": "explain", "--errors-as-records": "errors_as_records"}


def err(message: str) -> None:
    """One line on stderr, prefixed ``warparse:`` (errors and warnings of every command)."""
    stream = sys.stderr
    if stream is not None:
        stream.write(f"warparse: {message}\n")
        stream.flush()


def guarded(call: Callable[[], Any], passthrough: tuple[type[BaseException], ...] = ()) -> Any:
    """``call()``, with what escapes it turned into an exit: a closed pipe ends quietly
    (status 0), Ctrl-C is "interrupted" (130), anything unexpected is one line on stderr
    and status 2, never a traceback (``WARPARSE_DEBUG=1`` re-raises it). The exits are
    ``SystemExit``; exceptions in ``passthrough`` (click's own) are re-raised as they are."""
    from warparse.output import PipeClosed, silence_stdout

    try:
        return call()
    except passthrough:
        raise
    except (PipeClosed, BrokenPipeError):
        silence_stdout()
        raise SystemExit(0) from None
    except KeyboardInterrupt:
        err("interrupted")
        raise SystemExit(130) from None
    except Exception as exc:
        if os.environ.get("WARPARSE_DEBUG"):
            raise
        err(f"internal error: {type(exc).__name__}: {exc} (set WARPARSE_DEBUG=1 for a traceback)")
        raise SystemExit(EXIT_ERROR) from None


def expand_inputs(names: tuple[str, ...]) -> Iterator[tuple[str, str | None]]:
    """(name, problem) for every input: globs expanded here as well as by the shell
    (Windows shells and cron jobs with quoted patterns pass them through)."""
    for name in names or ("-",):
        if name != "-" and any(c in name for c in "*?[") and not os.path.exists(name):
            import glob

            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield name, "no file matches this pattern"
            for match in matches:
                yield match, None
        else:
            yield name, None


def parse_types(value: str | None) -> frozenset[str] | None:
    """``--type count,quote`` -> the set of types; ValueError names an unknown one."""
    if not value:
        return None
    types = frozenset(t.strip() for t in value.split(",") if t.strip())
    unknown = sorted(types - set(RECORD_TYPES))
    if unknown:
        raise ValueError(f"unknown record type {', '.join(unknown)} (choose from {', '.join(RECORD_TYPES)})")
    return types


def run_parse(
    files: tuple[str, ...],
    ref_date: str | None = None,
    types: frozenset[str] | None = None,
    output: str | None = None,
    pretty: bool = False,
    explain: bool = False,
    encoding: str | None = None,
    errors_as_records: bool = False,
) -> int:
    """Parse every input to stdout (or atomically to ``output``); the exit status."""
    from warparse.output import StdoutSink, atomic_write

    if output:
        with atomic_write(output) as fh:
            return _parse_to(fh, files, ref_date, types, pretty, explain, encoding, errors_as_records)
    sink = StdoutSink()
    status = _parse_to(sink, files, ref_date, types, pretty, explain, encoding, errors_as_records)
    sink.flush()
    return status


def _parse_to(
    out: Any,
    files: tuple[str, ...],
    ref_date: str | None,
    wanted: frozenset[str] | None,
    pretty: bool,
    explain: bool,
    encoding: str | None,
    errors_as_records: bool,
) -> int:
    """Write the records of every input to ``out``; the exit status."""
    from warparse.inputs import InputError
    from warparse.output import PipeClosed, dumps
    from warparse.source import error_record, records_of

    status = 0

    def emit(rec: dict[str, Any]) -> None:
        if wanted is None or rec["type"] in wanted:
            out.write(dumps(rec, pretty) + "\n")

    for name, problem in expand_inputs(files):
        try:
            if problem:
                raise InputError(problem)

            def warn(message: str, name: str = name) -> None:
                err(f"warning: {name}: {message}")

            for rec in records_of(name, ref_date=ref_date, encoding=encoding, explain=explain, warn=warn):
                if rec["type"] == "error":
                    # a part of the input the grammar failed on: already reported through warn()
                    status = max(status, EXIT_FAILED)
                    if not errors_as_records:
                        continue
                emit(rec)
        except PipeClosed:
            raise
        except InputError as exc:
            err(f"error: {name}: {exc}")
            status = max(status, EXIT_FAILED)
            if errors_as_records:
                emit(error_record(name, str(exc)))
        except Exception as exc:  # a bug in the grammar must not stop the other inputs
            if os.environ.get("WARPARSE_DEBUG"):
                raise
            err(f"internal error: {name}: {type(exc).__name__}: {exc}")
            status = EXIT_ERROR
            if errors_as_records:
                emit(error_record(name, f"internal error: {type(exc).__name__}: {exc}"))
    return status


# -- the fast path ------------------------------------------------------------------------------


def read_argv(args: list[str]) -> dict[str, Any] | None:
    """The keyword arguments of ``run_parse`` for the arguments after ``parse``, or None
    when click should read them: anything but known options with valid values and file
    names (help, an unknown option, a missing value, a value that looks like an option,
    a bad date or type, an output path click would refuse)."""
    values: dict[str, Any] = {}
    files: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            files.extend(rest)
            break
        if arg == "-" or not arg.startswith("-"):
            files.append(arg)
            continue
        option, has_value, value = arg.partition("=")
        if option in FLAG_OPTIONS and not has_value:
            values[FLAG_OPTIONS[option]] = True
            continue
        if option not in VALUE_OPTIONS or (has_value and not option.startswith("--")):
            return None
        if not has_value:
            value = next(rest, "")
        if not value or value.startswith("-"):
            return None  # click says what is missing (or takes it as the value: let it)
        values[VALUE_OPTIONS[option]] = value
    try:
        values["types"] = parse_types(values.get("types"))
        if "ref_date" in values:
            from warparse.refdate import check

            values["ref_date"] = check(values["ref_date"])
    except ValueError:
        return None
    output = values.get("output")
    if output and (os.path.isdir(output) or (os.path.exists(output) and not os.access(output, os.W_OK))):
        return None
    return {"files": tuple(files), **values}


def fast_path(argv: list[str]) -> None:
    """Run ``warparse parse ...`` without click when the line is a plain one (exits with
    its status through SystemExit); return, having done nothing, when click must read it."""
    if not argv or argv[0] != "parse":
        return
    kwargs = read_argv(argv[1:])
    if kwargs is None:
        return
    raise SystemExit(guarded(lambda: run_parse(**kwargs)))
