"""Regex helpers: a faster form of a word pattern matches exactly what the pattern does."""

from __future__ import annotations

import itertools
import re
import sys
from pathlib import Path

import pytest

from passage.extract.geo import _countries
from passage.extract.triggers import _boundary_first, cue_source
from passage.regexes import (
    FOLDS_TO_ASCII,
    FRONT_OPENERS,
    _by_next,
    compile_words,
    first_characters,
    fold_case,
    has_groups,
    literal_prefixes,
    opening_characters,
    trie_pattern,
)
from passage.resources import load_json, load_jsonl

# invented text with what a word pattern must get right: case, word boundaries inside
# and around words, hyphens, apostrophes, and the letters that fold to ASCII ones
TRICKY = (
    "Officials DEPORTED 40 people; the Deportation of 12 was halted. Undeportable? "
    "re-deported, deported-ish, said-so; will WILL wiLL wills swill. They'll plan to. "
    "\u017faid, \u212aept in custody, \u0130s, \u0131s. "
    "Mr. Ruiz, 35, arrived with his wife and two kids.\n"
    "could not return; may be expelled; a 42-day ban. 'Asylum' seekers crossed."
)


def _sample() -> str:
    examples = " ".join(rule["example"] for rule in load_jsonl("triggers.jsonl"))
    examples += " Cuba, Chad; OMAN and Oman. Omani Chadian Malians: Mali's Bamako (Mali)"
    return f"{TRICKY} {examples} {examples.upper()} {examples.lower()}"


def _patterns() -> list[tuple[str, str]]:
    rules = [(r["id"], _boundary_first(r["pattern"])) for r in load_jsonl("triggers.jsonl")]
    cues = [(name, cue_source(name)) for name in load_json("cues.json")["en"]]
    names = trie_pattern(_countries().readings)
    countries = [("countries", rf"(?<!\w){names}(?!\w)")]  # as geo builds it
    return rules + cues + countries


def test_only_four_characters_beyond_ascii_fold_to_ascii_letters() -> None:
    every = "".join(chr(c) for c in range(128, sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert set(re.findall("[a-z]", every, re.IGNORECASE)) == set(FOLDS_TO_ASCII)


def test_the_faster_form_opens_with_plain_letters_and_keeps_the_order() -> None:
    fast = compile_words(r"\b(?:cat|dog|Cow)", re.IGNORECASE)
    assert fast.pattern == (
        r"(?:c(?<=\b.)(?:[Aa](?i:t)|[Oo](?i:w))|C(?<=\b.)(?:[Aa](?i:t)|[Oo](?i:w))"
        r"|d(?<=\b.)(?i:og)|D(?<=\b.)(?i:og))"
    )
    # leading groups are distributed, look-behinds move behind the first letter, a
    # case-sensitive group keeps its case
    fast = compile_words(r"(?:re)?(?<!the )do|\b(?:a|b)c|(?-i:Bd)e", re.IGNORECASE)
    assert fast.pattern == (
        r"(?:r(?i:e(?<!the )do)|R(?i:e(?<!the )do)"
        r"|d(?i:(?<!(?:the ).))(?i:o)|D(?i:(?<!(?:the ).))(?i:o)"
        r"|a(?<=\b.)(?i:c)|A(?<=\b.)(?i:c)"
        r"|b(?<=\b.)(?i:c)|B(?:(?<=\b.)(?i:c)|(?-i:d)(?i:e)))"
    )
    # a mark, escaped or not, opens an alternative too; it has no case
    fast = compile_words(r"\$\d+|, and", re.IGNORECASE)
    assert fast.pattern == r"(?:\$(?i:\d+)|,(?i: and))"
    # capturing groups, alternatives that open otherwise, quantified groups: as they are
    kept = (r"\b(?:a(b)|c)", r"\b(?:\d+|cat)", r"\b(?:a?b|c)", r"\b(?:ab|c)+d", r"(?=a)b", r"[ab]")
    for pattern in kept:
        assert compile_words(pattern, re.IGNORECASE).pattern == pattern
    # case-sensitive: names that open with capitals are sped up, lowercase words are not
    fast = compile_words(r"(?<!\w)(?:Cuba|Chad|oman)(?!\w)")
    assert fast.pattern == (
        r"(?:C(?-i:(?<!(?:\w).))(?:u(?-i:ba(?!\w))|h(?-i:ad(?!\w)))"
        r"|o(?-i:(?<!(?:\w).))(?-i:man(?!\w)))"
    )
    assert compile_words(r"\b(?:ab|cd|ef|gh)").pattern == r"\b(?:ab|cd|ef|gh)"


def test_many_openers_keep_their_shared_test_in_front() -> None:
    words = [f"{chr(c)}x" for c in range(ord("a"), ord("a") + FRONT_OPENERS)]
    fast = compile_words(r"(?<!\w)(?:" + "|".join([*words, "ay"]) + ")")
    assert fast.pattern.startswith(r"(?<!\w)(?:a(?:x|y)|b(?-i:x)")
    fast = compile_words(r"\b(?:" + "|".join(words) + ")", re.IGNORECASE)
    assert fast.pattern.startswith(r"\b(?:a(?i:x)|A(?i:x)|b(?i:x)")
    # capitals read case-sensitively are rare: the engine skips to them, as above
    names = r"(?<!\w)(?:" + "|".join(w.capitalize() for w in words) + ")"
    assert compile_words(names).pattern.startswith(r"(?:A(?-i:(?<!(?:\w).))")
    # one opener fewer: the test moves behind each first letter, as above
    fast = compile_words(r"\b(?:" + "|".join(words[1:]) + ")", re.IGNORECASE)
    assert fast.pattern.startswith(r"(?:b(?<=\b.)")
    # a test only some make stays behind the first letter
    fast = compile_words(r"\b(?:" + "|".join(words) + "|(?<!the )end)", re.IGNORECASE)
    assert r"|e(?:(?i:x)|(?i:(?<!(?:the ).))(?i:nd))|" in fast.pattern
    # a test all make goes in front even where another comes before it in the source
    fast = compile_words(r"\b(?:" + "|".join(words) + r")|(?<!the )\bend", re.IGNORECASE)
    assert fast.pattern.startswith(r"\b(?:a(?i:x)|A(?i:x)|b")
    assert r"|e(?:(?i:x)|(?i:(?<!(?:the ).))(?i:nd))|" in fast.pattern
    # no test shared by all: the dispatch with tests behind
    fast = compile_words(r"(?:\b" + "|\\b".join(words) + r"|(?<!x)zz)", re.IGNORECASE)
    assert fast.pattern.startswith("(?:a(?<=")


def test_the_faster_form_finds_the_same_matches_as_every_trigger_and_cue() -> None:
    text = _sample()
    windows = [(0, len(text)), (1, 200), (37, 38), (40, len(text) - 5), (0, 0)]
    windows += [(i, i + 60) for i in range(0, len(text), 45)]
    rewritten = fronted = 0
    for (name, source), flags in itertools.product(_patterns(), (0, re.IGNORECASE)):
        plain = re.compile(source, flags)
        fast = compile_words(source, flags)
        rewritten += fast.pattern != source
        fronted += fast.pattern.startswith(("\\b(?:", "(?<!\\w)(?:"))
        for start, end in windows:
            assert [m.span() for m in plain.finditer(text, start, end)] == [
                m.span() for m in fast.finditer(text, start, end)
            ], name
            for method in ("match", "fullmatch"):
                a = getattr(plain, method)(text, start, end)
                b = getattr(fast, method)(text, start, end)
                assert (a and a.span()) == (b and b.span()), (name, method)
    assert rewritten > 100  # most trigger rules and cues have the shape that is sped up
    assert fronted > 20  # many cues open with many letters


def test_has_groups_reads_capturing_groups_as_the_compiler_does() -> None:
    tricky = [
        r"(a)",
        r"(?P<n>a)",
        r"\(a\)",
        r"\\(a)",
        r"[(]a",
        r"[^(]a",
        r"[]()]a",
        r"[\]](a)",
        r"(?:a)(?=b)(?<!c)(?<=d)(?i:e)(?-i:f)",
        r"(?:a|(b))",
        r"a\b(?:c)",
    ]
    for _, source in [*_patterns(), *(("", t) for t in tricky)]:
        assert has_groups(source) == (re.compile(source).groups > 0), source


def test_opening_characters_of_a_pattern() -> None:
    assert opening_characters(r"\b(?:cat|Dog)", True) == {"c", "C", "d", "D"}
    assert opening_characters(r"(?:re)?do|\$\d", False) == {"r", "d", "$"}
    assert opening_characters(r"[ab]c", False) is None  # a class: not read


def test_literal_prefixes_open_every_match() -> None:
    assert literal_prefixes(r"(?<!\w)(?:abc?|d\w+|ex{2}y|fg)") == ["ab", "d", "e", "fg"]
    assert literal_prefixes(r"(?:ab|(?i:cd))") is None  # "CD" opens a match too
    source = cue_source("migration_words")
    prefixes = literal_prefixes(source)
    assert prefixes is not None
    text = _sample().lower()
    for m in re.finditer(source, text):
        assert text.startswith(tuple(prefixes), m.start()), m.group()


def test_fold_case_maps_what_ignorecase_matches_to_ascii() -> None:
    for char in FOLDS_TO_ASCII:
        folded = fold_case(char)
        assert folded.isascii() and re.fullmatch(re.escape(folded), char, re.IGNORECASE)
    assert fold_case("M\u0131LL\u0130ON \u017fix \u212aM") == "million six km"


def test_first_characters_read_through_groups_repeats_and_tests() -> None:
    assert first_characters(r"\b(?:cat|dog)") == {"c", "d"}
    assert first_characters(r"(?i:ab)|\d") == {"a", "A", *"0123456789"}
    assert first_characters(r"(?:the\s+)?(?P<y>(?:1[89]|20)\d\d)") == {"t", "1", "2"}
    assert first_characters(r"(?<!x)(?=y)[a-c_]") == {"a", "b", "c", "_"}
    assert first_characters(r"e?x*f") == {"e", "x", "f"}
    # what is not read: any character, negated classes, matches that may be empty, and
    # characters beyond ASCII read case-insensitively ("\u017f" matches "s")
    for pattern in (r".a", r"[^a]b", r"a*", r"(?:a|)", r"(?i:\u017f)", r"(a)?\1"):
        assert first_characters(pattern) is None, pattern


def test_every_match_opens_with_one_of_the_first_characters() -> None:
    text = _sample()
    for (name, source), flags in itertools.product(_patterns(), (0, re.IGNORECASE)):
        first = first_characters(source, flags)
        if first is None:
            continue
        for m in re.finditer(source, text, flags):
            assert m.group()[:1] in first or not m.group()[:1].isascii(), (name, m.group())


def test_alternatives_after_the_first_letter_are_grouped_by_their_next_ones() -> None:
    fast = compile_words(r"\b(?:ant|ape|ants)", re.IGNORECASE)
    # "ant" before "ants", as in the source; "ape" apart: it cannot match where they do
    assert fast.pattern.startswith(r"(?:a(?<=\b.)(?:[Nn](?:[Tt](?:|(?i:s)))|[Pp](?i:e))")
    text = "ants, an ape, ANTS; Ant"
    assert [m.group() for m in fast.finditer(text)] == ["ant", "ape", "ANT", "Ant"]
    # a character read case-sensitively by one and case-insensitively by another: the
    # two stay in their order
    assert _by_next(["(?-i:Ab)", "(?i:ac)"], 3) == "(?:(?-i:Ab)|(?i:ac))"
    assert _by_next(["(?-i:Ab)", "(?-i:ac)"], 3) == "(?:A(?-i:b)|a(?-i:c))"


def test_the_faster_form_finds_the_same_matches_in_real_reports() -> None:
    """The rewritten patterns against the originals on news text (the annotated reports
    beside the project, when present): every rule and cue, either case flag."""
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/dev not present")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:40])
    for (name, source), flags in itertools.product(_patterns(), (0, re.IGNORECASE)):
        plain = re.compile(source, flags)
        fast = compile_words(source, flags)
        if fast.pattern == source:
            continue
        assert [m.span() for m in plain.finditer(text)] == [
            m.span() for m in fast.finditer(text)
        ], name
