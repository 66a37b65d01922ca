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


# -- session 2: real-news constructions ------------------------------------------------
def roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in analyse(text).quotes]


def test_acronym_with_article_is_an_organisation_not_a_description():
    text = (
        "Richter Ole Brandt leitete die Sitzung. "
        "Der BVG begründete das Urteil damit, dass die Satzung nichtig sei."
    )
    assert speakers(text) == ["BVG"]


def test_group_nouns_speak_as_a_group_in_the_nominative():
    text = (
        "Bürgermeister Till Sander eröffnete den Markt. "
        "Die Veranstalter erklärten, dass mehr als 5000 Gäste gekommen seien. "
        "Aus Diplomatenkreisen verlautete, dass die Gespräche weitergingen."
    )
    assert speakers(text) == ["Veranstalter", "Diplomatenkreise"]


def test_group_noun_keeps_its_adjectives():
    text = "Politische Beobachter meinten, die Regierung werde das Gesetz zurückziehen."
    assert speakers(text) == ["politische Beobachter"]


def test_indefinite_role_with_a_genitive_is_someone_not_named():
    text = (
        "Innenminister Paul Weber besuchte die Stadt. "
        "Ein Reporter des Senders Radio Nord berichtete, dass die Straßen gesperrt seien."
    )
    assert roles(text) == [("Reporter", "Reporter")]


def test_name_after_the_genitive_of_a_role():
    text = "„Wir bauen keine Stellen ab“, so der Chef des Aufsichtsrats Heiko Lorenz."
    assert roles(text) == [("Heiko Lorenz", "Chef")]


def test_name_with_party_in_brackets_after_a_role_apposition():
    text = (
        "Abgeordnete Petra Sand kritisierte den Entwurf. "
        "Unterdessen verteidigte der Vorsitzende des Haushaltsausschusses, Malte Rieger (FDP), den Plan. "
        "„Der Entwurf ist solide“, sagte Rieger."
    )
    assert roles(text) == [("Malte Rieger", "Vorsitzende")]


def test_subject_with_a_prepositional_phrase_and_a_relative_clause():
    text = (
        "Jonas Falk von der Wetterwarte in Kiel, die das Beben zuerst gemessen hatte, "
        "sagte, dass solche Erschütterungen selten seien."
    )
    assert speakers(text) == ["Jonas Falk"]


def test_name_in_an_apposition_right_before_the_verb():
    text = "Ihre Kollegin im Stadtrat, Maren Voss, urteilte, dass der Haushalt nicht reiche."
    assert speakers(text) == ["Maren Voss"]


def test_subject_after_the_verb_when_a_dative_comes_first():
    text = "Der örtlichen Zeitung sagte Ilja Baranow: „Ich bleibe in meinem Dorf.“"
    assert speakers(text) == ["Ilja Baranow"]


def test_subject_after_the_verb_behind_a_prepositional_phrase():
    text = "Als Grund für die Absage gab die Messeleitung an, der Saal sei nicht sicher."
    assert speakers(text) == ["Messeleitung"]


def test_subordinate_clause_subject():
    text = (
        "Nachdem die Anwältin Sara Kühn dem Gericht mitgeteilt hatte, dass der Mann gesucht werde, "
        "wurde die Sitzung unterbrochen."
    )
    assert speakers(text) == ["Sara Kühn"]


def test_konjunktiv_after_a_sentence_opened_by_another_person():
    text = (
        "„Die Preise steigen“, sagte Konzernchef Bernd Hall. "
        "Pressesprecherin Lea Roth spielte das später herunter. "
        "Es gebe dafür noch keinen Beschluss."
    )
    assert speakers(text) == ["Bernd Hall", "Lea Roth"]


def test_man_continues_the_last_speaker():
    text = (
        "Offiziell sagt die Stadtverwaltung, man habe alle Auflagen erfüllt. "
        "Aber man betont auch, dass weitere Kontrollen nötig seien."
    )
    assert speakers(text) == ["Stadtverwaltung", "Stadtverwaltung"]


def test_lone_surname_takes_the_full_name_given_elsewhere():
    text = (
        "Auf dem Podium saß auch Anton Reisig von der Bürgerliste. "
        "Später entgegnete Reisig empört: „Das lasse ich so nicht stehen.“"
    )
    assert speakers(text) == ["Anton Reisig"]


def test_organisation_with_a_place_after_it():
    text = "Der Landesbauernverband Sachsen erklärte, die Ernte sei schlecht ausgefallen."
    assert speakers(text) == ["Landesbauernverband Sachsen"]


def test_acronym_before_a_report_noun_is_the_source():
    text = "Die Front sei in der Nacht stabil geblieben, hieß es im ISW-Bericht."
    assert speakers(text) == ["ISW"]


def test_sie_after_a_group_refers_to_the_group():
    text = (
        "„Wir haben genug Strom“, sagte Ministerin Olha Kraus. "
        "Vor dem Ministerium protestierten am Abend Demonstranten. "
        "Das Kraftwerk sei veraltet, erklärten sie."
    )
    assert speakers(text) == ["Olha Kraus", "Demonstranten"]


def test_pronoun_opening_a_report_refers_to_the_person_just_introduced():
    text = (
        "„Das Gesetz kommt zu spät“, sagte die Abgeordnete Rita Hahn. "
        "Unterdessen verteidigte der Vorsitzende des Innenausschusses, Mirko Stein (SPD), den Entwurf. "
        "Er halte die neuen Regeln für vertretbar."
    )
    assert speakers(text) == ["Rita Hahn", "Mirko Stein"]


def test_indefinite_pronoun_is_no_name():
    text = "„Niemand hat mit diesem Ausmaß gerechnet“, so die Sprecherin der Stadt."
    assert speakers(text) == ["Sprecherin"]


def test_lone_surname_with_a_role_apposition_takes_the_full_name():
    text = (
        "Die Familie wird von Rechtsanwältin Dilara Aksoy vertreten. "
        "Am Abend ging Aksoy, die Anwältin der Familie, noch von einer Einigung aus. "
        "Ein Sieg sei möglich, sagte die Anwältin."
    )
    reg = build_registry(text, [])
    assert reg.people["aksoy"].name == "Dilara Aksoy"
    assert speakers(text) == ["Dilara Aksoy"]


def test_auxiliary_before_the_subject_of_a_speech_verb():
    text = (
        "Außerdem ließ der Pressedienst des Außenministeriums verlauten, dass über weitere Hilfen "
        "beraten werde."
    )
    assert speakers(text) == ["Pressedienst"]


def test_source_in_a_document_is_not_the_last_person():
    text = (
        "„Wir prüfen das“, sagte Sprecher Jan Ulm. "
        "Im Schreiben der Behörde heißt es, die Familie habe keinen Anspruch auf Hilfe."
    )
    assert speakers(text) == ["Jan Ulm", "Schreiben"]


def test_subject_before_the_verb_beats_an_object_after_it():
    text = "Verkehr: Die FDP fordert die Länder auf, die Mittel seien sofort freizugeben. Das sei dringend."
    assert speakers(text)[-1] == "FDP"


def test_prepositional_source_before_the_verb_is_not_its_subject():
    text = (
        "Energieminister Taras Lenko besuchte das Werk. "
        "Laut der Zeitung Kyiv Post sagte der Minister, dass die Reparatur Monate dauere."
    )
    assert speakers(text) == ["Taras Lenko"]


@pytest.mark.parametrize(
    ("text", "head", "name"),
    [
        ("teilte der Koordinierungsstab für Kriegsgefangene mit", "Koordinierungsstab",
         "Koordinierungsstab für Kriegsgefangene"),
        ("ein Bericht des Internationalen Komitees vom Roten Kreuz", "Komitees",
         "Internationales Komitee vom Roten Kreuz"),
        ("die Soldaten gingen. Ukrainische Luftwaffe", "Luftwaffe", "ukrainische Luftwaffe"),
    ],
)
def test_organisations_with_complements_and_capitalised_adjectives(text, head, name):
    start = text.index(head)
    assert org_phrase(text, start, start + len(head)).name == name


def test_organisation_adjectives_stop_at_the_sentence_end():
    text = "Die Polizei hatte das Feuer eröffnet. Laut Militärverwaltung sei die Lage ruhig."
    start = text.index("Militärverwaltung")
    assert org_phrase(text, start, start + len("Militärverwaltung")).name == "Militärverwaltung"


def test_a_description_keeps_pointing_at_the_person_it_described():
    text = (
        "Innenministerin Vera Lind reiste nach Kiew. "
        "„Wir helfen weiter“, sagte die SPD-Politikerin. "
        "Ihr Kollege Oleh Marko dankte. „Das ist ein starkes Zeichen“, sagte Marko. "
        "„Die Hilfe kommt an“, fügte die SPD-Politikerin hinzu."
    )
    assert speakers(text) == ["Vera Lind", "Oleh Marko", "Vera Lind"]


def test_nationality_adjective_picks_the_right_holder_of_an_office():
    text = (
        "Der russische Präsident Igor Wolkow traf den ukrainischen Präsidenten Pawlo Hnat. "
        "„Wir verhandeln weiter“, sagte Hnat. "
        "„Es gibt keine Einigung“, sagte der russische Präsident."
    )
    assert roles(text) == [("Pawlo Hnat", "Präsident"), ("Igor Wolkow", "Präsident")]


def test_colleague_of_the_same_office_with_a_nationality():
    text = (
        "Gastgeber war der venezolanische Präsident Rubén Soto und sein kolumbianischer Amtskollege "
        "Iván Mora. In seiner Rede sagte der kolumbianische Präsident: „Wir bauen die Leitung gemeinsam.“"
    )
    assert speakers(text) == ["Iván Mora"]


def test_role_is_given_without_its_case_ending():
    text = "Der Gouverneur traf Präsident Pawlo Hnat. „Die Lage ist ernst“, sagte der Präsident."
    assert roles(text) == [("Pawlo Hnat", "Präsident")]


def test_spokesperson_of_a_named_person_is_someone_else():
    text = "„Wir bleiben hier“, sagte der Sprecher des Präsidenten Pawlo Hnat."
    assert roles(text) == [("Sprecher", "Sprecher")]


def test_description_noun_before_a_name_is_no_part_of_it():
    text = "„Ich war es nicht“, sagte der Angeklagte Karl Moos."
    assert speakers(text) == ["Karl Moos"]


def test_source_without_a_person_in_a_cue():
    text = (
        "„Ich war es nicht“, sagte der Angeklagte Karl Moos. "
        "Nach Angaben der Verteidigung habe er für die Tatzeit ein Alibi."
    )
    assert speakers(text) == ["Karl Moos", "Verteidigung"]


def test_possessive_noun_phrase_is_someone_unnamed():
    text = (
        "Die Anwältin Mira Lenz sprach mit Reportern. "
        "Ihre Mandantin sei davon ausgegangen, dass die Polizei komme."
    )
    assert speakers(text) == ["Mandantin"]


def test_gender_from_the_name_guides_er_and_sie():
    text = (
        "Die Abgeordnete Ljudmila Ostrowa und der Abgeordnete Kirill Sorin trafen sich in Minsk. "
        "„Wir sind weit gekommen“, sagte sie. „Noch nicht weit genug“, sagte er."
    )
    assert speakers(text) == ["Ljudmila Ostrowa", "Kirill Sorin"]


def test_nationality_noun_before_a_name_is_a_role():
    text = "„Ich bin sehr zufrieden“, sagte der Spanier Pablo Ruiz nach dem Spiel."
    assert roles(text) == [("Pablo Ruiz", "Spanier")]


def test_plural_after_a_number_is_no_title():
    text = "Mehr als 300 Ukrainer Zuflucht fanden in der Schule. „Wir sind sicher“, sagte Olena Wowk."
    reg = build_registry(text, [])
    assert "zuflucht" not in reg.people


def test_organisation_after_von_is_not_part_of_the_name():
    text = "John Reed von Human Rights Watch sagte, die Gefangenen seien misshandelt worden."
    assert speakers(text) == ["John Reed"]


def test_plural_role_with_die_is_a_group():
    text = (
        "„Es war ein Unfall“, sagte der Fahrer Tom Ahl. "
        "Die Ermittler erklärten dagegen, der Wagen sei viel zu schnell gewesen."
    )
    assert speakers(text) == ["Tom Ahl", "Ermittler"]


def test_pronoun_with_a_verb_after_it():
    text = (
        "Ministerin Hanna Berg stellte den Plan vor. "
        "Sie wird mit den Worten zitiert, der Winter werde hart."
    )
    assert speakers(text) == ["Hanna Berg"]


def test_zufolge_after_a_role_with_a_place_and_an_apposition():
    text = "Dem Chef der Militärverwaltung von Isjum, Petro Hnida, zufolge seien zwei Bewohner verletzt."
    assert roles(text) == [("Petro Hnida", "Chef")]


def test_military_rank_before_a_name():
    text = "Die Brigade habe die Stellung gehalten, sagte der Kommandeur der Brigade, Oberst Ihor Sak."
    assert speakers(text) == ["Ihor Sak"]


def test_plural_role_in_the_dative_is_given_in_the_nominative():
    text = "Russischen Militärbloggern zufolge sei die Siedlung eingekesselt worden."
    assert speakers(text) == ["Militärblogger"]


def test_report_from_a_place_is_the_report_not_the_place():
    text = (
        "Das russische Verteidigungsministerium meldete neue Kämpfe. "
        "Zwei Angriffe habe man abgewehrt, hieß es in dem Bericht aus Moskau."
    )
    assert speakers(text) == ["russisches Verteidigungsministerium"]


def test_plural_sie_about_things_keeps_the_speaker():
    text = (
        "Ministerin Vera Lind betonte, unter den Bewerberinnen seien viele erfahrene Frauen. "
        "Sie seien für die Arbeit gut geeignet."
    )
    assert speakers(text) == ["Vera Lind", "Vera Lind"]


def test_plural_sie_after_a_group_is_the_group():
    text = (
        "„Wir bauen die Schule wieder auf“, sagte Bürgermeisterin Vera Lind. "
        "Vor dem Rathaus protestierten am Abend Anwohner. "
        "Sie seien seit Wochen ohne Heizung."
    )
    assert speakers(text) == ["Vera Lind", "Anwohner"]


def test_role_before_a_place_is_no_person():
    text = "Das NATO-Mitglied Polen schickte Hilfe. „Wir helfen“, sagte Sprecher Adam Nowak."
    reg = build_registry(text, [])
    assert "polen" not in reg.people
    assert speakers(text) == ["Adam Nowak"]


# -- second round: acronyms, documents, things ---------------------------------------
def test_registry_maps_an_acronym_and_its_full_name_to_the_introduced_form():
    text = "Die Denkfabrik Centre for Energy Research (CER) warnte. Laut CER steigen die Preise."
    names = build_registry(text, []).names
    assert names["CER"] == "Centre for Energy Research (CER)"
    assert names["Centre for Energy Research"] == "Centre for Energy Research (CER)"
    assert names["Denkfabrik"] == "Centre for Energy Research (CER)"


def test_registry_takes_no_party_after_a_person_as_an_acronym():
    assert build_registry("Der Abgeordnete Paul Ritter (FDP) sprach.", []).names == {}


def test_document_nouns_are_generic_in_any_compound():
    from warparse.grammar.speakers import org_row

    row, lemma, generic = org_row("Positionspapiers")
    assert (row["class"], lemma, generic) == ("document", "Positionspapier", True)


def test_things_are_no_agents():
    from warparse.grammar.speakers import _non_agent

    assert _non_agent("Der Hintergrund der Debatte")
    assert _non_agent("die Anschuldigungen")
    assert not _non_agent("die Gewerkschaft")


# -- generality pass: who speaks (outlets, pronouns, women, organisations) -------------------
# Short bulletins written for this pass; each lists exactly the quotes expected, as (kind,
# text, speaker).
GENERAL_SPEAKERS = [
    pytest.param(
        (
            "Die Nachrichtenagentur Tass meldete, bei einem Drohnenangriff auf Belgorod sei ein Mensch "
            "getötet worden."
        ),
        [
            ("indirect", "bei einem Drohnenangriff auf Belgorod sei ein Mensch getötet worden", "Tass"),
        ],
    ),
    pytest.param(
        "Der Kyiv Independent berichtete, dass die Brücke bei dem Angriff schwer beschädigt worden sei.",
        [
            ("indirect", "die Brücke bei dem Angriff schwer beschädigt worden sei", "Kyiv Independent"),
        ],
    ),
    pytest.param(
        "Die Agentur Interfax meldete einen Angriff auf Kursk. Demnach seien drei Menschen verletzt worden.",
        [
            ("indirect", "seien drei Menschen verletzt worden", "Interfax"),
        ],
    ),
    pytest.param(
        "Die Zeitung Ukrajinska Prawda meldete, dass zwei Generäle entlassen worden seien.",
        [
            ("indirect", "zwei Generäle entlassen worden seien", "Ukrajinska Prawda"),
        ],
    ),
    pytest.param(
        "Reuters berichtete unter Berufung auf Insider, die USA bereiteten neue Sanktionen vor.",
        [
            ("indirect", "die USA bereiteten neue Sanktionen vor", "Reuters"),
        ],
    ),
    pytest.param(
        (
            "Die staatliche Agentur Ria Nowosti zitierte den Gouverneur von Kursk, Alexander "
            "Chinschtein, mit den Worten, die Lage sei unter Kontrolle."
        ),
        [
            ("indirect", "die Lage sei unter Kontrolle", "Alexander Chinschtein"),
        ],
    ),
    pytest.param(
        "Der Zeitung „Kommersant“ zufolge solle das Treffen in Istanbul stattfinden.",
        [
            ("indirect", "solle das Treffen in Istanbul stattfinden", "Kommersant"),
        ],
    ),
    pytest.param(
        "Die ukrainische Luftwaffe zog Bilanz: Von 90 Drohnen seien 70 abgeschossen worden.",
        [
            ("indirect", "Von 90 Drohnen seien 70 abgeschossen worden", "ukrainische Luftwaffe"),
        ],
    ),
    pytest.param(
        (
            "UN-Generalsekretär António Guterres verurteilte den Angriff: Angriffe auf Zivilisten seien "
            "nach dem Völkerrecht verboten."
        ),
        [
            ("indirect", "Angriffe auf Zivilisten seien nach dem Völkerrecht verboten", "António Guterres"),
        ],
    ),
    pytest.param(
        (
            "Gouverneur Iwan Fedorow schrieb auf Telegram, in Saporischschja seien zwei Wohnhäuser "
            "getroffen worden. Ein Mann sei verletzt worden. Rettungskräfte seien im Einsatz."
        ),
        [
            ("indirect", "in Saporischschja seien zwei Wohnhäuser getroffen worden", "Iwan Fedorow"),
            ("indirect", "Ein Mann sei verletzt worden", "Iwan Fedorow"),
            ("indirect", "Rettungskräfte seien im Einsatz", "Iwan Fedorow"),
        ],
    ),
    pytest.param(
        (
            "Der ukrainische Generalstab meldete am Morgen 150 Gefechte. Besonders heftig seien die "
            "Kämpfe bei Pokrowsk gewesen."
        ),
        [
            (
                "indirect",
                "Besonders heftig seien die Kämpfe bei Pokrowsk gewesen",
                'ukrainischer Generalstab',
            ),
        ],
    ),
    pytest.param(
        (
            "Der britische Premierminister Keir Starmer empfing Selenskyj in London. Er sagte, "
            "Großbritannien stehe fest an der Seite der Ukraine."
        ),
        [
            ("indirect", "Großbritannien stehe fest an der Seite der Ukraine", "Keir Starmer"),
        ],
    ),
    pytest.param(
        (
            "Vizeregierungschefin Olha Stefanischyna reiste nach Brüssel. Sie sagte, die Ukraine "
            "erfülle alle Bedingungen für den Beitritt."
        ),
        [
            ("indirect", "die Ukraine erfülle alle Bedingungen für den Beitritt", "Olha Stefanischyna"),
        ],
    ),
    pytest.param(
        (
            "Bundeskanzler Olaf Scholz telefonierte mit Putin. Der Kanzler forderte, Russland müsse "
            "seine Truppen abziehen."
        ),
        [
            ("indirect", "Russland müsse seine Truppen abziehen", "Olaf Scholz"),
        ],
    ),
    pytest.param(
        (
            "Wirtschaftsministerin Julija Swyrydenko reiste nach Washington. Sie erklärte, die "
            "Gespräche über Rohstoffe seien weit fortgeschritten."
        ),
        [
            ("indirect", "die Gespräche über Rohstoffe seien weit fortgeschritten", "Julija Swyrydenko"),
        ],
    ),
    pytest.param(
        (
            "Der Sprecher der ukrainischen Luftwaffe, Jurij Ihnat, sagte im Fernsehen, die meisten "
            "Drohnen seien über dem Norden abgefangen worden."
        ),
        [
            ("indirect", "die meisten Drohnen seien über dem Norden abgefangen worden", "Jurij Ihnat"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj sprach von einem zynischen Angriff. Selenskyj zufolge seien "
            "mindestens zwölf Raketen auf Kiew abgefeuert worden."
        ),
        [
            ("indirect", "seien mindestens zwölf Raketen auf Kiew abgefeuert worden", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        (
            "Wie die Agentur Tass unter Berufung auf Rettungskräfte berichtete, seien in Belgorod drei "
            "Häuser beschädigt worden."
        ),
        [
            ("indirect", "seien in Belgorod drei Häuser beschädigt worden", "Tass"),
        ],
    ),
    pytest.param(
        (
            "Es handele sich um einen gezielten Angriff auf zivile Infrastruktur, teilte der Betreiber "
            "Ukrenergo am Sonntag auf Telegram mit."
        ),
        [
            (
                "indirect",
                "Es handele sich um einen gezielten Angriff auf zivile Infrastruktur",
                'Betreiber Ukrenergo',
            ),
        ],
    ),
    pytest.param(
        "„…und dann kam die zweite Explosion“, erzählte eine Anwohnerin der Agentur AFP.",
        [
            ("direct", "…und dann kam die zweite Explosion", "Anwohnerin"),
        ],
    ),
    pytest.param(
        (
            "Kremlsprecher Dmitri Peskow wies die Berichte zurück. Sie seien „absurd“, sagte er der "
            "Agentur Interfax."
        ),
        [
            ("indirect", "Sie seien „absurd“", "Dmitri Peskow"),
            ("direct", "absurd", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        "Die Ministerin Switlana Hrintschuk betonte: „Das Netz hält.“ Es gebe aber regionale Abschaltungen.",
        [
            ("direct", "Das Netz hält.", "Switlana Hrintschuk"),
            ("indirect", "Es gebe aber regionale Abschaltungen", "Switlana Hrintschuk"),
        ],
    ),
    pytest.param(
        (
            "NATO-Generalsekretär Mark Rutte sagte am Rande des Gipfels in Den Haag, die Allianz werde "
            "ihre Ausgaben deutlich erhöhen."
        ),
        [
            ("indirect", "die Allianz werde ihre Ausgaben deutlich erhöhen", "Mark Rutte"),
        ],
    ),
    pytest.param(
        (
            "Der Gouverneur der Region Sumy, Oleh Hryhorow, schrieb auf Telegram: „In der Stadt gab es "
            "mehrere Explosionen.“ Später fügte er hinzu, zwei Menschen seien verletzt worden."
        ),
        [
            ("direct", "In der Stadt gab es mehrere Explosionen.", "Oleh Hryhorow"),
            ("indirect", "zwei Menschen seien verletzt worden", "Oleh Hryhorow"),
        ],
    ),
    pytest.param(
        (
            "Der russische Außenminister Sergej Lawrow erklärte in Moskau, Russland sei zu "
            "Verhandlungen bereit, wenn der Westen seine Forderungen akzeptiere."
        ),
        [
            (
                "indirect",
                "Russland sei zu Verhandlungen bereit, wenn der Westen seine Forderungen akzeptiere",
                'Sergej Lawrow',
            ),
        ],
    ),
    pytest.param(
        "„Wir haben die Lage im Griff“, teilte die Stadtverwaltung von Odessa mit.",
        [
            ("direct", "Wir haben die Lage im Griff", "Stadtverwaltung von Odessa"),
        ],
    ),
    pytest.param(
        "Ein Sprecher des Pentagons sagte, man prüfe die Berichte über nordkoreanische Soldaten.",
        [
            ("indirect", "man prüfe die Berichte über nordkoreanische Soldaten", "Sprecher"),
        ],
    ),
    pytest.param(
        "Die ukrainische Menschenrechtsbeauftragte Dmytro Lubinez sprach von Kriegsverbrechen.",
        [],
    ),
    pytest.param(
        (
            "Die Zeitung Ukrajinska Prawda berichtete unter Berufung auf eigene Quellen, der "
            "Generalstab plane eine Umstrukturierung."
        ),
        [
            ("indirect", "der Generalstab plane eine Umstrukturierung", "Ukrajinska Prawda"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj dankte den Partnern. „Jedes System rettet Leben“, schrieb "
            "er. Man brauche aber noch mehr."
        ),
        [
            ("direct", "Jedes System rettet Leben", "Wolodymyr Selenskyj"),
            ("indirect", "Man brauche aber noch mehr", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        "„Die Reparatur wird Monate dauern“, räumte der Chef des Versorgers DTEK, Maxim Timtschenko, ein.",
        [
            ("direct", "Die Reparatur wird Monate dauern", "Maxim Timtschenko"),
        ],
    ),
    pytest.param(
        (
            "Russlands Präsident Wladimir Putin sagte in einer Fernsehansprache, Russland werde auf "
            "westliche Raketen „angemessen“ antworten."
        ),
        [
            ("indirect", "Russland werde auf westliche Raketen „angemessen“ antworten", "Wladimir Putin"),
            ("direct", "angemessen", "Wladimir Putin"),
        ],
    ),
    pytest.param(
        "Die Polizei bestätigte zwei Todesopfer.",
        [],
    ),
    pytest.param(
        "Laut dem Bürgermeister Ihor Terechow traf eine Gleitbombe ein Einkaufszentrum.",
        [],
    ),
    pytest.param(
        "Ukrainischen Angaben zufolge wurden 25 Drohnen abgeschossen.",
        [],
    ),
    pytest.param(
        (
            "Nach Angaben des Gouverneurs Wjatscheslaw Gladkow wurde ein Mann getötet. Zwei weitere "
            "Menschen seien verletzt worden."
        ),
        [
            ("indirect", "Zwei weitere Menschen seien verletzt worden", "Wjatscheslaw Gladkow"),
        ],
    ),
    pytest.param(
        "Die Luftwaffe warnte vor weiteren Angriffen. „Bleiben Sie in den Schutzräumen!“, hieß es.",
        [
            ("direct", "Bleiben Sie in den Schutzräumen!", "Luftwaffe"),
        ],
    ),
    pytest.param(
        (
            "„Die Ukraine braucht einen gerechten Frieden“, sagte Bundeskanzler Friedrich Merz nach dem "
            "Treffen mit Selenskyj in Berlin."
        ),
        [
            ("direct", "Die Ukraine braucht einen gerechten Frieden", "Friedrich Merz"),
        ],
    ),
    pytest.param(
        "Der Kreml erklärte, Präsident Wladimir Putin habe mit US-Präsident Donald Trump telefoniert.",
        [
            ("indirect", "Präsident Wladimir Putin habe mit US-Präsident Donald Trump telefoniert", "Kreml"),
        ],
    ),
    pytest.param(
        (
            "Kallas sagte, die EU arbeite am nächsten Sanktionspaket. Die EU-Außenbeauftragte Kaja "
            "Kallas war zuvor in Kiew."
        ),
        [
            ("indirect", "die EU arbeite am nächsten Sanktionspaket", "Kaja Kallas"),
        ],
    ),
    # a sentence whose subject reports figures without a speech verb ("zählte", "registrierte"):
    # the Konjunktiv sentence right after it continues that report
    pytest.param(
        (
            "Die Bürgermeisterin Anna Moroz sprach am Vormittag von Wiederaufbau. Die moldauische "
            "Grenzpolizei zählte am Wochenende 900 Flüchtlinge. Die meisten von ihnen seien Frauen "
            "mit Kindern gewesen."
        ),
        [("indirect", "Die meisten von ihnen seien Frauen mit Kindern gewesen", "moldauische Grenzpolizei")],
        id="figures-report-subject-continues",
    ),
    pytest.param(
        (
            "Der Sprecher Jan Olsen berichtete über die Lage. Am Abend verzeichnete die polnische "
            "Armee zwölf Verletzungen des Luftraums. Zwei Objekte seien über Lublin geortet worden."
        ),
        [
            ("indirect", "Zwei Objekte seien über Lublin geortet worden", "polnische Armee"),
        ],
        id="figures-report-subject-after-verb",
    ),
    pytest.param(
        (
            "Die rumänische Luftwaffe registrierte 14 Drohnen. Drei davon seien über dem Meer "
            "abgestürzt, hieß es in der Bilanz."
        ),
        [("indirect", "Drei davon seien über dem Meer abgestürzt", "rumänische Luftwaffe")],
        id="figures-report-then-bilanz-frame",
    ),
    pytest.param(
        # a thing that "counts" is no speaker: the Konjunktiv stays with the one who spoke before
        (
            "Bürgermeister Petro Hrab sagte, die Lage sei ernst. Die Stadt zählte vor dem Krieg "
            "80.000 Einwohner. Viele seien inzwischen geflohen."
        ),
        [
            ("indirect", "die Lage sei ernst", "Petro Hrab"),
            ("indirect", "Viele seien inzwischen geflohen", "Petro Hrab"),
        ],
        id="figures-report-thing-is-no-speaker",
    ),
    # "ein Sprecher" speaks for the organisation that opened the sentence before
    pytest.param(
        (
            "Das estnische Verteidigungsministerium wies den Bericht zurück. Die Angaben seien frei "
            "erfunden, sagte ein Sprecher."
        ),
        [("indirect", "Die Angaben seien frei erfunden", "estnisches Verteidigungsministerium")],
        id="unnamed-spokesman-speaks-for-subject-organisation",
    ),
    pytest.param(
        (
            "Die litauische Regierung beriet am Montag über neue Sperren. Man prüfe alle Optionen, "
            "erklärte eine Sprecherin."
        ),
        [("indirect", "Man prüfe alle Optionen", "litauische Regierung")],
        id="unnamed-spokeswoman-speaks-for-subject-organisation",
    ),
    pytest.param(
        # a person opened the sentence before: the spokesman is not the organisation's
        (
            "Minister Karl Brandt besuchte die Feuerwehr. Der Einsatz sei gut verlaufen, sagte ein "
            "Sprecher."
        ),
        [("indirect", "Der Einsatz sei gut verlaufen", "Sprecher")],
        id="unnamed-spokesman-after-person-stays-unnamed",
    ),
    pytest.param(
        # "ein Polizeisprecher": the compound says whom he speaks for
        (
            "Die Staatsanwaltschaft leitete ein Verfahren ein. Ein Polizeisprecher sagte, der Mann sei "
            "bewaffnet gewesen."
        ),
        [("indirect", "der Mann sei bewaffnet gewesen", "Polizeisprecher")],
        id="compound-spokesman-is-not-the-subject-organisation",
    ),
    # an acronym the document introduces after the body and its seat is part of the name
    pytest.param(
        (
            "Die Beobachtermission in Georgien (EUMM) teilte mit, es sei ruhig geblieben. Nach "
            "Einschätzung der Mission gebe es keine Verstöße, hieß es in dem Bericht."
        ),
        [
            ("indirect", "es sei ruhig geblieben", "Beobachtermission in Georgien (EUMM)"),
            (
                "indirect",
                "Nach Einschätzung der Mission gebe es keine Verstöße",
                "Beobachtermission in Georgien (EUMM)",
            ),
        ],
        id="mission-with-seat-and-acronym",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GENERAL_SPEAKERS)
def test_general_speakers(text, expected):
    got = [(q.kind, q.text, q.speaker) for q in analyse(text, "2025-03-14").quotes]
    assert sorted(got) == sorted(expected)


def test_single_low_marks_outside_double_ones_are_a_quotation():
    text = "Sybiha: ‚Wir halten‘ und „Er sagt ‚nein‘“, dann ‚offen"
    assert [text[q.start : q.end] for q in find_quotes(text, 0, len(text))] == [
        "Wir halten",
        "Er sagt ‚nein‘",
    ]


def test_sentence_initial_name_without_a_role_is_registered_when_it_looks_like_a_name():
    text = "Olha Kowal reiste nach Kiew. Starke Erdbeben trafen die Region. Drei Zivilisten starben."
    people = build_registry(text, []).people
    assert people["kowal"].name == "Olha Kowal"
    assert people["kowal"].gender == "f"
    assert "erdbeben" not in people and "zivilisten" not in people
