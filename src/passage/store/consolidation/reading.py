"""Consolidated events read back: lists with filters, one with its members, counts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from passage.consolidate.records import (
    ConsolidatedEvent,
    Member,
)
from passage.model import DateRange, People
from passage.store.consolidation.common import (
    chunks,
    dict_rows,
    parse_date,
    placeholders,
)


@dataclass
class ConsolidatedFilters:
    """Which consolidated events to list (None: any)."""

    type: str | None = None
    origin: str | None = None
    location: str | None = None
    destination: str | None = None
    conflict: bool | None = None
    since: str | None = None  # date_start on or after (ISO)
    until: str | None = None  # date_start on or before (ISO)
    min_reports: int | None = None
    limit: int | None = 50
    offset: int = 0


def consolidated_events(
    conn: sqlite3.Connection, filters: ConsolidatedFilters | None = None
) -> list[ConsolidatedEvent]:
    """Consolidated events matching ``filters``, latest date first, without members."""
    f = filters or ConsolidatedFilters()
    where: list[str] = []
    args: list[Any] = []
    for column in ("type", "location", "destination"):
        value = getattr(f, column)
        if value:
            where.append(f"{column} = ?")
            args.append(value)
    if f.origin:
        where.append("EXISTS (SELECT 1 FROM json_each(origin) WHERE value = ?)")
        args.append(f.origin)
    if f.conflict is not None:
        where.append("conflict = ?")
        args.append(int(f.conflict))
    if f.since:
        where.append("date_start >= ?")
        args.append(f.since)
    if f.until:
        where.append("date_start <= ?")
        args.append(f.until)
    if f.min_reports:
        where.append("reports >= ?")
        args.append(f.min_reports)
    sql = "SELECT * FROM consolidated_events" + (" WHERE " + " AND ".join(where) if where else "")
    sql += " ORDER BY date_start IS NULL, date_start DESC, id"
    if f.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [f.limit, f.offset]
    return [consolidated_from_row(r) for r in dict_rows(conn.execute(sql, args))]


def consolidated_event(conn: sqlite3.Connection, consolidated_id: str) -> ConsolidatedEvent | None:
    """One consolidated event with every report of it (``consolidated_id`` may be a prefix)."""
    rows = dict_rows(
        conn.execute(
            "SELECT * FROM consolidated_events WHERE id LIKE ? ORDER BY id LIMIT 2",
            (consolidated_id + "%",),
        )
    )
    if len(rows) != 1:
        return None
    event = consolidated_from_row(rows[0])
    event.members = members(conn, event.id)
    return event


_MEMBER_ORDER = " ORDER BY published IS NULL, published, doc_id, event_id"


def members(conn: sqlite3.Connection, consolidated_id: str) -> list[Member]:
    cur = conn.execute(
        "SELECT * FROM consolidated_members WHERE consolidated_id = ?" + _MEMBER_ORDER,
        (consolidated_id,),
    )
    return [_member(r) for r in dict_rows(cur)]


def members_of(
    conn: sqlite3.Connection, consolidated_ids: Iterable[str]
) -> dict[str, list[Member]]:
    """The members of several consolidated events (each list in publication order)."""
    out: dict[str, list[Member]] = {}
    for chunk in chunks(consolidated_ids):
        cur = conn.execute(
            "SELECT * FROM consolidated_members"
            f" WHERE consolidated_id IN ({placeholders(len(chunk))})" + _MEMBER_ORDER,
            chunk,
        )
        for r in dict_rows(cur):
            out.setdefault(r["consolidated_id"], []).append(_member(r))
    return out


def _people(r: dict[str, Any], cumulative: bool = False, per: str | None = None) -> People | None:
    if r["people_low"] is None and r["people_high"] is None:
        return None
    return People(r["people_low"], r["people_high"], bool(r["people_approx"]), per, cumulative)  # type: ignore[arg-type]


def consolidated_from_row(r: dict[str, Any]) -> ConsolidatedEvent:
    when = None
    if r["date_start"] or r["date_precision"]:
        when = DateRange(
            parse_date(r["date_start"]), parse_date(r["date_end"]), r["date_precision"]
        )
    return ConsolidatedEvent(
        id=r["id"],
        component=r["component"],
        type=r["type"],
        policy_kind=r["policy_kind"],
        status=r["status"],
        people=_people(r, bool(r["people_cumulative"]), r["people_per"]),
        origin=json.loads(r["origin"]),
        location=r["location"],
        destination=r["destination"],
        date=when,
        first_published=parse_date(r["first_published"]),
        last_published=parse_date(r["last_published"]),
        reports=r["reports"],
        documents=r["documents"],
        conflict=bool(r["conflict"]),
        method=r["method"],
    )


def _member(r: dict[str, Any]) -> Member:
    return Member(
        event_id=r["event_id"],
        doc_id=r["doc_id"],
        cluster_id=r["cluster_id"],
        report_key=r["report_key"],
        relation=r["relation"],
        superseded=bool(r["superseded"]),
        people=_people(r),
        source=r["source"],
        outlet=r["outlet"],
        url=r["url"],
        title=r["title"],
        published=parse_date(r["published"]),
        evidence=json.loads(r["evidence"]),
    )


def member_consolidated_ids(conn: sqlite3.Connection) -> dict[str, str]:
    """event id -> consolidated event id."""
    return dict(
        conn.execute("SELECT event_id, consolidated_id FROM consolidated_members").fetchall()
    )


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Totals after consolidation."""
    one = conn.execute
    return {
        "clusters": one(
            "SELECT COUNT(*) FROM (SELECT cluster_id FROM doc_clusters GROUP BY cluster_id"
            " HAVING COUNT(*) > 1)"
        ).fetchone()[0],
        "duplicates": one(
            "SELECT COUNT(*) FROM doc_clusters WHERE doc_id != cluster_id"
        ).fetchone()[0],
        "consolidated": one("SELECT COUNT(*) FROM consolidated_events").fetchone()[0],
        "multi_report": one(
            "SELECT COUNT(*) FROM consolidated_events WHERE reports > 1"
        ).fetchone()[0],
        "conflicts": one("SELECT COUNT(*) FROM consolidated_events WHERE conflict = 1").fetchone()[
            0
        ],
        "events": one("SELECT COUNT(*) FROM consolidated_members").fetchone()[0],
    }
