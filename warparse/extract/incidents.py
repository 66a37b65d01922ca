"""Incident records: attacks and other events with date, weapons, places,
actor and figures (issue #4).

How a bulletin becomes incidents:

1. The text is read with long quotations blanked out (what a speaker says
   is no report of an event) and datelines ignored.
2. Each sentence is a *unit*, or two when "und außerdem"/"; zudem" joins two
   clauses that each name a weapon or a place ("mit Fliegerbomben drei
   Bezirke von Charkiw getroffen und außerdem die Stadt Tschuhujew mit einem
   Mehrfachraketenwerfer angegriffen" is two events).
3. A unit's cues (``grammar.events``), weapons (``grammar.weapons``) and
   places (``grammar.places``) make it a *trigger* of a strike, ground
   combat, deployment or exchange, a weak trigger (sirens, explosions), or a
   continuation (casualties, damage, tallies, anything else).
4. Units are read in order. A trigger joins the current incident when it
   continues it (same kind, an overlapping weapon class, no connective
   introducing other places or another model, an anaphor "bei dem
   Angriff", a total "insgesamt"), else it opens a new one. Continuations
   join the current incident within its paragraph, or further on when they
   carry a cue (not a power cut: "ohne Strom" far away names no target).
   A strike with no place or day of its own after another event returns to
   the incident before it ("Landesweit hatte Russland 58 Drohnen gestartet");
   one by the other side on other places is its own incident. Two attack
   clauses with their own attacker on other places ("Russland
   griff Sumy an. Am Abend griffen Drohnen Cherson an") are two incidents
   unless a connective ("auch", "ebenfalls") joins them. Headline sections
   separate incidents unless the new section returns to the same places or
   refers back to the attack; a body that names no place or weapon stands
   under its headline's ("Beschuss in Cherson", "Artilleriebeschuss im
   Gebiet X"); a section whose body only tells the effects ("zwei
   Verletzte") takes its event from the headline ("Drohnenangriff auf
   Odessa").
   Shelling with no weapon named ("beschossen") has no weapon: none is
   made up.
5. The date is the first usable date mention of the incident's sentences
   (a day, not a month or week, not the day a statement was made), else
   "in derselben Nacht" the previous incident's, else the nearest before it
   in its paragraph or section, else the bulletin's day for a live-ticker
   item.
6. Figures come from the counts of an incident's units: per weapon kind the
   largest tally (sub-tallies by region do not add up), summed over kinds
   (805 drones and 13 missiles launched -> 818), a total "insgesamt" over
   its class; killed/injured the largest number of people, plus "weitere"
   ones told apart from it unless a total is given. Parts are not
   added: "darunter"/"unter ihnen" (up to ", und"), "elf davon", and an
   enumeration after a dash or colon ("fünf Raketen – drei ... und zwei
   ..."); "weitere" is never a part, and "Eine davon ..." binds only its own
   number. Sea drones add to air drones (their own tally kind).
"""

from __future__ import annotations

import datetime as dt
import itertools
from bisect import bisect_left
from dataclasses import dataclass, field

import regex

from warparse.context import Context
from warparse.grammar import events, places, weapons
from warparse.grammar.places import PlaceMention
from warparse.grammar.weapons import WeaponMention
from warparse.records import Count, Incident, Location, Weapon
from warparse.rules import compile_pattern

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from warparse.grammar.dates import DateMention

STRIKE_CLASSES = ("drone", "missile", "bomb", "artillery", "mlrs")
AIR_CLASSES = ("drone", "missile", "bomb")
WEAPON_OUTCOMES = ("launched", "shot_down", "lost", "left")
WEAPON_CATEGORIES = ("drone", "missile", "bomb")
PERSON_CATEGORIES = ("person", "soldier")
STRIKE_CUES = frozenset({"attack", "launch", "impact", "shootdown"})
CONTINUE_CUES = frozenset(
    {
        "attack",
        "launch",
        "impact",
        "shootdown",
        "weak",
        "ground",
        "deployment",
        "exchange",
        "casualty",
        "damage",
        "anaphor",
        "thereby",
        "all_down",
        "locating",
    }
)
ENEMY = {"Ukraine": "Russia", "Russia": "Ukraine"}
# clauses that report something happening (where "in Kiew" is a place, not the government)
EVENT_CUES = frozenset(
    {"attack", "launch", "impact", "shootdown", "casualty", "damage", "outage", "weak", "ground", "locating"}
)

# Quotations of four words or more are speech, not report; shorter ones are names (»Kinschal«).
_QUOTE = compile_pattern(r"„[^„“”\"\n]*[“”\"]|“[^“”\n]*”|»[^»«\n]*«|«[^«»\n]*»|\"[^\"\n]*\"")
_CLAUSE_SPLIT = compile_pattern(r"(?:,\s*|\s+)und\s+(?=(?:außerdem|zudem)\b)|;\s*(?=(?:außerdem|zudem)\b)")
_ATTACK_VERB = compile_pattern(
    r"\b(?:angegriffen|angreifen|griff|griffen|greift|greifen|attackiert|bombardiert|beschossen|beschoss)\b",
    regex.IGNORECASE,
)
_AGENT_BEFORE = compile_pattern(r"\b(?:von|durch)\s+(?:\p{L}+\s+)?$")
_INSTRUMENT = compile_pattern(r"\bmit(?:hilfe)?\b", regex.IGNORECASE)
_TOTAL_BEFORE = compile_pattern(r"\b(?i:insgesamt|alle|sämtliche)\s+(?:\p{L}+\s+){0,6}$")
# the apposition ends at "sowie" or at ", und" (", darunter zwei Kinder, und 84 weitere verletzt")
_PART_BEFORE = compile_pattern(
    r"\b(?i:darunter|davon|unter\s+(?:ihnen|den|diesen))\b(?:(?!\bsowie\b|,\s*und\b)[^.;:]){0,100}$"
)
# "Eine davon sei explodiert": a postposed "davon" belongs to the number before it, not to what follows
_OWN_DAVON = compile_pattern(
    r"(?i:\b(?:\d+|eine[rsm]?|ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|\p{L}+zig))\s+$"
)
# "84 weitere", "weitere 124 Drohnen": more of the same, no part of the set named before
_MORE = compile_pattern(r"(?i:weitere[nrs]?)\b")
_MORE_BEFORE = compile_pattern(r"\b(?i:weitere[nrs]?)\s+$")
# "Von den fünf Raketen – drei Marschflugkörper und zwei ballistische Raketen –": an enumeration
# of the set right before the dash or colon
# ("sieben Raketen angegriffen: vier Marschflugkörper und drei ballistische": a verb may close the set)
_APPOSITION = compile_pattern(r"(?:\s+\p{Ll}+){0,2}\s*[–—:(]\s*(?:[^.;:–—()]){0,120}$")
_APPOSITION_MARK = compile_pattern(r"[–—:(]")
_FIRST_WORD = compile_pattern(r"\S+")
_PART_AFTER = compile_pattern(r"\s*(?:\p{L}+\s+)?(?i:davon|dieser|von\s+ihnen)\b")
_DAMAGE = compile_pattern(
    r"\b(?:Schäden|Zerstörungen\s+und\s+Schäden|Zerstörungen)\s+(?:an|in)\s+((?:\p{L}+\s+){0,2}?\p{Lu}\p{L}+)"
    r"|\b(?:(?:mehrere|zahlreiche|einige|\d+|zwei|drei|vier|fünf|zehn|Dutzende)\s+)((?:\p{L}+\s+)?\p{Lu}\p{L}+)"
    r"\s+(?:\p{L}+\s+){0,2}(?:wurden\s+)?(?:beschädigt|zerstört)"
    r"|\b(?:wurden|wurde)\s+((?:\p{L}+\s+)?\p{Lu}\p{L}+)\s+(?:\p{L}+\s+){0,4}(?:beschädigt|zerstört)"
)
_QUANTIFIER = compile_pattern(
    r"^(?:(?:ein|eine|einen|einem|einer|der|die|das|den|dem|mehrere|zahlreiche|einige|\d+|zwei|drei|vier"
    r"|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|Dutzende)\s+)+"
)


@dataclass(slots=True)
class Unit:
    """A sentence or clause with what the grammar found in it."""

    start: int
    end: int
    sentence: int
    paragraph: int
    section: int
    cues: set[str]
    weapons: list[WeaponMention]
    places: list[PlaceMention]
    actors: list[tuple[int, str]]
    dates: list[DateMention]
    counts: list[Count]
    trigger: str | None = None
    background: bool = False
    soft: bool = False  # follows a total or habit in its paragraph, with no date of its own: its aftermath
    instrument: bool = False  # "mit ...", "mithilfe von ...": weapons used in ground combat
    attack_verb: bool = False  # "angegriffen", "griff ... an" (not only the noun "Angriff")
    headline: bool = False
    heading: frozenset[str] = frozenset()  # the places (and their oblasts) its section's headline names
    heading_arms: frozenset[str] = frozenset()  # the weapon classes its section's headline names


@dataclass(slots=True)
class Draft:
    """An incident while it is being read."""

    kind: str  # strike, ground, deployment, other
    section: int
    units: list[Unit] = field(default_factory=list)
    triggers: list[Unit] = field(default_factory=list)
    before: list[Unit] = field(default_factory=list)  # earlier clauses of the paragraph: places only
    weapons: list[WeaponMention] = field(default_factory=list)
    weak: bool = False
    rules: list[str] = field(default_factory=list)
    last_paragraph: int = -1

    def classes(self) -> set[str]:
        return {w.cls for w in self.weapons if w.cls in STRIKE_CLASSES}

    def models(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for w in self.weapons:
            if w.kind == "model" and w.name:
                out.setdefault(w.cls, set()).add(w.name)
        return out

    def place_keys(self) -> set[str]:
        """Places and the oblasts they lie in: "Dnipro" and "Gebiet Dnipropetrowsk" overlap."""
        return {
            k
            for u in [*self.units, *self.before]
            for p in u.places
            for k in (p.place.canonical, p.place.area)
        }

    def actor(self) -> str | None:
        for u in [*self.triggers, *self.units]:
            if u.actors:
                return u.actors[0][1]
        return None

    def days(self) -> set[str]:
        return {d for u in self.units for m in u.dates for d in _days(m)}


def _days(m: DateMention) -> set[str]:
    """The days (MM-DD) a date mention spans: every day of a span ("seit Freitag" on a Monday
    holds the Saturday told next), not only its ends."""
    first = {m.date[-5:]}
    if not m.date_end or m.date_end == m.date:
        return first
    try:
        a = dt.date.fromisoformat("2023-" + m.date[-5:])
        b = dt.date.fromisoformat("2023-" + m.date_end[-5:])
    except ValueError:
        return first | {m.date_end[-5:]}
    if b < a:
        b = b.replace(year=2024)
    out = set()
    while a <= b and len(out) < 31:
        out.add(a.strftime("%m-%d"))
        a += dt.timedelta(days=1)
    return out


def _hull(date: str, date_end: str | None, others: list[DateMention]) -> tuple[str, str | None]:
    """The span of the first date widened by the later spans that overlap it: "am Wochenende" and
    "seit Freitag" (on a Monday) of one event are Friday to Monday. Dates apart stay apart."""
    if len(date) != 10 or date.startswith("-"):
        return date, date_end
    try:
        a = dt.date.fromisoformat(date)
        b = dt.date.fromisoformat(date_end) if date_end else a
        for m in others:
            if not m.date_end or m.date_end == m.date or m.date.startswith("-") or m.date_end.startswith("-"):
                continue
            x, y = dt.date.fromisoformat(m.date), dt.date.fromisoformat(m.date_end)
            if x <= b and a <= y and (y - x).days <= 7:
                a, b = min(a, x), max(b, y)
    except ValueError:
        return date, date_end
    return a.isoformat(), (b.isoformat() if b != a else date_end)


def _blank_quotes(text: str) -> str:
    """The text with long quotations replaced by spaces (offsets unchanged)."""
    chars = list(text)
    for m in _QUOTE.finditer(text):
        if len(m.group().split()) >= 4:
            for i in range(m.start(), m.end()):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


class _ByStart:
    """Records by the start of their span: those starting in [a, b), in list order, found by
    bisection when the list is in span order (as the extractors make it), else by a scan."""

    def __init__(self, items: list) -> None:
        self.items = items
        self.starts = [x.span[0] for x in items]  # type: ignore[attr-defined]
        self.ordered = all(p <= q for p, q in itertools.pairwise(self.starts))

    def between(self, a: int, b: int) -> list:
        if self.ordered:
            return self.items[bisect_left(self.starts, a) : bisect_left(self.starts, b)]
        return [x for x, s in zip(self.items, self.starts, strict=True) if a <= s < b]


def _units(ctx: Context, text: str) -> list[Unit]:
    """The units of the text. Headlines mark sections; their units (``headline``) only
    stand in for a section whose body reports an event without naming it."""
    index = (_ByStart(ctx.dates), _ByStart(ctx.counts))
    out: list[Unit] = []
    section = 0
    prev_headline = False
    heading: dict[int, frozenset[str]] = {}
    heading_arms: dict[int, frozenset[str]] = {}
    for para in ctx.doc.paragraphs:
        if para.headline:
            if not prev_headline and para.index > 0:
                section += 1
            prev_headline = True
            unit = _analyse(
                ctx, text, para.start, para.end, para.sentences[0].index, para.index, section, index
            )
            unit.headline = True
            if not unit.background:
                heading[section] = heading.get(section, frozenset()) | {
                    p.place.area for p in unit.places if p.place.kind != "country"
                }
                heading_arms[section] = heading_arms.get(section, frozenset()) | {
                    w.cls for w in unit.weapons if w.cls in STRIKE_CLASSES
                }
            out.append(unit)
            continue
        prev_headline = False
        skip = places.dateline_end(text[para.start : para.end])
        for sent in para.sentences:
            start = max(sent.start, para.start + skip)
            cuts = [start]
            for m in _CLAUSE_SPLIT.finditer(text, start, sent.end):
                cuts.append(m.end())
            cuts.append(sent.end)
            pieces = list(itertools.pairwise(cuts))
            if len(pieces) > 1 and not all(_has_substance(text, a, b) for a, b in pieces):
                pieces = [(start, sent.end)]
            first: Unit | None = None
            for a, b in pieces:
                unit = _analyse(ctx, text, a, b, sent.index, para.index, section, index)
                unit.heading = heading.get(section, frozenset())
                unit.heading_arms = heading_arms.get(section, frozenset())
                if first is not None and not unit.dates:
                    unit.dates = list(first.dates)  # the clauses of a sentence share its date
                first = first or unit
                out.append(unit)
    _mark_background(out)
    return out


def _has_substance(text: str, a: int, b: int) -> bool:
    return bool(weapons.find_weapons(text, a, b) or places.find_places(text, a, b))


def _analyse(
    ctx: Context,
    text: str,
    a: int,
    b: int,
    sentence: int,
    paragraph: int,
    section: int,
    index: tuple[_ByStart, _ByStart] | None = None,
) -> Unit:
    found = [w for w in weapons.find_weapons(text, a, b) if w.kind != "none"]
    cues = events.cues(text, a, b)
    if "alleged" in cues:  # "Berichte über angebliche Drohnenangriffe": no attack the bulletin reports
        cues = (cues - {"alleged", "attack", "shelling"}) | {"irrealis"}
        found = []
    strike = bool(found) and bool(cues & {"attack", "impact"})
    every = places.find_places(text, a, b, strike, bool(cues & EVENT_CUES))
    if index is None:
        index = (_ByStart(ctx.dates), _ByStart(ctx.counts))
    dates, counts = index[0].between(a, b), index[1].between(a, b)
    mentions = [p for p in every if p.excluded is None]
    unit = Unit(
        a,
        b,
        sentence,
        paragraph,
        section,
        cues=cues,
        weapons=found,
        places=mentions,
        actors=_actors(text, a, b, every),
        dates=[d for d in dates if _event_date(d, ctx.ref_date)],
        counts=[c for c in counts if text[c.span[0]] != " "],
    )
    unit.instrument = bool(_INSTRUMENT.search(text, a, b)) or "launch" in cues
    unit.attack_verb = bool(_ATTACK_VERB.search(text, a, b))
    unit.trigger = _trigger(unit) if "irrealis" not in cues or "exchange" in cues else None
    return unit


def _event_date(m: DateMention, ref: dt.date | None) -> bool:
    """Whether a date can be an event's day: not a month ("im Februar 2022") or a long span,
    not long before the bulletin ("seit dem 24. Februar 2022")."""
    if getattr(m, "precision", "day") not in ("day", "inferred") or getattr(m, "reported", False):
        return False  # a week, a month, a period; or the day a statement was made
    if getattr(m, "relation", None) in ("until", "from"):
        return False  # "bis Sonntag stieg die Zahl der Toten"
    try:
        start = dt.date.fromisoformat(m.date) if not m.date.startswith("--") else None
        end = dt.date.fromisoformat(m.date_end) if m.date_end and not m.date_end.startswith("--") else None
    except ValueError:
        return False
    if start and end and (end - start).days > 7:  # a week told day by day ("vom 19. bis 25. Mai") is one
        return False
    return not (start and ref and (ref - start).days > 60)


def _actors(text: str, a: int, b: int, mentions: list[PlaceMention]) -> list[tuple[int, str]]:
    """The attackers a clause names: the agent of a passive ("von russischen Truppen") first;
    not the target ("die Ukraine angegriffen", "die ukrainische Hauptstadt")."""
    targets = [
        m.span
        for m in mentions
        if m.locative or (m.place.kind != "country" and m.excluded not in ("government", "adjective"))
    ]
    found = [(i, x) for i, x in events.actors(text, a, b) if not any(s <= i < e for s, e in targets)]
    agents = [(i, x) for i, x in found if _AGENT_BEFORE.search(text[max(a, i - 20) : i])]
    return agents + [f for f in found if f not in agents]


def _trigger(u: Unit) -> str | None:
    """What kind of event a unit reports, if it reports one."""
    c = u.cues
    arms = [w for w in u.weapons if w.kind != "carrier" or "attack" in c]
    air = [w for w in u.weapons if w.cls in AIR_CLASSES]
    if "exchange" in c and "irrealis" not in c:
        return "other"
    if "ground" in c:
        return "ground"  # "rücken vor; die Stadt wird mit Artillerie beschossen": the battle
    if arms and c & {"attack", "launch", "impact"}:
        return "strike"
    if air and c & {"shootdown", "damage", "casualty"}:
        return "strike"  # "russische Drohnen hatten ein Umspannwerk beschädigt", "durch eine Drohne verletzt"
    if "attack" in c and "ground_ctx" in c and "shelling" not in c:
        return "ground"  # "Truppen griffen Stellungen an"; but "Truppen beschossen Wohnviertel" is shelling
    if "deployment" in c:
        return "deployment"
    if c & {"attack", "impact"} and any(p.locative or p.place.kind != "country" for p in u.places):
        return "strike"
    if u.attack_verb and u.dates and u.actors:
        return "strike"  # "Russland setzte seine Angriffe am Montag fort": a dated attack, place unsaid
    if "weak" in c:
        return "weak"
    return None


def _mark_background(units: list[Unit]) -> None:
    """Totals and habits are background; so is what follows them in the paragraph, until a date."""
    soft = False
    last_paragraph = -1
    for u in units:
        if u.paragraph != last_paragraph:
            soft, last_paragraph = False, u.paragraph
        explicit = "background" in u.cues and not u.dates
        if explicit:
            u.background, soft = True, True
        elif soft and not u.dates and "another" in u.cues:
            u.background = True  # "Dutzende weitere starben in den Gebieten ...": more of the total
        elif soft and not u.dates and not any(p.place.kind != "country" for p in u.places):
            # starts no event, and continues none told in another paragraph ("Über 33.000 Menschen
            # wurden verletzt" after "Seit Kriegsbeginn ...")
            u.trigger, u.soft = None, True
        else:
            soft = False


def _targets(u: Unit) -> set[str]:
    return {p.place.area for p in u.places if p.role == "target" and p.place.kind != "country"}


def _other_side(d: Draft, u: Unit, actor: str) -> bool:
    """Whether clause ``u`` tells the attack of the side the draft's attack hit, on another country:
    after drones over Belgorod and Kursk, "Russland habe die Ukraine ... angegriffen"."""
    named = {p.place.canonical for p in u.places if p.place.kind == "country"} - {actor}
    hit = {
        p.place.country
        for x in [*d.units, *d.before]
        for p in x.places
        if p.place.kind != "country" and p.role == "target"
    }
    return bool(named) and actor in hit


def _target_side(d: Draft) -> str | None:
    """The attacker a draft implies when it names none: the enemy of the one country its targets
    lie in (Kyiv struck: Russia)."""
    countries = {
        p.place.country
        for x in [*d.units, *d.before]
        for p in x.places
        if p.role == "target" and p.place.kind != "country" and p.excluded is None and p.place.country
    }
    if len(countries) == 1:
        return ENEMY.get(next(iter(countries)))
    return None


def _named(d: Draft) -> bool:
    """Whether the draft names a place below a country: only then can a new section's headline place
    ("Beschuss in Cherson") be another place than the draft's."""
    return any(p.place.kind != "country" for u in [*d.units, *d.before] for p in u.places)


def _continues(d: Draft, u: Unit, trig: str) -> str | None:
    """The rule name when trigger ``u`` continues draft ``d``, else None."""
    new_section = u.section != d.section
    if d.kind != trig and not (d.weak and trig == "strike"):
        return None
    if trig == "strike":
        actor, their_actor, targets = (u.actors[0][1] if u.actors else None), d.actor(), _targets(u)
        their_actor = their_actor or _target_side(d)  # nobody named: the other side of where it struck
        if actor and their_actor and actor != their_actor and targets and not targets & d.place_keys():
            return None  # "In Belgorod wurde ein Mann durch eine ukrainische Drohne verletzt": the other side
        if actor and _other_side(d, u, actor):
            return None  # after drones over Kursk, "Russland habe die Ukraine angegriffen": the other side
        if u.cues & {"anaphor", "summary"}:
            days, their_days = {x for m in u.dates for x in _days(m)}, d.days()
            if "anaphor" in u.cues or not (days and their_days and not days & their_days):
                return "incident.merge.anaphor"
            return None  # "insgesamt 49 Drohnen" the night after the shelling told before: its own tally
        mine = {w.cls for w in u.weapons if w.cls in STRIKE_CLASSES}
        if not mine and new_section:
            mine = set(u.heading_arms)  # "Artilleriebeschuss im Gebiet X" over "412 Angriffe auf ..."
        theirs = d.classes()
        if "mlrs" in theirs and all(w.name is None for w in u.weapons if w.cls == "missile"):
            mine = {"mlrs" if c == "missile" else c for c in mine}  # a launcher's "Raketen"
        family = {"mlrs": "artillery"}  # guns and rocket launchers: one shelling
        if mine and theirs and not {family.get(c, c) for c in mine} & {family.get(c, c) for c in theirs}:
            return None
        days, their_days = {x for m in u.dates for x in _days(m)}, d.days()
        if days and their_days and not days & their_days:
            return None
        targets = _targets(u) or (set(u.heading) if new_section and _named(d) else set())
        disjoint = bool(targets) and not targets & d.place_keys()
        if u.cues & {"another", "same_time"} and disjoint:
            return None  # "am selben Tag ... auch die Region Cherson", "eine weitere Drohne über Twer"
        if (
            disjoint
            and u.attack_verb
            and u.actors
            and not u.cues & {"split", "summary"}
            and any(t.attack_verb and _targets(t) for t in d.triggers)
        ):
            return None  # "Russland griff Sumy an. Am Abend griffen Drohnen Cherson an": two attacks
        if u.cues & {"split", "another", "same_time"}:
            models = d.models()
            for w in u.weapons:
                if w.kind == "model" and models.get(w.cls) and w.name not in models[w.cls]:
                    return None
        if new_section and disjoint:
            return None  # a new section on other places is another attack
        return "incident.merge.strike"
    if trig == "ground":
        keys = {p.place.area for p in u.places}
        keys = keys or (set(u.heading) if new_section and _named(d) else set())
        disjoint = bool(keys) and not keys & d.place_keys()
        actor = u.actors[0][1] if u.actors else None
        if disjoint and actor and d.actor() and actor != d.actor():
            return None
        if disjoint and (new_section or u.cues & {"split", "another", "same_time"}):
            return None
        days, their_days = {x for m in u.dates for x in _days(m)}, d.days()
        if days and their_days and not days & their_days:
            return None
        return "incident.merge.ground"
    if trig == "deployment":
        return "incident.merge.deployment"
    return "incident.merge.other"


def _attach(d: Draft, u: Unit, trigger: bool) -> None:
    d.units.append(u)
    d.last_paragraph = u.paragraph
    if trigger:
        d.triggers.append(u)
    if d.kind == "strike":
        strike = bool(u.cues & STRIKE_CUES)
        for w in u.weapons:
            if strike or w.cls in d.classes() or w.kind == "carrier":
                d.weapons.append(w)
    elif d.kind == "ground" and (trigger or "thereby" in u.cues) and u.instrument:
        d.weapons.extend(u.weapons)  # "mithilfe von Luftwaffe und Artillerie", "setzten Kampfflugzeuge ein"


def _segment(units: list[Unit]) -> list[Draft]:
    drafts: list[Draft] = []
    current: Draft | None = None
    pending: list[Unit] = []  # clauses of this paragraph that no incident took yet
    last_paragraph = -1
    sentence_first: dict[int, Draft] = {}
    headlines: dict[int, Unit] = {}
    for u in units:
        if u.headline:
            if u.trigger not in (None, "weak") and not u.background:
                headlines.setdefault(u.section, u)
            continue
        if u.paragraph != last_paragraph:
            pending, last_paragraph = [], u.paragraph
        if u.background:
            continue
        trig = u.trigger
        if trig == "weak":
            elsewhere = (
                current is not None
                and u.paragraph != current.last_paragraph
                and bool(_targets(u))
                and not _targets(u) & current.place_keys()
            )  # "Luftalarm im Hafen Tschornomorsk" in a paragraph of its own: not the strike told before
            if current is None or current.section != u.section or elsewhere:
                current = Draft("strike", u.section, weak=True, rules=["incident.weak_start"])
                drafts.append(current)
                current.before.extend(pending)
                pending = []
            _attach(current, u, True)
            continue
        headline = headlines.get(u.section)
        if (
            trig is None
            and headline is not None
            and (current is None or current.section != u.section)
            and u.cues & CONTINUE_CUES
            and (current is None or _continues(current, headline, headline.trigger or "") is None)
        ):
            # the body tells what the attack did, the headline what the attack was
            current = Draft(headline.trigger or "strike", u.section, rules=["incident.from_headline"])
            drafts.append(current)
            current.before.extend(pending)
            pending = []
            _attach(current, headline, True)
            _attach(current, u, False)
            continue
        if trig is None:
            if u.soft and (current is None or current.last_paragraph != u.paragraph):
                continue  # after "Seit Kriegsbeginn ...": no figure of an event told in another paragraph
            if current is not None and (
                u.paragraph == current.last_paragraph or u.cues & CONTINUE_CUES or u.weapons
            ):
                _attach(current, u, False)
            else:
                pending.append(u)
            continue
        rule = _continues(current, u, trig) if current is not None else None
        if rule is None and current is not None and "thereby" in u.cues and trig != current.kind:
            # "Die Russen setzten dabei Kampfflugzeuge ein": more about the event being told
            current.rules.append("incident.merge.anaphor")
            _attach(current, u, True)
            continue
        if rule is None and current is not None:
            earlier = _resumed(drafts, current, u, trig)
            if earlier is not None:
                # "Landesweit hatte Russland 58 Drohnen gestartet" after a shelling told in between
                current = earlier
                rule = "incident.merge.resumed"
        if rule is not None and current is not None:
            if trig != "strike" or not current.weak:
                current.rules.append(rule)
            current.weak = current.weak and not (trig == "strike" and u.weapons)
            _attach(current, u, True)
        else:
            current = Draft(trig, u.section, rules=[f"incident.{trig}"])
            drafts.append(current)
            current.before.extend(pending)
            pending = []
            _attach(current, u, True)
        first = sentence_first.setdefault(u.sentence, current)
        if first is not current:
            # a clause split off a sentence: what follows continues the sentence's main event
            current.rules.append("incident.split.clause")
            current = first
    return drafts


def _resumed(drafts: list[Draft], current: Draft, u: Unit, trig: str) -> Draft | None:
    """The incident before the current one that a strike continues, when the strike names no place
    and no day of its own (a national tally after another event told in between)."""
    if trig != "strike" or u.dates or _targets(u) or u.cues & {"another", "same_time"}:
        return None
    at = next((k for k in range(len(drafts) - 1, -1, -1) if drafts[k] is current), 0)
    for d in reversed(drafts[:at]):
        if d.kind == trig:
            return d if d.section == u.section and not d.weak and _continues(d, u, trig) else None
    return None


def _substance(u: Unit) -> bool:
    """Whether a trigger says enough to open an incident: a place ("dort" too), a weapon, a
    figure or a date. "hatte zu der Offensive erklärt" does not."""
    places = any(p.locative or p.place.kind != "country" for p in u.places)
    return bool(places or u.weapons or u.counts or u.dates or "place_ref" in u.cues)


def _only_arms(u: Unit) -> bool:
    """Whether weapons are all a clause says of an event (no place, day or figure)."""
    return not (u.places or u.counts or u.dates or "place_ref" in u.cues)


def _keep(d: Draft) -> bool:
    if not any(_substance(u) for u in [*d.units, *d.before]):
        return False
    if d.kind == "strike" and not any(_substance(u) and not _only_arms(u) for u in [*d.units, *d.before]):
        return False  # "Die meisten Opfer gingen auf Drohnenangriffe zurück": no place, day or figure
    if d.weak:
        return bool(d.weapons) or any(c.outcome in ("killed", "injured") for u in d.units for c in u.counts)
    return True


# ---------------------------------------------------------------- building


def _event(d: Draft) -> str:
    if d.kind == "ground":
        return "ground_combat"
    if d.kind == "deployment":
        return "deployment"
    if d.kind == "other":
        return "other"
    classes = {w.cls for w in _weapons(d)}
    if classes & {"artillery", "mlrs"} and not classes & {"missile", "bomb"}:
        return "shelling"  # guns and rockets, with or without the drones that accompany them
    if classes & {"drone", "missile", "bomb", "aircraft"}:
        return "air_attack"
    if any("shelling" in u.cues for u in d.triggers):
        return "shelling"
    return "air_attack"


def _weapons(d: Draft) -> list[Weapon]:
    found = [w for w in d.weapons if w.kind != "carrier"]
    if d.kind == "ground" or not any(w.cls in AIR_CLASSES for w in found):
        found += [w for w in d.weapons if w.kind == "carrier"]
    if any(w.cls == "mlrs" for w in found):
        found = [w for w in found if not (w.cls == "missile" and w.name is None)]
    named = {(w.cls, w.name) for w in found if w.name}
    out: list[Weapon] = []
    seen = set()
    for w in found:
        cls = "aircraft" if w.kind == "carrier" else w.cls
        key = (cls, w.name)
        if not w.name and any(c == cls for c, _ in named):
            continue
        if key in seen:
            continue
        seen.add(key)
        out.append(Weapon(cls, w.name))
    return out


def _locations(d: Draft, heads: dict[int, list[Unit]] | None = None) -> list[Location]:
    mentions = [p for u in [*d.before, *d.units] for p in u.places]
    non_country = [p for p in mentions if p.place.kind != "country"]
    # the body says "dort" or nothing: the place is the one its section's headline names ("Beschuss in
    # Cherson"); not when the body names a country it happened in ("in Teilen der Ukraine")
    heading = [p for h in (heads or {}).get(d.section, []) for p in h.places if p.place.kind != "country"]
    if not non_country and heading and not any(p.locative for p in mentions):
        non_country = heading
        d.rules.append("incident.place.headline")
    if non_country:
        chosen = non_country
    else:
        # a country only when no other place is named: the one the event is in ("in der Ukraine",
        # "die Ukraine angegriffen"), else one that is not the attacker ("Kiew hat Russland ... angegriffen")
        actor = d.actor()
        chosen = [p for p in mentions if p.locative][:1] or [
            p
            for u in d.triggers
            for p in u.places
            if d.kind == "strike" and actor and p.place.canonical != actor
        ][:1]
    out: list[Location] = []
    seen: dict[str, Location] = {}
    for p in chosen:
        key = p.place.canonical
        if key in seen:
            if seen[key].role != "target" and p.role == "target":
                seen[key].role = "target"
            continue
        loc = Location(p.name, key, p.place.kind, p.role, p.place.iso, p.place.lat, p.place.lon)
        seen[key] = loc
        out.append(loc)
    return out


def _actor(d: Draft, locations: list[Location]) -> str | None:
    actor = d.actor()
    if actor:
        return actor
    from warparse.grammar.places import lookup

    for loc in locations:
        if loc.role == "target":
            entries = [p for p in lookup(loc.name) if p.canonical == loc.canonical] or lookup(loc.name)
            if entries and entries[0].country in ENEMY:
                return ENEMY[entries[0].country]
    return None


def _is_part(text: str, c: Count, by_id: dict[str, Count]) -> bool:
    """A subset of another count of the same thing ("darunter zwei ballistische", "elf davon");
    "14 der 17 Drohnen abgeschossen" is a part too, but of the launched ones: a figure of its own."""
    parent = by_id.get(c.part_of) if c.part_of else None
    if parent is not None:
        return parent.outcome == c.outcome  # "zwei davon abgefangen": of the launched, a figure
    number = _FIRST_WORD.match(text, c.span[0])  # "elf davon": right after the number
    after = number.end() if number else c.span[1]
    if _PART_AFTER.match(text, after) or _PART_AFTER.match(text, c.span[1]):
        return True
    if _MORE.match(text, after + 1) or _MORE_BEFORE.search(text, max(0, c.span[0] - 12), c.span[0]):
        return False
    dash = _APPOSITION_MARK.search(text, max(0, c.span[0] - 130), c.span[0]) is not None
    for p in by_id.values() if dash else ():
        if (
            0 <= c.span[0] - p.span[1] <= 130
            and p.category == c.category
            and p.outcome == c.outcome
            and _APPOSITION.fullmatch(text, p.span[1], c.span[0])
        ):
            return True  # "fünf Raketen – drei Marschflugkörper und zwei ballistische Raketen"
    offset = max(0, c.span[0] - 110)
    marker = _PART_BEFORE.search(text[offset : c.span[0]])
    if marker is None:
        return False
    own = _OWN_DAVON.search(text, offset, offset + marker.start())
    if own and marker.group().lower().startswith("davon"):
        return False  # "Eine davon explodierte, zwei Arbeiter wurden verletzt"
    # the set the marker refers to: "Unter den 44 Raketen waren ...", "76 Drohnen, darunter ...";
    # a count of another kind after it ("..., und fünf Raketen") is no part of it
    at = offset + marker.start()
    if c.category in WEAPON_CATEGORIES and marker.group().lower().startswith("davon"):
        # "120 Drohnen eingesetzt. Davon seien 95 abgefangen worden": of the launched, a figure of its own
        sets = [p for p in by_id.values() if p.category == c.category and 0 <= at - p.span[1] <= 200]
        if sets and max(sets, key=lambda p: p.span[1]).outcome != c.outcome:
            return False
    head = weapons.find_weapons(text, at, c.span[0])[:1] if marker.group().lower().startswith("unter") else []
    head = head or weapons.find_weapons(text, max(0, at - 80), at)[-1:]
    return not head or c.category in (head[0].cls, "person", "child", "soldier")


def _more(text: str, c: Count) -> bool:
    """ "weitere fünf Menschen", "fünf weitere": more of the same, not the same ones again."""
    number = _FIRST_WORD.match(text, c.span[0])
    after = number.end() if number else c.span[1]
    return bool(_MORE.match(text, after + 1) or _MORE_BEFORE.search(text, max(0, c.span[0] - 12), c.span[0]))


def _is_total(text: str, c: Count) -> bool:
    return bool(_TOTAL_BEFORE.search(text[max(0, c.span[0] - 80) : c.span[0]]))


def _figures(
    d: Draft, text: str, extra: list[Count], by_id: dict[str, Count]
) -> tuple[dict[str, int], list[str]]:
    counts = [c for u in d.units for c in u.counts]
    used: list[str] = []
    figures: dict[str, int] = {}
    for outcome in WEAPON_OUTCOMES:
        by_class: dict[str, list[Count]] = {}
        for c in counts:
            if c.outcome == outcome and c.category in WEAPON_CATEGORIES and not _is_part(text, c, by_id):
                by_class.setdefault(c.category, []).append(c)
        total = 0
        for group in by_class.values():
            totals = [c for c in group if _TOTAL_BEFORE.search(text[max(0, c.span[0] - 80) : c.span[0]])]
            if totals:
                best = max(totals, key=lambda c: c.value)
                total += int(best.value)
                used.append(best.id)
                d.rules.append("figures.total")
                continue
            subs: dict[str, Count] = {}
            for c in group:
                sub = weapons.sub_of(c.item, c.category)
                if sub not in subs or c.value > subs[sub].value:
                    subs[sub] = c
            total += int(sum(c.value for c in subs.values()))
            used.extend(c.id for c in subs.values())
            if len(subs) > 1:
                d.rules.append("figures.sum_weapons")
        if by_class:
            figures[outcome] = total
            if len(by_class) > 1:
                d.rules.append("figures.sum_weapons")
    for key, outcome, cats in (
        ("killed", "killed", PERSON_CATEGORIES),
        ("injured", "injured", PERSON_CATEGORIES),
        ("children_killed", "killed", ("child",)),
        ("children_injured", "injured", ("child",)),
    ):
        group = [c for c in counts if c.outcome == outcome and c.category in cats]
        if key in ("killed", "injured"):
            group = [c for c in group if not _is_part(text, c, by_id)]
        if group:
            best = max(group, key=lambda c: c.value)
            # "drei Menschen verletzt ... in Charkiw weitere fünf": more people, added to the largest
            more = [c for c in group if _more(text, c)] if key in ("killed", "injured") else []
            base = [c for c in group if c not in more]
            if more and base and not any(_is_total(text, c) for c in group):
                best = max(base, key=lambda c: c.value)
                figures[key] = int(best.value + sum(c.value for c in more))
                used.extend([best.id, *(c.id for c in more)])
                d.rules.append("figures.more")
                continue
            figures[key] = int(best.value)
            used.append(best.id)
    if "shot_down" not in figures and "launched" in figures and any("all_down" in u.cues for u in d.units):
        figures["shot_down"] = figures["launched"]
        d.rules.append("figures.all_shot_down")
    # the section's headline fills in what the body does not say
    if extra:
        sub = Draft(d.kind, d.section, units=[Unit(0, 0, -1, -1, d.section, set(), [], [], [], [], extra)])
        more, more_used = _figures(sub, text, [], by_id)
        for k, v in more.items():
            if k not in figures:
                figures[k] = v
                used.extend(more_used)
                d.rules.append("figures.headline")
    return figures, list(dict.fromkeys(used))


def _damage(d: Draft, text: str) -> list[str]:
    out: list[str] = []
    for u in d.units:
        if "damage" not in u.cues:
            continue
        for m in _DAMAGE.finditer(text, u.start, u.end):
            phrase = _QUANTIFIER.sub("", (m.group(1) or m.group(2) or m.group(3) or "").strip())
            if phrase and phrase not in out:
                out.append(phrase)
    return out


def _headline_counts(ctx: Context, section: int) -> list[Count]:
    sec = 0
    prev_headline = False
    out: list[Count] = []
    for para in ctx.doc.paragraphs:
        if para.headline:
            if not prev_headline and para.index > 0:
                sec += 1
            prev_headline = True
            if sec == section and "background" not in events.cues(ctx.text, para.start, para.end):
                out.extend(c for c in ctx.counts if para.start <= c.span[0] < para.end)
        else:
            prev_headline = False
    return out


_TICKER = compile_pattern(r"^\s*(?:\+{2,}\s*)?\d{1,2}[:.]\d{2}\b")


def _date_before(ctx: Context, d: Draft) -> DateMention | None:
    """The date the text gives just before the event, in its paragraph or section (the date
    grammar's ``dates_for_span``), when the event's own sentences give none."""
    from warparse.grammar import dates as date_grammar

    finder = getattr(date_grammar, "dates_for_span", None)
    if finder is None or not d.triggers:
        return None
    first = d.triggers[0]
    found = finder(ctx.dates, first.start, first.end, ctx.doc)
    return found if found is not None and _event_date(found, ctx.ref_date) else None


def _quoted_districts(ctx: Context, drafts: list[Draft]) -> dict[int, list[PlaceMention]]:
    """Parts of a city that an official's quotation names as hit ("Die meisten Opfer gab es im
    Stadtteil Swjatoschyn", «Getroffen wurden Wohnhäuser im Bezirk Kyjiwskyj»), by the draft
    whose paragraphs hold the quotation (or one between or right after them in which no other
    event is told). Quotations are no report of an event, but a district is no figure of speech."""
    owner: dict[int, Draft] = {}
    for d in drafts:
        for u in d.units:
            owner.setdefault(u.paragraph, d)
    for d in drafts:
        told = [u.paragraph for u in d.units]
        for k in range(min(told), max(told) + 2):
            owner.setdefault(k, d)
    out: dict[int, list[PlaceMention]] = {}
    paragraphs = ctx.doc.paragraphs
    for m in _QUOTE.finditer(ctx.text):
        if len(m.group().split()) < 4:
            continue
        para = next((p for p in paragraphs if p.start <= m.start() < p.end), None)
        d = owner.get(para.index) if para is not None else None
        if d is None:
            continue
        for p in places.find_places(ctx.text, m.start(), m.end()):
            if p.excluded is None and p.place.kind == "district" and (
                not p.place.oblast or p.place.oblast in d.place_keys()
            ):
                out.setdefault(id(d), []).append(p)
    return out


def _ticker_item(ctx: Context, d: Draft) -> bool:
    """Whether the event stands under a live-ticker headline ("+++ 19:35 ..."): an item of the day."""
    first = d.triggers[0] if d.triggers else d.units[0]
    heads = [p for p in ctx.doc.paragraphs if p.headline and p.start <= first.start]
    return bool(heads) and bool(_TICKER.match(heads[-1].text))


def extract(ctx: Context) -> list[Incident]:
    text = _blank_quotes(ctx.text)
    units = _units(ctx, text)
    drafts = [d for d in _segment(units) if _keep(d)]
    heads: dict[int, list[Unit]] = {}
    for u in units:
        if u.headline and not u.background:
            heads.setdefault(u.section, []).append(u)
    out: list[Incident] = []
    by_id = {c.id: c for c in ctx.counts}
    quoted = _quoted_districts(ctx, drafts)
    sections_done: set[int] = set()
    previous: Incident | None = None
    for d in drafts:
        extra = _headline_counts(ctx, d.section) if d.section not in sections_done else []
        sections_done.add(d.section)
        figures, used = _figures(d, text, extra, by_id)
        locations = _locations(d, heads)
        for p in quoted.get(id(d), []):
            if all(loc.canonical != p.place.canonical for loc in locations):
                locations.append(Location(p.name, p.place.canonical, p.place.kind, "target"))
        dates = [m for u in d.units for m in u.dates]
        rules = list(dict.fromkeys(d.rules))
        date = date_end = tod = None
        if dates:
            first = dates[0]
            date, date_end, tod = first.date, first.date_end, first.time_of_day
            rules.extend(r for r in first.rules if r not in rules)
            date, date_end = _hull(date, date_end, dates[1:])
        elif previous is not None and any("same_time" in u.cues for u in d.triggers):
            date, date_end, tod = previous.date, previous.date_end, previous.time_of_day
            rules.append("incident.date.same_time")
        elif (near := _date_before(ctx, d)) is not None:
            date, date_end, tod = near.date, near.date_end, near.time_of_day
            rules.append("incident.date.context")
        elif ctx.ref_date is not None and _ticker_item(ctx, d):
            date = ctx.ref_date.isoformat()
            rules.append("incident.date.ticker")
        start = min(u.start for u in d.units)
        end = max(u.end for u in d.units)
        inc = Incident(
            (start, end),
            rules=rules,
            id=f"i{len(out) + 1}",
            event=_event(d),
            date=date,
            date_end=date_end if date_end != date else None,
            time_of_day=tod,
            actor=_actor(d, locations),
            weapons=_weapons(d) if d.kind in ("strike", "ground") else [],
            locations=locations,
            damage=_damage(d, text),
            counts=used,
            text=ctx.text[d.triggers[0].start : d.triggers[0].end] if d.triggers else "",
        )
        for k, v in figures.items():
            setattr(inc, k, v)
        out.append(inc)
        previous = inc
    return out
