"""One consolidation run: sign new documents, update clusters, redo touched facts.

A full run builds every report and links them with a sweep over time windows.
An incremental run starts from what changed (new documents, documents whose
events were extracted again, and the components of consolidated events they
belonged to), finds every report linked to those by blocked queries (same type,
dates or publication days near), and redoes only the components reached. Both
decide each component the same way, so two batches give what one would.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from passage.consolidate.documents import sign_new_documents, update_clusters
from passage.consolidate.match import Claim, windows
from passage.consolidate.merge import Edge, blocks_of, link, merge, months_of, sweep_edges
from passage.consolidate.records import (
    ConsolidatedEvent,
    ConsolidationReport,
    EventRecord,
    Report,
    ReportBlock,
)
from passage.consolidate.reports import cluster_reports, report_claim
from passage.consolidate.signatures import SCHEME_NAME
from passage.store import consolidation as sql


def consolidate(conn: sqlite3.Connection, *, rebuild: bool = False) -> ConsolidationReport:
    """Bring duplicate clusters and consolidated events up to date with the store.

    ``conn`` is a writable connection to a migrated Passage database (the
    ``Store``'s). With ``rebuild`` everything is recomputed from the documents and
    events; otherwise only what new documents and re-extracted events touch.
    """
    with sql.write(conn):
        first = sql.signed_documents(conn) == 0
        rebuild = rebuild or first or sql.stale_signatures(conn, SCHEME_NAME) > 0
        if rebuild:
            sql.clear(conn)
        report = ConsolidationReport(rebuilt=rebuild)
        update = update_clusters(conn, sign_new_documents(conn))
        report.new_documents = update.new_documents
        if rebuild:
            report.reports_recomputed = _full(conn)
            report.changed_clusters = len(update.changed_clusters)
        else:
            _incremental(conn, update.changed_docs | sql.changed_event_docs(conn), report)
        for key, value in sql.counts(conn).items():
            setattr(report, key, value)
    return report


class _Reports:
    """Reports of clusters, built on first use from the clusters' documents' events."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.by_cluster: dict[str, list[Report]] = {}
        self.claims: dict[str, Claim] = {}

    def of_docs(self, doc_ids: Iterable[str]) -> list[Report]:
        rows = sql.cluster_rows(self.conn, doc_ids)
        return self.of_clusters({r.cluster_id for r in rows.values()})

    def of_clusters(self, cluster_ids: Iterable[str]) -> list[Report]:
        wanted = sorted(set(cluster_ids))
        missing = [c for c in wanted if c not in self.by_cluster]
        if missing:
            rows = {r.doc_id: r for r in sql.cluster_members(self.conn, missing)}
            records = sql.event_records(self.conn, rows)
            for cluster_id, group in _by_cluster(records, rows).items():
                self.by_cluster[cluster_id] = cluster_reports(group, rows)
            for cluster_id in missing:
                for report in self.by_cluster.setdefault(cluster_id, []):
                    self.claims[report.key] = report_claim(report)
        return [r for c in wanted for r in self.by_cluster[c]]


def _by_cluster(records: list[EventRecord], rows: dict) -> dict[str, list[EventRecord]]:
    out: dict[str, list[EventRecord]] = {}
    for record in records:
        out.setdefault(rows[record.doc.id].cluster_id, []).append(record)
    return out


def _full(conn: sqlite3.Connection) -> int:
    rows = sql.cluster_rows(conn)
    records = sql.event_records(conn, sql.event_docs(conn))
    reports = [
        r for group in _by_cluster(records, rows).values() for r in cluster_reports(group, rows)
    ]
    claims = {r.key: report_claim(r) for r in reports}
    _save(conn, merge(reports, sweep_edges(reports, claims)), reports, claims)
    return len(reports)


def _save(
    conn: sqlite3.Connection,
    consolidated: list[ConsolidatedEvent],
    reports: Iterable[Report],
    claims: dict[str, Claim],
) -> None:
    """Store consolidated events and file each of their reports under its blocks."""
    sql.save_consolidated(conn, consolidated)
    by_key = {r.key: r for r in reports}
    rows = []
    for event in consolidated:
        for key in sorted({m.report_key for m in event.members}):
            report, claim = by_key[key], claims[key]
            months = months_of(windows(claim))
            rows += [
                ReportBlock(event.id, report.cluster_id, block, month)
                for block in blocks_of(report, claim)
                for month in months
            ]
    sql.save_report_blocks(conn, rows)


def _incremental(
    conn: sqlite3.Connection, changed_docs: set[str], outcome: ConsolidationReport
) -> None:
    if not changed_docs:
        return
    cache = _Reports(conn)
    changed_clusters = {r.cluster_id for r in sql.cluster_rows(conn, changed_docs).values()}
    old_components = sql.components_of_docs(conn, changed_docs)
    changed = cache.of_clusters(changed_clusters)
    seeds = changed + cache.of_docs(sql.docs_of_components(conn, old_components))
    closure = {r.key: r for r in seeds}
    frontier = list(closure.values())
    # Reports of changed clusters are not filed under report_blocks yet: link them
    # with each other here; the queries below link everything else.
    edges: set[Edge] = set(sweep_edges(changed, cache.claims))
    while frontier:
        current = frontier.pop()
        claim = cache.claims[current.key]
        months = months_of(windows(claim))
        clusters = sql.candidate_clusters(conn, blocks_of(current, claim), months)
        for other in cache.of_clusters(clusters):
            edge = link(current, claim, other, cache.claims[other.key])
            if edge is None:
                continue
            edges.add(edge)
            if other.key not in closure:
                closure[other.key] = other
                frontier.append(other)
    events = [m.id for r in closure.values() for m in r.members]
    sql.delete_components(conn, old_components | sql.components_of_events(conn, events))
    _save(conn, merge(closure.values(), edges), closure.values(), cache.claims)
    outcome.reports_recomputed, outcome.changed_clusters = len(closure), len(changed_clusters)
