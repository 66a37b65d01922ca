"""The weapons lexicon: German weapon nouns, compounds and model names -> class and model."""

from __future__ import annotations

import pytest

from warparse.grammar.weapons import find_weapons, lexicon, sub_of


def _found(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(w.text, w.cls, w.name, w.kind) for w in find_weapons(text)]


@pytest.mark.parametrize(
    ("phrase", "cls", "name"),
    [
        ("Shahed-Drohnen", "drone", "Shahed"),
        ("Geran-2", "drone", "Geran"),
        ("Lancet", "drone", "Lancet"),
        ("Orlan-10", "drone", "Orlan"),
        ("Gerbera", "drone", "Gerbera"),
        ("Kampfdrohnen", "drone", None),
        ("Ch-101", "missile", "Ch-101"),
        ("Kh-101", "missile", "Ch-101"),
        ("Ch-555", "missile", "Ch-555"),
        ("Ch-59", "missile", "Ch-59"),
        ("Kalibr-Raketen", "missile", "Kalibr"),
        ("Iskander-M", "missile", "Iskander-M"),
        ("KN-23", "missile", "KN-23"),
        ("Kinschal", "missile", "Kinzhal"),
        ("Kinzhal-Raketen", "missile", "Kinzhal"),
        ("S-300", "missile", "S-300"),
        ("S-400-Raketen", "missile", "S-400"),
        ("Onyx", "missile", "Onyx"),
        ("Marschflugkörper", "missile", None),
        ("Lenkraketen", "missile", None),
        ("KAB", "bomb", "KAB"),
        ("UMPK", "bomb", "UMPK"),
        ("FAB-500", "bomb", "FAB"),
        ("FAB-1500", "bomb", "FAB"),
        ("Gleitbomben", "bomb", None),
        ("Fliegerbomben", "bomb", None),
        ("Artillerie", "artillery", None),
        ("Granaten", "artillery", None),
        ("Mörser", "artillery", None),
        ("Mehrfachraketenwerfer", "mlrs", None),
        ("Uragan", "mlrs", "Uragan"),
        ("Smerch", "mlrs", "Smerch"),
        ("Tornado-S", "mlrs", "Tornado-S"),
        ("HIMARS", "mlrs", "HIMARS"),
        ("Su-34", "aircraft", None),
        ("Kampfflugzeuge", "aircraft", None),
        ("Hubschrauber", "aircraft", None),
    ],
)
def test_classes_and_models(phrase, cls, name):
    (w,) = find_weapons(phrase)
    assert (w.cls, w.name) == (cls, name)


def test_compounds_air_defence_and_alarms():
    text = (
        "Nach dem Raketenalarm fing die Flugabwehr mit Abwehrraketen zwei Raketen "
        "und einen Drohnenschwarm ab."
    )
    assert _found(text) == [
        ("Raketenalarm", "drone", None, "none"),
        ("Flugabwehr", "drone", None, "none"),
        ("Abwehrraketen", "drone", None, "none"),
        ("Raketen", "missile", None, "generic"),
        ("Drohnenschwarm", "drone", None, "generic"),
    ]


def test_model_beats_air_defence_in_a_compound():
    assert _found("mit umfunktionierten S-300-Flugabwehrraketen") == [
        ("S-300-Flugabwehrraketen", "missile", "S-300", "model")
    ]


def test_rocket_launcher_is_mlrs_not_missile():
    assert _found("Raketenwerfer") == [("Raketenwerfer", "mlrs", None, "generic")]


def test_common_word_models_need_context():
    assert _found("Es war minus zehn Grad kalt.") == []
    assert _found("Raketenwerfer vom Typ Grad") == [("Grad", "mlrs", "Grad", "model")]
    assert _found("ein „Grad“-System")[0][2] == "Grad"


def test_bomber_is_a_carrier_not_a_bomb():
    assert _found("strategische Bomber vom Typ Tu-95") == [
        ("Bomber", "aircraft", None, "carrier"),
        ("Tu-95", "aircraft", None, "carrier"),
    ]


def test_air_force_as_instrument():
    got = _found("Die Vorstöße wurden mithilfe der Luftwaffe und mit Artillerie gestoppt.")
    assert [(t, c) for t, c, _, _ in got] == [
        ("mithilfe der Luftwaffe", "aircraft"),
        ("Artillerie", "artillery"),
    ]


def test_generic_noun_before_a_type_name_is_the_model():
    assert _found("Raketen vom Typ HIMARS und Drohnen des Typs Lancet") == [
        ("HIMARS", "mlrs", "HIMARS", "model"),
        ("Lancet", "drone", "Lancet", "model"),
    ]


def test_tally_kinds():
    assert sub_of("kinschal-rakete", "missile") == "ballistic"
    assert sub_of("marschflugkörper", "missile") == "cruise"
    assert sub_of("täuschdrohne", "drone") == "decoy"
    assert sub_of("seedrohne", "drone") == "naval"  # sea drones add to the air drones
    assert sub_of("", "drone") == "drone"


def test_lexicon_classes_are_the_contract_vocabulary():
    assert {e.cls for e in lexicon()} == {"drone", "missile", "bomb", "artillery", "aircraft", "mlrs"}
