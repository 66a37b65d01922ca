"""atheris fuzz target: bytes -> decode -> parse, checking the invariants.

    make fuzz                                   # bounded run (FUZZ_RUNS executions)
    .venv/bin/python fuzz/fuzz_parse.py -runs=1000000 -max_len=4096 fuzz/corpus

Each input is used twice: as raw bytes through the decoder (which must
either give text or raise ``InputError``, nothing else), and as text
(the decoded bytes) through ``pipeline.parse_text`` and (every fourth
input) the chunked ``stream.parse_string``. A finding is any exception or a broken invariant:
a span outside the text, a count whose span does not slice to its
evidence, a chunked parse whose spans do not refer to the whole text.
"""

from __future__ import annotations

import os
import sys

import atheris

# Coverage guidance for every warparse module by default; FUZZ_INSTRUMENT=warparse.inputs,...
# narrows it (instrumented code runs several times slower: more executions on a busy machine).
_INCLUDE = [m for m in os.environ.get("FUZZ_INSTRUMENT", "warparse").split(",") if m]

with atheris.instrument_imports(include=_INCLUDE):
    from warparse import inputs, stream
    from warparse.pipeline import parse_text


def check_records(text: str, recs: list[dict]) -> None:
    n = len(text)
    for rec in recs:
        start, end = rec["span"]
        if not (0 <= start <= end <= n):
            raise AssertionError(f"span {rec['span']} outside a text of {n}: {rec}")
        if rec["type"] == "count" and text[start:end] != rec["text"]:
            raise AssertionError(f"count evidence {rec['text']!r} != slice {text[start:end]!r}")


def TestOneInput(data: bytes) -> None:  # atheris' name
    try:
        decoded = inputs.decode(data, "fuzz")
    except inputs.InputError:
        fdp = atheris.FuzzedDataProvider(data)
        text = fdp.ConsumeUnicodeNoSurrogates(len(data))
    else:
        text = decoded.text
    recs = parse_text(text, "2024-10-28", "fuzz")
    check_records(text, recs)
    if len(data) % 4:
        return  # the chunked parse costs several parses: check it on every fourth input
    chunked = list(stream.parse_string(text, ref_date="2024-10-28", chunk_chars=96, entities=False))
    doc = chunked.pop()
    if doc["type"] != "document" or doc["chars"] != len(text):
        raise AssertionError(f"bad document record {doc}")
    check_records(text, [r for r in chunked if r["type"] != "error"])
    errors = [r for r in chunked if r["type"] == "error"]
    if errors:
        raise AssertionError(f"chunk failed: {errors[0]['message']}")
    ids = [r["id"] for r in chunked]
    if len(ids) != len(set(ids)):
        raise AssertionError(f"duplicate ids {ids}")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
