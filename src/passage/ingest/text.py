"""Plain-text pages (.txt, .text, no extension): the whole file is one document.

The text is the file decoded, character for character: no newline or
whitespace normalisation, so offsets point into exactly what was received.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as dateparser

from passage.ingest.common import (
    DEFAULT_LIMITS,
    Loaded,
    ReadLimits,
    binary_failure,
    check_text,
    decode_utf8,
    load_file,
)
from passage.model import Failure, RawDocument

MAX_TITLE_CHARS = 200  # a longer first line is a paragraph, not a headline
DATE_SCAN_LINES = 15  # dates of flattened pages sit in the header, above the story
DATE_LINE_MAX_CHARS = 80  # a dateline is short; longer lines are sentences
DATE_LINE_MAX_LETTERS_SKIPPED = 40  # "Posted on ... by Jane Doe" but not a whole sentence
EARLIEST_YEAR = 1990  # older "dates" in a page header are almost always something else
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_YEAR_FIRST = re.compile(r"\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)\b")  # 2024-07-03
_FAR_DEFAULTS = (datetime(1, 1, 1), datetime(2, 2, 2))  # tell stated parts from filled-in ones


def read_text(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Yield the file as one document, or one ``Failure``."""
    loaded = load_file(path, limits)
    if isinstance(loaded, Failure):
        yield loaded
        return
    yield text_document(loaded, limits)


def text_document(loaded: Loaded, limits: ReadLimits) -> RawDocument | Failure:
    """The document for a whole plain-text input (a file or standard input)."""
    problem = binary_failure(loaded.data, loaded.provenance)
    if problem is not None:
        return problem
    text = decode_utf8(loaded.data, loaded.provenance)
    if isinstance(text, Failure):
        return text
    problem = check_text(text, loaded.provenance, limits)
    if problem is not None:
        return problem
    return RawDocument(
        text=text,
        provenance=loaded.provenance,
        format="text",
        title=first_line_title(text),
        published=find_published(text),
    )


def first_line_title(text: str) -> str | None:
    """The first non-empty line, stripped, when it is short enough to be a title."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= MAX_TITLE_CHARS else None
    return None


def find_published(text: str) -> date | None:
    """A full date (day, month and year) on a short line near the top of the page."""
    lines = (line.strip() for line in text.splitlines())
    head = [line for line in lines if line][:DATE_SCAN_LINES]
    for line in head:
        if len(line) <= DATE_LINE_MAX_CHARS and _YEAR.search(line):
            found = _line_date(line)
            if found is not None:
                return found
    return None


def _line_date(line: str) -> date | None:
    """The date a dateline states, if it states day, month and year unambiguously."""
    year_first = _YEAR_FIRST.search(line)
    if year_first is not None:  # never day-first; dateutil's dayfirst would swap it
        try:
            found = date(*(int(part) for part in year_first.groups()))
        except ValueError:
            return None
        return found if found.year >= EARLIEST_YEAR else None
    readings = set()
    for dayfirst in (False, True):
        for default in _FAR_DEFAULTS:
            parsed = _parse(line, default, dayfirst)
            if parsed is None:
                return None
            readings.add(parsed.date())
    if len(readings) != 1:  # a part was missing (filled from the default) or d/m ambiguous
        return None
    (found,) = readings
    return found if found.year >= EARLIEST_YEAR else None


def _parse(line: str, default: datetime, dayfirst: bool) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown time-zone names ("CET") are fine here
        try:
            parsed, skipped = dateparser.parse(
                line, default=default, dayfirst=dayfirst, fuzzy_with_tokens=True
            )
        except (ValueError, OverflowError):
            return None
    letters = sum(ch.isalpha() for token in skipped for ch in token)
    return parsed if letters <= DATE_LINE_MAX_LETTERS_SKIPPED else None
