"""Consolidation: one fact, one event across reports.

- duplicate documents (syndicated copies, updated versions) are clustered with
  MinHash/LSH over their clean body text and never count twice;
- events that report the same fact merge into one consolidated event listing
  every report, with conflicting figures kept side by side and flagged;
- series per corridor and type combine singles, rates and running totals
  without double counting.

Example::

    from passage.store import Store
    from passage.consolidate import consolidate, consolidated_events, series

    store = Store("passage.db")
    print(consolidate(store.conn))
    for ev in consolidated_events(store.conn, type="removal", conflict=True):
        print(ev.id, ev.people, ev.reports)
    for point in series(store.conn, type="removal", destination="CHN"):
        print(point.start, point.low, point.high, point.method)
"""

from __future__ import annotations

import sqlite3

from passage.consolidate.records import (
    ClusterRow,
    ConsolidatedEvent,
    ConsolidationReport,
    Member,
    SeriesPoint,
)
from passage.consolidate.run import consolidate
from passage.consolidate.series import INTERVALS, series
from passage.store import consolidation as _sql


def consolidated_events(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    origin: str | None = None,
    location: str | None = None,
    destination: str | None = None,
    conflict: bool | None = None,
    since: str | None = None,
    until: str | None = None,
    min_reports: int | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[ConsolidatedEvent]:
    """Consolidated events (without members), latest first; every filter is optional.

    ``since``/``until`` are ISO dates compared with the event's start date;
    ``min_reports`` keeps facts told by at least that many duplicate clusters.
    """
    filters = _sql.ConsolidatedFilters(
        type=type,
        origin=origin,
        location=location,
        destination=destination,
        conflict=conflict,
        since=since,
        until=until,
        min_reports=min_reports,
        limit=limit,
        offset=offset,
    )
    return _sql.consolidated_events(conn, filters)


def consolidated_event(conn: sqlite3.Connection, consolidated_id: str) -> ConsolidatedEvent | None:
    """One consolidated event with its members (``consolidated_id`` may be a unique prefix)."""
    return _sql.consolidated_event(conn, consolidated_id)


def document_cluster(conn: sqlite3.Connection, doc_id: str) -> list[ClusterRow]:
    """Every document of ``doc_id``'s duplicate cluster (empty when not consolidated yet)."""
    row = _sql.cluster_rows(conn, [doc_id]).get(doc_id)
    return _sql.cluster_members(conn, [row.cluster_id]) if row else []


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """clusters, duplicates, consolidated, multi_report, conflicts, events."""
    return _sql.counts(conn)


__all__ = [
    "INTERVALS",
    "ClusterRow",
    "ConsolidatedEvent",
    "ConsolidationReport",
    "Member",
    "SeriesPoint",
    "consolidate",
    "consolidated_event",
    "consolidated_events",
    "counts",
    "document_cluster",
    "series",
]
