"""Stored events as consolidation reads them, and consolidated events written back."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from passage.consolidate.records import (
    ConsolidatedEvent,
    EventRecord,
    Member,
    ReportBlock,
)
from passage.model import People, Span
from passage.store.consolidation.common import (
    chunks,
    dict_rows,
    distinct,
    insert,
    iso,
    placeholders,
)
from passage.store.consolidation.documents import documents_meta
from passage.store.sqlite import event_from_row

# An event's fields as one string: a member whose digest differs from its event's
# was consolidated before the event was extracted again.
_DIGEST = " || '|' || ".join(
    f"quote(e.{column})"
    for column in (
        "type", "policy_kind", "status", "people_low", "people_high", "people_approx",
        "people_per", "people_cumulative", "origin", "location", "destination", "places",
        "actor", "source", "date_start", "date_end", "date_precision", "change", "extractor",
    )
)  # fmt: skip


def changed_event_docs(conn: sqlite3.Connection) -> set[str]:
    """Documents with events not consolidated as they now stand, or consolidated events gone."""
    fresh = conn.execute(
        "SELECT DISTINCT e.doc_id FROM events e LEFT JOIN consolidated_members m"
        f" ON m.event_id = e.id AND m.event_digest = {_DIGEST} WHERE m.event_id IS NULL"
    ).fetchall()
    gone = conn.execute(
        "SELECT DISTINCT m.doc_id FROM consolidated_members m LEFT JOIN events e"
        " ON e.id = m.event_id WHERE e.id IS NULL"
    ).fetchall()
    return {r[0] for r in fresh} | {r[0] for r in gone}


def event_docs(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT doc_id FROM events ORDER BY doc_id")]


def event_records(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> list[EventRecord]:
    """The stored events of these documents, with their documents' metadata."""
    doc_ids = sorted(set(doc_ids))
    metas = documents_meta(conn, doc_ids)
    out: list[EventRecord] = []
    for chunk in chunks(doc_ids):
        rows = dict_rows(
            conn.execute(
                f"SELECT * FROM events WHERE doc_id IN ({placeholders(len(chunk))}) ORDER BY doc_id, idx",
                chunk,
            )
        )
        spans: dict[str, dict[str, list[Span]]] = {}
        texts: dict[str, list[str]] = {}
        for r in dict_rows(
            conn.execute(
                "SELECT v.event_id, v.field, v.start_char, v.end_char, v.text FROM evidence v"
                f" JOIN events e ON e.id = v.event_id WHERE e.doc_id IN ({placeholders(len(chunk))})"
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
        f"SELECT DISTINCT cluster_id FROM report_blocks WHERE block IN ({placeholders(len(blocks))})"
        f" AND month IN ({placeholders(len(months))})",
        [*blocks, *months],
    )
    return {r[0] for r in cur.fetchall()}


def save_report_blocks(conn: sqlite3.Connection, rows: Sequence[ReportBlock]) -> None:
    conn.executemany(
        "INSERT INTO report_blocks (consolidated_id, cluster_id, block, month) VALUES (?,?,?,?)",
        [(r.consolidated_id, r.cluster_id, r.block, r.month) for r in rows],
    )


# --------------------------------------------------------------------------- consolidated


_COMPONENT_OF = (
    "SELECT DISTINCT c.component FROM consolidated_members m JOIN consolidated_events c"
    " ON c.id = m.consolidated_id WHERE m.{column} IN ({{marks}})"
)


def components_of_docs(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> set[str]:
    return distinct(conn, _COMPONENT_OF.format(column="doc_id"), doc_ids)


def components_of_events(conn: sqlite3.Connection, event_ids: Iterable[str]) -> set[str]:
    return distinct(conn, _COMPONENT_OF.format(column="event_id"), event_ids)


def docs_of_components(conn: sqlite3.Connection, components: Iterable[str]) -> set[str]:
    sql = (
        "SELECT DISTINCT m.doc_id FROM consolidated_members m JOIN consolidated_events c"
        " ON c.id = m.consolidated_id WHERE c.component IN ({marks})"
    )
    return distinct(conn, sql, components)


def delete_components(conn: sqlite3.Connection, components: Iterable[str]) -> None:
    for chunk in chunks(components):
        marks = placeholders(len(chunk))
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
    insert(conn, "consolidated_events", [_consolidated_row(c) for c in events])
    insert(conn, "consolidated_members", [_member_row(c.id, m) for c in events for m in c.members])
    for chunk in chunks(c.id for c in events):
        conn.execute(
            f"UPDATE consolidated_members SET event_digest = (SELECT {_DIGEST} FROM events e"
            " WHERE e.id = consolidated_members.event_id)"
            f" WHERE consolidated_id IN ({placeholders(len(chunk))})",
            chunk,
        )


def _people_row(p: People | None) -> dict[str, Any]:
    return {
        "people_low": p.low if p else None,
        "people_high": p.high if p else None,
        "people_approx": int(p.approx) if p else None,
    }


def _consolidated_row(c: ConsolidatedEvent) -> dict[str, Any]:
    p, d = c.people, c.date
    return {
        "id": c.id,
        "component": c.component,
        "type": c.type,
        "policy_kind": c.policy_kind,
        "status": c.status,
        **_people_row(p),
        "people_per": p.per if p else None,
        "people_cumulative": int(p.cumulative) if p else None,
        "origin": json.dumps(c.origin),
        "location": c.location,
        "destination": c.destination,
        "date_start": iso(d.start) if d else None,
        "date_end": iso(d.end) if d else None,
        "date_precision": d.precision if d else None,
        "first_published": iso(c.first_published),
        "last_published": iso(c.last_published),
        "reports": c.reports,
        "documents": c.documents,
        "conflict": int(c.conflict),
        "method": c.method,
    }


def _member_row(consolidated_id: str, m: Member) -> dict[str, Any]:
    return {
        "event_id": m.event_id,
        "consolidated_id": consolidated_id,
        "event_digest": "",  # set from the events table right after
        "doc_id": m.doc_id,
        "cluster_id": m.cluster_id,
        "report_key": m.report_key,
        "relation": m.relation,
        "superseded": int(m.superseded),
        **_people_row(m.people),
        "source": m.source,
        "outlet": m.outlet,
        "url": m.url,
        "title": m.title,
        "published": iso(m.published),
        "evidence": json.dumps(m.evidence, ensure_ascii=False),
    }
