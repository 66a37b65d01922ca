"""The gazetteer: German forms and inflections -> entries, kinds, roles and exclusions."""

from __future__ import annotations

import pytest

from warparse.grammar.places import dateline_end, find_places, gazetteer, lookup, resolve, transliterate

UKRAINIAN_OBLASTS = {
    "Vinnytsia": "UA-05",
    "Volyn": "UA-07",
    "Luhansk": "UA-09",
    "Dnipropetrovsk": "UA-12",
    "Donetsk": "UA-14",
    "Zhytomyr": "UA-18",
    "Zakarpattia": "UA-21",
    "Zaporizhzhia": "UA-23",
    "Ivano-Frankivsk": "UA-26",
    "Kyiv": "UA-32",
    "Kirovohrad": "UA-35",
    "Lviv": "UA-46",
    "Mykolaiv": "UA-48",
    "Odesa": "UA-51",
    "Poltava": "UA-53",
    "Rivne": "UA-56",
    "Sumy": "UA-59",
    "Ternopil": "UA-61",
    "Kharkiv": "UA-63",
    "Kherson": "UA-65",
    "Khmelnytskyi": "UA-68",
    "Cherkasy": "UA-71",
    "Chernihiv": "UA-74",
    "Chernivtsi": "UA-77",
}


def _names(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(m.name, m.place.canonical, m.place.kind, m.excluded) for m in find_places(text)]


def test_every_entry_has_forms_that_resolve_to_it():
    word = {"oblast": "das Gebiet ", "region": "die Region ", "city": "die Stadt "}
    for place, forms in gazetteer():
        assert forms, place
        for form in forms:
            assert place in lookup(form), (form, place)
            noun = "" if " " in form and place.kind != "oblast" else word.get(place.kind, "")
            found = [m.place for m in find_places(f"Bericht: Angriff auf {noun}{form} am Morgen.")]
            assert place in found, (form, place.canonical, place.kind)


def test_every_ukrainian_oblast_with_iso_code_and_centre():
    oblasts = {p.canonical: p for p, _ in gazetteer() if p.kind == "oblast" and p.country == "Ukraine"}
    assert {name: p.iso for name, p in oblasts.items()} == UKRAINIAN_OBLASTS
    for p in oblasts.values():
        assert p.lat is not None and 44 < p.lat < 53 and 22 < p.lon < 41
    centres = {p.oblast for p, _ in gazetteer() if p.kind == "city" and p.country == "Ukraine"}
    assert set(UKRAINIAN_OBLASTS) <= centres


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Kyjiw", "Kyiv"),
        ("Kiew", "Kyiv"),
        ("Kiews", "Kyiv"),
        ("Charkiw", "Kharkiv"),
        ("Charkiws", "Kharkiv"),
        ("Saporischschja", "Zaporizhzhia"),
        ("Odessa", "Odesa"),
        ("Odesa", "Odesa"),
        ("Dnjepr", "Dnipro"),
        ("Orel", "Oryol"),
        ("Orjol", "Oryol"),
        ("Primorsko-Achtarsk", "Primorsko-Akhtarsk"),
        ("Tschuhujew", "Chuhuiv"),
        ("Tschuhujiw", "Chuhuiv"),
        ("Krywyj Rih", "Kryvyi Rih"),
        ("Moskau", "Moscow"),
        ("Krim", "Crimea"),
        ("Sewastopol", "Sevastopol"),
        ("Belarus", "Belarus"),
        ("Russische Föderation", "Russia"),
        ("Kirowohrad", "Kirovohrad"),
        ("Piwdennyj", "Pivdennyi"),
        ("Trypillja", "Trypillia"),
        ("Kaniw", "Kaniv"),
        ("Krasnaja Jaruga", "Krasnaya Yaruga"),
        ("Sewsk", "Sevsk"),
        ("Junakiwka", "Yunakivka"),
        ("Tscherwonohryhoriwka", "Chervonohryhorivka"),
    ],
)
def test_german_forms_and_inflections(form, canonical):
    assert resolve(form).canonical == canonical


def test_city_adjective_is_known_but_no_event_place():
    assert _names("Das Kiewer Regime und die Charkiwer Behörden.") == [
        ("Kiewer", "Kyiv", "city", "adjective"),
        ("Charkiwer", "Kharkiv", "city", "adjective"),
    ]


def test_region_versus_city():
    got = [
        (m.name, m.place.kind, m.place.iso) for m in find_places("Die Region Charkiw und die Stadt Charkiw.")
    ]
    assert got == [("Charkiw", "oblast", "UA-63"), ("Charkiw", "city", None)]
    assert find_places("Im Gebiet Saporischschja brannte es.")[0].place.kind == "oblast"
    assert find_places("Angriff auf Cherson.")[0].place.kind == "city"


def test_lists_inherit_the_region_word_and_role():
    text = "Drohnen wurden über den Regionen Sumy, Poltawa, Winnyzja sowie Tscherkassy abgewehrt."
    got = [(m.place.canonical, m.place.kind) for m in find_places(text)]
    assert got == [("Sumy", "oblast"), ("Poltava", "oblast"), ("Vinnytsia", "oblast"), ("Cherkasy", "oblast")]
    text = "Getroffen wurden fünf Regionen: Lwiw, Riwne und Wolyn."
    assert [m.place.kind for m in find_places(text)] == ["oblast", "oblast", "oblast"]


def test_roles_origin_and_transit():
    text = "Die Drohnen kamen aus Richtung Brjansk und Kursk, zwei flogen in Richtung Belarus ab."
    assert [(m.place.canonical, m.role) for m in find_places(text)] == [
        ("Bryansk", "origin"),
        ("Kursk", "origin"),
        ("Belarus", "transit"),
    ]
    text = "Die Raketen wurden von der Krim abgefeuert und trafen Mykolajiw."
    assert [(m.place.canonical, m.role) for m in find_places(text)] == [
        ("Crimea", "origin"),
        ("Mykolaiv", "target"),
    ]


def test_exclusions_dateline_reference_government_river():
    assert dateline_end("ODESSA (dpa) - Am Abend") == len("ODESSA (dpa) - ")
    assert dateline_end("Kiew/Berlin – Die Lage") == len("Kiew/Berlin – ")
    assert dateline_end("Mindestens fünf Tote: Das meldet") == 0
    text = (
        "Eine Drohne stürzte 40 Kilometer südlich von Moskau ab. "
        "Moskau erklärte, der Generalstab in Kiew lüge. "
        "Kiew wurde in der Nacht mit Raketen getroffen. Truppen stehen am Ostufer des Dnipro."
    )
    assert _names(text) == [
        ("Moskau", "Moscow", "city", "reference"),
        ("Moskau", "Moscow", "city", "government"),
        ("Kiew", "Kyiv", "city", "government"),
        ("Kiew", "Kyiv", "city", None),
        ("Dnipro", "Dnipro", "city", "river"),
    ]


def test_capital_after_a_preposition_is_a_place():
    assert _names("Explosionen in Kiew, Drohnen über Moskau.") == [
        ("Kiew", "Kyiv", "city", None),
        ("Moskau", "Moscow", "city", None),
    ]
    assert _names("Die ukrainische Hauptstadt wurde mit Raketen angegriffen.")[0][1] == "Kyiv"


def test_country_as_subject_is_not_locative():
    mentions = find_places("Russland hat die Ukraine angegriffen. Die Ukraine wehrt sich.")
    assert [(m.place.canonical, m.locative) for m in mentions] == [
        ("Russia", False),
        ("Ukraine", True),
        ("Ukraine", False),
    ]


def test_unknown_settlements_after_a_settlement_word_or_before_a_region():
    text = (
        "Granaten trafen das Dorf Nowa Sloboda und die Ortschaft Stara Huta. "
        "Auch in Bilopillja im Gebiet Sumy und in Wohnhäusern im Gebiet Charkiw gab es Schäden."
    )
    assert [(m.name, m.place.canonical, m.place.kind) for m in find_places(text)] == [
        ("Nowa Sloboda", "Nova Sloboda", "city"),
        ("Stara Huta", "Stara Huta", "city"),
        ("Bilopillja", "Bilopillia", "city"),
        ("Sumy", "Sumy", "oblast"),
        ("Charkiw", "Kharkiv", "oblast"),
    ]


@pytest.mark.parametrize(
    ("german", "english"),
    [("Terniwka", "Ternivka"), ("Toropez", "Toropets"), ("Dschankoj", "Dzhankoi"), ("Jampil", "Yampil")],
)
def test_transliteration_of_unknown_names(german, english):
    assert transliterate(german) == english


def test_names_of_several_words_whole_words_only_and_the_longest_form():
    # "Krywyj Rih" is one name of two words, "Bila" alone none; "Charkiw-Region" glues a word
    # to the name with a hyphen, so it is no mention of Charkiw; the city adjectives "Sumyer",
    # "Kiewer" are forms of their own (the longest form wins), "Odesa-" before "und" is a name
    text = (
        "Raketen trafen Krywyj Rih und Bila Zerkwa, später auch die Halbinsel Krim. "
        "Die Charkiw-Region und die Sumyer Behörden meldeten Alarm, ebenso Odesa- und Kiewer Stellen."
    )
    assert [(m.name, m.span) for m in find_places(text)] == [
        ("Krywyj Rih", (15, 25)),
        ("Bila Zerkwa", (30, 41)),
        ("Halbinsel Krim", (59, 73)),
        ("Sumyer", (102, 108)),
        ("Odesa", (141, 146)),
        ("Kiewer", (152, 158)),
    ]


def test_listed_towns_and_city_districts():
    text = (
        "Beschossen wurden elf Orte im Gebiet Sumy, darunter Bilopillja. Im Stadtteil Swjatoschyn brannte es."
    )
    assert _names(text) == [
        ("Sumy", "Sumy", "oblast", None),
        ("Bilopillja", "Bilopillia", "city", None),
        ("Swjatoschyn", "Sviatoshyn", "district", None),
    ]


def test_capital_after_a_compound_institution_is_the_government():
    text = "Truppen haben laut dem Verteidigungsministerium in Moskau das Dorf Kotljariwka erobert."
    assert _names(text) == [
        ("Moskau", "Moscow", "city", "government"),
        ("Kotljariwka", "Kotliarivka", "city", None),
    ]
    assert _names("Ein Militärsprecher in Kiew sagte, in Kiew seien Trümmer eingeschlagen.") == [
        ("Kiew", "Kyiv", "city", "government"),
        ("Kiew", "Kyiv", "city", None),
    ]


def test_city_adjective_before_a_part_of_the_city_names_the_city():
    text = (
        "Eine Rakete traf ein Lagerhaus im Odessaer Stadtbezirk Prymorskyj. "
        "Die Kiewer Militärverwaltung warnte."
    )
    assert _names(text) == [
        ("Odessaer", "Odesa", "city", None),
        ("Prymorskyj", "Prymorskyi", "district", None),
        ("Kiewer", "Kyiv", "city", "adjective"),
    ]


def test_settlement_in_the_genitive_is_a_place():
    text = "Moskau meldete die Eroberung des Dorfes Iwaniwka im Gebiet Charkiw."
    found = [(n, c) for n, c, _, x in _names(text) if x is None]
    assert found == [("Iwaniwka", "Ivanivka"), ("Charkiw", "Kharkiv")]


def test_towns_near_the_front_and_the_power_plant_town():
    assert resolve("Smijiw").canonical == "Zmiiv"
    assert resolve("Rodynske").oblast == "Donetsk"


def test_a_capital_before_its_mayor_is_the_city():
    got = _names("Am Abend meldete Moskaus Bürgermeister den Abschuss von Drohnen.")
    assert got == [("Moskaus", "Moscow", "city", None)]
    assert _names("Moskaus Außenminister meldete den Abschuss von Drohnen.")[0][3] == "government"


def test_from_a_place_out_is_the_origin():
    text = "Grenzdörfer im Gebiet Belgorod wurden von der Ukraine aus mit Raketenwerfern beschossen."
    assert [(m.place.canonical, m.role) for m in find_places(text)] == [
        ("Belgorod", "target"),
        ("Ukraine", "origin"),
    ]
