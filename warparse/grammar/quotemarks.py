"""Quotation marks: which marks open and close direct speech in a paragraph.

Works on a whole paragraph, because the segmenter splits sentences inside
a quote. Every style is accepted („…“ “…” "…" »…« «…» „…”); whether an
ambiguous mark (" “ ” » «) opens or closes is decided by what stands
beside it (an opening mark has space before it and a letter after it).
Single marks (‚…‘ '…') nested inside double ones stay part of the outer
quotation; a ‚…‘ pair outside any double marks is a quotation of its own
(headlines: Sybiha: ‚Wir brauchen …‘) when its closing ‘ follows in the
paragraph. Apostrophes ("D'Alema", "geht’s") are never marks.

A mark that is never closed ends its quotation at the next opening mark of
the same style or at the paragraph end: a stray mark cannot swallow the
rest of the document.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE_MARKS = '„“”"»«'
_SINGLE_OPEN, _SINGLE_CLOSE = "‚", "‘"
_MARKS = DOUBLE_MARKS + _SINGLE_OPEN + _SINGLE_CLOSE
_ALWAYS_OPEN = "„"
_CLOSERS_FOR = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    "“": '”“"',
    '"': '"”“',
    "”": "”",
}
_BEFORE_OPEN = " \t\u00a0([{–—-/:;,\u2009\u202f"
_AFTER_CLOSE = " \t\u00a0.,;:!?)]}–—-/\u2009\u202f"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One outermost quotation: ``start``/``end`` frame the words inside the marks,
    ``open``/``close`` include the marks; ``closed`` is False when recovered."""

    open: int
    start: int
    end: int
    close: int
    closed: bool


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    opens = not nxt.isspace() and (prev in _BEFORE_OPEN or prev in DOUBLE_MARKS or prev.isspace())
    closes = not prev.isspace() and (nxt in _AFTER_CLOSE or nxt in DOUBLE_MARKS or i + 1 >= hi)
    return opens, closes


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """The outermost quotations in ``text[lo:hi]`` (one paragraph), in order."""
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []  # (mark, offset) of the open quotations

    def finish(open_mark_at: int, end: int, close: int, closed: bool) -> None:
        s, e = _trim(text, open_mark_at + 1, end)
        if e > s:
            out.append(QuoteSpan(open_mark_at, s, e, close, closed))

    for i in range(lo, hi):
        ch = text[i]
        if ch not in _MARKS:
            continue
        if ch == _SINGLE_OPEN:
            # top-level ‚…‘ only: nested single marks stay inside the open quotation
            close = text.find(_SINGLE_CLOSE, i + 1, hi)
            if not stack and close > i + 1 and _flanks(text, close, lo, hi)[1]:
                stack.append((ch, i))
            continue
        if ch == _SINGLE_CLOSE:
            if len(stack) == 1 and stack[0][0] == _SINGLE_OPEN and _flanks(text, i, lo, hi)[1]:
                _mark, at = stack.pop()
                finish(at, i, i + 1, True)
            continue
        opens, closes = _flanks(text, i, lo, hi)
        if ch == _ALWAYS_OPEN:
            opens, closes = True, False
        elif opens == closes:
            # spaces (or letters) on both sides ("Kindern. “ Sie"): closes what is open
            opens, closes = not stack, bool(stack)
        if stack and closes and (not opens or ch in _CLOSERS_FOR.get(stack[-1][0], "")):
            # close the innermost quotation this mark fits, or the innermost one (mixed styles)
            fits = [k for k, (mark, _) in enumerate(stack) if ch in _CLOSERS_FOR.get(mark, "")]
            depth = fits[-1] if fits else len(stack) - 1
            _mark, at = stack[depth]
            del stack[depth:]
            if not stack:
                finish(at, i, i + 1, True)
            continue
        if opens:
            if stack and stack[0][0] == ch and len(stack) == 1:
                # the same style opens again: the open quotation was never closed
                _mark, at = stack.pop()
                finish(at, i, i, False)
            stack.append((ch, i))
        # a closing mark with nothing open is stray: ignored
    if stack:
        finish(stack[0][1], hi, hi, False)
    out.sort(key=lambda q: q.open)
    return out
