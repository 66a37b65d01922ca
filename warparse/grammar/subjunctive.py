"""Konjunktiv detection: the verb mood that marks reported speech in German.

Two sources: a lexicon of forms that are unambiguously subjunctive in the 3rd
person ("sei", "hätten", "könne", "gäbe"; ``data/subjunctive.txt``), and the
regular Konjunktiv I of 3rd person singular, the stem plus -e ("setze",
"dürfe", "handele"), derived from the verb list ``data/verbs.txt``. A verb
prefix is stripped first so that verb-final forms ("einsetze", "verliere")
are found too. Plural Konjunktiv I equals the infinitive and is not used.
"""

from __future__ import annotations

from functools import cache

from warparse.lexicons import word_set
from warparse.rules import compile_pattern

_PREFIXES = (
    "zurück", "hinzu", "heraus", "herein", "vorbei", "weiter", "wieder", "hinweg", "entgegen",
    "nach", "fest", "dar", "aus", "auf", "ein", "mit", "vor", "weg", "bei", "ab", "an", "zu", "hin",
    "her", "über", "unter", "um", "durch", "wider", "ver", "zer", "ent", "emp", "miss", "be", "ge", "er",
)  # fmt: skip
_WORD_RE = compile_pattern(r"\b\p{Ll}[\p{L}]*\b")


@cache
def _forms() -> frozenset[str]:
    return word_set("subjunctive")


@cache
def _verbs() -> frozenset[str]:
    return word_set("verbs")


@cache
def _excluded() -> frozenset[str]:
    return word_set("subjunctive_exclude")


def _konj1(word: str) -> bool:
    """Whether ``word`` is stem + e of a listed verb ("setze", "handele", "ändere")."""
    verbs = _verbs()
    if not word.endswith("e") or len(word) < 4:
        return False
    if word.endswith("iere") and len(word) > 6:
        return True  # resultiere, reagiere: every -ieren verb
    if word + "n" in verbs:
        return True
    if word.endswith(("ele", "ere")) and word[:-1] + "n" in verbs:
        return True  # handele, ändere
    return (word.endswith("le") and word[:-2] + "eln" in verbs) or (
        word.endswith("re") and word[:-2] + "ern" in verbs
    )  # handle, ändre


@cache
def is_subjunctive(word: str) -> bool:
    """Whether the lower-case word ``word`` is a 3rd person Konjunktiv form."""
    if not word or not word[0].islower() or word in _excluded():
        return False
    if word in _forms() or _konj1(word):
        return True
    for prefix in _PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 4 and (rest in _forms() or _konj1(rest)):
            return True
    return False


def has_subjunctive(text: str) -> bool:
    """Whether ``text`` (a clause, direct quotes masked) contains a Konjunktiv verb form."""
    return any(is_subjunctive(m.group()) for m in _WORD_RE.finditer(text))


_KONJ1_IRREGULAR = frozenset({"sei", "seien", "seiest"})


@cache
def is_konjunktiv1(word: str) -> bool:
    """Konjunktiv I only ("sei", "habe", "setze", "einsetze"): the unambiguous mark of
    reported speech; Konjunktiv II ("würde", "wäre") also serves hypotheticals."""
    if not word or not word[0].islower() or word in _excluded():
        return False
    if word in _KONJ1_IRREGULAR or _konj1(word):
        return True
    return any(word.startswith(p) and len(word) - len(p) >= 4 and _konj1(word[len(p) :]) for p in _PREFIXES)
