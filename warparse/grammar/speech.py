"""Speech verbs and the attribution frames around reported words.

The speech-verb lexicon (``data/speech_verbs.tsv``) maps an inflected form to
its lemma and to the separable particle it needs later in the clause
("teilte ... mit", "fügte ... hinzu", "wies ... hin"). The frames:

- after the words: ", sagte Rutte", ", so der Generalsekretär", ", fügte er
  hinzu", ", hieß es aus dem Ministerium", ", hatte Putin ... gesagt";
- before them: "Rutte sagte: …", "Wie Selenskyj schrieb, …", "Der
  Staatsanwalt sagte, …", "… erklärte, dass …";
- a source cue: "laut X", "X zufolge", "nach Angaben von X", "demnach",
  "nach Polizeiangaben" (the source inside a compound), "nach ersten
  Meldungen" (a source without a name).

All patterns run on the clause text with direct speech masked out, so a verb
inside a quotation never frames the words around it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from warparse.grammar.literals import may_match, required
from warparse.grammar.speakers import NP
from warparse.lexicons import derived, table, word_set
from warparse.rules import compile_pattern, rx

MASK = "\u25a1"  # stands in for every character of a direct quotation


@dataclass(frozen=True, slots=True)
class VerbHit:
    """A speech verb in a clause: where the form stands, its lemma, and the end of
    its particle (or of the form itself)."""

    start: int
    end: int
    lemma: str
    last: int  # end of the particle when separable, else == end
    participle: bool = False


@derived
def _forms() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for row in table("speech_verbs"):
        if row.get("speech", "yes") != "yes":
            continue
        out.setdefault(row["form"], []).append((row["lemma"], row["particle"]))
    return {k: tuple(v) for k, v in out.items()}


def _alternation(forms) -> str:
    return "|".join(regex.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))


@derived
def _participles() -> frozenset[str]:
    # participles and infinitives: forms whose row needs no particle and that end like one
    return frozenset(
        f for f, rows in _forms().items() if any(not p for _, p in rows) and f.endswith(("t", "en"))
    )


_WORD = compile_pattern(r"\b\p{L}+\b")
_CLAUSE_END = compile_pattern(r"[.;:!?]|,\s*(?:und|aber|doch)\s")


def find_verb(text: str, start: int = 0, end: int | None = None) -> VerbHit | None:
    """The first speech verb in ``text[start:end]`` (a separable one only with its particle
    later in the same clause; "heißen" only as "hieß es")."""
    end = len(text) if end is None else end
    forms = _forms()
    for m in _WORD.finditer(text, start, end):
        w = m.group()
        rows = forms.get(w)
        if not rows or w == "so" or w.lower() == "so":
            continue
        if w[0].isupper() and w.lower() not in forms:
            continue  # a noun ("Meldung")
        stop = _CLAUSE_END.search(text, m.end(), end)
        limit = stop.start() if stop else end
        for lemma, particle in rows:
            if lemma == "heißen" and not (
                rx(r"\s+es\b").match(text[m.end() : limit])
                or rx(r"\b[Ee]s\s+$").search(text[max(0, m.start() - 4) : m.start()])
            ):
                continue  # only "hieß es", "es heißt"
            if not particle:
                part = w in _participles() and not w.endswith("en")
                return VerbHit(m.start(), m.end(), lemma, m.end(), part)
            pm = regex.compile(rf"\b{regex.escape(particle)}\b").search(text, m.end(), limit)
            if pm:
                return VerbHit(m.start(), m.end(), lemma, pm.end())
    return None


# when or where someone spoke, between the verb of a frame and its subject: ", sagte am Mittwoch
# der Sprecher", ", erklärte dazu Präsident X"
_ADVERBIAL = r"""(?:(?:am|im|zum|vom|beim|nach|vor|in|bei|auf)\s+(?:\p{Ll}+\s+)?\p{Lu}\p{Ll}+
    (?:-\p{Lu}?\p{Ll}+)?|am\s+\p{Ll}+(?:en)?|heute|gestern|dazu|zudem|außerdem|später|zuvor|kürzlich|bereits|nun|jetzt|dann
    |ebenfalls|damals|erneut|weiter|abschließend|anschließend|schließlich|morgens|abends|demnach)"""


@derived
def post_frame_re() -> regex.Pattern[str]:
    """A frame that follows the reported words: ", sagte Rutte", ", so Peskow", ", hieß es"."""
    finite = _alternation(f for f in _forms() if f != "so")
    parts = _alternation(_participles())
    return compile_pattern(
        rf"""[\s{MASK}]*+[,;]?\s*(?:  # possessive: no backtracking over a long masked run
            so\s+(?P<verb_so>{finite})\s+(?:(?:ihn|ihm|sie|ihr|es|sich)\s+)?(?P<np_sov>{NP})
          | (?P<so>so)\s+(?P<np_so>{NP})
          | (?P<hiess>hieß|heißt|hieße)\s+es\b
          | (?:hatte|hat|hatten|haben|habe|hätte)\s+(?P<np_aux>{NP})[^.;!?]{{0,80}}?\s(?P<part>{parts})\b
          | (?P<verb>{finite})\s+(?:{_ADVERBIAL}\s+){{0,2}}(?P<np>{NP})
        )""",
        regex.VERSION1 | regex.VERBOSE,
    )


@dataclass(frozen=True, slots=True)
class Frame:
    """An attribution: the speaker phrase (or None: take it from the context), where it
    stands, the verb lemma, and where the frame ends."""

    phrase: str | None
    at: int
    lemma: str | None
    end: int


_SOURCE_PP = compile_pattern(rf"\b(?:aus|von|vom|in|im|bei|beim)\s+(?P<np>{NP})", regex.VERSION1)


_FRAME_LEAD = compile_pattern(rf"[\s{MASK}]*+[,;]?\s*", regex.VERSION1)  # post_frame_re's lead


@derived
def _frame_words() -> tuple[str, ...]:
    """The words one of which every frame starts with after its lead (perf, issue #7); keep in
    step with the alternatives of ``post_frame_re``."""
    aux = ("hatte", "hat", "hatten", "haben", "habe", "hätte", "hieß", "heißt", "hieße", "so")
    return (*aux, *_forms())


def post_frame(text: str, pos: int, end: int) -> Frame | None:
    """The frame at ``text[pos:end]`` (right after the reported words), if any."""
    # most commas are followed by no frame word: the big pattern is not tried there
    lead = _FRAME_LEAD.match(text, pos, end) if pos <= end else None
    if lead is not None and not text.startswith(_frame_words(), lead.end()):
        return None
    m = post_frame_re().match(text, pos, end, timeout=2.0)
    if not m:
        return None
    stop = _CLAUSE_END.search(text, m.end(), end)
    limit = stop.start() if stop else end
    if m.group("verb_so"):
        # "„…“, so charakterisierte ihn der Gewerkschafter X"
        hit = find_verb(text, m.start("verb_so"), end)
        return Frame(m.group("np_sov"), m.start("np_sov"), hit.lemma if hit else None, m.end())
    if m.group("so"):
        return Frame(m.group("np_so"), m.start("np_so"), "so", m.end())
    if m.group("hiess"):
        src = _SOURCE_PP.search(text, m.end(), limit)
        if src:
            return Frame(src.group("np"), src.start("np"), "heißen", limit)
        return Frame(None, m.start(), "heißen", limit)
    if m.group("part"):
        hit = find_verb(text, m.start("part"), m.end("part"))
        return Frame(m.group("np_aux"), m.start("np_aux"), hit.lemma if hit else None, m.end())
    verb = m.group("verb")
    hit = find_verb(text, m.start("verb"), end)
    if hit is None or hit.start != m.start("verb"):
        return None
    if verb[0].isupper():
        return None
    if hit.lemma == "zitieren":
        # "„…“, zitierte die Agentur Interfax den Vizeaußenminister X": the one quoted speaks
        acc = rx(r"\s(?:den|einen)\s+\p{L}").search(text, m.start("np"), m.end())  # "Interfax den …"
        obj = _NP_AT.match(text, acc.start() if acc else m.end(), limit)
        if obj and obj.group("np").split()[0].lower() in ("den", "einen", "die", "eine"):
            return Frame(obj.group("np"), obj.start("np"), hit.lemma, max(obj.end(), hit.last))
    return Frame(m.group("np"), m.start("np"), hit.lemma, max(m.end(), hit.last))


_NP_AT = compile_pattern(rf"\s*(?P<np>{NP})", regex.VERSION1)
# "Martin Lee, der Gründer der Partei, sagte": an apposition between subject and verb
_APPOSITION = compile_pattern(r"^\s*,\s*(?:der|die|das|ein|eine|einer|\p{Lu}[\p{L}\-]*)\b[^,.;:!?]{0,100},")
_NAMED = compile_pattern(
    r"[^,.;:!?]{1,60},\s*(?P<name>\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){1,3})\s*,\s*$",
    regex.VERSION1,
)
# "Patrick Kamanda von der Umweltbehörde Ugandas sagte": where the speaker comes from
_PP_AFTER_NAME = compile_pattern(r"^\s*(?:von|vom|aus|in|im|bei|beim)\s+[^,.;:!?]{1,60}?(?=\s*(?:,|$))")
_QUOTED_NAME = compile_pattern(r"\s*[„»«\"“](?P<name>\p{Lu}[^„“”»«\"]{0,40})[“”«»\"]")
_BARE = frozenset("der die das des dem den ein eine dies diese dieser dieses es".split())
_PAREN = compile_pattern(r"\([^()]{0,40}\)")
_AUX = compile_pattern(
    r"\b(?:hatte|hat|hatten|haben|habe|hätte|ist|war|wird|wurde|will|wollte|soll|sollte)\b"
)


def subject(text: str, clause_start: int, hit: VerbHit) -> tuple[str, int] | None:
    """The subject of a clause whose speech verb is ``hit``: the noun phrase before the
    finite verb ("Rutte sagte"), else the one after it ("Zuvor hatte Rutte mitgeteilt",
    "Wie Selenskyj schrieb", "sagte der Präsident")."""
    from warparse.grammar.speakers import is_opener

    before = text[clause_start : hit.start]
    lead = rx(r"[\s\"„“”»«–\-]*(?:(?:Wie|wie|Und|und|Aber|aber|Doch|doch|Auch|auch)\s+)?").match(before)
    pos = clause_start + (lead.end() if lead else 0)
    m = _NP_AT.match(text, pos, hit.start)
    if m and m.group("np").split()[0] in ("Von", "Van", "De", "Da", "Di") and len(m.group("np").split()) > 2:
        m = _NP_AT.match(text, m.start("np") + len(m.group("np").split()[0]), hit.start)  # "Von der Leyen"
    if m and m.group("np").lower() in _BARE:
        m = None  # "Das sagte Rutte": "Das" is the object
    if m and not is_opener(m.group("np").split()[0]):
        named = _QUOTED_NAME.match(text, m.end(), hit.start)
        if named:
            # "Die Zeitung »Kommersant« berichtete": the name in marks is the speaker
            return m.group("np") + " " + named.group("name"), m.start("np")
        rest = _APPOSITION.sub("", _PAREN.sub("", text[m.end() : hit.start]))
        rest = _PP_AFTER_NAME.sub("", rest).strip(" ,")
        if not rest or _AUX.match(rest) or hit.participle:
            return m.group("np"), m.start("np")
        named = _NAMED.match(text, m.end(), hit.start)
        if named:
            # "Der BBC-Korrespondent in Mexiko-Stadt, Will Grant, berichtete"
            return m.group("np") + ", " + named.group("name") + ",", m.start("np")
    if hit.participle:
        aux = None
        for a in _AUX.finditer(text, clause_start, hit.start):
            aux = a
            break
        if aux:
            m = _NP_AT.match(text, aux.end(), hit.start)
            if m:
                return m.group("np"), m.start("np")
        return None
    m = _NP_AT.match(text, hit.end)
    if m:
        return m.group("np"), m.start("np")
    return None


_CUE = compile_pattern(
    rf"""(?:\b(?:[Ll]aut|[Gg]emäß|[Nn]ach\s+(?:(?:(?:einem|einer|dem|den)\s+(?:\p{{Ll}}+\s+)?)|\p{{Ll}}+(?:en|er)\s+(?=\p{{Lu}}\p{{Ll}}+\s+(?:von|vom|des|der)\s))?(?:Angaben|Worten
         |Darstellung|Einschätzung|Informationen|Ansicht|Meinung|Auffassung|Aussagen?|Berichte[n]?|Bericht
         |Meldungen|Erkenntnissen|Schätzungen|\p{{Lu}}\p{{Ll}}+bericht(?:e[n]?)?)(?:\s+(?:von|vom|des|der))?)
         \s+(?P<np>{NP})
       | (?P<np2>{NP})\s+zufolge\b
       | \b(?P<demnach>[Dd]emnach|[Dd]emzufolge)\b
       | \b[Nn]ach\s+(?P<comp>(?:\p{{Ll}}+(?:en|er)\s+){{0,2}}\p{{Lu}}[\p{{L}}\-]*?)-?(?:angaben|informationen
         |erkenntnissen|meldungen|berichten|schätzungen|Angaben)\b
       | \b(?P<anon>[Nn]ach\s+(?:\p{{Ll}}+(?:en|er)\s+){{1,2}}(?:Angaben|Meldungen|Informationen|Erkenntnissen
         |Berichten|Schätzungen)\b(?!\s+(?:von|vom|des|der)\b)))""",
    regex.VERSION1 | regex.VERBOSE,
)
# the source inside a compound cue: "Polizei" in "nach Polizeiangaben", "Regierung" in
# "nach Regierungsangaben" (without the linking s)
_LINKING_S = compile_pattern(r"(?<=(?:ung|heit|keit|schaft|tät|ion|tum|ums|amt|ens))s$")

_CUE_NEED = required(_CUE.pattern, verbose=True)


@derived
def _wie_re() -> regex.Pattern[str]:
    """ "Wie Sprecher X mitteilte, …", "…, wie Gouverneur X auf Telegram schrieb.": a source cue
    built on the speech verbs."""
    verbs = _alternation(f for f in _forms() if f != "so")
    return compile_pattern(
        # up to 80 characters between the source and its verb ("Wie der Spiegel in einem
        # Bericht vom 22. August berichtet, …"); a comma or the end of the sentence closes the cue
        # (not a passive: "…, wie sie von Demonstranten gefordert würde" compares, names no source)
        rf"\b[Ww]ie\s+(?P<np>{NP})(?:[^,.;:!?]|(?<=\d)\.){{0,80}}?\s(?:{verbs})\b"
        r"(?:\s+(?!(?:wurde|wurden|würde|würden|wird|werden|worden)\b)\p{Ll}+)?\s*(?:,|(?=[.;!?]|$))",
        regex.VERSION1,
    )


def cue(text: str, start: int, end: int) -> tuple[str | None, int, regex.Match[str]] | None:
    """A source cue in ``text[start:end]``: (speaker phrase, or None for "demnach" (the last
    speaker goes on), or "" for an unnamed source ("nach ersten Meldungen"), where, match)."""
    # the alternation is slow to search (a noun phrase tried at every position): skipped
    # where none of the words it needs occurs (perf, issue #7)
    m = _CUE.search(text, start, end) if may_match(_CUE_NEED, text[start:end].casefold()) else None
    w = _wie_re().search(text, start, end, timeout=2.0)
    if w and (not m or w.start() < m.start()):
        return w.group("np"), w.start("np"), w
    if not m:
        return None
    if m.group("demnach"):
        return None, m.start(), m
    if m.group("anon"):
        return "", m.start(), m  # "nach ersten Meldungen": a source without a name
    if m.group("comp"):
        return _LINKING_S.sub("", m.group("comp")), m.start("comp"), m
    name = "np" if m.group("np") else "np2"
    return m.group(name), m.start(name), m


@derived
def _report_re() -> regex.Pattern[str]:
    """A verb of reporting figures ("zählte", "registrierte"): no speech verb, see
    ``data/report_verbs.txt``."""
    return compile_pattern(rf"\b(?:{_alternation(word_set('report_verbs'))})\b")


def find_report_verb(text: str, start: int, end: int) -> VerbHit | None:
    """The first verb of reporting figures in ``text[start:end]`` ("Die Luftwaffe zählte
    112 Drohnen"), as a hit whose subject :func:`subject` finds."""
    m = _report_re().search(text, start, end)
    if m is None:
        return None
    return VerbHit(m.start(), m.end(), m.group(), m.end())
