"""Web archives (.warc, .warc.gz): each HTML page fetched with HTTP 200 is a document.

Other records (warcinfo, requests, images, redirects, errors) are skipped
silently. The provenance record is the 1-based index of the record in the file,
counting every record. A file cut short or corrupt yields the documents before
the damage, then one ``truncated_warc`` failure naming the damaged record.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from passage.ingest.common import (
    DEFAULT_LIMITS,
    ReadLimits,
    check_regular_file,
    failure,
    parse_iso_date,
)
from passage.ingest.htmlpage import html_document
from passage.model import Failure, Provenance, RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
DRAIN_CHUNK = 16384  # compressed bytes read at a time; bounds memory on highly compressed data
GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS = 16 + zlib.MAX_WBITS  # a zlib window that reads gzip headers and trailers
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([^;\"'\s]+)", re.I)
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    OSError,
    zlib.error,
    ValueError,
)


def read_warc(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Yield a document (or ``Failure``) per HTML 200 response in the file."""
    problem = check_regular_file(path)
    if problem is not None:
        yield problem
        return
    try:
        if path.stat().st_size == 0:
            yield failure(Provenance(str(path)), "empty", "the file is empty")
            return
        stream = path.open("rb")
    except OSError as err:
        yield failure(Provenance(str(path)), "unreadable", err.strerror or str(err))
        return
    with stream:
        yield from parse_warc(stream, str(path), limits=limits)


def parse_warc(
    stream: BinaryIO, path: str, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Documents from an open WARC (plain or gzipped) stream."""
    damage = gzip_damage(stream) if stream.seekable() else None
    iterator = ArchiveIterator(stream)
    records = iter(iterator)
    number = 0
    while True:
        number += 1
        where = Provenance(path, number, "record")
        try:
            record = next(records)
        except StopIteration:
            if damage is not None:
                yield _damaged(where, "the file ends inside a compressed record")
            elif _unread_tail(stream, iterator.offset):
                yield _damaged(where, "the record's headers are cut short")
            elif number == 1:
                yield _damaged(where, "no WARC record found")
            return
        except Exception as err:  # warcio fails on damaged input in many ways (even AttributeError)
            yield _damaged(where, f"{type(err).__name__}: {err}")
            return
        if not (record.rec_headers.get_header("Content-Length") or "").strip().isdigit():
            yield _damaged(where, "the record's headers are cut short (no Content-Length)")
            return
        if damage is not None and iterator.offset >= damage:
            yield _damaged(where, "the compressed record is cut short or corrupt")
            return
        try:
            document = _record_document(record, where, limits)
            cut_short = _drain(record)
        except _DAMAGE as err:
            yield _damaged(where, err)
            return
        if cut_short:
            yield _damaged(where, "the record ends before its declared length")
            return
        if document is not None:
            yield document


def _record_document(
    record: Any, where: Provenance, limits: ReadLimits
) -> RawDocument | Failure | None:
    """The document of an HTML 200 response; None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        return None
    body = record.content_stream().read(limits.max_file_bytes + 1)
    charset = _CHARSET.search(content_type)
    document = html_document(
        body, where, limits, format="warc", charset=charset.group(1) if charset else None
    )
    if isinstance(document, Failure):
        return document
    document.url = record.rec_headers.get_header("WARC-Target-URI") or document.url
    if document.published is None:
        document.published = _warc_date(record.rec_headers.get_header("WARC-Date"))
    return document


def gzip_damage(stream: BinaryIO) -> int | None:
    """Offset of the first gzip member that is cut short or corrupt; None if all are whole.

    warcio reads a cut member as far as it goes without complaint, so a gzipped
    file is checked member by member first. The stream is left where it was.
    """
    start = stream.tell()
    magic = stream.read(2)
    stream.seek(start)
    if magic != GZIP_MAGIC:
        return None
    member_start = offset = start
    decompressor = zlib.decompressobj(GZIP_WBITS)
    pending = b""
    damage = None
    while damage is None:
        chunk = pending or stream.read(DRAIN_CHUNK)
        pending = b""
        if not chunk:
            if offset > member_start:  # the file ends inside a member
                damage = member_start
            break
        try:
            decompressor.decompress(chunk)  # the output is not needed, only the check
        except zlib.error:
            damage = member_start
            break
        if decompressor.eof:
            offset += len(chunk) - len(decompressor.unused_data)
            member_start, pending = offset, decompressor.unused_data
            decompressor = zlib.decompressobj(GZIP_WBITS)
        else:
            offset += len(chunk)
    stream.seek(start)
    return damage


def _unread_tail(stream: BinaryIO, offset: int) -> bool:
    """True when something other than blank lines follows the last whole record."""
    if not stream.seekable():
        return False
    stream.seek(offset)
    return bool(stream.read(DRAIN_CHUNK).strip())


def _drain(record: Any) -> bool:
    """Skip the rest of the record; True when the file ends before the record does."""
    raw = record.raw_stream
    while raw.read(DRAIN_CHUNK):
        pass
    return getattr(raw, "limit", 0) > 0  # only a length-limited reader knows what is missing


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def _damaged(where: Provenance, reason: object) -> Failure:
    return failure(
        where,
        "truncated_warc",
        f"the archive is cut short or corrupt here ({reason}); the records before it were read",
    )
