"""Small helpers for the patterns kept as data (trigger rules, clutter rules, word lists):
regular expressions, and automata that find many literal strings in one pass."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """The characters of ``pattern`` from ``start`` that can shape it (groups,
    alternation), with their index: escaped characters and character classes skipped."""
    i = start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i += 2 if pattern.startswith("[^", i) else 1
            if pattern[i : i + 1] == "]":
                i += 1  # a "]" first in a class is literal
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        else:
            yield i, char
        i += 1


def top_level_branches(pattern: str) -> list[str]:
    """The pattern split at the ``|`` that stand outside groups and character classes."""
    branches, depth, start = [], 0, 0
    for i, char in _structure(pattern):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
    branches.append(pattern[start:])
    return branches


def has_groups(pattern: str) -> bool:
    """Does the pattern hold a capturing group, ``(...)`` or ``(?P<name>...)``? Read from
    its text (escapes and character classes skipped), without compiling it."""
    return any(
        char == "(" and (pattern[i + 1 : i + 2] != "?" or pattern.startswith("(?P<", i))
        for i, char in _structure(pattern)
    )


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literal strings, longest first at every branch."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(root) or "(?!)"


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(c) + _node_pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


# Characters beyond ASCII that re.IGNORECASE matches to an ASCII letter (dotted and dotless
# i, long s, Kelvin sign); a test checks this list against every code point.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_FOLDED = str.maketrans(dict(zip(FOLDS_TO_ASCII, "iisk", strict=True)))


def word_automaton(keys: Iterable[str]) -> AhoCorasick:
    """An automaton that finds every occurrence of every key in one pass (overlapping
    ones too, ordered by where they end), for many literal strings at once."""
    # the DFA costs more memory than the other automata and scans several times faster
    return AhoCorasick(list(keys), matchkind=MatchKind.Standard, implementation=Implementation.DFA)


@lru_cache(maxsize=1)
def lowered(text: str) -> str:
    """``text.lower()``, kept for the last text asked: the gate, cleaning and the
    document pass read one document's text in a row."""
    return text.lower()


def fold_case(text: str) -> str:
    """``text`` lowercased as re.IGNORECASE compares it: the letters beyond ASCII that
    it matches to ASCII ones ("\u017f" to "s") become those, so a word a case-insensitive
    pattern found can be looked up in a lowercase table."""
    return text.translate(_FOLDED).lower()


_QUANTIFIERS = ("?", "*", "+", "{")
_MARKS = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ")  # ASCII punctuation and space
_SPECIAL = frozenset(".^$*+?{}[]\\|()")  # marks that mean something unescaped


def _group_end(pattern: str, start: int) -> int | None:
    """The index after the ``)`` that closes the group opened at ``pattern[start]``."""
    depth = 0
    for i, char in _structure(pattern, start):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _has_letter(regex: str) -> bool:
    """Does ``regex`` hold a letter that is not part of an escape (``\\b``, ``\\w``)? If
    not, case folding cannot change what it matches."""
    escaped = False
    for char in regex:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char.isalpha():
            return True
    return False


def _case_variants(char: str) -> list[str]:
    """Every character that ``char`` matches under re.IGNORECASE (``char`` is ASCII)."""
    candidates = dict.fromkeys([char, char.lower(), char.upper(), *FOLDS_TO_ASCII])
    return [c for c in candidates if re.fullmatch(re.escape(char), c, re.IGNORECASE)]


MAX_ALTERNATIVES = 400  # a pattern that expands to more alternatives is compiled as it is
# A case-sensitive pattern that more lowercase letters can open stays as it is: inside
# words nearly every position would be tried (names open with capitals: few are).
MAX_LOWER_OPENERS = 3

# Alternatives that open with this many different characters (either case counted once,
# capitals read case-sensitively not counted) leave few positions to skip to: where they
# all make one test before the first character (a word start), that test is made first,
# so a position inside a word fails at once.
FRONT_OPENERS = 10
Test = tuple[str, bool]  # a zero-width test before an alternative's first character, and
# whether it was read case-insensitively


_BOUNDARY_BEHIND = "(?<=\\b.)"  # a word boundary one character back


def _scoped(regex: str, ignore_case: bool) -> str:
    return f"(?i:{regex})" if ignore_case else f"(?-i:{regex})"


def _shifted(test: Test) -> str:
    """The test one character later: behind the character the faster form consumes first
    (a letter or a digit, never a newline, so "." matches it)."""
    regex, ignore_case = test
    if regex == "\\b":
        return _BOUNDARY_BEHIND
    return _scoped(f"{regex[:4]}(?:{regex[4:-1]}).)", ignore_case)  # (?<!a ) -> (?<!(?:a ).)


# an alternative: its first character, whether that is read case-insensitively, the tests
# before the first character, and the rest (with explicit case flags)
Alternative = tuple[str, bool, tuple[Test, ...], str]


def _alternatives(
    pattern: str, ignore_case: bool, tests: tuple[Test, ...] = (), tail: str = ""
) -> list[Alternative] | None:
    """``pattern`` (then ``tail``) as alternatives in order, or None for another shape.

    A leading group is distributed: ``(?:a|b)c`` is ``ac|bc``, tried in the same order;
    an optional one, ``(?:a)?c``, is ``ac|c``; ``(?-i:a|b)c`` keeps its flag on a and b."""
    out: list[Alternative] = []
    for branch in top_level_branches(pattern):
        found = _branch(branch, ignore_case, tests, tail)
        if found is None or len(out) + len(found) > MAX_ALTERNATIVES:
            return None
        out.extend(found)
    return out


_FLAG_GROUPS = {"(?:": None, "(?i:": True, "(?-i:": False}


def _branch(
    branch: str, ignore_case: bool, tests: tuple[Test, ...], tail: str
) -> list[Alternative] | None:
    while branch.startswith(("\\b", "(?<!", "(?<=")):
        end = 2 if branch.startswith("\\b") else _group_end(branch, 0)
        if end is None or branch[end : end + 1] in _QUANTIFIERS:
            return None
        test = branch[:end]
        tests, branch = (*tests, (test, ignore_case and _has_letter(test))), branch[end:]
    opener = next((o for o in _FLAG_GROUPS if branch.startswith(o)), None)
    if opener is not None:
        end = _group_end(branch, 0)
        if end is None:
            return None
        inner, after = branch[len(opener) : end - 1], branch[end:]
        flag = _FLAG_GROUPS[opener]
        if flag is not None:  # the flag holds inside only: what follows keeps the outer one
            if after[:1] in _QUANTIFIERS:
                return None
            tail = (_scoped(after, ignore_case) if after else "") + tail
            return _alternatives(inner, flag, tests, tail)
        if after[:1] == "?" and after[1:2] not in ("?", "+"):
            ways = [f"(?:{inner}){after[1:]}", after[1:]]  # greedy: with the group first
        elif after[:1] in _QUANTIFIERS:
            return None
        else:
            ways = [alternative + after for alternative in top_level_branches(inner)]
        out: list[Alternative] = []
        for way in ways:
            found = _branch(way, ignore_case, tests, tail)
            if found is None:
                return None
            out.extend(found)
        return out
    # one plain character first: a letter or a digit, a mark, or an escaped mark ("\\$")
    size = 2 if branch[:1] == "\\" and branch[1:2] in _MARKS else 1
    first = branch[size - 1 : size]
    if not (first.isalnum() or first in _MARKS) or (ignore_case and not first.isascii()):
        return None  # beyond ASCII, only a case-sensitive letter is known to match itself
    if (size == 1 and first in _SPECIAL) or branch[size : size + 1] in _QUANTIFIERS:
        return None
    rest = _scoped(branch[size:], ignore_case) + tail
    return [(first, ignore_case and first.isalpha(), tests, rest)]


def opening_characters(pattern: str, ignore_case: bool) -> set[str] | None:
    """Every character a match of ``pattern`` can start with, or None when it opens with
    something other than plain characters (a class, a repeat, a look-ahead)."""
    alternatives = _alternatives(pattern, ignore_case)
    if alternatives is None:
        return None
    openers: set[str] = set()
    for first, folded, _, _ in alternatives:
        openers.update(_case_variants(first) if folded else first)
    return openers


def literal_prefixes(pattern: str) -> list[str] | None:
    """The plain text every match of the case-sensitive ``pattern`` opens with, one string
    per alternative (at least its first character); None when an alternative does not
    open with plain characters. Every match starts where one of them occurs."""
    alternatives = _alternatives(pattern, False)
    if alternatives is None or any(folded for _, folded, _, _ in alternatives):
        return None  # a (?i:...) part: its letters may be capitals too
    prefixes = []
    for first, _, _, rest in alternatives:
        body = rest.removeprefix("(?-i:")
        text = first
        for i, char in enumerate(body):
            if char in _SPECIAL or (char.isspace() and char != " "):
                if body[i : i + 1] in _QUANTIFIERS and len(text) > 1:
                    text = text[:-1]  # "refugees?": the "s" may be absent
                break
            text += char
        prefixes.append(text)
    return prefixes


def _after_first(alternatives: list[tuple[tuple[str, ...], str]]) -> str:
    """The alternatives that open with one character, after it; a test that all of them
    make first is made once (inside words, most positions fail at a word boundary)."""
    tests = {shifted[:1] for shifted, _ in alternatives}
    if len(tests) == 1 and (common := tests.pop()):
        rest = [(shifted[1:], body) for shifted, body in alternatives]
        return common[0] + _after_first(rest)
    if all(not shifted for shifted, _ in alternatives):
        return _by_next([body for _, body in alternatives], DISPATCH_DEPTH)
    return "(?:" + "|".join("".join(shifted) + body for shifted, body in alternatives) + ")"


# How many characters after the first are dispatched on too (see _by_next).
DISPATCH_DEPTH = 3


def _by_next(bodies: list[str], depth: int) -> str:
    """Alternatives (in order) as one group; where each opens with one plain character,
    grouped by it: ``(?:(?i:ab)|(?i:cd))`` is ``(?:[Aa](?i:b)|[Cc](?i:d))``.

    The engine enters every alternative of a group in turn; one that opens with a
    character class it rules out at once, one that opens inside a case-insensitive
    group only after entering it. Alternatives whose next characters differ cannot
    both match, so only the order of those with the same one is kept."""
    if len(bodies) == 1:
        return bodies[0]  # one alternative's rest: a group, or groups in a row
    split = [_next_character(body) for body in bodies]
    if depth == 0 or any(s is None for s in split):
        return "(?:" + "|".join(bodies) + ")"
    groups: dict[str, tuple[set[str], list[str]]] = {}  # key -> (characters, rests)
    taken: dict[str, str] = {}  # a character -> the key of the group that reads it
    for char, folded, rest in split:  # type: ignore[misc]
        variants = set(_case_variants(char)) if folded else {char}
        key = f"i{char.lower()}" if folded else f"c{char}"
        if any(taken.setdefault(v, key) != key for v in variants):
            return "(?:" + "|".join(bodies) + ")"  # one character read two ways: keep order
        groups.setdefault(key, (variants, []))[1].append(rest)
    branches = []
    for variants, rests in groups.values():
        opener = "".join(map(re.escape, sorted(variants)))
        opener = opener if len(variants) == 1 else f"[{opener}]"
        branches.append(opener + _by_next(rests, depth - 1))
    return "(?:" + "|".join(branches) + ")"


def _next_character(body: str) -> tuple[str, bool, str] | None:
    """A body that opens with one plain character (a letter, a digit or a space) inside
    its case group: that character, whether it is read case-insensitively, and the
    rest; None for any other shape."""
    for opener, folded in (("(?i:", True), ("(?-i:", False)):
        if not body.startswith(opener):
            continue
        end = _group_end(body, 0)
        if end is None or body[end : end + 1] in _QUANTIFIERS:
            return None
        inner, tail = body[len(opener) : end - 1], body[end:]
        char = inner[:1]
        if not (char.isascii() and (char.isalnum() or char == " ")):
            return None
        if inner[1:2] in _QUANTIFIERS:
            return None
        rest = (f"{opener}{inner[1:]})" if inner[1:] else "") + tail
        return char, folded and char.isalpha(), rest
    return None


def _test_first(alternatives: list[Alternative]) -> str | None:
    """The tests every alternative makes before its first character, in front (a word
    boundary first: it is the cheapest), then the alternatives by first character, in
    their order, each with its other tests behind that character; None if no test is
    shared. Tests before one character all hold at one position, so their order does
    not change what matches."""
    shared = [t for t in dict.fromkeys(alternatives[0][2]) if all(t in a[2] for a in alternatives)]
    if not shared:
        return None
    shared.sort(key=lambda test: test[0] != "\\b")
    opened: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first character -> alternatives
    for first, ignore_case, tests, rest in alternatives:
        behind = tuple(_shifted(t) for t in tests if t not in shared)
        for variant in _case_variants(first) if ignore_case else [first]:
            opened.setdefault(variant, []).append((behind, rest))
    branches = [re.escape(v) + _after_first(rest) for v, rest in opened.items()]
    # compiled without flags: a test is case-sensitive unless marked otherwise
    front = "".join(_scoped(t, True) if i else t for t, i in shared)
    return front + "(?:" + "|".join(branches) + ")"


def compile_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, or a pattern with exactly the same matches that
    the regex engine scans faster.

    Python's engine tries a case-insensitive ``\\b(?:cat|dog)`` at every position of the
    text; a pattern that opens with plain characters lets it skip in C to the next
    position holding one. So ``\\b(?:cat|dog)`` becomes
    ``(?:c(?:(?<=\\b.)(?i:at))|C(?:(?<=\\b.)(?i:at))|d(?:(?<=\\b.)(?i:og))|D(...))``:
    each character an alternative may open with, then the alternatives that open with it,
    in their order, each with the tests before its first character (word boundaries,
    look-behinds) moved behind it. Alternatives that open with many different
    characters leave little to skip to; when they all make one test first, it stays in
    front of that dispatch: ``\\b(?:c(?:(?i:at))|C(?:(?i:at))|...)``, so a
    position inside a word fails at once. Only patterns without capturing groups whose
    every alternative opens with a plain character are rewritten, and case-sensitive ones
    that many lowercase letters open only in that second form; others are compiled as
    they are.
    """
    # the pattern as it is is compiled only when it is the one returned: compiling both
    # doubled the cost of the first document
    if flags not in (0, re.IGNORECASE) or has_groups(pattern):
        return re.compile(pattern, flags)
    alternatives = _alternatives(pattern, flags == re.IGNORECASE)
    if alternatives is None:
        return re.compile(pattern, flags)
    # capitals read case-sensitively are rare in text: skipping to them pays
    common = {f.lower() for f, ignore_case, _, _ in alternatives if ignore_case or not f.isupper()}
    if len(common) >= FRONT_OPENERS:
        front = _test_first(alternatives)
        try:
            if front is not None:
                return re.compile(front)
        except re.error:  # a look-behind that cannot take one more character
            pass
    if not flags and len({f for f, _, _, _ in alternatives if f.islower()}) > MAX_LOWER_OPENERS:
        # the original's test at each position is cheaper than the dispatch
        return re.compile(pattern, flags)
    opened: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # first character -> alternatives
    for first, ignore_case, tests, rest in alternatives:
        shifted = tuple(map(_shifted, tests))
        for variant in _case_variants(first) if ignore_case else [first]:
            opened.setdefault(variant, []).append((shifted, rest))
    branches = [re.escape(v) + _after_first(rest) for v, rest in opened.items()]
    try:
        return re.compile("(?:" + "|".join(branches) + ")")
    except re.error:  # a look-behind that cannot take one more character
        return re.compile(pattern, flags)


# What the categories of a class hold in ASCII (the others are not read).
_CATEGORY_ASCII = {
    "CATEGORY_DIGIT": "0123456789",
    "CATEGORY_WORD": "0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "CATEGORY_SPACE": " \t\n\r\f\v",
}
_ZERO_WIDTH = frozenset({"ASSERT", "ASSERT_NOT", "AT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
First = tuple[set[str] | None, bool]  # the ASCII characters found, and whether it may be empty


def first_characters(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every ASCII character a match of ``pattern`` can open with: a match opens with
    one of them or with a character beyond ASCII. None when that is not read from the
    pattern (it may match nothing, or opens with any character, a negated class, a
    back-reference, a character beyond ASCII read case-insensitively).

    Read from the parse tree of Python's own regex parser, so that it follows every
    group, alternative and repeat; look-arounds and anchors open nothing."""
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        ignore_case = bool(parsed.state.flags & re.IGNORECASE)
        found, empty = _first_of(list(parsed), ignore_case)
    except Exception:  # a parser this does not know: nothing is read
        return None
    return None if found is None or empty else frozenset(found)


def _first_of(items: list[tuple[Any, Any]], ignore_case: bool) -> First:
    chars: set[str] = set()
    for op, av in items:
        found, empty = _first_op(str(op), av, ignore_case)
        if found is None:
            return None, False
        chars |= found
        if not empty:
            return chars, False
    return chars, True


def _first_op(op: str, av: Any, ignore_case: bool) -> First:
    if op in _ZERO_WIDTH:
        return set(), True
    if op == "LITERAL":
        return _cased(chr(av), ignore_case), False
    if op == "IN":
        return _class(av, ignore_case), False
    if op == "SUBPATTERN":
        _, add, remove, inner = av
        inner_case = (ignore_case or bool(add & re.IGNORECASE)) and not remove & re.IGNORECASE
        return _first_of(list(inner), inner_case)
    if op == "ATOMIC_GROUP":
        return _first_of(list(av), ignore_case)
    if op == "BRANCH":
        chars: set[str] = set()
        empty = False
        for branch in av[1]:
            found, branch_empty = _first_of(list(branch), ignore_case)
            if found is None:
                return None, False
            chars |= found
            empty = empty or branch_empty
        return chars, empty
    if op in _REPEATS:
        low, _, inner = av
        found, empty = _first_of(list(inner), ignore_case)
        return found, empty or low == 0
    return None, False  # any character, a negated literal, a back-reference, ...


def _cased(char: str, ignore_case: bool) -> set[str] | None:
    if not ignore_case:
        return {char} if char.isascii() else set()
    if not char.isascii():
        return None  # "\u017f" matches "s" under re.IGNORECASE: not read
    return {char.lower(), char.upper()}


def _class(items: list[tuple[Any, Any]], ignore_case: bool) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            found = _cased(chr(av), ignore_case)
        elif name == "RANGE":
            low, high = av
            if ignore_case and high > 0x7F:
                return None
            found = set()
            for code in range(low, min(high, 0x7F) + 1):
                found |= _cased(chr(code), ignore_case) or set()
        elif name == "CATEGORY" and str(av) in _CATEGORY_ASCII:
            found = set(_CATEGORY_ASCII[str(av)])
        else:
            return None  # a negated class or another category
        if found is None:
            return None
        chars |= found
    return chars
