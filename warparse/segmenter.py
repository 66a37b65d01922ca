"""Document structure above tokens: paragraphs, headlines, datelines and sentences.

A bulletin is a sequence of lines. A line is a paragraph; a line that does
not end a sentence and whose next line starts in lower case is a hard wrap
and continues the paragraph. A short paragraph without final punctuation
("Russischer Angriff auf Region Charkiw", a ticker line "+++ 07:55 Uhr +++
…") is a headline: it opens a section and is one sentence of its own.

Sentences end after ``.`` ``!`` ``?``, an ellipsis or a sentence-final
abbreviation ("etc.") - with any closing quotes and brackets right after -
when what follows starts a new sentence: an upper case letter, a digit, an
opening quote or bracket, or the paragraph's end. Whether an ambiguous
quotation mark (" “ ” « » ') opens or closes is tracked per paragraph, so a
closing mark set off by a space ("… Massaker. “ Die …") stays with its
sentence.

A dateline at the start of a report ("KIEW (dpa) -", "Moskau (AFP) –",
"Berlin:") is a sentence of its own with ``dateline=True``: it names where
the report was filed, not where anything happened.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from warparse.rules import compile_pattern
from warparse.tokenizer import ALL_QUOTES, INVISIBLE, Token, may_end_sentence, tokenize_marks

_LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_RE = compile_pattern(rf"[^{_LINE_BREAKS}]*+(?:\r\n|[{_LINE_BREAKS}]|$)")
_FINAL = frozenset(".!?…")
_FINAL_TOKENS = frozenset({".", "!", "?", "…", "..."})
_HEADLINE_MAX_WORDS = 20
_BRACKET_CLOSERS = frozenset(")]")
_TRAILING_JUNK = " \t\u00a0\u2009\u202f" + INVISIBLE

# Quotation marks: which closing marks fit an open one, and which marks can open at all.
_CLOSERS_FOR = {
    "„": '“”"',
    "‚": "‘’'",
    "»": "«",
    "«": "»",
    "›": "‹",
    "‹": "›",
    "“": '”“"',
    "”": "”",
    '"': '"”“',
    "‘": "’‘",
    "'": "'’",
    "''": "''",
    "``": "''",
}
_ONLY_CLOSE = frozenset("’")
_ALWAYS_OPEN = frozenset("„‚")
_MAX_QUOTE_DEPTH = 8  # deeper unclosed marks are forgotten

# A dateline: place(s), an optional ", <date>", an optional "(agency)", then a dash or colon.
_DATELINE_RE = compile_pattern(
    r"""
    (?P<place>\p{Lu}[\p{L}\p{M}.'’-]*+(?:(?:[ \u00a0]|\s?/\s?)\p{Lu}[\p{L}\p{M}.'’-]*+){0,3})
    (?P<date>,[ \u00a0][^\n(),:–—]{0,30}?\d[^\n(),:–—]{0,30}?)?
    (?:[ \u00a0]?\((?P<agency>[^()\n]{1,40})\))?
    [ \u00a0]?(?P<sep>[-–—:])[ \u00a0]
    """,
    regex.VERBOSE,
)
# After "Name:" these words show a speaker's words, not a dateline ("Selenskyj: Wir …").
_SPEECH_AFTER_COLON = frozenset("ich wir mir mich uns mein meine unser unsere".split())
_WORD_RE = compile_pattern(r"[\p{L}\p{N}]+")
# An agency's editor signature glued to the last sentence: "… verwundet worden./trö/DP/he".
_SIGNATURE_RE = compile_pattern(r"(?<=[.!?“”\"«»])/\p{L}{1,6}(?:/\p{L}{1,6}){1,4}$")


@dataclass(slots=True)
class Sentence:
    """A sentence (or headline line) with its tokens; offsets into the document text."""

    index: int
    start: int
    end: int
    paragraph: int
    tokens: list[Token]
    text: str
    headline: bool = False
    dateline: bool = False  # "KIEW (dpa) -": where the report was filed


@dataclass(slots=True)
class Paragraph:
    """A paragraph (text between blank lines, or a headline line) and its sentences."""

    index: int
    start: int
    end: int
    text: str
    headline: bool = False
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Document:
    """A segmented text: what every extractor reads."""

    text: str
    paragraphs: list[Paragraph]

    @property
    def sentences(self) -> Iterator[Sentence]:
        for p in self.paragraphs:
            yield from p.sentences

    @property
    def tokens(self) -> Iterator[Token]:
        return itertools.chain.from_iterable(s.tokens for p in self.paragraphs for s in p.sentences)


def _paragraph_spans(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed of surrounding white space."""
    start = end = None
    prev_line = ""
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        if not raw:
            break
        line = raw.rstrip(_LINE_BREAKS)
        stripped = line.strip()
        if not stripped:
            if start is not None:
                yield start + offset, end + offset
                start = None
            prev_line = ""
            continue
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.start() + len(line.rstrip())
        wrapped = (
            start is not None
            and prev_line
            and prev_line[-1] not in _FINAL
            and prev_line[-1] not in ALL_QUOTES
            and prev_line[-1] not in ")]:"
            and stripped[0].islower()
        )
        if wrapped:
            end = e
        else:
            if start is not None:
                yield start + offset, end + offset
            start, end = s, e
        prev_line = stripped
    if start is not None:
        yield start + offset, end + offset


def is_headline(text: str, tokens: list[Token]) -> bool:
    """A short line that does not end like a sentence."""
    words = 0
    for t in tokens:
        if t.kind not in ("punct", "quote", "ellipsis"):
            words += 1
            if words > _HEADLINE_MAX_WORDS:
                return False
    if not words:
        return False
    stripped = text.rstrip(_TRAILING_JUNK)
    sig = _SIGNATURE_RE.search(stripped, max(0, len(stripped) - 40))
    if sig:
        stripped = stripped[: sig.start()]
    last = stripped[-1]
    if last in _FINAL or last in ",;:":
        return False
    if last in ALL_QUOTES or last in ")]":
        # „…“ at the end: a headline unless the quote itself ends a sentence
        body = stripped.rstrip(ALL_QUOTES + ")] ")
        return not body or body[-1] not in _FINAL
    return True


def _closing_quotes(tokens: list[Token], marks: list[int], text: str) -> set[int]:
    """Indices of the quote tokens (among ``marks``) that close a quotation (the others open one)."""
    closing: set[int] = set()
    stack: list[str] = []
    for i in marks:
        if tokens[i].kind != "quote":
            continue
        tok = tokens[i]
        q = tok.text
        # the innermost open mark this one closes (an unclosed inner mark is dropped); quotations
        # nest a few levels at most, so only the top of the stack is searched (linear time)
        depth = next((k for k in range(len(stack) - 1, -1, -1) if q in _CLOSERS_FOR[stack[k]]), -1)
        if depth >= 0:
            del stack[depth:]
            closing.add(i)
            continue
        before = text[tok.start - 1] if tok.start > 0 else " "
        after = text[tok.end] if tok.end < len(text) else " "
        # an unmatched mark closes when it is glued to the text before it and not to the text
        # after it ("Ende.“ Die"); otherwise it opens ("“Heute", "“ Heute" in spaced-out text)
        opens = q in _ALWAYS_OPEN or (q not in _ONLY_CLOSE and (before.isspace() or not after.isspace()))
        if opens and q in _CLOSERS_FOR:
            stack.append(q)
            if len(stack) > _MAX_QUOTE_DEPTH:
                del stack[0]
        else:
            closing.add(i)
    return closing


def _sentence_ends(tokens: list[Token], marks: list[int], closing: set[int]) -> Iterator[int]:
    """Indices i such that a sentence ends after tokens[i] (the paragraph's end not included)."""
    n = len(tokens)
    done = -1
    for i in marks:
        tok = tokens[i]
        if i <= done or tok.kind == "quote" or (tok.kind == "punct" and tok.text not in _FINAL_TOKENS):
            continue
        if tok.kind == "abbrev" and not may_end_sentence(tok):
            continue
        j = i
        while j + 1 < n and tokens[j + 1].text in _FINAL_TOKENS:
            j += 1
        # closing quotes and brackets right after the period belong to this sentence
        while j + 1 < n and (
            (j + 1) in closing
            or (tokens[j + 1].text in _BRACKET_CLOSERS and tokens[j + 1].start == tokens[j].end)
        ):
            j += 1
        done = j
        if j + 1 >= n:
            break
        nxt = tokens[j + 1]
        first = nxt.text[0]
        starts = (
            first.isupper()
            or first.isdigit()
            or (nxt.kind == "quote" and (j + 1) not in closing)
            or first in "(["
        )
        if starts and nxt.start > tokens[j].end:
            yield j


def _dateline_end(text: str, tokens: list[Token], p_start: int, p_end: int, first_body: bool) -> int:
    """How many leading tokens of a paragraph form its dateline (0: none)."""
    m = _DATELINE_RE.match(text, p_start, p_end)
    if m is None:
        return 0
    place, sep = m.group("place"), m.group("sep")
    after = _first_word(text, m.end(), p_end)
    if m.group("agency"):
        ok = True
    elif place.isupper():
        # "KIEW -", "KIEW/MOSKAU –": capitals mark a dateline anywhere
        ok = after[:1].isupper() or after[:1].isdigit()
    else:
        # "Kiew –", "Berlin:" only open the first body paragraph, as one word (or "Kiew/Seoul"),
        # before a sentence start; "Selenskyj: Wir …" is a speaker, "Russland – das …" prose
        ok = (
            first_body
            and " " not in place
            and not m.group("date")
            and (after[:1].isupper() or (sep != ":" and after[:1].isdigit()))
            and after.lower() not in _SPEECH_AFTER_COLON
        )
    if not ok:
        return 0
    cut = m.end() - 1  # the separator's end, before the space
    for k, tok in enumerate(tokens):
        if tok.end == cut:
            return k + 1 if k + 1 < len(tokens) else 0
        if tok.end > cut:
            break
    return 0


def _first_word(text: str, pos: int, end: int) -> str:
    m = _WORD_RE.search(text, pos, min(end, pos + 40))
    return m.group() if m else ""


def segment(text: str) -> Document:
    """Tokenize ``text`` and group the tokens into paragraphs and sentences."""
    # Segmenting allocates one Token per few characters and frees none of them, so the cyclic
    # garbage collector would run over and over on a growing heap that holds no garbage (a
    # quarter of the time on a long text). It is paused while segmenting, and restored as it
    # was, also on an error; nothing here makes reference cycles.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _segment(text)
    finally:
        if was_enabled:
            gc.enable()


def _segment(text: str) -> Document:
    paragraphs: list[Paragraph] = []
    sentence_index = 0
    seen_body = False
    for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        p_text = text[p_start:p_end]
        toks, marks = tokenize_marks(text, p_start, p_end, p_index)
        para = Paragraph(p_index, p_start, p_end, p_text, headline=is_headline(p_text, toks))
        if para.headline:
            ends = [len(toks)]
            dateline = 0
        else:
            # marks: the tokens that can end a sentence or open / close a quotation
            closing = _closing_quotes(toks, marks, text)
            ends = [e + 1 for e in _sentence_ends(toks, marks, closing)]
            sig = _SIGNATURE_RE.search(text, max(p_start, p_end - 40), p_end)
            if sig:
                ends += [k for k in range(len(toks) - 1, 0, -1) if toks[k].start == sig.start()][:1]
            ends.append(len(toks))
            dateline = _dateline_end(text, toks, p_start, p_end, not seen_body)
            if dateline and (not ends or ends[0] > dateline):
                ends.insert(0, dateline)
            else:
                dateline = 0
            seen_body = True
        a = 0
        for b in ends:
            if b <= a:
                continue
            sent_toks = toks[a:b]
            for t in sent_toks:
                t.sentence = sentence_index
            s_start, s_end = sent_toks[0].start, sent_toks[-1].end
            para.sentences.append(
                Sentence(
                    sentence_index,
                    s_start,
                    s_end,
                    p_index,
                    sent_toks,
                    text[s_start:s_end],
                    headline=para.headline,
                    dateline=a == 0 and b == dateline,
                )
            )
            sentence_index += 1
            a = b
        paragraphs.append(para)
    return Document(text, paragraphs)
