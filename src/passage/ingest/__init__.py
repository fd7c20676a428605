"""Readers: files, directories and standard input -> raw documents or failures.

    from passage.ingest import read
    for item in read(["examples/corpus"]):
        print(item.describe() if isinstance(item, Failure) else item.title)

Each format has its own module (``text``, ``htmlpage``, ``jsonl``, ``warc``,
``feed``). Bad input never stops the iteration: it yields one ``Failure``
naming the file and record, and reading goes on.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from passage.ingest.common import (
    DEFAULT_LIMITS,
    Loaded,
    ReadLimits,
    failure,
    load_file,
    oversized_file,
)
from passage.ingest.feed import is_feed, parse_feed, read_rss
from passage.ingest.htmlpage import html_file_document, read_html
from passage.ingest.jsonl import parse_jsonl, read_jsonl
from passage.ingest.sniff import sniff_format
from passage.ingest.text import read_text, text_document
from passage.ingest.warc import parse_warc, read_warc
from passage.model import Failure, Provenance, RawDocument

__all__ = [
    "ReadLimits",
    "read",
    "read_html",
    "read_jsonl",
    "read_rss",
    "read_text",
    "read_warc",
    "reader_for",
]

STDIN_PATH = "<stdin>"

Reader = Callable[..., Iterator[RawDocument | Failure]]

# File name endings, longest first; a name without any extension is plain text.
_READERS: tuple[tuple[str, Reader], ...] = (
    (".warc.gz", read_warc),
    (".jsonl.gz", read_jsonl),
    (".ndjson.gz", read_jsonl),
    (".warc", read_warc),
    (".jsonl", read_jsonl),
    (".ndjson", read_jsonl),
    (".html", read_html),
    (".htm", read_html),
    (".rss", read_rss),
    (".atom", read_rss),
    (".xml", read_rss),  # only when it parses as a feed; see _walk
    (".txt", read_text),
    (".text", read_text),
)


def read(
    paths: Iterable[str | Path],
    *,
    stdin: TextIO | None = None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> Iterator[RawDocument | Failure]:
    """Documents from files, directories (walked recursively) and "-" (standard input).

    Directories are walked in sorted order and each file is read by the reader
    for its extension; hidden files and unknown extensions are skipped. A file
    named explicitly with an unknown extension is read after sniffing its content.
    """
    if isinstance(paths, str | Path):  # one path, not the characters of one
        paths = [paths]
    for item in paths:
        if str(item) == "-":
            yield from read_stdin(stdin if stdin is not None else sys.stdin, limits=limits)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path, limits)
            continue
        reader = reader_for(path)
        if reader is None:
            yield from _read_sniffed(path, limits)
        else:
            yield from reader(path, limits=limits)


def reader_for(path: Path) -> Reader | None:
    """The reader for a file name, or None when its extension is unknown."""
    name = path.name.lower()
    for ending, reader in _READERS:
        if name.endswith(ending):
            return reader
    return read_text if "." not in name.lstrip(".") else None


def read_stdin(
    stream: TextIO, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Documents from standard input, its format sniffed from the content."""
    buffer = getattr(stream, "buffer", None)
    data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    yield from _read_bytes(data, STDIN_PATH, limits)


def _walk(root: Path, limits: ReadLimits) -> Iterator[RawDocument | Failure]:
    errors: list[OSError] = []
    for folder, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from (_walk_error(err) for err in errors)
        errors.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(folder, name)
            reader = reader_for(path)
            if name.startswith(".") or reader is None:
                continue
            if name.lower().endswith(".xml"):
                yield from _walked_xml(path, limits)
            else:
                yield from reader(path, limits=limits)
    yield from (_walk_error(err) for err in errors)


def _walk_error(err: OSError) -> Failure:
    where = Provenance(str(err.filename) if err.filename else "?")
    return failure(where, "unreadable", err.strerror or str(err))


def _walked_xml(path: Path, limits: ReadLimits) -> Iterator[RawDocument | Failure]:
    """A .xml file met in a directory: a feed, or skipped (sitemaps, configuration)."""
    loaded = load_file(path, limits)
    if isinstance(loaded, Failure):
        yield loaded
    elif is_feed(loaded.data):
        yield from parse_feed(loaded.data, str(path), limits=limits)


def _read_sniffed(path: Path, limits: ReadLimits) -> Iterator[RawDocument | Failure]:
    loaded = load_file(path, limits)
    if isinstance(loaded, Failure):
        yield loaded
        return
    yield from _read_bytes(loaded.data, str(path), limits)


def _read_bytes(data: bytes, path: str, limits: ReadLimits) -> Iterator[RawDocument | Failure]:
    """Documents from a whole input held in memory, dispatched on its sniffed format."""
    form = sniff_format(data)
    if form == "warc":
        yield from parse_warc(io.BytesIO(data), path, limits=limits)
    elif form == "jsonl":
        yield from parse_jsonl(data.split(b"\n"), path, limits=limits)
    elif form == "rss":
        yield from parse_feed(data, path, limits=limits)
    elif len(data) > limits.max_file_bytes:
        yield oversized_file(Provenance(path), len(data), limits)
    elif form == "html":
        yield html_file_document(Loaded(data, Provenance(path)), limits)
    else:
        yield text_document(Loaded(data, Provenance(path)), limits)
