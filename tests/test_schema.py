"""The JSON Schema of the records (warparse/schema/*.json) against real `parse` output."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from warparse import records
from warparse.cli import RECORD_TYPES, main
from warparse.schema import TYPES, bundle, load
from warparse.source import records_of

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
BULLETINS = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
CORPUS = sorted((SHARED / "corpus").glob("*.txt"))
VALIDATOR = jsonschema.Draft202012Validator(bundle())


def _problems(rec: dict) -> list[str]:
    one = jsonschema.Draft202012Validator(load(rec["type"]))
    return [f"{rec['type']} {list(e.absolute_path)}: {e.message}" for e in one.iter_errors(rec)]


def test_every_schema_is_valid_and_covers_every_type():
    assert set(TYPES) == set(RECORD_TYPES)
    for name in TYPES:
        schema = load(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["properties"]["type"] == {"const": name}
    jsonschema.Draft202012Validator.check_schema(bundle())


def test_vocabularies_match_the_record_model():
    count, incident = load("count")["properties"], load("incident")["properties"]
    assert count["category"]["enum"] == list(records.CATEGORIES)
    assert count["outcome"]["enum"] == list(records.OUTCOMES)
    assert count["qualifier"]["enum"] == list(records.QUALIFIERS)
    assert incident["event"]["enum"] == list(records.EVENTS)
    assert incident["weapons"]["items"]["properties"]["class"]["enum"] == list(records.WEAPON_CLASSES)
    assert set(records.FIGURE_KEYS) <= set(incident)


def test_schema_rejects_what_the_contract_forbids():
    good = {
        "type": "count",
        "doc": "x",
        "span": [0, 5],
        "value": 5,
        "item": "drohne",
        "category": "drone",
        "outcome": "launched",
        "qualifier": "exact",
    }
    assert VALIDATOR.is_valid(good)
    for bad in (
        {**good, "category": "drones"},
        {**good, "span": [0]},
        {**good, "value": "5"},
        {k: v for k, v in good.items() if k != "outcome"},
        {**good, "type": "counts"},
    ):
        assert not VALIDATOR.is_valid(bad)
    incident = {
        "type": "incident",
        "doc": "x",
        "span": [0, 5],
        "event": "air_attack",
        "date": "2024-1-5",
        "weapons": [],
        "locations": [],
    }
    assert not VALIDATOR.is_valid(incident)
    assert VALIDATOR.is_valid({**incident, "date": "--01-05"})
    assert VALIDATOR.is_valid({**incident, "date": None})


@pytest.mark.parametrize("path", BULLETINS, ids=lambda p: p.name)
def test_output_on_samples_validates(path):
    for explain in (False, True):
        recs = list(records_of(str(path), explain=explain))
        assert recs[-1]["type"] == "document"
        for rec in recs:
            assert _problems(rec) == []
            assert VALIDATOR.is_valid(rec)


@pytest.mark.skipif(not CORPUS, reason="../shared/corpus missing")
def test_output_on_dev_corpus_validates():
    problems = []
    for path in CORPUS:
        gold = path.with_name(path.name.replace(".txt", ".gold.json"))
        ref = json.loads(gold.read_text("utf-8")).get("ref_date") if gold.exists() else None
        for rec in records_of(str(path), ref_date=ref, explain=True):
            problems += [f"{path.name}: {p}" for p in _problems(rec)]
    assert problems == []


def test_error_record_validates(tmp_path):
    result = CliRunner().invoke(main, ["parse", "--errors-as-records", str(tmp_path / "gone.txt")])
    rec = json.loads(result.stdout)
    assert rec["type"] == "error"
    assert _problems(rec) == []


def test_schema_command():
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == bundle()
    result = CliRunner().invoke(main, ["schema", "incident"])
    assert json.loads(result.stdout) == load("incident")
    bad = CliRunner().invoke(main, ["schema", "incidents"])
    assert bad.exit_code == 2
    assert "incidents" in bad.stderr
