"""Small helpers for the regular expressions kept as data (trigger rules, clutter rules)."""

from __future__ import annotations


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
