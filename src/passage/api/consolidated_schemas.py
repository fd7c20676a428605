"""Response schemas of consolidated events (one fact across its reports), and their builders."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from passage.api.counting import corridor_of
from passage.api.schemas import DateRangePublic, PeoplePublic
from passage.consolidate.records import ConsolidatedEvent, Member
from passage.store.queries import FigureRow


class QuotePublic(BaseModel):
    start: int = Field(description="first code point, into the report's text")
    end: int = Field(description="one past the last code point")
    text: str


class ReportDocumentPublic(BaseModel):
    id: str
    url: str | None
    title: str | None
    outlet: str | None = Field(description="the site it was published on, else its input file")
    published: str | None


class FirstReportPublic(BaseModel):
    event_id: str
    document: ReportDocumentPublic
    evidence: list[QuotePublic]


class MemberPublic(FirstReportPublic):
    """One report's event inside a consolidated event: its own figure, source and evidence."""

    cluster_id: str = Field(description="its duplicate cluster: copies of one text share it")
    relation: str = Field(description="same (the cluster's representative), copy or version")
    superseded: bool = Field(description="a later version of the same article replaces it")
    people: PeoplePublic | None = Field(description="the figure this report gives")
    source: str | None = Field(description="who this report attributes the figure to")


class ConsolidatedPublic(BaseModel):
    id: str
    type: str
    policy_kind: str | None
    status: str
    people: PeoplePublic | None = Field(
        description="the fact's figure: low and high span every report's figure"
    )
    reported_low: int | None = Field(description="the lowest figure a current report gives")
    reported_high: int | None = Field(
        description="the highest figure a current report gives (null: one gives no upper bound)"
    )
    conflict: bool = Field(description="the reports' figures disagree")
    method: str = Field(description="how the reports' figures were combined")
    reports: int = Field(description="reports of the fact (copies of one text count once)")
    documents: int = Field(description="documents that report it")
    origin: list[str]
    location: str | None
    destination: str | None
    corridor: str = Field(description="origin → destination (→ location when none)")
    date: DateRangePublic | None
    date_basis: Literal["event", "published"] | None = Field(
        description="whether the time is the event's date or its first report's publication"
    )
    first_published: str | None
    last_published: str | None
    sources: list[str] = Field(description="who the reports attribute figures to")
    first_report: FirstReportPublic | None = Field(
        description="the earliest current report, with its evidence"
    )


class ConsolidatedDetailPublic(ConsolidatedPublic):
    members: list[MemberPublic] = Field(description="every report of the fact, earliest first")


class ConsolidatedListPublic(BaseModel):
    data: list[ConsolidatedPublic]
    count: int = Field(description="consolidated events matching the filters, over all pages")
    limit: int
    offset: int
    unconsolidated_events: int = Field(
        description="events in no consolidated event yet (run `passage consolidate`)"
    )
    note: str | None = Field(description="why some events are not listed here, if any are not")


# --------------------------------------------------------------------------- builders


def _iso(day: object) -> str | None:
    return day.isoformat() if day is not None else None  # type: ignore[attr-defined]


def _document(m: Member) -> ReportDocumentPublic:
    return ReportDocumentPublic(
        id=m.doc_id, url=m.url, title=m.title, outlet=m.outlet, published=_iso(m.published)
    )


def _quotes(m: Member) -> list[QuotePublic]:
    return [QuotePublic(start=q[0], end=q[1], text=q[2]) for q in m.evidence]


def first_report(c: ConsolidatedEvent) -> Member | None:
    """The earliest report that no later version replaces (members come earliest first)."""
    current = [m for m in c.members if not m.superseded and m.evidence]
    return next(iter(current or [m for m in c.members if m.evidence]), None)


def corridor(c: ConsolidatedEvent) -> str:
    row = FigureRow(
        id=c.id,
        type=c.type,
        status=c.status,
        people_low=None,
        people_high=None,
        per=None,
        cumulative=False,
        origin=c.origin,
        location=c.location,
        destination=c.destination,
        when_start=None,
        when_end=None,
    )
    return corridor_of(row).key


def consolidated_public(c: ConsolidatedEvent) -> ConsolidatedPublic:
    return ConsolidatedPublic(**_fields(c))  # type: ignore[arg-type]


def consolidated_detail_public(c: ConsolidatedEvent) -> ConsolidatedDetailPublic:
    members = [
        MemberPublic(
            event_id=m.event_id,
            document=_document(m),
            evidence=_quotes(m),
            cluster_id=m.cluster_id,
            relation=m.relation,
            superseded=m.superseded,
            people=PeoplePublic(**m.people.to_json()) if m.people else None,
            source=m.source,
        )
        for m in c.members
    ]
    return ConsolidatedDetailPublic(**_fields(c), members=members)  # type: ignore[arg-type]


def _reported(c: ConsolidatedEvent) -> dict[str, int | None]:
    """The range of the figures current reports give (superseded versions left out)."""
    figures = [m.people for m in c.members if m.people and not m.superseded]
    lows = [p.low for p in figures if p.low is not None]
    highs = [p.high for p in figures if p.high is not None]
    open_high = len(highs) < len(figures)
    return {
        "reported_low": min(lows, default=None),
        "reported_high": None if open_high else max(highs, default=None),
    }


def _fields(c: ConsolidatedEvent) -> dict[str, object]:
    first = first_report(c)
    basis: Literal["event", "published"] | None = None
    if c.date and (c.date.start or c.date.end):
        basis = "event"
    elif c.first_published:
        basis = "published"
    return {
        "id": c.id,
        "type": c.type,
        "policy_kind": c.policy_kind,
        "status": c.status,
        "people": PeoplePublic(**c.people.to_json()) if c.people else None,
        **_reported(c),
        "conflict": c.conflict,
        "method": c.method,
        "reports": c.reports,
        "documents": c.documents,
        "origin": c.origin,
        "location": c.location,
        "destination": c.destination,
        "corridor": corridor(c),
        "date": DateRangePublic(**c.date.to_json()) if c.date else None,
        "date_basis": basis,
        "first_published": _iso(c.first_published),
        "last_published": _iso(c.last_published),
        "sources": list(dict.fromkeys(m.source for m in c.members if m.source)),
        "first_report": None
        if first is None
        else FirstReportPublic(
            event_id=first.event_id, document=_document(first), evidence=_quotes(first)
        ),
    }
