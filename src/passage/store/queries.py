"""Read-only queries for the web API and exports: filters, pages, sorting, figures.

Every function takes an open :class:`sqlite3.Connection` (from
:func:`passage.store.connect_readonly` or a :class:`Store`) and returns named types.
An event's *time* is its stated date range; when the text gives no date, the
report's publication date stands in (``date_basis`` says which one was used).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from passage.model import Event, Span
from passage.store.sqlite import event_from_row

EXPORT_BATCH = 500  # events fetched per query when streaming a whole selection

# The time an event covers: its own dates, else the report's publication date.
WHEN_START = "COALESCE(e.date_start, e.date_end, d.published)"
WHEN_END = "COALESCE(e.date_end, e.date_start, d.published)"
PEOPLE = "COALESCE(e.people_low, e.people_high)"
LIKE = "LIKE ? ESCAPE '\\'"

EventSort = Literal["date", "-date", "people", "-people", "type", "-type"]


@dataclass(frozen=True)
class Scope:
    """How the event filters read one kind of row aliased ``e``: a report's event, or a
    consolidated event. Each condition takes one ``?`` (a LIKE pattern or a document id)."""

    table: str  # the FROM clause
    when_start: str
    when_end: str
    people: str
    actor: str
    source: str
    text: str
    doc: str

    def sorts(self) -> dict[str, str]:
        """ORDER BY clauses by sort name (a leading - sorts descending)."""
        return {
            "date": f"{self.when_start} ASC NULLS LAST, e.id",
            "-date": f"{self.when_start} DESC NULLS LAST, e.id",
            "people": f"{self.people} ASC NULLS LAST, e.id",
            "-people": f"{self.people} DESC NULLS LAST, e.id",
            "type": f"e.type ASC, {self.when_start} DESC NULLS LAST, e.id",
            "-type": f"e.type DESC, {self.when_start} DESC NULLS LAST, e.id",
        }


EVENTS = Scope(
    table=" FROM events e JOIN documents d ON d.id = e.doc_id",
    when_start=WHEN_START,
    when_end=WHEN_END,
    people=PEOPLE,
    actor=f"e.actor {LIKE}",
    source=f"e.source {LIKE}",
    text="EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.field = 'event'"
    f" AND v.text {LIKE})",
    doc="e.doc_id = ?",
)
EVENT_SORTS: dict[str, str] = EVENTS.sorts()

DOCUMENT_SORTS: dict[str, str] = {
    "published": "d.published ASC NULLS LAST, d.id",
    "-published": "d.published DESC NULLS LAST, d.id",
    "events": "n_events ASC, d.id",
    "-events": "n_events DESC, d.id",
}


@dataclass(frozen=True)
class EventFilters:
    """Which events to select; every field left empty selects everything.

    Country fields hold ISO alpha-3 codes and match any of the codes given;
    ``country`` matches an event whose origin, location or destination is one of them.
    The date window keeps events whose time overlaps ``[date_from, date_to]``.
    """

    types: tuple[str, ...] = ()
    policy_kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    origin: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    destination: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    min_people: int | None = None
    actor: str | None = None
    source: str | None = None
    text: str | None = None  # in the evidence sentences
    doc_id: str | None = None


@dataclass(frozen=True)
class DocumentRef:
    id: str
    url: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True)
class SpanText:
    """One stored evidence span: ``field`` is ``event`` for the event's own evidence."""

    field: str
    start: int
    end: int
    text: str


@dataclass
class EventRecord:
    """A stored event with its id, its report, and the text of every span."""

    id: str
    event: Event
    document: DocumentRef
    spans: list[SpanText]
    extractor: str
    date_basis: Literal["event", "published"] | None
    consolidated_id: str | None = None  # the fact it is a report of, once consolidated

    @property
    def evidence_text(self) -> list[str]:
        return [s.text for s in self.spans if s.field == "event"]


@dataclass
class EventPage:
    count: int
    events: list[EventRecord]


@dataclass(frozen=True)
class FigureRow:
    """What counting needs of one event: its figure, corridor and time."""

    id: str
    type: str
    status: str
    people_low: int | None
    people_high: int | None
    per: str | None
    cumulative: bool
    origin: list[str]
    location: str | None
    destination: str | None
    when_start: date | None
    when_end: date | None


@dataclass
class DocumentSummary:
    id: str
    url: str | None
    title: str | None
    published: str | None
    language: str | None
    format: str
    chars: int
    events: int


@dataclass
class DocumentPage:
    count: int
    documents: list[DocumentSummary]


@dataclass(frozen=True)
class BlockRow:
    start: int
    end: int
    kind: str
    reason: str | None


@dataclass
class DocumentDetail:
    summary: DocumentSummary
    text: str
    blocks: list[BlockRow]
    events: list[EventRecord]


@dataclass
class Facets:
    """What the database holds, for filter menus: values with their event counts."""

    events: int
    documents: int
    types: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    policy_kinds: dict[str, int] = field(default_factory=dict)
    countries: dict[str, int] = field(default_factory=dict)
    date_min: str | None = None
    date_max: str | None = None
    consolidated: int = 0  # consolidated events (facts); 0 before `passage consolidate`
    unconsolidated: int = 0  # events extracted since, in no consolidated event yet


# --------------------------------------------------------------------------- filters


def _in(column: str, values: Sequence[str], args: list[Any]) -> str:
    args.extend(values)
    return f"{column} IN ({','.join('?' * len(values))})"


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


@dataclass(frozen=True)
class Where:
    """A WHERE clause (empty, or starting with `` WHERE``) and its arguments."""

    sql: str
    args: list[Any]


def where(f: EventFilters, scope: Scope = EVENTS) -> Where:
    """The filters as a WHERE clause over rows aliased ``e``, read as ``scope`` says."""
    parts: list[str] = []
    args: list[Any] = []
    if f.types:
        parts.append(_in("e.type", f.types, args))
    if f.policy_kinds:
        parts.append(_in("e.policy_kind", f.policy_kinds, args))
    if f.statuses:
        parts.append(_in("e.status", f.statuses, args))
    origin_any = "EXISTS (SELECT 1 FROM json_each(e.origin) o WHERE {})"
    if f.origin:
        parts.append(origin_any.format(_in("o.value", f.origin, args)))
    if f.location:
        parts.append(_in("e.location", f.location, args))
    if f.destination:
        parts.append(_in("e.destination", f.destination, args))
    if f.country:
        anywhere = [
            origin_any.format(_in("o.value", f.country, args)),
            _in("e.location", f.country, args),
            _in("e.destination", f.country, args),
        ]
        parts.append("(" + " OR ".join(anywhere) + ")")
    if f.date_from:
        parts.append(f"{scope.when_end} >= ?")
        args.append(f.date_from.isoformat())
    if f.date_to:
        parts.append(f"{scope.when_start} <= ?")
        args.append(f.date_to.isoformat())
    if f.min_people is not None:
        parts.append(f"{scope.people} >= ?")
        args.append(f.min_people)
    for condition, text in ((scope.actor, f.actor), (scope.source, f.source), (scope.text, f.text)):
        if text:
            parts.append(condition)
            args.append(_like(text))
    if f.doc_id:
        parts.append(scope.doc)
        args.append(f.doc_id)
    return Where((" WHERE " + " AND ".join(parts)) if parts else "", args)


_FROM = EVENTS.table
_SELECT = (
    "SELECT e.*, d.url AS doc_url, d.title AS doc_title, d.published AS doc_published,"
    " cm.consolidated_id" + _FROM + " LEFT JOIN consolidated_members cm ON cm.event_id = e.id"
)


# --------------------------------------------------------------------------- events


def count_events(conn: sqlite3.Connection, filters: EventFilters) -> int:
    w = where(filters)
    return int(conn.execute("SELECT COUNT(*)" + _FROM + w.sql, w.args).fetchone()[0])


def list_events(
    conn: sqlite3.Connection,
    filters: EventFilters,
    *,
    sort: EventSort = "-date",
    limit: int = 50,
    offset: int = 0,
) -> EventPage:
    """One page of the selected events and how many there are in all."""
    w = where(filters)
    sql = f"{_SELECT}{w.sql} ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?"
    rows = conn.execute(sql, [*w.args, limit, offset]).fetchall()
    return EventPage(count=count_events(conn, filters), events=_records(conn, rows))


def iter_events(
    conn: sqlite3.Connection, filters: EventFilters, *, sort: EventSort = "date"
) -> Iterator[EventRecord]:
    """Every selected event, in order, fetched in batches."""
    w = where(filters)
    sql = f"{_SELECT}{w.sql} ORDER BY {EVENT_SORTS[sort]} LIMIT ? OFFSET ?"
    offset = 0
    while True:
        rows = conn.execute(sql, [*w.args, EXPORT_BATCH, offset]).fetchall()
        yield from _records(conn, rows)
        if len(rows) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH


def get_event(conn: sqlite3.Connection, event_id: str) -> EventRecord | None:
    rows = conn.execute(_SELECT + " WHERE e.id = ?", (event_id,)).fetchall()
    records = _records(conn, rows)
    return records[0] if records else None


def _records(conn: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> list[EventRecord]:
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    texts: dict[str, list[SpanText]] = {i: [] for i in ids}
    for v in conn.execute(
        "SELECT * FROM evidence WHERE event_id IN (" + ",".join("?" * len(ids)) + ")"
        " ORDER BY event_id, field = 'event' DESC, field, idx",
        ids,
    ):
        texts[v["event_id"]].append(SpanText(v["field"], v["start_char"], v["end_char"], v["text"]))
    out = []
    for r in rows:
        spans: dict[str, list[Span]] = {}
        for s in texts[r["id"]]:
            spans.setdefault(s.field, []).append(Span(s.start, s.end))
        basis = "event" if r["date_start"] or r["date_end"] else None
        if basis is None and r["doc_published"]:
            basis = "published"
        out.append(
            EventRecord(
                id=r["id"],
                event=event_from_row(r, spans),
                document=DocumentRef(r["doc_id"], r["doc_url"], r["doc_title"], r["doc_published"]),
                spans=texts[r["id"]],
                extractor=r["extractor"],
                date_basis=basis,
                consolidated_id=r["consolidated_id"],
            )
        )
    return out


def figure_rows(
    conn: sqlite3.Connection, filters: EventFilters, scope: Scope = EVENTS
) -> list[FigureRow]:
    """The selected events (or, with another scope, consolidated events) as aggregates
    count them."""
    w = where(filters, scope)
    sql = (
        "SELECT e.id, e.type, e.status, e.people_low, e.people_high, e.people_per,"
        f" e.people_cumulative, e.origin, e.location, e.destination, {scope.when_start} AS ws,"
        f" {scope.when_end} AS we" + scope.table + w.sql + " ORDER BY e.id"
    )
    return [
        FigureRow(
            id=r["id"],
            type=r["type"],
            status=r["status"],
            people_low=r["people_low"],
            people_high=r["people_high"],
            per=r["people_per"],
            cumulative=bool(r["people_cumulative"]),
            origin=json.loads(r["origin"]),
            location=r["location"],
            destination=r["destination"],
            when_start=_day(r["ws"]),
            when_end=_day(r["we"]),
        )
        for r in conn.execute(sql, w.args)
    ]


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def facets(conn: sqlite3.Connection) -> Facets:
    one = conn.execute
    out = Facets(
        events=one("SELECT COUNT(*) FROM events").fetchone()[0],
        documents=one("SELECT COUNT(*) FROM documents").fetchone()[0],
    )
    for name, column in (
        ("types", "type"),
        ("statuses", "status"),
        ("policy_kinds", "policy_kind"),
    ):
        rows = one(
            f"SELECT {column}, COUNT(*) FROM events WHERE {column} IS NOT NULL"
            f" GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        setattr(out, name, {r[0]: r[1] for r in rows})
    rows = one(
        "SELECT code, COUNT(DISTINCT id) FROM ("
        " SELECT e.id, o.value AS code FROM events e, json_each(e.origin) o"
        " UNION ALL SELECT id, location FROM events UNION ALL SELECT id, destination FROM events)"
        " WHERE code IS NOT NULL GROUP BY code ORDER BY 2 DESC, 1"
    ).fetchall()
    out.countries = {r[0]: r[1] for r in rows}
    lo, hi = one(
        f"SELECT MIN({WHEN_START}), MAX({WHEN_END}) FROM events e JOIN documents d"
        " ON d.id = e.doc_id"
    ).fetchone()
    out.date_min, out.date_max = lo, hi
    out.consolidated = one("SELECT COUNT(*) FROM consolidated_events").fetchone()[0]
    out.unconsolidated = unconsolidated_events(conn)
    return out


def unconsolidated_events(conn: sqlite3.Connection) -> int:
    """Events in no consolidated event: all of them before the first `passage consolidate`."""
    return int(
        conn.execute(
            "SELECT COUNT(*) FROM events e WHERE NOT EXISTS"
            " (SELECT 1 FROM consolidated_members m WHERE m.event_id = e.id)"
        ).fetchone()[0]
    )


# --------------------------------------------------------------------------- documents

_DOC_SELECT = (
    "SELECT d.id, d.url, d.title, d.published, d.language, d.format, d.chars,"
    " (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS n_events FROM documents d"
)


def _summary(r: sqlite3.Row) -> DocumentSummary:
    return DocumentSummary(
        id=r["id"],
        url=r["url"],
        title=r["title"],
        published=r["published"],
        language=r["language"],
        format=r["format"],
        chars=r["chars"],
        events=r["n_events"],
    )


def list_documents(
    conn: sqlite3.Connection,
    *,
    search: str | None = None,
    sort: str = "-published",
    limit: int = 50,
    offset: int = 0,
) -> DocumentPage:
    """Stored documents whose text, title or url contains ``search``, one page of them."""
    clause, args = "", []
    if search:
        clause = f" WHERE (d.text {LIKE} OR d.title {LIKE} OR d.url {LIKE})"
        args = [_like(search)] * 3
    count = conn.execute("SELECT COUNT(*) FROM documents d" + clause, args).fetchone()[0]
    rows = conn.execute(
        f"{_DOC_SELECT}{clause} ORDER BY {DOCUMENT_SORTS[sort]} LIMIT ? OFFSET ?",
        [*args, limit, offset],
    ).fetchall()
    return DocumentPage(count=count, documents=[_summary(r) for r in rows])


def get_document(conn: sqlite3.Connection, doc_id: str) -> DocumentDetail | None:
    """A stored document's text, blocks and events, by its full id."""
    row = conn.execute(_DOC_SELECT + " WHERE d.id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    blocks = [
        BlockRow(b["start_char"], b["end_char"], b["kind"], b["reason"])
        for b in conn.execute("SELECT * FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,))
    ]
    events = list(iter_events(conn, EventFilters(doc_id=doc_id), sort="date"))
    events.sort(key=lambda r: min((s.start for s in r.event.evidence), default=0))
    return DocumentDetail(summary=_summary(row), text=text, blocks=blocks, events=events)
