"""The command line: a thin click layer over the library.

Heavy imports (the grammar, rich) happen inside the commands, so that
``warparse parse`` starts fast.
"""

from __future__ import annotations

import json
import sys

import click

from warparse import __version__

EPILOG_PARSE = """\b
Examples:
  warparse parse --ref-date 2024-10-28 bulletin.txt
  cat bulletin.txt | warparse parse - | jq 'select(.type=="count")'
  warparse parse --type incident samples/*.txt | jq -s 'length'
"""


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warparse")
def main() -> None:
    """Turn German war-news bulletins into JSON Lines of incidents, quotes and counts."""


@main.command(epilog=EPILOG_PARSE)
@click.argument("files", nargs=-1)
@click.option(
    "--ref-date",
    metavar="YYYY-MM-DD",
    help="Publication date; resolves dates without a year and relative dates.",
)
@click.option("--explain", is_flag=True, help="Add to every record the names of the rules that built it.")
def parse(files: tuple[str, ...], ref_date: str | None, explain: bool) -> None:
    """Parse bulletins (FILES, or - / nothing for stdin) to JSON Lines."""
    from warparse.inputs import InputError, read_input
    from warparse.pipeline import parse_text

    failed = False
    out = sys.stdout
    for name in files or ("-",):
        try:
            decoded = read_input(name)
        except InputError as exc:
            click.echo(f"warparse: error: {name}: {exc}", err=True)
            failed = True
            continue
        for warning in decoded.warnings:
            click.echo(f"warparse: warning: {name}: {warning}", err=True)
        for rec in parse_text(decoded.text, ref_date=ref_date, doc=name, explain=explain):
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        sys.exit(1)


@main.command()
@click.argument("file", default="-")
def tokens(file: str) -> None:
    """Print the tokens of FILE (or stdin) as JSON Lines: the grammar's view."""
    from warparse.inputs import InputError, read_input
    from warparse.segmenter import segment

    try:
        decoded = read_input(file)
    except InputError as exc:
        click.echo(f"warparse: error: {file}: {exc}", err=True)
        sys.exit(2)
    for tok in segment(decoded.text).tokens:
        sys.stdout.write(json.dumps(tok.as_dict(), ensure_ascii=False) + "\n")
