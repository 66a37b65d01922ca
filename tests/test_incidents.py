"""Incident records on sentences written for these tests.

The counts and dates an incident draws on are given by hand here (the
count and date grammars have tests of their own), so these tests pin the
segmentation, places, weapons, actor and figures of ``extract.incidents``.
The last test runs the whole pipeline on the seed bulletin, like the scorer.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from warparse.context import Context
from warparse.extract import incidents
from warparse.grammar.dates import DateMention
from warparse.pipeline import parse_text
from warparse.records import FIGURE_KEYS, Count
from warparse.segmenter import segment

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

FIGURES = FIGURE_KEYS


def _span(text: str, phrase: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def run(text: str, counts=(), dates=(), ref: str = "2025-03-04"):
    """Incidents of ``text`` with counts (phrase, value, item, category, outcome[, part_of])
    and dates (phrase, date[, date_end, time_of_day])."""
    ctx = Context(segment(text), dt.date.fromisoformat(ref))
    for i, (phrase, value, item, category, outcome, *rest) in enumerate(counts, 1):
        ctx.counts.append(
            Count(
                _span(text, phrase),
                id=f"c{i}",
                value=value,
                item=item,
                category=category,
                outcome=outcome,
                part_of=rest[0] if rest else None,
                text=phrase,
            )
        )
    for phrase, date, *rest in dates:
        end = rest[0] if rest else None
        tod = rest[1] if len(rest) > 1 else None
        ctx.dates.append(DateMention(_span(text, phrase), date, end, tod))
    return incidents.extract(ctx)


def summary(inc) -> dict:
    out = {
        "event": inc.event,
        "date": inc.date,
        "weapons": [(w.cls, w.name) for w in inc.weapons],
        "places": [loc.canonical for loc in inc.locations],
    }
    out.update({k: getattr(inc, k) for k in FIGURES if getattr(inc, k) is not None})
    return out


def test_split_within_a_sentence_when_weapon_and_target_change():
    text = (
        "In der Nacht zum Montag haben die Russen mit Gleitbomben zwei Stadtteile von Sumy getroffen und "
        "außerdem die Stadt Konotop im Gebiet Sumy mit Raketenwerfern vom Typ Uragan beschossen. "
        "Elf Menschen wurden verletzt, darunter zwei Kinder."
    )
    got = run(
        text,
        counts=[
            ("Elf Menschen", 11, "mensch", "person", "injured"),
            ("zwei Kinder", 2, "kind", "child", "injured"),
        ],
        dates=[("In der Nacht zum Montag", "2025-03-03", None, "night")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-03",
            "weapons": [("bomb", None)],
            "places": ["Sumy"],
            "injured": 11,
            "children_injured": 2,
        },
        {
            "event": "shelling",
            "date": "2025-03-03",
            "weapons": [("mlrs", "Uragan")],
            "places": ["Konotop", "Sumy"],
        },
    ]
    assert got[0].actor == got[1].actor == "Russia"
    assert "incident.split.clause" in got[1].rules
    assert text[got[0].span[0] : got[0].span[1]].startswith("In der Nacht zum Montag")


def test_the_other_sides_tally_is_its_own_attack_when_the_first_names_no_attacker():
    # nobody is named as attacking Charkiw, but a strike there is Russia's: Ukrainian drones
    # shot down over Kursk the same night are another attack
    text = (
        "In der Nacht zum Dienstag wurden in Charkiw acht Menschen verletzt. "
        "Die Flugabwehr habe 40 Drohnen abgeschossen. "
        "Das russische Verteidigungsministerium meldete, in der Nacht 30 ukrainische Drohnen "
        "über dem Gebiet Kursk abgefangen zu haben."
    )
    got = run(
        text,
        counts=[
            ("acht Menschen", 8, "mensch", "person", "injured"),
            ("40 Drohnen", 40, "drohne", "drone", "shot_down"),
            ("30 ukrainische Drohnen", 30, "drohne", "drone", "shot_down"),
        ],
        dates=[("In der Nacht zum Dienstag", "2025-03-04", None, "night")],
    )
    assert [[loc.canonical for loc in i.locations] for i in got] == [
        ["Kharkiv"],
        ["Kursk"],
    ]
    assert [i.shot_down for i in got] == [40, 30]


def test_tallies_in_later_sentences_merge_and_sum_over_weapons():
    text = (
        "Russland hat die Ukraine in der Nacht mit 80 Drohnen und sechs Marschflugkörpern angegriffen. "
        "Die Luftabwehr schoss 61 Drohnen und vier Marschflugkörper ab. "
        "Über dem Gebiet Poltawa wurden allein 20 Drohnen zerstört. "
        "Elf Drohnen gingen verloren, zwei flogen in Richtung Belarus."
    )
    got = run(
        text,
        counts=[
            ("80 Drohnen", 80, "drohne", "drone", "launched"),
            ("sechs Marschflugkörpern", 6, "marschflugkörper", "missile", "launched"),
            ("61 Drohnen", 61, "drohne", "drone", "shot_down"),
            ("vier Marschflugkörper", 4, "marschflugkörper", "missile", "shot_down"),
            ("20 Drohnen", 20, "drohne", "drone", "shot_down"),
            ("Elf Drohnen", 11, "drohne", "drone", "lost"),
            ("zwei flogen", 2, "drohne", "drone", "left"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None), ("missile", None)],
            "places": ["Poltava"],
            "launched": 86,
            "shot_down": 65,
            "lost": 11,
            "left": 2,
        },
    ]
    assert got[0].counts == ["c1", "c2", "c3", "c4", "c6", "c7"]
    assert "figures.sum_weapons" in got[0].rules


def test_totals_and_subsets_are_not_added_twice():
    text = (
        "Insgesamt feuerte Russland zwölf Raketen auf Odessa ab, darunter drei ballistische. "
        "Neben den ballistischen waren es neun Marschflugkörper vom Typ Kalibr."
    )
    got = run(
        text,
        counts=[
            ("zwölf Raketen", 12, "rakete", "missile", "launched"),
            ("drei ballistische", 3, "rakete", "missile", "launched"),
            ("neun Marschflugkörper", 9, "marschflugkörper", "missile", "launched"),
        ],
    )
    assert summary(got[0])["launched"] == 12
    assert got[0].weapons[0].name == "Kalibr"


def test_subsets_marked_by_davon_are_not_added():
    text = "Über Charkiw fing die Luftabwehr zehn Raketen ab, vier davon Marschflugkörper."
    counts = [
        ("zehn Raketen", 10, "rakete", "missile", "shot_down"),
        ("vier davon Marschflugkörper", 4, "marschflugkörper", "missile", "shot_down"),
    ]
    assert run(text, counts=counts)[0].shot_down == 10


def test_headline_sections_keep_events_apart_and_continuations_join():
    text = (
        "Drohnen über Odessa\n"
        "In der Nacht zum Dienstag griff Russland die Hafenstadt Odessa mit 25 Drohnen an.\n"
        "Artillerie auf Nikopol\n"
        "Am Dienstagmorgen beschossen russische Truppen die Stadt Nikopol mit Artillerie.\n"
        "Zwei Tote in Nikopol\n"
        "Die Zahl der Toten stieg bis zum Abend auf zwei.\n"
    )
    got = run(
        text,
        counts=[
            ("25 Drohnen", 25, "drohne", "drone", "launched"),
            ("auf zwei", 2, "toter", "person", "killed"),
        ],
        dates=[("In der Nacht zum Dienstag", "2025-03-04"), ("Am Dienstagmorgen", "2025-03-04")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-04",
            "weapons": [("drone", None)],
            "places": ["Odesa"],
            "launched": 25,
        },
        {
            "event": "shelling",
            "date": "2025-03-04",
            "weapons": [("artillery", None)],
            "places": ["Nikopol"],
            "killed": 2,
        },
    ]


def test_a_new_section_about_other_places_is_another_attack_even_with_the_same_weapon():
    text = (
        "Drohnen über Sumy\n"
        "In der Nacht griffen russische Drohnen die Stadt Sumy an.\n"
        "Drohnen über Lwiw\n"
        "Auch in Lwiw schlugen Drohnen in ein Lagerhaus ein.\n"
    )
    got = run(text)
    assert [summary(i)["places"] for i in got] == [["Sumy"], ["Lviv"]]


def test_a_headline_names_the_attack_whose_effects_the_body_reports():
    text = (
        "+++ 09:40 Raketenangriff auf Mykolajiw +++\n"
        "In der Stadt wurden nach Behördenangaben vier Menschen verletzt.\n"
    )
    (inc,) = run(text, counts=[("vier Menschen", 4, "mensch", "person", "injured")])
    assert summary(inc) == {
        "event": "air_attack",
        "date": "2025-03-04",  # a dateless live-ticker item is of the bulletin's day
        "weapons": [("missile", None)],
        "places": ["Mykolaiv"],
        "injured": 4,
    }
    assert inc.rules[0] == "incident.from_headline" and "incident.date.ticker" in inc.rules


def test_a_new_section_about_the_same_attack_continues_it():
    text = (
        "Raketen auf Lwiw\n"
        "In der Nacht zum Sonntag schlugen russische Raketen in Lwiw ein.\n"
        "Schäden in der Altstadt\n"
        "Bei dem Angriff wurden Wohnhäuser im Zentrum von Lwiw beschädigt.\n"
    )
    got = run(text, dates=[("In der Nacht zum Sonntag", "2025-03-02")])
    assert [summary(i) for i in got] == [
        {"event": "air_attack", "date": "2025-03-02", "weapons": [("missile", None)], "places": ["Lviv"]}
    ]
    assert got[0].damage == ["Wohnhäuser"]


def test_connective_with_other_places_is_a_new_event_of_the_same_kind():
    text = (
        "Am Samstag warfen russische Kampfjets Gleitbomben auf Cherson. "
        "Am selben Tag griffen die Russen auch die Stadt Huljajpole mit Gleitbomben an. "
        "Über dem Gebiet Brjansk ging in derselben Nacht eine weitere Drohne nieder."
    )
    got = run(text, dates=[("Am Samstag", "2025-03-01")])
    assert [summary(i) for i in got] == [
        {"event": "air_attack", "date": "2025-03-01", "weapons": [("bomb", None)], "places": ["Kherson"]},
        {"event": "air_attack", "date": "2025-03-01", "weapons": [("bomb", None)], "places": ["Huliaipole"]},
        {"event": "air_attack", "date": "2025-03-01", "weapons": [("drone", None)], "places": ["Bryansk"]},
    ]
    assert "incident.date.same_time" in got[1].rules


def test_place_lists_and_roles():
    text = (
        "Russland griff mit Drohnen aus Richtung Kursk und Orjol an. "
        "Sie wurden in den Regionen Sumy, Tschernihiw, Kyjiw und Schytomyr abgeschossen."
    )
    (inc,) = run(text)
    assert [(loc.canonical, loc.kind, loc.role) for loc in inc.locations] == [
        ("Kursk", "city", "origin"),
        ("Oryol", "city", "origin"),
        ("Sumy", "oblast", "target"),
        ("Chernihiv", "oblast", "target"),
        ("Kyiv", "oblast", "target"),
        ("Zhytomyr", "oblast", "target"),
    ]
    assert inc.locations[2].iso == "UA-59" and inc.locations[2].lat is not None


def test_country_only_when_no_other_place_and_not_the_government():
    (inc,) = run("Moskau hat die Ukraine in der Nacht erneut mit Drohnen angegriffen.")
    assert [loc.canonical for loc in inc.locations] == ["Ukraine"]
    assert inc.actor == "Russia"
    (inc,) = run("Die Ukraine hat Russland in der Nacht mit Drohnen angegriffen.")
    assert ([loc.canonical for loc in inc.locations], inc.actor) == (["Russia"], "Ukraine")
    (inc,) = run("Russland hat die Ukraine mit Drohnen angegriffen, vor allem die Region Winnyzja.")
    assert [loc.canonical for loc in inc.locations] == ["Vinnytsia"]


def test_actor_from_nationality_passive_and_enemy_drones():
    (inc,) = run("Ukrainische Drohnen haben in der Nacht eine Raffinerie im Gebiet Rjasan getroffen.")
    assert (inc.actor, [loc.canonical for loc in inc.locations]) == ("Ukraine", ["Ryazan"])
    (inc,) = run("Die Stadt Belgorod wurde am Abend mit Raketen angegriffen.")
    assert inc.actor == "Ukraine"
    (inc,) = run(
        "Nach Angaben der ukrainischen Luftwaffe wurden über der Region Sumy feindliche Drohnen abgeschossen."
    )
    assert (inc.event, inc.actor) == ("air_attack", "Russia")


def test_ground_combat_deployment_and_exchange():
    text = (
        "Nordkoreanische Soldaten sind inzwischen im russischen Gebiet Kursk stationiert.\n"
        "Rund um Kupjansk im Gebiet Charkiw dauern die Kämpfe an, "
        "russische Einheiten rücken dort weiter vor.\n"
        "Am Freitag haben Russland und die Ukraine je 90 Gefangene ausgetauscht.\n"
    )
    got = run(text, dates=[("Am Freitag", "2025-02-28")])
    assert [(i.event, i.actor, [loc.canonical for loc in i.locations], i.date) for i in got] == [
        ("deployment", "North Korea", ["Kursk"], None),
        ("ground_combat", "Russia", ["Kupiansk", "Kharkiv"], None),
        ("other", "Russia", [], "2025-02-28"),
    ]


def test_a_dated_attack_without_place_or_weapon_is_still_an_incident():
    text = "Russland hat in der Nacht zum Montag die Energieversorgung erneut angegriffen."
    (inc,) = run(text, dates=[("in der Nacht zum Montag", "2025-03-03", None, "night")])
    assert (inc.event, inc.date, inc.locations, inc.actor) == ("air_attack", "2025-03-03", [], "Russia")


def test_months_and_old_dates_are_no_event_dates():
    text = "Wie schon im Februar 2022 schlugen am Montag zwei Raketen in Odessa ein."
    (inc,) = run(text, dates=[("im Februar 2022", "2022-02-01", "2022-02-28"), ("am Montag", "2025-03-03")])
    assert inc.date == "2025-03-03"


def test_political_initiatives_and_generic_attacks_are_no_events():
    text = (
        "Den Vorstoß von Präsident Trump für eine Waffenruhe wollte Moskau nicht kommentieren. "
        "Jeder derartige Angriff zeige, wie dringend die Ukraine Luftabwehr brauche."
    )
    assert run(text) == []


def test_capital_where_the_government_speaks_is_no_place():
    text = (
        "Am Montag haben beide Seiten 120 Gefangene ausgetauscht, teilte der Koordinierungsstab in Kiew mit."
    )
    (inc,) = run(text, dates=[("Am Montag", "2025-03-03")])
    assert (inc.event, inc.locations) == ("other", [])


def test_troops_sent_are_a_deployment_troops_to_be_sent_are_not():
    (inc,) = run("Nordkorea hat nach Angaben aus Seoul weitere 3.000 Soldaten nach Russland geschickt.")
    assert (inc.event, inc.actor, [loc.canonical for loc in inc.locations]) == (
        "deployment",
        "North Korea",
        ["Russia"],
    )
    assert run("Es wird befürchtet, dass weitere Soldaten an die Front geschickt werden.") == []


def test_background_totals_and_habits_are_no_incidents():
    text = (
        "Seit Beginn der Invasion hat Russland mehr als 20.000 Drohnen auf die Ukraine abgefeuert. "
        "Abgeschossen wurden davon 17.000 Drohnen. "
        "Jeden Tag gehen nach Angaben Kiews Dutzende Gleitbomben auf die Front nieder."
    )
    assert run(text, counts=[("20.000 Drohnen", 20000, "drohne", "drone", "launched")]) == []


def test_quoted_speech_and_government_capitals_are_no_events():
    text = (
        "Moskau und Kiew verhandeln weiter. „Russland wird die Angriffe mit Raketen auf Charkiw fortsetzen“, "
        "sagte der Sprecher. Der Generalstab in Kiew äußerte sich nicht."
    )
    assert run(text) == []


def test_weak_cues_open_an_incident_only_when_a_weapon_follows():
    text = (
        "Am Morgen heulten in Saporischschja die Sirenen. Kurz darauf schlug eine Rakete in ein Wohnhaus ein."
    )
    (inc,) = run(text, dates=[("Am Morgen", "2025-03-04", None, "morning")])
    assert summary(inc) == {
        "event": "air_attack",
        "date": "2025-03-04",
        "weapons": [("missile", None)],
        "places": ["Zaporizhzhia"],
    }
    assert inc.time_of_day == "morning"
    assert run("Am Abend heulten in Poltawa die Sirenen.") == []


def test_launch_platforms_are_no_weapons_of_a_missile_strike():
    (inc,) = run("Russland feuerte von Bombern vom Typ Tu-95 Marschflugkörper vom Typ Ch-101 auf Dnipro ab.")
    assert [(w.cls, w.name) for w in inc.weapons] == [("missile", "Ch-101")]
    (inc,) = run("Russische Kampfflugzeuge griffen Stellungen bei Torezk mit Raketen an.")
    assert [w.cls for w in inc.weapons] == ["missile"]


def test_part_of_a_launched_count_is_still_a_figure():
    text = "Von 40 Drohnen wurden 35 über dem Gebiet Tscherkassy abgefangen."
    got = run(
        text,
        counts=[
            ("40 Drohnen", 40, "drohne", "drone", "launched"),
            ("35 über", 35, "drohne", "drone", "shot_down", "c1"),
        ],
    )
    assert (got[0].launched, got[0].shot_down) == (40, 35)


def test_advance_with_artillery_is_ground_combat_with_its_weapons():
    text = (
        "Russische Einheiten dringen seit Tagen bei Wowtschansk vor; die Stadt wird mit Artillerie und "
        "Gleitbomben beschossen. Die Russen setzten dabei auch Kampfflugzeuge ein."
    )
    (inc,) = run(text)
    assert (inc.event, sorted(w.cls for w in inc.weapons)) == (
        "ground_combat",
        ["aircraft", "artillery", "bomb"],
    )


def test_guns_and_drones_together_are_shelling():
    (inc,) = run(
        "Am Dienstag beschossen russische Truppen 30 Orte im Gebiet Cherson mit Artillerie und Drohnen."
    )
    assert (inc.event, sorted(w.cls for w in inc.weapons)) == ("shelling", ["artillery", "drone"])


def test_rockets_of_a_launcher_belong_to_its_shelling():
    text = (
        "Die ukrainische Armee beschoss die Stadt Schebekino mit Mehrfachraketenwerfern. "
        "Die Luftabwehr fing zwölf Raketen ab, mehrere schlugen in Wohnhäusern ein."
    )
    (inc,) = run(text, counts=[("zwölf Raketen", 12, "rakete", "missile", "shot_down")])
    assert (inc.event, [w.cls for w in inc.weapons], inc.shot_down) == ("shelling", ["mlrs"], 12)


def test_parts_named_under_a_total_are_not_added():
    text = (
        "Russland griff mit 60 Drohnen, darunter 20 Attrappen, und sieben Raketen an. "
        "Unter den sieben Raketen waren vier Marschflugkörper und drei ballistische Raketen."
    )
    counts = [
        ("60 Drohnen", 60, "drohne", "drone", "launched"),
        ("20 Attrappen", 20, "attrappe", "drone", "launched"),
        ("sieben Raketen an", 7, "rakete", "missile", "launched"),
        ("vier Marschflugkörper", 4, "marschflugkörper", "missile", "launched"),
        ("drei ballistische", 3, "rakete", "missile", "launched"),
    ]
    assert run(text, counts=counts)[0].launched == 67


def test_weekly_totals_and_what_would_happen_are_no_incidents():
    text = (
        "Allein vergangene Woche hat Russland mehr als 500 Drohnen auf die Ukraine abgefeuert. "
        "Ein Einsatz nordkoreanischer Truppen an der Front wäre eine Eskalation, sagte der Minister."
    )
    assert run(text) == []


def test_damage_done_by_drones_is_an_attack_of_its_own_day():
    text = (
        "In der Nacht zum Samstag griffen russische Drohnen die Stadt Poltawa an. "
        "Bereits am Donnerstag hatten Drohnen ein Umspannwerk im Gebiet Sumy beschädigt."
    )
    got = run(text, dates=[("In der Nacht zum Samstag", "2025-03-01"), ("am Donnerstag", "2025-02-27")])
    assert [(i.date, [loc.canonical for loc in i.locations]) for i in got] == [
        ("2025-03-01", ["Poltava"]),
        ("2025-02-27", ["Sumy"]),
    ]


def test_districts_and_villages_the_gazetteer_lacks():
    text = "Russische Raketen trafen in der Nacht die Stadtbezirke Darnyzja und Obolon im Zentrum Kiews."
    (inc,) = run(text)
    assert [(loc.canonical, loc.kind) for loc in inc.locations] == [
        ("Darnytsia", "district"),
        ("Obolon", "district"),
        ("Kyiv", "city"),
    ]


SEED = SHARED / "corpus" / "seed-000.txt"


@pytest.mark.skipif(not SEED.exists(), reason="the shared corpus is not beside the clone")
def test_seed_bulletin_parses_to_its_gold():
    gold = json.loads(SEED.with_name("seed-000.gold.json").read_text(encoding="utf-8"))
    records = parse_text(SEED.read_text(encoding="utf-8"), gold["ref_date"])
    got = []
    for r in records:
        if r["type"] != "incident":
            continue
        dates = sorted({d[5:] for d in (r["date"], r.get("date_end")) if d})
        got.append(
            {
                "event": r["event"],
                "dates": dates,
                "weapons": sorted({w["class"] for w in r["weapons"]}),
                "locations": sorted(loc["canonical"] for loc in r["locations"]),
                "figures": {k: r[k] for k in FIGURES if k in r},
            }
        )
    want = [
        {
            "event": g["event"],
            "dates": sorted(g["dates"]),
            "weapons": sorted(g["weapons"]),
            "locations": sorted(g["locations"]),
            "figures": g["figures"],
        }
        for g in gold["incidents"]
    ]
    assert got == want


def test_enumeration_after_a_dash_is_part_of_the_set_before_it():
    text = (
        "In der Nacht griff Russland die Region Odessa mit 40 Drohnen und sechs Raketen an. "
        "Von den sechs Raketen – vier Marschflugkörpern vom Typ Kalibr und zwei ballistischen Raketen – "
        "wurden fünf abgefangen."
    )
    got = run(
        text,
        counts=[
            ("40 Drohnen", 40, "drohne", "drone", "launched"),
            ("sechs Raketen", 6, "rakete", "missile", "launched"),
            ("den sechs Raketen", 6, "rakete", "missile", "launched"),
            ("vier Marschflugkörpern", 4, "marschflugkörper", "missile", "launched"),
            ("zwei ballistischen Raketen", 2, "rakete", "missile", "launched"),
            ("fünf abgefangen", 5, "rakete", "missile", "shot_down", "c3"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None), ("missile", "Kalibr")],
            "places": ["Odesa"],
            "launched": 46,
            "shot_down": 5,
        },
    ]


def test_part_marker_ends_at_comma_und_and_at_weitere():
    text = (
        "Bei dem Angriff auf Charkiw in der Nacht wurden sieben Menschen getötet, darunter ein Kind, "
        "und 52 weitere verletzt."
    )
    got = run(
        text,
        counts=[
            ("sieben Menschen", 7, "mensch", "person", "killed"),
            ("ein Kind", 1, "kind", "child", "killed", "c1"),
            ("52 weitere", 52, "mensch", "person", "injured"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [],
            "places": ["Kharkiv"],
            "killed": 7,
            "injured": 52,
            "children_killed": 1,
        },
    ]


def test_postposed_davon_belongs_to_its_own_number():
    text = (
        "Am Montag trafen zwei Drohnen ein Umspannwerk bei Sumy. Eine davon explodierte auf dem Dach, "
        "drei Techniker wurden verletzt."
    )
    got = run(
        text,
        counts=[
            ("zwei Drohnen", 2, "drohne", "drone", "hit"),
            ("drei Techniker", 3, "techniker", "person", "injured"),
        ],
        dates=[("Am Montag", "2025-03-03")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-03",
            "weapons": [("drone", None)],
            "places": ["Sumy"],
            "injured": 3,
        },
    ]


def test_sea_drones_add_to_air_drones():
    text = (
        "Die Ukraine hat in der Nacht die Krim mit Drohnen angegriffen. Über der Halbinsel seien "
        "25 Drohnen abgeschossen worden. Zudem habe die Flotte vier Seedrohnen vor Sewastopol zerstört."
    )
    got = run(
        text,
        counts=[
            ("25 Drohnen", 25, "drohne", "drone", "shot_down"),
            ("vier Seedrohnen", 4, "seedrohne", "drone", "shot_down"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None)],
            "places": ["Crimea", "Sevastopol"],
            "shot_down": 29,
        },
    ]


def test_casualties_of_an_earlier_event_in_a_pluperfect_relative_clause_are_background():
    text = (
        "In der Nacht wurden in Odessa bei einem Drohnenangriff drei Menschen verletzt.\n"
        "Reaktionen\n"
        "Die Außenministerin verurteilte den Angriff. Sie erinnerte an den Beschuss eines Busses, "
        "bei dem im Vorjahr 14 Fahrgäste ums Leben gekommen waren."
    )
    got = run(
        text,
        counts=[
            ("drei Menschen", 3, "mensch", "person", "injured"),
            ("14 Fahrgäste", 14, "fahrgast", "person", "killed"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None)],
            "places": ["Odesa"],
            "injured": 3,
        },
    ]


def test_place_named_only_in_the_section_headline():
    text = (
        "Nacht der Angriffe\n"
        "In der Nacht zum Montag griff Russland die Stadt Poltawa mit 30 Drohnen an.\n"
        "Raketen auf Sumy\n"
        "Am Montagmorgen schlugen dort drei Raketen ein. Zwei Menschen wurden verletzt."
    )
    got = run(
        text,
        counts=[
            ("30 Drohnen", 30, "drohne", "drone", "launched"),
            ("drei Raketen", 3, "rakete", "missile", "hit"),
            ("Zwei Menschen", 2, "mensch", "person", "injured"),
        ],
        dates=[("In der Nacht zum Montag", "2025-03-03", None, "night"), ("Am Montagmorgen", "2025-03-03")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-03",
            "weapons": [("drone", None)],
            "places": ["Poltava"],
            "launched": 30,
        },
        {
            "event": "air_attack",
            "date": "2025-03-03",
            "weapons": [("missile", None)],
            "places": ["Sumy"],
            "injured": 2,
        },
    ]
    assert "incident.place.headline" in got[1].rules


def test_headline_place_does_not_replace_a_country_the_body_names():
    text = (
        "Alarm in Kiew\n"
        "In der Nacht heulten in weiten Teilen der Ukraine die Sirenen: russische Drohnen waren im Anflug."
    )
    got = run(text)
    assert [loc.canonical for i in got for loc in i.locations] == ["Ukraine"]


def test_troops_shelling_without_a_weapon_is_shelling_with_no_weapon_made_up():
    text = (
        "Beschuss in Cherson\n"
        "Am Sonntag beschossen russische Truppen erneut Wohnviertel. Zwei Frauen wurden verletzt."
    )
    got = run(
        text,
        counts=[("Zwei Frauen", 2, "frau", "person", "injured")],
        dates=[("Am Sonntag", "2025-03-02")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "shelling",
            "date": "2025-03-02",
            "weapons": [],
            "places": ["Kherson"],
            "injured": 2,
        },
    ]
    assert got[0].actor == "Russia"


def test_two_attack_clauses_on_different_cities_are_two_incidents():
    text = (
        "Russland griff am Dienstag die Stadt Sumy mit Drohnen an, zwei Menschen wurden verletzt. "
        "Am Abend griffen russische Drohnen die Stadt Cherson an, vier Menschen starben."
    )
    got = run(
        text,
        counts=[
            ("zwei Menschen", 2, "mensch", "person", "injured"),
            ("vier Menschen", 4, "mensch", "person", "killed"),
        ],
        dates=[("am Dienstag", "2025-03-04")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-04",
            "weapons": [("drone", None)],
            "places": ["Sumy"],
            "injured": 2,
        },
        {
            "event": "air_attack",
            "date": "2025-03-04",
            "weapons": [("drone", None)],
            "places": ["Kherson"],
            "killed": 4,
        },
    ]


def test_also_attacked_city_stays_in_the_same_attack():
    text = (
        "Russland hat in der Nacht die Stadt Kiew mit Drohnen angegriffen. "
        "In Charkiw griffen die russischen Drohnen ebenfalls Wohnviertel an."
    )
    got = run(text)
    assert [summary(i)["places"] for i in got] == [["Kyiv", "Kharkiv"]]


def test_power_cut_in_a_later_paragraph_names_no_target():
    text = (
        "In der Nacht zum Montag griff Russland Kraftwerke im Gebiet Lwiw mit 40 Drohnen an.\n"
        "Im Gebiet Wolhynien waren nach dem Stromausfall am Morgen Tausende Haushalte ohne Strom."
    )
    got = run(
        text,
        counts=[("40 Drohnen", 40, "drohne", "drone", "launched")],
        dates=[("In der Nacht zum Montag", "2025-03-03", None, "night")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-03",
            "weapons": [("drone", None)],
            "places": ["Lviv"],
            "launched": 40,
        },
    ]


def test_outage_cue():
    from warparse.grammar import events

    assert "outage" in events.cues("Seit dem Angriff sind 3000 Haushalte ohne Strom.")
    assert "damage" not in events.cues("In Sumy ist der Strom ausgefallen.")


def test_where_the_struck_plant_lies_is_a_place_of_the_attack():
    text = (
        "Am Dienstag trafen zwei Drohnen das Gelände einer Raffinerie, teilte der Betreiber mit.\n"
        "„Wir haben den Brand schnell unter Kontrolle gebracht“, sagte ein Sprecher. "
        "Die Raffinerie liegt am Rand der Stadt Krementschuk im Gebiet Poltawa."
    )
    got = run(
        text,
        counts=[("zwei Drohnen", 2, "drohne", "drone", "hit")],
        dates=[("Am Dienstag", "2025-03-04")],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-04",
            "weapons": [("drone", None)],
            "places": ["Kremenchuk", "Poltava"],
        },
    ]


def test_headline_weapon_separates_a_section_that_names_none():
    text = (
        "Gleitbomben auf Sumy\n"
        "Russische Kampfflugzeuge haben die Stadt Sumy am Mittwoch mit Gleitbomben angegriffen.\n"
        "Artilleriebeschuss im Gebiet Sumy\n"
        "Am selben Tag zählte die Gebietsverwaltung 120 Angriffe auf Ortschaften im Gebiet Sumy, darunter "
        "Bilopillja. Die Dörfer seien mit Mörsern beschossen worden."
    )
    got = run(
        text,
        counts=[("120 Angriffe", 120, "angriff", "attack", "launched")],
        dates=[("am Mittwoch", "2025-03-05")],
        ref="2025-03-06",
    )
    assert [(i.event, [w.cls for w in i.weapons], [loc.canonical for loc in i.locations]) for i in got] == [
        ("air_attack", ["bomb"], ["Sumy"]),
        ("shelling", ["artillery"], ["Sumy", "Bilopillia"]),
    ]


def test_davon_with_another_outcome_is_a_figure_and_the_other_side_is_another_incident():
    text = (
        "In der Nacht hat Russland die Stadt Saporischschja mit 60 Drohnen und vier Raketen angegriffen. "
        "Davon seien drei Raketen abgefangen worden.\n"
        "Im russischen Gebiet Kursk wurde eine Frau durch eine ukrainische Drohne verletzt. Über dem Gebiet "
        "Brjansk seien zudem 14 ukrainische Drohnen abgeschossen worden, meldete Moskau."
    )
    got = run(
        text,
        counts=[
            ("60 Drohnen", 60, "drohne", "drone", "launched"),
            ("vier Raketen", 4, "rakete", "missile", "launched"),
            ("drei Raketen", 3, "rakete", "missile", "shot_down"),
            ("14 ukrainische Drohnen", 14, "drohne", "drone", "shot_down"),
        ],
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None), ("missile", None)],
            "places": ["Zaporizhzhia"],
            "launched": 64,
            "shot_down": 3,
        },
        {
            "event": "air_attack",
            "date": None,
            "weapons": [("drone", None)],
            "places": ["Kursk", "Bryansk"],
            "shot_down": 14,
        },
    ]
    assert [i.actor for i in got] == ["Russia", "Ukraine"]


def test_country_subject_before_an_object_is_the_attacker():
    from warparse.grammar import events

    assert events.actors("Nachts hat Russland die Stadt Sumy mit Drohnen angegriffen.") == [(11, "Russia")]
    assert events.actors("Betroffen war die ukrainische Stadt Sumy.") == []


def test_national_tally_after_another_event_returns_to_the_air_attack():
    text = (
        "In der Nacht zum Freitag griff Russland die Stadt Mykolajiw mit Drohnen an, zwei Menschen starben.\n"
        "Am Donnerstagabend hatte die russische Armee zudem die Stadt Cherson mit Artillerie beschossen.\n"
        "Landesweit hatte Russland 58 Drohnen und drei Raketen gestartet. "
        "41 Drohnen seien abgeschossen worden."
    )
    got = run(
        text,
        counts=[
            ("zwei Menschen", 2, "mensch", "person", "killed"),
            ("58 Drohnen", 58, "drohne", "drone", "launched"),
            ("drei Raketen", 3, "rakete", "missile", "launched"),
            ("41 Drohnen", 41, "drohne", "drone", "shot_down"),
        ],
        dates=[
            ("In der Nacht zum Freitag", "2025-03-07", None, "night"),
            ("Am Donnerstagabend", "2025-03-06"),
        ],
        ref="2025-03-07",
    )
    assert [summary(i) for i in got] == [
        {
            "event": "air_attack",
            "date": "2025-03-07",
            "weapons": [("drone", None), ("missile", None)],
            "places": ["Mykolaiv"],
            "launched": 61,
            "shot_down": 41,
            "killed": 2,
        },
        {"event": "shelling", "date": "2025-03-06", "weapons": [("artillery", None)], "places": ["Kherson"]},
    ]
    assert "incident.merge.resumed" in got[0].rules


def test_enumeration_after_a_verb_and_colon_is_part_of_the_set():
    text = (
        "Russland hat die Region Lwiw mit 20 Drohnen und fünf Raketen angegriffen: zwei Marschflugkörpern "
        "vom Typ Ch-101 und drei ballistischen Raketen."
    )
    got = run(
        text,
        counts=[
            ("20 Drohnen", 20, "drohne", "drone", "launched"),
            ("fünf Raketen", 5, "rakete", "missile", "launched"),
            ("zwei Marschflugkörpern", 2, "marschflugkörper", "missile", "launched"),
            ("drei ballistischen Raketen", 3, "rakete", "missile", "launched"),
        ],
    )
    assert [(summary(i)["places"], i.launched) for i in got] == [(["Lviv"], 25)]


def test_weitere_casualties_in_another_town_add_up():
    text = (
        "Am Sonntag griff Russland das Gebiet Dnipropetrowsk mit Drohnen an. In Dnipro wurden drei Menschen "
        "verletzt. In Pawlohrad erlitten weitere vier Menschen Verletzungen."
    )
    got = run(
        text,
        counts=[
            ("drei Menschen", 3, "mensch", "person", "injured"),
            ("vier Menschen", 4, "mensch", "person", "injured"),
        ],
        dates=[("Am Sonntag", "2025-03-02")],
    )
    assert [(summary(i)["places"], i.injured) for i in got] == [
        (["Dnipropetrovsk", "Dnipro", "Pavlohrad"], 7)
    ]
    assert "figures.more" in got[0].rules


def test_a_total_is_not_added_to():
    text = (
        "Am Sonntag griff Russland Dnipro mit Drohnen an. Insgesamt wurden sieben Menschen verletzt, "
        "drei in der Innenstadt und weitere vier am Stadtrand."
    )
    got = run(
        text,
        counts=[
            ("sieben Menschen", 7, "mensch", "person", "injured"),
            ("drei in", 3, "mensch", "person", "injured"),
            ("vier am", 4, "mensch", "person", "injured"),
        ],
        dates=[("Am Sonntag", "2025-03-02")],
    )
    assert [i.injured for i in got] == [7]


def test_capture_noun_is_ground_combat():
    text = "Das Ministerium in Moskau meldete am Sonntag die Einnahme des Dorfes Iwaniwka im Gebiet Charkiw."
    got = run(text, dates=[("am Sonntag", "2025-03-02")])
    assert [(i.event, summary(i)["places"]) for i in got] == [("ground_combat", ["Ivanivka", "Kharkiv"])]


def test_an_alleged_attack_in_a_denial_is_no_incident():
    text = "Kiew wies Berichte über angebliche Drohnenangriffe auf Dörfer im Gebiet Brjansk zurück."
    assert run(text) == []
    # nor does it continue the strike told before it
    text = "Angriffe im Norden\nRussische Raketen trafen am Morgen die Stadt Sumy.\n" + text
    got = run(text, dates=[("am Morgen", "2025-03-04", None, "morning")])
    assert [summary(i)["places"] for i in got] == [["Sumy"]]


def test_the_other_sides_attack_reported_in_the_same_night_is_its_own_incident():
    text = (
        "Russland hat in der Nacht nach eigenen Angaben 40 ukrainische Drohnen über dem Gebiet Kursk "
        "abgeschossen. Die ukrainische Luftwaffe meldete, Russland habe die Ukraine in derselben Nacht mit "
        "50 Drohnen angegriffen. 30 Drohnen seien abgefangen worden."
    )
    got = run(
        text,
        counts=[
            ("40 ukrainische Drohnen", 40, "drohne", "drone", "shot_down"),
            ("50 Drohnen", 50, "drohne", "drone", "launched"),
            ("30 Drohnen", 30, "drohne", "drone", "shot_down"),
        ],
        dates=[("in der Nacht", "2025-03-04", None, "night")],
    )
    assert [(summary(i)["places"], i.launched, i.shot_down) for i in got] == [
        (["Kursk"], None, 40),
        (["Ukraine"], 50, 30),
    ]


def test_an_alarm_elsewhere_in_a_paragraph_of_its_own_is_not_the_strike():
    text = (
        "Am Morgen griff Russland ein Umspannwerk im Gebiet Sumy mit Raketen an.\n"
        "Im Hafen von Ismajil gab es am Morgen Luftalarm, Schäden wurden dort nicht gemeldet."
    )
    got = run(text, dates=[("Am Morgen", "2025-03-04", None, "morning")])
    assert [summary(i)["places"] for i in got] == [["Sumy"]]


def test_a_district_named_in_the_officials_quotation_is_a_place_of_the_strike():
    text = (
        "In der Nacht griff Russland die Stadt Charkiw mit Drohnen an. „Getroffen wurden Wohnhäuser im "
        "Stadtbezirk Schewtschenkiwskyj“, schrieb der Bürgermeister. „Die Welt muss Moskau stoppen“, sagte er"
    )
    got = run(text, dates=[("In der Nacht", "2025-03-04", None, "night")])
    assert [summary(i)["places"] for i in got] == [["Kharkiv", "Shevchenkivskyi"]]


def _incidents(text: str, ref: str) -> list[dict]:
    """The incident records of the whole pipeline (dates and counts found by their grammars)."""
    return [r for r in parse_text(text, ref) if r["type"] == "incident"]


def test_a_day_inside_a_span_continues_the_event_and_the_span_covers_both():
    text = (
        "Im Gebiet Kursk wurden am Wochenende durch ukrainischen Beschuss vier Zivilisten verletzt. "
        "Besonders betroffen war die Stadt Lgow, die seit Freitag immer wieder mit Mehrfachraketenwerfern "
        "beschossen wurde. Am Samstag wurde dort eine Schule getroffen."
    )
    (inc,) = _incidents(text, "2025-06-09")  # a Monday
    assert (inc["event"], inc["date"], inc["date_end"]) == ("shelling", "2025-06-06", "2025-06-09")
    assert [x["canonical"] for x in inc["locations"]] == ["Kursk", "Lgov"]


def test_a_total_told_for_another_day_is_a_tally_of_its_own():
    text = (
        "Am Sonntag wurden die Ortschaften Gluschkowo und Lgow im Gebiet Kursk mit Artillerie beschossen. "
        "In der Nacht auf Montag wurden über den Gebieten Kursk und Brjansk insgesamt 30 Drohnen abgefangen."
    )
    got = _incidents(text, "2025-06-09")
    assert [(i["event"], i["date"], i.get("shot_down")) for i in got] == [
        ("shelling", "2025-06-08", None),
        ("air_attack", "2025-06-09", 30),
    ]


def test_a_capitals_mayor_names_the_city_of_the_event():
    text = "Am Sonntagabend meldete Kiews Bürgermeister den Abschuss von fünf Drohnen über der Stadt."
    (inc,) = _incidents(text, "2025-06-09")
    assert [x["canonical"] for x in inc["locations"]] == ["Kyiv"]
    assert inc["shot_down"] == 5


def test_weapons_counted_by_the_air_force_start_their_own_strike():
    text = (
        "Am Sonntag wurde die Stadt Nikopol mit Artillerie beschossen.\n"
        "Die Luftwaffe zählte für die Nacht auf Dienstag zudem 90 russische Drohnen. 60 davon seien "
        "abgeschossen worden. Einschläge wurden aus den Gebieten Sumy und Poltawa gemeldet."
    )
    got = _incidents(text, "2025-03-04")
    got = [(i["event"], i["date"], [x["canonical"] for x in i["locations"]], i.get("launched")) for i in got]
    assert got == [
        ("shelling", "2025-03-02", ["Nikopol"], None),
        ("air_attack", "2025-03-04", ["Sumy", "Poltava"], 90),
    ]


def test_a_monthly_summary_reports_no_incident():
    text = (
        "Im vergangenen Monat seien 180 Zivilisten getötet worden, teilte die Mission (HRMMU) "
        "am Freitag mit.\n"
        "Die meisten Opfer gingen auf Raketen- und Drohnenangriffe auf Großstädte zurück. Allein in Odessa "
        "starben im Mai mehr als 40 Menschen. Dutzende weitere Zivilisten kamen in den Gebieten Sumy und "
        "Cherson durch Gleitbomben ums Leben."
    )
    assert _incidents(text, "2025-06-13") == []


def test_a_total_after_an_event_adds_no_figure_to_the_event_told_before():
    text = (
        "Am Montag griff Russland die Stadt Sumy mit Drohnen an, zwei Menschen wurden verletzt.\n"
        "Seit Kriegsbeginn wurden in der Region 900 Zivilisten getötet. Über 3.000 Menschen wurden verletzt."
    )
    (inc,) = _incidents(text, "2025-03-04")
    assert (inc.get("injured"), inc.get("killed")) == (2, None)


def test_villages_taken_over_a_week_are_ground_combat_dated_by_the_week():
    text = (
        "Russische Truppen nahmen nach Moskauer Angaben zwischen dem 12. und dem 18. Mai die Dörfer "
        "Bahatyr und Nowoolexandriwka im Gebiet Donezk ein."
    )
    (inc,) = _incidents(text, "2025-05-19")
    assert (inc["event"], inc["date"], inc["date_end"]) == ("ground_combat", "2025-05-12", "2025-05-18")
    assert [x["canonical"] for x in inc["locations"]] == ["Bahatyr", "Novoolexandrivka", "Donetsk"]


def test_talks_about_an_end_of_the_fighting_are_no_fighting():
    talks = (
        "Die Regierung in Moskau sieht keinen Grund, die Gespräche über ein Ende der Kämpfe in der Ukraine "
        "zu beschleunigen."
    )
    assert run(talks) == []
    text = (
        f"{talks}\nGeländegewinne im Osten\nLaut dem Verteidigungsministerium nahmen russische Truppen am "
        "Montag das Dorf Uspeniwka im Gebiet Donezk ein."
    )
    got = run(text, dates=[("am Montag", "2025-03-03")])
    assert [(i.event, summary(i)["places"]) for i in got] == [("ground_combat", ["Uspenivka", "Donetsk"])]
