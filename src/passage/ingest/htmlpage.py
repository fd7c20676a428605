"""HTML pages (.html, .htm): the article text, title, date and URL of a page.

trafilatura finds the article; its metadata (which asks htmldate for the
original publication date) gives title, date and canonical URL. The document's
``text`` is the extracted article and ``raw`` the page bytes as received. The
same extraction serves HTML inside JSONL lines and WARC responses.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import lxml.etree
import lxml.html
import trafilatura

from passage.ingest.common import (
    DEFAULT_LIMITS,
    DocumentFormat,
    Loaded,
    ReadLimits,
    binary_failure,
    check_text,
    failure,
    language_tag,
    load_file,
    oversized_file,
    parse_iso_date,
)
from passage.model import Failure, Provenance, RawDocument

MIN_SENTENCE_WORDS = 10  # an article has at least one line this long; menus and link lists do not
CHARSET_SNIFF_BYTES = 4096  # a <meta charset> sits in the head, near the top
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_WHITESPACE = re.compile(r"\s+")
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# Browsers read pages labelled Latin-1 or ASCII as Windows-1252 (WHATWG Encoding).
_WINDOWS_1252_CODECS = frozenset({"iso8859-1", "ascii", "cp1252"})
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"blockquote", "pre", "table", "tr", "section", "article", "header", "footer", "hr"}
    | {"figure", "figcaption"}
)

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs every discarded page
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Article:
    """What a page says about itself: its article text and metadata."""

    text: str
    title: str | None
    published: date | None
    url: str | None
    language: str | None


def read_html(
    path: Path, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[RawDocument | Failure]:
    """Yield the page's article as one document, or one ``Failure``."""
    loaded = load_file(path, limits)
    if isinstance(loaded, Failure):
        yield loaded
        return
    yield html_file_document(loaded, limits)


def html_file_document(loaded: Loaded, limits: ReadLimits) -> RawDocument | Failure:
    """The document for a whole HTML input (a file or standard input)."""
    problem = binary_failure(loaded.data, loaded.provenance)
    if problem is not None:
        return problem
    return html_document(loaded.data, loaded.provenance, limits, format="html")


def html_document(
    data: bytes,
    provenance: Provenance,
    limits: ReadLimits,
    *,
    format: DocumentFormat,
    charset: str | None = None,
) -> RawDocument | Failure:
    """Decode ``data`` (``charset`` as the transport declared it) and extract its article."""
    if len(data) > limits.max_file_bytes:
        return oversized_file(provenance, len(data), limits)
    if not data.strip():
        return failure(provenance, "empty", "the page is empty")
    markup = decode_html(data, provenance, charset)
    if isinstance(markup, Failure):
        return markup
    article = extract_article(markup)
    if article is None:
        return failure(provenance, "no_article", "no article text found (an index or menu page?)")
    problem = check_text(article.text, provenance, limits)
    if problem is not None:
        return problem
    return RawDocument(
        text=article.text,
        provenance=provenance,
        format=format,
        url=article.url,
        title=article.title,
        published=article.published,
        language=article.language,
        raw=data,
    )


def decode_html(data: bytes, provenance: Provenance, charset: str | None = None) -> str | Failure:
    """The page as text: BOM, else declared charset (transport, then <meta>), else UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        name = "utf-8-sig"
    else:
        name = _codec(charset) or _codec(_meta_charset(data)) or "utf-8"
    if name in _WINDOWS_1252_CODECS:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")  # total: every byte decodes
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        return failure(
            provenance,
            "encoding",
            f"not valid {name} at byte {err.start} (0x{data[err.start]:02x}); "
            "fix the page's charset or re-save it as UTF-8",
        )


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:CHARSET_SNIFF_BYTES])
    return match.group(1).decode("ascii") if match else None


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None if unknown."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def extract_article(markup: str) -> Article | None:
    """The article of a full page, or None when it has none (an index, a menu)."""
    extracted = trafilatura.bare_extraction(
        markup,
        include_comments=False,  # reader comments are not the report
        include_tables=True,  # tables in reports often hold the figures
        with_metadata=True,
    )
    if extracted is None or not has_article(extracted.text or ""):
        return None
    return Article(
        text=extracted.text,
        title=extracted.title or None,
        published=_metadata_date(extracted.date),
        url=extracted.url or None,
        language=page_language(markup),
    )


def has_article(text: str) -> bool:
    """True when some line reads like a sentence rather than a link or menu label."""
    return any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.splitlines())


def page_language(markup: str) -> str | None:
    """The language the page's ``<html lang>`` attribute states."""
    match = _HTML_LANG.search(markup[:CHARSET_SNIFF_BYTES])
    return language_tag(match.group(1)) if match else None


def _metadata_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return parse_iso_date(value)
    except ValueError:
        return None


def html_to_text(markup: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph or block.

    For markup too short for article extraction (a feed entry's content).
    """
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return " ".join(markup.split())
    for element in list(root.iter("script", "style", lxml.etree.Comment)):
        element.drop_tree()
    for element in root.iter():
        # Source line breaks are spaces; only block boundaries break lines.
        element.text = _spaces(element.text)
        element.tail = _spaces(element.tail)
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS:
            element.tail = "\n" + element.tail
            element.text = "\n" + element.text
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _spaces(value: str | None) -> str:
    return _WHITESPACE.sub(" ", value) if value else ""
