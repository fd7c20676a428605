"""Sentences of a cleaned document, as spans into its original text.

Blocks (lines) are split at sentence ends: a period, question or exclamation
mark (optionally closed by a quote or bracket) followed by space and a capital,
digit or opening quote, unless the word before is a known abbreviation
("U.S.", "Nov.", "Sen."), or glued to the next sentence's capital after a word
("proceedings.A 25-year-old"). Runs of two or more spaces, which flattened pages
use between paragraphs, also end a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from passage.model import Document, Span
from passage.resources import load_json
from passage.spaces import double_spaces

MAX_SENTENCE_CHARS = 1200  # longer runs (tables, lists) are cut so one bad line stays cheap


@dataclass(slots=True)  # not frozen: made thousands of times a document, never changed
class Sentence:
    span: Span
    block: int  # index of the block in Document.blocks
    caption: bool
    headline: bool  # the document's first kept block


# A sentence ends at a stop followed by space and a capital, digit or opening quote, or
# glued to the next sentence's capital after a word: flattened pages glue sentences
# ("pending removal proceedings.A 25-year-old citizen").
_AFTER_STOP = r"(?:[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|(?<=[a-z]{3}[.!?])(?=[\"“]?[A-Z]))"
# one regex per stop character: the engine skips to one character far faster than to any
# of a class; the same matches, as a match holds no stop character after its first
_STOPS = tuple(re.compile(re.escape(stop) + _AFTER_STOP) for stop in ".!?")
_GAP = re.compile(r"\s\s+")  # two or more whitespace characters: a paragraph break


def _breaks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` breaks, in order: stops (ending with a stop character)
    and gaps (all whitespace). A line whose only whitespace is single spaces (printable)
    has its gaps found by ``str.find``: a regex would stop at every space."""
    stops = sorted(m.span() for stop in _STOPS for m in stop.finditer(text, start, end))
    if text[start:end].isprintable():
        gaps = list(double_spaces(text, start, end))
    else:
        gaps = [m.span() for m in _GAP.finditer(text, start, end)]
    if not gaps:
        return stops
    return sorted(stops + gaps)  # a stop never starts where a gap does


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(load_json("sentences.json")["en"][name])


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_NEXT_WORD = re.compile(r"[\"'”’)\]]*\s+[\"“‘'(\[]?(\w+)")


def split(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans inside ``text[start:end]``, trimmed of surrounding space."""
    abbreviations = _words("abbreviations")
    spans: list[Span] = []
    cursor = start
    for at, after in _breaks(text, start, end):
        if text[at] == ".":
            word = text[max(cursor, at - 12) : at + 1].split()[-1:]
            initials = bool(word) and _INITIALS.fullmatch(word[0]) is not None
            if (
                word
                and (word[0] in abbreviations or initials)
                and not _ends_anyway(text, at, word[0], initials)
            ):
                continue
        cut = at if text[at].isspace() else after  # a gap is left out, a stop kept
        _add(text, cursor, cut, spans)
        cursor = after
    _add(text, cursor, end, spans)
    return spans


def _ends_anyway(text: str, at: int, word: str, initials: bool) -> bool:
    """ "... to stay in the U.S. The office took in ...": initials, a state or "a.m." end
    a sentence when a word that opens sentences follows; titles ("Sen.", "Nov.") never do."""
    if not initials and word not in _words("may_end_sentence"):
        return False
    after = _NEXT_WORD.match(text, at + 1)
    return after is not None and after.group(1) in _words("sentence_openers")


def _add(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start, start + MAX_SENTENCE_CHARS)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append(Span(start, cut))
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    if end > start:
        spans.append(Span(start, end))


HEADLINE_MAX_CHARS = 300  # a first block longer than this holds the story after its headline


def sentences(doc: Document) -> list[Sentence]:
    """Every sentence of the document's kept blocks, in order."""
    out: list[Sentence] = []
    first = True
    for i, block in enumerate(doc.blocks):
        if block.kind == "dropped":
            continue
        short = block.end - block.start <= HEADLINE_MAX_CHARS
        for n, span in enumerate(split(doc.text, block.start, block.end)):
            # a page flattened to one paragraph opens with its headline, then the story
            out.append(Sentence(span, i, block.kind == "caption", first and (short or n == 0)))
        first = False
    if out and _title_at_end(doc.text, out[-1].span):
        out[-1] = replace(out[-1], headline=True)
    return out


TITLE_MAX_CHARS = 200  # a last line longer than this is story, not a saved title
_CLOSED = re.compile(r"[.!?…][\"'”’)\]]*$")


def _title_at_end(text: str, span: Span) -> bool:
    """Saved pages often end with their own title (or a link's): a short last line with no
    closing stop frames the story like a headline; it states nothing new."""
    last = span.of(text)
    return (
        len(last) <= TITLE_MAX_CHARS and not _CLOSED.search(last) and not text[span.end :].strip()
    )
