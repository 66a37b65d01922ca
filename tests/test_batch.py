"""`warparse batch`: mirror, incremental, atomic, locked, parallel, and the same on Dask.

The inputs are generated: bulletins in the style of the corpus, built from
sentences written for these tests with varied places, dates and figures.
"""

from __future__ import annotations

import hashlib
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from warparse.batch import LOCK, MANIFEST, Options, discover, locked, run
from warparse.cli import main
from warparse.output import TMP_PREFIX

ROOT = Path(__file__).resolve().parent.parent
N_FILES = 210

PLACES = [
    "Charkiw",
    "Odesa",
    "Sumy",
    "Tschernihiw",
    "Poltawa",
    "Mykolajiw",
    "Dnipro",
    "Saporischschja",
    "Cherson",
    "Schytomyr",
    "Winnyzja",
    "Riwne",
]
MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
PARAGRAPHS = [
    "In der Nacht zum {day}. {month} hat Russland die Region {p1} mit {a} Drohnen angegriffen. Die "
    "Luftverteidigung schoss nach Angaben der Luftwaffe {b} Drohnen ab, {c} weitere gingen vor Ort verloren.",
    "Bei dem Angriff auf {p2} wurden {d} Menschen verletzt, darunter {e} Kinder. Nach Angaben der "
    "Gebietsverwaltung wurden {f} Wohnhäuser beschädigt.",
    "„Die Rettungskräfte arbeiten seit den frühen Morgenstunden an den Trümmern“, sagte Bürgermeister "
    "Andrij Koval. Er fügte hinzu, dass die Versorgung mit Strom bis zum Abend wiederhergestellt sein solle.",
    "Am Vormittag beschoss die russische Armee {g} Ortschaften im Grenzgebiet von {p1} mit Artillerie. "
    "Dabei wurden {h} Gebäude zerstört.",
    "Der Generalstab meldete {i} Gefechte entlang der Front in den vergangenen 24 Stunden.",
]


def bulletin(n: int) -> str:
    v = {
        "day": 1 + n % 28,
        "month": MONTHS[n % 12],
        "p1": PLACES[n % len(PLACES)],
        "p2": PLACES[(n * 7 + 3) % len(PLACES)],
        "a": 20 + n % 80,
        "b": 10 + n % 50,
        "c": 2 + n % 9,
        "d": 2 + n % 40,
        "e": 2 + n % 3,
        "f": 3 + n % 17,
        "g": 4 + n % 12,
        "h": 2 + n % 6,
        "i": 90 + n % 120,
    }
    head = f"Angriffe auf {v['p1']} und {v['p2']}\n"
    paras = [PARAGRAPHS[(n + k) % len(PARAGRAPHS)].format(**v) for k in range(3 + n % 3)]
    return head + "\n".join(paras) + "\n"


def make_corpus(root: Path, n: int = N_FILES) -> list[str]:
    """``n`` bulletins in nested folders; returns their relative paths."""
    rels = []
    for i in range(n):
        rel = f"{2024 + i % 2}/{i % 12 + 1:02d}/bulletin-{i:04d}.txt"
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(bulletin(i), encoding="utf-8")
        rels.append(rel)
    (root / "notes.md").write_text("not a bulletin\n", encoding="utf-8")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "skip.txt").write_text("Versteckt.\n", encoding="utf-8")
    return sorted(rels)


def outputs(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): p.read_text("utf-8") for p in sorted(out.rglob("*.jsonl"))}


def assert_complete(text: str, rel: str) -> None:
    recs = [json.loads(line) for line in text.splitlines()]
    assert recs[-1]["type"] == "document"
    assert recs[-1]["doc"] == rel
    assert all(r["doc"] == rel for r in recs)


def assert_mirrors(out: Path, src: Path, rels: list[str]) -> None:
    """OUT holds one complete output per input, made from the input's current bytes.

    (Structural on purpose: the subprocess runs import the extractors afresh,
    and in a shared working tree those may change while the tests run.)
    """
    got = outputs(out)
    assert sorted(got) == sorted(r[:-4] + ".jsonl" for r in rels)
    for rel in rels:
        text = got[rel[:-4] + ".jsonl"]
        assert_complete(text, rel)
        doc = json.loads(text.splitlines()[-1])
        assert doc["sha256"] == hashlib.sha256((src / rel).read_bytes()).hexdigest()


def summary_of(stdout: str) -> dict[str, int]:
    line = stdout.strip().splitlines()[-1].split(" (")[0]  # "warparse batch: 210 inputs: 3 parsed, ..."
    words = line.replace(",", "").replace(":", "").split()
    return {
        w: int(words[i - 1]) for i, w in enumerate(words) if w in ("parsed", "unchanged", "failed", "removed")
    }


def batch_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "warparse", "batch", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("bulletins")
    return root, make_corpus(root)


@pytest.fixture(scope="module")
def mirrored(corpus, tmp_path_factory):
    """One clean run of the command over the corpus: (OUT_DIR, the click result)."""
    root, _ = corpus
    out = tmp_path_factory.mktemp("mirrored") / "out"
    return out, CliRunner().invoke(main, ["batch", str(root), str(out)])


@pytest.fixture(scope="module")
def reference(mirrored) -> dict[str, str]:
    """What every other run in this process must produce."""
    return outputs(mirrored[0])


def test_discover_skips_hidden_and_other_files(corpus):
    root, rels = corpus
    assert discover(root) == rels
    assert len(rels) >= 200


def test_mirror_then_nothing_to_do(corpus, mirrored):
    root, rels = corpus
    out, first = mirrored
    assert first.exit_code == 0, first.output
    assert summary_of(first.stdout) == {"parsed": len(rels), "unchanged": 0, "failed": 0}
    assert_mirrors(out, root, rels)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.jsonl")}
    second = CliRunner().invoke(main, ["batch", str(root), str(out)])
    assert second.exit_code == 0
    assert summary_of(second.stdout) == {"parsed": 0, "unchanged": len(rels), "failed": 0}
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.jsonl")} == before  # not even rewritten


def test_changed_added_removed_and_bad_inputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    rels = make_corpus(src, 12)
    assert run(src, out).parsed == 12
    (src / rels[0]).write_text(bulletin(999), encoding="utf-8")  # changed
    (src / rels[1]).unlink()  # removed: its output goes too
    (src / "neu.txt").write_text(bulletin(5), encoding="utf-8")  # added
    (src / "kaputt.txt").write_bytes(b"\x00\x01\x02" * 50)  # binary
    messages: list[str] = []
    summary = run(src, out, report=messages.append)
    assert (summary.parsed, summary.unchanged, summary.removed) == (2, 10, 1)
    assert summary.failed == [("kaputt.txt", summary.failed[0][1])]
    assert any(m.startswith("error: kaputt.txt: binary file") for m in messages)
    assert not (out / (rels[1][:-4] + ".jsonl")).exists()
    assert not (out / "kaputt.jsonl").exists()
    assert "neu.txt" in json.loads((out / MANIFEST).read_text("utf-8"))["files"]
    forced = CliRunner().invoke(main, ["batch", "--force", str(src), str(out)])
    assert summary_of(forced.stdout) == {"parsed": 12, "unchanged": 0, "failed": 1}
    # a different option redoes everything; the bad input keeps failing with exit status 1
    result = CliRunner().invoke(main, ["batch", "--explain", str(src), str(out)])
    assert result.exit_code == 1
    assert summary_of(result.stdout) == {"parsed": 12, "unchanged": 0, "failed": 1}
    assert "warparse: error: kaputt.txt: binary file" in result.stderr
    assert "failed: kaputt.txt" in result.stdout


def test_locked_out_dir_fails_fast_with_status_3(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_corpus(src, 3)
    out.mkdir()
    with locked(out, wait=False, report=print):  # another run holds the lock
        result = CliRunner().invoke(main, ["batch", str(src), str(out)])
    assert result.exit_code == 3
    assert "another warparse batch" in result.stderr and "--wait" in result.stderr
    assert outputs(out) == {}
    assert CliRunner().invoke(main, ["batch", str(src), str(out)]).exit_code == 0


def test_progress_bar_and_summary_line(tmp_path):
    src = tmp_path / "in"
    make_corpus(src, 5)
    result = CliRunner().invoke(main, ["batch", "--progress", str(src), str(tmp_path / "out")])
    assert result.exit_code == 0
    assert result.stdout.startswith("warparse batch: 5 inputs: 5 parsed, 0 unchanged, 0 failed (")
    assert result.stdout.rstrip().endswith(f"-> {tmp_path / 'out'}")
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.slow
def test_jobs_on_local_processes(corpus, reference, tmp_path):
    root, rels = corpus
    summary = run(root, tmp_path / "out", Options(), jobs=2)
    assert summary.parsed == len(rels)
    assert outputs(tmp_path / "out") == reference


@pytest.mark.slow
def test_killed_run_leaves_no_partial_output(corpus, reference, tmp_path):
    root, rels = corpus
    out = tmp_path / "out"
    proc = subprocess.Popen(
        batch_cmd(str(root), str(out)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.rglob("*.jsonl"))) < 10:
        time.sleep(0.002)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    done = outputs(out)
    assert 10 <= len(done) < len(rels)
    for name, text in done.items():  # every output there is complete
        assert_complete(text, name[:-6] + ".txt")
    # the next run completes the job and sweeps the temp files
    finish = subprocess.run(batch_cmd(str(root), str(out)), cwd=ROOT, capture_output=True, timeout=300)
    assert finish.returncode == 0, finish.stderr
    counts = summary_of(finish.stdout.decode())
    assert counts["parsed"] + counts["unchanged"] == len(rels)
    assert counts["parsed"] >= len(rels) - len(done)
    assert_mirrors(out, root, rels)
    assert list(out.rglob(TMP_PREFIX + "*")) == []


@pytest.mark.slow
def test_concurrent_runs_never_share_a_file(corpus, reference, tmp_path):
    root, rels = corpus
    out = tmp_path / "out"
    first = subprocess.Popen(
        batch_cmd(str(root), str(out)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    while not (out / LOCK).exists() or not (out / LOCK).read_text().strip():
        time.sleep(0.002)
    fail_fast = subprocess.run(batch_cmd(str(root), str(out)), cwd=ROOT, capture_output=True, timeout=300)
    waiting = subprocess.Popen(
        batch_cmd("--wait", str(root), str(out)), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    a_out, _ = first.communicate(timeout=300)
    b_out, _ = waiting.communicate(timeout=300)
    a, b = summary_of(a_out.decode()), summary_of(b_out.decode())
    if fail_fast.returncode == 3:  # it came while the first held the lock
        assert b"another warparse batch" in fail_fast.stderr
        assert fail_fast.stdout == b""
    else:  # the first was already done: nothing left to do
        assert summary_of(fail_fast.stdout.decode())["parsed"] == 0
    assert first.returncode == 0 and waiting.returncode == 0
    assert a["parsed"] + b["parsed"] == len(rels)  # every file parsed exactly once
    assert b["parsed"] == 0 and b["unchanged"] == len(rels)
    assert_mirrors(out, root, rels)


@pytest.mark.slow
def test_dask_run_equals_local_run(corpus, tmp_path):
    distributed = pytest.importorskip("distributed")
    root, rels = corpus
    # the local run as a fresh process, like the Dask workers (same code, imported now)
    local = subprocess.run(
        batch_cmd(str(root), str(tmp_path / "local")), cwd=ROOT, capture_output=True, timeout=300
    )
    assert local.returncode == 0
    with distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        summary = run(root, tmp_path / "dask", Options(), dask_address=cluster.scheduler_address)
        assert summary.parsed == len(rels) and not summary.failed
        assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
        # the same through the command line, incremental as ever
        result = CliRunner().invoke(
            main, ["batch", "--dask", cluster.scheduler_address, str(root), str(tmp_path / "dask")]
        )
        assert result.exit_code == 0
        assert summary_of(result.stdout)["unchanged"] == len(rels)
    manifest = json.loads((tmp_path / "dask" / MANIFEST).read_text("utf-8"))["files"]
    assert manifest == json.loads((tmp_path / "local" / MANIFEST).read_text("utf-8"))["files"]


def test_dask_unreachable_scheduler_is_an_error(tmp_path):
    pytest.importorskip("distributed")
    src = tmp_path / "in"
    make_corpus(src, 2)
    result = CliRunner().invoke(
        main, ["batch", "--dask", "tcp://127.0.0.1:1", "--dask-timeout", "1", str(src), str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in result.stderr
