"""JSON Lines (.jsonl, .ndjson, optionally gzipped): one document per line.

A line is an object with ``text`` or ``html`` and optionally ``id``, ``url``,
``title``, ``published`` (ISO date or datetime) and ``language``. Other fields
are ignored. A bad line yields one ``Failure`` naming it; the next lines are
still read.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from passage.ingest.common import (
    DEFAULT_LIMITS,
    SNIFF_BYTES,
    ReadLimits,
    binary_failure,
    check_regular_file,
    check_text,
    failure,
    language_tag,
    parse_iso_date,
)
from passage.ingest.htmlpage import html_document
from passage.model import Failure, Provenance, RawDocument

_STRING_FIELDS = ("text", "html", "url", "title", "published", "language")


def read_jsonl(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Yield one document (or ``Failure``) per non-blank line."""
    problem = check_regular_file(path)
    if problem is not None:
        yield problem
        return
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    last_line = 0
    try:
        with opener(path, "rb") as stream:
            problem = binary_failure(stream.read(SNIFF_BYTES), Provenance(str(path)))
            if problem is not None:  # one failure for the file, not one per "line"
                yield problem
                return
            stream.seek(0)
            for line_no, line in enumerate(stream, start=1):
                last_line = line_no
                yield from _line_documents(line, Provenance(str(path), line_no, "line"), limits)
    except (OSError, EOFError, zlib.error) as err:
        where = Provenance(str(path), last_line + 1, "line")
        yield failure(where, "unreadable", f"reading stopped here: {err}")


def parse_jsonl(
    lines: Iterable[bytes], path: str, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Documents from JSONL already in memory (standard input)."""
    for line_no, line in enumerate(lines, start=1):
        yield from _line_documents(line, Provenance(path, line_no, "line"), limits)


def _line_documents(
    line: bytes, provenance: Provenance, limits: ReadLimits
) -> Iterator[RawDocument | Failure]:
    if not line.strip():
        return
    problem = binary_failure(line, provenance)
    if problem is not None:
        yield problem
        return
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        yield failure(provenance, "encoding", f"not valid UTF-8 at byte {err.start} of the line")
        return
    except json.JSONDecodeError as err:
        yield failure(provenance, "malformed_json", f"{err.msg} (column {err.colno})")
        return
    if not isinstance(record, dict):
        kind = type(record).__name__
        yield failure(provenance, "malformed_json", f"expected a JSON object, found {kind}")
        return
    yield record_document(record, provenance, limits)


def record_document(
    record: dict[str, Any], provenance: Provenance, limits: ReadLimits
) -> RawDocument | Failure:
    """The document one JSONL object describes."""
    for name in _STRING_FIELDS:
        if record.get(name) is not None and not isinstance(record[name], str):
            return failure(provenance, "invalid_record", f"field {name!r} must be a string")
    text, html = record.get("text"), record.get("html")
    if not text and not html:
        return failure(provenance, "invalid_record", "needs a non-empty 'text' or 'html' field")
    published = None
    if record.get("published"):
        try:
            published = parse_iso_date(record["published"])
        except ValueError:
            value = record["published"]
            return failure(
                provenance, "invalid_record", f"'published' {value!r} is not an ISO date"
            )
    if text:
        problem = check_text(text, provenance, limits)
        if problem is not None:
            return problem
        document = RawDocument(text=text, provenance=provenance, format="jsonl")
        if html:
            document.raw = html.encode("utf-8")
    else:
        extracted = html_document(
            html.encode("utf-8"), provenance, limits, format="jsonl", charset="utf-8"
        )
        if isinstance(extracted, Failure):
            return extracted
        document = extracted
    # What the record states outright wins over what the page says about itself.
    document.url = record.get("url") or document.url
    document.title = record.get("title") or document.title
    document.published = published or document.published
    document.language = language_tag(record.get("language")) or document.language
    identifier = record.get("id")
    document.external_id = None if identifier is None else str(identifier)
    return document
