"""The date grammar: date and time-of-day expressions resolved against the
bulletin's reference date (``--ref-date``, the publication day).

How it works, in three steps per sentence:

1. **Atoms.** One compiled pattern (rule ``date.atom`` and its parts, see
   ``_ATOM``) finds single date expressions left to right: absolute dates
   ("28. Oktober", "27.10.2024", "am 27."), weekdays ("am Montag",
   "Samstagabend"), relative days ("gestern Abend", "am gestrigen Sonntag"),
   named days ("Neujahrsnacht"), months ("im März 2018", "Ende Oktober",
   "Mitte bis Ende Oktober", "in der ersten Novemberwoche", "Ende vergangenen
   Monats"), weeks ("vergangene Woche", "vorletzte Woche"), anaphors ("in derselben Nacht", "am
   Vortag") and bare parts of the day ("in der Nacht", "nachts"). A head
   may sit in front ("in der Nacht zum", "am Abend des", "seit", "bis
   zum") and a clock time after ("um 17.46 Uhr"). The word lists are data
   (``warparse/data/date_*.tsv``).
2. **Links.** Two neighbouring atoms join into one span when the text
   between them links them: a range ("vom 3. bis 5. November", "von
   Donnerstag, 19 Uhr, bis zum Freitagmorgen", "in der Nacht vom 31.
   Dezember auf den 1. Januar", "3.–5. November") or a coordination of
   consecutive days ("am Abend des 27. und in der Nacht des 28. Oktober",
   "am 31. Dezember und 1. Januar", "am 25., 26. und 27. Oktober"). A day
   without a month takes the month of its partner (or of the last day of its
   list: "am 3., 7. und 12. November"); a month joins only a month ("von
   Oktober bis Dezember", "Ende Mai/Anfang Juni"). A weekday with a date beside it ("am Dienstagabend, 22.
   Oktober") is one mention dated by the date.
3. **Resolution** against ``ref_date`` and the mentions before it: a weekday
   is the latest such day on or before the bulletin's day ("vergangenen"
   strictly before, "kommenden" after); a day-month without a year gets
   the latest year that puts it at most a week after the bulletin's day (a
   month in the bulletin's own year: "am 20. Januar" on 10 January is ahead)
   (so "28. Dezember" in a bulletin of 2025-01-02 is 2024-12-28); "in der
   Nacht zum Dienstag" is the Tuesday only; "seit Montag" runs from Monday
   to the bulletin's day; a bare "nachts"/"in der Nacht" is the day of the
   last date in its paragraph or its section's headline, else the
   bulletin's day ("100 Drohnen haben nachts ..." in a headline); "in derselben
   Nacht" copies the last dated mention. Without ``ref_date`` a date with
   no year is ``--MM-DD`` and everything relative is left out.

A mention in the clause of a speech verb ("erklärte Selenskyj am Sonntag")
is flagged ``reported``: it dates a statement. The speech verbs are the quote
grammar's lexicon (``speech_verbs.tsv``) minus ``date_event_reports.txt``.

Matching is fast because the text is lower-cased first (case-insensitive
matching is three times slower) and the pattern is tried only at words that
can open a date (``_first_words``), not at every position.

Clock times alone ("14:15 Uhr"), durations ("24 Stunden"), ordinals ("die
155. Brigade", "zum dritten Mal") and bare years are no date mentions.

Picking the date of an event (for ``extract/incidents``):

- Use mentions with ``precision`` "day" (the text names the day) or
  "inferred" (the day comes from context: "nachts", "in derselben Nacht");
  skip "week"/"month"/"month_part" (background: "im März 2018"), the
  ``relation`` "until"/"from" ("bis Sonntag stieg die Zahl der Toten") and
  ``reported`` mentions, which date a statement ("erklärte Selenskyj am
  Sonntag"), not the event.
- Take the first such mention inside the event's evidence (one naming the
  day before an inferred one); else the nearest in the sentence(s) it
  touches; else the nearest one before it in the same paragraph; else the
  nearest one before it in the same section (a headline and the paragraphs
  under it), the headline included; for a headline, the first one in the
  paragraph under it; else none (a fresh report's event may then default
  to the bulletin's day: the consumer's call; in the corpus a dateless
  live-ticker item of the day is dated so).
- ``date``/``date_end`` give the span (write both to the incident);
  ``time_of_day`` is optional.

``dates_for_span`` implements exactly this.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import regex

from warparse.lexicons import derived, table, word_set
from warparse.rules import MATCH_TIMEOUT, Rule, compile_pattern
from warparse.segmenter import Document, Paragraph, Sentence

# ---------------------------------------------------------------------------
# the public record


@dataclass(slots=True)
class DateMention:
    """A date expression: ``date``/``date_end`` are ``YYYY-MM-DD`` or ``--MM-DD``.

    ``precision``: "day" (the text names the day), "inferred" (taken from
    context: "nachts", "in derselben Nacht"), "week", "month_part", "month",
    "period" ("seit dem 24. Februar 2022": a span of more than a month).
    ``relation``: None, or "since" ("seit Montag": the span runs to the
    bulletin's day), "until" ("bis Sonntag"), "from" ("ab Montag").
    ``reported``: the date sits in the clause of a speech verb ("erklärte
    Selenskyj am Sonntag", "hat gestern erklärt"): it dates a statement,
    not necessarily the event the statement is about.
    """

    span: tuple[int, int]
    date: str
    date_end: str | None = None
    time_of_day: str | None = None
    sentence: int = -1
    rules: list[str] = field(default_factory=list)
    text: str = ""
    precision: str = "day"
    relation: str | None = None
    weekday: int | None = None
    paragraph: int = -1
    reported: bool = False


# ---------------------------------------------------------------------------
# lexicons (data files; read once)


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return table(name)


@cache
def _months() -> dict[str, int]:
    return {r["name"]: int(r["month"]) for r in _rows("date_months")}


@cache
def _weekdays() -> dict[str, int]:
    return {r["name"]: int(r["weekday"]) for r in _rows("date_weekdays")}


@cache
def _pods() -> dict[tuple[str, str], str]:
    return {(r["word"], r["form"]): r["time_of_day"] for r in _rows("date_parts_of_day")}


@cache
def _relative() -> dict[str, int]:
    return {r["word"]: int(r["offset"]) for r in _rows("date_relative")}


@cache
def _modifiers() -> dict[str, str]:
    return {r["word"]: r["direction"] for r in _rows("date_modifiers")}


@cache
def _holidays() -> dict[str, tuple[int, int, int, str | None]]:
    return {
        _key(r["name"]): (int(r["month"]), int(r["day"]), int(r["days"] or 1), r.get("time_of_day") or None)
        for r in _rows("date_holidays")
    }


@cache
def _anaphors() -> dict[str, tuple[int, str | None]]:
    return {
        _key(r["phrase"]): (int(r["offset"]), r.get("time_of_day") or None) for r in _rows("date_anaphors")
    }


@cache
def _number_words() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in _rows("date_number_words")}


@cache
def _ordinals() -> dict[str, int]:
    return {r["stem"]: int(r["value"]) for r in _rows("date_ordinals")}


def _key(phrase: str) -> str:
    """Lower case, single spaces: the lookup key of a multi-word phrase."""
    return " ".join(phrase.lower().split())


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first; spaces match any white space."""
    uniq = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in uniq)


# ---------------------------------------------------------------------------
# the atom pattern


def _lists() -> dict[str, list[str]]:
    """The one-word lexicons as named lists (``\\L<name>``: a hashed set, much faster than an alternation)."""
    months = _months()
    abbr = {r["name"] for r in _rows("date_months") if r["abbr"] == "1"}
    pods = _pods()
    return {
        "mfull": [m for m in months if m not in abbr],
        "mabbr": sorted(abbr),
        "nouns": [w for w, form in pods if form == "noun"],
        "adverbs": [w for w, form in pods if form == "adverb"],
        "wd": list(_weekdays()),
        "mods": list(_modifiers()),
        "past_mods": [w for w, d in _modifiers().items() if d in ("past", "past2")],
        "rel": [r["word"] for r in _rows("date_relative") if r["form"] == "adverb" and r["word"] != "morgen"],
        "rel_adj": [r["word"] for r in _rows("date_relative") if r["form"] == "adjective"],
        "ordw": list(_ordinals()),
        "numw": list(_number_words()),
    }


# Words that may open an atom, besides the lexicons (the literals of _pattern). A function word
# (_LEADS) opens one only when the next word can too ("in der Nacht", not "in der Stadt").
_LEADS = frozenset(
    "am an in im der die den dem des das zum zur zu bis seit vom von ab für zwischen auf "
    "um gegen vor über übers kurz nach bei eine einen".split()
)
_OPENERS = (
    "frühen späten anfang mitte ende derselben demselben desselben selben gleichen dieser diesem "
    "morgen laufe verlauf tag tages tags wochenende tage woche wochen"
).split()


def _first_words() -> set[str]:
    """Every word an atom can start with (besides digits and weekdays): only these are tried."""
    words = set(_OPENERS) | _LEADS | set(_number_words())
    words |= set(_months()) | {w for w, _ in _pods()} | set(_modifiers()) | set(_relative())
    words |= {stem + end for stem in _ordinals() for end in ("e", "en", "er", "es", "em")}
    for phrase in (*_holidays(), *_anaphors()):  # its words up to the first that is no function word
        for w in _key(phrase).split():
            words.add(w)
            if w not in _LEADS:
                break
    return words


def _pattern() -> str:
    nouns, adverbs, wd, mods, past_mods = (
        r"\L<nouns>",
        r"\L<adverbs>",
        r"\L<wd>",
        r"\L<mods>",
        r"\L<past_mods>",
    )
    rel, rel_adj, ordw, numw = r"\L<rel>", r"\L<rel_adj>", r"\L<ordw>", r"\L<numw>"
    hol = _alt(_holidays())  # several words: an alternation
    ana = _alt(_anaphors())

    def month(g: str) -> str:
        # (a full name may take the genitive s: "des 2. Novembers")
        return rf"(?P<{g}>\L<mfull>(?:e?s)?|\L<mabbr>\.?)(?![\p{{L}}\-])"  # not "Mai-Feiertage"

    end = r"(?!\p{L})"
    return rf"""
    (?<![\p{{L}}\p{{N}}])  # only at the start of a word; the text is lower-cased (see _atoms)
    (?:
    (?:
      # --- a clock time or a head, then one point in time, then an optional part of day and clock time
      (?:(?:um|gegen|kurz\s+nach|kurz\s+vor)\s+(?P<hh0>\d{{1,2}})(?:[:.](?P<mi0>\d{{2}}))?\s*uhr\s+(?:ortszeit\s+)?)?
      (?:
        (?:(?:(?P<hpre>am|an\s+dem|in\s+der|in\s+den|in\s+dieser|im\s+laufe\s+des|im\s+verlauf\s+des
                       |die|der|den|zum|zur|bis\s+zum|bis\s+zur|bis\s+in\s+die
                       |vom|von|seit\s+dem|seit\s+der|seit|ab\s+dem|ab\s+der|ab)\s+)?
           (?:(?P<hadj>frühen|späten|vergangenen|letzten)\s+)?
           (?P<hpod>{nouns})\s+(?P<hconn>des|vom|von|zum|zur|zu|auf\s+den|auf|zwischen\s+dem|zwischen)\s+)
      | (?:(?P<pre>am|an\s+dem|an|vom|von\s+dem|von|zum|zur|zu|bis\s+zum|bis\s+zur|bis|seit\s+dem|seit
                 |ab\s+dem|ab|für\s+den|zwischen\s+dem|zwischen|auf\s+den|auf|dem|den|des|im|in\s+der|in)\s+)
      )?
      (?:
         (?:(?P<wdd>{wd}),?\s+(?:(?:den|dem)\s+)?)?
         (?:
            (?<![\d.,])(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?!\d)
          | (?<![\d.,])(?P<nd>\d{{1,2}})\.\s?(?P<nm>\d{{1,2}})\.
            (?:(?:\s?(?P<ny>\d{{4}}))|(?P<ny2>\d{{2}}))?(?![\d])
          | (?<![\d.,])(?P<dd>\d{{1,2}})(?:\.\s*|\s+){month("dm")}
            (?:\s+(?:des\s+jahres\s+)?(?P<dy>\d{{4}})(?!\d))?
          | (?P<ow>{ordw})(?:e|en|er|es|em)\s+{month("om")}(?:\s+(?P<oy>\d{{4}})(?!\d))?
         )
       | (?P<mpart>anfang|mitte|ende)(?:\s*(?:bis|-|–|/)\s*(?P<mpart2>anfang|mitte|ende))?  # "Mitte bis Ende"
         \s+{month("mpm")}(?:\s+(?P<mpy>\d{{4}})(?!\d))?
       | (?P<nth>\L<ordw>en|letzten)\s+(?P<nthm>\L<mfull>)(?P<nthu>woche|hälfte){end}  # "ersten Maiwoche"
         (?:\s+(?P<nthy>\d{{4}})(?!\d))?
       | {month("mm")}(?:\s+(?P<my>\d{{4}})(?!\d))?
       | (?:(?P<wmod>{mods})\s+)?(?:(?P<wadj>frühen|späten)\s+)?(?P<wd>{wd})(?P<wpod>{nouns})?
         (?(wmod)s?){end}  # "des vergangenen Sonntags"
         (?:\s+(?P<wpod2>{nouns}|{adverbs}){end})?
         (?:\s+(?:der\s+)?(?P<wwk>{mods})\s+woche{end})?  # "am Dienstag vergangener Woche"
       | (?P<radj>{rel_adj})\s+(?:(?P<radjwd>{wd})s?|(?P<radjpod>{nouns})|tag|tages){end}
       | (?P<rel>{rel}){end}(?:\s+(?P<rpod>{nouns}|{adverbs}){end})?
       | (?P<hol>{hol}){end}
       | (?<![\d.,])(?P<od>\d{{1,2}})\.(?!\d)
      )
      (?:\s+(?P<ppod>{adverbs}){end})?
      (?:\s*,?\s*(?:(?:um|gegen|ab|kurz\s+nach|kurz\s+vor)\s+)?
         (?<![\d.,])(?P<hh>\d{{1,2}})(?:[:.](?P<mi>\d{{2}}))?\s*uhr{end}
         (?:\s+(?P<hadv>{adverbs}){end})?)?  # "um 8 Uhr abends"
    )
    # --- phrases that stand alone
    | (?P<wk>(?:(?:in\s+der|im\s+laufe\s+der|seit\s+der|seit|(?:anfang|mitte|ende)(?:\s+der)?)\s+)?
             (?P<wkmod>{mods})\s+woche
           | (?:anfang|mitte|ende)\s+der\s+woche){end}
    | (?P<mo>(?:(?:seit\s+|bis\s+)?(?P<mopart>anfang|mitte|ende)\s+(?:des\s+)?(?:(?P<momod>{mods})\s+)?monats
            | (?:(?:im|in|seit\s+dem|seit)\s+)?(?P<momod2>{mods})\s+monat)){end}  # "Ende vergangenen Monats"
    | (?P<we>(?:(?:am|an\s+dem|übers|über\s+das|seit\s+dem|vom)\s+)?
             (?:(?P<wemod>{past_mods})\s+)?wochenende){end}
    | (?P<ana>{ana}){end}
    | (?P<same>(?:(?:am|an\s+dem|in\s+der|in|im\s+laufe\s+des|im\s+laufe\s+der|im\s+verlauf\s+des)\s+)?
              (?:(?:(?:frühen|späten)\s+)?(?P<samepod2>{nouns})\s+)?  # "am Abend desselben Tages"
              (?:derselben|demselben|desselben|des\s+selben|des\s+gleichen|selben|gleichen|dieser|diesem)\s+
              (?:(?P<samepod>{nouns})|tag|tages)){end}
    | (?P<rn>(?:(?:in\s+der|am|an\s+dem)\s+)?(?P<rnmod>{past_mods})\s+(?P<rnpod>{nouns})){end}
    | (?P<ago>vor\s+(?P<agon>\d{{1,3}}|{numw})\s+(?P<agou>tagen|tag|wochen|woche)){end}
    | (?P<later>(?P<latn>\d{{1,2}}|{numw})\s+(?P<latu>tage|tag|wochen|woche)\s+
                (?P<latd>später|danach|darauf|zuvor|vorher|davor)){end}  # "zwei Tage später"
    | (?P<vague>(?:(?:am|an\s+dem|in\s+der|in\s+den|im\s+laufe\s+des|im\s+laufe\s+der|im\s+verlauf\s+des
                    |um|gegen|im|bei|zur|kurz\s+nach|kurz\s+vor|nach|vor)\s+)
                (?:(?:frühen|späten)\s+)?(?P<vpod>{nouns})){end}
    | (?P<vadv>{adverbs}){end}
    | (?P<tomorrow>morgen){end}(?:\s+(?P<tpod>{nouns}|{adverbs}){end})?  # lower case only: see _atoms
    )
    """


# ---------------------------------------------------------------------------
# atoms


@dataclass(slots=True)
class _Atom:
    """One date expression before linking and resolution (offsets relative to the sentence)."""

    start: int
    end: int
    kind: str  # abs, dayonly, weekday, rel, holiday, month, month_part, month_rel, week, weekend,
    #            anaphor, same, last_night, ago, vague
    rules: list[str]
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    direction: str | None = None  # past / this / next
    offset: int = 0
    length: int = 1  # holidays: days spanned
    part: str | None = None  # month_part: Anfang / Mitte / Ende
    days: tuple[int, int] | None = None  # month_part: its first and last day (31: the month's last)
    tod: str | None = None
    link: str | None = None  # the head's role: from, to, until, since, between, of
    pre: str | None = None  # the preposition in front ("am", "seit", "bis zum")
    bare: bool = False  # a lone "27." with no date preposition: kept only when linked
    guard: tuple[str, int] | None = None  # a check on the original (not lower-cased) text, see _atoms
    year_rel: int | None = None  # "im Oktober vergangenen Jahres": the bulletin's year -1


_FROM = {"vom", "von", "von dem", "ab", "ab dem", "ab der"}
_UNTIL = {"bis", "bis zum", "bis zur", "bis in die"}
_TO = {"zum", "zur", "zu", "auf", "auf den"}
_SINCE = {"seit", "seit dem", "seit der"}
_BETWEEN = {"zwischen", "zwischen dem"}
_MONTH_PREPS = {"im", "seit", "bis", "ab", "vom", "von", "bis zum", "seit dem", "zwischen"}
_DAY_PREPS = {
    "am",
    "an dem",
    "vom",
    "von dem",
    "bis zum",
    "bis",
    "seit dem",
    "ab dem",
    "zum",
    "auf den",
    "zwischen dem",
    "zwischen",
    "dem",
    "den",
    "des",
}


def _pre_link(pre: str | None) -> str | None:
    """The role a preposition gives its date in a span: from, until, to, since, between."""
    for link, preps in (
        ("from", _FROM),
        ("until", _UNTIL),
        ("to", _TO),
        ("since", _SINCE),
        ("between", _BETWEEN),
    ):
        if pre in preps:
            return link
    return None


def _hour_tod(hour: int) -> str:
    if hour < 5 or hour >= 22:
        return "night"
    if hour < 11:
        return "morning"
    if hour < 14:
        return "day"
    if hour < 18:
        return "afternoon"
    return "evening"


def _pod(word: str | None, form: str = "noun") -> str | None:
    if not word:
        return None
    w = word.lower()
    return _pods().get((w, form)) or _pods().get((w, "noun")) or _pods().get((w, "adverb"))


def _since_link(phrase: str) -> str | None:
    """ "seit vergangener Woche", "seit dem Wochenende": the span runs to the bulletin's day;
    "bis Ende des Monats": an end point."""
    return {"seit": "since", "bis ": "until"}.get(phrase[:4].lower())


_MONTH_STEP = {"past": -1, "past2": -2, "next": 1}
_MONTH_PARTS = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}


def _build(m: regex.Match[str]) -> _Atom | None:  # one branch per construction
    groups = m.groups()  # one call: m.group(name) per branch was half the matching time

    def g(name: str) -> str | None:
        return groups[_GROUP[name]]

    s, e = m.span()
    if g("wk"):
        direction = _modifiers()[g("wkmod").lower()] if g("wkmod") else "this"  # "Anfang der Woche"
        return _Atom(s, e, "week", ["date.week"], direction=direction, link=_since_link(g("wk")))
    if g("mo"):
        mod = g("momod") or g("momod2")
        direction = _modifiers()[mod.lower()] if mod else "this"  # "Anfang des Monats"
        part = g("mopart").lower() if g("mopart") else None
        link = _since_link(g("mo"))
        return _Atom(s, e, "month_rel", ["date.month_relative"], direction=direction, part=part, link=link)
    if g("we"):
        direction = _modifiers()[g("wemod").lower()] if g("wemod") else None
        return _Atom(s, e, "weekend", ["date.weekend"], direction=direction, link=_since_link(g("we")))
    if g("ana"):
        off, tod = _anaphors()[_key(g("ana"))]
        return _Atom(s, e, "anaphor", ["date.anaphor"], offset=off, tod=tod)
    if g("same"):
        return _Atom(s, e, "same", ["date.same_day"], tod=_pod(g("samepod")) or _pod(g("samepod2")))
    if g("rn"):
        tod = _pod(g("rnpod"))
        # "letzte Nacht" is the night before the bulletin's day; "vergangenen Abend" the day before;
        # "vorletzte Nacht" the night before that
        offset = (0 if tod == "night" else -1) - (_modifiers()[g("rnmod").lower()] == "past2")
        return _Atom(s, e, "last_night", ["date.last_night"], offset=offset, tod=tod)
    if g("ago"):
        n = g("agon")
        num = int(n) if n.isdigit() else _number_words()[n.lower()]
        unit = 7 if g("agou").lower().startswith("woche") else 1
        return _Atom(s, e, "ago", ["date.ago"], offset=-num * unit)
    if g("later"):
        n = g("latn")
        num = (int(n) if n.isdigit() else _number_words()[n]) * (7 if g("latu").startswith("woche") else 1)
        back = g("latd") in ("zuvor", "vorher", "davor")  # "danach", "darauf": forward
        return _Atom(s, e, "anaphor", ["date.days_later"], offset=-num if back else num)
    if g("tomorrow"):
        return _Atom(s, e, "rel", ["date.relative"], offset=1, guard=("lower", s), tod=_pod(g("tpod")))
    if g("vague") or g("vadv"):
        tod = _pod(g("vpod"), "noun") if g("vague") else _pod(g("vadv"), "adverb")
        return _Atom(s, e, "vague", ["date.part_of_day"], tod=tod)

    rules: list[str] = []
    pre = _key(g("pre")) if g("pre") else None
    atom = _Atom(s, e, "abs", rules, pre=pre)
    if g("hpod"):
        conn = _key(g("hconn"))
        atom.tod = _pod(g("hpod"))
        if conn == "des":
            atom.link, name = "of", "date.part_of_day_of"
        elif conn in ("vom", "von"):
            atom.link, name = "from", "date.night_from" if atom.tod == "night" else "date.part_of_day_from"
        elif conn.startswith("zwischen"):  # "in der Nacht zwischen Dienstag und Mittwoch"
            atom.link, name = "between", "date.part_of_day_between"
        else:
            atom.link, name = None, "date.night_to" if atom.tod == "night" else "date.part_of_day_to"
        hpre = _key(g("hpre")) if g("hpre") else ""
        if atom.link not in ("from", "between") and hpre.split(" ")[0] in ("bis", "vom", "von", "seit", "ab"):
            # "bis zum Morgen des 4. März", "seit dem Abend des 3."
            atom.pre = hpre
            atom.link = _pre_link(hpre)
        rules.append(name)
        pre = "am"  # a head licenses a bare day ("in der Nacht des 27.")
    else:
        atom.link = _pre_link(pre)

    if g("iy"):
        atom.year, atom.month, atom.day = int(g("iy")), int(g("im")), int(g("id"))
        rules.append("date.iso")
    elif g("nd"):
        atom.day, atom.month = int(g("nd")), int(g("nm"))
        if g("ny"):
            atom.year = int(g("ny"))
        elif g("ny2"):
            atom.year = 2000 + int(g("ny2"))
        rules.append("date.numeric")
    elif g("dd"):
        atom.day, atom.month = int(g("dd")), _month(g("dm"))
        atom.year = int(g("dy")) if g("dy") else None
        rules.append("date.day_month")
    elif g("ow"):
        atom.day, atom.month = _ordinals()[g("ow").lower()], _month(g("om"))
        atom.year = int(g("oy")) if g("oy") else None
        rules.append("date.ordinal_word_month")
    elif g("mpart"):
        atom.kind, atom.part, atom.month = "month_part", g("mpart").lower(), _month(g("mpm"))
        atom.year = int(g("mpy")) if g("mpy") else None
        atom.days = (_MONTH_PARTS[atom.part][0], _MONTH_PARTS[(g("mpart2") or atom.part).lower()][1])
        if atom.days[0] > atom.days[1]:
            return None
    elif g("nth"):
        atom.kind, atom.month = "month_part", _month(g("nthm"))
        atom.year = int(g("nthy")) if g("nthy") else None
        nth = g("nth").lower()
        n = -1 if nth == "letzten" else _ordinals()[nth[:-2]]
        size = 7 if g("nthu").lower() == "woche" else 15
        if n == -1:  # the last week: its last seven days; the last half: from the 16th
            atom.days = (-6, 31) if size == 7 else (16, 31)
        elif size * n > 35 or (size == 15 and n > 2):
            return None
        else:
            atom.days = (size * (n - 1) + 1, 31 if size == 15 and n == 2 else size * n)
        rules.append("date.month_week")
        rules.append("date.month_part")
    elif g("mm"):
        atom.kind, atom.month = "month", _month(g("mm"))
        atom.year = int(g("my")) if g("my") else None
        # a month alone only after a preposition of time or with a year ("im März 2018", "seit Oktober"),
        # or joined to another month ("im Oktober und November")
        atom.bare = atom.year is None and pre not in _MONTH_PREPS
        rules.append("date.month")
    elif g("wd"):
        atom.kind, atom.weekday = "weekday", _weekdays()[g("wd").lower()]
        atom.direction = _modifiers()[g("wmod").lower()] if g("wmod") else None
        if g("wwk"):
            atom.direction = "week_" + _modifiers()[g("wwk").lower()]
        atom.tod = atom.tod or _pod(g("wpod")) or _pod(g("wpod2"))
        rules.append("date.weekday")
    elif g("radj"):
        atom.kind, atom.offset = "rel", _relative()[g("radj").lower()]
        atom.tod = atom.tod or _pod(g("radjpod"))
        rules.append("date.relative_adjective")
    elif g("rel"):
        atom.kind, atom.offset = "rel", _relative()[g("rel").lower()]
        if (
            pre is not None and atom.link is None
        ):  # "den gestern Nachmittag ...": the article is not part of it
            atom.start = m.start("rel")
        atom.tod = atom.tod or _pod(g("rpod"))
        rules.append("date.relative")
    elif g("hol"):
        month, day, length, tod = _holidays()[_key(g("hol"))]
        atom.kind, atom.month, atom.day, atom.length = "holiday", month, day, length
        atom.tod = atom.tod or tod
        rules.append("date.holiday")
    elif g("od"):
        if g("hpod") and _key(g("hconn")) == "auf":
            return None  # "stieg bis zum Abend auf 14.": a figure; the night "auf den 14." has its article
        atom.kind, atom.day = "dayonly", int(g("od"))
        atom.bare = pre not in _DAY_PREPS
        atom.guard = ("no_noun_after", m.end("od") + 1)  # "die 3. Brigade", "am 5. Tag" are no dates
        rules.append("date.day_only")
    if atom.kind in ("abs", "dayonly") and not _valid_day(atom.day, atom.month):
        return None
    if pre in ("im", "in") and atom.kind not in ("month", "month_part"):
        return None
    if g("wdd"):
        atom.weekday = _weekdays()[g("wdd").lower()]
        rules.append("date.weekday_with_date")
    if g("ppod"):
        atom.tod = atom.tod or _pod(g("ppod"), "adverb")
    hh, mi = (g("hh"), g("mi")) if g("hh") else (g("hh0"), g("mi0"))
    if hh:
        hour = int(hh)
        if hour > 24 or (mi and int(mi) > 59):
            return None
        adv = _pod(g("hadv"), "adverb")
        if (adv in ("afternoon", "evening") and hour < 12) or (adv == "night" and 6 <= hour < 12):
            hour += 12  # "um 8 Uhr abends" is 20 Uhr, "um 11 Uhr nachts" 23 Uhr
        atom.tod = atom.tod or _hour_tod(hour % 24)
        rules.append("date.clock_time")
    if g("wadj") and atom.tod is None:
        atom.tod = "morning" if g("wadj").lower() == "frühen" else None
    return atom


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    months = _months()
    return months.get(name) or months.get(name[:-1]) or months[name[:-2]]  # "Oktobers", "Märzes"


def _valid_day(day: int | None, month: int | None) -> bool:
    if day is None or not 1 <= day <= 31:
        return False
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    return day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


# matched against the lower-cased text: case-insensitive matching is three times slower
_ATOM = Rule("date.atom", compile_pattern(_pattern(), regex.VERSION1 | regex.VERBOSE, **_lists()), _build)
_GROUP = {name: i - 1 for name, i in _ATOM.pattern.groupindex.items()}


# ---------------------------------------------------------------------------
# linking neighbours

_RANGE_GAP = compile_pattern(r"\s*,?\s*(?:–|—|-|/|bis)?\s*", regex.IGNORECASE)
_COORD_GAP = compile_pattern(r"\s*,?\s*(?:und|sowie|oder)\s*", regex.IGNORECASE)
_SPAN_KINDS = {"abs", "dayonly", "weekday", "rel", "holiday", "month", "month_part"}


_APPOSITION_GAP = compile_pattern(r"\s*[,(]?\s*")


def _link(a: _Atom, b: _Atom, gap: str) -> str | None:
    """How ``a`` and the next atom ``b`` join: "range", "coord", "apposition" or None."""
    if a.kind not in _SPAN_KINDS or b.kind not in _SPAN_KINDS:
        return None
    months = ("month", "month_part")
    if (a.kind in months or b.kind in months) and not (a.kind in months and b.kind in months):
        return None  # a month joins only a month ("von Oktober bis Dezember", "Ende Mai/Anfang Juni")
    if a.kind == "weekday" and b.kind == "abs" and b.link is None and _APPOSITION_GAP.fullmatch(gap):
        return "apposition"  # "am Dienstagabend, 22. Oktober": the date names the day
    if _RANGE_GAP.fullmatch(gap):
        dash = gap.strip(" ,") in ("–", "—", "-", "/", "bis")
        if b.link == "until" or dash:
            return "range"
        if a.link == "from" and b.link == "to":
            return "range"
    if _COORD_GAP.fullmatch(gap):
        if a.link == "between":
            return "range"
        if b.link in (None, "of"):
            return "coord"
    return None


# ---------------------------------------------------------------------------
# resolution

_LONG_SINCE = 31  # "seit ..." spans longer than this many days get precision "period"
_DUMMY_YEAR = 2000  # a leap year: stands in for an unknown year in date arithmetic
_AHEAD = 7  # a date without a year may lie this many days after the bulletin's day
_AHEAD_MONTH = 31  # ... or this many in the bulletin's own year


@dataclass(slots=True)
class _Res:
    """A resolved date (or span) and the rules that resolved it."""

    start: dt.date
    end: dt.date | None
    year_known: bool
    precision: str = "day"
    rules: list[str] = field(default_factory=list)


def _with_year(
    month: int, day: int, year: int | None, ref: dt.date | None
) -> tuple[dt.date, bool, list[str]]:
    """The date of a day-month: the given year, else the latest one at most a week after ``ref``
    (a month within ``ref``'s year)."""
    if year is not None:
        return dt.date(year, month, day), True, []
    if ref is None:
        return dt.date(_DUMMY_YEAR, month, day), False, []
    for y in range(ref.year + 1, ref.year - 9, -1):  # back far enough for a 29 February
        try:
            d = dt.date(y, month, day)
        except ValueError:  # 29 February
            continue
        if d <= ref + dt.timedelta(days=_AHEAD if y > ref.year else _AHEAD_MONTH):
            return d, True, ["date.year_from_ref"]
    raise ValueError(f"no year for {month}-{day}")


def _weekday_date(weekday: int, direction: str | None, ref: dt.date) -> dt.date:
    if direction and direction.startswith("week_"):  # that weekday in the last, this or next week
        monday = ref - dt.timedelta(days=ref.weekday() - weekday)
        weeks = {"week_past": -1, "week_past2": -2, "week_next": 1}.get(direction, 0)
        return monday + dt.timedelta(days=7 * weeks)
    back = (ref.weekday() - weekday) % 7
    if direction in ("past", "past2") and back == 0:
        back = 7
    if direction == "past2":  # "am vorletzten Sonntag"
        back += 7
    if direction == "next":
        return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7 or 7)
    return ref - dt.timedelta(days=back)


def _month_last(year: int, month: int) -> int:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return (nxt - dt.timedelta(days=1)).day


def _easter(year: int, orthodox: bool = False) -> dt.date:
    """Easter Sunday: the Gregorian computus, or the Julian one moved to the Gregorian calendar."""
    if orthodox:
        d = (19 * (year % 19) + 15) % 30
        e = (2 * (year % 4) + 4 * (year % 7) - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=year // 100 - year // 400 - 2)
    g, (c, y) = year % 19, divmod(year, 100)
    h = (19 * g + c - c // 4 - (c - (c + 8) // 25 + 1) // 3 + 15) % 30
    wd = (32 + 2 * (c % 4) + 2 * (y // 4) - h - y % 4) % 7
    month, day = divmod(h + wd - 7 * ((g + 11 * h + 22 * wd) // 451) + 114, 31)
    return dt.date(year, month, day + 1)


def _resolve(a: _Atom, ref: dt.date | None, prev: list[DateMention], paras: tuple[int, ...]) -> _Res | None:
    """``_resolve_atom``, with impossible dates ("29. Februar 2023", year 0) resolving to None."""
    if a.year_rel is not None and a.year is None and ref is not None:
        a.year = ref.year + a.year_rel
    try:
        return _resolve_atom(a, ref, prev, paras)
    except (ValueError, OverflowError):
        return None


def _resolve_atom(
    a: _Atom, ref: dt.date | None, prev: list[DateMention], paras: tuple[int, ...]
) -> _Res | None:
    """The day(s) of one atom, or None when they cannot be known.

    ``prev``: the mentions before it; ``paras``: its paragraph and its section's headline, where a
    bare part of day ("in der Nacht") looks for its day.
    """
    k = a.kind
    if k == "abs":
        d, known, rules = _with_year(a.month, a.day, a.year, ref)
        return _Res(d, None, known, rules=rules)
    if k == "dayonly":
        if a.month is not None:
            d, known, rules = _with_year(a.month, a.day, a.year, ref)
            return _Res(d, None, known, rules=rules)
        ctx = next((p for p in reversed(prev) if p.precision == "day" and p.relation is None), None)
        if ctx is not None:
            y, m = _ym(ctx.date_end or ctx.date)
            if _valid_day(a.day, m):
                d = dt.date(y or _DUMMY_YEAR, m, a.day)
                return _Res(d, None, y is not None, rules=["date.month_from_context"])
        if ref is None:
            return None
        for back in range(0, 3):
            y, m = ref.year, ref.month - back
            if m < 1:
                y, m = y - 1, m + 12
            if a.day <= _month_last(y, m) and dt.date(y, m, a.day) <= ref + dt.timedelta(days=_AHEAD):
                return _Res(dt.date(y, m, a.day), None, True, rules=["date.month_from_ref"])
        return None
    if k == "holiday" and a.month <= 0:  # month 0 / -1: days after (Orthodox) Easter Sunday
        if ref is None:
            return None
        years = range(ref.year + 1, ref.year - 2, -1)
        days = (_easter(y, a.month < 0) + dt.timedelta(days=a.day) for y in years)
        last = next(d for d in days if d <= ref + dt.timedelta(days=_AHEAD_MONTH))
        first = last - dt.timedelta(days=a.length - 1)
        return _Res(first, last if a.length > 1 else None, True, rules=["date.easter"])
    if k == "holiday":
        last, known, rules = _with_year(a.month, a.day, None, ref)
        first = last - dt.timedelta(days=a.length - 1)
        return _Res(first, last if a.length > 1 else None, known, rules=rules)
    if k in ("month", "month_part"):
        lo, hi = a.days or (1, 31)
        first, known, rules = _with_year(a.month, max(lo, 1), a.year, ref)
        month_last = _month_last(first.year, a.month)
        if lo < 1:  # "in der letzten Oktoberwoche": counted back from the month's last day
            first = first.replace(day=month_last + lo)
        last = dt.date(first.year, a.month, min(hi, month_last))
        if last < first:
            return None
        return _Res(first, last, known, precision=k, rules=rules)
    if k in ("same", "anaphor"):
        ante = next(
            (p for p in reversed(prev) if p.precision in ("day", "inferred") and p.relation is None), None
        )
        if ante is not None:
            y, m = _ym(ante.date)
            start = dt.date(y or _DUMMY_YEAR, m, int(ante.date[-2:]))
            end = None
            if ante.date_end and k == "same":
                y2, m2 = _ym(ante.date_end)
                end = dt.date(y2 or _DUMMY_YEAR, m2, int(ante.date_end[-2:]))
                if end < start:
                    end = end.replace(year=start.year + 1)
            if a.offset:
                start = (
                    (end or start) + dt.timedelta(days=a.offset)
                    if a.offset > 0
                    else start + dt.timedelta(days=a.offset)
                )
                end = None
            return _Res(start, end, y is not None, precision="inferred", rules=["date.antecedent"])
        if ref is None:
            return None
        return _Res(
            ref + dt.timedelta(days=a.offset), None, True, precision="inferred", rules=["date.ref_default"]
        )
    if k == "vague":
        ante = next(
            (
                p
                for p in reversed(prev)
                if p.paragraph in paras and p.precision in ("day", "inferred") and p.relation is None
            ),
            None,
        )
        if ante is not None:
            y, m = _ym(ante.date_end or ante.date)
            d = ante.date_end or ante.date
            return _Res(
                dt.date(y or _DUMMY_YEAR, m, int(d[-2:])),
                None,
                y is not None,
                precision="inferred",
                rules=["date.antecedent"],
            )
        if ref is None:
            return None
        return _Res(ref, None, True, precision="inferred", rules=["date.ref_default"])
    if ref is None:  # everything below is relative to the bulletin's day
        return None
    if k == "weekday":
        return _Res(_weekday_date(a.weekday, a.direction, ref), None, True)
    if k in ("rel", "last_night", "ago"):
        return _Res(ref + dt.timedelta(days=a.offset), None, True)
    if k == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        if a.direction in ("past", "past2"):
            back = 7 * (1 + (a.direction == "past2"))
            return _Res(
                monday - dt.timedelta(days=back), monday - dt.timedelta(days=back - 6), True, precision="week"
            )
        if a.direction == "next":
            return _Res(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13), True, precision="week")
        return _Res(monday, ref if ref > monday else None, True, precision="week")
    if k == "month_rel":
        y, mo = divmod(ref.year * 12 + ref.month - 1 + _MONTH_STEP.get(a.direction or "", 0), 12)
        mo += 1
        lo, hi = _MONTH_PARTS.get(a.part or "", (1, 31))
        first, last = dt.date(y, mo, lo), dt.date(y, mo, min(hi, _month_last(y, mo)))
        if a.part is None and a.direction == "this":  # "in diesem Monat": so far
            last = max(first, min(last, ref))
        precision = "month_part" if a.part else "month"
        return _Res(first, last if last > first else None, True, precision=precision)
    if k == "weekend":
        sat = _weekday_date(5, None, ref)
        if a.direction == "past2":  # "am vorletzten Wochenende"
            sat -= dt.timedelta(days=7)
        sun = min(sat + dt.timedelta(days=1), ref)
        return _Res(sat, sun if sun > sat else None, True)
    return None


def _after(b: _Atom, rb: _Res, first_end: dt.date) -> dt.date:
    """The start of ``b`` moved after ``first_end`` where the text allows it: a weekday to the
    next week, a date without a year to the next year."""
    if b.kind == "weekday":
        return rb.start + dt.timedelta(days=7)
    if not rb.year_known:
        try:
            return rb.start.replace(year=rb.start.year + 1)
        except ValueError:  # 29 February
            return rb.start
    return rb.start


def _ym(iso: str) -> tuple[int | None, int]:
    """Year (None for ``--MM-DD``) and month of an ISO date string."""
    if iso.startswith("--"):
        return None, int(iso[2:4])
    return int(iso[:4]), int(iso[5:7])


def _fmt(d: dt.date, known: bool) -> str:
    return d.isoformat() if known else f"--{d.month:02d}-{d.day:02d}"


def _combine_tod(a: str | None, b: str | None) -> str | None:
    if a == b or b is None:
        return a
    if a in ("evening", "night") and b in ("night", "morning"):
        return "night"  # evening into the next morning: an overnight event
    return None if a and b else a or b  # "am Samstagmorgen und Sonntagabend": no one part of day


# ---------------------------------------------------------------------------
# the document pass


def _lower(text: str) -> str:
    """``text`` in lower case with the same length (so offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


_NOUN_AFTER = compile_pattern(r"\s*\p{Lu}")
_YEAR_REL = compile_pattern(  # "im Oktober vergangenen Jahres"
    r"\s+(?:des\s+)?(?P<m>\L<mods>)\s+jahres(?!\p{L})", regex.V1, mods=list(_modifiers())
)


_WORD = compile_pattern(r"[\p{L}\p{N}]+")


@cache
def _openers() -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(_first_words()), tuple(_weekdays())


def _atoms(text: str) -> list[_Atom]:
    """The atoms of one sentence, left to right.

    The full pattern is tried only where a word that can open an atom
    starts (a digit, a weekday, a word of ``_first_words``): a plain
    ``finditer`` would try its many branches at every word.
    """
    low = _lower(text)
    first, weekdays = _openers()
    match = _ATOM.pattern.match
    out: list[_Atom] = []
    last_end = 0
    words = [(w.start(), w.group()) for w in _WORD.finditer(low)]

    def opens(word: str) -> bool:
        return word[0].isdigit() or word in first or word.startswith(weekdays)

    for i, (start, word) in enumerate(words):
        if start < last_end or not opens(word):
            continue
        if word in _LEADS and not (i + 1 < len(words) and opens(words[i + 1][1])):
            continue
        m = match(low, start, timeout=MATCH_TIMEOUT)
        if m is None:
            continue
        atom = _ATOM.build(m)
        if atom is None:
            continue
        y = _YEAR_REL.match(low, atom.end) if atom.kind in ("abs", "month", "month_part") else None
        if y is not None and atom.year is None:
            atom.year_rel, atom.end = _MONTH_STEP.get(_modifiers()[y.group("m")], 0), y.end()
        if atom.guard is not None:
            kind, at = atom.guard
            if kind == "lower" and not text[at].islower():
                continue
            if kind == "no_noun_after" and _NOUN_AFTER.match(text, at):
                continue
        out.append(atom)
        last_end = atom.end
    return out


def _mention(
    sent,
    a: _Atom,
    r: _Res,
    end_atom: _Atom | None = None,
    end_res: _Res | None = None,
    extra: Iterable[str] = (),
) -> DateMention:
    start_off = sent.start + a.start
    end_off = sent.start + (end_atom.end if end_atom else a.end)
    rules = [*a.rules, *r.rules]
    tod = a.tod
    last = r.end
    known = r.year_known
    if end_atom is not None and end_res is not None:
        rules += [*end_atom.rules, *end_res.rules, *extra]
        last = end_res.end or end_res.start
        tod = _combine_tod(a.tod, end_atom.tod)
        known = known and end_res.year_known
    if last is not None and last < r.start:
        last = last.replace(year=last.year + 1) if not known else last
    relation = None
    if end_atom is None:
        # a lone "vom Samstag" or "in der Nacht vom 27." names the day; "ab Montag" only a start
        relation = {"since": "since", "until": "until"}.get(a.link or "")
        if a.pre in ("ab", "ab dem", "ab der"):
            relation = "from"
    date = _fmt(r.start, known)
    date_end = _fmt(last, known) if last is not None and last != r.start else None
    return DateMention(
        span=(start_off, end_off),
        date=date,
        date_end=date_end,
        time_of_day=tod,
        sentence=sent.index,
        rules=list(dict.fromkeys(rules)),
        text=sent.text[a.start : (end_atom.end if end_atom else a.end)],
        precision=r.precision,
        relation=relation,
        weekday=a.weekday if end_atom is None else None,
        paragraph=sent.paragraph,
    )


def _since(m: DateMention, ref: dt.date | None) -> DateMention:
    """ "seit Montag": the span runs from that day to the bulletin's day; "seit Anfang Oktober",
    "seit vergangener Woche" from the start of that part of the calendar."""
    if ref is not None and not m.date.startswith("--") and (m.date_end or m.date) < ref.isoformat():
        start = dt.date.fromisoformat(m.date)
        if start < ref:
            m.date_end = ref.isoformat()
        if (ref - start).days > _LONG_SINCE:
            m.precision = "period"  # "seit dem 24.02.2022": background, too long to date an event
    m.rules.append("date.since")
    return m


@derived
def _speech_forms() -> dict[str, str]:
    """Inflected speech verbs (the quote grammar's lexicon) minus those that date the event:
    form -> the separable particle it needs later in the clause ("teilte ... mit"), or ""."""
    try:
        rows = table("speech_verbs")
    except (FileNotFoundError, KeyError):  # the lexicon belongs to the quote grammar
        return {}
    skip = word_set("date_event_reports")
    return {
        r["form"].lower(): (r.get("particle") or "").lower()
        for r in rows
        if r.get("speech") != "no" and r.get("lemma") not in skip
    }


_CLAUSE_END = frozenset(',;:–—()[]"„“”»«')
_REPORT_LEFT, _REPORT_RIGHT = 6, 10  # tokens searched for the speech verb on either side


def _reported(sent, start: int, end: int) -> bool:
    """Whether a speech verb shares the clause of the mention at ``start``-``end`` (absolute offsets)."""
    toks = sent.tokens
    if not toks:
        return False
    forms = _speech_forms()
    first = next((i for i, t in enumerate(toks) if t.end > start), len(toks))
    last = next((i for i in range(len(toks) - 1, -1, -1) if toks[i].start < end), -1)
    for step, lo, hi in (
        (-1, first - 1, max(-1, first - 1 - _REPORT_LEFT)),
        (1, last + 1, last + 1 + _REPORT_RIGHT),
    ):
        i = lo
        while i != hi and 0 <= i < len(toks):
            t = toks[i]
            if t.text == (")" if step < 0 else "("):
                # "teilte die Mission (HRMMU) am Donnerstag mit": a bracketed name is no clause end
                j = _bracket_end(toks, i, step)
                if j is not None:
                    hi += j - i + step  # the group does not count
                    i = j + step
                    continue
            if t.text in _CLAUSE_END:
                break
            w = t.norm.lower()
            noun = i > 0 and t.norm[:1].isupper()  # "in weiten Teilen" is no "teilen"
            if w in forms and not noun and (w != "so" or (i > 0 and toks[i - 1].text == ",")):
                particle = forms[w]
                if not particle or _particle_follows(toks, i + 1, particle):
                    return True
            i += step
    return False


def _bracket_end(toks, i: int, step: int, limit: int = 6) -> int | None:
    """The index of the bracket closing the short bracketed group that opens at ``i`` (going
    in direction ``step``), or None when there is none within ``limit`` tokens."""
    close = "(" if step < 0 else ")"
    for k in range(1, limit + 1):
        j = i + step * k
        if not 0 <= j < len(toks) or toks[j].text in ".;:":
            return None
        if toks[j].text == close:
            return j
    return None


def _particle_follows(toks, i: int, particle: str) -> bool:
    """Whether ``particle`` ("mit" of "teilte ... mit") comes later in the same clause."""
    while i < len(toks):
        t = toks[i]
        if t.text == "(" and (j := _bracket_end(toks, i, 1)) is not None:
            i = j + 1  # "teilte die Mission (HRMMU) mit"
            continue
        if t.text in _CLAUSE_END:
            return False
        if t.norm.lower() == particle:
            return True
        i += 1
    return False


_YEAR_SHARING = {"abs", "month", "month_part"}  # "zwischen Oktober und Dezember 2023"
_LIST_GAP = compile_pattern(r"\s*,\s*")


def _day_list(atoms: list[_Atom], i: int, text: str) -> int | None:
    """ "am 3., 7. und 12. November": days without a month, separated by commas, the last joined
    by "und"/"sowie" to a day with a month. Each day takes that month (and is a mention of its
    own); returns the index of the last atom when the days run in a row, else None."""
    a = atoms[i]
    if a.kind != "dayonly" or a.month is not None:
        return None
    j = i
    while j + 1 < len(atoms) and atoms[j + 1].kind == "dayonly" and atoms[j + 1].month is None:
        if not _LIST_GAP.fullmatch(text, atoms[j].end, atoms[j + 1].start):
            return None
        j += 1
    if j == i or j + 1 >= len(atoms):
        return None
    last = atoms[j + 1]
    if last.kind != "abs" or not _COORD_GAP.fullmatch(text, atoms[j].end, last.start):
        return None
    for x in atoms[i : j + 1]:
        x.month, x.year, x.bare = last.month, last.year, False
        x.rules.append("date.month_from_partner")
    days = [x.day for x in atoms[i : j + 2]]
    in_a_row = all(d2 == d1 + 1 for d1, d2 in itertools.pairwise(days))
    return j + 1 if in_a_row else None


def find_dates(doc: Document, ref_date: dt.date | str | None) -> list[DateMention]:
    """All date mentions of ``doc`` in text order; spans are offsets into ``doc.text``."""
    ref = dt.date.fromisoformat(ref_date) if isinstance(ref_date, str) else ref_date
    out: list[DateMention] = []
    sentences = {}
    headline = -1
    for sent in doc.sentences:
        if sent.headline:
            headline = sent.paragraph
        paras = (sent.paragraph, headline)
        atoms = _atoms(sent.text)
        if atoms:
            sentences[sent.index] = sent
        i = 0
        while i < len(atoms):
            j = _day_list(atoms, i, sent.text)
            if j is not None:  # "am 25., 26. und 27. Oktober": three days or more in a row are one span
                a, z = atoms[i], atoms[j]
                ra, rz = _resolve(a, ref, out, paras), _resolve(z, ref, out, paras)
                if ra is not None and rz is not None and (rz.start - ra.start).days == j - i:
                    out.append(_mention(sent, a, ra, z, rz, ["date.list_span"]))
                    i = j + 1
                    continue
            a = atoms[i]
            b = atoms[i + 1] if i + 1 < len(atoms) else None
            kind = _link(a, b, sent.text[a.end : b.start]) if b is not None else None
            if b is not None and kind == "apposition":
                rb = _resolve(b, ref, out, paras)
                if rb is not None:
                    b.tod = b.tod or a.tod
                    m = _mention(sent, b, rb)
                    end = (
                        b.end + 1
                        if "(" in sent.text[a.end : b.start] and sent.text[b.end : b.end + 1] == ")"
                        else b.end
                    )
                    m.span, m.text = (sent.start + a.start, sent.start + end), sent.text[a.start : end]
                    m.rules = [*a.rules, *m.rules, "date.apposition"]
                    m.weekday, m.relation = a.weekday, {"since": "since", "until": "until"}.get(a.link or "")
                    out.append(_since(m, ref) if a.link == "since" else m)
                    i += 2
                    continue
            if b is not None and kind is not None and kind != "apposition":
                if a.kind == "dayonly" and a.month is None and b.kind in ("abs", "dayonly") and b.month:
                    a.month, a.year = b.month, b.year
                    a.rules.append("date.month_from_partner")
                elif a.year is None and b.year is not None and {a.kind, b.kind} <= _YEAR_SHARING:
                    a.year = b.year - (a.month > b.month)  # "vom 30.12. bis zum 2.1.2025"
                ra = _resolve(a, ref, out, paras)
                rb = _resolve(b, ref, out, paras)
                if ra is not None and rb is not None:
                    first_end = ra.end or ra.start
                    b_start = rb.start
                    if b_start < first_end:
                        b_start = _after(b, rb, first_end)  # "von Samstag auf Sonntag", "31.12. bis 1.1."
                        rb = _Res(b_start, rb.end, rb.year_known, rb.precision, rb.rules)
                    if b_start < first_end:
                        if kind == "coord" and a.kind == b.kind == "rel" and (first_end - b_start).days == 1:
                            # "gestern und vorgestern": the two days, named latest first
                            out.append(_mention(sent, a, rb, b, ra, ["date.coord_span"]))
                            i += 2
                            continue
                        # else the second day lies before the first: no span
                    elif kind == "range" or (b_start - first_end).days in (0, 1):
                        name = "date.range" if kind == "range" else "date.coord_span"
                        out.append(_mention(sent, a, ra, b, rb, [name]))
                        i += 2
                        continue
            if not a.bare:
                r = _resolve(a, ref, out, paras)
                if r is not None:
                    m = _mention(sent, a, r)
                    out.append(_since(m, ref) if a.link == "since" else m)
            i += 1
    for m in out:
        sent = sentences.get(m.sentence)
        if sent is not None:
            m.reported = _reported(sent, *m.span)
    return out


def resolve(expression: str, ref_date: dt.date | str | None = None) -> DateMention | None:
    """The main date mention of a short expression (its longest), or None: for tables and the bench.

    The expression is taken as one sentence (no segmentation).
    """
    sent = Sentence(0, 0, len(expression), 0, [], expression)
    doc = Document(expression, [Paragraph(0, 0, len(expression), expression, sentences=[sent])])
    mentions = find_dates(doc, ref_date)
    if not mentions:
        return None
    return max(mentions, key=lambda m: (m.span[1] - m.span[0], -m.span[0]))


# ---------------------------------------------------------------------------
# helping the incident extractor

_EVENT_PRECISION = ("day", "inferred")


def _usable(m: DateMention) -> bool:
    return m.precision in _EVENT_PRECISION and m.relation not in ("until", "from") and not m.reported


def dates_for_span(
    mentions: list[DateMention], start: int, end: int, doc: Document | None = None
) -> DateMention | None:
    """The date mention that dates an event whose evidence is ``doc.text[start:end]``.

    Only usable mentions count (day or inferred precision, no "until"/"from",
    not ``reported``). Order of preference:

    1. inside the span: one naming the day over an inferred one, then the first;
    2. (with ``doc``) in a sentence the span touches, the nearest to it;
    3. before ``start`` in the same paragraph, the nearest;
    4. before it in the same section (the paragraphs since the last
       headline, the headline included), the nearest;
    5. for a headline: the first one in the paragraph under it;
    6. else None.
    """
    usable = [m for m in mentions if _usable(m)]
    inside = [m for m in usable if m.span[0] >= start and m.span[1] <= end]
    if inside:
        return min(inside, key=lambda m: (m.precision != "day", m.span[0]))
    before = [m for m in usable if m.span[1] <= start]
    if doc is None:
        return before[-1] if before else None
    touched = {s.index for s in doc.sentences if s.start < max(end, start + 1) and s.end > start}
    near = [m for m in usable if m.sentence in touched]
    if near:
        return min(near, key=lambda m: max(start - m.span[1], m.span[0] - end))
    para = _paragraph_at(doc, start)
    if para is None:
        return None
    same = [m for m in before if m.span[0] >= para.start]
    if same:
        return same[-1]
    if para.headline:
        body = next((p for p in doc.paragraphs[para.index + 1 :]), None)
        if body is None or body.headline:
            return None
        return next((m for m in usable if body.start <= m.span[0] < body.end), None)
    section_start = para.start
    for p in reversed(doc.paragraphs[: para.index]):
        section_start = p.start
        if p.headline:
            break
    sec = [m for m in before if m.span[0] >= section_start]
    return sec[-1] if sec else None


def _paragraph_at(doc: Document, offset: int):
    for p in doc.paragraphs:
        if p.start <= offset < max(p.end, p.start + 1):
            return p
    return None
