"""Runs of spaces in text that holds no whitespace but the plain space.

Flattened pages put two or more spaces between paragraphs. In a printable stretch of
text (``str.isprintable``: every whitespace character but " " is unprintable) those
runs are found with ``str.find``, far faster than a whitespace regex, which stops at
every single space.
"""

from __future__ import annotations

from collections.abc import Iterator


def double_spaces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The runs of two or more spaces in ``text[start:end]``, in order, as spans."""
    at = text.find("  ", start, end)
    while at >= 0:
        stop = at + 2
        while stop < end and text[stop] == " ":
            stop += 1
        yield at, stop
        at = text.find("  ", stop, end)
