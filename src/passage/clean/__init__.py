"""Cleaning: which parts of a flattened page are article text, and in which language.

``clean(raw)`` splits the text into blocks (body, caption, dropped clutter) that
tile it; nothing is removed from ``raw.text``. ``clean_view(doc)`` gives the kept
text as one string with an exact map back to the original offsets.
"""

from __future__ import annotations

from passage.clean.blocks import classify
from passage.clean.language import FULL_PREFIX_CHARS, detect_language
from passage.clean.view import CleanView, ViewSegment, clean_view
from passage.model import Block, Document, RawDocument

__all__ = ["CleanView", "ViewSegment", "clean", "clean_view", "detect_language"]


def clean(raw: RawDocument) -> Document:
    """Blocks of ``raw.text`` in order, and its language (``raw.language`` when given)."""
    blocks = classify(raw.text)
    language = raw.language or detect_language(_body_prefix(raw.text, blocks))
    return Document(raw=raw, blocks=blocks, language=language)


def _body_prefix(text: str, blocks: list[Block]) -> str:
    """The first body blocks, joined, up to what language detection reads."""
    parts: list[str] = []
    size = 0
    for block in blocks:
        if block.kind != "body":
            continue
        parts.append(text[block.start : block.end])
        size += block.end - block.start + 1
        if size >= FULL_PREFIX_CHARS:
            break
    return "\n".join(parts)
