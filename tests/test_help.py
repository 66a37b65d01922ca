"""Every command documents itself: --help works, says what it does and shows examples (sqlite-utils style)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = sorted(main.commands)


def test_the_commands_exist():
    assert {"parse", "show", "diff", "batch", "schema", "tokens"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_examples(name):
    command = main.commands[name]
    assert command.help and len(command.help.strip()) > 20, f"{name}: no docstring"
    assert command.epilog and "Examples:" in command.epilog, f"{name}: no examples in the epilog"
    examples = [line.strip() for line in command.epilog.splitlines() if line.strip().startswith("warparse ")]
    assert any(line.startswith(f"warparse {name}") for line in examples), f"{name}: no example of itself"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert param.help, f"{name}: option {param.name} has no help"
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert f"Usage: main {name}" in result.stdout or f"Usage: warparse {name}" in result.stdout
    assert "Examples:" in result.stdout
    assert CliRunner().invoke(main, [name, "-h"]).stdout == result.stdout


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout
    assert "Examples:" in result.stdout


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["parsee"])
    assert result.exit_code == 2
    assert "No such command 'parsee'" in result.stderr


@pytest.mark.slow
def test_help_as_a_real_process():
    done = subprocess.run(
        [sys.executable, "-m", "warparse", "batch", "--help"], capture_output=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0
    out = done.stdout.decode()
    assert out.startswith("Usage: warparse batch")
    assert "warparse batch --jobs 2 bulletins/ out/" in out
