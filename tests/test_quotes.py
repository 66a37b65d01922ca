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
    ],
)
def test_indicative_sentence_with_a_source_is_no_quote(text):
    assert quotes(text) == []


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
