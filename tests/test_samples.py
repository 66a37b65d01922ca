"""Checks of the sample bulletins and their gold files (samples/*.txt + *.gold.json).

The gold is what a perfect parser extracts; these tests keep it well-formed
and consistent with the record contract (vocabularies, quote texts that occur
verbatim in the bulletin, MM-DD dates), so the scorer can rely on it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"

CATEGORIES = {"drone", "missile", "bomb", "artillery", "aircraft", "vehicle", "person", "child",
              "soldier", "building", "settlement", "attack", "other"}
OUTCOMES = {"launched", "shot_down", "lost", "left", "hit", "killed", "injured", "casualties",
            "rescued", "evacuated", "returned", "damaged", "destroyed", "captured", "none"}
QUALIFIERS = {"exact", "approx", "at_least", "more_than", "up_to", "less_than"}
EVENTS = {"air_attack", "shelling", "ground_combat", "deployment", "other"}
WEAPONS = {"drone", "missile", "bomb", "artillery", "mlrs", "aircraft"}
FIGURES = {"launched", "shot_down", "lost", "left", "killed", "injured", "children_killed",
           "children_injured"}
KINDS = {"direct", "indirect"}
TOP_KEYS = {"doc", "ref_date", "source", "counts", "incidents", "quotes"}

GOLDS = sorted(SAMPLES.glob("*.gold.json"))


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _text(gold_path: Path) -> str:
    # newline="" keeps CRLF line ends exactly as the parser sees them
    with open(gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt"),
              encoding="utf-8", newline="") as fh:
        return fh.read()


def test_enough_samples_with_names_and_pairs():
    assert len(GOLDS) >= 14
    for gp in GOLDS:
        assert re.fullmatch(r"sample-\d\d-[a-z0-9-]+\.gold\.json", gp.name), gp.name
        assert gp.with_name(gp.name.replace(".gold.json", ".txt")).exists()
    for tp in SAMPLES.glob("*.txt"):
        assert tp.with_name(tp.stem + ".gold.json").exists(), f"{tp.name} has no gold"


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_header(gold_path: Path):
    gold = _load(gold_path)
    assert set(gold) == TOP_KEYS
    assert gold["doc"] == gold_path.name[: -len(".gold.json")]
    assert gold["source"] == "own sample"
    dt.date.fromisoformat(gold["ref_date"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["ref_date"])


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_counts(gold_path: Path):
    for c in _load(gold_path)["counts"]:
        assert set(c) <= {"value", "value_max", "qualifier", "category", "item", "outcome"}, c
        assert isinstance(c["value"], int | float) and not isinstance(c["value"], bool), c
        assert c["value"] > 0, c
        if "value_max" in c:
            assert c["value_max"] > c["value"], c
        assert c.get("qualifier", "exact") in QUALIFIERS, c
        assert c["category"] in CATEGORIES, c
        assert c["outcome"] in OUTCOMES, c
        assert c["item"] == c["item"].lower() and c["item"].strip() == c["item"] and c["item"], c


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_incidents(gold_path: Path):
    gold = _load(gold_path)
    year = int(gold["ref_date"][:4])
    for inc in gold["incidents"]:
        assert set(inc) == {"event", "dates", "weapons", "locations", "figures"}, inc
        assert inc["event"] in EVENTS, inc
        for d in inc["dates"]:
            assert re.fullmatch(r"\d{2}-\d{2}", d), d
            dt.date.fromisoformat(f"{year}-{d}" if d != "02-29" else "2024-02-29")
        assert len(set(inc["dates"])) == len(inc["dates"])
        assert set(inc["weapons"]) <= WEAPONS, inc
        assert len(set(inc["weapons"])) == len(inc["weapons"])
        assert all(isinstance(n, str) and n and n[0].isupper() for n in inc["locations"]), inc
        assert len(set(inc["locations"])) == len(inc["locations"]), inc
        assert set(inc["figures"]) <= FIGURES, inc
        assert all(isinstance(v, int) and v > 0 for v in inc["figures"].values()), inc


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_quotes_occur_verbatim(gold_path: Path):
    text = _text(gold_path)
    for q in _load(gold_path)["quotes"]:
        assert set(q) <= {"speaker", "kind", "text", "role", "verb"}, q
        assert q["kind"] in KINDS, q
        assert q["speaker"] and q["speaker"].strip() == q["speaker"], q
        assert q["text"] in text, q["text"]
        assert q["text"] == q["text"].strip()
        # the marks are not part of the quoted words
        assert q["text"][0] not in "„“”\"»«‚‘", q["text"]
        assert q["text"][-1] not in "„“”\"»«‚‘", q["text"]


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_figures_backed_by_counts(gold_path: Path):
    """Each per-event casualty figure is also a count in the gold (same value)."""
    gold = _load(gold_path)
    values = {c["value"] for c in gold["counts"]}
    for inc in gold["incidents"]:
        for key in ("killed", "injured", "children_killed", "children_injured"):
            if key in inc["figures"]:
                assert inc["figures"][key] in values, (key, inc)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?“”«»\"])\s+|\n", text) if len(s.strip()) >= 40]


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus not present")
def test_samples_are_own_writing():
    """No sentence of 40+ characters is taken over from the shared corpora."""
    shared = set()
    for folder in ("corpus", "corpus-quotes"):
        for p in (SHARED / folder).glob("*.txt"):
            shared.update(_sentences(p.read_text(encoding="utf-8")))
    for gp in GOLDS:
        for s in _sentences(_text(gp)):
            assert s not in shared, (gp.name, s)


# Constructions the samples must exercise between them (issues #2-#5); each
# pattern must occur in at least one sample bulletin.
COVERAGE = {
    "headline x von y": r"\b58 von 76 Drohnen\b",
    "darunter subcount": r"darunter mindestens 30 Täuschdrohnen",
    "lost drones": r"lokal verloren",
    "jammed drones": r"elektronische Kampfführung unterdrückt",
    "vanished from radar": r"verschwanden vom Radar",
    "left toward country": r"in Richtung Belarus",
    "decoy drones": r"Imitationsdrohnen|Täuschdrohnen",
    "Ch-101": r"Ch-101",
    "Iskander-M": r"Iskander-M",
    "Kinschal": r"Kinschal",
    "Kalibr": r"Kalibr",
    "S-300": r"S-300",
    "KAB": r"KAB-\d+",
    "UMPK": r"UMPK",
    "FAB": r"FAB-\d+",
    "Grad": r"Grad",
    "Tornado-S": r"Tornado-S",
    "artillery shells": r"Artilleriegranaten",
    "General Staff engagements": r"274 Gefechte",
    "captured villages": r"eingenommen",
    "deployment": r"verlegt|stationiert",
    "killed or wounded": r"getötet oder verwundet",
    "children": r"Kinder",
    "rescued": r"lebend",
    "evacuated": r"evakuier|in Sicherheit gebracht",
    "prisoner exchange": r"ausgetauscht",
    "remains": r"sterblichen Überreste",
    "damage": r"beschädigt",
    "destroyed": r"Zerstört wurden",
    "einundzwanzig": r"einundzwanzig",
    "zweihundertfünfzig": r"Zweihundertfünfzig",
    "zwei Millionen": r"zwei Millionen",
    "1,5 Millionen": r"1,5 Millionen",
    "1,5 Mio.": r"1,5 Mio\.",
    "zweieinhalb": r"zweieinhalb Millionen",
    "eine Million": r"eine Million",
    "Dutzende": r"Dutzende",
    "rund": r"rund 40",
    "mehr als": r"mehr als \d",
    "mindestens": r"mindestens \w",
    "bis zu": r"bis zu \d",
    "knapp": r"Knapp \d",
    "range bis": r"\b40 bis 50\b",
    "range zwischen": r"Zwischen 20 und 25",
    "genitive numeral": r"zweier",
    "large number word": r"siebenundzwanzigtausend",
    "eine halbe Million": r"eine halbe Million",
    "range dash": r"\b20–25\b",
    "weniger als": r"Weniger als \d",
    "über": r"über \d",
    "anderthalb (duration)": r"anderthalb Jahren",
    "age": r"im Alter von \d+ (und|bis) \d+ Jahren",
    "age adjective": r"\d+-jährige",
    "clock time colon": r"14:15 Uhr",
    "clock time dot": r"3\.15 Uhr",
    "duration": r"24 Stunden",
    "percentage": r"Prozent",
    "ordinal brigade": r"47\. Brigade",
    "ordinal number": r"64\. Austausch",
    "ordinal word": r"vierte Besuch",
    "year": r"\b2024\b",
    "resolution-like Nr.": r"Nr\. 12",
    "date day month": r"28\. Oktober",
    "numeric date": r"27\.10\.2024",
    "night to weekday": r"Nacht zum Dienstag",
    "gestern": r"gestern",
    "am Montag": r"am Montag",
    "span": r"Am Abend des 27\. und in der Nacht des 28\. Oktober",
    "night span": r"Nacht vom 31\. Dezember auf den 1\. Januar",
    "weekday evening": r"Samstagabend",
    "clock span": r"Von Freitag, 18:00 Uhr, bis Samstagmorgen",
    "absolute date": r"am 3\. November",
    "Kyjiw": r"Kyjiw",
    "Kiew": r"Kiew\b",
    "Kiewer": r"Kiewer",
    "Kiews genitive": r"Zentrum Kiews",
    "Charkiw": r"Charkiw",
    "Charkiwer": r"Charkiwer",
    "Saporischschja": r"Saporischschja",
    "Odessa": r"Odessa",
    "Dnipro": r"Dnipro\b",
    "Stadt X": r"Stadt Charkiw",
    "Region X": r"Region Lwiw",
    "Gebiet X": r"Gebiet Donezk",
    "origin": r"aus Richtung Kursk",
    "region list": r"Regionen Kyjiw, Schytomyr, Winnyzja",
    "„…“": r"„[^“]+“",
    "“…”": r"“[^”]+”",
    '"…"': r'"[^"]+"',
    "»…«": r"»[^«]+«",
    "«…»": r"«[^»]+»",
    "‚…‘ nested": r"„[^“]*‚[^‘]+‘[^“]*“",
    "ellipsis char in quote": r"„[^“]*…[^“]*“",
    "ellipsis dots in quote": r"\.\.\. ",
    "interrupted quote": r"“, sagte der Gouverneur am Morgen\. „",
    "attribution before colon": r'sagte am Montag: \"',
    "attribution later sentence": r"«\s*Diese Worte|“ So beschrieb",
    "role noun": r"der Kremlsprecher",
    "pronoun speaker": r"\bSie betonte",
    "dass clause": r"sagte, dass",
    "so X": r", so Fedorow",
    "teilte mit": r"teilte .* mit",
    "separable verb": r"fügte .* hinzu|kündigte er an",
    "organisation speaker": r"hieß es von",
    "zufolge indicative": r"Peskow zufolge ändern",
    "scare quote fragment": r"eine „Provokation“",
    "name in quotes": r"»Kommersant«|»Taurus«",
    "abbr z. B.": r"z\. B\.",
    "abbr u. a.": r"u\. a\.",
    "abbr ca.": r"ca\. \d",
    "abbr bzw.": r"bzw\.",
    "url": r"https://\S+",
    "hashtag": r"#\w+",
    "dateline dpa": r"^[A-Z]+ \(dpa\) - ",
    "dateline colon": r"^Berlin: ",
    "ticker": r"^\+\+\+ \d\d:\d\d Uhr \+\+\+",
}


def _all_texts() -> list[str]:
    return [_text(gp) for gp in GOLDS]


@pytest.mark.parametrize("label", sorted(COVERAGE))
def test_samples_cover_construction(label: str):
    pat = re.compile(COVERAGE[label], re.MULTILINE)
    assert any(pat.search(t) for t in _all_texts()), label


def test_samples_cover_unicode_hazards():
    texts = _all_texts()
    assert any("\r\n" in t for t in texts), "one sample with CRLF line ends"
    assert any("\u00ad" in t for t in texts), "a soft hyphen"
    assert any(re.search(r"\d\u00a0\d{3}", t) for t in texts), "NBSP as thousands separator"


def test_gold_covers_vocabularies():
    golds = [_load(gp) for gp in GOLDS]
    outcomes = {c["outcome"] for g in golds for c in g["counts"]}
    categories = {c["category"] for g in golds for c in g["counts"]}
    events = {i["event"] for g in golds for i in g["incidents"]}
    weapons = {w for g in golds for i in g["incidents"] for w in i["weapons"]}
    figures = {k for g in golds for i in g["incidents"] for k in i["figures"]}
    kinds = {q["kind"] for g in golds for q in g["quotes"]}
    assert outcomes == OUTCOMES
    assert categories == CATEGORIES
    assert events == EVENTS
    assert weapons >= WEAPONS - {"aircraft"}
    assert figures == FIGURES
    assert kinds == KINDS


def test_diff_pair_differs_as_documented():
    v1 = (SAMPLES / "diff" / "bulletin-v1.txt").read_text(encoding="utf-8")
    v2 = (SAMPLES / "diff" / "bulletin-v2.txt").read_text(encoding="utf-8")
    assert "fünf Menschen verletzt" in v1 and "neun Menschen verletzt" in v2  # casualty raised
    assert "Krementschuk" in v1 and "Krementschuk" not in v2  # place dropped
    assert v2.count("„") == v1.count("„") + 1  # one quote added
    assert not list((SAMPLES / "diff").glob("*.gold.json"))  # not scored
