"""News feeds (.rss, .atom, .xml that parses as a feed): one document per entry.

An entry's full content (``content:encoded``, Atom ``content``) is preferred to
its summary. HTML is reduced to text by article extraction, or for snippets too
short for that, by a plain conversion that keeps one paragraph per line.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import feedparser
import trafilatura

from passage.ingest.common import (
    DEFAULT_LIMITS,
    ReadLimits,
    binary_failure,
    check_text,
    failure,
    language_tag,
    load_file,
    parse_iso_date,
)
from passage.ingest.htmlpage import html_to_text
from passage.model import Failure, Provenance, RawDocument

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_rss(path: Path, *, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[RawDocument | Failure]:
    """Yield one document (or ``Failure``) per feed entry; one ``Failure`` if not a feed."""
    loaded = load_file(path, limits)
    if isinstance(loaded, Failure):
        yield loaded
        return
    yield from parse_feed(loaded.data, str(path), limits=limits)


def is_feed(data: bytes) -> bool:
    """True when ``data`` parses as an RSS or Atom feed with at least one entry."""
    parsed = feedparser.parse(data)
    return bool(parsed.entries) and bool(parsed.version)


def parse_feed(
    data: bytes, path: str, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Documents from a feed's bytes."""
    problem = binary_failure(data, Provenance(path))
    if problem is not None:
        yield problem
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") if parsed.bozo else "the feed has no entries"
        yield failure(Provenance(path), "not_a_feed", f"not an RSS or Atom feed ({reason})")
        return
    feed_language = language_tag(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        where = Provenance(path, number, "entry")
        yield entry_document(entry, where, limits, feed_language=feed_language)


def entry_document(
    entry: Any, where: Provenance, limits: ReadLimits, *, feed_language: str | None = None
) -> RawDocument | Failure:
    """The document of one parsed feed entry."""
    body = _entry_body(entry)
    if body is None:
        return failure(where, "empty", "the entry has neither content nor summary")
    raw = None
    text = body.value
    if body.content_type in _HTML_TYPES:
        raw = body.value.encode("utf-8")
        text = snippet_text(body.value)
    problem = check_text(text, where, limits)
    if problem is not None:
        return problem
    return RawDocument(
        text=text,
        provenance=where,
        format="rss",
        url=entry.get("link") or None,
        title=entry.get("title") or None,
        published=_entry_date(entry),
        language=language_tag(_entry_language(entry)) or feed_language,
        external_id=entry.get("id") or None,
        raw=raw,
    )


def snippet_text(markup: str) -> str:
    """Text of an entry's HTML: article extraction, else a plain conversion."""
    extracted = trafilatura.extract(f"<div>{markup}</div>", include_comments=False)
    return extracted if extracted else html_to_text(markup)


@dataclass(frozen=True)
class _Body:
    value: str
    content_type: str


def _entry_body(entry: Any) -> _Body | None:
    """The entry's content, else its summary."""
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            return _Body(content["value"], content.get("type", "text/html"))
    summary = entry.get("summary") or ""
    if summary.strip():
        return _Body(summary, (entry.get("summary_detail") or {}).get("type", "text/html"))
    return None


def _entry_language(entry: Any) -> str | None:
    for content in entry.get("content") or []:
        if content.get("language"):
            return content["language"]
    return (entry.get("summary_detail") or {}).get("language")


def _entry_date(entry: Any) -> date | None:
    """The date as the feed wrote it (in its own time zone), else feedparser's UTC date."""
    for key in ("published", "updated"):
        stated = _stated_date(entry.get(key))
        if stated is not None:
            return stated
    for key in ("published_parsed", "updated_parsed"):
        stamp = entry.get(key)
        if stamp:
            return datetime.fromtimestamp(calendar.timegm(stamp), tz=UTC).date()
    return None


def _stated_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).date()  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return parse_iso_date(value)  # Atom: RFC 3339
    except ValueError:
        return None
