"""Guess an input's format from its first bytes (standard input, unknown extensions)."""

from __future__ import annotations

import re
import zlib

from passage.ingest.common import SNIFF_BYTES, DocumentFormat

_GZIP_MAGIC = b"\x1f\x8b"
_WARC_MAGIC = b"WARC/"
_LEADING_COMMENTS = re.compile(r"^(?:\s*<!--.*?-->)*\s*", re.S)
_HTML_START = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|p|h[1-6])\b", re.I
)
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:rdf)\b", re.I)


def sniff_format(data: bytes) -> DocumentFormat:
    """``warc``, ``jsonl``, ``rss``, ``html`` or (by default) ``text``."""
    if data.startswith(_WARC_MAGIC) or _gzipped_warc(data):
        return "warc"
    head = data[:SNIFF_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "jsonl"
    markup = _LEADING_COMMENTS.sub("", head, count=1)
    if markup.startswith("<?xml") and _FEED_ROOT.search(head):
        return "rss"
    if _FEED_ROOT.match(markup):
        return "rss"
    if _HTML_START.match(markup):
        return "html"
    return "text"


def _gzipped_warc(data: bytes) -> bool:
    if not data.startswith(_GZIP_MAGIC):
        return False
    try:
        start = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:SNIFF_BYTES], 16)
    except zlib.error:
        return False
    return start.startswith(_WARC_MAGIC)
