"""Smoke tests of the skeleton: the library API and `warparse parse` end to end."""

from __future__ import annotations

import json

from click.testing import CliRunner

import warparse
from warparse.cli import main

TEXT = "Am 27. Oktober hat Russland die Stadt mit 12 Drohnen angegriffen. Das ist alles."


def test_tokens_round_trip_offsets():
    toks = warparse.tokenize(TEXT)
    assert all(TEXT[t.start : t.end] == t.text for t in toks)
    assert [t.text for t in toks][:3] == ["Am", "27.", "Oktober"]


def test_parse_cli_emits_json_lines():
    result = CliRunner().invoke(main, ["parse", "--ref-date", "2024-10-28", "-"], input=TEXT)
    assert result.exit_code == 0, result.output
    recs = [json.loads(line) for line in result.output.splitlines()]
    counts = [r for r in recs if r["type"] == "count"]
    assert [c["value"] for c in counts] == [12]
    assert all(r["doc"] == "-" for r in recs)
