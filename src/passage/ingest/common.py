"""What every reader shares: limits, file loading, byte sniffing, decoding, checks.

Helpers that can fail return a ``Failure`` instead of raising, so a reader can
yield it and go on with the next record or file.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from passage.model import Failure, Provenance

SNIFF_BYTES = 8192  # how much of a file the binary test looks at
MAX_CONTROL_RATIO = 0.10  # text files hold almost no control bytes; binary files many
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
DocumentFormat = Literal["text", "html", "jsonl", "warc", "rss"]
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class ReadLimits:
    """Sizes beyond which a document is reported as ``oversized`` instead of read."""

    max_chars: int = 2_000_000  # text of one document, in characters
    max_file_bytes: int = 20_000_000  # a single-document file (text, HTML) or WARC/RSS body


DEFAULT_LIMITS = ReadLimits()  # frozen, so one shared default is safe


@dataclass(frozen=True)
class Loaded:
    """A single-document file's bytes, read whole."""

    data: bytes
    provenance: Provenance


def failure(provenance: Provenance, kind: str, message: str) -> Failure:
    return Failure(provenance=provenance, kind=kind, message=message)


def check_regular_file(path: Path) -> Failure | None:
    """``unreadable`` when ``path`` is missing, inaccessible or not a regular file."""
    provenance = Provenance(str(path))
    try:
        mode = path.stat().st_mode
    except OSError as err:
        return failure(provenance, "unreadable", _os_reason(err))
    if not stat.S_ISREG(mode):
        return failure(provenance, "unreadable", "not a regular file")
    if not os.access(path, os.R_OK):
        return failure(provenance, "unreadable", "permission denied; check the file's mode")
    return None


def load_file(path: Path, limits: ReadLimits) -> Loaded | Failure:
    """Read a single-document file whole, refusing ones above ``limits.max_file_bytes``."""
    provenance = Provenance(str(path))
    problem = check_regular_file(path)
    if problem is not None:
        return problem
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            return oversized_file(provenance, size, limits)
        data = path.read_bytes()
    except OSError as err:
        return failure(provenance, "unreadable", _os_reason(err))
    return Loaded(data=data, provenance=provenance)


def oversized_file(provenance: Provenance, size: int, limits: ReadLimits) -> Failure:
    return failure(
        provenance,
        "oversized",
        f"{size:,} bytes is above the limit of {limits.max_file_bytes:,} bytes; "
        "split the file or raise max_file_bytes",
    )


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or directory"
    if isinstance(err, PermissionError):
        return "permission denied; check the file's mode"
    return err.strerror or str(err)


def binary_failure(data: bytes, provenance: Provenance) -> Failure | None:
    """``binary`` when the first bytes hold NULs or many control bytes.

    UTF-16 is reported as an ``encoding`` problem instead, since it is text.
    """
    head = data[:SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return failure(provenance, "encoding", "the file is UTF-16; re-save it as UTF-8")
    if b"\x00" in head:
        return failure(provenance, "binary", "holds NUL bytes; not a text file")
    controls = sum(1 for b in head if (b < 0x20 or b == 0x7F) and b not in _TEXT_CONTROLS)
    if head and controls / len(head) > MAX_CONTROL_RATIO:
        return failure(provenance, "binary", "mostly control bytes; not a text file")
    return None


def decode_utf8(data: bytes, provenance: Provenance) -> str | Failure:
    """UTF-8 text, with a leading byte-order mark stripped; ``encoding`` when invalid."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return failure(
            provenance,
            "encoding",
            f"not valid UTF-8 at byte {err.start} (0x{data[err.start]:02x}); "
            "re-save the file as UTF-8",
        )


def check_text(text: str, provenance: Provenance, limits: ReadLimits) -> Failure | None:
    """``empty`` for whitespace only, ``oversized`` above ``limits.max_chars``."""
    if not text.strip():
        return failure(provenance, "empty", "the document holds no text")
    if len(text) > limits.max_chars:
        return failure(
            provenance,
            "oversized",
            f"{len(text):,} characters is above the limit of {limits.max_chars:,}; "
            "split the document or raise max_chars",
        )
    return None


def language_tag(value: str | None) -> str | None:
    """The primary subtag of a stated language ("en-GB" -> "en"), or None if not a tag."""
    if not value:
        return None
    match = _LANGUAGE_TAG.match(value.strip())
    return match.group(1).lower() if match else None


def parse_iso_date(value: str) -> date:
    """A date from an ISO 8601 date or datetime string; ``ValueError`` otherwise."""
    value = value.strip()
    try:
        return date.fromisoformat(value)
    except ValueError:
        return datetime.fromisoformat(value).date()
