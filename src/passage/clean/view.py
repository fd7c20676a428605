"""The clean view: the kept blocks of a document as one text, with an exact offset map.

``CleanView.text`` is the body and caption blocks joined by ``"\\n\\n"``. Every
character of a kept block maps to exactly one character of the original text;
the separators map to the end of the block before them.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from passage.model import BlockKind, Document, Span

SEPARATOR = "\n\n"


@dataclass(frozen=True)
class ViewSegment:
    """One kept block inside the clean text."""

    clean_start: int
    start: int  # in the original text
    length: int
    kind: BlockKind

    @property
    def clean_end(self) -> int:
        return self.clean_start + self.length

    @property
    def end(self) -> int:
        return self.start + self.length


class CleanView:
    """Kept text of a document, and the way back to the original offsets."""

    def __init__(self, original: str, segments: list[ViewSegment]) -> None:
        self.original = original
        self.segments = segments
        self.text = SEPARATOR.join(original[s.start : s.end] for s in segments)
        self.captions = [Span(s.clean_start, s.clean_end) for s in segments if s.kind == "caption"]
        self._clean_starts = [s.clean_start for s in segments]
        self._starts = [s.start for s in segments]

    def to_original(self, offset: int) -> int:
        """The original offset of clean ``offset``; a separator maps to the end of the
        block before it, and ``len(text)`` to the end of the last block."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside the clean text [0, {len(self.text)}]")
        i = bisect_right(self._clean_starts, offset) - 1
        if i < 0:
            return 0  # only when there are no segments
        segment = self.segments[i]
        return segment.start + min(offset - segment.clean_start, segment.length)

    def span_to_original(self, start: int, end: int) -> Span:
        """The original span of clean ``[start, end)``; a start on a separator moves to
        the next block, so the span never begins with text the view left out."""
        if start > end:
            raise ValueError(f"invalid span [{start}, {end})")
        i = bisect_right(self._clean_starts, start) - 1
        if i >= 0 and start >= self.segments[i].clean_end and i + 1 < len(self.segments):
            start = min(self.segments[i + 1].clean_start, end)
        begin, finish = self.to_original(start), self.to_original(end)
        return Span(min(begin, finish), finish)

    def to_clean(self, offset: int) -> int | None:
        """The clean offset of original ``offset``, or None if that character was dropped."""
        i = bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        segment = self.segments[i]
        if offset >= segment.end:
            return None
        return segment.clean_start + offset - segment.start


def clean_view(doc: Document) -> CleanView:
    """The clean view of a cleaned document."""
    segments = []
    position = 0
    for block in doc.kept():
        if segments:
            position += len(SEPARATOR)
        length = block.end - block.start
        segments.append(ViewSegment(position, block.start, length, block.kind))
        position += length
    return CleanView(doc.text, segments)
