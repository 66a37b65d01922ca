"""The date grammar: the phrasing table (tests/data/dates.tsv) and whole sentences."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warparse.grammar.dates import DateMention, dates_for_span, find_dates, resolve
from warparse.pipeline import parse_text
from warparse.segmenter import segment

TABLE = Path(__file__).parent / "data" / "dates.tsv"


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = _rows()


def test_table_is_big_enough():
    assert len(ROWS) >= 60
    assert sum(1 for r in ROWS if r["date"]) >= 60


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['expression']}@{r['ref_date']}" for r in ROWS])
def test_table(row: dict[str, str]):
    ref = None if row["ref_date"] == "-" else row["ref_date"]
    m = resolve(row["expression"], ref)
    if not row["date"]:
        assert m is None, m
        return
    assert m is not None
    got = (m.date, m.date_end or "", m.time_of_day or "")
    assert got == (row["date"], row["date_end"], row["time_of_day"])


def _dates(text: str, ref: str | None) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (text[m.span[0] : m.span[1]], m.date, m.date_end, m.time_of_day)
        for m in find_dates(segment(text), ref)
    ]


def test_spans_and_order_in_a_bulletin():
    text = (
        "Nächtlicher Großangriff auf Kiew\n"
        "Russland hat die Ukraine in der Nacht zum Dienstag mit 90 Drohnen angegriffen. "
        "In derselben Nacht schlugen zwei Raketen in Odessa ein.\n"
        "Bereits am Sonntagabend waren bei Charkiw drei Gleitbomben niedergegangen."
    )
    assert _dates(text, "2024-10-29") == [
        ("in der Nacht zum Dienstag", "2024-10-29", None, "night"),
        ("In derselben Nacht", "2024-10-29", None, "night"),
        ("am Sonntagabend", "2024-10-27", None, "evening"),
    ]


def test_span_offsets_are_absolute_code_points():
    text = "Überschrift ohne Datum\nDie Luftwaffe meldete am 27.10.2024 um 14:15 Uhr neue Angriffe."
    (m,) = find_dates(segment(text), None)
    assert text[m.span[0] : m.span[1]] == "am 27.10.2024 um 14:15 Uhr"
    assert (m.date, m.time_of_day, m.text) == ("2024-10-27", "afternoon", "am 27.10.2024 um 14:15 Uhr")
    assert "date.clock_time" in m.rules


def test_two_part_span_takes_the_month_of_the_second_part():
    text = "Am Abend des 5. und in der Nacht des 6. März beschoss die Armee die Stadt Cherson."
    (m,) = find_dates(segment(text), "2025-03-07")
    assert (m.span, m.date, m.date_end, m.time_of_day) == (
        (0, len("Am Abend des 5. und in der Nacht des 6. März")),
        "2025-03-05",
        "2025-03-06",
        "night",
    )
    assert "date.coord_span" in m.rules


def test_non_consecutive_days_stay_two_mentions():
    text = "Angriffe gab es am 3. und 7. November."
    assert _dates(text, "2024-11-10") == [
        ("am 3.", "2024-11-03", None, None),
        ("7. November", "2024-11-07", None, None),
    ]


def test_bare_part_of_day_takes_the_day_of_its_paragraph():
    text = (
        "Am Freitag um 9 Uhr heulten in Sumy die Sirenen. Am Abend folgte ein zweiter Alarm.\n"
        "Nachts fielen erneut Trümmer auf ein Dorf."
    )
    ms = find_dates(segment(text), "2025-04-07")
    assert [(m.text, m.date, m.time_of_day, m.precision) for m in ms] == [
        ("Am Freitag um 9 Uhr", "2025-04-04", "morning", "day"),
        ("Am Abend", "2025-04-04", "evening", "inferred"),
        ("Nachts", "2025-04-07", "night", "inferred"),
    ]


def test_headline_adverb_defaults_to_the_bulletin_day():
    (m,) = find_dates(segment("Sechzig Drohnen haben nachts den Westen angegriffen"), "2024-11-05")
    assert (m.text, m.date, m.time_of_day, m.precision) == ("nachts", "2024-11-05", "night", "inferred")


def test_day_without_month_takes_the_month_mentioned_before():
    text = "Am 29. September begann die Offensive. Am 2. wurde Bachmut erneut beschossen."
    assert [m.date for m in find_dates(segment(text), None)] == ["--09-29", "--09-02"]


def test_relations_since_until_from():
    text = "Seit Montag wird gekämpft, bis Sonntag stieg die Zahl der Toten, ab Dienstag gilt Alarm."
    ms = find_dates(segment(text), "2024-10-30")
    assert [(m.text, m.date, m.date_end, m.relation) for m in ms] == [
        ("Seit Montag", "2024-10-28", "2024-10-30", "since"),
        ("bis Sonntag", "2024-10-27", None, "until"),
        ("ab Dienstag", "2024-10-29", None, "from"),
    ]


def test_background_month_has_month_precision():
    (m,) = find_dates(segment("Putin hatte das System im März 2018 vorgestellt."), "2024-03-21")
    assert (m.date, m.date_end, m.precision) == ("2018-03-01", "2018-03-31", "month")


def test_without_ref_date_relative_dates_are_left_out():
    text = "Gestern Abend und am Montag griffen Drohnen an, am 12. Mai auch Raketen."
    assert _dates(text, None) == [("am 12. Mai", "--05-12", None, None)]


def test_not_dates():
    text = (
        "Die 155. Brigade meldete um 14:15 Uhr zum dritten Mal binnen 24 Stunden Angriffe, "
        "1.500 Soldaten seien im Einsatz, so die Armee, die S-300 und Ch-101 einsetzt."
    )
    assert find_dates(segment(text), "2024-10-28") == []


def test_ref_date_may_be_a_date_object():
    m = resolve("am Montag", dt.date(2024, 10, 30))
    assert isinstance(m, DateMention) and m.date == "2024-10-28" and m.weekday == 0


def test_dates_for_span_prefers_own_sentence_then_paragraph_then_section():
    text = (
        "Angriff in der Nacht zum Montag\n"
        "Drohnen trafen Sumy. Bis Sonntag war es ruhig gewesen.\n"
        "Am Samstag hatte es in Charkiw Einschläge gegeben.\n"
        "Neue Lage\n"
        "Kiew meldet Schäden."
    )
    doc = segment(text)
    ms = find_dates(doc, "2024-10-28")

    def pick(sentence: str) -> str | None:
        start = text.index(sentence)
        m = dates_for_span(ms, start, start + len(sentence), doc)
        return m.text if m else None

    assert pick("Am Samstag hatte es in Charkiw Einschläge gegeben.") == "Am Samstag"
    # "bis Sonntag" is an end point, not the event's day: the headline's date wins
    assert pick("Drohnen trafen Sumy.") == "in der Nacht zum Montag"
    assert pick("Kiew meldet Schäden.") is None


def test_statement_dates_are_marked_reported():
    text = (
        "Der Gouverneur erklärte am Sonntag, Drohnen hätten am Samstagabend ein Umspannwerk getroffen. "
        "In weiten Teilen der Region fiel in der Nacht zum Sonntag der Strom aus."
    )
    ms = find_dates(segment(text), "2024-10-28")
    assert [(m.text, m.reported) for m in ms] == [
        ("am Sonntag", True),
        ("am Samstagabend", False),
        ("in der Nacht zum Sonntag", False),
    ]
    start = text.index("Drohnen hätten")
    picked = dates_for_span(ms, start, start + len("Drohnen hätten am Samstagabend"), segment(text))
    assert picked is not None and picked.text == "am Samstagabend"


def test_a_headline_takes_the_date_of_its_body():
    text = "Gleitbomben auf Saporischschja\nAm Dienstagmorgen schlugen zwei Gleitbomben in der Stadt ein."
    doc = segment(text)
    ms = find_dates(doc, "2024-10-30")
    m = dates_for_span(ms, 0, len("Gleitbomben auf Saporischschja"), doc)
    assert m is not None and (m.date, m.time_of_day) == ("2024-10-29", "morning")


def test_a_mention_later_in_the_same_sentence_dates_the_event():
    text = "Raketen trafen Odessa in der Nacht zu Mittwoch."
    doc = segment(text)
    ms = find_dates(doc, "2024-10-30")
    m = dates_for_span(ms, 0, len("Raketen trafen Odessa"), doc)
    assert m is not None and m.date == "2024-10-30"


def test_bare_night_takes_the_day_of_its_section_headline():
    text = "Drohnenangriff in der Nacht zum Sonntag\nIn der Nacht schlugen Trümmer in Lwiw ein."
    assert _dates(text, "2024-10-29") == [
        ("in der Nacht zum Sonntag", "2024-10-27", None, "night"),
        ("In der Nacht", "2024-10-27", None, "night"),
    ]


def test_a_long_since_span_is_a_period():
    (m,) = find_dates(segment("Seit dem 24. Februar 2022 verteidigt sich die Ukraine."), "2024-10-28")
    assert (m.date, m.date_end, m.relation, m.precision) == ("2022-02-24", "2024-10-28", "since", "period")
    (m,) = find_dates(segment("Seit Dienstag wird um Sudscha gekämpft."), "2024-08-09")
    assert (m.date, m.date_end, m.relation, m.precision) == ("2024-08-06", "2024-08-09", "since", "day")


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("am 29. Februar", "2023-03-01", "2020-02-29"),
        ("am 29.02.2023", None, None),
        ("am 0000-01-01", None, None),
        ("am 30. Februar", "2024-03-01", None),
        ("am 31.", "2024-02-10", "2024-01-31"),
        ("am 31. Dezember 9999", None, "9999-12-31"),
        ("seit dem 1. Januar 1", "2024-10-28", "2024-01-01"),  # "1" is no year
    ],
)
def test_impossible_and_extreme_dates_do_not_crash(text: str, ref: str | None, expected: str | None):
    m = resolve(text, ref)
    assert (m.date if m else None) == expected


_PIECES = [
    "am",
    "vom",
    "bis",
    "zum",
    "in der Nacht",
    "Nacht",
    "des",
    "auf den",
    "und",
    "seit",
    "–",
    ",",
    "(",
    ")",
    "27.",
    "31.",
    "29.",
    "1.",
    "10.",
    "2024",
    "27.10.",
    "Oktober",
    "Februar",
    "Okt.",
    "Montag",
    "Sonntagabend",
    "gestern",
    "morgen",
    "Morgen",
    "heute",
    "um",
    "19:00",
    "Uhr",
    "derselben",
    "Tag",
    "vergangene",
    "Woche",
    "Anfang",
    "Ende",
    "nachts",
    "Neujahrsnacht",
    "vor",
    "zwei",
    "Tagen",
    "die",
    "Brigade",
    "155.",
    "Ä",
    "\n",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from([None, "2024-02-29", "2025-01-01"]))
@settings(max_examples=300, deadline=None)
def test_any_sequence_of_date_words_gives_well_formed_mentions(pieces: list[str], ref: str | None):
    text = " ".join(pieces)
    for m in find_dates(segment(text), ref):
        assert text[m.span[0] : m.span[1]] == m.text
        assert m.date[:2] == "--" or dt.date.fromisoformat(m.date)
        if m.date_end:
            assert m.date_end[:2] == "--" or dt.date.fromisoformat(m.date_end) >= dt.date.fromisoformat(
                m.date
            )


# Sentences written apart from the grammar: the date of the incident they report.
INCIDENT_DATES = [
    (
        "Am Dienstag vergangener Woche griff Russland Kiew mit 40 Drohnen an.",
        "2024-10-30",
        "2024-10-22",
        None,
    ),
    (
        "In der Nacht zum Montag, dem 28. Oktober, griff Russland mit 60 Drohnen an.",
        "2024-10-30",
        "2024-10-28",
        None,
    ),
    ("Vorgestern feuerte Russland 12 Raketen auf Charkiw ab.", "2024-10-30", "2024-10-28", None),
    ("Gestern Abend wurden über Sumy 8 Drohnen abgeschossen.", "2024-10-30", "2024-10-29", None),
    (
        "Vom 3. bis 5. Juni griff Russland Charkiw mit 50 Gleitbomben an.",
        "2024-06-10",
        "2024-06-03",
        "2024-06-05",
    ),
    ("Am Ostersonntag griff Russland Sumy mit zwei Raketen an.", "2025-04-22", "2025-04-20", None),
    ("Kurz nach Mitternacht schlugen drei Raketen in Odessa ein.", "2024-10-30", "2024-10-30", None),
    (
        "Im Laufe des Tages wurden 15 Drohnen über dem Gebiet Kursk abgeschossen.",
        "2024-10-30",
        "2024-10-30",
        None,
    ),
    ("Am 2.5.2024 griff Russland Odessa mit 15 Drohnen an.", "2024-05-05", "2024-05-02", None),
    ("Am Samstag und Sonntag griff Russland mit 200 Drohnen an.", "2024-10-30", "2024-10-26", "2024-10-27"),
    ("Dienstagfrüh schoss die Luftabwehr 20 Drohnen ab.", "2024-10-30", "2024-10-29", None),
    ("Vor drei Tagen hatte Russland 90 Drohnen gestartet.", "2024-10-30", "2024-10-27", None),
    ("In der Nacht auf Sonntag, 27.10., griffen 70 Drohnen an.", "2024-10-30", "2024-10-27", None),
    (
        "In der Nacht zwischen Samstag und Sonntag griff Russland Odessa mit 30 Drohnen an.",
        "2024-10-30",
        "2024-10-26",
        "2024-10-27",
    ),
    (
        "Am 25., 26. und 27. Oktober griff Russland Charkiw mit 40 Gleitbomben an.",
        "2024-10-30",
        "2024-10-25",
        "2024-10-27",
    ),
    ("Gestern um 8 Uhr abends schlugen zwei Raketen in Dnipro ein.", "2024-10-30", "2024-10-29", None),
    ("Vorletzte Nacht griff Russland Kiew mit 25 Drohnen an.", "2024-10-30", "2024-10-29", None),
    (
        "Am Abend desselben Tages trafen drei Drohnen ein Umspannwerk in Poltawa.",
        "2024-10-30",
        "2024-10-30",
        None,
    ),
]


@pytest.mark.parametrize(
    ("sentence", "ref", "date", "date_end"), INCIDENT_DATES, ids=[c[0] for c in INCIDENT_DATES]
)
def test_incident_dates_of_new_phrasings(sentence, ref, date, date_end):
    incidents = [r for r in parse_text(sentence, ref) if r["type"] == "incident"]
    assert [(r.get("date"), r.get("date_end")) for r in incidents] == [(date, date_end)]


def test_a_holiday_needs_its_preposition():
    # "vor Weihnachten", "Päckchen zu Weihnachten": no day of the holiday
    text = "Kurz vor Weihnachten kamen Päckchen zu Weihnachten an, an Weihnachten dann Drohnen."
    assert _dates(text, "2024-12-27") == [("an Weihnachten", "2024-12-25", None, None)]


def test_year_relative_and_week_relative_phrases():
    text = "Im Oktober vergangenen Jahres und am Freitag letzter Woche griffen Drohnen an."
    assert _dates(text, "2024-10-30") == [
        ("Im Oktober vergangenen Jahres", "2023-10-01", "2023-10-31", None),
        ("am Freitag letzter Woche", "2024-10-25", None, None),
    ]


def test_easter_moves_with_the_year():
    assert resolve("am Ostermontag", "2024-04-05").date == "2024-04-01"
    assert resolve("am orthodoxen Ostersonntag", "2023-04-20").date == "2023-04-16"
    assert resolve("am Ostersonntag", None) is None


# Known gaps (strict: a fix must move them to the table).
DATE_GAPS = [
    ("zu Ostern", "2024-04-05", "2024-03-31", None),  # "zu" also means "for" ("Päckchen zu Ostern")
]


@pytest.mark.xfail(strict=True, reason="known gap of the date grammar")
@pytest.mark.parametrize(("expression", "ref", "date", "tod"), DATE_GAPS, ids=[g[0] for g in DATE_GAPS])
def test_known_date_gaps(expression, ref, date, tod):
    m = resolve(expression, ref)
    assert m is not None and (m.date, m.time_of_day) == (date, tod)


def test_a_list_of_days_takes_the_month_of_its_last_day():
    text = "Am 3. Mai griff Russland Odessa an. Vier Tage danach kamen Drohnen, am 10., 12. und 15. Mai mehr."
    assert _dates(text, "2024-05-20") == [
        ("Am 3. Mai", "2024-05-03", None, None),
        ("Vier Tage danach", "2024-05-07", None, None),
        ("am 10.", "2024-05-10", None, None),
        ("12.", "2024-05-12", None, None),
        ("15. Mai", "2024-05-15", None, None),
    ]


def test_a_day_before_a_noun_is_an_ordinal():
    text = "Am 5. Kriegstag standen Soldaten vom 3. Bataillon am 6. Oktober bereit."
    assert _dates(text, "2024-10-30") == [("am 6. Oktober", "2024-10-06", None, None)]


def test_months_relative_to_the_bulletin():
    text = "Ende vergangenen Monats und seit Anfang des Monats, bis Ende des Monats nicht."
    ms = find_dates(segment(text), "2024-10-30")
    assert [(m.text, m.date, m.date_end, m.relation) for m in ms] == [
        ("Ende vergangenen Monats", "2024-09-21", "2024-09-30", None),
        ("seit Anfang des Monats", "2024-10-01", "2024-10-30", "since"),
        ("bis Ende des Monats", "2024-10-21", "2024-10-31", "until"),
    ]


def test_days_later_count_from_the_day_mentioned_before():
    text = "Am 3. Mai griff Russland Odessa an. Zwei Tage später folgten 20 Drohnen, eine Woche zuvor keine."
    assert _dates(text, "2024-05-20") == [
        ("Am 3. Mai", "2024-05-03", None, None),
        ("Zwei Tage später", "2024-05-05", None, None),
        ("eine Woche zuvor", "2024-04-28", None, None),
    ]


def test_a_bracketed_name_does_not_hide_the_statement_verb():
    text = "Im Mai seien 180 Zivilisten getötet worden, teilte die Mission (HRMMU) am Freitag mit."
    ms = find_dates(segment(text), "2025-06-13")
    assert [(m.text, m.reported) for m in ms if m.precision == "day"] == [("am Freitag", True)]
