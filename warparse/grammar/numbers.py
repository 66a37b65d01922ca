"""The numeral grammar: German number expressions -> values.

A numeral is an optional qualifier ("rund", "mehr als", "bis zu"), a core
number and an optional range tail ("bis 25", "–25"), or "zwischen X und Y".
A core number is one of (each a named rule, tried in this order):

- ``num.article_scale``: "eine Million", "eine halbe Milliarde"
- ``num.dozen``: "ein Dutzend", "zwei Dutzend", "ein halbes Dutzend"
- ``num.vague_base``: "einige hundert", "mehrere tausend" (approximate)
- ``num.vague``: "Dutzende", "Hunderte", "Tausende" (approximate)
- ``num.digits``: "600.000", "600 000", "1,5", optionally with a scale word
  ("1,5 Millionen", "3 Mio.", "2,5 Mrd.") -> ``num.scale``
- ``num.words``: "einundzwanzig", "zweihundertfünfzig", "dreitausend",
  "zwei Millionen", and fractions "zweieinhalb", "anderthalb"

The word lists (number words, scale words, qualifiers) are data:
``data/numerals.tsv`` and ``data/qualifiers.tsv``.

``parse_numeral(text)`` reads one whole expression; ``find_numerals`` scans a
text (at token starts when given) and returns every numeral with its span.
Nothing here decides whether a number *counts* something (a year, a clock
time, an age): that is :mod:`warparse.extract.counts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from warparse.lexicons import derived, table
from warparse.rules import MATCH_TIMEOUT, Rule, compile_pattern, compile_rule

TYPE_CHECKING = False  # typing's own flag without importing typing at run time (start-up time)
if TYPE_CHECKING:
    from warparse.segmenter import Sentence

Number = int | float


@dataclass(frozen=True, slots=True)
class NumeralMatch:
    """A numeral found in a text: ``text[start:end]`` is the expression."""

    value: Number
    start: int
    end: int
    text: str
    qualifier: str = "exact"
    value_max: Number | None = None
    vague: bool = False  # "Dutzende", "Hunderte": an order of magnitude, not a figure
    rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Core:
    """The number itself (digits or words), before qualifiers and ranges are read around it."""

    value: float
    end: int
    rule: str
    vague: bool = False
    scaled: float = 1  # the scale word applied ("Millionen"), for ranges
    qualifier: str | None = None  # stated inside the core: "ein knappes Dutzend"


def _num(value: float) -> Number:
    """Whole numbers as int (JSON 600000, not 600000.0)."""
    value = round(value, 6)
    return int(value) if float(value).is_integer() else value


# --------------------------------------------------------------------------- data


@cache
def _words() -> dict[str, dict[str, float]]:
    """kind -> {word: value} from data/numerals.tsv."""
    out: dict[str, dict[str, float]] = {}
    for row in table("numerals"):
        out.setdefault(row["kind"], {})[row["word"].lower()] = float(row["value"])
    return out


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "dreizehn" beats "drei"."""
    # ties broken by the word itself: a deterministic pattern is what the pattern cache keys on
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_START = r"(?<![\p{L}\p{N}]|\p{L}[-‐‑]|[\p{L}\p{N}]/)"  # not inside a word or a model name (S-300)
_END = r"(?![\p{L}\p{N}]|[-‐‑](?!\d))"  # not glued to a word: "16-stöckig", "sechs- bis"
_SP = r"[ \u00a0\u2009\u202f]+"
_DIGITS = r"\d{1,3}(?:(?:\.|[ \u00a0\u2009\u202f'’])\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?(?!\d|[.,]\d)"


@derived
def _word_number_pattern() -> str:
    w = _words()
    unit, unit_end, teen, tens = (_alt(w[k]) for k in ("unit", "unit_end", "teen", "tens"))
    hundred, thousand, half = _alt(w["hundred"]), _alt(w["thousand"]), _alt(w["half_suffix"])
    b100 = rf"(?:(?:{unit})und(?:{tens})|(?:{tens})|(?:{teen})|(?:{unit_end}))"
    h = rf"(?:(?:{unit}|{teen})?(?:{hundred})(?:und)?{b100}?)"
    b1000 = rf"(?:{h}|{b100})"
    t = rf"(?:(?:{b1000}|{unit})?(?:{thousand})(?:und)?{b1000}?)"
    frac = rf"(?:(?:{b1000}|{unit})(?:{half})|{_alt(w['fraction'])})(?:{thousand})?"
    return rf"(?:{frac}|{t}|{b1000})"


def _scale_pattern() -> str:
    return rf"(?:{_SP}(?P<scale>{_alt(_words()['scale'])}){_END})?"


def _around_scale(word: str, scale: str, value: int) -> float | None:
    """"dreihundertzwölf" around the scale word "hundert": 3 * 100 + 12."""
    left, _, right = word.partition(scale)
    lv = _word_value(left) if left else 1
    rv = _word_value(right.removeprefix("und")) if right else 0
    return None if lv is None or rv is None else lv * value + rv


def _word_value(word: str) -> float | None:
    """Value of one number word: "zweihunderteinundfünfzig" -> 251."""
    w = _words()
    word = word.lower()
    fractions = w["fraction"]
    if word in fractions:
        return fractions[word]
    for thousand, tv in w["thousand"].items():
        if thousand in word:
            return _around_scale(word, thousand, tv)
    for half, hv in w["half_suffix"].items():
        if word.endswith(half) and word != half:
            base = word[: -len(half)]
            bv = w["unit"].get(base) if base in w["unit"] else _word_value(base)
            return None if bv is None else bv + hv
    for hundred, hv in w["hundred"].items():
        if hundred in word:
            return _around_scale(word, hundred, hv)
    for kind in ("unit_end", "teen", "tens"):
        if word in w[kind]:
            return w[kind][word]
    if word in w["unit"]:
        return w["unit"][word]
    left, sep, right = word.partition("und")
    if sep and left in w["unit"] and right in w["tens"]:
        return w["unit"][left] + w["tens"][right]
    return None


def _scaled(m: regex.Match[str], value: float) -> tuple[float, float]:
    scale = m.group("scale")
    if not scale:
        return value, 1
    factor = _words()["scale"][scale.lower()]
    return value * factor, factor


_GROUPING = compile_pattern(r"[.\s'’\u00a0\u2009\u202f]")


def _de_float(digits: str) -> float:
    """ "600.000" / "600 000" / "1,5" -> float."""
    return float(_GROUPING.sub("", digits).replace(",", "."))


# ---------------------------------------------------------------------- core rules


def _build_digits(m: regex.Match[str]) -> _Core:
    value, factor = _scaled(m, _de_float(m.group("n")))
    return _Core(value, m.end(), "num.digits", scaled=factor)


def _build_point_scale(m: regex.Match[str]) -> _Core:
    value, factor = _scaled(m, float(m.group("n")))
    return _Core(value, m.end(), "num.digits", scaled=factor)


def _build_words(m: regex.Match[str]) -> _Core | None:
    base = _word_value(m.group("w"))
    if base is None:
        return None
    value, factor = _scaled(m, base)
    return _Core(value, m.end(), "num.words", scaled=factor)


def _build_article_scale(m: regex.Match[str]) -> _Core:
    factor = _words()["scale"][m.group("scale").lower()]
    half = _words()["half"].get((m.group("half") or "").lower(), 1.0)
    q = "approx" if m.group("q") else None  # "eine knappe Million"
    return _Core(half * factor, m.end(), "num.article_scale", scaled=factor, qualifier=q)


def _build_dozen(m: regex.Match[str]) -> _Core | None:
    n = m.group("n")
    if n[0].isdigit():
        base: float | None = float(n)
    else:
        base = 1.0 if n.lower().startswith("ein") and len(n) <= 5 else _word_value(n)
    if base is None:
        return None
    if m.group("half"):
        base *= _words()["half"][m.group("half").lower()]
    # "ein knappes/gutes Dutzend": about twelve; scaled: "zwei bis drei Dutzend" -> 24..36
    return _Core(base * 12, m.end(), "num.dozen", scaled=12, qualifier="approx" if m.group("q") else None)


def _build_article_one(m: regex.Match[str]) -> _Core:
    return _Core(1, m.end(), "num.article_range")


def _build_vague(m: regex.Match[str]) -> _Core:
    # "Hunderte Millionen": the vague amount times the scale word after it
    value, factor = _scaled(m, _words()["vague"][m.group("v").lower()])
    return _Core(value, m.end(), "num.vague", vague=True, scaled=factor)


def _build_vague_base(m: regex.Match[str]) -> _Core:
    value, factor = _scaled(m, _words()["vague_base"][m.group("v").lower()])
    return _Core(value, m.end(), "num.vague_base", vague=True, scaled=factor)


@cache
def _core_rules() -> tuple[Rule, ...]:
    w = _words()
    scale = _scale_pattern()
    flags = regex.IGNORECASE  # (simple case folding: full folding is slow and buys nothing here)
    article = r"(?:eine[rnms]?|ein)"
    halves = [*w["fraction"], *(u + h for u in w["unit"] for h in w["half_suffix"])]  # "anderthalb Dutzend"
    small = _alt([*w["unit_end"], *w["teen"], *w["tens"]])
    return (
        compile_rule(
            "num.article_scale",
            rf"(?-f){_START}{article}{_SP}"
            rf"(?:(?:(?P<half>{_alt(w['half'])})|(?P<q>knapp|gut)e[nrsm]?){_SP})?"
            rf"(?P<scale>{_alt(k for k, v in w['scale'].items() if v >= 1e5)}){_END}",
            _build_article_scale,
            flags,
        ),
        compile_rule(
            "num.dozen",
            # (a small number before "Dutzend": the full word grammar would double the compile time)
            rf"(?-f){_START}(?P<n>{article}|\d+|{_alt(halves)}|{small}){_SP}"
            rf"(?:(?:(?P<half>{_alt(w['half'])})|(?P<q>knapp|gut)e[nsm]?){_SP})?"
            rf"(?:{_alt(w['dozen'])}){_END}",
            _build_dozen,
            flags,
        ),
        compile_rule(
            "num.vague_base",
            rf"(?-f){_START}(?:einige|mehrere|ein{_SP}paar|etliche|viele|wenige){_SP}"
            rf"(?P<v>{_alt(w['vague_base'])}){_END}{scale}",
            _build_vague_base,
            flags,
        ),
        compile_rule(
            "num.vague", rf"(?-f){_START}(?P<v>{_alt(w['vague'])}){_END}{scale}", _build_vague, flags
        ),
        compile_rule(  # "ein bis zwei", "eine oder zwei": the article is the lower bound
            "num.article_range",
            rf"(?-f){_START}{article}(?={_SP}(?:bis|oder|(?<=zwischen{_SP}\w+{_SP})und){_SP}(?:\d|(?:{small}){_END}))",
            _build_article_one,
            flags,
        ),
        compile_rule(
            "num.digits_point_scale",
            rf"(?-f){_START}(?P<n>\d+\.\d{{1,2}}){scale.removesuffix('?')}",
            _build_point_scale,
            flags,
        ),
        compile_rule("num.digits", rf"(?-f){_START}(?P<n>{_DIGITS}){_END}{scale}", _build_digits, flags),
        compile_rule(
            "num.words", rf"(?-f){_START}(?P<w>{_word_number_pattern()}){_END}{scale}", _build_words, flags
        ),
    )


_DIGIT_RULES = frozenset({"num.digits", "num.digits_point_scale"})


def _core_at(text: str, pos: int) -> _Core | None:
    best: _Core | None = None
    if pos >= len(text):
        return None
    ahead = text[pos : pos + 40].lower()
    digit = text[pos].isdigit()
    for rule in _core_rules():
        if rule.name == "num.dozen" and "dutzend" not in ahead:
            continue  # (a cheap test: that rule is slow to fail)
        if rule.name == "num.article_range" and ahead.split(None, 2)[1:2] not in (["bis"], ["oder"], ["und"]):
            continue  # (the same: "ein" is frequent, "ein bis zwei" rare)
        if digit != (rule.name in _DIGIT_RULES) and rule.name != "num.dozen":
            continue  # digits rules start with a digit, word rules with a letter
        m = rule.pattern.match(text, pos, timeout=MATCH_TIMEOUT)
        if m is None:
            continue
        core = rule.build(m)
        if core is not None and (best is None or core.end > best.end):
            best = core
    return best


# ------------------------------------------------------------ qualifiers, ranges


@derived
def _qualifier_res() -> tuple[regex.Pattern[str], dict[str, str], regex.Pattern[str], dict[str, str]]:
    before = {r["phrase"].lower(): r["qualifier"] for r in table("qualifiers") if r["position"] == "before"}
    after = {r["phrase"].lower(): r["qualifier"] for r in table("qualifiers") if r["position"] == "after"}

    def phrases(d: dict[str, str]) -> str:
        return _alt(d).replace(r"\ ", _SP)

    before_re = compile_pattern(  # "ca.100": an abbreviation may touch the number
        rf"(?-f){_START}(?P<q>{phrases(before)})(?:{_SP}|(?<=\.)(?=\d))", regex.IGNORECASE | regex.V1
    )
    after_re = compile_pattern(
        rf"(?-f){_SP}(?P<q>{phrases(after)})(?![\p{{L}}\p{{N}}])", regex.IGNORECASE | regex.V1
    )
    return before_re, before, after_re, after


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


_RANGE_SEP = compile_pattern(
    r"[ \u00a0\u2009\u202f]*(?:[-–—‑]|bis(?:\s+zu)?|oder|bzw\.?)[ \u00a0\u2009\u202f]*", regex.IGNORECASE
)
_BETWEEN = compile_pattern(r"(?<![\p{L}\p{N}])zwischen[ \u00a0\u2009\u202f]+", regex.IGNORECASE)
_AND = compile_pattern(r"[ \u00a0\u2009\u202f]+und[ \u00a0\u2009\u202f]+", regex.IGNORECASE)


def _range_tail(text: str, first: _Core, sep_re: regex.Pattern[str]) -> tuple[_Core, _Core] | None:
    """ "20 bis 25": the upper bound after ``first``, with the scale shared
    ("zwei bis drei Millionen" -> 2e6..3e6)."""
    sep = sep_re.match(text, first.end)
    if sep is None or first.vague:
        return None
    second = _core_at(text, sep.end())
    if second is None or second.vague:
        return None
    low = first
    if first.scaled == 1 and second.scaled != 1 and first.value * second.scaled <= second.value:
        low = _Core(first.value * second.scaled, first.end, first.rule, scaled=second.scaled)
    if second.value <= low.value:
        return None
    return low, second


_SUSPENDED = compile_pattern(
    r"(?<![\p{L}\p{N}])(?P<a>\p{L}+)[-‐‑][ \u00a0]+(?:bis|oder)[ \u00a0]+(?P<b>\p{L}+)(?![\p{L}\p{N}])",
    regex.IGNORECASE,
)


def _suspended_range(text: str, pos: int) -> tuple[float, float, int] | None:
    """ "sieben- bis achthundert": the first word takes the second one's tail
    (hundert) -> 700..800. "sechs- bis achtmal" is no numeral."""
    m = _SUSPENDED.match(text, pos)
    if m is None:
        return None
    b = m.group("b").lower()
    high = _word_value(b)
    if high is None:
        return None
    # the shortest head first: "zwei- bis dreihunderttausend" shares "hunderttausend", not "tausend"
    for cut in range(1, len(b)):
        tail = b[cut:]
        if _word_value(b[:cut]) is not None and _word_value(tail) is not None:
            low = _word_value(m.group("a").lower() + tail)
            if low is not None and low < high:
                return low, high, m.end()
    return None


_REMAINDER_SP = compile_pattern(r"[ \u00a0\u2009\u202f]+")


def _scale_remainder(text: str, core: _Core) -> _Core | None:
    """ "eine Million zweihunderttausend", "2 Milliarden 500 Millionen": a number
    word after a million or more adds to it when it fills the next places down (a thousandth
    of the scale or more, below the scale). "eine Million zwei Tage" stays a million."""
    if core.scaled < 1e6 or core.vague:
        return None
    sp = _REMAINDER_SP.match(text, core.end)
    if sp is None or not text[sp.end() : sp.end() + 1].isalnum():
        return None
    rest = _core_at(text, sp.end())
    if rest is None or not core.scaled / 1000 <= rest.value < core.scaled:
        return None
    if rest.rule != "num.words" and not (rest.rule == "num.digits" and rest.scaled > 1):
        return None  # digits only with their own scale: "2 Milliarden 500 Millionen", not "eine Million 2024"
    return _Core(core.value + rest.value, rest.end, core.rule, scaled=core.scaled)


def numeral_at(text: str, pos: int) -> NumeralMatch | None:
    """The numeral starting exactly at ``pos``, or None."""
    before_re, before, after_re, after = _qualifier_res()
    rules: list[str] = []
    qualifier = "exact"
    start = pos
    q = before_re.match(text, pos, timeout=MATCH_TIMEOUT)
    if q is not None and (_core_at(text, q.end()) is not None or _BETWEEN.match(text, q.end())):
        qualifier = before[_key(q.group("q"))]
        rules.append("num.qualifier")
        pos = q.end()
    value_max: float | None = None
    between = _BETWEEN.match(text, pos)
    core: _Core | None = None
    if between is not None:
        first = _core_at(text, between.end())
        pair = _range_tail(text, first, _AND) if first else None
        if pair:
            core, upper = pair
            value_max, end = upper.value, upper.end
            rules += [core.rule, "num.range_between"]
    if core is None:
        core = _core_at(text, pos)
        suspended = _suspended_range(text, pos) if core is None else None
        if suspended is not None:
            low, value_max, end = suspended
            core = _Core(low, end, "num.words")
            rules += ["num.words", "num.range_suspended"]
        elif core is None:
            return None
        else:
            rules.append(core.rule)
            if core.scaled != 1 and core.rule not in ("num.article_scale", "num.dozen"):
                rules.append("num.scale")
            rest = _scale_remainder(text, core)
            if rest is not None:
                core = rest
                rules.append("num.scale_remainder")
            end = core.end
            pair = _range_tail(text, core, _RANGE_SEP)
            if pair:
                core, upper = pair
                value_max, end = upper.value, upper.end
                rules.append("num.range")
    a = after_re.match(text, end)
    if a is not None and qualifier == "exact" and value_max is None:
        qualifier = after[_key(a.group("q"))]
        rules.append("num.qualifier_after")
        end = a.end()
    if core.qualifier and qualifier == "exact":
        qualifier = core.qualifier
    if core.vague and qualifier == "exact":
        qualifier = "approx"
    return NumeralMatch(
        value=_num(core.value),
        start=start,
        end=end,
        text=text[start:end],
        qualifier=qualifier,
        value_max=None if value_max is None else _num(value_max),
        vague=core.vague,
        rules=tuple(rules),
    )


def parse_numeral(text: str) -> NumeralMatch | None:
    """The value of a whole numeral expression ("rund 1,5 Millionen"), or None
    if ``text`` is not exactly one numeral."""
    stripped = text.strip()
    offset = text.find(stripped) if stripped else 0
    m = numeral_at(text, offset)
    if m is None or m.end != offset + len(stripped):
        return None
    return m


@derived
def _candidate_re() -> regex.Pattern[str]:
    """Where a numeral may start: a digit, or a word that begins like a number
    word, a qualifier or "zwischen" (a cheap filter before the rules run)."""
    words = {w for kind in _words().values() for w in kind}
    words |= {r["phrase"].split()[0].lower() for r in table("qualifiers") if r["position"] == "before"}
    words |= {"zwischen", "einige", "mehrere", "etliche", "viele", "wenige", "eine", "einer", "sech", "sieb"}
    # Only where a candidate starts matters (the rules run there), not where it ends: a word
    # with a shorter candidate word as its prefix adds no start, and the rest are one trie
    # ("ein(?:e|...)") rather than a flat alternation the engine tries word by word (perf).
    starts = {w for w in words if not any(o != w and w.startswith(o) for o in words)}
    return compile_pattern(rf"(?<![\p{{L}}\p{{N}}])(?:\d|(?i:{_trie(starts)}))", regex.V0)


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a trie of their shared prefixes (the words: prefix-free)."""
    root: dict[str, dict] = {}
    for w in sorted(set(words)):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})

    def emit(node: dict[str, dict]) -> str:
        alts = [regex.escape(ch) + emit(sub) for ch, sub in sorted(node.items())]
        if len(alts) <= 1:
            return "".join(alts)
        return "(?:" + "|".join(alts) + ")"

    return emit(root)


def find_numerals(
    text: str, starts: Iterable[int] | None = None, end: int | None = None
) -> list[NumeralMatch]:
    """Every numeral in ``text`` (left to right, not overlapping). ``starts``:
    the only positions to try (token starts); by default every word start.
    ``end``: ignore numerals that would run past it (a sentence end)."""
    limit = len(text) if end is None else end
    allowed = set(starts) if starts is not None else None
    begin = min(allowed, default=limit) if allowed is not None else 0
    out: list[NumeralMatch] = []
    reached = -1
    for cand in _candidate_re().finditer(text, begin, limit):
        pos = cand.start()
        if pos < reached or (allowed is not None and pos not in allowed):
            continue
        m = numeral_at(text, pos)
        if m is not None and m.end <= limit:
            out.append(m)
            reached = m.end
    return out


def find_in_sentence(text: str, sentence: Sentence) -> list[NumeralMatch]:
    """The numerals of one sentence of ``text``: tried at its token starts only,
    so that no numeral starts inside a word, a date or a model name."""
    return find_numerals(text, [t.start for t in sentence.tokens], sentence.end)
