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


def compile_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, or a pattern with exactly the same matches that
    the regex engine scans faster.

    Python's engine tries a case-insensitive ``\\b(?:cat|dog)`` at every position of the
    text; a pattern that opens with plain characters lets it skip in C to the next
    position holding one. So ``\\b(?:cat|dog|Cow)`` becomes
    ``(?:c(?<=\\b.)(?i:at|ow)|C(?<=\\b.)(?i:at|ow)|d(?<=\\b.)(?i:og)|D(?<=\\b.)(?i:og))``:
    the first letter in each case it matches, the word boundary checked behind it, then
    the rest of each alternative, in their order. Patterns of another shape, with groups
    that capture, or whose alternatives do not open with a plain letter or digit, are
    compiled as they are.
    """
    plain = re.compile(pattern, flags)
    if flags != re.IGNORECASE or plain.groups or len(top_level_branches(pattern)) != 1:
        return plain
    lead = "\\b(?:"
    end = _group_end(pattern, len(lead) - 3) if pattern.startswith(lead) else None
    if end is None or pattern[end : end + 1] in _QUANTIFIERS:
        return plain
    rests: dict[str, list[str]] = {}  # first letter (lowercase) -> the rest of each alternative
    for alternative in top_level_branches(pattern[len(lead) : end - 1]):
        first = alternative[:1]
        if not (first.isascii() and first.isalnum()) or alternative[1:2] in _QUANTIFIERS:
            return plain
        rests.setdefault(first.lower(), []).append(alternative[1:])
    # the consumed first character is a letter or digit, never a newline: "." matches it
    branches = [
        f"{re.escape(variant)}(?<=\\b.)(?i:{'|'.join(rest)})"
        for first, rest in rests.items()
        for variant in _case_variants(first)
    ]
    after = pattern[end:]
    return re.compile("(?:" + "|".join(branches) + ")" + (f"(?i:{after})" if after else ""))
