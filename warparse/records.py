"""The record model: what ``warparse parse`` emits, one JSON object a line.

The scored fields follow the contract (``docs/records.md`` in this repo and
the JSON Schema in ``warparse/schema``); extra fields are additions only.
``SCHEMA_VERSION`` changes when a field changes meaning or type.

Every record carries ``rules``: the names of the grammar rules that built
it. It is emitted only with ``--explain``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from typing import Any

SCHEMA_VERSION = "1.0"

CATEGORIES = (
    "drone",
    "missile",
    "bomb",
    "artillery",
    "aircraft",
    "vehicle",
    "person",
    "child",
    "soldier",
    "building",
    "settlement",
    "attack",
    "other",
)
OUTCOMES = (
    "launched",
    "shot_down",
    "lost",
    "left",
    "hit",
    "killed",
    "injured",
    "casualties",
    "rescued",
    "evacuated",
    "returned",
    "damaged",
    "destroyed",
    "captured",
    "none",
)
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "up_to", "less_than")
EVENTS = ("air_attack", "shelling", "ground_combat", "deployment", "other")
WEAPON_CLASSES = ("drone", "missile", "bomb", "artillery", "aircraft", "mlrs")
TIMES_OF_DAY = ("night", "morning", "day", "afternoon", "evening")
FIGURE_KEYS = (
    "launched",
    "shot_down",
    "lost",
    "left",
    "killed",
    "injured",
    "children_killed",
    "children_injured",
)


@dataclass(slots=True)
class Record:
    """Fields every record has. ``span`` is [start, end) in code points."""

    span: tuple[int, int]
    rules: list[str] = field(default_factory=list)
    id: str = ""

    type = "record"  # class attribute, overridden by each record type

    def to_dict(self, doc: str, explain: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "doc": doc,
            "id": self.id,
            "span": [self.span[0], self.span[1]],
        }
        for f in fields(self):
            if f.name in ("span", "rules", "id"):
                continue
            value = getattr(self, f.name)
            if value is None and f.name not in _KEEP_NULL:
                continue
            if isinstance(value, list) and not value and f.name not in _KEEP_EMPTY:
                continue
            out[f.name] = value
        if explain:
            out["rules"] = list(self.rules)
        return out


_KEEP_NULL = frozenset({"date"})  # the contract says: null when the text gives none
_KEEP_EMPTY = frozenset({"weapons", "locations"})


@dataclass(slots=True)
class Count(Record):
    """A number of things: "66 feindliche Drohnen abgeschossen"."""

    value: float = 0
    item: str = ""
    category: str = "other"
    outcome: str = "none"
    qualifier: str = "exact"
    value_max: float | None = None
    part_of: str | None = None  # id of the count this one is a subset of
    text: str = ""  # the evidence: the number and the counted noun as written
    sentence: int | None = None

    type = "count"


@dataclass(slots=True)
class Weapon:
    """A weapon of an incident: its class (drone, missile, ...) and the model, where named."""

    cls: str
    name: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"class": self.cls}
        if self.name:
            out["name"] = self.name
        return out


@dataclass(slots=True)
class Location:
    """A place of an incident: as written, its canonical English name, kind and role."""

    name: str  # as written
    canonical: str
    kind: str
    role: str = "target"  # target, origin, transit
    iso: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"name": self.name, "canonical": self.canonical, "kind": self.kind, "role": self.role}
        if self.iso:
            out["iso"] = self.iso
        if self.lat is not None and self.lon is not None:
            out["lat"], out["lon"] = self.lat, self.lon
        return out


@dataclass(slots=True)
class Incident(Record):
    """One attack, strike, shelling, battle or deployment."""

    event: str = "other"
    date: str | None = None
    date_end: str | None = None
    time_of_day: str | None = None
    actor: str | None = None
    weapons: list[Weapon] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    launched: int | None = None
    shot_down: int | None = None
    lost: int | None = None
    left: int | None = None
    killed: int | None = None
    injured: int | None = None
    children_killed: int | None = None
    children_injured: int | None = None
    damage: list[str] = field(default_factory=list)
    counts: list[str] = field(default_factory=list)  # ids of the counts it draws on
    text: str = ""

    type = "incident"

    def to_dict(self, doc: str, explain: bool = False) -> dict[str, Any]:
        out = Record.to_dict(self, doc, explain)
        out["weapons"] = [w.to_json() for w in self.weapons]
        out["locations"] = [loc.to_json() for loc in self.locations]
        return out


@dataclass(slots=True)
class Quote(Record):
    """Direct or indirect speech and who said it."""

    text: str = ""
    kind: str = "direct"  # direct, indirect
    speaker: str | None = None
    role: str | None = None
    verb: str | None = None

    type = "quote"


@dataclass(slots=True)
class Error(Record):
    """An input that could not be (fully) parsed, with ``--errors-as-records``."""

    message: str = ""
    line: int | None = None

    type = "error"
