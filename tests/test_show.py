"""`warparse show`: the highlighted bulletin and the record tables, asserted on rich's exported text."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse.cli import main
from warparse.output import use_color
from warparse.render.show import STYLES, highlighted, make_console, render

ROOT = Path(__file__).resolve().parent.parent
KHARKIV = ROOT / "tests" / "fixtures" / "kharkiv-2024-11-02.txt"
TEXT = KHARKIV.read_text(encoding="utf-8")
ANSI = "\x1b["

# records as the extractors write them (hand-made here, so the rendering is tested on its own)
RECORDS = [
    {
        "type": "incident",
        "doc": "k.txt",
        "id": "i1",
        "span": [31, 209],
        "event": "air_attack",
        "date": "2024-11-02",
        "time_of_day": "night",
        "actor": "Russia",
        "weapons": [{"class": "drone"}, {"class": "missile"}],
        "locations": [{"name": "Region Charkiw", "canonical": "Kharkiv", "kind": "oblast", "role": "target"}],
        "launched": 34,
        "shot_down": 25,
        "lost": 6,
        "injured": 9,
        "rules": ["incident.attack_sentence"],
    },
    {
        "type": "count",
        "doc": "k.txt",
        "id": "c1",
        "span": [99, 108],
        "value": 30,
        "item": "drohne",
        "category": "drone",
        "outcome": "launched",
        "qualifier": "exact",
        "text": "30 Drohnen",
        "rules": ["count.number_noun"],
    },
    {
        "type": "count",
        "doc": "k.txt",
        "id": "c2",
        "span": [250, 261],
        "value": 9,
        "item": "mensch",
        "category": "person",
        "outcome": "injured",
        "qualifier": "exact",
        "text": "9 Menschen",
        "rules": ["count.number_noun"],
    },
    {
        "type": "quote",
        "doc": "k.txt",
        "id": "q1",
        "span": [274, 341],
        "kind": "direct",
        "speaker": "Oleh Synjehubow",
        "role": "Gouverneur",
        "verb": "sagen",
        "text": "Die Luftverteidigung hat die Stadt auch in dieser Nacht geschützt",
        "rules": ["quote.direct_before_verb"],
    },
]


def _spans():
    # the hand-made records' spans point at their evidence in the fixture
    for rec in RECORDS:
        rec["span"] = _find(rec)


def _find(rec: dict) -> list[int]:
    needle = {
        "incident": "In der Nacht zum Samstag",
        "count": rec.get("text", ""),
        "quote": rec.get("text", ""),
    }[rec["type"]]
    start = TEXT.index(needle)
    end = (
        start + len(needle) if rec["type"] != "incident" else TEXT.index("angegriffen.") + len("angegriffen.")
    )
    return [start, end]


_spans()


def _console(width: int = 80, color: bool = False):
    return make_console(color, width, file=io.StringIO(), record=True)


def test_render_plain_text_fits_80_columns():
    console = _console()
    render(console, TEXT, RECORDS, name="k.txt", ref_date="2024-11-02")
    out = console.export_text()
    assert "k.txt · ref date 2024-11-02" in out
    assert "(1 incident, 2 counts, 1 quote)" in out
    assert "Nächtlicher Angriff auf Charkiw" in out  # the bulletin itself
    assert max(len(line) for line in out.splitlines()) <= 80
    assert ANSI not in console.file.getvalue()
    # incident table: date, event, weapons, places, figures
    row = _row(out, "Incidents", " 1 ")
    for cell in (
        "2024-11-02",
        "night",
        "air_attack",
        "drone",
        "missile",
        "Kharkiv",
        "launched 34",
        "shot_down 25",
        "lost 6",
        "injured 9",
    ):
        assert cell in row
    # counts and quotes tables
    assert _row(out, "Counts", " 1 ").split() == ["1", "30", "drohne", "drone", "launched", "30", "Drohnen"]
    quote = _row(out, "Quotes", " 1 ")
    assert "Oleh Synjehubow" in quote and "(Gouverneur)" in quote and "direct" in quote
    assert "Die Luftverteidigung hat die Stadt auch in dieser Nacht geschützt" in quote
    assert "rules" not in out


def _row(out: str, table: str, first: str) -> str:
    """The words of a table row, its wrapped lines joined cell by cell."""
    rest = out[out.index("\n" + table + " ") :]
    rest = rest[rest.index("\n" + first) :]
    lines = []
    for line in rest.strip("\n").splitlines():
        if not line.strip() or (lines and line[:3].strip()):  # a blank line or the next row's number
            break
        lines.append(line)
    cells: dict[int, list[str]] = {}
    for line in lines:  # words by column position, so wrapped cells join up
        for m in re.finditer(r"\S+(?: \S+)*", line):
            col = next((c for c in cells if abs(c - m.start()) <= 1), m.start())
            cells.setdefault(col, []).append(m.group())
    return " ".join(" ".join(words) for _, words in sorted(cells.items()))


def test_evidence_spans_styled_by_type():
    text = highlighted(TEXT, RECORDS)
    styled = {(s.start, s.end): str(s.style) for s in text.spans}
    assert styled[tuple(RECORDS[1]["span"])] == STYLES["count"]
    assert styled[tuple(RECORDS[3]["span"])] == STYLES["quote"]
    assert styled[tuple(RECORDS[0]["span"])] == STYLES["incident"]
    assert len({STYLES["count"], STYLES["incident"], STYLES["quote"]}) == 3


def test_explain_adds_rule_names():
    console = _console(width=140)
    render(console, TEXT, RECORDS, name="k.txt", explain=True)
    out = console.export_text()
    assert "incident.attack_sentence" in out
    assert "count.number_noun" in out
    assert "quote.direct_before_verb" in out


def test_colour_when_asked():
    console = _console(color=True)
    render(console, TEXT, RECORDS)
    assert ANSI in console.file.getvalue()


def test_use_color_decision(monkeypatch):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color("auto", Tty()) is True
    assert use_color("auto", io.StringIO()) is False  # a pipe
    assert use_color("never", Tty()) is False
    assert use_color("always", io.StringIO()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color("auto", Tty()) is False


def test_show_command_no_colour_when_piped(monkeypatch):
    # a relative name: the header that names the file must not depend on where the clone is
    monkeypatch.chdir(KHARKIV.parent)
    result = CliRunner().invoke(main, ["show", KHARKIV.name])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert ANSI not in out
    assert "ref date 2024-11-02" in out  # from the file name
    assert "30 Drohnen" in out
    assert "Counts" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_command_colour_always_and_explain():
    result = CliRunner().invoke(
        main, ["show", "--color", "always", "--explain", "--width", "120", str(KHARKIV)]
    )
    assert result.exit_code == 0
    assert ANSI in result.stdout
    assert "rules" in result.stdout


def test_show_missing_file_is_an_error():
    result = CliRunner().invoke(main, ["show", "nope.txt"])
    assert result.exit_code == 2
    assert result.stderr == "warparse: error: nope.txt: no such file\n"


@pytest.mark.slow
def test_show_subprocess_honours_no_color():
    done = subprocess.run(
        [sys.executable, "-m", "warparse", "show", str(KHARKIV)],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    assert done.returncode == 0
    out = done.stdout.decode()
    assert ANSI not in out
    assert "Nächtlicher Angriff auf Charkiw" in out


@pytest.mark.slow
def test_show_into_head_ends_quietly(tmp_path):
    big = tmp_path / "long.txt"
    big.write_text(TEXT * 150, encoding="utf-8")  # more than a pipe buffer of output
    proc = subprocess.Popen(
        [sys.executable, "-m", "warparse", "show", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    first = proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert "long.txt" in first.decode()
    assert err == b""


def test_internal_error_is_one_line_and_exit_2(monkeypatch):
    import warparse.render.show

    def boom(*_a, **_k):
        raise KeyError("span")

    monkeypatch.setattr(warparse.render.show, "render", boom)
    result = CliRunner().invoke(main, ["show", str(KHARKIV)])
    assert result.exit_code == 2
    assert result.stderr == (
        "warparse: internal error: KeyError: 'span' (set WARPARSE_DEBUG=1 for a traceback)\n"
    )
