"""The start-up caches (warparse.startup, the lexicon store in warparse.lexicons) and the
``warparse`` process entry: they change speed only, never a result."""

from __future__ import annotations

import dataclasses
import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warparse import lexicons, startup
from warparse.pipeline import parse_text
from warparse.rules import compile_pattern

ROOT = Path(__file__).resolve().parent.parent
BULLETIN = (
    "Kiew, 28. Oktober 2024 – In der Nacht hat Russland die Ukraine mit 40 Drohnen angegriffen.\n\n"
    "Die Luftabwehr habe 32 davon abgeschossen, teilte die ukrainische Luftwaffe mit.\n"
)


def _store(monkeypatch, tmp_path: Path, data: Path) -> lexicons._Store:
    """A lexicon store over the data directory ``data``, its file in ``tmp_path/cache``."""
    monkeypatch.setenv("WARPARSE_REGEX_CACHE", str(tmp_path / "cache" / "patterns.marshal"))
    monkeypatch.setattr(lexicons, "_DATA", str(data))
    return lexicons._Store()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    (data / "orte.txt").write_text("# Orte\nKiew\nCharkiw\n", encoding="utf-8")
    (data / "waffen.tsv").write_text("form\tkind\nShahed\tdrone\nIskander\tmissile\n", encoding="utf-8")
    return data


def test_a_lexicon_comes_back_from_the_file_unchanged(monkeypatch, tmp_path, data_dir):
    first = _store(monkeypatch, tmp_path, data_dir)
    assert first.get("word_list", "orte", lexicons._word_list) == ("Kiew", "Charkiw")
    rows = first.get("table", "waffen", lexicons._table)
    assert rows == ({"form": "Shahed", "kind": "drone"}, {"form": "Iskander", "kind": "missile"})
    assert first.dirty
    first.save()
    assert list((tmp_path / "cache").glob("lexicons-*.marshal"))

    second = _store(monkeypatch, tmp_path, data_dir)
    assert second.get("word_list", "orte", lexicons._word_list) == ("Kiew", "Charkiw")
    assert second.get("table", "waffen", lexicons._table) == rows
    assert not second.dirty  # both from the file, nothing built


def test_an_edited_lexicon_is_read_again(monkeypatch, tmp_path, data_dir):
    first = _store(monkeypatch, tmp_path, data_dir)
    first.get("word_set", "orte", lexicons._word_set)
    first.save()
    # same size, other content: the mtime tells (set apart explicitly: coarse clocks)
    path = data_dir / "orte.txt"
    path.write_text("# Orte\nKyiw\nCharkiw\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    second = _store(monkeypatch, tmp_path, data_dir)
    assert second.get("word_set", "orte", lexicons._word_set) == frozenset({"Kyiw", "Charkiw"})
    assert second.dirty
    # a new file in the directory changes the key as well
    second.save()
    (data_dir / "neu.txt").write_text("Sumy\n", encoding="utf-8")
    third = _store(monkeypatch, tmp_path, data_dir)
    third.get("word_set", "orte", lexicons._word_set)
    assert third.dirty


def test_a_lexicon_changed_in_place_by_a_caller_is_not_written_back(monkeypatch, tmp_path, data_dir):
    first = _store(monkeypatch, tmp_path, data_dir)
    rows = first.get("table", "waffen", lexicons._table)
    rows[0]["kind"] = "geändert"
    first.get("word_list", "orte", lexicons._word_list)
    first.save()
    second = _store(monkeypatch, tmp_path, data_dir)
    assert second.get("table", "waffen", lexicons._table)[0]["kind"] == "drone"


def test_a_damaged_lexicon_file_is_ignored(monkeypatch, tmp_path, data_dir):
    first = _store(monkeypatch, tmp_path, data_dir)
    first.get("word_list", "orte", lexicons._word_list)
    first.save()
    (path,) = (tmp_path / "cache").glob("lexicons-*.marshal")
    path.write_bytes(path.read_bytes()[:40])
    second = _store(monkeypatch, tmp_path, data_dir)
    assert second.get("word_list", "orte", lexicons._word_list) == ("Kiew", "Charkiw")


def test_an_unwritable_cache_directory_only_costs_speed(monkeypatch, tmp_path, data_dir):
    blocker = tmp_path / "keine-verzeichnis"
    blocker.write_text("a file where the cache directory should be\n", encoding="utf-8")
    monkeypatch.setenv("WARPARSE_REGEX_CACHE", str(blocker / "sub" / "patterns.marshal"))
    monkeypatch.setattr(lexicons, "_DATA", str(data_dir))
    store = lexicons._Store()
    assert store.get("word_list", "orte", lexicons._word_list) == ("Kiew", "Charkiw")
    store.save()  # no exception
    assert startup.write_bytes(str(blocker / "sub" / "x.marshal"), b"x") is False
    assert not list(tmp_path.rglob("*.tmp"))
    code = startup.CodeCache(str(blocker / "sub" / "code.marshal"))
    assert code.code("x = 1") is not None
    code.save()  # no exception


def test_the_caches_can_be_switched_off(monkeypatch, data_dir):
    monkeypatch.setenv("WARPARSE_REGEX_CACHE", "off")
    monkeypatch.setattr(lexicons, "_DATA", str(data_dir))
    assert startup.cache_dir() is None
    store = lexicons._Store()
    assert store.path is None
    assert store.get("word_list", "orte", lexicons._word_list) == ("Kiew", "Charkiw")
    assert store.entries is None  # no file was read


def _package(tmp_path: Path) -> Path:
    """A stand-in package directory with one module (the data directory stays apart)."""
    package = tmp_path / "paket"
    (package / "grammar").mkdir(parents=True)
    (package / "grammar" / "orte.py").write_text("ORTE = 1\n", encoding="utf-8")
    return package


def test_a_derived_pattern_is_kept_until_a_module_changes(monkeypatch, tmp_path, data_dir):
    package = _package(tmp_path)
    monkeypatch.setattr(lexicons, "_PACKAGE", str(package))
    calls = []

    def orte_re():
        calls.append(1)
        words = lexicons._word_list("orte")
        return (compile_pattern("|".join(words)), words)

    def run() -> tuple:
        monkeypatch.setattr(lexicons, "_STORE", _store(monkeypatch, tmp_path, data_dir))
        pattern, words = lexicons.derived(orte_re)()
        assert words == ("Kiew", "Charkiw")
        assert [m.group() for m in pattern.finditer("Von Charkiw nach Kiew.")] == ["Charkiw", "Kiew"]
        lexicons._STORE.save()
        return pattern, words

    run()
    run()
    assert len(calls) == 1  # the second run: from the file, pattern rebuilt from its opcodes
    module = package / "grammar" / "orte.py"
    module.write_text("ORTE = 2\n", encoding="utf-8")  # the code changed: built again
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 5_000_000_000))
    run()
    assert len(calls) == 2


def test_a_derived_value_that_is_not_plain_data_is_built_every_time(monkeypatch, tmp_path, data_dir):
    monkeypatch.setattr(lexicons, "_PACKAGE", str(_package(tmp_path)))
    calls = []

    def treffer():
        calls.append(1)
        return {"Kiew": object()}

    for _run in range(2):
        monkeypatch.setattr(lexicons, "_STORE", _store(monkeypatch, tmp_path, data_dir))
        assert set(lexicons.derived(treffer)()) == {"Kiew"}
        lexicons._STORE.save()
    assert len(calls) == 2


def test_generated_dataclass_code_comes_back_from_the_file(monkeypatch, tmp_path):
    path = str(tmp_path / "dataclasses.marshal")

    def make(cache: startup.CodeCache) -> type:
        monkeypatch.setattr(dataclasses, "exec", cache.exec, raising=False)
        try:

            @dataclasses.dataclass(frozen=True, slots=True)
            class Treffer:
                ort: str
                zahl: int = 0

            return Treffer
        finally:
            monkeypatch.delattr(dataclasses, "exec")

    first = startup.CodeCache(path)
    built = make(first)
    assert first.dirty
    first.save()
    second = startup.CodeCache(path)
    cached = make(second)
    assert not second.dirty  # every method from the file
    a, b = cached("Cherson", 3), cached("Cherson", 3)
    assert a == b and hash(a) == hash(b) and repr(a).endswith("Treffer(ort='Cherson', zahl=3)")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.zahl = 4  # type: ignore[misc]
    # compiled like dataclasses' own exec: not with this module's __future__ annotations
    assert cached.__init__.__annotations__ == built.__init__.__annotations__ == {
        "ort": "str",
        "zahl": "int",
        "return": None,
    }


def test_a_damaged_or_foreign_code_file_is_ignored(tmp_path):
    path = tmp_path / "dataclasses.marshal"
    path.write_bytes(b"kein marshal")
    assert startup.CodeCache(str(path)).code("y = 2") is not None
    path.write_bytes(marshal.dumps(("Python 0.1", 1, {"y = 2": (1, "kein Code")})))
    cache = startup.CodeCache(str(path))
    namespace: dict = {}
    cache.exec("y = 2", namespace)
    assert namespace["y"] == 2 and cache.dirty
    # entries of another shape on disk: this run's entries are written all the same
    path.write_bytes(marshal.dumps((sys.version, 1, {"z = 3": "kein Eintrag"})))
    cache.save()
    again = startup.CodeCache(str(path))
    again.exec("y = 2", namespace)
    assert not again.dirty


def test_exit_now_does_nothing_outside_a_prepared_process(monkeypatch):
    monkeypatch.setattr(startup, "_prepared", False)
    assert startup.exit_now(0) is None  # still here


@pytest.mark.slow
def test_the_warparse_process_gives_the_library_records_with_warm_and_cold_caches(tmp_path):
    bulletin = tmp_path / "2024-10-28-kiew.txt"
    bulletin.write_text(BULLETIN, encoding="utf-8")
    expected = [json.dumps(r, ensure_ascii=False) for r in parse_text(BULLETIN, "2024-10-28", str(bulletin))]
    cmd = [sys.executable, "-m", "warparse", "parse", "--ref-date", "2024-10-28", str(bulletin)]
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("WARPARSE_REGEX_CACHE", None)
    for _run in ("cold", "warm"):
        done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[:-1] == expected  # the last line: the document record
        assert json.loads(done.stdout.splitlines()[-1])["type"] == "document"
    names = sorted(p.name.split("-")[0] for p in (tmp_path / "cache" / "warparse").iterdir())
    assert names == ["dataclasses", "lexicons", "patterns"]
    # a failed input: exit status 1 (the process ends early, the status must survive that)
    done = subprocess.run([*cmd, str(tmp_path / "fehlt.txt")], capture_output=True, text=True, env=env)
    assert done.returncode == 1 and "fehlt.txt" in done.stderr
    # a read-only HOME, no cache at all: the same records
    for setting in ({"XDG_CACHE_HOME": str(bulletin / "nicht-da")}, {"WARPARSE_REGEX_CACHE": "off"}):
        done = subprocess.run(cmd, capture_output=True, text=True, env={**env, **setting}, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[:-1] == expected


def test_every_dataclass_has_a_docstring():
    """``dataclasses`` writes a docstring for a class without one through
    ``inspect.signature`` (~0.1 ms a class, at every start): ours all have their own."""
    import importlib
    import pkgutil

    import warparse

    missing = []
    for info in pkgutil.walk_packages(warparse.__path__, "warparse."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                if (value.__doc__ or "").startswith(f"{value.__name__}("):
                    missing.append(f"{info.name}.{name}")
    assert missing == []


def test_a_deferred_module_loads_on_first_use():
    """``defer_import``: ``import inspect`` finds the stand-in without loading anything; the
    first attribute used loads the real module, which every holder then sees."""
    code = """
import sys
from warparse.startup import defer_import
defer_import("inspect")
import dataclasses, inspect
assert "ast" not in sys.modules and type(sys.modules["inspect"]).__name__ == "_DeferredModule"
@dataclasses.dataclass
class NoDoc:
    x: int
assert NoDoc.__doc__ == "NoDoc(x: int)", NoDoc.__doc__  # written through inspect.signature
real = sys.modules["inspect"]
assert type(real).__name__ == "module" and "ast" in sys.modules
assert inspect.signature is real.signature and dataclasses.inspect.isclass(int)
from inspect import Parameter
assert Parameter is real.Parameter
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert done.stdout == "ok\n", done.stderr
