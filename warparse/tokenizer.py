"""The German tokenizer: text -> tokens with code-point offsets.

One compiled alternation finds the raw tokens left to right (URLs, e-mail,
dates, numbers, words, quotation marks, punctuation); a second pass merges
a word or number with a following period where German keeps it (an
abbreviation "z." "Nr.", an ordinal "28."). Sentence and paragraph
structure is added by :mod:`warparse.segmenter`.

Invisible characters (soft hyphen, zero-width space/joiners, word joiner)
are kept inside the token they split, so ``text[start:end] == token.text``
always holds; ``token.norm`` is the token without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from warparse.lexicons import word_set

# Characters that are invisible in print and must not break a word.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVIS_RE = regex.compile(f"[{INVISIBLE}]")

OPENING_QUOTES = "„»‚‹"
CLOSING_QUOTES = "“«‘›"
AMBIGUOUS_QUOTES = "\"”’'"
# „“ and ‚‘ are German; “” and ‘’ English; »« and «» both directions.
ALL_QUOTES = "„“”\"»«‚‘’'‹›"

_L = rf"[\p{{L}}\p{{M}}{INVISIBLE}]"
_LN = rf"[\p{{L}}\p{{M}}\p{{N}}{INVISIBLE}]"
_SPACE_GROUP = "[ \u00a0\u2009\u202f]"

# Order matters: the first alternative that matches at a position wins.
_TOKEN_RE = regex.compile(
    rf"""
    (?P<url>(?:https?://|www\.)[^\s<>"„“”»«]*[^\s<>"„“”»«.,;:!?)\]'’])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<hashtag>[#@][\p{{L}}\p{{N}}_]+)
  | (?P<date>(?<!\d)\d{{1,2}}\.\d{{1,2}}\.(?:\d{{4}}|\d{{2}}(?!\d))?(?!\d))
  | (?P<time>(?<!\d)\d{{1,2}}:\d{{2}}(?!\d)|(?<!\d)\d{{1,2}}\.\d{{2}}(?=\s*Uhr\b))
  | (?P<number>(?<![\d.,])\d{{1,3}}(?:(?:\.|{_SPACE_GROUP})\d{{3}})+(?:,\d+)?(?![\d.,]\d)
               |\d+(?:,\d+)?(?:-?{_LN}+(?:-{_LN}+)*)?)
  | (?P<word>{_LN}+(?:[-‐‑]{_LN}+)*(?:['’]{_L}+)?(?:-(?=\s+(?:und|oder|bis|bzw\.?|sowie)\b))?)
  | (?P<ellipsis>…|\.{{3,}})
  | (?P<quote>[{ALL_QUOTES}])
  | (?P<punct>[^\s{INVISIBLE}])
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
_MONTH_RE = regex.compile(rf"(?i)(?:{_MONTHS}|jan|feb|mär|apr|jun|jul|aug|sep|sept|okt|nov|dez)\.?")


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
        return _INVIS_RE.sub("", self.text) if any(c in INVISIBLE for c in self.text) else self.text

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
def _abbreviations() -> frozenset[str]:
    return word_set("abbreviations")


def _is_abbreviation(word: str) -> bool:
    """Whether "word." keeps its period: listed abbreviations and initials."""
    norm = _INVIS_RE.sub("", word)
    if norm in _abbreviations() or norm.lower() in _abbreviations():
        return True
    # single letters: "z. B.", "u. a.", initials "M. Rutte"
    return len(norm) == 1 and norm.isalpha()


def _is_ordinal(tokens: list[Token], text: str, end: int) -> bool:
    """Whether "27." (digits then a period) is an ordinal rather than a sentence end."""
    after = text[end + 1 : end + 40].lstrip(" \u00a0\u2009\u202f")
    if not after:
        return False
    nxt = regex.match(r"[\p{L}\p{N}]+\.?", after)
    if nxt:
        word = nxt.group()
        if word[0].islower() or word[0].isdigit() or _MONTH_RE.fullmatch(word):
            return True
    if tokens and tokens[-1].kind in ("word", "abbrev") and tokens[-1].norm.lower() in _ORDINAL_BEFORE:
        return True
    return False


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens; ``text[t.start:t.end] == t.text`` for every token."""
    tokens: list[Token] = []
    append = tokens.append
    n = len(text)
    search = _TOKEN_RE.search
    pos = 0
    while True:
        m = search(text, pos)
        if m is None:
            break
        kind = m.lastgroup or "punct"
        start, end = m.span()
        pos = end
        if kind in ("word", "number") and end < n and text[end] == ".":
            word = m.group()
            merged = None
            if kind == "word" and _is_abbreviation(word):
                merged = "abbrev"
            elif kind == "number" and word.isdigit() and len(word) <= 4:
                if _is_ordinal(tokens, text, end):
                    merged = "ordinal"
            if merged and not text.startswith("...", end):
                append(Token(text[start : end + 1], start, end + 1, merged))
                pos = end + 1
                continue
        append(Token(m.group(), start, end, kind))
    return tokens
