"""Quote records: direct and indirect speech with its speaker (issue #5).

Direct speech is found per paragraph from its quotation marks
(:mod:`warparse.grammar.quotemarks`); names in marks ("der Zeitung
„Iswestija“") are left out. The document is then read unit by unit (a
sentence, or several when a quotation spans them), with direct speech
masked out:

- a quotation takes its speaker from the frame after it (", sagte Rutte"),
  before it ("Rutte sagte: „…“"), elsewhere in its sentence, in the next
  sentence ("Das sagte …"), or else from the last speaker;
- indirect speech is a speech verb with a dass- or ob-clause, a speech verb
  with a comma or colon and a Konjunktiv clause, a noun of saying with its
  clause ("vertrat die Ansicht, dass …", "mit der Begründung, … sei"), a
  Konjunktiv clause with a frame after it (", so Peskow"), a Konjunktiv or
  "sollen" clause with a source cue ("laut X", "demnach", "gemäß X"), a
  Konjunktiv sentence that continues a report, a main clause in Konjunktiv I,
  reportative "sollen" with a perfect infinitive ("soll … gefälscht haben"),
  or a subordinate clause in Konjunktiv I ("…, da der Plan zu teuer sei").
  A report ends where the writer's own main clause resumes (", hatte dieser
  …", "und bezeichnete …");
- a Konjunktiv sentence whose speaker only the context gave is attributed by
  the next sentence when that one opens with "Das/Dies/So" and a speech verb
  ("Die Kasse sei leer. Das sagte die Kämmerin.");
- of several speech verbs in a sentence, the one nearest the reported words
  frames them ("Nachdem er gefragt wurde, erklärte X, …").

An indicative sentence with only a source cue is not a quote, and neither is
a zu-infinitive ("erklärte, nichts zu wissen"): records.md.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from warparse.context import Context
from warparse.grammar.quotemarks import QuoteSpan, find_quotes
from warparse.grammar.speakers import (
    NP,
    Resolver,
    Speaker,
    build_registry,
    clause_subject,
    is_opener,
    org_row,
    role_head,
)
from warparse.grammar.speech import MASK, cue, find_report_verb, find_verb, post_frame, subject
from warparse.grammar.subjunctive import has_subjunctive, is_konjunktiv1, is_subjunctive
from warparse.lexicons import derived, word_set
from warparse.records import Quote
from warparse.rules import compile_pattern, rx

_FINAL = ".!?…"
_FUNCTION = frozenset(
    "von der des den dem die das und für zur zum im am of the and for on in to de du la le les et un une "
    "pour del los las y da do di van voor het een al".split()
)
_DATELINE = compile_pattern(r"\p{Lu}[\p{L}\-]*(?:[/ ]\p{Lu}[\p{L}\-]*){0,2}(?:\s*\([^)]{1,30}\))?\s*[–—-]\s+")
_SUBORD = frozenset(
    "wenn weil als da ob obwohl nachdem um ohne statt anstatt wie wo bevor damit sodass falls".split()
)
# "soll"/"sollen" as the finite verb of a main clause (not verb-final in a subordinate one,
# "…, nach der … erzwungen werden soll"): with a source in the same sentence ("Der Abzug soll
# demnach … erfolgen") a plan or claim reported on that source's word
_SOLL = compile_pattern(r"\b(?:soll|sollen)\b(?!\s*(?:[,.;:!?–]|$))")
# reportative "sollen" with a perfect infinitive ("soll … gefälscht haben", "sollen … verletzt
# worden sein"): a claim reported on someone's word even without a source
_REPORTATIVE_PERFECT = compile_pattern(
    r"\b(?:soll|sollen)\s(?:[^.;:!?]|(?<=\d)\.){0,300}?\s\p{Ll}\p{L}*(?:t|en)\s+(?:worden\s+|gewesen\s+)?(?:sein|haben)\b"
)
_NP_START = compile_pattern(r"\s*(?P<np>" + NP + ")", regex.VERSION1)
_NEXT_FRAME = compile_pattern(r"\s*(?:Das|Dies|So)\s+")


@dataclass(slots=True)
class Unit:
    """A stretch of text attribution is searched in (a paragraph), with its quotations."""

    start: int
    end: int
    paragraph: int
    headline: bool
    quotes: list[QuoteSpan] = field(default_factory=list)


# a label someone gives: "nannte den Besuch eine „Provokation“", "sprach von einem „Fehler“"
_LABELLED = compile_pattern(
    r"\b(?:nannte|nannten|nennt|nennen|bezeichnete|bezeichneten|bezeichnet|sprach|sprachen|spricht)\b"
    r"[^.;:!?„“»«\"]{0,60}\b(?:eine[nmr]?|ein|als|von)\s*$"
)


def _is_name(text: str, q: QuoteSpan, outlets: frozenset[str]) -> bool:
    """Names in quotation marks (»Kinschal«, „Iswestija“, „Anna von Kiew“) are not speech:
    a few capitalised words without a verb or final punctuation."""
    inner = text[q.start : q.end]
    if inner in outlets:
        return True
    words = rx(r"[\p{L}\p{N}'’\-]+").findall(inner)
    if not words or inner[-1] in _FINAL + ",":
        return False
    before = text[max(0, q.open - 80) : q.open]
    line = text[max(text.rfind("\n", 0, q.open) + 1, q.open - 40) : q.open].rstrip()
    if (line.endswith(":") and len(line.split()) <= 2) or _LABELLED.search(before):
        return False  # "NATO: „Gefährliche Ausweitung“", "nannte den Besuch eine „Provokation“"
    if len(words) == 1:
        return inner[0].isupper() or inner[0].isdigit()  # "sei „absurd“": a word, not a name
    name_like = len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w in _FUNCTION for w in words)
    if not name_like:
        return False
    before = rx(r"[\p{L}]+").findall(text[max(0, q.open - 30) : q.open])
    prev = before[-1] if before else ""
    return prev.lower() not in (
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "von",
        "vom",
        "für",
        "zur",
        "zum",
        "als",
        "wie",
    )


def _is_title(text: str, q: QuoteSpan) -> bool:
    """A title or name right after the noun it names ("das Buch „…“", "der Film „…“"):
    short, no final punctuation, the word before it capitalised and not a sentence start."""
    inner = text[q.start : q.end]
    if inner[-1] in _FINAL + "," or len(inner.split()) > 8 or not inner[0].isupper():
        return False
    m = rx(r"(?<=[\p{L}\p{N}\-]\s)(\p{Lu}[\p{L}\-]*)\s$").search(text[max(0, q.open - 40) : q.open])
    return m is not None and role_head(m.group(1)) is None


def _is_fragment(text: str, q: QuoteSpan) -> bool:
    """A few words without final punctuation: speech only where the sentence reports speech."""
    inner = text[q.start : q.end]
    return inner[-1] not in _FINAL and len(inner.split()) <= 8


def _crosses(q: QuoteSpan, end: int, next_start: int) -> bool:
    """Whether quotation ``q`` runs on past a sentence that ends at ``end``."""
    if q.open < end < q.close:
        return True
    return q.open < end and not q.closed and q.start < next_start < q.end


def _units(ctx: Context, quotes: list[QuoteSpan]) -> list[Unit]:
    """Sentences, merged where a quotation runs across a sentence end."""
    out: list[Unit] = []
    for p in ctx.doc.paragraphs:
        cur: Unit | None = None
        local = [q for q in quotes if p.start <= q.open < p.end]  # quotations end with their paragraph
        for s in p.sentences:
            glued = cur is not None and ctx.text[cur.end - 1] == ":"  # "Kiper: Zwei Menschen seien …"
            if cur is not None and (glued or any(_crosses(q, cur.end, s.start) for q in local)):
                cur.end = s.end
                continue
            if cur is not None:
                out.append(cur)
            cur = Unit(s.start, s.end, p.index, p.headline)
        if cur is not None:
            out.append(cur)
    for u in out:
        u.quotes = [q for q in quotes if u.start <= q.open < u.end]
    return out


def _mask(text: str, quotes: list[QuoteSpan]) -> str:
    chars = list(text)
    for q in quotes:
        for i in range(q.open, min(q.close if q.closed else q.end, len(chars))):
            chars[i] = MASK
    for m in _idioms_re().finditer(text):
        for i in range(m.start(), m.end()):
            if chars[i].isalpha():
                chars[i] = "_"  # "es sei denn": no Konjunktiv to find, offsets unchanged
    return "".join(chars)


@derived  # built from a lexicon alone: kept across runs (see lexicons.derived)
def _idioms_re() -> regex.Pattern[str]:
    phrases = sorted(word_set("subjunctive_idioms"), key=lambda p: (-len(p), p))
    alt = "|".join(r"\s+".join(regex.escape(w) for w in p.split()) for p in phrases)
    return compile_pattern(rf"\b(?:{alt})\b", regex.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, a dateline ("Moskau (dpa) – ") and final punctuation from a clause."""
    while start < end and text[start] in " \t–—-,;:":
        start += 1
    m = _DATELINE.match(text, start, end)
    if m and m.end() < end:
        start = m.end()
    while end > start and (text[end - 1].isspace() or text[end - 1] in _FINAL + ",;:"):
        end -= 1
    return start, end


class _Builder:
    """Collects quotes for one document while the units are read in order."""

    def __init__(self, ctx: Context, names: dict[str, str] | None = None) -> None:
        self.text = ctx.text
        self.quotes: list[Quote] = []
        self.names = names or {}  # acronyms and full names -> the name the document introduced

    def add(self, start: int, end: int, kind: str, sp: Speaker | None, verb: str | None, rule: str) -> None:
        start, end = _trim(self.text, start, end) if kind == "indirect" else (start, end)
        if end - start < 3:
            return
        if any(q.span == (start, end) for q in self.quotes):
            return
        self.quotes.append(
            Quote(
                (start, end),
                rules=[rule],
                text=self.text[start:end],
                kind=kind,
                speaker=self.names.get(sp.name, sp.name) if sp else None,
                role=sp.role if sp and sp.kind == "person" else None,
                verb=verb,
            )
        )


def _clause_start(masked: str, start: int, pos: int) -> int:
    """Start of the clause that ``pos`` is in (after the last . ; ! ? before it)."""
    cut = max((masked.rfind(c, start, pos) for c in ".;!?"), default=-1)
    return cut + 1 if cut >= start else start


_SOURCE_IN = compile_pattern(r"\b(?:[Ii]n|[Aa]us|[Vv]on|[Ii]m|[Vv]om)\s+(?P<np>" + NP + ")", regex.VERSION1)


# the accusative object of "zitieren" before "mit den Worten" / a colon: the one quoted
_QUOTED_OBJECT = compile_pattern(
    r"\s+(?!(?:aus|von|vom|in|im|nach|bei|beim|mit|ihn|sie|ihm|ihr)\s)"
    r"(?P<np>" + NP + r")(?=,?\s+(?:mit\s+den\s+Worten|so|wie\s+folgt|folgendermaßen)\b|\s*:)",
    regex.VERSION1,
)
# "zitierte X mit den Worten, die Lage sei …": the report starts after the words
_WITH_WORDS = compile_pattern(r"\bmit\s+den\s+Worten\s*,")


# "zitiert aus einem Brief des Ministers: …": the document, and through it its author
_QUOTED_SOURCE = compile_pattern(
    r"\s+aus\s+(?P<np>(?:einem|einer|dem|der)\s+\p{Lu}[\p{L}\-]*\s+(?:des|der)\s+[^:.;!?,]{1,80}?)\s*:"
)


def _source(res: Resolver, phrase: str | None, at: int) -> Speaker | None:
    """The speaker of "hieß es in/aus <phrase>": whom the phrase names ("aus dem Ministerium",
    "in einer Mitteilung des Kremls"); a document that names nobody ("in der Bilanz") is the
    last speaker's, not a person the phrase would describe."""
    if not phrase:
        return res.last
    sp = res.resolve(phrase, at)
    if sp is not None and sp.kind == "person" and not any(w in phrase for w in sp.name.split()):
        return res.last
    if sp is not None and sp.kind == "other" and " " not in sp.name and res.last is not None:
        return res.last  # "hieß es in der Bilanz": a thing that names no one, the report goes on
    return sp


def _frame_speaker(res: Resolver, masked: str, start: int, end: int, hit) -> tuple[Speaker | None, int]:
    if hit.lemma == "heißen":
        # "In einer Mitteilung des Ministeriums heißt es, …": the source is a phrase, not the subject
        src = _SOURCE_IN.search(masked, start, min(end, hit.start + 120))
        if src is not None:
            return _source(res, src.group("np"), src.start("np")), src.start("np")
        return res.last, hit.start
    if hit.lemma == "zitieren":
        # "Die Zeitung zitiert einen Augenzeugen mit den Worten: …": the one quoted speaks
        obj = _QUOTED_OBJECT.match(masked, hit.end, end) or _QUOTED_SOURCE.match(masked, hit.end, end)
        if obj is not None:
            sp = res.resolve(obj.group("np"), obj.start("np"))
            if sp is not None:
                return sp, obj.start("np")
    found = clause_subject(masked, start, hit.start, hit.end, subject(masked, start, hit), res.reg)
    if found is None:
        return None, hit.start
    phrase, at = found
    return res.resolve(phrase, at), at


def extract(ctx: Context) -> list[Quote]:
    text = ctx.text
    outlets = word_set("outlets")
    spans = [q for p in ctx.doc.paragraphs for q in find_quotes(text, p.start, p.end)]
    direct = [q for q in spans if not _is_name(text, q, outlets) and not _is_title(text, q)]
    masked = _mask(text, direct)
    reg = build_registry(text, [(q.open, q.close) for q in direct])
    res = Resolver(reg)
    out = _Builder(ctx, reg.names)
    units = _units(ctx, direct)
    speech_before = False  # the previous unit reported speech: Konjunktiv may continue it
    for ui, u in enumerate(units):
        if u.headline and not u.quotes:
            speech_before = False
            continue
        n_before = len(out.quotes)
        res.floor = u.start
        unit_speaker = _indirect(u, masked, res, out, speech_before)
        if not u.quotes and not u.headline and ui + 1 < len(units):
            _next_frame(u, units[ui + 1], masked, res, out, n_before)
        reports: bool | None = None  # computed once per unit: many quotes share one unit
        for q in u.quotes:
            sp, verb, rule = _direct_speaker(
                q, u, units[ui + 1] if ui + 1 < len(units) else None, masked, res, unit_speaker
            )
            if rule in _WEAK_RULES and _is_fragment(text, q):
                if reports is None:
                    reports = _reports(masked, u)
            if rule in _WEAK_RULES and _is_fragment(text, q) and not reports:
                continue  # a phrase in marks ("trotz einiger „Vorbehalte“") in a plain sentence
            out.add(q.start, q.end, "direct", sp, verb, rule)
        if u.quotes and unit_speaker is None:
            # „…“, sagte X; der Angriff zeige …: a Konjunktiv clause after the frame
            last = u.quotes[-1]
            semi = masked.find(";", last.close if last.closed else last.end, u.end)
            if semi >= 0 and has_subjunctive(masked[semi + 1 : u.end]):
                out.add(semi + 1, u.end, "indirect", res.last, None, "quote.indirect_continued")
        speech_before = len(out.quotes) > n_before or unit_speaker is _CONTEXT_ONLY
        if not speech_before and not u.quotes:
            # "Obama berichtet von Hackerangriffen.": a speech verb with its speaker and no
            # reported clause; a Konjunktiv sentence after it continues the report
            hit = find_verb(masked, u.start, u.end)
            cs = _clause_start(masked, u.start, hit.start) if hit else u.start
            found = subject(masked, cs, hit) if hit else None
            found = clause_subject(masked, cs, hit.start, hit.end, found, res.reg) if hit else None
            if found is not None:
                sp = res.resolve(found[0], found[1])
                if sp is not None:
                    res.remember(sp, found[1])
            # a speech verb without a resolvable subject ("vermutet er", "wird vermutet")
            # still opens a report that Konjunktiv may continue
            speech_before = hit is not None
            if hit is None:
                speech_before = _figures_report(u, masked, res)
        if speech_before:
            res.last_at = max(res.last_at, u.end)
    # speech reported inside a quotation: „… Der Präsident hat erklärt, man sei gewillt …“
    paragraphs = ctx.doc.paragraphs
    para_starts = [p.start for p in paragraphs]
    sent_starts = {p.index: [s.start for s in p.sentences] for p in paragraphs}
    for q in direct:
        pi = bisect.bisect_right(para_starts, q.open) - 1
        para = paragraphs[pi] if pi >= 0 and q.open < paragraphs[pi].end else None
        if para is None:
            continue
        # only the sentences that overlap the quotation (bisect: no scan per quotation)
        first = max(0, bisect.bisect_right(sent_starts[para.index], q.start) - 1)
        last = bisect.bisect_left(sent_starts[para.index], q.end)
        for s in para.sentences[first:last]:
            a, b = max(s.start, q.start), min(s.end, q.end)
            if b - a > 10:
                _indirect(Unit(a, b, s.paragraph, False), text, res, out, False, nested=True)
    quotes = sorted(out.quotes, key=lambda r: (r.span[0], r.span[1]))
    _headline_speakers(quotes, [(p.start, p.end) for p in paragraphs if p.headline])
    for i, q in enumerate(quotes, 1):
        q.id = f"q{i}"
    return quotes


def _figures_report(u: Unit, masked: str, res: Resolver) -> bool:
    """"Die ukrainische Luftwaffe zählte 112 Drohnen.": an organisation or person that reports
    figures without a speech verb; a Konjunktiv sentence after it ("74 davon seien abgeschossen
    worden") continues that report. Remembers the subject as the speaker; no quote of its own."""
    if u.headline:
        return False
    hit = find_report_verb(masked, u.start, u.end)
    if hit is None:
        return False
    cs = _clause_start(masked, u.start, hit.start)
    clause = masked[: u.end]  # the subject stays in the unit
    found = clause_subject(clause, cs, hit.start, hit.end, subject(clause, cs, hit), res.reg)
    sp = res.resolve(found[0], found[1]) if found else None
    if sp is None or sp.kind not in ("org", "person"):
        return False  # "Die Stadt zählte 50.000 Einwohner", "Man zählte …"
    res.remember(sp, found[1])
    return True


def _headline_speakers(quotes: list[Quote], headlines: list[tuple[int, int]]) -> None:
    """A quotation in a headline ("Kreml: »Keine Eile«") repeats words the body attributes:
    it takes the speaker of the first body quote (direct or indirect) that contains it."""
    if not headlines:
        return
    starts = [a for a, _ in headlines]

    def in_headline(q: Quote) -> bool:
        k = bisect.bisect_right(starts, q.span[0]) - 1
        return k >= 0 and q.span[0] < headlines[k][1]

    heads = [q for q in quotes if q.kind == "direct" and in_headline(q)][:8]  # a few per document
    if not heads:
        return
    body = [q for q in quotes if q.speaker and not in_headline(q)]
    for h in heads:
        words = h.text.casefold().strip(" .!?…")
        if len(words.split()) < 2:
            continue  # one word ("Nein") would match too much
        found = next((b for b in body if words in b.text.casefold()), None)
        if found is not None and found.speaker != h.speaker:
            h.speaker, h.role, h.verb = found.speaker, found.role, found.verb
            h.rules.append("quote.direct_headline_repeated")


def _direct_speaker(
    q: QuoteSpan,
    u: Unit,
    nxt: Unit | None,
    masked: str,
    res: Resolver,
    unit_speaker: tuple[Speaker | None, str | None] | None,
):
    """Speaker, verb lemma and rule name of one quotation."""
    after = q.close if q.closed else q.end
    # frames stand close to their quotation; the window keeps many quotations linear
    fr = post_frame(masked, after, min(u.end, after + _FRAME_WINDOW))
    if fr is not None:
        sp = res.resolve(fr.phrase, fr.at) if fr.phrase else res.last
        res.remember(sp, fr.at)
        return sp, fr.lemma, "quote.direct_after"
    # before it in the same clause: "Rutte sagte: „…“", "Wie Selenskyj schrieb, „…“"
    cs = _clause_start(masked, max(u.start, q.open - _FRAME_WINDOW), q.open)
    hits = []
    hit = find_verb(masked, cs, q.open)
    while hit is not None and len(hits) < 4:
        hits.append(hit)
        hit = find_verb(masked, hit.last, q.open)
    # the verb nearest the quotation frames it: "Nachdem er gefragt wurde, …, entgegnete X: „…“"
    for i in range(len(hits) - 1, -1, -1):
        hit = hits[i]
        # a later verb's clause starts after the comma before it
        start = cs if i == 0 else max(cs, masked.rfind(",", hits[i - 1].last, hit.start) + 1)
        sp, at = _frame_speaker(res, masked, start, q.open, hit)
        if sp is not None:
            res.remember(sp, at)
            return sp, hit.lemma, "quote.direct_before"
    head = masked[cs : q.open].strip()
    if head.endswith(":"):
        # "Stoltenberg: „…“", "Der Sprecher versuchte mit den Worten zu beruhigen: „…“"
        np = _NP_START.match(masked, cs, q.open)
        sp = res.resolve(head[:-1], cs) if len(head) < 40 else None
        if sp is None and np is not None:
            sp = res.resolve(np.group("np"), np.start("np"))
        sp = sp or res.last
        res.remember(sp, cs)
        return sp, None, "quote.direct_colon"
    # a frame later in the sentence: "… ein Zeichen für „…“ von Putin, sagte Singh."
    for m in rx(r",").finditer(masked[after : u.end]):
        fr = post_frame(masked, after + m.start(), u.end)
        if fr is not None:
            sp = res.resolve(fr.phrase, fr.at) if fr.phrase else res.last
            res.remember(sp, fr.at)
            return sp, fr.lemma, "quote.direct_frame_in_sentence"
    if unit_speaker is not None and unit_speaker[0] is not None:
        return unit_speaker[0], unit_speaker[1], "quote.direct_in_report"
    # the next sentence names the speaker: "„…“ Das sagte Rutte am Montag."
    if nxt is not None and _NEXT_FRAME.match(masked, nxt.start, nxt.end):
        hit = find_verb(masked, nxt.start, nxt.end)
        if hit is not None and hit.start - nxt.start < 20:
            sp, at = _frame_speaker(res, masked, nxt.start, nxt.end, hit)
            if sp is not None:
                return sp, hit.lemma, "quote.direct_next_sentence"
    return res.last, None, "quote.direct_last_speaker"


# rules whose speaker is only the context's: a frame in the next sentence names it better
_CONTEXT_RULES = frozenset(
    {
        "quote.indirect_continuation",
        "quote.indirect_konjunktiv",
        "quote.indirect_reportative",
        "quote.indirect_subordinate",
    }
)


def _next_frame(u: Unit, nxt: Unit, masked: str, res: Resolver, out: _Builder, n_before: int) -> None:
    """A Konjunktiv sentence attributed by the next one: "Die Brücke sei marode. Das sagte
    der Bürgermeister am Montag." ("Das/Dies/So" and a speech verb open the next sentence)."""
    if nxt.quotes or nxt.paragraph != u.paragraph or not _NEXT_FRAME.match(masked, nxt.start, nxt.end):
        return
    hit = find_verb(masked, nxt.start, nxt.end)
    if hit is None or hit.start - nxt.start >= 20:
        return
    if rx(r"[,:]\s*(?:dass\s|\p{Ll}+\s+\p{Ll})").search(masked[hit.last : nxt.end]):
        return  # "So berichtete die Zeitung, die Stadt plane …": it frames what follows
    new = out.quotes[n_before:]
    if any(q.rules[0] not in _CONTEXT_RULES for q in new):
        return  # the unit has a frame of its own
    if not new and not has_subjunctive(masked[u.start : u.end]):
        return  # an indicative sentence with a source is no quote (records.md)
    sp, at = _frame_speaker(res, masked, nxt.start, nxt.end, hit)
    if sp is None:
        return
    for q in new:
        q.speaker, q.verb = out.names.get(sp.name, sp.name), hit.lemma
        q.role = sp.role if sp.kind == "person" else None
        q.rules.append("quote.indirect_next_sentence")
    if not new:
        end = _report_end(masked, u.start, u.end)
        out.add(u.start, end, "indirect", sp, hit.lemma, "quote.indirect_next_sentence")
    res.remember(sp, at)


_FRAME_WINDOW = 400  # characters around a quotation searched for its attribution
_CONTEXT_ONLY = (None, None)  # a unit that names a source but reports nothing itself
_WEAK_RULES = frozenset({"quote.direct_last_speaker", "quote.direct_next_sentence"})


_PASSIVE = compile_pattern(r"\s+(?:wurde|wurden|worden|wird|werden)\b")


def _reports(masked: str, u: Unit) -> bool:
    """Whether the unit reports speech outside its quotations: a speech verb or Konjunktiv."""
    return find_verb(masked, u.start, u.end) is not None or has_subjunctive(masked[u.start : u.end])


def _first_comma_after(masked: str, pos: int, end: int) -> int:
    m = rx(r",").search(masked, pos, end)
    return m.start() if m else -1


_TRAILING_WIE = compile_pattern(r"[Ww]ie\s")  # a source cue "…, wie X mitteilte" after its report


def _indirect(u: Unit, masked: str, res: Resolver, out: _Builder, speech_before: bool, nested: bool = False):
    """Indirect speech in one unit; returns (speaker, verb) when the unit reports speech.
    ``nested``: the unit is inside a quotation; only a named third person's speech verb
    with its dass- or Konjunktiv clause counts there."""
    s, e = u.start, u.end
    if all(ch == MASK or ch.isspace() or ch in _FINAL + ",;:" for ch in masked[s:e]):
        return None
    hit = find_verb(masked, s, e)
    if nested:
        if hit is None:
            return None
        found = subject(masked, _clause_start(masked, s, hit.start), hit)
        if found is None or found[0].split()[0].lower() in ("er", "sie", "ich", "wir", "man"):
            return None
        saved = (res.last, res.last_at)
        result = _verb_rules(u, masked, res, out, hit)
        res.last, res.last_at = saved
        return result
    if hit is not None:
        # "…, indem signalisiert wurde, es sei …, so X": a passive speech verb names no speaker,
        # a frame after the report does
        passive = hit.participle and _PASSIVE.match(masked, hit.end, e)
        early = _frame_after(u, masked, res, out, e if passive else hit.start)
        if early is not None:
            # "Oftmals habe er gewartet, so Celebi, die auch angab, dass …": both report
            _verb_rules(u, masked, res, out, hit)
            res.remember(early[0], hit.start)
            return early
        n_before = len(out.quotes)
        result = _verb_rules(u, masked, res, out, hit)
        if result is not None:
            _tail_rules(u, masked, res, out, n_before)
            return result
    return _other_rules(u, masked, res, out, speech_before)


def _tail_rules(u: Unit, masked: str, res: Resolver, out: _Builder, n_before: int) -> None:
    """A second report after the first one in the same unit: "…, es sei schwierig, …,
    bestritt jedoch nicht die Annahme, dass …" (at most two more)."""
    for _ in range(2):
        if len(out.quotes) == n_before:
            return
        last = max(q.span[1] for q in out.quotes[n_before:])
        if u.end - last < 20:
            return
        n_before = len(out.quotes)
        tail = Unit(last, u.end, u.paragraph, u.headline)
        hit = find_verb(masked, last, u.end)
        if hit is None or _verb_rules(tail, masked, res, out, hit) is None:
            _noun_rule(tail, masked, res, out)


# verbs of saying whose comma introduces the reported clause itself, in any mood
_SAYING = frozenset(
    "sagen erklären betonen schreiben mitteilen hinzufügen berichten behaupten versichern "
    "unterstreichen bekräftigen ergänzen meinen erzählen antworten bestätigen kommentieren warnen "
    "kritisieren einräumen zugeben beteuern verkünden mahnen entgegnen erwidern".split()
)
# a main clause after the comma: a pronoun or an article with a noun ("die USA hielten …"),
# not a relative clause ("…, die am Montag …")
_V2_START = compile_pattern(
    r"\s*(?:(?:er|sie|es|man|wir|ich|dies|das|diese[rs]?)\s+\p{Ll}|(?:der|die|das|ein|eine)\s+\p{Lu}"
    r"|\p{Lu}\p{Ll}+\s+\p{Ll})"
)
_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einer eines einem einen aus von vom mit bei beim nach zu zum zur im am "
    "in an auf für über unter vor hinter neben zwischen und oder aber sowie auch nicht noch schon sehr als "
    "wie so nur bereits etwa rund mehr weniger seine seiner seinen ihre ihrer ihren".split()
)


def _has_verb(clause: str) -> bool:
    """Whether a clause has a lower-case word that can be a verb (not a function word); a
    Konjunktiv form counts too ("Die Lage sei ernst": "sei" ends like no other verb)."""
    return any(
        (w not in _FUNCTION_WORDS and w.endswith(("t", "te", "ten", "en", "e", "n"))) or is_subjunctive(w)
        for w in rx(r"\b\p{Ll}+\b").findall(clause)
    )


_DASS = compile_pattern(r",\s*(?:dass|daß|ob)\s")  # "erklärte, dass …", "fragte, ob …"


def _verb_rules(u: Unit, masked: str, res: Resolver, out: _Builder, hit):
    """Rules 1 and 2 for the speech verbs of a unit, first verb first."""
    while hit is not None:
        found = _verb_rule(u, masked, res, out, hit)
        if found is not None:
            return found
        hit = find_verb(masked, hit.last, u.end)
    return None


# a main clause joined after a comma: ", doch die Arbeitgeber betonten"
# or a relative clause with its own subject: ", von dem die Polizei glaubt"
_JOINED = compile_pattern(
    r",\s*(?:und|doch|aber|sondern|jedoch|(?:von|bei|nach|mit|über|gegen)\s+(?:dem|der|denen|deren|dessen))"
    r"\s+(?=der\s|die\s|das\s|\p{Lu})"
)


def _own_clause(masked: str, cs: int, verb: int) -> int:
    """Where the clause of the speech verb at ``verb`` starts: after a comma and a conjunction
    that join a new main clause ("Die Gewerkschaft hatte … gefordert, doch die Arbeitgeber
    betonten"), else ``cs``."""
    comma = masked.rfind(",", cs, verb)
    m = _JOINED.match(masked, comma, verb) if comma >= 0 else None
    return m.end() if m else cs


# "keiner könne sagen, was …", "niemand wisse zu sagen": a verb of saying that no one uses
_NO_ONE = compile_pattern(r"\b(?:keiner|niemand|keine)\s+(?:\p{Ll}+\s+){0,2}$")


def _verb_rule(u: Unit, masked: str, res: Resolver, out: _Builder, hit):
    s, e = u.start, u.end
    cs = _own_clause(masked, _clause_start(masked, s, hit.start), hit.start)
    if _NO_ONE.search(masked, max(cs, hit.start - 40), hit.start):
        return None
    # 1. speech verb + dass-clause: "Rutte sagte, dass … sei"
    m = _DASS.search(masked, hit.last, e)
    if m and not rx(r"[.;!?,]").search(masked[hit.last : m.start()]):
        sp, at = _frame_speaker(res, masked, cs, e, hit)
        if sp is not None:
            res.remember(sp, at)
        out.add(m.end(), _report_end(masked, m.end(), e), "indirect", sp, hit.lemma, "quote.indirect_dass")
        return sp, hit.lemma
    # 2. speech verb, comma, Konjunktiv clause: "Der Staatsanwalt sagte, der Sohn habe …";
    #    or a zu-infinitive: "Das Ministerium erklärte, von Absprachen nichts zu wissen"
    comma = _first_comma_after(masked, hit.last, e)
    words = _WITH_WORDS.search(masked, hit.last, min(e, hit.last + 120))
    if words is not None and not rx(r"[.;!?:]").search(masked[hit.last : words.start()]):
        comma = words.end() - 1
    elif comma < 0 or rx(r"[.;!?:]").search(masked[hit.last : comma]) or comma - hit.last >= 80:
        return None
    rest_end = _report_end(masked, comma + 1, e)
    clause = masked[comma + 1 : rest_end]
    first = rx(r"\s*([\p{L}\p{N}]+)").match(clause)
    if not first or first.group(1).lower() in _SUBORD:
        return None
    later = find_verb(masked, comma + 1, e)
    if (
        later is not None
        and len(masked[comma + 1 : later.start].split()) <= 3
        and masked.find(",", comma + 1, later.start) < 0
        and masked.find(",", later.last, e) >= 0
    ):
        return None  # "Nachdem er gefragt wurde, erklärte X, …": the next verb frames the report
    if has_subjunctive(clause):
        rule = "quote.indirect_comma"
    elif hit.lemma in _SAYING and comma - hit.last < 40 and _V2_START.match(clause) and (
        _has_verb(clause) or MASK in clause  # "meinte, der Mann „wollte sich nicht abfinden“"
    ):
        rule = "quote.indirect_comma_indicative"  # "sagte Rice, die USA hielten sich an …"
    else:
        return None
    sp, at = _frame_speaker(res, masked, cs, e, hit)
    if sp is not None:
        res.remember(sp, at)
    out.add(comma + 1, rest_end, "indirect", sp, hit.lemma, rule)
    return sp, hit.lemma


def _other_rules(u: Unit, masked: str, res: Resolver, out: _Builder, speech_before: bool):
    found = _frame_after(u, masked, res, out, u.end)
    if found is not None:
        return found
    found = _noun_rule(u, masked, res, out)
    if found is not None:
        return found
    return _colon_cue_rules(u, masked, res, out, speech_before)


@derived  # built from a lexicon alone: kept across runs (see lexicons.derived)
def _speech_noun_re() -> regex.Pattern[str]:
    nouns = "|".join(regex.escape(n) for n in sorted(word_set("speech_nouns"), key=lambda n: (-len(n), n)))
    # a verb particle or participle may stand between ("mit der Begründung ab, …", "hatte die
    # Vorgabe gemacht, dass …")
    return compile_pattern(
        rf"\b(?:{nouns})(?:\s+(?:ab|an|auf|aus|bei|dar|ein|fest|hin|mit|nach|vor|zu|zurück|erhoben|vertreten"
        rf"|ge\p{{Ll}}{{2,12}}(?:t|en)))?"
        rf"\s*,\s*(?:(?P<conj>dass|daß|ob)\s)?"
    )


def _noun_rule(u: Unit, masked: str, res: Resolver, out: _Builder):
    """A noun of saying with its dass- or ob-clause, or with a Konjunktiv clause after a comma:
    "Er vertrat die Ansicht, dass …", "die Frage, ob …", "mit der Begründung, der Plan sei
    zu teuer"; the speaker is the clause's subject when it names one."""
    for m in _speech_noun_re().finditer(masked, u.start, u.end):
        end = _report_end(masked, m.end(), u.end)
        clause = masked[m.end() : end]
        if m.group("conj") is None:
            first = rx(r"\s*(\p{L}+)").match(clause)
            if first is None or not has_subjunctive(clause):
                continue
            lead = first.group(1).lower()
            if lead in _SUBORD | _W_WORDS or (lead in _RELATIVE and not _article_v2(clause)):
                continue
        elif m.group("conj") == "ob" and not has_subjunctive(clause):
            continue  # "Offen ist die Frage, ob … abstimmt": the writer's own question
        sp = _leading_subject(masked, _clause_start(masked, u.start, m.start()), m.start(), res)
        out.add(m.end(), end, "indirect", sp, None, "quote.indirect_noun")
        return sp, None
    return None


def _leading_subject(masked: str, start: int, end: int, res: Resolver) -> Speaker | None:
    """The subject that opens a clause ("Hafenchef Ihor Sawtschenko ist der Meinung"); none
    after an opener ("Seit dem Jahr gab es Hinweise": the subject follows the verb)."""
    w = rx(r"\s*(\p{Lu}\p{L}*)").match(masked[start:end])
    if w is None:
        return None
    if is_opener(w.group(1)):
        # "Am Dienstag zog der Partner das Angebot mit der Begründung zurück": the subject
        # stands after the finite verb, the first lower-case word
        verb = rx(r"\b\p{Ll}+\b").search(masked, start, end)
        found = clause_subject(masked, start, verb.start(), verb.end(), None, res.reg) if verb else None
        sp = res.resolve(found[0], found[1]) if found else None
        if sp is not None:
            res.remember(sp, found[1])
        return sp
    np = _NP_START.match(masked, start, end)
    sp = res.resolve(np.group("np"), np.start("np")) if np else None
    if sp is not None:
        res.remember(sp, np.start("np"))
    return sp


def _frame_after(u: Unit, masked: str, res: Resolver, out: _Builder, limit: int):
    """3. Konjunktiv clause + frame after it: "… seien abgewehrt worden, teilte die Luftwaffe
    mit"; only frames that start before ``limit``."""
    s, e = u.start, u.end
    for m in rx(r"[,;]").finditer(masked[s:limit]):
        at = s + m.start()
        fr = post_frame(masked, at, e)
        if fr is None:
            continue
        seg = _segment_start(masked, s, at)
        if not _has_verb(masked[seg:at]):
            continue  # nothing but a quotation before the frame
        if not has_subjunctive(masked[seg:at]):
            continue  # "Zwei Menschen wurden verletzt, teilte X mit": a source, not a quote
        if fr.lemma == "heißen":
            sp = _source(res, fr.phrase, fr.at)
        else:
            sp = res.resolve(fr.phrase, fr.at) if fr.phrase else res.last
        res.remember(sp, fr.at)
        out.add(seg, at, "indirect", sp, fr.lemma, "quote.indirect_frame_after")
        # the report goes on after the frame: "…, sagte X; der Angriff zeige …",
        # "Das Problem sei, so der Präsident, dass …"
        cont = rx(r"[;,]").search(masked, fr.end, e)
        if cont is not None:
            rest = masked[cont.start() + 1 : e]
            if _DASS.match("," + rest) or (masked[cont.start()] == ";" and has_subjunctive(rest)):
                begin = (
                    cont.start() + 1 + (_DASS.match("," + rest).end() - 1 if _DASS.match("," + rest) else 0)
                )
                out.add(begin, e, "indirect", sp, fr.lemma, "quote.indirect_continued")
        return sp, fr.lemma
    return None


def _colon_cue_rules(u: Unit, masked: str, res: Resolver, out: _Builder, speech_before: bool):
    s, e = u.start, u.end
    # a direct quotation framed in this unit continues with Konjunktiv after ';'
    # 4. colon + Konjunktiv: "Die Luftwaffe zog Bilanz: 14 Drohnen seien zerstört worden"
    colon = masked.find(":", s, e)
    if colon >= 0 and has_subjunctive(masked[colon + 1 : e]):
        cs = s
        verb_hit = find_verb(masked, cs, colon)
        sp = None
        lemma = verb_hit.lemma if verb_hit else None
        if verb_hit is not None:
            sp, at = _frame_speaker(res, masked, cs, colon, verb_hit)
        if sp is None:
            pos = cs
            while (w := rx(r"\s*(\p{Lu}\p{L}*)\s+").match(masked[pos:colon])) and is_opener(w.group(1)):
                pos += w.end()  # "Auch die Sprecherin …"
            np = _NP_START.match(masked, pos, colon)
            if np:
                sp = res.resolve(np.group("np"), np.start("np"))
        if sp is not None:
            res.remember(sp, colon)
        out.add(colon + 1, _report_end(masked, colon + 1, e), "indirect", sp, lemma, "quote.indirect_colon")
        return sp, lemma
    # 5. a source cue with Konjunktiv: "Laut Kiper seien …", "Demnach habe …"
    c = cue(masked, s, e)
    if c is not None:
        phrase, at, m = c
        semi = masked.rfind(";", s, m.start())
        if semi >= 0 and has_subjunctive(masked[s:semi]):
            # "Die Tat sei geplant gewesen; nach Behördenangaben stecke aber …": the clause before
            # the semicolon goes on with the report before, the cue names the source after it
            before = res.last if speech_before else None
            out.add(s, semi, "indirect", before, None, "quote.indirect_continuation")
            s = semi + 1
        # "nach ersten Meldungen": no one named; a report before it goes on ("Der Vorstoß sei
        # nach ukrainischen Angaben gescheitert", in what the institute wrote)
        sp = res.resolve(phrase, at) if phrase else (res.last if phrase is None or speech_before else None)
        if sp is None and m.groupdict().get("comp"):
            sp = Speaker(phrase, "org")  # "nach NASA-Angaben": the source the compound names
        if sp is not None:
            res.remember(sp, at)
        if not (has_subjunctive(masked[s:e]) or _SOLL.search(masked, s, e)):
            # an indicative sentence with a source is no quote, but Konjunktiv after it
            # continues what that source said
            return _CONTEXT_ONLY
        start, stop = (m.end(), e) if m.start() - s < 3 else (s, e)
        if start == s and _TRAILING_WIE.match(masked, m.start()):
            # "Vier Menschen seien getötet worden, wie der Gouverneur mitteilte.": the report
            # ends before its source
            before = masked[s : m.start()].rstrip()
            stop = s + len(before) - 1 if before.endswith(",") else m.start()
        out.add(start, stop, "indirect", sp, None, "quote.indirect_cue")
        return sp, None
    # 6. a Konjunktiv sentence continuing a report: "Die NATO sei keine Konfliktpartei."
    main = _main_subjunctive(masked, s, e) if speech_before else None
    if main is not None and not u.quotes:
        out.add(main, _report_end(masked, main, e), "indirect", res.last, None, "quote.indirect_continuation")
        return res.last, None
    if main is not None and u.quotes:
        out.add(main, e, "indirect", res.last, None, "quote.indirect_continuation")
        return res.last, None
    if speech_before and _REPORTATIVE_PERFECT.search(masked, s, e) and not u.quotes:
        out.add(s, _report_end(masked, s, e), "indirect", res.last, None, "quote.indirect_reportative")
        return res.last, None
    # 6b. reportative "sollen" with a perfect infinitive: "Der Kassierer soll Geld
    #     unterschlagen haben."
    if not u.headline and _REPORTATIVE_PERFECT.search(masked, s, e):
        # no report before it: whose claim it is stays open rather than guessed
        out.add(s, _report_end(masked, s, e), "indirect", None, None, "quote.indirect_reportative")
        return _CONTEXT_ONLY
    # 7. a main clause in Konjunktiv I reports speech even without a frame: "Viele Menschen
    #    seien in Panik auf die Straße gelaufen."
    if not u.headline and _main_konjunktiv1(masked, s, e):
        out.add(s, _report_end(masked, s, e), "indirect", res.last, None, "quote.indirect_konjunktiv")
        return res.last, None
    # 8. a subordinate or relative clause in Konjunktiv I gives someone's reasons or claims:
    #    "Der Minister lehnte ab, da der Plan zu teuer sei."
    if not u.headline:
        return _subordinate_konjunktiv1(u, masked, res, out)
    return None


_SUB_OPENER = compile_pattern(
    r",\s*(?:da|weil|falls|nachdem|wonach|obwohl|zumal|sofern|solange|bis|der|die|das|dem|den|deren|dessen"
    r"|denen|welche|welcher|welches)\s"
)


def _subordinate_konjunktiv1(u: Unit, masked: str, res: Resolver, out: _Builder):
    s, e = u.start, u.end
    for m in _SUB_OPENER.finditer(masked, s, e):
        begin = m.start() + 1
        nxt = masked.find(",", m.end(), e)
        clause_end = nxt if nxt >= 0 else e
        words = rx(r"\b\p{Ll}+\b").findall(masked[m.end() : clause_end])
        if not any(is_konjunktiv1(w) for w in words):
            continue
        sp = _leading_subject(masked, s, begin, res)
        out.add(begin, _report_end(masked, m.end(), e), "indirect", sp, None, "quote.indirect_subordinate")
        return sp, None
    return None


def _main_konjunktiv1(masked: str, s: int, e: int) -> bool:
    """Whether a main clause of the unit (up to ';') has a Konjunktiv I verb; subordinate and
    relative clauses ("…, der vorher bekannt gewesen sei, …") do not count."""
    first = True
    for seg in rx(r"[,:]").split(masked[s:e].split(";")[0])[:4]:
        words = rx(r"\b\p{L}+\b").findall(seg)
        if not words:
            continue
        lead = words[0].lower()
        if first and _adverb_lead(words):
            lead = ""  # "Damit handele es sich …": an adverb before the finite verb
        if words[0] in ("Ich", "Wir") or (first and lead in _SUBORD):
            return False
        if lead in _SUBORD or (not first and lead in _RELATIVE) or lead in ("und", "oder", "aber"):
            first = False
            continue  # a subordinate or relative clause; "Die Ursache sei …" opens a main clause
        first = False
        if any(is_konjunktiv1(w) for w in words[:20]):
            return True
    return False


_RELATIVE = frozenset("der die das dem den deren dessen denen welche welcher welches".split())


def _article_v2(clause: str) -> bool:
    """Whether a clause opening with "der"/"die"/"das" is a main clause (article, noun,
    Konjunktiv verb: "die Stadt habe kein Geld"), not a relative one ("die … habe")."""
    words = rx(r"\b\p{L}+\b").findall(clause[:80])[:3]
    return len(words) == 3 and words[1][0].isupper() and is_subjunctive(words[2])


def _adverb_lead(words: list[str]) -> bool:
    """A capitalised "Da"/"Damit"/"Wie" right before a Konjunktiv finite verb opens a main
    clause ("Damit handele es sich um …", "Da sei nichts zu machen"), not a subordinate one."""
    return len(words) > 1 and words[0][0].isupper() and is_subjunctive(words[1])


def _np() -> str:
    from warparse.grammar.speakers import NP

    return NP


def _segment_start(masked: str, s: int, at: int) -> int:
    """Start of the report before a frame at ``at``: after the last ';' or ':' whose clause
    before it is not itself Konjunktiv (then the report runs across it)."""
    start = s
    pos = at
    while True:
        cut = max(masked.rfind(";", start, pos), masked.rfind(":", start, pos))
        if cut < 0:
            return start
        if has_subjunctive(masked[start:cut]) and masked[cut] == ";":
            return start
        return cut + 1


def _report_end(masked: str, start: int, end: int) -> int:
    """Where a report that starts at ``start`` ends: before a frame ", so X", before the main
    clause that a fronted subordinate clause leads into (", hatte dieser versucht …", ",
    bestritt jedoch …"), before an indicative "denn"/"doch" clause, or at the unit end."""
    for m in _REPORT_BREAK.finditer(masked, start, end):
        at = m.start()
        if masked[at] == " ":
            # "… sei vertretbar und bezeichnete …": the writer's own predicate follows
            if m.group("verb") in _MAIN_RESUMES:
                return at
            continue
        if post_frame(masked, at, end) is not None:
            return at
        nxt = _NEXT_WORD.match(masked, at + 1, end)
        if nxt is None or masked[at] != ",":
            continue
        word = nxt.group(1)
        if word in _MAIN_RESUMES:
            return at
        if word in _ASIDE and not has_subjunctive(masked[nxt.end() : end]):
            return at
    return end


_REPORT_BREAK = compile_pattern(r"[,;]| und (?P<verb>\p{Ll}+)\b")


_NEXT_WORD = compile_pattern(r"\s*(\p{Ll}+)\b")
# a finite verb right after a comma: the main clause after a fronted subordinate clause,
# or a second predicate of the frame's subject (", bestritt jedoch …")
_MAIN_RESUMES = frozenset(
    "hatte hatten hat haben ist war waren sind wird wurde wurden werden kann konnte konnten muss musste "
    "mussten will wollte wollten gab gibt bestritt bestätigte räumte kündigte wies warf forderte "
    "betonte erklärte sagte fügte bezeichnete bezeichneten nannte nannten lehnte lehnten".split()
)
_ASIDE = frozenset("denn doch jedoch sondern".split())


def _main_subjunctive(masked: str, s: int, e: int) -> int | None:
    """Where the unit's Konjunktiv main clause starts (a Konjunktiv form outside masked
    quotes): the unit start when its first clause has one, else the first later clause that
    is not subordinate ("…gekennzeichnet, Folter läge nur dann vor"); None when there is none."""
    words = rx(r"\b\p{L}+\b").findall(masked[s:e])
    if not words:
        return None
    clauses = masked[s:e].split(",")
    if has_subjunctive(clauses[0]):
        return s
    if words[0].lower() in _SUBORD and not _adverb_lead(words):
        return None
    # a later clause counts unless it is subordinate: "Niemand ahnte, wie sehr … würde" is no report
    at = s + len(clauses[0]) + 1
    for clause in clauses[1:4]:
        start, at = at, at + len(clause) + 1
        lead = rx(r"\s*(\p{L}+)(?:\s+(\p{L}+))?").match(clause)
        if lead is None or lead.group(1).lower() in _SUBORD | _RELATIVE | _W_WORDS:
            continue
        if lead.group(2) and lead.group(2).lower() in _RELATIVE:
            continue  # "bei denen …", "mit dem …"
        if any(is_subjunctive(w) for w in rx(r"\b\p{L}+\b").findall(clause)[:12]):
            return start
    return None


_W_WORDS = frozenset(
    "was warum wann wer wen wem wessen weshalb wieso weswegen wohin woher womit wodurch".split()
)


# re-exported for tests: role and organisation lookup
__all__ = ["extract", "org_row", "role_head"]
