"""GET /consolidated and /consolidated/{id}: one fact across every report of it.

`passage consolidate` merges the events of several reports of one fact into a
consolidated event; /events keeps every report's event, each naming its
``consolidated_id``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query

from passage.api.consolidated_schemas import (
    ConsolidatedDetailPublic,
    ConsolidatedListPublic,
    consolidated_detail_public,
    consolidated_public,
)
from passage.api.deps import ConnDep, FiltersDep, PageDep
from passage.consolidate import consolidated_event
from passage.store.consolidation.listing import ConsolidatedSort, coverage, list_consolidated

router = APIRouter(prefix="/consolidated", tags=["consolidated"])

MAX_REPORTS = 10**6
ID_PATTERN = r"^[0-9a-fA-F]{4,16}$"  # a consolidated id (16 hex digits) or a unique prefix of it

SortParam = Annotated[
    ConsolidatedSort,
    Query(description="date, people, type or reports; a leading - sorts descending"),
]


def _note(consolidated: int, pending: int) -> str | None:
    if pending and not consolidated:
        return (
            "no consolidated events yet: run `passage consolidate --db …`;"
            " every report's event is at /api/v1/events"
        )
    if pending:
        return (
            f"{pending} events are in no consolidated event yet: run `passage consolidate`"
            " to add them; /api/v1/events lists every event"
        )
    return None


@router.get("", response_model=ConsolidatedListPublic)
def list_consolidated_events(
    conn: ConnDep,
    filters: FiltersDep,
    page: PageDep,
    sort: SortParam = "-date",
    conflict: Annotated[
        bool | None, Query(description="true: only facts whose reports' figures disagree")
    ] = None,
    min_reports: Annotated[
        int | None, Query(ge=1, le=MAX_REPORTS, description="told by at least this many reports")
    ] = None,
):
    """Consolidated events (one per fact) matching the filters, with the total count.

    The filters are those of /events: type, status, countries, dates and people
    read the consolidated event; actor, source and q match when any report does.
    """
    found = list_consolidated(
        conn,
        filters,
        conflict=conflict,
        min_reports=min_reports,
        sort=sort,
        limit=page.limit,
        offset=page.offset,
    )
    cover = coverage(conn)
    return ConsolidatedListPublic(
        data=[consolidated_public(c) for c in found.events],
        count=found.count,
        limit=page.limit,
        offset=page.offset,
        unconsolidated_events=cover.unconsolidated,
        note=_note(cover.consolidated, cover.unconsolidated),
    )


@router.get("/{consolidated_id}", response_model=ConsolidatedDetailPublic)
def get_consolidated_event(
    conn: ConnDep,
    consolidated_id: Annotated[
        str,
        Path(
            pattern=ID_PATTERN,
            description="the consolidated id, or a unique prefix of at least 4 hex digits",
        ),
    ],
):
    """One consolidated event and every report of it: each report's event id, document,
    own figure, source, and evidence with its offsets into that document's text."""
    event = consolidated_event(conn, consolidated_id.lower())
    if event is None:
        raise HTTPException(
            404, f"no consolidated event {consolidated_id!r} (or more than one with that prefix)"
        )
    return consolidated_detail_public(event)
