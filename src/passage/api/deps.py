"""Dependencies shared by the routers: the database connection, filters and paging."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from passage.api.filters import MAX_PEOPLE, MAX_TEXT, build_filters
from passage.model import EVENT_TYPES, POLICY_KINDS, STATUSES
from passage.store import connect_readonly
from passage.store.queries import EventFilters

MAX_LIMIT = 500  # rows per page: enough for a table, small enough to stay fast
MAX_OFFSET = 10**9


def get_conn(request: Request) -> Iterator[sqlite3.Connection]:
    """One read-only connection per request, closed afterwards."""
    conn = connect_readonly(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


ConnDep = Annotated[sqlite3.Connection, Depends(get_conn)]

_LIST = "; several values separated by commas"
_COUNTRY = "ISO alpha-3 code or country name" + _LIST
_DATE_PATTERN = {"pattern": r"^\s*(\d{4}(-\d{1,2}(-\d{1,2})?)?)?\s*$"}


def _one_of(values: tuple[str, ...]) -> dict[str, str]:
    """A pattern documenting a comma-separated list of ``values`` (checked by build_filters,
    which gives a clearer message than a failed pattern would)."""
    word = "(" + "|".join(values) + ")"
    return {"pattern": rf"^\s*({word}(\s*,\s*{word})*)?\s*,?\s*$"}


def event_filters(
    type: Annotated[
        str | None, Query(description="event type" + _LIST, json_schema_extra=_one_of(EVENT_TYPES))
    ] = None,
    policy_kind: Annotated[
        str | None,
        Query(description="policy kind" + _LIST, json_schema_extra=_one_of(POLICY_KINDS)),
    ] = None,
    status: Annotated[
        str | None,
        Query(
            description="occurred, ongoing, planned" + _LIST, json_schema_extra=_one_of(STATUSES)
        ),
    ] = None,
    origin: Annotated[str | None, Query(description="people's origin: " + _COUNTRY)] = None,
    location: Annotated[str | None, Query(description="where it happened: " + _COUNTRY)] = None,
    destination: Annotated[str | None, Query(description="where people went: " + _COUNTRY)] = None,
    country: Annotated[
        str | None, Query(description="origin, location or destination: " + _COUNTRY)
    ] = None,
    date_from: Annotated[
        str | None,
        Query(
            description="events overlapping from this day (YYYY[-MM[-DD]])",
            json_schema_extra=_DATE_PATTERN,
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        Query(
            description="events overlapping until this day (YYYY[-MM[-DD]])",
            json_schema_extra=_DATE_PATTERN,
        ),
    ] = None,
    min_people: Annotated[
        int | None, Query(ge=0, le=MAX_PEOPLE, description="at least this many people")
    ] = None,
    actor: Annotated[
        str | None, Query(description="substring of the actor, any case", max_length=MAX_TEXT)
    ] = None,
    source: Annotated[
        str | None, Query(description="substring of the source, any case", max_length=MAX_TEXT)
    ] = None,
    q: Annotated[
        str | None, Query(description="words in the evidence text", max_length=MAX_TEXT)
    ] = None,
) -> EventFilters:
    return build_filters(
        type=type,
        policy_kind=policy_kind,
        status=status,
        origin=origin,
        location=location,
        destination=destination,
        country=country,
        date_from=date_from,
        date_to=date_to,
        min_people=min_people,
        actor=actor,
        source=source,
        q=q,
    )


FiltersDep = Annotated[EventFilters, Depends(event_filters)]


@dataclass(frozen=True)
class Page:
    limit: int
    offset: int


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = 50,
    page: Annotated[int | None, Query(ge=1, le=10**6, description="1-based page number")] = None,
    offset: Annotated[
        int | None, Query(ge=0, le=MAX_OFFSET, description="rows to skip (instead of page)")
    ] = None,
) -> Page:
    if offset is None:
        offset = ((page or 1) - 1) * limit
    return Page(limit=limit, offset=offset)


PageDep = Annotated[Page, Depends(page_params)]
