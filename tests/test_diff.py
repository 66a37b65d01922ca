"""`warparse diff`: identity matching, changed fields, both renderings, exit codes like diff(1).

The fixture: two versions of one bulletin (tests/fixtures/odesa-v1.txt, -v2.txt).
v2 raises the injured from 21 to 25, drops Cherson from the regions, and adds a quote.
"""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse.cli import main
from warparse.diffing import diff_records, identity, match
from warparse.render.diff import render
from warparse.render.show import make_console

ROOT = Path(__file__).resolve().parent.parent
V1 = ROOT / "tests" / "fixtures" / "odesa-v1.txt"
V2 = ROOT / "tests" / "fixtures" / "odesa-v2.txt"


def _loc(name: str, canonical: str) -> dict:
    return {"name": name, "canonical": canonical, "kind": "oblast", "role": "target"}


OLD = [
    {
        "type": "incident",
        "doc": "v1",
        "id": "i1",
        "span": [100, 300],
        "event": "air_attack",
        "date": "2025-03-14",
        "weapons": [{"class": "drone"}],
        "locations": [_loc("Odesa", "Odesa"), _loc("Mykolajiw", "Mykolaiv"), _loc("Cherson", "Kherson")],
        "launched": 48,
        "shot_down": 35,
        "injured": 21,
        "children_injured": 3,
    },
    {
        "type": "count",
        "doc": "v1",
        "id": "c1",
        "span": [150, 160],
        "value": 48,
        "item": "drohne",
        "category": "drone",
        "outcome": "launched",
        "qualifier": "exact",
        "text": "48 Drohnen",
    },
    {
        "type": "count",
        "doc": "v1",
        "id": "c2",
        "span": [200, 210],
        "value": 35,
        "item": "drohne",
        "category": "drone",
        "outcome": "shot_down",
        "qualifier": "exact",
        "text": "35 Drohnen",
    },
    {
        "type": "count",
        "doc": "v1",
        "id": "c3",
        "span": [280, 291],
        "value": 21,
        "item": "mensch",
        "category": "person",
        "outcome": "injured",
        "qualifier": "exact",
        "text": "21 Menschen",
    },
    {
        "type": "count",
        "doc": "v1",
        "id": "c4",
        "span": [300, 311],
        "value": 3,
        "item": "kind",
        "category": "child",
        "outcome": "injured",
        "qualifier": "exact",
        "text": "drei Kinder",
        "part_of": "c3",
    },
    {
        "type": "quote",
        "doc": "v1",
        "id": "q1",
        "span": [320, 380],
        "kind": "direct",
        "speaker": "Hennadij Truchanow",
        "text": "Die Nacht war schwer, aber unsere Stadt hält stand",
    },
    {
        "type": "document",
        "doc": "v1",
        "ref_date": "2025-03-14",
        "sha256": "0" * 64,
        "encoding": "utf-8",
        "records": {"count": 4, "incident": 1, "quote": 1},
        "schema_version": "1.0",
    },
]


def _new() -> list[dict]:
    new = copy.deepcopy(OLD)
    for rec in new:
        rec["doc"] = "v2"
        rec["span"] = [rec.get("span", [0, 0])[0] - 9, rec.get("span", [0, 0])[1] - 9]  # offsets moved
    new[0]["locations"] = new[0]["locations"][:2]  # Cherson dropped
    new[0]["injured"] = 25
    new[3].update(value=25, text="25 Menschen")
    new.insert(
        6,
        {
            "type": "quote",
            "doc": "v2",
            "id": "q2",
            "span": [400, 470],
            "kind": "direct",
            "speaker": "Hennadij Truchanow",
            "text": "Alle Verletzten werden in den Krankenhäusern der Stadt versorgt",
        },
    )
    new[-1]["sha256"] = "1" * 64
    return new


def _summary(changes: list[dict]) -> list[tuple]:
    return [(c["change"], c["type"], c.get("fields")) for c in changes]


def test_identical_records_with_moved_offsets_are_equal():
    moved = copy.deepcopy(OLD)
    for rec in moved:
        rec["span"] = [0, 1]
        rec["id"] = "x"
        rec["doc"] = "elsewhere"
    assert diff_records(OLD, moved) == []


def test_exactly_the_three_edits():
    changes = diff_records(OLD, _new())
    assert _summary(changes) == [
        (
            "changed",
            "incident",
            {"locations": [["Kherson", "Mykolaiv", "Odesa"], ["Mykolaiv", "Odesa"]], "injured": [21, 25]},
        ),
        ("changed", "count", {"value": [21, 25]}),
        ("added", "quote", None),
    ]
    assert changes[0]["key"] == "2025-03-14 air_attack Kherson, Mykolaiv, Odesa"
    assert changes[2]["new"]["text"].startswith("Alle Verletzten")


def test_removed_and_reordered():
    new = _new()
    del new[5]  # the first quote is gone
    new[1], new[2] = new[2], new[1]  # counts in another order: still the same records
    summary = _summary(diff_records(OLD, new))
    assert ("removed", "quote", None) in summary
    assert ("added", "quote", None) in summary
    assert len(summary) == 4


def test_quote_matched_by_similar_text():
    new = copy.deepcopy(OLD)
    new[5]["text"] = "Die Nacht war sehr schwer, aber unsere Stadt hält stand"
    assert _summary(diff_records(OLD, new)) == [
        (
            "changed",
            "quote",
            {
                "text": [
                    "Die Nacht war schwer, aber unsere Stadt hält stand",
                    "Die Nacht war sehr schwer, aber unsere Stadt hält stand",
                ]
            },
        )
    ]
    new[5]["text"] = "Wir bauen alles wieder auf"  # other words: a different quote
    assert [c["change"] for c in diff_records(OLD, new)] == ["removed", "added"]


def test_incident_identity_and_other_event_is_new():
    assert identity(OLD[0]) == ("2025-03-14", "air_attack", ("Kherson", "Mykolaiv", "Odesa"))
    other = copy.deepcopy(OLD[0])
    other["event"] = "shelling"
    pairs, gone, came = match([OLD[0]], [other], "incident")
    assert (pairs, gone, came) == ([], [0], [0])


def _render_text(changes: list[dict]) -> str:
    console = make_console(False, 80, file=io.StringIO(), record=True)
    render(console, changes, "v1", "v2")
    return console.export_text()


def test_rich_rendering_shows_old_to_new():
    out = _render_text(diff_records(OLD, _new()))
    assert [line.rstrip() for line in out.splitlines()] == [
        "--- v1",
        "+++ v2",
        "~ changed incident 2025-03-14 air_attack Kherson, Mykolaiv, Odesa",
        "    locations: Kherson, Mykolaiv, Odesa → Mykolaiv, Odesa  (dropped Kherson)",
        "    injured: 21 → 25",
        "~ changed count    person/injured mensch (21)",
        "    value: 21 → 25",
        "+ added   quote    Hennadij Truchanow: „Alle Verletzten werden in den Krank…“",
        "    „Alle Verletzten werden in den Krankenhäusern der Stadt versorgt“ (direct)",
        "3 changes: 1 added, 0 removed, 2 changed",
    ]


def _write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_cli_on_jsonl_inputs(tmp_path):
    a = _write_jsonl(tmp_path / "a.jsonl", OLD)
    b = _write_jsonl(tmp_path / "b.jsonl", _new())
    result = CliRunner().invoke(main, ["diff", "--json", str(a), str(b)])
    assert result.exit_code == 1
    changes = [json.loads(line) for line in result.stdout.splitlines()]
    assert _summary(changes) == _summary(diff_records(OLD, _new()))
    assert changes[1]["old"]["value"] == 21 and changes[1]["new"]["value"] == 25
    result = CliRunner().invoke(main, ["diff", str(a), str(b)])
    assert result.exit_code == 1
    assert "    injured: 21 → 25" in result.stdout
    same = CliRunner().invoke(main, ["diff", str(a), str(a)])
    assert same.exit_code == 0
    assert same.stdout.endswith("no differences\n")
    assert CliRunner().invoke(main, ["diff", "--json", str(a), str(a)]).stdout == ""


def test_cli_errors_exit_2(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "count"}\n{oops\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", str(bad), str(V1)])
    assert result.exit_code == 2
    assert (
        result.stderr == f"warparse: error: {bad}: line 2: not a JSON record (Expecting property name "
        "enclosed in double quotes)\n"
    )
    missing = CliRunner().invoke(main, ["diff", str(V1), str(tmp_path / "no.txt")])
    assert missing.exit_code == 2
    assert "no.txt: no such file" in missing.stderr


def test_bulletins_figure_raised():
    """The count change shows with any count grammar: 21 → 25 injured, nothing else for counts."""
    result = CliRunner().invoke(main, ["diff", "--json", str(V1), str(V2)])
    assert result.exit_code == 1
    changes = [json.loads(line) for line in result.stdout.splitlines()]
    counts = [c for c in changes if c["type"] == "count"]
    assert [(c["change"], c["fields"]) for c in counts] == [("changed", {"value": [21, 25]})]


def _has_incidents_and_quotes() -> bool:
    from warparse.source import records_of

    types = {r["type"] for r in records_of(str(V1))}
    return {"incident", "quote"} <= types


def test_bulletins_exactly_the_three_edits():
    """Needs the incident and quote grammars (issues #4, #5); skipped until they find anything."""
    if not _has_incidents_and_quotes():
        pytest.skip("incident/quote extractors not ready yet")
    result = CliRunner().invoke(main, ["diff", "--json", str(V1), str(V2)])
    assert result.exit_code == 1
    changes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["change"], c["type"]) for c in changes] == [
        ("changed", "incident"),
        ("changed", "count"),
        ("added", "quote"),
    ]
    incident, count, quote = changes
    assert incident["fields"]["injured"] == [21, 25]
    old_places, new_places = incident["fields"]["locations"]
    assert set(old_places) - set(new_places) == {"Kherson"}
    assert set(incident["fields"]) == {"injured", "locations"}
    assert count["fields"] == {"value": [21, 25]}
    assert quote["new"]["text"] == "Alle Verletzten werden in den Krankenhäusern der Stadt versorgt"
    assert quote["new"]["speaker"] == "Hennadij Truchanow"
    result = CliRunner().invoke(main, ["diff", "--width", "200", str(V1), str(V2)])
    out = result.stdout
    assert "    injured: 21 → 25" in out
    assert "(dropped Kherson)" in out
    assert "    value: 21 → 25" in out
    assert "+ added   quote    Hennadij Truchanow: „Alle Verletzten werden" in out
    assert out.splitlines()[-1] == "3 changes: 1 added, 0 removed, 2 changed"


@pytest.mark.slow
def test_subprocess_exit_codes(tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "warparse", "diff", *args], capture_output=True, cwd=ROOT, timeout=120
        )

    assert run(str(V1), str(V1)).returncode == 0
    different = run(str(V1), str(V2))
    assert different.returncode == 1
    assert b"value: 21 \xe2\x86\x92 25" in different.stdout
    assert b"\x1b[" not in different.stdout
    missing = run(str(V1), str(tmp_path / "x.txt"))
    assert missing.returncode == 2
    assert b"Traceback" not in missing.stderr


def test_outputs_of_several_documents_are_compared_per_document(tmp_path):
    other = copy.deepcopy(OLD)
    for rec in other:
        rec["doc"] = "kharkiv.txt"
    old = [*OLD, *other]
    new = [*copy.deepcopy(OLD), *copy.deepcopy(other)]
    new[3]["value"] = 22  # v1: 21 -> 22 injured
    del new[len(OLD) + 5]  # kharkiv.txt: its quote is gone
    changes = diff_records(old, new)
    assert [(c["doc"], c["change"], c["type"]) for c in changes] == [
        ("v1", "changed", "count"),
        ("kharkiv.txt", "removed", "quote"),
    ]
    out = _render_text(changes)
    assert "@@ v1\n~ changed count" in out
    assert "@@ kharkiv.txt\n- removed quote" in out
