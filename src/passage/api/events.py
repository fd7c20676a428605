"""GET /events and /events/{id}: the events, filtered, sorted and paged."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from passage.api.deps import ConnDep, FiltersDep, PageDep
from passage.api.schemas import EventDetailPublic, EventsPublic, event_detail_public, event_public
from passage.store import queries

router = APIRouter(prefix="/events", tags=["events"])

SortParam = Annotated[
    Literal["date", "-date", "people", "-people", "type", "-type"],
    Query(description="date, people or type; a leading - sorts descending"),
]


@router.get("", response_model=EventsPublic)
def list_events(conn: ConnDep, filters: FiltersDep, page: PageDep, sort: SortParam = "-date"):
    """Events matching the filters, one page of them, with the total count."""
    found = queries.list_events(conn, filters, sort=sort, limit=page.limit, offset=page.offset)
    return EventsPublic(
        data=[event_public(r) for r in found.events],
        count=found.count,
        limit=page.limit,
        offset=page.offset,
    )


@router.get("/{event_id}", response_model=EventDetailPublic)
def get_event(event_id: str, conn: ConnDep):
    """One event: every field, every span with its text, and its report."""
    rec = queries.get_event(conn, event_id)
    if rec is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event_detail_public(rec)
