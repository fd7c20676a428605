"""GET /aggregates/people, /corridors and /facets: honest counts and what can be filtered."""

from __future__ import annotations

import sqlite3
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
from passage.store.consolidation.listing import FACTS
from passage.store.queries import EventFilters, FigureRow

router = APIRouter(tags=["aggregates"])

MAX_CORRIDORS = 500
FACTS_METHOD = (
    "each fact counted once (its reports merged by `passage consolidate`;"
    " the range of their figures when they disagree); "
)

Unit = Literal["reports", "facts"]
UnitParam = Annotated[
    Unit,
    Query(
        description="reports: every report's event counts; facts: each consolidated event"
        " (one fact, however many reports tell it) counts once"
    ),
]


def _rows(conn: sqlite3.Connection, filters: EventFilters, unit: Unit) -> list[FigureRow]:
    scope = FACTS if unit == "facts" else queries.EVENTS
    return queries.figure_rows(conn, filters, scope)


@router.get("/aggregates/people", response_model=PeopleAggregatePublic)
def people(
    conn: ConnDep,
    filters: FiltersDep,
    interval: Annotated[Literal["week", "month", "year"], Query()] = "month",
    by: Annotated[Literal["type", "corridor"], Query()] = "type",
    unit: UnitParam = "reports",
):
    """People per period by event type or corridor, and how they were counted (``method``).

    Only single events are summed (no rate, no running total, status occurred or
    ongoing unless ``status`` says otherwise); the others are listed separately.
    With ``unit=facts``, consolidated events are counted: one per fact.
    """
    rows = _rows(conn, filters, unit)
    agg = counting.aggregate_people(rows, interval=interval, by=by, statuses=filters.statuses)
    if unit == "facts":
        agg.method = FACTS_METHOD + agg.method
    return aggregate_public(agg)


@router.get("/corridors", response_model=CorridorsPublic)
def corridors(
    conn: ConnDep,
    filters: FiltersDep,
    limit: Annotated[int, Query(ge=1, le=MAX_CORRIDORS)] = 50,
    unit: UnitParam = "reports",
):
    """Corridors (origin → destination, or → location when no destination), ranked by people.

    People sent back to their own country start from where they were sent back from.
    """
    ranked = counting.rank_corridors(_rows(conn, filters, unit), statuses=filters.statuses)
    statuses = filters.statuses or counting.DEFAULT_SUMMED_STATUSES
    method = (FACTS_METHOD if unit == "facts" else "") + (
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
    """What the database holds: types, statuses, countries (with names), the date span, and
    how many consolidated events (facts) there are and events not consolidated yet."""
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
        consolidated=f.consolidated,
        unconsolidated=f.unconsolidated,
    )
