"""Literal pre-filters (warparse.grammar.literals): a search is skipped only where it cannot match."""

from __future__ import annotations

import regex

from warparse.grammar.literals import Prefilter, may_match, required, required_any


def test_required_reads_the_words_a_match_must_hold() -> None:
    assert required(r"\b(?:abgeschossen|abgefangen)\b") == ("abgefangen", "abgeschossen")
    # a longer string that contains a shorter one adds nothing
    assert required(r"\b(?:Angriff|Angriffe|Drohnenangriff)\b") == ("angriff",)
    # case-folded: "ß" is "ss", as the regex module's case-insensitive matching has it
    assert required(r"Vorst(?:oß|öße)") == ("vorstoss", "vorstösse")
    # the most selective run of a sequence: the longer shortest string
    assert required(r"\bpro\s+Kopf\b") == ("kopf",)


def test_required_gives_no_filter_where_it_cannot_tell() -> None:
    assert required(r"\p{Lu}\w+") is None  # nothing literal
    assert required(r"\w+en\b") == ("en",)
    assert required(r"(?:Rakete|\d+)") is None  # one branch needs nothing
    assert required(r"[[a-z]--[aeiou]]x") is None  # a nested set of the regex module
    assert required(r"\L<words>") is None  # a named list
    assert required(r"(?:Drohne){e<=1}") is None  # fuzzy matching
    assert required_any([r"Rakete", r"\d+"]) is None


def test_required_reads_property_classes_and_verbose_patterns() -> None:
    assert required(r"\bjede[rnms]?\s+\p{L}+angriff") == ("angriff",)
    verbose = r"""
        \b(?:laut     # a source
          | zufolge)\b
    """
    assert required(verbose, verbose=True) == ("laut", "zufolge")


def test_may_match_is_true_wherever_the_pattern_matches() -> None:
    pattern = regex.compile(r"\b(?:schießen|Vorstoß)\b", regex.IGNORECASE | regex.V1)
    need = required(pattern.pattern)
    for text in ("Sie SCHIESSEN weiter.", "Ein Vorstoß bei Kupjansk.", "Der VORSTOSS scheiterte."):
        assert pattern.search(text)
        assert may_match(need, text.casefold())
    assert not may_match(need, "Am Abend blieb es ruhig.".casefold())
    assert may_match(None, "")


def test_prefilter_names_the_patterns_a_clause_may_match() -> None:
    rows = [r"\b\w*angriff\w*\b", r"\bin Brand\b", r"\bverletzt\b", r"\w+"]
    pre = Prefilter(required(r) for r in rows)
    clause = "Bei dem Drohnenangriff wurden zwei Menschen verletzt"
    assert pre.keys(clause.casefold()) == {0, 2, 3}
    # a string with a space ("in brand") is looked for in the whole clause
    assert pre.keys("Ein Lager geriet in Brand.".casefold()) == {1, 3}
    assert pre.keys_in("xx Angriffe yy", 3, 11) == {0, 3}
    # every pattern that does match is among the keys
    for text in (clause, "Ein Lager geriet in Brand.", "Angriffswelle in Brand verletzt"):
        keys = pre.keys(text.casefold())
        for k, row in enumerate(rows):
            if regex.search(row, text, regex.IGNORECASE | regex.V1):
                assert k in keys
