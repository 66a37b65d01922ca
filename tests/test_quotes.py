"""Quote records (issue #5): direct and indirect speech on sentences written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warparse.pipeline import analyse, parse_text
from warparse.records import Quote

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def quotes(text: str) -> list[Quote]:
    return analyse(text, "2025-03-14").quotes


def triples(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker) for q in quotes(text)]


# -- direct speech: quotation styles -------------------------------------------
@pytest.mark.parametrize(
    ("opening", "closing"),
    [("„", "“"), ("“", "”"), ('"', '"'), ("»", "«"), ("«", "»"), ("„", "”")],
)
def test_every_quotation_style(opening, closing):
    text = f"{opening}Die Lage an der Front bleibt angespannt{closing}, sagte Gouverneur Iwan Petrenko."
    assert triples(text) == [("direct", "Die Lage an der Front bleibt angespannt", "Iwan Petrenko")]


def test_single_marks_nested_in_double_stay_in_the_quote():
    text = "„Wir nennen das ‚Zermürbungstaktik‘ und halten stand“, sagte Bürgermeisterin Olha Kowal."
    assert triples(text) == [
        ("direct", "Wir nennen das ‚Zermürbungstaktik‘ und halten stand", "Olha Kowal"),
    ]


def test_quote_over_several_sentences_with_ellipsis():
    text = (
        "Kommandeur Petro Hrytsenko zog Bilanz. „Die Nacht war lang … Wir haben 40 Drohnen abgefangen. "
        "Drei Treffer gab es dennoch“, sagte Hrytsenko."
    )
    (q,) = quotes(text)
    assert q.text == "Die Nacht war lang … Wir haben 40 Drohnen abgefangen. Drei Treffer gab es dennoch"
    assert (q.kind, q.speaker, q.verb) == ("direct", "Petro Hrytsenko", "sagen")
    assert text[q.span[0] : q.span[1]] == q.text


def test_final_punctuation_inside_the_marks_is_kept():
    text = "»Wir bauen alles wieder auf.« Das versprach Bürgermeister Andrij Sadowyj am Abend."
    assert triples(text) == [("direct", "Wir bauen alles wieder auf.", "Andrij Sadowyj")]


# -- direct speech: where the attribution stands ---------------------------------
def test_attribution_after_with_so_and_separable_verb():
    text = (
        "Verteidigungsminister Rustem Umjerow äußerte sich am Morgen. „Die Luftabwehr hat gut gearbeitet“, "
        "so Umjerow. „Wir brauchen trotzdem mehr Systeme“, fügte der Minister hinzu."
    )
    got = [(q.text, q.speaker, q.verb, q.role) for q in quotes(text)]
    assert got == [
        ("Die Luftabwehr hat gut gearbeitet", "Rustem Umjerow", "so", "Verteidigungsminister"),
        ("Wir brauchen trotzdem mehr Systeme", "Rustem Umjerow", "hinzufügen", "Verteidigungsminister"),
    ]


def test_attribution_before_with_colon():
    text = "Außenministerin Anna Berger sagte am Dienstag: „Die Hilfe wird fortgesetzt.“"
    assert triples(text) == [("direct", "Die Hilfe wird fortgesetzt.", "Anna Berger")]


def test_interrupted_quote_is_two_parts_of_one_speaker():
    text = "„Die Stadt ist sicher“, sagte Gouverneur Oleh Brenko. „Die Schulen öffnen am Montag wieder.“"
    assert triples(text) == [
        ("direct", "Die Stadt ist sicher", "Oleh Brenko"),
        ("direct", "Die Schulen öffnen am Montag wieder.", "Oleh Brenko"),
    ]


def test_speaker_in_the_previous_sentence_carries_on():
    text = (
        "Der Kremlsprecher Juri Sokolow äußerte sich am Abend zu den Gesprächen. "
        "„Es gibt noch keinen Termin“, sagte er. „Wir warten auf eine Antwort aus Kiew.“"
    )
    assert [q.speaker for q in quotes(text)] == ["Juri Sokolow", "Juri Sokolow"]


def test_headline_quote_with_name_and_colon():
    text = "Petrenko: „Wir halten die Stellung“\nGouverneur Iwan Petrenko besuchte die Front am Sonntag."
    assert triples(text) == [("direct", "Wir halten die Stellung", "Iwan Petrenko")]


# -- names and titles in marks are no quotes ------------------------------------
def test_names_in_marks_are_not_quotes():
    text = (
        "Die Zeitung „Kommersant“ berichtete über eine Rakete vom Typ »Kinschal«. "
        "Die Brigade „Freie Steppe“ zog ab."
    )
    assert quotes(text) == []


def test_quoted_fragment_inside_indirect_speech_is_its_own_direct_quote():
    text = "Der Angriff sei „ein Akt der Verzweiflung“ gewesen, sagte Sprecherin Maria Lenz."
    got = sorted(triples(text), key=lambda t: t[0])
    assert got == [
        ("direct", "ein Akt der Verzweiflung", "Maria Lenz"),
        ("indirect", "Der Angriff sei „ein Akt der Verzweiflung“ gewesen", "Maria Lenz"),
    ]


def test_scare_quotes_in_a_plain_sentence_are_not_speech():
    assert quotes("Die Regierung sprach trotz der „Reform“ kaum über Details des Plans.") == []


# -- malformed quoting recovers at the paragraph end ----------------------------------
def test_missing_closing_mark_ends_at_the_paragraph():
    text = (
        "„Wir räumen die Trümmer seit dem Morgen weg, sagte ein Helfer.\n"
        "Am Nachmittag kehrte Ruhe ein. „Alles ist wieder offen“, sagte Bürgermeister Lew Horak."
    )
    got = triples(text)
    assert got[0][1] == "Wir räumen die Trümmer seit dem Morgen weg, sagte ein Helfer."
    assert got[1] == ("direct", "Alles ist wieder offen", "Lew Horak")


def test_mixed_styles_and_stray_closing_mark():
    text = "Ein Zeuge erzählte: »Es war sehr laut“. Danach war es still«\nEine neue Meldung folgte."
    (q,) = quotes(text)
    assert q.text == "Es war sehr laut"
    assert q.kind == "direct"
    assert all(r.span[1] <= text.index("\n") for r in quotes(text))


def test_mark_with_space_before_still_closes():
    text = "Bürgermeister Lew Horak sagte: „Wir sind vorbereitet. “ Dann ging er."
    assert triples(text) == [("direct", "Wir sind vorbereitet.", "Lew Horak")]


# -- indirect speech ------------------------------------------------------------
def test_dass_clause_text_starts_after_dass():
    text = "Regierungschef Denys Sokil betonte, dass die Versorgung mit Strom gesichert sei."
    assert triples(text) == [("indirect", "die Versorgung mit Strom gesichert sei", "Denys Sokil")]


def test_speech_verb_comma_and_konjunktiv_clause():
    text = "Gouverneur Oleh Brenko schrieb auf Telegram, vier Häuser seien beschädigt worden."
    assert triples(text) == [("indirect", "vier Häuser seien beschädigt worden", "Oleh Brenko")]


def test_konjunktiv_with_frame_after_and_separable_verb():
    text = "Über der Region seien 23 Drohnen abgefangen worden, teilte die ukrainische Luftwaffe mit."
    (q,) = quotes(text)
    assert (q.kind, q.text, q.speaker, q.verb) == (
        "indirect",
        "Über der Region seien 23 Drohnen abgefangen worden",
        "ukrainische Luftwaffe",
        "mitteilen",
    )


def test_hiess_es_points_back_to_the_organisation():
    text = (
        "Das russische Verteidigungsministerium meldete am Morgen neue Angriffe. "
        "Neun Drohnen seien über Brjansk zerstört worden, hieß es aus dem Ministerium."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker) == (
        "Neun Drohnen seien über Brjansk zerstört worden",
        "russisches Verteidigungsministerium",
    )


def test_hiess_es_in_a_document_that_names_nobody_is_the_last_speakers():
    text = (
        "Die Luftwaffe meldete am Morgen, es habe neue Angriffe gegeben. Täglich habe Russland mehr "
        "als 100 Gleitbomben abgeworfen, hieß es in der Bilanz.\n\n"
        "„Die Lage ist ernst“, sagte der Militäranalyst Oleksij Hetman."
    )
    assert [(q.text[:20], q.speaker) for q in quotes(text)] == [
        ("es habe neue Angriff", "Luftwaffe"),
        ("Täglich habe Russlan", "Luftwaffe"),  # not the analyst named later ("der Bilanz")
        ("Die Lage ist ernst", "Oleksij Hetman"),
    ]


def test_colon_and_konjunktiv():
    text = "Der Generalstab zog am Abend Bilanz: An der Front habe es 140 Gefechte gegeben."
    assert triples(text) == [("indirect", "An der Front habe es 140 Gefechte gegeben", "Generalstab")]


def test_konjunktiv_continues_the_report_of_the_last_speaker():
    text = (
        "Die Brücke sei schwer beschädigt, sagte Bürgermeisterin Olha Kowal. "
        "Die Reparatur werde Wochen dauern. Am Abend regnete es."
    )
    assert triples(text) == [
        ("indirect", "Die Brücke sei schwer beschädigt", "Olha Kowal"),
        ("indirect", "Die Reparatur werde Wochen dauern", "Olha Kowal"),
    ]


def test_konjunktiv_with_source_cue_is_a_quote():
    text = "Laut Gouverneur Iwan Petrenko seien zwei Menschen verletzt worden."
    assert triples(text) == [("indirect", "seien zwei Menschen verletzt worden", "Iwan Petrenko")]


@pytest.mark.parametrize(
    "text",
    [
        "Laut Gouverneur Iwan Petrenko wurden zwei Menschen verletzt.",
        "Nach Angaben der Polizei brannte ein Lagerhaus.",
        "Wie die Feuerwehr mitteilte, ist der Brand gelöscht.",
        "Den Behörden zufolge kamen 30 Drohnen aus dem Süden.",
        "In Sumy brannte ein Lagerhaus, wie Gouverneur Oleh Hryhorow auf Telegram schrieb.",
    ],
)
def test_indicative_sentence_with_a_source_is_no_quote(text):
    assert quotes(text) == []


def test_a_source_named_after_its_report_goes_on_in_the_next_sentence():
    text = (
        "Nach Behördenangaben wurde die Stadt Sumy erneut beschossen. Drei Menschen kamen ums Leben, wie "
        "Gouverneur Oleh Hryhorow auf Telegram schrieb. Ein Wohnhaus sei eingestürzt."
    )
    assert triples(text) == [("indirect", "Ein Wohnhaus sei eingestürzt", "Oleh Hryhorow")]


def test_konjunktiv_with_a_source_after_it_ends_before_the_source():
    text = "Bei dem Angriff seien vier Menschen getötet worden, wie Gouverneur Oleh Hryhorow mitteilte."
    assert triples(text) == [
        ("indirect", "Bei dem Angriff seien vier Menschen getötet worden", "Oleh Hryhorow"),
    ]


def test_outlet_reporting_is_the_speaker():
    text = "Die Agentur Interfax meldete, dass ein Zug entgleist sei."
    assert triples(text) == [("indirect", "ein Zug entgleist sei", "Interfax")]


def test_semicolon_continuation_after_a_direct_quote():
    text = "„Wir sind wachsam“, sagte Kommandeur Petro Hrytsenko; die Lage bleibe aber schwierig."
    assert triples(text) == [
        ("direct", "Wir sind wachsam", "Petro Hrytsenko"),
        ("indirect", "die Lage bleibe aber schwierig", "Petro Hrytsenko"),
    ]


def test_quotes_in_headline_keep_their_counts():
    text = "Kowal: „Zwölf Drohnen über der Stadt“\nBürgermeisterin Olha Kowal meldete neue Angriffe."
    ctx = analyse(text, "2025-03-14")
    assert [q.text for q in ctx.quotes] == ["Zwölf Drohnen über der Stadt"]


# -- records -----------------------------------------------------------------------
def test_quote_records_carry_ids_rules_and_spans():
    text = "„Es bleibt ruhig“, sagte Gouverneur Iwan Petrenko. Er betonte, dass keine Schäden gemeldet seien."
    recs = [r for r in parse_text(text, explain=True) if r["type"] == "quote"]
    assert [r["id"] for r in recs] == ["q1", "q2"]
    assert recs[0]["rules"] == ["quote.direct_after"]
    assert recs[1]["rules"] == ["quote.indirect_dass"]
    for r in recs:
        assert text[r["span"][0] : r["span"][1]] == r["text"]
        assert r["speaker"] == "Iwan Petrenko"


# -- the seed bulletin -----------------------------------------------------------------
SEED = SHARED / "corpus" / "seed-000.txt"


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not available")
def test_seed_quotes_exact_with_speaker():
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED.with_name("seed-000.gold.json").read_text(encoding="utf-8"))
    got = quotes(text)
    assert [(q.kind, q.text) for q in got] == [(g["kind"], g["text"]) for g in gold["quotes"]]
    assert {q.speaker for q in got} == {"Mark Rutte"}


# -- more frames and reports ------------------------------------------------------------
def test_so_with_a_verb_and_pronoun_object():
    text = "„Er ist ein harter Verhandler“, so beschrieb ihn der Diplomat Karl Weiß."
    assert triples(text) == [("direct", "Er ist ein harter Verhandler", "Karl Weiß")]


def test_indicative_clause_with_a_frame_after_is_a_source_not_a_quote():
    assert quotes("Zwei Häuser wurden getroffen, teilte Bürgermeister Lew Horak mit.") == []
    text = "Zwei Häuser seien getroffen worden, teilte Bürgermeister Lew Horak mit."
    assert triples(text) == [("indirect", "Zwei Häuser seien getroffen worden", "Lew Horak")]


def test_speech_verb_with_zu_infinitive_is_no_quote():
    # records.md: indirect speech is a dass-clause or Konjunktiv, not an infinitive clause
    assert quotes("Das Umweltministerium erklärte, von den Plänen nichts zu wissen.") == []
    text = "Das Umweltministerium erklärte, man wisse von den Plänen nichts."
    assert triples(text) == [("indirect", "man wisse von den Plänen nichts", "Umweltministerium")]


def test_konjunktiv_one_main_clause_without_a_frame():
    text = "Die Feuerwehr rückte aus. Viele Bewohner seien in Panik auf die Straße gelaufen."
    assert triples(text) == [("indirect", "Viele Bewohner seien in Panik auf die Straße gelaufen", None)]


def test_hypothetical_konjunktiv_two_alone_is_no_quote():
    assert quotes("Die Feuerwehr rückte aus. Ohne Regen wäre der Brand größer geworden.") == []


def test_indicative_wie_cue_names_the_speaker_of_what_follows():
    text = (
        "Wie Regierungssprecher Tom Berger mitteilte, ist die Versorgung gesichert. "
        "Daran ändere auch der Ausfall nichts."
    )
    assert triples(text) == [("indirect", "Daran ändere auch der Ausfall nichts", "Tom Berger")]


def test_indefinite_role_is_an_unnamed_speaker():
    text = (
        "Feuerwehrsprecher Jan Ober meldete 20 Einsätze. "
        "Der Fahrer habe einen Schwächeanfall erlitten, teilte ein Polizeisprecher mit."
    )
    (q,) = quotes(text)
    assert (q.speaker, q.role) == ("Polizeisprecher", "Polizeisprecher")


def test_reported_speech_inside_a_quotation():
    text = (
        "„Der Präsident hat erklärt, man sei zu Gesprächen bereit“, sagte Kremlsprecher Juri Sokolow "
        "über Staatschef Arno Vogt."
    )
    got = sorted(triples(text))
    assert got == [
        ("direct", "Der Präsident hat erklärt, man sei zu Gesprächen bereit", "Juri Sokolow"),
        ("indirect", "man sei zu Gesprächen bereit", "Arno Vogt"),
    ]


def test_pathological_marks_never_break_offsets():
    text = '„“”"»«‚‘ “„ »» «« "" ,„ sagte er.\n„\n»Ende'
    for q in quotes(text):
        assert text[q.span[0] : q.span[1]] == q.text


def test_lower_case_fragment_after_a_noun_is_speech_in_a_report():
    text = (
        "„Wir halten“, sagte Sprecherin Maria Lenz. Der Gegner habe an der Front „schwere Verluste“ erlitten."
    )
    got = triples(text)
    assert ("direct", "schwere Verluste", "Maria Lenz") in got
    assert ("indirect", "Der Gegner habe an der Front „schwere Verluste“ erlitten", "Maria Lenz") in got


# -- news German beyond bulletins (issue #5, corpus-quotes) ------------------------------
def test_konjunktiv_main_clause_opening_with_an_article():
    # "Die"/"Das" opening a sentence is an article, not a relative pronoun
    text = "Der Stadtrat tagte bis spät. Die Ursache des Stromausfalls sei bis heute nicht geklärt worden."
    expected = "Die Ursache des Stromausfalls sei bis heute nicht geklärt worden"
    assert triples(text) == [("indirect", expected, None)]


def test_konjunktiv_late_in_a_long_main_clause():
    text = (
        "Am Abend regnete es. Der Plan der Verwaltung für den Ausbau der Brücke über den Fluss "
        "bei Tschernihiw habe sich bewährt."
    )
    expected = text[21:-1]  # the whole second sentence, without its full stop
    assert [q.text for q in quotes(text)] == [expected]


def test_reportative_sollen_with_perfect_infinitive():
    text = "Die Polizei ermittelt. Der Kassenwart soll über Jahre Spenden unterschlagen haben."
    assert triples(text) == [("indirect", "Der Kassenwart soll über Jahre Spenden unterschlagen haben", None)]
    text = "In der Nacht sollen am 3. März zwei Lagerhallen niedergebrannt sein."
    expected = "In der Nacht sollen am 3. März zwei Lagerhallen niedergebrannt sein"
    assert [q.text for q in quotes(text)] == [expected]


def test_deontic_sollen_is_no_report():
    assert quotes("Bis Freitag sollen zehn Generatoren in die Stadt gebracht werden.") == []


def test_ob_clause_after_a_speech_verb():
    text = "Die Opposition äußerte Zweifel, ob die Lieferung rechtzeitig eintreffe."
    assert triples(text) == [("indirect", "die Lieferung rechtzeitig eintreffe", "Opposition")]


def test_speech_noun_with_dass_clause():
    text = "Bürgermeister Lew Horak ist der Meinung, dass die Schule bald wieder öffnen könne."
    (q,) = quotes(text)
    assert (q.kind, q.text, q.speaker, q.rules) == (
        "indirect",
        "die Schule bald wieder öffnen könne",
        "Lew Horak",
        ["quote.indirect_noun"],
    )
    text = "Seit Wochen gibt es Hinweise, dass die Fähre nicht mehr fährt."
    assert [q.text for q in quotes(text)] == ["die Fähre nicht mehr fährt"]


def test_open_question_in_the_indicative_is_the_writers_own():
    assert quotes("Offen ist allerdings die Frage, ob das Parlament noch im Mai abstimmt.") == []


def test_hinweisen_written_daraufhin():
    text = "Experten der Universität wiesen daraufhin, dass der Damm nicht dafür gebaut sei."
    (q,) = quotes(text)
    assert (q.text, q.verb) == ("der Damm nicht dafür gebaut sei", "hinweisen")


def test_subordinate_konjunktiv_gives_the_reason_of_the_subject():
    text = "Bürgermeister Lew Horak wies die Kritik zurück, da die Stadt rechtzeitig gewarnt habe."
    assert triples(text) == [("indirect", "da die Stadt rechtzeitig gewarnt habe", "Lew Horak")]


def test_report_ends_where_the_main_clause_resumes():
    text = (
        "Nachdem die Anwältin dem Gericht mitgeteilt hatte, dass der Mann gesucht werde, "
        "hatte der Richter die Polizei verständigt."
    )
    assert [q.text for q in quotes(text)] == ["der Mann gesucht werde"]


def test_konjunktiv_in_a_later_main_clause_after_a_report():
    text = (
        "Sprecherin Maria Lenz sagte, die Lage sei ruhig. "
        "Im Bericht des Stabes wird die Lage mit dem Satz beschrieben, die Stadt halte stand."
    )
    got = [q.text for q in quotes(text)]
    assert got == ["die Lage sei ruhig", "die Stadt halte stand"]


def test_konjunktiv_two_in_a_w_clause_is_no_report():
    text = "Sprecherin Maria Lenz sagte, die Lage sei ruhig. Niemand ahnte, wie lange die Ruhe halten würde."
    assert [q.text for q in quotes(text)] == ["die Lage sei ruhig"]


def test_sollen_with_a_source_reports_a_plan():
    text = "Der Abzug der Einheiten soll demnach erst im Frühjahr beginnen."
    expected = "Der Abzug der Einheiten soll demnach erst im Frühjahr beginnen"
    assert [q.text for q in quotes(text)] == [expected]


def test_reportative_sollen_continues_a_report_but_a_plan_does_not():
    text = (
        "Energieministerin Halyna Moroz kündigte an, das Netz werde bis Mai repariert. "
        "Saboteure sollen die Leitungen beschädigt haben. "
        "Zuerst sollen die Krankenhäuser wieder Strom bekommen."
    )
    assert triples(text) == [
        ("indirect", "das Netz werde bis Mai repariert", "Halyna Moroz"),
        ("indirect", "Saboteure sollen die Leitungen beschädigt haben", "Halyna Moroz"),
    ]


def test_verb_final_sollen_in_a_relative_clause_continues_nothing():
    text = (
        "Energieministerin Halyna Moroz kündigte an, das Netz werde bis Mai repariert. "
        "Die Stadt baute ein Lager, in dem Diesel gelagert werden soll."
    )
    assert [q.text for q in quotes(text)] == ["das Netz werde bis Mai repariert"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Gemäß dem Bürgermeister Lew Horak seien alle Schulen geschlossen.", "Lew Horak"),
        ("Nach Ansicht von Bürgermeister Lew Horak seien alle Schulen geschlossen.", "Lew Horak"),
        ("Nach einem Bericht der Zeitung Kyiv Post seien alle Schulen geschlossen.", "Kyiv Post"),
    ],
)
def test_more_source_cues_with_konjunktiv(text, speaker):
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("seien alle Schulen geschlossen", speaker)


def test_es_sei_denn_is_no_konjunktiv():
    text = "Gouverneur Oleh Brenko sagte, die Lage sei ruhig. Die Schulen bleiben zu, es sei denn, es regnet."
    assert [q.text for q in quotes(text)] == ["die Lage sei ruhig"]


def test_second_report_in_the_same_sentence():
    text = (
        "Sprecher Jan Ober sagte, die Lage sei schwierig, bestritt jedoch die Annahme, dass "
        "die Brücke gesprengt worden sei."
    )
    assert [q.text for q in quotes(text)] == ["die Lage sei schwierig", "die Brücke gesprengt worden sei"]


def test_report_ends_before_the_writers_own_predicate():
    text = "Er halte die neue Regel für sinnvoll und bezeichnete die Kritik als „überzogen“."
    assert ("indirect", "Er halte die neue Regel für sinnvoll", None) in triples(text)


def test_adverb_damit_before_a_konjunktiv_verb_opens_a_main_clause():
    text = "Die Firma meldete Insolvenz an. Damit handele es sich um die größte Pleite des Jahres."
    assert [q.text for q in quotes(text)] == ["Damit handele es sich um die größte Pleite des Jahres"]


def test_a_document_that_provides_something():
    text = "Der Entwurf sieht vor, dass die Schulen im Winter früher schließen."
    (q,) = quotes(text)
    assert (q.text, q.verb) == ("die Schulen im Winter früher schließen", "vorsehen")


def test_speech_noun_with_a_konjunktiv_clause_after_a_particle():
    text = "Bürgermeister Lew Horak lehnte den Antrag mit der Begründung ab, die Stadt habe kein Geld."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.rules) == ("die Stadt habe kein Geld", "Lew Horak", ["quote.indirect_noun"])


def test_warning_with_an_indicative_main_clause():
    text = "Gouverneur Oleh Brenko warnte, die Lage wird sich im Winter verschärfen."
    assert triples(text) == [("indirect", "die Lage wird sich im Winter verschärfen", "Oleh Brenko")]


def test_conclusion_drawn_daraus():
    text = "Militärexperten schließen daraus, dass die Offensive ins Stocken geraten ist."
    (q,) = quotes(text)
    assert (q.text, q.verb) == ("die Offensive ins Stocken geraten ist", "schließen")


def test_speech_noun_after_a_participle():
    text = "Die Opposition hatte den Vorwurf erhoben, dass die Gelder zweckentfremdet wurden."
    (q,) = quotes(text)
    assert (q.text, q.rules) == ("die Gelder zweckentfremdet wurden", ["quote.indirect_noun"])


def test_doubt_about_something_is_no_speech_noun_frame():
    assert quotes("Es gab Zweifel daran, ob der Zug rechtzeitig fahre.") == []


def test_wie_cue_with_a_long_insert_before_its_verb():
    text = (
        "Wie die Zeitung Kyiv Post in einem Bericht vom 3. März schreibt, sollen Unbekannte die "
        "Leitung beschädigt haben."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("sollen Unbekannte die Leitung beschädigt haben", "Kyiv Post")


# -- second round: frames and cues on real-news German ------------------------------
def test_short_konjunktiv_clause_before_a_heisst_es_frame():
    # "sei" is the only verb: the clause before the frame still reports speech
    text = "Die Versorgung sei gesichert, heißt es in dem Schreiben."
    (q,) = quotes(text)
    assert (q.kind, q.text, q.verb, q.rules) == (
        "indirect",
        "Die Versorgung sei gesichert",
        "heißen",
        ["quote.indirect_frame_after"],
    )


def test_short_konjunktiv_clause_before_sagte_er():
    text = "Kämmerer Jonas Weller kritisierte die Planung. Hauptproblem sei die Finanzierung, sagte er."
    assert triples(text)[-1] == ("indirect", "Hauptproblem sei die Finanzierung", "Jonas Weller")


@pytest.mark.parametrize(
    ("cue", "speaker"),
    [
        ("Nach Polizeiangaben", "Polizei"),
        ("Nach Behördenangaben", "Behörden"),
        ("Nach NASA-Angaben", "NASA"),
        ("Nach Regierungsangaben", "Regierung"),
    ],
)
def test_compound_source_cue_names_the_source(cue, speaker):
    (q,) = quotes(f"{cue} seien zwei Lastwagen ausgebrannt.")
    assert (q.kind, q.text, q.speaker, q.rules) == (
        "indirect",
        "seien zwei Lastwagen ausgebrannt",
        speaker,
        ["quote.indirect_cue"],
    )


def test_compound_source_cue_with_an_indicative_sentence_is_no_quote():
    assert quotes("Nach Polizeiangaben sind zwei Lastwagen ausgebrannt.") == []


def test_unnamed_source_cue_has_no_speaker():
    (q,) = quotes("Nach ersten Meldungen sei der Damm gebrochen.")
    assert (q.kind, q.text, q.speaker) == ("indirect", "sei der Damm gebrochen", None)


def test_unnamed_source_cue_inside_a_report_keeps_its_speaker():
    text = (
        "Die Feuerwehr teilte mit, der Pegel steige weiter. "
        "Der Deich sei nach bisherigen Erkenntnissen stabil."
    )
    assert triples(text)[-1] == (
        "indirect",
        "Der Deich sei nach bisherigen Erkenntnissen stabil",
        "Feuerwehr",
    )


def test_dative_source_cue_with_a_role():
    (q,) = quotes("Einer Sprecherin der Bahn zufolge habe der Lokführer nicht gebremst.")
    assert (q.text, q.speaker) == ("habe der Lokführer nicht gebremst", "Sprecherin")


def test_konjunktiv_sentence_attributed_by_the_next_sentence():
    text = (
        "Die Gemeinde Seedorf hat den Haushalt beschlossen. Die Rücklagen seien aufgebraucht. "
        "Das sagte Kämmerin Lea Brandt am Dienstag."
    )
    (q,) = quotes(text)
    assert (q.kind, q.text, q.speaker, q.verb) == (
        "indirect",
        "Die Rücklagen seien aufgebraucht",
        "Lea Brandt",
        "sagen",
    )
    assert q.rules[-1] == "quote.indirect_next_sentence"


def test_continued_report_reattributed_by_the_next_sentence():
    text = (
        "Bürgermeister Karl Hense erklärte, die Schule bleibe geschlossen. Die Heizung sei defekt. "
        "Dies berichtete die Zeitung Nordkurier."
    )
    assert triples(text) == [
        ("indirect", "die Schule bleibe geschlossen", "Karl Hense"),
        ("indirect", "Die Heizung sei defekt", "Nordkurier"),
    ]


def test_indicative_sentence_before_das_sagte_is_no_quote():
    text = "Die Rücklagen sind aufgebraucht. Das sagte Kämmerin Lea Brandt am Dienstag."
    assert quotes(text) == []


def test_document_as_source_names_its_issuer():
    text = "Die Grenzwerte müssten sinken, heißt es in einem Positionspapier des Umweltministeriums."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.verb) == ("Die Grenzwerte müssten sinken", "Umweltministerium", "heißen")


def test_document_compound_names_its_issuer():
    (q,) = quotes("Der Fahrer sei betrunken gewesen, heißt es im Polizeibericht.")
    assert (q.text, q.speaker) == ("Der Fahrer sei betrunken gewesen", "Polizei")


def test_document_without_issuer_has_no_speaker():
    (q,) = quotes("Die Kosten seien zu hoch, hieß es in einem Gutachten.")
    assert (q.text, q.speaker) == ("Die Kosten seien zu hoch", None)


def test_acronym_speaker_gets_the_full_name_the_document_introduced():
    text = (
        "Die Denkfabrik Centre for Energy Research (CER) legte ihre Zahlen vor. "
        "Der Gaspreis werde im Winter steigen, schreibt das CER."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("Der Gaspreis werde im Winter steigen", "Centre for Energy Research (CER)")


def test_analysts_speak_for_the_institute_just_named():
    text = (
        "Die Lage bei Awdijiwka hat sich nach Einschätzung der Denkfabrik Centre for Energy Research "
        "(CER) verschärft. Die Front sei kaum zu halten, schreiben die Analysten."
    )
    assert triples(text) == [("indirect", "Die Front sei kaum zu halten", "Centre for Energy Research (CER)")]


def test_party_after_a_name_is_no_acronym_definition():
    text = "Der Abgeordnete Paul Ritter (FDP) sagte, die Reform sei überfällig."
    assert triples(text) == [("indirect", "die Reform sei überfällig", "Paul Ritter")]


def test_the_verb_nearest_the_quotation_frames_it():
    text = (
        "Auf dem Podium saß auch Bernd Kolbe von den Grünen. Nachdem der Moderator gefragt hatte, "
        "was seine Partei plane, entgegnete Kolbe knapp: „Wir wollen mehr Radwege.“"
    )
    q = quotes(text)[-1]
    assert (q.kind, q.text, q.speaker, q.verb) == (
        "direct",
        "Wir wollen mehr Radwege.",
        "Bernd Kolbe",
        "entgegnen",
    )


def test_a_later_speech_verb_frames_the_report_after_a_fronted_clause():
    text = "Nachdem er nach den Kosten gefragt worden war, erklärte Landrat Tim Albers, die Klinik bleibe zu."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.verb) == ("die Klinik bleibe zu", "Tim Albers", "erklären")


def test_speech_verb_in_a_clause_joined_by_doch_has_its_own_subject():
    text = "Die Gewerkschaft hatte mehr Lohn gefordert, doch die Arbeitgeber betonten, dafür fehle das Geld."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.verb) == ("dafür fehle das Geld", "Arbeitgeber", "betonen")


def test_a_thing_is_never_the_speaker():
    text = (
        "Hintergrund der Debatte war ein Interview der Abgeordneten, in dem sie gesagt hatte, "
        "sie habe die Akten nie gesehen."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("sie habe die Akten nie gesehen", None)


def test_wissen_lassen_with_a_dass_clause():
    (q,) = quotes("Die Stadtwerke ließen wissen, dass die Preise im Januar steigen.")
    assert (q.text, q.speaker, q.verb) == ("die Preise im Januar steigen", "Stadtwerke", "wissen lassen")


def test_fuer_moeglich_halten_with_the_subject_after_es():
    text = "Laut der Agentur hält es Notenbankchef Tomas Berg für möglich, dass die Zinsen sinken."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.verb) == ("die Zinsen sinken", "Tomas Berg", "für möglich halten")


def test_ministry_keeps_its_portfolio_in_the_name():
    text = "In einem Papier des Bundesministeriums des Innern heißt es, die Regeln hätten sich bewährt."
    (q,) = quotes(text)
    assert (q.text, q.speaker) == ("die Regeln hätten sich bewährt", "Bundesministerium des Innern")


def test_speech_noun_frame_with_the_subject_after_the_verb():
    text = (
        "Am Dienstag zog der Baukonzern Norwerk das Angebot mit der Begründung zurück, "
        "die Frist sei zu kurz."
    )
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.rules) == (
        "die Frist sei zu kurz",
        "Baukonzern Norwerk",
        ["quote.indirect_noun"],
    )


def test_cue_after_a_semicolon_splits_the_report():
    text = (
        "Die Feuerwehr teilte mit, der Brand sei gelöscht. Die Ursache sei ein Kurzschluss gewesen; "
        "nach Polizeiangaben gebe es aber keine Verletzten."
    )
    assert triples(text) == [
        ("indirect", "der Brand sei gelöscht", "Feuerwehr"),
        ("indirect", "Die Ursache sei ein Kurzschluss gewesen", "Feuerwehr"),
        ("indirect", "gebe es aber keine Verletzten", "Polizei"),
    ]


def test_source_cue_with_an_adjective_and_no_article():
    (q,) = quotes("Nach jüngsten Angaben der ukrainischen Luftwaffe seien 40 Drohnen abgeschossen worden.")
    assert (q.text, q.speaker) == ("seien 40 Drohnen abgeschossen worden", "ukrainische Luftwaffe")


def test_document_without_issuer_points_at_the_organisation_before_it():
    text = (
        "Der Generalstab meldete 120 Gefechte an der Front. "
        "„Der Gegner greift ohne Pause an“, hieß es im Lagebericht."
    )
    q = quotes(text)[-1]
    assert (q.kind, q.speaker, q.verb) == ("direct", "Generalstab", "heißen")


def test_konjunktiv_of_an_ern_verb_with_a_quoted_fragment():
    text = "Der Kritiker Jan Roth schreibt in der Zeitung, die Ausstellung erinnere „an finstere Zeiten“."
    assert triples(text) == [
        ("indirect", "die Ausstellung erinnere „an finstere Zeiten“", "Jan Roth"),
        ("direct", "an finstere Zeiten", "Jan Roth"),
    ]


def test_indicative_report_whose_predicate_is_a_quoted_fragment():
    text = "Ein Polizeisprecher sagte, der Täter „wollte sich nicht stellen“."
    assert [(q.kind, q.text) for q in quotes(text)] == [
        ("indirect", "der Täter „wollte sich nicht stellen“"),
        ("direct", "wollte sich nicht stellen"),
    ]


def test_relative_clause_with_its_own_subject_frames_the_report():
    text = "Festgenommen wurde ein 31-jähriger Mann, von dem die Polizei glaubt, er sei angeworben worden."
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.verb) == ("er sei angeworben worden", "Polizei", "glauben")


def test_headline_quote_takes_the_speaker_the_body_gives_it():
    text = (
        "Bundesbank: »Keine Eile bei den Zinsen«\n"
        "„Wir haben keine Eile bei den Zinsen“, sagte Bundesbankpräsident Olaf Lenz in Frankfurt."
    )
    assert triples(text) == [
        ("direct", "Keine Eile bei den Zinsen", "Olaf Lenz"),
        ("direct", "Wir haben keine Eile bei den Zinsen", "Olaf Lenz"),
    ]


def test_headline_words_after_an_organisation_and_colon_are_speech():
    text = "Bundesbank: »Kein Grund zur Panik«\nDie Märkte schlossen am Montag fester."
    assert triples(text) == [("direct", "Kein Grund zur Panik", "Bundesbank")]


def test_short_form_after_kurz_colon_is_a_name():
    text = "Die Gewerkschaft Erziehung und Wissenschaft (kurz: „GEW“) kritisierte den Plan."
    assert quotes(text) == []


def test_a_label_someone_gives_is_a_direct_quote():
    text = "Regierungssprecher Jonas Kern nannte den Vorstoß eine „Provokation“."
    assert triples(text) == [("direct", "Provokation", "Jonas Kern")]


def test_a_single_word_in_marks_without_a_speech_verb_is_a_name():
    assert quotes("Die Fregatte „Hessen“ lief am Morgen aus.") == []


def test_no_one_saying_is_no_frame_and_the_source_cue_attributes_the_sentence():
    text = (
        "Der Wolf bleibt nach Angaben des Sprechers des Landratsamts, Tobias Ried, eine Gefahr – "
        "es sei nur eine Frage der Zeit, und keiner könne sagen, was dann passiere."
    )
    (q,) = quotes(text)
    assert (q.speaker, q.rules) == ("Tobias Ried", ["quote.indirect_cue"])
    assert q.text.startswith("Der Wolf bleibt") and q.text.endswith("was dann passiere")


def test_party_with_the_same_initial_after_a_name_is_no_acronym_definition():
    text = "Auch Carla Brandt (CDU) sagte, die Reform sei überfällig. Die CDU erklärte, sie stimme zu."
    assert triples(text) == [
        ("indirect", "die Reform sei überfällig", "Carla Brandt"),
        ("indirect", "sie stimme zu", "CDU"),
    ]


def test_dative_object_before_the_verb_and_the_subject_after_it():
    text = "Der Lokalzeitung sagte Bürgermeisterin Anna Keller, die Pläne seien veraltet."
    assert triples(text) == [("indirect", "die Pläne seien veraltet", "Anna Keller")]


def test_masculine_role_does_not_resolve_to_a_woman_named_later():
    text = (
        "Der Bürgermeister hatte erklärt, die Brücke werde saniert. "
        "Später sagte Bürgermeisterin Anna Keller aus dem Nachbarort, das sei zu teuer."
    )
    assert triples(text)[0] == ("indirect", "die Brücke werde saniert", "Bürgermeister")


def test_next_sentence_that_frames_its_own_report_does_not_reattribute():
    text = (
        "Kämmerer Jonas Weller legte den Haushalt vor. Die Rücklagen seien aufgebraucht. "
        "So berichtete die Zeitung Nordkurier, dass die Stadt Schulden mache."
    )
    assert triples(text) == [
        ("indirect", "Die Rücklagen seien aufgebraucht", "Jonas Weller"),
        ("indirect", "die Stadt Schulden mache", "Nordkurier"),
    ]


def test_konjunktiv_ii_sentence_continues_a_report():
    text = (
        "Die Stadtwerke teilten mit, die Leitung sei beschädigt. "
        "Die Reparatur würde mehrere Wochen dauern."
    )
    assert triples(text) == [
        ("indirect", "die Leitung sei beschädigt", "Stadtwerke"),
        ("indirect", "Die Reparatur würde mehrere Wochen dauern", "Stadtwerke"),
    ]


def test_konjunktiv_ii_sentence_without_a_report_is_no_quote():
    assert quotes("Am Morgen schneite es. Ohne Streusalz würden die Straßen vereisen.") == []


def test_the_one_a_newspaper_quotes_is_the_speaker():
    text = (
        "Die Lokalzeitung Nordkurier zitiert Feuerwehrchef Max Born mit den Worten: "
        "„Wir waren nach vier Minuten vor Ort.“"
    )
    assert triples(text) == [("direct", "Wir waren nach vier Minuten vor Ort.", "Max Born")]


def test_quoting_from_a_letter_names_its_author():
    text = "Die Zeitung zitiert aus einem Brief des Ministers Karl Abt: „Wir lehnen das ab.“"
    assert triples(text) == [("direct", "Wir lehnen das ab.", "Karl Abt")]


def test_a_letter_of_a_ministry_speaks_for_the_ministry():
    text = "In einem Brief des Wirtschaftsministeriums heißt es, die Frist sei verlängert worden."
    assert triples(text) == [("indirect", "die Frist sei verlängert worden", "Wirtschaftsministerium")]


def test_a_compound_report_noun_names_the_source_of_a_later_hieß_es():
    text = (
        "Nach dem Lagebericht des ukrainischen Generalstabs gab es am Freitag 140 Gefechte. "
        "Bei Kurachowe seien 30 Angriffe abgewehrt worden, hieß es."
    )
    assert triples(text) == [
        ("indirect", "Bei Kurachowe seien 30 Angriffe abgewehrt worden", "ukrainischer Generalstab")
    ]


# -- generality pass: news German in every quotation style and frame ------------------------
# Short bulletins written for this pass; each lists exactly the quotes expected, as (kind,
# text, speaker). Negative documents (a source cue with the indicative, names and titles in
# marks, a zu-infinitive) expect none.
GENERAL_QUOTES = [
    pytest.param(
        (
            "„Wir werden nicht aufgeben“, sagte der ukrainische Präsident Wolodymyr Selenskyj am Abend "
            "in seiner Videoansprache."
        ),
        [
            ("direct", "Wir werden nicht aufgeben", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj meldete sich in der Nacht zu Wort. “Die Angriffe auf unsere "
            "Kraftwerke gehen weiter”, schrieb Selenskyj auf Telegram."
        ),
        [
            ("direct", "Die Angriffe auf unsere Kraftwerke gehen weiter", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        '"Russland will keinen Frieden", erklärte Außenminister Andrij Sybiha in Kiew.',
        [
            ("direct", "Russland will keinen Frieden", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "»Die Lage bei Pokrowsk ist äußerst schwierig«, räumte Armeechef Oleksandr Syrskyj ein.",
        [
            ("direct", "Die Lage bei Pokrowsk ist äußerst schwierig", "Oleksandr Syrskyj"),
        ],
    ),
    pytest.param(
        "«Alle Ziele wurden erreicht», behauptete das russische Verteidigungsministerium.",
        [
            ("direct", "Alle Ziele wurden erreicht", "russisches Verteidigungsministerium"),
        ],
    ),
    pytest.param(
        (
            "Sybiha: ‚Wir brauchen mehr Luftabwehr‘\nAußenminister Andrij Sybiha traf am Montag seine "
            "Amtskollegen in Brüssel."
        ),
        [
            ("direct", "Wir brauchen mehr Luftabwehr", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "Verteidigungsminister Rustem Umjerow sprach von einer ‚neuen Phase‘ des Krieges.",
        [
            ("direct", "neuen Phase", "Rustem Umjerow"),
        ],
    ),
    pytest.param(
        (
            "„Die Nacht war schwer“, sagte Bürgermeister Vitali Klitschko. „Mehrere Stadtteile sind "
            "ohne Strom.“"
        ),
        [
            ("direct", "Die Nacht war schwer", "Vitali Klitschko"),
            ("direct", "Mehrere Stadtteile sind ohne Strom.", "Vitali Klitschko"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj warnte vor neuen Angriffen. „Wir wissen“, sagte Selenskyj, "
            "„dass Russland weitere Schläge vorbereitet.“"
        ),
        [
            ("direct", "Wir wissen", "Wolodymyr Selenskyj"),
            ("direct", "dass Russland weitere Schläge vorbereitet.", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        (
            'Außenminister Andrij Sybiha sprach in Warschau. "Wir sind bereit", sagte Sybiha. "Aber '
            'Russland muss aufhören zu schießen."'
        ),
        [
            ("direct", "Wir sind bereit", "Andrij Sybiha"),
            ("direct", "Aber Russland muss aufhören zu schießen.", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        (
            "„Die Russen greifen ununterbrochen an. Wir halten die Stellungen“, sagte ein Soldat der "
            "47. Brigade. „Aber wir brauchen Munition.“"
        ),
        [
            ("direct", "Die Russen greifen ununterbrochen an. Wir halten die Stellungen", "Soldat"),
            ("direct", "Aber wir brauchen Munition.", "Soldat"),
        ],
    ),
    pytest.param(
        (
            "Kremlsprecher Dmitri Peskow sagte am Dienstag vor Journalisten: „Die Spezialoperation wird "
            "fortgesetzt.“"
        ),
        [
            ("direct", "Die Spezialoperation wird fortgesetzt.", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        (
            "Die ukrainische Luftwaffe schrieb auf Telegram: „Achtung! Mehrere Drohnen fliegen Richtung "
            "Kiew. Bleiben Sie in den Schutzräumen.“"
        ),
        [
            (
                "direct",
                "Achtung! Mehrere Drohnen fliegen Richtung Kiew. Bleiben Sie in den Schutzräumen.",
                'ukrainische Luftwaffe',
            ),
        ],
    ),
    pytest.param(
        "NATO-Generalsekretär Mark Rutte warnte: „Russland bleibt auf lange Sicht eine Bedrohung.“",
        [
            ("direct", "Russland bleibt auf lange Sicht eine Bedrohung.", "Mark Rutte"),
        ],
    ),
    pytest.param(
        (
            "Außenminister Andrij Sybiha reiste nach Berlin. Sybiha schrieb auf X: „Putin will keinen "
            "Frieden, er will die Ukraine zerstören.“"
        ),
        [
            ("direct", "Putin will keinen Frieden, er will die Ukraine zerstören.", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "US-Präsident Donald Trump schrieb auf seiner Plattform Truth Social: „Dieser Krieg muss enden!“",
        [
            ("direct", "Dieser Krieg muss enden!", "Donald Trump"),
        ],
    ),
    pytest.param(
        (
            "Gouverneur Oleh Kiper meldete Explosionen im Hafen von Odessa. Der Gouverneur schrieb: "
            "«Die Stadt ist teilweise ohne Wasser.»"
        ),
        [
            ("direct", "Die Stadt ist teilweise ohne Wasser.", "Oleh Kiper"),
        ],
    ),
    pytest.param(
        (
            "Verteidigungsminister Rustem Umjerow besuchte Truppen im Osten. Er betonte: „Wir werden "
            "jeden Meter unseres Landes verteidigen.“"
        ),
        [
            ("direct", "Wir werden jeden Meter unseres Landes verteidigen.", "Rustem Umjerow"),
        ],
    ),
    pytest.param(
        "Außenminister Andrij Sybiha am Rande des Treffens: „Wir erwarten klare Entscheidungen.“",
        [
            ("direct", "Wir erwarten klare Entscheidungen.", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "„Die Ukraine wird niemals kapitulieren“, betonte Regierungschef Denys Schmyhal.",
        [
            ("direct", "Die Ukraine wird niemals kapitulieren", "Denys Schmyhal"),
        ],
    ),
    pytest.param(
        "„Wir tun alles, um die Menschen zu schützen“, versicherte Innenministerin Nancy Faeser.",
        [
            ("direct", "Wir tun alles, um die Menschen zu schützen", "Nancy Faeser"),
        ],
    ),
    pytest.param(
        "„Wie lange will die Welt noch zusehen?“, fragte Präsident Wolodymyr Selenskyj.",
        [
            ("direct", "Wie lange will die Welt noch zusehen?", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        (
            "Bürgermeister Vitali Klitschko meldete Explosionen. „Das ist Terror!“, schrieb Klitschko "
            "auf Telegram."
        ),
        [
            ("direct", "Das ist Terror!", "Vitali Klitschko"),
        ],
    ),
    pytest.param(
        (
            "Armeechef Oleksandr Syrskyj besuchte die Front. „Die Lage ist stabil“, sagte er. „Der "
            "Gegner verliert jeden Tag Hunderte Soldaten“, ergänzte Syrskyj."
        ),
        [
            ("direct", "Die Lage ist stabil", "Oleksandr Syrskyj"),
            ("direct", "Der Gegner verliert jeden Tag Hunderte Soldaten", "Oleksandr Syrskyj"),
        ],
    ),
    pytest.param(
        (
            "„Die Lage ist unter Kontrolle“, so der Leiter der Militärverwaltung von Dnipropetrowsk, "
            "Serhij Lyssak."
        ),
        [
            ("direct", "Die Lage ist unter Kontrolle", "Serhij Lyssak"),
        ],
    ),
    pytest.param(
        "„Wir prüfen alle Optionen“, sagte am Mittwoch der Sprecher des Weißen Hauses, John Kirby.",
        [
            ("direct", "Wir prüfen alle Optionen", "John Kirby"),
        ],
    ),
    pytest.param(
        "„Wir brauchen jetzt Taurus“, sagte der CDU-Politiker Roderich Kiesewetter im ARD-Morgenmagazin.",
        [
            ("direct", "Wir brauchen jetzt Taurus", "Roderich Kiesewetter"),
        ],
    ),
    pytest.param(
        "„Putin sagt ‚Frieden‘, aber er meint Kapitulation“, sagte Außenminister Andrij Sybiha.",
        [
            ("direct", "Putin sagt ‚Frieden‘, aber er meint Kapitulation", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "„Wir haben keine Wahl“, sagte ein hoher ukrainischer Beamter der Nachrichtenagentur Reuters.",
        [
            ("direct", "Wir haben keine Wahl", "Beamter"),
        ],
    ),
    pytest.param(
        (
            "Kremlsprecher Dmitri Peskow äußerte sich zu dem Treffen. „Das ist ein klares Signal an "
            "Washington“, so Peskow."
        ),
        [
            ("direct", "Das ist ein klares Signal an Washington", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj wandte sich am Abend mit einer Videobotschaft an die Nation. "
            "„Heute war ein schwerer Tag für unser Land.“"
        ),
        [
            ("direct", "Heute war ein schwerer Tag für unser Land.", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        (
            "Verteidigungsminister Rustem Umjerow besuchte die Front. „Die Moral der Truppe ist hoch“, "
            "sagte er nach dem Besuch."
        ),
        [
            ("direct", "Die Moral der Truppe ist hoch", "Rustem Umjerow"),
        ],
    ),
    pytest.param(
        (
            "Die Sprecherin des Außenministeriums, Maria Sacharowa, äußerte sich in Moskau. „Der Westen "
            "trägt die Verantwortung“, erklärte sie."
        ),
        [
            ("direct", "Der Westen trägt die Verantwortung", "Maria Sacharowa"),
        ],
    ),
    pytest.param(
        (
            "„Wir brauchen Frieden, aber keinen Diktatfrieden“, sagte Außenministerin Annalena "
            "Baerbock. Sie fügte hinzu: „Die Ukraine entscheidet selbst.“"
        ),
        [
            ("direct", "Wir brauchen Frieden, aber keinen Diktatfrieden", "Annalena Baerbock"),
            ("direct", "Die Ukraine entscheidet selbst.", "Annalena Baerbock"),
        ],
    ),
    pytest.param(
        (
            "„Die Gespräche waren konstruktiv“, zitierte die Agentur Interfax den Vizeaußenminister "
            "Sergej Rjabkow."
        ),
        [
            ("direct", "Die Gespräche waren konstruktiv", "Sergej Rjabkow"),
        ],
    ),
    pytest.param(
        "„Wir haben die Flugabwehr verstärkt“, erklärte ein Sprecher der Luftwaffe, Jurij Ihnat.",
        [
            ("direct", "Wir haben die Flugabwehr verstärkt", "Jurij Ihnat"),
        ],
    ),
    pytest.param(
        (
            "Die Gouverneurin der Region, Natalja Sokolowa, besuchte die Verletzten. „Alle werden "
            "versorgt“, versicherte sie."
        ),
        [
            ("direct", "Alle werden versorgt", "Natalja Sokolowa"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj kündigte an, die Ukraine werde die Produktion von Drohnen "
            "weiter ausbauen."
        ),
        [
            (
                "indirect",
                "die Ukraine werde die Produktion von Drohnen weiter ausbauen",
                'Wolodymyr Selenskyj',
            ),
        ],
    ),
    pytest.param(
        (
            "Der Gouverneur von Belgorod, Wjatscheslaw Gladkow, räumte ein, dass die Lage in der "
            "Grenzregion angespannt sei."
        ),
        [
            ("indirect", "die Lage in der Grenzregion angespannt sei", "Wjatscheslaw Gladkow"),
        ],
    ),
    pytest.param(
        "Bundeskanzler Olaf Scholz bekräftigte, Deutschland werde die Ukraine weiter unterstützen.",
        [
            ("indirect", "Deutschland werde die Ukraine weiter unterstützen", "Olaf Scholz"),
        ],
    ),
    pytest.param(
        (
            "Die EU-Außenbeauftragte Kaja Kallas unterstrich, dass Europa mehr für die eigene "
            "Verteidigung tun müsse."
        ),
        [
            ("indirect", "Europa mehr für die eigene Verteidigung tun müsse", "Kaja Kallas"),
        ],
    ),
    pytest.param(
        "Präsident Wolodymyr Selenskyj forderte, die Partner müssten die Waffen schneller liefern.",
        [
            ("indirect", "die Partner müssten die Waffen schneller liefern", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        "Außenministerin Annalena Baerbock kritisierte, Russland setze gezielt auf Terror gegen Zivilisten.",
        [
            ("indirect", "Russland setze gezielt auf Terror gegen Zivilisten", "Annalena Baerbock"),
        ],
    ),
    pytest.param(
        "Das ukrainische Militär teilte mit, in der Nacht seien 45 von 60 Drohnen abgeschossen worden.",
        [
            ("indirect", "in der Nacht seien 45 von 60 Drohnen abgeschossen worden", "ukrainisches Militär"),
        ],
    ),
    pytest.param(
        (
            "Der ukrainische Außenminister Andrij Sybiha sagte, Russland müsse zur Verantwortung "
            "gezogen werden."
        ),
        [
            ("indirect", "Russland müsse zur Verantwortung gezogen werden", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "Ukrainische Behörden erklärten, dass russische Truppen das Dorf mit Artillerie beschossen hätten.",
        [
            (
                "indirect",
                "russische Truppen das Dorf mit Artillerie beschossen hätten",
                'ukrainische Behörden',
            ),
        ],
    ),
    pytest.param(
        "Die Soldaten berichteten, sie hätten seit Tagen keinen Nachschub erhalten.",
        [
            ("indirect", "sie hätten seit Tagen keinen Nachschub erhalten", "Soldaten"),
        ],
    ),
    pytest.param(
        "Die Regierung kündigte am Montag an, dass die Stromabschaltungen bis Freitag andauern würden.",
        [
            ("indirect", "die Stromabschaltungen bis Freitag andauern würden", "Regierung"),
        ],
    ),
    pytest.param(
        "Die Generalstaatsanwaltschaft teilte mit, dass gegen zwei Offiziere ermittelt werde.",
        [
            ("indirect", "gegen zwei Offiziere ermittelt werde", "Generalstaatsanwaltschaft"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj sagte in seiner abendlichen Videoansprache, dass die Ukraine "
            "bereit sei, über eine Waffenruhe zu sprechen."
        ),
        [
            ("indirect", "die Ukraine bereit sei, über eine Waffenruhe zu sprechen", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        "Das Pentagon betonte, man sei zu weiteren Lieferungen bereit.",
        [
            ("indirect", "man sei zu weiteren Lieferungen bereit", "Pentagon"),
        ],
    ),
    pytest.param(
        "Verteidigungsminister Rustem Umjerow sagte, dass Russland in der Nacht 40 Drohnen eingesetzt hat.",
        [
            ("indirect", "Russland in der Nacht 40 Drohnen eingesetzt hat", "Rustem Umjerow"),
        ],
    ),
    pytest.param(
        "Die IAEA äußerte sich besorgt, dass die Kühlung der Reaktoren gefährdet sein könnte.",
        [
            ("indirect", "die Kühlung der Reaktoren gefährdet sein könnte", "IAEA"),
        ],
    ),
    pytest.param(
        (
            "Die Internationale Atomenergiebehörde (IAEA) teilte mit, am Kraftwerk Saporischschja sei "
            "erneut die externe Stromversorgung ausgefallen."
        ),
        [
            (
                "indirect",
                "am Kraftwerk Saporischschja sei erneut die externe Stromversorgung ausgefallen",
                'Internationale Atomenergiebehörde (IAEA)',
            ),
        ],
    ),
    pytest.param(
        (
            "Die Vereinten Nationen warnten, die humanitäre Lage im Osten der Ukraine verschlechtere "
            "sich weiter."
        ),
        [
            (
                "indirect",
                "die humanitäre Lage im Osten der Ukraine verschlechtere sich weiter",
                'Vereinte Nationen',
            ),
        ],
    ),
    pytest.param(
        (
            "Die UN-Menschenrechtsmission in der Ukraine teilte mit, im Oktober seien mindestens 160 "
            "Zivilisten getötet worden."
        ),
        [
            (
                "indirect",
                "im Oktober seien mindestens 160 Zivilisten getötet worden",
                'UN-Menschenrechtsmission',
            ),
        ],
    ),
    pytest.param(
        (
            "Das Verteidigungsministerium in Moskau erklärte, die Truppen hätten das Dorf Nowoseliwka "
            "eingenommen."
        ),
        [
            (
                "indirect",
                "die Truppen hätten das Dorf Nowoseliwka eingenommen",
                'Verteidigungsministerium in Moskau',
            ),
        ],
    ),
    pytest.param(
        (
            "Die Militärverwaltung von Charkiw teilte auf Telegram mit, eine Gleitbombe habe ein "
            "Wohnhaus getroffen."
        ),
        [
            ("indirect", "eine Gleitbombe habe ein Wohnhaus getroffen", "Militärverwaltung von Charkiw"),
        ],
    ),
    pytest.param(
        (
            "Kremlsprecher Dmitri Peskow ließ offen, ob Präsident Wladimir Putin an dem Gipfel "
            "teilnehmen werde."
        ),
        [
            ("indirect", "Präsident Wladimir Putin an dem Gipfel teilnehmen werde", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        (
            "Journalisten wollten wissen, ob die Waffenruhe noch halte. Präsident Wolodymyr Selenskyj "
            "sagte, Russland halte sich nicht daran."
        ),
        [
            ("indirect", "die Waffenruhe noch halte", "Journalisten"),
            ("indirect", "Russland halte sich nicht daran", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        "Die Angreifer hätten vor allem Wohnhäuser getroffen, sagte Bürgermeister Vitali Klitschko.",
        [
            ("indirect", "Die Angreifer hätten vor allem Wohnhäuser getroffen", "Vitali Klitschko"),
        ],
    ),
    pytest.param(
        "Es gebe keine Hinweise auf Verletzte, teilte die regionale Militärverwaltung mit.",
        [
            ("indirect", "Es gebe keine Hinweise auf Verletzte", "regionale Militärverwaltung"),
        ],
    ),
    pytest.param(
        (
            "Kremlsprecher Dmitri Peskow äußerte sich am Morgen. Man werde auf jeden Angriff reagieren, "
            "sagte Peskow."
        ),
        [
            ("indirect", "Man werde auf jeden Angriff reagieren", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        (
            "Man habe alle Angriffe erfolgreich abgewehrt, hieß es in einer Erklärung des russischen "
            "Verteidigungsministeriums."
        ),
        [
            (
                "indirect",
                "Man habe alle Angriffe erfolgreich abgewehrt",
                'russisches Verteidigungsministerium',
            ),
        ],
    ),
    pytest.param(
        "Die russische Armee habe in der Nacht 80 Drohnen gestartet, so die ukrainische Luftwaffe.",
        [
            (
                "indirect",
                "Die russische Armee habe in der Nacht 80 Drohnen gestartet",
                'ukrainische Luftwaffe',
            ),
        ],
    ),
    pytest.param(
        (
            "Der frühere russische Präsident Dmitri Medwedew meldete sich zu Wort. Russland würde jeden "
            "Angriff auf sein Gebiet hart beantworten, warnte Medwedew."
        ),
        [
            ("indirect", "Russland würde jeden Angriff auf sein Gebiet hart beantworten", "Dmitri Medwedew"),
        ],
    ),
    pytest.param(
        "Neue Sanktionen würden bald folgen, kündigte EU-Kommissionspräsidentin Ursula von der Leyen an.",
        [
            ("indirect", "Neue Sanktionen würden bald folgen", "Ursula von der Leyen"),
        ],
    ),
    pytest.param(
        "Der Angriff habe einem Wohnviertel gegolten, so Bürgermeister Ihor Terechow.",
        [
            ("indirect", "Der Angriff habe einem Wohnviertel gegolten", "Ihor Terechow"),
        ],
    ),
    pytest.param(
        "Die Angriffe hätten sich auf den Süden konzentriert, teilte der Generalstab in Kiew mit.",
        [
            ("indirect", "Die Angriffe hätten sich auf den Süden konzentriert", "Generalstab in Kiew"),
        ],
    ),
    pytest.param(
        "Russland verfüge über genug Reserven für eine neue Offensive, so das Institut für Kriegsstudien.",
        [
            (
                "indirect",
                "Russland verfüge über genug Reserven für eine neue Offensive",
                'Institut für Kriegsstudien',
            ),
        ],
    ),
    pytest.param(
        (
            "Russische Truppen hätten ihre Angriffe bei Kupjansk verstärkt, hieß es in einem Bericht "
            "des Instituts für Kriegsstudien (ISW)."
        ),
        [
            (
                "indirect",
                "Russische Truppen hätten ihre Angriffe bei Kupjansk verstärkt",
                'Institut für Kriegsstudien (ISW)',
            ),
        ],
    ),
    pytest.param(
        (
            "Eine Entscheidung über weitere Hilfen sei noch nicht gefallen, hieß es aus "
            "Regierungskreisen in Berlin."
        ),
        [
            (
                "indirect",
                "Eine Entscheidung über weitere Hilfen sei noch nicht gefallen",
                'Regierungskreise',
            ),
        ],
    ),
    pytest.param(
        (
            "Die Gespräche seien gescheitert, berichtete die „New York Times“ unter Berufung auf "
            "Regierungsbeamte."
        ),
        [
            ("indirect", "Die Gespräche seien gescheitert", "New York Times"),
        ],
    ),
    pytest.param(
        (
            "Außenminister Andrij Sybiha war in Washington. Der Westen müsse entschlossener handeln, "
            "sagte Sybiha dem Sender CNN."
        ),
        [
            ("indirect", "Der Westen müsse entschlossener handeln", "Andrij Sybiha"),
        ],
    ),
    pytest.param(
        "Dem Gouverneur Oleh Synjehubow zufolge seien zwei Menschen ums Leben gekommen.",
        [
            ("indirect", "seien zwei Menschen ums Leben gekommen", "Oleh Synjehubow"),
        ],
    ),
    pytest.param(
        "Nach Worten von Gouverneur Oleh Kiper seien drei Hafenanlagen beschädigt worden.",
        [
            ("indirect", "seien drei Hafenanlagen beschädigt worden", "Oleh Kiper"),
        ],
    ),
    pytest.param(
        "Nach Angaben von Bürgermeister Vitali Klitschko sei ein Hochhaus getroffen worden.",
        [
            ("indirect", "sei ein Hochhaus getroffen worden", "Vitali Klitschko"),
        ],
    ),
    pytest.param(
        (
            "Der Sprecher des Weißen Hauses, John Kirby, äußerte sich vor Journalisten. Kirby sagte, es "
            "gebe keine Anzeichen für einen Einsatz von Atomwaffen."
        ),
        [
            ("indirect", "es gebe keine Anzeichen für einen Einsatz von Atomwaffen", "John Kirby"),
        ],
    ),
    pytest.param(
        (
            "Präsident Wolodymyr Selenskyj gab ein Interview. In einem Interview mit der BBC sagte "
            "Selenskyj, er sei zu einem Treffen mit Putin bereit."
        ),
        [
            ("indirect", "er sei zu einem Treffen mit Putin bereit", "Wolodymyr Selenskyj"),
        ],
    ),
    pytest.param(
        "Kremlsprecher Dmitri Peskow sagte, die Beziehungen zu Washington seien „auf dem Tiefpunkt“.",
        [
            ("indirect", "die Beziehungen zu Washington seien „auf dem Tiefpunkt“", "Dmitri Peskow"),
            ("direct", "auf dem Tiefpunkt", "Dmitri Peskow"),
        ],
    ),
    pytest.param(
        "IAEA-Chef Rafael Grossi sagte, die Lage am Kraftwerk sei „extrem fragil“.",
        [
            ("indirect", "die Lage am Kraftwerk sei „extrem fragil“", "Rafael Grossi"),
            ("direct", "extrem fragil", "Rafael Grossi"),
        ],
    ),
    pytest.param(
        "Der Kreml wies die Vorwürfe zurück. Die Berichte seien „völlig haltlos“, hieß es aus Moskau.",
        [
            ("indirect", "Die Berichte seien „völlig haltlos“", "Kreml"),
            ("direct", "völlig haltlos", "Kreml"),
        ],
        marks=pytest.mark.xfail(
            strict=True,
            reason="hieß es aus Moskau: the capital stands for the Kremlin named before",
        ),
    ),
    pytest.param(
        "Der Kreml bezeichnet den Krieg weiterhin als „militärische Spezialoperation“.",
        [
            ("direct", "militärische Spezialoperation", "Kreml"),
        ],
    ),
    pytest.param(
        "Präsident Wolodymyr Selenskyj rief die Bevölkerung auf, die Luftalarme ernst zu nehmen.",
        [],
    ),
    pytest.param(
        "Präsident Wolodymyr Selenskyj forderte von den Verbündeten mehr Flugabwehrsysteme.",
        [],
    ),
    pytest.param(
        "Laut der ukrainischen Luftwaffe griff Russland mit 120 Drohnen an.",
        [],
    ),
    pytest.param(
        "Nach Angaben der Behörden wurden fünf Menschen verletzt.",
        [],
    ),
    pytest.param(
        "Wie die Militärverwaltung von Odessa mitteilte, brach in einem Lagerhaus ein Feuer aus.",
        [],
    ),
    pytest.param(
        "Dem ukrainischen Generalstab zufolge verlor Russland am Vortag 1200 Soldaten.",
        [],
    ),
    pytest.param(
        "Die Agentur Reuters berichtete über den Angriff. Demnach wurden drei Menschen verletzt.",
        [],
    ),
    pytest.param(
        "Nach den Worten von Gouverneur Oleh Kiper wurden drei Hafenanlagen beschädigt.",
        [],
    ),
    pytest.param(
        "Russland setzte erneut Raketen vom Typ „Iskander“ ein.",
        [],
    ),
    pytest.param(
        "Die neue Mittelstreckenrakete »Oreschnik« traf die Stadt Dnipro.",
        [],
    ),
    pytest.param(
        "Das Abkommen „Über die strategische Partnerschaft“ wurde im Juni unterzeichnet.",
        [],
    ),
    pytest.param(
        "Die sogenannte „Koalition der Willigen“ traf sich am Donnerstag in Paris.",
        [],
    ),
    pytest.param(
        "Bei der Operation „Spinnennetz“ wurden mehrere Bomber zerstört.",
        [],
    ),
    pytest.param(
        "Die Bilanz der Nacht: 90 Drohnen, 70 davon abgeschossen.",
        [],
    ),
    pytest.param(
        "Unklar ist, ob die Brücke noch befahrbar ist.",
        [],
    ),
    pytest.param(
        "Die Luftwaffe meldete 50 Drohnen. Wie ein Sprecher mitteilte, wurden 40 davon abgeschossen.",
        [],
    ),
    pytest.param(
        "Die Zeitung „Kyiv Post“ berichtete ausführlich über die Angriffe auf das Stromnetz.",
        [],
    ),
    pytest.param(
        "Der Film „Tage des Krieges“ läuft seit Donnerstag in den Kinos.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), GENERAL_QUOTES)
def test_general_quotes(text, expected):
    assert sorted(triples(text)) == sorted(expected)


def test_a_verb_of_reporting_figures_makes_no_quote_of_its_own():
    # "zählte", "registrierte": the subject reports, but an indicative sentence is no quote
    text = (
        "Die ukrainische Luftwaffe zählte in der Nacht 40 Drohnen. Der Generalstab registrierte "
        "zudem 120 Gefechte. Die Lage an der Front blieb angespannt."
    )
    assert triples(text) == []


def test_a_konjunktiv_sentence_after_a_figures_report_continues_it_only_right_after():
    # the report of figures opens a context only for the sentence right after it
    text = (
        "Die moldauische Grenzpolizei zählte 900 Flüchtlinge. Am Abend regnete es stark. "
        "Präsident Ion Rusu sagte, man sei vorbereitet. Viele seien erschöpft."
    )
    assert triples(text) == [
        ("indirect", "man sei vorbereitet", "Ion Rusu"),
        ("indirect", "Viele seien erschöpft", "Ion Rusu"),
    ]
