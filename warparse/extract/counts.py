"""Count records: a number and the thing it counts.

For every sentence the numeral grammar (:mod:`warparse.grammar.numbers`)
finds the numbers; this module decides which of them count something and
fills in what:

1. Not counts (``count.skip_*``, never emitted): numbers inside dates, clock
   times and ordinals (tokens and ``ctx.dates``), years, numbers glued to a
   model name ("Shahed-136/131"), a unit after the number ("24 Stunden", "13
   Jahre", "50 Prozent": ``data/not_counted.txt``), a label before it
   ("Resolution 2774", "Kanal 24", "das Kind 17"), scores ("6:4"), short
   quoted names.
2. The counted noun (``count.noun``): the next noun after optional
   adjectives ("66 feindlichen Drohnen", "126 dieser Drohnen"); lemma and
   category from ``data/count_nouns.tsv`` by the compound's longest known
   tail ("Kampfdrohnen" -> kampfdrohne, drone), else general plural ->
   singular rules (a nominalised adjective, "Verschüttete", names people).
   "Männer" outside a military context are people (``count.civil``).
3. A number without a noun takes one from its context: "X von Y" / "X der Y"
   (``count.x_von_y``), "darunter/davon/unter ihnen" (``count.subset``, with
   ``part_of``), "Von den Drohnen … 309" (``count.partitive``), "die Zahl der
   Toten … auf 18" (``count.zahl_der``), "sieben statt 14 Divisionen"
   (``count.forward``), else the nearest count before it (``count.elided``).
4. The outcome: cues of ``data/count_outcomes.tsv`` in the number's clause,
   strongest then nearest, else in its sentence unless the clause has a verb
   of its own (``count.outcome``); a noun that states it, "Tote"
   (``count.outcome_noun``); a subset or an elided count inherits its
   parent's (``count.outcome_parent``), a count joined by "und" or set off by
   a dash its partner's ("199 Drohnen und 36 Raketen",
   ``count.outcome_partner``), and the first of "95 Drohnen und fünf Raketen
   abgeschossen" the verb after the second (``count.outcome_coordinated``);
   the whole of an "X von Y" or of a share ("zwei Drittel der 90 Drohnen")
   was launched; else the noun's default, weapons
   ``launched``, the rest ``none`` (``count.outcome_default``).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import regex

from warparse.context import Context
from warparse.grammar.literals import Prefilter, required_each
from warparse.grammar.numbers import NumeralMatch, find_in_sentence, numeral_at, parse_numeral
from warparse.lexicons import derived, table, word_list
from warparse.records import Count
from warparse.rules import compile_pattern
from warparse.segmenter import Sentence
from warparse.tokenizer import ALL_QUOTES, Token

# ---------------------------------------------------------------- lexicons

_GROUPS = {
    "air": ("drone", "missile", "bomb"),
    "ground": ("vehicle", "artillery", "aircraft", "building", "other"),
    "people": ("person", "child", "soldier"),
    "place": ("settlement",),
}
# With no cue, a weapon counted in a bulletin was used in the attack.
_DEFAULT_LAUNCHED = frozenset({"drone", "missile", "bomb", "artillery", "attack"})
_WEAPONS = frozenset({"drone", "missile", "bomb", "artillery", "aircraft"})


@dataclass(frozen=True, slots=True)
class Noun:
    """A counted noun of the lexicon (count_nouns.tsv): its lemma, category and outcomes."""

    lemma: str
    category: str
    outcome: str | None = None  # stated by the noun itself ("Tote")
    default: str | None = None  # when the clause states none ("Kriegsgefangene")
    civil: str | None = None  # the category outside a military context ("Männer")


@derived
def _noun_forms() -> dict[str, tuple[str, str, str | None, str | None, str | None]]:
    """Every known inflected form -> the fields of its entry (regular endings added): plain
    data, kept across runs (see lexicons.derived)."""
    forms: dict[str, tuple[str, str, str | None, str | None, str | None]] = {}
    for row in table("count_nouns"):
        lemma = row["lemma"].lower()
        noun = (lemma, row["category"], *(row.get(k) or None for k in ("outcome", "default", "civil")))
        regular = [lemma + e for e in ("", "n", "en", "e", "s", "es")]
        listed = [f.strip().lower() for f in (row.get("forms") or "").split(",") if f.strip()]
        for form in (*listed, *regular):
            forms.setdefault(form, noun)
        forms[lemma] = noun
    return forms


_INVIS = compile_pattern("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def lookup_noun(word: str) -> Noun | None:
    """The lexicon entry of ``word`` or of its longest known tail (a compound)."""
    w = _INVIS.sub("", word).lower()
    forms = _noun_forms()
    for i in range(len(w)):
        entry = forms.get(w[i:])
        if entry is None:
            continue
        prefix = w[:i]
        # a short tail inside a word is no compound head: "Sport" is no "Ort"
        if prefix and len(w) - i <= 4 and len(prefix) < 3 and not prefix.endswith("-"):
            continue
        lemma, category, outcome, default, civil = entry
        if prefix and lemma == "leute":
            lemma = "mann"  # "Wachleute", "Seeleute": the plural of a -mann compound
        return Noun(prefix + lemma, category, outcome, default, civil)
    # feminine forms of people: "Soldatinnen", "Ärztinnen", "Helferin"
    for ending in ("innen", "in"):
        if w.endswith(ending) and len(w) > len(ending) + 3:
            base = w[: -len(ending)]
            for stem in (base, base + "e", base.replace("ä", "a")):
                entry = lookup_noun(stem)
                if entry is not None and entry.category in ("person", "soldier", "child"):
                    return Noun(base + "in", entry.category, entry.outcome, entry.default)
    return None


_LEMMA_RULES = (
    ("innen", "in"),
    ("ungen", "ung"),
    ("heiten", "heit"),
    ("keiten", "keit"),
    ("schaften", "schaft"),
    ("ionen", "ion"),
    ("täten", "tät"),
    ("nissen", "nis"),
    ("nisse", "nis"),
    ("ismen", "ismus"),
    ("eien", "ei"),
    ("ien", "ie"),
    ("arn", "ar"),
    ("oren", "or"),
    ("nauten", "naut"),
)


_PARTICIPLE = compile_pattern(
    r"(?:ge|ver|be|ent|zer|er|an|aus|ein|ab|vor)\w+(?:ete|(?<![aeiouäöüy]|ch|t)te)$"
)


def lemmatise(word: str) -> str:
    """A German plural noun -> its singular, lower case (general rules for
    words the lexicon does not know)."""
    w = _INVIS.sub("", word).lower()
    # nominalised adjectives and participles: "Verdächtige" -> verdächtiger,
    # "Angestellte" -> angestellter, "Vertriebene" -> vertriebener
    stem = w[:-1] if w.endswith("n") else w
    if len(stem) > 6 and (stem.endswith(("ige", "liche", "ene")) or _PARTICIPLE.fullmatch(stem)):
        return stem + "r"
    for suffix, repl in _LEMMA_RULES:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            return w[: -len(suffix)] + repl
    if w.endswith(("chen", "lein")):
        return w
    if w.endswith(("ern", "eln")):
        return w[:-1]
    if w.endswith(("isten", "anten", "enten", "aten", "oten", "schen")):
        return w[:-2]
    if w.endswith("en") and len(w) > 4:
        return w[:-1]
    if w.endswith("e") and len(w) > 4 and w[-2] not in "aeiouäöü":
        return w[:-1]
    if w.endswith("s") and len(w) > 3 and not w.endswith(("ss", "us", "is", "ts")):
        return w[:-1]
    return w


def noun_entry(word: str) -> Noun:
    """The lexicon entry, else the general lemma; a nominalised adjective
    ("Verschüttete", "Angestellte") names people."""
    entry = lookup_noun(word)
    if entry is not None:
        return entry
    lemma = lemmatise(word)
    adjectival = lemma.endswith("r") and not _INVIS.sub("", word).lower().startswith(lemma)
    return Noun(lemma, "person" if adjectival else "other")


@cache
def _not_counted() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str]]:
    """(units after a number, labels before it, words before a year)."""
    units, labels, years = set(), [], set()
    for line in word_list("not_counted"):
        if line.startswith("_ "):
            units.add(line[2:].strip().lower())
        elif line.endswith(" _YEAR"):
            years.add(line[: -len(" _YEAR")].strip().lower())
        elif line.endswith(" _"):
            labels.append(tuple(line[:-2].lower().split()))
    return frozenset(units), tuple(labels), frozenset(years)


@dataclass(frozen=True, slots=True)
class _Cue:
    """An outcome cue found in a clause ("abgeschossen"), with its strength."""

    start: int
    end: int
    outcome: str
    weight: int


@cache
def _cue_rules() -> tuple[tuple[str, str, frozenset[str], int], ...]:
    """(pattern source, outcome, categories, weight) of every row of count_outcomes.tsv."""
    rules = []
    for row in table("count_outcomes"):
        cats: set[str] = set()
        for name in row["categories"].split():
            cats.update(_GROUPS.get(name, (name,)))
        rules.append((row["pattern"], row["outcome"], frozenset(cats), int(row["weight"] or 1)))
    return tuple(rules)


@cache
def _cue_pattern(source: str) -> regex.Pattern[str]:
    # compiled when the prefilter first lets a sentence through to it: a bulletin needs a few
    # of the rows, and building all of them is start-up time for nothing
    return compile_pattern(source, regex.IGNORECASE)


# ------------------------------------------------------------ noun phrases

_NOT_ADJ = frozenset(
    """seien sind waren wurden werden haben hatten hätten wären könnten konnten sollen sollten
    mussten müssen müssten wollten würden worden gewesen kamen gingen flogen trafen starben fielen
    erlitten erlitt erleiden gerieten erlagen
    lagen stehen standen blieben stiegen liegen oder aber über unter hinter wieder weder sehr mehr
    immer später jeder jede jeden diese dieser diesen jener jene ihre ihrer ihren seine seiner seinen
    unsere unserer eine einer einen keine keiner alle allen beide beiden die sie wie nie eben
    zwischen gegen ohne innerhalb außerhalb während wegen seit neben davon darunter nach""".split()
)
_NP_ADVERBS = frozenset("schwer leicht tödlich lebensgefährlich noch bereits zuvor insgesamt".split())
_CONJ = frozenset({"und", "oder", "sowie", "bzw."})
_GENITIVE = frozenset({"der", "dieser", "jener"})
_SUBSET = frozenset({"darunter", "davon"})
_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—", "(", ")", "-"})
# adjectives that stand for an elided noun: "40 weitere", "die übrigen sieben"
_ELIDED_ADJ = frozenset("weitere weiteren übrige übrigen andere anderen restliche restlichen".split())
_YEAR = compile_pattern(r"(?<![\d.,])(?:1[89]|20)\d\d(?![\d.,])")
_SHARES = frozenset("drittel viertel fünftel zehntel hälfte prozent mehrheit teil großteil".split())
_GAP_WORDS = frozenset("insgesamt zusammen ursprünglich allen ganzen".split())
_LINKS = frozenset({"und", "oder", "bis", "bzw.", "statt", "anstatt", "von", "der"})
_COPULA = frozenset("war waren ist sind sei seien wäre wurde wird erst gerade".split())
_BEFORE_PLACE = frozenset("den diesen in im über aus bei nahe um nach".split())
_DETERMINERS = frozenset("der die das des dem den ein eine einer einem einen eines".split())
_ARTICLES = frozenset("der die das des dem den am im vom zum beim".split())
_STANDING_IN = _ELIDED_ADJ | {"alle", "sämtliche"}
_PREP_NP = frozenset({"seit", "aus", "in", "im", "vor", "nach", "bei", "am"})
# words of a qualifier before a number ("mehr als 100", "bis zu 20")
_NUM_QUALIFIERS = frozenset(
    "mehr als über rund etwa ca. circa knapp fast mindestens bis zu weitere weniger".split()
)


def _is_adj(t: Token) -> bool:
    w = t.norm
    if t.kind != "word" or not w or not w[0].islower() or len(w) < 4:
        return False
    lw = w.lower()
    return lw not in _NOT_ADJ and (lw.endswith(("e", "en", "er", "es", "em")) or lw in _NP_ADVERBS)


_AGED = compile_pattern(r"(?P<age>\d{1,3})[-‐‑]Jährige[nr]?")
_GLUED = compile_pattern(r"\d[\d.,]*(?:[-‐‑]\w+)*[-‐‑]\p{Lu}\p{Ll}+")  # "155-mm-Haubitzen"


def _is_noun(t: Token) -> bool:
    w = t.norm
    if t.kind == "number":  # "zwei 16-Jährige", "zwei 155-mm-Haubitzen"
        return _AGED.fullmatch(w) is not None or (_GLUED.fullmatch(w) is not None and bool(lookup_noun(w)))
    return t.kind in ("word", "abbrev") and bool(w) and w[0].isupper()


def _skip_parenthesis(tokens: list[Token], k: int) -> int:
    """ "11.477 (+5) Kampfpanzer": the noun comes after a short parenthesis."""
    if k < len(tokens) and tokens[k].text == "(":
        for m in range(k + 1, min(k + 9, len(tokens))):
            if tokens[m].text == ")":
                return m + 1
    return k


def _noun_after(tokens: list[Token], j: int, vague: bool) -> tuple[int | None, str]:
    """Index of the counted noun right after a number (adjectives between),
    and how it was reached: "direct", "genitive" ("126 dieser Drohnen") or
    "phrase" ("41.731 seit Februar 2022 getöteten Soldaten")."""
    n = len(tokens)
    k = _skip_parenthesis(tokens, j)
    first = k
    adjectives = 0
    how = "direct"
    while k < n and k - first < 8:
        t = tokens[k]
        if _is_noun(t) and t.norm.lower() in _ELIDED_ADJ:
            adjectives += 1  # "mehr als 60 Weitere wurden verletzt"
            k += 1
            continue
        if _is_noun(t):
            # "drei Kiewer Bezirke", "vier Black Hawk Hubschrauber": capitalised
            # words before a known noun
            if not lookup_noun(t.norm):
                for m in range(k + 1, min(k + 3, n)):
                    if not _is_noun(tokens[m]):
                        break
                    if lookup_noun(tokens[m].norm):
                        return m, how
            return k, how
        if t.kind != "word":
            return None, how
        lw = t.norm.lower()
        if lw in _CONJ and adjectives and k + 1 < n and _is_adj(tokens[k + 1]):
            k += 1
            continue
        if lw in _CONJ and adjectives:
            # "174 getötete und (mehr als) 690 verletzte Zivilisten": both numbers count the last noun
            m = k + 1
            while m < min(n, k + 4) and tokens[m].norm.lower() in _NUM_QUALIFIERS:
                m += 1
            if m + 1 < n and parse_numeral(tokens[m].text) is not None:
                later, later_how = _noun_after(tokens, m + 1, vague)
                return (later, how) if later is not None and later_how == "direct" else (None, how)
        if k == first and (lw in _GENITIVE or lw == "dieser" or (vague and lw == "von")):
            if k + 1 < n and (tokens[k + 1].kind == "word"):
                k += 1
                how = "genitive" if lw != "von" else how
                continue
            return None, how
        if _is_adj(t):
            adjectives += 1
            k += 1
            continue
        if lw in _PREP_NP and k == first:
            return _noun_beyond_phrase(tokens, k), "phrase"
        return None, how
    return None, how


def _noun_beyond_phrase(tokens: list[Token], k: int) -> int | None:
    """ "41.731 seit Februar 2022 getöteten Soldaten": a known noun after a
    short phrase and an adjective, without crossing punctuation."""
    for m in range(k + 1, min(k + 8, len(tokens))):
        t = tokens[m]
        if t.kind in ("punct", "quote", "ellipsis"):
            return None
        if _is_noun(t) and _is_adj(tokens[m - 1]) and lookup_noun(t.norm):
            return m
    return None


# -------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    """A number on its way to a count: the noun it counts, or why it counts nothing."""

    num: NumeralMatch
    sent: Sentence
    i: int  # first token of the numeral in the sentence
    j: int  # first token after it
    noun_i: int | None = None
    how: str = "direct"  # how the noun was reached (see _noun_after)
    noun: Noun | None = None
    skip: str | None = None  # why this number counts nothing
    rules: list[str] = field(default_factory=list)
    parent: _Cand | None = None
    subset: bool = False  # darunter/davon: part_of the parent, inherits its outcome
    total: bool = False  # "von 46 Drohnen": the whole that a part is taken from
    count: Count | None = None

    @property
    def end(self) -> int:
        tokens = self.sent.tokens
        if self.noun_i is not None:
            return tokens[self.noun_i].end
        k = self.j
        while k < len(tokens) and _is_adj(tokens[k]) and tokens[k].norm.lower() in _ELIDED_ADJ:
            k += 1
        return tokens[k - 1].end if k > self.j else self.num.end


def _token_index(tokens: list[Token], offset: int) -> int:
    """The first token starting at or after ``offset`` (binary search: tokens are in order)."""
    return bisect.bisect_left(tokens, offset, key=lambda t: t.start)


def _prev_words(tokens: list[Token], i: int, n: int) -> tuple[str, ...]:
    return tuple(t.norm.lower() for t in tokens[max(0, i - n) : i])


class _Spans:
    """Whether a span overlaps one of ``spans``: by bisection over the starts and the running
    maximum of the ends when the spans are in start order (date mentions are), else a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [a for a, _ in spans]
        self.ordered = all(p <= q for p, q in itertools.pairwise(self.starts))
        self.max_end = list(itertools.accumulate((b for _, b in spans), max)) if self.ordered else []

    def overlaps(self, start: int, end: int) -> bool:
        if not self.ordered:
            return any(a < end and start < b for a, b in self.spans)
        k = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return k > 0 and self.max_end[k - 1] > start


def _skip_reason(c: _Cand, ctx: Context, dates: _Spans | None = None) -> str | None:
    """Why the number ``c`` counts nothing, or None. ``dates``: ``ctx.dates``' spans, indexed."""
    tokens = c.sent.tokens
    first = tokens[c.i]
    if first.kind in ("date", "time", "ordinal", "url", "email", "hashtag"):
        return "count.skip_date"
    if (dates or _Spans([d.span for d in ctx.dates])).overlaps(c.num.start, c.num.end):
        return "count.skip_date"
    glue = tokens[c.i - 1] if c.i > 1 else None
    if glue is not None and glue.text in "-/‐‑" and glue.end == first.start:
        if tokens[c.i - 2].end == glue.start and tokens[c.i - 2].kind in ("word", "number"):
            return "count.skip_model"  # "Shahed-136/131"
    units, labels, years = _not_counted()
    prev = _prev_words(tokens, c.i, 3)
    for label in labels:
        if prev[-len(label) :] == label and (c.noun is None or c.how == "genitive"):
            return "count.skip_label"  # "Resolution 2774", "Tag 1000 des Krieges"
    digits = c.num.text
    if _YEAR.search(digits) and 1800 <= c.num.value <= 2100:
        # a year unless a known noun follows right away ("2000 Soldaten")
        if (prev and prev[-1] in years) or c.noun is None or c.how != "direct":
            return "count.skip_year"
        if lookup_noun(tokens[c.noun_i].norm) is None:
            return "count.skip_year"
    after = tokens[c.j].norm.lower() if c.j < len(tokens) else ""
    if after in units or (c.noun is not None and tokens[c.noun_i].norm.lower() in units):
        return "count.skip_unit"
    at_end = c.j >= len(tokens) or tokens[c.j].kind in ("punct", "quote", "ellipsis")
    if (c.noun is None and at_end) or c.how == "genitive":
        # "Kanal 24.", "das älteste Kind 17.", "eine Boeing 747 der Fluglinie":
        # a number right after a noun names or measures it
        # (not a place after a preposition: "5 Verletzte in Charkiw, in Sumy 3")
        if c.i > 1 and _is_noun(tokens[c.i - 1]) and not _after_place(tokens, c.i - 1):
            return "count.skip_label"
    ordinal_like = c.num.text.isdigit()  # "1." — not "zweieinhalb Millionen."
    glued_dot = c.j < len(tokens) and tokens[c.j].text == "." and tokens[c.j].start == c.num.end
    if ordinal_like and c.noun is None and glued_dot:
        # "des in Baucau stationierten 1." at a sentence end: an ordinal
        before = tokens[c.i - 1] if c.i > 0 else None
        if before is not None and (_is_adj(before) or before.norm.lower() in _ARTICLES):
            return "count.skip_ordinal"
    if _is_ratio(tokens, c.i, c.j):
        return "count.skip_ratio"
    if c.noun is None and _in_short_quote(tokens, c.i, c.j):
        return "count.skip_quoted_name"
    return None


def _after_place(tokens: list[Token], k: int) -> bool:
    """ "in Sumy 3", "über der Halbinsel Krim elf": the noun at ``k`` ends a
    place phrase after a preposition (not a label like "Kanal 24")."""
    for m in range(k - 1, max(-1, k - 5), -1):
        t = tokens[m]
        if t.norm.lower() in _BEFORE_PLACE:
            return True
        if t.kind != "word" or not (_is_noun(t) or _is_adj(t) or t.norm.lower() in _ARTICLES):
            return False
    return False


def _is_ratio(tokens: list[Token], i: int, j: int) -> bool:
    """ "90:9 Stimmen", "mit 6:4": a score or ratio, not a count."""

    def glued(a: int, b: int) -> bool:
        return 0 <= a and b < len(tokens) and tokens[a].end == tokens[b].start

    before = i >= 2 and tokens[i - 1].text == ":" and glued(i - 1, i) and glued(i - 2, i - 1)
    after = j + 1 < len(tokens) and tokens[j].text == ":" and glued(j - 1, j) and glued(j, j + 1)
    return (before and tokens[i - 2].kind == "number") or (after and tokens[j + 1].kind == "number")


def _in_short_quote(tokens: list[Token], i: int, j: int) -> bool:
    """ "„Kanal 24“": a number in a quoted name of at most three tokens."""
    left = next((k for k in range(i - 1, max(-1, i - 3), -1) if tokens[k].kind == "quote"), None)
    if left is None:
        return False
    right = next((k for k in range(j, min(len(tokens), left + 5)) if tokens[k].kind == "quote"), None)
    return right is not None and right - left - 1 <= 3 and tokens[left].text in ALL_QUOTES


# --------------------------------------------------------------- resolution


def _resolve(c: _Cand, cands: list[_Cand], idx: int, text: str, memo: _Memo | None = None) -> bool:
    """Give a number without a noun the noun of its context; False if none. ``memo``:
    what is found once per sentence (``_per_sentence``)."""
    tokens = c.sent.tokens
    prev = _prev_words(tokens, c.i, 3)
    nxt = [t.norm.lower() for t in tokens[c.j : c.j + 3]]
    same = [d for d in cands[:idx] if d.sent is c.sent and d.noun is not None]
    earlier = [
        d
        for d in cands[:idx]
        if d.noun is not None and d.sent.paragraph == c.sent.paragraph and c.sent.index - d.sent.index <= 1
    ]

    def take(d: _Cand, rule: str, subset: bool = False, total: bool = False) -> bool:
        c.noun, c.parent, c.subset = d.noun, d, subset
        d.total = d.total or total
        c.rules.append(rule)
        return True

    # "darunter zwei", "elf davon", "unter ihnen zwölf", "zwei von ihnen"
    if _is_subset(c):
        if earlier:
            return take(earlier[-1], "count.subset", subset=True)
        return False
    # "sieben statt 14 Divisionen", "32 von 46 Drohnen", "Zehn der 15 Ratsmitglieder"
    if nxt and nxt[0] in _LINKS:
        gap = 2 if c.j + 1 < len(tokens) and tokens[c.j + 1].norm.lower() in _GAP_WORDS else 1
        later = next((d for d in cands[idx + 1 :] if d.sent is c.sent and d.i == c.j + gap), None)
        if later is not None and later.noun is not None:
            if nxt[0] in ("von", "der"):
                return take(later, "count.x_von_y", subset=True, total=True)
            return take(later, "count.forward")
    # "Von den Drohnen seien 309 abgewehrt", "Von den sieben Ch-101 … sechs"
    part = _partitive_before(c, memo)
    if part is not None:
        noun_i, _ = part
        whole = next((d for d in cands if d.sent is c.sent and d.noun_i == noun_i), None)
        if whole is not None:
            return take(whole, "count.partitive", subset=True, total=True)
        c.noun = noun_entry(tokens[noun_i].norm)
        c.rules.append("count.partitive")
        return True
    # "die Zahl der Toten stieg auf 18"
    zahl = _zahl_der(c, memo)
    if zahl is not None:
        c.noun = zahl
        c.rules.append("count.zahl_der")
        return True
    if _scaled(c):
        # "Hilfe in Höhe von 1,4 Milliarden": a sum of money, not a count, unless
        # it answers a scaled count of its sentence ("zwei Millionen Menschen …,
        # vor einem Jahr waren es zweieinhalb Millionen")
        if same and _scaled(same[-1]) and same[-1].noun is not None and same[-1].noun.category != "other":
            return take(same[-1], "count.elided")
        return False
    at_end = c.j >= len(tokens) or tokens[c.j].kind in ("punct", "quote", "ellipsis")
    if at_end and prev and prev[-1] in _COPULA:
        return False  # "der Täter war 17.": an age
    if same:
        # "elf Menschen getötet, darunter zwei Kinder, und 84 weitere verletzt":
        # the number goes on from the whole, not from the part listed inside it
        last = same[-1]
        if last.subset and last.parent is not None and last.parent.noun is not None and not last.parent.total:
            last = last.parent
        return take(last, "count.elided")
    # "eine Rakete traf ein Haus, drei weitere wurden abgefangen": the nearest
    # known noun of the sentence that the number's own clause can speak of
    known = []
    standing_in = (prev and prev[-1] in _STANDING_IN) or (nxt and nxt[0] in _ELIDED_ADJ)
    # "Eine Rakete wurde abgefangen, zwei trafen …", "ein Mensch getötet und neun verletzt": a
    # clause that opens with the number goes on from a thing counted with the indefinite article
    after_one = not standing_in and c.i > 0 and tokens[c.i - 1].norm.lower() in (",", ";", "und", "sowie")
    for k in range(c.i - 1, -1, -1) if standing_in or after_one else ():
        t = tokens[k]
        entry = lookup_noun(t.norm) if _is_noun(t) else None
        if entry is not None and entry.category != "other" and (standing_in or _after_indefinite(tokens, k)):
            known.append(entry)
    if known:
        lo, hi = _clause_bounds(c.sent, c.num.start)
        fitting = [
            e for e in known if any(lo <= q.start and q.end <= hi for q in _cues(text, c.sent, e.category))
        ]
        c.noun = (fitting or known)[0]
        c.rules.append("count.elided")
        return True
    if earlier:
        return take(earlier[-1], "count.elided")
    return False


_INDEFINITE = frozenset("ein eine einen einem einer eines".split())


def _after_indefinite(tokens: list[Token], k: int) -> bool:
    """The noun at ``k`` follows the indefinite article ("eine Rakete", "ein weiteres Haus")."""
    if k >= 1 and tokens[k - 1].norm.lower() in _INDEFINITE:
        return True
    return k >= 2 and _is_adj(tokens[k - 1]) and tokens[k - 2].norm.lower() in _INDEFINITE


def _scaled(c: _Cand) -> bool:
    return "num.scale" in c.num.rules or "num.article_scale" in c.num.rules


_SUBSET_GAP = frozenset("seien sind waren wären auch noch zudem befanden befinden".split())


def _is_subset(c: _Cand) -> bool:
    """ "darunter fünf Kinder", "elf davon", "Davon wurden 40 …", "zwei von ihnen",
    "Unter ihnen seien 30 Kinder"."""
    i = c.i
    while i > 2 and c.sent.tokens[i - 1].norm.lower() in _SUBSET_GAP:
        i -= 1
    if i != c.i and _prev_words(c.sent.tokens, i, 2) == ("unter", "ihnen"):
        return True
    prev = _prev_words(c.sent.tokens, c.i, 2)
    nxt = [t.norm.lower() for t in c.sent.tokens[c.j : c.j + 2]]
    return bool(
        (prev and prev[-1] in _SUBSET)
        or (len(prev) == 2 and prev[0] in _SUBSET and c.i == 2)
        or (nxt and nxt[0] in _SUBSET)
        or prev == ("unter", "ihnen")
        or nxt in (["von", "ihnen"], ["von", "diesen"])
    )


def _parent_of(c: _Cand, cands: list[_Cand], idx: int) -> _Cand | None:
    """The nearest earlier count of the sentence (or the one before)."""
    for d in reversed(cands[:idx]):
        if d.noun is not None and d.sent.paragraph == c.sent.paragraph and c.sent.index - d.sent.index <= 1:
            return d
    return None


_Memo = dict[tuple[str, int], tuple[Sentence, list[int]]]


def _per_sentence(
    memo: _Memo | None, what: str, sent: Sentence, find: Callable[[Sentence], list[int]]
) -> list[int]:
    """``find(sent)``, once per sentence while ``memo`` lives (one ``extract``)."""
    key = (what, id(sent))
    got = memo.get(key) if memo is not None else None
    if got is None or got[0] is not sent:
        got = (sent, find(sent))
        if memo is not None:
            memo[key] = got
    return got[1]


def _partitive_before(c: _Cand, memo: _Memo | None = None) -> tuple[int, _Cand | None] | None:
    """ "von den NOUN" / "Von NUM NOUN" earlier in the sentence: (noun index,
    the count of the whole if it has a number). The partitive nouns of a sentence are found
    once (a scan back per number would be quadratic in a sentence of many numbers)."""
    hits = _per_sentence(memo, "partitive", c.sent, _partitive_nouns)
    at = bisect.bisect_left(hits, c.i) - 1  # the nearest one before the number
    return (hits[at], None) if at >= 0 else None


def _partitive_nouns(sent: Sentence) -> list[int]:
    """Indices k >= 1 of the tokens that are the noun of "von den NOUN" / "Von NUM NOUN", in
    order. From a noun, adjectives, numbers and gap words are skipped back to the token that
    decides; a walk that reaches an earlier noun takes that noun's result (linear time)."""
    tokens = sent.tokens
    out: list[int] = []
    before: dict[int, int] = {}  # noun index -> the index its walk back stopped at

    def skipped(t: Token) -> bool:
        return (
            _is_adj(t)
            or t.kind == "number"
            or t.norm.lower() in _GAP_WORDS
            or parse_numeral(t.text) is not None
        )

    for k in range(1, len(tokens)):
        if not _is_noun(tokens[k]):
            continue
        m = k - 1
        while m >= 0 and skipped(tokens[m]):
            if m in before:  # a skipped noun: everything between its stop and it is skipped too
                m = before[m]
                break
            m -= 1
        before[k] = m
        if m >= 1 and tokens[m].norm.lower() in ("den", "diesen") and tokens[m - 1].norm.lower() == "von":
            out.append(k)
        elif m >= 0 and tokens[m].norm.lower() == "von" and (m == 0 or tokens[m - 1].kind == "punct"):
            out.append(k)
    return out


def _zahl_words(sent: Sentence) -> list[int]:
    """The tokens that may open "die Zahl der NOUN" / "die Opferzahl", in order."""
    out = []
    for k, t in enumerate(sent.tokens):
        w = t.norm.lower()
        if w in ("zahl", "anzahl", "bilanz") or (w.endswith("zahl") and len(w) > 6):
            out.append(k)
    return out


def _zahl_der(c: _Cand, memo: _Memo | None = None) -> Noun | None:
    """ "die Zahl der Toten stieg auf 18", "die Opferzahl liegt bei acht"."""
    tokens = c.sent.tokens
    words = _per_sentence(memo, "zahl", c.sent, _zahl_words)
    for k in reversed(words[: bisect.bisect_left(words, c.i)]):  # only they can answer
        w = tokens[k].norm.lower()
        if w in ("zahl", "anzahl", "bilanz"):
            for m in range(k + 2, min(c.i, k + 6)):
                if _is_noun(tokens[m]):
                    if tokens[m].norm.lower() in _not_counted()[0]:
                        break  # "Bilanz der Nacht: …": a time, not the counted thing
                    return noun_entry(tokens[m].norm)
        elif w.endswith("zahl") and len(w) > 6 and _is_noun(tokens[k]):
            entry = lookup_noun(w[:-4])
            if entry is not None:
                return entry
    return None


# ------------------------------------------------------------------ outcomes


def _apposition_commas(tokens: list[Token]) -> set[int]:
    """Indices of comma pairs around a name ("nach Angaben des Gouverneurs, Serhij Lyssak,
    verletzt"): 2-4 capitalised words, none a counted noun. They close no clause."""
    out: set[int] = set()
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    for a, b in itertools.pairwise(commas):
        inside = tokens[a + 1 : b]
        if 2 <= len(inside) <= 4 and all(
            t.kind == "word" and t.text[:1].isupper() and lookup_noun(t.norm) is None for t in inside
        ):
            out.update((a, b))
    return out


def _clause_bounds(sent: Sentence, pos: int) -> tuple[int, int]:
    """The clause around offset ``pos``: cut at clause punctuation (not at the commas around
    a name), and at "und" / "oder" before a number ("30 wurden verletzt und 5 gelten als
    vermisst")."""
    start, end = sent.start, sent.end
    tokens = sent.tokens
    appositions = _apposition_commas(tokens)
    for k, t in enumerate(tokens):
        boundary = t.kind == "punct" and t.text in _CLAUSE_PUNCT and k not in appositions
        if not boundary and t.norm.lower() in _CONJ and k + 1 < len(tokens):
            boundary = numeral_at(sent.text, tokens[k + 1].start - sent.start) is not None
        if boundary:
            if t.end <= pos:
                start = t.end
            elif t.start >= pos and t.start < end:
                end = t.start
                break
    return start, end


@cache
def _cue_prefilter() -> Prefilter:
    """Which outcome cue rows a sentence may match (from the strings each match holds): the
    others are not searched."""
    return Prefilter(required_each(row["pattern"] for row in table("count_outcomes")))


def _cues(text: str, sent: Sentence, category: str) -> list[_Cue]:
    found: list[_Cue] = []
    maybe = _cue_prefilter().keys_in(text, sent.start, sent.end)
    for k, (source, outcome, cats, weight) in enumerate(_cue_rules()):
        if category not in cats or k not in maybe:
            continue
        for m in _cue_pattern(source).finditer(text, sent.start, sent.end):
            found.append(_Cue(m.start(), m.end(), outcome, weight))
    # a longer phrase wins over the words inside it ("getötet oder verwundet")
    return [
        a
        for a in found
        if not any(
            b is not a and b.start <= a.start and a.end <= b.end and (b.end - b.start) > (a.end - a.start)
            for b in found
        )
    ]


_COORD = compile_pattern(r"\b(?:und|sowie|oder|aber|während)\b|[;:]")


def _pick(cues: list[_Cue], lo: int, hi: int, text: str) -> _Cue | None:
    """The strongest cue, then the nearest; a cue across "und" belongs to the
    other conjunct ("16 Häuser beschädigt und drei Gebäude zerstört")."""

    def distance(q: _Cue) -> int:
        gap = (hi, q.start) if q.start >= hi else (q.end, lo)
        d = max(0, gap[1] - gap[0])
        return d + 100 if _COORD.search(text, gap[0], max(gap[0], gap[1])) else d

    return max(cues, key=lambda q: (q.weight, -distance(q)), default=None)


_NOT_VERB = _NOT_ADJ - {"seien", "sind", "waren", "wurden", "werden", "worden", "gewesen"} | {
    "davon",
    "darunter",
    "insgesamt",
    "allein",
    "bereits",
    "zudem",
    "außerdem",
    "jeweils",
    "weitere",
    "weiteren",
    "übrigen",
    "schwer",
    "leicht",
    "eben",
    "heute",
    "gestern",
    "morgen",
    "abend",
    "zuvor",
    # light verbs that take their sense from the other clause ("… zurückgekommen;
    # Kiew habe 150 Soldaten erhalten")
    "erhalten",
    "erhielt",
    "erhielten",
    "bekommen",
    "bekam",
    "bekamen",
    "gemeldet",
    "meldete",
    "meldeten",
    "gezählt",
    "zählte",
    "registriert",
    "registrierte",
    "gab",
    "gibt",
}


def _own_predicate(c: _Cand, clause_end: int) -> bool:
    """Whether the count's clause goes on with a verb of its own after it
    ("50 Männer desertierten"): then a cue of another clause is not its."""
    tokens = c.sent.tokens
    for k in range(c.j, len(tokens)):
        t = tokens[k]
        if t.start >= clause_end:
            break
        w = t.norm
        if t.start < c.end or t.kind != "word" or not w[0].islower() or len(w) < 4:
            continue
        if tokens[k - 1].norm.lower() in _DETERMINERS:
            continue  # "über der annektierten Halbinsel": an adjective
        lw = w.lower()
        if lw not in _NOT_VERB and lw.endswith(("en", "te", "ten", "et", "t")) and not lw.endswith("ent"):
            return True
    return False


_INHERITED = frozenset(
    {
        "count.outcome",
        "count.outcome_total",
        "count.outcome_parent",
        "count.outcome_partner",
        "count.outcome_coordinated",
    }
)
_MODEL_OF = frozenset({"vom", "des", "der"})
_JOINERS = frozenset({"und", "sowie", "oder", "bzw.", "–", "—", "("})


def _group(category: str) -> str:
    return next((g for g, cats in _GROUPS.items() if category in cats), category)


def _partner(c: _Cand, before: _Cand | None) -> _Cand | None:
    """The count that ``c`` is joined to: "199 Drohnen und 36 Raketen", "Von
    den fünf Raketen – drei Marschflugkörpern …": the previous count of the
    sentence, right before a conjunction or an opening dash, of the same kind."""
    if before is None or before.sent is not c.sent or c.i < 2 or before.count is None:
        return None
    tokens = c.sent.tokens
    if tokens[c.i - 1].norm.lower() not in _JOINERS:
        return None
    # the partner may end in its model: "drei Marschflugkörper vom Typ Ch-101 und zwei …"
    between = [t for t in tokens[: c.i - 1] if t.start >= before.end]
    if len(between) > 3 or any(t.kind != "word" or not (_is_noun(t) or t.norm in _MODEL_OF) for t in between):
        return None
    assert before.noun is not None and c.noun is not None
    if _group(before.noun.category) != _group(c.noun.category):
        return None
    return before if before.count.rules[-1] in _INHERITED else None


def _shared_predicate(c: _Cand, cues: list[_Cue], text: str, with_noun: bool = False) -> _Cue | None:
    """ "Davon wurden 95 Drohnen und fünf Raketen abgeschossen": a count right before "und"
    and another number has no predicate of its own; the verb after the second conjunct is
    both conjuncts' (its clause's strongest, then nearest cue). ``with_noun``: only if the
    second conjunct has a noun of its own ("90 Wohnungen und 12 Geschäfte beschädigt", not
    "5 Menschen und 20 verletzt")."""
    tokens = c.sent.tokens
    k = c.noun_i + 1 if c.noun_i is not None else c.j
    if k + 1 >= len(tokens) or tokens[k].norm.lower() not in _COORDINATORS:
        return None
    nxt = tokens[k + 1]
    second = numeral_at(c.sent.text, nxt.start - c.sent.start)
    if second is None:
        return None
    if with_noun:
        after = _token_index(tokens, c.sent.start + second.end)
        if _noun_after(tokens, after, second.vague)[0] is None:
            return None
    _, end = _clause_bounds(c.sent, nxt.start)
    after = [q for q in cues if nxt.start <= q.start and q.end <= end and q.weight > 0]
    return _pick(after, c.num.start, c.end, text)


_COORDINATORS = frozenset({"und", "sowie"})


def _outcome(c: _Cand, text: str, before: _Cand | None = None) -> tuple[str, str]:
    """(outcome, rule) of a count; ``before``: the count emitted before it."""
    noun = c.noun
    assert noun is not None
    category = noun.category
    cues = _cues(text, c.sent, category)
    lo, hi = c.num.start, c.end
    clause = _clause_bounds(c.sent, lo)
    own = [q for q in cues if clause[0] <= q.start and q.end <= clause[1]]
    if noun.outcome:
        # the noun states it ("Tote"), unless its clause says decisively what became of
        # them ("1.000 Leichname übergeben")
        decisive = _pick([q for q in own if q.weight >= 2], lo, hi, text)
        if decisive is not None and decisive.outcome != noun.outcome:
            return decisive.outcome, "count.outcome"
        return noun.outcome, "count.outcome_noun"
    if c.total and category in _WEAPONS:
        return "launched", "count.outcome_total"
    if c.total:
        # "3 von 4 Kraftwerksblöcken beschädigt": what befell the part is not the whole's,
        # unless its own words say it ("von den 500 evakuierten Bewohnern")
        inside = _pick([q for q in cues if lo <= q.start and q.end <= hi], lo, hi, text)
        if inside is not None:
            return inside.outcome, "count.outcome_total"
        return noun.default or "none", "count.outcome_total"
    best = _pick(own, lo, hi, text)
    if best is None:
        shared = _shared_predicate(c, cues, text)
        if shared is not None:
            return shared.outcome, "count.outcome_coordinated"
    elif best.end <= lo:
        # "Nach dem Angriff auf Sumy sind 90 Wohnungen und 12 Geschäfte beschädigt": the
        # verb after both conjuncts is the first one's too, over a cue before it
        shared = _shared_predicate(c, cues, text, with_noun=True)
        if shared is not None and shared.weight >= best.weight:
            return shared.outcome, "count.outcome_coordinated"
    parent = c.parent
    # an elided count takes its antecedent's outcome unless it has a verb of its
    # own ("30 wurden verletzt und 5 gelten als vermisst")
    elided = c.subset or (
        c.rules and c.rules[-1] == "count.elided" and parent is not None and not _own_predicate(c, clause[1])
    )
    if best is None and elided and parent is not None and parent.count is not None and not parent.total:
        return parent.count.outcome, "count.outcome_parent"
    partner = _partner(c, before) if best is None else None
    if partner is not None and partner.count is not None:
        return partner.count.outcome, "count.outcome_partner"
    if best is None and not _own_predicate(c, clause[1]):
        # from another clause only a verb or noun of the event, not a hint
        best = _pick([q for q in cues if q.weight > 0], lo, hi, text)
    if best is not None:
        return best.outcome, "count.outcome"
    if noun.default:
        return noun.default, "count.outcome_default"
    if category in _DEFAULT_LAUNCHED:
        return "launched", "count.outcome_default"
    return "none", "count.outcome_default"


# --------------------------------------------------------------------- main


# words that make "Männer" soldiers: the sentence speaks of the military
_MILITARY = compile_pattern(
    r"(?i)soldat|truppe|armee|militär(?!verwaltung|gouverneur)|kämpf|gefecht|brigade|einheit|division|bataillon|regiment|front|"
    r"offensive|stellung|besatzer|streitkräft|ausbildung|fahnenflucht|deserti|verlust|verlor|einbü|gegner|feind"
)


# the attacking side named as a whole ("die russische Armee setzte Gleitbomben ein") says nothing of
# who was hit
_ATTACKER = compile_pattern(
    r"(?i)\b(?:russisch|ukrainisch)e[nr]? (?:Armee|Truppen|Streitkräfte)\b"
)


def _in_military_context(ctx: Context, sent: Sentence) -> bool:
    before = [s for s in ctx.doc.sentences if s.paragraph == sent.paragraph and s.index == sent.index - 1]
    return any(_MILITARY.search(_ATTACKER.sub(" ", s.text)) for s in (*before, sent))


def _candidates(ctx: Context, sent: Sentence) -> list[_Cand]:
    tokens = sent.tokens
    out = []
    for num in find_in_sentence(ctx.text, sent):
        i = _token_index(tokens, num.start)
        j = _token_index(tokens, num.end)
        c = _Cand(num, sent, i, j, rules=list(num.rules))
        c.noun_i, c.how = _noun_after(tokens, j, num.vague)
        if c.noun_i is not None:
            c.noun = noun_entry(tokens[c.noun_i].norm)
            if any(t.norm.lower().startswith("unbemannt") for t in tokens[j : c.noun_i]):
                c.noun = Noun(c.noun.lemma, "drone")  # "unbemannte Luftfahrzeuge"
            aged = _AGED.fullmatch(tokens[c.noun_i].norm)
            if aged is not None:  # "zwei 16-Jährige": minors are children
                c.noun = Noun(c.noun.lemma, "child" if int(aged.group("age")) < 18 else "person")
            between = [t.norm.lower() for t in tokens[j : c.noun_i]]
            if c.noun.category == "building" and any(w.startswith("mobil") for w in between):
                c.noun = Noun(c.noun.lemma, "other")  # "zwölf mobile Heizkraftwerke": equipment, no building
            if c.noun.civil and not _in_military_context(ctx, sent):
                c.noun = Noun(c.noun.lemma, c.noun.civil, c.noun.outcome, c.noun.default)
                c.rules.append("count.civil")
            c.rules.append("count.noun")
        out.append(c)
    return out


def extract(ctx: Context) -> list[Count]:
    text = ctx.text
    every: list[_Cand] = []
    dates = _Spans([d.span for d in ctx.dates])
    for sent in ctx.doc.sentences:
        for c in _candidates(ctx, sent):
            c.skip = _skip_reason(c, ctx, dates)
            every.append(c)
    for c, d in reversed(list(itertools.pairwise(every))):
        # "mit 28 und drei Punkten", "fünf, sechs und zehn Jahre": the unit of
        # the last number is the unit of the ones listed before it
        if c.noun is None and c.skip is None and d.skip == "count.skip_unit" and d.sent is c.sent:
            if d.i == c.j + 1 and c.sent.tokens[c.j].norm.lower() in _LINKS | {","}:
                c.skip = "count.skip_unit"
    cands = [c for c in every if c.skip is None]
    for c in cands:
        # "zwei Drittel der 60 Drohnen", "70 Prozent von 50 Raketen": the whole of a share
        prev = _prev_words(c.sent.tokens, c.i, 2)
        if c.noun is not None and len(prev) == 2 and prev[1] in ("der", "von") and prev[0] in _SHARES:
            c.total = True
    kept: list[_Cand] = []
    memo: _Memo = {}
    for idx, c in enumerate(cands):
        if c.noun is None:
            if not _resolve(c, cands, idx, text, memo):
                continue
        elif _is_subset(c):
            # "21 Menschen …, darunter fünf Kinder"
            c.parent, c.subset = _parent_of(c, cands, idx), True
            c.rules.append("count.subset")
        kept.append(c)
    out: list[Count] = []
    before: _Cand | None = None
    for c in kept:
        assert c.noun is not None
        start, end = c.num.start, c.end
        outcome, rule = _outcome(c, text, before)
        count = Count(
            (start, end),
            rules=[*c.rules, rule],
            id=f"c{len(out) + 1}",
            value=c.num.value,
            item=c.noun.lemma,
            category=c.noun.category,
            outcome=outcome,
            qualifier=c.num.qualifier,
            value_max=c.num.value_max,
            text=text[start:end],
            sentence=c.sent.index,
        )
        c.count = count
        out.append(count)
        before = c
    for c in kept:  # "X von Y": the whole comes after its part
        if c.subset and c.parent is not None and c.parent.count is not None and c.count is not None:
            c.count.part_of = c.parent.count.id
    return out
