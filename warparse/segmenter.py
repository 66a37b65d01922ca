"""Document structure above tokens: paragraphs, headlines and sentences.

A bulletin is a sequence of lines. A line is a paragraph; a line that does
not end a sentence and whose next line starts in lower case is a hard wrap
and continues the paragraph. A short paragraph without final punctuation
("Russischer Angriff auf Region Charkiw") is a headline: it opens a section
and is one sentence of its own.

Sentences end after ``.`` ``!`` ``?`` or an ellipsis (and any closing quotes
or brackets right after) when what follows starts a new sentence: an upper
case letter, a digit, an opening quote, or the paragraph's end.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from warparse.tokenizer import ALL_QUOTES, CLOSING_QUOTES, OPENING_QUOTES, Token, tokenize

_LINE_RE = regex.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_FINAL = frozenset(".!?…")
_FINAL_TOKENS = frozenset({".", "!", "?", "…", "..."})
_HEADLINE_MAX_WORDS = 20
_CLOSERS = frozenset(CLOSING_QUOTES + "”\"’')]")


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    tokens: list[Token]
    text: str
    headline: bool = False


@dataclass(slots=True)
class Paragraph:
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
        for s in self.sentences:
            yield from s.tokens


def _paragraph_spans(text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, trimmed of surrounding white space."""
    start = end = None
    prev_line = ""
    for m in _LINE_RE.finditer(text):
        line = m.group().rstrip("\r\n")
        if not m.group():
            break
        stripped = line.strip()
        s = m.start() + (len(line) - len(line.lstrip()))
        e = m.start() + len(line.rstrip())
        if not stripped:
            if start is not None:
                yield start + offset, end + offset
                start = None
            prev_line = ""
            continue
        wrapped = (
            start is not None
            and prev_line
            and prev_line[-1] not in _FINAL
            and prev_line[-1] not in _CLOSERS
            and prev_line[-1] != ":"
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
    words = sum(1 for t in tokens if t.kind not in ("punct", "quote", "ellipsis"))
    if not words or words > _HEADLINE_MAX_WORDS:
        return False
    stripped = text.rstrip()
    last = stripped[-1]
    if last in _FINAL or last in ",;:":
        return False
    if last in ALL_QUOTES or last in ")]":
        # „…“ at the end: a headline unless the quote itself ends a sentence
        body = stripped.rstrip(ALL_QUOTES + ")] ")
        return not body or body[-1] not in _FINAL
    return True


def _sentence_breaks(tokens: list[Token]) -> Iterator[int]:
    """Indices i such that a sentence ends after tokens[i]."""
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        if tok.kind == "ellipsis" or (tok.kind == "punct" and tok.text in "!?."):
            j = i
            while j + 1 < n and tokens[j + 1].text in _FINAL_TOKENS:
                j += 1
            # closing quotes and brackets glued to the period belong to this sentence
            while (
                j + 1 < n
                and tokens[j + 1].start == tokens[j].end
                and (tokens[j + 1].text in _CLOSERS or tokens[j + 1].text in "«›")
            ):
                j += 1
            if j + 1 >= n:
                break
            nxt = tokens[j + 1]
            first = nxt.text[0]
            starts = (
                first.isupper()
                or first.isdigit()
                or nxt.text in OPENING_QUOTES
                or (nxt.kind == "quote" and nxt.text in '"“”»')
                or first in "(["
            )
            if starts and nxt.start > tokens[j].end:
                yield j
            i = j + 1
            continue
        i += 1


def segment(text: str) -> Document:
    """Tokenize ``text`` and group the tokens into paragraphs and sentences."""
    paragraphs: list[Paragraph] = []
    sentence_index = 0
    for p_index, (p_start, p_end) in enumerate(_paragraph_spans(text)):
        p_text = text[p_start:p_end]
        toks = tokenize(p_text)
        for t in toks:
            t.start += p_start
            t.end += p_start
            t.paragraph = p_index
        para = Paragraph(p_index, p_start, p_end, p_text, headline=is_headline(p_text, toks))
        cuts = [-1, *_sentence_breaks(toks), len(toks) - 1] if not para.headline else [-1, len(toks) - 1]
        for a, b in itertools.pairwise(cuts):
            sent_toks = toks[a + 1 : b + 1]
            if not sent_toks:
                continue
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
                )
            )
            sentence_index += 1
        paragraphs.append(para)
    return Document(text, paragraphs)
