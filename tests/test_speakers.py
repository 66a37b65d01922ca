"""Speaker resolution, speech verbs and Konjunktiv detection on sentences written for these tests."""

from __future__ import annotations

import pytest

from warparse.grammar.quotemarks import find_quotes
from warparse.grammar.speakers import Resolver, build_registry, org_phrase, role_head
from warparse.grammar.speech import find_verb, post_frame
from warparse.grammar.subjunctive import has_subjunctive, is_konjunktiv1, is_subjunctive
from warparse.pipeline import analyse


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in analyse(text).quotes]


# -- the registry of people ---------------------------------------------------------
def test_registry_takes_full_names_after_roles_and_in_appositions():
    text = (
        "NATO-Generalsekretärin Ingrid Dahl traf Taras Melnyk, Menschenrechtsbeauftragter des Parlaments. "
        "Auch der Chef der Kiewer Militärverwaltung, Serhij Popko, war dabei, ebenso Ursula von der Heide."
    )
    reg = build_registry(text, [])
    assert reg.people["dahl"].name == "Ingrid Dahl"
    assert reg.people["dahl"].role == "NATO-Generalsekretärin"
    assert reg.people["dahl"].gender == "f"
    assert reg.people["melnyk"].name == "Taras Melnyk"
    assert reg.people["popko"].name == "Serhij Popko"


def test_role_heads_match_compounds_and_synonyms():
    assert role_head("Pentagon-Sprecherin") == "sprecher"
    assert role_head("Kremlchef") == role_head("Präsident") == "präsident"
    assert role_head("Generalsekretärs") == role_head("NATO-Generalsekretär")
    assert role_head("Drohne") is None


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        ("nach Angaben des ukrainischen Generalstabs", "Generalstabs", "ukrainischer Generalstab"),
        (
            "teilte das russische Verteidigungsministerium mit",
            "Verteidigungsministerium",
            "russisches Verteidigungsministerium",
        ),
        ("hieß es von den Luftstreitkräften", "Luftstreitkräften", "Luftstreitkräfte"),
        (
            "die Staatsanwaltschaft der Region Sumy",
            "Staatsanwaltschaft",
            "Staatsanwaltschaft der Region Sumy",
        ),
        ("die Kiewer Militärverwaltung", "Militärverwaltung", "Kiewer Militärverwaltung"),
    ],
)
def test_organisations_in_the_nominative(text, head, name):
    start = text.index(head)
    assert org_phrase(text, start, start + len(head)).name == name


# -- resolution -----------------------------------------------------------------
def test_surname_and_role_noun_resolve_to_the_full_name():
    text = "Kremlsprecher Juri Sokolow sprach von Fortschritten. Später meldete sich Präsident Arno Vogt."
    res = Resolver(build_registry(text, []))
    assert res.resolve("Sokolow", 200).name == "Juri Sokolow"
    assert res.resolve("der Kremlsprecher", 200).name == "Juri Sokolow"
    assert res.resolve("der Sprecher", 200).name == "Juri Sokolow"
    assert res.resolve("der Präsident", 200).name == "Arno Vogt"


def test_pronoun_prefers_a_person_introduced_since_the_last_report():
    text = (
        "„Die Lage ist ernst“, sagte Gouverneur Iwan Petrenko. "
        "Kommandeur Taras Maksym, der die Truppen führt, wirkte gelassen. "
        "„Wir halten durch“, sagte er."
    )
    assert speakers(text) == ["Iwan Petrenko", "Taras Maksym"]


def test_pronoun_skips_names_inside_quotations_and_frames():
    text = (
        "„Ohne Hilfe geht es nicht“, so Sprecher Pawel Kern mit Blick auf Präsident Arno Vogt. "
        "Zugleich rief er zur Ruhe auf: Die Lage werde sich bessern."
    )
    assert speakers(text) == ["Pawel Kern", "Pawel Kern"]


def test_sie_refers_to_a_feminine_organisation():
    text = (
        "Die ukrainische Luftwaffe meldete 30 Drohnen. "
        "Sie erklärte außerdem, dass alle Drohnen abgefangen worden seien."
    )
    assert speakers(text) == ["ukrainische Luftwaffe"]


def test_nationality_noun_refers_to_the_last_speaker():
    text = "„Wir stehen zusammen“, sagte Generalsekretär Lars Holm. Die Hilfe gehe weiter, so der Däne."
    assert speakers(text) == ["Lars Holm", "Lars Holm"]


def test_generic_organisation_refers_to_the_latest_of_its_class():
    text = (
        "Das belarussische Innenministerium gab am Morgen neue Zahlen bekannt. "
        "Zwei Dörfer seien evakuiert worden, erklärte das Ministerium. "
        "Die Lage sei stabil, hieß es in dem Bericht."
    )
    assert speakers(text) == ["belarussisches Innenministerium", "belarussisches Innenministerium"]


def test_apposition_between_subject_and_verb():
    text = "Lina Morosowa, die Sprecherin der Bahn, sagte, der Verkehr rolle wieder."
    assert speakers(text) == ["Lina Morosowa"]


# -- speech verbs and frames ---------------------------------------------------------
def test_separable_speech_verb_needs_its_particle():
    assert find_verb("Die Armee teilte die Beute.") is None
    hit = find_verb("Die Armee teilte am Abend mit, dass …")
    assert hit is not None
    assert (hit.lemma, hit.start) == ("mitteilen", 10)
    assert find_verb("Er wies auf die Gefahr hin, dass …").lemma == "hinweisen"


def test_post_frames():
    text = ", so der Bürgermeister."
    assert post_frame(text, 0, len(text)).phrase == "der Bürgermeister"
    text = ", hatte Präsident Arno Vogt im Mai gesagt."
    fr = post_frame(text, 0, len(text))
    assert (fr.phrase, fr.lemma) == ("Präsident Arno Vogt", "sagen")
    text = ", hieß es aus dem Ministerium."
    assert post_frame(text, 0, len(text)).phrase == "dem Ministerium"
    assert post_frame(", so dass die Stadt", 0, 19) is None


# -- quotation marks ------------------------------------------------------------------
def test_quotation_marks_pair_by_position():
    text = '«A», sagte er. »B« und "C" und „D“'
    assert [text[q.start : q.end] for q in find_quotes(text, 0, len(text))] == ["A", "B", "C", "D"]


def test_unclosed_mark_is_recovered_and_flagged():
    text = "„Erster Teil. „Zweiter Teil“ Ende"
    spans = find_quotes(text, 0, len(text))
    assert [(text[q.start : q.end], q.closed) for q in spans] == [
        ("Erster Teil.", False),
        ("Zweiter Teil", True),
    ]


# -- Konjunktiv ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "word",
    [
        "sei",
        "seien",
        "habe",
        "hätten",
        "werde",
        "könne",
        "müsse",
        "dürfe",
        "setze",
        "einsetze",
        "handele",
        "verliere",
        "reagiere",
        "gebe",
        "stünden",
        "beschössen",
    ],
)
def test_konjunktiv_forms(word):
    assert is_subjunctive(word)


@pytest.mark.parametrize("word", ["ist", "sagte", "eine", "russische", "meine", "einige", "zufolge", "bitte"])
def test_not_konjunktiv(word):
    assert not is_subjunctive(word)


def test_konjunktiv_one_excludes_the_hypothetical_forms():
    assert is_konjunktiv1("setze") and is_konjunktiv1("sei")
    assert not is_konjunktiv1("würde") and not is_konjunktiv1("wäre")
    assert has_subjunctive("die Lage bleibe schwierig")
    assert not has_subjunctive("die Lage bleibt schwierig")


def test_outlet_named_in_marks_after_its_noun():
    text = "Die Zeitung »Kommersant« hatte berichtet, dass ein Abkommen vorbereitet werde."
    assert speakers(text) == ["Kommersant"]


def test_spokesperson_of_someone_is_not_that_someone():
    text = (
        "Kremlsprecher Juri Sokolow traf Journalisten. "
        "Der Sprecher von Präsident Arno Vogt ließ keinen Zweifel: Die Gespräche würden fortgesetzt."
    )
    assert speakers(text) == ["Juri Sokolow"]


def test_source_phrase_of_heisst_es():
    text = (
        "Das ukrainische Energieministerium zog Bilanz. "
        "In einer Mitteilung des Ministeriums heißt es, drei Kraftwerke seien beschädigt worden."
    )
    assert speakers(text) == ["ukrainisches Energieministerium"]


def test_definite_role_refers_to_the_person_introduced_before():
    text = (
        "Verteidigungsminister Karl Brenner reiste nach Kiew. "
        "»Wir bleiben an Ihrer Seite«, sagte der CDU-Politiker am Abend."
    )
    assert speakers(text) == ["Karl Brenner"]


def test_colon_sentence_split_by_the_segmenter_is_rejoined():
    assert speakers("Kiper: Zwei Menschen seien verletzt worden.") == ["Kiper"]
