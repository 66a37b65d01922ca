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

Speakers that are no person: organisations (``data/organisations.tsv``),
acronyms ("der BGH", "die SPD"), and groups (``data/groups.txt``:
"Augenzeugen", "politische Beobachter", "aus Militärkreisen"), named in the
nominative plural as the text gives them. An anonymous single source ("ein
Reporter des Senders …", "ein hochrangiger Regierungsbeamter") is its role
noun. A description ("der Däne", "der SPD-Politiker") points at the last
person spoken of, and keeps pointing at them; an adjective before a role
("der brasilianische Präsident") picks the person introduced with it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from warparse.grammar.places import lookup as place_lookup
from warparse.lexicons import derived, table, word_list, word_set
from warparse.rules import compile_pattern, rx

# -- noun phrases -----------------------------------------------------------
_DET = r"(?:[Dd](?:er|ie|as|es|em|en)|[Ee]in(?:e[rsmn]?)?)"
_ADJ = r"(?:\p{Ll}[\p{L}\-]*(?:e|en|er|es|em))"
_CAPW = r"(?:\p{Lu}[\p{L}\p{M}'’\-]*\p{L}|\p{Lu}[.'’](?=\s+\p{Lu})|\p{Lu}{2,})"
_NAMEPART = rf"(?:{_CAPW}|(?:al|el|ad|as|bin)-{_CAPW})"
_PARTICLE = r"(?:von|van|der|den|de|da|di|del|dos|du|al|el|bin|ibn|ben|zu|le|la|y)"
_NAMES = rf"{_NAMEPART}(?:\s+(?:{_PARTICLE}\s+){{0,2}}{_NAMEPART}){{0,5}}"  # "Ursula von der Leyen"
_GEN = rf"(?:\s+(?:der|des)\s+(?:{_ADJ}\s+){{0,2}}{_NAMES})"
# ", Tymur Tkatschenko," with its closing comma ("Dem Chef …, Olexander Prokudin, zufolge")
_APPOS = rf"(?:,\s+{_NAMEPART}(?:\s+{_NAMEPART}){{1,3}}(?:,(?=\s)|(?=\s*[.;]|\s*$)))"
_FROM = rf"(?:\s+(?:von|aus)\s+{_NAMEPART})"  # "der Militärverwaltung von Cherson"
# a name in marks after its noun or article: "die Zeitung „Kommersant“", "die „New York Times“"
_QUOTED = r"""[„»«"“]\p{Lu}[^„“”»«"\n]{0,40}[“”«»"]"""
NP = (
    rf"(?:(?:{_DET}\s+)?(?:{_ADJ}\s+){{0,3}}{_NAMES}{_GEN}?{_FROM}?(?:\s+{_QUOTED})?{_APPOS}?"
    rf"|{_DET}\s+{_QUOTED}|(?:[Ee]r|[Ss]ie|[Mm]an)\b)"
)
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
    titles: list[str] = field(default_factory=list)  # descriptions used for them ("SPD-Politiker")
    qualifiers: list[str] = field(default_factory=list)  # adjective stems of the role ("brasilianisch")

    def __post_init__(self) -> None:
        if self.role:
            self.role = role_lemma(self.role)  # "des Präsidenten" -> "Präsident"


@dataclass(slots=True)
class Mention:
    """Where a speaker is named (or referred to) in the document."""

    start: int
    speaker: Speaker
    quoted: bool = False  # inside direct speech: not an antecedent for pronouns
    subject: bool = False  # opens its sentence ("Die Bochumer Polizei ist …"): a new topic


@dataclass(slots=True)
class Registry:
    """The people and organisations of one document, with where they are mentioned."""

    people: dict[str, Speaker] = field(default_factory=dict)  # surname (lower) -> person
    mentions: list[Mention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each mention starts (sorted)
    text: str = ""
    # "ISW" and "Institute for the Study of War" -> "Institute for the Study of War (ISW)":
    # an organisation under the full name the document introduces its acronym with
    names: dict[str, str] = field(default_factory=dict)


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


@derived  # built from a lexicon alone: kept across runs (see lexicons.derived)
def _outlet_re() -> regex.Pattern[str]:
    names = sorted(_outlets(), key=lambda n: (-len(n), n))
    return compile_pattern(r"(?<!\w)(?:" + "|".join(regex.escape(n) for n in names) + r")(?!\w)")


@cache
def _openers() -> frozenset[str]:
    return word_set("clause_openers")


@cache
def _groups() -> tuple[str, ...]:
    return tuple(sorted(word_set("groups"), key=len, reverse=True))


_ACRONYM = compile_pattern(r"\p{Lu}[\p{Lu}\d]+(?:-\p{Lu}[\p{Lu}\d]*)?")


def is_acronym(word: str) -> bool:
    """An all-capital short name ("BGH", "SBU", "CDU"): an organisation, never a person's name."""
    return len(word) <= 8 and bool(_ACRONYM.fullmatch(word))


@cache
def group_noun(word: str) -> str | None:
    """The nominative plural of a group noun ("Militärkreisen" -> "Militärkreise",
    "Augenzeugen" -> "Augenzeugen"), or None."""
    if not word[:1].isupper():
        return None
    w = word.lower()
    for head in _groups():
        for form in (head, head + "n"):
            if w.endswith(form):
                return word[: len(w) - len(form) + len(head)]
    return None


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


def role_lemma(word: str) -> str:
    """A role noun without its case ending ("Präsidenten" -> "Präsident", "Generalsekretärs"
    -> "Generalsekretär"); unchanged when no form ends with a role head."""
    heads = _role_by_head()
    for v in _variants(word):
        if _longest_suffix(v, heads) is not None:
            return word[: len(v)]
    return word


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
            # a document ("Positionspapier", "Lagebericht") is generic in any compound
            bare = w == row["suffix"] or row["class"] == "document"
            return row, lemma, row["generic"] == "yes" and bare
    return None


# the linking s of a compound ("Regierungserklärung" -> "Regierung")
_LINKING_S = compile_pattern(r"(?<=(?:ung|heit|keit|schaft|tät|ion|tum|amt))s$")
_PRONOMINAL_ADVERB = compile_pattern(
    r"(?:Da|Wo|Hier)r?(?:mit|von|in|auf|für|zu|her|bei|nach|gegen|über|aus|neben|durch|um|unter|vor|an)"
)


_ADVERB_END = compile_pattern(r"\p{Lu}\p{Ll}+(?:lich|weise|ell|mals|dings|falls|wärts|zeitig|seits)")
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


_QUANTIFIERS = frozenset(
    "viele mehrere einige zahlreiche wenige alle zwei drei vier fünf sechs sieben acht neun zehn elf zwölf "
    "dutzende hunderte tausende".split()
)
_INDEFINITE_PRONOUNS = frozenset(
    "niemand jemand keiner keine alle viele einige manche wenige beide jeder jede andere".split()
)
# (possessive, and only spaces after a line break: a long run of blank lines is no quadratic search)
_SENTENCE_START = compile_pattern(r"(?:\A|[.!?]\s++|\n[^\S\n]*+)(?=\p{Lu}\p{Ll})")
# a capitalised adjective or participle opening a sentence, never a first name ("Brigitte" is)
_NOT_FIRST_NAME = compile_pattern(
    r"(?:(?<!t)te|ten|tes|ster|isch|ische|ischen|lich|liche|lichen|ige|igen|ene|enen|ende|enden|ierte)$"
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
        and not is_acronym(tok)  # "BGH", "SPD": organisations
        and tok.lower() not in _INDEFINITE_PRONOUNS  # "Niemand", "Viele" at a sentence start
        and tok.lower() not in _POSSESSIVES  # "Ihre Mandantin"
        and tok.lower() not in _DETS  # "Die" at a sentence start
        and group_noun(tok) is None  # "Augenzeugen", "Veranstalter"
        and tok.lower() not in _descriptions()  # "der Angeklagte Karl Moos"
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


def _add_person(
    reg: Registry, names: list[str], role: str | None, start: int, qualifier: str | None = None
) -> None:
    if not names:
        return
    _add_person_named(reg, names, role)
    if qualifier:
        reg.people[names[-1].lower()].qualifiers.append(qualifier)


def _qualifier(toks: list[tuple[str, int]], i: int) -> str | None:
    """The stem of the adjective right before a role noun ("der brasilianische Präsident" ->
    "brasilianisch"), which tells two people of the same office apart."""
    w = toks[i - 1][0] if i > 0 else ""
    if w[:1].islower() and w not in _DETS and len(w) > 4 and _ADJ_END.search(w):
        return _ADJ_END.sub("", w)
    return None


_MALE_IN_A = frozenset(
    "nikita ilja mischa sascha kostja wanja grischa mustafa luca andrea joshua jona mykola luka sawa foma "
    "kusma".split()
)


def _name_gender(names: list[str]) -> str | None:
    """The gender a name shows: Slavic surnames in -owa/-ewa/-ina/-aja are female, in
    -ow/-ew/-in/-ski/-yj male ("Sacharowa", "Peskow"); a first name in -a is female
    ("Anna Berg"), with a few male exceptions ("Ilja"). None when the name does not tell."""
    last = names[-1].lower()
    if last.endswith(("owa", "ewa", "jewa", "ina", "aja", "ska", "cka", "ová")):
        return "f"
    if len(names) >= 2 and last.endswith(("ow", "ew", "in", "ski", "skyj", "skij", "yj", "ij")):
        return "m"
    first = names[0].lower() if len(names) >= 2 else ""
    if first.endswith("a") and first not in _MALE_IN_A:
        return "f"
    if first.endswith(("ij", "yj", "ej")) or first in _MALE_IN_A:
        return "m"  # "Andrij", "Serhij", "Mykola"
    return None


def _gender(role: str | None, names: list[str]) -> str | None:
    """A person's gender from their role noun ("Sprecherin") or else their name; a role in
    -e ("die Vorsitzende", "der Abgeordnete") tells nothing."""
    if role and _role_female(role):
        return "f"
    if role and not role.lower().endswith(("e", "en")):
        return "m"
    return _name_gender(names)


def _add_person_named(reg: Registry, names: list[str], role: str | None) -> None:
    full = " ".join(names)
    key = names[-1].lower()
    gender = _gender(role, names)
    person = reg.people.get(key)
    if person is None or len(full) > len(person.name):
        if person is not None:
            role = role or person.role
            gender = gender or person.gender
        person = Speaker(full, "person", role, gender)
        reg.people[key] = person
    elif role and not person.role:
        person.role, person.gender = role, gender or person.gender


def _genitive_name(toks: list[tuple[str, int]], i: int) -> tuple[int, int] | None:
    """(start, end) of a full name after a genitive that starts at ``i`` ("des
    Verwaltungsrats Ulrich Müller", "der Vereinigten Staaten Barack Obama"); None when the
    genitive's own noun is a role ("des Präsidenten Selenskyj": the name is the president's)."""
    n = len(toks)
    if i + 2 >= n or toks[i][0] not in ("des", "der"):
        return None
    k = i + 1
    while k < n and k - i < 4 and toks[k][0][:1].islower() and _ADJ_END.search(toks[k][0]):
        k += 1  # "des britischen Geheimdienstes"
    while (
        k + 1 < n and k - i < 5 and toks[k][0].endswith(("en", "er")) and toks[k + 1][0][:1].isupper()
    ):
        k += 1  # "der Vereinigten Staaten", "des Weißen Hauses"
    if k >= n or not toks[k][0][:1].isupper() or role_head(toks[k][0]) is not None:
        return None
    org = org_row(toks[k][0])
    if org is not None and org[0]["class"] == "media":
        return None  # "des Senders Radio Nord": the name is the station's
    j = _name_run(toks, k + 1)
    if j >= k + 3 and (j >= n or not _NAME_TOKEN.fullmatch(toks[j][0])):
        return k + 1, j
    return None


_SENTENCE_END = compile_pattern(r"[.!?]\s")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` belongs to its sentence's first noun phrase ("Die Bochumer
    Polizei", "Der ukrainische Verteidigungsminister Rustem Umjerow"): only articles,
    adjectives and capitalised words stand between it and the sentence start."""
    gap = text[max(0, at - 80) : at]
    cut = max(gap.rfind(c) for c in ".!?:\n")
    if cut < 0 and at > 80:
        return False
    words = _WORD_RE.findall(gap[cut + 1 :])
    return len(words) <= 5 and all(
        w.lower() in _DETS or (w[0].isupper() and not is_opener(w)) or (w[0].islower() and _ADJ_END.search(w))
        for w in words
    )


def build_registry(text: str, quoted: list[tuple[int, int]]) -> Registry:
    """Scan ``text`` for the people it introduces and every mention of people and organisations."""
    reg = Registry(text=text)
    toks = [(m.group(), m.start()) for m in _WORDS_RE.finditer(text)]
    n = len(toks)
    for i, (tok, at) in enumerate(toks):
        if role_head(tok) is None:
            continue
        if i > 0 and (toks[i - 1][0][0].isdigit() or toks[i - 1][0].lower() in _QUANTIFIERS):
            continue  # "300 Ukrainer", "viele Experten": a plural, not a title before a name
        # "Präsident Wolodymyr Selenskyj", "NATO-Generalsekretär Mark Rutte"
        j = _name_run(toks, i + 1)
        single_genitive = j == i + 2 and toks[i + 1][0].endswith("s")
        single_place = j == i + 2 and bool(place_lookup(toks[i + 1][0]))  # "das NATO-Mitglied Polen"
        if j > i + 1 and not single_genitive and not single_place:
            names = [t for t, _ in toks[i + 1 : j] if _is_name_token(t) or t[0].islower()]
            _add_person(reg, names, tok, at, _qualifier(toks, i))
            continue
        # "der Chef des Verwaltungsrats Ulrich Müller": a name right after the genitive
        j = _genitive_name(toks, i + 1)
        if j is not None:
            _add_person(reg, [t for t, _ in toks[j[0] : j[1]]], tok, at, _qualifier(toks, i))
            continue
        # "der Chef der Kiewer Militärverwaltung, Tymur Tkatschenko,"
        k = i + 1
        while k < n and k - i < 8 and toks[k][0] != ",":
            k += 1
        if k < n and toks[k][0] == ",":
            j = _name_run(toks, k + 1)
            if j >= k + 3 and (j >= n or toks[j][0] in (",", ";", "(")):
                _add_person(reg, [t for t, _ in toks[k + 1 : j]], tok, at, _qualifier(toks, i))
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
                _add_person(reg, [t for t, _ in toks[b:k]], tok, toks[b][1], _qualifier(toks, i))
            elif k - b == 1 and (full := full_name_in(text, toks[b][0])) is not None:
                # "Celebi, die Anwältin der Frau,"
                _add_person(reg, full, tok, toks[b][1], _qualifier(toks, i))
    # "Olha Kowal reiste nach Kiew.": a full name without a role that opens a sentence and is
    # the subject of its verb (a lower-case word follows) introduces a person too
    tok_starts = [at for _, at in toks]
    for m in _SENTENCE_START.finditer(text):
        i = bisect_left(tok_starts, m.end())
        if i >= n or tok_starts[i] != m.end():
            continue
        tok = toks[i][0]
        nxt = toks[i + 1][0] if i + 2 < n else ""
        if not (nxt[:1].isupper() or nxt in _NAME_PARTICLES) or tok.lower() in _DETS:
            continue  # cheap tests first: most sentences open with an article or one word
        if not _is_name_token(tok) or place_lookup(tok):
            continue
        j = _name_run(toks, i)
        if j < i + 2 or j >= n or not toks[j][0][:1].islower() or toks[j][0] in _NAME_PARTICLES:
            continue
        names = [t for t, _ in toks[i:j]]
        if any(place_lookup(t) or _COMMON_NOUN.search(t.lower()) for t in names):
            continue  # "Kiew Stadt", "Ziele der Sanierung"
        first = names[0]
        if _NOT_FIRST_NAME.search(first) or first.lower() in _QUANTIFIERS or _name_gender(names) is None:
            continue  # "Geolokalisierte Videos", "Drei Zivilisten", "Starke Erdbeben": not a name
        if any(t in _NAME_PARTICLES for t in names) and not rx(r"\s(?:von|van|de)\s").search(" ".join(names)):
            continue  # "Ende der Woche": only "von der", "van den", "de la" join a name
        if names[-1].lower() not in reg.people:
            _add_person_named(reg, names, None)
    # every mention of a known surname or an organisation, in order
    spans = sorted(quoted)
    starts = [a for a, _ in spans]
    for tok, at in toks:
        k = bisect_right(starts, at) - 1
        inside = k >= 0 and at < spans[k][1]  # quotations do not nest, so the last start decides
        for v in _variants(tok):
            person = reg.people.get(v)
            if person is not None and tok[0].isupper():
                reg.mentions.append(Mention(at, person, inside, not inside and _opens_sentence(text, at)))
                break
        else:
            group = group_noun(tok)
            if group is not None:
                # "Menschenrechtler kritisierten …; sie": groups are antecedents of "sie"
                head = text[max(0, at - 40) : at + len(tok)]
                reg.mentions.append(Mention(at, _group_phrase(head, group), inside))
                continue
            row = org_row(tok)
            if row is not None and not row[2]:
                org = org_phrase(text, at, at + len(tok))
                if org is not None:
                    reg.mentions.append(Mention(at, org, inside, not inside and _opens_sentence(text, at)))
            elif row is not None and tok[0].isupper():
                # "nach Angaben des Ministeriums": the latest organisation of its class; a
                # document names its issuer ("im ISW-Bericht", "der Polizeibericht")
                found = _issuer(tok, row[0]) if row[0]["class"] == "document" else None
                found = found or _latest(reg, at, _same_class(row[0]["class"]))
                if found is not None:
                    reg.mentions.append(Mention(at, found, inside))
    reg.starts = [m.start for m in reg.mentions]
    reg.names = _acronym_names(text, reg)
    return reg


_ACRONYM_DEF = compile_pattern(r"\((\p{Lu}[\p{Lu}\d]{1,7})\)")
_NAME_LINK = frozenset("of for the and on in de du des la le et für der des von und".split())


def _acronym_names(text: str, reg: Registry) -> dict[str, str]:
    """Full names introduced with their acronym ("Institute for the Study of War (ISW)"): the
    capitalised words before the brackets, linking words inside ("for the"), not a person's
    name with their party ("Rainer Brüderle (FDP)") nor the noun that classifies the name
    ("der Denkfabrik Institute …")."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acr = m.group(1)
        words = _WORD_RE.findall(text[max(0, m.start() - 100) : m.start()])
        run: list[str] = []
        classifier = None  # "der US-Denkfabrik Institute …": the noun the name belongs to
        for w in reversed(words[-10:]):
            if run and run[0] not in _NAME_LINK and (org_row(w) or role_head(w)):
                classifier = w if org_row(w) else None
                break
            if w[0].isupper() and w.lower() not in _DETS:
                run.insert(0, w)
            elif w in _NAME_LINK and run:
                run.insert(0, w)
            else:
                break
        while run and run[0] in _NAME_LINK:
            run.pop(0)
        starts = [k for k in range(1, len(run)) if run[k][0] == acr[0] and run[k - 1] in ("des", "der")]
        if run and run[0][0] != acr[0] and starts:
            run = run[starts[0] :]  # "einem Bericht des Instituts für Kriegsstudien (ISW)"
        if not run or run[0][0] != acr[0] or any(v in reg.people for v in _variants(run[-1])):
            continue
        if len(run) <= 3 and all(_is_name_token(w) for w in run) and len(run) > 1:
            continue  # "Claudia Roth (CDU)": a person and the party, not a name and its acronym
        full = " ".join(run)
        if text[m.start() - 1 - len(full) : m.start()].strip() != full:
            continue  # words across a line or punctuation: not one name
        row = org_row(run[0])
        if row is not None and run[0] in (row[1] + "s", row[1] + "es") and len(run) > 1:
            # a genitive ("des Instituts für …"): the name in the nominative
            nominative = " ".join([row[1], *run[1:]])
            out.setdefault(nominative, f"{nominative} ({acr})")
            full_name = f"{nominative} ({acr})"
        else:
            full_name = f"{full} ({acr})"
        out.setdefault(acr, full_name)
        out.setdefault(full, full_name)
        if classifier is not None:
            out.setdefault(classifier, full_name)
    return out


_INDEFINITE = frozenset("ein eine einer einem einen eines".split())
_POSSESSIVES = frozenset("sein seine seiner seinen seinem ihr ihre ihrer ihren ihrem unser unsere".split())
# endings of common nouns that are never a person's surname ("Arbeitswelt", "Entscheidung")
_COMMON_NOUN = compile_pattern(r"(?:ung|ungen|heit|keit|schaft|tion|tionen|tät|nis|nisse|ismus|welt|iken)$")


@cache
def _descriptions() -> frozenset[str]:
    return word_set("descriptions")


def _describes(words: list[str]) -> bool:
    """Whether "der/die …" describes one person named before ("der Niederländer", "der
    39-Jährige", "die Ukrainerin", "der Mann"), not a thing or a group ("die Sprachschule",
    "die Veranstalter")."""
    det, noun = words[0].lower(), words[-1]
    low = noun.lower()
    if low in _descriptions() or low.endswith(("jährige", "jähriger", "jährigen")):
        return True
    if det == "der":
        # "der Niederländer", "der Däne": masculine singular ("dem Schreiben" is a thing);
        # not a feminine noun ("nach Angaben der Verteidigung": a genitive)
        return _COMMON_NOUN.search(low) is None
    return low.endswith("in")  # "die Ukrainerin"


def _group_phrase(head: str, group: str, phrase_start: bool = False) -> Speaker:
    """A group as a speaker, in the nominative plural with its adjectives ("die
    politischen Beobachter" -> "politische Beobachter"); with ``phrase_start`` a
    capitalised first word is an adjective too ("Lokale Medien")."""
    adjs: list[str] = []
    words = _WORD_RE.findall(head)[:-1]
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        adjective = (
            (w[0].islower() and _ADJ_END.search(w) and len(w) > 3)
            or _ADJECTIVE_END.fullmatch(w)
            or (phrase_start and i == 0 and w.endswith(("e", "en")) and w.lower() not in _DETS)
        )
        if not adjective or w.lower() in _DETS:
            break
        adjs.insert(0, _ADJ_END.sub("", w.lower()) + "e")  # "Politische Beobachter" at a sentence start
    return Speaker(" ".join([*adjs, group]), "org", None, "pl")


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
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind(c) for c in ".!?:;,()")  # adjectives stand in the same phrase
    before = _WORD_RE.findall(window[cut + 1 :])
    adjs: list[str] = []
    for i in range(len(before) - 1, -1, -1):
        w = before[i]
        if w[0].islower() and _ADJ_END.search(w) and w not in _DETS and len(w) > 3:
            adjs.insert(0, _ADJ_END.sub("", w) + _STRONG.get(gender, "e"))
        elif w[0].isupper() and w.endswith("er") and not adjs and w.lower() not in _DETS and not org_row(w):
            adjs.insert(0, w)  # "Kiewer Militärverwaltung"
        elif (
            w[0].isupper()
            and w.endswith(("e", "en", "es", "em"))
            and i > 0
            and before[i - 1].lower() in _DETS
            and not org_row(w)
            and not role_head(w)
        ):
            adjs.insert(0, _ADJ_END.sub("", w) + _STRONG.get(gender, "e"))  # "des Internationalen Komitees"
            break
        elif i == 0 and (cut >= 0 or start < 60) and _ADJECTIVE_END.fullmatch(w) and not adjs:
            adjs.insert(0, _ADJ_END.sub("", w.lower()) + _STRONG.get(gender, "e"))  # "Ukrainische Luftwaffe"
            break
        else:
            break
    name = " ".join([*adjs, lemma])
    rest = text[end : end + 80]
    m = rx(r"\s+(?:der|des)\s+((?:Region|Gebiets?|Stadt|Oblast)\s+\p{Lu}[\p{L}\-]+)").match(rest)
    if m:
        name += " der " + m.group(1).replace("Gebiets", "Gebiet")
        rest = rest[m.end() :]
    else:
        # "die Militärverwaltung von Charkiw", "das Verteidigungsministerium in Moskau": the place
        # the body sits in is part of how the document names it
        m = rx(r"\s+(von|in)\s+(\p{Lu}[\p{L}\-]+)(?=\s+\p{Ll}|\s*[,.;:!?]|\s*$)").match(rest)
        if m and row["class"] != "media" and place_lookup(m.group(2)):
            name += f" {m.group(1)} {m.group(2)}"
            rest = rest[m.end() :]
        # "die UN-Beobachtermission in der Ukraine (HRMMU)": the place and the acronym the
        # document introduces are part of the name ("Institut für Kriegsstudien (ISW)")
        m = rx(r"\s+(in\s+der|in\s+den|in)\s+(\p{Lu}[\p{L}\-]+)\s*\((\p{Lu}[\p{Lu}\d]{1,7})\)").match(rest)
        if m and row["class"] != "media":
            name += f" {' '.join(m.group(1).split())} {m.group(2)} ({m.group(3)})"
            rest = rest[m.end() :]
    # "Bundesministerium des Innern", "Ministerium der Justiz": the portfolio is part of the name
    m = rx(r"\s+(des|der)\s+(\p{Lu}\p{Ll}+)(?=\s+\p{Ll}|\s*[,.;:!?]|\s*$)").match(rest)
    if m and lemma.lower().endswith(("ministerium", "amt")):
        w = m.group(2)
        if not (org_row(w) or role_head(w) or place_lookup(w) or w in _MONTHS or group_noun(w)):
            name += f" {m.group(1)} {w}"
            rest = rest[m.end() :]
    # "Koordinierungsstab für Kriegsgefangene", "Komitee vom Roten Kreuz": part of the name
    m = rx(r"\s+((?:für|vom)\s+(?:\p{Lu}\p{Ll}+en\s+)?\p{Lu}[\p{L}\-]+)").match(rest)
    if m:
        name += " " + m.group(1)
    return Speaker(name, "org", None, gender)


def _issuer(word: str, row: dict[str, str]) -> Speaker | None:
    """Who issued a document named by a compound: "Polizeibericht" -> Polizei,
    "ISW-Bericht" -> ISW, "Regierungserklärung" -> Regierung; None for a plain one."""
    found = org_row(word)
    lemma = found[1] if found else word
    rest = lemma[: len(lemma) - len(row["suffix"])]
    prefix = rx(r"(\p{Lu}[\p{Lu}\d]+)-").fullmatch(rest)
    if prefix:
        return Speaker(prefix.group(1), "org")
    issuer = _LINKING_S.sub("", rest.rstrip("-"))
    own = org_row(issuer) if issuer else None
    return Speaker(issuer, "org", None, own[0]["gender"]) if own and not own[2] else None


def _org_head(name: str) -> str:
    """An organisation's name without its complement ("Staatsanwaltschaft der Region Sumy")."""
    return rx(r" (?:der|für|vom|von|in) ").split(name, maxsplit=1)[0]


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
    bare = any(v in _role_by_head() for v in forms)
    canon = role_head(role)
    gender = _gender(role, ["?"])  # "der Bürgermeister" is no woman, "die Sprecherin" no man

    def ok(m: Mention) -> bool:
        theirs = (m.speaker.role or "").lower()
        if m.speaker.kind != "person":
            return False
        if gender and m.speaker.gender and gender != m.speaker.gender:
            return False
        if any(t.lower() in forms for t in m.speaker.titles):
            return True  # "der SPD-Politiker" again: whom it described before
        if not theirs:
            return False
        if any(theirs.endswith(v) for v in forms):
            return True
        return bare and role_head(m.speaker.role.split("-")[-1]) == canon

    return ok


def _same_class(cls: str):
    """A mention test: an organisation of class ``cls`` (any organisation for "any")."""
    if cls == "document":
        cls = "any"  # "nach dem Bericht": whoever issued it
    return lambda m: m.speaker.kind == "org" and (cls == "any" or _org_class(m.speaker) == cls)


def _org_class(sp: Speaker) -> str:
    head = _org_head(sp.name).split()[-1]
    found = org_row(head)
    return found[0]["class"] if found else ""


# -- resolution -----------------------------------------------------------------
_PRONOUN_START = compile_pattern(r"\s*(Er|Sie)\s+(\p{Ll}+)")


@dataclass(slots=True)
class Resolver:
    """Resolves speaker phrases in document order; remembers the last speaker."""

    reg: Registry
    said: Speaker | None = None  # the speaker of the last attribution
    last_at: int = -1  # where the last attribution was
    floor: int = 1 << 60  # generic references look back from here (the current unit's start)

    @property
    def last(self) -> Speaker | None:
        """The speaker a report without a source of its own continues: the last speaker,
        unless a sentence since that attribution opened with another person ("Sprecher Tom
        Lind spielte das herunter. Es gebe keine Pläne.")."""
        mentions = self.reg.mentions
        if self.floor < len(self.reg.text):
            # "Er halte das für vertretbar.": the pronoun that opens the report says who
            pro = _PRONOUN_START.match(self.reg.text, self.floor)
            if pro is not None:
                # "Sie seien …" (plural: a group), "Sie sei …" (a woman or an organisation)
                plural = pro.group(1) == "Sie" and pro.group(2).endswith("en")
                found = self.pronoun(pro.group(1), self.floor, None, plural, recent_only=True)
                if found is not None:
                    return found  # else the pronoun is what the report is about: the speaker goes on
        k = bisect_left(self.reg.starts, min(self.floor, 1 << 59)) - 1
        while k >= 0 and mentions[k].start > self.last_at:
            m = mentions[k]
            if m.subject and not m.quoted and m.speaker.kind == "person":
                return m.speaker
            k -= 1
        return self.said

    @last.setter
    def last(self, sp: Speaker | None) -> None:
        self.said = sp

    def remember(self, sp: Speaker | None, at: int) -> None:
        if sp is not None:
            self.said, self.last_at = sp, at

    def pronoun(
        self,
        word: str,
        pos: int,
        fallback: Speaker | bool | None = True,
        plural: bool = False,
        recent_only: bool = False,
    ) -> Speaker | None:
        """er/sie: a person or organisation mentioned since the last attribution, else the
        last speaker (or ``fallback``), else the latest compatible mention; ``plural``: "sie"
        with a plural verb, only a group; ``recent_only``: only one mentioned since the last
        attribution."""
        fem = word.lower() == "sie"

        def ok(sp: Speaker) -> bool:
            # people and organisations of the pronoun's gender; never a thing ("Hintergrund")
            if plural:
                return sp.gender == "pl"
            if sp.kind == "person":
                return sp.gender in (("f", None) if fem else ("m", None))
            # "er" never points at a neuter noun ("das Ministerium" is "es")
            return sp.kind == "org" and sp.gender in (("f", "pl") if fem else ("m",))

        starts = self.reg.starts  # sorted: only the mentions between the last report and here
        between = self.reg.mentions[bisect_right(starts, self.last_at) : bisect_left(starts, pos)]
        recent = [m for m in between if not m.quoted]
        recent = [
            m
            for m in recent
            if ok(m.speaker) and (m.speaker.kind == "person" or (fem and m.speaker.gender == "pl"))
        ]
        if recent:
            # a person first; a group ("Menschenrechtler …; sie") only when no person was named
            return next((m for m in recent if m.speaker.kind == "person"), recent[0]).speaker
        if recent_only:
            return None
        last = self.last if fallback is True else fallback
        if isinstance(last, Speaker) and ok(last):
            return last
        return _latest(self.reg, pos, lambda m: not m.quoted and ok(m.speaker))

    def resolve(self, phrase: str, pos: int) -> Speaker | None:
        """The speaker a noun phrase from an attribution refers to."""
        phrase = phrase.strip(" ,")
        if any(c in phrase for c in '„“”"»«'):
            phrase = rx(r"\s*[„“”\"»«]\s*").sub(" ", phrase).strip()  # "die Zeitung „Kommersant“"
        words = _WORD_RE.findall(phrase)
        while words and is_opener(words[0]) and len(words) > 1:
            # "Nachdem dieser …", "Laut Kiper": the word opens the clause, the name follows
            phrase = phrase[phrase.find(words[0]) + len(words[0]) :].strip(" ,")
            words = words[1:]
        if not words or (len(words) == 1 and is_opener(words[0])):
            return None
        if words[0].lower() in ("er", "sie") and (len(words) == 1 or words[1][0].islower()):
            return self.pronoun(words[0], pos)  # "er", "Sie wird mit den Worten zitiert"
        if len(words) == 1 and words[0].lower() == "man":
            return self.last  # "Aber man betont auch, dass …": the speaker goes on
        for person in self.reg.people.values():
            # "Ursula von der Leyen": a name with particles is not cut at "von" or "der"
            if " " in person.name and any(w in _NAME_PARTICLES for w in person.name.split()[1:-1]):
                full = phrase.find(person.name)
                at = full if full >= 0 else phrase.lower().find(person.name.split(" ", 1)[1].lower())
                if at >= 0 and not rx(r"\b(?:[Vv]on|[Vv]om|des|der)\s+$").search(phrase[:at]):
                    return person  # not "der Sprecher von Ursula von der Leyen"
        outlet = _outlet_re().search(phrase)
        if outlet:
            # "ein hoher Beamter der Nachrichtenagentur Reuters" told Reuters: the person speaks
            cut = rx(r"\s(?:der|des)\s").search(phrase)
            told = cut and cut.start() < outlet.start()
            head = _WORD_RE.findall(phrase[: cut.start()]) if told else []
            if not any(role_head(w) or group_noun(w) for w in head):
                return Speaker(outlet.group(), "org")
        head_part, _, appos = phrase.partition(",")
        von = rx(r"\s(?:von|vom|aus)\s").search(head_part)  # "dem Bericht aus Moskau": the Bericht
        if von and any(role_head(w) or org_row(w) for w in _WORD_RE.findall(head_part[: von.start()])):
            head_part = head_part[: von.start()]  # "der Sprecher von Präsident Putin": the Sprecher
        elif von:
            before = [w for w in _WORD_RE.findall(head_part[: von.start()]) if _is_name_token(w)]
            after = [w for w in _WORD_RE.findall(head_part[von.end() :]) if w[0].isupper()]
            if len(before) >= 2 and len(after) >= 2:
                head_part = head_part[: von.start()]  # "John Sifton von Human Rights Watch"
        main = rx(r"\s(?:der|des)\s").split(head_part, maxsplit=1)
        if len(main) > 1 and main[0].endswith((" von", " van")) and _particle_surname(main[1]):
            main = [head_part]  # "Ursula von der Leyen": one name
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
        if roles and not names and len(main) > 1 and words[0].lower() not in _INDEFINITE:
            # "der Chef des Verwaltungsrats Ulrich Müller": the name after the genitive
            toks = [(t, 0) for t in _WORDS_RE.findall(head_part[len(main[0]) :])]
            span = _genitive_name(toks, 0)
            if span is not None:
                full = [t for t, _ in toks[span[0] : span[1]]]
                person = self.reg.people.get(full[-1].lower())
                if person is None:
                    gender = "f" if _role_female(roles[-1]) else "m"
                    person = Speaker(" ".join(full), "person", roles[-1], gender)
                    self.reg.people[full[-1].lower()] = person
                return person
        group = group_noun(caps[-1]) if caps else None
        if group is not None and len(words) == 2 and words[0] == "die" and role_head(words[1]):
            near = self._near_org(pos)
            if near is not None:
                return near  # "schreiben die Analysten" of the institute just named
        if group is not None and not any(self.reg.people.get(w.lower()) for w in names):
            # "die Veranstalter", "politische Beobachter", "Lokale Medien"
            return _group_phrase(main[0], group, phrase_start=True)
        acronyms = [w for w in caps if is_acronym(w)]
        if acronyms and not names and not roles:
            return Speaker(acronyms[-1], "org")  # "der BGH", "die SPD"
        if len(names) == 1 and not roles and not orgs and words[0].lower() in _DETS and _describes(words):
            # "der Niederländer", "der Mann": a description of someone already named
            if self.last is not None and self.last.kind == "person":
                return self.last
            found = _latest(self.reg, pos, lambda m: m.speaker.kind == "person" and not m.quoted)
            if found is not None:
                return found
        if names and orgs and not roles and head_words.index(names[0]) > head_words.index(orgs[0]):
            if org_row(orgs[0])[0]["class"] == "media":
                # "die Nachrichtenagentur Associated Press", "der Sender Channel 10", "RIA Nowosti"
                after = head_part[head_part.find(orgs[0]) + len(orgs[0]) :].strip(" ,")
                return Speaker(after or " ".join(names), "org")
            org = org_phrase(main[0], main[0].find(orgs[0]), main[0].find(orgs[0]) + len(orgs[0]))
            return Speaker(" ".join([org.name, *names]), "org")  # "der Landesverband Bayern"
        if names and not orgs:
            role = roles[0] if roles else None
            keep = [
                w
                for w in head_words
                if (_is_name_token(w) and w.lower() not in _DETS) or w in ("von", "van", "de", "al")
            ]
            for i in range(len(keep) - 2, 0, -1):
                if keep[i] not in ("von", "van", "de"):
                    continue
                pair = (keep[i], keep[i + 1])
                m = next((p for p in _PARTICLE_PAIR.finditer(head_part) if p.group(1, 3) == pair), None)
                if m is not None:
                    keep.insert(i + 1, m.group(2))  # "von der Leyen", "van den Berg"
            while len(keep) > 1 and keep[-1] in ("von", "van", "de", "al"):
                keep.pop()  # "Jonas Falk von der Wetterwarte": the name ends before "von"
            if len(keep) == 1 and not role:
                if _non_agent(keep[0]):
                    return None  # "die Anschuldigungen", "der Hintergrund": a thing
                if words[0].lower() in _DETS or words[0].lower() in _POSSESSIVES or words[0][0].islower():
                    # "die Sprachschule", "die Mönche", "das Positionspapier": no person's name
                    return Speaker(keep[0], "other")
                full = self._full_name(keep[0])
                if full is None and _COMMON_NOUN.search(keep[0]):
                    return Speaker(keep[0], "other")  # "nach Angaben der Verteidigung": no person
                keep = full or keep
            sp = Speaker(" ".join(keep).strip(), "person", role, _gender(role, keep))
            if len(keep) >= 1:
                self.reg.people.setdefault(keep[-1].lower(), sp)
            return sp
        if roles:
            role = roles[-1]
            # "Militärbloggern zufolge": the nominative plural
            bare = role[:-1] if role.endswith("ern") and role_lemma(role) == role[:-1] else role
            unnamed = Speaker(bare, "person", role, "f" if _role_female(role) else "m")
            if words[0].lower() == "die" and not _role_female(role) and len(main) == 1 and not names:
                near = self._near_org(pos) if len(words) == 2 else None
                if near is not None:
                    return near  # "die Analysten" right after "die Denkfabrik ISW": whom they speak for
                return Speaker(role, "org", None, "pl")  # "die Polizisten", "die Ermittler": a group
            if words[0].lower() in ("ein", "eine", "einer", "einem", "einen"):
                if words[1].lower() in ("sprecher", "sprecherin") and len(main) == 1 and len(words) == 2:
                    # "Die Vertretung wies die Zahlen zurück. …, erklärte ein Sprecher.": whom
                    # the spokesman speaks for is the subject of the sentence before (not for
                    # "ein Polizeisprecher": the compound says whom)
                    org = self._subject_org(min(pos, self.floor))
                    if org is not None:
                        return org
                return unnamed  # "ein Polizeisprecher": someone not named
            quals = {
                _ADJ_END.sub("", w)
                for w in _WORD_RE.findall(main[0])
                if w[0].islower() and w not in _DETS and len(w) > 4 and _ADJ_END.search(w)
            }
            if quals:
                # "der brasilianische Präsident": the person whose role had that adjective
                same = _same_role(role)

                def qualified(m: Mention) -> bool:
                    if m.speaker.kind != "person" or not quals & set(m.speaker.qualifiers):
                        return False
                    return same(m) or role_head(m.speaker.role or "") == "kollege"  # "Amtskollege"

                found = _latest(self.reg, pos, qualified)
                if found is not None:
                    return found
            found = _latest(self.reg, pos, _same_role(role))
            if found is not None:
                return found
            if words[0].lower() in _DETS and len(main) == 1:
                # "der SPD-Politiker", "der General": a description of someone already named
                # (not "der Sprecher des Präsidenten": someone else)
                last = self.last
                sex = _gender(role, ["?"])

                def fits(sp: Speaker) -> bool:
                    return sp.kind == "person" and not (sex and sp.gender and sex != sp.gender)

                if last is not None and fits(last):
                    if role not in last.titles:
                        last.titles.append(role)
                    return last
                if last is None:
                    # already named: before it, never a woman for "der Bürgermeister"
                    found = _latest(
                        self.reg, pos, lambda m: m.start < pos and fits(m.speaker) and not m.quoted
                    )
                    if found is not None:
                        if role not in found.titles:
                            found.titles.append(role)
                        return found
            return unnamed
        if orgs:
            start = phrase.find(orgs[-1])
            row, lemma, generic = org_row(orgs[-1])
            floor = min(pos, self.floor)
            prefix = rx(r"(\p{Lu}[\p{Lu}\d]+)-").match(lemma)
            document = row["class"] == "document"
            if prefix and row["class"] in ("any", "document"):
                return Speaker(prefix.group(1), "org")  # "im ISW-Bericht": the ISW
            gen = rx(r"\s(?:der|des)\s(.+)$").search(head_part)
            if generic and row["class"] in ("any", "document") and gen:
                # "in einer Erklärung des Präsidenten Barack Obama": who issued it
                found = self.resolve(gen.group(1), pos + gen.start(1))
                if found is not None:
                    return found
            if document:
                issuer = _issuer(lemma, row)
                if issuer is not None:
                    return issuer  # "im Polizeibericht": the police
                # "heißt es in dem Positionspapier": the organisation named before it; no one for
                # "in einem Papier" or "Berichten zufolge" (plural)
                one = orgs[-1].lower().endswith((row["suffix"], row["suffix"] + "s", row["suffix"] + "es"))
                if words[0].lower() in _INDEFINITE or not one:
                    return None
                top = bisect_left(self.reg.starts, floor)
                for k in range(top - 1, max(-1, top - 200), -1):  # nearest first, bounded
                    sp = self.reg.mentions[k].speaker
                    if sp.kind == "org" and org_row(_org_head(sp.name).split()[-1]):
                        return self._fuller(sp, floor)
                return None
            if generic:
                cls = row["class"]
                found = _latest(
                    self.reg,
                    floor,
                    lambda m: m.speaker.kind == "org" and (cls == "any" or _org_class(m.speaker) == cls),
                )
                if found is not None:
                    return found
            if self.reg.text[pos : pos + len(phrase)] == phrase:
                # in the document: "der Koordinierungsstab für Kriegsgefangene" may go on after the phrase
                own = org_phrase(self.reg.text, pos + start, pos + start + len(orgs[-1]))
            else:
                own = org_phrase(phrase, start, start + len(orgs[-1]))
            # "die Luftwaffe" after "die ukrainische Luftwaffe": the fuller name given before
            return self._fuller(own, floor, lemma)
        if len(caps) > 1:
            return Speaker(" ".join(caps), "other")  # "Erwerbslosen Forum Deutschland"
        return None

    def _fuller(self, sp: Speaker | None, floor: int, lemma: str | None = None) -> Speaker | None:
        """The fuller name given before ``floor`` of the organisation ``sp`` (head ``lemma``):
        "die Luftwaffe" after "die ukrainische Luftwaffe", "die Mission" after "die
        UN-Beobachtermission in der Ukraine (HRMMU)"."""
        if lemma is None:
            lemma = _org_head(sp.name).split()[-1] if sp is not None else ""
        low = lemma.lower()
        fuller = None
        for m in self.reg.mentions:
            if (
                m.start < floor
                and m.speaker.kind == "org"
                and len(m.speaker.name) > len(sp.name if sp else lemma)
                and _org_head(m.speaker.name).lower().endswith(low)
            ):
                fuller = m.speaker
        return fuller or sp

    def _subject_org(self, pos: int) -> Speaker | None:
        """The organisation that opened a sentence shortly (300 characters) before ``pos``,
        unless a person opened one since."""
        text, mentions = self.reg.text, self.reg.mentions
        k = bisect_left(self.reg.starts, pos) - 1
        while k >= 0 and pos - mentions[k].start < 300:
            m = mentions[k]
            if m.subject and not m.quoted:
                # the sentence's first mention ("Minister X besuchte die Feuerwehr": X, not the Feuerwehr)
                while k > 0 and not _SENTENCE_END.search(text, mentions[k - 1].start, m.start):
                    k -= 1
                    m = mentions[k]
                if m.subject and m.speaker.kind == "org" and m.speaker.gender != "pl":
                    return m.speaker
                return None
            k -= 1
        return None

    def _near_org(self, pos: int) -> Speaker | None:
        """The organisation mentioned last before ``pos``, if close (300 characters) and
        singular: "die Analysten" or "die Ermittler" speak for it."""
        k = bisect_left(self.reg.starts, pos) - 1
        near = self.reg.mentions[k] if k >= 0 else None
        if near is None or pos - near.start >= 300 or near.quoted or near.speaker.kind != "org":
            return None
        if near.speaker.gender == "pl" or role_head(near.speaker.name.split()[-1]) is not None:
            return None
        return near.speaker

    def _full_name(self, surname: str) -> list[str] | None:
        return full_name_in(self.reg.text, surname)


def full_name_in(text: str, surname: str) -> list[str] | None:
    """The full name a lone surname has elsewhere in the document ("Bernhard Suttner von
    der ödp" … "sagte Suttner"): the name words right before it, none a role or noun."""
    if not _is_name_token(surname):
        return None
    pattern = rf"((?:\p{{Lu}}[\p{{Ll}}\-]+\s+){{1,2}}){regex.escape(surname)}\b"
    for m in regex.finditer(pattern, text):
        first = m.group(1).split()
        if all(_is_name_token(w) and w.lower() not in _DETS for w in first):
            return [*first, surname]
    return None


# -- the subject of a speech verb ---------------------------------------------------
_AUXILIARIES = frozenset(
    "ließ ließen lässt lassen hat hatte haben hatten hätte wird wurde werden wurden will wollte wollten "
    "soll sollte sollten muss musste kann konnte ist war".split()
)
_PREPOSITIONS = frozenset(
    "laut nach am im vom zum zur beim ins in aus bei mit für gegen neben über unter vor seit trotz wegen "
    "gegenüber von an auf durch ohne um".split()
)
_NOT_NOMINATIVE = frozenset("dem den des einem einen eines einer".split())
_LEADERS = frozenset(
    "nachdem als wie da weil obwohl während bevor wenn dass ob und aber doch auch jedoch zudem".split()
)
_APPOS_BEFORE_VERB = compile_pattern(
    r",\s*(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){1,3})(?:\s*\([^()]{0,40}\))?\s*,\s*$"
)
_NP_HERE = compile_pattern(rf"[\s,]*(?:(?:sich|nun|jetzt|auch|dann|aber|es)\s+)?(?P<np>{NP})", regex.VERSION1)


# "von der Leyen", "van den Berg": the particles of a name, with the word after them
_PARTICLE_PAIR = compile_pattern(r"\b(von|van|de)\s+(der|den|de|la)\s+([\p{L}\p{M}'’\-]+)")


def _particle_surname(rest: str) -> bool:
    """Whether ``rest`` after "von der" is a surname ("Leyen"), not a body ("Polizei")."""
    words = _WORD_RE.findall(rest)
    return (
        len(words) == 1
        and _is_name_token(words[0])
        and not _COMMON_NOUN.search(words[0].lower())
        and not place_lookup(words[0])
    )


def _nominative(phrase: str) -> bool:
    """Whether a noun phrase can be a subject: not "dem/den/einer …", not "der" with an
    adjective in -en ("der englischsprachigen Zeitung"), not a preposition."""
    words = _WORD_RE.findall(phrase)
    if not words:
        return False
    first = words[0].lower()
    if first in _NOT_NOMINATIVE:
        return False
    if first == "der" and len(words) > 2 and words[1][0].islower() and words[1].endswith("en"):
        return False
    org = org_row(words[1]) if first == "der" and len(words) == 2 else None
    if org is not None and org[0]["gender"] in ("f", "pl"):
        return False  # "der Zeitung": dative
    return words[0][0].isupper() or first in _DETS or first in ("er", "sie", "man")


def _speakerish(phrase: str, reg: Registry) -> bool:
    """Whether a noun phrase names someone who can speak: a person (two name words or a known
    surname), a role, an organisation, a group or an acronym."""
    caps = [w for w in _WORD_RE.findall(phrase) if w[0].isupper() and w.lower() not in _DETS]
    if not caps:
        return False
    names = [w for w in caps if _is_name_token(w)]
    return (
        len(names) >= 2
        or _WORD_RE.findall(phrase)[0].lower() in _POSSESSIVES  # "Ihre Mandantin", "sein Sprecher"
        or any(reg.people.get(v) for w in names for v in _variants(w))
        or any(role_head(w) or org_row(w) or group_noun(w) or is_acronym(w) for w in caps)
    )


@cache
def _non_agents() -> frozenset[str]:
    return word_set("non_agents")


def _non_agent(phrase: str) -> bool:
    """Whether a noun phrase's head is a thing that cannot speak ("Hintergrund",
    "Bestrebungen", "die Nähe des Bären"): ``data/non_agents.txt``, compounds included."""
    head = rx(r"\s(?:der|des)\s").split(phrase, maxsplit=1)[0]
    words = [w for w in _WORD_RE.findall(head) if w[0].isupper()]
    if not words:
        return False
    low = words[-1].lower()
    return any(v.endswith(n) for v in _variants(low) for n in _non_agents())


def clause_subject(
    text: str, start: int, verb_start: int, verb_end: int, found: tuple[str, int] | None, reg: Registry
) -> tuple[str, int] | None:
    """The subject of a speech verb (see :func:`_clause_subject`), unless it is a thing that
    cannot speak ("Hintergrund war ein Interview, in dem sie gesagt hatte, …")."""
    got = _clause_subject(text, start, verb_start, verb_end, found, reg)
    return None if got is not None and _non_agent(got[0]) else got


def _clause_subject(
    text: str, start: int, verb_start: int, verb_end: int, found: tuple[str, int] | None, reg: Registry
) -> tuple[str, int] | None:
    """The subject of a speech verb at ``text[verb_start:verb_end]`` in a clause from
    ``start``, given the phrase the frame grammar ``found`` (or None). Repairs the cases it
    misses: a name in an apposition right before the verb ("Seine Kollegin im Parlament,
    Clara Mo, urteilte"), a subject with a phrase or relative clause after it ("Bert Bauer
    von der Wetterwarte, die …, sagte"), a subject after the verb when the first phrase is
    an object ("Der Zeitung sagte Filip Kamm", "Als Grund gab die Schule an")."""
    colon = text.rfind(":", start, verb_start)
    start = colon + 1 if colon >= 0 else start  # "Arbeitswelt: Die SPD fordert …"
    pos = start
    lead = ""
    while (w := rx(r"[\s,]*(\p{L}+)\s+").match(text[pos:verb_start])) and (
        w.group(1).lower() in _LEADERS or is_opener(w.group(1))
    ):
        pos += w.end()  # "Nachdem die Anwältin …", "Unterdessen verlangen …"
        lead = w.group(1).lower()
    while (w := rx(r"\s*(\p{Ll}+)\s+").match(text[pos:verb_start])) and w.group(1) in _AUXILIARIES:
        pos += w.end()  # "Außerdem ließ der Pressedienst … verlauten"
    m = _NP_HERE.match(text, pos, verb_start)
    first = None
    if m and _nominative(m.group("np")) and _speakerish(m.group("np"), reg):
        head = next((w for w in _WORD_RE.findall(m.group("np")) if w[0].isupper()), "")
        if lead not in _PREPOSITIONS or (lead == "aus" and (group_noun(head) or org_row(head))):
            # not "Laut BBC News sagte der Minister"; but "Aus Militärkreisen verlautete"
            first = m.group("np"), m.start("np")
    if found is not None and _nominative(found[0]):
        if found[0].lower() in ("er", "sie", "man") or _speakerish(found[0], reg):
            # a subject before the verb beats a phrase after it (an object: "fordert die Parteien auf")
            return first if first is not None and found[1] >= verb_end else found
    m = _APPOS_BEFORE_VERB.search(text, start, verb_start)
    if m:
        return m.group("name"), m.start("name")
    if first is not None:
        return first
    m = _NP_HERE.match(text, verb_end, min(len(text), verb_end + 120))
    if m and _nominative(m.group("np")) and _speakerish(m.group("np"), reg):
        return m.group("np"), m.start("np")
    return found
    pre = text[start:verb_start]
    m = _APPOS_BEFORE_VERB.search(pre)
    if m:
        return m.group("name"), start + m.start("name")
    pos = start
    while (w := rx(r"[\s,]*(\p{L}+)\s+").match(text[pos:verb_start])) and (
        w.group(1).lower() in _LEADERS or is_opener(w.group(1))
    ):
        pos += w.end()  # "Nachdem die Anwältin …", "Unterdessen verlangen …"
    while (w := rx(r"\s*(\p{Ll}+)\s+").match(text[pos:verb_start])) and w.group(1) in _AUXILIARIES:
        pos += w.end()  # "Außerdem ließ der Pressedienst … verlauten"
    m = _NP_HERE.match(text, pos, verb_start)
    if m and _nominative(m.group("np")) and _speakerish(m.group("np"), reg):
        return m.group("np"), m.start("np")
    m = _NP_HERE.match(text, verb_end, min(len(text), verb_end + 120))
    if m and _nominative(m.group("np")) and _speakerish(m.group("np"), reg):
        return m.group("np"), m.start("np")
    return found
