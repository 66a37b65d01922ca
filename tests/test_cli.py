"""`warparse parse` (and the shared CLI behaviour) through click's runner and as a real process."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse import __version__
from warparse.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
ODESA = FIXTURES / "odesa-v1.txt"
KHARKIV = FIXTURES / "kharkiv-2024-11-02.txt"


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def run(*args: str, input: bytes | None = None, cwd: Path = ROOT, env: dict | None = None):
    return subprocess.run(
        [sys.executable, "-m", "warparse", *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_parse_file_ends_with_document_record():
    result = invoke("parse", str(ODESA))
    assert result.exit_code == 0, result.output
    recs = lines(result.stdout)
    doc = recs[-1]
    assert doc["type"] == "document"
    assert [r["type"] for r in recs].count("document") == 1
    assert doc["doc"] == str(ODESA)
    assert doc["sha256"] == hashlib.sha256(ODESA.read_bytes()).hexdigest()
    assert doc["encoding"] == "utf-8"
    assert doc["ref_date"] == "2025-03-14"  # from the dateline "ODESA, 14. März 2025 (...)"
    body = recs[:-1]
    for t, n in doc["records"].items():
        assert n == sum(r["type"] == t for r in body)
    assert all(r["doc"] == str(ODESA) for r in recs)
    text = ODESA.read_text(encoding="utf-8")
    counts = [r for r in body if r["type"] == "count"]
    assert {r["value"] for r in counts} >= {48, 35, 21}
    for r in body:
        assert 0 <= r["span"][0] < r["span"][1] <= len(text)


def test_ref_date_from_file_name_and_option():
    assert lines(invoke("parse", str(KHARKIV)).stdout)[-1]["ref_date"] == "2024-11-02"
    given = lines(invoke("parse", "--ref-date", "2024-11-03", str(KHARKIV)).stdout)[-1]
    assert given["ref_date"] == "2024-11-03"
    bad = invoke("parse", "--ref-date", "2024-13-45", str(KHARKIV))
    assert bad.exit_code == 2
    assert "YYYY-MM-DD" in bad.stderr


def test_stdin_dash_and_no_argument():
    text = KHARKIV.read_text(encoding="utf-8")
    for args in (["parse", "-"], ["parse"]):
        recs = lines(invoke(*args, input=text).stdout)
        assert recs[-1]["type"] == "document"
        assert recs[-1]["doc"] == "-"
        assert recs[-1]["ref_date"] is None  # no dateline, no file name
        assert sorted(r["value"] for r in recs if r["type"] == "count") == [3, 4, 6, 9, 22, 30]


def test_type_filter():
    recs = lines(invoke("parse", "--type", "count", str(KHARKIV)).stdout)
    assert recs and {r["type"] for r in recs} == {"count"}
    recs = lines(invoke("parse", "--type", "count,document", str(KHARKIV)).stdout)
    assert {r["type"] for r in recs} == {"count", "document"}
    bad = invoke("parse", "--type", "counts", str(KHARKIV))
    assert bad.exit_code == 2
    assert "unknown record type counts" in bad.stderr


def test_glob_expanded_in_process():
    result = invoke("parse", "--type", "document", str(FIXTURES / "odesa-v*.txt"))
    assert result.exit_code == 0
    assert [r["doc"] for r in lines(result.stdout)] == [
        str(FIXTURES / "odesa-v1.txt"),
        str(FIXTURES / "odesa-v2.txt"),
    ]
    none = invoke("parse", str(FIXTURES / "nothing-*.txt"))
    assert none.exit_code == 1
    assert "nothing-*.txt: no file matches" in none.stderr


def test_output_file_is_written_atomically(tmp_path):
    out = tmp_path / "sub" / "out.jsonl"
    result = invoke("parse", "--output", str(out), str(KHARKIV), str(ODESA))
    assert result.exit_code == 0
    assert result.stdout == ""
    recs = lines(out.read_text(encoding="utf-8"))
    assert [r["doc"] for r in recs if r["type"] == "document"] == [str(KHARKIV), str(ODESA)]
    assert sorted(p.name for p in out.parent.iterdir()) == ["out.jsonl"]  # no temp file left


def test_failed_input_names_the_file_and_the_rest_is_parsed(tmp_path):
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PDF\x00" * 20)
    result = invoke("parse", str(tmp_path / "missing.txt"), str(KHARKIV), str(binary), str(tmp_path))
    assert result.exit_code == 1
    err = result.stderr
    assert f"{tmp_path / 'missing.txt'}: no such file" in err
    assert f"{binary}: binary file" in err
    assert f"{tmp_path}: is a directory" in err
    assert "Traceback" not in err
    assert [r["doc"] for r in lines(result.stdout) if r["type"] == "document"] == [str(KHARKIV)]


def test_errors_as_records(tmp_path):
    result = invoke("parse", "--errors-as-records", str(tmp_path / "missing.txt"), str(KHARKIV))
    assert result.exit_code == 1
    recs = lines(result.stdout)
    assert recs[0] == {
        "type": "error",
        "doc": str(tmp_path / "missing.txt"),
        "id": "e1",
        "span": [0, 0],
        "message": "no such file",
    }
    assert recs[-1]["type"] == "document"


def test_internal_error_is_one_line_and_exit_2(monkeypatch):
    import warparse.source

    def boom(*_a, **_k):
        raise RuntimeError("grammar exploded")

    monkeypatch.setattr(warparse.source, "records_of", boom)
    result = invoke("parse", str(KHARKIV))
    assert result.exit_code == 2
    assert result.stderr == f"warparse: internal error: {KHARKIV}: RuntimeError: grammar exploded\n"


def test_pretty_and_explain():
    result = invoke("parse", "--pretty", "--explain", str(KHARKIV))
    assert result.exit_code == 0
    decoder, text, pos, recs = json.JSONDecoder(), result.stdout, 0, []
    while pos < len(text.rstrip()):
        rec, end = decoder.raw_decode(text, pos)
        recs.append(rec)
        pos = end + 1
    assert len(result.stdout.splitlines()) > len(recs)  # indented
    assert recs[-1]["type"] == "document"
    for rec in recs[:-1]:
        assert rec["rules"] and all(isinstance(r, str) and "." in r for r in rec["rules"])


def test_tokens_still_works():
    result = invoke("tokens", "-", input="Am 14. März wurden 21 Menschen verletzt.")
    toks = lines(result.stdout)
    assert [t["text"] for t in toks][:3] == ["Am", "14.", "März"]


# -- real processes ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_subprocess_parse_version_and_neither_rich_nor_click():
    done = run("--version")
    assert done.returncode == 0
    assert done.stdout.decode().strip() == f"warparse, version {__version__}"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "warparse", "parse", str(KHARKIV)],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0
    assert lines(done.stdout.decode())[-1]["type"] == "document"
    imported = {line.split("|")[-1].strip() for line in done.stderr.decode().splitlines() if "|" in line}
    assert "warparse.parse_command" in imported  # the fast path: a plain `parse` line needs no click
    # start-up time: neither rich nor click, nor typing (annotations only, see TYPE_CHECKING),
    # nor inspect with ast and dis (deferred: see warparse.startup.defer_import)
    unwanted = ("rich", "click", "typing", "inspect", "ast", "dis")
    assert not {m for m in imported if m.split(".")[0] in unwanted}


@pytest.mark.slow
def test_subprocess_head_ends_quietly(tmp_path):
    big = tmp_path / "long.txt"
    big.write_text("".join(f"In Ort {i} wurden {i + 3} Häuser beschädigt.\n" for i in range(400)), "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "warparse", "parse", *[str(big)] * 10],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 0
    assert json.loads(first)["type"] == "count"
    assert err == b""


@pytest.mark.slow
def test_subprocess_head_in_a_shell_pipeline():
    if shutil.which("bash") is None or shutil.which("head") is None:
        pytest.skip("no bash/head")
    cmd = f'"{sys.executable}" -m warparse parse "{KHARKIV}" "{ODESA}" | head -1; exit ${{PIPESTATUS[0]}}'
    done = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == b""


@pytest.mark.slow
def test_subprocess_failed_input_exit_1_no_traceback(tmp_path):
    done = run("parse", str(tmp_path / "gone.txt"), str(KHARKIV))
    assert done.returncode == 1
    assert done.stderr.decode() == f"warparse: error: {tmp_path / 'gone.txt'}: no such file\n"
    assert lines(done.stdout.decode())[-1]["doc"] == str(KHARKIV)


@pytest.mark.slow
def test_subprocess_glob_and_output(tmp_path):
    out = tmp_path / "all.jsonl"
    done = run("parse", "--output", str(out), "tests/fixtures/odesa-v*.txt")
    assert done.returncode == 0 and done.stdout == b""
    docs = [r["doc"] for r in lines(out.read_text("utf-8")) if r["type"] == "document"]
    assert docs == ["tests/fixtures/odesa-v1.txt", "tests/fixtures/odesa-v2.txt"]


@pytest.mark.slow
def test_subprocess_schema_and_tokens():
    from warparse.schema import bundle

    done = run("schema")
    assert done.returncode == 0
    assert json.loads(done.stdout) == bundle()
    done = run("tokens", "-", input=b"Am 2. November wurden 9 Menschen verletzt.")
    assert done.returncode == 0
    assert [t["text"] for t in lines(done.stdout.decode())][-3:] == ["Menschen", "verletzt", "."]


# -- jq ---------------------------------------------------------------------------------------------


def _jq(filter_: str, data: bytes) -> str:
    done = subprocess.run(["jq", "-s", filter_], input=data, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.decode().strip()


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
def test_jq_on_own_fixture():
    done = run("parse", str(KHARKIV))
    assert _jq('map(select(.type=="count") | .value) | add', done.stdout) == "74"
    assert _jq('map(select(.type=="document") | .ref_date) | .[0]', done.stdout) == '"2024-11-02"'
    # a join: every record's doc has its document record
    assert (
        _jq('(map(select(.type=="document") | .doc)) as $d | map(.doc | IN($d[])) | all', done.stdout)
        == "true"
    )


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("jq") is None, reason="jq not installed")
@pytest.mark.skipif(not (SHARED / "corpus" / "seed-000.txt").exists(), reason="../shared missing")
def test_jq_seed_shot_down_drones_is_66():
    """Needs the count grammar (issue #3): 66 feindliche Drohnen abgeschossen."""
    done = run("parse", "--ref-date", "2024-10-28", str(SHARED / "corpus" / "seed-000.txt"))
    assert done.returncode == 0
    total = _jq(
        'map(select(.type=="count" and .category=="drone" and .outcome=="shot_down") | .value) | add',
        done.stdout,
    )
    assert total == "66"


def test_parse_failed_chunk_sets_status_and_error_record_only_on_request(monkeypatch, tmp_path):
    """A part of an input the grammar fails on is reported on stderr, makes the exit status 1,
    and appears as an `error` record only with --errors-as-records."""
    import warparse.pipeline as pipeline

    real = pipeline.parse_text

    def flaky(text, *args, **kwargs):
        if "Sprengfalle" in text:
            raise TimeoutError("regex timed out")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_text", flaky)
    bulletin = tmp_path / "b.txt"
    bulletin.write_text("Eine Sprengfalle detonierte in Cherson.\n\nZwei Drohnen wurden abgeschossen.\n",
                        encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(main, ["parse", "--ref-date", "2024-10-28", str(bulletin)])
    assert plain.exit_code == 1
    assert '"type": "error"' not in plain.stdout
    assert "b.txt" in plain.stderr
    args = ["parse", "--errors-as-records", "--ref-date", "2024-10-28", str(bulletin)]
    with_errors = runner.invoke(main, args)
    assert with_errors.exit_code == 1
    types = [json.loads(line)["type"] for line in with_errors.stdout.splitlines()]
    assert "error" in types and "document" in types
