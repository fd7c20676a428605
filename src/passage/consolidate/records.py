"""The named types of consolidation: reports of a fact, consolidated events, series points."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from passage.model import DateRange, Event, People


@dataclass(frozen=True)
class DocSignature:
    """A document's MinHash signature over its clean body text."""

    doc_id: str
    hashvalues: bytes | None  # None when the document has no body text
    body_hash: str
    shingles: int


@dataclass(frozen=True)
class DocMeta:
    """What consolidation needs to know about a document besides its text."""

    id: str
    published: date | None
    url: str | None
    title: str | None
    version_key: str
    order: int  # ingestion order (rowid); breaks ties between versions of one article
    outlet: str | None


@dataclass(frozen=True)
class ClusterRow:
    """One document's place in its duplicate cluster."""

    doc_id: str
    cluster_id: str  # the representative's id
    similarity: float
    relation: str  # same | version | copy


@dataclass
class EventRecord:
    """A stored event with the document it came from."""

    id: str
    doc: DocMeta
    idx: int
    event: Event
    evidence_text: list[str]
    cluster_id: str = ""
    relation: str = "same"
    superseded: bool = False


@dataclass
class Report:
    """One fact as one duplicate cluster tells it: the matching events of its copies.

    ``face`` is the event that speaks for the report (its newest version, from the
    cluster's representative when it can), with empty fields filled from the others.
    """

    key: str
    cluster_id: str
    members: list[EventRecord]
    face: Event
    published: date | None


@dataclass(frozen=True)
class ReportBlock:
    """One key under which a consolidated report can be found by a matching one."""

    consolidated_id: str
    cluster_id: str
    block: str  # type|policy kind|planned|country
    month: str  # YYYY-MM


@dataclass
class Member:
    """One report's event inside a consolidated event: who said what, and where."""

    event_id: str
    doc_id: str
    cluster_id: str
    report_key: str
    relation: str
    superseded: bool
    people: People | None
    source: str | None
    outlet: str | None
    url: str | None
    title: str | None
    published: date | None
    evidence: list[list[Any]]  # [start, end, text]

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "cluster_id": self.cluster_id,
            "relation": self.relation,
            "superseded": self.superseded,
            "people": self.people.to_json() if self.people else None,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "evidence": self.evidence,
        }


@dataclass
class ConsolidatedEvent:
    """One fact across every report of it; ``conflict`` when their figures disagree."""

    id: str
    component: str
    type: str
    policy_kind: str | None
    status: str
    people: People | None
    origin: list[str]
    location: str | None
    destination: str | None
    date: DateRange | None
    first_published: date | None
    last_published: date | None
    reports: int
    documents: int
    conflict: bool
    method: str
    members: list[Member] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "policy_kind": self.policy_kind,
            "status": self.status,
            "people": self.people.to_json() if self.people else None,
            "origin": list(self.origin),
            "location": self.location,
            "destination": self.destination,
            "date": self.date.to_json() if self.date else None,
            "first_published": self.first_published.isoformat() if self.first_published else None,
            "last_published": self.last_published.isoformat() if self.last_published else None,
            "reports": self.reports,
            "documents": self.documents,
            "conflict": self.conflict,
            "method": self.method,
            "members": [m.to_json() for m in self.members],
        }


@dataclass
class SeriesPoint:
    """People counted for one corridor and type over one period (or a longer span).

    ``low``/``high`` bound what the reports establish (``high`` None: open). A point
    whose span is longer than one period holds the part of a running total or a
    multi-period figure that no report places in a single period.
    """

    type: str
    origin: list[str]
    destination: str | None
    location: str | None
    start: date
    end: date
    low: int
    high: int | None
    method: str
    consolidated_ids: list[str]
    span: bool = False  # True when the point covers more than one period

    def to_json(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "origin": list(self.origin),
            "destination": self.destination,
            "location": self.location,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "low": self.low,
            "high": self.high,
            "span": self.span,
            "method": self.method,
            "consolidated_ids": list(self.consolidated_ids),
        }


@dataclass
class ConsolidationReport:
    """What one ``consolidate`` run did, and the totals after it."""

    rebuilt: bool
    new_documents: int = 0
    changed_clusters: int = 0
    reports_recomputed: int = 0
    clusters: int = 0  # duplicate clusters with more than one document
    duplicates: int = 0  # documents that are not their cluster's representative
    consolidated: int = 0
    multi_report: int = 0  # consolidated events told by more than one cluster
    conflicts: int = 0
    events: int = 0
