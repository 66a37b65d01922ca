"""The persistent cache of compiled patterns (warparse.rules.compile_pattern)."""

from __future__ import annotations

import marshal

import regex

from warparse import rules, startup


def _fresh_cache(monkeypatch, path) -> rules._PatternCache:
    monkeypatch.setenv("WARPARSE_REGEX_CACHE", str(path))
    return rules._PatternCache()


def test_a_cached_pattern_matches_like_a_compiled_one(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    source = r"(?P<ort>\L<orte>)\s+(?:wurde|wurden)\s+(?P<verb>\p{L}+)"
    flags = regex.VERSION1 | regex.IGNORECASE
    first = _fresh_cache(monkeypatch, path)
    compiled = first.compile(source, flags, {"orte": ["Charkiw", "Sumy"]})
    first.save()
    assert path.is_file()

    second = _fresh_cache(monkeypatch, path)
    rebuilt = second.compile(source, flags, {"orte": ["Sumy", "Charkiw"]})  # list order is no key
    assert not second.dirty  # rebuilt from the file, nothing compiled
    text = "In der Nacht wurden CHARKIW wurde getroffen und Sumy wurden beschossen."
    expected = [(m.span(), m.group("ort"), m.group("verb")) for m in compiled.finditer(text)]
    assert [(m.span(), m.group("ort"), m.group("verb")) for m in rebuilt.finditer(text)] == expected
    assert expected == [((20, 43), "CHARKIW", "getroffen"), ((48, 70), "Sumy", "beschossen")]
    assert rebuilt.groupindex == compiled.groupindex
    assert rebuilt.flags == compiled.flags


def test_another_pattern_or_other_flags_are_compiled_afresh(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    first = _fresh_cache(monkeypatch, path)
    first.compile(r"Drohnen?", 0, {})
    first.save()
    second = _fresh_cache(monkeypatch, path)
    case_blind = second.compile(r"Drohnen?", regex.IGNORECASE, {})
    assert second.dirty
    assert case_blind.fullmatch("DROHNEN")


def test_a_damaged_or_foreign_file_is_ignored(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"kein marshal")
    cache = _fresh_cache(monkeypatch, path)
    assert cache.compile(r"\d+ Raketen", 0, {}).search("Es waren 12 Raketen.").group() == "12 Raketen"
    # an entry that is no pattern's data (here: code) is compiled afresh, and replaced
    key = ("Angriff", 0, int(regex.DEFAULT_VERSION), ())
    path.write_bytes(marshal.dumps((1, {key: (1, compile("1", "x", "eval"))})))
    cache = _fresh_cache(monkeypatch, path)
    assert cache.compile(r"Angriff", 0, {}).search("Ein Angriff.").group() == "Angriff"
    assert cache.dirty
    cache.save()
    _gen, entries = marshal.loads(path.read_bytes())
    assert entries[key][1][0] == "Angriff"  # the pattern's own data now


def test_the_cache_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("WARPARSE_REGEX_CACHE", "off")
    cache = rules._PatternCache()
    assert cache.path is None
    assert cache.compile(r"Kiew|Kyjiw", 0, {}).search("nach Kyjiw").group() == "Kyjiw"
    assert cache.entries is None  # no file was read


def test_stale_entries_are_dropped_after_some_writes(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    old = _fresh_cache(monkeypatch, path)
    old.compile(r"Marschflugkörper", 0, {})
    old.save()
    for i in range(startup.KEEP_GENERATIONS + 1):
        cache = _fresh_cache(monkeypatch, path)
        cache.compile(rf"Brigade {i}", 0, {})
        cache.save()
    gen, entries = marshal.loads(path.read_bytes())
    assert gen == startup.KEEP_GENERATIONS + 2
    assert all(key[0] != "Marschflugkörper" for key in entries)
    assert any(key[0] == f"Brigade {startup.KEEP_GENERATIONS}" for key in entries)
