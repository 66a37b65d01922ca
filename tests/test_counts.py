"""Count records on sentences written for these tests: exact (value, item,
category, outcome, part_of) tuples, the numbers that count nothing, spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warparse.context import Context
from warparse.extract import counts
from warparse.extract.counts import lemmatise, lookup_noun
from warparse.grammar.dates import DateMention
from warparse.pipeline import analyse, parse_text
from warparse.segmenter import segment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def tuples(text: str) -> list[tuple]:
    """The counts of ``text`` (on their own: no date mentions from the date grammar)."""
    found = counts.extract(Context(segment(text)))
    return [(c.value, c.item, c.category, c.outcome, c.part_of) for c in found]


CASES = [
    # launched: the attack's size, "mit N Drohnen angegriffen", "abgefeuert", "gestartet"
    (
        "In der Nacht zum Mittwoch griff Russland die Ukraine mit 120 Drohnen und fünf Raketen an.",
        [(120, "drohne", "drone", "launched", None), (5, "rakete", "missile", "launched", None)],
    ),
    ("120 Drohnen über der Ukraine", [(120, "drohne", "drone", "launched", None)]),
    (
        "Insgesamt wurden zweihundertfünfzig Drohnen vom Typ Shahed gestartet.",
        [(250, "drohne", "drone", "launched", None)],
    ),
    (
        "Um 17 Uhr wurden 20 Gleitbomben auf Charkiw abgeworfen.",
        [(20, "gleitbombe", "bomb", "launched", None)],
    ),
    (
        "Russland setzte rund 1,5 Millionen Artilleriegranaten ein.",
        [(1500000, "artilleriegranate", "artillery", "launched", None)],
    ),
    (
        "Nach Angaben der Luftwaffe griff Russland mit 145 Drohnen sowie vier ballistischen Raketen vom Typ "
        "Iskander-M an.",
        [(145, "drohne", "drone", "launched", None), (4, "rakete", "missile", "launched", None)],
    ),
    # shot down, lost, left; elided nouns
    (
        "Die Luftabwehr fing 98 der Drohnen ab, 15 gingen lokal verloren, zwei flogen in Richtung Belarus.",
        [
            (98, "drohne", "drone", "shot_down", None),
            (15, "drohne", "drone", "lost", None),
            (2, "drohne", "drone", "left", None),
        ],
    ),
    (
        "Die Flugabwehr neutralisierte 110 Drohnen, 27 weitere Drohnenimitationen gingen infolge "
        "elektronischer Gegenmaßnahmen verloren.",
        [(110, "drohne", "drone", "shot_down", None), (27, "drohnenimitation", "drone", "lost", None)],
    ),
    (
        "Die Luftwaffe meldete den Abschuss von 35 Marschflugkörpern des Typs Ch-101.",
        [(35, "marschflugkörper", "missile", "shot_down", None)],
    ),
    (
        "Über Brjansk und Kursk seien 18 ukrainische Drohnen zerstört worden.",
        [(18, "drohne", "drone", "shot_down", None)],
    ),
    (
        "„Wir haben 30 Drohnen abgeschossen“, sagte der Kommandeur.",
        [(30, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Eine Rakete traf ein Wohnhaus, drei weitere wurden abgefangen.",
        [(3, "rakete", "missile", "shot_down", None)],
    ),
    ("Zwei Kampfjets vom Typ Su-34 wurden abgeschossen.", [(2, "kampfjet", "aircraft", "shot_down", None)]),
    (
        "Neun Täuschdrohnen verschwanden vom Radar.",
        [(9, "täuschdrohne", "drone", "lost", None)],
    ),
    ("Er sprach von „100 Drohnen“ in einer Nacht.", [(100, "drohne", "drone", "launched", None)]),
    # X von Y, partitives
    (
        "Von 60 Kampfdrohnen wurden 52 abgeschossen.",
        [(60, "kampfdrohne", "drone", "launched", None), (52, "kampfdrohne", "drone", "shot_down", "c1")],
    ),
    (
        "Die Flugabwehr hat 34 von 81 Drohnen abgeschossen.",
        [(34, "drohne", "drone", "shot_down", "c2"), (81, "drohne", "drone", "launched", None)],
    ),
    (
        "Sieben der 40 Marschflugkörper trafen Energieanlagen.",
        [
            (7, "marschflugkörper", "missile", "hit", "c2"),
            (40, "marschflugkörper", "missile", "launched", None),
        ],
    ),
    (
        "Von den insgesamt 81 Drohnen wurden 34 abgeschossen, 43 gingen verloren.",
        [
            (81, "drohne", "drone", "launched", None),
            (34, "drohne", "drone", "shot_down", "c1"),
            (43, "drohne", "drone", "lost", "c1"),
        ],
    ),
    (
        "Von den 42 Raketen erreichten acht ihr Ziel.",
        [(42, "rakete", "missile", "launched", None), (8, "rakete", "missile", "hit", "c1")],
    ),
    (
        "Russland hat 3 Kalibr-Marschflugkörper aus dem Schwarzen Meer abgefeuert, "
        "alle drei wurden abgefangen.",
        [
            (3, "kalibr-marschflugkörper", "missile", "launched", None),
            (3, "kalibr-marschflugkörper", "missile", "shot_down", None),
        ],
    ),
    (
        "Die Resolution 2202 wurde von 13 der 15 Mitgliedstaaten unterstützt.",
        [(13, "mitgliedstaat", "other", "none", "c2"), (15, "mitgliedstaat", "other", "none", None)],
    ),
    (
        "Von insgesamt 90 Drohnen wurden 87 abgeschossen, drei erreichten ihr Ziel.",
        [
            (90, "drohne", "drone", "launched", None),
            (87, "drohne", "drone", "shot_down", "c1"),
            (3, "drohne", "drone", "hit", "c1"),
        ],
    ),
    (
        "Die Luftabwehr schoss 87 von insgesamt 90 Drohnen ab.",
        [(87, "drohne", "drone", "shot_down", "c2"), (90, "drohne", "drone", "launched", None)],
    ),
    # darunter / davon / unter ihnen
    (
        "Bei dem Angriff wurden 13 Menschen getötet und 40 weitere verletzt, darunter sieben Kinder.",
        [
            (13, "mensch", "person", "killed", None),
            (40, "mensch", "person", "injured", None),
            (7, "kind", "child", "injured", "c2"),
        ],
    ),
    (
        "Aus dem Gebiet Charkiw wurden 1.200 Menschen evakuiert, darunter 300 Kinder.",
        [(1200, "mensch", "person", "evacuated", None), (300, "kind", "child", "evacuated", "c1")],
    ),
    (
        "Die Zahl der Todesopfer stieg auf 31, unter ihnen fünf Kinder.",
        [(31, "todesopfer", "person", "killed", None), (5, "kind", "child", "killed", "c1")],
    ),
    (
        "Insgesamt 9 Kinder wurden verletzt, 2 von ihnen schwer.",
        [(9, "kind", "child", "injured", None), (2, "kind", "child", "injured", "c1")],
    ),
    (
        "Russland feuerte 45 Raketen ab, davon 30 Marschflugkörper.",
        [(45, "rakete", "missile", "launched", None), (30, "marschflugkörper", "missile", "launched", "c1")],
    ),
    (
        "Neun Menschen wurden aus den Trümmern gerettet, zwei von ihnen sind schwer verletzt.",
        [(9, "mensch", "person", "rescued", None), (2, "mensch", "person", "injured", "c1")],
    ),
    (
        "Laut Gouverneur gab es 7 Verletzte, darunter ein Kind.",
        [(7, "verletzter", "person", "injured", None)],
    ),
    # people: killed, injured, casualties, the noun that says it
    ("Mindestens drei Zivilisten kamen ums Leben.", [(3, "zivilist", "person", "killed", None)]),
    ("Die Zahl der Verletzten stieg auf 27.", [(27, "verletzter", "person", "injured", None)]),
    (
        "Zwei Menschen starben, elf wurden verletzt.",
        [(2, "mensch", "person", "killed", None), (11, "mensch", "person", "injured", None)],
    ),
    (
        "Die Zahl der Opfer liegt inzwischen bei 23 Toten und 76 Verletzten.",
        [(23, "toter", "person", "killed", None), (76, "verletzter", "person", "injured", None)],
    ),
    (
        "Nach ukrainischen Angaben wurden 2.300 russische Soldaten binnen eines Tages "
        "getötet oder verwundet.",
        [(2300, "soldat", "soldier", "casualties", None)],
    ),
    (
        "Die russischen Verluste belaufen sich auf etwa 680.000 Soldaten.",
        [(680000, "soldat", "soldier", "casualties", None)],
    ),
    (
        "Innerhalb eines Tages verlor der Gegner 1.350 Soldaten, neun Panzer, 24 Artilleriesysteme und "
        "41 Drohnen.",
        [
            (1350, "soldat", "soldier", "casualties", None),
            (9, "panzer", "vehicle", "destroyed", None),
            (24, "artilleriesystem", "artillery", "destroyed", None),
            (41, "drohne", "drone", "lost", None),
        ],
    ),
    (
        "Bei dem Einschlag wurde eine 58-jährige Frau getötet, drei Nachbarn erlitten leichte Verletzungen.",
        [(3, "nachbar", "person", "injured", None)],
    ),
    (
        "Seit Kriegsbeginn wurden in der Region mehr als 500 Kinder verletzt und 170 getötet.",
        [(500, "kind", "child", "injured", None), (170, "kind", "child", "killed", None)],
    ),
    (
        "Bei dem Angriff mit zwei Raketen wurden 5 Menschen getötet.",
        [(2, "rakete", "missile", "launched", None), (5, "mensch", "person", "killed", None)],
    ),
    # prisoners, rescue, evacuation
    (
        "Die ukrainische Armee nahm 15 russische Soldaten gefangen.",
        [(15, "soldat", "soldier", "captured", None)],
    ),
    (
        "Zwei in Gefangenschaft geratene Soldaten sollen ausgetauscht werden.",
        [(2, "soldat", "soldier", "captured", None)],
    ),
    (
        "Bei einem Gefangenenaustausch kehrten 95 Ukrainer nach Hause zurück.",
        [(95, "ukrainer", "person", "returned", None)],
    ),
    (
        "Am Sonntag kehrten 150 Kriegsgefangene in die Ukraine zurück.",
        [(150, "kriegsgefangener", "soldier", "returned", None)],
    ),
    ("Rettungskräfte retteten zwölf Menschen aus den Trümmern.", [(12, "mensch", "person", "rescued", None)]),
    (
        "Die Behörden evakuierten am Montag 2.500 Bewohner aus 12 Dörfern.",
        [(2500, "bewohner", "person", "evacuated", None), (12, "dorf", "settlement", "none", None)],
    ),
    # buildings, vehicles, places, attacks
    (
        "In Saporischschja wurden 16 Wohnhäuser beschädigt und drei Gebäude vollständig zerstört.",
        [(16, "wohnhaus", "building", "damaged", None), (3, "gebäude", "building", "destroyed", None)],
    ),
    ("Dutzende Wohnungen wurden beschädigt.", [(24, "wohnung", "building", "damaged", None)]),
    (
        "Trümmer beschädigten 9 Privathäuser, 2 Autos und ein Geschäft.",
        [(9, "privathaus", "building", "damaged", None), (2, "auto", "vehicle", "damaged", None)],
    ),
    ("Die 47. Brigade meldete drei zerstörte Panzer.", [(3, "panzer", "vehicle", "destroyed", None)]),
    (
        "Auf der Krim wurden in der Nacht sechs Schiffe der Schwarzmeerflotte getroffen.",
        [(6, "schiff", "vehicle", "hit", None)],
    ),
    (
        "Die russischen Truppen beschossen 14 Ortschaften im Gebiet Sumy.",
        [(14, "ortschaft", "settlement", "hit", None)],
    ),
    (
        "Russische Einheiten haben zwei Dörfer im Gebiet Donezk eingenommen.",
        [(2, "dorf", "settlement", "captured", None)],
    ),
    (
        "Das russische Militär meldete die Einnahme von zwei weiteren Dörfern.",
        [(2, "dorf", "settlement", "captured", None)],
    ),
    (
        "Die Einheiten haben 1.000 Quadratkilometer und 74 Ortschaften unter ihre Kontrolle gebracht.",
        [(74, "ortschaft", "settlement", "captured", None)],
    ),
    ("Die Drohnen trafen Ziele in 13 Regionen.", [(13, "region", "settlement", "hit", None)]),
    ("Die Trümmer fielen über elf Regionen herab.", [(11, "region", "settlement", "none", None)]),
    ("Der Generalstab zählte 143 Gefechte an der Front.", [(143, "gefecht", "attack", "launched", None)]),
    (
        "Insgesamt wurden über Nacht 42 Angriffe auf 17 Ortschaften registriert.",
        [(42, "angriff", "attack", "launched", None), (17, "ortschaft", "settlement", "hit", None)],
    ),
    (
        "Binnen 24 Stunden registrierte die Armee 87 Beschüsse.",
        [(87, "beschuss", "attack", "launched", None)],
    ),
    (
        "Mehr als 200.000 Soldaten sind gefallen oder wurden verwundet.",
        [(200000, "soldat", "soldier", "casualties", None)],
    ),
    (
        "Bei dem Angriff wurden 13 Menschen getötet und vier verletzt.",
        [(13, "mensch", "person", "killed", None), (4, "mensch", "person", "injured", None)],
    ),
    (
        "Die Ukraine tauschte 150 Soldaten gegen 150 russische Kämpfer aus.",
        [(150, "soldat", "soldier", "returned", None), (150, "kämpfer", "soldier", "returned", None)],
    ),
    ("Ein knappes Dutzend Raketen traf die Stadt.", [(12, "rakete", "missile", "hit", None)]),
    ("Ihre drei Töchter waren fünf, sechs und zehn Jahre alt.", [(3, "tochter", "person", "none", None)]),
    (
        "Nach Angaben des Militärs wurden sieben- bis achthundert Drohnen gestartet.",
        [(700, "drohne", "drone", "launched", None)],
    ),
    (
        "Die Hisbollah schoss 155 Raketen auf Ziele in Israel ab.",
        [(155, "rakete", "missile", "launched", None)],
    ),
    (
        "Nach Polizeiangaben wurden sechs Männer und eine Frau durch Messerstiche getötet.",
        [(6, "mann", "person", "killed", None)],
    ),
    (
        "Die Armee verlor 1.130 Mann, 50 Männer desertierten.",
        [(1130, "mann", "soldier", "casualties", None), (50, "mann", "soldier", "none", None)],
    ),
    (
        "Bei dem Angriff wurden 24 Menschen getötet und mehr als 60 Weitere verletzt.",
        [(24, "mensch", "person", "killed", None), (60, "mensch", "person", "injured", None)],
    ),
    (
        "Die verbleibenden 30.000 der insgesamt 168.000 Versicherten wechselten.",
        [(30000, "versicherter", "person", "none", "c2"), (168000, "versicherter", "person", "none", None)],
    ),
    (
        "Russland hat 50 Raketen abgefeuert. Davon wurden 40 abgefangen.",
        [(50, "rakete", "missile", "launched", None), (40, "rakete", "missile", "shot_down", "c1")],
    ),
    (
        "Insgesamt kam es am vergangenen Tag zu 156 Gefechten, der Feind warf 94 Gleitbomben ab.",
        [(156, "gefecht", "attack", "launched", None), (94, "gleitbombe", "bomb", "launched", None)],
    ),
    (
        "Die Zahl der Todesopfer des Angriffs auf Dnipro ist auf 40 gestiegen, darunter drei Kinder.",
        [(40, "todesopfer", "person", "killed", None), (3, "kind", "child", "killed", "c1")],
    ),
    (
        "Russland und die Ukraine haben je 103 Kriegsgefangene ausgetauscht.",
        [(103, "kriegsgefangener", "soldier", "returned", None)],
    ),
    (
        "Mindestens 9.000 Menschenleben forderte das Erdbeben.",
        [(9000, "menschenleben", "person", "killed", None)],
    ),
    (
        "Die Luftabwehr hat 40 unbemannte Luftfahrzeuge abgeschossen.",
        [(40, "luftfahrzeug", "drone", "shot_down", None)],
    ),
    ("Rettungskräfte bargen 12 Verschüttete lebend.", [(12, "verschütteter", "person", "rescued", None)]),
    (
        "17 Drohnen wurden durch elektronische Kampfführung zum Absturz gebracht.",
        [(17, "drohne", "drone", "lost", None)],
    ),
    ("Die Opferzahl stieg auf 14, teilte die Polizei mit.", [(14, "opfer", "person", "casualties", None)]),
    ("Die Totenzahl liegt inzwischen bei neun.", [(9, "toter", "person", "killed", None)]),
    (
        "14 Menschen starben, 30 wurden verletzt und 5 gelten als vermisst.",
        [
            (14, "mensch", "person", "killed", None),
            (30, "mensch", "person", "injured", None),
            (5, "mensch", "person", "none", None),
        ],
    ),
    (
        "In Charkiw wurden 5 Menschen verletzt, in Sumy 3.",
        [(5, "mensch", "person", "injured", None), (3, "mensch", "person", "injured", None)],
    ),
    (
        "Nach Angaben aus Moskau wurden bis zu 300 ukrainische Soldaten eliminiert.",
        [(300, "soldat", "soldier", "casualties", None)],
    ),
    (
        "Die ukrainischen Truppen haben drei Dörfer zurückerobert.",
        [(3, "dorf", "settlement", "captured", None)],
    ),
    (
        "Der Beschuss von 23 Ortschaften dauerte die ganze Nacht.",
        [(23, "ortschaft", "settlement", "hit", None)],
    ),
    (
        "Vier Drohnen wurden gezählt, die Hilfe in Höhe von 1,4 Milliarden kommt später.",
        [(4, "drohne", "drone", "launched", None)],
    ),
    (
        "Zwei Menschen wurden getötet. Der Angreifer war 17.",
        [(2, "mensch", "person", "killed", None)],
    ),
    # listed people and things without an outcome
    ("Tausende Menschen flohen aus der Stadt.", [(2000, "mensch", "person", "evacuated", None)]),
    ("Etwa 4000 Einwohner sind ohne Heizung.", [(4000, "einwohner", "person", "none", None)]),
    (
        "Russland hat laut Kiew rund 11.000 nordkoreanische Soldaten in die Region Kursk verlegt.",
        [(11000, "soldat", "soldier", "none", None)],
    ),
    (
        "Die Ukraine erhielt von den Verbündeten 6 Patriot-Systeme und 300 Panzerhaubitzen.",
        [(6, "patriot-system", "other", "none", None), (300, "panzerhaubitze", "artillery", "none", None)],
    ),
    ("Die Ukraine erhielt 31 Abrams-Panzer.", [(31, "abrams-panzer", "vehicle", "none", None)]),
    (
        "Der Gegner wollte zwölf Brigaden aufstellen, geschafft hat er fünf.",
        [(12, "brigade", "other", "none", None), (5, "brigade", "other", "none", None)],
    ),
    (
        "Geplant waren acht statt 16 neuer Regimenter.",
        [(8, "regiment", "other", "none", None), (16, "regiment", "other", "none", None)],
    ),
    (
        "Ein halbes Dutzend Drohnen kreiste über der Stadt.",
        [(6, "drohne", "drone", "launched", None)],
    ),
    (
        "Zwei bis drei Raketen schlugen in Odessa ein.",
        [(2, "rakete", "missile", "hit", None)],
    ),
    (
        "11.477 (+5) Kampfpanzer und 1.206.910 getötete und verwundete Soldaten (+1.220 am Vortag).",
        [
            (11477, "kampfpanzer", "vehicle", "none", None),
            (5, "kampfpanzer", "vehicle", "none", None),
            (1206910, "soldat", "soldier", "casualties", None),
            (1220, "soldat", "soldier", "casualties", None),
        ],
    ),
    (
        "Bis heute wurden 41.731 seit Februar 2022 getötete russische Soldaten namentlich erfasst.",
        [(41731, "soldat", "soldier", "killed", None)],
    ),
]

# generalisations checked against independently written bulletins
CASES += [
    # genitive number words: "zweier Dörfer"
    (
        "Moskau meldete die Einnahme dreier Siedlungen im Gebiet Charkiw.",
        [
            (3, "siedlung", "settlement", "captured", None),
        ],
    ),
    # "eine Viertelmillion"
    (
        "Rund eine Viertelmillion Menschen im Gebiet Cherson sind ohne Strom.",
        [
            (250000, "mensch", "person", "none", None),
        ],
    ),
    # air defence cues: "ausgeschaltet"
    (
        "Die Marine habe neun Seedrohnen ausgeschaltet.",
        [
            (9, "seedrohne", "drone", "shot_down", None),
        ],
    ),
    # shells that hit: "schlagen … ein"
    (
        "Stündlich schlagen in der Vorstadt 15 Granaten ein.",
        [
            (15, "granate", "artillery", "hit", None),
        ],
    ),
    # evacuated: "evakuieren", emergency shelters, "gebracht" (not to hospital)
    (
        "Die Regionalverwaltung ließ 450 Anwohner evakuieren.",
        [
            (450, "anwohner", "person", "evacuated", None),
        ],
    ),
    (
        "Die Behörden brachten 120 Bewohner in Notunterkünfte.",
        [
            (120, "bewohner", "person", "evacuated", None),
        ],
    ),
    (
        "Vier Passanten wurden ins Krankenhaus gebracht.",
        [
            (4, "passant", "person", "injured", None),
        ],
    ),
    # delivered weapons were not launched
    (
        "Nordkorea soll Russland bis zu drei Millionen Granaten geliefert haben.",
        [
            (3000000, "granate", "artillery", "none", None),
        ],
    ),
    # remains handed back are returned, though the soldiers fell
    (
        "Am Freitag übergab die Ukraine die sterblichen Überreste von 563 gefallenen Soldaten.",
        [
            (563, "soldat", "soldier", "returned", None),
        ],
    ),
    (
        "Hundertzwanzig Soldaten kehrten am Abend nach langer Gefangenschaft in ihre Heimat zurück.",
        [
            (120, "soldat", "soldier", "returned", None),
        ],
    ),
    # troops and vehicles used in an assault are launched
    (
        "Der Feind griff mit etwa 150 Soldaten und acht Schützenpanzern an.",
        [
            (150, "soldat", "soldier", "launched", None),
            (8, "schützenpanzer", "vehicle", "launched", None),
        ],
    ),
    # places that attacks were aimed at are hit
    (
        "Die Armee meldete 70 Angriffe mit Drohnen auf 9 Dörfer im Gebiet.",
        [
            (70, "angriff", "attack", "launched", None),
            (9, "dorf", "settlement", "hit", None),
        ],
    ),
    # a count joined by "und" or set off by a dash shares its partner's outcome
    (
        "Abgefangen wurden 80 Drohnen und 6 Marschflugkörper, 40 Drohnen verschwanden vom Radar.",
        [
            (80, "drohne", "drone", "shot_down", None),
            (6, "marschflugkörper", "missile", "shot_down", None),
            (40, "drohne", "drone", "lost", None),
        ],
    ),
    (
        "Von den acht Raketen – fünf Marschflugkörpern und drei ballistischen Raketen – "
        "wurden sechs abgefangen.",
        [
            (8, "rakete", "missile", "launched", None),
            (5, "marschflugkörper", "missile", "launched", None),
            (3, "rakete", "missile", "launched", None),
            (6, "rakete", "missile", "shot_down", "c1"),
        ],
    ),
    # elided nouns take the outcome of the count they continue
    (
        "Über Kursk wurden 17 Drohnen zerstört, über Brjansk 9 und über der Region Belgorod vier.",
        [
            (17, "drohne", "drone", "shot_down", None),
            (9, "drohne", "drone", "shot_down", None),
            (4, "drohne", "drone", "shot_down", None),
        ],
    ),
    (
        "Über Kursk wurden 17 Drohnen zerstört, über Brjansk 9 und über der besetzten Halbinsel Krim sechs.",
        [
            (17, "drohne", "drone", "shot_down", None),
            (9, "drohne", "drone", "shot_down", None),
            (6, "drohne", "drone", "shot_down", None),
        ],
    ),
    # "N weitere erlitten Verletzungen": a verb, not an adjective, after "weitere"
    (
        "Acht Zivilisten kamen in Saporischschja ums Leben, 27 weitere erlitten Verletzungen.",
        [(8, "zivilist", "person", "killed", None), (27, "zivilist", "person", "injured", None)],
    ),
    # "gebracht" to a hospital means injured; troops stationed are no attack
    ("Zehn Kinder wurden in ein Krankenhaus nach Kiew gebracht.", [(10, "kind", "child", "injured", None)]),
    (
        "In Kursk seien 11.000 nordkoreanische Soldaten eingesetzt.",
        [(11000, "soldat", "soldier", "none", None)],
    ),
    # feminine forms of known people, crews and miners are people
    (
        "Bei dem Angriff wurden zwei Ärztinnen und drei Sanitäterinnen verletzt.",
        [(2, "ärztin", "person", "injured", None), (3, "sanitäterin", "person", "injured", None)],
    ),
    (
        "Vier Besatzungsmitglieder des Frachters und 30 Bergleute wurden gerettet.",
        [(4, "besatzungsmitglied", "person", "rescued", None), (30, "bergmann", "person", "rescued", None)],
    ),
    # a target missed or not reached: lost
    (
        "Von den 20 Raketen erreichten zwölf ihr Ziel, acht verfehlten es.",
        [
            (20, "rakete", "missile", "launched", None),
            (12, "rakete", "missile", "hit", "c1"),
            (8, "rakete", "missile", "lost", "c1"),
        ],
    ),
    ("Die Grenzschützer nahmen fünf Saboteure fest.", [(5, "saboteur", "person", "captured", None)]),
    # "zwei 16-Jährige": minors are children
    ("Unter den Verletzten in Cherson sind zwei 16-Jährige.", [(2, "16-jähriger", "child", "injured", None)]),
    ("Eine Einheit von 15 Soldaten ergab sich bei Kurachowe.", [(15, "soldat", "soldier", "captured", None)]),
    (
        "Die Ukraine hat 95 Kriegsgefangene zurückgeholt.",
        [(95, "kriegsgefangener", "soldier", "returned", None)],
    ),
    # "N weitere" after "darunter" goes on from the whole
    (
        "Bei dem Angriff starben neun Menschen, darunter drei Kinder, und 40 weitere wurden verletzt.",
        [
            (9, "mensch", "person", "killed", None),
            (3, "kind", "child", "killed", "c1"),
            (40, "mensch", "person", "injured", None),
        ],
    ),
    # demonyms are people
    (
        "Bei dem Absturz kamen 71 Franzosen ums Leben.",
        [
            (71, "franzose", "person", "killed", None),
        ],
    ),
    # mobile plants are equipment, refineries buildings
    (
        "Die Regierung schickte zehn mobile Kraftwerke nach Charkiw.",
        [
            (10, "kraftwerk", "other", "none", None),
        ],
    ),
    (
        "Bei dem Angriff wurden drei Raffinerien getroffen.",
        [
            (3, "raffinerie", "building", "hit", None),
        ],
    ),
    # participles shared by two numbers: "174 getötete und 690 verletzte Zivilisten"
    (
        "Die UN zählten 212 getötete und 1.030 verletzte Zivilisten.",
        [
            (212, "zivilist", "person", "killed", None),
            (1030, "zivilist", "person", "injured", None),
        ],
    ),
    # a scaled number without noun answers a scaled count of its sentence
    (
        "Laut UN hungern derzeit drei Millionen Menschen, im Vorjahr waren es dreieinhalb Millionen.",
        [
            (3000000, "mensch", "person", "none", None),
            (3500000, "mensch", "person", "none", None),
        ],
    ),
    # "Militärverwaltung" is no military context: the men are civilians
    (
        "Bei Sumy wurden nach Angaben der Militärverwaltung fünf Dörfer beschossen. "
        "Dabei kamen drei Männer ums Leben.",
        [
            (5, "dorf", "settlement", "hit", None),
            (3, "mann", "person", "killed", None),
        ],
    ),
    # "Unter ihnen seien N …" is a subset
    (
        "Seit Montag wurden 800 Menschen evakuiert. Unter ihnen seien 25 Kinder gewesen.",
        [
            (800, "mensch", "person", "evacuated", None),
            (25, "kind", "child", "evacuated", "c1"),
        ],
    ),
    # the whole of a share ("zwei Drittel der 90 Drohnen") was launched
    (
        "Zwei Drittel der 90 Drohnen wurden abgefangen.",
        [
            (90, "drohne", "drone", "launched", None),
        ],
    ),
    (
        "Die Luftwaffe meldete den Abschuss von 300 Drohnen und 12 Raketen – "
        "fast alle der eingesetzten Flugkörper.",
        [
            (300, "drohne", "drone", "shot_down", None),
            (12, "rakete", "missile", "shot_down", None),
        ],
    ),
    # the first conjunct shares the verb after the second: "95 Drohnen und fünf Raketen abgeschossen"
    (
        "Russland setzte in der Nacht 140 Drohnen ein. "
        "Davon wurden 110 Drohnen und 20 Attrappen abgeschossen.",
        [
            (140, "drohne", "drone", "launched", None),
            (110, "drohne", "drone", "shot_down", "c1"),
            (20, "attrappe", "drone", "shot_down", None),
        ],
    ),
    # ... but not without a verb of its own: "Darunter waren …" stays the parent's
    (
        "Russland setzte in der Nacht 140 Drohnen ein. Darunter waren 80 Drohnen und 20 Attrappen.",
        [
            (140, "drohne", "drone", "launched", None),
            (80, "drohne", "drone", "launched", "c1"),
            (20, "attrappe", "drone", "launched", None),
        ],
    ),
]


# a generality pass in the phrasings of bulletins, liveblogs, governors' posts and loss
# reports: new nouns (Kamikaze-, Aufklärungs-, Seedrohnen, Hyperschallraketen, Landungsschiffe,
# Nationalgardisten, Lokführer, Leichname), outcome verbs (vom Himmel geholt, versenkt,
# niedergebrannt, verließen, aus der Gefangenschaft, erhielt … zurück), headlines and tallies
CASES += [
    (
        "In der Nacht auf Dienstag hat Russland die Ukraine mit 87 Kamikazedrohnen und drei "
        "Hyperschallraketen vom Typ Kinschal angegriffen.",
        [
            (87, "kamikazedrohne", "drone", "launched", None),
            (3, "hyperschallrakete", "missile", "launched", None),
        ],
    ),
    (
        "Russland feuerte in der Nacht 40 Raketen und Marschflugkörper sowie 115 Drohnen ab.",
        [(40, "rakete", "missile", "launched", None), (115, "drohne", "drone", "launched", None)],
    ),
    (
        "Die Luftwaffe zählte in der Nacht 2 ballistische Raketen vom Typ Iskander-M und 75 Schahed-Drohnen.",
        [(2, "rakete", "missile", "launched", None), (75, "schahed-drohne", "drone", "launched", None)],
    ),
    (
        "Zusätzlich warf die russische Luftwaffe rund 60 Lenkbomben auf Frontstädte ab.",
        [(60, "lenkbombe", "bomb", "launched", None)],
    ),
    (
        "Russische Kampfjets warfen am Wochenende mehr als 200 gelenkte Fliegerbomben ab.",
        [(200, "fliegerbombe", "bomb", "launched", None)],
    ),
    (
        "Bei dem Angriff auf Charkiw wurden vier KAB-Bomben eingesetzt.",
        [(4, "kab-bombe", "bomb", "launched", None)],
    ),
    (
        "Innerhalb einer Woche setzte Russland nach Selenskyjs Angaben etwa 1.200 Gleitbomben, fast 900 "
        "Drohnen und 50 Raketen ein.",
        [
            (1200, "gleitbombe", "bomb", "launched", None),
            (900, "drohne", "drone", "launched", None),
            (50, "rakete", "missile", "launched", None),
        ],
    ),
    (
        "Die Armee soll zwei Streubomben auf das Dorf abgeworfen haben.",
        [(2, "streubombe", "bomb", "launched", None)],
    ),
    (
        "Bis zu 15 Hyperschallraketen vom Typ Zirkon sollen auf Kiew abgefeuert worden sein.",
        [(15, "hyperschallrakete", "missile", "launched", None)],
    ),
    (
        "Mit 26 Iskander-Raketen griff Russland am Morgen Kiew an.",
        [(26, "iskander-rakete", "missile", "launched", None)],
    ),
    (
        "Ukraine: 300 Drohnen in einer Nacht",
        [(300, "drohne", "drone", "launched", None)],
    ),
    (
        "Rekordangriff mit 728 Drohnen und 13 Raketen",
        [(728, "drohne", "drone", "launched", None), (13, "rakete", "missile", "launched", None)],
    ),
    (
        "Liveblog: Russland greift mit 400 Drohnen an",
        [(400, "drohne", "drone", "launched", None)],
    ),
    (
        "Die ukrainische Luftabwehr holte nach eigenen Angaben 61 Drohnen vom Himmel.",
        [(61, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Insgesamt seien 23 Marschflugkörper unschädlich gemacht worden.",
        [(23, "marschflugkörper", "missile", "shot_down", None)],
    ),
    (
        "Zwölf Aufklärungsdrohnen wurden über dem Gebiet Poltawa neutralisiert.",
        [(12, "aufklärungsdrohne", "drone", "shot_down", None)],
    ),
    (
        "Über dem Schwarzen Meer wurden fünf Seedrohnen vernichtet.",
        [(5, "seedrohne", "drone", "shot_down", None)],
    ),
    (
        "Das russische Verteidigungsministerium meldete, 38 ukrainische Drohnen seien über der Region "
        "Belgorod abgefangen worden.",
        [(38, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Moskau zufolge wurden binnen einer Stunde 14 unbemannte Flugobjekte über Brjansk zerstört.",
        [(14, "flugobjekt", "drone", "shot_down", None)],
    ),
    (
        "Nach Angaben der Luftwaffe wurden 44 von 52 Angriffsdrohnen abgewehrt.",
        [
            (44, "angriffsdrohne", "drone", "shot_down", "c2"),
            (52, "angriffsdrohne", "drone", "launched", None),
        ],
    ),
    (
        "Bilanz der Nacht: 104 Drohnen gestartet, 97 abgeschossen.",
        [(104, "drohne", "drone", "launched", None), (97, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Sechs Lenkflugkörper vom Typ Ch-59 erreichten ihre Ziele nicht.",
        [(6, "lenkflugkörper", "missile", "lost", None)],
    ),
    (
        "21 Drohnen gingen lokal verloren, vermutlich wegen elektronischer Störmaßnahmen.",
        [(21, "drohne", "drone", "lost", None)],
    ),
    (
        "Vier weitere Drohnen sind von der Radarortung verschwunden.",
        [(4, "drohne", "drone", "lost", None)],
    ),
    (
        "Drei Shahed-Drohnen flogen in Richtung Belarus ab.",
        [(3, "shahed-drohne", "drone", "left", None)],
    ),
    (
        "Zwei Drohnen verließen den ukrainischen Luftraum in Richtung Moldau.",
        [(2, "drohne", "drone", "left", None)],
    ),
    (
        "Abgeschossen wurden 33 Drohnen, weitere 8 gingen verloren.",
        [(33, "drohne", "drone", "shot_down", None), (8, "drohne", "drone", "lost", None)],
    ),
    (
        "Russland attackierte in der Nacht die Energieinfrastruktur mit 60 Raketen; 45 konnten abgefangen "
        "werden.",
        [(60, "rakete", "missile", "launched", None), (45, "rakete", "missile", "shot_down", None)],
    ),
    (
        "Von den 13 Raketen wurden zehn abgefangen, drei schlugen in Kiew ein.",
        [
            (13, "rakete", "missile", "launched", None),
            (10, "rakete", "missile", "shot_down", "c1"),
            (3, "rakete", "missile", "hit", "c1"),
        ],
    ),
    (
        "In der Nacht wurden zwei Drohnen vom Typ Lancet und ein Orlan-10 abgeschossen.",
        [(2, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Außerdem wurden 2 Su-25-Kampfflugzeuge abgeschossen.",
        [(2, "su-25-kampfflugzeug", "aircraft", "shot_down", None)],
    ),
    (
        "Die Flugabwehr zerstörte zwei Hubschrauber vom Typ Ka-52.",
        [(2, "hubschrauber", "aircraft", "shot_down", None)],
    ),
    (
        "Am Morgen schlugen zwei Raketen in einem Industriegebiet von Dnipro ein.",
        [(2, "rakete", "missile", "hit", None)],
    ),
    (
        "Eine Rakete wurde abgefangen, zwei trafen ein Umspannwerk.",
        [(2, "rakete", "missile", "hit", None)],
    ),
    (
        "Rund 50 Mörsergranaten schlugen in der Nacht in Cherson ein.",
        [(50, "mörsergranate", "artillery", "hit", None)],
    ),
    (
        "Darüber hinaus seien 3 HIMARS-Mehrfachraketenwerfer getroffen worden.",
        [(3, "himars-mehrfachraketenwerfer", "artillery", "hit", None)],
    ),
    (
        "Bei einem Angriff auf den Flugplatz wurden nach ukrainischen Angaben mehr als 40 Flugzeuge "
        "getroffen, darunter strategische Bomber.",
        [(40, "flugzeug", "aircraft", "hit", None)],
    ),
    (
        "Die russische Armee feuerte an einem Tag 5.000 Artilleriegeschosse ab.",
        [(5000, "artilleriegeschoss", "artillery", "launched", None)],
    ),
    (
        "Die Besatzer beschossen Cherson mit 85 Artilleriegranaten.",
        [(85, "artilleriegranate", "artillery", "launched", None)],
    ),
    (
        "Mit Mehrfachraketenwerfern feuerten die Truppen 48 Salven auf Orichiw.",
        [(48, "salve", "artillery", "launched", None)],
    ),
    (
        "Der Generalstab registrierte 65 Artillerieangriffe und 12 Luftangriffe.",
        [
            (65, "artillerieangriff", "attack", "launched", None),
            (12, "luftangriff", "attack", "launched", None),
        ],
    ),
    (
        "Innerhalb von 24 Stunden habe es 148 Kampfhandlungen gegeben.",
        [(148, "kampfhandlung", "attack", "launched", None)],
    ),
    (
        "Der Feind unternahm 23 Sturmangriffe in Richtung Pokrowsk.",
        [(23, "sturmangriff", "attack", "launched", None)],
    ),
    (
        "In Richtung Kupjansk wehrten die Verteidiger elf Angriffe ab.",
        [(11, "angriff", "attack", "launched", None)],
    ),
    (
        "Der Feind griff mit 30 Drohnen und vier Lenkbomben an, wobei zwölf Häuser beschädigt wurden.",
        [
            (30, "drohne", "drone", "launched", None),
            (4, "lenkbombe", "bomb", "launched", None),
            (12, "haus", "building", "damaged", None),
        ],
    ),
    (
        "Seit Beginn der Invasion hat Russland nach ukrainischen Angaben 9.870 Panzer, 20.500 gepanzerte "
        "Fahrzeuge und 369 Kampfjets verloren.",
        [
            (9870, "panzer", "vehicle", "destroyed", None),
            (20500, "fahrzeug", "vehicle", "destroyed", None),
            (369, "kampfjet", "aircraft", "destroyed", None),
        ],
    ),
    (
        "Zu den Verlusten des Gegners zählen demnach 331 Hubschrauber.",
        [(331, "hubschrauber", "aircraft", "destroyed", None)],
    ),
    (
        "Die Ukraine verlor nach russischen Angaben binnen einer Woche mehr als 2.700 Soldaten.",
        [(2700, "soldat", "soldier", "casualties", None)],
    ),
    (
        "Moskau behauptet, 15 Panzerhaubitzen und sieben Schützenpanzer zerstört zu haben.",
        [
            (15, "panzerhaubitze", "artillery", "destroyed", None),
            (7, "schützenpanzer", "vehicle", "destroyed", None),
        ],
    ),
    (
        "Ukrainische Drohnen haben in der Nacht zwei Kampfflugzeuge auf einem Militärflugplatz beschädigt.",
        [(2, "kampfflugzeug", "aircraft", "damaged", None)],
    ),
    (
        "Die russischen Truppen büßten demnach 42 Artilleriesysteme ein.",
        [(42, "artilleriesystem", "artillery", "destroyed", None)],
    ),
    (
        "Im Schwarzen Meer wurden zwei russische Landungsschiffe versenkt.",
        [(2, "landungsschiff", "vehicle", "destroyed", None)],
    ),
    (
        "Bei dem Angriff auf den Hafen wurden drei Schiffe beschädigt.",
        [(3, "schiff", "vehicle", "damaged", None)],
    ),
    (
        "Ukrainische Spezialkräfte versenkten ein Patrouillenboot und beschädigten zwei Landungsboote.",
        [(2, "landungsboot", "vehicle", "damaged", None)],
    ),
    (
        "Die Zahl der Toten stieg auf 12.",
        [(12, "toter", "person", "killed", None)],
    ),
    (
        "Bilanz: 7 Tote und 30 Verletzte.",
        [(7, "toter", "person", "killed", None), (30, "verletzter", "person", "injured", None)],
    ),
    (
        "12 Tote, 30 Verletzte nach Raketenangriff auf Krywyj Rih",
        [(12, "toter", "person", "killed", None), (30, "verletzter", "person", "injured", None)],
    ),
    (
        "Charkiw: 3 Tote nach russischem Gleitbombenangriff",
        [(3, "toter", "person", "killed", None)],
    ),
    (
        "Unter den Opfern sind drei Kinder.",
        [(3, "kind", "child", "casualties", None)],
    ),
    (
        "Bei dem Angriff starben mindestens acht Menschen.",
        [(8, "mensch", "person", "killed", None)],
    ),
    (
        "Zwei Rettungskräfte kamen bei einem sogenannten Doppelschlag ums Leben.",
        [(2, "rettungskraft", "person", "killed", None)],
    ),
    (
        "Drei Feuerwehrleute wurden tödlich verletzt, als eine zweite Drohne einschlug.",
        [(3, "feuerwehrmann", "person", "killed", None)],
    ),
    (
        "Ein Säugling und zwei Jugendliche erlitten Verletzungen.",
        [(2, "jugendlicher", "child", "injured", None)],
    ),
    (
        "Unter den Verletzten befinden sich vier Minderjährige.",
        [(4, "minderjähriger", "child", "injured", None)],
    ),
    (
        "Nach Angaben des Gouverneurs wurden 14 Zivilisten verwundet, fünf von ihnen schwer.",
        [(14, "zivilist", "person", "injured", None), (5, "zivilist", "person", "injured", "c1")],
    ),
    (
        "Helfer bargen bis zum Abend 19 Leichen aus den Trümmern des Wohnblocks.",
        [(19, "leiche", "person", "killed", None)],
    ),
    (
        "Zwei Journalisten eines ukrainischen Senders kamen ums Leben, ein Kameramann wurde verletzt.",
        [(2, "journalist", "person", "killed", None)],
    ),
    (
        "Mindestens 25 Menschen erlitten Verletzungen, darunter zwei Säuglinge.",
        [(25, "mensch", "person", "injured", None), (2, "säugling", "child", "injured", "c1")],
    ),
    (
        "Vier Sanitäter wurden verwundet, als ihr Krankenwagen von einer Drohne getroffen wurde.",
        [(4, "sanitäter", "person", "injured", None)],
    ),
    (
        "Die Behörden sprechen von 51 Todesopfern, unter ihnen 13 Minderjährige.",
        [(51, "todesopfer", "person", "killed", None), (13, "minderjähriger", "child", "killed", "c1")],
    ),
    (
        "Die Zahl der Verletzten in Odessa hat sich auf 43 erhöht.",
        [(43, "verletzter", "person", "injured", None)],
    ),
    (
        "Bei dem Drohnenangriff auf einen Bus kamen neun Menschen ums Leben, sieben weitere wurden verletzt.",
        [(9, "mensch", "person", "killed", None), (7, "mensch", "person", "injured", None)],
    ),
    (
        "In der Nacht wurden 3 Bewohner eines Hochhauses getötet.",
        [(3, "bewohner", "person", "killed", None)],
    ),
    (
        "Seit Kriegsbeginn sind nach UN-Angaben mehr als 12.000 Zivilisten getötet worden.",
        [(12000, "zivilist", "person", "killed", None)],
    ),
    (
        "Mehr als 600 Kinder kamen seit Februar 2022 ums Leben.",
        [(600, "kind", "child", "killed", None)],
    ),
    (
        "Laut Staatsanwaltschaft wurden zwei Frauen im Alter von 63 und 70 Jahren getötet.",
        [(2, "frau", "person", "killed", None)],
    ),
    (
        "Zwölf Gefallene wurden am Donnerstag beigesetzt.",
        [(12, "gefallener", "soldier", "killed", None)],
    ),
    (
        "Nach dem Angriff auf die Kaserne sprach das Militär von 27 getöteten und mehr als 100 verwundeten "
        "Soldaten.",
        [(27, "soldat", "soldier", "killed", None), (100, "soldat", "soldier", "injured", None)],
    ),
    (
        "Bei dem Raketenangriff auf einen Truppenübungsplatz starben 19 Soldaten.",
        [(19, "soldat", "soldier", "killed", None)],
    ),
    (
        "Drei Polizisten und ein Rettungssanitäter wurden bei dem Angriff leicht verletzt.",
        [(3, "polizist", "person", "injured", None)],
    ),
    (
        "Fünf Einwohner von Nikopol erlitten durch Artilleriebeschuss Verletzungen.",
        [(5, "einwohner", "person", "injured", None)],
    ),
    (
        "Ein Toter und sechs Verletzte: Bilanz des nächtlichen Angriffs auf Kiew",
        [(6, "verletzter", "person", "injured", None)],
    ),
    (
        "Der Bezirk Nikopol wurde mit Artillerie und Kamikazedrohnen angegriffen; drei Menschen wurden "
        "verletzt, fünf Privathäuser beschädigt.",
        [(3, "mensch", "person", "injured", None), (5, "privathaus", "building", "damaged", None)],
    ),
    (
        "Laut Gouverneur wurden in Charkiw 6 Personen verletzt, unter ihnen ein 8-jähriges Kind.",
        [(6, "person", "person", "injured", None)],
    ),
    (
        "Am Abend meldete der Bürgermeister 2 Tote und 17 Verwundete.",
        [(2, "toter", "person", "killed", None), (17, "verwundeter", "person", "injured", None)],
    ),
    (
        "Die Verletzten – fünf Frauen und drei Männer – wurden in Kliniken gebracht.",
        [(5, "frau", "person", "injured", None), (3, "mann", "person", "injured", None)],
    ),
    (
        "Russische Soldaten sollen sechs ukrainische Kriegsgefangene erschossen haben.",
        [(6, "kriegsgefangener", "soldier", "killed", None)],
    ),
    (
        "Bei dem Angriff wurden 5 Mitarbeiter des Energieversorgers verletzt.",
        [(5, "mitarbeiter", "person", "injured", None)],
    ),
    (
        "Drei Lokführer und ein Zugbegleiter wurden verletzt.",
        [(3, "lokführer", "person", "injured", None)],
    ),
    (
        "30 Kilometer hinter der Front wurden 4 Soldaten getötet.",
        [(4, "soldat", "soldier", "killed", None)],
    ),
    (
        "Im Gebiet Belgorod starben bei Drohnenangriffen zwei Zivilisten, 11 wurden verletzt.",
        [(2, "zivilist", "person", "killed", None), (11, "zivilist", "person", "injured", None)],
    ),
    (
        "Getötet wurden dabei 3 Menschen.",
        [(3, "mensch", "person", "killed", None)],
    ),
    (
        "Verletzt wurden nach Angaben der Stadtverwaltung 18 Personen.",
        [(18, "person", "person", "injured", None)],
    ),
    (
        "Unter den Toten sind auch zwei Feuerwehrleute.",
        [(2, "feuerwehrmann", "person", "killed", None)],
    ),
    (
        "Der Angriff forderte 5 Menschenleben.",
        [(5, "menschenleben", "person", "killed", None)],
    ),
    (
        "Elf Menschen kamen ums Leben, 84 wurden verletzt, darunter 14 Kinder.",
        [
            (11, "mensch", "person", "killed", None),
            (84, "mensch", "person", "injured", None),
            (14, "kind", "child", "injured", "c2"),
        ],
    ),
    (
        "Insgesamt seien 48 Bewohner vermisst.",
        [(48, "bewohner", "person", "none", None)],
    ),
    (
        "Aus den Trümmern des Hauses wurden sieben Menschen lebend geborgen.",
        [(7, "mensch", "person", "rescued", None)],
    ),
    (
        "Aus dem brennenden Wohnblock retteten Feuerwehrleute 15 Bewohner.",
        [(15, "bewohner", "person", "rescued", None)],
    ),
    (
        "Aus den Grenzorten im Gebiet Sumy wurden am Wochenende 1.850 Zivilisten in Sicherheit gebracht.",
        [(1850, "zivilist", "person", "evacuated", None)],
    ),
    (
        "Unter den Evakuierten waren 230 Kinder.",
        [(230, "kind", "child", "evacuated", None)],
    ),
    (
        "Seit August verließen mehr als 30.000 Menschen den Bezirk Pokrowsk.",
        [(30000, "mensch", "person", "evacuated", None)],
    ),
    (
        "Insgesamt wurden 112 Familien mit Kindern aus der Frontstadt gebracht.",
        [(112, "familie", "person", "evacuated", None)],
    ),
    (
        "Mehr als 400 Menschen mussten ihre Häuser verlassen.",
        [(400, "mensch", "person", "evacuated", None)],
    ),
    (
        "Evakuiert wurden bislang 3.200 Menschen, darunter 640 Kinder.",
        [(3200, "mensch", "person", "evacuated", None), (640, "kind", "child", "evacuated", "c1")],
    ),
    (
        "Bei dem Austausch kamen 103 ukrainische Soldaten und zwei Zivilisten frei.",
        [(103, "soldat", "soldier", "returned", None), (2, "zivilist", "person", "returned", None)],
    ),
    (
        "Im Gegenzug übergab Kiew 84 russische Kriegsgefangene.",
        [(84, "kriegsgefangener", "soldier", "returned", None)],
    ),
    (
        "Nach Vermittlung der Emirate sind 190 Verteidiger aus russischer Gefangenschaft heimgekehrt.",
        [(190, "verteidiger", "soldier", "returned", None)],
    ),
    (
        "Im Gebiet Kursk gerieten nach Angaben Kiews 32 russische Soldaten in Gefangenschaft.",
        [(32, "soldat", "soldier", "captured", None)],
    ),
    (
        "Ukrainische Einheiten haben zwei nordkoreanische Soldaten gefangen genommen.",
        [(2, "soldat", "soldier", "captured", None)],
    ),
    (
        "Die Ukraine erhielt die Leichen von 909 gefallenen Soldaten zurück.",
        [(909, "soldat", "soldier", "returned", None)],
    ),
    (
        "Russland hat 1.000 Leichname an die Ukraine übergeben.",
        [(1000, "leichnam", "person", "returned", None)],
    ),
    (
        "Bei dem 58. Gefangenenaustausch kehrten 150 Ukrainer heim, darunter 26 Nationalgardisten.",
        [(150, "ukrainer", "person", "returned", None), (26, "nationalgardist", "soldier", "returned", "c1")],
    ),
    (
        "Insgesamt wurden seit Kriegsbeginn 4.552 Ukrainer aus der Gefangenschaft befreit.",
        [(4552, "ukrainer", "person", "returned", None)],
    ),
    (
        "Durch die Druckwelle wurden 14 Einfamilienhäuser und zwei Hochhäuser beschädigt.",
        [(14, "einfamilienhaus", "building", "damaged", None), (2, "hochhaus", "building", "damaged", None)],
    ),
    (
        "In der Region wurden drei Umspannwerke getroffen.",
        [(3, "umspannwerk", "building", "hit", None)],
    ),
    (
        "Das Feuer zerstörte 8 Lagerhallen und 20 Fahrzeuge.",
        [(8, "lagerhalle", "building", "destroyed", None), (20, "fahrzeug", "vehicle", "destroyed", None)],
    ),
    (
        "Mehr als 40 Wohnblöcke in Kiew sind ohne Heizung.",
        [(40, "wohnblock", "building", "none", None)],
    ),
    (
        "Beschädigt wurden zudem eine Schule, zwei Kindergärten und 17 Autos.",
        [(2, "kindergarten", "building", "damaged", None), (17, "auto", "vehicle", "damaged", None)],
    ),
    (
        "Getroffen wurden nach Angaben der Regierung vier Wärmekraftwerke.",
        [(4, "wärmekraftwerk", "building", "hit", None)],
    ),
    (
        "Im Gebiet Odessa brannten drei Lagerhäuser nieder.",
        [(3, "lagerhaus", "building", "destroyed", None)],
    ),
    (
        "Nach dem Angriff auf Sumy sind 90 Wohnungen und 12 Geschäfte beschädigt.",
        [(90, "wohnung", "building", "damaged", None), (12, "geschäft", "building", "damaged", None)],
    ),
    (
        "Laut der Stadtverwaltung haben 147 Hochhäuser keine Heizung.",
        [(147, "hochhaus", "building", "none", None)],
    ),
    (
        "Hunderte Häuser sind ohne Strom.",
        [(200, "haus", "building", "none", None)],
    ),
    (
        "Russische Truppen beschossen innerhalb eines Tages 38 Ortschaften in der Region Saporischschja.",
        [(38, "ortschaft", "settlement", "hit", None)],
    ),
    (
        "Im Gebiet Charkiw waren nach den Angriffen 15 Gemeinden ohne Strom.",
        [(15, "gemeinde", "settlement", "none", None)],
    ),
    (
        "Moskau reklamierte die Eroberung von drei Ortschaften im Gebiet Donezk für sich.",
        [(3, "ortschaft", "settlement", "captured", None)],
    ),
    (
        "Die ukrainische Armee hat nach eigenen Angaben fünf Siedlungen befreit.",
        [(5, "siedlung", "settlement", "captured", None)],
    ),
    (
        "In 11 Gebieten der Ukraine gab es Luftalarm.",
        [(11, "gebiet", "settlement", "none", None)],
    ),
    (
        "Im Laufe des Tages haben die Russen 9 Siedlungen des Gebiets 47 Mal beschossen.",
        [(9, "siedlung", "settlement", "hit", None)],
    ),
    (
        "Angriffe auf 7 Landkreise meldete die Regionalverwaltung.",
        [(7, "landkreis", "settlement", "hit", None)],
    ),
    (
        "Über 1.000 Freiwillige meldeten sich zum Dienst.",
        [(1000, "freiwilliger", "soldier", "none", None)],
    ),
    (
        "In der Oblast leben rund 1,3 Millionen Menschen.",
        [(1300000, "mensch", "person", "none", None)],
    ),
    (
        "Die Ukraine hat 2023 rund 300.000 Drohnen produziert.",
        [(300000, "drohne", "drone", "none", None)],
    ),
    (
        "Die Ukraine hat mehr als 100 Patriot-Raketen erhalten.",
        [(100, "patriot-rakete", "missile", "none", None)],
    ),
    (
        "Die USA kündigten die Lieferung von 40 Kampfjets an.",
        [(40, "kampfjet", "aircraft", "none", None)],
    ),
    (
        "Die Luftverteidigung meldete 47 abgeschossene Drohnen.",
        [(47, "drohne", "drone", "shot_down", None)],
    ),
    (
        "Es gab 5 zerstörte Häuser und 30 beschädigte Wohnungen.",
        [(5, "haus", "building", "destroyed", None), (30, "wohnung", "building", "damaged", None)],
    ),
    (
        "Zehntausende Menschen sind ohne Strom.",
        [(20000, "mensch", "person", "none", None)],
    ),
    (
        "Mehr als hundert Drohnen griffen in der Nacht an.",
        [(100, "drohne", "drone", "launched", None)],
    ),
    (
        "Zwei Menschen wurden getötet, als eine Gleitbombe ein Wohnhaus traf.",
        [(2, "mensch", "person", "killed", None)],
    ),
    (
        "Die Luftwaffe schoss 15 der 18 Marschflugkörper sowie alle 6 Kinschal-Raketen ab.",
        [
            (15, "marschflugkörper", "missile", "shot_down", "c2"),
            (18, "marschflugkörper", "missile", "launched", None),
            (6, "kinschal-rakete", "missile", "shot_down", None),
        ],
    ),
    (
        "Von den abgefeuerten 40 Raketen konnten 37 zerstört werden.",
        [(40, "rakete", "missile", "launched", None), (37, "rakete", "missile", "shot_down", "c1")],
    ),
    (
        "Bei Angriffen auf Cherson wurden binnen 24 Stunden ein Mensch getötet und neun verletzt.",
        [(9, "mensch", "person", "injured", None)],
    ),
    (
        "Ein Kind kam ums Leben, vier weitere wurden verletzt.",
        [(4, "kind", "child", "injured", None)],
    ),
    (
        "Russland meldet Abschuss von 25 ATACMS-Raketen",
        [(25, "atacms-rakete", "missile", "shot_down", None)],
    ),
    (
        "Die Ukraine meldet 1.500 getötete russische Soldaten in 24 Stunden.",
        [(1500, "soldat", "soldier", "killed", None)],
    ),
    (
        "Unter den Getöteten sind zwei Polizisten.",
        [(2, "polizist", "person", "killed", None)],
    ),
    (
        "Unter den Verwundeten befinden sich auch 3 Soldaten.",
        [(3, "soldat", "soldier", "injured", None)],
    ),
    (
        "Die Ukraine hat 31 Kinder aus den besetzten Gebieten zurückgeholt.",
        [(31, "kind", "child", "returned", None)],
    ),
    (
        "Im Gebiet Donezk wurden 3 Menschen verletzt und zwei Häuser zerstört.",
        [(3, "mensch", "person", "injured", None), (2, "haus", "building", "destroyed", None)],
    ),
    (
        "In Kiew wurden 6 Bezirke getroffen.",
        [(6, "bezirk", "settlement", "hit", None)],
    ),
    (
        "Russland hat in der Nacht 6 Gebiete mit Drohnen angegriffen.",
        [(6, "gebiet", "settlement", "hit", None)],
    ),
    (
        "Insgesamt 4 Menschen sollen bei dem Angriff ums Leben gekommen sein.",
        [(4, "mensch", "person", "killed", None)],
    ),
    (
        "Die Zahl der Verletzten liegt nach neuen Angaben bei 58, darunter elf Kinder.",
        [(58, "verletzter", "person", "injured", None), (11, "kind", "child", "injured", "c1")],
    ),
    (
        "Die Zahl der getöteten Zivilisten stieg auf 9.",
        [(9, "zivilist", "person", "killed", None)],
    ),
    (
        "Der russische Angriff mit 47 Drohnen dauerte 5 Stunden.",
        [(47, "drohne", "drone", "launched", None)],
    ),
    (
        "Im Gebiet Saporischschja wurden 21 Ortschaften 418 Mal angegriffen.",
        [(21, "ortschaft", "settlement", "hit", None)],
    ),
    (
        "Kiew: 2 Tote bei Drohnenangriff",
        [(2, "toter", "person", "killed", None)],
    ),
    (
        "Odessa – Bei einem nächtlichen Angriff sind 4 Menschen ums Leben gekommen.",
        [(4, "mensch", "person", "killed", None)],
    ),
    (
        "Russland setzt nach Angaben Kiews täglich rund 100 Gleitbomben ein.",
        [(100, "gleitbombe", "bomb", "launched", None)],
    ),
    (
        "Moskau meldete, die Flugabwehr habe 337 ukrainische Drohnen abgewehrt, davon 91 über Moskau.",
        [(337, "drohne", "drone", "shot_down", None), (91, "drohne", "drone", "shot_down", "c1")],
    ),
    (
        "Die Flughäfen stellten den Betrieb ein; 50 Flüge wurden gestrichen.",
        [(50, "flug", "other", "none", None)],
    ),
    (
        "Die Feuerwehr rückte mit 40 Einsatzkräften und 12 Fahrzeugen aus.",
        [(40, "einsatzkraft", "person", "none", None), (12, "fahrzeug", "vehicle", "none", None)],
    ),
    (
        "Nach dem Einsturz suchten Retter nach 5 Vermissten.",
        [(5, "vermisster", "person", "none", None)],
    ),
    (
        "Unter den Trümmern werden noch 20 Menschen vermutet.",
        [(20, "mensch", "person", "none", None)],
    ),
    (
        "Insgesamt wurden im Dezember 2.100 Luftangriffe gezählt.",
        [(2100, "luftangriff", "attack", "launched", None)],
    ),
    (
        "In Krywyj Rih wurden 12 Menschen, darunter 6 Kinder, getötet.",
        [(12, "mensch", "person", "killed", None), (6, "kind", "child", "killed", "c1")],
    ),
    (
        "Sieben Menschen – darunter zwei Kinder – wurden verletzt.",
        [(7, "mensch", "person", "injured", None), (2, "kind", "child", "injured", "c1")],
    ),
    (
        "Getötet wurden zwei Männer im Alter von 45 und 61 Jahren.",
        [(2, "mann", "person", "killed", None)],
    ),
    (
        "Ein 45-jähriger Mann und zwei Frauen wurden verletzt.",
        [(2, "frau", "person", "injured", None)],
    ),
    (
        "Die ukrainische Marine zerstörte ein Landungsboot und zwei Patrouillenboote.",
        [(2, "patrouillenboot", "vehicle", "destroyed", None)],
    ),
    (
        "Insgesamt setzten die Russen 8 Iskander-M und 3 Ch-22 ein.",
        [(8, "iskander-m", "missile", "launched", None), (3, "ch-22", "missile", "launched", None)],
    ),
    (
        "Es wurden 2 S-300-Raketen auf Charkiw abgefeuert.",
        [(2, "s-300-rakete", "missile", "launched", None)],
    ),
    (
        "In der Nacht setzte Russland 60 Shahed sowie 30 Gerbera-Attrappen ein.",
        [(60, "shahed", "drone", "launched", None), (30, "gerbera-attrappe", "drone", "launched", None)],
    ),
    (
        "Die russische Armee verlegte 3 Brigaden an die Front.",
        [(3, "brigade", "other", "none", None)],
    ),
    (
        "Über 50 Soldaten desertierten.",
        [(50, "soldat", "soldier", "none", None)],
    ),
    (
        "Drei Menschen wurden bei dem Angriff auf Sumy getötet, 14 weitere verletzt.",
        [(3, "mensch", "person", "killed", None), (14, "mensch", "person", "injured", None)],
    ),
    (
        "Die Behörden bestätigten den Tod von 16 Menschen.",
        [(16, "mensch", "person", "killed", None)],
    ),
    (
        "Die Verluste der ukrainischen Armee bezifferte Moskau auf 1.200 Mann.",
        [(1200, "mann", "soldier", "casualties", None)],
    ),
    (
        "Zwei Zivilisten erlagen im Krankenhaus ihren Verletzungen.",
        [(2, "zivilist", "person", "killed", None)],
    ),
    (
        "Fünf Menschen erlitten einen Schock.",
        [(5, "mensch", "person", "none", None)],
    ),
    (
        "Die Grenzschutzbehörde meldete 7 getötete Angreifer.",
        [(7, "angreifer", "person", "killed", None)],
    ),
    (
        "Bei Kämpfen nahe Torezk fielen nach russischen Angaben 120 ukrainische Soldaten.",
        [(120, "soldat", "soldier", "killed", None)],
    ),
    (
        "In Belgorod wurden durch Trümmer 11 Autos und ein Bus beschädigt.",
        [(11, "auto", "vehicle", "damaged", None)],
    ),
    (
        "Die Drohnen beschädigten 4 Tanklager und eine Pumpstation.",
        [(4, "tanklager", "building", "damaged", None)],
    ),
    (
        "Der Geheimdienst meldete die Zerstörung von 12 Flugzeugen auf russischen Flugplätzen.",
        [(12, "flugzeug", "aircraft", "destroyed", None)],
    ),
    (
        "Rund 2.000 Bewohner wurden aus der Umgebung der Brücke gebracht.",
        [(2000, "bewohner", "person", "evacuated", None)],
    ),
    (
        "Insgesamt 15 Menschen werden noch vermisst, teilte der Zivilschutz mit.",
        [(15, "mensch", "person", "none", None)],
    ),
]

# more registers: liveblog time stamps, governors' tallies, Moscow's claims; the whole of
# "3 von 4 Kraftwerksblöcken" that is no weapon keeps no outcome; "-leute" plurals of "-mann"
CASES += [
    (
        "+++ 07:45 Uhr: Luftwaffe: 58 von 72 Drohnen abgewehrt +++",
        [(58, "drohne", "drone", "shot_down", "c2"), (72, "drohne", "drone", "launched", None)],
    ),
    (
        "Die Luftwaffe teilte mit, dass sie 23 Drohnen und zwei Raketen abgeschossen habe.",
        [(23, "drohne", "drone", "shot_down", None), (2, "rakete", "missile", "shot_down", None)],
    ),
    (
        "Die russische Armee hat seit Jahresbeginn mehr als 190 Ortschaften erobert.",
        [(190, "ortschaft", "settlement", "captured", None)],
    ),
    (
        "Täglich gebe es rund 150 Gefechte entlang der Front.",
        [(150, "gefecht", "attack", "launched", None)],
    ),
    (
        "Insgesamt wurden über der Region 19 Shahed-Drohnen unschädlich gemacht, drei weitere trafen "
        "Infrastrukturobjekte.",
        [(19, "shahed-drohne", "drone", "shot_down", None), (3, "shahed-drohne", "drone", "hit", None)],
    ),
    (
        "Der Gegner verlor 30 Panzer, 52 Artilleriesysteme, einen Mehrfachraketenwerfer und 115 Fahrzeuge.",
        [
            (30, "panzer", "vehicle", "destroyed", None),
            (52, "artilleriesystem", "artillery", "destroyed", None),
            (115, "fahrzeug", "vehicle", "destroyed", None),
        ],
    ),
    (
        "Mehr als 2.000 Menschen wurden aus Wowtschansk gebracht.",
        [(2000, "mensch", "person", "evacuated", None)],
    ),
    (
        "Die Polizei half 87 Bewohnern bei der Evakuierung.",
        [(87, "bewohner", "person", "evacuated", None)],
    ),
    (
        "Im Laufe des Tages wurden 427 Menschen evakuiert, unter ihnen 63 Kinder und 15 Menschen mit "
        "Behinderungen.",
        [
            (427, "mensch", "person", "evacuated", None),
            (63, "kind", "child", "evacuated", "c1"),
            (15, "mensch", "person", "evacuated", None),
        ],
    ),
    (
        "Die Rettungskräfte bargen die Leichen von vier Menschen.",
        [(4, "mensch", "person", "killed", None)],
    ),
    (
        "Vier Menschen sind bei einem russischen Luftangriff auf Saporischschja getötet worden.",
        [(4, "mensch", "person", "killed", None)],
    ),
    (
        "Bei einem Angriff auf ein Krankenhaus wurden 3 Patienten und 2 Ärzte verletzt.",
        [(3, "patient", "person", "injured", None), (2, "arzt", "person", "injured", None)],
    ),
    (
        "Laut dem Bürgermeister wurden in der Stadt 38 Gebäude beschädigt, darunter 6 Schulen.",
        [(38, "gebäude", "building", "damaged", None), (6, "schule", "building", "damaged", "c1")],
    ),
    (
        "Die russischen Angriffe zerstörten bislang 1.500 Schulen.",
        [(1500, "schule", "building", "destroyed", None)],
    ),
    (
        "Sechs russische Kampfflugzeuge wurden am Boden zerstört.",
        [(6, "kampfflugzeug", "aircraft", "destroyed", None)],
    ),
    (
        "Zwei ukrainische Piloten kamen beim Absturz ums Leben.",
        [(2, "pilot", "person", "killed", None)],
    ),
    (
        "Russland hat 45 Drohnen auf die Region Odessa abgefeuert, 30 davon wurden zerstört.",
        [(45, "drohne", "drone", "launched", None), (30, "drohne", "drone", "shot_down", "c1")],
    ),
    (
        "Ein Großteil der 50 Drohnen wurde abgefangen.",
        [(50, "drohne", "drone", "launched", None)],
    ),
    (
        "Zwischen 18 und 20 Uhr schlugen 5 Raketen in Dnipro ein.",
        [(5, "rakete", "missile", "hit", None)],
    ),
    (
        "Am Montag gegen 14.30 Uhr warf die russische Luftwaffe 3 Gleitbomben auf Kostjantyniwka ab.",
        [(3, "gleitbombe", "bomb", "launched", None)],
    ),
    (
        "Die Russen haben den Bezirk mit 17 Artilleriegranaten, 4 Mörsergranaten und einer FPV-Drohne "
        "angegriffen.",
        [
            (17, "artilleriegranate", "artillery", "launched", None),
            (4, "mörsergranate", "artillery", "launched", None),
        ],
    ),
    (
        "Zwei FPV-Drohnen griffen ein Auto an.",
        [(2, "fpv-drohne", "drone", "launched", None)],
    ),
    (
        "Im Gebiet Cherson wurden 3 Personen durch Drohnenabwürfe verletzt.",
        [(3, "person", "person", "injured", None)],
    ),
    (
        "Bei Drohnenangriffen wurden am Wochenende 11 Rettungsfahrzeuge beschädigt.",
        [(11, "rettungsfahrzeug", "vehicle", "damaged", None)],
    ),
    (
        "Mehr als 3.000 Gebäude in Charkiw sind seit Kriegsbeginn zerstört worden.",
        [(3000, "gebäude", "building", "destroyed", None)],
    ),
    (
        "Die Regierung zählte 2.400 beschädigte Bildungseinrichtungen.",
        [(2400, "bildungseinrichtung", "building", "damaged", None)],
    ),
    (
        "In der Nacht heulten in 14 Regionen die Sirenen.",
        [(14, "region", "settlement", "none", None)],
    ),
    (
        "Die Zahl der Angriffe auf Energieanlagen ist auf 30 gestiegen.",
        [(30, "angriff", "attack", "launched", None)],
    ),
    (
        "Nach Angaben der Behörden wurden 3 von 4 Kraftwerksblöcken beschädigt.",
        [
            (3, "kraftwerksblock", "building", "damaged", "c2"),
            (4, "kraftwerksblock", "building", "none", None),
        ],
    ),
    (
        "Mindestens sieben Menschen kamen bei dem Einschlag einer ballistischen Rakete ums Leben.",
        [(7, "mensch", "person", "killed", None)],
    ),
    (
        "Ein ukrainischer Soldat und zwei Zivilisten wurden gefangen genommen.",
        [(2, "zivilist", "person", "captured", None)],
    ),
    (
        "Russland übergab der Ukraine 757 Leichen.",
        [(757, "leiche", "person", "returned", None)],
    ),
    (
        "Dabei wurden vier Soldaten der Nationalgarde verletzt.",
        [(4, "soldat", "soldier", "injured", None)],
    ),
    (
        "Die Angreifer erschossen zwei Wachleute.",
        [(2, "wachmann", "person", "killed", None)],
    ),
    (
        "Im Zeitraum von 2014 bis 2022 starben laut UN über 14.000 Menschen.",
        [(14000, "mensch", "person", "killed", None)],
    ),
    (
        "Das AKW Saporischschja hat sechs Reaktoren.",
        [(6, "reaktor", "other", "none", None)],
    ),
    (
        "Über Nacht wurden 26 Raketen gestartet; die Flugabwehr zerstörte 21 davon.",
        [(26, "rakete", "missile", "launched", None), (21, "rakete", "missile", "shot_down", "c1")],
    ),
    (
        "Elf Drohnen stürzten auf freiem Feld ab.",
        [(11, "drohne", "drone", "lost", None)],
    ),
    (
        "Fünf Drohnen drangen in den Luftraum von Belarus ein.",
        [(5, "drohne", "drone", "left", None)],
    ),
    (
        "Die Ukraine und Russland tauschten je 84 Gefangene aus.",
        [(84, "gefangener", "soldier", "returned", None)],
    ),
    (
        "Unter den Freigelassenen sind 12 Zivilisten.",
        [(12, "zivilist", "person", "returned", None)],
    ),
    (
        "Russische Truppen haben rund 400 ukrainische Soldaten in Gefangenschaft genommen.",
        [(400, "soldat", "soldier", "captured", None)],
    ),
    (
        "Der Feind beschoss 6 Gemeinden der Region 35 Mal.",
        [(6, "gemeinde", "settlement", "hit", None)],
    ),
    (
        "Es gab 2 Tote und 9 Verletzte.",
        [(2, "toter", "person", "killed", None), (9, "verletzter", "person", "injured", None)],
    ),
    (
        "Ihre Leben verloren 14 Menschen.",
        [(14, "mensch", "person", "killed", None)],
    ),
]


# a name between commas closes no clause; customers of a utility are people
CASES += [
    (
        "Laut dem Gouverneur des Gebiets Sumy, Oleh Hryhorow, wurden 17 Menschen verletzt, "
        "darunter zwei Kinder.",
        [(17, "mensch", "person", "injured", None), (2, "kind", "child", "injured", "c1")],
    ),
    (
        "Elf Menschen sind nach Angaben des Bürgermeisters, Ihor Terechow, verletzt worden.",
        [(11, "mensch", "person", "injured", None)],
    ),
    (
        "Zwölf Drohnen wurden abgeschossen, Trümmer, die herabfielen, beschädigten drei Häuser.",
        [(12, "drohne", "drone", "shot_down", None), (3, "haus", "building", "damaged", None)],
    ),
    (
        "Nach dem Angriff auf das Umspannwerk waren 180.000 Verbraucher ohne Strom.",
        [(180000, "verbraucher", "person", "none", None)],
    ),
    (
        "Rund 12.000 Stromkunden im Gebiet Sumy sind ohne Versorgung.",
        [(12000, "stromkunde", "person", "none", None)],
    ),
    (
        "Schwerer Angriff auf das Stromnetz – Notabschaltungen in vier Regionen",
        [(4, "region", "settlement", "none", None)],
    ),
    (
        "Nach dem Angriff auf zwei Umspannwerke gab es Stromausfälle in sieben Gemeinden.",
        [(2, "umspannwerk", "building", "hit", None), (7, "gemeinde", "settlement", "none", None)],
    ),
]


CASES += [
    # a compound injury noun is an injury ("erlitten Schnittverletzungen"), not the death before it
    (
        "Ein Rentner kam ums Leben, vier Frauen erlitten Schnittverletzungen durch Glassplitter.",
        [(4, "frau", "person", "injured", None)],
    ),
    # staying put is no evacuation
    (
        "Etwa 300 Einwohner wollen das Dorf trotz der Angriffe nicht verlassen.",
        [(300, "einwohner", "person", "none", None)],
    ),
    # "die russische Armee" as the attacker does not make the men it killed soldiers
    (
        "Die russische Armee beschoss das Dorf mit Raketenwerfern. Dabei starben drei Männer in einem Laden.",
        [(3, "mann", "person", "killed", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_counts(text, expected):
    assert tuples(text) == expected


NOT_COUNTS = [
    "Ein 13-Jähriger wurde im Alter von 13 Jahren verletzt.",
    "Der Angriff dauerte 24 Stunden, 70 Prozent der Stadt sind ohne Strom.",
    "Unter den Toten ist ein 17 Jahre alter Junge, das jüngste Opfer war erst 2.",
    "Die Drohnen flogen in einer Höhe von 300 Metern, die USA sagten 2,5 Milliarden Dollar zu.",
    "Mehr als drei Viertel der Drohnen wurden abgeschossen.",
    "Russland beschoss Cherson 52 Mal mit Artillerie.",
    "Der Sender „Kanal 5“ zeigte Bilder, wie Artikel 5 des Vertrags es vorsieht.",
    "Das Bataillon „Sieben“ und die Einheit „Brigade 47“ kämpften.",
    "Am 24.02.2022 um 4.30 Uhr begann die Invasion, die 155. Brigade rückte am 27. vor.",
    "Im Jahr 2023 und seit März 2014 herrscht Krieg, schon 1991 war das anders.",
    "Die S-300 und die Shahed-136/131 trafen ein 16-stöckiges Haus zum dritten Mal.",
    "Die Stadt rief eine dreitägige Trauer aus, ein Mann und eine Frau starben.",
    "Seit mehr als 1000 Tagen und über 2.000 Quadratkilometer hinweg dauern die Kämpfe an.",
    "Sechs- bis achtmal so viele Soldaten wie im Vorjahr fielen; einige Drohnen und mehrere Raketen trafen.",
    "Am Tag 1000 des Krieges sprach der Präsident.",
    "Der Senat stimmte mit 90:9 zu, im Finale stand es 6:4 und 7:5.",
    "Eine Boeing 747 der Fluggesellschaft landete mit 0,9 PS und 95,77 Yen.",
    "Eine 3.000-Euro-Suite, ein Hotel mit 800 Quadratmetern und 30 Meilen Strand.",
    # labels, units, times, sums and ordinals in war news
    "Der Angriff begann gegen 3.40 Uhr und dauerte rund zwei Stunden.",
    "Die Brigade 155 kämpft bei Pokrowsk.",
    "Ein 17-Jähriger wurde bei dem Angriff leicht verletzt.",
    "Die Drohnen flogen etwa 30 Kilometer weit.",
    "Die EU sagte weitere 5 Millionen Euro Soforthilfe zu.",
    "Die Resolution 2231 des Sicherheitsrats läuft aus.",
    "Unter der Telefonnummer 112 können sich Betroffene melden.",
    "Der Luftalarm dauerte fast vier Stunden.",
    "Die Inflation lag zuletzt bei 12 Prozent.",
    "Die Front ist etwa 1.000 Kilometer lang.",
    "Der 72-Jährige starb noch am Unfallort.",
    "Die Frau wurde 1985 in Mariupol geboren.",
    "Um 23.15 Uhr heulten in Kiew die Sirenen.",
    "Die Patriot-Systeme können Ziele in bis zu 160 Kilometern Entfernung treffen.",
    "Am 1. Juni griff die Ukraine mit Drohnen Flugplätze an.",
    "Seit dem 24. Februar 2022 tobt der Krieg.",
    "Das Paket hat einen Umfang von 1,2 Milliarden Dollar.",
    "Die Temperaturen fielen in der Nacht auf minus 15 Grad.",
    "Der Zug 743 aus Kiew traf mit zwei Stunden Verspätung ein.",
    "Zum dritten Mal in dieser Woche wurde Odessa angegriffen.",
    "Selenskyj unterzeichnete das Gesetz Nr. 3633.",
    "Er ist 54 und lebt in Dnipro.",
    "Die Explosion ereignete sich gegen 6 Uhr morgens in rund 200 Metern Entfernung.",
    "Die Luftabwehr ist seit 72 Stunden im Dauereinsatz.",
    "Mit 900 km/h fliegen die Marschflugkörper dicht über dem Boden.",
    "Die Ukraine erhält einen Kredit über 50 Milliarden Euro.",
    "Eine 14-jährige Schülerin wurde schwer verletzt.",
    "Die Autobahn M-14 und die Fernstraße E40 wurden gesperrt.",
    "Das 3. Armeekorps meldete Geländegewinne bei Kupjansk.",
    "Die Ukraine gewann das Spiel mit 3:1.",
    "Die Angriffe dauerten von 22 bis 5 Uhr.",
    "Die 93. mechanisierte Brigade hielt ihre Stellungen.",
    "Der Bürgermeister, 47, rief zur Ruhe auf.",
    "Bei minus 10 Grad harrten viele in ihren Wohnungen aus.",
    "Der Konvoi legte 400 Kilometer zurück.",
    "Er wurde zu 15 Jahren Haft verurteilt.",
    "Die Hilfe umfasst 250 Millionen US-Dollar.",
    "Das Gesetz tritt am 1. Januar 2026 in Kraft.",
    "Bis 2030 will die EU 800 Milliarden Euro mobilisieren.",
    "Das Treffen im Ramstein-Format fand zum 25. Mal statt.",
    "Die Sitzung dauerte von 9 bis 17 Uhr.",
    "Die Stadt liegt 20 km von der Grenze entfernt.",
    "Ein Drittel der Bevölkerung ist geflohen.",
    "Das Kraftwerk hatte eine Leistung von 2.000 Megawatt.",
    "Die Rakete flog rund 1.500 Kilometer weit.",
    "Die Raketen erreichen bis zu Mach 10.",
    "Die Spendenhotline 0800 500 335 ist rund um die Uhr erreichbar.",
    "Seit Tag 1 des Krieges steht die Stadt unter Beschuss.",
    "Es war der 12. Angriff auf Kiew in diesem Monat.",
    "Der Krieg geht in sein viertes Jahr, die Front ist 1.200 km lang.",
    "Gegen 2 Uhr nachts ertönte Luftalarm.",
    "Der 28-Jährige wurde festgenommen.",
    "Die Ukraine liegt auf Platz 105 im Korruptionsindex.",
    "Er wohnte in der Schewtschenko-Straße 12.",
    "Gegen 21:30 Uhr Ortszeit wurde Alarm ausgelöst.",
    "Die Drohne flog in 50 Metern Höhe.",
    "Die Verhandlungen gehen in die 3. Runde.",
    "Der Angriff war der schwerste seit 2022.",
    "Die Brigade „Asow“ feierte ihr 10-jähriges Bestehen.",
    "Kiew, 12. März (dpa) – Die Lage bleibt angespannt.",
]


@pytest.mark.parametrize("text", NOT_COUNTS, ids=[t[:40] for t in NOT_COUNTS])
def test_not_counts(text):
    assert tuples(text) == []


GAPS = [
    # a number after "Verluste an Personal" with no noun of its own: the loss report's
    # soldiers are not named ("1.340 Mann" is)
    (
        "Die Verluste Russlands an Personal beliefen sich am Vortag auf 1.340.",
        [(1340, "soldat", "soldier", "casualties", None)],
    ),
    # "alle" in the next clause tells what became of the people counted before
    (
        "In der Grube saßen 300 Bergleute fest; am Abend wurden alle an die Oberfläche geholt.",
        [(300, "bergmann", "person", "rescued", None)],
    ),
]


@pytest.mark.xfail(strict=True, reason="known gap of the count grammar")
@pytest.mark.parametrize(("text", "expected"), GAPS, ids=[c[0][:50] for c in GAPS])
def test_count_gaps(text, expected):
    assert tuples(text) == expected


def test_lexicon_rows_use_the_contract_vocabularies():
    from warparse.lexicons import table
    from warparse.records import CATEGORIES, OUTCOMES

    for row in table("count_nouns"):
        assert row["category"] in CATEGORIES, row
        assert (row.get("civil") or "person") in CATEGORIES, row
        for key in ("outcome", "default"):
            assert (row.get(key) or "none") in OUTCOMES, row
    for pattern, outcome, cats, _weight in counts._cue_rules():
        assert outcome in OUTCOMES and cats <= set(CATEGORIES), pattern.pattern


def test_year_before_a_counted_noun_is_a_count():
    assert tuples("Im Herbst wurden 2000 Soldaten verlegt.") == [(2000, "soldat", "soldier", "none", None)]


def test_qualifiers_ranges_ids_spans_and_evidence():
    text = "Am Morgen: Mehr als 600.000 russische Soldaten, zwischen 20 und 25 Drohnen und Dutzende Häuser."
    found = analyse(text).counts
    assert [c.id for c in found] == ["c1", "c2", "c3"]
    assert [(c.value, c.value_max, c.qualifier) for c in found] == [
        (600000, None, "more_than"),
        (20, 25, "exact"),
        (24, None, "approx"),
    ]
    assert [c.text for c in found] == [
        "Mehr als 600.000 russische Soldaten",
        "zwischen 20 und 25 Drohnen",
        "Dutzende Häuser",
    ]
    assert all(text[c.span[0] : c.span[1]] == c.text for c in found)
    assert found[0].rules[:3] == ["num.qualifier", "num.digits", "count.noun"]


def test_sentence_index_and_json_output():
    recs = [r for r in parse_text("Erster Satz. Dann 12 Drohnen.", explain=True) if r["type"] == "count"]
    assert recs[0]["sentence"] == 1
    assert recs[0]["value"] == 12 and recs[0]["rules"]
    assert json.loads(json.dumps(recs[0], ensure_ascii=False))["item"] == "drohne"


def test_numbers_inside_date_mentions_are_skipped():
    text = "In der Nacht zum 3 wurden 40 Drohnen gezählt."
    ctx = Context(segment(text))
    start = text.index("3")
    ctx.dates = [DateMention((start - 4, start + 1), "--10-03")]
    assert [(c.value, c.item) for c in counts.extract(ctx)] == [(40, "drohne")]


@pytest.mark.parametrize(
    ("word", "lemma", "category"),
    [
        ("Kampfdrohnen", "kampfdrohne", "drone"),
        ("Shahed-Drohnen", "shahed-drohne", "drone"),
        ("Iskander-M-Raketen", "iskander-m-rakete", "missile"),
        ("Kleinkinder", "kleinkind", "child"),
        ("Hochhäuser", "hochhaus", "building"),
        ("Staatsbürgern", "staatsbürger", "person"),
        ("Mehrfachraketenwerfer", "mehrfachraketenwerfer", "artillery"),
        ("Marschflugkörpern", "marschflugkörper", "missile"),
        ("Schwerverletzte", "schwerverletzter", "person"),
        ("Gleitbomben", "gleitbombe", "bomb"),
        ("Ch-101", "ch-101", "missile"),
    ],
)
def test_lexicon_lookup_by_compound_head(word, lemma, category):
    entry = lookup_noun(word)
    assert entry is not None and (entry.lemma, entry.category) == (lemma, category)


def test_short_entries_do_not_match_inside_words():
    assert lookup_noun("Sport") is None


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Zivilistinnen", "zivilistin"),
        ("Explosionen", "explosion"),
        ("Stromleitungen", "stromleitung"),
        ("Journalisten", "journalist"),
        ("Päckchen", "päckchen"),
        ("Kolonien", "kolonie"),
        ("Container", "container"),
        ("Fahrräder", "fahrräder"),
        ("Jeeps", "jeep"),
        ("Hotels", "hotel"),
        ("Verdächtige", "verdächtiger"),
        ("Angestellten", "angestellter"),
        ("Vertriebene", "vertriebener"),
        ("Bataillone", "bataillon"),
        ("Gerichte", "gericht"),
        ("Geräte", "gerät"),
        ("Transporte", "transport"),
        ("Diplomaten", "diplomat"),
        ("Polizisten", "polizist"),
        ("Geiseln", "geisel"),
    ],
)
def test_general_lemmatiser(word, lemma):
    assert lemmatise(word) == lemma


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not present")
def test_seed_bulletin_counts_match_its_gold():
    gold = json.loads((SHARED / "corpus" / "seed-000.gold.json").read_text(encoding="utf-8"))
    text = (SHARED / "corpus" / "seed-000.txt").read_text(encoding="utf-8")
    got = sorted((c.value, c.category, c.outcome) for c in analyse(text, gold["ref_date"]).counts)
    assert got == sorted((c["value"], c["category"], c["outcome"]) for c in gold["counts"])
