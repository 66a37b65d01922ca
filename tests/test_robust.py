"""Robustness through the command line: bad inputs, adversarial text, closed pipes, Ctrl-C.

Real subprocesses where the operating system is part of the story (a pipe
closed by ``head``, SIGINT, a file the user may not read); click's runner
for the rest.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
WARPARSE = [sys.executable, "-m", "warparse"]

GOOD = (
    "Kiew, 5. November 2024\n\nIn der Nacht wurden 17 Drohnen abgeschossen. Drei Menschen wurden verletzt.\n"
)
# a paragraph of a few hundred bytes, repeated into big inputs
PARAGRAPH = (
    "In der Nacht zum Dienstag griff Russland die Region Charkiw mit 25 Drohnen und 3 Raketen an. "
    "Die Luftabwehr schoss 20 Drohnen ab, teilte die Luftwaffe mit. "
    "„Die Lage ist ernst“, sagte der Bürgermeister. Vier Häuser wurden beschädigt.\n\n"
)
BIG_REPEAT = 1000


def records(out: str | bytes) -> list[dict]:
    if isinstance(out, bytes):
        out = out.decode("utf-8")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def invoke(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A temp dir any user may read (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="warparse-robust-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    """About 300 KB of bulletin text: several chunks, long enough to interrupt."""
    path = tmp_path_factory.mktemp("big") / "gross.txt"
    path.write_text(PARAGRAPH * BIG_REPEAT, encoding="utf-8")
    return path


# -- bad inputs ---------------------------------------------------------------------------------


def test_each_bad_input_is_one_error_line_and_the_others_are_parsed(tmp_path: Path) -> None:
    (tmp_path / "gut.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bild.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "daten.bin").write_bytes(b"Kiew\x00\x00\x00\x07\x08\x00" * 20)
    (tmp_path / "ordner").mkdir()
    (tmp_path / "gut2.txt").write_text(GOOD, encoding="utf-8")
    os.chdir(tmp_path)
    result = invoke("parse", "gut.txt", "bild.pdf", "daten.bin", "ordner", "fehlt.txt", "gut2.txt")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "warparse: error: bild.pdf: binary file (PDF document), not a text bulletin",
        "warparse: error: daten.bin: binary file (NUL byte at line 1), not a text bulletin",
        "warparse: error: ordner: is a directory, not a file",
        "warparse: error: fehlt.txt: no such file",
    ]
    docs = [r for r in records(result.stdout) if r["type"] == "document"]
    assert [d["doc"] for d in docs] == ["gut.txt", "gut2.txt"]
    assert docs[0]["records"]["count"] >= 1
    assert not [r for r in records(result.stdout) if r["type"] == "error"]


def test_errors_as_records_puts_one_error_record_per_bad_input(tmp_path: Path) -> None:
    (tmp_path / "gut.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "ordner").mkdir()
    os.chdir(tmp_path)
    result = invoke("parse", "--errors-as-records", "ordner", "gut.txt", "fehlt.txt")
    assert result.exit_code == 1
    recs = records(result.stdout)
    errors = [(r["doc"], r["message"]) for r in recs if r["type"] == "error"]
    assert errors == [("ordner", "is a directory, not a file"), ("fehlt.txt", "no such file")]
    assert [r["doc"] for r in recs if r["type"] == "document"] == ["gut.txt"]


def _run_as_other_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    kwargs: dict = {}
    if os.geteuid() == 0:  # root reads everything: run as nobody to meet EACCES
        setpriv = shutil.which("setpriv")
        if setpriv:
            args = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *args]
        else:
            kwargs = {"user": 65534, "group": 65534, "extra_groups": []}
    return subprocess.run(args, cwd=cwd, capture_output=True, timeout=120, **kwargs)


def test_unreadable_file_is_reported_and_the_others_are_parsed(shared_dir: Path) -> None:
    (shared_dir / "gut.txt").write_text(GOOD, encoding="utf-8")
    (shared_dir / "gut.txt").chmod(0o644)
    secret = shared_dir / "geheim.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0o000)
    try:
        proc = _run_as_other_user([*WARPARSE, "parse", "geheim.txt", "gut.txt"], shared_dir)
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot run as another user here: {exc}")
    if b"geheim.txt" not in proc.stderr and proc.returncode != 1:
        pytest.skip(f"the interpreter does not run as another user: {proc.stderr[-200:]!r}")
    assert proc.stderr.decode().splitlines() == ["warparse: error: geheim.txt: permission denied"]
    assert proc.returncode == 1
    assert [r["doc"] for r in records(proc.stdout) if r["type"] == "document"] == ["gut.txt"]


def test_legacy_encoding_on_stdin_is_decoded_with_a_warning() -> None:
    data = "Kiew meldete Schäden an 12 Gebäuden – „schwere Nacht“.\n".encode("cp1252")
    result = invoke("parse", "-", input=data)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "warparse: warning: -: not valid UTF-8 (first at line 1); decoded as cp1252"
    ]
    doc = records(result.stdout)[-1]
    assert (doc["encoding"], doc["chars"]) == ("cp1252", len(data))


def test_encoding_option_is_used_and_an_unknown_one_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    path.write_bytes("Größere Schäden in Saporischschja.\n".encode("latin-1"))
    ok = invoke("parse", "--encoding", "latin-1", str(path))
    assert ok.exit_code == 0 and ok.stderr == ""
    assert records(ok.stdout)[-1]["encoding"] == "iso8859-1"
    bad = invoke("parse", "--encoding", "klingonisch", str(path))
    assert bad.exit_code == 1
    assert bad.stderr.strip() == f"warparse: error: {path}: unknown encoding 'klingonisch'"


def test_utf16_and_entities_through_the_cli(tmp_path: Path) -> None:
    plain = "Die Luftwaffe meldete 12 Drohnen „über Kiew“.\n"
    (tmp_path / "u16.txt").write_bytes(plain.encode("utf-16"))
    (tmp_path / "html.txt").write_text("Die Luftwaffe meldete 12 Drohnen &#8222;über Kiew&#8220;.\n")
    (tmp_path / "plain.txt").write_text(plain)
    os.chdir(tmp_path)
    out = {name: records(invoke("parse", "--ref-date", "2024-11-05", name).stdout)
           for name in ("u16.txt", "html.txt", "plain.txt")}

    def body(recs: list[dict]) -> list[dict]:
        return [{k: v for k, v in r.items() if k != "doc"} for r in recs[:-1]]

    assert body(out["u16.txt"]) == body(out["plain.txt"]) == body(out["html.txt"])
    assert out["u16.txt"][-1]["encoding"] == "utf-16-le"
    assert out["html.txt"][-1]["chars"] == len(plain)


def test_a_chunk_that_times_out_is_an_error_record_and_a_warning(tmp_path: Path, monkeypatch) -> None:
    from warparse import pipeline

    real = pipeline.parse_text

    def fragile(text: str, *args, **kwargs):
        if "Endlosschleife" in text:
            raise TimeoutError("regex timed out")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_text", fragile)
    path = tmp_path / "falle.txt"
    path.write_text(GOOD + "\nEine Endlosschleife im Muster.\n\n" + GOOD, encoding="utf-8")
    assert not [r for r in records(invoke("parse", str(path)).stdout) if r["type"] == "error"]
    result = invoke("parse", "--errors-as-records", str(path))  # error records only on request
    assert result.exit_code == 1
    recs = records(result.stdout)
    errors = [r for r in recs if r["type"] == "error"]
    assert [e["line"] for e in errors] == [5]
    assert f"warparse: warning: {path}: lines 5-5: parsing timed out" in result.stderr
    assert sum(r["type"] == "count" for r in recs) == 2 * sum(
        r["type"] == "count" for r in real(GOOD, "2024-11-05")
    )


# -- adversarial text ---------------------------------------------------------------------------

# Each about 100 000 characters, more than one chunk (the unbalanced quotes 36 000: the quote
# grammar is still quadratic on them, see make bench). Their scaling is measured by make bench.
ADVERSARIAL = {
    "ohne-leerzeichen": "x" * 100_000,
    "offene-anfuehrung": "„Wir halten " * 3_000,
    "nur-anfuehrungszeichen": "„" * 100_000,
    "ziffern": "7" * 100_000,
    "abkuerzungen": "z. B. " * 16_000,
    "punkte": "." * 100_000,
    "tausender": "1.000." * 16_000,
    "leerzeilen": "\n" * 100_000,
    "kleinzeilen": "und dann\n" * 11_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_adversarial_text_parses_without_errors(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(ADVERSARIAL[name], encoding="utf-8")
    result = invoke("parse", "--errors-as-records", str(path))
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert [r["type"] for r in recs].count("error") == 0
    doc = recs[-1]
    assert doc["type"] == "document"
    assert doc["chars"] == len(ADVERSARIAL[name])
    for r in recs[:-1]:
        assert 0 <= r["span"][0] <= r["span"][1] <= doc["chars"]


# -- output safety ------------------------------------------------------------------------------


def test_closed_pipe_ends_quietly_with_status_0(big_file: Path) -> None:
    proc = subprocess.Popen(
        [*WARPARSE, "parse", str(big_file)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert err == b""
    assert json.loads(first)["doc"] == str(big_file)


def test_head_in_a_shell_pipeline(big_file: Path) -> None:
    if not shutil.which("head"):
        pytest.skip("no head")
    cmd = f"{sys.executable} -m warparse parse '{big_file}' | head -1; echo \"status=${{PIPESTATUS[0]}}\" >&2"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=120)
    assert len(proc.stdout.splitlines()) == 1
    assert proc.stderr.decode().strip() == "status=0"


def _wait_for(predicate, seconds: float = 60) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.02)
    return False


@pytest.mark.parametrize("existing", [False, True])
def test_ctrl_c_leaves_no_partial_output(big_file: Path, tmp_path: Path, existing: bool) -> None:
    out = tmp_path / "ergebnis.jsonl"
    if existing:
        out.write_text('{"type": "document", "doc": "alt"}\n')
    proc = subprocess.Popen(
        [*WARPARSE, "parse", "--output", str(out), str(big_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )

    def temp_files() -> list[Path]:
        return [p for p in tmp_path.iterdir() if p.name != out.name]

    # interrupt once the temp file has received records (the parse is under way)
    started = _wait_for(lambda: any(p.stat().st_size > 0 for p in temp_files()))
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert started, "the output temp file never appeared"
    assert proc.returncode != 0
    assert b"Traceback" not in err
    assert temp_files() == []
    if existing:
        assert out.read_text() == '{"type": "document", "doc": "alt"}\n'
    else:
        assert not out.exists()


def test_output_is_complete_when_not_interrupted(big_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "ergebnis.jsonl"
    proc = subprocess.run([*WARPARSE, "parse", "--output", str(out), str(big_file)], capture_output=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    recs = records(out.read_text(encoding="utf-8"))
    doc = recs[-1]
    assert doc["type"] == "document"
    assert doc["chars"] == len(PARAGRAPH) * BIG_REPEAT
    assert sum(doc["records"].values()) == len(recs) - 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ergebnis.jsonl"]
