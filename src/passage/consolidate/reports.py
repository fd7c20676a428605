"""Within one duplicate cluster: the events of its copies, aligned into reports.

A syndicated copy or an updated version repeats the facts of its original, so
their events merge first, one event per document and fact. A report is one fact
as one cluster tells it; it counts once, however many copies carry it. When a
later version of the same article changes a figure, the earlier one is marked
superseded: the outlet itself corrected it, which is no conflict between sources.
"""

from __future__ import annotations

import copy
from datetime import date

from passage.consolidate.match import Claim, content_words, same_fact, score
from passage.consolidate.records import ClusterRow, EventRecord, Report
from passage.consolidate.signatures import words


def claim(record: EventRecord) -> Claim:
    """A stored event as its report states it, for matching."""
    return Claim(
        event=record.event,
        published=record.doc.published,
        words=content_words([w for text in record.evidence_text for w in words(text)]),
        source=record.event.source,
    )


def report_claim(report: Report) -> Claim:
    """A report's face, with the evidence words of all its copies."""
    return Claim(
        event=report.face,
        published=report.published,
        words=frozenset(w for m in report.members for text in m.evidence_text for w in words(text)),
        source=report.face.source,
    )


def _doc_order(record: EventRecord) -> tuple[bool, date, str]:
    return (record.doc.published is None, record.doc.published or date.min, record.doc.id)


def cluster_reports(records: list[EventRecord], rows: dict[str, ClusterRow]) -> list[Report]:
    """The reports of one cluster's events (all of ``records`` share a cluster)."""
    for record in records:
        row = rows[record.doc.id]
        record.cluster_id, record.relation = row.cluster_id, row.relation
    by_doc: dict[str, list[EventRecord]] = {}
    for record in sorted(records, key=lambda r: (_doc_order(r), r.idx)):
        by_doc.setdefault(record.doc.id, []).append(record)
    groups: list[list[EventRecord]] = []
    for doc_records in by_doc.values():
        pairs = []
        for g, group in enumerate(groups):
            lead = claim(group[0])
            for record in doc_records:
                other = claim(record)
                if same_fact(lead, other, same_story=True):
                    pairs.append((-score(lead, other), g, record.idx, record))
        pairs.sort(key=lambda p: p[:3])
        used_groups: set[int] = set()
        used: set[str] = set()
        for _, g, _, record in pairs:
            if g in used_groups or record.id in used:
                continue
            groups[g].append(record)
            used_groups.add(g)
            used.add(record.id)
        groups += [[r] for r in doc_records if r.id not in used]
    return [_report(group) for group in groups]


def _report(members: list[EventRecord]) -> Report:
    _mark_superseded(members)
    speaking = [m for m in members if not m.superseded] or members
    face = copy.copy(speaking[0].event)
    for other in members:
        ev = other.event
        face.origin = face.origin or list(ev.origin)
        face.location = face.location or ev.location
        face.destination = face.destination or ev.destination
        face.people = face.people or ev.people
        face.date = face.date if face.date and face.date.start else (ev.date or face.date)
        face.source = face.source or ev.source
    return Report(
        key=members[0].id,
        cluster_id=members[0].cluster_id,
        members=members,
        face=face,
        published=speaking[0].doc.published,
    )


def _mark_superseded(members: list[EventRecord]) -> None:
    """Versions of one article: all but the newest are superseded."""
    newest: dict[str, EventRecord] = {}
    for m in members:
        key = m.doc.version_key
        best = newest.get(key)
        if best is None or _newer(m, best):
            newest[key] = m
    for m in members:
        m.superseded = newest[m.doc.version_key] is not m


def _newer(a: EventRecord, b: EventRecord) -> bool:
    pa = a.doc.published or date.min
    pb = b.doc.published or date.min
    return (pa, a.doc.order) > (pb, b.doc.order)
