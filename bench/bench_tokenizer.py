"""Tokenizer throughput (MB/s, in-process) beside SoMaJo and spaCy, and boundary agreement with SoMaJo.

Throughput is bytes of UTF-8 input per second of CPU time (``time.process_time``),
so that other work on a shared machine does not skew the ratios.
``warparse.tokenize`` (tokens + sentences + paragraphs) and
spaCy's blank German tokenizer run on the whole bench text (>= 2 MB, the
news texts repeated). SoMaJo (``de_CMC``) is far slower, so it runs once on
the unique news texts (a subset of the bench text); its MB/s is that
measurement, extrapolated to the bench text size, and labelled as such.

Agreement: both tokenizers' outputs are aligned on the text's "skeleton",
the input without white space and invisible characters (soft hyphen,
zero-width): every token of either side is a run of skeleton characters,
so a token boundary is a skeleton offset. Agreement is
|both| / |either| over those boundary offsets. A SoMaJo token that does not
match the skeleton verbatim (it normalised a character) makes its document
count as unaligned and it is left out (the count is printed).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable

import regex
from corpus import bench_text, news_texts, paragraphs, sources

import warparse
from warparse import tokenizer as wtok

_SKIP = frozenset(wtok.INVISIBLE)


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def _best_of(fn, reps: int) -> float:
    """The smallest CPU time of ``reps`` runs (CPU, not wall time: the machine is shared)."""
    times = []
    for _ in range(reps):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def _skeleton(text: str) -> tuple[str, list[int]]:
    """The text without white space / invisible characters, and each kept char's offset."""
    keep = [i for i, c in enumerate(text) if not (c.isspace() or c in _SKIP)]
    return "".join(text[i] for i in keep), keep


def _spans_from_offsets(
    tokens: Iterable[tuple[str, int, int]], keep: list[int]
) -> list[tuple[int, int, str]]:
    """Token (start, end) in skeleton coordinates, from original code-point offsets."""
    index = {off: k for k, off in enumerate(keep)}
    spans = []
    for text, start, end in tokens:
        ks = [index[o] for o in range(start, end) if o in index]
        if ks:
            spans.append((ks[0], ks[-1] + 1, text))
    return spans


def _spans_from_texts(texts: Iterable[str], skel: str) -> list[tuple[int, int, str]] | None:
    """Token spans in skeleton coordinates by walking the skeleton; None if a token does not match."""
    spans, p = [], 0
    for t in texts:
        core = "".join(c for c in t if not (c.isspace() or c in _SKIP))
        if not core:
            continue
        if not skel.startswith(core, p):
            return None
        spans.append((p, p + len(core), t))
        p += len(core)
    return spans if p == len(skel) else None


def _boundaries(spans: list[tuple[int, int, str]]) -> set[int]:
    out = set()
    for s, e, _ in spans:
        out.add(s)
        out.add(e)
    return out


def _differences(a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]):
    """Minimal common stretches where the two tokenisations differ: (a texts, b texts)."""
    i = j = 0
    while i < len(a) and j < len(b):
        ga, gb = [a[i]], [b[j]]
        i += 1
        j += 1
        while ga[-1][1] != gb[-1][1]:
            if ga[-1][1] < gb[-1][1] and i < len(a):
                ga.append(a[i])
                i += 1
            elif j < len(b):
                gb.append(b[j])
                j += 1
            else:
                break
        if len(ga) > 1 or len(gb) > 1:
            yield tuple(t for _, _, t in ga), tuple(t for _, _, t in gb), ga[0][0], ga[-1][1]


def _shape(tokens: tuple[str, ...]) -> str:
    s = " ".join(tokens)
    s = regex.sub(r"\d", "9", s)
    s = regex.sub(r"\p{Lu}+", "A", s)
    return regex.sub(r"[\p{Ll}\p{M}]+", "a", s)


def main() -> None:
    text = bench_text()
    size = _mb(text)
    news = news_texts()
    news_size = sum(_mb(t) for t in news)
    print(f"bench text: {size:.2f} MB ({len(text):,} code points) from {', '.join(sources())}")

    rows = []
    n_tokens = len(warparse.tokenize(text))
    t_w = _best_of(lambda: warparse.tokenize(text), 3)
    rows.append(("warparse.tokenize (tokens+sentences)", size / t_w, n_tokens, "one 2 MB string, best of 3"))
    # the same text as the documents it is made of, one call each (how bulletins are parsed)
    docs = list(news) * round(size / news_size)
    docs_size = sum(_mb(d) for d in docs)
    n_docs = sum(len(warparse.tokenize(d)) for d in docs)
    t_docs = _best_of(lambda: [warparse.tokenize(d) for d in docs], 3)
    rows.append(
        (
            "warparse.tokenize, document by document",
            docs_size / t_docs,
            n_docs,
            f"{len(docs)} calls, best of 3",
        )
    )
    t_raw = _best_of(lambda: wtok.tokenize(text), 3)
    rows.append(
        (
            "warparse.tokenizer.tokenize (tokens only)",
            size / t_raw,
            len(wtok.tokenize(text)),
            "one 2 MB string, best of 3",
        )
    )

    try:
        import spacy

        nlp = spacy.blank("de")
        paras = paragraphs(text)
        n_sp = sum(len(nlp.tokenizer(p)) for p in paras)
        t_sp = _best_of(lambda: [nlp.tokenizer(p) for p in paras], 2)
        rows.append(("spaCy blank('de') tokenizer", size / t_sp, n_sp, "measured, best of 2"))
    except ImportError:
        print("spaCy not installed: skipped (make bench installs .[bench])")

    somajo_docs = None
    try:
        from somajo import SoMaJo

        # as the issue asks: SoMaJo("de_CMC") with its defaults (it splits sentences too, like
        # warparse.tokenize), fed the paragraphs (lines) of each document; one warm-up call first
        somajo = SoMaJo("de_CMC")
        list(somajo.tokenize_text(["Am 27. Oktober griffen z. B. 12 Drohnen an."]))
        t0 = time.process_time()
        somajo_docs = [
            [
                tok.text
                for sent in somajo.tokenize_text(p for p in d.splitlines() if p.strip())
                for tok in sent
            ]
            for d in news
        ]
        t_so = time.process_time() - t0
        n_so = sum(len(d) for d in somajo_docs)
        rows.append(
            (
                "SoMaJo de_CMC",
                news_size / t_so,
                n_so * size / news_size,
                f"measured once on {news_size:.2f} MB subset, extrapolated",
            )
        )
    except ImportError:
        print("SoMaJo not installed: skipped (make bench installs .[bench])")

    print(f"\n{'tokenizer':44} {'MB/s':>8} {'tokens':>11} {'vs SoMaJo':>10}  note (MB/s per CPU second)")
    base = rows[-1][1] if somajo_docs is not None else None
    for name, mbs, ntok, note in rows:
        ratio = f"{mbs / base:9.1f}x" if base else "        -"
        print(f"{name:44} {mbs:8.2f} {ntok:11,.0f} {ratio:>10}  {note}")
    if base:
        print(
            f"target: warparse.tokenize >= 30x SoMaJo -> {rows[0][1] / base:.1f}x as one string, "
            f"{rows[1][1] / base:.1f}x document by document"
        )

    if somajo_docs is None:
        return
    agree = union = nonspace_agree = nonspace_union = unaligned = 0
    diffs: Counter[str] = Counter()
    examples: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {}
    for doc, so_texts in zip(news, somajo_docs, strict=True):
        skel, keep = _skeleton(doc)
        so = _spans_from_texts(so_texts, skel)
        if so is None:
            unaligned += 1
            continue
        wp = _spans_from_offsets(((t.text, t.start, t.end) for t in wtok.tokenize(doc)), keep)
        bw, bs = _boundaries(wp), _boundaries(so)
        agree += len(bw & bs)
        union += len(bw | bs)
        # boundaries not forced by white space: inside a white-space delimited chunk
        glued = {k for k in bw | bs if 0 < k < len(keep) and keep[k] == keep[k - 1] + 1}
        nonspace_agree += len(glued & bw & bs)
        nonspace_union += len(glued)
        for a, b, ks, ke in _differences(wp, so):
            key = f"{_shape(a)}  |  {_shape(b)}"
            diffs[key] += 1
            if key not in examples:
                start, end = keep[ks], keep[ke - 1] + 1
                context = doc[max(0, start - 25) : end + 15].replace("\n", " ")
                examples[key] = (a, b, context)
    print(
        f"\nboundary agreement with SoMaJo on the news texts ({len(news) - unaligned} docs aligned, "
        f"{unaligned} unaligned): {agree / union:.2%} of {union:,} boundaries; "
        f"boundaries inside a white-space chunk: {nonspace_agree / max(nonspace_union, 1):.2%} "
        f"of {nonspace_union:,}"
    )
    print(f"target: >= 99% -> {'met' if agree / union >= 0.99 else 'NOT met'}")
    print(f"\nmost frequent disagreements ({sum(diffs.values())} stretches; shape: warparse | SoMaJo)")
    print(f"{'n':>5}  {'warparse':28} | {'SoMaJo':28} | example context")
    for key, n in diffs.most_common(30):
        a, b, context = examples[key]
        print(f"{n:5}  {' · '.join(a):28.28} | {' · '.join(b):28.28} | {context}")
