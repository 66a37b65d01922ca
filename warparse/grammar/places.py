"""The gazetteer grammar: German place names -> gazetteer entries, with the
kind the text means ("Region Charkiw" vs "Stadt Charkiw"), the role the
place plays (target, origin "aus Richtung Kursk", transit "in Richtung
Belarus") and whether it is an event place at all (not a dateline, not a
reference point "nordwestlich von Moskau", not "Moskau" meaning the
government, not the river Dnipro).

The entries live in ``data/gazetteer.tsv``; each German form also matches
with a genitive -s ("Charkiws") and, for cities, as the adjective in -er
("Kiewer", "Charkiwer"), so the data lists base forms only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from warparse.grammar.literals import Prefilter, required_each
from warparse.lexicons import derived, table
from warparse.rules import compile_pattern, rx

# A noun that makes the name an oblast/region, or a settlement.
_REGION_WORD = compile_pattern(
    r"(?:Region|Regionen|Gebiet|Gebiets|Gebietes|Gebiete|Gebieten|Oblast|Oblasten|Grenzgebiet|Grenzgebiets"
    r"|Grenzgebietes|Grenzregion|Grenzregionen|Provinz|Provinzen|Teilrepublik|Republik)\s*:?\s*$"
)
_CITY_WORD = compile_pattern(
    r"(?:Stadt|Hauptstadt|Großstadt|Kleinstadt|Hafenstadt|Gebietshauptstadt|Regionalhauptstadt|Industriestadt"
    r"|Millionenstadt|Frontstadt|Ortschaft|Ort|Dorf|Siedlung|Gemeinde|Metropole|Kurort)\s+$"
)
_LIST_GLUE = compile_pattern(r"^\s*(?:,|,?\s*(?:und|sowie|oder|bzw\.))\s*$")
_PREP = compile_pattern(
    r"\b(?i:in|im|auf|über|nach|gegen|um|bei|nahe|von|vom|aus|Richtung|Kurs\s+auf)\s+"
    r"(?:(?:der|dem|den|die|das|des)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2}$"
)
_ARTICLE = compile_pattern(r"\b(?i:die|der|den|dem|des)\s+(?:[\p{Ll}][\p{L}-]*\s+){0,2}$")
_ORIGIN = compile_pattern(
    r"(?:\baus\s+Richtung\s+|\baus\s+(?:(?:dem|der|den)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2}"
    r"|\bvom\s+(?:Kap\s+)?|\bvon\s+(?:(?:dem|der)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2})"
    r"(?:(?:Gebiet|Region|Grenzgebiet|Stadt|Halbinsel)\s+)?$"
)
_LAUNCH = compile_pattern(
    r"\b(?:abgefeuert|gestartet|gestartete|kamen|kam|abgeworfen|feuerte|feuerten|startete)\b"
)
_LAUNCH_IN = compile_pattern(
    r"\b(?:abgefeuert|gestartet)\s+(?:in|im)\s+(?:(?:der|dem)\s+)?(?:[\p{L}-]+\s+){0,2}$"
)
_TRANSIT = compile_pattern(r"\bin\s+Richtung\s+(?:(?:der|des|dem)\s+)?(?:[\p{Ll}][\p{L}-]*\s+){0,2}$")
_REFERENCE = compile_pattern(
    r"(?:\b(?:nord|süd|ost|west|nordost|nordwest|südost|südwest)\w*(?:lich|östlich|westlich)\s+(?:von\s+)?"
    r"|\bin\s+der\s+Nähe\s+von\s+|\bunweit\s+(?:von\s+)?|\b\d+\s*(?:km|Kilometer)\s+(?:\w+\s+)?von\s+)$"
)
_RIVER = compile_pattern(r"(?:\b\w*[Uu]fers?\s+(?:des|am)\s+|\bFlusse?s?\s+|\bFluß\s+)$")
_PASSIVE_AFTER = compile_pattern(
    r"\s*(?:\p{Ll}+\s+){0,1}(?:war|wurde|ist|sind|wurden)\b[^.;]{0,80}?\b"
    r"(?:getroffen|angegriffen|beschossen|attackiert|bombardiert)\b"
)
_CLAUSE_START = compile_pattern(r"(?:^|[.;:–—-]\s*|\b(?:und|aber|allerdings)\s+)$")
_WORD_BEFORE_PREP = compile_pattern(r"(\p{L}+)\s+(?:in|aus|von)\s+$")
_FROM_DIRECTION = compile_pattern(r"aus\s+Richtung\s+$")
_FROM_AFTER = compile_pattern(r"\s+aus\b")  # "von der Ukraine aus angegriffen", "vom Meer aus"
# "im Zentrum Kiews", "am Stadtrand von Moskau": the city itself
_PART_OF_CITY = compile_pattern(
    r"\b(?:Zentrum|Zentrums|Innenstadt|Westen|Osten|Norden|Süden|Nordwesten|Nordosten|Südwesten|Südosten|Rand"
    r"|Stadtrand|Umgebung|Umland|Vororten?|Außenbezirken?|Bezirken?|Stadtteilen?|Straßen|Himmel)\s+(?:von\s+)?$"
)
_BY_GOVERNMENT = compile_pattern(r"\bvon\s+$")
# "Moskaus Bürgermeister", "Kiews Stadtverwaltung": the city's own officials speak of the city
_CITY_OFFICE_AFTER = compile_pattern(
    r"s\s+(?:Bürgermeister\w*|Oberbürgermeister\w*|Stadtverwaltung|Stadtoberhaupt\w*|Stadtrat\w*|Stadtchef\w*)\b"
)
_REGION_AFTER = compile_pattern(r"\s+(?:Gebiet|Gebiets|Region|Oblast)\b")
# "im Charkiwer Stadtteil Saltiwka", "den Kiewer Bezirk Darnyzja": the city adjective names the city a
# part of it lies in (not "die Kiewer Militärverwaltung", "am Kiewer Hauptbahnhof")
_CITY_PART_AFTER = compile_pattern(
    r"\s+(?:Stadtteil|Stadtteils|Stadtteile|Stadtteilen|Stadtbezirk|Stadtbezirks|Stadtbezirke|Stadtbezirken"
    r"|Bezirk|Bezirks|Bezirke|Bezirken|Vorort|Vororts|Vororte|Vororten|Wohnviertel|Wohnvierteln)\b"
)
_DATELINE = compile_pattern(
    r"^[\p{Lu}][\p{L}.-]*(?:[ /][\p{Lu}][\p{L}.-]*){0,2}\s*(?:\([^)\n]{1,40}\))?\s*(?:[–—-]\s|:\s)"
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry."""

    canonical: str
    kind: str  # oblast, city, region, country, ...
    country: str
    iso: str | None
    lat: float | None
    lon: float | None
    capital: bool  # the bare name often means the government
    oblast: str = ""  # the oblast/region it lies in (itself for an oblast)

    @property
    def area(self) -> str:
        return self.oblast or self.canonical


@dataclass(slots=True)
class PlaceMention:
    """A place name in the text: ``span`` is the name as written."""

    span: tuple[int, int]
    name: str
    place: Place
    role: str = "target"  # target, origin, transit
    excluded: str | None = None  # why it is no event place: dateline, reference, government, river
    region_context: bool = False  # "Region/Gebiet ..." governs it (also through a list)
    locative: bool = False  # after a preposition or article ("in der Ukraine", "die Ukraine")


@derived
def _rows() -> tuple[tuple[tuple, tuple[str, ...]], ...]:
    """(the fields of its Place, its German forms) of every row of ``data/gazetteer.tsv``:
    plain data, kept across runs (see lexicons.derived); a Place is made when it is used."""
    out = []
    for row in table("gazetteer"):
        fields = (
            row["canonical"],
            row["kind"],
            row["country"],
            row.get("iso") or None,
            float(row["lat"]) if row.get("lat") else None,
            float(row["lon"]) if row.get("lon") else None,
            row.get("capital") == "1",
            row.get("oblast") or "",
        )
        forms = tuple(f.strip() for f in row["forms"].split("|") if f.strip())
        out.append((fields, forms))
    return tuple(out)


@cache
def _place(i: int) -> Place:
    return Place(*_rows()[i][0])


@cache
def gazetteer() -> tuple[tuple[Place, tuple[str, ...]], ...]:
    """Every entry with its German forms as listed in ``data/gazetteer.tsv``."""
    return tuple((_place(i), forms) for i, (_, forms) in enumerate(_rows()))


def _inflections(form: str, kind: str) -> list[tuple[str, bool]]:
    """(form, is_adjective) for a base form: itself, the genitive -s, the city adjective -er."""
    out = [(form, False)]
    if " " in form:
        return out
    if not form.endswith(("s", "x", "z", "ß", "sch", "e")):
        out.append((form + "s", False))
    if kind == "city" and form[-1].islower():
        out.append((form + ("r" if form.endswith("e") else "er"), True))
    return out


@derived
def _index_rows() -> dict[str, tuple[tuple[int, bool], ...]]:
    """form as written -> (row of ``gazetteer()``, is the form an adjective) of the entries it
    may name; plain data, kept across runs (see lexicons.derived)."""
    rows = _rows()
    idx: dict[str, list[tuple[int, bool]]] = {}
    for i, (fields, forms) in enumerate(rows):
        for form in forms:
            for infl, adjective in _inflections(form, fields[1]):
                entries = idx.setdefault(infl, [])
                if all(rows[j][0] != fields for j, _ in entries):  # the same place listed twice
                    entries.append((i, adjective))
    return {k: tuple(v) for k, v in idx.items()}


def _entries(form: str) -> tuple[tuple[Place, bool], ...]:
    """The entries a form as written may name, with whether the form is an adjective."""
    return tuple((_place(i), adjective) for i, adjective in _index_rows().get(form, ()))


# Place names are found by lookup, not by one alternation of all ~1300 forms (which cost
# 40 ms to compile): every run of letters that starts a word is looked up by itself, and the
# forms that begin with that run ("Bila" -> "Bila Zerkwa") are tried longest first. A form
# matches as a whole word: not after a letter, digit or hyphen, not before a letter or digit
# or a hyphen that joins a word ("Krim-Brücke").
_LETTERS = compile_pattern(r"\p{L}+")
_WORD_START = compile_pattern(r"(?<![\p{L}\p{N}-])\p{L}++")
_NAME_END = compile_pattern(r"(?![\p{L}\p{N}]|-\p{L})")


@derived
def _forms_by_first_word() -> dict[str, tuple[str, ...]]:
    """The first run of letters of a form -> the forms that begin with it, longest first."""
    out: dict[str, list[str]] = {}
    for form in sorted(_index_rows(), key=len, reverse=True):
        first = _LETTERS.match(form)
        if first is not None:  # every form starts with a letter (a name)
            out.setdefault(first.group(), []).append(form)
    return {k: tuple(v) for k, v in out.items()}


def _names(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, form) of each gazetteer form in ``text[start:end]``, left to right, the
    longest at each place, not overlapping."""
    by_first = _forms_by_first_word()
    if by_first.keys().isdisjoint(_LETTERS.findall(text, start, end)):
        return  # no run of letters starts a form: most clauses, at one set test (perf, issue #7)
    done = start
    for m in _WORD_START.finditer(text, start, end):
        s = m.start()
        forms = by_first.get(m.group())
        if forms is None or s < done:
            continue
        for form in forms:
            e = s + len(form)
            if e <= end and text.startswith(form, s) and _NAME_END.match(text, e, end):
                yield s, e, form
                done = e
                break


def lookup(form: str) -> list[Place]:
    """All entries a German form (base or inflected) may name."""
    return [p for p, _ in _entries(form)]


def resolve(form: str, region: bool = False, city: bool = False) -> Place | None:
    """The entry a form names: an oblast/region after "Region/Gebiet", a city after
    "Stadt", else the city (or the only entry)."""
    entries = lookup(form)
    if not entries:
        return None
    if region:
        for p in entries:
            if p.kind in ("oblast", "region"):
                return p
    if city or not region:
        for p in entries:
            if p.kind == "city":
                return p
    return entries[0]


def dateline_end(paragraph_text: str) -> int:
    """Length of a dateline ("KIEW (AFP) -", "Moskau –", "Berlin:") opening a paragraph, or 0."""
    m = _DATELINE.match(paragraph_text)
    return m.end() if m else 0


def _institution(before: str) -> bool:
    from warparse.grammar.events import cue_patterns

    m = _WORD_BEFORE_PREP.search(before)
    return bool(m) and any(p.search(m.group(1)) for p in cue_patterns("institution"))


def find_places(
    text: str,
    start: int = 0,
    end: int | None = None,
    strike_clause: bool = False,
    event_clause: bool = True,
) -> list[PlaceMention]:
    """Place names in ``text[start:end]`` with kind, role and exclusion decided from context.
    ``strike_clause``: the clause reports a hit, so "der Regierung in Kiew" is the building.
    ``event_clause``: the clause reports an event at all; else "in Kiew" is where the
    government speaks ("teilte das Koordinationszentrum in Kiew mit")."""
    end = len(text) if end is None else end
    out: list[PlaceMention] = []
    for m_start, m_end, form in _names(text, start, end):
        entries = _entries(form)
        adjective = all(a for _, a in entries)
        before = text[max(start, m_start - 80) : m_start]
        after = text[m_end : min(end, m_end + 120)]
        prev = out[-1] if out else None
        in_list = prev is not None and bool(_LIST_GLUE.match(text[prev.span[1] : m_start]))
        region = bool(_REGION_WORD.search(before)) or bool(_REGION_AFTER.match(after))
        city = bool(_CITY_WORD.search(before))
        if in_list and not region and not city:
            region = prev.region_context
        place = resolve(form, region=region, city=city)
        if place is None:
            continue
        mention = PlaceMention((m_start, m_end), form, place, region_context=region)
        article = _ARTICLE.search(before)
        head = before[: article.start()].strip() if article else ""
        if article and (not head or _CLAUSE_START.search(head + " ")):
            article = None  # "Die Ukraine wehrt sich": the subject, not a place of the event
        mention.locative = bool(_PREP.search(before) or article) or region or city
        if in_list:
            mention.role, mention.locative = prev.role, mention.locative or prev.locative
        elif _TRANSIT.search(before):
            mention.role = "transit"
        elif _ORIGIN.search(before) and (
            _FROM_DIRECTION.search(before) or _LAUNCH.search(text, start, end) or _FROM_AFTER.match(after)
        ):
            mention.role = "origin"
        elif _LAUNCH_IN.search(before):
            mention.role = "origin"
        if _REFERENCE.search(before):
            mention.excluded = "reference"
        elif _RIVER.search(before):
            mention.excluded = "river"
        elif adjective and not _REGION_AFTER.match(after) and not _CITY_PART_AFTER.match(after):
            mention.excluded = "adjective"
        elif (
            place.capital
            and " " not in form
            and not (region or city)
            and not _PART_OF_CITY.search(before)
            and not (form.endswith("s") and _CITY_OFFICE_AFTER.match(text, m_end - 1, end) and event_clause)
        ):
            if (_institution(before) and not strike_clause) or not event_clause:
                mention.excluded = "government"
            elif not _PREP.search(before) and not (
                _CLAUSE_START.search(before) and _PASSIVE_AFTER.match(after)
            ):
                mention.excluded = "government"
            elif _BY_GOVERNMENT.search(before) and mention.role != "origin":
                mention.excluded = "government"  # "der von Moskau eingesetzte Gouverneur"
        out.append(mention)
    out.extend(_unknown_places(text, start, end, out))
    out.sort(key=lambda m: m.span)
    return out


# A settlement the gazetteer does not know: a name after "Stadt/Dorf/Ortschaft ...", or a
# Slavic-looking name before "im Gebiet/in der Region ..." ("in Welyka Pysariwka im Gebiet Sumy").
_NAME = r"\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)?(?:\s\p{Lu}\p{Ll}+)?"
_AFTER_SETTLEMENT_WORD = compile_pattern(
    r"\b(?P<word>Stadt|Kleinstadt|Ortschaft|Ortschaften|Dorf|Dorfes|Dorfs|Dörfer|Dörfern|Siedlung|Gemeinde|Kurort|Hafenstadt"
    r"|Industriestadt|Frontstadt|Stadtteil|Stadtteile|Stadtteilen|Stadtbezirk|Stadtbezirke|Stadtbezirken|Bezirk"
    r"|Bezirke|Bezirken|Ortsrand\s+von)"
    rf"\s+(?P<name>{_NAME})\b"
)
_MORE_NAMES = compile_pattern(rf"(?:,\s*|\s+und\s+|\s+sowie\s+)(?P<name>{_NAME})\b")
_DISTRICT_WORDS = ("Stadtteil", "Stadtteile", "Stadtteilen", "Stadtbezirk", "Stadtbezirke", "Stadtbezirken")
_DISTRICT_WORDS += ("Bezirk", "Bezirke", "Bezirken")
_BEFORE_REGION = compile_pattern(
    rf"\b(?:in|bei|nahe|um|über)\s+(?P<name>{_NAME})\s+(?:im\s+(?:Gebiet|Bezirk|Kreis)|in\s+der\s+(?:Region|Oblast))\b"
)
_SLAVIC_END = compile_pattern(
    r"(?:iw|jiw|ka|sk|ske|zk|ez|ne|ja|ow|owo|ino|yj|ij|ohrad|grad|pil|pol|ye|ove|ewe|owe|ky|ny|ci|zi|on|yn|yr)$"
)
_TRANSLIT = (
    ("schtsch", "shch"), ("dsch", "dzh"), ("tsch", "ch"), ("sch", "sh"), ("ch", "kh"), ("jiw", "yiv"),
    ("yj", "yi"), ("ja", "ia"), ("ju", "iu"), ("je", "ie"), ("jo", "io"), ("ji", "yi"),
    ("w", "v"), ("z", "ts"),
)  # fmt: skip

_TRANSLIT_MAP = dict(_TRANSLIT)
_TRANSLIT_RE = compile_pattern("|".join(regex.escape(a) for a, _ in _TRANSLIT))  # one pass, longest first


def transliterate(name: str) -> str:
    """An English spelling for a German transliteration: "Terniwka" -> "Ternivka"."""
    out = []
    for word in rx(r"([ -])").split(name):
        low = _TRANSLIT_RE.sub(lambda m: _TRANSLIT_MAP[m.group()], word.lower())
        if low.startswith("i") and word[:1] == "J":
            low = "y" + low[1:]
        if low.endswith("j"):
            low = low[:-1] + "i"
        out.append(low[:1].upper() + low[1:] if word[:1].isupper() else low)
    return "".join(out)


@cache
def _unknown_prefilter() -> Prefilter:
    return Prefilter(required_each(p.pattern for p in (_AFTER_SETTLEMENT_WORD, _BEFORE_REGION)))


def _unknown_places(text: str, start: int, end: int, known: list[PlaceMention]) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    taken = [m.span for m in known]
    maybe = _unknown_prefilter().keys_in(text, start, end)
    for k, (pattern, slavic) in enumerate(((_AFTER_SETTLEMENT_WORD, False), (_BEFORE_REGION, True))):
        if k not in maybe:
            continue  # no settlement or region word in the clause: nothing to search for
        for m in pattern.finditer(text, start, end):
            name = m.group("name")
            s, e = m.span("name")
            if any(a < e and s < b for a, b in taken) or name.split()[0] in _index_rows():
                continue
            if slavic and not _SLAVIC_END.search(name.split()[-1]):
                continue
            kind = "district" if m.groupdict().get("word") in _DISTRICT_WORDS else "city"
            place = Place(transliterate(name), kind, "", None, None, None, False)
            out.append(PlaceMention((s, e), name, place, locative=True))
            taken.append((s, e))
            # "die Dörfer Sonziwka und Trudowe", "in den Stadtbezirken A und B"
            while not slavic and (more := _MORE_NAMES.match(text, e, end)):
                name, (s, e) = more.group("name"), more.span("name")
                if name.split()[0] in _index_rows() or not _SLAVIC_END.search(name.split()[-1]):
                    break
                out.append(
                    PlaceMention(
                        (s, e),
                        name,
                        Place(transliterate(name), kind, "", None, None, None, False),
                        locative=True,
                    )
                )
                taken.append((s, e))
    return out
