"""The command line: a thin click layer over the library.

Heavy imports (the grammar, rich) happen inside the commands, so that
``warparse parse`` starts fast and never loads rich.

Exit codes (all commands): 0 success, 1 some input failed (others were
still processed) or ``diff`` found differences, 2 usage or internal error,
3 ``batch`` found another run holding the lock of OUT_DIR.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from warparse import __version__
from warparse.parse_command import (
    EXIT_ERROR,
    EXIT_FAILED,
    EXIT_LOCKED,
    RECORD_TYPES,
    err,
    guarded,
    parse_types,
    run_parse,
)


class _Group(click.Group):
    """What escapes a command is handled as in the fast path (``guarded``): a closed pipe
    ends quietly (exit 0), anything unexpected is one line on stderr and exit 2, never a
    traceback; click's own exits and usage errors pass through."""

    def invoke(self, ctx: click.Context) -> Any:
        passthrough = (click.exceptions.Exit, click.ClickException, click.Abort)
        return guarded(lambda: super(_Group, self).invoke(ctx), passthrough)


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""\b
Examples:
  warparse parse --ref-date 2024-10-28 bulletin.txt | jq -c 'select(.type=="count")'
  warparse show bulletin.txt
  warparse diff yesterday.jsonl today.jsonl
  warparse batch --jobs 2 bulletins/ out/
  warparse schema count
""",
)
@click.version_option(__version__, "-V", "--version", prog_name="warparse")
def main() -> None:
    """Turn German war-news bulletins into JSON Lines of incidents, quotes and counts.

    Run `warparse COMMAND --help` for the options and examples of a command.
    """


# -- shared options ---------------------------------------------------------------------------------


def _ref_date_option(f: Any) -> Any:
    return click.option(
        "--ref-date",
        metavar="YYYY-MM-DD",
        callback=_check_ref_date,
        help="Publication date; resolves dates without a year and relative dates. "
        "Default: a dateline at the top of the text, else a YYYY-MM-DD in the file name.",
    )(f)


def _check_ref_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from warparse.refdate import check

    try:
        return check(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


_encoding_option = click.option(
    "--encoding",
    metavar="NAME",
    help="Decode inputs with this codec instead of detecting it (utf-8, cp1252).",
)
_color_option = click.option(
    "--color",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour: auto = only on a terminal and when NO_COLOR is unset.",
)


def _parse_types(value: str | None) -> frozenset[str] | None:
    try:
        return parse_types(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--type") from None


# -- parse ------------------------------------------------------------------------------------------

EPILOG_PARSE = """\b
Examples:
  warparse parse --ref-date 2024-10-28 bulletin.txt
  cat bulletin.txt | warparse parse - | jq 'select(.type=="count")'
  warparse parse --type incident 'samples/*.txt' | jq -s 'length'
  warparse parse --type count,quote --output out.jsonl a.txt b.txt
  warparse parse --pretty --explain bulletin.txt | less
  warparse parse bulletin.txt | jq -s 'map(select(.type=="count" and .outcome=="shot_down")
                                   | .value) | add'

\b
Output: JSON Lines, one record a line; after the records of each input a
"document" record (doc, ref_date, sha256, encoding, records per type).
Exit status: 0 all parsed, 1 an input failed (the others were parsed),
2 usage or internal error.
"""


@main.command(epilog=EPILOG_PARSE)
@click.argument("files", nargs=-1)
@_ref_date_option
@click.option(
    "--type",
    "types",
    metavar="TYPE[,TYPE...]",
    help=f"Only records of these types ({', '.join(RECORD_TYPES)}).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write to FILE (atomically: temp file + rename) instead of stdout.",
)
@click.option("--pretty", is_flag=True, help="Indented JSON, one record after another (not JSON Lines).")
@click.option("--explain", is_flag=True, help="Add to every record the names of the rules that built it.")
@_encoding_option
@click.option(
    "--errors-as-records",
    is_flag=True,
    help='Also write an {"type": "error"} record for every input that failed.',
)
def parse(
    files: tuple[str, ...],
    ref_date: str | None,
    types: str | None,
    output: str | None,
    pretty: bool,
    explain: bool,
    encoding: str | None,
    errors_as_records: bool,
) -> None:
    """Parse bulletins (FILES, globs, or - / nothing for stdin) to JSON Lines."""
    wanted = _parse_types(types)
    sys.exit(run_parse(files, ref_date, wanted, output, pretty, explain, encoding, errors_as_records))


# -- show -------------------------------------------------------------------------------------------

EPILOG_SHOW = """\b
Examples:
  warparse show bulletin.txt
  warparse show --explain --ref-date 2024-10-28 bulletin.txt
  warparse show --color never bulletin.txt > report.txt
  NO_COLOR=1 warparse show bulletin.txt | less

\b
The bulletin is printed with the evidence of every record highlighted
(counts, incidents and quotes in different styles), followed by tables of
incidents, counts and quotes.
"""


@main.command(epilog=EPILOG_SHOW)
@click.argument("file", default="-")
@_ref_date_option
@click.option("--explain", is_flag=True, help="Show the names of the rules that built each record.")
@_color_option
@click.option("--width", type=click.IntRange(40, 400), help="Line width (default: the terminal's, else 80).")
@_encoding_option
def show(
    file: str, ref_date: str | None, explain: bool, color: str, width: int | None, encoding: str | None
) -> None:
    """Show a bulletin for a person: highlighted evidence, then tables of records."""
    from warparse.inputs import InputError, decode, read_bytes
    from warparse.output import use_color
    from warparse.render.show import make_console, render
    from warparse.source import records_of_text

    try:
        decoded = decode(read_bytes(file), file, encoding)
    except InputError as exc:
        err(f"error: {file}: {exc}")
        sys.exit(EXIT_ERROR)
    for warning in decoded.warnings:
        err(f"warning: {file}: {warning}")
    records = list(
        records_of_text(
            decoded.text,
            file,
            ref_date=ref_date,
            explain=explain,
            warn=lambda m: err(f"warning: {file}: {m}"),
        )
    )
    ref = next((r.get("ref_date") for r in records if r.get("type") == "document"), ref_date)
    console = make_console(use_color(color), width)
    render(console, decoded.text, records, name=file, ref_date=ref, explain=explain)


# -- diff -------------------------------------------------------------------------------------------

EPILOG_DIFF = """\b
Examples:
  warparse diff old/bulletin.txt new/bulletin.txt
  warparse diff --ref-date 2024-10-28 draft.txt final.txt
  warparse diff yesterday.jsonl today.jsonl
  warparse diff --json a.txt b.txt | jq -c 'select(.change=="changed") | .fields'

\b
OLD and NEW are bulletins or JSON Lines written by `warparse parse` (told
apart by their content). Records are matched by identity: an incident by
date, event and places; a count by category, outcome, item and position; a
quote by speaker and text. Exit status like diff(1): 0 equal, 1 different,
2 error.
"""


@main.command(epilog=EPILOG_DIFF)
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per change (JSON Lines).")
@_ref_date_option
@_color_option
@click.option("--width", type=click.IntRange(40, 400), help="Line width (default: the terminal's, else 80).")
@_encoding_option
def diff(
    old: str,
    new: str,
    as_json: bool,
    ref_date: str | None,
    color: str,
    width: int | None,
    encoding: str | None,
) -> None:
    """Compare two bulletins (or two `parse` outputs): records added, removed, changed."""
    from warparse.diffing import diff_records
    from warparse.inputs import InputError
    from warparse.source import load_records

    loaded = []
    for name in (old, new):
        try:
            loaded.append(load_records(name, ref_date=ref_date, encoding=encoding))
        except InputError as exc:
            err(f"error: {name}: {exc}")
            sys.exit(EXIT_ERROR)
    changes = diff_records(loaded[0], loaded[1])
    if as_json:
        from warparse.output import StdoutSink, dumps

        sink = StdoutSink()
        for change in changes:
            sink.write(dumps(change) + "\n")
        sink.flush()
    else:
        from warparse.output import use_color
        from warparse.render.diff import render
        from warparse.render.show import make_console

        render(make_console(use_color(color), width), changes, old, new)
    sys.exit(1 if changes else 0)


# -- batch ------------------------------------------------------------------------------------------

EPILOG_BATCH = """\b
Examples:
  warparse batch bulletins/ out/
  warparse batch --jobs 2 bulletins/ out/          # two worker processes
  warparse batch --force bulletins/ out/           # redo every file
  warparse batch --wait bulletins/ out/            # queue behind a running batch
  warparse batch --dask tcp://scheduler:8786 bulletins/ out/
  crontab: 15 * * * *  warparse batch /srv/bulletins /srv/parsed >> /var/log/warparse.log

\b
Every IN_DIR/**/*.txt becomes OUT_DIR/**/*.jsonl (same relative path).
Outputs are written atomically; inputs whose content (SHA-256) and options
are unchanged since the last run are skipped (state: OUT_DIR/.warparse-manifest.json).
One batch at a time per OUT_DIR (lock: OUT_DIR/.warparse.lock): a second run
exits with status 3 at once, or waits with --wait.
Exit status: 0 all parsed, 1 some inputs failed (the rest were processed),
2 usage or internal error, 3 OUT_DIR locked by another run.
"""


@main.command(epilog=EPILOG_BATCH)
@click.argument("in_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("out_dir", type=click.Path(file_okay=False))
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True, help="Worker processes."
)
@click.option("--force", is_flag=True, help="Parse every input again, changed or not.")
@click.option(
    "--wait", is_flag=True, help="Wait for another batch on OUT_DIR to finish instead of exiting 3."
)
@click.option(
    "--dask",
    "dask_address",
    metavar="ADDRESS",
    help="Distribute the files over the Dask cluster at this scheduler (needs warparse[dask]).",
)
@click.option(
    "--dask-timeout",
    type=click.FloatRange(0.1),
    default=20.0,
    show_default=True,
    metavar="SECONDS",
    help="How long to try to reach the Dask scheduler.",
)
@click.option("--explain", is_flag=True, help="Add the rule names to every record.")
@_ref_date_option
@_encoding_option
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: only when stderr is a terminal)."
)
def batch(
    in_dir: str,
    out_dir: str,
    jobs: int,
    force: bool,
    wait: bool,
    dask_address: str | None,
    dask_timeout: float,
    explain: bool,
    ref_date: str | None,
    encoding: str | None,
    progress: bool | None,
) -> None:
    """Mirror every bulletin in IN_DIR to JSON Lines in OUT_DIR: incremental, atomic, locked."""
    from warparse.batch import BatchError, BatchLocked, Options, run
    from warparse.output import is_terminal

    options = Options(ref_date=ref_date, encoding=encoding, explain=explain)
    show_progress = is_terminal(sys.stderr) if progress is None else progress
    try:
        summary = run(
            in_dir,
            out_dir,
            options,
            jobs=jobs,
            force=force,
            wait=wait,
            dask_address=dask_address,
            dask_timeout=dask_timeout,
            progress=show_progress,
            report=err,
        )
    except BatchLocked as exc:
        err(f"error: {exc}")
        sys.exit(EXIT_LOCKED)
    except BatchError as exc:
        err(f"error: {exc}")
        sys.exit(EXIT_ERROR)
    click.echo(summary.line())
    sys.exit(EXIT_FAILED if summary.failed else 0)


# -- schema -----------------------------------------------------------------------------------------

EPILOG_SCHEMA = """\b
Examples:
  warparse schema                    # one schema for any record (oneOf the types)
  warparse schema incident
  warparse schema count | jq '.properties.outcome.enum'
  warparse parse b.txt | check-jsonschema --schemafile <(warparse schema) -
"""


@main.command(epilog=EPILOG_SCHEMA)
@click.argument("type_", metavar="[TYPE]", required=False, type=click.Choice(RECORD_TYPES))
def schema(type_: str | None) -> None:
    """Print the JSON Schema of a record TYPE, or of every record."""
    import json

    from warparse.output import StdoutSink
    from warparse.schema import bundle, load

    sink = StdoutSink()
    sink.write(json.dumps(load(type_) if type_ else bundle(), ensure_ascii=False, indent=2) + "\n")
    sink.flush()


# -- tokens -----------------------------------------------------------------------------------------

EPILOG_TOKENS = """\b
Examples:
  warparse tokens bulletin.txt | jq -r .text | head
  echo 'In der Nacht zum 28. Oktober' | warparse tokens
"""


@main.command(epilog=EPILOG_TOKENS)
@click.argument("file", default="-")
@_encoding_option
def tokens(file: str, encoding: str | None) -> None:
    """Print the tokens of FILE (or stdin) as JSON Lines: the grammar's view."""
    import json

    from warparse.inputs import InputError, read_input
    from warparse.output import StdoutSink
    from warparse.segmenter import segment

    try:
        decoded = read_input(file, encoding)
    except InputError as exc:
        err(f"error: {file}: {exc}")
        sys.exit(EXIT_ERROR)
    sink = StdoutSink()
    for tok in segment(decoded.text).tokens:
        sink.write(json.dumps(tok.as_dict(), ensure_ascii=False) + "\n")
    sink.flush()
