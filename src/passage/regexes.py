"""Small helpers for the regular expressions kept as data (trigger rules, clutter rules)."""

from __future__ import annotations

import re


def top_level_branches(pattern: str) -> list[str]:
    """The pattern split at the ``|`` that stand outside groups and character classes."""
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i += 2 if pattern.startswith("[^", i) else 1
            if pattern[i] == "]":
                i += 1  # a "]" first in a class is literal
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


# Characters beyond ASCII that re.IGNORECASE matches to an ASCII letter (dotted and dotless
# i, long s, Kelvin sign); a test checks this list against every code point.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_QUANTIFIERS = ("?", "*", "+", "{")


def _group_end(pattern: str, start: int) -> int | None:
    """The index after the ``)`` that closes the group opened at ``pattern[start]``."""
    depth, i = 0, start
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
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _case_variants(char: str) -> list[str]:
    """Every character that ``char`` matches under re.IGNORECASE (``char`` is ASCII)."""
    candidates = dict.fromkeys([char, char.lower(), char.upper(), *FOLDS_TO_ASCII])
    return [c for c in candidates if re.fullmatch(re.escape(char), c, re.IGNORECASE)]


MAX_ALTERNATIVES = 400  # a pattern that expands to more alternatives is compiled as it is

# A zero-width test at the start of an alternative, and the same test one character later
# (behind the character the faster form consumes first; that character is a letter or a
# digit, never a newline, so "." matches it).
_BEHIND = {"\\b": "(?<=\\b.)"}


def _shifted(test: str) -> str:
    if test in _BEHIND:
        return _BEHIND[test]
    return f"{test[:4]}(?:{test[4:-1]}).)"  # "(?<!the )" -> "(?<!(?:the ).)"


def _alternatives(pattern: str, tests: tuple[str, ...] = ()) -> list[tuple[str, str]] | None:
    """``pattern`` as alternatives in order, each as (first character, the rest with the
    zero-width tests before that character moved behind it), or None for another shape.

    A leading non-capturing group is distributed: ``(?:a|b)c`` is ``ac|bc``, tried in
    the same order; an optional one, ``(?:a)?c``, is ``ac|c``."""
    out: list[tuple[str, str]] = []
    for branch in top_level_branches(pattern):
        found = _branch(branch, tests)
        if found is None or len(out) + len(found) > MAX_ALTERNATIVES:
            return None
        out.extend(found)
    return out


def _branch(branch: str, tests: tuple[str, ...]) -> list[tuple[str, str]] | None:
    while branch.startswith(("\\b", "(?<!", "(?<=")):
        end = 2 if branch.startswith("\\b") else _group_end(branch, 0)
        if end is None or branch[end : end + 1] in _QUANTIFIERS:
            return None
        tests, branch = (*tests, branch[:end]), branch[end:]
    if branch.startswith("(?:"):
        end = _group_end(branch, 0)
        if end is None:
            return None
        inner, after = branch[3 : end - 1], branch[end:]
        if after[:1] == "?" and after[1:2] not in ("?", "+"):
            ways = [f"(?:{inner}){after[1:]}", after[1:]]  # greedy: with the group first
        elif after[:1] in _QUANTIFIERS:
            return None
        else:
            ways = [alternative + after for alternative in top_level_branches(inner)]
        out: list[tuple[str, str]] = []
        for way in ways:
            found = _branch(way, tests)
            if found is None:
                return None
            out.extend(found)
        return out
    first = branch[:1]
    if not (first.isascii() and first.isalnum()) or branch[1:2] in _QUANTIFIERS:
        return None
    return [(first, "".join(map(_shifted, tests)) + branch[1:])]


def compile_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, or a pattern with exactly the same matches that
    the regex engine scans faster.

    Python's engine tries a case-insensitive ``\\b(?:cat|dog)`` at every position of the
    text; a pattern that opens with plain characters lets it skip in C to the next
    position holding one. So ``\\b(?:cat|Cow|dog)`` becomes
    ``(?:c(?i:(?<=\\b.)at|(?<=\\b.)ow)|C(?i:(?<=\\b.)at|(?<=\\b.)ow)|d(?i:(?<=\\b.)og)|D(...))``:
    the first character in each case it matches, then the alternatives that open with it,
    in their order, each with the tests before its first character (word boundaries,
    look-behinds) moved behind it. Only case-insensitive patterns without capturing groups
    whose every alternative opens with a plain letter or digit are rewritten; others are
    compiled as they are.
    """
    plain = re.compile(pattern, flags)
    if flags != re.IGNORECASE or plain.groups:
        return plain
    alternatives = _alternatives(pattern)
    if alternatives is None:
        return plain
    rests: dict[str, list[str]] = {}  # first character (lowercase) -> rest of each alternative
    for first, rest in alternatives:
        rests.setdefault(first.lower(), []).append(rest)
    branches = [
        f"{re.escape(variant)}(?i:{'|'.join(rest)})"
        for first, rest in rests.items()
        for variant in _case_variants(first)
    ]
    try:
        return re.compile("(?:" + "|".join(branches) + ")")
    except re.error:  # a look-behind that cannot take one more character
        return plain
