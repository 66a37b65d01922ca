"""The click-free path of `warparse parse` (warparse.parse_command): it reads the same
options as the click command, gives way to click for anything else, and prints the same
bytes with the same exit status as the click path."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from warparse.cli import main
from warparse.parse_command import FLAG_OPTIONS, VALUE_OPTIONS, read_argv

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
ODESA = str(FIXTURES / "odesa-v1.txt")
KHARKIV = str(FIXTURES / "kharkiv-2024-11-02.txt")


def test_the_option_tables_are_the_click_commands_options():
    command = main.commands["parse"]
    options = [p for p in command.params if isinstance(p, click.Option)]
    flags = {opt: p.name for p in options if p.is_flag for opt in p.opts}
    values = {opt: p.name for p in options if not p.is_flag for opt in p.opts}
    assert flags == FLAG_OPTIONS
    assert values == VALUE_OPTIONS
    assert [p.name for p in command.params if isinstance(p, click.Argument)] == ["files"]


def test_a_plain_line_is_read_like_click_reads_it():
    assert read_argv(["--ref-date", "2024-10-28", "a.txt", "--explain", "b.txt"]) == {
        "files": ("a.txt", "b.txt"),
        "ref_date": "2024-10-28",
        "types": None,
        "explain": True,
    }
    assert read_argv(["--type=count,quote", "-", "--", "--pretty"]) == {
        "files": ("-", "--pretty"),
        "types": frozenset({"count", "quote"}),
    }
    assert read_argv(["-o", "out.jsonl", "--output", "last.jsonl", "x.txt"])["output"] == "last.jsonl"
    assert read_argv([]) == {"files": (), "types": None}


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["a.txt", "-h"],
        ["--typo", "a.txt"],
        ["--ref-date"],
        ["--ref-date", "--pretty", "a.txt"],
        ["--ref-date", "2024-02-30", "a.txt"],
        ["--ref-date="],
        ["--type", "count,bogus"],
        ["-oout.jsonl", "a.txt"],
        ["-o=out.jsonl", "a.txt"],
        ["--pretty=yes", "a.txt"],
        ["--output", "."],
    ],
)
def test_anything_else_goes_to_click(args):
    assert read_argv(args) is None


def _run(args: list[str], fast: bool, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    entry = "from warparse.launch import run" if fast else "from warparse.cli import main as run"
    code = f"import sys; sys.argv[0] = 'warparse'; {entry}; run()"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["parse", "--ref-date", "2025-03-14", ODESA],
        ["parse", KHARKIV, "--type=count,incident", "--explain", "--ref-date=2024-11-02"],
        ["parse", "--pretty", "--", ODESA],
        ["parse", "tests/fixtures/odesa-v*.txt"],
        ["parse", "no-such-file.txt", ODESA],
        ["parse", "--errors-as-records", "--type", "error", "no-such-file.txt", "tests"],
        ["parse", "--encoding", "cp1252", KHARKIV],
        ["parse", "-"],
        ["parse", "--type", "bogus", ODESA],
        ["parse", "--ref-date", "28.10.2024", ODESA],
        ["parse", "--unknown", ODESA],
    ],
)
def test_both_paths_print_the_same(args):
    stdin = Path(ODESA).read_bytes()
    fast, slow = _run(args, fast=True, stdin=stdin), _run(args, fast=False, stdin=stdin)
    assert (fast.returncode, fast.stdout, fast.stderr) == (slow.returncode, slow.stdout, slow.stderr)
    assert fast.stdout or fast.stderr


@pytest.mark.slow
def test_output_file_is_the_same(tmp_path):
    outputs = []
    for fast in (True, False):
        out = tmp_path / f"{fast}.jsonl"
        done = _run(["parse", "-o", str(out), ODESA, KHARKIV], fast=fast)
        assert done.returncode == 0 and not done.stdout
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b'"type": "document"') == 2


def _raise(exc: BaseException):
    def call():
        raise exc

    return call


@pytest.mark.parametrize(
    ("exc", "status", "stderr"),
    [
        (KeyboardInterrupt(), 130, "warparse: interrupted\n"),
        (
            ValueError("bad"),
            2,
            "warparse: internal error: ValueError: bad (set WARPARSE_DEBUG=1 for a traceback)\n",
        ),
    ],
)
def test_what_escapes_a_command_is_an_exit_status(exc, status, stderr, capsys, monkeypatch):
    from warparse.parse_command import guarded

    monkeypatch.delenv("WARPARSE_DEBUG", raising=False)
    with pytest.raises(SystemExit) as stop:
        guarded(_raise(exc))
    assert stop.value.code == status
    assert capsys.readouterr().err == stderr
    with pytest.raises(type(exc)):
        guarded(_raise(exc), passthrough=(type(exc),))
    assert guarded(lambda: 7) == 7
