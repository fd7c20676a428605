"""The SQL of consolidation: signatures, duplicate clusters, consolidated events.

Functions take a connection (the store's, or a read-only one for the API) and
return the named types of :mod:`passage.consolidate.records`. Rows are read by
column name whatever the connection's ``row_factory``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from passage.consolidate.records import (
    ClusterRow,
    ConsolidatedEvent,
    DocMeta,
    DocSignature,
    EventRecord,
    Member,
    ReportBlock,
)
from passage.model import DateRange, People, Span
from passage.store.sqlite import event_from_row

_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


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


def _rows(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    items = sorted(set(ids))
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


@contextmanager
def write(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of a consolidation run is kept, or none of it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def clear(conn: sqlite3.Connection) -> None:
    """Forget every consolidation result (``--rebuild``)."""
    for table in (
        "report_blocks",
        "consolidated_members",
        "consolidated_events",
        "doc_clusters",
        "doc_signatures",
    ):
        conn.execute(f"DELETE FROM {table}")


# --------------------------------------------------------------------------- documents


def unsigned_documents(conn: sqlite3.Connection) -> list[str]:
    """Documents that have no signature yet (new since the last consolidation)."""
    cur = conn.execute(
        "SELECT id FROM documents d WHERE NOT EXISTS"
        " (SELECT 1 FROM doc_signatures s WHERE s.doc_id = d.id) ORDER BY rowid"
    )
    return [r[0] for r in cur.fetchall()]


def body_texts(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, str]:
    """Each document's body blocks (captions and clutter left out), one per line."""
    out: dict[str, str] = {}
    for chunk in _chunks(doc_ids):
        texts = dict(
            conn.execute(
                f"SELECT id, text FROM documents WHERE id IN ({_marks(len(chunk))})", chunk
            ).fetchall()
        )
        parts: dict[str, list[str]] = {doc_id: [] for doc_id in texts}
        for doc_id, start, end in conn.execute(
            "SELECT doc_id, start_char, end_char FROM blocks WHERE kind = 'body'"
            f" AND doc_id IN ({_marks(len(chunk))}) ORDER BY doc_id, idx",
            chunk,
        ):
            parts[doc_id].append(texts[doc_id][start:end])
        out.update({doc_id: "\n".join(lines) for doc_id, lines in parts.items()})
    return out


def save_signatures(
    conn: sqlite3.Connection, signatures: Sequence[DocSignature], scheme: str
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO doc_signatures (doc_id, scheme, signature, body_hash, shingles)"
        " VALUES (?,?,?,?,?)",
        [(s.doc_id, scheme, s.hashvalues, s.body_hash, s.shingles) for s in signatures],
    )


def load_signatures(conn: sqlite3.Connection, scheme: str) -> list[DocSignature]:
    """Every stored signature made with ``scheme`` (others are ignored)."""
    cur = conn.execute(
        "SELECT doc_id, signature, body_hash, shingles FROM doc_signatures WHERE scheme = ?"
        " ORDER BY doc_id",
        (scheme,),
    )
    return [DocSignature(r[0], r[1], r[2], r[3]) for r in cur.fetchall()]


def signed_documents(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM doc_signatures").fetchone()[0]


def stale_signatures(conn: sqlite3.Connection, scheme: str) -> int:
    """Signatures made with another scheme (a rebuild is needed to compare them)."""
    return conn.execute(
        "SELECT COUNT(*) FROM doc_signatures WHERE scheme != ?", (scheme,)
    ).fetchone()[0]


def documents_meta(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, DocMeta]:
    out: dict[str, DocMeta] = {}
    for chunk in _chunks(doc_ids):
        cur = conn.execute(
            "SELECT d.rowid AS n, d.id, d.published, d.url, d.title, d.version_key,"
            " (SELECT path FROM document_sources s WHERE s.doc_id = d.id"
            "  ORDER BY path, record LIMIT 1) AS path"
            f" FROM documents d WHERE d.id IN ({_marks(len(chunk))})",
            chunk,
        )
        for r in _rows(cur):
            host = urlsplit(r["url"]).hostname if r["url"] else None
            out[r["id"]] = DocMeta(
                id=r["id"],
                published=_date(r["published"]),
                url=r["url"],
                title=r["title"],
                version_key=r["version_key"],
                order=r["n"],
                outlet=host.removeprefix("www.") if host else r["path"],
            )
    return out


def cluster_rows(
    conn: sqlite3.Connection, doc_ids: Iterable[str] | None = None
) -> dict[str, ClusterRow]:
    """Documents' cluster rows (all when ``doc_ids`` is None), by document id."""
    sql = "SELECT doc_id, cluster_id, similarity, relation FROM doc_clusters"
    if doc_ids is None:
        return {r[0]: ClusterRow(*r) for r in conn.execute(sql).fetchall()}
    out: dict[str, ClusterRow] = {}
    for chunk in _chunks(doc_ids):
        cur = conn.execute(sql + f" WHERE doc_id IN ({_marks(len(chunk))})", chunk)
        out.update({r[0]: ClusterRow(*r) for r in cur.fetchall()})
    return out


def cluster_members(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> list[ClusterRow]:
    out: list[ClusterRow] = []
    for chunk in _chunks(cluster_ids):
        cur = conn.execute(
            "SELECT doc_id, cluster_id, similarity, relation FROM doc_clusters"
            f" WHERE cluster_id IN ({_marks(len(chunk))}) ORDER BY cluster_id, doc_id",
            chunk,
        )
        out += [ClusterRow(*r) for r in cur.fetchall()]
    return out


def save_clusters(conn: sqlite3.Connection, rows: Sequence[ClusterRow]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO doc_clusters (doc_id, cluster_id, similarity, relation)"
        " VALUES (?,?,?,?)",
        [(r.doc_id, r.cluster_id, r.similarity, r.relation) for r in rows],
    )


# --------------------------------------------------------------------------- events


def changed_event_docs(conn: sqlite3.Connection) -> set[str]:
    """Documents with events not consolidated as they now stand, or consolidated events gone."""
    fresh = conn.execute(
        "SELECT DISTINCT e.doc_id FROM events e LEFT JOIN consolidated_members m"
        " ON m.event_id = e.id AND m.event_created_at = e.created_at WHERE m.event_id IS NULL"
    ).fetchall()
    gone = conn.execute(
        "SELECT DISTINCT m.doc_id FROM consolidated_members m LEFT JOIN events e"
        " ON e.id = m.event_id AND e.created_at = m.event_created_at WHERE e.id IS NULL"
    ).fetchall()
    return {r[0] for r in fresh} | {r[0] for r in gone}


def event_docs(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT doc_id FROM events ORDER BY doc_id")]


def event_records(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[EventRecord]:
    """The stored events of these documents, with their documents' metadata."""
    doc_ids = sorted(set(doc_ids))
    metas = documents_meta(conn, doc_ids)
    out: list[EventRecord] = []
    for chunk in _chunks(doc_ids):
        rows = _rows(
            conn.execute(
                f"SELECT * FROM events WHERE doc_id IN ({_marks(len(chunk))}) ORDER BY doc_id, idx",
                chunk,
            )
        )
        spans: dict[str, dict[str, list[Span]]] = {}
        texts: dict[str, list[str]] = {}
        for r in _rows(
            conn.execute(
                "SELECT v.event_id, v.field, v.start_char, v.end_char, v.text FROM evidence v"
                f" JOIN events e ON e.id = v.event_id WHERE e.doc_id IN ({_marks(len(chunk))})"
                " ORDER BY v.event_id, v.field, v.idx",
                chunk,
            )
        ):
            by_field = spans.setdefault(r["event_id"], {})
            by_field.setdefault(r["field"], []).append(Span(r["start_char"], r["end_char"]))
            if r["field"] == "event":
                texts.setdefault(r["event_id"], []).append(r["text"])
        for r in rows:
            out.append(
                EventRecord(
                    id=r["id"],
                    doc=metas[r["doc_id"]],
                    idx=r["idx"],
                    event=event_from_row(r, spans.get(r["id"], {})),  # type: ignore[arg-type]
                    created_at=r["created_at"],
                    evidence_text=texts.get(r["id"], []),
                )
            )
    return out


def candidate_clusters(
    conn: sqlite3.Connection, blocks: Sequence[str], months: Sequence[str]
) -> set[str]:
    """Clusters with a consolidated report in one of ``blocks`` touching one of ``months``."""
    if not blocks or not months:
        return set()
    cur = conn.execute(
        f"SELECT DISTINCT cluster_id FROM report_blocks WHERE block IN ({_marks(len(blocks))})"
        f" AND month IN ({_marks(len(months))})",
        [*blocks, *months],
    )
    return {r[0] for r in cur.fetchall()}


def save_report_blocks(conn: sqlite3.Connection, rows: Sequence[ReportBlock]) -> None:
    conn.executemany(
        "INSERT INTO report_blocks (consolidated_id, cluster_id, block, month) VALUES (?,?,?,?)",
        [(r.consolidated_id, r.cluster_id, r.block, r.month) for r in rows],
    )


# --------------------------------------------------------------------------- consolidated


def components_of_docs(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(doc_ids):
        cur = conn.execute(
            "SELECT DISTINCT c.component FROM consolidated_members m JOIN consolidated_events c"
            f" ON c.id = m.consolidated_id WHERE m.doc_id IN ({_marks(len(chunk))})",
            chunk,
        )
        out |= {r[0] for r in cur.fetchall()}
    return out


def components_of_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(event_ids):
        cur = conn.execute(
            "SELECT DISTINCT c.component FROM consolidated_members m JOIN consolidated_events c"
            f" ON c.id = m.consolidated_id WHERE m.event_id IN ({_marks(len(chunk))})",
            chunk,
        )
        out |= {r[0] for r in cur.fetchall()}
    return out


def docs_of_components(conn: sqlite3.Connection, components: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for chunk in _chunks(components):
        cur = conn.execute(
            "SELECT DISTINCT m.doc_id FROM consolidated_members m JOIN consolidated_events c"
            f" ON c.id = m.consolidated_id WHERE c.component IN ({_marks(len(chunk))})",
            chunk,
        )
        out |= {r[0] for r in cur.fetchall()}
    return out


def delete_components(conn: sqlite3.Connection, components: Iterable[str]) -> None:
    for chunk in _chunks(components):
        marks = _marks(len(chunk))
        conn.execute(
            "DELETE FROM report_blocks WHERE consolidated_id IN"
            f" (SELECT id FROM consolidated_events WHERE component IN ({marks}))",
            chunk,
        )
        conn.execute(
            "DELETE FROM consolidated_members WHERE consolidated_id IN"
            f" (SELECT id FROM consolidated_events WHERE component IN ({marks}))",
            chunk,
        )
        conn.execute(f"DELETE FROM consolidated_events WHERE component IN ({marks})", chunk)


def save_consolidated(conn: sqlite3.Connection, events: Sequence[ConsolidatedEvent]) -> None:
    conn.executemany(
        "INSERT INTO consolidated_events (id, component, type, policy_kind, status, people_low,"
        " people_high, people_approx, people_per, people_cumulative, origin, location,"
        " destination, date_start, date_end, date_precision, first_published, last_published,"
        " reports, documents, conflict, method) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [_consolidated_row(c) for c in events],
    )
    conn.executemany(
        "INSERT INTO consolidated_members (event_id, consolidated_id, event_created_at, doc_id,"
        " cluster_id, report_key, relation, superseded, people_low, people_high, people_approx,"
        " source, outlet, url, title, published, evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [_member_row(c.id, m) for c in events for m in c.members],
    )


def _consolidated_row(c: ConsolidatedEvent) -> tuple[Any, ...]:
    p, d = c.people, c.date
    return (
        c.id,
        c.component,
        c.type,
        c.policy_kind,
        c.status,
        p.low if p else None,
        p.high if p else None,
        int(p.approx) if p else None,
        p.per if p else None,
        int(p.cumulative) if p else None,
        json.dumps(c.origin),
        c.location,
        c.destination,
        _iso(d.start) if d else None,
        _iso(d.end) if d else None,
        d.precision if d else None,
        _iso(c.first_published),
        _iso(c.last_published),
        c.reports,
        c.documents,
        int(c.conflict),
        c.method,
    )


def _member_row(consolidated_id: str, m: Member) -> tuple[Any, ...]:
    p = m.people
    return (
        m.event_id,
        consolidated_id,
        m.created_at,
        m.doc_id,
        m.cluster_id,
        m.report_key,
        m.relation,
        int(m.superseded),
        p.low if p else None,
        p.high if p else None,
        int(p.approx) if p else None,
        m.source,
        m.outlet,
        m.url,
        m.title,
        _iso(m.published),
        json.dumps(m.evidence, ensure_ascii=False),
    )


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
    return [_consolidated(r) for r in _rows(conn.execute(sql, args))]


def consolidated_event(conn: sqlite3.Connection, consolidated_id: str) -> ConsolidatedEvent | None:
    """One consolidated event with every report of it (``consolidated_id`` may be a prefix)."""
    rows = _rows(
        conn.execute(
            "SELECT * FROM consolidated_events WHERE id LIKE ? ORDER BY id LIMIT 2",
            (consolidated_id + "%",),
        )
    )
    if len(rows) != 1:
        return None
    event = _consolidated(rows[0])
    event.members = members(conn, event.id)
    return event


def members(conn: sqlite3.Connection, consolidated_id: str) -> list[Member]:
    cur = conn.execute(
        "SELECT * FROM consolidated_members WHERE consolidated_id = ?"
        " ORDER BY published IS NULL, published, doc_id, event_id",
        (consolidated_id,),
    )
    return [_member(r) for r in _rows(cur)]


def _people(r: dict[str, Any], cumulative: bool = False, per: str | None = None) -> People | None:
    if r["people_low"] is None and r["people_high"] is None:
        return None
    return People(r["people_low"], r["people_high"], bool(r["people_approx"]), per, cumulative)  # type: ignore[arg-type]


def _consolidated(r: dict[str, Any]) -> ConsolidatedEvent:
    when = None
    if r["date_start"] or r["date_precision"]:
        when = DateRange(_date(r["date_start"]), _date(r["date_end"]), r["date_precision"])
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
        first_published=_date(r["first_published"]),
        last_published=_date(r["last_published"]),
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
        published=_date(r["published"]),
        evidence=json.loads(r["evidence"]),
        created_at=r["event_created_at"],
    )


def all_members(conn: sqlite3.Connection) -> list[Member]:
    """Every member row (for comparing two consolidations)."""
    cur = conn.execute("SELECT * FROM consolidated_members ORDER BY consolidated_id, event_id")
    return [_member(r) for r in _rows(cur)]


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
