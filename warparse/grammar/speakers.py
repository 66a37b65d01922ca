"""Speakers: who a name, role noun, organisation or pronoun refers to.

A document is scanned once for its people ("NATO-Generalsekretär Mark
Rutte", "Dmytro Lubinez, Menschenrechtsbeauftragter", "der Chef der
Kiewer Militärverwaltung, Tymur Tkatschenko,") and organisations ("nach
Angaben des ukrainischen Generalstabs"). A speaker phrase in an attribution
("so der Generalsekretär", "sagte Rutte", "teilte das Militär mit", "er")
is then resolved against them: a surname to the full name given anywhere,
a role noun to the latest person with that role, a generic organisation
("das Ministerium", "die Behörde") to the latest organisation of its class,
a pronoun to the latest compatible speaker or person.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from warparse.lexicons import table, word_list, word_set
from warparse.rules import compile_pattern

# -- noun phrases -----------------------------------------------------------
_DET = r"(?:[Dd](?:er|ie|as|es|em|en)|[Ee]in(?:e[rsmn]?)?)"
_ADJ = r"(?:\p{Ll}[\p{L}\-]*(?:e|en|er|es|em))"
_CAPW = r"(?:\p{Lu}[\p{L}\p{M}'’\-]*\p{L}|\p{Lu}[.'’](?=\s+\p{Lu})|\p{Lu}{2,})"
_NAMEPART = rf"(?:{_CAPW}|(?:al|el|ad|as|bin)-{_CAPW})"
_PARTICLE = r"(?:von|van|der|den|de|da|di|del|dos|du|al|el|bin|ibn|ben|zu|le|la|y)"
_NAMES = rf"{_NAMEPART}(?:\s+(?:{_PARTICLE}\s+)?{_NAMEPART}){{0,5}}"
_GEN = rf"(?:\s+(?:der|des)\s+(?:{_ADJ}\s+){{0,2}}{_NAMES})"
_APPOS = rf"(?:,\s+{_NAMEPART}(?:\s+{_NAMEPART}){{1,3}}(?=\s*[,.;]|\s*$))"
NP = rf"(?:(?:{_DET}\s+)?(?:{_ADJ}\s+){{0,3}}{_NAMES}{_GEN}?{_APPOS}?|(?:[Ee]r|[Ss]ie)\b)"
NP_RE = compile_pattern(NP, regex.VERSION1)

_WORD_RE = compile_pattern(r"[\p{L}\p{M}'’\-]+")
_DETS = frozenset("der die das des dem den ein eine einer eines einem einen".split())
_ADJ_END = compile_pattern(r"(?:en|em|er|es|e)$")
_STRONG = {"m": "er", "f": "e", "n": "es", "pl": "e"}


@dataclass(slots=True)
class Speaker:
    """A resolved speaker: ``name`` as output, ``kind`` person/org/other."""

    name: str
    kind: str = "person"
    role: str | None = None
    gender: str | None = None  # m, f, n, pl or None when unknown


@dataclass(slots=True)
class Mention:
    start: int
    speaker: Speaker
    quoted: bool = False  # inside direct speech: not an antecedent for pronouns


@dataclass(slots=True)
class Registry:
    """The people and organisations of one document, with where they are mentioned."""

    people: dict[str, Speaker] = field(default_factory=dict)  # surname (lower) -> person
    mentions: list[Mention] = field(default_factory=list)


# -- lexicons ---------------------------------------------------------------
@cache
def _roles() -> tuple[tuple[str, str], ...]:
    """(head, canonical head of its synonym line), longest heads first."""
    pairs = []
    for line in word_list("roles"):
        heads = line.split()
        pairs += [(h, heads[0]) for h in heads]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@cache
def _orgs() -> tuple[dict[str, str], ...]:
    return tuple(sorted(table("organisations"), key=lambda r: -len(r["suffix"])))


@cache
def _outlets() -> frozenset[str]:
    return word_set("outlets")


@cache
def _outlet_re() -> regex.Pattern[str]:
    names = sorted(_outlets(), key=lambda n: (-len(n), n))
    return compile_pattern(r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\w)")


@cache
def _openers() -> frozenset[str]:
    return word_set("clause_openers")


@lru_cache(maxsize=1 << 14)  # every token of a document asks (perf, issue #7)
def _variants(word: str) -> tuple[str, ...]:
    """The word and its forms without a case ending (genitive -s/-es, dative -n/-en)."""
    w = word.lower()
    out = [w]
    for end in ("s", "es", "n", "en"):
        if w.endswith(end) and len(w) > len(end) + 2:
            out.append(w[: -len(end)])
    return tuple(out)


@cache
def _role_by_head() -> dict[str, str]:
    """head -> canonical head, the first of ``_roles()`` for each head."""
    out: dict[str, str] = {}
    for head, canon in _roles():
        out.setdefault(head, canon)
    return out


@cache
def _org_by_suffix() -> dict[str, dict[str, str]]:
    """suffix -> the first row of ``_orgs()`` with it."""
    out: dict[str, dict[str, str]] = {}
    for row in _orgs():
        out.setdefault(row["suffix"], row)
    return out


def _longest_suffix(w: str, table: dict[str, object]) -> str | None:
    """The longest suffix of ``w`` that is a key of ``table`` (what the first hit in a list
    sorted longest first is; a lookup per suffix instead of a test per entry)."""
    for cut in range(len(w) + 1):
        if w[cut:] in table:
            return w[cut:]
    return None


@cache
def role_head(word: str) -> str | None:
    """The canonical role head of a role noun ("Pentagon-Sprecherin" -> "sprecher")."""
    if not word[:1].isupper():
        return None
    heads = _role_by_head()
    for w in _variants(word):
        head = _longest_suffix(w, heads)
        if head is not None:
            return heads[head]
    return None


def _role_female(word: str) -> bool:
    """Feminine role nouns end in -in ("Sprecherin") or -frau ("Ombudsfrau")."""
    return word.lower().endswith(("in", "frau"))


@cache
def org_row(word: str) -> tuple[dict[str, str], str, bool] | None:
    """(row, lemma, generic) of an organisation noun ("Verteidigungsministeriums")."""
    if not word[:1].isupper():
        return None
    rows = _org_by_suffix()
    for w in _variants(word):
        suffix = _longest_suffix(w, rows)
        if suffix is not None:
            row = rows[suffix]
            lemma = word[: len(w)] if w != word.lower() else word
            return row, lemma, row["generic"] == "yes" and w == row["suffix"]
    return None


_PRONOMINAL_ADVERB = compile_pattern(
    r"(?:Da|Wo|Hier)r?(?:mit|von|in|auf|für|zu|her|bei|nach|gegen|über|aus|neben|durch|um|unter|vor|an)"
)


_ADVERB_END = compile_pattern(r"\p{Lu}\p{Ll}+(?:lich|weise|ell|mals|dings|falls|wärts)")
_ADJECTIVE_END = compile_pattern(r"\p{Lu}\p{Ll}+(?:isch|lich|ig)(?:e|en|er|es|em)")


def is_opener(word: str) -> bool:
    """A capitalised word that opens a clause but is no subject ("Zuvor", "Am", "Damit",
    "Offiziell", "Möglicherweise")."""
    return word in _openers() or bool(_PRONOMINAL_ADVERB.fullmatch(word) or _ADVERB_END.fullmatch(word))


# -- the registry -------------------------------------------------------------
_NAME_TOKEN = compile_pattern(r"(?:al-|el-)?\p{Lu}[\p{L}\p{M}'’\-]*")
_WORDS_RE = compile_pattern(r"[\p{L}\p{M}\p{N}'’\-]+|[^\s\p{L}\p{M}\p{N}]")
_MONTHS = frozenset(
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
    "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()
)


_NAME_PARTICLES = frozenset("von van der den de da la del dos du bin al zu".split())


def _is_name_token(tok: str) -> bool:
    return (
        bool(_NAME_TOKEN.fullmatch(tok))
        and role_head(tok) is None
        and org_row(tok) is None
        and tok not in _MONTHS
        and not is_opener(tok)
        and not _ADJECTIVE_END.fullmatch(tok)  # "Chinesische Politiker" at a sentence start
    )


def _name_run(toks: list[tuple[str, int]], i: int, limit: int = 4) -> int:
    """End index of the run of name tokens starting at ``i`` (particles allowed inside)."""
    j = i
    while j < len(toks) and j - i < limit:
        t = toks[j][0]
        if _is_name_token(t):
            j += 1
        elif t in _NAME_PARTICLES and j > i:
            k = j
            while k < len(toks) and toks[k][0] in _NAME_PARTICLES and k - j < 2:
                k += 1  # "von der Leyen", "de la Vega"
            if k < len(toks) and _is_name_token(toks[k][0]):
                j = k + 1
            else:
                break
        else:
            break
    return j


def _add_person(reg: Registry, names: list[str], role: str | None, start: int) -> None:
    if not names:
        return
    full = " ".join(names)
    key = names[-1].lower()
    female = role is not None and _role_female(role)
    gender = "f" if female else ("m" if role else None)
    person = reg.people.get(key)
    if person is None or len(full) > len(person.name):
        if person is not None:
            role = role or person.role
            gender = gender or person.gender
        person = Speaker(full, "person", role, gender)
        reg.people[key] = person
    elif role and not person.role:
        person.role, person.gender = role, gender


def build_registry(text: str, quoted: list[tuple[int, int]]) -> Registry:
    """Scan ``text`` for the people it introduces and every mention of people and organisations."""
    reg = Registry()
    toks = [(m.group(), m.start()) for m in _WORDS_RE.finditer(text)]
    n = len(toks)
    for i, (tok, at) in enumerate(toks):
        if role_head(tok) is None:
            continue
        # "Präsident Wolodymyr Selenskyj", "NATO-Generalsekretär Mark Rutte"
        j = _name_run(toks, i + 1)
        single_genitive = j == i + 2 and toks[i + 1][0].endswith("s")
        if j > i + 1 and not single_genitive:
            _add_person(reg, [t for t, _ in toks[i + 1 : j] if _is_name_token(t) or t[0].islower()], tok, at)
            continue
        # "der Chef der Kiewer Militärverwaltung, Tymur Tkatschenko,"
        k = i + 1
        while k < n and k - i < 6 and toks[k][0] != ",":
            k += 1
        if k < n and toks[k][0] == ",":
            j = _name_run(toks, k + 1)
            if j >= k + 3 and (j >= n or toks[j][0] in (",", ";")):
                _add_person(reg, [t for t, _ in toks[k + 1 : j]], tok, at)
                continue
        # "Dmytro Lubinez, Menschenrechtsbeauftragter des Parlaments"
        k = i - 1
        while (
            k >= 0
            and i - k <= 3
            and (
                toks[k][0] in _DETS
                or toks[k][0].endswith(("ige", "ische", "liche", "isch", "igen", "ischen"))
            )
        ):
            k -= 1  # "Nina, eine Rentnerin", "X, ehemalige Ministerin"
        if k >= 2 and toks[k][0] == ",":
            b = k
            while b - 1 >= 0 and k - b < 4 and _is_name_token(toks[b - 1][0]):
                b -= 1
            if k - b >= 2:
                _add_person(reg, [t for t, _ in toks[b:k]], tok, toks[b][1])
    # every mention of a known surname or an organisation, in order
    spans = sorted(quoted)
    starts = [a for a, _ in spans]
    for tok, at in toks:
        k = bisect_right(starts, at) - 1
        inside = k >= 0 and at < spans[k][1]  # quotations do not nest, so the last start decides
        for v in _variants(tok):
            person = reg.people.get(v)
            if person is not None and tok[0].isupper():
                reg.mentions.append(Mention(at, person, inside))
                break
        else:
            row = org_row(tok)
            if row is not None and not row[2]:
                org = org_phrase(text, at, at + len(tok))
                if org is not None:
                    reg.mentions.append(Mention(at, org, inside))
            elif row is not None and tok[0].isupper():
                # "nach Angaben des Ministeriums": the latest organisation of its class
                found = _latest(reg, at, _same_class(row[0]["class"]))
                if found is not None:
                    reg.mentions.append(Mention(at, found, inside))
    return reg


# -- organisations --------------------------------------------------------------
def org_phrase(text: str, start: int, end: int) -> Speaker | None:
    """The organisation whose head noun is ``text[start:end]``, with its adjectives
    (in the strong nominative: "ukrainischer Generalstab") and a genitive place
    ("Staatsanwaltschaft der Region Charkiw")."""
    found = org_row(text[start:end])
    if found is None:
        return None
    row, lemma, _generic = found
    gender = row["gender"]
    before = _WORD_RE.findall(text[max(0, start - 60) : start])
    adjs: list[str] = []
    for w in reversed(before):
        if w[0].islower() and _ADJ_END.search(w) and w not in _DETS and len(w) > 3:
            adjs.insert(0, _ADJ_END.sub("", w) + _STRONG.get(gender, "e"))
        elif w[0].isupper() and w.endswith("er") and not adjs and w.lower() not in _DETS and not org_row(w):
            adjs.insert(0, w)  # "Kiewer Militärverwaltung"
        else:
            break
    name = " ".join([*adjs, lemma])
    m = regex.match(r"\s+(?:der|des)\s+((?:Region|Gebiets?|Stadt|Oblast)\s+\p{Lu}[\p{L}\-]+)", text[end:])
    if m:
        name += " der " + m.group(1).replace("Gebiets", "Gebiet")
    return Speaker(name, "org", None, gender)


def _latest(reg: Registry, pos: int, ok) -> Speaker | None:
    """The latest mention before ``pos`` that satisfies ``ok``; else the first after it."""
    best = None
    for m in reg.mentions:
        if m.start < pos and ok(m):
            best = m.speaker
    if best is None:
        best = next((m.speaker for m in reg.mentions if m.start >= pos and ok(m)), None)
    return best


def _same_role(role: str):
    """A mention test: a person whose role is ``role`` or ends with it ("der Sprecher" ->
    "Kremlsprecher"), or, for a bare head, a synonym ("der Präsident" -> "Staatschef")."""
    forms = _variants(role)
    bare = any(v == head for v in forms for head, _ in _roles())
    canon = role_head(role)

    def ok(m: Mention) -> bool:
        theirs = (m.speaker.role or "").lower()
        if m.speaker.kind != "person" or not theirs:
            return False
        if any(theirs.endswith(v) for v in forms):
            return True
        return bare and role_head(m.speaker.role.split("-")[-1]) == canon

    return ok


def _same_class(cls: str):
    """A mention test: an organisation of class ``cls`` (any organisation for "any")."""
    return lambda m: m.speaker.kind == "org" and (cls == "any" or _org_class(m.speaker) == cls)


def _org_class(sp: Speaker) -> str:
    head = sp.name.split(" der ")[0].split()[-1]
    found = org_row(head)
    return found[0]["class"] if found else ""


# -- resolution -----------------------------------------------------------------
@dataclass(slots=True)
class Resolver:
    """Resolves speaker phrases in document order; remembers the last speaker."""

    reg: Registry
    last: Speaker | None = None
    last_at: int = -1  # where the last attribution was
    floor: int = 1 << 60  # generic references look back from here (the current unit's start)

    def remember(self, sp: Speaker | None, at: int) -> None:
        if sp is not None:
            self.last, self.last_at = sp, at

    def pronoun(self, word: str, pos: int) -> Speaker | None:
        """er/sie: a person or organisation mentioned since the last attribution, else the
        last speaker, else the latest compatible mention."""
        fem = word.lower() == "sie"

        def ok(sp: Speaker) -> bool:
            if fem:
                return sp.gender in ("f", "pl") or (sp.kind == "person" and sp.gender is None)
            return sp.gender in ("m", "n", None) and not (sp.kind == "org" and sp.gender is None)

        recent = [m for m in self.reg.mentions if self.last_at < m.start < pos and not m.quoted]
        recent = [m for m in recent if ok(m.speaker) and m.speaker.kind == "person"]
        if recent:
            return recent[0].speaker
        if self.last is not None and ok(self.last):
            return self.last
        return _latest(self.reg, pos, lambda m: not m.quoted and ok(m.speaker))

    def resolve(self, phrase: str, pos: int) -> Speaker | None:
        """The speaker a noun phrase from an attribution refers to."""
        phrase = phrase.strip(" ,")
        words = _WORD_RE.findall(phrase)
        while words and is_opener(words[0]) and len(words) > 1:
            # "Nachdem dieser …", "Laut Kiper": the word opens the clause, the name follows
            phrase = phrase[phrase.find(words[0]) + len(words[0]) :].strip(" ,")
            words = words[1:]
        if not words or (len(words) == 1 and is_opener(words[0])):
            return None
        if len(words) == 1 and words[0].lower() in ("er", "sie"):
            return self.pronoun(words[0], pos)
        outlet = _outlet_re().search(phrase)
        if outlet:
            return Speaker(outlet.group(), "org")
        head_part, _, appos = phrase.partition(",")
        von = regex.search(r"\s(?:von|vom)\s", head_part)
        if von and any(role_head(w) or org_row(w) for w in _WORD_RE.findall(head_part[: von.start()])):
            head_part = head_part[: von.start()]  # "der Sprecher von Präsident Putin": the Sprecher
        main = regex.split(r"\s(?:der|des)\s", head_part, maxsplit=1)
        head_words = _WORD_RE.findall(main[0]) + _WORD_RE.findall(appos)
        caps = [w for w in head_words if w[0].isupper() and w.lower() not in _DETS]
        roles = [w for w in caps if role_head(w)]
        orgs = [w for w in caps if org_row(w)]
        names = [w for w in caps if _is_name_token(w)]
        for w in reversed(names):
            for v in _variants(w):
                person = self.reg.people.get(v)
                if person is not None:
                    return person
        if len(names) == 1 and not roles and not orgs and words[0].lower() in _DETS:
            # "der Niederländer", "der Mann": a description of someone already named
            if self.last is not None and self.last.kind == "person":
                return self.last
            found = _latest(self.reg, pos, lambda m: m.speaker.kind == "person" and not m.quoted)
            if found is not None:
                return found
        if names and orgs and not roles and head_words.index(names[0]) > head_words.index(orgs[0]):
            return Speaker(" ".join(names), "org")  # "die Nachrichtenagentur Associated Press"
        if names and not orgs:
            role = roles[0] if roles else None
            keep = [w for w in head_words if _is_name_token(w) or w in ("von", "van", "de", "al")]
            sp = Speaker(" ".join(keep).strip(), "person", role)
            if len(keep) >= 1:
                self.reg.people.setdefault(keep[-1].lower(), sp)
            return sp
        if roles:
            role = roles[-1]
            unnamed = Speaker(role, "person", role, "f" if _role_female(role) else "m")
            if words[0].lower() in ("ein", "eine", "einer", "einem", "einen"):
                return unnamed  # "ein Polizeisprecher": someone not named
            found = _latest(self.reg, pos, _same_role(role))
            if found is not None:
                return found
            if words[0].lower() in _DETS:
                # "der SPD-Politiker", "der General": a description of someone already named
                if self.last is not None and self.last.kind == "person":
                    return self.last
                if self.last is None:
                    found = _latest(self.reg, pos, lambda m: m.speaker.kind == "person" and not m.quoted)
                    if found is not None:
                        return found
            return unnamed
        if orgs:
            start = phrase.find(orgs[-1])
            row, lemma, generic = org_row(orgs[-1])
            floor = min(pos, self.floor)
            gen = regex.search(r"\s(?:der|des)\s(.+)$", head_part)
            if generic and row["class"] == "any" and gen:
                # "in einer Erklärung des Präsidenten Barack Obama": who issued it
                found = self.resolve(gen.group(1), pos + gen.start(1))
                if found is not None:
                    return found
            if generic:
                cls = row["class"]
                found = _latest(
                    self.reg,
                    floor,
                    lambda m: m.speaker.kind == "org" and (cls == "any" or _org_class(m.speaker) == cls),
                )
                if found is not None:
                    return found
            own = org_phrase(phrase, start, start + len(orgs[-1]))
            # "die Luftwaffe" after "die ukrainische Luftwaffe": the fuller name given before
            fuller = None
            for m in self.reg.mentions:
                if (
                    m.start < floor
                    and m.speaker.kind == "org"
                    and len(m.speaker.name) > len(own.name if own else lemma)
                    and m.speaker.name.split(" der ")[0].endswith(lemma)
                ):
                    fuller = m.speaker
            return fuller or own
        if caps:
            return Speaker(" ".join(caps), "other")
        return None
