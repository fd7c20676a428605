"""The named types that cross Passage's stage boundaries.

Every stage takes and returns these types; no bare tuple leaves a module.
Character offsets are Unicode code points into a document's original ``text``
(the text exactly as received; for HTML, WARC and RSS inputs, the article text
extracted from the markup, with the markup itself kept in ``raw``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

EVENT_TYPES = (
    "removal",
    "return",
    "apprehension",
    "detention",
    "operation",
    "arrival",
    "policy",
)
POLICY_KINDS = (
    "deadline",
    "visa",
    "agreement",
    "funding",
    "protected_status",
    "suspension",
    "ruling",
    "law",
    "other",
)
STATUSES = ("occurred", "ongoing", "planned")
RATE_PERIODS = ("day", "week", "month", "year")
DATE_PRECISIONS = ("day", "month", "year", "range")

EventType = Literal[
    "removal", "return", "apprehension", "detention", "operation", "arrival", "policy"
]
BlockKind = Literal["body", "caption", "dropped"]


def content_id(text: str) -> str:
    """Stable document id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range ``[start, end)`` of code points in a document's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        return [self.start, self.end]


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Provenance:
    """Where a document came from: the file and, inside it, the line or record."""

    path: str
    record: int | None = None  # 1-based line (JSONL) or record/entry number (WARC, RSS)
    record_kind: Literal["line", "record", "entry"] | None = None

    def describe(self) -> str:
        if self.record is None:
            return self.path
        return f"{self.path}:{self.record_kind or 'record'} {self.record}"


@dataclass
class RawDocument:
    """A document as a reader yields it, before cleaning.

    ``text`` is the text every offset points into. ``raw`` keeps the bytes of
    markup inputs (HTML, a WARC response body, an RSS entry's HTML) as received.
    ``external_id`` is an id the input itself gave (a JSONL ``id``).
    """

    text: str
    provenance: Provenance
    format: Literal["text", "html", "jsonl", "warc", "rss"]
    url: str | None = None
    title: str | None = None
    published: date | None = None
    language: str | None = None
    external_id: str | None = None
    raw: bytes | None = None

    @property
    def id(self) -> str:
        return content_id(self.text)


@dataclass(frozen=True)
class Block:
    """A run of the original text (usually one line) and what cleaning made of it."""

    start: int
    end: int
    kind: BlockKind
    reason: str | None = None  # why a block was dropped, or the caption rule that fired

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Document:
    """A cleaned document: the raw document plus its blocks and detected language."""

    raw: RawDocument
    blocks: list[Block]
    language: str | None = None

    @property
    def id(self) -> str:
        return self.raw.id

    @property
    def text(self) -> str:
        return self.raw.text

    @property
    def published(self) -> date | None:
        return self.raw.published

    def kept(self) -> list[Block]:
        """Body and caption blocks, in text order."""
        return [b for b in self.blocks if b.kind != "dropped"]


@dataclass(frozen=True)
class Failure:
    """One input that could not be read, named by file and record."""

    provenance: Provenance
    kind: str  # short machine name: unreadable, binary, encoding, malformed_json, ...
    message: str

    def describe(self) -> str:
        return f"{self.provenance.describe()}: {self.kind}: {self.message}"


# --------------------------------------------------------------------------- events


@dataclass
class People:
    """How many people an event counts, as GUIDELINES.md writes it."""

    low: int | None
    high: int | None
    approx: bool = False
    per: Literal["day", "week", "month", "year"] | None = None
    cumulative: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "low": self.low,
            "high": self.high,
            "approx": self.approx,
            "per": self.per,
            "cumulative": self.cumulative,
        }


@dataclass
class DateRange:
    start: date | None
    end: date | None
    precision: Literal["day", "month", "year", "range"] | None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
        }


@dataclass
class Change:
    """A stated comparison: ``factor`` times a baseline, or up ``from`` a figure."""

    factor: float | None = None
    from_: int | None = None
    baseline: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.factor is not None:
            out["factor"] = self.factor
        if self.from_ is not None:
            out["from"] = self.from_
        out["baseline"] = self.baseline
        return out


@dataclass
class Event:
    """One migration-enforcement fact, with the evidence of every field.

    ``evidence`` lists the spans that state the event; ``spans`` maps a field
    name (``people``, ``origin``, ``location``, ``destination``, ``places``,
    ``actor``, ``source``, ``date``, ``change``, ``trigger``) to the spans its
    value was read from.
    """

    type: EventType
    status: Literal["occurred", "ongoing", "planned"]
    evidence: list[Span]
    policy_kind: str | None = None
    people: People | None = None
    origin: list[str] = field(default_factory=list)
    location: str | None = None
    destination: str | None = None
    places: list[str] = field(default_factory=list)
    actor: str | None = None
    source: str | None = None
    date: DateRange | None = None
    change: Change | None = None
    spans: dict[str, list[Span]] = field(default_factory=dict)

    def to_json(self, text: str | None = None) -> dict[str, Any]:
        """The GUIDELINES form, evidence as ``[start, end]`` offsets.

        Given the document text, ``evidence_text`` repeats each evidence span's text.
        """
        out: dict[str, Any] = {
            "type": self.type,
            "policy_kind": self.policy_kind,
            "status": self.status,
            "people": self.people.to_json() if self.people else None,
            "origin": list(self.origin),
            "location": self.location,
            "destination": self.destination,
            "places": list(self.places),
            "actor": self.actor,
            "source": self.source,
            "date": self.date.to_json() if self.date else None,
            "change": self.change.to_json() if self.change else None,
            "evidence": [s.to_list() for s in self.evidence],
            "spans": {k: [s.to_list() for s in v] for k, v in self.spans.items()},
        }
        if text is not None:
            out["evidence_text"] = [s.of(text) for s in self.evidence]
        return out


# --------------------------------------------------------------------------- mentions
# What the extraction stages find in text before events are assembled.

FigureKind = Literal[
    "count", "year", "percent", "money", "age", "ordinal", "duration", "measure", "time", "other"
]


@dataclass
class Figure:
    """A quantity phrase and what it counts.

    ``span`` covers the quantity with its qualifiers ("more than 100", "between 8,000
    and 10,000", "dozens"); ``kind`` says whether it can count people at all
    (``count``) or is a year, percentage, amount of money, age, and so on.
    ``noun`` is the head of the noun phrase it counts ("Chinese migrants"), if any.
    """

    span: Span
    people: People
    kind: FigureKind = "count"
    noun: str | None = None
    noun_span: Span | None = None
    per_span: Span | None = None
    cumulative_span: Span | None = None
    change: Change | None = None
    change_span: Span | None = None


@dataclass(frozen=True)
class CountryMention:
    """A country named in text by name, short form, demonym, adjective or capital."""

    span: Span
    code: str  # ISO 3166-1 alpha-3
    form: Literal["name", "short", "demonym", "adjective", "capital"]


@dataclass(frozen=True)
class PlaceMention:
    """A sub-national place or region ("Karachi", "El Paso, Texas", "southern border")."""

    span: Span
    name: str
    country: str | None  # ISO alpha-3 when known


@dataclass(frozen=True)
class AgencyMention:
    """An authority or body named in text ("DHS", "Home Office", "coast guard")."""

    span: Span
    name: str  # as written
    canonical: str  # the agency's full name
    country: str | None  # ISO alpha-3 when the agency belongs to one country


@dataclass(frozen=True)
class FiscalLabel:
    """How a fiscal year was written: "FY2023" (year 2023), "2022/23" (year 2022, split)."""

    year: int
    split: bool = False


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved against the publication date."""

    span: Span
    range: DateRange
    relative: bool  # resolved against the publication date ("Wednesday", "last month")
    # a fiscal year as written: its label year ("FY2023" -> 2023) or, for a split year
    # ("2022/23"), the year it starts in; resolved by the default country's calendar
    # until the event's country is known (dates.fiscal_range)
    fiscal: FiscalLabel | None = None
