"""The German tokenizer: text -> tokens with code-point offsets.

One compiled alternation finds the raw tokens left to right (words, URLs,
e-mail, dates, numbers, quotation marks, punctuation); a period right after
a word or number is then merged into it where German keeps it (an
abbreviation "z." "Nr.", an ordinal "28."). Sentence and paragraph
structure is added by :mod:`warparse.segmenter`.

Invisible characters (soft hyphen, zero-width space/joiners, word joiner)
are kept inside the token they split, so ``text[start:end] == token.text``
always holds; ``token.norm`` is the token without them.

Kinds: word (also "Tornado-S", "Ch-101", "Luft-" before "und"), number
("600.000", "600 000", "1,5", "30-jährige", "1200,-"), ordinal ("28."),
date ("27.10.2024", "28.10."), time ("14:15", "17.46" before "Uhr"), abbrev
("z.", "Nr."), url, email, hashtag ("#Charkiw", "@Luftwaffe"), ellipsis
("…", "..."), quote (every mark of ALL_QUOTES, "''", "``"), punct.

Speed: a plain word (letters followed by a character that cannot continue
it) is by far the commonest token and has a fast path as the first
alternative, which takes a whole run of plain words separated by single
spaces in one match (split in Python: one match object per run, not per
word). Time and memory are linear in the input: every repetition that
could rescan a long run (a 5 MB line "a.a.a.…") is bounded or possessive,
and words are one flat character class, never a repeated group (the regex
module keeps state per repetition of a group); the run of plain words is the
one repeated group, bounded to 32 words a match.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from functools import cache

import regex

from warparse.lexicons import word_list
from warparse.rules import compile_pattern

# Characters that are invisible in print and must not break a word.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVIS_RE = compile_pattern(f"[{INVISIBLE}]")
_INVIS_SET = frozenset(INVISIBLE)

OPENING_QUOTES = "„»‚‹"
CLOSING_QUOTES = "“«‘›"
AMBIGUOUS_QUOTES = "\"”’'"
# „“ and ‚‘ are German; “” and ‘’ English; »« and «» both directions;
# typewriter texts also write '' and `` for a double quote.
ALL_QUOTES = "„“”\"»«‚‘’'‹›"
MULTI_QUOTES = ("''", "``")

_LN_CHARS = rf"\p{{L}}\p{{M}}\p{{N}}{INVISIBLE}"
_LN = f"[{_LN_CHARS}]"
# "600.000", "600 000" with a space, no-break space, thin space or narrow no-break space.
_THOUSANDS_SEP = "[. \u00a0\u2009\u202f]"
# Inside a word: letters, digits, hyphens (Tornado-S, Ch-101) and elision marks (geht's, Côte-d'Or).
_WORD_CHARS = f"{_LN_CHARS}\\-‐‑'’′"
# Top-level domains that make "ukrinform.ua" a web address without "www.".
_TLD = "com|org|net|edu|gov|int|info|eu|de|at|ch|ua|ru|by|pl|uk|fr|it|nl|us|io|tv|fm"
_DOMAIN_TAIL = rf"(?:\.[\p{{Ll}}\d-]{{1,63}}+){{0,4}}\.(?:{_TLD})(?![\p{{L}}\p{{N}}-])"
_URL_PATH = r"[^\s<>\"„“”»«]*[^\s<>\"„“”»«.,;:!?)\]'’]"
# The rest of an e-mail address after its first word.
_EMAIL_TAIL = rf"(?:[.+_-]{_LN}{{1,64}}+){{0,8}}+@[\w-]+(?:\.[\w-]+){{1,8}}"
# A word: a letter, then word characters, ending in a letter or digit. It is one flat
# character class inside an atomic group, never a repeated group: the regex module keeps
# state per repetition of a group, which for a 5 MB "a-a-a-…" would cost gigabytes.
_WORD = rf"(?>\p{{L}}[{_WORD_CHARS}]*(?<={_LN}))"
# A hyphen ending a truncated compound: "Luft- und Raketenschläge", "Kongress-, Militär- und".
_TRUNCATION = r"(?:-(?=\s{0,3},|\s{1,3}(?:und|oder|bis|bzw|sowie|als|wie|noch)\b))?"

# The fast path for the commonest token: letters only, followed by a character that
# cannot continue a word, an e-mail or a web address. It matches exactly what the full
# word alternative would, with a fraction of the work. Up to 32 of them separated by single
# spaces are one match ("words"), which the tokenizer splits: the same tokens as one match a
# word, for half the cost. The repetition is bounded: an unbounded repeated group would keep
# state for every word of a 5 MB line "a a a …".
_PLAIN_WORD = rf"(?!https?://)\p{{L}}++(?=[^{_WORD_CHARS}.+_@]|\.(?!\S)|$)"

# Order matters: the first alternative that matches at a position wins. A word
# that turns out to start an e-mail or a bare domain fails its look-ahead, and
# the e-mail / url alternative, built on the same _WORD, takes it whole. Every
# repetition is bounded, possessive or over a single character class, so
# tokenizing is linear in time and memory (no rescans of a long run "a.a.a.…").
_TOKEN_RE = compile_pattern(
    rf"""
    (?P<words>{_PLAIN_WORD}(?:\x20{_PLAIN_WORD}){{0,31}}+)
  | (?P<word>(?!www\.|https?://){_WORD}{_TRUNCATION}(?!{_EMAIL_TAIL}|{_DOMAIN_TAIL}))
  | (?P<url>(?:https?://|www\.){_URL_PATH}|{_WORD}{_DOMAIN_TAIL}(?:/{_URL_PATH})?)
  | (?P<email>{_WORD}{_EMAIL_TAIL})
  | (?P<hashtag>[#@][\p{{L}}\p{{N}}_]+)
  | (?P<date>(?<!\d)\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}}(?!\d))?(?!\d))
  | (?P<time>(?<!\d)\d{{1,2}}:\d{{2}}(?!\d)|(?<!\d)\d{{1,2}}\.\d{{2}}(?=\s{{0,3}}Uhr\b))
  | (?P<number>(?<![\d.,])\d{{1,3}}(?:{_THOUSANDS_SEP}\d{{3}}){{1,8}}+(?:,\d++)?(?!\d|[.,]\d)(?:-{_WORD})?
               |\d++(?:[.,]\d++(?![.,]\d))?(?:-?{_WORD}|,[-–]{{1,2}}(?![\p{{L}}\p{{N}}]))?)
  | (?P<ellipsis>…|\.{{3,}})
  | (?P<period>\.)
  | (?P<quote>''|``|[{ALL_QUOTES}])
  | (?P<punct>[^\s\x1c-\x1f{INVISIBLE}])
    """,
    regex.VERBOSE,
)

_MONTHS = "januar|jänner|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
# Words after which "27." is an ordinal, not a sentence end ("am 27. und",
# "die 155. Brigade", "des 28. Oktober").
_ORDINAL_BEFORE = frozenset(
    "am im vom zum beim bis seit ab der die das des dem den zur ihr ihre ihrem ihren "
    "sein seine seinem seinen seiner dieser diese diesem diesen jeder jede jedes "
    "und oder bzw. zwischen".split()
)
_MONTH_RE = compile_pattern(rf"(?i)(?:{_MONTHS}|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\.?")
_NEXT_WORD_RE = compile_pattern(r"\s*+([\p{L}\p{N}]+)")  # searched in a window of 40 characters


@dataclass(slots=True)
class Token:
    """One token: its text, its code-point span, its class, and where it sits."""

    text: str
    start: int
    end: int
    kind: str  # word, number, ordinal, date, time, abbrev, url, email, hashtag,
    #            ellipsis, quote, punct
    sentence: int = -1
    paragraph: int = -1

    @property
    def norm(self) -> str:
        """The token without invisible characters (soft hyphens, zero-width)."""
        return self.text if _INVIS_SET.isdisjoint(self.text) else _INVIS_RE.sub("", self.text)

    def as_dict(self) -> dict:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
        }


@cache
def _abbreviations() -> dict[str, frozenset[str]]:
    """Abbreviation -> its tags ("num", "end"), from ``data/abbreviations.txt``."""
    out = {}
    for line in word_list("abbreviations"):
        word, *tags = line.split()
        out[word] = frozenset(tags)
    return out


def abbreviation_tags(word: str) -> frozenset[str] | None:
    """The tags of ``word`` (without its period) if it is a listed abbreviation, else None."""
    table = _abbreviations()
    tags = table.get(word)
    return tags if tags is not None else table.get(word.lower())


def _is_abbreviation(word: str, text: str, end: int, limit: int) -> bool:
    """Whether "word." (the period at ``end``) keeps its period: listed abbreviations and initials."""
    norm = word if _INVIS_SET.isdisjoint(word) else _INVIS_RE.sub("", word)
    if len(norm) == 1:
        # single letters: "z. B.", "u. a.", initials "M. Rutte"
        return norm.isalpha()
    tags = abbreviation_tags(norm)
    if tags is None:
        return False
    if "num" in tags:
        nxt = _NEXT_WORD_RE.match(text, end + 1, min(limit, end + 40))
        return bool(nxt) and nxt.group(1)[0].isdigit()
    return True


def may_end_sentence(token: Token) -> bool:
    """Whether an abbreviation token can also close a sentence ("etc.", "usw.")."""
    tags = abbreviation_tags(token.norm[:-1])
    return tags is not None and "end" in tags


def _is_ordinal(tokens: list[Token], text: str, end: int, limit: int) -> bool:
    """Whether "27." (the last token's digits, the period at ``end``) is an ordinal, not a sentence end."""
    nxt = _NEXT_WORD_RE.match(text, end + 1, min(limit, end + 40))
    if nxt is None:
        return False
    word = nxt.group(1)
    if word[0].islower() or word[0].isdigit() or _MONTH_RE.fullmatch(word):
        return True
    # "die 155. Mechanisierte Brigade"; a year ("bis 2025. Die ...") ends the sentence
    if len(tokens) > 1 and len(tokens[-1].text) <= 3:
        before = tokens[-2]
        return before.kind in ("word", "abbrev") and before.norm.lower() in _ORDINAL_BEFORE
    return False


def tokenize(text: str, start: int = 0, end: int | None = None, paragraph: int = -1) -> list[Token]:
    """Split ``text`` (or its slice ``start:end``) into tokens; ``text[t.start:t.end] == t.text``.

    Offsets are always into ``text``; the tokens of a slice carry ``paragraph``.
    """
    # The cyclic garbage collector would run again and again over the growing list of new
    # tokens (which holds no garbage); it is paused meanwhile and restored as it was.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return tokenize_marks(text, start, end, paragraph)[0]
    finally:
        if was_enabled:
            gc.enable()


# Kinds of the tokens that can end a sentence or open / close a quotation (see the segmenter).
MARK_KINDS = frozenset({"punct", "ellipsis", "abbrev", "quote"})


def tokenize_marks(
    text: str, start: int = 0, end: int | None = None, paragraph: int = -1
) -> tuple[list[Token], list[int]]:
    """:func:`tokenize`, and the indices of the tokens whose kind is in :data:`MARK_KINDS`
    (collected on the way: the segmenter needs them, and a second pass over every token
    would cost a tenth of the segmenting time)."""
    limit = len(text) if end is None else end
    tokens: list[Token] = []
    marks: list[int] = []
    append = tokens.append
    mark_kinds = MARK_KINDS
    for m in _TOKEN_RE.finditer(text, start, limit):
        kind = m.lastgroup
        s, e = m.span()
        if kind == "period":
            if tokens:
                prev = tokens[-1]
                if prev.end == s:
                    merged = None
                    if prev.kind == "word":
                        if _is_abbreviation(prev.text, text, s, limit):
                            merged = "abbrev"
                    elif prev.kind == "number" and prev.text.isdigit() and len(prev.text) <= 4:
                        if _is_ordinal(tokens, text, s, limit):
                            merged = "ordinal"
                    if merged:
                        prev.text += "."
                        prev.end = e
                        prev.kind = merged
                        if merged == "abbrev":
                            marks.append(len(tokens) - 1)  # a word (no mark) became an abbreviation
                        continue
            marks.append(len(tokens))
            append(Token(".", s, e, "punct", -1, paragraph))
            continue
        if kind == "words":
            # a run of plain words, each followed by one space: one match for all of them
            run = text[s:e]
            if " " not in run:
                append(Token(run, s, e, "word", -1, paragraph))
                continue
            for word in run.split(" "):
                e = s + len(word)
                append(Token(word, s, e, "word", -1, paragraph))
                s = e + 1
            continue
        if kind in mark_kinds:
            marks.append(len(tokens))
        append(Token(text[s:e], s, e, kind, -1, paragraph))
    return tokens, marks
