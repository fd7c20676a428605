"""Consolidated events as the API and the dashboard list them.

They take the events' filters (:class:`passage.store.queries.EventFilters`): a
consolidated event is selected by its own type, status, countries, date and
figure, and by what its reports say for actor, source and evidence text (any
report matching is enough). Its time is its date range, else its first report's
publication date.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from passage.consolidate.records import ConsolidatedEvent
from passage.store.consolidation.common import dict_rows
from passage.store.consolidation.reading import consolidated_from_row, members_of
from passage.store.queries import LIKE, EventFilters, Scope, unconsolidated_events, where


def _any_report(join: str, condition: str) -> str:
    """A condition on the event's reports: true when one of them meets it."""
    return (
        f"EXISTS (SELECT 1 FROM consolidated_members m {join}"
        f" WHERE m.consolidated_id = e.id AND {condition})"
    )


FACTS = Scope(
    table=" FROM consolidated_events e",
    when_start="COALESCE(e.date_start, e.date_end, e.first_published)",
    when_end="COALESCE(e.date_end, e.date_start, e.first_published)",
    people="COALESCE(e.people_low, e.people_high)",
    actor=_any_report("JOIN events x ON x.id = m.event_id", f"x.actor {LIKE}"),
    source=_any_report("", f"m.source {LIKE}"),
    text=_any_report(
        "JOIN evidence v ON v.event_id = m.event_id", f"v.field = 'event' AND v.text {LIKE}"
    ),
    doc=_any_report("", "m.doc_id = ?"),
)

ConsolidatedSort = Literal[
    "date", "-date", "people", "-people", "type", "-type", "reports", "-reports"
]
CONSOLIDATED_SORTS: dict[str, str] = {
    **FACTS.sorts(),
    "reports": f"e.reports ASC, {FACTS.when_start} DESC NULLS LAST, e.id",
    "-reports": f"e.reports DESC, {FACTS.when_start} DESC NULLS LAST, e.id",
}


@dataclass
class ConsolidatedPage:
    """One page of consolidated events, each with its members, and how many match in all."""

    count: int
    events: list[ConsolidatedEvent]


def list_consolidated(
    conn: sqlite3.Connection,
    filters: EventFilters,
    *,
    conflict: bool | None = None,
    min_reports: int | None = None,
    sort: ConsolidatedSort = "-date",
    limit: int = 50,
    offset: int = 0,
) -> ConsolidatedPage:
    """Consolidated events matching ``filters`` (and ``conflict``, at least ``min_reports``)."""
    w = where(filters, FACTS)
    sql, args = w.sql, list(w.args)
    extra = []
    if conflict is not None:
        extra.append("e.conflict = ?")
        args.append(int(conflict))
    if min_reports is not None:
        extra.append("e.reports >= ?")
        args.append(min_reports)
    if extra:
        sql += (" AND " if sql else " WHERE ") + " AND ".join(extra)
    base = FACTS.table + sql
    count = conn.execute("SELECT COUNT(*)" + base, args).fetchone()[0]
    rows = dict_rows(
        conn.execute(
            f"SELECT e.*{base} ORDER BY {CONSOLIDATED_SORTS[sort]} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        )
    )
    events = [consolidated_from_row(r) for r in rows]
    reports = members_of(conn, [e.id for e in events])
    for event in events:
        event.members = reports.get(event.id, [])
    return ConsolidatedPage(count=int(count), events=events)


@dataclass(frozen=True)
class Coverage:
    """How far consolidation has gone: facts stored, and events in none of them yet."""

    consolidated: int
    unconsolidated: int


def coverage(conn: sqlite3.Connection) -> Coverage:
    consolidated = conn.execute("SELECT COUNT(*) FROM consolidated_events").fetchone()[0]
    return Coverage(int(consolidated), unconsolidated_events(conn))
