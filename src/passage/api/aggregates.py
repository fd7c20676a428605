"""GET /aggregates/people, /corridors and /facets: honest counts and what can be filtered."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from passage.api import counting
from passage.api.deps import ConnDep, FiltersDep
from passage.api.schemas import (
    CorridorsPublic,
    CountryPublic,
    FacetsPublic,
    PeopleAggregatePublic,
    aggregate_public,
    corridor_public,
)
from passage.store import queries

router = APIRouter(tags=["aggregates"])

MAX_CORRIDORS = 500


@router.get("/aggregates/people", response_model=PeopleAggregatePublic)
def people(
    conn: ConnDep,
    filters: FiltersDep,
    interval: Annotated[Literal["week", "month", "year"], Query()] = "month",
    by: Annotated[Literal["type", "corridor"], Query()] = "type",
):
    """People per period by event type or corridor, and how they were counted (``method``).

    Only single events are summed (no rate, no running total, status occurred or
    ongoing unless ``status`` says otherwise); the others are listed separately.
    """
    rows = queries.figure_rows(conn, filters)
    agg = counting.aggregate_people(rows, interval=interval, by=by, statuses=filters.statuses)
    return aggregate_public(agg)


@router.get("/corridors", response_model=CorridorsPublic)
def corridors(
    conn: ConnDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_CORRIDORS)] = 50,
):
    """Corridors (origin → destination, or → location when no destination), ranked by people.

    People sent back to their own country start from where they were sent back from.
    """
    ranked = counting.rank_corridors(queries.figure_rows(conn, filters), statuses=filters.statuses)
    statuses = filters.statuses or counting.DEFAULT_SUMMED_STATUSES
    method = (
        f"people = sum of single events (status {', '.join(statuses)}) across the selected"
        " types; rates, running totals and events of other statuses counted, not summed"
    )
    return CorridorsPublic(
        data=[corridor_public(c) for c in ranked[:limit]], count=len(ranked), method=method
    )


@cache
def country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


@router.get("/facets", response_model=FacetsPublic)
def facets(conn: ConnDep):
    """What the database holds: types, statuses, countries (with names) and the date span."""
    f = queries.facets(conn)
    return FacetsPublic(
        events=f.events,
        documents=f.documents,
        types=f.types,
        statuses=f.statuses,
        policy_kinds=f.policy_kinds,
        countries=[
            CountryPublic(code=c, name=country_name(c), events=n) for c, n in f.countries.items()
        ],
        date_min=f.date_min,
        date_max=f.date_max,
    )
