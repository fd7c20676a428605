"""Across clusters: reports of one fact become one consolidated event.

Reports are linked when :func:`same_fact` holds (the edges). A connected group of
linked reports (a component) is then split greedily, best-matching pair first,
into consolidated events in which every two reports are linked and no duplicate
cluster speaks twice (complete linkage: an undated report never chains two
flights of different days together). The outcome depends only on the component,
which is what lets an incremental run redo just the components it touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from passage.consolidate.match import (
    Claim,
    Interval,
    figures_agree,
    interval,
    same_fact,
    score,
    windows,
)
from passage.consolidate.records import ConsolidatedEvent, EventRecord, Member, Report
from passage.consolidate.reports import report_claim
from passage.model import DateRange, People, content_id


@dataclass(frozen=True)
class Combined:
    """The figure of one fact across its reports."""

    people: People | None
    conflict: bool
    method: str


@dataclass(frozen=True)
class Edge:
    """Two reports that can state one fact, and how well they match (``a < b``)."""

    a: str
    b: str
    score: float


def block_key(report: Report) -> str:
    """Reports in different blocks never state one fact (type, policy kind, planned or not)."""
    face = report.face
    return f"{face.type}|{face.policy_kind or ''}|{face.status == 'planned'}"


def blocks_of(report: Report, claim: Claim) -> list[str]:
    """The blocks a report is filed under: its block key with each country it names."""
    return [f"{block_key(report)}|{anchor}" for anchor in claim.anchors()]


def months_of(spans: list[Interval]) -> list[str]:
    """The months (YYYY-MM) some of ``spans`` touch."""
    out: set[str] = set()
    for span in spans:
        year, month = span.start.year, span.start.month
        while (year, month) <= (span.end.year, span.end.month):
            out.add(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return sorted(out)


def link(a: Report, ca: Claim, b: Report, cb: Claim) -> Edge | None:
    """The edge between two reports of different clusters, if they can state one fact."""
    if a.cluster_id == b.cluster_id or not same_fact(ca, cb):
        return None
    first, second = sorted((a.key, b.key))
    return Edge(first, second, score(ca, cb))


def sweep_edges(reports: list[Report], claims: dict[str, Claim] | None = None) -> list[Edge]:
    """Every edge among ``reports``.

    Only reports of one block sharing a country (origin, location or destination:
    ``same_fact`` requires one) are compared, and only when their windows meet.
    """
    claims = claims or {r.key: report_claim(r) for r in reports}
    blocks: dict[str, list[tuple[Interval, Report]]] = {}
    for r in reports:
        spans = windows(claims[r.key])
        for block in blocks_of(r, claims[r.key]) if spans else []:
            blocks.setdefault(block, []).extend((span, r) for span in spans)
    seen: set[tuple[str, str]] = set()
    edges: list[Edge] = []
    for entries in blocks.values():
        entries.sort(key=lambda x: (x[0].start, x[1].key))
        active: list[tuple[Interval, Report]] = []
        for span, r in entries:
            active = [(s, o) for s, o in active if s.end >= span.start]
            for _, other in active:
                pair = (min(r.key, other.key), max(r.key, other.key))
                if other.key == r.key or pair in seen:
                    continue
                seen.add(pair)
                edge = link(r, claims[r.key], other, claims[other.key])
                if edge is not None:
                    edges.append(edge)
            active.append((span, r))
    return edges


def merge(reports: Iterable[Report], edges: Iterable[Edge]) -> list[ConsolidatedEvent]:
    """Consolidated events of ``reports`` given every edge among them."""
    by_key = {r.key: r for r in reports}
    parent = {k: k for k in by_key}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = [e for e in edges if e.a in by_key and e.b in by_key]
    for e in edges:
        ra, rb = find(e.a), find(e.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    components: dict[str, list[str]] = {}
    for k in sorted(by_key):
        components.setdefault(find(k), []).append(k)
    comp_edges: dict[str, list[Edge]] = {}
    for e in edges:
        comp_edges.setdefault(find(e.a), []).append(e)
    out: list[ConsolidatedEvent] = []
    for root, keys in components.items():
        for group in _greedy(keys, comp_edges.get(root, []), by_key):
            out.append(build([by_key[k] for k in group], component=keys[0]))
    return out


def _greedy(keys: list[str], edges: list[Edge], by_key: dict[str, Report]) -> list[list[str]]:
    linked = {(e.a, e.b) for e in edges}
    owner = {k: k for k in keys}
    groups = {k: [k] for k in keys}
    clusters = {k: {by_key[k].cluster_id} for k in keys}
    for e in sorted(edges, key=lambda e: (-e.score, e.a, e.b)):
        ga, gb = owner[e.a], owner[e.b]
        if ga == gb or clusters[ga] & clusters[gb]:
            continue
        if not all((min(x, y), max(x, y)) in linked for x in groups[ga] for y in groups[gb]):
            continue
        keep, drop = min(ga, gb), max(ga, gb)
        groups[keep] += groups.pop(drop)
        clusters[keep] |= clusters.pop(drop)
        for k in groups[keep]:
            owner[k] = keep
    return [sorted(g) for g in groups.values()]


# --------------------------------------------------------------------------- building


def _published_order(r: Report) -> tuple[bool, date, str]:
    return (r.published is None, r.published or date.min, r.key)


def build(reports: list[Report], component: str) -> ConsolidatedEvent:
    """One consolidated event from reports of one fact."""
    reports = sorted(reports, key=_published_order)
    anchor = reports[0]
    records = [m for r in reports for m in r.members]
    combined = combine_people(records)
    statuses = {r.face.status for r in reports}
    status = next(s for s in ("occurred", "ongoing", "planned") if s in statuses)
    published = sorted(m.doc.published for m in records if m.doc.published)
    return ConsolidatedEvent(
        id=content_id("consolidated:" + anchor.key),
        component=component,
        type=anchor.face.type,
        policy_kind=anchor.face.policy_kind,
        status=status,
        people=combined.people,
        origin=sorted({c for r in reports for c in r.face.origin}),
        location=next((r.face.location for r in reports if r.face.location), None),
        destination=next((r.face.destination for r in reports if r.face.destination), None),
        date=_date(reports),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        reports=len({r.cluster_id for r in reports}),
        documents=len({m.doc.id for m in records}),
        conflict=combined.conflict,
        method=combined.method,
        members=[_member(r.key, m) for r in reports for m in r.members],
    )


def _date(reports: list[Report]) -> DateRange | None:
    dated = [(interval(r.face), r.face.date) for r in reports]
    dated = [(span, d) for span, d in dated if span is not None]
    if not dated:
        return None
    dated.sort(key=lambda x: (x[0].days, x[0].start))  # type: ignore[union-attr]
    return dated[0][1]


def combine_people(records: list[EventRecord]) -> Combined:
    """The figure of one fact from its reports' figures, whether they conflict, and how.

    Figures that can all be true are intersected (100 and "more than 90" give 100).
    Figures that cannot are kept side by side: the range runs from the lowest to
    the highest, an open end stays open, and ``conflict`` is set. Superseded
    versions and copies repeating the same cluster's figure do not vote twice.
    """
    voting = [m for m in records if not m.superseded and m.event.people is not None]
    if not voting:
        return Combined(None, False, "no report gives a figure")
    figures = [m.event.people for m in voting]
    per, cumulative = figures[0].per, figures[0].cumulative  # type: ignore[union-attr]
    conflict = not all(figures_agree(a, b) for i, a in enumerate(figures) for b in figures[i + 1 :])
    lows = [p.low for p in figures]  # type: ignore[union-attr]
    highs = [p.high for p in figures]  # type: ignore[union-attr]
    approx = all(p.approx for p in figures)  # type: ignore[union-attr]
    clusters = len({m.cluster_id for m in voting})
    if conflict:
        low = None if None in lows else min(lows)  # type: ignore[type-var]
        high = None if None in highs else max(highs)  # type: ignore[type-var]
        said = "; ".join(f"{describe(m.event.people)} ({_who(m)})" for m in voting)  # type: ignore[arg-type]
        method = f"reports disagree, range kept from lowest to highest: {said}"
    else:
        known_lows = [x for x in lows if x is not None]
        known_highs = [x for x in highs if x is not None]
        low = max(known_lows) if known_lows else None
        high = min(known_highs) if known_highs else None
        if low is not None and high is not None and low > high:
            low, high, approx = high, low, True  # they agree only as approximations
        method = f"{clusters} report(s) agree, figures intersected"
    return Combined(People(low, high, approx, per, cumulative), conflict, method)


def _who(m: EventRecord) -> str:
    parts = [m.doc.outlet or m.doc.id]
    if m.event.source:
        parts.append(f"citing {m.event.source}")
    return ", ".join(parts)


def describe(p: People) -> str:
    """A figure as words: "100", "about 300", "at least 100", "up to 50", "8000-10000"."""
    if p.low is not None and p.low == p.high:
        text = str(p.low)
    elif p.low is not None and p.high is not None:
        text = f"{p.low}-{p.high}"
    elif p.low is not None:
        text = f"at least {p.low}"
    elif p.high is not None:
        text = f"up to {p.high}"
    else:
        text = "?"
    if p.approx:
        text = f"about {text}"
    if p.per:
        text += f" per {p.per}"
    if p.cumulative:
        text += " so far"
    return text


def _member(report_key: str, m: EventRecord) -> Member:
    return Member(
        event_id=m.id,
        doc_id=m.doc.id,
        cluster_id=m.cluster_id,
        report_key=report_key,
        relation=m.relation,
        superseded=m.superseded,
        people=m.event.people,
        source=m.event.source,
        outlet=m.doc.outlet,
        url=m.doc.url,
        title=m.doc.title,
        published=m.doc.published,
        evidence=[
            [s.start, s.end, m.evidence_text[i] if i < len(m.evidence_text) else None]
            for i, s in enumerate(m.event.evidence)
        ],
    )
