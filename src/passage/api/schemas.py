"""Response schemas of the REST API (what clients see), built from the store's named types."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from passage.api import counting
from passage.export import citation
from passage.store import queries


class ErrorPublic(BaseModel):
    error: str = Field(description="machine name: bad_parameter, not_found, no_database")
    param: str | None = Field(None, description="the query parameter at fault")
    message: str


class PeoplePublic(BaseModel):
    low: int | None
    high: int | None
    approx: bool
    per: Literal["day", "week", "month", "year"] | None
    cumulative: bool


class DateRangePublic(BaseModel):
    start: str | None
    end: str | None
    precision: str | None


class ChangePublic(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    factor: float | None = None
    from_: int | None = Field(None, alias="from")
    baseline: str | None = None


class DocumentRefPublic(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: str | None


class SpanPublic(BaseModel):
    field: str = Field(description="'event' for the event's evidence, else the field it supports")
    start: int = Field(description="first code point, into the document's text")
    end: int = Field(description="one past the last code point")
    text: str


class EventPublic(BaseModel):
    id: str
    type: str
    policy_kind: str | None
    status: str
    people: PeoplePublic | None
    origin: list[str]
    location: str | None
    destination: str | None
    places: list[str]
    actor: str | None
    source: str | None
    date: DateRangePublic | None
    date_basis: Literal["event", "published"] | None = Field(
        description="whether the event's time is its own date or its report's publication date"
    )
    change: ChangePublic | None
    evidence: list[SpanPublic]
    document: DocumentRefPublic
    citation: str = Field(description="title, publisher, date, url and the evidence sentence")
    extractor: str
    consolidated_id: str | None = Field(
        description="the consolidated event (one fact across reports) it belongs to;"
        " null until `passage consolidate` has run"
    )


class EventDetailPublic(EventPublic):
    spans: list[SpanPublic] = Field(description="every span: the evidence and each field's source")


class EventsPublic(BaseModel):
    data: list[EventPublic]
    count: int = Field(description="events matching the filters, over all pages")
    limit: int
    offset: int


class DocumentPublic(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    format: str
    chars: int
    events: int


class DocumentsPublic(BaseModel):
    data: list[DocumentPublic]
    count: int
    limit: int
    offset: int


class BlockPublic(BaseModel):
    start: int
    end: int
    kind: str
    reason: str | None


class DocumentDetailPublic(BaseModel):
    id: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    format: str
    chars: int
    text: str
    blocks: list[BlockPublic]
    events: list[EventDetailPublic]


class TallyPublic(BaseModel):
    events: int
    people_low: int
    people_high: int
    open_high: int = Field(description="events with no upper bound: people_high is then a floor")


class BucketPublic(TallyPublic):
    period: str


class SeriesPublic(BaseModel):
    key: str
    values: list[BucketPublic]
    total: TallyPublic


class SeparateFigurePublic(BaseModel):
    id: str
    type: str
    status: str
    key: str
    people_low: int | None
    people_high: int | None
    per: str | None
    cumulative: bool
    start: str | None
    end: str | None


class PeopleAggregatePublic(BaseModel):
    interval: str
    by: str
    method: str = Field(description="how the people were counted")
    summed_statuses: list[str]
    periods: list[str]
    series: list[SeriesPublic]
    summed: TallyPublic
    events: int
    without_figures: int = Field(description="selected events that give no number of people")
    spanning: TallyPublic
    undated: TallyPublic
    rates: list[SeparateFigurePublic]
    running_totals: list[SeparateFigurePublic]
    not_summed_status: list[SeparateFigurePublic]


class CorridorPublic(BaseModel):
    key: str
    origin: list[str]
    start: list[str] = Field(description="the origin, or the country people were sent back from")
    start_role: str | None
    to: str | None
    to_role: str | None
    people_low: int
    people_high: int
    open_high: int
    events: int
    summed_events: int
    without_figures: int
    rates: int
    running_totals: int
    not_summed_status: int
    by_type: dict[str, TallyPublic]


class CorridorsPublic(BaseModel):
    data: list[CorridorPublic]
    count: int
    method: str


class CountryPublic(BaseModel):
    code: str
    name: str
    events: int


class FacetsPublic(BaseModel):
    events: int
    documents: int
    types: dict[str, int]
    statuses: dict[str, int]
    policy_kinds: dict[str, int]
    countries: list[CountryPublic]
    date_min: str | None
    date_max: str | None
    consolidated: int = Field(description="consolidated events; 0 before `passage consolidate`")
    unconsolidated: int = Field(description="events in no consolidated event yet")


# --------------------------------------------------------------------------- builders


def _spans(rec: queries.EventRecord, only_event: bool) -> list[SpanPublic]:
    return [
        SpanPublic(field=s.field, start=s.start, end=s.end, text=s.text)
        for s in rec.spans
        if s.field == "event" or not only_event
    ]


def _event_fields(rec: queries.EventRecord) -> dict[str, object]:
    ev = rec.event
    return {
        "id": rec.id,
        "type": ev.type,
        "policy_kind": ev.policy_kind,
        "status": ev.status,
        "people": PeoplePublic(**ev.people.to_json()) if ev.people else None,
        "origin": ev.origin,
        "location": ev.location,
        "destination": ev.destination,
        "places": ev.places,
        "actor": ev.actor,
        "source": ev.source,
        "date": DateRangePublic(**ev.date.to_json()) if ev.date else None,
        "date_basis": rec.date_basis,
        "change": ChangePublic.model_validate(ev.change.to_json()) if ev.change else None,
        "evidence": _spans(rec, only_event=True),
        "document": DocumentRefPublic(**rec.document.__dict__),
        "citation": citation(rec),
        "extractor": rec.extractor,
        "consolidated_id": rec.consolidated_id,
    }


def event_public(rec: queries.EventRecord) -> EventPublic:
    return EventPublic(**_event_fields(rec))  # type: ignore[arg-type]


def event_detail_public(rec: queries.EventRecord) -> EventDetailPublic:
    return EventDetailPublic(**_event_fields(rec), spans=_spans(rec, only_event=False))  # type: ignore[arg-type]


def document_public(doc: queries.DocumentSummary) -> DocumentPublic:
    return DocumentPublic(**doc.__dict__)


def document_detail_public(doc: queries.DocumentDetail) -> DocumentDetailPublic:
    fields = {k: v for k, v in doc.summary.__dict__.items() if k != "events"}
    return DocumentDetailPublic(
        **fields,
        text=doc.text,
        blocks=[BlockPublic(**b.__dict__) for b in doc.blocks],
        events=[event_detail_public(e) for e in doc.events],
    )


def tally_public(t: counting.Tally) -> TallyPublic:
    return TallyPublic(
        events=t.events, people_low=t.people_low, people_high=t.people_high, open_high=t.open_high
    )


def _separate_public(f: counting.SeparateFigure) -> SeparateFigurePublic:
    return SeparateFigurePublic(
        **{**f.__dict__, "start": _iso(f.start), "end": _iso(f.end)}  # type: ignore[arg-type]
    )


def _iso(day: object) -> str | None:
    return day.isoformat() if day is not None else None  # type: ignore[attr-defined]


def aggregate_public(agg: counting.PeopleAggregate) -> PeopleAggregatePublic:
    return PeopleAggregatePublic(
        interval=agg.interval,
        by=agg.by,
        method=agg.method,
        summed_statuses=agg.summed_statuses,
        periods=agg.periods,
        series=[
            SeriesPublic(
                key=s.key,
                values=[
                    BucketPublic(**tally_public(b).model_dump(), period=b.period) for b in s.values
                ],
                total=tally_public(s.total),
            )
            for s in agg.series
        ],
        summed=tally_public(agg.summed),
        events=agg.events,
        without_figures=agg.without_figures,
        spanning=tally_public(agg.spanning),
        undated=tally_public(agg.undated),
        rates=[_separate_public(f) for f in agg.rates],
        running_totals=[_separate_public(f) for f in agg.running_totals],
        not_summed_status=[_separate_public(f) for f in agg.not_summed_status],
    )


def corridor_public(c: counting.Corridor) -> CorridorPublic:
    return CorridorPublic(
        key=c.key,
        origin=c.origin,
        start=c.start,
        start_role=c.start_role,
        to=c.to,
        to_role=c.to_role,
        people_low=c.summed.people_low,
        people_high=c.summed.people_high,
        open_high=c.summed.open_high,
        events=c.events,
        summed_events=c.summed.events,
        without_figures=c.without_figures,
        rates=c.rates,
        running_totals=c.running_totals,
        not_summed_status=c.not_summed_status,
        by_type={k: tally_public(t) for k, t in c.by_type.items()},
    )
